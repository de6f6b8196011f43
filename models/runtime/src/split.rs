//! Sample-parallel batches: a batch cut into chunks of whole samples that are differentiated (or
//! predicted) in parallel, one chunk per task, and combined.
//!
//! Why: the FNO's ops are many and small (width 20, a few modes); splitting each op across threads
//! costs about what it saves, so a second thread gained nothing (docs/benchmarks.md). Chunks of
//! samples are coarse, independent work, and each chunk keeps only its own activations alive, so
//! the peak memory of a step falls too.
//!
//! When it applies: the model's loss is the mean over samples of a loss computed for each sample
//! alone, and a sample's prediction depends on that sample alone ([`crate::ModelCore::
//! per_sample_tensors`]). Then `loss = sum_k (n_k / n) loss_k` and so is its gradient, whatever
//! the chunks. Batch statistics (BatchNorm) break that; such models keep the whole batch. Random
//! masks do not, when each sample's mask is drawn from a stream of its own, keyed by its index in
//! the whole batch ([`crate::Batch::first_sample`]): bert's dropout.
//!
//! The chunks depend on the batch and the data only, never on the thread count, and the parts are
//! summed in chunk order: a run gives the same numbers with 1 thread or 16 (checked: the default
//! fno2d job's metrics.jsonl is identical at 1 and 2 threads). They differ from an unsplit batch
//! in the last bits: the sums are ordered differently.

use crate::batch::Batch;
use crate::error::{Error, Result};
use crate::params::ParamStore;
use crate::train::{scalar_and_grads, HostGrads};
use candle_core::Tensor;
use plugin_api::abi_stable::std_types::RSlice;
use plugin_api::TensorView;
use rayon::prelude::*;
use std::ops::Range;

/// A chunk holds at least this many samples...
pub const MIN_CHUNK_SAMPLES: usize = 5;
/// ...and at least this many values of its per-sample tensors. Each chunk repeats every op of the
/// model, so small chunks pay more in per-op costs than a second core gives back: a batch of 20
/// fno2d 64x64 trajectories (344k values each) runs as 4 chunks of 5, faster than whole even on
/// one thread (2.66 against 2.92 s/step, 1.47 against 2.39 at 2 threads); 20 fno1d trajectories
/// (8k values each) as 2 chunks of 10 (0.28 s/step against 0.24 whole on one thread, 0.14
/// against 0.30 at 2). Measured 2026-12-07, docs/benchmarks.md.
pub const MIN_CHUNK_VALUES: usize = 1 << 16;

/// A batch cut into chunks of consecutive samples (chunk sizes differ by at most one).
pub struct SampleChunks<'a> {
    batch: &'a [TensorView<'a>],
    /// Whether each batch tensor is cut (it holds one row per sample) or passed whole.
    cut: Vec<bool>,
    ranges: Vec<Range<usize>>,
    samples: usize,
}

impl<'a> SampleChunks<'a> {
    /// Chunks of `batch` along the first dimension of the tensors named in `per_sample`, which
    /// must agree on the number of samples: as many equal chunks as fit [`MIN_CHUNK_SAMPLES`] and
    /// [`MIN_CHUNK_VALUES`]. With no such names, or too few samples, the batch stays whole.
    pub fn new(batch: &'a [TensorView<'a>], per_sample: &[&str]) -> Result<Self> {
        Self::with_limits(batch, per_sample, MIN_CHUNK_SAMPLES, MIN_CHUNK_VALUES)
    }

    /// [`SampleChunks::new`] with other minimum chunk sizes (a model's own,
    /// [`crate::ModelCore::min_chunk_values`]; tests with small batches).
    pub fn with_limits(
        batch: &'a [TensorView<'a>],
        per_sample: &[&str],
        min_chunk_samples: usize,
        min_chunk_values: usize,
    ) -> Result<Self> {
        let cut: Vec<bool> = batch
            .iter()
            .map(|t| per_sample.contains(&t.name.as_str()))
            .collect();
        let mut samples = None;
        for t in batch.iter().zip(&cut).filter(|(_, &c)| c).map(|(t, _)| t) {
            let n = t.shape.first().copied().unwrap_or(0) as usize;
            match samples {
                None => samples = Some(n),
                Some(m) if m != n => {
                    return Err(Error::Batch(format!(
                        "batch tensor '{}' has {n} samples, another has {m}",
                        t.name
                    )))
                }
                Some(_) => {}
            }
        }
        let samples = samples.unwrap_or(0);
        let values: usize = batch
            .iter()
            .zip(&cut)
            .filter(|(_, &c)| c)
            .map(|(t, _)| t.data.len())
            .sum();
        let per_sample = values / samples.max(1);
        let min_samples = min_chunk_samples
            .max(min_chunk_values.div_ceil(per_sample.max(1)))
            .max(1);
        let parts = (samples / min_samples).max(1);
        let ranges = if samples == 0 || parts == 1 {
            vec![0..samples]
        } else {
            // As equal as possible: the first `samples % parts` chunks get one more.
            let (base, extra) = (samples / parts, samples % parts);
            let mut start = 0;
            (0..parts)
                .map(|k| {
                    let len = base + usize::from(k < extra);
                    start += len;
                    start - len..start
                })
                .collect()
        };
        Ok(Self {
            batch,
            cut,
            ranges,
            samples,
        })
    }

    /// Number of chunks (1 when the batch is not split).
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Runs `f` on chunk `k` as a batch of its own.
    fn with_chunk<R>(&self, k: usize, f: impl FnOnce(&Batch<'_>) -> R) -> R {
        if self.len() == 1 {
            return f(&Batch::new(self.batch));
        }
        let range = &self.ranges[k];
        let shapes: Vec<Vec<u64>> = self
            .batch
            .iter()
            .zip(&self.cut)
            .map(|(t, &cut)| {
                let mut shape = t.shape.to_vec();
                if cut {
                    shape[0] = range.len() as u64;
                }
                shape
            })
            .collect();
        let views: Vec<TensorView<'_>> = self
            .batch
            .iter()
            .zip(&self.cut)
            .zip(&shapes)
            .map(|((t, &cut), shape)| {
                let data = t.data.as_slice();
                let data = if cut {
                    let row = data.len() / self.samples;
                    &data[range.start * row..range.end * row]
                } else {
                    data
                };
                TensorView {
                    name: t.name,
                    shape: RSlice::from_slice(shape),
                    data: RSlice::from_slice(data),
                }
            })
            .collect();
        f(&Batch::chunk(&views, range.start))
    }

    /// Each chunk's share of the samples (its weight in a mean over samples).
    fn weight(&self, k: usize) -> f64 {
        if self.len() == 1 {
            1.0
        } else {
            self.ranges[k].len() as f64 / self.samples as f64
        }
    }

    /// The loss value and host gradients of the whole batch: `loss` of each chunk, differentiated
    /// in parallel, combined as `sum_k (n_k / n) * part_k` in chunk order.
    pub fn loss_and_grads(
        &self,
        store: &ParamStore,
        loss: impl Fn(&Batch<'_>) -> Result<Tensor> + Sync,
    ) -> Result<(f64, HostGrads)> {
        let parts: Vec<Result<(f64, HostGrads)>> = (0..self.len())
            .into_par_iter()
            .map(|k| self.with_chunk(k, |b| scalar_and_grads(store, &loss(b)?)))
            .collect();
        let mut total = 0.0;
        let mut grads: HostGrads = Vec::new();
        for (k, part) in parts.into_iter().enumerate() {
            let (value, part_grads) = part?;
            let w = self.weight(k);
            total += w * value;
            if !value.is_finite() {
                // No gradient was taken; the caller reports the loss.
                return Ok((total, Vec::new()));
            }
            if self.len() == 1 {
                return Ok((value, part_grads));
            }
            if grads.is_empty() {
                grads = vec![None; part_grads.len()];
            }
            let w = w as f32;
            for (acc, g) in grads.iter_mut().zip(part_grads) {
                if let Some(g) = g {
                    match acc {
                        None => *acc = Some(g.iter().map(|x| w * x).collect()),
                        Some(acc) => acc.iter_mut().zip(&g).for_each(|(a, x)| *a += w * x),
                    }
                }
            }
        }
        Ok((total, grads))
    }

    /// `predict` on each chunk in parallel, every output concatenated back along its first
    /// (sample) dimension in chunk order.
    pub fn predict(
        &self,
        predict: impl Fn(&Batch<'_>) -> Result<Vec<(String, Tensor)>> + Sync,
    ) -> Result<Vec<(String, Tensor)>> {
        let mut parts: Vec<Vec<(String, Tensor)>> = (0..self.len())
            .into_par_iter()
            .map(|k| self.with_chunk(k, &predict))
            .collect::<Result<_>>()?;
        if parts.len() == 1 {
            return Ok(parts.remove(0));
        }
        let first = parts.remove(0);
        first
            .into_iter()
            .enumerate()
            .map(|(i, (name, t))| {
                let mut pieces = vec![t];
                for p in &parts {
                    pieces.push(p[i].1.clone());
                }
                Ok((name, Tensor::cat(&pieces, 0)?))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::Init;
    use candle_core::Device;
    use plugin_api::{LayerKind, TensorData};

    fn td(name: &str, shape: &[u64]) -> TensorData {
        let n = shape.iter().product::<u64>() as usize;
        TensorData {
            name: name.into(),
            shape: shape.iter().copied().collect(),
            data: (0..n).map(|i| ((i * 7 % 11) as f32 - 5.0) / 4.0).collect(),
        }
    }

    fn ranges(samples: u64, values_per_sample: u64) -> Vec<Range<usize>> {
        let u = td("u", &[samples, values_per_sample]);
        let views = [u.view()];
        SampleChunks::new(&views, &["u"]).unwrap().ranges
    }

    #[test]
    fn chunks_are_even_runs_of_at_least_the_minimum_size() {
        // fno2d 64x64-sized samples: chunks of 5 samples.
        let big = MIN_CHUNK_VALUES as u64;
        assert_eq!(ranges(20, big), vec![0..5, 5..10, 10..15, 15..20]);
        assert_eq!(ranges(21, big), vec![0..6, 6..11, 11..16, 16..21]);
        assert_eq!(ranges(10, big), vec![0..5, 5..10]);
        assert_eq!(ranges(9, big), vec![0..9]);
        assert_eq!(ranges(1, big), vec![0..1]);
        // Small samples: enough of them to reach MIN_CHUNK_VALUES per chunk.
        let small = MIN_CHUNK_VALUES as u64 / 8;
        assert_eq!(ranges(20, small), vec![0..10, 10..20]);
        assert_eq!(ranges(15, small), vec![0..15]);
        // A model without per-sample tensors keeps the batch whole.
        let u = td("u", &[20, 2]);
        let views = [u.view()];
        assert_eq!(SampleChunks::new(&views, &[]).unwrap().len(), 1);
    }

    #[test]
    fn a_chunk_cuts_per_sample_tensors_only() {
        let u = td("u", &[7, 3, 2]);
        let grid = td("grid", &[3, 1]);
        let views = [u.view(), grid.view()];
        let chunks = SampleChunks::with_limits(&views, &["u"], 3, 1).unwrap();
        assert_eq!(chunks.ranges, vec![0..4, 4..7]);
        chunks.with_chunk(1, |b| {
            let cu = b.view("u").unwrap();
            assert_eq!(cu.shape.as_slice(), &[3, 3, 2]);
            assert_eq!(cu.data.as_slice(), &u.data[4 * 6..]);
            let cg = b.view("grid").unwrap();
            assert_eq!(cg.shape.as_slice(), &[3, 1]);
            assert_eq!(cg.data.as_slice(), grid.data.as_slice());
        });
        let v = td("v", &[6, 3]);
        let views = [u.view(), v.view()];
        let e = SampleChunks::new(&views, &["u", "v"]).err().unwrap().to_string();
        assert!(e.contains("'v' has 6 samples, another has 7"), "{e}");
    }

    /// A mean over samples of a nonlinear per-sample loss: split and whole agree.
    #[test]
    fn split_loss_and_gradients_equal_the_whole_batch() {
        let mut store = ParamStore::new(0, &Device::Cpu);
        store.group("a", LayerKind::Linear, None).unwrap();
        store
            .param("weight", &[3], Init::Values(vec![0.5, -1.0, 2.0]), true)
            .unwrap();
        let w = store.params()[0].tensor().clone();
        let loss = |b: &Batch<'_>| -> Result<Tensor> {
            let x = b.tensor("u", &[crate::Dim::Any("B"), crate::Dim::Is("F", 3)], &Device::Cpu)?;
            let y = x.broadcast_mul(&w)?.sum(1)?.tanh()?;
            Ok(y.sqr()?.mean_all()?)
        };
        let u = td("u", &[13, 3]);
        let views = [u.view()];
        let split = SampleChunks::with_limits(&views, &["u"], 4, 1).unwrap();
        assert_eq!(split.len(), 3);
        let (v1, g1) = split.loss_and_grads(&store, loss).unwrap();
        let (v0, g0) = SampleChunks::new(&views, &[])
            .unwrap()
            .loss_and_grads(&store, loss)
            .unwrap();
        assert!((v1 - v0).abs() <= 1e-6 * v0.abs(), "{v1} vs {v0}");
        let (g1, g0) = (g1[0].as_ref().unwrap(), g0[0].as_ref().unwrap());
        for (a, b) in g1.iter().zip(g0) {
            assert!((a - b).abs() <= 1e-6 * (1.0 + b.abs()), "{g1:?} vs {g0:?}");
        }
        // Predictions come back in sample order.
        let predict = |b: &Batch<'_>| -> Result<Vec<(String, Tensor)>> {
            let x = b.tensor("u", &[crate::Dim::Any("B"), crate::Dim::Is("F", 3)], &Device::Cpu)?;
            Ok(vec![("y".into(), x.broadcast_mul(&w)?.sum(1)?)])
        };
        let p1 = split.predict(predict).unwrap();
        let p0 = SampleChunks::new(&views, &[]).unwrap().predict(predict).unwrap();
        assert_eq!(p1[0].1.dims(), &[13]);
        let (a, b) = (p1[0].1.to_vec1::<f32>().unwrap(), p0[0].1.to_vec1::<f32>().unwrap());
        assert_eq!(a, b);
    }
}
