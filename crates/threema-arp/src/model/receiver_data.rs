//! [`ReceiverData`]: `data` of the form `{receiver: …}`.

use serde::{Deserialize, Serialize};

/// The `data` of the app's replies that return a receiver (`create/contact`,
/// `create/group`, `update/group`, …) or contact details (`response/contactDetail`):
/// `{receiver: T}`.
///
/// `receiver` is optional here: the schema makes it optional in the `update/*` replies, and
/// error replies (an `ack` with `success: false` on the reply message, which the apps send
/// instead of `update/confirm`) carry no receiver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceiverData<T> {
    /// The receiver.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub receiver: Option<T>,
}

fn none<T>() -> Option<T> {
    None
}

impl<T> Default for ReceiverData<T> {
    fn default() -> Self {
        Self { receiver: None }
    }
}

impl<T> ReceiverData<T> {
    /// Data holding `receiver`.
    pub fn new(receiver: T) -> Self {
        Self {
            receiver: Some(receiver),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Group;
    use crate::testutil::{assert_keys, round_trip, sample_group};

    #[test]
    fn round_trips_with_and_without_receiver() {
        assert_keys(
            &round_trip(&ReceiverData::new(sample_group())),
            "",
            &["receiver"],
        );
        assert_keys(&round_trip(&ReceiverData::<Group>::default()), "", &[]);
    }
}
