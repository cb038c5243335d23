//! zhclean turns messy, scraped Chinese news articles into one clean,
//! canonical [`Article`].
//!
//! ```
//! let raw = "敢对群众负责\n\n03.12.2015  15:01\n\n  在十多年的工作中,我深刻体会到这一点。\n";
//! let article = zhclean::clean(raw.as_bytes()).unwrap();
//! assert_eq!(article.title, "敢对群众负责");
//! assert_eq!(article.published.as_deref(), Some("2015-12-03T15:01:00+08:00"));
//! assert_eq!(article.text, "在十多年的工作中，我深刻体会到这一点。");
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod article;
mod byline;
mod chrome;
mod cleaner;
pub mod convert;
mod date;
mod decode;
mod error;
mod formats;
mod html;
mod markdown;
mod normalize;

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
