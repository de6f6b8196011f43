//! The generated 2D CFD data against recorded reference statistics (docs/decisions.md, "2D CFD
//! generator fidelity").
//!
//! How the reference figures were computed: `fidelity::tests::scheme_variant_statistics` (an
//! ignored unit test of this crate) with the default (PDEBench) scheme,
//!
//! ```text
//! RAYON_NUM_THREADS=1 CFD_STATS_SAMPLES=32 CFD_STATS_SEED=<s> CFD_STATS_VARIANTS=pdebench \
//!   cargo test --release -p engine-datasets --lib scheme_variant_statistics -- --ignored --nocapture
//! ```
//!
//! for data seeds s = 1..=6: six sets of 32 trajectories at 64 x 64 (M = 0.1, eta = zeta = 0.01,
//! 21 frames on [0, 1]), each summarised by `datasets::flow_statistics` (definitions in its docs).
//! `mean` is the mean over the six sets, `sd` the standard deviation across them: the spread of a
//! 32-trajectory statistic. This test generates another 32 trajectories (data seed 0, not among
//! the reference seeds) through the public API and requires each statistic within 4 sd of the
//! reference mean, sd taken at the upper end of its 95% confidence interval ([`SD_UPPER`]). That
//! bound is loose enough for sampling noise; the cause of issue 14's difference is pinned by the
//! paired unit tests in `cfd2d` and `fidelity` (same trajectories, both viscous operators).
//!
//! PDEBench's own data, as issue 14 measured them (256 trajectories made by PDEBench's generator at
//! 128 x 128, stored at 64 x 64; mean, and the 95% range of the mean over random 32-trajectory
//! subsets): velocity change per frame 0.98 (0.89-1.06), kinetic energy at t = 0.5 over t = 0
//! 0.076 (0.065-0.090). The reference means must fall inside those ranges.

use datasets::{flow_statistics, DataConfig, FlowStatistics, PdeDataset};

struct Ref {
    mean: f64,
    sd: f64,
}

// Reference figures (data seeds 1..=6, 32 trajectories each, 64 x 64, PDEBench scheme). Moments
// are [mean, std] per channel (density, pressure, Vx, Vy). For the first frame they agree with the
// recipe's expectations: density mean E[d0] = 5.05 and std ~ sd(d0) = 2.86; pressure mean
// E[d0] E[T0] = 25.5 and std 22.0; velocity std ~ 0.18 (|v| Rayleigh-distributed, mean |v| =
// 0.1 sqrt(5/3 T0), the window covering 0.45^2 of half of the samples).
const VELOCITY_CHANGE_PER_FRAME: Ref = Ref { mean: 0.9285, sd: 0.0494 };
const KINETIC_ENERGY_MID: Ref = Ref { mean: 0.08451, sd: 0.00353 };
const KINETIC_ENERGY_LAST: Ref = Ref { mean: 0.03444, sd: 0.000638 };
const MOMENTS_FIRST: [[Ref; 2]; 4] = [
    [Ref { mean: 5.176, sd: 0.646 }, Ref { mean: 2.849, sd: 0.388 }],
    [Ref { mean: 26.91, sd: 7.05 }, Ref { mean: 21.76, sd: 2.98 }],
    [Ref { mean: 0.000224, sd: 0.00193 }, Ref { mean: 0.174, sd: 0.0112 }],
    [Ref { mean: -0.000411, sd: 0.00109 }, Ref { mean: 0.1738, sd: 0.0126 }],
];
const MOMENTS_LAST: [[Ref; 2]; 4] = [
    [Ref { mean: 5.176, sd: 0.646 }, Ref { mean: 2.873, sd: 0.383 }],
    [Ref { mean: 27.02, sd: 7.07 }, Ref { mean: 21.57, sd: 2.95 }],
    [Ref { mean: -0.0003934, sd: 0.00204 }, Ref { mean: 0.0298, sd: 0.00186 }],
    [Ref { mean: -0.0003255, sd: 0.00101 }, Ref { mean: 0.02834, sd: 0.00289 }],
];
const SLOPE_FIRST: [Ref; 4] = [
    Ref { mean: -2.489, sd: 0.0978 },
    Ref { mean: -2.498, sd: 0.0753 },
    Ref { mean: -2.55, sd: 0.123 },
    Ref { mean: -2.531, sd: 0.0639 },
];
const SLOPE_LAST: [Ref; 4] = [
    Ref { mean: -2.535, sd: 0.0216 },
    Ref { mean: -6.555, sd: 0.0483 },
    Ref { mean: -5.752, sd: 0.346 },
    Ref { mean: -5.751, sd: 0.24 },
];


/// PDEBench's data (issue 14): (mean, low, high) of the 95% range over 32-trajectory subsets.
const PDEBENCH_CHANGE: (f64, f64, f64) = (0.98, 0.89, 1.06);
const PDEBENCH_KE_MID: (f64, f64, f64) = (0.076, 0.065, 0.090);

const CHANNELS: [&str; 4] = ["density", "pressure", "Vx", "Vy"];

/// An sd estimated from 6 sets can be well below the true one (the density spectrum slope at the
/// last frame: 0.022 from seeds 1-6, while seed 0 lies 0.14 away): the test uses the upper end of
/// its 95% confidence interval, sd * sqrt(5 / chi2_{0.025, 5}) = 2.45 sd.
const SD_UPPER: f64 = 2.45;

fn check(failures: &mut Vec<String>, what: &str, got: f64, r: &Ref) {
    let z = (got - r.mean) / (SD_UPPER * r.sd).max(1e-12);
    if z.is_nan() || z.abs() > 4.0 {
        failures.push(format!(
            "{what}: {got:.4} against reference {:.4} (sd {:.4}; {z:+.1} x {SD_UPPER} sd)",
            r.mean, r.sd
        ));
    }
}

fn generated() -> FlowStatistics {
    let dir = std::env::temp_dir().join(format!("engine-datasets-fidelity-{}", std::process::id()));
    let cfg = DataConfig {
        cache_dir: dir.clone(),
        num_samples: 32,
        ..DataConfig::preset("cfd-2d")
    };
    // The preset is the reference's setup: 64 x 64, 21 frames on [0, 1], M = 0.1, eta = zeta = 0.01.
    assert_eq!((cfg.resolution, cfg.num_frames, cfg.t_end, cfg.reduced_resolution), (64, 21, 1.0, 1));
    assert_eq!(cfg.physics().unwrap()["mach"], 0.1);
    let (ds, _) = PdeDataset::load(&cfg, None).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    flow_statistics(&ds).unwrap()
}

#[test]
fn generated_cfd_2d_statistics_match_the_reference() {
    let st = generated();
    assert_eq!((st.samples, st.shape), (32, [64, 64, 21]));
    assert!((st.t_mid - 0.5).abs() < 1e-6);
    let mut failures = Vec::new();
    check(&mut failures, "velocity change per frame", st.velocity_change_per_frame, &VELOCITY_CHANGE_PER_FRAME);
    check(&mut failures, "kinetic energy t=0.5 / t=0", st.kinetic_energy_mid, &KINETIC_ENERGY_MID);
    check(&mut failures, "kinetic energy t=1 / t=0", st.kinetic_energy_last, &KINETIC_ENERGY_LAST);
    for (c, name) in CHANNELS.iter().enumerate() {
        check(&mut failures, &format!("{name} mean, first frame"), st.first[c].mean, &MOMENTS_FIRST[c][0]);
        check(&mut failures, &format!("{name} std, first frame"), st.first[c].std, &MOMENTS_FIRST[c][1]);
        check(&mut failures, &format!("{name} mean, last frame"), st.last[c].mean, &MOMENTS_LAST[c][0]);
        check(&mut failures, &format!("{name} std, last frame"), st.last[c].std, &MOMENTS_LAST[c][1]);
        check(&mut failures, &format!("{name} spectrum slope, first frame"), st.spectrum_slope_first[c], &SLOPE_FIRST[c]);
        check(&mut failures, &format!("{name} spectrum slope, last frame"), st.spectrum_slope_last[c], &SLOPE_LAST[c]);
    }
    assert!(failures.is_empty(), "statistics off the reference:\n{}", failures.join("\n"));
}

/// The reference itself agrees with PDEBench's data where issue 14 measured them.
#[test]
fn reference_lies_in_pdebench_s_range() {
    let (_, lo, hi) = PDEBENCH_CHANGE;
    assert!((lo..=hi).contains(&VELOCITY_CHANGE_PER_FRAME.mean));
    let (_, lo, hi) = PDEBENCH_KE_MID;
    assert!((lo..=hi).contains(&KINETIC_ENERGY_MID.mean));
}
