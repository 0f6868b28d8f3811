//! The fake's state: options, records, and the public snapshots of them.

use crate::model::CredentialId;
use bytes::Bytes;
use std::collections::BTreeMap;
use std::time::Duration;
use tokio::time::Instant;

/// How the fake behaves (see `FakeThreemaWorkBuilder`).
#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub(crate) api_key: String,
    pub(crate) page_base: u32,
    pub(crate) report_page: bool,
    pub(crate) total_override: Option<u64>,
    pub(crate) link_key: String,
    pub(crate) contact_list_id_key: String,
    pub(crate) error_key: String,
    pub(crate) daily_quota: u64,
    pub(crate) credential_credits: u64,
    pub(crate) require_directory_enabled: bool,
    pub(crate) subscription_type: String,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            api_key: super::DEFAULT_API_KEY.to_owned(),
            page_base: 0,
            report_page: true,
            total_override: None,
            link_key: "ref".to_owned(),
            contact_list_id_key: "id".to_owned(),
            error_key: "error".to_owned(),
            daily_quota: crate::DAILY_REQUEST_LIMIT,
            credential_credits: 100,
            require_directory_enabled: false,
            subscription_type: "professional".to_owned(),
        }
    }
}

/// The fake's day: when it started and how many requests it has seen.
#[derive(Debug)]
pub(crate) struct Day {
    pub(crate) started: Instant,
    pub(crate) count: u64,
}

/// One day.
pub(crate) const DAY: Duration = Duration::from_secs(24 * 60 * 60);

impl Day {
    fn new() -> Self {
        Self {
            started: Instant::now(),
            count: 0,
        }
    }

    pub(crate) fn reset(&mut self) {
        *self = Self::new();
    }

    /// Counts a request; starts a new day first if 24 hours have passed.
    pub(crate) fn count(&mut self) -> u64 {
        if self.started.elapsed() >= DAY {
            self.reset();
        }
        self.count += 1;
        self.count
    }

    /// Whole seconds until the day ends (at least 1).
    pub(crate) fn seconds_left(&self) -> u64 {
        let left = DAY.saturating_sub(self.started.elapsed());
        (left.as_secs() + u64::from(left.subsec_nanos() > 0)).max(1)
    }
}

/// Everything the fake knows.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) options: Options,
    /// `http://127.0.0.1:<port>/api/v1`, for links and `Location`.
    pub(crate) base: String,
    pub(crate) subscription_name: String,
    pub(crate) credits: u64,
    pub(crate) credentials: Vec<CredentialRecord>,
    next_credential: u64,
    pub(crate) users: Vec<UserRecord>,
    pub(crate) contacts: Vec<ContactRecord>,
    pub(crate) categories: Vec<CategoryRecord>,
    pub(crate) contact_categories: BTreeMap<String, Vec<String>>,
    pub(crate) global_mdm: BTreeMap<String, serde_json::Value>,
    pub(crate) credential_mdm: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
    pub(crate) logos: BTreeMap<&'static str, Bytes>,
    pub(crate) day: Day,
}

impl State {
    pub(crate) fn new(options: Options, base: String) -> Self {
        Self {
            credits: options.credential_credits,
            options,
            base,
            subscription_name: "Fake Threema Work subscription".to_owned(),
            credentials: Vec::new(),
            next_credential: 1,
            users: Vec::new(),
            contacts: Vec::new(),
            categories: Vec::new(),
            contact_categories: BTreeMap::new(),
            global_mdm: BTreeMap::new(),
            credential_mdm: BTreeMap::new(),
            logos: BTreeMap::new(),
            day: Day::new(),
        }
    }

    /// A fresh credential id (`c` and a zero-padded number, e.g. `c00000001`).
    pub(crate) fn next_credential_id(&mut self) -> CredentialId {
        let id = format!("c{:08}", self.next_credential);
        self.next_credential += 1;
        CredentialId::unchecked(id)
    }

    pub(crate) fn credential(&self, id: &str) -> Option<&CredentialRecord> {
        self.credentials.iter().find(|c| c.id.as_str() == id)
    }

    pub(crate) fn user(&self, id: &str) -> Option<&UserRecord> {
        self.users.iter().find(|u| u.id == id)
    }

    pub(crate) fn contact(&self, id: &str) -> Option<&ContactRecord> {
        self.contacts.iter().find(|c| c.threema_id == id)
    }

    /// How many users use credential `id`.
    pub(crate) fn usage(&self, id: &CredentialId) -> usize {
        self.users
            .iter()
            .filter(|u| u.credential.as_ref() == Some(id))
            .count()
    }
}

/// A credential as stored.
#[derive(Debug, Clone)]
pub(crate) struct CredentialRecord {
    pub(crate) id: CredentialId,
    pub(crate) username: String,
    pub(crate) password: String,
    pub(crate) hashed: bool,
    pub(crate) locked: bool,
    pub(crate) license_count: Option<u64>,
}

impl CredentialRecord {
    pub(crate) fn new(id: CredentialId, username: String, password: String) -> Self {
        Self {
            id,
            username,
            password,
            hashed: false,
            locked: false,
            license_count: None,
        }
    }

    pub(crate) fn snapshot(&self) -> FakeCredential {
        FakeCredential {
            id: self.id.clone(),
            username: self.username.clone(),
            password: self.password.clone(),
            hashed: self.hashed,
            locked: self.locked,
            license_count: self.license_count,
        }
    }
}

/// A credential as the fake stores it (for assertions).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FakeCredential {
    /// Its id.
    pub id: CredentialId,
    /// Its username.
    pub username: String,
    /// Its password (the fake keeps it in clear even when "hashed").
    pub password: String,
    /// `hash` as last set.
    pub hashed: bool,
    /// `lock` as last set.
    pub locked: bool,
    /// `licenseCount` as created.
    pub license_count: Option<u64>,
}

/// A user as stored.
pub(crate) type UserRecord = FakeUser;

/// A user of the fake: seed one with [`FakeThreemaWork::insert_user`](super::FakeThreemaWork::insert_user).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct FakeUser {
    /// The Threema ID (not checked, so tests can seed odd ones).
    pub id: String,
    /// The credential it was activated with.
    pub credential: Option<CredentialId>,
    /// Nickname.
    pub nickname: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// CSI.
    pub csi: Option<String>,
    /// Category.
    pub category: Option<String>,
    /// App version (`android - 3.1k`).
    pub version: Option<String>,
    /// Job title.
    pub job_title: Option<String>,
    /// Department.
    pub department: Option<String>,
}

impl FakeUser {
    /// A user `id` of `credential`, with no other details.
    pub fn new(id: impl Into<String>, credential: Option<CredentialId>) -> Self {
        Self {
            id: id.into(),
            credential,
            ..Self::default()
        }
    }

    /// Sets the nickname.
    #[must_use]
    pub fn with_nickname(mut self, nickname: impl Into<String>) -> Self {
        self.nickname = Some(nickname.into());
        self
    }

    /// Sets the first and last name.
    #[must_use]
    pub fn with_name(mut self, first: impl Into<String>, last: impl Into<String>) -> Self {
        self.first_name = Some(first.into());
        self.last_name = Some(last.into());
        self
    }

    /// Sets the app version.
    #[must_use]
    pub fn with_version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }

    pub(crate) fn snapshot(&self) -> Self {
        self.clone()
    }
}

/// A contact as stored.
pub(crate) type ContactRecord = FakeContact;

/// A contact of the fake: seed one with
/// [`FakeThreemaWork::insert_contact`](super::FakeThreemaWork::insert_contact).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FakeContact {
    /// The Threema ID.
    pub threema_id: String,
    /// `custom` or `auto`.
    pub kind: String,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Enabled.
    pub enabled: bool,
}

impl FakeContact {
    /// An enabled custom contact.
    pub fn custom(threema_id: impl Into<String>) -> Self {
        Self {
            threema_id: threema_id.into(),
            kind: "custom".to_owned(),
            first_name: None,
            last_name: None,
            enabled: true,
        }
    }

    /// An enabled automatic contact (cannot be removed).
    pub fn auto(threema_id: impl Into<String>) -> Self {
        Self {
            kind: "auto".to_owned(),
            ..Self::custom(threema_id)
        }
    }

    /// Sets the first and last name.
    #[must_use]
    pub fn with_name(mut self, first: impl Into<String>, last: impl Into<String>) -> Self {
        self.first_name = Some(first.into());
        self.last_name = Some(last.into());
        self
    }

    pub(crate) fn snapshot(&self) -> Self {
        self.clone()
    }
}

/// A category as stored.
#[derive(Debug, Clone)]
pub(crate) struct CategoryRecord {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) source: String,
}
