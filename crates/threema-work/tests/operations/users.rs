//! `GET /users`, `GET/DELETE /users/{threemaId}`, `POST /users/{threemaId}/detach`.

use super::*;
use threema_work::api::users::ListUsers;
use threema_work::testkit::FakeUser;

#[tokio::test]
async fn list_users() {
    let (fake, client) = fake().await;
    let alice = fake.add_credential("alice", "pw");
    let bob = fake.add_credential("bob", "pw");
    fake.insert_user(FakeUser::new("ALICE001", Some(alice.clone())).with_nickname("Alice"));
    fake.insert_user(FakeUser::new("BOB00001", Some(bob.clone())).with_name("Bob", "Builder"));
    let all = client.list_users(ListUsers::new()).await.unwrap();
    assert_eq!(all.users.len(), 2);
    assert_eq!(all.users[0].credential_id(), Some(alice.clone()));
    let by_credential = client
        .list_users(ListUsers::new().with_filter_credential(bob.clone()))
        .await
        .unwrap();
    assert_eq!(
        by_credential.users[0].id.as_ref().unwrap().as_str(),
        "BOB00001"
    );
    let by_username = client
        .list_users(ListUsers::new().with_filter_username("alice"))
        .await
        .unwrap();
    assert_eq!(by_username.users[0].nickname.as_deref(), Some("Alice"));
    let by_query = client
        .list_users(ListUsers::new().with_filter_query("builder"))
        .await
        .unwrap();
    assert_eq!(by_query.users.len(), 1);
    // 400: a page size the server refuses (sent raw; the client refuses it before sending).
    let raw = client
        .http()
        .execute(&{
            let mut request =
                transport_core::http::RawRequest::new(transport_core::http::Method::GET, "/users");
            request.query.push(("pageSize".into(), "0".into()));
            request
        })
        .await
        .unwrap();
    assert_eq!(raw.status.as_u16(), 400);
    assert!(matches!(
        client.list_users(ListUsers::new().with_page_size(0)).await,
        Err(Error::Validation(_))
    ));
}

#[tokio::test]
async fn get_user() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "pw");
    fake.insert_user(FakeUser::new("ALICE001", Some(id.clone())).with_version("android - 3.1k"));
    let user = client.user("ALICE001").await.unwrap();
    assert_eq!(user.version.as_deref(), Some("android - 3.1k"));
    assert_eq!(user.credential_id(), Some(id));
    assert!(user.created_at.unwrap().parsed().is_some());
    assert_eq!(user.nickname, None, "null fields decode as None");
    assert_status(client.user("NOBODY00").await, 404, ApiErrorKind::NotFound);
}

#[tokio::test]
async fn revoke_user() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "pw");
    fake.add_user("ALICE001", &id);
    client.revoke_user("ALICE001").await.unwrap();
    assert!(fake.user("ALICE001").is_none());
    assert_status(
        client.revoke_user("ALICE001").await,
        404,
        ApiErrorKind::NotFound,
    );
}

#[tokio::test]
async fn detach_user() {
    let (fake, client) = fake().await;
    let id = fake.add_credential("alice", "pw");
    fake.add_user("ALICE001", &id);
    client.detach_user("ALICE001").await.unwrap();
    assert_eq!(fake.user_count(), 0);
    assert_status(
        client.detach_user("ALICE001").await,
        404,
        ApiErrorKind::NotFound,
    );
    // 400 for an id the server cannot read (sent raw; the client checks ids itself).
    let raw = client
        .http()
        .execute(&transport_core::http::RawRequest::new(
            transport_core::http::Method::POST,
            "/users/bad/detach",
        ))
        .await
        .unwrap();
    assert_eq!(raw.status.as_u16(), 400);
}
