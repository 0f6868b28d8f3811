//! `update/receiver`: a subscribed contact, group or distribution list changed
//! (app → client). The type of `data` follows `args.type`.

use crate::api::{Direction, WireMessage};
use crate::codec::{Part, PartsReader, PartsWriter};
use crate::error::Result;
use crate::model::{Receiver, ReceiverType, UpdateMode};
use serde::{Deserialize, Serialize};

/// `update/receiver` (app → client).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UpdateReceiver {
    /// The receiver and the mode.
    pub args: UpdateReceiverArgs,
    /// The receiver. With mode `removed` a stripped map that does not decode is kept as
    /// [`Receiver::Unknown`].
    pub data: Receiver,
}

/// The `args` of [`UpdateReceiver`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateReceiverArgs {
    /// The receiver id.
    pub id: String,
    /// The receiver type (without `me`).
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// How it changed.
    pub mode: UpdateMode,
}

impl UpdateReceiver {
    /// `receiver` changed in `mode`. Returns `None` for [`Receiver::Unknown`] without an id.
    pub fn new(mode: UpdateMode, receiver: Receiver) -> Option<Self> {
        Some(Self {
            args: UpdateReceiverArgs {
                id: receiver.id()?.to_owned(),
                receiver_type: receiver.receiver_type()?,
                mode,
            },
            data: receiver,
        })
    }
}

impl WireMessage for UpdateReceiver {
    const TYPE: &'static str = "update";
    const SUB_TYPE: &'static str = "receiver";
    const DIRECTIONS: &'static [Direction] = &[Direction::FromApp];

    fn encode_parts(&self, parts: &mut PartsWriter) -> Result<()> {
        parts.required(Part::Args, &self.args)?;
        parts.required(Part::Data, &self.data)
    }

    fn decode_parts(parts: &mut PartsReader) -> Result<Self> {
        let args: UpdateReceiverArgs = parts.required(Part::Args)?;
        let value = parts.take(Part::Data).unwrap_or(rmpv::Value::Nil);
        let data =
            match Receiver::decode_as(&args.receiver_type, value.clone(), parts.what(), "data") {
                Ok(receiver) => receiver,
                Err(_) if args.mode == UpdateMode::Removed => Receiver::Unknown(value),
                Err(error) => return Err(error),
            };
        Ok(Self { args, data })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ArpMessage, Frame};
    use crate::testutil::{decode_frame, frame_round_trip, map, sample_contact, sample_group};

    #[test]
    fn round_trips_each_kind() {
        for receiver in [
            Receiver::from(sample_contact()),
            Receiver::from(sample_group()),
        ] {
            let update = UpdateReceiver::new(UpdateMode::Modified, receiver).unwrap();
            frame_round_trip(&Frame::new(update), Direction::FromApp);
        }
    }

    #[test]
    fn a_stripped_removed_receiver_decodes_and_a_broken_new_one_fails() {
        let frame = |mode: &str| {
            map(vec![
                ("type", "update".into()),
                ("subType", "receiver".into()),
                (
                    "args",
                    map(vec![
                        ("id", "17".into()),
                        ("type", "group".into()),
                        ("mode", mode.into()),
                    ]),
                ),
                ("data", map(vec![("id", "17".into())])),
            ])
        };
        let removed = decode_frame(&frame("removed"), Direction::FromApp).unwrap();
        let ArpMessage::UpdateReceiver(update) = removed.message else {
            panic!("wrong variant")
        };
        assert_eq!(update.data.id(), Some("17"));
        let error = decode_frame(&frame("new"), Direction::FromApp).unwrap_err();
        assert!(
            error.to_string().contains("update/receiver (app → client)"),
            "{error}"
        );
    }
}
