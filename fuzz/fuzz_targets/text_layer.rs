//! The text layer: normalised view, tokens, clitics, sentences, paragraphs, repairs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = marsad_eval::robustness::probe_text_layer(data) {
        panic!("{e}");
    }
});
