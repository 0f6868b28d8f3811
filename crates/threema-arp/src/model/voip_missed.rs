//! [`VoipMissed`]: `update/voipStatus` data: a call was missed.

use super::VoipIdentity;

/// A call was missed (schema model `VoipMissed`, data of `update/voipStatus`): the call partner.
pub type VoipMissed = VoipIdentity;
