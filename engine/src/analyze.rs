//! `engine analyze PATH`: the per-layer spectral table of a saved model without training, like
//! WeightWatcher's `analyze`: a checkpoint directory written by the engine, a `.safetensors` file,
//! or a Hugging Face model directory (`config.json` + `model.safetensors`).
//!
//! An engine checkpoint names its model plugin in its metadata; the plugin is rebuilt from the
//! saved configuration and exports its layers exactly as during training (FNO complex weights
//! included). Any other safetensors file is read generically: every float tensor of rank 2 is a
//! linear layer (an embedding when its name says so), rank 3 a conv1d, rank 4 a conv2d; vectors
//! (biases, norms) have no spectrum and are not listed.
//!
//! The table has the columns of WeightWatcher's `details` that apply (N, M, num_evals, alpha, xmin,
//! D, lambda_max, stable_rank, num_pl_spikes, alpha_weighted, log_alpha_norm, warning), computed
//! from the same eigenvalues the metrics plugin fitted. `--rule ks-scan` is WeightWatcher's own
//! choice of x_min; the README records the comparison with WeightWatcher 0.7.7.

use crate::config::Loaded;
use crate::error::{io_err, EngineError, Result};
use crate::host::{self, SearchPath};
use crate::plots;
use crate::spectral;
use abi_stable::std_types::{ROption, RVec};
use plugin_api::{LayerKind, LayerMetrics, LayerWeights, ModelInit, OptimizerKind, OptimizerSpec};
use safetensors::{Dtype, SafeTensors};
use std::path::{Path, PathBuf};

/// What to analyse and what to write.
pub struct AnalyzeOptions {
    pub path: PathBuf,
    /// Layer names or name fragments to keep (all when empty).
    pub layers: Vec<String>,
    /// Write log-log ESD plots of the selected, analysed layers here.
    pub plots: Option<PathBuf>,
    /// Write the table as CSV here.
    pub csv: Option<PathBuf>,
    /// The x_min rule (`mid`, `ks-scan`, `peak`), overriding the metrics plugin's setting.
    pub rule: Option<String>,
}

/// The analysis result: where the weights came from, the x_min rule, and one row per layer.
pub struct Analysis {
    pub source: String,
    /// The x_min rule as the header states it.
    pub rule: String,
    pub rows: Vec<Row>,
    pub vectors_skipped: usize,
}

/// One layer: the metrics plugin's row and WeightWatcher's derived columns.
pub struct Row {
    pub metrics: LayerMetrics,
    /// WeightWatcher's N >= M: the larger and smaller side of the layer's matrix (of each tap or
    /// Fourier mode for conv and spectral weights).
    pub n: u64,
    pub m: u64,
    /// Every eigenvalue of the layer, before any filtering (`metrics.num_eigs` counts the fitted ones).
    pub num_evals: usize,
    /// Eigenvalues in the power-law tail (`>= xmin`).
    pub num_pl_spikes: usize,
    /// `log10(sum of lambda^alpha)` over every eigenvalue.
    pub log_alpha_norm: f64,
}

/// WeightWatcher's thresholds on alpha (its constants OVER_TRAINED_THRESH, UNDER_TRAINED_THRESH).
const OVER_TRAINED_BELOW: f64 = 2.0;
const UNDER_TRAINED_ABOVE: f64 = 6.0;

impl Row {
    fn new(metrics: LayerMetrics, shape: &[u64]) -> Self {
        let (a, b) = (shape.first().copied().unwrap_or(0), shape.get(1).copied().unwrap_or(0));
        let used = matches!(metrics.skipped, ROption::RNone);
        let eigs = &metrics.eigenvalues;
        let num_pl_spikes = if used { eigs.iter().filter(|&&e| e >= metrics.xmin).count() } else { 0 };
        let log_alpha_norm = if used { eigs.iter().map(|e| e.powf(metrics.alpha)).sum::<f64>().log10() } else { f64::NAN };
        Self { n: a.max(b), m: a.min(b), num_evals: eigs.len(), num_pl_spikes, log_alpha_norm, metrics }
    }

    pub fn used(&self) -> bool {
        matches!(self.metrics.skipped, ROption::RNone)
    }

    /// WeightWatcher's warning: `over-trained` below alpha 2, `under-trained` above 6.
    pub fn warning(&self) -> &'static str {
        match self.metrics.alpha {
            a if !self.used() || a.is_nan() => "",
            a if a < OVER_TRAINED_BELOW => "over-trained",
            a if a > UNDER_TRAINED_ABOVE => "under-trained",
            _ => "",
        }
    }
}

/// The header's statement of an x_min rule.
fn describe_rule(conf: &toml::Table) -> String {
    let rule = conf.get("xmin_rule").and_then(|v| v.as_str()).unwrap_or("mid");
    let filter = match (conf.get("filter_zeros").and_then(|v| v.as_bool()), conf.get("zero_threshold").and_then(|v| v.as_float())) {
        (Some(true), Some(t)) => format!("; eigenvalues <= {t:e} dropped before fitting"),
        _ => String::new(),
    };
    let what = match rule {
        "mid" => {
            let pos = conf.get("xmin_pos").and_then(|v| v.as_float().or(v.as_integer().map(|i| i as f64))).unwrap_or(2.0);
            format!("mid, x_min = eigenvalue floor(N / {pos}) of N ascending (TempBalance's rule)")
        }
        "ks-scan" => "ks-scan, x_min with the smallest KS distance over every eigenvalue (WeightWatcher's default)".to_string(),
        "peak" => "peak, ks-scan within [0.95, 1.5] x the peak of the ESD (WeightWatcher's fix_fingers='xmin_peak')".to_string(),
        other => other.to_string(),
    };
    format!("x_min rule: {what}{filter}")
}

pub fn run(loaded: &Loaded, search: &SearchPath, opts: &AnalyzeOptions) -> Result<Analysis> {
    let file = model_file(&opts.path)?;
    let bytes = std::fs::read(&file).map_err(|e| io_err(&file, e))?;
    let (_, header) = SafeTensors::read_metadata(&bytes)
        .map_err(|e| io_err(&file, format!("not a safetensors file ({e})")))?;
    let metadata = header.metadata().clone().unwrap_or_default();

    let (source, mut layers, vectors_skipped) = match metadata.get("plugin") {
        Some(plugin) => {
            let dir = file.parent().unwrap_or(Path::new("."));
            let layers = from_model_plugin(search, plugin, &metadata, dir)?;
            (format!("{} (model plugin `{plugin}`)", file.display()), layers, 0)
        }
        None => {
            let (layers, vectors) = generic_layers(&file, &bytes)?;
            (format!("{} (generic reader)", file.display()), layers, vectors)
        }
    };
    if !opts.layers.is_empty() {
        layers.retain(|l| opts.layers.iter().any(|f| l.group.as_str() == f || l.group.contains(f.as_str())));
        if layers.is_empty() {
            return Err(EngineError::Data(format!("no layer of `{}` matches --layers {}", file.display(), opts.layers.join(","))));
        }
    }

    let metrics_lib = host::load_metrics(search, &loaded.config.metrics)?;
    let defaults = metrics_lib.describe();
    let mut conf: toml::Table = crate::config::plugin_section(loaded, metrics_lib.info.name.as_str(), &defaults)?
        .parse()
        .map_err(|e| EngineError::Config(format!("plugins.{}: {e}", metrics_lib.info.name)))?;
    if let Some(rule) = &opts.rule {
        conf.insert("xmin_rule".into(), toml::Value::String(rule.clone()));
    }
    // Spike counts and log_alpha_norm need every eigenvalue.
    conf.insert("keep_eigenvalues".into(), toml::Value::Boolean(true));
    let mut metrics = metrics_lib.instantiate(&toml::to_string(&conf).expect("toml table"))?;
    let effective: toml::Table = defaults.parse::<toml::Table>().unwrap_or_default().into_iter().chain(conf).collect();
    let rows: Vec<Row> = metrics.analyze(&layers)?.into_iter().zip(&layers).map(|(m, l)| Row::new(m, &l.shape)).collect();

    if let Some(dir) = &opts.plots {
        std::fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
        for row in rows.iter().filter(|r| r.used()) {
            let m = &row.metrics;
            let name = format!("esd-{}.png", m.layer.replace(['/', '\\'], "_"));
            let fit = plots::EsdFit { alpha: m.alpha, xmin: m.xmin, ks_distance: m.ks_distance, spikes: row.num_pl_spikes };
            plots::esd_histogram(&dir.join(name), m.layer.as_str(), &m.eigenvalues, &fit)?;
        }
    }
    if let Some(csv) = &opts.csv {
        let columns: Vec<String> = spectral::analysis_columns().into_iter().chain(WW_COLUMNS.iter().map(|c| c.to_string())).collect();
        let mut log = crate::rundir::CsvLog::create(csv.clone(), columns)?;
        for row in &rows {
            let mut cells = spectral::metric_cells(&row.metrics);
            cells.extend([
                ("N".to_string(), row.n.to_string()),
                ("M".to_string(), row.m.to_string()),
                ("num_evals".to_string(), row.num_evals.to_string()),
                ("lambda_max".to_string(), spectral::num(row.metrics.spectral_norm)),
                ("num_pl_spikes".to_string(), row.num_pl_spikes.to_string()),
                ("alpha_weighted".to_string(), spectral::num(row.metrics.alpha_hat)),
                ("log_alpha_norm".to_string(), spectral::num(row.log_alpha_norm)),
                ("warning".to_string(), row.warning().to_string()),
            ]);
            log.row(&cells)?;
        }
    }
    Ok(Analysis { source, rule: describe_rule(&effective), rows, vectors_skipped })
}

/// The CSV's columns after the metrics plugin's: WeightWatcher's names.
const WW_COLUMNS: [&str; 8] = ["N", "M", "num_evals", "lambda_max", "num_pl_spikes", "alpha_weighted", "log_alpha_norm", "warning"];

/// The weights file a path stands for.
fn model_file(path: &Path) -> Result<PathBuf> {
    if path.is_dir() {
        let file = path.join("model.safetensors");
        return if file.is_file() {
            Ok(file)
        } else {
            Err(EngineError::Data(format!("`{}` has no model.safetensors (expected a checkpoint or a Hugging Face model directory)", path.display())))
        };
    }
    if path.is_file() {
        Ok(path.to_path_buf())
    } else {
        Err(EngineError::Data(format!("`{}` does not exist", path.display())))
    }
}

/// Rebuilds the model plugin that wrote the checkpoint and asks it for its layers.
fn from_model_plugin(
    search: &SearchPath,
    plugin: &str,
    metadata: &std::collections::HashMap<String, String>,
    dir: &Path,
) -> Result<Vec<LayerWeights>> {
    let lib = host::load_model(search, plugin)?;
    let config = metadata.get("model_config").map(String::as_str).unwrap_or("");
    let data = metadata.get("data").ok_or_else(|| {
        EngineError::Data(format!("`{}` has no `data` metadata entry; it was not written by `engine run`", dir.display()))
    })?;
    // Only the weights are loaded; the optimizer settings do not matter here.
    let optimizer = OptimizerSpec { kind: OptimizerKind::Adam, beta1: 0.9, beta2: 0.999, eps: 1e-8, momentum: 0.0, nesterov: false, grad_clip: 0.0 };
    let mut model = lib.instantiate(ModelInit { config: config.into(), data: data.as_str().into(), optimizer, seed: 0 })?;
    crate::rundir::verify_checkpoint(dir)?;
    model.load_checkpoint(dir, true)?;
    model.layer_weights()
}

/// Every tensor of rank >= 2 as a layer; returns the layers and the number of vectors left out.
fn generic_layers(file: &Path, bytes: &[u8]) -> Result<(Vec<LayerWeights>, usize)> {
    let tensors = SafeTensors::deserialize(bytes).map_err(|e| io_err(file, format!("not a safetensors file ({e})")))?;
    let mut names: Vec<String> = tensors.names().into_iter().map(|n| n.to_string()).collect();
    // safetensors stores tensors by name, not in model order. Recover it as far as names tell:
    // embeddings, then blocks by index and within a block in the order data flows through it,
    // then everything else (pooler, heads).
    let order = |n: &String| {
        let phase = match block_of(n) {
            Some(_) => 1,
            None if n.to_lowercase().contains("embed") => 0,
            None => 2,
        };
        (phase, block_of(n), sublayer_rank(n), n.clone())
    };
    names.sort_by_key(order);
    let mut layers = Vec::new();
    let mut vectors = 0;
    for name in names {
        let view = tensors.tensor(&name).map_err(|e| io_err(file, format!("tensor `{name}`: {e}")))?;
        let shape: Vec<u64> = view.shape().iter().map(|&d| d as u64).collect();
        if shape.len() < 2 {
            vectors += 1;
            continue;
        }
        let values: Vec<f32> = match view.dtype() {
            Dtype::F32 => view.data().chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect(),
            Dtype::F64 => view
                .data()
                .chunks_exact(8)
                .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")) as f32)
                .collect(),
            // Integer tensors (position ids) carry no weights.
            _ => continue,
        };
        let lower = name.to_lowercase();
        let kind = match shape.len() {
            2 if lower.contains("embed") => LayerKind::Embedding,
            2 => LayerKind::Linear,
            3 => LayerKind::Conv1d,
            4 => LayerKind::Conv2d,
            _ => LayerKind::Other,
        };
        let group = name.strip_suffix(".weight").unwrap_or(&name).to_string();
        layers.push(LayerWeights {
            group: group.into(),
            kind,
            block: match block_of(&name) {
                Some(b) => ROption::RSome(b),
                None => ROption::RNone,
            },
            shape: shape.into(),
            re: values.into(),
            im: RVec::new(),
        });
    }
    Ok((layers, vectors))
}

/// Where a sub-layer sits in a transformer block by its usual names (BERT, GPT-2, LLaMA, ViT):
/// attention input projections, attention output, then the MLP's input and output. Names it does
/// not know come last, in name order.
fn sublayer_rank(name: &str) -> usize {
    const FLOW: [&[&str]; 7] = [
        &["query", "q_proj", "c_attn", "qkv", "in_proj"],
        &["key", "k_proj"],
        &["value", "v_proj"],
        &["attention.output", "o_proj", "out_proj", "attn.c_proj", "attn.proj"],
        &["intermediate", "gate_proj", "fc1", "c_fc", "w1"],
        &["up_proj", "w3"],
        &["output", "down_proj", "fc2", "mlp.c_proj", "w2"],
    ];
    let lower = name.to_lowercase();
    let has = |frag: &str| lower.split('.').any(|part| part == frag) || (frag.contains('.') && lower.contains(frag));
    FLOW.iter().position(|frags| frags.iter().any(|f| has(f))).unwrap_or(FLOW.len())
}

/// The first dotted integer of a name (`encoder.layer.3.attention...` -> 3): the block index.
fn block_of(name: &str) -> Option<u32> {
    name.split('.').find_map(|part| part.parse::<u32>().ok())
}

/// The table printed by `engine analyze`, with WeightWatcher's columns and warnings.
pub fn format_table(analysis: &Analysis) -> String {
    let mut out = format!("{}\n{}\n\n", analysis.source, analysis.rule);
    out.push_str(&format!(
        "{:<44} {:<16} {:>5} {:>6} {:>5} {:>6} {:>7} {:>10} {:>6} {:>10} {:>9} {:>6} {:>8} {:>8}  {:<13} status\n",
        "layer", "kind", "block", "N", "M", "evals", "alpha", "xmin", "D", "lambda_max", "stab_rank", "spikes", "alpha_w", "log_a_n", "warning"
    ));
    for r in &analysis.rows {
        let m = &r.metrics;
        let block = match m.block {
            ROption::RSome(b) => b.to_string(),
            ROption::RNone => "-".into(),
        };
        out.push_str(&format!(
            "{:<44} {:<16} {:>5} {:>6} {:>5} {:>6} {:>7.3} {:>10.3e} {:>6.3} {:>10.3e} {:>9.2} {:>6} {:>8.3} {:>8.3}  {:<13} {}\n",
            m.layer,
            m.kind.as_str(),
            block,
            r.n,
            r.m,
            r.num_evals,
            m.alpha,
            m.xmin,
            m.ks_distance,
            m.spectral_norm,
            m.stable_rank,
            r.num_pl_spikes,
            m.alpha_hat,
            r.log_alpha_norm,
            if r.warning().is_empty() { "-" } else { r.warning() },
            spectral::status(m)
        ));
    }
    let used: Vec<&Row> = analysis.rows.iter().filter(|r| r.used()).collect();
    let mean = |f: fn(&Row) -> f64| used.iter().map(|r| f(r)).sum::<f64>() / used.len().max(1) as f64;
    out.push_str(&format!(
        "\n{} layers analysed, {} skipped{}; mean alpha {:.3}, mean alpha_weighted {:.3}, mean log10 lambda_max {:.3}, mean stable rank {:.2}\n",
        used.len(),
        analysis.rows.len() - used.len(),
        if analysis.vectors_skipped > 0 { format!(" ({} vectors such as biases and norms have no spectrum)", analysis.vectors_skipped) } else { String::new() },
        mean(|r| r.metrics.alpha),
        mean(|r| r.metrics.alpha_hat),
        mean(|r| r.metrics.spectral_norm.log10()),
        mean(|r| r.metrics.stable_rank),
    ));
    for (warning, rule) in [("over-trained", "alpha < 2"), ("under-trained", "alpha > 6")] {
        let names: Vec<&str> = used.iter().filter(|r| r.warning() == warning).map(|r| r.metrics.layer.as_str()).collect();
        out.push_str(&format!("{} of {} analysed layers have {rule} (WeightWatcher: {warning})", names.len(), used.len()));
        out.push_str(&match names.len() {
            0 => "\n".to_string(),
            1..=8 => format!(": {}\n", names.join(", ")),
            n => format!(": {}, and {} more (the warning column)\n", names[..6].join(", "), n - 6),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_index_is_the_first_dotted_integer() {
        assert_eq!(block_of("encoder.layer.3.attention.self.query.weight"), Some(3));
        assert_eq!(block_of("blocks.10.spectral"), Some(10));
        assert_eq!(block_of("pooler.dense.weight"), None);
    }

    #[test]
    fn sublayers_sort_in_data_flow_order() {
        let mut names = [
            "encoder.layer.0.output.dense.weight",
            "encoder.layer.0.intermediate.dense.weight",
            "encoder.layer.0.attention.self.value.weight",
            "encoder.layer.0.attention.output.dense.weight",
            "encoder.layer.0.attention.self.key.weight",
            "encoder.layer.0.attention.self.query.weight",
        ];
        names.sort_by_key(|n| sublayer_rank(n));
        let short: Vec<&str> = names.iter().map(|n| n.trim_start_matches("encoder.layer.0.").trim_end_matches(".weight")).collect();
        assert_eq!(short, ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense"]);
        let mut llama = ["model.layers.3.mlp.down_proj", "model.layers.3.self_attn.o_proj", "model.layers.3.mlp.up_proj", "model.layers.3.self_attn.q_proj", "model.layers.3.mlp.gate_proj"];
        llama.sort_by_key(|n| sublayer_rank(n));
        assert_eq!(llama.map(|n| n.rsplit('.').next().unwrap()), ["q_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]);
        assert_eq!(sublayer_rank("classifier.weight"), 7);
    }
}
