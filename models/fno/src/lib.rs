//! FNO.
