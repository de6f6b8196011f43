//! The built-in PDE data as the training loop sees it: train / validation / test indices, batches
//! as named f32 buffers for the model plugin, and evaluation (rollout loss and PDEBench's nRMSE).

use crate::config::Config;
use crate::error::{EngineError, Result};
use crate::host::Model;
use crate::task::Scores;

/// Loaded data and its split.
pub struct PdeData {
    dataset: datasets::PdeDataset,
    grid: Vec<f32>,
    pub train: Vec<usize>,
    pub val: Vec<usize>,
    pub test: Vec<usize>,
    initial_step: usize,
    t_train: usize,
}

/// One batch: the trajectories `u` [B, X.., T, C] and the grid [X.., d] (d = 1 or 2 spatial dims).
pub struct Batch<'a> {
    u: Vec<f32>,
    u_shape: Vec<u64>,
    grid: &'a [f32],
    grid_shape: Vec<u64>,
}

impl<'a> Batch<'a> {
    /// The batch as host tensors (`u`, then `grid`).
    pub fn into_host(self) -> crate::task::HostBatch<'a> {
        crate::task::HostBatch {
            tensors: vec![("u".into(), self.u_shape, self.u.into()), ("grid".into(), self.grid_shape, self.grid.into())],
        }
    }
}

impl PdeData {
    pub fn load(cfg: &Config) -> Result<Self> {
        let progress = |done: usize, total: usize| {
            if done == total {
                tracing::info!("generated {total} samples of {}", cfg.data.dataset);
            }
        };
        let (dataset, cache) = datasets::PdeDataset::load(&cfg.data, Some(&progress))?;
        if let Some(in_file) = cache.samples_in_file {
            tracing::info!("data file: {} ({in_file} samples)", cache.path.display());
            if let Some(cap) = cache.cap {
                tracing::info!("data.num_samples = {cap} caps the dataset at the first {cap} of the file's {in_file} samples");
            }
            tracing::info!("read {} samples (those of the split)", cache.samples_loaded);
        } else {
            tracing::info!("data cache: {}{}", cache.path.display(), if cache.generated { " (generated)" } else { "" });
        }
        let split = datasets::Split::new(dataset.n(), &cfg.data)?;
        if dataset.t() < cfg.train.t_train {
            return Err(EngineError::Config(format!(
                "`train.t_train` = {} but the data has {} frames after reduced_resolution_t",
                cfg.train.t_train,
                dataset.t()
            )));
        }
        Ok(Self {
            grid: dataset.grid().to_vec(),
            train: split.train,
            val: split.val,
            test: split.test,
            initial_step: cfg.train.initial_step,
            t_train: cfg.train.t_train,
            dataset,
        })
    }

    /// Spatial sizes: [X] or [X, Y].
    pub fn spatial(&self) -> &[usize] {
        self.dataset.spatial()
    }

    pub fn frames(&self) -> usize {
        self.dataset.t()
    }

    pub fn channels(&self) -> usize {
        self.dataset.c()
    }

    pub fn batch(&self, indices: &[usize]) -> Batch<'_> {
        let spatial = self.spatial().iter().map(|&d| d as u64);
        let u_shape = std::iter::once(indices.len() as u64).chain(spatial.clone()).chain([self.frames() as u64, self.channels() as u64]).collect();
        let grid_shape = spatial.chain([self.spatial().len() as u64]).collect();
        Batch { u: self.dataset.gather(indices), u_shape, grid: &self.grid, grid_shape }
    }

    /// Rolls the model out on `indices` in batches of `train.eval_batch_size` and scores it.
    /// Scores: `loss` (the training objective: sum over predicted frames of the per-frame MSE,
    /// sample-averaged), `nrmse` (PDEBench nRMSE over all t_train frames, the copied input frames
    /// counting with zero error) and `nrmse_pred` (predicted frames only).
    pub fn evaluate(&self, model: &mut Model, indices: &[usize], cfg: &Config) -> Result<Scores> {
        let points = self.dataset.points();
        let (t_all, c) = (self.frames(), self.channels());
        let mut all = datasets::MetricAccumulator::new();
        let mut pred_only = datasets::MetricAccumulator::new();
        let mut loss_sum = 0.0;
        for chunk in indices.chunks(cfg.train.eval_batch_size) {
            let batch = self.batch(chunk);
            let target = take_frames(&batch.u, chunk.len() * points, t_all, self.t_train, c);
            let outputs = model.predict(&batch.into_host().views())?;
            let pred = outputs.iter().find(|t| t.name.as_str() == "pred").ok_or_else(|| {
                EngineError::Plugin(format!("model plugin `{}` returned no `pred` tensor from predict", model.name))
            })?;
            let expected: Vec<u64> = std::iter::once(chunk.len() as u64)
                .chain(self.spatial().iter().map(|&d| d as u64))
                .chain([self.t_train as u64, c as u64])
                .collect();
            if pred.shape.as_slice() != expected.as_slice() {
                return Err(EngineError::Plugin(format!(
                    "model plugin `{}` returned `pred` of shape {:?}, expected {:?}",
                    model.name,
                    pred.shape.as_slice(),
                    expected
                )));
            }
            let layout = datasets::FieldLayout { batch: chunk.len(), space: points, frames: self.t_train, channels: c };
            all.add_batch(&pred.data, &target, layout, 0..self.t_train)?;
            pred_only.add_batch(&pred.data, &target, layout, self.initial_step..self.t_train)?;
            loss_sum += rollout_loss(&pred.data, &target, [chunk.len(), points, self.t_train, c], self.initial_step) * chunk.len() as f64;
        }
        // PDEBench averages nRMSE per batch, then over batches.
        Ok(Scores(vec![
            ("loss", loss_sum / indices.len() as f64),
            ("nrmse", all.nrmse().unwrap_or(f64::NAN)),
            ("nrmse_pred", pred_only.nrmse().unwrap_or(f64::NAN)),
        ]))
    }
}

/// Generates (or takes from the cache) the dataset `cfg` describes and writes it as a PDEBench
/// HDF5 file at `out` (a file, or a directory for PDEBench's file name; default: the current
/// directory). Written to a temporary name and renamed, so an interrupted run leaves no half file.
pub fn generate(cfg: &datasets::DataConfig, out: Option<&std::path::Path>) -> Result<std::path::PathBuf> {
    let name = datasets::pdebench_file_name(cfg)?;
    let path = match out {
        Some(p) if p.is_dir() => p.join(&name),
        Some(p) => p.to_path_buf(),
        None => std::path::PathBuf::from(&name),
    };
    let step = (cfg.num_samples / 10).max(1);
    let progress = |done: usize, total: usize| {
        if done % step == 0 || done == total {
            tracing::info!("{} samples of {} generated", done, total);
        }
    };
    let tmp = path.with_extension("partial.hdf5");
    let info = datasets::export_hdf5(cfg, &tmp, Some(&progress)).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    std::fs::rename(&tmp, &path).map_err(|e| crate::error::io_err(&path, e))?;
    tracing::info!("data from {}{}", info.path.display(), if info.generated { " (generated now)" } else { " (cache)" });
    Ok(path)
}

/// Keeps the first `t_keep` of `t_all` frames of a [points, T, C] buffer.
fn take_frames(u: &[f32], points: usize, t_all: usize, t_keep: usize, c: usize) -> Vec<f32> {
    let mut out = Vec::with_capacity(points * t_keep * c);
    for p in 0..points {
        out.extend_from_slice(&u[p * t_all * c..p * t_all * c + t_keep * c]);
    }
    out
}

/// Sum over frames t >= initial_step of the MSE of frame t (mean over samples, space, channels):
/// PDEBench's autoregressive training loss.
fn rollout_loss(pred: &[f32], target: &[f32], [b, points, t, c]: [usize; 4], initial_step: usize) -> f64 {
    let mut per_frame = vec![0.0f64; t];
    for (i, (p, y)) in pred.iter().zip(target).enumerate() {
        let frame = (i / c) % t;
        per_frame[frame] += ((p - y) as f64).powi(2);
    }
    let n = (b * points * c) as f64;
    per_frame[initial_step..].iter().map(|s| s / n).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rollout_loss_sums_frame_mses_after_the_input_frames() {
        // b=1, 2 points, 3 frames, 1 channel; errors only in frames 1 and 2.
        let target = vec![0.0; 6];
        let pred = vec![5.0, 1.0, 2.0, 5.0, 3.0, 4.0]; // point-major: [p0 t0, p0 t1, p0 t2, p1 t0, ...]
        let loss = rollout_loss(&pred, &target, [1, 2, 3, 1], 1);
        assert!((loss - ((1.0 + 9.0) / 2.0 + (4.0 + 16.0) / 2.0)).abs() < 1e-12);
    }

    #[test]
    fn take_frames_keeps_the_leading_frames_per_point() {
        let u: Vec<f32> = (0..12).map(|v| v as f32).collect(); // 2 points, 3 frames, 2 channels
        assert_eq!(take_frames(&u, 2, 3, 2, 2), vec![0.0, 1.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0]);
    }
}
