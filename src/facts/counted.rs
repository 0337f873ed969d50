//! What surrounds a number: the qualifier before or after it, the currency,
//! the unit or percent sign, the noun phrase it counts, and the category
//! that the noun and the clause's event words give it.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::lexicon::{
    self, CURRENCY_PREFIX, CURRENCY_SUFFIX, DURATION_UNITS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE,
    UNITS,
};
use super::tokens::{tokenize, Kind, Tok};
use super::{Category, Cx, Qualifier};

/// A phrase of the lexicon cut into token texts.
struct Phrase<T> {
    toks: Vec<String>,
    val: T,
}

type PhraseIndex = HashMap<Vec<u8>, Vec<usize>, std::hash::BuildHasherDefault<lexicon::Fnv>>;

/// Phrases indexed by their first and last token (lower case); each index
/// lists the longest phrases first.
struct Phrases<T> {
    all: Vec<Phrase<T>>,
    by_first: PhraseIndex,
    by_last: PhraseIndex,
}

impl<T> Phrases<T> {
    fn starting(&self, cx: &Cx, i: usize) -> impl Iterator<Item = &Phrase<T>> {
        self.index(&self.by_first, cx.s(i))
    }
    fn ending(&self, cx: &Cx, end: usize) -> impl Iterator<Item = &Phrase<T>> {
        let w = if end == 0 { "" } else { cx.s(end - 1) };
        self.index(&self.by_last, w)
    }
    fn index<'s>(&'s self, m: &'s PhraseIndex, w: &str) -> impl Iterator<Item = &'s Phrase<T>> {
        let mut buf = [0u8; 24];
        let list = lexicon::lower(w.as_bytes(), &mut buf).and_then(|k| m.get(k));
        list.into_iter().flatten().map(|&i| &self.all[i])
    }
}

fn phrases<T: Copy>(table: &[(&str, T)]) -> Phrases<T> {
    let mut buf: Vec<Tok> = Vec::new();
    let mut all: Vec<Phrase<T>> = table
        .iter()
        .map(|&(s, val)| {
            tokenize(s, &mut buf);
            Phrase {
                toks: buf.iter().map(|t| s[t.s..t.e].to_string()).collect(),
                val,
            }
        })
        .filter(|p| !p.toks.is_empty())
        .collect();
    all.sort_by_key(|p| std::cmp::Reverse(p.toks.len()));
    let mut by_first = PhraseIndex::default();
    let mut by_last = PhraseIndex::default();
    for (i, p) in all.iter().enumerate() {
        by_first
            .entry(p.toks[0].to_lowercase().into_bytes())
            .or_default()
            .push(i);
        by_last
            .entry(p.toks[p.toks.len() - 1].to_lowercase().into_bytes())
            .or_default()
            .push(i);
    }
    Phrases {
        all,
        by_first,
        by_last,
    }
}

fn plain(list: &[&'static str]) -> Vec<(&'static str, ())> {
    list.iter().map(|&s| (s, ())).collect()
}

static Q_BEFORE: LazyLock<Phrases<Qualifier>> = LazyLock::new(|| phrases(QUALIFIERS_BEFORE));
static Q_AFTER: LazyLock<Phrases<Qualifier>> = LazyLock::new(|| phrases(QUALIFIERS_AFTER));
static CUR_PREFIX: LazyLock<Phrases<()>> = LazyLock::new(|| phrases(&plain(CURRENCY_PREFIX)));
static CUR_SUFFIX: LazyLock<Phrases<()>> = LazyLock::new(|| phrases(&plain(CURRENCY_SUFFIX)));
static UNIT_PHRASES: LazyLock<Phrases<bool>> = LazyLock::new(|| {
    let mut v: Vec<(&str, bool)> = UNITS.iter().map(|&s| (s, false)).collect();
    v.extend(DURATION_UNITS.iter().map(|&s| (s, true)));
    phrases(&v)
});

/// Token text equality: exact up to `strict` bytes (units `m`, `B`;
/// currency `A$`), else ASCII case-insensitive.
fn tok_eq(cx: &Cx, i: usize, p: &str, strict: usize) -> bool {
    let s = cx.s(i);
    if p.len() <= strict {
        s == p
    } else {
        s.eq_ignore_ascii_case(p)
    }
}

/// Does phrase `p` end just before token `end` (not reaching below `floor`)?
/// Returns its first token.
fn match_before(cx: &Cx, end: usize, floor: usize, p: &[String], strict: usize) -> Option<usize> {
    let k = p.len();
    if end < k || end - k < floor {
        return None;
    }
    let s = end - k;
    for (o, w) in p.iter().enumerate() {
        if !tok_eq(cx, s + o, w, strict) {
            return None;
        }
        if o > 0 && cx.kind(s + o) == Some(Kind::Punct) && !cx.adj(s + o - 1) && w.len() == 1 {
            // `>=` must be glued, `US $` may be spaced
            if !w.starts_with('$') {
                return None;
            }
        }
    }
    Some(s)
}

/// Does phrase `p` start at token `s`? Returns its end.
fn match_at(cx: &Cx, s: usize, p: &[String], strict: usize) -> Option<usize> {
    if s + p.len() > cx.t.len() {
        return None;
    }
    for (o, w) in p.iter().enumerate() {
        if !tok_eq(cx, s + o, w, strict) {
            return None;
        }
    }
    Some(s + p.len())
}

/// The qualifier phrase ending just before token `s`.
pub(crate) fn qualifier_before(cx: &Cx, s: usize, floor: usize) -> Option<(Qualifier, usize)> {
    Q_BEFORE
        .ending(cx, s)
        .find_map(|p| match_before(cx, s, floor, &p.toks, 0).map(|st| (p.val, st)))
}

/// The qualifier phrase starting at token `e` (`or more`, `-plus`).
pub(crate) fn qualifier_after(cx: &Cx, e: usize) -> Option<(Qualifier, usize)> {
    Q_AFTER.starting(cx, e).find_map(|p| {
        let end = match_at(cx, e, &p.toks, 0)?;
        // `-plus` and `+` glued to the number
        if (p.toks[0] == "-" || p.toks[0] == "+") && !cx.adj(e - 1) {
            return None;
        }
        // `200 or greater than 190`
        if cx.is(end, "than") {
            return None;
        }
        Some((p.val, end))
    })
}

/// A currency sign or code ending just before token `s` (`$`, `US$`, `RM`).
pub(crate) fn currency_before(cx: &Cx, s: usize, floor: usize) -> Option<usize> {
    CUR_PREFIX.ending(cx, s).find_map(|p| {
        let st = match_before(cx, s, floor, &p.toks, 2)?;
        // a code glued to letters before it is a word (`ABCUSD`)
        if st > 0 && cx.adj(st - 1) && cx.kind(st - 1) == Some(Kind::Word) {
            return None;
        }
        Some(st)
    })
}

/// A currency word or sign starting at token `e` (`euros`, `€`, `USD`).
pub(crate) fn currency_after(cx: &Cx, e: usize) -> Option<usize> {
    CUR_SUFFIX.starting(cx, e).find_map(|p| {
        let end = match_at(cx, e, &p.toks, 3)?;
        boundary_ok(cx, end).then_some(end)
    })
}

/// The token after a unit must not be glued letters or digits (`24703m212`).
fn boundary_ok(cx: &Cx, end: usize) -> bool {
    !(end > 0 && cx.adj(end - 1) && matches!(cx.kind(end), Some(Kind::Word) | Some(Kind::Num)))
}

const PER_UNITS: &[&str] = &[
    "hour", "day", "week", "month", "year", "annum", "second", "minute", "barrel", "person",
    "capita", "head", "share", "kilogram", "kg", "litre", "liter", "gallon", "ton", "tonne",
];
static PER_UNITS_SET: LazyLock<lexicon::Lex<()>> = LazyLock::new(|| lexicon::Lex::set(PER_UNITS));

/// A unit of measure at token `e` (`km`, `-ton`, `sq ft`, `miles per hour`,
/// `[kg]`); returns its end and whether it is a unit of time.
/// Single-letter units must be glued to the number or end the phrase.
pub(crate) fn unit_after(cx: &Cx, e: usize) -> Option<(usize, bool)> {
    let (mut start, glued) = if cx.p(e, "-") && cx.adj(e - 1) && cx.adj(e) {
        (e + 1, true)
    } else {
        (e, cx.adj(e - 1))
    };
    let bracket = match cx.s(start) {
        "[" => Some("]"),
        "<" => Some(">"),
        "(" => Some(")"),
        _ => None,
    };
    if bracket.is_some() {
        start += 1;
    }
    let (mut end, dur) = UNIT_PHRASES.starting(cx, start).find_map(|p| {
        let end = match_at(cx, start, &p.toks, 3)?;
        if p.toks.len() == 1
            && p.toks[0].chars().count() == 1
            && !glued
            && cx.kind(end) == Some(Kind::Word)
        {
            return None;
        }
        boundary_ok(cx, end).then_some((end, p.val))
    })?;
    if let Some(close) = bracket {
        if !cx.p(end, close) {
            return None;
        }
        end += 1;
    }
    // `per hour`, `a barrel`, `/h`
    if (cx.is(end, "per") || cx.is(end, "a") || cx.p(end, "/")) && PER_UNITS_SET.has(cx.s(end + 1))
    {
        return Some((end + 2, false));
    }
    Some((end, dur))
}

/// A percent sign or word at token `e`; returns the end.
pub(crate) fn percent_after(cx: &Cx, e: usize) -> Option<usize> {
    if cx.p(e, "%") {
        return Some(e + 1);
    }
    if cx.is(e, "percent") || cx.is(e, "pct") {
        return Some(e + 1);
    }
    if cx.is(e, "per") && cx.is(e + 1, "cent") {
        return Some(e + 2);
    }
    if cx.is(e, "percentage") && (cx.is(e + 1, "point") || cx.is(e + 1, "points")) {
        return Some(e + 2);
    }
    None
}

fn ends_ci(w: &str, suffix: &str) -> bool {
    let (b, s) = (w.as_bytes(), suffix.as_bytes());
    b.len() >= s.len() && b[b.len() - s.len()..].eq_ignore_ascii_case(s)
}

fn is_stop(w: &str) -> bool {
    lexicon::NP_STOP_SET.has(w)
}

/// The counted noun phrase after token `e`, as tokens `s..e`.
pub(crate) fn counted(cx: &Cx, e: usize) -> Option<(usize, usize)> {
    let mut k = e;
    // `1,200-strong force`
    if cx.p(k, "-") && cx.adj(k - 1) && cx.is(k + 1, "strong") {
        k += 2;
    }
    if cx.is(k, "of") {
        k += 1;
        if [
            "the", "those", "these", "its", "their", "his", "her", "our", "them",
        ]
        .iter()
        .any(|d| cx.s(k).eq_ignore_ascii_case(d))
        {
            k += 1;
        }
    }
    let s = k;
    let mut words = 0;
    while words < 5 && cx.kind(k) == Some(Kind::Word) {
        let w = cx.s(k);
        if is_stop(w) {
            break;
        }
        if words > 0
            && (ends_ci(w, "ed") || ends_ci(w, "ing") || ends_ci(w, "ly"))
            && !w.starts_with(char::is_uppercase)
        {
            break;
        }
        words += 1;
        k += 1;
        // hyphenated words: `year-old`, `North Korea-based`
        if cx.p(k, "-") && cx.adj(k - 1) && cx.adj(k) && cx.kind(k + 1) == Some(Kind::Word) {
            k += 2;
        }
    }
    (words > 0).then_some((s, k))
}

fn rank(c: Category) -> u8 {
    match c {
        Category::Killed => 0,
        Category::Wounded => 1,
        Category::Captured => 2,
        Category::Missing => 3,
        Category::Displaced => 4,
        Category::Troops => 5,
        Category::People => 6,
        _ => 9,
    }
}

fn is_event(c: Category) -> bool {
    rank(c) <= 4
}

fn word_cat(cx: &Cx, i: usize) -> Option<Category> {
    if cx.kind(i) != Some(Kind::Word) {
        return None;
    }
    lexicon::CATEGORY_MAP.get(cx.s(i))
}

fn is_clause_break(cx: &Cx, i: usize) -> bool {
    match cx.kind(i) {
        Some(Kind::Punct) => !matches!(cx.s(i), "-" | "’" | "'"),
        Some(Kind::Num) => true,
        Some(Kind::Word) => lexicon::CLAUSE_STOP_SET.has(cx.s(i)),
        None => true,
    }
}

/// Function words the window before a number reads through (`deaths of`,
/// `killed the`); any other function word ends it (`killing them in one hit`).
const BEFORE_PASS: &[&str] = &["the", "a", "an", "of", "to"];

/// Window sizes (tokens) read for event words after and before a number.
const AFTER_WINDOW: usize = 6;
const BEFORE_WINDOW: usize = 4;

/// The category of a count over tokens `s..e` with noun phrase `np`.
pub(crate) fn count_category(cx: &Cx, s: usize, e: usize, np: Option<(usize, usize)>) -> Category {
    let mut noun: Option<Category> = None;
    if let Some((a, b)) = np {
        for i in a..b {
            if let Some(c) = word_cat(cx, i) {
                if noun.map_or(true, |n| rank(c) < rank(n)) {
                    noun = Some(c);
                }
            }
        }
    }
    // event words in the clause after the noun phrase (`have died`), when
    // the noun can be a casualty: none (`4,000 have died`), one of the
    // lexicon, or a capitalised one (`12 Ukrainians`); not `21 cities`
    let person_like = match np {
        None => true,
        Some((_, b)) => noun.is_some() || cx.s(b - 1).starts_with(char::is_uppercase),
    };
    let from = np.map_or(e, |(_, b)| b);
    for k in from..if person_like {
        from + AFTER_WINDOW
    } else {
        from
    } {
        if is_clause_break(cx, k) {
            break;
        }
        if let Some(c) = word_cat(cx, k) {
            if is_event(c) {
                return c;
            }
        }
    }
    // event words just before (`killed 12 people`, `lost 300 men`)
    let mut k = s;
    for _ in 0..BEFORE_WINDOW {
        if k == 0 {
            break;
        }
        k -= 1;
        if is_clause_break(cx, k) {
            break;
        }
        if let Some(c) = word_cat(cx, k) {
            if is_event(c) {
                return c;
            }
        }
        if lexicon::LOSS_SET.has(cx.s(k))
            && matches!(noun, Some(Category::Troops) | Some(Category::People))
        {
            return Category::Killed;
        }
        if !BEFORE_PASS.iter().any(|w| cx.is(k, w)) && is_stop(cx.s(k)) {
            break;
        }
    }
    noun.unwrap_or(Category::Count)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn with<R>(s: &str, f: impl FnOnce(&Cx) -> R) -> R {
        let mut t = Vec::new();
        tokenize(s, &mut t);
        f(&Cx { text: s, t: &t })
    }

    #[test]
    fn qualifiers() {
        with("at least 5", |cx| {
            assert_eq!(qualifier_before(cx, 2, 0), Some((Qualifier::AtLeast, 0)))
        });
        with("is >= 30", |cx| {
            assert_eq!(qualifier_before(cx, 3, 0), Some((Qualifier::AtLeast, 1)))
        });
        with("5 or more", |cx| {
            assert_eq!(qualifier_after(cx, 1), Some((Qualifier::AtLeast, 3)))
        });
    }

    #[test]
    fn units_and_currency() {
        with("17 km from", |cx| {
            assert_eq!(unit_after(cx, 1), Some((2, false)))
        });
        with("300m sprint", |cx| {
            assert_eq!(unit_after(cx, 1), Some((2, false)))
        });
        with("300 m sprint", |cx| assert_eq!(unit_after(cx, 1), None));
        with("24703m212", |cx| assert_eq!(unit_after(cx, 1), None));
        with("20 [kg]", |cx| {
            assert_eq!(unit_after(cx, 1), Some((4, false)))
        });
        with("six weeks", |cx| {
            assert_eq!(unit_after(cx, 1), Some((2, true)))
        });
        with("15 miles per hour", |cx| {
            assert_eq!(unit_after(cx, 1), Some((4, false)))
        });
        with("US$ 5", |cx| assert_eq!(currency_before(cx, 2, 0), Some(0)));
        with("5 euros", |cx| assert_eq!(currency_after(cx, 1), Some(2)));
        with("12 per cent", |cx| {
            assert_eq!(percent_after(cx, 1), Some(3))
        });
    }

    #[test]
    fn categories() {
        let cat = |s: &str, i: usize| {
            with(s, |cx| {
                let np = counted(cx, i + 1);
                count_category(cx, i, i + 1, np)
            })
        };
        assert_eq!(
            cat("12,000 North Korean soldiers have been sent", 0),
            Category::Troops
        );
        assert_eq!(cat("nearly 4,000 have died", 1), Category::Killed);
        assert_eq!(cat("the strike killed 12 people", 3), Category::Killed);
        assert_eq!(cat("50 people were injured", 0), Category::Wounded);
        assert_eq!(cat("300 POWs", 0), Category::Captured);
        assert_eq!(cat("2,000 refugees", 0), Category::Displaced);
        assert_eq!(cat("force lost 300 men", 2), Category::Killed);
        assert_eq!(cat("20 missing", 0), Category::Missing);
        assert_eq!(cat("5 apples", 0), Category::Count);
    }

    #[test]
    fn counted_phrase() {
        with("12,000 North Korean soldiers have been sent", |cx| {
            let (a, b) = counted(cx, 1).unwrap();
            assert_eq!(&cx.text[cx.t[a].s..cx.t[b - 1].e], "North Korean soldiers");
        });
        with("the 1,200-strong force lost", |cx| {
            let (a, b) = counted(cx, 2).unwrap();
            assert_eq!(&cx.text[cx.t[a].s..cx.t[b - 1].e], "force");
        });
    }
}
