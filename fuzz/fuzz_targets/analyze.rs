//! The whole `marsad analyze` path: decoding, every stage, every output format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = marsad_eval::robustness::probe_analyze(data) {
        panic!("{e}");
    }
});
