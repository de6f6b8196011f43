//! `provenance.json`: what produced a run directory, so a result can be traced and repeated: the
//! engine (version, git commit and whether the checkout had changes), every process that wrote the
//! run (command line, host, threads, start and end), each plugin (name, version, API version, path,
//! SHA-256 of the library) and the data (a file's path and SHA-256, or the generator and its
//! parameters).

use crate::error::{io_err, Result};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

/// A plugin as a run used it.
pub struct PluginUse {
    pub kind: &'static str,
    pub name: String,
    pub version: String,
    pub api_version: String,
    pub path: std::path::PathBuf,
}

/// Files above this size are identified by size and modification time instead of a hash (a 13 GB
/// PDEBench file would take half a minute to hash for every run of a sweep).
const HASH_LIMIT: u64 = 1 << 30;

/// SHA-256 of a file's contents as lowercase hex.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(format!("{:x}", h.finalize()))
}

/// SHA-256 of a file as hex, or why there is none.
pub fn file_digest(path: &Path) -> Value {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return json!({"path": path.display().to_string(), "error": e.to_string()}),
    };
    let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map(|d| d.as_secs());
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if meta.len() > HASH_LIMIT {
        return json!({"path": abs.display().to_string(), "bytes": meta.len(), "modified_unix": modified, "sha256": null, "note": "larger than 1 GiB: not hashed"});
    }
    match sha256_file(path) {
        Ok(d) => json!({"path": abs.display().to_string(), "bytes": meta.len(), "sha256": d}),
        Err(e) => json!({"path": abs.display().to_string(), "error": e.to_string()}),
    }
}

/// UTC time as RFC 3339 (seconds).
pub fn utc_now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + if m <= 2 { 1 } else { 0 }, m, d)
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname").or_else(|_| std::fs::read_to_string("/etc/hostname")).map(|s| s.trim().to_string()).unwrap_or_default()
}

/// Writes provenance.json at the start of a process's work on a run: the engine, plugins and data,
/// and this process appended to the list of processes (a resume adds one).
pub fn record_start(run_dir: &Path, plugins: &[PluginUse], data: Value, threads: usize) -> Result<()> {
    let path = run_dir.join("provenance.json");
    let mut doc: Value = std::fs::read_to_string(&path).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_else(|| json!({}));
    let commit = env!("BUILD_GIT_COMMIT");
    let dirty = env!("BUILD_GIT_DIRTY");
    doc["engine"] = json!({
        "version": env!("CARGO_PKG_VERSION"),
        "git_commit": if commit.is_empty() { Value::Null } else { json!(commit) },
        "git_dirty": match dirty { "true" => json!(true), "false" => json!(false), _ => Value::Null },
        "executable": std::env::current_exe().map(|p| file_digest(&p)).unwrap_or(Value::Null),
    });
    doc["plugins"] = Value::Array(
        plugins
            .iter()
            .map(|p| json!({"kind": p.kind, "name": p.name, "version": p.version, "api_version": p.api_version, "file": file_digest(&p.path)}))
            .collect(),
    );
    doc["data"] = data;
    let process = json!({
        "command": std::env::args().collect::<Vec<_>>(),
        "working_directory": std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default(),
        "host": hostname(),
        "pid": std::process::id(),
        "threads": threads,
        "started": utc_now(),
        "ended": null,
    });
    match doc.get_mut("processes").and_then(|p| p.as_array_mut()) {
        Some(list) => list.push(process),
        None => doc["processes"] = json!([process]),
    }
    write(&path, &doc)
}

/// Marks this process's entry as ended, with how.
pub fn record_end(run_dir: &Path, outcome: &str) -> Result<()> {
    let path = run_dir.join("provenance.json");
    let Some(mut doc) = std::fs::read_to_string(&path).ok().and_then(|t| serde_json::from_str::<Value>(&t).ok()) else {
        return Ok(());
    };
    if let Some(last) = doc.get_mut("processes").and_then(|p| p.as_array_mut()).and_then(|l| l.last_mut()) {
        last["ended"] = json!(utc_now());
        last["outcome"] = json!(outcome);
    }
    write(&path, &doc)
}

fn write(path: &Path, doc: &Value) -> Result<()> {
    let text = serde_json::to_string_pretty(doc).map_err(|e| io_err(path, e))?;
    crate::rundir::write_atomic(path, format!("{text}\n").as_bytes())
}
