//! [`ReceiverType`]: the spec aliases `receiverType` and `receiverTypeWithoutMe`.

use crate::codec::string_enum;
use crate::error::{Error, Result};

string_enum! {
    /// The kind of a receiver (`args.type` in most messages, `Conversation.type`).
    ///
    /// Messages that use the spec alias `receiverTypeWithoutMe` reject [`ReceiverType::Me`]
    /// when the user builds them, and every message built by the user rejects unknown
    /// values.
    pub enum ReceiverType {
        /// The user themself.
        Me = "me",
        /// A contact (the receiver id is an 8-character Threema ID).
        Contact = "contact",
        /// A group (the receiver id is an opaque string chosen by the app).
        Group = "group",
        /// A distribution list (the receiver id is an opaque string chosen by the app).
        DistributionList = "distributionList",
    }
}

impl ReceiverType {
    /// Validates a receiver type built by the user: it must be known, and must not be `me`
    /// unless `allow_me`.
    pub(crate) fn check(&self, field: &str, allow_me: bool) -> Result<()> {
        match self {
            Self::Other(other) => Err(Error::invalid(
                field,
                format!("unknown receiver type `{other}`"),
            )),
            Self::Me if !allow_me => Err(Error::invalid(
                field,
                "`me` is not a valid receiver type here",
            )),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::round_trip;

    #[test]
    fn round_trips_every_value() {
        for (value, wire) in [
            (ReceiverType::Me, "me"),
            (ReceiverType::Contact, "contact"),
            (ReceiverType::Group, "group"),
            (ReceiverType::DistributionList, "distributionList"),
            (ReceiverType::Other("channel".into()), "channel"),
        ] {
            assert_eq!(round_trip(&value).as_str(), Some(wire));
        }
    }

    #[test]
    fn check_rejects_me_and_unknown_values() {
        assert!(ReceiverType::Me.check("args.type", true).is_ok());
        assert!(ReceiverType::Me.check("args.type", false).is_err());
        assert!(ReceiverType::Group.check("args.type", false).is_ok());
        let error = ReceiverType::Other("x".into())
            .check("args.type", true)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid args.type: unknown receiver type `x`"
        );
    }
}
