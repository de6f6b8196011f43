//! tempbalance scheduler plugin (work in progress).
