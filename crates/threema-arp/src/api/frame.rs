//! [`Frame`]: a typed ARP message with its envelope `id` and `ack`.

use super::{ArpMessage, Direction};
use crate::codec::{Ack, EncodeOptions, Envelope, PartData};
use crate::error::Result;

/// One ARP message as it travels: the typed message plus the envelope's `id` (asks for an
/// acknowledgement) and `ack` (confirms one).
///
/// ```
/// use threema_arp::api::{CreateTextMessage, Direction, Frame};
/// use threema_arp::model::ReceiverRef;
///
/// let frame = Frame::new(CreateTextMessage::new(ReceiverRef::contact("ECHOECHO"), "Hi"))
///     .with_id("a1b2c3");
/// let bytes = frame.encode()?;
/// assert_eq!(Frame::decode(&bytes, Direction::ToApp)?, frame);
/// # Ok::<(), threema_arp::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Frame {
    /// `id`: asks the receiver for an acknowledgement.
    pub id: Option<String>,
    /// `ack`: confirms an earlier message's `id`. Decoding also fills it from the legacy
    /// `args.temporaryId` / `args.success` / `args.error` of the Android app.
    pub ack: Option<Ack>,
    /// The message.
    pub message: ArpMessage,
}

impl Frame {
    /// A frame without `id` and `ack`.
    pub fn new(message: impl Into<ArpMessage>) -> Self {
        Self {
            id: None,
            ack: None,
            message: message.into(),
        }
    }

    /// Sets the `id` (asks for an acknowledgement).
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets the `ack`.
    #[must_use]
    pub fn with_ack(mut self, ack: Ack) -> Self {
        self.ack = Some(ack);
        self
    }

    /// Decodes a complete (unchunked) message that travelled in `direction`.
    ///
    /// Fails only on broken msgpack, a missing `type`/`subType`, or a known message whose
    /// `args`/`data` do not match its schema (the error names the field path). Unknown
    /// messages decode to [`ArpMessage::Unknown`].
    pub fn decode(bytes: &[u8], direction: Direction) -> Result<Self> {
        // The typed `data` is decoded straight from its bytes; anything irregular takes the
        // envelope path, which names the problem.
        match Envelope::scan(bytes) {
            Some(scanned) => {
                Self::from_parts(scanned.envelope, scanned.data.map(PartData::raw), direction)
            }
            None => Self::from_envelope(Envelope::decode(bytes)?, direction),
        }
    }

    /// Types an envelope that travelled in `direction`, mapping the legacy acknowledgement
    /// fields: from the app, `args.temporaryId` (+ `success`, `error`) is an `ack`; to the
    /// app, `args.temporaryId` is an `id`.
    pub fn from_envelope(mut envelope: Envelope, direction: Direction) -> Result<Self> {
        let data = envelope.data.take().map(PartData::Value);
        Self::from_parts(envelope, data, direction)
    }

    /// [`Frame::from_envelope`] with the `data` part given apart.
    fn from_parts(
        envelope: Envelope,
        data: Option<PartData>,
        direction: Direction,
    ) -> Result<Self> {
        let (id, ack) = match direction {
            Direction::FromApp => {
                let ack = envelope.ack.clone().or_else(|| envelope.legacy_ack());
                (envelope.id.clone(), ack)
            }
            Direction::ToApp => {
                let id = envelope
                    .id
                    .clone()
                    .or_else(|| envelope.temporary_id().map(str::to_owned));
                (id, envelope.ack.clone())
            }
        };
        let message = ArpMessage::decode_parts(
            &envelope.message_type,
            &envelope.sub_type,
            direction,
            envelope.args,
            data,
        )?;
        Ok(Self { id, ack, message })
    }

    /// Validates and encodes the frame with the default [`EncodeOptions`] (the `id` is also
    /// copied into `args.temporaryId`, as Threema Web does).
    pub fn encode(&self) -> Result<Vec<u8>> {
        self.encode_with(&EncodeOptions::default())
    }

    /// Validates and encodes the frame.
    pub fn encode_with(&self, options: &EncodeOptions) -> Result<Vec<u8>> {
        self.message.validate()?;
        self.message.encode_parts()?.into_frame(
            self.message.message_type(),
            self.message.sub_type(),
            self.id.as_deref(),
            self.ack.as_ref(),
            options,
        )
    }

    /// True if the message is on the chunk cache blacklist.
    pub fn is_blacklisted(&self) -> bool {
        self.message.is_blacklisted()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{CreateTextMessage, ResponseMessages, UpdateReceiver};
    use crate::model::{Receiver, ReceiverRef, UpdateMode};
    use crate::testutil::{sample_contact, sample_message};

    /// Decodes `bytes` both ways: straight from the bytes, and through a msgpack value.
    fn both_ways(bytes: &[u8], direction: Direction) -> (Result<Frame>, Result<Frame>) {
        let fast = Frame::decode(bytes, direction);
        let slow = Envelope::decode(bytes).and_then(|e| Frame::from_envelope(e, direction));
        (fast, slow)
    }

    #[test]
    fn decoding_from_bytes_agrees_with_the_value_path_on_mutated_frames() {
        let frames = [
            Frame::new(ResponseMessages::new(
                ReceiverRef::contact("ECHOECHO"),
                true,
                vec![sample_message(), sample_message()],
            ))
            .with_id("r1"),
            Frame::new(CreateTextMessage::new(
                ReceiverRef::contact("ECHOECHO"),
                "Hi",
            ))
            .with_ack(Ack::failure("x", "y")),
        ];
        let receiver = UpdateReceiver::new(
            UpdateMode::Modified,
            Receiver::Contact(Box::new(sample_contact())),
        );
        let frames: Vec<Frame> = frames.into_iter().chain(receiver.map(Frame::new)).collect();
        // A fixed xorshift sequence: the same mutations every run.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut agreed_ok, mut agreed_err) = (0, 0);
        for frame in &frames {
            let bytes = frame.encode().unwrap();
            for _ in 0..2_000 {
                let mut mutated = bytes.clone();
                for _ in 0..=next() % 3 {
                    let at = (next() % mutated.len() as u64) as usize;
                    mutated[at] = next() as u8;
                }
                if next() % 8 == 0 {
                    mutated.truncate((next() % mutated.len() as u64) as usize);
                }
                for direction in [Direction::FromApp, Direction::ToApp] {
                    match both_ways(&mutated, direction) {
                        (Ok(fast), Ok(slow)) => {
                            assert_eq!(fast, slow);
                            agreed_ok += 1;
                        }
                        (Err(_), Err(_)) => agreed_err += 1,
                        (fast, slow) => panic!(
                            "the paths disagree on {mutated:02x?} ({direction}): {fast:?} vs {slow:?}"
                        ),
                    }
                }
            }
        }
        // Both outcomes were exercised.
        assert!(agreed_ok > 100, "{agreed_ok} decoded");
        assert!(agreed_err > 100, "{agreed_err} rejected");
    }
}
