//! [`Paging`]: the `paging` object of every list response.

use super::Links;
use serde::{Deserialize, Serialize};

/// Where a list response sits in the whole result: `{count, total, page, _links}`.
///
/// The spec does not say whether `page` starts at 0 or 1, nor whether `count` is the number of
/// items on this page or the page size; the crate's streams treat `page` as authoritative and
/// use only `total` (see [`pagination`](crate::pagination)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Paging {
    /// Items on this page, or the page size (the spec does not say which).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Items in the whole result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// This page's number, in the server's numbering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Links (by convention `next`/`prev`, none documented).
    #[serde(default, rename = "_links", skip_serializing_if = "Links::is_empty")]
    pub links: Links,
}

impl Paging {
    /// A paging object with these numbers and no links.
    pub fn new(count: u64, total: u64, page: i64) -> Self {
        Self {
            count: Some(count),
            total: Some(total),
            page: Some(page),
            links: Links::default(),
        }
    }

    /// The page number of the `next` link, if the server sent one with a `page` parameter.
    pub fn next_page(&self) -> Option<u32> {
        self.links
            .get("next")
            .and_then(|link| link.query_param("page"))
            .and_then(|page| page.parse().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn spec_example_round_trips() {
        let value = json!({"count": 20, "total": 400, "page": 9});
        let paging: Paging = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(paging, Paging::new(20, 400, 9));
        assert_eq!(serde_json::to_value(&paging).unwrap(), value);
    }

    #[test]
    fn missing_fields_and_next_link() {
        let paging: Paging = serde_json::from_value(json!({
            "_links": [{"rel": "next", "link": "https://work.threema.ch/api/v1/users?page=4&pageSize=5"}],
            "extra": true
        }))
        .unwrap();
        assert_eq!(paging.total, None);
        assert_eq!(paging.page, None);
        assert_eq!(paging.next_page(), Some(4));
        assert_eq!(Paging::default().next_page(), None);
    }
}
