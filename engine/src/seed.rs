//! The engine owns randomness: one seed per run, one derived stream per purpose (model init,
//! shuffling per epoch...), so that a purpose's draws never depend on another's.

/// A 64-bit seed for `purpose`, derived from the run seed (FNV-1a of the purpose, then SplitMix64).
pub fn derive(seed: u64, purpose: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in purpose.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let mut z = seed ^ h;
    z = z.wrapping_add(0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    #[test]
    fn purposes_and_seeds_give_distinct_streams() {
        let a = super::derive(0, "model");
        assert_eq!(a, super::derive(0, "model"));
        assert_ne!(a, super::derive(0, "shuffle/0"));
        assert_ne!(a, super::derive(1, "model"));
    }
}
