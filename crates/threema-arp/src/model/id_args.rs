//! [`IdArgs`]: `args` that hold only an `id`.

use serde::{Deserialize, Serialize};

/// `args` with a single `id` (a group id, a distribution list id or, for `update/typing`,
/// a contact identity).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IdArgs {
    /// The id.
    pub id: String,
}

impl IdArgs {
    /// Args with this id.
    pub fn new(id: impl Into<String>) -> Self {
        Self { id: id.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips() {
        assert_keys(&round_trip(&IdArgs::new("17")), "", &["id"]);
    }
}
