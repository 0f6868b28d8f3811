//! The HTTP side of the API, next to the WebSocket: tokens, the file upload, the file
//! download, and the server's version. Each endpoint is a
//! [`transport_core::http::Endpoint`] sent with the client's [`HttpClient`].
//!
//! | endpoint | what |
//! |---|---|
//! | `POST /bridge/api/client/v1/oauth/token` | [`PasswordToken`]: the password grant, a bot JWT |
//! | `POST /api/v4/oauth2/token` | [`OAuthAppToken`]: OAuth step 1, a Server REST API token |
//! | `POST /bridge/api/client/v1/auth/web_rest_api_token` | [`WebRestApiToken`]: OAuth step 2, an authorization code |
//! | `POST /bridge/api/client/v1/auth/token` | [`AuthorizationCodeToken`]: OAuth step 3, the bot JWT |
//! | `POST /bridge/api/client/v1/files` | [`UploadFileContent`]: the multipart upload (`Upload-Task-Id`) |
//! | `GET <downloadUrl>` | [`DownloadFile`]: a file's bytes |
//! | `GET /api/v4/server` | [`GetServerInfo`]: product version and display name |
//!
//! [`HttpClient`]: transport_core::http::HttpClient

mod authorization_code_token;
mod download_file;
mod get_server_info;
mod oauth_app_token;
mod password_token;
mod upload_file_content;
mod web_rest_api_token;

pub use authorization_code_token::AuthorizationCodeToken;
pub use download_file::DownloadFile;
pub use get_server_info::GetServerInfo;
pub use oauth_app_token::OAuthAppToken;
pub use password_token::{BOT_CLIENT_ID, PasswordToken};
pub use upload_file_content::{FileData, UploadFileContent, UploadedFile};
pub use web_rest_api_token::{AuthorizationCode, WebRestApiToken};

/// The body of a password grant (the bot token's and the OAuth application's step 1):
/// `{"client_id":…,"grant_type":"password","username":…,"password":…}`.
pub(crate) fn serialize_password_grant<S: serde::Serializer>(
    serializer: S,
    client_id: &str,
    username: &str,
    password: &transport_core::Secret,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(4))?;
    map.serialize_entry("client_id", client_id)?;
    map.serialize_entry("grant_type", "password")?;
    map.serialize_entry("username", username)?;
    map.serialize_entry("password", password.expose())?;
    map.end()
}

/// `url` without its query and fragment (download URLs may carry a key): what errors and
/// logs show.
pub(crate) fn redact_url(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    if end < url.len() {
        format!("{}?…", &url[..end])
    } else {
        url.to_owned()
    }
}

/// Replaces `url` (as the HTTP client shows it in errors) with its redacted form.
pub(crate) fn redact_error(error: transport_core::Error, url: &str) -> transport_core::Error {
    use transport_core::Error;
    let shown = redact_url(url);
    let fix = |text: String| text.replace(url, &shown);
    match error {
        Error::Status(mut status) => {
            status.path = fix(status.path);
            Error::Status(status)
        }
        Error::Timeout { what, after } => Error::Timeout {
            what: fix(what),
            after,
        },
        Error::Request {
            what,
            message,
            source: _,
        } => Error::Request {
            what: fix(what),
            message: fix(message),
            source: None,
        },
        Error::Connect {
            target,
            message,
            source: _,
        } => Error::Connect {
            target: fix(target),
            message: fix(message),
            source: None,
        },
        Error::Decode(mut decode) => {
            decode.what = fix(std::mem::take(&mut decode.what));
            Error::Decode(decode)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_their_query_in_errors() {
        assert_eq!(
            redact_url("http://h:1/files/a?key=secret"),
            "http://h:1/files/a?…"
        );
        assert_eq!(redact_url("http://h/f#x"), "http://h/f?…");
        assert_eq!(redact_url("/f"), "/f");
        let url = "http://h/f?key=secret";
        let err = redact_error(
            transport_core::Error::Timeout {
                what: format!("GET {url}"),
                after: std::time::Duration::from_secs(1),
            },
            url,
        );
        assert!(!err.to_string().contains("secret"), "{err}");
        assert!(err.to_string().contains("GET http://h/f?…"), "{err}");
    }
}
