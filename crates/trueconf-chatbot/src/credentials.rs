//! Where the bot's token comes from: a fixed token, or a [`TokenProvider`] that fetches one
//! over HTTP — before the first connection when no token was given, and again whenever the
//! server says the token expired (`auth` error 203).
//!
//! Two providers are built in:
//!
//! - [`PasswordGrant`]: `POST /bridge/api/client/v1/oauth/token` with the bot account's user
//!   name and password (`client_id "chat_bot"`);
//! - [`OAuthApplication`]: the three-step flow for servers with password login disabled
//!   (`POST /api/v4/oauth2/token`, then `…/auth/web_rest_api_token`, then `…/auth/token`).
//!
//! Implement [`TokenProvider`] for anything else (a secrets store, a token file).

use crate::api::http::{AuthorizationCodeToken, OAuthAppToken, PasswordToken, WebRestApiToken};
use crate::error::Result;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use transport_core::Secret;
use transport_core::http::HttpClient;

/// A boxed future returned by [`TokenProvider::token`].
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<Secret>> + Send + 'a>>;

/// Fetches a fresh bot token (a JWT).
///
/// `http` is the client's HTTP client for the server (same host, port, scheme and TLS
/// settings). The returned token is checked locally (shape and expiry, see
/// [`crate::token::check`]) before it is used.
///
/// ```
/// use trueconf_chatbot::credentials::{TokenFuture, TokenProvider};
/// use trueconf_chatbot::transport_core::{Secret, http::HttpClient};
///
/// /// Reads the token from an environment variable every time.
/// struct FromEnv;
///
/// impl TokenProvider for FromEnv {
///     fn token<'a>(&'a self, _http: &'a HttpClient) -> TokenFuture<'a> {
///         Box::pin(async {
///             let token = std::env::var("BOT_TOKEN").unwrap_or_default();
///             Ok(Secret::new(token))
///         })
///     }
/// }
/// ```
pub trait TokenProvider: Send + Sync + 'static {
    /// A fresh token.
    ///
    /// # Errors
    ///
    /// Whatever stops it from getting one; HTTP errors that are not transient (401, 403)
    /// stop the client from reconnecting, others (connection refused, 5xx) are retried.
    fn token<'a>(&'a self, http: &'a HttpClient) -> TokenFuture<'a>;
}

/// The password grant: `POST /bridge/api/client/v1/oauth/token`. `Debug` hides the password.
#[derive(Clone)]
pub struct PasswordGrant {
    username: String,
    password: Secret,
}

impl PasswordGrant {
    /// The grant for the bot account `username`.
    pub fn new(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self {
            username: username.into(),
            password: password.into(),
        }
    }

    /// The user name.
    pub fn username(&self) -> &str {
        &self.username
    }
}

impl fmt::Debug for PasswordGrant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordGrant")
            .field("username", &self.username)
            .field("password", &self.password)
            .finish()
    }
}

impl TokenProvider for PasswordGrant {
    fn token<'a>(&'a self, http: &'a HttpClient) -> TokenFuture<'a> {
        Box::pin(async move {
            let request = PasswordToken::new(self.username.clone(), self.password.clone());
            let token = http.send(&request).await?;
            Ok(token.access_token)
        })
    }
}

/// The OAuth application flow (servers with password login disabled): a Server REST API token
/// for the OAuth application `client_id`, traded for an authorization code, traded for the bot
/// JWT. `Debug` hides the password.
#[derive(Clone)]
pub struct OAuthApplication {
    client_id: String,
    username: String,
    password: Secret,
}

impl OAuthApplication {
    /// The flow for the bot account `username` through OAuth application `client_id`.
    pub fn new(
        client_id: impl Into<String>,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Self {
        Self {
            client_id: client_id.into(),
            username: username.into(),
            password: password.into(),
        }
    }
}

impl fmt::Debug for OAuthApplication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthApplication")
            .field("client_id", &self.client_id)
            .field("username", &self.username)
            .field("password", &self.password)
            .finish()
    }
}

impl TokenProvider for OAuthApplication {
    fn token<'a>(&'a self, http: &'a HttpClient) -> TokenFuture<'a> {
        Box::pin(async move {
            let rest = http
                .send(&OAuthAppToken::new(
                    self.client_id.clone(),
                    self.username.clone(),
                    self.password.clone(),
                ))
                .await?;
            let code = http
                .send(&WebRestApiToken::new(
                    self.username.clone(),
                    rest.access_token,
                ))
                .await?;
            let token = http
                .send(&AuthorizationCodeToken::new(code.authorization_code))
                .await?;
            Ok(token.access_token)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_passwords() {
        let grant = PasswordGrant::new("bot", "hunter2");
        assert_eq!(grant.username(), "bot");
        assert!(!format!("{grant:?}").contains("hunter2"));
        let oauth = OAuthApplication::new("app", "bot", "hunter3");
        assert!(!format!("{oauth:?}").contains("hunter3"));
        assert!(format!("{oauth:?}").contains("app"));
    }
}
