//! Markdown bodies (and Markdown mixed with HTML), on pulldown-cmark.
//!
//! The body is rendered to HTML by pulldown-cmark, which passes raw HTML
//! through, and the result is read by [`crate::html`]. So headings, emphasis,
//! links (reduced to their text), escapes (`\|`) and `> ` quotes follow the
//! CommonMark rules, and HTML blocks in the same body are read as HTML.

use pulldown_cmark::{html, Options, Parser};

use crate::draft::Draft;

/// Lines that start an HTML tag are un-indented first: an indented `<p>`
/// after a blank line would otherwise be a code block, and its tags would
/// end up in the text.
fn dedent_html_lines(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '\t']);
        if trimmed.starts_with('<') {
            out.push_str(trimmed);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Parse a Markdown (or HTML) body and append its blocks to `draft`.
pub(crate) fn parse_into(body: &str, draft: &mut Draft) {
    let body = dedent_html_lines(body);
    let parser = Parser::new_ext(
        &body,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut rendered = String::with_capacity(body.len() * 5 / 4);
    html::push_html(&mut rendered, parser);
    crate::html::parse_into(&rendered, draft);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(md: &str) -> Vec<(String, bool)> {
        let mut d = Draft::default();
        parse_into(md, &mut d);
        d.blocks.into_iter().map(|b| (b.text, b.quoted)).collect()
    }

    #[test]
    fn headings_emphasis_links_and_escapes() {
        let b = blocks("## 小标题\n\n这是**重点**和[链接](http://x.cn)，竖线\\|保留。\n");
        assert_eq!(b[0], ("小标题".into(), false));
        assert_eq!(b[1], ("这是重点和链接，竖线|保留。".into(), false));
    }

    #[test]
    fn quotes_are_marked_and_html_blocks_are_read_as_html() {
        let b = blocks("> 导语。\n\n <p>一段。</p>\n\n    <p>缩进的段落。</p>\n");
        assert_eq!(b[0], ("导语。".into(), true));
        assert_eq!(b[1].0, "一段。");
        assert_eq!(b[2].0, "缩进的段落。");
    }
}
