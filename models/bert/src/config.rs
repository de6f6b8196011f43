//! The bert plugin configuration (TOML, the `[plugins.bert]` section). Parsed by hand from a
//! `toml::Table` so that every error is one line naming the key at fault.

use model_runtime::config::{parse_table, shown};
use model_runtime::{Error, Result};

/// What `engine plugins describe bert` prints; parsing it gives the defaults.
pub const DEFAULT_CONFIG: &str = "\
# Hugging Face model directory (config.json + model.safetensors) to fine-tune; relative paths are
# relative to the working directory. Empty: random init (HF's normal(0, 0.02)) from the
# architecture keys below.
pretrained = \"assets/minilm\"
# Sequence summary fed to the classifier: \"cls\" (BertForSequenceClassification: pooler dense +
# tanh on [CLS]) or \"mean\" (masked mean of the last hidden states, as all-MiniLM was trained).
pooling = \"cls\"
# Dropout after the embeddings and after each attention-output / FFN-output dense layer.
# Default: config.json's hidden_dropout_prob (0.1 without a pretrained directory).
hidden_dropout = 0.1
# Dropout on the attention probabilities. Default: config.json's attention_probs_dropout_prob.
attention_dropout = 0.1
# Dropout before the classifier. Default: config.json's classifier_dropout, else hidden_dropout.
classifier_dropout = 0.1
# Architecture, used only when pretrained is empty (with a pretrained directory the values come
# from its config.json, and a key given here must agree with it). Defaults: all-MiniLM-L6-v2.
hidden_size = 384
num_layers = 6
num_heads = 12
intermediate_size = 1536
vocab_size = 30522
max_position = 512
type_vocab_size = 2
";

/// How the sequence is summarised for the classifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pooling {
    Cls,
    Mean,
}

impl Pooling {
    pub fn as_str(self) -> &'static str {
        match self {
            Pooling::Cls => "cls",
            Pooling::Mean => "mean",
        }
    }
}

/// Encoder architecture (from config.json or the config keys).
#[derive(Debug, Clone, PartialEq)]
pub struct Arch {
    pub hidden_size: usize,
    pub num_layers: usize,
    pub num_heads: usize,
    pub intermediate_size: usize,
    pub vocab_size: usize,
    pub max_position: usize,
    pub type_vocab_size: usize,
    pub layer_norm_eps: f64,
    /// First position id (0 for BERT, padding_idx + 1 = 2 for RoBERTa).
    pub position_offset: usize,
}

impl Default for Arch {
    fn default() -> Self {
        Self {
            hidden_size: 384,
            num_layers: 6,
            num_heads: 12,
            intermediate_size: 1536,
            vocab_size: 30522,
            max_position: 512,
            type_vocab_size: 2,
            layer_norm_eps: 1e-12,
            position_offset: 0,
        }
    }
}

/// The plugin configuration as the user wrote it (unset dropouts are `None`: the pretrained
/// directory's config.json decides).
#[derive(Debug, Clone, PartialEq)]
pub struct BertConfig {
    pub pretrained: String,
    pub pooling: Pooling,
    pub hidden_dropout: Option<f64>,
    pub attention_dropout: Option<f64>,
    pub classifier_dropout: Option<f64>,
    /// Architecture keys given explicitly: (key, value).
    pub arch_keys: Vec<(&'static str, usize)>,
}

impl Default for BertConfig {
    fn default() -> Self {
        Self {
            pretrained: "assets/minilm".into(),
            pooling: Pooling::Cls,
            hidden_dropout: None,
            attention_dropout: None,
            classifier_dropout: None,
            arch_keys: Vec::new(),
        }
    }
}

pub const ARCH_KEYS: [&str; 7] = [
    "hidden_size",
    "num_layers",
    "num_heads",
    "intermediate_size",
    "vocab_size",
    "max_position",
    "type_vocab_size",
];

const KEYS: [&str; 12] = [
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
];

impl BertConfig {
    /// Parses the plugin's config section; empty text gives the defaults.
    pub fn from_toml(text: &str) -> Result<Self> {
        let table = parse_table(text)?;
        let mut cfg = Self::default();
        for (key, value) in &table {
            match key.as_str() {
                "pretrained" => match value.as_str() {
                    Some(s) => cfg.pretrained = s.to_string(),
                    None => {
                        return Err(Error::Config(format!(
                            "config key 'pretrained' must be a string (a directory, or \"\" for random init), got {}",
                            shown(value)
                        )))
                    }
                },
                "pooling" => {
                    cfg.pooling = match value.as_str() {
                        Some("cls") => Pooling::Cls,
                        Some("mean") => Pooling::Mean,
                        _ => {
                            return Err(Error::Config(format!(
                                "config key 'pooling' must be \"cls\" or \"mean\", got {}",
                                shown(value)
                            )))
                        }
                    }
                }
                "hidden_dropout" | "attention_dropout" | "classifier_dropout" => {
                    let p = match value {
                        toml::Value::Float(f) => *f,
                        toml::Value::Integer(i) => *i as f64,
                        _ => f64::NAN,
                    };
                    if !(0.0..1.0).contains(&p) {
                        return Err(Error::Config(format!(
                            "config key '{key}' must be a probability in [0, 1), got {}",
                            shown(value)
                        )));
                    }
                    match key.as_str() {
                        "hidden_dropout" => cfg.hidden_dropout = Some(p),
                        "attention_dropout" => cfg.attention_dropout = Some(p),
                        _ => cfg.classifier_dropout = Some(p),
                    }
                }
                k => {
                    let Some(&name) = ARCH_KEYS.iter().find(|&&a| a == k) else {
                        return Err(Error::Config(format!(
                            "config has unknown key '{key}' (known keys: {})",
                            KEYS.join(", ")
                        )));
                    };
                    let n = match value.as_integer() {
                        Some(n) if n >= 1 => n as usize,
                        _ => {
                            return Err(Error::Config(format!(
                                "config key '{key}' must be a positive integer, got {}",
                                shown(value)
                            )))
                        }
                    };
                    cfg.arch_keys.push((name, n));
                }
            }
        }
        Ok(cfg)
    }

    /// The architecture for random init: the defaults with the explicit keys applied.
    pub fn explicit_arch(&self) -> Arch {
        let mut a = Arch::default();
        for &(k, v) in &self.arch_keys {
            match k {
                "hidden_size" => a.hidden_size = v,
                "num_layers" => a.num_layers = v,
                "num_heads" => a.num_heads = v,
                "intermediate_size" => a.intermediate_size = v,
                "vocab_size" => a.vocab_size = v,
                "max_position" => a.max_position = v,
                "type_vocab_size" => a.type_vocab_size = v,
                _ => unreachable!("{k} is an architecture key"),
            }
        }
        a
    }
}

/// Reads a value of the architecture by key name.
pub fn arch_value(a: &Arch, key: &str) -> usize {
    match key {
        "hidden_size" => a.hidden_size,
        "num_layers" => a.num_layers,
        "num_heads" => a.num_heads,
        "intermediate_size" => a.intermediate_size,
        "vocab_size" => a.vocab_size,
        "max_position" => a.max_position,
        "type_vocab_size" => a.type_vocab_size,
        _ => 0,
    }
}

/// The fully resolved configuration (what the model runs with; stored in checkpoints).
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub pretrained: String,
    pub pooling: Pooling,
    pub hidden_dropout: f64,
    pub attention_dropout: f64,
    pub classifier_dropout: f64,
    pub arch: Arch,
}

impl Resolved {
    /// As TOML in the plugin's own keys (parses back with [`BertConfig::from_toml`]).
    pub fn to_toml(&self) -> String {
        let a = &self.arch;
        let s = |v: &str| toml::Value::String(v.to_string()).to_string();
        let f = |v: f64| toml::Value::Float(v).to_string();
        format!(
            "pretrained = {}\npooling = {}\nhidden_dropout = {}\nattention_dropout = {}\nclassifier_dropout = {}\n\
             hidden_size = {}\nnum_layers = {}\nnum_heads = {}\nintermediate_size = {}\nvocab_size = {}\n\
             max_position = {}\ntype_vocab_size = {}\n",
            s(&self.pretrained),
            s(self.pooling.as_str()),
            f(self.hidden_dropout),
            f(self.attention_dropout),
            f(self.classifier_dropout),
            a.hidden_size,
            a.num_layers,
            a.num_heads,
            a.intermediate_size,
            a.vocab_size,
            a.max_position,
            a.type_vocab_size
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_and_errors_name_the_key() {
        let d = BertConfig::from_toml(DEFAULT_CONFIG).unwrap();
        assert_eq!(d.pretrained, "assets/minilm");
        assert_eq!(d.pooling, Pooling::Cls);
        assert_eq!(d.hidden_dropout, Some(0.1));
        assert_eq!(d.explicit_arch(), Arch::default());
        assert_eq!(BertConfig::from_toml("").unwrap(), BertConfig::default());
        let cases = [
            ("poolnig = \"cls\"", "unknown key 'poolnig'"),
            ("pooling = \"max\"", "'pooling' must be \"cls\" or \"mean\""),
            (
                "hidden_dropout = 1.5",
                "'hidden_dropout' must be a probability",
            ),
            (
                "num_layers = 0",
                "'num_layers' must be a positive integer, got 0",
            ),
            ("pretrained = 3", "'pretrained' must be a string"),
            ("hidden_size = ", "not valid TOML"),
        ];
        for (text, want) in cases {
            let e = BertConfig::from_toml(text).unwrap_err().to_string();
            assert!(e.contains(want), "{text}: {e}");
            assert!(!e.contains('\n'), "{e}");
        }
    }
}
