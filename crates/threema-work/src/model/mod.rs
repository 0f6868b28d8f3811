//! The objects the API sends and receives, one type per file.
//!
//! Everything a server sends is decoded leniently: every field is optional (no response schema
//! marks a field required), unknown fields are ignored, unknown enum values are kept
//! (`Other(String)`), and the spellings live servers use besides the schema's are accepted
//! (`rel` for `ref`, `id` for a contact's `threemaId`, `hash`/`lock` for
//! `hashed`/`locked`, `name` for a global setting's `id`, `{message}` for `{error}`).

mod category;
mod contact;
mod credential;
mod credential_id;
mod credential_mdm_parameters;
mod date_time;
pub(crate) mod de;
mod error_body;
mod link;
mod logo;
mod mdm_object;
mod mdm_property;
pub(crate) mod mdm_update_body;
mod mdm_value;
mod paging;
mod subscription;
mod subscription_mdm_property;
mod threema_id;
mod user;

pub use category::{Category, CategorySource};
pub use contact::{Contact, ContactType};
pub use credential::Credential;
pub use credential_id::CredentialId;
pub use credential_mdm_parameters::CredentialMdmParameters;
pub use date_time::DateTime;
pub use error_body::ErrorBody;
pub use link::{Link, Links};
pub use logo::{LogoPng, LogoVariant};
pub use mdm_object::{CredentialMdmProperty, MdmObject};
pub use mdm_property::MdmProperty;
pub use mdm_update_body::MdmUpdateBody;
pub use mdm_value::MdmValue;
pub use paging::Paging;
pub use subscription::{Subscription, SubscriptionType};
pub use subscription_mdm_property::SubscriptionMdmProperty;
pub use threema_id::ThreemaId;
pub use user::User;

/// The shared trait impls of the string newtypes ([`ThreemaId`], [`CredentialId`],
/// [`MdmProperty`]): checked construction through `new`, unchecked decoding.
macro_rules! string_newtype {
    ($name:ident) => {
        impl $name {
            /// The value as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The value as a `String`.
            pub fn into_string(self) -> String {
                self.0
            }

            /// Wraps a value without checking it (values the server sent, or built in-crate).
            #[allow(dead_code)]
            pub(crate) fn unchecked(value: String) -> Self {
                Self(value)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ValidationError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::ValidationError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                Self::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::ValidationError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::new(s)
            }
        }

        impl TryFrom<&String> for $name {
            type Error = $crate::ValidationError;
            fn try_from(s: &String) -> Result<Self, Self::Error> {
                Self::new(s.as_str())
            }
        }

        impl From<&$name> for $name {
            fn from(value: &$name) -> Self {
                value.clone()
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            /// Keeps what the server sent, unchecked.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self)
            }
        }
    };
}
pub(crate) use string_newtype;
