//! The public entry point: options, and the pipeline that runs the stages.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::article::{
    Article, Block, BlockKind, EncodingSource, Format, RemovedKind, Script, Trace,
};
use crate::date::DateRules;
use crate::draft::{Draft, Field};
use crate::formats;
use crate::normalize::{self, pinyin};
use crate::{byline, chrome, convert, decode, html, spam, Error};

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
        let options = &self.options;
        let decoded = decode::decode(bytes, options.max_input_bytes)?;
        let mut warnings = decoded.warnings;
        let text = decode::unify_line_ends(decoded.text);
        let rules = DateRules {
            order: options.date_order,
            default_offset: options.default_offset_minutes,
        };
        let html_page = match options.format {
            Some(format) => format == Format::Html,
            None => html::is_html_page(&text),
        };
        // `document` is what site profiles look for their markers in.
        let (format, format_reason, mut draft, script, document) = if html_page {
            // A page is read as the site served it; the text stages run on
            // the article's blocks alone, not on markup, scripts and menus.
            let (reason, mut draft) = html::page::read(&text, rules);
            let script = self.convert_draft(&mut draft, &mut warnings);
            (
                Format::Html,
                reason,
                draft,
                script,
                Cow::Borrowed(text.as_str()),
            )
        } else {
            let (converted, script) = self.convert(&text, &mut warnings);
            let (format, reason, draft) = formats::read(&converted, options.format, rules);
            (format, reason, draft, script, converted)
        };
        chrome::strip(&mut draft, &document, rules);
        draft.warnings.append(&mut warnings);
        let trace = Trace {
            format_reason,
            encoding_reason: decoded.reason,
            fields: std::mem::take(&mut draft.fields),
        };
        let article = self.finish(draft, format, script, decoded.encoding, decoded.source);
        Ok((article, trace))
    }

    /// Pinyin annotations, traditional to simplified, and full-width letters
    /// and digits, on a text: the converted text and the script it was in.
    pub(crate) fn convert<'t>(
        &self,
        text: &'t str,
        warnings: &mut Vec<String>,
    ) -> (Cow<'t, str>, Script) {
        let (text, annotations) = pinyin::strip_annotations(text);
        if annotations > 0 {
            warnings.push(format!(
                "removed {annotations} pinyin annotations glued to Han characters (a scraper artifact)"
            ));
        }
        let (converted, script) = match self.options.target {
            TargetScript::Simplified => match convert::Converter::t2s().convert(&text) {
                // t2s changes every traditional-only character (but in a few
                // phrases): text it leaves alone is simplified, with no need
                // for a second look.
                Cow::Borrowed(_) => (None, Script::Simplified),
                Cow::Owned(converted) => (Some(converted), convert::classify_script(&text)),
            },
            TargetScript::Original => (None, convert::classify_script(&text)),
        };
        let text = match converted {
            Some(converted) => Cow::Owned(converted),
            None => text,
        };
        // Full-width letters and digits are narrowed before any rule reads the
        // text, so that `２０２１年` is a date and chrome rules see `ICP备１２３`
        // the way the output will show it.
        let text = match normalize::narrow_alphanumerics(&text) {
            Cow::Owned(narrowed) if self.options.normalize_punctuation => Cow::Owned(narrowed),
            _ => text,
        };
        (text, script)
    }

    /// [`Self::convert`] on the text of a draft: its title and blocks in one
    /// pass (a block is one line), and the other fields one by one.
    pub(crate) fn convert_draft(&self, draft: &mut Draft, warnings: &mut Vec<String>) -> Script {
        let title = draft.title.take().unwrap_or_default();
        let mut joined = String::with_capacity(
            title.len() + draft.blocks.iter().map(|b| b.text.len() + 1).sum::<usize>(),
        );
        joined.push_str(&title);
        for block in &draft.blocks {
            joined.push('\n');
            joined.push_str(&block.text);
        }
        let (converted, script) = self.convert(&joined, warnings);
        let mut lines = converted.split('\n');
        draft.title = lines.next().filter(|t| !t.is_empty()).map(str::to_string);
        for (block, line) in draft.blocks.iter_mut().zip(lines) {
            if block.text != line {
                block.set_text(line.to_string());
            }
        }
        let mut quiet = Vec::new();
        let mut field = |value: &mut String| {
            if let Cow::Owned(converted) = self.convert(value, &mut quiet).0 {
                *value = converted;
            }
        };
        for block in &mut draft.blocks {
            block.links.iter_mut().for_each(|l| field(&mut l.text));
        }
        for value in [&mut draft.source, &mut draft.site].into_iter().flatten() {
            field(value);
        }
        if let Some((source, _)) = &mut draft.fallback.source {
            field(source);
        }
        for (name, role, _) in &mut draft.fallback.authors {
            field(name);
            field(role);
        }
        script
    }

    /// The shared last stages: bylines, duplicates, punctuation, assembly.
    pub(crate) fn finish(
        &self,
        mut draft: Draft,
        format: Format,
        script: Script,
        encoding: &'static encoding_rs::Encoding,
        encoding_source: EncodingSource,
    ) -> Article {
        let blocks = std::mem::take(&mut draft.blocks);
        // Only a quoted lede is compared with the body, so only then is it prepared.
        let lede_candidates: Vec<String> = if blocks.first().is_some_and(|b| b.quoted) {
            blocks
                .iter()
                .filter(|b| !b.quoted)
                .map(|b| comparable(&b.text))
                .collect()
        } else {
            Vec::new()
        };
        let mut out = Vec::with_capacity(blocks.len());
        for block in blocks {
            let mut text = block.text;
            if block.quoted && out.is_empty() && is_repeated(&text, &lede_candidates) {
                draft.remove(RemovedKind::Duplicate, text);
                continue;
            }
            while let Some(byline) = byline::cut_inline(&text) {
                for (name, role) in &byline.people {
                    draft.add_author(name, role, "byline in the body");
                }
                draft.remove(RemovedKind::Byline, byline.removed);
                // Cutting may leave two spaces where the byline was.
                text = normalize::normalize_whitespace(&byline.rest);
            }
            if out.is_empty() {
                if let Some((tag, source, rest)) = chrome::cut_lead_tag(&text) {
                    if let Some(source) = source {
                        draft.set(
                            Field::Source,
                            &source,
                            format!("source tag `{tag}` opening the body"),
                        );
                    }
                    draft.remove(RemovedKind::SourceLine, tag);
                    text = rest;
                }
            }
            // Decoders hand over whitespace-normalized blocks.
            let text = self.polish_normalized(text, &mut draft.warnings);
            if !text.is_empty() {
                // The kind follows from the final text alone, in every format,
                // so cleaning the output again gives the same kinds.
                let kind = if normalize::looks_like_heading(&text) {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                out.push(Block { kind, text });
            }
        }
        let mut title = draft.title.take().unwrap_or_default();
        if let Some(cut) = spam::cut(&title) {
            for part in cut.spam {
                draft.remove(RemovedKind::Spam, part);
            }
            if cut.rest.is_empty() {
                draft
                    .warnings
                    .push("the title is injected spam: no title".into());
            }
            title = cut.rest;
        }
        let title = self.polish(&title, &mut draft.warnings);
        if out.is_empty() {
            draft.warnings.push("no body text found".into());
        }
        let source = draft.source.map(|s| {
            let s = s.trim_matches(['《', '》', '「', '」', '“', '”', '"']);
            self.polish(s, &mut draft.warnings)
        });
        let text = out
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        Article {
            title,
            published: draft.published.map(|p| p.to_string()),
            source,
            site: draft.site,
            url: draft.url,
            authors: draft.authors,
            categories: draft.categories,
            tags: draft.tags,
            format,
            script,
            encoding: encoding.name().to_string(),
            encoding_source,
            blocks: out,
            text,
            removed: if self.options.keep_removed {
                draft.removed
            } else {
                Vec::new()
            },
            warnings: draft.warnings,
        }
    }

    /// Whitespace, punctuation and width rules for one line of output.
    fn polish(&self, text: &str, warnings: &mut Vec<String>) -> String {
        self.polish_normalized(normalize::normalize_whitespace(text), warnings)
    }

    /// [`Self::polish`] for a line whose whitespace is already normalized.
    fn polish_normalized(&self, mut line: String, warnings: &mut Vec<String>) -> String {
        line = html::strip_markup(line, warnings);
        if self.options.normalize_punctuation {
            // The rule gives the line back borrowed when it changes nothing.
            if let Cow::Owned(widened) = normalize::normalize_punctuation(&line) {
                line = widened;
            }
        }
        line
    }
}

/// Text reduced to what matters for comparing two paragraphs: Han, letters, digits.
fn comparable(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Does a quoted lede repeat a body paragraph? Its trailing `（source）` aside,
/// it must be contained in one, or start the same way for 20 characters.
fn is_repeated(lede: &str, paragraphs: &[String]) -> bool {
    let lede = lede.trim_end();
    let lede = match lede.rfind(['（', '(']) {
        Some(i) if lede.ends_with(['）', ')']) && lede.len() - i < 40 => &lede[..i],
        _ => lede,
    };
    let lede = comparable(lede);
    let prefix: String = lede.chars().take(20).collect();
    lede.chars().count() >= 10
        && paragraphs
            .iter()
            .any(|p| p.contains(&lede) || (prefix.chars().count() == 20 && p.starts_with(&prefix)))
}
