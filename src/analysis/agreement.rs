//! Agreement on a topic: which sessions speak to it, what they said, how broad the coverage is.
//!
//! Relevance combines two signals (docs/THRESHOLDS.md explains the numbers):
//! the cosine between the topic's embedding and the statement's, and a lexical
//! bonus for the topic's *rare* terms (words few statements use, such as "IGF"),
//! because a two-word topic embeds weakly and a rare acronym is strong evidence.
//! This measures coverage, not stance: whether a session supports or opposes is
//! not inferred.

use crate::cluster::similarity::cosine;
use crate::corpus::{Session, Statement};
use crate::embed::{EmbedError, Embedder};
use crate::text::content_words;
use crate::Embedded;
use serde::Serialize;
use std::collections::BTreeSet;

/// Default relevance threshold (see docs/THRESHOLDS.md).
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// Weight of the lexical bonus: a statement containing every rare topic term
/// gains this much on top of its cosine.
pub const LEXICAL_WEIGHT: f32 = 0.2;

/// A topic term is rare when at most this share of statements contain it.
const RARE_SHARE: f64 = 0.15;

/// Settings of an agreement query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementOptions {
    /// Minimum relevance (cosine plus lexical bonus) for a statement to count.
    pub threshold: f32,
}

/// A statement that speaks to the topic, with its relevance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relevant {
    /// The statement itself.
    #[serde(flatten)]
    pub statement: Statement,
    /// Cosine plus lexical bonus, rounded.
    pub similarity: f64,
    /// Cosine of the embeddings alone, rounded.
    pub cosine: f64,
}

/// One session that addresses the topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionAgreement {
    /// Session id.
    pub id: String,
    /// Session title.
    pub title: String,
    /// Highest relevance among its statements.
    pub best: f64,
    /// Its relevant statements, most relevant first.
    pub statements: Vec<Relevant>,
}

/// The answer to `concord agreement`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// The topic as asked.
    pub topic: String,
    /// Rare topic terms that earned the lexical bonus.
    pub rare_terms: Vec<String>,
    /// Relevance threshold used.
    pub threshold: f32,
    /// Sessions in the corpus.
    pub sessions_total: usize,
    /// Addressing sessions / sessions_total.
    pub share: f64,
    /// Sessions that address the topic, most relevant first.
    pub sessions: Vec<SessionAgreement>,
    /// Ids of sessions that say nothing on it.
    pub silent: Vec<String>,
    /// Titles of the silent sessions, in the same order, for the readable renderers
    /// (the JSON keeps the contract's list of ids).
    #[serde(skip)]
    pub silent_titles: Vec<String>,
}

/// Measure how broadly `sessions` address `topic`.
pub fn agreement(
    topic: &str,
    sessions: &[Session],
    embedded: &Embedded,
    embedder: &dyn Embedder,
    options: &AgreementOptions,
) -> Result<Agreement, EmbedError> {
    let topic_vec = embedder.embed(&[topic])?;
    let topic_row = topic_vec.row(0);
    let statements = &embedded.statements;
    let rare = rare_terms(topic, statements);

    let scored: Vec<Relevant> = statements
        .iter()
        .zip(embedded.vectors.rows())
        .filter_map(|(s, v)| {
            let cos = cosine(topic_row, v);
            let score = cos + LEXICAL_WEIGHT * coverage(&rare, &s.text);
            (score >= options.threshold).then(|| Relevant {
                statement: s.clone(),
                similarity: crate::rank::round4(f64::from(score)),
                cosine: crate::rank::round4(f64::from(cos)),
            })
        })
        .collect();

    let mut addressing = Vec::new();
    let mut silent = Vec::new();
    let mut silent_titles = Vec::new();
    for session in sessions {
        let mut mine: Vec<Relevant> = scored
            .iter()
            .filter(|r| r.statement.session == session.id)
            .cloned()
            .collect();
        if mine.is_empty() {
            silent.push(session.id.clone());
            silent_titles.push(session.title.clone());
            continue;
        }
        mine.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
        addressing.push(SessionAgreement {
            id: session.id.clone(),
            title: session.title.clone(),
            best: mine[0].similarity,
            statements: mine,
        });
    }
    addressing.sort_by(|a, b| b.best.total_cmp(&a.best).then(a.id.cmp(&b.id)));
    let total = sessions.len();
    Ok(Agreement {
        topic: topic.to_string(),
        rare_terms: rare.into_iter().collect(),
        threshold: options.threshold,
        sessions_total: total,
        share: crate::rank::round4(addressing.len() as f64 / total.max(1) as f64),
        sessions: addressing,
        silent,
        silent_titles,
    })
}

/// Topic content words that few statements use (but at least one does).
fn rare_terms(topic: &str, statements: &[Statement]) -> BTreeSet<String> {
    let terms: BTreeSet<String> = content_words(topic).into_iter().collect();
    let docs: Vec<BTreeSet<String>> = statements
        .iter()
        .map(|s| content_words(&s.text).into_iter().collect())
        .collect();
    terms
        .into_iter()
        .filter(|t| {
            let df = docs.iter().filter(|d| d.contains(t)).count();
            df > 0 && (df as f64) <= RARE_SHARE * statements.len() as f64
        })
        .collect()
}

/// Share of the rare terms that `text` contains.
fn coverage(rare: &BTreeSet<String>, text: &str) -> f32 {
    if rare.is_empty() {
        return 0.0;
    }
    let words: BTreeSet<String> = content_words(text).into_iter().collect();
    rare.iter().filter(|t| words.contains(*t)).count() as f32 / rare.len() as f32
}
