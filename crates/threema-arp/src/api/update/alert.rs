//! `update/alert`: an alert to show to the user (app → client).

use crate::api::macros::wire_message;
use crate::codec::string_enum;
use serde::{Deserialize, Serialize};

string_enum! {
    /// Where an alert comes from.
    pub enum AlertSource {
        /// The Threema server.
        Server = "server",
        /// The device.
        Device = "device",
    }
}

string_enum! {
    /// How severe an alert is.
    pub enum AlertType {
        /// An error.
        Error = "error",
        /// A warning.
        Warning = "warning",
        /// Information.
        Info = "info",
    }
}

/// `update/alert` (app → client).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateAlert {
    /// Source and severity.
    pub args: AlertArgs,
    /// The text.
    pub data: AlertData,
}

/// The `args` of [`UpdateAlert`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AlertArgs {
    /// Where it comes from.
    pub source: AlertSource,
    /// How severe it is.
    #[serde(rename = "type")]
    pub alert_type: AlertType,
}

/// The `data` of [`UpdateAlert`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AlertData {
    /// The alert text.
    pub message: String,
}

impl UpdateAlert {
    /// An alert.
    pub fn new(source: AlertSource, alert_type: AlertType, message: impl Into<String>) -> Self {
        Self {
            args: AlertArgs { source, alert_type },
            data: AlertData {
                message: message.into(),
            },
        }
    }
}

wire_message!(UpdateAlert = "update" / "alert", [FromApp], args: required, data: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let alert = UpdateAlert::new(AlertSource::Server, AlertType::Warning, "Maintenance");
        let value = frame_round_trip(&Frame::new(alert), Direction::FromApp);
        assert_keys(&value, "args", &["source", "type"]);
        assert_keys(&value, "data", &["message"]);
    }
}
