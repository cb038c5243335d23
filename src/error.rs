//! The errors [`crate::Cleaner::clean`] can return. Everything short of these
//! gives a best-effort [`crate::Article`] with warnings instead.

/// Why a document could not be cleaned at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is empty or holds only whitespace.
    #[error("empty input: {0} bytes, no text after decoding")]
    Empty(usize),
    /// The input is larger than the configured limit.
    #[error("input too large: {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit ([`crate::CleanerBuilder::max_input_bytes`]).
        limit: usize,
    },
    /// The input is binary, not text.
    #[error("not text: {0}")]
    NotText(String),
}
