//! nRMSE / RMSE against hand-computed values.

use datasets::{batch_metrics, FieldLayout, MetricAccumulator};

/// Builds a [B, S, T, C=1] buffer from values indexed [b][s][t].
fn buf(v: [[[f32; 2]; 2]; 2]) -> Vec<f32> {
    v.iter()
        .flat_map(|b| b.iter().flat_map(|s| s.iter().copied()))
        .collect()
}

const LAYOUT: FieldLayout = FieldLayout {
    batch: 2,
    space: 2,
    frames: 2,
    channels: 1,
};

// target / prediction [b][s][t]
//  b0 t0: Y = (3, 4), P = (4, 3): err = 1, nrm = sqrt(12.5)      -> 1 / sqrt(12.5)
//  b0 t1: Y = (0, 0), P = (0.5, 0.5): err = 0.5, nrm = 0         -> left out of nRMSE
//  b1 t0: Y = (1, 1), P = (1, 1): err = 0, nrm = 1               -> 0
//  b1 t1: Y = (2, -2), P = (0, 0): err = 2, nrm = 2              -> 1
fn example() -> (Vec<f32>, Vec<f32>) {
    let y = buf([[[3.0, 0.0], [4.0, 0.0]], [[1.0, 2.0], [1.0, -2.0]]]);
    let p = buf([[[4.0, 0.5], [3.0, 0.5]], [[1.0, 0.0], [1.0, 0.0]]]);
    (p, y)
}

#[test]
fn hand_computed_batch() {
    let (p, y) = example();
    let m = batch_metrics(&p, &y, LAYOUT, 0..2).unwrap();
    let r = 1.0 / 12.5f64.sqrt();
    assert!((m.nrmse_sum - (r + 0.0 + 1.0)).abs() < 1e-12);
    assert_eq!((m.nrmse_count, m.count, m.zero_norm), (3, 4, 1));
    assert!((m.nrmse().unwrap() - (r + 1.0) / 3.0).abs() < 1e-12);
    assert!((m.rmse().unwrap() - (1.0 + 0.5 + 0.0 + 2.0) / 4.0).abs() < 1e-12);

    // Predicted frames only (t = 1): b0 t1 is left out, b1 t1 = 1.
    let m1 = batch_metrics(&p, &y, LAYOUT, 1..2).unwrap();
    assert_eq!((m1.nrmse(), m1.zero_norm), (Some(1.0), 1));
    assert_eq!(m1.rmse(), Some(1.25));
    // Frame 0 only.
    let m0 = batch_metrics(&p, &y, LAYOUT, 0..1).unwrap();
    assert!((m0.nrmse().unwrap() - r / 2.0).abs() < 1e-12);
    // Empty range: nothing.
    let e = batch_metrics(&p, &y, LAYOUT, 1..1).unwrap();
    assert_eq!((e.nrmse(), e.rmse()), (None, None));
}

#[test]
fn channels_are_separate_and_nrmse_is_scale_free() {
    // C = 2: channel 1 = 100 x channel 0, for both prediction and target.
    let (p, y) = example();
    let two = |v: &[f32]| v.iter().flat_map(|&x| [x, 100.0 * x]).collect::<Vec<f32>>();
    let layout = FieldLayout {
        channels: 2,
        ..LAYOUT
    };
    let m2 = batch_metrics(&two(&p), &two(&y), layout, 0..2).unwrap();
    let m1 = batch_metrics(&p, &y, LAYOUT, 0..2).unwrap();
    assert!((m2.nrmse().unwrap() - m1.nrmse().unwrap()).abs() < 1e-12);
    assert_eq!((m2.count, m2.nrmse_count, m2.zero_norm), (8, 6, 2));
    // RMSE is not scale-free: mean of (rmse, 100 rmse).
    assert!((m2.rmse().unwrap() - 50.5 * m1.rmse().unwrap()).abs() < 1e-9);
}

#[test]
fn perfect_prediction_is_zero() {
    let (_, y) = example();
    let m = batch_metrics(&y, &y, LAYOUT, 0..2).unwrap();
    assert_eq!((m.nrmse(), m.rmse()), (Some(0.0), Some(0.0)));
}

#[test]
fn accumulator_means_batches_like_pdebench() {
    let (p, y) = example();
    let a = batch_metrics(&p, &y, LAYOUT, 0..2).unwrap(); // nRMSE (r + 1) / 3 over 3
    let b = batch_metrics(&p, &y, LAYOUT, 1..2).unwrap(); // nRMSE 1 over 1
    let mut acc = MetricAccumulator::new();
    acc.add(&a);
    let mut acc2 = MetricAccumulator::new();
    assert_eq!(acc2.add_batch(&p, &y, LAYOUT, 0..2).unwrap(), a);
    assert_eq!(acc2, acc);
    acc.add(&b);
    let r = 1.0 / 12.5f64.sqrt();
    assert!((acc.nrmse().unwrap() - ((r + 1.0) / 3.0 + 1.0) / 2.0).abs() < 1e-12);
    assert!((acc.nrmse_pooled().unwrap() - (r + 2.0) / 4.0).abs() < 1e-12);
    assert!((acc.rmse().unwrap() - (0.875 + 1.25) / 2.0).abs() < 1e-12);
    assert!((acc.rmse_pooled().unwrap() - 6.0 / 6.0).abs() < 1e-12);
    assert_eq!((acc.batches(), acc.total().zero_norm), (2, 2));
    // A batch with only zero targets has no nRMSE and does not enter the mean of batches.
    let zeros = vec![0f32; 8];
    acc.add(&batch_metrics(&p, &zeros, LAYOUT, 0..2).unwrap());
    assert!((acc.nrmse().unwrap() - ((r + 1.0) / 3.0 + 1.0) / 2.0).abs() < 1e-12);
    assert_eq!(acc.batches(), 3);
    assert_eq!(MetricAccumulator::new().nrmse(), None);
}

#[test]
fn shape_errors() {
    let (p, y) = example();
    let e = batch_metrics(&p[..7], &y, LAYOUT, 0..2)
        .unwrap_err()
        .to_string();
    assert!(e.contains("expected 8"), "{e}");
    let e = batch_metrics(&p, &y, LAYOUT, 0..3).unwrap_err().to_string();
    assert!(e.contains("frame range 0..3"), "{e}");
}
