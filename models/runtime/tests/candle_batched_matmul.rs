//! The workspace's patched candle-core (third_party/README.md) runs the products of a batched
//! matmul as parallel rayon tasks when more than one thread is configured and the caller is not
//! a pool worker. This test binary sets two threads for itself (its own process, one test), so
//! that the parallel route runs even under CI's `RAYON_NUM_THREADS=1`, and checks it against
//! the products taken one at a time: the same values to the bit, for the batch shapes the models
//! use (attention's [B*heads, L, d] x [B*heads, d, L]), odd batch counts, a batch-invariant
//! right-hand side (folded into one product upstream) and an empty product.

use candle_core::{Device, IndexOp, Tensor};

fn filled(dims: &[usize], seed: usize) -> Tensor {
    let n: usize = dims.iter().product();
    let v: Vec<f32> = (0..n)
        .map(|i| (((i * 7919 + seed * 104_729) % 2003) as f32) / 1001.0 - 1.0)
        .collect();
    Tensor::from_vec(v, dims, &Device::Cpu).unwrap()
}

fn bits(t: &Tensor) -> Vec<u32> {
    t.flatten_all().unwrap().to_vec1::<f32>().unwrap().iter().map(|x| x.to_bits()).collect()
}

#[test]
fn batched_products_in_parallel_equal_one_at_a_time() {
    std::env::set_var("RAYON_NUM_THREADS", "2");
    assert_eq!(rayon::current_num_threads(), 2, "the global pool must start with 2 threads");
    for &(b, m, k, n) in &[(24, 128, 32, 128), (7, 33, 5, 17), (3, 1, 64, 1), (2, 0, 4, 3)] {
        let lhs = filled(&[b, m, k], 1);
        let rhs = filled(&[b, k, n], 2);
        let batched = lhs.matmul(&rhs).unwrap();
        assert_eq!(batched.dims(), &[b, m, n]);
        for step in 0..b {
            let one = lhs.i(step).unwrap().matmul(&rhs.i(step).unwrap()).unwrap();
            assert_eq!(
                bits(&batched.i(step).unwrap()),
                bits(&one),
                "product {step} of batch ({b}, {m}, {k}, {n})"
            );
        }
    }
    // A transposed (strided) operand, as attention's backward hands over.
    let q = filled(&[12, 40, 16], 3);
    let kt = filled(&[12, 40, 16], 4).transpose(1, 2).unwrap();
    let batched = q.matmul(&kt).unwrap();
    for step in 0..12 {
        let one = q.i(step).unwrap().matmul(&kt.i(step).unwrap()).unwrap();
        assert_eq!(bits(&batched.i(step).unwrap()), bits(&one), "strided rhs, product {step}");
    }
    // A batch-invariant right-hand side (stride 0 over the batch) is folded into one product.
    let w = filled(&[16, 8], 5);
    let x = filled(&[5, 9, 16], 6);
    let folded = x.broadcast_matmul(&w).unwrap();
    for step in 0..5 {
        let one = x.i(step).unwrap().matmul(&w).unwrap();
        assert_eq!(bits(&folded.i(step).unwrap()), bits(&one), "folded batch, product {step}");
    }
}
