//! zhclean turns messy, scraped Chinese news articles into one clean,
//! canonical [`Article`]: the text alone, in simplified characters, split into
//! headings and paragraphs, with its metadata, and a record of everything
//! that was taken out and why.
//!
//! ```
//! let raw = "敢对群众负责\n\n03.12.2015  15:01\n\n  在十多年的工作中,我深刻体会到这一点。\n";
//! let article = zhclean::clean(raw.as_bytes()).unwrap();
//! assert_eq!(article.title, "敢对群众负责");
//! assert_eq!(article.published.as_deref(), Some("2015-12-03T15:01:00+08:00"));
//! assert_eq!(article.text, "在十多年的工作中，我深刻体会到这一点。");
//! ```
//!
//! # The pipeline
//!
//! Each stage is one module:
//!
//! 1. **decode**: bytes to text (BOM, declared charset, UTF-8, detection);
//!    empty, binary and oversized input are the only [`Error`]s.
//! 2. **formats**: the shape is detected from the content — [`Format::Jekyll`],
//!    [`Format::PlainDated`], [`Format::Portal`], [`Format::Html`] or
//!    [`Format::Unknown`] — and its decoder reads the metadata and the body
//!    (Markdown and HTML bodies through pulldown-cmark and html5ever; a
//!    whole HTML page through **html::page**, which finds the article in it).
//! 3. **normalize::pinyin** and [`convert`]: pinyin annotations glued on by
//!    scrapers (`服務(wù)`) are removed when the document shows the
//!    artifact; traditional becomes simplified, exactly as OpenCC 1.4.2
//!    `t2s` — on the whole text of a text format, on the article's blocks
//!    alone for an HTML page.
//! 4. **chrome**: site chrome is removed, each span recorded in
//!    [`Article::removed`] with a [`RemovedKind`]: metadata lines read by one
//!    grammar (**metaline**: sources, bylines, editors, dates), labelled
//!    chrome (rules and site profiles), injected **spam**, and unlabelled
//!    chrome found by its shape (**classify**).
//! 5. **byline**, **normalize**: bylines inside paragraphs become
//!    [`Article::authors`]; whitespace, punctuation and character width are
//!    normalized.
//! 6. **json**: [`Article::write_json`] writes the Article as serde_json
//!    would, faster.
//!
//! The document travels between the stages as a **draft** (raw blocks and
//! the metadata found so far), a module below all the stages.
//!
//! When unsure, zhclean keeps text and says so in [`Article::warnings`].
//! [`Cleaner::clean_with_trace`] also tells why each decision was taken.
//!
//! # Cost
//!
//! Compiled rules and the conversion tables are built once per process, on
//! first use, and shared by every [`Cleaner`] and thread: the first document
//! costs about 20 ms more than the next ones (measured on a 2-core virtual
//! machine), and the tables take about 2 MB. Every stage is linear in the
//! input.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod article;
mod byline;
mod chrome;
mod classify;
mod cleaner;
pub mod convert;
mod date;
mod decode;
mod draft;
mod error;
mod formats;
mod html;
mod json;
mod markdown;
mod metaline;
mod normalize;
mod spam;
#[doc(hidden)]
pub mod stages;
mod swar;
#[cfg(test)]
mod test_support;

pub use article::{
    Article, Author, Block, BlockKind, EncodingSource, FieldOrigin, Format, Removed, RemovedKind,
    Script, Trace,
};
pub use cleaner::{Cleaner, CleanerBuilder, DateOrder, TargetScript};
pub use error::Error;

/// Clean one document with the default options.
///
/// Uses a [`Cleaner`] built once per process and shared.
pub fn clean(bytes: &[u8]) -> Result<Article, Error> {
    Cleaner::shared_default().clean(bytes)
}
