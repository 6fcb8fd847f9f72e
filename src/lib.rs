//! concord: turn a pile of meeting outcome documents into a ranked, cited consensus digest.
//!
//! The pipeline is a chain of plain functions over plain data:
//! [`corpus::load`] → [`embed`] → [`cluster`] → [`rank`] → [`digest`].
//! [`analysis`] answers the duplicate and agreement questions from the same vectors.

pub mod analysis;
pub mod cluster;
pub mod corpus;
pub mod digest;
pub mod embed;
pub mod eval;
pub mod label;
pub mod lexical;
pub mod progress;
pub mod rank;
pub mod stance;
pub mod text;
pub mod timings;

use cluster::Fit;
use corpus::{Corpus, Statement};
use digest::{CorpusSummary, Digest, Options};
use embed::Embedder;
use ndarray::Array2;
use timings::Timings;

/// Why a pipeline run failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading the corpus failed as a whole.
    #[error(transparent)]
    Corpus(#[from] corpus::CorpusError),
    /// The model could not be loaded or run.
    #[error(transparent)]
    Embed(#[from] embed::EmbedError),
    /// Clustering failed.
    #[error(transparent)]
    Cluster(#[from] cluster::ClusterError),
}

/// The statements of a corpus with one unit vector per statement.
#[derive(Debug, Clone)]
pub struct Embedded {
    /// Statements in corpus order.
    pub statements: Vec<Statement>,
    /// Row `i` embeds `statements[i].text`.
    pub vectors: Array2<f32>,
}

/// Embed every statement of `corpus`.
pub fn embed_corpus(corpus: &Corpus, embedder: &dyn Embedder) -> Result<Embedded, Error> {
    let statements: Vec<Statement> = corpus.statements().cloned().collect();
    let texts: Vec<&str> = statements.iter().map(|s| s.text.as_str()).collect();
    let vectors = embedder.embed(&texts)?;
    Ok(Embedded {
        statements,
        vectors,
    })
}

/// The whole synthesis: embed, cluster, rank, and assemble the digest.
pub fn digest(
    corpus: &Corpus,
    embedder: &dyn Embedder,
    options: &Options,
    timings: &mut Timings,
) -> Result<Digest, Error> {
    let embedded = timings.time("embed", || embed_corpus(corpus, embedder))?;
    let clustering = timings.time("cluster", || cluster_distinct(&embedded, options))?;
    let session_order: Vec<String> = corpus.sessions.iter().map(|s| s.id.clone()).collect();
    let mut ranked = timings.time("rank", || {
        // Catch-alls are re-cut with the run's own linkage (k-means runs: the defaults).
        let linkage = match &options.method {
            cluster::Method::Agglomerative(a) => a.clone(),
            cluster::Method::KMeans(_) => cluster::Agglomerative {
                threshold: DEFAULT_THRESHOLD,
                lexical_weight: DEFAULT_LEXICAL_WEIGHT,
            },
        };
        let split = rank::split_catch_alls(
            &embedded.statements,
            embedded.vectors.view(),
            &clustering,
            &linkage,
            options.min_sessions,
        );
        rank::rank(
            &embedded.statements,
            embedded.vectors.view(),
            &split.clustering,
            &split.parts,
            &session_order,
            options.min_sessions,
        )
    });
    timings.time("title", || label::titles(&mut ranked, &embedded, embedder))?;
    Ok(Digest {
        corpus: CorpusSummary {
            sessions: corpus.sessions.len(),
            statements: embedded.statements.len(),
            model: embedder.model_id().to_string(),
            options: options.clone(),
            skipped: corpus.skipped.clone(),
        },
        sessions: corpus.sessions.clone(),
        map: if options.with_map {
            timings.time("map", || {
                let ids: Vec<String> = embedded.statements.iter().map(|s| s.id.clone()).collect();
                digest::map::project(
                    embedded.vectors.view(),
                    &ids,
                    ranked.themes.iter().chain(&ranked.unique),
                )
            })
        } else {
            Vec::new()
        },
        themes: ranked.themes,
        unique: ranked.unique,
        excluded: corpus.excluded().cloned().collect(),
        common: ranked.common,
    })
}

/// Cluster one row per distinct text and give every copy its original's label.
///
/// Identical statements belong in one theme anyway, and a copy-paste campaign
/// (100,000 statements, 10,000 distinct) then costs a 10,000-row clustering.
fn cluster_distinct(
    embedded: &Embedded,
    options: &Options,
) -> Result<cluster::Clustering, cluster::ClusterError> {
    let distinct = text::Distinct::of(embedded.statements.iter().map(|s| s.text.as_str()));
    let vectors = embedded.vectors.select(ndarray::Axis(0), &distinct.first);
    let terms = lexical::tfidf(&distinct.values);
    let points = cluster::Points {
        vectors: vectors.view(),
        terms: &terms,
    };
    let labels = match &options.cache {
        Some(cache) => cache.fit(&options.method, &points, &distinct.values)?,
        None => options.method.fit(&points)?,
    };
    let raw: Vec<usize> = distinct.slot.iter().map(|&d| labels.labels[d]).collect();
    Ok(cluster::Clustering::from_raw(&raw))
}

/// Default similarity threshold of the agglomerative method (see docs/THRESHOLDS.md).
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// Default weight of the TF-IDF cosine in theme similarity (see docs/THRESHOLDS.md).
pub const DEFAULT_LEXICAL_WEIGHT: f32 = 0.3;

/// A mark every file concord writes carries, so that a digest saved into the input folder is
/// never read back as a session.
pub const GENERATED_MARK: &str = "generated by concord";
