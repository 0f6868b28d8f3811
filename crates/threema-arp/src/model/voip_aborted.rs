//! [`VoipAborted`]: `update/voipStatus` data: a call was aborted.

use super::VoipIdentity;

/// A call was aborted (schema model `VoipAborted`, data of `update/voipStatus`): the call partner.
pub type VoipAborted = VoipIdentity;
