//! The canonical output type and its parts. The JSON shape of [`Article`] is a
//! contract: field names and enum spellings must not change.

use serde::{Deserialize, Serialize};

/// One cleaned news article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The headline, normalized like the body. Empty when none could be found
    /// (a warning says so).
    pub title: String,
    /// RFC 3339 with offset (`2022-02-10T13:30:46+08:00`) when the source gives
    /// a time, `YYYY-MM-DD` when it gives only a date, `None` when it gives none.
    pub published: Option<String>,
    /// The originating publication (`中国劳动保障报`).
    pub source: Option<String>,
    /// The site this copy was scraped from, when known (`水泥网`).
    pub site: Option<String>,
    /// The address of the original article.
    pub url: Option<String>,
    /// Bylines and editor lines found in the document, in order of appearance.
    pub authors: Vec<Author>,
    /// Categories from front matter.
    pub categories: Vec<String>,
    /// Tags from front matter.
    pub tags: Vec<String>,
    /// The detected shape of the input.
    pub format: Format,
    /// The script the body was written in, before any conversion.
    pub script: Script,
    /// The WHATWG name of the character encoding the input was decoded from.
    pub encoding: String,
    /// How that encoding was chosen.
    pub encoding_source: EncodingSource,
    /// Headings and paragraphs of the body, in order.
    pub blocks: Vec<Block>,
    /// The blocks' texts joined by `\n`.
    pub text: String,
    /// Everything the cleaner took out of the text, with the reason. Empty when
    /// [`crate::CleanerBuilder::keep_removed`] is off.
    pub removed: Vec<Removed>,
    /// Things a person may want to check: guesses, oddities, fallbacks.
    pub warnings: Vec<String>,
}

impl Article {
    /// Whether [`text`](Article::text) is the blocks' texts joined by `\n`,
    /// as the cleaner makes it (an Article built or edited by hand may
    /// differ). A writer can then build `text` from the blocks it has
    /// already written instead of encoding it again.
    pub fn text_joins_blocks(&self) -> bool {
        let mut rest = self.text.as_bytes();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                match rest.split_first() {
                    Some((b'\n', tail)) => rest = tail,
                    _ => return false,
                }
            }
            match rest.strip_prefix(block.text.as_bytes()) {
                Some(tail) => rest = tail,
                None => return false,
            }
        }
        rest.is_empty()
    }
}

/// A person credited in the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Author {
    /// The person's name (`李强`).
    pub name: String,
    /// Their role as the document states it (`记者`, `通讯员`, `编辑`, `作者`).
    pub role: String,
}

/// One heading or paragraph of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Heading or paragraph.
    pub kind: BlockKind,
    /// The clean text, one line, no markup.
    pub text: String,
}

/// What a [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A section heading inside the body.
    Heading,
    /// A body paragraph.
    Paragraph,
}

/// A span of the input the cleaner took out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Why it was removed.
    pub kind: RemovedKind,
    /// The removed text, as found (markup stripped).
    pub text: String,
}

/// The reason a span was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RemovedKind {
    /// Navigation links (`[返回首页](…)`, breadcrumbs, `上一篇/下一篇`).
    Nav,
    /// A line naming the source publication (`（文章来源：X）`, `来源：X`).
    SourceLine,
    /// An editor line (`责任编辑：X`, `编辑：X`).
    Editor,
    /// A byline (`■文、图/记者X`, `作者：X`).
    Byline,
    /// Phone numbers, e-mail addresses, submission lines (`监督：`, `投稿：`).
    Contact,
    /// Disclaimers (`不代表本网立场`, `免责声明`).
    Disclaimer,
    /// Copyright footers (`版权所有`, `Copyright ©`).
    Copyright,
    /// A comments block and its prompts (`最新评论`, `暂无评论`).
    Comments,
    /// A ranking list of other headlines (`阅读榜`, `排行榜`).
    Ranking,
    /// Lists of other articles (`相关阅读`, `推荐阅读`).
    Related,
    /// Share bars and print/close buttons (`分享到`, `【打印】`).
    Share,
    /// A page timestamp that is not the publication date.
    Timestamp,
    /// A line holding the original address (`<http://…>`).
    Url,
    /// Title and date lines that became metadata.
    Metadata,
    /// An image (the text is its alt text, or its address when it has none).
    Image,
    /// An image caption.
    Caption,
    /// Text that repeats other text (`> ` lede repeating the first paragraph).
    Duplicate,
    /// Elements the page hides (`display:none`, `hidden`), scripts, styles, HTML comments.
    Hidden,
    /// Front matter keys that are not part of the Article (`layout`, `description`).
    FrontMatter,
    /// Injected gambling and casino advertising (`澳门新葡京注册就送…`).
    Spam,
    /// Advertising and app banners (`下载客户端`, an element marked as an ad).
    Ad,
    /// Page furniture with no more specific kind: stray symbols around the
    /// article, text of an HTML page outside the article that no rule names.
    Boilerplate,
}

/// The shape of an input document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// YAML front matter between `---` lines, then an HTML or Markdown body.
    Jekyll,
    /// Title, blank line, a date line, then paragraphs.
    PlainDated,
    /// A scraped page as text: a title (and often a `source · date` line), a
    /// body of prose, site chrome around it.
    Portal,
    /// A whole HTML page as a site served it: the article is found in it.
    Html,
    /// Text without an article's shape (a list page, a single paragraph),
    /// cleaned as plain text on a best-effort basis.
    Unknown,
}

/// The script of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// Simplified characters only (or no script-specific character at all).
    Simplified,
    /// Traditional characters only.
    Traditional,
    /// A real mix of both.
    Mixed,
}

/// How the input's character encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EncodingSource {
    /// A byte order mark.
    Bom,
    /// A charset the document declares (`<meta charset>`, XML declaration).
    Declared,
    /// The bytes are valid UTF-8.
    Utf8,
    /// Statistical detection (chardetng).
    Detected,
}

impl Format {
    /// The name used in JSON (`plain_dated`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jekyll => "jekyll",
            Format::PlainDated => "plain_dated",
            Format::Portal => "portal",
            Format::Html => "html",
            Format::Unknown => "unknown",
        }
    }
}

impl Script {
    /// The name used in JSON (`traditional`).
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Mixed => "mixed",
        }
    }
}

impl EncodingSource {
    /// The name used in JSON (`declared`).
    pub fn as_str(self) -> &'static str {
        match self {
            EncodingSource::Bom => "bom",
            EncodingSource::Declared => "declared",
            EncodingSource::Utf8 => "utf8",
            EncodingSource::Detected => "detected",
        }
    }
}

impl BlockKind {
    /// The name used in JSON (`paragraph`).
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
        }
    }
}

impl RemovedKind {
    /// The name used in JSON (`source_line`).
    pub fn as_str(self) -> &'static str {
        match self {
            RemovedKind::Nav => "nav",
            RemovedKind::SourceLine => "source_line",
            RemovedKind::Editor => "editor",
            RemovedKind::Byline => "byline",
            RemovedKind::Contact => "contact",
            RemovedKind::Disclaimer => "disclaimer",
            RemovedKind::Copyright => "copyright",
            RemovedKind::Comments => "comments",
            RemovedKind::Ranking => "ranking",
            RemovedKind::Related => "related",
            RemovedKind::Share => "share",
            RemovedKind::Timestamp => "timestamp",
            RemovedKind::Url => "url",
            RemovedKind::Metadata => "metadata",
            RemovedKind::Image => "image",
            RemovedKind::Caption => "caption",
            RemovedKind::Duplicate => "duplicate",
            RemovedKind::Hidden => "hidden",
            RemovedKind::FrontMatter => "front_matter",
            RemovedKind::Spam => "spam",
            RemovedKind::Ad => "ad",
            RemovedKind::Boilerplate => "boilerplate",
        }
    }
}

/// Why the cleaner decided what it did for one document: the detected format
/// and the reason, how the encoding was chosen, and where each metadata field
/// came from. Returned by [`crate::Cleaner::clean_with_trace`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trace {
    /// Why the format was chosen (`front matter between --- lines at the top`).
    pub format_reason: String,
    /// How the encoding was chosen (`valid UTF-8`, `<meta charset=gbk>`).
    pub encoding_reason: String,
    /// Where each metadata field came from, in the order they were set.
    pub fields: Vec<FieldOrigin>,
}

/// Where one metadata field of an [`Article`] came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldOrigin {
    /// The field name as in the JSON (`published`, `source`).
    pub field: String,
    /// Where its value came from (`front matter key "date"`, `line 3`).
    pub origin: String,
}
