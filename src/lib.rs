//! concord: turn a pile of meeting outcome documents into a ranked, cited consensus digest.
//!
//! The pipeline is a chain of plain functions over plain data:
//! [`corpus::load`] → [`embed`] → [`cluster`] → [`rank`] → [`digest`].
//! [`analysis`] answers the duplicate and agreement questions from the same vectors.

pub mod analysis;
pub mod cluster;
pub mod corpus;
pub mod digest;
pub mod disk;
pub mod embed;
pub mod eval;
pub mod label;
pub mod rank;
pub mod render;
pub mod stance;
pub mod text;
pub mod timings;

use cluster::{ClusterCache, Fit};
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
    /// The row where each distinct text first appears, in that order.
    pub distinct_rows: Vec<usize>,
    /// `distinct_slot[i]`: the index in `distinct_rows` of row `i`'s text.
    pub distinct_slot: Vec<usize>,
    /// The acronyms the corpus defines; every text the model embeds reads their long forms
    /// as the acronym, so a later stage embeds through [`embed::WithAcronyms`] with these.
    pub acronyms: text::acronym::Acronyms,
}

/// Embed every statement of `corpus`, each distinct text once.
///
/// The texts are de-duplicated here, once, and the result kept in [`Embedded`] so that
/// clustering reuses it: a copy-paste campaign (100,000 statements, 10,000 distinct) costs
/// 10,000 embeddings and a 10,000-row clustering.
pub fn embed_corpus(corpus: &Corpus, embedder: &dyn Embedder) -> Result<Embedded, Error> {
    let statements: Vec<Statement> = corpus.statements().cloned().collect();
    let distinct = text::Distinct::of(statements.iter().map(|s| s.text.as_str()));
    // Definitions are read from every unit, headings and titles included.
    let acronyms = text::acronym::Acronyms::of(
        &corpus
            .statements()
            .map(|s| s.text.as_str())
            .chain(corpus.excluded().map(|e| e.text.as_str()))
            .collect::<Vec<_>>(),
    );
    let vectors = embed::WithAcronyms::new(embedder, &acronyms)
        .embed(&distinct.values)?
        .select(ndarray::Axis(0), &distinct.slot);
    let text::Distinct { first, slot, .. } = distinct;
    Ok(Embedded {
        statements,
        vectors,
        distinct_rows: first,
        distinct_slot: slot,
        acronyms,
    })
}

/// How a run is carried out, as opposed to what it finds: nothing here changes the digest,
/// so none of it is echoed in it (that is [`Options`]).
#[derive(Debug, Default)]
pub struct RunContext {
    /// Where to keep and reuse clustering results (`None`: always cluster afresh).
    pub cluster_cache: Option<ClusterCache>,
    /// Wall time of each stage, for `--timings`.
    pub timings: Timings,
}

/// The synthesis of embedded statements: cluster, rank, title, and assemble the digest.
///
/// `embedded` is [`embed_corpus`] of `corpus`; `embedder` embeds the candidate titles.
pub fn digest(
    corpus: &Corpus,
    embedded: &Embedded,
    embedder: &dyn Embedder,
    options: &Options,
    context: &mut RunContext,
) -> Result<Digest, Error> {
    let cache = context.cluster_cache.as_ref();
    let timings = &mut context.timings;
    let clustering = timings.time("cluster", || cluster_distinct(embedded, options, cache))?;
    let session_order: Vec<String> = corpus.sessions.iter().map(|s| s.id.clone()).collect();
    let mut ranked = timings.time("rank", || {
        // Catch-alls are re-cut with the run's own linkage (k-means runs: the defaults).
        let linkage = match &options.method {
            cluster::Method::Agglomerative(a) => a.clone(),
            cluster::Method::KMeans(_) => cluster::Agglomerative::default(),
        };
        let split = rank::split_catch_alls(
            &embedded.statements,
            embedded.vectors.view(),
            &clustering,
            &linkage,
            options.min_sessions,
            &embedded.acronyms,
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
    let embedder = embed::WithAcronyms::new(embedder, &embedded.acronyms);
    timings.time("title", || label::titles(&mut ranked, embedded, &embedder))?;
    Ok(Digest {
        corpus: CorpusSummary {
            sessions: corpus.sessions.len(),
            statements: embedded.statements.len(),
            model: embedder.model_id().to_string(),
            options: options.clone(),
            skipped: corpus.skipped.clone(),
        },
        sessions: corpus
            .sessions
            .iter()
            .map(corpus::Session::header)
            .collect(),
        themes: ranked.themes,
        unique: ranked.unique,
        excluded: corpus.excluded().cloned().collect(),
        common: ranked.common,
    })
}

/// Cluster one row per distinct text and give every copy its original's label.
///
/// Identical statements belong in one theme anyway, so the texts de-duplicated by
/// [`embed_corpus`] are clustered as they are.
fn cluster_distinct(
    embedded: &Embedded,
    options: &Options,
    cache: Option<&ClusterCache>,
) -> Result<cluster::Clustering, cluster::ClusterError> {
    let texts: Vec<&str> = embedded
        .distinct_rows
        .iter()
        .map(|&r| embedded.statements[r].text.as_str())
        .collect();
    let vectors = embedded
        .vectors
        .select(ndarray::Axis(0), &embedded.distinct_rows);
    let terms = text::lexical::tfidf(&texts, &embedded.acronyms);
    let points = cluster::Points {
        vectors: vectors.view(),
        terms: &terms,
    };
    let labels = match cache {
        Some(cache) => cache.fit(&options.method, &points, &texts)?,
        None => options.method.fit(&points)?,
    };
    let raw: Vec<usize> = embedded
        .distinct_slot
        .iter()
        .map(|&d| labels.labels[d])
        .collect();
    Ok(cluster::Clustering::from_raw(&raw))
}

/// A mark every file concord writes carries, so that a digest saved into the input folder is
/// never read back as a session.
pub const GENERATED_MARK: &str = "generated by concord";

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Records every text it is asked to embed.
    struct Recording(Mutex<Vec<String>>);

    impl Embedder for Recording {
        fn embed(&self, texts: &[&str]) -> Result<Array2<f32>, embed::EmbedError> {
            // A poisoned lock means another test thread panicked; that test reports it.
            let mut seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
            seen.extend(texts.iter().map(|t| t.to_string()));
            Ok(Array2::from_shape_fn((texts.len(), 2), |(i, j)| {
                (texts[i].len() + j) as f32
            }))
        }
        fn model_id(&self) -> &str {
            "test/recording@0000"
        }
        fn dim(&self) -> usize {
            2
        }
    }

    #[test]
    fn the_model_reads_a_defined_name_by_its_acronym_in_every_document() {
        let dir = tempfile::tempdir().expect("temp dir");
        let page = |bullets: &[&str]| {
            let list: String = bullets.iter().map(|b| format!("- {b}\n")).collect();
            format!("Session Outcome Document\n\nOpen data\n\nKey Issues discussed\n\n{list}")
        };
        std::fs::write(
            dir.path().join("alpha.txt"),
            page(&[
                "The Internet Governance Forum (IGF) met in Kyoto this year.",
                "We need a strengthened Internet Governance Forum.",
            ]),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("beta.txt"),
            page(&["We need a strengthened IGF."]),
        )
        .unwrap();
        let corpus = corpus::load(&[dir.path().to_path_buf()]).expect("loads");
        let model = Recording(Mutex::new(Vec::new()));
        let embedded = embed_corpus(&corpus, &model).expect("embeds");
        let seen = model.0.into_inner().unwrap_or_else(|e| e.into_inner());
        assert_eq!(
            seen.iter()
                .filter(|t| *t == "We need a strengthened IGF.")
                .count(),
            2,
            "{seen:?}"
        );
        assert!(
            seen.contains(&"The IGF met in Kyoto this year.".to_string()),
            "{seen:?}"
        );
        assert!(
            !seen.iter().any(|t| t.contains("Governance Forum")),
            "{seen:?}"
        );
        // The statements themselves keep their wording.
        assert!(embedded
            .statements
            .iter()
            .any(|s| s.text == "We need a strengthened Internet Governance Forum."));
    }
}
