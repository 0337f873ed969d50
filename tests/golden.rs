//! Golden tests: every `fixtures/<case>/` holds a page (`source.html` or
//! `source.txt`) and a hand-written specification `expected.json` of what a
//! clean extraction must contain. One table-driven test walks them all and
//! reports every failed check as `<case>: <check>: <detail>`.
//!
//! The expected files are specifications, not dumps: there is no
//! "update golden" mode. They say what matters (the title, each paragraph
//! exactly once under the right heading and in order, the headings in order
//! with their level, boilerplate that must be gone, a few metadata fields and
//! facts) and nothing that may legitimately vary (whitespace, block kinds not
//! named, paragraphs not listed unless `no_other_blocks` is set).
//!
//! The checks mirror `../shared/eval/check_structure.py` (the structure check
//! of the seed page) and `check_seed_facts.py` (fact matching), working on the
//! article's JSON form exactly as `clean --format json` prints it.
//!
//! # `expected.json`
//!
//! ```json
//! {
//!   "about": "what this case is for (free text, not checked)",
//!   "input": "html | text (default: from the source file's extension)",
//!   "encoding": "optional caller hint, e.g. windows-1251 (Options::encoding)",
//!   "title": "exact title, whitespace-normalised; null = no title",
//!   "title_also_accepted": ["other acceptable titles"],
//!   "byline": "exact", "site_name": "exact", "lang": "exact",
//!   "description": "exact", "published": "prefix, e.g. 2025-05-10",
//!   "sections": [
//!     {"heading": null, "paragraphs": ["lead paragraph", "..."]},
//!     {"heading": "A heading", "level": 2, "paragraphs": [
//!        "exact paragraph text",
//!        {"text": "exact text", "kind": "list_item"},
//!        {"contains": ["substring", "another"], "kind": "table"}
//!     ]}
//!   ],
//!   "no_other_blocks": false,
//!   "absent": ["strings that must not appear in the body text"],
//!   "present": ["strings that must appear in the body text"],
//!   "facts": [{"text": "about 12,000", "value": 12000,
//!              "qualifier": "approximately", "category": "troops"}],
//!   "facts_absent": ["Article 4"],
//!   "facts_exclusive_categories": ["troops", "killed"]
//! }
//! ```
//!
//! * Every key but `sections` is optional; a missing key is not checked.
//! * Text comparisons collapse runs of whitespace (a `<br>` rendered as a
//!   newline equals a space) and trim, as `check_structure.py` does.
//! * `sections` lists the expected sections in order; as in
//!   `check_structure.py` the headings must match the article's section
//!   headings exactly and in order with none extra, and each listed paragraph
//!   must occur exactly once among all blocks, in the first section holding
//!   it, in the listed order relative to the other listed paragraphs.
//! * `no_other_blocks: true` makes the listed paragraphs exhaustive.
//! * `absent`/`present` look at the body (`text` plus every block), not at
//!   the metadata; the spec is itself checked: an `absent` string may not
//!   occur in an expected heading or paragraph.
//! * `facts`: each expected fact must match a distinct fact of the article
//!   whose text (less a leading qualifier word, as in `check_seed_facts.py`;
//!   a unit word after the number may be part of the span) and value match, and whose other given fields are equal (numbers within
//!   1e-9, dates on their first 10 characters).
//! * `facts_absent`: no fact may have this text. `facts_exclusive_categories`:
//!   every fact of these categories must be one of the expected facts.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use article_extract::{extract_html, extract_text, Options};
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    /// What the case is for; documentation only.
    #[serde(default)]
    #[allow(dead_code)]
    about: Option<String>,
    #[serde(default)]
    input: Option<String>,
    #[serde(default)]
    encoding: Option<String>,
    #[serde(default, deserialize_with = "present_or_null")]
    title: Option<Option<String>>,
    #[serde(default)]
    title_also_accepted: Vec<String>,
    #[serde(default)]
    byline: Option<String>,
    #[serde(default)]
    site_name: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    published: Option<String>,
    sections: Vec<SectionSpec>,
    #[serde(default)]
    no_other_blocks: bool,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    present: Vec<String>,
    #[serde(default)]
    facts: Vec<serde_json::Map<String, Value>>,
    #[serde(default)]
    facts_absent: Vec<String>,
    #[serde(default)]
    facts_exclusive_categories: Vec<String>,
}

/// `"title": null` means "the article has no title"; a missing key means
/// "not checked".
fn present_or_null<'de, D>(d: D) -> Result<Option<Option<String>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    Option::<String>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionSpec {
    heading: Option<String>,
    #[serde(default)]
    level: Option<u8>,
    paragraphs: Vec<ParaSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ParaSpec {
    Exact(String),
    Detailed(ParaDetail),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParaDetail {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    kind: Option<String>,
}

impl ParaSpec {
    fn describe(&self) -> String {
        match self {
            ParaSpec::Exact(t) => format!("{:?}", short(&norm(t))),
            ParaSpec::Detailed(d) => match &d.text {
                Some(t) => format!(
                    "{:?} ({})",
                    short(&norm(t)),
                    d.kind.as_deref().unwrap_or("any kind")
                ),
                None => format!(
                    "containing {:?} ({})",
                    d.contains,
                    d.kind.as_deref().unwrap_or("any kind")
                ),
            },
        }
    }

    /// Does the block (normalised text, kind) satisfy this spec?
    fn matches(&self, text: &str, kind: &str) -> bool {
        match self {
            ParaSpec::Exact(t) => norm(t) == text,
            ParaSpec::Detailed(d) => {
                if let Some(k) = &d.kind {
                    if k != kind {
                        return false;
                    }
                }
                match &d.text {
                    Some(t) => norm(t) == text,
                    None => d.contains.iter().all(|c| text.contains(&norm(c))),
                }
            }
        }
    }

    /// All the expected text of this paragraph, for the spec's own check.
    fn texts(&self) -> Vec<String> {
        match self {
            ParaSpec::Exact(t) => vec![norm(t)],
            ParaSpec::Detailed(d) => d.text.iter().chain(&d.contains).map(|t| norm(t)).collect(),
        }
    }
}

/// Collapse whitespace runs to one space and trim (Python `re.sub(r"\s+", " ", s).strip()`).
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn short(s: &str) -> String {
    const MAX: usize = 70;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}

fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// One block of the article as the checks see it.
struct GotBlock {
    text: String,
    kind: String,
    heading: Option<String>,
}

/// Collects failed checks of one case.
struct Report {
    case: String,
    failures: Vec<String>,
    checks: usize,
}

impl Report {
    fn check(&mut self, name: &str, ok: bool, detail: impl FnOnce() -> String) {
        self.checks += 1;
        if !ok {
            let d = detail();
            if d.is_empty() {
                self.failures.push(format!("{}: {name}", self.case));
            } else {
                self.failures.push(format!("{}: {name}: {d}", self.case));
            }
        }
    }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every case directory, sorted. A directory whose name starts with `_` or
/// `.` is not a case.
fn cases() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures/ directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('_') && !name.starts_with('.')
        })
        .collect();
    out.sort();
    out
}

fn source_of(dir: &Path) -> Result<(PathBuf, &'static str), String> {
    let html = dir.join("source.html");
    let txt = dir.join("source.txt");
    match (html.exists(), txt.exists()) {
        (true, false) => Ok((html, "html")),
        (false, true) => Ok((txt, "text")),
        (true, true) => Err("both source.html and source.txt; keep one".into()),
        (false, false) => Err("no source.html or source.txt".into()),
    }
}

/// Run one case; return its report (failures empty when it passes).
fn run_case(dir: &Path) -> Report {
    let case = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut r = Report {
        case,
        failures: Vec::new(),
        checks: 0,
    };
    let (src, default_input) = match source_of(dir) {
        Ok(s) => s,
        Err(e) => {
            r.check("fixture", false, || e);
            return r;
        }
    };
    let spec: Spec = match std::fs::read_to_string(dir.join("expected.json"))
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(s) => s,
        Err(e) => {
            r.check("expected.json readable", false, || e);
            return r;
        }
    };
    check_spec(&spec, &mut r);
    let bytes = std::fs::read(&src).expect("read source");
    let options = Options {
        encoding: spec.encoding.clone(),
        ..Options::default()
    };
    let input = spec.input.as_deref().unwrap_or(default_input);
    let result = match input {
        "html" => extract_html(&bytes, &options),
        "text" => match std::str::from_utf8(&bytes) {
            Ok(s) => extract_text(s, &options),
            Err(e) => {
                r.check("source.txt is UTF-8", false, || e.to_string());
                return r;
            }
        },
        other => {
            r.check("input is html or text", false, || format!("got {other:?}"));
            return r;
        }
    };
    let article = match result {
        Ok(a) => a,
        Err(e) => {
            r.check("extraction succeeds", false, || e.to_string());
            return r;
        }
    };
    let json = serde_json::to_value(&article).expect("Article serialises");
    check_article(&spec, &json, &mut r);
    if std::env::var_os("GOLDEN_CASE").is_some() && !r.failures.is_empty() {
        eprintln!(
            "{}: what the extractor gave:\n{}",
            r.case,
            outline(&article)
        );
    }
    r
}

/// A short view of an article for a failing case: metadata, then each
/// section's heading and the start of each block.
fn outline(a: &article_extract::Article) -> String {
    let mut out = format!(
        "  title {:?}\n  byline {:?} · published {:?} · site {:?} · lang {:?}\n",
        a.title, a.byline, a.published, a.site_name, a.lang
    );
    for s in &a.sections {
        let _ = writeln!(
            out,
            "  [h{}] {:?}",
            s.level,
            s.heading.as_deref().unwrap_or("(lead)")
        );
        for b in &s.blocks {
            let _ = writeln!(out, "      {:?} {:?}", b.kind, short(&b.text));
        }
    }
    out
}

/// The spec must not contradict itself: boilerplate that must be absent may
/// not be part of the expected content.
fn check_spec(spec: &Spec, r: &mut Report) {
    let mut content: Vec<String> = Vec::new();
    for s in &spec.sections {
        content.extend(s.heading.iter().map(|h| norm(h)));
        for p in &s.paragraphs {
            content.extend(p.texts());
        }
    }
    for a in &spec.absent {
        let a = norm(a);
        let clash = content.iter().find(|c| c.contains(&a));
        r.check(
            "spec: absent string not in expected content",
            clash.is_none(),
            || format!("{:?} occurs in {:?}", a, short(clash.unwrap())),
        );
    }
}

fn check_article(spec: &Spec, a: &Value, r: &mut Report) {
    // Metadata.
    let got_title = str_field(a, "title").map(norm);
    let mut titles: Vec<String> = Vec::new();
    if let Some(want) = &spec.title {
        match want {
            None => r.check("title is null", got_title.is_none(), || {
                format!("got {:?}", got_title)
            }),
            Some(t) => {
                titles.push(norm(t));
                titles.extend(spec.title_also_accepted.iter().map(|t| norm(t)));
                let ok = got_title.as_ref().is_some_and(|g| titles.contains(g));
                r.check("title", ok, || {
                    format!("want {:?}, got {:?}", norm(t), got_title)
                });
            }
        }
    }
    for (key, want) in [
        ("byline", &spec.byline),
        ("site_name", &spec.site_name),
        ("lang", &spec.lang),
        ("description", &spec.description),
    ] {
        if let Some(w) = want {
            let got = str_field(a, key).map(norm);
            r.check(key, got.as_deref() == Some(norm(w).as_str()), || {
                format!("want {:?}, got {:?}", norm(w), got)
            });
        }
    }
    if let Some(p) = &spec.published {
        let got = str_field(a, "published").map(norm);
        let ok = got.as_ref().is_some_and(|g| g.starts_with(p.as_str()));
        r.check("published", ok, || {
            format!("want prefix {p:?}, got {got:?}")
        });
    }

    // Sections and blocks.
    let empty = Vec::new();
    let sections = a
        .get("sections")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let mut blocks: Vec<GotBlock> = Vec::new();
    let mut got_heads: Vec<(String, u64)> = Vec::new();
    for s in sections {
        let heading = str_field(s, "heading").map(norm).filter(|h| !h.is_empty());
        if let Some(h) = &heading {
            got_heads.push((
                h.clone(),
                s.get("level").and_then(Value::as_u64).unwrap_or(0),
            ));
        }
        for b in s.get("blocks").and_then(Value::as_array).unwrap_or(&empty) {
            blocks.push(GotBlock {
                text: norm(str_field(b, "text").unwrap_or("")),
                kind: str_field(b, "kind").unwrap_or("").to_string(),
                heading: heading.clone(),
            });
        }
    }
    let want_heads: Vec<String> = spec
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref().map(norm))
        .collect();
    for h in &want_heads {
        r.check(
            "heading present",
            got_heads.iter().any(|(g, _)| g == h),
            || format!("{:?}", short(h)),
        );
    }
    let got_names: Vec<&String> = got_heads.iter().map(|(h, _)| h).collect();
    r.check(
        "headings in order, none extra",
        got_names.iter().copied().eq(want_heads.iter()),
        || {
            let extra: Vec<_> = got_names
                .iter()
                .filter(|g| !want_heads.contains(g))
                .collect();
            format!(
                "got {} headings, want {}; extra: {:?}; got: {:?}",
                got_names.len(),
                want_heads.len(),
                extra,
                got_names
            )
        },
    );
    for s in &spec.sections {
        if let (Some(h), Some(level)) = (&s.heading, s.level) {
            let h = norm(h);
            if let Some((_, got)) = got_heads.iter().find(|(g, _)| *g == h) {
                r.check("heading level", *got == u64::from(level), || {
                    format!("{:?}: want {level}, got {got}", short(&h))
                });
            }
        }
    }

    // Each expected paragraph exactly once, under the right heading.
    let mut matched_blocks = vec![false; blocks.len()];
    let mut want_order: Vec<usize> = Vec::new(); // per expected paragraph: first matching block index
    let mut order_ok = true;
    for s in &spec.sections {
        let want_head = s.heading.as_deref().map(norm);
        for p in &s.paragraphs {
            let hits: Vec<usize> = (0..blocks.len())
                .filter(|&i| p.matches(&blocks[i].text, &blocks[i].kind))
                .collect();
            for &i in &hits {
                matched_blocks[i] = true;
            }
            let under = hits.first().map(|&i| blocks[i].heading.clone());
            let ok = hits.len() == 1 && under.as_ref() == Some(&want_head);
            r.check("paragraph once, under its heading", ok, || {
                let where_ = match &under {
                    None => "missing".to_string(),
                    Some(h) => format!("found {} time(s), first under {:?}", hits.len(), h),
                };
                format!("{} (want under {:?}): {where_}", p.describe(), want_head)
            });
            // Order is judged on the paragraphs found; a missing one is
            // already reported above.
            if let Some(&i) = hits.first() {
                if want_order.last().is_some_and(|&prev| prev >= i) {
                    order_ok = false;
                }
                want_order.push(i);
            }
        }
    }
    r.check("paragraph order", order_ok, || {
        format!(
            "expected paragraphs appear at block indexes {want_order:?} (of {})",
            blocks.len()
        )
    });
    if spec.no_other_blocks {
        for (i, b) in blocks.iter().enumerate() {
            r.check("no other blocks", matched_blocks[i], || {
                format!("unexpected {} block {:?}", b.kind, short(&b.text))
            });
        }
    }
    if !titles.is_empty() {
        let rep = blocks.iter().find(|b| titles.contains(&b.text));
        r.check("title not repeated as a body block", rep.is_none(), || {
            format!("{:?}", short(&rep.unwrap().text))
        });
    }

    // Boilerplate gone, required strings there.
    let mut body = norm(str_field(a, "text").unwrap_or(""));
    for b in &blocks {
        body.push(' ');
        body.push_str(&b.text);
    }
    for s in &spec.absent {
        let s = norm(s);
        if titles.contains(&s) {
            continue;
        }
        r.check("absent from body", !body.contains(&s), || {
            format!("{:?}", short(&s))
        });
    }
    for s in &spec.present {
        let s = norm(s);
        r.check("present in body", body.contains(&s), || {
            format!("{:?}", short(&s))
        });
    }

    check_facts(spec, a, r);
}

/// Strip one leading qualifier word, as `check_seed_facts.py` does.
fn number_core(t: &str) -> String {
    const QUALIFIERS: &[&str] = &[
        "about",
        "nearly",
        "almost",
        "around",
        "some",
        "at least",
        "more than",
        "over",
        "up to",
        "roughly",
        "approximately",
        "an estimated",
        "last",
    ];
    let t = norm(t).to_lowercase();
    for q in QUALIFIERS {
        if let Some(rest) = t.strip_prefix(q).and_then(|r| r.strip_prefix(' ')) {
            return norm(rest);
        }
    }
    t
}

/// The fact's text matches the expected one: equal once a leading qualifier
/// word is stripped, or the expected text followed by a unit word
/// (`at least 750` matches a span `at least 750 kilometres`).
fn same_span_text(got: &str, want: &str) -> bool {
    let (g, w) = (number_core(got), number_core(want));
    g == w
        || g.strip_prefix(w.as_str())
            .is_some_and(|rest| rest.starts_with(' '))
}

fn same_value(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Number(w), Value::Number(g)) => {
            let (w, g) = (
                w.as_f64().unwrap_or(f64::NAN),
                g.as_f64().unwrap_or(f64::NAN),
            );
            (w - g).abs() <= 1e-9 * w.abs().max(g.abs()).max(1.0)
        }
        (Value::Array(w), Value::Array(g)) => {
            w.len() == g.len() && w.iter().zip(g).all(|(w, g)| same_value(w, g))
        }
        (Value::String(w), Value::String(g)) => {
            let n = 10;
            w.chars().take(n).eq(g.chars().take(n))
        }
        _ => want == got,
    }
}

/// Other fact fields: strings equal ignoring case and whitespace, numbers as values.
fn same_field(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::String(w), Value::String(g)) => norm(w).to_lowercase() == norm(g).to_lowercase(),
        _ => same_value(want, got),
    }
}

fn check_facts(spec: &Spec, a: &Value, r: &mut Report) {
    if spec.facts.is_empty()
        && spec.facts_absent.is_empty()
        && spec.facts_exclusive_categories.is_empty()
    {
        return;
    }
    let empty = Vec::new();
    let facts = a.get("facts").and_then(Value::as_array).unwrap_or(&empty);
    let mut used = vec![false; facts.len()];
    if facts.is_empty() && !spec.facts.is_empty() {
        let n = spec.facts.len();
        r.check("facts found", false, || {
            format!("the article has no facts at all ({n} expected)")
        });
        return;
    }
    for want in &spec.facts {
        let wtext = want.get("text").and_then(Value::as_str).unwrap_or("");
        let wvalue = want.get("value");
        let candidates: Vec<usize> = (0..facts.len())
            .filter(|&j| !used[j])
            .filter(|&j| same_span_text(str_field(&facts[j], "text").unwrap_or(""), wtext))
            .filter(|&j| {
                wvalue.map_or(true, |v| {
                    facts[j].get("value").is_some_and(|g| same_value(v, g))
                })
            })
            .collect();
        let Some(&j) = candidates.first() else {
            let near: Vec<String> = facts
                .iter()
                .filter(|f| same_span_text(str_field(f, "text").unwrap_or(""), wtext))
                .map(|f| f.to_string())
                .collect();
            r.check("fact found", false, || {
                format!(
                    "{:?} value {:?}; same text, other value: {:?}",
                    wtext, wvalue, near
                )
            });
            continue;
        };
        used[j] = true;
        let got = &facts[j];
        let mut wrong = String::new();
        for (k, v) in want {
            if k == "text" || k == "value" {
                continue;
            }
            let g = got.get(k).unwrap_or(&Value::Null);
            if !same_field(v, g) {
                let _ = write!(wrong, " {k}: want {v}, got {g};");
            }
        }
        r.check("fact fields", wrong.is_empty(), || {
            format!("{wtext:?}:{wrong}")
        });
    }
    for t in &spec.facts_absent {
        let hit = facts
            .iter()
            .find(|f| norm(str_field(f, "text").unwrap_or("")) == norm(t));
        r.check("not a fact", hit.is_none(), || {
            format!("{t:?} reported: {}", hit.unwrap())
        });
    }
    for (j, f) in facts.iter().enumerate() {
        let cat = str_field(f, "category").unwrap_or("");
        if !used[j] && spec.facts_exclusive_categories.iter().any(|c| c == cat) {
            r.check("no false alarm", false, || {
                format!("{:?} as {cat}", str_field(f, "text").unwrap_or(""))
            });
        }
    }
}

#[test]
fn golden_fixtures() {
    let only = std::env::var("GOLDEN_CASE").ok();
    let cases = cases();
    assert!(
        !cases.is_empty(),
        "no fixtures found in {}",
        fixtures_dir().display()
    );
    let mut failures = Vec::new();
    let mut summary = String::new();
    let mut ran = 0;
    for dir in &cases {
        let name = dir.file_name().unwrap().to_string_lossy();
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        ran += 1;
        let rep = run_case(dir);
        let _ = writeln!(
            summary,
            "  {:<34} {}/{} checks passed",
            rep.case,
            rep.checks - rep.failures.len(),
            rep.checks
        );
        failures.extend(rep.failures);
    }
    eprintln!("golden fixtures ({ran} cases):\n{summary}");
    assert!(ran > 0, "GOLDEN_CASE={only:?} matches no fixture");
    if !failures.is_empty() {
        panic!(
            "{} golden check(s) failed:\n  {}\n(run one case with GOLDEN_CASE=<name> cargo test --test golden -- --nocapture)",
            failures.len(),
            failures.join("\n  ")
        );
    }
}

/// The article a perfect extractor would give for `spec`, as JSON.
fn ideal_article(spec: &Spec) -> Value {
    use serde_json::json;
    let mut text = Vec::new();
    let mut sections = Vec::new();
    for s in &spec.sections {
        if let Some(h) = &s.heading {
            text.push(h.clone());
        }
        let blocks: Vec<Value> = s
            .paragraphs
            .iter()
            .map(|p| {
                let (t, kind) = match p {
                    ParaSpec::Exact(t) => (t.clone(), "paragraph".to_string()),
                    ParaSpec::Detailed(d) => (
                        d.text.clone().unwrap_or_else(|| d.contains.join(" ")),
                        d.kind.clone().unwrap_or_else(|| "paragraph".into()),
                    ),
                };
                text.push(t.clone());
                json!({"kind": kind, "text": t})
            })
            .collect();
        sections.push(json!({"heading": s.heading, "level": s.level.unwrap_or(if s.heading.is_some() { 2 } else { 0 }), "blocks": blocks}));
    }
    // Text the spec requires without placing it in a block (e.g. around a `<br>`).
    text.extend(spec.present.iter().cloned());
    let facts: Vec<Value> = spec
        .facts
        .iter()
        .map(|f| {
            let mut f = f.clone();
            f.insert("section".into(), json!(0));
            f.insert("block".into(), json!(0));
            Value::Object(f)
        })
        .collect();
    json!({
        "title": spec.title.clone().flatten(),
        "byline": spec.byline, "published": spec.published, "site_name": spec.site_name,
        "lang": spec.lang, "description": spec.description,
        "sections": sections, "facts": facts, "text": text.join("\n\n"),
    })
}

/// Every spec is satisfiable: the ideal article passes all its checks. This
/// catches a spec that contradicts itself (an `absent` string that the
/// expected text would contain, a heading listed twice, ...).
#[test]
fn every_spec_accepts_its_ideal_article() {
    let mut failures = Vec::new();
    for dir in cases() {
        let case = dir.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(dir.join("expected.json")).expect("expected.json");
        let spec: Spec =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{case}: expected.json: {e}"));
        let mut r = Report {
            case,
            failures: Vec::new(),
            checks: 0,
        };
        check_spec(&spec, &mut r);
        check_article(&spec, &ideal_article(&spec), &mut r);
        failures.extend(r.failures);
    }
    assert!(
        failures.is_empty(),
        "specs that reject their own ideal article:\n  {}",
        failures.join("\n  ")
    );
}

#[test]
fn number_core_strips_one_qualifier() {
    assert_eq!(number_core("about 12,000"), "12,000");
    assert_eq!(number_core("At least  5"), "5");
    assert_eq!(number_core("2016-17"), "2016-17");
}

#[test]
fn a_unit_after_the_number_may_be_part_of_the_span() {
    assert!(same_span_text("at least 750 kilometres", "at least 750"));
    assert!(same_span_text("750", "at least 750"));
    assert!(!same_span_text("7500", "750"));
    assert!(!same_span_text("750", "750 kilometres"));
}

#[test]
fn values_compare_like_the_python_checker() {
    use serde_json::json;
    assert!(same_value(&json!(12000), &json!(12000.0)));
    assert!(same_value(&json!([2016, 2017]), &json!([2016.0, 2017.0])));
    assert!(same_value(
        &json!("2025-05-09"),
        &json!("2025-05-09T00:00:00Z")
    ));
    assert!(!same_value(&json!(4000), &json!(400)));
    assert!(!same_value(&json!("approximately"), &json!("nearly")));
}
