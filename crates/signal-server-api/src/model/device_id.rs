//! [`DeviceId`]: the number of one device of an account.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A device id: 1 for the primary device, 2‥=127 for linked devices. On the wire a JSON
/// **integer** (the server's Java `byte`; the spec's "string/format byte" is the generator's
/// name for that type). Decoding accepts any value 0‥=255, so it never fails on a new range;
/// [`DeviceId::new`] validates what a user builds.
///
/// ```
/// use signal_server_api::model::DeviceId;
///
/// assert_eq!(DeviceId::PRIMARY.get(), 1);
/// assert!(DeviceId::new(0).is_err());
/// assert_eq!(serde_json::to_string(&DeviceId::new(3).unwrap()).unwrap(), "3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeviceId(u8);

impl DeviceId {
    /// The primary device.
    pub const PRIMARY: Self = Self(1);
    /// The highest device id the server assigns.
    pub const MAX: u8 = 127;

    /// A device id in 1‥=127.
    ///
    /// # Errors
    ///
    /// [`InvalidDeviceId`] for 0 or anything above 127.
    pub fn new(id: u8) -> Result<Self, InvalidDeviceId> {
        if (1..=Self::MAX).contains(&id) {
            Ok(Self(id))
        } else {
            Err(InvalidDeviceId(u32::from(id)))
        }
    }

    /// The number.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for DeviceId {
    type Err = InvalidDeviceId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let n: u32 = s.parse().map_err(|_| InvalidDeviceId(u32::MAX))?;
        u8::try_from(n)
            .map_err(|_| InvalidDeviceId(n))
            .and_then(Self::new)
    }
}

/// A device id outside 1‥=127.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("device id must be in 1..=127, got {0}")]
pub struct InvalidDeviceId(pub u32);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_is_an_integer_and_input_is_validated() {
        let id: DeviceId = serde_json::from_str("42").unwrap();
        assert_eq!(id.get(), 42);
        assert_eq!(serde_json::to_string(&id).unwrap(), "42");
        // The spec's "string/format byte" shape is not what the server sends.
        assert!(serde_json::from_str::<DeviceId>(r#""Kg==""#).is_err());
        // Lenient decoding, strict construction.
        assert_eq!(serde_json::from_str::<DeviceId>("200").unwrap().get(), 200);
        assert_eq!(DeviceId::new(128), Err(InvalidDeviceId(128)));
        assert_eq!("7".parse::<DeviceId>(), Ok(DeviceId::new(7).unwrap()));
        assert!("0".parse::<DeviceId>().is_err());
        assert!("x".parse::<DeviceId>().is_err());
    }
}
