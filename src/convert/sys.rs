//! A second backend linking the system OpenCC library (feature `opencc-sys`).
//!
//! It exists to cross-check the pure Rust [`Converter`](super::Converter)
//! against the C++ implementation. The system library's version and data are
//! whatever the distribution ships (Debian 12: OpenCC 1.1.6), so its output
//! can differ from OpenCC 1.4.2 where the dictionaries changed.

use std::borrow::Cow;

use opencc_rust::{DefaultConfig, OpenCC};

/// The system OpenCC, configured with its `t2s.json`.
pub struct SysConverter(OpenCC);

impl std::fmt::Debug for SysConverter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SysConverter(t2s)")
    }
}

impl SysConverter {
    /// Load the system OpenCC's `t2s` configuration.
    ///
    /// Fails when the system library cannot find or parse its data files.
    pub fn t2s() -> Result<SysConverter, String> {
        OpenCC::new(DefaultConfig::T2S)
            .map(SysConverter)
            .map_err(|e| e.to_string())
    }

    /// Convert `text` with the system library, borrowing it when nothing changes.
    pub fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let out = self.0.convert(text);
        if out == text {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(out)
        }
    }
}
