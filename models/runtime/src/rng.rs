//! Seeded randomness. candle's CPU RNG cannot be seeded, so every random number a model needs
//! (initial weights, dropout masks) comes from ChaCha streams derived from the run seed.
//!
//! Each purpose gets its own stream (`rng_for(seed, "init/fc0.weight")`), so adding a parameter or
//! a dropout layer does not shift the numbers any other consumer sees.

use rand::SeedableRng;
use rand_chacha::ChaCha12Rng;

/// The generator type used everywhere in the runtime.
pub type Rng = ChaCha12Rng;

/// A generator for `purpose` under `seed`: the same (seed, purpose) always gives the same stream,
/// different purposes give independent streams.
pub fn rng_for(seed: u64, purpose: &str) -> Rng {
    let mut rng = ChaCha12Rng::seed_from_u64(seed);
    rng.set_stream(fnv1a64(purpose.as_bytes()));
    rng
}

/// FNV-1a, 64 bit: a stable (toolchain-independent) hash for stream ids.
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng as _;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u32> = (0..8)
            .map({
                let mut r = rng_for(7, "x");
                move |_| r.random()
            })
            .collect();
        let b: Vec<u32> = (0..8)
            .map({
                let mut r = rng_for(7, "x");
                move |_| r.random()
            })
            .collect();
        let c: Vec<u32> = (0..8)
            .map({
                let mut r = rng_for(7, "y");
                move |_| r.random()
            })
            .collect();
        let d: Vec<u32> = (0..8)
            .map({
                let mut r = rng_for(8, "x");
                move |_| r.random()
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, d);
    }
}
