//! Developer tasks for the messenger SDK workspace.
//!
//! Run `cargo xtask --help` for the list. The tasks only use the standard library and the
//! programs they drive (cargo, python3), so they work on a fresh machine.

mod bench;
mod demo;
mod fuzz;
mod run;
mod setup;
mod test_all;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <task> [options]

Tasks:
  setup       Install what the tests need (idempotent): a Python virtualenv with the
              real peers used by integration tests and benchmarks.
  test-all    Everything CI checks, in order, stopping at the first failure:
              setup, fmt, clippy (-D warnings), tests, doc tests, docs (-D warnings),
              examples. Ends with `test-all: N passed, N failed`.
  demo        Run each protocol crate's demo example against that crate's own fake server.
  bench       Run the benchmarks and print a table of figures, baselines and ratios.
  fuzz        Run every fuzz target for a fixed number of executions (--smoke, --long).
  help        This text.

Run `cargo xtask <task> --help` for the options of one task.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((task, rest)) = args.split_first() else {
        eprintln!("{HELP}");
        return ExitCode::from(2);
    };
    let result = match task.as_str() {
        "setup" => setup::main(rest),
        "test-all" => test_all::main(rest),
        "demo" => demo::main(rest),
        "bench" => bench::main(rest),
        "fuzz" => fuzz::main(rest),
        "help" | "--help" | "-h" => {
            println!("{HELP}");
            Ok(())
        }
        other => Err(format!(
            "unknown task `{other}`; run `cargo xtask --help` for the list"
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// True when the options ask for help; prints `help` in that case.
pub(crate) fn wants_help(args: &[String], help: &str) -> bool {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{help}");
        true
    } else {
        false
    }
}
