//! `update/receivers`: the whole list of one receiver type changed (app → client). The type
//! of the `data` array's elements follows `args.type`.

use crate::api::{Direction, WireMessage};
use crate::codec::{Part, PartsReader, PartsWriter};
use crate::error::Result;
use crate::model::{Receiver, ReceiverType};
use rmpv::Value;
use serde::{Deserialize, Serialize};

/// `update/receivers` (app → client).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UpdateReceivers {
    /// The receiver type.
    pub args: UpdateReceiversArgs,
    /// All receivers of that type.
    pub data: Vec<Receiver>,
}

/// The `args` of [`UpdateReceivers`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateReceiversArgs {
    /// The receiver type (without `me`).
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
}

impl UpdateReceivers {
    /// All `receivers` of `receiver_type`.
    pub fn new(receiver_type: ReceiverType, receivers: Vec<Receiver>) -> Self {
        Self {
            args: UpdateReceiversArgs { receiver_type },
            data: receivers,
        }
    }
}

impl WireMessage for UpdateReceivers {
    const TYPE: &'static str = "update";
    const SUB_TYPE: &'static str = "receivers";
    const DIRECTIONS: &'static [Direction] = &[Direction::FromApp];

    fn encode_parts(&self, parts: &mut PartsWriter) -> Result<()> {
        parts.required(Part::Args, &self.args)?;
        parts.list(Part::Data, &self.data)
    }

    fn decode_parts(parts: &mut PartsReader) -> Result<Self> {
        let args: UpdateReceiversArgs = parts.required(Part::Args)?;
        let items: Vec<Value> = parts.list(Part::Data)?;
        let data = items
            .into_iter()
            .enumerate()
            .map(|(index, item)| {
                let prefix = format!("data[{index}]");
                Receiver::decode_as(&args.receiver_type, item, parts.what(), &prefix)
            })
            .collect::<Result<_>>()?;
        Ok(Self { args, data })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Frame;
    use crate::testutil::{decode_frame, frame_round_trip, map, sample_distribution_list};

    #[test]
    fn round_trips_and_names_the_failing_element() {
        let update = UpdateReceivers::new(
            ReceiverType::DistributionList,
            vec![
                sample_distribution_list().into(),
                sample_distribution_list().into(),
            ],
        );
        frame_round_trip(&Frame::new(update), Direction::FromApp);
        let error = decode_frame(
            &map(vec![
                ("type", "update".into()),
                ("subType", "receivers".into()),
                ("args", map(vec![("type", "contact".into())])),
                ("data", Value::Array(vec![map(vec![("id", 5.into())])])),
            ]),
            Direction::FromApp,
        )
        .unwrap_err();
        assert!(error.to_string().contains("at `data[0].id`"), "{error}");
    }
}
