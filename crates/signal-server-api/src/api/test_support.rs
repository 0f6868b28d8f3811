//! Helpers for the endpoint tests: build responses, read request bodies and check that an
//! endpoint agrees with its [`OperationInfo`](super::OperationInfo).

use super::Operation;
use crate::auth::{
    AuthMode, GROUP_SEND_CREDENTIAL, UNIDENTIFIED_ACCESS_KEY, ZK_AUTH, ZK_AUTH_SIGNATURE,
};
use bytes::Bytes;
use transport_core::http::{Auth, Body, EndpointAuth, HeaderMap, RawResponse, StatusCode};

/// A raw response with `status` and `body`.
pub(crate) fn response(status: u16, body: &str) -> RawResponse {
    RawResponse::new(
        StatusCode::from_u16(status).unwrap(),
        HeaderMap::new(),
        Bytes::from(body.to_owned()),
        "GET",
        "/test",
    )
}

/// Parses `body` with status `status` through the endpoint.
pub(crate) fn parse<E: Operation>(
    endpoint: &E,
    status: u16,
    body: &str,
) -> transport_core::Result<E::Response> {
    endpoint.parse(response(status, body))
}

/// The JSON request body.
pub(crate) fn body_json<E: Operation>(endpoint: &E) -> serde_json::Value {
    match endpoint.body().unwrap() {
        Body::Json(bytes) => serde_json::from_slice(&bytes).unwrap(),
        other => panic!("expected a JSON body, got {other:?}"),
    }
}

/// True if the request has no body.
pub(crate) fn has_no_body<E: Operation>(endpoint: &E) -> bool {
    matches!(endpoint.body().unwrap(), Body::Empty)
}

/// The request's query as `k=v&…`.
pub(crate) fn query_string<E: Operation>(endpoint: &E) -> String {
    endpoint
        .query()
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// Asserts that the endpoint's method, path and authentication agree with its metadata:
/// the path fits the template, and the auth/headers fit the auth mode.
pub(crate) fn assert_consistent<E: Operation>(endpoint: &E) {
    let info = &E::INFO;
    assert_eq!(E::METHOD, info.method, "{}: method", info.operation_id);
    let path = endpoint.path();
    let template: Vec<&str> = info.path_template.split('/').collect();
    let actual: Vec<&str> = path.split('/').collect();
    assert_eq!(
        template.len(),
        actual.len(),
        "{}: `{path}` vs `{}`",
        info.operation_id,
        info.path_template
    );
    for (t, a) in template.iter().zip(&actual) {
        if t.starts_with('{') && t.ends_with('}') {
            assert!(
                !a.is_empty(),
                "{}: empty path parameter {t}",
                info.operation_id
            );
        } else {
            assert_eq!(
                t, a,
                "{}: `{path}` vs `{}`",
                info.operation_id, info.path_template
            );
        }
    }
    let headers = endpoint.headers().unwrap();
    for name in [
        UNIDENTIFIED_ACCESS_KEY,
        GROUP_SEND_CREDENTIAL,
        ZK_AUTH,
        ZK_AUTH_SIGNATURE,
    ] {
        if let Some(value) = headers.get(name) {
            assert!(
                value.is_sensitive(),
                "{}: {name} must be sensitive",
                info.operation_id
            );
        }
    }
    let auth = endpoint.auth();
    let uak = headers.contains_key(UNIDENTIFIED_ACCESS_KEY);
    let gsc = headers.contains_key(GROUP_SEND_CREDENTIAL);
    let zk = headers.contains_key(ZK_AUTH) && headers.contains_key(ZK_AUTH_SIGNATURE);
    let ok = match info.auth {
        AuthMode::Basic | AuthMode::BasicOptional => {
            matches!(auth, EndpointAuth::Client) && !uak && !gsc
        }
        AuthMode::None | AuthMode::MustNotAuthenticate | AuthMode::SubscriberId => {
            matches!(auth, EndpointAuth::None) && !uak && !gsc && !zk
        }
        AuthMode::ZkBackup => matches!(auth, EndpointAuth::None) && zk,
        AuthMode::BasicOrAccessKey => match auth {
            EndpointAuth::Client => !uak,
            EndpointAuth::None => uak,
            _ => false,
        },
        AuthMode::AccessKeyOrGroupSend => matches!(auth, EndpointAuth::None) && !(uak && gsc),
        AuthMode::ExplicitAuthorization => {
            matches!(auth, EndpointAuth::Override(Auth::Basic { .. }))
        }
    };
    assert!(
        ok,
        "{}: auth {auth:?} with headers {headers:?} does not fit {:?}",
        info.operation_id, info.auth
    );
}
