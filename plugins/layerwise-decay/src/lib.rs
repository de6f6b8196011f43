//! Scheduler plugin `layerwise-decay`: layer-wise learning-rate decay (LLRD) by block depth.
//!
//! The standard form (tempbalance-spec.md §6): with `L` blocks numbered by depth `l = 1..L` from the
//! input side, block `l` trains at `eta * xi^(L - l)`. The model declares 0-based block indices
//! `b`, so a group in block `b` (depth `l = b + 1`) gets
//!
//! ```text
//! lr_g = incoming_g * xi^(L - 1 - b)
//! ```
//!
//! The top block keeps the incoming rate and each block below it is `xi` times slower.
//! `L` is the number of blocks (largest block index + 1) unless `num_blocks` is configured.
//!
//! Groups without a block are placed by configuration:
//! - `embeddings` (groups of kind `embedding`), default `"bottom"`: depth 0, so they get `xi^L`,
//!   one step below the lowest block (the usual transformer LLRD).
//! - `unblocked` (every other block-less group: heads, stems, the fc0/fc1/fc2 layers of an FNO),
//!   default `"keep"`: the incoming rate, like the top block.
//!
//! Setting `num_blocks` to the block count + 1 gives the ELECTRA/BEiT variant, where the top block
//! is already decayed once (`xi^(L - b)` with `L` the block count) and only the `"keep"` groups keep
//! the incoming rate.
//!
//! It multiplies the incoming plan, so it composes when stacked (`--scheduler tempbalance+layerwise-decay`
//! decays TempBalance's rates). Weight decay and SAM settings pass through. It is stateless.

use plugin_api::{LayerKind, MetricsView, NoState, ParamGroupInfo, SchedulerLogic, StepContext, StepPlan};
use serde::{Deserialize, Serialize};

/// The plugin's name, as users type it.
pub const NAME: &str = "layerwise-decay";

/// The default configuration (what `engine plugins describe layerwise-decay` prints).
pub const DEFAULT_CONFIG: &str = r#"# layerwise-decay: a group in block b (0-based) trains at incoming * xi^(L - 1 - b),
# so the top block keeps the incoming rate and each lower block is xi times slower.

# Decay factor per block, in (0, 1]. 0.9 is a typical value (0.8 to 0.95 are common).
xi = 0.9
# L, the number of blocks. 0 means the model's largest block index + 1. A larger value decays every
# block further (num_blocks = blocks + 1 is the ELECTRA/BEiT form: the top block gets xi).
num_blocks = 0
# Embedding groups (no block): "bottom" = depth 0, xi^L, one below the lowest block;
# "keep" = the incoming rate.
embeddings = "bottom"
# Every other group without a block (heads, stems, an FNO's fc0/fc1/fc2): "keep" or "bottom".
unblocked = "keep"
"#;

/// Where a group without a block is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Placement {
    /// Depth 0: `xi^L`, below the lowest block.
    Bottom,
    /// The incoming rate (depth `L`, like the top block).
    Keep,
}

/// The `[plugins.layerwise-decay]` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub xi: f64,
    /// 0: the model's largest block index + 1.
    pub num_blocks: u32,
    pub embeddings: Placement,
    pub unblocked: Placement,
}

impl Default for Config {
    fn default() -> Self {
        Config { xi: 0.9, num_blocks: 0, embeddings: Placement::Bottom, unblocked: Placement::Keep }
    }
}

impl Config {
    /// The learning-rate multiplier of every group, in order, and a warning when the model has no
    /// blocks (every multiplier is then 1 unless embeddings are placed at the bottom of zero blocks,
    /// which is also 1).
    pub fn multipliers(&self, groups: &[ParamGroupInfo]) -> Result<(Vec<f64>, Option<String>), String> {
        let max_block = groups.iter().filter_map(|g| g.block.into_option()).max();
        let model_blocks = max_block.map_or(0, |b| b + 1);
        let l = match self.num_blocks {
            0 => model_blocks,
            n if n >= model_blocks => n,
            n => {
                let g = groups.iter().find(|g| g.block.into_option().is_some_and(|b| b >= n)).expect("a group above n");
                return Err(format!(
                    "group `{}` is in block {} but `num_blocks` is {n}; set num_blocks to at least {model_blocks}, or 0 for the model's count",
                    g.name,
                    g.block.unwrap()
                ));
            }
        };
        let multipliers = groups
            .iter()
            .map(|g| {
                let depth = match g.block.into_option() {
                    Some(b) => b + 1,
                    None => {
                        let placement = if g.kind == LayerKind::Embedding { self.embeddings } else { self.unblocked };
                        match placement {
                            Placement::Bottom => 0,
                            Placement::Keep => l,
                        }
                    }
                };
                self.xi.powi((l - depth) as i32)
            })
            .collect();
        let warning = (model_blocks == 0).then(|| {
            format!("{NAME}: the model declares no blocks, so every group keeps its incoming learning rate")
        });
        Ok((multipliers, warning))
    }
}

/// The scheduler: stateless, its plan depends only on the configuration and the groups.
#[derive(Debug, Clone, Default)]
pub struct LayerwiseDecay {
    pub config: Config,
}

impl SchedulerLogic for LayerwiseDecay {
    type Config = Config;
    type State = NoState;

    fn new(config: Config) -> Result<Self, String> {
        if !(config.xi.is_finite() && config.xi > 0.0 && config.xi <= 1.0) {
            return Err(format!("`xi` is {}; it must be in (0, 1] (0.9 is typical)", config.xi));
        }
        Ok(LayerwiseDecay { config })
    }

    fn plan(&mut self, _: &StepContext, groups: &[ParamGroupInfo], _: Option<MetricsView<'_>>, mut plan: StepPlan) -> Result<StepPlan, String> {
        let (multipliers, warning) = self.config.multipliers(groups)?;
        for entry in plan.groups.iter_mut() {
            let i = groups
                .iter()
                .position(|g| g.name == entry.group)
                .ok_or_else(|| format!("the incoming plan names group `{}`, which the model does not have", entry.group))?;
            entry.lr *= multipliers[i];
        }
        if let Some(w) = warning {
            plan.warnings.push(w.into());
        }
        Ok(plan)
    }
}

plugin_api::export_scheduler! {
    name: NAME,
    description: "layer-wise learning-rate decay: block b of L at xi^(L-1-b) times the incoming rate",
    scheduler: LayerwiseDecay,
    describe: DEFAULT_CONFIG,
}

#[cfg(test)]
mod tests {
    use super::*;
    use plugin_api::abi_stable::std_types::{ROption, RStr};
    use plugin_api::sdk::{new_scheduler, Exported};
    use plugin_api::{ParamInfo, Scheduler};

    fn group(name: &str, kind: LayerKind, block: Option<u32>) -> ParamGroupInfo {
        ParamGroupInfo {
            name: name.into(),
            kind,
            block: block.into(),
            params: vec![ParamInfo { name: format!("{name}.weight").into(), shape: vec![2, 2].into(), decay: true }].into(),
            num_params: 4,
        }
    }

    /// A small transformer: embeddings, three blocks, a norm inside a block, a head.
    fn transformer() -> Vec<ParamGroupInfo> {
        vec![
            group("embeddings", LayerKind::Embedding, None),
            group("layer.0.attn", LayerKind::Linear, Some(0)),
            group("layer.0.norm", LayerKind::Norm, Some(0)),
            group("layer.1.attn", LayerKind::Linear, Some(1)),
            group("layer.2.attn", LayerKind::Linear, Some(2)),
            group("head", LayerKind::Head, None),
        ]
    }

    /// The FNO2d groups: fc0, four blocks of (spectral, pointwise), fc1, fc2.
    fn fno() -> Vec<ParamGroupInfo> {
        let mut g = vec![group("fc0", LayerKind::Linear, None)];
        for b in 0..4 {
            g.push(group(&format!("blocks.{b}.spectral"), LayerKind::SpectralComplex, Some(b)));
            g.push(group(&format!("blocks.{b}.pointwise"), LayerKind::Conv2d, Some(b)));
        }
        g.push(group("fc1", LayerKind::Linear, None));
        g.push(group("fc2", LayerKind::Linear, None));
        g
    }

    fn ctx(step: u64, base_lr: f64) -> StepContext {
        StepContext { epoch: step / 4, step, step_in_epoch: step % 4, steps_per_epoch: 4, total_steps: 40, base_lr, weight_decay: 1e-4 }
    }

    fn decay(text: &str) -> Result<Exported<LayerwiseDecay>, String> {
        new_scheduler::<LayerwiseDecay>(text)
    }

    fn parse(text: &str) -> Result<Config, String> {
        decay(text).map(|s| s.0.config)
    }

    fn plan(s: &mut Exported<LayerwiseDecay>, groups: &[ParamGroupInfo], step: u64, incoming: &StepPlan) -> StepPlan {
        s.plan(ctx(step, incoming.groups[0].lr), groups.into(), ROption::RNone, incoming).unwrap()
    }

    fn lrs(plan: &StepPlan) -> Vec<f64> {
        plan.groups.iter().map(|g| g.lr).collect()
    }

    fn assert_close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() <= 1e-15 * y.abs().max(1e-300), "{a:?} != {b:?}");
        }
    }

    #[test]
    fn a_sequence_of_plans_follows_the_formula() {
        let groups = transformer();
        let mut s = decay("xi = 0.8").unwrap();
        // L = 3: embeddings xi^3, block 0 xi^2, block 1 xi, block 2 and the head the incoming rate.
        let expected = [0.8f64.powi(3), 0.64, 0.64, 0.8, 1.0, 1.0];
        for (step, eta) in [(0, 1e-3), (1, 8e-4), (2, 5e-4), (7, 1e-5)] {
            let incoming = StepPlan::uniform(&groups, eta, 1e-4);
            let p = plan(&mut s, &groups, step, &incoming);
            assert_close(&lrs(&p), &expected.map(|m| m * eta));
            assert!(p.groups.iter().all(|g| g.weight_decay == 1e-4));
            assert!(p.warnings.is_empty() && p.sam == ROption::RNone);
        }
    }

    #[test]
    fn fno_blocks_decay_and_the_fc_layers_keep_the_rate() {
        let groups = fno();
        let mut s = decay("").unwrap();
        let p = plan(&mut s, &groups, 0, &StepPlan::uniform(&groups, 1.0, 0.0));
        let xi: f64 = 0.9;
        let mut expected = vec![1.0];
        for b in 0..4 {
            expected.extend([xi.powi(3 - b), xi.powi(3 - b)]);
        }
        expected.extend([1.0, 1.0]);
        assert_close(&lrs(&p), &expected);

        // Placing the block-less groups at the bottom and counting one extra block.
        let mut s = decay("unblocked = \"bottom\"\nnum_blocks = 5").unwrap();
        let p = plan(&mut s, &groups, 0, &StepPlan::uniform(&groups, 1.0, 0.0));
        let mut expected = vec![xi.powi(5)];
        for b in 0..4 {
            expected.extend([xi.powi(4 - b), xi.powi(4 - b)]);
        }
        expected.extend([xi.powi(5), xi.powi(5)]);
        assert_close(&lrs(&p), &expected);
    }

    #[test]
    fn it_multiplies_the_incoming_plan() {
        let groups = transformer();
        let mut s = decay("xi = 0.5\nembeddings = \"keep\"").unwrap();
        let mut incoming = StepPlan::uniform(&groups, 1.0, 0.01);
        for (i, g) in incoming.groups.iter_mut().enumerate() {
            g.lr = (i + 1) as f64;
        }
        incoming.warnings.push("earlier".into());
        incoming.sam = ROption::RSome(plugin_api::SamPlan { rho: 0.05, adaptive: false });
        let p = plan(&mut s, &groups, 3, &incoming);
        assert_close(&lrs(&p), &[1.0, 2.0 * 0.25, 3.0 * 0.25, 4.0 * 0.5, 5.0, 6.0]);
        assert_eq!(p.sam, incoming.sam);
        assert_eq!(p.warnings.as_slice(), incoming.warnings.as_slice());
        // Applied twice (stacked with itself), the multipliers compound.
        let twice = plan(&mut s, &groups, 3, &p);
        assert_close(&lrs(&twice), &[1.0, 2.0 * 0.0625, 3.0 * 0.0625, 4.0 * 0.25, 5.0, 6.0]);
    }

    #[test]
    fn a_model_without_blocks_is_left_alone_with_a_warning() {
        let groups = vec![group("embed", LayerKind::Embedding, None), group("fc", LayerKind::Linear, None)];
        let mut s = decay("").unwrap();
        let p = plan(&mut s, &groups, 0, &StepPlan::uniform(&groups, 0.1, 0.0));
        assert_close(&lrs(&p), &[0.1, 0.1]);
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("no blocks"), "{}", p.warnings[0]);
    }

    #[test]
    fn too_few_configured_blocks_name_the_group() {
        let groups = fno();
        let mut s = decay("num_blocks = 2").unwrap();
        let err = s
            .plan(ctx(0, 1.0), groups.as_slice().into(), ROption::RNone, &StepPlan::uniform(&groups, 1.0, 0.0))
            .unwrap_err();
        assert!(err.contains("`blocks.2.spectral` is in block 2") && err.contains("at least 4"), "{err}");
    }

    #[test]
    fn save_restore_gives_the_same_plans() {
        let groups = fno();
        let mut a = decay("xi = 0.7").unwrap();
        let before: Vec<StepPlan> = (0..3).map(|s| plan(&mut a, &groups, s, &StepPlan::uniform(&groups, 1e-3, 0.0))).collect();
        let state = a.save_state().unwrap();
        assert_eq!(state.as_str(), "{}");
        let mut b = decay("xi = 0.7").unwrap();
        b.load_state(state.as_rstr()).unwrap();
        for step in 3..6 {
            let incoming = StepPlan::uniform(&groups, 1e-3 / (step as f64), 0.0);
            assert_eq!(plan(&mut a, &groups, step, &incoming), plan(&mut b, &groups, step, &incoming));
        }
        assert_eq!(before[0], before[2]);
        assert!(b.load_state(RStr::from("[1]")).is_err());
        assert!(b.load_state(RStr::from("not json")).is_err());
    }

    #[test]
    fn configuration_is_validated() {
        assert_eq!(parse("").unwrap(), Config::default());
        let c = parse("xi = 1\nnum_blocks = 12\nembeddings = \"keep\"\nunblocked = \"bottom\"").unwrap();
        assert_eq!(c, Config { xi: 1.0, num_blocks: 12, embeddings: Placement::Keep, unblocked: Placement::Bottom });
        for (text, needle) in [
            ("xii = 0.9", "unknown field `xii`"),
            ("xi = 0", "`xi` is 0"),
            ("xi = 1.5", "(0, 1]"),
            ("xi = \"high\"", "`xi = \"high\"`"),
            ("num_blocks = -1", "`num_blocks = -1`"),
            ("embeddings = \"top\"", "unknown variant `top`, expected `bottom` or `keep`"),
            ("unblocked = 1", "`unblocked = 1`"),
        ] {
            let err = parse(text).err().unwrap();
            assert!(err.contains(needle), "{text}: {err}");
        }
        // The default configuration parses to the defaults.
        assert_eq!(parse(DEFAULT_CONFIG).unwrap(), Config::default());
    }
}
