//! Embedding throughput (tokens/s) of MiniLM on candle, by chunk size (word pieces per
//! forward pass), by text length, and by instruction set: every one `CONCORD_ISA` can pin
//! that this CPU offers (AVX2, AVX-512, AMX), so the AVX2 path most users run is measured
//! here too.
//!
//! Texts come from the parity fixture (real sentences from the seed documents); "long" joins
//! four of them so each text carries ~140 word pieces.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use concord::embed::{Embedder, Isa, MiniLm, ModelStore};

/// The allocator of the `concord` binary, so the bench measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/minilm_reference.jsonl"
);

fn fixture_texts() -> Vec<String> {
    let text = std::fs::read_to_string(FIXTURE).expect("fixture readable");
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

fn bench_embed(c: &mut Criterion) {
    let files = ModelStore::default().resolve().expect("model available");
    let short = fixture_texts();
    let long: Vec<String> = (0..short.len())
        .map(|i| {
            (0..4)
                .map(|k| short[(i + 17 * k) % short.len()].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();

    let mut group = c.benchmark_group("embed");
    group.sample_size(10);
    for isa in Isa::PINNABLE.into_iter().filter(|isa| isa.supported()) {
        for (name, texts) in [("short", &short), ("long", &long)] {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            for chunk in [128usize, 256, 512, 1024] {
                let model = MiniLm::load_on(&files, isa)
                    .expect("model loads")
                    .with_chunk_tokens(chunk);
                let tokens: usize = model
                    .token_ids(&refs)
                    .expect("tokenizes")
                    .iter()
                    .map(Vec::len)
                    .sum();
                group.throughput(Throughput::Elements(tokens as u64));
                let id = format!("{}/{name}", isa.name());
                group.bench_with_input(BenchmarkId::new(id, chunk), &refs, |b, refs| {
                    b.iter(|| model.embed(refs).expect("embeds"))
                });
            }
        }
    }
    group.finish();
}

criterion_group!(benches, bench_embed);
criterion_main!(benches);
