//! [`IdentityArgs`]: `args` that hold a contact `identity`.

use serde::{Deserialize, Deserializer, Serialize};

/// `args` with a contact's Threema ID under the key `identity`.
///
/// Decoding also accepts the key `id`: the schema names the `update/contact` argument `id`,
/// the apps disagree (Android sends `identity`, iOS `id`), and Threema Web sends `identity`
/// (notes §7.2). Encoding always writes `identity`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct IdentityArgs {
    /// The Threema ID.
    pub identity: String,
}

impl IdentityArgs {
    /// Args with this identity.
    pub fn new(identity: impl Into<String>) -> Self {
        Self {
            identity: identity.into(),
        }
    }
}

impl<'de> Deserialize<'de> for IdentityArgs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Either {
            identity: Option<String>,
            id: Option<String>,
        }
        let either = Either::deserialize(deserializer)?;
        either
            .identity
            .or(either.id)
            .map(Self::new)
            .ok_or_else(|| serde::de::Error::missing_field("identity"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, decode_value, map, round_trip};

    #[test]
    fn writes_identity_and_reads_identity_or_id() {
        assert_keys(
            &round_trip(&IdentityArgs::new("ECHOECHO")),
            "",
            &["identity"],
        );
        let ios: IdentityArgs = decode_value(&map(vec![("id", "ECHOECHO".into())]));
        assert_eq!(ios, IdentityArgs::new("ECHOECHO"));
        let both: IdentityArgs = decode_value(&map(vec![
            ("id", "OTHERID1".into()),
            ("identity", "ECHOECHO".into()),
        ]));
        assert_eq!(both.identity, "ECHOECHO");
        assert!(rmp_serde::from_slice::<IdentityArgs>(b"\x80").is_err());
    }
}
