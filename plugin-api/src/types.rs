//! Plain data shared by every plugin kind.

use abi_stable::std_types::{ROption, RSlice, RStr, RString, RVec};
use abi_stable::StableAbi;

/// What a plugin says about itself.
#[repr(C)]
#[derive(StableAbi, Debug, Clone)]
pub struct PluginInfo {
    /// The name users type (`--scheduler constant-lr`); matches the file name.
    pub name: RString,
    /// The plugin's own version (its crate version).
    pub version: RString,
    /// The plugin API version it was built against ([`crate::API_VERSION`] at its build).
    pub api_version: RString,
    /// One line for `engine plugins list`.
    pub description: RString,
}

impl PluginInfo {
    /// Info for a plugin built against this API version.
    pub fn new(name: &str, version: &str, description: &str) -> Self {
        Self {
            name: name.into(),
            version: version.into(),
            api_version: crate::API_VERSION.into(),
            description: description.into(),
        }
    }
}

/// The kind of a parameter group, as the model declares it. Spectral analysis and schedulers decide
/// eligibility from it.
#[repr(u8)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LayerKind {
    /// Dense layer, weight `[out, in]`.
    Linear,
    /// 1D convolution, weight `[out, in, k]`.
    Conv1d,
    /// 2D convolution, weight `[out, in, kh, kw]`.
    Conv2d,
    /// Fourier-layer complex weights `[in, out, modes...]` (real and imaginary parts).
    SpectralComplex,
    /// Embedding table `[vocab, dim]`.
    Embedding,
    /// Normalization layer (scale and shift vectors).
    Norm,
    /// Output head.
    Head,
    /// Anything else.
    Other,
}

impl LayerKind {
    /// All kinds, in declaration order.
    pub const ALL: [LayerKind; 8] = [
        LayerKind::Linear,
        LayerKind::Conv1d,
        LayerKind::Conv2d,
        LayerKind::SpectralComplex,
        LayerKind::Embedding,
        LayerKind::Norm,
        LayerKind::Head,
        LayerKind::Other,
    ];

    /// The lower-case name used in configs and CSV files.
    pub fn as_str(self) -> &'static str {
        match self {
            LayerKind::Linear => "linear",
            LayerKind::Conv1d => "conv1d",
            LayerKind::Conv2d => "conv2d",
            LayerKind::SpectralComplex => "spectral-complex",
            LayerKind::Embedding => "embedding",
            LayerKind::Norm => "norm",
            LayerKind::Head => "head",
            LayerKind::Other => "other",
        }
    }

    /// Parses [`LayerKind::as_str`] names.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// One parameter tensor of a group.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct ParamInfo {
    /// Full dotted path, the checkpoint key (`blocks.0.spectral.weight_re`).
    pub name: RString,
    pub shape: RVec<u64>,
    /// Whether weight decay applies to it (false for biases and norms by convention).
    pub decay: bool,
}

/// A parameter group: one layer (weight, bias, attached norm). Learning rates are keyed by its name.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct ParamGroupInfo {
    /// Dotted path of the layer (`blocks.0.spectral`).
    pub name: RString,
    pub kind: LayerKind,
    /// Block index (an FNO Fourier layer, a transformer encoder layer), if the layer belongs to one.
    pub block: ROption<u32>,
    pub params: RVec<ParamInfo>,
    /// Total number of scalars in the group.
    pub num_params: u64,
}

/// A layer's weight as exported for spectral analysis; the metrics plugin reshapes it by `kind`.
#[repr(C)]
#[derive(StableAbi, Debug, Clone)]
pub struct LayerWeights {
    /// The parameter group it belongs to.
    pub group: RString,
    pub kind: LayerKind,
    pub block: ROption<u32>,
    /// Linear `[out, in]`; Conv1d `[out, in, k]`; Conv2d `[out, in, kh, kw]`;
    /// SpectralComplex `[in, out, modes...]`.
    pub shape: RVec<u64>,
    /// Real part, row-major.
    pub re: RVec<f32>,
    /// Imaginary part for complex weights, empty otherwise.
    pub im: RVec<f32>,
}

/// A borrowed, named, row-major f32 tensor (a batch input or target).
#[repr(C)]
#[derive(StableAbi, Debug, Clone, Copy)]
pub struct TensorView<'a> {
    pub name: RStr<'a>,
    pub shape: RSlice<'a, u64>,
    pub data: RSlice<'a, f32>,
}

/// An owned, named, row-major f32 tensor (a prediction).
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct TensorData {
    pub name: RString,
    pub shape: RVec<u64>,
    pub data: RVec<f32>,
}

impl TensorData {
    /// Borrows it as a view.
    pub fn view(&self) -> TensorView<'_> {
        TensorView {
            name: self.name.as_rstr(),
            shape: self.shape.as_rslice(),
            data: self.data.as_rslice(),
        }
    }
}

/// Finds a tensor by name in a batch.
pub fn find_tensor<'a>(batch: RSlice<'a, TensorView<'a>>, name: &str) -> Option<TensorView<'a>> {
    batch.iter().find(|t| t.name.as_str() == name).copied()
}

/// Learning rate and weight decay for one parameter group.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct GroupPlan {
    pub group: RString,
    pub lr: f64,
    pub weight_decay: f64,
}

/// Sharpness-aware minimization settings a plan may ask the model runtime for.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq)]
pub struct SamPlan {
    /// Neighbourhood radius.
    pub rho: f64,
    /// Adaptive SAM (perturbation scaled elementwise by |w|).
    pub adaptive: bool,
}

/// What one optimizer step should do: a learning rate per group (every group, keyed by name) and
/// optional SAM. Schedulers refine the plan they receive.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct StepPlan {
    pub groups: RVec<GroupPlan>,
    pub sam: ROption<SamPlan>,
    /// Warnings for the user (a degenerate case handled, a layer left out); the engine logs each
    /// distinct message once. A scheduler appends to what it received.
    pub warnings: RVec<RString>,
}

impl StepPlan {
    /// Every group at `lr` with the same weight decay, no SAM: the engine's base plan.
    pub fn uniform(groups: &[ParamGroupInfo], lr: f64, weight_decay: f64) -> Self {
        Self {
            groups: groups
                .iter()
                .map(|g| GroupPlan { group: g.name.clone(), lr, weight_decay })
                .collect(),
            sam: ROption::RNone,
            warnings: RVec::new(),
        }
    }

    /// The plan entry of a group.
    pub fn get(&self, group: &str) -> Option<&GroupPlan> {
        self.groups.iter().find(|g| g.group.as_str() == group)
    }
}

/// What one training step reports.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq)]
pub struct TrainOutput {
    /// The loss of the batch before the update.
    pub loss: f64,
    /// Global gradient L2 norm before clipping.
    pub grad_norm: f64,
}
