//! Generated adversarial inputs for the linear-time checks, shared by
//! `benches/linear.rs` (criterion) and `examples/linearity.rs` (ratios).
//!
//! Each case is built at a base size (`scale` 1) and at ten times that size
//! (`scale` 10); cleaning the larger one should cost at most ~12 times as much.

/// A named input generator: `make(scale)` builds the input at `scale` times
/// its base size.
pub struct Case {
    /// Short name used in reports.
    pub name: &'static str,
    /// Builds the input.
    pub make: fn(usize) -> Vec<u8>,
}

/// All cases. `ZHCLEAN_LINEAR_DIVISOR=N` in the environment divides every base
/// size by N, for quick runs while developing.
pub fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "single_line_1MB",
            make: single_line,
        },
        Case {
            name: "nested_div_100k",
            make: nested_divs,
        },
        Case {
            name: "pinyin_annotation_1M",
            make: pinyin_annotations,
        },
        Case {
            name: "unclosed_front_matter",
            make: unclosed_front_matter,
        },
        Case {
            name: "chrome_lines_50k",
            make: chrome_lines,
        },
        Case {
            name: "menu_above_body_50k",
            make: menu_above_body,
        },
    ]
}

fn divisor() -> usize {
    std::env::var("ZHCLEAN_LINEAR_DIVISOR")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&d: &usize| d > 0)
        .unwrap_or(1)
}

fn units(base: usize, scale: usize) -> usize {
    (base / divisor()).max(1) * scale
}

/// One line of about 1 MB (× scale): Han text and punctuation, no newline.
fn single_line(scale: usize) -> Vec<u8> {
    let unit = "在十多年的社保经办服务工作中，我深刻体会到，敢对群众负责。";
    let n = units(1_000_000 / unit.len(), scale);
    let mut s = String::from("标题\n\n");
    s.push_str(&unit.repeat(n));
    s.into_bytes()
}

/// A Jekyll post whose body is 100 000 (× scale) nested `<div>`s.
fn nested_divs(scale: usize) -> Vec<u8> {
    let n = units(100_000, scale);
    let mut s = String::from("---\ntitle: x\n---\n");
    s.push_str(&"<div>".repeat(n));
    s.push_str("<p>正文在最里面。</p>");
    s.push_str(&"</div>".repeat(n));
    s.into_bytes()
}

/// 1 000 000 (× scale) repetitions of the scraper's pinyin annotation `服務(wù)`.
fn pinyin_annotations(scale: usize) -> Vec<u8> {
    let n = units(1_000_000, scale);
    let mut s = String::from("堅持五種服務\n\n2014-09-17 13:31\n\n");
    for i in 0..n {
        s.push_str("服務(wù)");
        if i % 40 == 39 {
            s.push('\n');
        }
    }
    s.into_bytes()
}

/// Front matter that opens with `---` and never closes: ~1 MB (× scale) of
/// `key: value` lines.
fn unclosed_front_matter(scale: usize) -> Vec<u8> {
    let line = "tags: 中国劳动保障报新闻 value\n";
    let n = units(1_000_000 / line.len(), scale);
    let mut s = String::from("---\nlayout: post\ntitle: \"x\"\n");
    s.push_str(&line.repeat(n));
    s.into_bytes()
}

/// 50 000 (× scale) lines of site chrome after a short article.
fn chrome_lines(scale: usize) -> Vec<u8> {
    let chrome = [
        "责任编辑：张三",
        "相关阅读",
        "分享到：微信 微博",
        "版权所有 © 2022 某某网",
        "上一篇：某某新闻",
        "（文章来源：中国劳动保障报）",
    ];
    let n = units(50_000, scale);
    let mut s =
        String::from("敢对群众负责\n\n2022-02-10 13:30\n\n在工作中，我深刻体会到这一点。\n\n");
    for i in 0..n {
        s.push_str(chrome[i % chrome.len()]);
        s.push('\n');
    }
    s.into_bytes()
}

/// 50 000 (× scale) menu lines above a headline, its dateline and a short
/// article: a text rendering whose page chrome stands in the head.
fn menu_above_body(scale: usize) -> Vec<u8> {
    let n = units(50_000, scale);
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!("栏目{i}\n"));
    }
    s.push_str("某市召开安全生产会议\n来源：新华网 2021-03-05 10:20\n");
    let paragraph =
        "会议指出，要把各项工作做实做细，切实提高服务水平和办事效率，让群众满意，这一段是正文。\n";
    s.push_str(&paragraph.repeat(3));
    s.into_bytes()
}
