//! The public entry point: options, and the pipeline that runs the stages.

use std::sync::OnceLock;

use crate::article::{Article, Format, Script, Trace};
use crate::{convert, decode, Error};

/// The script the output is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TargetScript {
    /// Convert traditional characters to simplified, exactly as OpenCC `t2s`.
    Simplified,
    /// Keep the characters as they are.
    Original,
}

/// How to read an ambiguous numeric date such as `03.12.2015`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// `03.12.2015` is 3 December 2015.
    DayFirst,
    /// `03.12.2015` is 12 March 2015.
    MonthFirst,
}

/// Options of a [`Cleaner`]. Built by [`Cleaner::builder`].
#[derive(Debug, Clone)]
pub struct CleanerBuilder {
    pub(crate) target: TargetScript,
    pub(crate) normalize_punctuation: bool,
    pub(crate) date_order: DateOrder,
    pub(crate) default_offset_minutes: i32,
    pub(crate) keep_removed: bool,
    pub(crate) max_input_bytes: usize,
    pub(crate) format: Option<Format>,
}

impl Default for CleanerBuilder {
    fn default() -> Self {
        CleanerBuilder {
            target: TargetScript::Simplified,
            normalize_punctuation: true,
            date_order: DateOrder::DayFirst,
            default_offset_minutes: 8 * 60,
            keep_removed: true,
            max_input_bytes: 64 << 20,
            format: None,
        }
    }
}

impl CleanerBuilder {
    /// The script of the output. The default is [`TargetScript::Simplified`].
    pub fn target(mut self, target: TargetScript) -> Self {
        self.target = target;
        self
    }

    /// Turn half-width punctuation next to Han characters into full-width and
    /// full-width ASCII letters and digits into half-width. The default is `true`.
    pub fn normalize_punctuation(mut self, yes: bool) -> Self {
        self.normalize_punctuation = yes;
        self
    }

    /// How to read ambiguous numeric dates. The default is [`DateOrder::DayFirst`].
    pub fn date_order(mut self, order: DateOrder) -> Self {
        self.date_order = order;
        self
    }

    /// The UTC offset, in minutes east of UTC, assumed for a date and time that
    /// give none. The default is `480` (+08:00, China Standard Time).
    /// Values are clamped to ±23:59.
    pub fn default_offset_minutes(mut self, minutes: i32) -> Self {
        self.default_offset_minutes = minutes.clamp(-(24 * 60 - 1), 24 * 60 - 1);
        self
    }

    /// Keep the record of removed text in [`Article::removed`]. The default is
    /// `true`; turning it off saves memory in large batch runs.
    pub fn keep_removed(mut self, yes: bool) -> Self {
        self.keep_removed = yes;
        self
    }

    /// Refuse inputs larger than this many bytes with [`Error::TooLarge`].
    /// The default is 64 MiB.
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// Skip format detection and decode every input as `format`. The default
    /// is `None`: detect the format from the content.
    pub fn format(mut self, format: Option<Format>) -> Self {
        self.format = format;
        self
    }

    /// Build the [`Cleaner`].
    pub fn build(self) -> Cleaner {
        Cleaner { options: self }
    }
}

/// A reusable, thread-safe cleaner.
///
/// Building one is cheap: the costly parts (compiled rules, the conversion
/// dictionary) are built once per process, on first use, and shared by all
/// cleaners. A `Cleaner` is `Send + Sync`; share one across threads by
/// reference or in an `Arc`.
#[derive(Debug, Clone)]
pub struct Cleaner {
    options: CleanerBuilder,
}

impl Default for Cleaner {
    fn default() -> Self {
        CleanerBuilder::default().build()
    }
}

impl Cleaner {
    /// A cleaner with the default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Start building a cleaner with non-default options.
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    pub(crate) fn shared_default() -> &'static Cleaner {
        static DEFAULT: OnceLock<Cleaner> = OnceLock::new();
        DEFAULT.get_or_init(Cleaner::new)
    }

    /// Clean one document given as raw bytes in any common encoding.
    pub fn clean(&self, bytes: &[u8]) -> Result<Article, Error> {
        self.clean_with_trace(bytes).map(|(article, _)| article)
    }

    /// Clean one document and also say why: see [`Trace`].
    pub fn clean_with_trace(&self, bytes: &[u8]) -> Result<(Article, Trace), Error> {
        let decoded = decode::decode(bytes, self.options.max_input_bytes)?;
        let script = convert::classify_script(&decoded.text);
        let text = convert::Converter::t2s()
            .convert(&decoded.text)
            .into_owned();
        let article = Article {
            title: String::new(),
            published: None,
            source: None,
            site: None,
            url: None,
            authors: Vec::new(),
            categories: Vec::new(),
            tags: Vec::new(),
            format: Format::Unknown,
            script: if script == Script::Simplified {
                Script::Simplified
            } else {
                script
            },
            encoding: decoded.encoding.name().to_string(),
            encoding_source: decoded.source,
            blocks: Vec::new(),
            text,
            removed: Vec::new(),
            warnings: decoded.warnings,
        };
        let trace = Trace {
            encoding_reason: decoded.reason,
            ..Trace::default()
        };
        Ok((article, trace))
    }
}
