//! Fixed RSA-4096 key pairs for tests and demos, so that nothing has to generate RSA-4096 keys
//! (seconds in release builds, minutes in debug builds).
//!
//! **These keys are public: never use them for anything but tests.**

use crate::crypto::ReferenceProvider;
use crate::error::CryptoError;

/// Alice's private key (unencrypted PKCS#8 PEM).
pub const ALICE: &str = include_str!("../crypto/test_keys/alice.private.pem");

/// Bob's private key (unencrypted PKCS#8 PEM).
pub const BOB: &str = include_str!("../crypto/test_keys/bob.private.pem");

/// Carol's private key (unencrypted PKCS#8 PEM).
pub const CAROL: &str = include_str!("../crypto/test_keys/carol.private.pem");

/// A [`ReferenceProvider`] for one of the keys above.
///
/// # Errors
///
/// [`CryptoError::InvalidPrivateKey`] if `pem` is not one of them (they always parse).
pub fn provider(pem: &str) -> Result<ReferenceProvider, CryptoError> {
    ReferenceProvider::from_pkcs8_pem(pem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::CryptoProvider;

    #[test]
    fn the_three_keys_are_distinct_rsa_4096_keys() {
        let keys: Vec<ReferenceProvider> = [ALICE, BOB, CAROL]
            .into_iter()
            .map(|pem| provider(pem).unwrap())
            .collect();
        assert!(keys.iter().all(|k| k.bits() == 4096));
        assert_ne!(keys[0].public_key(), keys[1].public_key());
        assert_ne!(keys[1].public_key(), keys[2].public_key());
    }
}
