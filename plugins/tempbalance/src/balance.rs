//! From one metrics snapshot to a multiplier per parameter group, keyed by group name.
//!
//! 1. **Eligible layers**, in model order (the order of the model's groups): the group has a
//!    metrics row (matched by name), its kind is in `kinds`, the metrics plugin did not mark it
//!    `skipped`, and `num_eigs >= min_eigs`. Then `exclude_first` / `exclude_last` drop the first /
//!    last of them. Then layers whose chosen metric is not finite are dropped, with a warning.
//! 2. **Units**: each eligible layer (`unit = "layer"`), or each block index with the mean metric
//!    of its eligible layers (`unit = "block"`; eligible layers without a block stay at their
//!    incoming rate, like the reference's embeddings and head).
//! 3. **Multipliers** per unit from the assignment function ([`crate::assign::multipliers`]).
//!    Fewer than two units, all metrics equal, or values a function cannot take: no group is
//!    balanced, and a warning says why.
//! 4. **Groups**: a balanced layer takes its unit's multiplier. A *follower* group (kind `norm`,
//!    or no metrics row at all: the model exported no weight for it, e.g. a bias-only group)
//!    with a block index follows, in block mode, its block's multiplier; in layer mode, the
//!    nearest preceding balanced layer of the same block (the reference links a LayerNorm to the
//!    Linear before it). Every other group (ineligible weight layers: kind not in `kinds`, too few
//!    eigenvalues, skipped, excluded first/last, non-finite metric; groups without a block) keeps
//!    its incoming rate.

use crate::assign;
use crate::config::{TbConfig, Unit};
use plugin_api::{LayerKind, LayerMetrics, ParamGroupInfo};
use std::collections::{BTreeMap, HashMap};

/// The outcome of one analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Multiplier of every group that does not simply keep its incoming rate.
    pub multipliers: BTreeMap<String, f64>,
    /// The metric that drove each balanced layer: its own value, or its block's mean.
    pub unit_metrics: BTreeMap<String, f64>,
    /// Messages for the user (degenerate cases handled, layers left out).
    pub warnings: Vec<String>,
    /// Whether balancing was abandoned for the whole snapshot (every group at its incoming rate).
    pub fell_back: bool,
}

fn is_follower(group: &ParamGroupInfo, row: Option<&LayerMetrics>) -> bool {
    group.kind == LayerKind::Norm || row.is_none()
}

/// Computes the multipliers for `groups` (model order) from the metrics `layers`.
pub fn analyse(cfg: &TbConfig, groups: &[ParamGroupInfo], layers: &[LayerMetrics]) -> Analysis {
    let mut out = Analysis::default();
    let metric = cfg.metric.as_str();

    let mut rows: HashMap<&str, &LayerMetrics> = HashMap::new();
    let mut duplicates = Vec::new();
    for row in layers {
        if rows.insert(row.layer.as_str(), row).is_some() {
            duplicates.push(row.layer.to_string());
        }
    }
    // The first row of a name wins.
    for row in layers.iter().rev() {
        rows.insert(row.layer.as_str(), row);
    }
    if !duplicates.is_empty() {
        out.warnings.push(format!(
            "the metrics name layer(s) {} more than once; the first row is used",
            quoted(&duplicates)
        ));
    }
    let unknown: Vec<String> = layers
        .iter()
        .filter(|r| !groups.iter().any(|g| g.name.as_str() == r.layer.as_str()))
        .map(|r| r.layer.to_string())
        .collect();
    if !unknown.is_empty() {
        out.warnings.push(format!(
            "metrics for {} match no parameter group and are ignored",
            quoted(&unknown)
        ));
    }

    // 1. Eligible layers, in model order.
    let mut eligible: Vec<usize> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            rows.get(g.name.as_str()).is_some_and(|r| {
                cfg.kinds.contains(&g.kind) && r.skipped.is_none() && r.num_eigs >= cfg.min_eigs
            })
        })
        .map(|(i, _)| i)
        .collect();
    if cfg.exclude_first && !eligible.is_empty() {
        eligible.remove(0);
    }
    if cfg.exclude_last {
        eligible.pop();
    }
    let mut layer_values: Vec<(usize, f64)> = Vec::with_capacity(eligible.len());
    for i in eligible {
        let g = &groups[i];
        let v = cfg.metric.of(rows[g.name.as_str()]);
        if v.is_finite() {
            layer_values.push((i, v));
        } else {
            out.warnings.push(format!(
                "layer `{}` has a non-finite {metric} ({v}); it keeps its incoming learning rate",
                g.name
            ));
        }
    }
    let block_of = |i: usize| -> Option<u32> {
        let g = &groups[i];
        rows.get(g.name.as_str())
            .and_then(|r| r.block.into_option())
            .or(g.block.into_option())
    };

    // 2. Units: (label, value, member group indices).
    let mut labels: Vec<String> = Vec::new();
    let mut values: Vec<f64> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut block_unit: BTreeMap<u32, usize> = BTreeMap::new();
    match cfg.unit {
        Unit::Layer => {
            for &(i, v) in &layer_values {
                labels.push(format!("layer `{}`", groups[i].name));
                values.push(v);
                members.push(vec![i]);
            }
        }
        Unit::Block => {
            let mut sums: Vec<f64> = Vec::new();
            for &(i, v) in &layer_values {
                let Some(b) = block_of(i) else { continue };
                let u = *block_unit.entry(b).or_insert_with(|| {
                    labels.push(format!("block {b}"));
                    sums.push(0.0);
                    members.push(Vec::new());
                    labels.len() - 1
                });
                sums[u] += v;
                members[u].push(i);
            }
            values = sums
                .iter()
                .zip(&members)
                .map(|(s, m)| s / m.len() as f64)
                .collect();
        }
    }

    // 3. Multipliers per unit.
    if values.len() < 2 {
        let what = match cfg.unit {
            Unit::Layer => "layers",
            Unit::Block => "blocks",
        };
        let names = if labels.is_empty() {
            "none".to_string()
        } else {
            labels.join(", ")
        };
        out.warnings.push(format!(
            "fewer than 2 {what} can be balanced ({names}); every group keeps its incoming learning rate"
        ));
        out.fell_back = true;
        return out;
    }
    let unit_mult = match assign::multipliers(cfg, metric, &values, &labels) {
        Ok(m) => m,
        Err(why) => {
            out.warnings.push(format!(
                "{why}; every group keeps its incoming learning rate"
            ));
            out.fell_back = true;
            return out;
        }
    };

    // 4. Groups.
    let mut balanced: HashMap<usize, usize> = HashMap::new(); // group index -> unit
    for (u, m) in members.iter().enumerate() {
        for &i in m {
            balanced.insert(i, u);
            out.multipliers
                .insert(groups[i].name.to_string(), unit_mult[u]);
            out.unit_metrics
                .insert(groups[i].name.to_string(), values[u]);
        }
    }
    for (i, g) in groups.iter().enumerate() {
        if balanced.contains_key(&i) || !is_follower(g, rows.get(g.name.as_str()).copied()) {
            continue;
        }
        let Some(b) = g.block.into_option() else {
            continue;
        };
        let unit = match cfg.unit {
            Unit::Block => block_unit.get(&b).copied(),
            Unit::Layer => (0..i)
                .rev()
                .find(|j| balanced.contains_key(j) && block_of(*j) == Some(b))
                .map(|j| balanced[&j]),
        };
        if let Some(u) = unit {
            out.multipliers.insert(g.name.to_string(), unit_mult[u]);
        }
    }
    out
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
