//! Decoding with a tiny input limit: inputs around the limit must give
//! `Error::TooLarge` exactly when they are over it, and never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhclean::{Cleaner, Error};

const LIMIT: usize = 64;

fuzz_target!(|data: &[u8]| {
    static CLEANER: OnceLock<Cleaner> = OnceLock::new();
    let cleaner = CLEANER.get_or_init(|| Cleaner::builder().max_input_bytes(LIMIT).build());
    let result = cleaner.clean(data);
    let too_large = matches!(result, Err(Error::TooLarge { .. }));
    assert_eq!(too_large, data.len() > LIMIT, "{result:?}");
});
