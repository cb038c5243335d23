//! Each stage of the pipeline on its own, for the per-stage benchmark
//! (`benches/stages.rs`): decode, t2s (with the pinyin and width rules),
//! read (format detection and decoding), chrome, normalize (bylines, duplicates, whitespace and
//! punctuation, assembly). Not part of the API: names and types may change
//! at any time.

use std::borrow::Cow;

use crate::article::{Article, EncodingSource, Format, Script};
use crate::date::DEFAULT_RULES;
use crate::draft::Draft;
use crate::{chrome, decode, formats, html, Cleaner};

/// A document between two stages.
#[derive(Debug, Clone)]
pub struct Staged {
    draft: Draft,
    format: Format,
    script: Script,
    /// What site profiles look for their markers in.
    document: String,
}

/// Bytes to text, as the pipeline does (line ends included).
pub fn decode(bytes: &[u8]) -> String {
    match decode::decode(bytes, usize::MAX) {
        Ok(decoded) => decode::unify_line_ends(decoded.text),
        Err(_) => String::new(),
    }
}

/// Pinyin annotations, traditional to simplified, width, on a whole text
/// (the text formats convert before they are read): the converted text and
/// the script the text was in.
pub fn t2s(text: &str) -> (Cow<'_, str>, Script) {
    Cleaner::shared_default().convert(text, &mut Vec::new())
}

/// Format detection and the line or Jekyll decoder, on a text [`t2s`]
/// converted from `script`.
pub fn read_text(converted: &str, script: Script) -> Staged {
    let (format, _, draft) = formats::read(converted, None, DEFAULT_RULES);
    Staged {
        draft,
        format,
        script,
        document: converted.to_string(),
    }
}

/// The page reader on a decoded whole HTML page (pages are read first and
/// converted after: only the article's blocks are converted).
pub fn read_page(text: &str) -> Staged {
    let (_, draft) = html::page::read(text, DEFAULT_RULES);
    Staged {
        draft,
        format: Format::Html,
        script: Script::Simplified,
        document: text.to_string(),
    }
}

/// Whether a decoded text is read as a whole HTML page.
pub fn is_page(text: &str) -> bool {
    html::is_html_page(text)
}

/// [`t2s`] for a page: the conversion of the blocks [`read_page`] found.
pub fn t2s_page(staged: &mut Staged) {
    staged.script = Cleaner::shared_default().convert_draft(&mut staged.draft, &mut Vec::new());
}

/// The chrome stage, and the page metadata it leaves to fill.
pub fn chrome(staged: &mut Staged) {
    chrome::strip(&mut staged.draft, &staged.document, DEFAULT_RULES);
}

/// Bylines, duplicates, whitespace and punctuation, assembly.
pub fn normalize(staged: Staged) -> Article {
    Cleaner::shared_default().finish(
        staged.draft,
        staged.format,
        staged.script,
        encoding_rs::UTF_8,
        EncodingSource::Utf8,
    )
}
