//! The bert plugin on tiny random models: parameter groups, gradients (presence and finite
//! differences), padding invariance, training, dropout determinism, checkpoints, pretrained
//! loading errors, config/data validation, and the exported root module.

use engine_model_bert::{new_model, Bert, BertPlugin, DEFAULT_CONFIG};
use model_runtime::testing::{assert_every_param_gets_gradient, finite_difference};
use model_runtime::split::SampleChunks;
use model_runtime::{Batch, ModelCore, StepCtx};
use plugin_api::abi_stable::sabi_trait::TD_Opaque;
use plugin_api::abi_stable::std_types::{ROption, RVec};
use plugin_api::{
    LayerKind, ModelInit, Model_TO, OptimizerKind, OptimizerSpec, StepPlan, TensorData, TensorView,
};

const TINY: &str = "pretrained = \"\"\nhidden_size = 32\nnum_layers = 2\nnum_heads = 4\n\
intermediate_size = 64\nvocab_size = 100\nmax_position = 64\ntype_vocab_size = 2\n";

fn data_json(k: usize) -> String {
    format!(r#"{{"task":"text-classification","num_labels":{k},"max_len":32,"pair":false}}"#)
}

fn adamw() -> OptimizerSpec {
    OptimizerSpec {
        kind: OptimizerKind::AdamW,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        momentum: 0.0,
        nesterov: false,
        grad_clip: 1.0,
    }
}

fn plugin_with(config: &str, k: usize, seed: u64) -> Result<BertPlugin, String> {
    new_model(ModelInit {
        config: config.into(),
        data: data_json(k).as_str().into(),
        optimizer: adamw(),
        seed,
    })
}

fn tiny(extra: &str, seed: u64) -> BertPlugin {
    plugin_with(&format!("{TINY}{extra}"), 3, seed).unwrap()
}

/// A padded batch from token sequences (types: 0 for the first half, 1 after), right padding.
fn batch(seqs: &[Vec<u32>], labels: Option<&[u32]>) -> Vec<TensorData> {
    let b = seqs.len();
    let l = seqs.iter().map(Vec::len).max().unwrap();
    let mut ids = vec![0f32; b * l];
    let mut types = vec![0f32; b * l];
    let mut mask = vec![0f32; b * l];
    for (i, s) in seqs.iter().enumerate() {
        for (j, &t) in s.iter().enumerate() {
            ids[i * l + j] = t as f32;
            types[i * l + j] = if j >= s.len() / 2 { 1.0 } else { 0.0 };
            mask[i * l + j] = 1.0;
        }
    }
    let shape = RVec::from(vec![b as u64, l as u64]);
    let mut out = vec![
        TensorData {
            name: "input_ids".into(),
            shape: shape.clone(),
            data: ids.into(),
        },
        TensorData {
            name: "token_type_ids".into(),
            shape: shape.clone(),
            data: types.into(),
        },
        TensorData {
            name: "attention_mask".into(),
            shape,
            data: mask.into(),
        },
    ];
    if let Some(y) = labels {
        out.push(TensorData {
            name: "labels".into(),
            shape: RVec::from(vec![b as u64]),
            data: y.iter().map(|&v| v as f32).collect::<Vec<_>>().into(),
        });
    }
    out
}

fn views(d: &[TensorData]) -> Vec<TensorView<'_>> {
    d.iter().map(TensorData::view).collect()
}

fn sample_batch() -> Vec<TensorData> {
    batch(
        &[
            vec![1, 11, 12, 13, 14, 15, 2],
            vec![1, 21, 22, 2],
            vec![1, 31, 32, 33, 34, 2],
        ],
        Some(&[0, 2, 1]),
    )
}

/// Scales the random init up (std 0.02 gives near-zero gradients deep in a tiny model) so that
/// gradient checks are meaningful: matrices x15, vectors get small deterministic offsets.
fn perturb(core: &Bert) {
    let store = core.params();
    for (k, p) in store.params().iter().enumerate() {
        let v = p.values().unwrap();
        let v: Vec<f32> = if p.shape().len() == 2 {
            v.iter().map(|x| x * 15.0).collect()
        } else {
            v.iter()
                .enumerate()
                .map(|(i, x)| x + 0.1 * (((i * 7 + k * 3) % 11) as f32 / 11.0 - 0.5))
                .collect()
        };
        store.set_param(p, &v).unwrap();
    }
}

fn ctx(step: u64) -> StepCtx {
    StepCtx { step, pass: 0 }
}

#[test]
fn parameter_groups_use_hf_names_kinds_blocks_and_decay() {
    let m = tiny("", 0);
    let groups = m.groups();
    let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
    let mut want = vec![
        "embeddings.word_embeddings".to_string(),
        "embeddings.position_embeddings".into(),
        "embeddings.token_type_embeddings".into(),
        "embeddings.LayerNorm".into(),
    ];
    for i in 0..2 {
        for s in [
            "attention.self.query",
            "attention.self.key",
            "attention.self.value",
            "attention.output.dense",
            "attention.output.LayerNorm",
            "intermediate.dense",
            "output.dense",
            "output.LayerNorm",
        ] {
            want.push(format!("encoder.layer.{i}.{s}"));
        }
    }
    want.push("pooler.dense".into());
    want.push("classifier".into());
    assert_eq!(names, want);
    let g = |n: &str| groups.iter().find(|g| g.name.as_str() == n).unwrap();
    let q = g("encoder.layer.1.attention.self.query");
    assert_eq!((q.kind, q.block), (LayerKind::Linear, ROption::RSome(1)));
    assert_eq!(
        q.params[0].name.as_str(),
        "encoder.layer.1.attention.self.query.weight"
    );
    assert!(q.params[0].decay && !q.params[1].decay);
    let ln = g("encoder.layer.0.output.LayerNorm");
    assert_eq!((ln.kind, ln.block), (LayerKind::Norm, ROption::RSome(0)));
    assert!(ln.params.iter().all(|p| !p.decay));
    assert_eq!(g("embeddings.word_embeddings").kind, LayerKind::Embedding);
    assert_eq!(
        g("embeddings.word_embeddings").params[0].shape.as_slice(),
        &[100, 32]
    );
    assert_eq!(g("embeddings.LayerNorm").block, ROption::RNone);
    assert_eq!(g("pooler.dense").kind, LayerKind::Linear);
    let c = g("classifier");
    assert_eq!(
        (c.kind, c.params[0].shape.as_slice()),
        (LayerKind::Head, &[3u64, 32][..])
    );
    assert_eq!(
        g("encoder.layer.0.intermediate.dense").params[0]
            .shape
            .as_slice(),
        &[64, 32]
    );

    let lw = m.export_layer_weights().unwrap();
    assert_eq!(lw.len(), 2 * 6 + 2);
    assert_eq!(lw[0].group.as_str(), "encoder.layer.0.attention.self.query");
    assert_eq!(lw[0].block, ROption::RSome(0));
    assert_eq!(lw[13].kind, LayerKind::Head);
    assert_eq!(lw[12].group.as_str(), "pooler.dense");

    let mean = tiny("pooling = \"mean\"", 0);
    assert!(mean
        .groups()
        .iter()
        .all(|g| g.name.as_str() != "pooler.dense"));
    assert_eq!(mean.export_layer_weights().unwrap().len(), 13);
}

#[test]
fn every_parameter_gets_a_gradient_with_both_poolings() {
    let d = sample_batch();
    let v = views(&d);
    for pooling in ["cls", "mean"] {
        let m = tiny(&format!("pooling = \"{pooling}\""), 1);
        let loss = m.core().loss_with(&Batch::new(&v), &ctx(0), true).unwrap();
        assert_every_param_gets_gradient(m.core().params(), &loss);
    }
}

fn argmax_abs(v: &[f32]) -> usize {
    (0..v.len())
        .max_by(|&a, &b| v[a].abs().total_cmp(&v[b].abs()))
        .unwrap()
}

#[test]
fn gradients_match_finite_differences() {
    let d = sample_batch();
    let v = views(&d);
    for pooling in ["cls", "mean"] {
        let m = tiny(&format!("pooling = \"{pooling}\""), 2);
        let core = m.core();
        perturb(core);
        let b = Batch::new(&v);
        // Dropout on: the masks depend only on (seed, step, pass, site, sentence), so they are the
        // same in every evaluation, and the dropout backward paths are checked too.
        let loss = core.loss_with(&b, &ctx(5), true).unwrap();
        let grads = loss.backward().unwrap();
        let mut checked = 0;
        let mut names = vec![
            "embeddings.word_embeddings.weight",
            "embeddings.position_embeddings.weight",
            "embeddings.token_type_embeddings.weight",
            "embeddings.LayerNorm.weight",
            "encoder.layer.0.attention.self.query.weight",
            "encoder.layer.0.attention.self.key.weight",
            "encoder.layer.0.attention.self.query.bias",
            "encoder.layer.0.attention.self.value.weight",
            "encoder.layer.0.attention.output.LayerNorm.weight",
            "encoder.layer.1.attention.output.LayerNorm.bias",
            "encoder.layer.1.intermediate.dense.weight",
            "encoder.layer.1.output.dense.bias",
            "encoder.layer.1.output.LayerNorm.weight",
            "classifier.weight",
        ];
        if pooling == "cls" {
            names.push("pooler.dense.weight");
        }
        for name in names {
            let p = core.params().get(name).unwrap();
            let g = grads
                .get(p.tensor())
                .unwrap()
                .flatten_all()
                .unwrap()
                .to_vec1::<f32>()
                .unwrap();
            // The largest entry, and for the word embeddings a row of token 12 (used once).
            let mut idxs = vec![argmax_abs(&g)];
            if name == "embeddings.word_embeddings.weight" {
                idxs.push(12 * 32 + 5);
            }
            for idx in idxs {
                let fd = finite_difference(core.params(), name, idx, 3e-3, || {
                    let l = core.loss_with(&b, &ctx(5), true)?;
                    Ok(f64::from(l.to_scalar::<f32>()?))
                })
                .unwrap();
                let a = f64::from(g[idx]);
                assert!(
                    a.abs() > 1e-4,
                    "{pooling} {name}[{idx}]: gradient too small ({a:e})"
                );
                assert!(
                    (a - fd).abs() <= 2e-2 * a.abs().max(fd.abs()) + 2e-5,
                    "{pooling} {name}[{idx}]: analytic {a:e} vs finite difference {fd:e}"
                );
                checked += 1;
            }
        }
        assert!(checked >= 14);
    }
}

#[test]
fn padding_does_not_change_a_sentence_logits() {
    for pooling in ["cls", "mean"] {
        let m = tiny(&format!("pooling = \"{pooling}\""), 3);
        perturb(m.core());
        let short = vec![1, 40, 41, 42, 2];
        let long = vec![1, 50, 51, 52, 53, 54, 55, 56, 2];
        let alone = batch(std::slice::from_ref(&short), None);
        let both = batch(&[short.clone(), long], None);
        let la = m
            .core()
            .logits(&Batch::new(&views(&alone)))
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        let lb = m
            .core()
            .logits(&Batch::new(&views(&both)))
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        for (a, b) in la[0].iter().zip(&lb[0]) {
            assert!(
                (a - b).abs() < 1e-5,
                "{pooling}: {:?} vs {:?}",
                la[0],
                lb[0]
            );
        }
        let ha = m
            .core()
            .encode(&Batch::new(&views(&alone)))
            .unwrap()
            .to_vec3::<f32>()
            .unwrap();
        let hb = m
            .core()
            .encode(&Batch::new(&views(&both)))
            .unwrap()
            .to_vec3::<f32>()
            .unwrap();
        for j in 0..short.len() {
            for (a, b) in ha[0][j].iter().zip(&hb[0][j]) {
                assert!((a - b).abs() < 1e-5);
            }
        }
        // The mask matters: unmasking the padding changes the result.
        let mut unmasked = both.clone();
        unmasked[2].data = vec![1f32; unmasked[2].data.len()].into();
        let lu = m
            .core()
            .logits(&Batch::new(&views(&unmasked)))
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        assert!(la[0].iter().zip(&lu[0]).any(|(a, b)| (a - b).abs() > 1e-4));
    }
}

/// A separable toy task: class 0 sentences contain token 5, class 1 sentences token 7.
fn toy() -> Vec<TensorData> {
    let mut seqs = Vec::new();
    let mut labels = Vec::new();
    for i in 0..8u32 {
        let c = i % 2;
        let key = if c == 0 { 5 } else { 7 };
        let mut s = vec![1, 20 + i, key, 30 + (i * 3) % 17];
        s.truncate(3 + (i as usize % 2));
        s.push(2);
        seqs.push(s);
        labels.push(c);
    }
    batch(&seqs, Some(&labels))
}

#[test]
fn training_on_a_separable_toy_batch_lowers_the_loss() {
    let d = toy();
    let v = views(&d);
    let mut m: plugin_api::ModelBox =
        Model_TO::from_value(plugin_with(TINY, 2, 4).unwrap(), TD_Opaque);
    let plan = StepPlan::uniform(&m.param_groups(), 3e-3, 0.01);
    let mut losses = Vec::new();
    for _ in 0..40 {
        losses.push(m.train_step(v.as_slice().into(), &plan).unwrap().loss);
    }
    let first = losses[0];
    let last = losses[35..].iter().sum::<f64>() / 5.0;
    assert!(last < 0.3 * first, "loss {first} -> {last}: {losses:?}");
    // Predictions (no dropout) classify the batch.
    let out = m.predict(v.as_slice().into()).unwrap();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].name.as_str(), "logits");
    assert_eq!(out[0].shape.as_slice(), &[8, 2]);
    for i in 0..8 {
        let row = &out[0].data[i * 2..i * 2 + 2];
        let pred = if row[1] > row[0] { 1 } else { 0 };
        assert_eq!(pred, i % 2, "example {i}: logits {row:?}");
    }
}

#[test]
fn dropout_is_deterministic_per_step_and_differs_between_steps() {
    let d = sample_batch();
    let v = views(&d);
    let m = tiny("hidden_dropout = 0.2\nattention_dropout = 0.2", 5);
    let b = Batch::new(&v);
    let loss = |step: u64, pass: u32| {
        m.core()
            .loss_with(&b, &StepCtx { step, pass }, true)
            .unwrap()
            .to_scalar::<f32>()
            .unwrap()
    };
    assert_eq!(loss(3, 0), loss(3, 0));
    assert_ne!(loss(3, 0), loss(4, 0));
    assert_ne!(loss(3, 0), loss(3, 1));
    // Without dropout the loss does not depend on the step.
    let plain = |step| {
        m.core()
            .loss_with(&b, &ctx(step), false)
            .unwrap()
            .to_scalar::<f32>()
            .unwrap()
    };
    assert_eq!(plain(3), plain(4));
    // Two runs from the same seed train identically; another seed differs.
    let run = |seed| {
        let mut p = tiny("", seed);
        let plan = StepPlan::uniform(p.groups(), 1e-3, 0.01);
        (0..3)
            .map(|_| p.fit_step(&v, &plan).unwrap().loss)
            .collect::<Vec<_>>()
    };
    assert_eq!(run(9), run(9));
    assert_ne!(run(9), run(10));
}

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("bert-test-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn checkpoint_round_trip_gives_identical_logits() {
    let d = toy();
    let v = views(&d);
    let mut a: plugin_api::ModelBox = Model_TO::from_value(tiny("", 7), TD_Opaque);
    let plan = StepPlan::uniform(&a.param_groups(), 1e-3, 0.01);
    for _ in 0..2 {
        a.train_step(v.as_slice().into(), &plan).unwrap();
    }
    let dir = temp_dir("ckpt");
    a.save_checkpoint(dir.to_str().unwrap().into(), r#"{"epoch": 1}"#.into())
        .unwrap();
    // Dropout masks come from the run seed, so a resumed run is built with the same seed.
    let mut b: plugin_api::ModelBox = Model_TO::from_value(tiny("", 7), TD_Opaque);
    assert_ne!(
        a.predict(v.as_slice().into()).unwrap(),
        b.predict(v.as_slice().into()).unwrap()
    );
    b.load_checkpoint(dir.to_str().unwrap().into(), false)
        .unwrap();
    assert_eq!(
        a.predict(v.as_slice().into()).unwrap(),
        b.predict(v.as_slice().into()).unwrap()
    );
    let la: Vec<f64> = (0..2)
        .map(|_| a.train_step(v.as_slice().into(), &plan).unwrap().loss)
        .collect();
    let lb: Vec<f64> = (0..2)
        .map(|_| b.train_step(v.as_slice().into(), &plan).unwrap().loss)
        .collect();
    assert_eq!(la, lb);
    let meta = model_runtime::checkpoint::read_f32_safetensors(&dir.join("model.safetensors"))
        .unwrap()
        .metadata;
    assert_eq!(meta["plugin"], "bert");
    assert!(meta["model_config"].contains("hidden_size = 32"));
    std::fs::remove_dir_all(&dir).unwrap();
}

const TINY_CONFIG_JSON: &str = r#"{"architectures":["BertModel"],"hidden_size":32,"num_hidden_layers":2,
"num_attention_heads":4,"intermediate_size":64,"vocab_size":100,"max_position_embeddings":64,
"type_vocab_size":2,"layer_norm_eps":1e-12,"hidden_act":"gelu","hidden_dropout_prob":0.1,
"attention_probs_dropout_prob":0.1,"model_type":"bert","pad_token_id":0}"#;

#[test]
fn pretrained_directories_load_and_bad_ones_give_one_line_errors() {
    // An engine checkpoint uses HF names, so it is a valid pretrained directory.
    let src = tiny("", 11);
    perturb(src.core());
    let dir = temp_dir("pre");
    src.save(&dir, "{}").unwrap();
    std::fs::write(dir.join("config.json"), TINY_CONFIG_JSON).unwrap();
    let cfg = format!("pretrained = \"{}\"", dir.display());
    let loaded = plugin_with(&cfg, 3, 99).unwrap();
    let d = sample_batch();
    let v = views(&d);
    let b = Batch::new(&v);
    assert_eq!(
        src.core().encode(&b).unwrap().to_vec3::<f32>().unwrap(),
        loaded.core().encode(&b).unwrap().to_vec3::<f32>().unwrap()
    );
    assert_eq!(
        src.core().pooled(&b).unwrap().to_vec2::<f32>().unwrap(),
        loaded.core().pooled(&b).unwrap().to_vec2::<f32>().unwrap()
    );
    // The classifier is fresh (from the seed), not the file's.
    let cw = |m: &BertPlugin| {
        m.core()
            .params()
            .get("classifier.weight")
            .unwrap()
            .values()
            .unwrap()
    };
    assert_ne!(cw(&src), cw(&loaded));
    assert_eq!(cw(&loaded), cw(&plugin_with(&cfg, 3, 99).unwrap()));
    // An architecture key that disagrees with config.json is refused.
    let e = plugin_with(&format!("{cfg}\nnum_layers = 3"), 3, 0)
        .err()
        .unwrap();
    assert!(e.contains("'num_layers' = 3 disagrees"), "{e}");

    let check = |e: String, want: &[&str]| {
        assert!(!e.contains('\n'), "{e}");
        for w in want {
            assert!(e.contains(w), "expected '{w}' in: {e}");
        }
    };
    let file = dir.join("model.safetensors");
    let good = std::fs::read(&file).unwrap();
    // Corrupt file.
    std::fs::write(&file, b"this is not a safetensors file").unwrap();
    check(
        plugin_with(&cfg, 3, 0).err().unwrap(),
        &[file.to_str().unwrap(), "corrupt"],
    );
    // Missing tensor / wrong shape: a file written from a model with another architecture.
    let other = plugin_with(
        &TINY
            .replace("intermediate_size = 64", "intermediate_size = 48")
            .replace("num_layers = 2", "num_layers = 1"),
        3,
        0,
    )
    .unwrap();
    let dir2 = temp_dir("pre2");
    other.save(&dir2, "{}").unwrap();
    std::fs::copy(dir2.join("model.safetensors"), &file).unwrap();
    check(
        plugin_with(&cfg, 3, 0).err().unwrap(),
        &[
            file.to_str().unwrap(),
            "'encoder.layer.0.intermediate.dense.weight'",
            "shape [48, 32]",
            "[64, 32]",
        ],
    );
    let one_layer = TINY_CONFIG_JSON.replace("\"num_hidden_layers\":2", "\"num_hidden_layers\":3");
    std::fs::write(&file, &good).unwrap();
    std::fs::write(dir.join("config.json"), one_layer).unwrap();
    check(
        plugin_with(&cfg, 3, 0).err().unwrap(),
        &[
            file.to_str().unwrap(),
            "'encoder.layer.2.attention.self.query.weight' is missing",
        ],
    );
    // Missing files.
    std::fs::write(dir.join("config.json"), TINY_CONFIG_JSON).unwrap();
    std::fs::remove_file(&file).unwrap();
    check(
        plugin_with(&cfg, 3, 0).err().unwrap(),
        &[file.to_str().unwrap(), "cannot read"],
    );
    let nowhere = "pretrained = \"/nonexistent/minilm\"";
    check(
        plugin_with(nowhere, 3, 0).err().unwrap(),
        &[
            "/nonexistent/minilm/config.json",
            "cannot read",
            "fetch-assets.sh",
        ],
    );
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&dir2).unwrap();
}

#[test]
fn config_data_and_batch_errors_are_one_line_and_name_the_problem() {
    let e = plugin_with(&format!("{TINY}bogus = 1"), 2, 0)
        .err()
        .unwrap();
    assert!(
        e.starts_with("bert: ") && e.contains("unknown key 'bogus'"),
        "{e}"
    );
    let e = new_model(ModelInit {
        config: TINY.into(),
        data: r#"{"task":"pde-rollout","channels":2}"#.into(),
        optimizer: adamw(),
        seed: 0,
    })
    .err()
    .unwrap();
    assert_eq!(
        e,
        "bert: this model needs text data (task = \"text-classification\"), got \"pde-rollout\""
    );
    let e = new_model(ModelInit {
        config: TINY.into(),
        data: r#"{"task":"text-classification","num_labels":2,"max_len":128}"#.into(),
        optimizer: adamw(),
        seed: 0,
    })
    .err()
    .unwrap();
    assert!(
        e.contains("max_len = 128") && e.contains("max_position = 64"),
        "{e}"
    );
    let e = plugin_with(&TINY.replace("num_heads = 4", "num_heads = 5"), 2, 0)
        .err()
        .unwrap();
    assert!(e.contains("num_heads = 5"), "{e}");

    let m = tiny("", 0);
    let mut d = sample_batch();
    d[0].data = {
        let mut x = d[0].data.to_vec();
        x[1] = 100.0;
        x.into()
    };
    let plan = StepPlan::uniform(m.groups(), 1e-3, 0.0);
    let mut m = m;
    let e = m.fit_step(&views(&d), &plan).unwrap_err().to_string();
    assert!(e.contains("'input_ids'") && e.contains("[0, 100)"), "{e}");
    let mut d = sample_batch();
    d[3].data = vec![0.0, 3.0, 1.0].into();
    let e = m.fit_step(&views(&d), &plan).unwrap_err().to_string();
    assert!(e.contains("'labels'") && e.contains("[0, 3)"), "{e}");
    let d = sample_batch();
    let e = m.fit_step(&views(&d[1..]), &plan).unwrap_err().to_string();
    assert!(e.contains("no tensor 'input_ids'"), "{e}");
    // predict ignores labels and does not need them.
    let v = views(&d[..3]);
    assert_eq!(m.predict_batch(&v).unwrap()[0].shape.as_slice(), &[3, 3]);
}

/// Evaluation batches are predicted in chunks of sentences (a prediction has no dropout and a
/// sentence attends to itself alone): the logits are those of the whole batch, in the batch's
/// order, whatever the chunk boundaries, up to rounding (matmuls of other row counts may order
/// their sums differently; on MiniLM's bench batch they are identical to the bit).
#[test]
fn chunked_predictions_equal_the_whole_batch() {
    let m = tiny("", 5);
    perturb(m.core());
    let min_values = m.core().min_chunk_values(false).unwrap();
    // Sentences of 3 to 8 tokens, the first of 8: every batch is padded to 8, and its three token
    // tensors hold 24 values per sentence (a prediction batch has no labels).
    let min = min_values.div_ceil(3 * 8);
    for n in [1, min, 2 * min + 1, 3 * min] {
        let seqs: Vec<Vec<u32>> = (0..n as u32)
            .map(|i| {
                let len = if i == 0 { 8 } else { 3 + i % 5 };
                (0..len).map(|j| 1 + (i * 7 + j * 3) % 97).collect()
            })
            .collect();
        let d = batch(&seqs, None);
        let v = views(&d);
        assert_eq!(
            m.sample_chunks(&v, false).unwrap().len(),
            (n / min).max(1),
            "{n} sentences"
        );
        let whole = m.core().logits(&Batch::new(&v)).unwrap();
        let whole = whole.flatten_all().unwrap().to_vec1::<f32>().unwrap();
        let predicted = m.predict_batch(&v).unwrap();
        assert_eq!(predicted[0].shape.as_slice(), &[n as u64, 3]);
        for (i, (p, w)) in predicted[0].data.iter().zip(&whole).enumerate() {
            assert!(
                (p - w).abs() <= 1e-6 * (1.0 + w.abs()),
                "{n} sentences, logit {i}: {p} chunked against {w} whole"
            );
        }
    }
}

/// Training batches are split too: dropout masks are drawn per sentence, keyed by the sentence's
/// index in the whole batch, so chunks of sentences differentiated apart give the loss and the
/// gradients of the whole batch (up to rounding), with dropout on.
#[test]
fn chunked_training_equals_the_whole_batch_with_dropout() {
    let m = tiny("hidden_dropout = 0.3\nattention_dropout = 0.3", 5);
    perturb(m.core());
    let seqs: Vec<Vec<u32>> = (0..7u32)
        .map(|i| (0..3 + i % 4).map(|j| 1 + (i * 5 + j * 3) % 97).collect())
        .collect();
    let labels: Vec<u32> = (0..7).map(|i| i % 3).collect();
    let d = batch(&seqs, Some(&labels));
    let v = views(&d);
    let per_sentence = m.core().per_sample_tensors();
    let ctx = StepCtx { step: 4, pass: 0 };
    let run = |chunks: SampleChunks<'_>| {
        chunks
            .loss_and_grads(m.core().params(), |b| m.core().loss(b, &ctx))
            .unwrap()
    };
    let (whole_loss, whole_grads) = run(SampleChunks::with_limits(&v, &[], 1, 1).unwrap());
    // Chunks of 3, 2 and 2 sentences (6 tokens each, padded, plus the label: 19 values).
    let chunks = SampleChunks::with_limits(&v, per_sentence, 1, 2 * 19).unwrap();
    assert_eq!(chunks.len(), 3);
    let (loss, grads) = run(chunks);
    assert!(
        (loss - whole_loss).abs() <= 1e-6 * whole_loss.abs(),
        "loss {loss} chunked against {whole_loss} whole"
    );
    // Dropout is on: the step's loss differs from the loss without it.
    let plain = m.core().loss_with(&Batch::new(&v), &ctx, false).unwrap();
    assert!((plain.to_scalar::<f32>().unwrap() as f64 - whole_loss).abs() > 1e-4);
    assert_eq!(grads.len(), whole_grads.len());
    let largest = |g: &[f32]| g.iter().fold(0f32, |a, x| a.max(x.abs()));
    let overall = whole_grads.iter().flatten().fold(0f32, |a, g| a.max(largest(g)));
    assert!(overall > 1e-3, "gradients too small to compare");
    let mut checked = 0;
    for (g, w) in grads.iter().zip(&whole_grads) {
        let (Some(g), Some(w)) = (g, w) else {
            assert_eq!(g.is_some(), w.is_some());
            continue;
        };
        // Relative to the parameter's largest gradient; a parameter whose gradient is zero up to
        // rounding (the key bias: softmax ignores it) is compared to a tenth of the largest of all.
        let tol = 1e-5 * largest(w).max(0.1 * overall);
        for (a, b) in g.iter().zip(w) {
            assert!((a - b).abs() <= tol, "{a} chunked against {b} whole");
        }
        checked += 1;
    }
    assert!(checked > 10, "{checked} parameters with gradients");

    // The adapter's own training chunks (at least 1024 padded tokens each): 300 sentences of 8
    // tokens are two chunks, whose loss is the whole batch's.
    let seqs: Vec<Vec<u32>> = (0..300u32)
        .map(|i| (0..8).map(|j| 1 + (i * 7 + j * 3) % 97).collect())
        .collect();
    let labels: Vec<u32> = (0..300).map(|i| i % 3).collect();
    let d = batch(&seqs, Some(&labels));
    let v = views(&d);
    let chunks = m.sample_chunks(&v, true).unwrap();
    assert_eq!(chunks.len(), 2);
    let (loss, _) = run(chunks);
    let (whole, _) = run(SampleChunks::with_limits(&v, &[], 1, 1).unwrap());
    assert!(
        (loss - whole).abs() <= 1e-6 * whole.abs(),
        "loss {loss} in the adapter's chunks against {whole} whole"
    );
}

#[test]
fn default_config_lists_every_key() {
    let t: toml::Table = DEFAULT_CONFIG.parse().unwrap();
    let keys: Vec<&str> = t.keys().map(String::as_str).collect();
    for k in [
        "pretrained",
        "pooling",
        "hidden_dropout",
        "attention_dropout",
        "classifier_dropout",
        "hidden_size",
        "num_layers",
        "num_heads",
        "intermediate_size",
        "vocab_size",
        "max_position",
        "type_vocab_size",
    ] {
        assert!(keys.contains(&k), "{k}");
    }
    // The resolved config round-trips through the parser.
    let m = tiny("pooling = \"mean\"", 0);
    let text = m.core().config_toml();
    let again = engine_model_bert::BertConfig::from_toml(&text).unwrap();
    assert_eq!(again.pooling, engine_model_bert::Pooling::Mean);
}

/// The root module exported by the cdylib loads through abi_stable and builds a working model.
#[test]
fn exported_root_module_loads_from_the_shared_library() {
    use plugin_api::abi_stable::library::lib_header_from_path;
    let deps = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let so = deps.join("libengine_model_bert.so");
    assert!(so.exists(), "{} was not built", so.display());
    let module = lib_header_from_path(&so)
        .unwrap()
        .init_root_module::<plugin_api::ModelMod_Ref>()
        .unwrap();
    let info = (module.info())();
    assert_eq!(info.name.as_str(), "bert");
    assert_eq!((module.describe())().as_str(), DEFAULT_CONFIG);
    let data = data_json(3);
    let mut m = (module.new())(ModelInit {
        config: TINY.into(),
        data: data.as_str().into(),
        optimizer: adamw(),
        seed: 3,
    })
    .unwrap();
    let d = sample_batch();
    let plan = StepPlan::uniform(&m.param_groups(), 1e-3, 0.0);
    let out = m.train_step(views(&d).as_slice().into(), &plan).unwrap();
    assert!(out.loss.is_finite() && out.grad_norm > 0.0);
}
