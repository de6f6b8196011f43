//! The shared unet test suite (models/unet/testsuite/plugin_suite.rs) run against unet2d.

use engine_model_unet2d as plugin;
const SPATIAL: &[usize] = &[32, 32];

include!("../../unet/testsuite/plugin_suite.rs");
