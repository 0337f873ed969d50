//! One linear pass that cuts the text into words, numbers and punctuation,
//! classifying number-ish words on the way. Whitespace is not a token;
//! adjacency is read from the byte offsets.

use std::sync::LazyLock;

use super::lexicon::{self, Lex, WordMap};

/// What a word means to the number parser.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Wc {
    Other,
    /// 0–19.
    Card(u32),
    /// 20, 30, … 90.
    Tens(u32),
    /// hundred, thousand, million, …
    Scale(f64),
    /// first, second, … (value).
    Ord(f64),
    /// thirds, fifths, … (denominator).
    OrdPlural(f64),
    /// hundreds, thousands (unit of the vague multiple).
    Vague(f64),
    Month(u32),
    Weekday,
    RelDay(i64),
    Dozen,
    Half,
    Quarter,
    /// `a` / `an`.
    A,
    Minus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// A token: byte span, kind, and for numbers their value and shape.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    pub wc: Wc,
    /// Value of a number token (may be infinite for absurd inputs).
    pub num: f64,
    /// Digits of the integer part.
    pub digits: u32,
    /// Thousands separators were used.
    pub grouped: bool,
    /// A decimal part (or exponent) was present.
    pub decimal: bool,
}

/// The number-ish words, by class. Every key is ASCII lower-case letters (a
/// test checks), so a word whose first or last byte is no ASCII letter is
/// ruled out by the table's shape filter alone.
static WORDS: LazyLock<Lex<Wc>> = LazyLock::new(|| {
    let mut m = WordMap::default();
    for &(w, v) in lexicon::CARDINALS {
        m.insert(w.as_bytes(), Wc::Card(v));
    }
    for &(w, v) in lexicon::TENS {
        m.insert(w.as_bytes(), Wc::Tens(v));
    }
    for &(w, v) in lexicon::SCALES {
        m.insert(w.as_bytes(), Wc::Scale(v));
    }
    for &(w, v) in lexicon::ORDINALS {
        m.insert(w.as_bytes(), Wc::Ord(v));
    }
    for &(w, v) in lexicon::ORDINALS_PLURAL {
        m.insert(w.as_bytes(), Wc::OrdPlural(v));
    }
    for &(w, v) in lexicon::VAGUE {
        m.insert(w.as_bytes(), Wc::Vague(v));
    }
    for &(w, v) in lexicon::MONTHS {
        m.insert(w.as_bytes(), Wc::Month(v));
    }
    for &w in lexicon::WEEKDAYS {
        m.insert(w.as_bytes(), Wc::Weekday);
    }
    for &(w, v) in lexicon::RELATIVE_DAYS {
        m.insert(w.as_bytes(), Wc::RelDay(v));
    }
    m.insert(b"dozen", Wc::Dozen);
    m.insert(b"half", Wc::Half);
    m.insert(b"quarter", Wc::Quarter);
    m.insert(b"halves", Wc::OrdPlural(2.0));
    m.insert(b"quarters", Wc::OrdPlural(4.0));
    m.insert(b"a", Wc::A);
    m.insert(b"an", Wc::A);
    m.insert(b"minus", Wc::Minus);
    Lex::from_map(m)
});

/// The class of a word's bytes `b`, given the deref of [`WORDS`].
fn classify_in(b: &[u8], words: &Lex<Wc>) -> Wc {
    words.get_bytes(b).unwrap_or(Wc::Other)
}

/// Byte length of a separator space (thin, narrow no-break, no-break) at `i`.
fn group_space(b: &[u8], i: usize) -> usize {
    match b.get(i..i + 3) {
        Some([0xE2, 0x80, 0x89]) | Some([0xE2, 0x80, 0xAF]) => 3,
        _ => match b.get(i..i + 2) {
            Some([0xC2, 0xA0]) => 2,
            _ => 0,
        },
    }
}

fn three_digits_then_end(b: &[u8], i: usize) -> bool {
    i + 3 <= b.len()
        && b[i..i + 3].iter().all(u8::is_ascii_digit)
        && b.get(i + 3).map_or(true, |c| !c.is_ascii_digit())
}

/// Longest number literal kept in the parse buffer; longer ones are infinite.
const MAX_LITERAL: usize = 48;

/// Lex a number starting at `i` (a digit, or `.` before a digit).
fn lex_number(b: &[u8], i: usize) -> (usize, Tok) {
    let n = b.len();
    let mut j = i;
    let mut buf = [0u8; MAX_LITERAL];
    let mut len = 0usize;
    let mut overflow = false;
    let mut push = |c: u8, len: &mut usize| {
        if *len < MAX_LITERAL {
            buf[*len] = c;
            *len += 1;
        } else {
            overflow = true;
        }
    };
    while j < n && b[j].is_ascii_digit() {
        push(b[j], &mut len);
        j += 1;
    }
    let mut digits = (j - i) as u32;
    let mut grouped = false;
    let mut decimal = false;
    if (1..=3).contains(&digits) {
        loop {
            let sep = if b.get(j) == Some(&b',') {
                1
            } else {
                group_space(b, j)
            };
            if sep > 0 && three_digits_then_end(b, j + sep) {
                for k in 0..3 {
                    push(b[j + sep + k], &mut len);
                }
                j += sep + 3;
                digits = digits.saturating_add(3);
                grouped = true;
            } else {
                break;
            }
        }
    }
    if j + 1 < n && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        push(b'.', &mut len);
        j += 1;
        while j < n && b[j].is_ascii_digit() {
            push(b[j], &mut len);
            j += 1;
        }
        decimal = true;
    } else if !grouped
        && digits > 0
        && j + 2 < n
        && b[j] == b','
        && b[j + 1].is_ascii_digit()
        && b[j + 2].is_ascii_digit()
        && b.get(j + 3)
            .map_or(true, |c| !c.is_ascii_digit() && *c != b',')
    {
        // decimal comma: `5,00`
        push(b'.', &mut len);
        push(b[j + 1], &mut len);
        push(b[j + 2], &mut len);
        j += 3;
        decimal = true;
    }
    // exponent: 1e308, 12.32e+14
    if j < n && (b[j] == b'e' || b[j] == b'E') {
        let mut k = j + 1;
        if k < n && (b[k] == b'+' || b[k] == b'-') {
            k += 1;
        }
        let ds = k;
        while k < n && b[k].is_ascii_digit() && k - ds < 5 {
            k += 1;
        }
        if k > ds && (k >= n || !b[k].is_ascii_alphanumeric()) {
            for &c in &b[j..k] {
                push(c, &mut len);
            }
            j = k;
            decimal = true;
        }
    }
    let num = if overflow {
        f64::INFINITY
    } else {
        std::str::from_utf8(&buf[..len])
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(f64::NAN)
    };
    (
        j,
        Tok {
            s: i,
            e: j,
            kind: Kind::Num,
            wc: Wc::Other,
            num,
            digits,
            grouped,
            decimal,
        },
    )
}

fn tok(s: usize, e: usize, kind: Kind, wc: Wc) -> Tok {
    Tok {
        s,
        e,
        kind,
        wc,
        num: 0.0,
        digits: 0,
        grouped: false,
        decimal: false,
    }
}

/// Byte classes of the tokenizer's dispatch (see [`CLASS`]).
const SPACE: u8 = 0;
const DIGIT: u8 = 1;
const ALPHA: u8 = 2;
const DOT: u8 = 3;
const PUNCT: u8 = 4;
/// A byte >= 0x80: the lead or continuation byte of a non-ASCII character.
const HIGH: u8 = 5;

/// The class of every byte: ASCII whitespace (`u8::is_ascii_whitespace`),
/// digits, ASCII letters, `.`, other ASCII, non-ASCII. One table look-up
/// instead of a chain of range tests per byte.
static CLASS: [u8; 256] = {
    let mut t = [PUNCT; 256];
    let mut c = 0usize;
    while c < 256 {
        let b = c as u8;
        t[c] = if b >= 0x80 {
            HIGH
        } else if b.is_ascii_whitespace() {
            SPACE
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_alphabetic() {
            ALPHA
        } else if b == b'.' {
            DOT
        } else {
            PUNCT
        };
        c += 1;
    }
    t
};

/// Cut `text` into tokens, appending to `out` (cleared first).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let n = b.len();
    // Prose has about one token per five bytes: grow the buffer once.
    out.reserve(n / 4 + 8);
    // One `LazyLock` deref per call, not per word.
    let words: &Lex<Wc> = &WORDS;
    let mut i = 0;
    while i < n {
        let c = b[i];
        match CLASS[usize::from(c)] {
            SPACE => i += 1,
            DIGIT => {
                let (j, t) = lex_number(b, i);
                out.push(t);
                i = j;
            }
            DOT if i + 1 < n
                && b[i + 1].is_ascii_digit()
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.')) =>
            {
                let (j, t) = lex_number(b, i);
                out.push(t);
                i = j;
            }
            ALPHA => i = push_word(text, i, words, out),
            HIGH if starts_alpha(text, i) => i = push_word(text, i, words, out),
            HIGH => {
                let len = utf8_len(c).min(n - i);
                let is_space = text
                    .get(i..i + len)
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_whitespace);
                if !is_space {
                    out.push(tok(i, i + len, Kind::Punct, Wc::Other));
                }
                i += len;
            }
            _ => {
                out.push(tok(i, i + 1, Kind::Punct, Wc::Other));
                i += 1;
            }
        }
    }
}

/// Push the word that starts at `i` (a letter) and return its end: ASCII
/// letters and alphabetic non-ASCII characters.
fn push_word(text: &str, i: usize, words: &Lex<Wc>, out: &mut Vec<Tok>) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let mut j = i;
    while j < n {
        let c = b[j];
        if CLASS[usize::from(c)] == ALPHA {
            j += 1;
        } else if c >= 0x80 && starts_alpha(text, j) {
            j += utf8_len(c);
        } else {
            break;
        }
    }
    let j = j.min(n);
    out.push(tok(i, j, Kind::Word, classify_in(&b[i..j], words)));
    j
}

fn utf8_len(c: u8) -> usize {
    match c {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

fn starts_alpha(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    match (b.get(i), b.get(i + 1)) {
        // U+2000–U+203F (spaces, dashes, quotes) is never alphabetic
        (Some(0xE2), Some(0x80)) => return false,
        // U+00C0–U+024F (Latin-1 letters, Latin Extended-A and -B) but
        // U+00D7 `×` and U+00F7 `÷`; U+0400–U+047F (Cyrillic); U+5000–U+9FFF
        // (CJK ideographs): all alphabetic, without the table search.
        (Some(0xC3), Some(0x97 | 0xB7)) => return false,
        (Some(0xC3..=0xC9 | 0xD0 | 0xD1 | 0xE5..=0xE9), _) => return true,
        _ => {}
    }
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The tokenizer before the byte-class table, kept as the oracle of
    // `tokenize_matches_the_old_tokenizer`.
    /// Cut `text` into tokens, appending to `out` (cleared first).
    fn tokenize_oracle(text: &str, out: &mut Vec<Tok>) {
        out.clear();
        let b = text.as_bytes();
        let n = b.len();
        // Prose has about one token per five bytes: grow the buffer once.
        out.reserve(n / 4 + 8);
        let mut i = 0;
        while i < n {
            let c = b[i];
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if c.is_ascii_digit()
                || (c == b'.'
                    && i + 1 < n
                    && b[i + 1].is_ascii_digit()
                    && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.')))
            {
                let (j, t) = lex_number(b, i);
                out.push(t);
                i = j;
                continue;
            }
            if c.is_ascii_alphabetic() || (c >= 0x80 && starts_alpha(text, i)) {
                let mut j = i;
                while j < n {
                    if b[j].is_ascii_alphabetic() {
                        j += 1;
                    } else if b[j] >= 0x80 && starts_alpha(text, j) {
                        j += utf8_len(b[j]);
                    } else {
                        break;
                    }
                }
                let j = j.min(n);
                out.push(tok(i, j, Kind::Word, classify_oracle(&text[i..j])));
                i = j;
                continue;
            }
            if c < 0x80 {
                out.push(tok(i, i + 1, Kind::Punct, Wc::Other));
                i += 1;
                continue;
            }
            let len = utf8_len(c).min(n - i);
            let is_space = text
                .get(i..i + len)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_whitespace);
            if !is_space {
                out.push(tok(i, i + len, Kind::Punct, Wc::Other));
            }
            i += len;
        }
    }

    /// The old classifier without any shape filter: what `classify_in` must
    /// return.
    fn classify_oracle(word: &str) -> Wc {
        let b = word.as_bytes();
        // (no classified word is longer)
        const MAX_CLASSIFIED: usize = 14;
        if b.len() > MAX_CLASSIFIED || b.is_empty() || !b[0].is_ascii_alphabetic() {
            return Wc::Other;
        }
        let lower: Vec<u8> = b.iter().map(u8::to_ascii_lowercase).collect();
        WORDS.get_unfiltered(&lower).unwrap_or(Wc::Other)
    }

    #[test]
    fn classify_agrees_with_a_plain_look_up() {
        let mut words: Vec<String> = WORDS
            .keys()
            .map(|w| String::from_utf8(w.to_vec()).unwrap())
            .collect();
        for w in words.clone() {
            words.push(w.to_ascii_uppercase());
            words.push(format!("{w}s"));
            words.push(format!("{w}\u{e9}"));
            words.push(format!("\u{e9}{w}"));
            words.push(w[..w.len() - 1].to_string());
        }
        words.extend(
            [
                "",
                "the",
                "and",
                "Zürich",
                "twelvetwelvetwelve",
                "aaaaaaaaaaaaaaaa",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(
                classify_in(w.as_bytes(), &WORDS),
                classify_oracle(w),
                "{w:?}"
            );
        }
    }

    fn same(a: &[Tok], b: &[Tok]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                (x.s, x.e, x.kind, x.wc, x.digits, x.grouped, x.decimal)
                    == (y.s, y.e, y.kind, y.wc, y.digits, y.grouped, y.decimal)
                    && x.num.to_bits() == y.num.to_bits()
            })
    }

    #[test]
    fn classified_words_are_ascii_lower_case_letters() {
        // the shape filter of `WORDS` rules out the rest on that
        for w in WORDS.keys() {
            assert!(
                !w.is_empty() && w.iter().all(u8::is_ascii_lowercase),
                "{w:?}"
            );
        }
    }

    #[test]
    fn tokenize_matches_the_old_tokenizer() {
        let cases = [
            "",
            " ",
            ".",
            ".5",
            "a.5 x..5 1.5.5 .5e3",
            "Twenty-one Thousand May nbsp\u{a0}x \u{2009}\u{202f}12\u{202f}000",
            "Zürich ×3 naïve Москва 北京 12,000.50 5,00 1e308 e5",
            "\t\n\r\x0b\x0c tab\u{3000}ideographic\u{85}next \u{1F600}emoji",
            "$4.5bn, €3 (about 1/2) -- 'quoted' \"x\" 100% of 2024's",
            "ǅ ʰ ﬁ ＡＢＣ１２３ ١٢٣ ०१२",
        ];
        for s in cases {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            tokenize(s, &mut a);
            tokenize_oracle(s, &mut b);
            assert!(same(&a, &b), "{s:?}");
        }
        // Every char up to U+FFFF alone and between letters and digits.
        for c in (0u32..0x1_0000).filter_map(char::from_u32) {
            for s in [
                c.to_string(),
                format!("a{c}b"),
                format!("1{c}2"),
                format!(".{c}.5"),
            ] {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                tokenize(&s, &mut a);
                tokenize_oracle(&s, &mut b);
                assert!(same(&a, &b), "{s:?}");
            }
        }
    }

    #[test]
    fn starts_alpha_fast_paths_agree_with_the_unicode_table() {
        for c in (0x80u32..0x1_0000).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(
                starts_alpha(&s, 0),
                c.is_alphabetic(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    fn toks(s: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v
    }

    #[test]
    fn numbers_with_separators_and_decimals() {
        let t = toks("about 12,000 and 4.5 and 1\u{202f}200 and 423 0000");
        let nums: Vec<f64> = t
            .iter()
            .filter(|t| t.kind == Kind::Num)
            .map(|t| t.num)
            .collect();
        assert_eq!(nums, vec![12000.0, 4.5, 1200.0, 423.0, 0.0]);
    }

    #[test]
    fn exponent_and_leading_dot() {
        let t = toks("12.32e+14 a .500 record");
        assert_eq!(t[0].num, 12.32e14);
        assert_eq!(t[2].num, 0.5);
    }

    #[test]
    fn huge_numbers_do_not_panic() {
        let s = "9".repeat(10_000);
        let t = toks(&s);
        assert_eq!(t.len(), 1);
        assert!(t[0].num.is_infinite());
        let s = format!("1{}", ",000".repeat(100_000));
        assert_eq!(toks(&s).len(), 1);
    }

    #[test]
    fn words_are_classified() {
        let t = toks("Twenty-one Thousand May nbsp\u{a0}x");
        assert_eq!(t[0].wc, Wc::Tens(20));
        assert_eq!(t[2].wc, Wc::Card(1));
        assert_eq!(t[3].wc, Wc::Scale(1e3));
        assert_eq!(t[4].wc, Wc::Month(5));
        assert_eq!(t.len(), 7);
    }
}
