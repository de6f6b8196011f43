//! Spectral metrics.
