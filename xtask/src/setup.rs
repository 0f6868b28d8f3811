//! `cargo xtask setup`: everything tests and benchmarks need beyond cargo, installed by the
//! project's own files, idempotently.
//!
//! Each directory `xtask/python/<peer>/` describes one real peer used by integration tests or
//! benchmarks:
//!
//! - `requirements.txt`: installed into its own virtualenv `target/xtask/venvs/<peer>` (peers
//!   pin conflicting versions of the same packages, so they do not share one);
//! - `debian-packages.txt` (optional): system libraries the packages load, installed with
//!   `apt-get` when missing (as root) — a fresh machine may not have them;
//! - `sitecustomize.py` (optional): copied into the virtualenv's site-packages.
//!
//! A peer is reinstalled only when its files change.

use crate::run;
use std::path::{Path, PathBuf};
use std::process::Command;

const HELP: &str = "\
cargo xtask setup

For every peer directory xtask/python/<peer>/: installs the Debian packages it lists (when
missing), creates target/xtask/venvs/<peer> and installs its requirements.txt (and
sitecustomize.py) when they changed since the last setup. Tests find the virtualenvs through
$XTASK_VENVS or at target/xtask/venvs.";

/// The directory holding one virtualenv per peer.
pub(crate) fn venvs_dir() -> PathBuf {
    run::root().join("target").join("xtask").join("venvs")
}

pub(crate) fn main(args: &[String]) -> Result<(), String> {
    if crate::wants_help(args, HELP) {
        return Ok(());
    }
    ensure()
}

/// Makes sure every peer's virtualenv exists and is current.
pub(crate) fn ensure() -> Result<(), String> {
    let peers_dir = run::root().join("xtask").join("python");
    let mut peers: Vec<PathBuf> = std::fs::read_dir(&peers_dir)
        .map_err(|e| format!("cannot read {}: {e}", peers_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("requirements.txt").exists())
        .collect();
    peers.sort();
    if !run::probe("python3", &["--version"]) {
        return Err("python3 is not installed; it is needed for the integration peers".into());
    }
    for peer in peers {
        ensure_peer(&peer)?;
    }
    Ok(())
}

fn ensure_peer(peer: &Path) -> Result<(), String> {
    let name = peer
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let read = |file: &str| std::fs::read_to_string(peer.join(file)).unwrap_or_default();
    let (requirements, packages, site) = (
        read("requirements.txt"),
        read("debian-packages.txt"),
        read("sitecustomize.py"),
    );
    ensure_debian_packages(&name, &packages)?;

    let venv = venvs_dir().join(&name);
    let python = venv.join("bin").join("python");
    let wanted = format!("{requirements}\n--\n{site}");
    let stamp = venv.join(".xtask-installed");
    if python.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        println!("setup: {name}: up to date ({})", venv.display());
        return Ok(());
    }
    if !python.exists() {
        println!("setup: {name}: creating virtualenv {}", venv.display());
        let mut create = Command::new("python3");
        create.args(["-m", "venv"]).arg(&venv);
        run::status(create)?;
    }
    println!(
        "setup: {name}: installing {}",
        peer.join("requirements.txt").display()
    );
    let mut pip = Command::new(&python);
    pip.args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-r",
    ])
    .arg(peer.join("requirements.txt"));
    run::status(pip)?;
    if !site.is_empty() {
        let site_packages = run::output({
            let mut c = Command::new(&python);
            c.args([
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            ]);
            c
        })?;
        let target = PathBuf::from(site_packages.trim()).join("sitecustomize.py");
        std::fs::write(&target, &site)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    std::fs::write(&stamp, wanted).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    println!("setup: {name}: done");
    Ok(())
}

/// Installs the listed Debian packages that are not installed yet.
fn ensure_debian_packages(peer: &str, list: &str) -> Result<(), String> {
    let missing: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|pkg| !debian_package_installed(pkg))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !run::probe("apt-get", &["--version"]) {
        return Err(format!(
            "{peer} needs the system packages {} and apt-get is not available; install them by hand",
            missing.join(" ")
        ));
    }
    println!(
        "setup: {peer}: installing Debian packages {}",
        missing.join(" ")
    );
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut c = if sudo {
            Command::new("sudo")
        } else {
            Command::new("apt-get")
        };
        if sudo {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    // The package lists may be missing on a fresh machine; an install failure retries after an update.
    let mut install = apt(&["install", "-y", "-q"]);
    install.args(&missing);
    if run::status(install).is_err() {
        run::status(apt(&["update", "-q"]))?;
        let mut again = apt(&["install", "-y", "-q"]);
        again.args(&missing);
        run::status(again)?;
    }
    Ok(())
}

fn debian_package_installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

fn is_root() -> bool {
    run::output({
        let mut c = Command::new("id");
        c.arg("-u");
        c
    })
    .map(|s| s.trim() == "0")
    .unwrap_or(false)
}
