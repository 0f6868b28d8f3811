//! [`User`]: a Threema ID activated with one of the subscription's credentials.

use super::{CredentialId, DateTime, Links, ThreemaId};
use serde::{Deserialize, Serialize};

/// A user of the subscription (`GET /users/{threemaId}`, items of `GET /users`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct User {
    /// Links (`detail`, `subscription`, `credential` → the credential the ID was activated
    /// with; see [`credential_id`](Self::credential_id)).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The Threema ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ThreemaId>,
    /// The nickname chosen in the app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The first name, set by the MDM system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The last name, set by the MDM system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Any value (e.g. an internal username), set by the MDM system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csi: Option<String>,
    /// The user category (group, department), set by the MDM system; examples look
    /// comma-separated (see [`categories`](Self::categories)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The app version: OS, ` - `, app version (`android - 3.1k`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// When the app last checked in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_check: Option<DateTime>,
    /// When the ID was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime>,
    /// The job title (API 1.7.2 and later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// The department (API 1.7.2 and later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

impl User {
    /// An empty user object (every field is optional on the wire).
    pub fn new() -> Self {
        Self::default()
    }

    /// The id of the credential this ID was activated with. The API has no field for it: it
    /// is the last path segment of the `credential` link (`ref` or `rel`), or, failing that,
    /// of any link of the form `…/credentials/{id}`.
    ///
    /// ```
    /// use threema_work::model::User;
    /// let user: User = serde_json::from_str(r#"{"_links": [
    ///     {"ref": "detail", "link": "https://work.threema.ch/api/v1/users/ECHOECHO"},
    ///     {"rel": "credential", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}
    /// ]}"#)?;
    /// assert_eq!(user.credential_id().unwrap().as_str(), "LAow0Rksa");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn credential_id(&self) -> Option<CredentialId> {
        let by_rel = self.links.id_of("credential");
        let by_shape = || {
            self.links
                .iter()
                .find_map(|link| match link.path_segments().as_slice() {
                    [.., kind, id] if kind == "credentials" => Some(id.clone()),
                    _ => None,
                })
        };
        by_rel
            .or_else(by_shape)
            .and_then(|id| CredentialId::new(id).ok())
    }

    /// The comma-separated parts of [`category`](Self::category), trimmed, without empties.
    pub fn categories(&self) -> Vec<&str> {
        self.category
            .as_deref()
            .map(|c| {
                c.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> serde_json::Value {
        json!({
            "_links": [
                {"ref": "detail", "link": "https://work.threema.ch/api/v1/users/USER001"},
                {"ref": "credential", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}
            ],
            "id": "USER001",
            "nickname": "Alice",
            "firstName": "Al",
            "lastName": "Ice",
            "csi": "AI000001",
            "category": "marketing, employees",
            "version": "android - 3.1k",
            "lastCheck": "2021-12-01T00:00:00+0100",
            "createdAt": "2017-01-01T00:00:00+0100"
        })
    }

    #[test]
    fn spec_example_round_trips() {
        let user: User = serde_json::from_value(sample()).unwrap();
        assert_eq!(user.id.as_ref().map(ThreemaId::as_str), Some("USER001"));
        assert_eq!(user.credential_id().unwrap().as_str(), "LAow0Rksa");
        assert_eq!(user.categories(), ["marketing", "employees"]);
        assert!(
            user.last_check
                .as_ref()
                .and_then(DateTime::parsed)
                .is_some()
        );
        assert_eq!(serde_json::to_value(&user).unwrap(), sample());
    }

    #[test]
    fn api_1_7_2_fields_and_missing_fields() {
        let user: User = serde_json::from_value(json!({
            "id": "ECHOECHO", "jobTitle": "CTO", "department": "IT", "lastCheck": "yesterday"
        }))
        .unwrap();
        assert_eq!(user.job_title.as_deref(), Some("CTO"));
        assert_eq!(user.department.as_deref(), Some("IT"));
        assert_eq!(user.last_check.as_ref().and_then(DateTime::parsed), None);
        assert_eq!(user.credential_id(), None);
        assert!(user.categories().is_empty());
        assert_eq!(
            serde_json::from_value::<User>(json!({})).unwrap(),
            User::new()
        );
    }

    #[test]
    fn credential_link_found_by_url_shape_when_unnamed() {
        // A server that names the relation differently (S6 reads `_links[1]` positionally).
        let user: User = serde_json::from_value(json!({"_links": [
            {"ref": "detail", "link": "https://work.threema.ch/api/v1/users/ECHOECHO"},
            {"ref": "cred", "link": "https://work.threema.ch/api/v1/credentials/Kpsow3lSdf"}
        ]}))
        .unwrap();
        assert_eq!(user.credential_id().unwrap().as_str(), "Kpsow3lSdf");
    }
}
