//! [`RawResponse`] and the ready-made parsers endpoints use.

use crate::error::{Error, Result, StatusError};
use bytes::Bytes;
use http::{HeaderMap, StatusCode, header};
use serde::de::DeserializeOwned;
use std::time::{Duration, SystemTime};

/// A response as it came off the wire: status, headers and the whole body, plus the request it
/// answers (method and path, for error messages).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RawResponse {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
    /// The request method.
    pub method: String,
    /// The request path (no query string).
    pub path: String,
    /// When the response was received, by the client's wall clock (HTTP-date `Retry-After`
    /// headers are relative to it).
    pub received_at: SystemTime,
}

impl RawResponse {
    /// A response for `method path`.
    pub fn new(
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
        method: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        Self {
            status,
            headers,
            body,
            method: method.into(),
            path: path.into(),
            received_at: SystemTime::now(),
        }
    }

    /// `"GET /v1/users"`, for messages.
    pub fn what(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// The `Retry-After` header as a delay (delta-seconds or HTTP-date), if present and valid.
    pub fn retry_after(&self) -> Option<Duration> {
        self.headers
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, self.received_at))
    }

    /// A header as text, if present and valid UTF-8.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Turns this response into an [`Error::Status`] (the body is kept for typed decoding).
    pub fn into_status_error(self) -> Error {
        let retry_after = self.retry_after();
        Error::Status(Box::new(
            StatusError::new(self.status.as_u16(), self.method, self.path, self.body)
                .with_retry_after(retry_after),
        ))
    }

    /// Fails with [`Error::Status`] unless the status is 2xx.
    ///
    /// # Errors
    ///
    /// [`Error::Status`] for a non-2xx status.
    pub fn success(self) -> Result<Self> {
        if self.status.is_success() {
            Ok(self)
        } else {
            Err(self.into_status_error())
        }
    }

    /// Fails with [`Error::Status`] unless the status is one of `accepted`.
    ///
    /// # Errors
    ///
    /// [`Error::Status`] for any other status.
    pub fn expect_status(self, accepted: &[u16]) -> Result<Self> {
        if accepted.contains(&self.status.as_u16()) {
            Ok(self)
        } else {
            Err(self.into_status_error())
        }
    }

    /// Parser: a 2xx response with a JSON body of type `T`; decode errors name the JSON path.
    ///
    /// # Errors
    ///
    /// [`Error::Status`] for a non-2xx status, [`Error::Decode`] when the body does not fit.
    pub fn json<T: DeserializeOwned>(self) -> Result<T> {
        let response = self.success()?;
        crate::json::from_slice_lazy(|| format!("{} response", response.what()), &response.body)
    }

    /// Parser: a 2xx response (typically 204) whose body is ignored.
    ///
    /// # Errors
    ///
    /// [`Error::Status`] for a non-2xx status.
    pub fn empty(self) -> Result<()> {
        self.success().map(|_| ())
    }

    /// Parser: a 2xx response's raw body bytes.
    ///
    /// # Errors
    ///
    /// [`Error::Status`] for a non-2xx status.
    pub fn bytes(self) -> Result<Bytes> {
        self.success().map(|r| r.body)
    }

    /// Parser: "201 Created" with a `Location` header; returns the header's value.
    ///
    /// # Errors
    ///
    /// [`Error::Status`] for any status but 201, [`Error::Decode`] when `Location` is missing.
    pub fn created_location(self) -> Result<String> {
        let response = self.expect_status(&[201])?;
        response
            .header("location")
            .map(str::to_owned)
            .ok_or_else(|| {
                Error::decode(
                    format!("{} response", response.what()),
                    "Location",
                    "missing Location header",
                    b"",
                )
            })
    }
}

/// Parses a `Retry-After` value: delta-seconds (`"7"`) or an HTTP-date, relative to `now`.
///
/// An HTTP-date has one-second resolution, so the delay is rounded **up** to whole seconds:
/// a date that is 6.3 s away gives 7 s, never an early retry. A date in the past gives zero.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use transport_core::http::parse_retry_after;
///
/// let now = UNIX_EPOCH + Duration::from_secs(1_445_412_480);
/// assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
/// assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:07 GMT", now), Some(Duration::from_secs(7)));
/// assert_eq!(parse_retry_after("soon", now), None);
/// ```
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    let delay = date.duration_since(now).unwrap_or(Duration::ZERO);
    let whole = delay.as_secs() + u64::from(delay.subsec_nanos() > 0);
    Some(Duration::from_secs(whole))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    fn response(status: u16, headers: &[(&str, &str)], body: &'static str) -> RawResponse {
        let mut map = HeaderMap::new();
        for (k, v) in headers {
            map.insert(
                http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        RawResponse::new(
            StatusCode::from_u16(status).unwrap(),
            map,
            Bytes::from_static(body.as_bytes()),
            "GET",
            "/x",
        )
    }

    #[test]
    fn retry_after_forms() {
        let now = UNIX_EPOCH + Duration::from_millis(1_445_412_480_300);
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        // 07:28:07 is 6.7 s after 07:28:00.3: rounded up to 7 s.
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:07 GMT", now),
            Some(Duration::from_secs(7))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("-5", now), None);
        assert_eq!(parse_retry_after("", now), None);
    }

    #[test]
    fn parsers() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct T {
            a: u8,
        }
        assert_eq!(
            response(200, &[], r#"{"a":1}"#).json::<T>().unwrap(),
            T { a: 1 }
        );
        let err = response(200, &[], r#"{"a":"x"}"#).json::<T>().unwrap_err();
        assert!(err.to_string().contains("GET /x response at `a`"), "{err}");
        let err = response(404, &[], r#"{"error":"nope"}"#)
            .json::<T>()
            .unwrap_err();
        assert_eq!(err.status(), Some(404));
        assert!(response(204, &[], "").empty().is_ok());
        assert_eq!(&response(200, &[], "raw").bytes().unwrap()[..], b"raw");
        assert_eq!(
            response(201, &[("location", "/things/7")], "")
                .created_location()
                .unwrap(),
            "/things/7"
        );
        assert!(matches!(
            response(201, &[], "").created_location(),
            Err(Error::Decode(_))
        ));
        assert_eq!(
            response(200, &[("location", "/x")], "")
                .created_location()
                .unwrap_err()
                .status(),
            Some(200)
        );
    }

    #[test]
    fn status_error_carries_retry_after() {
        let err = response(503, &[("retry-after", "9")], "busy").into_status_error();
        assert_eq!(err.retry_after(), Some(Duration::from_secs(9)));
        assert_eq!(
            err.to_string(),
            "GET /x: HTTP 503 Service Unavailable: busy (retry after 9s)"
        );
    }
}
