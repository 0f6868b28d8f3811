//! [`Operation`]: an [`Endpoint`] that is one operation of the OpenAPI document, with its
//! metadata ([`OperationInfo`]) and its typed error bodies ([`ErrorBody`]).

use crate::auth::AuthMode;
use transport_core::http::{Endpoint, Method};

/// One operation of the Signal Server OpenAPI document: an [`Endpoint`] plus its metadata.
///
/// Every endpoint type of this crate implements it; [`all_operations`](super::all_operations)
/// lists the metadata of all of them.
pub trait Operation: Endpoint {
    /// The operation's metadata: operationId, tag, method, path template, auth mode and typed
    /// error statuses.
    const INFO: OperationInfo;
}

/// Metadata of one operation, as the OpenAPI document (and the real server) describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OperationInfo {
    /// The `operationId` (`"getProfile_1"`).
    pub operation_id: &'static str,
    /// The tag (`"Profile"`).
    pub tag: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template with `{name}` placeholders (`"/v1/profile/{identifier}"`).
    pub path_template: &'static str,
    /// How the operation authenticates.
    pub auth: AuthMode,
    /// Statuses whose body is decoded into a typed error (e.g. 409 → [`ErrorBody::MismatchedDevices`]).
    pub errors: &'static [(u16, ErrorBody)],
}

impl OperationInfo {
    /// Metadata without typed errors.
    pub const fn new(
        operation_id: &'static str,
        tag: &'static str,
        method: Method,
        path_template: &'static str,
        auth: AuthMode,
    ) -> Self {
        Self {
            operation_id,
            tag,
            method,
            path_template,
            auth,
            errors: &[],
        }
    }

    /// Declares the typed error bodies.
    #[must_use]
    pub const fn with_errors(mut self, errors: &'static [(u16, ErrorBody)]) -> Self {
        self.errors = errors;
        self
    }

    /// The typed error body for `status`, if the operation declares one.
    pub fn error_body(&self, status: u16) -> Option<ErrorBody> {
        self.errors
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, body)| *body)
    }
}

/// The kinds of structured error bodies the server sends, each decoded into its own
/// [`Error`](crate::Error) variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorBody {
    /// 409 [`MismatchedDevices`](crate::model::MismatchedDevices).
    MismatchedDevices,
    /// 410 [`StaleDevices`](crate::model::StaleDevices).
    StaleDevices,
    /// 409 of a multi-recipient send: a list of
    /// [`AccountMismatchedDevices`](crate::model::AccountMismatchedDevices).
    MultiRecipientMismatchedDevices,
    /// 410 of a multi-recipient send: a list of
    /// [`AccountStaleDevices`](crate::model::AccountStaleDevices).
    MultiRecipientStaleDevices,
    /// 423 [`RegistrationLockFailure`](crate::model::RegistrationLockFailure).
    RegistrationLockFailure,
    /// 428 [`RateLimitChallenge`](crate::model::RateLimitChallenge): prove you are human.
    RateLimitChallenge,
    /// 411 [`DeviceLimit`](crate::model::DeviceLimit): too many linked devices.
    DeviceLimit,
}

/// `Endpoint::auth` for modes that never send the client's credentials.
pub(crate) fn no_account_auth() -> transport_core::http::EndpointAuth {
    transport_core::http::EndpointAuth::None
}
