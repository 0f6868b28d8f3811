//! [`Subscription`] and [`SubscriptionType`].

use super::{DateTime, Links};
use serde::{Deserialize, Serialize};

transport_core::open_string_enum! {
    @ignore_ascii_case
    /// The kind of subscription. Decoding ignores case (`Professional` is read as
    /// [`Professional`](Self::Professional)); unknown kinds are kept as [`Other`](Self::Other).
    ///
    /// ```
    /// use threema_work::model::SubscriptionType;
    /// assert_eq!(SubscriptionType::from("Professional"), SubscriptionType::Professional);
    /// assert_eq!(SubscriptionType::from("edu7").as_str(), "edu7");
    /// ```
    pub enum SubscriptionType {
        /// `basic`
        Basic = "basic",
        /// `business`
        Business = "business",
        /// `enterprise`
        Enterprise = "enterprise",
        /// `essential`
        Essential = "essential",
        /// `advanced`
        Advanced = "advanced",
        /// `professional`
        Professional = "professional",
        /// `edu5`
        Edu5 = "edu5",
    }
}

/// The subscription (`GET /`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Subscription {
    /// Links (`detail`, `credentials`, `users`, `contacts`, …).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// The subscription's id (10 characters; sent since API 1.4.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its short descriptive name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<DateTime>,
    /// The kind of subscription.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<SubscriptionType>,
    /// The number of purchased licences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_amount: Option<u64>,
}

impl Subscription {
    /// An empty subscription object (every field is optional on the wire).
    pub fn new() -> Self {
        Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> serde_json::Value {
        json!({
            "_links": [
                {"ref": "detail", "link": "https://work.threema.ch/api/v1"},
                {"ref": "credentials", "link": "https://work.threema.ch/api/v1/credentials"},
                {"ref": "users", "link": "https://work.threema.ch/api/v1/users"},
                {"ref": "contacts", "link": "https://work.threema.ch/api/v1/contacts"}
            ],
            "id": "XYZ0123456",
            "name": "My Threema Work subscription",
            "validUntil": "2017-01-01T00:00:00+0100",
            "type": "professional",
            "licenseAmount": 400
        })
    }

    #[test]
    fn spec_example_round_trips() {
        let sub: Subscription = serde_json::from_value(sample()).unwrap();
        assert_eq!(sub.id.as_deref(), Some("XYZ0123456"));
        assert_eq!(sub.kind, Some(SubscriptionType::Professional));
        assert_eq!(sub.license_amount, Some(400));
        assert_eq!(
            sub.valid_until
                .as_ref()
                .and_then(DateTime::parsed)
                .map(|t| t.timestamp()),
            Some(1_483_225_200)
        );
        assert_eq!(
            sub.links.href("users"),
            Some("https://work.threema.ch/api/v1/users")
        );
        assert_eq!(serde_json::to_value(&sub).unwrap(), sample());
    }

    #[test]
    fn drift_type_case_unknown_type_and_missing_fields() {
        let sub: Subscription =
            serde_json::from_value(json!({"type": "Professional", "future": 1})).unwrap();
        assert_eq!(sub.kind, Some(SubscriptionType::Professional));
        assert_eq!(
            serde_json::to_value(&sub).unwrap(),
            json!({"type": "professional"})
        );
        let sub: Subscription = serde_json::from_value(json!({"type": "EDU5"})).unwrap();
        assert_eq!(sub.kind, Some(SubscriptionType::Edu5));
        let sub: Subscription = serde_json::from_value(json!({"type": "platinum"})).unwrap();
        assert_eq!(sub.kind, Some(SubscriptionType::Other("platinum".into())));
        assert_eq!(
            sub.kind.as_ref().map(SubscriptionType::as_str),
            Some("platinum")
        );
        let empty: Subscription = serde_json::from_value(json!({})).unwrap();
        assert_eq!(empty, Subscription::new());
    }
}
