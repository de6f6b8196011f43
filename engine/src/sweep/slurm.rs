//! The Slurm executor: one sbatch job array, one array task per pending grid point. Task i runs
//! `engine sweep <sweep dir>/sweep.toml --out <sweep dir> --point <name>` for the i-th name of the
//! job's list (slurm/job-N.points), which does exactly
//! what a local sweep does for that point (skip when done, resume from a checkpoint, record a
//! failure), so local and Slurm sweeps share one directory format and one report.

use super::spec::{Point, Sweep};
use super::{PointState, SweepDir};
use crate::error::{io_err, EngineError, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The job script for the pending points, written to `<sweep dir>/slurm/job-<n>.sbatch`.
pub fn write_script(sweep: &Sweep, dir: &SweepDir, engine: &Path, pending: &[&Point], threads: usize) -> Result<PathBuf> {
    let slurm_dir = dir.dir.join("slurm");
    std::fs::create_dir_all(&slurm_dir).map_err(|e| io_err(&slurm_dir, e))?;
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let sweep_dir = abs(&dir.dir);
    let engine = sweep.slurm.engine.clone().unwrap_or_else(|| abs(engine));
    let s = &sweep.slurm;
    let throttle = s.max_parallel.map(|n| format!("%{n}")).unwrap_or_default();
    let n = std::fs::read_dir(&slurm_dir).map(|d| d.filter(|e| e.as_ref().is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".sbatch"))).count()).unwrap_or(0) + 1;
    // Task i runs the i-th line of this job's own list: adding grid values later (more seeds)
    // cannot shift what a queued task runs.
    let list = slurm_dir.join(format!("job-{n}.points"));
    let names: Vec<&str> = pending.iter().map(|p| p.name.as_str()).collect();
    crate::rundir::write_atomic(&list, (names.join("\n") + "\n").as_bytes())?;
    let mut lines = vec![
        "#!/bin/bash".to_string(),
        format!("#SBATCH --job-name=engine-sweep-{}", sweep.file.file_stem().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()),
        format!("#SBATCH --array=0-{}{throttle}", pending.len().saturating_sub(1)),
        format!("#SBATCH --output={}/logs/slurm-%A_%a.out", sweep_dir.display()),
        format!("#SBATCH --time={}", s.time),
        format!("#SBATCH --cpus-per-task={}", s.cpus_per_task.unwrap_or(threads.max(1))),
        "#SBATCH --ntasks=1".to_string(),
    ];
    if let Some(p) = &s.partition {
        lines.push(format!("#SBATCH --partition={p}"));
    }
    if let Some(m) = &s.mem {
        lines.push(format!("#SBATCH --mem={m}"));
    }
    for extra in &s.extra {
        let extra = extra.trim();
        lines.push(if extra.starts_with("#SBATCH") { extra.to_string() } else { format!("#SBATCH {extra}") });
    }
    // The user's setup first: `set -u` breaks some module and conda scripts.
    lines.extend(s.setup.iter().cloned());
    lines.push("set -euo pipefail".into());
    lines.push(format!("point=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" {})", shell_word(&abs(&list).display().to_string())));
    let plugin_dirs: String = dir.plugin_dirs.iter().map(|d| format!(" --plugin-dir {}", shell_word(&d.display().to_string()))).collect();
    lines.push(format!(
        "exec {} sweep {}/sweep.toml --out {} --point \"$point\"{plugin_dirs}",
        shell_word(&engine.display().to_string()),
        shell_word(&sweep_dir.display().to_string()),
        shell_word(&sweep_dir.display().to_string())
    ));
    let path = slurm_dir.join(format!("job-{n}.sbatch"));
    crate::rundir::write_atomic(&path, (lines.join("\n") + "\n").as_bytes())?;
    Ok(path)
}

fn shell_word(s: &str) -> String {
    if s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+=:".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// Submits the script with `sbatch --parsable`; returns the job id.
pub fn submit(script: &Path) -> Result<String> {
    let out = Command::new("sbatch").arg("--parsable").arg(script).output().map_err(|e| {
        EngineError::Config(if e.kind() == std::io::ErrorKind::NotFound {
            format!("sbatch not found: the slurm executor needs Slurm's client commands on PATH (the script is at {}; submit it yourself with sbatch)", script.display())
        } else {
            format!("cannot run sbatch: {e}")
        })
    })?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let line = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("no message");
        return Err(EngineError::Config(format!("sbatch {} failed: {line}", script.display())));
    }
    let id = String::from_utf8_lossy(&out.stdout).trim().split(';').next().unwrap_or("").to_string();
    if id.is_empty() {
        return Err(EngineError::Config("sbatch printed no job id".into()));
    }
    let ids = script.with_file_name("submitted.txt");
    let mut text = std::fs::read_to_string(&ids).unwrap_or_default();
    text.push_str(&format!("{id} {}\n", script.display()));
    crate::rundir::write_atomic(&ids, text.as_bytes())?;
    Ok(id)
}

/// Waits until the job has left the queue (`squeue` lists none of its tasks).
pub fn wait(job: &str) -> Result<()> {
    loop {
        let out = Command::new("squeue").args(["-h", "-j", job, "-o", "%i %t"]).output().map_err(|e| EngineError::Config(format!("cannot run squeue: {e}")))?;
        if !out.status.success() {
            // Slurm forgets finished jobs; an unknown id is a finished one.
            let err = String::from_utf8_lossy(&out.stderr);
            if err.contains("Invalid job id") {
                return Ok(());
            }
            return Err(EngineError::Config(format!("squeue -j {job} failed: {}", err.lines().next().unwrap_or(""))));
        }
        if String::from_utf8_lossy(&out.stdout).trim().is_empty() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// Points still to run.
pub fn pending<'a>(dir: &SweepDir, points: &'a [Point]) -> Vec<&'a Point> {
    points.iter().filter(|p| dir.state(p) != PointState::Done).collect()
}
