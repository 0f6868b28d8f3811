//! Workspace-level tests live in `tests/`; this library only gives the package a target.
//!
//! The checks here are about the workspace as a whole (how the crates depend on each other), so
//! they belong to no single crate.
