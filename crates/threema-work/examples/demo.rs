//! placeholder until the demo lands in this branch.
fn main() {}
