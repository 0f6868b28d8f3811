//! [`Sniffing`]: a decode-only framing that recognises any built-in candidate.

use super::{Decoded, Framing, WsFrame, builtin_candidates};
use crate::api::{Notification, Request, Response};
use crate::error::FramingError;
use serde_json::Value;
use std::fmt;

/// What [`Sniffing::sniff`] found.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Sniffed {
    /// The position of the matching candidate in [`Sniffing::candidates`].
    pub index: usize,
    /// Its description ([`Framing::describe`]).
    pub framing: String,
    /// The decoded frame.
    pub decoded: Decoded,
    /// True if the wire name is known. False only when no candidate produced a known name and
    /// the first candidate that fit the frame's shape was taken.
    pub known_name: bool,
}

/// Decode-only framing that tries candidates in order ([`builtin_candidates`] by default) and
/// accepts the first whose decoded wire name is known (any request, response or notification
/// name). It reports which candidate matched, so the first live session reveals the real
/// framing; then configure that one explicitly. Encoding fails with
/// [`FramingError::DecodeOnly`]: sending needs an explicit framing.
///
/// If no candidate yields a known name, the first candidate that fits the shape is taken with
/// `known_name: false` (a new message in a familiar framing must not be lost).
///
/// ```
/// use e2e_ws_messenger::framing::{WsFrame, Sniffing};
///
/// let sniffing = Sniffing::new();
/// let sniffed = sniffing.sniff(&WsFrame::Text(r#"["ResponsePong",{"serverVersion":"7.14"}]"#.into()))?;
/// assert_eq!(sniffed.framing, "WrapperArray");
/// assert_eq!(sniffed.decoded.wire_name, "ResponsePong");
/// # Ok::<(), e2e_ws_messenger::FramingError>(())
/// ```
pub struct Sniffing {
    candidates: Vec<Box<dyn Framing>>,
    is_known: fn(&str) -> bool,
}

/// True for the wire name of any request, response or notification this crate knows.
pub(crate) fn known_wire_name(name: &str) -> bool {
    Request::is_known(name) || Response::is_known(name) || Notification::is_known(name)
}

impl Sniffing {
    /// Sniffs the [`builtin_candidates`], checking names against this crate's messages.
    pub fn new() -> Self {
        Self::with_candidates(builtin_candidates())
    }

    /// Sniffs these candidates, in this order.
    pub fn with_candidates(candidates: Vec<Box<dyn Framing>>) -> Self {
        Self {
            candidates,
            is_known: known_wire_name,
        }
    }

    /// Replaces the known-name check.
    #[must_use]
    pub fn with_name_check(mut self, is_known: fn(&str) -> bool) -> Self {
        self.is_known = is_known;
        self
    }

    /// The candidates, in the order they are tried.
    pub fn candidates(&self) -> &[Box<dyn Framing>] {
        &self.candidates
    }

    /// Takes candidate `index` out, to configure it once sniffing has identified it.
    pub fn into_candidate(mut self, index: usize) -> Option<Box<dyn Framing>> {
        (index < self.candidates.len()).then(|| self.candidates.swap_remove(index))
    }

    /// Finds the candidate that decodes `frame` to a known wire name.
    ///
    /// # Errors
    ///
    /// [`FramingError::Unrecognized`] when no candidate fits the frame's shape at all.
    pub fn sniff(&self, frame: &WsFrame) -> Result<Sniffed, FramingError> {
        let mut first_fit: Option<(usize, Decoded)> = None;
        for (index, candidate) in self.candidates.iter().enumerate() {
            let Ok(decoded) = candidate.decode(frame) else {
                continue;
            };
            if (self.is_known)(&decoded.wire_name) {
                return Ok(Sniffed {
                    index,
                    framing: candidate.describe(),
                    decoded,
                    known_name: true,
                });
            }
            if first_fit.is_none() {
                first_fit = Some((index, decoded));
            }
        }
        match first_fit {
            Some((index, decoded)) => Ok(Sniffed {
                index,
                framing: self.candidates[index].describe(),
                decoded,
                known_name: false,
            }),
            None => Err(FramingError::Unrecognized {
                tried: self.candidates.len(),
            }),
        }
    }
}

impl Default for Sniffing {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Sniffing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sniffing({} candidates)", self.candidates.len())
    }
}

impl Framing for Sniffing {
    fn encode(&self, _wire_name: &str, _body: &Value) -> Result<WsFrame, FramingError> {
        Err(FramingError::DecodeOnly {
            framing: self.describe(),
        })
    }

    fn decode(&self, frame: &WsFrame) -> Result<Decoded, FramingError> {
        let sniffed = self.sniff(frame)?;
        tracing::debug!(
            framing = %sniffed.framing,
            wire_name = %sniffed.decoded.wire_name,
            known_name = sniffed.known_name,
            "sniffed the framing of an inbound frame"
        );
        Ok(sniffed.decoded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framing::{FlatTag, TypeAndBody, WrapperObject};
    use serde_json::json;

    #[test]
    fn envelopes_win_over_flat_tags_with_the_same_key() {
        let frame = TypeAndBody::default()
            .encode("ResponsePong", &json!({"serverVersion": "7.14"}))
            .unwrap();
        let sniffed = Sniffing::new().sniff(&frame).unwrap();
        assert_eq!(sniffed.index, 0);
        assert_eq!(sniffed.framing, TypeAndBody::default().describe());
        assert!(sniffed.known_name);
        assert_eq!(sniffed.decoded.body, json!({"serverVersion": "7.14"}));
    }

    #[test]
    fn unknown_names_fall_back_to_the_first_fitting_shape() {
        let frame = FlatTag::new("@type")
            .encode("NotificationReaction", &json!({"emoji": "+1"}))
            .unwrap();
        let sniffed = Sniffing::new().sniff(&frame).unwrap();
        assert!(!sniffed.known_name);
        assert_eq!(sniffed.decoded.wire_name, "NotificationReaction");
        assert_eq!(sniffed.framing, FlatTag::new("@type").describe());
    }

    #[test]
    fn nothing_fits() {
        let err = Sniffing::new()
            .sniff(&WsFrame::Text("hello".into()))
            .unwrap_err();
        assert_eq!(err, FramingError::Unrecognized { tried: 29 });
        let err = Sniffing::new()
            .encode("RequestPing", &json!({}))
            .unwrap_err();
        assert!(matches!(err, FramingError::DecodeOnly { .. }));
    }

    #[test]
    fn custom_candidates_and_name_check() {
        let sniffing = Sniffing::with_candidates(vec![Box::new(WrapperObject)])
            .with_name_check(|name| name == "Custom");
        let frame = WsFrame::Text(r#"{"Custom":{}}"#.into());
        let sniffed = sniffing.sniff(&frame).unwrap();
        assert!(sniffed.known_name);
        assert_eq!(sniffing.decode(&frame).unwrap().wire_name, "Custom");
        let chosen = sniffing.into_candidate(0).unwrap();
        assert_eq!(chosen.describe(), "WrapperObject");
    }
}
