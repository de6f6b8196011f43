//! The generic plugin: a model implements the small [`ModelCore`] trait (or [`crate::PdeStep`]
//! wrapped in [`crate::PdeModel`]) and [`ModelAdapter`] turns it into a full [`plugin_api::Model`]:
//! parameter groups, training steps with per-group optimizers and SAM, predictions, layer weights
//! and checkpoints. Every trait method runs under [`plugin_api::guard`]; errors are one line that
//! starts with the plugin name.

use crate::batch::Batch;
use crate::checkpoint::{self, CheckpointInfo};
use crate::error::{Error, Result};
use crate::params::ParamStore;
use crate::split::SampleChunks;
use crate::train::Trainer;
use candle_core::Tensor;
use plugin_api::abi_stable::std_types::{ROption, RResult, RSlice, RStr, RString, RVec};
use plugin_api::{
    guard, LayerWeights, OptimizerSpec, ParamGroupInfo, StepPlan, TensorData, TensorView,
    TrainOutput,
};
use std::path::Path;

/// Where a loss evaluation sits in training; models with dropout derive their masks from it and
/// from each sample's index in the batch (bert: `rng_for(seed, "dropout/{step}/{pass}/{site}/
/// {sample}")`), which keeps runs resumable and chunks of a batch equal to the whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepCtx {
    /// Optimizer steps completed before this one.
    pub step: u64,
    /// 0 for the first loss evaluation of the step, 1 for SAM's perturbed pass.
    pub pass: u32,
}

/// What a model implements to become a plugin.
pub trait ModelCore: Send + Sync + 'static {
    /// Its parameters (declared in model order).
    fn params(&self) -> &ParamStore;
    /// The resolved model configuration as TOML (stored in checkpoints).
    fn config_toml(&self) -> String;
    /// The scalar training loss on `batch`, built from the tensors of [`ModelCore::params`].
    fn loss(&self, batch: &Batch<'_>, ctx: &StepCtx) -> Result<Tensor>;
    /// Named predictions for `batch`.
    fn predict(&self, batch: &Batch<'_>) -> Result<Vec<(String, Tensor)>>;
    /// Weights of the layers with a matrix spectrum, in model order.
    fn layer_weights(&self) -> Result<Vec<LayerWeights>>;
    /// The batch tensors that hold one row per sample, for a model whose loss is the mean over
    /// samples of a loss computed for each sample alone and whose predictions of a sample depend
    /// on that sample alone (no batch statistics; random masks drawn per sample, keyed by
    /// [`Batch::first_sample`]). The adapter then splits training and evaluation batches into
    /// chunks of samples run in parallel ([`crate::split`]); predictions must then be per sample
    /// along their first dimension. Empty (the default): batches stay whole.
    fn per_sample_tensors(&self) -> &[&'static str] {
        &[]
    }
    /// The smallest chunk of a training batch (`training`) or of a batch to predict, in values of
    /// the per-sample tensors, for a model whose samples are few values but much work (a sentence
    /// of 128 tokens: 384 values, about 3 GFLOP through MiniLM), which the runtime's rule
    /// ([`crate::split::MIN_CHUNK_VALUES`], at least [`crate::split::MIN_CHUNK_SAMPLES`] samples)
    /// would never split. A training chunk also pays in proportion to the parameters (its own
    /// weight gradients, summed afterwards), so it may ask for more. `None` (the default): the
    /// runtime's rule.
    fn min_chunk_values(&self, training: bool) -> Option<usize> {
        let _ = training;
        None
    }
}

/// The plugin's name and version, as the export macro reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PluginMeta {
    pub name: &'static str,
    pub version: &'static str,
}

/// A [`ModelCore`] with its optimizer: implements [`plugin_api::Model`].
pub struct ModelAdapter<M> {
    core: M,
    trainer: Trainer,
    meta: PluginMeta,
    groups: Vec<ParamGroupInfo>,
}

impl<M: ModelCore> ModelAdapter<M> {
    pub fn new(core: M, optimizer: OptimizerSpec, meta: PluginMeta) -> Result<Self> {
        core.params().validate()?;
        crate::alloc::configure();
        let trainer = Trainer::new(optimizer, core.params())?;
        let groups = core.params().group_infos();
        Ok(Self {
            core,
            trainer,
            meta,
            groups,
        })
    }

    pub fn core(&self) -> &M {
        &self.core
    }

    pub fn trainer(&self) -> &Trainer {
        &self.trainer
    }

    pub fn meta(&self) -> PluginMeta {
        self.meta
    }

    pub fn groups(&self) -> &[ParamGroupInfo] {
        &self.groups
    }

    /// One training step on `batch` under `plan`.
    pub fn fit_step<'a>(
        &mut self,
        batch: &'a [TensorView<'a>],
        plan: &StepPlan,
    ) -> Result<TrainOutput> {
        let chunks = self.sample_chunks(batch, true)?;
        let core = &self.core;
        let step = self.trainer.optimizer().step_count();
        self.trainer.step_with(core.params(), plan, |store, pass| {
            let ctx = StepCtx { step, pass };
            chunks.loss_and_grads(store, |b| core.loss(b, &ctx))
        })
    }

    /// Predictions as host tensors. They record no computation graph (`candle_core::no_grad`, in each chunk's thread):
    /// every activation is freed once the next layer has read it, as under `torch.no_grad()`.
    pub fn predict_batch<'a>(&self, batch: &'a [TensorView<'a>]) -> Result<Vec<TensorData>> {
        self.sample_chunks(batch, false)?
            .predict(|b| candle_core::no_grad(|| self.core.predict(b)))?
            .into_iter()
            .map(|(name, t)| tensor_data(&name, &t))
            .collect()
    }

    /// The chunks of samples that [`ModelAdapter::fit_step`] differentiates (`training`) and
    /// [`ModelAdapter::predict_batch`] predicts in parallel.
    pub fn sample_chunks<'a>(
        &self,
        batch: &'a [TensorView<'a>],
        training: bool,
    ) -> Result<SampleChunks<'a>> {
        let per_sample = self.core.per_sample_tensors();
        match self.core.min_chunk_values(training) {
            Some(values) => SampleChunks::with_limits(batch, per_sample, 1, values),
            None => SampleChunks::new(batch, per_sample),
        }
    }

    pub fn export_layer_weights(&self) -> Result<Vec<LayerWeights>> {
        self.core.layer_weights()
    }

    /// Writes `model.safetensors` and `optimizer.safetensors` into `dir`.
    pub fn save(&self, dir: &Path, metadata_json: &str) -> Result<()> {
        let config = self.core.config_toml();
        let info = CheckpointInfo {
            plugin: self.meta.name,
            version: self.meta.version,
            config_toml: &config,
        };
        checkpoint::save(
            dir,
            self.core.params(),
            self.trainer.optimizer(),
            info,
            metadata_json,
        )
    }

    /// Loads what [`ModelAdapter::save`] wrote (with `weights_only`, only the weights).
    pub fn load(&mut self, dir: &Path, weights_only: bool) -> Result<()> {
        checkpoint::load(
            dir,
            self.core.params(),
            self.trainer.optimizer_mut(),
            self.meta.name,
            weights_only,
        )
    }
}

impl<M> Drop for ModelAdapter<M> {
    fn drop(&mut self) {
        // The next model may have other shapes: do not keep this one's freed blocks around.
        crate::alloc::release_cache();
    }
}

/// A candle tensor as an owned plugin tensor.
pub fn tensor_data(name: &str, t: &Tensor) -> Result<TensorData> {
    Ok(TensorData {
        name: name.into(),
        shape: t.dims().iter().map(|&d| d as u64).collect(),
        data: t.flatten_all()?.to_vec1::<f32>()?.into(),
    })
}

/// The weights of a real layer (Linear, Conv) from one parameter of group `group`, as stored.
pub fn real_layer_weights(store: &ParamStore, group: &str, param: &str) -> Result<LayerWeights> {
    let g = store
        .group_index(group)
        .map(|i| &store.groups()[i])
        .ok_or_else(|| Error::Param(format!("no parameter group named '{group}'")))?;
    let p = store.get(param)?;
    Ok(LayerWeights {
        group: group.into(),
        kind: g.kind(),
        block: g.block().map_or(ROption::RNone, ROption::RSome),
        shape: p.shape().iter().map(|&d| d as u64).collect(),
        re: p.values()?.into(),
        im: RVec::new(),
    })
}

/// Writes the [`plugin_api::Model`] impl of an adapter type from its inherent methods (`meta`,
/// `groups`, `fit_step`, `predict_batch`, `export_layer_weights`, `save`, `load`): each ABI method
/// runs under [`guard`] and its error is one line that starts with the plugin name. Used for
/// [`ModelAdapter`] and [`crate::buffers::BufferedAdapter`], which differ only in those methods.
/// The calling module imports the ABI types the signatures name (as this one does).
macro_rules! impl_plugin_model {
    ($adapter:ident<M: $core:path>) => {
        impl<M: $core> plugin_api::Model for $adapter<M> {
            fn param_groups(&self) -> RVec<ParamGroupInfo> {
                // Computed once at construction: this method has no error channel.
                self.groups().iter().cloned().collect()
            }

            fn train_step(
                &mut self,
                batch: RSlice<'_, TensorView<'_>>,
                plan: &StepPlan,
            ) -> RResult<TrainOutput, RString> {
                let name = self.meta().name;
                guard(&format!("{name}.train_step"), || {
                    self.fit_step(batch.as_slice(), plan)
                        .map_err(|e| e.for_train_step(name))
                })
            }

            fn predict(
                &mut self,
                batch: RSlice<'_, TensorView<'_>>,
            ) -> RResult<RVec<TensorData>, RString> {
                let name = self.meta().name;
                $crate::adapter::guarded(name, "predict", || {
                    Ok(self.predict_batch(batch.as_slice())?.into())
                })
            }

            fn layer_weights(&self) -> RResult<RVec<LayerWeights>, RString> {
                $crate::adapter::guarded(self.meta().name, "layer_weights", || {
                    Ok(self.export_layer_weights()?.into())
                })
            }

            fn save_checkpoint(&self, dir: RStr<'_>, metadata: RStr<'_>) -> RResult<(), RString> {
                $crate::adapter::guarded(self.meta().name, "save_checkpoint", || {
                    self.save(Path::new(dir.as_str()), metadata.as_str())
                })
            }

            fn load_checkpoint(
                &mut self,
                dir: RStr<'_>,
                weights_only: bool,
            ) -> RResult<(), RString> {
                let name = self.meta().name;
                $crate::adapter::guarded(name, "load_checkpoint", || {
                    self.load(Path::new(dir.as_str()), weights_only)
                })
            }
        }
    };
}
pub(crate) use impl_plugin_model;

/// Runs `body` for ABI method `method` of plugin `name` under [`guard`]: a panic or an error
/// becomes one line that starts with the plugin name.
pub(crate) fn guarded<T>(
    name: &str,
    method: &str,
    body: impl FnOnce() -> Result<T>,
) -> RResult<T, RString> {
    guard(&format!("{name}.{method}"), || {
        body().map_err(|e| format!("{name}: {e}"))
    })
}

impl_plugin_model!(ModelAdapter<M: ModelCore>);
