//! [`Empty`]: the `{}` response of methods that return nothing.

use serde::{Deserialize, Serialize};

/// An empty response payload (`{}`). Any object decodes into it (extra fields, such as
/// `errorCode: 0`, are ignored); it serializes as `{}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Empty {}

impl Empty {
    /// The empty payload.
    pub fn new() -> Self {
        Self {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn any_object_decodes_and_it_encodes_as_empty_object() {
        assert_eq!(
            serde_json::from_value::<Empty>(json!({})).unwrap(),
            Empty::new()
        );
        assert_eq!(
            serde_json::from_value::<Empty>(json!({"errorCode": 0, "x": 1})).unwrap(),
            Empty::new()
        );
        assert!(serde_json::from_value::<Empty>(json!([1])).is_err());
        assert_eq!(serde_json::to_value(Empty::new()).unwrap(), json!({}));
    }
}
