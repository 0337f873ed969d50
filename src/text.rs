//! Plain-text pages to blocks: paragraphs by blank lines, one block per
//! visible line inside a chunk unless the chunk is a hard-wrapped paragraph,
//! bullet lines as list items, headings from line shape and context, and the
//! title of the dump.
//!
//! Everything here is one or two linear passes over the lines.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::article::{Block, BlockKind, Metadata};
use crate::options::Options;

/// Thresholds of block building on plain-text pages.
///
/// ```
/// let t = article_extract::TextOptions::default();
/// assert!(t.max_heading_chars > 0 && t.max_heading_words > 0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TextOptions {
    /// Longest line, in characters, that may be taken for a heading.
    pub max_heading_chars: usize,
    /// Most words a heading line may have.
    pub max_heading_words: usize,
    /// Share of a line's words (ignoring short function words) that must
    /// start with a capital for a title-cased heading (`Kim Jong Un
    /// Reaffirms Alliance`). Sentence-cased lines qualify only once the
    /// article has started (a paragraph was seen before).
    pub heading_capital_share: f32,
    /// A block of at least this many characters that ends a sentence counts
    /// as a paragraph (the context a heading needs after it).
    pub paragraph_min_chars: usize,
    /// A chunk whose lines are all at most this long, and whose non-last
    /// lines fill at least [`wrap_fill`](Self::wrap_fill) of the longest, is
    /// a hard-wrapped paragraph: its lines are joined.
    pub wrap_max_chars: usize,
    /// Lines shorter than this never count as wrapped text.
    pub wrap_min_chars: usize,
    /// See [`wrap_max_chars`](Self::wrap_max_chars): fill ratio 0.0–1.0.
    pub wrap_fill: f32,
    /// How many leading lines are searched for the dump's title.
    pub title_scan_lines: usize,
    /// Fewest words a title line must have.
    pub min_title_words: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            max_heading_chars: 100,
            max_heading_words: 12,
            heading_capital_share: 0.6,
            paragraph_min_chars: 80,
            wrap_max_chars: 100,
            wrap_min_chars: 40,
            wrap_fill: 0.6,
            title_scan_lines: 300,
            min_title_words: 3,
        }
    }
}

/// A bullet at the start of a line: `•`, `*`, `-`, `·`, `▪`, `1.`, `2)`.
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[•*·▪●◦‣–-]|\d{1,3}[.)])\s+").expect("bullet regex"));

/// Cell separator of a table row written as text (`Castle Street | 640`,
/// as [`Article::text`](crate::Article::text) writes tables).
const CELL_SEPARATOR: &str = " | ";

/// Separators between a title and a site name or section tag.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " » ", " :: ", " · ", " / "];

/// Small words that stay lower-case in title-cased headings.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "by", "with",
    "from", "as", "into", "over", "vs", "via", "per", "is", "are", "its", "de", "la", "le", "el",
    "du", "des", "der", "die", "und", "y", "e", "et",
];

/// Characters that end a sentence (a heading never ends with one).
const SENTENCE_END: &[char] = &['.', '!', '?', '。', '！', '？', ';', ':', ',', '…'];

/// One line of the input, trimmed, with where it sits.
struct Line<'a> {
    text: &'a str,
    /// The line follows a blank line (or is the first).
    starts_chunk: bool,
}

/// Split `input` into blocks; guess the metadata a text dump can carry.
pub(crate) fn extract(input: &str, options: &Options) -> (Metadata, Vec<Block>) {
    let o = &options.text;
    let lines = lines(input);
    let mut blocks = chunk_blocks(&lines, o);
    mark_headings(&mut blocks, o);
    let meta = Metadata {
        title: find_title(&lines, o),
        ..Metadata::default()
    };
    (meta, blocks)
}

/// Non-empty lines, trimmed, each knowing whether a blank line preceded it.
fn lines(input: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut blank = true;
    for raw in input.lines() {
        let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}');
        if t.is_empty() {
            blank = true;
            continue;
        }
        out.push(Line {
            text: t,
            starts_chunk: blank,
        });
        blank = false;
    }
    out
}

/// Collapse runs of whitespace to one space (and trim); borrowed when
/// `s` is so already.
fn squash(s: &str) -> Cow<'_, str> {
    if is_squashed(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Cow::Owned(out)
}

/// Is `s` its own [`squash`]: no whitespace but single plain spaces
/// between non-space characters? (A non-ASCII character that might be
/// whitespace answers no: the slow path decides.)
fn is_squashed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') || s.contains("  ") {
        return false;
    }
    // ASCII whitespace other than the space is a control character; any
    // control character takes the slow path (counted without early exit,
    // which vectorises)
    if b.iter().fold(false, |a, &c| a | (c < 0x20)) {
        return false;
    }
    s.is_ascii()
        || !b
            .iter()
            .enumerate()
            .any(|(i, &c)| matches!(c, 0xc2 | 0xe1 | 0xe2 | 0xe3) && is_unicode_space(&b[i..]))
}

/// Does `b` start with the UTF-8 of a non-ASCII whitespace character?
fn is_unicode_space(b: &[u8]) -> bool {
    match b {
        [0xc2, 0x85 | 0xa0, ..] | [0xe1, 0x9a, 0x80, ..] | [0xe3, 0x80, 0x80, ..] => true,
        [0xe2, 0x80, c, ..] => matches!(c, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf),
        [0xe2, 0x81, 0x9f, ..] => true,
        _ => false,
    }
}

/// Strip a leading bullet; `None` when the line has none (or is only one).
fn strip_bullet(line: &str) -> Option<&str> {
    // the regex needs a bullet character or a (Unicode) digit first
    let first = line.chars().next()?;
    if !(matches!(first, '•' | '*' | '·' | '▪' | '●' | '◦' | '‣' | '–' | '-') || first.is_numeric())
    {
        return None;
    }
    let m = BULLET.find(line)?;
    let rest = line[m.end()..].trim();
    (!rest.is_empty()).then_some(rest)
}

/// Does `line` end a sentence?
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*']);
    t.ends_with(SENTENCE_END)
}

/// Blocks of consecutive chunks: a hard-wrapped chunk becomes paragraphs of
/// joined lines, any other chunk one block per line.
fn chunk_blocks(lines: &[Line<'_>], o: &TextOptions) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(lines.len());
    let mut start = 0;
    while start < lines.len() {
        let mut end = start + 1;
        while end < lines.len() && !lines[end].starts_chunk {
            end += 1;
        }
        let chunk = &lines[start..end];
        let wrapped = is_wrapped(chunk, o);
        let mut para = String::new();
        for (i, line) in chunk.iter().enumerate() {
            if let Some(item) = strip_bullet(line.text) {
                flush(&mut para, &mut blocks);
                blocks.push(Block::new(BlockKind::ListItem, squash(item).into_owned()));
                continue;
            }
            let joins = !para.is_empty() && (wrapped || continues(&chunk[i - 1], line, o));
            if !joins {
                flush(&mut para, &mut blocks);
            } else {
                para.push(' ');
            }
            para.push_str(&squash(line.text));
        }
        flush(&mut para, &mut blocks);
        start = end;
    }
    blocks
}

fn flush(para: &mut String, blocks: &mut Vec<Block>) {
    if !para.is_empty() {
        blocks.push(Block::new(BlockKind::Paragraph, std::mem::take(para)));
    }
}

/// A chunk of two or more lines, all of wrap width, every line but the last
/// filling most of it: a paragraph broken at a fixed width.
fn is_wrapped(chunk: &[Line<'_>], o: &TextOptions) -> bool {
    if chunk.len() < 2 {
        return false;
    }
    let widths: Vec<usize> = chunk.iter().map(|l| l.text.chars().count()).collect();
    let max = widths.iter().copied().max().unwrap_or(0);
    if max > o.wrap_max_chars || max < o.wrap_min_chars {
        return false;
    }
    let min_fill = (max as f32 * o.wrap_fill) as usize;
    let body = &chunk[..chunk.len() - 1];
    let finished = body.iter().filter(|l| ends_sentence(l.text)).count();
    widths[..widths.len() - 1]
        .iter()
        .all(|&w| w >= min_fill.max(o.wrap_min_chars))
        && 2 * finished <= body.len()
        && chunk.iter().all(|l| strip_bullet(l.text).is_none())
}

/// A line that carries on the previous one mid-sentence: the previous line
/// is long and unfinished and this one starts in lower case.
fn continues(prev: &Line<'_>, line: &Line<'_>, o: &TextOptions) -> bool {
    prev.text.chars().count() >= o.wrap_min_chars
        && !ends_sentence(prev.text)
        && line.text.chars().next().is_some_and(char::is_lowercase)
}

/// A long block that reads as running text.
fn is_paragraph(b: &Block, o: &TextOptions) -> bool {
    if b.kind != BlockKind::Paragraph || b.text.len() < o.paragraph_min_chars {
        // (fewer bytes than the minimum: fewer characters too)
        return false;
    }
    let chars = b.text.chars().count();
    chars >= o.paragraph_min_chars && (ends_sentence(&b.text) || chars >= 2 * o.paragraph_min_chars)
}

/// Short, unpunctuated, not a bullet, and not a lone word.
fn heading_shaped(text: &str, o: &TextOptions) -> bool {
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    chars <= o.max_heading_chars
        && (2..=o.max_heading_words).contains(&words)
        && !ends_sentence(text)
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Share of the significant words that start with a capital (or a digit).
fn capital_share(text: &str) -> f32 {
    let mut sig = 0usize;
    let mut caps = 0usize;
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        if MINOR_WORDS.contains(&lower.as_str()) {
            continue;
        }
        sig += 1;
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        {
            caps += 1;
        }
    }
    if sig == 0 {
        0.0
    } else {
        caps as f32 / sig as f32
    }
}

/// Headings from shape and context: a heading-shaped line followed by a
/// paragraph, title-cased or sitting inside the article (a paragraph came
/// before it). Level 2.
pub(crate) fn mark_headings(blocks: &mut [Block], o: &TextOptions) {
    let mut seen_paragraph = false;
    // once per block (a block turned heading below is never read as a
    // paragraph again: its turn has passed)
    let para: Vec<bool> = blocks.iter().map(|b| is_paragraph(b, o)).collect();
    for i in 0..blocks.len() {
        let next_is_para = para.get(i + 1).copied().unwrap_or(false);
        let b = &blocks[i];
        // the last row of a table (`Old Town | 18,500`) under other rows
        let table_row = || {
            b.text.contains(CELL_SEPARATOR) && i > 0 && blocks[i - 1].text.contains(CELL_SEPARATOR)
        };
        if b.kind == BlockKind::Paragraph
            && next_is_para
            && heading_shaped(&b.text, o)
            && !table_row()
            && (seen_paragraph || capital_share(&b.text) >= o.heading_capital_share)
        {
            let text = std::mem::take(&mut blocks[i].text);
            blocks[i] = Block::heading(2, text);
        } else if para[i] {
            seen_paragraph = true;
        }
    }
}

/// Cut a trailing site name or tag (`Title | Site`, `Title - Site`) when
/// what remains has more words than what is cut.
pub(crate) fn strip_title_suffix(title: &str) -> &str {
    let mut best = title;
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let hw = head.split_whitespace().count();
            if hw >= 2 && hw > tail.split_whitespace().count() && head.len() < best.len() {
                best = head.trim_end();
            }
        }
    }
    best
}

/// The title of the dump, looked for in its leading lines:
/// 1. a later line that repeats a separator-delimited part of the first line
///    (the page `<title>` followed by the visible headline);
/// 2. else a heading-shaped line repeated there (the seed's title, caption
///    and breadcrumb), less a trailing tag such as `| Watch`;
/// 3. else nothing (the boilerplate stage may still find the headline).
fn find_title(lines: &[Line<'_>], o: &TextOptions) -> Option<String> {
    let scan = &lines[..lines.len().min(o.title_scan_lines)];
    let first = squash(scan.first()?.text);
    let enough = |s: &str| s.split_whitespace().count() >= o.min_title_words;
    // 1. the first line's parts, as they appear again
    let parts: Vec<&str> = split_parts(&first);
    let mut best: Option<String> = None;
    for line in scan.iter().skip(1) {
        let t = squash(strip_bullet(line.text).unwrap_or(line.text));
        if enough(&t)
            && t.chars().count() <= 2 * o.max_heading_chars
            && t.len() < first.len()
            && is_part_run(&parts, &first, &t)
            && best.as_ref().map_or(true, |b| t.len() > b.len())
        {
            best = Some(t.into_owned());
        }
    }
    if best.is_some() {
        return best;
    }
    // 2. a repeated heading-shaped line
    let mut counts: HashMap<Cow<'_, str>, usize> = HashMap::new();
    let mut order = Vec::new();
    for line in scan {
        let t = squash(strip_bullet(line.text).unwrap_or(line.text));
        if !enough(&t) || t.chars().count() > 2 * o.max_heading_chars || ends_sentence(&t) {
            continue;
        }
        let c = counts.entry(t.clone()).or_insert(0);
        if *c == 0 {
            order.push(t);
        }
        *c += 1;
    }
    order
        .into_iter()
        .find(|t| counts.get(t).is_some_and(|&c| c >= 2))
        .map(|t| strip_title_suffix(&t).to_string())
}

/// Split a title line at its separators.
fn split_parts(line: &str) -> Vec<&str> {
    let mut parts = vec![line];
    for sep in TITLE_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.into_iter().map(str::trim).collect()
}

/// Is `t` one part of `line`, or several consecutive parts as written?
fn is_part_run(parts: &[&str], line: &str, t: &str) -> bool {
    if parts.len() < 2 {
        return false;
    }
    if parts.contains(&t) {
        return true;
    }
    // several consecutive parts: `t` occurs in `line` on part boundaries
    line.find(t).is_some_and(|pos| {
        let before = line[..pos].trim_end();
        let after = line[pos + t.len()..].trim_start();
        let at_sep_start =
            before.is_empty() || TITLE_SEPARATORS.iter().any(|s| before.ends_with(s.trim()));
        let at_sep_end =
            after.is_empty() || TITLE_SEPARATORS.iter().any(|s| after.starts_with(s.trim()));
        at_sep_start && at_sep_end
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(s: &str) -> Vec<Block> {
        extract(s, &Options::default()).1
    }

    #[test]
    fn blank_lines_and_lines_make_blocks() {
        let b = blocks("Home\nWorld\nAsia\n\nFirst paragraph here.\n\nSecond one.");
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Home",
                "World",
                "Asia",
                "First paragraph here.",
                "Second one."
            ]
        );
    }

    #[test]
    fn bullets_become_list_items() {
        let b = blocks("• Home/\n  • Asia/\n* one\n- two\n1. three\n2) four");
        assert!(b.iter().all(|b| b.kind == BlockKind::ListItem));
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Home/", "Asia/", "one", "two", "three", "four"]);
    }

    #[test]
    fn hard_wrapped_paragraph_is_joined() {
        let s = "The council approved the budget on Monday after a long\n\
                 debate that ran well into the night, officials said, and\n\
                 the mayor signed it the next morning.";
        let b = blocks(s);
        assert_eq!(b.len(), 1);
        assert!(b[0].text.contains("long debate"));
    }

    #[test]
    fn menu_lines_are_not_joined() {
        let b = blocks("News\nSport\nBusiness\nCulture");
        assert_eq!(b.len(), 4);
    }

    #[test]
    fn lowercase_continuation_is_joined() {
        let b = blocks("This website uses cookies to improve your experience and you agree to\nour Privacy Policy.\nMenu");
        assert_eq!(b.len(), 2);
        assert!(b[0].text.ends_with("our Privacy Policy."));
    }

    const PARA: &str = "The ministry said on Tuesday that about 12,000 soldiers had been sent to the region since March.";

    #[test]
    fn title_cased_line_before_paragraph_is_heading() {
        let b = blocks(&format!("Kim Jong Un Reaffirms Alliance\n\n{PARA}"));
        assert_eq!((b[0].kind, b[0].level), (BlockKind::Heading, 2));
    }

    #[test]
    fn sentence_cased_heading_needs_article_context() {
        let b = blocks(&format!("Roads closed across the valley\n\n{PARA}"));
        assert_eq!(b[0].kind, BlockKind::Paragraph);
        let b = blocks(&format!(
            "{PARA}\n\nRoads closed across the valley\n\n{PARA}"
        ));
        assert_eq!(b[1].kind, BlockKind::Heading);
    }

    #[test]
    fn short_sentence_is_never_a_heading() {
        let b = blocks(&format!("{PARA}\n\nHe Declined To Comment.\n\n{PARA}"));
        assert_eq!(b[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn last_table_row_is_not_a_heading() {
        let para = "The organisers thanked the volunteers who stood at street corners for two hours on Sunday evening.";
        let text = format!("{para}\n\nCastle Street | 640\nMill Lane | 515\n\n{para}");
        let b = blocks(&text);
        assert!(b.iter().all(|b| b.kind != BlockKind::Heading), "{b:?}");
        // a lone `A | B` line before a paragraph may still be a heading
        let text = format!("{para}\n\nCastle Street | Mill Lane\n\n{para}");
        assert!(blocks(&text).iter().any(|b| b.kind == BlockKind::Heading));
    }

    #[test]
    fn heading_needs_a_paragraph_after_it() {
        let b = blocks(&format!("{PARA}\n\nMost Popular Stories\n\nShort link"));
        assert_eq!(b[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn title_from_page_title_and_headline() {
        let s = format!("Opinion | Republicans Are Following Trump - The New York Times\n\nLog In\n\nRepublicans Are Following Trump\n\n{PARA}");
        let (m, _) = extract(&s, &Options::default());
        assert_eq!(m.title.as_deref(), Some("Republicans Are Following Trump"));
    }

    #[test]
    fn title_from_repeated_line_without_watch_tag() {
        let s = format!(
            "• Home/\n• Storm Hits The Coast | Watch\n\nStorm Hits The Coast | Watch\n\n{PARA}"
        );
        let (m, _) = extract(&s, &Options::default());
        assert_eq!(m.title.as_deref(), Some("Storm Hits The Coast"));
    }

    #[test]
    fn no_title_guessed_from_nothing() {
        let (m, _) = extract(PARA, &Options::default());
        assert_eq!(m.title, None);
    }

    #[test]
    fn suffix_stripping() {
        assert_eq!(
            strip_title_suffix("Storm hits coast | Daily News"),
            "Storm hits coast"
        );
        assert_eq!(strip_title_suffix("A - B"), "A - B");
    }

    /// The plain-text seed page passes the structure check end to end.
    #[test]
    fn seed_page_structure() {
        let src = include_str!("../fixtures/seed/source.txt");
        let a = crate::extract_text(src, &Options::default()).unwrap();
        let title = "Russia Publicly Acknowledges North Korean Soldiers Fighting on Victory Day";
        assert_eq!(a.title.as_deref(), Some(title));
        let heads: Vec<&str> = a
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(
            heads,
            [
                "North Korea Confirms Troop Deployment",
                "Kim Jong Un Reaffirms Alliance",
                "Russia Admits North Korean Role in Kursk",
                "Treaty Obligates Military Support",
                "Longstanding History of Diplomatic Caution",
                "Pyongyang Backed Russia on Crimea",
                "Russia’s Criticism of Sanctions",
                "Symbolic Visits and Military Signals",
                "New Treaty Strengthens Military Bond",
                "Diplomatic Show of Strength",
            ]
        );
        assert!(a
            .sections
            .iter()
            .all(|s| s.heading.is_none() || s.level == 2));
        let paras: Vec<&str> = a
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(|b| b.text.as_str()))
            .collect();
        assert_eq!(paras.len(), 16);
        assert_eq!(a.sections[0].heading, None);
        assert_eq!(a.sections[0].blocks.len(), 2);
        assert!(paras[0].starts_with("President Putin publicly honored"));
        for bad in ["Advertisement", "Home/", "Asia/", "| Watch"] {
            assert!(!a.text().contains(bad), "{bad}");
        }
        assert!(!paras.iter().any(|p| p.starts_with(title)));
    }

    #[test]
    fn whole_pipeline_on_repeated_ad_lines() {
        // time bounds are measured in tests/hostile.rs and benches/ (growth)
        let s = format!(
            "{}\n{PARA}\n",
            "Advertisement · Scroll to continue\n".repeat(200_000)
        );
        let a = crate::extract_text(&s, &Options::default()).unwrap();
        assert_eq!(a.text(), PARA);
    }

    #[test]
    fn one_block_per_line_on_many_lines() {
        let s = "Advertisement\n".repeat(200_000);
        assert_eq!(blocks(&s).len(), 200_000);
    }
}

#[cfg(test)]
mod speed_tests {
    use super::*;

    /// The borrowed fast path of `squash` agrees with collapsing runs.
    #[test]
    fn squash_fast_path_is_exact() {
        let slow = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut cases: Vec<String> = [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\u{a0}b",
            "a\u{2009}b",
            "a\u{3000}b",
            "a\u{1680}b",
            "a\u{85}b",
            "a\u{205f}b",
            "it’s — “quoted”",
            "x\u{2028}y",
            "x\u{202f}y",
            "x\u{200b}y",
            "é è",
            "a\u{b}b",
        ]
        .map(str::to_string)
        .to_vec();
        // every character from U+0 to U+3100 between two letters
        cases.extend(
            (0u32..0x3100)
                .filter_map(char::from_u32)
                .map(|c| format!("a{c}b")),
        );
        for s in cases {
            assert_eq!(squash(&s), slow(&s), "{s:?}");
        }
    }

    /// The first-character filter of `strip_bullet` never hides a bullet.
    #[test]
    fn strip_bullet_filter_is_exact() {
        for c in (0u32..0x3100).filter_map(char::from_u32) {
            for s in [
                format!("{c} item"),
                format!("{c}1. item"),
                format!("{c}) item"),
            ] {
                assert_eq!(
                    strip_bullet(&s),
                    BULLET.find(&s).and_then(|m| {
                        let rest = s[m.end()..].trim();
                        (!rest.is_empty()).then_some(rest)
                    }),
                    "{s:?}"
                );
            }
        }
    }
}
