//! Criterion benches of the pipeline: one group per stage, end to end on
//! HTML and on plain text, and a growth group of pathological inputs.
//!
//! ```text
//! cargo bench --bench pipeline                 # all groups
//! cargo bench --bench pipeline -- e2e_html     # one group
//! cargo bench --bench pipeline -- --test       # smoke run (each bench once)
//! BENCH_PAGES=all cargo bench --bench pipeline # every page, not a sample of 16
//! ```
//!
//! Pages come from `../shared/eval/articles/dev{,-text}` (see
//! `benches/common/mod.rs` for the fallbacks). Every stage group reports
//! throughput in bytes of the *input page* (HTML or text), so the stages'
//! times add up to the end-to-end time and each one's share is visible.

use std::hint::black_box;
use std::time::Duration;

use article_extract::{stages, Extractor, Options};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

mod common;

/// Few samples of a whole corpus each: a run of every group takes minutes,
/// not hours, on a shared 2-core machine. Command-line flags still override.
fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

/// Stage groups: decode, parse (guard + bare parse), html (parse, metadata,
/// content choice, blocks), boilerplate, sections; the text stage on dev-text.
fn stage_groups(c: &mut Criterion) {
    let corpus = common::html_corpus();
    eprintln!("bench stages: {}", corpus.origin);
    let opts = Options::default();
    let total = corpus.bytes();
    let decoded: Vec<String> = corpus
        .pages
        .iter()
        .map(|p| {
            stages::decode(&p.bytes, &opts)
                .map(|s| s.into_owned())
                .unwrap_or_default()
        })
        .collect();

    let mut g = c.benchmark_group("decode");
    g.throughput(Throughput::Bytes(total));
    g.bench_function("decode", |b| {
        b.iter(|| {
            for p in &corpus.pages {
                let _ = black_box(stages::decode(black_box(&p.bytes), &opts));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(total));
    g.bench_function("guard", |b| {
        b.iter(|| {
            for p in &decoded {
                let _ = black_box(stages::guard(black_box(p), &opts));
            }
        })
    });
    g.bench_function("scraper_parse", |b| {
        b.iter(|| {
            for p in &decoded {
                black_box(stages::parse(black_box(p)));
            }
        })
    });
    g.finish();

    // Content choice and block building run inside the `html` stage on the
    // parsed tree; `html - parse` in this group's figures is their cost
    // (with metadata).
    let mut g = c.benchmark_group("html");
    g.throughput(Throughput::Bytes(total));
    g.bench_function("html_stage", |b| {
        b.iter(|| {
            for p in &decoded {
                let _ = black_box(stages::html(black_box(p), &opts));
            }
        })
    });
    g.finish();

    let pages: Vec<stages::Page> = decoded
        .iter()
        .filter_map(|p| stages::html(p, &opts).ok())
        .collect();

    let mut g = c.benchmark_group("boilerplate");
    g.throughput(Throughput::Bytes(total));
    g.bench_function("boilerplate", |b| {
        b.iter_batched(
            || pages.clone(),
            |pages| {
                for p in pages {
                    black_box(stages::boilerplate(p, &opts));
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();

    let cleaned: Vec<stages::Page> = pages
        .iter()
        .map(|p| stages::boilerplate(p.clone(), &opts))
        .collect();
    let mut g = c.benchmark_group("sections");
    g.throughput(Throughput::Bytes(total));
    g.bench_function("sections", |b| {
        b.iter_batched(
            || cleaned.clone(),
            |pages| {
                for p in pages {
                    black_box(stages::sections(p, &opts));
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();

    let text = common::text_corpus();
    eprintln!("bench text stage: {}", text.origin);
    let texts: Vec<String> = text
        .pages
        .iter()
        .map(|p| String::from_utf8_lossy(&p.bytes).into_owned())
        .collect();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(text.bytes()));
    g.bench_function("text_stage", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(stages::text(black_box(t), &opts));
            }
        })
    });
    g.finish();
}

/// End to end: bytes in, `Article` out (with facts), as `Extractor` runs it.
fn end_to_end(c: &mut Criterion) {
    let ex = Extractor::new(Options::default());

    let corpus = common::html_corpus();
    eprintln!("bench e2e_html: {}", corpus.origin);
    let mut g = c.benchmark_group("e2e_html");
    g.throughput(Throughput::Bytes(corpus.bytes()));
    g.bench_function("extract_html", |b| {
        b.iter(|| {
            for p in &corpus.pages {
                let _ = black_box(ex.extract_html(black_box(&p.bytes)));
            }
        })
    });
    g.finish();

    let text = common::text_corpus();
    eprintln!("bench e2e_text: {}", text.origin);
    let texts: Vec<String> = text
        .pages
        .iter()
        .map(|p| String::from_utf8_lossy(&p.bytes).into_owned())
        .collect();
    let mut g = c.benchmark_group("e2e_text");
    g.throughput(Throughput::Bytes(text.bytes()));
    g.bench_function("extract_text", |b| {
        b.iter(|| {
            for t in &texts {
                let _ = black_box(ex.extract_text(black_box(t)));
            }
        })
    });
    // the plain-text path alone, without `facts::extract` (another stage)
    let no_facts = Extractor::new(Options {
        facts: false,
        ..Options::default()
    });
    g.bench_function("extract_text_no_facts", |b| {
        b.iter(|| {
            for t in &texts {
                let _ = black_box(no_facts.extract_text(black_box(t)));
            }
        })
    });
    g.finish();
}

/// Builds a pathological page of `n` units.
type Shape = fn(usize) -> String;

/// Inputs that grow: with a linear pipeline every line of a shape keeps the
/// same MB/s as `n` grows; a super-linear stage shows as falling MB/s.
fn growth(c: &mut Criterion) {
    let ex = Extractor::new(Options::default());
    let html_shapes: [(&str, Shape); 5] = [
        ("paragraphs", common::grow::paragraphs),
        ("nesting", common::grow::nesting),
        ("inline_nesting", common::grow::inline_nesting),
        ("repeated_html", common::grow::repeated_html),
        ("links", common::grow::links),
    ];
    let mut g = c.benchmark_group("growth");
    for (name, make) in html_shapes {
        for n in [500usize, 2_000, 8_000] {
            let page = make(n);
            g.throughput(Throughput::Bytes(page.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, n), &page, |b, page| {
                b.iter(|| black_box(ex.extract_html(black_box(page.as_bytes()))))
            });
        }
    }
    for n in [500usize, 2_000, 8_000] {
        let page = common::grow::repeated_text(n);
        g.throughput(Throughput::Bytes(page.len() as u64));
        g.bench_with_input(BenchmarkId::new("repeated_text", n), &page, |b, page| {
            b.iter(|| black_box(ex.extract_text(black_box(page))))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = stage_groups, end_to_end, growth
}
criterion_main!(benches);
