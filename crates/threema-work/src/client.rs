//! [`Client`], its [`ClientBuilder`] and the client-side [`Quota`].

use crate::api::WorkRequest;
use crate::api::categories::{
    ContactCategoryDetail, ContactCategoryIndex, GetContactCategory, ListContactCategories,
};
use crate::api::contacts::{
    ContactIndex, CreateContact, CreatedContact, DeleteContact, GetContact, ListContacts,
    UpdateContact,
};
use crate::api::credential_mdm::{
    BulkGetCredentialMdm, BulkUpdateCredentialMdm, CredentialMdmList, CredentialMdmPropertyIndex,
    CredentialSettings, DeleteCredentialMdm, GetCredentialMdm, ListCredentialMdm, SetCredentialMdm,
    UpdateCredentialMdm,
};
use crate::api::credentials::{
    CreateCredential, CreatedCredential, CredentialIndex, DeleteCredential, GetCredential,
    ListCredentials, UpdateCredential,
};
use crate::api::logos::{DeleteLogo, GetLogo, UpdateLogo};
use crate::api::mdm::{
    DeleteGlobalMdm, GetGlobalMdm, ListGlobalMdm, SetGlobalMdm, SubscriptionMdmPropertyIndex,
    UpdateGlobalMdm,
};
use crate::api::subscription::{GetSubscription, UpdateSubscription};
use crate::api::users::{DetachUser, GetUser, ListUsers, RevokeUser, UserIndex};
use crate::model::{
    Category, Contact, Credential, CredentialId, CredentialMdmParameters, CredentialMdmProperty,
    LogoPng, LogoVariant, MdmObject, MdmProperty, MdmValue, Subscription, SubscriptionMdmProperty,
    ThreemaId, User,
};
use crate::pagination::{self, Paged};
use crate::validate::{ValidationError, ValidationErrorKind};
use crate::{Error, Result};
use bytes::Bytes;
use futures_util::stream::BoxStream;
use std::time::Duration;
use transport_core::http::{
    Attempt, Auth, HeaderValue, HttpClient, HttpClientBuilder, HttpOptions, RetryDecision,
    RetryPolicy, default_classifier,
};
use transport_core::{RateLimiter, Secret, WhenLimited};

/// The API's base URL.
pub const DEFAULT_BASE_URL: &str = "https://work.threema.ch/api/v1/";

/// The header that carries the API key.
pub const API_KEY_HEADER: &str = "X-Api-Key";

/// The server's limit: 10,000 requests per day.
pub const DAILY_REQUEST_LIMIT: u64 = 10_000;

/// One day.
const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// The client-side request quota: at most `requests` per `window`, counted from the first
/// request of each window (the server does not document when its day starts).
///
/// By default the client allows the server's own limit, 10,000 requests per day, and **fails
/// fast** once it is used up ([`Error::RateLimited`] with
/// [`RateLimitScope::ClientQuota`](crate::RateLimitScope::ClientQuota) and the time left),
/// rather than waiting up to a day. [`Quota::waiting`] makes it wait instead.
///
/// ```
/// use std::time::Duration;
/// use threema_work::Quota;
///
/// let quota = Quota::daily(5_000).waiting();
/// assert_eq!(quota.requests, 5_000);
/// assert_eq!(quota.window, Duration::from_secs(86_400));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Quota {
    /// Requests allowed per window.
    pub requests: u64,
    /// The window's length (one day by default).
    pub window: Duration,
    /// What a request beyond the quota does: fail at once (default) or wait for the next
    /// window.
    pub when_exhausted: WhenLimited,
}

impl Quota {
    /// `requests` per day, failing fast when used up.
    pub fn daily(requests: u64) -> Self {
        Self {
            requests,
            window: DAY,
            when_exhausted: WhenLimited::FailFast,
        }
    }

    /// The same quota over another window.
    #[must_use]
    pub fn with_window(mut self, window: Duration) -> Self {
        self.window = window;
        self
    }

    /// Requests beyond the quota wait for the next window.
    #[must_use]
    pub fn waiting(mut self) -> Self {
        self.when_exhausted = WhenLimited::Wait;
        self
    }

    /// Requests beyond the quota fail at once with [`Error::RateLimited`].
    #[must_use]
    pub fn failing_fast(mut self) -> Self {
        self.when_exhausted = WhenLimited::FailFast;
        self
    }

    /// A limiter enforcing this quota (share it between clients with
    /// [`ClientBuilder::rate_limiter`]).
    pub fn limiter(&self) -> RateLimiter {
        RateLimiter::builder()
            .quota(self.requests, self.window)
            .when_limited(self.when_exhausted)
            .build()
    }
}

impl Default for Quota {
    /// [`DAILY_REQUEST_LIMIT`] per day, failing fast.
    fn default() -> Self {
        Self::daily(DAILY_REQUEST_LIMIT)
    }
}

/// The default retry policy: transport-core's (three attempts, jittered backoff, only
/// idempotent calls after a response) except that **429 is never retried** — the server's
/// limit is per day, so waiting a few seconds does not help. Pass
/// [`RetryPolicy::default()`] to [`ClientBuilder::retry`] to retry 429s as well (honouring
/// `Retry-After`).
pub fn default_retry_policy() -> RetryPolicy {
    RetryPolicy::default().with_classifier(|attempt| match attempt {
        Attempt::Response(response) if response.status.as_u16() == 429 => RetryDecision::Stop,
        other => default_classifier(other),
    })
}

/// A value that converts into a checked `T`: `T` itself, `&T`, or a string that is checked on
/// conversion (`"ECHOECHO"` for a [`ThreemaId`]).
pub trait IntoChecked<T> {
    /// The checked value.
    ///
    /// # Errors
    ///
    /// [`Error::Validation`] when the string is not a valid `T`.
    fn into_checked(self) -> Result<T>;
}

impl<T, I> IntoChecked<T> for I
where
    I: TryInto<T>,
    I::Error: Into<Error>,
{
    fn into_checked(self) -> Result<T> {
        self.try_into().map_err(Into::into)
    }
}

/// Builds a [`Client`].
#[must_use]
#[derive(Debug)]
pub struct ClientBuilder {
    api_key: Secret,
    base_url: String,
    user_agent: String,
    quota: Option<Quota>,
    limiter: Option<RateLimiter>,
    retry: RetryPolicy,
    http: HttpOptions,
}

impl ClientBuilder {
    fn new(api_key: Secret) -> Self {
        Self {
            api_key,
            base_url: DEFAULT_BASE_URL.to_owned(),
            user_agent: concat!("threema-work/", env!("CARGO_PKG_VERSION")).to_owned(),
            quota: Some(Quota::default()),
            limiter: None,
            retry: default_retry_policy(),
            http: HttpOptions::default(),
        }
    }

    /// The API's base URL (default [`DEFAULT_BASE_URL`]); a trailing `/` is added if missing.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The `User-Agent` (default `threema-work/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// The client-side quota (default: [`Quota::default`], 10,000 a day, failing fast).
    pub fn quota(mut self, quota: Quota) -> Self {
        self.quota = Some(quota);
        self.limiter = None;
        self
    }

    /// No client-side quota: every request goes to the server, which answers 429 past its
    /// limit.
    pub fn without_quota(mut self) -> Self {
        self.quota = None;
        self.limiter = None;
        self
    }

    /// Uses this limiter instead of a quota of the client's own, e.g. one [`Quota::limiter`]
    /// shared by every client using the same API key.
    pub fn rate_limiter(mut self, limiter: RateLimiter) -> Self {
        self.limiter = Some(limiter);
        self.quota = None;
        self
    }

    /// The retry policy (default: [`default_retry_policy`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Changes any HTTP option of the underlying [`HttpClientBuilder`]: timeouts (default
    /// 30 s per attempt, 10 s to connect), proxy, extra root certificates, ….
    ///
    /// ```
    /// # fn run() -> threema_work::Result<()> {
    /// use std::time::Duration;
    /// let client = threema_work::Client::builder("my-api-key")
    ///     .http(|b| b.timeout(Some(Duration::from_secs(5))).proxy("http://proxy.local:3128"))
    ///     .build()?;
    /// # let _ = client; Ok(()) }
    /// ```
    pub fn http(
        mut self,
        change: impl FnOnce(HttpClientBuilder) -> HttpClientBuilder + Send + 'static,
    ) -> Self {
        self.http.push(change);
        self
    }

    /// The client.
    ///
    /// # Errors
    ///
    /// [`Error::Validation`] for an empty API key, one with characters a header cannot carry
    /// (the key is never shown), or an unusable base URL, proxy or certificate;
    /// [`Error::Transport`] when the TLS backend cannot be set up.
    pub fn build(self) -> Result<Client> {
        if self.api_key.is_empty() || HeaderValue::from_str(self.api_key.expose()).is_err() {
            return Err(Error::Validation(ValidationError::new(
                "API key",
                ValidationErrorKind::Invalid {
                    reason: "must be non-empty and contain only characters allowed in an HTTP \
                             header"
                        .into(),
                },
            )));
        }
        let mut http = HttpClient::builder(&self.base_url)?
            .user_agent(self.user_agent)
            .auth(Auth::api_key(API_KEY_HEADER, self.api_key)?)
            .retry(self.retry)
            .error_message(crate::model::ErrorBody::message_of);
        if let Some(limiter) = self.limiter.or_else(|| self.quota.map(|q| q.limiter())) {
            http = http.rate_limiter(limiter);
        }
        let http = self.http.apply(http);
        Ok(Client {
            http: http.build()?,
        })
    }
}

/// A Threema Work API client: one API key, the base URL, the client-side quota and the retry
/// policy, over one connection pool. Cheap to clone; clones share the pool and the quota.
///
/// Every operation is a request type in [`api`](crate::api) sent with [`send`](Self::send);
/// the methods below are shortcuts that build the request and call `send`. Input is checked
/// before anything is sent ([`Error::Validation`]).
///
/// ```no_run
/// # async fn run() -> threema_work::Result<()> {
/// use futures_util::TryStreamExt;
/// use threema_work::{Client, api::users::ListUsers};
///
/// let client = Client::new("my-api-key")?;
/// let subscription = client.subscription().await?;
/// let users: Vec<_> = client.list_users_all(ListUsers::new().with_page_size(1000)).try_collect().await?;
/// client.set_global_mdm("th_disable_screenshots", true).await?;
/// # let _ = (subscription, users); Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Client {
    http: HttpClient,
}

impl Client {
    /// A client for the real API with `api_key` and the defaults.
    ///
    /// # Errors
    ///
    /// As [`ClientBuilder::build`].
    pub fn new(api_key: impl Into<Secret>) -> Result<Self> {
        Self::builder(api_key).build()
    }

    /// A builder with `api_key`.
    pub fn builder(api_key: impl Into<Secret>) -> ClientBuilder {
        ClientBuilder::new(api_key.into())
    }

    /// A client over an [`HttpClient`] configured by hand (its base URL, auth, limiter and
    /// retry policy are used as they are).
    pub fn from_http_client(http: HttpClient) -> Self {
        Self { http }
    }

    /// The underlying HTTP client: the escape hatch for requests this crate does not model
    /// ([`HttpClient::execute`]).
    pub fn http(&self) -> &HttpClient {
        &self.http
    }

    /// Requests counted against the client-side quota in its current window (`None` without
    /// a quota).
    pub fn quota_used(&self) -> Option<u64> {
        self.http.rate_limiter().map(RateLimiter::used_in_window)
    }

    /// Checks `request` ([`WorkRequest::validate`]), sends it and parses the response.
    ///
    /// # Errors
    ///
    /// [`Error::Validation`] before any I/O; [`Error::RateLimited`] for a used-up quota or a
    /// 429; [`Error::Api`] for other error statuses; [`Error::Transport`] otherwise.
    pub async fn send<E: WorkRequest>(&self, request: &E) -> Result<E::Response> {
        request.validate()?;
        Ok(self.http.send(request).await?)
    }

    /// Every item of a paged list, page after page (see [`pagination`]).
    pub fn paginate<E>(&self, request: E) -> BoxStream<'static, Result<E::Item>>
    where
        E: Paged,
        E::Response: Send,
    {
        pagination::items(self.clone(), request)
    }

    // --- Subscription ------------------------------------------------------------------

    /// `GET /` — the subscription.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn subscription(&self) -> Result<Subscription> {
        self.send(&GetSubscription::new()).await
    }

    /// `PUT /` — renames the subscription.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send); a name outside 1–256 characters fails before sending.
    pub async fn update_subscription(&self, name: impl Into<String>) -> Result<()> {
        self.send(&UpdateSubscription::new(name)).await
    }

    // --- Credentials -------------------------------------------------------------------

    /// `GET /credentials` — one page of credentials.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn list_credentials(&self, request: ListCredentials) -> Result<CredentialIndex> {
        self.send(&request).await
    }

    /// `GET /credentials`, every page — a stream of all credentials.
    pub fn list_credentials_all(
        &self,
        request: ListCredentials,
    ) -> BoxStream<'static, Result<Credential>> {
        self.paginate(request)
    }

    /// `POST /credentials` — creates a credential.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send); 403 ([`ApiErrorKind::Forbidden`](crate::ApiErrorKind)) when no
    /// credential credits are left.
    pub async fn create_credential(&self, request: CreateCredential) -> Result<CreatedCredential> {
        self.send(&request).await
    }

    /// `GET /credentials/{id}` — one credential.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn credential(&self, id: impl IntoChecked<CredentialId>) -> Result<Credential> {
        self.send(&GetCredential::new(id.into_checked()?)).await
    }

    /// The credential a user's ID was activated with, found through the user's `credential`
    /// link (`None` when the user has no such link).
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn credential_of(&self, user: &User) -> Result<Option<Credential>> {
        match user.credential_id() {
            Some(id) => self.credential(id).await.map(Some),
            None => Ok(None),
        }
    }

    /// `PUT /credentials/{id}` — changes a credential.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn update_credential(&self, request: UpdateCredential) -> Result<()> {
        self.send(&request).await
    }

    /// `DELETE /credentials/{id}` — removes a credential.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn delete_credential(&self, id: impl IntoChecked<CredentialId>) -> Result<()> {
        self.send(&DeleteCredential::new(id.into_checked()?)).await
    }

    // --- Users -------------------------------------------------------------------------

    /// `GET /users` — one page of users.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn list_users(&self, request: ListUsers) -> Result<UserIndex> {
        self.send(&request).await
    }

    /// `GET /users`, every page — a stream of all users.
    pub fn list_users_all(&self, request: ListUsers) -> BoxStream<'static, Result<User>> {
        self.paginate(request)
    }

    /// `GET /users/{threemaId}` — one user.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn user(&self, id: impl IntoChecked<ThreemaId>) -> Result<User> {
        self.send(&GetUser::new(id.into_checked()?)).await
    }

    /// `DELETE /users/{threemaId}` — revokes a user's ID.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn revoke_user(&self, id: impl IntoChecked<ThreemaId>) -> Result<()> {
        self.send(&RevokeUser::new(id.into_checked()?)).await
    }

    /// `POST /users/{threemaId}/detach` — detaches a user's ID from the subscription.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn detach_user(&self, id: impl IntoChecked<ThreemaId>) -> Result<()> {
        self.send(&DetachUser::new(id.into_checked()?)).await
    }

    // --- Contacts ----------------------------------------------------------------------

    /// `GET /contacts` — one page of contacts.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn list_contacts(&self, request: ListContacts) -> Result<ContactIndex> {
        self.send(&request).await
    }

    /// `GET /contacts`, every page — a stream of all contacts.
    pub fn list_contacts_all(&self, request: ListContacts) -> BoxStream<'static, Result<Contact>> {
        self.paginate(request)
    }

    /// `POST /contacts` — adds a custom contact.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn create_contact(&self, request: CreateContact) -> Result<CreatedContact> {
        self.send(&request).await
    }

    /// `GET /contacts/{threemaId}` — one contact.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn contact(&self, id: impl IntoChecked<ThreemaId>) -> Result<Contact> {
        self.send(&GetContact::new(id.into_checked()?)).await
    }

    /// `PUT /contacts/{threemaId}` — changes a contact.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn update_contact(&self, request: UpdateContact) -> Result<()> {
        self.send(&request).await
    }

    /// `DELETE /contacts/{threemaId}` — removes a custom contact.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn delete_contact(&self, id: impl IntoChecked<ThreemaId>) -> Result<()> {
        self.send(&DeleteContact::new(id.into_checked()?)).await
    }

    // --- Contact categories ------------------------------------------------------------

    /// `GET /contacts/{threemaId}/categories` — one page of a contact's categories.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn list_contact_categories(
        &self,
        request: ListContactCategories,
    ) -> Result<ContactCategoryIndex> {
        self.send(&request).await
    }

    /// `GET /contacts/{threemaId}/categories`, every page — a stream of a contact's
    /// categories.
    pub fn list_contact_categories_all(
        &self,
        request: ListContactCategories,
    ) -> BoxStream<'static, Result<Category>> {
        self.paginate(request)
    }

    /// `GET /contact-categories/{threemaId}` — the (undocumented) contact category body.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn contact_category(
        &self,
        id: impl IntoChecked<ThreemaId>,
    ) -> Result<ContactCategoryDetail> {
        self.send(&GetContactCategory::new(id.into_checked()?))
            .await
    }

    // --- Global app configuration ------------------------------------------------------

    /// `GET /mdm` — every global setting.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn global_mdm(&self) -> Result<SubscriptionMdmPropertyIndex> {
        self.send(&ListGlobalMdm::new()).await
    }

    /// `POST /mdm` — creates or changes a global setting.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send); a bad property name fails before sending.
    pub async fn set_global_mdm(
        &self,
        property: impl IntoChecked<MdmProperty>,
        value: impl Into<MdmValue>,
    ) -> Result<()> {
        self.send(&SetGlobalMdm::new(property.into_checked()?, value))
            .await
    }

    /// `GET /mdm/{property_id}` — one global setting.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn global_mdm_setting(
        &self,
        property: impl IntoChecked<MdmProperty>,
    ) -> Result<SubscriptionMdmProperty> {
        self.send(&GetGlobalMdm::new(property.into_checked()?))
            .await
    }

    /// `PUT /mdm/{property_id}` — changes a global setting (body `{"value": …}`).
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn update_global_mdm(
        &self,
        property: impl IntoChecked<MdmProperty>,
        value: impl Into<MdmValue>,
    ) -> Result<MdmObject> {
        self.send(&UpdateGlobalMdm::new(property.into_checked()?, value))
            .await
    }

    /// `DELETE /mdm/{property_id}` — removes a global setting.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn delete_global_mdm(&self, property: impl IntoChecked<MdmProperty>) -> Result<()> {
        self.send(&DeleteGlobalMdm::new(property.into_checked()?))
            .await
    }

    // --- Individual app configuration --------------------------------------------------

    /// `GET /credentials/{id}/mdm` — every setting of one credential.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn credential_mdm(
        &self,
        id: impl IntoChecked<CredentialId>,
    ) -> Result<CredentialMdmPropertyIndex> {
        self.send(&ListCredentialMdm::new(id.into_checked()?)).await
    }

    /// `POST /credentials/{id}/mdm` — creates or changes one setting of a credential.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn set_credential_mdm(
        &self,
        id: impl IntoChecked<CredentialId>,
        property: impl IntoChecked<MdmProperty>,
        value: impl Into<MdmValue>,
    ) -> Result<()> {
        let request = SetCredentialMdm::new(id.into_checked()?, property.into_checked()?, value);
        self.send(&request).await
    }

    /// `GET /credentials/{id}/mdm/{property_id}` — one setting of a credential.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn credential_mdm_setting(
        &self,
        id: impl IntoChecked<CredentialId>,
        property: impl IntoChecked<MdmProperty>,
    ) -> Result<CredentialMdmProperty> {
        let request = GetCredentialMdm::new(id.into_checked()?, property.into_checked()?);
        self.send(&request).await
    }

    /// `PUT /credentials/{id}/mdm/{property_id}` — changes one setting of a credential (body
    /// `{"value": …}`).
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn update_credential_mdm(
        &self,
        id: impl IntoChecked<CredentialId>,
        property: impl IntoChecked<MdmProperty>,
        value: impl Into<MdmValue>,
    ) -> Result<MdmObject> {
        let request = UpdateCredentialMdm::new(id.into_checked()?, property.into_checked()?, value);
        self.send(&request).await
    }

    /// `DELETE /credentials/{id}/mdm/{property_id}` — removes one setting of a credential.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn delete_credential_mdm(
        &self,
        id: impl IntoChecked<CredentialId>,
        property: impl IntoChecked<MdmProperty>,
    ) -> Result<()> {
        let request = DeleteCredentialMdm::new(id.into_checked()?, property.into_checked()?);
        self.send(&request).await
    }

    /// `GET /mdm-bulk` — one page of every credential's settings.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send); a page size above 500 fails before sending.
    pub async fn bulk_get_credential_mdm(
        &self,
        request: BulkGetCredentialMdm,
    ) -> Result<CredentialMdmList> {
        self.send(&request).await
    }

    /// `GET /mdm-bulk`, every page — a stream of every credential's settings.
    pub fn bulk_get_credential_mdm_all(
        &self,
        request: BulkGetCredentialMdm,
    ) -> BoxStream<'static, Result<CredentialMdmParameters>> {
        self.paginate(request)
    }

    /// `POST /mdm-bulk` — creates or changes settings of many credentials (at most 1000).
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send); more than 1000 credentials fail before sending.
    pub async fn bulk_update_credential_mdm(
        &self,
        credentials: Vec<CredentialSettings>,
    ) -> Result<()> {
        self.send(&BulkUpdateCredentialMdm::new(credentials)).await
    }

    // --- Logos -------------------------------------------------------------------------

    /// `GET /logos/{logoVariant}` — the logo as PNG bytes.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send); 404 when no logo is set.
    pub async fn logo(&self, variant: LogoVariant) -> Result<Bytes> {
        self.send(&GetLogo::new(variant)).await
    }

    /// `PUT /logos/{logoVariant}` — sets the logo (method inferred; see [`UpdateLogo`]).
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn update_logo(&self, variant: LogoVariant, png: LogoPng) -> Result<()> {
        self.send(&UpdateLogo::new(variant, png)).await
    }

    /// `DELETE /logos/{logoVariant}` — removes the logo.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn delete_logo(&self, variant: LogoVariant) -> Result<()> {
        self.send(&DeleteLogo::new(variant)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_rejects_bad_keys_without_showing_them() {
        let err = Client::new("").unwrap_err();
        assert!(matches!(err, Error::Validation(_)), "{err:?}");
        let err = Client::new("bad\nSECRET-KEY").unwrap_err();
        assert!(!err.to_string().contains("SECRET-KEY"), "{err}");
        assert!(Client::builder("k").base_url("ftp://x").build().is_err());
    }

    #[test]
    fn defaults() {
        let client = Client::new("SECRET-KEY-1").unwrap();
        assert_eq!(client.http().base_url().as_str(), DEFAULT_BASE_URL);
        assert_eq!(client.quota_used(), Some(0));
        assert!(!format!("{client:?}").contains("SECRET-KEY-1"));
        assert_eq!(
            Client::builder("k")
                .without_quota()
                .build()
                .unwrap()
                .quota_used(),
            None
        );
        assert_eq!(Quota::default(), Quota::daily(10_000));
        assert_eq!(Quota::default().when_exhausted, WhenLimited::FailFast);
        assert_eq!(Quota::daily(1).waiting().when_exhausted, WhenLimited::Wait);
        assert_eq!(
            Quota::daily(1).waiting().failing_fast().when_exhausted,
            WhenLimited::FailFast
        );
        assert_eq!(
            Quota::daily(1).with_window(DAY / 2).window,
            Duration::from_secs(43_200)
        );
    }

    #[test]
    fn into_checked_accepts_ids_and_strings() {
        let id: ThreemaId = "ECHOECHO".into_checked().unwrap();
        let again: ThreemaId = (&id).into_checked().unwrap();
        assert_eq!(again, id);
        let err = IntoChecked::<ThreemaId>::into_checked("echo").unwrap_err();
        assert!(matches!(err, Error::Validation(_)));
        let property: MdmProperty = String::from("th_x").into_checked().unwrap();
        assert_eq!(property.as_str(), "th_x");
    }
}
