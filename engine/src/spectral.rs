//! Spectral logging of a run: `spectral/layers.csv` (one row per layer per analysis),
//! `spectral/summary.csv` (one row per analysis) and `plots/alpha.png`, `plots/lr.png` (each
//! analysed layer over training).

use crate::error::{io_err, Result};
use crate::plots::{self, Series};
use crate::rundir::CsvLog;
use abi_stable::std_types::ROption;
use plugin_api::{LayerMetrics, StepPlan};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub struct SpectralLog {
    layers: CsvLog,
    summary: CsvLog,
    plots_dir: PathBuf,
    /// Per layer, in first-seen order: (step, alpha, lr) at each analysis.
    /// Per layer: (step, alpha, lr) at each analysis, and whether the scheduler ever gave it a
    /// rate other than the base rate.
    history: Vec<(String, Vec<(f64, f64, f64)>, bool)>,
    /// (step, base rate) at each analysis.
    base_lr: Vec<(f64, f64)>,
}

/// Columns of `spectral/layers.csv`.
const LAYER_COLUMNS: [&str; 16] = [
    "epoch", "step", "layer", "kind", "block", "num_eigs", "alpha", "ks_distance", "xmin", "spectral_norm", "frobenius_norm",
    "stable_rank", "alpha_hat", "lr_multiplier", "lr", "status",
];

/// Columns of `spectral/summary.csv`.
const SUMMARY_COLUMNS: [&str; 12] = [
    "epoch", "step", "layers", "used", "skipped", "alpha_mean", "alpha_median", "alpha_min", "alpha_max", "lr_multiplier_min",
    "lr_multiplier_max", "base_lr",
];

fn cols(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// `used`, or `skipped: <reason>`, as the CSV shows it.
pub fn status(m: &LayerMetrics) -> String {
    match &m.skipped {
        ROption::RSome(reason) => format!("skipped: {reason}"),
        ROption::RNone => "used".to_string(),
    }
}

/// The CSV cell of a float: empty when not finite would lose information, so print it as is.
pub fn num(x: f64) -> String {
    format!("{x:.6e}")
}

/// One `spectral/layers.csv`-style row of a layer's metrics (without epoch, step and lr).
pub fn metric_cells(m: &LayerMetrics) -> Vec<(String, String)> {
    let block = match m.block {
        ROption::RSome(b) => b.to_string(),
        ROption::RNone => String::new(),
    };
    vec![
        ("layer".into(), m.layer.to_string()),
        ("kind".into(), m.kind.as_str().into()),
        ("block".into(), block),
        ("num_eigs".into(), m.num_eigs.to_string()),
        ("alpha".into(), num(m.alpha)),
        ("ks_distance".into(), num(m.ks_distance)),
        ("xmin".into(), num(m.xmin)),
        ("spectral_norm".into(), num(m.spectral_norm)),
        ("frobenius_norm".into(), num(m.frobenius_norm)),
        ("stable_rank".into(), num(m.stable_rank)),
        ("alpha_hat".into(), num(m.alpha_hat)),
        // Reasons may contain commas; the CSV has no quoting.
        ("status".into(), status(m).replace(',', ";")),
    ]
}

/// A spectral analysis: the global step and epoch of the weights it read, and each layer's metrics.
pub type Snapshot = (u64, u64, Vec<LayerMetrics>);

/// A snapshot as a checkpoint keeps it (`pending_analysis` in state.json). Floats are strings in
/// Rust's shortest round-trip notation, so a resumed run reads back the very same bits (and NaN).
pub fn snapshot_to_json((step, epoch, layers): &Snapshot) -> serde_json::Value {
    let f = |x: f64| serde_json::Value::String(x.to_string());
    let layers: Vec<serde_json::Value> = layers
        .iter()
        .map(|m| {
            serde_json::json!({
                "layer": m.layer.as_str(),
                "kind": m.kind.as_str(),
                "block": m.block.into_option(),
                "num_eigs": m.num_eigs,
                "alpha": f(m.alpha),
                "ks_distance": f(m.ks_distance),
                "xmin": f(m.xmin),
                "spectral_norm": f(m.spectral_norm),
                "frobenius_norm": f(m.frobenius_norm),
                "stable_rank": f(m.stable_rank),
                "alpha_hat": f(m.alpha_hat),
                "skipped": m.skipped.as_ref().map(|r| r.as_str()).into_option(),
                "eigenvalues": m.eigenvalues.iter().map(|&x| f(x)).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({"step": step, "epoch": epoch, "layers": layers})
}

/// Reads [`snapshot_to_json`]'s form back; the error says what is wrong (the caller names the file).
pub fn snapshot_from_json(v: &serde_json::Value) -> std::result::Result<Snapshot, String> {
    let uint = |v: &serde_json::Value, key: &str| v.get(key).and_then(|x| x.as_u64()).ok_or_else(|| format!("`{key}` is not a non-negative integer"));
    let float = |v: &serde_json::Value, key: &str| -> std::result::Result<f64, String> {
        v.as_str().and_then(|t| t.parse::<f64>().ok()).ok_or_else(|| format!("`{key}` is not a number in quotes"))
    };
    let text = |v: &serde_json::Value, key: &str| v.get(key).and_then(|x| x.as_str()).map(String::from).ok_or_else(|| format!("`{key}` is not a string"));
    let rows = v.get("layers").and_then(|l| l.as_array()).ok_or("`layers` is not a list")?;
    let mut layers = Vec::with_capacity(rows.len());
    for row in rows {
        let name = text(row, "layer")?;
        let at = |key: &str| float(row.get(key).unwrap_or(&serde_json::Value::Null), key).map_err(|e| format!("layer `{name}`: {e}"));
        let kind_name = text(row, "kind")?;
        let kind = plugin_api::LayerKind::parse(&kind_name).ok_or_else(|| format!("layer `{name}`: unknown kind `{kind_name}`"))?;
        let block = match row.get("block") {
            Some(serde_json::Value::Null) | None => ROption::RNone,
            Some(b) => ROption::RSome(b.as_u64().and_then(|b| u32::try_from(b).ok()).ok_or_else(|| format!("layer `{name}`: `block` is not a block index"))?),
        };
        let skipped = match row.get("skipped") {
            Some(serde_json::Value::Null) | None => ROption::RNone,
            Some(r) => ROption::RSome(r.as_str().ok_or_else(|| format!("layer `{name}`: `skipped` is not a string"))?.into()),
        };
        let eigenvalues = row.get("eigenvalues").and_then(|e| e.as_array()).ok_or_else(|| format!("layer `{name}`: `eigenvalues` is not a list"))?;
        let eigenvalues = eigenvalues.iter().map(|x| float(x, "eigenvalues")).collect::<std::result::Result<Vec<f64>, String>>().map_err(|e| format!("layer `{name}`: {e}"))?;
        layers.push(LayerMetrics {
            layer: name.as_str().into(),
            kind,
            block,
            num_eigs: uint(row, "num_eigs").map_err(|e| format!("layer `{name}`: {e}"))?,
            alpha: at("alpha")?,
            ks_distance: at("ks_distance")?,
            xmin: at("xmin")?,
            spectral_norm: at("spectral_norm")?,
            frobenius_norm: at("frobenius_norm")?,
            stable_rank: at("stable_rank")?,
            alpha_hat: at("alpha_hat")?,
            skipped,
            eigenvalues: eigenvalues.into(),
        });
    }
    Ok((uint(v, "step")?, uint(v, "epoch")?, layers))
}

/// Columns of a standalone analysis table (`engine analyze`).
pub fn analysis_columns() -> Vec<String> {
    cols(&LAYER_COLUMNS[2..13]).into_iter().chain(["status".to_string()]).collect()
}

impl SpectralLog {
    /// Creates the spectral logs, or with `append` continues those of a resumed run.
    pub fn open(run_dir: &Path, append: bool) -> Result<Self> {
        let dir = run_dir.join("spectral");
        std::fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
        let plots_dir = run_dir.join("plots");
        std::fs::create_dir_all(&plots_dir).map_err(|e| io_err(&plots_dir, e))?;
        let mut log = Self {
            layers: CsvLog::open(dir.join("layers.csv"), cols(&LAYER_COLUMNS), append)?,
            summary: CsvLog::open(dir.join("summary.csv"), cols(&SUMMARY_COLUMNS), append)?,
            plots_dir,
            history: Vec::new(),
            base_lr: Vec::new(),
        };
        if append {
            log.reload(&dir);
        }
        Ok(log)
    }

    /// A resumed run's plots start from everything logged before it (the logs were already cut
    /// back to its checkpoint).
    fn reload(&mut self, dir: &Path) {
        let column = |header: &str, name: &str| header.split(',').position(|c| c == name);
        let num = |cells: &[&str], i: Option<usize>| i.and_then(|i| cells.get(i)).and_then(|c| c.parse::<f64>().ok()).unwrap_or(f64::NAN);
        if let Ok(text) = std::fs::read_to_string(dir.join("summary.csv")) {
            let mut lines = text.lines();
            let header = lines.next().unwrap_or("");
            let (step, base) = (column(header, "step"), column(header, "base_lr"));
            self.base_lr = lines.map(|l| l.split(',').collect::<Vec<_>>()).map(|c| (num(&c, step), num(&c, base))).collect();
        }
        let Ok(text) = std::fs::read_to_string(dir.join("layers.csv")) else { return };
        let mut lines = text.lines();
        let header = lines.next().unwrap_or("");
        let (step, layer, alpha, lr) = (column(header, "step"), column(header, "layer"), column(header, "alpha"), column(header, "lr"));
        for line in lines {
            let cells: Vec<&str> = line.split(',').collect();
            let Some(name) = layer.and_then(|i| cells.get(i)) else { continue };
            let point = (num(&cells, step), num(&cells, alpha), num(&cells, lr));
            let base = self.base_lr.iter().find(|(s, _)| *s == point.0).map(|b| b.1).unwrap_or(f64::NAN);
            let moved = (point.2 - base).abs() > 1e-9 * base.abs();
            match self.history.iter_mut().find(|(n, _, _)| n == name) {
                Some((_, points, balanced)) => {
                    points.push(point);
                    *balanced |= moved;
                }
                None => self.history.push((name.to_string(), vec![point], moved)),
            }
        }
    }

    /// Records one analysis and the plan that used it.
    pub fn record(&mut self, epoch: u64, step: u64, layers: &[LayerMetrics], plan: &StepPlan, base_lr: f64) -> Result<()> {
        let mut alphas = Vec::new();
        let mut multipliers = Vec::new();
        for m in layers {
            let lr = plan.get(m.layer.as_str()).map(|g| g.lr);
            let multiplier = lr.map(|l| l / base_lr);
            let mut row = vec![("epoch".to_string(), epoch.to_string()), ("step".to_string(), step.to_string())];
            row.extend(metric_cells(m));
            row.push(("lr_multiplier".into(), multiplier.map(num).unwrap_or_default()));
            row.push(("lr".into(), lr.map(num).unwrap_or_default()));
            self.layers.row(&row)?;
            let used = matches!(m.skipped, ROption::RNone);
            if used {
                alphas.push(m.alpha);
                multipliers.extend(multiplier);
            }
            let point = (step as f64, m.alpha, lr.unwrap_or(f64::NAN));
            // Balanced: the scheduler gave the layer a rate other than the base rate.
            let moved = lr.is_some_and(|l| (l - base_lr).abs() > 1e-9 * base_lr.abs());
            match self.history.iter_mut().find(|(name, _, _)| name == m.layer.as_str()) {
                Some((_, points, balanced)) => {
                    points.push(point);
                    *balanced |= moved;
                }
                None => self.history.push((m.layer.to_string(), vec![point], moved)),
            }
        }
        alphas.sort_by(f64::total_cmp);
        let stat = |v: &[f64], f: fn(&[f64]) -> f64| if v.is_empty() { String::new() } else { num(f(v)) };
        let (lo, hi) = multipliers.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
        self.summary.row(&[
            ("epoch".into(), epoch.to_string()),
            ("step".into(), step.to_string()),
            ("layers".into(), layers.len().to_string()),
            ("used".into(), alphas.len().to_string()),
            ("skipped".into(), (layers.len() - alphas.len()).to_string()),
            ("alpha_mean".into(), stat(&alphas, |v| v.iter().sum::<f64>() / v.len() as f64)),
            ("alpha_median".into(), stat(&alphas, |v| v[v.len() / 2])),
            ("alpha_min".into(), stat(&alphas, |v| v[0])),
            ("alpha_max".into(), stat(&alphas, |v| v[v.len() - 1])),
            ("lr_multiplier_min".into(), if multipliers.is_empty() { String::new() } else { num(lo) }),
            ("lr_multiplier_max".into(), if multipliers.is_empty() { String::new() } else { num(hi) }),
            ("base_lr".into(), num(base_lr)),
        ])?;
        self.base_lr.push((step as f64, base_lr));
        Ok(())
    }

    /// Redraws `plots/alpha.png` and `plots/lr.png` from everything recorded so far: balanced
    /// layers solid, layers only analysed (skipped by the scheduler) dashed, and the base rate as a
    /// dashed reference on the learning-rate plot.
    pub fn plot(&self) -> Result<()> {
        let series = |pick: fn(&(f64, f64, f64)) -> f64| -> Vec<Series> {
            self.history
                .iter()
                .filter(|(_, pts, _)| pts.iter().any(|p| pick(p).is_finite()))
                .map(|(name, pts, balanced)| Series {
                    name: if *balanced { name.clone() } else { format!("{name} (analysed only)") },
                    points: pts.iter().map(|p| (p.0, pick(p))).collect(),
                    dashed: !*balanced,
                })
                .collect()
        };
        plots::line_chart(&self.plots_dir.join("alpha.png"), "PL_Alpha_Hill per layer", "step", "alpha", &series(|p| p.1), false)?;
        let mut lr = series(|p| p.2);
        lr.push(Series { name: "base rate".into(), points: self.base_lr.clone(), dashed: true });
        plots::line_chart(&self.plots_dir.join("lr.png"), "learning rate per analysed layer", "step", "learning rate (log scale)", &lr, true)
    }

    /// Layers recorded so far, for tests and summaries.
    pub fn layer_names(&self) -> BTreeMap<String, usize> {
        self.history.iter().map(|(n, p, _)| (n.clone(), p.len())).collect()
    }
}
