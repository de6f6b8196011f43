//! Matmuls with autograd shortcuts.
//!
//! - [`matmul_const`]: a matmul by a constant matrix (an FNO DFT basis). candle's matmul backward
//!   always computes the right-hand side's gradient, a matmul as large as the forward one, even
//!   for a constant; this op computes only the left-hand side's.

use crate::error::{Error, Result};
use candle_core::backend::BackendStorage;
use candle_core::{CpuStorage, CustomOp2, Layout, Shape, Tensor};

/// `lhs` `[m, k]` times the constant `rhs` `[k, n]`. Only `lhs` gets a gradient; a `rhs` that is
/// (derived from) a trained parameter is refused, since its gradient would be lost.
pub fn matmul_const(lhs: &Tensor, rhs: &Tensor) -> Result<Tensor> {
    if rhs.track_op() {
        return Err(Error::Param(
            "matmul_const: the right-hand side must be a constant, not a trained tensor".into(),
        ));
    }
    let ((m, k), (k2, n)) = (lhs.dims2()?, rhs.dims2()?);
    if k != k2 {
        return Err(Error::Param(format!(
            "matmul_const: cannot multiply [{m}, {k}] by [{k2}, {n}]"
        )));
    }
    Ok(lhs.apply_op2(rhs, MatmulConst)?)
}

struct MatmulConst;

impl CustomOp2 for MatmulConst {
    fn name(&self) -> &'static str {
        "matmul-const"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
    ) -> candle_core::Result<(CpuStorage, Shape)> {
        let (m, k) = l1.shape().dims2()?;
        let (_, n) = l2.shape().dims2()?;
        Ok((s1.matmul(s2, (1, m, n, k), l1, l2)?, Shape::from((m, n))))
    }

    fn bwd(
        &self,
        _lhs: &Tensor,
        rhs: &Tensor,
        _res: &Tensor,
        grad: &Tensor,
    ) -> candle_core::Result<(Option<Tensor>, Option<Tensor>)> {
        Ok((Some(grad.matmul(&rhs.t()?)?), None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::{Device, Var};

    #[test]
    fn matmul_const_matches_matmul_and_skips_the_constant_gradient() {
        let dev = Device::Cpu;
        let a = Var::from_vec(
            (0..12).map(|i| i as f32 * 0.3 - 1.0).collect::<Vec<_>>(),
            (3, 4),
            &dev,
        )
        .unwrap();
        let c = Tensor::from_vec(
            (0..8).map(|i| (i % 3) as f32 - 0.5).collect::<Vec<_>>(),
            (4, 2),
            &dev,
        )
        .unwrap();
        let fused = matmul_const(&a, &c).unwrap();
        let plain = a.matmul(&c).unwrap();
        assert_eq!(
            fused.to_vec2::<f32>().unwrap(),
            plain.to_vec2::<f32>().unwrap()
        );
        let gf = fused.sqr().unwrap().sum_all().unwrap().backward().unwrap();
        let gp = plain.sqr().unwrap().sum_all().unwrap().backward().unwrap();
        assert_eq!(
            gf.get(&a).unwrap().to_vec2::<f32>().unwrap(),
            gp.get(&a).unwrap().to_vec2::<f32>().unwrap()
        );
        assert!(gf.get(&c).is_none());
        // A trained right-hand side is refused.
        assert!(matmul_const(&c, &a.t().unwrap()).is_err());
    }

}
