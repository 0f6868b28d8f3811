//! `GET/POST /contacts`, `GET/PUT/DELETE /contacts/{threemaId}`.

use super::*;
use threema_work::api::contacts::{CreateContact, ListContacts, UpdateContact};
use threema_work::model::{ContactType, ThreemaId};
use threema_work::testkit::FakeContact;

fn tid(id: &str) -> ThreemaId {
    ThreemaId::new(id).unwrap()
}

#[tokio::test]
async fn list_contacts() {
    let (fake, client) = fake().await;
    fake.insert_contact(FakeContact::custom("*THREEMA").with_name("Threema", "Channel"));
    fake.insert_contact(FakeContact::auto("ECHOECHO"));
    fake.add_category("cat1", "Staff", "custom");
    fake.assign_category("ECHOECHO", "cat1");
    let all = client.list_contacts(ListContacts::new()).await.unwrap();
    let ids: Vec<_> = all
        .contacts
        .iter()
        .map(|c| c.threema_id.clone().unwrap().into_string())
        .collect();
    assert_eq!(ids, ["*THREEMA", "ECHOECHO"]);
    assert_eq!(all.contacts[1].kind, Some(ContactType::Auto));
    let staff = client
        .list_contacts(ListContacts::new().with_filter_category("cat1"))
        .await
        .unwrap();
    assert_eq!(staff.contacts.len(), 1);
    assert_status(
        intruder(&fake).list_contacts(ListContacts::new()).await,
        401,
        ApiErrorKind::Unauthorized,
    );
}

#[tokio::test]
async fn create_contact() {
    let (fake, client) = fake().await;
    let created = client
        .create_contact(
            CreateContact::new(tid("ECHOECHO"))
                .with_name("Echo", "Ohce")
                .with_enabled(false),
        )
        .await
        .unwrap();
    assert_eq!(
        created.location.unwrap(),
        format!("{}/contacts/ECHOECHO", fake.uri())
    );
    let stored = fake.contact("ECHOECHO").unwrap();
    assert_eq!((stored.kind.as_str(), stored.enabled), ("custom", false));
    assert_eq!(stored.first_name.as_deref(), Some("Echo"));
    let err = assert_status(
        client
            .create_contact(CreateContact::new(tid("ECHOECHO")))
            .await,
        400,
        ApiErrorKind::BadRequest,
    );
    assert_eq!(err.server_message(), Some("Contact already exists"));
}

#[tokio::test]
async fn get_contact() {
    let (fake, client) = fake().await;
    fake.insert_contact(FakeContact::custom("ECHOECHO").with_name("Echo", "Ohce"));
    let contact = client.contact("ECHOECHO").await.unwrap();
    assert_eq!(contact.threema_id.unwrap().as_str(), "ECHOECHO");
    assert_eq!(contact.last_name.as_deref(), Some("Ohce"));
    assert!(contact.links.get("categories").is_some());
    assert_status(
        client.contact("NOBODY00").await,
        404,
        ApiErrorKind::NotFound,
    );
}

#[tokio::test]
async fn update_contact() {
    let (fake, client) = fake().await;
    fake.insert_contact(FakeContact::auto("ECHOECHO"));
    client
        .update_contact(UpdateContact::new(tid("ECHOECHO"), "Echo", "Ohce", false))
        .await
        .unwrap();
    let stored = fake.contact("ECHOECHO").unwrap();
    assert_eq!(
        (stored.first_name.as_deref(), stored.enabled),
        (Some("Echo"), false)
    );
    assert_status(
        client
            .update_contact(UpdateContact::new(tid("NOBODY00"), "A", "B", true))
            .await,
        404,
        ApiErrorKind::NotFound,
    );
}

#[tokio::test]
async fn delete_contact() {
    let (fake, client) = fake().await;
    fake.insert_contact(FakeContact::custom("CUSTOM01"));
    fake.insert_contact(FakeContact::auto("AUTO0001"));
    client.delete_contact("CUSTOM01").await.unwrap();
    assert!(fake.contact("CUSTOM01").is_none());
    assert_status(
        client.delete_contact("CUSTOM01").await,
        404,
        ApiErrorKind::NotFound,
    );
    // Automatic contacts cannot be removed (API 1.4 documents 401 "not a custom contact").
    let err = assert_status(
        client.delete_contact("AUTO0001").await,
        401,
        ApiErrorKind::Unauthorized,
    );
    assert_eq!(
        err.server_message(),
        Some("contact is not a custom contact")
    );
    assert!(fake.contact("AUTO0001").is_some());
}
