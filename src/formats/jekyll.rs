//! Jekyll posts: YAML front matter between `---` lines, then an HTML or
//! Markdown body (or a mix of both).
//!
//! The front matter reader covers what Jekyll sites write: `key: value` with
//! plain, single- or double-quoted values, flow lists (`[a, b]`) and block
//! lists (`- a`), blank lines and comments between keys, CRLF endings, and
//! missing or empty keys. It ends at the second `---` (or `...`); later `---`
//! lines belong to the body. Following Jekyll, plain `categories` and `tags`
//! values are split on spaces.

use crate::article::RemovedKind;
use crate::date::{self, DateRules};
use crate::draft::{Draft, Field};

/// A front matter value.
#[derive(Debug, PartialEq, Eq)]
enum Value {
    Text(String),
    List(Vec<String>),
}

/// The front matter lines and the body, and whether a closing `---` was found.
struct Split<'a> {
    front: Vec<&'a str>,
    body: &'a str,
    closed: bool,
}

fn is_key_line(line: &str) -> bool {
    let mut chars = line.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && line.split_once(':').is_some_and(|(key, _)| {
            key.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
}

fn split(text: &str) -> Option<Split<'_>> {
    let text = text.trim_start_matches(['\n', ' ', '\t']);
    let mut lines = text.split_inclusive('\n');
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut offset = text.find('\n')? + 1;
    let mut front = Vec::new();
    for line in lines {
        let content = line.trim_end();
        if content == "---" || content == "..." {
            return Some(Split {
                front,
                body: &text[offset + line.len()..],
                closed: true,
            });
        }
        // An unclosed front matter ends at the first line that cannot belong to it.
        let belongs = content.is_empty()
            || content.starts_with([' ', '\t', '#', '-'])
            || is_key_line(content);
        if !belongs {
            break;
        }
        front.push(content);
        offset += line.len();
    }
    Some(Split {
        front,
        body: &text[offset..],
        closed: false,
    })
}

/// Is this a Jekyll post? Returns the reason when it is.
pub(crate) fn detect(text: &str) -> Option<String> {
    let split = split(text)?;
    let keys: Vec<&str> = split
        .front
        .iter()
        .filter(|l| is_key_line(l))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k))
        .collect();
    if keys.is_empty() {
        return None;
    }
    let closing = if split.closed {
        "closed by a second `---`"
    } else {
        "never closed"
    };
    Some(format!(
        "front matter at the top between `---` lines ({closing}), keys: {}",
        keys.join(", ")
    ))
}

fn unquote_double(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        out.push(c);
                    }
                }
                Some(other) => out.push(other),
                None => break,
            },
            _ => out.push(c),
        }
    }
    out
}

fn unquote_single(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            if chars.peek() == Some(&'\'') {
                chars.next();
                out.push('\'');
            } else {
                break;
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// One scalar: quoted or plain (a ` #` starts a comment in a plain value).
fn scalar(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(rest) = raw.strip_prefix('"') {
        unquote_double(rest)
    } else if let Some(rest) = raw.strip_prefix('\'') {
        unquote_single(rest)
    } else {
        raw.split(" #").next().unwrap_or("").trim().to_string()
    }
}

fn flow_list(raw: &str) -> Vec<String> {
    let inner = raw.trim().trim_start_matches('[');
    let inner = inner.rsplit_once(']').map_or(inner, |(a, _)| a);
    let mut items = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in inner.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                current.push(c);
            }
            (Some(q), _) if c == q => {
                quote = None;
                current.push(c);
            }
            (None, ',') => items.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    items.push(current);
    items
        .iter()
        .map(|s| scalar(s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Parse the front matter lines into keys and values, in order.
fn parse_front(lines: &[&str]) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if !is_key_line(line) {
            continue;
        }
        let (key, raw) = line.split_once(':').expect("key line has a colon");
        let raw = raw.trim();
        let value = if raw.starts_with('[') {
            Value::List(flow_list(raw))
        } else if raw.is_empty() || raw == "|" || raw == ">" || raw == "|-" || raw == ">-" {
            // A block list or a block scalar follows, indented or dashed.
            let mut items = Vec::new();
            let mut text = Vec::new();
            while i < lines.len() && (lines[i].starts_with([' ', '\t', '-']) || lines[i].is_empty())
            {
                let item = lines[i].trim();
                if let Some(rest) = item.strip_prefix('-') {
                    items.push(scalar(rest));
                } else if !item.is_empty() {
                    text.push(item.to_string());
                }
                i += 1;
            }
            if items.is_empty() {
                Value::Text(text.join(if raw.starts_with('>') { " " } else { "\n" }))
            } else {
                Value::List(items.into_iter().filter(|s| !s.is_empty()).collect())
            }
        } else {
            Value::Text(scalar(raw))
        };
        out.push((key.trim().to_ascii_lowercase(), value));
    }
    out
}

/// Empty, or only a UTC offset (`date:  +0800` as some generators write).
fn is_blank_date(raw: &str) -> bool {
    let rest = raw.trim().trim_start_matches(['+', '-']);
    rest.chars().all(|c| c.is_ascii_digit() || c == ':') && rest.len() <= 5
}

fn words(value: Value) -> Vec<String> {
    match value {
        Value::Text(t) => t.split_whitespace().map(str::to_string).collect(),
        Value::List(items) => items,
    }
}

fn text(value: Value) -> String {
    match value {
        Value::Text(t) => t,
        Value::List(items) => items.join(" "),
    }
}

/// Decode a Jekyll post.
pub(crate) fn decode(input: &str, rules: DateRules) -> Draft {
    let mut draft = Draft::default();
    let Some(split) = split(input) else {
        draft
            .warnings
            .push("no front matter found; body read as Markdown".into());
        crate::markdown::parse_into(input, &mut draft);
        return draft;
    };
    if !split.closed {
        draft.warnings.push("front matter is never closed by a second `---`; it was taken to end at the first line that is not a key".into());
    }
    for (key, value) in parse_front(&split.front) {
        let origin = format!("front matter key `{key}`");
        match key.as_str() {
            "title" => {
                let title = text(value);
                if title.trim().is_empty() {
                    draft.warnings.push("front matter title is empty".into());
                } else if !crate::normalize::is_title_like(&title) {
                    draft.remove(RemovedKind::FrontMatter, format!("title: {title}"));
                    draft.warnings.push(format!(
                        "front matter title `{title}` has no letter or digit: not used"
                    ));
                } else {
                    draft.set(Field::Title, &title, origin);
                }
            }
            "date" => {
                let raw = text(value);
                match date::parse_line(&raw, rules) {
                    Some(d) => draft.set_published(d, origin),
                    None if is_blank_date(&raw) => {
                        draft.warnings.push("front matter date is empty".into())
                    }
                    None => draft
                        .warnings
                        .push(format!("front matter date `{raw}` is not a date")),
                }
            }
            "categories" | "category" => draft.categories.extend(words(value)),
            "tags" | "tag" | "keywords" => draft.tags.extend(words(value)),
            "source" => draft.set(Field::Source, &text(value), origin),
            "url" | "link" | "source_url" | "original" | "original_url" | "canonical_url" => {
                draft.set(Field::Url, &text(value), origin)
            }
            "author" | "authors" => {
                for name in words(value) {
                    draft.add_author(&name, "作者", &origin);
                }
            }
            _ => {
                let value = text(value);
                if value.chars().any(crate::normalize::is_han) {
                    draft.remove(RemovedKind::FrontMatter, format!("{key}: {value}"));
                }
            }
        }
    }
    crate::markdown::parse_into(split.body, &mut draft);
    draft
}

#[cfg(test)]
mod tests {
    use super::*;
    const RULES: DateRules = crate::date::TEST_RULES;

    #[test]
    fn front_matter_values_in_all_their_forms() {
        let src = "---\r\nlayout: post\r\ntitle: \"引号 \\\"内\\\" 标题\"\r\n\r\ndate: 2022-02-10 13:30:46 +0800\r\ncategories: [a, 'b c']\r\ntags:\r\n  - 标签一\r\n  - \"标签二\"\r\nauthor: 'O''Neil'\r\n---\r\n<p>正文。</p>\r\n\r\n---\r\n\r\n<p>后文。</p>\r\n";
        let d = decode(&src.replace("\r\n", "\n"), RULES);
        assert_eq!(d.title.as_deref(), Some("引号 \"内\" 标题"));
        assert_eq!(
            d.published.unwrap().to_string(),
            "2022-02-10T13:30:46+08:00"
        );
        assert_eq!(d.categories, vec!["a", "b c"]);
        assert_eq!(d.tags, vec!["标签一", "标签二"]);
        assert_eq!(d.authors[0].name, "O'Neil");
        let texts: Vec<_> = d.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["正文。", "后文。"]);
    }

    #[test]
    fn plain_categories_split_on_spaces_and_empty_keys_warn() {
        let d = decode(
            "---\ntitle: \"\"\ndate:  +0800\ncategories: a b\ntags: 中国新闻\n---\n正文。\n",
            RULES,
        );
        assert_eq!(d.title, None);
        assert_eq!(d.published, None);
        assert_eq!(d.categories, vec!["a", "b"]);
        assert_eq!(d.tags, vec!["中国新闻"]);
        assert!(d.warnings.iter().any(|w| w.contains("title is empty")));
        assert!(d.warnings.iter().any(|w| w.contains("date is empty")));
    }

    #[test]
    fn detection_needs_front_matter_at_the_top() {
        assert!(detect("---\ntitle: x\n---\nbody").is_some());
        assert!(detect("标题\n\n---\ntitle: x\n---\n").is_none());
        assert!(detect("---\n这不是键\n---\n").is_none());
        assert!(detect("---\ntitle: x\n正文没有结束线\n")
            .unwrap()
            .contains("never closed"));
    }

    #[test]
    fn an_unclosed_front_matter_ends_at_the_first_non_key_line() {
        let d = decode("---\ntitle: 标题\n正文第一段。\n", RULES);
        assert_eq!(d.title.as_deref(), Some("标题"));
        assert_eq!(d.blocks[0].text, "正文第一段。");
        assert!(d.warnings[0].contains("never closed"));
    }
}
