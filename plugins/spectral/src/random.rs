//! Deterministic weight generators for benchmarks and test fixtures.
//!
//! Counter-based splitmix64 (`z_k = mix(seed + (k+1) γ)`), turned into floats with integer
//! arithmetic and correctly rounded IEEE operations only, so that
//! `tests/fixtures/make_fixtures.py` regenerates bit-identical weights with numpy.

const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The `k`-th output (from 0) of splitmix64 started at `seed`.
pub fn splitmix64(seed: u64, k: u64) -> u64 {
    let mut z = seed.wrapping_add(k.wrapping_add(1).wrapping_mul(GAMMA));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `count` values uniform on `[-1, 1)` in steps of `2^-23` (exact in f32).
pub fn uniform(seed: u64, count: usize) -> Vec<f32> {
    (0..count as u64)
        .map(|k| ((splitmix64(seed, k) >> 40) as f64 / (1u64 << 23) as f64 - 1.0) as f32)
        .collect()
}

/// `count` heavy-tailed values `u1 / sqrt(|u2| + 2^-12)` from consecutive uniform pairs:
/// `P(|x| > t) ~ t^-2`, the kind of tail trained weights show.
pub fn heavy_tailed(seed: u64, count: usize) -> Vec<f32> {
    let u = uniform(seed, 2 * count);
    u.chunks_exact(2)
        .map(|p| (p[0] as f64 / ((p[1] as f64).abs() + 2f64.powi(-12)).sqrt()) as f32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_known_values() {
        // The reference splitmix64 sequence from seed 0 (Vigna's splitmix64.c; first outputs).
        assert_eq!(splitmix64(0, 0), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(0, 1), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(splitmix64(0, 2), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn ranges() {
        let u = uniform(7, 10_000);
        assert!(u.iter().all(|x| (-1.0..1.0).contains(x)));
        let mean = u.iter().map(|&x| x as f64).sum::<f64>() / u.len() as f64;
        assert!(mean.abs() < 0.03, "{mean}");
        let h = heavy_tailed(7, 10_000);
        assert!(h.iter().all(|x| x.is_finite() && x.abs() <= 64.0));
        assert!(h.iter().any(|x| x.abs() > 10.0));
    }
}
