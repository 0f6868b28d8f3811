//! The spec coverage test: every (method, path) of the saved OpenAPI document has exactly one
//! endpoint type with the same operationId, tag, method, path template and auth mode, and no
//! endpoint exists outside the document. Typed error statuses cover every error response the
//! document gives a schema.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_yaml_ng::Value;
use signal_server_api::{AuthMode, OperationInfo, all_operations};
use std::collections::{BTreeMap, BTreeSet};

const SPEC: &str = include_str!("data/signal-server-openapi.yaml");
const METHODS: [&str; 6] = ["get", "put", "post", "delete", "head", "patch"];

/// One operation as the document describes it.
#[derive(Debug)]
struct SpecOperation {
    operation_id: String,
    tag: String,
    auth: AuthMode,
    error_statuses_with_schema: BTreeSet<u16>,
}

fn str_of(v: &Value) -> &str {
    v.as_str().expect("a string")
}

/// Derives the auth mode from the document: the `security` requirement, the header
/// parameters, the path and the response descriptions (notes §1.4).
fn auth_mode(path: &str, op: &Value) -> AuthMode {
    let security: Vec<&Value> = op
        .get("security")
        .and_then(Value::as_sequence)
        .map(|s| s.iter().collect())
        .unwrap_or_default();
    let required = security
        .iter()
        .any(|req| req.get("authenticatedAccount").is_some());
    let optional = security
        .iter()
        .any(|req| req.as_mapping().is_some_and(|m| m.is_empty()));
    let headers: BTreeSet<&str> = op
        .get("parameters")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .filter(|p| p.get("in").map(str_of) == Some("header"))
        .map(|p| str_of(&p["name"]))
        .collect();
    let must_not = op
        .get("responses")
        .and_then(Value::as_mapping)
        .into_iter()
        .flatten()
        .filter_map(|(_, r)| r.get("description").and_then(Value::as_str))
        .any(|d| d.contains("must not be authenticated"));
    match (required, optional) {
        (true, false) => AuthMode::Basic,
        (true, true) if headers.contains("Unidentified-Access-Key") => AuthMode::BasicOrAccessKey,
        (true, true) if headers.contains("X-Signal-ZK-Auth") => AuthMode::ZkBackup,
        (true, true) if path.contains("{subscriberId}") => AuthMode::SubscriberId,
        (true, true) if must_not => AuthMode::MustNotAuthenticate,
        (true, true) => AuthMode::BasicOptional,
        _ if headers.contains("Authorization") => AuthMode::ExplicitAuthorization,
        _ if headers.contains("Group-Send-Credential") => AuthMode::AccessKeyOrGroupSend,
        _ => AuthMode::None,
    }
}

fn spec_operations() -> BTreeMap<(String, String), SpecOperation> {
    let doc: Value = serde_yaml_ng::from_str(SPEC).expect("the saved document parses");
    let mut out = BTreeMap::new();
    for (path, item) in doc["paths"].as_mapping().expect("paths") {
        let path = str_of(path);
        for (method, op) in item.as_mapping().expect("path item") {
            let method = str_of(method);
            if !METHODS.contains(&method) {
                continue;
            }
            let errors = op["responses"]
                .as_mapping()
                .expect("responses")
                .iter()
                .filter_map(|(status, r)| {
                    let status: u16 = str_of(status).parse().ok()?;
                    (status >= 300 && r.get("content").is_some()).then_some(status)
                })
                .collect();
            let previous = out.insert(
                (method.to_uppercase(), path.to_owned()),
                SpecOperation {
                    operation_id: str_of(&op["operationId"]).to_owned(),
                    tag: str_of(&op["tags"][0]).to_owned(),
                    auth: auth_mode(path, op),
                    error_statuses_with_schema: errors,
                },
            );
            assert!(previous.is_none(), "{method} {path} twice in the document");
        }
    }
    out
}

fn key(info: &OperationInfo) -> (String, String) {
    (info.method.to_string(), info.path_template.to_owned())
}

#[test]
fn the_document_has_the_expected_shape() {
    let spec = spec_operations();
    assert_eq!(spec.len(), 103);
    let paths: BTreeSet<&str> = spec.keys().map(|(_, p)| p.as_str()).collect();
    assert_eq!(paths.len(), 91);
    let mut by_auth: BTreeMap<String, usize> = BTreeMap::new();
    for op in spec.values() {
        *by_auth.entry(format!("{:?}", op.auth)).or_default() += 1;
    }
    // Notes §1.4: 56 basic, 16 anonymous, 10 subscriber id, 9 ZK backup, 5 basic-or-UAK,
    // 3 enforced unauthenticated, 2 explicit Authorization, 1 UAK-or-group-send, 1 optional.
    let expected: BTreeMap<String, usize> = [
        ("Basic", 56),
        ("None", 16),
        ("SubscriberId", 10),
        ("ZkBackup", 9),
        ("BasicOrAccessKey", 5),
        ("MustNotAuthenticate", 3),
        ("ExplicitAuthorization", 2),
        ("AccessKeyOrGroupSend", 1),
        ("BasicOptional", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(by_auth, expected);
}

#[test]
fn every_spec_operation_has_exactly_one_matching_endpoint() {
    let spec = spec_operations();
    let ours = all_operations();
    let mut missing = Vec::new();
    let mut wrong = Vec::new();
    for ((method, path), op) in &spec {
        let matches: Vec<&OperationInfo> = ours
            .iter()
            .filter(|i| i.method.as_str() == method && i.path_template == path)
            .collect();
        match matches.as_slice() {
            [] => missing.push(format!("{method} {path} ({})", op.operation_id)),
            [info] => {
                if info.operation_id != op.operation_id {
                    wrong.push(format!(
                        "{method} {path}: operationId {} != {}",
                        info.operation_id, op.operation_id
                    ));
                }
                if info.tag != op.tag {
                    wrong.push(format!("{method} {path}: tag {} != {}", info.tag, op.tag));
                }
                if info.auth != op.auth {
                    wrong.push(format!(
                        "{method} {path}: auth {:?} != {:?}",
                        info.auth, op.auth
                    ));
                }
                for status in &op.error_statuses_with_schema {
                    if info.error_body(*status).is_none() {
                        wrong.push(format!(
                            "{method} {path}: no typed error for documented {status}"
                        ));
                    }
                }
            }
            many => wrong.push(format!("{method} {path}: {} endpoints", many.len())),
        }
    }
    assert!(
        missing.is_empty(),
        "operations without an endpoint: {missing:#?}"
    );
    assert!(wrong.is_empty(), "mismatches: {wrong:#?}");
}

#[test]
fn no_endpoint_exists_outside_the_spec() {
    let spec = spec_operations();
    let ours = all_operations();
    assert_eq!(ours.len(), 103, "one registry entry per operation");
    let mut seen = BTreeSet::new();
    for info in ours {
        assert!(
            spec.contains_key(&key(info)),
            "{} {} ({}) is not in the document",
            info.method,
            info.path_template,
            info.operation_id
        );
        assert!(
            seen.insert(key(info)),
            "{} registered twice",
            info.operation_id
        );
    }
    let ids: BTreeSet<&str> = ours.iter().map(|i| i.operation_id).collect();
    assert_eq!(ids.len(), 103, "operationIds are unique");
}
