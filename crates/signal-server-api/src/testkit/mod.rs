//! A protocol-aware mock Signal server for tests (feature `testkit`), over wiremock, with a
//! chat WebSocket that answers from the same expectations.
//!
//! [`MockSignalServer`] speaks the REST API: expectations are set per operation type
//! ([`MockSignalServer::expect`], or the typed shortcuts such as
//! [`expect_create_session`](MockSignalServer::expect_create_session)), match the operation's
//! method and path template (and, if asked, the exact request an endpoint value would send),
//! and answer with typed responses, statuses or rate limits. Requests no expectation matches
//! get transport-core's catch-all answer (status 599 naming the request), so a missing mock
//! fails with a readable error.
//!
//! Its [`FakeChatSocket`] ([`MockSignalServer::websocket`]) speaks the protobuf framing of
//! `/v1/websocket/`: request frames are answered from the same expectations (one expectation
//! serves both transports; [`received_requests`](MockSignalServer::received_requests) lists
//! the calls of both), messages are pushed and their acknowledgements checked, and faults are
//! injected per request ([`WsFault`]).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> signal_server_api::Result<()> {
//! use signal_server_api::api::verification::CreateSession;
//! use signal_server_api::model::VerificationSessionResponse;
//! use signal_server_api::testkit::MockSignalServer;
//!
//! let server = MockSignalServer::start().await;
//! server
//!     .expect_create_session()
//!     .respond(&VerificationSessionResponse::new("sess-1"))
//!     .times(1)
//!     .mount()
//!     .await;
//! let client = server.client()?;
//! let session = client.send(&CreateSession::new("+14155550100")).await?;
//! assert_eq!(session.id, "sess-1");
//! # Ok(()) }
//! ```

mod expectation;
mod socket;

pub use expectation::Expectation;
pub use socket::{
    FAKE_TIMESTAMP_BASE_MS, FakeChatSocket, FrameInfo, PushKind, PushResponse, WsFault,
};

use crate::api::Operation;
use crate::api::{account, keep_alive, messages, profile, registration, verification};
use crate::client::{SignalClient, SignalClientBuilder};
use wiremock::MockServer;

/// A mock Signal server on `127.0.0.1`, with a catch-all for unexpected requests, and its chat
/// WebSocket on another port.
#[derive(Debug)]
pub struct MockSignalServer {
    server: MockServer,
    socket: FakeChatSocket,
}

impl MockSignalServer {
    /// Starts a server and its chat WebSocket.
    ///
    /// # Panics
    ///
    /// When no port on 127.0.0.1 can be bound for the WebSocket: a test setup error.
    pub async fn start() -> Self {
        let server = MockServer::start().await;
        transport_core::testkit::http::mount_catch_all(&server).await;
        #[allow(clippy::panic)]
        let socket = match FakeChatSocket::start(server.uri()).await {
            Ok(socket) => socket,
            Err(e) => panic!("cannot start the fake chat WebSocket: {e}"),
        };
        Self { server, socket }
    }

    /// The chat WebSocket: pushes, acknowledgements, faults, upgrade requests.
    pub fn websocket(&self) -> &FakeChatSocket {
        &self.socket
    }

    /// A client builder for the WebSocket transport pointed at this server
    /// ([`SignalClientBuilder::connect`] it), with no REST timeouts and no proxy.
    pub fn ws_client_builder(&self) -> SignalClientBuilder {
        self.client_builder().websocket_url(self.socket.url())
    }

    /// A WebSocket client without credentials connected to this server.
    ///
    /// # Errors
    ///
    /// As [`SignalClientBuilder::connect`].
    pub async fn ws_client(&self) -> crate::Result<SignalClient> {
        self.ws_client_builder().connect().await
    }

    /// The server's base URL (`http://127.0.0.1:<port>`).
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// The underlying wiremock server, for custom mocks.
    pub fn inner(&self) -> &MockServer {
        &self.server
    }

    /// A client builder pointed at this server, with no timeouts (so tests with paused time
    /// do not fire them) and no proxy.
    pub fn client_builder(&self) -> SignalClientBuilder {
        SignalClient::builder()
            .base_url(self.uri())
            .timeout(None)
            .connect_timeout(None)
            .pool_idle_timeout(None)
            .customize_http(|b| b.no_proxy())
    }

    /// A client without credentials pointed at this server.
    ///
    /// # Errors
    ///
    /// As [`SignalClientBuilder::build`].
    pub fn client(&self) -> crate::Result<SignalClient> {
        self.client_builder().build()
    }

    /// The requests the server received so far, over REST and over the WebSocket (except
    /// `GET /v1/keepalive` frames, which the socket answers itself).
    pub async fn received_requests(&self) -> Vec<wiremock::Request> {
        self.server.received_requests().await.unwrap_or_default()
    }

    /// An expectation for operation `E`: its method and path template.
    pub fn expect<E: Operation>(&self) -> Expectation<'_, E> {
        Expectation::new(&self.server)
    }

    /// `POST /v1/verification/session`.
    pub fn expect_create_session(&self) -> Expectation<'_, verification::CreateSession> {
        self.expect()
    }

    /// `GET /v1/verification/session/{sessionId}`.
    pub fn expect_get_session(&self) -> Expectation<'_, verification::GetSession> {
        self.expect()
    }

    /// `PATCH /v1/verification/session/{sessionId}`.
    pub fn expect_update_session(&self) -> Expectation<'_, verification::UpdateSession> {
        self.expect()
    }

    /// `POST /v1/verification/session/{sessionId}/code`.
    pub fn expect_request_verification_code(
        &self,
    ) -> Expectation<'_, verification::RequestVerificationCode> {
        self.expect()
    }

    /// `PUT /v1/verification/session/{sessionId}/code`.
    pub fn expect_verify_code(&self) -> Expectation<'_, verification::VerifyCode> {
        self.expect()
    }

    /// `POST /v1/registration`.
    pub fn expect_register(&self) -> Expectation<'_, registration::Register> {
        self.expect()
    }

    /// `PUT /v1/accounts/attributes`.
    pub fn expect_set_account_attributes(&self) -> Expectation<'_, account::SetAccountAttributes> {
        self.expect()
    }

    /// `GET /v1/accounts/whoami`.
    pub fn expect_who_am_i(&self) -> Expectation<'_, account::WhoAmI> {
        self.expect()
    }

    /// `GET /v1/profile/{identifier}/{version}`.
    pub fn expect_get_profile(&self) -> Expectation<'_, profile::GetProfile> {
        self.expect()
    }

    /// `GET /v1/profile/{identifier}`.
    pub fn expect_get_unversioned_profile(
        &self,
    ) -> Expectation<'_, profile::GetUnversionedProfile> {
        self.expect()
    }

    /// `PUT /v1/messages/{destination}`.
    pub fn expect_send_message(&self) -> Expectation<'_, messages::SendMessage> {
        self.expect()
    }

    /// `GET /v1/keepalive`.
    pub fn expect_keep_alive(&self) -> Expectation<'_, keep_alive::GetKeepAlive> {
        self.expect()
    }
}
