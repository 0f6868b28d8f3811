//! Client-side checks of user input, run before anything is sent.
//!
//! Every [`Method`](crate::api::Method) checks itself in
//! [`Method::validate`](crate::api::Method::validate), which
//! [`codec::encode_request`](crate::codec::encode_request) calls, so an invalid request never
//! reaches the wire. The functions here are public so that callers can check input early
//! (e.g. a form) with the same rules.
//!
//! | input | rule | source |
//! |---|---|---|
//! | message text, file caption | at most [`MAX_TEXT_LEN`] (4096) *visible* characters, see [`visible_len`] | Python client `restrictions.md` |
//! | chat title (`createGroupChat`, `createChannel`, `editChatTitle`) | 1–[`MAX_TITLE_LEN`] (255) characters | docs |
//! | `answerCommand` text | 1–255 ASCII characters | Python client |
//! | inline keyboard | ≤ 8 rows, ≤ 8 buttons per row, ≤ 64 buttons | Python client |
//! | button | label 1–32 chars; command 1–255 ASCII; customData 1–4096 ASCII; url 8–8095 ASCII with scheme http/https/mailto/trueconf; copy data 1–4095 chars | Python client |
//! | file | size ≤ `maxSize`, extension allowed by `extensions` (see [`file()`]) | `getFileUploadLimits` |
//!
//! Lengths count Unicode scalar values (what Python's `len` counts).

use crate::model::{Button, ButtonType, ExtensionMode, FileUploadLimits, Keyboard, ParseMode};

/// The most visible characters of a message text or caption.
pub const MAX_TEXT_LEN: usize = 4096;
/// The most characters of a chat title.
pub const MAX_TITLE_LEN: usize = 255;
/// The most characters of an `answerCommand` text.
pub const MAX_COMMAND_ANSWER_LEN: usize = 255;
/// The most rows of an inline keyboard.
pub const MAX_KEYBOARD_ROWS: usize = 8;
/// The most buttons in one keyboard row.
pub const MAX_KEYBOARD_WIDTH: usize = 8;
/// The most buttons of an inline keyboard.
pub const MAX_KEYBOARD_BUTTONS: usize = 64;
/// URL schemes a `url` button may use.
pub const BUTTON_URL_SCHEMES: [&str; 4] = ["http", "https", "mailto", "trueconf"];

/// What is wrong with user input. `field` is the JSON path inside the request payload
/// (`content.buttons[0][1].url`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationError {
    /// A text is too short or too long.
    #[error("`{field}` must be {} characters long, got {actual}", fmt_range(*min, *max))]
    Length {
        /// The field.
        field: String,
        /// The fewest characters allowed.
        min: usize,
        /// The most characters allowed.
        max: usize,
        /// The length found (visible characters for message texts).
        actual: usize,
    },

    /// A text must be ASCII.
    #[error("`{field}` must contain ASCII characters only")]
    NotAscii {
        /// The field.
        field: String,
    },

    /// A field required by the kind of object is missing.
    #[error("`{field}` is required {reason}")]
    Missing {
        /// The field.
        field: String,
        /// Why it is required (`"for a command button"`).
        reason: String,
    },

    /// A URL uses a scheme that is not allowed.
    #[error("`{field}` uses the scheme `{scheme}`; allowed: http, https, mailto, trueconf")]
    UrlScheme {
        /// The field.
        field: String,
        /// The scheme found (empty if there was none).
        scheme: String,
    },

    /// Too many items (keyboard rows or buttons).
    #[error("`{field}` has {actual} {what}, at most {max} allowed")]
    TooMany {
        /// The field.
        field: String,
        /// What is counted (`"rows"`, `"buttons"`).
        what: &'static str,
        /// The most allowed.
        max: usize,
        /// The number found.
        actual: usize,
    },

    /// A number is out of range.
    #[error("`{field}` {reason}")]
    OutOfRange {
        /// The field.
        field: String,
        /// The rule (`"must be at least 1"`).
        reason: String,
    },

    /// The file is larger than the server allows.
    #[error("the file has {size} bytes, the server allows at most {max}")]
    FileTooLarge {
        /// The file size.
        size: u64,
        /// The server's `maxSize`.
        max: u64,
    },

    /// The server's extension filter rejects the file.
    #[error("files with the extension `{extension}` are not allowed by the server ({mode} list)")]
    Extension {
        /// The file's extension, lower case, without the dot (empty if none).
        extension: String,
        /// The filter mode that rejected it (`allow` or `block`).
        mode: ExtensionMode,
    },
}

fn fmt_range(min: usize, max: usize) -> String {
    if min == 0 {
        format!("at most {max}")
    } else {
        format!("{min}–{max}")
    }
}

type Result<T = ()> = std::result::Result<T, ValidationError>;

/// The number of characters a reader sees in `text` rendered with `mode`.
///
/// This follows the official Python client, which measures messages after removing markup:
///
/// - `text` (and unknown modes): every Unicode scalar value counts.
/// - `html`: the tags the server renders — `b`, `i`, `u`, `s`, `a`, `br`, `quote`, opening or
///   closing, with attributes, case-insensitive — count zero; an `<a href="URL">` adds
///   `1 + len(URL)` (clients show the link target). Any other `<…>` and entities such as
///   `&amp;` count as written.
/// - `markdown`: the markers `**`, `__`, `~~`, `*`, `_`, `~` count zero, except that `__`,
///   `*`, `_` and `~` between two letters or digits are text (`snake_case`, `2*3`);
///   `[text](url)` counts
///   `len(text) + 1 + len(url)`; a `>` at the start of a line (quote) counts zero.
///
/// ```
/// use trueconf_chatbot::model::ParseMode;
/// use trueconf_chatbot::validate::visible_len;
///
/// assert_eq!(visible_len("<b>Hi</b> there", &ParseMode::Html), 8);
/// assert_eq!(visible_len("**Hi** there", &ParseMode::Markdown), 8);
/// assert_eq!(visible_len("**Hi** there", &ParseMode::Text), 12);
/// ```
pub fn visible_len(text: &str, mode: &ParseMode) -> usize {
    match mode {
        ParseMode::Html => html_visible_len(text),
        ParseMode::Markdown => markdown_visible_len(text),
        _ => text.chars().count(),
    }
}

const HTML_TAGS: [&str; 7] = ["quote", "br", "b", "i", "u", "s", "a"];

fn html_visible_len(text: &str) -> usize {
    let mut count = 0;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((consumed, extra)) = (c == '<').then(|| html_tag(rest)).flatten() {
            count += extra;
            rest = &rest[consumed..];
            continue;
        }
        count += 1;
        rest = &rest[c.len_utf8()..];
    }
    count
}

/// Matches a rendered tag at the start of `s`: returns the bytes consumed and the visible
/// characters it adds (`1 + len(href)` for an opening `a` with an `href`, else 0).
fn html_tag(s: &str) -> Option<(usize, usize)> {
    let after_lt = s.get(1..)?;
    let (closing, body) = match after_lt.strip_prefix('/') {
        Some(body) => (true, body),
        None => (false, after_lt),
    };
    let name_len = body
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    if !HTML_TAGS.contains(&name.as_str()) || (closing && name == "br") {
        return None;
    }
    let after_name = &body[name_len..];
    let end = after_name.find('>')?;
    let inside = &after_name[..end];
    // After the name: `>`, whitespace + attributes, or an optional self-closing `/`.
    let well_formed =
        inside.is_empty() || inside.starts_with(char::is_whitespace) || inside.trim_start() == "/";
    if !well_formed {
        return None;
    }
    let consumed = s.len() - after_name.len() + end + 1;
    let extra = if !closing && name == "a" {
        href(inside).map_or(0, |h| 1 + h.chars().count())
    } else {
        0
    };
    Some((consumed, extra))
}

fn href(attrs: &str) -> Option<&str> {
    let lower = attrs.to_ascii_lowercase();
    let at = lower.find("href")?;
    let rest = attrs[at + 4..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let value = &rest[1..];
    let end = value.find(quote)?;
    Some(&value[..end]).filter(|v| !v.is_empty())
}

fn markdown_visible_len(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let alnum_at = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphanumeric())
    };
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some((consumed, visible)) = (c == '[').then(|| markdown_link(&chars[i..])).flatten()
        {
            count += visible;
            i += consumed;
            continue;
        }
        if matches!(c, '*' | '_' | '~') {
            let doubled = chars.get(i + 1) == Some(&c);
            let width = if doubled { 2 } else { 1 };
            // `__` is text between two alphanumerics; `**` and `~~` are always markers (the
            // character after the first `*` is not alphanumeric), as in the Python client.
            let after = if c == '_' && doubled { i + 2 } else { i + 1 };
            let inside_word = alnum_at(i.checked_sub(1)) && alnum_at(Some(after));
            if !inside_word {
                i += width;
                continue;
            }
            count += width;
            i += width;
            continue;
        }
        if c == '>' && (i == 0 || chars[i - 1] == '\n') {
            i += 1;
            continue;
        }
        count += 1;
        i += 1;
    }
    count
}

/// Matches `[text](url)` at the start of `chars`: returns (chars consumed, visible length).
fn markdown_link(chars: &[char]) -> Option<(usize, usize)> {
    let close = chars.iter().position(|c| *c == ']')?;
    if close < 2 || chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let url_len = chars[close + 2..].iter().position(|c| *c == ')')?;
    if url_len == 0 {
        return None;
    }
    Some((close + 2 + url_len + 1, (close - 1) + 1 + url_len))
}

/// Checks that `text` has at most [`MAX_TEXT_LEN`] visible characters under `mode`.
///
/// # Errors
///
/// [`ValidationError::Length`] with the visible length.
pub fn message_text(field: &str, text: &str, mode: &ParseMode) -> Result {
    let actual = visible_len(text, mode);
    if actual > MAX_TEXT_LEN {
        return Err(ValidationError::Length {
            field: field.to_owned(),
            min: 0,
            max: MAX_TEXT_LEN,
            actual,
        });
    }
    Ok(())
}

/// Checks a chat title: 1–[`MAX_TITLE_LEN`] characters.
///
/// # Errors
///
/// [`ValidationError::Length`].
pub fn title(field: &str, title: &str) -> Result {
    length(field, title, 1, MAX_TITLE_LEN)
}

/// Checks an `answerCommand` text: 1–255 ASCII characters.
///
/// # Errors
///
/// [`ValidationError::Length`] or [`ValidationError::NotAscii`].
pub fn command_answer_text(field: &str, text: &str) -> Result {
    ascii(field, text)?;
    length(field, text, 1, MAX_COMMAND_ANSWER_LEN)
}

/// Checks an inline keyboard and each of its buttons.
///
/// # Errors
///
/// [`ValidationError::TooMany`] for the keyboard limits, or the first invalid button.
pub fn keyboard(field: &str, rows: &Keyboard) -> Result {
    if rows.len() > MAX_KEYBOARD_ROWS {
        return Err(ValidationError::TooMany {
            field: field.to_owned(),
            what: "rows",
            max: MAX_KEYBOARD_ROWS,
            actual: rows.len(),
        });
    }
    let total: usize = rows.iter().map(Vec::len).sum();
    if total > MAX_KEYBOARD_BUTTONS {
        return Err(ValidationError::TooMany {
            field: field.to_owned(),
            what: "buttons",
            max: MAX_KEYBOARD_BUTTONS,
            actual: total,
        });
    }
    for (r, row) in rows.iter().enumerate() {
        if row.len() > MAX_KEYBOARD_WIDTH {
            return Err(ValidationError::TooMany {
                field: format!("{field}[{r}]"),
                what: "buttons",
                max: MAX_KEYBOARD_WIDTH,
                actual: row.len(),
            });
        }
        for (b, item) in row.iter().enumerate() {
            button(&format!("{field}[{r}][{b}]"), item)?;
        }
    }
    Ok(())
}

/// Checks one button: the field its type needs is present, and every present field is within
/// its limits.
///
/// # Errors
///
/// [`ValidationError::Missing`], [`ValidationError::Length`], [`ValidationError::NotAscii`] or
/// [`ValidationError::UrlScheme`].
pub fn button(field: &str, button: &Button) -> Result {
    let at = |name: &str| format!("{field}.{name}");
    let required = match &button.kind {
        ButtonType::Command => Some(("command", button.command.is_some())),
        ButtonType::Url => Some(("url", button.url.is_some())),
        ButtonType::Message => Some(("message", button.message.is_some())),
        ButtonType::Copy => Some(("data", button.data.is_some())),
        _ => None,
    };
    if let Some((name, false)) = required {
        return Err(ValidationError::Missing {
            field: at(name),
            reason: format!("for a {} button", button.kind),
        });
    }
    match &button.label {
        Some(label) => length(&at("label"), label, 1, 32)?,
        None if button.kind != ButtonType::Url => {
            return Err(ValidationError::Missing {
                field: at("label"),
                reason: format!("for a {} button", button.kind),
            });
        }
        None => {}
    }
    if let Some(command) = &button.command {
        ascii(&at("command"), command)?;
        length(&at("command"), command, 1, 255)?;
    }
    if let Some(data) = &button.custom_data {
        ascii(&at("customData"), data)?;
        length(&at("customData"), data, 1, 4096)?;
    }
    if let Some(url) = &button.url {
        ascii(&at("url"), url)?;
        length(&at("url"), url, 8, 8095)?;
        let scheme = url
            .split_once(':')
            .map(|(s, _)| s.to_ascii_lowercase())
            .unwrap_or_default();
        if !BUTTON_URL_SCHEMES.contains(&scheme.as_str()) {
            return Err(ValidationError::UrlScheme {
                field: at("url"),
                scheme,
            });
        }
    }
    if let Some(data) = &button.data {
        length(&at("data"), data, 1, 4095)?;
    }
    if let Some(to) = &button.to {
        length(&at("to"), to, 1, usize::MAX)?;
    }
    Ok(())
}

/// Checks a file against the server's upload limits before `uploadFile`.
///
/// The extension is the part of `file_name` after the last `.`, compared case-insensitively
/// with the list entries (a leading `.` in an entry is ignored). An `allow` list rejects files
/// whose extension is not listed (including files without one); a `block` list rejects listed
/// extensions; unknown modes reject nothing.
///
/// ```
/// use trueconf_chatbot::model::{ExtensionFilter, ExtensionMode, FileUploadLimits};
/// use trueconf_chatbot::validate;
///
/// let limits = FileUploadLimits::new(Some(1024))
///     .with_extensions(ExtensionFilter::new(ExtensionMode::Block, vec!["exe".into()]));
/// assert!(validate::file(&limits, "report.pdf", 1000).is_ok());
/// assert!(validate::file(&limits, "report.pdf", 2000).is_err());
/// assert!(validate::file(&limits, "setup.EXE", 10).is_err());
/// ```
///
/// # Errors
///
/// [`ValidationError::FileTooLarge`], [`ValidationError::Extension`], or
/// [`ValidationError::Length`] for an empty file name.
pub fn file(limits: &FileUploadLimits, file_name: &str, size: u64) -> Result {
    length("fileName", file_name, 1, usize::MAX)?;
    if let Some(max) = limits.max_size.filter(|max| size > *max) {
        return Err(ValidationError::FileTooLarge { size, max });
    }
    if let Some(filter) = &limits.extensions {
        let extension = file_name
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_lowercase())
            .unwrap_or_default();
        let listed = filter
            .list
            .iter()
            .any(|entry| entry.trim_start_matches('.').to_lowercase() == extension);
        let rejected = match filter.mode {
            ExtensionMode::Allow => !listed,
            ExtensionMode::Block => listed && !extension.is_empty(),
            ExtensionMode::Other(_) => false,
        };
        if rejected {
            return Err(ValidationError::Extension {
                extension,
                mode: filter.mode.clone(),
            });
        }
    }
    Ok(())
}

/// Checks that a number is at least `min`.
pub(crate) fn at_least(field: &str, value: u64, min: u64) -> Result {
    if value < min {
        return Err(ValidationError::OutOfRange {
            field: field.to_owned(),
            reason: format!("must be at least {min}, got {value}"),
        });
    }
    Ok(())
}

fn length(field: &str, text: &str, min: usize, max: usize) -> Result {
    let actual = text.chars().count();
    if actual < min || actual > max {
        return Err(ValidationError::Length {
            field: field.to_owned(),
            min,
            max,
            actual,
        });
    }
    Ok(())
}

fn ascii(field: &str, text: &str) -> Result {
    if text.is_ascii() {
        Ok(())
    } else {
        Err(ValidationError::NotAscii {
            field: field.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ExtensionFilter;

    #[test]
    fn plain_text_counts_scalar_values() {
        assert_eq!(visible_len("héllo ✓", &ParseMode::Text), 7);
        assert_eq!(visible_len("<b>x</b>", &ParseMode::Text), 8);
        assert_eq!(
            visible_len("<b>x</b>", &ParseMode::Other("bbcode".into())),
            8
        );
    }

    #[test]
    fn html_rendered_tags_count_zero() {
        let html = ParseMode::Html;
        assert_eq!(visible_len("<b>bold</b> <I>it</I>", &html), 7);
        assert_eq!(visible_len("a<br>b<br/>c<br />d", &html), 4);
        assert_eq!(
            visible_len("<quote class=\"reply\">q</quote><s>x</s><u>y</u>", &html),
            3
        );
        // Links add a space and the target.
        assert_eq!(
            visible_len("<a href=\"https://x.y\">site</a>", &html),
            4 + 1 + 11
        );
        assert_eq!(
            visible_len("<a href='trueconf:u@s'>@u</a>", &html),
            2 + 1 + 12
        );
        // Unknown tags, near misses and entities count as written.
        assert_eq!(visible_len("<div>x</div>", &html), 12);
        assert_eq!(visible_len("<bx>", &html), 4);
        assert_eq!(visible_len("</br>", &html), 5);
        assert_eq!(visible_len("a < b", &html), 5);
        assert_eq!(visible_len("&amp;", &html), 5);
        assert_eq!(visible_len("<b", &html), 2);
    }

    #[test]
    fn markdown_markers_count_zero_outside_words() {
        let md = ParseMode::Markdown;
        assert_eq!(visible_len("**bold** _it_ ~~gone~~", &md), 12);
        assert_eq!(visible_len("snake_case_name", &md), 15);
        assert_eq!(visible_len("a__b", &md), 4);
        assert_eq!(visible_len("a**b**c", &md), 3);
        assert_eq!(visible_len("2*3=6", &md), 5);
        assert_eq!(visible_len("[docs](https://x.y)", &md), 4 + 1 + 11);
        assert_eq!(visible_len(">quote\nline", &md), 10);
        assert_eq!(visible_len("a > b", &md), 5);
        assert_eq!(visible_len("[x]", &md), 3);
        assert_eq!(visible_len("[](u)", &md), 5);
        assert_eq!(visible_len("[a](", &md), 4);
    }

    #[test]
    fn message_text_limit_uses_visible_length() {
        let long_plain = "a".repeat(4096);
        assert!(message_text("content.text", &long_plain, &ParseMode::Text).is_ok());
        let too_long = "a".repeat(4097);
        assert_eq!(
            message_text("content.text", &too_long, &ParseMode::Text),
            Err(ValidationError::Length {
                field: "content.text".into(),
                min: 0,
                max: 4096,
                actual: 4097
            })
        );
        // 4096 visible characters wrapped in bold are fine in html, too long as text.
        let bold = format!("<b>{long_plain}</b>");
        assert!(message_text("t", &bold, &ParseMode::Html).is_ok());
        assert!(message_text("t", &bold, &ParseMode::Text).is_err());
        let err = message_text("t", &too_long, &ParseMode::Text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "`t` must be at most 4096 characters long, got 4097"
        );
    }

    #[test]
    fn titles_and_command_answers() {
        assert!(title("title", &"т".repeat(255)).is_ok());
        assert!(title("title", &"т".repeat(256)).is_err());
        assert!(title("title", "").is_err());
        assert!(command_answer_text("message.text", "done").is_ok());
        assert!(command_answer_text("message.text", &"x".repeat(255)).is_ok());
        assert!(matches!(
            command_answer_text("message.text", &"x".repeat(256)),
            Err(ValidationError::Length { actual: 256, .. })
        ));
        assert!(matches!(
            command_answer_text("message.text", ""),
            Err(ValidationError::Length { actual: 0, .. })
        ));
        assert_eq!(
            command_answer_text("message.text", "готово"),
            Err(ValidationError::NotAscii {
                field: "message.text".into()
            })
        );
    }

    #[test]
    fn keyboard_limits() {
        let ok = vec![vec![Button::command("A", "/a"); 8]; 8];
        assert!(keyboard("content.buttons", &ok).is_ok());
        let rows = vec![vec![Button::command("A", "/a")]; 9];
        assert!(matches!(
            keyboard("content.buttons", &rows),
            Err(ValidationError::TooMany {
                what: "rows",
                actual: 9,
                ..
            })
        ));
        let wide = vec![vec![Button::command("A", "/a"); 9]];
        assert_eq!(
            keyboard("content.buttons", &wide),
            Err(ValidationError::TooMany {
                field: "content.buttons[0]".into(),
                what: "buttons",
                max: 8,
                actual: 9
            })
        );
        let mut many = vec![vec![Button::command("A", "/a"); 8]; 8];
        many[0].push(Button::command("B", "/b"));
        assert!(matches!(
            keyboard("content.buttons", &many),
            Err(ValidationError::TooMany {
                what: "buttons",
                actual: 65,
                ..
            })
        ));
    }

    #[test]
    fn buttons_are_checked_with_their_path() {
        let bad = vec![vec![
            Button::url("Docs", "https://trueconf.com"),
            Button::url("Bad", "ftp://files.example"),
        ]];
        assert_eq!(
            keyboard("content.buttons", &bad),
            Err(ValidationError::UrlScheme {
                field: "content.buttons[0][1].url".into(),
                scheme: "ftp".into()
            })
        );
        assert!(button("b", &Button::url("x", "mailto:a@b.c")).is_ok());
        assert!(matches!(
            button("b", &Button::url("x", "https:")),
            Err(ValidationError::Length { .. })
        ));
        assert!(matches!(
            button("b", &Button::command("x", "/привет")),
            Err(ValidationError::NotAscii { .. })
        ));
        assert!(matches!(
            button("b", &Button::command("x".repeat(33), "/a")),
            Err(ValidationError::Length {
                min: 1,
                max: 32,
                ..
            })
        ));
        assert!(matches!(
            button("b", &Button::command("x", "/a").with_custom_data("")),
            Err(ValidationError::Length { .. })
        ));
        assert!(matches!(
            button("b", &Button::copy("x", "")),
            Err(ValidationError::Length { .. })
        ));
        let mut no_command = Button::command("x", "/a");
        no_command.command = None;
        assert_eq!(
            button("b", &no_command).unwrap_err().to_string(),
            "`b.command` is required for a command button"
        );
        let mut no_label = Button::message("x", "hi");
        no_label.label = None;
        assert!(matches!(
            button("b", &no_label),
            Err(ValidationError::Missing { .. })
        ));
        let mut url_without_label = Button::url("x", "https://a.b/c");
        url_without_label.label = None;
        assert!(button("b", &url_without_label).is_ok());
        assert!(button("b", &Button::share("s")).is_ok());
    }

    #[test]
    fn file_checks_size_and_extensions() {
        let none = FileUploadLimits::default();
        assert!(file(&none, "a.bin", u64::MAX).is_ok());
        assert!(file(&none, "", 1).is_err());
        let limits = FileUploadLimits::new(Some(100));
        assert!(file(&limits, "a.bin", 100).is_ok());
        assert_eq!(
            file(&limits, "a.bin", 101),
            Err(ValidationError::FileTooLarge {
                size: 101,
                max: 100
            })
        );
        let allow = FileUploadLimits::default().with_extensions(ExtensionFilter::new(
            ExtensionMode::Allow,
            vec![".PDF".into(), "png".into()],
        ));
        assert!(file(&allow, "scan.pdf", 1).is_ok());
        assert!(file(&allow, "Photo.PNG", 1).is_ok());
        assert_eq!(
            file(&allow, "README", 1),
            Err(ValidationError::Extension {
                extension: String::new(),
                mode: ExtensionMode::Allow
            })
        );
        let err = file(&allow, "x.exe", 1).unwrap_err();
        assert_eq!(
            err.to_string(),
            "files with the extension `exe` are not allowed by the server (allow list)"
        );
        let block = FileUploadLimits::default().with_extensions(ExtensionFilter::new(
            ExtensionMode::Block,
            vec!["exe".into()],
        ));
        assert!(file(&block, "README", 1).is_ok());
        assert!(file(&block, "tool.Exe", 1).is_err());
        let other = FileUploadLimits::default().with_extensions(ExtensionFilter::new(
            ExtensionMode::Other("audit".into()),
            vec!["exe".into()],
        ));
        assert!(file(&other, "tool.exe", 1).is_ok());
    }

    #[test]
    fn numbers() {
        assert!(at_least("page", 1, 1).is_ok());
        assert_eq!(
            at_least("page", 0, 1).unwrap_err().to_string(),
            "`page` must be at least 1, got 0"
        );
    }
}
