//! The [`Endpoint`] trait every REST operation implements, and the request [`Body`].

use super::{Auth, RawResponse};
use crate::error::{Error, Result};
use bytes::Bytes;
use http::{HeaderMap, Method};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// One REST operation: how to build its request and how to read its response.
///
/// An endpoint is an owned value describing one call (`GetUser { id }`). The client asks it for
/// the method, path, query, headers and body **on every attempt**, so a retried request is
/// rebuilt from the endpoint rather than cloned after it was sent (streaming and multipart
/// bodies cannot be cloned). No macros: implement the few methods by hand.
///
/// ```
/// use std::borrow::Cow;
/// use transport_core::http::{self, Endpoint, Method, RawResponse};
///
/// #[derive(serde::Deserialize)]
/// struct User { id: String }
///
/// /// `GET /users/{id}`
/// struct GetUser { id: String }
///
/// impl Endpoint for GetUser {
///     type Response = User;
///     const METHOD: Method = Method::GET;
///     fn path(&self) -> Cow<'_, str> {
///         format!("/users/{}", http::segment(&self.id)).into()
///     }
///     fn parse(&self, response: RawResponse) -> transport_core::Result<User> {
///         response.json()
///     }
/// }
///
/// assert_eq!(GetUser { id: "a/b c".into() }.path(), "/users/a%2Fb%20c");
/// ```
pub trait Endpoint: Send + Sync {
    /// What a successful call returns.
    type Response;

    /// The HTTP method.
    const METHOD: Method;

    /// The path relative to the client's base URL, starting with `/`. Build path segments from
    /// values with [`segment`] so they are percent-encoded.
    fn path(&self) -> Cow<'_, str>;

    /// Query pairs (unencoded; the client encodes them). Empty by default.
    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        Vec::new()
    }

    /// Extra request headers. Mark secret values with
    /// [`HeaderValue::set_sensitive`](http::HeaderValue::set_sensitive). Empty by default.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when a value cannot be a header.
    fn headers(&self) -> Result<HeaderMap> {
        Ok(HeaderMap::new())
    }

    /// The request body, rebuilt for every attempt. No body by default.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when the body cannot be encoded.
    fn body(&self) -> Result<Body> {
        Ok(Body::Empty)
    }

    /// Which credentials this call uses: the client's (default), none, or its own.
    fn auth(&self) -> EndpointAuth {
        EndpointAuth::Client
    }

    /// Whether the call may be repeated without changing the result beyond the first call.
    /// Only idempotent calls are retried after a response or a timeout (a connection that was
    /// never established is always retried). Defaults to the method's semantics: `GET`, `HEAD`,
    /// `PUT`, `DELETE`, `OPTIONS` and `TRACE` are idempotent. Override to opt a `POST` in.
    fn idempotent(&self) -> bool {
        matches!(
            Self::METHOD,
            Method::GET
                | Method::HEAD
                | Method::PUT
                | Method::DELETE
                | Method::OPTIONS
                | Method::TRACE
        )
    }

    /// Turns the raw response (any status) into the typed response or an error. Use the
    /// ready-made parsers on [`RawResponse`]: [`json`](RawResponse::json),
    /// [`empty`](RawResponse::empty), [`bytes`](RawResponse::bytes),
    /// [`created_location`](RawResponse::created_location).
    ///
    /// # Errors
    ///
    /// [`Error::Status`] for statuses the endpoint does not accept, [`Error::Decode`] when the
    /// body does not fit.
    fn parse(&self, response: RawResponse) -> Result<Self::Response>;
}

/// Which credentials an endpoint uses.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub enum EndpointAuth {
    /// The client's configured [`Auth`].
    #[default]
    Client,
    /// No credentials, even if the client has some (endpoints that must not be authenticated).
    None,
    /// These credentials instead of the client's.
    Override(Auth),
}

/// A request body.
#[derive(Clone, Default)]
#[non_exhaustive]
pub enum Body {
    /// No body.
    #[default]
    Empty,
    /// JSON bytes, sent with `Content-Type: application/json`.
    Json(Bytes),
    /// `application/x-www-form-urlencoded` bytes.
    Form(Bytes),
    /// Raw bytes with their content type.
    Bytes {
        /// The `Content-Type`.
        content_type: String,
        /// The bytes.
        data: Bytes,
    },
    /// A `multipart/form-data` body.
    Multipart(Multipart),
}

impl Body {
    /// A JSON body from any serializable value.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when `value` cannot be serialized.
    pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<Self> {
        crate::json::to_vec("request body", value).map(|v| Self::Json(v.into()))
    }

    /// A form body from pairs.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when the pairs cannot be encoded.
    pub fn form<T: serde::Serialize + ?Sized>(pairs: &T) -> Result<Self> {
        serde_urlencoded_like(pairs).map(|v| Self::Form(v.into()))
    }

    /// Raw bytes with a content type.
    pub fn bytes(content_type: impl Into<String>, data: impl Into<Bytes>) -> Self {
        Self::Bytes {
            content_type: content_type.into(),
            data: data.into(),
        }
    }

    /// The body's length in bytes, where known without building it.
    pub fn len(&self) -> Option<u64> {
        match self {
            Self::Empty => Some(0),
            Self::Json(b) | Self::Form(b) | Self::Bytes { data: b, .. } => Some(b.len() as u64),
            Self::Multipart(_) => None,
        }
    }

    /// True for [`Body::Empty`] and zero-length bodies.
    pub fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }
}

impl fmt::Debug for Body {
    // Bodies may carry secrets (passwords in token requests): show only their shape.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Empty"),
            Self::Json(b) => write!(f, "Json({} bytes)", b.len()),
            Self::Form(b) => write!(f, "Form({} bytes)", b.len()),
            Self::Bytes { content_type, data } => {
                write!(f, "Bytes({content_type}, {} bytes)", data.len())
            }
            Self::Multipart(m) => write!(f, "Multipart({} parts)", m.parts.len()),
        }
    }
}

fn serde_urlencoded_like<T: serde::Serialize + ?Sized>(pairs: &T) -> Result<String> {
    // Serialize through JSON into flat string pairs, then percent-encode them.
    let value = serde_json::to_value(pairs)
        .map_err(|e| Error::invalid_input("form body", e.to_string()))?;
    let object = value
        .as_object()
        .ok_or_else(|| Error::invalid_input("form body", "must serialize to a flat object"))?;
    let mut out = String::new();
    for (key, value) in object {
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => continue,
            serde_json::Value::Bool(_) | serde_json::Value::Number(_) => value.to_string(),
            _ => {
                return Err(Error::invalid_input(
                    "form body",
                    format!("field `{key}` is not a scalar"),
                ));
            }
        };
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(&form_encode(key));
        out.push('=');
        out.push_str(&form_encode(&text));
    }
    Ok(out)
}

fn form_encode(text: &str) -> String {
    utf8_percent_encode(text, FORM)
        .to_string()
        .replace("%20", "+")
}

/// Characters percent-encoded in a form value: everything but unreserved characters.
const FORM: &AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Characters percent-encoded in one path segment (RFC 3986 `pchar` minus `/`, plus `%`).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// Percent-encodes one path segment: `/`, `?`, `#`, `%`, spaces and other unsafe characters
/// are escaped, so a value can never change the path's structure.
///
/// ```
/// assert_eq!(transport_core::http::segment("PNI:abc/../x y"), "PNI:abc%2F..%2Fx%20y");
/// ```
pub fn segment(value: &str) -> Cow<'_, str> {
    utf8_percent_encode(value, SEGMENT).into()
}

/// Progress of a transfer: bytes done so far and the total, when known.
pub type ProgressFn = Arc<dyn Fn(u64, Option<u64>) + Send + Sync>;

/// A `multipart/form-data` body, rebuilt for every attempt.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct Multipart {
    /// The parts, in order.
    pub parts: Vec<Part>,
    /// Called as the file parts' bytes are sent: (bytes sent, total bytes of all parts).
    pub progress: Option<ProgressFn>,
}

impl Multipart {
    /// An empty multipart body.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a part.
    #[must_use]
    pub fn part(mut self, part: Part) -> Self {
        self.parts.push(part);
        self
    }

    /// Reports upload progress to `progress` (bytes sent, total).
    #[must_use]
    pub fn on_progress(
        mut self,
        progress: impl Fn(u64, Option<u64>) + Send + Sync + 'static,
    ) -> Self {
        self.progress = Some(Arc::new(progress));
        self
    }
}

impl fmt::Debug for Multipart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Multipart")
            .field("parts", &self.parts)
            .finish_non_exhaustive()
    }
}

/// One part of a [`Multipart`] body.
#[derive(Clone)]
#[non_exhaustive]
pub struct Part {
    /// The form field name.
    pub name: String,
    /// The file name, for file parts.
    pub file_name: Option<String>,
    /// The part's content type.
    pub content_type: Option<String>,
    /// The bytes.
    pub data: Bytes,
}

impl Part {
    /// A text field.
    pub fn text(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            file_name: None,
            content_type: None,
            data: Bytes::from(value.into()),
        }
    }

    /// A file.
    pub fn file(
        name: impl Into<String>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        data: impl Into<Bytes>,
    ) -> Self {
        Self {
            name: name.into(),
            file_name: Some(file_name.into()),
            content_type: Some(content_type.into()),
            data: data.into(),
        }
    }
}

impl fmt::Debug for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Part")
            .field("name", &self.name)
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("len", &self.data.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_escapes_structure_characters() {
        assert_eq!(segment("a/b?c#d%e f"), "a%2Fb%3Fc%23d%25e%20f");
        assert_eq!(segment("ECHOECHO"), "ECHOECHO");
        assert_eq!(segment("*ABCDEFG"), "*ABCDEFG");
        assert_eq!(segment("ü"), "%C3%BC");
    }

    #[test]
    fn form_body_encodes_pairs() {
        #[derive(serde::Serialize)]
        struct F<'a> {
            a: &'a str,
            b: u32,
            c: Option<u8>,
        }
        let body = Body::form(&F {
            a: "x y&z",
            b: 3,
            c: None,
        })
        .unwrap();
        match body {
            Body::Form(b) => assert_eq!(&b[..], b"a=x+y%26z&b=3"),
            other => panic!("{other:?}"),
        }
        assert!(Body::form(&[1, 2]).is_err());
    }

    #[test]
    fn body_debug_hides_content() {
        let body = Body::json(&serde_json::json!({"password": "hunter2"})).unwrap();
        let shown = format!("{body:?}");
        assert!(!shown.contains("hunter2"));
        assert_eq!(shown, "Json(22 bytes)");
        assert_eq!(body.len(), Some(22));
    }
}
