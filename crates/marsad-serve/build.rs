//! Rebuilds the crate when a file of `assets/` (embedded into the binary) changes,
//! is added or removed.

fn main() {
    println!("cargo:rerun-if-changed=assets");
}
