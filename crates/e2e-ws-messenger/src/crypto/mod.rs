//! End-to-end encryption: the [`CryptoProvider`] trait and the [`ReferenceProvider`].
//!
//! The server only relays opaque strings; all crypto happens in clients (notes §6). A
//! conversation has session keys (symmetric, [`SymmetricKey`]); each member gets a copy wrapped
//! with their RSA public key ([`SessionKeyValue`] going up, [`SessionKey`] coming down), signed
//! by the member who made it. Message bodies, file names, per-conversation nicks and titles are
//! encrypted with a session key under a 16-byte IV, in a length-preserving keystream mode.
//!
//! The trait's required methods are the primitives a scheme must define; its provided methods
//! build and open the wire objects (session-key copies, message bodies, envelopes, file names)
//! on top of them, so another scheme only replaces the primitives.

mod reference;
mod symmetric_key;

pub use reference::{ReferenceProvider, RsaEncryption, RsaSignature};
pub use symmetric_key::SymmetricKey;

use crate::error::CryptoError;
use crate::model::{
    Base64Data, ConversationUuid, EncryptedEnvelope, EnvelopeFields, EnvelopeStyle, KeyPairUuid,
    Message, PemPublicKey, SessionKey, SessionKeyUuid, SessionKeyValue, UserId,
};

/// The end-to-end crypto of one user: their own RSA key pair plus the symmetric cipher.
///
/// Implementations are plain values (`Send + Sync`) usable behind `Arc<dyn CryptoProvider>`.
pub trait CryptoProvider: Send + Sync {
    /// This user's public key, as `publicKeyBase64` carries it.
    fn public_key(&self) -> PemPublicKey;

    /// Wraps `key` for the holder of `recipient` (`keyEncryptedBase64`).
    ///
    /// # Errors
    ///
    /// [`CryptoError::InvalidPublicKey`] or [`CryptoError::Wrap`].
    fn wrap_session_key(
        &self,
        key: &SymmetricKey,
        recipient: &PemPublicKey,
    ) -> Result<Base64Data, CryptoError>;

    /// Unwraps a copy wrapped for this user's public key.
    ///
    /// # Errors
    ///
    /// [`CryptoError::Unwrap`] (no detail, on purpose) or [`CryptoError::Base64`].
    fn unwrap_session_key(&self, wrapped: &Base64Data) -> Result<SymmetricKey, CryptoError>;

    /// Signs `key` as a session key of `conversation` (`signatureBase64`). The signature covers
    /// nothing recipient-specific, so one signature serves every recipient's copy (as the seed
    /// shows).
    ///
    /// # Errors
    ///
    /// [`CryptoError::Sign`].
    fn sign_session_key(
        &self,
        conversation: &ConversationUuid,
        key: &SymmetricKey,
    ) -> Result<Base64Data, CryptoError>;

    /// Verifies `signature` over `key` for `conversation` by the holder of `signer`.
    ///
    /// # Errors
    ///
    /// [`CryptoError::BadSignature`], [`CryptoError::InvalidPublicKey`] or
    /// [`CryptoError::Base64`].
    fn verify_session_key(
        &self,
        conversation: &ConversationUuid,
        key: &SymmetricKey,
        signature: &Base64Data,
        signer: &PemPublicKey,
    ) -> Result<(), CryptoError>;

    /// Encrypts with `key` under `iv`; the ciphertext is as long as the plaintext.
    ///
    /// # Errors
    ///
    /// [`CryptoError::KeyLength`] when the scheme cannot use `key`.
    fn encrypt_with_iv(
        &self,
        key: &SymmetricKey,
        iv: &[u8; 16],
        plaintext: &[u8],
    ) -> Result<Vec<u8>, CryptoError>;

    /// Decrypts what [`encrypt_with_iv`](Self::encrypt_with_iv) produced.
    ///
    /// # Errors
    ///
    /// [`CryptoError::KeyLength`] when the scheme cannot use `key`.
    fn decrypt(
        &self,
        key: &SymmetricKey,
        iv: &[u8; 16],
        ciphertext: &[u8],
    ) -> Result<Vec<u8>, CryptoError>;

    /// A fresh random IV.
    fn random_iv(&self) -> [u8; 16];

    /// Encrypts under a fresh IV; returns `(iv, ciphertext)`.
    ///
    /// # Errors
    ///
    /// As [`encrypt_with_iv`](Self::encrypt_with_iv).
    fn encrypt(
        &self,
        key: &SymmetricKey,
        plaintext: &[u8],
    ) -> Result<([u8; 16], Vec<u8>), CryptoError> {
        let iv = self.random_iv();
        let ciphertext = self.encrypt_with_iv(key, &iv, plaintext)?;
        Ok((iv, ciphertext))
    }

    /// One signed copy of `key` per recipient, signed once by this user (`signer`,
    /// `signer_key_pair`): what `RequestCreateConversationFull`, `RequestAddMember`,
    /// `RequestAddAdmin` and `RequestAddNewSessionKeys` carry.
    ///
    /// # Errors
    ///
    /// As [`sign_session_key`](Self::sign_session_key) and
    /// [`wrap_session_key`](Self::wrap_session_key).
    fn session_key_copies(
        &self,
        conversation: &ConversationUuid,
        key: &SymmetricKey,
        signer: &UserId,
        signer_key_pair: &KeyPairUuid,
        recipients: &[(UserId, PemPublicKey)],
    ) -> Result<Vec<SessionKeyValue>, CryptoError> {
        let signature = self.sign_session_key(conversation, key)?;
        recipients
            .iter()
            .map(|(user, public_key)| {
                Ok(SessionKeyValue::new(
                    self.wrap_session_key(key, public_key)?,
                    signature.clone(),
                    signer_key_pair.clone(),
                    signer.clone(),
                    user.clone(),
                ))
            })
            .collect()
    }

    /// Unwraps this user's copy of a session key and verifies its signature with the signer's
    /// public key (the key of `signerUserId` for `signerKeyPairUuid`, which the caller looks
    /// up).
    ///
    /// # Errors
    ///
    /// As [`unwrap_session_key`](Self::unwrap_session_key) and
    /// [`verify_session_key`](Self::verify_session_key).
    fn open_session_key(
        &self,
        session_key: &SessionKey,
        signer_public_key: &PemPublicKey,
    ) -> Result<SymmetricKey, CryptoError> {
        let key = self.unwrap_session_key(&session_key.key_encrypted_base64)?;
        self.verify_session_key(
            &session_key.conversation_uuid,
            &key,
            &session_key.signature_base64,
            signer_public_key,
        )?;
        Ok(key)
    }

    /// Encrypts a message body: `(ivBase64, bodyEncryptedBase64)` for `RequestAddMessage`.
    ///
    /// # Errors
    ///
    /// As [`encrypt_with_iv`](Self::encrypt_with_iv).
    fn encrypt_body(
        &self,
        key: &SymmetricKey,
        plaintext: &[u8],
    ) -> Result<(Base64Data, Base64Data), CryptoError> {
        let (iv, ciphertext) = self.encrypt(key, plaintext)?;
        Ok((Base64Data::encode(&iv), Base64Data::encode(&ciphertext)))
    }

    /// Decrypts a message's body; `None` for a system message, which has none.
    ///
    /// # Errors
    ///
    /// [`CryptoError::Base64`] or [`CryptoError::IvLength`] for malformed fields.
    fn decrypt_body(
        &self,
        key: &SymmetricKey,
        message: &Message,
    ) -> Result<Option<Vec<u8>>, CryptoError> {
        let (Some(iv), Some(body)) = (&message.iv_base64, &message.body_encrypted_base64) else {
            return Ok(None);
        };
        let iv = iv_of(iv)?;
        let body = body.decode().map_err(|_| CryptoError::Base64 {
            field: "bodyEncryptedBase64".into(),
        })?;
        self.decrypt(key, &iv, &body).map(Some)
    }

    /// Encrypts a name (nick, title) into an envelope under a fresh IV. With `session_key`,
    /// the envelope names the conversation and session key (the form of per-conversation
    /// nicks and titles); without, it has only the ciphertext and IV (the user's own nick).
    ///
    /// # Errors
    ///
    /// As [`encrypt_with_iv`](Self::encrypt_with_iv).
    fn seal_envelope(
        &self,
        key: &SymmetricKey,
        session_key: Option<(&ConversationUuid, &SessionKeyUuid)>,
        plaintext: &[u8],
        style: EnvelopeStyle,
    ) -> Result<EncryptedEnvelope, CryptoError> {
        let (iv, ciphertext) = self.encrypt(key, plaintext)?;
        let mut fields = EnvelopeFields::new(ciphertext, iv);
        if let Some((conversation, session_key)) = session_key {
            fields = fields.with_session_key(conversation.clone(), session_key.clone());
        }
        Ok(fields.seal(style))
    }

    /// Decrypts an envelope. With `key_uuid`, an envelope naming another session key is
    /// refused instead of decrypted into garbage (there is no MAC to notice it).
    ///
    /// # Errors
    ///
    /// [`CryptoError::Envelope`] for a malformed envelope, [`CryptoError::WrongSessionKey`].
    fn open_envelope(
        &self,
        key: &SymmetricKey,
        key_uuid: Option<&SessionKeyUuid>,
        envelope: &EncryptedEnvelope,
    ) -> Result<Vec<u8>, CryptoError> {
        let fields = envelope.parse()?;
        if let (Some(given), Some(named)) = (key_uuid, &fields.session_key_uuid)
            && !given.eq_ignore_case(named)
        {
            return Err(CryptoError::WrongSessionKey {
                expected: named.to_string(),
                given: given.to_string(),
            });
        }
        self.decrypt(key, &fields.iv, &fields.encrypted_body)
    }

    /// Encrypts a file name with the message body's key and IV (`fileNameEncrypted` has no IV
    /// of its own; the seed shows the body's keystream reused, notes §6.4 — a weakness of the
    /// protocol, kept for compatibility).
    ///
    /// # Errors
    ///
    /// As [`encrypt_with_iv`](Self::encrypt_with_iv), [`CryptoError::Base64`] or
    /// [`CryptoError::IvLength`] for a malformed `body_iv`.
    fn encrypt_file_name(
        &self,
        key: &SymmetricKey,
        body_iv: &Base64Data,
        name: &str,
    ) -> Result<Base64Data, CryptoError> {
        let iv = iv_of(body_iv)?;
        Ok(Base64Data::encode(&self.encrypt_with_iv(
            key,
            &iv,
            name.as_bytes(),
        )?))
    }

    /// Decrypts a file name with the message body's key and IV; the bytes are returned as is
    /// (a name is usually UTF-8).
    ///
    /// # Errors
    ///
    /// [`CryptoError::Base64`] or [`CryptoError::IvLength`] for malformed fields.
    fn decrypt_file_name(
        &self,
        key: &SymmetricKey,
        body_iv: &Base64Data,
        file_name_encrypted: &Base64Data,
    ) -> Result<Vec<u8>, CryptoError> {
        let iv = iv_of(body_iv)?;
        let name = file_name_encrypted
            .decode()
            .map_err(|_| CryptoError::Base64 {
                field: "fileNameEncrypted".into(),
            })?;
        self.decrypt(key, &iv, &name)
    }
}

/// A 16-byte IV from its base64 field.
fn iv_of(iv: &Base64Data) -> Result<[u8; 16], CryptoError> {
    let bytes = iv.decode().map_err(|_| CryptoError::Base64 {
        field: "ivBase64".into(),
    })?;
    <[u8; 16]>::try_from(bytes.as_slice()).map_err(|_| CryptoError::IvLength { len: bytes.len() })
}
