//! The five founding documents, checked field by field against what the
//! project was created to produce.

use zhclean::{Article, BlockKind, Format, Script};

fn clean(name: &str) -> Article {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    zhclean::clean(&std::fs::read(path).expect("seed fixture")).expect("seed cleans")
}

fn headings(a: &Article) -> Vec<&str> {
    a.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect()
}

fn authors(a: &Article) -> Vec<(&str, &str)> {
    a.authors
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_str()))
        .collect()
}

/// No output text contains HTML tags, source lines, nav words or footer URLs.
fn assert_clean_text(a: &Article) {
    for text in std::iter::once(&a.title).chain(a.blocks.iter().map(|b| &b.text)) {
        assert!(
            !text.contains('<') && !text.contains('>'),
            "markup in {text:?}"
        );
        for junk in [
            "文章来源",
            "返回首页",
            "finews.withounder.com",
            "finews.zning.xyz",
        ] {
            assert!(!text.contains(junk), "{junk:?} in {text:?}");
        }
    }
}

#[test]
fn seed_000_jekyll() {
    let a = clean("000_e5b9b37c1305846f.txt");
    assert_eq!(a.format, Format::Jekyll);
    assert_eq!(a.title, "敢对群众负责 群众才会满意");
    assert_eq!(a.published.as_deref(), Some("2022-02-10T13:30:46+08:00"));
    assert_eq!(a.source.as_deref(), Some("中国劳动保障报"));
    assert_eq!(
        a.url.as_deref(),
        Some("http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202202102272461632")
    );
    assert_eq!(a.categories, vec!["zhongguolaodongbaozhangbao"]);
    assert_eq!(a.tags, vec!["中国劳动保障报新闻"]);
    assert_eq!(a.blocks.len(), 5);
    assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    assert!(a.blocks[4]
        .text
        .ends_with("把服务群众的每一项工作做到极致。"));
    assert_clean_text(&a);
}

#[test]
fn seed_001_jekyll_with_byline_and_headings() {
    let a = clean("001_7bd8552e9e82ce88.txt");
    assert_eq!(a.title, "交好民生服务“暖心账”");
    assert_eq!(a.published.as_deref(), Some("2021-12-28T08:01:54+08:00"));
    assert_eq!(a.source.as_deref(), Some("十堰晚报"));
    assert_eq!(authors(&a), vec![("李强", "记者"), ("赵弘然", "通讯员")]);
    assert_eq!(
        headings(&a),
        vec![
            "争分夺秒跑出系统上线“加速度”",
            "精细化服务让企业更有“满足感”",
            "执着坚守交好民生保障的“暖心账”"
        ]
    );
    assert!(
        !a.text.contains("李强"),
        "the byline is removed from the text"
    );
    assert!(a.text.contains("（简称“省集中系统”）"));
    assert_clean_text(&a);
}

#[test]
fn seed_002_plain_dated() {
    let a = clean("002_da712be07d0e96ed.txt");
    assert_eq!(a.format, Format::PlainDated);
    assert_eq!(
        a.title,
        "群众至上，民生之路踏歌行——衡南县人社局优质服务窗口创建纪实"
    );
    assert_eq!(a.published.as_deref(), Some("2015-12-03T15:01:00+08:00"));
    let h = headings(&a);
    assert_eq!(h.len(), 3);
    for (heading, start) in h
        .iter()
        .zip(["把群众诉求视为", "把群众受益作为", "把群众满意定为"])
    {
        assert!(heading.starts_with(start), "{heading}");
    }
    assert!(a.text.contains("把人民群众放在最高最重要的位置，怀揣着"));
    assert!(
        !a.text.contains(','),
        "half-width commas next to Han become full-width"
    );
    assert!(a.text.contains("4325人"));
    assert_clean_text(&a);
}

#[test]
fn seed_003_traditional_portal_with_chrome() {
    let a = clean("003_bf7443872bccec58.txt");
    assert_eq!(a.format, Format::Portal);
    assert_eq!(a.script, Script::Traditional);
    assert_eq!(a.title, "坚持“五种服务” 提升群众满意");
    assert_eq!(a.published.as_deref(), Some("2014-09-17T13:31:00+08:00"));
    assert_eq!(a.source.as_deref(), Some("中国劳动保障新闻网"));
    assert_eq!(a.site.as_deref(), Some("水泥网"));
    assert_eq!(authors(&a), vec![("吴丽娜", "编辑")]);
    assert_eq!(
        headings(&a),
        vec![
            "程序优化 便民服务",
            "政策公开 阳光服务",
            "民生升温 惠民服务",
            "感情朴实 微笑服务",
            "走进群众 贴近服务"
        ]
    );
    assert!(a
        .blocks
        .last()
        .unwrap()
        .text
        .ends_with("我们组成服务小分队，上门服务。"));
    for junk in [
        "(w",
        "（w",
        "暂无评论",
        "发表评论",
        "阅读榜",
        "水泥网周报",
        "0571",
        "news@ccement.com",
        "不代表水泥网",
        "2024-12-28",
        "编辑",
    ] {
        assert!(!a.text.contains(junk), "{junk:?} left in the text");
    }
    let kinds: Vec<_> = a.removed.iter().map(|r| r.kind).collect();
    use zhclean::RemovedKind as K;
    for kind in [
        K::Editor,
        K::Contact,
        K::Disclaimer,
        K::Comments,
        K::Ranking,
        K::Timestamp,
    ] {
        assert!(kinds.contains(&kind), "nothing removed as {kind:?}");
    }
    assert_clean_text(&a);
}

#[test]
fn seed_004_jekyll_with_centred_headings() {
    let a = clean("004_822bf3a775065a3e.txt");
    assert_eq!(a.published.as_deref(), Some("2022-02-21T09:54:33+08:00"));
    assert_eq!(a.source.as_deref(), Some("中国劳动保障报"));
    assert_eq!(
        headings(&a),
        vec![
            "建章立制规范服务",
            "共克时艰抗击疫情",
            "优化服务提质增效",
            "增强素质提升能力"
        ]
    );
    assert_clean_text(&a);
}
