//! Site chrome: blocks of a page that are not the article. Each removed
//! block is recorded with its kind.
//!
//! [`strip`] runs four passes over the blocks a format decoder found:
//!
//! 1. **header and footer blocks**: in a Markdown post, the lines that a
//!    `---` rule sets apart at the top (or the bottom) are metadata as a
//!    whole when most of them are metadata lines;
//! 2. **labelled chrome**, block by block: injected spam ([`crate::spam`]),
//!    metadata lines ([`crate::metaline`]: sources, bylines, editors, dates,
//!    counters), the rule table of [`rules`] (copyright, disclaimers,
//!    contact lines, share bars, navigation, list markers) and the site
//!    profiles of [`profiles`], bare links, and the lists that follow a
//!    marker (`相关阅读`, `最新评论`, `阅读榜`) once the body has started;
//! 3. **runs of dated headlines** (a related-articles list);
//! 4. **unlabelled chrome**, by shape ([`crate::classify`]): captions,
//!    category lists before the body, headline runs and stray symbols after
//!    it; and whatever stands below the site's own footer (`© 1997-2015
//!    网易公司版权所有`, an ICP licence line) once most of the prose is above it.
//!
//! When unsure, a block is kept, with a warning.

mod profiles;
mod rules;

use std::sync::OnceLock;

use regex::Regex;

use crate::article::RemovedKind;
use crate::classify::{self, Features};
use crate::date::DateRules;
use crate::draft::{Draft, Field, RawBlock};
use crate::{metaline, spam};
use rules::Effect;

pub(crate) use rules::is_header_chrome;

/// Most blocks a header (or footer) block set apart by a rule may hold.
const MAX_HEADER_BLOCKS: usize = 8;

/// Longest block read against the metadata grammar.
const MAX_META_CHARS: usize = 150;

fn misc_patterns() -> &'static [Regex; 4] {
    static RE: OnceLock<[Regex; 4]> = OnceLock::new();
    RE.get_or_init(|| {
        [
            // A bare link, as Markdown autolinks print it: `<http://…>`, or `<>`.
            Regex::new(r"^<?(?:(?:https?:)?//[^ ]*)?>?$").expect("valid regex"),
            // A headline ending with a date: one item of a list of articles.
            Regex::new(r"^.{4,70}? *(?:(?:19|20)[0-9]{2}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?|[0-9]{1,2}[-/][0-9]{1,2})(?: +[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$").expect("valid regex"),
            // The site name in a disclaimer: 不代表水泥网立场.
            Regex::new(r"不代表(?P<site>[^，。, ]{2,12}?(?:网|站|报|平台))(?:的)?(?:立场|观点)").expect("valid regex"),
            // The footer a site prints under every page (not an article's
            // own copyright note): nothing below it is the article.
            Regex::new(r"(?i)©|copyright *(?:©|\(c\))? *(?:19|20)[0-9]{2}|all rights reserved|ICP[备证]|公网安备|不良信息举报|许可证").expect("valid regex"),
        ]
    })
}

/// One part of a navigation footer: `返回首页`, `上一篇`.
fn is_nav_part(part: &str) -> bool {
    let part = part.trim();
    part.is_empty()
        || part.starts_with("返回")
        || matches!(
            part,
            "首页" | "上一篇" | "下一篇" | "上一页" | "下一页" | "回到顶部"
        )
}

/// A block that is long enough, or ends like a sentence, to count as body
/// text for the lists of pass 2.
fn is_body_like(block: &RawBlock) -> bool {
    block.chars() > 60 || block.text.ends_with('。')
}

/// Is the metadata line a page timestamp rather than the article's date? A
/// date alone in the body is.
fn is_timestamp(meta: &metaline::MetaLine) -> bool {
    meta.is_date_only() && meta.removed_kind() == RemovedKind::Metadata
}

/// Remove chrome from `draft.blocks`, recording each removed block; then
/// fill the fields the visible text left empty from the page's metadata.
pub(crate) fn strip(draft: &mut Draft, document: &str, rules: DateRules) {
    let profile = rules::find_profile(document);
    if let Some((p, marker)) = profile {
        draft.set(
            Field::Site,
            p.name,
            format!("site profile {} (marker `{marker}`)", p.name),
        );
    }
    // Rules read text as the output will show it: markup left in a line goes first.
    let mut blocks = std::mem::take(&mut draft.blocks);
    for block in &mut blocks {
        if crate::html::has_tag(&block.text) {
            let text = std::mem::take(&mut block.text);
            block.set_text(crate::html::strip_markup(text, &mut draft.warnings));
        }
    }
    blocks.retain(|b| !b.text.is_empty());
    let blocks = header_and_footer(draft, blocks, rules);
    let (blocks, context) = labelled(draft, blocks, profile.map(|(p, _)| p), rules);
    draft.blocks = by_shape(draft, blocks, &context);
    // The metadata lines have had their say: a visible dateline or credit
    // wins over the page's `<meta>` and JSON-LD.
    draft.apply_fallback();
}

/// Pass 1: a header block at the top, and a footer block at the bottom,
/// that a rule sets apart and that is mostly metadata lines.
fn header_and_footer(
    draft: &mut Draft,
    mut blocks: Vec<RawBlock>,
    rules: DateRules,
) -> Vec<RawBlock> {
    let is_meta =
        |b: &RawBlock| metaline::read_counted(&b.text, b.chars(), &b.links, rules).is_some();
    // Short lines, most of them metadata: a paragraph of the article is
    // never part of a header.
    let mostly_meta = |part: &[RawBlock]| {
        let meta = part.iter().filter(|b| is_meta(b)).count();
        meta > 0 && meta * 2 >= part.len() && part.iter().all(|b| b.chars() <= MAX_META_CHARS)
    };
    let take = |draft: &mut Draft, part: Vec<RawBlock>, place: &str| {
        for block in part {
            match metaline::read(&block.text, &block.links, rules) {
                Some(meta) => {
                    metaline::record(draft, meta, block.text, place);
                }
                None => draft.remove(RemovedKind::Metadata, block.text),
            }
        }
    };
    let head = blocks
        .iter()
        .take(MAX_HEADER_BLOCKS + 1)
        .position(|b| b.after_rule)
        .filter(|&end| end > 0 && mostly_meta(&blocks[..end]));
    if let Some(end) = head {
        let rest = blocks.split_off(end);
        let header = std::mem::replace(&mut blocks, rest);
        take(draft, header, "header block above a rule");
    }
    let foot = blocks
        .iter()
        .rposition(|b| b.after_rule)
        .filter(|&start| start > 0 && blocks.len() - start <= MAX_HEADER_BLOCKS)
        .filter(|&start| mostly_meta(&blocks[start..]));
    if let Some(start) = foot {
        let footer = blocks.split_off(start);
        take(draft, footer, "footer block below a rule");
    }
    blocks
}

/// What pass 2 tells pass 4 about the blocks it kept, one entry a block.
struct Context {
    /// Chrome was removed just before the block.
    chrome_before: Vec<bool>,
    /// The block stands below the site's footer ([`site_footer`]).
    past_footer: Vec<bool>,
}

/// Pass 2: labelled chrome, block by block, and the lists that follow a
/// marker; then runs of dated headlines. Returns the blocks kept and what
/// pass 4 needs to know of them.
fn labelled(
    draft: &mut Draft,
    blocks: Vec<RawBlock>,
    profile: Option<&'static rules::CompiledProfile>,
    rules: DateRules,
) -> (Vec<RawBlock>, Context) {
    let [bare_link, dated_headline, site_in_disclaimer, _] = misc_patterns();
    let dated: Vec<bool> = blocks
        .iter()
        .map(|b| {
            b.text.ends_with(|c: char| c.is_ascii_digit())
                && b.text.len() <= 90 * 4
                && b.chars() <= 90
                && dated_headline.is_match(&b.text)
        })
        .collect();
    let summaries = repeated_summaries(&blocks);
    let footer = site_footer(&blocks);
    let mut body_started = false;
    let mut list: Option<RemovedKind> = None;
    let mut kept: Vec<RawBlock> = Vec::with_capacity(blocks.len());
    let mut chrome_before: Vec<bool> = Vec::with_capacity(blocks.len());
    let mut past_footer: Vec<bool> = Vec::with_capacity(blocks.len());
    let mut removed_since_kept = false;

    for (i, mut block) in blocks.into_iter().enumerate() {
        // Outside an HTML page's article: a metadata line, or chrome.
        if let Some(kind) = block.outside {
            let chars = block.chars();
            let meta = (chars <= MAX_META_CHARS)
                .then(|| metaline::read_counted(&block.text, chars, &block.links, rules))
                .flatten();
            match meta {
                // After the article, a date alone is a page timestamp.
                Some(meta) if !kept.is_empty() && is_timestamp(&meta) => {
                    draft.remove(RemovedKind::Timestamp, block.text)
                }
                Some(meta) => {
                    metaline::record(draft, meta, block.text, "next to the article");
                }
                None => draft.remove(kind, block.text),
            }
            continue;
        }
        // One scan of the block for the rules' literals and the spam terms.
        let mut scanned = rules::scan(&block.text);
        if let Some(cut) = scanned
            .mentions_spam()
            .then(|| spam::cut(&block.text))
            .flatten()
        {
            for part in cut.spam {
                draft.remove(RemovedKind::Spam, part);
            }
            if cut.rest.is_empty() {
                removed_since_kept = true;
                continue;
            }
            block.set_text(cut.rest);
            scanned = rules::scan(&block.text);
        }
        let text = block.text.as_str();
        // A date or meta line opening the body (or after one short line) is
        // the article's, as it would be under the title of a line-based page;
        // further down, a line holding only a date is a page timestamp.
        let opening = match kept.as_slice() {
            [] => true,
            [first] => metaline::is_short_aside(&first.text),
            _ => false,
        };
        let chars = block.chars();
        let meta = (chars <= MAX_META_CHARS)
            .then(|| metaline::read_counted(text, chars, &block.links, rules))
            .flatten()
            // In the body, a date and one name is a dated headline.
            .filter(|meta| opening || !meta.is_dated_name())
            // Page words alone: a rule may know the line better (`最新评论`
            // starts a list).
            .filter(|meta| {
                meta.removed_kind() != RemovedKind::Share
                    || rules::matching_scanned(text, chars, profile, Some(scanned)).is_none()
            });
        let verdict: Option<RemovedKind> = if summaries[i] {
            Some(RemovedKind::Duplicate)
        } else if let Some(meta) = meta {
            if !opening && is_timestamp(&meta) {
                Some(RemovedKind::Timestamp)
            } else {
                let place = if opening {
                    "top of the body"
                } else {
                    "in the body"
                };
                metaline::record(draft, meta, block.text, place);
                removed_since_kept = true;
                continue;
            }
        } else if let Some((rule, caps)) =
            rules::matching_scanned(text, chars, profile, Some(scanned))
        {
            match rule.effect {
                Effect::Tags => {
                    let value = caps.name("v").map_or("", |m| m.as_str());
                    draft.tags.extend(
                        value
                            .split([' ', '、', ',', '，', '#'])
                            // A cut-off line can end in a lone bracket: not a tag.
                            .filter(|t| t.chars().any(char::is_alphanumeric))
                            .map(str::to_string),
                    );
                }
                Effect::List if body_started => list = Some(rule.kind),
                Effect::List | Effect::None => {}
            }
            if rule.kind == RemovedKind::Disclaimer {
                if let Some(site) = site_in_disclaimer.captures(text) {
                    if !site["site"].starts_with('本') {
                        draft.set(Field::Site, &site["site"], format!("disclaimer `{text}`"));
                    }
                }
            }
            Some(rule.kind)
        } else if bare_link.is_match(text) {
            let link = block
                .links
                .first()
                .map(|l| l.href.as_str())
                .unwrap_or(text.trim_matches(['<', '>']));
            if link.starts_with("http") {
                draft.set(Field::Url, link, "bare link line");
            } else if link.is_empty() {
                draft
                    .warnings
                    .push("the link to the original is empty (`<>`)".into());
            }
            Some(RemovedKind::Url)
        } else if !block.links.is_empty() && text.split(['｜', '|', '/', '·']).all(is_nav_part) {
            Some(RemovedKind::Nav)
        } else if let Some(kind) = list.filter(|_| block.chars() <= 60 && !text.ends_with('。')) {
            Some(kind)
        } else if dated[i]
            && body_started
            && (dated.get(i + 1) == Some(&true) || (i > 0 && dated[i - 1]))
        {
            Some(RemovedKind::Related)
        } else {
            None
        };
        match verdict {
            Some(kind) => {
                draft.remove(kind, block.text);
                removed_since_kept = true;
            }
            None => {
                if let Some(kind) = list.take() {
                    draft.warnings.push(format!(
                        "kept a paragraph that follows a {} list; check whether it is page chrome: `{}`",
                        kind_name(kind),
                        text.chars().take(30).collect::<String>()
                    ));
                }
                body_started |= is_body_like(&block);
                kept.push(block);
                chrome_before.push(std::mem::take(&mut removed_since_kept));
                past_footer.push(footer.is_some_and(|at| i > at));
            }
        }
    }
    (
        kept,
        Context {
            chrome_before,
            past_footer,
        },
    )
}

/// Where the site's own footer (`© 1997-2015 网易公司版权所有`, an ICP
/// licence) starts, when more of the page's prose stands above it than
/// below: what follows it is the page's, not the article's.
fn site_footer(blocks: &[RawBlock]) -> Option<usize> {
    let pattern = &misc_patterns()[3];
    let prose = |b: &RawBlock| {
        if b.outside.is_none() && is_body_like(b) {
            b.chars()
        } else {
            0
        }
    };
    let total: usize = blocks.iter().map(prose).sum();
    let mut above = 0;
    for (i, block) in blocks.iter().enumerate() {
        // Cheap tests first: most blocks stand above the middle of the prose.
        if above > total - above
            && block.text.len() <= MAX_META_CHARS * 3
            && !block.text.ends_with(['。', '！', '？'])
            && pattern.is_match(&block.text)
        {
            return Some(i);
        }
        above += prose(block);
    }
    None
}

/// Summaries at the top of a page (`本文摘要：…`, `导读：…`) that repeat the
/// text below them: for each block, whether it is one.
fn repeated_summaries(blocks: &[RawBlock]) -> Vec<bool> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[【\[]?(?:本文摘要|内容摘要|文章摘要|摘要|导读|核心提示|内容提要|提要)[】\]]?\s*[：:]?\s*(?P<v>.{10,})$")
            .expect("valid regex")
    });
    let comparable = |t: &str| -> String { t.chars().filter(|c| c.is_alphanumeric()).collect() };
    let mut flags = vec![false; blocks.len()];
    for (i, block) in blocks.iter().enumerate().take(MAX_HEADER_BLOCKS) {
        let Some(caps) = re.captures(&block.text) else {
            continue;
        };
        let start: String = comparable(&caps["v"]).chars().take(12).collect();
        flags[i] = start.chars().count() >= 10
            && blocks[i + 1..]
                .iter()
                .any(|b| comparable(&b.text).contains(&start));
    }
    flags
}

/// Pass 4: what the shape classifier removes from the blocks left; what it
/// keeps below the site's footer goes too.
fn by_shape(draft: &mut Draft, blocks: Vec<RawBlock>, context: &Context) -> Vec<RawBlock> {
    // Whether labelled chrome stands between the last body-like block and
    // each block.
    let mut since_body = false;
    let described: Vec<(&str, Features)> = blocks
        .iter()
        .zip(&context.chrome_before)
        .map(|(b, &chrome)| {
            let mut features = b.features();
            features.after_body = b.after_body;
            since_body |= chrome;
            features.after_chrome = since_body;
            if features.body_like() {
                since_body = false;
            }
            (b.text.as_str(), features)
        })
        .collect();
    let verdicts = classify::classify(&described);
    draft.warnings.extend(verdicts.warnings);
    let mut kept = Vec::with_capacity(blocks.len());
    for ((block, kind), &past_footer) in blocks
        .into_iter()
        .zip(verdicts.kinds)
        .zip(&context.past_footer)
    {
        match kind {
            Some(kind) => draft.remove(kind, block.text),
            None if past_footer => draft.remove(RemovedKind::Boilerplate, block.text),
            None => kept.push(block),
        }
    }
    kept
}

fn kind_name(kind: RemovedKind) -> &'static str {
    match kind {
        RemovedKind::Ranking => "ranking",
        RemovedKind::Comments => "comments",
        _ => "related-articles",
    }
}

/// A source tag opening the first paragraph: `【财新网】`, `现代快报讯`,
/// `（德国之声中文网）`. Returns the tag, the publication it names (not for
/// `本报讯`), and the paragraph without it.
pub(crate) fn cut_lead_tag(paragraph: &str) -> Option<(String, Option<String>, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:【(?P<a>[^】]{2,14}?)】|(?P<b>[^，。、；：\s（(【]{1,12}?[报网社台刊])讯|[（(](?P<c>[^）)，。]{2,14}?(?:网|报|社|台|刊|中文网|新闻))[）)])\s*")
            .expect("valid regex")
    });
    let caps = re.captures(paragraph)?;
    let whole = caps.get(0).expect("group 0");
    let name = ["a", "b", "c"]
        .iter()
        .find_map(|g| caps.name(g))
        .expect("one group")
        .as_str();
    // `【记者手记】`, `【编者按】`: a tag must name a publication.
    let is_publication = name.ends_with(['网', '报', '社', '台', '刊']) || name.ends_with("新闻");
    let rest = paragraph[whole.end()..].trim_start();
    if !is_publication || rest.chars().count() < 10 {
        return None;
    }
    let source = (!name.starts_with('本')).then(|| name.to_string());
    Some((whole.as_str().trim().to_string(), source, rest.to_string()))
}

/// Run the chrome stage over lines, for tests.
#[cfg(test)]
fn run(lines: &[&str]) -> Draft {
    let mut draft = Draft {
        blocks: lines
            .iter()
            .map(|l| RawBlock::line(l.to_string()))
            .collect(),
        ..Draft::default()
    };
    let doc = lines.join("\n");
    strip(&mut draft, &doc, crate::date::TEST_RULES);
    draft
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "这是一段足够长的正文，用来让规则知道正文已经开始了，后面出现的列表标记才会生效，所以要写得长一些才行。";

    fn removed(d: &Draft) -> Vec<(RemovedKind, &str)> {
        d.removed
            .iter()
            .map(|r| (r.kind, r.text.as_str()))
            .collect()
    }

    #[test]
    fn each_generic_kind() {
        let d = run(&[
            BODY,
            "（文章来源：中国劳动保障报）",
            "责任编辑：张三",
            "联系电话：0571-85871513",
            "本文仅代表作者观点，不代表本网立场。",
            "版权所有 © 2021 某某网 沪ICP备05054598号",
            "分享到：微信 微博",
            "【打印】【关闭窗口】",
            "扫描左侧二维码即可添加某某公众号，更多资讯。",
            "上一篇：另一篇文章",
            "首页 上一页 5 6 7 8 尾页",
            "2024-12-28 17:40:45",
            "下载某某新闻客户端",
            "（完）",
        ]);
        assert_eq!(d.blocks.len(), 1);
        let kinds: Vec<_> = removed(&d).iter().map(|r| r.0).collect();
        use RemovedKind as K;
        assert_eq!(
            kinds,
            vec![
                K::SourceLine,
                K::Editor,
                K::Contact,
                K::Disclaimer,
                K::Copyright,
                K::Share,
                K::Share,
                K::Share,
                K::Nav,
                K::Nav,
                K::Timestamp,
                K::Ad,
                K::Boilerplate
            ]
        );
        assert_eq!(d.source.as_deref(), Some("中国劳动保障报"));
        assert_eq!(d.authors[0].name, "张三");
        assert_eq!(d.authors[0].role, "责任编辑");
    }

    #[test]
    fn captions_and_credit_lines() {
        let d = run(&[BODY, "图片来源：霍尼韦尔官网", "图/记者 张三", "文 | 李四"]);
        assert_eq!(
            removed(&d),
            vec![
                (RemovedKind::Byline, "图/记者 张三"),
                (RemovedKind::Byline, "文 | 李四"),
                (RemovedKind::Caption, "图片来源：霍尼韦尔官网"),
            ]
        );
        let people: Vec<_> = d
            .authors
            .iter()
            .map(|a| (a.name.as_str(), a.role.as_str()))
            .collect();
        assert_eq!(people, vec![("张三", "记者"), ("李四", "作者")]);
        assert_eq!(d.source, None);
    }

    #[test]
    fn lists_after_a_marker_are_removed_until_body_text() {
        let d = run(&[BODY, "相关阅读", "第一条新闻标题", "第二条新闻标题！", BODY]);
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(
            removed(&d),
            vec![
                (RemovedKind::Related, "相关阅读"),
                (RemovedKind::Related, "第一条新闻标题"),
                (RemovedKind::Related, "第二条新闻标题！")
            ]
        );
        assert!(d.warnings[0].contains("kept a paragraph"));
    }

    #[test]
    fn a_list_marker_before_the_body_removes_only_itself() {
        let d = run(&["热门文章", "开篇的一个小标题", BODY]);
        assert_eq!(d.blocks.len(), 2);
        // A word alone before the body is a button or a label.
    }

    #[test]
    fn what_stands_below_the_site_footer_goes() {
        let slogan = "随时随地为您提供手机话费充值服务。";
        let d = run(&[BODY, BODY, "© 1997-2015 网易公司版权所有", slogan]);
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(
            removed(&d),
            vec![
                (RemovedKind::Copyright, "© 1997-2015 网易公司版权所有"),
                (RemovedKind::Boilerplate, slogan)
            ]
        );
        // Above most of the prose it is no site footer; and a sentence that
        // names a licence is the article's.
        let d = run(&["Copyright 2015 某某网", BODY, slogan]);
        assert_eq!(d.blocks.len(), 2);
        let licence = "该公司各种注册和资质手续均齐备，且网站也有ICP备案。";
        let d = run(&[BODY, BODY, licence, slogan]);
        assert_eq!(d.blocks.len(), 4);
    }

    #[test]
    fn site_profile_and_site_from_disclaimer() {
        let d = run(&[
            BODY,
            "编辑:吴丽娜",
            "本文内容为作者个人观点，不代表水泥网立场。",
            "阅读榜",
            "水泥网周报：价格稳中有降(12.23-12.27)",
        ]);
        assert_eq!(d.site.as_deref(), Some("水泥网"));
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.removed.last().unwrap().kind, RemovedKind::Ranking);
        let d = run(&[BODY, "本站文章不代表某某新闻网立场"]);
        assert_eq!(d.site.as_deref(), Some("某某新闻网"));
    }

    #[test]
    fn dated_headline_runs_and_bare_times() {
        let d = run(&[
            BODY,
            "APS-C画幅单反 尼康D200单机仅7880元 2008-04-28 08:03",
            "单反市场硝烟正浓 尼康D60套机仅4670 2008-04-28 07:50",
            "28 16:39",
        ]);
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(
            d.removed
                .iter()
                .filter(|r| r.kind == RemovedKind::Related)
                .count(),
            2
        );
    }

    #[test]
    fn body_paragraphs_that_mention_chrome_words_are_kept() {
        let long = format!("{BODY}记者来源：这只是正文里提到的词，版权所有的问题也在讨论之中，不代表任何立场。{BODY}{BODY}{BODY}");
        let d = run(&[
            BODY,
            &long,
            "该公司各种注册和资质手续均齐备，且网站也有ICP备案。",
        ]);
        assert_eq!(d.blocks.len(), 3);
    }

    #[test]
    fn a_header_block_above_a_rule_is_metadata() {
        let mut blocks = vec![
            RawBlock::line("原文来自某某日报：一篇文章".into()),
            RawBlock::line("作者：张三".into()),
            RawBlock::line("图片均来自网络".into()),
        ];
        blocks[0].links.push(crate::draft::Link {
            href: "https://example.cn/1".into(),
            text: "一篇文章".into(),
        });
        let mut body = RawBlock::line(BODY.into());
        body.after_rule = true;
        blocks.push(body);
        let mut draft = Draft {
            blocks,
            ..Draft::default()
        };
        strip(&mut draft, "", crate::date::TEST_RULES);
        assert_eq!(draft.blocks.len(), 1);
        assert_eq!(draft.source.as_deref(), Some("某某日报"));
        assert_eq!(draft.url.as_deref(), Some("https://example.cn/1"));
        assert_eq!(draft.removed.len(), 3);
    }

    #[test]
    fn spam_lines_and_parts_are_removed() {
        let d = run(&[BODY, "澳门新葡京官网注册送38元彩金", "警方破获一起网络赌博案件，涉案的赌博网站以百家乐等游戏吸引参赌人员，目前已有多人被抓获。"]);
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(
            removed(&d),
            vec![(RemovedKind::Spam, "澳门新葡京官网注册送38元彩金")]
        );
    }

    #[test]
    fn lead_tags() {
        let (tag, source, rest) =
            cut_lead_tag("【财新网】李闰苟家的年夜饭做了六道菜，很踏实。").unwrap();
        assert_eq!(
            (tag.as_str(), source.as_deref()),
            ("【财新网】", Some("财新网"))
        );
        assert_eq!(rest, "李闰苟家的年夜饭做了六道菜，很踏实。");
        let (_, source, rest) =
            cut_lead_tag("现代快报讯原北大中文系教授沈阳的事情引起关注。").unwrap();
        assert_eq!(source.as_deref(), Some("现代快报"));
        assert!(rest.starts_with("原北大"));
        assert_eq!(
            cut_lead_tag("本报讯昨天，会议召开，各方代表出席。")
                .unwrap()
                .1,
            None
        );
        assert!(cut_lead_tag("【编者按】这是一篇关于某事的文章，请读者注意。").is_none());
        assert!(cut_lead_tag("（德国之声中文网）多家港媒周二早上九时许报导。").is_some());
    }
}
