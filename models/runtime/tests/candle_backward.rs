//! The workspace builds candle-core with a patched backward pass (third_party/README.md): a node's
//! first gradient contribution is stored as it is instead of being added to a zeroed tensor. These
//! tests pin what the patch must keep: contributions from several uses of a tensor add up (also
//! when one gradient tensor is handed to both inputs of an add), gradients of views (transpose,
//! narrow, broadcast) come back contiguous and with the input's shape, the negated rules (sub,
//! tanh, cos) keep their sign, and a composite expression matches central finite differences.

use candle_core::{DType, Device, Tensor, Var};

fn var(values: &[f64], shape: &[usize]) -> Var {
    Var::from_tensor(&Tensor::from_vec(values.to_vec(), shape, &Device::Cpu).unwrap()).unwrap()
}

fn values(t: &Tensor) -> Vec<f64> {
    t.flatten_all().unwrap().to_vec1::<f64>().unwrap()
}

fn assert_close(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() <= 1e-9 * (1.0 + w.abs()), "{what}[{i}]: got {g}, want {w}");
    }
}

#[test]
fn several_uses_of_one_tensor_add_up() {
    let x = var(&[1.0, -2.0, 3.0], &[3]);
    // x + x hands the same gradient tensor to both inputs of the add; x * 3 is a third use.
    let y = ((x.as_tensor() + x.as_tensor()).unwrap() + (x.as_tensor() * 3.0).unwrap()).unwrap();
    let grads = y.sum_all().unwrap().backward().unwrap();
    assert_close(&values(grads.get(&x).unwrap()), &[5.0; 3], "d(x + x + 3x)/dx");
}

#[test]
fn gradients_of_views_are_contiguous_with_the_input_shape() {
    let w = var(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &[2, 3]);
    let c = Tensor::from_vec(vec![1.0f64, 10.0, 100.0, 1000.0, 1e4, 1e5], (3, 2), &Device::Cpu)
        .unwrap();
    // The only use of w is through its transpose: its gradient is c's transpose, a strided view.
    let loss = (w.as_tensor().t().unwrap() * &c).unwrap().sum_all().unwrap();
    let grads = loss.backward().unwrap();
    let g = grads.get(&w).unwrap();
    assert_eq!(g.dims(), &[2, 3]);
    assert!(g.is_contiguous(), "gradient of a transposed use must be contiguous");
    assert_close(&values(g), &[1.0, 100.0, 1e4, 10.0, 1000.0, 1e5], "d/dw of sum(w^T * c)");

    // A narrowed use (rows 1..3 of 4) and a broadcast use (a bias added to every row).
    let a = var(&[1.0, 2.0, 3.0, 4.0], &[4, 1]);
    let b = var(&[0.5, -0.5], &[2]);
    let m = Tensor::ones((2, 2), DType::F64, &Device::Cpu).unwrap();
    let y = a.as_tensor().narrow(0, 1, 2).unwrap().broadcast_mul(&m).unwrap();
    let loss = y.broadcast_add(b.as_tensor()).unwrap().sqr().unwrap().sum_all().unwrap();
    let grads = loss.backward().unwrap();
    // loss = sum over rows r in {1,2}, cols j of (a_r + b_j)^2
    assert_close(&values(grads.get(&a).unwrap()), &[0.0, 8.0, 12.0, 0.0], "narrowed use");
    assert_close(&values(grads.get(&b).unwrap()), &[12.0, 8.0], "broadcast use");
    assert!(grads.get(&b).unwrap().is_contiguous());
}

#[test]
fn negated_rules_keep_their_sign() {
    let x = var(&[0.3, -1.2], &[2]);
    let y = var(&[2.0, 0.5], &[2]);
    let loss = ((x.as_tensor() - y.as_tensor()).unwrap()
        + x.as_tensor().tanh().unwrap()
        + y.as_tensor().cos().unwrap())
    .unwrap()
    .sum_all()
    .unwrap();
    let grads = loss.backward().unwrap();
    let dx: Vec<f64> = [0.3f64, -1.2].iter().map(|v| 1.0 + (1.0 - v.tanh().powi(2))).collect();
    let dy: Vec<f64> = [2.0f64, 0.5].iter().map(|v| -1.0 - v.sin()).collect();
    assert_close(&values(grads.get(&x).unwrap()), &dx, "d/dx (x - y + tanh x)");
    assert_close(&values(grads.get(&y).unwrap()), &dy, "d/dy (x - y + cos y)");
}

#[test]
fn composite_expression_matches_finite_differences() {
    let w0 = [0.4, -0.7, 1.1, 0.2, -0.3, 0.9];
    let x = Tensor::from_vec(vec![0.5f64, -1.0, 2.0, 0.25, 1.5, -0.5], (3, 2), &Device::Cpu)
        .unwrap();
    // matmul, residual reuse, exp, tanh and a mean: every rule a model's step leans on.
    let f = |w: &Tensor| -> Tensor {
        let h = x.matmul(w).unwrap(); // (3, 3)
        let r = (&h + h.tanh().unwrap()).unwrap();
        (r.exp().unwrap() * 0.1).unwrap().mean_all().unwrap()
    };
    let w = var(&w0, &[2, 3]);
    let grads = f(w.as_tensor()).backward().unwrap();
    let got = values(grads.get(&w).unwrap());
    let eps = 1e-6;
    for i in 0..w0.len() {
        let eval = |d: f64| {
            let mut v = w0.to_vec();
            v[i] += d;
            let t = Tensor::from_vec(v, (2, 3), &Device::Cpu).unwrap();
            f(&t).to_scalar::<f64>().unwrap()
        };
        let fd = (eval(eps) - eval(-eps)) / (2.0 * eps);
        assert!((got[i] - fd).abs() < 1e-7 * (1.0 + fd.abs()), "w[{i}]: {} vs {fd}", got[i]);
    }
}
