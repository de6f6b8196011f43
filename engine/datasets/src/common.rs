//! Helpers shared by the generators: per-sample random streams, grids, save times.

use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// The random stream of sample `index` of `dataset`: ChaCha20 keyed by (data seed, FNV-1a of the
/// dataset name), stream = sample index. A sample therefore depends on nothing but (seed, index,
/// parameters): not on the thread count nor on how many samples are generated, and two datasets
/// generated with the same `data.seed` draw independent numbers.
pub(crate) fn sample_rng(dataset: &str, seed: u64, index: usize) -> ChaCha20Rng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&crate::cache::fnv1a64(dataset.as_bytes()).to_le_bytes());
    let mut rng = ChaCha20Rng::from_seed(key);
    rng.set_stream(index as u64);
    rng
}

/// Save times t_k = t_end * k / (num_frames - 1), k = 0..num_frames.
pub(crate) fn save_times(t_end: f64, num_frames: usize) -> Vec<f64> {
    (0..num_frames)
        .map(|k| t_end * k as f64 / (num_frames - 1) as f64)
        .collect()
}

/// Cell-centre coordinates of n equal cells on [lo, hi].
pub(crate) fn cell_centres(n: usize, lo: f64, hi: f64) -> Vec<f64> {
    let dx = (hi - lo) / n as f64;
    (0..n).map(|i| lo + (i as f64 + 0.5) * dx).collect()
}

/// The time loop shared by the explicit solvers: from `times[0]` it advances `state` with
/// `step(state, dt)` until each save time is reached exactly, and calls `save(k, state)` at every
/// save time (k = 0 first, before any step). Returns the number of steps.
///
/// `stable_dt(state)` gives the step the state allows now; the loop clips it so that it lands exactly on
/// the next save time, and splits the remainder in two equal steps when a single clipped step would
/// leave a sliver (remainder between 1 and 2 stable steps), so no step is tiny.
pub(crate) fn march<S: ?Sized, E>(
    times: &[f64],
    state: &mut S,
    mut stable_dt: impl FnMut(&S) -> Result<f64, E>,
    mut step: impl FnMut(&mut S, f64) -> Result<(), E>,
    mut save: impl FnMut(usize, &S),
) -> Result<usize, E> {
    let mut t = times[0];
    let mut steps = 0usize;
    save(0, state);
    for (k, &t_save) in times.iter().enumerate().skip(1) {
        loop {
            let remaining = t_save - t;
            if remaining <= 1e-14 * t_save.abs().max(1.0) {
                break;
            }
            let dt = stable_dt(state)?;
            let (dt, last) = if remaining <= dt {
                (remaining, true)
            } else if remaining <= 2.0 * dt {
                (0.5 * remaining, false)
            } else {
                (dt, false)
            };
            step(state, dt)?;
            steps += 1;
            t = if last { t_save } else { t + dt };
        }
        t = t_save;
        save(k, state);
    }
    Ok(steps)
}

/// A solver's stable step as `march` takes it: an error when the state no longer allows a
/// positive finite step (it left the admissible set).
pub(crate) fn admissible_dt(dt: f64) -> Result<f64, ()> {
    if dt.is_finite() && dt > 0.0 {
        Ok(dt)
    } else {
        Err(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn streams_differ_by_index_seed_and_dataset() {
        let draw = |d: &str, s: u64, i: usize| sample_rng(d, s, i).random::<u64>();
        let a = draw("x", 0, 0);
        assert_eq!(a, draw("x", 0, 0));
        assert_ne!(a, draw("x", 0, 1));
        assert_ne!(a, draw("x", 1, 0));
        assert_ne!(a, draw("y", 0, 0));
    }

    #[test]
    fn march_lands_on_every_save_time_without_slivers() {
        let times = save_times(1.0, 11);
        let mut t = 0.0;
        let mut dts = Vec::new();
        let mut saved = Vec::new();
        march::<f64, ()>(
            &times,
            &mut t,
            |_| Ok(0.03),
            |t, dt| {
                *t += dt;
                dts.push(dt);
                Ok(())
            },
            |k, t| saved.push((k, *t)),
        )
        .unwrap();
        assert_eq!(saved.len(), 11);
        for (k, tk) in saved {
            assert!((tk - times[k]).abs() < 1e-12, "{k}: {tk}");
        }
        // 0.1 per interval with dt 0.03: 0.03, 0.03, then 0.04 split as 0.02 + 0.02.
        assert!(
            dts.iter().all(|&d| d > 0.015 && d <= 0.03 + 1e-15),
            "{dts:?}"
        );
    }
}
