"""PDEBench's UNet1d / UNet2d, as models/runtime/src/unet.rs defines them (init_features 32).

    input: the last S frames, channels first [B, S*C, X(, Y)]   (no grid coordinates)
    encoder1..4: block(F), block(2F), block(4F), block(8F), max-pool 2 between levels
    bottleneck:  pool, block(16F)
    decoder4..1: ConvTranspose(k=2, s=2) to half the channels, cat [up, skip], block
    head:        1x1 conv F -> C (with bias)
    block(c):    conv3(no bias, padding 1) -> BatchNorm -> tanh -> conv3(no bias) -> BatchNorm -> tanh

Module names follow the engine's parameter names (`encoder1.conv1.weight`, `encoder1.norm1.bias`,
`upconv4.weight`, `head.bias`, ...), so an engine checkpoint loads with `load_state_dict`.
Training uses batch statistics (train mode), evaluation the running statistics (eval mode), as
the engine. PDEBench's loop moves the window to channels first before each step and the
prediction back after it; `step_fn` does the same.
"""

import torch
import torch.nn as nn

LEVELS = 4


class Block(nn.Module):
    def __init__(self, dims: int, cin: int, cout: int):
        super().__init__()
        conv = nn.Conv1d if dims == 1 else nn.Conv2d
        norm = nn.BatchNorm1d if dims == 1 else nn.BatchNorm2d
        self.conv1 = conv(cin, cout, 3, padding=1, bias=False)
        self.norm1 = norm(cout)
        self.conv2 = conv(cout, cout, 3, padding=1, bias=False)
        self.norm2 = norm(cout)

    def forward(self, x):
        x = torch.tanh(self.norm1(self.conv1(x)))
        return torch.tanh(self.norm2(self.conv2(x)))


class UNet(nn.Module):
    def __init__(self, dims: int, in_channels: int, out_channels: int, features: int = 32):
        super().__init__()
        self.dims = dims
        pool = nn.MaxPool1d if dims == 1 else nn.MaxPool2d
        up = nn.ConvTranspose1d if dims == 1 else nn.ConvTranspose2d
        conv = nn.Conv1d if dims == 1 else nn.Conv2d
        self.pool = pool(kernel_size=2, stride=2)
        f = features
        self.encoder1 = Block(dims, in_channels, f)
        self.encoder2 = Block(dims, f, 2 * f)
        self.encoder3 = Block(dims, 2 * f, 4 * f)
        self.encoder4 = Block(dims, 4 * f, 8 * f)
        self.bottleneck = Block(dims, 8 * f, 16 * f)
        # Declared in the engine's order (upconv4, decoder4, ..., upconv1, decoder1).
        for lvl in range(LEVELS, 0, -1):
            co = f << (lvl - 1)
            setattr(self, f"upconv{lvl}", up(2 * co, co, kernel_size=2, stride=2))
            setattr(self, f"decoder{lvl}", Block(dims, 2 * co, co))
        self.head = conv(f, out_channels, kernel_size=1)

    def forward(self, x):
        enc1 = self.encoder1(x)
        enc2 = self.encoder2(self.pool(enc1))
        enc3 = self.encoder3(self.pool(enc2))
        enc4 = self.encoder4(self.pool(enc3))
        x = self.bottleneck(self.pool(enc4))
        for lvl, skip in zip(range(LEVELS, 0, -1), (enc4, enc3, enc2, enc1)):
            x = getattr(self, f"upconv{lvl}")(x)
            x = getattr(self, f"decoder{lvl}")(torch.cat((x, skip), dim=1))
        return self.head(x)

    def load_engine_weights(self, st: dict) -> None:
        """Copies every parameter of an engine unet1d/unet2d checkpoint; the BatchNorm running
        statistics keep their initial values (0 and 1), as the engine's freshly built model."""
        own = dict(self.named_parameters())
        missing = sorted(set(own) - set(st))
        extra = sorted(set(st) - set(own))
        if missing or extra:
            raise ValueError(f"engine checkpoint does not match: missing {missing}, extra {extra}")
        with torch.no_grad():
            for name, p in own.items():
                p.copy_(st[name])


def step_fn(model: UNet):
    """The rollout's one-step function: `[B, X(, Y), S*C]` -> `[B, X(, Y), C]` through the
    channels-first network, as PDEBench's UNet training loop permutes."""
    if model.dims == 1:
        return lambda inp: model(inp.permute(0, 2, 1)).permute(0, 2, 1)
    return lambda inp: model(inp.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)
