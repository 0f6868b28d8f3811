//! `cargo xtask fuzz`: every cargo-fuzz target for a fixed number of executions.

use crate::run;
use std::process::{Command, Stdio};
use std::time::Instant;

const HELP: &str = "\
cargo xtask fuzz [--smoke | --long | --runs N] [--sanitizer S] [TARGET...]

Runs each target of the fuzz/ cargo-fuzz project (or the named ones) with the nightly
toolchain for a fixed number of executions, starting from fuzz/seeds/<target> (committed) and
fuzz/corpus/<target> (the growing working corpus, not committed), and prints a table of
executions, time and outcome.

  --smoke     10,000 executions per target (the default)
  --long      1,000,000 executions per target; each target's row in docs/reliability.md is
              replaced as soon as it finishes (named targets only update their rows)
  --runs N    N executions per target
  --sanitizer S
              address (the default) or none. Our crates forbid unsafe code, so a memory
              error could only come from a dependency; without ASan the slow targets run
              several times faster (see docs/reliability.md), which is what makes their
              1,000,000-execution runs fit a session. The sanitizer is recorded in each row's outcome.

Installs cargo-fuzz (cargo install cargo-fuzz --locked) when it is missing. Not part of
test-all: the first sanitizer build of the fuzz workspace alone takes several minutes on a
2-core machine. A crash leaves its input in fuzz/artifacts/<target>/ and fails the task.";

struct Outcome {
    target: String,
    runs: Option<u64>,
    seconds: f64,
    ok: bool,
    note: String,
    date: String,
}

const TABLE_HEAD: &str =
    "| target | executions | seconds | outcome | date |\n|---|---|---|---|---|\n";

impl Outcome {
    fn row(&self) -> String {
        format!(
            "| `{}` | {} | {:.0} | {} | {} |\n",
            self.target,
            self.runs.map_or_else(|| "—".to_owned(), |r| r.to_string()),
            self.seconds,
            self.note,
            self.date
        )
    }
}

/// Rewrites the figures in docs/reliability.md: rows of the targets just run replace their old
/// rows, the others stay.
fn record_long(outcomes: &[Outcome], runs: u64) -> Result<(), String> {
    let path = run::root().join("docs").join("reliability.md");
    let previous = std::fs::read_to_string(&path).unwrap_or_default();
    let rows = merge_rows(&previous, outcomes);
    let generated = format!(
        "`cargo xtask fuzz --long`: {runs} executions per target (seed 1, starting from the \
         committed seeds), time including the build, and the date of each target's last run:\n\n\
         {TABLE_HEAD}{rows}"
    );
    std::fs::write(&path, run::splice(&previous, "fuzz", &generated))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("fuzz: figures written to {}", path.display());
    Ok(())
}

/// The table rows already in `previous` (lines starting with "| `"), with the rows of
/// `outcomes` replacing those of the same target and new targets appended.
fn merge_rows(previous: &str, outcomes: &[Outcome]) -> String {
    let name_of = |line: &str| {
        line.strip_prefix("| `")
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let mut rows: Vec<(String, String)> = previous
        .lines()
        .filter_map(|line| name_of(line).map(|name| (name, format!("{line}\n"))))
        .filter(|(name, _)| !name.is_empty())
        .collect();
    // Only rows of the generated table (inside the markers) are of interest; the target list
    // above also starts with "| `", so keep the rows that have the generated shape.
    rows.retain(|(_, line)| line.matches(" | ").count() == 4);
    for o in outcomes {
        let row = o.row();
        match rows.iter_mut().find(|(name, _)| *name == o.target) {
            Some(slot) => slot.1 = row,
            None => rows.push((o.target.clone(), row)),
        }
    }
    rows.into_iter().map(|(_, row)| row).collect()
}

fn targets() -> Result<Vec<String>, String> {
    let manifest = run::root().join("fuzz").join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest)
        .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    let mut names = Vec::new();
    let mut in_bin = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
        } else if in_bin && let Some(value) = line.strip_prefix("name") {
            let name = value
                .trim_start_matches([' ', '='])
                .trim()
                .trim_matches('"');
            names.push(name.to_owned());
        }
    }
    Ok(names)
}

fn ensure_cargo_fuzz() -> Result<(), String> {
    if !run::probe("cargo", &["+nightly", "--version"]) {
        return Err(
            "the nightly toolchain is needed for cargo fuzz (rustup toolchain list)".into(),
        );
    }
    if run::probe("cargo", &["+nightly", "fuzz", "--version"]) {
        return Ok(());
    }
    println!("fuzz: installing cargo-fuzz");
    let mut install = Command::new("cargo");
    install.args(["install", "cargo-fuzz", "--locked"]);
    run::status(install)
}

/// The number after "Done " in libFuzzer's final line ("Done 10000 runs in 3 second(s)").
fn parse_runs(output: &str) -> Option<u64> {
    output
        .lines()
        .rev()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Done ")
                .and_then(|r| r.split_whitespace().next())
        })
        .and_then(|n| n.parse().ok())
}

fn fuzz_one(target: &str, runs: u64, sanitizer: &str) -> Outcome {
    let root = run::root();
    let corpus = root.join("fuzz").join("corpus").join(target);
    let seeds = root.join("fuzz").join("seeds").join(target);
    let _ = std::fs::create_dir_all(&corpus);
    let mut command = Command::new("cargo");
    command
        .current_dir(&root)
        .args(["+nightly", "fuzz", "run", "--sanitizer", sanitizer, target])
        .arg(&corpus);
    if seeds.is_dir() {
        command.arg(&seeds);
    }
    command
        .args([
            "--",
            &format!("-runs={runs}"),
            "-seed=1",
            "-print_final_stats=1",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    println!("fuzz: {target}: {runs} executions");
    let started = Instant::now();
    let output = match command.output() {
        Ok(o) => o,
        Err(e) => {
            return Outcome {
                target: target.to_owned(),
                runs: None,
                seconds: 0.0,
                ok: false,
                note: format!("could not start cargo fuzz: {e}"),
                date: run::today(),
            };
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let done = parse_runs(&text);
    let ok = output.status.success() && done.is_some();
    let note = if ok {
        format!("no crash (sanitizer: {sanitizer})")
    } else {
        // Show the end of the output: the crash report or the build error.
        let tail: Vec<&str> = text.lines().rev().take(25).collect();
        eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
        if text.contains("failed to build fuzz script") {
            format!("BUILD FAILED ({})", output.status)
        } else {
            format!("FAILED ({}); see fuzz/artifacts/{target}/", output.status)
        }
    };
    Outcome {
        target: target.to_owned(),
        runs: done,
        seconds,
        ok,
        note,
        date: run::today(),
    }
}

pub(crate) fn main(args: &[String]) -> Result<(), String> {
    if crate::wants_help(args, HELP) {
        return Ok(());
    }
    let mut runs = 10_000u64;
    let mut long = false;
    let mut sanitizer = "address".to_owned();
    let mut wanted = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--smoke" => runs = 10_000,
            "--long" => {
                runs = 1_000_000;
                long = true;
            }
            "--runs" => {
                runs = iter
                    .next()
                    .and_then(|n| n.replace('_', "").parse().ok())
                    .ok_or("--runs takes a number")?;
            }
            "--sanitizer" => {
                sanitizer = match iter.next().map(String::as_str) {
                    Some(s @ ("address" | "none")) => s.to_owned(),
                    _ => return Err("--sanitizer takes `address` or `none`".into()),
                };
            }
            other if other.starts_with("--") => return Err(format!("unknown option `{other}`")),
            other => wanted.push(other.to_owned()),
        }
    }
    let all = targets()?;
    for name in &wanted {
        if !all.contains(name) {
            return Err(format!(
                "unknown target `{name}`; known: {}",
                all.join(", ")
            ));
        }
    }
    ensure_cargo_fuzz()?;
    // Named targets run in the order given; all of them in the manifest's order.
    let chosen: Vec<&String> = if wanted.is_empty() {
        all.iter().collect()
    } else {
        wanted.iter().collect()
    };
    let mut outcomes: Vec<Outcome> = Vec::new();
    for target in chosen {
        outcomes.push(fuzz_one(target, runs, &sanitizer));
        if long {
            // After every target, so an interrupted long run keeps what it measured.
            record_long(&outcomes, runs)?;
        }
    }
    let mut table = String::from(TABLE_HEAD);
    for o in &outcomes {
        table.push_str(&o.row());
    }
    println!("\n{table}");
    let failed: Vec<&str> = outcomes
        .iter()
        .filter(|o| !o.ok)
        .map(|o| o.target.as_str())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed: {}", failed.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::{Outcome, merge_rows, parse_runs};

    fn outcome(target: &str, runs: u64) -> Outcome {
        Outcome {
            target: target.to_owned(),
            runs: Some(runs),
            seconds: 1.0,
            ok: true,
            note: "no crash".to_owned(),
            date: "today".to_owned(),
        }
    }

    #[test]
    fn long_rows_replace_their_target_and_keep_the_others() {
        let previous = "| `a` | crate | feeds | asserts |\n\
            <!-- fuzz:begin -->\n\
            | `a` | 5 | 2 | no crash | 2026-01-01 |\n\
            | `b` | 7 | 3 | no crash | 2026-01-01 |\n\
            <!-- fuzz:end -->\n";
        let rows = merge_rows(previous, &[outcome("b", 9), outcome("c", 4)]);
        let lines: Vec<&str> = rows.lines().collect();
        assert_eq!(lines.len(), 3, "{rows}");
        assert_eq!(lines[0], "| `a` | 5 | 2 | no crash | 2026-01-01 |");
        assert!(lines[1].starts_with("| `b` | 9 | 1 | no crash |"), "{rows}");
        assert!(lines[2].starts_with("| `c` | 4 |"), "{rows}");
    }

    #[test]
    fn reads_libfuzzer_final_line() {
        let out = "#10000\tDONE   cov: 12 ft: 40\nDone 10000 runs in 3 second(s)\nstat::number_of_executed_units: 10000\n";
        assert_eq!(parse_runs(out), Some(10_000));
        assert_eq!(parse_runs("==1==ERROR: AddressSanitizer"), None);
    }
}
