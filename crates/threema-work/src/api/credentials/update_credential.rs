//! `PUT /credentials/{id}` — Credentials: Update.

use crate::api::WorkRequest;
use crate::model::CredentialId;
use crate::validate::{self, ValidationError};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, Method, RawResponse, segment};

/// `PUT /credentials/{id}` — changes a credential's username and password.
///
/// Body `{username, password, hash?, lock?}`: both username and password are required, so
/// the password of a hashed credential has to be sent again (it cannot be read back). There is
/// no `licenseCount` on update. Answers 204; 400 for invalid values, 404 when there is no such
/// credential.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateCredential {
    /// The credential's id.
    pub id: CredentialId,
    /// The username, 1–256 characters.
    pub username: String,
    /// The password, 1–256 characters (never printed).
    pub password: Secret,
    /// `hash`: store the password hashed.
    pub hash: Option<bool>,
    /// `lock`: bind the credential to the first ID that uses it.
    pub lock: Option<bool>,
}

impl UpdateCredential {
    /// Sets credential `id`'s username and password.
    pub fn new(id: CredentialId, username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self {
            id,
            username: username.into(),
            password: password.into(),
            hash: None,
            lock: None,
        }
    }

    /// Sets `hash`.
    #[must_use]
    pub fn with_hash(mut self, hash: bool) -> Self {
        self.hash = Some(hash);
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
struct Wire<'a> {
    username: &'a str,
    password: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hash: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lock: Option<bool>,
}

impl Endpoint for UpdateCredential {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        format!("/credentials/{}", segment(self.id.as_str())).into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&Wire {
            username: &self.username,
            password: self.password.expose(),
            hash: self.hash,
            lock: self.lock,
        })
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for UpdateCredential {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::non_empty("id", self.id.as_str())?;
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
    fn request_shape_matches_the_spec_sample() {
        let id = CredentialId::new("e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu").unwrap();
        let request = UpdateCredential::new(id, "bob", "3mawrk")
            .with_hash(true)
            .with_lock(true);
        assert_eq!(UpdateCredential::METHOD, Method::PUT);
        assert_eq!(
            request.path(),
            "/credentials/e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu"
        );
        assert_eq!(
            testing::body_json(&request),
            json!({"username": "bob", "password": "3mawrk", "hash": true, "lock": true})
        );
        assert!(!format!("{request:?}").contains("3mawrk"));
    }

    #[test]
    fn validation_and_parsing() {
        let id = CredentialId::new("x").unwrap();
        assert!(
            UpdateCredential::new(id.clone(), "bob", "")
                .validate()
                .is_err()
        );
        assert!(
            UpdateCredential::new(id.clone(), "", "pw")
                .validate()
                .is_err()
        );
        let request = UpdateCredential::new(id, "bob", "pw");
        assert!(request.validate().is_ok());
        request.parse(testing::response(204, &[], b"")).unwrap();
        assert_eq!(
            request
                .parse(testing::json(400, &json!({"error": "username in use"})))
                .unwrap_err()
                .status(),
            Some(400)
        );
    }
}
