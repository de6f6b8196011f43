//! The generic adapter driven through the plugin ABI trait object, with a toy linear model:
//! training, prediction, layer weights, checkpoints (round trip, metadata, every load error),
//! panic containment and one-line errors.

use candle_core::{Device, Tensor};
use model_runtime::checkpoint::{
    read_f32_safetensors, write_f32_safetensors, MODEL_FILE, OPTIMIZER_FILE,
};
use model_runtime::{
    real_layer_weights, Batch, Dim, Init, ModelAdapter, ModelCore, ParamStore, PluginMeta, Result,
    StepCtx,
};
use plugin_api::abi_stable::sabi_trait::TD_Opaque;
use plugin_api::abi_stable::std_types::{RResult, RVec};
use plugin_api::{
    LayerKind, LayerWeights, ModelBox, Model_TO, OptimizerKind, OptimizerSpec, StepPlan, TensorData,
};
use std::path::PathBuf;

struct Toy {
    params: ParamStore,
    w: Tensor,
    b: Tensor,
    panic_in_loss: bool,
}

impl Toy {
    fn new(seed: u64) -> Self {
        let mut params = ParamStore::new(seed, &Device::Cpu);
        params.group("lin", LayerKind::Linear, None).unwrap();
        let w = params
            .param("weight", &[2, 3], Init::torch_default(3), true)
            .unwrap();
        let b = params
            .param("bias", &[2], Init::torch_default(3), false)
            .unwrap();
        Self {
            params,
            w,
            b,
            panic_in_loss: false,
        }
    }

    fn forward(&self, batch: &Batch<'_>) -> Result<Tensor> {
        let x = batch.tensor("x", &[Dim::Any("N"), Dim::Is("F", 3)], &Device::Cpu)?;
        Ok(x.matmul(&self.w.t()?)?.broadcast_add(&self.b)?)
    }
}

impl ModelCore for Toy {
    fn params(&self) -> &ParamStore {
        &self.params
    }
    fn config_toml(&self) -> String {
        "features = 3\n".into()
    }
    fn loss(&self, batch: &Batch<'_>, _ctx: &StepCtx) -> Result<Tensor> {
        if self.panic_in_loss {
            panic!("toy loss exploded");
        }
        let y = batch.tensor("y", &[Dim::Any("N"), Dim::Is("O", 2)], &Device::Cpu)?;
        Ok((self.forward(batch)? - &y)?.sqr()?.mean_all()?)
    }
    fn predict(&self, batch: &Batch<'_>) -> Result<Vec<(String, Tensor)>> {
        Ok(vec![("y".into(), self.forward(batch)?)])
    }
    fn layer_weights(&self) -> Result<Vec<LayerWeights>> {
        Ok(vec![real_layer_weights(&self.params, "lin", "lin.weight")?])
    }
}

const META: PluginMeta = PluginMeta {
    name: "toy",
    version: "9.9.9",
};

fn adam() -> OptimizerSpec {
    OptimizerSpec {
        kind: OptimizerKind::Adam,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        momentum: 0.0,
        nesterov: false,
        grad_clip: 0.0,
    }
}

fn boxed(toy: Toy) -> ModelBox {
    Model_TO::from_value(ModelAdapter::new(toy, adam(), META).unwrap(), TD_Opaque)
}

fn batch() -> Vec<TensorData> {
    let x: Vec<f32> = (0..24).map(|i| ((i * 7 % 11) as f32 - 5.0) / 5.0).collect();
    // y = x A^T + c for a fixed A, c.
    let a = [[0.5f32, -1.0, 2.0], [1.5, 0.25, -0.5]];
    let mut y = Vec::new();
    for n in 0..8 {
        for row in &a {
            y.push((0..3).map(|f| row[f] * x[n * 3 + f]).sum::<f32>() + 0.3);
        }
    }
    vec![
        TensorData {
            name: "x".into(),
            shape: RVec::from(vec![8u64, 3]),
            data: x.into(),
        },
        TensorData {
            name: "y".into(),
            shape: RVec::from(vec![8u64, 2]),
            data: y.into(),
        },
    ]
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("model-runtime-test-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn train(m: &mut ModelBox, data: &[TensorData], steps: usize, lr: f64) -> Vec<f64> {
    let views: Vec<_> = data.iter().map(TensorData::view).collect();
    let plan = StepPlan::uniform(&m.param_groups(), lr, 0.0);
    (0..steps)
        .map(|_| m.train_step(views.as_slice().into(), &plan).unwrap().loss)
        .collect()
}

fn predict(m: &mut ModelBox, data: &[TensorData]) -> Vec<f32> {
    let views: Vec<_> = data.iter().map(TensorData::view).collect();
    m.predict(views.as_slice().into()).unwrap()[0].data.to_vec()
}

#[test]
fn trains_predicts_and_exports_through_the_abi() {
    let mut m = boxed(Toy::new(3));
    let groups = m.param_groups();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].name.as_str(), "lin");
    assert_eq!(groups[0].num_params, 8);
    let data = batch();
    let losses = train(&mut m, &data, 300, 0.05);
    assert!(
        losses[299] < losses[0] * 1e-3,
        "loss {} -> {}",
        losses[0],
        losses[299]
    );
    let views: Vec<_> = data.iter().map(TensorData::view).collect();
    let preds = m.predict(views.as_slice().into()).unwrap();
    assert_eq!(preds.len(), 1);
    assert_eq!(preds[0].name.as_str(), "y");
    assert_eq!(preds[0].shape.as_slice(), &[8, 2]);
    let lw = m.layer_weights().unwrap();
    assert_eq!(lw[0].group.as_str(), "lin");
    assert_eq!(lw[0].kind, LayerKind::Linear);
    assert_eq!(lw[0].shape.as_slice(), &[2, 3]);
    assert!(
        (lw[0].re[2] - 2.0).abs() < 0.05,
        "learned A[0][2] = {}",
        lw[0].re[2]
    );
    assert!(lw[0].im.is_empty());
}

#[test]
fn errors_are_one_line_and_name_the_plugin_and_panics_are_contained() {
    let mut m = boxed(Toy::new(0));
    let data = batch();
    let views: Vec<_> = data[..1].iter().map(TensorData::view).collect();
    let plan = StepPlan::uniform(&m.param_groups(), 0.1, 0.0);
    let e = m.train_step(views.as_slice().into(), &plan).unwrap_err();
    assert_eq!(e.as_str(), "toy: the batch has no tensor 'y' (it has: x)");

    let mut toy = Toy::new(0);
    toy.panic_in_loss = true;
    let mut m = boxed(toy);
    let views: Vec<_> = data.iter().map(TensorData::view).collect();
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r = m.train_step(views.as_slice().into(), &plan);
    std::panic::set_hook(prev);
    match r {
        RResult::RErr(e) => assert_eq!(e.as_str(), "panicked in toy.train_step: toy loss exploded"),
        RResult::ROk(_) => panic!("expected an error"),
    }
}

#[test]
fn checkpoint_round_trip_resumes_bitwise() {
    let data = batch();
    let mut a = boxed(Toy::new(1));
    train(&mut a, &data, 5, 0.05);
    let dir = tmpdir("roundtrip");
    a.save_checkpoint(
        dir.to_str().unwrap().into(),
        r#"{"epoch": 3, "run": "abc"}"#.into(),
    )
    .unwrap();

    // Metadata: the runtime's keys and the engine's entries.
    let f = read_f32_safetensors(&dir.join(MODEL_FILE)).unwrap();
    assert_eq!(f.metadata["plugin"], "toy");
    assert_eq!(f.metadata["plugin_version"], "9.9.9");
    assert_eq!(f.metadata["model_config"], "features = 3\n");
    assert_eq!(f.metadata["epoch"], "3");
    assert_eq!(f.metadata["run"], "abc");
    assert_eq!(f.tensors["lin.weight"].0, vec![2, 3]);
    let o = read_f32_safetensors(&dir.join(OPTIMIZER_FILE)).unwrap();
    assert_eq!(o.metadata["step"], "5");
    assert_eq!(o.metadata["optimizer"], "adam");
    assert!(o.tensors.contains_key("lin.bias.exp_avg_sq"));

    let mut b = boxed(Toy::new(99));
    assert_ne!(predict(&mut a, &data), predict(&mut b, &data));
    b.load_checkpoint(dir.to_str().unwrap().into(), false)
        .unwrap();
    assert_eq!(predict(&mut a, &data), predict(&mut b, &data));
    // Same optimizer state: the next steps are bitwise identical.
    assert_eq!(train(&mut a, &data, 3, 0.05), train(&mut b, &data, 3, 0.05));
    assert_eq!(predict(&mut a, &data), predict(&mut b, &data));

    // weights_only keeps the optimizer state of the receiving model.
    let mut c = boxed(Toy::new(99));
    c.load_checkpoint(dir.to_str().unwrap().into(), true)
        .unwrap();
    let mut d = boxed(Toy::new(5));
    d.load_checkpoint(dir.to_str().unwrap().into(), true)
        .unwrap();
    assert_eq!(train(&mut c, &data, 2, 0.05), train(&mut d, &data, 2, 0.05));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn checkpoint_load_errors_name_file_and_key_and_change_nothing() {
    let data = batch();
    let mut a = boxed(Toy::new(1));
    let dir = tmpdir("errors");
    let d = dir.to_str().unwrap();
    a.save_checkpoint(d.into(), "".into()).unwrap();
    let model = dir.join(MODEL_FILE);
    let good = read_f32_safetensors(&model).unwrap();
    let mut b = boxed(Toy::new(2));
    let before = predict(&mut b, &data);

    type Tensors = Vec<(String, Vec<usize>, Vec<f32>)>;
    type Meta = std::collections::HashMap<String, String>;
    let rewrite = |edit: &dyn Fn(&mut Tensors, &mut Meta)| {
        let mut t: Vec<_> = good
            .tensors
            .iter()
            .map(|(k, (s, v))| (k.clone(), s.clone(), v.clone()))
            .collect();
        let mut meta = good.metadata.clone();
        edit(&mut t, &mut meta);
        write_f32_safetensors(&model, &t, meta).unwrap();
    };
    let mut check = |want: &str| {
        let e = b.load_checkpoint(d.into(), false).unwrap_err();
        assert!(
            e.as_str().starts_with("toy: checkpoint ") && e.contains(want),
            "{e}"
        );
        assert!(!e.contains('\n'));
    };

    rewrite(&|t, _| t.retain(|(k, _, _)| k != "lin.bias"));
    check("model.safetensors: missing key 'lin.bias'");
    rewrite(&|t, _| {
        for e in t.iter_mut().filter(|e| e.0 == "lin.weight") {
            e.1 = vec![3, 2];
        }
    });
    check("key 'lin.weight' has shape [3, 2], the model expects [2, 3]");
    rewrite(&|t, _| t.push(("lin.extra".into(), vec![1], vec![0.0])));
    check("unexpected key 'lin.extra'");
    rewrite(&|_, m| {
        m.insert("plugin".into(), "unet2d".into());
    });
    check("written by model plugin 'unet2d'");
    std::fs::write(&model, b"definitely not safetensors").unwrap();
    check("model.safetensors: not a safetensors file or corrupt");
    std::fs::remove_file(&model).unwrap();
    check("model.safetensors: cannot read");
    rewrite(&|_, _| {});
    let opt = dir.join(OPTIMIZER_FILE);
    let o = read_f32_safetensors(&opt).unwrap();
    let ot: Vec<_> = o
        .tensors
        .iter()
        .map(|(k, (s, v))| (k.clone(), s.clone(), v.clone()))
        .collect();
    let mut om = o.metadata.clone();
    om.insert("optimizer".into(), "sgd".into());
    write_f32_safetensors(&opt, &ot, om).unwrap();
    check("optimizer.safetensors: metadata key 'optimizer' is 'sgd' but this run uses 'adam'");
    let ot2: Vec<_> = ot
        .iter()
        .filter(|t| t.0 != "lin.weight.exp_avg")
        .cloned()
        .collect();
    write_f32_safetensors(&opt, &ot2, o.metadata.clone()).unwrap();
    check("optimizer.safetensors: missing key 'lin.weight.exp_avg'");
    // Nothing was loaded by any failed attempt.
    assert_eq!(predict(&mut b, &data), before);
    // weights_only ignores the broken optimizer file.
    b.load_checkpoint(d.into(), true).unwrap();
    assert_eq!(predict(&mut b, &data), predict(&mut a, &data));

    let e = a
        .save_checkpoint(d.into(), r#"{"plugin": "x"}"#.into())
        .unwrap_err();
    assert!(e.contains("metadata key 'plugin' is reserved"), "{e}");
    let e = a.save_checkpoint(d.into(), "[1, 2]".into()).unwrap_err();
    assert!(e.contains("must be a JSON object"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sgd_momentum_state_round_trips_and_plain_sgd_has_none() {
    let data = batch();
    let sgd = |momentum: f64| OptimizerSpec {
        kind: OptimizerKind::Sgd,
        momentum,
        nesterov: momentum > 0.0,
        ..adam()
    };
    for momentum in [0.9, 0.0] {
        let mk = |seed| -> ModelBox {
            Model_TO::from_value(
                ModelAdapter::new(Toy::new(seed), sgd(momentum), META).unwrap(),
                TD_Opaque,
            )
        };
        let mut a = mk(1);
        train(&mut a, &data, 3, 0.01);
        let dir = tmpdir(&format!("sgd-{momentum}"));
        a.save_checkpoint(dir.to_str().unwrap().into(), "".into())
            .unwrap();
        let o = read_f32_safetensors(&dir.join(OPTIMIZER_FILE)).unwrap();
        assert_eq!(o.metadata["optimizer"], "sgd");
        assert_eq!(
            o.tensors.contains_key("lin.weight.momentum_buffer"),
            momentum > 0.0
        );
        let mut b = mk(2);
        b.load_checkpoint(dir.to_str().unwrap().into(), false)
            .unwrap();
        assert_eq!(train(&mut a, &data, 2, 0.01), train(&mut b, &data, 2, 0.01));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
