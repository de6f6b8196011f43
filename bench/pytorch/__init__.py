"""PyTorch reference implementations of the engine's benchmark workloads.

Written for this project from the engine's own model code (models/fno, models/fno1d,
models/runtime/src/unet.rs, models/bert), in the plain PyTorch a user would write (PDEBench's
FNO and UNet classes, a Hugging Face-style BERT), so that `bench/compare.py` can time the engine
against PyTorch on the same workloads. Nothing here is imported by the engine or its tests.

Modules:
    common   threads, the engine's synthetic batches, timing, weight loading from dumps
    fno      FNO2d / FNO1d (PDEBench) and the autoregressive rollout (train step, evaluation)
    unet     UNet1d / UNet2d (PDEBench), same rollout
    bert     BERT / MiniLM-L6 with a classification head, loaded with `safetensors`
    flops    FLOP counting (torch.utils.flop_counter plus FFT and complex-matmul formulas)
    worker   command line: runs one workload in one process and prints a RESULT line
    check    compares each model with the engine on the engine's own weights and batch
"""
