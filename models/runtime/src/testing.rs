//! Checks every model's tests should run.
//!
//! candle-nn has fast kernels with no backward (`LayerNorm::forward` on contiguous input,
//! `ops::softmax_last_dim`, `ops::rms_norm`): a parameter behind one silently gets no gradient and
//! never trains. [`gradient_problems`] finds such parameters; [`finite_difference`] gives a
//! numerical derivative to compare analytic gradients against.

use crate::error::Result;
use crate::params::ParamStore;
use crate::train::host_grads;
use candle_core::Tensor;

/// One line per parameter whose gradient from `loss` is missing, non-finite or identically zero.
/// Empty when every parameter receives a usable gradient.
pub fn gradient_problems(store: &ParamStore, loss: &Tensor) -> Result<Vec<String>> {
    let grads = host_grads(store, loss)?;
    let mut problems = Vec::new();
    for (p, g) in store.params().iter().zip(&grads) {
        match g {
            None => problems.push(format!(
                "{}: no gradient (the loss does not reach it)",
                p.name()
            )),
            Some(g) if g.iter().any(|x| !x.is_finite()) => {
                problems.push(format!("{}: non-finite gradient", p.name()))
            }
            Some(g) if g.iter().all(|&x| x == 0.0) => {
                problems.push(format!("{}: gradient is all zeros", p.name()))
            }
            Some(_) => {}
        }
    }
    Ok(problems)
}

/// Panics, listing the parameters, unless every parameter gets a present, finite, non-zero
/// gradient from `loss`.
pub fn assert_every_param_gets_gradient(store: &ParamStore, loss: &Tensor) {
    let problems = gradient_problems(store, loss).expect("backward failed");
    assert!(
        problems.is_empty(),
        "parameters without a usable gradient:\n  {}",
        problems.join("\n  ")
    );
}

/// Central difference (f(w + eps) - f(w - eps)) / (2 eps) for entry `index` (row-major) of
/// parameter `name`; the parameter is restored exactly afterwards.
pub fn finite_difference(
    store: &ParamStore,
    name: &str,
    index: usize,
    eps: f32,
    mut f: impl FnMut() -> Result<f64>,
) -> Result<f64> {
    let p = store.get(name)?;
    let orig = p.values()?;
    let mut v = orig.clone();
    v[index] = orig[index] + eps;
    let hi_w = v[index];
    store.set_param(p, &v)?;
    let hi = f();
    v[index] = orig[index] - eps;
    let lo_w = v[index];
    store.set_param(p, &v)?;
    let lo = f();
    store.set_param(p, &orig)?;
    // Divide by the step actually taken in f32.
    Ok((hi? - lo?) / f64::from(hi_w - lo_w))
}
