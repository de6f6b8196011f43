//! Model plugins own candle entirely: forward, backward, the optimizer step (with per-group learning
//! rates from the plan), checkpoints. The engine passes batches as named f32 buffers.

use crate::{LayerWeights, ParamGroupInfo, StepPlan, TensorData, TensorView, TrainOutput};
use abi_stable::std_types::{RBox, RResult, RSlice, RStr, RString, RVec};
use crate::root::root_module;
use abi_stable::{sabi_trait, StableAbi};

/// The optimizer family.
#[repr(u8)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptimizerKind {
    /// Adam with coupled L2 weight decay (grad += wd * w), as PyTorch's `Adam` and PDEBench.
    Adam,
    /// Adam with decoupled weight decay (w -= lr * wd * w), as PyTorch's `AdamW`.
    AdamW,
    /// SGD with (optionally Nesterov) momentum and coupled L2 weight decay.
    Sgd,
}

/// Optimizer settings shared by all groups; the learning rate and weight decay per group come with
/// each step's plan.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq)]
pub struct OptimizerSpec {
    pub kind: OptimizerKind,
    pub beta1: f64,
    pub beta2: f64,
    pub eps: f64,
    pub momentum: f64,
    pub nesterov: bool,
    /// Clip the global gradient L2 norm to this value; 0 disables clipping.
    pub grad_clip: f64,
}

/// Everything a model needs to be built.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, Copy)]
pub struct ModelInit<'a> {
    /// The model's configuration section, TOML text (empty means defaults).
    pub config: RStr<'a>,
    /// The data the model will see, JSON: for PDE rollouts
    /// `{"task":"pde-rollout","channels":C,"spatial":[X,Y],"initial_step":S,"t_train":T}`.
    pub data: RStr<'a>,
    pub optimizer: OptimizerSpec,
    /// Seed for initialization and dropout; the engine derives it from the run seed.
    pub seed: u64,
}

/// A model instance. Methods must run under [`crate::guard`].
#[sabi_trait]
pub trait Model: Send {
    /// The parameter groups, in model order.
    fn param_groups(&self) -> RVec<ParamGroupInfo>;

    /// Forward, backward and one optimizer step on `batch` under `plan`; returns the loss before
    /// the update. A step whose loss or gradient is not finite must change nothing (parameters and
    /// optimizer state as before the call) and return an error that starts with
    /// [`crate::NON_FINITE_STEP`]; the engine may then skip the batch (`train.on_nonfinite =
    /// "skip"`). Name the parameter groups at fault in it. Any other error ends the run.
    fn train_step(&mut self, batch: RSlice<'_, TensorView<'_>>, plan: &StepPlan) -> RResult<TrainOutput, RString>;

    /// Predictions for `batch` (no update); for PDE rollouts one tensor `pred` [B, X.., t_train, C]
    /// whose first `initial_step` frames are copied from `u`.
    fn predict(&mut self, batch: RSlice<'_, TensorView<'_>>) -> RResult<RVec<TensorData>, RString>;

    /// The weights of every layer that has a matrix spectrum, for spectral analysis.
    fn layer_weights(&self) -> RResult<RVec<LayerWeights>, RString>;

    /// Writes `model.safetensors` (weights, with `metadata` JSON object entries as safetensors
    /// metadata) and `optimizer.safetensors` (optimizer state) into the directory `dir`.
    fn save_checkpoint(&self, dir: RStr<'_>, metadata: RStr<'_>) -> RResult<(), RString>;

    /// Loads what [`Model::save_checkpoint`] wrote; with `weights_only`, the optimizer state is kept.
    #[sabi(last_prefix_field)]
    fn load_checkpoint(&mut self, dir: RStr<'_>, weights_only: bool) -> RResult<(), RString>;
}

/// A boxed model.
pub type ModelBox = Model_TO<'static, RBox<()>>;

root_module! {
    /// Root module of a model plugin.
    ModelMod, ModelMod_Ref, base: "engine_model", name: "engine model plugin",
    new: fn(init: ModelInit<'_>) -> ModelBox,
}

/// Exports a model plugin's root module; `new` takes a [`ModelInit`].
#[macro_export]
macro_rules! export_model_plugin {
    (name: $name:expr, description: $desc:expr, default_config: $cfg:expr, new: $new:expr $(,)?) => {
        $crate::__export_plugin! {
            name: $name, description: $desc, default_config: $cfg, new: $new,
            module: ModelMod, module_ref: ModelMod_Ref, object: Model_TO, boxed: ModelBox,
            arg: init: $crate::ModelInit<'_> => init,
        }
    };
}
