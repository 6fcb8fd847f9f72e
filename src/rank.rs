//! From clusters to ranked themes: support, share, cohesion, representative, order.

use crate::cluster::{similarity, Clustering};
use crate::corpus::{Statement, StatementKind};
use crate::label;
use ndarray::{Array1, ArrayView2};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How many keywords a theme's label shows.
const LABEL_WORDS: usize = 4;

/// A theme whose centroid is at least this close (cosine) to the centroid of the
/// whole corpus says what every document says; it is listed after the
/// specific themes so it cannot crowd them out (docs/THRESHOLDS.md).
pub const BROAD_CENTRALITY: f64 = 0.8;

/// A cluster of statements, with the measures the digest ranks it by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable id within one digest: `rec-1`, `obs-2`, `unique-3`…
    pub id: String,
    /// `recommendation` if any statement in it is one, else `observation`.
    pub kind: StatementKind,
    /// 1-based position within its list and kind.
    pub rank: usize,
    /// The keywords joined for display.
    pub label: String,
    /// Most distinctive words (c-TF-IDF), best first.
    pub keywords: Vec<String>,
    /// Number of distinct sessions with a statement in the theme.
    pub support: usize,
    /// `support` / sessions in the corpus.
    pub share: f64,
    /// Mean pairwise cosine of the statements (1.0 for a single statement).
    pub cohesion: f64,
    /// Cosine between the theme's centroid and the corpus centroid.
    pub centrality: f64,
    /// True when `centrality` >= [`BROAD_CENTRALITY`]: corpus-wide common ground.
    pub broad: bool,
    /// Ids of the supporting sessions, in corpus order.
    pub sessions: Vec<String>,
    /// Text of the medoid statement: the theme's best single wording.
    pub representative: String,
    /// Id of the medoid statement.
    pub representative_id: String,
    /// Every statement of the theme, in corpus order.
    pub statements: Vec<Statement>,
}

/// Themes split into recurring ones and unique proposals, each list ranked.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// Support >= `min_sessions`: recommendations first, then observations.
    pub themes: Vec<Theme>,
    /// The rest, still reported so nothing read is lost.
    pub unique: Vec<Theme>,
}

/// Build and order themes. `statements[i]` owns row `i` of `vectors` and label
/// `clustering.labels[i]`; `session_order` lists session ids in corpus order.
pub fn rank(
    statements: &[Statement],
    vectors: ArrayView2<f32>,
    clustering: &Clustering,
    session_order: &[String],
    min_sessions: usize,
) -> Ranked {
    let groups = clustering.members();
    let texts: Vec<Vec<&str>> = groups
        .iter()
        .map(|rows| rows.iter().map(|&r| statements[r].text.as_str()).collect())
        .collect();
    let keywords = label::keywords(&texts, LABEL_WORDS);
    let total = session_order.len().max(1);
    let all: Vec<usize> = (0..statements.len()).collect();
    let corpus_centroid = centroid(vectors, &all);

    let mut themes: Vec<(Theme, usize)> = groups
        .iter()
        .zip(keywords)
        .map(|(rows, keywords)| {
            let mut theme = build(statements, vectors, rows, keywords, session_order, total);
            theme.centrality = round4(f64::from(centroid(vectors, rows).dot(&corpus_centroid)));
            theme.broad = theme.centrality >= BROAD_CENTRALITY;
            (theme, rows[0])
        })
        .collect();

    // Kind first (recommendations lead), specific before broad, then breadth of
    // support, then how tight the theme is; the first statement breaks ties.
    themes.sort_by(|(a, ra), (b, rb)| {
        a.kind
            .cmp(&b.kind)
            .then(a.broad.cmp(&b.broad))
            .then(b.support.cmp(&a.support))
            .then(b.cohesion.total_cmp(&a.cohesion))
            .then(b.statements.len().cmp(&a.statements.len()))
            .then(ra.cmp(rb))
    });

    let (recurring, unique): (Vec<_>, Vec<_>) = themes
        .into_iter()
        .map(|(t, _)| t)
        .partition(|t| t.support >= min_sessions);
    Ranked {
        themes: number_recurring(recurring),
        unique: number_unique(unique),
    }
}

fn build(
    statements: &[Statement],
    vectors: ArrayView2<f32>,
    rows: &[usize],
    keywords: Vec<String>,
    session_order: &[String],
    total: usize,
) -> Theme {
    let members: Vec<&Statement> = rows.iter().map(|&r| &statements[r]).collect();
    let kind = if members
        .iter()
        .any(|s| s.kind == StatementKind::Recommendation)
    {
        StatementKind::Recommendation
    } else {
        StatementKind::Observation
    };
    let present: BTreeSet<&str> = members.iter().map(|s| s.session.as_str()).collect();
    let sessions: Vec<String> = session_order
        .iter()
        .filter(|id| present.contains(id.as_str()))
        .cloned()
        .collect();
    // The best wording of a recommendation theme should itself be a recommendation.
    let candidates: Vec<usize> = rows
        .iter()
        .copied()
        .filter(|&r| statements[r].kind == kind)
        .collect();
    // rows is never empty (a cluster has a member) and kind was chosen from its
    // members, so candidates is non-empty and medoid returns Some.
    let medoid = similarity::medoid(vectors, rows, &candidates).unwrap_or(rows[0]);
    Theme {
        id: String::new(),
        kind,
        rank: 0,
        label: keywords.join(" · "),
        keywords,
        support: sessions.len(),
        share: round4(sessions.len() as f64 / total as f64),
        cohesion: round4(f64::from(similarity::mean_pairwise(vectors, rows))),
        centrality: 0.0,
        broad: false,
        sessions,
        representative: statements[medoid].text.clone(),
        representative_id: statements[medoid].id.clone(),
        statements: members.into_iter().cloned().collect(),
    }
}

/// Rank recurring themes within their kind: `rec-1`, `rec-2`, …, `obs-1`, …
fn number_recurring(mut themes: Vec<Theme>) -> Vec<Theme> {
    let (mut rec, mut obs) = (0, 0);
    for t in &mut themes {
        let (counter, prefix) = match t.kind {
            StatementKind::Recommendation => (&mut rec, "rec"),
            StatementKind::Observation => (&mut obs, "obs"),
        };
        *counter += 1;
        t.rank = *counter;
        t.id = format!("{prefix}-{}", t.rank);
    }
    themes
}

/// Rank unique proposals in one sequence: `unique-1`, `unique-2`, …
fn number_unique(mut themes: Vec<Theme>) -> Vec<Theme> {
    for (i, t) in themes.iter_mut().enumerate() {
        t.rank = i + 1;
        t.id = format!("unique-{}", t.rank);
    }
    themes
}

/// Unit-length mean of the given rows (zero if they cancel out).
fn centroid(vectors: ArrayView2<f32>, rows: &[usize]) -> Array1<f32> {
    let mut c = Array1::<f32>::zeros(vectors.ncols());
    for &r in rows {
        c += &vectors.row(r);
    }
    let norm = c.dot(&c).sqrt();
    if norm > 0.0 {
        c /= norm;
    }
    c
}

/// Round to four decimals so the JSON is stable and readable.
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
