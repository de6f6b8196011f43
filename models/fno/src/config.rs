//! The FNO configuration (TOML) and the plugin variants. Parsed by hand from a `toml::Table` so
//! that every error names the key at fault and fits on one line.
//!
//! The keys users type depend on the dimension: `modes` in 1D (PDEBench's `FNO1d`), `modes1`,
//! `modes2` (, `modes3`) from 2D on (PDEBench's `FNO2d`, `FNO3d`).

use model_runtime::config::{parse_table, shown};
use model_runtime::{Error, Result};

/// One plugin of the family: its name, the spatial dimensions it takes, and the defaults `engine
/// plugins describe` prints (parsing them gives the defaults).
#[derive(Debug, Clone, Copy)]
pub struct FnoVariant {
    pub name: &'static str,
    pub dims: usize,
    pub default_config: &'static str,
    pub description: &'static str,
}

/// `fno1d`: PDEBench's `FNO1d` class defaults.
pub const FNO1D: FnoVariant = FnoVariant {
    name: "fno1d",
    dims: 1,
    default_config: "\
# PDEBench's FNO1d class defaults (width 64, 16 modes). The paper's 1D CFD settings are not
# published (no 1D config in its code), so these are unverified for the paper's runs.
# Channels of the lifted field in the Fourier layers.
width = 64
# Fourier modes kept (the lowest rfft bins; at most padded length / 2 + 1).
modes = 16
# Zeros appended after the last point before the Fourier layers (PDEBench: 2, non-periodic).
padding = 2
",
    description: "PDEBench FNO1d (Fourier neural operator, 1D), autoregressive rollout training",
};

/// `fno2d`: PDEBench's 2D CFD configuration.
pub const FNO2D: FnoVariant = FnoVariant {
    name: "fno2d",
    dims: 2,
    default_config: "\
# Channels of the lifted field in the Fourier layers (PDEBench 2D CFD: 20).
width = 20
# Fourier modes kept along x, for each sign of kx (12 low + 12 high frequencies).
modes1 = 12
# Fourier modes kept along y (the half spectrum of the real FFT).
modes2 = 12
# Zeros appended after the last x and y row before the Fourier layers (non-periodic domains).
padding = 2
",
    description: "PDEBench FNO2d (Fourier neural operator), autoregressive rollout training",
};

/// A 3D FNO (PDEBench's `FNO3d` layout: 4 corner blocks of weights), by configuration only; no
/// plugin ships it yet (no 3D dataset does).
pub const FNO3D: FnoVariant = FnoVariant {
    name: "fno3d",
    dims: 3,
    default_config: "\
# Channels of the lifted field in the Fourier layers.
width = 20
# Fourier modes kept along x and y, for each sign of the frequency.
modes1 = 8
modes2 = 8
# Fourier modes kept along z (the half spectrum of the real FFT).
modes3 = 8
# Zeros appended after the last row of every axis before the Fourier layers.
padding = 2
",
    description: "Fourier neural operator, 3D, autoregressive rollout training",
};

/// The names of the mode keys for `dims` spatial dimensions.
pub fn mode_keys(dims: usize) -> Vec<String> {
    if dims == 1 {
        vec!["modes".into()]
    } else {
        (1..=dims).map(|a| format!("modes{a}")).collect()
    }
}

/// Resolved configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FnoConfig {
    pub width: usize,
    /// Modes kept per spatial axis (leading axes: for each sign of the frequency).
    pub modes: Vec<usize>,
    pub padding: usize,
}

impl FnoConfig {
    /// The variant's defaults.
    pub fn defaults(variant: &FnoVariant) -> Self {
        Self::parse(variant.dims, variant.default_config, None).expect("the shipped defaults parse")
    }

    /// Parses a model's config section over the variant's defaults; empty text gives the
    /// defaults.
    pub fn from_toml(variant: &FnoVariant, text: &str) -> Result<Self> {
        Self::parse(variant.dims, text, Some(Self::defaults(variant)))
    }

    fn parse(dims: usize, text: &str, base: Option<Self>) -> Result<Self> {
        let table = parse_table(text)?;
        let modes = mode_keys(dims);
        let mut cfg = base.unwrap_or(Self { width: 0, modes: vec![0; dims], padding: 0 });
        for (key, value) in &table {
            let slot = modes.iter().position(|k| k == key);
            if key != "width" && key != "padding" && slot.is_none() {
                let mut known = vec!["width".to_string()];
                known.extend(modes.iter().cloned());
                known.push("padding".into());
                return Err(Error::Config(format!("config has unknown key '{key}' (known keys: {})", known.join(", "))));
            }
            let min = if key == "padding" { 0 } else { 1 };
            let n = match value.as_integer() {
                Some(n) if n >= min => n as usize,
                _ => {
                    let want = if min == 0 { "a non-negative integer" } else { "a positive integer" };
                    return Err(Error::Config(format!("config key '{key}' must be {want}, got {}", shown(value))));
                }
            };
            match (key.as_str(), slot) {
                ("width", _) => cfg.width = n,
                ("padding", _) => cfg.padding = n,
                (_, Some(a)) => cfg.modes[a] = n,
                _ => unreachable!("checked above"),
            }
        }
        Ok(cfg)
    }

    /// The resolved configuration as TOML (stored in checkpoints), keys in the defaults' order.
    pub fn to_toml(&self) -> String {
        let mut text = format!("width = {}\n", self.width);
        for (key, m) in mode_keys(self.modes.len()).iter().zip(&self.modes) {
            text.push_str(&format!("{key} = {m}\n"));
        }
        text.push_str(&format!("padding = {}\n", self.padding));
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_round_trip_and_errors_name_the_key() {
        for variant in [FNO1D, FNO2D, FNO3D] {
            let d = FnoConfig::defaults(&variant);
            assert_eq!(FnoConfig::from_toml(&variant, "").unwrap(), d);
            assert_eq!(FnoConfig::from_toml(&variant, &d.to_toml()).unwrap(), d);
            assert_eq!(d.modes.len(), variant.dims);
        }
        assert_eq!(FnoConfig::defaults(&FNO2D), FnoConfig { width: 20, modes: vec![12, 12], padding: 2 });
        assert_eq!(FnoConfig::defaults(&FNO1D), FnoConfig { width: 64, modes: vec![16], padding: 2 });
        let c = FnoConfig::from_toml(&FNO2D, "width = 8\npadding = 0").unwrap();
        assert_eq!((c.width, c.padding, c.modes[0]), (8, 0, 12));
        assert_eq!(c.to_toml(), "width = 8\nmodes1 = 12\nmodes2 = 12\npadding = 0\n");
        let cases = [
            (FNO2D, "widht = 3", "unknown key 'widht' (known keys: width, modes1, modes2, padding)"),
            (FNO1D, "modes1 = 3", "unknown key 'modes1' (known keys: width, modes, padding)"),
            (FNO2D, "modes = 3", "unknown key 'modes' (known keys: width, modes1, modes2, padding)"),
            (FNO2D, "width = \"big\"", "key 'width' must be a positive integer, got the string \"big\""),
            (FNO2D, "modes1 = 0", "key 'modes1' must be a positive integer, got 0"),
            (FNO1D, "modes = 0", "key 'modes' must be a positive integer, got 0"),
            (FNO2D, "padding = -1", "key 'padding' must be a non-negative integer"),
            (FNO2D, "modes2 = 1.5", "key 'modes2' must be a positive integer, got 1.5"),
            (FNO1D, "width = ", "not valid TOML"),
        ];
        for (variant, text, want) in cases {
            let e = FnoConfig::from_toml(&variant, text).unwrap_err().to_string();
            assert!(e.contains(want), "{text}: {e}");
            assert!(!e.contains('\n'), "{e}");
        }
    }
}
