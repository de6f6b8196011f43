//! The on-disk cache: one safetensors file per set of generation parameters.
//!
//! `<cache_dir>/<dataset>-<hash>.safetensors`, where `<hash>` is FNV-1a 64 of the canonical JSON
//! of [`GenParams`] (every parameter that changes the numbers, plus the generator version). FNV is
//! written out here, not taken from `std::hash`, so names never change with the Rust version.
//!
//! Tensors (all F32, little-endian): `u` [N, X, (Y,) T, C] (PDEBench's per-sample layout x, y, t,
//! channel), `grid` [X, (Y,) d] (cell-centre coordinates, d = number of spatial dimensions), `t` [T]
//! (save times). Metadata: one key, `generation`, the JSON of [`GenParams`] (channel names
//! included), checked on load.
//!
//! Writes go to a temporary file in the same directory, are flushed to disk, then renamed over the
//! final name, so a crash never leaves a half-written file under the final name.

use crate::error::DataError;
use safetensors::tensor::{Dtype, SafeTensors, View};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Every parameter that changes the generated numbers.
///
/// The JSON keeps the field order below with the physics map flattened in place (sorted keys), so
/// `diffusion-reaction-2d` (physics du, dv, k) has the same JSON, hence the same cache file name,
/// as before the other datasets existed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct GenParams {
    pub dataset: String,
    pub generator_version: u32,
    pub seed: u64,
    pub num_samples: usize,
    pub resolution: usize,
    pub num_frames: usize,
    pub t_end: f64,
    /// Equation constants and parameters (e.g. du, dv, k; mach, eta, zeta; beta; nu).
    #[serde(flatten)]
    pub physics: BTreeMap<String, f64>,
    pub domain: [f64; 2],
    pub initial_condition: String,
    pub channels: Vec<String>,
}

impl GenParams {
    /// Number of spatial dimensions of the dataset.
    pub fn spatial_dims(&self) -> usize {
        crate::registry::DatasetKind::from_name(&self.dataset).map_or(2, |k| k.spatial_dims())
    }

    /// [N, X, (Y,) T, C] at full resolution.
    pub fn shape(&self) -> Vec<usize> {
        let mut s = vec![self.num_samples];
        s.extend(std::iter::repeat_n(self.resolution, self.spatial_dims()));
        s.extend([self.num_frames, self.channels.len()]);
        s
    }

    /// [X, (Y,) d], the grid's shape.
    pub fn grid_shape(&self) -> Vec<usize> {
        let d = self.spatial_dims();
        let mut s = vec![self.resolution; d];
        s.push(d);
        s
    }

    pub fn json(&self) -> String {
        serde_json::to_string(self).expect("GenParams serialises")
    }

    pub fn file_name(&self) -> String {
        format!(
            "{}-{:016x}.safetensors",
            self.dataset,
            fnv1a64(self.json().as_bytes())
        )
    }
}

pub(crate) fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A generated dataset at full resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawData {
    /// [N, X, (Y,) T, C]
    pub shape: Vec<usize>,
    pub u: Vec<f32>,
    /// [X, (Y,) d]
    pub grid: Vec<f32>,
    /// [T]
    pub times: Vec<f32>,
}

struct F32View<'a> {
    shape: Vec<usize>,
    data: &'a [f32],
}

impl View for F32View<'_> {
    fn dtype(&self) -> Dtype {
        Dtype::F32
    }
    fn shape(&self) -> &[usize] {
        &self.shape
    }
    fn data(&self) -> Cow<'_, [u8]> {
        #[cfg(target_endian = "little")]
        {
            // SAFETY: f32 has no padding and every bit pattern is a valid u8 sequence; u8 needs
            // alignment 1; the length is exactly the f32 slice's size in bytes. On a
            // little-endian target the in-memory bytes are the safetensors (LE) bytes.
            Cow::Borrowed(unsafe {
                std::slice::from_raw_parts(
                    self.data.as_ptr().cast::<u8>(),
                    std::mem::size_of_val(self.data),
                )
            })
        }
        #[cfg(not(target_endian = "little"))]
        {
            Cow::Owned(self.data.iter().flat_map(|x| x.to_le_bytes()).collect())
        }
    }
    fn data_len(&self) -> usize {
        std::mem::size_of_val(self.data)
    }
}

fn write_err(path: &Path, e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> DataError {
    DataError::CacheWrite {
        path: path.to_path_buf(),
        source: std::io::Error::other(e),
    }
}

fn io_write_err(path: &Path, e: std::io::Error) -> DataError {
    DataError::CacheWrite {
        path: path.to_path_buf(),
        source: e,
    }
}

/// Writes `raw` to `path` atomically (temp file in the same directory, fsync, rename).
pub(crate) fn write_atomic(
    path: &Path,
    raw: &RawData,
    params: &GenParams,
) -> Result<(), DataError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| io_write_err(&dir, e))?;
    let file_name = path
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or("dataset");
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    remove_stale_temps(&dir, file_name);
    // Unique per process and call, so concurrent writers (threads or processes) never share one.
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(
        ".{file_name}.tmp-{}-{count}-{nanos}",
        std::process::id()
    ));

    let result = (|| {
        let t = raw.shape[raw.shape.len() - 2];
        let tensors = vec![
            (
                "u",
                F32View {
                    shape: raw.shape.to_vec(),
                    data: &raw.u,
                },
            ),
            (
                "grid",
                F32View {
                    shape: params.grid_shape(),
                    data: &raw.grid,
                },
            ),
            (
                "t",
                F32View {
                    shape: vec![t],
                    data: &raw.times,
                },
            ),
        ];
        // One key only: safetensors writes the metadata map in HashMap order, and a single entry
        // keeps the file bytes deterministic.
        let metadata = HashMap::from([("generation".to_string(), params.json())]);
        safetensors::serialize_to_file(tensors, Some(metadata), &tmp)
            .map_err(|e| write_err(path, e))?;
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| io_write_err(path, e))?;
        std::fs::rename(&tmp, path).map_err(|e| io_write_err(path, e))?;
        // Make the rename itself durable (best effort: not every platform can open a directory).
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Removes the temporary files of earlier writes of `file_name` whose process is gone (killed
/// mid-write: a generated dataset is tens of MB); a live writer's file is left alone.
fn remove_stale_temps(dir: &Path, file_name: &str) {
    let prefix = format!(".{file_name}.tmp-");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(&prefix).and_then(|rest| rest.split('-').next()).and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let alive = pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
        if !alive {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The file bytes of a cache file, checked against `params`; the tensors are read with [`Cached`].
pub(crate) struct CacheFile {
    path: PathBuf,
    bytes: Vec<u8>,
}

/// Views into a checked cache file.
pub(crate) struct Cached<'a> {
    pub shape: Vec<usize>,
    /// `u` as little-endian f32 bytes.
    pub u: &'a [u8],
    pub grid: Vec<f32>,
    pub times: Vec<f32>,
}

impl CacheFile {
    pub fn read(path: &Path) -> Result<Self, DataError> {
        let bytes = std::fs::read(path).map_err(|e| corrupt(path, e))?;
        Ok(Self {
            path: path.to_path_buf(),
            bytes,
        })
    }

    /// Parses and checks the file: the recorded generation parameters must equal `params` and the
    /// tensors must have the shapes they imply.
    pub fn open(&self, params: &GenParams) -> Result<Cached<'_>, DataError> {
        let path = &self.path;
        let st = SafeTensors::deserialize(&self.bytes).map_err(|e| corrupt(path, e))?;
        let (_, meta) = SafeTensors::read_metadata(&self.bytes).map_err(|e| corrupt(path, e))?;
        let recorded = meta
            .metadata()
            .as_ref()
            .and_then(|m| m.get("generation"))
            .ok_or_else(|| corrupt(path, "no `generation` metadata"))?;
        let recorded: serde_json::Value = serde_json::from_str(recorded)
            .map_err(|e| corrupt(path, format!("bad `generation` metadata: {e}")))?;
        let expected = serde_json::to_value(params).expect("GenParams serialises");
        if recorded != expected {
            return Err(corrupt(
                path,
                format!(
                    "it was generated with different parameters: {recorded} instead of {expected}"
                ),
            ));
        }
        let t = params.num_frames;
        let shape = params.shape();
        let get = |name: &str, want: &[usize]| -> Result<&[u8], DataError> {
            let v = st
                .tensor(name)
                .map_err(|e| corrupt(path, format!("tensor `{name}`: {e}")))?;
            if v.dtype() != Dtype::F32 || v.shape() != want {
                return Err(corrupt(
                    path,
                    format!(
                        "tensor `{name}` is {:?} {:?}, expected F32 {want:?}",
                        v.dtype(),
                        v.shape()
                    ),
                ));
            }
            Ok(v.data())
        };
        let u = get("u", &shape)?;
        let grid = le_f32(get("grid", &params.grid_shape())?);
        let times = le_f32(get("t", &[t])?);
        Ok(Cached {
            shape,
            u,
            grid,
            times,
        })
    }
}

fn le_f32(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

fn corrupt(path: &Path, reason: impl std::fmt::Display) -> DataError {
    DataError::CorruptCache {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> GenParams {
        GenParams {
            dataset: "toy".into(),
            generator_version: 1,
            seed: 1,
            num_samples: 2,
            resolution: 2,
            num_frames: 3,
            t_end: 1.0,
            physics: BTreeMap::from([("du".into(), 0.0), ("dv".into(), 0.0), ("k".into(), 0.0)]),
            domain: [-1.0, 1.0],
            initial_condition: "test".into(),
            channels: vec!["a".into()],
        }
    }

    fn raw() -> RawData {
        let shape = vec![2, 2, 2, 3, 1];
        RawData {
            shape,
            u: (0..24).map(|i| i as f32 * 0.5).collect(),
            grid: (0..8).map(|i| i as f32).collect(),
            times: vec![0.0, 0.5, 1.0],
        }
    }

    #[test]
    fn temp_files_of_dead_writers_are_removed_live_ones_kept() {
        let dir = tmpdir("stale");
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = dir.join(format!(".data.safetensors.tmp-{dead}-0-1"));
        let live = dir.join(format!(".data.safetensors.tmp-{}-0-1", std::process::id()));
        let other = dir.join(format!(".other.safetensors.tmp-{dead}-0-1"));
        for f in [&stale, &live, &other] {
            std::fs::write(f, b"partial").unwrap();
        }
        remove_stale_temps(&dir, "data.safetensors");
        assert!(!stale.exists() && live.exists() && other.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn tmpdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!(
            "engine-datasets-cache-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn fnv_matches_published_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn every_parameter_changes_the_file_name() {
        let base = params();
        let mut names = vec![base.file_name()];
        let mut p = base.clone();
        p.seed = 2;
        names.push(p.file_name());
        let mut p = base.clone();
        p.num_samples = 3;
        names.push(p.file_name());
        let mut p = base.clone();
        p.resolution = 3;
        names.push(p.file_name());
        let mut p = base.clone();
        p.num_frames = 4;
        names.push(p.file_name());
        let mut p = base.clone();
        p.t_end = 1.5;
        names.push(p.file_name());
        let mut p = base.clone();
        p.generator_version = 2;
        names.push(p.file_name());
        let mut p = base.clone();
        p.physics.insert("du".into(), 1e-3);
        names.push(p.file_name());
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "{names:?}");
        assert!(names[0].starts_with("toy-") && names[0].ends_with(".safetensors"));
    }

    #[test]
    fn round_trip_and_parameter_check() {
        let dir = tmpdir("rt");
        let path = dir.join(params().file_name());
        write_atomic(&path, &raw(), &params()).unwrap();
        let file = CacheFile::read(&path).unwrap();
        let c = file.open(&params()).unwrap();
        assert_eq!(c.shape, raw().shape);
        assert_eq!(le_f32(c.u), raw().u);
        assert_eq!(c.grid, raw().grid);
        assert_eq!(c.times, raw().times);
        // Only the final file is left.
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");

        let mut other = params();
        other.seed = 9;
        let e = file
            .open(&other)
            .err()
            .expect("mismatched parameters are an error")
            .to_string();
        assert!(
            e.contains(&path.display().to_string()) && e.contains("different parameters"),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn failed_write_removes_its_temp_file() {
        let dir = tmpdir("fail");
        // A directory where the file should go makes the final rename fail.
        let path = dir.join("target.safetensors");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("keep"), b"x").unwrap();
        let e = write_atomic(&path, &raw(), &params())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("target.safetensors") && e.contains("cannot write"),
            "{e}"
        );
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("target.safetensors")]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
