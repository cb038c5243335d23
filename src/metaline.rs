//! The grammar of metadata lines: one module reads every line that may be
//! metadata, wherever it stands (under the title, at the top or the end of a
//! body, in the header block of a Markdown post, in the dateline area of an
//! HTML page).
//!
//! A metadata line is a sequence of *fields* in any number and order,
//! separated by spaces, `|`, `｜`, `丨`, `/` or `·`, and possibly wrapped in
//! `【】`, `（）` or `[]`:
//!
//! - a **label** and its value: `来源：新华网`, `作者：张三`, `责任编辑：李四`,
//!   `原文来自「某某日报」`, `记者 张三 通讯员 李四`, `文/王五`; people's
//!   labels may follow an organisation (`新华社记者 张三`);
//! - a **date**: complete (`2019-06-15 08:18`, `2019年06月15日08:18`), or cut
//!   short by a scraper (`19 09:03:11`, `06-15 08:18`, `08:18`), which marks
//!   the line as metadata but is never taken as the publication date;
//! - a **counter** or **page word**: `浏览：123`, `阅读 1万`, `评论(0)`,
//!   `字号：大 中 小`, `打印`, `分享`;
//! - a **link** to the original: a link of the block, a Markdown link
//!   `[标题](https://…)` (also struck through, `~~…~~`) or a bare URL.
//!
//! The verdict: a line is metadata when its fields cover it up to a small
//! remainder ([`MAX_REMAINDER_CHARS`]) — one short unlabelled name next to a
//! date is the source (`中国劳动保障新闻网 · 2014-09-17 13:31 留言`). A line
//! in which a label is glued to the words before it (`该消息来源：…`) or which
//! holds more than a few words besides its fields is body text. A line of
//! names alone in brackets (`（张三 李四）`) is a byline.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

use crate::article::RemovedKind;
use crate::byline;
use crate::date::{self, DateRules, Published};
use crate::draft::{Draft, Field, Link};
use crate::normalize::is_han;

/// Longest line read as metadata (a Markdown link to the original included).
const MAX_LINE_CHARS: usize = 300;

/// Most characters of a line that no field covers.
pub(crate) const MAX_REMAINDER_CHARS: usize = 4;

/// Longest source name.
const MAX_SOURCE_CHARS: usize = 30;

/// A metadata line, read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct MetaLine {
    /// How the line is recorded when removed.
    pub kind: Option<RemovedKind>,
    /// The complete date of the line (a cut-short one is never used).
    pub published: Option<Published>,
    /// The line holds a date cut short, or a bare time.
    pub fragment: bool,
    /// The originating publication.
    pub source: Option<String>,
    /// The address of the original.
    pub url: Option<String>,
    /// People credited: (name, role).
    pub people: Vec<(String, String)>,
    /// Labelled credits whose names could not be read.
    pub unread_credits: Vec<String>,
    /// The source is a name without a label, next to the date
    /// (`中国劳动保障新闻网 · 2014-09-17 13:31`): the shape of a meta line
    /// under a title, and of a dated headline in a list as well.
    pub unlabelled_source: bool,
    /// The one person is a name without a label, next to the date
    /// (`24 07:46:04 郭施亮`).
    pub unlabelled_person: bool,
    /// The unlabelled source stands in book-title marks (`《人民日报》`).
    pub book_title: bool,
}

impl MetaLine {
    /// The kind under which the removed line is recorded.
    pub(crate) fn removed_kind(&self) -> RemovedKind {
        self.kind.unwrap_or(RemovedKind::Metadata)
    }

    /// The line is only a date (complete or cut short), without other fields.
    pub(crate) fn is_date_only(&self) -> bool {
        self.source.is_none() && self.url.is_none() && self.people.is_empty()
    }

    /// The line is a date and one unlabelled name: under a title a meta
    /// line, in a body an item of a list of headlines.
    pub(crate) fn is_dated_name(&self) -> bool {
        // `《光明日报》（2024年05月11日 09版）` is a print edition, not a headline.
        (self.unlabelled_source && !self.book_title || self.unlabelled_person)
            && self.kind == Some(RemovedKind::Metadata)
            && self.unread_credits.is_empty()
    }
}

/// What a label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    /// The source publication; a link right after the label is its name
    /// (`来源：<a>新华网</a>`).
    Source,
    /// The original article: perhaps the publication's name, then a link
    /// whose text is the original's title (`原文链接：财新网 [标题](…)`).
    Original,
    /// People, in the given role.
    People(&'static str),
    /// A date follows.
    Time,
    /// A number follows (`浏览：123`).
    Counter,
    /// A place follows (`IP属地：广东`).
    Location,
}

/// How a label word must be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follow {
    /// By a separator (`：`, `:`, `|`, `｜`, `丨`, `/`), spaces allowed around it.
    Separator,
    /// By a separator, spaces, or directly by the value.
    Anything,
}

/// Label words: the word, what it introduces, and how it must be followed.
const LABELS: &[(&str, Label, Follow)] = {
    use Follow::{Anything as A, Separator as S};
    use Label::*;
    &[
        ("来源", Source, S),
        ("来源于", Source, A),
        ("本文来源于", Source, A),
        ("文章来源于", Source, A),
        ("来源自", Source, A),
        ("文章来源", Source, S),
        ("新闻来源", Source, S),
        ("信息来源", Source, S),
        ("稿件来源", Source, S),
        ("内容来源", Source, S),
        ("本文来源", Source, S),
        ("消息来源", Source, S),
        ("出处", Source, S),
        ("稿源", Source, S),
        ("原文来自", Original, A),
        ("原文出自", Original, A),
        ("原文转自", Original, A),
        ("原文载于", Original, A),
        ("原文链接", Original, S),
        ("原文地址", Original, S),
        ("原文网址", Original, S),
        ("原载", Source, S),
        ("转载自", Source, A),
        ("转载于", Source, A),
        ("本文转自", Source, A),
        ("转自", Source, S),
        ("摘自", Source, A),
        ("出自", Original, A),
        ("文章来自", Original, A),
        ("信息源自", Original, A),
        ("原文", Original, S),
        ("备份", Original, S),
        ("来自", Source, S),
        ("作者", People("作者"), A),
        ("撰文", People("作者"), A),
        ("撰稿", People("作者"), A),
        ("采写", People("作者"), A),
        ("口述", People("口述"), S),
        ("整理", People("整理"), S),
        ("翻译", People("翻译"), S),
        ("译者", People("翻译"), S),
        ("文", People("作者"), S),
        ("文字", People("作者"), S),
        ("文、图", People("作者"), S),
        ("图、文", People("作者"), S),
        ("文/图", People("作者"), S),
        ("图/文", People("作者"), S),
        ("图文", People("作者"), S),
        ("记者", People("记者"), A),
        ("本报记者", People("记者"), A),
        ("本刊记者", People("记者"), A),
        ("本台记者", People("记者"), A),
        ("本网记者", People("记者"), A),
        ("特约记者", People("特约记者"), A),
        ("见习记者", People("见习记者"), A),
        ("实习记者", People("实习记者"), A),
        ("通讯员", People("通讯员"), A),
        ("本报通讯员", People("通讯员"), A),
        ("实习生", People("实习生"), A),
        ("摄影", People("摄影"), A),
        ("摄像", People("摄像"), A),
        ("图", People("摄影"), S),
        ("图片", People("摄影"), S),
        ("编辑", People("编辑"), A),
        ("责任编辑", People("责任编辑"), A),
        ("责编", People("责任编辑"), A),
        ("值班编辑", People("编辑"), A),
        ("网络编辑", People("编辑"), A),
        ("文字编辑", People("编辑"), A),
        ("主编", People("主编"), S),
        ("审核", People("审核"), S),
        ("审校", People("审校"), S),
        ("核查", People("核查"), S),
        ("校对", People("校对"), S),
        ("终审", People("终审"), S),
        ("初审", People("初审"), S),
        ("复审", People("复审"), S),
        ("编审", People("编审"), S),
        ("美编", People("美编"), S),
        ("监制", People("监制"), S),
        ("统筹", People("统筹"), S),
        ("排版", People("排版"), S),
        ("视觉", People("视觉"), S),
        ("设计", People("设计"), S),
        ("发布者", People("作者"), S),
        ("发布人", People("作者"), S),
        ("发布时间", Time, A),
        ("发布日期", Time, A),
        ("发表时间", Time, A),
        ("发表日期", Time, A),
        ("更新时间", Time, A),
        ("更新日期", Time, A),
        ("上传时间", Time, A),
        ("录入时间", Time, A),
        ("添加时间", Time, A),
        ("发布于", Time, A),
        ("发表于", Time, A),
        ("时间", Time, S),
        ("日期", Time, S),
        ("IP属地", Location, S),
        ("点击量", Counter, A),
        ("点击数", Counter, A),
        ("点击", Counter, A),
        ("浏览量", Counter, A),
        ("浏览次数", Counter, A),
        ("浏览", Counter, A),
        ("阅读量", Counter, A),
        ("阅读数", Counter, A),
        ("阅读", Counter, A),
        ("访问量", Counter, A),
        ("人气", Counter, A),
        ("评论", Counter, A),
        ("点赞", Counter, A),
    ]
};

/// Roles that edit rather than write: a line crediting only these is an
/// editor line.
fn is_editing_role(role: &str) -> bool {
    matches!(
        role,
        "编辑"
            | "责任编辑"
            | "主编"
            | "审核"
            | "审校"
            | "核查"
            | "校对"
            | "终审"
            | "初审"
            | "复审"
            | "编审"
            | "美编"
            | "监制"
            | "统筹"
            | "排版"
            | "视觉"
            | "设计"
    )
}

/// Field separators: they count as covered wherever they stand.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | '｜'
                | '丨'
                | '/'
                | '／'
                | '\\'
                | '·'
                | '•'
                | '・'
                | '-'
                | '—'
                | '–'
                | '_'
                | ','
                | '，'
                | '、'
                | ';'
                | '；'
                | ':'
                | '：'
                | '.'
                | '。'
                | '【'
                | '】'
                | '['
                | ']'
                | '（'
                | '）'
                | '('
                | ')'
                | '「'
                | '」'
                | '《'
                | '》'
                | '“'
                | '”'
                | '"'
                | '<'
                | '>'
                | '~'
                | '*'
        )
}

/// Characters that end a label's value.
fn ends_value(c: char) -> bool {
    matches!(
        c,
        '|' | '｜' | '丨' | '：' | ':' | '，' | ',' | '。' | ';' | '；' | '】' | ']' | '）' | ')'
    )
}

/// The search for [`LABELS`]' words, and for each of its patterns the
/// entry of `LABELS` it stands for.
struct LabelSearch {
    words: AhoCorasick,
    entries: Vec<usize>,
}

fn label_search() -> &'static LabelSearch {
    static SEARCH: OnceLock<LabelSearch> = OnceLock::new();
    SEARCH.get_or_init(|| {
        // Longest first: at a position, the first word that matches wins
        // (of equal words, the one listed first).
        let mut entries: Vec<usize> = (0..LABELS.len()).collect();
        entries.sort_by_key(|&i| std::cmp::Reverse(LABELS[i].0.chars().count()));
        let words = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .kind(Some(AhoCorasickKind::DFA))
            .build(entries.iter().map(|&i| LABELS[i].0))
            .expect("valid labels");
        LabelSearch { words, entries }
    })
}

/// Page words and counters that stand alone: `评论(3)`, `字号：大 中 小`,
/// `【打印】`, `1.2万次阅读`, weekdays.
fn page_word_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"[大小]?字号\s*[：:]?\s*(?:[大中小]\s*)*|(?:【\s*)?(?:大|中|小)(?:\s*】)?\s*(?:【\s*)?(?:大|中|小)(?:\s*】)?(?:\s*(?:【\s*)?(?:大|中|小)(?:\s*】)?)?",
            r"|T\s*[|｜]\s*T|A\s*[+＋]\s*A\s*[-－]",
            r"|[0-9.]+\s*万?\s*(?:次|人)?(?:阅读|浏览|点击|评论|围观|参与)",
            r"|(?:我要|发表|查看|网友)?(?:留言|评论)\s*(?:[(（]\s*[0-9]*\s*[)）])?",
            r"|打印(?:本页|此文)?|分享(?:到|至)?|收藏(?:本文)?|(?:已)?关闭评论|关闭(?:窗口|本页)?|纠错|举报|转发|手机(?:看|阅读|版)|扫一扫|二维码|复制链接|加入收藏|默认|大字|返回(?:列表|目录|首页)?",
            r"|[0-9]+\s*字|阅读[0-9]+分[0-9]+秒|[0-9]+\s*(?:人|次)?(?:浏览|阅读|点击)",
            r"|星期[一二三四五六日天]|周[一二三四五六日]|第?[0-9]+\s*版|(?:报道|消息)$",
        ))
        .expect("valid page word regex")
    })
}

/// The buttons of a share bar, which a text rendering prints one a line.
const SHARE_WORDS: &[&str] = &[
    "微博",
    "腾讯微博",
    "腾讯QQ",
    "新浪微博",
    "微信",
    "微信好友",
    "朋友圈",
    "QQ空间",
    "QQ好友",
    "QQ",
    "空间",
    "人人",
    "人人网",
    "豆瓣",
    "链接已复制",
    "链接复制成功",
    "复制链接",
    "朗读",
    "字大",
    "字小",
    "放大",
    "缩小",
    "默认",
    "关注",
    "收藏",
    "分享",
    "打印",
    "评论",
    "扫码",
    "二维码",
    "用微信扫码二维码",
];

/// Is the line a share bar: share buttons and page words alone?
fn is_share_bar(line: &str) -> bool {
    // Most lines fail at their first word: its first character starts no
    // share word (cheaper to see than where the word ends).
    static STARTS: OnceLock<Vec<char>> = OnceLock::new();
    let starts = STARTS.get_or_init(|| {
        let mut starts: Vec<char> = SHARE_WORDS
            .iter()
            .filter_map(|w| w.chars().next())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts
    });
    let first = line.trim_start_matches(is_separator).chars().next();
    if first.is_none_or(|c| starts.binary_search(&c).is_err()) {
        return false;
    }
    let mut words = line
        .split(|c: char| is_separator(c))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| SHARE_WORDS.contains(&w))
}

/// A date cut short at the start of a line: a day and a time, a month-day
/// and a time, or a time alone.
fn fragment_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:(?:[0-9]{1,2}[-/.月][0-9]{1,2}日?|[0-9]{1,2}日?)\s*)?[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?")
            .expect("valid fragment regex")
    })
}

/// A month and a day, `10月14日`, not glued to a year.
fn month_day_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9年])((?:1[0-2]|0?[1-9])月(?:3[01]|[12][0-9]|0?[1-9])日)")
            .expect("valid regex")
    })
}

/// Markdown links (possibly struck through) and bare URLs.
fn link_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:~~)?!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[^)]*)?\)(?:~~)?|<?(?:https?://|www\.)[\x21-\x7E]+>?|(?i-u:\b(?:[a-z0-9-]+\.)+(?:com|cn|net|org|gov|edu)(?:\.cn)?\b)")
            .expect("valid link regex")
    })
}

/// What covers a range of the line.
#[derive(Debug, Clone)]
enum Piece {
    /// A label; `glued` when its value follows with no separator at all.
    Label {
        label: Label,
        glued: bool,
    },
    Date(Option<Published>),
    PageWord,
    Link(Option<String>),
}

#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    piece: Piece,
}

fn overlaps(spans: &[Span], start: usize, end: usize) -> bool {
    spans.iter().any(|s| s.start < end && start < s.end)
}

/// Does an organisation end just before `at` (`新华社`, `人民日报`), so that a
/// people's label there may follow it? Returns where the organisation starts.
fn organisation_before(line: &str, at: usize) -> Option<usize> {
    let before = &line[..at];
    let last = before.chars().next_back()?;
    if !matches!(
        last,
        '社' | '报' | '台' | '网' | '刊' | '站' | '部' | '心' | '视' | '端'
    ) {
        return None;
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !is_separator(c))
        .last()
        .map(|(i, _)| i)?;
    (before[start..].chars().count() <= 10).then_some(start)
}

/// Take what a metadata line says into the draft (the first finding of each
/// field wins) and record the line as removed. Returns the kind recorded.
pub(crate) fn record(draft: &mut Draft, meta: MetaLine, line: String, place: &str) -> RemovedKind {
    let origin = format!("metadata line `{line}` ({place})");
    if let Some(date) = meta.published {
        draft.set_published(date, origin.clone());
    }
    if let Some(source) = &meta.source {
        draft.set(Field::Source, source, origin.clone());
    }
    if let Some(url) = &meta.url {
        draft.set(Field::Url, url, origin.clone());
    }
    for (name, role) in &meta.people {
        draft.add_author(name, role, &origin);
    }
    for credit in &meta.unread_credits {
        draft.warnings.push(format!(
            "credit `{credit}` in line `{line}` removed, but its names could not be read"
        ));
    }
    let kind = meta.removed_kind();
    draft.remove(kind, line);
    kind
}

/// Longest line that may stand between a title and its date or meta line, or
/// open a body before one.
const MAX_ASIDE_CHARS: usize = 30;

/// Between a title and its date or meta line there may be one short line (a
/// subtitle, a tag line), not a paragraph: a date line under a paragraph is
/// not the article's.
pub(crate) fn is_short_aside(line: &str) -> bool {
    crate::normalize::normalize_whitespace(line).chars().count() <= MAX_ASIDE_CHARS
}

/// Does `line` hold `needle`? A vectorized search for its first byte, for
/// the short lines this module reads (a substring search sets itself up
/// first, which costs more than the search).
fn holds(line: &str, needle: &[u8]) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(needle[0], bytes).any(|i| bytes[i..].starts_with(needle))
}

/// Could the line be metadata at all? One literal search and a digit scan
/// spare body paragraphs the full reading.
fn may_be_metadata(line: &str) -> bool {
    // Sentences of a paragraph: commas and full stops inside. One pass over
    // the bytes counts them and sees the separators and digits.
    let (mut clauses, mut separator, mut digit) = (0usize, false, false);
    let bytes = line.as_bytes();
    let mut i = 0;
    // Three clauses rule the line out, whatever else it holds.
    while i < bytes.len() && clauses < 3 {
        match bytes[i] {
            // Han (lead bytes E4–E9) is none of these marks: skipped whole.
            0xE4..=0xE9 => {
                i += 3;
                continue;
            }
            b'0'..=b'9' => digit = true,
            b':' | b'|' => separator = true,
            // `，` `；` `：` are EF BC 8C, EF BC 9B, EF BC 9A; `｜` is EF BD 9C;
            // `。` is E3 80 82.
            0xEF => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0xBC), Some(0x8C | 0x9B)) => clauses += 1,
                (Some(0xBC), Some(0x9A)) | (Some(0xBD), Some(0x9C)) => separator = true,
                _ => {}
            },
            0xE3 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x82) => {
                clauses += 1
            }
            _ => {}
        }
        i += 1;
    }
    if clauses >= 3 || (clauses >= 2 && !separator) {
        return false;
    }
    line.starts_with(['（', '('])
        || digit
        || holds(line, b"http")
        || label_search().words.is_match(line)
        || (line.len() <= 60 && page_word_regex().is_match(line))
}

/// Read `line` (whitespace-normalized, simplified) with the links of its
/// block. `None` when it is not a metadata line.
pub(crate) fn read(line: &str, links: &[Link], rules: DateRules) -> Option<MetaLine> {
    let line = line.trim();
    if line.len() > MAX_LINE_CHARS * 4 {
        return None;
    }
    read_counted(line, line.chars().count(), links, rules)
}

/// [`read`], given `chars`, the characters of `line`: a block's text
/// counted once serves its rules too.
pub(crate) fn read_counted(
    line: &str,
    chars: usize,
    links: &[Link],
    rules: DateRules,
) -> Option<MetaLine> {
    let trimmed = line.trim();
    // Blocks are trimmed already; anything else is counted again.
    let chars = if trimmed.len() == line.len() {
        chars
    } else {
        trimmed.chars().count()
    };
    let line = trimmed;
    if line.is_empty() || line.len() > MAX_LINE_CHARS * 4 {
        return None;
    }
    if chars > MAX_LINE_CHARS || !(chars <= 20 || may_be_metadata(line)) {
        return None;
    }
    if let Some(meta) = bracketed_names(line) {
        return Some(meta);
    }
    if is_share_bar(line) {
        return Some(MetaLine {
            kind: Some(RemovedKind::Share),
            ..MetaLine::default()
        });
    }
    let mut spans: Vec<Span> = Vec::new();

    // Links: Markdown and bare ones in the text, then the block's own.
    // Every link the pattern finds holds `](`, `http` or a dot: other lines
    // are spared its search.
    let may_link = holds(line, b"](") || holds(line, b"http") || line.contains('.');
    if may_link {
        for caps in link_regex().captures_iter(line) {
            let m = caps.get(0).expect("group 0");
            let href = caps
                .get(2)
                .map(|h| h.as_str().to_string())
                .unwrap_or_else(|| m.as_str().trim_matches(['<', '>']).to_string());
            spans.push(Span {
                start: m.start(),
                end: m.end(),
                piece: Piece::Link(Some(href).filter(|h| h.starts_with("http"))),
            });
        }
    }
    let mut from = 0;
    for link in links {
        if link.text.is_empty() {
            continue;
        }
        if let Some(i) = line[from..].find(&link.text) {
            let (start, end) = (from + i, from + i + link.text.len());
            // A link on a word inside a name (`上海<a>证券</a>报`) is not a
            // field of its own.
            let glued = |c: Option<char>| c.is_some_and(|c| !is_separator(c));
            let inside_word =
                glued(line[..start].chars().next_back()) && glued(line[end..].chars().next());
            if !inside_word && !overlaps(&spans, start, end) {
                let href = Some(link.href.clone()).filter(|h| h.starts_with("http"));
                spans.push(Span {
                    start,
                    end,
                    piece: Piece::Link(href),
                });
            }
            from = end;
        }
    }

    // Dates: complete ones, then a month and day without the year
    // (`10月14日报道`), cut short.
    let has_digit = line.bytes().any(|b| b.is_ascii_digit());
    if has_digit {
        for (p, r) in date::find_all(line, rules) {
            if !overlaps(&spans, r.start, r.end) {
                spans.push(Span {
                    start: r.start,
                    end: r.end,
                    piece: Piece::Date(Some(p)),
                });
            }
        }
        // The month and day need their `月`.
        if line.contains('月') {
            for caps in month_day_regex().captures_iter(line) {
                let m = caps.get(1).expect("the month and day");
                if !overlaps(&spans, m.start(), m.end()) {
                    spans.push(Span {
                        start: m.start(),
                        end: m.end(),
                        piece: Piece::Date(None),
                    });
                }
            }
        }
    }
    let opening = line.trim_start_matches(|c: char| is_separator(c) && c != '(' && c != '（');
    let offset = line.len() - opening.len();
    // A fragment of a date has digits.
    if let Some(m) = has_digit.then(|| fragment_regex().find(opening)).flatten() {
        let (start, end) = (offset + m.start(), offset + m.end());
        let glued = line[end..].starts_with(|c: char| c.is_ascii_digit());
        if !glued && !overlaps(&spans, start, end) {
            spans.push(Span {
                start,
                end,
                piece: Piece::Date(None),
            });
        }
    }

    // Labels: at a boundary, or glued after an earlier field when a colon
    // follows (`编辑：张三校对：李四`), or after an organisation for people.
    let mut labelled = false;
    let labels = label_search();
    for m in labels.words.find_iter(line) {
        if overlaps(&spans, m.start(), m.end()) {
            continue;
        }
        let (_, label, follow) = LABELS[labels.entries[m.pattern().as_usize()]];
        let after = &line[m.end()..];
        let after_trimmed = after.trim_start();
        let separator_follows = after_trimmed.starts_with(['：', ':', '|', '｜', '丨', '/', '／']);
        let colon_follows = after_trimmed.starts_with(['：', ':']);
        let followed_ok = match follow {
            Follow::Separator => separator_follows,
            Follow::Anything => true,
        };
        if !followed_ok || after.is_empty() && !matches!(label, Label::Counter) {
            continue;
        }
        let before = line[..m.start()].chars().next_back();
        let at_boundary = before.is_none_or(|c| is_separator(c) || c.is_ascii_digit())
            || spans.iter().any(|s| s.end == m.start());
        let mut start = m.start();
        let accepted = if at_boundary || (labelled && colon_follows) {
            true
        } else if let (Label::People(_), Some(org)) = (label, organisation_before(line, m.start()))
        {
            start = org;
            true
        } else {
            false
        };
        if accepted {
            labelled = true;
            let glued = !after.starts_with(|c: char| c.is_whitespace()) && !separator_follows;
            spans.push(Span {
                start,
                end: m.end(),
                piece: Piece::Label { label, glued },
            });
        }
    }
    for m in page_word_regex().find_iter(line) {
        if !overlaps(&spans, m.start(), m.end()) {
            spans.push(Span {
                start: m.start(),
                end: m.end(),
                piece: Piece::PageWord,
            });
        }
    }
    if spans.is_empty() {
        return None;
    }
    spans.sort_by_key(|s| s.start);
    assemble(line, &spans)
}

/// Read the values of the labels and decide.
fn assemble(line: &str, spans: &[Span]) -> Option<MetaLine> {
    let mut meta = MetaLine::default();
    let mut covered = vec![false; line.len()];
    let mut fields = 0usize;
    let mut source_value: Option<(String, usize)> = None;
    for (i, span) in spans.iter().enumerate() {
        covered[span.start..span.end].fill(true);
        let next_start = spans.get(i + 1).map_or(line.len(), |s| s.start);
        match &span.piece {
            Piece::Date(date) => {
                fields += 1;
                match date {
                    Some(p) if meta.published.is_none() => meta.published = Some(*p),
                    Some(_) => {}
                    None => meta.fragment = true,
                }
            }
            Piece::Link(href) => {
                if meta.url.is_none() && href.is_some() && (source_value.is_some() || fields > 0) {
                    meta.url.clone_from(href);
                }
            }
            Piece::PageWord => {}
            Piece::Label { label, glued } => {
                let (value, value_end) = value_after(line, span.end, next_start);
                covered[span.end..value_end].fill(true);
                // `来源：<a>新华网</a>`: the link is the name.
                let linked_name = match (label, spans.get(i + 1)) {
                    (Label::Source, Some(next))
                        if value.is_empty() && next.start == value_end_gap(line, span.end) =>
                    {
                        matches!(next.piece, Piece::Link(_))
                            .then(|| link_text(&line[next.start..next.end]))
                    }
                    _ => None,
                };
                let value = linked_name.as_deref().unwrap_or(value);
                match label {
                    Label::Source | Label::Original => {
                        if let Some(name) = clean_source(value) {
                            if meta.source.is_none() {
                                // An unlabelled name after the source (`来源：某县教育局
                                // 王某`): the person who sent it in.
                                let (name, person) = split_trailing_person(&name);
                                if let Some(person) = person {
                                    meta.people.push((person, "作者".into()));
                                }
                                meta.source = Some(name);
                            }
                            source_value = Some((value.to_string(), value_end));
                            fields += 1;
                        } else if value.is_empty() {
                            // `原文链接：[标题](…)`: the link itself is the field.
                            source_value = Some((String::new(), value_end));
                            fields += 1;
                        } else {
                            return None;
                        }
                    }
                    Label::People(role) => {
                        fields += 1;
                        // `作者：《中国企业家》记者 林涛`: the publication, then the people.
                        let value = match value.strip_prefix('《').and_then(|r| r.split_once('》'))
                        {
                            Some((publication, people)) if !publication.is_empty() => {
                                if meta.source.is_none() {
                                    meta.source = Some(publication.to_string());
                                }
                                people.trim()
                            }
                            _ => value,
                        };
                        if value.is_empty() {
                            continue;
                        }
                        // A glued value (`记者李强`) must look like a name on its own.
                        let people = byline::parse_people(value, role).filter(|people| {
                            !glued || people.iter().all(|(name, _)| byline::is_person_name(name))
                        });
                        match people {
                            Some(people) => {
                                for person in people {
                                    if !meta.people.contains(&person) {
                                        meta.people.push(person);
                                    }
                                }
                            }
                            // A glued value that is no name: the label was a word
                            // of a sentence (`编辑观点：`).
                            None if *glued => return None,
                            // Short and without punctuation: a name zhclean cannot
                            // read (`编辑：news`), not a sentence (`记者：你怎么看？`).
                            None if value.chars().count() <= 10
                                && !value.contains(['？', '?', '！', '，', '。']) =>
                            {
                                meta.unread_credits.push(value.to_string());
                            }
                            None => return None,
                        }
                    }
                    // `发布于：北京市`, `IP属地：广东`: where, not when.
                    Label::Time | Label::Location if is_place(value) => fields += 1,
                    Label::Location => return None,
                    Label::Time | Label::Counter => {
                        // The date or number is its own span; a value here is
                        // only allowed if it is a number.
                        if !value.chars().all(|c| {
                            c.is_ascii_digit()
                                || matches!(c, '.' | '万' | '次' | '人' | '+' | '(' | '（' | ' ')
                        }) {
                            return None;
                        }
                        if !value.is_empty() {
                            fields += 1;
                        }
                    }
                }
            }
        }
    }
    // A line of page words alone (`打印 关闭 收藏`, `小字号`) is a share bar.
    let page_words_only = fields == 0
        && meta.url.is_none()
        && spans.iter().all(|s| {
            matches!(
                s.piece,
                Piece::PageWord
                    | Piece::Label {
                        label: Label::Counter,
                        ..
                    }
            )
        });
    if fields == 0 && meta.url.is_none() && !page_words_only {
        return None;
    }
    // What no field covers: at most one short name next to a date (the
    // source of a portal meta line), and a few stray characters.
    let remainder: Vec<(usize, usize)> = uncovered_words(line, &covered);
    // A single word next to a date: a person's name is the author
    // (`24 07:46:04 郭施亮`), another name the source.
    let mut stray = 0usize;
    for &(start, end) in &remainder {
        let word = &line[start..end];
        let n = word.chars().count();
        let dated = meta.published.is_some() || meta.fragment;
        let alone = remainder.len() == 1 && meta.source.is_none() && meta.people.is_empty();
        if alone && dated && byline::is_person_name(word) {
            meta.people.push((word.to_string(), "作者".into()));
            meta.unlabelled_person = true;
        } else if alone
            && dated
            && (2..=20).contains(&n)
            && word.chars().any(is_han)
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || "-·（）()《》".contains(c))
        {
            meta.source = Some(word.to_string());
            meta.unlabelled_source = true;
            let before = line[..start].trim_end();
            let after = line[end..].trim_start();
            meta.book_title = before.ends_with('《') && after.starts_with('》');
        } else {
            stray += n;
        }
    }
    if stray > MAX_REMAINDER_CHARS {
        return None;
    }
    meta.kind = Some(if page_words_only {
        RemovedKind::Share
    } else if meta.published.is_some() || meta.fragment {
        RemovedKind::Metadata
    } else if meta.people.is_empty() && meta.unread_credits.is_empty() {
        if meta.source.is_some() || meta.url.is_some() {
            RemovedKind::SourceLine
        } else {
            RemovedKind::Metadata
        }
    } else if meta.source.is_none() && meta.url.is_none() {
        if meta.people.iter().all(|(_, role)| is_editing_role(role)) {
            RemovedKind::Editor
        } else {
            RemovedKind::Byline
        }
    } else {
        RemovedKind::Metadata
    });
    Some(meta)
}

/// The value after a label ending at `from`, up to the next field at `to` or
/// a character that ends values; returns it trimmed, and where it ends.
fn value_after(line: &str, from: usize, to: usize) -> (&str, usize) {
    let rest = &line[from..to];
    // Skip the label's own separator.
    let body_start = rest
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_whitespace() || matches!(c, '：' | ':' | '|' | '｜' | '丨' | '/' | '／'))
        })
        .map_or(rest.len(), |(i, _)| i);
    let body = &rest[body_start..];
    let end = body
        .char_indices()
        .find(|&(_, c)| ends_value(c))
        .map_or(body.len(), |(i, _)| i);
    let value = body[..end].trim_matches(is_separator);
    (value, from + body_start + end)
}

/// Where the value after a label ending at `from` starts: past the label's
/// own separator.
fn value_end_gap(line: &str, from: usize) -> usize {
    from + line[from..]
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_whitespace() || matches!(c, '：' | ':' | '|' | '｜' | '丨' | '/' | '／'))
        })
        .map_or(line.len() - from, |(i, _)| i)
}

/// The text of a link span: a Markdown link's bracketed text, or the span.
fn link_text(span: &str) -> String {
    match (span.find('['), span.find("](")) {
        (Some(open), Some(close)) if open < close => span[open + 1..close].to_string(),
        _ => span.to_string(),
    }
}

/// The uncovered words of the line: runs of characters that are neither
/// covered nor separators.
fn uncovered_words(line: &str, covered: &[bool]) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in line.char_indices() {
        let free = !covered[i] && !is_separator(c);
        match (free, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, line.len()));
    }
    words
}

/// A source name without its quotes and channel prefixes (`微信公众号「X」`).
fn clean_source(value: &str) -> Option<String> {
    let mut name = value.trim();
    for prefix in [
        "微信公众号",
        "微信订阅号",
        "微信公号",
        "公众号",
        "订阅号",
        "微信号",
        "微信",
        "网站",
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            name = rest.trim_start_matches([' ', '：', ':']);
            break;
        }
    }
    // `华尔街见闻(上海`: a place in a bracket cut short.
    let name = match name.find(['(', '（']) {
        Some(i) if !name[i..].contains([')', '）']) => &name[..i],
        _ => name,
    };
    // `北青网-北京青年报 北京`: the place the item was sent from.
    let name = match name.rsplit_once(' ') {
        Some((head, place)) if is_place(place) && !head.is_empty() => head,
        _ => name,
    };
    let name = name.trim_matches([
        '「', '」', '《', '》', '“', '”', '"', '\'', '『', '』', ' ', '~', '*',
    ]);
    let n = name.chars().count();
    (n > 0 && n <= MAX_SOURCE_CHARS && name.chars().any(char::is_alphanumeric))
        .then(|| name.to_string())
}

/// China's provinces and the cities that name themselves in datelines.
const PLACES: &[&str] = &[
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
    "广州",
    "深圳",
    "杭州",
    "南京",
    "武汉",
    "成都",
    "西安",
    "郑州",
    "长沙",
    "沈阳",
    "大连",
    "青岛",
    "厦门",
    "苏州",
];

/// A province or city, perhaps with 省, 市 or 区 after it.
fn is_place(word: &str) -> bool {
    let word = word.trim_end_matches(['省', '市', '区']);
    PLACES.contains(&word)
}

/// `某某县教育局 王某某`: an organisation and, after a space, a person's name.
fn split_trailing_person(value: &str) -> (String, Option<String>) {
    if let Some((org, person)) = value.rsplit_once(' ') {
        if byline::is_person_name(person) && org.chars().count() >= 2 {
            return (org.trim().to_string(), Some(person.to_string()));
        }
    }
    (value.to_string(), None)
}

/// `（张三 李四）`: names alone in brackets, as the end of an article credits
/// its people.
/// A photo credit too: `新华社发（刘满仓摄）`, `（王海燕 摄）`.
fn bracketed_names(line: &str) -> Option<MetaLine> {
    // Both readings below end where the line ends, at its closing bracket.
    if !line.ends_with(['）', ')']) {
        return None;
    }
    // An agency that sent the picture: `新华社发`.
    let line = match line.find(['（', '(']) {
        Some(i) if i > 0 && line[..i].ends_with('发') && line[..i].chars().count() <= 8 => {
            &line[i..]
        }
        _ => line,
    };
    let inner = line
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?
        .trim();
    let (inner, role) = match inner.strip_suffix('摄') {
        Some(names) => (names.trim(), "摄影"),
        None => (inner, "作者"),
    };
    let names: Vec<&str> = inner
        .split([' ', '、', '，', ',', '/'])
        .filter(|s| !s.is_empty())
        .collect();
    if names.is_empty() || names.len() > 4 || !names.iter().all(|n| byline::is_person_name(n)) {
        return None;
    }
    Some(MetaLine {
        kind: Some(RemovedKind::Byline),
        people: names
            .iter()
            .map(|n| (n.to_string(), role.to_string()))
            .collect(),
        ..MetaLine::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use RemovedKind as K;

    const RULES: DateRules = crate::date::TEST_RULES;

    fn read_line(line: &str) -> Option<MetaLine> {
        read(line, &[], RULES)
    }

    /// (name, line, kind, published, source, people)
    type Case = (
        &'static str,
        &'static str,
        RemovedKind,
        Option<&'static str>,
        Option<&'static str>,
        &'static [(&'static str, &'static str)],
    );

    const CASES: &[Case] = &[
        (
            "source",
            "来源：新华网",
            K::SourceLine,
            None,
            Some("新华网"),
            &[],
        ),
        (
            "chu chu",
            "出处：人民日报",
            K::SourceLine,
            None,
            Some("人民日报"),
            &[],
        ),
        (
            "gao yuan",
            "稿源：经济日报",
            K::SourceLine,
            None,
            Some("经济日报"),
            &[],
        ),
        (
            "author",
            "作者：张三",
            K::Byline,
            None,
            None,
            &[("张三", "作者")],
        ),
        ("wen", "文/李四", K::Byline, None, None, &[("李四", "作者")]),
        (
            "wen bar",
            "文 | 记者 王五",
            K::Byline,
            None,
            None,
            &[("王五", "记者")],
        ),
        (
            "zhuanwen",
            "撰文：赵六",
            K::Byline,
            None,
            None,
            &[("赵六", "作者")],
        ),
        (
            "reporter",
            "记者 张三 通讯员 李四",
            K::Byline,
            None,
            None,
            &[("张三", "记者"), ("李四", "通讯员")],
        ),
        (
            "glued roles",
            "记者李强通讯员赵弘然",
            K::Byline,
            None,
            None,
            &[("李强", "记者"), ("赵弘然", "通讯员")],
        ),
        (
            "agency reporter",
            "新华社记者 刘洋",
            K::Byline,
            None,
            None,
            &[("刘洋", "记者")],
        ),
        (
            "intern",
            "实习生 孙七",
            K::Byline,
            None,
            None,
            &[("孙七", "实习生")],
        ),
        (
            "photo",
            "摄影：周八",
            K::Byline,
            None,
            None,
            &[("周八", "摄影")],
        ),
        (
            "picture",
            "图/吴九",
            K::Byline,
            None,
            None,
            &[("吴九", "摄影")],
        ),
        (
            "editor",
            "编辑：郑十",
            K::Editor,
            None,
            None,
            &[("郑十", "编辑")],
        ),
        (
            "chief editor",
            "责任编辑：王小明",
            K::Editor,
            None,
            None,
            &[("王小明", "责任编辑")],
        ),
        (
            "zebian",
            "责编 | 李华",
            K::Editor,
            None,
            None,
            &[("李华", "责任编辑")],
        ),
        (
            "review",
            "审核：陈刚",
            K::Editor,
            None,
            None,
            &[("陈刚", "审核")],
        ),
        (
            "proof",
            "校对：林芳",
            K::Editor,
            None,
            None,
            &[("林芳", "校对")],
        ),
        (
            "editor and proof glued",
            "编辑：张三校对：李四",
            K::Editor,
            None,
            None,
            &[("张三", "编辑"), ("李四", "校对")],
        ),
        (
            "published at",
            "发布时间：2021-05-19 09:03:11",
            K::Metadata,
            Some("2021-05-19T09:03:11+08:00"),
            None,
            &[],
        ),
        (
            "published date",
            "发布日期：2021年5月19日",
            K::Metadata,
            Some("2021-05-19"),
            None,
            &[],
        ),
        (
            "time",
            "时间：2021-05-19",
            K::Metadata,
            Some("2021-05-19"),
            None,
            &[],
        ),
        (
            "updated",
            "更新时间：2021/05/19 10:00",
            K::Metadata,
            Some("2021-05-19T10:00:00+08:00"),
            None,
            &[],
        ),
        (
            "riqi",
            "日期：2020-01-02",
            K::Metadata,
            Some("2020-01-02"),
            None,
            &[],
        ),
        (
            "counters",
            "点击量：123 浏览次数：45 阅读量：6",
            K::Metadata,
            None,
            None,
            &[],
        ),
        (
            "ui words",
            "评论(0) 字号：大 中 小 打印",
            K::Metadata,
            None,
            None,
            &[],
        ),
        (
            "page words alone",
            "小字号 打印 收藏",
            K::Share,
            None,
            None,
            &[],
        ),
        (
            "portal meta",
            "中国劳动保障新闻网 · 2014-09-17 13:31 留言",
            K::Metadata,
            Some("2014-09-17T13:31:00+08:00"),
            Some("中国劳动保障新闻网"),
            &[],
        ),
        (
            "any order",
            "2021-03-05 10:20 来源：新华网 作者：张三 浏览：1024",
            K::Metadata,
            Some("2021-03-05T10:20:00+08:00"),
            Some("新华网"),
            &[("张三", "作者")],
        ),
        (
            "pipes",
            "来源：人民网 | 作者：李四 | 2020-01-01",
            K::Metadata,
            Some("2020-01-01"),
            Some("人民网"),
            &[("李四", "作者")],
        ),
        (
            "full-width pipes",
            "作者：李四｜编辑：王五｜来源：光明日报",
            K::Metadata,
            None,
            Some("光明日报"),
            &[("李四", "作者"), ("王五", "编辑")],
        ),
        (
            "slashes",
            "来源：央视网 / 编辑：刘一",
            K::Metadata,
            None,
            Some("央视网"),
            &[("刘一", "编辑")],
        ),
        (
            "wrapped",
            "【来源：中国青年报】",
            K::SourceLine,
            None,
            Some("中国青年报"),
            &[],
        ),
        (
            "wrapped editor",
            "（责任编辑：王五）",
            K::Editor,
            None,
            None,
            &[("王五", "责任编辑")],
        ),
        (
            "square wrapped",
            "[作者：张三]",
            K::Byline,
            None,
            None,
            &[("张三", "作者")],
        ),
        (
            "organisation and person",
            "来源：某某县教育局 王某某",
            K::Metadata,
            None,
            Some("某某县教育局"),
            &[("王某某", "作者")],
        ),
        (
            "day and time cut short",
            "19 09:03:11 来源：新华网",
            K::Metadata,
            None,
            Some("新华网"),
            &[],
        ),
        (
            "time cut short",
            "09:03 来源：人民网 编辑：张三",
            K::Metadata,
            None,
            Some("人民网"),
            &[("张三", "编辑")],
        ),
        (
            "month-day cut short",
            "05-19 09:03 作者：张三",
            K::Metadata,
            None,
            None,
            &[("张三", "作者")],
        ),
        (
            "counter cut short",
            "0 发布时间：2021.04.17",
            K::Metadata,
            Some("2021-04-17"),
            None,
            &[],
        ),
        (
            "date glued to time",
            "2019年06月15日08:18 来源：人民网-人民日报",
            K::Metadata,
            Some("2019-06-15T08:18:00+08:00"),
            Some("人民网-人民日报"),
            &[],
        ),
        (
            "names in brackets",
            "（张三 李四）",
            K::Byline,
            None,
            None,
            &[("张三", "作者"), ("李四", "作者")],
        ),
        (
            "quoted source",
            "来源：「某某日报」",
            K::SourceLine,
            None,
            Some("某某日报"),
            &[],
        ),
        (
            "book-title source",
            "来源：《半月谈》",
            K::SourceLine,
            None,
            Some("半月谈"),
            &[],
        ),
        (
            "wechat source",
            "来源：微信公众号「某某观察」",
            K::SourceLine,
            None,
            Some("某某观察"),
            &[],
        ),
        (
            "subscription source",
            "来源：订阅号 某某说",
            K::SourceLine,
            None,
            Some("某某说"),
            &[],
        ),
        (
            "original from",
            "原文来自「某某日报」",
            K::SourceLine,
            None,
            Some("某某日报"),
            &[],
        ),
        (
            "reprinted",
            "本文转自新京报",
            K::SourceLine,
            None,
            Some("新京报"),
            &[],
        ),
        (
            "weekday",
            "2021年5月19日 星期三 来源：新华社",
            K::Metadata,
            Some("2021-05-19"),
            Some("新华社"),
            &[],
        ),
        (
            "organisations with a dot",
            "中青报·中青网记者 魏其蒙 来源：中国青年报",
            K::Metadata,
            None,
            Some("中国青年报"),
            &[("魏其蒙", "记者")],
        ),
        (
            "print edition",
            "《 人民日报 》（ 2024年05月10日 04 版）",
            K::Metadata,
            Some("2024-05-10"),
            Some("人民日报"),
            &[],
        ),
    ];

    #[test]
    fn case_names_are_unique() {
        let mut names: Vec<_> = CASES.iter().map(|c| c.0).collect();
        names.sort();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn every_label_and_combination() {
        for &(name, line, kind, published, source, people) in CASES {
            let meta = read_line(line).unwrap_or_else(|| panic!("{name}: `{line}` not read"));
            assert_eq!(meta.removed_kind(), kind, "{name}: `{line}`");
            assert_eq!(
                meta.published.map(|p| p.to_string()).as_deref(),
                published,
                "{name}: `{line}`"
            );
            assert_eq!(meta.source.as_deref(), source, "{name}: `{line}`");
            let got: Vec<(&str, &str)> = meta
                .people
                .iter()
                .map(|(n, r)| (n.as_str(), r.as_str()))
                .collect();
            assert_eq!(got, people, "{name}: `{line}`");
        }
    }

    #[test]
    fn cut_short_dates_mark_the_line_but_give_no_date() {
        for line in ["19 09:03:11 来源：新华网", "09:03:11", "05-19 09:03"] {
            let meta = read_line(line).unwrap();
            assert!(meta.fragment, "{line}");
            assert_eq!(meta.published, None, "{line}");
        }
    }

    #[test]
    fn source_lines_with_links() {
        let m =
            read_line("原文来自某某日报：~~[一篇文章的标题](https://example.cn/a/1)~~").unwrap();
        assert_eq!(m.source.as_deref(), Some("某某日报"));
        assert_eq!(m.url.as_deref(), Some("https://example.cn/a/1"));
        assert_eq!(m.removed_kind(), K::SourceLine);

        let m = read_line("来源：某某网，[原文](https://example.cn/b)").unwrap();
        assert_eq!(m.source.as_deref(), Some("某某网"));
        assert_eq!(m.url.as_deref(), Some("https://example.cn/b"));

        let m = read_line("原文链接：财新网 ~~[「被清退以后」](http://example.cn/c.html)~~ [备份](https://example.org/d)").unwrap();
        assert_eq!(m.source.as_deref(), Some("财新网"));
        assert_eq!(m.url.as_deref(), Some("http://example.cn/c.html"));

        // A rendered Markdown link: the block's link on the title.
        let links = [Link {
            href: "https://example.cn/e".into(),
            text: "标题".into(),
        }];
        let m = read("原文来自某某日报：标题", &links, RULES).unwrap();
        assert_eq!(m.source.as_deref(), Some("某某日报"));
        assert_eq!(m.url.as_deref(), Some("https://example.cn/e"));

        let m = read_line("来源：新华网 https://example.cn/f").unwrap();
        assert_eq!(m.url.as_deref(), Some("https://example.cn/f"));
    }

    #[test]
    fn body_text_that_looks_similar_stays() {
        for line in [
            "据了解，该消息来源：一位不愿透露姓名的知情人士，他表示此事仍在调查之中。",
            "记者了解到，今年以来全市共受理各类业务三万余件，同比增长百分之十二。",
            "他说：“编辑工作是一门手艺，需要耐心。”",
            "时间就是生命，效率就是金钱。",
            "作者在文中提出了三个观点，值得我们深入思考和讨论。",
            "2021年5月19日，全市召开了安全生产工作会议，部署下一阶段的工作。",
            "来源广泛的资金支持了这个项目的建设和运营。",
            "图为工作人员正在现场检查设备运行情况。",
            "文化是一个民族的灵魂",
        ] {
            assert_eq!(read_line(line), None, "`{line}` read as metadata");
        }
    }
}
