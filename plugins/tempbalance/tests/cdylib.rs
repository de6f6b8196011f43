//! The built `libengine_scheduler_tempbalance.so`, loaded the way the engine loads plugins.

mod common;

use abi_stable::library::lib_header_from_path;
use abi_stable::std_types::{ROption, RStr};
use common::*;
use engine_scheduler_tempbalance::{TbConfig, DEFAULT_CONFIG};
use plugin_api::{Cadence, CadenceUnit, LayerKind, SchedulerMod_Ref};
use std::path::PathBuf;

fn built_library() -> PathBuf {
    let deps = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let name = format!(
        "{}engine_scheduler_tempbalance{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    );
    for dir in [deps.clone(), deps.parent().unwrap().to_path_buf()] {
        if dir.join(&name).is_file() {
            return dir.join(&name);
        }
    }
    panic!("{name} not found next to {}", deps.display());
}

#[test]
fn the_shared_library_loads_and_plans() {
    let path = built_library();
    let module = lib_header_from_path(&path)
        .and_then(|h| h.init_root_module::<SchedulerMod_Ref>())
        .unwrap_or_else(|e| panic!("loading {}: {e}", path.display()));
    let info = module.info()();
    assert_eq!(info.name.as_str(), "tempbalance");
    assert_eq!(info.api_version.as_str(), plugin_api::API_VERSION);
    let described = module.describe()();
    assert_eq!(described.as_str(), DEFAULT_CONFIG);
    assert_eq!(
        TbConfig::parse(described.as_str()).unwrap(),
        TbConfig::default()
    );

    let err = module.new()(RStr::from("tempo = 1"))
        .err()
        .expect("unknown key refused")
        .to_string();
    assert!(err.contains("`tempo`"), "{err}");

    let mut s = module.new()(RStr::from("")).unwrap();
    assert_eq!(
        s.analysis_cadence(),
        Cadence {
            unit: CadenceUnit::Epochs,
            every: 1
        }
    );
    let groups: Vec<_> = ["fc0", "w0", "w1", "w2", "fc1"]
        .iter()
        .map(|n| group(n, LayerKind::Linear, None))
        .collect();
    let rows = rows_for(&groups, &[2.7, 2.9, 3.0, 3.1, 3.3]);
    let incoming = uniform(&groups, 2.5e-3);
    let p = s
        .plan(
            ctx(0, 0, 10, 2.5e-3),
            groups.as_slice().into(),
            ROption::RSome(snap(0, 0, &rows)),
            &incoming,
        )
        .unwrap();
    assert_close(
        &ratios(&p, &incoming),
        &[0.353, 0.587, 1.0, 1.702, 2.835],
        5e-4,
    );

    // State through the boundary: a second instance restored from it plans the same next step.
    let state = s.save_state().unwrap();
    let mut t = module.new()(RStr::from("")).unwrap();
    t.load_state(state.as_rstr()).unwrap();
    let next = uniform(&groups, 2e-3);
    let pa = s
        .plan(
            ctx(0, 1, 10, 2e-3),
            groups.as_slice().into(),
            ROption::RNone,
            &next,
        )
        .unwrap();
    let pb = t
        .plan(
            ctx(0, 1, 10, 2e-3),
            groups.as_slice().into(),
            ROption::RNone,
            &next,
        )
        .unwrap();
    assert_eq!(pa, pb);
    assert!((lr(&pa, "fc1") / 2e-3 - 2.835).abs() < 5e-4);
    let err = t
        .load_state(RStr::from("[]"))
        .err()
        .expect("garbage refused")
        .to_string();
    assert!(err.contains("invalid state"), "{err}");
}
