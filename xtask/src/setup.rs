//! `cargo xtask setup`: everything tests and benchmarks need beyond cargo, installed by the
//! project's own files, idempotently.
//!
//! Today that is one Python virtualenv (`target/xtask/venv`) with the packages listed in
//! `xtask/python/requirements.txt` (real peers: the SaltyRTC server, the official TrueConf bot
//! client). Packages are reinstalled only when that file changes.

use crate::run;
use std::path::PathBuf;
use std::process::Command;

const HELP: &str = "\
cargo xtask setup

Creates target/xtask/venv (python3 -m venv) if needed and installs
xtask/python/requirements.txt into it when that file changed since the last setup.
Tests find the virtualenv through $XTASK_VENV or at target/xtask/venv.";

/// The virtualenv the tests and benchmarks use.
pub(crate) fn venv_dir() -> PathBuf {
    run::root().join("target").join("xtask").join("venv")
}

pub(crate) fn main(args: &[String]) -> Result<(), String> {
    if crate::wants_help(args, HELP) {
        return Ok(());
    }
    ensure()
}

/// Makes sure the virtualenv exists and holds the current requirements.
pub(crate) fn ensure() -> Result<(), String> {
    let root = run::root();
    let requirements = root.join("xtask").join("python").join("requirements.txt");
    let wanted = std::fs::read_to_string(&requirements)
        .map_err(|e| format!("cannot read {}: {e}", requirements.display()))?;
    let venv = venv_dir();
    let python = venv.join("bin").join("python");
    if !python.exists() {
        if !run::probe("python3", &["--version"]) {
            return Err("python3 is not installed; it is needed for the integration peers".into());
        }
        println!("setup: creating virtualenv {}", venv.display());
        let mut create = Command::new("python3");
        create.args(["-m", "venv"]).arg(&venv);
        run::status(create)?;
    }
    let stamp = venv.join(".requirements-installed");
    let installed = std::fs::read_to_string(&stamp).unwrap_or_default();
    if installed == wanted {
        println!("setup: virtualenv up to date ({})", venv.display());
        return Ok(());
    }
    println!("setup: installing {}", requirements.display());
    let mut pip = Command::new(&python);
    pip.args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-r",
    ])
    .arg(&requirements)
    .current_dir(root.join("xtask").join("python"));
    run::status(pip)?;
    let post = root.join("xtask").join("python").join("post_install.py");
    if post.exists() {
        let mut fix = Command::new(&python);
        fix.arg(&post);
        run::status(fix)?;
    }
    std::fs::write(&stamp, wanted).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    println!("setup: done");
    Ok(())
}
