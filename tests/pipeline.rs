//! End-to-end behaviour on small made-up documents, one rule at a time.

use zhclean::{BlockKind, Cleaner, Error, Format, RemovedKind, TargetScript};

fn kinds(a: &zhclean::Article) -> Vec<RemovedKind> {
    a.removed.iter().map(|r| r.kind).collect()
}

#[test]
fn jekyll_with_crlf_markdown_body_lede_and_footer() {
    let doc = "---\r\ntitle: 标题\r\ndate: 2022-05-30 21:59:45 +0800\r\ntags: [甲, 乙]\r\n---\r\n> 据消息，某公司今天宣布了一项重要的新计划。（某某报）\r\n\r\n## 小标题\r\n\r\n据消息，某公司今天宣布了一项重要的新计划。这是第一段。\r\n\r\n来源：[某某报](https://example.cn/a/1)\r\n\r\n<https://example.cn/original>\r\n\r\n[返回首页](//example.cn/)｜\r\n[返回列表](//example.cn/list)\r\n";
    let a = zhclean::clean(doc.as_bytes()).unwrap();
    assert_eq!(a.format, Format::Jekyll);
    assert_eq!(a.title, "标题");
    assert_eq!(a.tags, vec!["甲", "乙"]);
    assert_eq!(a.source.as_deref(), Some("某某报"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.cn/a/1"),
        "the source name's link comes first"
    );
    assert_eq!(a.blocks[0].kind, BlockKind::Heading);
    assert_eq!(a.blocks.len(), 2);
    let mut removed = kinds(&a);
    removed.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(
        removed,
        vec![
            RemovedKind::Duplicate,
            RemovedKind::Nav,
            RemovedKind::SourceLine,
            RemovedKind::Url
        ]
    );
}

#[test]
fn a_body_that_mentions_dashes_and_dates_is_not_front_matter() {
    let doc = "今天的新闻标题\n正文里有一行分隔线，还提到了2022-01-01这个日期，这一段足够长，所以它是正文而不是日期行。\n---\n更多正文。\n";
    let a = zhclean::clean(doc.as_bytes()).unwrap();
    // A title and a body of prose: a scraped page, whatever else it holds.
    assert_eq!(a.format, Format::Portal);
    assert_eq!(a.title, "今天的新闻标题");
    assert!(a.text.contains("2022-01-01"));
    assert!(a.text.contains("更多正文。"));
}

#[test]
fn portal_meta_line_and_trailing_chrome() {
    let doc = "某市召开会议\n\n新华网 · 2021-03-05 10:20 评论\n\n  会议指出，要把各项工作做实做细，这一段是正文，足够长以便后面的列表生效了。\n\n责任编辑：王五\n\n相关阅读\n\n另一篇新闻的标题\n\n第三篇新闻的标题\n\n版权所有 某某网 2021\n";
    let a = zhclean::clean(doc.as_bytes()).unwrap();
    assert_eq!(a.format, Format::Portal);
    assert_eq!(a.source.as_deref(), Some("新华网"));
    assert_eq!(a.published.as_deref(), Some("2021-03-05T10:20:00+08:00"));
    assert_eq!(a.blocks.len(), 1);
    assert_eq!(a.authors[0].name, "王五");
    assert_eq!(a.authors[0].role, "责任编辑");
    assert!(kinds(&a).contains(&RemovedKind::Related));
    assert!(kinds(&a).contains(&RemovedKind::Copyright));
}

#[test]
fn options_change_dates_script_and_punctuation() {
    let doc = "標題\n\n03.12.2015 15:01\n\n  這是正文,沒有改變。\n";
    let a = Cleaner::builder()
        .date_order(zhclean::DateOrder::MonthFirst)
        .default_offset_minutes(0)
        .target(TargetScript::Original)
        .normalize_punctuation(false)
        .keep_removed(false)
        .build()
        .clean(doc.as_bytes())
        .unwrap();
    assert_eq!(a.published.as_deref(), Some("2015-03-12T15:01:00+00:00"));
    assert_eq!(a.title, "標題");
    assert_eq!(a.text, "這是正文,沒有改變。");
    assert!(a.removed.is_empty());
}

#[test]
fn a_date_without_a_time_stays_a_date() {
    let a = zhclean::clean("标题\n\n2015年12月3日\n\n正文。".as_bytes()).unwrap();
    assert_eq!(a.published.as_deref(), Some("2015-12-03"));
}

#[test]
fn typed_errors() {
    assert!(matches!(zhclean::clean(b""), Err(Error::Empty(_))));
    assert!(matches!(zhclean::clean(b" \n\t "), Err(Error::Empty(_))));
    let small = Cleaner::builder().max_input_bytes(4).build();
    assert!(matches!(
        small.clean("12345".as_bytes()),
        Err(Error::TooLarge { size: 5, limit: 4 })
    ));
}

#[test]
fn trace_says_where_fields_came_from() {
    let (_, trace) = Cleaner::new()
        .clean_with_trace("标题\n\n03.12.2015 15:01\n\n正文。".as_bytes())
        .unwrap();
    assert!(
        trace.format_reason.contains("line 3"),
        "{}",
        trace.format_reason
    );
    let fields: Vec<_> = trace.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, vec!["title", "published"]);
}

#[test]
fn cleaner_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Cleaner>();
}

#[test]
fn a_whole_html_page_is_read_as_html() {
    let page = "<!DOCTYPE html><html><head><title>网页标题</title><script>var x = '脚本';</script></head><body><nav>首页 &gt; 新闻</nav><h1>网页标题</h1><p>这是网页的正文，内容足够长，用来测试整页的处理。</p><p>责任编辑：赵六</p></body></html>";
    let a = zhclean::clean(page.as_bytes()).unwrap();
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.title, "网页标题");
    assert!(!a.text.contains('<') && !a.text.contains("脚本"));
    assert_eq!(a.text, "这是网页的正文，内容足够长，用来测试整页的处理。");
    assert_eq!(a.authors[0].name, "赵六");
    assert_eq!(a.authors[0].role, "责任编辑");
    assert!(kinds(&a).contains(&RemovedKind::Nav));
}

#[test]
fn an_unknown_page_head_of_dates_and_times_comes_before_the_title() {
    let a = zhclean::clean("0 发布时间：2021.04.17\n如何保持冰箱清洁\n1、不要什么都放进冰箱，买回来的蔬菜要先做筛选再处理。\n".as_bytes()).unwrap();
    assert_eq!(a.title, "如何保持冰箱清洁");
    assert_eq!(a.published.as_deref(), Some("2021-04-17"));
    let a = zhclean::clean(
        "30 16:18:34\n模具配件怎么加工\n通常来说模具配件加工商都是采用以下方法加工。\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(a.title, "模具配件怎么加工");
    // A date cut short marks a metadata line, without giving a date.
    assert_eq!(a.removed[0].kind, RemovedKind::Metadata);
    assert_eq!(a.removed[0].text, "30 16:18:34");
    assert_eq!(a.published, None);
    let a = zhclean::clean(
        "30 16:18:34\n通常来说加工商都是采用以下方法加工：\n1、洗削加工。\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(
        a.title, "",
        "a line ending like a sentence is body text, not a title"
    );
    assert!(a.text.starts_with("通常来说"));
}

#[test]
fn chinese_text_with_injected_control_characters_is_text() {
    let doc = "标题\n\n它使用通用而非专有标准的高速接口\u{7}\u{8}\u{7}，不仅容易连接\u{8}，而且借助其即插即用特性\u{8}\u{7}\u{8}。\n";
    let a = zhclean::clean(doc.as_bytes()).unwrap();
    assert_eq!(
        a.text,
        "它使用通用而非专有标准的高速接口，不仅容易连接，而且借助其即插即用特性。"
    );
    assert!(a.warnings.iter().any(|w| w.contains("control characters")));
}
