//! How each operation authenticates: [`AuthMode`], and the credentials that go with it.
//!
//! The OpenAPI document declares only one scheme (HTTP Basic, `authenticatedAccount`) and marks
//! operations as requiring it, allowing it (`[auth, {}]`) or declaring nothing. Header
//! parameters and descriptions say the rest; [`AuthMode`] names every case (notes §1.4).

use crate::model::{Aci, DeviceId, SecretBytes};
use std::fmt;
use transport_core::Secret;
use transport_core::http::{Auth, HeaderMap, HeaderName, HeaderValue};

/// How an operation authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthMode {
    /// The account's credentials are required: HTTP Basic `aci[.deviceId]:password` (or the
    /// authenticated WebSocket).
    Basic,
    /// Credentials are optional and used when present (`GET /v1/keepalive`, which works on
    /// authenticated and unauthenticated sockets).
    BasicOptional,
    /// No credentials; the client sends none.
    None,
    /// The server **rejects** authenticated calls with 400 ("Enforced unauthenticated
    /// endpoint"); the client sends no credentials.
    MustNotAuthenticate,
    /// No account credentials; the secret is the `subscriberId` path segment (subscriptions).
    SubscriberId,
    /// No account credentials; a zero-knowledge backup credential presentation and its
    /// signature go in `X-Signal-ZK-Auth` and `X-Signal-ZK-Auth-Signature`.
    ZkBackup,
    /// The account's credentials, or instead (sealed sender) an `Unidentified-Access-Key`
    /// header and no credentials.
    BasicOrAccessKey,
    /// `Unidentified-Access-Key` (the XOR of the recipients' keys) **or** a
    /// `Group-Send-Credential` header, never both; neither for stories.
    AccessKeyOrGroupSend,
    /// An explicit `Authorization: Basic …` header built from values the operation carries
    /// (`register`: number and new password; `linkDevice`: the new device's credentials).
    ExplicitAuthorization,
}

impl AuthMode {
    /// True when the call may carry the client's account credentials (and so may go over the
    /// authenticated WebSocket).
    pub fn uses_account_credentials(self) -> bool {
        matches!(
            self,
            Self::Basic | Self::BasicOptional | Self::BasicOrAccessKey
        )
    }
}

/// The account credentials a client authenticates with: `aci[.deviceId]` and the password.
///
/// `Debug` never shows the password.
///
/// ```
/// use signal_server_api::auth::Credentials;
/// use signal_server_api::model::{Aci, DeviceId};
///
/// let aci: Aci = "9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
/// let creds = Credentials::new(aci, "hunter2").with_device_id(DeviceId::new(2).unwrap());
/// assert_eq!(creds.username(), "9d0652a3-dcc3-4d11-975f-74d61598733f.2");
/// assert!(!format!("{creds:?}").contains("hunter2"));
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Credentials {
    /// The account.
    pub aci: Aci,
    /// The device; `None` authenticates as the primary device.
    pub device_id: Option<DeviceId>,
    /// The device's password.
    pub password: Secret,
}

impl Credentials {
    /// Credentials of the primary device.
    pub fn new(aci: Aci, password: impl Into<Secret>) -> Self {
        Self {
            aci,
            device_id: None,
            password: password.into(),
        }
    }

    /// Authenticates as device `device_id`.
    #[must_use]
    pub fn with_device_id(mut self, device_id: DeviceId) -> Self {
        self.device_id = Some(device_id);
        self
    }

    /// The Basic user name: `<aci>` or `<aci>.<deviceId>`.
    pub fn username(&self) -> String {
        match self.device_id {
            Some(d) => format!("{}.{d}", self.aci),
            None => self.aci.to_string(),
        }
    }

    /// The transport-core [`Auth`] for these credentials.
    pub fn to_auth(&self) -> Auth {
        Auth::basic(self.username(), self.password.clone())
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username())
            .field("password", &self.password)
            .finish()
    }
}

/// Explicit Basic credentials carried by an operation itself (`register`: the phone number and
/// the new account password; `linkDevice`: the account's number and the new device's
/// password). `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BasicAuthorization {
    /// The user name (an E.164 number, or an ACI).
    pub username: String,
    /// The password.
    pub password: Secret,
}

impl BasicAuthorization {
    /// Credentials `username:password`.
    pub fn new(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Self {
            username: username.into(),
            password: password.into(),
        }
    }

    /// The transport-core [`Auth`].
    pub fn to_auth(&self) -> Auth {
        Auth::basic(self.username.clone(), self.password.clone())
    }
}

impl fmt::Debug for BasicAuthorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BasicAuthorization")
            .field("username", &self.username)
            .field("password", &self.password)
            .finish()
    }
}

/// The `Unidentified-Access-Key` header name.
pub const UNIDENTIFIED_ACCESS_KEY: &str = "unidentified-access-key";
/// The `Group-Send-Credential` header name.
pub const GROUP_SEND_CREDENTIAL: &str = "group-send-credential";
/// The `X-Signal-ZK-Auth` header name.
pub const ZK_AUTH: &str = "x-signal-zk-auth";
/// The `X-Signal-ZK-Auth-Signature` header name.
pub const ZK_AUTH_SIGNATURE: &str = "x-signal-zk-auth-signature";

/// A 16-byte unidentified access key (derived from a profile key), sent base64-encoded in the
/// `Unidentified-Access-Key` header for sealed-sender access. For `sendMultiRecipientMessage`
/// it is the XOR of all recipients' keys ([`UnidentifiedAccessKey::combine`]).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnidentifiedAccessKey(SecretBytes);

impl UnidentifiedAccessKey {
    /// The key length.
    pub const LEN: usize = 16;

    /// A key from its 16 bytes.
    pub fn new(key: [u8; Self::LEN]) -> Self {
        Self(SecretBytes::from(key))
    }

    /// A key from a slice.
    ///
    /// # Errors
    ///
    /// [`transport_core::Error::InvalidInput`] when the slice is not 16 bytes long.
    pub fn from_slice(key: &[u8]) -> transport_core::Result<Self> {
        let key: [u8; Self::LEN] = key.try_into().map_err(|_| {
            transport_core::Error::invalid_input(
                "Unidentified-Access-Key",
                format!("must be {} bytes, got {}", Self::LEN, key.len()),
            )
        })?;
        Ok(Self::new(key))
    }

    /// The XOR of several keys (the combined key of a multi-recipient message).
    pub fn combine<'a>(keys: impl IntoIterator<Item = &'a Self>) -> Self {
        let mut out = [0u8; Self::LEN];
        for key in keys {
            for (o, k) in out.iter_mut().zip(key.0.expose()) {
                *o ^= k;
            }
        }
        Self::new(out)
    }

    /// The key bytes.
    pub fn expose(&self) -> &[u8] {
        self.0.expose()
    }
}

/// A group-send credential presentation (bytes from libsignal), sent base64-encoded in the
/// `Group-Send-Credential` header. `Debug` shows only the length.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct GroupSendCredential(pub SecretBytes);

/// Zero-knowledge backup authentication: a backup credential presentation and the signature
/// over it, sent base64-encoded in `X-Signal-ZK-Auth` and `X-Signal-ZK-Auth-Signature`.
/// `Debug` shows only the lengths.
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct ZkBackupAuth {
    /// The serialized backup auth credential presentation.
    pub presentation: SecretBytes,
    /// The signature of the presentation with the backup-id key.
    pub signature: SecretBytes,
}

impl ZkBackupAuth {
    /// Presentation and signature.
    pub fn new(presentation: impl Into<SecretBytes>, signature: impl Into<SecretBytes>) -> Self {
        Self {
            presentation: presentation.into(),
            signature: signature.into(),
        }
    }

    /// Adds both headers (sensitive) to `headers`.
    ///
    /// # Errors
    ///
    /// Never in practice (base64 is a valid header value); typed for uniformity.
    pub fn apply(&self, headers: &mut HeaderMap) -> transport_core::Result<()> {
        insert_secret(headers, ZK_AUTH, self.presentation.expose())?;
        insert_secret(headers, ZK_AUTH_SIGNATURE, self.signature.expose())
    }
}

/// The headers of an operation authenticated by the account or, for sealed sender, by an
/// optional unidentified access key: `Unidentified-Access-Key` when a key is given.
pub(crate) fn access_key_headers(
    key: Option<&UnidentifiedAccessKey>,
) -> transport_core::Result<HeaderMap> {
    let mut headers = HeaderMap::new();
    if let Some(key) = key {
        insert_secret(&mut headers, UNIDENTIFIED_ACCESS_KEY, key.expose())?;
    }
    Ok(headers)
}

/// The credentials of such an operation: none when an access key is used, else the client's.
pub(crate) fn access_key_auth(
    key: Option<&UnidentifiedAccessKey>,
) -> transport_core::http::EndpointAuth {
    match key {
        Some(_) => transport_core::http::EndpointAuth::None,
        None => transport_core::http::EndpointAuth::Client,
    }
}

/// Inserts `name: base64(bytes)` as a sensitive header.
pub(crate) fn insert_secret(
    headers: &mut HeaderMap,
    name: &'static str,
    bytes: &[u8],
) -> transport_core::Result<()> {
    let mut value = HeaderValue::from_str(&crate::model::b64::encode_standard(bytes))
        .map_err(|_| transport_core::Error::invalid_input(name, "not a valid header value"))?;
    value.set_sensitive(true);
    headers.insert(HeaderName::from_static(name), value);
    Ok(())
}

/// Inserts a plain (non-secret) header.
pub(crate) fn insert_header(
    headers: &mut HeaderMap,
    name: &'static str,
    value: &str,
) -> transport_core::Result<()> {
    let value = HeaderValue::from_str(value).map_err(|_| {
        transport_core::Error::invalid_input(name, "contains characters not allowed in a header")
    })?;
    headers.insert(HeaderName::from_static(name), value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_keys_combine_by_xor_and_hide() {
        let a = UnidentifiedAccessKey::new([0b1010; 16]);
        let b = UnidentifiedAccessKey::new([0b0110; 16]);
        assert_eq!(
            UnidentifiedAccessKey::combine([&a, &b]).expose(),
            &[0b1100; 16]
        );
        assert!(UnidentifiedAccessKey::from_slice(&[1; 15]).is_err());
        assert_eq!(
            format!("{a:?}"),
            "UnidentifiedAccessKey(SecretBytes(16 bytes))"
        );
    }

    #[test]
    fn zk_headers_are_base64_and_sensitive() {
        let mut h = HeaderMap::new();
        ZkBackupAuth::new(vec![1, 2, 3], vec![4, 5])
            .apply(&mut h)
            .unwrap();
        assert_eq!(h[ZK_AUTH], "AQID");
        assert_eq!(h[ZK_AUTH_SIGNATURE], "BAU=");
        assert!(h[ZK_AUTH].is_sensitive());
    }

    #[test]
    fn auth_mode_account_credentials() {
        assert!(AuthMode::Basic.uses_account_credentials());
        assert!(AuthMode::BasicOrAccessKey.uses_account_credentials());
        assert!(!AuthMode::SubscriberId.uses_account_credentials());
        assert!(!AuthMode::MustNotAuthenticate.uses_account_credentials());
    }

    #[test]
    fn explicit_authorization_builds_basic() {
        let auth = BasicAuthorization::new("+14155550100", "pw");
        let mut h = HeaderMap::new();
        auth.to_auth().apply(&mut h).unwrap();
        assert_eq!(h["authorization"], "Basic KzE0MTU1NTUwMTAwOnB3");
        assert!(!format!("{auth:?}").contains("\"pw\""));
    }
}
