//! `GET /` and `PUT /`.

use super::*;
use threema_work::model::SubscriptionType;

#[tokio::test]
async fn get_subscription() {
    let (fake, client) = fake().await;
    let sub = client.subscription().await.unwrap();
    assert_eq!(sub.name.as_deref(), Some("Fake Threema Work subscription"));
    assert_eq!(sub.kind, Some(SubscriptionType::Professional));
    assert_eq!(sub.id.as_deref(), Some("FAKE000001"));
    assert!(sub.valid_until.unwrap().parsed().is_some());
    assert!(sub.links.href("users").unwrap().ends_with("/api/v1/users"));
    let err = assert_status(
        intruder(&fake).subscription().await,
        401,
        ApiErrorKind::Unauthorized,
    );
    assert_eq!(err.server_message(), Some("Invalid X-Api-Key"));
}

#[tokio::test]
async fn update_subscription() {
    let (fake, client) = fake().await;
    client.update_subscription("Renamed").await.unwrap();
    assert_eq!(fake.subscription_name(), "Renamed");
    assert_eq!(
        client.subscription().await.unwrap().name.as_deref(),
        Some("Renamed")
    );
    // 422 with no body, as documented: sent raw, since the client refuses the empty name itself.
    let raw = client
        .http()
        .execute(
            &transport_core::http::RawRequest::new(transport_core::http::Method::PUT, "/")
                .with_body(
                    transport_core::http::Body::json(&serde_json::json!({"name": ""})).unwrap(),
                ),
        )
        .await
        .unwrap();
    assert_eq!(raw.status.as_u16(), 422);
    assert!(raw.body.is_empty());
    assert!(matches!(
        client.update_subscription("").await,
        Err(Error::Validation(_))
    ));
    assert_status(
        intruder(&fake).update_subscription("x").await,
        401,
        ApiErrorKind::Unauthorized,
    );
    assert_eq!(fake.subscription_name(), "Renamed");
}
