//! Format detection and the decoders of the text formats. Each decoder
//! turns the document text into a [`Draft`]: raw blocks plus whatever
//! metadata the format carries. Whole HTML pages have their own reader,
//! [`crate::html::page`]. The later stages (chrome, bylines, normalization)
//! are shared by all formats.
//!
//! The set of formats is closed ([`Format`]): each has its decoder here,
//! chosen by `match`, so that a new shape is one new module and one arm.

pub(crate) mod jekyll;
pub(crate) mod lines;

use crate::article::Format;
use crate::date::DateRules;
use crate::draft::Draft;

/// Decide the format of `text` from its content (unless `forced`), decode
/// it, and say why that format.
pub(crate) fn read(
    text: &str,
    forced: Option<Format>,
    rules: DateRules,
) -> (Format, String, Draft) {
    let jekyll = match forced {
        None => jekyll::detect(text),
        Some(Format::Jekyll) => Some("format set by the caller".to_string()),
        Some(_) => None,
    };
    if let Some(reason) = jekyll {
        return (Format::Jekyll, reason, jekyll::decode(text, rules));
    }
    lines::read(text, forced, rules)
}
