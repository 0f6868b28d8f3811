//! Tag `Donations` (1 operation): redeeming donation receipts.

mod redeem_receipt;

pub use redeem_receipt::RedeemReceipt;
