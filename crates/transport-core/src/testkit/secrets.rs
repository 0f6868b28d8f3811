//! Secret-hygiene helpers: capture everything logged through `tracing`, and scan texts (logs,
//! `Debug` and `Display` output, error messages) for known secret strings.
//!
//! ```
//! use transport_core::testkit::{LogCapture, SecretScan};
//! use transport_core::Secret;
//!
//! let logs = LogCapture::start();
//! let key = Secret::new("key-SECRET-123");
//! tracing::info!(?key, "connecting");
//!
//! let mut scan = SecretScan::new(["key-SECRET-123"]);
//! scan.check("Debug of the key", format!("{key:?}"));
//! scan.check("logs", logs.text());
//! assert!(logs.text().contains("connecting"));
//! assert_eq!(scan.finish(), Ok(()));
//! ```

use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};
use tracing::subscriber::DefaultGuard;

/// Everything logged through `tracing` at any level on this thread while it lives (a TRACE
/// `fmt` subscriber set as the thread's default, with span fields).
///
/// Run secret-hygiene tests on a current-thread runtime (events of tasks on other threads are
/// not captured) and alone in their test binary: `tracing` caches per call site whether anyone
/// is interested, process-wide, so a test running beside it on another thread can make call
/// sites look uninteresting.
#[must_use = "logs are captured only while the LogCapture lives"]
pub struct LogCapture {
    buffer: Arc<Mutex<Vec<u8>>>,
    _guard: DefaultGuard,
}

#[derive(Clone)]
struct Writer(Arc<Mutex<Vec<u8>>>);

impl Write for Writer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl LogCapture {
    /// Starts capturing on this thread.
    pub fn start() -> Self {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let writer = Writer(Arc::clone(&buffer));
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        let guard = tracing::subscriber::set_default(subscriber);
        Self {
            buffer,
            _guard: guard,
        }
    }

    /// What was logged so far.
    pub fn text(&self) -> String {
        let bytes = self.buffer.lock().unwrap_or_else(PoisonError::into_inner);
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl std::fmt::Debug for LogCapture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogCapture").finish_non_exhaustive()
    }
}

/// Looks for known secret strings in texts and reports every place one appeared.
#[derive(Debug, Clone)]
pub struct SecretScan {
    secrets: Vec<String>,
    checked: usize,
    leaks: Vec<String>,
}

impl SecretScan {
    /// A scan for these secrets (empty strings are ignored).
    pub fn new<I, S>(secrets: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            secrets: secrets
                .into_iter()
                .map(Into::into)
                .filter(|s| !s.is_empty())
                .collect(),
            checked: 0,
            leaks: Vec::new(),
        }
    }

    /// Checks one text; `what` names it in the report ("client Debug", "logs", …).
    pub fn check(&mut self, what: &str, text: impl AsRef<str>) -> &mut Self {
        let text = text.as_ref();
        self.checked += 1;
        for secret in &self.secrets {
            if let Some(at) = text.find(secret.as_str()) {
                let start = text[..at]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(i, _)| i);
                self.leaks.push(format!(
                    "{what}: a secret appears at byte {at}: …{}",
                    &text[start..at]
                ));
            }
        }
        self
    }

    /// Checks the `Debug` and `Display` output of a value.
    pub fn check_shown<T>(&mut self, what: &str, value: &T) -> &mut Self
    where
        T: std::fmt::Debug + std::fmt::Display + ?Sized,
    {
        self.check(&format!("{what} (Debug)"), format!("{value:?}"));
        self.check(&format!("{what} (Display)"), value.to_string())
    }

    /// How many texts were checked.
    pub fn checked(&self) -> usize {
        self.checked
    }

    /// `Ok` when no secret appeared anywhere; otherwise one line per leak (what, where, and the
    /// text just before it — never the secret itself).
    pub fn finish(&self) -> Result<(), String> {
        if self.leaks.is_empty() {
            Ok(())
        } else {
            Err(self.leaks.join("\n"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_each_leak_without_the_secret() {
        let mut scan = SecretScan::new(["s3cr3t", ""]);
        scan.check("clean", "nothing here");
        scan.check("leaky", "password=s3cr3t;");
        assert_eq!(scan.checked(), 2);
        let report = scan.finish().unwrap_err();
        assert!(
            report.starts_with("leaky: a secret appears at byte 9"),
            "{report}"
        );
        assert!(!report.contains("s3cr3t"), "{report}");
    }

    #[test]
    fn an_empty_scan_passes_and_shown_checks_both_forms() {
        let secret = crate::Secret::new("hunter2");
        let mut scan = SecretScan::new(["hunter2"]);
        scan.check_shown("a redacted secret", &secret);
        assert_eq!(scan.checked(), 2);
        assert_eq!(scan.finish(), Ok(()));
        let mut leaky = SecretScan::new(["hunter2"]);
        leaky.check_shown("a plain string", "hunter2");
        assert_eq!(leaky.finish().unwrap_err().lines().count(), 2);
    }

    #[test]
    fn captures_events_and_span_fields_on_this_thread() {
        let logs = LogCapture::start();
        let span = tracing::info_span!("request", path = "/v1/x");
        span.in_scope(|| tracing::trace!(token = "t0k3n", "sent"));
        let text = logs.text();
        assert!(text.contains("sent"), "{text}");
        assert!(text.contains("/v1/x"), "{text}");
        assert!(text.contains("t0k3n"), "{text}");
    }
}
