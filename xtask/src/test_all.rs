//! `cargo xtask test-all`: everything CI checks, in order, stopping at the first failure.

use crate::{run, setup};
use std::time::Instant;

const HELP: &str = "\
cargo xtask test-all [--no-setup]

Steps, in order (stops at the first failure):
  setup      cargo xtask setup (skipped with --no-setup)
  fmt        cargo fmt --all --check
  clippy     cargo clippy --workspace --all-targets --all-features -- -D warnings
  tests      cargo nextest run --workspace --all-features (cargo test when nextest is missing)
  doctests   cargo test --doc --workspace --all-features
  docs       RUSTDOCFLAGS='-D warnings' cargo doc --workspace --no-deps --all-features
  examples   cargo build --workspace --all-features --examples
  fuzz       cargo fmt --check and cargo clippy -D warnings on the fuzz/ workspace (outside the
             main workspace; its targets run on nightly in `cargo xtask fuzz`, type-checked here
             on the pinned toolchain so an API change cannot leave them broken unnoticed)
Ends with one line `test-all: N passed, N failed`.";

struct Step {
    name: &'static str,
    hint: &'static str,
    command: Box<dyn Fn() -> Result<(), String>>,
}

fn cargo_step(
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
) -> Box<dyn Fn() -> Result<(), String>> {
    Box::new(move || {
        let mut command = run::cargo();
        command.args(args);
        for (key, value) in env {
            command.env(key, value);
        }
        run::status(command)
    })
}

fn nextest_available() -> bool {
    let mut probe = run::cargo();
    probe
        .args(["nextest", "--version"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    probe.status().map(|s| s.success()).unwrap_or(false)
}

pub(crate) fn main(args: &[String]) -> Result<(), String> {
    if crate::wants_help(args, HELP) {
        return Ok(());
    }
    let with_setup = !args.iter().any(|a| a == "--no-setup");
    let mut steps: Vec<Step> = Vec::new();
    if with_setup {
        steps.push(Step {
            name: "setup",
            hint: "the test peers could not be installed; see the pip output above",
            command: Box::new(setup::ensure),
        });
    }
    steps.push(Step {
        name: "fmt",
        hint: "code is not formatted; run `cargo fmt --all`",
        command: cargo_step(&["fmt", "--all", "--check"], &[]),
    });
    steps.push(Step {
        name: "clippy",
        hint: "clippy reported warnings (denied); fix them",
        command: cargo_step(
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--all-features",
                "--",
                "-D",
                "warnings",
            ],
            &[],
        ),
    });
    steps.push(Step {
        name: "tests",
        hint: "a test failed; the failing test and its output are above",
        command: Box::new(|| {
            let mut command = run::cargo();
            if nextest_available() {
                command.args([
                    "nextest",
                    "run",
                    "--workspace",
                    "--all-features",
                    "--no-fail-fast",
                ]);
            } else {
                command.args([
                    "test",
                    "--workspace",
                    "--all-features",
                    "--lib",
                    "--bins",
                    "--tests",
                    "--examples",
                    "--no-fail-fast",
                ]);
            }
            command.env("XTASK_VENVS", setup::venvs_dir());
            run::status(command)
        }),
    });
    steps.push(Step {
        name: "doctests",
        hint: "a documentation example failed",
        command: cargo_step(&["test", "--doc", "--workspace", "--all-features"], &[]),
    });
    steps.push(Step {
        name: "docs",
        hint: "rustdoc reported warnings (denied): broken links or missing docs",
        command: cargo_step(
            &["doc", "--workspace", "--no-deps", "--all-features"],
            &[("RUSTDOCFLAGS", "-D warnings")],
        ),
    });
    steps.push(Step {
        name: "examples",
        hint: "an example does not build",
        command: cargo_step(
            &["build", "--workspace", "--all-features", "--examples"],
            &[],
        ),
    });
    steps.push(Step {
        name: "fuzz",
        hint: "the fuzz targets are not formatted or do not type-check against the crates",
        command: Box::new(|| {
            let manifest = run::root().join("fuzz").join("Cargo.toml");
            let mut fmt = run::cargo();
            fmt.arg("fmt")
                .arg("--manifest-path")
                .arg(&manifest)
                .arg("--check");
            run::status(fmt)?;
            let mut clippy = run::cargo();
            clippy
                .arg("clippy")
                .arg("--manifest-path")
                .arg(&manifest)
                .args(["--bins", "--", "-D", "warnings"])
                .env(
                    "CARGO_TARGET_DIR",
                    run::root().join("target").join("fuzz-check"),
                );
            run::status(clippy)
        }),
    });

    let total = steps.len();
    let mut passed = 0usize;
    let started = Instant::now();
    for step in &steps {
        println!("test-all: [{}/{total}] {}", passed + 1, step.name);
        let t = Instant::now();
        match (step.command)() {
            Ok(()) => {
                passed += 1;
                println!("test-all: {} ok ({:.1?})", step.name, t.elapsed());
            }
            Err(error) => {
                eprintln!("test-all: step `{}` FAILED: {}", step.name, step.hint);
                eprintln!("test-all: {error}");
                let not_run = total - passed - 1;
                println!(
                    "test-all: {passed} passed, 1 failed ({} failed; {not_run} not run; {:.0?})",
                    step.name,
                    started.elapsed()
                );
                return Err(format!("step `{}` failed", step.name));
            }
        }
    }
    println!(
        "test-all: {passed} passed, 0 failed ({:.0?})",
        started.elapsed()
    );
    Ok(())
}
