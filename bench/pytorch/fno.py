"""PDEBench's FNO2d and FNO1d, as the engine's fno2d and fno1d plugins define them
(models/fno/src/model.rs, models/fno1d/src/model.rs and their config.rs defaults).

fno2d (width 20, modes 12 x 12, padding 2):
    [B, X, Y, S*C] ++ grid [X, Y, 2] -> fc0 Linear(S*C+2 -> width) -> channels first
    -> pad x and y by 2 on the right/bottom (F.pad(x, [0, 2, 0, 2]))
    -> 4 x (SpectralConv2d + Conv2d 1x1), GELU between layers, not after the last
    -> crop -> fc1 Linear(width -> 128) -> GELU -> fc2 Linear(128 -> C) -> [B, X, Y, C]
fno1d (width 64, 16 modes, padding 2): the same in 1D with grid [X, 1].

The spectral convolution is PDEBench's: rfft2 / irfft2 (1D: rfft / irfft) and complex einsums
on the kept modes (kx in 0..m1 and H-m1..H, ky in 0..m2), with complex (cfloat) weights
initialised `scale * rand` (scale = 1/(width*width)) as PDEBench does. The engine computes the
same function as a truncated DFT in real matmuls (candle has no FFT); the engine runs fc1/fc2 on
the padded grid and crops after, which is pointwise and so gives the same values.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

FC1_WIDTH = 128
NUM_BLOCKS = 4


class SpectralConv2d(nn.Module):
    """PDEBench's SpectralConv2d_fast."""

    def __init__(self, cin: int, cout: int, modes1: int, modes2: int):
        super().__init__()
        self.cout, self.modes1, self.modes2 = cout, modes1, modes2
        scale = 1.0 / (cin * cout)
        shape = (cin, cout, modes1, modes2)
        self.weights1 = nn.Parameter(scale * torch.rand(*shape, dtype=torch.cfloat))
        self.weights2 = nn.Parameter(scale * torch.rand(*shape, dtype=torch.cfloat))

    def forward(self, x):
        b, _, h, w = x.shape
        m1, m2 = self.modes1, self.modes2
        x_ft = torch.fft.rfft2(x)
        out_ft = torch.zeros(b, self.cout, h, w // 2 + 1, dtype=torch.cfloat, device=x.device)
        out_ft[:, :, :m1, :m2] = torch.einsum("bixy,ioxy->boxy", x_ft[:, :, :m1, :m2], self.weights1)
        out_ft[:, :, -m1:, :m2] = torch.einsum("bixy,ioxy->boxy", x_ft[:, :, -m1:, :m2], self.weights2)
        return torch.fft.irfft2(out_ft, s=(h, w))


class SpectralConv1d(nn.Module):
    """PDEBench's SpectralConv1d."""

    def __init__(self, cin: int, cout: int, modes: int):
        super().__init__()
        self.cout, self.modes = cout, modes
        scale = 1.0 / (cin * cout)
        self.weights1 = nn.Parameter(scale * torch.rand(cin, cout, modes, dtype=torch.cfloat))

    def forward(self, x):
        b, _, n = x.shape
        x_ft = torch.fft.rfft(x)
        out_ft = torch.zeros(b, self.cout, n // 2 + 1, dtype=torch.cfloat, device=x.device)
        out_ft[:, :, : self.modes] = torch.einsum("bix,iox->box", x_ft[:, :, : self.modes], self.weights1)
        return torch.fft.irfft(out_ft, n=n)


class FNO2d(nn.Module):
    def __init__(self, channels: int, initial_step: int, width=20, modes1=12, modes2=12, padding=2):
        super().__init__()
        self.padding = padding
        self.fc0 = nn.Linear(initial_step * channels + 2, width)
        self.convs = nn.ModuleList(SpectralConv2d(width, width, modes1, modes2) for _ in range(NUM_BLOCKS))
        self.ws = nn.ModuleList(nn.Conv2d(width, width, 1) for _ in range(NUM_BLOCKS))
        self.fc1 = nn.Linear(width, FC1_WIDTH)
        self.fc2 = nn.Linear(FC1_WIDTH, channels)

    def forward(self, x, grid):
        """`x` `[B, X, Y, S*C]`, `grid` `[B, X, Y, 2]` -> next frame `[B, X, Y, C]`."""
        p = self.padding
        x = torch.cat((x, grid), dim=-1)
        x = self.fc0(x).permute(0, 3, 1, 2)
        if p:
            x = F.pad(x, [0, p, 0, p])
        for i, (conv, w) in enumerate(zip(self.convs, self.ws)):
            x = conv(x) + w(x)
            if i + 1 < NUM_BLOCKS:
                x = F.gelu(x)
        if p:
            x = x[..., :-p, :-p]
        x = x.permute(0, 2, 3, 1)
        return self.fc2(F.gelu(self.fc1(x)))

    def load_engine_weights(self, st: dict) -> None:
        """Copies the weights of an engine fno2d checkpoint (model.safetensors tensors)."""
        load_engine_fno(self, st, ("weight1", "weight2"))


class FNO1d(nn.Module):
    def __init__(self, channels: int, initial_step: int, width=64, modes=16, padding=2):
        super().__init__()
        self.padding = padding
        self.fc0 = nn.Linear(initial_step * channels + 1, width)
        self.convs = nn.ModuleList(SpectralConv1d(width, width, modes) for _ in range(NUM_BLOCKS))
        self.ws = nn.ModuleList(nn.Conv1d(width, width, 1) for _ in range(NUM_BLOCKS))
        self.fc1 = nn.Linear(width, FC1_WIDTH)
        self.fc2 = nn.Linear(FC1_WIDTH, channels)

    def forward(self, x, grid):
        """`x` `[B, X, S*C]`, `grid` `[B, X, 1]` -> next frame `[B, X, C]`."""
        p = self.padding
        x = torch.cat((x, grid), dim=-1)
        x = self.fc0(x).permute(0, 2, 1)
        if p:
            x = F.pad(x, [0, p])
        for i, (conv, w) in enumerate(zip(self.convs, self.ws)):
            x = conv(x) + w(x)
            if i + 1 < NUM_BLOCKS:
                x = F.gelu(x)
        if p:
            x = x[..., :-p]
        x = x.permute(0, 2, 1)
        return self.fc2(F.gelu(self.fc1(x)))

    def load_engine_weights(self, st: dict) -> None:
        """Copies the weights of an engine fno1d checkpoint (model.safetensors tensors)."""
        load_engine_fno(self, st, ("weight",))


def step_fn(model, grid: torch.Tensor, batch: int):
    """The one-step function of the rollout: the grid is broadcast over the batch once (PDEBench
    feeds a per-sample grid `[B, X(, Y), d]`)."""
    g = grid.unsqueeze(0).expand(batch, *grid.shape)
    return lambda inp: model(inp, g)


def load_engine_fno(model: nn.Module, st: dict, spectral: tuple) -> None:
    """Copies an engine FNO checkpoint's tensors into `model` (FNO1d or FNO2d). `spectral` names
    the engine's complex weights of a spectral layer (`<name>_re`, `<name>_im`), in the order of
    the PyTorch layer's `weights1`, `weights2`."""
    with torch.no_grad():
        model.fc0.weight.copy_(st["fc0.weight"])
        model.fc0.bias.copy_(st["fc0.bias"])
        for i, (conv, w) in enumerate(zip(model.convs, model.ws)):
            g = f"blocks.{i}.spectral"
            for k, name in enumerate(spectral, start=1):
                getattr(conv, f"weights{k}").copy_(torch.complex(st[f"{g}.{name}_re"], st[f"{g}.{name}_im"]))
            w.weight.copy_(st[f"blocks.{i}.pointwise.weight"])
            w.bias.copy_(st[f"blocks.{i}.pointwise.bias"])
        for name in ("fc1", "fc2"):
            getattr(model, name).weight.copy_(st[f"{name}.weight"])
            getattr(model, name).bias.copy_(st[f"{name}.bias"])
