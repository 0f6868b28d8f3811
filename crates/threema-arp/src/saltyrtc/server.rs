//! [`RelayServer`]: the SaltyRTC server role as a sans-IO state machine, for tests: it
//! authenticates clients (`server-hello`, `client-hello`, `client-auth`, `server-auth` with
//! `signed_keys`), announces them (`new-initiator`, `new-responder`, `disconnected`), relays
//! client-to-client messages unchanged (or answers `send-error`), and drops responders on
//! request. It implements what the protocol text asks of a server, enough to run the crate's
//! initiator and responder against each other without the real server (which the
//! integration tests use too).

use super::close_code::CloseCode;
use super::crypto::{Sealer, open, seal};
use super::keys::{KEY_LENGTH, KeyPair};
use super::message::Message;
use super::nonce::{Channel, NONCE_LENGTH, Nonce};
use super::signaling::sign_keys;
use super::{INITIATOR_ADDRESS, SERVER_ADDRESS, SUBPROTOCOL};
use bytes::Bytes;
use crypto_box::SalsaBox;
use std::collections::BTreeMap;
use std::fmt;

/// Identifies one connection to a [`RelayServer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClientId(pub u64);

/// What the server's driver must do.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ServerOutput {
    /// Send `frame` to `client`.
    Send {
        /// The receiving connection.
        client: ClientId,
        /// The frame.
        frame: Bytes,
    },
    /// Close `client`'s connection with `code`. The driver then calls
    /// [`RelayServer::disconnected`] with `announce` (false for dropped responders, which are
    /// not announced as `disconnected`).
    Close {
        /// The connection.
        client: ClientId,
        /// The close code.
        code: CloseCode,
        /// Whether the other clients learn about it.
        announce: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// `server-hello` sent; `client-hello` or `client-auth` expected.
    Hello,
    /// A responder sent `client-hello`; `client-auth` expected.
    ResponderAuth,
    /// Authenticated.
    Authenticated,
}

struct Client {
    path: [u8; KEY_LENGTH],
    channel: Channel,
    session: KeyPair,
    stage: Stage,
    key: Option<[u8; KEY_LENGTH]>,
    salsa: Option<SalsaBox>,
    address: u8,
}

#[derive(Default)]
struct Path {
    initiator: Option<ClientId>,
    responders: BTreeMap<u8, ClientId>,
}

/// A SaltyRTC server without I/O (see the module documentation).
pub struct RelayServer {
    permanent: KeyPair,
    clients: BTreeMap<ClientId, Client>,
    paths: BTreeMap<[u8; KEY_LENGTH], Path>,
    next_id: u64,
    relayed: u64,
}

impl fmt::Debug for RelayServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RelayServer")
            .field("permanent", &self.permanent)
            .field("clients", &self.clients.len())
            .field("relayed", &self.relayed)
            .finish_non_exhaustive()
    }
}

impl RelayServer {
    /// A server with this permanent key.
    pub fn new(permanent: KeyPair) -> Self {
        Self {
            permanent,
            clients: BTreeMap::new(),
            paths: BTreeMap::new(),
            next_id: 0,
            relayed: 0,
        }
    }

    /// The server's permanent public key (for clients to pin).
    pub fn public_key(&self) -> &[u8; KEY_LENGTH] {
        self.permanent.public_key()
    }

    /// True if `client` authenticated as the initiator.
    pub fn is_initiator(&self, client: ClientId) -> bool {
        self.clients
            .get(&client)
            .is_some_and(|c| c.stage == Stage::Authenticated && c.address == INITIATOR_ADDRESS)
    }

    /// The number of relayed messages so far.
    pub fn relayed(&self) -> u64 {
        self.relayed
    }

    /// A client connected to `path` (the part of the URL after `/`). Returns its id and the
    /// `server-hello` to send, or a close for an invalid path.
    pub fn connect(&mut self, path: &str) -> (ClientId, Vec<ServerOutput>) {
        let id = ClientId(self.next_id);
        self.next_id += 1;
        let Some(path) = parse_path(path) else {
            return (
                id,
                vec![ServerOutput::Close {
                    client: id,
                    code: CloseCode::ProtocolError,
                    announce: false,
                }],
            );
        };
        let mut client = Client {
            path,
            channel: Channel::new(),
            session: KeyPair::generate(),
            stage: Stage::Hello,
            key: None,
            salsa: None,
            address: SERVER_ADDRESS,
        };
        let hello = Message::ServerHello {
            key: *client.session.public_key(),
        };
        let outputs = match client.channel.next_nonce(SERVER_ADDRESS, SERVER_ADDRESS) {
            Ok(nonce) => match seal(&nonce, Sealer::Plain, &hello) {
                Ok(frame) => vec![ServerOutput::Send { client: id, frame }],
                Err(_) => vec![close(id, CloseCode::InternalError)],
            },
            Err(_) => vec![close(id, CloseCode::InternalError)],
        };
        self.clients.insert(id, client);
        (id, outputs)
    }

    /// A frame from `client`.
    pub fn receive(&mut self, client: ClientId, frame: &[u8]) -> Vec<ServerOutput> {
        let mut out = Vec::new();
        if let Err(code) = self.process(client, frame, &mut out) {
            out.push(close(client, code));
        }
        out
    }

    /// `client`'s connection ended. With `announce`, the other side of its path is told
    /// (`disconnected`).
    pub fn disconnected(&mut self, client: ClientId, announce: bool) -> Vec<ServerOutput> {
        let mut out = Vec::new();
        let Some(gone) = self.clients.remove(&client) else {
            return out;
        };
        if gone.stage != Stage::Authenticated {
            return out;
        }
        let Some(path) = self.paths.get_mut(&gone.path) else {
            return out;
        };
        let notify: Vec<ClientId> = if gone.address == INITIATOR_ADDRESS {
            if path.initiator != Some(client) {
                return out;
            }
            path.initiator = None;
            path.responders.values().copied().collect()
        } else {
            if path.responders.get(&gone.address) != Some(&client) {
                return out;
            }
            path.responders.remove(&gone.address);
            path.initiator.into_iter().collect()
        };
        if announce {
            for other in notify {
                self.notify(other, &Message::Disconnected { id: gone.address }, &mut out);
            }
        }
        out
    }

    fn process(
        &mut self,
        id: ClientId,
        frame: &[u8],
        out: &mut Vec<ServerOutput>,
    ) -> Result<(), CloseCode> {
        let protocol = CloseCode::ProtocolError;
        let nonce = Nonce::parse(frame)
            .filter(|_| frame.len() > NONCE_LENGTH)
            .ok_or(protocol)?;
        let client = self.clients.get_mut(&id).ok_or(CloseCode::InternalError)?;
        if nonce.source != client.address {
            return Err(protocol);
        }
        if nonce.destination != SERVER_ADDRESS {
            if client.stage != Stage::Authenticated {
                return Err(protocol);
            }
            return self.relay(id, &nonce, frame, out);
        }
        client
            .channel
            .check_incoming(&nonce)
            .map_err(|_| protocol)?;
        match client.stage {
            Stage::Hello => {
                if let Ok(Some(Message::ClientHello { key })) = open(frame, Sealer::Plain) {
                    client.key = Some(key);
                    client.salsa = Some(client.session.salsa_box(&key));
                    client.stage = Stage::ResponderAuth;
                    return Ok(());
                }
                // No client-hello: an initiator, whose key is the path.
                let key = client.path;
                let salsa = client.session.salsa_box(&key);
                let message = open(frame, Sealer::Box(&salsa))
                    .ok()
                    .flatten()
                    .ok_or(protocol)?;
                client.key = Some(key);
                client.salsa = Some(salsa);
                self.client_auth(id, true, message, out)
            }
            Stage::ResponderAuth => {
                let salsa = client.salsa.as_ref().ok_or(protocol)?;
                let message = open(frame, Sealer::Box(salsa))
                    .ok()
                    .flatten()
                    .ok_or(protocol)?;
                self.client_auth(id, false, message, out)
            }
            Stage::Authenticated => {
                let salsa = client.salsa.as_ref().ok_or(protocol)?;
                let message = open(frame, Sealer::Box(salsa))
                    .ok()
                    .flatten()
                    .ok_or(protocol)?;
                match message {
                    Message::DropResponder {
                        id: responder,
                        reason,
                    } if client.address == INITIATOR_ADDRESS && responder >= 2 => {
                        let reason = reason.unwrap_or(CloseCode::DroppedByInitiator);
                        if !reason.is_valid_drop_reason() {
                            return Err(protocol);
                        }
                        let path = client.path;
                        if let Some(&target) = self
                            .paths
                            .get(&path)
                            .and_then(|p| p.responders.get(&responder))
                        {
                            out.push(ServerOutput::Close {
                                client: target,
                                code: reason,
                                announce: false,
                            });
                        }
                        Ok(())
                    }
                    _ => Err(protocol),
                }
            }
        }
    }

    fn client_auth(
        &mut self,
        id: ClientId,
        initiator: bool,
        message: Message,
        out: &mut Vec<ServerOutput>,
    ) -> Result<(), CloseCode> {
        let protocol = CloseCode::ProtocolError;
        let Message::ClientAuth {
            your_cookie,
            subprotocols,
            your_key,
            ..
        } = message
        else {
            return Err(protocol);
        };
        let own_key = *self.permanent.public_key();
        let client = self.clients.get_mut(&id).ok_or(CloseCode::InternalError)?;
        if your_cookie != client.channel.our_cookie()
            || !subprotocols.iter().any(|s| s == SUBPROTOCOL)
        {
            return Err(protocol);
        }
        if your_key.is_some_and(|key| key != own_key) {
            return Err(CloseCode::InvalidKey);
        }
        let path_key = client.path;
        let path = self.paths.entry(path_key).or_default();
        let (address, previous_initiator) = if initiator {
            (INITIATOR_ADDRESS, path.initiator.replace(id))
        } else {
            let free = (2..=u8::MAX).find(|a| !path.responders.contains_key(a));
            let Some(address) = free else {
                return Err(CloseCode::PathFull);
            };
            path.responders.insert(address, id);
            (address, None)
        };
        let responders: Vec<u8> = path.responders.keys().copied().collect();
        let responder_ids: Vec<ClientId> = path.responders.values().copied().collect();
        let initiator_id = path.initiator;
        if let Some(previous) = previous_initiator {
            out.push(ServerOutput::Close {
                client: previous,
                code: CloseCode::DroppedByInitiator,
                announce: false,
            });
            if let Some(gone) = self.clients.get_mut(&previous) {
                // Replaced: leaving must not remove the new initiator from the path.
                gone.stage = Stage::Hello;
            }
        }
        let client = self.clients.get_mut(&id).ok_or(CloseCode::InternalError)?;
        client.address = address;
        client.stage = Stage::Authenticated;
        let nonce = client
            .channel
            .next_nonce(SERVER_ADDRESS, address)
            .map_err(|_| CloseCode::InternalError)?;
        let client_key = client.key.unwrap_or_default();
        let signed = sign_keys(
            &self.permanent,
            client.session.public_key(),
            &client_key,
            &nonce,
        );
        let auth = Message::ServerAuth {
            your_cookie: nonce_cookie_of(client),
            signed_keys: signed,
            responders: initiator.then_some(responders),
            initiator_connected: (!initiator).then_some(initiator_id.is_some()),
        };
        let salsa = client.salsa.as_ref().ok_or(protocol)?;
        let frame =
            seal(&nonce, Sealer::Box(salsa), &auth).map_err(|_| CloseCode::InternalError)?;
        out.push(ServerOutput::Send { client: id, frame });
        if initiator {
            for responder in responder_ids {
                self.notify(responder, &Message::NewInitiator, out);
            }
        } else if let Some(initiator) = initiator_id {
            self.notify(initiator, &Message::NewResponder { id: address }, out);
        }
        Ok(())
    }

    fn relay(
        &mut self,
        id: ClientId,
        nonce: &Nonce,
        frame: &[u8],
        out: &mut Vec<ServerOutput>,
    ) -> Result<(), CloseCode> {
        let client = self.clients.get(&id).ok_or(CloseCode::InternalError)?;
        let from_initiator = client.address == INITIATOR_ADDRESS;
        let allowed = if from_initiator {
            nonce.destination >= 2
        } else {
            nonce.destination == INITIATOR_ADDRESS
        };
        if !allowed {
            return Err(CloseCode::ProtocolError);
        }
        let path = self.paths.get(&client.path);
        let target = path.and_then(|p| {
            if from_initiator {
                p.responders.get(&nonce.destination).copied()
            } else {
                p.initiator
            }
        });
        match target {
            Some(target) => {
                self.relayed += 1;
                out.push(ServerOutput::Send {
                    client: target,
                    frame: Bytes::copy_from_slice(frame),
                });
            }
            None => {
                let mut message_id = [0u8; 8];
                message_id.copy_from_slice(&frame[16..24]);
                self.notify(id, &Message::SendError { id: message_id }, out);
            }
        }
        Ok(())
    }

    /// Reports a failed relay of message `id` (source ‖ destination ‖ CSN) to `client`, as a
    /// server that noticed late would (tests of stale `send-error`s).
    #[cfg(test)]
    pub(crate) fn send_error(&mut self, client: ClientId, id: [u8; 8]) -> Vec<ServerOutput> {
        let mut out = Vec::new();
        self.notify(client, &Message::SendError { id }, &mut out);
        out
    }

    /// Tells `client` that the client at `address` disconnected, as saltyrtc-server does
    /// late for an initiator that a new one replaced (tests of stale `disconnected`s).
    #[cfg(test)]
    pub(crate) fn announce_disconnected(
        &mut self,
        client: ClientId,
        address: u8,
    ) -> Vec<ServerOutput> {
        let mut out = Vec::new();
        self.notify(client, &Message::Disconnected { id: address }, &mut out);
        out
    }

    /// Sends a server message to an authenticated client.
    fn notify(&mut self, id: ClientId, message: &Message, out: &mut Vec<ServerOutput>) {
        let Some(client) = self.clients.get_mut(&id) else {
            return;
        };
        let Some(salsa) = client.salsa.as_ref() else {
            return;
        };
        match client.channel.next_nonce(SERVER_ADDRESS, client.address) {
            Ok(nonce) => match seal(&nonce, Sealer::Box(salsa), message) {
                Ok(frame) => out.push(ServerOutput::Send { client: id, frame }),
                Err(_) => out.push(close(id, CloseCode::InternalError)),
            },
            Err(_) => out.push(close(id, CloseCode::InternalError)),
        }
    }
}

fn nonce_cookie_of(client: &Client) -> super::nonce::Cookie {
    client
        .channel
        .their_cookie()
        .unwrap_or(super::nonce::Cookie([0; 16]))
}

fn close(client: ClientId, code: CloseCode) -> ServerOutput {
    ServerOutput::Close {
        client,
        code,
        announce: true,
    }
}

/// The initiator key of a signalling path (64 lowercase or uppercase hex characters).
pub fn parse_path(path: &str) -> Option<[u8; KEY_LENGTH]> {
    let path = path.trim_start_matches('/');
    if path.len() != 2 * KEY_LENGTH {
        return None;
    }
    let mut key = [0u8; KEY_LENGTH];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(path.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(key)
}
