//! Correlation without request ids (notes §12): which pending request a response completes.
//!
//! No body carries a request id. The engine (transport-core's WebSocket RPC engine, wired in a
//! later phase) keeps pending requests in FIFO queues per [`QueueKey`]; this module supplies the
//! pure parts it needs:
//!
//! - [`WIRE_TABLE`]: every wire name with its kind, the reply a request expects and whether it
//!   is fire-and-forget (notes §11.4), written out from the seed, never derived from Rust names;
//! - [`key_for`]: the queue a request waits in — `Status(<its wire name>)` when a
//!   `ResponseStatusMessage` answers it, `Typed(<response wire name>)` otherwise (one queue
//!   shared by every request expecting that type: `ResponseGetMessages` answers three);
//! - [`matcher_for`]: for typed requests, a check of the response against the request (echo
//!   fields such as `message.uuid == messageUuid`, notes §3), which also accepts a
//!   `ResponseStatusMessage` naming the request (an error instead of the typed response);
//! - [`keys_for`]: the queues to try, in order, for an inbound response — for a
//!   `ResponseStatusMessage` with `requestType` X: `[Status(X), Typed(<reply of X>)]`.
//!
//! The engine completes the first pending entry, in the first key's queue that has one, whose
//! matcher accepts (no matcher accepts anything). Everything else — one request in flight per
//! queue by default, taint-and-resync after timeouts, unsolicited and unknown frames as events —
//! belongs to the engine and the client.

use crate::api::requests::*;
use crate::api::responses::ResponseGetMessages;
use crate::api::{Request, Response, WireMessage};
use crate::model::{ConversationUuid, MessageUuid, UserId};

/// What kind of message a wire name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MessageKind {
    /// Client → server.
    Request,
    /// Server → client, answering a request.
    Response,
    /// Server → client, unsolicited.
    Notification,
}

/// The reply a request expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expected {
    /// A `ResponseStatusMessage` whose `requestType` is the request's wire name.
    Status,
    /// A typed response with this wire name.
    Typed(&'static str),
}

/// One row of [`WIRE_TABLE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct WireEntry {
    /// The exact wire name.
    pub wire_name: &'static str,
    /// Request, response or notification.
    pub kind: MessageKind,
    /// For requests, the reply it expects.
    pub reply: Option<Expected>,
    /// For requests, true if callers usually do not wait for the reply (`RequestTyping`,
    /// `MessageDelivered`, `RequestMessagesReaded`). The reply still comes and must still be
    /// consumed, so such requests are registered like any other.
    pub fire_and_forget: bool,
}

impl WireEntry {
    const fn request(wire_name: &'static str, reply: Expected, fire_and_forget: bool) -> Self {
        Self {
            wire_name,
            kind: MessageKind::Request,
            reply: Some(reply),
            fire_and_forget,
        }
    }

    const fn response(wire_name: &'static str) -> Self {
        Self {
            wire_name,
            kind: MessageKind::Response,
            reply: None,
            fire_and_forget: false,
        }
    }

    const fn notification(wire_name: &'static str) -> Self {
        Self {
            wire_name,
            kind: MessageKind::Notification,
            reply: None,
            fire_and_forget: false,
        }
    }
}

/// Every wire name of the seed: 56 requests (in document order), 21 responses and 15
/// notifications. Spellings are the wire's (`Params`, `BlackList`, `RequestMessagesReaded`,
/// `NotificationConversationLeaved`, `AddUserReport` without the heading's colon).
pub const WIRE_TABLE: &[WireEntry] = &[
    // Requests: wire name, expected reply, fire-and-forget.
    WireEntry::request("RequestPing", Expected::Typed("ResponsePong"), false),
    WireEntry::request("RequestRegisterApplication", Expected::Status, false),
    WireEntry::request("RequestConfirmRegistration", Expected::Status, false),
    WireEntry::request(
        "RequestAuthenticationByApplication",
        Expected::Status,
        false,
    ),
    WireEntry::request(
        "RequestUpdateDeviceTokenByApplication",
        Expected::Status,
        false,
    ),
    WireEntry::request("GetParams", Expected::Typed("Params"), false),
    WireEntry::request(
        "RequestGetContactList",
        Expected::Typed("ResponseContactList"),
        false,
    ),
    WireEntry::request(
        "RequestGetRegisteredUsers",
        Expected::Typed("ResponseRegisteredUsers"),
        false,
    ),
    WireEntry::request("UpdateParam", Expected::Status, false),
    WireEntry::request(
        "RequestGetUpdatedPublicKeys",
        Expected::Typed("ResponseGetUpdatedPublicKeys"),
        false,
    ),
    WireEntry::request(
        "RequestGetMessages",
        Expected::Typed("ResponseGetMessages"),
        false,
    ),
    WireEntry::request(
        "RequestGetMessagesFromUuid",
        Expected::Typed("ResponseGetMessages"),
        false,
    ),
    WireEntry::request("UpdateContact", Expected::Status, false),
    WireEntry::request("RequestTyping", Expected::Status, true),
    WireEntry::request(
        "RequestAddMessage",
        Expected::Typed("ResponseAddedMessage"),
        false,
    ),
    WireEntry::request("RequestGetFiles", Expected::Typed("ResponseFiles"), false),
    WireEntry::request(
        "RequestGetFilesFast",
        Expected::Typed("ResponseFiles"),
        false,
    ),
    WireEntry::request(
        "RequestCreateConversationFull",
        Expected::Typed("ResponseCreateConversation"),
        false,
    ),
    WireEntry::request(
        "RequestGetConversationFull",
        Expected::Typed("ResponseGetConversationFull"),
        false,
    ),
    WireEntry::request(
        "RequestGetSessionKey",
        Expected::Typed("ResponseSessionKeyByUuid"),
        false,
    ),
    WireEntry::request("MessageDelivered", Expected::Status, true),
    WireEntry::request("UpdateMemberNick", Expected::Status, false),
    WireEntry::request("RequestDeleteConversation", Expected::Status, false),
    WireEntry::request("AddBlackList", Expected::Status, false),
    WireEntry::request("RemoveBlackList", Expected::Status, false),
    WireEntry::request("RequestLeaveConversation", Expected::Status, false),
    WireEntry::request("RequestAddMember", Expected::Status, false),
    WireEntry::request(
        "RequestAddNewSessionKeys",
        Expected::Typed("ResponseAddedSessionKey"),
        false,
    ),
    WireEntry::request("RequestRenameConversation", Expected::Status, false),
    WireEntry::request(
        "RequestGetApplicationsFull",
        Expected::Typed("ResponseApplicationsFull"),
        false,
    ),
    WireEntry::request("RequestDeleteUser", Expected::Status, false),
    WireEntry::request("RequestDeleteUserConfirmation", Expected::Status, false),
    WireEntry::request(
        "RequestGetUserInfo",
        Expected::Typed("ResponseUserInfo"),
        false,
    ),
    WireEntry::request(
        "RequestGetUserInfoMulti",
        Expected::Typed("ResponseUserInfoMulti"),
        false,
    ),
    WireEntry::request("GetNicks", Expected::Typed("NicksList"), false),
    WireEntry::request("GetBlackList", Expected::Typed("BlackList"), false),
    WireEntry::request("RequestUpdateContactList", Expected::Status, false),
    WireEntry::request(
        "RequestGetServerSettings",
        Expected::Typed("ResponseServerSettings"),
        false,
    ),
    WireEntry::request(
        "RequestGetConversationsFull",
        Expected::Typed("ResponseGetConversationsFull"),
        false,
    ),
    WireEntry::request(
        "RequestGetMembersList",
        Expected::Typed("ResponseGetMembersList"),
        false,
    ),
    WireEntry::request("RequestAddUserKeys", Expected::Status, false),
    WireEntry::request("RequestUpdateUserNick", Expected::Status, false),
    WireEntry::request("RequestUpdateUserKeys", Expected::Status, false),
    WireEntry::request(
        "RequestGetMessagesByUuids",
        Expected::Typed("ResponseGetMessages"),
        false,
    ),
    WireEntry::request("RequestMessagesReaded", Expected::Status, true),
    WireEntry::request("RequestDeleteApplication", Expected::Status, false),
    WireEntry::request("RequestChangeToAdmin", Expected::Status, false),
    WireEntry::request("RequestKickUser", Expected::Status, false),
    WireEntry::request("AddMessageReport", Expected::Status, false),
    WireEntry::request("RequestDeleteMessage", Expected::Status, false),
    WireEntry::request("RequestDeleteMessages", Expected::Status, false),
    WireEntry::request("AddConversationReport", Expected::Status, false),
    WireEntry::request("AddUserReport", Expected::Status, false),
    WireEntry::request("RequestAddAdmin", Expected::Status, false),
    WireEntry::request("RequestConfirmUpdateUserKeys", Expected::Status, false),
    WireEntry::request("RequestMarkAllReaded", Expected::Status, false),
    // Responses.
    WireEntry::response("ResponsePong"),
    WireEntry::response("ResponseStatusMessage"),
    WireEntry::response("Params"),
    WireEntry::response("ResponseContactList"),
    WireEntry::response("ResponseRegisteredUsers"),
    WireEntry::response("ResponseGetUpdatedPublicKeys"),
    WireEntry::response("ResponseGetMessages"),
    WireEntry::response("ResponseAddedMessage"),
    WireEntry::response("ResponseFiles"),
    WireEntry::response("ResponseCreateConversation"),
    WireEntry::response("ResponseGetConversationFull"),
    WireEntry::response("ResponseSessionKeyByUuid"),
    WireEntry::response("ResponseAddedSessionKey"),
    WireEntry::response("ResponseApplicationsFull"),
    WireEntry::response("ResponseUserInfo"),
    WireEntry::response("ResponseUserInfoMulti"),
    WireEntry::response("NicksList"),
    WireEntry::response("BlackList"),
    WireEntry::response("ResponseServerSettings"),
    WireEntry::response("ResponseGetConversationsFull"),
    WireEntry::response("ResponseGetMembersList"),
    // Notifications.
    WireEntry::notification("NotificationAddMemberToConversation"),
    WireEntry::notification("NotificationAddedMessageToConversation"),
    WireEntry::notification("NotificationNewSessionKey"),
    WireEntry::notification("NotificationConversationDeleted"),
    WireEntry::notification("NotificationConversationLeaved"),
    WireEntry::notification("UpdatedMessageNotification"),
    WireEntry::notification("DeleteMessageNotification"),
    WireEntry::notification("FileReadyNotification"),
    WireEntry::notification("AuthenticationByApplicationNotification"),
    WireEntry::notification("NotificationNewPublicKey"),
    WireEntry::notification("UpdateContactNotification"),
    WireEntry::notification("ConversationAvatarChangedNotification"),
    WireEntry::notification("NotificationRenameConversation"),
    WireEntry::notification("ConversationNickUpdatedNotification"),
    WireEntry::notification("NotificationTyping"),
];

/// The table row of a wire name.
pub fn lookup(wire_name: &str) -> Option<&'static WireEntry> {
    WIRE_TABLE.iter().find(|entry| entry.wire_name == wire_name)
}

/// A pending-request queue.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QueueKey {
    /// Requests answered by a `ResponseStatusMessage`, keyed by the request's wire name.
    Status(String),
    /// Requests answered by this typed response (wire name).
    Typed(String),
}

/// A check of an inbound response against one pending request.
pub type Matcher = Box<dyn Fn(&Response) -> bool + Send + Sync>;

/// The queue `request` waits in. Unknown requests are assumed to be answered by a
/// `ResponseStatusMessage` naming them.
pub fn key_for(request: &Request) -> QueueKey {
    match lookup(request.wire_name()).and_then(|entry| entry.reply) {
        Some(Expected::Typed(reply)) => QueueKey::Typed(reply.to_owned()),
        _ => QueueKey::Status(request.wire_name().to_owned()),
    }
}

/// True if callers usually do not wait for this request's reply (see
/// [`WireEntry::fire_and_forget`]).
pub fn is_fire_and_forget(request: &Request) -> bool {
    lookup(request.wire_name()).is_some_and(|entry| entry.fire_and_forget)
}

/// The queues to try, in order, for an inbound response.
pub fn keys_for(response: &Response) -> Vec<QueueKey> {
    match response {
        Response::StatusMessage(status) => {
            let mut keys = vec![QueueKey::Status(status.request_type.clone())];
            if let Some(Expected::Typed(reply)) =
                lookup(&status.request_type).and_then(|entry| entry.reply)
            {
                keys.push(QueueKey::Typed(reply.to_owned()));
            }
            keys
        }
        other => vec![QueueKey::Typed(other.wire_name().to_owned())],
    }
}

/// The matcher of a pending request: `None` for requests answered by a
/// `ResponseStatusMessage` (their queue only ever sees status messages naming them) and for
/// unknown requests; for typed requests, a check that accepts
///
/// - a `ResponseStatusMessage` whose `requestType` is the request's wire name, and
/// - the expected response type, when its echo fields agree with the request (ids compared
///   ignoring case); responses without echo fields are accepted as they come (FIFO).
pub fn matcher_for(request: &Request) -> Option<Matcher> {
    match request {
        Request::Ping(_) => typed::<RequestPing>(|r| matches!(r, Response::Pong(_))),
        Request::GetParams(req) => {
            let user = req.user_id.clone();
            typed::<GetParams>(
                move |r| matches!(r, Response::Params(p) if p.params.iter().all(|param| param.user_id == user)),
            )
        }
        Request::GetContactList(_) => {
            typed::<RequestGetContactList>(|r| matches!(r, Response::ContactList(_)))
        }
        Request::GetRegisteredUsers(req) => {
            let asked = req.check_user_list.clone();
            typed::<RequestGetRegisteredUsers>(
                move |r| matches!(r, Response::RegisteredUsers(found) if found.users.iter().all(|u| asked.contains(u))),
            )
        }
        Request::GetUpdatedPublicKeys(_) => {
            typed::<RequestGetUpdatedPublicKeys>(|r| matches!(r, Response::GetUpdatedPublicKeys(_)))
        }
        Request::GetMessages(req) => {
            let conversation = req.conversation_uuid.clone();
            typed::<RequestGetMessages>(move |r| messages_of(r, &conversation, None))
        }
        Request::GetMessagesFromUuid(req) => {
            let conversation = req.conversation_uuid.clone();
            typed::<RequestGetMessagesFromUuid>(move |r| messages_of(r, &conversation, None))
        }
        Request::GetMessagesByUuids(req) => {
            let conversation = req.conversation_uuid.clone();
            let uuids = req.uuids.clone();
            typed::<RequestGetMessagesByUuids>(move |r| messages_of(r, &conversation, Some(&uuids)))
        }
        Request::AddMessage(req) => {
            let uuid = req.message_uuid.clone();
            typed::<RequestAddMessage>(
                move |r| matches!(r, Response::AddedMessage(added) if added.message.uuid.eq_ignore_case(&uuid)),
            )
        }
        Request::GetFiles(req) => {
            let ids = (req.conversation_uuid.clone(), req.message_uuid.clone());
            typed::<RequestGetFiles>(move |r| files_of(r, &ids))
        }
        Request::GetFilesFast(req) => {
            let ids = (req.conversation_uuid.clone(), req.message_uuid.clone());
            typed::<RequestGetFilesFast>(move |r| files_of(r, &ids))
        }
        Request::CreateConversationFull(req) => {
            let uuid = req.conversation_uuid.clone();
            typed::<RequestCreateConversationFull>(
                move |r| matches!(r, Response::CreateConversation(c) if c.conversation.uuid.eq_ignore_case(&uuid)),
            )
        }
        Request::GetConversationFull(req) => {
            let uuid = req.conversation_uuid.clone();
            typed::<RequestGetConversationFull>(
                move |r| matches!(r, Response::GetConversationFull(c) if c.conversation.uuid.eq_ignore_case(&uuid)),
            )
        }
        Request::GetSessionKey(req) => {
            let uuid = req.session_key_uuid.clone();
            let conversation = req.conversation_uuid.clone();
            typed::<RequestGetSessionKey>(move |r| {
                matches!(r, Response::SessionKeyByUuid(k)
                    if k.session_key.uuid.eq_ignore_case(&uuid)
                        && k.session_key.conversation_uuid.eq_ignore_case(&conversation))
            })
        }
        Request::AddNewSessionKeys(_) => {
            typed::<RequestAddNewSessionKeys>(|r| matches!(r, Response::AddedSessionKey(_)))
        }
        Request::GetApplicationsFull(_) => {
            typed::<RequestGetApplicationsFull>(|r| matches!(r, Response::ApplicationsFull(_)))
        }
        Request::GetUserInfo(req) => {
            let user = req.user_id.clone();
            typed::<RequestGetUserInfo>(
                move |r| matches!(r, Response::UserInfo(info) if info.user.user_id == user),
            )
        }
        Request::GetUserInfoMulti(req) => {
            let asked: Vec<UserId> = req.user_ids.clone();
            typed::<RequestGetUserInfoMulti>(move |r| {
                matches!(r, Response::UserInfoMulti(info)
                    if info.users.iter().all(|user| asked.contains(&user.user_id)))
            })
        }
        Request::GetNicks(_) => typed::<GetNicks>(|r| matches!(r, Response::NicksList(_))),
        Request::GetBlackList(_) => typed::<GetBlackList>(|r| matches!(r, Response::BlackList(_))),
        Request::GetServerSettings(_) => {
            typed::<RequestGetServerSettings>(|r| matches!(r, Response::ServerSettings(_)))
        }
        Request::GetConversationsFull(_) => {
            typed::<RequestGetConversationsFull>(|r| matches!(r, Response::GetConversationsFull(_)))
        }
        Request::GetMembersList(_) => {
            typed::<RequestGetMembersList>(|r| matches!(r, Response::GetMembersList(_)))
        }
        _ => None,
    }
}

/// A typed request's matcher: a status message naming `R`, or what `accepts` accepts.
fn typed<R: WireMessage>(
    accepts: impl Fn(&Response) -> bool + Send + Sync + 'static,
) -> Option<Matcher> {
    Some(Box::new(move |response| match response {
        Response::StatusMessage(status) => status.request_type == R::WIRE_NAME,
        other => accepts(other),
    }))
}

/// A `ResponseGetMessages` whose messages all belong to `conversation` (and, when given, are
/// among `uuids`). An empty page carries no evidence and is accepted.
fn messages_of(
    response: &Response,
    conversation: &ConversationUuid,
    uuids: Option<&[MessageUuid]>,
) -> bool {
    let Response::GetMessages(ResponseGetMessages { messages, .. }) = response else {
        return false;
    };
    messages.iter().all(|message| {
        message.conversation_uuid.eq_ignore_case(conversation)
            && uuids.is_none_or(|uuids| uuids.iter().any(|u| u.eq_ignore_case(&message.uuid)))
    })
}

/// A `ResponseFiles` none of whose download URLs names another conversation or message
/// (`…/conversation_<conversation>/<message>_…`); URLs of another shape carry no evidence.
fn files_of(
    response: &Response,
    (conversation, message): &(ConversationUuid, MessageUuid),
) -> bool {
    let Response::Files(files) = response else {
        return false;
    };
    files.files.iter().all(|file| {
        file.download_ids()
            .is_none_or(|(c, m)| c.eq_ignore_case(conversation) && m.eq_ignore_case(message))
    })
}

#[cfg(test)]
mod tests;
