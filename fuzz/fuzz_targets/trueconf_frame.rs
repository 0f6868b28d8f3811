//! Fuzzes the TrueConf inbound frame decoder: any bytes must decode to a frame or a typed
//! error, never panic; every notification keeps its id, and a decoded notification re-encodes
//! to a frame that decodes to the same notification.

#![no_main]

use libfuzzer_sys::fuzz_target;
use trueconf_chatbot::codec::{self, Inbound};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = codec::decode_client_frame(&text);
    let Ok(frame) = codec::decode(&text) else {
        return;
    };
    match frame {
        Inbound::Notification(n) => {
            let ack = codec::encode_ack(n.id);
            assert!(matches!(
                codec::decode_client_frame(&ack),
                Ok(codec::ClientFrame::Ack { id }) if id == n.id
            ));
            if let Ok(notification) = n.notification {
                let again = codec::encode_notification(n.id, &notification)
                    .expect("a decoded notification encodes");
                match codec::decode(&again) {
                    Ok(Inbound::Notification(second)) => {
                        assert_eq!(second.id, n.id);
                        assert_eq!(second.notification, Ok(notification));
                    }
                    other => panic!("re-encoded notification decodes to {other:?}"),
                }
            }
        }
        Inbound::Response(response) => {
            let _ = response.result.map(|payload| payload.to_string());
        }
        _ => {}
    }
});
