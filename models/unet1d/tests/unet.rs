//! The shared unet test suite (models/testsuites/unet.rs) run against unet1d.

use engine_model_unet1d as plugin;
const SPATIAL: &[usize] = &[64];

include!("../../testsuites/unet.rs");
