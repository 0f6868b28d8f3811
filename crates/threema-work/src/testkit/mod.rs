//! Test helpers (feature `testkit`): [`FakeThreemaWork`], a stateful fake of the Threema Work
//! API for your own tests.
//!
//! The fake runs on 127.0.0.1 (on wiremock, in a thread of its own) and keeps real state:
//! subscription, credentials (with credits), users, contacts, categories, global and
//! individual app configuration, and logos. It answers with the API's status codes — `201` +
//! `Location`, `204`, `400`, `401` for a wrong key, `403` when no credential credits are left,
//! `404`, `422` (no body), and `429` once its own daily counter passes its quota — with
//! `{"error": "…"}` bodies, and pages lists with `pageSize`/`page`.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> threema_work::Result<()> {
//! use threema_work::testkit::FakeThreemaWork;
//! use threema_work::{ApiErrorKind, api::credentials::CreateCredential};
//!
//! let fake = FakeThreemaWork::builder().credential_credits(1).start().await;
//! let client = fake.client()?;
//!
//! let created = client.create_credential(CreateCredential::new("alice", "s3cret")).await?;
//! assert_eq!(fake.credential(created.id().as_ref().unwrap()).unwrap().username, "alice");
//!
//! // No credits left: the fake answers 403, like the real server.
//! let err = client.create_credential(CreateCredential::new("bob", "pw")).await.unwrap_err();
//! assert_eq!(err.api_kind(), Some(ApiErrorKind::Forbidden));
//! # Ok(())
//! # }
//! ```
//!
//! Numbering and spelling are configurable through [`FakeThreemaWorkBuilder`], so tests can
//! check a client against the variations live servers show: pages counted from 0 or 1,
//! `paging.page` left out, a `paging.total` that lies, `rel` instead of `ref` in links, `id`
//! or `threemaId` on contacts, `{"message": …}` error bodies, a capitalised subscription type,
//! and a contact update that insists on `directory_enabled`.

mod routes;
mod state;

use crate::client::{Client, ClientBuilder};
use crate::model::{CredentialId, LogoVariant};
use bytes::Bytes;
use state::{CategoryRecord, ContactRecord, CredentialRecord, Options, State, UserRecord};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use wiremock::{Mock, MockServer};

pub use state::{FakeContact, FakeCredential, FakeUser};

/// The API key a fake accepts unless told otherwise.
pub const DEFAULT_API_KEY: &str = "fake-threema-work-api-key";

/// The start of a PNG image of `width` × `height` pixels — signature and `IHDR` chunk, no
/// image data — which is all [`LogoPng`](crate::model::LogoPng) and the fake's logo upload
/// read.
///
/// ```
/// use threema_work::model::LogoPng;
/// let logo = LogoPng::new(threema_work::testkit::png(680, 80))?;
/// assert_eq!((logo.width(), logo.height()), (680, 80));
/// # Ok::<(), threema_work::ValidationError>(())
/// ```
pub fn png(width: u32, height: u32) -> Vec<u8> {
    crate::validate::png_header(width, height)
}

/// The path prefix the fake serves the API under, like the real server.
const API_PATH: &str = "/api/v1";

/// A stateful fake Threema Work server. See the [module docs](self).
#[derive(Debug)]
pub struct FakeThreemaWork {
    server: MockServer,
    state: Arc<Mutex<State>>,
    api_key: String,
}

/// Configures a [`FakeThreemaWork`].
#[derive(Debug, Clone)]
#[must_use]
pub struct FakeThreemaWorkBuilder {
    options: Options,
}

impl FakeThreemaWorkBuilder {
    /// The API key the fake accepts (default [`DEFAULT_API_KEY`]).
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.options.api_key = key.into();
        self
    }

    /// The number of the first page (default 0).
    pub fn page_base(mut self, base: u32) -> Self {
        self.options.page_base = base;
        self
    }

    /// Whether `paging.page` is sent (default true).
    pub fn report_page(mut self, report: bool) -> Self {
        self.options.report_page = report;
        self
    }

    /// Sends this `paging.total` instead of the true count (a server that lies).
    pub fn total_override(mut self, total: Option<u64>) -> Self {
        self.options.total_override = total;
        self
    }

    /// The key naming a link's relation: `"ref"` (default, the schema) or `"rel"`.
    pub fn link_key(mut self, key: impl Into<String>) -> Self {
        self.options.link_key = key.into();
        self
    }

    /// The key of a contact's Threema ID in `GET /contacts` items: `"id"` (default, as the
    /// spec example and live servers) or `"threemaId"` (the schema).
    pub fn contact_list_id_key(mut self, key: impl Into<String>) -> Self {
        self.options.contact_list_id_key = key.into();
        self
    }

    /// The key of error bodies: `"error"` (default, API 1.7) or `"message"` (API 1.4).
    pub fn error_key(mut self, key: impl Into<String>) -> Self {
        self.options.error_key = key.into();
        self
    }

    /// Requests allowed per day before the fake answers 429 (default 10,000).
    pub fn daily_quota(mut self, requests: u64) -> Self {
        self.options.daily_quota = requests;
        self
    }

    /// Credential credits: credentials that may still be created before 403 (default 100).
    pub fn credential_credits(mut self, credits: u64) -> Self {
        self.options.credential_credits = credits;
        self
    }

    /// Whether `PUT /contacts/{threemaId}` answers 400 without `directory_enabled`, as one
    /// production client observed (default false).
    pub fn require_directory_enabled(mut self, require: bool) -> Self {
        self.options.require_directory_enabled = require;
        self
    }

    /// The subscription's `type` as sent (default `"professional"`).
    pub fn subscription_type(mut self, kind: impl Into<String>) -> Self {
        self.options.subscription_type = kind.into();
        self
    }

    /// Starts the fake on 127.0.0.1.
    pub async fn start(self) -> FakeThreemaWork {
        let server = MockServer::start().await;
        let api_key = self.options.api_key.clone();
        let base = format!("{}{API_PATH}", server.uri());
        let state = Arc::new(Mutex::new(State::new(self.options, base)));
        Mock::given(wiremock::matchers::any())
            .respond_with(routes::Responder::new(state.clone()))
            .named("FakeThreemaWork")
            .mount(&server)
            .await;
        FakeThreemaWork {
            server,
            state,
            api_key,
        }
    }
}

impl FakeThreemaWork {
    /// A fake with the defaults.
    pub async fn start() -> Self {
        Self::builder().start().await
    }

    /// A builder for a configured fake.
    pub fn builder() -> FakeThreemaWorkBuilder {
        FakeThreemaWorkBuilder {
            options: Options::default(),
        }
    }

    /// The base URL of the fake API (`http://127.0.0.1:<port>/api/v1`).
    pub fn uri(&self) -> String {
        format!("{}{API_PATH}", self.server.uri())
    }

    /// The API key the fake accepts.
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// A client builder set up for the fake: its base URL and key, no timeouts (so tests may
    /// pause tokio time) and no proxy. Quota and retry are the client's defaults.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder(self.api_key.as_str())
            .base_url(self.uri())
            .http(|b| b.without_timeouts().no_proxy())
    }

    /// A client for the fake (see [`client_builder`](Self::client_builder)).
    ///
    /// # Errors
    ///
    /// As [`ClientBuilder::build`] (e.g. the fake was given an empty API key).
    pub fn client(&self) -> crate::Result<Client> {
        self.client_builder().build()
    }

    /// The underlying wiremock server (e.g. for [`MockServer::received_requests`]).
    pub fn mock_server(&self) -> &MockServer {
        &self.server
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    // --- Seeding ----------------------------------------------------------------------

    /// Adds a credential (no credits are used) and returns its id.
    pub fn add_credential(
        &self,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> CredentialId {
        let mut state = self.state();
        let id = state.next_credential_id();
        state.credentials.push(CredentialRecord::new(
            id.clone(),
            username.into(),
            password.into(),
        ));
        id
    }

    /// Adds a user with Threema ID `id`, activated with `credential`.
    pub fn add_user(&self, id: impl Into<String>, credential: &CredentialId) {
        self.insert_user(FakeUser::new(id, Some(credential.clone())));
    }

    /// Adds a user with all its details.
    pub fn insert_user(&self, user: FakeUser) {
        self.state().users.push(user);
    }

    /// Adds many users at once.
    pub fn insert_users(&self, users: impl IntoIterator<Item = FakeUser>) {
        self.state().users.extend(users);
    }

    /// Adds a contact.
    pub fn insert_contact(&self, contact: FakeContact) {
        self.state().contacts.push(contact);
    }

    /// Adds a category (`source` is `custom` or `mdm`).
    pub fn add_category(
        &self,
        id: impl Into<String>,
        name: impl Into<String>,
        source: impl Into<String>,
    ) {
        self.state().categories.push(CategoryRecord {
            id: id.into(),
            name: name.into(),
            source: source.into(),
        });
    }

    /// Puts contact `threema_id` in category `category_id`.
    pub fn assign_category(&self, threema_id: impl Into<String>, category_id: impl Into<String>) {
        self.state()
            .contact_categories
            .entry(threema_id.into())
            .or_default()
            .push(category_id.into());
    }

    /// Sets a global setting.
    pub fn set_global_mdm(&self, name: impl Into<String>, value: serde_json::Value) {
        self.state().global_mdm.insert(name.into(), value);
    }

    /// Sets an individual setting of credential `id`.
    pub fn set_credential_mdm(
        &self,
        id: &CredentialId,
        name: impl Into<String>,
        value: serde_json::Value,
    ) {
        self.state()
            .credential_mdm
            .entry(id.to_string())
            .or_default()
            .insert(name.into(), value);
    }

    /// Sets a logo (the bytes are not checked).
    pub fn set_logo(&self, variant: LogoVariant, png: impl Into<Bytes>) {
        self.state().logos.insert(variant.as_str(), png.into());
    }

    /// Sets the credential credits left.
    pub fn set_credential_credits(&self, credits: u64) {
        self.state().credits = credits;
    }

    /// Sets the daily quota.
    pub fn set_daily_quota(&self, requests: u64) {
        self.state().options.daily_quota = requests;
    }

    /// Starts a new day: the daily counter goes back to zero. (The fake also starts one
    /// after 24 hours of real time; its thread does not see a test's paused tokio clock.)
    pub fn start_new_day(&self) {
        self.state().day.reset();
    }

    // --- Inspection -------------------------------------------------------------------

    /// Requests received in the current day (over the quota included).
    pub fn requests_today(&self) -> u64 {
        self.state().day.count
    }

    /// Credential credits left.
    pub fn credential_credits(&self) -> u64 {
        self.state().credits
    }

    /// The subscription's name.
    pub fn subscription_name(&self) -> String {
        self.state().subscription_name.clone()
    }

    /// The credential `id`, if it exists.
    pub fn credential(&self, id: &CredentialId) -> Option<FakeCredential> {
        self.state()
            .credential(id.as_str())
            .map(CredentialRecord::snapshot)
    }

    /// The credential with this username, if any.
    pub fn credential_by_username(&self, username: &str) -> Option<FakeCredential> {
        let state = self.state();
        state
            .credentials
            .iter()
            .find(|c| c.username == username)
            .map(CredentialRecord::snapshot)
    }

    /// The number of credentials.
    pub fn credential_count(&self) -> usize {
        self.state().credentials.len()
    }

    /// The user `id`, if it exists.
    pub fn user(&self, id: &str) -> Option<FakeUser> {
        self.state().user(id).map(UserRecord::snapshot)
    }

    /// The number of users.
    pub fn user_count(&self) -> usize {
        self.state().users.len()
    }

    /// The contact `threema_id`, if it exists.
    pub fn contact(&self, threema_id: &str) -> Option<FakeContact> {
        self.state()
            .contact(threema_id)
            .map(ContactRecord::snapshot)
    }

    /// A global setting's value.
    pub fn global_mdm(&self, name: &str) -> Option<serde_json::Value> {
        self.state().global_mdm.get(name).cloned()
    }

    /// An individual setting's value.
    pub fn credential_mdm(&self, id: &CredentialId, name: &str) -> Option<serde_json::Value> {
        self.state()
            .credential_mdm
            .get(id.as_str())
            .and_then(|settings| settings.get(name))
            .cloned()
    }

    /// A logo's bytes.
    pub fn logo(&self, variant: LogoVariant) -> Option<Bytes> {
        self.state().logos.get(variant.as_str()).cloned()
    }
}
