//! Autoregressive PDE rollout, PDEBench style, shared by every PDE model (FNO, UNet).
//!
//! A trajectory `u` is `[B, X.., T, C]` (one or two spatial dims). The model's one-step function
//! maps the last `S = initial_step` frames, flattened time-major to `S*C` channels
//! (`[B, X.., S*C]`, channel index `s*C + c`, as PDEBench's `reshape` of `[.., S, C]`), to the next
//! frame `[B, X.., C]`. Predictions are fed back (no teacher forcing) for t = S..T-1.
//!
//! Training loss = sum over t of MSE(pred_t, u_t), each MSE a mean over batch, space and channels
//! (PDEBench's autoregressive loss); with channel weights (`loss_weights` of the data description)
//! each channel's squared error is weighted. Prediction = `[B, X.., T, C]` with the first S frames copied
//! from `u`.

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
        })
    }

    /// The training loss of one predicted frame `[B, X.., C]`: the mean of the squared error,
    /// each channel's weighted when [`RolloutSpec::loss_weights`] is set.
    pub fn frame_loss(&self, pred: &Tensor, target: &Tensor) -> Result<Tensor> {
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
        let mut window = u.narrow(tax, 0, s)?.contiguous()?.reshape(window_shape)?;
        for t in s..self.t_train {
            let mut pred = step(&window)?;
            if pred.dims() != frame_shape.as_slice() {
                return Err(Error::Batch(format!(
                    "the model's one-step output has shape {:?}, expected {frame_shape:?}",
                    pred.dims()
                )));
            }
            if detach {
                // Cut the graph so a long inference rollout keeps only one step's activations.
                pred = pred.detach();
            }
            on_step(t, &pred)?;
            if t + 1 < self.t_train {
                window = shift_append(&window, &pred)?;
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
}
