//! The CI sweep (configs/sweeps/smoke.toml) as a Slurm job array on a real single-node Slurm:
//! tests/slurm/cluster.sh installs Slurm and munge when missing (Debian packages; .ci/run installs
//! them beforehand), starts munged, slurmctld and slurmd on localhost, and stops them afterwards.

use engine_e2e::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A running cluster, stopped when dropped (also when the test fails).
struct Cluster {
    state: PathBuf,
    conf: PathBuf,
}

impl Cluster {
    fn start(state: &Path) -> Self {
        let out = Command::new(repo_root().join("tests/slurm/cluster.sh")).arg("start").arg(state).output().unwrap();
        let (stdout, stderr) = texts(&out);
        assert!(out.status.success(), "cluster did not start: {stderr}{stdout}");
        Cluster { state: state.to_path_buf(), conf: state.join("slurm.conf") }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new(repo_root().join("tests/slurm/cluster.sh")).arg("stop").arg(&self.state).status();
    }
}

#[test]
fn smoke_sweep_as_a_job_array_on_a_real_slurm() {
    let dir = temp_dir("sweep-slurm");
    // Without Slurm's client on PATH: one line, nothing submitted.
    let out = sweep_cmd(&dir, &["configs/sweeps/smoke.toml", "--executor", "slurm"]).env("PATH", "/nonexistent").output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(!out.status.success());
    let lines = error_lines(&stderr);
    assert!(lines.len() == 1 && lines[0].contains("sbatch not found"), "{stderr}");
    // --emit-only writes the script and submits nothing.
    let out = sweep_cmd(&dir, &["configs/sweeps/smoke.toml", "--executor", "slurm", "--emit-only"]).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let script = std::fs::read_to_string(stdout.trim().lines().last().unwrap()).unwrap();
    assert!(script.contains("#SBATCH --array=0-7") && script.contains("--point \"$point\""), "{script}");

    let cluster = Cluster::start(&dir.join("slurm"));
    let out = sweep_cmd(&dir, &["configs/sweeps/smoke.toml", "--executor", "slurm", "--wait"]).env("SLURM_CONF", &cluster.conf).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}\n{stdout}");
    assert!(stdout.contains("submitted job ") && stdout.contains("8 array tasks"), "{stdout}");
    let sweep = dir.join("sweep");
    check_smoke_report(&sweep);
    // Each array task wrote its Slurm log; the report is the local report's.
    let slurm_logs = std::fs::read_dir(sweep.join("logs")).unwrap().filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("slurm-")).count();
    assert_eq!(slurm_logs, 8);
    // Re-submitting a finished sweep submits nothing.
    let out = sweep_cmd(&dir, &["configs/sweeps/smoke.toml", "--executor", "slurm"]).env("SLURM_CONF", &cluster.conf).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("nothing to submit"), "{stdout}");
    // And `engine sweep report` rewrites the same report from the directory alone.
    let report_before = std::fs::read_to_string(sweep.join("report.md")).unwrap();
    let out = engine().current_dir(repo_root()).args(["sweep", "report"]).arg(&sweep).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    assert_eq!(std::fs::read_to_string(sweep.join("report.md")).unwrap(), report_before);
}
