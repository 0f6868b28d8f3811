//! threema-work: every response parser that reads a body, fed an arbitrary status, optional
//! `Location` / `Retry-After` headers and an arbitrary body.
//!
//! Input layout: byte 0 picks the endpoint, byte 1 the status, byte 2 the headers, the rest is
//! the body. Nothing may panic: a parse either yields the typed response or an error whose
//! conversion into `threema_work::Error`, `Display` and accessors also hold.

#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use threema_work::api::{
    categories, contacts, credential_mdm, credentials, logos, mdm, subscription, users,
};
use threema_work::model::{CredentialId, LogoVariant, MdmProperty, ThreemaId};
use threema_work::transport_core::http::{
    Endpoint, HeaderMap, HeaderValue, RawResponse, StatusCode,
};

const STATUSES: [u16; 16] = [
    200, 201, 204, 301, 400, 401, 402, 403, 404, 409, 413, 422, 429, 500, 503, 599,
];

fn check<E: Endpoint>(endpoint: &E, response: RawResponse)
where
    E::Response: std::fmt::Debug,
{
    match endpoint.parse(response) {
        Ok(parsed) => {
            let _ = format!("{parsed:?}");
        }
        Err(error) => {
            let error = threema_work::Error::from(error);
            let _ = error.to_string();
            let _ = format!("{error:?}");
            let _ = (
                error.status(),
                error.api_kind(),
                error.server_message(),
                error.retry_after(),
                error.is_transient(),
                error.is_not_found(),
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let [which, status, headers, body @ ..] = data else {
        return;
    };
    let status = STATUSES[usize::from(*status) % STATUSES.len()];
    let Ok(status) = StatusCode::from_u16(status) else {
        return;
    };
    let mut map = HeaderMap::new();
    if headers & 1 != 0 {
        map.insert(
            "location",
            HeaderValue::from_static("https://work.threema.ch/api/v1/credentials/AbCdEf0123"),
        );
    }
    if headers & 2 != 0 {
        let value = if headers & 4 != 0 {
            "120"
        } else {
            "Wed, 21 Oct 2015 07:28:00 GMT"
        };
        map.insert("retry-after", HeaderValue::from_static(value));
    }
    if headers & 8 != 0 {
        map.insert("content-type", HeaderValue::from_static("application/json"));
    }
    let response = RawResponse::new(status, map, Bytes::copy_from_slice(body), "GET", "/fuzz");

    let (Ok(threema_id), Ok(credential), Ok(property)) = (
        ThreemaId::new("ECHOECHO"),
        CredentialId::new("AbCdEf0123"),
        MdmProperty::new("th_nickname"),
    ) else {
        return;
    };
    match which % 20 {
        0 => check(&contacts::ListContacts::new(), response),
        1 => check(&contacts::GetContact::new(threema_id), response),
        2 => check(&contacts::CreateContact::new(threema_id), response),
        3 => check(&contacts::DeleteContact::new(threema_id), response),
        4 => check(
            &categories::ListContactCategories::new(threema_id),
            response,
        ),
        5 => check(&categories::GetContactCategory::new(threema_id), response),
        6 => check(&credentials::ListCredentials::new(), response),
        7 => check(&credentials::GetCredential::new(credential), response),
        8 => check(
            &credentials::CreateCredential::new("alice", "secret-password"),
            response,
        ),
        9 => check(&credentials::DeleteCredential::new(credential), response),
        10 => check(&credential_mdm::BulkGetCredentialMdm::new(), response),
        11 => check(
            &credential_mdm::ListCredentialMdm::new(credential),
            response,
        ),
        12 => check(
            &credential_mdm::GetCredentialMdm::new(credential, property),
            response,
        ),
        13 => check(&mdm::ListGlobalMdm::new(), response),
        14 => check(&mdm::GetGlobalMdm::new(property), response),
        15 => check(&subscription::GetSubscription::new(), response),
        16 => check(&users::ListUsers::new(), response),
        17 => check(&users::GetUser::new(threema_id), response),
        18 => check(&users::DetachUser::new(threema_id), response),
        _ => check(&logos::GetLogo::new(LogoVariant::Light), response),
    }
});
