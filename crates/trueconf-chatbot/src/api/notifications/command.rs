//! `command` notification — an inline command button was pressed.

use crate::model::Envelope;
use serde::{Deserialize, Serialize};

/// Where a command came from (`commandSource`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommandSource {
    /// The source kind (e.g. `"button"`).
    #[serde(rename = "type")]
    pub kind: String,
    /// The message that carried the button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Envelope>,
    /// The pressed button's `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub button_id: Option<String>,
    /// Whether the server waits for an `answerCommand`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_reply: Option<bool>,
}

impl CommandSource {
    /// A command source.
    pub fn new(kind: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            message: None,
            button_id: None,
            wait_reply: None,
        }
    }
}

/// The command itself (`commandPayload`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommandPayload {
    /// The payload kind (e.g. `"command"`).
    #[serde(rename = "type")]
    pub kind: String,
    /// The button's `command`.
    pub command: String,
    /// The button's `customData`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<String>,
}

impl CommandPayload {
    /// A command payload.
    pub fn new(kind: impl Into<String>, command: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            command: command.into(),
            custom_data: None,
        }
    }
}

/// The payload of the `command` notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommandNotification {
    /// The id to pass to `answerCommand` (server 5.5.6 omits it even for `waitReply` buttons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command_id: Option<String>,
    /// Where it came from.
    pub command_source: CommandSource,
    /// What was pressed.
    pub command_payload: CommandPayload,
}

impl CommandNotification {
    /// A command event.
    pub fn new(command_source: CommandSource, command_payload: CommandPayload) -> Self {
        Self {
            command_id: None,
            command_source,
            command_payload,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;

    #[test]
    fn button_press() {
        let n = notification_sample(
            r#"{"method":"command","type":1,"id":8,"payload":{
                "commandId":"cmd-1",
                "commandSource":{"type":"button","buttonId":"b1","waitReply":false,
                    "message":{"chatId":"c","messageId":"m","timestamp":1746028006345,
                        "author":{"id":"bot@s","type":1},"type":200,
                        "content":{"text":"Pick one","parseMode":"text"}}},
                "commandPayload":{"type":"command","command":"/yes","customData":"42"}
            }}"#,
        );
        let Notification::Command(c) = n else {
            panic!("wrong kind")
        };
        assert_eq!(c.command_payload.command, "/yes");
        assert_eq!(c.command_payload.custom_data.as_deref(), Some("42"));
        assert_eq!(c.command_source.button_id.as_deref(), Some("b1"));
        assert_eq!(
            c.command_source.message.as_ref().and_then(|m| m.text()),
            Some("Pick one")
        );
    }

    #[test]
    fn without_command_id() {
        let n = notification_sample(
            r#"{"method":"command","type":1,"id":9,"payload":{
                "commandSource":{"type":"button"},
                "commandPayload":{"type":"command","command":"/no"}}}"#,
        );
        let Notification::Command(c) = n else {
            panic!("wrong kind")
        };
        assert_eq!(c.command_id, None);
    }
}
