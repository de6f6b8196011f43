//! sam scheduler plugin (work in progress).
