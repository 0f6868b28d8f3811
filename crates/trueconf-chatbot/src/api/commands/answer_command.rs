//! `answerCommand` — answer a `command` notification (an inline button press with
//! `waitReply`). Servers support it; the official Python client keeps it disabled until the
//! TrueConf apps show the answers.

use crate::api::Method;
use crate::model::{AnswerType, CommandLevel, CommandStatus, CommandVisibility};
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The answer shown to the user (`message`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommandAnswer {
    /// The text: 1–255 ASCII characters.
    pub text: String,
    /// A status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CommandStatus>,
    /// How it is displayed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<CommandVisibility>,
    /// The severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<CommandLevel>,
}

impl CommandAnswer {
    /// An answer with `text` only.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            status: None,
            visibility: None,
            level: None,
        }
    }

    /// Sets the status.
    #[must_use]
    pub fn with_status(mut self, status: CommandStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Sets the visibility.
    #[must_use]
    pub fn with_visibility(mut self, visibility: CommandVisibility) -> Self {
        self.visibility = Some(visibility);
        self
    }

    /// Sets the level.
    #[must_use]
    pub fn with_level(mut self, level: CommandLevel) -> Self {
        self.level = Some(level);
        self
    }
}

/// The `answerCommand` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AnswerCommand {
    /// The `commandId` of the `command` notification.
    pub command_id: String,
    /// How the command ends.
    pub answer_type: AnswerType,
    /// What the user sees.
    pub message: CommandAnswer,
}

impl AnswerCommand {
    /// Answers `command_id`.
    pub fn new(
        command_id: impl Into<String>,
        answer_type: AnswerType,
        message: CommandAnswer,
    ) -> Self {
        Self {
            command_id: command_id.into(),
            answer_type,
            message,
        }
    }
}

impl Method for AnswerCommand {
    const NAME: &'static str = "answerCommand";
    /// Undocumented; kept as raw JSON.
    type Response = Value;

    fn validate(&self) -> Result<(), ValidationError> {
        validate::command_answer_text("message.text", &self.message.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};
    use serde_json::json;

    #[test]
    fn request_and_response() {
        let request: AnswerCommand = request_sample(
            r#"{"type":1,"id":13,"method":"answerCommand","payload":{"commandId":"cmd-1","answerType":"message",
                "message":{"text":"Done","status":"ok","visibility":"toast","level":"info"}}}"#,
        );
        assert_eq!(
            request,
            AnswerCommand::new(
                "cmd-1",
                AnswerType::Message,
                CommandAnswer::new("Done")
                    .with_status(CommandStatus::Ok)
                    .with_visibility(CommandVisibility::Toast)
                    .with_level(CommandLevel::Info)
            )
        );
        assert_eq!(
            response_sample::<AnswerCommand>(r#"{"type":2,"id":13,"payload":{"result":true}}"#),
            json!({"result": true})
        );
    }

    #[test]
    fn text_is_1_to_255_ascii() {
        let answer =
            |text: &str| AnswerCommand::new("c", AnswerType::Complete, CommandAnswer::new(text));
        assert!(answer("ok").validate().is_ok());
        assert!(answer("").validate().is_err());
        assert!(answer(&"a".repeat(256)).validate().is_err());
        assert_eq!(
            answer("готово").validate(),
            Err(ValidationError::NotAscii {
                field: "message.text".into()
            })
        );
    }
}
