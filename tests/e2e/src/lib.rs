//! Helpers for the end-to-end tests: build the workspace once, run the `engine` binary, make
//! throwaway directories.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// `target/<profile>`, where the engine binary and every plugin library are built.
pub fn target_dir() -> PathBuf {
    // The test executable lives in target/<profile>/deps/.
    let exe = std::env::current_exe().expect("test executable path");
    exe.parent().and_then(Path::parent).expect("target/<profile>").to_path_buf()
}

/// Builds the engine and every plugin (once per test process), so `cargo test` alone suffices.
pub fn ensure_built() {
    static BUILT: OnceLock<()> = OnceLock::new();
    BUILT.get_or_init(|| {
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args(["build", "--workspace", "--quiet"]);
        if !cfg!(debug_assertions) {
            cmd.arg("--release");
        }
        let status = cmd.status().expect("run cargo build");
        assert!(status.success(), "cargo build --workspace failed");
    });
}

/// A fixture library built in the target directory.
pub fn fixture(name: &str) -> PathBuf {
    ensure_built();
    let path = target_dir().join(format!("{}{name}{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX));
    assert!(path.is_file(), "fixture {} is missing", path.display());
    path
}

/// A fresh empty directory for one test.
pub fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("engine-e2e-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Settings for a run that finishes in seconds: a tiny grid, few samples, a narrow model.
pub const TINY: &[&str] = &[
    "data.num_samples=24",
    "data.resolution=16",
    "data.num_frames=21",
    "data.reduced_resolution_t=1",
    "train.batch_size=6",
    "train.eval_batch_size=8",
    "train.initial_step=4",
    "train.t_train=8",
    "plugins.fno2d.width=8",
    "plugins.fno2d.modes1=4",
    "plugins.fno2d.modes2=4",
    "optim.lr=3e-3",
];

/// The engine binary, with ENGINE_* variables cleared so the environment cannot leak into tests.
pub fn engine() -> Command {
    ensure_built();
    let mut cmd = Command::new(target_dir().join("engine"));
    for (key, _) in std::env::vars() {
        if key.starts_with("ENGINE_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("RAYON_NUM_THREADS", "1");
    cmd
}

/// `engine run` with the tiny settings, a data cache and a runs root under `dir`, plus `extra` args.
pub fn tiny_run(dir: &Path, extra: &[&str]) -> Command {
    let mut cmd = engine();
    cmd.arg("run").arg("--runs").arg(dir.join("runs")).args(["--progress", "plain"]);
    for set in TINY {
        cmd.args(["--set", set]);
    }
    cmd.arg("--set").arg(format!("data.cache_dir={}", dir.join("cache").display()));
    cmd.args(extra);
    cmd
}

/// stdout and stderr of a finished command, as text.
pub fn texts(out: &Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The `error: ...` lines the engine printed.
pub fn error_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("error:")).collect()
}

/// Rows of a CSV file as maps from column to cell.
pub fn read_csv(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().expect("header").split(',').map(String::from).collect();
    lines.map(|l| header.iter().cloned().zip(l.split(',').map(String::from)).collect()).collect()
}

/// Lines of a JSON-lines file (metrics.jsonl: one object per optimizer step).
pub fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{} line {}: {e}", path.display(), i + 1)))
        .collect()
}

/// A number from a JSON object, by key; panics naming the key when it is missing.
pub fn num(line: &serde_json::Value, key: &str) -> f64 {
    line.get(key).and_then(serde_json::Value::as_f64).unwrap_or_else(|| panic!("`{key}` missing in {line}"))
}

/// Whether two floats agree to a relative tolerance.
pub fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs())
}

/// The root of the engine's repository (where the workspace Cargo.toml is).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

/// `engine sweep ARGS --out <dir>/sweep` from the repository root, with generated data cached
/// under `dir`.
pub fn sweep_cmd(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = engine();
    cmd.current_dir(repo_root()).arg("sweep").args(args).arg("--out").arg(dir.join("sweep"));
    // Generated data goes to the test's directory, not the repository's data-cache/.
    cmd.env("ENGINE_DATA__CACHE_DIR", dir.join("cache"));
    cmd
}

/// The checks every finished configs/sweeps/smoke.toml sweep passes (local or Slurm): a summary
/// per run, the table, the paired comparison, the plots, results.csv.
pub fn check_smoke_report(sweep: &Path) {
    use std::fs;
    let runs: Vec<_> = fs::read_dir(sweep.join("runs")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(runs.len(), 8, "{runs:?}");
    for run in &runs {
        let s: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("summary.json")).unwrap()).unwrap();
        assert!(s["best"]["test/nrmse"].as_f64().unwrap().is_finite(), "{}", run.display());
    }
    let report = fs::read_to_string(sweep.join("report.md")).unwrap();
    // The table: one row per data size, one column per scheduler, and persistence beside them.
    assert!(report.contains("| data.train_ratio | n train | constant-lr | tempbalance | persistence |"), "{report}");
    assert!(report.contains("| 0.25 | ") && report.contains("| 1.0 | "), "{report}");
    // The paired comparison with its statistics and a sentence per comparison.
    assert!(report.contains("### Against constant-lr (paired by seed)"), "{report}");
    assert!(report.contains("| 0.25 | tempbalance | 2 |"), "{report}");
    assert!(report.contains("data.train_ratio 0.25, tempbalance: "), "{report}");
    for plot in ["group1-metric-vs-size.png", "group1-gain-vs-size.png", "group1-val-curves.png"] {
        let bytes = fs::read(sweep.join("plots").join(plot)).unwrap();
        assert_eq!(&bytes[1..4], b"PNG", "{plot}");
    }
    let csv = read_csv(&sweep.join("results.csv"));
    assert_eq!(csv.len(), 8);
    assert!(csv.iter().all(|r| r["state"] == "done" && !r["best:test/nrmse"].is_empty()), "{csv:?}");
}


/// Runs a Python script with the test suite's Python libraries (h5py, tensorboard) from
/// `assets/python` (scripts/fetch-assets.sh installs them; `ENGINE_ASSETS_DIR` moves it); returns
/// what it printed.
pub fn python_with_assets(script: &str, args: &[&Path]) -> String {
    let assets = std::env::var_os("ENGINE_ASSETS_DIR").map(PathBuf::from).unwrap_or_else(|| repo_root().join("assets"));
    let lib = assets.join("python");
    assert!(lib.join("tensorboard").is_dir(), "{}: the test suite's Python libraries are missing; run scripts/fetch-assets.sh", lib.display());
    let out = Command::new("python3").env("PYTHONPATH", &lib).arg("-c").arg(script).args(args).output().expect("python3 runs");
    assert!(out.status.success(), "python script failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
