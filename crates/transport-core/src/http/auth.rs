//! [`Auth`]: how a request proves who sends it.

use crate::error::{Error, Result};
use crate::secret::Secret;
use base64::Engine as _;
use http::HeaderMap;
use http::header::{AUTHORIZATION, HeaderName, HeaderValue};

/// Credentials added to every request of a client (or of one endpoint, see
/// [`EndpointAuth::Override`](super::EndpointAuth::Override)).
///
/// Secret parts are [`Secret`]s: `Debug` shows the scheme and the non-secret parts only, and
/// header values are marked sensitive so HTTP internals do not log them either.
///
/// ```
/// use transport_core::http::Auth;
///
/// let auth = Auth::basic("user.1", "p4ssw0rd");
/// assert!(!format!("{auth:?}").contains("p4ssw0rd"));
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub enum Auth {
    /// No credentials.
    #[default]
    None,
    /// An API key in a header of its own (`X-Api-Key: …`).
    Header {
        /// The header name.
        name: HeaderName,
        /// The key.
        value: Secret,
    },
    /// HTTP Basic (`Authorization: Basic base64(username:password)`).
    Basic {
        /// The user name.
        username: String,
        /// The password.
        password: Secret,
    },
    /// A bearer token (`Authorization: Bearer …`).
    Bearer(Secret),
}

impl Auth {
    /// An API key sent in header `name`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when `name` is not a valid header name.
    pub fn api_key(name: &str, key: impl Into<Secret>) -> Result<Self> {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|e| Error::invalid_input("API key header name", e.to_string()))?;
        Ok(Self::Header {
            name,
            value: key.into(),
        })
    }

    /// HTTP Basic credentials.
    pub fn basic(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self::Basic {
            username: username.into(),
            password: password.into(),
        }
    }

    /// A bearer token.
    pub fn bearer(token: impl Into<Secret>) -> Self {
        Self::Bearer(token.into())
    }

    /// Adds the credentials' header to `headers`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when a secret contains characters a header cannot carry (the
    /// message never includes the secret).
    pub fn apply(&self, headers: &mut HeaderMap) -> Result<()> {
        match self {
            Self::None => {}
            Self::Header { name, value } => {
                headers.insert(name.clone(), sensitive(value.expose(), "API key")?);
            }
            Self::Basic { username, password } => {
                let raw = format!("{username}:{}", password.expose());
                let encoded = base64::engine::general_purpose::STANDARD.encode(raw.as_bytes());
                headers.insert(
                    AUTHORIZATION,
                    sensitive(&format!("Basic {encoded}"), "Basic credentials")?,
                );
            }
            Self::Bearer(token) => {
                headers.insert(
                    AUTHORIZATION,
                    sensitive(&format!("Bearer {}", token.expose()), "bearer token")?,
                );
            }
        }
        Ok(())
    }
}

fn sensitive(value: &str, what: &str) -> Result<HeaderValue> {
    let mut header = HeaderValue::from_str(value).map_err(|_| {
        Error::invalid_input(what, "contains characters not allowed in an HTTP header")
    })?;
    header.set_sensitive(true);
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_for_each_scheme() {
        let mut h = HeaderMap::new();
        Auth::api_key("X-Api-Key", "k3y")
            .unwrap()
            .apply(&mut h)
            .unwrap();
        assert_eq!(h["x-api-key"], "k3y");
        assert!(h["x-api-key"].is_sensitive());

        let mut h = HeaderMap::new();
        Auth::basic("Aladdin", "open sesame").apply(&mut h).unwrap();
        assert_eq!(h[AUTHORIZATION], "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");

        let mut h = HeaderMap::new();
        Auth::bearer("tok").apply(&mut h).unwrap();
        assert_eq!(h[AUTHORIZATION], "Bearer tok");

        let mut h = HeaderMap::new();
        Auth::None.apply(&mut h).unwrap();
        assert!(h.is_empty());
    }

    #[test]
    fn debug_and_errors_hide_secrets() {
        for auth in [
            Auth::api_key("X-Api-Key", "SECRET-1").unwrap(),
            Auth::basic("user", "SECRET-1"),
            Auth::bearer("SECRET-1"),
        ] {
            assert!(!format!("{auth:?}").contains("SECRET-1"));
        }
        let err = Auth::bearer("bad\nSECRET-2")
            .apply(&mut HeaderMap::new())
            .unwrap_err();
        assert!(!err.to_string().contains("SECRET-2"));
        assert!(Auth::api_key("bad header", "x").is_err());
    }
}
