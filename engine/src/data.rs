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
    /// Per-channel normalisation the model sees (`train.normalize = "channel"`).
    pub normalizer: Option<Normalizer>,
    /// Per-channel weights of the training loss (`train.loss = "nrmse"`), for the model.
    pub loss_weights: Option<Vec<f64>>,
    /// For `train.loss = "relative"`: how the model's fields map to physical units (scale and
    /// offset per channel), which the relative error's denominator needs.
    pub relative_loss: Option<Normalizer>,
}

/// Per-channel unit-Gaussian normalisation (neuraloperator's unit Gaussian normaliser, one mean
/// and standard deviation per physical channel): the model trains and predicts on
/// (u - mean_c) / std_c; predictions are mapped back before any metric, so every reported figure
/// is in physical units. The statistics come from the training split only.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Normalizer {
    pub mean: Vec<f64>,
    pub std: Vec<f64>,
}

/// The channel weights that make a mean squared error the squared nRMSE with the training
/// split's denominators: nRMSE divides each channel's error by the root of its mean square in
/// physical units, (mean^2 + std^2). On normalised fields an error is std times smaller, so the
/// weight is std^2 / (mean^2 + std^2); on raw fields 1 / (mean^2 + std^2). Scaled to mean 1, so
/// the loss stays on MSE's scale (gradient clipping and weight decay keep their meaning).
pub fn nrmse_loss_weights(stats: &Normalizer, normalised: bool) -> Vec<f64> {
    let raw: Vec<f64> = stats
        .mean
        .iter()
        .zip(&stats.std)
        .map(|(m, s)| {
            let square = (m * m + s * s).max(f64::MIN_POSITIVE);
            if normalised { s * s / square } else { 1.0 / square }
        })
        .collect();
    let mean = raw.iter().sum::<f64>() / raw.len() as f64;
    raw.iter().map(|w| (w / mean).max(1e-12)).collect()
}

impl Normalizer {
    /// Statistics over every point and frame of the training samples.
    fn fit(dataset: &datasets::PdeDataset, train: &[usize]) -> Self {
        Self::fit_samples(train.iter().map(|&i| dataset.sample(i)), dataset.c())
    }

    /// Statistics of samples laid out [points, T, C] (channel fastest).
    fn fit_samples<'a>(samples: impl Iterator<Item = &'a [f32]>, c: usize) -> Self {
        let mut sum = vec![0f64; c];
        let mut sq = vec![0f64; c];
        let mut count = 0usize;
        for sample in samples {
            for (k, v) in sample.iter().enumerate() {
                sum[k % c] += *v as f64;
                sq[k % c] += (*v as f64) * (*v as f64);
            }
            count += sample.len() / c;
        }
        let n = count.max(1) as f64;
        let mean: Vec<f64> = sum.iter().map(|s| s / n).collect();
        // A constant channel keeps unit scale rather than blowing up.
        let std = sq.iter().zip(&mean).map(|(q, m)| (q / n - m * m).max(0.0).sqrt()).map(|s| if s > 1e-12 { s } else { 1.0 }).collect();
        Self { mean, std }
    }

    fn normalize(&self, u: &mut [f32]) {
        let c = self.mean.len();
        for (k, v) in u.iter_mut().enumerate() {
            *v = ((*v as f64 - self.mean[k % c]) / self.std[k % c]) as f32;
        }
    }

    fn denormalize(&self, u: &mut [f32]) {
        let c = self.mean.len();
        for (k, v) in u.iter_mut().enumerate() {
            *v = (*v as f64 * self.std[k % c] + self.mean[k % c]) as f32;
        }
    }
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
        check_memory(&cfg.data)?;
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
        let normalizer = match cfg.train.normalize.as_str() {
            "channel" => Some(Normalizer::fit(&dataset, &split.train)),
            "none" => None,
            other => return Err(EngineError::Config(format!("`train.normalize` is `{other}`; use \"channel\" or \"none\""))),
        };
        let loss_weights = (cfg.train.loss == crate::config::TrainLoss::Nrmse).then(|| {
            let stats = normalizer.clone().unwrap_or_else(|| Normalizer::fit(&dataset, &split.train));
            let weights = nrmse_loss_weights(&stats, normalizer.is_some());
            tracing::info!("train.loss = \"nrmse\": channel weights {:?} (mean 1)", weights.iter().map(|w| format!("{w:.3e}")).collect::<Vec<_>>());
            weights
        });
        // The model sees (u - mean) / std with normalisation, u itself without.
        let relative_loss = (cfg.train.loss == crate::config::TrainLoss::Relative).then(|| match &normalizer {
            Some(n) => n.clone(),
            None => Normalizer { mean: vec![0.0; dataset.c()], std: vec![1.0; dataset.c()] },
        });
        if let Some(n) = &normalizer {
            tracing::info!("normalising channels by training statistics: mean {:?}, std {:?}", n.mean.iter().map(|v| format!("{v:.3e}")).collect::<Vec<_>>(), n.std.iter().map(|v| format!("{v:.3e}")).collect::<Vec<_>>());
        }
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
            normalizer,
            loss_weights,
            relative_loss,
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

    /// The batch the model sees (normalised when asked).
    pub fn batch(&self, indices: &[usize]) -> Batch<'_> {
        let mut u = self.dataset.gather(indices);
        if let Some(n) = &self.normalizer {
            n.normalize(&mut u);
        }
        self.batch_of(indices.len(), u)
    }

    fn batch_of(&self, b: usize, u: Vec<f32>) -> Batch<'_> {
        let spatial = self.spatial().iter().map(|&d| d as u64);
        let u_shape = std::iter::once(b as u64).chain(spatial.clone()).chain([self.frames() as u64, self.channels() as u64]).collect();
        let grid_shape = spatial.chain([self.spatial().len() as u64]).collect();
        Batch { u, u_shape, grid: &self.grid, grid_shape }
    }

    /// Rolls the model out on `indices` in batches of `train.eval_batch_size` and scores it.
    /// Scores: `loss` (the training objective: sum over predicted frames of the per-frame MSE,
    /// sample-averaged, in the units the model trains on), `nrmse` (PDEBench nRMSE over all
    /// t_train frames, the copied input frames counting with zero error) and `nrmse_pred`
    /// (predicted frames only), both in physical units.
    pub fn evaluate(&self, model: &mut Model, indices: &[usize], cfg: &Config) -> Result<Scores> {
        self.evaluate_keeping(model, indices, cfg, &mut |_| {})
    }

    /// [`PdeData::evaluate`], handing each batch's predictions (physical units, [B, X.., t_train,
    /// C]) to `keep`, in the order of `indices`.
    pub fn evaluate_keeping(&self, model: &mut Model, indices: &[usize], cfg: &Config, keep: &mut dyn FnMut(&[f32])) -> Result<Scores> {
        self.score(indices, cfg, |chunk, _| {
            let outputs = model.predict(&self.batch(chunk).into_host().views())?;
            let pred = outputs.iter().find(|t| t.name.as_str() == "pred").ok_or_else(|| {
                EngineError::Plugin(format!("model plugin `{}` returned no `pred` tensor from predict", model.name))
            })?;
            let expected: Vec<u64> = std::iter::once(chunk.len() as u64)
                .chain(self.spatial().iter().map(|&d| d as u64))
                .chain([self.t_train as u64, self.channels() as u64])
                .collect();
            if pred.shape.as_slice() != expected.as_slice() {
                return Err(EngineError::Plugin(format!(
                    "model plugin `{}` returned `pred` of shape {:?}, expected {:?}",
                    model.name,
                    pred.shape.as_slice(),
                    expected
                )));
            }
            let mut physical = pred.data.to_vec();
            if let Some(n) = &self.normalizer {
                n.denormalize(&mut physical);
            }
            keep(&physical);
            Ok(physical)
        })
    }

    /// The second trivial baseline: every predicted frame is the training set's mean field at that
    /// point and frame (what a model that ignores its input could do at best in the mean-square
    /// sense); the input frames are copied as for any model.
    pub fn mean_field(&self, indices: &[usize], cfg: &Config) -> Scores {
        let (t, c, first) = (self.t_train, self.channels(), self.initial_step);
        let (t_all, points) = (self.frames(), self.dataset.points());
        let mut mean = vec![0f64; points * t * c];
        for &i in &self.train {
            let sample = self.dataset.sample(i);
            for p in 0..points {
                for f in 0..t {
                    for k in 0..c {
                        mean[(p * t + f) * c + k] += sample[(p * t_all + f) * c + k] as f64;
                    }
                }
            }
        }
        let n = self.train.len().max(1) as f64;
        let mean: Vec<f32> = mean.iter().map(|v| (v / n) as f32).collect();
        let scores = self.score(indices, cfg, |chunk, target| {
            let mut pred = target.to_vec();
            for b in 0..chunk.len() {
                for p in 0..points {
                    let at = (b * points + p) * t * c;
                    let from = p * t * c;
                    pred[at + first * c..at + t * c].copy_from_slice(&mean[from + first * c..from + t * c]);
                }
            }
            Ok(pred)
        });
        scores.expect("mean-field scores")
    }

    /// The trivial baseline every PDE model must beat: persistence, which copies the last input
    /// frame forward to every predicted frame, scored exactly as [`PdeData::evaluate`] scores a
    /// model, on the same samples.
    pub fn persistence(&self, indices: &[usize], cfg: &Config) -> Scores {
        let (t, c, first) = (self.t_train, self.channels(), self.initial_step);
        let scores = self.score(indices, cfg, |_, target| {
            let mut pred = target.to_vec();
            for point in 0..target.len() / (t * c) {
                let last = (point * t + first - 1) * c;
                for frame in first..t {
                    let at = (point * t + frame) * c;
                    pred.copy_within(last..last + c, at);
                }
            }
            Ok(pred)
        });
        // Shapes are ours: nothing in the scoring can fail.
        scores.expect("persistence scores")
    }

    /// Scores predictions (physical units, [B, points, t_train, C] per chunk) that `predict`
    /// makes for each chunk of `indices`, given the chunk's target frames.
    fn score(&self, indices: &[usize], cfg: &Config, mut predict: impl FnMut(&[usize], &[f32]) -> Result<Vec<f32>>) -> Result<Scores> {
        let points = self.dataset.points();
        let (t_all, c) = (self.frames(), self.channels());
        let mut all = datasets::MetricAccumulator::new();
        let mut pred_only = datasets::MetricAccumulator::new();
        let mut loss_sum = 0.0;
        for chunk in indices.chunks(cfg.train.eval_batch_size) {
            let raw = self.dataset.gather(chunk);
            let target = take_frames(&raw, chunk.len() * points, t_all, self.t_train, c);
            let pred = predict(chunk, &target)?;
            let layout = datasets::FieldLayout { batch: chunk.len(), space: points, frames: self.t_train, channels: c };
            all.add_batch(&pred, &target, layout, 0..self.t_train)?;
            pred_only.add_batch(&pred, &target, layout, self.initial_step..self.t_train)?;
            // The loss in the units the model trains on.
            let (mut p, mut y) = (pred, target);
            if let Some(n) = &self.normalizer {
                n.normalize(&mut p);
                n.normalize(&mut y);
            }
            loss_sum += rollout_loss(&p, &y, [chunk.len(), points, self.t_train, c], self.initial_step) * chunk.len() as f64;
        }
        // PDEBench averages nRMSE per batch, then over batches.
        Ok(Scores(vec![
            ("loss", loss_sum / indices.len().max(1) as f64),
            ("nrmse", all.nrmse().unwrap_or(f64::NAN)),
            ("nrmse_pred", pred_only.nrmse().unwrap_or(f64::NAN)),
        ]))
    }

    /// Writes the model's rollouts on `indices` as a PDEBench HDF5 file of this dataset (the
    /// t_train frames, input frames included, in physical units); returns the scores as well.
    pub fn save_predictions(&self, model: &mut Model, indices: &[usize], cfg: &Config, path: &std::path::Path) -> Result<Scores> {
        let mut all = Vec::new();
        let scores = self.evaluate_keeping(model, indices, cfg, &mut |p| all.extend_from_slice(p))?;
        let mut shape = vec![indices.len()];
        shape.extend(self.spatial());
        shape.extend([self.t_train, self.channels()]);
        let t_last = self.dataset.times().get(self.t_train - 1).copied().unwrap_or(1.0) as f64;
        datasets::write_fields(path, &cfg.data, &shape, all, t_last)?;
        Ok(scores)
    }

    /// Replaces the normalisation with the one a checkpoint was trained with (evaluating a
    /// checkpoint on other data must map its predictions back with its own statistics).
    pub fn set_normalizer(&mut self, normalizer: Normalizer) -> Result<()> {
        if normalizer.mean.len() != self.channels() || normalizer.std.len() != self.channels() {
            return Err(EngineError::Data(format!(
                "the checkpoint was trained on {} channels, this data has {}",
                normalizer.mean.len(),
                self.channels()
            )));
        }
        self.normalizer = Some(normalizer);
        Ok(())
    }
}

/// Memory the machine has available now (MemAvailable), in bytes; None where unknown.
pub fn available_memory() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemAvailable:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kb| kb * 1024)
}

/// Refuses, before allocating anything, a generated dataset larger than the memory available:
/// a typo such as `data.num_samples=1e9` would otherwise abort the process with an allocation
/// failure and a backtrace. The estimate counts the generated float32 fields at full resolution
/// (what the cache holds while it is written).
fn check_memory(data: &datasets::DataConfig) -> Result<()> {
    if data.file.is_some() {
        return Ok(());
    }
    let Some(kind) = datasets::DatasetKind::from_name(&data.dataset) else { return Ok(()) };
    let frames = if kind.is_steady() { 2 } else { data.num_frames };
    let values = [data.num_samples as f64, (data.resolution as f64).powi(kind.spatial_dims() as i32), frames as f64, kind.channels().len() as f64].iter().product::<f64>();
    let bytes = values * 4.0;
    let Some(available) = available_memory() else { return Ok(()) };
    if bytes > 0.8 * available as f64 {
        let gb = |b: f64| format!("{:.1} GB", b / 1e9);
        return Err(EngineError::Config(format!(
            "data.num_samples = {} at data.resolution = {} ({} frames, {} channels) needs about {} of memory; this machine has {} available; lower data.num_samples or data.resolution",
            data.num_samples,
            data.resolution,
            frames,
            kind.channels().len(),
            gb(bytes),
            gb(available as f64)
        )));
    }
    Ok(())
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
    fn normalizer_uses_per_channel_statistics_and_inverts() {
        // Two samples, 2 points x 1 frame x 2 channels: channel 0 = 1, 3, 5, 7; channel 1 = 100 constant.
        let a = [1.0f32, 100.0, 3.0, 100.0];
        let b = [5.0f32, 100.0, 7.0, 100.0];
        let n = Normalizer::fit_samples([&a[..], &b[..]].into_iter(), 2);
        assert_eq!(n.mean, vec![4.0, 100.0]);
        assert!((n.std[0] - 5f64.sqrt()).abs() < 1e-12);
        assert_eq!(n.std[1], 1.0, "a constant channel keeps unit scale");
        let mut u = a.to_vec();
        n.normalize(&mut u);
        assert!((u[0] as f64 + 3.0 / 5f64.sqrt()).abs() < 1e-6 && u[1] == 0.0);
        n.denormalize(&mut u);
        // Back to physical units within float32 rounding.
        assert!(u.iter().zip(&a).all(|(x, y)| (x - y).abs() <= 1e-6 * y.abs().max(1.0)), "{u:?}");
    }

    #[test]
    fn take_frames_keeps_the_leading_frames_per_point() {
        let u: Vec<f32> = (0..12).map(|v| v as f32).collect(); // 2 points, 3 frames, 2 channels
        assert_eq!(take_frames(&u, 2, 3, 2, 2), vec![0.0, 1.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0]);
    }
}
