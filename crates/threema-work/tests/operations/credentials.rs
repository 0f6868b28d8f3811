//! `GET/POST /credentials`, `GET/PUT/DELETE /credentials/{id}`.

use super::*;
use threema_work::api::credentials::{CreateCredential, ListCredentials, UpdateCredential};
use threema_work::model::CredentialId;

#[tokio::test]
async fn list_credentials() {
    let (fake, client) = fake().await;
    fake.add_credential("alice", "pw-a");
    fake.add_credential("bob", "pw-b");
    let all = client
        .list_credentials(ListCredentials::new())
        .await
        .unwrap();
    let names: Vec<_> = all
        .credentials
        .iter()
        .map(|c| c.username.clone().unwrap())
        .collect();
    assert_eq!(names, ["alice", "bob"]);
    assert_eq!(all.paging.unwrap().total, Some(2));
    let bob = client
        .list_credentials(ListCredentials::new().with_filter_username("bob"))
        .await
        .unwrap();
    assert_eq!(bob.credentials.len(), 1);
    assert_eq!(
        bob.credentials[0].password.as_ref().unwrap().expose(),
        "pw-b"
    );
    assert_status(
        intruder(&fake)
            .list_credentials(ListCredentials::new())
            .await,
        401,
        ApiErrorKind::Unauthorized,
    );
}

#[tokio::test]
async fn create_credential() {
    let fake = FakeThreemaWork::builder()
        .credential_credits(2)
        .start()
        .await;
    let client = fake.client().unwrap();
    let created = client
        .create_credential(
            CreateCredential::new("alice", "s3cret")
                .with_hash(true)
                .with_lock(true)
                .with_license_count(3),
        )
        .await
        .unwrap();
    let id = created.id().unwrap();
    assert_eq!(
        created.location.unwrap(),
        format!("{}/credentials/{id}", fake.uri())
    );
    assert_eq!(created.credential.hashed, Some(true));
    assert_eq!(
        created.credential.password, None,
        "hashed passwords cannot be read back"
    );
    let stored = fake.credential(&id).unwrap();
    assert_eq!(
        (stored.username.as_str(), stored.hashed, stored.locked),
        ("alice", true, true)
    );
    assert_eq!(stored.license_count, Some(3));
    assert_eq!(fake.credential_credits(), 1);
    // 400: the username is taken.
    let err = assert_status(
        client
            .create_credential(CreateCredential::new("alice", "x"))
            .await,
        400,
        ApiErrorKind::BadRequest,
    );
    assert_eq!(err.server_message(), Some("Username already in use"));
    client
        .create_credential(CreateCredential::new("bob", "x"))
        .await
        .unwrap();
    // 403: no credits left.
    let err = assert_status(
        client
            .create_credential(CreateCredential::new("carol", "x"))
            .await,
        403,
        ApiErrorKind::Forbidden,
    );
    assert!(
        err.to_string().contains("No credential credits left"),
        "{err}"
    );
    assert_eq!(fake.credential_count(), 2);
}

#[tokio::test]
async fn get_credential() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "pw");
    fake.add_user("ALICE001", &id);
    let credential = client.credential(&id).await.unwrap();
    assert_eq!(credential.id.as_ref(), Some(&id));
    assert_eq!(credential.usage, Some(1));
    assert_eq!(credential.locked, Some(false));
    assert_status(client.credential("nope").await, 404, ApiErrorKind::NotFound);
}

#[tokio::test]
async fn update_credential() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "old");
    fake.add_credential("bob", "pw");
    client
        .update_credential(UpdateCredential::new(id.clone(), "alicia", "new").with_lock(true))
        .await
        .unwrap();
    let stored = fake.credential(&id).unwrap();
    assert_eq!(
        (
            stored.username.as_str(),
            stored.password.as_str(),
            stored.locked
        ),
        ("alicia", "new", true)
    );
    assert_status(
        client
            .update_credential(UpdateCredential::new(id, "bob", "x"))
            .await,
        400,
        ApiErrorKind::BadRequest,
    );
    assert_status(
        client
            .update_credential(UpdateCredential::new(
                CredentialId::new("nope").unwrap(),
                "x",
                "y",
            ))
            .await,
        404,
        ApiErrorKind::NotFound,
    );
}

#[tokio::test]
async fn delete_credential() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "pw");
    client.delete_credential(&id).await.unwrap();
    assert!(fake.credential(&id).is_none());
    assert_status(
        client.delete_credential(&id).await,
        404,
        ApiErrorKind::NotFound,
    );
}
