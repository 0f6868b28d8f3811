//! Correlation without request ids (notes §12): which pending request a response completes.
//!
//! No body carries a request id. transport-core's WebSocket engine keeps pending requests in
//! FIFO queues per [`QueueKey`] (wired up in [`protocol`](crate::protocol)); this module supplies
//! the pure parts it needs:
//!
//! - [`WIRE_TABLE`]: every wire name with its kind, the reply a request expects and whether it
//!   is fire-and-forget (notes §11.4), written out from the seed, never derived from Rust names;
//! - [`key_for`]: the queue a request waits in — `Status(<its wire name>)` when a
//!   `ResponseStatusMessage` answers it, `Typed(<response wire name>)` otherwise (one queue
//!   shared by every request expecting that type: `ResponseGetMessages` answers three);
//! - [`matcher_for`]: for typed requests, a three-way check of the response against the request
//!   ([`Match::Yes`] when echo fields such as `message.uuid == messageUuid` agree, notes §3;
//!   [`Match::Plausible`] when the reply carries nothing to check, or is a
//!   `ResponseStatusMessage` naming the request — an error instead of the typed response;
//!   [`Match::No`] otherwise);
//! - [`keys_for`]: the queues to try, in order, for an inbound response — for a
//!   `ResponseStatusMessage` with `requestType` X: `[Status(X), Typed(<reply of X>)]`.
//!
//! The engine completes the first pending entry, in the first key's queue that has one, whose
//! matcher does not say `No` (no matcher counts as `Plausible`); after a timeout on a key, only a
//! `Yes` completes a request there, and the next reply nobody claims with certainty is dropped
//! as the expired request's late reply. One request in flight per queue by default and the
//! reconnect after a second timeout on a queue whose replies cannot confirm their request
//! ([`reply_echoes`]) belong to the [`Client`](crate::Client).

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

/// A check of an inbound response against one pending request (see [`matcher_for`]).
pub type Matcher = Box<dyn Fn(&Response) -> Match + Send + Sync>;

/// What a [`Matcher`] says about a response: transport-core's three-way answer, re-exported.
pub use transport_core::ws::Match;

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
/// `ResponseStatusMessage` (their queue only ever sees status messages naming them, and carries
/// nothing to check: the engine treats them as [`Match::Plausible`]) and for unknown requests.
/// For typed requests, a three-way check:
///
/// - [`Match::Yes`] when the response echoes every field that identifies the request
///   (`message.uuid == messageUuid`, `conversation.uuid`, `sessionKey.uuid` + `conversationUuid`,
///   `user.userId`, the exact set of requested users or message uuids, download URLs naming the
///   conversation and message); ids are compared ignoring case;
/// - [`Match::No`] when it is another response type, a status message naming another request,
///   or an echo field names something else;
/// - [`Match::Plausible`] when it is the expected type but carries nothing to check (no echo
///   field, an empty list, a subset of the requested ids, a page of the right conversation), or
///   is a `ResponseStatusMessage` naming the request (an error instead of the typed response):
///   accepted in order, but after a timeout on the key taken for the expired request's late
///   reply.
pub fn matcher_for(request: &Request) -> Option<Matcher> {
    match request {
        Request::Ping(_) => typed::<RequestPing>(|r| plausible_if(matches!(r, Response::Pong(_)))),
        Request::GetParams(req) => {
            let user = req.user_id.clone();
            typed::<GetParams>(move |r| match r {
                Response::Params(p) => all_echo(p.params.iter().map(|param| param.user_id == user)),
                _ => Match::No,
            })
        }
        Request::GetContactList(_) => {
            typed::<RequestGetContactList>(|r| plausible_if(matches!(r, Response::ContactList(_))))
        }
        Request::GetRegisteredUsers(req) => {
            let asked = req.check_user_list.clone();
            typed::<RequestGetRegisteredUsers>(move |r| match r {
                Response::RegisteredUsers(found) => same_set(&found.users, &asked, |a, b| a == b),
                _ => Match::No,
            })
        }
        Request::GetUpdatedPublicKeys(_) => typed::<RequestGetUpdatedPublicKeys>(|r| {
            plausible_if(matches!(r, Response::GetUpdatedPublicKeys(_)))
        }),
        Request::GetMessages(req) => {
            let conversation = req.conversation_uuid.clone();
            typed::<RequestGetMessages>(move |r| page_of(r, &conversation))
        }
        Request::GetMessagesFromUuid(req) => {
            let conversation = req.conversation_uuid.clone();
            typed::<RequestGetMessagesFromUuid>(move |r| page_of(r, &conversation))
        }
        Request::GetMessagesByUuids(req) => {
            let conversation = req.conversation_uuid.clone();
            let uuids = req.uuids.clone();
            typed::<RequestGetMessagesByUuids>(move |r| by_uuids(r, &conversation, &uuids))
        }
        Request::AddMessage(req) => {
            let uuid = req.message_uuid.clone();
            typed::<RequestAddMessage>(move |r| match r {
                Response::AddedMessage(added) => yes_if(added.message.uuid.eq_ignore_case(&uuid)),
                _ => Match::No,
            })
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
            typed::<RequestCreateConversationFull>(move |r| match r {
                Response::CreateConversation(c) => {
                    yes_if(c.conversation.uuid.eq_ignore_case(&uuid))
                }
                _ => Match::No,
            })
        }
        Request::GetConversationFull(req) => {
            let uuid = req.conversation_uuid.clone();
            typed::<RequestGetConversationFull>(move |r| match r {
                Response::GetConversationFull(c) => {
                    yes_if(c.conversation.uuid.eq_ignore_case(&uuid))
                }
                _ => Match::No,
            })
        }
        Request::GetSessionKey(req) => {
            let uuid = req.session_key_uuid.clone();
            let conversation = req.conversation_uuid.clone();
            typed::<RequestGetSessionKey>(move |r| match r {
                Response::SessionKeyByUuid(k) => yes_if(
                    k.session_key.uuid.eq_ignore_case(&uuid)
                        && k.session_key
                            .conversation_uuid
                            .eq_ignore_case(&conversation),
                ),
                _ => Match::No,
            })
        }
        Request::AddNewSessionKeys(_) => typed::<RequestAddNewSessionKeys>(|r| {
            plausible_if(matches!(r, Response::AddedSessionKey(_)))
        }),
        Request::GetApplicationsFull(_) => typed::<RequestGetApplicationsFull>(|r| {
            plausible_if(matches!(r, Response::ApplicationsFull(_)))
        }),
        Request::GetUserInfo(req) => {
            let user = req.user_id.clone();
            typed::<RequestGetUserInfo>(move |r| match r {
                Response::UserInfo(info) => yes_if(info.user.user_id == user),
                _ => Match::No,
            })
        }
        Request::GetUserInfoMulti(req) => {
            let asked: Vec<UserId> = req.user_ids.clone();
            typed::<RequestGetUserInfoMulti>(move |r| match r {
                Response::UserInfoMulti(info) => {
                    let found: Vec<UserId> = info.users.iter().map(|u| u.user_id.clone()).collect();
                    same_set(&found, &asked, |a, b| a == b)
                }
                _ => Match::No,
            })
        }
        Request::GetNicks(_) => {
            typed::<GetNicks>(|r| plausible_if(matches!(r, Response::NicksList(_))))
        }
        Request::GetBlackList(_) => {
            typed::<GetBlackList>(|r| plausible_if(matches!(r, Response::BlackList(_))))
        }
        Request::GetServerSettings(_) => typed::<RequestGetServerSettings>(|r| {
            plausible_if(matches!(r, Response::ServerSettings(_)))
        }),
        Request::GetConversationsFull(_) => typed::<RequestGetConversationsFull>(|r| {
            plausible_if(matches!(r, Response::GetConversationsFull(_)))
        }),
        Request::GetMembersList(_) => typed::<RequestGetMembersList>(|r| {
            plausible_if(matches!(r, Response::GetMembersList(_)))
        }),
        _ => None,
    }
}

/// True if `request`'s reply can confirm that it answers this very request ([`Match::Yes`]):
/// it echoes an identifying field. Requests without such a reply (every status-answered
/// request, `RequestPing`, list requests) cannot tell a late reply from their own, so after a
/// timeout their queue can only be resynchronised by reconnecting.
pub fn reply_echoes(request: &Request) -> bool {
    matches!(
        request,
        Request::GetParams(_)
            | Request::GetRegisteredUsers(_)
            | Request::GetMessagesByUuids(_)
            | Request::AddMessage(_)
            | Request::GetFiles(_)
            | Request::GetFilesFast(_)
            | Request::CreateConversationFull(_)
            | Request::GetConversationFull(_)
            | Request::GetSessionKey(_)
            | Request::GetUserInfo(_)
            | Request::GetUserInfoMulti(_)
    )
}

/// A typed request's matcher: a status message naming `R` is plausible (an error instead of
/// the typed response), one naming another request is not; other responses go to `check`.
fn typed<R: WireMessage>(
    check: impl Fn(&Response) -> Match + Send + Sync + 'static,
) -> Option<Matcher> {
    Some(Box::new(move |response| match response {
        Response::StatusMessage(status) => plausible_if(status.request_type == R::WIRE_NAME),
        other => check(other),
    }))
}

fn plausible_if(fits: bool) -> Match {
    if fits { Match::Plausible } else { Match::No }
}

fn yes_if(echoes: bool) -> Match {
    if echoes { Match::Yes } else { Match::No }
}

/// Every item echoes the request: `Yes`; any item names something else: `No`; no items:
/// `Plausible`.
fn all_echo(mut items: impl Iterator<Item = bool>) -> Match {
    match items.next() {
        None => Match::Plausible,
        Some(first) => yes_if(first && items.all(|echo| echo)),
    }
}

/// `found` is exactly the requested set: `Yes`; a subset (a server may omit unknown ids):
/// `Plausible`; anything not requested: `No`.
fn same_set<T>(found: &[T], asked: &[T], eq: impl Fn(&T, &T) -> bool) -> Match {
    if !found.iter().all(|f| asked.iter().any(|a| eq(f, a))) {
        Match::No
    } else if !found.is_empty() && asked.iter().all(|a| found.iter().any(|f| eq(f, a))) {
        Match::Yes
    } else {
        Match::Plausible
    }
}

/// A page of `ResponseGetMessages`: every message must belong to `conversation` (a page
/// carries nothing that identifies which page was asked for, so at best `Plausible`).
fn page_of(response: &Response, conversation: &ConversationUuid) -> Match {
    let Response::GetMessages(ResponseGetMessages { messages, .. }) = response else {
        return Match::No;
    };
    plausible_if(
        messages
            .iter()
            .all(|message| message.conversation_uuid.eq_ignore_case(conversation)),
    )
}

/// `ResponseGetMessages` for `RequestGetMessagesByUuids`: messages of `conversation` whose
/// uuids are exactly the requested ones (`Yes`) or some of them (`Plausible`).
fn by_uuids(response: &Response, conversation: &ConversationUuid, uuids: &[MessageUuid]) -> Match {
    let Response::GetMessages(ResponseGetMessages { messages, .. }) = response else {
        return Match::No;
    };
    if !messages
        .iter()
        .all(|message| message.conversation_uuid.eq_ignore_case(conversation))
    {
        return Match::No;
    }
    let found: Vec<MessageUuid> = messages.iter().map(|m| m.uuid.clone()).collect();
    same_set(&found, uuids, MessageUuid::eq_ignore_case)
}

/// A `ResponseFiles` whose download URLs (`…/conversation_<conversation>/<message>_…`) name
/// this conversation and message: `Yes` if at least one does and none names another; URLs of
/// another shape carry no evidence.
fn files_of(
    response: &Response,
    (conversation, message): &(ConversationUuid, MessageUuid),
) -> Match {
    let Response::Files(files) = response else {
        return Match::No;
    };
    let mut evidence = Match::Plausible;
    for ids in files.files.iter().filter_map(|file| file.download_ids()) {
        if ids.0.eq_ignore_case(conversation) && ids.1.eq_ignore_case(message) {
            evidence = Match::Yes;
        } else {
            return Match::No;
        }
    }
    evidence
}

#[cfg(test)]
mod tests;
