"""Side-by-side benchmark of the engine against PyTorch (see docs/benchmarks.md)."""
