//! Line-based formats: plain dated text, scraped portal pages, and the
//! best-effort fallback for anything else. Every non-empty line is a block.
//!
//! - *plain_dated*: a title line, then (within the next two non-empty lines)
//!   a line that is only a date.
//! - *portal*: a title line, then a meta line holding a date plus a source
//!   and page words (`中国劳动保障新闻网 · 2014-09-17 13:31 留言`).
//! - *unknown*: anything else. The first line that is not page chrome is
//!   taken as the title, with a warning.

use std::sync::OnceLock;

use regex::Regex;

use crate::article::{Format, RemovedKind};
use crate::date::{self, DateRules, Published};
use crate::formats::{Draft, Field, RawBlock};
use crate::normalize::{is_han, is_title_like, normalize_whitespace};

/// Longest line taken as a title.
const MAX_TITLE_CHARS: usize = 100;

/// Longest meta line, and the most text it may hold besides the date.
const MAX_META_CHARS: usize = 120;
const MAX_META_EXTRA_CHARS: usize = 40;

/// A meta line: a date with a source, labelled fields and page words.
struct Meta {
    published: Published,
    source: Option<String>,
    /// Labelled people (`作者：X`, `编辑：X`): (role, names).
    people: Vec<(String, String)>,
}

/// Words portals print after the date (`留言`, `评论(3)`, `分享`): never a source.
fn page_words() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:留言|评论|分享|收藏|打印|字号|大|中|小|阅读|浏览|点击|人气|查看|举报|纠错|关注)?[:：]?[(（]?\d*[)）]?(?:次|条|人)?$")
            .expect("valid regex")
    })
}

fn labelled() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(来源|出处|作者|编辑|责任编辑|责编|记者|发布者|发布人|发布时间|发表时间|更新时间|时间|日期|浏览|浏览次数|阅读|点击|点击数)\s*[：:]\s*([^\s|｜·•/]*)")
            .expect("valid regex")
    })
}

/// Read a meta line: a date plus at most a short source and page words.
fn parse_meta(line: &str, rules: DateRules) -> Option<Meta> {
    if line.chars().count() > MAX_META_CHARS || line.ends_with('。') {
        return None;
    }
    let (published, range) = date::find(line, rules)?;
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    let mut source = None;
    let mut people = Vec::new();
    for caps in labelled().captures_iter(&rest) {
        let value = caps[2].to_string();
        match &caps[1] {
            "来源" | "出处" if !value.is_empty() => source = Some(value),
            "作者" | "记者" | "发布者" | "发布人" if !value.is_empty() => people.push((
                if &caps[1] == "记者" {
                    "记者"
                } else {
                    "作者"
                }
                .to_string(),
                value,
            )),
            "编辑" | "责任编辑" | "责编" if !value.is_empty() => {
                people.push(("编辑".into(), value))
            }
            _ => {}
        }
    }
    let unlabelled = labelled().replace_all(&rest, " ");
    let before_date: String = unlabelled
        .split(['·', '•', '|', '｜', '/', ' '])
        .filter(|token| !page_words().is_match(token))
        .collect::<Vec<_>>()
        .join(" ");
    if before_date.chars().count() > MAX_META_EXTRA_CHARS {
        return None;
    }
    if source.is_none() && !before_date.is_empty() && before_date.chars().any(is_han) {
        source = Some(before_date);
    }
    Some(Meta {
        published,
        source,
        people,
    })
}

/// Longest line that may stand between a title and its date line.
const MAX_ASIDE_CHARS: usize = 30;

/// How many lines at the top of an unknown page may come before its title.
const HEAD_LINES: usize = 4;

/// Between a title and its date or meta line there may be one short line (a
/// subtitle, a tag line), not a paragraph: a date line under a paragraph is
/// not the article's.
pub(crate) fn is_short_aside(line: &str) -> bool {
    normalize_whitespace(line).chars().count() <= MAX_ASIDE_CHARS
}

/// Is line `i` of `lines` (non-empty lines with their 1-based numbers)
/// followed by a blank line, or the last one?
fn set_apart(lines: &[(usize, String)], i: usize) -> bool {
    match (lines.get(i), lines.get(i + 1)) {
        (Some((no, _)), Some((next, _))) => *next > no + 1,
        _ => true,
    }
}

/// Has the text the shape of an Article rendered as plain text: a first line,
/// a blank line, then the body with no blank line?
fn is_rendered_article(lines: &[(usize, String)]) -> bool {
    lines.len() >= 2
        && lines[0].0 == 1
        && lines[1].0 == 3
        && lines.windows(2).skip(1).all(|w| w[1].0 == w[0].0 + 1)
}

/// If `line` is a date line or a meta line, take its date, source and people
/// into `draft`, record the line as removed, and say so.
pub(crate) fn read_meta_line(draft: &mut Draft, place: &str, line: &str, rules: DateRules) -> bool {
    // Body paragraphs are longer than any date or meta line: skip the regexes.
    if line.len() > MAX_META_CHARS * 4 || line.chars().count() > MAX_META_CHARS {
        return false;
    }
    if let Some(d) = date::parse_line(line, rules) {
        draft.set_published(d, format!("date line ({place})"));
    } else if let Some(meta) = parse_meta(line, rules) {
        let origin = format!("meta line ({place})");
        draft.set_published(meta.published, origin.clone());
        if let Some(source) = meta.source {
            draft.set(Field::Source, &source, origin.clone());
        }
        for (role, name) in meta.people {
            draft.add_author(&name, &role, &origin);
        }
    } else {
        return false;
    }
    draft.remove(RemovedKind::Metadata, line.to_string());
    true
}

/// The first non-empty lines of the text, with their line numbers (1-based).
fn first_lines(text: &str, n: usize) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !normalize_whitespace(l).is_empty())
        .take(n)
        .map(|(i, l)| (i + 1, l))
        .collect()
}

/// Decide between plain_dated, portal and unknown, with the reason.
pub(crate) fn detect(text: &str, rules: DateRules) -> (Format, String) {
    let head = first_lines(text, 3);
    if let Some(&(title_no, title)) = head.first() {
        let title_ok = normalize_whitespace(title).chars().count() <= MAX_TITLE_CHARS
            && is_title_like(title)
            && date::parse_line(title, rules).is_none();
        for &(no, line) in head.iter().skip(1) {
            if !title_ok {
                break;
            }
            if date::parse_line(line, rules).is_some() {
                return (
                    Format::PlainDated,
                    format!(
                        "title on line {title_no}, a line holding only a date on line {no}: `{}`",
                        normalize_whitespace(line)
                    ),
                );
            }
            if parse_meta(line, rules).is_some() {
                return (
                    Format::Portal,
                    format!(
                        "title on line {title_no}, a source and date line on line {no}: `{}`",
                        normalize_whitespace(line)
                    ),
                );
            }
            if !is_short_aside(line) {
                break;
            }
        }
    }
    (
        Format::Unknown,
        "no front matter, and no date or source-and-date line under a title at the top".into(),
    )
}

/// Decode a line-based document.
pub(crate) fn decode(format: Format, text: &str, rules: DateRules) -> Draft {
    let mut draft = Draft::default();
    let lines: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, normalize_whitespace(l)))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let mut body_start = 0;
    match format {
        Format::PlainDated | Format::Portal => {
            if let Some((no, title)) = lines.first() {
                draft.set(Field::Title, title, format!("line {no}"));
                draft.remove(RemovedKind::Metadata, title.clone());
                body_start = 1;
            }
            // The date or meta line: the first of the next two lines that is one.
            for (i, (no, line)) in lines.iter().enumerate().skip(1).take(2) {
                if read_meta_line(&mut draft, &format!("line {no}"), line, rules) {
                    // A line between the title and the meta line is body text.
                    let between = lines[1..i].iter();
                    draft
                        .blocks
                        .extend(between.map(|(_, l)| RawBlock::line(l.clone())));
                    body_start = i + 1;
                    break;
                }
                if !is_short_aside(line) {
                    break;
                }
            }
        }
        _ => {
            draft.warnings.push(
                "format not recognized: cleaned as plain text, first line taken as the title"
                    .into(),
            );
            // zhclean's own plain-text rendering (title, blank line, one block
            // a line) keeps its title whatever it looks like, so that cleaning
            // the output again changes nothing.
            if is_rendered_article(&lines) && is_title_like(&lines[0].1) {
                let (no, title) = &lines[0];
                draft.set(
                    Field::Title,
                    title,
                    format!("line {no}, set apart above the body"),
                );
                draft.remove(RemovedKind::Metadata, title.clone());
                body_start = 1;
            }
            // The head of the page: leading page chrome (breadcrumbs,
            // `文章详情`: left to the chrome stage), date and meta lines (read),
            // bare times, then the title.
            while body_start < lines.len().min(HEAD_LINES) && draft.title.is_none() {
                let (no, line) = &lines[body_start];
                let is_meta = read_meta_line(&mut draft, &format!("line {no}"), line, rules);
                if is_meta {
                    // Read and recorded: its date is the publication date.
                } else if crate::chrome::is_bare_time(line) {
                    draft.remove(RemovedKind::Timestamp, line.clone());
                } else if !set_apart(&lines, body_start)
                    && (line.chars().count() > MAX_TITLE_CHARS
                        || line.ends_with(['。', '：', ':', '；', '，', ',']))
                {
                    // Body text already: this page shows no title. (A line set
                    // apart by a blank line is a title whatever its shape, as
                    // in zhclean's own plain-text rendering.)
                    break;
                } else if crate::chrome::is_header_chrome(line) || !is_title_like(line) {
                    draft.blocks.push(RawBlock::line(line.clone()));
                } else {
                    let origin =
                        format!("line {no} (first line that is not page chrome or a date)");
                    draft.set(Field::Title, line, origin);
                    draft.remove(RemovedKind::Metadata, line.clone());
                }
                body_start += 1;
            }
            // A date or meta line right under the title.
            if draft.title.is_some() {
                if let Some((no, line)) = lines.get(body_start) {
                    if read_meta_line(&mut draft, &format!("line {no}"), line, rules) {
                        body_start += 1;
                    }
                }
            } else {
                draft.warnings.push("no title found".into());
            }
        }
    }
    let body = lines.into_iter().skip(body_start);
    draft
        .blocks
        .extend(body.map(|(_, line)| RawBlock::line(line)));
    draft
}

#[cfg(test)]
mod tests {
    use super::*;
    const RULES: DateRules = crate::date::TEST_RULES;

    #[test]
    fn detects_plain_dated_portal_and_unknown() {
        assert_eq!(
            detect("标题\n\n03.12.2015 \u{a0}15:01\n\n  正文。", RULES).0,
            Format::PlainDated
        );
        assert_eq!(
            detect(
                "标题\n\n中国劳动保障新闻网 · 2014-09-17 13:31 留言\n\n正文。",
                RULES
            )
            .0,
            Format::Portal
        );
        assert_eq!(detect("标题\n正文提到2014-09-17这一天发生的很多事情，还有很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的句子。", RULES).0, Format::Unknown);
        assert_eq!(detect("只有一行", RULES).0, Format::Unknown);
    }

    #[test]
    fn meta_line_gives_source_and_drops_page_words() {
        let m = parse_meta("中国劳动保障新闻网 · 2014-09-17 13:31 留言", RULES).unwrap();
        assert_eq!(m.source.as_deref(), Some("中国劳动保障新闻网"));
        assert_eq!(m.published.to_string(), "2014-09-17T13:31:00+08:00");
        let m = parse_meta("来源：新华网 作者：张三 2021-01-05 评论(3)", RULES).unwrap();
        assert_eq!(m.source.as_deref(), Some("新华网"));
        assert_eq!(m.people, vec![("作者".to_string(), "张三".to_string())]);
    }

    #[test]
    fn a_line_between_title_and_meta_line_is_kept() {
        let d = decode(
            Format::Portal,
            "标题\n导语一句\n新华网 · 2021-03-05 10:20\n正文。",
            RULES,
        );
        let texts: Vec<_> = d.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["导语一句", "正文。"]);
    }

    #[test]
    fn plain_dated_document() {
        let d = decode(
            Format::PlainDated,
            "标题\n\n03.12.2015  15:01\n\n  第一段。\n\n  小标题\n\n  第二段。",
            RULES,
        );
        assert_eq!(d.title.as_deref(), Some("标题"));
        assert_eq!(
            d.published.unwrap().to_string(),
            "2015-12-03T15:01:00+08:00"
        );
        let texts: Vec<_> = d.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["第一段。", "小标题", "第二段。"]);
    }
}
