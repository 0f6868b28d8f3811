//! Where the official Python client lives (shared by the interop test and the benchmark).

use std::path::PathBuf;

/// The virtualenv's Python: `$XTASK_VENVS/trueconf` or `<workspace>/target/xtask/venvs/trueconf`
/// (created by `cargo xtask setup`). Panics with that advice when it is missing.
pub(crate) fn python() -> PathBuf {
    let venvs = std::env::var_os("XTASK_VENVS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/xtask/venvs"),
        PathBuf::from,
    );
    let python = venvs.join("trueconf").join("bin").join("python");
    assert!(
        python.exists(),
        "the Python peer is missing at {}: run `cargo xtask setup`",
        python.display()
    );
    python
}
