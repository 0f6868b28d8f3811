//! `POST /credentials` — Credentials: Create.

use crate::api::WorkRequest;
use crate::model::{Credential, CredentialId};
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `POST /credentials` — creates a credential.
///
/// Body `{username, password, hash?, licenseCount?, lock?}`; username and password are 1–256
/// characters. Answers `201 Created` with a `Location` header and the new [`Credential`];
/// 400 when the username is taken or a value is invalid; **403 when no credential credits are
/// left**. Not retried (it is not idempotent).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateCredential {
    /// The unique username, 1–256 characters.
    pub username: String,
    /// The password, 1–256 characters (never printed).
    pub password: Secret,
    /// `hash`: store the password hashed; it can then never be read back.
    pub hash: Option<bool>,
    /// `licenseCount`: how many IDs may be created with the credential (above 1 only for
    /// multi-user licences).
    pub license_count: Option<u32>,
    /// `lock`: once an ID used the credential, no other ID may (until revoked or detached).
    pub lock: Option<bool>,
}

impl CreateCredential {
    /// A credential with this username and password.
    pub fn new(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self {
            username: username.into(),
            password: password.into(),
            hash: None,
            license_count: None,
            lock: None,
        }
    }

    /// Sets `hash`.
    #[must_use]
    pub fn with_hash(mut self, hash: bool) -> Self {
        self.hash = Some(hash);
        self
    }

    /// Sets `licenseCount`.
    #[must_use]
    pub fn with_license_count(mut self, count: u32) -> Self {
        self.license_count = Some(count);
        self
    }

    /// Sets `lock`.
    #[must_use]
    pub fn with_lock(mut self, lock: bool) -> Self {
        self.lock = Some(lock);
        self
    }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Wire<'a> {
    username: &'a str,
    password: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hash: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    license_count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lock: Option<bool>,
}

/// The response of `POST /credentials`: the `Location` header and the new credential.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CreatedCredential {
    /// The `Location` header: the URL of the new credential.
    pub location: Option<String>,
    /// The new credential (empty if the server sent no body).
    pub credential: Credential,
}

impl CreatedCredential {
    /// The new credential's id: from the body, or else the last segment of `Location`.
    pub fn id(&self) -> Option<CredentialId> {
        self.credential.credential_id().or_else(|| {
            let location = self.location.as_deref()?;
            let last = location.trim_end_matches('/').rsplit('/').next()?;
            let decoded = percent_encoding::percent_decode_str(last).decode_utf8_lossy();
            CredentialId::new(decoded.into_owned()).ok()
        })
    }
}

impl Endpoint for CreateCredential {
    type Response = CreatedCredential;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/credentials".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&Wire {
            username: &self.username,
            password: self.password.expose(),
            hash: self.hash,
            license_count: self.license_count,
            lock: self.lock,
        })
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<CreatedCredential> {
        let location = crate::api::location(&response);
        let response = response.success()?;
        let credential = if response.body.iter().all(u8::is_ascii_whitespace) {
            Credential::default()
        } else {
            let what = format!("{} response", response.what());
            transport_core::json::from_slice(&what, &response.body)?
        };
        Ok(CreatedCredential {
            location,
            credential,
        })
    }
}

impl WorkRequest for CreateCredential {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::text("username", &self.username)?;
        validate::text("password", self.password.expose())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    #[test]
    fn request_shape_matches_the_spec_sample_and_hides_the_password() {
        let request = CreateCredential::new("bob", "3mawrk")
            .with_hash(false)
            .with_license_count(1)
            .with_lock(true);
        assert_eq!(CreateCredential::METHOD, Method::POST);
        assert!(!request.idempotent());
        assert_eq!(request.path(), "/credentials");
        assert_eq!(
            testing::body_json(&request),
            json!({"username": "bob", "password": "3mawrk", "hash": false, "licenseCount": 1, "lock": true})
        );
        assert_eq!(
            testing::body_json(&CreateCredential::new("a", "b")),
            json!({"username": "a", "password": "b"})
        );
        assert!(!format!("{request:?}").contains("3mawrk"));
    }

    #[test]
    fn validation_never_shows_the_password() {
        assert!(CreateCredential::new("", "pw").validate().is_err());
        let err = CreateCredential::new("bob", "").validate().unwrap_err();
        assert_eq!(err.field, "password");
        let long = "hunter2".repeat(40);
        let err = CreateCredential::new("bob", long.as_str())
            .validate()
            .unwrap_err();
        assert!(!err.to_string().contains("hunter2"));
    }

    #[test]
    fn parses_201_with_location_and_body() {
        let created = CreateCredential::new("bob", "pw")
            .parse(testing::response(
                201,
                &[("location", "https://work.threema.ch/api/v1/credentials/e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu")],
                br#"{"id":"e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu","username":"bob","password":"pw","usage":0,"hashed":false,"locked":false}"#,
            ))
            .unwrap();
        assert_eq!(created.credential.username.as_deref(), Some("bob"));
        assert_eq!(
            created.id().unwrap().as_str(),
            "e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu"
        );
        // No body: the id comes from Location.
        let bare = CreateCredential::new("bob", "pw")
            .parse(testing::response(
                201,
                &[("location", "/api/v1/credentials/Abc%2Fd")],
                b"",
            ))
            .unwrap();
        assert_eq!(bare.id().unwrap().as_str(), "Abc/d");
        let err = CreateCredential::new("bob", "pw")
            .parse(testing::json(403, &json!({"error": "No credits left"})))
            .unwrap_err();
        assert_eq!(err.status(), Some(403));
    }
}
