//! `zhclean::clean` on arbitrary bytes: format detection, decoding and every
//! later stage. It must never panic (the Article invariants are
//! checked by tests/proptest_clean.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = zhclean::clean(data);
});
