//! Autoregressive PDE rollout, PDEBench style, shared by every PDE model (FNO, UNet).
//!
//! A trajectory `u` is `[B, X.., T, C]` (one or two spatial dims). The model's one-step function
//! maps the last `S = initial_step` frames, flattened time-major to `S*C` channels
//! (`[B, X.., S*C]`, channel index `s*C + c`, as PDEBench's `reshape` of `[.., S, C]`), to the next
//! frame `[B, X.., C]`. Predictions are fed back (no teacher forcing) for t = S..T-1.
//!
//! Training loss = sum over t of MSE(pred_t, u_t), each MSE a mean over batch, space and channels
//! (PDEBench's autoregressive loss); with channel weights (`loss_weights` of the data description)
//! each channel's squared error is weighted; with `relative_loss` each frame's loss is instead the
//! reported metric itself, the mean over samples and channels of the relative L2 error in physical
//! units (PDEBench's nRMSE). Prediction = `[B, X.., T, C]` with the first S frames copied
//! from `u`.
//!
//! With [`RolloutSpec::sample_norm`] the model sees each trajectory normalised by its own given
//! frames (per sample and channel: mean and standard deviation over the S frames and every
//! point), and its output is mapped back before it is scored or returned: reversible instance
//! normalisation (Kim et al., ICLR 2022). The rollout feeds the model's normalised output back, so
//! the statistics are those of the given frames throughout. A trajectory whose fields are small
//! (a low-density draw) then gets errors in proportion to its own scale rather than the
//! training set's.

use crate::error::{Error, Result};
use model_kernels::layout::shift_append;
use candle_core::Tensor;

/// Rollout lengths, and how a predicted frame's error counts in the training loss.
#[derive(Debug, Clone, PartialEq)]
pub struct RolloutSpec {
    /// S: frames given as input.
    pub initial_step: usize,
    /// T: frames in the rolled-out trajectory (including the S given ones).
    pub t_train: usize,
    /// Per-channel weights of the squared error (None: plain MSE).
    pub loss_weights: Option<Vec<f32>>,
    /// The relative-error loss (None: the squared error above).
    pub relative: Option<RelativeLoss>,
    /// Normalise each trajectory by its given frames' per-channel mean and std (module docs).
    pub sample_norm: bool,
}

/// Lower bound of a sample's standard deviation in [`RolloutSpec::sample_norm`]: a channel that
/// is constant over the given frames (a uniform field) is shifted, not blown up.
const SAMPLE_NORM_MIN_STD: f64 = 1e-6;

/// Per-sample, per-channel statistics of the given frames, each `[B, 1, C]`.
struct SampleStats {
    mean: Tensor,
    std: Tensor,
}

impl SampleStats {
    /// From the given frames `[B, X.., S, C]` (data: no gradient).
    fn of(given: &Tensor) -> Result<Self> {
        let dims = given.dims();
        let (b, c) = (dims[0], dims[dims.len() - 1]);
        let rows = given.detach().reshape((b, given.elem_count() / (b * c), c))?;
        let mean = rows.mean_keepdim(1)?;
        let var = rows.broadcast_sub(&mean)?.sqr()?.mean_keepdim(1)?;
        let std = var.sqrt()?.maximum(SAMPLE_NORM_MIN_STD)?;
        Ok(Self { mean, std })
    }

    /// `x` (`[B, X.., C]` or a window `[B, X.., S*C]`) in the sample's units.
    fn normalise(&self, x: &Tensor) -> Result<Tensor> {
        let rows = self.rows(x)?;
        Ok(rows.broadcast_sub(&self.mean)?.broadcast_div(&self.std)?.reshape(x.dims())?)
    }

    /// A frame `[B, X.., C]` from the sample's units back to the model's.
    fn restore(&self, x: &Tensor) -> Result<Tensor> {
        let rows = self.rows(x)?;
        Ok(rows.broadcast_mul(&self.std)?.broadcast_add(&self.mean)?.reshape(x.dims())?)
    }

    /// `x` as `[B, rows, C]`, matching the statistics' `[B, 1, C]`.
    fn rows(&self, x: &Tensor) -> Result<Tensor> {
        let (b, c) = (self.mean.dim(0)?, self.mean.dim(2)?);
        Ok(x.reshape((b, x.elem_count() / (b * c), c))?)
    }
}

/// How a model's fields map to physical units (`physical = field * scale_c + offset_c`, the
/// engine's per-channel normalisation; scale 1 and offset 0 for raw fields), which the relative
/// error needs: its denominator is the target's norm in physical units.
#[derive(Debug, Clone, PartialEq)]
pub struct RelativeLoss {
    pub scale: Vec<f32>,
    pub offset: Vec<f32>,
}

impl RolloutSpec {
    /// Checks 1 <= S < T.
    pub fn new(initial_step: usize, t_train: usize) -> Result<Self> {
        if initial_step == 0 || t_train <= initial_step {
            return Err(Error::Config(format!(
                "rollout needs 1 <= initial_step < t_train, got initial_step = {initial_step}, t_train = {t_train}"
            )));
        }
        Ok(Self {
            initial_step,
            t_train,
            loss_weights: None,
            relative: None,
            sample_norm: false,
        })
    }

    /// The training loss of one predicted frame `[B, X.., C]`: the mean of the squared error,
    /// each channel's weighted when [`RolloutSpec::loss_weights`] is set.
    pub fn frame_loss(&self, pred: &Tensor, target: &Tensor) -> Result<Tensor> {
        if let Some(rel) = &self.relative {
            return relative_error(pred, target, rel);
        }
        let sq = (pred - target)?.sqr()?;
        Ok(match &self.loss_weights {
            None => sq.mean_all()?,
            Some(w) => {
                let w = Tensor::from_slice(w, w.len(), pred.device())?.to_dtype(sq.dtype())?;
                sq.broadcast_mul(&w)?.mean_all()?
            }
        })
    }

    /// The time axis of `u` and its frames' shape `[B, X.., C]`, after checking `u` is long enough.
    fn layout(&self, u: &Tensor) -> Result<(usize, Vec<usize>)> {
        let dims = u.dims();
        if !(4..=6).contains(&dims.len()) {
            return Err(Error::Batch(format!(
                "rollout input must be [B, X.., T, C] with 1 to 3 spatial dims, got {dims:?}"
            )));
        }
        let tax = dims.len() - 2;
        if dims[tax] < self.t_train {
            return Err(Error::Batch(format!(
                "rollout input has {} time steps, t_train = {} needs at least that many",
                dims[tax], self.t_train
            )));
        }
        let mut frame = dims.to_vec();
        frame.remove(tax);
        Ok((tax, frame))
    }

    /// Runs the rollout, calling `on_step(t, pred_t, frames)` for every predicted frame.
    fn run(
        &self,
        u: &Tensor,
        mut step: impl FnMut(&Tensor) -> Result<Tensor>,
        detach: bool,
        mut on_step: impl FnMut(usize, &Tensor) -> Result<()>,
    ) -> Result<()> {
        let (tax, frame_shape) = self.layout(u)?;
        let s = self.initial_step;
        // The first window is u's frames [0, S) with (time, channel) flattened time-major; it is
        // data, so it carries no gradient.
        let mut window_shape = frame_shape.clone();
        *window_shape.last_mut().expect("frames have a channel axis") *= s;
        let given = u.narrow(tax, 0, s)?.contiguous()?;
        let stats = if self.sample_norm { Some(SampleStats::of(&given)?) } else { None };
        let mut window = given.reshape(window_shape)?;
        if let Some(st) = &stats {
            window = st.normalise(&window)?;
        }
        for t in s..self.t_train {
            // `out` is in the units the model sees (the sample's own with `sample_norm`).
            let mut out = step(&window)?;
            if out.dims() != frame_shape.as_slice() {
                return Err(Error::Batch(format!(
                    "the model's one-step output has shape {:?}, expected {frame_shape:?}",
                    out.dims()
                )));
            }
            if detach {
                // Cut the graph so a long inference rollout keeps only one step's activations.
                out = out.detach();
            }
            let pred = match &stats {
                Some(st) => st.restore(&out)?,
                None => out.clone(),
            };
            on_step(t, &pred)?;
            if t + 1 < self.t_train {
                window = shift_append(&window, &out)?;
            }
        }
        Ok(())
    }

    /// PDEBench's autoregressive training loss (a scalar tensor that backpropagates through the
    /// whole rollout).
    pub fn train_loss(
        &self,
        u: &Tensor,
        step: impl FnMut(&Tensor) -> Result<Tensor>,
    ) -> Result<Tensor> {
        let (tax, _) = self.layout(u)?;
        let mut total: Option<Tensor> = None;
        self.run(u, step, false, |t, pred| {
            let target = u.narrow(tax, t, 1)?.squeeze(tax)?;
            let mse = self.frame_loss(pred, &target)?;
            total = Some(match total.take() {
                None => mse,
                Some(acc) => (acc + mse)?,
            });
            Ok(())
        })?;
        total.ok_or_else(|| Error::Batch("rollout produced no steps".into()))
    }

    /// The rolled-out trajectory `[B, X.., t_train, C]`, first S frames copied from `u`. The
    /// result carries no autograd graph.
    pub fn predict(
        &self,
        u: &Tensor,
        step: impl FnMut(&Tensor) -> Result<Tensor>,
    ) -> Result<Tensor> {
        let (tax, _) = self.layout(u)?;
        let mut preds = Vec::with_capacity(self.t_train - self.initial_step);
        self.run(u, step, true, |_, pred| {
            preds.push(pred.clone());
            Ok(())
        })?;
        let given = u.narrow(tax, 0, self.initial_step)?.detach();
        let rolled = Tensor::stack(&preds, tax)?;
        Ok(Tensor::cat(&[&given, &rolled], tax)?)
    }
}

/// The mean over samples and channels of `||pred - target|| / ||target||` over the spatial points
/// of one frame `[B, X.., C]`, both sides in physical units (PDEBench's nRMSE of that frame). The
/// denominator is data, so it carries no gradient; a tiny epsilon keeps the root differentiable at
/// a perfect prediction and a zero target from dividing by zero.
fn relative_error(pred: &Tensor, target: &Tensor, rel: &RelativeLoss) -> Result<Tensor> {
    let rank = pred.rank();
    let channels = pred.dim(rank - 1)?;
    if rel.scale.len() != channels || rel.offset.len() != channels {
        return Err(Error::Config(format!("relative loss: {} scales and {} offsets for {channels} channels", rel.scale.len(), rel.offset.len())));
    }
    let dev = pred.device();
    let spatial: Vec<usize> = (1..rank - 1).collect();
    let scale = Tensor::from_slice(&rel.scale, channels, dev)?.to_dtype(pred.dtype())?;
    let offset = Tensor::from_slice(&rel.offset, channels, dev)?.to_dtype(pred.dtype())?;
    // Error norms in physical units: the difference scales by `scale` alone.
    let err = ((pred - target)?.sqr()?.sum(spatial.clone())? + 1e-12)?.sqrt()?.broadcast_mul(&scale)?;
    let physical = target.detach().broadcast_mul(&scale)?.broadcast_add(&offset)?;
    let norm = (physical.sqr()?.sum(spatial)? + 1e-12)?.sqrt()?;
    Ok((err / norm)?.mean_all()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::Device;

    /// A weighted frame loss is the mean over every element of w_c * (pred - target)^2.
    #[test]
    fn frame_loss_weights_each_channel() {
        let dev = Device::Cpu;
        // [B=1, X=2, C=2]: errors 1, 2 in channel 0 and 3, 4 in channel 1.
        let pred = Tensor::from_slice(&[1f32, 3.0, 2.0, 4.0], (1, 2, 2), &dev).unwrap();
        let target = Tensor::zeros((1, 2, 2), candle_core::DType::F32, &dev).unwrap();
        let mut spec = RolloutSpec::new(1, 2).unwrap();
        let plain = spec.frame_loss(&pred, &target).unwrap().to_scalar::<f32>().unwrap();
        assert_eq!(plain, (1.0 + 4.0 + 9.0 + 16.0) / 4.0);
        spec.loss_weights = Some(vec![2.0, 0.5]);
        let weighted = spec.frame_loss(&pred, &target).unwrap().to_scalar::<f32>().unwrap();
        assert_eq!(weighted, (2.0 * (1.0 + 4.0) + 0.5 * (9.0 + 16.0)) / 4.0);
    }

    /// The relative loss is the per-sample, per-channel relative L2 error in physical units,
    /// averaged: a sample whose field is ten times smaller weighs ten times more per unit of error.
    #[test]
    fn relative_loss_is_the_metric_in_physical_units() {
        let dev = Device::Cpu;
        // [B=2, X=2, C=1], normalised fields with scale 2 and offset 1.
        let target = Tensor::from_slice(&[1f32, 0.0, -0.25, -0.5], (2, 2, 1), &dev).unwrap();
        let pred = Tensor::from_slice(&[1.5f32, 0.0, -0.25, -0.25], (2, 2, 1), &dev).unwrap();
        let mut spec = RolloutSpec::new(1, 2).unwrap();
        spec.relative = Some(RelativeLoss { scale: vec![2.0], offset: vec![1.0] });
        let got = spec.frame_loss(&pred, &target).unwrap().to_scalar::<f32>().unwrap();
        // Physical targets: sample 0 [3, 1] (norm sqrt 10), sample 1 [0.5, 0] (norm 0.5); physical
        // errors: [1, 0] and [0, 0.5].
        let want = (1.0 / 10f32.sqrt() + 0.5 / 0.5) / 2.0;
        assert!((got - want).abs() < 1e-5, "{got} vs {want}");
        // Its gradient exists (and is finite) even where the prediction is exact.
        let p = candle_core::Var::from_tensor(&target).unwrap();
        let loss = spec.frame_loss(p.as_tensor(), &target).unwrap();
        let g = loss.backward().unwrap().get(p.as_tensor()).unwrap().flatten_all().unwrap().to_vec1::<f32>().unwrap();
        assert!(g.iter().all(|v| v.is_finite()), "{g:?}");
    }

    /// A one-step model that mixes every point and channel of the window nonlinearly.
    fn nonlinear_step(window: &Tensor) -> Result<Tensor> {
        let dims = window.dims().to_vec();
        let (b, x, sc) = (dims[0], dims[1], dims[2]);
        let c = 2;
        let w: Vec<f32> = (0..sc * c).map(|i| ((i * 5 % 7) as f32 - 3.0) / 5.0).collect();
        let w = Tensor::from_vec(w, (sc, c), window.device())?;
        let mixed = window.reshape((b * x, sc))?.matmul(&w)?.tanh()?;
        let shifted = (mixed.reshape((b, x, c))? + window.narrow(2, sc - c, c)?)?;
        Ok(shifted)
    }

    /// With `sample_norm`, predictions are equivariant to an affine change of a sample's units
    /// (u -> a*u + b per channel gives pred -> a*pred + b) whatever the model, and a trajectory's
    /// prediction does not depend on the other samples of its batch.
    #[test]
    fn sample_norm_makes_predictions_follow_each_samples_units() {
        let dev = Device::Cpu;
        let (b, x, t, c) = (2usize, 3usize, 5usize, 2usize);
        let vals: Vec<f32> = (0..b * x * t * c).map(|i| ((i * 13 % 17) as f32 - 8.0) / 6.0).collect();
        let u = Tensor::from_vec(vals, (b, x, t, c), &dev).unwrap();
        let mut spec = RolloutSpec::new(2, t).unwrap();
        spec.sample_norm = true;
        let pred = spec.predict(&u, nonlinear_step).unwrap();
        // Sample 1 in other units: channel 0 times 40 plus 3, channel 1 times 0.01 minus 2.
        let scale = Tensor::from_slice(&[40f32, 0.01], (1, 1, 1, c), &dev).unwrap();
        let shift = Tensor::from_slice(&[3f32, -2.0], (1, 1, 1, c), &dev).unwrap();
        let moved = u.narrow(0, 1, 1).unwrap().broadcast_mul(&scale).unwrap().broadcast_add(&shift).unwrap();
        let u2 = Tensor::cat(&[&u.narrow(0, 0, 1).unwrap(), &moved], 0).unwrap();
        let pred2 = spec.predict(&u2, nonlinear_step).unwrap();
        let want = Tensor::cat(&[
            &pred.narrow(0, 0, 1).unwrap(),
            &pred.narrow(0, 1, 1).unwrap().broadcast_mul(&scale).unwrap().broadcast_add(&shift).unwrap(),
        ], 0).unwrap();
        let (got, want) = (pred2.flatten_all().unwrap().to_vec1::<f32>().unwrap(), want.flatten_all().unwrap().to_vec1::<f32>().unwrap());
        for (g, w) in got.iter().zip(&want) {
            assert!((g - w).abs() <= 1e-4 * (1.0 + w.abs()), "{got:?} vs {want:?}");
        }
        // Without it the model sees raw units, and the moved sample's prediction is not equivariant.
        spec.sample_norm = false;
        let raw = spec.predict(&u2, nonlinear_step).unwrap().flatten_all().unwrap().to_vec1::<f32>().unwrap();
        assert!(raw.iter().zip(&want).any(|(g, w)| (g - w).abs() > 1e-2 * (1.0 + w.abs())));
        // The loss backpropagates through the restored predictions.
        spec.sample_norm = true;
        let loss = spec.train_loss(&u, nonlinear_step).unwrap();
        assert!(loss.to_scalar::<f32>().unwrap().is_finite());
    }
}
