//! An admin's tour of the Threema Work API against the crate's own fake server: list the
//! users with the credentials they activated with, then set a global app configuration value.
//!
//! Run it with `cargo run -p threema-work --features testkit --example threema-work-demo` (or
//! `cargo xtask demo`). Against the real API, build the client with `Client::new(api_key)`
//! instead of `fake.client()`; everything else stays the same.

#![allow(clippy::print_stdout)] // a demo prints what it does

use futures_util::TryStreamExt;
use threema_work::api::credentials::CreateCredential;
use threema_work::api::users::ListUsers;
use threema_work::testkit::{FakeThreemaWork, FakeUser};
use threema_work::{Client, Error};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let fake = FakeThreemaWork::builder()
        .credential_credits(5)
        .start()
        .await;
    println!("Fake Threema Work API at {}", fake.uri());

    // Users appear when the app is activated; the fake is seeded with a few.
    let sales = fake.add_credential("sales", "s4les-pw");
    let ops = fake.add_credential("ops", "0ps-pw");
    fake.insert_user(
        FakeUser::new("ALICE001", Some(sales.clone()))
            .with_nickname("Alice")
            .with_version("android - 5.2"),
    );
    fake.insert_user(
        FakeUser::new("BOB00001", Some(sales))
            .with_nickname("Bob")
            .with_version("ios - 5.1"),
    );
    fake.insert_user(FakeUser::new("CAROL001", Some(ops)).with_name("Carol", "Ops"));
    fake.insert_user(FakeUser::new("DAVE0001", None).with_nickname("Dave"));

    let client = fake.client()?;
    show_subscription(&client).await?;

    // A credential created through the API, as an admin would for a new team.
    let created = client
        .create_credential(CreateCredential::new("support", "supp0rt-pw").with_lock(true))
        .await?;
    println!(
        "\nCreated credential {:?} for \"support\" (201, Location {})",
        created.id().map(|id| id.into_string()).unwrap_or_default(),
        created.location.as_deref().unwrap_or("-")
    );

    list_users_with_credentials(&client).await?;

    client
        .set_global_mdm("th_disable_screenshots", true)
        .await?;
    println!("\nSet global app configuration: th_disable_screenshots = true");
    println!("Global app configuration now:");
    for setting in client.global_mdm().await?.parameters {
        let name = setting.name.map(|n| n.into_string()).unwrap_or_default();
        let value = setting.value.map(|v| v.to_string()).unwrap_or_default();
        println!("  {name:<24} = {value}");
    }

    // What errors look like: caught before sending, and from the server.
    if let Err(error) = client.user("not-an-id").await {
        println!("\nRefused before sending: {error}");
    }
    if let Err(error) = client.user("ZZZZZZZZ").await {
        println!("From the server:        {error}");
    }

    println!(
        "\nClient-side quota: {} of {} requests used today.",
        client.quota_used().unwrap_or(0),
        threema_work::DAILY_REQUEST_LIMIT
    );
    Ok(())
}

async fn show_subscription(client: &Client) -> Result<(), Error> {
    let sub = client.subscription().await?;
    println!(
        "Subscription {:?}: {} ({}), {} licences, valid until {}",
        sub.id.unwrap_or_default(),
        sub.name.unwrap_or_default(),
        sub.kind.map(|k| k.to_string()).unwrap_or_default(),
        sub.license_amount.unwrap_or(0),
        sub.valid_until.map(|t| t.to_string()).unwrap_or_default(),
    );
    Ok(())
}

async fn list_users_with_credentials(client: &Client) -> Result<(), Error> {
    // Two per page, to show the stream walking pages.
    let users: Vec<_> = client
        .list_users_all(ListUsers::new().with_page_size(2))
        .try_collect()
        .await?;
    println!(
        "\nUsers and the credentials they activated with ({} users, 2 per page):",
        users.len()
    );
    for user in &users {
        let id = user.id.as_ref().map(|id| id.as_str()).unwrap_or("?");
        let who = user
            .nickname
            .clone()
            .or_else(|| user.first_name.clone())
            .unwrap_or_else(|| "-".into());
        let credential = match client.credential_of(user).await? {
            Some(c) => format!(
                "{} (\"{}\", used by {} ID{})",
                c.id.map(|id| id.into_string()).unwrap_or_default(),
                c.username.unwrap_or_default(),
                c.usage.unwrap_or(0),
                if c.usage == Some(1) { "" } else { "s" }
            ),
            None => "no credential link".into(),
        };
        let version = user.version.as_deref().unwrap_or("-");
        println!("  {id}  {who:<6} {version:<14} → {credential}");
    }
    Ok(())
}
