//! The document between the stages: what a format decoder found (raw
//! blocks and metadata), which the later stages (chrome, bylines,
//! normalization) finish into an [`crate::Article`]. Every stage reads and
//! writes this type; it depends on no stage.

use std::collections::HashSet;

use crate::article::{Author, FieldOrigin, Removed, RemovedKind};
use crate::classify::Features;
use crate::date::Published;

/// One block before normalization: a line of plain text, or the text of one
/// HTML block element.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub text: String,
    /// The links inside the block.
    pub links: Vec<Link>,
    /// The block comes from a Markdown `> ` quote or `<blockquote>`.
    pub quoted: bool,
    /// A horizontal rule (`---`, `<hr>`) stands just before the block.
    pub after_rule: bool,
    /// The decoder found the block after the end of the article's body
    /// (the lines after the main stretch of prose of a text rendering).
    pub after_body: bool,
    /// The page reader found the block outside the article, near it: only a
    /// metadata line is taken from it; otherwise it is removed, with this
    /// kind.
    pub outside: Option<RemovedKind>,
    /// The shape of `text` (without links), when the decoder has it already;
    /// whoever changes `text` sets it to `None`.
    pub features: Option<Features>,
}

impl RawBlock {
    pub(crate) fn line(text: String) -> Self {
        RawBlock {
            text,
            links: Vec::new(),
            quoted: false,
            after_rule: false,
            after_body: false,
            outside: None,
            features: None,
        }
    }

    /// Set the text, which the shape read before no longer describes.
    pub(crate) fn set_text(&mut self, text: String) {
        self.text = text;
        self.features = None;
    }

    /// The characters of the text: counted by the format decoder, when it
    /// described the block, or now.
    pub(crate) fn chars(&self) -> usize {
        match self.features {
            Some(features) => features.chars,
            None => self.text.chars().count(),
        }
    }

    /// The shape of the block's text with its links: the decoder's, or read
    /// now.
    pub(crate) fn features(&self) -> Features {
        let link_chars = self.links.iter().map(|l| l.text.chars().count()).sum();
        match self.features {
            Some(features) if link_chars == 0 => features,
            _ => Features::of(&self.text, link_chars),
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
#[derive(Debug, Default, Clone)]
pub(crate) struct Draft {
    pub title: Option<String>,
    pub published: Option<Published>,
    pub source: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    /// In order of appearance, each once ([`Draft::add_author`]).
    pub authors: Vec<Author>,
    /// The authors already in `authors`: a page may credit thousands.
    pub credited: HashSet<Author>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub blocks: Vec<RawBlock>,
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
    pub fields: Vec<FieldOrigin>,
    /// What a page's metadata says, used once the chrome stage is done
    /// where the visible text said nothing.
    pub fallback: Fallback,
}

/// Metadata a page gives outside its visible text (`<meta>`, JSON-LD): a
/// visible dateline or credit line wins over it.
#[derive(Debug, Default, Clone)]
pub(crate) struct Fallback {
    /// The date, and where it came from.
    pub published: Option<(Published, String)>,
    /// The source, and where it came from.
    pub source: Option<(String, String)>,
    /// People: name, role, origin.
    pub authors: Vec<(String, String, String)>,
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

    /// Fill the fields the visible text left empty from the page's metadata.
    pub(crate) fn apply_fallback(&mut self) {
        let fallback = std::mem::take(&mut self.fallback);
        if let Some((date, origin)) = fallback.published {
            self.set_published(date, origin);
        }
        if let Some((source, origin)) = fallback.source {
            self.set(Field::Source, &source, origin);
        }
        if self.authors.is_empty() {
            for (name, role, origin) in fallback.authors {
                self.add_author(&name, &role, &origin);
            }
        }
    }

    pub(crate) fn add_author(&mut self, name: &str, role: &str, origin: &str) {
        let author = Author {
            name: name.to_string(),
            role: role.to_string(),
        };
        if self.credited.insert(author.clone()) {
            self.authors.push(author);
            self.fields.push(FieldOrigin {
                field: "authors".into(),
                origin: origin.into(),
            });
        }
    }
}
