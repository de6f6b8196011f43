//! `engine analyze PATH`: the per-layer spectral table of a saved model without training, like
//! WeightWatcher's `analyze`: a checkpoint directory written by the engine, a `.safetensors` file,
//! or a Hugging Face model directory (`config.json` + `model.safetensors`).
//!
//! An engine checkpoint names its model plugin in its metadata; the plugin is rebuilt from the
//! saved configuration and exports its layers exactly as during training (FNO complex weights
//! included). Any other safetensors file is read generically: every float tensor of rank 2 is a
//! linear layer (an embedding when its name says so), rank 3 a conv1d, rank 4 a conv2d; vectors
//! (biases, norms) have no spectrum and are not listed.

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
}

/// The analysis result: where the weights came from and one row per layer.
pub struct Analysis {
    pub source: String,
    pub rows: Vec<LayerMetrics>,
    pub vectors_skipped: usize,
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
    let mut conf: toml::Table = crate::config::plugin_section(loaded, metrics_lib.info.name.as_str(), &metrics_lib.describe())?
        .parse()
        .map_err(|e| EngineError::Config(format!("plugins.{}: {e}", metrics_lib.info.name)))?;
    if opts.plots.is_some() {
        conf.insert("keep_eigenvalues".into(), toml::Value::Boolean(true));
    }
    let mut metrics = metrics_lib.instantiate(&toml::to_string(&conf).expect("toml table"))?;
    let rows = metrics.analyze(&layers)?;

    if let Some(dir) = &opts.plots {
        std::fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
        for row in rows.iter().filter(|r| matches!(r.skipped, ROption::RNone)) {
            let name = format!("esd-{}.png", row.layer.replace(['/', '\\'], "_"));
            plots::esd_histogram(&dir.join(name), row.layer.as_str(), &row.eigenvalues, row.alpha, row.xmin)?;
        }
    }
    if let Some(csv) = &opts.csv {
        let mut log = crate::rundir::CsvLog::create(csv.clone(), spectral::analysis_columns())?;
        for row in &rows {
            log.row(&spectral::metric_cells(row))?;
        }
    }
    Ok(Analysis { source, rows, vectors_skipped })
}

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
    // embeddings, then blocks by index, then everything else (pooler, heads).
    let order = |n: &String| {
        let phase = match block_of(n) {
            Some(_) => 1,
            None if n.to_lowercase().contains("embed") => 0,
            None => 2,
        };
        (phase, block_of(n), n.clone())
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

/// The first dotted integer of a name (`encoder.layer.3.attention...` -> 3): the block index.
fn block_of(name: &str) -> Option<u32> {
    name.split('.').find_map(|part| part.parse::<u32>().ok())
}

/// The table printed by `engine analyze`, with WeightWatcher's readings of alpha.
pub fn format_table(analysis: &Analysis) -> String {
    let mut out = format!("{}\n\n", analysis.source);
    out.push_str(&format!(
        "{:<48} {:<16} {:>5} {:>6} {:>8} {:>7} {:>10} {:>11} {:>9}  status\n",
        "layer", "kind", "block", "eigs", "alpha", "D", "xmin", "spec_norm", "stab_rank"
    ));
    let mut used = Vec::new();
    for r in &analysis.rows {
        let block = match r.block {
            ROption::RSome(b) => b.to_string(),
            ROption::RNone => "-".into(),
        };
        out.push_str(&format!(
            "{:<48} {:<16} {:>5} {:>6} {:>8.3} {:>7.3} {:>10.3e} {:>11.3e} {:>9.2}  {}\n",
            r.layer,
            r.kind.as_str(),
            block,
            r.num_eigs,
            r.alpha,
            r.ks_distance,
            r.xmin,
            r.spectral_norm,
            r.stable_rank,
            spectral::status(r)
        ));
        if matches!(r.skipped, ROption::RNone) {
            used.push(r);
        }
    }
    let mean = |f: fn(&LayerMetrics) -> f64| used.iter().map(|r| f(r)).sum::<f64>() / used.len().max(1) as f64;
    out.push_str(&format!(
        "\n{} layers analysed, {} skipped{}; mean alpha {:.3}, mean log10 spectral norm {:.3}, mean stable rank {:.2}\n",
        used.len(),
        analysis.rows.len() - used.len(),
        if analysis.vectors_skipped > 0 { format!(" ({} vectors such as biases and norms have no spectrum)", analysis.vectors_skipped) } else { String::new() },
        mean(|r| r.alpha),
        mean(|r| r.spectral_norm.log10()),
        mean(|r| r.stable_rank),
    ));
    let over: Vec<&str> = used.iter().filter(|r| r.alpha < 2.0).map(|r| r.layer.as_str()).collect();
    let under: Vec<&str> = used.iter().filter(|r| r.alpha > 6.0).map(|r| r.layer.as_str()).collect();
    if !over.is_empty() {
        out.push_str(&format!("alpha < 2 (WeightWatcher: possibly over-trained): {}\n", over.join(", ")));
    }
    if !under.is_empty() {
        out.push_str(&format!("alpha > 6 (WeightWatcher: possibly under-trained): {}\n", under.join(", ")));
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
}
