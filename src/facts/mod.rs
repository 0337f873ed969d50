//! Numeric facts in text: counts, casualties, years, dates, money,
//! percentages, ordinals. Stands alone: depends on nothing else of the crate.
//!
//! One linear pass cuts the text into tokens (`tokens`); at every number
//! (digits or words) or date word the parsers read a date (`dates`) or a
//! number (`numbers`) with its range, qualifier, currency, unit and the
//! noun phrase it counts (`counted`), whose words and the clause around
//! give the category (tables in `lexicon`).
//!
//! ```
//! use article_extract::facts::{self, Category, Qualifier, Value};
//! let f = facts::extract("about 12,000 North Korean soldiers have been sent, and nearly 4,000 have died");
//! assert_eq!(f.len(), 2);
//! assert_eq!((f[0].value.clone(), f[0].qualifier, f[0].category), (Value::Number(12000.0), Qualifier::Approximately, Category::Troops));
//! assert_eq!((f[1].text.as_str(), f[1].category), ("nearly 4,000", Category::Killed));
//! ```

use serde::{Deserialize, Serialize};

mod counted;
mod dates;
mod lexicon;
mod numbers;
mod tokens;

use numbers::NumKind;
use tokens::{Kind, Tok, Wc};

/// The value of a fact: a number, a `[lo, hi]` range or an ISO 8601 date.
///
/// ```
/// use article_extract::facts::Value;
/// assert_eq!(serde_json::to_string(&Value::Range(3.0, 5.0)).unwrap(), "[3.0,5.0]");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// A single number.
    Number(f64),
    /// An inclusive range.
    Range(f64, f64),
    /// A date, ISO 8601: `2025-05-09`, `2025-05`, a week `2016-W46`, an
    /// interval `2018-10-01/2018-10-07`; an unknown year is `XXXX`
    /// (`XXXX-05-09`), an unknown week `XXXX-WXX-5` (a Friday).
    Date(String),
}

/// How the text qualifies the number.
///
/// ```
/// use article_extract::facts::Qualifier;
/// assert_eq!(serde_json::to_string(&Qualifier::AtLeast).unwrap(), "\"at_least\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier.
    Exact,
    /// about, around, roughly, some, an estimated, approximately, ~
    Approximately,
    /// nearly, almost, close to
    Nearly,
    /// at least, no fewer than
    AtLeast,
    /// more than, over, upwards of, in excess of
    MoreThan,
    /// up to, no more than, as many as
    AtMost,
    /// less than, fewer than, under
    LessThan,
}

/// What kind of fact it is.
///
/// ```
/// use article_extract::facts::Category;
/// assert_eq!(serde_json::to_string(&Category::YearRange).unwrap(), "\"year_range\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Soldiers, troops, forces.
    Troops,
    /// Dead, killed.
    Killed,
    /// Wounded, injured.
    Wounded,
    /// Captured, taken prisoner.
    Captured,
    /// Missing.
    Missing,
    /// Displaced, refugees, fled.
    Displaced,
    /// Other people.
    People,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A year.
    Year,
    /// A range of years.
    YearRange,
    /// A calendar date.
    Date,
    /// An ordinal (80th, first).
    Ordinal,
    /// Anything else with a unit.
    Quantity,
    /// Anything else.
    Count,
    /// A length of time (`six weeks`).
    Duration,
    /// A person's age in apposition (`Senard, 65, said`).
    Age,
}

/// One numeric fact found in a text.
///
/// ```
/// use article_extract::facts;
/// for f in facts::extract("about 12,000 soldiers") {
///     assert!(f.end <= "about 12,000 soldiers".len());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// The text of the span: qualifier words and the number.
    pub text: String,
    /// Byte offset of the span start in the input.
    pub start: usize,
    /// Byte offset of the span end (exclusive).
    pub end: usize,
    /// The value.
    pub value: Value,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// The noun phrase counted, if any.
    pub counted: Option<String>,
    /// The category.
    pub category: Category,
    /// The sentence the fact sits in; empty when the text around has no
    /// sentence end within 1000 bytes (run-on lists, tables).
    pub sentence: String,
}

/// What the text around a fact does not say: the year of the article (for
/// `May 9`, `last year`) and the reference day (for `today`, `3 days ago`).
///
/// ```
/// use article_extract::facts::{extract_with_context, Context, Value};
/// let ctx = Context { year: Some(2025), today: None };
/// let f = extract_with_context("Putin spoke on May 9.", &ctx);
/// assert_eq!(f[0].value, Value::Date("2025-05-09".into()));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The year partial dates belong to.
    pub year: Option<i32>,
    /// The reference day (year, month, day) relative dates count from.
    pub today: Option<(i32, u32, u32)>,
}

/// Tokens of one text, with helpers for the parsers.
pub(crate) struct Cx<'a> {
    pub text: &'a str,
    pub t: &'a [Tok],
}

impl<'a> Cx<'a> {
    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }
    pub(crate) fn wc(&self, i: usize) -> Wc {
        self.t.get(i).map_or(Wc::Other, |t| t.wc)
    }
    /// The text of token `i` ("" past the end).
    pub(crate) fn s(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.text[t.s..t.e])
    }
    /// Token `i` is the word `w` (ASCII case-insensitive).
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && self.s(i).eq_ignore_ascii_case(w)
    }
    /// Token `i` is the punctuation `p`.
    pub(crate) fn p(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.s(i) == p
    }
    /// Tokens `i` and `i + 1` touch (no space between).
    pub(crate) fn adj(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.e == b.s,
            _ => false,
        }
    }
}

/// Find the numeric facts in `text`. Partial dates (`May 9`) take the year
/// of the first full date of the text, if any.
///
/// ```
/// use article_extract::facts::{self, Category, Value};
/// let f = facts::extract("During 2016-17, about 3,000 to 4,000 people fled; 12% were children.");
/// assert_eq!(f[0].value, Value::Range(2016.0, 2017.0));
/// assert_eq!(f[0].category, Category::YearRange);
/// assert_eq!(f[1].value, Value::Range(3000.0, 4000.0));
/// assert_eq!(f[1].category, Category::Displaced);
/// assert_eq!(f[2].category, Category::Percent);
/// assert!(facts::extract("").is_empty());
/// ```
pub fn extract(text: &str) -> Vec<Fact> {
    let mut facts = extract_with_context(text, &Context::default());
    if let Some(y) = first_date_year(&facts) {
        fill_year(&mut facts, y);
    }
    facts
}

/// The year of the first full date (`2025-05-09`) among `facts`.
///
/// ```
/// use article_extract::facts;
/// let f = facts::extract_with_context("in 2010; on May 9, 2025", &Default::default());
/// assert_eq!(facts::first_date_year(&f), Some(2025));
/// ```
pub fn first_date_year<'a>(facts: impl IntoIterator<Item = &'a Fact>) -> Option<i32> {
    facts.into_iter().find_map(|f| match &f.value {
        Value::Date(d) if f.category == Category::Date && d.len() == 10 && !d.starts_with('X') => {
            d[..4].parse::<i32>().ok()
        }
        _ => None,
    })
}

/// Give partial dates (`XXXX-05-09`) the year `year`.
///
/// ```
/// use article_extract::facts::{self, Value};
/// let mut f = facts::extract_with_context("on May 9", &Default::default());
/// facts::fill_year(&mut f, 2025);
/// assert_eq!(f[0].value, Value::Date("2025-05-09".into()));
/// ```
pub fn fill_year(facts: &mut [Fact], year: i32) {
    for f in facts {
        if let Value::Date(d) = &mut f.value {
            if let Some(rest) = d.strip_prefix("XXXX") {
                *d = format!("{year:04}{rest}");
            }
        }
    }
}

/// Find the numeric facts in `text`, reading partial and relative dates
/// against `ctx`.
///
/// ```
/// use article_extract::facts::{extract_with_context, Context, Value};
/// let ctx = Context { year: None, today: Some((2016, 11, 7)) };
/// let f = extract_with_context("I'll be back tomorrow", &ctx);
/// assert_eq!(f[0].value, Value::Date("2016-11-08".into()));
/// ```
pub fn extract_with_context(text: &str, ctx: &Context) -> Vec<Fact> {
    let mut out = Vec::new();
    if !has_trigger(text) {
        return out;
    }
    let mut toks = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = chunk_end(text, start);
        extract_chunk(&text[start..end], start, ctx, &mut toks, &mut out);
        start = end;
    }
    reuse_elided_nouns(&mut out);
    out
}

/// Texts longer than this are read in pieces cut at a line end (else a
/// space), so that the token buffer stays small.
const CHUNK: usize = 1 << 16;

fn chunk_end(text: &str, start: usize) -> usize {
    if text.len() - start <= CHUNK {
        return text.len();
    }
    let b = text.as_bytes();
    let lo = start + CHUNK;
    let hi = (start + 2 * CHUNK).min(text.len());
    if let Some(p) = b[lo..hi].iter().position(|&c| c == b'\n') {
        return lo + p + 1;
    }
    if let Some(p) = b[lo..hi].iter().position(u8::is_ascii_whitespace) {
        return lo + p + 1;
    }
    let mut z = hi;
    while !text.is_char_boundary(z) {
        z -= 1;
    }
    z
}

fn extract_chunk(
    text: &str,
    offset: usize,
    ctx: &Context,
    toks: &mut Vec<Tok>,
    out: &mut Vec<Fact>,
) {
    tokens::tokenize(text, toks);
    let cx = Cx { text, t: toks };
    let mut sent = SentenceCache::default();
    // Memory bounds on degenerate text (a million numbers, no full stop):
    // at most one fact per FACT_MIN_BYTES, and sentence copies of at most
    // SENTENCE_COPY_FACTOR times the text; beyond, a fact's sentence is
    // left empty. Real prose is far below both.
    let max_facts = out.len() + text.len() / FACT_MIN_BYTES + 64;
    let mut sentence_budget = SENTENCE_COPY_FACTOR * text.len() + 4096;
    let mut i = 0;
    let mut floor = 0;
    let n = toks.len();
    while i < n {
        let t = toks[i];
        let trigger = match t.kind {
            Kind::Num => true,
            Kind::Word => {
                t.wc != Wc::Other
                    || (t.e - t.s == 4 && (cx.is(i, "year") || cx.is(i, "week")))
                    || (t.e - t.s == 5 && cx.is(i, "month"))
            }
            Kind::Punct => false,
        };
        if !trigger {
            i += 1;
            continue;
        }
        match step(&cx, i, floor, ctx) {
            Step::Fact(raw) => {
                if out.len() >= max_facts {
                    break;
                }
                // `1e308 bn` overflows: a value that is not a finite number
                // is no fact (found by fuzzing).
                let finite = match raw.value {
                    Value::Number(x) => x.is_finite(),
                    Value::Range(a, b) => a.is_finite() && b.is_finite(),
                    Value::Date(_) => true,
                };
                if !finite {
                    i = raw.next.max(i + 1);
                    floor = i;
                    continue;
                }
                let mut sentence = sentence_of(text, sent.get(text, raw.start, raw.end));
                if sentence.len() > sentence_budget {
                    sentence = "";
                }
                sentence_budget -= sentence.len();
                let fact = Fact {
                    text: text[raw.start..raw.end].to_string(),
                    start: raw.start + offset,
                    end: raw.end + offset,
                    value: raw.value,
                    qualifier: raw.qualifier,
                    counted: raw.counted,
                    category: raw.category,
                    sentence: sentence.to_string(),
                };
                out.push(fact);
                i = raw.next.max(i + 1);
                floor = i;
            }
            Step::Skip(next) => {
                i = next.max(i + 1);
                floor = i;
            }
            Step::None => i += 1,
        }
    }
}

/// Fewest bytes of text per fact kept (see `extract_chunk`).
const FACT_MIN_BYTES: usize = 8;

/// Most bytes of sentences copied into facts, per byte of text.
const SENTENCE_COPY_FACTOR: usize = 2;

/// Cheap check: any digit or any letter at all (number words).
fn has_trigger(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphanumeric())
}

/// `…12,000 soldiers were sent, and nearly 4,000 have died`: the second
/// count with no noun of its own counts the same noun.
fn reuse_elided_nouns(facts: &mut [Fact]) {
    let mut last: Option<(String, String)> = None;
    for f in facts.iter_mut() {
        let counting = matches!(
            f.category,
            Category::Troops
                | Category::Killed
                | Category::Wounded
                | Category::Captured
                | Category::Missing
                | Category::Displaced
                | Category::People
                | Category::Count
        );
        if !counting {
            continue;
        }
        match (&f.counted, &last) {
            (Some(c), _) => last = Some((f.sentence.clone(), c.clone())),
            (None, Some((s, c))) if *s == f.sentence => f.counted = Some(c.clone()),
            _ => {}
        }
    }
}

#[derive(Default)]
struct SentenceCache {
    span: (usize, usize),
}

/// Longest reach of the sentence search on either side of a fact.
const MAX_SENTENCE_REACH: usize = 1000;

/// A "sentence" longer than this (a list or table run together, a text
/// with no stops) is no sentence: the fact's `sentence` is left empty, so
/// that many facts do not each copy one huge span.
const MAX_SENTENCE_BYTES: usize = 1000;

/// The sentence of the fact, or "" when the text around has no sentence end.
fn sentence_of(text: &str, (a, z): (usize, usize)) -> &str {
    if z - a <= MAX_SENTENCE_BYTES {
        &text[a..z]
    } else {
        ""
    }
}

impl SentenceCache {
    fn get(&mut self, text: &str, s: usize, e: usize) -> (usize, usize) {
        if self.span.0 <= s && e <= self.span.1 && self.span.1 > 0 {
            return self.span;
        }
        let b = text.as_bytes();
        let lo = s.saturating_sub(MAX_SENTENCE_REACH);
        let mut a = s;
        while a > lo {
            let c = b[a - 1];
            if c == b'\n'
                || (matches!(c, b'.' | b'!' | b'?')
                    && b.get(a).is_some_and(u8::is_ascii_whitespace)
                    && a < s)
            {
                break;
            }
            a -= 1;
        }
        let hi = (e + MAX_SENTENCE_REACH).min(b.len());
        let mut z = e;
        while z < hi {
            let c = b[z];
            if c == b'\n' {
                break;
            }
            if matches!(c, b'.' | b'!' | b'?')
                && (z + 1 >= b.len() || b[z + 1].is_ascii_whitespace())
            {
                z += 1;
                break;
            }
            z += 1;
        }
        while a < s && !text.is_char_boundary(a) {
            a += 1;
        }
        while z > e && !text.is_char_boundary(z) {
            z -= 1;
        }
        while a < s && b[a].is_ascii_whitespace() {
            a += 1;
        }
        self.span = (a, z);
        (a, z)
    }
}

/// A fact before its sentence is attached.
struct Raw {
    start: usize,
    end: usize,
    value: Value,
    qualifier: Qualifier,
    counted: Option<String>,
    category: Category,
    /// The token to continue from.
    next: usize,
}

enum Step {
    Fact(Raw),
    /// Not a fact; skip to this token (identifiers, phone numbers).
    Skip(usize),
    None,
}

fn span_text(cx: &Cx, s: usize, e: usize) -> (usize, usize) {
    (cx.t[s].s, cx.t[e - 1].e)
}

/// `-1`, `0` or `1` for `last`, `this` or `next` before token `i`.
fn deictic_offset(cx: &Cx, i: usize) -> Option<i32> {
    let prev = i.checked_sub(1)?;
    [("last", -1), ("this", 0), ("next", 1)]
        .into_iter()
        .find(|(w, _)| cx.is(prev, w))
        .map(|(_, o)| o)
}

/// An exact date fact over tokens `s..e`, reading on from token `next`.
fn date_fact(cx: &Cx, s: usize, e: usize, iso: String, next: usize) -> Step {
    let (start, end) = span_text(cx, s, e);
    Step::Fact(Raw {
        start,
        end,
        value: Value::Date(iso),
        qualifier: Qualifier::Exact,
        counted: None,
        category: Category::Date,
        next,
    })
}

fn step(cx: &Cx, i: usize, floor: usize, ctx: &Context) -> Step {
    let wc = cx.wc(i);
    // dates
    let after_currency =
        cx.kind(i) == Some(Kind::Num) && counted::currency_before(cx, i, floor).is_some();
    if !after_currency
        && (matches!(wc, Wc::Month(_) | Wc::Weekday | Wc::Ord(_)) || cx.kind(i) == Some(Kind::Num))
    {
        if let Some(h) = dates::parse_date(cx, i, ctx) {
            if !glued_identifier_before(cx, i) {
                return date_fact(cx, h.s.max(floor), h.e, h.iso, h.e);
            }
        }
    }
    if let Some(today) = ctx.today {
        if let Some(mut h) = dates::parse_relative(cx, i, today) {
            // `less than 3 days after tomorrow`: the days up to that date
            if let (Some((Qualifier::LessThan, qs)), Some(anchor)) =
                (counted::qualifier_before(cx, h.s, floor), h.anchor.clone())
            {
                h.iso = format!("{anchor}/{}", h.iso);
                h.s = qs;
            }
            return date_fact(cx, h.s.max(floor), h.e, h.iso, h.e);
        }
    }
    if let (Wc::Weekday, Some(today)) = (wc, ctx.today) {
        if let Some(h) = dates::weekday(cx, i, floor, today) {
            return date_fact(cx, h.s, h.e, h.iso, h.e);
        }
    }
    if matches!(wc, Wc::Month(_) | Wc::Weekday | Wc::RelDay(_)) {
        return Step::None;
    }
    // `last year`, `this year`, `next year` with a context year
    if cx.is(i, "year") {
        let off = deictic_offset(cx, i);
        return match (off, ctx.year.or(ctx.today.map(|d| d.0))) {
            (Some(o), Some(y)) if i > floor => {
                let (s, e) = span_text(cx, i - 1, i + 1);
                Step::Fact(Raw {
                    start: s,
                    end: e,
                    value: Value::Number(f64::from(y + o)),
                    qualifier: Qualifier::Exact,
                    counted: None,
                    category: Category::Year,
                    next: i + 1,
                })
            }
            _ => Step::None,
        };
    }
    // `last month`, `next week` with a reference day
    if let (Some(today), true) = (ctx.today, cx.is(i, "month") || cx.is(i, "week")) {
        let off = if i <= floor {
            None
        } else {
            deictic_offset(cx, i)
        };
        if let Some(o) = off {
            let iso = if cx.is(i, "month") {
                dates::month_offset(today, i64::from(o))
            } else {
                dates::iso_week(today, i64::from(o))
            };
            return date_fact(cx, i - 1, i + 1, iso, i + 1);
        }
        return Step::None;
    }
    quantity(cx, i, floor)
}

/// Letters or an upper-case code glued before the number: `G20`, `F-16`,
/// `COVID-19`, `Su-27`, `TA-35`; `mid-2020`, `sub-500` are fine.
fn glued_identifier_before(cx: &Cx, i: usize) -> bool {
    if i == 0 || !cx.adj(i - 1) {
        return false;
    }
    match cx.kind(i - 1) {
        Some(Kind::Word) => true,
        Some(Kind::Punct) => {
            let p = cx.s(i - 1);
            if matches!(p, "#" | "№" | "@" | "/" | ":" | "_" | "\\") {
                return true;
            }
            if p == "-" && i >= 2 && cx.adj(i - 2) {
                return match cx.kind(i - 2) {
                    Some(Kind::Word) => cx.s(i - 2).chars().any(|c| c.is_uppercase()),
                    Some(Kind::Num) => true,
                    _ => false,
                };
            }
            if p == "." && i >= 2 && cx.adj(i - 2) && cx.kind(i - 2) == Some(Kind::Num) {
                return true;
            }
            false
        }
        _ => false,
    }
}

/// The word before token `i` is capitalised, not a function word, and not
/// the first word of a sentence (`In 2014` is fine, `Destiny 2` is a name).
fn capitalised_name_before(cx: &Cx, i: usize, floor: usize) -> bool {
    if i < 2 || i - 1 < floor || cx.kind(i - 1) != Some(Kind::Word) || cx.adj(i - 1) {
        return false;
    }
    let w = cx.s(i - 1);
    if !w.starts_with(char::is_uppercase)
        || w.len() < 2
        || lexicon::NP_STOP_SET.has(w)
        || lexicon::YEAR_CUES_SET.has(w)
        || matches!(cx.wc(i - 1), Wc::Month(_) | Wc::Weekday)
    {
        return false;
    }
    // not the first word of a sentence or line
    let gap = &cx.text[cx.t[i - 2].e..cx.t[i - 1].s];
    let prev = cx.s(i - 2);
    !(gap.contains('\n')
        || matches!(
            prev,
            "." | "!" | "?" | ":" | "\"" | "“" | "(" | "[" | "—" | "|"
        ))
}

/// Inside a URL, e-mail address or path: the whitespace-free chunk around
/// the token holds `://`, `www.`, `@` or a `/` between letters.
fn in_url(cx: &Cx, i: usize) -> bool {
    const REACH: usize = 120;
    let b = cx.text.as_bytes();
    let mut a = cx.t[i].s;
    let lo = a.saturating_sub(REACH);
    while a > lo && !b[a - 1].is_ascii_whitespace() {
        a -= 1;
    }
    let mut z = cx.t[i].e;
    let hi = (z + REACH).min(b.len());
    while z < hi && !b[z].is_ascii_whitespace() {
        z += 1;
    }
    let chunk = &b[a..z];
    chunk.windows(3).any(|w| w == b"://")
        || chunk.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."))
        || chunk.contains(&b'@')
        || chunk
            .windows(3)
            .any(|w| w[1] == b'/' && w[0].is_ascii_alphabetic() && w[2].is_ascii_alphabetic())
}

/// Words before `one` that make it a pronoun (`no one`, `this one`).
const ONE_BLOCKERS: &[&str] = &[
    "no", "this", "that", "the", "any", "every", "each", "which", "someone", "anyone", "everyone",
    "little", "only", "last", "next", "another", "other", "such", "big", "good", "new", "right",
    "wrong",
];

/// Words before `second` that make it an ordinal rather than a unit of time.
const SECOND_CUES: &[&str] = &["the", "its", "his", "her", "their", "our", "a"];

fn quantity(cx: &Cx, i: usize, floor: usize) -> Step {
    let cur_pre = currency_prefix(cx, i, floor);
    let money_pre = cur_pre.is_some();
    let Some(mut n) = numbers::parse_num(cx, i, money_pre) else {
        return Step::None;
    };
    if n.e <= i {
        return Step::None;
    }
    let word_num = !n.digits;
    // identifiers and non-quantities
    if n.digits {
        // digit soup: `1,0001,000`, `12,34,5678` (commas that group nothing)
        let glued_comma = |k: usize| {
            cx.p(k, ",") && cx.adj(k - 1) && cx.adj(k) && cx.kind(k + 1) == Some(Kind::Num)
        };
        if glued_comma(n.e) || (i >= 2 && glued_comma(i - 1)) {
            return Step::Skip(skip_chain(cx, n.e));
        }
        if !money_pre && glued_identifier_before(cx, i) {
            return Step::Skip(skip_chain(cx, n.e));
        }
        if in_url(cx, i) {
            return Step::Skip(skip_chain(cx, n.e));
        }
        if i > floor && !money_pre {
            let prev = cx.s(i - 1);
            let ident = lexicon::IDENTIFIER_SET.has(prev)
                || (cx.p(i - 1, ".") && i >= 2 && cx.is(i - 2, "no"));
            if ident && n.kind != NumKind::Ord {
                return Step::Skip(skip_chain(cx, n.e));
            }
        }
        // a name with a number: `Destiny 2 isn't`, `Stoxx 50 -1.3%`, `Windows 10 users`
        if n.plain
            && n.e == i + 1
            && cur_pre.is_none()
            && !(1900.0..=2100.0).contains(&n.v)
            && capitalised_name_before(cx, i, floor)
            && !cx.s(i + 1).starts_with(char::is_uppercase)
            && !cx.adj(i)
            && counted::unit_after(cx, i + 1).is_none()
            && counted::percent_after(cx, i + 1).is_none()
            && counted::currency_after(cx, i + 1).is_none()
        {
            return Step::Skip(i + 1);
        }
        // a written fraction: `3/4`, `1/2`
        if cx.p(n.e, "/") && n.plain && n.e == i + 1 && cx.adj(i) && cx.adj(i + 1) {
            if let Some(d) = cx.t.get(i + 2) {
                let ok = d.kind == Kind::Num
                    && !d.grouped
                    && !d.decimal
                    && [
                        2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 32.0, 64.0, 100.0,
                    ]
                    .contains(&d.num)
                    && n.v < d.num
                    && !(cx.adj(i + 2) && matches!(cx.kind(i + 3), Some(Kind::Num))
                        || cx.p(i + 3, "/"))
                    && !(i > 0 && cx.adj(i - 1) && cx.p(i - 1, "/"));
                if ok {
                    n.v /= d.num;
                    n.mant = n.v;
                    n.e = i + 3;
                    n.kind = NumKind::Frac;
                    n.plain = false;
                }
            }
        }
        // times and ratios: `10:30`, `24/7`, `1.2.3`
        if cx.adj(n.e - 1)
            && (cx.p(n.e, ":") || cx.p(n.e, "/") || cx.p(n.e, "."))
            && cx.kind(n.e + 1) == Some(Kind::Num)
            && cx.adj(n.e)
        {
            return Step::Skip(skip_chain(cx, n.e + 2));
        }
        // `3pm`, `3 p.m.`
        if cx.is(n.e, "am") || cx.is(n.e, "pm") || (cx.is(n.e, "p") && cx.p(n.e + 1, ".")) {
            return Step::Skip(n.e + 1);
        }
    } else {
        let w = cx.s(i).to_ascii_lowercase();
        // a capitalised number word after a capitalised word: a name (`Kick Six`)
        if i > floor
            && cx.s(i).starts_with(char::is_uppercase)
            && cx.kind(i - 1) == Some(Kind::Word)
            && cx.s(i - 1).starts_with(char::is_uppercase)
        {
            return Step::None;
        }
        if w == "one" && n.e == i + 1 {
            let prev = if i > 0 { cx.s(i - 1) } else { "" };
            let unit = counted::unit_after(cx, i + 1).is_some()
                || counted::currency_after(cx, i + 1).is_some();
            if !unit && (lexicon::contains(ONE_BLOCKERS, prev) || cx.is(i + 1, "another")) {
                return Step::None;
            }
        }
        if w == "second" {
            let prev = if i > 0 { cx.s(i - 1) } else { "" };
            if !lexicon::contains(SECOND_CUES, prev) || cx.is(i - 1, "a") {
                return Step::None;
            }
        }
        if matches!(n.kind, NumKind::Frac) && n.e == i + 1 && w == "half" {
            // `half` alone: only before `of` or a noun, not `second half`
            if i > 0 && cx.kind(i - 1) == Some(Kind::Word) && !cx.is(i - 1, "and") {
                let pw = cx.s(i - 1).to_ascii_lowercase();
                if matches!(
                    pw.as_str(),
                    "first"
                        | "second"
                        | "the"
                        | "other"
                        | "latter"
                        | "this"
                        | "that"
                        | "each"
                        | "every"
                ) {
                    return Step::None;
                }
            }
        }
    }
    // sign
    let mut start_tok = cur_pre.unwrap_or(i);
    if n.digits && !money_pre && i > floor && cx.adj(i - 1) {
        let p = cx.s(i - 1);
        if matches!(p, "-" | "−" | "+" | "–")
            && (i < 2 || !cx.adj(i - 2) || matches!(cx.s(i - 2), "(" | "[" | ":"))
        {
            if p != "+" {
                n.v = -n.v;
                n.mant = -n.mant;
            }
            start_tok = i - 1;
        }
    }
    let mut e = n.e;
    let mut value = match n.kind {
        NumKind::Vague(lo, hi) => Value::Range(lo, hi),
        _ => Value::Number(n.v),
    };
    let mut year_range = false;
    let mut money = money_pre;
    // ranges
    let between = start_tok > floor && cx.is(start_tok - 1, "between");
    let from = start_tok > floor && cx.is(start_tok - 1, "from");
    let mut range = false;
    if matches!(n.kind, NumKind::Card | NumKind::Frac) {
        let mut k = e;
        let mut dash = cx.kind(k) == Some(Kind::Punct) && matches!(cx.s(k), "-" | "–" | "—" | "~");
        // `0-to-60`
        let dash_to = dash && cx.is(k + 1, "to") && cx.p(k + 2, "-") && cx.adj(k) && cx.adj(k + 1);
        if dash_to {
            k += 2;
            dash = false;
        }
        // glued dashes join digits only (`three-nought-four` is three numbers)
        let dash_ok = dash && (cx.adj(k - 1) == cx.adj(k)) && (n.digits || !cx.adj(k));
        let conn = if between {
            cx.is(k, "and")
        } else {
            dash_ok || dash_to || cx.is(k, "to") || cx.is(k, "through")
        };
        if conn {
            let b_start = k + 1;
            let cur_b = currency_prefix_at(cx, b_start);
            let b_num = cur_b.unwrap_or(b_start);
            if let Some(b) = numbers::parse_num(cx, b_num, money || cur_b.is_some()) {
                let yearish = |x: &numbers::Num| {
                    x.plain && x.ndigits == 4 && (1000.0..=2100.0).contains(&x.v)
                };
                let a_year = yearish(&n);
                let mut hi = b.v;
                let is_year_pair = a_year
                    && b.plain
                    && ((b.ndigits == 4 && b.v > n.v && b.v - n.v <= 1000.0)
                        || (b.ndigits == 2 && dash && cx.adj(k) && b.v > n.v % 100.0 && {
                            hi = n.v - n.v % 100.0 + b.v;
                            true
                        }));
                let change = change_verb_before(cx, start_tok, floor);
                if is_year_pair && !change {
                    value = Value::Range(n.v, hi);
                    year_range = true;
                    range = true;
                    e = b.e;
                } else if !a_year
                    && matches!(b.kind, NumKind::Card | NumKind::Frac)
                    && !(change && (from || !between))
                {
                    let mut lo = n.v;
                    // `four to five thousand`: the scale of the second applies to both
                    if n.scale == 1.0
                        && b.scale > 1.0
                        && n.v <= b.mant
                        && (n.digits == b.digits || !n.digits)
                    {
                        lo = n.v * b.scale;
                    }
                    if lo < hi {
                        value = Value::Range(lo, hi);
                        range = true;
                        e = b.e;
                        if cur_b.is_some() {
                            money = true;
                        }
                    }
                }
                if !range && dash && cx.adj(k - 1) && cx.adj(k) && b.digits && n.digits {
                    // `3-2`, `555-0100`: a score or a code, not two facts
                    return Step::Skip(skip_chain(cx, b.e));
                }
            }
        }
    }
    if (between || from) && range {
        start_tok -= 1;
    }
    // decades: `1990s`, `1990 s`
    if !range
        && n.plain
        && n.ndigits == 4
        && n.v % 10.0 == 0.0
        && cx.s(e) == "s"
        && (1000.0..=2100.0).contains(&n.v)
    {
        let end = e + 1;
        let (s, z) = span_text(cx, start_tok, end);
        return Step::Fact(Raw {
            start: s,
            end: z,
            value: Value::Range(n.v, n.v + 9.0),
            qualifier: Qualifier::Exact,
            counted: None,
            category: Category::YearRange,
            next: end,
        });
    }
    // suffixes
    let mut category = None;
    if n.kind == NumKind::Ord {
        category = Some(Category::Ordinal);
    } else if let Some(z) = counted::percent_after(cx, e) {
        e = z;
        category = Some(Category::Percent);
    } else if !money && !year_range {
        if let Some(z) = counted::currency_after(cx, e) {
            // `won` is a verb unless a number of won: only after digits
            if !(cx.is(e, "won") && word_num) {
                e = z;
                money = true;
            }
        }
    }
    if money {
        category = Some(Category::Money);
    }
    // the unit is what is counted: outside the span, in `counted`
    let mut unit_toks: Option<(usize, usize)> = None;
    if category.is_none() && !year_range {
        if let Some((z, dur)) = counted::unit_after(cx, e) {
            let ua = if cx.p(e, "-") { e + 1 } else { e };
            let ub = z;
            unit_toks = Some((ua, ub));
            let e = z;
            category = Some(if dur {
                Category::Duration
            } else {
                Category::Quantity
            });
            // `from 450 sq ft up to 900 sq ft`
            let up = usize::from(cx.is(e, "up"));
            if !range && from && cx.is(e + up, "to") {
                if let Some(b) = numbers::parse_num(cx, e + up + 1, false) {
                    let same_unit = (0..ub - ua).all(|o| cx.s(b.e + o) == cx.s(ua + o));
                    if same_unit && b.v > n.v && b.kind == NumKind::Card {
                        value = Value::Range(n.v, b.v);
                        range = true;
                        unit_toks = Some((b.e, b.e + (ub - ua)));
                        start_tok -= 1;
                    }
                }
            }
        }
    }
    // an age in apposition: `Senard, 65, now faces`
    if category.is_none()
        && n.plain
        && n.ndigits <= 3
        && (1.0..=120.0).contains(&n.v)
        && i >= 2
        && i - 1 > floor
        && cx.p(i - 1, ",")
        && cx.p(e, ",")
        && cx.s(i - 2).starts_with(char::is_uppercase)
    {
        category = Some(Category::Age);
    }
    // the span ends at `e`; reading goes on after the unit
    let mut next = unit_toks.map_or(e, |(_, b)| b);
    if let Some((a, _)) = unit_toks {
        if range && e < a {
            // `from 450 sq ft up to 900 sq ft`: the span runs to the second number
            e = a;
        }
    }
    // glued leftovers: `3D`, `5G`, `4x4`
    if next > 0
        && cx.adj(next - 1)
        && matches!(cx.kind(next), Some(Kind::Word) | Some(Kind::Num))
        && n.digits
    {
        return Step::Skip(skip_chain(cx, next + 1));
    }
    // qualifiers
    let mut qualifier = Qualifier::Exact;
    if let Some((q, s)) = counted::qualifier_before(cx, start_tok, floor) {
        qualifier = q;
        start_tok = s;
    }
    if unit_toks.is_none() {
        if let Some((q, z)) = counted::qualifier_after(cx, e) {
            if qualifier == Qualifier::Exact && !range {
                qualifier = q;
                e = z;
                next = z;
            }
        }
    }
    // `more than 30 and less than 40`: one range
    if matches!(qualifier, Qualifier::MoreThan | Qualifier::AtLeast)
        && !range
        && (cx.is(e, "and") || cx.is(e, "but"))
    {
        if let Value::Number(lo) = value {
            for p in e + 2..e + 7 {
                if !matches!(counted::qualifier_before(cx, p, e + 1), Some((Qualifier::LessThan | Qualifier::AtMost, s)) if s == e + 1)
                {
                    continue;
                }
                if let Some(b) = numbers::parse_num(cx, p, money) {
                    if b.v > lo && matches!(b.kind, NumKind::Card | NumKind::Frac) {
                        value = Value::Range(lo, b.v);
                        qualifier = Qualifier::Exact;
                        range = true;
                        e = b.e;
                        next = b.e;
                    }
                }
                break;
            }
        }
    }
    // years
    if category.is_none() && !range && is_year(cx, &n, i, e, qualifier, floor) {
        category = Some(Category::Year);
    }
    if year_range {
        category = Some(Category::YearRange);
    }
    let mut counted_np = unit_toks;
    let category = match category {
        Some(c) => {
            if c == Category::Ordinal {
                counted_np = counted::counted(cx, e);
            }
            c
        }
        None => {
            counted_np = counted::counted(cx, e);
            counted::count_category(cx, start_tok, e, counted_np)
        }
    };
    let counted = counted_np.map(|(a, b)| {
        let (s, z) = span_text(cx, a, b);
        cx.text[s..z].to_string()
    });
    let (s, z) = span_text(cx, start_tok, e);
    Step::Fact(Raw {
        start: s,
        end: z,
        value,
        qualifier,
        counted,
        category,
        next,
    })
}

/// Continue past a chain of glued numbers and punctuation (`555-123-4567`).
fn skip_chain(cx: &Cx, mut e: usize) -> usize {
    while e > 0 && cx.adj(e - 1) && e < cx.t.len() && cx.kind(e) != Some(Kind::Word) {
        e += 1;
    }
    e
}

fn currency_prefix(cx: &Cx, i: usize, floor: usize) -> Option<usize> {
    if cx.kind(i) != Some(Kind::Num) {
        return None;
    }
    counted::currency_before(cx, i, floor)
}

/// A currency sign starting at `k` and followed by a number: its number token.
fn currency_prefix_at(cx: &Cx, k: usize) -> Option<usize> {
    (k + 1..k + 4)
        .find(|&j| cx.kind(j) == Some(Kind::Num) && counted::currency_before(cx, j, k) == Some(k))
}

fn change_verb_before(cx: &Cx, s: usize, floor: usize) -> bool {
    (s.saturating_sub(4).max(floor)..s).any(|k| lexicon::CHANGE_SET.has(cx.s(k)))
}

/// Is the bare number `n` a year? Four digits in 1900–2100 unless
/// qualified or counting a noun; 1000–1899 only after a year cue (`in`).
fn is_year(cx: &Cx, n: &numbers::Num, i: usize, e: usize, q: Qualifier, floor: usize) -> bool {
    if !(n.plain && n.ndigits == 4 && n.v.fract() == 0.0) {
        return false;
    }
    if i > floor && cx.is(i - 1, "year") {
        return true;
    }
    if q != Qualifier::Exact {
        return false;
    }
    let cue = i > floor && lexicon::YEAR_CUES_SET.has(cx.s(i - 1));
    if !(1900.0..=2100.0).contains(&n.v) {
        return (1000.0..1900.0).contains(&n.v) && cue;
    }
    // `2000 people`: a counted noun of the lexicon right after
    !(cx.kind(e) == Some(Kind::Word) && !cue && lexicon::CATEGORY_MAP.get(cx.s(e)).is_some())
}

#[cfg(test)]
mod tests;
