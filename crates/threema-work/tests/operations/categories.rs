//! `GET /contacts/{threemaId}/categories` and `GET /contact-categories/{threemaId}`.

use super::*;
use futures_util::TryStreamExt;
use threema_work::api::categories::ListContactCategories;
use threema_work::model::{CategorySource, ThreemaId};
use threema_work::testkit::FakeContact;

#[tokio::test]
async fn list_contact_categories() {
    let (fake, client) = fake().await;
    fake.insert_contact(FakeContact::custom("ECHOECHO"));
    fake.add_category("m1", "Category 1 by MDM", "mdm");
    fake.add_category("c2", "Category 2", "custom");
    fake.add_category("c3", "Unused", "custom");
    fake.assign_category("ECHOECHO", "m1");
    fake.assign_category("ECHOECHO", "c2");
    let request = ListContactCategories::new(ThreemaId::new("ECHOECHO").unwrap()).with_page_size(1);
    let first = client
        .list_contact_categories(request.clone())
        .await
        .unwrap();
    assert_eq!(first.categories.len(), 1);
    assert_eq!(first.categories[0].source, Some(CategorySource::Mdm));
    assert_eq!(first.categories[0].enabled, Some(true));
    let all: Vec<_> = client
        .list_contact_categories_all(request)
        .try_collect()
        .await
        .unwrap();
    let names: Vec<_> = all.iter().map(|c| c.name.clone().unwrap()).collect();
    assert_eq!(names, ["Category 1 by MDM", "Category 2"]);
    assert_status(
        intruder(&fake)
            .list_contact_categories(ListContactCategories::new(
                ThreemaId::new("ECHOECHO").unwrap(),
            ))
            .await,
        401,
        ApiErrorKind::Unauthorized,
    );
}

#[tokio::test]
async fn show_contact_category() {
    let (fake, client) = fake().await;
    fake.insert_contact(FakeContact::custom("ECHOECHO"));
    fake.add_category("c2", "Category 2", "custom");
    fake.assign_category("ECHOECHO", "c2");
    let detail = client.contact_category("ECHOECHO").await.unwrap();
    assert_eq!(detail.categories()[0].id.as_deref(), Some("c2"));
    assert!(detail.raw["_links"].is_array());
    assert_status(
        intruder(&fake).contact_category("ECHOECHO").await,
        401,
        ApiErrorKind::Unauthorized,
    );
    assert_status(
        client.contact_category("NOBODY00").await,
        404,
        ApiErrorKind::NotFound,
    );
}
