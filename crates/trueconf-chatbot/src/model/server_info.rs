//! [`ServerInfo`]: `GET /api/v4/server`, the server's product name and version.

use serde::{Deserialize, Serialize};

/// The `product` object of `GET /api/v4/server`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Product {
    /// The server version (`"5.5.6"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The server's display name (`"video.example.com"`); bare user ids are qualified with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

impl Product {
    /// A product with a version and a display name.
    pub fn new(version: impl Into<String>, display_name: impl Into<String>) -> Self {
        Self {
            version: Some(version.into()),
            display_name: Some(display_name.into()),
        }
    }
}

/// The answer of `GET /api/v4/server`: `{"product": {"version": "5.5.6", "display_name": …}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServerInfo {
    /// The product, if the server sent it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<Product>,
}

impl ServerInfo {
    /// Server information for `product`.
    pub fn new(product: Product) -> Self {
        Self {
            product: Some(product),
        }
    }

    /// The version, if known.
    pub fn version(&self) -> Option<&str> {
        self.product.as_ref().and_then(|p| p.version.as_deref())
    }

    /// The display name, if known.
    pub fn display_name(&self) -> Option<&str> {
        self.product
            .as_ref()
            .and_then(|p| p.display_name.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sample_and_missing_parts() {
        let info: ServerInfo = serde_json::from_value(json!({
            "product": {"version": "5.5.6", "display_name": "video.example.com", "name": "x"}
        }))
        .unwrap();
        assert_eq!(info.version(), Some("5.5.6"));
        assert_eq!(info.display_name(), Some("video.example.com"));
        assert_eq!(
            serde_json::to_value(&info).unwrap(),
            json!({"product": {"version": "5.5.6", "display_name": "video.example.com"}})
        );
        let empty: ServerInfo = serde_json::from_value(json!({})).unwrap();
        assert_eq!(empty.version(), None);
    }
}
