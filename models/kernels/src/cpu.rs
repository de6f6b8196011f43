//! Low-level CPU helpers shared by the fused ops of this crate ([`crate::activation`], [`crate::cnn`],
//! [`crate::batchnorm`]) and of model crates (bert's LayerNorm and softmax): f32 slices of candle
//! storages and tensors, the rayon check and chunked-parallel loops, lane-wise sums that
//! vectorize, a vectorizable `exp`, and [`versions!`], which compiles a kernel for AVX-512 and
//! AVX2 and picks one at run time.

use candle_core::backend::BackendStorage;
use candle_core::{CpuStorage, Layout, Storage, Tensor};
use rayon::prelude::*;

/// The contiguous f32 data of a custom op's input (`op` names it in errors).
pub fn contiguous_f32<'a>(
    s: &'a CpuStorage,
    l: &Layout,
    op: &str,
) -> candle_core::Result<&'a [f32]> {
    let CpuStorage::F32(data) = s else {
        candle_core::bail!("{op}: only f32 tensors are supported, got {:?}", s.dtype())
    };
    let Some((start, end)) = l.contiguous_offsets() else {
        candle_core::bail!("{op}: the input must be contiguous")
    };
    Ok(&data[start..end])
}

/// Runs `f` on the f32 data of a CPU tensor, without copying it when it is contiguous (backward
/// passes read activations of hundreds of MiB; a copy each would be a large share of the step).
pub fn with_f32<R>(
    t: &Tensor,
    f: impl FnOnce(&[f32]) -> candle_core::Result<R>,
) -> candle_core::Result<R> {
    let t = t.contiguous()?;
    let (storage, layout) = t.storage_and_layout();
    let Storage::Cpu(CpuStorage::F32(data)) = &*storage else {
        candle_core::bail!("only f32 CPU tensors are supported")
    };
    let Some((a, b)) = layout.contiguous_offsets() else {
        candle_core::bail!("the tensor must be contiguous")
    };
    f(&data[a..b])
}

/// Whether rayon has more than one thread to split work across.
pub fn parallel() -> bool {
    rayon::current_num_threads() > 1
}

/// Rows of `row_len` values per parallel task, for tasks of about `elems` values (at least one).
pub fn rows_per_task(row_len: usize, elems: usize) -> usize {
    (elems / row_len.max(1)).max(1)
}

/// `f(task index, chunk)` for the `chunk`-long pieces of `data` (the last may be shorter), in
/// order; on rayon's threads when there are several and `data` is more than one piece. Returns
/// the results in task order.
pub fn map_chunks<T, R, F>(data: &mut [T], chunk: usize, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(usize, &mut [T]) -> R + Sync + Send,
{
    if data.is_empty() {
        return Vec::new(); // no pieces (and a zero chunk length, as of an empty batch, is fine)
    }
    if parallel() && data.len() > chunk {
        data.par_chunks_mut(chunk)
            .enumerate()
            .map(|(t, c)| f(t, c))
            .collect()
    } else {
        data.chunks_mut(chunk)
            .enumerate()
            .map(|(t, c)| f(t, c))
            .collect()
    }
}

/// [`map_chunks`] without results.
pub fn for_each_chunk<T, F>(data: &mut [T], chunk: usize, f: F)
where
    T: Send,
    F: Fn(usize, &mut [T]) + Sync + Send,
{
    map_chunks(data, chunk, f);
}

/// Values per parallel task of the kernels (elements, or whole rows up to about this many): large
/// enough that rayon's overhead is negligible.
pub const TASK_VALUES: usize = 1 << 15;

/// A new vector of `n` values made by `f(task index, chunk)` on its `chunk`-long pieces, each
/// piece zeroed just before: `vec![0.0; n]` followed by [`for_each_chunk`], except that the
/// zeroing runs in the tasks too. `vec![0.0; n]` zeroes the whole buffer on the calling thread
/// (the caching allocator hands out used blocks), a serial pass that took about a tenth of a
/// 2-thread UNet step (docs/benchmarks.md); here it is split like the work and each piece is
/// written while it is still in cache.
pub fn filled_by_chunks<F>(n: usize, chunk: usize, f: F) -> Vec<f32>
where
    F: Fn(usize, &mut [f32]) + Sync + Send,
{
    map_filled_chunks(n, chunk, f).0
}

/// [`filled_by_chunks`] that also returns each task's result, in task order.
pub fn map_filled_chunks<R, F>(n: usize, chunk: usize, f: F) -> (Vec<f32>, Vec<R>)
where
    R: Send,
    F: Fn(usize, &mut [f32]) -> R + Sync + Send,
{
    let mut v: Vec<f32> = Vec::with_capacity(n);
    let results = map_chunks(
        &mut v.spare_capacity_mut()[..n],
        chunk.max(1),
        |t, piece| {
            for x in piece.iter_mut() {
                x.write(0.0);
            }
            // SAFETY: every element of `piece` was initialised just above, and `MaybeUninit<f32>`
            // has the layout of `f32`.
            let piece = unsafe { &mut *(piece as *mut [std::mem::MaybeUninit<f32>] as *mut [f32]) };
            f(t, piece)
        },
    );
    // SAFETY: the pieces cover `0..n` and each was initialised.
    unsafe { v.set_len(n) };
    (v, results)
}

/// `sum(f(v[i]))` in `L` interleaved f32 accumulators over whole `L`-chunks, then the lanes in
/// order plus the remainder (vectorizes; more accurate than one accumulator).
#[inline(always)]
pub fn lane_sum<const L: usize>(v: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut acc = [0f32; L];
    let chunks = v.chunks_exact(L);
    let rest = chunks.remainder();
    for ch in chunks {
        for k in 0..L {
            acc[k] += f(ch[k]);
        }
    }
    acc.iter().sum::<f32>() + rest.iter().map(|&x| f(x)).sum::<f32>()
}

/// Sum of a row in 8 interleaved f32 accumulators ([`lane_sum`]).
#[inline(always)]
pub fn row_sum(v: &[f32]) -> f32 {
    lane_sum::<8>(v, |x| x)
}

/// Dot product of two rows (the shorter length) in 8 interleaved f32 accumulators.
#[inline(always)]
pub fn row_dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let ca = a.chunks_exact(8);
    let cb = b.chunks_exact(8);
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + ra.iter().zip(rb).map(|(x, y)| x * y).sum::<f32>()
}

/// exp(x) for x <= 0 (Cephes `expf` polynomial with a rounding trick instead of `floor`, so the
/// loop vectorizes). Relative error about 1e-7; underflows smoothly to ~0 below -87.
#[inline(always)]
pub fn exp_nonpos(x: f32) -> f32 {
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    const MAGIC: f32 = 12_582_912.0; // 1.5 * 2^23: adding and subtracting it rounds to an integer
    let x = x.max(-87.0);
    let shifted = x * LOG2E + MAGIC;
    let n = shifted - MAGIC;
    // The integer n itself, from the bits: `shifted` lies in [2^23, 2^24), where the float step
    // is 1, so its bits exceed MAGIC's by exactly n. (`n as i32` is a saturating conversion
    // that LLVM compiles lane by lane, which made GELU about 10x slower than a vector loop.)
    let k = shifted.to_bits().wrapping_sub(MAGIC.to_bits()) as i32;
    let r = x - n * 0.693_359_4 - n * -2.121_944_4e-4;
    let p = ((((1.987_569_1e-4 * r + 1.398_199_9e-3) * r + 8.333_452e-3) * r + 4.166_579_6e-2) * r
        + 1.666_666_5e-1)
        * r
        + 0.5;
    let y = p * r * r + r + 1.0;
    y * f32::from_bits(((k + 127) as u32) << 23)
}

/// Turns each kernel `fn name(args) { body }` given to it into a function `name(args)` that runs
/// `body` compiled for AVX-512F (+AVX2, FMA) or AVX2 + FMA when the CPU has them (checked at run
/// time) and its portable build otherwise (the body is inlined into each build, so plain loops
/// vectorize for the CPU at hand). Attributes (docs) and a visibility before `fn` are kept;
/// kernels return nothing and take plain `name: Type` arguments.
///
/// ```
/// model_kernels::cpu::versions! {
///     /// `out = 2 x`, vectorized for the CPU at hand.
///     fn double(x: &[f32], out: &mut [f32]) {
///         out.iter_mut().zip(x).for_each(|(o, v)| *o = 2.0 * v);
///     }
/// }
/// let mut out = [0.0; 3];
/// double(&[1.0, 2.0, 3.0], &mut out);
/// assert_eq!(out, [2.0, 4.0, 6.0]);
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! __kernels_versions {
    ($($(#[$m:meta])* $vis:vis fn $name:ident($($a:ident: $t:ty),* $(,)?) $body:block)*) => {$(
        $(#[$m])*
        $vis fn $name($($a: $t),*) {
            #[inline(always)]
            fn kernel($($a: $t),*) $body
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx2,fma")]
                unsafe fn avx512($($a: $t),*) {
                    kernel($($a),*)
                }
                #[target_feature(enable = "avx2,fma")]
                unsafe fn avx2($($a: $t),*) {
                    kernel($($a),*)
                }
                if std::is_x86_feature_detected!("avx512f")
                    && std::is_x86_feature_detected!("avx2")
                    && std::is_x86_feature_detected!("fma")
                {
                    // SAFETY: the CPU has the features the function was compiled for.
                    return unsafe { avx512($($a),*) };
                }
                if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
                    // SAFETY: as above.
                    return unsafe { avx2($($a),*) };
                }
            }
            kernel($($a),*)
        }
    )*};
}

#[doc(inline)]
pub use crate::__kernels_versions as versions;

/// Runs `f` in a rayon pool of `threads` threads: tests of the parallel paths (the test suite
/// runs with `RAYON_NUM_THREADS=1`, which takes the serial ones).
#[cfg(test)]
pub(crate) fn with_threads<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a test thread pool")
        .install(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filled_chunks_are_zeroed_then_written_in_task_order() {
        for threads in [1, 2] {
            let (v, tasks) = with_threads(threads, || {
                map_filled_chunks(10_007, 1000, |t, piece| {
                    assert!(piece.iter().all(|&x| x == 0.0));
                    for (i, x) in piece.iter_mut().enumerate().skip(1) {
                        *x = (t * 1000 + i) as f32;
                    }
                    t
                })
            });
            assert_eq!(tasks, (0..11).collect::<Vec<_>>(), "{threads} threads");
            let want: Vec<f32> = (0..10_007)
                .map(|i| if i % 1000 == 0 { 0.0 } else { i as f32 })
                .collect();
            assert_eq!(v, want, "{threads} threads");
        }
    }

    versions! {
        /// Test dispatch.
        fn double(x: &[f32], out: &mut [f32]) {
            for (o, &v) in out.iter_mut().zip(x) {
                *o = 2.0 * v;
            }
        }
    }

    #[test]
    fn helpers_agree_with_plain_loops() {
        let v: Vec<f32> = (0..37).map(|i| (i as f32 * 0.37).sin()).collect();
        let w: Vec<f32> = (0..37).map(|i| (i as f32 * 0.11).cos()).collect();
        let plain: f32 = v.iter().sum();
        assert!((row_sum(&v) - plain).abs() < 1e-5);
        assert_eq!(row_sum(&v), lane_sum::<8>(&v, |x| x));
        let dot: f32 = v.iter().zip(&w).map(|(a, b)| a * b).sum();
        assert!((row_dot(&v, &w) - dot).abs() < 1e-5);
        for x in [-100.0f32, -20.0, -1.5, -0.1, 0.0] {
            let e = exp_nonpos(x);
            assert!((e - x.exp()).abs() <= 3e-7 * x.exp() + 1e-37, "{x}: {e}");
        }
        let mut out = vec![0f32; v.len()];
        double(&v, &mut out);
        assert!(out.iter().zip(&v).all(|(o, x)| *o == 2.0 * x));
        let mut data = vec![0usize; 10];
        let firsts = map_chunks(&mut data, 4, |t, c| {
            c.iter_mut().for_each(|x| *x = t);
            c.len()
        });
        assert_eq!(firsts, [4, 4, 2]);
        assert_eq!(data, [0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
        assert_eq!(rows_per_task(100, 1 << 15), 327);
        assert_eq!(rows_per_task(1 << 20, 1 << 15), 1);
    }
}
