//! The parameter registry: a model declares its parameter groups (one layer each: weight, bias,
//! attached norm) and their tensors here, in model order. The registry owns the candle `Var`s, seeds
//! their initial values, and is what the optimizer, checkpoints and gradient checks iterate over.
//!
//! Names are dotted paths and are the same everywhere: group `blocks.0.spectral` holds
//! `blocks.0.spectral.weight1_re`; plans key learning rates by group name, checkpoints key tensors
//! by parameter name.

use crate::error::{Error, Result};
use crate::rng::rng_for;
use candle_core::{Device, Tensor, Var};
use plugin_api::abi_stable::std_types::{ROption, RVec};
use plugin_api::{LayerKind, ParamGroupInfo, ParamInfo};
use rand::Rng as _;
use rand_distr::{Distribution, Normal};
use std::collections::HashMap;

/// How a parameter's initial values are drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Init {
    /// All zeros.
    Zeros,
    /// Every entry the same value (norm scales: 1).
    Constant(f32),
    /// Uniform on `[low, high)`.
    Uniform { low: f32, high: f32 },
    /// Normal with the given mean and standard deviation (embeddings, BERT-style init).
    Normal { mean: f32, std: f32 },
    /// Exactly these values, row-major (tests, pretrained weights).
    Values(Vec<f32>),
}

impl Init {
    /// PyTorch's default for `Linear`/`ConvNd` weights and biases: kaiming-uniform with a = sqrt(5)
    /// gives the bound 1/sqrt(fan_in) for the weight, and the bias uses the same bound.
    /// `fan_in` = in_features, or in_channels * kernel size for convolutions.
    pub fn torch_default(fan_in: usize) -> Init {
        let bound = 1.0 / (fan_in.max(1) as f32).sqrt();
        Init::Uniform {
            low: -bound,
            high: bound,
        }
    }

    fn sample(&self, n: usize, seed: u64, name: &str) -> Result<Vec<f32>> {
        let mut rng = rng_for(seed, &format!("init/{name}"));
        Ok(match self {
            Init::Zeros => vec![0.0; n],
            Init::Constant(c) => vec![*c; n],
            Init::Uniform { low, high } => {
                if !(low.is_finite() && high.is_finite() && low <= high) {
                    return Err(Error::Param(format!(
                        "parameter '{name}': invalid uniform init bounds [{low}, {high})"
                    )));
                }
                // low + (high - low) * U[0,1): the same affine map torch.rand-based inits use.
                (0..n)
                    .map(|_| low + (high - low) * rng.random::<f32>())
                    .collect()
            }
            Init::Normal { mean, std } => {
                let dist = Normal::new(*mean, *std).map_err(|e| {
                    Error::Param(format!("parameter '{name}': invalid normal init: {e}"))
                })?;
                (0..n).map(|_| dist.sample(&mut rng)).collect()
            }
            Init::Values(v) => {
                if v.len() != n {
                    return Err(Error::Param(format!(
                        "parameter '{name}': init has {} values but the shape needs {n}",
                        v.len()
                    )));
                }
                v.clone()
            }
        })
    }
}

/// One parameter tensor.
#[derive(Debug, Clone)]
pub struct Param {
    name: String,
    group: usize,
    shape: Vec<usize>,
    decay: bool,
    var: Var,
}

impl Param {
    /// Full dotted name (the checkpoint key).
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }
    /// Whether weight decay applies.
    pub fn decay(&self) -> bool {
        self.decay
    }
    /// Index of its group in [`ParamStore::groups`].
    pub fn group(&self) -> usize {
        self.group
    }
    pub fn numel(&self) -> usize {
        self.shape.iter().product()
    }
    pub fn var(&self) -> &Var {
        &self.var
    }
    /// The tensor to use in forward passes (shares storage with the `Var`, so optimizer updates
    /// are seen by every clone).
    pub fn tensor(&self) -> &Tensor {
        self.var.as_tensor()
    }
    /// A row-major host copy of the values.
    pub fn values(&self) -> Result<Vec<f32>> {
        Ok(self.var.as_tensor().flatten_all()?.to_vec1::<f32>()?)
    }
}

/// A parameter group (a layer).
#[derive(Debug, Clone)]
pub struct Group {
    name: String,
    kind: LayerKind,
    block: Option<u32>,
    params: Vec<usize>,
}

impl Group {
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn kind(&self) -> LayerKind {
        self.kind
    }
    pub fn block(&self) -> Option<u32> {
        self.block
    }
    /// Indices into [`ParamStore::params`].
    pub fn param_indices(&self) -> &[usize] {
        &self.params
    }
}

/// All parameters of a model, grouped by layer, in declaration (model) order.
#[derive(Debug, Clone)]
pub struct ParamStore {
    seed: u64,
    device: Device,
    groups: Vec<Group>,
    params: Vec<Param>,
    by_name: HashMap<String, usize>,
    group_by_name: HashMap<String, usize>,
}

impl ParamStore {
    /// An empty store whose parameters will be initialised from `seed`. A parameter's initial
    /// values depend only on (seed, its name, its shape, its init), never on declaration order.
    pub fn new(seed: u64, device: &Device) -> Self {
        Self {
            seed,
            device: device.clone(),
            groups: Vec::new(),
            params: Vec::new(),
            by_name: HashMap::new(),
            group_by_name: HashMap::new(),
        }
    }

    pub fn device(&self) -> &Device {
        &self.device
    }

    /// Starts a new group; the following [`ParamStore::param`] calls add to it.
    pub fn group(&mut self, name: &str, kind: LayerKind, block: Option<u32>) -> Result<()> {
        if name.is_empty() {
            return Err(Error::Param("parameter group name is empty".into()));
        }
        if self.group_by_name.contains_key(name) {
            return Err(Error::Param(format!(
                "parameter group '{name}' declared twice"
            )));
        }
        self.group_by_name
            .insert(name.to_string(), self.groups.len());
        self.groups.push(Group {
            name: name.to_string(),
            kind,
            block,
            params: Vec::new(),
        });
        Ok(())
    }

    /// Adds `<current group>.<local>` to the current group and returns its tensor.
    pub fn param(
        &mut self,
        local: &str,
        shape: &[usize],
        init: Init,
        decay: bool,
    ) -> Result<Tensor> {
        let group = self.groups.last().ok_or_else(|| {
            Error::Param(format!("parameter '{local}' declared before any group"))
        })?;
        let full = format!("{}.{local}", group.name);
        self.param_full(&full, shape, init, decay)
    }

    /// Adds a parameter with an explicit full name to the current group (a norm attached to a
    /// layer whose path differs from the layer's).
    pub fn param_full(
        &mut self,
        name: &str,
        shape: &[usize],
        init: Init,
        decay: bool,
    ) -> Result<Tensor> {
        let group =
            self.groups.len().checked_sub(1).ok_or_else(|| {
                Error::Param(format!("parameter '{name}' declared before any group"))
            })?;
        if self.by_name.contains_key(name) {
            return Err(Error::Param(format!("parameter '{name}' declared twice")));
        }
        if shape.is_empty() || shape.contains(&0) {
            return Err(Error::Param(format!(
                "parameter '{name}': invalid shape {shape:?}"
            )));
        }
        let n: usize = shape.iter().product();
        let values = init.sample(n, self.seed, name)?;
        let var = Var::from_tensor(&Tensor::from_vec(values, shape, &self.device)?)?;
        let tensor = var.as_tensor().clone();
        self.by_name.insert(name.to_string(), self.params.len());
        self.groups[group].params.push(self.params.len());
        self.params.push(Param {
            name: name.to_string(),
            group,
            shape: shape.to_vec(),
            decay,
            var,
        });
        Ok(tensor)
    }

    pub fn params(&self) -> &[Param] {
        &self.params
    }

    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The parameter called `name`.
    pub fn get(&self, name: &str) -> Result<&Param> {
        self.by_name
            .get(name)
            .map(|&i| &self.params[i])
            .ok_or_else(|| Error::Param(format!("no parameter named '{name}'")))
    }

    /// The index of group `name` in [`ParamStore::groups`].
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.group_by_name.get(name).copied()
    }

    /// Total number of scalars.
    pub fn num_scalars(&self) -> usize {
        self.params.iter().map(Param::numel).sum()
    }

    /// Checks the declaration is complete: at least one group, no empty group.
    pub fn validate(&self) -> Result<()> {
        if self.groups.is_empty() {
            return Err(Error::Param(
                "the model declares no parameter groups".into(),
            ));
        }
        if let Some(g) = self.groups.iter().find(|g| g.params.is_empty()) {
            return Err(Error::Param(format!(
                "parameter group '{}' has no parameters",
                g.name
            )));
        }
        Ok(())
    }

    /// The groups as the plugin ABI describes them, in model order.
    pub fn group_infos(&self) -> Vec<ParamGroupInfo> {
        self.groups
            .iter()
            .map(|g| {
                let params: RVec<ParamInfo> = g
                    .params
                    .iter()
                    .map(|&i| {
                        let p = &self.params[i];
                        ParamInfo {
                            name: p.name.as_str().into(),
                            shape: p.shape.iter().map(|&d| d as u64).collect(),
                            decay: p.decay,
                        }
                    })
                    .collect();
                ParamGroupInfo {
                    name: g.name.as_str().into(),
                    kind: g.kind,
                    block: match g.block {
                        Some(b) => ROption::RSome(b),
                        None => ROption::RNone,
                    },
                    num_params: g
                        .params
                        .iter()
                        .map(|&i| self.params[i].numel() as u64)
                        .sum(),
                    params,
                }
            })
            .collect()
    }

    /// Host copies of every parameter, in parameter order.
    pub fn values(&self) -> Result<Vec<Vec<f32>>> {
        self.params.iter().map(Param::values).collect()
    }

    /// Overwrites every parameter from host values in parameter order (lengths must match).
    pub fn set_values(&self, values: &[Vec<f32>]) -> Result<()> {
        if values.len() != self.params.len() {
            return Err(Error::Param(format!(
                "set_values got {} tensors for {} parameters",
                values.len(),
                self.params.len()
            )));
        }
        for (p, v) in self.params.iter().zip(values) {
            self.set_param(p, v)?;
        }
        Ok(())
    }

    /// Overwrites one parameter from host values.
    pub fn set_param(&self, p: &Param, values: &[f32]) -> Result<()> {
        if values.len() != p.numel() {
            return Err(Error::Param(format!(
                "parameter '{}': got {} values, its shape {:?} needs {}",
                p.name,
                values.len(),
                p.shape,
                p.numel()
            )));
        }
        p.var.set(&Tensor::from_slice(
            values,
            p.shape.as_slice(),
            &self.device,
        )?)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(seed: u64) -> ParamStore {
        let mut s = ParamStore::new(seed, &Device::Cpu);
        s.group("fc0", LayerKind::Linear, None).unwrap();
        s.param("weight", &[4, 3], Init::torch_default(3), true)
            .unwrap();
        s.param("bias", &[4], Init::torch_default(3), false)
            .unwrap();
        s.group("blocks.0.norm", LayerKind::Norm, Some(0)).unwrap();
        s.param("weight", &[4], Init::Constant(1.0), false).unwrap();
        s
    }

    #[test]
    fn names_groups_and_infos() {
        let s = build(1);
        let infos = s.group_infos();
        assert_eq!(infos.len(), 2);
        assert_eq!(infos[0].name.as_str(), "fc0");
        assert_eq!(infos[0].params[0].name.as_str(), "fc0.weight");
        assert_eq!(infos[0].params[0].shape.as_slice(), &[4, 3]);
        assert!(!infos[0].params[1].decay);
        assert_eq!(infos[0].num_params, 16);
        assert_eq!(infos[1].block, ROption::RSome(0));
        assert_eq!(infos[1].kind, LayerKind::Norm);
        assert_eq!(
            s.get("blocks.0.norm.weight").unwrap().values().unwrap(),
            vec![1.0; 4]
        );
        assert!(s.get("nope").unwrap_err().to_string().contains("'nope'"));
    }

    #[test]
    fn seeded_init_is_deterministic_and_bounded() {
        let a = build(5).values().unwrap();
        let b = build(5).values().unwrap();
        let c = build(6).values().unwrap();
        assert_eq!(a, b);
        assert_ne!(a[0], c[0]);
        let bound = 1.0 / 3f32.sqrt();
        assert!(a[0].iter().all(|v| v.abs() <= bound));
        // Declaration order does not matter: a parameter's values depend on its name only.
        let mut s = ParamStore::new(5, &Device::Cpu);
        s.group("fc0", LayerKind::Linear, None).unwrap();
        s.param("bias", &[4], Init::torch_default(3), false)
            .unwrap();
        s.param("weight", &[4, 3], Init::torch_default(3), true)
            .unwrap();
        assert_eq!(s.get("fc0.weight").unwrap().values().unwrap(), a[0]);
    }

    #[test]
    fn declaration_errors_name_the_culprit() {
        let mut s = build(1);
        assert!(s
            .group("fc0", LayerKind::Linear, None)
            .unwrap_err()
            .to_string()
            .contains("'fc0'"));
        s.group("fc1", LayerKind::Linear, None).unwrap();
        assert!(s.validate().unwrap_err().to_string().contains("'fc1'"));
        let e = s
            .param("w", &[2, 2], Init::Values(vec![1.0]), true)
            .unwrap_err();
        assert!(e.to_string().contains("fc1.w"), "{e}");
        let mut empty = ParamStore::new(0, &Device::Cpu);
        assert!(empty.param("w", &[1], Init::Zeros, true).is_err());
    }

    #[test]
    fn set_values_updates_shared_tensors() {
        let mut s = ParamStore::new(0, &Device::Cpu);
        s.group("g", LayerKind::Other, None).unwrap();
        let t = s.param("w", &[2], Init::Zeros, true).unwrap();
        s.set_values(&[vec![1.5, -2.0]]).unwrap();
        assert_eq!(t.to_vec1::<f32>().unwrap(), vec![1.5, -2.0]);
        assert!(s
            .set_values(&[vec![1.0]])
            .unwrap_err()
            .to_string()
            .contains("'g.w'"));
    }
}
