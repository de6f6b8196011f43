//! The workspace's candle-core adds `no_grad` (third_party/README.md, change 3): ops inside it
//! record no computation graph on that thread, so predictions free their activations as they go.
//! These tests pin what it must keep: the same values, no graph (a tensor computed from a variable
//! inside it does not track its op), the graph back outside it (also after a panic inside), and
//! nesting.

use candle_core::{no_grad, Device, Tensor, Var};

fn var() -> Var {
    Var::from_tensor(&Tensor::from_vec(vec![0.5f32, -1.5, 2.0, 3.25, -0.75, 1.0], (2, 3), &Device::Cpu).unwrap()).unwrap()
}

fn expression(w: &Var) -> Tensor {
    let x = Tensor::from_vec(vec![1.0f32, 2.0, -3.0, 0.5, 4.0, -1.0], (3, 2), &Device::Cpu).unwrap();
    let y = w.as_tensor().matmul(&x).unwrap().tanh().unwrap();
    Tensor::cat(&[&y, &(y.clone() * 2.0).unwrap()], 0).unwrap().sum_keepdim(1).unwrap()
}

#[test]
fn no_grad_keeps_values_and_records_no_graph() {
    let w = var();
    let tracked = expression(&w);
    let untracked = no_grad(|| expression(&w));
    assert!(tracked.track_op(), "outside no_grad the graph is recorded");
    assert!(!untracked.track_op(), "inside no_grad nothing refers back to the inputs");
    assert_eq!(tracked.flatten_all().unwrap().to_vec1::<f32>().unwrap(), untracked.flatten_all().unwrap().to_vec1::<f32>().unwrap());
    // Backward still works on what was computed outside, and reaches the variable.
    let grads = tracked.sum_all().unwrap().backward().unwrap();
    assert!(grads.get(&w).is_some());
}

#[test]
fn no_grad_nests_and_ends_with_its_scope_even_on_panic() {
    let w = var();
    no_grad(|| {
        no_grad(|| assert!(!expression(&w).track_op()));
        assert!(!expression(&w).track_op(), "the outer scope is still on");
    });
    assert!(expression(&w).track_op(), "recording resumes after the scope");
    let caught = std::panic::catch_unwind(|| no_grad(|| panic!("inside")));
    assert!(caught.is_err());
    assert!(expression(&w).track_op(), "a panic inside does not leave recording off");
}

#[test]
fn no_grad_is_per_thread() {
    let w = var();
    no_grad(|| {
        let other = std::thread::scope(|s| s.spawn(|| expression(&w).track_op()).join().unwrap());
        assert!(other, "another thread still records");
    });
}
