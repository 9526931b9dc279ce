//! Input decoding: encoding detection, binary refusal, size and blank limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = marsad_eval::robustness::probe_decode(data) {
        panic!("{e}");
    }
});
