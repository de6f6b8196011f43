//! PDEBench's HDF5 files: written in PDEBench's layout and read back (ours or real ones), with
//! PDEBench's `reduced_resolution` / `reduced_resolution_t` strides applied while reading.
//!
//! Layouts (all arrays float32, coordinates are cell centres; attributes are float64 scalars on
//! the root group):
//!
//! | dataset | arrays | attributes |
//! |---|---|---|
//! | `cfd-2d` | `density`, `pressure`, `Vx`, `Vy` [N, T, X, Y]; `x-coordinate` [X], `y-coordinate` [Y] (cell centres of the simulation grid), `t-coordinate` [T + 1] (PDEBench's extra entry, one save interval past the end) | `eta`, `zeta`, `M` |
//! | `cfd-1d` | `density`, `pressure`, `Vx` [N, T, X]; `x-coordinate` [X], `t-coordinate` [T + 1] (PDEBench's extra entry, one save interval past the end) | `eta`, `zeta` |
//! | `darcy-2d` | `tensor` [N, 1, X, Y] (the solution u), `nu` [N, X, Y] (the coefficient a); `x-coordinate`, `y-coordinate` | `beta` |
//! | `burgers-1d`, `advection-1d` | `tensor` [N, T, X]; `x-coordinate` [X], `t-coordinate` [T] | `nu` / `beta` |
//! | `diffusion-reaction-2d` | one group per sample, `"0000"`, `"0001"`, ...: `data` [T, X, Y, 2] and `grid/x` [X], `grid/y` [Y], `grid/t` [T] | |
//!
//! Files written here also carry a root attribute `engine_generation`: the JSON of the generation
//! parameters (a string; PDEBench's readers ignore it). Writes go to a temporary file in the same
//! directory, renamed into place when complete.
//!
//! Reading takes the samples the caller asks for (those of the split: see `PdeDataset::load`) and
//! every `rrt`-th frame and `rr`-th cell along each axis, starting at 0 (numpy's `[::rr]`), with
//! runs of consecutive samples read a window at a time (`hdf5-pure`, a pure-Rust HDF5 reader and
//! writer: no system library), so a 13 GB PDEBench file is never read whole. The file's layout must
//! match `data.dataset`; the error says which dataset a file looks like.

use crate::cache::{GenParams, RawData};
use crate::error::DataError;
use crate::registry::DatasetKind;
use hdf5_pure as h5;
use std::path::{Path, PathBuf};

/// A dataset read from a file: [N, X, (Y,) T, C] with its grid [X, (Y,) d] and times [T].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FileData {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
    pub grid: Vec<f32>,
    pub times: Vec<f32>,
}

fn err(path: &Path, reason: impl std::fmt::Display) -> DataError {
    DataError::File {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

/// PDEBench's file name for these parameters (e.g.
/// `2D_CFD_Rand_M0.1_Eta0.01_Zeta0.01_periodic_128_Train.hdf5`).
pub(crate) fn pdebench_name(
    kind: DatasetKind,
    physics: &std::collections::BTreeMap<String, f64>,
    resolution: usize,
) -> String {
    let f = |k: &str| {
        let v = physics.get(k).copied().unwrap_or(f64::NAN);
        if v != 0.0 && v.abs() < 1e-3 {
            format!("{v:e}")
        } else {
            format!("{v}")
        }
    };
    match kind {
        DatasetKind::Cfd2d => format!(
            "2D_CFD_Rand_M{}_Eta{}_Zeta{}_periodic_{resolution}_Train.hdf5",
            f("mach"),
            f("eta"),
            f("zeta")
        ),
        DatasetKind::Cfd1d => format!(
            "1D_CFD_Rand_Eta{}_Zeta{}_periodic_Train.hdf5",
            f("eta"),
            f("zeta")
        ),
        DatasetKind::Darcy2d => format!("2D_DarcyFlow_beta{}_Train.hdf5", f("beta")),
        DatasetKind::Burgers1d => format!("1D_Burgers_Sols_Nu{}.hdf5", f("nu")),
        DatasetKind::Advection1d => format!("1D_Advection_Sols_beta{}.hdf5", f("beta")),
        DatasetKind::DiffusionReaction2d => "2D_diff-react_NA_NA.h5".to_string(),
    }
}

/// Writes `raw` (as generated: [N, X, (Y,) T, C]) to `path` in PDEBench's layout.
pub(crate) fn write(
    path: &Path,
    kind: DatasetKind,
    raw: &RawData,
    p: &GenParams,
) -> Result<(), DataError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| err(path, format!("cannot create its directory: {e}")))?;
    let name = path
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or("data.hdf5");
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = write_to(&tmp, kind, raw, p).and_then(|()| {
        std::fs::rename(&tmp, path).map_err(|e| {
            err(
                path,
                format!("cannot move the written file into place: {e}"),
            )
        })
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| match e {
        DataError::File { reason, .. } => err(path, reason),
        other => other,
    })
}

fn write_to(path: &Path, kind: DatasetKind, raw: &RawData, p: &GenParams) -> Result<(), DataError> {
    let n = raw.shape[0];
    let dims = kind.spatial_dims();
    let res = p.resolution;
    let points = res.pow(dims as u32);
    let nt = raw.shape[dims + 1];
    let nc = raw.shape[dims + 2];
    let [lo, hi] = kind.domain();
    let x: Vec<f32> = crate::common::cell_centres(res, lo, hi)
        .iter()
        .map(|&v| v as f32)
        .collect();
    let times: Vec<f32> = crate::common::save_times(p.t_end, p.num_frames)
        .iter()
        .map(|&v| v as f32)
        .collect();
    let mut file = h5::FileBuilder::new();
    fn put(b: &mut h5::DatasetBuilder, shape: &[usize], data: &[f32]) {
        let shape: Vec<u64> = shape.iter().map(|&d| d as u64).collect();
        b.with_f32_data(data).with_shape(&shape);
    }
    // Channel c of every sample as [N, T, points].
    let channel = |c: usize| -> Vec<f32> {
        let mut out = vec![0f32; n * nt * points];
        for s in 0..n {
            for q in 0..points {
                for t in 0..nt {
                    out[(s * nt + t) * points + q] = raw.u[((s * points + q) * nt + t) * nc + c];
                }
            }
        }
        out
    };
    let spatial: Vec<usize> = vec![res; dims];
    let phys = |k: &str| h5::AttrValue::F64(p.physics.get(k).copied().unwrap_or(f64::NAN));
    match kind {
        DatasetKind::Cfd2d | DatasetKind::Cfd1d => {
            let mut shape = vec![n, nt];
            shape.extend(&spatial);
            for (c, name) in kind.channels().iter().enumerate() {
                put(file.create_dataset(name), &shape, &channel(c));
            }
            put(file.create_dataset("x-coordinate"), &[res], &x);
            if dims == 2 {
                put(file.create_dataset("y-coordinate"), &[res], &x);
                file.set_attr("M", phys("mach"));
            }
            // PDEBench's CFD files (1D and 2D) have one more time coordinate than frames:
            // k * dt_save for k = 0..=T.
            let dt = if nt > 1 { (p.t_end / (nt - 1) as f64) as f32 } else { 0.0 };
            let mut t1 = times.clone();
            t1.push(times[nt - 1] + dt);
            put(file.create_dataset("t-coordinate"), &[nt + 1], &t1);
            file.set_attr("eta", phys("eta"));
            file.set_attr("zeta", phys("zeta"));
        }
        DatasetKind::Darcy2d => {
            // Frame 0 = a (nu), frame 1 = u (tensor); one channel.
            let mut nu = vec![0f32; n * points];
            let mut u = vec![0f32; n * points];
            for s in 0..n {
                for q in 0..points {
                    nu[s * points + q] = raw.u[(s * points + q) * 2];
                    u[s * points + q] = raw.u[(s * points + q) * 2 + 1];
                }
            }
            put(file.create_dataset("tensor"), &[n, 1, res, res], &u);
            put(file.create_dataset("nu"), &[n, res, res], &nu);
            put(file.create_dataset("x-coordinate"), &[res], &x);
            put(file.create_dataset("y-coordinate"), &[res], &x);
            file.set_attr("beta", phys("beta"));
        }
        DatasetKind::Burgers1d | DatasetKind::Advection1d => {
            put(file.create_dataset("tensor"), &[n, nt, res], &channel(0));
            put(file.create_dataset("x-coordinate"), &[res], &x);
            put(file.create_dataset("t-coordinate"), &[nt], &times);
            file.set_attr(if kind == DatasetKind::Burgers1d { "nu" } else { "beta" }, phys(if kind == DatasetKind::Burgers1d { "nu" } else { "beta" }));
        }
        DatasetKind::DiffusionReaction2d => {
            // Per sample: data [T, X, Y, C].
            for s in 0..n {
                let mut g = file.create_group(&format!("{s:04}"));
                let mut d = vec![0f32; nt * points * nc];
                for q in 0..points {
                    for t in 0..nt {
                        for c in 0..nc {
                            d[(t * points + q) * nc + c] =
                                raw.u[((s * points + q) * nt + t) * nc + c];
                        }
                    }
                }
                put(g.create_dataset("data"), &[nt, res, res, nc], &d);
                let mut grid = g.create_group("grid");
                put(grid.create_dataset("x"), &[res], &x);
                put(grid.create_dataset("y"), &[res], &x);
                put(grid.create_dataset("t"), &[nt], &times);
                g.add_group(grid.finish());
                file.add_group(g.finish());
            }
        }
    }
    file.set_attr("engine_generation", h5::AttrValue::String(p.json()));
    file.write(path)
        .map_err(|e| err(path, format!("cannot write: {e}")))?;
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| err(path, format!("cannot write: {e}")))
}

/// Which dataset's layout the open file has.
fn detect(file: &h5::File) -> Option<(DatasetKind, &'static str)> {
    let ndim = |name: &str| file.dataset(name).ok().and_then(|d| d.shape().ok()).map(|s| s.len());
    if let Some(d) = ndim("density") {
        return match d {
            4 => Some((DatasetKind::Cfd2d, "density [N, T, X, Y]")),
            3 => Some((DatasetKind::Cfd1d, "density [N, T, X]")),
            _ => None,
        };
    }
    if let Some(d) = ndim("tensor") {
        return match (d, file.dataset("nu").is_ok()) {
            (4, true) => Some((DatasetKind::Darcy2d, "tensor [N, 1, X, Y] and nu")),
            (3, _) => Some((DatasetKind::Burgers1d, "tensor [N, T, X]")),
            _ => None,
        };
    }
    let names = file.root().groups().ok()?;
    if names
        .first()
        .is_some_and(|g| file.dataset(&format!("{g}/data")).is_ok())
    {
        return Some((
            DatasetKind::DiffusionReaction2d,
            "groups with data [T, X, Y, C]",
        ));
    }
    None
}

/// Why a read failed, with a hint for the one layout this reader does not know.
fn read_error(path: &Path, name: &str, e: h5::Error) -> DataError {
    let hint = if format!("{e:?}").contains("InvalidLayoutVersion(5)") {
        " (a layout only HDF5 2.0 writes, e.g. h5py with libver='latest'; write it with libver='v114' or the default)"
    } else {
        ""
    };
    err(path, format!("cannot read `{name}` as float32: {e}{hint}"))
}

fn open_dataset(path: &Path, file: &h5::File, name: &str) -> Result<h5::Dataset, DataError> {
    file.dataset(name)
        .map_err(|e| err(path, format!("no dataset `{name}`: {e}")))
}

fn shape_of(path: &Path, file: &h5::File, name: &str) -> Result<Vec<usize>, DataError> {
    let shape = open_dataset(path, file, name)?
        .shape()
        .map_err(|e| err(path, format!("cannot read the shape of `{name}`: {e}")))?;
    Ok(shape.iter().map(|&d| d as usize).collect())
}

/// Appends the elements of `src` (a row-major array of shape `dims`) at indices 0, step, 2 step,
/// ... along every axis, in row-major order (numpy's `src[::s0, ::s1, ...]`).
fn gather_strided(src: &[f32], dims: &[usize], steps: &[usize], out: &mut Vec<f32>) {
    match dims {
        [] => out.push(src[0]),
        [_] => out.extend(src.iter().step_by(steps[0])),
        [d0, rest @ ..] => {
            let stride: usize = rest.iter().product();
            for i in (0..*d0).step_by(steps[0]) {
                gather_strided(&src[i * stride..(i + 1) * stride], rest, &steps[1..], out);
            }
        }
    }
}

/// Reads the entries `rows` (increasing) of `name` along its leading axis, each strided by
/// `steps` along the remaining axes (start 0). Consecutive rows are read together, a window at a
/// time, so memory stays at what is kept plus one window, whatever the file's size.
fn read_rows(path: &Path, file: &h5::File, name: &str, rows: &[usize], steps: &[usize]) -> Result<Vec<f32>, DataError> {
    let ds = open_dataset(path, file, name)?;
    let shape = shape_of(path, file, name)?;
    let inner = &shape[1..];
    debug_assert_eq!(inner.len(), steps.len());
    let row_len: usize = inner.iter().product();
    let kept: usize = inner.iter().zip(steps).map(|(d, s)| d.div_ceil(*s)).product();
    if let Some(&last) = rows.last() {
        if last >= shape[0] {
            return Err(err(path, format!("`{name}` has {} rows; row {last} was asked for", shape[0])));
        }
    }
    let mut out = Vec::with_capacity(rows.len() * kept);
    // About 64 MB of stored values per read.
    let window = ((16 << 20) / row_len.max(1)).max(1);
    let mut k = 0;
    while k < rows.len() {
        // The run of consecutive rows starting at rows[k], at most one window long.
        let start = rows[k];
        let mut count = 1;
        while k + count < rows.len() && rows[k + count] == start + count && count < window {
            count += 1;
        }
        let values = ds
            .read_f32_rows(start as u64, count as u64)
            .map_err(|e| read_error(path, name, e))?;
        if values.len() != count * row_len {
            return Err(err(path, format!("`{name}`: read {} values for {count} rows of {row_len}", values.len())));
        }
        for row in values.chunks_exact(row_len.max(1)) {
            gather_strided(row, inner, steps, &mut out);
        }
        k += count;
    }
    Ok(out)
}

/// Reads a whole (small) dataset strided by `steps` along each axis.
fn read_all(path: &Path, file: &h5::File, name: &str, steps: &[usize]) -> Result<Vec<f32>, DataError> {
    let shape = shape_of(path, file, name)?;
    let values = open_dataset(path, file, name)?
        .read_f32()
        .map_err(|e| read_error(path, name, e))?;
    if shape.len() != steps.len() || values.len() != shape.iter().product::<usize>() {
        return Err(err(path, format!("`{name}` has shape {shape:?}, which this layout does not expect")));
    }
    let mut out = Vec::new();
    gather_strided(&values, &shape, steps, &mut out);
    Ok(out)
}

/// What a PDEBench file says about itself: sizes, coordinates, attributes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FileMeta {
    /// Samples in the file.
    pub samples: usize,
    /// Grid points per spatial axis, as stored.
    pub spatial: Vec<usize>,
    /// Frames, as stored (Darcy: 2, the coefficient and the solution).
    pub frames: usize,
    /// Time of the last frame, from the time coordinates (None without them, and for Darcy).
    pub t_end: Option<f64>,
    /// Physics attributes under the engine's key names (`M` -> mach, `Nu` -> nu, ...).
    pub physics: std::collections::BTreeMap<String, f64>,
    /// The `engine_generation` attribute of files this engine wrote (GenParams as JSON).
    pub generation: Option<serde_json::Value>,
}

fn open(path: &Path) -> Result<h5::File, DataError> {
    h5::File::open_streaming(path).map_err(|e| err(path, format!("cannot open as HDF5: {e}")))
}

/// Checks that the open file has the layout of `kind` (the error names the dataset it looks like).
fn check_layout(path: &Path, file: &h5::File, kind: DatasetKind) -> Result<(), DataError> {
    match detect(file) {
        Some((found, _)) if found == kind || (found == DatasetKind::Burgers1d && kind == DatasetKind::Advection1d) => {}
        Some((found, what)) => {
            let also = if found == DatasetKind::Burgers1d { " or \"advection-1d\"" } else { "" };
            return Err(err(
                path,
                format!(
                    "has the layout of {} ({what}), not of {}; set data.dataset = \"{}\"{also}",
                    found.name(),
                    kind.name(),
                    found.name()
                ),
            ));
        }
        None => {
            return Err(err(
                path,
                "is not a PDEBench file this engine knows (no `density`, `tensor` + `nu`, `tensor` or per-sample groups)",
            ))
        }
    }
    Ok(())
}

/// Reads what the file of `kind` at `path` says about itself (no field values).
pub(crate) fn describe(path: &Path, kind: DatasetKind) -> Result<FileMeta, DataError> {
    let file = open(path)?;
    check_layout(path, &file, kind)?;
    let (samples, spatial, frames, tcoord) = match kind {
        DatasetKind::Cfd2d | DatasetKind::Cfd1d | DatasetKind::Burgers1d | DatasetKind::Advection1d => {
            let first = if matches!(kind, DatasetKind::Cfd2d | DatasetKind::Cfd1d) { "density" } else { "tensor" };
            let shape = shape_of(path, &file, first)?;
            (shape[0], shape[2..].to_vec(), shape[1], file.dataset("t-coordinate").is_ok().then_some("t-coordinate".to_string()))
        }
        DatasetKind::Darcy2d => {
            let shape = shape_of(path, &file, "tensor")?;
            (shape[0], shape[2..].to_vec(), 2, None)
        }
        DatasetKind::DiffusionReaction2d => {
            let mut groups = file.root().groups().map_err(|e| err(path, e))?;
            groups.sort();
            let shape = shape_of(path, &file, &format!("{}/data", groups[0]))?;
            (groups.len(), shape[1..shape.len().min(3)].to_vec(), shape[0], Some(format!("{}/grid/t", groups[0])))
        }
    };
    let t_end = match tcoord {
        Some(name) => {
            let t = read_all(path, &file, &name, &[1])?;
            // PDEBench's CFD files carry T + 1 time coordinates: the last frame is at t[T - 1].
            t.get(frames.saturating_sub(1)).map(|&v| v as f64)
        }
        None => None,
    };
    let attrs = file.root().attrs().map_err(|e| err(path, format!("cannot read the attributes: {e}")))?;
    let mut physics = std::collections::BTreeMap::new();
    for (name, key) in [("M", "mach"), ("eta", "eta"), ("zeta", "zeta"), ("beta", "beta"), ("Nu", "nu"), ("nu", "nu")] {
        if let Some(v) = attrs.get(name).and_then(|a| a.as_f64().or_else(|| a.as_i64().map(|i| i as f64))) {
            physics.insert(key.to_string(), v);
        }
    }
    let generation = attrs
        .get("engine_generation")
        .and_then(|a| a.as_str())
        .and_then(|s| serde_json::from_str(s).ok());
    Ok(FileMeta { samples, spatial, frames, t_end, physics, generation })
}

/// Reads the samples `rows` (increasing, each below the file's sample count) of a PDEBench file
/// of `kind`, strided by `rr` in space and `rrt` in time.
pub(crate) fn read(
    path: &Path,
    kind: DatasetKind,
    rows: &[usize],
    rr: usize,
    rrt: usize,
) -> Result<FileData, DataError> {
    let file = open(path)?;
    check_layout(path, &file, kind)?;
    let dims = kind.spatial_dims();
    let nc = kind.channels().len();
    // A coordinate array, strided; cell centres on the dataset's domain if the file has none.
    let coord = |name: &str, full: usize| -> Result<Vec<f32>, DataError> {
        if file.dataset(name).is_ok() {
            return read_all(path, &file, name, &[rr]);
        }
        let [lo, hi] = kind.domain();
        let centres = crate::common::cell_centres(full, lo, hi);
        Ok(centres.iter().step_by(rr).map(|&v| v as f32).collect())
    };
    let (n, spatial_full, nt_full, per_channel): (usize, Vec<usize>, usize, Vec<Vec<f32>>);
    let times_full: Option<Vec<f32>>;
    let mut grid_axes: Vec<Vec<f32>> = Vec::new();
    match kind {
        DatasetKind::Cfd2d
        | DatasetKind::Cfd1d
        | DatasetKind::Burgers1d
        | DatasetKind::Advection1d => {
            let first = if matches!(kind, DatasetKind::Cfd2d | DatasetKind::Cfd1d) {
                "density"
            } else {
                "tensor"
            };
            let shape = shape_of(path, &file, first)?;
            n = rows.len();
            nt_full = shape[1];
            spatial_full = shape[2..].to_vec();
            let mut steps = vec![rrt];
            steps.extend(spatial_full.iter().map(|_| rr));
            let names: Vec<&str> = if first == "tensor" {
                vec!["tensor"]
            } else {
                kind.channels().to_vec()
            };
            let mut chans = Vec::new();
            for name in names {
                let s = shape_of(path, &file, name)?;
                if s != shape {
                    return Err(err(
                        path,
                        format!("`{name}` has shape {s:?} but `{first}` has {shape:?}"),
                    ));
                }
                chans.push(read_rows(path, &file, name, rows, &steps)?);
            }
            per_channel = chans;
            grid_axes.push(coord("x-coordinate", spatial_full[0])?);
            if dims == 2 {
                grid_axes.push(coord("y-coordinate", spatial_full[1])?);
            }
            times_full = if file.dataset("t-coordinate").is_ok() {
                Some(read_all(path, &file, "t-coordinate", &[1])?)
            } else {
                None
            };
        }
        DatasetKind::Darcy2d => {
            let shape = shape_of(path, &file, "tensor")?;
            if shape[1] != 1 {
                return Err(err(
                    path,
                    format!("`tensor` has shape {shape:?}, expected [N, 1, X, Y]"),
                ));
            }
            n = rows.len();
            spatial_full = shape[2..].to_vec();
            nt_full = 2;
            let nu_shape = shape_of(path, &file, "nu")?;
            if nu_shape[1..] != shape[2..] || nu_shape[0] < shape[0] {
                return Err(err(
                    path,
                    format!("`nu` has shape {nu_shape:?} but `tensor` has {shape:?}"),
                ));
            }
            let nu = read_rows(path, &file, "nu", rows, &[rr, rr])?;
            let u = read_rows(path, &file, "tensor", rows, &[1, rr, rr])?;
            // As [N, T=2, points] with T = [nu, u].
            let points = nu.len() / n.max(1);
            let mut both = Vec::with_capacity(2 * nu.len());
            for s in 0..n {
                both.extend_from_slice(&nu[s * points..(s + 1) * points]);
                both.extend_from_slice(&u[s * points..(s + 1) * points]);
            }
            per_channel = vec![both];
            grid_axes.push(coord("x-coordinate", spatial_full[0])?);
            grid_axes.push(coord("y-coordinate", spatial_full[1])?);
            times_full = Some(vec![0.0, 1.0]);
        }
        DatasetKind::DiffusionReaction2d => {
            let mut groups = file.root().groups().map_err(|e| err(path, e))?;
            groups.sort();
            n = rows.len();
            if let Some(&last) = rows.last() {
                if last >= groups.len() {
                    return Err(err(path, format!("has {} sample groups; sample {last} was asked for", groups.len())));
                }
            }
            let shape = shape_of(path, &file, &format!("{}/data", groups[0]))?;
            if shape.len() != 4 || shape[3] != nc {
                return Err(err(
                    path,
                    format!(
                        "`{}/data` has shape {shape:?}, expected [T, X, Y, 2]",
                        groups[0]
                    ),
                ));
            }
            nt_full = shape[0];
            spatial_full = shape[1..3].to_vec();
            // To [N, T, points] per channel.
            let (t2, x2, y2) = (
                nt_full.div_ceil(rrt),
                spatial_full[0].div_ceil(rr),
                spatial_full[1].div_ceil(rr),
            );
            let points = x2 * y2;
            let mut chans = vec![Vec::with_capacity(n * t2 * points); nc];
            for g in rows.iter().map(|&r| &groups[r]) {
                let d = read_all(path, &file, &format!("{g}/data"), &[rrt, rr, rr, 1])?;
                for (c, ch) in chans.iter_mut().enumerate() {
                    ch.extend((0..t2 * points).map(|k| d[k * nc + c]));
                }
            }
            per_channel = chans;
            let g0 = &groups[0];
            grid_axes.push(read_all(path, &file, &format!("{g0}/grid/x"), &[rr])?);
            grid_axes.push(read_all(path, &file, &format!("{g0}/grid/y"), &[rr])?);
            times_full = Some(read_all(path, &file, &format!("{g0}/grid/t"), &[1])?);
        }
    }
    if spatial_full.len() != dims {
        return Err(err(
            path,
            format!(
                "has {} spatial axes, {} has {dims}",
                spatial_full.len(),
                kind.name()
            ),
        ));
    }
    let spatial: Vec<usize> = spatial_full.iter().map(|x| x.div_ceil(rr)).collect();
    let points: usize = spatial.iter().product();
    let nt = if kind == DatasetKind::Darcy2d {
        2
    } else {
        nt_full.div_ceil(rrt)
    };
    // Interleave channels: [N, T, points] per channel -> [N, points, T, C].
    let mut data = vec![0f32; n * points * nt * nc];
    for (c, ch) in per_channel.iter().enumerate() {
        if ch.len() != n * nt * points {
            return Err(err(
                path,
                format!(
                    "read {} values for a channel, expected {}",
                    ch.len(),
                    n * nt * points
                ),
            ));
        }
        for s in 0..n {
            for t in 0..nt {
                for q in 0..points {
                    data[((s * points + q) * nt + t) * nc + c] = ch[(s * nt + t) * points + q];
                }
            }
        }
    }
    let grid = match dims {
        1 => grid_axes[0].clone(),
        _ => {
            let mut g = Vec::with_capacity(points * 2);
            for &x in &grid_axes[0] {
                for &y in &grid_axes[1] {
                    g.push(x);
                    g.push(y);
                }
            }
            g
        }
    };
    let times = match times_full {
        // PDEBench's 1D CFD files carry T + 1 time coordinates: keep the first T, then stride.
        Some(t) if t.len() >= nt_full => t[..nt_full]
            .iter()
            .step_by(if kind == DatasetKind::Darcy2d { 1 } else { rrt })
            .copied()
            .collect(),
        _ => (0..nt).map(|k| (k * rrt) as f32).collect(),
    };
    let mut shape = vec![n];
    shape.extend(&spatial);
    shape.extend([nt, nc]);
    Ok(FileData {
        shape,
        data,
        grid,
        times,
    })
}
