"""PyTorch's counterpart of `models/kernels/examples/conv_layers.rs`: every 3x3 convolution
shape of the unet2d bench model (batch 20, 32 features, 40 input channels, no bias, padding 1),
forward and backward (input and weight gradients) timed separately, ms per layer and GFLOP/s.

    OMP_NUM_THREADS=1 target/bench-venv/bin/python bench/pytorch/conv_layers.py [--size 32] [--reps 5]
"""

import argparse
import time

import torch


def layers(f):
    out = [(40, f, 0)]
    for lvl in range(5):
        c = f << lvl
        if lvl > 0:
            out.append((c // 2, c, lvl))
        out.append((c, c, lvl))
    for lvl in reversed(range(4)):
        c = f << lvl
        out += [(2 * c, c, lvl), (c, c, lvl)]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=32)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--batch", type=int, default=20)
    ap.add_argument("--features", type=int, default=32)
    args = ap.parse_args()
    total_f = total_b = 0.0
    print("| ci | co | grid | fwd ms | bwd ms | fwd GFLOP/s | bwd GFLOP/s |\n|---|---|---|---|---|---|---|")
    for ci, co, lvl in layers(args.features):
        hw = args.size >> lvl
        conv = torch.nn.Conv2d(ci, co, 3, padding=1, bias=False)
        x = torch.randn(args.batch, ci, hw, hw, requires_grad=True)
        tf, tb = [], []
        for _ in range(args.reps + 1):
            t0 = time.perf_counter()
            y = conv(x)
            t1 = time.perf_counter()
            y.sum().backward()
            t2 = time.perf_counter()
            tf.append(t1 - t0)
            tb.append(t2 - t1)
            x.grad = None
            conv.weight.grad = None
        f_s, b_s = sorted(tf[1:])[len(tf[1:]) // 2], sorted(tb[1:])[len(tb[1:]) // 2]
        flops = 2.0 * ci * co * 9 * args.batch * hw * hw
        total_f += f_s
        total_b += b_s
        print(f"| {ci} | {co} | {hw}x{hw} | {f_s * 1e3:.2f} | {b_s * 1e3:.2f} | {flops / f_s / 1e9:.1f} | {2 * flops / b_s / 1e9:.1f} |")
    print(f"total forward {total_f * 1e3:.1f} ms, backward {total_b * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
