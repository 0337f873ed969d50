//! Numbers in digits and in words: separators, decimals, scales
//! (`1.5 million`, `2bn`, `three lakh crore`), words (`twenty-one thousand`,
//! `one hundred and five`, `a dozen`), fractions (`a third`, `five eighths`,
//! `one and a half`), ordinals (`80th`, `twenty-third`) and vague plurals
//! (`hundreds`, `tens of thousands`).

use super::lexicon::{self, ORDINAL_SUFFIXES, SCALE_ABBREV_GLUED, SCALE_ABBREV_SPACED};
use super::tokens::{Kind, Wc};
use super::Cx;

/// What kind of number was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumKind {
    Card,
    Ord,
    Frac,
    /// A vague multiple, read as the range `[lo, hi]`.
    Vague(f64, f64),
}

/// A number expression over tokens `s..e`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num {
    pub e: usize,
    pub v: f64,
    /// The value before the trailing scale (`4` in `4 million`).
    pub mant: f64,
    /// The trailing scale (1 if none).
    pub scale: f64,
    pub kind: NumKind,
    /// Written in digits.
    pub digits: bool,
    /// One bare digit token: no separators, decimals or scale.
    pub plain: bool,
    /// Integer digits of the digit token.
    pub ndigits: u32,
}

/// Read a number expression starting at token `i`. `money` allows `m`
/// glued to digits to mean million (`€300m`).
pub(crate) fn parse_num(cx: &Cx, i: usize, money: bool) -> Option<Num> {
    let n = match cx.kind(i)? {
        Kind::Num => parse_digits(cx, i, money),
        Kind::Word => parse_words(cx, i),
        Kind::Punct => None,
    }?;
    Some(over_fraction(cx, n).unwrap_or(n))
}

/// `2000 over 3`, `one over 3`: a written fraction, at the end of a phrase.
fn over_fraction(cx: &Cx, n: Num) -> Option<Num> {
    let j = n.e;
    if n.kind != NumKind::Card || n.scale != 1.0 || !cx.is(j, "over") {
        return None;
    }
    let d = cx.t.get(j + 1)?;
    let ok = d.kind == Kind::Num
        && cx.kind(j + 2) != Some(Kind::Word)
        && !d.decimal
        && (2.0..=100.0).contains(&d.num)
        && !cx.adj(j + 1);
    ok.then(|| Num {
        e: j + 2,
        v: n.v / d.num,
        mant: n.v / d.num,
        kind: NumKind::Frac,
        ..n
    })
}

fn parse_digits(cx: &Cx, i: usize, money: bool) -> Option<Num> {
    let t = cx.t[i];
    if !t.num.is_finite() {
        return None;
    }
    let mut v = t.num;
    let mut j = i + 1;
    let mut scale = 1.0;
    let base = Num {
        e: j,
        v,
        mant: v,
        scale,
        kind: NumKind::Card,
        digits: true,
        plain: false,
        ndigits: t.digits,
    };
    if cx.adj(i) && cx.kind(j) == Some(Kind::Word) {
        let w = cx.s(j);
        if !t.grouped && !t.decimal && lexicon::contains(ORDINAL_SUFFIXES, w) {
            return Some(Num {
                e: j + 1,
                kind: NumKind::Ord,
                ..base
            });
        }
        let glued = if money && (w == "m" || w == "M") {
            Some(1e6)
        } else {
            SCALE_ABBREV_GLUED
                .iter()
                .find(|(k, _)| *k == w || (k.len() > 2 && k.eq_ignore_ascii_case(w)))
                .map(|&(_, s)| s)
        };
        if let Some(sc) = glued {
            v *= sc;
            scale = sc;
            j += 1;
        }
    }
    if scale == 1.0 {
        loop {
            match cx.wc(j) {
                Wc::Scale(sc) => {
                    v *= sc;
                    scale *= sc;
                    j += 1;
                }
                Wc::Dozen if scale == 1.0 => {
                    v *= 12.0;
                    scale = 12.0;
                    j += 1;
                }
                _ => {
                    let w = cx.s(j);
                    if scale == 1.0 && cx.kind(j) == Some(Kind::Word) {
                        if let Some(&(_, sc)) = SCALE_ABBREV_SPACED.iter().find(|(k, _)| *k == w) {
                            // `8 B people`: only before a lower-case word
                            let next_lower =
                                cx.s(j + 1).chars().next().is_some_and(char::is_lowercase);
                            if w != "B" || next_lower {
                                v *= sc;
                                scale = sc;
                                j += 1;
                            }
                        }
                    }
                    break;
                }
            }
        }
    }
    // `3 million and a half`
    if cx.is(j, "and") && cx.wc(j + 1) == Wc::A {
        let f = match cx.wc(j + 2) {
            Wc::Half => 0.5,
            Wc::Quarter => 0.25,
            _ => 0.0,
        };
        if f > 0.0 && !matches!(cx.wc(j + 3), Wc::Scale(_)) {
            v += f * scale;
            j += 3;
        }
    }
    Some(Num {
        e: j,
        v,
        mant: if scale > 0.0 { v / scale } else { v },
        scale,
        plain: !t.grouped && !t.decimal && j == i + 1,
        ..base
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    None,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
}

/// A fraction phrase at `j`: `a half`, `a quarter`, `two fifths`, `one third`.
/// Returns the value and the end token.
fn fraction_at(cx: &Cx, j: usize) -> Option<(f64, usize)> {
    let (num, k) = match cx.wc(j) {
        Wc::A => (1.0, j + 1),
        Wc::Card(u) if u > 0 => (f64::from(u), j + 1),
        _ => return None,
    };
    match cx.wc(k) {
        Wc::Half => Some((num * 0.5, k + 1)),
        Wc::Quarter => Some((num * 0.25, k + 1)),
        Wc::OrdPlural(d) if num > 1.0 => Some((num / d, k + 1)),
        Wc::Ord(d) if d >= 3.0 && num == 1.0 => Some((1.0 / d, k + 1)),
        _ => None,
    }
}

/// A denominator at `j`: `fifths`, `third` (singular only for 1),
/// `twenty-fifth(s)`. Returns (denominator, plural, end).
fn denominator_at(cx: &Cx, j: usize) -> Option<(f64, bool, usize)> {
    match cx.wc(j) {
        Wc::OrdPlural(d) => Some((d, true, j + 1)),
        Wc::Ord(d) if d >= 3.0 => Some((d, false, j + 1)),
        Wc::Tens(t) if cx.p(j + 1, "-") && cx.adj(j) && cx.adj(j + 1) => match cx.wc(j + 2) {
            Wc::OrdPlural(d) if d < 10.0 => Some((f64::from(t) + d, true, j + 3)),
            Wc::Ord(d) if d < 10.0 => Some((f64::from(t) + d, false, j + 3)),
            _ => None,
        },
        _ => None,
    }
}

fn parse_words(cx: &Cx, i: usize) -> Option<Num> {
    let mut j = i;
    let mut sign = 1.0;
    if cx.wc(j) == Wc::Minus {
        sign = -1.0;
        j += 1;
    }
    let base = Num {
        e: j,
        v: 0.0,
        mant: 0.0,
        scale: 1.0,
        kind: NumKind::Card,
        digits: false,
        plain: false,
        ndigits: 0,
    };
    // vague plurals: `hundreds`, `tens of thousands`, `dozens`
    if let Wc::Vague(u) = cx.wc(j) {
        if cx.is(j + 1, "of") {
            if let Wc::Vague(u2) = cx.wc(j + 2) {
                if u2 > u {
                    let lo = u * u2;
                    return Some(Num {
                        e: j + 3,
                        kind: NumKind::Vague(lo, lo * 10.0),
                        v: lo,
                        mant: lo,
                        ..base
                    });
                }
            }
        }
        if u == 10.0 {
            return None;
        }
        let (lo, hi) = if u == 12.0 {
            (24.0, 120.0)
        } else {
            (u, u * 10.0)
        };
        return Some(Num {
            e: j + 1,
            kind: NumKind::Vague(lo, hi),
            v: lo,
            mant: lo,
            ..base
        });
    }
    // `half`, `half a million`, `a half`, `a quarter`, `quarter million`
    let a = cx.wc(j) == Wc::A;
    let k = if a { j + 1 } else { j };
    if matches!(cx.wc(k), Wc::Half | Wc::Quarter) {
        let f = if cx.wc(k) == Wc::Half { 0.5 } else { 0.25 };
        let mut e = k + 1;
        let mut v = f;
        let mut kind = NumKind::Frac;
        if cx.wc(e) == Wc::A {
            if let Wc::Scale(s) = cx.wc(e + 1) {
                v *= s;
                e += 2;
                kind = NumKind::Card;
            }
        } else if let Wc::Scale(s) = cx.wc(e) {
            v *= s;
            e += 1;
            kind = NumKind::Card;
        }
        return Some(Num {
            e,
            v: sign * v,
            mant: sign * v,
            kind,
            ..base
        });
    }
    if a && cx.is(j + 1, "couple") {
        return Some(Num {
            e: j + 2,
            v: 2.0,
            mant: 2.0,
            ..base
        });
    }
    if a {
        match cx.wc(j + 1) {
            Wc::Scale(_) | Wc::Dozen => {}
            Wc::Ord(d) if d >= 3.0 => {
                return Some(Num {
                    e: j + 2,
                    v: 1.0 / d,
                    mant: 1.0 / d,
                    kind: NumKind::Frac,
                    ..base
                });
            }
            _ => return None,
        }
        j += 1;
    }
    let mut total = 0.0f64;
    let mut cur = if a { 1.0f64 } else { 0.0 };
    let mut last = Last::None;
    let mut last_scale = 1.0f64;
    let mut any = false;
    loop {
        let mut k = j;
        if any && cx.p(k, "-") && k > 0 && cx.adj(k - 1) && cx.adj(k) {
            k += 1;
        }
        if any && cx.is(k, "and") && matches!(last, Last::Hundred | Last::Scale) {
            if matches!(cx.wc(k + 1), Wc::Card(_) | Wc::Tens(_)) && fraction_at(cx, k + 1).is_none()
            {
                k += 1;
            } else {
                break;
            }
        }
        if cx.kind(k) != Some(Kind::Word) {
            break;
        }
        match cx.wc(k) {
            Wc::Card(u) if u < 10 => {
                if matches!(last, Last::None | Last::Hundred | Last::Scale | Last::Tens) {
                    cur += f64::from(u);
                    last = Last::Unit;
                } else {
                    break;
                }
            }
            Wc::Card(u) => {
                if matches!(last, Last::None | Last::Hundred | Last::Scale) {
                    cur += f64::from(u);
                    last = Last::Teen;
                } else {
                    break;
                }
            }
            Wc::Tens(t) => {
                if matches!(last, Last::None | Last::Hundred | Last::Scale) {
                    cur += f64::from(t);
                    last = Last::Tens;
                } else {
                    break;
                }
            }
            Wc::Scale(100.0) => {
                if matches!(last, Last::Unit | Last::Teen | Last::Tens) || (last == Last::None && a)
                {
                    cur = cur.max(1.0) * 100.0;
                    last = Last::Hundred;
                } else {
                    break;
                }
            }
            w @ (Wc::Scale(_) | Wc::Dozen) => {
                let s = s_of(w);
                if last != Last::None || a {
                    if cur == 0.0 && last == Last::Scale {
                        total *= s;
                    } else {
                        total += cur.max(1.0) * s;
                        cur = 0.0;
                    }
                    last_scale = s;
                    last = Last::Scale;
                } else {
                    break;
                }
            }
            _ => break,
        }
        any = true;
        j = k + 1;
    }
    if !any {
        // a lone ordinal word: `first`, `twenty-third` is handled below
        if let Wc::Ord(o) = cx.wc(j) {
            return Some(Num {
                e: j + 1,
                v: o,
                mant: o,
                kind: NumKind::Ord,
                ..base
            });
        }
        return None;
    }
    let mut v = total + cur;
    // compound ordinal: `twenty-third`, `twenty first`, `one hundred twenty-first`
    let hyphen = cx.p(j, "-") && cx.adj(j - 1) && cx.adj(j);
    if last == Last::Tens && (hyphen || cx.kind(j) == Some(Kind::Word)) {
        let j = if hyphen { j } else { j - 1 };
        if let Wc::Ord(o) = cx.wc(j + 1) {
            if o < 10.0 {
                v += o;
                return Some(Num {
                    e: j + 2,
                    v: sign * v,
                    mant: sign * v,
                    kind: NumKind::Ord,
                    ..base
                });
            }
        }
    }
    let mut kind = NumKind::Card;
    // `twelve point five`, `one point two five`
    if cx.is(j, "point") && last != Last::Scale {
        let mut k = j + 1;
        let mut frac = 0.0;
        let mut place = 0.1;
        while let Wc::Card(u) = cx.wc(k) {
            if u > 9 {
                break;
            }
            frac += f64::from(u) * place;
            place /= 10.0;
            k += 1;
        }
        if k > j + 1 {
            v += frac;
            j = k;
            if let Wc::Scale(s) = cx.wc(j) {
                v *= s;
                j += 1;
            }
        }
    }
    // denominator: `five eighths`, `one twenty-fifth`, `a hundred trillionths`
    if let Some((d, plural, e)) = denominator_at(cx, j) {
        if plural || v == 1.0 {
            v /= d;
            j = e;
            kind = NumKind::Frac;
        }
    }
    // `and a half`, `and two fifths`, `and a quarter million`
    if cx.is(j, "and") {
        if let Some((f, e)) = fraction_at(cx, j + 1) {
            if let Wc::Scale(s) = cx.wc(e) {
                if total > 0.0 {
                    v += f * s;
                } else {
                    v = (v + f) * s;
                }
                j = e + 1;
            } else {
                v += if last == Last::Scale && kind == NumKind::Card {
                    f * last_scale
                } else {
                    f
                };
                j = e;
            }
        }
    }
    let mant = if last == Last::Scale && cur == 0.0 {
        v / last_scale
    } else {
        v
    };
    Some(Num {
        e: j,
        v: sign * v,
        mant: sign * mant,
        scale: if last == Last::Scale { last_scale } else { 1.0 },
        kind,
        ..base
    })
}

fn s_of(w: Wc) -> f64 {
    match w {
        Wc::Scale(s) => s,
        Wc::Dozen => 12.0,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn num(s: &str) -> Option<(f64, NumKind, String)> {
        let mut t = Vec::new();
        tokenize(s, &mut t);
        let cx = Cx { text: s, t: &t };
        parse_num(&cx, 0, false).map(|n| {
            let span = &s[t[0].s..t[n.e - 1].e];
            (n.v, n.kind, span.to_string())
        })
    }

    fn val(s: &str) -> f64 {
        num(s).unwrap().0
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(val("12,000 troops"), 12000.0);
        assert_eq!(val("1.5 million"), 1.5e6);
        assert_eq!(val("2bn"), 2e9);
        assert_eq!(val("3.2 billion"), 3.2e9);
        assert_eq!(val("1 trillion"), 1e12);
        assert_eq!(val("3 million and a half"), 3.5e6);
        assert!((val("2000 over 3") - 666.666_666_666_7).abs() < 1e-6);
    }

    #[test]
    fn words() {
        assert_eq!(val("twelve thousand"), 12000.0);
        assert_eq!(val("one hundred and five"), 105.0);
        assert_eq!(val("twenty-one trillion three hundred"), 21e12 + 300.0);
        assert_eq!(val("a dozen"), 12.0);
        assert_eq!(val("seventy"), 70.0);
        assert_eq!(val("three lakh crore"), 3e12);
        assert_eq!(val("seventeen hundred thirty three"), 1733.0);
        assert_eq!(val("two thousand and thirty two"), 2032.0);
        assert!((val("twelve point five") - 12.5).abs() < 1e-12);
    }

    #[test]
    fn fractions() {
        assert!((val("a third") - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(val("half"), 0.5);
        assert_eq!(val("five eighths"), 0.625);
        assert_eq!(val("one and a half"), 1.5);
        assert!((val("one twenty-fifth") - 0.04).abs() < 1e-12);
        assert!((val("a hundred trillionths") - 1e-10).abs() < 1e-20);
        assert!((val("a hundred thousand trillionths") - 1e-7).abs() < 1e-17);
        assert!((val("one hundred and thirty and two fifths") - 130.4).abs() < 1e-9);
        assert_eq!(val("quarter million"), 250_000.0);
        assert_eq!(val("one billion and a quarter million"), 1_000_250_000.0);
    }

    #[test]
    fn ordinals() {
        assert_eq!(num("80th").unwrap().1, NumKind::Ord);
        assert_eq!(val("twenty-third"), 23.0);
        assert_eq!(
            num("twenty first").unwrap(),
            (21.0, NumKind::Ord, "twenty first".into())
        );
        assert_eq!(num("first").unwrap().1, NumKind::Ord);
    }

    #[test]
    fn vague() {
        assert_eq!(
            num("tens of thousands").unwrap().1,
            NumKind::Vague(1e4, 1e5)
        );
        assert_eq!(num("hundreds").unwrap().1, NumKind::Vague(100.0, 1000.0));
    }

    #[test]
    fn not_numbers() {
        assert!(num("three-nought").is_some_and(|n| n.0 == 3.0 && n.2 == "three"));
        assert!(num("a dog").is_none());
    }
}
