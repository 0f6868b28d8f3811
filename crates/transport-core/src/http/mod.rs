//! The HTTP side: [`HttpClient`], the [`Endpoint`] trait, [`Auth`], [`RetryPolicy`].
//!
//! A protocol crate describes each REST operation as a type implementing [`Endpoint`] (method,
//! path, query, headers, body, parser) and sends it with [`HttpClient::send`]. The client adds
//! the base URL, credentials and user agent, acquires the rate limiter, retries what may be
//! retried, and turns failures into [`Error`](crate::Error)s that name the request and quote the
//! server.

mod auth;
mod client;
mod endpoint;
mod response;
mod retry;

pub use auth::Auth;
pub use client::{
    ErrorMessageFn, HttpClient, HttpClientBuilder, HttpOptions, RawRequest, WallClock,
    apply_error_conventions, default_error_message, parse_base_url,
};
pub use endpoint::{Body, Endpoint, EndpointAuth, Multipart, Part, ProgressFn, segment};
pub use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
pub use response::{RawResponse, parse_retry_after};
pub use retry::{
    Attempt, Classifier, RetryCall, RetryDecision, RetryObserver, RetryPolicy, default_classifier,
};
