//! Format detection and the three format decoders. Each decoder turns the
//! document text into a [`Draft`]: raw blocks plus whatever metadata the
//! format carries. The later stages (chrome, bylines, normalization) are
//! shared by all formats.

pub(crate) mod jekyll;
pub(crate) mod lines;

use crate::article::{Author, FieldOrigin, Format, Removed, RemovedKind};
use crate::date::{DateRules, Published};

/// One block before normalization: a line of plain text, or the text of one
/// HTML block element.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub text: String,
    /// The links inside the block.
    pub links: Vec<Link>,
    /// The block comes from a Markdown `> ` quote or `<blockquote>`.
    pub quoted: bool,
}

impl RawBlock {
    pub(crate) fn line(text: String) -> Self {
        RawBlock {
            text,
            links: Vec::new(),
            quoted: false,
        }
    }
}

/// A link inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub href: String,
    /// The link's text, whitespace-normalized.
    pub text: String,
}

/// What a format decoder found, before the shared stages finish it.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub title: Option<String>,
    pub published: Option<Published>,
    pub source: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<Author>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub blocks: Vec<RawBlock>,
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
    pub fields: Vec<FieldOrigin>,
    /// Images dropped from HTML bodies.
    pub images: usize,
}

/// A metadata field of the draft, for [`Draft::set`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Field {
    Title,
    Source,
    Site,
    Url,
}

impl Draft {
    /// Record a removed span.
    pub(crate) fn remove(&mut self, kind: RemovedKind, text: impl Into<String>) {
        self.removed.push(Removed {
            kind,
            text: text.into(),
        });
    }

    /// Set a field unless it is already set; the first finding wins.
    pub(crate) fn set(&mut self, field: Field, value: &str, origin: impl Into<String>) {
        let value = crate::normalize::normalize_whitespace(value);
        if value.is_empty() {
            return;
        }
        let (slot, name) = match field {
            Field::Title => (&mut self.title, "title"),
            Field::Source => (&mut self.source, "source"),
            Field::Site => (&mut self.site, "site"),
            Field::Url => (&mut self.url, "url"),
        };
        if slot.is_none() {
            *slot = Some(value);
            self.fields.push(FieldOrigin {
                field: name.into(),
                origin: origin.into(),
            });
        }
    }

    pub(crate) fn set_published(&mut self, date: Published, origin: impl Into<String>) {
        if self.published.is_none() {
            self.published = Some(date);
            self.fields.push(FieldOrigin {
                field: "published".into(),
                origin: origin.into(),
            });
        }
    }

    pub(crate) fn add_author(&mut self, name: &str, role: &str, origin: &str) {
        let author = Author {
            name: name.to_string(),
            role: role.to_string(),
        };
        if !self.authors.contains(&author) {
            self.authors.push(author);
            self.fields.push(FieldOrigin {
                field: "authors".into(),
                origin: origin.into(),
            });
        }
    }
}

/// Decide the format of `text` from its content, with the reason.
pub(crate) fn detect(text: &str, rules: DateRules) -> (Format, String) {
    if let Some(reason) = jekyll::detect(text) {
        return (Format::Jekyll, reason);
    }
    if crate::html::is_html_page(text) {
        return (
            Format::Unknown,
            "an HTML page (starts with a doctype or an <html>, <head> or <body> tag): read as HTML"
                .into(),
        );
    }
    lines::detect(text, rules)
}

/// Run the decoder for `format`.
pub(crate) fn decode(format: Format, text: &str, rules: DateRules) -> Draft {
    match format {
        Format::Jekyll => jekyll::decode(text, rules),
        Format::Unknown if crate::html::is_html_page(text) => {
            let mut draft = Draft::default();
            draft
                .warnings
                .push("format not recognized: an HTML page, cleaned as HTML".into());
            crate::html::parse_into(text, &mut draft);
            if draft.title.is_none() {
                draft.warnings.push("no title found".into());
            }
            draft
        }
        Format::PlainDated | Format::Portal | Format::Unknown => lines::decode(format, text, rules),
    }
}
