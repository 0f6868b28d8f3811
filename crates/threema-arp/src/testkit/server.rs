//! [`SaltyRtcServer`]: the real SaltyRTC server (`saltyrtc.server` 5.0.1 from PyPI), started
//! from the virtualenv `cargo xtask setup` creates, on a free port of `127.0.0.1`, stopped on
//! drop.

use crate::saltyrtc::{KEY_LENGTH, KeyPair, to_hex};
use crate::session::ServerConfig;
use std::collections::VecDeque;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::watch;

/// Lines of server output kept for error messages.
const KEPT_LINES: usize = 20000;
/// How long the server may take to print `Started`.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// A running `saltyrtc-server` (plain `ws://`, with the documented safety switch
/// `SALTYRTC_SAFETY_OFF`), with a fresh permanent key. Killed when dropped.
///
/// The server is found in `$XTASK_VENVS/saltyrtc/bin/saltyrtc-server`, or in
/// `target/xtask/venvs/saltyrtc` of this workspace; `cargo xtask setup` installs it. When it is
/// missing, [`SaltyRtcServer::start`] fails with a message saying so.
///
/// It logs at INFO level ([`output`](Self::output)); the environment variable
/// `SALTYRTC_TEST_VERBOSITY` (1–7, 6 = DEBUG) changes that for debugging.
pub struct SaltyRtcServer {
    child: Option<Child>,
    executable: PathBuf,
    permanent: KeyPair,
    port: u16,
    output: Arc<Mutex<VecDeque<String>>>,
}

impl fmt::Debug for SaltyRtcServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SaltyRtcServer")
            .field("executable", &self.executable)
            .field("port", &self.port)
            .field("public_key", &to_hex(self.permanent.public_key()))
            .finish_non_exhaustive()
    }
}

impl Drop for SaltyRtcServer {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            let _ = child.start_kill();
        }
    }
}

impl SaltyRtcServer {
    /// The server executable in the virtualenv (`$XTASK_VENVS` or this workspace's
    /// `target/xtask/venvs`).
    pub fn default_executable() -> PathBuf {
        let venvs = std::env::var_os("XTASK_VENVS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("..")
                    .join("..")
                    .join("target")
                    .join("xtask")
                    .join("venvs")
            });
        venvs.join("saltyrtc").join("bin").join("saltyrtc-server")
    }

    /// Starts the server from [`SaltyRtcServer::default_executable`] on a free port.
    ///
    /// # Errors
    ///
    /// [`io::ErrorKind::NotFound`] naming `cargo xtask setup` when the server is not
    /// installed; other errors (with the server's last output) when it does not start.
    pub async fn start() -> io::Result<Self> {
        Self::start_with(Self::default_executable()).await
    }

    /// Starts the server at `executable` on a free port.
    ///
    /// # Errors
    ///
    /// As [`SaltyRtcServer::start`].
    pub async fn start_with(executable: PathBuf) -> io::Result<Self> {
        if !executable.exists() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "the SaltyRTC server is not installed at {}: run `cargo xtask setup` \
                     (or point $XTASK_VENVS at the virtualenvs it creates)",
                    executable.display()
                ),
            ));
        }
        let mut server = Self {
            child: None,
            executable,
            permanent: KeyPair::generate(),
            port: 0,
            output: Arc::new(Mutex::new(VecDeque::new())),
        };
        let mut last_error = None;
        // A free port can be taken between probing and binding: try a few.
        for _ in 0..3 {
            server.port = free_port()?;
            match server.spawn().await {
                Ok(()) => return Ok(server),
                Err(error) => last_error = Some(error),
            }
        }
        Err(last_error.unwrap_or_else(|| io::Error::other("the server did not start")))
    }

    /// How clients reach this server (plain `ws://`, its permanent key pinned).
    pub fn server_config(&self) -> ServerConfig {
        ServerConfig::new("127.0.0.1", self.port)
            .insecure()
            .with_public_key(*self.permanent.public_key())
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's permanent public key.
    pub fn public_key(&self) -> [u8; KEY_LENGTH] {
        *self.permanent.public_key()
    }

    /// The server's last lines of output.
    pub fn output(&self) -> Vec<String> {
        self.output
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .cloned()
            .collect()
    }

    /// Kills the server (every connection drops without a close frame).
    pub async fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill().await;
        }
    }

    /// Kills the server and starts it again on the same port with the same key: clients
    /// lose their connections and can reconnect to the same URL.
    ///
    /// # Errors
    ///
    /// As [`SaltyRtcServer::start`].
    pub async fn restart(&mut self) -> io::Result<()> {
        self.stop().await;
        let mut last_error = None;
        // The listening socket is gone once the process exited (and asyncio binds with
        // SO_REUSEADDR); retry a few times anyway.
        for _ in 0..5 {
            match self.spawn().await {
                Ok(()) => return Ok(()),
                Err(error) => last_error = Some(error),
            }
        }
        Err(last_error.unwrap_or_else(|| io::Error::other("the server did not restart")))
    }

    async fn spawn(&mut self) -> io::Result<()> {
        // INFO by default: DEBUG (6) also turns on asyncio's debug mode, which slows the
        // server several times over; set SALTYRTC_TEST_VERBOSITY=6 to debug a test.
        let verbosity = std::env::var("SALTYRTC_TEST_VERBOSITY")
            .ok()
            .filter(|v| matches!(v.as_str(), "1" | "2" | "3" | "4" | "5" | "6" | "7"))
            .unwrap_or_else(|| "5".to_owned());
        let mut child = Command::new(&self.executable)
            .args(["-v", verbosity.as_str(), "serve", "-h", "127.0.0.1", "-p"])
            .arg(self.port.to_string())
            .env("SALTYRTC_SAFETY_OFF", "yes-and-i-know-what-im-doing")
            // The key travels in the environment, not on the command line others can see.
            .env(
                "SALTYRTC_SERVER_SERVE_KEY",
                to_hex(self.permanent.secret_bytes().as_ref()),
            )
            .env("PYTHONUNBUFFERED", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("cannot run {}: {e}", self.executable.display()),
                )
            })?;
        let (started_tx, mut started) = watch::channel(false);
        let started_tx = Arc::new(started_tx);
        if let Some(stdout) = child.stdout.take() {
            tokio::spawn(collect(
                stdout,
                Arc::clone(&self.output),
                Arc::clone(&started_tx),
            ));
        }
        if let Some(stderr) = child.stderr.take() {
            tokio::spawn(collect(
                stderr,
                Arc::clone(&self.output),
                Arc::clone(&started_tx),
            ));
        }
        let waited = tokio::time::timeout(START_TIMEOUT, async {
            tokio::select! {
                result = started.wait_for(|s| *s) => result.is_ok(),
                _ = child.wait() => false,
            }
        })
        .await;
        match waited {
            Ok(true) => {
                self.child = Some(child);
                Ok(())
            }
            _ => {
                let _ = child.kill().await;
                Err(io::Error::other(format!(
                    "saltyrtc-server did not start on port {}; its output:\n{}",
                    self.port,
                    self.output().join("\n")
                )))
            }
        }
    }
}

async fn collect(
    stream: impl AsyncRead + Unpin,
    output: Arc<Mutex<VecDeque<String>>>,
    started: Arc<watch::Sender<bool>>,
) {
    let mut lines = BufReader::new(stream).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        if line.trim() == "Started" {
            started.send_replace(true);
        }
        let mut output = output.lock().unwrap_or_else(PoisonError::into_inner);
        if output.len() == KEPT_LINES {
            output.pop_front();
        }
        output.push_back(line);
    }
}

fn free_port() -> io::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}
