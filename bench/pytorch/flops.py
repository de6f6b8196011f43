"""Floating-point work of a PyTorch workload (the CPU's peak is in bench/machine.py).

Work: `torch.utils.flop_counter.FlopCounterMode` counts matrix products and convolutions
(mm, addmm, bmm, baddbmm, convolution and its backward, scaled_dot_product_attention and its
backward) at 2 FLOP per multiply-add. Two additions here:

- FFTs (aten._fft_r2c / _fft_c2r / _fft_c2c, forward and in backward), which it does not count:
  the usual estimate 5 N log2 N for a complex transform of N points and half that for a real
  one (N = the product of the transformed sizes; approximate for sizes that are not powers of 2,
  e.g. the padded 66-point FNO grid).
- Complex matrix products (the FNO mode mixing, an einsum that lowers to a complex bmm): counted
  at 8 real FLOP per complex multiply-add instead of 2.

Not counted (reported per workload as "uncounted ops"): elementwise and reduction work
(activations, BatchNorm, LayerNorm, softmax outside SDPA, dropout, losses, the optimizer update,
padding and copies). These are memory-bound and a small share of the arithmetic in every
workload here, so the totals are slight underestimates.

The work is that of the PyTorch formulation. The engine computes the same functions, sometimes
with other arithmetic (the FNO's truncated DFT as real matmuls instead of FFTs does more FLOP;
the spectral pass uses a Gram matrix and a symmetric eigensolver instead of an SVD); its
GFLOP/s in the report is this same work divided by its time, i.e. "useful" FLOP/s.
"""

import math
import re
from collections import Counter

import torch
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils.flop_counter import FlopCounterMode

aten = torch.ops.aten


def _fft_flops(n_points: int, transforms: int, real: bool) -> int:
    if n_points <= 1:
        return 0
    per = 5.0 * n_points * math.log2(n_points)
    return int(transforms * per * (0.5 if real else 1.0))


def _prod(xs) -> int:
    out = 1
    for x in xs:
        out *= x
    return out


def fft_r2c_flop(self_shape, dim, normalization, onesided, out_shape=None, **kwargs):
    n = _prod(self_shape[d] for d in dim)
    return _fft_flops(n, _prod(self_shape) // n, real=True)


def fft_c2r_flop(self_shape, dim, normalization, last_dim_size, out_shape=None, **kwargs):
    n = _prod(out_shape[d] for d in dim)
    return _fft_flops(n, _prod(out_shape) // n, real=True)


def fft_c2c_flop(self_shape, dim, normalization, forward, out_shape=None, **kwargs):
    n = _prod(self_shape[d] for d in dim)
    return _fft_flops(n, _prod(self_shape) // n, real=False)


def _complex_aware(shape_formula):
    """A raw-tensor formula: the shape formula, times 4 when the operands are complex."""

    def f(*args, out_val=None, **kwargs):
        shapes = [a.shape if isinstance(a, torch.Tensor) else a for a in args]
        flops = shape_formula(*shapes)
        if any(isinstance(a, torch.Tensor) and a.is_complex() for a in args):
            flops *= 4
        return flops

    f._get_raw = True
    return f


def _mm(a, b, *_):
    return a[0] * b[1] * 2 * a[1]


def _bmm(a, b, *_):
    return a[0] * a[1] * b[2] * 2 * a[2]


CUSTOM = {
    aten._fft_r2c: fft_r2c_flop,
    aten._fft_c2r: fft_c2r_flop,
    aten._fft_c2c: fft_c2c_flop,
    aten.mm: _complex_aware(_mm),
    aten.bmm: _complex_aware(_bmm),
}
FFT_OPS = {aten._fft_r2c, aten._fft_c2r, aten._fft_c2c}

# Ops that move or create data without arithmetic: left out of the "uncounted" list.
_NO_ARITHMETIC = re.compile(
    r"^(view|_unsafe_view|reshape|permute|transpose|t|expand|slice|select|unsqueeze|squeeze|"
    r"detach|alias|as_strided|clone|copy_|_to_copy|empty|empty_like|empty_strided|zeros|zeros_like|"
    r"ones|ones_like|zero_|fill_|new_zeros|new_empty|new_empty_strided|lift_fresh|cat|stack|split|"
    r"split_with_sizes|narrow|constant_pad_nd|view_as_real|view_as_complex|_conj|conj|"
    r"resolve_conj|_local_scalar_dense|scalar_tensor|slice_scatter|select_scatter|index_select|"
    r"embedding|embedding_dense_backward|_reshape_alias|unbind|arange|full|"
    r"_unsafe_index|gather|scatter|set_|resize_|_has_compatible_shallow_copy_type|is_same_size|"
    r"_neg_view|lift|rand|rand_like|random_|uniform_|normal_|item|_record_function_enter_new|"
    r"_record_function_exit|slice_backward|select_backward|detach_)$"
)


class _OpRecorder(TorchDispatchMode):
    """Records every aten op called (to list those FlopCounterMode does not count)."""

    def __init__(self):
        super().__init__()
        self.ops = Counter()

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        self.ops[func.overloadpacket] += 1
        return func(*args, **(kwargs or {}))


def count(fn):
    """Runs `fn()` once under the counters. Returns a dict: total FLOP, of which FFT, the
    per-op totals, and the arithmetic ops without a formula (not counted)."""
    counter = FlopCounterMode(display=False, custom_mapping=CUSTOM)
    rec = _OpRecorder()
    with counter, rec:
        fn()
    by_op = counter.get_flop_counts().get("Global", {})
    counted = set(counter.flop_registry)
    uncounted = sorted(
        str(op).split(".")[-1]
        for op in rec.ops
        if op not in counted and not _NO_ARITHMETIC.match(str(op).split(".")[-1])
    )
    return {
        "flop": int(sum(by_op.values())),
        "fft_flop": int(sum(v for k, v in by_op.items() if k in FFT_OPS)),
        "by_op": {str(k).split(".")[-1]: int(v) for k, v in sorted(by_op.items(), key=lambda kv: -kv[1])},
        "uncounted_ops": uncounted,
    }


def svd_values_flop(m: int, n: int) -> int:
    """Nominal work of singular values only (LAPACK gesdd without vectors) of an m x n matrix:
    Golub-Kahan bidiagonalisation, 4 m n^2 - 4/3 n^3 for m >= n (the bidiagonal QR iteration is
    O(n^2) and left out). LAPACK may first QR-factorise a tall matrix; the count is nominal."""
    if m < n:
        m, n = n, m
    return int(4 * m * n * n - 4 * n ** 3 / 3)
