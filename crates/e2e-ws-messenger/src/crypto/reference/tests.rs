//! Tests of the reference provider with fixed keys (`src/crypto/test_keys/`).

use super::*;
use crate::crypto::CryptoProvider;
use crate::model::{
    EncryptedEnvelope, EnvelopeStyle, KeyPairUuid, Message, MessageUuid, SessionKey,
    SessionKeyUuid, Timestamp, UserId,
};

const ALICE: &str = include_str!("../test_keys/alice.private.pem");
const BOB: &str = include_str!("../test_keys/bob.private.pem");
const CAROL_PUBLIC: &str = include_str!("../test_keys/carol.public.pem");
const SMALL: &str = include_str!("../test_keys/small-1024.private.pem");
/// `NotificationNewPublicKey.keyBase64`, the seed's only full public key.
const SEED_KEY: &str = "-----BEGIN PUBLIC KEY-----\nMIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAjkGabFK95cFweMer6Mf6\nZVqem+tbKBBflMnGecCT4M2Gal74iOs7T7VJPpb4a3QDiIakqoltpWPVrm0bmG3L\nUJv1LvYwDe9r233KuQlziePxX2Z3Zo7X8EOG/IBux3DhRvcGd5/QrlAqafZXXU9a\nkYt3HgQASHIFZKsXwgUYKmOzymGfvX6Pfu94thWcy2lNhr7gZuS8GqZDwfAAOW9/\nc4BWBJsbWDm6bcZhs6utiwVHWuR41oky9OWfrLIDAxvn5Bur0EVNfGh09XIc/G3B\nEK/1Af47KK+a9bD5rEoKf5b34t/hCCoQgmY7SCAsj40Icg5P/LZuwFwCwVaTCBTT\n6yC/ohZjjv/yyOLO4ad5NOVTGpnCuUS9cBoet3FySP1okzDfTQ+ITaSHFvBWk/fw\noVJxDT2sYwxw7F1VEpoMT1ZtNLwku0072JyvhubEVSN/NNc1jAR0VkwQsUudD3mQ\n3nuvMgywDOK+IQVhSSa03egd/KyamL2yjlK3eYWRGC1E8fLDnHVK/vCEEqxJdvC9\ncPPC9ScK25qraxfHwIPLm1Qpf6x5o6Yu76zoKq0kuxFaI4QMc6Oe3gPxYpAWAwkx\nsSldQO9liqOraHIn7XS2rAf+JLZoOkZNzfGhQ17Olkq209JKJEApL2emHOKjaji8\nKG2QebrZj400xb7DAkI2RxECAwEAAQ==\n-----END PUBLIC KEY-----\n";

fn alice() -> ReferenceProvider {
    ReferenceProvider::from_pkcs8_pem(ALICE).unwrap()
}

fn bob() -> ReferenceProvider {
    ReferenceProvider::from_pkcs8_pem(BOB).unwrap()
}

fn conversation() -> ConversationUuid {
    ConversationUuid::new("f4a74867-290c-4841-aa02-5f4d01603af4").unwrap()
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn aes_ctr_matches_the_nist_sp_800_38a_vectors() {
    let provider = alice();
    let iv: [u8; 16] = hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff").try_into().unwrap();
    let plaintext = hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51");
    // F.5.5 CTR-AES256.Encrypt, blocks 1-2.
    let key256 = SymmetricKey::from_bytes(hex(
        "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
    ))
    .unwrap();
    assert_eq!(
        provider.encrypt_with_iv(&key256, &iv, &plaintext).unwrap(),
        hex("601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5")
    );
    // F.5.1 CTR-AES128.Encrypt, blocks 1-2.
    let key128 = SymmetricKey::from_bytes(hex("2b7e151628aed2a6abf7158809cf4f3c")).unwrap();
    assert_eq!(
        provider.encrypt_with_iv(&key128, &iv, &plaintext).unwrap(),
        hex("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff")
    );
    // The full 128-bit counter wraps around (as OpenSSL's `aes-256-ctr` does).
    let all_ones = [0xffu8; 16];
    assert_eq!(
        provider
            .encrypt_with_iv(&key256, &all_ones, &[0u8; 20])
            .unwrap(),
        hex("3b3c2921c85a24de9ac606ce6d1d60cce568f681")
    );
    assert_eq!(
        provider
            .decrypt(&key256, &iv, &hex("601ec313775789a5b7a7f504bbf3d228"))
            .unwrap(),
        plaintext[..16]
    );
}

#[test]
fn ciphertexts_are_as_long_as_plaintexts_under_16_byte_ivs() {
    let provider = alice();
    let key = SymmetricKey::generate();
    // The seed's ciphertext lengths: 3, 4, 5, 6, 9, 10, 12 (never a block multiple).
    for len in [0, 3, 4, 5, 6, 9, 10, 12, 35, 41, 49] {
        let (iv, ciphertext) = provider.encrypt(&key, &vec![b'x'; len]).unwrap();
        assert_eq!(ciphertext.len(), len);
        assert_eq!(iv.len(), 16);
        assert_eq!(
            provider.decrypt(&key, &iv, &ciphertext).unwrap(),
            vec![b'x'; len]
        );
    }
    let (iv_a, _) = provider.encrypt(&key, b"a").unwrap();
    let (iv_b, _) = provider.encrypt(&key, b"a").unwrap();
    assert_ne!(iv_a, iv_b, "each encryption draws a fresh IV");
}

#[test]
fn file_names_reproduce_the_seeds_keystream_reuse() {
    // Notes §6.4: two names of one message share a 36-byte ciphertext prefix and the bytes
    // after it XOR to ".jpeg" ^ "_prev": same key, same IV, a keystream mode.
    let provider = alice();
    let key = SymmetricKey::generate();
    let body_iv = Base64Data::encode(&provider.random_iv());
    let stem = "F0DD7FEE-B581-4C9B-BDC2-0D721A9C9ADA";
    let image = provider
        .encrypt_file_name(&key, &body_iv, &format!("{stem}.jpeg"))
        .unwrap();
    let preview = provider
        .encrypt_file_name(&key, &body_iv, &format!("{stem}_preview.jpeg"))
        .unwrap();
    let (a, b) = (image.decode().unwrap(), preview.decode().unwrap());
    assert_eq!((a.len(), b.len()), (41, 49));
    assert_eq!(a[..36], b[..36]);
    let xor: Vec<u8> = a[36..].iter().zip(&b[36..41]).map(|(x, y)| x ^ y).collect();
    let expected: Vec<u8> = b".jpeg".iter().zip(b"_prev").map(|(x, y)| x ^ y).collect();
    assert_eq!(xor, expected);
    assert_eq!(
        provider
            .decrypt_file_name(&key, &body_iv, &preview)
            .unwrap(),
        format!("{stem}_preview.jpeg").into_bytes()
    );
}

#[test]
fn wrapped_keys_are_512_bytes_and_open_only_for_the_recipient() {
    let (alice, bob) = (alice(), bob());
    let key = SymmetricKey::generate();
    for encryption in [RsaEncryption::OaepSha256, RsaEncryption::Pkcs1v15] {
        let alice = ReferenceProvider::from_pkcs8_pem(ALICE)
            .unwrap()
            .with_encryption(encryption);
        let bob_opens = ReferenceProvider::from_pkcs8_pem(BOB)
            .unwrap()
            .with_encryption(encryption);
        let wrapped = alice
            .wrap_session_key(&key, &bob_opens.public_key())
            .unwrap();
        assert_eq!(wrapped.decode().unwrap().len(), 512);
        assert_eq!(bob_opens.unwrap_session_key(&wrapped).unwrap(), key);
        assert_eq!(
            alice.unwrap_session_key(&wrapped).unwrap_err(),
            CryptoError::Unwrap
        );
    }
    // Both sides must agree on the padding.
    let oaep = alice.wrap_session_key(&key, &bob.public_key()).unwrap();
    let pkcs1 = ReferenceProvider::from_pkcs8_pem(BOB)
        .unwrap()
        .with_encryption(RsaEncryption::Pkcs1v15);
    assert!(pkcs1.unwrap_session_key(&oaep).is_err());
    // Malformed input.
    assert_eq!(
        bob.unwrap_session_key(&Base64Data::from_wire("orIZgsCx..."))
            .unwrap_err(),
        CryptoError::Base64 {
            field: "keyEncryptedBase64".into()
        }
    );
}

#[test]
fn the_seeds_public_key_is_rsa_4096_and_can_receive_a_key() {
    let pem = PemPublicKey::new(SEED_KEY).unwrap();
    let key = rsa_public_key(&pem).unwrap();
    assert_eq!(key.size() * 8, 4096);
    assert_eq!(key.e(), &rsa::BigUint::from(65_537u32));
    let wrapped = alice()
        .wrap_session_key(&SymmetricKey::generate(), &pem)
        .unwrap();
    assert_eq!(wrapped.decode().unwrap().len(), 512);
    // The `\r\n` form of `ResponseUserInfo` parses too.
    let crlf = PemPublicKey::from_wire(SEED_KEY.replace('\n', "\r\n"));
    assert_eq!(rsa_public_key(&crlf).unwrap(), key);
}

#[test]
fn signatures_are_512_bytes_deterministic_and_bound_to_the_conversation() {
    let (alice, bob) = (alice(), bob());
    let key = SymmetricKey::generate();
    let signature = alice.sign_session_key(&conversation(), &key).unwrap();
    assert_eq!(signature.decode().unwrap().len(), 512);
    assert_eq!(
        alice.sign_session_key(&conversation(), &key).unwrap(),
        signature
    );
    let signer = alice.public_key();
    bob.verify_session_key(&conversation(), &key, &signature, &signer)
        .unwrap();
    // Conversation ids compare ignoring case.
    let upper = ConversationUuid::new("F4A74867-290C-4841-AA02-5F4D01603AF4").unwrap();
    bob.verify_session_key(&upper, &key, &signature, &signer)
        .unwrap();
    let other = ConversationUuid::new("6921d2fd-e88c-4802-bb70-d7a18770939e").unwrap();
    assert_eq!(
        bob.verify_session_key(&other, &key, &signature, &signer)
            .unwrap_err(),
        CryptoError::BadSignature
    );
    assert_eq!(
        bob.verify_session_key(
            &conversation(),
            &SymmetricKey::generate(),
            &signature,
            &signer
        )
        .unwrap_err(),
        CryptoError::BadSignature
    );
    assert_eq!(
        bob.verify_session_key(&conversation(), &key, &signature, &bob.public_key())
            .unwrap_err(),
        CryptoError::BadSignature
    );
}

#[test]
fn pss_signatures_are_randomized_and_verify() {
    let alice = alice().with_signature(RsaSignature::PssSha256);
    let key = SymmetricKey::generate();
    let first = alice.sign_session_key(&conversation(), &key).unwrap();
    let second = alice.sign_session_key(&conversation(), &key).unwrap();
    assert_ne!(first, second);
    let verifier = bob().with_signature(RsaSignature::PssSha256);
    verifier
        .verify_session_key(&conversation(), &key, &second, &alice.public_key())
        .unwrap();
}

#[test]
fn session_key_copies_share_one_signature_and_open_for_each_recipient() {
    let (alice, bob) = (alice(), bob());
    let key = SymmetricKey::generate();
    let alice_id = UserId::from_e164("+35794048714").unwrap();
    let bob_id = UserId::from_e164("+16266260017").unwrap();
    let key_pair = KeyPairUuid::new("e925acd1-af66-4ac6-b700-0f0e0724f04e").unwrap();
    let carol = PemPublicKey::new(CAROL_PUBLIC).unwrap();
    let copies = alice
        .session_key_copies(
            &conversation(),
            &key,
            &alice_id,
            &key_pair,
            &[
                (alice_id.clone(), alice.public_key()),
                (bob_id.clone(), bob.public_key()),
                (UserId::from_e164("+14155550123").unwrap(), carol),
            ],
        )
        .unwrap();
    assert_eq!(copies.len(), 3);
    // As in the seed's `RequestAddNewSessionKeys`: same signature, different ciphertexts.
    assert_eq!(copies[0].signature_base64, copies[1].signature_base64);
    assert_ne!(
        copies[0].key_encrypted_base64,
        copies[1].key_encrypted_base64
    );
    assert_eq!(copies[1].user_id, bob_id);
    assert_eq!(copies[1].signer_user_id, alice_id);
    // What the server hands Bob back: his copy as a `SessionKey`.
    let mut stored = SessionKey::new(
        SessionKeyUuid::new("e0aae1c4-a82c-4c50-81a2-b4372dc302db").unwrap(),
        conversation(),
        bob_id,
        copies[1].key_encrypted_base64.clone(),
        copies[1].signature_base64.clone(),
        Timestamp::from_millis(1_732_795_498_751),
        key_pair,
    );
    assert_eq!(
        bob.open_session_key(&stored, &alice.public_key()).unwrap(),
        key
    );
    assert_eq!(
        bob.open_session_key(&stored, &bob.public_key())
            .unwrap_err(),
        CryptoError::BadSignature
    );
    stored.key_encrypted_base64 = copies[0].key_encrypted_base64.clone();
    assert_eq!(
        bob.open_session_key(&stored, &alice.public_key())
            .unwrap_err(),
        CryptoError::Unwrap
    );
}

#[test]
fn message_bodies_and_envelopes_round_trip() {
    let provider = alice();
    let key = SymmetricKey::generate();
    let (iv, body) = provider.encrypt_body(&key, "Hello".as_bytes()).unwrap();
    assert_eq!(body.decode().unwrap().len(), 5);
    let key_uuid = SessionKeyUuid::new("A9C9C789-87D9-4750-8685-FCAAA37C8E04").unwrap();
    let mut message = Message::new(
        MessageUuid::random(),
        conversation(),
        key_uuid.clone(),
        UserId::from_e164("+35794048714").unwrap(),
        Timestamp::from_millis(1_732_795_249_834),
        EncryptedEnvelope::from_wire(""),
    );
    assert_eq!(provider.decrypt_body(&key, &message).unwrap(), None);
    message.iv_base64 = Some(iv);
    message.body_encrypted_base64 = Some(body);
    assert_eq!(
        provider.decrypt_body(&key, &message).unwrap(),
        Some(b"Hello".to_vec())
    );
    message.iv_base64 = Some(Base64Data::encode(&[0u8; 12]));
    assert_eq!(
        provider.decrypt_body(&key, &message).unwrap_err(),
        CryptoError::IvLength { len: 12 }
    );

    for style in [EnvelopeStyle::Compact, EnvelopeStyle::Pretty] {
        let nick = provider
            .seal_envelope(
                &key,
                Some((&conversation(), &key_uuid)),
                "Alice".as_bytes(),
                style,
            )
            .unwrap();
        let fields = nick.parse().unwrap();
        assert_eq!(fields.encrypted_body.len(), 5);
        assert_eq!(fields.session_key_uuid.as_ref(), Some(&key_uuid));
        assert_eq!(
            provider
                .open_envelope(&key, Some(&key_uuid), &nick)
                .unwrap(),
            b"Alice"
        );
        let other = SessionKeyUuid::new("b8322f5c-92e7-4810-90da-8b167223e496").unwrap();
        assert!(matches!(
            provider.open_envelope(&key, Some(&other), &nick),
            Err(CryptoError::WrongSessionKey { .. })
        ));
    }
    let own_nick = provider
        .seal_envelope(&key, None, "Me".as_bytes(), EnvelopeStyle::Compact)
        .unwrap();
    assert_eq!(own_nick.parse().unwrap().session_key_uuid, None);
    assert_eq!(
        provider
            .open_envelope(&key, Some(&key_uuid), &own_nick)
            .unwrap(),
        b"Me"
    );
    let corrupted = EncryptedEnvelope::from_wire("eyJjb252ZXJzYXRpb25VdWlkIioiNjkyMWQyZmQifQ==");
    assert!(matches!(
        provider.open_envelope(&key, None, &corrupted),
        Err(CryptoError::Envelope(_))
    ));
}

#[test]
fn keys_load_store_and_never_print() {
    let alice = alice();
    assert_eq!(alice.bits(), 4096);
    let stored = alice.private_key_pem().unwrap();
    let again = ReferenceProvider::from_pkcs8_pem(stored.expose()).unwrap();
    assert_eq!(again.public_key(), alice.public_key());
    assert_eq!(
        alice.public_key().der().unwrap(),
        PemPublicKey::new(include_str!("../test_keys/alice.public.pem"))
            .unwrap()
            .der()
            .unwrap()
    );
    let shown = format!("{alice:?}");
    assert!(
        shown.starts_with("ReferenceProvider { bits: 4096"),
        "{shown}"
    );
    assert!(!shown.contains("MII"), "{shown}");
    assert!(!format!("{stored:?}").contains("PRIVATE"));
    assert!(matches!(
        ReferenceProvider::from_pkcs8_pem(SMALL),
        Err(CryptoError::InvalidPrivateKey { .. })
    ));
    assert!(matches!(
        ReferenceProvider::from_pkcs8_pem(
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
        ),
        Err(CryptoError::InvalidPrivateKey { .. })
    ));
    let small_public = PemPublicKey::from_der(
        &RsaPrivateKey::from_pkcs8_pem(SMALL)
            .unwrap()
            .to_public_key()
            .to_public_key_der()
            .unwrap()
            .into_vec(),
    );
    assert!(matches!(
        alice.wrap_session_key(&SymmetricKey::generate(), &small_public),
        Err(CryptoError::InvalidPublicKey { .. })
    ));
}

#[test]
fn the_encrypted_private_key_round_trips_with_the_password_only() {
    let provider = alice();
    let password = Secret::new("correct horse battery staple");
    let pem = provider
        .encrypted_private_key_pem(&password, 1_000)
        .unwrap();
    assert!(pem.has_expected_armour());
    // The unencrypted key's base64 does not appear in the encrypted PEM.
    let plain = provider.private_key_pem().unwrap();
    let a_line = plain.expose().lines().nth(5).unwrap();
    assert!(!pem.expose().contains(a_line));
    let back = ReferenceProvider::from_encrypted_pkcs8_pem(&pem, &password).unwrap();
    assert_eq!(back.public_key(), provider.public_key());
    let wrong = ReferenceProvider::from_encrypted_pkcs8_pem(&pem, &Secret::new("guess"));
    assert!(matches!(wrong, Err(CryptoError::InvalidPrivateKey { .. })));
    assert!(provider.encrypted_private_key_pem(&password, 0).is_err());
}
