//! Tag `Challenge` (2 operations): answering 428 rate-limit challenges.

mod handle_challenge_response;
mod request_push_challenge;

pub use handle_challenge_response::{ChallengeAnswer, HandleChallengeResponse};
pub use request_push_challenge::RequestPushChallenge;
