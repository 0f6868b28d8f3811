//! `POST /mdm-bulk` — Individual App Configuration: Bulk Update.

use crate::api::WorkRequest;
use crate::model::{CredentialId, MdmProperty, MdmValue};
use crate::validate::{self, ValidationError};
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `POST /mdm-bulk` — creates or changes many individual settings at once.
///
/// Body `{"credentials": [{"id": …, "parameters": [{"name": "th_…", "value": …}]}]}`, **at most
/// 1000 credentials**. Answers 204; 400 for an invalid request, 422 (no body) when the server
/// cannot process it. Retried like an idempotent call (it sets values).
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct BulkUpdateCredentialMdm {
    /// The credentials and their settings (at most 1000).
    pub credentials: Vec<CredentialSettings>,
}

/// The settings to apply to one credential in [`BulkUpdateCredentialMdm`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CredentialSettings {
    /// The credential's id.
    pub id: CredentialId,
    /// The settings.
    pub parameters: Vec<MdmSetting>,
}

/// One setting, `{"name": "th_…", "value": …}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct MdmSetting {
    /// The setting's name.
    pub name: MdmProperty,
    /// Its value: string, integer or boolean.
    pub value: MdmValue,
}

impl MdmSetting {
    /// `name` = `value`.
    pub fn new(name: MdmProperty, value: impl Into<MdmValue>) -> Self {
        Self {
            name,
            value: value.into(),
        }
    }
}

impl CredentialSettings {
    /// Settings for credential `id`.
    pub fn new(id: CredentialId, parameters: Vec<MdmSetting>) -> Self {
        Self { id, parameters }
    }

    /// Adds a setting.
    #[must_use]
    pub fn with(mut self, name: MdmProperty, value: impl Into<MdmValue>) -> Self {
        self.parameters.push(MdmSetting::new(name, value));
        self
    }
}

impl BulkUpdateCredentialMdm {
    /// Applies `credentials`.
    pub fn new(credentials: Vec<CredentialSettings>) -> Self {
        Self { credentials }
    }
}

#[derive(Serialize)]
struct Wire<'a> {
    credentials: &'a [CredentialSettings],
}

impl Endpoint for BulkUpdateCredentialMdm {
    type Response = ();
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/mdm-bulk".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&Wire {
            credentials: &self.credentials,
        })
    }

    fn idempotent(&self) -> bool {
        true
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<()> {
        response.empty()
    }
}

impl WorkRequest for BulkUpdateCredentialMdm {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::at_most(
            "credentials",
            self.credentials.len(),
            validate::MAX_BULK_CREDENTIALS,
        )?;
        for (i, credential) in self.credentials.iter().enumerate() {
            let at = format!("credentials[{i}]");
            validate::non_empty("id", credential.id.as_str()).map_err(|e| e.within(&at))?;
            for (j, setting) in credential.parameters.iter().enumerate() {
                let at = format!("{at}.parameters[{j}]");
                validate::mdm_property("name", setting.name.as_str())
                    .and_then(|()| validate::mdm_value("value", &setting.value))
                    .map_err(|e| e.within(&at))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::testing;
    use serde_json::json;

    fn id(s: &str) -> CredentialId {
        CredentialId::new(s).unwrap()
    }

    fn name(s: &str) -> MdmProperty {
        MdmProperty::new(s).unwrap()
    }

    #[test]
    fn request_shape_matches_the_schema_example() {
        let request = BulkUpdateCredentialMdm::new(vec![
            CredentialSettings::new(id("LAow0Rksa"), vec![])
                .with(name("th_nickname"), "Bob")
                .with(name("th_disable_screenshots"), false),
        ]);
        assert_eq!(BulkUpdateCredentialMdm::METHOD, Method::POST);
        assert_eq!(request.path(), "/mdm-bulk");
        assert_eq!(
            testing::body_json(&request),
            json!({"credentials": [{"id": "LAow0Rksa", "parameters": [
                {"name": "th_nickname", "value": "Bob"},
                {"name": "th_disable_screenshots", "value": false}
            ]}]})
        );
        request.parse(testing::response(204, &[], b"")).unwrap();
        assert_eq!(
            request
                .parse(testing::response(422, &[], b""))
                .unwrap_err()
                .status(),
            Some(422)
        );
    }

    #[test]
    fn at_most_1000_credentials_and_paths_in_errors() {
        let one = CredentialSettings::new(id("c"), vec![MdmSetting::new(name("th_x"), 1)]);
        assert!(
            BulkUpdateCredentialMdm::new(vec![one.clone(); 1000])
                .validate()
                .is_ok()
        );
        let err = BulkUpdateCredentialMdm::new(vec![one.clone(); 1001])
            .validate()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid credentials: at most 1000 items are allowed, got 1001"
        );
        let bad_name: MdmProperty = serde_json::from_str(r#""nickname""#).unwrap();
        let bad = one.clone().with(bad_name, "x");
        let err = BulkUpdateCredentialMdm::new(vec![one.clone(), bad])
            .validate()
            .unwrap_err();
        assert_eq!(err.field, "credentials[1].parameters[1].name");
        let other = one.with(name("th_y"), MdmValue::Other(json!(null)));
        let err = BulkUpdateCredentialMdm::new(vec![other])
            .validate()
            .unwrap_err();
        assert_eq!(err.field, "credentials[0].parameters[1].value");
    }
}
