//! [`VoipRinging`]: `update/voipStatus` data: the phone is ringing for a call.

use super::VoipIdentity;

/// The phone is ringing for a call (schema model `VoipRinging`, data of `update/voipStatus`): the call partner.
pub type VoipRinging = VoipIdentity;
