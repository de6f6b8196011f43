//! Optimizers with a learning rate and weight decay per parameter group, taken from each step's
//! [`StepPlan`]. candle-nn's optimizers have one global learning rate and no groups, so the
//! updates are written here, on host copies of the parameters, following PyTorch's formulas:
//!
//! - `Adam`: coupled L2 (`g += wd * w`), bias-corrected moments (PyTorch `Adam`, PDEBench).
//! - `AdamW`: decoupled decay (`w *= 1 - lr * wd`) then the Adam update (PyTorch `AdamW`).
//! - `Sgd`: coupled L2, momentum without dampening, optionally Nesterov (PyTorch `SGD`).
//!
//! A parameter whose `decay` flag is false gets no weight decay. A parameter without a gradient
//! is skipped entirely (no decay, no moment update), as PyTorch skips `p.grad is None`.
//! The step counter is one per optimizer (every parameter steps together).

use crate::error::{Error, Result};
use crate::params::ParamStore;
use plugin_api::{OptimizerKind, OptimizerSpec, StepPlan};
use rayon::prelude::*;

/// Elements per parallel task of an update (a parameter smaller than this is updated in one).
const PARALLEL_CHUNK: usize = 1 << 16;

/// Learning rate and weight decay of one group for one step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupHyper {
    pub lr: f64,
    pub weight_decay: f64,
}

/// Resolves `plan` to one [`GroupHyper`] per group of `store`, in group order. Every group must be
/// planned exactly once, and every planned group must exist.
pub fn resolve_plan(store: &ParamStore, plan: &StepPlan) -> Result<Vec<GroupHyper>> {
    let mut out: Vec<Option<GroupHyper>> = vec![None; store.groups().len()];
    for gp in plan.groups.iter() {
        let name = gp.group.as_str();
        let idx = store.group_index(name).ok_or_else(|| {
            Error::Plan(format!("step plan names unknown parameter group '{name}'"))
        })?;
        if out[idx].is_some() {
            return Err(Error::Plan(format!(
                "step plan lists parameter group '{name}' twice"
            )));
        }
        if !(gp.lr.is_finite() && gp.lr >= 0.0) {
            return Err(Error::Plan(format!(
                "step plan gives group '{name}' an invalid learning rate {}",
                gp.lr
            )));
        }
        if !(gp.weight_decay.is_finite() && gp.weight_decay >= 0.0) {
            return Err(Error::Plan(format!(
                "step plan gives group '{name}' an invalid weight decay {}",
                gp.weight_decay
            )));
        }
        out[idx] = Some(GroupHyper {
            lr: gp.lr,
            weight_decay: gp.weight_decay,
        });
    }
    out.into_iter()
        .enumerate()
        .map(|(i, h)| {
            h.ok_or_else(|| {
                Error::Plan(format!(
                    "step plan has no entry for parameter group '{}'",
                    store.groups()[i].name()
                ))
            })
        })
        .collect()
}

/// The lower-case name of an optimizer kind, as stored in checkpoints.
pub fn kind_name(kind: OptimizerKind) -> &'static str {
    match kind {
        OptimizerKind::Adam => "adam",
        OptimizerKind::AdamW => "adamw",
        OptimizerKind::Sgd => "sgd",
    }
}

/// Optimizer state and update rule.
#[derive(Debug, Clone)]
pub struct Optimizer {
    spec: OptimizerSpec,
    /// Number of completed steps.
    step: u64,
    /// State buffers, `[slot][param]`, slots named by [`Optimizer::slot_names`].
    slots: Vec<Vec<Vec<f32>>>,
}

impl Optimizer {
    /// A fresh optimizer (zero moments, step 0) for the parameters of `store`.
    pub fn new(spec: OptimizerSpec, store: &ParamStore) -> Result<Self> {
        validate_spec(&spec)?;
        let mut opt = Self {
            spec,
            step: 0,
            slots: Vec::new(),
        };
        let zeros: Vec<Vec<f32>> = store
            .params()
            .iter()
            .map(|p| vec![0.0; p.numel()])
            .collect();
        opt.slots = vec![zeros; opt.slot_names().len()];
        Ok(opt)
    }

    pub fn spec(&self) -> &OptimizerSpec {
        &self.spec
    }

    /// Completed steps.
    pub fn step_count(&self) -> u64 {
        self.step
    }

    /// Names of the per-parameter state tensors (checkpoint keys are `<param>.<slot>`).
    pub fn slot_names(&self) -> &'static [&'static str] {
        match self.spec.kind {
            OptimizerKind::Adam | OptimizerKind::AdamW => &["exp_avg", "exp_avg_sq"],
            OptimizerKind::Sgd if self.spec.momentum != 0.0 => &["momentum_buffer"],
            OptimizerKind::Sgd => &[],
        }
    }

    /// State buffer `slot` of parameter `param` (indices as in [`Optimizer::slot_names`] and
    /// [`ParamStore::params`]).
    pub fn slot(&self, slot: usize, param: usize) -> &[f32] {
        &self.slots[slot][param]
    }

    /// Replaces the whole state (checkpoint load). Shapes were checked by the caller; this checks
    /// lengths again so a mistake cannot corrupt the state silently.
    pub fn set_state(&mut self, step: u64, slots: Vec<Vec<Vec<f32>>>) -> Result<()> {
        let ok = slots.len() == self.slots.len()
            && slots.iter().zip(&self.slots).all(|(a, b)| {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.len() == y.len())
            });
        if !ok {
            return Err(Error::Optimizer(
                "optimizer state does not match the model's parameters".into(),
            ));
        }
        self.step = step;
        self.slots = slots;
        Ok(())
    }

    /// One update. `params[i]` are host values of parameter i (updated in place), `grads[i]` its
    /// gradient (None: skipped), `hyper[g]` the group hyperparameters from [`resolve_plan`].
    pub fn apply(
        &mut self,
        store: &ParamStore,
        params: &mut [Vec<f32>],
        grads: &[Option<Vec<f32>>],
        hyper: &[GroupHyper],
    ) -> Result<()> {
        let lengths_match = params.iter().zip(grads).zip(store.params()).all(|((w, g), p)| {
            w.len() == p.numel() && g.as_ref().is_none_or(|g| g.len() == w.len())
        });
        if params.len() != store.params().len()
            || grads.len() != params.len()
            || hyper.len() != store.groups().len()
            || !lengths_match
        {
            return Err(Error::Optimizer(
                "optimizer step called with mismatched parameter lists".into(),
            ));
        }
        self.step += 1;
        let t = self.step as i32;
        let s = self.spec;
        // Elementwise updates, so any chunking gives the same values; large parameters are split
        // over rayon's threads (a serial update of MiniLM's 22.7M parameters was 4% of a
        // 2-thread step, on the main thread while the other waited).
        let chunk = if model_kernels::cpu::parallel() { PARALLEL_CHUNK } else { usize::MAX };
        for (i, p) in store.params().iter().enumerate() {
            let Some(g) = &grads[i] else { continue };
            let h = hyper[p.group()];
            let wd = if p.decay() { h.weight_decay } else { 0.0 };
            let w = &mut params[i];
            let chunk = chunk.min(w.len()).max(1);
            match s.kind {
                OptimizerKind::Adam | OptimizerKind::AdamW => {
                    let (b1, b2) = (s.beta1, s.beta2);
                    let step_size = (h.lr / (1.0 - b1.powi(t))) as f32;
                    let bc2_sqrt = (1.0 - b2.powi(t)).sqrt() as f32;
                    let eps = s.eps as f32;
                    let (b1f, b2f) = (b1 as f32, b2 as f32);
                    let coupled = if s.kind == OptimizerKind::Adam {
                        wd as f32
                    } else {
                        0.0
                    };
                    let shrink = if s.kind == OptimizerKind::AdamW {
                        (1.0 - h.lr * wd) as f32
                    } else {
                        1.0
                    };
                    let (m_slot, v_slot) = self.slots.split_at_mut(1);
                    let (m, v) = (&mut m_slot[0][i], &mut v_slot[0][i]);
                    let adam = |(((w, m), v), g): (((&mut [f32], &mut [f32]), &mut [f32]), &[f32])| {
                        for j in 0..w.len() {
                            let gj = g[j] + coupled * w[j];
                            m[j] += (1.0 - b1f) * (gj - m[j]);
                            v[j] = v[j] * b2f + (1.0 - b2f) * gj * gj;
                            let denom = v[j].sqrt() / bc2_sqrt + eps;
                            w[j] = w[j] * shrink - step_size * m[j] / denom;
                        }
                    };
                    w.par_chunks_mut(chunk)
                        .zip(m.par_chunks_mut(chunk))
                        .zip(v.par_chunks_mut(chunk))
                        .zip(g.par_chunks(chunk))
                        .for_each(adam);
                }
                OptimizerKind::Sgd => {
                    let lr = h.lr as f32;
                    let wd = wd as f32;
                    let mom = s.momentum as f32;
                    if mom == 0.0 {
                        w.par_chunks_mut(chunk).zip(g.par_chunks(chunk)).for_each(|(w, g)| {
                            for j in 0..w.len() {
                                w[j] -= lr * (g[j] + wd * w[j]);
                            }
                        });
                    } else {
                        // The buffer starts at zero, so the first step gives buf = d exactly, as
                        // PyTorch's clone on the first step.
                        let nesterov = s.nesterov;
                        let buf = &mut self.slots[0][i];
                        w.par_chunks_mut(chunk)
                            .zip(buf.par_chunks_mut(chunk))
                            .zip(g.par_chunks(chunk))
                            .for_each(|((w, buf), g)| {
                                for j in 0..w.len() {
                                    let d = g[j] + wd * w[j];
                                    buf[j] = mom * buf[j] + d;
                                    let upd = if nesterov { d + mom * buf[j] } else { buf[j] };
                                    w[j] -= lr * upd;
                                }
                            });
                    }
                }
            }
        }
        Ok(())
    }
}

fn validate_spec(s: &OptimizerSpec) -> Result<()> {
    let bad = |what: &str, v: f64| {
        Err(Error::Optimizer(format!(
            "optimizer setting {what} = {v} is invalid"
        )))
    };
    match s.kind {
        OptimizerKind::Adam | OptimizerKind::AdamW => {
            if !(0.0..1.0).contains(&s.beta1) {
                return bad("beta1 (must be in [0, 1))", s.beta1);
            }
            if !(0.0..1.0).contains(&s.beta2) {
                return bad("beta2 (must be in [0, 1))", s.beta2);
            }
            if !(s.eps.is_finite() && s.eps >= 0.0) {
                return bad("eps (must be >= 0)", s.eps);
            }
        }
        OptimizerKind::Sgd => {
            if !(s.momentum.is_finite() && s.momentum >= 0.0) {
                return bad("momentum (must be >= 0)", s.momentum);
            }
            if s.nesterov && s.momentum == 0.0 {
                return Err(Error::Optimizer(
                    "optimizer setting nesterov = true needs momentum > 0".into(),
                ));
            }
        }
    }
    if !(s.grad_clip.is_finite() && s.grad_clip >= 0.0) {
        return bad("grad_clip (must be >= 0; 0 disables clipping)", s.grad_clip);
    }
    Ok(())
}
