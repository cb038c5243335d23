//! The whole-page reader on arbitrary bytes: detection is skipped with
//! `Cleaner::builder().format(Some(Format::Html))`, so every input reaches
//! that decoder. It must never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhclean::{Cleaner, Format};

fuzz_target!(|data: &[u8]| {
    static CLEANER: OnceLock<Cleaner> = OnceLock::new();
    let cleaner = CLEANER.get_or_init(|| Cleaner::builder().format(Some(Format::Html)).build());
    let _ = cleaner.clean(data);
});
