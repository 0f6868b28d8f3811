//! [`ArpMessage`]: the sum of all typed messages, and the [`CATALOGUE`].

use super::*;
use crate::codec::{EncodedParts, PartData, PartsReader, PartsWriter};
use crate::error::Result;
use rmpv::Value;

/// One entry of the message catalogue: a wire name, its directions and the Rust type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CatalogueEntry {
    /// The `type`.
    pub message_type: &'static str,
    /// The `subType`.
    pub sub_type: &'static str,
    /// The directions it is defined for.
    pub directions: &'static [Direction],
    /// The name of the Rust type (`"CreateContact"`).
    pub rust_type: &'static str,
    /// False for messages that the schema does not define (legacy Android messages).
    pub in_schema: bool,
}

macro_rules! arp_messages {
    ($( $(#[$doc:meta])* $variant:ident $(@$legacy:ident)? ),+ $(,)?) => {
        /// Any ARP message, typed by its `type`, `subType` and direction.
        ///
        /// Each variant wraps the message type of the same name (see the [`api`](crate::api)
        /// module). Frames of unknown types decode to [`ArpMessage::Unknown`], so one new
        /// message never breaks a session.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        // Messages are moved a few times at most; boxing the large variants would make every
        // `match` and constructor noisier for no measurable gain.
        #[allow(clippy::large_enum_variant)]
        pub enum ArpMessage {
            $( $(#[$doc])* $variant($variant), )+
            /// A message this crate does not know (or a known name in a direction the schema
            /// does not define), kept raw.
            Unknown {
                /// The `type`.
                message_type: String,
                /// The `subType`.
                sub_type: String,
                /// The raw `args`.
                args: Option<Value>,
                /// The raw `data`.
                data: Option<Value>,
            },
        }

        $(
            impl From<$variant> for ArpMessage {
                fn from(message: $variant) -> Self {
                    Self::$variant(message)
                }
            }
        )+

        /// Every message type of this crate: the 61 type/subtype × direction entries of the
        /// schema index (as 56 one-way and 5 bidirectional types) plus the legacy Android
        /// `response/confirmAction`.
        pub const CATALOGUE: &[CatalogueEntry] = &[
            $(
                CatalogueEntry {
                    message_type: <$variant as WireMessage>::TYPE,
                    sub_type: <$variant as WireMessage>::SUB_TYPE,
                    directions: <$variant as WireMessage>::DIRECTIONS,
                    rust_type: stringify!($variant),
                    in_schema: arp_messages!(@in_schema $($legacy)?),
                },
            )+
        ];

        impl ArpMessage {
            /// The `type`.
            pub fn message_type(&self) -> &str {
                match self {
                    $( Self::$variant(_) => <$variant as WireMessage>::TYPE, )+
                    Self::Unknown { message_type, .. } => message_type,
                }
            }

            /// The `subType`.
            pub fn sub_type(&self) -> &str {
                match self {
                    $( Self::$variant(_) => <$variant as WireMessage>::SUB_TYPE, )+
                    Self::Unknown { sub_type, .. } => sub_type,
                }
            }

            /// The directions the message is defined for (empty for `Unknown`).
            pub fn directions(&self) -> &'static [Direction] {
                match self {
                    $( Self::$variant(_) => <$variant as WireMessage>::DIRECTIONS, )+
                    Self::Unknown { .. } => &[],
                }
            }

            /// Checks input built by the user (see [`WireMessage::validate`]).
            pub fn validate(&self) -> Result<()> {
                match self {
                    $( Self::$variant(message) => message.validate(), )+
                    Self::Unknown { .. } => Ok(()),
                }
            }

            /// Decodes the parts of a message received in `direction`.
            pub(crate) fn decode_parts(
                message_type: &str,
                sub_type: &str,
                direction: Direction,
                args: Option<Value>,
                data: Option<PartData>,
            ) -> Result<Self> {
                $(
                    if <$variant as WireMessage>::TYPE == message_type
                        && <$variant as WireMessage>::SUB_TYPE == sub_type
                        && <$variant as WireMessage>::DIRECTIONS.contains(&direction)
                    {
                        let what = format!("{message_type}/{sub_type} ({direction})");
                        let mut reader = PartsReader::new(what, args, data);
                        return <$variant as WireMessage>::decode_parts(&mut reader)
                            .map(Self::$variant);
                    }
                )+
                Ok(Self::Unknown {
                    message_type: message_type.to_owned(),
                    sub_type: sub_type.to_owned(),
                    args,
                    data: data.and_then(PartData::into_value),
                })
            }

            /// Encodes the parts.
            pub(crate) fn encode_parts(&self) -> Result<EncodedParts> {
                let mut writer = PartsWriter::new(self.name());
                match self {
                    $( Self::$variant(message) => message.encode_parts(&mut writer)?, )+
                    Self::Unknown { args, data, .. } => {
                        writer.optional(crate::codec::Part::Args, args)?;
                        writer.optional(crate::codec::Part::Data, data)?;
                    }
                }
                Ok(writer.finish())
            }
        }
    };
    (@in_schema) => { true };
    (@in_schema legacy) => { false };
}

arp_messages! {
    /// `create/contact` (client → app).
    CreateContact,
    /// `create/contact` (app → client).
    ContactCreated,
    /// `create/distributionList` (client → app).
    CreateDistributionList,
    /// `create/distributionList` (app → client).
    DistributionListCreated,
    /// `create/fileMessage` (client → app).
    CreateFileMessage,
    /// `create/fileMessage` (app → client).
    FileMessageCreated,
    /// `create/group` (client → app).
    CreateGroup,
    /// `create/group` (app → client).
    GroupCreated,
    /// `create/textMessage` (client → app).
    CreateTextMessage,
    /// `create/textMessage` (app → client).
    TextMessageCreated,
    /// `delete/cleanReceiverConversation` (client → app).
    DeleteCleanReceiverConversation,
    /// `delete/distributionList` (client → app).
    DeleteDistributionList,
    /// `delete/group` (client → app).
    DeleteGroup,
    /// `delete/message` (client → app).
    DeleteMessage,
    /// `request/ack` (client → app).
    RequestAck,
    /// `request/avatar` (client → app).
    RequestAvatar,
    /// `request/batteryStatus` (client → app, deprecated).
    RequestBatteryStatus,
    /// `request/blob` (client → app).
    RequestBlob,
    /// `request/clientInfo` (client → app).
    RequestClientInfo,
    /// `request/connectionAck` (both directions).
    RequestConnectionAck,
    /// `request/contactDetail` (client → app).
    RequestContactDetail,
    /// `request/conversations` (client → app).
    RequestConversations,
    /// `request/groupSync` (client → app).
    RequestGroupSync,
    /// `request/keyPersisted` (client → app).
    RequestKeyPersisted,
    /// `request/messages` (client → app).
    RequestMessages,
    /// `request/profile` (client → app).
    RequestProfile,
    /// `request/read` (client → app).
    RequestRead,
    /// `request/receivers` (client → app).
    RequestReceivers,
    /// `request/thumbnail` (client → app).
    RequestThumbnail,
    /// `response/avatar` (app → client).
    ResponseAvatar,
    /// `response/blob` (app → client).
    ResponseBlob,
    /// `response/clientInfo` (app → client).
    ResponseClientInfo,
    /// `response/contactDetail` (app → client).
    ResponseContactDetail,
    /// `response/conversations` (app → client).
    ResponseConversations,
    /// `response/messages` (app → client).
    ResponseMessages,
    /// `response/profile` (app → client).
    ResponseProfile,
    /// `response/receivers` (app → client).
    ResponseReceivers,
    /// `response/thumbnail` (app → client).
    ResponseThumbnail,
    /// `response/confirmAction` (app → client; legacy Android, not in the schema).
    ResponseConfirmAction @legacy,
    /// `update/activeConversation` (client → app).
    UpdateActiveConversation,
    /// `update/alert` (app → client).
    UpdateAlert,
    /// `update/avatar` (app → client).
    UpdateAvatar,
    /// `update/batteryStatus` (app → client).
    UpdateBatteryStatus,
    /// `update/confirm` (app → client).
    UpdateConfirm,
    /// `update/connectionAck` (both directions).
    UpdateConnectionAck,
    /// `update/connectionDisconnect` (both directions).
    UpdateConnectionDisconnect,
    /// `update/connectionInfo` (both directions).
    UpdateConnectionInfo,
    /// `update/contact` (client → app).
    UpdateContact,
    /// `update/contact` (app → client).
    ContactUpdated,
    /// `update/conversation` (client → app).
    UpdateConversation,
    /// `update/conversation` (app → client).
    ConversationUpdated,
    /// `update/distributionList` (client → app).
    UpdateDistributionList,
    /// `update/distributionList` (app → client).
    DistributionListUpdated,
    /// `update/group` (client → app).
    UpdateGroup,
    /// `update/group` (app → client).
    GroupUpdated,
    /// `update/messages` (app → client).
    UpdateMessages,
    /// `update/profile` (client → app).
    UpdateProfile,
    /// `update/profile` (app → client).
    ProfileUpdated,
    /// `update/receiver` (app → client).
    UpdateReceiver,
    /// `update/receivers` (app → client).
    UpdateReceivers,
    /// `update/typing` (both directions).
    UpdateTyping,
    /// `update/voipStatus` (app → client).
    UpdateVoipStatus,
}

impl ArpMessage {
    /// `type/subType`, as the spec names messages.
    pub fn name(&self) -> String {
        format!("{}/{}", self.message_type(), self.sub_type())
    }

    /// True if the message is on the chunk cache blacklist: its chunks are counted but never
    /// retransmitted after a session resumption.
    pub fn is_blacklisted(&self) -> bool {
        crate::connection::is_blacklisted(self.message_type(), self.sub_type())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_covers_61_schema_entries_once() {
        let schema = CATALOGUE.iter().filter(|entry| entry.in_schema);
        assert_eq!(schema.clone().count(), 61);
        let bidirectional = schema.filter(|entry| entry.directions.len() == 2).count();
        assert_eq!(bidirectional, 5);
        assert_eq!(CATALOGUE.len(), 62);
        for (i, a) in CATALOGUE.iter().enumerate() {
            for b in &CATALOGUE[i + 1..] {
                let same_name = a.message_type == b.message_type && a.sub_type == b.sub_type;
                let overlap = a.directions.iter().any(|d| b.directions.contains(d));
                assert!(!(same_name && overlap), "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn unknown_messages_keep_their_parts() {
        let message = ArpMessage::decode_parts(
            "update",
            "hologram",
            Direction::FromApp,
            Some(Value::from("a")),
            None,
        )
        .unwrap();
        assert_eq!(message.name(), "update/hologram");
        assert!(message.directions().is_empty());
        // A known name in a direction the schema does not define is unknown too.
        let message =
            ArpMessage::decode_parts("request", "profile", Direction::FromApp, None, None).unwrap();
        assert!(matches!(message, ArpMessage::Unknown { .. }));
    }
}
