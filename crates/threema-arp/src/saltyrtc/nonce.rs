//! The 24-byte SaltyRTC nonce (cookie, source, destination, combined sequence number) and the
//! per-peer bookkeeping of cookies and sequence numbers (`Protocol.md`, *Sending a Signalling
//! Message*, *Receiving a Signalling Message*).

use rand::RngCore;
use rand::rngs::OsRng;
use std::fmt;

/// The length of a nonce.
pub const NONCE_LENGTH: usize = 24;
/// The length of a cookie.
pub const COOKIE_LENGTH: usize = 16;
/// The largest combined sequence number (48 bits).
pub const MAX_CSN: u64 = (1 << 48) - 1;

/// A cookie: 16 random bytes, one per communication partner and direction.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cookie(pub [u8; COOKIE_LENGTH]);

impl Cookie {
    /// A random cookie.
    pub fn random() -> Self {
        let mut bytes = [0; COOKIE_LENGTH];
        OsRng.fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8; COOKIE_LENGTH] {
        &self.0
    }
}

impl fmt::Debug for Cookie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cookie({:?})", super::keys::Hex(&self.0))
    }
}

/// The header of every SaltyRTC message, which is also its crypto nonce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nonce {
    /// The sender's cookie.
    pub cookie: Cookie,
    /// The sender's address.
    pub source: u8,
    /// The receiver's address.
    pub destination: u8,
    /// The combined sequence number: overflow number (16 bits) and sequence number (32 bits).
    pub csn: u64,
}

impl Nonce {
    /// Parses the first 24 bytes of `frame`.
    pub fn parse(frame: &[u8]) -> Option<Self> {
        let (header, _) = frame.split_first_chunk::<NONCE_LENGTH>()?;
        let mut cookie = [0; COOKIE_LENGTH];
        cookie.copy_from_slice(&header[..COOKIE_LENGTH]);
        let mut csn = [0u8; 8];
        csn[2..].copy_from_slice(&header[18..24]);
        Some(Self {
            cookie: Cookie(cookie),
            source: header[16],
            destination: header[17],
            csn: u64::from_be_bytes(csn),
        })
    }

    /// The 24 bytes.
    pub fn to_bytes(&self) -> [u8; NONCE_LENGTH] {
        let mut out = [0; NONCE_LENGTH];
        out[..COOKIE_LENGTH].copy_from_slice(&self.cookie.0);
        out[16] = self.source;
        out[17] = self.destination;
        out[18..24].copy_from_slice(&self.csn.to_be_bytes()[2..]);
        out
    }

    /// The overflow number (the upper 16 bits of the CSN).
    pub fn overflow(&self) -> u16 {
        // The CSN has 48 bits, so the shift leaves at most 16.
        u16::try_from(self.csn >> 32).unwrap_or(u16::MAX)
    }

    /// The sequence number (the lower 32 bits of the CSN).
    pub fn sequence(&self) -> u32 {
        // Truncation to the lower 32 bits is the point.
        (self.csn & u64::from(u32::MAX)) as u32
    }
}

/// Cookies and combined sequence numbers of one communication partner (the server, or a peer):
/// ours for sending, theirs for checking.
#[derive(Debug, Clone)]
pub(crate) struct Channel {
    our_cookie: Cookie,
    first_csn: u64,
    next_csn: u64,
    sent_any: bool,
    their_cookie: Option<Cookie>,
    their_csn: Option<u64>,
}

impl Channel {
    /// A new partner: a random cookie and a random 32-bit start (overflow 0).
    pub(crate) fn new() -> Self {
        let first_csn = u64::from(OsRng.next_u32());
        Self {
            our_cookie: Cookie::random(),
            first_csn,
            next_csn: first_csn,
            sent_any: false,
            their_cookie: None,
            their_csn: None,
        }
    }

    /// A channel with a fixed cookie and start (for tests that inject bad nonces).
    #[cfg(test)]
    pub(crate) fn with(cookie: Cookie, csn: u64) -> Self {
        Self {
            our_cookie: cookie,
            first_csn: csn,
            next_csn: csn,
            sent_any: false,
            their_cookie: None,
            their_csn: None,
        }
    }

    pub(crate) fn our_cookie(&self) -> Cookie {
        self.our_cookie
    }

    pub(crate) fn their_cookie(&self) -> Option<Cookie> {
        self.their_cookie
    }

    /// True if we sent a message with combined sequence number `csn` on this channel (a
    /// `send-error` about it concerns this partner, not an earlier one at the same address).
    pub(crate) fn sent(&self, csn: u64) -> bool {
        self.sent_any && (self.first_csn..self.next_csn).contains(&csn)
    }

    /// The nonce of our next message to this partner.
    pub(crate) fn next_nonce(&mut self, source: u8, destination: u8) -> Result<Nonce, String> {
        let csn = self.next_csn;
        if csn > MAX_CSN {
            return Err("our combined sequence number would overflow".into());
        }
        self.next_csn = csn + 1;
        self.sent_any = true;
        Ok(Nonce {
            cookie: self.our_cookie,
            source,
            destination,
            csn,
        })
    }

    /// Checks the cookie and CSN of a message from this partner and records them.
    pub(crate) fn check_incoming(&mut self, nonce: &Nonce) -> Result<(), String> {
        match (self.their_cookie, self.their_csn) {
            (Some(cookie), Some(previous)) => {
                if cookie != nonce.cookie {
                    return Err("the sender's cookie changed".into());
                }
                if previous >= MAX_CSN {
                    return Err("the sender's combined sequence number overflowed".into());
                }
                if nonce.csn != previous + 1 {
                    return Err(format!(
                        "combined sequence number {} does not follow {previous}",
                        nonce.csn
                    ));
                }
            }
            _ => {
                if nonce.overflow() != 0 {
                    return Err(format!(
                        "the first message has overflow number {}, not 0",
                        nonce.overflow()
                    ));
                }
                if self.sent_any && nonce.cookie == self.our_cookie {
                    return Err("the sender uses our own cookie".into());
                }
                self.their_cookie = Some(nonce.cookie);
            }
        }
        self.their_csn = Some(nonce.csn);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nonce(cookie: u8, csn: u64) -> Nonce {
        Nonce {
            cookie: Cookie([cookie; 16]),
            source: 2,
            destination: 1,
            csn,
        }
    }

    #[test]
    fn nonce_bytes_round_trip() {
        let n = Nonce {
            cookie: Cookie([0xab; 16]),
            source: 0x01,
            destination: 0x02,
            csn: 0x0001_0000_0005,
        };
        let bytes = n.to_bytes();
        assert_eq!(&bytes[16..], &[1, 2, 0, 1, 0, 0, 0, 5]);
        assert_eq!(Nonce::parse(&bytes), Some(n));
        assert_eq!(n.overflow(), 1);
        assert_eq!(n.sequence(), 5);
        assert_eq!(Nonce::parse(&bytes[..23]), None);
    }

    #[test]
    fn outgoing_starts_at_overflow_zero_and_counts_up() {
        let mut channel = Channel::new();
        let first = channel.next_nonce(1, 0).unwrap();
        assert_eq!(first.overflow(), 0);
        let second = channel.next_nonce(1, 0).unwrap();
        assert_eq!(second.csn, first.csn + 1);
        assert_eq!(second.cookie, first.cookie);
        // A sequence number that wraps increments the overflow number.
        let mut channel = Channel::with(Cookie([1; 16]), u64::from(u32::MAX));
        channel.next_nonce(1, 0).unwrap();
        let wrapped = channel.next_nonce(1, 0).unwrap();
        assert_eq!((wrapped.overflow(), wrapped.sequence()), (1, 0));
        // The 48-bit CSN never wraps.
        let mut channel = Channel::with(Cookie([1; 16]), MAX_CSN);
        channel.next_nonce(1, 0).unwrap();
        assert!(channel.next_nonce(1, 0).is_err());
    }

    #[test]
    fn a_channel_knows_which_sequence_numbers_it_sent() {
        let mut channel = Channel::with(Cookie([1; 16]), 100);
        assert!(!channel.sent(100));
        channel.next_nonce(1, 2).unwrap();
        channel.next_nonce(1, 2).unwrap();
        assert!(channel.sent(100) && channel.sent(101));
        assert!(!channel.sent(99) && !channel.sent(102));
    }

    #[test]
    fn incoming_rules() {
        // The first message must have overflow 0.
        let mut channel = Channel::new();
        assert!(channel.check_incoming(&nonce(5, 1 << 32)).is_err());
        // Then the CSN must go up by exactly one and the cookie stay.
        let mut channel = Channel::new();
        channel.check_incoming(&nonce(5, 10)).unwrap();
        channel.check_incoming(&nonce(5, 11)).unwrap();
        assert!(
            channel.clone().check_incoming(&nonce(5, 11)).is_err(),
            "repeat"
        );
        assert!(
            channel.clone().check_incoming(&nonce(5, 13)).is_err(),
            "gap"
        );
        assert!(
            channel.clone().check_incoming(&nonce(5, 10)).is_err(),
            "back"
        );
        assert!(
            channel.clone().check_incoming(&nonce(6, 12)).is_err(),
            "cookie"
        );
        channel.check_incoming(&nonce(5, 12)).unwrap();
        // Crossing into the overflow number is fine.
        let mut channel = Channel::new();
        channel
            .check_incoming(&nonce(5, u64::from(u32::MAX)))
            .unwrap();
        channel.check_incoming(&nonce(5, 1 << 32)).unwrap();
    }

    #[test]
    fn a_sender_reflecting_our_cookie_is_rejected() {
        let mut channel = Channel::with(Cookie([9; 16]), 0);
        // Before we sent anything the rule does not apply.
        assert!(channel.clone().check_incoming(&nonce(9, 0)).is_ok());
        channel.next_nonce(1, 2).unwrap();
        let error = channel.check_incoming(&nonce(9, 0)).unwrap_err();
        assert!(error.contains("our own cookie"), "{error}");
    }
}
