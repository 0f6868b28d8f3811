//! [`ParseMode`] (`parseMode`).

transport_core::open_string_enum! {
    /// How the server renders message text (`parseMode`).
    pub enum ParseMode {
        /// `text`: plain text.
        Text = "text",
        /// `markdown`: bold (`**`/`__`), italic (`*`/`_`), strike (`~~`), links.
        Markdown = "markdown",
        /// `html`: `b`, `i`, `s`, `u`, `a`.
        Html = "html",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_other() {
        let modes: Vec<ParseMode> =
            serde_json::from_str(r#"["text","markdown","html","bbcode"]"#).unwrap();
        assert_eq!(
            modes,
            [
                ParseMode::Text,
                ParseMode::Markdown,
                ParseMode::Html,
                ParseMode::Other("bbcode".into())
            ]
        );
        assert_eq!(
            serde_json::to_string(&modes).unwrap(),
            r#"["text","markdown","html","bbcode"]"#
        );
        assert_eq!(ParseMode::Html.to_string(), "html");
    }
}
