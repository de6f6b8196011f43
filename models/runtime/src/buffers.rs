//! Model state that is not trained but belongs to the model: PyTorch's "buffers", e.g.
//! BatchNorm's running statistics. They change during training (in the forward pass, not by the
//! optimizer), predictions depend on them, and checkpoints must keep them.
//!
//! - [`Buffers`]: named f32 arrays with fixed shapes, behind a mutex (a loss is computed through
//!   `&self`).
//! - [`BufferedCore`]: a [`ModelCore`] that has buffers.
//! - [`BufferedAdapter`]: the plugin for such a model. It is a [`ModelAdapter`] plus:
//!   the buffers are written to `buffers.safetensors` next to the adapter's `model.safetensors`
//!   and `optimizer.safetensors`, and read back by every load (with or without `weights_only`: they
//!   are part of the model, like PyTorch's `state_dict`); a training step that fails restores the
//!   buffers it had changed, so a failed step leaves the model exactly as it was.
//!
//! Buffers are not parameters: they are not in the parameter groups the engine sees, get no
//! learning rate, no gradient and no optimizer state.

use crate::adapter::{impl_plugin_model, ModelAdapter, ModelCore, PluginMeta};
use crate::checkpoint::{read_f32_safetensors, write_f32_safetensors};
use crate::error::{Error, Result};
use plugin_api::abi_stable::std_types::{RResult, RSlice, RStr, RString, RVec};
use plugin_api::{
    guard, LayerWeights, OptimizerSpec, ParamGroupInfo, StepPlan, TensorData, TensorView,
    TrainOutput,
};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// The checkpoint file holding the buffers.
pub const BUFFERS_FILE: &str = "buffers.safetensors";

/// Named, fixed-shape f32 buffers, in declaration order.
#[derive(Debug, Default)]
pub struct Buffers {
    names: Vec<String>,
    shapes: Vec<Vec<usize>>,
    by_name: HashMap<String, usize>,
    values: Mutex<Vec<Vec<f32>>>,
}

impl Buffers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a buffer with its initial values; returns its index.
    pub fn declare(&mut self, name: &str, shape: &[usize], init: Vec<f32>) -> Result<usize> {
        if self.by_name.contains_key(name) {
            return Err(Error::Param(format!("buffer '{name}' declared twice")));
        }
        if init.len() != shape.iter().product::<usize>() || shape.is_empty() {
            return Err(Error::Param(format!(
                "buffer '{name}': {} initial values do not fit the shape {shape:?}",
                init.len()
            )));
        }
        let i = self.names.len();
        self.by_name.insert(name.to_string(), i);
        self.names.push(name.to_string());
        self.shapes.push(shape.to_vec());
        self.lock().push(init);
        Ok(i)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn index(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Vec<f32>>> {
        // A panic while the lock was held cannot leave a half-written value behind that matters
        // more than losing the model: keep going with what is there.
        self.values.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A copy of buffer `i`.
    pub fn get(&self, i: usize) -> Vec<f32> {
        self.lock()[i].clone()
    }

    /// Copies of every buffer, in declaration order.
    pub fn values(&self) -> Vec<Vec<f32>> {
        self.lock().clone()
    }

    /// Runs `f` on the values of every buffer (in declaration order) under the lock.
    pub fn update<R>(&self, f: impl FnOnce(&mut [Vec<f32>]) -> R) -> R {
        f(&mut self.lock())
    }

    /// Replaces every buffer; lengths must match the declared shapes.
    pub fn set_values(&self, values: Vec<Vec<f32>>) -> Result<()> {
        if values.len() != self.len() {
            return Err(Error::Param(format!(
                "set_values got {} buffers for {}",
                values.len(),
                self.len()
            )));
        }
        for ((name, shape), v) in self.names.iter().zip(&self.shapes).zip(&values) {
            if v.len() != shape.iter().product::<usize>() {
                return Err(Error::Param(format!(
                    "buffer '{name}': got {} values for shape {shape:?}",
                    v.len()
                )));
            }
        }
        *self.lock() = values;
        Ok(())
    }

    /// Writes every buffer to `path` (atomically), with metadata `plugin`.
    pub fn save(&self, path: &Path, plugin: &str) -> Result<()> {
        let values = self.values();
        let tensors: Vec<(String, Vec<usize>, Vec<f32>)> = self
            .names
            .iter()
            .zip(&self.shapes)
            .zip(values)
            .map(|((n, s), v)| (n.clone(), s.clone(), v))
            .collect();
        let meta = HashMap::from([("plugin".to_string(), plugin.to_string())]);
        write_f32_safetensors(path, &tensors, meta)
    }

    /// Reads and checks what [`Buffers::save`] wrote (every key present with its shape, no other
    /// key, written by `plugin`) without changing anything; apply with [`Buffers::set_values`].
    pub fn read(&self, path: &Path, plugin: &str) -> Result<Vec<Vec<f32>>> {
        let ck = |msg: String| Error::Checkpoint {
            file: path.display().to_string(),
            msg,
        };
        let mut file = read_f32_safetensors(path)?;
        if let Some(p) = file.metadata.get("plugin") {
            if p != plugin {
                return Err(ck(format!(
                    "metadata key 'plugin' says it was written by model plugin '{p}', not '{plugin}'"
                )));
            }
        }
        let mut out = Vec::with_capacity(self.len());
        for (name, shape) in self.names.iter().zip(&self.shapes) {
            let (got, values) = file
                .tensors
                .remove(name)
                .ok_or_else(|| ck(format!("missing key '{name}'")))?;
            if &got != shape {
                return Err(ck(format!(
                    "key '{name}' has shape {got:?}, the model expects {shape:?}"
                )));
            }
            out.push(values);
        }
        if let Some(extra) = file.tensors.keys().collect::<BTreeSet<_>>().first() {
            return Err(ck(format!(
                "unexpected key '{extra}' (not a buffer of this model)"
            )));
        }
        Ok(out)
    }
}

/// A model with buffers.
pub trait BufferedCore: ModelCore {
    fn buffers(&self) -> &Buffers;
}

/// The plugin for a [`BufferedCore`]: a [`ModelAdapter`] whose checkpoints and failed steps also
/// cover the buffers.
pub struct BufferedAdapter<M> {
    inner: ModelAdapter<M>,
}

impl<M: BufferedCore> BufferedAdapter<M> {
    pub fn new(core: M, optimizer: OptimizerSpec, meta: PluginMeta) -> Result<Self> {
        Ok(Self {
            inner: ModelAdapter::new(core, optimizer, meta)?,
        })
    }

    pub fn inner(&self) -> &ModelAdapter<M> {
        &self.inner
    }

    pub fn core(&self) -> &M {
        self.inner.core()
    }

    pub fn meta(&self) -> PluginMeta {
        self.inner.meta()
    }

    pub fn groups(&self) -> &[ParamGroupInfo] {
        self.inner.groups()
    }

    /// One training step; on failure the buffers are restored to their values before it.
    pub fn fit_step<'a>(
        &mut self,
        batch: &'a [TensorView<'a>],
        plan: &StepPlan,
    ) -> Result<TrainOutput> {
        let before = self.inner.core().buffers().values();
        let out = self.inner.fit_step(batch, plan);
        if out.is_err() {
            self.inner.core().buffers().set_values(before)?;
        }
        out
    }

    pub fn predict_batch<'a>(&self, batch: &'a [TensorView<'a>]) -> Result<Vec<TensorData>> {
        self.inner.predict_batch(batch)
    }

    pub fn export_layer_weights(&self) -> Result<Vec<LayerWeights>> {
        self.inner.export_layer_weights()
    }

    /// The adapter's two files, then [`BUFFERS_FILE`].
    pub fn save(&self, dir: &Path, metadata_json: &str) -> Result<()> {
        self.inner.save(dir, metadata_json)?;
        self.inner
            .core()
            .buffers()
            .save(&dir.join(BUFFERS_FILE), self.inner.meta().name)
    }

    /// Checks the buffers file first, so that nothing changes unless everything loads.
    pub fn load(&mut self, dir: &Path, weights_only: bool) -> Result<()> {
        let name = self.inner.meta().name;
        let buffers = self
            .inner
            .core()
            .buffers()
            .read(&dir.join(BUFFERS_FILE), name)?;
        self.inner.load(dir, weights_only)?;
        self.inner.core().buffers().set_values(buffers)
    }
}

impl_plugin_model!(BufferedAdapter<M: BufferedCore>);

#[cfg(test)]
mod tests {
    use super::*;

    fn two() -> Buffers {
        let mut b = Buffers::new();
        b.declare("n.running_mean", &[3], vec![0.0; 3]).unwrap();
        b.declare("n.running_var", &[3], vec![1.0; 3]).unwrap();
        b
    }

    #[test]
    fn declare_update_and_errors() {
        let mut b = two();
        assert_eq!(b.len(), 2);
        assert_eq!(b.index("n.running_var"), Some(1));
        assert_eq!(b.get(1), vec![1.0; 3]);
        b.update(|v| v[0][2] = 5.0);
        assert_eq!(b.get(0), vec![0.0, 0.0, 5.0]);
        assert!(b
            .declare("n.running_mean", &[3], vec![0.0; 3])
            .unwrap_err()
            .to_string()
            .contains("declared twice"));
        assert!(b.declare("x", &[2], vec![0.0; 3]).is_err());
        let e = b.set_values(vec![vec![0.0; 3], vec![0.0; 2]]).unwrap_err();
        assert!(e.to_string().contains("'n.running_var'"), "{e}");
        assert!(b.set_values(vec![vec![0.0; 3]]).is_err());
    }

    #[test]
    fn save_and_read_round_trip_with_checked_keys() {
        let dir = std::env::temp_dir().join(format!("rt-buffers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(BUFFERS_FILE);
        let b = two();
        b.update(|v| v[1] = vec![0.5, 2.0, 3.0]);
        b.save(&path, "unet2d").unwrap();
        let c = two();
        let read = c.read(&path, "unet2d").unwrap();
        assert_eq!(read, b.values());
        // Reading changes nothing until the values are set.
        assert_eq!(c.get(1), vec![1.0; 3]);
        c.set_values(read).unwrap();
        assert_eq!(c.values(), b.values());
        let e = c.read(&path, "unet1d").unwrap_err().to_string();
        assert!(e.contains("written by model plugin 'unet2d'"), "{e}");
        let mut other = Buffers::new();
        other.declare("n.running_mean", &[4], vec![0.0; 4]).unwrap();
        let e = other.read(&path, "unet2d").unwrap_err().to_string();
        assert!(
            e.contains("key 'n.running_mean' has shape [3], the model expects [4]"),
            "{e}"
        );
        let mut fewer = Buffers::new();
        fewer.declare("n.running_mean", &[3], vec![0.0; 3]).unwrap();
        let e = fewer.read(&path, "unet2d").unwrap_err().to_string();
        assert!(e.contains("unexpected key 'n.running_var'"), "{e}");
        let e = two()
            .read(&dir.join("missing.safetensors"), "unet2d")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("missing.safetensors") && !e.contains('\n'),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
