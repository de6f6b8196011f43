//! The plugin's configuration: a TOML section, every key optional.
//!
//! Unknown keys, wrong types and out-of-range values are one-line [`SpectralError::Config`] errors
//! naming the key. [`DEFAULT_CONFIG`] is what `describe()` prints; a test checks that it parses to
//! [`SpectralConfig::default`].

use crate::SpectralError;
use plugin_api::LayerKind;

/// How `x_min` (the start of the power-law tail) is chosen; see the crate docs for the formulas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XminRule {
    /// `i = floor(N / xmin_pos)`: one fit. The reference's `xmin_mid` ([MB]) / `median` ([TB]).
    Mid,
    /// The fit with the smallest KS distance over every `i = 0..N-2`. The reference's
    /// `fix_fingers=None` / `goodness-of-fit`, and WeightWatcher's default.
    KsScan,
    /// Like `KsScan`, restricted to `x_min` within `[0.95, 1.5] x` the peak of the ESD histogram.
    /// The reference's `xmin_peak` / `fix-finger`.
    Peak,
}

impl XminRule {
    /// The name used in configs.
    pub fn as_str(self) -> &'static str {
        match self {
            XminRule::Mid => "mid",
            XminRule::KsScan => "ks-scan",
            XminRule::Peak => "peak",
        }
    }

    /// Parses [`XminRule::as_str`] names.
    pub fn parse(name: &str) -> Option<Self> {
        [XminRule::Mid, XminRule::KsScan, XminRule::Peak]
            .into_iter()
            .find(|r| r.as_str() == name)
    }
}

/// Settings of one spectral analysis. Field names are the TOML keys.
#[derive(Debug, Clone, PartialEq)]
pub struct SpectralConfig {
    pub xmin_rule: XminRule,
    /// For [`XminRule::Mid`]: `i = floor(N / xmin_pos)`; must be > 1.
    pub xmin_pos: f64,
    /// Drop eigenvalues `<= zero_threshold` before fitting (all of them are kept if none is left).
    pub filter_zeros: bool,
    pub zero_threshold: f64,
    /// Layers with fewer eigenvalues than this (after filtering) are reported as skipped.
    pub min_eigs: usize,
    /// Conv weights are scaled by `sqrt(conv_norm)`, i.e. their eigenvalues by `conv_norm`.
    pub conv_norm: f64,
    /// Analyse FNO spectral (complex) weights. They must also be listed in `kinds`.
    pub include_spectral_complex: bool,
    /// The layer kinds analysed; the others are reported as skipped.
    pub kinds: Vec<LayerKind>,
    /// Return every eigenvalue (ascending, before filtering) with the metrics, for ESD plots.
    pub keep_eigenvalues: bool,
    /// Histogram bins of the `peak` rule.
    pub bins: usize,
}

impl Default for SpectralConfig {
    fn default() -> Self {
        Self {
            xmin_rule: XminRule::Mid,
            xmin_pos: 2.0,
            filter_zeros: false,
            zero_threshold: 1e-5,
            min_eigs: 10,
            conv_norm: 0.5,
            include_spectral_complex: true,
            kinds: vec![
                LayerKind::Linear,
                LayerKind::Conv1d,
                LayerKind::Conv2d,
                LayerKind::SpectralComplex,
            ],
            keep_eigenvalues: false,
            bins: 100,
        }
    }
}

/// The default configuration with a comment per key: what `describe()` returns.
pub const DEFAULT_CONFIG: &str = r#"# spectral: per-layer empirical spectral density (ESD) and PL_Alpha_Hill.
# Eigenvalues are the squared singular values of each layer's weight matrix (float64).

# How x_min, the start of the power-law tail, is chosen:
#   "mid"     i = floor(N / xmin_pos) (TempBalance's default; one fit)
#   "ks-scan" the x_min with the smallest Kolmogorov-Smirnov distance over all eigenvalues
#   "peak"    like ks-scan, x_min restricted to [0.95, 1.5] x the peak of the log-ESD histogram
xmin_rule = "mid"
# For "mid": 2 = median eigenvalue (tail = top half); 1.5 = top third (the paper's GLUE runs). > 1.
xmin_pos = 2.0
# Drop eigenvalues <= zero_threshold before fitting (all are kept if none is left).
# Turn on for rank-deficient weights (LoRA products, zero rows), whose zero x_min gives no alpha.
filter_zeros = false
zero_threshold = 1e-5
# A layer with fewer eigenvalues than this (counted after filtering) is reported as skipped.
min_eigs = 10
# Conv taps (Conv1d, Conv2d) are scaled by sqrt(conv_norm): eigenvalues times conv_norm.
conv_norm = 0.5
# Analyse FNO spectral (complex) weights: per Fourier mode one complex in x out matrix
# (spectral-complex must also be listed in kinds). false = the reference: never analysed.
include_spectral_complex = true
# Layer kinds analysed; any of linear, conv1d, conv2d, spectral-complex, embedding, norm, head, other.
# The others are reported as skipped. 2-D weights of embedding/head/other are taken as one matrix.
kinds = ["linear", "conv1d", "conv2d", "spectral-complex"]
# Return every eigenvalue (ascending, before filtering) with the metrics, for ESD plots.
keep_eigenvalues = false
# Histogram bins of the "peak" rule.
bins = 100
"#;

const KEYS: [&str; 10] = [
    "xmin_rule",
    "xmin_pos",
    "filter_zeros",
    "zero_threshold",
    "min_eigs",
    "conv_norm",
    "include_spectral_complex",
    "kinds",
    "keep_eigenvalues",
    "bins",
];

fn err(message: String) -> SpectralError {
    SpectralError::Config(message)
}

fn describe(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => format!("string {s:?}"),
        toml::Value::Integer(i) => format!("integer {i}"),
        toml::Value::Float(f) => format!("float {f}"),
        toml::Value::Boolean(b) => format!("boolean {b}"),
        other => other.type_str().to_string(),
    }
}

fn wrong_type(key: &str, expected: &str, value: &toml::Value) -> SpectralError {
    err(format!(
        "key `{key}` must be {expected}, found {}",
        describe(value)
    ))
}

fn as_f64(key: &str, value: &toml::Value) -> Result<f64, SpectralError> {
    match value {
        toml::Value::Float(f) => Ok(*f),
        toml::Value::Integer(i) => Ok(*i as f64),
        other => Err(wrong_type(key, "a number", other)),
    }
}

fn as_usize(key: &str, value: &toml::Value) -> Result<usize, SpectralError> {
    match value {
        toml::Value::Integer(i) if *i >= 0 => Ok(*i as usize),
        toml::Value::Integer(_) => Err(err(format!(
            "key `{key}` must be >= 0, found {}",
            describe(value)
        ))),
        other => Err(wrong_type(key, "an integer", other)),
    }
}

fn as_bool(key: &str, value: &toml::Value) -> Result<bool, SpectralError> {
    value
        .as_bool()
        .ok_or_else(|| wrong_type(key, "a boolean", value))
}

impl SpectralConfig {
    /// Parses a TOML section; empty text (or only comments) gives the defaults.
    pub fn from_toml(text: &str) -> Result<Self, SpectralError> {
        let table: toml::Table = toml::from_str(text)
            .map_err(|e| err(plugin_api::sdk::toml_error("invalid TOML", text, &e)))?;
        let mut cfg = SpectralConfig::default();
        for (key, value) in &table {
            match key.as_str() {
                "xmin_rule" => {
                    let name = value
                        .as_str()
                        .ok_or_else(|| wrong_type(key, "a string", value))?;
                    cfg.xmin_rule = XminRule::parse(name).ok_or_else(|| {
                        err(format!("key `xmin_rule` must be one of \"mid\", \"ks-scan\", \"peak\", found {name:?}"))
                    })?;
                }
                "xmin_pos" => cfg.xmin_pos = as_f64(key, value)?,
                "filter_zeros" => cfg.filter_zeros = as_bool(key, value)?,
                "zero_threshold" => cfg.zero_threshold = as_f64(key, value)?,
                "min_eigs" => cfg.min_eigs = as_usize(key, value)?,
                "conv_norm" => cfg.conv_norm = as_f64(key, value)?,
                "include_spectral_complex" => cfg.include_spectral_complex = as_bool(key, value)?,
                "kinds" => {
                    let items = value
                        .as_array()
                        .ok_or_else(|| wrong_type(key, "an array of strings", value))?;
                    let mut kinds = Vec::with_capacity(items.len());
                    for item in items {
                        let name = item
                            .as_str()
                            .ok_or_else(|| wrong_type("kinds", "an array of strings", item))?;
                        let kind = LayerKind::parse(name).ok_or_else(|| {
                            let known: Vec<&str> =
                                LayerKind::ALL.iter().map(|k| k.as_str()).collect();
                            err(format!(
                                "key `kinds`: unknown layer kind {name:?} (known: {})",
                                known.join(", ")
                            ))
                        })?;
                        if !kinds.contains(&kind) {
                            kinds.push(kind);
                        }
                    }
                    cfg.kinds = kinds;
                }
                "keep_eigenvalues" => cfg.keep_eigenvalues = as_bool(key, value)?,
                "bins" => cfg.bins = as_usize(key, value)?,
                other => {
                    return Err(err(format!(
                        "unknown key `{other}` (known keys: {})",
                        KEYS.join(", ")
                    )));
                }
            }
        }
        cfg.validate()?;
        Ok(cfg)
    }

    /// Checks value ranges (the TOML parser calls it; call it after building a config by hand).
    pub fn validate(&self) -> Result<(), SpectralError> {
        // xmin_pos <= 1 would put x_min at index >= N.
        if !(self.xmin_pos.is_finite() && self.xmin_pos > 1.0) {
            return Err(err(format!(
                "key `xmin_pos` must be a finite number > 1, found {}",
                self.xmin_pos
            )));
        }
        if !(self.zero_threshold.is_finite() && self.zero_threshold >= 0.0) {
            return Err(err(format!(
                "key `zero_threshold` must be a finite number >= 0, found {}",
                self.zero_threshold
            )));
        }
        if !(self.conv_norm.is_finite() && self.conv_norm > 0.0) {
            return Err(err(format!(
                "key `conv_norm` must be a finite number > 0, found {}",
                self.conv_norm
            )));
        }
        if self.bins == 0 {
            return Err(err("key `bins` must be >= 1, found 0".to_string()));
        }
        Ok(())
    }

    /// `None` when layers of `kind` are analysed, otherwise why not (the `skipped` text).
    pub fn exclusion(&self, kind: LayerKind) -> Option<String> {
        if !self.kinds.contains(&kind) {
            return Some(format!(
                "layer kind `{}` is not analysed (not in `kinds`)",
                kind.as_str()
            ));
        }
        if kind == LayerKind::SpectralComplex && !self.include_spectral_complex {
            return Some(
                "spectral-complex layers are not analysed (include_spectral_complex = false)"
                    .to_string(),
            );
        }
        None
    }

    /// The threshold used for filtering, if filtering is on.
    pub fn filter_threshold(&self) -> Option<f64> {
        self.filter_zeros.then_some(self.zero_threshold)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_error(text: &str) -> String {
        match SpectralConfig::from_toml(text) {
            Err(SpectralError::Config(message)) => message,
            other => panic!("expected a config error for {text:?}, got {other:?}"),
        }
    }

    #[test]
    fn empty_and_described_defaults_agree() {
        assert_eq!(
            SpectralConfig::from_toml("").unwrap(),
            SpectralConfig::default()
        );
        assert_eq!(
            SpectralConfig::from_toml("# nothing\n").unwrap(),
            SpectralConfig::default()
        );
        assert_eq!(
            SpectralConfig::from_toml(DEFAULT_CONFIG).unwrap(),
            SpectralConfig::default()
        );
        // Every key is documented in the described config.
        for key in KEYS {
            assert!(
                DEFAULT_CONFIG.contains(&format!("\n{key} = ")),
                "{key} missing from DEFAULT_CONFIG"
            );
        }
    }

    #[test]
    fn every_key_parses() {
        let cfg = SpectralConfig::from_toml(
            "xmin_rule = \"ks-scan\"\nxmin_pos = 1.5\nfilter_zeros = true\nzero_threshold = 0\n\
             min_eigs = 50\nconv_norm = 1\ninclude_spectral_complex = false\n\
             kinds = [\"linear\", \"head\", \"linear\"]\nkeep_eigenvalues = true\nbins = 30\n",
        )
        .unwrap();
        assert_eq!(cfg.xmin_rule, XminRule::KsScan);
        assert_eq!(cfg.xmin_pos, 1.5);
        assert!(cfg.filter_zeros);
        assert_eq!(cfg.zero_threshold, 0.0);
        assert_eq!(cfg.min_eigs, 50);
        assert_eq!(cfg.conv_norm, 1.0);
        assert!(!cfg.include_spectral_complex);
        assert_eq!(cfg.kinds, vec![LayerKind::Linear, LayerKind::Head]);
        assert!(cfg.keep_eigenvalues);
        assert_eq!(cfg.bins, 30);
        assert_eq!(
            SpectralConfig::from_toml("xmin_rule = \"peak\"")
                .unwrap()
                .xmin_rule,
            XminRule::Peak
        );
    }

    #[test]
    fn errors_are_one_line_and_name_the_key() {
        let cases = [
            ("alpha = 3", "unknown key `alpha`"),
            ("[spectral]\nxmin_pos = 2", "unknown key `spectral`"),
            (
                "xmin_pos = \"2\"",
                "key `xmin_pos` must be a number, found string \"2\"",
            ),
            (
                "min_eigs = 2.5",
                "key `min_eigs` must be an integer, found float 2.5",
            ),
            ("min_eigs = -1", "key `min_eigs` must be >= 0"),
            (
                "bins = true",
                "key `bins` must be an integer, found boolean true",
            ),
            ("bins = 0", "key `bins` must be >= 1"),
            (
                "filter_zeros = 1",
                "key `filter_zeros` must be a boolean, found integer 1",
            ),
            ("xmin_rule = \"median\"", "key `xmin_rule` must be one of"),
            ("xmin_rule = 2", "key `xmin_rule` must be a string"),
            (
                "kinds = \"linear\"",
                "key `kinds` must be an array of strings",
            ),
            (
                "kinds = [\"dense\"]",
                "key `kinds`: unknown layer kind \"dense\"",
            ),
            (
                "kinds = [1]",
                "key `kinds` must be an array of strings, found integer 1",
            ),
            (
                "xmin_pos = 1.0",
                "key `xmin_pos` must be a finite number > 1",
            ),
            (
                "conv_norm = 0",
                "key `conv_norm` must be a finite number > 0",
            ),
            (
                "zero_threshold = -1e-5",
                "key `zero_threshold` must be a finite number >= 0",
            ),
            (
                "xmin_pos = nan",
                "key `xmin_pos` must be a finite number > 1",
            ),
            (
                "xmin_rule = \"mid\"\nxmin_pos = = 2",
                "invalid TOML at line 2",
            ),
        ];
        for (text, expected) in cases {
            let message = config_error(text);
            assert!(
                message.contains(expected),
                "{text:?}: {message:?} lacks {expected:?}"
            );
            assert!(
                !message.contains('\n'),
                "{text:?}: multi-line message {message:?}"
            );
            let display = SpectralError::Config(message).to_string();
            assert!(display.starts_with("spectral config: "), "{display}");
        }
    }

    #[test]
    fn exclusion_reasons() {
        let mut cfg = SpectralConfig::default();
        assert_eq!(cfg.exclusion(LayerKind::Linear), None);
        assert_eq!(cfg.exclusion(LayerKind::SpectralComplex), None);
        assert!(cfg
            .exclusion(LayerKind::Embedding)
            .unwrap()
            .contains("`embedding` is not analysed"));
        cfg.include_spectral_complex = false;
        assert!(cfg
            .exclusion(LayerKind::SpectralComplex)
            .unwrap()
            .contains("include_spectral_complex = false"));
    }
}
