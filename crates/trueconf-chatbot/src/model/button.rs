//! [`Button`]: an inline button under a message (`content.buttons`), with [`ButtonType`] and
//! [`ButtonStyle`].

use serde::{Deserialize, Serialize};

transport_core::open_string_enum! {
    /// What a button does (`type`).
    pub enum ButtonType {
        /// `command`: sends a `command` notification to the bot.
        Command = "command",
        /// `url`: opens a link (schemes http, https, mailto, trueconf).
        Url = "url",
        /// `message`: sends (or drafts) a text message as the user.
        Message = "message",
        /// `copy`: copies `data` to the clipboard.
        Copy = "copy",
        /// `share`: shares the message.
        Share = "share",
    }
}

transport_core::open_string_enum! {
    /// How a button looks (`style`).
    pub enum ButtonStyle {
        /// `default`.
        Default = "default",
        /// `primary`.
        Primary = "primary",
        /// `danger`.
        Danger = "danger",
        /// `success`.
        Success = "success",
    }
}

/// Rows of inline buttons: `content.buttons` is a list of rows, each a list of buttons.
pub type Keyboard = Vec<Vec<Button>>;

/// One inline button: `{"type": …, "label": …, …}`.
///
/// The wire object is flat; which optional fields matter depends on [`ButtonType`]. Build one
/// with [`Button::command`], [`Button::url`], [`Button::message`], [`Button::copy`] or
/// [`Button::share`]; [`crate::validate::keyboard`] checks the limits before sending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Button {
    /// What the button does.
    #[serde(rename = "type")]
    pub kind: ButtonType,
    /// The caption (1–32 characters; may be omitted for `url` buttons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A button id echoed back in the `command` notification (`commandSource.buttonId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The look.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<ButtonStyle>,
    /// `command` buttons: the command sent to the bot (1–255 ASCII characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// `command` buttons: extra data sent back with the command (1–4096 ASCII characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<String>,
    /// `command` buttons: the server waits for an `answerCommand`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_reply: Option<bool>,
    /// `url` buttons: the link (8–8095 ASCII characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `message` buttons: the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// `message` buttons: put the text into the input field instead of sending it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<bool>,
    /// `copy` buttons: the text to copy (1–4095 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// `share`/`command` buttons: the recipient (TrueConf ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

impl Button {
    /// A button of `kind` with a label and no other fields.
    pub fn new(kind: ButtonType, label: impl Into<String>) -> Self {
        Self {
            kind,
            label: Some(label.into()),
            id: None,
            style: None,
            command: None,
            custom_data: None,
            wait_reply: None,
            url: None,
            message: None,
            draft: None,
            data: None,
            to: None,
        }
    }

    /// A `command` button.
    pub fn command(label: impl Into<String>, command: impl Into<String>) -> Self {
        Self {
            command: Some(command.into()),
            ..Self::new(ButtonType::Command, label)
        }
    }

    /// A `url` button.
    pub fn url(label: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            ..Self::new(ButtonType::Url, label)
        }
    }

    /// A `message` button that sends `text` as the user.
    pub fn message(label: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            message: Some(text.into()),
            ..Self::new(ButtonType::Message, label)
        }
    }

    /// A `copy` button.
    pub fn copy(label: impl Into<String>, data: impl Into<String>) -> Self {
        Self {
            data: Some(data.into()),
            ..Self::new(ButtonType::Copy, label)
        }
    }

    /// A `share` button.
    pub fn share(label: impl Into<String>) -> Self {
        Self::new(ButtonType::Share, label)
    }

    /// Sets the button id.
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets the style.
    #[must_use]
    pub fn with_style(mut self, style: ButtonStyle) -> Self {
        self.style = Some(style);
        self
    }

    /// Sets the custom data of a `command` button.
    #[must_use]
    pub fn with_custom_data(mut self, data: impl Into<String>) -> Self {
        self.custom_data = Some(data.into());
        self
    }

    /// Sets `waitReply` of a `command` button.
    #[must_use]
    pub fn with_wait_reply(mut self, wait: bool) -> Self {
        self.wait_reply = Some(wait);
        self
    }

    /// Sets `draft` of a `message` button.
    #[must_use]
    pub fn with_draft(mut self, draft: bool) -> Self {
        self.draft = Some(draft);
        self
    }

    /// Sets the recipient.
    #[must_use]
    pub fn with_to(mut self, to: impl Into<String>) -> Self {
        self.to = Some(to.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn constructors_serialize_flat() {
        let row = vec![
            Button::command("Yes", "/yes")
                .with_custom_data("42")
                .with_style(ButtonStyle::Primary),
            Button::url("Docs", "https://trueconf.com"),
        ];
        assert_eq!(
            serde_json::to_value(&row).unwrap(),
            json!([
                {"type": "command", "label": "Yes", "command": "/yes", "customData": "42", "style": "primary"},
                {"type": "url", "label": "Docs", "url": "https://trueconf.com"}
            ])
        );
    }

    #[test]
    fn unknown_type_and_fields_decode() {
        let raw = json!({"type": "vote", "label": "A", "id": "b1", "extra": 1});
        let b: Button = serde_json::from_value(raw).unwrap();
        assert_eq!(b.kind, ButtonType::Other("vote".into()));
        assert_eq!(b.id.as_deref(), Some("b1"));
        let m = Button::message("Hi", "hello").with_draft(true);
        assert_eq!(
            serde_json::to_value(&m).unwrap(),
            json!({"type": "message", "label": "Hi", "message": "hello", "draft": true})
        );
        let c = Button::copy("Copy", "code");
        assert_eq!(c.data.as_deref(), Some("code"));
        assert_eq!(
            Button::share("Share").with_to("u@s").to.as_deref(),
            Some("u@s")
        );
        assert_eq!(
            Button::command("a", "b")
                .with_wait_reply(true)
                .with_id("x")
                .wait_reply,
            Some(true)
        );
    }
}
