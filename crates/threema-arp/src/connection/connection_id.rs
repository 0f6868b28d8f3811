//! [`ConnectionId`]: the identifier of one SaltyRTC connection (spec concept
//! `connectionId`).

use crypto_box::aead::Aead;
use crypto_box::{Nonce, PublicKey, SalsaBox, SecretKey};
use std::fmt;

/// The nonce used to derive a connection ID.
pub const CONNECTION_ID_NONCE: &[u8; 24] = b"connectionidconnectionid";

/// The fake connection ID the Android app always sends (`01..08` four times), meaning it
/// does not implement resumption.
pub const ANDROID_FAKE_CONNECTION_ID: [u8; 32] = [
    1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8,
];

/// The 16-byte connection ID: the Poly1305 tag of a NaCl box of the empty message under the
/// nonce `connectionidconnectionid`, with this peer's SaltyRTC **session** secret key and
/// the other peer's session public key. Both peers derive the same value.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConnectionId([u8; 16]);

impl ConnectionId {
    /// Wraps an ID computed elsewhere (by the SaltyRTC transport).
    pub fn new(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    /// Derives the ID from the session keys of an established SaltyRTC connection.
    pub fn derive(own_session_secret: &SecretKey, peer_session_public: &PublicKey) -> Self {
        let salsa_box = SalsaBox::new(peer_session_public, own_session_secret);
        // Encrypting an empty plaintext cannot fail; the output is exactly the 16-byte tag.
        let id = salsa_box
            .encrypt(Nonce::from_slice(CONNECTION_ID_NONCE), &[][..])
            .ok()
            .and_then(|tag| <[u8; 16]>::try_from(tag.as_slice()).ok())
            .unwrap_or_default();
        Self(id)
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }
}

impl fmt::Debug for ConnectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ConnectionId(")?;
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        write!(f, ")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::OsRng;

    #[test]
    fn both_peers_derive_the_same_id() {
        let initiator = SecretKey::generate(&mut OsRng);
        let responder = SecretKey::generate(&mut OsRng);
        let a = ConnectionId::derive(&initiator, &responder.public_key());
        let b = ConnectionId::derive(&responder, &initiator.public_key());
        assert_eq!(a, b);
        assert_ne!(a.as_bytes(), &[0; 16]);
        let other = SecretKey::generate(&mut OsRng);
        assert_ne!(a, ConnectionId::derive(&initiator, &other.public_key()));
    }

    #[test]
    fn equals_the_mac_of_an_empty_box() {
        // With fixed keys the ID is the tag of `crypto_box_easy("", nonce)`.
        let ours = SecretKey::from([1u8; 32]);
        let theirs = SecretKey::from([2u8; 32]).public_key();
        let id = ConnectionId::derive(&ours, &theirs);
        let boxed = SalsaBox::new(&theirs, &ours)
            .encrypt(Nonce::from_slice(CONNECTION_ID_NONCE), &b""[..])
            .unwrap();
        assert_eq!(boxed.len(), 16);
        assert_eq!(&boxed[..], id.as_bytes());
        assert!(format!("{id:?}").starts_with("ConnectionId("));
    }
}
