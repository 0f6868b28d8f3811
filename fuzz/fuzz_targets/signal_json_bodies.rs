//! Fuzzes the decoding of Signal response bodies (the shapes with hand-written wire formats:
//! base64 byte fields, service ids, device-id lists, typed error bodies, lenient enums) and
//! the crate's error mapping: decoding may fail, it must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signal_server_api::api::{account, keys, messages, profile, subscriptions};
use signal_server_api::model;

fn decode<T: serde::de::DeserializeOwned + serde::Serialize>(data: &[u8]) {
    if let Ok(value) = serde_json::from_slice::<T>(data) {
        // What decoded must encode again.
        let _ = serde_json::to_vec(&value);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    match selector % 16 {
        0 => decode::<model::AccountIdentityResponse>(body),
        1 => decode::<model::MismatchedDevices>(body),
        2 => decode::<model::StaleDevices>(body),
        3 => decode::<Vec<model::AccountMismatchedDevices>>(body),
        4 => decode::<model::RegistrationLockFailure>(body),
        5 => decode::<model::RateLimitChallenge>(body),
        6 => decode::<model::VerificationSessionResponse>(body),
        7 => decode::<model::VersionedProfileResponse>(body),
        8 => decode::<profile::CredentialProfileResponse>(body),
        9 => decode::<keys::PreKeyResponse>(body),
        10 => decode::<messages::OutgoingMessageEntityList>(body),
        11 => decode::<subscriptions::GetSubscriptionConfigurationResponse>(body),
        12 => decode::<subscriptions::GetSubscriptionInformationResponse>(body),
        13 => decode::<account::AccountDataReportResponse>(body),
        14 => decode::<model::ServiceId>(body),
        _ => {
            // The error mapping decodes typed bodies of any status.
            for info in signal_server_api::all_operations() {
                for status in [409u16, 410, 411, 423, 428, 429] {
                    let error = signal_server_api::transport_core::Error::Status(Box::new(
                        signal_server_api::transport_core::StatusError::new(
                            status,
                            "PUT",
                            "/fuzz",
                            body.to_vec().into(),
                        ),
                    ));
                    let _ = signal_server_api::Error::from_transport(info, error).to_string();
                }
            }
        }
    }
});
