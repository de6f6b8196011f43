//! The plugin's configuration: a TOML section, every key optional.
//!
//! Unknown keys, wrong types and out-of-range values are one-line [`TbError::Config`] errors naming
//! the key. [`DEFAULT_CONFIG`] is what `describe()` prints; a test checks that it parses to
//! [`TbConfig::default`].

use crate::TbError;
use plugin_api::LayerKind;

/// How a unit's metric becomes its learning-rate multiplier (tempbalance-spec.md §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assignment {
    /// `tb_std_sigmoid`: `d = m - mean(m)`, multiplier `10^(s·(σ(τ d) − ½))`, `s = s_max` for
    /// `d > 0`, else `s_min`.
    Sigmoid,
    /// `tb_linear_map`: `s1 + (s2 − s1)(m − min)/(max − min)`.
    Linear,
    /// `tb_step` / `tbr`: `s1 + (s2 − s1)·r/n`, r = rank by ascending metric.
    Rank,
    /// `tb_sqrt`: `n·sqrt(m)/Σ sqrt(m)`.
    Sqrt,
    /// `tb_log2`: `n·log2(m)/Σ log2(m)`; every metric must be > 1.
    Log2,
}

impl Assignment {
    const ALL: [Assignment; 5] = [
        Assignment::Sigmoid,
        Assignment::Linear,
        Assignment::Rank,
        Assignment::Sqrt,
        Assignment::Log2,
    ];

    /// The name used in configs.
    pub fn as_str(self) -> &'static str {
        match self {
            Assignment::Sigmoid => "sigmoid",
            Assignment::Linear => "linear",
            Assignment::Rank => "rank",
            Assignment::Sqrt => "sqrt",
            Assignment::Log2 => "log2",
        }
    }
}

/// Which per-layer value drives the assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// PL_Alpha_Hill (`LayerMetrics::alpha`).
    Alpha,
    /// Largest eigenvalue (`LayerMetrics::spectral_norm`).
    SpectralNorm,
    /// `alpha · log10(spectral_norm)` (`LayerMetrics::alpha_hat`).
    AlphaHat,
}

impl Metric {
    const ALL: [Metric; 3] = [Metric::Alpha, Metric::SpectralNorm, Metric::AlphaHat];

    /// The name used in configs.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Alpha => "alpha",
            Metric::SpectralNorm => "spectral_norm",
            Metric::AlphaHat => "alpha_hat",
        }
    }

    /// The value of this metric in a row.
    pub fn of(self, row: &plugin_api::LayerMetrics) -> f64 {
        match self {
            Metric::Alpha => row.alpha,
            Metric::SpectralNorm => row.spectral_norm,
            Metric::AlphaHat => row.alpha_hat,
        }
    }
}

/// What one multiplier is computed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Every eligible layer on its own ([TB], [MB] SciML).
    Layer,
    /// The mean metric of each block's eligible layers ([MB] NLP `tb_layer_blocks`, `tb_unit=block`).
    Block,
}

impl Unit {
    /// The name used in configs.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Layer => "layer",
            Unit::Block => "block",
        }
    }
}

/// The unit of `interval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntervalUnit {
    Epochs,
    Steps,
}

impl IntervalUnit {
    /// The name used in configs.
    pub fn as_str(self) -> &'static str {
        match self {
            IntervalUnit::Epochs => "epochs",
            IntervalUnit::Steps => "steps",
        }
    }
}

/// Settings of the scheduler. Field names are the TOML keys.
#[derive(Debug, Clone, PartialEq)]
pub struct TbConfig {
    pub assignment: Assignment,
    pub metric: Metric,
    /// Sigmoid temperature τ.
    pub temperature: f64,
    /// Sigmoid scale for units below (or at) the mean.
    pub s_min: f64,
    /// Sigmoid scale for units above the mean.
    pub s_max: f64,
    /// Sigmoid scale from the metric's spread instead of `s_min`/`s_max`: s = log10(max/min) over
    /// the balanced units, at every analysis (our addition; no per-data-size grid).
    pub s_auto: bool,
    /// Lower end of the `linear` / `rank` multiplier range.
    pub s1: f64,
    /// Upper end of the `linear` / `rank` multiplier range.
    pub s2: f64,
    pub unit: Unit,
    /// Analyse every `interval` units; 0 with `steps` = the reference's automatic
    /// `min(100, max(1, steps_per_epoch / 10))`.
    pub interval: u64,
    pub interval_unit: IntervalUnit,
    /// Layer kinds that may be balanced.
    pub kinds: Vec<LayerKind>,
    /// Layers whose metrics row has fewer eigenvalues (`num_eigs`) are not balanced.
    pub min_eigs: u64,
    /// Leave the first eligible layer (model order) at its incoming rate.
    pub exclude_first: bool,
    /// Leave the last eligible layer (model order) at its incoming rate.
    pub exclude_last: bool,
    /// Divide the multipliers by their mean over the balanced units.
    pub normalize: bool,
}

/// The default `s` (= `s_min` = `s_max`): [MB]'s SciML value for its smallest training set
/// (`reduced_batch = 180`, 50 trajectories); see the docs for the whole table.
pub const DEFAULT_S: f64 = 1.0;

impl Default for TbConfig {
    fn default() -> Self {
        Self {
            assignment: Assignment::Sigmoid,
            metric: Metric::Alpha,
            temperature: 10.0,
            s_min: DEFAULT_S,
            s_max: DEFAULT_S,
            s_auto: false,
            s1: 0.5,
            s2: 1.5,
            unit: Unit::Layer,
            interval: 1,
            interval_unit: IntervalUnit::Epochs,
            kinds: vec![LayerKind::Linear, LayerKind::Conv1d, LayerKind::Conv2d],
            min_eigs: 12,
            exclude_first: false,
            exclude_last: false,
            normalize: false,
        }
    }
}

/// The default configuration as `describe()` prints it, one comment per key naming where its
/// default comes from. [TB] = YefanZhou/TempBalance, [MB] = ZihangHLiu/ModelBalancing
/// (tempbalance-spec.md §0).
pub const DEFAULT_CONFIG: &str = r#"# TempBalance: lr(group) = multiplier(metric of its layer or block) * incoming lr(group), where the
# incoming lr is eta_t (or the previous scheduler's rate when stacked). The defaults reproduce the
# EMNLP'24 SciML setting ([MB] PDEBench FNO: tb_std_sigmoid, exp_temp 10, eigs_thres 12,
# tb_interval_ep 1, metric alpha). Set the metrics plugin to match: [plugins.spectral]
# xmin_rule = "mid", xmin_pos = 2.0, filter_zeros = true (xmin_pos = 1.5 for the NLP setting).

# "sigmoid" | "linear" | "rank" | "sqrt" | "log2". Default: [MB] temp_balance_lr = tb_std_sigmoid
# (SciML configs; the NLP scripts use it too, per block).
assignment = "sigmoid"
# "alpha" | "spectral_norm" | "alpha_hat". Default: [MB] tb_metric / --metric alpha (PL_Alpha_Hill).
metric = "alpha"
# sigmoid temperature tau. Default: [MB] exp_temp = 10.
temperature = 10.0
# sigmoid scale s for units at or below the mean metric. Default 1.0: [MB] SciML s for its smallest
# training set (reduced_batch 180 = 50 trajectories); the s per reduced_batch is 1: 0.125, 2: 0.5,
# 4: 1.0, 10: 0.25, 40: 0.5, 180: 1.0 (lr_min_ratio column of the txt configs).
s_min = 1.0
# sigmoid scale s for units above the mean metric. Default: the same s (SciML passes lr_slope,
# equal to lr_min_ratio in every TB row).
s_max = 1.0
# sigmoid scale chosen at every analysis from the metric's spread over the balanced units:
# s = log10(max / min), so that the fastest and slowest unit's rates differ by at most the ratio
# of their metrics, and balancing fades as the metrics even out. Replaces s_min and s_max. Not in
# the reference (our addition, docs/tempbalance.md); default false = the reference's fixed s.
s_auto = false
# linear / rank: lower end of the multiplier range. Default: [TB]/[MB] lr_min_ratio = 0.5.
s1 = 0.5
# linear / rank: upper end. Default: [TB] lr_max_ratio = 1.5 = [MB] lr_min_ratio + lr_slope.
s2 = 1.5
# "layer" | "block" (mean metric per block, every group of the block follows). Default: [MB] SciML
# and [TB] schedule layers; the [MB] NLP scripts use "block".
unit = "layer"
# Analyse every `interval` `interval_unit`s. Default: [MB] SciML tb_interval_ep = 1. With
# interval_unit = "steps", 0 means [MB] NLP's automatic min(100, max(1, steps_per_epoch / 10)).
interval = 1
# "epochs" | "steps". Default: [MB] SciML re-analyses once per epoch.
interval_unit = "epochs"
# Layer kinds that may be balanced (linear, conv1d, conv2d, spectral-complex, ...). Default: what
# the reference analyses (nn.Linear, nn.Conv1d, nn.Conv2d); add "spectral-complex" to balance FNO
# Fourier weights too (no reference behaviour: an ablation).
kinds = ["linear", "conv1d", "conv2d"]
# Layers with fewer fitted eigenvalues (num_eigs) are not balanced. Default: [MB] SciML
# eigs_thres = 12 (50 in [TB] and the [MB] NLP code).
min_eigs = 12
# Leave the first eligible layer (model order) at its incoming rate. Default: [MB] (no first-layer
# removal); [TB]'s CNN runs set it.
exclude_first = false
# Leave the last eligible layer at its incoming rate. Default: [MB] SciML (its last layer fc2 is
# dropped by min_eigs instead); the [MB] NLP scripts set remove_last_layer = True.
exclude_last = false
# Divide the multipliers by their mean over the balanced units. Default: [MB] tb_lr_normalize = False.
normalize = false
"#;

const KEYS: [&str; 16] = [
    "assignment",
    "metric",
    "temperature",
    "s_min",
    "s_max",
    "s_auto",
    "s1",
    "s2",
    "unit",
    "interval",
    "interval_unit",
    "kinds",
    "min_eigs",
    "exclude_first",
    "exclude_last",
    "normalize",
];

fn err(message: String) -> TbError {
    TbError::Config(message)
}

fn type_name(v: &toml::Value) -> &'static str {
    v.type_str()
}

fn get_str<'a>(key: &str, v: &'a toml::Value) -> Result<&'a str, TbError> {
    v.as_str().ok_or_else(|| {
        err(format!(
            "key `{key}` must be a string, found {}",
            type_name(v)
        ))
    })
}

fn get_f64(key: &str, v: &toml::Value) -> Result<f64, TbError> {
    match v {
        toml::Value::Float(f) => Ok(*f),
        toml::Value::Integer(i) => Ok(*i as f64),
        other => Err(err(format!(
            "key `{key}` must be a number, found {}",
            type_name(other)
        ))),
    }
}

fn get_u64(key: &str, v: &toml::Value) -> Result<u64, TbError> {
    match v {
        toml::Value::Integer(i) if *i >= 0 => Ok(*i as u64),
        toml::Value::Integer(i) => Err(err(format!("key `{key}` must be >= 0, found {i}"))),
        other => Err(err(format!(
            "key `{key}` must be an integer, found {}",
            type_name(other)
        ))),
    }
}

fn get_bool(key: &str, v: &toml::Value) -> Result<bool, TbError> {
    v.as_bool().ok_or_else(|| {
        err(format!(
            "key `{key}` must be a boolean, found {}",
            type_name(v)
        ))
    })
}

fn choice<T: Copy>(
    key: &str,
    v: &toml::Value,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Result<T, TbError> {
    let s = get_str(key, v)?;
    all.iter().copied().find(|c| name(*c) == s).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|c| name(*c)).collect();
        err(format!(
            "key `{key}` is \"{s}\"; use one of {}",
            names.join(", ")
        ))
    })
}

fn finite_at_least(key: &str, x: f64, min: f64, strict: bool) -> Result<f64, TbError> {
    let ok = x.is_finite() && if strict { x > min } else { x >= min };
    if ok {
        Ok(x)
    } else {
        let rel = if strict { ">" } else { ">=" };
        Err(err(format!(
            "key `{key}` must be a finite number {rel} {min}, found {x}"
        )))
    }
}

impl TbConfig {
    /// Parses a configuration section (TOML text; empty means defaults).
    pub fn parse(text: &str) -> Result<Self, TbError> {
        let table: toml::Table = text
            .parse()
            .map_err(|e| err(plugin_api::sdk::toml_error("invalid TOML", text, &e)))?;
        let mut cfg = TbConfig::default();
        for (key, value) in &table {
            let k = key.as_str();
            match k {
                "assignment" => {
                    cfg.assignment = choice(k, value, &Assignment::ALL, Assignment::as_str)?
                }
                "metric" => cfg.metric = choice(k, value, &Metric::ALL, Metric::as_str)?,
                "temperature" => {
                    cfg.temperature = finite_at_least(k, get_f64(k, value)?, 0.0, true)?
                }
                "s_min" => cfg.s_min = finite_at_least(k, get_f64(k, value)?, 0.0, false)?,
                "s_max" => cfg.s_max = finite_at_least(k, get_f64(k, value)?, 0.0, false)?,
                "s_auto" => cfg.s_auto = get_bool(k, value)?,
                "s1" => cfg.s1 = finite_at_least(k, get_f64(k, value)?, 0.0, false)?,
                "s2" => cfg.s2 = finite_at_least(k, get_f64(k, value)?, 0.0, false)?,
                "unit" => cfg.unit = choice(k, value, &[Unit::Layer, Unit::Block], Unit::as_str)?,
                "interval" => cfg.interval = get_u64(k, value)?,
                "interval_unit" => {
                    cfg.interval_unit = choice(
                        k,
                        value,
                        &[IntervalUnit::Epochs, IntervalUnit::Steps],
                        IntervalUnit::as_str,
                    )?
                }
                "kinds" => cfg.kinds = parse_kinds(value)?,
                "min_eigs" => cfg.min_eigs = get_u64(k, value)?,
                "exclude_first" => cfg.exclude_first = get_bool(k, value)?,
                "exclude_last" => cfg.exclude_last = get_bool(k, value)?,
                "normalize" => cfg.normalize = get_bool(k, value)?,
                _ => {
                    return Err(err(format!(
                        "unknown key `{key}`; known: {}",
                        KEYS.join(", ")
                    )))
                }
            }
        }
        if cfg.s_auto && cfg.assignment != Assignment::Sigmoid {
            return Err(err(format!(
                "key `s_auto` sets the sigmoid's scale, but assignment is \"{}\"; use assignment = \"sigmoid\"",
                cfg.assignment.as_str()
            )));
        }
        if cfg.interval == 0 && cfg.interval_unit == IntervalUnit::Epochs {
            return Err(err(
                "key `interval` is 0 with interval_unit = \"epochs\"; use >= 1, or 0 with interval_unit = \"steps\" for the automatic min(100, steps_per_epoch / 10)".into(),
            ));
        }
        Ok(cfg)
    }

    /// The configuration as canonical TOML (every key, fixed order), for the state fingerprint.
    pub fn canonical(&self) -> String {
        let kinds: Vec<String> = self
            .kinds
            .iter()
            .map(|k| format!("\"{}\"", k.as_str()))
            .collect();
        format!(
            "assignment = \"{}\"\nmetric = \"{}\"\ntemperature = {:?}\ns_min = {:?}\ns_max = {:?}\n{}s1 = {:?}\ns2 = {:?}\nunit = \"{}\"\ninterval = {}\ninterval_unit = \"{}\"\nkinds = [{}]\nmin_eigs = {}\nexclude_first = {}\nexclude_last = {}\nnormalize = {}\n",
            self.assignment.as_str(),
            self.metric.as_str(),
            self.temperature,
            self.s_min,
            self.s_max,
            // Only when set, so that the fingerprints of runs from before the key stay valid.
            if self.s_auto { "s_auto = true\n" } else { "" },
            self.s1,
            self.s2,
            self.unit.as_str(),
            self.interval,
            self.interval_unit.as_str(),
            kinds.join(", "),
            self.min_eigs,
            self.exclude_first,
            self.exclude_last,
            self.normalize
        )
    }

    /// A short fingerprint of [`TbConfig::canonical`] (64-bit FNV-1a, hex).
    pub fn fingerprint(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.canonical().bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        format!("{h:016x}")
    }
}

fn parse_kinds(value: &toml::Value) -> Result<Vec<LayerKind>, TbError> {
    let items = value.as_array().ok_or_else(|| {
        err(format!(
            "key `kinds` must be an array of strings, found {}",
            value.type_str()
        ))
    })?;
    let mut kinds = Vec::new();
    for item in items {
        let name = item.as_str().ok_or_else(|| {
            err(format!(
                "key `kinds` must be an array of strings, found an element of type {}",
                item.type_str()
            ))
        })?;
        let kind = LayerKind::parse(name).ok_or_else(|| {
            let names: Vec<&str> = LayerKind::ALL.iter().map(|k| k.as_str()).collect();
            err(format!(
                "key `kinds` has unknown layer kind \"{name}\"; use {}",
                names.join(", ")
            ))
        })?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        return Err(err(
            "key `kinds` is empty: no layer could be balanced; list at least one kind".into(),
        ));
    }
    Ok(kinds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn described_defaults_are_the_defaults() {
        assert_eq!(
            TbConfig::parse(DEFAULT_CONFIG).unwrap(),
            TbConfig::default()
        );
        assert_eq!(TbConfig::parse("").unwrap(), TbConfig::default());
        let table: toml::Table = DEFAULT_CONFIG.parse().unwrap();
        let mut keys: Vec<&str> = table.keys().map(String::as_str).collect();
        let mut known = KEYS.to_vec();
        keys.sort();
        known.sort();
        assert_eq!(keys, known, "describe() lists every key exactly once");
        // Every key has a comment line right above it.
        let lines: Vec<&str> = DEFAULT_CONFIG.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.starts_with('#') && line.contains(" = ") {
                assert!(lines[i - 1].starts_with('#'), "no comment above `{line}`");
            }
        }
    }

    #[test]
    fn canonical_form_round_trips() {
        let cfg = TbConfig::parse(
            "assignment = \"rank\"\nkinds = [\"conv2d\", \"spectral-complex\"]\ns1 = 0.25\n",
        )
        .unwrap();
        assert_eq!(TbConfig::parse(&cfg.canonical()).unwrap(), cfg);
        assert_ne!(cfg.fingerprint(), TbConfig::default().fingerprint());
    }
}
