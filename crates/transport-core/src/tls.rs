//! [`TlsConfig`]: how TLS connections (`wss://`, and `https://` for the HTTP client) verify the
//! server.
//!
//! One small, transport-neutral configuration: the platform's certificate verifier by default
//! (through `rustls-platform-verifier`, with the aws-lc-rs provider that reqwest also uses),
//! extra root certificates from PEM, or — for local test servers only — no verification at all.
//! [`TlsConfig::rustls_client_config`] builds (once, then cached and shared by clones) the
//! `rustls::ClientConfig` both transports use.

use crate::error::{Error, Result};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::fmt;
use std::sync::{Arc, OnceLock};

/// TLS settings shared by the WebSocket engine and the HTTP client.
///
/// ```
/// use transport_core::tls::TlsConfig;
///
/// // The default: the platform verifier (system roots).
/// let tls = TlsConfig::new();
/// assert!(tls.uses_platform_roots());
/// assert!(!tls.accepts_invalid_certs());
///
/// // A private CA on top of the system roots.
/// let pem = "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n";
/// assert!(TlsConfig::new().with_root_certificates_pem(pem.as_bytes()).is_err());
/// ```
#[derive(Clone)]
pub struct TlsConfig {
    extra_roots: Vec<CertificateDer<'static>>,
    platform_roots: bool,
    accept_invalid_certs: bool,
    cache: Arc<OnceLock<Arc<ClientConfig>>>,
}

impl Default for TlsConfig {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for TlsConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TlsConfig")
            .field("extra_roots", &self.extra_roots.len())
            .field("platform_roots", &self.platform_roots)
            .field("accept_invalid_certs", &self.accept_invalid_certs)
            .finish()
    }
}

impl TlsConfig {
    /// The platform verifier with the system's roots; certificates are verified.
    pub fn new() -> Self {
        Self {
            extra_roots: Vec::new(),
            platform_roots: true,
            accept_invalid_certs: false,
            cache: Arc::default(),
        }
    }

    /// Adds every certificate of a PEM bundle as a trusted root (on top of the platform roots,
    /// unless [`TlsConfig::without_platform_roots`] is set).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] if the PEM holds no certificate or a certificate that does not
    /// parse.
    pub fn with_root_certificates_pem(mut self, pem: &[u8]) -> Result<Self> {
        let mut added = 0usize;
        for cert in CertificateDer::pem_slice_iter(pem) {
            let cert = cert.map_err(|e| {
                Error::invalid_input("TLS root certificate PEM", format!("cannot parse: {e}"))
            })?;
            self.extra_roots.push(cert);
            added += 1;
        }
        if added == 0 {
            return Err(Error::invalid_input(
                "TLS root certificate PEM",
                "no CERTIFICATE block found",
            ));
        }
        Ok(self.fresh())
    }

    /// Adds one DER-encoded certificate as a trusted root.
    #[must_use]
    pub fn with_root_certificate_der(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.extra_roots.push(CertificateDer::from(der.into()));
        self.fresh()
    }

    /// Trusts only the roots added with `with_root_certificate*`, not the platform's.
    #[must_use]
    pub fn without_platform_roots(mut self) -> Self {
        self.platform_roots = false;
        self.fresh()
    }

    /// **Dangerous**: accepts any server certificate (expired, self-signed, wrong host name).
    /// Only for local test servers; the connection is still encrypted but not authenticated.
    #[must_use]
    pub fn danger_accept_invalid_certs(mut self, accept: bool) -> Self {
        self.accept_invalid_certs = accept;
        self.fresh()
    }

    /// True unless [`TlsConfig::without_platform_roots`] was set.
    pub fn uses_platform_roots(&self) -> bool {
        self.platform_roots
    }

    /// True if certificate verification is switched off.
    pub fn accepts_invalid_certs(&self) -> bool {
        self.accept_invalid_certs
    }

    /// The number of extra trusted roots.
    pub fn extra_root_count(&self) -> usize {
        self.extra_roots.len()
    }

    fn fresh(mut self) -> Self {
        self.cache = Arc::default();
        self
    }

    /// The `rustls` client configuration for these settings (built on first use, then shared by
    /// all clones of this `TlsConfig`). It sets no ALPN protocols; an HTTP client that wants
    /// HTTP/2 clones it and sets `alpn_protocols`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] if the platform verifier cannot be created or no root is trusted.
    pub fn rustls_client_config(&self) -> Result<Arc<ClientConfig>> {
        if let Some(config) = self.cache.get() {
            return Ok(Arc::clone(config));
        }
        let config = Arc::new(self.build()?);
        Ok(Arc::clone(self.cache.get_or_init(|| config)))
    }

    fn build(&self) -> Result<ClientConfig> {
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let builder = ClientConfig::builder_with_provider(Arc::clone(&provider))
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::invalid_input("TLS configuration", e.to_string()))?;
        let config = if self.accept_invalid_certs {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate {
                    algorithms: provider.signature_verification_algorithms,
                }))
                .with_no_client_auth()
        } else if self.platform_roots {
            let verifier = platform_verifier(&self.extra_roots, provider)?;
            builder
                .dangerous()
                .with_custom_certificate_verifier(verifier)
                .with_no_client_auth()
        } else {
            if self.extra_roots.is_empty() {
                return Err(Error::invalid_input(
                    "TLS configuration",
                    "platform roots are disabled and no root certificate was added",
                ));
            }
            let mut roots = RootCertStore::empty();
            for cert in &self.extra_roots {
                roots.add(cert.clone()).map_err(|e| {
                    Error::invalid_input("TLS root certificate", format!("rejected: {e}"))
                })?;
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        };
        Ok(config)
    }
}

#[cfg(not(target_os = "android"))]
fn platform_verifier(
    extra: &[CertificateDer<'static>],
    provider: Arc<CryptoProvider>,
) -> Result<Arc<dyn ServerCertVerifier>> {
    let verifier =
        rustls_platform_verifier::Verifier::new_with_extra_roots(extra.iter().cloned(), provider)
            .map_err(|e| Error::invalid_input("TLS platform verifier", e.to_string()))?;
    Ok(Arc::new(verifier))
}

#[cfg(target_os = "android")]
fn platform_verifier(
    extra: &[CertificateDer<'static>],
    provider: Arc<CryptoProvider>,
) -> Result<Arc<dyn ServerCertVerifier>> {
    if !extra.is_empty() {
        return Err(Error::invalid_input(
            "TLS configuration",
            "extra roots with the platform verifier are not supported on Android",
        ));
    }
    let verifier = rustls_platform_verifier::Verifier::new(provider)
        .map_err(|e| Error::invalid_input("TLS platform verifier", e.to_string()))?;
    Ok(Arc::new(verifier))
}

/// Accepts every certificate but still checks handshake signatures, so the peer must hold the
/// key of the certificate it presents.
#[derive(Debug)]
struct AcceptAnyCertificate {
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_without_certificates_is_rejected() {
        let err = TlsConfig::new()
            .with_root_certificates_pem(b"just text")
            .unwrap_err();
        assert!(err.to_string().contains("no CERTIFICATE block"), "{err}");
    }

    #[test]
    fn no_roots_at_all_is_rejected_before_any_io() {
        let err = TlsConfig::new()
            .without_platform_roots()
            .rustls_client_config()
            .unwrap_err();
        assert!(err.to_string().contains("no root certificate"), "{err}");
    }

    #[test]
    fn config_is_built_once_and_shared_by_clones() {
        let tls = TlsConfig::new().danger_accept_invalid_certs(true);
        let clone = tls.clone();
        let a = tls.rustls_client_config().unwrap();
        let b = clone.rustls_client_config().unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        // Changing a setting starts a new cache.
        let changed = clone.danger_accept_invalid_certs(false);
        assert!(!changed.accepts_invalid_certs());
        assert!(changed.cache.get().is_none());
    }

    #[test]
    fn debug_is_short() {
        let shown = format!("{:?}", TlsConfig::new());
        assert_eq!(
            shown,
            "TlsConfig { extra_roots: 0, platform_roots: true, accept_invalid_certs: false }"
        );
    }
}
