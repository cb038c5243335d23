//! The output stage: an [`Article`] as compact JSON, written by hand.
//!
//! The bytes are exactly those `serde_json` writes for the derived
//! `Serialize` (same field order, same escapes); tests hold the two
//! together. Writing by hand pays where serde_json is slow for this data:
//! its escaping looks up every byte in a table, and an article's text is
//! written twice, as blocks and as `text`. Here a string is scanned eight
//! bytes at a time and the runs that need no escape (almost all of Han text)
//! are copied whole; `text`, the blocks joined, is copied from the blocks'
//! escaped bytes.

use crate::article::{Article, Author, Block, Removed};
use crate::swar;

impl Article {
    /// Append the Article to `out` as compact JSON: byte for byte what
    /// `serde_json::to_writer` writes, two to three times as fast. `out` can be a
    /// buffer reused from document to document.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.reserve(self.json_len_hint());
        out.push(b'{');
        key(out, "title");
        string(out, &self.title);
        for (name, value) in [
            ("published", &self.published),
            ("source", &self.source),
            ("site", &self.site),
            ("url", &self.url),
        ] {
            out.push(b',');
            key(out, name);
            match value {
                Some(v) => string(out, v),
                None => out.extend_from_slice(b"null"),
            }
        }
        out.push(b',');
        key(out, "authors");
        list(out, &self.authors, |out, Author { name, role }| {
            object(out, &[("name", name), ("role", role)]);
        });
        for (name, values) in [("categories", &self.categories), ("tags", &self.tags)] {
            out.push(b',');
            key(out, name);
            list(out, values, |out, v| string(out, v));
        }
        for (name, value) in [
            ("format", self.format.as_str()),
            ("script", self.script.as_str()),
            ("encoding", &self.encoding),
            ("encoding_source", self.encoding_source.as_str()),
        ] {
            out.push(b',');
            key(out, name);
            string(out, value);
        }
        out.push(b',');
        key(out, "blocks");
        // Where each block's escaped text lands in `out`, for `text`.
        let mut escaped = Vec::with_capacity(self.blocks.len());
        list(out, &self.blocks, |out, Block { kind, text }| {
            out.extend_from_slice(b"{\"kind\":");
            string(out, kind.as_str());
            out.extend_from_slice(b",\"text\":");
            let start = out.len() + 1;
            string(out, text);
            escaped.push(start..out.len() - 1);
            out.push(b'}');
        });
        out.push(b',');
        key(out, "text");
        if self.text_joins_blocks() {
            // The blocks' texts joined by `\n`, as they always are: their
            // escaped bytes are copied, not escaped again.
            out.push(b'"');
            for (i, range) in escaped.into_iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b"\\n");
                }
                out.extend_from_within(range);
            }
            out.push(b'"');
        } else {
            string(out, &self.text);
        }
        out.push(b',');
        key(out, "removed");
        list(out, &self.removed, |out, Removed { kind, text }| {
            object(out, &[("kind", kind.as_str()), ("text", text)]);
        });
        out.push(b',');
        key(out, "warnings");
        list(out, &self.warnings, |out, w| string(out, w));
        out.push(b'}');
    }

    /// About the length of the JSON, escapes aside: reserved at once, so
    /// that the buffer grows once and is not copied as it fills.
    fn json_len_hint(&self) -> usize {
        let all = |v: &[String]| v.iter().map(|s| s.len() + 3).sum::<usize>();
        let optional = [&self.published, &self.source, &self.site, &self.url]
            .iter()
            .map(|v| v.as_ref().map_or(4, |s| s.len() + 2))
            .sum::<usize>();
        256 + self.title.len()
            + optional
            + self
                .authors
                .iter()
                .map(|a| a.name.len() + a.role.len() + 24)
                .sum::<usize>()
            + all(&self.categories)
            + all(&self.tags)
            + self.encoding.len()
            + self
                .blocks
                .iter()
                .map(|b| 2 * b.text.len() + 32)
                .sum::<usize>()
            + self
                .removed
                .iter()
                .map(|r| r.text.len() + 32)
                .sum::<usize>()
            + all(&self.warnings)
    }
}

/// `"name":` (names need no escape).
fn key(out: &mut Vec<u8>, name: &str) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

/// `[a,b,…]`, each item written by `item`.
fn list<T>(out: &mut Vec<u8>, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, x);
    }
    out.push(b']');
}

/// `{"k":"v",…}` of string fields.
fn object(out: &mut Vec<u8>, fields: &[(&str, &str)]) {
    out.push(b'{');
    for (i, (name, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        key(out, name);
        string(out, value);
    }
    out.push(b'}');
}

/// Must JSON escape `b`? Control characters (below 0x20), `"` and `\\`.
fn must_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The bytes of `word` that [`must_escape`].
fn needs_escape(word: u64) -> u64 {
    swar::below(word, 0x20) | swar::eq(word, b'"') | swar::eq(word, b'\\')
}

/// A JSON string, escaped as serde_json escapes: `\"`, `\\`, `\b`, `\f`,
/// `\n`, `\r`, `\t`, and `\u00xx` (lower-case hex) for the other control
/// characters; everything else, DEL and non-ASCII included, as is.
fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `bytes[start..i]` needs no escape and is copied when one is reached.
    let (mut start, mut i) = (0, 0);
    loop {
        // The next byte to escape: eight bytes at a time, then one by one.
        let at = match swar::word(bytes, i) {
            Some(word) => {
                let mask = needs_escape(word);
                if mask == 0 {
                    i += 8;
                    continue;
                }
                i + swar::first(mask)
            }
            None => match bytes[i..].iter().position(|&b| must_escape(b)) {
                Some(n) => i + n,
                None => break,
            },
        };
        out.extend_from_slice(&bytes[start..at]);
        escape(out, bytes[at]);
        i = at + 1;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// The escape of a byte that [`must_escape`].
fn escape(out: &mut Vec<u8>, b: u8) {
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\x08' => out.extend_from_slice(b"\\b"),
        b'\x0C' => out.extend_from_slice(b"\\f"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        _ => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]),
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{BlockKind, EncodingSource, Format, RemovedKind, Script};

    fn json(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0u8..=0x7F).map(char::from).collect();
        for s in [
            "",
            "新闻",
            "\"",
            "a\\b",
            "第一行\n第二行\t“引号”",
            "\u{7F}\u{80}\u{9F}\u{2028}",
            "八个字节正好\"",
            "1234567\u{1F}",
            &every_ascii,
            &every_ascii.repeat(3)[5..],
        ] {
            assert_eq!(json(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn the_escape_mask_flags_exactly_the_bytes_to_escape() {
        for b in 0u8..=0xFF {
            for at in 0..8 {
                // The byte among neighbours that need no escape, below and
                // above it, so a wrong borrow would show.
                let mut word = [b'a'; 8];
                word[at] = b;
                let mask = needs_escape(u64::from_le_bytes(word));
                let must = b < 0x20 || b == b'"' || b == b'\\';
                assert_eq!(mask != 0, must, "byte {b:#04x} at {at}");
                if must {
                    assert_eq!(mask, 0x80 << (8 * at), "byte {b:#04x} at {at}");
                }
            }
        }
    }

    #[test]
    fn enum_names_are_the_serde_names() {
        fn same<T: serde::Serialize>(value: T, name: &str) {
            assert_eq!(
                serde_json::to_string(&value).unwrap(),
                format!("\"{name}\"")
            );
        }
        for f in [
            Format::Jekyll,
            Format::PlainDated,
            Format::Portal,
            Format::Html,
            Format::Unknown,
        ] {
            same(f, f.as_str());
        }
        for s in [Script::Simplified, Script::Traditional, Script::Mixed] {
            same(s, s.as_str());
        }
        for e in [
            EncodingSource::Bom,
            EncodingSource::Declared,
            EncodingSource::Utf8,
            EncodingSource::Detected,
        ] {
            same(e, e.as_str());
        }
        for k in [BlockKind::Heading, BlockKind::Paragraph] {
            same(k, k.as_str());
        }
        use RemovedKind::*;
        for k in [
            Nav,
            SourceLine,
            Editor,
            Byline,
            Contact,
            Disclaimer,
            Copyright,
            Comments,
            Ranking,
            Related,
            Share,
            Timestamp,
            Url,
            Metadata,
            Image,
            Caption,
            Duplicate,
            Hidden,
            FrontMatter,
            Spam,
            Ad,
            Boilerplate,
        ] {
            same(k, k.as_str());
        }
    }

    #[test]
    fn an_article_is_written_as_serde_json_writes_it() {
        let article = Article {
            title: "标题\"引\"".into(),
            published: Some("2015-12-03T15:01:00+08:00".into()),
            source: None,
            site: Some("水泥网".into()),
            url: None,
            authors: vec![Author {
                name: "李强".into(),
                role: "记者".into(),
            }],
            categories: vec!["新闻".into(), "a\\b".into()],
            tags: vec![],
            format: Format::PlainDated,
            script: Script::Mixed,
            encoding: "GBK".into(),
            encoding_source: EncodingSource::Detected,
            blocks: vec![
                Block {
                    kind: BlockKind::Heading,
                    text: "一".into(),
                },
                Block {
                    kind: BlockKind::Paragraph,
                    text: "二\u{1}".into(),
                },
            ],
            text: "一\n二\u{1}".into(),
            removed: vec![Removed {
                kind: RemovedKind::SourceLine,
                text: "（文章来源：X）".into(),
            }],
            warnings: vec!["w".into()],
        };
        let same = |article: &Article| {
            let mut out = Vec::new();
            article.write_json(&mut out);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(article).unwrap()
            );
        };
        assert!(article.text_joins_blocks());
        same(&article);
        // A text that is not the blocks joined is escaped on its own.
        let mut other = article.clone();
        for text in ["一\n二", "一\n二\u{1}\n", "一二\u{1}", "\"", ""] {
            other.text = text.into();
            assert!(!other.text_joins_blocks(), "{text:?}");
            same(&other);
        }
        other.blocks.clear();
        other.text.clear();
        assert!(other.text_joins_blocks());
        same(&other);
    }
}
