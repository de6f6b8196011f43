//! The patched gemm-common and pulp (third_party/README.md) choose gemm's AVX-512 kernels per CPU:
//! on every CPU with `avx512f` except AMD before family 0x1A (Zen 4's 512-bit operations run on
//! 256-bit units), `GEMM_AVX512=0` or `=1` overriding the rule. The choice is made once per
//! process, so each case runs this binary again as a child with its own environment. The rule is
//! recomputed here from /proc/cpuinfo (not from cpuid, as the patch does), and each child also
//! checks the kernels it was given against a float64 product, so on a CPU with AVX-512 both kernel
//! families are checked for correctness.

// The rule and /proc/cpuinfo exist on x86 Linux only.
#![cfg(all(target_os = "linux", any(target_arch = "x86", target_arch = "x86_64")))]

use std::process::Command;

const CHILD: &str = "GEMM_CHOICE_CHILD";

/// What the rule says for this machine, read from /proc/cpuinfo.
fn expected_by_the_rule() -> bool {
    let info = std::fs::read_to_string("/proc/cpuinfo").expect("/proc/cpuinfo");
    let field = |name: &str| {
        info.lines()
            .find(|l| l.split(':').next().map(str::trim) == Some(name))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_else(|| panic!("/proc/cpuinfo has no `{name}`"))
    };
    let has_avx512f = field("flags").split_whitespace().any(|f| f == "avx512f");
    let amd = field("vendor_id") == "AuthenticAMD";
    let family: u32 = field("cpu family").parse().expect("cpu family");
    has_avx512f && !(amd && family < 0x1A)
}

fn has_avx512f() -> bool {
    std::arch::is_x86_feature_detected!("avx512f")
}

/// Runs in the child: prints the choice, and checks a product computed by the chosen kernels.
#[test]
fn child_reports_its_choice() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let (m, k, n) = (67, 131, 45);
    let lhs: Vec<f32> = (0..m * k)
        .map(|i| ((i * 7919 % 2003) as f32) / 1001.0 - 1.0)
        .collect();
    let rhs: Vec<f32> = (0..k * n)
        .map(|i| ((i * 104_729 % 1009) as f32) / 504.0 - 1.0)
        .collect();
    let mut dst = vec![0.0f32; m * n];
    // Row-major: element (i, j) at i * cols + j, so column stride 1, row stride cols.
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            dst.as_mut_ptr(),
            1,
            n as isize,
            false,
            lhs.as_ptr(),
            1,
            k as isize,
            rhs.as_ptr(),
            1,
            n as isize,
            0.0,
            1.0,
            false,
            false,
            false,
            gemm::Parallelism::None,
        );
    }
    for i in 0..m {
        for j in 0..n {
            let exact: f64 = (0..k)
                .map(|p| lhs[i * k + p] as f64 * rhs[p * n + j] as f64)
                .sum();
            let got = dst[i * n + j] as f64;
            assert!(
                (got - exact).abs() <= 1e-5 * (1.0 + exact.abs()),
                "({i}, {j}): {got} against {exact}"
            );
        }
    }
    println!("avx512_kernels={}", gemm_common::avx512_kernels_pay());
}

fn child_choice(override_value: Option<&str>) -> bool {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "child_reports_its_choice",
        "--nocapture",
        "--test-threads",
        "1",
    ])
    .env(CHILD, "1");
    match override_value {
        Some(v) => cmd.env("GEMM_AVX512", v),
        None => cmd.env_remove("GEMM_AVX512"),
    };
    let out = cmd.output().expect("run the child");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "child with GEMM_AVX512={override_value:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The harness may print its own text on the same line ("test child_reports_its_choice ... ").
    let value = stdout
        .split("avx512_kernels=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no choice in the child's output:\n{stdout}"));
    value.parse().unwrap()
}

#[test]
fn avx512_kernels_follow_the_cpu_rule_and_the_override() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    assert_eq!(
        child_choice(None),
        expected_by_the_rule(),
        "the default choice on this CPU"
    );
    assert!(
        !child_choice(Some("0")),
        "GEMM_AVX512=0 turns the AVX-512 kernels off"
    );
    // `=1` can only choose kernels the CPU can run.
    assert_eq!(
        child_choice(Some("1")),
        has_avx512f(),
        "GEMM_AVX512=1 on a CPU with(out) avx512f"
    );
}
