//! Tag `Payments` (2 operations): payments service credentials and conversion rates.

mod get_auth_1;
mod get_conversions;

pub use get_auth_1::GetAuth1;
pub use get_conversions::{CurrencyConversionEntity, CurrencyConversionEntityList, GetConversions};
