//! [`Credential`]: a username/password pair users activate the app with.

use super::{CredentialId, Links, de};
use serde::{Deserialize, Serialize};
use transport_core::Secret;

/// A credential record (`GET /credentials/{id}`, items of `GET /credentials`).
///
/// The password is a [`Secret`] (never printed); it is `None` for hashed credentials, whose
/// password cannot be read back. API 1.7 names the flags `usage`/`hashed`/`locked`; API 1.4
/// sent `licenseAmount`/`hash`/`lock`, which are read as well (`hash` → [`hashed`](Self::hashed),
/// `lock` → [`locked`](Self::locked); `licenseAmount` is kept apart from `usage`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "CredentialWire", rename_all = "camelCase")]
#[non_exhaustive]
pub struct Credential {
    /// Links (`detail`, `subscription`).
    #[serde(rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The credential's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<CredentialId>,
    /// The username.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The password; `None` when it is stored hashed.
    #[serde(with = "de::opt_secret", skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    /// How many IDs use the credential (API 1.7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage: Option<u64>,
    /// How many IDs the credential may create (API 1.4 only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license_amount: Option<u64>,
    /// True if the password is stored hashed (`hashed`, or `hash` in API 1.4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hashed: Option<bool>,
    /// True if the credential is bound to the first ID that used it (`locked`, or `lock`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CredentialWire {
    #[serde(default, rename = "_links")]
    links: Links,
    id: Option<CredentialId>,
    username: Option<String>,
    password: Option<String>,
    usage: Option<u64>,
    license_amount: Option<u64>,
    hashed: Option<bool>,
    hash: Option<bool>,
    locked: Option<bool>,
    lock: Option<bool>,
}

impl From<CredentialWire> for Credential {
    fn from(wire: CredentialWire) -> Self {
        Self {
            links: wire.links,
            id: wire.id,
            username: wire.username,
            password: wire.password.map(Secret::new),
            usage: wire.usage,
            license_amount: wire.license_amount,
            hashed: wire.hashed.or(wire.hash),
            locked: wire.locked.or(wire.lock),
        }
    }
}

impl Credential {
    /// An empty credential object (every field is optional on the wire).
    pub fn new() -> Self {
        Self::default()
    }

    /// The id: the `id` field, or else the last segment of the `detail` link.
    pub fn credential_id(&self) -> Option<CredentialId> {
        self.id.clone().or_else(|| {
            self.links
                .id_of("detail")
                .and_then(|id| CredentialId::new(id).ok())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn api_1_7_form_round_trips_and_hides_the_password() {
        let value = json!({
            "_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}],
            "id": "LAow0Rksa",
            "username": "alice",
            "password": "3mawrk",
            "usage": 1,
            "hashed": false,
            "locked": true
        });
        let c: Credential = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(c.id.as_ref().map(CredentialId::as_str), Some("LAow0Rksa"));
        assert_eq!(c.password.as_ref().map(Secret::expose), Some("3mawrk"));
        assert_eq!(
            (c.usage, c.hashed, c.locked),
            (Some(1), Some(false), Some(true))
        );
        assert!(!format!("{c:?}").contains("3mawrk"));
        assert_eq!(serde_json::to_value(&c).unwrap(), value);
    }

    #[test]
    fn drift_api_1_4_names_and_null_password() {
        // The 1.4.0 spec example for a hashed credential.
        let c: Credential = serde_json::from_value(json!({
            "_links": [{"ref": "detail", "link": "https://work.threema.ch/api/v1/credentials/pwq4Kslw"}],
            "id": "pwq4Kslw",
            "username": "bob",
            "password": null,
            "licenseAmount": 0,
            "hash": true,
            "lock": false
        }))
        .unwrap();
        assert_eq!(c.password, None);
        assert_eq!(c.hashed, Some(true));
        assert_eq!(c.locked, Some(false));
        assert_eq!(c.license_amount, Some(0));
        assert_eq!(c.usage, None);
        // Both spellings present: the 1.7 one wins.
        let both: Credential = serde_json::from_value(
            json!({"hashed": false, "hash": true, "locked": true, "lock": false}),
        )
        .unwrap();
        assert_eq!((both.hashed, both.locked), (Some(false), Some(true)));
    }

    #[test]
    fn id_falls_back_to_the_detail_link() {
        let c: Credential = serde_json::from_value(json!({
            "_links": [{"rel": "detail", "link": "https://work.threema.ch/api/v1/credentials/Kpsow3lSdf"}]
        }))
        .unwrap();
        assert_eq!(c.credential_id().unwrap().as_str(), "Kpsow3lSdf");
        assert_eq!(Credential::new().credential_id(), None);
    }
}
