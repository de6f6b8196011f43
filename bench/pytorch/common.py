"""Shared pieces of the PyTorch reference workloads: threads, the engine's synthetic batches,
timing, and reading what the engine's benchmarks write with `--dump`.

Import this module before `torch` in a fresh process (the worker does): it silences the NumPy
warning of a torch install without NumPy, and the thread environment variables must be set before
torch starts its OpenMP / MKL pools (the driver sets them for each subprocess).
"""

import math
import os
import time
import warnings

# The venv has no NumPy (nothing here needs it); torch warns about that at import.
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

import torch  # noqa: E402

# The rollout of PDEBench's 2D/1D CFD setting, as models/runtime/src/pde_testing.rs runs it:
# 10 given frames, predictions fed back until frame 21 (11 predicted frames).
INITIAL_STEP = 10
T_TRAIN = 21
BATCH = 20
# Optimizer settings of run_step_bench: Adam (PyTorch defaults), lr 1e-3, coupled L2 1e-4 on
# every parameter (StepPlan::uniform(groups, 1e-3, 1e-4), every PDE parameter has decay = true).
PDE_LR = 1e-3
PDE_WEIGHT_DECAY = 1e-4


def set_threads(n: int) -> None:
    """Intra-op threads; the OMP/MKL variables are set by the driver before this process started."""
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, str(n))
    torch.set_num_threads(n)


def _irregular(i: torch.Tensor) -> torch.Tensor:
    """pde_testing.rs `irregular`: a fixed pseudo-random value in [-1, 1) per flat index.

    The engine computes it in wrapping u64 arithmetic; int64 tensors wrap the same way
    (two's complement), and the final `>> 40` keeps only the top 24 bits, so an arithmetic shift
    masked to 24 bits equals the unsigned one.
    """
    k = 0x9E37_79B9_7F4A_7C15 - (1 << 64)  # the u64 constant as a signed int64
    m = 6_364_136_223_846_793_005
    a = 1_442_695_040_888_963_407
    s = torch.bitwise_xor(i, torch.tensor(k, dtype=torch.int64))
    s = s * m + a
    s = s * m
    top = torch.bitwise_and(s >> 40, (1 << 24) - 1)
    return (top.double() / float(1 << 24) * 2.0 - 1.0).float()


def trajectories(b: int, spatial, t: int, c: int, phase: float = 0.0):
    """pde_testing.rs `trajectories`: the batch every engine step bench trains on.

    Returns `u` `[B, X(, Y), T, C]` (smooth travelling waves plus a small irregular term) and
    `grid` (1D: `[X, 1]`, x = i / X; 2D: `[X, Y, 2]`), both float32.
    """
    x = spatial[0]
    y = spatial[1] if len(spatial) > 1 else 1
    tau = 2.0 * math.pi
    bi = torch.arange(b, dtype=torch.float32).view(b, 1, 1, 1, 1)
    xi = torch.arange(x, dtype=torch.float32).view(1, x, 1, 1, 1)
    yi = torch.arange(y, dtype=torch.float32).view(1, 1, y, 1, 1)
    ti = torch.arange(t, dtype=torch.float32).view(1, 1, 1, t, 1)
    ci = torch.arange(c, dtype=torch.float32).view(1, 1, 1, 1, c)
    ang = tau * (xi / x + 0.3 * bi + phase)
    v = torch.sin(ang + 0.2 * ti * (ci + 1)) * torch.cos(tau * yi / y) * 0.5 + 0.1 * ci
    idx = torch.arange(b * x * y * t * c, dtype=torch.int64).view(b, x, y, t, c)
    u = v + 0.02 * _irregular(idx)
    if len(spatial) == 1:
        u = u.reshape(b, x, t, c)
        grid = (torch.arange(x, dtype=torch.float32) / x).view(x, 1)
    else:
        gx = (torch.arange(x, dtype=torch.float32) / x).view(x, 1).expand(x, y)
        gy = (torch.arange(y, dtype=torch.float32) / y).view(1, y).expand(x, y)
        grid = torch.stack([gx, gy], dim=-1)
    return u.contiguous(), grid.contiguous()


def time_steps(warmup: int, steps: int, step_fn):
    """Seconds of each of `steps` calls of `step_fn` after `warmup` untimed ones (as the engine's
    `time_steps`). `step_fn` returns a float that must be finite (a loss, or a prediction's mean)."""
    times = []
    for i in range(warmup + steps):
        t0 = time.perf_counter()
        value = step_fn()
        dt = time.perf_counter() - t0
        if not math.isfinite(value):
            raise RuntimeError(f"non-finite value {value} at benchmark step {i}")
        if i >= warmup:
            times.append(dt)
    return times


def count_params(module: torch.nn.Module) -> int:
    """Parameters as real scalars: a complex parameter counts twice (the engine stores the real
    and imaginary parts of the FNO weights as two real tensors)."""
    return sum(p.numel() * (2 if p.is_complex() else 1) for p in module.parameters())


def read_f32(path: str, shape) -> torch.Tensor:
    """A raw little-endian f32 file written by an engine bench's `--dump`."""
    with open(path, "rb") as f:
        data = bytearray(f.read())
    return torch.frombuffer(data, dtype=torch.float32).reshape(list(shape)).clone()


def load_safetensors(path: str) -> dict:
    """Every tensor of a safetensors file (the engine's checkpoints, Hugging Face weights)."""
    from safetensors.torch import load_file

    return load_file(path)
