//! The seed document as test data: every `Request:`/`Response:`/`Notification:` section with its
//! JSON sample, located by parsing the file (shared by the unit tests in `src/` and the
//! integration tests in `tests/`, so it uses nothing but `serde_json`).

// Test support: panicking on a malformed fixture is the point.
#![allow(
    dead_code,
    unreachable_pub,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]

use serde_json::Value;

/// The seed document, unmodified.
pub const SEED: &str = include_str!("../fixtures/seed/e2e-ws-messenger-messages.txt");

/// The kind of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `Request: …`
    Request,
    /// `Response: …`
    Response,
    /// `Notification: …`
    Notification,
}

/// One section of the seed.
#[derive(Debug, Clone)]
pub struct Section {
    /// The kind from the heading.
    pub kind: Kind,
    /// The wire name from the heading (a trailing `:` removed, as in `AddUserReport:`).
    pub name: String,
    /// The 1-based line of the heading.
    pub line: usize,
    /// The sample, parsed.
    pub sample: Value,
    /// The sample line as written.
    pub text: String,
}

/// Every section, in document order.
pub fn sections() -> Vec<Section> {
    let lines: Vec<&str> = SEED.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let (kind, rest) = if let Some(rest) = line.strip_prefix("Request: ") {
            (Kind::Request, rest)
        } else if let Some(rest) = line.strip_prefix("Response: ") {
            (Kind::Response, rest)
        } else if let Some(rest) = line.strip_prefix("Notification: ") {
            (Kind::Notification, rest)
        } else {
            continue;
        };
        let name = rest.trim().trim_end_matches(':').to_owned();
        let text = lines[i + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_else(|| panic!("section {name} at line {} has no sample", i + 1));
        let sample = serde_json::from_str(text)
            .unwrap_or_else(|e| panic!("sample of {name} at line {} is not JSON: {e}", i + 2));
        out.push(Section {
            kind,
            name,
            line: i + 1,
            sample,
            text: (*text).to_owned(),
        });
    }
    out
}

/// The samples of every section of `kind` named `name`, in document order.
pub fn samples(kind: Kind, name: &str) -> Vec<Value> {
    sections()
        .into_iter()
        .filter(|s| s.kind == kind && s.name == name)
        .map(|s| s.sample)
        .collect()
}

/// The first sample of the section of `kind` named `name`.
pub fn sample(kind: Kind, name: &str) -> Value {
    samples(kind, name)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("the seed has no {kind:?} section {name}"))
}

/// Each request with the response section that follows it (57 pairs).
pub fn request_response_pairs() -> Vec<(Section, Section)> {
    let all = sections();
    all.iter()
        .zip(all.iter().skip(1))
        .filter(|(a, b)| a.kind == Kind::Request && b.kind == Kind::Response)
        .map(|(a, b)| (a.clone(), b.clone()))
        .collect()
}
