//! Clustering time by corpus size: the agglomerative default and k-means, on
//! random unit vectors of MiniLM's width (the algorithms see only vectors).

use concord::cluster::{Agglomerative, Fit, KMeans, Points};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ndarray::Array2;

/// Deterministic pseudo-random unit vectors (xorshift), so runs compare.
fn unit_vectors(n: usize, dim: usize) -> Array2<f32> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut v = Array2::from_shape_fn((n, dim), |_| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 40) as f32 / (1u64 << 24) as f32 - 0.5
    });
    for mut row in v.rows_mut() {
        let norm = row.dot(&row).sqrt();
        row /= norm;
    }
    v
}

fn clustering(c: &mut Criterion) {
    let mut group = c.benchmark_group("cluster");
    group.sample_size(10);
    for n in [1_000usize, 10_000] {
        let v = unit_vectors(n, 384);
        let points = Points::new(v.view());
        group.bench_with_input(BenchmarkId::new("agglomerative", n), &points, |b, p| {
            let m = Agglomerative {
                threshold: 0.5,
                lexical_weight: 0.0,
            };
            b.iter(|| m.fit(p).expect("valid threshold"))
        });
        group.bench_with_input(BenchmarkId::new("kmeans-k50", n), &points, |b, p| {
            let m = KMeans { k: 50, seed: 42 };
            b.iter(|| m.fit(p).expect("k > 0"))
        });
    }
    group.finish();
}

criterion_group!(benches, clustering);
criterion_main!(benches);
