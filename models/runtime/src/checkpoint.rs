//! Checkpoints as two safetensors files in a directory:
//!
//! - `model.safetensors`: every parameter under its dotted name (f32), with `__metadata__`
//!   holding `plugin`, `plugin_version`, `model_config` (the resolved model config TOML) and the
//!   entries of the engine's metadata JSON object (strings as they are, other values as JSON text).
//! - `optimizer.safetensors`: the optimizer state, `<param>.exp_avg` / `<param>.exp_avg_sq`
//!   (Adam, AdamW) or `<param>.momentum_buffer` (SGD with momentum), with metadata `optimizer`
//!   (kind) and `step` (completed steps).
//!
//! Files are written to a temporary name and renamed, so a crash never leaves a half-written
//! checkpoint under the real name. Loading checks everything (keys, dtypes, shapes, plugin and
//! optimizer kind) before changing any parameter or state.

use crate::error::{Error, Result};
use crate::optim::{kind_name, Optimizer};
use crate::params::ParamStore;
use safetensors::tensor::{Dtype, SafeTensors, TensorView as StView};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

pub const MODEL_FILE: &str = "model.safetensors";
pub const OPTIMIZER_FILE: &str = "optimizer.safetensors";

/// Metadata keys the runtime writes itself; the engine's metadata may not use them.
pub const RESERVED_KEYS: [&str; 3] = ["plugin", "plugin_version", "model_config"];

/// Who wrote a checkpoint.
#[derive(Debug, Clone, Copy)]
pub struct CheckpointInfo<'a> {
    pub plugin: &'a str,
    pub version: &'a str,
    pub config_toml: &'a str,
}

fn ck(file: &Path, msg: impl Into<String>) -> Error {
    Error::Checkpoint {
        file: file.display().to_string(),
        msg: msg.into(),
    }
}

/// Writes `model.safetensors` and `optimizer.safetensors` into `dir` (created if missing).
pub fn save(
    dir: &Path,
    store: &ParamStore,
    optimizer: &Optimizer,
    info: CheckpointInfo<'_>,
    metadata_json: &str,
) -> Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| ck(dir, format!("cannot create the directory: {e}")))?;
    let model_path = dir.join(MODEL_FILE);
    let mut meta = engine_metadata(&model_path, metadata_json)?;
    meta.insert("plugin".into(), info.plugin.into());
    meta.insert("plugin_version".into(), info.version.into());
    meta.insert("model_config".into(), info.config_toml.into());
    let tensors = store
        .params()
        .iter()
        .map(|p| Ok((p.name().to_string(), p.shape().to_vec(), p.values()?)))
        .collect::<Result<Vec<_>>>()?;
    write_f32_safetensors(&model_path, &tensors, meta)?;

    let opt_path = dir.join(OPTIMIZER_FILE);
    let mut tensors = Vec::new();
    for (s, slot) in optimizer.slot_names().iter().enumerate() {
        for (i, p) in store.params().iter().enumerate() {
            tensors.push((
                format!("{}.{slot}", p.name()),
                p.shape().to_vec(),
                optimizer.slot(s, i).to_vec(),
            ));
        }
    }
    let meta = HashMap::from([
        ("plugin".to_string(), info.plugin.to_string()),
        (
            "optimizer".to_string(),
            kind_name(optimizer.spec().kind).to_string(),
        ),
        ("step".to_string(), optimizer.step_count().to_string()),
    ]);
    write_f32_safetensors(&opt_path, &tensors, meta)
}

/// The engine's metadata JSON object as safetensors metadata entries ("" means none).
fn engine_metadata(file: &Path, json: &str) -> Result<HashMap<String, String>> {
    if json.trim().is_empty() {
        return Ok(HashMap::new());
    }
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        ck(
            file,
            format!("the checkpoint metadata is not valid JSON: {e}"),
        )
    })?;
    let obj = value
        .as_object()
        .ok_or_else(|| ck(file, "the checkpoint metadata must be a JSON object"))?;
    let mut out = HashMap::new();
    for (k, v) in obj {
        if RESERVED_KEYS.contains(&k.as_str()) {
            return Err(ck(
                file,
                format!("metadata key '{k}' is reserved by the model runtime"),
            ));
        }
        let text = match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        out.insert(k.clone(), text);
    }
    Ok(out)
}

/// Writes f32 tensors `(name, shape, values)` with metadata, atomically (temp file + rename).
pub fn write_f32_safetensors(
    path: &Path,
    tensors: &[(String, Vec<usize>, Vec<f32>)],
    metadata: HashMap<String, String>,
) -> Result<()> {
    let bytes: Vec<Vec<u8>> = tensors
        .iter()
        .map(|(_, _, v)| v.iter().flat_map(|x| x.to_le_bytes()).collect())
        .collect();
    let views = tensors
        .iter()
        .zip(&bytes)
        .map(|((name, shape, _), b)| {
            StView::new(Dtype::F32, shape.clone(), b)
                .map(|v| (name.clone(), v))
                .map_err(|e| ck(path, format!("tensor '{name}': {e}")))
        })
        .collect::<Result<Vec<_>>>()?;
    let data = safetensors::tensor::serialize(views, Some(metadata))
        .map_err(|e| ck(path, format!("cannot serialize: {e}")))?;
    let data = with_sorted_header(data).map_err(|e| ck(path, e))?;
    let tmp = path.with_extension("safetensors.tmp");
    std::fs::write(&tmp, data).map_err(|e| ck(&tmp, format!("cannot write: {e}")))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        ck(
            path,
            format!("cannot rename the temporary file into place: {e}"),
        )
    })
}

/// The same file with its JSON header's keys sorted: safetensors writes the metadata map in hash
/// order, which differs from process to process; sorted, equal checkpoints are equal bytes.
fn with_sorted_header(data: Vec<u8>) -> std::result::Result<Vec<u8>, String> {
    let n = u64::from_le_bytes(data[..8].try_into().expect("8 bytes")) as usize;
    // serde_json's map is ordered by key.
    let header: serde_json::Value = serde_json::from_slice(&data[8..8 + n])
        .map_err(|e| format!("cannot re-read the header: {e}"))?;
    let mut text = serde_json::to_vec(&header).expect("json");
    // The data section must stay 8-byte aligned; the format allows trailing spaces.
    while !text.len().is_multiple_of(8) {
        text.push(b' ');
    }
    let mut out = Vec::with_capacity(8 + text.len() + data.len() - 8 - n);
    out.extend_from_slice(&(text.len() as u64).to_le_bytes());
    out.extend_from_slice(&text);
    out.extend_from_slice(&data[8 + n..]);
    Ok(out)
}

/// A safetensors file read fully into memory: f32 tensors by name, and its metadata.
pub struct F32File {
    pub tensors: HashMap<String, (Vec<usize>, Vec<f32>)>,
    pub metadata: HashMap<String, String>,
}

/// Reads a safetensors file of f32 tensors; errors name the file and the offending key.
pub fn read_f32_safetensors(path: &Path) -> Result<F32File> {
    let bytes = std::fs::read(path).map_err(|e| ck(path, format!("cannot read: {e}")))?;
    let st = SafeTensors::deserialize(&bytes)
        .map_err(|e| ck(path, format!("not a safetensors file or corrupt ({e:?})")))?;
    let (_, header) = SafeTensors::read_metadata(&bytes)
        .map_err(|e| ck(path, format!("not a safetensors file or corrupt ({e:?})")))?;
    let metadata = header.metadata().clone().unwrap_or_default();
    let mut tensors = HashMap::new();
    for (name, view) in st.iter() {
        if view.dtype() != Dtype::F32 {
            return Err(ck(
                path,
                format!("key '{name}' has dtype {:?}, expected F32", view.dtype()),
            ));
        }
        let values = view
            .data()
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        tensors.insert(name.to_string(), (view.shape().to_vec(), values));
    }
    Ok(F32File { tensors, metadata })
}

/// Takes the tensors `names` (with the expected shapes) out of `file`; every other key is an error.
fn take_exact(
    path: &Path,
    file: &mut F32File,
    expected: &[(String, Vec<usize>)],
) -> Result<Vec<Vec<f32>>> {
    let mut out = Vec::with_capacity(expected.len());
    for (name, shape) in expected {
        let (got, values) = file
            .tensors
            .remove(name)
            .ok_or_else(|| ck(path, format!("missing key '{name}'")))?;
        if &got != shape {
            return Err(ck(
                path,
                format!("key '{name}' has shape {got:?}, the model expects {shape:?}"),
            ));
        }
        out.push(values);
    }
    if let Some(extra) = file.tensors.keys().collect::<BTreeSet<_>>().first() {
        return Err(ck(
            path,
            format!("unexpected key '{extra}' (not part of this model)"),
        ));
    }
    Ok(out)
}

fn check_plugin(path: &Path, meta: &HashMap<String, String>, plugin: &str) -> Result<()> {
    match meta.get("plugin") {
        Some(p) if p != plugin => Err(ck(
            path,
            format!(
                "metadata key 'plugin' says it was written by model plugin '{p}', not '{plugin}'"
            ),
        )),
        _ => Ok(()),
    }
}

/// Loads a checkpoint written by [`save`]. With `weights_only`, only `model.safetensors` is read
/// and the optimizer state is kept.
pub fn load(
    dir: &Path,
    store: &ParamStore,
    optimizer: &mut Optimizer,
    plugin: &str,
    weights_only: bool,
) -> Result<()> {
    let model_path = dir.join(MODEL_FILE);
    let mut model = read_f32_safetensors(&model_path)?;
    check_plugin(&model_path, &model.metadata, plugin)?;
    let values = take_exact(&model_path, &mut model, &expected_params(store))?;

    let mut opt_state = None;
    if !weights_only {
        let opt_path = dir.join(OPTIMIZER_FILE);
        let mut opt = read_f32_safetensors(&opt_path)?;
        check_plugin(&opt_path, &opt.metadata, plugin)?;
        let kind = kind_name(optimizer.spec().kind);
        match opt.metadata.get("optimizer") {
            None => return Err(ck(&opt_path, "missing metadata key 'optimizer'")),
            Some(k) if k != kind => {
                return Err(ck(
                    &opt_path,
                    format!("metadata key 'optimizer' is '{k}' but this run uses '{kind}'"),
                ))
            }
            Some(_) => {}
        }
        let step: u64 = opt
            .metadata
            .get("step")
            .ok_or_else(|| ck(&opt_path, "missing metadata key 'step'"))?
            .parse()
            .map_err(|_| {
                ck(
                    &opt_path,
                    "metadata key 'step' is not a non-negative integer",
                )
            })?;
        let mut expected = Vec::new();
        for slot in optimizer.slot_names() {
            for (name, shape) in &expected_params(store) {
                expected.push((format!("{name}.{slot}"), shape.clone()));
            }
        }
        let mut flat = take_exact(&opt_path, &mut opt, &expected)?.into_iter();
        let n = store.params().len();
        let slots: Vec<Vec<Vec<f32>>> = (0..optimizer.slot_names().len())
            .map(|_| flat.by_ref().take(n).collect())
            .collect();
        opt_state = Some((step, slots));
    }
    store.set_values(&values)?;
    if let Some((step, slots)) = opt_state {
        optimizer.set_state(step, slots)?;
    }
    Ok(())
}

fn expected_params(store: &ParamStore) -> Vec<(String, Vec<usize>)> {
    store
        .params()
        .iter()
        .map(|p| (p.name().to_string(), p.shape().to_vec()))
        .collect()
}
