//! OpenCC text dictionaries and the prefix matcher built from them.
//!
//! This reproduces OpenCC 1.4.2's `PrefixMatch` over a dictionary group: the
//! leaf dictionaries are flattened in configuration order, and at a position
//! the winner is the match from the *earliest* dictionary that has any key
//! matching there, the longest such key within that dictionary. A shorter key
//! from an earlier dictionary beats a longer key from a later one.

use std::collections::HashMap;

/// One key starting with a given character, borrowed from the embedded text.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// The key minus its first character.
    tail: &'static [u8],
    /// The replacement (the entry's first value).
    value: &'static str,
    /// The replacement equals the key, so a match leaves the text as it is.
    identity: bool,
}

/// All keys starting with one character, in match-priority order.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The replacement when the only key is the character itself: the
    /// common case, handled without looking at candidates.
    single: Option<&'static str>,
    start: u32,
    end: u32,
}

/// Slot numbers are stored as `u16` in the BMP table; 0 means "no key".
const NO_SLOT: u16 = 0;

/// One conversion stage: a compiled dictionary group and the greedy matcher.
pub(crate) struct Stage {
    /// Slot number (1-based) for each BMP code point; most chars are BMP.
    bmp: Vec<u16>,
    /// Slot numbers for supplementary-plane first characters.
    astral: HashMap<char, u16>,
    slots: Vec<Slot>,
    candidates: Vec<Candidate>,
    /// What a text must contain for the stage to change it: see [`Triggers`].
    triggers: Triggers,
}

impl std::fmt::Debug for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stage")
            .field("slots", &self.slots.len())
            .field("keys", &self.candidates.len())
            .finish_non_exhaustive()
    }
}

/// A set of code points.
pub(crate) struct Bitset(Vec<u64>);

impl std::fmt::Debug for Bitset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let len: u32 = self.0.iter().map(|w| w.count_ones()).sum();
        write!(f, "Bitset({len} code points)")
    }
}

impl Bitset {
    pub(crate) fn new() -> Self {
        Bitset(vec![0; (char::MAX as usize + 1).div_ceil(64)])
    }

    pub(crate) fn insert(&mut self, c: char) {
        let c = c as usize;
        self.0[c >> 6] |= 1 << (c & 63);
    }

    #[inline]
    pub(crate) fn contains(&self, cp: u32) -> bool {
        let cp = cp as usize;
        self.0[cp >> 6] & (1 << (cp & 63)) != 0
    }

    /// Add every member of `other`.
    pub(crate) fn union_with(&mut self, other: &Bitset) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    /// Remove every member of `other`.
    pub(crate) fn subtract(&mut self, other: &Bitset) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= !b;
        }
    }

    /// Heap bytes used.
    pub(crate) fn bytes(&self) -> usize {
        self.0.len() * 8
    }
}

/// Parse an OpenCC text dictionary: `key<TAB>value[ value…]` per line.
/// Yields `(key, first value, all values)`; comment and blank lines are skipped.
pub(crate) fn parse(
    text: &'static str,
) -> impl Iterator<Item = (&'static str, &'static str, Vec<&'static str>)> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (key, values) = line.split_once('\t')?;
            let values: Vec<&str> = values.split(' ').filter(|v| !v.is_empty()).collect();
            let first = *values.first()?;
            Some((key, first, values))
        })
}

impl Stage {
    /// Compile a group of dictionaries given in OpenCC configuration order.
    pub(crate) fn new(dicts: &[&'static str]) -> Stage {
        // key -> (dictionary order, first value); the earliest dictionary
        // keeps a key, and within one dictionary the first line does, as in
        // OpenCC's PrefixMatch table.
        let mut keys: HashMap<&'static str, (usize, &'static str)> = HashMap::new();
        for (order, dict) in dicts.iter().enumerate() {
            for (key, value, _) in parse(dict) {
                keys.entry(key).or_insert((order, value));
            }
        }
        let mut by_first: HashMap<char, Vec<(usize, &'static str, &'static str)>> = HashMap::new();
        for (&key, &(order, value)) in &keys {
            if let Some(first) = key.chars().next() {
                by_first.entry(first).or_default().push((order, key, value));
            }
        }
        let mut firsts: Vec<char> = by_first.keys().copied().collect();
        firsts.sort_unstable();

        let mut stage = Stage {
            bmp: vec![NO_SLOT; 0x10000],
            astral: HashMap::new(),
            slots: Vec::with_capacity(firsts.len()),
            candidates: Vec::new(),
            triggers: triggers(&keys),
        };
        for first in firsts {
            let mut entries = by_first.remove(&first).unwrap_or_default();
            // Earliest dictionary first, then longest key: the first candidate
            // whose tail matches is OpenCC's choice.
            entries.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
            let start = stage.candidates.len() as u32;
            for (_, key, value) in entries {
                let identity = key == value;
                stage.candidates.push(Candidate {
                    tail: key[first.len_utf8()..].as_bytes(),
                    value,
                    identity,
                });
            }
            let cands = &stage.candidates[start as usize..];
            if let [only] = cands {
                if only.tail.is_empty() && only.identity && ids_arity(first) == 0 {
                    // Matching it changes nothing, and it is not an IDS
                    // operator whose match would stop IDS pass-through.
                    stage.candidates.truncate(start as usize);
                    continue;
                }
            }
            let single = match cands {
                [only] if only.tail.is_empty() => Some(only.value),
                _ => None,
            };
            stage.slots.push(Slot {
                single,
                start,
                end: stage.candidates.len() as u32,
            });
            let slot = u16::try_from(stage.slots.len()).expect("fewer than 65535 first characters");
            if (first as u32) < 0x10000 {
                stage.bmp[first as usize] = slot;
            } else {
                stage.astral.insert(first, slot);
            }
        }
        stage
    }

    /// What a text must contain for the stage to change it.
    pub(crate) fn triggers(&self) -> &Triggers {
        &self.triggers
    }

    /// Approximate heap bytes held by the compiled stage.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.bmp.len() * 2
            + self.astral.capacity() * 16
            + self.slots.capacity() * std::mem::size_of::<Slot>()
            + self.candidates.capacity() * std::mem::size_of::<Candidate>()
            + self.triggers.strong.bytes()
            + self.triggers.weak.capacity() * std::mem::size_of::<(char, usize, &str)>()
    }

    #[inline]
    fn slot(&self, cp: u32) -> u16 {
        match self.bmp.get(cp as usize) {
            Some(&n) => n,
            None => char::from_u32(cp)
                .and_then(|c| self.astral.get(&c).copied())
                .unwrap_or(NO_SLOT),
        }
    }

    /// Run OpenCC's conversion loop (maximal match, IDS passed through) over
    /// `text`. Returns `None` when the output equals the input.
    pub(crate) fn apply(&self, text: &str) -> Option<String> {
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        // Start of the input not yet copied to `out`.
        let mut copied = 0;
        let mut i = 0;
        while let Some(&b0) = bytes.get(i) {
            let (cp, width) = decode(b0, &bytes[i..]);
            let slot = self.slot(cp);
            if slot == NO_SLOT {
                if (0x2FF0..=0x2FFF).contains(&cp) {
                    // OpenCC copies an unmatched ideographic description
                    // sequence whole, so nothing inside it is converted.
                    i += ids_len(&text[i..]).max(width);
                } else {
                    i += width;
                }
                continue;
            }
            let slot = self.slots[slot as usize - 1];
            let (value, end) = match slot.single {
                Some(value) => (value, i + width),
                None => {
                    let rest = &bytes[i + width..];
                    let found = self.candidates[slot.start as usize..slot.end as usize]
                        .iter()
                        .find(|cand| rest.starts_with(cand.tail));
                    match found {
                        Some(cand) if cand.identity => {
                            i += width + cand.tail.len();
                            continue;
                        }
                        Some(cand) => (cand.value, i + width + cand.tail.len()),
                        None if (0x2FF0..=0x2FFF).contains(&cp) => {
                            i += ids_len(&text[i..]).max(width);
                            continue;
                        }
                        None => {
                            i += width;
                            continue;
                        }
                    }
                }
            };
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
            out.push_str(&text[copied..i]);
            out.push_str(value);
            copied = end;
            i = end;
        }
        out.map(|mut out| {
            out.push_str(&text[copied..]);
            out
        })
    }

    /// The first character of `text[from..]` that is in `set`, as
    /// `(byte offset, code point, width)`. Runs near memory speed: ASCII is
    /// skipped a word at a time, other characters cost one bit test.
    pub(crate) fn find_in(set: &Bitset, text: &str, from: usize) -> Option<(usize, u32, usize)> {
        let all = text.as_bytes();
        let mut s = &all[from..];
        loop {
            match s {
                [] => return None,
                [b0, rest @ ..] if *b0 < 0x80 => {
                    s = rest;
                    while let Some((word, rest)) = s.split_first_chunk::<8>() {
                        if u64::from_le_bytes(*word) & 0x8080_8080_8080_8080 != 0 {
                            break;
                        }
                        s = rest;
                    }
                }
                // Three-byte sequences (all of CJK) index the bitset directly.
                [b0, b1, b2, rest @ ..] if *b0 >= 0xE0 && *b0 < 0xF0 => {
                    let word = ((*b0 as usize & 0x0F) << 6) | (*b1 as usize & 0x3F);
                    if set.0[word] & (1 << (b2 & 0x3F)) != 0 {
                        let (cp, _) = decode(*b0, s);
                        return Some((all.len() - s.len(), cp, 3));
                    }
                    s = rest;
                }
                [b0, ..] => {
                    let (cp, width) = decode(*b0, s);
                    if set.contains(cp) {
                        return Some((all.len() - s.len(), cp, width));
                    }
                    s = &s[width..];
                }
            }
        }
    }
}

/// What a text must contain for a stage to change it. A key can only match
/// where all its characters occur, so a text with no strong character and no
/// occurrence of a weak key sees only matches that leave it as it is.
#[derive(Debug)]
pub(crate) struct Triggers {
    /// Single-character keys with another value.
    pub(crate) strong: Bitset,
    /// Longer keys with another value that hold no strong character, each
    /// with one of its characters and that character's byte offset in it:
    /// `(char, offset, key)`. Checking for the key where the character
    /// occurs keeps common characters (`一坏` → `一坯`) off the strong list.
    pub(crate) weak: Vec<(char, usize, &'static str)>,
}

fn triggers(keys: &HashMap<&'static str, (usize, &'static str)>) -> Triggers {
    let mut strong = Bitset::new();
    let changing = keys.iter().filter(|(key, (_, value))| key != &value);
    for (key, _) in changing.clone() {
        let mut chars = key.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            strong.insert(c);
        }
    }
    let mut weak = Vec::new();
    for (&key, &(_, value)) in changing {
        if key.chars().any(|c| strong.contains(c as u32)) {
            continue;
        }
        // Prefer a character the value replaces: it is the rarer one.
        let mut at = key
            .char_indices()
            .zip(value.chars().map(Some).chain(std::iter::repeat(None)))
            .find(|((_, k), v)| Some(*k) != *v)
            .map(|(at, _)| at);
        if at.is_none() {
            at = key.char_indices().next();
        }
        if let Some((offset, c)) = at {
            weak.push((c, offset, key));
        }
    }
    weak.sort_unstable();
    Triggers { strong, weak }
}

/// Decode the UTF-8 character that starts `b` with lead byte `b0` (valid
/// UTF-8 assumed, as it comes from a `str`).
#[inline]
pub(crate) fn decode(b0: u8, b: &[u8]) -> (u32, usize) {
    let b0 = b0 as u32;
    let cont = |k: usize| b[k] as u32 & 0x3F;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// Operands taken by an ideographic description character (U+2FF0–U+2FFF),
/// 0 for any other character; the table of OpenCC 1.4.2's `UTF8Util`.
fn ids_arity(c: char) -> usize {
    match c as u32 {
        0x2FF2 | 0x2FF3 => 3,
        0x2FFE | 0x2FFF => 1,
        0x2FF0..=0x2FFD => 2,
        _ => 0,
    }
}

/// Byte length of the complete ideographic description sequence at the start
/// of `s`, or 0 when `s` does not start with one (incomplete or too deep/long
/// sequences count as none, like OpenCC's limits of depth 16 and 64 chars).
pub(crate) fn ids_len(s: &str) -> usize {
    fn consume(s: &str, depth_left: usize, code_points: &mut usize) -> Option<usize> {
        if depth_left == 0 || *code_points >= 64 {
            return None;
        }
        let c = s.chars().next()?;
        *code_points += 1;
        let mut at = c.len_utf8();
        for _ in 0..ids_arity(c) {
            at += consume(&s[at..], depth_left - 1, code_points)?;
        }
        Some(at)
    }
    match s.chars().next() {
        Some(c) if ids_arity(c) > 0 => consume(s, 16, &mut 0).unwrap_or(0),
        _ => 0,
    }
}
