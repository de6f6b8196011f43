//! nRMSE and RMSE as PDEBench's `metric_func` defines them.
//!
//! For prediction P and target Y of one batch, per sample b, channel c and frame t:
//!
//! ```text
//! err[b,c,t] = sqrt(mean over space (P - Y)^2)
//! nrm[b,c,t] = sqrt(mean over space Y^2)
//! batch nRMSE = mean over (b, c, t) of err / nrm          batch RMSE = mean over (b, c, t) of err
//! ```
//!
//! and the reported value is the **mean of the per-batch values** over the evaluation batches
//! ([`MetricAccumulator::nrmse`]), as PDEBench averages. With equal batches this equals the mean
//! over all (b, c, t) ([`MetricAccumulator::nrmse_pooled`]); a smaller last batch weighs more in
//! the former.
//!
//! The frame range lets the caller report both conventions: all frames (PDEBench: the first
//! `initial_step` frames are copied ground truth, error 0, and are averaged in) and the predicted
//! frames only.
//!
//! A (b, c, t) whose target is identically zero over space (nrm = 0) has no relative error:
//! PDEBench would produce inf or NaN there. Here it is left out of the nRMSE average (it still
//! counts in RMSE) and counted in [`BatchMetrics::zero_norm`] so the caller can report it; a batch
//! in which every (b, c, t) is left out has no nRMSE and is left out of the mean of batches.

use crate::error::DataError;
use std::ops::Range;

/// Layout of a prediction or target buffer: row-major [batch, space, frames, channels], where
/// space is every spatial axis flattened (X * Y for [B, X, Y, T, C]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldLayout {
    pub batch: usize,
    pub space: usize,
    pub frames: usize,
    pub channels: usize,
}

impl FieldLayout {
    /// Number of f32 values.
    pub fn len(&self) -> usize {
        self.batch * self.space * self.frames * self.channels
    }
    /// True if the layout holds no value.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Sums over the (b, c, t) of one batch.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BatchMetrics {
    /// Sum of err / nrm over the (b, c, t) with nrm > 0.
    pub nrmse_sum: f64,
    /// Number of (b, c, t) in `nrmse_sum`.
    pub nrmse_count: usize,
    /// Sum of err over all (b, c, t).
    pub rmse_sum: f64,
    /// Number of (b, c, t).
    pub count: usize,
    /// Number of (b, c, t) left out of nRMSE because the target is zero everywhere in space.
    pub zero_norm: usize,
}

impl BatchMetrics {
    /// This batch's nRMSE; None if no (b, c, t) had a nonzero target.
    pub fn nrmse(&self) -> Option<f64> {
        (self.nrmse_count > 0).then(|| self.nrmse_sum / self.nrmse_count as f64)
    }
    /// This batch's RMSE; None for an empty batch or frame range.
    pub fn rmse(&self) -> Option<f64> {
        (self.count > 0).then(|| self.rmse_sum / self.count as f64)
    }
}

/// Errors of one batch over the frames `frames` (a sub-range of `0..layout.frames`).
pub fn batch_metrics(
    pred: &[f32],
    target: &[f32],
    layout: FieldLayout,
    frames: Range<usize>,
) -> Result<BatchMetrics, DataError> {
    let want = layout.len();
    if pred.len() != want || target.len() != want {
        return Err(DataError::Shape(format!(
            "metric: prediction has {} values and target {}, expected {want} for [batch {}, space {}, frames {}, channels {}]",
            pred.len(),
            target.len(),
            layout.batch,
            layout.space,
            layout.frames,
            layout.channels
        )));
    }
    if frames.start > frames.end || frames.end > layout.frames {
        return Err(DataError::Shape(format!(
            "metric: frame range {}..{} is not within the {} frames",
            frames.start, frames.end, layout.frames
        )));
    }
    let FieldLayout {
        batch,
        space,
        frames: nt,
        channels: nc,
    } = layout;
    let nf = frames.len();
    let mut m = BatchMetrics::default();
    if space == 0 {
        return Ok(m);
    }
    // Per (t, c) in the range: sums of squared error and of squared target over space.
    let mut se = vec![0f64; nf * nc];
    let mut sy = vec![0f64; nf * nc];
    let sample = space * nt * nc;
    for b in 0..batch {
        se.fill(0.0);
        sy.fill(0.0);
        for s in 0..space {
            let base = b * sample + s * nt * nc + frames.start * nc;
            let p = &pred[base..base + nf * nc];
            let y = &target[base..base + nf * nc];
            for k in 0..nf * nc {
                let (pv, yv) = (f64::from(p[k]), f64::from(y[k]));
                se[k] += (pv - yv) * (pv - yv);
                sy[k] += yv * yv;
            }
        }
        for k in 0..nf * nc {
            let err = (se[k] / space as f64).sqrt();
            let nrm = (sy[k] / space as f64).sqrt();
            m.rmse_sum += err;
            m.count += 1;
            if nrm > 0.0 {
                m.nrmse_sum += err / nrm;
                m.nrmse_count += 1;
            } else {
                m.zero_norm += 1;
            }
        }
    }
    Ok(m)
}

/// Averages [`BatchMetrics`] over the batches of an evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricAccumulator {
    batches: usize,
    nrmse_of_batches: f64,
    nrmse_batches: usize,
    rmse_of_batches: f64,
    rmse_batches: usize,
    total: BatchMetrics,
}

impl MetricAccumulator {
    /// A new, empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds one batch.
    pub fn add(&mut self, m: &BatchMetrics) {
        self.batches += 1;
        if let Some(v) = m.nrmse() {
            self.nrmse_of_batches += v;
            self.nrmse_batches += 1;
        }
        if let Some(v) = m.rmse() {
            self.rmse_of_batches += v;
            self.rmse_batches += 1;
        }
        self.total.nrmse_sum += m.nrmse_sum;
        self.total.nrmse_count += m.nrmse_count;
        self.total.rmse_sum += m.rmse_sum;
        self.total.count += m.count;
        self.total.zero_norm += m.zero_norm;
    }
    /// [`batch_metrics`] of one batch, added; returns that batch's sums.
    pub fn add_batch(
        &mut self,
        pred: &[f32],
        target: &[f32],
        layout: FieldLayout,
        frames: Range<usize>,
    ) -> Result<BatchMetrics, DataError> {
        let m = batch_metrics(pred, target, layout, frames)?;
        self.add(&m);
        Ok(m)
    }
    /// PDEBench's value: the mean over batches of each batch's nRMSE.
    pub fn nrmse(&self) -> Option<f64> {
        (self.nrmse_batches > 0).then(|| self.nrmse_of_batches / self.nrmse_batches as f64)
    }
    /// PDEBench's value: the mean over batches of each batch's RMSE.
    pub fn rmse(&self) -> Option<f64> {
        (self.rmse_batches > 0).then(|| self.rmse_of_batches / self.rmse_batches as f64)
    }
    /// The mean over every (b, c, t) of every batch (independent of how samples were batched).
    pub fn nrmse_pooled(&self) -> Option<f64> {
        self.total.nrmse()
    }
    /// The mean over every (b, c, t) of every batch.
    pub fn rmse_pooled(&self) -> Option<f64> {
        self.total.rmse()
    }
    /// Sums over all batches added (including `zero_norm`, to report).
    pub fn total(&self) -> &BatchMetrics {
        &self.total
    }
    /// Number of batches added.
    pub fn batches(&self) -> usize {
        self.batches
    }
}
