//! [`EncryptedEnvelope`]: the base64-of-JSON encrypted field (`userNick`, `title`, `nick`,
//! `nickEncrypted`, `contactIdEncrypted`, `Param.value`, …) and its parsed form
//! [`EnvelopeFields`].
//!
//! Decoded, an envelope is a JSON object `{"encryptedBodyBase64", "ivBase64"}` plus
//! `"conversationUuid"` and `"sessionKeyUuid"` when a conversation session key encrypted it
//! (notes §6.1). Key order and whitespace vary by client: Android writes compact JSON with
//! sorted keys, iOS pretty-prints with `" : "` and escapes `/` as `\/`.

use crate::error::EnvelopeError;
use crate::model::{ConversationUuid, SessionKeyUuid};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// An encrypted field as it travels: standard base64 of a JSON object.
///
/// The string is kept exactly as received (never re-serialized) and parsed only on demand, so a
/// corrupted envelope gives an [`EnvelopeError`] for that field instead of failing the frame.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EncryptedEnvelope(String);

impl EncryptedEnvelope {
    /// Keeps an envelope string as received, without checking it.
    pub fn from_wire(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The string as on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Decodes the base64 and parses the JSON inside: any key order, any whitespace, `\/`
    /// escapes; unknown inner keys are ignored.
    ///
    /// # Errors
    ///
    /// [`EnvelopeError`] naming what is wrong: not base64, not UTF-8, not a JSON object, a
    /// missing or malformed field, an IV that is not 16 bytes.
    pub fn parse(&self) -> Result<EnvelopeFields, EnvelopeError> {
        let bytes = STANDARD
            .decode(&self.0)
            .map_err(|e| EnvelopeError::Base64 {
                field: ".".into(),
                message: e.to_string(),
            })?;
        let text = std::str::from_utf8(&bytes).map_err(|_| EnvelopeError::NotUtf8)?;
        let object: Map<String, Value> =
            serde_json::from_str(text).map_err(|e| EnvelopeError::Json {
                message: e.to_string(),
            })?;
        let encrypted_body = base64_field(&object, "encryptedBodyBase64")?;
        let iv_bytes = base64_field(&object, "ivBase64")?;
        let iv: [u8; 16] =
            iv_bytes
                .as_slice()
                .try_into()
                .map_err(|_| EnvelopeError::InvalidField {
                    field: "ivBase64".into(),
                    reason: format!("an IV is 16 bytes, got {}", iv_bytes.len()),
                })?;
        Ok(EnvelopeFields {
            encrypted_body,
            iv,
            conversation_uuid: optional_string(&object, "conversationUuid")?
                .map(ConversationUuid::from_wire),
            session_key_uuid: optional_string(&object, "sessionKeyUuid")?
                .map(SessionKeyUuid::from_wire),
        })
    }
}

impl fmt::Debug for EncryptedEnvelope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 24;
        match self.0.char_indices().nth(SHOWN) {
            Some((cut, _)) => write!(
                f,
                "EncryptedEnvelope({}…, {} chars)",
                &self.0[..cut],
                self.0.len()
            ),
            None => write!(f, "EncryptedEnvelope({})", self.0),
        }
    }
}

fn string_field<'a>(
    object: &'a Map<String, Value>,
    field: &str,
) -> Result<Option<&'a str>, EnvelopeError> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(EnvelopeError::InvalidField {
            field: field.into(),
            reason: "expected a string".into(),
        }),
    }
}

fn base64_field(object: &Map<String, Value>, field: &str) -> Result<Vec<u8>, EnvelopeError> {
    let text = string_field(object, field)?.ok_or_else(|| EnvelopeError::MissingField {
        field: field.into(),
    })?;
    STANDARD.decode(text).map_err(|e| EnvelopeError::Base64 {
        field: field.into(),
        message: e.to_string(),
    })
}

fn optional_string(
    object: &Map<String, Value>,
    field: &str,
) -> Result<Option<String>, EnvelopeError> {
    Ok(string_field(object, field)?.map(str::to_owned))
}

/// How to lay out the JSON inside a new envelope, so output can match a given client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EnvelopeStyle {
    /// Android style: compact JSON, keys sorted (`conversationUuid`, `encryptedBodyBase64`,
    /// `ivBase64`, `sessionKeyUuid`).
    Compact,
    /// iOS style: two-space indented, `"key" : "value"`, `/` escaped as `\/`, keys in the order
    /// of the seed's full iOS sample (`encryptedBodyBase64`, `ivBase64`, `conversationUuid`,
    /// `sessionKeyUuid`).
    Pretty,
}

/// The parsed content of an [`EncryptedEnvelope`].
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct EnvelopeFields {
    /// The ciphertext (`encryptedBodyBase64`), as long as the plaintext.
    pub encrypted_body: Vec<u8>,
    /// The 16-byte IV (`ivBase64`).
    pub iv: [u8; 16],
    /// The conversation whose session key encrypted the field, when one did.
    pub conversation_uuid: Option<ConversationUuid>,
    /// The session key that encrypted the field, when a conversation key did.
    pub session_key_uuid: Option<SessionKeyUuid>,
}

impl EnvelopeFields {
    /// An envelope without a session-key reference (the `{encryptedBodyBase64, ivBase64}` form
    /// seen for the user's own nick).
    pub fn new(encrypted_body: Vec<u8>, iv: [u8; 16]) -> Self {
        Self {
            encrypted_body,
            iv,
            conversation_uuid: None,
            session_key_uuid: None,
        }
    }

    /// Names the conversation session key that encrypted the field.
    #[must_use]
    pub fn with_session_key(
        mut self,
        conversation_uuid: ConversationUuid,
        session_key_uuid: SessionKeyUuid,
    ) -> Self {
        self.conversation_uuid = Some(conversation_uuid);
        self.session_key_uuid = Some(session_key_uuid);
        self
    }

    /// Builds the envelope string in the given style.
    pub fn seal(&self, style: EnvelopeStyle) -> EncryptedEnvelope {
        let body = STANDARD.encode(&self.encrypted_body);
        let iv = STANDARD.encode(self.iv);
        let conversation = self
            .conversation_uuid
            .as_ref()
            .map(ConversationUuid::as_str);
        let session_key = self.session_key_uuid.as_ref().map(SessionKeyUuid::as_str);
        let entries: Vec<(&str, &str)> = match style {
            EnvelopeStyle::Compact => [
                ("conversationUuid", conversation),
                ("encryptedBodyBase64", Some(body.as_str())),
                ("ivBase64", Some(iv.as_str())),
                ("sessionKeyUuid", session_key),
            ]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect(),
            EnvelopeStyle::Pretty => [
                ("encryptedBodyBase64", Some(body.as_str())),
                ("ivBase64", Some(iv.as_str())),
                ("conversationUuid", conversation),
                ("sessionKeyUuid", session_key),
            ]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect(),
        };
        let json = match style {
            EnvelopeStyle::Compact => {
                let fields: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{}:{}", json_string(k), json_string(v)))
                    .collect();
                format!("{{{}}}", fields.join(","))
            }
            EnvelopeStyle::Pretty => {
                let fields: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| {
                        format!(
                            "  {} : {}",
                            json_string(k),
                            json_string(v).replace('/', "\\/")
                        )
                    })
                    .collect();
                format!("{{\n{}\n}}", fields.join(",\n"))
            }
        };
        EncryptedEnvelope(STANDARD.encode(json))
    }
}

fn json_string(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}

impl fmt::Debug for EnvelopeFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnvelopeFields")
            .field("encrypted_body_len", &self.encrypted_body.len())
            .field("conversation_uuid", &self.conversation_uuid)
            .field("session_key_uuid", &self.session_key_uuid)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ResponseGetMessages.messages[0].userNick`: full, iOS pretty style (seed line 205).
    const IOS_NICK: &str = "ewogICJlbmNyeXB0ZWRCb2R5QmFzZTY0IiA6ICJDd2ZmR2ZoVWdZM2U5UT09IiwKICAiaXZCYXNlNjQiIDogInNRSUIxbjY0STJQcE9oZzBQd2Fsdmc9PSIsCiAgImNvbnZlcnNhdGlvblV1aWQiIDogIjJBMjJCOUZCLTNGNzktNDgzOS1BM0Q2LUIyNUIyMzRFNzZGMSIsCiAgInNlc3Npb25LZXlVdWlkIiA6ICJBOUM5Qzc4OS04N0Q5LTQ3NTAtODY4NS1GQ0FBQTM3QzhFMDQiCn0=";
    /// `RequestAddUserKeys.nick`: full, compact, two fields (seed line 983).
    const ANDROID_OWN_NICK: &str = "eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoiS05iL1dnPT0iLCJpdkJhc2U2NCI6IjFBVGNrd01JK0s0eVEyaVdXSUtRU2c9PSJ9";
    /// `NotificationRenameConversation.title`: full, compact, sorted keys (seed line 1495).
    const ANDROID_TITLE: &str = "eyJjb252ZXJzYXRpb25VdWlkIjoiZjRhNzQ4NjctMjkwYy00ODQxLWFhMDItNWY0ZDAxNjAzYWY0IiwiZW5jcnlwdGVkQm9keUJhc2U2NCI6Im8rREwiLCJpdkJhc2U2NCI6IlFDaW1iVXN0Q0dSTitJSlFheTRUTnc9PSIsInNlc3Npb25LZXlVdWlkIjoiZTBhYWUxYzQtYTgyYy00YzUwLTgxYTItYjQzNzJkYzMwMmRiIn0=";
    /// `NotificationAddedMessageToConversation.message.userNick`: one character corrupted in
    /// the seed (notes §9 #6), so the inner JSON is invalid.
    const CORRUPTED: &str = "eyJjb252ZXJzYXRpb25VdWlkIioiNjkyMWQyZmQtZTg4Yy00ODAyLWJiNzAtZDdhMTg3NzA5MzllIiwiZW5jcnlwdGVkQm9keUJhc2U2NCI6IjZ0OHZ0bmdMY1lNZVNBPT0iLCJpdkJhc2U2NCI6IklzWlZqU2ZnMTJJVVRDK0JhcitKTHc9PSIsInNlc3Npb25LZXlVdWlkIjoiYjgzMjJmNWMtOTJlNy00ODEwLTkwZGEtOGIxNjcyMjNlNDk2In0=";

    #[test]
    fn parses_the_ios_sample_and_rebuilds_it_byte_for_byte() {
        let env = EncryptedEnvelope::from_wire(IOS_NICK);
        let fields = env.parse().unwrap();
        assert_eq!(fields.encrypted_body.len(), 10);
        assert_eq!(STANDARD.encode(&fields.encrypted_body), "CwffGfhUgY3e9Q==");
        assert_eq!(STANDARD.encode(fields.iv), "sQIB1n64I2PpOhg0Pwalvg==");
        assert_eq!(
            fields.conversation_uuid.as_ref().unwrap().as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        assert_eq!(
            fields.session_key_uuid.as_ref().unwrap().as_str(),
            "A9C9C789-87D9-4750-8685-FCAAA37C8E04"
        );
        assert_eq!(fields.seal(EnvelopeStyle::Pretty), env);
    }

    #[test]
    fn parses_the_android_samples_and_rebuilds_them_byte_for_byte() {
        let own = EncryptedEnvelope::from_wire(ANDROID_OWN_NICK);
        let fields = own.parse().unwrap();
        assert_eq!(fields.encrypted_body.len(), 4);
        assert_eq!(fields.conversation_uuid, None);
        assert_eq!(fields.session_key_uuid, None);
        assert_eq!(fields.seal(EnvelopeStyle::Compact), own);

        let title = EncryptedEnvelope::from_wire(ANDROID_TITLE);
        let fields = title.parse().unwrap();
        assert_eq!(fields.encrypted_body.len(), 3);
        assert_eq!(
            fields.session_key_uuid.as_ref().unwrap().as_str(),
            "e0aae1c4-a82c-4c50-81a2-b4372dc302db"
        );
        assert_eq!(fields.seal(EnvelopeStyle::Compact), title);
    }

    #[test]
    fn the_corrupted_seed_sample_is_a_json_error() {
        let err = EncryptedEnvelope::from_wire(CORRUPTED).parse().unwrap_err();
        assert!(matches!(err, EnvelopeError::Json { .. }), "{err:?}");
        assert!(err.to_string().starts_with("envelope is not a JSON object"));
    }

    #[test]
    fn cut_short_values_are_base64_errors() {
        let err = EncryptedEnvelope::from_wire(
            "eyJlbmNyeXB0ZWRCb2R5QmFzZTY0IjoiekxLWWthVnFvU0hpeUE9PSIsIml2QmFz...",
        )
        .parse()
        .unwrap_err();
        assert!(
            matches!(&err, EnvelopeError::Base64 { field, .. } if field == "."),
            "{err:?}"
        );
    }

    #[test]
    fn pretty_style_escapes_slashes_and_parses_back() {
        let mut iv = [0u8; 16];
        iv[0] = 0xff; // base64 "/w…" starts with a slash
        let fields = EnvelopeFields::new(vec![0xfc, 0x01], iv).with_session_key(
            ConversationUuid::new("408ECE6D-A15C-46DF-A181-E74087255781").unwrap(),
            SessionKeyUuid::new("DF92E64C-6363-4F2E-992F-83A842849897").unwrap(),
        );
        let env = fields.seal(EnvelopeStyle::Pretty);
        let text = String::from_utf8(STANDARD.decode(env.as_str()).unwrap()).unwrap();
        assert!(
            text.contains("\"ivBase64\" : \"\\/wAAAAAAAAAAAAAAAAAAAA==\""),
            "{text}"
        );
        assert_eq!(env.parse().unwrap(), fields);
        let compact = fields.seal(EnvelopeStyle::Compact);
        assert_ne!(compact, env);
        assert_eq!(compact.parse().unwrap(), fields);
    }

    #[test]
    fn field_errors_name_the_field() {
        let seal = |json: &str| EncryptedEnvelope::from_wire(STANDARD.encode(json));
        let missing = seal(r#"{"ivBase64":"AAAAAAAAAAAAAAAAAAAAAA=="}"#)
            .parse()
            .unwrap_err();
        assert_eq!(
            missing,
            EnvelopeError::MissingField {
                field: "encryptedBodyBase64".into()
            }
        );
        let short_iv = seal(r#"{"encryptedBodyBase64":"AA==","ivBase64":"AAAA"}"#)
            .parse()
            .unwrap_err();
        assert!(
            short_iv.to_string().contains("16 bytes, got 3"),
            "{short_iv}"
        );
        let wrong_type = seal(r#"{"encryptedBodyBase64":5,"ivBase64":"AAAA"}"#)
            .parse()
            .unwrap_err();
        assert!(
            matches!(&wrong_type, EnvelopeError::InvalidField { field, .. } if field == "encryptedBodyBase64")
        );
        let bad_body =
            seal(r#"{"encryptedBodyBase64":"!!","ivBase64":"AAAAAAAAAAAAAAAAAAAAAA=="}"#)
                .parse()
                .unwrap_err();
        assert!(
            matches!(&bad_body, EnvelopeError::Base64 { field, .. } if field == "encryptedBodyBase64")
        );
        let array = seal("[1,2]").parse().unwrap_err();
        assert!(matches!(array, EnvelopeError::Json { .. }));
        let binary = EncryptedEnvelope::from_wire(STANDARD.encode([0xff, 0xfe]))
            .parse()
            .unwrap_err();
        assert_eq!(binary, EnvelopeError::NotUtf8);
    }

    #[test]
    fn debug_never_shows_plain_bytes() {
        let fields = EncryptedEnvelope::from_wire(IOS_NICK).parse().unwrap();
        let shown = format!("{fields:?}");
        assert!(shown.contains("encrypted_body_len: 10"), "{shown}");
        assert!(!shown.contains("sQIB1n64"), "{shown}");
        assert!(!shown.contains("177"), "{shown}"); // first IV byte (0xb1) in decimal
    }
}
