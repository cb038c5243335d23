//! Bylines and editor lines: who wrote, photographed or edited the article.
//!
//! Forms read: `■文、图/记者李强通讯员赵弘然` (anywhere, usually ending a
//! paragraph), `（记者 张三 通讯员 李四）` inside a paragraph, and whole lines
//! such as `作者：X`, `文 | 记者 X`, `责任编辑：X`, `编辑：X 校对：Y`. Names
//! are split on role words and separators; a byline whose names do not look
//! like names is left in the text.

use std::sync::OnceLock;

use regex::Regex;

/// Role words, longest first so `特约记者` wins over `记者`.
const ROLES: &[(&str, &str)] = &[
    ("本报特约记者", "特约记者"),
    ("本报通讯员", "通讯员"),
    ("本报记者", "记者"),
    ("特约记者", "特约记者"),
    ("见习记者", "见习记者"),
    ("实习记者", "实习记者"),
    ("责任编辑", "责任编辑"),
    ("值班编辑", "编辑"),
    ("网络编辑", "编辑"),
    ("通讯员", "通讯员"),
    ("实习生", "实习生"),
    ("记者", "记者"),
    ("摄影", "摄影"),
    ("编辑", "编辑"),
    ("责编", "责任编辑"),
    ("校对", "校对"),
    ("审核", "审核"),
    ("主编", "主编"),
    ("作者", "作者"),
    ("撰文", "作者"),
    ("撰稿", "作者"),
];

fn name_ok(name: &str) -> bool {
    let han = name
        .chars()
        .filter(|&c| crate::normalize::is_han(c))
        .count();
    let total = name.chars().count();
    if han == total {
        (2..=4).contains(&han)
    } else if name.contains('·') {
        han + 1 == total && han <= 10
    } else {
        han == 0
            && (2..=30).contains(&total)
            && name
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '-')
    }
}

/// Common Chinese surnames, one character each (the most frequent ~400).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由雒钮郦宦骞訾";

/// Words that start with a surname's character but are no name.
const NOT_NAMES: &[&str] = &[
    "简介", "了解", "表示", "认为", "获悉", "发现", "介绍", "指出", "看到", "注意", "调查", "采访",
    "来到", "走进", "从", "在", "对", "于", "向", "和", "说", "问",
];

/// Compound surnames.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "万俟", "闻人", "澹台", "申屠",
    "呼延",
];

/// Is `text` a Chinese personal name on its own, without a label to say so:
/// two to four Han characters starting with a common surname?
pub(crate) fn is_person_name(text: &str) -> bool {
    let n = text.chars().count();
    if !(2..=4).contains(&n) || !text.chars().all(crate::normalize::is_han) {
        return false;
    }
    // Words that follow a role in a sentence (`记者了解到`, `作者简介`).
    if NOT_NAMES.iter().any(|w| text.starts_with(w)) {
        return false;
    }
    COMPOUND_SURNAMES
        .iter()
        .any(|s| text.starts_with(s) && n >= 3)
        || text.chars().next().is_some_and(|c| SURNAMES.contains(c))
}

/// `NN2587`, `SF099`, `PN269`: the code of an editor in a portal's system.
fn is_staff_code(text: &str) -> bool {
    let letters = text.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = text.len() - letters;
    (1..=4).contains(&letters)
        && (2..=6).contains(&digits)
        && text[letters..].bytes().all(|b| b.is_ascii_digit())
}

/// Split `text` into (name, role) pairs, starting with `default_role`.
/// `None` when something in it does not look like a name.
pub(crate) fn parse_people(text: &str, default_role: &str) -> Option<Vec<(String, String)>> {
    let mut people = Vec::new();
    let mut role = default_role.to_string();
    let mut rest = text.trim();
    // Leading `文、图/`, `文/`: what the credit is for, not a name.
    for prefix in [
        "文、图",
        "图、文",
        "文/图",
        "图/文",
        "文图",
        "文字",
        "文",
        "图",
    ] {
        if let Some(r) = rest.strip_prefix(prefix) {
            if r.trim_start().starts_with(['/', '｜', '|', ':', '：']) {
                rest = r
                    .trim_start()
                    .trim_start_matches(['/', '｜', '|', ':', '：']);
                break;
            }
        }
    }
    let mut names = String::new();
    let push_names = |names: &mut String, role: &str, people: &mut Vec<(String, String)>| -> bool {
        let parts: Vec<&str> = names
            .split([
                ' ', '\u{3000}', '、', '，', ',', '/', '和', '及', '与', '；', ';',
            ])
            .map(|n| {
                n.trim()
                    .trim_start_matches(['：', ':', '｜', '|'])
                    .trim_end_matches("报道")
                    .trim_end_matches("整理")
                    .trim()
            })
            .filter(|n| !n.is_empty())
            .collect();
        let single_han =
            |n: &str| n.chars().count() == 1 && n.chars().all(crate::normalize::is_han);
        let mut i = 0;
        while i < parts.len() {
            // `方 敏`: a two-character name spaced out to the width of three.
            let joined;
            let name = if single_han(parts[i]) && parts.get(i + 1).is_some_and(|n| single_han(n)) {
                joined = format!("{}{}", parts[i], parts[i + 1]);
                i += 1;
                joined.as_str()
            } else {
                parts[i]
            };
            i += 1;
            // `李曦_NN2587`, `支全明 SF099`: an editor's code, not a name.
            if is_staff_code(name) {
                continue;
            }
            let name = name.split('_').next().unwrap_or(name);
            // `张三摄`: the photographer.
            let (name, role) = match name.strip_suffix('摄') {
                Some(photographer) if !photographer.is_empty() => (photographer.trim(), "摄影"),
                _ => (name, role),
            };
            if !name_ok(name) {
                return false;
            }
            people.push((name.to_string(), role.to_string()));
        }
        names.clear();
        true
    };
    while !rest.is_empty() {
        if let Some(&(word, canonical)) = ROLES.iter().find(|(w, _)| rest.starts_with(w)) {
            if !push_names(&mut names, &role, &mut people) {
                return None;
            }
            role = canonical.to_string();
            rest = &rest[word.len()..];
            continue;
        }
        let c = rest.chars().next().expect("non-empty");
        names.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !push_names(&mut names, &role, &mut people) || people.is_empty() {
        return None;
    }
    Some(people)
}

fn inline_patterns() -> &'static [Regex; 2] {
    static RE: OnceLock<[Regex; 2]> = OnceLock::new();
    RE.get_or_init(|| {
        [
            // ■文、图/记者李强通讯员赵弘然 (to the end of the paragraph)
            Regex::new(r"[■□●◆▲]\s*((?:文、图|图、文|文/图|图/文|文图|文字|文|图|撰文|摄影)\s*[/｜|:：]\s*[^■□●◆▲。！？]{2,60})$")
                .expect("valid regex"),
            // （记者 张三 通讯员 李四）
            Regex::new(r"[（(]\s*((?:本报|本刊|本台|本网)?(?:特约|见习|实习)?(?:记者|通讯员|实习生)[^（）()]{1,40})[）)]")
                .expect("valid regex"),
        ]
    })
}

/// A byline found inside a paragraph: the people, and the paragraph without it.
pub(crate) struct InlineByline {
    pub people: Vec<(String, String)>,
    pub removed: String,
    pub rest: String,
}

/// Find and cut bylines inside a paragraph.
pub(crate) fn cut_inline(paragraph: &str) -> Option<InlineByline> {
    // Each pattern needs a marker or a role word: one literal search decides
    // whether the patterns need to run at all.
    static NEEDED: OnceLock<Regex> = OnceLock::new();
    let needed =
        NEEDED.get_or_init(|| Regex::new("[■□●◆▲]|记者|通讯员|实习生").expect("valid regex"));
    if !needed.is_match(paragraph) {
        return None;
    }
    for re in inline_patterns() {
        if let Some(caps) = re.captures(paragraph) {
            let whole = caps.get(0).expect("group 0");
            if let Some(people) = parse_people(&caps[1], "作者") {
                let rest = format!(
                    "{}{}",
                    &paragraph[..whole.start()],
                    &paragraph[whole.end()..]
                );
                return Some(InlineByline {
                    people,
                    removed: whole.as_str().to_string(),
                    rest: rest.trim().to_string(),
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn roles_split_names() {
        assert_eq!(
            parse_people("文、图/记者李强通讯员赵弘然", "作者").unwrap(),
            pairs(&[("李强", "记者"), ("赵弘然", "通讯员")])
        );
        assert_eq!(
            parse_people("记者 张三、李四", "作者").unwrap(),
            pairs(&[("张三", "记者"), ("李四", "记者")])
        );
        assert_eq!(
            parse_people("吴丽娜", "编辑").unwrap(),
            pairs(&[("吴丽娜", "编辑")])
        );
        assert_eq!(
            parse_people("王五 校对：赵六", "编辑").unwrap(),
            pairs(&[("王五", "编辑"), ("赵六", "校对")])
        );
        assert_eq!(parse_people("这不是一个名字而是一句话", "作者"), None);
    }

    #[test]
    fn inline_bylines_are_cut() {
        let b = cut_inline("换来广大办事群众的“幸福指数”。■文、图/记者李强通讯员赵弘然").unwrap();
        assert_eq!(b.rest, "换来广大办事群众的“幸福指数”。");
        assert_eq!(b.people.len(), 2);
        let b = cut_inline("本报讯（记者 张三 通讯员 李四）昨天，会议召开。").unwrap();
        assert_eq!(b.rest, "本报讯昨天，会议召开。");
        assert_eq!(b.people, pairs(&[("张三", "记者"), ("李四", "通讯员")]));
        assert!(cut_inline("他说（记者问了很多很多很多的问题，这是一句很长的话啊）").is_none());
    }
}
