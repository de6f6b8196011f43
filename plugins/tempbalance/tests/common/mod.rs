//! Builders shared by the integration tests.
#![allow(dead_code)]

use abi_stable::std_types::{ROption, RString, RVec};
use plugin_api::{
    GroupPlan, LayerKind, LayerMetrics, MetricsSnapshot, ParamGroupInfo, ParamInfo, SamPlan,
    StepContext, StepPlan,
};

pub fn group(name: &str, kind: LayerKind, block: Option<u32>) -> ParamGroupInfo {
    ParamGroupInfo {
        name: name.into(),
        kind,
        block: block.map_or(ROption::RNone, ROption::RSome),
        params: vec![ParamInfo {
            name: format!("{name}.weight").into(),
            shape: vec![20, 20].into(),
            decay: true,
        }]
        .into(),
        num_params: 400,
    }
}

/// A metrics row with `alpha`; spectral_norm and alpha_hat derived from it unless set later.
pub fn row(name: &str, kind: LayerKind, block: Option<u32>, alpha: f64) -> LayerMetrics {
    LayerMetrics {
        layer: name.into(),
        kind,
        block: block.map_or(ROption::RNone, ROption::RSome),
        num_eigs: 20,
        alpha,
        ks_distance: 0.1,
        xmin: 1.0,
        spectral_norm: 10.0,
        frobenius_norm: 50.0,
        stable_rank: 5.0,
        alpha_hat: alpha,
        skipped: ROption::RNone,
        eigenvalues: RVec::new(),
    }
}

/// Rows for `groups` (same names, kinds, blocks) with these alphas.
pub fn rows_for(groups: &[ParamGroupInfo], alphas: &[f64]) -> Vec<LayerMetrics> {
    groups
        .iter()
        .zip(alphas)
        .map(|(g, a)| row(g.name.as_str(), g.kind, g.block.into_option(), *a))
        .collect()
}

pub fn ctx(epoch: u64, step: u64, steps_per_epoch: u64, base_lr: f64) -> StepContext {
    StepContext {
        epoch,
        step,
        step_in_epoch: step - epoch * steps_per_epoch,
        steps_per_epoch,
        total_steps: steps_per_epoch * 100,
        base_lr,
        weight_decay: 1e-4,
    }
}

pub fn snap(step: u64, epoch: u64, layers: &[LayerMetrics]) -> MetricsSnapshot<'_> {
    MetricsSnapshot {
        step,
        epoch,
        layers: layers.into(),
    }
}

pub fn uniform(groups: &[ParamGroupInfo], lr: f64) -> StepPlan {
    StepPlan::uniform(groups, lr, 1e-4)
}

/// A non-uniform incoming plan (as a previous scheduler would give), with SAM and a warning.
pub fn stacked(groups: &[ParamGroupInfo], rates: &[f64]) -> StepPlan {
    StepPlan {
        groups: groups
            .iter()
            .zip(rates)
            .enumerate()
            .map(|(i, (g, lr))| GroupPlan {
                group: g.name.clone(),
                lr: *lr,
                weight_decay: if i % 2 == 0 { 1e-4 } else { 0.0 },
            })
            .collect(),
        sam: ROption::RSome(SamPlan {
            rho: 0.05,
            adaptive: true,
        }),
        warnings: vec![RString::from("previous: hello")].into(),
    }
}

pub fn lr(plan: &StepPlan, name: &str) -> f64 {
    plan.get(name)
        .unwrap_or_else(|| panic!("group {name} missing"))
        .lr
}

/// The multipliers a plan applied relative to an incoming plan, in group order.
pub fn ratios(plan: &StepPlan, incoming: &StepPlan) -> Vec<f64> {
    incoming
        .groups
        .iter()
        .map(|g| lr(plan, g.group.as_str()) / g.lr)
        .collect()
}

pub fn assert_close(actual: &[f64], expected: &[f64], tol: f64) {
    assert_eq!(actual.len(), expected.len(), "{actual:?} vs {expected:?}");
    for (a, e) in actual.iter().zip(expected) {
        assert!(
            (a - e).abs() <= tol,
            "got {actual:?}, expected {expected:?} (tolerance {tol})"
        );
    }
}

pub fn warnings(plan: &StepPlan) -> Vec<String> {
    plan.warnings.iter().map(|w| w.to_string()).collect()
}
