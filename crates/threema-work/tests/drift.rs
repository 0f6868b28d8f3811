//! Lenient decoding of what live servers send besides the schema (notes §2, §4, §7), end to
//! end through the client: against `FakeThreemaWork` configured to drift, and against
//! wiremock replaying the spec's own inconsistent examples.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use futures_util::TryStreamExt;
use serde_json::json;
use threema_work::api::contacts::{ListContacts, UpdateContact};
use threema_work::api::credential_mdm::BulkGetCredentialMdm;
use threema_work::api::users::ListUsers;
use threema_work::model::{MdmValue, SubscriptionType, ThreemaId};
use threema_work::testkit::{FakeContact, FakeThreemaWork};
use threema_work::{ApiErrorKind, Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn replay(route: &str, body: serde_json::Value) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/api/v1{route}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let client = Client::builder("k")
        .base_url(format!("{}/api/v1", server.uri()))
        .http(|b| b.no_proxy())
        .build()
        .unwrap();
    (server, client)
}

#[tokio::test]
async fn links_spelled_rel_still_lead_from_users_to_their_credentials() {
    let fake = FakeThreemaWork::builder().link_key("rel").start().await;
    let id = fake.add_credential("alice", "pw");
    fake.add_user("ALICE001", &id);
    let client = fake.client().unwrap();
    let users: Vec<_> = client
        .list_users_all(ListUsers::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(users[0].credential_id(), Some(id));
    let credential = client.credential_of(&users[0]).await.unwrap().unwrap();
    assert_eq!(credential.username.as_deref(), Some("alice"));
}

#[tokio::test]
async fn contacts_with_id_or_threema_id() {
    for key in ["id", "threemaId"] {
        let fake = FakeThreemaWork::builder()
            .contact_list_id_key(key)
            .start()
            .await;
        fake.insert_contact(FakeContact::custom("*THREEMA"));
        let client = fake.client().unwrap();
        let contacts = client
            .list_contacts(ListContacts::new())
            .await
            .unwrap()
            .contacts;
        let id = contacts[0].threema_id.as_ref().expect(key);
        assert!(id.is_gateway(), "{key}");
    }
}

#[tokio::test]
async fn error_bodies_with_message_instead_of_error() {
    let fake = FakeThreemaWork::builder()
        .error_key("message")
        .start()
        .await;
    let client = fake.client().unwrap();
    let error = client.user("NOBODY00").await.unwrap_err();
    assert_eq!(error.server_message(), Some("User not found"));
    assert!(
        error
            .to_string()
            .contains("the server said \"User not found\""),
        "{error}"
    );
}

#[tokio::test]
async fn subscription_type_in_any_case_and_unknown_types() {
    for (sent, expected) in [
        ("Professional", SubscriptionType::Professional),
        ("EDU5", SubscriptionType::Edu5),
        ("platinum", SubscriptionType::Other("platinum".into())),
    ] {
        let fake = FakeThreemaWork::builder()
            .subscription_type(sent)
            .start()
            .await;
        let sub = fake.client().unwrap().subscription().await.unwrap();
        assert_eq!(sub.kind, Some(expected));
    }
}

#[tokio::test]
async fn contact_update_sends_the_undocumented_directory_enabled() {
    let fake = FakeThreemaWork::builder()
        .require_directory_enabled(true)
        .start()
        .await;
    fake.insert_contact(FakeContact::auto("ECHOECHO"));
    let client = fake.client().unwrap();
    let id = ThreemaId::new("ECHOECHO").unwrap();
    client
        .update_contact(UpdateContact::new(id.clone(), "Echo", "Ohce", false))
        .await
        .unwrap();
    assert!(!fake.contact("ECHOECHO").unwrap().enabled);
    // Left out, as the spec has it: this server refuses.
    let spec_only = UpdateContact::new(id, "Echo", "Ohce", true).with_directory_enabled(None);
    let error = client.update_contact(spec_only).await.unwrap_err();
    assert_eq!(error.api_kind(), Some(ApiErrorKind::BadRequest));
    assert_eq!(
        error.server_message(),
        Some("directory_enabled is mandatory")
    );
}

#[tokio::test]
async fn global_settings_named_id_or_name() {
    let fake = FakeThreemaWork::start().await;
    fake.set_global_mdm("th_nickname", json!("J.W."));
    let client = fake.client().unwrap();
    // The fake lists settings as `name` (spec example) and shows one as `id` (schema).
    let listed = client.global_mdm().await.unwrap().parameters;
    let shown = client.global_mdm_setting("th_nickname").await.unwrap();
    assert_eq!(listed[0].name, shown.name);
    assert_eq!(shown.value, Some(MdmValue::from("J.W.")));
}

#[tokio::test]
async fn api_1_4_credentials_dates_and_unknown_fields() {
    let (_server, client) = replay(
        "/credentials/pwq4Kslw",
        json!({
            "_links": [{"rel": "detail", "link": "https://work.threema.ch/api/v1/credentials/pwq4Kslw"}],
            "id": "pwq4Kslw", "username": "bob", "password": null,
            "licenseAmount": 0, "hash": true, "lock": false, "introducedIn": "1.9"
        }),
    )
    .await;
    let credential = client.credential("pwq4Kslw").await.unwrap();
    assert_eq!(
        (credential.hashed, credential.locked),
        (Some(true), Some(false))
    );
    assert_eq!(credential.password, None);
    assert_eq!(credential.license_amount, Some(0));

    let (_server, client) = replay(
        "/users/ECHOECHO",
        json!({"id": "ECHOECHO", "lastCheck": "2021-12-01T00:00:00+0100", "createdAt": "2017-01-01T00:00:00+01:00"}),
    )
    .await;
    let user = client.user("ECHOECHO").await.unwrap();
    let (check, created) = (user.last_check.unwrap(), user.created_at.unwrap());
    assert_eq!(check.as_str(), "2021-12-01T00:00:00+0100");
    assert_eq!(check.parsed().unwrap().timestamp(), 1_638_313_200);
    assert_eq!(created.parsed().unwrap().timestamp(), 1_483_225_200);
}

#[tokio::test]
async fn bulk_settings_nested_one_level_deep_with_mixed_value_kinds() {
    let (_server, client) = replay(
        "/mdm-bulk",
        json!({"credentials": [[
            {"_links": [{"rel": "credential", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}],
             "id": "LAow0Rksa",
             "parameters": [
                {"name": "th_disable_screenshots", "value": true},
                {"name": "th_license_count", "value": 9},
                {"name": "th_nickname", "value": "Alice"},
                {"name": "th_ratio", "value": 0.5}
             ]}
        ]]}),
    )
    .await;
    let list = client
        .bulk_get_credential_mdm(BulkGetCredentialMdm::new())
        .await
        .unwrap();
    let values: Vec<_> = list.credentials[0]
        .parameters
        .iter()
        .map(|p| p.value.clone().unwrap())
        .collect();
    assert_eq!(
        values,
        [
            MdmValue::Bool(true),
            MdmValue::Int(9),
            MdmValue::from("Alice"),
            MdmValue::Other(json!(0.5))
        ]
    );
    assert_eq!(
        list.credentials[0].links.id_of("credential").as_deref(),
        Some("LAow0Rksa")
    );
}

#[tokio::test]
async fn category_enabled_as_a_string() {
    let (_server, client) = replay(
        "/contacts/ECHOECHO/categories",
        json!({"categories": [{"id": "y", "name": "Category 1", "source": "directory", "enabled": "true"}]}),
    )
    .await;
    let request = threema_work::api::categories::ListContactCategories::new(
        ThreemaId::new("ECHOECHO").unwrap(),
    );
    let category = &client
        .list_contact_categories(request)
        .await
        .unwrap()
        .categories[0];
    assert_eq!(category.enabled, Some(true));
    assert_eq!(category.source.as_ref().unwrap().as_str(), "directory");
}

#[tokio::test]
async fn page_size_zero_is_refused_before_sending() {
    // Pre-1.4 clients sent `pageSize=0` for "everything"; the API now rejects it.
    let client = Client::builder("k")
        .base_url("http://127.0.0.1:9/api/v1")
        .build()
        .unwrap();
    let error = client
        .list_users(ListUsers::new().with_page_size(0))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Validation(v) if v.field == "pageSize"),
        "{error:?}"
    );
}
