//! The fake's request handling: authentication, the daily counter, routing and the 33
//! operations over [`State`].

use super::API_PATH;
use super::state::{CategoryRecord, CredentialRecord, FakeContact, FakeUser, State};
use crate::validate::{self, ValidationErrorKind};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};
use transport_core::http::segment;
use wiremock::{Request, Respond, ResponseTemplate};

/// The wiremock responder that serves every request from the shared state.
pub(crate) struct Responder {
    state: Arc<Mutex<State>>,
}

impl Responder {
    pub(crate) fn new(state: Arc<Mutex<State>>) -> Self {
        Self { state }
    }
}

impl Respond for Responder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        handle(&mut state, request)
    }
}

/// The default and largest page sizes.
const DEFAULT_PAGE_SIZE: u32 = 20;

/// Dates the fake reports, in the API's 24-character form.
const CREATED_AT: &str = "2026-01-05T09:30:00+0100";
const LAST_CHECK: &str = "2026-11-21T08:15:00+0100";
const VALID_UNTIL: &str = "2027-12-31T23:59:59+0100";

/// An error response (boxed: templates are large).
type Refusal = Box<ResponseTemplate>;

/// What the handlers return: a response, or an error response (both are responses; the
/// split lets handlers use `?`).
type Reply = Result<ResponseTemplate, Refusal>;

/// One request, decoded.
struct Call<'a> {
    method: &'a str,
    segments: Vec<String>,
    query: BTreeMap<String, String>,
    request: &'a Request,
}

fn handle(state: &mut State, request: &Request) -> ResponseTemplate {
    let count = state.day.count();
    if count > state.options.daily_quota {
        let message = format!(
            "Request limit of {} per day reached",
            state.options.daily_quota
        );
        return (*error(state, 429, &message))
            .insert_header("retry-after", state.day.seconds_left().to_string().as_str());
    }
    let key = request
        .headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok());
    if key != Some(state.options.api_key.as_str()) {
        return *error(state, 401, "Invalid X-Api-Key");
    }
    let Some(rest) = request.url.path().strip_prefix(API_PATH) else {
        return *error(state, 404, "Not found");
    };
    let call = Call {
        method: request.method.as_str(),
        segments: rest
            .split('/')
            .filter(|s| !s.is_empty())
            .map(|s| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8_lossy()
                    .into_owned()
            })
            .collect(),
        query: request.url.query_pairs().into_owned().collect(),
        request,
    };
    route(state, &call).unwrap_or_else(|reply| *reply)
}

fn route(state: &mut State, call: &Call<'_>) -> Reply {
    let segments: Vec<&str> = call.segments.iter().map(String::as_str).collect();
    match (call.method, segments.as_slice()) {
        ("GET", []) => get_subscription(state),
        ("PUT", []) => update_subscription(state, call),
        ("GET", ["credentials"]) => list_credentials(state, call),
        ("POST", ["credentials"]) => create_credential(state, call),
        ("GET", ["credentials", id]) => get_credential(state, id),
        ("PUT", ["credentials", id]) => update_credential(state, call, id),
        ("DELETE", ["credentials", id]) => delete_credential(state, id),
        ("GET", ["credentials", id, "mdm"]) => list_credential_mdm(state, id),
        ("POST", ["credentials", id, "mdm"]) => set_credential_mdm(state, call, id),
        ("GET", ["credentials", id, "mdm", name]) => get_credential_mdm(state, id, name),
        ("PUT", ["credentials", id, "mdm", name]) => update_credential_mdm(state, call, id, name),
        ("DELETE", ["credentials", id, "mdm", name]) => delete_credential_mdm(state, id, name),
        ("GET", ["users"]) => list_users(state, call),
        ("GET", ["users", id]) => get_user(state, id),
        ("DELETE", ["users", id]) | ("POST", ["users", id, "detach"]) => remove_user(state, id),
        ("GET", ["contacts"]) => list_contacts(state, call),
        ("POST", ["contacts"]) => create_contact(state, call),
        ("GET", ["contacts", id]) => get_contact(state, id),
        ("PUT", ["contacts", id]) => update_contact(state, call, id),
        ("DELETE", ["contacts", id]) => delete_contact(state, id),
        ("GET", ["contacts", id, "categories"]) => list_contact_categories(state, call, id),
        ("GET", ["contact-categories", id]) => show_contact_category(state, id),
        ("GET", ["mdm"]) => list_global_mdm(state),
        ("POST", ["mdm"]) => set_global_mdm(state, call),
        ("GET", ["mdm", name]) => get_global_mdm(state, name),
        ("PUT", ["mdm", name]) => update_global_mdm(state, call, name),
        ("DELETE", ["mdm", name]) => delete_global_mdm(state, name),
        ("GET", ["mdm-bulk"]) => bulk_get(state, call),
        ("POST", ["mdm-bulk"]) => bulk_update(state, call),
        ("GET", ["logos", variant]) => get_logo(state, variant),
        ("PUT", ["logos", variant]) => update_logo(state, call, variant),
        ("DELETE", ["logos", variant]) => delete_logo(state, variant),
        _ => Err(error(
            state,
            404,
            &format!(
                "No such resource: {} {}",
                call.method,
                call.request.url.path()
            ),
        )),
    }
}

// --- Response helpers -------------------------------------------------------------------

/// An error response with the configured error key; 422 has no body, as on the real server.
fn error(state: &State, status: u16, message: &str) -> Refusal {
    let template = ResponseTemplate::new(status);
    if status == 422 {
        return Box::new(template);
    }
    let mut body = Map::new();
    body.insert(state.options.error_key.clone(), Value::from(message));
    Box::new(template.set_body_json(Value::Object(body)))
}

fn json_reply(status: u16, body: Value) -> Reply {
    Ok(ResponseTemplate::new(status).set_body_json(body))
}

fn no_content() -> Reply {
    Ok(ResponseTemplate::new(204))
}

/// A link object with the configured relation key.
fn link(state: &State, rel: &str, path: &str) -> Value {
    let mut object = Map::new();
    object.insert(state.options.link_key.clone(), Value::from(rel));
    object.insert("link".into(), Value::from(format!("{}{path}", state.base)));
    Value::Object(object)
}

/// The request's JSON object body.
fn body(state: &State, call: &Call<'_>) -> Result<Map<String, Value>, Refusal> {
    match serde_json::from_slice(&call.request.body) {
        Ok(Value::Object(object)) => Ok(object),
        _ => Err(error(state, 400, "The body must be a JSON object")),
    }
}

/// A required string field of 1–256 characters.
fn text_field(state: &State, body: &Map<String, Value>, name: &str) -> Result<String, Refusal> {
    match body.get(name) {
        Some(Value::String(s)) if validate::text(name, s).is_ok() => Ok(s.clone()),
        Some(_) => Err(error(state, 400, &format!("Invalid {name}"))),
        None => Err(error(state, 400, &format!("Missing {name}"))),
    }
}

/// An optional string field of 1–256 characters.
fn optional_text(
    state: &State,
    body: &Map<String, Value>,
    name: &str,
) -> Result<Option<String>, Refusal> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => text_field(state, body, name).map(Some),
    }
}

/// An optional boolean field.
fn optional_bool(
    state: &State,
    body: &Map<String, Value>,
    name: &str,
) -> Result<Option<bool>, Refusal> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(error(state, 400, &format!("Invalid {name}"))),
    }
}

/// True for the MDM value kinds the API documents.
fn is_mdm_value(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Bool(_)) || value.as_i64().is_some()
}

// --- Paging -----------------------------------------------------------------------------

/// `pageSize` and `page` of a list call, checked.
struct Pager {
    size: u32,
    number: u32,
    base: u32,
}

impl Pager {
    fn new(state: &State, call: &Call<'_>, max: u32) -> Result<Self, Refusal> {
        let size = match call.query.get("pageSize") {
            None => DEFAULT_PAGE_SIZE,
            Some(raw) => raw
                .parse::<u32>()
                .ok()
                .filter(|s| (1..=max).contains(s))
                .ok_or_else(|| {
                    error(state, 400, &format!("pageSize must be between 1 and {max}"))
                })?,
        };
        let base = state.options.page_base;
        let number = match call.query.get("page") {
            None => base,
            Some(raw) => raw
                .parse::<u32>()
                .ok()
                .filter(|p| *p >= base)
                .ok_or_else(|| {
                    error(
                        state,
                        400,
                        &format!("page must be a number of at least {base}"),
                    )
                })?,
        };
        Ok(Self { size, number, base })
    }

    /// This page's part of `items`.
    fn slice<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        let size = self.size as usize;
        let start = ((self.number - self.base) as usize).saturating_mul(size);
        let start = start.min(items.len());
        let end = start.saturating_add(size).min(items.len());
        &items[start..end]
    }

    /// The `paging` object.
    fn paging(&self, state: &State, on_page: usize, total: usize) -> Value {
        let mut paging = Map::new();
        paging.insert("count".into(), Value::from(on_page));
        paging.insert(
            "total".into(),
            Value::from(state.options.total_override.unwrap_or(total as u64)),
        );
        if state.options.report_page {
            paging.insert("page".into(), Value::from(self.number));
        }
        paging.insert("_links".into(), Value::Array(Vec::new()));
        Value::Object(paging)
    }
}

// --- Subscription -----------------------------------------------------------------------

fn get_subscription(state: &State) -> Reply {
    json_reply(
        200,
        json!({
            "_links": [
                link(state, "detail", ""),
                link(state, "credentials", "/credentials"),
                link(state, "users", "/users"),
                link(state, "contacts", "/contacts"),
            ],
            "id": "FAKE000001",
            "name": state.subscription_name,
            "validUntil": VALID_UNTIL,
            "type": state.options.subscription_type,
            "licenseAmount": 400,
        }),
    )
}

fn update_subscription(state: &mut State, call: &Call<'_>) -> Reply {
    let body = body(state, call)?;
    match body.get("name") {
        Some(Value::String(name)) if validate::text("name", name).is_ok() => {
            state.subscription_name = name.clone();
            no_content()
        }
        Some(Value::String(_)) => Err(error(state, 422, "Invalid name")),
        _ => Err(error(state, 400, "Missing name")),
    }
}

// --- Credentials ------------------------------------------------------------------------

fn credential_json(state: &State, credential: &CredentialRecord) -> Value {
    let path = format!("/credentials/{}", segment(credential.id.as_str()));
    json!({
        "_links": [link(state, "detail", &path), link(state, "subscription", "")],
        "id": credential.id,
        "username": credential.username,
        "password": if credential.hashed { Value::Null } else { Value::from(credential.password.as_str()) },
        "usage": state.usage(&credential.id),
        "hashed": credential.hashed,
        "locked": credential.locked,
    })
}

fn find_credential<'a>(state: &'a State, id: &str) -> Result<&'a CredentialRecord, Refusal> {
    state
        .credential(id)
        .ok_or_else(|| error(state, 404, "Credential not found"))
}

fn list_credentials(state: &State, call: &Call<'_>) -> Reply {
    let pager = Pager::new(state, call, validate::MAX_PAGE_SIZE)?;
    let filter = call.query.get("filterUsername");
    let matching: Vec<&CredentialRecord> = state
        .credentials
        .iter()
        .filter(|c| filter.is_none_or(|f| &c.username == f))
        .collect();
    let page = pager.slice(&matching);
    let items: Vec<Value> = page.iter().map(|c| credential_json(state, c)).collect();
    json_reply(
        200,
        json!({
            "_links": [link(state, "subscription", "")],
            "credentials": items,
            "paging": pager.paging(state, page.len(), matching.len()),
        }),
    )
}

fn create_credential(state: &mut State, call: &Call<'_>) -> Reply {
    let body = body(state, call)?;
    let username = text_field(state, &body, "username")?;
    let password = text_field(state, &body, "password")?;
    let hash = optional_bool(state, &body, "hash")?;
    let lock = optional_bool(state, &body, "lock")?;
    let license_count = match body.get("licenseCount") {
        None | Some(Value::Null) => None,
        Some(value) => Some(
            value
                .as_u64()
                .ok_or_else(|| error(state, 400, "Invalid licenseCount"))?,
        ),
    };
    if state.credentials.iter().any(|c| c.username == username) {
        return Err(error(state, 400, "Username already in use"));
    }
    if state.credits == 0 {
        return Err(error(state, 403, "No credential credits left"));
    }
    state.credits -= 1;
    let id = state.next_credential_id();
    let mut record = CredentialRecord::new(id.clone(), username, password);
    record.hashed = hash.unwrap_or(false);
    record.locked = lock.unwrap_or(false);
    record.license_count = license_count;
    let location = format!("{}/credentials/{}", state.base, segment(id.as_str()));
    let body = credential_json(state, &record);
    state.credentials.push(record);
    Ok(ResponseTemplate::new(201)
        .insert_header("location", location.as_str())
        .set_body_json(body))
}

fn get_credential(state: &State, id: &str) -> Reply {
    let credential = find_credential(state, id)?;
    json_reply(200, credential_json(state, credential))
}

fn update_credential(state: &mut State, call: &Call<'_>, id: &str) -> Reply {
    find_credential(state, id)?;
    let body = body(state, call)?;
    let username = text_field(state, &body, "username")?;
    let password = text_field(state, &body, "password")?;
    let hash = optional_bool(state, &body, "hash")?;
    let lock = optional_bool(state, &body, "lock")?;
    if state
        .credentials
        .iter()
        .any(|c| c.username == username && c.id.as_str() != id)
    {
        return Err(error(state, 400, "Username already in use"));
    }
    if let Some(credential) = state.credentials.iter_mut().find(|c| c.id.as_str() == id) {
        credential.username = username;
        credential.password = password;
        credential.hashed = hash.unwrap_or(credential.hashed);
        credential.locked = lock.unwrap_or(credential.locked);
    }
    no_content()
}

fn delete_credential(state: &mut State, id: &str) -> Reply {
    find_credential(state, id)?;
    state.credentials.retain(|c| c.id.as_str() != id);
    state.credential_mdm.remove(id);
    no_content()
}

// --- Individual app configuration ---------------------------------------------------------

fn credential_setting_json(state: &State, id: &str, name: &str, value: &Value) -> Value {
    let credential = format!("/credentials/{}", segment(id));
    json!({
        "_links": [
            link(state, "detail", &format!("{credential}/mdm/{}", segment(name))),
            link(state, "credential", &credential),
        ],
        "name": name,
        "value": value,
    })
}

fn credential_settings(state: &State, id: &str) -> Vec<Value> {
    state
        .credential_mdm
        .get(id)
        .map(|settings| {
            settings
                .iter()
                .map(|(name, value)| credential_setting_json(state, id, name, value))
                .collect()
        })
        .unwrap_or_default()
}

fn list_credential_mdm(state: &State, id: &str) -> Reply {
    find_credential(state, id)?;
    let credential = format!("/credentials/{}", segment(id));
    json_reply(
        200,
        json!({
            "_links": [
                link(state, "detail", &format!("{credential}/mdm")),
                link(state, "credential", &credential),
            ],
            "parameters": credential_settings(state, id),
        }),
    )
}

/// Reads `{property, value}` of the `POST` upserts: 400 when missing, 422 when invalid.
fn upsert_body(state: &State, call: &Call<'_>) -> Result<(String, Value), Refusal> {
    let body = body(state, call)?;
    let (Some(property), Some(value)) = (body.get("property"), body.get("value")) else {
        return Err(error(state, 400, "property and value are required"));
    };
    match property.as_str() {
        Some(name) if validate::mdm_property("property", name).is_ok() && is_mdm_value(value) => {
            Ok((name.to_owned(), value.clone()))
        }
        _ => Err(error(state, 422, "Unprocessable setting")),
    }
}

/// Reads the `{value}` of the MDM `PUT`s (also accepting `{property, value}`).
fn update_body(state: &State, call: &Call<'_>) -> Result<Value, Refusal> {
    let body = body(state, call)?;
    match body.get("value") {
        Some(value) if is_mdm_value(value) => Ok(value.clone()),
        _ => Err(error(
            state,
            400,
            "A string, integer or boolean value is required",
        )),
    }
}

fn check_property(state: &State, name: &str) -> Result<(), Refusal> {
    validate::mdm_property("property_id", name)
        .map_err(|_| error(state, 400, "Invalid property name"))
}

fn set_credential_mdm(state: &mut State, call: &Call<'_>, id: &str) -> Reply {
    find_credential(state, id)?;
    let (name, value) = upsert_body(state, call)?;
    state
        .credential_mdm
        .entry(id.to_owned())
        .or_default()
        .insert(name, value);
    no_content()
}

fn credential_setting<'a>(state: &'a State, id: &str, name: &str) -> Result<&'a Value, Refusal> {
    find_credential(state, id)?;
    check_property(state, name)?;
    state
        .credential_mdm
        .get(id)
        .and_then(|settings| settings.get(name))
        .ok_or_else(|| error(state, 404, "Setting not found"))
}

fn get_credential_mdm(state: &State, id: &str, name: &str) -> Reply {
    let value = credential_setting(state, id, name)?;
    json_reply(200, credential_setting_json(state, id, name, value))
}

fn update_credential_mdm(state: &mut State, call: &Call<'_>, id: &str, name: &str) -> Reply {
    credential_setting(state, id, name)?;
    let value = update_body(state, call)?;
    if let Some(settings) = state.credential_mdm.get_mut(id) {
        settings.insert(name.to_owned(), value.clone());
    }
    json_reply(200, credential_setting_json(state, id, name, &value))
}

fn delete_credential_mdm(state: &mut State, id: &str, name: &str) -> Reply {
    credential_setting(state, id, name)?;
    if let Some(settings) = state.credential_mdm.get_mut(id) {
        settings.remove(name);
    }
    no_content()
}

fn bulk_get(state: &State, call: &Call<'_>) -> Reply {
    let pager = Pager::new(state, call, validate::MAX_BULK_PAGE_SIZE)?;
    let page = pager.slice(&state.credentials);
    let items: Vec<Value> = page
        .iter()
        .map(|c| {
            let credential = format!("/credentials/{}", segment(c.id.as_str()));
            json!({
                "_links": [
                    link(state, "detail", &format!("{credential}/mdm")),
                    link(state, "credential", &credential),
                ],
                "id": c.id,
                "parameters": credential_settings(state, c.id.as_str()),
            })
        })
        .collect();
    json_reply(
        200,
        json!({
            "_links": [link(state, "subscription", "")],
            "credentials": items,
            "paging": pager.paging(state, page.len(), state.credentials.len()),
        }),
    )
}

fn bulk_update(state: &mut State, call: &Call<'_>) -> Reply {
    let body = body(state, call)?;
    let Some(Value::Array(credentials)) = body.get("credentials") else {
        return Err(error(state, 400, "credentials must be an array"));
    };
    if credentials.len() > validate::MAX_BULK_CREDENTIALS {
        return Err(error(state, 400, "At most 1000 credentials per request"));
    }
    let mut updates = Vec::new();
    for item in credentials {
        let Some(id) = item.get("id").and_then(Value::as_str) else {
            return Err(error(state, 400, "Every item needs an id"));
        };
        find_credential(state, id)
            .map_err(|_| error(state, 400, &format!("Unknown credential {id}")))?;
        let parameters = item.get("parameters").and_then(Value::as_array);
        for parameter in parameters.into_iter().flatten() {
            match (
                parameter.get("name").and_then(Value::as_str),
                parameter.get("value"),
            ) {
                (Some(name), Some(value))
                    if validate::mdm_property("name", name).is_ok() && is_mdm_value(value) =>
                {
                    updates.push((id.to_owned(), name.to_owned(), value.clone()));
                }
                _ => return Err(error(state, 422, "Unprocessable setting")),
            }
        }
    }
    for (id, name, value) in updates {
        state
            .credential_mdm
            .entry(id)
            .or_default()
            .insert(name, value);
    }
    no_content()
}

// --- Users ------------------------------------------------------------------------------

fn user_json(state: &State, user: &FakeUser) -> Value {
    let mut links = vec![
        link(state, "detail", &format!("/users/{}", segment(&user.id))),
        link(state, "subscription", ""),
    ];
    if let Some(credential) = &user.credential {
        links.push(link(
            state,
            "credential",
            &format!("/credentials/{}", segment(credential.as_str())),
        ));
    }
    json!({
        "_links": links,
        "id": user.id,
        "nickname": user.nickname,
        "firstName": user.first_name,
        "lastName": user.last_name,
        "csi": user.csi,
        "category": user.category,
        "version": user.version,
        "lastCheck": LAST_CHECK,
        "createdAt": CREATED_AT,
        "jobTitle": user.job_title,
        "department": user.department,
    })
}

fn user_matches(state: &State, user: &FakeUser, query: &BTreeMap<String, String>) -> bool {
    let by_credential = query
        .get("filterCredential")
        .is_none_or(|id| user.credential.as_ref().is_some_and(|c| c.as_str() == id));
    let by_username = query.get("filterUsername").is_none_or(|name| {
        user.credential
            .as_ref()
            .and_then(|c| state.credential(c.as_str()))
            .is_some_and(|c| &c.username == name)
    });
    let by_query = query.get("filterQuery").is_none_or(|search| {
        let search = search.to_lowercase();
        [
            Some(&user.id),
            user.nickname.as_ref(),
            user.first_name.as_ref(),
            user.last_name.as_ref(),
        ]
        .into_iter()
        .flatten()
        .any(|field| field.to_lowercase().contains(&search))
    });
    by_credential && by_username && by_query
}

fn list_users(state: &State, call: &Call<'_>) -> Reply {
    let pager = Pager::new(state, call, validate::MAX_PAGE_SIZE)?;
    let matching: Vec<&FakeUser> = state
        .users
        .iter()
        .filter(|u| user_matches(state, u, &call.query))
        .collect();
    let page = pager.slice(&matching);
    let items: Vec<Value> = page.iter().map(|u| user_json(state, u)).collect();
    json_reply(
        200,
        json!({
            "_links": [link(state, "subscription", "")],
            "users": items,
            "paging": pager.paging(state, page.len(), matching.len()),
        }),
    )
}

fn find_user<'a>(state: &'a State, id: &str) -> Result<&'a FakeUser, Refusal> {
    validate::threema_id("threemaId", id).map_err(|_| error(state, 400, "Invalid threemaId"))?;
    state
        .user(id)
        .ok_or_else(|| error(state, 404, "User not found"))
}

fn get_user(state: &State, id: &str) -> Reply {
    let user = find_user(state, id)?;
    json_reply(200, user_json(state, user))
}

fn remove_user(state: &mut State, id: &str) -> Reply {
    find_user(state, id)?;
    state.users.retain(|u| u.id != id);
    no_content()
}

// --- Contacts ---------------------------------------------------------------------------

fn contact_json(state: &State, contact: &FakeContact, id_key: &str) -> Value {
    let path = format!("/contacts/{}", segment(&contact.threema_id));
    let mut object = Map::new();
    object.insert(
        "_links".into(),
        json!([
            link(state, "detail", &path),
            link(state, "categories", &format!("{path}/categories")),
            link(state, "subscription", ""),
        ]),
    );
    object.insert(id_key.into(), Value::from(contact.threema_id.as_str()));
    object.insert("type".into(), Value::from(contact.kind.as_str()));
    object.insert("firstName".into(), json!(contact.first_name));
    object.insert("lastName".into(), json!(contact.last_name));
    object.insert("enabled".into(), Value::from(contact.enabled));
    Value::Object(object)
}

fn list_contacts(state: &State, call: &Call<'_>) -> Reply {
    let pager = Pager::new(state, call, validate::MAX_PAGE_SIZE)?;
    let category = call.query.get("filterCategory");
    let matching: Vec<&FakeContact> = state
        .contacts
        .iter()
        .filter(|c| {
            category.is_none_or(|cat| {
                state
                    .contact_categories
                    .get(&c.threema_id)
                    .is_some_and(|cats| cats.contains(cat))
            })
        })
        .collect();
    let page = pager.slice(&matching);
    let key = state.options.contact_list_id_key.as_str();
    let items: Vec<Value> = page.iter().map(|c| contact_json(state, c, key)).collect();
    json_reply(
        200,
        json!({
            "_links": [link(state, "subscription", "")],
            "contacts": items,
            "paging": pager.paging(state, page.len(), matching.len()),
        }),
    )
}

fn create_contact(state: &mut State, call: &Call<'_>) -> Reply {
    let body = body(state, call)?;
    let id = match body.get("threemaId").and_then(Value::as_str) {
        Some(id) if validate::threema_id("threemaId", id).is_ok() => id.to_owned(),
        _ => return Err(error(state, 400, "Invalid threemaId")),
    };
    if state.contact(&id).is_some() {
        return Err(error(state, 400, "Contact already exists"));
    }
    let first_name = optional_text(state, &body, "firstName")?;
    let last_name = optional_text(state, &body, "lastName")?;
    let enabled = optional_bool(state, &body, "enabled")?.unwrap_or(true);
    let location = format!("{}/contacts/{}", state.base, segment(&id));
    let mut contact = FakeContact::custom(id);
    contact.first_name = first_name;
    contact.last_name = last_name;
    contact.enabled = enabled;
    state.contacts.push(contact);
    Ok(ResponseTemplate::new(201).insert_header("location", location.as_str()))
}

fn find_contact<'a>(state: &'a State, id: &str) -> Result<&'a FakeContact, Refusal> {
    validate::threema_id("threemaId", id).map_err(|_| error(state, 400, "Invalid threemaId"))?;
    state
        .contact(id)
        .ok_or_else(|| error(state, 404, "Contact not found"))
}

fn get_contact(state: &State, id: &str) -> Reply {
    let contact = find_contact(state, id)?;
    json_reply(200, contact_json(state, contact, "threemaId"))
}

fn update_contact(state: &mut State, call: &Call<'_>, id: &str) -> Reply {
    find_contact(state, id)?;
    let body = body(state, call)?;
    let first_name = text_field(state, &body, "firstName")?;
    let last_name = text_field(state, &body, "lastName")?;
    let enabled = optional_bool(state, &body, "enabled")?
        .ok_or_else(|| error(state, 400, "Missing enabled"))?;
    let directory_enabled = optional_bool(state, &body, "directory_enabled")?;
    if state.options.require_directory_enabled && directory_enabled.is_none() {
        return Err(error(state, 400, "directory_enabled is mandatory"));
    }
    if let Some(contact) = state.contacts.iter_mut().find(|c| c.threema_id == id) {
        contact.first_name = Some(first_name);
        contact.last_name = Some(last_name);
        contact.enabled = enabled;
    }
    no_content()
}

fn delete_contact(state: &mut State, id: &str) -> Reply {
    let contact = find_contact(state, id)?;
    if contact.kind != "custom" {
        return Err(error(state, 401, "contact is not a custom contact"));
    }
    state.contacts.retain(|c| c.threema_id != id);
    state.contact_categories.remove(id);
    no_content()
}

fn category_json(state: &State, category: &CategoryRecord) -> Value {
    json!({
        "_links": [link(state, "detail", &format!("/categories/{}", segment(&category.id)))],
        "id": category.id,
        "name": category.name,
        "source": category.source,
        "enabled": true,
    })
}

fn categories_of<'a>(state: &'a State, id: &str) -> Vec<&'a CategoryRecord> {
    let assigned = state.contact_categories.get(id);
    state
        .categories
        .iter()
        .filter(|c| assigned.is_some_and(|ids| ids.contains(&c.id)))
        .collect()
}

fn list_contact_categories(state: &State, call: &Call<'_>, id: &str) -> Reply {
    find_contact(state, id)?;
    let pager = Pager::new(state, call, validate::MAX_PAGE_SIZE)?;
    let all = categories_of(state, id);
    let page = pager.slice(&all);
    let items: Vec<Value> = page.iter().map(|c| category_json(state, c)).collect();
    json_reply(
        200,
        json!({
            "_links": [link(state, "contact", &format!("/contacts/{}", segment(id)))],
            "categories": items,
            "paging": pager.paging(state, page.len(), all.len()),
        }),
    )
}

fn show_contact_category(state: &State, id: &str) -> Reply {
    find_contact(state, id)?;
    let items: Vec<Value> = categories_of(state, id)
        .into_iter()
        .map(|c| category_json(state, c))
        .collect();
    json_reply(
        200,
        json!({
            "_links": [link(state, "contact", &format!("/contacts/{}", segment(id)))],
            "categories": items,
        }),
    )
}

// --- Global app configuration -------------------------------------------------------------

fn global_setting_json(state: &State, name: &str, value: &Value, name_key: &str) -> Value {
    let mut object = Map::new();
    object.insert(
        "_links".into(),
        json!([
            link(state, "detail", &format!("/mdm/{}", segment(name))),
            link(state, "subscription", ""),
        ]),
    );
    object.insert(name_key.into(), Value::from(name));
    object.insert("value".into(), value.clone());
    Value::Object(object)
}

fn list_global_mdm(state: &State) -> Reply {
    // Named `name` in list items, as the spec's example does.
    let items: Vec<Value> = state
        .global_mdm
        .iter()
        .map(|(name, value)| global_setting_json(state, name, value, "name"))
        .collect();
    json_reply(
        200,
        json!({"_links": [link(state, "subscription", "")], "parameters": items}),
    )
}

fn set_global_mdm(state: &mut State, call: &Call<'_>) -> Reply {
    let (name, value) = upsert_body(state, call)?;
    state.global_mdm.insert(name, value);
    no_content()
}

fn global_setting<'a>(state: &'a State, name: &str) -> Result<&'a Value, Refusal> {
    check_property(state, name)?;
    state
        .global_mdm
        .get(name)
        .ok_or_else(|| error(state, 404, "Setting not found"))
}

fn get_global_mdm(state: &State, name: &str) -> Reply {
    let value = global_setting(state, name)?;
    // Named `id`, as the schema does.
    json_reply(200, global_setting_json(state, name, value, "id"))
}

fn update_global_mdm(state: &mut State, call: &Call<'_>, name: &str) -> Reply {
    global_setting(state, name)?;
    let value = update_body(state, call)?;
    state.global_mdm.insert(name.to_owned(), value.clone());
    json_reply(200, global_setting_json(state, name, &value, "name"))
}

fn delete_global_mdm(state: &mut State, name: &str) -> Reply {
    global_setting(state, name)?;
    state.global_mdm.remove(name);
    no_content()
}

// --- Logos ------------------------------------------------------------------------------

fn variant(state: &State, variant: &str) -> Result<&'static str, Refusal> {
    match variant {
        "dark" => Ok("dark"),
        "light" => Ok("light"),
        _ => Err(error(state, 400, "logoVariant must be dark or light")),
    }
}

fn get_logo(state: &State, name: &str) -> Reply {
    let key = variant(state, name)?;
    let png = state
        .logos
        .get(key)
        .ok_or_else(|| error(state, 404, "No logo set"))?;
    Ok(ResponseTemplate::new(200).set_body_raw(png.to_vec(), "image/png"))
}

fn update_logo(state: &mut State, call: &Call<'_>, name: &str) -> Reply {
    let key = variant(state, name)?;
    let content_type = call
        .request
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok());
    if content_type != Some("image/png") {
        return Err(error(state, 400, "The body must be image/png"));
    }
    match validate::logo_png("logo", &call.request.body) {
        Ok(_) => {}
        Err(e) if matches!(e.kind, ValidationErrorKind::ImageTooSmall { .. }) => {
            return Err(error(state, 422, "The image is too small"));
        }
        Err(_) => return Err(error(state, 400, "The body is not a PNG image")),
    }
    state
        .logos
        .insert(key, bytes::Bytes::copy_from_slice(&call.request.body));
    no_content()
}

fn delete_logo(state: &mut State, name: &str) -> Reply {
    let key = variant(state, name)?;
    if state.logos.remove(key).is_none() {
        return Err(error(state, 404, "No logo set"));
    }
    no_content()
}
