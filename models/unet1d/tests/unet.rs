//! The shared unet test suite (models/unet/testsuite/plugin_suite.rs) run against unet1d.

use engine_model_unet1d as plugin;
const SPATIAL: &[usize] = &[64];

include!("../../unet/testsuite/plugin_suite.rs");
