//! The 33 operations of the API, one file each, grouped as in the API reference.
//!
//! Each operation is a request type implementing transport-core's
//! [`Endpoint`] (method, path, query, body, response parser)
//! and this crate's [`WorkRequest`] (input checks). Send any of them with
//! [`Client::send`](crate::Client::send), or use the client's convenience methods.
//!
//! | group | operations |
//! |---|---|
//! | [`subscription`] | `GET /`, `PUT /` |
//! | [`credentials`] | `GET/POST /credentials`, `GET/PUT/DELETE /credentials/{id}` |
//! | [`users`] | `GET /users`, `GET/DELETE /users/{threemaId}`, `POST /users/{threemaId}/detach` |
//! | [`contacts`] | `GET/POST /contacts`, `GET/PUT/DELETE /contacts/{threemaId}` |
//! | [`categories`] | `GET /contacts/{threemaId}/categories`, `GET /contact-categories/{threemaId}` |
//! | [`mdm`] (global) | `GET/POST /mdm`, `GET/PUT/DELETE /mdm/{property_id}` |
//! | [`credential_mdm`] (individual) | `GET/POST /credentials/{id}/mdm`, `GET/PUT/DELETE /credentials/{id}/mdm/{property_id}`, `GET/POST /mdm-bulk` |
//! | [`logos`] | `GET/PUT/DELETE /logos/{logoVariant}` |

pub mod categories;
pub mod contacts;
pub mod credential_mdm;
pub mod credentials;
pub mod logos;
pub mod mdm;
pub mod subscription;
pub mod users;

use crate::validate::ValidationError;
use transport_core::http::Endpoint;

/// An operation of this API: an [`Endpoint`] that checks its input before it is sent.
pub trait WorkRequest: Endpoint {
    /// Checks the request the way the API would, so invalid input fails before any I/O.
    /// [`Client::send`](crate::Client::send) calls it first.
    ///
    /// # Errors
    ///
    /// The first rule the request breaks, naming the field.
    fn validate(&self) -> Result<(), ValidationError>;
}

/// The `Location` header of a 2xx response, for the two create operations (both answer
/// `201 Created` with a `Location`).
fn location(response: &transport_core::http::RawResponse) -> Option<String> {
    response.header("location").map(str::to_owned)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the endpoint files' inline tests.

    use bytes::Bytes;
    use transport_core::http::{Body, Endpoint, HeaderMap, RawResponse, StatusCode};

    /// A response with `status`, `headers` and `body`, answering `GET /x`.
    pub(crate) fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> RawResponse {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(
                transport_core::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                value.parse().unwrap(),
            );
        }
        RawResponse::new(
            StatusCode::from_u16(status).unwrap(),
            map,
            Bytes::copy_from_slice(body),
            "GET",
            "/x",
        )
    }

    /// A JSON response with `status`.
    pub(crate) fn json(status: u16, value: &serde_json::Value) -> RawResponse {
        response(status, &[], &serde_json::to_vec(value).unwrap())
    }

    /// The request body as JSON (panics for other bodies).
    pub(crate) fn body_json<E: Endpoint>(endpoint: &E) -> serde_json::Value {
        match endpoint.body().unwrap() {
            Body::Json(bytes) => serde_json::from_slice(&bytes).unwrap(),
            other => panic!("not a JSON body: {other:?}"),
        }
    }

    /// The query pairs as owned strings.
    pub(crate) fn query<E: Endpoint>(endpoint: &E) -> Vec<(String, String)> {
        endpoint
            .query()
            .into_iter()
            .map(|(k, v)| (k.into_owned(), v))
            .collect()
    }
}
