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
use safetensors::tensor::{Dtype, SafeTensors};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
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
                optimizer.slot(s, i),
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
///
/// The file is streamed from the tensors' own memory: header first, then each tensor's bytes in
/// name order (the layout `safetensors::serialize` produces for one dtype), with the header's keys
/// sorted (safetensors writes its metadata map in hash order, which differs from process to
/// process; sorted, equal checkpoints are equal bytes). Building it in memory instead took four
/// copies of the data (bytes, serialized, sorted header, the write): a MiniLM checkpoint is 270 MB,
/// and those copies were about 4% of a Rotten Tomatoes run (docs/benchmarks.md).
pub fn write_f32_safetensors<V: AsRef<[f32]>>(
    path: &Path,
    tensors: &[(String, Vec<usize>, V)],
    metadata: HashMap<String, String>,
) -> Result<()> {
    let mut order: Vec<&(String, Vec<usize>, V)> = tensors.iter().collect();
    order.sort_by(|a, b| a.0.cmp(&b.0));
    let header = safetensors_header(path, &order, metadata)?;
    let tmp = path.with_extension("safetensors.tmp");
    let write = || -> std::io::Result<()> {
        let mut file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
        file.write_all(&(header.len() as u64).to_le_bytes())?;
        file.write_all(&header)?;
        for (_, _, values) in order {
            write_le_f32(&mut file, values.as_ref())?;
        }
        file.into_inner().map_err(|e| e.into_error())?;
        Ok(())
    };
    write().map_err(|e| ck(&tmp, format!("cannot write: {e}")))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        ck(
            path,
            format!("cannot rename the temporary file into place: {e}"),
        )
    })
}

/// The JSON header of a safetensors file holding `sorted` (tensors in name order, their data in
/// that order), keys sorted, padded with spaces to a multiple of 8 bytes (the data section must
/// stay 8-byte aligned).
fn safetensors_header<V: AsRef<[f32]>>(
    path: &Path,
    sorted: &[&(String, Vec<usize>, V)],
    metadata: HashMap<String, String>,
) -> Result<Vec<u8>> {
    /// One header entry; struct fields serialize in declaration order, here alphabetical.
    #[derive(serde::Serialize)]
    #[serde(untagged)]
    enum Entry<'a> {
        Metadata(BTreeMap<String, String>),
        Tensor {
            data_offsets: [usize; 2],
            dtype: &'static str,
            shape: &'a [usize],
        },
    }
    let mut entries: BTreeMap<&str, Entry<'_>> = BTreeMap::new();
    let mut offset = 0;
    for (name, shape, values) in sorted.iter().copied() {
        let len = values.as_ref().len();
        if shape.iter().product::<usize>() != len {
            return Err(ck(
                path,
                format!("tensor '{name}': shape {shape:?} does not hold {len} values"),
            ));
        }
        if name == METADATA_KEY {
            return Err(ck(path, format!("tensor name '{name}' is reserved")));
        }
        let entry = Entry::Tensor {
            data_offsets: [offset, offset + 4 * len],
            dtype: "F32",
            shape,
        };
        if entries.insert(name, entry).is_some() {
            return Err(ck(path, format!("tensor '{name}' given twice")));
        }
        offset += 4 * len;
    }
    entries.insert(
        METADATA_KEY,
        Entry::Metadata(metadata.into_iter().collect()),
    );
    let mut text = serde_json::to_vec(&entries).expect("a map of strings and numbers is JSON");
    while !text.len().is_multiple_of(8) {
        text.push(b' ');
    }
    Ok(text)
}

const METADATA_KEY: &str = "__metadata__";

/// Writes `values` as little-endian f32 bytes.
fn write_le_f32(out: &mut impl Write, values: &[f32]) -> std::io::Result<()> {
    if cfg!(target_endian = "little") {
        // SAFETY: f32 has no padding and every byte pattern is a valid u8; same length in bytes.
        let bytes = unsafe {
            std::slice::from_raw_parts(values.as_ptr().cast::<u8>(), std::mem::size_of_val(values))
        };
        out.write_all(bytes)
    } else {
        for chunk in values.chunks(16 * 1024) {
            let bytes: Vec<u8> = chunk.iter().flat_map(|x| x.to_le_bytes()).collect();
            out.write_all(&bytes)?;
        }
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use safetensors::tensor::TensorView;

    /// What `safetensors::serialize` writes for the same tensors, with its header's keys sorted:
    /// the streamed file must be exactly these bytes (a reader's view of the format, not ours).
    fn reference_bytes(
        tensors: &[(String, Vec<usize>, Vec<f32>)],
        metadata: HashMap<String, String>,
    ) -> Vec<u8> {
        let bytes: Vec<Vec<u8>> = tensors
            .iter()
            .map(|(_, _, v)| v.iter().flat_map(|x| x.to_le_bytes()).collect())
            .collect();
        let views = tensors.iter().zip(&bytes).map(|((name, shape, _), b)| {
            (
                name.clone(),
                TensorView::new(Dtype::F32, shape.clone(), b).unwrap(),
            )
        });
        let data = safetensors::tensor::serialize(views, Some(metadata)).unwrap();
        let n = u64::from_le_bytes(data[..8].try_into().unwrap()) as usize;
        let header: BTreeMap<String, serde_json::Value> =
            serde_json::from_slice(&data[8..8 + n]).unwrap();
        let mut text = serde_json::to_vec(&header).unwrap();
        while !text.len().is_multiple_of(8) {
            text.push(b' ');
        }
        [
            &(text.len() as u64).to_le_bytes()[..],
            &text,
            &data[8 + n..],
        ]
        .concat()
    }

    #[test]
    fn streamed_file_is_what_safetensors_serializes_with_a_sorted_header() {
        let dir = std::env::temp_dir().join(format!("runtime-ckpt-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.safetensors");
        // Out of name order, an odd header length, a scalar and an empty tensor.
        let tensors = vec![
            (
                "layer.b".to_string(),
                vec![2, 3],
                (0..6).map(|i| i as f32 * -0.5).collect(),
            ),
            ("Layer.a".to_string(), vec![], vec![3.25f32]),
            ("layer.a.bias".to_string(), vec![0], vec![]),
            (
                "z".to_string(),
                vec![5],
                vec![1e-30f32, f32::MAX, -0.0, 7.0, 1.5],
            ),
        ];
        for metadata in [
            HashMap::new(),
            HashMap::from([
                ("plugin".to_string(), "x".to_string()),
                ("step".to_string(), "12".to_string()),
                ("model_config".to_string(), "a = \"b\"\n".to_string()),
            ]),
        ] {
            write_f32_safetensors(&path, &tensors, metadata.clone()).unwrap();
            let got = std::fs::read(&path).unwrap();
            assert_eq!(got, reference_bytes(&tensors, metadata.clone()));
            let back = read_f32_safetensors(&path).unwrap();
            assert_eq!(back.metadata, metadata);
            for (name, shape, values) in &tensors {
                assert_eq!(
                    back.tensors[name],
                    (shape.clone(), values.clone()),
                    "{name}"
                );
            }
        }
        assert!(!path.with_extension("safetensors.tmp").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_shape_that_does_not_fit_its_values_is_refused_naming_the_tensor() {
        let path = std::env::temp_dir().join(format!("runtime-ckpt-bad-{}.st", std::process::id()));
        let tensors = [("w".to_string(), vec![2, 2], vec![1.0f32; 3])];
        let err = write_f32_safetensors(&path, &tensors, HashMap::new()).unwrap_err();
        assert!(err.to_string().contains("tensor 'w'"), "{err}");
        assert!(!path.exists());
    }
}
