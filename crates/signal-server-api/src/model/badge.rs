//! [`Badge`] and [`BadgeSvg`]: a donation badge as shown on profiles.

use serde::{Deserialize, Serialize};

/// A badge on a profile (and in subscription configuration). Localized texts come in the
/// language of the request's `Accept-Language`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Badge {
    /// The badge id (`BOOST`, `R_LOW`, …).
    #[serde(default)]
    pub id: String,
    /// The category (`donor`, `other`, …).
    #[serde(default)]
    pub category: String,
    /// The localized name.
    #[serde(default)]
    pub name: String,
    /// The localized description.
    #[serde(default)]
    pub description: String,
    /// Six PNG sprite names for the densities ldpi‥xxxhdpi.
    #[serde(default)]
    pub sprites6: Vec<String>,
    /// The SVG name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub svg: Option<String>,
    /// Light and dark SVG variants.
    #[serde(default)]
    pub svgs: Vec<BadgeSvg>,
    /// Deprecated image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Whether the badge is shown on the profile (present on a profile's own badges).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<bool>,
    /// How long a purchased badge lasts, in seconds (one-time donation levels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u64>,
}

/// The spec's `BadgeSvg`: light and dark variants of a badge image.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BadgeSvg {
    /// The light variant.
    #[serde(default)]
    pub light: String,
    /// The dark variant.
    #[serde(default)]
    pub dark: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes() {
        let b: Badge = serde_json::from_str(
            r#"{"id":"BOOST","category":"donor","name":"A Boost","description":"Thanks",
                "sprites6":["a","b","c","d","e","f"],"svg":"boost.svg",
                "svgs":[{"light":"l.svg","dark":"d.svg"}],"visible":true,"newField":1}"#,
        )
        .unwrap();
        assert_eq!(b.sprites6.len(), 6);
        assert_eq!(b.svgs[0].dark, "d.svg");
        assert_eq!(b.visible, Some(true));
    }
}
