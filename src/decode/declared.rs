//! Find the charset a document declares in its first bytes: HTML
//! `<meta charset=…>`, `<meta http-equiv="Content-Type" content="…charset=…">`
//! and the XML declaration's `encoding="…"`.
//!
//! This is a byte-level prescan, not an HTML parser: it looks at most at
//! [`PRESCAN_BYTES`] bytes (the HTML standard uses 1024; Jekyll front matter
//! before the body pushes the `<meta>` further down, hence 4096) and only for
//! ASCII patterns, so it works whatever the real encoding is, as long as it is
//! ASCII-compatible.

/// How many leading bytes are searched for a declaration.
pub(crate) const PRESCAN_BYTES: usize = 4096;

/// A charset label found in the document, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Declaration {
    /// The label as written, lower-cased (`gbk`, `utf-8`).
    pub label: String,
    /// What declared it (`<meta charset>`, `<meta http-equiv>`, `<?xml encoding>`).
    pub how: &'static str,
}

impl Declaration {
    /// The declaration as it reads in the document, normalized
    /// (`<meta charset=gbk>`), for [`crate::Trace::encoding_reason`].
    pub fn describe(&self) -> String {
        match self.how {
            "<meta http-equiv>" => format!("<meta http-equiv content=\"…charset={}\">", self.label),
            "<?xml encoding>" => format!("<?xml encoding=\"{}\"?>", self.label),
            _ => format!("<meta charset={}>", self.label),
        }
    }
}

/// The first charset declaration in the first [`PRESCAN_BYTES`] of `bytes`.
pub(crate) fn find(bytes: &[u8]) -> Option<Declaration> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    // Every declaration starts with `<`: plain text needs no further look.
    memchr::memchr(b'<', head)?;
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if let Some(label) = xml_declaration(&lower) {
        return Some(Declaration {
            label,
            how: "<?xml encoding>",
        });
    }
    let mut from = 0;
    while let Some(pos) = find_at(&lower, b"<meta", from) {
        let end = find_at(&lower, b">", pos).unwrap_or(lower.len());
        let tag = &lower[pos + 5..end];
        from = end;
        // `<meta charset=gbk>`: the attribute name is `charset` itself.
        if let Some(label) = attribute(tag, b"charset") {
            return Some(Declaration {
                label,
                how: "<meta charset>",
            });
        }
        // `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`.
        if let Some(content) = attribute(tag, b"content") {
            if let Some(label) = charset_in_content(content.as_bytes()) {
                return Some(Declaration {
                    label,
                    how: "<meta http-equiv>",
                });
            }
        }
    }
    None
}

fn find_at(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| p + from)
}

/// `encoding="…"` inside a leading `<?xml … ?>`.
fn xml_declaration(lower: &[u8]) -> Option<String> {
    let start = find_at(lower, b"<?xml", 0)?;
    // Only a declaration at the very top (after optional whitespace) counts.
    if !lower[..start].iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let end = find_at(lower, b"?>", start).unwrap_or(lower.len());
    attribute(&lower[start + 5..end], b"encoding")
}

/// The value of attribute `name` in the (lower-cased) inside of a tag, read
/// the way an HTML tokenizer reads attributes, so that a `charset=` inside a
/// quoted `content` value is not taken for an attribute.
fn attribute(tag: &[u8], name: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < tag.len() {
        i = skip(tag, i, |b| {
            b.is_ascii_whitespace() || matches!(b, b'/' | b'?')
        });
        let name_start = i;
        i = skip(tag, i, |b| {
            !b.is_ascii_whitespace() && !matches!(b, b'=' | b'/' | b'?')
        });
        if i == name_start {
            break;
        }
        let this = &tag[name_start..i];
        i = skip(tag, i, |b| b.is_ascii_whitespace());
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i = skip(tag, i + 1, |b| b.is_ascii_whitespace());
        let value = match tag.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = skip(tag, i + 1, |b| b != q);
                let v = &tag[i + 1..end];
                i = end + 1;
                v
            }
            _ => {
                let end = skip(tag, i, |b| !b.is_ascii_whitespace());
                let v = &tag[i..end];
                i = end;
                v
            }
        };
        if this == name {
            let v = String::from_utf8_lossy(value).trim().to_string();
            return (!v.is_empty()).then_some(v);
        }
    }
    None
}

/// The first index at or after `i` whose byte does not satisfy `keep`.
fn skip(s: &[u8], mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
    while s.get(i).is_some_and(|&b| keep(b)) {
        i += 1;
    }
    i
}

fn skip_ws(s: &[u8], i: usize) -> usize {
    skip(s, i, |b| b.is_ascii_whitespace())
}

/// The label after `charset=` in a `content` value (`text/html; charset=gbk`).
fn charset_in_content(content: &[u8]) -> Option<String> {
    let pos = find_at(content, b"charset", 0)?;
    let j = skip_ws(content, pos + 7);
    if content.get(j) != Some(&b'=') {
        return None;
    }
    let j = skip_ws(content, j + 1);
    let rest = content.get(j..)?;
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| b.is_ascii_whitespace() || matches!(b, b';' | b'"' | b'\''))
        .unwrap_or(rest.len());
    (len > 0).then(|| String::from_utf8_lossy(&rest[..len]).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> Option<String> {
        find(s.as_bytes()).map(|d| d.label)
    }

    #[test]
    fn meta_charset() {
        assert_eq!(
            label("<html><head><meta charset=\"GBK\">"),
            Some("gbk".into())
        );
        assert_eq!(label("<META CHARSET=big5 />"), Some("big5".into()));
        assert_eq!(label("<meta charset='utf-8'>"), Some("utf-8".into()));
    }

    #[test]
    fn meta_http_equiv() {
        let html = r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#;
        let d = find(html.as_bytes()).unwrap();
        assert_eq!(d.label, "gb2312");
        assert_eq!(d.how, "<meta http-equiv>");
        let html = r#"<meta content='text/html;charset="gb18030"' http-equiv=content-type>"#;
        assert_eq!(label(html), Some("gb18030".into()));
    }

    #[test]
    fn xml_declaration_at_top_only() {
        assert_eq!(
            label("<?xml version=\"1.0\" encoding=\"GB2312\"?><rss>"),
            Some("gb2312".into())
        );
        assert_eq!(label("text <?xml encoding=\"gbk\"?>"), None);
    }

    #[test]
    fn nothing_declared() {
        assert_eq!(label("<meta name=description content=\"charset\">"), None);
        assert_eq!(label("<p>no meta here</p>"), None);
        assert_eq!(label("<meta charset"), None);
        assert_eq!(label("<meta charset=>"), None);
        assert_eq!(
            label("<meta content=\"x charset=gbk\" name=a>"),
            Some("gbk".into())
        );
        assert_eq!(label(""), None);
    }

    #[test]
    fn only_the_first_bytes_are_searched() {
        let late = format!("{}<meta charset=gbk>", " ".repeat(PRESCAN_BYTES));
        assert_eq!(label(&late), None);
    }
}
