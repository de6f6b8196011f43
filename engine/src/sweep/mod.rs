//! `engine sweep`: a grid of ordinary `engine run` processes under one sweep directory, run
//! locally N at a time or as a Slurm job array, resumable, and a paired-statistics report.
//!
//! ```text
//! <sweep dir>/sweep.toml         the sweep file as it was run (Slurm tasks read this copy)
//! <sweep dir>/fingerprint.json   base config, fixed settings and grid keys: a rerun must match
//! <sweep dir>/runs/<point>/      one run directory per grid point
//! <sweep dir>/logs/<point>.log   what each attempt printed
//! <sweep dir>/failed/<point>.txt the error line of a point's last failed attempt
//! <sweep dir>/results.csv, report.md, plots/   written by `engine sweep report`
//! ```
//!
//! A point is done when its run has `summary.json`; one with a checkpoint resumes from it; one
//! that never finished an epoch starts again. Processes, not threads: a crash in one plugin never
//! takes the others down.

pub mod report;
pub mod slurm;
pub mod spec;
pub mod stats;

use crate::error::{io_err, EngineError, Result};
use crate::rundir::DirLock;
use crate::summary::RunSummary;
use spec::{Point, Sweep};
use std::collections::VecDeque;
use std::io::IsTerminal;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where a grid point stands in a sweep directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointState {
    Done,
    /// Has a checkpoint to resume from.
    Partial,
    /// Last attempt failed (and left no checkpoint).
    Failed,
    New,
}

impl PointState {
    pub fn as_str(self) -> &'static str {
        match self {
            PointState::Done => "done",
            PointState::Partial => "resumable",
            PointState::Failed => "failed",
            PointState::New => "new",
        }
    }
}

/// A sweep directory, created or reopened for a sweep.
pub struct SweepDir {
    pub dir: PathBuf,
    /// `--plugin-dir` directories of the sweep, passed on to every run (absolute).
    pub plugin_dirs: Vec<PathBuf>,
}

impl SweepDir {
    /// Opens `dir` for `sweep`: creates it, or checks that it holds the same sweep (same base
    /// configuration, fixed settings and grid keys) and refuses to mix otherwise.
    pub fn open(dir: &Path, sweep: &Sweep) -> Result<Self> {
        let fingerprint = Self::check(dir, sweep)?;
        let stamp = dir.join("fingerprint.json");
        for sub in ["runs", "logs", "failed"] {
            std::fs::create_dir_all(dir.join(sub)).map_err(|e| io_err(&dir.join(sub), e))?;
        }
        // Written only when they change, so concurrent Slurm tasks only read them.
        for (path, text) in [(stamp, fingerprint.as_str()), (dir.join("sweep.toml"), sweep.text.as_str())] {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
                crate::rundir::write_atomic(&path, text.as_bytes())?;
            }
        }
        Ok(Self { dir: dir.to_path_buf(), plugin_dirs: Vec::new() })
    }

    /// [`SweepDir::open`] without writing anything (`--dry-run`): the same check, then the
    /// directory for reading its runs' states.
    pub fn open_to_read(dir: &Path, sweep: &Sweep) -> Result<Self> {
        Self::check(dir, sweep)?;
        Ok(Self { dir: dir.to_path_buf(), plugin_dirs: Vec::new() })
    }

    /// The sweep's fingerprint, after checking that `dir` is new or holds the same sweep.
    fn check(dir: &Path, sweep: &Sweep) -> Result<String> {
        let fingerprint = sweep.fingerprint()?;
        let stamp = dir.join("fingerprint.json");
        if stamp.exists() {
            let old = std::fs::read_to_string(&stamp).map_err(|e| io_err(&stamp, e))?;
            if !spec::same_sweep(&old, &fingerprint) {
                return Err(EngineError::RunDir(format!(
                    "sweep directory `{}` holds another sweep (its base configuration, [set] or grid keys differ from `{}`); use another --out",
                    dir.display(),
                    sweep.file.display()
                )));
            }
        } else if dir.join("runs").exists() {
            return Err(EngineError::RunDir(format!("`{}` has runs but no fingerprint.json: not a sweep directory of this engine; use another --out", dir.display())));
        }
        Ok(fingerprint)
    }

    /// Opens an existing sweep directory for reading its results only (no fingerprint check: a
    /// base config edited since still lets the report be written).
    pub fn for_report(dir: &Path) -> Result<Self> {
        if !dir.join("runs").is_dir() {
            return Err(EngineError::RunDir(format!("`{}` is not a sweep directory (no runs/)", dir.display())));
        }
        Ok(Self { dir: dir.to_path_buf(), plugin_dirs: Vec::new() })
    }

    /// The plugin directories every run searches (as the sweep's own `--plugin-dir`).
    pub fn with_plugin_dirs(mut self, dirs: &[PathBuf]) -> Self {
        self.plugin_dirs = dirs.iter().map(|d| std::path::absolute(d).unwrap_or_else(|_| d.clone())).collect();
        self
    }

    pub fn run_dir(&self, point: &Point) -> PathBuf {
        self.dir.join("runs").join(&point.name)
    }

    fn failed_file(&self, point: &Point) -> PathBuf {
        self.dir.join("failed").join(format!("{}.txt", point.name))
    }

    pub fn state(&self, point: &Point) -> PointState {
        let run = self.run_dir(point);
        if run.join("summary.json").is_file() {
            PointState::Done
        } else if std::fs::read_link(run.join("checkpoints/last")).is_ok() {
            PointState::Partial
        } else if self.failed_file(point).is_file() {
            PointState::Failed
        } else {
            PointState::New
        }
    }

    /// The error line recorded for a failed point.
    pub fn failure(&self, point: &Point) -> Option<String> {
        std::fs::read_to_string(self.failed_file(point)).ok().map(|s| s.trim().to_string())
    }

    /// The `engine run` command for a point: a resume when it has a checkpoint, a fresh run
    /// otherwise (removing a run directory that never completed an epoch).
    pub fn command(&self, engine: &Path, sweep: &Sweep, point: &Point) -> Result<Command> {
        let run = self.run_dir(point);
        let mut cmd = Command::new(engine);
        cmd.arg("run").args(["--progress", "plain"]);
        for d in &self.plugin_dirs {
            cmd.arg("--plugin-dir").arg(d);
        }
        if self.state(point) == PointState::Partial {
            cmd.arg("--resume").arg(&run);
        } else {
            if run.exists() {
                // No checkpoint: nothing of value, and `engine run` refuses an existing name. A
                // run still writing there (a sweep killed without its runs, a second Slurm job)
                // holds its lock: leave it alone.
                let _held = DirLock::acquire(&run, "run directory")?;
                std::fs::remove_dir_all(&run).map_err(|e| io_err(&run, e))?;
            }
            if let Some(c) = &sweep.config {
                cmd.arg("--config").arg(c);
            }
            cmd.arg("--runs").arg(self.dir.join("runs")).arg("--name").arg(&point.name);
            for s in sweep.sets(point) {
                cmd.arg("--set").arg(s);
            }
        }
        Ok(cmd)
    }

    /// Runs one point to the end in this process's child (Slurm array tasks, `--point`).
    pub fn run_point(&self, engine: &Path, sweep: &Sweep, point: &Point) -> Result<PointState> {
        if self.state(point) == PointState::Done {
            return Ok(PointState::Done);
        }
        let log = self.log_file(point)?;
        let from = log.metadata().map(|m| m.len()).unwrap_or(0);
        let status = self
            .command(engine, sweep, point)?
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| io_err(&self.dir, e))?)
            .stderr(log)
            .status()
            .map_err(|e| io_err(engine, e))?;
        Ok(self.record_exit(sweep, point, status, from))
    }

    fn log_file(&self, point: &Point) -> Result<std::fs::File> {
        let path = self.dir.join("logs").join(format!("{}.log", point.name));
        std::fs::OpenOptions::new().create(true).append(true).open(&path).map_err(|e| io_err(&path, e))
    }

    /// Records how an attempt ended; returns the point's new state.
    fn record_exit(&self, sweep: &Sweep, point: &Point, status: std::process::ExitStatus, from: u64) -> PointState {
        use std::os::unix::process::ExitStatusExt;
        let failed = self.failed_file(point);
        if status.success() && self.run_dir(point).join("summary.json").is_file() {
            let _ = std::fs::remove_file(&failed);
            if !sweep.keep_checkpoints {
                let _ = std::fs::remove_dir_all(self.run_dir(point).join("checkpoints"));
            }
            return PointState::Done;
        }
        // Only this attempt's output (the log is appended to by every attempt).
        let log = std::fs::read(self.dir.join("logs").join(format!("{}.log", point.name))).unwrap_or_default();
        let log = String::from_utf8_lossy(log.get(from as usize..).unwrap_or_default()).into_owned();
        let line = match (log.lines().rev().find(|l| l.starts_with("error:")), status.signal()) {
            (Some(line), _) => line.to_string(),
            (None, Some(9)) => "killed by SIGKILL (the kernel's out-of-memory killer, or kill -9); rerun the sweep to resume it".to_string(),
            (None, Some(sig)) => format!("killed by signal {sig}; rerun the sweep to resume it"),
            (None, None) => format!("exited with status {} without an error line", status.code().unwrap_or(-1)),
        };
        let _ = crate::rundir::write_atomic(&failed, format!("{line}\n").as_bytes());
        PointState::Failed
    }
}

/// How a local sweep ended.
pub struct LocalOutcome {
    pub done: usize,
    pub failed: Vec<(String, String)>,
    pub skipped: usize,
}

/// Runs every pending point of the sweep, `jobs` at a time, with one progress display.
pub fn run_local(sweep: &Sweep, dir: &SweepDir, engine: &Path, jobs: usize) -> Result<LocalOutcome> {
    let _lock = DirLock::acquire(&dir.dir, "sweep directory")?;
    let points = sweep.points();
    let mut queue: VecDeque<Point> = VecDeque::new();
    let mut skipped = 0;
    for p in &points {
        match dir.state(p) {
            PointState::Done => skipped += 1,
            _ => queue.push_back(p.clone()),
        }
    }
    // Seeds outermost: every seed that finishes completes a paired comparison of all schedulers
    // and sizes, so an interrupted sweep still reports something whole.
    let seeds: Vec<&toml::Value> = sweep.grid.iter().find(|(k, _)| k == "seed").map(|(_, v)| v.iter().collect()).unwrap_or_default();
    let seed_rank = |p: &Point| p.get("seed").and_then(|s| seeds.iter().position(|v| *v == s)).unwrap_or(0);
    queue.make_contiguous().sort_by_key(|p| (seed_rank(p), p.index));
    let total = queue.len();
    let mut progress = SweepProgress::new(total, skipped);
    let mut running: Vec<(Point, Child, Instant, u64)> = Vec::new();
    let mut outcome = LocalOutcome { done: 0, failed: Vec::new(), skipped };
    let mut durations: Vec<f64> = Vec::new();
    let stop = crate::signals::StopRequest::install().map_err(|e| io_err(&dir.dir, format!("cannot install signal handlers: {e}")))?;
    let mut forwarded = false;
    while !queue.is_empty() || !running.is_empty() {
        if stop.requested() && !forwarded {
            // Stop launching; each running run finishes its step, checkpoints and exits.
            forwarded = true;
            progress.event(&format!("{}: stopping; {} running runs write a checkpoint", stop.signal_name(), running.len()), running.len(), &outcome, queue.len(), None);
            for (_, child, _, _) in &running {
                crate::signals::forward(child.id(), stop.signal());
            }
            queue.clear();
        }
        while running.len() < jobs.max(1) && !stop.requested() {
            let Some(point) = queue.pop_front() else { break };
            let log = dir.log_file(&point)?;
            let from = log.metadata().map(|m| m.len()).unwrap_or(0);
            let mut cmd = match dir.command(engine, sweep, &point) {
                Ok(cmd) => cmd,
                Err(e) => {
                    // E.g. the run is being written by another process: this point waits for a rerun.
                    let _ = crate::rundir::write_atomic(&dir.failed_file(&point), format!("error: {e}\n").as_bytes());
                    outcome.failed.push((point.name.clone(), e.to_string()));
                    progress.event(&format!("SKIPPED {}: {e}", point.name), running.len(), &outcome, queue.len(), None);
                    continue;
                }
            };
            // Its own process group: a Ctrl-C on the terminal reaches the sweep only, which passes
            // it on exactly once (a second one would stop the run without its checkpoint).
            let child = cmd
                .process_group(0)
                .stdin(Stdio::null())
                .stdout(log.try_clone().map_err(|e| io_err(&dir.dir, e))?)
                .stderr(log)
                .spawn()
                .map_err(|e| io_err(engine, e))?;
            progress.event(&format!("start {}", point.name), running.len() + 1, &outcome, queue.len(), eta(&durations, queue.len() + running.len() + 1, jobs));
            running.push((point, child, Instant::now(), from));
        }
        std::thread::sleep(Duration::from_millis(100));
        let mut i = 0;
        while i < running.len() {
            match running[i].1.try_wait().map_err(|e| io_err(engine, e))? {
                Some(status) => {
                    let (point, _, started, from) = running.swap_remove(i);
                    let secs = started.elapsed().as_secs_f64();
                    let message = match dir.record_exit(sweep, &point, status, from) {
                        _ if forwarded && dir.state(&point) == PointState::Partial => {
                            let _ = std::fs::remove_file(dir.failed_file(&point));
                            format!("stopped {} at a checkpoint ({secs:.1}s)", point.name)
                        }
                        PointState::Done => {
                            outcome.done += 1;
                            durations.push(secs);
                            format!("done  {} ({secs:.1}s)", point.name)
                        }
                        _ => {
                            let line = dir.failure(&point).unwrap_or_default();
                            outcome.failed.push((point.name.clone(), line.clone()));
                            format!("FAILED {} ({secs:.1}s): {line}", point.name)
                        }
                    };
                    progress.event(&message, running.len(), &outcome, queue.len(), eta(&durations, queue.len() + running.len(), jobs));
                }
                None => i += 1,
            }
        }
        progress.tick(running.len(), &outcome, queue.len(), eta(&durations, queue.len() + running.len(), jobs));
    }
    progress.finish();
    if forwarded {
        let left = points.iter().filter(|p| dir.state(p) != PointState::Done).count();
        return Err(EngineError::Interrupted {
            signal: stop.signal(),
            message: format!(
                "{}: sweep stopped with {left} of {} grid points not done (interrupted runs kept their checkpoints); continue with: engine sweep {} --out {}",
                stop.signal_name(),
                points.len(),
                sweep.file.display(),
                dir.dir.display()
            ),
        });
    }
    Ok(outcome)
}

/// Remaining time from the mean duration of finished runs.
fn eta(durations: &[f64], left: usize, jobs: usize) -> Option<f64> {
    (!durations.is_empty()).then(|| durations.iter().sum::<f64>() / durations.len() as f64 * left as f64 / jobs.max(1) as f64)
}

/// One display for the whole sweep: a bar on a terminal, plain lines otherwise.
struct SweepProgress {
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    skipped: usize,
}

/// One progress line on stderr. A progress line that cannot be written (stderr on a full disk)
/// is dropped: `eprintln!` would panic and stop the sweep with its runs half done.
fn progress_line(line: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

impl SweepProgress {
    fn new(total: usize, skipped: usize) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} runs | {msg}").expect("template"));
            bar
        });
        if skipped > 0 {
            progress_line(&format!("sweep: {skipped} runs already done, {total} to run"));
        }
        Self { bar, total, skipped }
    }

    fn status(&self, running: usize, o: &LocalOutcome, left: usize, eta: Option<f64>) -> String {
        let eta = eta.map(|s| format!(", ETA {}", human(s))).unwrap_or_default();
        format!("{} done, {running} running, {} failed, {left} left{eta}", o.done + self.skipped, o.failed.len())
    }

    fn event(&mut self, message: &str, running: usize, o: &LocalOutcome, left: usize, eta: Option<f64>) {
        let status = self.status(running, o, left, eta);
        match &self.bar {
            Some(bar) => {
                bar.set_position((o.done + o.failed.len()) as u64);
                bar.set_message(status);
                bar.println(message);
            }
            None => progress_line(&format!("sweep [{}/{}] {message} | {status}", o.done + o.failed.len(), self.total)),
        }
    }

    fn tick(&mut self, running: usize, o: &LocalOutcome, left: usize, eta: Option<f64>) {
        if let Some(bar) = &self.bar {
            bar.set_message(self.status(running, o, left, eta));
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

fn human(seconds: f64) -> String {
    let s = seconds.round() as u64;
    match s {
        0..=59 => format!("{s}s"),
        60..=3599 => format!("{}m{:02}s", s / 60, s % 60),
        _ => format!("{}h{:02}m", s / 3600, s % 3600 / 60),
    }
}

/// The summaries of every grid point (None where the point has not finished).
pub fn summaries(dir: &SweepDir, points: &[Point]) -> Result<Vec<Option<RunSummary>>> {
    points.iter().map(|p| RunSummary::read(&dir.run_dir(p))).collect()
}
