//! Every message typed: [`Request`] (56 wire types), [`Response`] (21) and [`Notification`] (15),
//! each with an `Unknown { wire_name, body }` variant, and [`Inbound`] for what the server sends.
//!
//! One wire message per file: [`requests`] (with each request's specific response type),
//! [`responses`] (the shared ones, and re-exports of the rest) and [`notifications`]. Wire
//! names are exact (`Params`, `BlackList`, `RequestMessagesReaded`, `NotificationConversationLeaved`)
//! and never derived from Rust names: each type declares its [`WireMessage::WIRE_NAME`].

pub mod notifications;
pub mod requests;
pub mod responses;
pub(crate) mod validate;

use crate::error::Error;
use crate::model::UnknownFields;
use notifications::*;
use requests::*;
use responses::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fmt;

/// A message with a wire name: every request, response and notification type.
pub trait WireMessage:
    Serialize + DeserializeOwned + UnknownFields + Clone + fmt::Debug + Send + Sync + 'static
{
    /// The exact wire name (the type tag the framing carries).
    const WIRE_NAME: &'static str;

    /// Checks a message this side is about to send (input built by the user), before any I/O.
    /// Requests override it; received messages are never validated.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] naming the offending field.
    fn validate(&self) -> Result<(), Error> {
        Ok(())
    }
}

/// A request (client → server) and the type of its reply.
pub trait WireRequest: WireMessage + Into<Request> {
    /// The response that answers it: a typed response, or [`ResponseStatusMessage`] for the
    /// requests that have none. Any request may also be answered by a `ResponseStatusMessage`
    /// whose `requestType` is its wire name (an error instead of the typed response).
    type Reply: WireResponse;
}

/// A response (server → client, answering a request).
pub trait WireResponse: WireMessage + Into<Response> + TryFrom<Response, Error = Response> {}

/// A notification (server → client, unsolicited).
pub trait WireNotification:
    WireMessage + Into<Notification> + TryFrom<Notification, Error = Notification>
{
}

/// Decodes a body into `T`, naming the wire type and the JSON path of the bad field on failure.
fn decode_body<T: WireMessage>(body: Value) -> Result<T, Error> {
    Ok(transport_core::json::from_value(T::WIRE_NAME, body)?)
}

/// Encodes a message's body.
fn encode_body<T: WireMessage>(message: &T) -> Result<Value, Error> {
    serde_json::to_value(message).map_err(|e| Error::invalid_input(T::WIRE_NAME, e.to_string()))
}

macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $Enum:ident {
            $( $Variant:ident($Type:ident), )+
        }
    ) => {
        $(#[$meta])*
        // Messages are decoded and handled one at a time; boxing the few large variants would
        // only make matching on them clumsier.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum $Enum {
            $(
                #[doc = concat!("[`", stringify!($Type), "`].")]
                $Variant($Type),
            )+
            /// A message this crate does not know, kept exactly as received.
            Unknown {
                /// Its wire name.
                wire_name: String,
                /// Its body.
                body: Value,
            },
        }

        impl $Enum {
            /// The wire names of every known message of this kind, in document order.
            pub const WIRE_NAMES: &'static [&'static str] = &[$( <$Type as WireMessage>::WIRE_NAME, )+];

            /// True if `wire_name` is one of [`Self::WIRE_NAMES`].
            pub fn is_known(wire_name: &str) -> bool {
                Self::WIRE_NAMES.contains(&wire_name)
            }

            /// The wire name.
            pub fn wire_name(&self) -> &str {
                match self {
                    $( Self::$Variant(_) => <$Type as WireMessage>::WIRE_NAME, )+
                    Self::Unknown { wire_name, .. } => wire_name,
                }
            }

            /// Decodes a body given its wire name; an unknown name gives `Unknown`.
            ///
            /// # Errors
            ///
            /// [`Error::Transport`] wrapping a decode error (wire name and JSON path) when the
            /// name is known but the body does not fit its type.
            pub fn from_wire(wire_name: &str, body: Value) -> Result<Self, Error> {
                $(
                    if wire_name == <$Type as WireMessage>::WIRE_NAME {
                        return decode_body::<$Type>(body).map(Self::$Variant);
                    }
                )+
                Ok(Self::Unknown { wire_name: wire_name.to_owned(), body })
            }

            /// The body as JSON (for `Unknown`, the body as received).
            ///
            /// # Errors
            ///
            /// [`Error::InvalidInput`] if serialization fails (it does not for these types).
            pub fn to_body(&self) -> Result<Value, Error> {
                match self {
                    $( Self::$Variant(message) => encode_body(message), )+
                    Self::Unknown { body, .. } => Ok(body.clone()),
                }
            }

            /// Checks a message about to be sent (see [`WireMessage::validate`]); `Unknown`
            /// passes.
            ///
            /// # Errors
            ///
            /// [`Error::InvalidInput`] naming the offending field.
            pub fn validate(&self) -> Result<(), Error> {
                match self {
                    $( Self::$Variant(message) => message.validate(), )+
                    Self::Unknown { .. } => Ok(()),
                }
            }

            /// The JSON paths of fields this crate did not recognise (see [`UnknownFields`]).
            pub fn unknown_fields(&self) -> Vec<String> {
                match self {
                    $( Self::$Variant(message) => message.unknown_fields(), )+
                    Self::Unknown { .. } => Vec::new(),
                }
            }
        }

        $(
            impl From<$Type> for $Enum {
                fn from(message: $Type) -> Self {
                    Self::$Variant(message)
                }
            }

            impl TryFrom<$Enum> for $Type {
                type Error = $Enum;

                fn try_from(message: $Enum) -> Result<Self, $Enum> {
                    match message {
                        $Enum::$Variant(inner) => Ok(inner),
                        other => Err(other),
                    }
                }
            }
        )+
    };
}

wire_enum! {
    /// Every request (client → server).
    Request {
        Ping(RequestPing),
        RegisterApplication(RequestRegisterApplication),
        ConfirmRegistration(RequestConfirmRegistration),
        AuthenticationByApplication(RequestAuthenticationByApplication),
        UpdateDeviceTokenByApplication(RequestUpdateDeviceTokenByApplication),
        GetParams(GetParams),
        GetContactList(RequestGetContactList),
        GetRegisteredUsers(RequestGetRegisteredUsers),
        UpdateParam(UpdateParam),
        GetUpdatedPublicKeys(RequestGetUpdatedPublicKeys),
        GetMessages(RequestGetMessages),
        GetMessagesFromUuid(RequestGetMessagesFromUuid),
        UpdateContact(UpdateContact),
        Typing(RequestTyping),
        AddMessage(RequestAddMessage),
        GetFiles(RequestGetFiles),
        GetFilesFast(RequestGetFilesFast),
        CreateConversationFull(RequestCreateConversationFull),
        GetConversationFull(RequestGetConversationFull),
        GetSessionKey(RequestGetSessionKey),
        MessageDelivered(MessageDelivered),
        UpdateMemberNick(UpdateMemberNick),
        DeleteConversation(RequestDeleteConversation),
        AddBlackList(AddBlackList),
        RemoveBlackList(RemoveBlackList),
        LeaveConversation(RequestLeaveConversation),
        AddMember(RequestAddMember),
        AddNewSessionKeys(RequestAddNewSessionKeys),
        RenameConversation(RequestRenameConversation),
        GetApplicationsFull(RequestGetApplicationsFull),
        DeleteUser(RequestDeleteUser),
        DeleteUserConfirmation(RequestDeleteUserConfirmation),
        GetUserInfo(RequestGetUserInfo),
        GetUserInfoMulti(RequestGetUserInfoMulti),
        GetNicks(GetNicks),
        GetBlackList(GetBlackList),
        UpdateContactList(RequestUpdateContactList),
        GetServerSettings(RequestGetServerSettings),
        GetConversationsFull(RequestGetConversationsFull),
        GetMembersList(RequestGetMembersList),
        AddUserKeys(RequestAddUserKeys),
        UpdateUserNick(RequestUpdateUserNick),
        UpdateUserKeys(RequestUpdateUserKeys),
        GetMessagesByUuids(RequestGetMessagesByUuids),
        MessagesReaded(RequestMessagesReaded),
        DeleteApplication(RequestDeleteApplication),
        ChangeToAdmin(RequestChangeToAdmin),
        KickUser(RequestKickUser),
        AddMessageReport(AddMessageReport),
        DeleteMessage(RequestDeleteMessage),
        DeleteMessages(RequestDeleteMessages),
        AddConversationReport(AddConversationReport),
        AddUserReport(AddUserReport),
        AddAdmin(RequestAddAdmin),
        ConfirmUpdateUserKeys(RequestConfirmUpdateUserKeys),
        MarkAllReaded(RequestMarkAllReaded),
    }
}

wire_enum! {
    /// Every response (server → client, answering a request).
    Response {
        Pong(ResponsePong),
        StatusMessage(ResponseStatusMessage),
        Params(Params),
        ContactList(ResponseContactList),
        RegisteredUsers(ResponseRegisteredUsers),
        GetUpdatedPublicKeys(ResponseGetUpdatedPublicKeys),
        GetMessages(ResponseGetMessages),
        AddedMessage(ResponseAddedMessage),
        Files(ResponseFiles),
        CreateConversation(ResponseCreateConversation),
        GetConversationFull(ResponseGetConversationFull),
        SessionKeyByUuid(ResponseSessionKeyByUuid),
        AddedSessionKey(ResponseAddedSessionKey),
        ApplicationsFull(ResponseApplicationsFull),
        UserInfo(ResponseUserInfo),
        UserInfoMulti(ResponseUserInfoMulti),
        NicksList(NicksList),
        BlackList(BlackList),
        ServerSettings(ResponseServerSettings),
        GetConversationsFull(ResponseGetConversationsFull),
        GetMembersList(ResponseGetMembersList),
    }
}

wire_enum! {
    /// Every notification (server → client, unsolicited).
    Notification {
        AddMemberToConversation(NotificationAddMemberToConversation),
        AddedMessageToConversation(NotificationAddedMessageToConversation),
        NewSessionKey(NotificationNewSessionKey),
        ConversationDeleted(NotificationConversationDeleted),
        ConversationLeaved(NotificationConversationLeaved),
        UpdatedMessage(UpdatedMessageNotification),
        DeleteMessage(DeleteMessageNotification),
        FileReady(FileReadyNotification),
        AuthenticationByApplication(AuthenticationByApplicationNotification),
        NewPublicKey(NotificationNewPublicKey),
        UpdateContact(UpdateContactNotification),
        ConversationAvatarChanged(ConversationAvatarChangedNotification),
        RenameConversation(NotificationRenameConversation),
        ConversationNickUpdated(ConversationNickUpdatedNotification),
        Typing(NotificationTyping),
    }
}

/// A message from the server: a response, a notification, or a message this crate does not
/// know (never dropped, never an error).
#[allow(clippy::large_enum_variant)] // see `wire_enum!`
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Inbound {
    /// A response to a request.
    Response(Response),
    /// An unsolicited notification.
    Notification(Notification),
    /// A wire name that is neither a known response nor a known notification (a request name
    /// included).
    Unknown {
        /// Its wire name.
        wire_name: String,
        /// Its body.
        body: Value,
    },
}

impl Inbound {
    /// Decodes a body by its wire name.
    ///
    /// # Errors
    ///
    /// [`Error::Transport`] wrapping a decode error when the name is known but the body does not
    /// fit its type.
    pub fn from_wire(wire_name: &str, body: Value) -> Result<Self, Error> {
        if Response::is_known(wire_name) {
            Response::from_wire(wire_name, body).map(Self::Response)
        } else if Notification::is_known(wire_name) {
            Notification::from_wire(wire_name, body).map(Self::Notification)
        } else {
            Ok(Self::Unknown {
                wire_name: wire_name.to_owned(),
                body,
            })
        }
    }

    /// The wire name.
    pub fn wire_name(&self) -> &str {
        match self {
            Self::Response(response) => response.wire_name(),
            Self::Notification(notification) => notification.wire_name(),
            Self::Unknown { wire_name, .. } => wire_name,
        }
    }

    /// The body as JSON.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] if serialization fails (it does not for these types).
    pub fn to_body(&self) -> Result<Value, Error> {
        match self {
            Self::Response(response) => response.to_body(),
            Self::Notification(notification) => notification.to_body(),
            Self::Unknown { body, .. } => Ok(body.clone()),
        }
    }
}

impl From<Response> for Inbound {
    fn from(response: Response) -> Self {
        Self::Response(response)
    }
}

impl From<Notification> for Inbound {
    fn from(notification: Notification) -> Self {
        Self::Notification(notification)
    }
}
