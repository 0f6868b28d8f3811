//! [`ReferenceProvider`]: RSA-4096 + AES-CTR, a scheme that fits every property the seed proves.

use super::{CryptoProvider, SymmetricKey};
use crate::error::CryptoError;
use crate::model::{Base64Data, ConversationUuid, PemEncryptedPrivateKey, PemPublicKey};
use aes::{Aes128, Aes256};
use ctr::Ctr128BE;
use ctr::cipher::{KeyIvInit, StreamCipher};
use pkcs8::PrivateKeyInfo;
use pkcs8::pkcs5::pbes2;
use rand::RngCore as _;
use rand::rngs::OsRng;
use rsa::pkcs8::{
    DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, LineEnding,
};
use rsa::traits::PublicKeyParts;
use rsa::{Oaep, Pkcs1v15Encrypt, Pkcs1v15Sign, Pss, RsaPrivateKey, RsaPublicKey};
use sha2::{Digest, Sha256};
use std::fmt;
use transport_core::Secret;

/// How the reference provider wraps session keys with RSA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RsaEncryption {
    /// RSAES-OAEP with SHA-256 (and MGF1-SHA-256). The default.
    #[default]
    OaepSha256,
    /// RSAES-PKCS1-v1_5.
    Pkcs1v15,
}

/// How the reference provider signs session keys with RSA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RsaSignature {
    /// RSASSA-PKCS1-v1_5 with SHA-256: deterministic, so two signatures of one key are equal,
    /// as the seed shows. The default.
    #[default]
    Pkcs1v15Sha256,
    /// RSASSA-PSS with SHA-256 (randomized).
    PssSha256,
}

/// The reference end-to-end scheme: **our** choice, built to fit every property the seed
/// proves, **not** the vendor's confirmed scheme (the seed cannot reveal paddings, hashes or
/// what is signed; see `docs/decisions.md`).
///
/// | Property (notes §6) | Proven by the seed | Reference provider |
/// |---|---|---|
/// | User keys | RSA-4096, e = 65537, PEM SPKI | any RSA key ≥ 2048 bits; generates 4096 |
/// | Wrapped key, signature | exactly 512 bytes | RSA-4096 output: 512 bytes |
/// | Wrapping padding | unknown | [`RsaEncryption::OaepSha256`] (configurable) |
/// | Signature | common to all copies of a key | [`RsaSignature::Pkcs1v15Sha256`] (deterministic, configurable) over SHA-256 of `"e2e-ws-messenger session key v1\n" ‖ lowercase(conversationUuid) ‖ "\n" ‖ key` |
/// | Session key | length unknown | 32 bytes (16 accepted) |
/// | Symmetric cipher | 16-byte IV, ciphertext as long as the plaintext, keystream mode | AES-256-CTR (AES-128 for 16-byte keys), 128-bit big-endian counter |
///
/// # Security notes
///
/// - The `rsa` crate's private-key operations (here: unwrapping and signing) are not
///   constant-time (RUSTSEC-2023-0071, the Marvin attack). Do not expose unwrapping as a
///   network-reachable oracle.
/// - The protocol has no MAC on any ciphertext, and file names reuse the body's keystream
///   (notes §6.4); this provider reproduces that for compatibility.
///
/// RSA-4096 key generation takes seconds (minutes in unoptimised builds); tests use fixed keys.
pub struct ReferenceProvider {
    private_key: RsaPrivateKey,
    public_key: PemPublicKey,
    encryption: RsaEncryption,
    signature: RsaSignature,
}

/// Domain separation for session-key signatures.
const SIGNATURE_CONTEXT: &[u8] = b"e2e-ws-messenger session key v1\n";

/// The smallest RSA modulus the provider accepts.
const MIN_BITS: usize = 2048;

impl ReferenceProvider {
    /// A provider for the key pair in `pem`: an unencrypted PKCS#8 `PRIVATE KEY` PEM.
    ///
    /// # Errors
    ///
    /// [`CryptoError::InvalidPrivateKey`] when the PEM is not an RSA key of at least 2048 bits.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, CryptoError> {
        let private_key =
            RsaPrivateKey::from_pkcs8_pem(pem).map_err(|e| CryptoError::InvalidPrivateKey {
                reason: e.to_string(),
            })?;
        Self::from_key(private_key)
    }

    /// A provider with a new RSA-4096 key pair. Slow: seconds in release builds.
    ///
    /// # Errors
    ///
    /// [`CryptoError::InvalidPrivateKey`] if key generation fails.
    pub fn generate() -> Result<Self, CryptoError> {
        let private_key =
            RsaPrivateKey::new(&mut OsRng, 4096).map_err(|e| CryptoError::InvalidPrivateKey {
                reason: e.to_string(),
            })?;
        Self::from_key(private_key)
    }

    fn from_key(private_key: RsaPrivateKey) -> Result<Self, CryptoError> {
        if private_key.size() * 8 < MIN_BITS {
            return Err(CryptoError::InvalidPrivateKey {
                reason: format!("an RSA key of at least {MIN_BITS} bits is required"),
            });
        }
        let pem = private_key
            .to_public_key()
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| CryptoError::InvalidPrivateKey {
                reason: e.to_string(),
            })?;
        Ok(Self {
            private_key,
            public_key: PemPublicKey::from_wire(pem),
            encryption: RsaEncryption::default(),
            signature: RsaSignature::default(),
        })
    }

    /// Sets the RSA wrapping padding.
    #[must_use]
    pub fn with_encryption(mut self, encryption: RsaEncryption) -> Self {
        self.encryption = encryption;
        self
    }

    /// Sets the RSA signature scheme.
    #[must_use]
    pub fn with_signature(mut self, signature: RsaSignature) -> Self {
        self.signature = signature;
        self
    }

    /// The private key as an unencrypted PKCS#8 PEM, to store it.
    ///
    /// # Errors
    ///
    /// [`CryptoError::InvalidPrivateKey`] if encoding fails.
    pub fn private_key_pem(&self) -> Result<Secret, CryptoError> {
        let pem = self.private_key.to_pkcs8_pem(LineEnding::LF).map_err(|e| {
            CryptoError::InvalidPrivateKey {
                reason: e.to_string(),
            }
        })?;
        Ok(Secret::new(pem.as_str()))
    }

    /// The private key encrypted with `password`, as a PEM `ENCRYPTED PRIVATE KEY` for
    /// `privateKeyEncryptedBase64` (the server keeps it for key recovery): PKCS#8 with PBES2,
    /// PBKDF2-HMAC-SHA256 over `iterations` rounds with a random 16-byte salt, and AES-256-CBC.
    ///
    /// **Not the vendor's scheme**: the seed's keys use PKCS#12 PBE (SHA-1 + 3DES, about 2,048
    /// rounds, password source unknown; notes §6.2), which this crate neither writes nor reads.
    /// A key written here is read back by [`from_encrypted_pkcs8_pem`](Self::from_encrypted_pkcs8_pem).
    ///
    /// # Errors
    ///
    /// [`CryptoError::InvalidPrivateKey`] when `iterations` is 0 or encoding fails.
    pub fn encrypted_private_key_pem(
        &self,
        password: &Secret,
        iterations: u32,
    ) -> Result<PemEncryptedPrivateKey, CryptoError> {
        let invalid = |reason: String| CryptoError::InvalidPrivateKey { reason };
        if iterations == 0 {
            return Err(invalid("at least one PBKDF2 iteration is required".into()));
        }
        let der = self
            .private_key
            .to_pkcs8_der()
            .map_err(|e| invalid(e.to_string()))?;
        let info = PrivateKeyInfo::try_from(der.as_bytes()).map_err(|e| invalid(e.to_string()))?;
        let mut salt = [0u8; 16];
        let mut iv = [0u8; 16];
        OsRng.fill_bytes(&mut salt);
        OsRng.fill_bytes(&mut iv);
        let params = pbes2::Parameters::pbkdf2_sha256_aes256cbc(iterations, &salt, &iv)
            .map_err(|e| invalid(e.to_string()))?;
        let encrypted = info
            .encrypt_with_params(params, password.expose().as_bytes())
            .map_err(|e| invalid(e.to_string()))?;
        let pem = encrypted
            .to_pem("ENCRYPTED PRIVATE KEY", LineEnding::LF)
            .map_err(|e| invalid(e.to_string()))?;
        Ok(PemEncryptedPrivateKey::new(pem.as_str()))
    }

    /// A provider for a key written by
    /// [`encrypted_private_key_pem`](Self::encrypted_private_key_pem) (any PKCS#8 PBES2 key).
    ///
    /// # Errors
    ///
    /// [`CryptoError::InvalidPrivateKey`] for a wrong password or another scheme (no detail).
    pub fn from_encrypted_pkcs8_pem(
        pem: &PemEncryptedPrivateKey,
        password: &Secret,
    ) -> Result<Self, CryptoError> {
        let private_key =
            RsaPrivateKey::from_pkcs8_encrypted_pem(pem.expose(), password.expose().as_bytes())
                .map_err(|_| CryptoError::InvalidPrivateKey {
                    reason: "cannot decrypt (wrong password or unsupported scheme)".into(),
                })?;
        Self::from_key(private_key)
    }

    /// The RSA modulus size in bits.
    pub fn bits(&self) -> usize {
        self.private_key.size() * 8
    }
}

/// Parses a recipient's or signer's public key.
fn rsa_public_key(pem: &PemPublicKey) -> Result<RsaPublicKey, CryptoError> {
    let key = RsaPublicKey::from_public_key_pem(&pem.normalized()).map_err(|e| {
        CryptoError::InvalidPublicKey {
            reason: e.to_string(),
        }
    })?;
    if key.size() * 8 < MIN_BITS {
        return Err(CryptoError::InvalidPublicKey {
            reason: format!("an RSA key of at least {MIN_BITS} bits is required"),
        });
    }
    Ok(key)
}

/// SHA-256 of what a session-key signature covers.
fn signed_digest(conversation: &ConversationUuid, key: &SymmetricKey) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(SIGNATURE_CONTEXT);
    hasher.update(conversation.as_str().to_ascii_lowercase().as_bytes());
    hasher.update(b"\n");
    hasher.update(key.expose());
    hasher.finalize().to_vec()
}

/// AES-CTR keystream applied to `data` (encryption and decryption are the same operation).
fn aes_ctr(key: &SymmetricKey, iv: &[u8; 16], data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let mut out = data.to_vec();
    match key.len() {
        32 => Ctr128BE::<Aes256>::new(key.expose().into(), iv.into()).apply_keystream(&mut out),
        16 => Ctr128BE::<Aes128>::new(key.expose().into(), iv.into()).apply_keystream(&mut out),
        len => return Err(CryptoError::KeyLength { len }),
    }
    Ok(out)
}

impl CryptoProvider for ReferenceProvider {
    fn public_key(&self) -> PemPublicKey {
        self.public_key.clone()
    }

    fn wrap_session_key(
        &self,
        key: &SymmetricKey,
        recipient: &PemPublicKey,
    ) -> Result<Base64Data, CryptoError> {
        let public_key = rsa_public_key(recipient)?;
        let wrapped = match self.encryption {
            RsaEncryption::OaepSha256 => {
                public_key.encrypt(&mut OsRng, Oaep::new::<Sha256>(), key.expose())
            }
            RsaEncryption::Pkcs1v15 => {
                public_key.encrypt(&mut OsRng, Pkcs1v15Encrypt, key.expose())
            }
        }
        .map_err(|e| CryptoError::Wrap {
            reason: e.to_string(),
        })?;
        Ok(Base64Data::encode(&wrapped))
    }

    fn unwrap_session_key(&self, wrapped: &Base64Data) -> Result<SymmetricKey, CryptoError> {
        let ciphertext = wrapped.decode().map_err(|_| CryptoError::Base64 {
            field: "keyEncryptedBase64".into(),
        })?;
        let key = match self.encryption {
            RsaEncryption::OaepSha256 => {
                self.private_key.decrypt(Oaep::new::<Sha256>(), &ciphertext)
            }
            RsaEncryption::Pkcs1v15 => self.private_key.decrypt(Pkcs1v15Encrypt, &ciphertext),
        }
        .map_err(|_| CryptoError::Unwrap)?;
        SymmetricKey::from_bytes(key)
    }

    fn sign_session_key(
        &self,
        conversation: &ConversationUuid,
        key: &SymmetricKey,
    ) -> Result<Base64Data, CryptoError> {
        let digest = signed_digest(conversation, key);
        let signature = match self.signature {
            RsaSignature::Pkcs1v15Sha256 => self
                .private_key
                .sign(Pkcs1v15Sign::new::<Sha256>(), &digest),
            RsaSignature::PssSha256 => {
                self.private_key
                    .sign_with_rng(&mut OsRng, Pss::new::<Sha256>(), &digest)
            }
        }
        .map_err(|e| CryptoError::Sign {
            reason: e.to_string(),
        })?;
        Ok(Base64Data::encode(&signature))
    }

    fn verify_session_key(
        &self,
        conversation: &ConversationUuid,
        key: &SymmetricKey,
        signature: &Base64Data,
        signer: &PemPublicKey,
    ) -> Result<(), CryptoError> {
        let public_key = rsa_public_key(signer)?;
        let signature = signature.decode().map_err(|_| CryptoError::Base64 {
            field: "signatureBase64".into(),
        })?;
        let digest = signed_digest(conversation, key);
        match self.signature {
            RsaSignature::Pkcs1v15Sha256 => {
                public_key.verify(Pkcs1v15Sign::new::<Sha256>(), &digest, &signature)
            }
            RsaSignature::PssSha256 => public_key.verify(Pss::new::<Sha256>(), &digest, &signature),
        }
        .map_err(|_| CryptoError::BadSignature)
    }

    fn encrypt_with_iv(
        &self,
        key: &SymmetricKey,
        iv: &[u8; 16],
        plaintext: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        aes_ctr(key, iv, plaintext)
    }

    fn decrypt(
        &self,
        key: &SymmetricKey,
        iv: &[u8; 16],
        ciphertext: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        aes_ctr(key, iv, ciphertext)
    }

    fn random_iv(&self) -> [u8; 16] {
        let mut iv = [0u8; 16];
        OsRng.fill_bytes(&mut iv);
        iv
    }
}

impl fmt::Debug for ReferenceProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReferenceProvider")
            .field("bits", &self.bits())
            .field("encryption", &self.encryption)
            .field("signature", &self.signature)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;
