//! `cargo xtask bench`: the single entry point for benchmarks.
//!
//! Every benchmark is a `harness = false` bench target in some crate (`crates/*/benches/*.rs`).
//! It measures our figure and its baseline in the same run and prints one line per figure:
//!
//! ```text
//! @bench<TAB>figure<TAB>ours<TAB>baseline<TAB>ratio<TAB>goal<TAB>met
//! ```
//!
//! where `met` is `yes` or `no`. This task collects the lines, prints one table and writes it to
//! `docs/benchmarks.md` with the date and a description of the machine.

use crate::run;
use std::path::PathBuf;

const HELP: &str = "\
cargo xtask bench [--quick] [FILTER...]

Runs every bench target (crates/*/benches/*.rs) in release mode, or only those whose
`<crate>/<bench>` name contains one of the FILTERs, then (not with --quick) one clean
`cargo build -p <crate>` per protocol crate (filter name `build/<crate>`), and prints a table:
figure, ours, baseline, ratio, goal, met. --quick passes --quick to each bench (smaller
workloads, the whole run under two minutes). The table is written to docs/benchmarks.md
(docs/benchmarks-quick.md for --quick).";

/// One row of the table.
struct Row {
    figure: String,
    ours: String,
    baseline: String,
    ratio: String,
    goal: String,
    met: String,
}

fn bench_targets() -> Vec<(String, String)> {
    let mut targets = Vec::new();
    let crates = run::root().join("crates");
    let Ok(entries) = std::fs::read_dir(&crates) else {
        return targets;
    };
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.sort();
    for dir in dirs {
        let Some(krate) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        let Ok(benches) = std::fs::read_dir(dir.join("benches")) else {
            continue;
        };
        let mut names: Vec<String> = benches
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".rs").map(str::to_owned)
            })
            .collect();
        names.sort();
        for name in names {
            targets.push((krate.clone(), name));
        }
    }
    targets
}

/// Clean `cargo build -p <crate>` against the clean build of its dependencies alone, for each
/// protocol crate, in a scratch target directory.
///
/// One build per crate, with `--message-format=json`: cargo cannot start compiling the crate
/// before every dependency is built, so the moment the last dependency's artifact is reported is
/// exactly what a build of the dependencies alone would take; the crate's own artifact ends the
/// total.
fn build_times(filters: &[&str]) -> (Vec<Row>, Vec<String>) {
    let scratch = run::root().join("target").join("xtask").join("build-bench");
    let (mut rows, mut failures) = (Vec::new(), Vec::new());
    for krate in run::PROTOCOL_CRATES {
        let name = format!("build/{krate}");
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f)) {
            continue;
        }
        println!("bench: clean build of {krate}");
        let _ = std::fs::remove_dir_all(&scratch);
        let lib_name = krate.replace('-', "_");
        let started = std::time::Instant::now();
        let mut deps_done = std::time::Duration::ZERO;
        let mut total = None;
        let mut command = run::cargo();
        command
            .args(["build", "--quiet", "-p", krate, "--message-format=json"])
            .env("CARGO_TARGET_DIR", &scratch)
            .stdout(std::process::Stdio::piped());
        let mut child = match command.spawn() {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{name}: cannot start cargo: {e}"));
                continue;
            }
        };
        if let Some(stdout) = child.stdout.take() {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if !line.contains("\"reason\":\"compiler-artifact\"") {
                    continue;
                }
                let ours = line.contains(&format!("\"name\":\"{lib_name}\""))
                    && line.contains(&format!("/crates/{krate}/"));
                if ours {
                    total = Some(started.elapsed());
                } else {
                    deps_done = started.elapsed();
                }
            }
        }
        let ok = child.wait().map(|s| s.success()).unwrap_or(false);
        let _ = std::fs::remove_dir_all(&scratch);
        match (ok, total) {
            (true, Some(total)) if !deps_done.is_zero() => {
                let ratio = total.as_secs_f64() / deps_done.as_secs_f64();
                rows.push(Row {
                    figure: format!("clean `cargo build -p {krate}` vs its dependencies alone"),
                    ours: format!("{:.1} s", total.as_secs_f64()),
                    baseline: format!("{:.1} s", deps_done.as_secs_f64()),
                    ratio: format!("{ratio:.2}"),
                    goal: "≤ 1.5".into(),
                    met: if ratio <= 1.5 { "yes" } else { "no" }.into(),
                });
            }
            _ => failures.push(format!(
                "{name}: the build failed or reported no artifact for the crate"
            )),
        }
    }
    (rows, failures)
}

fn parse_rows(stdout: &str) -> Vec<Row> {
    stdout
        .lines()
        .filter_map(|line| line.strip_prefix("@bench\t"))
        .filter_map(|rest| {
            let f: Vec<&str> = rest.split('\t').collect();
            (f.len() == 6).then(|| Row {
                figure: f[0].to_owned(),
                ours: f[1].to_owned(),
                baseline: f[2].to_owned(),
                ratio: f[3].to_owned(),
                goal: f[4].to_owned(),
                met: f[5].to_owned(),
            })
        })
        .collect()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map(|kb| format!("{:.1} GiB RAM", kb as f64 / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown RAM".into());
    let kernel = run::output({
        let mut c = std::process::Command::new("uname");
        c.args(["-srm"]);
        c
    })
    .map(|s| s.trim().to_owned())
    .unwrap_or_else(|_| std::env::consts::OS.to_owned());
    format!("{cpu}, {cores} cores, {memory}, {kernel}")
}

fn table(rows: &[Row]) -> String {
    let header = ["figure", "ours", "baseline", "ratio", "goal", "met"];
    let cells: Vec<[&str; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.figure.as_str(),
                &r.ours,
                &r.baseline,
                &r.ratio,
                &r.goal,
                &r.met,
            ]
        })
        .collect();
    let mut out = format!(
        "| {} |\n|{}\n",
        header.join(" | "),
        "---|".repeat(header.len())
    );
    for c in cells {
        out.push_str(&format!("| {} |\n", c.join(" | ")));
    }
    out
}

pub(crate) fn main(args: &[String]) -> Result<(), String> {
    if crate::wants_help(args, HELP) {
        return Ok(());
    }
    let quick = args.iter().any(|a| a == "--quick");
    let filters: Vec<&str> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(String::as_str)
        .collect();
    let targets: Vec<(String, String)> = bench_targets()
        .into_iter()
        .filter(|(k, b)| {
            let full = format!("{k}/{b}");
            filters.is_empty() || filters.iter().any(|f| full.contains(f))
        })
        .collect();
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    let run_started = std::time::Instant::now();
    for (krate, bench) in &targets {
        let bench_started = std::time::Instant::now();
        println!(
            "bench: running {krate}/{bench}{}",
            if quick { " (quick)" } else { "" }
        );
        let mut command = run::cargo();
        // All features: rows that need a crate's fake server (feature `testkit`) are measured too.
        command.args([
            "bench",
            "--quiet",
            "--all-features",
            "-p",
            krate,
            "--bench",
            bench,
            "--",
        ]);
        if quick {
            command.arg("--quick");
        }
        command.env("XTASK_VENVS", crate::setup::venvs_dir());
        match run::output(command) {
            Ok(stdout) => {
                let found = parse_rows(&stdout);
                if found.is_empty() {
                    failures.push(format!("{krate}/{bench}: printed no @bench lines"));
                }
                rows.extend(found);
            }
            Err(error) => failures.push(format!("{krate}/{bench}: {error}")),
        }
        println!(
            "bench: {krate}/{bench} took {:.1} s",
            bench_started.elapsed().as_secs_f64()
        );
    }
    if quick {
        println!(
            "bench: clean-build figures are skipped in --quick mode (one clean build per crate)"
        );
    } else {
        let (build_rows, build_failures) = build_times(&filters);
        rows.extend(build_rows);
        failures.extend(build_failures);
    }
    let rendered = if rows.is_empty() {
        "no benchmarks registered yet (each lands with its crate's issue)\n".to_owned()
    } else {
        table(&rows)
    };
    println!("\n{rendered}");
    let mode = if quick { "quick" } else { "full" };
    let file = if quick {
        "benchmarks-quick.md"
    } else {
        "benchmarks.md"
    };
    let took = run_started.elapsed().as_secs_f64();
    println!("bench: {mode} run took {took:.0} s");
    let mut generated = format!(
        "Generated by `cargo xtask bench{}` on {} ({mode} run, {took:.0} s).\n\nMachine: {}\n\n{rendered}",
        if quick { " --quick" } else { "" },
        run::today(),
        machine()
    );
    if !failures.is_empty() {
        generated.push_str("\nBenchmarks that failed to run:\n\n");
        for f in &failures {
            generated.push_str(&format!("- {f}\n"));
        }
    }
    if filters.is_empty() {
        let path = run::root().join("docs").join(file);
        let previous = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::write(&path, run::splice(&previous, "bench", &generated))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("bench: table written to {}", path.display());
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}
