//! Plain-text pages to blocks: paragraphs by blank lines, one block per
//! visible line inside a chunk unless the chunk is a hard-wrapped paragraph,
//! bullet lines as list items, headings from line shape and context, and the
//! title of the dump.
//!
//! Everything here is one or two linear passes over the lines.

use std::borrow::Cow;
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

/// One line of the input, trimmed, with the figures every later pass reads
/// (measured once here, never rescanned).
struct Line<'a> {
    text: &'a str,
    /// The line follows a blank line (or is the first).
    starts_chunk: bool,
    /// Characters in `text`.
    chars: usize,
    /// `text` is known to be its own [`squash`] (a control character
    /// leaves it to the slow path, which copies it unchanged).
    squashed: bool,
    /// [`ends_sentence`] of `text`.
    ends_sentence: bool,
    /// [`strip_bullet`] of `text`: the item after a leading bullet.
    item: Option<&'a str>,
}

impl<'a> Line<'a> {
    fn new(text: &'a str, starts_chunk: bool) -> Self {
        let (chars, squashed) = measure(text);
        Line::with(text, starts_chunk, chars, squashed)
    }

    /// The line of `text`, known to be all of the run `fig` describes.
    fn measured(text: &'a str, starts_chunk: bool, fig: Figures) -> Self {
        Line::with(
            text,
            starts_chunk,
            text.len() - fig.cont,
            fig.squashed(text),
        )
    }

    fn with(text: &'a str, starts_chunk: bool, chars: usize, squashed: bool) -> Self {
        Line {
            text,
            starts_chunk,
            chars,
            squashed,
            ends_sentence: ends_sentence(text),
            item: strip_bullet(text),
        }
    }

    /// Append [`squash`] of the line's text to `out`.
    fn push_squashed(&self, out: &mut String) {
        if self.squashed {
            out.push_str(self.text);
        } else {
            push_squash(out, self.text);
        }
    }

    /// The text a title is looked for in: [`squash`] of the line, less a
    /// bullet.
    fn title_text(&self) -> Cow<'a, str> {
        match self.item {
            Some(item) => squash(item),
            None if self.squashed => Cow::Borrowed(self.text),
            None => squash(self.text),
        }
    }

    /// Has `t`, this line's [`title_text`](Self::title_text), at most `max`
    /// characters? (Counted only when its bytes are more, and taken from
    /// the line when `t` is the line itself.)
    fn title_fits(&self, t: &str, max: usize) -> bool {
        t.len() <= max
            || match self.item.is_none() && self.squashed {
                true => self.chars <= max,
                false => t.chars().count() <= max,
            }
    }
}

/// Split `input` into blocks; guess the metadata a text dump can carry.
pub(crate) fn extract(input: &str, options: &Options) -> (Metadata, Vec<Block>) {
    let o = &options.text;
    let lines = lines(input);
    let (mut blocks, para) = chunk_blocks(&lines, o);
    mark_headings_with(&mut blocks, &para, o);
    let meta = Metadata {
        title: find_title(&lines, o),
        ..Metadata::default()
    };
    (meta, blocks)
}

/// Bytes per non-empty line assumed when sizing the line vector: a little
/// less than the ~50 of scraped pages (an over-guess costs memory bounded
/// by the input's size, an under-guess a doubling).
const LINE_BYTES_GUESS: usize = 40;

/// Non-empty lines, trimmed, each knowing whether a blank line preceded it.
/// (Split at `\n` only: a `\r` before it is trimmed as whitespace, which
/// gives the lines of [`str::lines`].) One look at each byte finds the line
/// ends and measures the lines; a line that trimming shortens is measured
/// again.
fn lines(input: &str) -> Vec<Line<'_>> {
    // room for the lines of a typical page (~50 bytes a line, blank lines
    // between), so that the vector rarely grows
    let mut out = Vec::with_capacity(input.len() / LINE_BYTES_GUESS + 1);
    let b = input.as_bytes();
    let mut blank = true;
    let mut from = 0;
    loop {
        let (end, fig) = run_at(b, from);
        let raw = &input[from..end];
        let t = trim_line(raw);
        if t.is_empty() {
            blank = true;
        } else {
            out.push(match t.len() == raw.len() {
                true => Line::measured(t, blank, fig),
                false => Line::new(t, blank),
            });
            blank = false;
        }
        if end == b.len() {
            return out;
        }
        from = end + 1;
    }
}

/// `raw` less leading and trailing whitespace, byte-order marks and
/// zero-width spaces; itself when it starts and ends with a printable ASCII
/// character (none of those).
fn trim_line(raw: &str) -> &str {
    let printable = |c: &u8| (0x21..0x7f).contains(c);
    let b = raw.as_bytes();
    if b.first().is_some_and(printable) && b.last().is_some_and(printable) {
        return raw;
    }
    raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

/// Characters in `s`, and whether `s` is its own [`squash`] (a newline in
/// `s` counts as the control character it is).
fn measure(s: &str) -> (usize, bool) {
    let b = s.as_bytes();
    let (mut end, mut fig) = run_at(b, 0);
    while end < b.len() {
        let (next, more) = run_at(b, end + 1);
        fig = Figures {
            cont: fig.cont + more.cont,
            bad: true,
            ascii: fig.ascii && more.ascii,
        };
        end = next;
    }
    (b.len() - fig.cont, fig.squashed(s))
}

/// Bytes [`run_at`] looks at together: the loops over a block's lanes
/// are written so that the compiler turns each into a few SSE2
/// instructions (no `unsafe`, no target features).
const LANES: usize = 16;

/// One block of [`LANES`] bytes, or one figure per lane.
type Lanes = [u8; LANES];

/// `KEEP[k]` selects the lanes below `k`: `0xff` there, `0` above.
static KEEP: [Lanes; LANES + 1] = {
    let mut keep = [[0; LANES]; LANES + 1];
    let mut k = 0;
    while k <= LANES {
        let mut i = 0;
        while i < k {
            keep[k][i] = 0xff;
            i += 1;
        }
        k += 1;
    }
    keep
};

/// What one look at a run of bytes tells.
#[derive(Clone, Copy)]
struct Figures {
    /// UTF-8 continuation bytes: the run has `len - cont` characters.
    cont: usize,
    /// A control byte, or two spaces in a row.
    bad: bool,
    /// No byte above `0x7f`.
    ascii: bool,
}

impl Figures {
    /// Is `s`, the run measured, its own [`squash`]? (Conservative: any
    /// control character says no.)
    fn squashed(&self, s: &str) -> bool {
        let b = s.as_bytes();
        !self.bad
            && b.first() != Some(&b' ')
            && b.last() != Some(&b' ')
            && (self.ascii || !has_unicode_space(b))
    }
}

/// [`Figures`] kept per lane while a run is looked at block by block.
#[derive(Default)]
struct LaneFigures {
    /// The lanes' bytes or'ed.
    or: Lanes,
    /// `0xff` where a lane saw a control byte or the first of two spaces.
    bad: Lanes,
    /// Continuation bytes seen in each lane (at most 255 blocks between
    /// two [`count`](Self::count)s).
    cont: Lanes,
}

impl LaneFigures {
    /// Take in the bytes `a[i]` of the lanes `keep` selects, `n[i]` being
    /// the byte after each.
    #[inline(always)]
    fn take(&mut self, a: &Lanes, n: &Lanes, keep: &Lanes) {
        // (`&` and `|`, not `&&` and `||`: no branch in a lane)
        let all = |t: bool| 0u8.wrapping_sub(u8::from(t));
        for i in 0..LANES {
            let bad = (a[i] < 0x20) | ((a[i] == b' ') & (n[i] == b' '));
            self.or[i] |= a[i] & keep[i];
            self.bad[i] |= all(bad) & keep[i];
            // (`0xc0 > b >= 0x80`: a continuation byte)
            self.cont[i] = self.cont[i].wrapping_sub(all((a[i] as i8) < -0x40) & keep[i]);
        }
    }

    /// The continuation bytes counted in the lanes, which start again at 0.
    #[inline(always)]
    fn count(&mut self) -> usize {
        const EVEN: u128 = 0x00ff_00ff_00ff_00ff_00ff_00ff_00ff_00ff;
        let x = u128::from_le_bytes(std::mem::take(&mut self.cont));
        // sum the byte lanes: pairs in 16-bit lanes, halves, then a multiply
        let pairs = (x & EVEN) + ((x >> 8) & EVEN);
        let halves = (pairs as u64) + ((pairs >> 64) as u64);
        (halves.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
    }

    /// The figures of the run, `cont` counted before.
    #[inline(always)]
    fn figures(mut self, cont: usize) -> Figures {
        const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
        let ascii = u128::from_le_bytes(self.or) & HIGH == 0;
        Figures {
            // (an ASCII run has no continuation byte to add up)
            cont: if ascii { cont } else { cont + self.count() },
            bad: u128::from_le_bytes(self.bad) != 0,
            ascii,
        }
    }
}

/// The first lane of `a` holding a newline.
#[inline(always)]
fn first_newline(a: &Lanes) -> Option<usize> {
    let mut any = false;
    for c in a {
        any |= *c == b'\n';
    }
    any.then(|| {
        let eq: Lanes = std::array::from_fn(|i| 0u8.wrapping_sub(u8::from(a[i] == b'\n')));
        (u128::from_le_bytes(eq).trailing_zeros() / 8) as usize
    })
}

/// The run of bytes of `b` from `from` to the next newline or the end:
/// where it ends, and its [`Figures`].
fn run_at(b: &[u8], from: usize) -> (usize, Figures) {
    let mut lanes = LaneFigures::default();
    let mut cont = 0;
    let mut p = from;
    // blocks with the byte after them in `b`
    while p + LANES < b.len() {
        // (255 blocks at most between two counts, so that no lane overflows)
        let mut segment = &b[p..b.len().min(p + 256 * LANES)];
        while let Some((w, _)) = segment.split_first_chunk::<{ LANES + 1 }>() {
            let (a, n) = (
                w[..LANES].try_into().expect("lanes"),
                w[1..].try_into().expect("lanes"),
            );
            if let Some(k) = first_newline(a) {
                lanes.take(a, n, &KEEP[k]);
                return (p + k, lanes.figures(cont));
            }
            lanes.take(a, n, &KEEP[LANES]);
            p += LANES;
            segment = &segment[LANES..];
        }
        cont += lanes.count();
    }
    // the last (at most sixteen) bytes, then newlines
    let rest = &b[p..];
    let mut pad = [b'\n'; LANES + 1];
    pad[..rest.len()].copy_from_slice(rest);
    let (a, n) = (
        pad[..LANES].try_into().expect("lanes"),
        pad[1..].try_into().expect("lanes"),
    );
    let k = first_newline(a).unwrap_or(LANES);
    lanes.take(a, n, &KEEP[k]);
    (p + k, lanes.figures(cont))
}

/// Collapse runs of whitespace to one space (and trim); borrowed when
/// `s` is so already.
fn squash(s: &str) -> Cow<'_, str> {
    if measure(s).1 {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    push_squash(&mut out, s);
    Cow::Owned(out)
}

/// Append `s` with its whitespace runs collapsed to one space (and trimmed).
fn push_squash(out: &mut String, s: &str) {
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// Does the UTF-8 `b` hold a non-ASCII whitespace character?
fn has_unicode_space(b: &[u8]) -> bool {
    let at = |i: usize| is_unicode_space(&b[i..]);
    memchr::memchr3_iter(0xc2, 0xe2, 0xe3, b).any(at) || memchr::memchr_iter(0xe1, b).any(at)
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

/// Strip a leading bullet ([`BULLET`]); `None` when the line has none (or
/// is only one).
fn strip_bullet(line: &str) -> Option<&str> {
    let rest = line[bullet_end(line)?..].trim();
    (!rest.is_empty()).then_some(rest)
}

/// Where a [`BULLET`] at the start of `line` ends (after its first
/// whitespace character: the caller trims the rest). ASCII digits and the
/// bullet characters are read here; a non-ASCII digit, which only the
/// regex knows, goes to it.
fn bullet_end(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let first = *b.first()?;
    let after = if first.is_ascii_digit() {
        let digits = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
        match b.get(digits) {
            Some(b'.' | b')') => digits + 1,
            // maybe a non-ASCII digit: `\d{1,3}` may reach past it
            Some(c) if *c >= 0x80 && digits < 3 => return BULLET.find(line).map(|m| m.end()),
            _ => return None,
        }
    } else if first == b'*' || first == b'-' {
        1
    } else if first >= 0x80 {
        let c = line.chars().next()?;
        if matches!(c, '•' | '·' | '▪' | '●' | '◦' | '‣' | '–') {
            c.len_utf8()
        } else if c.is_numeric() {
            return BULLET.find(line).map(|m| m.end());
        } else {
            return None;
        }
    } else {
        return None;
    };
    let ws = line[after..].chars().next()?;
    ws.is_whitespace().then_some(after + ws.len_utf8())
}

/// Does `line` end a sentence?
fn ends_sentence(line: &str) -> bool {
    // a last byte that is ASCII and no closing quote or bracket decides
    if let Some(&c) = line.as_bytes().last() {
        if c.is_ascii() && !matches!(c, b'"' | b'\'' | b')' | b']' | b'*') {
            return matches!(c, b'.' | b'!' | b'?' | b';' | b':' | b',');
        }
    }
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*']);
    t.ends_with(SENTENCE_END)
}

/// Blocks of consecutive chunks: a hard-wrapped chunk becomes paragraphs of
/// joined lines, any other chunk one block per line. With each block, its
/// [`is_paragraph`] from the lines' figures.
fn chunk_blocks(lines: &[Line<'_>], o: &TextOptions) -> (Vec<Block>, Vec<bool>) {
    let mut blocks = Vec::with_capacity(lines.len());
    let mut para = Vec::with_capacity(lines.len());
    let mut start = 0;
    while start < lines.len() {
        let len = 1 + lines[start + 1..]
            .iter()
            .take_while(|l| !l.starts_chunk)
            .count();
        let chunk = &lines[start..start + len];
        let wrapped = is_wrapped(chunk, o);
        let mut i = 0;
        while i < chunk.len() {
            if let Some(item) = chunk[i].item {
                blocks.push(Block::new(BlockKind::ListItem, squash(item).into_owned()));
                para.push(false);
                i += 1;
                continue;
            }
            // this line and the ones after it that join it
            let mut end = i + 1;
            while end < chunk.len()
                && chunk[end].item.is_none()
                && (wrapped || continues(&chunk[end - 1], &chunk[end], o))
            {
                end += 1;
            }
            let joined = &chunk[i..end];
            let block = Block::new(BlockKind::Paragraph, join(joined));
            // squashed lines keep their characters, plus one space per join
            let chars = || match joined.iter().all(|l| l.squashed) {
                true => joined.iter().map(|l| l.chars).sum::<usize>() + joined.len() - 1,
                false => block.text.chars().count(),
            };
            para.push(is_running_text(&block, chars, o));
            blocks.push(block);
            i = end;
        }
        start += len;
    }
    (blocks, para)
}

/// The [`squash`]ed texts of `lines` joined by spaces, in a string
/// allocated once.
fn join(lines: &[Line<'_>]) -> String {
    let bytes = lines.iter().map(|l| l.text.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(bytes.saturating_sub(1));
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        line.push_squashed(&mut out);
    }
    out
}

/// A chunk of two or more lines, all of wrap width, every line but the last
/// filling most of it: a paragraph broken at a fixed width.
fn is_wrapped(chunk: &[Line<'_>], o: &TextOptions) -> bool {
    if chunk.len() < 2 {
        return false;
    }
    let max = chunk.iter().map(|l| l.chars).max().unwrap_or(0);
    if max > o.wrap_max_chars || max < o.wrap_min_chars {
        return false;
    }
    let min_fill = ((max as f32 * o.wrap_fill) as usize).max(o.wrap_min_chars);
    let body = &chunk[..chunk.len() - 1];
    let finished = body.iter().filter(|l| l.ends_sentence).count();
    body.iter().all(|l| l.chars >= min_fill)
        && 2 * finished <= body.len()
        && chunk.iter().all(|l| l.item.is_none())
}

/// A line that carries on the previous one mid-sentence: the previous line
/// is long and unfinished and this one starts in lower case.
fn continues(prev: &Line<'_>, line: &Line<'_>, o: &TextOptions) -> bool {
    prev.chars >= o.wrap_min_chars
        && !prev.ends_sentence
        && line.text.chars().next().is_some_and(char::is_lowercase)
}

/// A long block that reads as running text ([`is_running_text`], its
/// characters counted only as far as the thresholds need).
fn is_paragraph(b: &Block, o: &TextOptions) -> bool {
    let min = o.paragraph_min_chars;
    b.kind == BlockKind::Paragraph
        && has_chars(&b.text, min)
        && (ends_sentence(&b.text) || has_chars(&b.text, min.saturating_mul(2)))
}

/// Has `s` at least `n` characters? Decided by its length when that can
/// (a character is one to four bytes), else by the characters of its
/// first `2n` bytes (or a little less, to a character boundary), else by
/// counting them all.
fn has_chars(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    if b.len() < n {
        return false;
    }
    if b.len() / 4 >= n {
        return true;
    }
    let mut k = b.len().min(n.saturating_mul(2));
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    s[..k].chars().count() >= n || (k < b.len() && s.chars().count() >= n)
}

/// [`is_paragraph`] with the block's characters counted by `chars`, only
/// when the test needs them.
fn is_running_text(b: &Block, chars: impl FnOnce() -> usize, o: &TextOptions) -> bool {
    if b.kind != BlockKind::Paragraph || b.text.len() < o.paragraph_min_chars {
        // (fewer bytes than the minimum: fewer characters too)
        return false;
    }
    let chars = chars();
    chars >= o.paragraph_min_chars && (ends_sentence(&b.text) || chars >= 2 * o.paragraph_min_chars)
}

/// Short, unpunctuated, not a bullet, and not a lone word. (The cheap
/// tests first: a paragraph fails at its full stop.)
fn heading_shaped(text: &str, o: &TextOptions) -> bool {
    !ends_sentence(text)
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && text.chars().count() <= o.max_heading_chars
        && (2..=o.max_heading_words).contains(
            // (counting past the most allowed changes nothing)
            &text
                .split_whitespace()
                .take(o.max_heading_words.saturating_add(1))
                .count(),
        )
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
// (out of line: profiles then show what boilerplate's call costs)
#[inline(never)]
pub(crate) fn mark_headings(blocks: &mut [Block], o: &TextOptions) {
    // a block turned heading below is never read as a paragraph again (its
    // turn has passed), so each block's is_paragraph is read before it is
    // changed, and only when a test needs it
    mark_headings_by(blocks, |_, b| is_paragraph(b, o), o);
}

/// [`mark_headings`] with each block's [`is_paragraph`] given.
fn mark_headings_with(blocks: &mut [Block], para: &[bool], o: &TextOptions) {
    mark_headings_by(blocks, |i, _| para.get(i).copied().unwrap_or(false), o);
}

/// [`mark_headings`] with `para(i, block)` telling the [`is_paragraph`] of
/// block `i` as it was before marking.
fn mark_headings_by(blocks: &mut [Block], para: impl Fn(usize, &Block) -> bool, o: &TextOptions) {
    let mut seen_paragraph = false;
    for i in 0..blocks.len() {
        let next_is_para = || blocks.get(i + 1).is_some_and(|n| para(i + 1, n));
        let b = &blocks[i];
        // the last row of a table (`Old Town | 18,500`) under other rows
        let table_row = || {
            b.text.contains(CELL_SEPARATOR) && i > 0 && blocks[i - 1].text.contains(CELL_SEPARATOR)
        };
        // (a sentence is never heading-shaped: the cheap part first)
        if b.kind == BlockKind::Paragraph
            && !ends_sentence(&b.text)
            && next_is_para()
            && heading_shaped(&b.text, o)
            && !table_row()
            && (seen_paragraph || capital_share(&b.text) >= o.heading_capital_share)
        {
            let text = std::mem::take(&mut blocks[i].text);
            blocks[i] = Block::heading(2, text);
        } else if !seen_paragraph && para(i, b) {
            seen_paragraph = true;
        }
    }
}

/// Cut a trailing site name or tag (`Title | Site`, `Title - Site`) when
/// what remains has more words than what is cut.
pub(crate) fn strip_title_suffix(title: &str) -> &str {
    let mut best = title;
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = has_separator(title, sep)
            .then(|| title.rfind(sep))
            .flatten()
        {
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
    let enough = |s: &str| has_words(s, o.min_title_words);
    let short = |line: &Line<'_>, t: &str| line.title_fits(t, 2 * o.max_heading_chars);
    // 1. the first line's parts, as they appear again (a first line
    // without a separator has no parts to repeat)
    let parts: Vec<&str> = split_parts(&first);
    if parts.len() >= 2 {
        let mut best: Option<Cow<'_, str>> = None;
        for line in &scan[1..] {
            let t = line.title_text();
            if t.len() < first.len()
                && best.as_ref().map_or(true, |b| t.len() > b.len())
                && enough(&t)
                && short(line, &t)
                && is_part_run(&parts, &first, &t)
            {
                best = Some(t);
            }
        }
        if let Some(best) = best {
            return Some(best.into_owned());
        }
    }
    // 2. a repeated heading-shaped line: of the qualifying texts, the one
    // first seen among those seen twice (sorted by text, then by line)
    let mut texts: Vec<Cow<'_, str>> = Vec::with_capacity(scan.len());
    texts.extend(scan.iter().filter_map(|line| {
        let t = line.title_text();
        let keep = !ends_sentence(&t) && enough(&t) && short(line, &t);
        keep.then_some(t)
    }));
    // (sorted by a key of the first bytes and the length before the text:
    // equal texts stay together, and most comparisons are of two numbers)
    let mut order: Vec<(u64, &str, usize)> = texts
        .iter()
        .map(|t| (sort_key(t), t.as_ref()))
        .zip(0..)
        .map(|((k, t), i)| (k, t, i))
        .collect();
    order.sort_unstable();
    order
        .windows(2)
        .filter(|w| w[0].1 == w[1].1)
        .map(|w| w[0])
        .min_by_key(|&(_, _, i)| i)
        .map(|(_, t, _)| strip_title_suffix(t).to_string())
}

/// A number that equal texts share: the first seven bytes (zero-padded)
/// and the length (capped at 255).
fn sort_key(t: &str) -> u64 {
    let b = t.as_bytes();
    let mut head = [0u8; 8];
    let n = b.len().min(7);
    head[..n].copy_from_slice(&b[..n]);
    (u64::from_be_bytes(head) & !0xff) | b.len().min(255) as u64
}

/// Has `t`, a [`squash`]ed text (words between single spaces), at least
/// `n` words?
fn has_words(t: &str, n: usize) -> bool {
    n == 0
        // (the spaces are near: a byte loop beats a search call per space)
        || (!t.is_empty() && t.bytes().filter(|&c| c == b' ').take(n - 1).count() == n - 1)
}

/// `hay.find(needle)`, cheaper for a short `hay`: the first few places
/// where `needle`'s first byte occurs are compared in place before the
/// linear-time search (whose set-up costs more than a title line) takes over.
fn find_short(hay: &str, needle: &str) -> Option<usize> {
    /// Places compared in place before [`str::find`] takes over.
    const TRIES: usize = 8;
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&lead) = n.first() else {
        return Some(0);
    };
    for (k, pos) in memchr::memchr_iter(lead, h).enumerate() {
        if k == TRIES {
            return hay.find(needle);
        }
        if h[pos..].starts_with(n) {
            return Some(pos);
        }
    }
    None
}

/// `line.contains(sep)` for a separator of [`TITLE_SEPARATORS`] (a space
/// and something else), found by the byte after its space: cheaper than
/// setting up a substring search for a title line.
fn has_separator(line: &str, sep: &str) -> bool {
    let (l, s) = (line.as_bytes(), sep.as_bytes());
    match s {
        [_, anchor, ..] => {
            memchr::memchr_iter(*anchor, l).any(|i| i > 0 && l[i - 1..].starts_with(s))
        }
        _ => line.contains(sep),
    }
}

/// Split a title line at its separators.
fn split_parts(line: &str) -> Vec<&str> {
    let mut parts = vec![line];
    for sep in TITLE_SEPARATORS
        .iter()
        .filter(|sep| has_separator(line, sep))
    {
        parts = parts.into_iter().flat_map(|p| p.split(*sep)).collect();
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
    find_short(line, t).is_some_and(|pos| {
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
    fn lazy_mark_headings_matches_eager() {
        // the old way as oracle: every block's is_paragraph up front
        let o = TextOptions::default();
        let long = "This is a long running paragraph of text that goes on and on \
                    for quite a while so that it counts as running text.";
        let texts = [
            "Old Town | 18,500",
            "New Town | 9,000",
            "Background Of The Case",
            long,
            "the quiet aftermath",
            long,
            "Ends with a stop.",
            "Größere Städte Im Überblick",
            "",
            "  ",
            long,
            "Two Words",
            "Last Heading Here",
        ];
        for skip in 0..texts.len() {
            let mk = || -> Vec<Block> {
                texts[skip..]
                    .iter()
                    .chain(&texts[..skip])
                    .map(|t| Block::new(BlockKind::Paragraph, *t))
                    .collect()
            };
            let mut lazy = mk();
            mark_headings(&mut lazy, &o);
            let mut eager = mk();
            let para: Vec<bool> = eager.iter().map(|b| is_paragraph(b, &o)).collect();
            mark_headings_with(&mut eager, &para, &o);
            assert_eq!(lazy, eager);
        }
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

    /// Short strings over an alphabet of tricky pieces (spaces, controls,
    /// non-ASCII spaces and letters), shifted across the 8-byte words.
    fn tricky_strings() -> Vec<String> {
        const PIECES: &[&str] = &[
            "a", " ", "\t", "é", "\u{a0}", "\u{3000}", "’", "\u{1680}", "\x1f", "\x7f", "\r",
        ];
        let mut out = vec![String::new()];
        let mut level = vec![String::new()];
        for _ in 0..4 {
            level = level
                .iter()
                .flat_map(|s| PIECES.iter().map(move |p| format!("{s}{p}")))
                .collect();
            out.extend(level.iter().cloned());
        }
        let shifted: Vec<String> = out
            .iter()
            .flat_map(|s| (1..9).map(move |k| format!("{}{s}", "b".repeat(k))))
            .collect();
        out.extend(shifted);
        out
    }

    /// The old byte-at-a-time `is_squashed`, kept as the oracle of
    /// `measure` (conservative: any control character says no).
    fn is_squashed_oracle(s: &str) -> bool {
        let b = s.as_bytes();
        if b.first() == Some(&b' ') || b.last() == Some(&b' ') || s.contains("  ") {
            return false;
        }
        if b.iter().any(|&c| c < 0x20) {
            return false;
        }
        s.is_ascii()
            || !b
                .iter()
                .enumerate()
                .any(|(i, &c)| matches!(c, 0xc2 | 0xe1 | 0xe2 | 0xe3) && is_unicode_space(&b[i..]))
    }

    /// `measure` counts characters as `chars` does and says squashed when
    /// the old test did (and then the text is its own squash).
    #[test]
    fn measure_is_exact() {
        let slow = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut cases = tricky_strings();
        cases.extend(long_tricky_strings());
        for s in cases {
            let (chars, squashed) = measure(&s);
            assert_eq!(chars, s.chars().count(), "{s:?}");
            assert_eq!(squashed, is_squashed_oracle(&s), "{s:?}");
            assert!(!squashed || slow(&s) == s, "{s:?}");
        }
    }

    /// Tricky pieces (newlines among them) at every place of the 16-byte
    /// blocks and across them, and runs longer than the 255 blocks after
    /// which the lane counts are added up.
    fn long_tricky_strings() -> Vec<String> {
        const PIECES: &[&str] = &[
            "  ", "\t", "\n", "é", "\u{a0}", "’", "\r", " \n", "\n\n", "x",
        ];
        let mut out = Vec::new();
        for lead in ["b", "é", " "] {
            for k in 9..=40 {
                for p in PIECES {
                    for q in PIECES {
                        out.push(format!("{}{p}{}{q}", lead.repeat(k), "c".repeat(k % 7)));
                    }
                }
            }
        }
        for n in [4079, 4080, 4081, 4095, 4096, 4097, 8200] {
            for p in PIECES {
                out.push(format!("{}{p}", "é".repeat(n / 2)));
                out.push(format!("{}{p}{}", "a".repeat(n), "é".repeat(300)));
                out.push(format!("{}{p}é", "’".repeat(n)));
            }
        }
        out
    }

    /// The old line splitting (a newline search per line, then each line
    /// measured by itself), kept as the oracle of `lines`.
    fn lines_oracle(input: &str) -> Vec<(&str, bool, usize, bool)> {
        let mut out = Vec::new();
        let mut blank = true;
        let mut from = 0;
        let ends = memchr::memchr_iter(b'\n', input.as_bytes()).chain([input.len()]);
        for end in ends {
            let t = trim_line(&input[from..end]);
            from = end + 1;
            if t.is_empty() {
                blank = true;
                continue;
            }
            out.push((t, blank, t.chars().count(), is_squashed_oracle(t)));
            blank = false;
        }
        out
    }

    /// `lines` finds the lines and measures them as the oracle does.
    #[test]
    fn lines_match_oracle() {
        let mut pages = oracle_pages();
        pages.extend(long_tricky_strings());
        pages.extend(tricky_strings().chunks(40).map(|c| c.join("\n")));
        pages.extend(tricky_strings().chunks(40).map(|c| c.join("\r\n")));
        for page in pages {
            let got: Vec<_> = lines(&page)
                .iter()
                .map(|l| (l.text, l.starts_chunk, l.chars, l.squashed))
                .collect();
            assert_eq!(got, lines_oracle(&page), "{page:?}");
        }
    }

    /// `trim_line`'s printable-ASCII shortcut trims as the full test does.
    #[test]
    fn trim_line_is_exact() {
        let slow = |s: &str| {
            s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
                .to_string()
        };
        let mut cases = tricky_strings();
        cases.extend(["\u{feff}x", "x\u{200b}", "~x~", "!", "\u{85}x", "x\r"].map(str::to_string));
        for s in cases {
            assert_eq!(trim_line(&s), slow(&s), "{s:?}");
        }
    }

    /// The hand-read bullets agree with `BULLET` whatever follows the
    /// bullet or the digits.
    #[test]
    fn bullet_end_is_exact() {
        fn oracle(s: &str) -> Option<&str> {
            BULLET.find(s).and_then(|m| {
                let rest = s[m.end()..].trim();
                (!rest.is_empty()).then_some(rest)
            })
        }
        for c in (0u32..0x3100).filter_map(char::from_u32) {
            for s in [
                format!("1.{c}item"),
                format!("-{c}item"),
                format!("•{c}item"),
                format!("1{c}. item"),
                format!("12{c}) item"),
                format!("123{c}. item"),
                format!("{c}{c} item"),
            ] {
                assert_eq!(strip_bullet(&s), oracle(&s), "{s:?}");
            }
        }
        for s in [
            "1234. x",
            "12.5 x",
            "1. ",
            "1.",
            "",
            "- ",
            "–\u{a0}\u{3000}x",
            "٣. x",
        ] {
            assert_eq!(strip_bullet(s), oracle(s), "{s:?}");
        }
    }

    /// `has_chars` says what counting the characters says, and
    /// `is_paragraph` what the old count-them-all test said.
    #[test]
    fn has_chars_is_exact() {
        let o = TextOptions::default();
        let mut cases = tricky_strings();
        cases.extend(long_tricky_strings());
        for k in [0, 1, 39, 40, 79, 80, 81, 159, 160, 161, 319, 320, 321, 640] {
            for piece in ["a", "é", "’", "\u{10348}", "a.", "é."] {
                cases.push(piece.repeat(k));
                cases.push(format!("{}{}", "x".repeat(k), "€".repeat(k)));
            }
        }
        for s in cases {
            let chars = s.chars().count();
            for n in [
                0,
                1,
                2,
                3,
                5,
                16,
                80,
                160,
                chars.saturating_sub(1),
                chars,
                chars + 1,
            ] {
                assert_eq!(has_chars(&s, n), chars >= n, "{s:?} {n}");
            }
            let block = Block::new(BlockKind::Paragraph, s.as_str());
            let old = block.text.len() >= o.paragraph_min_chars
                && chars >= o.paragraph_min_chars
                && (ends_sentence(&block.text) || chars >= 2 * o.paragraph_min_chars);
            assert_eq!(is_paragraph(&block, &o), old, "{s:?}");
        }
    }

    /// `has_words` on squashed texts counts as `split_whitespace` does.
    #[test]
    fn has_words_is_exact() {
        for s in ["", "a", "a b", "a b c", "é ’ x y", "Storm Hits The Coast"] {
            for n in 0..6 {
                assert_eq!(
                    has_words(s, n),
                    s.split_whitespace().count() >= n,
                    "{s:?} {n}"
                );
            }
        }
    }

    /// `find_short` finds the first occurrence, as `str::find` does, also
    /// past its in-place tries.
    #[test]
    fn find_short_is_exact() {
        let hays = [
            "Opinion | Republicans Are Following Trump - The New York Times",
            "a a a a a a a a a a a a a a a a a b a b",
            "aaaaaaaaaaaaaaaaaaaaaaab",
            "é’é’é’ x",
            "",
        ];
        let needles = [
            "", "a", "a b", "ab", "aab", "Trump", "The New", "’é", "x", "zz",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(find_short(h, n), h.find(n), "{h:?} {n:?}");
            }
        }
    }

    /// The old `heading_shaped`, kept as the oracle of the reordered one.
    fn heading_shaped_oracle(text: &str, o: &TextOptions) -> bool {
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

    /// The old `find_title` (squash, counts in a map), kept as the oracle.
    fn find_title_oracle(lines: &[Line<'_>], o: &TextOptions) -> Option<String> {
        let scan = &lines[..lines.len().min(o.title_scan_lines)];
        let first = squash(scan.first()?.text);
        let enough = |s: &str| s.split_whitespace().count() >= o.min_title_words;
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
        let mut counts: std::collections::HashMap<Cow<'_, str>, usize> =
            std::collections::HashMap::new();
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

    /// Pages for the oracles: the text fixtures, and small shapes that take
    /// each branch of the title search.
    fn oracle_pages() -> Vec<String> {
        let mut pages: Vec<String> = [
            include_str!("../fixtures/seed/source.txt"),
            include_str!("../fixtures/text-dump-news/source.txt"),
            include_str!("../fixtures/seed-dump-news-a/source.txt"),
            include_str!("../fixtures/seed-dump-news-b/source.txt"),
        ]
        .map(str::to_string)
        .to_vec();
        pages.extend(
            [
                "A Title Here | Site\n\nA Title Here\n\nA  Title   Here\n",
                "Plain first line\n\nB b b\nC c c\nB b b\nC c c\n",
                "Plain first line\n\nC c c\nB b b\nB b b\nC c c\n",
                "x\n\n• Storm Hits The Coast | Watch\nStorm  Hits The Coast | Watch\n",
                "One - Two Three Four - Five\n\nTwo Three Four - Five\nTwo Three Four\n",
                "Alpha Beta Gamma :: Delta\n\n1. Alpha Beta Gamma\n\u{feff}Alpha\tBeta Gamma\n",
                "x\n\nSame Start Here Two\nSame Start Here One\nSame Start Here\nSame Start Here One\nSame Start Here Two\n",
                "x\n\nAb Cd Ef Zz\nAb Cd Ef Yy\nZz Cd Ef Ab\nAb Cd Ef Yy\nZz Cd Ef Ab\n",
                "",
                "\n\n\n",
            ]
            .map(str::to_string),
        );
        // title candidates longer than the limit in bytes, not in characters
        // (squashed, after a bullet, with a double space)
        for n in [39, 40, 41, 66, 67, 80] {
            let t = "Éé ".repeat(n) + "Zz";
            pages.push(format!("x\n\n{t}\n{t}\n"));
            pages.push(format!("x\n\n• {t}\n{t}\n• {t}\n"));
            pages.push(format!("x\n\nA  {t}\nA {t}\nA  {t}\n"));
        }
        pages
    }

    /// The new title search and heading shape agree with the old ones.
    #[test]
    fn title_and_heading_shape_match_old() {
        let o = TextOptions::default();
        let narrow = TextOptions {
            min_title_words: 0,
            max_heading_chars: 12,
            max_heading_words: 3,
            title_scan_lines: 4,
            ..TextOptions::default()
        };
        for page in oracle_pages() {
            let lines = lines(&page);
            for o in [&o, &narrow] {
                assert_eq!(
                    find_title(&lines, o),
                    find_title_oracle(&lines, o),
                    "{page:?}"
                );
                for l in &lines {
                    assert_eq!(
                        heading_shaped(l.text, o),
                        heading_shaped_oracle(l.text, o),
                        "{:?}",
                        l.text
                    );
                }
            }
        }
    }

    /// The paragraph flags `chunk_blocks` derives from the lines' figures
    /// are `is_paragraph` of its blocks (joined, squashed or not, short,
    /// non-ASCII).
    #[test]
    fn chunk_paragraph_flags_match_is_paragraph() {
        let wrapped = "The council approved the budget on Monday after a long\n\
                       debate that ran well into the night, officials said, and\n\
                       the mayor signed it the next morning without a word said";
        let mut pages = oracle_pages();
        pages.extend([
            wrapped.to_string(),
            wrapped.replace(' ', "  "),
            wrapped.replace("the ", "thé\u{a0}"),
            format!("{}\n{}", "é".repeat(79), "x".repeat(80)),
            format!("{}.\n\n{}", "é ".repeat(40), "ab\tcd ".repeat(30)),
        ]);
        let o = TextOptions::default();
        for page in pages {
            let lines = lines(&page);
            let (blocks, para) = chunk_blocks(&lines, &o);
            let want: Vec<bool> = blocks.iter().map(|b| is_paragraph(b, &o)).collect();
            assert_eq!(para, want, "{page:?}");
        }
    }

    /// `has_separator` is `contains` for every separator, and the title
    /// helpers that use it split and cut as before (the old bodies are the
    /// oracles).
    #[test]
    fn has_separator_is_exact() {
        let lines = [
            "",
            " ",
            "|",
            " |",
            "a | b",
            "a |b",
            "a - | b",
            "a | - b",
            "x – y — z » w :: v · u / t",
            "a::b : : c ::",
            "Storm Hits The Coast | Watch",
            "Opinion | Republicans Are Following Trump - The New York Times",
            "- -- - —— »» //",
        ];
        for line in lines {
            for sep in TITLE_SEPARATORS {
                assert_eq!(
                    has_separator(line, sep),
                    line.contains(sep),
                    "{line:?} {sep:?}"
                );
            }
            let mut parts = vec![line];
            for sep in TITLE_SEPARATORS {
                parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
            }
            let parts: Vec<&str> = parts.into_iter().map(str::trim).collect();
            assert_eq!(split_parts(line), parts, "{line:?}");
            let mut best = line;
            for sep in TITLE_SEPARATORS {
                if let Some(pos) = line.rfind(sep) {
                    let (head, tail) = (&line[..pos], &line[pos + sep.len()..]);
                    let hw = head.split_whitespace().count();
                    if hw >= 2 && hw > tail.split_whitespace().count() && head.len() < best.len() {
                        best = head.trim_end();
                    }
                }
            }
            assert_eq!(strip_title_suffix(line), best, "{line:?}");
        }
    }

    /// `ends_sentence`'s ASCII shortcut agrees with trimming the closers
    /// and looking at the last character.
    #[test]
    fn ends_sentence_is_exact() {
        let slow = |s: &str| {
            s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '*'])
                .ends_with(SENTENCE_END)
        };
        for c in (0u32..0x3100).filter_map(char::from_u32) {
            for s in [
                format!("a{c}"),
                format!("{c}"),
                format!("a.{c}"),
                format!("a{c})"),
                format!("a{c}\""),
            ] {
                assert_eq!(ends_sentence(&s), slow(&s), "{s:?}");
            }
        }
        assert_eq!(ends_sentence(""), slow(""));
    }
}
