//! HTML to raw blocks, on html5ever (through scraper): the bodies of
//! Jekyll posts and Markdown ([`parse_into`]), and whole pages ([`page`]).
//!
//! Block elements (`p`, `div`, `li`, `h1`–`h6`, `blockquote`, `tr`, …) and
//! `<br>` end a block; a table row is one block, its cells joined by a tab.
//! Dropped and recorded: hidden elements (`hidden`, `display:none`,
//! `visibility:hidden`), `script`, `style`, form controls and other
//! non-content elements (as `hidden`), images (as `image`, with their alt
//! text), `<figcaption>` (as `caption`). HTML comments are dropped without a
//! record. Whether a block is a heading is decided later from its text
//! alone (see [`crate::normalize::looks_like_heading`]).

mod hints;
mod meta;
pub(crate) mod page;

use ego_tree::iter::Edge;
use html5ever::{local_name, LocalName};
use scraper::{ElementRef, Html, Node};

use crate::article::RemovedKind;
use crate::draft::{Draft, Field, Link, RawBlock};
pub(crate) use hints::Hint;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg",
    "canvas", "select", "textarea", "math", "button", "input", "option",
];

/// Elements that end a block.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "nav",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "hr",
    "address",
    "center",
    "form",
    "fieldset",
    "details",
    "summary",
    "body",
    "html",
    "text",
];

#[derive(Default)]
struct Collector {
    text: String,
    links: Vec<Link>,
    /// The text holds table cells, set apart by tabs.
    cells: bool,
    /// The block is a centred caption under an image.
    caption: bool,
}

/// Longest centred block under an image taken for its caption.
const MAX_CAPTION_CHARS: usize = 100;

/// Is the element centred (`<center>`, `align=center`, `text-align:center`)?
fn is_centred(el: &scraper::node::Element) -> bool {
    el.name() == "center"
        || attr(el, &local_name!("align")).is_some_and(|a| a.eq_ignore_ascii_case("center"))
        || attr(el, &local_name!("style")).is_some_and(|s| style_says(s, &["text-align:center"]))
}

/// Does an inline style, its whitespace taken out and lower-cased, hold one
/// of `declarations`?
fn style_says(style: &str, declarations: &[&str]) -> bool {
    let holds = |compact: &str| declarations.iter().any(|d| compact.contains(d));
    // Most styles have no space or capital to take out: no copy for them.
    if style
        .bytes()
        .all(|b| !b.is_ascii_whitespace() && !b.is_ascii_uppercase() && b < 0x80)
    {
        return holds(style);
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    holds(&compact)
}

impl Collector {
    /// The block's text, whitespace-normalized (each cell on its own).
    fn finish(&self) -> String {
        if self.cells {
            self.text
                .split('\t')
                .map(crate::normalize::normalize_whitespace)
                .filter(|cell| !cell.is_empty())
                .collect::<Vec<_>>()
                .join("\t")
        } else {
            crate::normalize::normalize_whitespace(&self.text)
        }
    }
}

/// The value of the element's attribute `name` (no namespace, no prefix),
/// as `Element::attr` gives it, but found without interning a name: the walk
/// asks every element of a page about a few attributes, each named by a
/// static atom (`local_name!("class")`), so that a comparison is of two
/// words.
pub(crate) fn attr<'a>(el: &'a scraper::node::Element, name: &LocalName) -> Option<&'a str> {
    el.attrs
        .iter()
        .find(|(q, _)| q.local == *name && q.prefix.is_none() && q.ns.is_empty())
        .map(|(_, value)| &**value)
}

/// Is the element hidden by its attributes (`hidden`, `aria-hidden`, an
/// inline `display:none`)?
pub(crate) fn is_hidden(el: &scraper::node::Element) -> bool {
    if attr(el, &local_name!("hidden")).is_some()
        || attr(el, &local_name!("aria-hidden")) == Some("true")
    {
        return true;
    }
    attr(el, &local_name!("style"))
        .is_some_and(|style| style_says(style, &["display:none", "visibility:hidden"]))
}

/// The text of a subtree, for the record of what was dropped.
fn subtree_text(el: ElementRef<'_>) -> String {
    // Text nodes set apart by a space: menu entries stay apart.
    crate::normalize::normalize_whitespace(&el.text().collect::<Vec<_>>().join(" "))
}

/// Deepest element nesting passed to the parser. html5ever checks the stack of
/// open elements for most start tags, so its cost grows with depth × tags;
/// browsers cap nesting in the same way (Blink at 512).
const MAX_DEPTH: usize = 512;

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Drop start tags (and their end tags) nested deeper than [`MAX_DEPTH`], in
/// one pass. Returns the number of tags dropped.
fn flatten_deep_nesting(html: &str) -> (std::borrow::Cow<'_, str>, usize) {
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut dropped = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    let bytes = html.as_bytes();
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        let Some(len) = memchr::memchr(b'>', &bytes[start..]) else {
            break;
        };
        let end = start + len + 1;
        i = end;
        let tag = &html[start + 1..end - 1];
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/');
        let name = &name[..name
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(name.len())];
        // Void element names are two to six letters long.
        let void =
            || (2..=6).contains(&name.len()) && VOID.iter().any(|v| v.eq_ignore_ascii_case(name));
        if name.is_empty() || tag.ends_with('/') || void() {
            continue;
        }
        let drop = if closing {
            if excess > 0 {
                excess -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_DEPTH {
            excess += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            dropped += 1;
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..start]);
            copied = end;
        }
    }
    match out {
        None => (std::borrow::Cow::Borrowed(html), 0),
        Some(mut buf) => {
            buf.push_str(&html[copied..]);
            (std::borrow::Cow::Owned(buf), dropped)
        }
    }
}

/// Parse an HTML fragment and append its blocks to `draft`.
pub(crate) fn parse_into(html: &str, draft: &mut Draft) {
    let (html, dropped) = flatten_deep_nesting(html);
    if dropped > 0 {
        warn_flattened(draft, dropped);
    }
    let doc = Html::parse_fragment(&html);
    walk(doc.root_element(), draft, false);
}

fn warn_flattened(draft: &mut Draft, dropped: usize) {
    draft.warnings.push(format!(
        "HTML nested deeper than {MAX_DEPTH} levels: {dropped} tags beyond that depth were ignored"
    ));
}

/// Append the blocks of the subtree at `root` to `draft`. With `hints`,
/// elements whose class or id names them as chrome (`share`, `related`,
/// `comment`: see [`hints`]) are dropped and recorded with their kind.
pub(crate) fn walk(root: ElementRef<'_>, draft: &mut Draft, hints: bool) {
    let mut quote_depth = 0usize;
    // Each open `<a>`: its href, and where its text starts in the block.
    let mut link_stack: Vec<(Option<String>, usize)> = Vec::new();
    let mut current = Collector::default();
    let mut skip: Option<ego_tree::NodeId> = None;

    // A horizontal rule marks the next block.
    let mut after_rule = false;
    // A short centred block right under an image is its caption.
    let mut image_above = false;
    let mut centred: Vec<ego_tree::NodeId> = Vec::new();
    let flush =
        |current: &mut Collector, quote_depth: usize, after_rule: &mut bool, draft: &mut Draft| {
            let collected = std::mem::take(current);
            let text = collected.finish();
            if !text.is_empty() {
                if collected.caption {
                    draft.remove(RemovedKind::Caption, text);
                    return;
                }
                draft.blocks.push(RawBlock {
                    text,
                    links: collected.links,
                    quoted: quote_depth > 0,
                    after_rule: std::mem::take(after_rule),
                    after_body: false,
                    outside: None,
                    features: None,
                });
            }
        };

    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        if !t.trim().is_empty() {
                            current.caption |= image_above && !centred.is_empty() && hints;
                            image_above = false;
                        }
                        current.text.push_str(t);
                    }
                    Node::Element(el) => {
                        let name = el.name();
                        let element = ElementRef::wrap(node).expect("element node");
                        if is_centred(el) {
                            centred.push(node.id());
                        }
                        let chrome = match hints::of(el) {
                            Hint::Chrome(kind) if hints && node.id() != root.id() => Some(kind),
                            _ => None,
                        };
                        if SKIPPED.contains(&name) || is_hidden(el) {
                            let text = subtree_text(element);
                            if !text.is_empty() {
                                draft.remove(RemovedKind::Hidden, text);
                            }
                            skip = Some(node.id());
                        } else if let Some(kind) = chrome {
                            flush(&mut current, quote_depth, &mut after_rule, draft);
                            let text = subtree_text(element);
                            if !text.is_empty() {
                                draft.remove(kind, text);
                            }
                            skip = Some(node.id());
                        } else if name == "title" {
                            // A page's <title> is its title when nothing better is known.
                            let text = subtree_text(element);
                            draft.set(Field::Title, &text, "<title> element");
                            skip = Some(node.id());
                        } else if name == "figcaption" {
                            let text = subtree_text(element);
                            if !text.is_empty() {
                                draft.remove(RemovedKind::Caption, text);
                            }
                            skip = Some(node.id());
                        } else if name == "img" {
                            image_above = true;
                            let alt = attr(el, &local_name!("alt")).unwrap_or("").trim();
                            draft.remove(
                                RemovedKind::Image,
                                if alt.is_empty() {
                                    attr(el, &local_name!("src")).unwrap_or("").to_string()
                                } else {
                                    alt.to_string()
                                },
                            );
                        } else if name == "br" {
                            flush(&mut current, quote_depth, &mut after_rule, draft);
                        } else if matches!(name, "td" | "th") {
                            if current.cells {
                                current.text.push('\t');
                            }
                            current.cells = true;
                        } else if BLOCK.contains(&name) {
                            flush(&mut current, quote_depth, &mut after_rule, draft);
                            if name == "blockquote" {
                                quote_depth += 1;
                            } else if name == "hr" {
                                after_rule = true;
                            }
                        } else if name == "a" {
                            link_stack.push((
                                attr(el, &local_name!("href")).map(str::to_string),
                                current.text.len(),
                            ));
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if centred.last() == Some(&node.id()) {
                    centred.pop();
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if BLOCK.contains(&name) {
                        if current.text.chars().count() > MAX_CAPTION_CHARS {
                            current.caption = false;
                        }
                        flush(&mut current, quote_depth, &mut after_rule, draft);
                        if name == "blockquote" {
                            quote_depth = quote_depth.saturating_sub(1);
                        }
                    } else if name == "a" {
                        if let Some((Some(href), start)) = link_stack.pop() {
                            // A block break inside the link may have emptied the text.
                            let text = current.text.get(start..).unwrap_or("");
                            let text = crate::normalize::normalize_whitespace(text);
                            current.links.push(Link { href, text });
                        }
                    }
                }
            }
        }
    }
    flush(&mut current, quote_depth, &mut after_rule, draft);
}

fn tag_pattern() -> &'static regex::Regex {
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>").expect("valid regex")
    })
}

/// Is the text a whole HTML page rather than a fragment or plain text? It
/// is when, after whitespace, HTML comments and an XML declaration, it starts
/// with `<!doctype`, `<html` or `<head`, or when its first few kilobytes hold
/// an `<html>`, `<head>` or `<body>` tag (a page inside a wrapper, such as
/// CleanEval's `<text id=…>`).
pub(crate) fn is_html_page(text: &str) -> bool {
    let mut rest = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    loop {
        if let Some(comment) = rest.strip_prefix("<!--") {
            match comment.find("-->") {
                Some(end) => rest = comment[end + 3..].trim_start(),
                None => return false,
            }
        } else if rest.starts_with("<?xml") {
            match rest.find("?>") {
                Some(end) => rest = rest[end + 2..].trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    let starts = |prefix: &str| {
        rest.len() >= prefix.len()
            && rest.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    if starts("<!doctype") || starts("<html") || starts("<head") {
        return true;
    }
    if !rest.starts_with('<') {
        return false;
    }
    let mut end = rest.len().min(PAGE_SNIFF_BYTES);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let head = rest[..end].to_ascii_lowercase();
    ["<html", "<head>", "<head ", "<body"]
        .iter()
        .any(|tag| head.contains(tag))
}

/// How far into a text [`is_html_page`] looks for a page's structure.
const PAGE_SNIFF_BYTES: usize = 4096;

/// Does the text contain something that looks like an HTML tag?
pub(crate) fn has_tag(text: &str) -> bool {
    memchr::memchr(b'<', text.as_bytes()).is_some() && tag_pattern().is_match(text)
}

/// Remove tag-like markup left in a line of text (a literal `<p>` in plain
/// text, an escaped tag in HTML), with a warning.
pub(crate) fn strip_markup(line: String, warnings: &mut Vec<String>) -> String {
    if !has_tag(&line) {
        return line;
    }
    warnings.push(format!(
        "markup left in the text was stripped: `{}`",
        line.chars().take(40).collect::<String>()
    ));
    crate::normalize::normalize_whitespace(&tag_pattern().replace_all(&line, " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> (Vec<String>, Draft) {
        let mut draft = Draft::default();
        parse_into(html, &mut draft);
        (draft.blocks.iter().map(|b| b.text.clone()).collect(), draft)
    }

    #[test]
    fn paragraphs_entities_and_line_breaks() {
        let (b, _) = blocks(
            "<p>甲&amp;乙&nbsp;丙<br/>第二行</p><p>  </p><p><em>嵌套<b>的</b></em>文本。</p>",
        );
        assert_eq!(
            b,
            vec![
                "甲&乙 丙".to_string(),
                "第二行".to_string(),
                "嵌套的文本。".to_string()
            ]
        );
    }

    #[test]
    fn hidden_elements_comments_images_and_captions_are_dropped_and_recorded() {
        let (b, d) = blocks("<p style=\"display:none\">隐藏</p><!-- 注释 --><p><img src=\"a.png\" alt=\"K图\"></p><figure><figcaption>图为现场</figcaption></figure><script>var a='脚本'</script><p>正文。</p>");
        assert_eq!(b, vec!["正文。".to_string()]);
        let kinds: Vec<_> = d
            .removed
            .iter()
            .map(|r| (r.kind, r.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (RemovedKind::Hidden, "隐藏"),
                (RemovedKind::Image, "K图"),
                (RemovedKind::Caption, "图为现场"),
                (RemovedKind::Hidden, "var a='脚本'")
            ]
        );
    }

    #[test]
    fn links_are_kept_with_their_block() {
        let (_, d) = blocks("<p>（来源：<a href=\"http://a.cn/1\">新华网</a>）</p>");
        assert_eq!(d.blocks[0].text, "（来源：新华网）");
        assert_eq!(
            d.blocks[0].links,
            vec![Link {
                href: "http://a.cn/1".into(),
                text: "新华网".into()
            }]
        );
    }

    #[test]
    fn deep_nesting_is_flattened_and_keeps_the_text() {
        let html = format!(
            "{}深{}<p>后</p>",
            "<div><span>".repeat(20_000),
            "</span></div>".repeat(20_000)
        );
        let (b, d) = blocks(&html);
        assert_eq!(b, vec!["深", "后"]);
        assert!(d.warnings[0].contains("nested deeper than 512"));
    }

    #[test]
    fn tag_detector() {
        assert!(has_tag("a <p class=x> b"));
        assert!(has_tag("</div>"));
        assert!(!has_tag("1 < 2 > 0"));
    }
}
