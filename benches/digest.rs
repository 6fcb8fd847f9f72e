//! End to end on the bundled documents: read, embed (model from the user cache,
//! fetched on first use; embedding cache off so the model really runs), cluster, rank, render.

use concord::digest::Options;
use concord::embed::{load_default, EmbedOptions};
use concord::render::to_json;
use criterion::{criterion_group, criterion_main, Criterion};
use std::path::PathBuf;

/// The allocator of the `concord` binary, so the bench measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn end_to_end(c: &mut Criterion) {
    let data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/wsis-2025"));
    let embedder = load_default(&EmbedOptions {
        no_cache: true,
        ..EmbedOptions::default()
    })
    .expect("model available (fetched on first use)");
    let options = Options::default();
    let mut group = c.benchmark_group("digest");
    group.sample_size(10);
    group.bench_function("wsis-2025", |b| {
        b.iter(|| {
            let corpus = concord::corpus::load(std::slice::from_ref(&data)).expect("seeds read");
            let embedded = concord::embed_corpus(&corpus, embedder.as_ref()).expect("embedded");
            let d = concord::digest(
                &corpus,
                &embedded,
                embedder.as_ref(),
                &options,
                &mut concord::RunContext::default(),
            )
            .expect("digest");
            to_json(&d)
        })
    });
    group.finish();
}

criterion_group!(benches, end_to_end);
criterion_main!(benches);
