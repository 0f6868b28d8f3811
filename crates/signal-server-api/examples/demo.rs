//! A new device's first minutes against the crate's own mock server, once over REST and once
//! over the chat WebSocket: open a verification session, request and submit the SMS code,
//! register, set the account attributes, fetch the profile; then, on the WebSocket, receive
//! a message the server pushes and acknowledge it.
//!
//! Run it with `cargo run -p signal-server-api --features testkit --example signal-server-api-demo` (or
//! `cargo xtask demo`). Against the real server, build the client with
//! `SignalClient::builder()` (plus Signal's root certificate) instead of the mock's builders;
//! the calls stay the same.

#![allow(clippy::print_stdout)] // a demo prints what it does

use signal_server_api::api::account::SetAccountAttributes;
use signal_server_api::api::profile::GetProfile;
use signal_server_api::api::registration::{Register, RegistrationKeys};
use signal_server_api::api::verification::{
    CodeTransport, CreateSession, RequestVerificationCode, VerifyCode,
};
use signal_server_api::auth::BasicAuthorization;
use signal_server_api::model::{
    AccountAttributes, AccountIdentityResponse, BaseProfileResponse, DeviceId, EcSignedPreKey,
    IdentityKey, KemSignedPreKey, VerificationSessionResponse, VersionedProfileResponse,
};
use signal_server_api::testkit::MockSignalServer;
use signal_server_api::ws::Incoming;
use signal_server_api::{Credentials, Error, SignalClient, TransportKind, transport_core};

const NUMBER: &str = "+14155550100";
const PASSWORD: &str = "a fresh device password";
const ACI: &str = "9d0652a3-dcc3-4d11-975f-74d61598733f";
const PNI: &str = "4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a";

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = MockSignalServer::start().await;
    println!(
        "Mock Signal server: REST at {}, chat WebSocket at {}",
        server.uri(),
        server.websocket().url()
    );
    // One set of expectations answers both transports.
    mount(&server).await?;
    for transport in [TransportKind::Rest, TransportKind::WebSocket] {
        println!("\n== over {transport:?} ==");
        run(&server, transport).await?;
    }
    Ok(())
}

async fn client(
    server: &MockSignalServer,
    transport: TransportKind,
    credentials: Option<Credentials>,
) -> Result<SignalClient, Error> {
    let builder = match transport {
        TransportKind::WebSocket => server.ws_client_builder(),
        _ => server.client_builder(),
    };
    let builder = match credentials {
        Some(credentials) => builder.credentials(credentials),
        None => builder,
    };
    match transport {
        TransportKind::WebSocket => builder.connect().await,
        _ => builder.build(),
    }
}

async fn run(server: &MockSignalServer, transport: TransportKind) -> Result<(), Error> {
    // Registration: no account yet, so no credentials.
    let anonymous = client(server, transport, None).await?;
    let session = anonymous.send(&CreateSession::new(NUMBER)).await?;
    println!(
        "POST /v1/verification/session             → session {:?}, may request a code: {}",
        session.id, session.allowed_to_request_code
    );
    anonymous
        .send(&RequestVerificationCode::new(
            session.id.as_str(),
            CodeTransport::Sms,
            "android",
        ))
        .await?;
    println!("POST /v1/verification/session/{{id}}/code   → code sent by SMS");
    let verified = anonymous
        .send(&VerifyCode::new(session.id.as_str(), "123456"))
        .await?;
    println!(
        "PUT  /v1/verification/session/{{id}}/code   → verified: {}",
        verified.verified
    );
    let account = anonymous.send(&register(&session.id)).await?;
    println!(
        "POST /v1/registration                      → ACI {}, PNI {}",
        account.uuid,
        account.pni.map(|p| p.to_string()).unwrap_or_default()
    );

    // From now on, as the new account's primary device.
    let credentials = Credentials::new(account.uuid, PASSWORD).with_device_id(DeviceId::PRIMARY);
    let device = client(server, transport, Some(credentials)).await?;
    device
        .send(&SetAccountAttributes::new(attributes()))
        .await?;
    println!("PUT  /v1/accounts/attributes               → 204, attributes set");
    let profile = device.send(&GetProfile::new(account.uuid, "v1")).await?;
    println!(
        "GET  /v1/profile/{{aci}}/v1                  → encrypted name of {} bytes, identity key {}",
        profile.name.as_ref().map_or(0, Vec::len),
        if profile.base.identity_key.is_some() {
            "present"
        } else {
            "missing"
        }
    );

    if transport == TransportKind::WebSocket {
        receive_one_message(server, &device).await?;
        device.shutdown().await;
        anonymous.shutdown().await;
    }
    Ok(())
}

async fn receive_one_message(
    server: &MockSignalServer,
    device: &SignalClient,
) -> Result<(), Error> {
    let mut incoming = device.incoming().ok_or_else(|| {
        Error::Transport(transport_core::Error::invalid_input(
            "incoming",
            "the stream was taken already",
        ))
    })?;
    let socket = server.websocket();
    socket.push_message(&b"\x08\x06\x12\x24opaque encrypted envelope"[..]);
    while let Some(item) = incoming.recv().await {
        match item {
            Incoming::QueueEmpty => {
                println!(
                    "PUT  /api/v1/queue/empty (server → us)     → nothing was stored while offline"
                );
            }
            Incoming::Message(message) => {
                println!(
                    "PUT  /api/v1/message (server → us)         → envelope of {} bytes, server time {:?} ms, acknowledged: {}",
                    message.envelope.len(),
                    message.server_timestamp,
                    message.is_acked()
                );
                break;
            }
            Incoming::Lost { missed } => {
                println!("{missed} pushes dropped (delivered again later)")
            }
            other => println!("{other:?}"),
        }
    }
    socket.wait_for_acked(1).await;
    println!(
        "The server got the 200 response: messages still stored: {:?}",
        socket.pending_messages()
    );
    Ok(())
}

fn attributes() -> AccountAttributes {
    let mut attributes = AccountAttributes::new(1234);
    attributes.pni_registration_id = Some(5678);
    attributes.fetches_messages = true;
    attributes
}

fn register(session_id: &str) -> Register {
    // A real client generates these key pairs with libsignal; the mock does not check them.
    let keys = RegistrationKeys::new(
        IdentityKey::new(vec![5; 33]),
        IdentityKey::new(vec![5; 33]),
        EcSignedPreKey::new(1, vec![5; 33], vec![1; 64]),
        EcSignedPreKey::new(2, vec![5; 33], vec![2; 64]),
        KemSignedPreKey::new(3, vec![8; 1569], vec![3; 64]),
        KemSignedPreKey::new(4, vec![8; 1569], vec![4; 64]),
    );
    Register::with_session(
        BasicAuthorization::new(NUMBER, PASSWORD),
        session_id,
        attributes(),
        keys,
    )
}

fn session(verified: bool) -> VerificationSessionResponse {
    let mut session = VerificationSessionResponse::new("demo-session");
    session.allowed_to_request_code = !verified;
    session.verified = verified;
    session
}

async fn mount(server: &MockSignalServer) -> Result<(), Box<dyn std::error::Error>> {
    server
        .expect_create_session()
        .respond(&session(false))
        .mount()
        .await;
    server
        .expect_request_verification_code()
        .respond(&session(false))
        .mount()
        .await;
    server
        .expect_verify_code()
        .respond(&session(true))
        .mount()
        .await;
    let mut identity = AccountIdentityResponse::new(ACI.parse()?, NUMBER);
    identity.pni = Some(PNI.parse()?);
    identity.storage_capable = true;
    server.expect_register().respond(&identity).mount().await;
    server
        .expect_set_account_attributes()
        .respond_status(204)
        .mount()
        .await;
    let mut profile = VersionedProfileResponse::default();
    profile.name = Some(vec![0x42; 81]);
    profile.base = BaseProfileResponse::default();
    profile.base.identity_key = Some(IdentityKey::new(vec![5; 33]));
    server.expect_get_profile().respond(&profile).mount().await;
    Ok(())
}
