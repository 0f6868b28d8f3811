//! `update/voipStatus`: the call status changed (app → client). The schema gives no values
//! for `args.type`; these are the Android app's (iOS does not send the message). The type of
//! `data` follows `args.type`.

use crate::api::{Direction, WireMessage};
use crate::codec::{Part, PartsReader, PartsWriter, from_value, string_enum};
use crate::error::Result;
use crate::model::{VoipAborted, VoipFinished, VoipMissed, VoipRejected, VoipRinging, VoipStarted};
use rmpv::Value;
use serde::{Deserialize, Serialize};

string_enum! {
    /// The kind of call status (`args.type`).
    pub enum VoipStatusType {
        /// Ringing.
        Ringing = "ringing",
        /// Started.
        Started = "started",
        /// Finished.
        Finished = "finished",
        /// Rejected.
        Rejected = "rejected",
        /// Missed.
        Missed = "missed",
        /// Aborted.
        Aborted = "aborted",
    }
}

/// The call status, typed by `args.type`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum VoipStatus {
    /// The phone is ringing.
    Ringing(VoipRinging),
    /// A call started.
    Started(VoipStarted),
    /// A call finished.
    Finished(VoipFinished),
    /// A call was rejected.
    Rejected(VoipRejected),
    /// A call was missed.
    Missed(VoipMissed),
    /// A call was aborted.
    Aborted(VoipAborted),
    /// A status of a type this crate does not know, kept raw.
    Unknown(Value),
}

impl VoipStatus {
    /// The `args.type` of this status (`None` for [`VoipStatus::Unknown`]).
    pub fn status_type(&self) -> Option<VoipStatusType> {
        Some(match self {
            Self::Ringing(_) => VoipStatusType::Ringing,
            Self::Started(_) => VoipStatusType::Started,
            Self::Finished(_) => VoipStatusType::Finished,
            Self::Rejected(_) => VoipStatusType::Rejected,
            Self::Missed(_) => VoipStatusType::Missed,
            Self::Aborted(_) => VoipStatusType::Aborted,
            Self::Unknown(_) => return None,
        })
    }
}

impl Serialize for VoipStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Ringing(status) => status.serialize(serializer),
            Self::Started(status) => status.serialize(serializer),
            Self::Finished(status) => status.serialize(serializer),
            Self::Rejected(status) => status.serialize(serializer),
            Self::Missed(status) => status.serialize(serializer),
            Self::Aborted(status) => status.serialize(serializer),
            Self::Unknown(value) => value.serialize(serializer),
        }
    }
}

/// `update/voipStatus` (app → client).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UpdateVoipStatus {
    /// The status type.
    pub args: VoipStatusArgs,
    /// The status.
    pub data: VoipStatus,
}

/// The `args` of [`UpdateVoipStatus`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VoipStatusArgs {
    /// The status type.
    #[serde(rename = "type")]
    pub status_type: VoipStatusType,
}

impl UpdateVoipStatus {
    /// A status update. For [`VoipStatus::Unknown`] pass the type explicitly with
    /// [`UpdateVoipStatus::with_type`].
    pub fn new(status: VoipStatus) -> Self {
        let status_type = status
            .status_type()
            .unwrap_or(VoipStatusType::Other(String::new()));
        Self::with_type(status_type, status)
    }

    /// A status update with an explicit type.
    pub fn with_type(status_type: VoipStatusType, status: VoipStatus) -> Self {
        Self {
            args: VoipStatusArgs { status_type },
            data: status,
        }
    }
}

impl WireMessage for UpdateVoipStatus {
    const TYPE: &'static str = "update";
    const SUB_TYPE: &'static str = "voipStatus";
    const DIRECTIONS: &'static [Direction] = &[Direction::FromApp];

    fn encode_parts(&self, parts: &mut PartsWriter) -> Result<()> {
        parts.required(Part::Args, &self.args)?;
        parts.required(Part::Data, &self.data)
    }

    fn decode_parts(parts: &mut PartsReader) -> Result<Self> {
        let args: VoipStatusArgs = parts.required(Part::Args)?;
        let value = parts.take(Part::Data).unwrap_or(Value::Nil);
        let what = parts.what().to_owned();
        let data = match &args.status_type {
            VoipStatusType::Ringing => VoipStatus::Ringing(from_value(value, &what, "data")?),
            VoipStatusType::Started => VoipStatus::Started(from_value(value, &what, "data")?),
            VoipStatusType::Finished => VoipStatus::Finished(from_value(value, &what, "data")?),
            VoipStatusType::Rejected => VoipStatus::Rejected(from_value(value, &what, "data")?),
            VoipStatusType::Missed => VoipStatus::Missed(from_value(value, &what, "data")?),
            VoipStatusType::Aborted => VoipStatus::Aborted(from_value(value, &what, "data")?),
            VoipStatusType::Other(_) => VoipStatus::Unknown(value),
        };
        Ok(Self { args, data })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Frame;
    use crate::model::VoipRejectReason;
    use crate::testutil::{at, frame_round_trip, map};

    #[test]
    fn round_trips_every_status() {
        for status in [
            VoipStatus::Ringing(VoipRinging::new("ECHOECHO")),
            VoipStatus::Started(VoipStarted::new("ECHOECHO", true)),
            VoipStatus::Finished(VoipFinished::new("ECHOECHO", false, 65)),
            VoipStatus::Rejected(VoipRejected::new("ECHOECHO", true, VoipRejectReason::Busy)),
            VoipStatus::Missed(VoipMissed::new("ECHOECHO")),
            VoipStatus::Aborted(VoipAborted::new("ECHOECHO")),
        ] {
            let wire = status.status_type().unwrap();
            let value = frame_round_trip(
                &Frame::new(UpdateVoipStatus::new(status)),
                Direction::FromApp,
            );
            assert_eq!(at(&value, "args.type").as_str(), Some(wire.as_str()));
        }
        let unknown = UpdateVoipStatus::with_type(
            VoipStatusType::Other("transferred".into()),
            VoipStatus::Unknown(map(vec![("identity", "ECHOECHO".into())])),
        );
        frame_round_trip(&Frame::new(unknown), Direction::FromApp);
    }
}
