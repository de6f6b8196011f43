//! The run directory: `config.resolved.toml`, `metrics.csv` (per epoch), `metrics.jsonl` (per step),
//! `checkpoints/` and `summary.md`.
//!
//! Checkpoints are written into `checkpoints/epoch-NNNN.partial/`, renamed to `epoch-NNNN/` once
//! complete, and only then do the `last` and `best` symlinks move (each replaced by an atomic
//! rename). A crash or a failing plugin mid-save therefore never touches the last good checkpoint.

use crate::error::{io_err, EngineError, Result};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The write points of an epoch's end, in order: its metrics.csv row, the checkpoint's files
/// written (not yet renamed into place), renamed, `last` moved, `best` moved, old checkpoints
/// pruned.
pub const WRITE_POINTS: [&str; 6] = ["epoch-row", "checkpoint-written", "checkpoint-renamed", "last-moved", "best-moved", "pruned"];

/// Fault injection for the crash-consistency tests: with `ENGINE_FAULT_AT=<point>:<n>` the
/// process aborts, as a kill -9 would, right after it passes write point `<point>` (one of
/// [`WRITE_POINTS`]) for the n-th time. Unset, it is one cached lookup.
pub fn fault_point(point: &str) {
    static WANTED: OnceLock<Option<(String, u64)>> = OnceLock::new();
    static HITS: AtomicU64 = AtomicU64::new(0);
    let wanted = WANTED.get_or_init(|| {
        let value = std::env::var("ENGINE_FAULT_AT").ok()?;
        let (name, n) = value.split_once(':')?;
        Some((name.to_string(), n.parse().ok()?))
    });
    if let Some((name, n)) = wanted {
        if name == point && HITS.fetch_add(1, Ordering::SeqCst) + 1 == *n {
            std::process::abort();
        }
    }
}

/// Creates a fresh run directory; an existing one is never reused.
pub fn create(root: &Path, name: &str, default_name: &str) -> Result<PathBuf> {
    fs::create_dir_all(root).map_err(|e| io_err(root, e))?;
    if !name.is_empty() {
        let dir = root.join(name);
        return match fs::create_dir(&dir) {
            Ok(()) => Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(EngineError::RunDir(format!(
                "run directory `{}` already exists; choose another --name or remove it",
                dir.display()
            ))),
            Err(e) => Err(io_err(&dir, e)),
        };
    }
    // Automatic names never collide: add a counter if needed.
    for n in 0..1000 {
        let candidate = if n == 0 { default_name.to_string() } else { format!("{default_name}-{n}") };
        let dir = root.join(candidate);
        match fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_err(&dir, e)),
        }
    }
    Err(EngineError::RunDir(format!("too many runs named `{default_name}` in `{}`", root.display())))
}

/// Writes `contents` to `path` atomically (temporary file in the same directory, fsync, rename).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let tmp = path.with_extension("partial");
    let written = File::create(&tmp)
        .and_then(|mut file| file.write_all(contents).and_then(|_| file.sync_all()))
        .map_err(|e| io_err(&tmp, e))
        .and_then(|_| fs::rename(&tmp, path).map_err(|e| io_err(path, e)));
    if written.is_err() {
        // A full disk leaves a half-written temporary file: remove it (the target is untouched).
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// A lock held while a process writes into a directory; a second writer is refused with the
/// holder's PID.
pub struct DirLock {
    _file: std::fs::File,
}

impl DirLock {
    pub fn acquire(dir: &Path, what: &str) -> Result<Self> {
        let path = dir.join(".lock");
        let mut file = std::fs::OpenOptions::new().create(true).truncate(false).read(true).write(true).open(&path).map_err(|e| io_err(&path, e))?;
        match file.try_lock() {
            Ok(()) => {
                let _ = file.set_len(0);
                let _ = write!(file, "{}", std::process::id());
                Ok(Self { _file: file })
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let holder = std::fs::read_to_string(&path).unwrap_or_default();
                Err(EngineError::RunDir(format!("{what} `{}` is in use by another engine process (PID {})", dir.display(), holder.trim())))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(io_err(&path, e)),
        }
    }
}

/// Cuts a log back to what a checkpoint covers, before a resumed run appends to it: keeps the
/// first `header_lines` lines and every complete line after them that `keep` accepts, drops the
/// rest (rows of epochs or steps after the checkpoint, and a half-written last line). Rewritten
/// atomically; a missing file is left missing.
pub fn truncate_log(path: &Path, header_lines: usize, keep: impl Fn(&str) -> bool) -> Result<()> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_err(path, e)),
    };
    let mut out = String::with_capacity(text.len());
    // Only lines that end in a newline were written completely.
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if !line.ends_with('\n') {
            break;
        }
        if i < header_lines || keep(line.trim_end_matches('\n')) {
            out.push_str(line);
        }
    }
    if out.len() != text.len() {
        write_atomic(path, out.as_bytes())?;
    }
    Ok(())
}

/// An append-only CSV file with a fixed header.
pub struct CsvLog {
    path: PathBuf,
    out: BufWriter<File>,
    columns: Vec<String>,
}

impl CsvLog {
    /// Creates the file, or with `append` continues an existing one whose header must match.
    pub fn open(path: PathBuf, columns: Vec<String>, append: bool) -> Result<Self> {
        if !append || !path.exists() {
            return Self::create(path, columns);
        }
        let existing = std::fs::read_to_string(&path).map_err(|e| io_err(&path, e))?;
        if existing.lines().next() != Some(columns.join(",").as_str()) {
            return Err(EngineError::RunDir(format!("`{}` has other columns than this run writes; cannot append", path.display())));
        }
        let file = OpenOptions::new().append(true).open(&path).map_err(|e| io_err(&path, e))?;
        Ok(Self { path, out: BufWriter::new(file), columns })
    }

    pub fn create(path: PathBuf, columns: Vec<String>) -> Result<Self> {
        let file = File::create(&path).map_err(|e| io_err(&path, e))?;
        let mut log = Self { path, out: BufWriter::new(file), columns };
        let header = log.columns.join(",");
        writeln!(log.out, "{header}").map_err(|e| io_err(&log.path, e))?;
        log.out.flush().map_err(|e| io_err(&log.path, e))?;
        Ok(log)
    }

    /// Appends a row given as (column, value) pairs; missing columns stay empty.
    pub fn row(&mut self, values: &[(String, String)]) -> Result<()> {
        let cells: Vec<&str> = self
            .columns
            .iter()
            .map(|c| values.iter().find(|(k, _)| k == c).map(|(_, v)| v.as_str()).unwrap_or(""))
            .collect();
        writeln!(self.out, "{}", cells.join(",")).and_then(|_| self.out.flush()).map_err(|e| io_err(&self.path, e))
    }
}

/// An append-only JSON-lines file.
pub struct JsonLog {
    path: PathBuf,
    out: BufWriter<File>,
}

impl JsonLog {
    pub fn create(path: PathBuf) -> Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(&path).map_err(|e| io_err(&path, e))?;
        Ok(Self { path, out: BufWriter::new(file) })
    }

    pub fn write(&mut self, value: &serde_json::Value) -> Result<()> {
        writeln!(self.out, "{value}").map_err(|e| io_err(&self.path, e))
    }

    pub fn flush(&mut self) -> Result<()> {
        self.out.flush().map_err(|e| io_err(&self.path, e))
    }
}

/// Keeps `checkpoints/last` and `checkpoints/best` pointing at complete checkpoint directories.
pub struct Checkpoints {
    dir: PathBuf,
}

impl Checkpoints {
    pub fn new(run_dir: &Path) -> Result<Self> {
        let dir = run_dir.join("checkpoints");
        fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
        Ok(Self { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes checkpoint `epoch-NNNN` with `write` (which fills the given directory), then moves
    /// `last` (and `best` if `is_best`) to it and removes checkpoints no pointer references.
    pub fn save(&self, epoch: u64, is_best: bool, write: impl FnOnce(&Path) -> Result<()>) -> Result<PathBuf> {
        self.save_as(&format!("epoch-{epoch:04}"), is_best, write)
    }

    /// [`Checkpoints::save`] under another name (`epoch-NNNN-step-SSSSSSSS` for a checkpoint in
    /// the middle of an epoch, written when a run is interrupted).
    pub fn save_as(&self, name: &str, is_best: bool, write: impl FnOnce(&Path) -> Result<()>) -> Result<PathBuf> {
        let name = name.to_string();
        let partial = self.dir.join(format!("{name}.partial"));
        let done = self.dir.join(&name);
        if partial.exists() {
            fs::remove_dir_all(&partial).map_err(|e| io_err(&partial, e))?;
        }
        fs::create_dir(&partial).map_err(|e| io_err(&partial, e))?;
        if let Err(e) = write(&partial).and_then(|()| write_checksums(&partial)) {
            let _ = fs::remove_dir_all(&partial);
            return Err(e);
        }
        sync_dir(&partial)?;
        fault_point("checkpoint-written");
        if done.exists() {
            fs::remove_dir_all(&done).map_err(|e| io_err(&done, e))?;
        }
        fs::rename(&partial, &done).map_err(|e| io_err(&done, e))?;
        fault_point("checkpoint-renamed");
        self.point("last", &name)?;
        fault_point("last-moved");
        if is_best {
            self.point("best", &name)?;
            fault_point("best-moved");
        }
        self.prune()?;
        fault_point("pruned");
        Ok(done)
    }

    /// Points `best` at `epoch-NNNN` when that checkpoint exists: after a kill between the two
    /// pointer moves of a save, `best` can lag behind the state the run resumes from, and the true
    /// best would then be pruned.
    pub fn repair_best(&self, best_epoch: u64) -> Result<()> {
        let name = format!("epoch-{best_epoch:04}");
        if self.dir.join(&name).is_dir() && self.target("best") != Some(self.dir.join(&name)) {
            self.point("best", &name)?;
        }
        Ok(())
    }

    /// The directory a pointer refers to, if any.
    pub fn target(&self, pointer: &str) -> Option<PathBuf> {
        let link = self.dir.join(pointer);
        fs::read_link(&link).ok().map(|t| self.dir.join(t))
    }

    fn point(&self, pointer: &str, target: &str) -> Result<()> {
        let link = self.dir.join(pointer);
        let tmp = self.dir.join(format!(".{pointer}.new"));
        let _ = fs::remove_file(&tmp);
        std::os::unix::fs::symlink(target, &tmp).map_err(|e| io_err(&tmp, e))?;
        fs::rename(&tmp, &link).map_err(|e| io_err(&link, e))
    }

    fn prune(&self) -> Result<()> {
        let keep: Vec<PathBuf> = ["last", "best"].iter().filter_map(|p| self.target(p)).collect();
        let entries = fs::read_dir(&self.dir).map_err(|e| io_err(&self.dir, e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let is_epoch_dir = path.file_name().and_then(|f| f.to_str()).is_some_and(|f| f.starts_with("epoch-") && !f.ends_with(".partial"));
            if is_epoch_dir && path.is_dir() && !keep.contains(&path) {
                fs::remove_dir_all(&path).map_err(|e| io_err(&path, e))?;
            }
        }
        Ok(())
    }
}

/// `checksums.json` of a checkpoint directory: the SHA-256 of every file in it.
fn write_checksums(dir: &Path) -> Result<()> {
    let mut sums = std::collections::BTreeMap::new();
    for entry in fs::read_dir(dir).map_err(|e| io_err(dir, e))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_file() && name != CHECKSUMS {
            sums.insert(name, crate::provenance::sha256_file(&entry.path()).map_err(|e| io_err(&entry.path(), e))?);
        }
    }
    let text = serde_json::to_string_pretty(&sums).expect("json");
    fs::write(dir.join(CHECKSUMS), text).map_err(|e| io_err(&dir.join(CHECKSUMS), e))
}

const CHECKSUMS: &str = "checksums.json";

/// Checks every file of a checkpoint directory against its `checksums.json` (written with the
/// checkpoint): a bit flip or a truncated file is one error naming the file, before anything is
/// loaded. Checkpoints from before checksums existed pass unchecked.
pub fn verify_checkpoint(dir: &Path) -> Result<()> {
    let path = dir.join(CHECKSUMS);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_err(&path, e)),
    };
    let sums: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&text).map_err(|e| io_err(&path, format!("not a checksum list ({e})")))?;
    for (name, want) in sums {
        let file = dir.join(&name);
        let got = crate::provenance::sha256_file(&file).map_err(|e| io_err(&file, e))?;
        if got != want {
            return Err(EngineError::RunDir(format!(
                "{}: checksum mismatch (SHA-256 {got}, the checkpoint recorded {want}): the file is corrupt; use another checkpoint",
                file.display()
            )));
        }
    }
    Ok(())
}

fn sync_dir(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| io_err(dir, e))?.flatten() {
        if entry.path().is_file() {
            File::open(entry.path()).and_then(|f| f.sync_all()).map_err(|e| io_err(&entry.path(), e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("engine-rundir-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn named_run_dir_is_never_reused_and_auto_names_count_up() {
        let root = temp("create");
        let a = create(&root, "x", "auto").unwrap();
        assert!(a.is_dir());
        let err = create(&root, "x", "auto").unwrap_err().to_string();
        assert!(err.contains("already exists"), "{err}");
        assert_eq!(create(&root, "", "auto").unwrap(), root.join("auto"));
        assert_eq!(create(&root, "", "auto").unwrap(), root.join("auto-1"));
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn failed_save_keeps_the_last_good_checkpoint() {
        let root = temp("ckpt");
        fs::create_dir_all(&root).unwrap();
        let ck = Checkpoints::new(&root).unwrap();
        ck.save(1, true, |d| fs::write(d.join("model.safetensors"), b"one").map_err(|e| io_err(d, e))).unwrap();
        ck.save(2, false, |d| fs::write(d.join("model.safetensors"), b"two").map_err(|e| io_err(d, e))).unwrap();
        assert_eq!(fs::read(ck.target("last").unwrap().join("model.safetensors")).unwrap(), b"two");
        assert_eq!(fs::read(ck.target("best").unwrap().join("model.safetensors")).unwrap(), b"one");
        let err = ck.save(3, true, |d| {
            fs::write(d.join("model.safetensors"), b"half").unwrap();
            Err(EngineError::Plugin("boom".into()))
        });
        assert!(err.is_err());
        assert_eq!(fs::read(ck.target("last").unwrap().join("model.safetensors")).unwrap(), b"two");
        assert!(!ck.dir().join("epoch-0003.partial").exists());
        assert!(!ck.dir().join("epoch-0003").exists());
        // Epoch 4 becomes last and best: epochs 1 and 2 are pruned.
        ck.save(4, true, |d| fs::write(d.join("model.safetensors"), b"four").map_err(|e| io_err(d, e))).unwrap();
        let mut names: Vec<String> = fs::read_dir(ck.dir()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        assert_eq!(names, vec!["best", "epoch-0004", "last"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn atomic_write_leaves_no_partial_file() {
        let root = temp("atomic");
        fs::create_dir_all(&root).unwrap();
        let path = root.join("state.json");
        write_atomic(&path, b"{}").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"{}");
        assert!(!root.join("state.partial").exists());
        // A failed write (here the rename: the target is a directory that is not empty; a full
        // disk fails the same way) leaves neither a temporary file nor a changed target.
        let blocked = root.join("blocked.json");
        fs::create_dir_all(blocked.join("inside")).unwrap();
        assert!(write_atomic(&blocked, b"{}").is_err());
        assert!(!root.join("blocked.partial").exists());
        assert!(blocked.join("inside").is_dir());
        fs::remove_dir_all(&root).unwrap();
    }
}
