//! Batches arrive from the engine as named, row-major f32 buffers ([`TensorView`]). These helpers
//! look tensors up by name and check their shapes against a pattern before any candle op runs,
//! so a malformed batch gives an error that names the tensor and the dimension at fault.

use crate::error::{Error, Result};
use candle_core::{Device, Tensor};
use plugin_api::TensorView;
use std::fmt;

/// One dimension of an expected shape, with a name for messages (`B`, `X`, `T`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    /// Any size >= 1.
    Any(&'static str),
    /// Exactly this size.
    Is(&'static str, usize),
    /// At least this size.
    AtLeast(&'static str, usize),
}

impl Dim {
    fn accepts(&self, n: usize) -> bool {
        match *self {
            Dim::Any(_) => n >= 1,
            Dim::Is(_, m) => n == m,
            Dim::AtLeast(_, m) => n >= m.max(1),
        }
    }
}

impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dim::Any(n) => write!(f, "{n}"),
            Dim::Is(n, m) => write!(f, "{n}={m}"),
            Dim::AtLeast(n, m) => write!(f, "{n}>={m}"),
        }
    }
}

fn pattern(dims: &[Dim]) -> String {
    let parts: Vec<String> = dims.iter().map(ToString::to_string).collect();
    format!("[{}]", parts.join(", "))
}

/// A borrowed batch: a whole training or evaluation batch, or a chunk of one ([`crate::split`]).
#[derive(Debug, Clone, Copy)]
pub struct Batch<'a> {
    views: &'a [TensorView<'a>],
    first_sample: usize,
}

impl<'a> Batch<'a> {
    pub fn new(views: &'a [TensorView<'a>]) -> Self {
        Self::chunk(views, 0)
    }

    /// The samples of a larger batch from index `first_sample` on.
    pub fn chunk(views: &'a [TensorView<'a>], first_sample: usize) -> Self {
        Self {
            views,
            first_sample,
        }
    }

    /// Index of this batch's first sample in the whole batch (0 unless it is a chunk). A model
    /// that draws random numbers per sample (dropout) keys them by `first_sample() + i`, so that a
    /// chunk draws what the whole batch would have drawn for the same samples.
    pub fn first_sample(&self) -> usize {
        self.first_sample
    }

    pub fn views(&self) -> &'a [TensorView<'a>] {
        self.views
    }

    /// The tensor called `name`; the error lists the names the batch has.
    pub fn view(&self, name: &str) -> Result<TensorView<'a>> {
        self.views
            .iter()
            .find(|t| t.name.as_str() == name)
            .copied()
            .ok_or_else(|| {
                let names: Vec<&str> = self.views.iter().map(|t| t.name.as_str()).collect();
                Error::Batch(format!(
                    "the batch has no tensor '{name}' (it has: {})",
                    names.join(", ")
                ))
            })
    }

    /// The tensor called `name` as a candle tensor, after checking its shape against `dims` and
    /// its data length against its shape.
    pub fn tensor(&self, name: &str, dims: &[Dim], device: &Device) -> Result<Tensor> {
        view_to_tensor(&self.view(name)?, dims, device)
    }
}

/// Checks `view` against `dims` and copies it into a candle tensor.
pub fn view_to_tensor(view: &TensorView<'_>, dims: &[Dim], device: &Device) -> Result<Tensor> {
    let name = view.name.as_str();
    let shape: Vec<usize> = view.shape.iter().map(|&d| d as usize).collect();
    if shape.len() != dims.len() {
        return Err(Error::Batch(format!(
            "batch tensor '{name}' has shape {shape:?} (rank {}), expected {} (rank {})",
            shape.len(),
            pattern(dims),
            dims.len()
        )));
    }
    for (i, (n, d)) in shape.iter().zip(dims).enumerate() {
        if !d.accepts(*n) {
            return Err(Error::Batch(format!(
                "batch tensor '{name}' has shape {shape:?}: dimension {i} is {n}, expected {d} (pattern {})",
                pattern(dims)
            )));
        }
    }
    let needed: usize = shape.iter().product();
    if view.data.len() != needed {
        return Err(Error::Batch(format!(
            "batch tensor '{name}' has {} values but its shape {shape:?} needs {needed}",
            view.data.len()
        )));
    }
    if let Some(pos) = view.data.iter().position(|x| !x.is_finite()) {
        return Err(Error::Batch(format!(
            "batch tensor '{name}' has a non-finite value at flat index {pos}"
        )));
    }
    Ok(Tensor::from_slice(
        view.data.as_slice(),
        shape.as_slice(),
        device,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plugin_api::TensorData;

    fn td(name: &str, shape: &[u64], n: usize) -> TensorData {
        TensorData {
            name: name.into(),
            shape: shape.iter().copied().collect(),
            data: (0..n).map(|i| i as f32).collect(),
        }
    }

    #[test]
    fn shapes_are_checked_with_clear_errors() {
        let u = td("u", &[2, 3, 4], 24);
        let short = td("v", &[2, 3], 5);
        let views = [u.view(), short.view()];
        let b = Batch::new(&views);
        let t = b
            .tensor(
                "u",
                &[Dim::Any("B"), Dim::Is("X", 3), Dim::AtLeast("T", 4)],
                &Device::Cpu,
            )
            .unwrap();
        assert_eq!(t.dims(), &[2, 3, 4]);
        let e = b
            .tensor("grid", &[Dim::Any("B")], &Device::Cpu)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "the batch has no tensor 'grid' (it has: u, v)");
        let e = b
            .tensor("u", &[Dim::Any("B"), Dim::Is("X", 3)], &Device::Cpu)
            .unwrap_err()
            .to_string();
        assert!(e.contains("rank 3") && e.contains("'u'"), "{e}");
        let e = b
            .tensor(
                "u",
                &[Dim::Any("B"), Dim::Is("X", 3), Dim::AtLeast("T", 5)],
                &Device::Cpu,
            )
            .unwrap_err();
        assert!(
            e.to_string().contains("dimension 2 is 4, expected T>=5"),
            "{e}"
        );
        let e = b
            .tensor("v", &[Dim::Any("B"), Dim::Any("C")], &Device::Cpu)
            .unwrap_err()
            .to_string();
        assert!(e.contains("5 values") && e.contains("needs 6"), "{e}");
    }

    #[test]
    fn non_finite_inputs_are_rejected() {
        let mut u = td("u", &[2], 2);
        u.data[1] = f32::NAN;
        let views = [u.view()];
        let e = Batch::new(&views)
            .tensor("u", &[Dim::Any("N")], &Device::Cpu)
            .unwrap_err();
        assert!(
            e.to_string().contains("non-finite value at flat index 1"),
            "{e}"
        );
    }
}
