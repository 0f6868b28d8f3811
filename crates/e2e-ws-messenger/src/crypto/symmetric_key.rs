//! [`SymmetricKey`]: a session key's raw bytes, wiped on drop and never printed.

use crate::error::CryptoError;
use rand::RngCore as _;
use std::fmt;
use zeroize::Zeroizing;

/// A symmetric session key: 32 bytes (AES-256) when this crate makes one, 16 accepted (AES-128)
/// since the protocol's key length is unknown. Wiped from memory on drop; `Debug` shows only
/// the length.
#[derive(Clone)]
pub struct SymmetricKey(Zeroizing<Vec<u8>>);

impl SymmetricKey {
    /// A new random 32-byte key from the operating system's generator.
    pub fn generate() -> Self {
        let mut bytes = Zeroizing::new(vec![0u8; 32]);
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// A key from its bytes.
    ///
    /// # Errors
    ///
    /// [`CryptoError::KeyLength`] unless `bytes` is 16 or 32 bytes long.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, CryptoError> {
        let bytes = Zeroizing::new(bytes);
        match bytes.len() {
            16 | 32 => Ok(Self(bytes)),
            len => Err(CryptoError::KeyLength { len }),
        }
    }

    /// The key bytes. Use them only to encrypt or wrap.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// The key length in bytes (16 or 32).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: a key has 16 or 32 bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl PartialEq for SymmetricKey {
    fn eq(&self, other: &Self) -> bool {
        // Constant-time over the common length.
        let (a, b) = (self.expose(), other.expose());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl Eq for SymmetricKey {}

impl fmt::Debug for SymmetricKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SymmetricKey({} bytes, [redacted])", self.0.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_equality_and_redaction() {
        let a = SymmetricKey::generate();
        let b = SymmetricKey::generate();
        assert_eq!(a.len(), 32);
        assert!(!a.is_empty());
        assert_ne!(a, b);
        assert_eq!(a, SymmetricKey::from_bytes(a.expose().to_vec()).unwrap());
        assert_eq!(SymmetricKey::from_bytes(vec![7; 16]).unwrap().len(), 16);
        assert_eq!(
            SymmetricKey::from_bytes(vec![7; 24]).unwrap_err(),
            CryptoError::KeyLength { len: 24 }
        );
        let shown = format!("{:?}", SymmetricKey::from_bytes(vec![0xab; 16]).unwrap());
        assert_eq!(shown, "SymmetricKey(16 bytes, [redacted])");
    }
}
