//! Blocks in, fewer blocks out: ad markers, breadcrumbs, a repeated title,
//! share/subscribe/cookie/"read more" lines, bylines and datelines (moved to
//! the metadata), image credits, blocks repeated within a page, link lists,
//! the lines a site repeats on most of its pages ([`SiteProfile`]), and, on
//! plain-text pages, the chrome before and after the main run of content
//! (a jusText-style classification of blocks by length, stopword density,
//! punctuation and neighbours).
//!
//! Every rule is a small named function; thresholds live in
//! [`BoilerplateOptions`], word lists in const tables. Everything is linear
//! in the number of blocks (hashing, no pairwise comparison).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::article::{Article, Block, BlockKind, Metadata};
use crate::options::Options;

/// Thresholds of boilerplate removal.
///
/// ```
/// let o = article_extract::BoilerplateOptions::default();
/// assert!(o.site_line_share > 0.5 && o.site_min_pages >= 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BoilerplateOptions {
    /// Share of a site's learned pages a line must appear on to be dropped.
    pub site_line_share: f32,
    /// Fewest pages a line must appear on to be dropped (never fewer than 2).
    pub site_min_pages: usize,
    /// Longest block (characters) the line rules (share, subscribe, read
    /// more, copyright, credits, bylines) may remove; longer is content.
    pub max_rule_chars: usize,
    /// Longest block a cookie/consent notice rule may remove.
    pub max_cookie_chars: usize,
    /// Most words of one breadcrumb (`World`, `Asia`, `Fact Check`).
    pub max_crumb_words: usize,
    /// Most breadcrumbs after `Home` in one trail.
    pub max_crumbs: usize,
    /// Most words of a byline (`By Lucia Ferrante`).
    pub max_byline_words: usize,
    /// Most words of a dateline (`Updated: November 19, 2019 6:21 AM EST`).
    pub max_dateline_words: usize,
    /// Most extra words around the title for a block to count as the title
    /// repeated (`<title> | Watch`, `Opinion | <title> - Site`).
    pub max_title_extra_words: usize,
    /// A block of at least this many characters ending a sentence is "real
    /// content": its first copy survives the repeated-block rule.
    pub content_min_chars: usize,
    /// A block repeated within the page keeps its first copy when it has at
    /// least this many words or ends a sentence (real content); shorter
    /// repeated lines (`Log In`, `Share`) lose every copy.
    pub repeat_content_min_words: usize,
    /// A block of at least `repeat_min_words` words whose word 4-grams
    /// already appeared in earlier blocks for this share (0–1) repeats them
    /// (a summary or an `articleBody` dump of the story, a pull quote).
    pub repeat_coverage: f32,
    /// See [`repeat_coverage`](Self::repeat_coverage).
    pub repeat_min_words: usize,
    /// Most short blocks dropped after a promo header (`Related coverage`,
    /// `Most Popular`): the links it introduces.
    pub max_promo_items: usize,
    /// Fewest comma-separated parts of a tag/keyword list.
    pub tag_list_min_parts: usize,
    /// Link density (0–1) from which a short block counts as a link.
    pub link_density_max: f32,
    /// Most words of a block dropped for being a link (longer blocks with
    /// links are paragraphs citing sources).
    pub link_block_max_words: usize,
    /// Fewest consecutive short link blocks (any kind) that make a run of
    /// links to drop.
    pub link_run_min_blocks: usize,
    /// Fewest consecutive link-dense list items that make a list of links.
    pub link_list_min_items: usize,
    /// Plain text: a block of at least this many characters that reads as
    /// prose (sentence punctuation, stopwords) is *good*.
    pub good_chars: usize,
    /// Plain text: a shorter prose block of at least this many characters is
    /// *near-good*.
    pub near_chars: usize,
    /// Plain text: weight (0–1) of a near-good block's length in the search
    /// for the main run.
    pub near_weight: f32,
    /// Plain text: cost, in characters, of every short or bad block inside
    /// the main run.
    pub short_penalty: f32,
    /// Plain text: cost, in characters, of a block a rule dropped (ad label,
    /// share line, ...) inside the main run: it still separates content.
    pub dropped_penalty: f32,
    /// Plain text: the longest run of short blocks kept between two content
    /// blocks (headings, one-line paragraphs); longer runs are chrome.
    pub max_short_gap: usize,
    /// Plain text: minimal stopword share of a prose block, applied when the
    /// page as a whole has at least `page_stopword_density` (a language the
    /// stopword table knows).
    pub min_stopword_density: f32,
    /// See [`min_stopword_density`](Self::min_stopword_density).
    pub page_stopword_density: f32,
    /// Plain text: stopword share from which a block without sentence
    /// punctuation still reads as prose (a paragraph missing its full stop).
    pub prose_stopword_density: f32,
    /// Plain text: most short blocks kept after a content block ending in a
    /// colon (`Tour dates:` and the list it introduces).
    pub max_list_items: usize,
    /// Plain text: characters of good content needed before a comment
    /// section marker ends the main run.
    pub comments_min_chars: usize,
    /// Plain text: share (0–1) of the characters in prose blocks from which
    /// a page where no rule dropped a block and no comment section starts is
    /// taken as already clean (an extracted article's text, cleaned again)
    /// and kept whole, without the main-run cut.
    pub clean_content_share: f32,
    /// Plain text: how many blocks before the main run are searched for the
    /// headline when the page gave no title.
    pub title_lookback: usize,
    /// Plain text: bonus, in characters, for the first prose block that
    /// follows the headline (the title repeated in the body) within
    /// `title_anchor_window` blocks: the story starts under its headline.
    pub title_anchor_bonus: f32,
    /// See [`title_anchor_bonus`](Self::title_anchor_bonus).
    pub title_anchor_window: usize,
    /// Weight of one CJK character against one alphabetic character in
    /// block lengths (a Japanese sentence is a third as many characters).
    pub cjk_char_weight: usize,
}

impl Default for BoilerplateOptions {
    fn default() -> Self {
        BoilerplateOptions {
            site_line_share: 0.6,
            site_min_pages: 3,
            max_rule_chars: 400,
            max_cookie_chars: 1500,
            max_crumb_words: 4,
            max_crumbs: 6,
            max_byline_words: 8,
            max_dateline_words: 14,
            max_title_extra_words: 8,
            content_min_chars: 80,
            repeat_content_min_words: 4,
            repeat_coverage: 0.8,
            repeat_min_words: 30,
            tag_list_min_parts: 5,
            max_promo_items: 12,
            link_density_max: 0.8,
            link_block_max_words: 12,
            link_list_min_items: 3,
            link_run_min_blocks: 2,
            good_chars: 120,
            near_chars: 60,
            near_weight: 0.5,
            short_penalty: 40.0,
            max_short_gap: 4,
            dropped_penalty: 60.0,
            min_stopword_density: 0.1,
            page_stopword_density: 0.08,
            prose_stopword_density: 0.3,
            max_list_items: 60,
            comments_min_chars: 300,
            clean_content_share: 0.5,
            title_lookback: 3,
            title_anchor_bonus: 300.0,
            title_anchor_window: 6,
            cjk_char_weight: 3,
        }
    }
}

// ---------------------------------------------------------------- tables

/// Ad labels; a block made only of these phrases (any case, any separator)
/// is an ad marker. Longest first where one is a prefix of another.
const AD_PHRASES: &[&str] = &[
    "continue reading the main story",
    "story continues below advertisement",
    "article continues below advertisement",
    "content continues below advertisement",
    "scroll to continue with content",
    "story continues below",
    "article continues below",
    "content continues below",
    "continue reading below",
    "scroll to continue",
    "continue reading",
    "skip advertisement",
    "report this ad",
    "sponsored content",
    "promoted content",
    "partner content",
    "paid content",
    "paid post",
    "advertisements",
    "advertisement",
    "advertising",
    "adverts",
    "advert",
    "sponsored",
    "publicidad",
    "publicité",
    "publicidade",
    "pubblicità",
    "anzeige",
    "werbung",
    "реклама",
    "ads",
    "ad",
];

/// Words of share bars and social links: a short block made only of these
/// (and numbers) is a share/follow line.
const SOCIAL_WORDS: &[&str] = &[
    "share",
    "shares",
    "this",
    "article",
    "story",
    "post",
    "page",
    "on",
    "via",
    "facebook",
    "twitter",
    "x",
    "email",
    "e",
    "mail",
    "print",
    "whatsapp",
    "linkedin",
    "reddit",
    "pinterest",
    "tumblr",
    "telegram",
    "messenger",
    "flipboard",
    "instagram",
    "youtube",
    "tiktok",
    "google",
    "plus",
    "copy",
    "link",
    "url",
    "tweet",
    "follow",
    "us",
    "save",
    "comment",
    "comments",
    "sms",
    "rss",
    "feed",
    "feeds",
    "pocket",
    "mix",
    "vk",
    "line",
    "snapchat",
    "threads",
    "bluesky",
    "mastodon",
    "gift",
    "send",
    "to",
    "a",
    "friend",
    "facebook messenger",
    "social",
    "icon",
    "open",
    "in",
    "new",
    "window",
    "opens",
    "tab",
    "skip",
    "content",
    "main",
    "menu",
    "search",
    "close",
    "sign",
    "up",
    "log",
    "login",
    "logout",
    "out",
    "subscribe",
    "register",
    "back",
    "top",
    "next",
    "previous",
    "prev",
    "more",
    "toggle",
    "navigation",
    "and",
];

/// Lines starting with one of these, then a separator or nothing, are
/// related-link and promo lines (`READ MORE: ...`, `Related coverage`).
///
/// `more from <name>` takes a name of at most
/// [`PROMO_NAME_MAX_CHARS`] characters; the regex has an unbounded `[\w ]+`
/// (a counted Unicode `[\w ]{1,30}` costs ~70 M instructions to compile) and
/// [`promo_match`] checks the bound.
static PROMO_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(read more|read also|also read|read next|read this next|see also|more from (?P<name>[\w ]+)|more on this( story)?|more stories|more news|see more|related( articles?| stories| posts| coverage| content| links| reading| topics| news| video)?|recommended( for you| stories| reading)?|you (may|might) also like|most (popular|read|viewed|shared|watched)|trending( now| stories)?|editor'?s picks|top stories|don'?t miss|watch( now| video)?|listen( now)?|must read|latest news|popular now|in other news)\s*(?:$|[:»›>|\-–—•]+)",
    )
    .expect("promo regex")
});

/// Longest name after `more from` in a promo line (`More from The Ledger`).
const PROMO_NAME_MAX_CHARS: usize = 30;

/// The end of the promo-line match in `text`, as the regex with a counted
/// `more from [\w ]{1,30}` finds it. After `more from `, the match must take
/// the whole run of `[\w ]` (then only whitespace and a separator or the
/// end may follow), so the bounded form matches exactly when that run less
/// its trailing spaces has at most 30 characters; no other alternative
/// starts with `more from`.
fn promo_match(text: &str) -> Option<usize> {
    if !PROMO_LINE.is_match(text) {
        return None;
    }
    let c = PROMO_LINE.captures(text)?;
    if let Some(name) = c.name("name") {
        if char_len(name.as_str().trim_end_matches(' ')) > PROMO_NAME_MAX_CHARS {
            return None;
        }
    }
    c.get(0).map(|m| m.end())
}

/// Prefilters of the line rules (bits of a mask, one per rule): cheap
/// necessary conditions, so that most blocks skip most rules' regexes (and a
/// trivial page never compiles them). Each is exact in the safe direction:
/// whenever a rule's regex would match, its bit is set.
///
/// - Rules anchored at `^\W*` then a word (`read more`, `by`, `tags:` ...)
///   can only match a block whose first run of ASCII letters and digits
///   starts with one of the words in [`ANCHORED_WORDS`]. That run is found
///   by skipping ASCII non-word characters and the common non-ASCII
///   punctuation of [`NON_WORD_PUNCT`]; any other non-ASCII character
///   before it sets the bits of every anchored rule.
/// - Unanchored literals (`cookie`, `all rights reserved`, `newsletter`) are
///   looked for in the block's [`norm`] key, which holds every run of
///   letters of the block lower-cased, single-spaced; the credit literals
///   in its text. [`scan`] finds both on its pass over the block.
/// - `(?i)` lets `ſ` match `s` and the Kelvin sign match `k`: a block with
///   either sets every bit.
const PRE_COMMENTS: usize = 0;
const PRE_PROMO: usize = 1;
const PRE_PROMPT: usize = 2;
const PRE_JOIN: usize = 3;
const PRE_FOLLOW: usize = 4;
const PRE_NEWSLETTER: usize = 5;
const PRE_COOKIE: usize = 6;
const PRE_COPYRIGHT: usize = 7;
const PRE_CREDIT: usize = 8;
const PRE_BYLINE: usize = 9;
const PRE_TAGS: usize = 10;

/// First words (lower-case ASCII) of the alternatives of the anchored
/// rules' regexes ([`COMMENTS_LINE`], [`PROMO_LINE`], [`PROMPT_LINE`],
/// [`PROMPT_JOIN_HEAD`], [`PROMPT_FOLLOW`], [`BYLINE`], the tag-list label);
/// `#` stands for a leading `\d+`. A block can only match when its first
/// run of ASCII letters and digits starts with one of them.
const ANCHORED_WORDS: [(usize, &[&str]); 7] = [
    (
        PRE_COMMENTS,
        &[
            "#", "comment", "leave", "post", "add", "be", "join", "show", "view", "load", "hide",
            "no", "what", "have",
        ],
    ),
    (
        PRE_PROMO,
        &[
            "read",
            "also",
            "see",
            "more",
            "related",
            "recommended",
            "you",
            "most",
            "trending",
            "editor",
            "top",
            "don",
            "watch",
            "listen",
            "must",
            "latest",
            "popular",
            "in",
        ],
    ),
    (
        PRE_PROMPT,
        &[
            "#",
            "sign",
            "subscribe",
            "follow",
            "like",
            "find",
            "skip",
            "back",
            "download",
            "click",
            "tap",
            "learn",
            "log",
            "newsletter",
            "already",
            "by",
        ],
    ),
    (
        PRE_JOIN,
        &["sign", "subscribe", "register", "join", "get", "receive"],
    ),
    (PRE_FOLLOW, &["follow"]),
    (
        PRE_BYLINE,
        &[
            "posted",
            "written",
            "published",
            "reviewed",
            "medically",
            "fact",
            "edited",
            "by",
            "por",
            "par",
            "von",
        ],
    ),
    (
        PRE_TAGS,
        &["tags", "topics", "keywords", "related", "filed"],
    ),
];

/// Non-ASCII characters that are certainly not word characters (`\W`):
/// quotes, dashes, bullets, arrows, spaces, CJK punctuation.
const NON_WORD_PUNCT: &[char] = &[
    '“', '”', '‘', '’', '„', '‚', '«', '»', '‹', '›', '•', '·', '…', '‐', '‑', '‒', '–', '—', '―',
    '■', '□', '▪', '▫', '●', '○', '◦', '►', '▶', '▸', '→', '←', '©', '®', '™', '¡', '¿', '§', '¶',
    '†', '‡', '★', '☆', '❯', '〈', '〉', '「', '」', '『', '』', '【', '】', '（', '）', '：',
    '，', '。', '！', '？', '\u{a0}', '\u{2002}', '\u{2003}', '\u{2009}', '\u{202f}', '\u{3000}',
];

/// Every bit of a prefilter mask.
const PRE_ALL: u32 = (1 << 11) - 1;

/// Literals looked for in a block's key: (mask bit, literal, a necessary
/// condition in the text). A key holds an ASCII letter only where the text
/// holds it (in either case) or a character lower-casing to ASCII
/// ([`F_ASCII_LOWER`]), and a space where the text holds a run of
/// non-alphanumeric characters, so a key holding the literal comes from a
/// text holding the third column's word in some case; [`scan`] looks for
/// that word and checks the key only when it finds it.
const KEY_LITERALS: &[(usize, &str, &str)] = &[
    (PRE_NEWSLETTER, "newsletter", "newsletter"),
    (PRE_COOKIE, "cookie", "cookie"),
    (PRE_COOKIE, "consent to", "consent"),
    (PRE_COOKIE, "manage", "manage"),
    (PRE_COPYRIGHT, "copyright", "copyright"),
    (PRE_COPYRIGHT, "all rights reserved", "reserved"),
    (PRE_COPYRIGHT, "todos los derechos", "derechos"),
    (PRE_COPYRIGHT, "todos os direitos", "direitos"),
    (PRE_COPYRIGHT, "tous droits", "droits"),
];

/// Literals of the (case-sensitive) credit regex, looked for in the text.
const CREDIT_LITERALS: &[&str] = &[
    "Photo",
    "Image",
    "Picture",
    "Foto",
    "Credit",
    "Illustration",
    "Graphic",
    "Video",
    "Source",
    "Media",
    "Getty",
    "Shutterstock",
    "iStock",
    "/",
];

/// The bits of the literals in `lits` found in `hay`, by a literal-only
/// regex: the test oracle of [`scan`]'s literal search.
#[cfg(test)]
fn literal_bits<'a>(lits: impl Iterator<Item = (usize, &'a str)>, hay: &str) -> u32 {
    let bits: Vec<(&str, usize)> = lits.map(|(b, l)| (l, b)).collect();
    let alternation: Vec<String> = bits.iter().map(|(l, _)| regex::escape(l)).collect();
    let re = Regex::new(&alternation.join("|")).expect("literal regex");
    let mut m = 0u32;
    let mut at = 0;
    while let Some(found) = re.find_at(hay, at) {
        let s = found.as_str();
        m |= bits
            .iter()
            .filter(|(l, _)| *l == s)
            .fold(0, |m, (_, b)| m | 1 << b);
        at = found.start() + s.chars().next().map_or(1, char::len_utf8);
    }
    m
}

/// The prefilter mask of a block: `t` its trimmed text, `shape` its
/// [`Shape`], `len` its characters. Bits of rules the block is too long
/// for stay clear (the rules check their bounds first anyway).
fn prefilter(t: &str, shape: &Shape, len: usize, o: &BoilerplateOptions) -> u32 {
    if shape.has(F_FOLD) {
        return PRE_ALL;
    }
    if len > o.max_rule_chars {
        // only the cookie rule reads blocks this long
        return shape.lits & 1 << PRE_COOKIE;
    }
    let (bits, lead) = first_word(t);
    let mut m = bits | shape.lits;
    // `^\W*©`, `^\W*\(c\)`: the `©` or `(` before the first word character
    if shape.has(F_COPY) && t.get(..lead).is_some_and(|l| l.contains(['(', '©'])) {
        m |= 1 << PRE_COPYRIGHT;
    }
    m
}

/// The bits of the anchored rules whose first words the first run of
/// ASCII letters and digits of `t` may start with (none when a non-ASCII
/// letter comes first; every anchored bit when a non-ASCII character we do
/// not know the class of comes first).
fn first_word_bits(t: &str) -> u32 {
    first_word(t).0
}

/// [`first_word_bits`] of `t`, and the end of its leading `\W*` run (the
/// first word character), or `t.len()` when a character we do not know the
/// class of comes first.
fn first_word(t: &str) -> (u32, usize) {
    let bytes = t.as_bytes();
    // ASCII bytes first, without decoding characters
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_alphanumeric() {
            let rest = &bytes[at..];
            let n = rest
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            return (anchored_bits(&rest[..n], &rest[n..]), at);
        }
        if b == b'_' {
            // a word character no anchored rule starts with
            return (0, at);
        }
        if !b.is_ascii() {
            break;
        }
        at += 1;
    }
    // (`at` is the start of a non-ASCII character, or the end)
    first_word_from(t, at)
}

/// [`first_word`] of `t` from byte `from`, character by character.
fn first_word_from(t: &str, from: usize) -> (u32, usize) {
    for (at, c) in t.char_indices().skip_while(|&(at, _)| at < from) {
        if c.is_ascii_alphanumeric() {
            let rest = &t.as_bytes()[at..];
            let n = rest
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            return (anchored_bits(&rest[..n], &rest[n..]), at);
        }
        if c == '_' || is_plain_letter(c) {
            // a word character (`\w`, so `^\W*` stops at it) that no
            // anchored rule starts with: every rule's first word is ASCII
            // letters or `\d` (no alphabetic character is a digit), and the
            // only characters `(?i)` folds onto ASCII letters (`ſ`, `K`)
            // set every bit before (see `non_ascii_letters_start_no_rule`)
            return (0, at);
        }
        if !c.is_ascii() && !NON_WORD_PUNCT.contains(&c) {
            // a letter, digit or mark we do not know the class of: no
            // first-word filter
            return (
                ANCHORED_WORDS.iter().fold(0, |m, (i, _)| m | 1 << i),
                t.len(),
            );
        }
    }
    (0, t.len())
}

/// [`first_word_bits`] as it read before its ASCII fast path (the test
/// oracle).
#[cfg(test)]
fn first_word_bits_oracle(t: &str) -> u32 {
    first_word_from(t, 0).0
}

/// A non-ASCII letter of the scripts below U+0800 (Latin, Greek, Cyrillic,
/// Hebrew, Arabic ...) or of Chinese, Japanese or Korean: a regex word
/// character (`\w`), no `\d`, and under `(?i)` no ASCII letter but `ſ`.
/// (Outside these ranges the standard library's Unicode tables may be newer
/// than the regex crate's; `non_ascii_letters_start_no_rule` checks every
/// character.)
fn is_plain_letter(c: char) -> bool {
    !c.is_ascii() && (c < '\u{800}' || is_cjk(c)) && c.is_alphabetic()
}

/// One first word of [`ANCHORED_WORDS`]: its first 8 bytes packed
/// little-endian ([`pack8_lower`]) with the mask of their length, the rest,
/// and its rule's bit.
struct AnchoredWord {
    head: u64,
    mask: u64,
    tail: &'static [u8],
    bit: u32,
}

/// The first (up to) 8 bytes of `w`, a run of ASCII letters and digits,
/// lower-cased (`| 0x20` lower-cases a letter and keeps a digit),
/// little-endian, zero-padded.
fn pack8_lower(w: &[u8]) -> u64 {
    let n = w.len().min(8);
    // the bytes by [`pack16`]'s loads, then `| 0x20` on the `n` real ones
    let packed = pack16(&w[..n]).map_or(0, |k| k as u64);
    let mask = if n == 0 { 0 } else { u64::MAX >> (8 * (8 - n)) };
    packed | 0x2020_2020_2020_2020 & mask
}

/// [`pack8_lower`] byte by byte (the test oracle).
#[cfg(test)]
fn pack8_lower_oracle(w: &[u8]) -> u64 {
    let n = w.len().min(8);
    let mut b = [0u8; 8];
    for (d, &c) in b.iter_mut().zip(&w[..n]) {
        *d = c | 0x20;
    }
    u64::from_le_bytes(b)
}

/// [`ANCHORED_WORDS`] by lower-case first letter.
static ANCHORED_BY_LETTER: LazyLock<Vec<Vec<AnchoredWord>>> = LazyLock::new(|| {
    let mut by: Vec<Vec<AnchoredWord>> = (0..128).map(|_| Vec::new()).collect();
    for (bit, firsts) in ANCHORED_WORDS {
        for f in firsts.iter().filter(|f| **f != "#") {
            let f = f.as_bytes();
            let n = f.len().min(8);
            by[usize::from(f[0])].push(AnchoredWord {
                head: pack8_lower(f),
                mask: u64::MAX >> (8 * (8 - n)),
                tail: &f[n..],
                bit: 1 << bit,
            });
        }
    }
    by
});

/// The bits of the anchored rules one of whose first words starts `word`,
/// a non-empty run of ASCII letters and digits, in any case; `after` is the
/// text after it. A number (`#`) is followed further: see [`number_bits`].
/// (A first word longer than `word` cannot match: `word`'s zero padding
/// differs from its letters, or `word` is too short for its tail.)
fn anchored_bits(word: &[u8], after: &[u8]) -> u32 {
    if word[0].is_ascii_digit() {
        return number_bits(word, after);
    }
    let w = pack8_lower(word);
    let rest = word.get(8..).unwrap_or(&[]);
    ANCHORED_BY_LETTER[usize::from(word[0] | 0x20) & 0x7f]
        .iter()
        .filter(|a| {
            w & a.mask == a.head
                && (a.tail.is_empty()
                    || rest.len() >= a.tail.len()
                        && rest[..a.tail.len()].eq_ignore_ascii_case(a.tail))
        })
        .fold(0, |m, a| m | a.bit)
}

/// The bits of the two rules with an alternative starting with a number
/// (`#` in [`ANCHORED_WORDS`]) that a block may match whose first run of
/// ASCII letters and digits is `word` (starting with a digit) and whose
/// text goes on with `after`: [`PROMPT_LINE`]'s
/// `\d+\s*(min|mins|minutes?)\s+(read|listen)` needs `min` after the
/// number and optional space, [`COMMENTS_LINE`]'s
/// `\d+\s+(comments?|responses?|replies|reactions)` space then one of its
/// words. A non-ASCII character after the number may be a space or digit
/// (`\s`, `\d` are Unicode): both bits.
fn number_bits(word: &[u8], after: &[u8]) -> u32 {
    const COMMENT_WORDS: [&str; 4] = ["comment", "response", "replies", "reaction"];
    let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
    let rest = &word[digits..];
    if !rest.is_empty() {
        // a letter right after the number: no room for `\s+`
        return u32::from(rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"min")) << PRE_PROMPT;
    }
    let spaces = after
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c))
        .count();
    let next = &after[spaces..];
    match next.first() {
        Some(b) if !b.is_ascii() => 1 << PRE_PROMPT | 1 << PRE_COMMENTS,
        Some(b) if b.is_ascii_alphabetic() => {
            let starts = |w: &str| {
                next.len() >= w.len() && next[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            };
            let comments = spaces > 0 && COMMENT_WORDS.iter().any(|w| starts(w));
            u32::from(starts("min")) << PRE_PROMPT | u32::from(comments) << PRE_COMMENTS
        }
        // the end, or ASCII punctuation or a digit after the spaces
        _ => 0,
    }
}

/// The first-word filter as it read before [`anchored_bits`] (the test
/// oracle).
#[cfg(test)]
fn anchored_bits_oracle(word: &[u8]) -> u32 {
    let mut m = 0;
    for (bit, firsts) in ANCHORED_WORDS {
        if firsts.iter().any(|f| {
            if *f == "#" {
                word[0].is_ascii_digit()
            } else {
                word.len() >= f.len() && word[..f.len()].eq_ignore_ascii_case(f.as_bytes())
            }
        }) {
            m |= 1 << bit;
        }
    }
    m
}

/// The [`prefilter`] bits [`prompt_match`] reads.
const PROMPT_BITS: u32 = 1 << PRE_PROMPT | 1 << PRE_JOIN | 1 << PRE_FOLLOW | 1 << PRE_NEWSLETTER;

/// Does the [`prefilter`] mask `m` hold pattern `i`?
fn pre(m: u32, i: usize) -> bool {
    m & 1 << i != 0
}

/// Newsletter, subscription, follow, sign-in, skip-link and app prompts,
/// less three alternatives with counted Unicode repetitions, which
/// `is_prompt_match` checks in code (compiled, `.{0,80}` and
/// `[\w@.' ]{1,40}` cost ~190 M instructions and made every search clear a
/// huge backtracker bitset).
static PROMPT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*((sign up|subscribe) (now|today|here|for free)\b|(follow|like|find) us\b|skip to (main |the )?(content|navigation|search|main|footer)|back to (top|main menu)|download (the|our) app|click here\b|tap here\b|learn more\W*$|log in\b|sign in\b|newsletters?\W*$|subscribe\W*$|already a subscriber|\d+\s*(min|mins|minutes?)\s+(read|listen)\W*$|by (signing up|subscribing|registering|clicking|continuing)\b)",
    )
    .expect("prompt regex")
});

/// `^\W*(sign up|...|receive)\b` of the prompt `... .{0,80}\b(newsletters?|...)\b`.
static PROMPT_JOIN_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:sign up|subscribe|register|join|get|receive)\b")
        .expect("prompt head regex")
});

/// The tail of [`PROMPT_JOIN_HEAD`]'s prompt.
static PROMPT_JOIN_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:newsletters?|updates|alerts|inbox|briefing|digest)\b")
        .expect("prompt tail regex")
});

/// `follow <name> on twitter`; the name (at most
/// [`FOLLOW_NAME_MAX_CHARS`]) is the shortest that works (lazy).
static PROMPT_FOLLOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*follow ([\w@.' ]+?) on (?:twitter|facebook|instagram|youtube|tiktok|linkedin|x)\b",
    )
    .expect("prompt follow regex")
});

/// Longest name in `follow <name> on <network>`.
const FOLLOW_NAME_MAX_CHARS: usize = 40;

/// `The Morning newsletter`: a short name then `newsletter` ending the line.
/// Group 1 is the name once the leading non-word characters are taken by
/// `^\W*` (its shortest form, at most [`NEWSLETTER_NAME_MAX_CHARS`]).
static PROMPT_NAMED_NEWSLETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*([\w' ]*)\bnewsletters?\W*$").expect("prompt newsletter regex")
});

/// Longest name before `newsletter` in a named-newsletter line.
const NEWSLETTER_NAME_MAX_CHARS: usize = 40;

/// Most characters between the verb and the object of a sign-up prompt
/// (`Sign up for our free daily newsletter`).
const JOIN_GAP_MAX_CHARS: usize = 80;

/// `head\b.{0,80}\btail\b`: `head` (anchored, its end unique) then the
/// first `tail` after it within 80 characters and no line break: the
/// first occurrence of the tail is the best witness (the gap only grows).
fn head_gap_tail(text: &str, head: &Regex, tail: &Regex, max_gap: usize) -> bool {
    let Some(h) = head.find(text) else {
        return false;
    };
    let Some(t) = tail.find_at(text, h.end()) else {
        return false;
    };
    let gap = &text[h.end()..t.start()];
    !gap.contains('\n') && char_len(gap) <= max_gap
}

/// The prompt rule's regex, as it read with its counted repetitions:
/// `^\W*( (sign up|subscribe|register|join|get|receive)\b.{0,80}\b(newsletters?|updates|alerts|inbox|briefing|digest)\b
/// | follow [\w@.' ]{1,40} on (twitter|...)\b | ... | [\w' ]{0,40}\bnewsletters?\W*$ )`.
#[cfg(test)]
fn is_prompt_match(text: &str) -> bool {
    prompt_match(text, u32::MAX)
}

/// `is_prompt_match`, running only the parts the [`prefilter`] mask
/// `m` allows.
fn prompt_match(text: &str, m: u32) -> bool {
    pre(m, PRE_PROMPT) && PROMPT_LINE.is_match(text)
        || pre(m, PRE_JOIN)
            && head_gap_tail(
                text,
                &PROMPT_JOIN_HEAD,
                &PROMPT_JOIN_TAIL,
                JOIN_GAP_MAX_CHARS,
            )
        || pre(m, PRE_FOLLOW)
            && PROMPT_FOLLOW
                .captures(text)
                .and_then(|c| c.get(1))
                .is_some_and(|m| char_len(m.as_str()) <= FOLLOW_NAME_MAX_CHARS)
        || pre(m, PRE_NEWSLETTER)
            && PROMPT_NAMED_NEWSLETTER
                .captures(text)
                .and_then(|c| c.get(1))
                .is_some_and(|m| char_len(m.as_str()) <= NEWSLETTER_NAME_MAX_CHARS)
}

/// Comment-section lines; they also end the main run of a plain-text page.
static COMMENTS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(comments? (are|is) (now )?closed|comments?\W*$|\d+\s+(comments?|responses?|replies|reactions)(\s+(to|on)\s+[\x22“'‘].*)?\W*$|comments?\s*\(\d+\)|leave a (comment|reply)|post a comment|add (a |your )?comment|be the first to comment|join the (discussion|conversation)|(show|view|load|hide) (all )?comments|no comments( yet)?|what do you think\?\W*$|have your say\W*$)",
    )
    .expect("comments regex")
});

/// Cookie and consent notices.
static COOKIE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)((use|uses|using) cookies|cookies? (policy|settings|preferences|consent|notice)|accept (all )?cookies|cookie|consent to (the|our) use|manage (your )?(privacy|consent))",
    )
    .expect("cookie regex")
});

/// Copyright lines. (`copyright(?:\W|$)` rather than `copyright\b`: the same
/// for `is_match`, and without a Unicode word boundary the fast DFA also runs
/// on non-ASCII text instead of handing it to the slow PikeVM.)
static COPYRIGHT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^\W*(©|\(c\)\s*\d|copyright(?:\W|$))|all rights reserved|todos los derechos|todos os direitos|tous droits)")
        .expect("copyright regex")
});

/// Image credits and captions carrying one.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(^(Photo|Image|Picture|Photograph|Foto|Credit|Credits|Illustration|Graphic|Video|Source|Photo credit|Image credit|Image source)s?\s*[:：]|^(Image|Photo|Media|Video) (caption|copyright|source)\b|\b(Credit|Photo|Image|Photograph)s?\s*(\.\.\.|…)|\((Photo|Image|Picture)s?( by| credit)?\s*:?\s*[A-Z][^)]*\)\s*$|(Getty Images|Shutterstock|iStock|AFP via Getty)|\bPhoto by [A-Z]|/\s*(AP|AFP|Reuters|EPA|Getty)\s*$)",
    )
    .expect("credit regex")
});

/// Bylines: `By X`, `Posted by X on ...`, `Written by X`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*((posted|written|published|reviewed|medically reviewed|fact checked|edited)\s+by|by|por|par|von)\s+(\S.*)$")
        .expect("byline regex")
});

/// Words a dateline may hold besides numbers.
const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "ist",
    "jst",
    "aest",
    "et",
    "pt",
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "first",
    "date",
    "time",
    "on",
    "at",
    "hours",
    "hour",
    "hrs",
    "hr",
    "minutes",
    "minute",
    "mins",
    "min",
    "ago",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "yesterday",
    "today",
    "st",
    "nd",
    "rd",
    "th",
    "of",
    "de",
    "às",
    "em",
    "el",
    "le",
    "am",
    "um",
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "enero",
    "febrero",
    "marzo",
    "mayo",
    "junio",
    "julio",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
    "sábado",
    "domingo",
    "feira",
    "and",
];

/// Words that open a breadcrumb trail.
const HOME_WORDS: &[&str] = &[
    "home",
    "homepage",
    "home page",
    "inicio",
    "início",
    "startseite",
    "accueil",
    "главная",
    "you are here",
    "you are at",
];

/// The longest of [`HOME_WORDS`], in bytes.
const HOME_MAX_BYTES: usize = {
    let (mut max, mut i) = (0, 0);
    while i < HOME_WORDS.len() {
        if HOME_WORDS[i].len() > max {
            max = HOME_WORDS[i].len();
        }
        i += 1;
    }
    max
};

/// The most words one of [`HOME_WORDS`] has.
const HOME_MAX_WORDS: usize = most_words(HOME_WORDS);

/// The most space-separated words a phrase of `list` has.
const fn most_words(list: &[&str]) -> usize {
    let (mut max, mut i) = (0, 0);
    while i < list.len() {
        let w = list[i].as_bytes();
        let (mut n, mut j) = (1, 0);
        while j < w.len() {
            n += (w[j] == b' ') as usize;
            j += 1;
        }
        if n > max {
            max = n;
        }
        i += 1;
    }
    max
}

/// `HOME_WORDS.contains(&key)`, its length checked first.
fn is_home_key(key: &str) -> bool {
    key.len() <= HOME_MAX_BYTES && HOME_WORDS.contains(&key)
}

/// Separators inside a one-line breadcrumb trail, with the flag of their
/// middle character.
const CRUMB_SEPARATORS: &[(&str, u32)] = &[
    (" > ", F_GT),
    (" › ", F_RSAQUO),
    (" » ", F_RAQUO),
    (" / ", F_SLASH),
    (" → ", F_ARROW),
    (" >> ", F_GT),
    (" | ", F_PIPE),
];

/// Function words of the languages most pages come in; their share in a
/// block tells prose from menus (jusText's stopword density).
const STOPWORDS: &[&str] = &[
    // English
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
    "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its",
    "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their",
    "our", "not", "no", "will", "would", "can", "could", "said", "says", "also", "than", "then",
    "there", "which", "who", "what", "when", "where", "how", "about", "after", "into", "over",
    "more", "if", "so", "up", "out", "do", "does", "did",
    // Spanish, Portuguese, French, Italian
    "de", "la", "el", "en", "y", "que", "los", "las", "del", "se", "por", "un", "una", "con",
    "para", "es", "al", "lo", "como", "su", "más", "pero", "sus", "le", "ya", "fue", "ha", "o",
    "os", "do", "da", "dos", "das", "em", "no", "na", "um", "uma", "é", "ao", "pelo", "pela",
    "não", "mais", "foi", "les", "des", "et", "du", "une", "est", "pour", "dans", "qui", "sur",
    "pas", "par", "au", "avec", "ce", "il", "sont", "di", "che", "è", "per", "della", "non",
    "sono", // German
    "der", "die", "das", "und", "ist", "nicht", "zu", "den", "von", "mit", "sich", "auf", "für",
    "im", "dem", "ein", "eine", "auch", "wie", // Indonesian
    "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "tidak", "dalam", "akan",
    "pada", "juga", // Russian
    "и", "в", "не", "на", "что", "с", "по", "к", "из", "за", "от", "это", "как", "а", "то", "для",
    "о", "же", "так", "но", "его", "она", "он", "они",
];

/// A fixed set of short words, each looked up as one integer: the word's
/// bytes zero-padded to 16 ([`pack16`]) in an open-addressed table at most
/// a quarter full. Words longer than 16 bytes are left out (the tables'
/// only such entry, `facebook messenger`, holds a space, which no key word
/// does).
struct WordTable {
    slots: Vec<u128>,
    shift: u32,
}

impl WordTable {
    fn new(words: &[&str]) -> Self {
        let n = (words.len() * 4).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![0; n],
            shift: 64 - n.trailing_zeros(),
        };
        for w in words {
            if let Some(k) = pack16(w.as_bytes()) {
                let i = t.find(k);
                t.slots[i] = k;
            }
        }
        t
    }

    /// The slot holding `k`, or the empty one where it would go.
    #[inline]
    fn find(&self, k: u128) -> usize {
        let mask = self.slots.len() - 1;
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(31);
        let mut i = (x.wrapping_mul(GOLDEN) >> self.shift) as usize;
        while self.slots[i] != 0 && self.slots[i] != k {
            i = (i + 1) & mask;
        }
        i
    }

    /// Is `w` in the set? (The rules look packed words up; for tests.)
    #[cfg(test)]
    fn contains(&self, w: &str) -> bool {
        pack16(w.as_bytes()).is_some_and(|k| self.contains_packed(k))
    }

    /// Is the word packed by [`pack16`] as `k` in the set?
    #[inline]
    fn contains_packed(&self, k: u128) -> bool {
        self.slots[self.find(k)] == k
    }
}

/// The bytes of a word of 1 to 16 bytes as one integer, zero-padded (words
/// hold no zero byte, so distinct words pack differently).
/// (By overlapping fixed-size loads rather than a copy of `w.len()` bytes;
/// bytes two loads share are equal, so or-ing them is exact.)
fn pack16(w: &[u8]) -> Option<u128> {
    let n = w.len();
    let lo = match n {
        0 | 17.. => return None,
        1..=3 => {
            let (a, b, c) = (w[0], w[n / 2], w[n - 1]);
            u64::from(a) | u64::from(b) << (8 * (n / 2)) | u64::from(c) << (8 * (n - 1))
        }
        4..=7 => {
            let a = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
            let b = u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]);
            u64::from(a) | u64::from(b) << (8 * (n - 4))
        }
        _ => load8(w, 0),
    };
    let hi = if n > 8 {
        load8(w, n - 8) >> (8 * (16 - n))
    } else {
        0
    };
    Some(u128::from(lo) | u128::from(hi) << 64)
}

/// The 8 bytes of `w` from `at` (which has them), little-endian.
fn load8(w: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&w[at..at + 8]);
    u64::from_le_bytes(b)
}

/// [`pack16`] as it read before (the test oracle).
#[cfg(test)]
fn pack16_oracle(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let mut b = [0u8; 16];
    b[..w.len()].copy_from_slice(w);
    Some(u128::from_le_bytes(b))
}

static SOCIAL_SET: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(SOCIAL_WORDS));
static DATE_SET: LazyLock<WordTable> = LazyLock::new(|| WordTable::new(DATE_WORDS));

// ---------------------------------------------------------------- helpers

/// Lower-case words (runs of alphanumerics) of `s`. A word that is already
/// lower-case ASCII is borrowed; only the others are lower-cased into a new
/// string (`str::to_lowercase`, so non-ASCII words keep its exact rules).
#[cfg(test)]
fn words(s: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                std::borrow::Cow::Borrowed(w)
            } else if w.is_ascii() {
                std::borrow::Cow::Owned(w.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Owned(w.to_lowercase())
            }
        })
}

/// The normalised key of a block: its lower-case words, space-separated.
pub(crate) fn norm(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    scan(s, &mut out, &mut Vec::new());
    utf8(out)
}

/// The key bytes [`scan`] wrote (always UTF-8: ASCII bytes, whole
/// lower-cased characters and strings) as a `String`.
fn utf8(v: Vec<u8>) -> String {
    String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The words of a key made by [`norm`] (none for an empty key): the same
/// words, in order, as `words` gives for the block. (The rules walk the
/// key's bytes; for the test oracles.)
#[cfg(test)]
fn key_words(key: &str) -> impl Iterator<Item = &str> + '_ {
    key.split(' ').filter(|w| !w.is_empty())
}

// Character flags of a block ([`Shape::flags`]): which characters its
// trimmed text holds, for the rules' cheap first checks.
/// An ASCII letter or digit (set in [`ASCII_FLAGS`] only, for the scan).
const F_ALNUM: u32 = 1;
/// `.`, `!`, `?` or `,` (set in [`ASCII_FLAGS`] only, for the scan).
const F_PUNCT: u32 = 1 << 1;
/// A non-ASCII character.
const F_NON_ASCII: u32 = 1 << 2;
/// `ſ` or the Kelvin sign, which `(?i)` matches as `s` and `k`.
const F_FOLD: u32 = 1 << 3;
/// The Kelvin sign or `İ`: the only non-ASCII characters whose lower case
/// holds ASCII letters (`k`, `i̇`), so the only way a key gets an ASCII
/// letter the text does not have.
const F_ASCII_LOWER: u32 = 1 << 4;
const F_DIGIT: u32 = 1 << 5;
const F_SLASH: u32 = 1 << 6;
/// `(` or `©`.
const F_COPY: u32 = 1 << 7;
const F_GT: u32 = 1 << 8;
const F_PIPE: u32 = 1 << 9;
/// `›`
const F_RSAQUO: u32 = 1 << 10;
/// `»`
const F_RAQUO: u32 = 1 << 11;
/// `→`
const F_ARROW: u32 = 1 << 12;
const F_HYPHEN: u32 = 1 << 13;
/// `–` or `—`.
const F_DASH: u32 = 1 << 14;
const F_COLON: u32 = 1 << 15;
/// `·`
const F_MIDDOT: u32 = 1 << 16;
/// The characters of [`CRUMB_SEPARATORS`].
const F_CRUMB: u32 = F_GT | F_RSAQUO | F_RAQUO | F_SLASH | F_ARROW | F_PIPE;
/// The separators around a title repeated with a tag (`|`, `-`, `–`, `—`,
/// `»`, `:`, `·`, `/`).
const F_TITLE_SEP: u32 = F_PIPE | F_HYPHEN | F_DASH | F_RAQUO | F_COLON | F_MIDDOT | F_SLASH;

/// The flags of each ASCII byte.
const ASCII_FLAGS: [u32; 128] = {
    let mut t = [0u32; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            F_ALNUM | F_DIGIT
        } else if b.is_ascii_alphabetic() {
            F_ALNUM
        } else {
            match b {
                b'.' | b'!' | b'?' | b',' => F_PUNCT,
                b'/' => F_SLASH,
                b'(' => F_COPY,
                b'>' => F_GT,
                b'|' => F_PIPE,
                b'-' => F_HYPHEN,
                b':' => F_COLON,
                _ => 0,
            }
        };
        i += 1;
    }
    t
};

/// [`LOWER_2`]'s mark of a character that is not alphanumeric.
const NOT_ALNUM: u32 = u32::MAX;
/// [`LOWER_2`]'s mark of an alphanumeric character whose lower case is
/// more than one character.
const MULTI_LOWER: u32 = u32::MAX - 1;

/// For each character below U+0800 (those of one or two UTF-8 bytes: Latin,
/// Greek, Cyrillic, Hebrew, Arabic...): its lower case when it is
/// alphanumeric and lower-cases to one character, else [`NOT_ALNUM`] or
/// [`MULTI_LOWER`]. Spares [`scan`] the Unicode tables' searches.
static LOWER_2: LazyLock<Box<[u32]>> = LazyLock::new(|| {
    (0..0x800u32)
        .map(|u| {
            let c = char::from_u32(u).unwrap_or('\0');
            if !c.is_alphanumeric() {
                return NOT_ALNUM;
            }
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => u32::from(x),
                _ => MULTI_LOWER,
            }
        })
        .collect()
});

/// The flags of a non-ASCII character.
fn char_flags(c: char) -> u32 {
    F_NON_ASCII
        | match c {
            '\u{17f}' => F_FOLD,
            '\u{212a}' => F_FOLD | F_ASCII_LOWER,
            '\u{130}' => F_ASCII_LOWER,
            '©' => F_COPY,
            '›' => F_RSAQUO,
            '»' => F_RAQUO,
            '→' => F_ARROW,
            '–' | '—' => F_DASH,
            '·' => F_MIDDOT,
            _ => 0,
        }
}

/// What one pass over a block's text finds besides its key ([`scan`]);
/// counts are of the text trimmed as `str::trim` does. They are kept as
/// `u32` (a page holds one per block): a count of a block of more than
/// 4 GiB of text would stop at `u32::MAX`, far above every threshold.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Shape {
    /// Characters of the trimmed text.
    chars: u32,
    /// Whitespace characters the trim took off.
    edge: u32,
    /// CJK characters ([`is_cjk`]).
    cjk: u32,
    /// Words of the key, and how many of them are stopwords.
    words: u32,
    stopwords: u32,
    /// Sentence punctuation (`.`, `!`, `?`, `。`, `,`, `，`, `、`).
    punct: u32,
    /// `F_*` bits.
    flags: u32,
    /// The [`prefilter`] bits of the literals found: [`KEY_LITERALS`] in
    /// the key, [`CREDIT_LITERALS`] in the text.
    lits: u32,
    /// A hash of the key, from its words' [`word_hash`]es ([`chain_hash`]).
    key_hash: u64,
}

/// A count as a [`Shape`] keeps it.
fn count32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Shape {
    /// Characters of the trimmed text.
    fn chars(&self) -> usize {
        self.chars as usize
    }

    /// Words of the key.
    fn words(&self) -> usize {
        self.words as usize
    }

    /// Word 4-grams of the key.
    fn grams(&self) -> usize {
        self.words().saturating_sub(3)
    }

    /// Characters of the whole text (`char_len(&b.text)`).
    fn all_chars(&self) -> usize {
        self.chars() + self.edge as usize
    }

    /// `weighted_len` of the whole text: characters, CJK ones weighted.
    fn weighted_len(&self, o: &BoilerplateOptions) -> usize {
        let cjk = self.cjk as usize;
        self.all_chars() - cjk + cjk * o.cjk_char_weight
    }

    fn has(&self, flags: u32) -> bool {
        self.flags & flags != 0
    }
}

/// A literal looked for by [`scan`]: where it is anchored (two of its
/// bytes, [`anchor_offset`]), whether case matters, and what a find means.
struct Anchor {
    pair: usize,
    /// Where the pair is in the literal.
    offset: usize,
    lit: &'static [u8],
    ignore_case: bool,
    /// The literal's first (up to) 8 bytes ([`first8`]), lower-cased when
    /// case is ignored; the bits of those bytes (`mask`); and 0x20 in each
    /// of them when case is ignored (`fold`: the literals are letters,
    /// and a byte ORed with 0x20 is a lower-case ASCII letter exactly when
    /// the byte is an ASCII letter of either case).
    head: u64,
    mask: u64,
    fold: u64,
    /// A [`KEY_LITERALS`] index (the literal is a necessary condition of
    /// that key literal, checked on the key afterwards), or `None` for a
    /// [`CREDIT_LITERALS`] one (its bit is set outright).
    key_literal: Option<usize>,
}

/// The anchors of [`scan`]'s literal search (sorted by pair), and for each
/// pair of an ASCII byte and the byte after it ([`pair_index`]) what the
/// ASCII loop of [`Scanner::ascii_segment`] does at the second: [`PAIR_NONE`]
/// (a letter or digit inside a word, anchoring nothing), the index in
/// `list` of the pair's first anchor plus one, [`PAIR_START`],
/// [`PAIR_END`], [`PAIR_SEP`] or [`PAIR_STOP`].
struct Anchors {
    pairs: Box<[u8; 1 << 16]>,
    list: Vec<Anchor>,
}

/// [`Anchors::pairs`]: a letter or digit after one, anchoring nothing.
const PAIR_NONE: u8 = 0;
/// [`Anchors::pairs`]: a letter or digit after another ASCII byte: a word
/// starts.
const PAIR_START: u8 = 0xfc;
/// [`Anchors::pairs`]: another ASCII byte after a letter or digit: a word
/// ends.
const PAIR_END: u8 = 0xfd;
/// [`Anchors::pairs`]: another ASCII byte after another ASCII byte.
const PAIR_SEP: u8 = 0xfe;
/// [`Anchors::pairs`]: a non-ASCII byte (the ASCII loop stops).
const PAIR_STOP: u8 = 0xff;

/// Index of a byte pair in [`Anchors::pairs`].
#[inline(always)]
fn pair_index(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

/// Letter pairs frequent in English text, in lower case: a literal whose
/// case is ignored is anchored on a pair of its letters not among them, so
/// that fewer pairs of the text send [`scan`] to check it.
const COMMON_PAIRS: &[&[u8; 2]] = &[
    b"th", b"he", b"in", b"er", b"an", b"re", b"on", b"at", b"en", b"nd", b"ti", b"es", b"or",
    b"te", b"of", b"ed", b"is", b"it", b"al", b"ar", b"st", b"to", b"nt", b"ng", b"se", b"ha",
    b"as", b"ou", b"io", b"le", b"ve", b"co", b"me", b"de", b"hi", b"ri", b"ro", b"ic", b"ne",
    b"ea", b"ra", b"ce", b"li", b"ch", b"ll", b"be", b"ma", b"si", b"om", b"ur", b"na", b"di",
    b"ns",
];

/// Where a literal of `lit` (two bytes or more) is anchored: its first
/// pair, or for a literal whose case is ignored its first pair not in
/// [`COMMON_PAIRS`] (if any).
fn anchor_offset(lit: &[u8], ignore_case: bool) -> usize {
    let common = |p: &[u8]| COMMON_PAIRS.iter().any(|c| p.eq_ignore_ascii_case(&c[..]));
    if !ignore_case {
        return 0;
    }
    lit.windows(2).position(|p| !common(p)).unwrap_or(0)
}

static ANCHORS: LazyLock<Anchors> = LazyLock::new(|| {
    let mut list = Vec::new();
    let mut add = |lit: &'static str, ignore_case: bool, key_literal: Option<usize>| {
        let b = lit.as_bytes();
        let offset = anchor_offset(b, ignore_case);
        let cases = |c: u8| {
            if ignore_case {
                [c.to_ascii_lowercase(), c.to_ascii_uppercase()]
            } else {
                [c, c]
            }
        };
        for x in cases(b[offset]) {
            for y in cases(b[offset + 1]) {
                let pair = pair_index(x, y);
                if !list
                    .iter()
                    .any(|a: &Anchor| a.pair == pair && a.lit == b && a.key_literal == key_literal)
                {
                    let n = b.len().min(8);
                    let mask = u64::MAX >> (64 - 8 * n);
                    let fold = if ignore_case {
                        0x2020_2020_2020_2020 & mask
                    } else {
                        0
                    };
                    list.push(Anchor {
                        pair,
                        offset,
                        lit: b,
                        ignore_case,
                        head: first8(b) | fold,
                        mask,
                        fold,
                        key_literal,
                    });
                }
            }
        }
    };
    for (i, (_, _, surrogate)) in KEY_LITERALS.iter().enumerate() {
        add(surrogate, true, Some(i));
    }
    for lit in CREDIT_LITERALS.iter().filter(|l| l.len() >= 2) {
        add(lit, false, None);
    }
    list.sort_by_key(|a| a.pair);
    let mut pairs = Box::new([PAIR_NONE; 1 << 16]);
    for (p, v) in pairs.iter_mut().enumerate() {
        let (first, second) = ((p >> 8) as u8, p as u8);
        *v = match (first.is_ascii_alphanumeric(), second) {
            (_, 0x80..) => PAIR_STOP,
            (true, b) if b.is_ascii_alphanumeric() => PAIR_NONE,
            (true, _) => PAIR_END,
            (false, b) if b.is_ascii_alphanumeric() => PAIR_START,
            (false, _) => PAIR_SEP,
        };
    }
    for (k, a) in list.iter().enumerate().rev() {
        pairs[a.pair] = u8::try_from(k + 1)
            .ok()
            .filter(|&v| v < PAIR_START)
            .expect("fewer anchors than PAIR_START");
    }
    Anchors { pairs, list }
});

/// The anchors of `anchors` on `pair`, from the `first` in the list on,
/// checked where the pair ends at byte `second` of `t` (each literal
/// starting its [`Anchor::offset`] before the pair): bit `k` for
/// [`KEY_LITERALS`] index `k` whose condition was found, [`CREDIT_FOUND`]
/// for a credit literal.
#[cold]
#[inline(never)]
fn anchor_bits(anchors: &Anchors, t: &[u8], second: usize, pair: usize, first: usize) -> u32 {
    let mut bits = 0;
    let from = anchors.list.get(first..).unwrap_or(&[]);
    for a in from.iter().take_while(|a| a.pair == pair) {
        let Some(start) = second.checked_sub(1 + a.offset) else {
            continue;
        };
        // the 8 bytes from `start`, when the text has them, first
        let eight = t.get(start..).and_then(<[u8]>::first_chunk::<8>);
        if eight.is_some_and(|x| (u64::from_le_bytes(*x) | a.fold) & a.mask != a.head) {
            continue;
        }
        let Some(s) = t.get(start..start + a.lit.len()) else {
            continue;
        };
        let found = if a.ignore_case {
            s.eq_ignore_ascii_case(a.lit)
        } else {
            s == a.lit
        };
        if found {
            bits |= a.key_literal.map_or(CREDIT_FOUND, |k| 1 << k);
        }
    }
    bits
}

/// [`anchor_bits`]' mark of a credit literal (above the key literals').
const CREDIT_FOUND: u32 = 1 << 31;

/// What [`Scanner::ascii_segment`] found.
struct Segment {
    end: usize,
    flags: u32,
    punct: usize,
    found: u32,
    digit: bool,
}

/// The running state of [`scan`] over one block. The key goes into `out`,
/// a slice sized for the longest key the text can make, at `len`; where
/// each of its words ends, into `ends` (the words are hashed afterwards,
/// by [`word_figures`]).
struct Scanner<'a> {
    out: &'a mut [u8],
    len: usize,
    /// Room for every word's end (a text of n bytes has at most n / 2 + 1
    /// words); the first `words` are set.
    ends: &'a mut [u64],
    words: usize,
    /// CJK characters.
    cjk: usize,
    /// Inside a word: where it starts in `out` and in the text.
    in_word: bool,
    word_out: usize,
    word_in: usize,
    /// The word holds `Σ` (lower-cased by `str::to_lowercase` as a whole).
    sigma: bool,
}

impl Scanner<'_> {
    #[inline(always)]
    fn push(&mut self, b: u8) {
        if let Some(slot) = self.out.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    #[inline(always)]
    fn extend(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.push(b);
        }
    }

    /// Scan the ASCII bytes of `t` from byte `i` on (up to its next
    /// non-ASCII byte): append their words' letters and digits to the key,
    /// lower-cased, each word after a space, note where words start and end,
    /// and look for the anchors. Returns where it stopped and what it found:
    /// the `F_*` flags of the bytes that are no letters or digits, their
    /// sentence punctuation, [`anchor_bits`], and whether a digit was seen.
    #[inline(never)]
    fn ascii_segment(&mut self, t: &str, i: usize, anchors: &Anchors) -> Segment {
        let bytes = t.as_bytes();
        let pairs: &[u8; 1 << 16] = &anchors.pairs;
        let mut seg = Segment {
            end: i,
            flags: 0,
            punct: 0,
            found: 0,
            digit: false,
        };
        // the previous byte and this one ([`pair_index`]): a letter inside a
        // word (one that anchors nothing) or a space before the first byte
        let mut pair = u16::from(if self.in_word { b'z' } else { b' ' });
        let mut len = self.len;
        let mut in_word = self.in_word;
        // the bits all letters and digits share: digits lack 0x40
        let mut all = u8::MAX;
        let mut i = i;
        loop {
            // letters and digits inside a word (no call in this loop: its
            // state stays in registers)
            while let Some(&b) = bytes.get(i) {
                pair = pair << 8 | u16::from(b);
                if pairs[usize::from(pair)] != PAIR_NONE {
                    break;
                }
                if let Some(d) = self.out.get_mut(len) {
                    *d = b | 0x20;
                    len += 1;
                }
                all &= b;
                i += 1;
            }
            let Some(&b) = bytes.get(i) else { break };
            let a = pairs[usize::from(pair)];
            if a == PAIR_STOP {
                break;
            }
            if a == PAIR_START {
                // a word starts (after a space in the key)
                if len > 0 {
                    if let Some(d) = self.out.get_mut(len) {
                        *d = b' ';
                        len += 1;
                    }
                }
                in_word = true;
                self.word_out = len;
                self.word_in = i;
                self.sigma = false;
                if let Some(d) = self.out.get_mut(len) {
                    *d = b | 0x20;
                    len += 1;
                }
                all &= b;
            } else if a == PAIR_SEP || a == PAIR_END {
                let e = ASCII_FLAGS[usize::from(b & 0x7f)];
                seg.flags |= e;
                seg.punct += (e >> 1 & 1) as usize;
                if a == PAIR_END {
                    in_word = false;
                    self.len = len;
                    self.end_word(t, i);
                    len = self.len;
                }
            } else {
                // an anchor
                let first = usize::from(a - 1);
                seg.found |= anchor_bits(anchors, bytes, i, usize::from(pair), first);
                if let Some(d) = self.out.get_mut(len) {
                    *d = b | 0x20;
                    len += 1;
                }
                all &= b;
            }
            i += 1;
        }
        self.len = len;
        self.in_word = in_word;
        seg.end = i;
        seg.digit = all & 0x40 == 0;
        seg
    }

    #[inline(always)]
    fn begin_word(&mut self, at: usize) {
        if self.len > 0 {
            self.push(b' ');
        }
        self.in_word = true;
        self.word_out = self.len;
        self.word_in = at;
        self.sigma = false;
    }

    /// Close the word that ends at byte `end` of `t`.
    #[inline(always)]
    fn end_word(&mut self, t: &str, end: usize) {
        self.in_word = false;
        if self.sigma {
            self.lower_sigma_word(t, end);
        }
        if let Some(w) = self.ends.get_mut(self.words) {
            *w = self.len as u64;
            self.words += 1;
        }
    }

    /// Lower-case the word holding `Σ` that ends at byte `end` of `t` as
    /// `str::to_lowercase` does, in place of what the scan wrote.
    #[cold]
    #[inline(never)]
    fn lower_sigma_word(&mut self, t: &str, end: usize) {
        self.len = self.word_out;
        self.extend(t[self.word_in..end].to_lowercase().as_bytes());
    }
}

/// What a key's words make, from the key in `out` and where each word ends
/// (`words`, which get the words' [`word_hash`]es in their place): the
/// stopwords among them and the key's hash; each word 4-gram's
/// [`gram_hash`] goes to `grams`.
fn word_figures(out: &[u8], words: &mut [u64], grams: &mut Vec<u64>) -> (usize, u64) {
    let mut stopwords = 0;
    let mut start = 0;
    let mut key_hash = CHAIN_SEED;
    for w in words.iter_mut() {
        let end = usize::try_from(*w).unwrap_or(usize::MAX);
        let n = end.wrapping_sub(start);
        let h = if n.wrapping_sub(1) < 8 {
            // the word's bytes: one load when `out` has 8 from its start
            let packed = match out.get(start..).and_then(<[u8]>::first_chunk::<8>) {
                Some(b) => u64::from_le_bytes(*b) & u64::MAX >> (64 - 8 * n),
                None => first8(out.get(start..end).unwrap_or(&[])),
            };
            let h = short_word_hash(n, packed);
            stopwords += usize::from(is_stop_hash(h));
            h
        } else {
            word_hash_bytes(out.get(start..end).unwrap_or(&[]))
        };
        *w = h;
        key_hash = chain_hash(key_hash, h);
        start = end + 1;
    }
    if let [a, b, c, rest @ ..] = &*words {
        // the rolling xor of the last three words' rotated hashes (see
        // `gram_hash`): a word comes in, the gram is done, its first goes
        let mut rolling = a.rotate_left(2 * GRAM_ROT) ^ b.rotate_left(GRAM_ROT) ^ c;
        grams.extend(rest.iter().zip(words.iter()).map(|(&new, &first)| {
            let g = rolling.rotate_left(GRAM_ROT) ^ new;
            rolling = g ^ first.rotate_left(3 * GRAM_ROT % 64);
            gram_mix(g)
        }));
    }
    (stopwords, key_hash)
}

/// Slots of [`STOP_HASHES`]: a power of two, at least 4 times the stopwords.
const STOP_SLOTS: usize = 1024;

/// The [`short_word_hash`]es of the stopwords (all of 1 to 8 bytes), in an
/// open-addressed table at most a quarter full, a hash's first slot its top
/// bits. The hash of a word of 1 to 8 bytes tells it apart from every other
/// such word (the multiplication is odd, so invertible, and two packings
/// differ in more than the length bits), so a word is a stopword exactly
/// when its hash is in the table.
static STOP_HASHES: [u64; STOP_SLOTS] = {
    assert!(STOPWORDS.len() * 4 <= STOP_SLOTS && STOP_SLOTS.is_power_of_two());
    let mut t = [0u64; STOP_SLOTS];
    let mut k = 0;
    while k < STOPWORDS.len() {
        let w = STOPWORDS[k].as_bytes();
        assert!(!w.is_empty() && w.len() <= 8);
        let h = short_word_hash(w.len(), first8(w));
        assert!(h != 0);
        let mut i = stop_slot(h);
        while t[i] != 0 && t[i] != h {
            i = (i + 1) % STOP_SLOTS;
        }
        t[i] = h;
        k += 1;
    }
    t
};

/// The first slot of hash `h` in [`STOP_HASHES`].
#[inline(always)]
const fn stop_slot(h: u64) -> usize {
    (h >> (64 - STOP_SLOTS.trailing_zeros())) as usize
}

/// Is the word whose [`short_word_hash`] is `h` a stopword?
#[inline(always)]
fn is_stop_hash(h: u64) -> bool {
    let mut i = stop_slot(h);
    loop {
        let s = STOP_HASHES[i % STOP_SLOTS];
        if s == h {
            return h != 0;
        }
        if s == 0 {
            return false;
        }
        i += 1;
    }
}

/// The first (up to) 8 bytes of `w`, zero-padded, as one integer.
#[inline]
const fn first8(w: &[u8]) -> u64 {
    let mut p = 0u64;
    let mut k = 0;
    while k < w.len() && k < 8 {
        p |= (w[k] as u64) << (8 * k);
        k += 1;
    }
    p
}

/// Append the key of `text` to `out` (which holds earlier keys, or
/// nothing) and the [`gram_hash`]es of its word 4-grams to `grams`, and
/// measure the text, all in one pass over its bytes with an ASCII fast
/// path.
///
/// The key is [`norm`]'s: the text's words (maximal runs of alphanumeric
/// characters), lower-cased, single-spaced. An ASCII word is lower-cased
/// byte by byte; a word with a non-ASCII character character by character
/// with `char::to_lowercase`, which is what `str::to_lowercase` does but
/// for `Σ`, whose lower case depends on its place in the word: a word
/// holding one goes through `str::to_lowercase` whole, as before.
fn scan(text: &str, out: &mut Vec<u8>, grams: &mut Vec<u64>) -> Shape {
    let key_start = out.len();
    let (end, shape) = scan_at(text, out, key_start, grams, &mut Vec::new());
    out.truncate(end);
    shape
}

/// [`scan`] writing the key at `key_start` of `buf`, whose bytes from there
/// on are scratch (`buf` grows, zeroed, when it is too short for the key):
/// the key's end and the shape. Keeping `buf` long between blocks spares
/// zeroing the room for each key; `ends` is scratch too.
fn scan_at(
    text: &str,
    buf: &mut Vec<u8>,
    key_start: usize,
    grams: &mut Vec<u64>,
    ends: &mut Vec<u64>,
) -> (usize, Shape) {
    let start = text.trim_start();
    let t = start.trim_end();
    let edge = if t.len() == text.len() {
        0
    } else {
        char_len(&text[..text.len() - start.len()]) + char_len(&start[t.len()..])
    };
    // a key takes at most twice its text's bytes: a character lower-cases
    // to at most 1.5 times its bytes, and a word of n bytes adds one space
    let need = key_start + 2 * t.len();
    if buf.len() < need {
        buf.resize(need, 0);
    }
    let (len, shape) = scan_into(t, &mut buf[key_start..], grams, ends);
    let shape = Shape {
        edge: count32(edge),
        ..shape
    };
    (key_start + len, shape)
}

/// [`scan`] of the trimmed text `t` into `out`, long enough for its key:
/// the key's length and the shape (but its `edge`). `ends` is scratch.
fn scan_into(t: &str, out: &mut [u8], grams: &mut Vec<u64>, ends: &mut Vec<u64>) -> (usize, Shape) {
    let anchors: &Anchors = &ANCHORS;
    let low2: &[u32] = &LOWER_2;
    // room for every word's end (a word takes a byte and ends at the next);
    // kept between blocks: only the ends this scan sets are read
    let room = t.len() / 2 + 1;
    if ends.len() < room {
        ends.resize(room, 0);
    }
    let mut s = Scanner {
        out,
        len: 0,
        ends,
        words: 0,
        cjk: 0,
        in_word: false,
        word_out: 0,
        word_in: 0,
        sigma: false,
    };
    let bytes = t.as_bytes();
    let n = bytes.len();
    // bytes taken by non-ASCII characters beyond one each
    let mut extra = 0usize;
    let (mut flags, mut punct) = (0u32, 0usize);
    // [`anchor_bits`] of the whole text
    let mut found = 0u32;
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            let seg = s.ascii_segment(t, i, anchors);
            flags |= seg.flags;
            punct += seg.punct;
            found |= seg.found;
            if seg.digit {
                flags |= F_DIGIT;
            }
            i = seg.end;
            continue;
        }
        let c = t[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        let len = c.len_utf8();
        extra += len - 1;
        flags |= char_flags(c);
        if is_cjk(c) {
            s.cjk += 1;
        }
        if matches!(c, '。' | '，' | '、') {
            punct += 1;
        }
        let low = low2.get(c as usize).copied();
        // general punctuation (quotes, dashes, spaces): never alphanumeric
        let alnum = match low {
            Some(l) => l != NOT_ALNUM,
            None => !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric(),
        };
        if alnum {
            if !s.in_word {
                s.begin_word(i);
            }
            let mut buf = [0u8; 4];
            match low.and_then(char::from_u32) {
                _ if c == 'Σ' => s.sigma = true,
                Some(l) => s.extend(l.encode_utf8(&mut buf).as_bytes()),
                None => {
                    for l in c.to_lowercase() {
                        s.extend(l.encode_utf8(&mut buf).as_bytes());
                    }
                }
            }
        } else if s.in_word {
            s.end_word(t, i);
        }
        i += len;
    }
    if s.in_word {
        s.end_word(t, n);
    }
    let words = s.ends.get_mut(..s.words).unwrap_or_default();
    let (stopwords, key_hash) = word_figures(s.out, words, grams);
    let mut shape = Shape {
        chars: count32(n - extra),
        edge: 0,
        cjk: count32(s.cjk),
        words: count32(s.words),
        stopwords: count32(stopwords),
        punct: count32(punct),
        // (the scan's class bits are no facts of the block)
        flags: flags & !(F_ALNUM | F_PUNCT),
        lits: if found & CREDIT_FOUND != 0 {
            1 << PRE_CREDIT
        } else {
            0
        },
        key_hash,
    };
    // the key literals whose necessary condition the text met (any of them
    // when a character lower-cases to ASCII letters), checked on the key
    let maybe = if flags & F_ASCII_LOWER != 0 {
        u32::MAX
    } else {
        found & !CREDIT_FOUND
    };
    let key = &s.out[..s.len];
    if maybe != 0 {
        for (k, (bit, lit, _)) in KEY_LITERALS.iter().enumerate() {
            if maybe >> k & 1 != 0 && memchr::memmem::find(key, lit.as_bytes()).is_some() {
                shape.lits |= 1 << bit;
            }
        }
    }
    if flags & F_SLASH != 0 {
        // the one-byte credit literal
        shape.lits |= 1 << PRE_CREDIT;
    }
    (s.len, shape)
}

/// The [`norm`] keys of a page's blocks in one buffer, with each block's
/// [`Shape`] and its word 4-gram hashes, all from one [`scan`] per block.
struct Keys {
    buf: String,
    /// Where each key starts in `buf`, then where the last ends.
    bounds: Vec<usize>,
    shapes: Vec<Shape>,
    grams: Vec<u64>,
}

impl Keys {
    fn new(blocks: &[Block]) -> Self {
        let bytes: usize = blocks.iter().map(|b| b.text.len()).sum();
        // (room for the last key's worst case: see `scan`)
        let longest = blocks.iter().map(|b| b.text.len()).max().unwrap_or(0);
        let mut buf = Vec::with_capacity(bytes + longest);
        let mut grams = Vec::with_capacity(bytes / 8);
        let mut bounds = Vec::with_capacity(blocks.len() + 1);
        bounds.push(0);
        let mut shapes = Vec::with_capacity(blocks.len());
        let mut end = 0;
        let mut word_ends = Vec::new();
        for b in blocks {
            let (e, shape) = scan_at(&b.text, &mut buf, end, &mut grams, &mut word_ends);
            end = e;
            shapes.push(shape);
            bounds.push(end);
        }
        buf.truncate(end);
        Keys {
            buf: utf8(buf),
            bounds,
            shapes,
            grams,
        }
    }

    fn get(&self, i: usize) -> &str {
        match self.bounds.get(i..i + 2) {
            Some(&[start, end]) => self.buf.get(start..end).unwrap_or(""),
            _ => "",
        }
    }

    fn shape(&self, i: usize) -> &Shape {
        &self.shapes[i]
    }

    /// The [`gram_hash`]es of each block's word 4-grams, block by block.
    fn gram_runs(&self) -> impl Iterator<Item = &[u64]> + '_ {
        let mut at = 0;
        self.shapes.iter().map(move |s| {
            let run = self.grams.get(at..at + s.grams()).unwrap_or(&[]);
            at += s.grams();
            run
        })
    }
}

/// The key and [`Shape`] of one text (for tests).
#[cfg(test)]
fn shape_of(text: &str) -> (String, Shape) {
    let mut out = Vec::new();
    let shape = scan(text, &mut out, &mut Vec::new());
    (utf8(out), shape)
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Is `c` a CJK ideograph, kana or hangul syllable?
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// Length of a block for the main-run search: characters, CJK ones
/// weighted ([`Shape::weighted_len`] is the same, from the scan).
#[cfg(test)]
fn weighted_len(s: &str, o: &BoilerplateOptions) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars()
        .map(|c| if is_cjk(c) { o.cjk_char_weight } else { 1 })
        .sum()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»'])
        .ends_with(['.', '!', '?', '。', '！', '？', '…'])
}

/// Sentence punctuation inside a block: it ends one or holds two.
fn has_sentence_punct(s: &str) -> bool {
    sentence_punct(
        s,
        s.chars()
            .filter(|c| matches!(c, '.' | '!' | '?' | '。' | ',' | '，' | '、'))
            .count(),
    )
}

/// [`has_sentence_punct`] of a text holding `punct` sentence punctuation
/// characters ([`Shape::punct`]).
fn sentence_punct(s: &str, punct: usize) -> bool {
    ends_sentence(s) || s.ends_with([':', ';']) || punct >= 2
}

/// How many words a [`norm`] key has, and how many of them are stopwords
/// (the test oracle of [`Shape::words`] and [`Shape::stopwords`]).
#[cfg(test)]
fn stopword_counts(key: &str) -> (usize, usize) {
    let (mut n, mut sw) = (0usize, 0usize);
    for w in key_words(key) {
        n += 1;
        sw += usize::from(w.len() <= 8 && STOPWORDS.contains(&w));
    }
    (n, sw)
}

/// Share of stopwords from word and stopword counts (0 without words).
fn ratio((n, sw): (usize, usize)) -> f32 {
    if n == 0 {
        0.0
    } else {
        sw as f32 / n as f32
    }
}

// ---------------------------------------------------------------- rules

/// `Advertisement`, `ADVERTISEMENT`, `Advertisement · Scroll to continue`,
/// `Story continues below advertisement`, `Sponsored`: a block made only of
/// ad phrases.
#[cfg(test)]
fn is_ad_marker(text: &str) -> bool {
    is_ad_key(&norm(text))
}

/// The first words of [`AD_PHRASES`] (each at most 16 bytes).
static AD_FIRST_WORDS: LazyLock<WordTable> = LazyLock::new(|| {
    let firsts: Vec<&str> = AD_PHRASES
        .iter()
        .filter_map(|p| p.split(' ').next())
        .collect();
    WordTable::new(&firsts)
});

/// Bitmap of the first bytes of [`AD_PHRASES`].
const AD_FIRST_BYTES: [u64; 4] = {
    let mut m = [0u64; 4];
    let mut i = 0;
    while i < AD_PHRASES.len() {
        let b = AD_PHRASES[i].as_bytes()[0] as usize;
        m[b >> 6] |= 1 << (b & 63);
        i += 1;
    }
    m
};

/// `is_ad_marker` on the block's [`norm`] key.
fn is_ad_key(key: &str) -> bool {
    // a key made of ad phrases starts with one's first word, then a space
    // or its end: look that word up before trying the phrases
    let b = key.as_bytes();
    // (a bitmap of the phrases' first bytes rejects most keys cheaper still)
    if !b
        .first()
        .is_some_and(|&c| AD_FIRST_BYTES[usize::from(c >> 6)] >> (c & 63) & 1 != 0)
    {
        return false;
    }
    let head = &b[..b.len().min(17)];
    let n = head.iter().position(|&c| c == b' ').unwrap_or(head.len());
    if !pack16(&head[..n]).is_some_and(|k| AD_FIRST_WORDS.contains_packed(k)) {
        return false;
    }
    ad_phrases_only(key)
}

/// Is `key` a run of [`AD_PHRASES`], each followed by a space or the end?
/// (Each place takes the first phrase in the list that fits.)
fn ad_phrases_only(key: &str) -> bool {
    let mut rest = key;
    if rest.is_empty() {
        return false;
    }
    'outer: while !rest.is_empty() {
        let first = rest.as_bytes()[0];
        for p in AD_PHRASES {
            if p.as_bytes().first() != Some(&first) {
                continue;
            }
            if let Some(after) = rest.strip_prefix(p) {
                if after.is_empty() || after.starts_with(' ') {
                    rest = after.trim_start();
                    continue 'outer;
                }
            }
        }
        return false;
    }
    true
}

/// A share bar or social line: only share/follow/navigation words.
#[cfg(test)]
fn is_social_line(text: &str, o: &BoilerplateOptions) -> bool {
    is_social_key(&norm(text), char_len(text), o)
}

/// `is_social_line` on the block's key and character count.
fn is_social_key(key: &str, chars: usize, o: &BoilerplateOptions) -> bool {
    if chars > o.max_rule_chars / 4 {
        return false;
    }
    let mut any = false;
    for w in key
        .as_bytes()
        .split(|&c| c == b' ')
        .filter(|w| !w.is_empty())
    {
        if !(w.iter().all(u8::is_ascii_digit)
            || pack16(w).is_some_and(|k| SOCIAL_SET.contains_packed(k)))
        {
            return false;
        }
        any = true;
    }
    any
}

/// `READ MORE: ...`, `Also read`, `Related coverage`, `Most Popular`.
#[cfg(test)]
fn is_promo_line(text: &str, o: &BoilerplateOptions) -> bool {
    char_len(text) <= o.max_rule_chars / 2 && promo_match(text).is_some()
}

/// Newsletter, subscribe, follow, sign-in, skip-link prompts.
#[cfg(test)]
fn is_prompt_line(text: &str, o: &BoilerplateOptions) -> bool {
    char_len(text) <= o.max_rule_chars / 2 && is_prompt_match(text)
}

/// `Comments are closed`, `34 responses to ...`, `Leave a Reply`.
#[cfg(test)]
fn is_comments_line(text: &str, o: &BoilerplateOptions) -> bool {
    char_len(text) <= o.max_rule_chars / 2 && COMMENTS_LINE.is_match(text)
}

/// A cookie or consent notice: one strong phrase in a short block, or
/// cookies named twice in a longer one.
#[cfg(test)]
fn is_cookie_notice(text: &str, o: &BoilerplateOptions) -> bool {
    cookie_notice(text, char_len(text), o)
}

/// `is_cookie_notice` of a block of `len` characters.
fn cookie_notice(text: &str, len: usize, o: &BoilerplateOptions) -> bool {
    if len > o.max_cookie_chars {
        return false;
    }
    let mentions = COOKIE_LINE.find_iter(text).count();
    mentions >= 2 || (mentions == 1 && len <= o.max_rule_chars / 2)
}

/// `© 2024 The Daily Ledger`, `All rights reserved`.
#[cfg(test)]
fn is_copyright(text: &str, o: &BoilerplateOptions) -> bool {
    char_len(text) <= o.max_rule_chars && COPYRIGHT_LINE.is_match(text)
}

/// An image credit, or a caption ending in one.
#[cfg(test)]
fn is_image_credit(text: &str, o: &BoilerplateOptions) -> bool {
    char_len(text) <= o.max_rule_chars && CREDIT_LINE.is_match(text)
}

/// A byline left in the body; returns the author(s) when it is one.
#[cfg(test)]
fn byline(text: &str, o: &BoilerplateOptions) -> Option<String> {
    byline_of(text, char_len(text), o)
}

/// `byline` of a block of `len` characters.
fn byline_of(text: &str, len: usize, o: &BoilerplateOptions) -> Option<String> {
    if len > o.max_rule_chars / 2 || ends_sentence(text) {
        return None;
    }
    let c = BYLINE.captures(text)?;
    let rest = c.get(3)?.as_str();
    let name_end = [
        " | ", " • ", " · ", " on ", " - ", " – ", " — ", ", ", " and ",
    ]
    .iter()
    .filter_map(|s| rest.find(s))
    .min()
    .unwrap_or(rest.len());
    let name = rest[..name_end].trim();
    let n = name.split_whitespace().count();
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    (n >= 1 && n <= o.max_byline_words && capitalised && !ends_sentence(name))
        .then(|| name.to_string())
}

/// Labels of an author line (`Author:` / `Jane Doe`).
const AUTHOR_LABELS: &[&str] = &[
    "author",
    "authors",
    "by",
    "written by",
    "posted by",
    "reporter",
];

/// Labels of a date line (`Publish date:` / `Sep 1, 2019`).
const DATE_LABELS: &[&str] = &[
    "date",
    "publish date",
    "published",
    "published on",
    "posted",
    "posted on",
    "updated",
    "last updated",
    "publication date",
];

/// The longest of [`AUTHOR_LABELS`], [`DATE_LABELS`] and the bare author
/// labels of [`drop_split_bylines`], in bytes.
const LABEL_MAX_BYTES: usize = {
    let mut max = "written by".len();
    let mut i = 0;
    while i < AUTHOR_LABELS.len() {
        if AUTHOR_LABELS[i].len() > max {
            max = AUTHOR_LABELS[i].len();
        }
        i += 1;
    }
    let mut i = 0;
    while i < DATE_LABELS.len() {
        if DATE_LABELS[i].len() > max {
            max = DATE_LABELS[i].len();
        }
        i += 1;
    }
    max
};

/// The most words of a label of [`drop_split_bylines`] (the bare author
/// labels are among [`AUTHOR_LABELS`]).
const LABEL_MAX_WORDS: usize = {
    let (a, d) = (most_words(AUTHOR_LABELS), most_words(DATE_LABELS));
    if a > d {
        a
    } else {
        d
    }
};

/// A byline or date split over two lines (`By` / `Randy Maniloff`,
/// `Publish date:` / `Sep 1, 2019`): both go, the value into `meta` when
/// it has none.
fn drop_split_bylines(
    blocks: &[Block],
    keys: &Keys,
    drop: &mut [bool],
    meta: &mut Metadata,
    o: &BoilerplateOptions,
) {
    for i in 0..blocks.len().saturating_sub(1) {
        if keys.shape(i).words() > LABEL_MAX_WORDS {
            // more words than every label
            continue;
        }
        let key = keys.get(i);
        if key.len() > LABEL_MAX_BYTES {
            // longer than every label
            continue;
        }
        let label = blocks[i].text.trim_end().ends_with(':');
        let author = matches!(key, "by" | "posted by" | "written by")
            || label && AUTHOR_LABELS.contains(&key);
        let date = label && DATE_LABELS.contains(&key);
        if drop[i] || !(author || date) {
            continue;
        }
        drop[i] = true;
        let name = blocks[i + 1].text.trim();
        let n = name.split_whitespace().count();
        if (1..=o.max_byline_words.max(o.max_dateline_words)).contains(&n)
            && name
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || date && c.is_numeric())
            && !ends_sentence(name)
        {
            drop[i + 1] = true;
            if author && meta.byline.is_none() {
                meta.byline = Some(name.to_string());
            }
            if date && meta.published.is_none() {
                meta.published = parse_date(name);
            }
        }
    }
}

/// A dateline: only date words and numbers, with at least one digit.
#[cfg(test)]
fn is_dateline(text: &str, o: &BoilerplateOptions) -> bool {
    let (key, shape) = shape_of(text);
    is_dateline_key(&key, shape.flags, o)
}

/// `is_dateline` with the block's key and [`Shape::flags`].
fn is_dateline_key(key: &str, flags: u32, o: &BoilerplateOptions) -> bool {
    if flags & F_DIGIT == 0 {
        return false;
    }
    let in_dates = |w: &[u8]| pack16(w).is_some_and(|k| DATE_SET.contains_packed(k));
    let mut n = 0;
    let mut dated = false;
    for w in key
        .as_bytes()
        .split(|&c| c == b' ')
        .filter(|w| !w.is_empty())
    {
        n += 1;
        let date_word = in_dates(w);
        dated |= w.len() == 4 && w.iter().all(u8::is_ascii_digit)
            || date_word && w.len() >= 3 && !TIME_WORDS.iter().any(|t| t.as_bytes() == w);
        if n > o.max_dateline_words {
            return false;
        }
        let lead = w.iter().take_while(|c| c.is_ascii_digit()).count();
        let digits = &w[lead..];
        let numeric = lead > 0
            && (digits.is_empty()
                || in_dates(digits)
                || [b'h', b't'].iter().any(|p| {
                    digits
                        .strip_prefix(&[*p])
                        .is_some_and(|r| r.iter().all(u8::is_ascii_digit))
                }));
        if !(numeric || date_word) {
            return false;
        }
    }
    n > 0 && (dated || flags & F_SLASH != 0)
}

/// [`is_dateline_key`] as it read with `str` words (the test oracle).
#[cfg(test)]
fn is_dateline_key_oracle(key: &str, flags: u32, o: &BoilerplateOptions) -> bool {
    if flags & F_DIGIT == 0 {
        return false;
    }
    let mut n = 0;
    let mut dated = false;
    for w in key_words(key) {
        n += 1;
        let date_word = DATE_SET.contains(w);
        dated |= w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit())
            || date_word && w.len() >= 3 && !TIME_WORDS.contains(&w);
        if n > o.max_dateline_words {
            return false;
        }
        let digits = w.trim_start_matches(|c: char| c.is_ascii_digit());
        let numeric = digits.len() < w.len()
            && (digits.is_empty()
                || DATE_SET.contains(digits)
                || ["h", "t"].iter().any(|p| {
                    digits
                        .strip_prefix(p)
                        .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit()))
                }));
        if !(numeric || date_word) {
            return false;
        }
    }
    n > 0 && (dated || flags & F_SLASH != 0)
}

/// Date words that name a time of day, not a date (`10 p.m.`, `4:14 pm EST`).
const TIME_WORDS: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
    "ist", "jst", "aest", "and", "de", "às", "time", "at",
];

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// An ISO date (`YYYY-MM-DD`) read from a dateline, when it says one plainly.
fn parse_date(text: &str) -> Option<String> {
    static ISO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})").expect("iso regex"));
    static MDY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
            .expect("mdy regex")
    });
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b")
            .expect("dmy regex")
    });
    if let Some(c) = ISO.captures(text) {
        return Some(format!("{}-{}-{}", &c[1], &c[2], &c[3]));
    }
    let month = |m: &str| {
        let m = m.to_lowercase();
        MONTHS.iter().position(|x| *x == m).map(|i| i + 1)
    };
    let ymd = |y: &str, m: usize, d: &str| {
        let d: usize = d.parse().ok()?;
        (1..=31).contains(&d).then(|| format!("{y}-{m:02}-{d:02}"))
    };
    if let Some(c) = MDY.captures(text) {
        if let Some(m) = month(&c[1]) {
            return ymd(&c[3], m, &c[2]);
        }
    }
    if let Some(c) = DMY.captures(text) {
        if let Some(m) = month(&c[2]) {
            return ymd(&c[3], m, &c[1]);
        }
    }
    None
}

/// The title's words and the title less a trailing tag, normalised.
struct TitleKeys {
    full: String,
    short: String,
    /// `short.split(' ').count()`.
    short_pieces: usize,
    /// A searcher for `short`.
    finder: memchr::memmem::Finder<'static>,
}

impl TitleKeys {
    fn new(title: &str) -> Option<Self> {
        let full = norm(title);
        if full.is_empty() {
            return None;
        }
        let stripped = crate::text::strip_title_suffix(title);
        // (nothing stripped: the same key)
        let short = if stripped.len() == title.len() {
            full.clone()
        } else {
            norm(stripped)
        };
        let finder = memchr::memmem::Finder::new(short.as_bytes()).into_owned();
        Some(TitleKeys {
            full,
            short_pieces: short.split(' ').count(),
            short,
            finder,
        })
    }
}

/// The title repeated in the body: the block is the title, or the title
/// with a few words of tag or site name around it (`| Watch`, `Opinion |
/// ... - Site`), but not a paragraph that merely starts like the title.
#[cfg(test)]
fn is_title_repeat(text: &str, keys: &TitleKeys, o: &BoilerplateOptions) -> bool {
    let (key, shape) = shape_of(text);
    title_repeat(text, &key, &shape, keys, o)
}

/// `is_title_repeat` with the block's key and [`Shape`].
fn title_repeat(
    text: &str,
    key: &str,
    shape: &Shape,
    keys: &TitleKeys,
    o: &BoilerplateOptions,
) -> bool {
    if key == keys.full || key == keys.short {
        return true;
    }
    let tkey = keys.short.as_str();
    // (the separator flag, needed at the end, is the cheapest test)
    if key.len() <= tkey.len() || !shape.has(F_TITLE_SEP) || ends_sentence(text) {
        return false;
    }
    // `key.split(' ').count()`: the key is not empty here
    let extra = shape.words().saturating_sub(keys.short_pieces);
    if extra > o.max_title_extra_words {
        return false;
    }
    // the title inside, at word boundaries, with separators around it
    contains_words(key, tkey, &keys.finder)
}

/// `format!(" {key} ").contains(&format!(" {part} "))`, without the copies;
/// `finder` searches for `part`.
fn contains_words(key: &str, part: &str, finder: &memchr::memmem::Finder<'_>) -> bool {
    if part.is_empty() {
        return key.is_empty();
    }
    let (k, n) = (key.as_bytes(), part.len());
    let mut from = 0;
    // every occurrence, overlapping ones too (a match of UTF-8 in UTF-8
    // starts on a character boundary)
    while let Some(at) = k.get(from..).and_then(|rest| finder.find(rest)) {
        let at = from + at;
        if (at == 0 || k[at - 1] == b' ') && (at + n == k.len() || k[at + n] == b' ') {
            return true;
        }
        from = at + 1;
    }
    false
}

/// `Home > World > Asia`: a one-line trail of short crumbs.
#[cfg(test)]
fn is_breadcrumb_line(text: &str, o: &BoilerplateOptions) -> bool {
    breadcrumb_line(text, shape_of(text).1.flags, o)
}

/// `is_breadcrumb_line` of a text with [`Shape::flags`] `flags`.
fn breadcrumb_line(text: &str, flags: u32, o: &BoilerplateOptions) -> bool {
    // every separator is a space, one of these, a space
    if flags & F_CRUMB == 0 {
        return false;
    }
    for (sep, flag) in CRUMB_SEPARATORS {
        if flags & flag == 0 || !text.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = text.split(sep).map(str::trim).collect();
        if parts.len() < 2 {
            continue;
        }
        let short = parts.iter().all(|p| {
            !p.is_empty() && p.split_whitespace().count() <= o.max_crumb_words && !ends_sentence(p)
        });
        // (the first crumb's key only when the rest does not decide)
        if short
            && (parts.len() >= 3 && *sep != " | " || HOME_WORDS.contains(&norm(parts[0]).as_str()))
        {
            return true;
        }
    }
    false
}

/// Breadcrumb trails spread over lines (`• Home/`, `• Asia/`, `• <title>`):
/// a `Home` block followed by short crumbs or the title. Marks them in `drop`.
///
/// (The crumb's key is its block's: trailing separators and bullets are no
/// words.)
fn drop_breadcrumb_runs(
    blocks: &[Block],
    keys: &Keys,
    drop: &mut [bool],
    title: Option<&TitleKeys>,
    o: &BoilerplateOptions,
) {
    let mut i = 0;
    while i < blocks.len() {
        // (a home key has at most HOME_MAX_WORDS words: counted by the scan)
        if drop[i]
            || blocks[i].kind == BlockKind::Heading
            || keys.shape(i).words() > HOME_MAX_WORDS
            || !is_home_key(keys.get(i))
        {
            i += 1;
            continue;
        }
        drop[i] = true;
        let mut j = i + 1;
        while j < blocks.len() && j <= i + o.max_crumbs {
            let b = &blocks[j];
            let t = b.text.trim();
            let is_crumb = (b.kind == BlockKind::ListItem
                || t.ends_with(['/', '>', '»', '›'])
                || b.kind == BlockKind::Paragraph)
                && t.split_whitespace().count() <= o.max_crumb_words
                && !ends_sentence(t);
            let is_title = title.is_some_and(|k| title_repeat(t, keys.get(j), keys.shape(j), k, o));
            if !(is_crumb || is_title || drop[j]) {
                break;
            }
            drop[j] = true;
            if is_title {
                j += 1;
                break;
            }
            j += 1;
        }
        i = j;
    }
}

/// A block that is (almost) all link text and short: a link, not prose
/// (a linked sentence, a lone linked word or a cited address stays).
fn is_link_block(b: &Block, o: &BoilerplateOptions) -> bool {
    // cheapest tests first
    b.link_bytes > 0
        && b.kind != BlockKind::Heading
        && b.link_density() >= o.link_density_max
        && (!b.text.ends_with('.') || b.text.ends_with(".."))
        && b.text.split_whitespace().nth(1).is_some()
        && b.text.split_whitespace().count() <= o.link_block_max_words
        && !looks_like_address(&b.text)
}

/// Runs of links: link-dense list items (related stories, tag lists), or
/// consecutive short link blocks. A lone link (`Click for full results`)
/// stays: it may belong to the story.
fn drop_link_lists(blocks: &[Block], drop: &mut [bool], o: &BoilerplateOptions) {
    let mut i = 0;
    while i < blocks.len() {
        let linky = |b: &Block| {
            b.kind == BlockKind::ListItem && b.link_density() >= o.link_density_max
                || is_link_block(b, o)
        };
        if !linky(&blocks[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < blocks.len() && linky(&blocks[j]) {
            j += 1;
        }
        let items = (i..j)
            .filter(|&k| blocks[k].kind == BlockKind::ListItem)
            .count();
        if items >= o.link_list_min_items || j - i - items >= o.link_run_min_blocks {
            drop[i..j].iter_mut().for_each(|d| *d = true);
        }
        i = j;
    }
}

/// Real content: long enough and reads as sentences.
fn is_real_content(b: &Block, o: &BoilerplateOptions) -> bool {
    b.kind != BlockKind::Heading
        && char_len(&b.text) >= o.content_min_chars
        && has_sentence_punct(&b.text)
}

/// The distinct keys of a page, numbered in order of first appearance:
/// an open-addressed table of (key hash, group + 1) at most half full,
/// keys compared in full through their first block.
struct KeyGroups {
    slots: Vec<(u64, usize)>,
    shift: u32,
    /// The first block of each group.
    firsts: Vec<usize>,
}

impl KeyGroups {
    fn with_capacity(capacity: usize) -> Self {
        let n = (capacity * 2).next_power_of_two().max(16);
        KeyGroups {
            slots: vec![(0, 0); n],
            shift: 64 - n.trailing_zeros(),
            firsts: Vec::with_capacity(capacity),
        }
    }

    /// The group of block `i`'s key, whose hash is `hash` (a new group if
    /// no earlier block has the key).
    fn group(&mut self, keys: &Keys, i: usize, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = (hash.wrapping_mul(GOLDEN) >> self.shift) as usize;
        loop {
            let (h, g) = self.slots[at];
            if g == 0 {
                self.firsts.push(i);
                self.slots[at] = (hash, self.firsts.len());
                return self.firsts.len() - 1;
            }
            if h == hash && keys.get(self.firsts[g - 1]) == keys.get(i) {
                return g - 1;
            }
            at = (at + 1) & mask;
        }
    }
}

/// Blocks repeated within the page (normalised text): later copies go; the
/// first stays only when it is real content (or a heading); list items that
/// are real content keep every copy. Hash-based: each key gets a group
/// number once, counted and marked seen by number.
fn drop_repeats(blocks: &[Block], keys: &Keys, drop: &mut [bool], o: &BoilerplateOptions) {
    let mut groups = KeyGroups::with_capacity(blocks.len());
    let mut group = vec![usize::MAX; blocks.len()];
    let mut count: Vec<usize> = Vec::with_capacity(blocks.len());
    let mut repeats = false;
    for (i, d) in drop.iter().enumerate() {
        let shape = keys.shape(i);
        if *d || shape.words == 0 {
            continue;
        }
        let g = groups.group(keys, i, shape.key_hash);
        if g == count.len() {
            count.push(0);
        }
        count[g] += 1;
        repeats |= count[g] == 2;
        group[i] = g;
    }
    if !repeats {
        // every key once: nothing to drop
        return;
    }
    let mut seen = vec![false; count.len()];
    for i in 0..blocks.len() {
        let g = group[i];
        if drop[i] || g == usize::MAX || count[g] < 2 {
            continue;
        }
        let first = !std::mem::replace(&mut seen[g], true);
        let b = &blocks[i];
        // (`k.split(' ').count()` of a non-empty key is its words)
        let content = b.kind == BlockKind::Heading
            || ends_sentence(&b.text)
            || keys.shape(i).words() >= o.repeat_content_min_words;
        // items of lists repeat legitimately (the same feature under
        // several products), and so do headings (a forum's poster names, a
        // blog's date headers); other content keeps only its first copy
        let may_repeat = matches!(b.kind, BlockKind::ListItem | BlockKind::Heading) && content;
        if !content || !first && !may_repeat {
            drop[i] = true;
        }
    }
}

/// The block that first put each 64-bit hash (well mixed already) in a
/// set: open-addressed, for at most `capacity` hashes, a table of twice
/// that many slots, a hash's first slot its high bits scaled to the table
/// (no power-of-two rounding: the table is a page's largest).
struct GramOwners {
    /// The hashes; 0 marks an empty slot.
    slots: Vec<u64>,
    /// The owner block of each slot's hash.
    owners: Vec<u32>,
    /// The owner of the hash 0, the empty slot's value, if it is in.
    zero: Option<u32>,
}

impl GramOwners {
    fn with_capacity(capacity: usize) -> Self {
        let n = 2 * capacity + 1;
        GramOwners {
            slots: vec![0; n],
            owners: vec![0; n],
            zero: None,
        }
    }

    /// The slot holding `h`, or the empty one where it would go.
    #[inline]
    fn find(&self, h: u64) -> usize {
        let n = self.slots.len();
        let mixed = h.wrapping_mul(GOLDEN);
        let mut i = ((u128::from(mixed) * n as u128) >> 64) as usize;
        while self.slots[i] != 0 && self.slots[i] != h {
            i += 1;
            if i == n {
                i = 0;
            }
        }
        i
    }

    /// One probe for `h` met in block `block`: is it owned by an earlier
    /// block that is not `dropped`? If not, `block` owns it now (a dropped
    /// owner's hashes count as never put in). The caller never puts in
    /// more than the capacity.
    #[inline]
    fn seen_before(&mut self, h: u64, block: u32, dropped: &[bool]) -> bool {
        let owner = if h == 0 {
            &mut self.zero
        } else {
            let i = self.find(h);
            if self.slots[i] == 0 {
                self.slots[i] = h;
                self.owners[i] = block;
                return false;
            }
            return Self::keep_or_take(&mut self.owners[i], block, dropped);
        };
        match owner {
            Some(o) => Self::keep_or_take(o, block, dropped),
            None => {
                *owner = Some(block);
                false
            }
        }
    }

    /// Whether `owner` is an earlier kept block; else `block` takes over.
    #[inline]
    fn keep_or_take(owner: &mut u32, block: u32, dropped: &[bool]) -> bool {
        if *owner != block && !dropped.get(*owner as usize).copied().unwrap_or(false) {
            return true;
        }
        *owner = block;
        false
    }
}

/// Blocks whose word 4-grams mostly appeared in earlier blocks: a summary
/// or a dump of the whole story repeating its paragraphs. One hash per
/// 4-gram, one table probe per gram (the table keeps each gram's first
/// block; a dropped block's grams count as unseen); linear.
///
/// A 4-gram is identified by a 64-bit hash made from its four words'
/// hashes (a collision would take ~2^32 grams on one page).
fn drop_covered_repeats(blocks: &[Block], keys: &Keys, drop: &mut [bool], o: &BoilerplateOptions) {
    let may_go = |b: &Block, shape: &Shape| {
        shape.words() >= o.repeat_min_words && b.kind != BlockKind::Heading && shape.grams() > 0
    };
    // no block after the last one that may go matters
    let Some(last) = (0..blocks.len())
        .rev()
        .find(|&i| !drop[i] && may_go(&blocks[i], keys.shape(i)))
    else {
        return;
    };
    // every gram that may go in
    let grams_in: usize = drop[..=last]
        .iter()
        .zip(&keys.shapes)
        .filter(|(d, _)| !**d)
        .map(|(_, s)| s.grams())
        .sum();
    let mut seen = GramOwners::with_capacity(grams_in);
    let runs = blocks.iter().zip(&keys.shapes).zip(keys.gram_runs());
    for (i, ((b, shape), grams)) in runs.enumerate().take(last + 1) {
        if drop[i] {
            continue;
        }
        let block = i as u32;
        let mut covered = 0usize;
        for &g in grams {
            covered += usize::from(seen.seen_before(g, block, drop));
        }
        if may_go(b, shape) && covered as f32 >= o.repeat_coverage * grams.len() as f32 {
            drop[i] = true;
        }
    }
}

/// A 64-bit hash of a word, eight bytes at a time (the test oracle of
/// [`word_hash_bytes`] and [`short_word_hash`]).
#[cfg(test)]
fn word_hash(w: &str) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64 ^ w.len() as u64;
    for chunk in w.as_bytes().chunks(8) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 29;
    }
    h
}

/// `word_hash` of a word's bytes.
fn word_hash_bytes(w: &[u8]) -> u64 {
    let mut h = GOLDEN ^ w.len() as u64;
    let mut chunks = w.chunks_exact(8);
    for chunk in &mut chunks {
        h = mix_in(h, u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = mix_in(h, first8(rest));
    }
    h
}

/// The 64-bit golden-ratio constant: the multiplier of the hash tables'
/// Fibonacci hashing, and the seed of the word and chain hashes.
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// The multiplier of murmur3's 64-bit finaliser.
const MIX: u64 = 0xff51_afd7_ed55_8ccd;

/// One step of the word hashes: fold eight bytes `x` into `h` and mix.
#[inline]
const fn mix_in(h: u64, x: u64) -> u64 {
    let h = (h ^ x).wrapping_mul(MIX);
    h ^ h >> 29
}

/// The seed of [`chain_hash`].
const CHAIN_SEED: u64 = GOLDEN;

/// One step of hashing a sequence of word hashes (`fold` from
/// [`CHAIN_SEED`]).
#[inline]
fn chain_hash(g: u64, h: u64) -> u64 {
    (g.rotate_left(23) ^ h).wrapping_mul(MIX)
}

/// The rotation between neighbouring words in [`gram_hash`].
const GRAM_ROT: u32 = 23;

/// The hash of a word 4-gram from its words' [`word_hash`]es: the four
/// hashes rotated by 3, 2, 1 and 0 times [`GRAM_ROT`] bits, xor-ed and mixed
/// by [`gram_mix`], so that [`word_figures`] rolls it along the words (one
/// rotation and two xors per gram). Each hash enters through a rotation (a
/// bijection), so grams of independent words stay uniform in 64 bits; for
/// grams sharing words, the xor of rotations by multiples of 23 bits loses
/// at most 3 bits (rotations by 16 would lose 32 on `x y x y`).
///
/// The test oracle of the rolling computation.
#[cfg(test)]
fn gram_hash(w: [u64; 4]) -> u64 {
    gram_mix(
        w[0].rotate_left(3 * GRAM_ROT % 64)
            ^ w[1].rotate_left(2 * GRAM_ROT)
            ^ w[2].rotate_left(GRAM_ROT)
            ^ w[3],
    )
}

/// The bijective mix of a 4-gram's xor-ed, rotated word hashes.
#[inline]
fn gram_mix(x: u64) -> u64 {
    mix_in(CHAIN_SEED, x)
}

/// `word_hash` of a word of `len` (1 to 8) bytes packed by [`first8`].
#[inline]
const fn short_word_hash(len: usize, packed: u64) -> u64 {
    mix_in(GOLDEN ^ len as u64, packed)
}

/// `Tags: a, b, c`, or a keyword list glued with bare commas.
#[cfg(test)]
fn is_tag_list(b: &Block, o: &BoilerplateOptions) -> bool {
    let t = b.text.trim();
    let punct = shape_of(t).1.punct as usize;
    tag_list(b, t, char_len(t), true, punct, o)
}

/// `is_tag_list` of block `b` with trimmed text `t` of `len` characters;
/// `labelled` is false when the block holds none of the label words
/// ([`prefilter`] said so), sparing the regex; `punct` is the text's
/// [`Shape::punct`], at least its commas.
fn tag_list(
    b: &Block,
    t: &str,
    len: usize,
    labelled: bool,
    punct: usize,
    o: &BoilerplateOptions,
) -> bool {
    static TAGS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(tags|topics|keywords|related tags|related topics|filed under)\s*:")
            .expect("tags regex")
    });
    // (commas too few and no label: no list, whatever else holds)
    let few = punct + 1 < o.tag_list_min_parts;
    if few && !labelled
        || b.kind == BlockKind::Heading
        || len > o.max_rule_chars
        || ends_sentence(t)
    {
        return false;
    }
    if labelled && TAGS.is_match(t) {
        return true;
    }
    // (`punct` counts the commas among other marks: too few, no list)
    if few {
        return false;
    }
    let commas = t.bytes().filter(|&c| c == b',').count();
    let parts = commas + 1;
    if parts < o.tag_list_min_parts {
        return false;
    }
    let bare = commas - t.matches(", ").count();
    2 * bare >= parts - 1
        && t.split(',')
            .all(|p| p.split_whitespace().count() <= o.max_crumb_words)
}

/// The short blocks under a promo header (`Related coverage`, `Most
/// Popular`) are the links it lists, up to the next heading or real content.
fn drop_promo_lists(
    blocks: &[Block],
    drop: &mut [bool],
    headers: &[usize],
    plain_text: bool,
    o: &BoilerplateOptions,
) {
    for &h in headers {
        for j in h + 1..blocks.len().min(h + 1 + o.max_promo_items) {
            let b = &blocks[j];
            let sentence = b.text.ends_with('.') && !b.text.ends_with("..");
            // in a dump the first link may have been taken for a heading
            let heading = b.kind == BlockKind::Heading && !(plain_text && j == h + 1);
            if heading || sentence || is_real_content(b, o) {
                break;
            }
            drop[j] = true;
        }
    }
}

/// A cited web address (`http://...`, `www.example.com`): a source, kept.
fn looks_like_address(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        starts_with_ignore_case(w, "http://")
            || starts_with_ignore_case(w, "https://")
            || starts_with_ignore_case(w, "www.")
    })
}

/// `s.to_ascii_lowercase().starts_with(prefix)` for a lower-case ASCII
/// `prefix`, without the copy.
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `s.to_ascii_lowercase().ends_with(suffix)` for a lower-case ASCII
/// `suffix`, without the copy.
fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// A block that is only a web address.
fn is_bare_url(text: &str) -> bool {
    let t = text.trim_start();
    // (the cheapest test first: an `h`)
    if !t.as_bytes().first().is_some_and(|&b| b | 0x20 == b'h') {
        return false;
    }
    let t = t.trim_end();
    (starts_with_ignore_case(t, "http://") || starts_with_ignore_case(t, "https://"))
        && !t.contains(char::is_whitespace)
        && IMAGE_EXTENSIONS.iter().any(|e| ends_with_ignore_case(t, e))
}

/// Image file endings: an image address left as a line is no content.
const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif"];

/// A sign-up prompt (`Sign up to get our newsletter ...`):
/// `^\W*(sign up|subscribe|register|join)\b.{0,80}\b(newsletters?|inbox|briefing|digest)\b`.
fn is_signup_prompt(text: &str) -> bool {
    static HEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:sign up|subscribe|register|join)\b").expect("signup head regex")
    });
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:newsletters?|inbox|briefing|digest)\b").expect("signup tail regex")
    });
    head_gap_tail(text, &HEAD, &TAIL, JOIN_GAP_MAX_CHARS)
}

/// The first-word prefilter of [`is_signup_prompt`]: its head (`sign up`,
/// `subscribe`, `register`, `join`) is among the words of [`PRE_JOIN`].
fn may_be_signup(text: &str, shape: &Shape) -> bool {
    shape.has(F_FOLD) || pre(first_word_bits(text), PRE_JOIN)
}

/// The name of a promo box: a short line of a few words, no sentence.
fn is_box_name(b: &Block) -> bool {
    b.kind != BlockKind::Heading
        && (1..=3).contains(&b.text.split_whitespace().count())
        && !ends_sentence(&b.text)
}

/// What one block is to the line rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Keep,
    Drop,
    /// Dropped, and a comment section starts here.
    Comments,
    /// Dropped: the title repeated (the story may start below it).
    Title,
    /// Dropped: a promo header; the short blocks under it are its links.
    PromoHeader,
}

/// Apply the one-block rules, moving a byline or date found in the body
/// into `meta` when it has none.
/// `key` is the block's [`norm`] key, `shape` its [`Shape`]. The rules run
/// in a fixed order, each with its length bound checked before any regex.
#[allow(clippy::too_many_arguments)]
fn judge(
    plain_text: bool,
    b: &Block,
    key: &str,
    shape: &Shape,
    meta: &mut Metadata,
    title: Option<&TitleKeys>,
    o: &BoilerplateOptions,
) -> Verdict {
    let t = b.text.trim();
    if t.is_empty() || is_ad_key(key) {
        return Verdict::Drop;
    }
    let len = shape.chars();
    let line = len <= o.max_rule_chars / 2;
    // no regex rule looks at a block longer than every rule's bound
    let m = if len <= o.max_rule_chars.max(o.max_cookie_chars) {
        prefilter(t, shape, len, o)
    } else {
        0
    };
    if line && pre(m, PRE_COMMENTS) && COMMENTS_LINE.is_match(t) {
        return Verdict::Comments;
    }
    if title.is_some_and(|k| title_repeat(t, key, shape, k, o)) {
        return Verdict::Title;
    }
    if let Some(end) = (line && pre(m, PRE_PROMO))
        .then(|| promo_match(t))
        .flatten()
    {
        return if end == t.len() {
            Verdict::PromoHeader
        } else {
            Verdict::Drop
        };
    }
    // (is_ad_key(key) was checked above)
    if is_social_key(key, len, o)
        || line && m & PROMPT_BITS != 0 && prompt_match(t, m)
        || pre(m, PRE_COOKIE) && cookie_notice(t, len, o)
        || (plain_text
            && len <= o.max_rule_chars
            && pre(m, PRE_COPYRIGHT)
            && COPYRIGHT_LINE.is_match(t))
        || len <= o.max_rule_chars && pre(m, PRE_CREDIT) && CREDIT_LINE.is_match(t)
        || breadcrumb_line(t, shape.flags, o)
        || tag_list(b, t, len, pre(m, PRE_TAGS), shape.punct as usize, o)
        || is_bare_url(t)
    {
        return Verdict::Drop;
    }
    // a date or byline marked as a heading in a dump is still one (on HTML
    // pages a date heading may head a blog post)
    if b.kind != BlockKind::Heading || plain_text {
        if let Some(name) = pre(m, PRE_BYLINE).then(|| byline_of(t, len, o)).flatten() {
            if meta.byline.is_none() {
                meta.byline = Some(name);
            }
            return Verdict::Drop;
        }
        if is_dateline_key(key, shape.flags, o) {
            if meta.published.is_none() {
                meta.published = parse_date(t);
            }
            return Verdict::Drop;
        }
    }
    Verdict::Keep
}

// ---------------------------------------------------------------- main run

/// jusText-style class of a block on a plain-text page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Good,
    NearGood,
    Short,
    /// Dropped by a rule: never kept, but still separates runs.
    Bad,
}

/// `len` is the block's weighted length ([`Shape::weighted_len`]), `words`
/// its word and stopword counts, `punct` its sentence punctuation.
fn classify(
    b: &Block,
    len: usize,
    words: (usize, usize),
    punct: usize,
    check_stopwords: bool,
    o: &BoilerplateOptions,
) -> Class {
    if b.kind == BlockKind::Heading || len < o.near_chars {
        return Class::Short;
    }
    let density = if check_stopwords { ratio(words) } else { 0.0 };
    // prose: sentence punctuation, or (in a known language) so many
    // function words that it reads as a sentence without its full stop
    let prose =
        sentence_punct(&b.text, punct) || check_stopwords && density >= o.prose_stopword_density;
    if !prose || check_stopwords && density < o.min_stopword_density {
        return Class::Short;
    }
    if len >= o.good_chars {
        Class::Good
    } else {
        Class::NearGood
    }
}

/// Keep the main run of content of a plain-text page: the stretch of blocks
/// with the largest total of prose length less the cost of the short blocks
/// inside it (maximum-sum segment, linear), ended early by a comment
/// section, and within it the prose blocks plus short runs (headings,
/// one-liners) of at most `max_short_gap` blocks between them. Returns the
/// kept blocks and the index in `blocks` where the run started.
fn main_run(
    blocks: &[Block],
    keys: &Keys,
    dropped: &[bool],
    comments: &[bool],
    after_title: &[bool],
    o: &BoilerplateOptions,
) -> (Vec<bool>, usize) {
    if blocks.is_empty() {
        return (Vec::new(), 0);
    }
    // per block, from its scan: weighted length, words and stopwords
    let wlen: Vec<usize> = keys.shapes.iter().map(|s| s.weighted_len(o)).collect();
    let (n, sw) = keys.shapes.iter().fold((0usize, 0usize), |(n, sw), s| {
        (n + s.words(), sw + s.stopwords as usize)
    });
    let check_sw = n > 0 && sw as f32 >= o.page_stopword_density * n as f32;
    let classes: Vec<Class> = (0..blocks.len())
        .map(|i| {
            if dropped[i] {
                Class::Bad
            } else {
                let s = keys.shape(i);
                classify(
                    &blocks[i],
                    wlen[i],
                    (s.words(), s.stopwords as usize),
                    s.punct as usize,
                    check_sw,
                    o,
                )
            }
        })
        .collect();
    if is_clean_text(&wlen, &classes, comments, o) {
        return (vec![true; blocks.len()], 0);
    }
    let content = |c: Class| matches!(c, Class::Good | Class::NearGood);
    // the first prose block under the first headline repeat
    let anchor = after_title.iter().position(|&t| t).and_then(|t| {
        (t..blocks.len().min(t + 1 + o.title_anchor_window)).find(|&i| content(classes[i]))
    });
    let score = |i: usize| -> f32 {
        let len = wlen[i] as f32;
        let bonus = if anchor == Some(i) {
            o.title_anchor_bonus
        } else {
            0.0
        };
        bonus
            + match classes[i] {
                Class::Good => len,
                Class::NearGood => len * o.near_weight,
                Class::Short => -o.short_penalty,
                Class::Bad => -o.dropped_penalty,
            }
    };
    // maximum-sum segment (Kadane)
    let (mut best, mut best_a, mut best_b) = (0.0f32, 0usize, None::<usize>);
    let (mut cur, mut start) = (0.0f32, 0usize);
    for i in 0..blocks.len() {
        if cur <= 0.0 {
            cur = 0.0;
            start = i;
        }
        cur += score(i);
        if cur > best {
            best = cur;
            best_a = start;
            best_b = Some(i);
        }
    }
    let Some(mut b) = best_b else {
        // no prose at all: keep the page as it is
        return (vec![true; blocks.len()], 0);
    };
    let mut a = best_a;
    // the lead under the headline belongs to the run when only dropped
    // chrome (byline, date, share bar, ad label) stands between them
    if let Some(t) = anchor.filter(|&t| t < a) {
        if classes[t + 1..a].iter().all(|&c| c != Class::Short) {
            a = t;
        }
    }
    // a comment section ends the article once enough of it was read
    let mut good = 0usize;
    for k in a..=b {
        if comments[k] && good >= o.comments_min_chars && k > a {
            b = k - 1;
            break;
        }
        if classes[k] == Class::Good {
            good += wlen[k];
        }
    }
    let mut keep = vec![false; blocks.len()];
    let mut i = a;
    while i <= b {
        if content(classes[i]) {
            keep[i] = true;
            i += 1;
            continue;
        }
        let mut j = i;
        while j <= b && !content(classes[j]) {
            j += 1;
        }
        let shorts = (i..j).filter(|&k| classes[k] == Class::Short).count();
        if shorts <= o.max_short_gap && j <= b {
            (i..j)
                .filter(|&k| classes[k] == Class::Short)
                .for_each(|k| keep[k] = true);
        }
        i = j;
    }
    // a content block ending in a colon introduces the list after it
    let mut i = a;
    while i <= b {
        if keep[i] && content(classes[i]) && blocks[i].text.trim_end().ends_with(':') {
            let mut j = i + 1;
            while j < blocks.len() && j <= i + o.max_list_items && classes[j] == Class::Short {
                keep[j] = true;
                j += 1;
            }
            b = b.max(j - 1);
            i = j;
        } else {
            i += 1;
        }
    }
    (keep, a)
}

/// A text that is already a clean article (the text of an extracted
/// article, cleaned again): no block was dropped by a rule (no ad label,
/// share line, menu of links, copyright, ...), no comment section, and
/// prose makes at least `clean_content_share` of its characters. Its short
/// blocks are headings, list items and table rows of the article, so no
/// main-run cut applies.
fn is_clean_text(
    wlen: &[usize],
    classes: &[Class],
    comments: &[bool],
    o: &BoilerplateOptions,
) -> bool {
    if classes.contains(&Class::Bad) || comments.contains(&true) {
        return false;
    }
    let (mut total, mut prose) = (0usize, 0usize);
    for (&len, &c) in wlen.iter().zip(classes) {
        total += len;
        if matches!(c, Class::Good | Class::NearGood) {
            prose += len;
        }
    }
    total > 0 && prose as f32 >= o.clean_content_share * total as f32
}

/// A headline-shaped block: a few words, no sentence end.
fn is_headline(b: &Block, o: &BoilerplateOptions) -> bool {
    let n = b.text.split_whitespace().count();
    (3..=o.max_title_extra_words * 3).contains(&n)
        && !ends_sentence(&b.text)
        && !b.text.ends_with([':', ',', ';'])
        && char_len(&b.text) < o.good_chars * 2
}

// ---------------------------------------------------------------- profile

/// Lines a site repeats across its pages, learned from many of them.
///
/// Learn pages of one site with [`learn`](Self::learn) (or
/// [`learn_text`](Self::learn_text) for raw dumps), then hand the profile to
/// an [`Extractor`](crate::Extractor): blocks whose text appears on at least
/// `site_line_share` of the learned pages, and on at least `site_min_pages`
/// of them, are dropped. A line seen on only one page is never dropped.
/// Serialisable, so it can be saved and reloaded.
///
/// ```
/// use article_extract::SiteProfile;
/// let mut p = SiteProfile::new();
/// for i in 0..4 {
///     p.learn_text(&format!("Story number {i} about the harbour.\n\nThe Harbour Gazette: news you can trust"));
/// }
/// assert!(p.is_site_line("The Harbour Gazette: news you can trust", &Default::default()));
/// assert!(!p.is_site_line("Story number 1 about the harbour.", &Default::default()));
/// let saved = serde_json::to_string(&p).unwrap();
/// let back: SiteProfile = serde_json::from_str(&saved).unwrap();
/// assert_eq!(back, p);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SiteProfile {
    pages: usize,
    lines: HashMap<String, usize>,
}

impl SiteProfile {
    /// An empty profile.
    ///
    /// ```
    /// assert_eq!(article_extract::SiteProfile::new().pages(), 0);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// How many pages were learned.
    ///
    /// ```
    /// assert_eq!(article_extract::SiteProfile::default().pages(), 0);
    /// ```
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// Learn one page from its extracted article (headings and blocks).
    ///
    /// ```
    /// use article_extract::{extract_text, Options, SiteProfile};
    /// let mut p = SiteProfile::new();
    /// p.learn(&extract_text("Some page text that is long enough.", &Options::default()).unwrap());
    /// assert_eq!(p.pages(), 1);
    /// ```
    pub fn learn(&mut self, article: &Article) {
        let lines = article.sections.iter().flat_map(|s| {
            s.heading
                .as_deref()
                .into_iter()
                .chain(s.blocks.iter().map(|b| b.text.as_str()))
        });
        self.learn_lines(lines);
    }

    /// Learn one page from its raw text (every non-empty line), e.g. a
    /// plain-text dump before extraction.
    ///
    /// ```
    /// let mut p = article_extract::SiteProfile::new();
    /// p.learn_text("Menu\nA line of the story.\n\nFooter line");
    /// assert_eq!(p.pages(), 1);
    /// ```
    pub fn learn_text(&mut self, page: &str) {
        self.learn_lines(page.lines());
    }

    fn learn_lines<'a>(&mut self, lines: impl Iterator<Item = &'a str>) {
        self.pages += 1;
        let mut seen: HashSet<String> = HashSet::new();
        for line in lines {
            let key = norm(line);
            if !key.is_empty() && seen.insert(key.clone()) {
                *self.lines.entry(key).or_default() += 1;
            }
        }
    }

    /// Would `line` be dropped as one the site repeats on most pages?
    ///
    /// ```
    /// let p = article_extract::SiteProfile::new();
    /// assert!(!p.is_site_line("anything", &Default::default()));
    /// ```
    pub fn is_site_line(&self, line: &str, options: &BoilerplateOptions) -> bool {
        self.is_site_key(&norm(line), options)
    }

    /// [`is_site_line`](Self::is_site_line) of a line's [`norm`] key.
    fn is_site_key(&self, key: &str, options: &BoilerplateOptions) -> bool {
        let need = ((self.pages as f32 * options.site_line_share).ceil() as usize)
            .max(options.site_min_pages)
            .max(2);
        self.lines.get(key).is_some_and(|&c| c >= need)
    }
}

// ---------------------------------------------------------------- stage

/// Remove boilerplate blocks. `plain_text` switches on the main-run search
/// of plain-text pages (HTML pages had their main container chosen already)
/// and the headline fallback for a dump without a title. A byline or date
/// found in the body fills `meta` when it has none.
pub(crate) fn clean(
    blocks: Vec<Block>,
    meta: &mut Metadata,
    options: &Options,
    profile: Option<&SiteProfile>,
    plain_text: bool,
) -> Vec<Block> {
    let o = &options.boilerplate;
    let title = meta.title.as_deref().and_then(TitleKeys::new);
    let mut drop = vec![false; blocks.len()];
    let mut comments = vec![false; blocks.len()];
    let mut titles = vec![false; blocks.len()];
    let mut promo_headers = Vec::new();
    // every rule reads the block's normalised words from here
    let keys = Keys::new(&blocks);
    for (i, b) in blocks.iter().enumerate() {
        let shape = keys.shape(i);
        match judge(plain_text, b, keys.get(i), shape, meta, title.as_ref(), o) {
            Verdict::Keep => {}
            Verdict::Drop => {
                drop[i] = true;
                if plain_text
                    && i > 0
                    && may_be_signup(&b.text, shape)
                    && is_signup_prompt(&b.text)
                    && is_box_name(&blocks[i - 1])
                {
                    // the newsletter's name above its sign-up line
                    drop[i - 1] = true;
                }
            }
            Verdict::Comments => {
                drop[i] = true;
                comments[i] = true;
            }
            Verdict::PromoHeader => {
                drop[i] = true;
                promo_headers.push(i);
            }
            Verdict::Title => {
                drop[i] = true;
                // the page's own <title> line opening a dump is no anchor
                titles[i] = i > 0;
            }
        }
    }
    drop_split_bylines(&blocks, &keys, &mut drop, meta, o);
    drop_promo_lists(&blocks, &mut drop, &promo_headers, plain_text, o);
    drop_breadcrumb_runs(&blocks, &keys, &mut drop, title.as_ref(), o);
    drop_link_lists(&blocks, &mut drop, o);
    drop_repeats(&blocks, &keys, &mut drop, o);
    drop_covered_repeats(&blocks, &keys, &mut drop, o);
    if let Some(p) = profile {
        for (i, (b, d)) in blocks.iter().zip(drop.iter_mut()).enumerate() {
            if !*d && b.kind != BlockKind::Heading && p.is_site_key(keys.get(i), o) {
                *d = true;
            }
        }
    }
    if !plain_text {
        return blocks
            .into_iter()
            .zip(drop)
            .filter_map(|(b, d)| (!d).then_some(b))
            .collect();
    }
    let (keep, start) = main_run(&blocks, &keys, &drop, &comments, &titles, o);
    let mut headline = None;
    if meta.title.is_none() {
        // the headline: a headline-shaped survivor just before the main run
        if let Some(h) = blocks[..start]
            .iter()
            .zip(&drop)
            .rev()
            .filter(|(_, d)| !**d)
            .take(o.title_lookback)
            .map(|(b, _)| b)
            .find(|b| is_headline(b, o))
        {
            meta.title = Some(crate::text::strip_title_suffix(&h.text).to_string());
            headline = TitleKeys::new(&h.text);
        }
    }
    let mut out: Vec<Block> = blocks
        .into_iter()
        .zip(keep)
        .enumerate()
        .filter(|(i, (b, k))| {
            *k && headline.as_ref().map_or(true, |h| {
                !title_repeat(&b.text, keys.get(*i), keys.shape(*i), h, o)
            })
        })
        .map(|(_, (b, _))| b)
        .collect();
    // with the chrome gone, a heading line may now sit right above its
    // paragraph (it had an ad label or a share bar in between)
    crate::text::mark_headings(&mut out, &options.text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o() -> BoilerplateOptions {
        BoilerplateOptions::default()
    }

    const PARA: &str = "The ministry said on Tuesday that about 12,000 soldiers had been sent to the region since March, and that more would follow.";

    /// Distinct prose paragraphs.
    const PARAS: [&str; 5] = [
        "The ministry said on Tuesday that about 12,000 soldiers had been sent to the region since March, and that more would follow.",
        "Officials in the capital declined to comment on the figures, saying that a full report would be published before the end of the month.",
        "Analysts said the deployment marked a turning point in a relationship that had been kept quiet for many years by both governments.",
        "Residents of the border towns reported convoys moving at night, and several roads were closed to civilian traffic for most of the week.",
        "The opposition demanded a debate in parliament, arguing that the public had a right to know what commitments had been made abroad.",
    ];

    fn p(s: &str) -> Block {
        Block::new(BlockKind::Paragraph, s)
    }

    fn run(texts: &[&str], title: Option<&str>, plain: bool) -> (Vec<String>, Metadata) {
        let mut meta = Metadata {
            title: title.map(str::to_string),
            ..Metadata::default()
        };
        let blocks = texts.iter().map(|t| p(t)).collect();
        let out = clean(blocks, &mut meta, &Options::default(), None, plain);
        (out.into_iter().map(|b| b.text).collect(), meta)
    }

    #[test]
    fn ad_markers_in_every_variant() {
        for t in [
            "Advertisement",
            "ADVERTISEMENT",
            "Advertisement · Scroll to continue",
            "advertisement - scroll to continue",
            "Sponsored",
            "Story continues below advertisement",
            "Scroll to continue with content",
            "— Advertisement —",
            "Continue reading the main story",
        ] {
            assert!(is_ad_marker(t), "{t}");
        }
        assert!(!is_ad_marker(
            "Advertisement spending rose 4% this year, the agency said."
        ));
        assert!(!is_ad_marker("Ad hoc committees met on Monday."));
    }

    /// [`is_social_key`] answers as it did with `str` words and
    /// `WordTable::contains`; [`tag_list`]'s punctuation bound changes no
    /// answer.
    #[test]
    fn social_and_tag_rules_match_their_old_forms() {
        fn social_oracle(key: &str, chars: usize, o: &BoilerplateOptions) -> bool {
            if chars > o.max_rule_chars / 4 {
                return false;
            }
            let mut any = false;
            for w in key_words(key) {
                if !(SOCIAL_SET.contains(w) || w.bytes().all(|c| c.is_ascii_digit())) {
                    return false;
                }
                any = true;
            }
            any
        }
        let o = o();
        let mut texts = rewrite_tests::samples();
        texts.extend(
            [
                "",
                "Share",
                "Share 12 Tweet",
                "share  facebook",
                "Facebook Messenger",
                "12 34",
                "١٢ share",
                "a, b, c, d, e",
                "a,b,c,d,e",
                "Tags: a, b",
                "one, two, three, four, five, six.",
                "x，y，z，w，v",
                "Delhi, Smog, Air, Health, India",
            ]
            .map(str::to_string),
        );
        for t in &texts {
            let (key, shape) = shape_of(t.trim());
            let chars = char_len(t.trim());
            assert_eq!(
                is_social_key(&key, chars, &o),
                social_oracle(&key, chars, &o),
                "{t:?}"
            );
            let b = Block::new(BlockKind::Paragraph, t);
            let tt = t.trim();
            for labelled in [false, true] {
                assert_eq!(
                    tag_list(&b, tt, chars, labelled, shape.punct as usize, &o),
                    tag_list(&b, tt, chars, labelled, usize::MAX / 2, &o),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn pack16_matches_the_copy() {
        let bytes: Vec<u8> = (1..=40u8).map(|i| i.wrapping_mul(37) | 1).collect();
        for n in 0..=20 {
            for start in 0..4 {
                let w = &bytes[start..start + n];
                assert_eq!(pack16(w), pack16_oracle(w), "{n} {start}");
            }
        }
        for w in [
            "a",
            "ab",
            "abc",
            "état",
            "реклама",
            "advertisements",
            "sixteen-bytes-xx",
        ] {
            assert_eq!(pack16(w.as_bytes()), pack16_oracle(w.as_bytes()), "{w}");
        }
        for n in 0..=12 {
            let w = &b"Subscribe9Me2X"[..n];
            assert_eq!(pack8_lower(w), pack8_lower_oracle(w), "{n}");
        }
    }

    #[test]
    fn dateline_key_matches_its_old_form() {
        let o = o();
        let mut texts = rewrite_tests::samples();
        texts.extend(
            [
                "",
                "12",
                "May 5, 2024",
                "5 May 2024 10:30 GMT",
                "Updated 10h ago",
                "2024/05/06",
                "3rd March 2021",
                "12t5",
                "12h",
                "12hx",
                "1 de junio de 2024 às 10h30",
                "Monday, 12 June 2023",
                "12 monkeys",
                "septiembre 12",
                "١٢ مايو",
                "10 EST and 11 PST",
                "2024 2024 2024 2024 2024 2024 2024 2024 2024",
            ]
            .map(str::to_string),
        );
        for t in &texts {
            let (key, shape) = shape_of(t.trim());
            for flags in [shape.flags, shape.flags | F_DIGIT | F_SLASH] {
                assert_eq!(
                    is_dateline_key(&key, flags, &o),
                    is_dateline_key_oracle(&key, flags, &o),
                    "{t:?}"
                );
            }
        }
    }

    /// A text whose key is a home word has at most [`HOME_MAX_WORDS`]
    /// words (the gate of [`drop_breadcrumb_runs`]).
    #[test]
    fn home_words_fit_the_word_bound() {
        for h in HOME_WORDS {
            for t in [h.to_string(), h.to_uppercase(), format!("• {h} /")] {
                let (key, shape) = shape_of(&t);
                assert!(is_home_key(&key), "{t}");
                assert!(shape.words() <= HOME_MAX_WORDS, "{t}");
            }
        }
    }

    /// The first-word look-up of [`is_ad_key`] changes no answer of the
    /// phrase walk alone.
    #[test]
    fn ad_key_first_word_gate_is_exact() {
        assert!(AD_PHRASES
            .iter()
            .all(|p| p.split(' ').next().is_some_and(|w| w.len() <= 16)));
        let mut keys: Vec<String> = AD_PHRASES.iter().map(|p| p.to_string()).collect();
        for p in AD_PHRASES {
            keys.push(format!("{p} {p}"));
            keys.push(format!("{p}x"));
            keys.push(format!("{p} x"));
            keys.push(format!(" {p}"));
            let mut short = p.chars();
            short.next_back();
            keys.push(short.as_str().to_string());
            keys.push(format!("{p} advertisement"));
        }
        keys.extend(
            [
                "",
                " ",
                "a",
                "adx",
                "ad hoc",
                "advertisementsadvertisements",
                "реклама реклама",
                "continue reading the main story ad",
                "continuereading",
                "paid",
                "scroll to",
                "sponsored content sponsored",
                "публикация",
            ]
            .map(str::to_string),
        );
        for k in &keys {
            assert_eq!(is_ad_key(k), ad_phrases_only(k), "{k:?}");
        }
    }

    #[test]
    fn breadcrumb_line() {
        assert!(is_breadcrumb_line("Home > World > Asia", &o()));
        assert!(is_breadcrumb_line("Home / News", &o()));
        assert!(!is_breadcrumb_line(
            "Prices rose from 3 / 4 of the level seen last year.",
            &o()
        ));
        assert!(!is_breadcrumb_line(
            "Opinion | Republicans Are Following Trump",
            &o()
        ));
    }

    #[test]
    fn breadcrumb_run_with_title_crumb() {
        let title = "Storm Hits The Coast";
        let mut meta = Metadata {
            title: Some(title.into()),
            ..Metadata::default()
        };
        let blocks = vec![
            Block::new(BlockKind::ListItem, "Home/"),
            Block::new(BlockKind::ListItem, "Asia/"),
            Block::new(BlockKind::ListItem, "Storm Hits The Coast | Watch"),
            p(PARA),
        ];
        let out = clean(blocks, &mut meta, &Options::default(), None, false);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text, PARA);
    }

    #[test]
    fn title_repeat_but_not_a_paragraph_starting_like_it() {
        let k = TitleKeys::new("Storm Hits The Coast").unwrap();
        assert!(is_title_repeat("Storm Hits The Coast | Watch", &k, &o()));
        assert!(is_title_repeat(
            "Opinion | Storm Hits The Coast - The Daily",
            &k,
            &o()
        ));
        assert!(is_title_repeat("storm hits the coast", &k, &o()));
        assert!(!is_title_repeat(
            "Storm hits the coast of the island, and thousands were evacuated.",
            &k,
            &o()
        ));
        assert!(!is_title_repeat(
            "Storm Hits The Coast Again As Residents Count The Cost Of Last Year",
            &k,
            &o()
        ));
    }

    #[test]
    fn share_follow_subscribe_lines() {
        for t in [
            "Share",
            "Share this article",
            "Facebook Twitter Email",
            "Follow us on Twitter",
            "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
            "Sign up for our daily newsletter",
            "Subscribe",
            "Skip to main content",
        ] {
            assert!(is_social_line(t, &o()) || is_prompt_line(t, &o()), "{t}");
        }
        assert!(!is_social_line("Share prices rose 5% on Monday.", &o()));
        assert!(!is_prompt_line(
            "Subscribers will pay more from June, the company said.",
            &o()
        ));
    }

    #[test]
    fn newsletter_box_name_goes_with_its_prompt() {
        let texts = [
            PARAS[0],
            "Morning Ledger",
            "Sign up to get our newsletter in your inbox.",
            PARAS[1],
        ];
        let (out, _) = run(&texts, None, true);
        assert_eq!(out, [PARAS[0], PARAS[1]]);
    }

    #[test]
    fn promo_lines() {
        for t in [
            "READ MORE: Storm hits coast",
            "Also read: A story",
            "Related coverage",
            "Most Popular",
            "Related",
        ] {
            assert!(is_promo_line(t, &o()), "{t}");
        }
        assert!(!is_promo_line(
            "Related to the case, two men were arrested.",
            &o()
        ));
        assert!(!is_promo_line("Readers wrote in to complain.", &o()));
    }

    #[test]
    fn promo_header_takes_its_links() {
        let (out, _) = run(
            &[
                PARAS[0],
                "Related coverage",
                "Greece battles blazes",
                "Heatwave: how hot will it get?",
                PARAS[1],
            ],
            None,
            false,
        );
        assert_eq!(out, [PARAS[0], PARAS[1]]);
    }

    #[test]
    fn comments_lines() {
        for t in [
            "Comments are closed.",
            "34 responses to “Anthony Lynn”",
            "Leave a Reply",
            "Comments (12)",
        ] {
            assert!(is_comments_line(t, &o()), "{t}");
        }
        assert!(!is_comments_line(
            "Comments from the minister angered the opposition.",
            &o()
        ));
        assert!(!is_comments_line(
            "3 responses to the crisis were proposed by the council.",
            &o()
        ));
        assert!(!is_comments_line(
            "What do you think? Most voters said the plan was fair.",
            &o()
        ));
    }

    #[test]
    fn cookie_notices() {
        assert!(is_cookie_notice(
            "This website uses cookies to improve your experience.",
            &o()
        ));
        assert!(is_cookie_notice("Cookie Preferences", &o()));
        let long = format!(
            "{} We use cookies and similar technologies; by using our cookies you agree.",
            PARA.repeat(3)
        );
        assert!(is_cookie_notice(&long, &o()));
        assert!(!is_cookie_notice(
            &format!("{} The bakery sold cookies. {}", PARA.repeat(3), PARA),
            &o()
        ));
    }

    #[test]
    fn copyright_and_credits() {
        assert!(is_copyright("© 2024 The Daily Ledger Company", &o()));
        assert!(is_copyright(
            "Copyright 2019 Jpost Inc. All rights reserved",
            &o()
        ));
        assert!(is_image_credit(
            "Firefighters near the village on Friday. Credit: Alessandro Bianchi/Reuters",
            &o()
        ));
        assert!(is_image_credit(
            "Trump asked voters for a big win. Credit... Doug Mills/The New York Times",
            &o()
        ));
        assert!(is_image_credit("Photo: AFP", &o()));
        assert!(is_image_credit(
            "Image caption Scooter Braun has managed Justin Bieber",
            &o()
        ));
        assert!(!is_image_credit(PARA, &o()));
    }

    #[test]
    fn bylines_and_datelines_move_to_metadata() {
        let (out, meta) = run(&["By Lucia Ferrante", "June 21, 2024", PARA], None, false);
        assert_eq!(out, [PARA]);
        assert_eq!(meta.byline.as_deref(), Some("Lucia Ferrante"));
        assert_eq!(meta.published.as_deref(), Some("2024-06-21"));
        assert!(is_dateline("Updated: November 19, 2019 6:21 AM EST", &o()));
        assert!(is_dateline("11/20/2019 01:14 PM", &o()));
        assert!(is_dateline("2019-11-13T23:06:00+01:00", &o()));
        assert!(!is_dateline("In 2019 the army sent 12,000 soldiers.", &o()));
        assert!(!is_dateline("4:14 p.m.", &o()));
        assert!(is_dateline("5 hours ago", &o()));
        assert!(byline("By the end of the year, prices had doubled.", &o()).is_none());
        assert!(byline("By Monday, most residents had left.", &o()).is_none());
        assert_eq!(
            byline(
                "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18",
                &o()
            )
            .as_deref(),
            Some("HNN Staff")
        );
        let (out, meta) = run(
            &["Publish date:", "Sep 1, 2019", "Author:", "Jane Doe", PARA],
            None,
            true,
        );
        assert_eq!(out, [PARA]);
        assert_eq!(meta.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(meta.published.as_deref(), Some("2019-09-01"));
        let (out, meta) = run(
            &["By", "Randy Maniloff", "Nov. 18, 2019 7:04 pm ET", PARA],
            None,
            true,
        );
        assert_eq!(out, [PARA]);
        assert_eq!(meta.byline.as_deref(), Some("Randy Maniloff"));
        assert_eq!(meta.published.as_deref(), Some("2019-11-18"));
        assert_eq!(
            byline("Posted by Michael David Smith on November 19, 2019", &o()).as_deref(),
            Some("Michael David Smith")
        );
    }

    #[test]
    fn repeated_blocks_keep_first_real_content_only() {
        let (out, _) = run(
            &["Log In", PARA, "Log In", PARA, "Other text here."],
            None,
            false,
        );
        assert_eq!(out, [PARA, "Other text here."]);
    }

    #[test]
    fn covered_repeat_dropped() {
        let other = "A second paragraph of the story follows here with more words in it.";
        let blob = format!("{PARA} {other}");
        let (out, _) = run(&[PARA, other, &blob], None, false);
        assert_eq!(out, [PARA, other]);
    }

    #[test]
    fn tag_lists_and_urls() {
        assert!(is_tag_list(&p("Tags: Delhi, Smog"), &o()));
        assert!(is_tag_list(
            &p("How to retire,Early retirement,Retiring early,Money,Finance"),
            &o()
        ));
        assert!(!is_tag_list(
            &p("Apples, pears, plums, cherries and figs were sold."),
            &o()
        ));
        assert!(is_bare_url("https://example.com/a.jpg"));
        assert!(!is_bare_url("See https://example.com for more."));
    }

    #[test]
    fn link_blocks_and_lists() {
        let mut blocks: Vec<Block> = (0..4)
            .map(|i| {
                let mut b = Block::new(BlockKind::ListItem, format!("Related story {i}"));
                b.link_bytes = b.text.len();
                b
            })
            .collect();
        blocks.push(p(PARA));
        let mut meta = Metadata::default();
        let out = clean(blocks, &mut meta, &Options::default(), None, false);
        assert_eq!(out.len(), 1);
        let mut cited = p(PARA);
        cited.link_bytes = 20;
        assert!(!is_link_block(&cited, &o()));
        // two related links in a row go; a lone linked line stays
        let link = |t: &str| {
            let mut b = p(t);
            b.link_bytes = t.len();
            b
        };
        let blocks = vec![
            p(PARAS[0]),
            link("Click for full state swim results"),
            p(PARAS[1]),
            link("Who will make the Rock Hall in 2020?"),
            link("Fans really want The Doobie Brothers in the Rock Hall"),
        ];
        let out = clean(blocks, &mut meta, &Options::default(), None, false);
        assert_eq!(out.len(), 3);
        assert_eq!(out[1].text, "Click for full state swim results");
    }

    #[test]
    fn main_run_drops_menus_and_footer_keeps_headings() {
        let mut texts = vec!["News", "Sport", "Business", "Culture", "Weather"];
        texts.extend([PARAS[0], "A Short Heading", PARAS[1], PARAS[2]]);
        texts.extend([
            "Most Viewed",
            "Terms",
            "Privacy Policy",
            "Contact",
            "Sitemap",
        ]);
        let (out, _) = run(&texts, None, true);
        assert_eq!(out, [PARAS[0], "A Short Heading", PARAS[1], PARAS[2]]);
    }

    /// An extracted article's text, cleaned again: a heading and a run of
    /// short lowercase list items before a short closing paragraph, and a
    /// short closing sentence, all stay (no main-run cut on clean text).
    #[test]
    fn clean_text_is_kept_whole() {
        let texts = [
            PARAS[0],
            PARAS[1],
            "What to sow first",
            "broad beans and peas, straight into the ground",
            "onion sets, as soon as the soil can be worked",
            "tomatoes and peppers, indoors on a bright windowsill",
            "Keep a notebook of what you sowed and when, it helps.",
            "Raw counts are available on request.",
        ];
        let (out, _) = run(&texts, None, true);
        assert_eq!(out, texts);
    }

    /// A rule dropping one block (an ad label) means the text is a raw
    /// dump, not a clean article: the main-run cut applies again.
    #[test]
    fn dropped_block_means_not_clean() {
        let texts = [
            PARAS[0],
            PARAS[1],
            "Advertisement",
            "What to sow first",
            "broad beans and peas, straight into the ground",
            "onion sets, as soon as the soil can be worked",
            "tomatoes and peppers, indoors on a bright windowsill",
            "Keep a notebook of what you sowed and when, it helps.",
        ];
        let (out, _) = run(&texts, None, true);
        assert_eq!(out, [PARAS[0], PARAS[1]]);
    }

    /// Mostly short lines (a menu page) are not clean text even when no rule
    /// dropped one of them: prose is under `clean_content_share`.
    #[test]
    fn short_line_page_is_not_clean_text() {
        let o = o();
        let texts = [
            PARAS[0],
            "Gardening tips for beginners",
            "Seeds and bulbs for spring",
            "Tools that last a lifetime",
            "Contact our friendly team",
            "Visit the shop on Main Street",
        ];
        let blocks: Vec<Block> = texts.iter().map(|t| p(t)).collect();
        let wlen: Vec<usize> = blocks.iter().map(|b| weighted_len(&b.text, &o)).collect();
        let classes: Vec<Class> = blocks
            .iter()
            .zip(&wlen)
            .map(|(b, &len)| {
                let s = shape_of(&b.text).1;
                classify(
                    b,
                    len,
                    (s.words(), s.stopwords as usize),
                    s.punct as usize,
                    true,
                    &o,
                )
            })
            .collect();
        let none = vec![false; blocks.len()];
        assert!(!is_clean_text(&wlen, &classes, &none, &o));
        assert!(is_clean_text(&wlen[..2], &classes[..2], &none[..2], &o));
        let mut comments = none.clone();
        comments[1] = true;
        assert!(!is_clean_text(
            &wlen[..2],
            &classes[..2],
            &comments[..2],
            &o
        ));
    }

    #[test]
    fn main_run_ends_at_comment_section() {
        let texts = [
            PARAS[0],
            PARAS[1],
            PARAS[2],
            "34 responses to “Lynn”",
            PARAS[3],
            PARAS[4],
        ];
        let (out, _) = run(&texts, None, true);
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn html_blocks_skip_the_main_run() {
        let (out, _) = run(&["A short line", PARA], None, false);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn headline_before_main_run_becomes_title() {
        let (out, meta) = run(
            &[
                "Menu",
                "Wildfire Forces Thousands From Hill Towns",
                "By A Writer",
                PARAS[0],
                PARAS[1],
            ],
            None,
            true,
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("Wildfire Forces Thousands From Hill Towns")
        );
        assert_eq!(out, [PARAS[0], PARAS[1]]);
    }

    #[test]
    fn site_profile_drops_site_lines_keeps_one_offs() {
        let mut profile = SiteProfile::new();
        for i in 0..5 {
            let page = format!(
                "Story {i}: the harbour board met on day {i} and approved a plan, officials said.\n\n\
                 The Harbour Gazette: all the news from the quay\n\n{}",
                if i == 2 { "A one-off line printed only on this page." } else { "" }
            );
            profile.learn_text(&page);
        }
        let json = serde_json::to_string(&profile).unwrap();
        let profile: SiteProfile = serde_json::from_str(&json).unwrap();
        let mut meta = Metadata::default();
        let blocks = vec![
            p("A new story: the harbour board met again and rejected the plan, officials said."),
            p("The Harbour Gazette: all the news from the quay"),
            p("A one-off line printed only on this page."),
        ];
        let out = clean(
            blocks,
            &mut meta,
            &Options::default(),
            Some(&profile),
            false,
        );
        let texts: Vec<&str> = out.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "A new story: the harbour board met again and rejected the plan, officials said.",
                "A one-off line printed only on this page."
            ]
        );
        // too few pages: nothing is site-wide yet
        let mut small = SiteProfile::new();
        small.learn_text("Footer");
        assert!(!small.is_site_line("Footer", &o()));
    }

    #[test]
    fn many_repeated_ad_lines_all_go() {
        let blocks: Vec<Block> = (0..200_000)
            .map(|_| p("Advertisement"))
            .chain([p(PARA)])
            .collect();
        let mut meta = Metadata::default();
        let out = clean(blocks, &mut meta, &Options::default(), None, true);
        assert_eq!(out.len(), 1);
    }
}

#[cfg(test)]
mod rewrite_tests {
    //! The rules whose regexes lost their counted Unicode repetitions (slow
    //! to compile) must decide exactly as the original regexes did.
    use super::*;

    const PROMO_REF: &str = r"(?i)^\W*(read more|read also|also read|read next|read this next|see also|more from [\w ]{1,30}|more on this( story)?|more stories|more news|see more|related( articles?| stories| posts| coverage| content| links| reading| topics| news| video)?|recommended( for you| stories| reading)?|you (may|might) also like|most (popular|read|viewed|shared|watched)|trending( now| stories)?|editor'?s picks|top stories|don'?t miss|watch( now| video)?|listen( now)?|must read|latest news|popular now|in other news)\s*(?:$|[:»›>|\-–—•]+)";
    const PROMPT_REF: &str = r"(?i)^\W*((sign up|subscribe|register|join|get|receive)\b.{0,80}\b(newsletters?|updates|alerts|inbox|briefing|digest)\b|(sign up|subscribe) (now|today|here|for free)\b|(follow|like|find) us\b|follow [\w@.' ]{1,40} on (twitter|facebook|instagram|youtube|tiktok|linkedin|x)\b|skip to (main |the )?(content|navigation|search|main|footer)|back to (top|main menu)|download (the|our) app|click here\b|tap here\b|learn more\W*$|log in\b|sign in\b|newsletters?\W*$|subscribe\W*$|already a subscriber|\d+\s*(min|mins|minutes?)\s+(read|listen)\W*$|by (signing up|subscribing|registering|clicking|continuing)\b|[\w' ]{0,40}\bnewsletters?\W*$)";
    const SIGNUP_REF: &str = r"(?i)^\W*(sign up|subscribe|register|join)\b.{0,80}\b(newsletters?|inbox|briefing|digest)\b";

    /// Tricky inputs: bounds hit exactly and by one, line breaks, non-ASCII
    /// words, case folding (`ſ`, Kelvin sign), separators.
    pub(super) fn samples() -> Vec<String> {
        let mut v: Vec<String> = [
            "More from The Ledger",
            "More from The Ledger:",
            "» more from   x  ",
            "more from",
            "more from :",
            "more from    :",
            "More from Über Straße — next",
            "More from a b c - d",
            "More from a\tb",
            "Sign up for our newsletter",
            "Sign up for our free daily newsletter today",
            "Sign up\nfor our newsletter",
            "signup newsletter",
            "Get the latest updates",
            "Get updates",
            "gets updates",
            "Receive alerts",
            "Join our inbox-briefing",
            "ſign up to the digest",
            "Follow us",
            "Follow Jane Doe on Twitter",
            "Follow Jane on X",
            "Follow Jane on Xbox",
            "Follow @jane.doe's feed on Instagram and on TikTok",
            "follow  on twitter",
            "The Morning newsletter",
            "The Morning Newsletters.",
            "' the morning newsletter",
            "Themorning newsletter",
            "Morning’s newsletter",
            "Élan newsletter",
            "newsletter",
            "— newsletter —",
            "a newsletter about newsletters",
            "Subscribe",
            "5 min read",
            "Read more: the story",
            "Related coverage",
            "Most Popular",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for n in [0usize, 1, 29, 30, 31, 39, 40, 41, 79, 80, 81, 100] {
            let w = "x".repeat(n);
            let sp = "é ".repeat(n / 2) + &"y".repeat(n % 2);
            for name in [&w, &sp] {
                v.push(format!("More from {name}"));
                v.push(format!("More from {name}  :"));
                v.push(format!("more from {name} | {name}"));
                v.push(format!("Sign up {name} newsletter"));
                v.push(format!("Subscribe {name}\u{a0}digest and more"));
                v.push(format!("Join{name} inbox"));
                v.push(format!("Follow {name} on twitter"));
                v.push(format!("Follow {name} on twitter, follow us on X"));
                v.push(format!("Follow {name} on facebook on twitter"));
                v.push(format!("{name} newsletter"));
                v.push(format!("** {name} newsletters !"));
                v.push(format!("' {name} newsletter"));
            }
        }
        v
    }

    #[test]
    fn keys_are_the_words_of_the_blocks() {
        let mut texts = samples();
        texts.extend(
            [
                "",
                "  ",
                "ΣΟΦΟΣ σοφός ὈΔΥΣΣΕΎΣ",
                "İstanbul’da 3½ km² — Ⅻ",
                "a_b c-d e\u{301}f  ÉCOLE",
                "東京 タワー 한국어",
                "x\u{200d}y",
            ]
            .map(str::to_string),
        );
        let blocks: Vec<Block> = texts
            .iter()
            .map(|t| Block::new(BlockKind::Paragraph, t.as_str()))
            .collect();
        let keys = Keys::new(&blocks);
        for (i, t) in texts.iter().enumerate() {
            let want: Vec<String> = words(t).map(|w| w.into_owned()).collect();
            assert_eq!(keys.get(i), want.join(" "), "{t}");
            assert_eq!(key_words(keys.get(i)).collect::<Vec<_>>(), want, "{t}");
        }
    }

    #[test]
    fn contains_words_is_the_padded_search() {
        for (key, part) in [
            ("xa a a", "a a"),
            ("a b", "a b"),
            ("ab c", "b c"),
            ("the storm hits watch", "storm hits"),
            ("storm hitsx", "storm hits"),
            ("é a", "a"),
            ("", ""),
            ("a", ""),
        ] {
            let want = format!(" {key} ").contains(&format!(" {part} "));
            let finder = memchr::memmem::Finder::new(part);
            assert_eq!(contains_words(key, part, &finder), want, "{key:?} {part:?}");
        }
    }

    #[test]
    fn rewritten_regexes_decide_as_the_counted_ones() {
        let promo = Regex::new(PROMO_REF).unwrap();
        let prompt = Regex::new(PROMPT_REF).unwrap();
        let signup = Regex::new(SIGNUP_REF).unwrap();
        for t in samples() {
            assert_eq!(promo_match(&t), promo.find(&t).map(|m| m.end()), "{t}");
            assert_eq!(is_prompt_match(&t), prompt.is_match(&t), "{t}");
            assert_eq!(is_signup_prompt(&t), signup.is_match(&t), "{t}");
        }
    }
}

#[cfg(test)]
mod prefilter_tests {
    use super::*;

    /// Whenever a rule's regex matches, its prefilter bit is set.
    #[test]
    fn prefilter_never_hides_a_match() {
        let mut texts = rewrite_tests::samples();
        texts.extend(
            [
                "Comments (3)",
                "12 comments",
                "½ comments",
                "What do you think?",
                "© 2024 The Ledger",
                "(c) 2020 Ledger",
                "(C)2020 Ledger",
                "Copyright",
                "All Rights Reserved.",
                "Todos los derechos reservados",
                "tous droits réservés",
                "We use cookies to improve your experience",
                "Cookie Policy",
                "cooKie settings",
                "Manage consent",
                "Photo: AFP",
                "A march in Paris. (Photo by Jane Doe)",
                "Protesters gather / Reuters",
                "Image caption Protesters",
                "Getty Images",
                "iStock",
                "Tags: a, b",
                "Filed under: x",
                "By Jane Doe",
                "Posted by John on May 1",
                "ſign up for the newsletter",
                "“Read more”",
                "_Read more",
                "— Related coverage",
                "• Follow us",
                "«Most popular»",
                "5 min read",
                "5min read",
                "5 MINUTES listen",
                "5\tmins read.",
                "5\u{a0}min read",
                "5\u{2009}min read",
                "5٣ min read",
                "12 comments",
                "12\ncomments",
                "12\u{a0}comments",
                "12 Responses to “The story”",
                "3 replies",
                "4 reactions",
                "12comments",
                "12 34 min read",
                "12. min read",
                "1_000 comments",
                "٣ min read",
                "Newsletter",
                "Ǆnewsletter",
                "²newsletter",
                "Skip to content",
                "Log in",
                "Publicidad",
                "日本 follow us",
                "Ωby Jane Doe",
                "«Ǆ» read more",
                "ǅ5 min read",
                "“© 2020 Ledger”",
                "— (c) 2020 Ledger",
                "«(C) 2021»",
                "...©",
                "• © 2024 Ledger",
                "Hong Kong (c) 2020",
                "_© 2020",
                "\u{301}© 2020",
                "é 12 comments",
                "\u{301}Tags: a, b",
            ]
            .map(str::to_string),
        );
        let o = o();
        for t in texts {
            let t = t.trim();
            let (_, shape) = shape_of(t);
            let m = prefilter(t, &shape, char_len(t), &o);
            let checks: [(usize, bool); 11] = [
                (PRE_COMMENTS, COMMENTS_LINE.is_match(t)),
                (PRE_PROMO, PROMO_LINE.is_match(t)),
                (PRE_PROMPT, PROMPT_LINE.is_match(t)),
                (
                    PRE_JOIN,
                    head_gap_tail(t, &PROMPT_JOIN_HEAD, &PROMPT_JOIN_TAIL, JOIN_GAP_MAX_CHARS),
                ),
                (PRE_FOLLOW, PROMPT_FOLLOW.is_match(t)),
                (PRE_NEWSLETTER, PROMPT_NAMED_NEWSLETTER.is_match(t)),
                (PRE_COOKIE, COOKIE_LINE.is_match(t)),
                (PRE_COPYRIGHT, COPYRIGHT_LINE.is_match(t)),
                (PRE_CREDIT, CREDIT_LINE.is_match(t)),
                (PRE_BYLINE, BYLINE.is_match(t)),
                (
                    PRE_TAGS,
                    is_tag_list(&Block::new(BlockKind::Paragraph, t), &o),
                ),
            ];
            for (bit, matched) in checks {
                assert!(!matched || pre(m, bit), "rule {bit} hidden for {t:?}");
            }
        }
    }

    fn o() -> BoilerplateOptions {
        BoilerplateOptions::default()
    }

    /// [`first_word_bits`] gives no bit to a block whose first word
    /// character is a non-ASCII letter: checked for every such character
    /// against the regex classes. It is a word character (`^\W*` cannot
    /// skip it), no `\d`, and no ASCII letter under `(?i)` but for the two
    /// that set [`F_FOLD`].
    #[test]
    fn non_ascii_letters_start_no_rule() {
        let word = Regex::new(r"^\w$").unwrap();
        let digit = Regex::new(r"^\d$").unwrap();
        let ascii = Regex::new(r"(?i)^[a-z0-9_]$").unwrap();
        let mut buf = [0u8; 4];
        let mut letters = 0;
        for c in (0x80..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if !is_plain_letter(c) {
                continue;
            }
            letters += 1;
            let s = c.encode_utf8(&mut buf);
            assert!(word.is_match(s), "{c:?} is \\W");
            assert!(!digit.is_match(s), "{c:?} is \\d");
            assert_eq!(ascii.is_match(s), char_flags(c) & F_FOLD != 0, "{c:?}");
            assert_eq!(first_word_bits(s), 0, "{c:?}");
        }
        assert!(letters > 40_000, "{letters}");
    }

    #[test]
    fn stopword_counts_count_words_and_stopwords() {
        assert_eq!(stopword_counts(""), (0, 0));
        assert_eq!(stopword_counts("the cat and the dog"), (5, 3));
        assert_eq!(stopword_counts("что это"), (2, 2));
        assert_eq!(stopword_counts("thethe dengan dengans"), (3, 1));
        assert!(STOPWORDS.iter().all(|w| w.len() <= 8));
    }
}

#[cfg(test)]
mod scan_tests {
    //! [`scan`] computes in one pass what the rules used to compute one by
    //! one; each figure is checked here against the old computation.
    use super::*;

    /// The key, every figure of [`Shape`] and the 4-gram hashes, the old
    /// way.
    fn oracle(text: &str) -> (String, Shape, Vec<u64>) {
        let t = text.trim();
        let key: Vec<String> = words(text).map(|w| w.into_owned()).collect();
        let key = key.join(" ");
        let (words, stopwords) = stopword_counts(&key);
        let has = |cs: &[char]| t.contains(cs);
        let flag = |cs: &[char], f: u32| if has(cs) { f } else { 0 };
        let flags = flag(&['\u{17f}', '\u{212a}'], F_FOLD)
            | flag(&['\u{212a}', '\u{130}'], F_ASCII_LOWER)
            | if t.bytes().any(|c| c.is_ascii_digit()) {
                F_DIGIT
            } else {
                0
            }
            | flag(&['/'], F_SLASH)
            | flag(&['(', '©'], F_COPY)
            | flag(&['>'], F_GT)
            | flag(&['|'], F_PIPE)
            | flag(&['›'], F_RSAQUO)
            | flag(&['»'], F_RAQUO)
            | flag(&['→'], F_ARROW)
            | flag(&['-'], F_HYPHEN)
            | flag(&['–', '—'], F_DASH)
            | flag(&[':'], F_COLON)
            | flag(&['·'], F_MIDDOT)
            | if t.is_ascii() { 0 } else { F_NON_ASCII };
        let key_lits = literal_bits(KEY_LITERALS.iter().map(|(b, l, _)| (*b, *l)), &key);
        let credit_lits = literal_bits(CREDIT_LITERALS.iter().map(|l| (PRE_CREDIT, *l)), t);
        let shape = Shape {
            chars: count32(char_len(t)),
            edge: count32(char_len(text) - char_len(t)),
            cjk: count32(text.chars().filter(|&c| is_cjk(c)).count()),
            words: count32(words),
            stopwords: count32(stopwords),
            punct: count32(
                t.chars()
                    .filter(|c| matches!(c, '.' | '!' | '?' | '。' | ',' | '，' | '、'))
                    .count(),
            ),
            flags,
            lits: key_lits | credit_lits,
            key_hash: key_words(&key)
                .map(word_hash)
                .fold(0x9e37_79b9_7f4a_7c15u64, |g, h| {
                    (g.rotate_left(23) ^ h).wrapping_mul(0xff51_afd7_ed55_8ccd)
                }),
        };
        let hashes: Vec<u64> = key_words(&key).map(word_hash).collect();
        let grams = hashes
            .windows(4)
            .map(|w| gram_hash([w[0], w[1], w[2], w[3]]))
            .collect();
        (key, shape, grams)
    }

    fn texts() -> Vec<String> {
        let mut v = rewrite_tests::samples();
        v.extend(
            [
                "",
                " \u{3000}\t",
                "  Padded line.  ",
                "\u{a0}Non-breaking\u{2003}",
                "ΣΟΦΟΣ σοφός ὈΔΥΣΣΕΎΣ aΣb Σ",
                "İstanbul’da 3½ km² — Ⅻ",
                "a_b c-d e\u{301}f  ÉCOLE",
                "東京 タワー 한국어。読む、書く，",
                "x\u{200d}y \u{2071}x",
                "Cookies: we use COOKIES. Consent to the use; manage your privacy",
                "CONSENT—TO the terms",
                "consent,to",
                "All rights reserved © 2024",
                "all-rights-reserved",
                "Todos los derechos reservados | Todos os direitos",
                "Tous droits réservés",
                "cooKie with a Kelvin sign; İnewsletter",
                "Photo: AFP / Getty Images, Shutterstock, iStock",
                "PhotoImagePictureFotoCreditIllustrationGraphicVideoSourceMedia",
                "a photo, an image (no credit)",
                "Home > World › Asia » Europe / News → Sport >> x | y",
                "Title – tag — site · more: end - x",
                "Newsletters: sign up. Really? Yes! 1, 2, 3",
                "mismanaged enewsletters copyrighted undroits",
                "the cat and the dog that is on the mat for you",
                "что это и в не на",
                "é è más não für",
                "https://example.com/image.JPG",
                "Ǆemal ǅemal ǆemal",
                "ß ẞ ﬁ ŉ",
                "\u{1f600} emoji \u{1f600}x",
                "wordwordwordword1 wordwordwordword12 longerthansixteenbytes",
                // words crossing between ASCII and other characters
                "éPhoto Photoé éphoto, aΣ. Σa aΣ bΣc. 1é2 x²y",
                "cookieΣ cookie ÉCOOKIE—consent Ωmanage…copyright",
                "  a  b\t\tc ,, d.  ",
                "Zz zZ z1 9z ZZZZZZZZZZ",
                // key literals anchored inside, whole, cut, in any case
                "NEWSLETTER xnewsletterx news-letter newslett wsletter",
                "cooKIE kie ookie COOKIES consentS CONSEN nsent",
                "reSERVED rved reserve MANAGEd anage",
                "dr oits droitS DERECHOS direitoS derecho direito",
                "éconsent consenté 1reserved2",
            ]
            .map(str::to_string),
        );
        // every character of one or two UTF-8 bytes, in words and alone
        let two: Vec<char> = (0x80..0x800u32).filter_map(char::from_u32).collect();
        v.extend(two.chunks(7).map(|w| w.iter().collect::<String>()));
        v.push(two.iter().flat_map(|&c| [c, ' ', 'A', c, 'b']).collect());
        v
    }

    #[test]
    fn lower_2_agrees_with_char_methods() {
        for u in 0..0x800u32 {
            let c = char::from_u32(u).unwrap_or('\0');
            let l = LOWER_2[u as usize];
            assert_eq!(l != NOT_ALNUM, c.is_alphanumeric(), "{u:x}");
            let want: String = c.to_lowercase().collect();
            match l {
                NOT_ALNUM => {}
                MULTI_LOWER => assert!(want.chars().count() > 1, "{u:x}"),
                _ => assert_eq!(char::from_u32(l).map(String::from), Some(want), "{u:x}"),
            }
        }
    }

    #[test]
    fn scan_matches_the_old_computations() {
        let o = BoilerplateOptions {
            cjk_char_weight: 3,
            ..BoilerplateOptions::default()
        };
        for text in texts() {
            let mut out = b"earlier key".to_vec();
            let mut grams = vec![7u64];
            let shape = scan(&text, &mut out, &mut grams);
            let (key, want, want_grams) = oracle(&text);
            assert_eq!(&out[..11], b"earlier key");
            assert_eq!(utf8(out[11..].to_vec()), key, "{text:?}");
            assert_eq!(grams[1..], want_grams[..], "{text:?}");
            assert_eq!(shape, want, "{text:?}");
            assert_eq!(shape.weighted_len(&o), weighted_len(&text, &o), "{text:?}");
            assert_eq!(shape.all_chars(), char_len(&text));
            assert_eq!(
                sentence_punct(&text, shape.punct as usize),
                has_sentence_punct(&text)
            );
        }
    }

    #[test]
    fn keys_share_one_buffer() {
        let texts = texts();
        let blocks: Vec<Block> = texts
            .iter()
            .map(|t| Block::new(BlockKind::Paragraph, t.as_str()))
            .collect();
        let keys = Keys::new(&blocks);
        let runs: Vec<&[u64]> = keys.gram_runs().collect();
        assert_eq!(runs.len(), texts.len());
        for (i, t) in texts.iter().enumerate() {
            let (key, shape, grams) = oracle(t);
            assert_eq!(keys.get(i), key);
            assert_eq!(keys.shape(i), &shape);
            assert_eq!(runs[i], &grams[..]);
        }
    }

    #[test]
    fn word_hashes_agree() {
        for w in [
            "a",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "é",
            "ééééé",
            "x".repeat(17).as_str(),
        ] {
            assert_eq!(word_hash_bytes(w.as_bytes()), word_hash(w));
            if w.len() <= 8 {
                assert_eq!(short_word_hash(w.len(), first8(w.as_bytes())), word_hash(w));
            }
        }
    }

    /// The characters the scan takes shortcuts on.
    #[test]
    fn unicode_facts_the_scan_relies_on() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        for c in ('\u{80}'..=char::MAX).filter(|c| c.to_lowercase().any(|l| l.is_ascii())) {
            assert!(matches!(c, '\u{130}' | '\u{212a}'), "{c:?}");
        }
        // a character lower-cases to at most 1.5 times its bytes, so a key
        // fits in twice its text's bytes (`scan`)
        for c in ('\0'..=char::MAX).filter(|c| c.is_alphanumeric()) {
            let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
            assert!(2 * lower <= 3 * c.len_utf8(), "{c:?}");
        }
    }

    #[test]
    fn anchored_bits_match_the_linear_search() {
        let mut words: Vec<String> = ANCHORED_WORDS
            .iter()
            .flat_map(|(_, ws)| ws.iter())
            .flat_map(|w| {
                [
                    w.to_string(),
                    w.to_uppercase(),
                    format!("{w}s"),
                    w[..w.len() - 1].to_string(),
                ]
            })
            .collect();
        words.extend(
            [
                "x",
                "9lives",
                "Zebra",
                "A",
                "BYE",
                "relatedness",
                "SubScribeR",
                "subscrib",
                "subscribx",
                "Recommendedly",
                "recommende",
                "medicallyy",
                "medicall",
                "newslette",
                "NEWSLETTERS",
                "publishe",
                "keywords",
                "keyword",
                "download",
                "downloa",
                "trendingnow",
                "b",
                "z9",
            ]
            .map(str::to_string),
        );
        for w in words.iter().filter(|w| !w.is_empty() && w != &"#") {
            let b = w.as_bytes();
            if b[0].is_ascii_digit() {
                // numbers are followed further: never more bits
                let bits = anchored_bits(b, b" min read");
                assert_eq!(bits & !anchored_bits_oracle(b), 0, "{w}");
            } else {
                assert_eq!(anchored_bits(b, b""), anchored_bits_oracle(b), "{w}");
            }
        }
    }

    /// The ASCII fast path of [`first_word_bits`] gives what the character
    /// loop gives.
    #[test]
    fn first_word_bits_match_the_character_loop() {
        let mut texts: Vec<String> = rewrite_tests::samples();
        texts.extend(
            [
                "",
                " ",
                "_read more",
                "...Read more",
                "— Related coverage",
                "“Read more”",
                "«Most popular»",
                "• Follow us",
                "  \t sign up",
                "5 min read",
                "٣ min read",
                "日本 follow us",
                "ſign up",
                "\u{212a}eywords: a",
                "-- é by",
                "-- ²by",
                "\u{301}Tags: a, b",
                "¿Por qué?",
                "(c) 2020",
                "#1 comments",
                "__",
                "Ωby Jane Doe",
                "\u{a0}By Jane",
            ]
            .map(str::to_string),
        );
        let lead = Regex::new(r"^\W*").unwrap();
        for t in &texts {
            let (_, end) = first_word(t);
            let run = lead.find(t).map_or(0, |m| m.end());
            // exact, or the whole text when unsure
            assert!(end == run || end == t.len() && run <= end, "{t:?}");
            assert_eq!(first_word_bits(t), first_word_bits_oracle(t), "{t:?}");
            for (at, _) in t.char_indices() {
                assert_eq!(
                    first_word_bits(&t[at..]),
                    first_word_bits_oracle(&t[at..]),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn word_tables_hold_their_words() {
        for (table, words) in [(&*SOCIAL_SET, SOCIAL_WORDS), (&*DATE_SET, DATE_WORDS)] {
            for w in words {
                assert!(table.contains(w) || w.contains(' '), "{w}");
                assert!(w.len() <= 16 || w.contains(' '), "{w}");
            }
            for w in ["", "zz", "thee", "mondays", "x".repeat(17).as_str()] {
                assert_eq!(table.contains(w), words.contains(&w), "{w}");
            }
        }
    }

    #[test]
    fn stop_hashes_hold_the_stopwords() {
        let hash = |w: &str| short_word_hash(w.len(), first8(w.as_bytes()));
        for w in STOPWORDS {
            assert!(is_stop_hash(hash(w)), "{w}");
        }
        let others = [
            "",
            "zz",
            "thee",
            "th",
            "dans1",
            "thethe",
            "ё",
            "что это",
            "e\u{301}",
        ];
        for w in others.iter().copied().chain(SOCIAL_WORDS.iter().copied()) {
            if (1..=8).contains(&w.len()) {
                assert_eq!(is_stop_hash(hash(w)), STOPWORDS.contains(&w), "{w}");
            }
        }
        // a hash of 0 (the empty slot) is no stopword
        assert!(!is_stop_hash(0));
    }

    #[test]
    fn gram_owners_match_a_set_of_kept_blocks() {
        // the old way as oracle: a set of the kept blocks' grams, probed
        // before the block puts its own in; a block half covered is dropped
        let mut x = 0x1234_5678_9abc_def0u64;
        let blocks: Vec<Vec<u64>> = (0..60u64)
            .map(|b| {
                (0..b % 9)
                    .map(|i| {
                        x = x.rotate_left(13).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ i;
                        if x % 17 == 0 {
                            0
                        } else {
                            x % 40
                        }
                    })
                    .collect()
            })
            .collect();
        let mut set = HashSet::new();
        let mut old = vec![false; blocks.len()];
        for (b, grams) in blocks.iter().enumerate() {
            let covered = grams.iter().filter(|g| set.contains(*g)).count();
            if !grams.is_empty() && covered * 2 >= grams.len() {
                old[b] = true;
            } else {
                set.extend(grams.iter().copied());
            }
        }
        let total = blocks.iter().map(Vec::len).sum();
        let mut owners = GramOwners::with_capacity(total);
        let mut new = vec![false; blocks.len()];
        for (b, grams) in blocks.iter().enumerate() {
            let covered = grams
                .iter()
                .filter(|&&g| owners.seen_before(g, b as u32, &new))
                .count();
            new[b] = !grams.is_empty() && covered * 2 >= grams.len();
        }
        assert_eq!(new, old);
        assert!(old.iter().any(|&d| d) && old.iter().any(|&d| !d));
    }

    #[test]
    fn addresses_without_copies() {
        let old_address = |text: &str| {
            text.split_whitespace().any(|w| {
                let w = w.to_ascii_lowercase();
                w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")
            })
        };
        let old_bare = |text: &str| {
            let t = text.trim();
            let lower = t.to_ascii_lowercase();
            (lower.starts_with("http://") || lower.starts_with("https://"))
                && !t.contains(char::is_whitespace)
                && IMAGE_EXTENSIONS.iter().any(|e| lower.ends_with(e))
        };
        for t in [
            "",
            "http",
            "HTTPS://X.ORG/A.PNG",
            " https://x.org/a.avif ",
            "https://x.org/a.png?x",
            "see WWW.x.org",
            "Ünïcode https://x/é.gif",
            "https://x.org/a b.png",
            "é.png",
            "\u{a0}https://x.org/a.png",
            "\u{b}http://x/a.jpg",
            "\u{2003}Http://x/a.GIF\u{a0}",
            "(https://x/a.png",
        ] {
            assert_eq!(looks_like_address(t), old_address(t), "{t}");
            assert_eq!(is_bare_url(t), old_bare(t), "{t}");
        }
    }
}
