//! Side-by-side throughput of article-extract and its peers, in one process,
//! on the same pages: `scraper`'s bare parse (the floor under us),
//! `dom_smoothie`, the Rust `trafilatura` port, and our `extract_html`; plus
//! our plain-text path and `facts::extract` on article text.
//!
//! ```text
//! cargo run --release -p article-extract-peers -- [--dir DIR] [--text-dir DIR]
//!     [--truth FILE] [--rounds N] [--out DIR] [--engines parse,ours,dom_smoothie,trafilatura|none]
//! ```
//!
//! Defaults read `../shared/eval/articles/{dev,dev-text,dev-truth.json}` beside
//! the repository. Every engine gets the pages already decoded to `&str`,
//! except ours, which gets the raw bytes and decodes them itself (so our
//! figure includes charset decoding, theirs does not). Rounds are interleaved
//! (round 1 of every engine, then round 2, ...) so that load from other
//! processes falls on all engines alike; the median round is reported.
//!
//! `--out DIR` writes each engine's text of each page to
//! `DIR/<engine>/<id>.txt`, to score with `score_articles.py`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use article_extract::{stages, Extractor, Options};

struct Page {
    id: String,
    bytes: Vec<u8>,
    text: String,
}

struct Args {
    dir: PathBuf,
    text_dir: PathBuf,
    truth: PathBuf,
    rounds: usize,
    out: Option<PathBuf>,
    engines: Vec<String>,
}

const ENGINES: [&str; 4] = ["parse", "ours", "dom_smoothie", "trafilatura"];

fn usage() -> ! {
    eprintln!(
        "usage: article-extract-peers [--dir DIR] [--text-dir DIR] [--truth FILE] \
         [--rounds N] [--out DIR] [--engines {}|none]",
        ENGINES.join(",")
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let eval = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/articles")
        .components()
        .collect::<PathBuf>();
    let mut a = Args {
        dir: eval.join("dev"),
        text_dir: eval.join("dev-text"),
        truth: eval.join("dev-truth.json"),
        rounds: 5,
        out: None,
        engines: ENGINES.iter().map(|s| s.to_string()).collect(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| usage());
        match flag.as_str() {
            "--dir" => a.dir = val().into(),
            "--text-dir" => a.text_dir = val().into(),
            "--truth" => a.truth = val().into(),
            "--rounds" => a.rounds = val().parse().unwrap_or_else(|_| usage()),
            "--out" => a.out = Some(val().into()),
            "--engines" => {
                a.engines = val()
                    .split(',')
                    .filter(|e| !e.is_empty() && *e != "none")
                    .map(str::to_string)
                    .collect()
            }
            _ => usage(),
        }
    }
    if a.rounds == 0 || a.engines.iter().any(|e| !ENGINES.contains(&e.as_str())) {
        usage()
    }
    a
}

fn read_dir_sorted(dir: &Path, ext: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let id = p.file_stem()?.to_string_lossy().into_owned();
            Some((id, std::fs::read(&p).ok()?))
        })
        .collect()
}

/// One engine's text of one page; `None` when it failed or panicked.
fn run(engine: &str, ex: &Extractor, page: &Page) -> Option<String> {
    catch_unwind(AssertUnwindSafe(|| match engine {
        "parse" => {
            let doc = scraper::Html::parse_document(&page.text);
            std::hint::black_box(&doc);
            None
        }
        "ours" => ex
            .extract_html(&page.bytes)
            .ok()
            .map(|a| a.text().to_string()),
        "dom_smoothie" => dom_smoothie::Readability::new(page.text.as_str(), None, None)
            .ok()
            .and_then(|mut r| r.parse().ok())
            .map(|a| a.text_content.to_string()),
        "trafilatura" => trafilatura::extract(&page.text, &trafilatura::Options::default())
            .ok()
            .map(|r| r.content_text),
        _ => unreachable!("engine names are checked in parse_args"),
    }))
    .ok()
    .flatten()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
}

/// Time `f` over `rounds` rounds after one warm-up; median round.
fn time_rounds(rounds: usize, mut f: impl FnMut()) -> Duration {
    f();
    median(
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let args = parse_args();
    let opts = Options::default();
    let ex = Extractor::new(opts.clone());

    let pages: Vec<Page> = read_dir_sorted(&args.dir, "html")
        .into_iter()
        .map(|(id, bytes)| Page {
            text: stages::decode(&bytes, &opts)
                .map(|s| s.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned()),
            id,
            bytes,
        })
        .collect();
    if pages.is_empty() || args.engines.is_empty() {
        eprintln!(
            "peers: no *.html in {} or no engine; HTML part skipped",
            args.dir.display()
        );
    } else {
        html_part(&args, &ex, &pages);
    }
    text_and_facts(&args, &ex);
}

fn html_part(args: &Args, ex: &Extractor, pages: &[Page]) {
    let total: usize = pages.iter().map(|p| p.bytes.len()).sum();
    println!(
        "{} HTML pages, {:.1} MB, from {}; {} rounds, median",
        pages.len(),
        total as f64 / 1e6,
        args.dir.display(),
        args.rounds
    );

    // Warm-up round: also the outputs for accuracy scoring.
    for engine in &args.engines {
        let dir = args.out.as_ref().map(|o| o.join(engine));
        if let Some(d) = &dir {
            if engine != "parse" {
                std::fs::create_dir_all(d).expect("create --out dir");
            }
        }
        let mut failed = 0;
        for p in pages {
            let out = run(engine, ex, p);
            if out.is_none() && engine != "parse" {
                failed += 1;
            }
            if let (Some(d), true) = (&dir, engine != "parse") {
                let mut text = out.unwrap_or_default();
                text.push('\n');
                std::fs::write(d.join(format!("{}.txt", p.id)), text).expect("write output");
            }
        }
        if failed > 0 {
            println!("  {engine}: {failed} pages gave no result (error or panic)");
        }
    }

    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); args.engines.len()];
    for _ in 0..args.rounds {
        for (i, engine) in args.engines.iter().enumerate() {
            let t = Instant::now();
            for p in pages {
                std::hint::black_box(run(engine, ex, p));
            }
            times[i].push(t.elapsed());
        }
    }
    let medians: Vec<Duration> = times.into_iter().map(median).collect();
    let of = |name: &str| {
        args.engines
            .iter()
            .position(|e| e == name)
            .map(|i| medians[i])
    };

    println!("\n{:<14} {:>10} {:>10}", "engine", "ms", "MB/s");
    for (e, d) in args.engines.iter().zip(&medians) {
        println!(
            "{:<14} {:>10.1} {:>10.1}",
            e,
            d.as_secs_f64() * 1e3,
            mbps(total, *d)
        );
    }
    if let Some(ours) = of("ours") {
        println!();
        for (peer, target) in [("dom_smoothie", 1.3), ("trafilatura", 5.0)] {
            if let Some(d) = of(peer) {
                let r = d.as_secs_f64() / ours.as_secs_f64();
                println!(
                    "ours vs {peer:<13} {r:>6.2}x throughput (target >= {target}x): {}",
                    if r >= target { "ok" } else { "MISSED" }
                );
            }
        }
        if let Some(d) = of("parse") {
            let r = ours.as_secs_f64() / d.as_secs_f64();
            println!(
                "ours / parse time     {r:>6.2}x (target <= 1.35x): {}",
                if r <= 1.35 { "ok" } else { "MISSED" }
            );
        }
    }
}

/// Plain-text path and facts, ours only.
///
/// The plain-text path is timed without facts (`facts::extract` has its own
/// line) on two inputs: the scraped dumps of `--text-dir` (article plus a
/// page's chrome, many short lines) and the clean article bodies of
/// `--truth` ("article text", what `facts::extract` is timed on). The figure
/// with facts on is printed for reference.
fn text_and_facts(args: &Args, ex: &Extractor) {
    let texts: Vec<String> = read_dir_sorted(&args.text_dir, "txt")
        .into_iter()
        .map(|(_, b)| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let bodies: Vec<String> = std::fs::read(&args.truth)
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| {
            v.as_object().map(|o| {
                o.values()
                    .filter_map(|d| d.get("articleBody")?.as_str().map(str::to_string))
                    .collect()
            })
        })
        .unwrap_or_default();
    let no_facts = Extractor::new(Options {
        facts: false,
        ..ex.options().clone()
    });
    println!();
    for (what, inputs) in [("scraped dumps", &texts), ("article bodies", &bodies)] {
        if inputs.is_empty() {
            continue;
        }
        let bytes: usize = inputs.iter().map(String::len).sum();
        let rate = |e: &Extractor| {
            mbps(
                bytes,
                time_rounds(args.rounds, || {
                    for t in inputs {
                        std::hint::black_box(e.extract_text(t).ok());
                    }
                }),
            )
        };
        let (r, with_facts) = (rate(&no_facts), rate(ex));
        println!(
            "plain text, {what}: {} pages, {:.2} MB: extract_text {r:.1} MB/s (target >= 100): {}; with facts {with_facts:.1} MB/s",
            inputs.len(),
            bytes as f64 / 1e6,
            if r >= 100.0 { "ok" } else { "MISSED" }
        );
    }
    if !bodies.is_empty() {
        let bytes: usize = bodies.iter().map(String::len).sum();
        let mut found = 0;
        let d = time_rounds(args.rounds, || {
            found = 0;
            for t in &bodies {
                found += std::hint::black_box(article_extract::facts::extract(t)).len();
            }
        });
        let r = mbps(bytes, d);
        println!(
            "facts: {} article bodies, {:.2} MB, {} facts: facts::extract {:.1} MB/s (target >= 100): {}",
            bodies.len(),
            bytes as f64 / 1e6,
            found,
            r,
            if r >= 100.0 { "ok" } else { "MISSED" }
        );
    }
}
