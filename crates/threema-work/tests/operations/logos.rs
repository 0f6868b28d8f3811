//! `GET/PUT/DELETE /logos/{logoVariant}`.

use super::*;
use threema_work::model::{LogoPng, LogoVariant};
use threema_work::testkit::png;
use transport_core::http::{Body, Method, RawRequest};

#[tokio::test]
async fn get_logo() {
    let (fake, client) = fake().await;
    fake.set_logo(LogoVariant::Dark, png(800, 100));
    assert_eq!(client.logo(LogoVariant::Dark).await.unwrap(), png(800, 100));
    let err = assert_status(
        client.logo(LogoVariant::Light).await,
        404,
        ApiErrorKind::NotFound,
    );
    assert_eq!(err.server_message(), Some("No logo set"));
}

#[tokio::test]
async fn update_logo() {
    let (fake, client) = fake().await;
    client
        .update_logo(LogoVariant::Light, LogoPng::new(png(680, 80)).unwrap())
        .await
        .unwrap();
    assert_eq!(fake.logo(LogoVariant::Light).unwrap(), png(680, 80));
    // The server refuses what the client would refuse too (sent raw): not a PNG, too small.
    let put = |body: Vec<u8>| {
        RawRequest::new(Method::PUT, "/logos/dark").with_body(Body::bytes("image/png", body))
    };
    assert_eq!(
        client
            .http()
            .execute(&put(b"GIF89a".to_vec()))
            .await
            .unwrap()
            .status
            .as_u16(),
        400
    );
    assert_eq!(
        client
            .http()
            .execute(&put(png(100, 100)))
            .await
            .unwrap()
            .status
            .as_u16(),
        422
    );
    assert!(fake.logo(LogoVariant::Dark).is_none());
}

#[tokio::test]
async fn delete_logo() {
    let (fake, client) = fake().await;
    fake.set_logo(LogoVariant::Dark, png(800, 100));
    client.delete_logo(LogoVariant::Dark).await.unwrap();
    assert!(fake.logo(LogoVariant::Dark).is_none());
    assert_status(
        client.delete_logo(LogoVariant::Dark).await,
        404,
        ApiErrorKind::NotFound,
    );
}
