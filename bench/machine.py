"""This CPU's facts (lscpu) and its peak floating-point rate. No torch: bench/compare.py imports
this, and the driver must stay small, because a child process's max RSS (os.wait4) starts from
the RSS of the parent that forked it.

Peak = cores used x clock x FP32 FLOP per cycle per core, where FLOP per cycle = FMA pipes x SIMD
lanes x 2, from the vendor, the CPU family and the SIMD flags lscpu reports (the assumption made
is returned in words and printed with every report). FP64 is half the FP32 rate.
"""

import subprocess


def cpu_facts() -> dict:
    """lscpu facts and this CPU's peak FLOP/cycle per core, with the assumption made."""
    text = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    f = {}
    for line in text.splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            f[k.strip()] = v.strip()
    flags = set(f.get("Flags", "").split())
    vendor = f.get("Vendor ID", "")
    family = int(f.get("CPU family", "0") or 0)
    cores = int(f.get("Core(s) per socket", "1")) * int(f.get("Socket(s)", "1"))
    mhz = None
    for key in ("CPU max MHz", "CPU MHz"):
        if f.get(key):
            mhz = float(f[key])
            break
    if mhz is None:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("cpu MHz"):
                    mhz = float(line.split(":")[1])
                    break
    # FP32 FLOP per cycle per core = FMA pipes x SIMD lanes x 2.
    if vendor == "AuthenticAMD" and family == 25:
        per_cycle = 32
        why = ("AMD family 25 (Zen 3/Zen 4): 2 FMA pipes of 256 bits (Zen 4 runs AVX-512 on them "
               "in two halves) = 2 x 8 x 2 = 32 FP32 FLOP/cycle, 16 FP64")
    elif vendor == "AuthenticAMD" and family >= 26 and "avx512f" in flags:
        per_cycle = 64
        why = "AMD family 26 (Zen 5): 2 FMA pipes of 512 bits = 64 FP32 FLOP/cycle, 32 FP64"
    elif "avx512f" in flags:
        per_cycle = 64
        why = "AVX-512 with 2 FMA units of 512 bits assumed = 64 FP32 FLOP/cycle (32 with one unit)"
    elif "fma" in flags and "avx2" in flags:
        per_cycle = 32
        why = "AVX2 with 2 FMA units of 256 bits = 32 FP32 FLOP/cycle"
    elif "avx" in flags:
        per_cycle = 16
        why = "AVX without FMA: 8-lane add + 8-lane multiply per cycle = 16 FP32 FLOP/cycle"
    else:
        per_cycle = 8
        why = "SSE: 4-lane add + 4-lane multiply per cycle = 8 FP32 FLOP/cycle"
    return {
        "model": f.get("Model name", "?"),
        "vendor": vendor,
        "family": family,
        "model_number": f.get("Model", "?"),
        "cores": cores,
        "mhz": mhz,
        "simd": " ".join(x for x in ("avx2", "fma", "avx512f") if x in flags),
        "fp32_flop_per_cycle": per_cycle,
        "assumption": why + f"; clock {mhz:.0f} MHz as reported (sustained all-core clocks may differ)",
    }


def peak_gflops(facts: dict, threads: int, fp64: bool = False) -> float:
    per_cycle = facts["fp32_flop_per_cycle"] / (2 if fp64 else 1)
    return min(threads, facts["cores"]) * facts["mhz"] * 1e-3 * per_cycle
