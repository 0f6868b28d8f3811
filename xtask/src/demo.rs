//! `cargo xtask demo`: each protocol crate's demo example against its own fake server.

use crate::run;

const HELP: &str = "\
cargo xtask demo [CRATE...]

Runs `examples/demo.rs` of each protocol crate (or of the named ones) with the `testkit`
feature: the example starts the crate's own fake server on 127.0.0.1, talks to it through the
crate's client and prints what happened. A crate without a demo says so in one line.";

pub(crate) fn main(args: &[String]) -> Result<(), String> {
    if crate::wants_help(args, HELP) {
        return Ok(());
    }
    let wanted: Vec<&str> = args.iter().map(String::as_str).collect();
    for name in &wanted {
        if !run::PROTOCOL_CRATES.contains(name) {
            return Err(format!(
                "unknown crate `{name}`; known: {}",
                run::PROTOCOL_CRATES.join(", ")
            ));
        }
    }
    let mut failed = Vec::new();
    let mut ran = 0usize;
    for krate in run::PROTOCOL_CRATES {
        if !wanted.is_empty() && !wanted.contains(&krate) {
            continue;
        }
        let example = run::root()
            .join("crates")
            .join(krate)
            .join("examples")
            .join("demo.rs");
        if !example.exists() {
            println!("{krate}: no demo yet (its fake server and example land with its issue)");
            continue;
        }
        println!("== {krate}: examples/demo.rs against its fake server ==");
        let mut command = run::cargo();
        command.args([
            "run",
            "--quiet",
            "-p",
            krate,
            "--features",
            "testkit",
            "--example",
            &format!("{krate}-demo"),
        ]);
        command.env("XTASK_VENVS", crate::setup::venvs_dir());
        ran += 1;
        match run::status(command) {
            Ok(()) => println!("{krate}: demo ok"),
            Err(error) => {
                println!("{krate}: demo FAILED: {error}");
                failed.push(krate);
            }
        }
    }
    println!("demo: {ran} run, {} failed", failed.len());
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("demos failed: {}", failed.join(", ")))
    }
}
