//! Weight matrices of a layer and their eigenvalues (squared singular values).
//!
//! Matrices by [`LayerKind`] (`LayerWeights.shape`, row-major buffers):
//!
//! | kind | shape | matrices | eigenvalue scale |
//! |---|---|---|---|
//! | linear (and 2-D embedding / head / other) | `[out, in]` | the weight | 1 |
//! | conv1d | `[out, in, k]` | `W[:, :, t]` (out x in) for each tap `t` | `conv_norm` |
//! | conv2d | `[out, in, kh, kw]` | `W[:, :, p, q]` (out x in) for each tap | `conv_norm` |
//! | spectral-complex | `[in, out, modes...]` | `re[:, :, m] + i im[:, :, m]` (in x out) per mode | 1 |
//!
//! A layer's eigenvalues are pooled over its matrices and sorted ascending.
//!
//! Each matrix `A` (p x q) is copied to float64 and its eigenvalues computed as those of the Gram
//! matrix `G = A A^H` (`p <= q`) or `A^H A`: faer's Householder tridiagonalisation, then an
//! eigenvalues-only implicit QR on the tridiagonal matrix ([`crate::tridiagonal`]). This is 2-3x
//! faster than a float64 SVD on these shapes, and
//! float32 SVD is not accurate enough (see docs/tempbalance.md for the measurements). The price: an
//! eigenvalue's absolute error is about `max(p, q) x 2.2e-16 x λ_max` rather than
//! `2.2e-16 x σ_max x σ`, so eigenvalues below ~`1e-9 x λ_max` lose the 1e-6 relative agreement with
//! an SVD, and those at or below `max(p, q) x 2.2e-16 x λ_max` (the noise floor) are set to exactly
//! 0. This matters only for (nearly) rank-deficient layers, whose zero eigenvalues `filter_zeros`
//! removes.

use crate::tridiagonal::symmetric_tridiagonal_eigenvalues;
use crate::SpectralError;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::tridiag::{tridiag_in_place, tridiag_in_place_scratch};
use faer::linalg::matmul::triangular::{
    matmul_with_conj as triangular_matmul_with_conj, BlockStructure,
};
use faer::linalg::qr::no_pivoting::factor::recommended_block_size;
use faer::traits::ComplexField;
use faer::{c64, Accum, Conj, Mat, MatRef, Par};
use plugin_api::{LayerKind, LayerWeights};

/// One matrix inside a layer's flat buffer(s): element `(r, c)` is at
/// `offset + r * row_stride + c * col_stride`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixSlice {
    pub rows: usize,
    pub cols: usize,
    pub offset: usize,
    pub row_stride: usize,
    pub col_stride: usize,
}

/// The matrices of one layer.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerMatrices {
    pub matrices: Vec<MatrixSlice>,
    /// Whether `im` holds imaginary parts (spectral-complex).
    pub complex: bool,
    /// Factor applied to every eigenvalue (`conv_norm` for conv taps).
    pub eigen_scale: f64,
}

/// What to do with a layer's weights.
#[derive(Debug, Clone, PartialEq)]
pub enum Extraction {
    Matrices(LayerMatrices),
    /// Nothing to analyse, and why (e.g. a 1-D norm scale listed in `kinds`).
    Skip(String),
}

fn invalid(layer: &LayerWeights, message: String) -> SpectralError {
    SpectralError::InvalidLayer {
        layer: layer.group.to_string(),
        kind: layer.kind.as_str(),
        message,
    }
}

fn shape_text(shape: &[usize]) -> String {
    format!("{shape:?}")
}

/// Splits a layer's weights into matrices; checks that the buffers match the shape.
///
/// `Err` for a weight that breaks the `LayerWeights` contract (wrong rank for its kind, buffer
/// length not the product of the shape): that is a bug in the model plugin, not a property of
/// the weights.
pub fn layer_matrices(layer: &LayerWeights, conv_norm: f64) -> Result<Extraction, SpectralError> {
    let shape: Vec<usize> = layer
        .shape
        .iter()
        .map(|&d| {
            usize::try_from(d).map_err(|_| invalid(layer, format!("dimension {d} too large")))
        })
        .collect::<Result<_, _>>()?;
    let count = shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| invalid(layer, format!("shape {} overflows", shape_text(&shape))))?;
    if layer.re.len() != count {
        return Err(invalid(
            layer,
            format!(
                "`re` has {} values, shape {} needs {count}",
                layer.re.len(),
                shape_text(&shape)
            ),
        ));
    }
    let complex = layer.kind == LayerKind::SpectralComplex;
    let expected_im = if complex { count } else { 0 };
    if layer.im.len() != expected_im {
        let what = if complex {
            "the imaginary part of shape"
        } else {
            "nothing (real weight) for shape"
        };
        return Err(invalid(
            layer,
            format!(
                "`im` has {} values, expected {expected_im} ({what} {})",
                layer.im.len(),
                shape_text(&shape)
            ),
        ));
    }
    let need_rank = |rank: usize, form: &str| -> Result<(), SpectralError> {
        if shape.len() == rank {
            Ok(())
        } else {
            Err(invalid(
                layer,
                format!("shape {} is not {form}", shape_text(&shape)),
            ))
        }
    };
    // Taps of a convolution: matrix (o, i) at (o * in + i) * taps + t.
    let taps = |out: usize, inp: usize, taps: usize| -> Vec<MatrixSlice> {
        (0..taps)
            .map(|t| MatrixSlice {
                rows: out,
                cols: inp,
                offset: t,
                row_stride: inp * taps,
                col_stride: taps,
            })
            .collect()
    };
    let extraction = match layer.kind {
        LayerKind::Linear => {
            need_rank(2, "[out, in]")?;
            let m = MatrixSlice {
                rows: shape[0],
                cols: shape[1],
                offset: 0,
                row_stride: shape[1],
                col_stride: 1,
            };
            LayerMatrices {
                matrices: vec![m],
                complex: false,
                eigen_scale: 1.0,
            }
        }
        LayerKind::Conv1d => {
            need_rank(3, "[out, in, k]")?;
            LayerMatrices {
                matrices: taps(shape[0], shape[1], shape[2]),
                complex: false,
                eigen_scale: conv_norm,
            }
        }
        LayerKind::Conv2d => {
            need_rank(4, "[out, in, kh, kw]")?;
            LayerMatrices {
                matrices: taps(shape[0], shape[1], shape[2] * shape[3]),
                complex: false,
                eigen_scale: conv_norm,
            }
        }
        LayerKind::SpectralComplex => {
            if shape.len() < 2 {
                return Err(invalid(
                    layer,
                    format!("shape {} is not [in, out, modes...]", shape_text(&shape)),
                ));
            }
            // Element (i, o, m) at (i * out + o) * modes + m: the same layout as conv taps.
            let modes = shape[2..].iter().product();
            LayerMatrices {
                matrices: taps(shape[0], shape[1], modes),
                complex: true,
                eigen_scale: 1.0,
            }
        }
        LayerKind::Embedding | LayerKind::Head | LayerKind::Norm | LayerKind::Other => {
            // No contract on these shapes: a 2-D weight is one matrix, anything else is skipped.
            if shape.len() != 2 {
                return Ok(Extraction::Skip(format!(
                    "weight of shape {} is not a matrix",
                    shape_text(&shape)
                )));
            }
            let m = MatrixSlice {
                rows: shape[0],
                cols: shape[1],
                offset: 0,
                row_stride: shape[1],
                col_stride: 1,
            };
            LayerMatrices {
                matrices: vec![m],
                complex: false,
                eigen_scale: 1.0,
            }
        }
    };
    Ok(Extraction::Matrices(extraction))
}

impl MatrixSlice {
    /// Floating-point work of its eigenvalues, for scheduling the largest first.
    pub fn cost(&self) -> f64 {
        let (small, large) = (
            self.rows.min(self.cols) as f64,
            self.rows.max(self.cols) as f64,
        );
        small * small * (large + small)
    }

    /// A faer matrix with `value(index)` at each element, laid out so that the buffer is read in
    /// its own order (the transpose when rows are the long stride; singular values do not change).
    fn build_mat<T>(self, value: impl Fn(usize) -> T) -> Mat<T>
    where
        T: ComplexField,
    {
        let (rows, cols, rs, cs) = if self.row_stride >= self.col_stride {
            (self.cols, self.rows, self.col_stride, self.row_stride)
        } else {
            (self.rows, self.cols, self.row_stride, self.col_stride)
        };
        Mat::from_fn(rows, cols, |r, c| value(self.offset + r * rs + c * cs))
    }
}

/// Eigenvalues of `A A^H` (or `A^H A`, whichever is smaller), ascending, those at or below the
/// noise floor set to 0.
fn gram_eigenvalues<T>(a: MatRef<'_, T>) -> Result<Vec<f64>, String>
where
    T: ComplexField<Real = f64>,
{
    let (p, q) = (a.nrows(), a.ncols());
    let k = p.min(q);
    if k == 0 {
        return Ok(Vec::new());
    }
    let mut gram = Mat::<T>::zeros(k, k);
    // Only the lower triangle is computed and read: half the flops of a full product.
    // A A^H = A conj(A^T), or A^H A = conj(A^T) A.
    let (lhs, conj_lhs, rhs, conj_rhs) = if p <= q {
        (a, Conj::No, a.transpose(), Conj::Yes)
    } else {
        (a.transpose(), Conj::Yes, a, Conj::No)
    };
    triangular_matmul_with_conj(
        gram.as_mut(),
        BlockStructure::TriangularLower,
        Accum::Replace,
        lhs,
        BlockStructure::Rectangular,
        conj_lhs,
        rhs,
        BlockStructure::Rectangular,
        conj_rhs,
        T::one_impl(),
        Par::Seq,
    );
    // faer's Householder tridiagonalisation (reads the lower triangle), then our eigenvalues-only
    // tridiagonal QR (crate::tridiagonal: 2-3x faster than faer's for this stage).
    let block = recommended_block_size::<T>(k, k);
    let mut householder = Mat::<T>::zeros(block, k - 1);
    let scratch = tridiag_in_place_scratch::<T>(k, Par::Seq, Default::default());
    tridiag_in_place(
        gram.as_mut(),
        householder.as_mut(),
        Par::Seq,
        MemStack::new(&mut MemBuffer::new(scratch)),
        Default::default(),
    );
    // A Hermitian tridiagonal matrix is unitarily similar to the real one with |off-diagonals|.
    let mut values: Vec<f64> = (0..k).map(|i| T::real_part_impl(&gram[(i, i)])).collect();
    let mut off: Vec<f64> = (0..k - 1).map(|i| T::abs_impl(&gram[(i + 1, i)])).collect();
    symmetric_tridiagonal_eigenvalues(&mut values, &mut off)
        .map_err(|e| format!("the eigensolver failed: {e}"))?;
    values.sort_by(f64::total_cmp);
    // The eigensolver's error on G is about max(p, q) * eps * λ_max: anything at or below that is
    // indistinguishable from 0 and set to exactly 0 (this also clamps the small negative values
    // rounding produces). A rank-deficient weight then shows exact zeros, which filter_zeros
    // removes, instead of noise that would pass for a spectrum tail.
    let lambda_max = values.iter().copied().fold(0.0f64, f64::max);
    let noise_floor = p.max(q) as f64 * f64::EPSILON * lambda_max;
    Ok(values
        .into_iter()
        .map(|v| if v <= noise_floor { 0.0 } else { v })
        .collect())
}

/// Eigenvalues (squared singular values, unscaled) of one matrix of a layer, ascending.
///
/// `Err` only if the eigensolver does not converge.
pub fn matrix_eigenvalues(
    m: &MatrixSlice,
    re: &[f32],
    im: Option<&[f32]>,
) -> Result<Vec<f64>, String> {
    match im {
        None => gram_eigenvalues(m.build_mat(|x| re[x] as f64).as_ref()),
        Some(im) => gram_eigenvalues(
            m.build_mat(|x| c64::new(re[x] as f64, im[x] as f64))
                .as_ref(),
        ),
    }
}

/// All eigenvalues of a layer, pooled, scaled and sorted ascending (single-threaded;
/// [`crate::analyze`] spreads the matrices of all layers over rayon instead).
///
/// Outer `Err`: the weight breaks the `LayerWeights` contract. Inner `Err`: why there are no
/// eigenvalues (not a matrix, non-finite weights, solver failure). Non-finite weights are not
/// screened here; [`crate::analyze`] reports them as such before decomposing anything.
pub fn layer_eigenvalues(
    layer: &LayerWeights,
    conv_norm: f64,
) -> Result<Result<Vec<f64>, String>, SpectralError> {
    let matrices = match layer_matrices(layer, conv_norm)? {
        Extraction::Matrices(m) => m,
        Extraction::Skip(reason) => return Ok(Err(reason)),
    };
    let im = matrices.complex.then_some(layer.im.as_slice());
    let mut eigs = Vec::new();
    for m in &matrices.matrices {
        match matrix_eigenvalues(m, &layer.re, im) {
            Ok(values) => eigs.extend(values.into_iter().map(|v| v * matrices.eigen_scale)),
            Err(e) => return Ok(Err(e)),
        }
    }
    eigs.sort_by(f64::total_cmp);
    Ok(Ok(eigs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use abi_stable::std_types::{ROption, RVec};

    fn weights(kind: LayerKind, shape: &[u64], re: Vec<f32>, im: Vec<f32>) -> LayerWeights {
        LayerWeights {
            group: "layer".into(),
            kind,
            block: ROption::RNone,
            shape: shape.iter().copied().collect(),
            re: RVec::from(re),
            im: RVec::from(im),
        }
    }

    fn assert_close(got: &[f64], want: &[f64], tol: f64) {
        assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
        for (g, w) in got.iter().zip(want) {
            assert!(
                (g - w).abs() <= tol * w.abs().max(1e-300),
                "{got:?} vs {want:?}"
            );
        }
    }

    #[test]
    fn diagonal_linear_has_squared_entries() {
        // diag(3, 1, 2) padded to 3x4: singular values 3, 1, 2.
        let mut re = vec![0.0f32; 12];
        re[0] = 3.0;
        re[5] = -1.0;
        re[10] = 2.0;
        let eigs = layer_eigenvalues(
            &weights(LayerKind::Linear, &[3, 4], re.clone(), vec![]),
            0.5,
        )
        .unwrap()
        .unwrap();
        assert_close(&eigs, &[1.0, 4.0, 9.0], 1e-14);
        // The transpose (4x3) has the same spectrum.
        let mut t = vec![0.0f32; 12];
        for r in 0..3 {
            for c in 0..4 {
                t[c * 3 + r] = re[r * 4 + c];
            }
        }
        let eigs_t = layer_eigenvalues(&weights(LayerKind::Linear, &[4, 3], t, vec![]), 0.5)
            .unwrap()
            .unwrap();
        assert_close(&eigs_t, &[1.0, 4.0, 9.0], 1e-14);
    }

    #[test]
    fn matrix_eigenvalues_are_ascending() {
        // diag(2, 5, 1, 4): eigenvalues 1, 4, 16, 25 whatever order the solver finds them in.
        let mut re = vec![0.0f32; 16];
        for (i, v) in [2.0f32, 5.0, 1.0, 4.0].into_iter().enumerate() {
            re[i * 5] = v;
        }
        let m = MatrixSlice {
            rows: 4,
            cols: 4,
            offset: 0,
            row_stride: 4,
            col_stride: 1,
        };
        assert_eq!(
            matrix_eigenvalues(&m, &re, None).unwrap(),
            vec![1.0, 4.0, 16.0, 25.0]
        );
        // A random 40x30 block: ascending, and the trace is preserved.
        let re = crate::random::uniform(9, 1200);
        let m = MatrixSlice {
            rows: 40,
            cols: 30,
            offset: 0,
            row_stride: 30,
            col_stride: 1,
        };
        let eigs = matrix_eigenvalues(&m, &re, None).unwrap();
        assert_eq!(eigs.len(), 30);
        assert!(eigs.windows(2).all(|w| w[0] <= w[1]), "{eigs:?}");
        let trace: f64 = re.iter().map(|&x| (x as f64) * (x as f64)).sum();
        assert!((eigs.iter().sum::<f64>() - trace).abs() < 1e-12 * trace);
    }

    #[test]
    fn rank_one_matrix() {
        // u v^T with |u| = 5 (3,4), |v| = 13 (5,12): one eigenvalue 65^2, one 0.
        let (u, v) = ([3.0f32, 4.0], [5.0f32, 12.0]);
        let re: Vec<f32> = u
            .iter()
            .flat_map(|a| v.iter().map(move |b| a * b))
            .collect();
        let eigs = layer_eigenvalues(&weights(LayerKind::Linear, &[2, 2], re, vec![]), 1.0)
            .unwrap()
            .unwrap();
        // The zero is exact: rounding noise below the floor is flushed.
        assert_eq!(eigs[0], 0.0, "{eigs:?}");
        assert!((eigs[1] - 4225.0).abs() < 1e-9, "{eigs:?}");
    }

    #[test]
    fn conv_taps_are_separate_scaled_matrices() {
        // Conv2d [2, 2, 1, 2]: tap 0 = diag(1, 2), tap 1 = [[0, 3], [0, 0]].
        // Layout (o, i, 0, t) at (o * 2 + i) * 2 + t.
        let mut re = vec![0.0f32; 8];
        re[0] = 1.0; // (0,0,t0)
        re[6] = 2.0; // (1,1,t0)
        re[3] = 3.0; // (0,1,t1)
        let eigs = layer_eigenvalues(
            &weights(LayerKind::Conv2d, &[2, 2, 1, 2], re.clone(), vec![]),
            0.5,
        )
        .unwrap()
        .unwrap();
        assert_close(&eigs, &[0.0, 0.5, 2.0, 4.5], 1e-14);
        // The same buffer as Conv1d [2, 2, 2]: the same taps.
        let eigs1 = layer_eigenvalues(&weights(LayerKind::Conv1d, &[2, 2, 2], re, vec![]), 0.25)
            .unwrap()
            .unwrap();
        assert_close(&eigs1, &[0.0, 0.25, 1.0, 2.25], 1e-14);
    }

    #[test]
    fn conv1d_is_not_row_norms() {
        // Conv1d [2, 2, 1] = [[1, 1], [1, 1]]: singular values 2, 0 (the reference's row-norm quirk
        // would give 2, 2).
        let eigs = layer_eigenvalues(
            &weights(LayerKind::Conv1d, &[2, 2, 1], vec![1.0; 4], vec![]),
            1.0,
        )
        .unwrap()
        .unwrap();
        assert!(eigs[0] == 0.0 && (eigs[1] - 4.0).abs() < 1e-12, "{eigs:?}");
    }

    #[test]
    fn complex_modes() {
        // [in=2, out=2, modes=2]: mode 0 = [[i, 0], [0, 2]], mode 1 = [[1, i], [i, 1]].
        // Layout (i, o, m) at (i * 2 + o) * 2 + m.
        let mut re = vec![0.0f32; 8];
        let mut im = vec![0.0f32; 8];
        im[0] = 1.0; // (0,0,m0) = i
        re[6] = 2.0; // (1,1,m0) = 2
        re[1] = 1.0; // (0,0,m1) = 1
        im[3] = 1.0; // (0,1,m1) = i
        im[5] = 1.0; // (1,0,m1) = i
        re[7] = 1.0; // (1,1,m1) = 1
        let eigs = layer_eigenvalues(
            &weights(LayerKind::SpectralComplex, &[2, 2, 2], re, im),
            0.5,
        )
        .unwrap()
        .unwrap();
        // mode 0: |i|^2 = 1 and 4; mode 1: M M^H = [[1 + i(-i), -i + i], [i - i, i(-i) + 1]] = 2 I.
        assert_close(&eigs, &[1.0, 2.0, 2.0, 4.0], 1e-14);
    }

    #[test]
    fn contract_violations_are_errors() {
        let cases = [
            weights(LayerKind::Linear, &[2, 3], vec![0.0; 5], vec![]),
            weights(LayerKind::Linear, &[2, 3, 1], vec![0.0; 6], vec![]),
            weights(LayerKind::Conv2d, &[2, 3, 1], vec![0.0; 6], vec![]),
            weights(LayerKind::Conv1d, &[6], vec![0.0; 6], vec![]),
            weights(
                LayerKind::SpectralComplex,
                &[2, 3, 2],
                vec![0.0; 12],
                vec![],
            ),
            weights(LayerKind::Linear, &[2, 3], vec![0.0; 6], vec![0.0; 6]),
        ];
        for layer in cases {
            let e = layer_matrices(&layer, 0.5).unwrap_err().to_string();
            assert!(e.starts_with("spectral: layer `layer` ("), "{e}");
        }
        let e = layer_matrices(
            &weights(LayerKind::Linear, &[2, 3], vec![0.0; 5], vec![]),
            0.5,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "spectral: layer `layer` (linear): `re` has 5 values, shape [2, 3] needs 6"
        );
    }

    #[test]
    fn generic_kinds_take_matrices_or_skip() {
        let norm = weights(LayerKind::Norm, &[8], vec![1.0; 8], vec![]);
        assert_eq!(
            layer_matrices(&norm, 0.5).unwrap(),
            Extraction::Skip("weight of shape [8] is not a matrix".into())
        );
        let emb = weights(LayerKind::Embedding, &[5, 2], vec![1.0; 10], vec![]);
        let eigs = layer_eigenvalues(&emb, 0.5).unwrap().unwrap();
        // All-ones 5x2: singular values sqrt(10), 0.
        assert!(eigs[0] == 0.0 && (eigs[1] - 10.0).abs() < 1e-12, "{eigs:?}");
    }

    #[test]
    fn empty_matrix_has_no_eigenvalues() {
        let eigs = layer_eigenvalues(&weights(LayerKind::Linear, &[0, 4], vec![], vec![]), 0.5)
            .unwrap()
            .unwrap();
        assert!(eigs.is_empty());
    }
}
