//! Throughput of `facts::extract` on article text, in bytes per second.

use std::hint::black_box;

use article_extract::facts;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let seed =
        std::fs::read_to_string("fixtures/seed/source.txt").expect("fixtures/seed/source.txt");
    let mut g = c.benchmark_group("facts");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("seed_page", |b| b.iter(|| facts::extract(black_box(&seed))));
    // a longer article: the seed page repeated; a linear stage keeps its rate
    let long = seed.repeat(50);
    g.throughput(Throughput::Bytes(long.len() as u64));
    g.bench_function("seed_x50", |b| b.iter(|| facts::extract(black_box(&long))));
    // dense numbers
    let dense =
        "About 12,000 soldiers, 3,000-4,000 killed, $1.2 billion, 12% on May 9, 2025. ".repeat(200);
    g.throughput(Throughput::Bytes(dense.len() as u64));
    g.bench_function("dense_numbers", |b| {
        b.iter(|| facts::extract(black_box(&dense)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
