//! `sendSurvey` — post a survey created in the server's web survey tool.

use crate::api::Method;
use crate::model::{ChatId, MessageId, SurveyContent};
use serde::{Deserialize, Serialize};

/// The `sendSurvey` request. The official client fills `content` with `url`
/// (`https://<server>/webtools/survey`), `appVersion: 1`, the survey `path` (campaign id),
/// `title`, `description` (`{{Survey}}` or `{{Anonymous survey}}`), `buttonText`, a random
/// `secret` and an HTML `alt` link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendSurvey {
    /// The chat.
    pub chat_id: ChatId,
    /// The message this one replies to (sent as `null` when absent).
    #[serde(default)]
    pub reply_message_id: Option<MessageId>,
    /// The survey.
    pub content: SurveyContent,
}

impl SendSurvey {
    /// Posts `content` to `chat_id`.
    pub fn new(chat_id: ChatId, content: SurveyContent) -> Self {
        Self {
            chat_id,
            reply_message_id: None,
            content,
        }
    }
}

/// The `sendSurvey` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SentSurvey {
    /// The chat.
    pub chat_id: ChatId,
    /// The survey message.
    pub message_id: MessageId,
}

impl SentSurvey {
    /// A sent survey.
    pub fn new(chat_id: ChatId, message_id: MessageId) -> Self {
        Self {
            chat_id,
            message_id,
        }
    }
}

impl Method for SendSurvey {
    const NAME: &'static str = "sendSurvey";
    type Response = SentSurvey;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let request: SendSurvey = request_sample(
            r#"{"type":1,"id":14,"method":"sendSurvey","payload":{"chatId":"c","replyMessageId":null,
                "content":{"url":"https://video.example.com/webtools/survey","appVersion":1,"path":"a1b2",
                "title":"Lunch?","description":"{{Survey}}","buttonText":"{{Go to survey}}",
                "secret":"s3cr3t","alt":"<a href=\"https://video.example.com/webtools/survey\">Lunch?</a>"}}}"#,
        );
        assert_eq!(request.content.path.as_deref(), Some("a1b2"));
        let sent = response_sample::<SendSurvey>(
            r#"{"type":2,"id":14,"payload":{"chatId":"c","messageId":"m7"}}"#,
        );
        assert_eq!(
            sent,
            SentSurvey::new(ChatId::new("c"), MessageId::new("m7"))
        );
    }
}
