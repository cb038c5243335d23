//! Site chrome: lines of a page that are not the article. Each removed block
//! is recorded with its kind.
//!
//! Two layers: [`profiles`] for known sites, then generic rules for the same
//! kinds of chrome on any Chinese portal. Rules look at one block at a time,
//! with three pieces of context:
//! - lists: a marker line (`阅读榜`, `相关阅读`, `最新评论`) after the body has
//!   started removes the short lines that follow it, until a line that looks
//!   like body text (that line is kept, with a warning);
//! - runs of headlines that end with a date are a related-articles list;
//! - a line holding only a date or time in the body (the decoders have read
//!   the publication date from the head already) is a page timestamp.
//!
//! A rule only applies to lines short enough to be chrome (each rule has its
//! own bound), so body paragraphs that quote such words are kept.

mod profiles;

use std::sync::OnceLock;

use regex::Regex;

use crate::article::RemovedKind;
use crate::date::{self, DateRules};
use crate::formats::{Draft, Field, RawBlock};
use profiles::PROFILES;

/// What a matched rule does besides removing the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    None,
    /// Group `v` names the source publication.
    Source,
    /// The line credits people; `role` is the group naming the role.
    People,
    /// Group `v` holds tags.
    Tags,
    /// The line starts a list of the rule's kind.
    List,
}

struct Rule {
    kind: RemovedKind,
    re: Regex,
    max_chars: usize,
    effect: Effect,
}

fn rule(kind: RemovedKind, max_chars: usize, effect: Effect, pattern: &str) -> Rule {
    Rule {
        kind,
        re: Regex::new(pattern).expect("valid chrome regex"),
        max_chars,
        effect,
    }
}

fn generic_rules() -> &'static [Rule] {
    use Effect as E;
    use RemovedKind as K;
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        vec![
            rule(K::SourceLine, 80, E::Source, r"^[（(【\[]? *(?:文章|新闻|信息|稿件|内容|本文|消息)?来源(?:于)? *[：:] *(?P<v>[^）)】\]]+?) *[）)】\]]?$"),
            rule(K::SourceLine, 80, E::Source, r"^[（(【\[]? *出处 *[：:] *(?P<v>[^）)】\]]+?) *[）)】\]]?$"),
            rule(K::SourceLine, 120, E::Source, r"^原文(?:来自|出自|转自|载于) *[：:]? *[「“《] *(?P<v>[^」”》]+?) *[」”》]"),
            rule(K::SourceLine, 80, E::Source, r"^(?:本文)?转载?自 *[：:]? *(?P<v>[^ ].*)$"),
            rule(K::Caption, 60, E::None, r"^[（(]?(?:图片来源|图片来自|图片由|图源|图为|图片为|图 *[：:]|▲|△)"),
            rule(K::Editor, 60, E::People, r"^[【\[(（]? *(?P<role>责任编辑|责编|值班编辑|网络编辑|编辑|主编|审核|审校|校对|终审|初审|复审|编审|美编|监制|统筹) *[：:｜|/] *(?P<v>.*?) *[】\])）]?$"),
            rule(K::Byline, 40, E::People, r"^(?P<role>作者|撰文|撰稿|文、图|图、文|文/图|图/文|文|图|记者|通讯员|摄影) *[：:｜|/] *(?P<v>[^ ].*)$"),
            rule(K::Contact, 80, E::None, r"^(?:监督|投稿|联系电话|电话|传真|邮箱|电子邮箱|E-?mail|邮件|联系方式|联系我们|地址|邮编|QQ|微信号?|热线|举报电话|客服电话|客服|商务合作|合作) *[：:]"),
            rule(K::Disclaimer, 150, E::None, r"不代表.{0,20}(?:立场|观点)|^免责声明|如有侵权|联系.{0,10}删除|不构成.{0,6}(?:投资)?建议"),
            rule(K::Disclaimer, 60, E::None, r"仅供参考"),
            rule(K::Copyright, 200, E::None, r"(?i)版权所有|版权归.{0,20}所有|copyright|©|all rights reserved|ICP[备证]字?第? *[0-9]{4,}|公网安备 *[0-9]{6,}|未经.{0,15}(?:授权|许可|同意).{0,10}(?:转载|复制|使用|镜像)"),
            rule(K::Comments, 60, E::List, r"^(?:最新评论|网友评论|热门评论|精彩评论|发表评论|我要评论|查看评论|评论区|全部评论|相关评论|网友留言) *[：:]? *(?:[(（]?[0-9]+[)）]?)?$"),
            rule(K::Comments, 60, E::None, r"^(?:暂无评论|已有[0-9]+(?:条|人)(?:评论|参与)|[0-9]+条评论|评论 *[(（]?[0-9]*[)）]?$)|^网友(?:评论|留言)仅供"),
            rule(K::Ranking, 14, E::List, r"^(?:阅读榜|排行榜|点击榜|热榜|热读榜|人气榜|[^ ]{0,6}排行榜?) *[:：]?$"),
            rule(K::Related, 18, E::List, r"^(?:相关(?:阅读|文章|新闻|推荐|链接|报道|资讯)|推荐(?:阅读|文章|新闻)|热门(?:文章|推荐|新闻|资讯|阅读)|延伸阅读|猜你喜欢|你(?:可能)?还?(?:喜欢|感兴趣)|为[你您]推荐|更多(?:阅读|新闻|文章|精彩)?|最新(?:文章|资讯|新闻|动态)|精彩(?:推荐|图片|专题)|热点(?:推荐|新闻)|.{1,8}的其他文章) *[:：>»]*$"),
            rule(K::Share, 60, E::None, r"^分享(?:到|至)? *[：:]?|^(?:打印本页|关闭窗口|加入收藏|设为首页|字号 *[：:]|扫一扫|微信扫一扫|打开微信)"),
            rule(K::Share, 60, E::None, r"【(?:打印|关闭窗口|关闭|收藏|推荐|纠错|大|中|小)】"),
            rule(K::Nav, 60, E::None, r"^(?:上一篇|下一篇|上一页|下一页|上一条|下一条) *[：:]?|^(?:当前位置|您(?:现在)?的位置|所在位置) *[：:]|^(?:首页|主页) *[>›»/]|^(?:返回(?:首页|顶部|列表|目录|上一页|上级)?|回到顶部|文章详情|点击(?:图片|查看|进入|下载|这里).{0,20})$"),
            rule(K::Nav, 120, E::None, r"^(?:(?:首页|上一页|下一页|尾页|末页|[0-9]{1,4}|…|\.\.\.|<|>|«|») *){4,}$"),
            rule(K::Metadata, 120, E::Tags, r"^(?:本文)?(?:标签|关键词|关键字|话题标签|(?i:tags?)) *[：:] *(?P<v>.*)$"),
        ]
    })
}

struct CompiledProfile {
    name: &'static str,
    rules: Vec<Rule>,
}

/// The profiles, and one search for all their markers: which marker matched
/// (by index into `markers`), and which profile it belongs to.
struct Profiles {
    profiles: Vec<CompiledProfile>,
    markers: Vec<(&'static str, usize)>,
    search: regex::Regex,
}

fn compiled_profiles() -> &'static Profiles {
    static PROFILES_RE: OnceLock<Profiles> = OnceLock::new();
    PROFILES_RE.get_or_init(|| {
        let profiles = PROFILES
            .iter()
            .map(|p| CompiledProfile {
                name: p.name,
                rules: p
                    .rules
                    .iter()
                    .map(|&(kind, pattern)| {
                        let effect = match kind {
                            RemovedKind::Ranking | RemovedKind::Related | RemovedKind::Comments => {
                                Effect::List
                            }
                            RemovedKind::Editor => Effect::People,
                            _ => Effect::None,
                        };
                        rule(kind, 300, effect, pattern)
                    })
                    .collect(),
            })
            .collect();
        let markers: Vec<(&'static str, usize)> = PROFILES
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.markers.iter().map(move |&m| (m, i)))
            .collect();
        let alternation = markers
            .iter()
            .map(|(m, _)| regex::escape(m))
            .collect::<Vec<_>>()
            .join("|");
        let search = regex::Regex::new(&alternation).expect("valid marker regex");
        Profiles {
            profiles,
            markers,
            search,
        }
    })
}

fn misc_patterns() -> &'static [Regex; 4] {
    static RE: OnceLock<[Regex; 4]> = OnceLock::new();
    RE.get_or_init(|| {
        [
            // A bare link, as Markdown autolinks print it: `<http://…>`, or `<>`.
            Regex::new(r"^<?(?:(?:https?:)?//[^ ]*)?>?$").expect("valid regex"),
            // A bare time such as `28 16:39` (day and time).
            Regex::new(r"^[0-9]{1,2} +[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?$").expect("valid regex"),
            // A headline ending with a date: one item of a list of articles.
            Regex::new(r"^.{4,70}? *(?:(?:19|20)[0-9]{2}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?|[0-9]{1,2}[-/][0-9]{1,2})(?: +[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$").expect("valid regex"),
            // The site name in a disclaimer: 不代表水泥网立场.
            Regex::new(r"不代表(?P<site>[^，。, ]{2,12}?(?:网|站|报|平台))(?:的)?(?:立场|观点)").expect("valid regex"),
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

/// Is the line a bare time such as `28 16:39` (a day and a time)?
pub(crate) fn is_bare_time(line: &str) -> bool {
    misc_patterns()[1].is_match(line)
}

/// Is the line chrome by itself (without context)? Used to find a title.
pub(crate) fn is_header_chrome(line: &str) -> bool {
    classify(line, &[]).is_some()
}

/// No rule applies to a line longer than this.
const LONGEST_CHROME_CHARS: usize = 300;

/// Lines up to this many characters are checked against every rule; longer
/// ones only against the rules whose bound allows them.
const SHORT_LINE_CHARS: usize = 80;

/// The generic rules as two sets, for short lines (all rules) and for longer
/// ones (the few rules with a larger bound): one pass tells which rules match.
/// Each set lists rule indexes into [`generic_rules`].
fn generic_sets() -> &'static [(regex::RegexSet, Vec<usize>); 2] {
    static SETS: OnceLock<[(regex::RegexSet, Vec<usize>); 2]> = OnceLock::new();
    SETS.get_or_init(|| {
        let rules = generic_rules();
        let set = |keep: &dyn Fn(&Rule) -> bool| {
            let indexes: Vec<usize> = (0..rules.len()).filter(|&i| keep(&rules[i])).collect();
            let set = regex::RegexSet::new(indexes.iter().map(|&i| rules[i].re.as_str()))
                .expect("valid chrome regexes");
            (set, indexes)
        };
        [set(&|_| true), set(&|r| r.max_chars > SHORT_LINE_CHARS)]
    })
}

/// The single-line rules: the first that matches, with its captures.
fn classify<'r, 't>(
    text: &'t str,
    profile_rules: &'r [Rule],
) -> Option<(&'r Rule, regex::Captures<'t>)> {
    // A cheap bound first: a char is at most 4 bytes.
    if text.len() > LONGEST_CHROME_CHARS * 4 {
        return None;
    }
    let chars = text.chars().count();
    if chars > LONGEST_CHROME_CHARS {
        return None;
    }
    let short_enough = |r: &&Rule| chars <= r.max_chars;
    if let Some(found) = profile_rules
        .iter()
        .filter(short_enough)
        .find_map(|r| r.re.captures(text).map(|c| (r, c)))
    {
        return Some(found);
    }
    let (set, indexes) = &generic_sets()[usize::from(chars > SHORT_LINE_CHARS)];
    let matched = set.matches(text);
    if !matched.matched_any() {
        return None;
    }
    let rules = generic_rules();
    matched
        .iter()
        .map(|i| &rules[indexes[i]])
        .filter(short_enough)
        .find_map(|r| r.re.captures(text).map(|c| (r, c)))
}

/// A block that is long enough, or ends like a sentence, to count as body text.
fn is_body_like(text: &str) -> bool {
    text.chars().count() > 60 || text.ends_with('。')
}

/// Remove chrome from `draft.blocks`, recording each removed block.
pub(crate) fn strip(draft: &mut Draft, document: &str, rules: DateRules) {
    let profiles = compiled_profiles();
    let profile = profiles.search.find(document).and_then(|m| {
        let &(marker, i) = profiles
            .markers
            .iter()
            .find(|(text, _)| *text == m.as_str())?;
        Some((&profiles.profiles[i], marker))
    });
    if let Some((p, marker)) = profile {
        draft.set(
            Field::Site,
            p.name,
            format!("site profile {} (marker `{marker}`)", p.name),
        );
    }
    let profile_rules: &[Rule] = profile.map_or(&[], |(p, _)| &p.rules);
    let [bare_link, bare_time, dated_headline, site_in_disclaimer] = misc_patterns();

    // Rules read text as the output will show it: markup left in a line goes first.
    let mut blocks = std::mem::take(&mut draft.blocks);
    for block in &mut blocks {
        block.text =
            crate::html::strip_markup(std::mem::take(&mut block.text), &mut draft.warnings);
    }
    blocks.retain(|b| !b.text.is_empty());
    let dated: Vec<bool> = blocks
        .iter()
        .map(|b| {
            b.text.ends_with(|c: char| c.is_ascii_digit())
                && b.text.len() <= 90 * 4
                && b.text.chars().count() <= 90
                && dated_headline.is_match(&b.text)
        })
        .collect();
    let mut body_started = false;
    let mut list: Option<RemovedKind> = None;
    let mut kept: Vec<RawBlock> = Vec::with_capacity(blocks.len());

    for (i, block) in blocks.into_iter().enumerate() {
        let text = block.text.as_str();
        // A date or meta line opening the body (or after one short line) is
        // metadata, as it would be under the title of a line-based page.
        let opening = match kept.as_slice() {
            [] => true,
            [first] => crate::formats::lines::is_short_aside(&first.text),
            _ => false,
        };
        if opening && crate::formats::lines::read_meta_line(draft, "top of the body", text, rules) {
            continue;
        }
        let verdict: Option<RemovedKind> = if let Some((rule, caps)) = classify(text, profile_rules)
        {
            match rule.effect {
                Effect::Source => {
                    let value = caps.name("v").map_or("", |m| m.as_str());
                    let value = value.split(['|', '｜']).next().unwrap_or("").trim();
                    draft.set(Field::Source, value, format!("source line `{text}`"));
                    // The original's address is the link on the source name
                    // itself, not a link on a word inside it.
                    if let Some(link) = block
                        .links
                        .iter()
                        .find(|l| l.href.starts_with("http") && l.text == value)
                    {
                        draft.set(
                            Field::Url,
                            &link.href,
                            format!("link in source line `{text}`"),
                        );
                    }
                }
                Effect::People => {
                    // Several credits may share the line: `编辑：X 校对：Y`.
                    let role = caps.name("role").map_or("编辑", |m| m.as_str());
                    let role = match role {
                        "图" => "摄影",
                        "文" | "撰文" | "撰稿" | "文、图" | "图、文" | "文/图" | "图/文" => {
                            "作者"
                        }
                        other => other,
                    };
                    let value = caps.name("v").map_or("", |m| m.as_str());
                    match crate::byline::parse_people(value, role) {
                        Some(people) => {
                            for (name, role) in people {
                                draft.add_author(&name, &role, &format!("credit line `{text}`"));
                            }
                        }
                        None if !value.is_empty() => {
                            draft.warnings.push(format!(
                                "credit line `{text}` removed, but its names could not be read"
                            ));
                        }
                        None => {}
                    }
                }
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
        } else if text.len() <= 40
            && text.starts_with(|c: char| c.is_ascii_digit())
            && (date::parse_line(text, rules).is_some() || bare_time.is_match(text))
        {
            Some(RemovedKind::Timestamp)
        } else if let Some(kind) =
            list.filter(|_| text.chars().count() <= 60 && !text.ends_with('。'))
        {
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
            Some(kind) => draft.remove(kind, block.text),
            None => {
                if let Some(kind) = list.take() {
                    draft.warnings.push(format!(
                        "kept a paragraph that follows a {} list; check whether it is page chrome: `{}`",
                        kind_name(kind),
                        text.chars().take(30).collect::<String>()
                    ));
                }
                body_started |= is_body_like(text);
                kept.push(block);
            }
        }
    }
    draft.blocks = kept;
}

fn kind_name(kind: RemovedKind) -> &'static str {
    match kind {
        RemovedKind::Ranking => "ranking",
        RemovedKind::Comments => "comments",
        _ => "related-articles",
    }
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
            "上一篇：另一篇文章",
            "首页 上一页 5 6 7 8 尾页",
            "2024-12-28 17:40:45",
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
                K::Nav,
                K::Nav,
                K::Timestamp
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
                (RemovedKind::Caption, "图片来源：霍尼韦尔官网"),
                (RemovedKind::Byline, "图/记者 张三"),
                (RemovedKind::Byline, "文 | 李四")
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
        let d = run(&["热门文章", "小标题", BODY]);
        assert_eq!(d.blocks.len(), 2);
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
}
