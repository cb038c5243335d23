//! Line-based formats: plain dated text, scraped portal pages, and text
//! without an article shape. Every non-empty line is a block.
//!
//! - *plain_dated*: a title line, then (within the next two non-empty lines)
//!   a line that is only a date.
//! - *portal*: every other page with a title and a body of prose. The title
//!   is the headline: on a page with a metadata line near the top
//!   ([`crate::metaline`]), the line just above it, the lines above that
//!   being page chrome (menus, the page's `<title>`); on a page without one,
//!   the first line that a later line repeats without its site suffix (a
//!   text rendering prints the `<title>` first and the headline again
//!   below), or else the first line that is not page chrome.
//! - *unknown*: text without an article shape: no title, or no prose in the
//!   body (a list of links, headlines or products).

use std::cell::OnceCell;

use crate::article::{Format, RemovedKind};
use crate::chrome;
use crate::classify::{self, Features};
use crate::date::{self, DateRules};
use crate::draft::{Draft, Field, RawBlock};
use crate::metaline::{self, MetaLine};
use crate::normalize::{is_title_like, normalize_whitespace};

/// Longest line taken as a title.
const MAX_TITLE_CHARS: usize = 100;

/// How many lines at the top may hold the page chrome, title and metadata.
const HEAD_LINES: usize = 12;

/// Longest word standing alone between the head and the body that is
/// taken for a button or a label rather than a heading.
const MAX_STRAY_CHARS: usize = 6;

/// How far above the body the page title may be repeated as the headline.
const TITLE_SEARCH_LINES: usize = 25;

/// Shortest line taken as the headline far down a page, among menus.
const MIN_HEADLINE_CHARS: usize = 6;

/// Longest line of page chrome above a title.
const MAX_HEADER_CHARS: usize = 60;

/// A body is prose when its prose lines hold this many characters at
/// least, and its longest stretch of prose this share (in percent) of the
/// body.
const MIN_PROSE_CHARS: usize = 20;
const MIN_RUN_PERCENT: usize = 20;
/// A stretch of prose this long makes an article however much chrome
/// surrounds it; so does one of this length three times as long as any
/// other.
const MIN_RUN_CHARS: usize = 200;
const MIN_DOMINANT_CHARS: usize = 80;

/// Most lines between a headline and the first line of prose under it
/// (metadata lines, a share bar, a page word).
const HEADLINE_BODY_GAP: usize = 6;

/// Lines up to this long may stand between paragraphs of one stretch of
/// prose (subheadings).
const MAX_SUBHEADING_CHARS: usize = 20;

/// The non-empty lines of a text, whitespace-normalized, with their 1-based
/// numbers; with each line's features, and its reading as a metadata line,
/// made once, when first asked for (boxed: most lines are never asked).
struct Lines {
    items: Vec<(usize, String)>,
    features: Vec<Features>,
    meta: Vec<OnceCell<Option<Box<MetaLine>>>>,
    rules: DateRules,
}

impl Lines {
    fn new(text: &str, rules: DateRules) -> Lines {
        // Split at line feeds by memchr's vectorized search. A `\r` before
        // one, which `str::lines` would drop, is a space that the
        // normalization drops at the end of a line; the empty piece after a
        // final line feed is dropped with the other empty lines.
        let mut start = 0;
        let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
        let items: Vec<(usize, String)> = ends
            .map(|end| {
                let line = &text[start..end];
                start = end + 1;
                line
            })
            .enumerate()
            .map(|(i, l)| (i + 1, normalize_whitespace(l)))
            .filter(|(_, l)| !l.is_empty())
            .collect();
        let features = items.iter().map(|(_, l)| Features::of(l, 0)).collect();
        let meta = items.iter().map(|_| OnceCell::new()).collect();
        Lines {
            items,
            features,
            meta,
            rules,
        }
    }

    /// Line `i` as a block, with the shape read of it. The line's text moves
    /// into the block: each line becomes at most one block, after every
    /// other reading of it.
    fn take_block(&mut self, i: usize) -> RawBlock {
        let text = std::mem::take(&mut self.items[i].1);
        debug_assert!(!text.is_empty(), "line {i} taken twice");
        let mut block = RawBlock::line(text);
        block.features = Some(self.features[i]);
        block
    }

    /// Line `i` read as a metadata line.
    fn meta(&self, i: usize) -> Option<&MetaLine> {
        self.meta[i]
            .get_or_init(|| metaline::read(&self.items[i].1, &[], self.rules).map(Box::new))
            .as_deref()
    }

    /// A metadata line that can anchor a title: a date, a source or a
    /// credit, not a share bar.
    fn anchors(&self, i: usize) -> bool {
        self.meta(i)
            .is_some_and(|m| m.removed_kind() != RemovedKind::Share)
    }

    /// A page word between a headline and its metadata line: a button
    /// (`打印`), a breadcrumb's last step (`正文`).
    fn is_page_word(&self, i: usize) -> bool {
        let line = &self.items[i].1;
        self.meta(i)
            .is_some_and(|m| m.removed_kind() == RemovedKind::Share)
            || (line.ends_with("正文") && line.chars().count() <= MAX_HEADER_CHARS)
    }
}

impl std::ops::Deref for Lines {
    type Target = [(usize, String)];

    fn deref(&self) -> &Self::Target {
        &self.items
    }
}

/// Is line `i` of `lines` followed by a blank line, or the last one?
fn set_apart(lines: &Lines, i: usize) -> bool {
    match (lines.get(i), lines.get(i + 1)) {
        (Some((no, _)), Some((next, _))) => *next > no + 1,
        _ => true,
    }
}

/// Has the text the shape of an Article rendered as plain text: a first line,
/// a blank line, then the body with no blank line?
fn is_rendered_article(lines: &Lines) -> bool {
    lines.len() >= 2
        && lines[0].0 == 1
        && lines[1].0 == 3
        && lines.windows(2).skip(1).all(|w| w[1].0 == w[0].0 + 1)
}

/// Could the line be a headline: short, with a word, not a sentence of the
/// body, not page chrome?
fn title_ok(line: &str, rules: DateRules) -> bool {
    line.chars().count() <= MAX_TITLE_CHARS
        && is_title_like(line)
        && Features::of(line, 0).has_word
        && !line.ends_with(['。', '：', ':', '；', '，', ','])
        && date::parse_line(line, rules).is_none()
        && !chrome::is_header_chrome(line)
        && !classify::is_nav_list(line)
}

/// The first lines of a plain dated text: a title, perhaps one short line,
/// and a line holding only a date. Returns the index of the date line.
fn plain_dated_head(lines: &Lines, rules: DateRules) -> Option<usize> {
    let (_, title) = lines.first()?;
    let title_ok = title.chars().count() <= MAX_TITLE_CHARS
        && is_title_like(title)
        && date::parse_line(title, rules).is_none();
    if !title_ok {
        return None;
    }
    for (i, (_, line)) in lines.iter().enumerate().skip(1).take(2) {
        if date::parse_line(line, rules).is_some() {
            return Some(i);
        }
        if !metaline::is_short_aside(line) {
            break;
        }
    }
    None
}

/// Where the head of a page ends and what it holds.
struct Head {
    title: Option<usize>,
    /// The line before the title that holds its first half.
    split_title: Option<usize>,
    /// Lines of page chrome above the title, removed as navigation.
    chrome: Vec<usize>,
    /// Metadata lines of the head, read.
    meta: Vec<usize>,
    /// Lines of the head left to the body (and the chrome stage).
    kept: Vec<usize>,
    /// The first line of the body proper.
    body_start: usize,
    /// The title is the page's first line, not repeated below: a `<title>`
    /// perhaps, with the site's name.
    from_page_title: bool,
    reason: String,
}

impl Head {
    /// The lines of `range`, above the title: metadata lines are read, the
    /// others are page chrome.
    fn sort_above(&mut self, lines: &Lines, range: std::ops::Range<usize>) {
        for i in range {
            if lines.meta(i).is_some() {
                self.meta.push(i);
            } else {
                self.chrome.push(i);
            }
        }
    }
}

/// What a line the head took is.
#[derive(Clone, Copy)]
enum Taken {
    Chrome,
    Meta,
    Title,
    SplitTitle,
}

/// Does `line` hold the title again, or the title with a site suffix?
fn repeats(page_title: &str, line: &str) -> bool {
    line.chars().count() >= 4
        && (page_title == line || page_title.starts_with(line) || page_title.ends_with(line))
}

/// How much a line adds to the body: its length if it is prose (or a
/// sentence, a numbered point), a little less than nothing if it is short
/// (a subheading), and a cost for headlines, teasers and link rows.
fn body_score(f: &Features) -> i64 {
    let chars = f.chars as i64;
    // A line ending with a colon introduces what follows it.
    let introduces = f.han >= 4 && f.ends_colon;
    if f.prose() || (f.han >= 4 && f.ends_full_stop && !f.truncated) || introduces {
        chars
    } else if f.numbered && !f.truncated {
        0
    } else if f.chars <= MAX_SUBHEADING_CHARS {
        -3
    } else {
        -chars / 2
    }
}

/// The body of a page: the stretch of lines whose [`body_score`]s add up
/// to the most (a maximum-sum segment). `None` when no line scores.
fn locate_body(lines: &Lines) -> Option<(usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let (mut sum, mut start) = (0i64, 0usize);
    for i in 0..lines.len() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += body_score(&lines.features[i]);
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i + 1));
        }
    }
    best.map(|(_, start, end)| (start, end))
}

/// The headline and the body of a short article on a page of chrome: a
/// line repeating the page's `<title>` (line 0), a metadata line under it
/// (perhaps after one page word), and prose starting within a few lines
/// below. The body is the best-scoring stretch from there.
fn headline_body(lines: &Lines, rules: DateRules) -> Option<(usize, (usize, usize))> {
    let page_title = lines.first()?.1.as_str();
    let headline = (1..lines.len().saturating_sub(1)).find(|&j| {
        let line = &lines[j].1;
        line.chars().count() >= MIN_HEADLINE_CHARS
            && repeats(page_title, line)
            && title_ok(line, rules)
            && (lines.anchors(j + 1)
                || (j + 2 < lines.len() && lines.is_page_word(j + 1) && lines.anchors(j + 2)))
    })?;
    let from = headline + 1;
    let window =
        (from..lines.len().min(from + HEADLINE_BODY_GAP)).find(|&i| lines.features[i].prose())?;
    let (mut sum, mut best) = (0i64, None);
    for i in window..lines.len() {
        sum += body_score(&lines.features[i]);
        if sum <= 0 {
            break;
        }
        if best.is_none_or(|(b, _)| sum > b) {
            best = Some((sum, i + 1));
        }
    }
    let (score, end) = best?;
    (score >= MIN_DOMINANT_CHARS as i64).then_some((headline, (window, end)))
}

/// The title from a page's `<title>` line: the part before a site suffix
/// (`标题_网易财经`, `标题--人民网`, `标题|关键词|关键词`, `标题-搜狐汽车`).
fn without_site_suffix(title: &str) -> &str {
    let cut = ["_", "|", "｜", " - ", "--"]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .or_else(|| {
            // A bare hyphen only before a short name at the end.
            let i = title.rfind('-')?;
            let suffix = &title[i + 1..];
            (suffix.chars().count() <= 8 && !suffix.chars().any(|c| c.is_ascii_digit()))
                .then_some(i)
        });
    match cut {
        Some(i) if title[..i].trim().chars().count() >= 4 => title[..i].trim(),
        _ => title,
    }
}

/// Read the head: the title and the metadata lines around it, in the
/// lines above the body (`body_start`). Lines far above it are page chrome.
fn read_head(lines: &Lines, body_start: usize, rules: DateRules) -> Head {
    let from = body_start.saturating_sub(HEAD_LINES);
    let to = body_start.max(lines.len().min(HEAD_LINES).min(body_start + 1));
    let is_meta = |i: usize| lines.meta(i).is_some();
    let anchors = |i: usize| lines.anchors(i);
    let mut head = Head {
        title: None,
        split_title: None,
        chrome: (0..from).collect(),
        meta: Vec::new(),
        kept: Vec::new(),
        body_start: from,
        from_page_title: false,
        reason: String::new(),
    };
    // zhclean's own plain-text rendering (title, blank line, one block a
    // line) keeps its title whatever it looks like, so that cleaning the
    // output again changes nothing.
    if is_rendered_article(lines) && is_title_like(&lines[0].1) {
        head.title = Some(0);
        head.body_start = 1;
        head.reason = format!("title on line {}, set apart above the body", lines[0].0);
        return head;
    }
    // A metadata line with a headline just above it (or above one page
    // word), and only short page chrome above that.
    let anchored = (from + 1..to).find_map(|m| {
        if !anchors(m) {
            return None;
        }
        let title = if !lines.is_page_word(m - 1) {
            m - 1
        } else if m >= from + 2 {
            m - 2
        } else {
            return None;
        };
        if !title_ok(&lines[title].1, rules) {
            return None;
        }
        lines[from..title]
            .iter()
            .all(|(_, l)| l.chars().count() <= MAX_HEADER_CHARS || classify::is_nav_list(l))
            .then_some((title, m))
    });
    let page_title = lines.first().map_or("", |(_, l)| l.as_str());
    if let Some((title, m)) = anchored {
        head.title = Some(title);
        head.sort_above(lines, from..title);
        head.meta.extend(title + 1..m);
        head.body_start = m;
        head.reason = format!(
            "title on line {}, a metadata line under it on line {}: `{}`",
            lines[title].0, lines[m].0, lines[m].1
        );
    } else if let Some((j, split)) = {
        // The page's `<title>` repeated as the headline (the repetition
        // nearest the body: menus may repeat it too), perhaps broken over
        // two lines.
        let wide = body_start.saturating_sub(TITLE_SEARCH_LINES).max(1);
        (wide..to).rev().find_map(|j| {
            let line = &lines[j].1;
            if title_ok(line, rules) && repeats(page_title, line) {
                let joined = j.checked_sub(1).filter(|&i| {
                    i >= wide && page_title.starts_with(&format!("{}{line}", lines[i].1))
                });
                Some((j, joined))
            } else {
                None
            }
        })
    } {
        let first = split.unwrap_or(j);
        head.title = Some(j);
        head.split_title = split;
        head.chrome.retain(|&i| i < first);
        head.chrome.extend(from.min(first)..first);
        head.body_start = j + 1;
        head.reason = format!(
            "title on line {}, repeating the page title on line {}",
            lines[j].0, lines[0].0
        );
    } else if from > 0 {
        // Far below the top, after page chrome: the headline is the line
        // nearest above the body that can be one.
        let headline = |i: usize| {
            title_ok(&lines[i].1, rules)
                && lines[i].1.chars().count() >= MIN_HEADLINE_CHARS
                && !is_meta(i)
        };
        if let Some(t) = (from..body_start).rev().find(|&i| headline(i)) {
            head.title = Some(t);
            head.sort_above(lines, from..t);
            head.body_start = t + 1;
            head.reason = format!("title on line {}, the headline above the body", lines[t].0);
        } else if title_ok(without_site_suffix(page_title), rules) {
            // No headline near the body: the page's `<title>`, without the
            // site's name.
            head.title = Some(0);
            head.from_page_title = true;
            head.chrome.retain(|&i| i != 0);
            head.chrome.extend(from..body_start);
            head.body_start = body_start;
            head.reason = format!("title from the page title on line {}", lines[0].0);
        }
    } else {
        let mut i = from;
        while i < to && head.title.is_none() {
            let line = &lines[i].1;
            if is_meta(i) {
                head.meta.push(i);
            } else if title_ok(line, rules) {
                head.title = Some(i);
                head.from_page_title = i == 0;
                head.reason = format!(
                    "title on line {}, the first that is not page chrome",
                    lines[i].0
                );
            } else if !set_apart(lines, i)
                && (line.chars().count() > MAX_TITLE_CHARS
                    || line.ends_with(['。', '：', ':', '；', '，', ',']))
            {
                // Body text already: this page shows no title. (A line set
                // apart by a blank line is a title whatever its shape, as in
                // zhclean's own plain-text rendering.)
                break;
            } else if set_apart(lines, i) && is_title_like(line) && !chrome::is_header_chrome(line)
            {
                head.title = Some(i);
                head.reason = format!("title on line {}, set apart by a blank line", lines[i].0);
            } else {
                head.kept.push(i);
            }
            i += 1;
        }
        head.body_start = i;
    }
    // Metadata lines right under the title; one may repeat the title
    // (`2016年1月4日20:38:09重磅！P2P网站应用安全报告已关闭评论 861 浏览`).
    if let Some(t) = head.title {
        let title = lines[t].1.as_str();
        while let Some((_, line)) = lines.get(head.body_start) {
            let without_title = line.replacen(title, " ", 1);
            if metaline::read(&without_title, &[], rules).is_none() {
                break;
            }
            head.meta.push(head.body_start);
            head.body_start += 1;
        }
    }
    head
}

/// Is the body prose, not a list? A list page (of headlines, teasers,
/// products) has no long stretch of running text, or is mostly teasers cut
/// short. Returns the verdict and a reason.
fn prose_body<'a>(lines: impl Iterator<Item = &'a Features>) -> (bool, String) {
    let mut total = 0;
    let mut prose = 0;
    let mut prose_lines = 0;
    let mut teasers = 0;
    // The longest stretch of prose, short lines (subheadings) between
    // paragraphs allowed.
    let mut runs: Vec<usize> = vec![0];
    for f in lines {
        total += f.chars;
        teasers += usize::from(f.truncated && f.han >= 10);
        if f.prose() {
            prose += f.chars;
            prose_lines += 1;
            *runs.last_mut().expect("a run") += f.chars;
        } else if (f.chars > MAX_SUBHEADING_CHARS || f.truncated) && runs.last() != Some(&0) {
            runs.push(0);
        }
    }
    runs.sort_unstable_by(|a, b| b.cmp(a));
    let longest_run = runs[0];
    let second_run = runs.get(1).copied().unwrap_or(0);
    // One stretch of prose standing far above the others: a short article
    // on a page of chrome.
    let dominant = longest_run >= MIN_DOMINANT_CHARS && longest_run >= 3 * second_run;
    let is_prose = prose >= MIN_PROSE_CHARS
        && (longest_run >= MIN_RUN_CHARS
            || dominant
            || (longest_run * 100 >= total * MIN_RUN_PERCENT
                && !(teasers >= 3 && teasers * 2 >= prose_lines)));
    (
        is_prose,
        format!(
            "{prose_lines} lines of prose, {prose} of {total} characters, the longest stretch {longest_run}, {teasers} teasers cut short"
        ),
    )
}

/// Decode a line-based document, deciding between plain_dated, portal and
/// unknown unless the caller forces one.
pub(crate) fn read(
    text: &str,
    forced: Option<Format>,
    rules: DateRules,
) -> (Format, String, Draft) {
    let mut draft = Draft::default();
    let mut lines = Lines::new(text, rules);
    let dated = match forced {
        None | Some(Format::PlainDated) => plain_dated_head(&lines, rules),
        Some(_) => None,
    };
    if let Some(date_line) = dated {
        let (no, title) = &lines[0];
        draft.set(Field::Title, title, format!("line {no}"));
        draft.remove(RemovedKind::Metadata, title.clone());
        let (no, date_no) = (*no, lines[date_line].0);
        let meta = lines
            .meta(date_line)
            .cloned()
            .expect("a date line is a metadata line");
        // Read as metadata already, the date line is no block: its text moves
        // into the record.
        let date = std::mem::take(&mut lines.items[date_line].1);
        let reason =
            format!("title on line {no}, a line holding only a date on line {date_no}: `{date}`");
        metaline::record(&mut draft, meta, date, &format!("line {date_no}"));
        // A short line between the title and the date line is body text.
        draft
            .blocks
            .extend((1..date_line).map(|i| lines.take_block(i)));
        draft
            .blocks
            .extend((date_line + 1..lines.len()).map(|i| lines.take_block(i)));
        return (Format::PlainDated, reason, draft);
    }

    // The body: zhclean's own rendering has no chrome around it; a list page
    // has none to find, and its head is at the top.
    let (mut is_prose, mut prose_reason) = prose_body(lines.features.iter());
    let body = if is_rendered_article(&lines) {
        Some((1, lines.len()))
    } else if is_prose {
        locate_body(&lines)
    } else if let Some((headline, body)) = headline_body(&lines, rules) {
        // A short article on a page of chrome: too little prose for the
        // page as a whole, but the page's own headline stands above it.
        is_prose = true;
        prose_reason = format!(
            "{prose_reason}; but the page title is repeated as a headline on line {} with a metadata line under it, and prose follows",
            lines[headline].0
        );
        Some(body)
    } else {
        None
    };
    let window_end = body.map_or(lines.len().min(HEAD_LINES), |(start, _)| start);
    let head = read_head(&lines, window_end, rules);
    // Lines after the end of the body are handed on marked as such.
    let body_end = body
        .map_or(lines.len(), |(_, end)| end)
        .max(head.body_start);
    // Recorded in document order.
    let mut taken: Vec<(usize, Taken)> = head
        .chrome
        .iter()
        .map(|&i| (i, Taken::Chrome))
        .chain(head.meta.iter().map(|&i| (i, Taken::Meta)))
        .chain(head.title.map(|i| (i, Taken::Title)))
        .chain(head.split_title.map(|i| (i, Taken::SplitTitle)))
        .collect();
    taken.sort_unstable_by_key(|&(i, _)| i);
    for (i, role) in taken {
        let (no, line) = &lines[i];
        match role {
            Taken::SplitTitle => draft.remove(RemovedKind::Metadata, line.clone()),
            Taken::Title => {
                let title = match head.split_title {
                    Some(first) => format!("{} {line}", lines[first].1),
                    None if i == 0 && head.from_page_title => without_site_suffix(line).to_string(),
                    None => line.clone(),
                };
                draft.set(Field::Title, &title, format!("line {no}"));
                draft.remove(RemovedKind::Metadata, line.clone());
            }
            Taken::Chrome => draft.remove(RemovedKind::Nav, line.clone()),
            Taken::Meta => {
                let title = head.title.map_or("", |t| lines[t].1.as_str());
                let read = lines
                    .meta(i)
                    .cloned()
                    .or_else(|| metaline::read(&line.replacen(title, " ", 1), &[], rules));
                match read {
                    Some(meta) => {
                        metaline::record(&mut draft, meta, line.clone(), &format!("line {no}"));
                    }
                    // A page word between the title and its metadata line.
                    None => draft.remove(RemovedKind::Nav, line.clone()),
                }
            }
        }
    }
    // The title alone is no article: some prose must follow it.
    let is_prose = is_prose
        && (head.body_start..lines.len())
            .chain(head.kept.iter().copied())
            .any(|i| lines.features[i].prose());
    // The kept lines of the head stand above its end, the body below.
    draft
        .blocks
        .extend(head.kept.iter().map(|&i| lines.take_block(i)));
    // Between the head and the first line of the body, a word alone of a
    // text rendering is a button or an image's label (`关注`, `海报`).
    let prose_start = body.map_or(0, |(start, _)| start);
    for i in head.body_start..body_end.min(lines.len()) {
        let stray = i < prose_start && {
            let f = &lines.features[i];
            f.chars <= MAX_STRAY_CHARS && !f.ends_sentence && !f.numbered
        };
        let block = lines.take_block(i);
        if stray {
            draft.remove(RemovedKind::Boilerplate, block.text);
        } else {
            draft.blocks.push(block);
        }
    }
    draft.blocks.extend((body_end..lines.len()).map(|i| {
        let mut block = lines.take_block(i);
        block.after_body = true;
        block
    }));

    let format = match forced {
        Some(format) => format,
        None if head.title.is_some() && is_prose => Format::Portal,
        None => Format::Unknown,
    };
    let reason = match (forced, head.title.is_some(), is_prose) {
        (Some(_), _, _) => "format set by the caller".to_string(),
        (None, true, true) => format!("{}; the body has {prose_reason}", head.reason),
        (None, true, false) => format!(
            "{}, but the body is not prose ({prose_reason}): a list page",
            head.reason
        ),
        (None, false, _) => format!("no title at the top; the body has {prose_reason}"),
    };
    if format == Format::Unknown {
        draft
            .warnings
            .push("no article shape: cleaned as plain text, best effort".into());
    }
    if head.title.is_none() {
        draft.warnings.push("no title found".into());
    }
    (format, reason, draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    const RULES: DateRules = crate::date::TEST_RULES;

    const PROSE: &str = "会议指出，要把各项工作做实做细，切实提高服务水平和办事效率，让群众满意，这一段是正文，足够长。";

    fn texts(d: &Draft) -> Vec<&str> {
        d.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn plain_dated_portal_and_unknown() {
        let (f, _, d) = read(
            "标题\n\n03.12.2015  15:01\n\n  第一段。\n\n  小标题\n\n  第二段。",
            None,
            RULES,
        );
        assert_eq!(f, Format::PlainDated);
        assert_eq!(d.title.as_deref(), Some("标题"));
        assert_eq!(
            d.published.unwrap().to_string(),
            "2015-12-03T15:01:00+08:00"
        );
        assert_eq!(texts(&d), vec!["第一段。", "小标题", "第二段。"]);

        let doc = format!("标题\n\n中国劳动保障新闻网 · 2014-09-17 13:31 留言\n\n{PROSE}");
        let (f, _, d) = read(&doc, None, RULES);
        assert_eq!(f, Format::Portal);
        assert_eq!(d.source.as_deref(), Some("中国劳动保障新闻网"));

        // A title and prose, without any metadata line, is a portal page too.
        let (f, _, _) = read(&format!("标题\n{PROSE}\n{PROSE}"), None, RULES);
        assert_eq!(f, Format::Portal);

        // A list of links is not an article; nor is a single paragraph.
        let (f, _, _) = read(
            "首页\n第一条新闻\n第二条新闻\n第三条新闻\n第四条新闻",
            None,
            RULES,
        );
        assert_eq!(f, Format::Unknown);
        let (f, _, _) = read(PROSE, None, RULES);
        assert_eq!(f, Format::Unknown);
    }

    #[test]
    fn the_title_is_the_line_above_the_metadata_line() {
        let doc = format!(
            "某某网-首页\n首页 新闻 体育 财经\n国内新闻\n某市召开安全生产会议\n来源：新华网 作者：张三 2021-03-05 10:20\n{PROSE}"
        );
        let (f, _, d) = read(&doc, None, RULES);
        assert_eq!(f, Format::Portal);
        assert_eq!(d.title.as_deref(), Some("某市召开安全生产会议"));
        assert_eq!(d.source.as_deref(), Some("新华网"));
        assert_eq!(texts(&d), vec![PROSE]);
        let nav: Vec<_> = d
            .removed
            .iter()
            .filter(|r| r.kind == RemovedKind::Nav)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(nav, vec!["某某网-首页", "首页 新闻 体育 财经", "国内新闻"]);
    }

    #[test]
    fn a_repeated_page_title_gives_the_headline() {
        let doc = format!("如何保持冰箱清洁_某某维修网\n首页\n生活常识\n如何保持冰箱清洁\n{PROSE}");
        let (_, _, d) = read(&doc, None, RULES);
        assert_eq!(d.title.as_deref(), Some("如何保持冰箱清洁"));
        assert_eq!(texts(&d), vec![PROSE]);
    }

    #[test]
    fn a_page_word_may_stand_between_the_title_and_its_metadata_line() {
        let doc = format!(
            "某市召开安全生产会议_某某网\n首页\n某市召开安全生产会议\n正文\n来源：新华网 2021-03-05 10:20\n{PROSE}"
        );
        let (_, _, d) = read(&doc, None, RULES);
        assert_eq!(d.title.as_deref(), Some("某市召开安全生产会议"));
        assert_eq!(d.source.as_deref(), Some("新华网"));
        assert!(d.removed.iter().any(|r| r.text == "正文"));
        assert_eq!(texts(&d), vec![PROSE]);
    }

    #[test]
    fn a_short_article_under_the_repeated_page_title_is_no_list_page() {
        let teasers: String = (1..=12)
            .map(|i| {
                format!(
                    "第{i}条别的新闻的标题在这里\n这是一条别的新闻的摘要，只写了开头就被截断了...\n"
                )
            })
            .collect();
        let article = "5月20日，中国人民银行授权全国银行间同业拆借中心公布，本月贷款市场报价利率均与上月持平。一年期和五年期以上两个品种的报价利率均已连续三个月维持不变，市场普遍预计下月仍将保持稳定。";
        let page = |headline: &str| {
            format!("五月报价利率按兵不动_某某网\n首页\n宏观\n{headline}\n本文来源于北京商报 2024-05-20 09:47:48\n{article}\n相关阅读\n{teasers}网友评论：这个政策很好，希望继续保持下去，我们这些买房的人都很支持，点赞。\n")
        };
        let (f, reason, d) = read(&page("五月报价利率按兵不动"), None, RULES);
        assert_eq!(f, Format::Portal, "{reason}");
        assert_eq!(d.title.as_deref(), Some("五月报价利率按兵不动"));
        assert_eq!(d.blocks[0].text, article);
        // Without the repeated headline, the page is a list of teasers.
        let (f, reason, _) = read(&page("今日要闻"), None, RULES);
        assert_eq!(f, Format::Unknown, "{reason}");
    }

    #[test]
    fn metadata_above_the_title_is_read() {
        let doc = format!("0 发布时间：2021.04.17\n如何保持冰箱清洁\n{PROSE}");
        let (_, _, d) = read(&doc, None, RULES);
        assert_eq!(d.title.as_deref(), Some("如何保持冰箱清洁"));
        assert_eq!(d.published.unwrap().to_string(), "2021-04-17");
    }

    #[test]
    fn a_line_between_title_and_date_line_is_kept() {
        let (_, _, d) = read(
            &format!("标题\n导语一句\n2021-03-05 10:20\n{PROSE}"),
            None,
            RULES,
        );
        assert_eq!(texts(&d), vec!["导语一句", PROSE]);
    }
}
