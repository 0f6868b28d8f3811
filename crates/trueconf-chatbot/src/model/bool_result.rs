//! [`BoolResult`]: the `{"result": bool}` response payload.

use serde::{Deserialize, Serialize};

/// A `{"result": true|false}` response (`hasChatParticipant`, `subscribeFileProgress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BoolResult {
    /// The answer.
    pub result: bool,
}

impl BoolResult {
    /// A result.
    pub fn new(result: bool) -> Self {
        Self { result }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trip() {
        let r: BoolResult = serde_json::from_value(json!({"result": true})).unwrap();
        assert!(r.result);
        assert_eq!(
            serde_json::to_value(BoolResult::new(false)).unwrap(),
            json!({"result": false})
        );
        assert!(serde_json::from_value::<BoolResult>(json!({})).is_err());
    }
}
