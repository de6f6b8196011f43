//! The fno2d model configuration (TOML). Parsed by hand from a `toml::Table` so that every error
//! names the key at fault and fits on one line.

use model_runtime::{Error, Result};

/// What `engine plugins describe fno2d` prints; parsing it gives the defaults.
pub const DEFAULT_CONFIG: &str = "\
# Channels of the lifted field in the Fourier layers (PDEBench 2D CFD: 20).
width = 20
# Fourier modes kept along x, for each sign of kx (12 low + 12 high frequencies).
modes1 = 12
# Fourier modes kept along y (the half spectrum of the real FFT).
modes2 = 12
# Zeros appended after the last x and y row before the Fourier layers (non-periodic domains).
padding = 2
";

/// Resolved configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FnoConfig {
    pub width: usize,
    pub modes1: usize,
    pub modes2: usize,
    pub padding: usize,
}

impl Default for FnoConfig {
    fn default() -> Self {
        Self {
            width: 20,
            modes1: 12,
            modes2: 12,
            padding: 2,
        }
    }
}

const KEYS: [&str; 4] = ["width", "modes1", "modes2", "padding"];

impl FnoConfig {
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
                "modes1" => cfg.modes1 = n,
                "modes2" => cfg.modes2 = n,
                "padding" => cfg.padding = n,
                _ => {
                    return Err(Error::Config(format!(
                        "config has unknown key '{key}' (known keys: {})",
                        KEYS.join(", ")
                    )))
                }
            }
        }
        Ok(cfg)
    }

    /// The resolved configuration as TOML (stored in checkpoints).
    pub fn to_toml(&self) -> String {
        format!(
            "width = {}\nmodes1 = {}\nmodes2 = {}\npadding = {}\n",
            self.width, self.modes1, self.modes2, self.padding
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_round_trip_and_errors_name_the_key() {
        assert_eq!(FnoConfig::from_toml("").unwrap(), FnoConfig::default());
        assert_eq!(
            FnoConfig::from_toml(DEFAULT_CONFIG).unwrap(),
            FnoConfig::default()
        );
        let c = FnoConfig::from_toml("width = 8\npadding = 0").unwrap();
        assert_eq!((c.width, c.padding, c.modes1), (8, 0, 12));
        assert_eq!(FnoConfig::from_toml(&c.to_toml()).unwrap(), c);
        let cases = [
            ("widht = 3", "unknown key 'widht'"),
            (
                "width = \"big\"",
                "key 'width' must be a positive integer, got the string \"big\"",
            ),
            (
                "modes1 = 0",
                "key 'modes1' must be a positive integer, got 0",
            ),
            (
                "padding = -1",
                "key 'padding' must be a non-negative integer",
            ),
            (
                "modes2 = 1.5",
                "key 'modes2' must be a positive integer, got a float",
            ),
            ("width = ", "not valid TOML"),
        ];
        for (text, want) in cases {
            let e = FnoConfig::from_toml(text).unwrap_err().to_string();
            assert!(e.contains(want), "{text}: {e}");
            assert!(!e.contains('\n'), "{e}");
        }
    }
}
