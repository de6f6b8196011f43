"""The workloads timed side by side: how the engine's bench binaries and the PyTorch worker run
each one. Plain Python (no torch), shared by bench/compare.py and bench/pytorch/worker.py.

Every PDE workload is the engine's `run_step_bench` (models/runtime/src/pde_testing.rs): batch 20,
initial_step 10, rollout to frame 21 (11 predicted frames), default model configuration; the
training step backpropagates through the whole rollout and takes an Adam step (lr 1e-3, coupled
L2 1e-4); the evaluation pass is the engine's `predict` (rollout without graph). MiniLM is
bert_bench (batch 16 x 128, cls pooling, AdamW, dropout 0.1). The spectral pass is
spectral_bench (72 RoBERTa-base-shaped matrices) against torch.linalg.svdvals in float64.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Workload:
    name: str
    kind: str  # "pde", "bert" or "spectral"
    label: str  # short, for the table
    description: str
    binary: str = ""  # engine bench binary in target/release
    model: str = ""  # pde: fno2d, fno1d, unet2d, unet1d
    spatial: tuple = ()
    channels: int = 0
    modes: tuple = ("train", "eval")
    engine_args: tuple = field(default_factory=tuple)


WORKLOADS = [
    Workload("fno2d-64", "pde", "fno2d 64x64", "fno2d 64x64, width 20, 12x12 modes, 4 channels",
             "fno2d_bench", "fno2d", (64, 64), 4, engine_args=("--size", "64")),
    Workload("fno2d-32", "pde", "fno2d 32x32", "fno2d 32x32, width 20, 12x12 modes, 4 channels",
             "fno2d_bench", "fno2d", (32, 32), 4, engine_args=("--size", "32")),
    Workload("unet2d-64", "pde", "unet2d 64x64", "unet2d 64x64, 32 features, 4 channels",
             "unet2d_bench", "unet2d", (64, 64), 4, engine_args=("--size", "64")),
    Workload("unet2d-32", "pde", "unet2d 32x32", "unet2d 32x32, 32 features, 4 channels",
             "unet2d_bench", "unet2d", (32, 32), 4, engine_args=("--size", "32")),
    Workload("fno1d", "pde", "fno1d 1D CFD", "fno1d 1D CFD: 128 points, 3 channels, width 64, 16 modes",
             "fno1d_bench", "fno1d", (128,), 3, engine_args=("--size", "128")),
    Workload("unet1d", "pde", "unet1d 1D CFD", "unet1d 1D CFD: 128 points, 3 channels, 32 features",
             "unet1d_bench", "unet1d", (128,), 3, engine_args=("--size", "128")),
    Workload("minilm", "bert", "MiniLM-L6", "MiniLM-L6 fine-tuning, batch 16 x 128, cls pooling, AdamW",
             "bert_bench"),
    Workload("spectral", "spectral", "spectral pass",
             "spectral pass: 48 x 768x768, 12 x 3072x768, 12 x 768x3072 (float64)",
             "spectral_bench", modes=("pass",)),
]

BY_NAME = {w.name: w for w in WORKLOADS}

# The matrices of the spectral pass (spectral_bench.rs `roberta_base_layers`).
SPECTRAL_SHAPES = [(768, 768)] * 48 + [(3072, 768)] * 12 + [(768, 3072)] * 12


def select(spec: str):
    """`fno2d-64,minilm:eval` -> [(workload, mode), ...]; a name alone means all its modes;
    `all` (or empty) every workload."""
    out = []
    items = [s.strip() for s in (spec or "all").split(",") if s.strip()]
    for item in items:
        if item == "all":
            out += [(w, m) for w in WORKLOADS for m in w.modes]
            continue
        name, _, mode = item.partition(":")
        if name not in BY_NAME:
            raise SystemExit(f"unknown workload '{name}' (known: {', '.join(BY_NAME)})")
        w = BY_NAME[name]
        modes = [mode] if mode else list(w.modes)
        for m in modes:
            if m not in w.modes:
                raise SystemExit(f"workload '{name}' has no mode '{m}' (modes: {', '.join(w.modes)})")
            out.append((w, m))
    seen, unique = set(), []
    for wm in out:
        key = (wm[0].name, wm[1])
        if key not in seen:
            seen.add(key)
            unique.append(wm)
    return unique


def engine_command(w: Workload, mode: str, bin_dir: str, steps: int, warmup: int):
    """The engine bench command line for one workload run (one process, `steps` timed steps)."""
    exe = f"{bin_dir}/{w.binary}"
    if w.kind == "spectral":
        # spectral_bench R times R passes and has no warm-up of its own: the driver drops the
        # first `warmup` passes.
        return [exe, str(steps + warmup)]
    cmd = [exe, *w.engine_args, "--steps", str(steps), "--warmup", str(warmup)]
    if mode == "eval":
        cmd.append("--eval")
    return cmd
