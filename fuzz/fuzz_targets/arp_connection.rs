//! The connection layer (`ArpConnection`, client side) driven by an arbitrary sequence of
//! events: new connections, raw chunks, well-formed peer messages (`connectionInfo` with or
//! without resume, `connectionAck` with any sequence number, `request/connectionAck`, an
//! acknowledging reply), outgoing messages, timeouts, drops and closes.
//!
//! Nothing may panic, whatever the order of events; once the session failed, sending must
//! fail until it is closed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use threema_arp::Frame;
use threema_arp::api::{
    CreateTextMessage, RequestConnectionAck, TextMessageCreated, UpdateConnectionAck,
    UpdateConnectionInfo, UpdateTyping,
};
use threema_arp::chunking::Chunker;
use threema_arp::codec::Ack;
use threema_arp::connection::{ArpConnection, ConnectionConfig, ConnectionId, Output, Role};
use threema_arp::model::{Connection, ReceiverRef};

/// Reads the fuzz input byte by byte (zeros once it is used up).
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&byte, rest)) => {
                self.0 = rest;
                byte
            }
            None => 0,
        }
    }

    fn u32(&mut self) -> u32 {
        u32::from_be_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }

    fn bytes(&mut self, len: usize) -> &[u8] {
        let (head, rest) = self.0.split_at(len.min(self.0.len()));
        self.0 = rest;
        head
    }
}

/// The fake peer: chunks its frames like the app would.
struct Peer {
    chunker: Chunker,
    next_message_id: u32,
}

impl Peer {
    fn chunks(&mut self, frame: &Frame) -> Vec<Vec<u8>> {
        let Ok(bytes) = frame.encode() else {
            return Vec::new();
        };
        let id = self.next_message_id;
        self.next_message_id = self.next_message_id.wrapping_add(1);
        self.chunker
            .chunks(id, &bytes)
            .map(|chunk| chunk.to_vec())
            .collect()
    }
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let mut config = ConnectionConfig::new(Role::Client);
    // Small chunks and a small ack threshold reach more paths with short inputs.
    config.chunk_size = 16 + usize::from(input.byte() % 64);
    config.ack_request_threshold = usize::from(input.byte()) * 4;
    let Ok(mut connection) = ArpConnection::new(config.clone()) else {
        return;
    };
    let Ok(chunker) = Chunker::new(config.chunk_size) else {
        return;
    };
    let mut peer = Peer {
        chunker,
        next_message_id: 0,
    };
    let mut current_id = [0u8; 16];
    let mut previous_id = [0u8; 16];
    let mut pending = Vec::new();
    let mut failed = false;

    while !input.0.is_empty() {
        let outputs = match input.byte() % 12 {
            0 => {
                previous_id = current_id;
                current_id = [input.byte(); 16];
                connection.connected(ConnectionId::new(current_id))
            }
            1 => {
                let len = usize::from(input.byte());
                let chunk = input.bytes(len).to_vec();
                connection.receive_chunk(&chunk)
            }
            2 | 3 => {
                let id = if input.byte() % 8 == 0 {
                    [input.byte(); 16]
                } else {
                    current_id
                };
                let resume = match input.byte() % 3 {
                    0 => None,
                    1 => Some(Connection::new(previous_id, input.u32() % 64)),
                    _ => Some(Connection::new([input.byte(); 16], input.u32())),
                };
                let frame = Frame::new(UpdateConnectionInfo::new(id, resume));
                receive(&mut connection, &mut peer, &frame)
            }
            4 => {
                let sequence_number = if input.byte() % 2 == 0 {
                    input.u32() % 64
                } else {
                    input.u32()
                };
                let frame = Frame::new(UpdateConnectionAck::new(sequence_number));
                receive(&mut connection, &mut peer, &frame)
            }
            5 => receive(
                &mut connection,
                &mut peer,
                &Frame::new(RequestConnectionAck::new()),
            ),
            6 => {
                let len = usize::from(input.byte() % 64);
                let text = String::from_utf8_lossy(input.bytes(len)).into_owned();
                let message = CreateTextMessage::new(ReceiverRef::contact("ECHOECHO"), text);
                match connection.request(Frame::new(message)) {
                    Ok((future, outputs)) => {
                        pending.push(future);
                        outputs
                    }
                    Err(_) => Vec::new(),
                }
            }
            7 => {
                // The peer acknowledges one of the pending requests (or an unknown id).
                let index = usize::from(input.byte());
                let id = pending
                    .get(index % pending.len().max(1))
                    .map_or_else(|| "unknown".to_owned(), |future| future.id().to_owned());
                let ack = if input.byte() % 2 == 0 {
                    Ack::success(id)
                } else {
                    Ack::failure(id, "blocked")
                };
                let reply = TextMessageCreated::new(ReceiverRef::contact("ECHOECHO"), "1");
                receive(&mut connection, &mut peer, &Frame::new(reply).with_ack(ack))
            }
            8 => {
                let frame = Frame::new(UpdateTyping::new("ECHOECHO", input.byte() % 2 == 0));
                if failed {
                    assert!(
                        connection.send(&frame).is_err(),
                        "a failed session must not send"
                    );
                    Vec::new()
                } else {
                    connection.send(&frame).unwrap_or_default()
                }
            }
            9 => connection.disconnected(),
            10 => {
                failed = false;
                pending.clear();
                connection.closed()
            }
            _ => match connection.poll_timeout() {
                Some(deadline) => connection.handle_timeout(deadline),
                None => {
                    connection.collect_garbage(std::time::Duration::ZERO);
                    Vec::new()
                }
            },
        };
        if outputs
            .iter()
            .any(|output| matches!(output, Output::Failed(_)))
        {
            failed = true;
        }
    }
});

fn receive(connection: &mut ArpConnection, peer: &mut Peer, frame: &Frame) -> Vec<Output> {
    let mut outputs = Vec::new();
    for chunk in peer.chunks(frame) {
        outputs.extend(connection.receive_chunk(&chunk));
    }
    outputs
}
