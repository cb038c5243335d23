//! Labelled chrome: single-line rules, each a kind, a bound on the line's
//! length and an anchored regular expression, for the chrome that names
//! itself (`版权所有`, `分享到`, `相关阅读`). Metadata lines (sources,
//! bylines, editors, dates) are read by [`crate::metaline`] instead.
//!
//! A rule applies only to lines no longer than its bound, so a paragraph
//! that merely mentions `版权所有` is kept.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use regex::{Captures, Regex};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

use super::profiles::PROFILES;
use crate::article::RemovedKind;

/// What a matched rule does besides removing the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Effect {
    None,
    /// Group `v` holds tags.
    Tags,
    /// The line starts a list of the rule's kind (`相关阅读`, `最新评论`).
    List,
}

pub(crate) struct Rule {
    pub kind: RemovedKind,
    pub re: Regex,
    max_chars: usize,
    pub effect: Effect,
}

fn rule(kind: RemovedKind, max_chars: usize, effect: Effect, pattern: &str) -> Rule {
    Rule {
        kind,
        re: Regex::new(pattern).expect("valid chrome regex"),
        max_chars,
        effect,
    }
}

/// The generic rules, for any Chinese portal.
fn generic_rules() -> &'static [Rule] {
    use Effect as E;
    use RemovedKind as K;
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        vec![
            rule(K::Contact, 80, E::None, r"^(?:监督|投稿|联系电话|电话|传真|邮箱|电子邮箱|E-?mail|邮件|联系方式|联系我们|地址|邮编|QQ|微信号?|热线|举报电话|客服电话|客服|商务合作|合作) *[：:]"),
            rule(K::Disclaimer, 150, E::None, r"不代表.{0,20}(?:立场|观点)|^免责声明|如有侵权|联系.{0,10}删除|不构成.{0,6}(?:投资)?建议|^[*（(]?(?:文中|文内)?(?:的)?(?:人名|人物)?均为化名"),
            rule(K::Disclaimer, 60, E::None, r"仅供参考"),
            rule(K::Disclaimer, 200, E::None, r"(?i)仅提供信息存储(?:空间)?服务|^notice: the content above|^(?:特别|平台)声明[：:]"),
            rule(K::Copyright, 200, E::None, r"(?i)版权所有|版权归.{0,20}所有|^版权声明|copyright|©|all rights reserved|ICP[备证]字?第? *[0-9]{4,}|公网安备 *[0-9]{6,}|未经.{0,15}(?:授权|许可|同意|允许).{0,10}(?:转载|复制|使用|镜像)|^(?:本文)?首发于|转载请(?:联系|注明|与)|请勿转载"),
            rule(K::Copyright, 200, E::None, r"违法和不良信息举报|不良信息举报(?:电话|邮箱|中心)|互联网新闻信息服务许可证|增值电信业务经营许可证|信息网络传播视听节目许可证|网络文化经营许可证|广播电视节目制作经营许可证|出版物经营许可证|网络出版服务许可证|药品信息服务资格证书"),
            rule(K::Comments, 60, E::List, r"^(?:最新评论|网友评论|热门评论|精彩评论|发表评论|我要评论|查看评论|评论区|全部评论|相关评论|网友留言) *[：:]? *(?:[(（]?[0-9]+[)）]?)?$"),
            rule(K::Comments, 120, E::None, r"您(?:所)?发(?:表)?的(?:评论|言论)|言论的后果负责|遵纪守法并注意语言文明|遵守互联网相关的政策法规|评论将在.{0,10}审核"),
            rule(K::Comments, 60, E::None, r"^(?:暂无评论|已有[0-9]+(?:条|人)(?:评论|参与)|[0-9]+条评论|评论 *[(（]?[0-9]*[)）]?$)|^网友(?:评论|留言)仅供"),
            rule(K::Ranking, 14, E::List, r"^(?:阅读榜|排行榜|点击榜|热榜|热读榜|人气榜|[^ ]{0,6}排行榜?) *[:：]?$"),
            rule(K::Related, 18, E::List, r"^[*【\[]*(?:[^ ，。]{0,8}相关[^ ，。]{0,2}(?:阅读|文章|新闻|推荐|链接|报道|资讯|专题|资料|内容|日志|博文|图集|视频|搜索)|推荐(?:阅读|文章|新闻)|热门(?:文章|推荐|新闻|资讯|阅读)|延伸阅读|扩展阅读|往期(?:回顾|推荐|精选)|猜你喜欢|你(?:可能)?还?(?:喜欢|感兴趣)|为[你您]推荐|更多(?:阅读|新闻|文章|精彩|报道)?|最新(?:文章|资讯|新闻|动态)|精彩(?:推荐|图片|专题)|热点(?:推荐|新闻)|.{1,8}的其他文章)[*】\]]* *[:：>»↓]*$"),
            rule(K::Share, 60, E::None, r"^分享(?:到|至)? *[：:]?|^(?:打印本页|关闭窗口|加入收藏|设为首页|字号 *[：:]|扫一扫|微信扫一扫|打开微信|扫码(?:订阅|关注)|长按(?:识别)?二维码|^(?:请|用手机)?扫(?:描|码|一扫)?.{0,8}二维码|(?:更多精彩内容|防失联)，?.{0,6}关注|^(?:转播到|转发到|推荐到|收藏到)|^(?:欢迎)?(?:关注|订阅)(?:我们的)?(?:微信)?(?:公众号|微信号|官方微博)|^[（(]?更多(?:内容|精彩|资讯|新闻).{0,30}关注)"),
            rule(K::Share, 60, E::None, r"【(?:打印|关闭窗口|关闭|收藏|推荐|纠错|大|中|小)】"),
            rule(K::Ad, 40, E::None, r"(?i)^(?:无需|免费|立即|点击|戳)?(?:下载|打开|安装)(?:[^ ]{0,8})?(?:客户端|APP)|APP内(?:阅读|打开|查看)|^客户端下载|尽在.{0,8}(?:APP|客户端)$"),
            rule(K::Nav, 60, E::None, r"^(?:上一篇|下一篇|前一篇|后一篇|上一页|下一页|上一条|下一条|上篇|下篇) *[：:]?|^(?:当前位置|您(?:现在)?的位置|所在位置) *[：:]|^(?:首页|主页) *[>›»/]|^(?:返回(?:首页|顶部|列表|目录|上一页|上级)?|回到顶部|文章详情|(?:点击)?阅读原文|点击(?:图片|查看|进入|下载|这里).{0,20}|(?:点击|点此)?进入.{1,16}(?:讨论|专题|频道|首页))$"),
            rule(K::Nav, 120, E::None, r"^(?:(?:首页|上一页|下一页|尾页|末页|[0-9]{1,4}|…|\.\.\.|<|>|«|») *){4,}$"),
            rule(K::Boilerplate, 40, E::None, r"^(?:正在加载|加载中|努力加载中)|^(?:[^ ]{0,4}通行证|用户名|密码|验证码)\s*[：:]|^(?:文档附件|附件下载|自动播放(?:开关)?(?:\s*自动播放)?)$|^(?:#[^#\s]{1,20}#\s*|@\S{1,20}\s*)+$"),
            rule(K::Boilerplate, 20, E::None, r"^[*\\\-—\s]*(?:END|End|end|完|全文完)[*\\\-—\s]*$|^[（(【\[]\s*(?:完|全文完)\s*[）)】\]]$"),
            rule(K::Metadata, 120, E::Tags, r"^(?:本文)?(?:标签|关键词|关键字|话题标签|(?i:tags?)) *[：:] *(?P<v>.*)$"),
            rule(K::Metadata, 120, E::None, r"^[（(]?原标题 *[：:]"),
        ]
    })
}

/// A site profile, compiled.
pub(crate) struct CompiledProfile {
    pub name: &'static str,
    rules: Vec<Rule>,
}

/// The profiles, and one search for all their markers: which marker matched
/// (by index into `markers`), and which profile it belongs to.
struct Profiles {
    profiles: Vec<CompiledProfile>,
    markers: Vec<(&'static str, usize)>,
    search: Regex,
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
        let search = Regex::new(&alternation).expect("valid marker regex");
        Profiles {
            profiles,
            markers,
            search,
        }
    })
}

/// The site profile whose marker occurs in `document`, with the marker.
pub(crate) fn find_profile(document: &str) -> Option<(&'static CompiledProfile, &'static str)> {
    let profiles = compiled_profiles();
    let m = profiles.search.find(document)?;
    let &(marker, i) = profiles
        .markers
        .iter()
        .find(|(text, _)| *text == m.as_str())?;
    Some((&profiles.profiles[i], marker))
}

/// No rule applies to a line longer than this.
const LONGEST_CHROME_CHARS: usize = 300;

/// A literal prefilter for the generic rules: it tells which rules can
/// match a line, and only those run.
///
/// - A rule anchored at the start of the line, with a finite set of
///   literals its matches start with (extracted by regex-syntax), can match
///   only when the line starts with one: those literals are looked up by the
///   line's first character.
/// - Any other rule needs one of its literals somewhere in the line: the
///   literals its matches start with, or else literals every match holds
///   (`排行` or `榜` for a ranking heading). One search of the line finds
///   them all.
/// - A rule with no such literals always runs.
///
/// Literals are compared without ASCII case: a few more candidates, and
/// one literal for all the spellings of `(?i)copyright`.
///
/// The same search looks for the spam vocabulary's strong terms, which every
/// block is asked about first: one pass over a block answers both.
struct Prefilter {
    /// Every occurrence of every literal, overlapping ones included, as the
    /// states of a DFA the scan steps through itself: no match is reported
    /// one by one, the owners of the states reached are or-ed together.
    search: DFA,
    /// The rules (and [`SPAM_BIT`]) each literal of `search` stands for.
    owners: Vec<u64>,
    /// The literals of the anchored rules (ASCII lower case) by their first
    /// character, each with its rule. A B-tree: asked once per block, a few
    /// comparisons cost less than hashing the character.
    anchored: BTreeMap<char, Vec<(Vec<u8>, usize)>>,
    /// Rules without literals.
    always: u64,
    /// The longest searched literal, in bytes.
    longest: usize,
}

/// The literals every match of `hir` starts with; `None` when there is no
/// finite set of them, or an empty one among them.
fn prefix_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix);
    let mut seq = extractor.extract(hir);
    // Whole words, not the four-byte stubs a prefilter of regex would keep:
    // `不代表`, not `不` and a byte, which half the lines of a text hold.
    seq.minimize_by_preference();
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.is_empty()) {
        return None;
    }
    Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// Literals one of which every match of `hir` holds somewhere; `None` when
/// there is no such set. Of a sequence, the part whose literals are the
/// longest (then the fewest) stands for it.
fn required_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(literal) => Some(vec![literal.0.to_vec()]),
        HirKind::Capture(capture) => required_literals(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => {
            required_literals(&repetition.sub)
        }
        HirKind::Concat(parts) => parts
            .iter()
            .filter_map(required_literals)
            .max_by_key(|set| {
                let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
                (shortest, std::cmp::Reverse(set.len()))
            }),
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(required_literals(branch)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// Searched literals are cut to this many characters: a word's start is as
/// rare as the word, and the automaton is built in a fraction of the time.
const SEARCH_PREFIX_CHARS: usize = 4;

/// The first [`SEARCH_PREFIX_CHARS`] characters of a literal (all of it when
/// it is shorter, or not UTF-8 there).
fn search_prefix(literal: &[u8]) -> &[u8] {
    match std::str::from_utf8(literal) {
        Ok(text) => match text.char_indices().nth(SEARCH_PREFIX_CHARS) {
            Some((end, _)) => &literal[..end],
            None => literal,
        },
        Err(_) => literal,
    }
}

/// The first character of a literal, when the literal holds it whole.
fn first_char(literal: &[u8]) -> Option<char> {
    literal.utf8_chunks().next()?.valid().chars().next()
}

fn prefilter() -> &'static Prefilter {
    static PREFILTER: OnceLock<Prefilter> = OnceLock::new();
    PREFILTER.get_or_init(|| {
        let rules = generic_rules();
        assert!(
            rules.len() < SPAM_BIT,
            "the prefilter keeps rules and spam in a u64"
        );
        // Each searched literal with the rules it stands for.
        let mut searched: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
        let mut search_for = |literal: &[u8], bit: usize| {
            *searched.entry(search_prefix(literal).to_vec()).or_default() |= 1 << bit;
        };
        let mut anchored: BTreeMap<char, Vec<(Vec<u8>, usize)>> = BTreeMap::new();
        let mut always = 0u64;
        for (i, rule) in rules.iter().enumerate() {
            let hir = regex_syntax::parse(rule.re.as_str()).expect("a valid rule");
            let at_start = hir.properties().look_set_prefix().contains(Look::Start);
            let lowered = |set: Vec<Vec<u8>>| {
                let mut set: Vec<Vec<u8>> = set.iter().map(|l| l.to_ascii_lowercase()).collect();
                set.sort();
                set.dedup();
                set
            };
            match prefix_literals(&hir).map(lowered) {
                Some(found) if at_start && found.iter().all(|l| first_char(l).is_some()) => {
                    for literal in found {
                        let first = first_char(&literal).expect("checked above");
                        anchored.entry(first).or_default().push((literal, i));
                    }
                }
                found => match found.or_else(|| required_literals(&hir).map(lowered)) {
                    Some(found) => found.iter().for_each(|l| search_for(l, i)),
                    None => always |= 1 << i,
                },
            }
        }
        for term in crate::spam::strong_terms() {
            search_for(term.to_ascii_lowercase().as_bytes(), SPAM_BIT);
        }
        let (literals, owners): (Vec<Vec<u8>>, Vec<u64>) = searched.into_iter().unzip();
        let longest = literals.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let search = DFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(&literals)
            .expect("valid literals");
        Prefilter {
            search,
            owners,
            anchored,
            always,
            longest,
        }
    })
}

/// A block is scanned as [`SCAN_PARTS`] parts when each is this long at
/// least (and no shorter than the longest literal).
const SPLIT_SCAN_BYTES: usize = 16;
const SCAN_PARTS: usize = 3;

/// The bit of [`Scan`] that says a strong spam term was seen.
const SPAM_BIT: usize = 63;

/// What the prefilter saw in a block: the rules that can match it, and
/// whether it holds a strong spam term.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scan(u64);

impl Scan {
    /// May the block hold a term of the spam vocabulary (not a weak one)? It
    /// holds the start of one. When not, [`crate::spam::cut`] finds nothing.
    pub(crate) fn mentions_spam(self) -> bool {
        self.0 & (1 << SPAM_BIT) != 0
    }
}

/// Scan a block for the literals of the rules and the spam vocabulary.
pub(crate) fn scan(text: &str) -> Scan {
    Scan(prefilter().candidates(text))
}

impl Prefilter {
    /// The rules (a bit each) that can match `text`, and [`SPAM_BIT`].
    fn candidates(&self, text: &str) -> u64 {
        let mut found = self.always;
        let first = text.chars().next().map(|c| c.to_ascii_lowercase());
        if let Some(starting) = first.and_then(|c| self.anchored.get(&c)) {
            for (literal, rule) in starting {
                if text
                    .as_bytes()
                    .get(..literal.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(literal))
                {
                    found |= 1 << rule;
                }
            }
        }
        let start = self
            .search
            .start_state(Anchored::No)
            .expect("an unanchored DFA");
        let bytes = text.as_bytes();
        // Each step waits for the state before it: a longer block is cut
        // into parts stepped side by side, whose waits the processor
        // overlaps (a third less time than one walk on this machine).
        if bytes.len() < SCAN_PARTS * SPLIT_SCAN_BYTES.max(self.longest) {
            found | self.scan_whole(bytes, start)
        } else {
            found | self.scan_split::<SCAN_PARTS>(bytes, start)
        }
    }

    /// The owners of the literals in `bytes`, stepped byte after byte.
    fn scan_whole(&self, bytes: &[u8], start: StateID) -> u64 {
        let (mut sid, mut found) = (start, 0);
        for &b in bytes {
            sid = self.step(sid, b, &mut found);
        }
        found
    }

    /// [`Self::scan_whole`], stepping `N` parts of `bytes` side by side.
    /// Each part but the last runs on into the next by a literal's length
    /// but one, so that every literal starting in it ends in it.
    fn scan_split<const N: usize>(&self, bytes: &[u8], start: StateID) -> u64 {
        let part = bytes.len() / N;
        let overlap = self.longest - 1;
        let parts: [&[u8]; N] = std::array::from_fn(|k| {
            let end = if k + 1 == N {
                bytes.len()
            } else {
                (k + 1) * part + overlap
            };
            &bytes[k * part..end.min(bytes.len())]
        });
        let common = parts.iter().map(|p| p.len()).min().unwrap_or(0);
        let mut sids = [start; N];
        let mut found = [0u64; N];
        for i in 0..common {
            for ((sid, found), part) in sids.iter_mut().zip(&mut found).zip(&parts) {
                *sid = self.step(*sid, part[i], found);
            }
        }
        for ((sid, found), part) in sids.iter_mut().zip(&mut found).zip(&parts) {
            for &b in &part[common..] {
                *sid = self.step(*sid, b, found);
            }
        }
        found.iter().fold(0, |a, b| a | b)
    }

    /// One byte of the scan: the next state, and the owners of its matches
    /// added to `found`.
    #[inline(always)]
    fn step(&self, sid: StateID, b: u8, found: &mut u64) -> StateID {
        let dfa = &self.search;
        let sid = dfa.next_state(Anchored::No, sid, b);
        if dfa.is_match(sid) {
            for i in 0..dfa.match_len(sid) {
                *found |= self.owners[dfa.match_pattern(sid, i).as_usize()];
            }
        }
        sid
    }
}

/// The first rule that matches the line (the profile's first), with its
/// captures.
pub(crate) fn matching<'t>(
    text: &'t str,
    profile: Option<&'static CompiledProfile>,
) -> Option<(&'static Rule, Captures<'t>)> {
    // A cheap bound first: a char is at most 4 bytes.
    if text.len() > LONGEST_CHROME_CHARS * 4 {
        return None;
    }
    matching_scanned(text, text.chars().count(), profile, None)
}

/// [`matching`], given the line's length in characters, and its [`scan`]
/// when the caller has it.
pub(crate) fn matching_scanned<'t>(
    text: &'t str,
    chars: usize,
    profile: Option<&'static CompiledProfile>,
    scanned: Option<Scan>,
) -> Option<(&'static Rule, Captures<'t>)> {
    if chars > LONGEST_CHROME_CHARS {
        return None;
    }
    let short_enough = |r: &&Rule| chars <= r.max_chars;
    if let Some(found) = profile
        .map_or(&[][..], |p| &p.rules[..])
        .iter()
        .filter(short_enough)
        .find_map(|r| r.re.captures(text).map(|c| (r, c)))
    {
        return Some(found);
    }
    let candidates = scanned.unwrap_or_else(|| scan(text)).0;
    // Most candidates do not match: the cheaper question first.
    generic_rules()
        .iter()
        .enumerate()
        .filter(|&(i, r)| candidates & (1 << i) != 0 && short_enough(&r))
        .find(|(_, r)| r.re.is_match(text))
        .and_then(|(_, r)| r.re.captures(text).map(|c| (r, c)))
}

/// Is the line chrome by itself (without context)? Used to find a title.
pub(crate) fn is_header_chrome(line: &str) -> bool {
    matching(line, None).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cutting a block into parts finds what one walk over it finds: on
    /// every line of the fixtures, each turned around at every character so
    /// that its chrome words and spam terms cross the cuts.
    #[test]
    fn split_scan_finds_what_one_walk_finds() {
        let p = prefilter();
        let start = p.search.start_state(Anchored::No).expect("unanchored");
        let mut texts = String::new();
        for entry in std::fs::read_dir("fixtures").expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.is_file() && !path.to_string_lossy().ends_with(".json") {
                texts.push_str(&std::fs::read_to_string(path).expect("a UTF-8 fixture"));
            }
        }
        texts.push_str(
            "\n责任编辑：张三 版权所有 本文来源：新华网 澳门新葡京 免责声明：不代表本网立场\n",
        );
        let (mut lines, mut found) = (0, 0u64);
        let long_enough = |l: &&str| (SCAN_PARTS * p.longest..2000).contains(&l.len());
        for line in texts.lines().filter(long_enough).take(600) {
            lines += 1;
            for (k, _) in line.char_indices() {
                let turned = format!("{}{}", &line[k..], &line[..k]);
                let whole = p.scan_whole(turned.as_bytes(), start);
                found |= whole;
                assert_eq!(
                    p.scan_split::<SCAN_PARTS>(turned.as_bytes(), start),
                    whole,
                    "{turned}"
                );
                assert_eq!(
                    p.scan_split::<2>(turned.as_bytes(), start),
                    whole,
                    "{turned}"
                );
            }
        }
        assert!(lines > 50, "{lines} lines");
        assert!(
            found.count_ones() > 5,
            "the lines hold literals of several rules"
        );
    }

    fn required(pattern: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::parse(pattern).expect("a valid pattern");
        required_literals(&hir).map(|set| {
            set.into_iter()
                .map(|l| String::from_utf8(l).expect("UTF-8"))
                .collect()
        })
    }

    #[test]
    fn required_literals_of_a_pattern() {
        assert_eq!(
            required(r"^(?:阅读榜|[^ ]{0,6}排行榜?) *$"),
            Some(vec!["阅读榜".to_string(), "排行".to_string()])
        );
        // Of a sequence, the longer literals stand for it.
        assert_eq!(
            required(r"你(?:可能)?还?(?:喜欢|感兴趣)"),
            Some(vec!["喜欢".to_string(), "感兴趣".to_string()])
        );
        assert_eq!(required(r"(?:@\S{1,20}\s*)+$"), Some(vec!["@".to_string()]));
        // A branch that needs nothing: no set.
        assert_eq!(required(r"完|[0-9]+"), None);
        assert_eq!(required(r"(?:版权)?所有"), Some(vec!["所有".to_string()]));
    }

    /// Every rule that matches a line of the fixtures is among the line's
    /// candidates.
    #[test]
    fn the_prefilter_keeps_every_matching_rule() {
        let mut lines: Vec<String> = Vec::new();
        // The text documents and the renderings of pages to text.
        for dir in ["fixtures", "fixtures/rendered"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(dir).expect("fixtures") {
                let path = entry.expect("an entry").path();
                if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    lines.extend(text.lines().map(|l| l.trim().to_string()));
                }
            }
        }
        // Case and position: what the literals are looked up by.
        lines.extend(
            [
                "COPYRIGHT 2024",
                "Tags: 新闻",
                "tags：a",
                "阅读排行",
                "END",
                "@张三 @李四",
                "（完）",
            ]
            .map(String::from),
        );
        lines.extend(["澳门新葡京官网注册送38元彩金", "BT365手机下载"].map(String::from));
        // Where the spam vocabulary's own gate sees a term, so does the scan.
        let mut spam = 0;
        for line in lines.iter().filter(|l| crate::spam::mentions(l)) {
            spam += 1;
            assert!(scan(line).mentions_spam(), "{line:?}");
        }
        assert!(spam >= 2, "only {spam} lines with spam terms");
        let mut matched = 0;
        for line in lines
            .iter()
            .filter(|l| l.chars().count() <= LONGEST_CHROME_CHARS)
        {
            let candidates = prefilter().candidates(line);
            for (i, rule) in generic_rules().iter().enumerate() {
                if rule.re.is_match(line) {
                    matched += 1;
                    assert!(candidates & (1 << i) != 0, "rule {i} matches {line:?}");
                }
            }
        }
        assert!(
            matched > 50,
            "only {matched} matches: the fixtures are missing"
        );
    }
}
