//! Tag `Calling` (1 operation): TURN relays for calls.

mod get_calling_relays;

pub use get_calling_relays::GetCallingRelays;
