//! Tag `Subscriptions` (17 operations): one-time donations (boosts), recurring subscriptions and their payment methods.
//! Subscription operations send no account credentials: the secret is the subscriber id in the path.

mod confirm_pay_pal_boost;
mod create_boost_payment_intent;
mod create_boost_receipt_credentials;
mod create_pay_pal_boost;
mod create_pay_pal_payment_method;
mod create_payment_method;
mod create_subscription_receipt_credentials;
mod delete_subscriber;
mod get_bank_mandate;
mod get_boost_badges;
mod get_configuration;
mod get_subscription_information;
mod set_default_payment_method;
mod set_default_payment_method_for_ideal;
mod set_default_payment_method_with_processor;
mod set_subscription_level;
mod update_subscriber;

pub use confirm_pay_pal_boost::{ConfirmPayPalBoost, ConfirmPayPalBoostResponse};
pub use create_boost_payment_intent::{CreateBoostPaymentIntent, CreateBoostResponse};
pub use create_boost_receipt_credentials::{
    CreateBoostReceiptCredentials, ReceiptCredentialResponse,
};
pub use create_pay_pal_boost::{CreatePayPalBoost, CreatePayPalBoostResponse};
pub use create_pay_pal_payment_method::{
    CreatePayPalBillingAgreementResponse, CreatePayPalPaymentMethod,
};
pub use create_payment_method::{CreatePaymentMethod, CreatePaymentMethodResponse};
pub use create_subscription_receipt_credentials::CreateSubscriptionReceiptCredentials;
pub use delete_subscriber::DeleteSubscriber;
pub use get_bank_mandate::{GetBankMandate, GetBankMandateResponse};
pub use get_boost_badges::{BoostLevel, GetBoostBadges, GetBoostBadgesResponse};
pub use get_configuration::{
    BackupConfiguration, BackupLevelConfiguration, CurrencyConfiguration, GetConfiguration,
    GetSubscriptionConfigurationResponse, LevelConfiguration,
};
pub use get_subscription_information::{
    ChargeFailure, GetSubscriptionInformation, GetSubscriptionInformationResponse, Subscription,
};
pub use set_default_payment_method::SetDefaultPaymentMethod;
pub use set_default_payment_method_for_ideal::SetDefaultPaymentMethodForIdeal;
pub use set_default_payment_method_with_processor::SetDefaultPaymentMethodWithProcessor;
pub use set_subscription_level::{SetSubscriptionLevel, SetSubscriptionLevelResponse};
pub use update_subscriber::UpdateSubscriber;
