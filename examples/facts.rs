//! Numeric facts of JSON Lines on stdin.
//!
//! Each input line is `{"id": ..., "input": "text", "context": {"ReferenceDateTime": "2016-11-07T00:00:00"}}`
//! (`context` optional); each output line is `{"id": ..., "facts": [...]}`
//! with the facts of `article_extract::facts::extract_with_context`.
//!
//! Options, to render the facts in the conventions of an evaluation set:
//! - `--skip CAT,CAT`: drop facts of these categories (e.g. `year,year_range,date,ordinal`
//!   for a set that annotates no years, dates or ordinals);
//! - `--only CAT,CAT`: keep only facts of these categories;
//! - `--open-ranges`: write a qualified bound as a half-open range
//!   (`more than 20` → `[20, null]`, `up to 5` → `[null, 5]`);
//! - `--timex`: write year ranges and date intervals as TIMEX periods
//!   (`2014-2018` → `(2014-01-01,2018-01-01,P4Y)`, `1990s` → `(1990-01-01,2000-01-01,P10Y)`,
//!   `10/1/2018 - 10/7/2018` → `(2018-10-01,2018-10-07,P6D)`);
//! - `--set NAME`: the conventions of one evaluation set (from its README and
//!   spec files, not from its answers):
//!   - `newsquant` (quantities; no years, dates, ordinals or ages in apposition):
//!     `--skip year,year_range,date,ordinal,age`;
//!   - `rt_number` (every number but dates, ranges with open ends):
//!     `--open-ranges --skip year,year_range,date`;
//!   - `rt_numberwithunit` (currency, dimensions, temperatures, ages):
//!     `--only money,quantity,age`;
//!   - `rt_dates` (dates and date ranges as TIMEX): `--timex --only date,year,year_range`.
//!
//! ```text
//! cargo run --release --example facts -- --set newsquant < cases.jsonl > pred.jsonl
//! ```

use std::io::{self, BufRead, BufWriter, Write};

use article_extract::facts::{self, Category, Context, Fact, Qualifier, Value};
use serde_json::{json, Value as J};

struct Opts {
    skip: Vec<String>,
    only: Vec<String>,
    open_ranges: bool,
    timex: bool,
}

fn cat_name(c: Category) -> String {
    serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn days(d: &str) -> Option<i64> {
    let d = d.replace("XXXX", "2000");
    let mut it = d.split('-').map(|x| x.parse::<i64>().ok());
    let (y, m, dd) = (it.next()??, it.next()??, it.next()??);
    let y = y - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + dd - 1;
    Some(era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy)
}

/// The TIMEX duration of an interval, in the coarsest unit that fits it.
fn period(a: &str, b: &str, days: i64) -> String {
    let ymd = |s: &str| -> Vec<i64> {
        s.replace("XXXX", "2000")
            .split('-')
            .filter_map(|x| x.parse().ok())
            .collect()
    };
    let (x, y) = (ymd(a), ymd(b));
    if x.len() == 3 && y.len() == 3 {
        if x[1..] == y[1..] {
            return format!("P{}Y", y[0] - x[0]);
        }
        if x[2] == y[2] {
            return format!("P{}M", (y[0] - x[0]) * 12 + y[1] - x[1]);
        }
    }
    if days % 7 == 0 {
        format!("P{}W", days / 7)
    } else {
        format!("P{days}D")
    }
}

fn render(f: &Fact, o: &Opts) -> J {
    let mut v = serde_json::to_value(f).unwrap_or(J::Null);
    let value = match (&f.value, f.category) {
        (Value::Range(a, b), Category::YearRange) if o.timex => {
            let decade = f.text.trim_end().ends_with('s');
            let end = if decade { *b as i64 + 1 } else { *b as i64 };
            json!(format!(
                "({:04}-01-01,{:04}-01-01,P{}Y)",
                *a as i64,
                end,
                end - *a as i64
            ))
        }
        (Value::Date(d), _) if o.timex && d.contains('/') => {
            let (a, b) = d.split_once('/').unwrap_or((d, d));
            match (days(a), days(b)) {
                (Some(x), Some(y)) => json!(format!("({a},{b},{})", period(a, b, y - x))),
                _ => json!(d),
            }
        }
        (Value::Number(x), _) if o.open_ranges => match f.qualifier {
            Qualifier::MoreThan | Qualifier::AtLeast => json!([x, null]),
            Qualifier::LessThan | Qualifier::AtMost => json!([null, x]),
            _ => json!(x),
        },
        _ => v["value"].clone(),
    };
    v["value"] = value;
    v
}

fn reference(line: &J) -> Option<(i32, u32, u32)> {
    let s = line.get("context")?.get("ReferenceDateTime")?.as_str()?;
    let mut it = s.get(..10)?.split('-');
    Some((
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    ))
}

fn list(arg: Option<String>) -> Vec<String> {
    arg.map(|s| s.split(',').map(str::to_string).collect())
        .unwrap_or_default()
}

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut o = Opts {
        skip: Vec::new(),
        only: Vec::new(),
        open_ranges: false,
        timex: false,
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--skip" => o.skip = list(args.next()),
            "--only" => o.only = list(args.next()),
            "--open-ranges" => o.open_ranges = true,
            "--timex" => o.timex = true,
            "--set" => {
                let set = args.next().unwrap_or_default();
                let (skip, only, open, timex) = match set.as_str() {
                    "newsquant" => ("year,year_range,date,ordinal,age", "", false, false),
                    "rt_number" => ("year,year_range,date", "", true, false),
                    "rt_numberwithunit" => ("", "money,quantity,age", false, false),
                    "rt_dates" => ("", "date,year,year_range", false, true),
                    _ => {
                        eprintln!("unknown set {set:?}");
                        std::process::exit(2);
                    }
                };
                o.skip = list((!skip.is_empty()).then(|| skip.to_string()));
                o.only = list((!only.is_empty()).then(|| only.to_string()));
                o.open_ranges = open;
                o.timex = timex;
            }
            _ => {
                eprintln!(
                    "usage: facts [--set NAME] [--skip CATS] [--only CATS] [--open-ranges] [--timex] < in.jsonl"
                );
                std::process::exit(2);
            }
        }
    }
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let Ok(j) = serde_json::from_str::<J>(&line) else {
            eprintln!("skipping a line that is not JSON");
            continue;
        };
        let input = j.get("input").and_then(J::as_str).unwrap_or("");
        let ctx = Context {
            year: None,
            today: reference(&j),
        };
        let found = if ctx.today.is_some() {
            facts::extract_with_context(input, &ctx)
        } else {
            facts::extract(input)
        };
        let rendered: Vec<J> = found
            .iter()
            .filter(|f| {
                let c = cat_name(f.category);
                !o.skip.contains(&c) && (o.only.is_empty() || o.only.contains(&c))
            })
            .map(|f| render(f, &o))
            .collect();
        let rec = json!({"id": j.get("id").cloned().unwrap_or(J::Null), "facts": rendered});
        writeln!(out, "{rec}")?;
    }
    out.flush()
}
