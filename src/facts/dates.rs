//! Calendar dates normalised to ISO 8601: `May 9, 2025`, `9 May 2025`,
//! `2025-05-09`, `10/1/2018`, `20200701`, `2017 April`, `May 9` (year from
//! context, else `XXXX-05-09`), date intervals (`10/1/2018 - 10/7/2018` →
//! `2018-10-01/2018-10-07`), and with a reference day `today`, `tomorrow`,
//! `3 days ago`, `2 weeks after today`.

use super::numbers::{parse_num, NumKind};
use super::tokens::{Kind, Wc};
use super::{Context, Cx};

/// A date found over tokens `s..e`.
#[derive(Debug, Clone)]
pub(crate) struct DateHit {
    pub s: usize,
    pub e: usize,
    pub iso: String,
    /// For `N units after X`: the date X.
    pub anchor: Option<String>,
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub(crate) fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (y + i64::from(m <= 2)).clamp(-9999, 9999) as i32;
    (y, m, d)
}

fn add_months(y: i32, m: u32, d: u32, months: i64) -> (i32, u32, u32) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + months;
    let ny = total.div_euclid(12).clamp(-9999, 9999) as i32;
    let nm = (total.rem_euclid(12) + 1) as u32;
    (ny, nm, d.min(days_in_month(ny, nm)))
}

fn valid(y: Option<i32>, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y.unwrap_or(2000), m)
}

pub(crate) fn iso(y: Option<i32>, m: u32, d: u32) -> String {
    match (y, d) {
        (Some(y), 0) => format!("{y:04}-{m:02}"),
        (Some(y), d) => format!("{y:04}-{m:02}-{d:02}"),
        (None, 0) => format!("XXXX-{m:02}"),
        (None, d) => format!("XXXX-{m:02}-{d:02}"),
    }
}

fn month_at(cx: &Cx, j: usize) -> Option<(u32, usize)> {
    if let Wc::Month(m) = cx.wc(j) {
        let mut e = j + 1;
        if cx.s(j).len() <= 4 && cx.p(e, ".") && cx.adj(j) {
            e += 1;
        }
        Some((m, e))
    } else {
        None
    }
}

/// A day of the month: `9`, `9th`, `01st`, `first`, `twenty-first`.
fn day_at(cx: &Cx, j: usize) -> Option<(u32, usize)> {
    match cx.kind(j)? {
        Kind::Num => {
            let t = cx.t[j];
            if t.grouped || t.decimal || t.digits > 2 || !(1.0..=31.0).contains(&t.num) {
                return None;
            }
            let mut e = j + 1;
            if cx.adj(j)
                && cx.kind(e) == Some(Kind::Word)
                && super::lexicon::contains(super::lexicon::ORDINAL_SUFFIXES, cx.s(e))
            {
                e += 1;
            }
            if cx.adj(e - 1) && matches!(cx.kind(e), Some(Kind::Word) | Some(Kind::Num)) {
                return None;
            }
            Some((t.num as u32, e))
        }
        Kind::Word => {
            let n = parse_num(cx, j, false)?;
            (n.kind == NumKind::Ord && (1.0..=31.0).contains(&n.v) && n.v.fract() == 0.0)
                .then_some((n.v as u32, n.e))
        }
        Kind::Punct => None,
    }
}

/// A year: 4 digits (1000–2999), or in words (`two thousand and thirty two`).
fn year_at(cx: &Cx, j: usize) -> Option<(i32, usize)> {
    match cx.kind(j)? {
        Kind::Num => {
            let t = cx.t[j];
            if t.grouped || t.decimal || t.digits != 4 || !(1000.0..=2999.0).contains(&t.num) {
                return None;
            }
            if cx.adj(j) && matches!(cx.kind(j + 1), Some(Kind::Word) | Some(Kind::Num)) {
                return None;
            }
            Some((t.num as i32, j + 1))
        }
        Kind::Word => {
            let n = parse_num(cx, j, false)?;
            (n.kind == NumKind::Card && (1000.0..=2999.0).contains(&n.v) && n.v.fract() == 0.0)
                .then_some((n.v as i32, n.e))
        }
        Kind::Punct => None,
    }
}

/// `, 2025` / `2025` / `in 2020` after a day and month.
fn trailing_year(cx: &Cx, j: usize) -> Option<(i32, usize)> {
    let k = if cx.p(j, ",") || cx.is(j, "in") || cx.is(j, "of") {
        j + 1
    } else {
        j
    };
    year_at(cx, k)
}

fn small(cx: &Cx, j: usize, max: f64) -> Option<u32> {
    let t = cx.t.get(j)?;
    (t.kind == Kind::Num
        && !t.grouped
        && !t.decimal
        && t.digits <= 2
        && t.num >= 1.0
        && t.num <= max)
        .then_some(t.num as u32)
}

/// Numeric forms; `weekday` allows a bare `7-6` (month-day).
fn numeric(cx: &Cx, j: usize, weekday: bool) -> Option<(Option<i32>, u32, u32, usize)> {
    let t = *cx.t.get(j)?;
    if t.kind != Kind::Num || t.grouped {
        return None;
    }
    let sep = |k: usize| -> Option<&str> {
        let s = cx.s(k);
        (cx.kind(k) == Some(Kind::Punct)
            && matches!(s, "-" | "/" | ".")
            && cx.adj(k - 1)
            && cx.adj(k))
        .then_some(s)
    };
    // YYYY-MM-DD, YYYY/MM/DD
    if !t.decimal && t.digits == 4 && (1000.0..=2999.0).contains(&t.num) {
        if let Some(s1) = sep(j + 1) {
            if let (Some(m), Some(s2)) = (small(cx, j + 2, 12.0), sep(j + 3)) {
                if s1 == s2 {
                    if let Some(d) = small(cx, j + 4, 31.0) {
                        let y = t.num as i32;
                        if valid(Some(y), m, d)
                            && !(cx.adj(j + 4) && cx.kind(j + 5).is_some_and(|k| k != Kind::Punct))
                        {
                            return Some((Some(y), m, d, j + 5));
                        }
                    }
                }
            }
        }
        return None;
    }
    // YYYYMMDD
    if !t.decimal && t.digits == 8 {
        let v = t.num as u64;
        let (y, m, d) = (
            (v / 10_000) as i32,
            ((v / 100) % 100) as u32,
            (v % 100) as u32,
        );
        if (1900..=2100).contains(&y) && valid(Some(y), m, d) {
            return Some((Some(y), m, d, j + 1));
        }
        return None;
    }
    // D.M.YYYY: lexed as the decimal `D.MM` then `.YYYY`
    if t.decimal {
        let raw = cx.s(j);
        if let Some((a, b)) = raw.split_once('.') {
            if a.len() <= 2 && b.len() == 2 && sep(j + 1) == Some(".") {
                if let Some((y, e)) = year_at(cx, j + 2) {
                    let (d, m) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
                    if valid(Some(y), m, d) {
                        return Some((Some(y), m, d, e));
                    }
                }
            }
        }
        return None;
    }
    // M/D/YYYY, D/M/YYYY (when the first is above 12), M-D-YYYY
    let a = small(cx, j, 31.0)?;
    let s1 = sep(j + 1)?;
    if s1 == "." {
        return None;
    }
    let b = small(cx, j + 2, 31.0)?;
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    if sep(j + 3) == Some(s1) {
        let t3 = *cx.t.get(j + 4)?;
        if t3.kind == Kind::Num && !t3.grouped && !t3.decimal && (t3.digits == 4 || t3.digits == 2)
        {
            let y = if t3.digits == 2 {
                2000 + t3.num as i32
            } else {
                t3.num as i32
            };
            if valid(Some(y), m, d) {
                return Some((Some(y), m, d, j + 5));
            }
        }
        return None;
    }
    if weekday && valid(None, m, d) && !(cx.adj(j + 2) && cx.kind(j + 3).is_some()) {
        return Some((None, m, d, j + 3));
    }
    None
}

/// Read a calendar date at token `i`.
pub(crate) fn parse_date(cx: &Cx, i: usize, ctx: &Context) -> Option<DateHit> {
    let mut j = i;
    let weekday = cx.wc(j) == Wc::Weekday;
    if weekday {
        j += 1;
        if cx.p(j, ",") {
            j += 1;
        }
    }
    if let Some(h) = day_range(cx, i, ctx) {
        return Some(h);
    }
    let found = single(cx, j, weekday);
    let (y, m, d, e) = found?;
    let year = y.or(ctx.year);
    let mut hit = DateHit {
        s: i,
        e,
        iso: iso(year, m, d),
        anchor: None,
    };
    // an interval: `10/1/2018 - 10/7/2018`, `May 9 to May 11, 2025`
    let k = e;
    let conn = (cx.kind(k) == Some(Kind::Punct) && matches!(cx.s(k), "-" | "–" | "—" | "~"))
        || cx.is(k, "to")
        || cx.is(k, "until")
        || cx.is(k, "through");
    if conn && d > 0 {
        // `January 4-22`, `May 9 to 11, 2025`: the second day shares the month
        let second = single(cx, k + 1, false).or_else(|| {
            let (d2, e2) = day_at(cx, k + 1)?;
            if month_at(cx, e2).is_some() || (cx.is(e2, "of") && month_at(cx, e2 + 1).is_some()) {
                return None;
            }
            let (y2, e3) = trailing_year(cx, e2).map_or((y, e2), |(y2, e3)| (Some(y2), e3));
            Some((y2, m, d2, e3))
        });
        if let Some((y2, m2, d2, e2)) = second {
            let (a, b) = match (y, y2) {
                (None, Some(b)) if m <= m2 => (Some(b), Some(b)),
                (a, b) => (a.or(year), b.or(a).or(year)),
            };
            let order = |y: Option<i32>, m: u32, d: u32| days_from_civil(y.unwrap_or(2000), m, d);
            if d2 > 0 && a.is_some() == b.is_some() && order(a, m, d) < order(b, m2, d2) {
                hit.iso = format!("{}/{}", iso(a, m, d), iso(b, m2, d2));
                hit.e = e2;
                if i > 0 && (cx.is(i - 1, "from") || cx.is(i - 1, "between")) {
                    hit.s = i - 1;
                }
            }
        }
    }
    Some(hit)
}

/// `4-22 January`, `from 4 to 22 Jan 2019`: days sharing the month after them.
fn day_range(cx: &Cx, i: usize, ctx: &Context) -> Option<DateHit> {
    if cx.kind(i) != Some(Kind::Num) {
        return None;
    }
    let (d1, e1) = day_at(cx, i)?;
    let conn = cx.p(e1, "-") || cx.p(e1, "–") || cx.is(e1, "to") || cx.is(e1, "until");
    if !conn {
        return None;
    }
    let (d2, e2) = day_at(cx, e1 + 1)?;
    let k = if cx.is(e2, "of") { e2 + 1 } else { e2 };
    let (m, e3) = month_at(cx, k)?;
    let (y, e4) = trailing_year(cx, e3).map_or((ctx.year, e3), |(y, e)| (Some(y), e));
    if !(valid(y, m, d1) && valid(y, m, d2) && d1 < d2) {
        return None;
    }
    let s = if i > 0 && (cx.is(i - 1, "from") || cx.is(i - 1, "between")) {
        i - 1
    } else {
        i
    };
    Some(DateHit {
        s,
        e: e4,
        iso: format!("{}/{}", iso(y, m, d1), iso(y, m, d2)),
        anchor: None,
    })
}

/// A weekday with a reference day: `next Friday`, `last Monday`,
/// `this Sunday` (weeks start on Monday); alone, `XXXX-WXX-5`.
pub(crate) fn weekday(cx: &Cx, i: usize, floor: usize, today: (i32, u32, u32)) -> Option<DateHit> {
    let w = cx.s(i).to_ascii_lowercase();
    let n = super::lexicon::WEEKDAYS.iter().position(|d| *d == w)? as i64 + 1;
    let rel = if i > floor && i > 0 {
        [("last", -7i64), ("this", 0), ("next", 7)]
            .iter()
            .find(|(k, _)| cx.is(i - 1, k))
            .map(|&(_, o)| o)
    } else {
        None
    };
    match rel {
        Some(o) => {
            let z = days_from_civil(today.0, today.1, today.2);
            let monday = z - ((z + 3).rem_euclid(7));
            let (y, m, d) = civil_from_days(monday + n - 1 + o);
            Some(DateHit {
                s: i - 1,
                e: i + 1,
                iso: iso(Some(y), m, d),
                anchor: None,
            })
        }
        None => Some(DateHit {
            s: i,
            e: i + 1,
            iso: format!("XXXX-WXX-{n}"),
            anchor: None,
        }),
    }
}

/// One date (no interval) at `j`: (year, month, day or 0, end).
fn single(cx: &Cx, j: usize, weekday: bool) -> Option<(Option<i32>, u32, u32, usize)> {
    // Month D[, Y] | Month Y
    if let Some((m, e)) = month_at(cx, j) {
        let lower_verb = matches!(cx.s(j), "may" | "march" | "mar" | "dec" | "jun");
        // `Jan-1`, `Jan/1`
        if (cx.p(e, "-") || cx.p(e, "/")) && cx.adj(e - 1) && cx.adj(e) {
            if let Some((d, e2)) = day_at(cx, e + 1) {
                if valid(None, m, d) && !cx.p(e2, "-") && !cx.p(e2, "/") {
                    return Some((None, m, d, e2));
                }
            }
        }
        if let Some((d, e2)) = day_at(cx, e) {
            if let Some((y, e3)) = trailing_year(cx, e2) {
                if valid(Some(y), m, d) {
                    return Some((Some(y), m, d, e3));
                }
            }
            let suffix = cx.kind(e) == Some(Kind::Num) && e2 == e + 2;
            if valid(None, m, d) && (weekday || suffix || !lower_verb) {
                return Some((None, m, d, e2));
            }
            if valid(None, m, d) && cx.s(j).chars().next().is_some_and(char::is_uppercase) {
                return Some((None, m, d, e2));
            }
        }
        let k = if cx.p(e, ",") { e + 1 } else { e };
        if let Some((y, e2)) = year_at(cx, k) {
            if cx.kind(k) == Some(Kind::Num) {
                return Some((Some(y), m, 0, e2));
            }
        }
        // a month alone after a cue: `in October`, `since March`
        let cue = j > 0 && super::lexicon::contains(super::lexicon::MONTH_CUES, cx.s(j - 1));
        let capital = cx.s(j).starts_with(char::is_uppercase);
        let strong_cue = j > 0
            && ["in", "since", "until", "early", "late", "mid"]
                .iter()
                .any(|w| cx.is(j - 1, w));
        if cue && (capital || !lower_verb || strong_cue) && !cx.p(e, "-") {
            return Some((None, m, 0, e));
        }
        return None;
    }
    // D [of] Month [,] [Y]
    if let Some((d, e)) = day_at(cx, j) {
        let k = if cx.is(e, "of") { e + 1 } else { e };
        if let Some((m, e2)) = month_at(cx, k) {
            if let Some((y, e3)) = trailing_year(cx, e2) {
                if valid(Some(y), m, d) {
                    return Some((Some(y), m, d, e3));
                }
            }
            if valid(None, m, d) {
                return Some((None, m, d, e2));
            }
        }
    }
    // YYYY Month (`2017 april`), not followed by a day
    if let Some((y, e)) = year_at(cx, j) {
        if cx.kind(j) == Some(Kind::Num) {
            if let Some((m, e2)) = month_at(cx, e) {
                if day_at(cx, e2).is_none() {
                    return Some((Some(y), m, 0, e2));
                }
            }
        }
    }
    numeric(cx, j, weekday)
}

/// The month `offset` months from `today`, as `YYYY-MM`.
pub(crate) fn month_offset(today: (i32, u32, u32), offset: i64) -> String {
    let (y, m, _) = add_months(today.0, today.1, 1, offset);
    iso(Some(y), m, 0)
}

/// The ISO 8601 week `offset` weeks from `today`, as `YYYY-Www`.
pub(crate) fn iso_week(today: (i32, u32, u32), offset: i64) -> String {
    let z = days_from_civil(today.0, today.1, today.2) + 7 * offset;
    let weekday = (z + 3).rem_euclid(7) + 1; // Monday 1 … Sunday 7
    let thursday = z + 4 - weekday;
    let (y, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
    format!("{y:04}-W{week:02}")
}

const UNIT_DAYS: &[(&str, i64, bool)] = &[
    ("day", 1, false),
    ("days", 1, false),
    ("week", 7, false),
    ("weeks", 7, false),
    ("month", 1, true),
    ("months", 1, true),
    ("year", 12, true),
    ("years", 12, true),
];

/// `N units [and N units] ago`, `N units after|from today|tomorrow|now`,
/// and the bare `today`/`tomorrow`/`yesterday`, against `today`.
pub(crate) fn parse_relative(cx: &Cx, i: usize, today: (i32, u32, u32)) -> Option<DateHit> {
    let base = days_from_civil(today.0, today.1, today.2);
    if let Wc::RelDay(mut off) = cx.wc(i) {
        // `the day after tomorrow`, `the day before yesterday`
        let mut s = i;
        if i >= 2 && cx.is(i - 2, "day") {
            let step = if off > 0 && cx.is(i - 1, "after") {
                1
            } else if off < 0 && cx.is(i - 1, "before") {
                -1
            } else {
                0
            };
            if step != 0 {
                off += step;
                s = if i >= 3 && cx.is(i - 3, "the") {
                    i - 3
                } else {
                    i - 2
                };
            }
        }
        let (y, m, d) = civil_from_days(base + off);
        return Some(DateHit {
            s,
            e: i + 1,
            iso: iso(Some(y), m, d),
            anchor: None,
        });
    }
    // `last 3 months`, `the past 2 weeks`, `10 previous weeks`: up to today
    let period_before =
        i > 0 && (cx.is(i - 1, "last") || cx.is(i - 1, "past") || cx.is(i - 1, "previous"));
    if let Some(n) = parse_num(cx, i, false) {
        let after = cx.is(n.e, "previous") || cx.is(n.e, "past") || cx.is(n.e, "last");
        if (period_before || after)
            && n.kind == NumKind::Card
            && n.v.fract() == 0.0
            && (1.0..=1000.0).contains(&n.v)
        {
            let u = n.e + usize::from(after);
            let unit = cx.s(u).to_ascii_lowercase();
            if let Some(&(_, k, is_month)) = UNIT_DAYS.iter().find(|(w, _, _)| *w == unit) {
                let (y, m, d) = if is_month {
                    add_months(today.0, today.1, today.2, -(n.v as i64) * k)
                } else {
                    civil_from_days(base - n.v as i64 * k)
                };
                return Some(DateHit {
                    s: if period_before { i - 1 } else { i },
                    e: u + 1,
                    iso: format!(
                        "{}/{}",
                        iso(Some(y), m, d),
                        iso(Some(today.0), today.1, today.2)
                    ),
                    anchor: None,
                });
            }
        }
    }
    let mut j = i;
    let mut days = 0i64;
    let mut months = 0i64;
    loop {
        let n = parse_num(cx, j, false)?;
        if n.kind != NumKind::Card || n.v.fract() != 0.0 || n.v < 0.0 || n.v > 10_000.0 {
            return None;
        }
        let unit = cx.s(n.e).to_ascii_lowercase();
        let &(_, k, is_month) = UNIT_DAYS.iter().find(|(u, _, _)| *u == unit)?;
        if is_month {
            months += n.v as i64 * k;
        } else {
            days += n.v as i64 * k;
        }
        j = n.e + 1;
        if (cx.is(j, "and") || cx.p(j, ",")) && parse_num(cx, j + 1, false).is_some() {
            j += 1;
            continue;
        }
        break;
    }
    let (sign, anchor, e) = if cx.is(j, "ago") || cx.is(j, "earlier") {
        (-1, 0, j + 1)
    } else if (cx.is(j, "after") || cx.is(j, "from")) && cx.kind(j + 1) == Some(Kind::Word) {
        match cx.wc(j + 1) {
            Wc::RelDay(off) => (1, off, j + 2),
            _ if cx.is(j + 1, "now") => (1, 0, j + 2),
            _ => return None,
        }
    } else {
        return None;
    };
    let (ay, am, ad) = civil_from_days(base + anchor);
    let (y, m, d) = add_months(ay, am, ad, sign * months);
    let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + sign * days);
    Some(DateHit {
        s: i,
        e,
        iso: iso(Some(y), m, d),
        anchor: (sign > 0).then(|| iso(Some(ay), am, ad)),
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn date(s: &str, ctx: &Context) -> Option<(String, String)> {
        let mut t = Vec::new();
        tokenize(s, &mut t);
        let cx = Cx { text: s, t: &t };
        (0..t.len()).find_map(|i| {
            let h = parse_date(&cx, i, ctx)
                .or_else(|| ctx.today.and_then(|d| parse_relative(&cx, i, d)))?;
            Some((h.iso, s[t[h.s].s..t[h.e - 1].e].to_string()))
        })
    }

    fn d(s: &str) -> String {
        date(s, &Context::default()).unwrap().0
    }

    #[test]
    fn written_dates() {
        assert_eq!(d("on May 9, 2025."), "2025-05-09");
        assert_eq!(d("on 9 May 2025"), "2025-05-09");
        assert_eq!(d("I'll go back 01st Jan 2019."), "2019-01-01");
        assert_eq!(d("on 28 june in 2020."), "2020-06-28");
        assert_eq!(d("I bought it December 27"), "XXXX-12-27");
        assert_eq!(d("in 2017 april."), "2017-04");
        assert_eq!(d("in May 2025"), "2025-05");
        assert_eq!(d("in October the"), "XXXX-10");
        assert_eq!(d("on may 5th"), "XXXX-05-05");
        assert_eq!(d("january first two thousand and thirty two"), "2032-01-01");
        assert_eq!(d("6 April seventeen hundred thirty three"), "1733-04-06");
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(d("2025-05-09"), "2025-05-09");
        assert_eq!(d("Friday 2018-7-6 with"), "2018-07-06");
        assert_eq!(d("Friday 7-6 with"), "XXXX-07-06");
        assert_eq!(d("-20200701-"), "2020-07-01");
        assert_eq!(d("from 10/1/2018 - 10/7/2018"), "2018-10-01/2018-10-07");
        assert_eq!(d("on 31.12.2019"), "2019-12-31");
        assert_eq!(d("back Jan-1 now"), "XXXX-01-01");
        assert_eq!(d("from 4 to 22 January 2019"), "2019-01-04/2019-01-22");
        assert_eq!(d("on January 4-22"), "XXXX-01-04/XXXX-01-22");
        assert_eq!(d("May 9 to 11, 2025"), "2025-05-09/2025-05-11");
    }

    #[test]
    fn context_year_fills_partial_dates() {
        let ctx = Context {
            year: Some(2025),
            ..Context::default()
        };
        assert_eq!(date("on May 9 the", &ctx).unwrap().0, "2025-05-09");
    }

    #[test]
    fn not_dates() {
        assert!(date("they did not march in the rain", &Context::default()).is_none());
        assert!(date("you may 3", &Context::default()).is_none());
        assert!(date("a 7-6 win", &Context::default()).is_none());
    }

    #[test]
    fn relative_dates() {
        let ctx = Context {
            today: Some((2016, 11, 7)),
            ..Context::default()
        };
        assert_eq!(date("back today", &ctx).unwrap().0, "2016-11-07");
        assert_eq!(date("since tomorrow", &ctx).unwrap().0, "2016-11-08");
        assert_eq!(
            date("the day after tomorrow", &ctx).unwrap(),
            ("2016-11-09".into(), "the day after tomorrow".into())
        );
        assert_eq!(
            date("2 weeks and 2 days ago they", &ctx).unwrap().0,
            "2016-10-22"
        );
        let ctx = Context {
            today: Some((2018, 5, 29)),
            ..Context::default()
        };
        assert_eq!(
            date("more than 2 weeks after today", &ctx).unwrap().0,
            "2018-06-12"
        );
        let ctx = Context {
            today: Some((2016, 11, 7)),
            ..Context::default()
        };
        assert_eq!(
            date("for the last 3 months", &ctx).unwrap().0,
            "2016-08-07/2016-11-07"
        );
        assert_eq!(
            date("in the 10 previous weeks", &ctx).unwrap().0,
            "2016-08-29/2016-11-07"
        );
    }

    #[test]
    fn weeks_and_months() {
        assert_eq!(iso_week((2016, 11, 7), 0), "2016-W45");
        assert_eq!(iso_week((2016, 11, 7), 1), "2016-W46");
        assert_eq!(iso_week((2021, 1, 2), 0), "2020-W53");
        assert_eq!(month_offset((2016, 1, 31), -1), "2015-12");
    }

    #[test]
    fn civil_round_trip() {
        for z in [-800_000i64, -1, 0, 1, 17_000, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }
}
