//! The fno1d model configuration (TOML). Parsed by hand from a `toml::Table` so that every error
//! names the key at fault and fits on one line.

use model_runtime::{Error, Result};

/// What `engine plugins describe fno1d` prints; parsing it gives the defaults.
pub const DEFAULT_CONFIG: &str = "\
# PDEBench's FNO1d class defaults (width 64, 16 modes). The paper's 1D CFD settings are not
# published (no 1D config in its code), so these are unverified for the paper's runs.
# Channels of the lifted field in the Fourier layers.
width = 64
# Fourier modes kept (the lowest rfft bins; at most padded length / 2 + 1).
modes = 16
# Zeros appended after the last point before the Fourier layers (PDEBench: 2, non-periodic).
padding = 2
";

/// Resolved configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fno1dConfig {
    pub width: usize,
    pub modes: usize,
    pub padding: usize,
}

impl Default for Fno1dConfig {
    fn default() -> Self {
        Self {
            width: 64,
            modes: 16,
            padding: 2,
        }
    }
}

const KEYS: [&str; 3] = ["width", "modes", "padding"];

impl Fno1dConfig {
    /// Parses the model's config section; empty text gives the defaults.
    pub fn from_toml(text: &str) -> Result<Self> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let at = e
                .span()
                .map(|s| format!(" (at byte {})", s.start))
                .unwrap_or_default();
            Error::Config(format!(
                "config is not valid TOML: {}{at}",
                e.message().trim()
            ))
        })?;
        let mut cfg = Self::default();
        for (key, value) in &table {
            if !KEYS.contains(&key.as_str()) {
                return Err(Error::Config(format!(
                    "config has unknown key '{key}' (known keys: {})",
                    KEYS.join(", ")
                )));
            }
            let min = if key == "padding" { 0 } else { 1 };
            let n = match value.as_integer() {
                Some(n) if n >= min => n as usize,
                _ => {
                    let shown = match value {
                        toml::Value::String(s) => format!("the string \"{s}\""),
                        toml::Value::Integer(i) => i.to_string(),
                        other => format!("a {}", other.type_str()),
                    };
                    let want = if min == 0 {
                        "a non-negative integer"
                    } else {
                        "a positive integer"
                    };
                    return Err(Error::Config(format!(
                        "config key '{key}' must be {want}, got {shown}"
                    )));
                }
            };
            match key.as_str() {
                "width" => cfg.width = n,
                "modes" => cfg.modes = n,
                _ => cfg.padding = n,
            }
        }
        Ok(cfg)
    }

    /// The resolved configuration as TOML (stored in checkpoints).
    pub fn to_toml(&self) -> String {
        format!(
            "width = {}\nmodes = {}\npadding = {}\n",
            self.width, self.modes, self.padding
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_round_trip_and_errors_name_the_key() {
        assert_eq!(Fno1dConfig::from_toml("").unwrap(), Fno1dConfig::default());
        assert_eq!(
            Fno1dConfig::from_toml(DEFAULT_CONFIG).unwrap(),
            Fno1dConfig::default()
        );
        let c = Fno1dConfig::from_toml("width = 8\npadding = 0").unwrap();
        assert_eq!((c.width, c.padding, c.modes), (8, 0, 16));
        assert_eq!(Fno1dConfig::from_toml(&c.to_toml()).unwrap(), c);
        let cases = [
            (
                "modes1 = 3",
                "unknown key 'modes1' (known keys: width, modes, padding)",
            ),
            (
                "width = \"big\"",
                "key 'width' must be a positive integer, got the string \"big\"",
            ),
            ("modes = 0", "key 'modes' must be a positive integer, got 0"),
            (
                "padding = -1",
                "key 'padding' must be a non-negative integer",
            ),
            (
                "modes = 1.5",
                "key 'modes' must be a positive integer, got a float",
            ),
            ("width = ", "not valid TOML"),
        ];
        for (text, want) in cases {
            let e = Fno1dConfig::from_toml(text).unwrap_err().to_string();
            assert!(e.contains(want), "{text}: {e}");
            assert!(!e.contains('\n'), "{e}");
        }
    }
}
