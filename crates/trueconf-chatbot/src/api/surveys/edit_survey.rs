//! `editSurvey` — change a posted survey.

use crate::api::Method;
use crate::model::MessageId;
use serde::{Deserialize, Serialize};

/// The new survey fields (`content` of `editSurvey`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SurveyEdit {
    /// The survey campaign id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The description placeholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The button caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub button_text: Option<String>,
    /// The HTML fallback link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
}

/// The `editSurvey` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EditSurvey {
    /// The survey message.
    pub message_id: MessageId,
    /// The new fields.
    pub content: SurveyEdit,
}

impl EditSurvey {
    /// Changes the survey in `message_id`.
    pub fn new(message_id: MessageId, content: SurveyEdit) -> Self {
        Self {
            message_id,
            content,
        }
    }
}

/// The `editSurvey` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EditedSurvey {
    /// The survey message.
    pub message_id: MessageId,
}

impl EditedSurvey {
    /// An edit result.
    pub fn new(message_id: MessageId) -> Self {
        Self { message_id }
    }
}

impl Method for EditSurvey {
    const NAME: &'static str = "editSurvey";
    type Response = EditedSurvey;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let request: EditSurvey = request_sample(
            r#"{"type":1,"id":15,"method":"editSurvey","payload":{"messageId":"m7",
                "content":{"path":"a1b2","title":"Dinner?","description":"{{Anonymous survey}}",
                "buttonText":"{{Go to survey}}","alt":"<a href=\"x\">Dinner?</a>"}}}"#,
        );
        assert_eq!(request.content.title.as_deref(), Some("Dinner?"));
        assert_eq!(
            response_sample::<EditSurvey>(r#"{"type":2,"id":15,"payload":{"messageId":"m7"}}"#),
            EditedSurvey::new(MessageId::new("m7"))
        );
    }
}
