//! [`KeyPair`]: a NaCl (Curve25519) key pair whose secret half never prints.

use crypto_box::{PublicKey, SalsaBox, SecretKey};
use rand::rngs::OsRng;
use std::fmt;
use zeroize::Zeroizing;

/// The length of NaCl public and secret keys.
pub const KEY_LENGTH: usize = 32;

/// A NaCl key pair for public-key authenticated encryption (`crypto_box`, Curve25519 +
/// XSalsa20-Poly1305): a client's permanent key or a session key.
///
/// `Debug` shows the public key in hex and never the secret key; the secret is wiped from
/// memory on drop.
///
/// ```
/// use threema_arp::saltyrtc::KeyPair;
///
/// let pair = KeyPair::generate();
/// let restored = KeyPair::from_secret_bytes(*pair.secret_bytes());
/// assert_eq!(restored.public_key(), pair.public_key());
/// assert!(format!("{pair:?}").contains("[redacted]"));
/// ```
#[derive(Clone)]
pub struct KeyPair {
    secret: SecretKey,
    public: [u8; KEY_LENGTH],
}

impl KeyPair {
    /// A fresh random key pair (from the operating system's CSPRNG).
    pub fn generate() -> Self {
        Self::from_secret(SecretKey::generate(&mut OsRng))
    }

    /// The key pair of a stored secret key.
    pub fn from_secret_bytes(secret: [u8; KEY_LENGTH]) -> Self {
        let secret = Zeroizing::new(secret);
        Self::from_secret(SecretKey::from_bytes(*secret))
    }

    fn from_secret(secret: SecretKey) -> Self {
        let public = secret.public_key().to_bytes();
        Self { secret, public }
    }

    /// The public key.
    pub fn public_key(&self) -> &[u8; KEY_LENGTH] {
        &self.public
    }

    /// The secret key bytes, for storing a persistent session. Handle with care: whoever has
    /// them can impersonate this client.
    pub fn secret_bytes(&self) -> Zeroizing<[u8; KEY_LENGTH]> {
        Zeroizing::new(self.secret.to_bytes())
    }

    /// The precomputed box for talking to the owner of `peer_public_key`.
    pub(crate) fn salsa_box(&self, peer_public_key: &[u8; KEY_LENGTH]) -> SalsaBox {
        SalsaBox::new(&PublicKey::from_bytes(*peer_public_key), &self.secret)
    }

    /// The crypto_box secret key.
    pub(crate) fn secret_key(&self) -> &SecretKey {
        &self.secret
    }
}

impl fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyPair")
            .field("public", &Hex(&self.public))
            .field("secret", &format_args!("[redacted]"))
            .finish()
    }
}

impl PartialEq for KeyPair {
    /// Key pairs are equal when their public keys are (the secret determines the public key).
    fn eq(&self, other: &Self) -> bool {
        self.public == other.public
    }
}

impl Eq for KeyPair {}

/// Lowercase hex of bytes, for `Debug` output of public values.
pub(crate) struct Hex<'a>(pub(crate) &'a [u8]);

impl fmt::Debug for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// Lowercase hex of a public key (the SaltyRTC signalling path is the initiator's).
pub fn to_hex(bytes: &[u8]) -> String {
    Hex(bytes).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crypto_box::aead::Aead;

    #[test]
    fn debug_never_shows_the_secret() {
        let pair = KeyPair::from_secret_bytes([7; 32]);
        let secret_hex = to_hex(&[7; 32]);
        let shown = format!("{pair:?}");
        assert!(!shown.contains(&secret_hex), "{shown}");
        assert!(shown.contains(&to_hex(pair.public_key())), "{shown}");
        assert!(shown.contains("[redacted]"));
    }

    #[test]
    fn boxes_are_symmetric() {
        let a = KeyPair::generate();
        let b = KeyPair::generate();
        assert_ne!(a, b);
        let nonce = crypto_box::Nonce::from([3u8; 24]);
        let sealed = a
            .salsa_box(b.public_key())
            .encrypt(&nonce, &b"hi"[..])
            .unwrap();
        let opened = b
            .salsa_box(a.public_key())
            .decrypt(&nonce, sealed.as_slice())
            .unwrap();
        assert_eq!(opened, b"hi");
        assert_eq!(to_hex(&[0x0a, 0xff]), "0aff");
    }
}
