//! Building and opening frames: nonce ‖ data, where data is plain msgpack, a NaCl box
//! (`crypto_box`, XSalsa20-Poly1305 with a Curve25519 shared key) or a NaCl secretbox (the
//! `token` message). Boxes are laid out as libsodium's `*_easy` functions do: MAC ‖ ciphertext.

use super::error::SignalingError;
use super::message::{Message, encode_data};
use super::nonce::{NONCE_LENGTH, Nonce};
use crate::qr::AuthToken;
use bytes::Bytes;
use crypto_box::SalsaBox;
use crypto_box::aead::AeadInPlace;
use crypto_box::aead::generic_array::GenericArray;
use xsalsa20poly1305::XSalsa20Poly1305;
use xsalsa20poly1305::aead::KeyInit;

/// The length of the Poly1305 tag.
pub(crate) const TAG_LENGTH: usize = 16;

/// A key that encrypts frames.
pub(crate) enum Sealer<'a> {
    /// No encryption (`server-hello`, `client-hello`).
    Plain,
    /// A public-key box.
    Box(&'a SalsaBox),
    /// A secret-key box with the auth token.
    Token(&'a AuthToken),
}

/// Encodes `message` behind `nonce` and encrypts it with `sealer`.
pub(crate) fn seal(
    nonce: &Nonce,
    sealer: Sealer<'_>,
    message: &Message,
) -> Result<Bytes, SignalingError> {
    seal_with(nonce, sealer, message.message_type(), 128, |out| {
        message.encode_into(out)
    })
}

/// A `data` message with `payload` as bin, boxed: the hot path of bulk transfers (one
/// allocation, encrypted in place).
pub(crate) fn seal_data(
    nonce: &Nonce,
    key: &SalsaBox,
    payload: &[u8],
) -> Result<Bytes, SignalingError> {
    seal_with(nonce, Sealer::Box(key), "data", payload.len() + 16, |out| {
        encode_data(payload, out)
    })
}

fn seal_with(
    nonce: &Nonce,
    sealer: Sealer<'_>,
    message_type: &str,
    size_hint: usize,
    encode: impl FnOnce(&mut Vec<u8>) -> Result<(), SignalingError>,
) -> Result<Bytes, SignalingError> {
    let nonce_bytes = nonce.to_bytes();
    let mut out = Vec::with_capacity(NONCE_LENGTH + TAG_LENGTH + size_hint);
    out.extend_from_slice(&nonce_bytes);
    let encrypted = !matches!(sealer, Sealer::Plain);
    if encrypted {
        out.extend_from_slice(&[0; TAG_LENGTH]);
    }
    encode(&mut out)?;
    let fail = || SignalingError::Encode {
        message: message_type.to_owned(),
        reason: "encryption failed".into(),
    };
    let n = GenericArray::from_slice(&nonce_bytes);
    let plaintext_at = NONCE_LENGTH + TAG_LENGTH;
    let tag = match sealer {
        Sealer::Plain => return Ok(out.into()),
        Sealer::Box(key) => key
            .encrypt_in_place_detached(n, b"", &mut out[plaintext_at..])
            .map_err(|_| fail())?,
        Sealer::Token(token) => XSalsa20Poly1305::new(GenericArray::from_slice(token.expose()))
            .encrypt_in_place_detached(n, b"", &mut out[plaintext_at..])
            .map_err(|_| fail())?,
    };
    out[NONCE_LENGTH..plaintext_at].copy_from_slice(&tag);
    Ok(out.into())
}

/// Decrypts the data section of `frame` (everything after the nonce) with `sealer` and
/// decodes the message. `None` if decryption failed (the caller knows which error that is).
pub(crate) fn open(frame: &[u8], sealer: Sealer<'_>) -> Result<Option<Message>, SignalingError> {
    let Some((nonce_bytes, data)) = frame.split_first_chunk::<NONCE_LENGTH>() else {
        return Ok(None);
    };
    let plaintext = match sealer {
        Sealer::Plain => return Message::decode(data).map(Some),
        Sealer::Box(key) => decrypt(data, nonce_bytes, |n, buf, tag| {
            key.decrypt_in_place_detached(n, b"", buf, tag).is_ok()
        }),
        Sealer::Token(token) => {
            let cipher = XSalsa20Poly1305::new(GenericArray::from_slice(token.expose()));
            decrypt(data, nonce_bytes, |n, buf, tag| {
                cipher.decrypt_in_place_detached(n, b"", buf, tag).is_ok()
            })
        }
    };
    match plaintext {
        Some(plaintext) => Message::decode(&plaintext).map(Some),
        None => Ok(None),
    }
}

type Tag = GenericArray<u8, crypto_box::aead::consts::U16>;
type NonceArray = GenericArray<u8, crypto_box::aead::consts::U24>;

fn decrypt(
    data: &[u8],
    nonce: &[u8; NONCE_LENGTH],
    run: impl FnOnce(&NonceArray, &mut [u8], &Tag) -> bool,
) -> Option<Vec<u8>> {
    let (tag, ciphertext) = data.split_first_chunk::<TAG_LENGTH>()?;
    let mut buffer = ciphertext.to_vec();
    run(
        GenericArray::from_slice(nonce),
        &mut buffer,
        GenericArray::from_slice(tag),
    )
    .then_some(buffer)
}

/// `box(plaintext)` laid out as MAC ‖ ciphertext, with an explicit nonce (for `signed_keys`).
#[cfg_attr(not(any(test, feature = "testkit")), allow(dead_code))]
pub(crate) fn box_bytes(
    key: &SalsaBox,
    nonce: &[u8; NONCE_LENGTH],
    plaintext: &[u8],
) -> Option<Vec<u8>> {
    let mut out = vec![0; TAG_LENGTH];
    out.extend_from_slice(plaintext);
    let tag = key
        .encrypt_in_place_detached(GenericArray::from_slice(nonce), b"", &mut out[TAG_LENGTH..])
        .ok()?;
    out[..TAG_LENGTH].copy_from_slice(&tag);
    Some(out)
}

/// Opens a `box` laid out as MAC ‖ ciphertext, with an explicit nonce (for `signed_keys`).
pub(crate) fn unbox_bytes(
    key: &SalsaBox,
    nonce: &[u8; NONCE_LENGTH],
    data: &[u8],
) -> Option<Vec<u8>> {
    decrypt(data, nonce, |n, buf, tag| {
        key.decrypt_in_place_detached(n, b"", buf, tag).is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::saltyrtc::KeyPair;
    use crate::saltyrtc::message::Payload;
    use crate::saltyrtc::nonce::Cookie;
    use crypto_box::aead::Aead;

    fn nonce() -> Nonce {
        Nonce {
            cookie: Cookie([1; 16]),
            source: 1,
            destination: 2,
            csn: 77,
        }
    }

    #[test]
    fn boxes_are_mac_then_ciphertext_like_libsodium() {
        let a = KeyPair::from_secret_bytes([1; 32]);
        let b = KeyPair::from_secret_bytes([2; 32]);
        let message = Message::Key { key: [9; 32] };
        let frame = seal(
            &nonce(),
            Sealer::Box(&a.salsa_box(b.public_key())),
            &message,
        )
        .unwrap();
        // The same bytes as the one-shot AEAD API (which prepends the tag).
        let expected = a
            .salsa_box(b.public_key())
            .encrypt(
                GenericArray::from_slice(&nonce().to_bytes()),
                message.encode().unwrap().as_slice(),
            )
            .unwrap();
        assert_eq!(&frame[NONCE_LENGTH..], expected.as_slice());
        let opened = open(&frame, Sealer::Box(&b.salsa_box(a.public_key()))).unwrap();
        assert_eq!(opened, Some(message));
        // A wrong key does not open it.
        let c = KeyPair::generate();
        assert_eq!(
            open(&frame, Sealer::Box(&c.salsa_box(a.public_key()))).unwrap(),
            None
        );
    }

    #[test]
    fn token_messages_use_the_secretbox() {
        let token = AuthToken::new([5; 32]);
        let message = Message::Token { key: [3; 32] };
        let frame = seal(&nonce(), Sealer::Token(&token), &message).unwrap();
        assert_eq!(open(&frame, Sealer::Token(&token)).unwrap(), Some(message));
        assert_eq!(
            open(&frame, Sealer::Token(&AuthToken::new([6; 32]))).unwrap(),
            None
        );
        let mut tampered = frame.to_vec();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert_eq!(open(&tampered, Sealer::Token(&token)).unwrap(), None);
    }

    #[test]
    fn plain_frames_and_short_frames() {
        let message = Message::Data {
            p: Payload::Bytes(Bytes::from_static(b"x")),
        };
        let frame = seal(&nonce(), Sealer::Plain, &message).unwrap();
        assert_eq!(open(&frame, Sealer::Plain).unwrap(), Some(message));
        let key = KeyPair::generate().salsa_box(KeyPair::generate().public_key());
        assert_eq!(open(&frame[..30], Sealer::Box(&key)).unwrap(), None);
        let signed = box_bytes(&key, &[4; 24], b"keys").unwrap();
        assert_eq!(unbox_bytes(&key, &[4; 24], &signed).unwrap(), b"keys");
    }
}
