//! wiremock helpers shared by the HTTP protocols' fake servers.

use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// The status the catch-all answers with.
pub const UNMATCHED_STATUS: u16 = 599;

/// Mounts a lowest-priority mock that answers every request no other mock matched with
/// status [`UNMATCHED_STATUS`] and a body naming the request, e.g.
/// `{"error":"no mock for PUT /v1/x?y=1"}`. A missing mock then fails with a readable error
/// instead of wiremock's bare 404.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let server = wiremock::MockServer::start().await;
/// transport_core::testkit::http::mount_catch_all(&server).await;
/// # }
/// ```
pub async fn mount_catch_all(server: &MockServer) {
    Mock::given(wiremock::matchers::any())
        .respond_with(Unmatched)
        .with_priority(u8::MAX)
        .named("catch-all: no mock matched")
        .mount(server)
        .await;
}

struct Unmatched;

impl Respond for Unmatched {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let target = match request.url.query() {
            Some(q) => format!("{}?{q}", request.url.path()),
            None => request.url.path().to_owned(),
        };
        ResponseTemplate::new(UNMATCHED_STATUS).set_body_json(
            serde_json::json!({ "error": format!("no mock for {} {target}", request.method) }),
        )
    }
}
