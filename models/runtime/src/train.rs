//! One training step: loss, backward, optional SAM, gradient clipping, optimizer update.
//!
//! The step takes a closure that builds the loss tensor from the current parameter values, so
//! SAM can evaluate it twice (at w and at w + e); [`Trainer::step_with`] takes one that returns
//! the loss value and host gradients itself, which is how a batch split into parts
//! ([`crate::batch::SampleChunks`]) is differentiated part by part, in parallel. Nothing is written to the parameters or the
//! optimizer state unless the step succeeds: a non-finite loss or gradient, a bad plan or a failing
//! forward pass leaves both exactly as they were (SAM's perturbation is undone bitwise from a host
//! copy).

use crate::error::{Error, Result};
use crate::optim::{resolve_plan, Optimizer};
use crate::params::ParamStore;
use candle_core::Tensor;
use plugin_api::abi_stable::std_types::ROption;
use plugin_api::{OptimizerSpec, SamPlan, StepPlan, TrainOutput};

/// SAM's guard against a zero gradient norm, as in the reference SAM implementation.
const SAM_EPS: f64 = 1e-12;
/// PyTorch's `clip_grad_norm_` adds this to the norm before dividing.
const CLIP_EPS: f64 = 1e-6;

/// Owns the optimizer and runs training steps on a [`ParamStore`].
#[derive(Debug, Clone)]
pub struct Trainer {
    optimizer: Optimizer,
}

impl Trainer {
    pub fn new(spec: OptimizerSpec, store: &ParamStore) -> Result<Self> {
        Ok(Self {
            optimizer: Optimizer::new(spec, store)?,
        })
    }

    pub fn optimizer(&self) -> &Optimizer {
        &self.optimizer
    }

    pub fn optimizer_mut(&mut self) -> &mut Optimizer {
        &mut self.optimizer
    }

    /// One step under `plan`. `loss_fn` must return a scalar loss computed from the tensors of
    /// `store`. Returns the loss before the update (at the unperturbed weights) and the global
    /// L2 norm of the gradient used for the update, before clipping.
    pub fn step(
        &mut self,
        store: &ParamStore,
        plan: &StepPlan,
        mut loss_fn: impl FnMut() -> Result<Tensor>,
    ) -> Result<TrainOutput> {
        self.step_with(store, plan, |store, _pass| {
            scalar_and_grads(store, &loss_fn()?)
        })
    }

    /// [`Trainer::step`] for a caller that differentiates the loss itself: `evaluate(store, pass)`
    /// returns the loss value and every parameter's host gradient at the store's current values
    /// (pass 0 at the weights, pass 1 at SAM's perturbed weights).
    pub fn step_with(
        &mut self,
        store: &ParamStore,
        plan: &StepPlan,
        mut evaluate: impl FnMut(&ParamStore, u32) -> Result<(f64, HostGrads)>,
    ) -> Result<TrainOutput> {
        let hyper = resolve_plan(store, plan)?;
        let sam = match plan.sam {
            ROption::RSome(s) => {
                if !(s.rho.is_finite() && s.rho >= 0.0) {
                    return Err(Error::Plan(format!(
                        "step plan has an invalid SAM rho {}",
                        s.rho
                    )));
                }
                Some(s)
            }
            ROption::RNone => None,
        };
        let (loss, mut grads) = checked(store, evaluate(store, 0)?, "")?;
        let mut values = store.values()?;
        if let Some(SamPlan { rho, adaptive }) = sam {
            grads = sam_gradient(store, &values, &grads, rho, adaptive, &mut evaluate)?;
        }
        let grad_norm = global_norm(&grads);
        let clip = self.optimizer.spec().grad_clip;
        if clip > 0.0 && grad_norm > clip {
            let coef = (clip / (grad_norm + CLIP_EPS)) as f32;
            for g in grads.iter_mut().flatten() {
                g.iter_mut().for_each(|x| *x *= coef);
            }
        }
        // `apply` checks its inputs before touching any state, and `values` came from `store`,
        // so neither call below can fail half-way.
        self.optimizer.apply(store, &mut values, &grads, &hyper)?;
        store.set_values(&values)?;
        Ok(TrainOutput { loss, grad_norm })
    }
}

/// Host gradients, one per parameter (None where the loss does not depend on it).
pub type HostGrads = Vec<Option<Vec<f32>>>;

/// The value of a scalar `loss` and every parameter's host gradient; errors on a non-scalar loss.
/// A non-finite loss skips the backward pass (its gradient would be meaningless).
pub fn scalar_and_grads(store: &ParamStore, loss: &Tensor) -> Result<(f64, HostGrads)> {
    if loss.elem_count() != 1 {
        return Err(Error::Param(format!(
            "the loss must be a scalar, got shape {:?}",
            loss.dims()
        )));
    }
    let value = f64::from(loss.flatten_all()?.to_vec1::<f32>()?[0]);
    if !value.is_finite() {
        return Ok((value, Vec::new()));
    }
    Ok((value, host_grads(store, loss)?))
}

/// Passes on a loss value and its gradients, or the error that says which is not finite.
fn checked(store: &ParamStore, (value, grads): (f64, HostGrads), pass: &str) -> Result<(f64, HostGrads)> {
    if !value.is_finite() {
        // The weights are where a diverging run shows first: name the groups that hold
        // non-finite ones, or say that none does (the forward pass itself overflowed).
        let weights: HostGrads = store.values()?.into_iter().map(Some).collect();
        let groups = non_finite_groups(store, &weights);
        let where_ = if groups.is_empty() {
            "every weight is finite".to_string()
        } else {
            format!("non-finite weights in {groups}")
        };
        return Err(Error::NonFinite {
            what: "loss",
            detail: format!("{pass} (loss = {value}; {where_})"),
        });
    }
    let groups = non_finite_groups(store, &grads);
    if !groups.is_empty() {
        return Err(Error::NonFinite {
            what: "gradient",
            detail: format!("{pass} (in {groups})"),
        });
    }
    Ok((value, grads))
}

/// Backward from `loss` and host copies of every parameter's gradient.
pub fn host_grads(store: &ParamStore, loss: &Tensor) -> Result<HostGrads> {
    let grads = loss.backward()?;
    store
        .params()
        .iter()
        .map(|p| match grads.get(p.tensor()) {
            Some(g) => Ok(Some(g.flatten_all()?.to_vec1::<f32>()?)),
            None => Ok(None),
        })
        .collect()
}

/// How many groups shown by name before the rest are only counted.
const GROUPS_SHOWN: usize = 3;

/// The parameter groups (and within each, the first parameter) whose values hold a NaN or an
/// infinity, in model order: "group 'a' (parameter 'a.weight')", "groups 'a' (...), 'b' (...)
/// and 4 more"; empty when all are finite.
fn non_finite_groups(store: &ParamStore, values: &HostGrads) -> String {
    let mut found: Vec<(usize, &str)> = Vec::new();
    for (p, v) in store.params().iter().zip(values) {
        let bad = v.as_ref().is_some_and(|v| v.iter().any(|x| !x.is_finite()));
        if bad && !found.iter().any(|&(g, _)| g == p.group()) {
            found.push((p.group(), p.name()));
        }
    }
    found.sort_by_key(|&(g, _)| g);
    let named: Vec<String> = found
        .iter()
        .take(GROUPS_SHOWN)
        .map(|&(g, p)| format!("'{}' (parameter '{p}')", store.groups()[g].name()))
        .collect();
    let more = found.len().saturating_sub(GROUPS_SHOWN);
    match found.len() {
        0 => String::new(),
        1 => format!("group {}", named[0]),
        _ if more == 0 => format!("groups {}", named.join(", ")),
        _ => format!("groups {} and {more} more", named.join(", ")),
    }
}

/// Global L2 norm over all gradients, accumulated in f64.
pub fn global_norm(grads: &HostGrads) -> f64 {
    grads
        .iter()
        .flatten()
        .map(|g| g.iter().map(|&x| f64::from(x) * f64::from(x)).sum::<f64>())
        .sum::<f64>()
        .sqrt()
}

/// SAM: perturb to w + e, take the gradient there, restore w exactly. e = rho * g / ||g||, or for
/// adaptive SAM (ASAM) e = rho * w^2 * g / ||w * g||.
fn sam_gradient(
    store: &ParamStore,
    w: &[Vec<f32>],
    g: &HostGrads,
    rho: f64,
    adaptive: bool,
    evaluate: &mut impl FnMut(&ParamStore, u32) -> Result<(f64, HostGrads)>,
) -> Result<HostGrads> {
    let norm = g
        .iter()
        .zip(w)
        .filter_map(|(g, w)| g.as_ref().map(|g| (g, w)))
        .map(|(g, w)| {
            g.iter()
                .zip(w)
                .map(|(&gi, &wi)| {
                    let s = if adaptive {
                        f64::from(wi.abs()) * f64::from(gi)
                    } else {
                        f64::from(gi)
                    };
                    s * s
                })
                .sum::<f64>()
        })
        .sum::<f64>()
        .sqrt();
    let scale = rho / (norm + SAM_EPS);
    let perturbed: Vec<Vec<f32>> = w
        .iter()
        .zip(g)
        .map(|(w, g)| match g {
            None => w.clone(),
            Some(g) => w
                .iter()
                .zip(g)
                .map(|(&wi, &gi)| {
                    let e = if adaptive {
                        f64::from(wi) * f64::from(wi)
                    } else {
                        1.0
                    } * f64::from(gi)
                        * scale;
                    (f64::from(wi) + e) as f32
                })
                .collect(),
        })
        .collect();
    store.set_values(&perturbed)?;
    let second = evaluate(store, 1)
        .and_then(|out| checked(store, out, " in SAM's perturbed pass"));
    // Restore the original weights whatever happened in the second pass.
    store.set_values(w)?;
    Ok(second?.1)
}
