//! The shared unet test suite (models/testsuites/unet.rs) run against unet2d.

use engine_model_unet2d as plugin;
const SPATIAL: &[usize] = &[32, 32];

include!("../../testsuites/unet.rs");
