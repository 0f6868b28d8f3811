//! Fuzzes the Signal WebSocket frame decoder: decoding, classification, conversion of response
//! frames into `RawResponse`s, server-request acknowledgement and re-encoding must never
//! panic, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signal_server_api::ws::codec::{self, Inbound};

fuzz_target!(|data: &[u8]| {
    let Ok(inbound) = codec::classify(data) else {
        return;
    };
    match inbound {
        Inbound::Response { response, .. } => {
            if let Ok(raw) = codec::to_raw_response(&response, "GET", "/v1/fuzz?q=1") {
                let _ = raw.retry_after();
                let _ = raw.json::<serde_json::Value>();
            }
        }
        Inbound::Request(request) => {
            let _ = request.kind();
            if let Some(ack) = request.ack() {
                let bytes = codec::encode(&ack);
                assert!(matches!(
                    codec::classify(&bytes),
                    Ok(Inbound::Response { .. })
                ));
            }
        }
        Inbound::Unknown { raw, .. } => {
            let _ = codec::decode(&raw);
        }
        _ => {}
    }
});
