//! PDE-rollout models: the data description the engine passes, and a wrapper that turns a model's
//! one-step function into a full [`ModelCore`] (training loss and prediction by autoregressive
//! rollout, see [`crate::rollout`]).

use crate::adapter::{ModelCore, StepCtx};
use crate::batch::{Batch, Dim};
use crate::error::{Error, Result};
use crate::params::ParamStore;
use crate::rollout::{RelativeLoss, RolloutSpec};
use candle_core::Tensor;
use plugin_api::LayerWeights;

/// The `ModelInit.data` JSON of a PDE task:
/// `{"task":"pde-rollout","channels":C,"spatial":[X,Y],"initial_step":S,"t_train":T}`, and
/// optionally `"loss_weights":[w_1, .., w_C]` (positive; each channel's squared error in the
/// training loss is weighted) or `"relative_loss":{"scale":[..],"offset":[..]}` (the loss is the
/// relative error in physical units, see [`RelativeLoss`]), and `"sample_norm":true` (each
/// trajectory normalised by its own given frames, see [`RolloutSpec::sample_norm`]). Other keys are ignored, so the engine can add descriptive fields
/// without breaking models.
#[derive(Debug, Clone, PartialEq)]
pub struct PdeData {
    pub channels: usize,
    pub spatial: Vec<usize>,
    pub initial_step: usize,
    pub t_train: usize,
    pub loss_weights: Option<Vec<f32>>,
    /// `"relative_loss":{"scale":[..],"offset":[..]}`: train on the per-sample relative error in
    /// physical units (see [`RelativeLoss`]).
    pub relative: Option<RelativeLoss>,
    /// `"sample_norm":true`: the model sees each trajectory in its own units
    /// ([`RolloutSpec::sample_norm`]).
    pub sample_norm: bool,
}

impl PdeData {
    pub fn from_json(text: &str) -> Result<Self> {
        let err = |m: String| Error::Config(format!("model data description: {m}"));
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| err(format!("not valid JSON ({e})")))?;
        let obj = v
            .as_object()
            .ok_or_else(|| err("must be a JSON object".into()))?;
        match obj.get("task").and_then(|t| t.as_str()) {
            Some("pde-rollout") => {}
            Some(other) => {
                return Err(err(format!(
                    "key 'task' is '{other}', this model needs 'pde-rollout'"
                )))
            }
            None => {
                return Err(err(
                    "missing string key 'task' (expected \"pde-rollout\")".into()
                ))
            }
        }
        let uint = |key: &str| -> Result<usize> {
            let value = obj
                .get(key)
                .ok_or_else(|| err(format!("missing key '{key}'")))?;
            value
                .as_u64()
                .filter(|&n| n >= 1)
                .map(|n| n as usize)
                .ok_or_else(|| {
                    err(format!(
                        "key '{key}' must be a positive integer, got {value}"
                    ))
                })
        };
        let channels = uint("channels")?;
        let initial_step = uint("initial_step")?;
        let t_train = uint("t_train")?;
        let spatial_v = obj
            .get("spatial")
            .ok_or_else(|| err("missing key 'spatial'".into()))?;
        let spatial = spatial_v
            .as_array()
            .and_then(|a| {
                a.iter()
                    .map(|x| x.as_u64().filter(|&n| n >= 1).map(|n| n as usize))
                    .collect::<Option<Vec<_>>>()
            })
            .ok_or_else(|| {
                err(format!(
                    "key 'spatial' must be a list of positive integers, got {spatial_v}"
                ))
            })?;
        if t_train <= initial_step {
            return Err(err(format!(
                "t_train ({t_train}) must be larger than initial_step ({initial_step})"
            )));
        }
        let loss_weights = match obj.get("loss_weights") {
            None => None,
            Some(value) => {
                let weights = value
                    .as_array()
                    .and_then(|a| {
                        a.iter()
                            .map(|x| x.as_f64().filter(|w| w.is_finite() && *w > 0.0))
                            .collect::<Option<Vec<_>>>()
                    })
                    .filter(|w| w.len() == channels)
                    .ok_or_else(|| {
                        err(format!(
                            "key 'loss_weights' must be {channels} positive numbers (one per channel), got {value}"
                        ))
                    })?;
                Some(weights.into_iter().map(|w| w as f32).collect())
            }
        };
        let relative = match obj.get("relative_loss") {
            None => None,
            Some(value) => {
                let list = |key: &str, positive: bool| {
                    value.get(key).and_then(|v| v.as_array()).and_then(|a| {
                        a.iter().map(|x| x.as_f64().filter(|v| v.is_finite() && (!positive || *v > 0.0)).map(|v| v as f32)).collect::<Option<Vec<_>>>()
                    }).filter(|v| v.len() == channels)
                };
                match (list("scale", true), list("offset", false)) {
                    (Some(scale), Some(offset)) => Some(RelativeLoss { scale, offset }),
                    _ => {
                        return Err(err(format!(
                            "key 'relative_loss' must be {{\"scale\": {channels} positive numbers, \"offset\": {channels} numbers}}, got {value}"
                        )))
                    }
                }
            }
        };
        let sample_norm = match obj.get("sample_norm") {
            None => false,
            Some(v) => v
                .as_bool()
                .ok_or_else(|| err(format!("key 'sample_norm' must be true or false, got {v}")))?,
        };
        Ok(Self {
            channels,
            spatial,
            initial_step,
            t_train,
            loss_weights,
            relative,
            sample_norm,
        })
    }

    pub fn rollout(&self) -> RolloutSpec {
        RolloutSpec {
            initial_step: self.initial_step,
            t_train: self.t_train,
            loss_weights: self.loss_weights.clone(),
            relative: self.relative.clone(),
            sample_norm: self.sample_norm,
        }
    }

    /// The expected shape of the batch tensor `u`: `[B, X.., T >= t_train, C]`.
    pub fn u_dims(&self) -> Vec<Dim> {
        const NAMES: [&str; 3] = ["X", "Y", "Z"];
        let mut dims = vec![Dim::Any("B")];
        dims.extend(
            self.spatial
                .iter()
                .zip(NAMES)
                .map(|(&n, name)| Dim::Is(name, n)),
        );
        dims.push(Dim::AtLeast("T", self.t_train));
        dims.push(Dim::Is("C", self.channels));
        dims
    }
}

/// What a PDE model implements: its parameters and a one-step forward. [`PdeModel`] adds the
/// rollout, and [`crate::ModelAdapter`] the plugin.
pub trait PdeStep: Send + Sync + 'static {
    /// Per-batch values that stay the same over a rollout (FNO: the lifted grid coordinates).
    type Ctx;
    fn params(&self) -> &ParamStore;
    fn data(&self) -> &PdeData;
    /// The resolved model configuration as TOML (stored in checkpoints).
    fn config_toml(&self) -> String;
    /// Reads any extra batch inputs (`grid`) and precomputes per-batch values. `u` is the
    /// trajectory, already checked against [`PdeData::u_dims`].
    fn prepare(&self, batch: &Batch<'_>, u: &Tensor) -> Result<Self::Ctx>;
    /// One step: `[B, X.., S*C]` (time-major channels) to the next frame `[B, X.., C]`.
    fn step(&self, ctx: &Self::Ctx, input: &Tensor) -> Result<Tensor>;
    fn layer_weights(&self) -> Result<Vec<LayerWeights>>;
    /// Whether a sample's next frame depends on that sample alone (no batch statistics): the
    /// rollout losses are means over samples, so batches may then be split into chunks of samples
    /// trained in parallel ([`crate::ModelCore::per_sample_tensors`]). Default: no.
    fn samples_independent(&self) -> bool {
        false
    }
}

/// A [`PdeStep`] model trained and evaluated by autoregressive rollout on batch tensor `u`;
/// predictions are one tensor `pred` shaped `[B, X.., t_train, C]`.
pub struct PdeModel<M>(pub M);

impl<M: PdeStep> PdeModel<M> {
    fn trajectory(&self, batch: &Batch<'_>) -> Result<Tensor> {
        let data = self.0.data();
        let u = batch.tensor("u", &data.u_dims(), self.0.params().device())?;
        let tax = u.rank() - 2;
        Ok(u.narrow(tax, 0, data.t_train)?)
    }
}

impl<M: PdeStep> ModelCore for PdeModel<M> {
    fn params(&self) -> &ParamStore {
        self.0.params()
    }

    fn config_toml(&self) -> String {
        self.0.config_toml()
    }

    fn loss(&self, batch: &Batch<'_>, _ctx: &StepCtx) -> Result<Tensor> {
        let u = self.trajectory(batch)?;
        let ctx = self.0.prepare(batch, &u)?;
        self.0
            .data()
            .rollout()
            .train_loss(&u, |x| self.0.step(&ctx, x))
    }

    fn predict(&self, batch: &Batch<'_>) -> Result<Vec<(String, Tensor)>> {
        let u = self.trajectory(batch)?;
        let ctx = self.0.prepare(batch, &u)?;
        let pred = self
            .0
            .data()
            .rollout()
            .predict(&u, |x| self.0.step(&ctx, x))?;
        Ok(vec![("pred".to_string(), pred)])
    }

    fn layer_weights(&self) -> Result<Vec<LayerWeights>> {
        self.0.layer_weights()
    }

    fn per_sample_tensors(&self) -> &[&'static str] {
        if self.0.samples_independent() {
            &["u"]
        } else {
            &[]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_description_parses_and_validates() {
        let d = PdeData::from_json(r#"{"task":"pde-rollout","channels":4,"spatial":[64,64],"initial_step":10,"t_train":21,"name":"cfd"}"#).unwrap();
        assert_eq!(
            d,
            PdeData {
                channels: 4,
                spatial: vec![64, 64],
                initial_step: 10,
                t_train: 21,
                loss_weights: None,
                relative: None,
                sample_norm: false,
            }
        );
        let d = PdeData::from_json(r#"{"task":"pde-rollout","channels":2,"spatial":[8],"initial_step":2,"t_train":3,"loss_weights":[0.5,1.5]}"#).unwrap();
        assert_eq!(d.rollout().loss_weights, Some(vec![0.5, 1.5]));
        let d = PdeData::from_json(r#"{"task":"pde-rollout","channels":2,"spatial":[8],"initial_step":2,"t_train":3,"relative_loss":{"scale":[2,0.5],"offset":[1,-1]}}"#).unwrap();
        assert_eq!(d.rollout().relative, Some(RelativeLoss { scale: vec![2.0, 0.5], offset: vec![1.0, -1.0] }));
        assert!(!d.rollout().sample_norm);
        let d = PdeData::from_json(r#"{"task":"pde-rollout","channels":2,"spatial":[8],"initial_step":2,"t_train":3,"sample_norm":true}"#).unwrap();
        assert!(d.rollout().sample_norm);
        let cases = [
            ("[]", "must be a JSON object"),
            (
                r#"{"task":"classification"}"#,
                "key 'task' is 'classification'",
            ),
            (
                r#"{"task":"pde-rollout","channels":4,"spatial":[8],"initial_step":2}"#,
                "missing key 't_train'",
            ),
            (
                r#"{"task":"pde-rollout","channels":0,"spatial":[8],"initial_step":2,"t_train":3}"#,
                "key 'channels' must be a positive integer",
            ),
            (
                r#"{"task":"pde-rollout","channels":1,"spatial":"8","initial_step":2,"t_train":3}"#,
                "key 'spatial' must be a list",
            ),
            (
                r#"{"task":"pde-rollout","channels":1,"spatial":[8],"initial_step":3,"t_train":3}"#,
                "t_train (3) must be larger",
            ),
            (
                r#"{"task":"pde-rollout","channels":2,"spatial":[8],"initial_step":2,"t_train":3,"loss_weights":[1.0]}"#,
                "key 'loss_weights' must be 2 positive numbers",
            ),
            (
                r#"{"task":"pde-rollout","channels":2,"spatial":[8],"initial_step":2,"t_train":3,"relative_loss":{"scale":[1.0,0.0],"offset":[0,0]}}"#,
                "key 'relative_loss' must be {\"scale\": 2 positive numbers",
            ),
            (
                r#"{"task":"pde-rollout","channels":2,"spatial":[8],"initial_step":2,"t_train":3,"sample_norm":"yes"}"#,
                "key 'sample_norm' must be true or false",
            ),
            (
                r#"{"task":"pde-rollout","channels":2,"spatial":[8],"initial_step":2,"t_train":3,"loss_weights":[1.0,-1.0]}"#,
                "key 'loss_weights' must be 2 positive numbers",
            ),
        ];
        for (json, want) in cases {
            let e = PdeData::from_json(json).unwrap_err().to_string();
            assert!(e.contains(want), "{json}: {e}");
            assert!(!e.contains('\n'));
        }
    }
}
