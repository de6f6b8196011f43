//! Helpers of the kernels' tests.

use candle_core::backprop::GradStore;
use candle_core::Tensor;

/// Gradients of `sum(y * probe)`: a fixed, non-uniform linear functional of an op's output, so
/// that a fused op's backward can be compared with plain candle ops' element by element.
pub fn probe_grads(y: &Tensor, probe: &Tensor) -> GradStore {
    (y * probe).unwrap().sum_all().unwrap().backward().unwrap()
}
