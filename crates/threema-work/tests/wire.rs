//! The wire shape of every request — method, path, exact query, body, `X-Api-Key` and
//! `User-Agent` — asserted with wiremock for each of the 33 operations, and the parsing of
//! what the spec says each one answers.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use futures_util::TryStreamExt;
use serde_json::{Value, json};
use threema_work::Client;
use threema_work::api::categories::ListContactCategories;
use threema_work::api::contacts::{CreateContact, ListContacts, UpdateContact};
use threema_work::api::credential_mdm::{BulkGetCredentialMdm, CredentialSettings};
use threema_work::api::credentials::{CreateCredential, ListCredentials, UpdateCredential};
use threema_work::api::users::ListUsers;
use threema_work::model::{
    CredentialId, LogoPng, LogoVariant, MdmProperty, MdmValue, SubscriptionType, ThreemaId,
};
use threema_work::testkit::png;
use wiremock::matchers::{body_bytes, body_json, header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "wire-test-api-key";
const USER_AGENT: &str = concat!("threema-work/", env!("CARGO_PKG_VERSION"));

/// What the request body must be.
enum Sent {
    Nothing,
    Json(Value),
    Png(Vec<u8>),
}

async fn server() -> (MockServer, Client) {
    let server = MockServer::start().await;
    transport_core::testkit::http::mount_catch_all(&server).await;
    let client = Client::builder(KEY)
        .base_url(format!("{}/api/v1", server.uri()))
        .http(|b| b.without_timeouts().no_proxy())
        .build()
        .unwrap();
    (server, client)
}

/// Expects exactly one `method path?query` request with `sent` as body, answered by `reply`.
async fn expect(
    server: &MockServer,
    verb: &str,
    route: &str,
    query: &[(&str, &str)],
    sent: Sent,
    reply: ResponseTemplate,
) {
    let expected_query: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let mock = Mock::given(method(verb))
        .and(path(format!("/api/v1{route}")))
        .and(header("x-api-key", KEY))
        .and(header("user-agent", USER_AGENT))
        .and(move |request: &Request| {
            let actual: Vec<(String, String)> = request.url.query_pairs().into_owned().collect();
            actual == expected_query
        });
    let mock = match sent {
        Sent::Nothing => mock.and(|request: &Request| request.body.is_empty()),
        Sent::Json(value) => mock
            .and(header("content-type", "application/json"))
            .and(body_json(value)),
        Sent::Png(bytes) => mock
            .and(header("content-type", "image/png"))
            .and(body_bytes(bytes)),
    };
    mock.respond_with(reply).expect(1).mount(server).await;
}

fn ok_json(value: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(value)
}

fn no_content() -> ResponseTemplate {
    ResponseTemplate::new(204)
}

fn cid(id: &str) -> CredentialId {
    CredentialId::new(id).unwrap()
}

fn tid(id: &str) -> ThreemaId {
    ThreemaId::new(id).unwrap()
}

fn prop(name: &str) -> MdmProperty {
    MdmProperty::new(name).unwrap()
}

// --- Subscription -----------------------------------------------------------------------

#[tokio::test]
async fn get_subscription() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/",
        &[],
        Sent::Nothing,
        ok_json(json!({
            "id": "XYZ0123456", "name": "My Threema Work subscription",
            "validUntil": "2017-01-01T00:00:00+0100", "type": "professional", "licenseAmount": 400
        })),
    )
    .await;
    let sub = client.subscription().await.unwrap();
    assert_eq!(sub.kind, Some(SubscriptionType::Professional));
    assert_eq!(sub.license_amount, Some(400));
    server.verify().await;
}

#[tokio::test]
async fn update_subscription() {
    let (server, client) = server().await;
    expect(
        &server,
        "PUT",
        "/",
        &[],
        Sent::Json(json!({"name": "Renamed"})),
        no_content(),
    )
    .await;
    client.update_subscription("Renamed").await.unwrap();
    server.verify().await;
}

// --- Credentials ------------------------------------------------------------------------

#[tokio::test]
async fn list_credentials() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/credentials",
        &[
            ("filterUsername", "alice"),
            ("pageSize", "100"),
            ("page", "1"),
        ],
        Sent::Nothing,
        ok_json(
            json!({"credentials": [{"id": "LAow0Rksa", "username": "alice"}],
                       "paging": {"count": 1, "total": 1, "page": 1}}),
        ),
    )
    .await;
    let index = client
        .list_credentials(
            ListCredentials::new()
                .with_filter_username("alice")
                .with_page_size(100)
                .with_page(1),
        )
        .await
        .unwrap();
    assert_eq!(index.credentials[0].username.as_deref(), Some("alice"));
    server.verify().await;
}

#[tokio::test]
async fn create_credential() {
    let (server, client) = server().await;
    expect(
        &server,
        "POST",
        "/credentials",
        &[],
        Sent::Json(json!({"username": "bob", "password": "3mawrk", "hash": false, "licenseCount": 1, "lock": true})),
        ResponseTemplate::new(201)
            .insert_header("location", format!("{}/api/v1/credentials/e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu", server.uri()).as_str())
            .set_body_json(json!({"id": "e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu", "username": "bob", "usage": 0, "hashed": false, "locked": true})),
    )
    .await;
    let created = client
        .create_credential(
            CreateCredential::new("bob", "3mawrk")
                .with_hash(false)
                .with_license_count(1)
                .with_lock(true),
        )
        .await
        .unwrap();
    assert_eq!(
        created.id().unwrap().as_str(),
        "e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu"
    );
    assert!(
        created
            .location
            .unwrap()
            .ends_with("/credentials/e7MCEXNCGmRDRX3BF71tJAoAiLVpvsu")
    );
    server.verify().await;
}

#[tokio::test]
async fn get_credential_percent_encodes_the_id() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/credentials/a%2Fb",
        &[],
        Sent::Nothing,
        ok_json(json!({"id": "a/b", "username": "alice", "hashed": true, "password": null})),
    )
    .await;
    let credential = client.credential("a/b").await.unwrap();
    assert_eq!(credential.hashed, Some(true));
    assert_eq!(credential.password, None);
    server.verify().await;
}

#[tokio::test]
async fn update_credential() {
    let (server, client) = server().await;
    expect(
        &server,
        "PUT",
        "/credentials/LAow0Rksa",
        &[],
        Sent::Json(json!({"username": "bob", "password": "n3w", "hash": true, "lock": false})),
        no_content(),
    )
    .await;
    client
        .update_credential(
            UpdateCredential::new(cid("LAow0Rksa"), "bob", "n3w")
                .with_hash(true)
                .with_lock(false),
        )
        .await
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn delete_credential() {
    let (server, client) = server().await;
    expect(
        &server,
        "DELETE",
        "/credentials/LAow0Rksa",
        &[],
        Sent::Nothing,
        no_content(),
    )
    .await;
    client.delete_credential("LAow0Rksa").await.unwrap();
    server.verify().await;
}

// --- Users ------------------------------------------------------------------------------

#[tokio::test]
async fn list_users() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/users",
        &[("filterCredential", "LAow0Rksa"), ("filterUsername", "alice"), ("filterQuery", "Al Ice"), ("pageSize", "5000")],
        Sent::Nothing,
        ok_json(json!({"users": [{"id": "USER001", "_links": [
            {"ref": "credential", "link": "https://work.threema.ch/api/v1/credentials/LAow0Rksa"}]}]})),
    )
    .await;
    let index = client
        .list_users(
            ListUsers::new()
                .with_filter_credential(cid("LAow0Rksa"))
                .with_filter_username("alice")
                .with_filter_query("Al Ice")
                .with_page_size(5000),
        )
        .await
        .unwrap();
    assert_eq!(
        index.users[0].credential_id().unwrap().as_str(),
        "LAow0Rksa"
    );
    server.verify().await;
}

#[tokio::test]
async fn get_user() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/users/B4UXXX11",
        &[],
        Sent::Nothing,
        ok_json(json!({"id": "B4UXXX11", "nickname": "Alice", "version": "android - 3.1k"})),
    )
    .await;
    let user = client.user("B4UXXX11").await.unwrap();
    assert_eq!(user.nickname.as_deref(), Some("Alice"));
    server.verify().await;
}

#[tokio::test]
async fn revoke_user() {
    let (server, client) = server().await;
    expect(
        &server,
        "DELETE",
        "/users/B4UXXX11",
        &[],
        Sent::Nothing,
        no_content(),
    )
    .await;
    client.revoke_user("B4UXXX11").await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn detach_user() {
    let (server, client) = server().await;
    expect(
        &server,
        "POST",
        "/users/B4UXXX11/detach",
        &[],
        Sent::Nothing,
        no_content(),
    )
    .await;
    client.detach_user("B4UXXX11").await.unwrap();
    server.verify().await;
}

// --- Contacts ---------------------------------------------------------------------------

#[tokio::test]
async fn list_contacts() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/contacts",
        &[("filterCategory", "yyyyyyyyyy"), ("page", "0")],
        Sent::Nothing,
        ok_json(json!({"contacts": [{"id": "*THREEMA", "type": "custom", "enabled": false}]})),
    )
    .await;
    let index = client
        .list_contacts(
            ListContacts::new()
                .with_filter_category("yyyyyyyyyy")
                .with_page(0),
        )
        .await
        .unwrap();
    assert!(index.contacts[0].threema_id.as_ref().unwrap().is_gateway());
    server.verify().await;
}

#[tokio::test]
async fn create_contact() {
    let (server, client) = server().await;
    expect(
        &server,
        "POST",
        "/contacts",
        &[],
        Sent::Json(json!({"threemaId": "B4UXXX11", "firstName": "Echo", "lastName": "Ohce", "enabled": true})),
        ResponseTemplate::new(201).insert_header("location", "https://work.threema.ch/api/v1/contacts/B4UXXX11"),
    )
    .await;
    let created = client
        .create_contact(
            CreateContact::new(tid("B4UXXX11"))
                .with_name("Echo", "Ohce")
                .with_enabled(true),
        )
        .await
        .unwrap();
    assert_eq!(
        created.location.as_deref(),
        Some("https://work.threema.ch/api/v1/contacts/B4UXXX11")
    );
    server.verify().await;
}

#[tokio::test]
async fn get_contact_keeps_the_star_of_gateway_ids() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/contacts/*THREEMA",
        &[],
        Sent::Nothing,
        ok_json(json!({"threemaId": "*THREEMA", "type": "custom", "firstName": "Threema"})),
    )
    .await;
    let contact = client.contact("*THREEMA").await.unwrap();
    assert_eq!(contact.first_name.as_deref(), Some("Threema"));
    server.verify().await;
}

#[tokio::test]
async fn update_contact() {
    let (server, client) = server().await;
    expect(&server, "PUT", "/contacts/B4UXXX11", &[],
        Sent::Json(json!({"firstName": "Echo", "lastName": "Ohce", "enabled": false, "directory_enabled": true})),
        no_content()).await;
    client
        .update_contact(UpdateContact::new(tid("B4UXXX11"), "Echo", "Ohce", false))
        .await
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn delete_contact() {
    let (server, client) = server().await;
    expect(
        &server,
        "DELETE",
        "/contacts/B4UXXX11",
        &[],
        Sent::Nothing,
        no_content(),
    )
    .await;
    client.delete_contact("B4UXXX11").await.unwrap();
    server.verify().await;
}

// --- Contact categories -----------------------------------------------------------------

#[tokio::test]
async fn list_contact_categories() {
    let (server, client) = server().await;
    expect(&server, "GET", "/contacts/ECHOECHO/categories", &[("pageSize", "2")], Sent::Nothing,
        ok_json(json!({"categories": [{"id": "yyyyyyyyyy", "name": "Category 1 by MDM", "source": "mdm"}]}))).await;
    let index = client
        .list_contact_categories(ListContactCategories::new(tid("ECHOECHO")).with_page_size(2))
        .await
        .unwrap();
    assert_eq!(
        index.categories[0].name.as_deref(),
        Some("Category 1 by MDM")
    );
    server.verify().await;
}

#[tokio::test]
async fn show_contact_category() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/contact-categories/ECHOECHO",
        &[],
        Sent::Nothing,
        ok_json(json!({"categories": [{"id": "x", "name": "Category 2", "source": "custom"}]})),
    )
    .await;
    let detail = client.contact_category("ECHOECHO").await.unwrap();
    assert_eq!(detail.categories()[0].id.as_deref(), Some("x"));
    server.verify().await;
}

// --- Global app configuration -------------------------------------------------------------

#[tokio::test]
async fn list_global_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/mdm",
        &[],
        Sent::Nothing,
        ok_json(json!({"parameters": [{"name": "th_nickname", "value": "J.W."}]})),
    )
    .await;
    let index = client.global_mdm().await.unwrap();
    assert_eq!(index.parameters[0].value, Some(MdmValue::from("J.W.")));
    server.verify().await;
}

#[tokio::test]
async fn set_global_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "POST",
        "/mdm",
        &[],
        Sent::Json(json!({"property": "th_firstname", "value": "Peter Schreiner"})),
        no_content(),
    )
    .await;
    client
        .set_global_mdm("th_firstname", "Peter Schreiner")
        .await
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn get_global_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/mdm/th_disable_screenshots",
        &[],
        Sent::Nothing,
        ok_json(json!({"id": "th_disable_screenshots", "value": true})),
    )
    .await;
    let setting = client
        .global_mdm_setting("th_disable_screenshots")
        .await
        .unwrap();
    assert_eq!(setting.value, Some(MdmValue::Bool(true)));
    server.verify().await;
}

#[tokio::test]
async fn update_global_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "PUT",
        "/mdm/th_nickname",
        &[],
        Sent::Json(json!({"value": 9})),
        ok_json(json!({"name": "th_nickname", "value": 9})),
    )
    .await;
    let object = client.update_global_mdm("th_nickname", 9).await.unwrap();
    assert_eq!(object.value, Some(MdmValue::Int(9)));
    server.verify().await;
}

#[tokio::test]
async fn delete_global_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "DELETE",
        "/mdm/th_nickname",
        &[],
        Sent::Nothing,
        no_content(),
    )
    .await;
    client.delete_global_mdm("th_nickname").await.unwrap();
    server.verify().await;
}

// --- Individual app configuration ---------------------------------------------------------

#[tokio::test]
async fn list_credential_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/credentials/LAow0Rksa/mdm",
        &[],
        Sent::Nothing,
        ok_json(json!({"parameters": [{"name": "th_disable_screenshots", "value": true}]})),
    )
    .await;
    let index = client.credential_mdm("LAow0Rksa").await.unwrap();
    assert_eq!(
        index.parameters[0].name.as_ref().unwrap().as_str(),
        "th_disable_screenshots"
    );
    server.verify().await;
}

#[tokio::test]
async fn set_credential_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "POST",
        "/credentials/LAow0Rksa/mdm",
        &[],
        Sent::Json(json!({"property": "th_firstname", "value": "Peter Schreiner"})),
        no_content(),
    )
    .await;
    client
        .set_credential_mdm("LAow0Rksa", "th_firstname", "Peter Schreiner")
        .await
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn get_credential_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "GET",
        "/credentials/LAow0Rksa/mdm/th_nickname",
        &[],
        Sent::Nothing,
        ok_json(json!({"name": "th_nickname", "value": "Alice"})),
    )
    .await;
    let setting = client
        .credential_mdm_setting("LAow0Rksa", "th_nickname")
        .await
        .unwrap();
    assert_eq!(setting.value, Some(MdmValue::from("Alice")));
    server.verify().await;
}

#[tokio::test]
async fn update_credential_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "PUT",
        "/credentials/LAow0Rksa/mdm/th_nickname",
        &[],
        Sent::Json(json!({"value": false})),
        ok_json(json!({"name": "th_nickname", "value": false})),
    )
    .await;
    let object = client
        .update_credential_mdm("LAow0Rksa", "th_nickname", false)
        .await
        .unwrap();
    assert_eq!(object.value, Some(MdmValue::Bool(false)));
    server.verify().await;
}

#[tokio::test]
async fn delete_credential_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "DELETE",
        "/credentials/LAow0Rksa/mdm/th_nickname",
        &[],
        Sent::Nothing,
        no_content(),
    )
    .await;
    client
        .delete_credential_mdm("LAow0Rksa", "th_nickname")
        .await
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn bulk_get_credential_mdm() {
    let (server, client) = server().await;
    expect(&server, "GET", "/mdm-bulk", &[("pageSize", "500"), ("page", "3")], Sent::Nothing,
        ok_json(json!({"credentials": [{"id": "LAow0Rksa", "parameters": [{"name": "th_nickname", "value": "Bob"}]}],
                       "paging": {"count": 1, "total": 1, "page": 3}}))).await;
    let list = client
        .bulk_get_credential_mdm(BulkGetCredentialMdm::new().with_page_size(500).with_page(3))
        .await
        .unwrap();
    assert_eq!(
        list.credentials[0].parameters[0].value,
        Some(MdmValue::from("Bob"))
    );
    server.verify().await;
}

#[tokio::test]
async fn bulk_update_credential_mdm() {
    let (server, client) = server().await;
    expect(
        &server,
        "POST",
        "/mdm-bulk",
        &[],
        Sent::Json(json!({"credentials": [
            {"id": "LAow0Rksa", "parameters": [{"name": "th_nickname", "value": "Bob"}, {"name": "th_disable_screenshots", "value": false}]},
            {"id": "pwq4Kslw", "parameters": []}
        ]})),
        no_content(),
    )
    .await;
    client
        .bulk_update_credential_mdm(vec![
            CredentialSettings::new(cid("LAow0Rksa"), vec![])
                .with(prop("th_nickname"), "Bob")
                .with(prop("th_disable_screenshots"), false),
            CredentialSettings::new(cid("pwq4Kslw"), vec![]),
        ])
        .await
        .unwrap();
    server.verify().await;
}

// --- Logos ------------------------------------------------------------------------------

#[tokio::test]
async fn get_logo() {
    let (server, client) = server().await;
    let image = png(680, 80);
    expect(
        &server,
        "GET",
        "/logos/dark",
        &[],
        Sent::Nothing,
        ResponseTemplate::new(200).set_body_raw(image.clone(), "image/png"),
    )
    .await;
    assert_eq!(client.logo(LogoVariant::Dark).await.unwrap(), image);
    server.verify().await;
}

#[tokio::test]
async fn update_logo_sends_the_raw_png() {
    let (server, client) = server().await;
    let image = png(1360, 160);
    expect(
        &server,
        "PUT",
        "/logos/light",
        &[],
        Sent::Png(image.clone()),
        no_content(),
    )
    .await;
    client
        .update_logo(LogoVariant::Light, LogoPng::new(image).unwrap())
        .await
        .unwrap();
    server.verify().await;
}

#[tokio::test]
async fn delete_logo() {
    let (server, client) = server().await;
    expect(
        &server,
        "DELETE",
        "/logos/light",
        &[],
        Sent::Nothing,
        no_content(),
    )
    .await;
    client.delete_logo(LogoVariant::Light).await.unwrap();
    server.verify().await;
}

// --- Across operations ------------------------------------------------------------------

#[tokio::test]
async fn paged_stream_sends_no_page_first_then_the_next_numbers() {
    let (server, client) = server().await;
    expect(&server, "GET", "/users", &[("pageSize", "2")], Sent::Nothing,
        ok_json(json!({"users": [{"id": "AAAAAAAA"}, {"id": "BBBBBBBB"}], "paging": {"total": 3, "page": 1}}))).await;
    expect(
        &server,
        "GET",
        "/users",
        &[("pageSize", "2"), ("page", "2")],
        Sent::Nothing,
        ok_json(json!({"users": [{"id": "CCCCCCCC"}], "paging": {"total": 3, "page": 2}})),
    )
    .await;
    let users: Vec<_> = client
        .list_users_all(ListUsers::new().with_page_size(2))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = users
        .iter()
        .map(|u| u.id.as_ref().unwrap().as_str())
        .collect();
    assert_eq!(ids, ["AAAAAAAA", "BBBBBBBB", "CCCCCCCC"]);
    server.verify().await;
}

#[tokio::test]
async fn invalid_input_sends_nothing() {
    let (server, client) = server().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(no_content())
        .expect(0)
        .mount(&server)
        .await;
    assert!(client.user("echoecho").await.is_err());
    assert!(
        client
            .list_users(ListUsers::new().with_page_size(0))
            .await
            .is_err()
    );
    assert!(client.set_global_mdm("nickname", 1).await.is_err());
    assert!(client.update_subscription("").await.is_err());
    assert!(
        client
            .bulk_get_credential_mdm(BulkGetCredentialMdm::new().with_page_size(501))
            .await
            .is_err()
    );
    let too_many = vec![CredentialSettings::new(cid("c"), vec![]); 1001];
    assert!(client.bulk_update_credential_mdm(too_many).await.is_err());
    assert!(LogoPng::new(png(679, 80)).is_err());
    assert!(
        client
            .create_credential(CreateCredential::new("bob", ""))
            .await
            .is_err()
    );
    server.verify().await;
}
