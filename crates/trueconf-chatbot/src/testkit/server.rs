//! The fake's one TCP port: HTTP/1.1 (tokens, server info, file upload and download) and the
//! WebSocket upgrade of `/websocket/chat_bot[/]`, on hyper; WebSocket connections on
//! tokio-tungstenite.

use super::state::{Outbound, State, TemporalFile};
use super::{Faults, RecordedHttp, UpgradeRecord};
use crate::codec::{self, ClientFrame};
use crate::model::Product;
use bytes::Bytes;
use futures_util::{FutureExt, SinkExt, StreamExt};
use http::{HeaderValue, Method, Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::net::TcpListener;
use tokio::sync::{Notify, mpsc};
use tokio::task::AbortHandle;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, Role};

/// Requests read from a connection in one go (answered together, or in reverse order with
/// [`Faults::out_of_order`]).
const BATCH: usize = 64;

pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Everything the server tasks and the test's handle share.
pub(crate) struct Shared {
    pub(crate) state: Mutex<State>,
    /// Woken after every change tests may wait for.
    pub(crate) changed: Notify,
    pub(crate) faults: Faults,
    pub(crate) next_connection: AtomicU64,
    pub(crate) upgrades: Mutex<Vec<UpgradeRecord>>,
    pub(crate) http_requests: Mutex<Vec<RecordedHttp>>,
    pub(crate) tasks: Mutex<Vec<AbortHandle>>,
}

impl Shared {
    pub(crate) fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    fn track(&self, handle: AbortHandle) {
        let mut tasks = lock(&self.tasks);
        tasks.retain(|t| !t.is_finished());
        tasks.push(handle);
    }
}

/// Accepts connections forever.
pub(crate) async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let connection_shared = Arc::clone(&shared);
        let task = tokio::spawn(async move {
            let service = service_fn(move |request| {
                let shared = Arc::clone(&connection_shared);
                async move { Ok::<_, Infallible>(route(shared, request).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .with_upgrades()
                .await;
        });
        shared.track(task.abort_handle());
    }
}

type HttpResponse = Response<Full<Bytes>>;

fn respond(status: StatusCode, body: &Value) -> HttpResponse {
    let mut response = Response::new(Full::new(Bytes::from(body.to_string())));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> HttpResponse {
    respond(
        status,
        &json!({ "error": error, "error_description": description }),
    )
}

async fn route(shared: Arc<Shared>, request: Request<Incoming>) -> HttpResponse {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    lock(&shared.http_requests).push(RecordedHttp {
        method: method.to_string(),
        path: path.clone(),
    });
    if path == "/websocket/chat_bot" || path == "/websocket/chat_bot/" {
        return upgrade(shared, request, path);
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let upload_task = request
        .headers()
        .get("upload-task-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = match request.into_body().collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return respond(StatusCode::BAD_REQUEST, &json!({"error": "bad body"})),
    };
    let json_body = || serde_json::from_slice::<Value>(&body).unwrap_or(Value::Null);
    let response = match (&method, path.as_str()) {
        (&Method::GET, "/api/v4/server") => {
            let state = shared.state();
            let product = Product::new(
                state.options.version.clone(),
                state.options.server_name.clone(),
            );
            respond(StatusCode::OK, &json!({ "product": product }))
        }
        (&Method::POST, "/bridge/api/client/v1/oauth/token") => {
            password_grant(&shared, &json_body())
        }
        (&Method::POST, "/api/v4/oauth2/token") => oauth_step1(&shared, &json_body()),
        (&Method::POST, "/bridge/api/client/v1/auth/web_rest_api_token") => {
            oauth_step2(&shared, &json_body())
        }
        (&Method::POST, "/bridge/api/client/v1/auth/token") => oauth_step3(&shared, &json_body()),
        (&Method::POST, "/bridge/api/client/v1/files") => {
            upload(&shared, upload_task.as_deref(), &content_type, &body)
        }
        (&Method::GET, p) if p.starts_with("/files/") => download(&shared, p),
        _ => respond(StatusCode::NOT_FOUND, &json!({ "error": "not_found" })),
    };
    shared.changed.notify_waiters();
    response
}

fn field<'a>(body: &'a Value, name: &str) -> &'a str {
    body.get(name).and_then(Value::as_str).unwrap_or_default()
}

fn password_grant(shared: &Shared, body: &Value) -> HttpResponse {
    let mut state = shared.state();
    if !state.password_login {
        return respond(
            StatusCode::FORBIDDEN,
            &json!({ "error": "auth_method_disabled" }),
        );
    }
    if field(body, "grant_type") != "password" {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "use the password grant",
        );
    }
    if field(body, "client_id") != crate::api::http::BOT_CLIENT_ID {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "unknown client");
    }
    let user = match password_user(&state, body) {
        Ok(user) => user,
        Err(refusal) => return *refusal,
    };
    let lifetime = state.options.token_lifetime;
    let token = state.mint_token(&user, i64::try_from(lifetime).unwrap_or(i64::MAX));
    respond(
        StatusCode::CREATED,
        &json!({ "access_token": token, "token_type": "JWT", "expires_in": lifetime }),
    )
}

/// The enabled user whose login and password the grant `body` names, or the OAuth refusal.
fn password_user(state: &State, body: &Value) -> Result<String, Box<HttpResponse>> {
    state
        .user_by_login(field(body, "username"))
        .filter(|u| u.password == field(body, "password") && !u.disabled)
        .map(|u| u.id.clone())
        .ok_or_else(|| {
            Box::new(oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_grant",
                "Invalid username or password",
            ))
        })
}

fn oauth_step1(shared: &Shared, body: &Value) -> HttpResponse {
    let mut state = shared.state();
    match state.oauth_apps.get(field(body, "client_id")) {
        None => {
            return oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "unknown application",
            );
        }
        Some(false) => {
            return respond(
                StatusCode::BAD_REQUEST,
                &json!({ "error": { "errors": [{ "reason": "invalidScope" }], "message": "the application lacks a scope" } }),
            );
        }
        Some(true) => {}
    }
    let user = match password_user(&state, body) {
        Ok(user) => user,
        Err(refusal) => return *refusal,
    };
    let token = state.rest_token(&user);
    respond(
        StatusCode::OK,
        &json!({ "access_token": token, "token_type": "Bearer", "expires_in": 3600 }),
    )
}

fn oauth_step2(shared: &Shared, body: &Value) -> HttpResponse {
    let mut state = shared.state();
    let owner = state.rest_tokens.get(field(body, "token")).cloned();
    let claimed = state
        .user_by_login(field(body, "client_id"))
        .map(|u| u.id.clone());
    match (owner, claimed) {
        (Some(owner), Some(claimed)) if owner == claimed => {
            let code = state.auth_code(&owner);
            respond(StatusCode::OK, &json!({ "authorization_code": code }))
        }
        _ => oauth_error(StatusCode::UNAUTHORIZED, "invalid_grant", "invalid token"),
    }
}

fn oauth_step3(shared: &Shared, body: &Value) -> HttpResponse {
    let mut state = shared.state();
    if field(body, "grant_type") != "authorization_code" {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "use authorization_code",
        );
    }
    let Some(user) = state.auth_codes.remove(field(body, "code")) else {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_grant", "invalid code");
    };
    let lifetime = state.options.token_lifetime;
    let token = state.mint_token(&user, i64::try_from(lifetime).unwrap_or(i64::MAX));
    respond(
        StatusCode::CREATED,
        &json!({ "access_token": token, "token_type": "JWT", "expires_in": lifetime }),
    )
}

fn file_error(code: u32, description: &str) -> HttpResponse {
    respond(
        StatusCode::BAD_REQUEST,
        &json!({ "error": code, "error_description": description }),
    )
}

fn upload(shared: &Shared, task: Option<&str>, content_type: &str, body: &[u8]) -> HttpResponse {
    let Some(task) = task else {
        return file_error(407, "Upload-Task-Id is missing");
    };
    let Some(parts) = multipart(content_type, body) else {
        return file_error(408, "not a multipart/form-data body");
    };
    let Some(file) = parts.into_iter().find(|p| p.name == "file") else {
        return file_error(408, "no `file` part");
    };
    let temporal = TemporalFile {
        name: file.file_name.unwrap_or_else(|| "file".to_owned()),
        mime_type: file
            .content_type
            .unwrap_or_else(|| "application/octet-stream".to_owned()),
        bytes: file.data,
    };
    match shared.state().upload(task, temporal) {
        Ok(id) => respond(StatusCode::OK, &json!({ "temporalFileId": id })),
        Err((code, description)) => file_error(code, description),
    }
}

fn download(shared: &Shared, path: &str) -> HttpResponse {
    let mut segments = path.trim_start_matches("/files/").split('/');
    let (Some(id), Some(key)) = (segments.next(), segments.next()) else {
        return respond(StatusCode::NOT_FOUND, &json!({ "error": 404 }));
    };
    let state = shared.state();
    match state.files.get(id) {
        Some(file) if file.key == key && file.state == crate::model::FileReadyState::Ready => {
            let mut response = Response::new(Full::new(file.bytes.clone()));
            if let Ok(value) = HeaderValue::from_str(&file.mime_type) {
                response.headers_mut().insert(header::CONTENT_TYPE, value);
            }
            response
        }
        _ => respond(
            StatusCode::NOT_FOUND,
            &json!({ "error": 404, "error_description": "file not found" }),
        ),
    }
}

/// One part of a multipart body.
struct FormPart {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Bytes,
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    (from..=haystack.len() - needle.len()).find(|&i| &haystack[i..i + needle.len()] == needle)
}

fn header_param(value: &str, name: &str) -> Option<String> {
    value.split(';').map(str::trim).find_map(|item| {
        let (key, raw) = item.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| raw.trim().trim_matches('"').to_owned())
    })
}

/// Parses a `multipart/form-data` body (what reqwest and aiohttp send).
fn multipart(content_type: &str, body: &[u8]) -> Option<Vec<FormPart>> {
    if !content_type
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        return None;
    }
    let boundary = header_param(content_type, "boundary")?;
    let delimiter = format!("--{boundary}").into_bytes();
    let mut at = find(body, &delimiter, 0)? + delimiter.len();
    let mut parts = Vec::new();
    loop {
        if body.get(at..at + 2) == Some(b"--") {
            return Some(parts);
        }
        at = find(body, b"\r\n", at)? + 2;
        let headers_end = find(body, b"\r\n\r\n", at)?;
        let headers = std::str::from_utf8(&body[at..headers_end]).ok()?;
        let data_start = headers_end + 4;
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(&delimiter);
        let data_end = find(body, &closing, data_start)?;
        let mut part = FormPart {
            name: String::new(),
            file_name: None,
            content_type: None,
            data: Bytes::copy_from_slice(&body[data_start..data_end]),
        };
        for line in headers.split("\r\n") {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            if key.trim().eq_ignore_ascii_case("content-disposition") {
                part.name = header_param(value, "name").unwrap_or_default();
                part.file_name = header_param(value, "filename");
            } else if key.trim().eq_ignore_ascii_case("content-type") {
                part.content_type = Some(value.trim().to_owned());
            }
        }
        parts.push(part);
        at = data_end + closing.len();
    }
}

fn upgrade(shared: Arc<Shared>, request: Request<Incoming>, path: String) -> HttpResponse {
    let headers = request.headers();
    let is_upgrade = headers
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    let Some(key) = headers.get(header::SEC_WEBSOCKET_KEY) else {
        return respond(
            StatusCode::BAD_REQUEST,
            &json!({ "error": "not a WebSocket upgrade" }),
        );
    };
    if !is_upgrade {
        return respond(
            StatusCode::BAD_REQUEST,
            &json!({ "error": "not a WebSocket upgrade" }),
        );
    }
    let accept = derive_accept_key(key.as_bytes());
    let subprotocols = transport_core::testkit::offered_subprotocols(headers);
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    lock(&shared.upgrades).push(UpgradeRecord {
        path,
        subprotocols: subprotocols.clone(),
        user_agent,
    });
    let selected = subprotocols.iter().any(|p| p == codec::SUBPROTOCOL);
    let task_shared = Arc::clone(&shared);
    let task = tokio::spawn(async move {
        if let Ok(upgraded) = hyper::upgrade::on(request).await {
            let ws =
                WebSocketStream::from_raw_socket(TokioIo::new(upgraded), Role::Server, None).await;
            serve_ws(task_shared, ws).await;
        }
    });
    shared.track(task.abort_handle());
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
    let h = response.headers_mut();
    h.insert(header::UPGRADE, HeaderValue::from_static("websocket"));
    h.insert(header::CONNECTION, HeaderValue::from_static("Upgrade"));
    if let Ok(value) = HeaderValue::from_str(&accept) {
        h.insert(header::SEC_WEBSOCKET_ACCEPT, value);
    }
    if selected {
        h.insert(
            header::SEC_WEBSOCKET_PROTOCOL,
            HeaderValue::from_static(codec::SUBPROTOCOL),
        );
    }
    response
}

type Ws = WebSocketStream<TokioIo<hyper::upgrade::Upgraded>>;

/// Runs one WebSocket connection until either side ends it.
async fn serve_ws(shared: Arc<Shared>, ws: Ws) {
    let id = shared.next_connection.fetch_add(1, Ordering::AcqRel);
    let (sender, mut outbound) = mpsc::unbounded_channel();
    shared.state().connect(id, sender.clone());
    shared.changed.notify_waiters();
    let (mut sink, mut stream) = ws.split();
    let writer = async move {
        while let Some(first) = outbound.recv().await {
            let mut next = Some(first);
            while let Some(item) = next.take() {
                match item {
                    Outbound::Text(text) => {
                        if sink.feed(Message::text(text)).await.is_err() {
                            return;
                        }
                    }
                    Outbound::Close(code) => {
                        let frame = CloseFrame {
                            code: CloseCode::from(code),
                            reason: "".into(),
                        };
                        let _ = sink.send(Message::Close(Some(frame))).await;
                        return;
                    }
                    Outbound::Drop => return,
                }
                next = outbound.try_recv().ok();
            }
            if sink.flush().await.is_err() {
                return;
            }
        }
    };
    let reader = async {
        let mut silent = shared.faults.silent.subscribe();
        loop {
            // A silent server reads nothing: requests go unanswered, pings unanswered.
            if silent.wait_for(|s| !*s).await.is_err() {
                return;
            }
            let next = tokio::select! {
                next = stream.next() => next,
                // Went silent while waiting: stop reading.
                silenced = silent.wait_for(|s| *s) => {
                    if silenced.is_err() {
                        return;
                    }
                    continue;
                }
            };
            let Some(Ok(first)) = next else {
                return;
            };
            let mut batch = vec![first];
            while batch.len() < BATCH {
                match stream.next().now_or_never() {
                    Some(Some(Ok(message))) => batch.push(message),
                    _ => break,
                }
            }
            let mut answers = Vec::new();
            let mut closing = false;
            for message in batch {
                match message {
                    Message::Text(text)
                        if handle_frame(&shared, id, text.as_str(), &mut answers) =>
                    {
                        closing = true;
                        break;
                    }
                    Message::Close(_) => closing = true,
                    _ => {}
                }
            }
            if shared.faults.out_of_order.load(Ordering::Acquire) {
                answers.reverse();
            }
            for answer in answers {
                let _ = sender.send(Outbound::Text(answer));
            }
            shared.state().flush_backlog();
            shared.changed.notify_waiters();
            if closing {
                return;
            }
        }
    };
    tokio::select! {
        () = writer => {}
        () = reader => {}
    }
    shared.state().disconnect(id);
    shared.changed.notify_waiters();
}

/// Handles one client frame; returns true when the connection must be dropped.
fn handle_frame(shared: &Shared, connection: u64, text: &str, answers: &mut Vec<String>) -> bool {
    let frame = match codec::decode_client_frame(text) {
        Ok(frame) => frame,
        Err(error) => {
            tracing::debug!(%error, "fake server: unreadable client frame");
            return false;
        }
    };
    let mut state = shared.state();
    match frame {
        ClientFrame::Ack { id } => {
            state.ack(connection, id);
            false
        }
        ClientFrame::Request {
            id,
            method,
            payload,
        } => {
            if let Some(conn) = state.connections.get_mut(&connection) {
                conn.requests += 1;
            }
            if shared.faults.drop_now() {
                if let Some(conn) = state.connections.get(&connection) {
                    let _ = conn.sender.send(Outbound::Drop);
                }
                return true;
            }
            let mut answer = match state.handle(connection, id, &method, payload) {
                Ok(value) => codec::encode_response(id, &value).unwrap_or_default(),
                Err(refusal) => codec::encode_error(id, refusal.code, Some(refusal.description)),
            };
            if shared.faults.truncate_now() {
                let cut = answer.len() / 2;
                answer.truncate(cut);
            }
            answers.push(answer);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_bodies_parse() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\nworld\r\n--XyZ\r\nContent-Disposition: form-data; name=\"preview\"\r\n\r\n\x00\x01\r\n--XyZ--\r\n";
        let parts = multipart("multipart/form-data; boundary=\"XyZ\"", body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "file");
        assert_eq!(parts[0].file_name.as_deref(), Some("a b.txt"));
        assert_eq!(parts[0].content_type.as_deref(), Some("text/plain"));
        assert_eq!(&parts[0].data[..], b"hello\r\nworld");
        assert_eq!(parts[1].name, "preview");
        assert_eq!(&parts[1].data[..], b"\x00\x01");
        assert!(multipart("application/json", body).is_none());
        assert!(multipart("multipart/form-data; boundary=other", body).is_none());
        assert!(multipart("multipart/form-data; boundary=XyZ", b"--XyZ\r\nbroken").is_none());
    }
}
