//! layerwise-decay scheduler plugin (work in progress).
