//! Frames ↔ typed messages: a [`Framing`] plus the typed decoders of [`api`](crate::api).
//!
//! `encode_request`/`decode_inbound` are the client side; `decode_request`/`encode_inbound`
//! the server side (for fake servers in tests).

use crate::api::{Inbound, Request};
use crate::error::Error;
use crate::framing::{Framing, WsFrame};

/// Packs a request into a frame. It does not [validate](Request::validate) the request; do
/// that first for input built by the user.
///
/// # Errors
///
/// [`Error::Framing`] when the framing cannot carry the body.
pub fn encode_request(framing: &dyn Framing, request: &Request) -> Result<WsFrame, Error> {
    Ok(framing.encode(request.wire_name(), &request.to_body()?)?)
}

/// Unpacks and decodes a frame from the server: a response, a notification, or `Unknown`.
///
/// # Errors
///
/// [`Error::Framing`] when the frame does not fit the framing; [`Error::Transport`] wrapping a
/// decode error (wire name and JSON path) when a known message's body does not fit its type.
pub fn decode_inbound(framing: &dyn Framing, frame: &WsFrame) -> Result<Inbound, Error> {
    let decoded = framing.decode(frame)?;
    Inbound::from_wire(&decoded.wire_name, decoded.body)
}

/// Unpacks and decodes a frame from a client (server side).
///
/// # Errors
///
/// As [`decode_inbound`].
pub fn decode_request(framing: &dyn Framing, frame: &WsFrame) -> Result<Request, Error> {
    let decoded = framing.decode(frame)?;
    Request::from_wire(&decoded.wire_name, decoded.body)
}

/// Packs a response or notification into a frame (server side).
///
/// # Errors
///
/// [`Error::Framing`] when the framing cannot carry the body.
pub fn encode_inbound(framing: &dyn Framing, message: &Inbound) -> Result<WsFrame, Error> {
    Ok(framing.encode(message.wire_name(), &message.to_body()?)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::requests::{RequestTyping, ResponsePong};
    use crate::api::{Notification, Response};
    use crate::framing::{FlatTag, Sniffing, TypeAndBody, WrapperObject};
    use crate::model::ConversationUuid;
    use serde_json::json;

    #[test]
    fn request_round_trip_through_a_framing() {
        let framing = FlatTag::new("@type");
        let request: Request = RequestTyping::new(
            ConversationUuid::new("66CE10E5-969D-41E0-9F2A-C279B095F822").unwrap(),
        )
        .into();
        let frame = encode_request(&framing, &request).unwrap();
        assert_eq!(
            frame,
            WsFrame::Text(
                r#"{"@type":"RequestTyping","conversationUuid":"66CE10E5-969D-41E0-9F2A-C279B095F822"}"#
                    .into()
            )
        );
        assert_eq!(decode_request(&framing, &frame).unwrap(), request);
    }

    #[test]
    fn inbound_responses_notifications_and_unknown_names() {
        let framing = TypeAndBody::default();
        let pong: Inbound = Response::from(ResponsePong::new("7.14")).into();
        let frame = encode_inbound(&framing, &pong).unwrap();
        assert_eq!(decode_inbound(&framing, &frame).unwrap(), pong);

        let typing = WsFrame::Text(
            r#"{"type":"NotificationTyping","body":{"conversationUuid":"c","userId":"u"}}"#.into(),
        );
        let decoded = decode_inbound(&framing, &typing).unwrap();
        assert!(matches!(
            decoded,
            Inbound::Notification(Notification::Typing(_))
        ));

        let new = WsFrame::Text(r#"{"type":"NotificationReaction","body":{"emoji":"+1"}}"#.into());
        let decoded = decode_inbound(&framing, &new).unwrap();
        assert_eq!(
            decoded,
            Inbound::Unknown {
                wire_name: "NotificationReaction".into(),
                body: json!({"emoji": "+1"})
            }
        );
        assert_eq!(encode_inbound(&framing, &decoded).unwrap(), new);
    }

    #[test]
    fn errors_say_what_and_where() {
        let bad = WsFrame::Text(r#"{"ResponseGetMessages":{"messages":[{"uuid":5}]}}"#.into());
        let err = decode_inbound(&WrapperObject, &bad).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("cannot decode ResponseGetMessages at `messages[0].uuid`"),
            "{err}"
        );
        let err = encode_request(
            &Sniffing::new(),
            &Request::Unknown {
                wire_name: "X".into(),
                body: json!({}),
            },
        )
        .unwrap_err();
        assert!(matches!(err, Error::Framing(_)), "{err:?}");
    }
}
