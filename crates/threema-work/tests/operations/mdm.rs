//! `GET/POST /mdm`, `GET/PUT/DELETE /mdm/{property_id}`.

use super::*;
use serde_json::json;
use threema_work::model::MdmValue;
use transport_core::http::{Body, Method, RawRequest};

#[tokio::test]
async fn list_global_mdm() {
    let (fake, client) = fake().await;
    fake.set_global_mdm("th_disable_screenshots", json!(true));
    fake.set_global_mdm("th_nickname", json!("J.W."));
    let index = client.global_mdm().await.unwrap();
    let settings: Vec<_> = index
        .parameters
        .iter()
        .map(|p| {
            (
                p.name.clone().unwrap().into_string(),
                p.value.clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        settings,
        [
            ("th_disable_screenshots".to_owned(), MdmValue::Bool(true)),
            ("th_nickname".to_owned(), MdmValue::from("J.W."))
        ]
    );
    assert_status(
        intruder(&fake).global_mdm().await,
        401,
        ApiErrorKind::Unauthorized,
    );
}

#[tokio::test]
async fn set_global_mdm() {
    let (fake, client) = fake().await;
    client
        .set_global_mdm("th_disable_screenshots", true)
        .await
        .unwrap();
    client.set_global_mdm("th_license_count", 9).await.unwrap();
    client.set_global_mdm("th_license_count", 10).await.unwrap();
    assert_eq!(fake.global_mdm("th_disable_screenshots"), Some(json!(true)));
    assert_eq!(fake.global_mdm("th_license_count"), Some(json!(10)));
    // 422 (no body) for a setting the server cannot process, sent raw past the client's checks.
    let raw = client
        .http()
        .execute(
            &RawRequest::new(Method::POST, "/mdm")
                .with_body(Body::json(&json!({"property": "nickname", "value": 1})).unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(raw.status.as_u16(), 422);
    assert!(raw.body.is_empty());
    assert!(matches!(
        client.set_global_mdm("nickname", 1).await,
        Err(Error::Validation(_))
    ));
    assert_eq!(fake.global_mdm("nickname"), None);
}

#[tokio::test]
async fn get_global_mdm() {
    let (fake, client) = fake().await;
    fake.set_global_mdm("th_nickname", json!("J.W."));
    let setting = client.global_mdm_setting("th_nickname").await.unwrap();
    assert_eq!(setting.name.unwrap().as_str(), "th_nickname");
    assert_eq!(setting.value, Some(MdmValue::from("J.W.")));
    assert_status(
        client.global_mdm_setting("th_unset").await,
        404,
        ApiErrorKind::NotFound,
    );
}

#[tokio::test]
async fn update_global_mdm() {
    let (fake, client) = fake().await;
    fake.set_global_mdm("th_nickname", json!("old"));
    let object = client
        .update_global_mdm("th_nickname", "new")
        .await
        .unwrap();
    assert_eq!(object.value, Some(MdmValue::from("new")));
    assert_eq!(fake.global_mdm("th_nickname"), Some(json!("new")));
    assert_status(
        client.update_global_mdm("th_unset", 1).await,
        404,
        ApiErrorKind::NotFound,
    );
}

#[tokio::test]
async fn delete_global_mdm() {
    let (fake, client) = fake().await;
    fake.set_global_mdm("th_nickname", json!("x"));
    client.delete_global_mdm("th_nickname").await.unwrap();
    assert_eq!(fake.global_mdm("th_nickname"), None);
    assert_status(
        client.delete_global_mdm("th_nickname").await,
        404,
        ApiErrorKind::NotFound,
    );
}
