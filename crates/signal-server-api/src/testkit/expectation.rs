//! [`Expectation`]: one mocked operation.

use crate::api::Operation;
use serde::Serialize;
use std::marker::PhantomData;
use transport_core::http::Body;
use wiremock::matchers::{body_bytes, body_json, header, method, path, path_regex, query_param};
use wiremock::{Mock, MockBuilder, MockServer, ResponseTemplate};

/// An expectation for operation `E`, mounted with [`mount`](Self::mount).
///
/// By default it matches `E`'s method and path template (`{name}` matches one segment) and
/// answers `200` with an empty body.
#[must_use]
pub struct Expectation<'a, E> {
    server: &'a MockServer,
    exact: Option<Exact>,
    headers: Vec<(String, String)>,
    response: ResponseTemplate,
    times: Option<u64>,
    _operation: PhantomData<fn() -> E>,
}

/// The exact request an endpoint value sends.
struct Exact {
    path: String,
    query: Vec<(String, String)>,
    json: Option<serde_json::Value>,
    bytes: Option<Vec<u8>>,
}

impl<E> std::fmt::Debug for Expectation<'_, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Expectation")
            .field("headers", &self.headers)
            .field("times", &self.times)
            .finish_non_exhaustive()
    }
}

/// `^…$` regex for a path template: literal parts escaped, `{name}` → one segment.
fn template_regex(template: &str) -> String {
    let mut out = String::from("^");
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        push_escaped(&mut out, &rest[..start]);
        out.push_str("[^/]+");
        rest = rest[start..]
            .find('}')
            .map_or("", |end| &rest[start + end + 1..]);
    }
    push_escaped(&mut out, rest);
    out.push('$');
    out
}

fn push_escaped(out: &mut String, literal: &str) {
    for c in literal.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
}

impl<'a, E: Operation> Expectation<'a, E> {
    pub(super) fn new(server: &'a MockServer) -> Self {
        Self {
            server,
            exact: None,
            headers: Vec::new(),
            response: ResponseTemplate::new(200),
            times: None,
            _operation: PhantomData,
        }
    }

    /// Matches only the exact request `endpoint` sends: its path, query parameters and body
    /// (JSON compared as values, other bodies byte for byte).
    ///
    /// # Panics
    ///
    /// When `endpoint` cannot build its body (invalid input): a test setup error.
    pub fn for_request(mut self, endpoint: &E) -> Self {
        #[allow(clippy::panic)]
        let body = match endpoint.body() {
            Ok(body) => body,
            Err(e) => panic!("the expected request is invalid: {e}"),
        };
        let (json, bytes) = match body {
            Body::Json(b) => (serde_json::from_slice(&b).ok(), None),
            Body::Bytes { data, .. } | Body::Form(data) => (None, Some(data.to_vec())),
            _ => (None, None),
        };
        self.exact = Some(Exact {
            path: endpoint.path().into_owned(),
            query: endpoint
                .query()
                .into_iter()
                .map(|(k, v)| (k.into_owned(), v))
                .collect(),
            json,
            bytes,
        });
        self
    }

    /// Also requires header `name: value`.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Answers `200` with `response` as JSON (a value that serializes to `null`, such as
    /// `()` or `None`, answers with an empty body).
    pub fn respond(self, response: &E::Response) -> Self
    where
        E::Response: Serialize,
    {
        self.respond_json(200, response)
    }

    /// Answers `status` with `body` as JSON (`null` → empty body).
    pub fn respond_json(mut self, status: u16, body: &impl Serialize) -> Self {
        let value = serde_json::to_value(body).unwrap_or(serde_json::Value::Null);
        self.response = if value.is_null() {
            ResponseTemplate::new(status)
        } else {
            ResponseTemplate::new(status).set_body_json(value)
        };
        self
    }

    /// Answers `status` with an empty body.
    pub fn respond_status(mut self, status: u16) -> Self {
        self.response = ResponseTemplate::new(status);
        self
    }

    /// Answers `429 Too Many Requests` with `Retry-After: <seconds>`.
    pub fn rate_limited(self, retry_after_seconds: u64) -> Self {
        self.rate_limited_with(429, retry_after_seconds)
    }

    /// Answers `status` (429, or 413 as older servers did) with `Retry-After: <seconds>`.
    pub fn rate_limited_with(mut self, status: u16, retry_after_seconds: u64) -> Self {
        self.response = ResponseTemplate::new(status)
            .insert_header("Retry-After", retry_after_seconds.to_string().as_str());
        self
    }

    /// Answers with a hand-made wiremock response.
    pub fn respond_with(mut self, response: ResponseTemplate) -> Self {
        self.response = response;
        self
    }

    /// Requires exactly `n` matching requests (checked when the server is dropped) and stops
    /// matching after `n`, so a later expectation can answer the next ones.
    pub fn times(mut self, n: u64) -> Self {
        self.times = Some(n);
        self
    }

    fn builder(&self) -> MockBuilder {
        let info = &E::INFO;
        let mut mock = Mock::given(method(info.method.as_str()));
        mock = match &self.exact {
            Some(exact) => {
                let mut m = mock.and(path(exact.path.as_str()));
                for (k, v) in &exact.query {
                    m = m.and(query_param(k.as_str(), v.as_str()));
                }
                if let Some(json) = &exact.json {
                    m = m.and(body_json(json));
                }
                if let Some(bytes) = &exact.bytes {
                    m = m.and(body_bytes(bytes.clone()));
                }
                m
            }
            None => mock.and(path_regex(template_regex(info.path_template))),
        };
        for (name, value) in &self.headers {
            mock = mock.and(header(name.as_str(), value.as_str()));
        }
        mock
    }

    /// Mounts the expectation.
    pub async fn mount(self) {
        let mut mock = self
            .builder()
            .respond_with(self.response.clone())
            .named(E::INFO.operation_id);
        if let Some(n) = self.times {
            mock = mock.up_to_n_times(n).expect(n);
        }
        mock.mount(self.server).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_become_anchored_regexes() {
        assert_eq!(
            template_regex("/v1/profile/{identifier}/{version}"),
            "^/v1/profile/[^/]+/[^/]+$"
        );
        assert_eq!(
            template_regex("/v1/call-link/create-auth"),
            "^/v1/call-link/create-auth$"
        );
        assert_eq!(
            template_regex("/v2/keys/{identifier}/{device_id}"),
            "^/v2/keys/[^/]+/[^/]+$"
        );
        assert_eq!(template_regex("/a.b"), "^/a\\.b$");
    }
}
