//! `GET/POST /credentials/{id}/mdm`, `GET/PUT/DELETE /credentials/{id}/mdm/{property_id}`,
//! `GET/POST /mdm-bulk`.

use super::*;
use futures_util::TryStreamExt;
use serde_json::json;
use threema_work::api::credential_mdm::{BulkGetCredentialMdm, CredentialSettings};
use threema_work::model::{MdmProperty, MdmValue};
use transport_core::http::{Body, Method, RawRequest};

fn prop(name: &str) -> MdmProperty {
    MdmProperty::new(name).unwrap()
}

#[tokio::test]
async fn list_credential_mdm() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "pw");
    fake.set_credential_mdm(&id, "th_nickname", json!("Alice"));
    let index = client.credential_mdm(&id).await.unwrap();
    assert_eq!(index.parameters.len(), 1);
    assert_eq!(index.parameters[0].value, Some(MdmValue::from("Alice")));
    assert_eq!(index.links.id_of("credential"), Some(id.to_string()));
    assert_status(
        client.credential_mdm("nope").await,
        404,
        ApiErrorKind::NotFound,
    );
}

#[tokio::test]
async fn set_credential_mdm() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "pw");
    client
        .set_credential_mdm(&id, "th_firstname", "Peter Schreiner")
        .await
        .unwrap();
    assert_eq!(
        fake.credential_mdm(&id, "th_firstname"),
        Some(json!("Peter Schreiner"))
    );
    let raw = client
        .http()
        .execute(
            &RawRequest::new(Method::POST, format!("/credentials/{id}/mdm"))
                .with_body(Body::json(&json!({"property": "th_x", "value": [1]})).unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(raw.status.as_u16(), 422);
    let raw = client
        .http()
        .execute(
            &RawRequest::new(Method::POST, format!("/credentials/{id}/mdm"))
                .with_body(Body::json(&json!({})).unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(raw.status.as_u16(), 400);
}

#[tokio::test]
async fn get_credential_mdm() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "pw");
    fake.set_credential_mdm(&id, "th_disable_screenshots", json!(true));
    let setting = client
        .credential_mdm_setting(&id, "th_disable_screenshots")
        .await
        .unwrap();
    assert_eq!(setting.value, Some(MdmValue::Bool(true)));
    assert_status(
        client.credential_mdm_setting(&id, "th_unset").await,
        404,
        ApiErrorKind::NotFound,
    );
}

#[tokio::test]
async fn update_credential_mdm() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "pw");
    fake.set_credential_mdm(&id, "th_nickname", json!("old"));
    let object = client
        .update_credential_mdm(&id, "th_nickname", "new")
        .await
        .unwrap();
    assert_eq!(object.name.unwrap().as_str(), "th_nickname");
    assert_eq!(fake.credential_mdm(&id, "th_nickname"), Some(json!("new")));
    assert_status(
        client.update_credential_mdm(&id, "th_unset", 1).await,
        404,
        ApiErrorKind::NotFound,
    );
}

#[tokio::test]
async fn delete_credential_mdm() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "pw");
    fake.set_credential_mdm(&id, "th_nickname", json!("x"));
    client
        .delete_credential_mdm(&id, "th_nickname")
        .await
        .unwrap();
    assert_eq!(fake.credential_mdm(&id, "th_nickname"), None);
    assert_status(
        client.delete_credential_mdm(&id, "th_nickname").await,
        404,
        ApiErrorKind::NotFound,
    );
}

#[tokio::test]
async fn bulk_get_credential_mdm() {
    let (fake, client) = fake().await;
    let ids: Vec<_> = (0..5)
        .map(|i| fake.add_credential(format!("user{i}"), "pw"))
        .collect();
    for id in &ids {
        fake.set_credential_mdm(id, "th_nickname", json!(id.to_string()));
    }
    let page = client
        .bulk_get_credential_mdm(BulkGetCredentialMdm::new().with_page_size(2))
        .await
        .unwrap();
    assert_eq!(page.credentials.len(), 2);
    assert_eq!(page.paging.unwrap().total, Some(5));
    let all: Vec<_> = client
        .bulk_get_credential_mdm_all(BulkGetCredentialMdm::new().with_page_size(2))
        .try_collect()
        .await
        .unwrap();
    let got: Vec<_> = all.iter().map(|c| c.id.clone().unwrap()).collect();
    assert_eq!(got, ids);
    assert_eq!(
        all[4].parameters[0].value,
        Some(MdmValue::from(ids[4].as_str()))
    );
    assert_status(
        intruder(&fake)
            .bulk_get_credential_mdm(BulkGetCredentialMdm::new())
            .await,
        401,
        ApiErrorKind::Unauthorized,
    );
}

#[tokio::test]
async fn bulk_update_credential_mdm() {
    let (fake, client) = fake().await;
    let a = fake.add_credential("a", "pw");
    let b = fake.add_credential("b", "pw");
    client
        .bulk_update_credential_mdm(vec![
            CredentialSettings::new(a.clone(), vec![])
                .with(prop("th_nickname"), "A")
                .with(prop("th_disable_screenshots"), true),
            CredentialSettings::new(b.clone(), vec![]).with(prop("th_nickname"), "B"),
        ])
        .await
        .unwrap();
    assert_eq!(
        fake.credential_mdm(&a, "th_disable_screenshots"),
        Some(json!(true))
    );
    assert_eq!(fake.credential_mdm(&b, "th_nickname"), Some(json!("B")));
    // 400 for an unknown credential; nothing is applied.
    let unknown = threema_work::model::CredentialId::new("nope").unwrap();
    assert_status(
        client
            .bulk_update_credential_mdm(vec![
                CredentialSettings::new(a.clone(), vec![]).with(prop("th_nickname"), "changed"),
                CredentialSettings::new(unknown, vec![]).with(prop("th_nickname"), "X"),
            ])
            .await,
        400,
        ApiErrorKind::BadRequest,
    );
    assert_eq!(fake.credential_mdm(&a, "th_nickname"), Some(json!("A")));
    // 422 (no body) for settings the server cannot process, sent raw.
    let raw = client
        .http()
        .execute(&RawRequest::new(Method::POST, "/mdm-bulk").with_body(
            Body::json(&json!({"credentials": [{"id": a.as_str(), "parameters": [{"name": "bad", "value": 1}]}]})).unwrap(),
        ))
        .await
        .unwrap();
    assert_eq!(raw.status.as_u16(), 422);
    assert!(raw.body.is_empty());
}
