//! [`Link`] and [`Links`]: the `_links` arrays found on every object.

use serde::{Deserialize, Serialize};

/// One entry of a `_links` array: a relation name and an absolute URL.
///
/// The schema spells the relation `ref`; some spec examples and the live server (as seen by a
/// production client) spell it `rel`. Both are read; when both are present `ref` wins. It is
/// written back as `ref`. Unknown keys are ignored.
///
/// ```
/// use threema_work::model::Link;
///
/// let link: Link = serde_json::from_str(
///     r#"{"rel":"credential","link":"https://work.threema.ch/api/v1/credentials/LAow0Rksa"}"#,
/// )?;
/// assert_eq!(link.rel.as_deref(), Some("credential"));
/// assert_eq!(link.last_segment().as_deref(), Some("LAow0Rksa"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "LinkWire")]
#[non_exhaustive]
pub struct Link {
    /// The relation (`detail`, `subscription`, `credential`, `next`, …), from `ref` or `rel`.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// The absolute URL of the related resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

#[derive(Deserialize)]
struct LinkWire {
    #[serde(rename = "ref")]
    ref_: Option<String>,
    rel: Option<String>,
    link: Option<String>,
}

impl From<LinkWire> for Link {
    fn from(wire: LinkWire) -> Self {
        Self {
            rel: wire.ref_.or(wire.rel),
            link: wire.link,
        }
    }
}

impl Link {
    /// A link with relation `rel` to `link`.
    pub fn new(rel: impl Into<String>, link: impl Into<String>) -> Self {
        Self {
            rel: Some(rel.into()),
            link: Some(link.into()),
        }
    }

    /// True if the relation is `rel` (ASCII case-insensitive).
    pub fn is(&self, rel: &str) -> bool {
        self.rel
            .as_deref()
            .is_some_and(|r| r.eq_ignore_ascii_case(rel))
    }

    /// The URL's path segments, percent-decoded (empty when the URL is missing or unparsable).
    pub fn path_segments(&self) -> Vec<String> {
        let Some(url) = self.link.as_deref().and_then(|l| url::Url::parse(l).ok()) else {
            return Vec::new();
        };
        url.path_segments()
            .map(|segments| {
                segments
                    .filter(|s| !s.is_empty())
                    .map(|s| {
                        percent_encoding::percent_decode_str(s)
                            .decode_utf8_lossy()
                            .into_owned()
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The last non-empty path segment of the URL, percent-decoded: the id of the resource the
    /// link points to (`…/credentials/LAow0Rksa` gives `LAow0Rksa`).
    pub fn last_segment(&self) -> Option<String> {
        self.path_segments().pop()
    }

    /// The value of query parameter `name` in the URL, if any (`page` of a `next` link).
    pub fn query_param(&self, name: &str) -> Option<String> {
        let url = url::Url::parse(self.link.as_deref()?).ok()?;
        url.query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    }
}

/// A `_links` array, with helpers to find a link by relation.
///
/// Dereferences to `[Link]`; a missing `_links` key decodes as an empty list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Links(pub Vec<Link>);

impl Links {
    /// The first link whose relation is `rel` (`ref` or `rel` on the wire, case-insensitive).
    pub fn get(&self, rel: &str) -> Option<&Link> {
        self.0.iter().find(|link| link.is(rel))
    }

    /// The URL of the first link with relation `rel`.
    pub fn href(&self, rel: &str) -> Option<&str> {
        self.get(rel).and_then(|link| link.link.as_deref())
    }

    /// The id behind the first link with relation `rel`: its URL's last path segment.
    pub fn id_of(&self, rel: &str) -> Option<String> {
        self.get(rel).and_then(Link::last_segment)
    }

    /// True if there are no links.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Deref for Links {
    type Target = [Link];
    fn deref(&self) -> &[Link] {
        &self.0
    }
}

impl From<Vec<Link>> for Links {
    fn from(links: Vec<Link>) -> Self {
        Self(links)
    }
}

impl FromIterator<Link> for Links {
    fn from_iter<I: IntoIterator<Item = Link>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn spec_example_with_ref() {
        let link: Link = serde_json::from_value(json!({
            "ref": "detail",
            "link": "https://work.threema.ch/api/v1/link-to-resource"
        }))
        .unwrap();
        assert_eq!(
            link,
            Link::new("detail", "https://work.threema.ch/api/v1/link-to-resource")
        );
        assert_eq!(
            serde_json::to_value(&link).unwrap(),
            json!({"ref": "detail", "link": "https://work.threema.ch/api/v1/link-to-resource"})
        );
    }

    #[test]
    fn drift_rel_instead_of_ref_and_both_and_unknown_keys() {
        let rel: Link = serde_json::from_value(json!({"rel": "credential", "link": "x"})).unwrap();
        assert_eq!(rel.rel.as_deref(), Some("credential"));
        let both: Link =
            serde_json::from_value(json!({"ref": "a", "rel": "b", "link": "x", "title": "t"}))
                .unwrap();
        assert_eq!(both.rel.as_deref(), Some("a"));
        let bare: Link = serde_json::from_value(json!({})).unwrap();
        assert_eq!(bare, Link::default());
        assert_eq!(serde_json::to_value(&bare).unwrap(), json!({}));
    }

    #[test]
    fn segments_and_query() {
        let link = Link::new(
            "next",
            "https://work.threema.ch/api/v1/contacts/%2ATHREEMA/?page=3&pageSize=20",
        );
        assert_eq!(link.path_segments(), ["api", "v1", "contacts", "*THREEMA"]);
        assert_eq!(link.last_segment().as_deref(), Some("*THREEMA"));
        assert_eq!(link.query_param("page").as_deref(), Some("3"));
        assert_eq!(link.query_param("nope"), None);
        assert_eq!(Link::new("x", "not a url").last_segment(), None);
    }

    #[test]
    fn links_lookup_is_case_insensitive_and_ignores_spelling() {
        let links: Links = serde_json::from_value(json!([
            {"ref": "detail", "link": "https://work.threema.ch/api/v1/users/ECHOECHO"},
            {"rel": "Credential", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}
        ]))
        .unwrap();
        assert_eq!(links.len(), 2);
        assert_eq!(links.id_of("credential").as_deref(), Some("LAow0Rksa"));
        assert_eq!(
            links.href("detail"),
            Some("https://work.threema.ch/api/v1/users/ECHOECHO")
        );
        assert!(links.get("subscription").is_none());
    }
}
