//! Fuzzes `SignalProtocol`, the Signal chat socket as transport-core's engine sees it: any frame
//! (binary or text, the first byte picks the ack mode and the frame kind) must decode without
//! panicking, responses must be keyed by their own id, and a server request must carry a reply
//! exactly when the engine acknowledges it at once (`AckMode::Immediate` and an id to answer),
//! that reply being a `200` response frame with the request's id.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signal_server_api::transport_core::ws::{Inbound, Protocol, WsFrame};
use signal_server_api::ws::codec::{self, Inbound as Classified};
use signal_server_api::ws::{AckMode, SignalProtocol};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let mode = match selector % 3 {
        0 => AckMode::Immediate,
        1 => AckMode::OnDelivery,
        _ => AckMode::Manual,
    };
    let protocol = SignalProtocol::new().with_ack_mode(mode);
    if selector & 0x80 != 0 {
        protocol.on_disconnect();
    }
    let text = selector & 0x40 != 0;
    let frame = if text {
        WsFrame::text(String::from_utf8_lossy(rest).into_owned())
    } else {
        WsFrame::binary(rest.to_vec())
    };
    let classified = codec::classify(rest).ok();
    match protocol.decode(frame) {
        Inbound::Response { keys, response } => {
            assert!(!text, "a text frame is never a response");
            assert_eq!(keys, vec![response.id.unwrap_or_default()]);
            assert!(matches!(
                classified,
                Some(Classified::Response { id, .. }) if keys == [id]
            ));
        }
        Inbound::Notification {
            notification,
            reply,
        } => {
            assert!(!text, "a text frame is never a server request");
            assert_eq!(notification.connection, protocol.connection());
            assert_eq!(notification.acked, reply.is_some());
            let expects_reply = mode == AckMode::Immediate && notification.request.id().is_some();
            assert_eq!(reply.is_some(), expects_reply);
            if let Some(reply) = reply {
                match codec::classify(reply.as_bytes()) {
                    Ok(Classified::Response { id, response }) => {
                        assert_eq!(Some(id), notification.request.id());
                        assert_eq!(response.status, Some(200));
                    }
                    other => panic!("the ack is not a response frame: {other:?}"),
                }
            }
        }
        Inbound::Unknown { .. } => {
            assert!(
                text || !matches!(
                    classified,
                    Some(Classified::Response { .. } | Classified::Request(_))
                ),
                "a well-formed binary frame was reported unknown"
            );
        }
        _ => {}
    }
});
