//! SaltyRTC (protocol v1) with the relayed-data task, sans IO: the transport under ARP.
//!
//! - [`Signaling`]: the client state machine for both roles, the **initiator** (the ARP client,
//!   Threema Web's side) and the **responder** (the app; used by the testkit's fake app):
//!   server handshake (`server-hello`, `client-hello`, `client-auth`, `server-auth` with
//!   `signed_keys` checked against a pinned server key), client-to-client handshake (`token`
//!   or a trusted key, `key`, `auth` with task selection), server notifications
//!   (`new-responder`, `new-initiator`, `disconnected`, `send-error`), `drop-responder`, path
//!   cleaning, and the relayed-data task (`data`, `close`, `application`);
//! - [`Nonce`], [`Cookie`]: the 24-byte message header and its checks;
//! - [`Message`]: every message as a msgpack map;
//! - [`KeyPair`]: NaCl keys whose secret never prints;
//! - [`CloseCode`], [`SignalingError`].
//!
//! Crypto is RustCrypto's `crypto_box` (XSalsa20-Poly1305 boxes) and `xsalsa20poly1305`
//! (the secretbox of the `token` message), laid out as libsodium does (MAC ‖ ciphertext).

mod close_code;
mod crypto;
mod error;
mod keys;
mod message;
mod nonce;
#[cfg(any(test, feature = "testkit"))]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod server;
mod signaling;
#[cfg(test)]
mod tests;

pub use close_code::CloseCode;
pub use error::SignalingError;
pub use keys::{KEY_LENGTH, KeyPair, to_hex};
pub use message::{Message, Payload};
pub use nonce::{COOKIE_LENGTH, Cookie, MAX_CSN, NONCE_LENGTH, Nonce};
pub use signaling::{
    Action, Event, HANDSHAKE_COOLDOWN, INACTIVE_RESPONDER_TIMEOUT, InitiatorConfig, PATH_CONGESTED,
    Phase, ResponderConfig, Signaling,
};

#[cfg(test)]
pub(crate) use crypto::{Sealer, seal};

/// The WebSocket subprotocol of SaltyRTC 1.
pub const SUBPROTOCOL: &str = "v1.saltyrtc.org";
/// The name of the relayed-data task (what ARP uses with the iOS app).
pub const RELAYED_DATA_TASK: &str = "v0.relayed-data.tasks.saltyrtc.org";
/// The server's address.
pub const SERVER_ADDRESS: u8 = 0x00;
/// The initiator's address.
pub const INITIATOR_ADDRESS: u8 = 0x01;
