//! Architecture rules checked against `cargo metadata`:
//! every protocol crate depends on `transport-core` and on no other protocol crate.

use serde_json::Value;
use std::collections::BTreeSet;
use std::process::Command;

const PROTOCOL_CRATES: [&str; 5] = [
    "threema-arp",
    "threema-work",
    "e2e-ws-messenger",
    "signal-server-api",
    "trueconf-chatbot",
];

fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

/// Names of the normal and build dependencies (not dev-dependencies) of a package.
fn runtime_dependencies(package: &Value) -> BTreeSet<String> {
    package["dependencies"]
        .as_array()
        .expect("dependencies array")
        .iter()
        .filter(|d| d["kind"].is_null() || d["kind"] == "build")
        .map(|d| d["name"].as_str().expect("dependency name").to_owned())
        .collect()
}

#[test]
fn protocol_crates_depend_on_transport_core_and_on_no_other_protocol_crate() {
    let meta = metadata();
    let packages = meta["packages"].as_array().expect("packages array");
    let names: BTreeSet<&str> = packages.iter().filter_map(|p| p["name"].as_str()).collect();
    assert!(
        names.contains("transport-core"),
        "transport-core is a workspace member"
    );
    for krate in PROTOCOL_CRATES {
        let package = packages
            .iter()
            .find(|p| p["name"] == krate)
            .unwrap_or_else(|| panic!("{krate} is a workspace member"));
        let deps = runtime_dependencies(package);
        assert!(
            deps.contains("transport-core"),
            "{krate} must depend on transport-core, has {deps:?}"
        );
        for other in PROTOCOL_CRATES.iter().filter(|o| **o != krate) {
            assert!(!deps.contains(*other), "{krate} must not depend on {other}");
        }
    }
}

#[test]
fn transport_core_depends_on_no_protocol_crate() {
    let meta = metadata();
    let packages = meta["packages"].as_array().expect("packages array");
    let core = packages
        .iter()
        .find(|p| p["name"] == "transport-core")
        .expect("transport-core is a workspace member");
    let deps = runtime_dependencies(core);
    for krate in PROTOCOL_CRATES {
        assert!(
            !deps.contains(krate),
            "transport-core must not depend on {krate}"
        );
    }
}
