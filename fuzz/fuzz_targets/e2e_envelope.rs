//! e2e-ws-messenger: envelope parsing. Arbitrary text as an envelope string, and arbitrary bytes
//! base64-encoded (to reach the JSON parser). Nothing may panic; whatever parses must seal in
//! both styles and parse back to the same fields.

#![no_main]

use e2e_ws_messenger::model::{Base64Data, EncryptedEnvelope, EnvelopeStyle};
use libfuzzer_sys::fuzz_target;

fn check(envelope: &EncryptedEnvelope) {
    let Ok(fields) = envelope.parse() else {
        return;
    };
    for style in [EnvelopeStyle::Compact, EnvelopeStyle::Pretty] {
        let sealed = fields.seal(style);
        assert_eq!(sealed.parse().expect("a sealed envelope parses"), fields);
    }
}

fuzz_target!(|data: &[u8]| {
    check(&EncryptedEnvelope::from_wire(String::from_utf8_lossy(data)));
    check(&EncryptedEnvelope::from_wire(
        Base64Data::encode(data).as_str(),
    ));
});
