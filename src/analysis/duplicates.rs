//! Duplicate proposals: exact copies and paraphrases, grouped, with what each copy adds.
//!
//! Near-duplicate groups come from complete-linkage clustering cut at the
//! threshold, so *every* pair in a group is at least that similar: a chain
//! A~B, B~C with A far from C cannot merge two different proposals.

use crate::cluster::graph;
use crate::cluster::linkage::{self, Linkage};
use crate::cluster::similarity::{condensed_distances, cosine};
use crate::cluster::Points;
use crate::corpus::Statement;
use crate::text::content_words;
use crate::Embedded;
use ndarray::{Array2, ArrayView2};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Settings of a duplicate search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicateOptions {
    /// Minimum cosine between every two members of a near-duplicate group.
    pub threshold: f32,
    /// Also report a session repeating itself.
    pub within_session: bool,
}

/// Default near-duplicate threshold (see docs/THRESHOLDS.md).
pub const DEFAULT_THRESHOLD: f32 = 0.81;

/// How a group's members match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupKind {
    /// Same text after normalising case, punctuation, whitespace and bullets.
    Exact,
    /// Paraphrases above the threshold.
    Near,
}

/// A statement in a group, with the content words it has beyond the representative.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// The statement itself.
    #[serde(flatten)]
    pub statement: Statement,
    /// Content words absent from the group's first (representative) statement.
    pub adds: Vec<String>,
}

/// Statements that make the same proposal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Exact copies or paraphrases.
    pub kind: GroupKind,
    /// Smallest pairwise cosine within the group.
    pub similarity: f64,
    /// Representative first (the plainest wording), then the others in corpus order.
    pub statements: Vec<Member>,
}

/// The answer to `concord duplicates`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicates {
    /// Threshold used for near groups.
    pub threshold: f32,
    /// Whether same-session repeats were included.
    pub within_session: bool,
    /// Sessions searched.
    pub sessions: usize,
    /// Statements searched.
    pub statements: usize,
    /// Groups, largest first, then most similar.
    pub groups: Vec<Group>,
}

/// Find exact and near-duplicate groups among embedded statements.
pub fn duplicates(embedded: &Embedded, sessions: usize, options: &DuplicateOptions) -> Duplicates {
    let statements = &embedded.statements;
    let vectors = embedded.vectors.view();

    // Exact classes: one entry per normalised text, members in corpus order.
    let mut classes: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, s) in statements.iter().enumerate() {
        let key = normalise(&s.text);
        if !key.is_empty() {
            classes.entry(key).or_default().push(i);
        }
    }
    let mut classes: Vec<Vec<usize>> = classes.into_values().collect();
    classes.sort_by_key(|c| c[0]);

    let mut groups = Vec::new();
    for class in &classes {
        if class.len() >= 2 && counts(statements, class, options.within_session) {
            groups.push(group(GroupKind::Exact, statements, vectors, class));
        }
    }

    // Near groups are built over one representative row per exact class, so a
    // copy-paste campaign of fifty identical texts costs one row, not fifty.
    let reps: Vec<usize> = classes.iter().map(|c| c[0]).collect();
    let rep_vectors = Array2::from_shape_fn((reps.len(), vectors.ncols()), |(r, c)| {
        vectors[[reps[r], c]]
    });
    for members in near_groups(rep_vectors.view(), options.threshold) {
        let rows: Vec<usize> = {
            let mut rows: Vec<usize> = members
                .iter()
                .flat_map(|&m| classes[m].iter().copied())
                .collect();
            rows.sort_unstable();
            rows
        };
        if counts(statements, &rows, options.within_session) {
            groups.push(group(GroupKind::Near, statements, vectors, &rows));
        }
    }

    groups.sort_by(|a, b| {
        b.statements
            .len()
            .cmp(&a.statements.len())
            .then(b.similarity.total_cmp(&a.similarity))
            .then(
                a.statements[0]
                    .statement
                    .id
                    .cmp(&b.statements[0].statement.id),
            )
    });
    Duplicates {
        threshold: options.threshold,
        within_session: options.within_session,
        sessions,
        statements: statements.len(),
        groups,
    }
}

/// Groups of rows whose every pair has cosine >= threshold (complete linkage),
/// keeping only groups of two or more.
///
/// A complete-linkage merge needs every pair above the threshold, so groups
/// never cross connected components of the graph of close pairs: each
/// component is clustered on its own, and rows with no close pair cost nothing.
fn near_groups(vectors: ArrayView2<f32>, threshold: f32) -> Vec<Vec<usize>> {
    let points = Points::new(vectors);
    let edges = graph::pairs_above(&points, 0.0, threshold);
    let components: Vec<Vec<usize>> = graph::components(vectors.nrows(), &edges)
        .into_iter()
        .filter(|c| c.len() >= 2)
        .collect();
    let labels = linkage::cut(
        vectors.nrows(),
        &components,
        Linkage::Complete,
        1.0 - threshold,
        |rows| condensed_distances(points.subset(rows).vectors.view()),
    );
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (row, label) in labels.into_iter().enumerate() {
        groups.entry(label).or_default().push(row);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() >= 2).collect();
    out.sort();
    out
}

/// Whether a group is news: it spans two sessions, or same-session repeats were asked for.
fn counts(statements: &[Statement], rows: &[usize], within_session: bool) -> bool {
    let sessions: BTreeSet<&str> = rows
        .iter()
        .map(|&r| statements[r].session.as_str())
        .collect();
    sessions.len() >= 2 || (within_session && rows.len() >= 2)
}

fn group(
    kind: GroupKind,
    statements: &[Statement],
    vectors: ArrayView2<f32>,
    rows: &[usize],
) -> Group {
    let mut min = 1.0f32;
    for (a, &i) in rows.iter().enumerate() {
        for &j in &rows[a + 1..] {
            min = min.min(cosine(vectors.row(i), vectors.row(j)));
        }
    }
    // The plainest wording (fewest content words) is the one the others add to.
    let rep = *rows
        .iter()
        .min_by_key(|&&r| (content_words(&statements[r].text).len(), r))
        .unwrap_or(&rows[0]);
    let base: BTreeSet<String> = content_words(&statements[rep].text)
        .iter()
        .map(|w| stem(w))
        .collect();
    let order = std::iter::once(rep).chain(rows.iter().copied().filter(|&r| r != rep));
    let members = order
        .map(|r| {
            let mut seen = BTreeSet::new();
            let adds = content_words(&statements[r].text)
                .into_iter()
                .filter(|w| !base.contains(&stem(w)) && seen.insert(stem(w)))
                .collect();
            Member {
                statement: statements[r].clone(),
                adds,
            }
        })
        .collect();
    Group {
        kind,
        similarity: crate::rank::round4(f64::from(if kind == GroupKind::Exact {
            1.0
        } else {
            min
        })),
        statements: members,
    }
}

/// Text for exact comparison: lower case, letters and digits only, single spaces.
pub fn normalise(text: &str) -> String {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A crude plural fold so "guideline" and "guidelines" count as one word.
fn stem(word: &str) -> String {
    let w = word.strip_suffix("'s").unwrap_or(word);
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_ignores_case_punctuation_and_bullets() {
        assert_eq!(
            normalise("• Establish a  Fund!"),
            normalise("establish a fund")
        );
        assert_eq!(normalise("1. Keep it open."), "1 keep it open");
    }

    #[test]
    fn stem_folds_plurals_only() {
        assert_eq!(stem("guidelines"), "guideline");
        assert_eq!(stem("access"), "access");
        assert_eq!(stem("igf's"), "igf");
    }
}

#[cfg(test)]
mod drift_tests {
    use super::*;
    use ndarray::Array2;

    fn unit(deg: f32) -> [f32; 2] {
        let r = deg.to_radians();
        [r.cos(), r.sin()]
    }

    #[test]
    fn a_chain_that_drifts_is_split() {
        // A~B and B~C at cos 0.87 (30°), but A~C only 0.5 (60°).
        let rows = [unit(0.0), unit(30.0), unit(60.0)];
        let v = Array2::from_shape_fn((3, 2), |(i, j)| rows[i][j]);
        let groups = near_groups(v.view(), 0.85);
        assert_eq!(groups.len(), 1);
        assert_eq!(
            groups[0].len(),
            2,
            "only one neighbouring pair forms a group"
        );
        assert!(near_groups(v.view(), 0.4).iter().any(|g| g.len() == 3));
    }
}
