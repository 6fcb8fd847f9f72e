//! From clusters to ranked themes: catch-alls split, support (own members and
//! statements of other themes that state the theme too), share, cohesion,
//! representative, order.

use crate::cluster::{similarity, Agglomerative, Clustering, Fit, Points};
use crate::corpus::{Statement, StatementKind};
use crate::label;
use crate::render::round4;
use crate::stance;
use crate::text::acronym::Acronyms;
use crate::text::content_words;
use crate::text::lexical::phrase_keys;
use ndarray::{Array1, ArrayView2, Axis};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How many keywords a theme's label shows.
const LABEL_WORDS: usize = 4;

/// A theme whose centroid is at least this close (cosine) to the centroid of the
/// whole corpus says what every document says; it is listed after the
/// specific themes so it cannot crowd them out (docs/THRESHOLDS.md).
pub const BROAD_CENTRALITY: f64 = 0.8;

/// A theme with more statements than this, and more than [`CATCH_ALL_PER_SESSION`]
/// per supporting session (or any `broad` one this large), is a catch-all: it is
/// re-cut into its specific sub-themes when a stricter cut finds at least two
/// recurring ones (docs/THRESHOLDS.md).
pub const CATCH_ALL_SIZE: usize = 10;

/// Statements per supporting session above which a large theme is a catch-all: many
/// statements from few documents are those documents' many points on one subject,
/// not one point made across sessions.
pub const CATCH_ALL_PER_SESSION: usize = 3;

/// How much stricter each re-cut of a catch-all is than the last.
const SPLIT_STEP: f32 = 0.05;

/// The strictest re-cut tried; past it a theme is taken as one idea said many times.
const SPLIT_MAX: f32 = 0.8;

/// A statement of another theme joins this theme's `also` when its cosine to this
/// theme's centroid is at least this (docs/THRESHOLDS.md)…
pub const ALSO_COSINE: f32 = 0.75;

/// …and it uses at least one of this many of the theme's most distinctive words.
const ALSO_KEYWORDS: usize = 3;

/// A statement of another theme (or unique entry) that states this theme too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Also {
    /// Id of the theme or unique entry the statement belongs to.
    pub theme: String,
    /// Cosine between the statement and this theme's centroid.
    pub cosine: f64,
    /// The words that decided a dissent, for a statement in `also_dissent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// The statement itself.
    #[serde(flatten)]
    pub statement: Statement,
}

/// A cluster of statements, with the measures the digest ranks it by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable id within one digest: `rec-1`, `obs-2`, `unique-3`…
    pub id: String,
    /// `recommendation` if any statement in it is one, else `observation`.
    pub kind: StatementKind,
    /// 1-based position within its list and kind.
    pub rank: usize,
    /// A short phrase cut from the members' own wording (see [`label::titles`]).
    pub title: String,
    /// The keywords joined, kept for readers of older digests.
    pub label: String,
    /// Most distinctive words (c-TF-IDF), best first.
    pub keywords: Vec<String>,
    /// Number of distinct sessions that support the theme: a statement in it (or in `also`)
    /// that does not dissent.
    pub support: usize,
    /// `support` / sessions in the corpus.
    pub share: f64,
    /// Mean pairwise cosine of the statements (1.0 for a single statement).
    pub cohesion: f64,
    /// Cosine between the theme's centroid and the corpus centroid.
    pub centrality: f64,
    /// True when `centrality` >= [`BROAD_CENTRALITY`]: corpus-wide common ground.
    pub broad: bool,
    /// Ids of the supporting sessions (members and `also`), in corpus order.
    pub sessions: Vec<String>,
    /// Text of the statement that says the theme most directly.
    pub representative: String,
    /// Id of that statement.
    pub representative_id: String,
    /// Every statement of the theme, in corpus order; each statement of the corpus
    /// is a member of exactly one theme or unique entry.
    pub statements: Vec<Statement>,
    /// The stance of each statement toward the theme, in the order of `statements`.
    #[serde(default)]
    pub stances: Vec<StatementStance>,
    /// Sessions whose statements in the theme oppose what it proposes.
    #[serde(default)]
    pub dissent: usize,
    /// Their ids, in corpus order (a session may support in one statement and dissent in another).
    #[serde(default)]
    pub dissent_sessions: Vec<String>,
    /// Statements of other themes that state this one too, in corpus order.
    pub also: Vec<Also>,
    /// Statements of other themes that reject what this one proposes, in its words
    /// ("The workshop does not support zero-rating"): their sessions dissent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_dissent: Vec<Also>,
}

/// A broad area many sessions speak to, re-cut into its specific themes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommonGround {
    /// `common-1`, `common-2`… by support.
    pub id: String,
    /// A short phrase for the area as a whole.
    pub title: String,
    /// Most distinctive words of the whole area.
    pub keywords: Vec<String>,
    /// Distinct sessions with a statement in the area.
    pub support: usize,
    /// `support` / sessions in the corpus.
    pub share: f64,
    /// Ids of those sessions, in corpus order.
    pub sessions: Vec<String>,
    /// Statements in the area.
    pub statements: usize,
    /// Ids of its themes and unique entries, recurring themes first.
    pub themes: Vec<String>,
}

/// Themes split into recurring ones and unique proposals, each list ranked.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// Support >= `min_sessions`: recommendations first, then observations.
    pub themes: Vec<Theme>,
    /// The rest, still reported so nothing read is lost.
    pub unique: Vec<Theme>,
    /// Catch-alls that were split, each with the ids of its parts.
    pub common: Vec<CommonGround>,
}

/// A clustering after catch-alls were re-cut, remembering where each part came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The refined clustering.
    pub clustering: Clustering,
    /// For each split catch-all, the labels of its parts in `clustering`.
    pub parts: Vec<Vec<usize>>,
}

/// Re-cut every theme of more than [`CATCH_ALL_SIZE`] statements at stricter
/// thresholds (average linkage, TF-IDF over the theme's own texts, so the words
/// all of it shares weigh little and those of its sub-topics a lot) until the cut
/// finds at least two recurring parts; a theme that never splits so stays whole.
pub fn split_catch_alls(
    statements: &[Statement],
    vectors: ArrayView2<f32>,
    clustering: &Clustering,
    method: &Agglomerative,
    min_sessions: usize,
    acronyms: &Acronyms,
) -> Split {
    let mut raw = vec![0usize; statements.len()];
    let mut next = 0usize;
    let mut parts = Vec::new();
    let all: Vec<usize> = (0..statements.len()).collect();
    let corpus = Cut {
        statements,
        vectors,
        method,
        min_sessions,
        acronyms,
        centroid: centroid(vectors, &all),
    };
    for rows in clustering.members() {
        let pieces = corpus.split_rows(&rows, method.threshold);
        let first = next;
        for piece in &pieces {
            for &r in piece {
                raw[r] = next;
            }
            next += 1;
        }
        if pieces.len() > 1 {
            parts.push((first..next).collect::<Vec<usize>>());
        }
    }
    // Labels are numbered by first appearance; map the raw part labels along.
    let clustering = Clustering::from_raw(&raw);
    let mut renumber: HashMap<usize, usize> = HashMap::new();
    for (row, &r) in raw.iter().enumerate() {
        renumber.entry(r).or_insert(clustering.labels[row]);
    }
    let parts = parts
        .into_iter()
        .map(|p| {
            let mut labels: Vec<usize> =
                p.iter().filter_map(|r| renumber.get(r).copied()).collect();
            labels.sort_unstable();
            labels
        })
        .collect();
    Split { clustering, parts }
}

/// What every re-cut of a catch-all needs: the corpus, the run's linkage and the
/// corpus centroid (computed once, not per theme).
struct Cut<'a, 'v> {
    statements: &'a [Statement],
    vectors: ArrayView2<'v, f32>,
    method: &'a Agglomerative,
    min_sessions: usize,
    /// The corpus's acronyms, so a theme's own TF-IDF folds them as the first cut did.
    acronyms: &'a Acronyms,
    centroid: Array1<f32>,
}

impl Cut<'_, '_> {
    /// The parts of one theme: itself, or its re-cut at the first stricter threshold
    /// that yields two recurring parts, each large part re-cut again.
    fn split_rows(&self, rows: &[usize], threshold: f32) -> Vec<Vec<usize>> {
        let statements = self.statements;
        if !self.is_catch_all(rows) {
            return vec![rows.to_vec()];
        }
        let texts: Vec<&str> = rows.iter().map(|&r| statements[r].text.as_str()).collect();
        let terms = crate::text::lexical::tfidf(&texts, self.acronyms);
        let local = self.vectors.select(Axis(0), rows);
        let points = Points {
            vectors: local.view(),
            terms: &terms,
        };
        // One tree, cut at each stricter threshold (the same labels as a fit at each).
        let tree = self.method.tree(&points);
        let mut t = threshold + SPLIT_STEP;
        while t <= SPLIT_MAX + 1e-6 {
            let cut = Agglomerative {
                threshold: t,
                lexical_weight: self.method.lexical_weight,
            };
            let labels = match &tree {
                Some(tree) => cut.cut_tree(tree),
                None => match cut.fit(&points) {
                    Ok(labels) => labels,
                    Err(_) => break,
                },
            };
            let groups: Vec<Vec<usize>> = labels
                .members()
                .into_iter()
                .map(|g| g.into_iter().map(|i| rows[i]).collect())
                .collect();
            let recurring = groups
                .iter()
                .filter(|g| sessions_of(statements, g) >= self.min_sessions)
                .count();
            if recurring >= 2 {
                return groups
                    .into_iter()
                    .flat_map(|g| self.split_rows(&g, t))
                    .collect();
            }
            t += SPLIT_STEP;
        }
        vec![rows.to_vec()]
    }

    /// More than [`CATCH_ALL_SIZE`] statements, and either more than
    /// [`CATCH_ALL_PER_SESSION`] per session or close to what the whole corpus says.
    fn is_catch_all(&self, rows: &[usize]) -> bool {
        if rows.len() <= CATCH_ALL_SIZE {
            return false;
        }
        if rows.len() > CATCH_ALL_PER_SESSION * sessions_of(self.statements, rows) {
            return true;
        }
        // A large theme of observations names a subject many documents describe, not one
        // point they share (a call repeated by many sessions is the point, and stays
        // whole: but only when most of its members are calls).
        let calls = rows
            .iter()
            .filter(|&&r| self.statements[r].kind == StatementKind::Recommendation)
            .count();
        if calls * 2 <= rows.len() {
            return true;
        }
        f64::from(centroid(self.vectors, rows).dot(&self.centroid)) >= BROAD_CENTRALITY
    }
}

fn sessions_of(statements: &[Statement], rows: &[usize]) -> usize {
    rows.iter()
        .map(|&r| statements[r].session.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}

/// Build and order themes. `statements[i]` owns row `i` of `vectors` and label
/// `clustering.labels[i]`; `session_order` lists session ids in corpus order;
/// `parts` groups the labels of each split catch-all (empty when none was split).
pub fn rank(
    statements: &[Statement],
    vectors: ArrayView2<f32>,
    clustering: &Clustering,
    parts: &[Vec<usize>],
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
    let centroids: Vec<Array1<f32>> = groups.iter().map(|rows| centroid(vectors, rows)).collect();
    let by_word = word_index(statements);
    let also = also_rows(
        vectors, clustering, &groups, &centroids, &keywords, &by_word,
    );

    // Each statement is split for reading once, then read toward its own theme and the
    // themes it may state too.
    let prepared: Vec<stance::Prepared> = statements
        .par_iter()
        .map(|s| stance::Prepared::new(&s.text))
        .collect();
    // A motion the meeting voted down rejects what it asks for, whatever its words.
    let may_reject: Vec<bool> = prepared
        .iter()
        .zip(statements)
        .map(|(p, s)| p.can_withhold_support() || s.defeated.is_some())
        .collect();
    let elsewhere = rejection_candidates(clustering, &groups, &keywords, &by_word, &may_reject);
    // Themes are built in parallel (reading every member's stance is the cost);
    // `collect` keeps group order, so the result does not depend on the threads.
    let mut themes: Vec<Built> = groups
        .par_iter()
        .zip(keywords)
        .enumerate()
        .map(|(g, (rows, keywords))| {
            let mut theme = build(statements, vectors, rows, &centroids[g], keywords);
            // What the theme proposes is named by its most distinctive words; a member
            // that opposes it dissents (docs/STANCE.md), and only supporters count.
            let terms: Vec<String> = theme.keywords.iter().take(DISSENT_TERMS).cloned().collect();
            // "Without charge", "free of charge": a term most of the members that name it
            // name after "without" is a condition of what they ask, and a member saying
            // "free of charge" rejects nothing the theme proposes.
            let terms: Vec<String> = terms
                .into_iter()
                .filter(|t| !named_mostly_without(rows, &prepared, t))
                .collect();
            let proposition = stance::Proposition::new(&terms);
            let readings: Vec<stance::Reading> = rows
                .iter()
                .map(|&r| prepared[r].toward(&proposition))
                .collect();
            // A theme most of whose members ask for something not to be done ("Refrain
            // from ordering disruptions") is said again, not rejected, by "States must not
            // order…". Read only where such a call is among the members.
            let prohibition = readings.iter().any(stance::Reading::is_negated_call) && {
                let prohibiting = rows
                    .iter()
                    .filter(|&&r| stance::prohibits(&statements[r].text))
                    .count();
                prohibiting * 2 > rows.len()
            };
            theme.stances = rows
                .iter()
                .zip(readings)
                .map(|(&r, reading)| StatementStance::of(&statements[r], reading, prohibition))
                .collect();
            // The counts follow what the digest lists as dissent (`split_for_listing`): no
            // statement dissents from a theme nobody else proposes, nor from its own
            // document's position, so "0 sessions support" never heads a proposal made.
            let listed_dissent: BTreeSet<String> = theme
                .split_for_listing()
                .1
                .iter()
                .map(|(s, _)| s.id.clone())
                .collect();
            for m in &mut theme.stances {
                if m.stance == ThemeStance::Dissent && !listed_dissent.contains(&m.id) {
                    m.stance = ThemeStance::Support;
                    m.cue = None;
                }
            }
            // The theme's kind is its own members' (a tie leads with the recommendation),
            // not its dissent's: a report of the options beside another document's
            // counter-proposal is a report.
            let own: Vec<&Statement> = rows
                .iter()
                .filter(|&&r| !listed_dissent.contains(&statements[r].id))
                .map(|&r| &statements[r])
                .collect();
            if !own.is_empty() && own.len() < rows.len() {
                theme.kind = majority_kind(&own);
            }
            // A proposal is supported by a member that asks for it or takes its side; a
            // report that only mentions it ("The caucus met to consider the proposal…")
            // is listed with it but counts for nobody. A finding is supported by every
            // member that states it. A question put ("Should the Forum become
            // permanent?") neither asks for nor states what it names, in either kind.
            let proposes = theme.kind == StatementKind::Recommendation;
            for (m, &r) in theme.stances.iter_mut().zip(rows.iter()) {
                let statement = &statements[r];
                let only_names =
                    proposes && statement.kind != StatementKind::Recommendation && !m.explicit;
                if m.stance == ThemeStance::Support
                    && (only_names || crate::corpus::is_question(&statement.text))
                {
                    m.stance = ThemeStance::Mention;
                }
            }
            let dissenting: BTreeSet<&str> = listed_dissent.iter().map(String::as_str).collect();
            // The quote under a theme's title says what it proposes: never a dissent, nor
            // a report that only mentions it.
            let supporters: Vec<usize> = rows
                .iter()
                .zip(&theme.stances)
                .filter(|(_, m)| m.stance == ThemeStance::Support)
                .map(|(&r, _)| r)
                .collect();
            if !supporters
                .iter()
                .any(|&r| statements[r].id == theme.representative_id)
            {
                let chosen =
                    representative_of(statements, vectors, &supporters, theme.kind, &centroids[g]);
                if let Some(r) = chosen {
                    theme.representative = statements[r].text.clone();
                    theme.representative_id = statements[r].id.clone();
                }
            }
            // A statement of another theme states this one too only if it takes its side:
            // "Governments should not introduce a levy" near a levy theme is no support.
            let stated: Vec<(usize, f32)> = also[g]
                .iter()
                .copied()
                .filter(|&(r, _)| {
                    // A text that can withhold support from nothing supports or names
                    // whatever it is read toward, which `StatementStance::of` counts as
                    // support.
                    let p = &prepared[r];
                    !p.takes_no_position()
                        && (!may_reject[r]
                            || StatementStance::of(
                                &statements[r],
                                p.toward(&proposition),
                                prohibition,
                            )
                            .stance
                                == ThemeStance::Support)
                })
                .collect();
            let supporting: BTreeSet<&str> = rows
                .iter()
                .zip(&theme.stances)
                .filter(|(_, m)| m.stance == ThemeStance::Support)
                .map(|(r, _)| r)
                .chain(stated.iter().map(|(r, _)| r))
                .map(|&r| statements[r].session.as_str())
                .collect();
            // A statement of another theme that rejects this proposal in its words, from
            // a document that does not support it: the rejection the model put elsewhere.
            let rejecting: Vec<(usize, f32, String)> = if proposes && !supporting.is_empty() {
                elsewhere[g]
                    .iter()
                    .filter(|&&r| !supporting.contains(statements[r].session.as_str()))
                    .filter_map(|&r| {
                        let m = StatementStance::of(
                            &statements[r],
                            prepared[r].toward(&proposition),
                            prohibition,
                        );
                        (m.stance == ThemeStance::Dissent).then(|| {
                            let cos = vectors.row(r).dot(&centroids[g]);
                            (r, cos, m.cue.unwrap_or_default())
                        })
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let against: BTreeSet<&str> = rows
                .iter()
                .filter(|&&r| dissenting.contains(statements[r].id.as_str()))
                .chain(rejecting.iter().map(|(r, _, _)| r))
                .map(|&r| statements[r].session.as_str())
                .collect();
            // A document that rejects the proposal in its words (`split_for_listing`)
            // dissents, whatever else of it the theme holds.
            let supporting: BTreeSet<&str> = supporting.difference(&against).copied().collect();
            let in_order = |set: &BTreeSet<&str>| -> Vec<String> {
                session_order
                    .iter()
                    .filter(|id| set.contains(id.as_str()))
                    .cloned()
                    .collect()
            };
            theme.sessions = in_order(&supporting);
            theme.dissent_sessions = in_order(&against);
            theme.dissent = theme.dissent_sessions.len();
            theme.support = theme.sessions.len();
            theme.share = round4(theme.support as f64 / total as f64);
            theme.centrality = round4(f64::from(centroids[g].dot(&corpus_centroid)));
            theme.broad = theme.centrality >= BROAD_CENTRALITY;
            (theme, rows[0], g, stated, rejecting)
        })
        .collect();
    let mut also = also;
    let mut also_dissent: Vec<Vec<(usize, f32, String)>> = vec![Vec::new(); groups.len()];
    for (_, _, g, stated, rejecting) in &mut themes {
        also[*g] = std::mem::take(stated);
        also_dissent[*g] = std::mem::take(rejecting);
    }

    // Kind first (recommendations lead), specific before broad, then breadth of
    // support, then how tight the theme is; the first statement breaks ties.
    themes.sort_by(|(a, ra, ..), (b, rb, ..)| {
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
        .map(|(t, _, g, ..)| (t, g))
        .partition(|(t, _)| t.support >= min_sessions);
    let (mut recurring, rec_groups): (Vec<Theme>, Vec<usize>) = recurring.into_iter().unzip();
    let (mut unique, uni_groups): (Vec<Theme>, Vec<usize>) = unique.into_iter().unzip();
    number_recurring(&mut recurring);
    number_unique(&mut unique);

    // Theme id of every group, then the `also` statements with the id of their home.
    let mut group_id = vec![String::new(); groups.len()];
    for (t, &g) in recurring
        .iter()
        .zip(&rec_groups)
        .chain(unique.iter().zip(&uni_groups))
    {
        group_id[g] = t.id.clone();
    }
    let fill = |t: &mut Theme, g: usize| {
        let entry = |r: usize, cos: f32, cue: Option<String>| Also {
            theme: group_id[clustering.labels[r]].clone(),
            cosine: round4(f64::from(cos)),
            cue,
            statement: statements[r].clone(),
        };
        t.also = also[g]
            .iter()
            .map(|&(r, cos)| entry(r, cos, None))
            .collect();
        t.also_dissent = also_dissent[g]
            .iter()
            .map(|(r, cos, cue)| entry(*r, *cos, Some(cue.clone())))
            .collect();
    };
    for (t, &g) in recurring.iter_mut().zip(&rec_groups) {
        fill(t, g);
    }
    for (t, &g) in unique.iter_mut().zip(&uni_groups) {
        fill(t, g);
    }

    let common = common_ground(statements, &groups, parts, &group_id, session_order, total);
    Ranked {
        themes: recurring,
        unique,
        common,
    }
}

/// A theme as built: the theme, its first row (the order's tie-break), its group, the
/// `also` rows that take its side, with their cosines, and the rows of other themes that
/// reject it, with their cosines and cues.
type Built = (
    Theme,
    usize,
    usize,
    Vec<(usize, f32)>,
    Vec<(usize, f32, String)>,
);

/// For each group, the rows of other groups that state it too, with their cosine to
/// its centroid: at least [`ALSO_COSINE`], and sharing one of its top keywords.
/// Candidates come from an index of words, so a row meets only the themes it shares
/// a distinctive word with.
fn also_rows(
    vectors: ArrayView2<f32>,
    clustering: &Clustering,
    groups: &[Vec<usize>],
    centroids: &[Array1<f32>],
    keywords: &[Vec<String>],
    by_word: &HashMap<String, Vec<usize>>,
) -> Vec<Vec<(usize, f32)>> {
    groups
        .iter()
        .enumerate()
        .map(|(g, _)| {
            let candidates: BTreeSet<usize> = keywords[g]
                .iter()
                .take(ALSO_KEYWORDS)
                .filter_map(|w| by_word.get(w))
                .flatten()
                .copied()
                .filter(|&r| clustering.labels[r] != g)
                .collect();
            candidates
                .into_iter()
                .filter_map(|r| {
                    let cos = vectors.row(r).dot(&centroids[g]);
                    (cos >= ALSO_COSINE).then_some((r, cos))
                })
                .collect()
        })
        .collect()
}

/// The rows that use each content word, in row order.
fn word_index(statements: &[Statement]) -> HashMap<String, Vec<usize>> {
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (r, s) in statements.iter().enumerate() {
        let words: BTreeSet<String> = content_words(&s.text).into_iter().collect();
        for w in words {
            by_word.entry(w).or_default().push(r);
        }
    }
    by_word
}

/// How many of a theme's most distinctive words a statement of another theme must use
/// to be read as rejecting it…
const REJECTS_WORDS: usize = 2;

/// …out of this many.
const REJECTS_KEYWORDS: usize = 4;

/// For each group, the rows of other groups that may reject what it proposes: they can
/// withhold support (`may_reject`, by row) and use [`REJECTS_WORDS`] of its top
/// [`REJECTS_KEYWORDS`] keywords. A rejection sits far from the proposal in the model's
/// space ("does not support zero-rating", cosine 0.40 to the zero-rating theme), so
/// words, not a cosine, find it; the stance engine decides.
fn rejection_candidates(
    clustering: &Clustering,
    groups: &[Vec<usize>],
    keywords: &[Vec<String>],
    by_word: &HashMap<String, Vec<usize>>,
    may_reject: &[bool],
) -> Vec<Vec<usize>> {
    (0..groups.len())
        .map(|g| {
            let mut uses: BTreeMap<usize, usize> = BTreeMap::new();
            for rows in keywords[g]
                .iter()
                .take(REJECTS_KEYWORDS)
                .filter_map(|w| by_word.get(w))
            {
                for &r in rows
                    .iter()
                    .filter(|&&r| may_reject[r] && clustering.labels[r] != g)
                {
                    *uses.entry(r).or_default() += 1;
                }
            }
            uses.into_iter()
                .filter(|&(_, n)| n >= REJECTS_WORDS)
                .map(|(r, _)| r)
                .collect()
        })
        .collect()
}

/// One entry per split catch-all: its sessions and the ids of its parts.
fn common_ground(
    statements: &[Statement],
    groups: &[Vec<usize>],
    parts: &[Vec<usize>],
    group_id: &[String],
    session_order: &[String],
    total: usize,
) -> Vec<CommonGround> {
    let mut out: Vec<CommonGround> = parts
        .iter()
        .filter(|p| p.iter().all(|&g| g < groups.len()))
        .map(|p| {
            let rows: Vec<usize> = p.iter().flat_map(|&g| groups[g].iter().copied()).collect();
            let texts: Vec<Vec<&str>> =
                vec![rows.iter().map(|&r| statements[r].text.as_str()).collect()];
            let present: BTreeSet<&str> = rows
                .iter()
                .map(|&r| statements[r].session.as_str())
                .collect();
            let sessions: Vec<String> = session_order
                .iter()
                .filter(|id| present.contains(id.as_str()))
                .cloned()
                .collect();
            let mut themes: Vec<String> = p.iter().map(|&g| group_id[g].clone()).collect();
            // Recurring themes (rec-, obs-) before unique entries, each by rank.
            themes.sort_by_key(|id| {
                let (prefix, n) = id.rsplit_once('-').unwrap_or((id.as_str(), "0"));
                (
                    prefix == "unique",
                    prefix.to_string(),
                    n.parse::<usize>().unwrap_or(0),
                )
            });
            CommonGround {
                id: String::new(),
                title: String::new(),
                keywords: label::keywords(&texts, LABEL_WORDS)
                    .pop()
                    .unwrap_or_default(),
                support: sessions.len(),
                share: round4(sessions.len() as f64 / total as f64),
                sessions,
                statements: rows.len(),
                themes,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.support
            .cmp(&a.support)
            .then(b.statements.cmp(&a.statements))
    });
    for (i, c) in out.iter_mut().enumerate() {
        c.id = format!("common-{}", i + 1);
    }
    out
}

/// Words past which a representative starts to lose points: a reader takes in a
/// sentence of about this length at a glance.
const SHORT_WORDS: usize = 25;

/// Do at least two of the members that name `term`, and at least half of them, name it
/// only after "without" ([`stance::Prepared::names_only_without`])?
fn named_mostly_without(rows: &[usize], prepared: &[stance::Prepared], term: &str) -> bool {
    let (mut named, mut without) = (0, 0);
    for &r in rows {
        if let Some(only) = prepared[r].names_only_without(term) {
            named += 1;
            without += usize::from(only);
        }
    }
    without >= 2 && without * 2 >= named
}

/// The member that says the theme most directly: of the theme's kind (so a
/// recommendation theme is represented by a recommendation), close to the other
/// members, and short; see docs/THRESHOLDS.md.
fn representative(
    statements: &[Statement],
    vectors: ArrayView2<f32>,
    rows: &[usize],
    candidates: &[usize],
    centre: &Array1<f32>,
) -> usize {
    let mut best: Option<(usize, f32)> = None;
    for &r in candidates {
        let words = statements[r].text.split_whitespace().count();
        let central = if rows.len() > 1 {
            vectors.row(r).dot(centre)
        } else {
            1.0
        };
        // 0.005 per word beyond SHORT_WORDS: a 45-word sentence gives up 0.1 of cosine.
        // Fragments of under 5 words are mostly headings or lead-ins.
        let long = 0.005 * words.saturating_sub(SHORT_WORDS) as f32;
        let short = 0.03 * 5usize.saturating_sub(words) as f32;
        let score = central - long - short;
        if best.is_none_or(|(_, s)| score > s + 1e-6) {
            best = Some((r, score));
        }
    }
    best.map_or(rows[0], |(r, _)| r)
}

/// The representative among `rows`, preferring a statement of the theme's kind: the best
/// wording of a recommendation theme should itself be a recommendation. `None` when
/// `rows` is empty.
fn representative_of(
    statements: &[Statement],
    vectors: ArrayView2<f32>,
    rows: &[usize],
    kind: StatementKind,
    centre: &Array1<f32>,
) -> Option<usize> {
    let of_kind: Vec<usize> = rows
        .iter()
        .copied()
        .filter(|&r| statements[r].kind == kind)
        .collect();
    let candidates = if of_kind.is_empty() { rows } else { &of_kind };
    (!candidates.is_empty()).then(|| representative(statements, vectors, rows, candidates, centre))
}

/// The kind of the majority of `members` (a tie leads with the recommendation): one call
/// to act among ten reports does not make a theme a recommendation.
fn majority_kind(members: &[&Statement]) -> StatementKind {
    let calls = members
        .iter()
        .filter(|s| s.kind == StatementKind::Recommendation)
        .count();
    if calls * 2 >= members.len() {
        StatementKind::Recommendation
    } else {
        StatementKind::Observation
    }
}

fn build(
    statements: &[Statement],
    vectors: ArrayView2<f32>,
    rows: &[usize],
    centre: &Array1<f32>,
    keywords: Vec<String>,
) -> Theme {
    let members: Vec<&Statement> = rows.iter().map(|&r| &statements[r]).collect();
    let kind = majority_kind(&members);
    // A theme is built from a cluster, never empty: `rows[0]` is only the type's fallback.
    let chosen = representative_of(statements, vectors, rows, kind, centre).unwrap_or(rows[0]);
    Theme {
        id: String::new(),
        kind,
        rank: 0,
        title: String::new(),
        label: keywords.join(" · "),
        keywords,
        support: 0,
        share: 0.0,
        cohesion: round4(f64::from(similarity::mean_pairwise(vectors, rows))),
        centrality: 0.0,
        broad: false,
        sessions: Vec::new(),
        representative: statements[chosen].text.clone(),
        representative_id: statements[chosen].id.clone(),
        statements: members.into_iter().cloned().collect(),
        stances: Vec::new(),
        dissent: 0,
        dissent_sessions: Vec::new(),
        also: Vec::new(),
        also_dissent: Vec::new(),
    }
}

impl Theme {
    /// The theme's statements with their stance: supporting ones and dissenting ones apart.
    pub fn split_by_stance(&self) -> (Vec<&Statement>, Vec<(&Statement, &StatementStance)>) {
        let mut support = Vec::new();
        let mut dissent = Vec::new();
        for (i, s) in self.statements.iter().enumerate() {
            match self.stances.get(i) {
                Some(m) if m.stance == ThemeStance::Dissent => dissent.push((s, m)),
                _ => support.push(s),
            }
        }
        (support, dissent)
    }

    /// The condition or reservation a supporting member set on its support, if any.
    pub fn condition_of(&self, id: &str) -> Option<&str> {
        self.stances
            .iter()
            .find(|m| m.id == id)
            .and_then(|m| m.condition.as_deref())
    }

    /// A recurring theme's members as its page prints them: those that take its side,
    /// those that only mention it (listed, not counted), and the dissent.
    pub fn by_stance(&self) -> ThemeMembers<'_> {
        let (all, dissent) = self.split_by_stance();
        let mention = |s: &&Statement| {
            self.stances
                .iter()
                .any(|m| m.id == s.id && m.stance == ThemeStance::Mention)
        };
        let (mentions, support): (Vec<&Statement>, Vec<&Statement>) =
            all.into_iter().partition(mention);
        ThemeMembers {
            support,
            mentions,
            dissent,
        }
    }

    /// What a unique entry prints: [`Theme::split_for_listing`] with the representative
    /// first, so the entry opens on the statement of its kind that says it best (it opened
    /// on the first in document order: a report of the setting above the ask).
    pub fn listing(&self) -> (Vec<&Statement>, Vec<(&Statement, &StatementStance)>) {
        let (mut support, dissent) = self.split_for_listing();
        if let Some(i) = support.iter().position(|s| s.id == self.representative_id) {
            let head = support.remove(i);
            support.insert(0, head);
        }
        (support, dissent)
    }

    /// [`Theme::split_by_stance`] for a unique entry: its opponents in other sessions are
    /// dissent, never more of the same; with no supporter taking its stand (only reports
    /// and arguments) there is nothing proposed to dissent from, and every statement
    /// stands as it is. A document does not dissent
    /// from itself: "Clearly reject any proposal to ban digital platforms" beside the same
    /// document's call to prohibit disruption of platforms is more of its position. Unless
    /// it rejects another document's proposal in that proposal's own words ("We reject
    /// the proposal to create a new Global Water Facility" against "…should create a new
    /// Global Water Facility"): then it dissents, whatever else it says in the theme.
    pub fn split_for_listing(&self) -> (Vec<&Statement>, Vec<(&Statement, &StatementStance)>) {
        let (support, dissent) = self.split_by_stance();
        // A document proposes the theme by a member that takes the stand, not by one
        // that only argues or reports ("A permanent IGF would remove the pressure to
        // reform" beside the same paper's "reject a permanent mandate").
        let proposers: BTreeSet<&str> = self
            .statements
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                self.stances
                    .get(*i)
                    .is_none_or(|m| m.stance == ThemeStance::Support && m.explicit)
            })
            .map(|(_, s)| s.session.as_str())
            .collect();
        // With nobody taking the theme's stand there is nothing proposed to dissent from:
        // "Governments should not use shutdowns" beside a report that filtering is used to
        // justify shutdowns agrees with it.
        if support.is_empty() || proposers.is_empty() {
            return (self.statements.iter().collect(), Vec::new());
        }
        // Each dissent is judged once: it stands unless its own document proposes the
        // theme and it does not name another document's proposal.
        let dissent: Vec<_> = dissent
            .into_iter()
            .filter(|(s, _)| {
                !proposers.contains(s.session.as_str()) || names_anothers_proposal(s, &support)
            })
            .collect();
        let standing: BTreeSet<&str> = dissent.iter().map(|(s, _)| s.id.as_str()).collect();
        let listed = self
            .statements
            .iter()
            .filter(|s| !standing.contains(s.id.as_str()))
            .collect();
        (listed, dissent)
    }
}

/// Fewest two-word phrases a dissent shares with another document's supporting statement
/// to name that proposal in its own words.
const NAMING_PHRASES: usize = 2;

/// Does `dissent` share [`NAMING_PHRASES`] two-word phrases ("water investment",
/// "investment facility") with a supporting statement of another session?
fn names_anothers_proposal(dissent: &Statement, support: &[&Statement]) -> bool {
    let pairs = |text: &str| -> BTreeSet<String> {
        phrase_keys(text)
            .into_iter()
            .map(|(key, _)| key)
            .filter(|key| key.contains(' '))
            .collect()
    };
    let named = pairs(&dissent.text);
    support
        .iter()
        .filter(|s| s.session != dissent.session)
        .any(|s| pairs(&s.text).intersection(&named).count() >= NAMING_PHRASES)
}

/// A theme's members by how they stand toward it ([`Theme::by_stance`]).
pub struct ThemeMembers<'a> {
    /// Members that state, ask for or welcome it.
    pub support: Vec<&'a Statement>,
    /// Members that only name it.
    pub mentions: Vec<&'a Statement>,
    /// Members that reject it, with the words that say so.
    pub dissent: Vec<(&'a Statement, &'a StatementStance)>,
}

/// How many of a theme's keywords name what it proposes, for reading dissent.
const DISSENT_TERMS: usize = 3;

/// Whether a theme statement supports what the theme proposes or dissents from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeStance {
    /// States, calls for or welcomes it.
    Support,
    /// Opposes or rejects it: counted apart, never as support.
    Dissent,
    /// Names a proposal without taking a side (a report of the meeting, an argument):
    /// listed with it, counted for nobody.
    Mention,
}

/// The stance of one theme statement, with the words that decided a dissent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementStance {
    /// Id of the statement (the theme's `statements` hold it, in the same order).
    pub id: String,
    /// Support, dissent or a mention.
    pub stance: ThemeStance,
    /// The cue that decided a dissent ("oppose", "rather than"…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// For a support given on a condition or with a reservation, the words that set it
    /// ("only if", "provided that", "but … concerns").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The support was read from a cue ("should", "supports"), not given by default to
    /// a member that takes no stand (an argument, a report).
    #[serde(skip)]
    pub explicit: bool,
}

impl StatementStance {
    /// A statement's stance toward its theme from its `reading` toward the theme's terms
    /// (the one stance engine the agreement verb uses too); `prohibition` when the theme
    /// asks for something not to be done.
    fn of(statement: &Statement, reading: stance::Reading, prohibition: bool) -> Self {
        // A bare negation in a report ("platforms do not address X") describes a gap more
        // often than it rejects the theme; it dissents only in a call ("we should not…"),
        // with an explicit cue of opposition ("oppose", "rather than"…) or a negated
        // position ("we do not support…").
        let reading = reading
            .after_vote(statement.defeated.is_some())
            .toward_prohibition(prohibition)
            .in_a_report(statement.kind == StatementKind::Recommendation);
        // "Views diverged on X" reports both sides, "One participant suggested X" one
        // person's view: each names the theme, for nobody.
        if reading.is_divided() || reading.is_minority_view() {
            return StatementStance {
                id: statement.id.clone(),
                stance: ThemeStance::Mention,
                cue: None,
                condition: None,
                explicit: false,
            };
        }
        let dissent = reading.position == stance::Position::Oppose;
        let condition = reading.condition().map(str::to_owned);
        StatementStance {
            condition,
            id: statement.id.clone(),
            stance: if dissent {
                ThemeStance::Dissent
            } else {
                ThemeStance::Support
            },
            explicit: reading.position == stance::Position::Support,
            cue: if dissent { reading.cue } else { None },
        }
    }
}

/// Rank recurring themes within their kind: `rec-1`, `rec-2`, …, `obs-1`, …
fn number_recurring(themes: &mut [Theme]) {
    let (mut rec, mut obs) = (0, 0);
    for t in themes {
        let (counter, prefix) = match t.kind {
            StatementKind::Recommendation => (&mut rec, "rec"),
            StatementKind::Observation => (&mut obs, "obs"),
        };
        *counter += 1;
        t.rank = *counter;
        t.id = format!("{prefix}-{}", t.rank);
    }
}

/// Rank unique proposals in one sequence: `unique-1`, `unique-2`, …
fn number_unique(themes: &mut [Theme]) {
    for (i, t) in themes.iter_mut().enumerate() {
        t.rank = i + 1;
        t.id = format!("unique-{}", t.rank);
    }
}

/// Unit-length mean of the given rows (zero if they cancel out).
pub fn centroid(vectors: ArrayView2<f32>, rows: &[usize]) -> Array1<f32> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::SectionKind;
    use ndarray::Array2;

    /// Built from JSON so fields added to `Statement` later (with defaults) keep this compiling.
    fn statement(id: &str, session: &str, text: &str) -> Statement {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "session": session,
            "section": SectionKind::Recommendations,
            "kind": StatementKind::Recommendation,
            "text": text,
            "source": format!("{session}.txt"),
            "line": 1,
        }))
        .expect("a statement")
    }

    /// A theme built from three statements, the first at its centre.
    fn three_built(statements: &[Statement]) -> Theme {
        let vectors = unit(&[[1.0, 0.0, 0.0], [0.9, 0.1, 0.0], [0.9, 0.0, 0.1]]);
        let centre = Array1::from(vec![1.0, 0.0, 0.0]);
        build(statements, vectors.view(), &[0, 1, 2], &centre, Vec::new())
    }

    #[test]
    fn a_document_proposes_a_theme_by_taking_the_stand_not_by_arguing_about_it() {
        let statements = vec![
            statement(
                "a#1",
                "a",
                "A permanent port data registry would remove the pressure to reform it.",
            ),
            statement(
                "a#2",
                "a",
                "We call on members to reject a permanent port data registry.",
            ),
            // In other words than a's, so a's rejection does not name b's proposal.
            statement(
                "b#1",
                "b",
                "Members should make the registry of port data permanent.",
            ),
        ];
        let mut theme = three_built(&statements);
        let terms: Vec<String> = ["permanent", "registry"].map(String::from).to_vec();
        theme.stances = statements
            .iter()
            .map(|s| StatementStance::of(s, stance::read(&s.text, &terms), false))
            .collect();
        // a's argument took no stand; it had made a a proposer, and a's rejection was
        // dropped as a document dissenting from itself.
        let (_, dissent) = theme.split_for_listing();
        let ids: Vec<&str> = dissent.iter().map(|(s, _)| s.id.as_str()).collect();
        assert_eq!(ids, ["a#2"]);
    }

    #[test]
    fn dissent_needs_opposition_not_a_reported_gap() {
        let terms: Vec<String> = ["registry", "sensor"].map(String::from).to_vec();
        let stance = |text: &str, kind: StatementKind| {
            let mut s = statement("a#1", "a", text);
            s.kind = kind;
            StatementStance::of(&s, stance::read(text, &terms), false).stance
        };
        use StatementKind::*;
        use ThemeStance::*;
        assert_eq!(
            stance("We oppose a shared sensor registry.", Observation),
            Dissent
        );
        assert_eq!(
            stance("Ports should not fund a sensor registry.", Recommendation),
            Dissent
        );
        // A negated position is a rejection, even in a sentence that asks nothing.
        assert_eq!(
            stance("We do not support a shared sensor registry.", Observation),
            Dissent
        );
        // A report that something is missing describes a gap the theme would fill.
        assert_eq!(
            stance("Current tools do not offer a sensor registry.", Observation),
            Support
        );
        assert_eq!(
            stance("Fund a shared sensor registry.", Recommendation),
            Support
        );
    }

    #[test]
    fn a_lone_proposal_lists_its_own_session_rejecting_a_ban_as_more_of_it() {
        let statements = vec![
            statement(
                "a#1",
                "a",
                "Prohibit the disruption of port data platforms.",
            ),
            statement(
                "a#2",
                "a",
                "Reject any proposal to ban port data platforms.",
            ),
            statement("b#1", "b", "We oppose port data platforms."),
        ];
        let mut theme = three_built(&statements);
        let stance = |id: &str, stance| StatementStance {
            id: id.into(),
            stance,
            cue: None,
            condition: None,
            explicit: true,
        };
        theme.stances = vec![
            stance("a#1", ThemeStance::Support),
            stance("a#2", ThemeStance::Dissent),
            stance("b#1", ThemeStance::Dissent),
        ];
        let (listed, dissent) = theme.split_for_listing();
        let ids = |v: Vec<&Statement>| v.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        // a#2 was printed as the document dissenting from itself.
        assert_eq!(ids(listed), ["a#1", "a#2"]);
        assert_eq!(
            dissent
                .iter()
                .map(|(s, _)| s.id.as_str())
                .collect::<Vec<_>>(),
            ["b#1"]
        );
    }

    #[test]
    fn a_proposal_nobody_else_makes_is_supported_by_its_session_whatever_its_negation() {
        // "…an address that does not change" reads as a negation of the entry's own words;
        // the entry was counted "0 sessions support" and its session was dropped.
        let statements = vec![
            statement(
                "a#1",
                "a",
                "Give each dataset a permanent address that does not change when the site changes.",
            ),
            statement("b#1", "b", "Fund youth travel grants for the meeting."),
        ];
        let vectors = unit(&[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]);
        let clustering = Clustering::from_raw(&[0, 1]);
        let order: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let r = rank(&statements, vectors.view(), &clustering, &[], &order, 2);
        let entry = r
            .unique
            .iter()
            .find(|t| t.statements[0].id == "a#1")
            .expect("a unique entry");
        assert_eq!(
            (entry.support, entry.sessions.clone(), entry.dissent),
            (1, vec!["a".to_owned()], 0)
        );
        assert_eq!(entry.stances[0].stance, ThemeStance::Support);
    }

    fn unit(rows: &[[f32; 3]]) -> Array2<f32> {
        let mut m = Array2::from_shape_fn((rows.len(), 3), |(i, j)| rows[i][j]);
        for mut r in m.rows_mut() {
            let n = r.dot(&r).sqrt();
            r /= n;
        }
        m
    }

    /// Two themes: an IGF theme of sessions a and b, and a youth theme of c and d whose
    /// c#1 (`c_text`) points (cosine 0.8) towards the IGF theme; the ranking and the IGF
    /// theme's index in it.
    fn igf_and_youth(c_text: &str) -> (Ranked, usize) {
        let statements = vec![
            statement("a#1", "a", "renew the IGF mandate"),
            statement("b#1", "b", "a permanent IGF mandate"),
            statement("c#1", "c", c_text),
            statement("d#1", "d", "fund youth travel grants"),
        ];
        let vectors = unit(&[
            [1.0, 0.0, 0.0],
            [1.0, 0.0, 0.0],
            [0.8, 0.6, 0.0],
            [0.0, 1.0, 0.0],
        ]);
        let clustering = Clustering::from_raw(&[0, 0, 1, 1]);
        let order: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let r = rank(&statements, vectors.view(), &clustering, &[], &order, 2);
        let igf = r
            .themes
            .iter()
            .position(|t| t.statements.iter().any(|s| s.id == "a#1"))
            .expect("IGF theme recurs");
        (r, igf)
    }

    #[test]
    fn a_rejection_clustered_in_another_theme_dissents_and_a_report_there_does_not() {
        let statements = vec![
            statement(
                "a#1",
                "a",
                "Operators should zero-rate learning platforms for students.",
            ),
            statement(
                "b#1",
                "b",
                "Ministries should zero-rate learning platforms for students.",
            ),
            // Far from the proposal in the model's space, as a rejection is.
            statement(
                "c#1",
                "c",
                "The workshop does not support zero-rating of learning platforms for students.",
            ),
            statement("c#2", "c", "Libraries should open on Sundays."),
            statement("d#1", "d", "Students use learning platforms every evening."),
            statement("d#2", "d", "Libraries should lend laptops."),
        ];
        let vectors = unit(&[
            [1.0, 0.0, 0.0],
            [1.0, 0.0, 0.0],
            [0.0, 1.0, 0.0],
            [0.0, 1.0, 0.0],
            [0.0, 1.0, 0.0],
            [0.0, 1.0, 0.0],
        ]);
        let clustering = Clustering::from_raw(&[0, 0, 1, 1, 1, 1]);
        let order: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let r = rank(&statements, vectors.view(), &clustering, &[], &order, 2);
        let zero = r
            .themes
            .iter()
            .find(|t| t.statements.iter().any(|s| s.id == "a#1"))
            .expect("the zero-rating theme recurs");
        let libraries = r
            .themes
            .iter()
            .find(|t| t.statements.iter().any(|s| s.id == "c#1"))
            .expect("the other theme recurs");
        assert_eq!(zero.support, 2);
        assert_eq!(zero.dissent_sessions, vec!["c"], "{:?}", zero.also_dissent);
        assert_eq!(zero.dissent, 1);
        assert_eq!(zero.also_dissent.len(), 1);
        assert_eq!(zero.also_dissent[0].statement.id, "c#1");
        assert_eq!(zero.also_dissent[0].theme, libraries.id);
        assert!(zero.also_dissent[0].cue.is_some());
        // The report in the other theme names the platforms and rejects nothing.
        assert!(zero.also_dissent.iter().all(|a| a.statement.id != "d#1"));
    }

    #[test]
    fn also_lists_a_statement_of_another_theme_and_counts_its_session() {
        let (r, igf) = igf_and_youth("fund youth travel, and keep the IGF mandate");
        let igf = &r.themes[igf];
        let youth = r
            .themes
            .iter()
            .find(|t| t.statements.iter().any(|s| s.id == "d#1"))
            .expect("youth theme recurs");
        assert_eq!(igf.statements.len(), 2, "members stay members");
        assert_eq!(igf.also.len(), 1);
        assert_eq!(igf.also[0].statement.id, "c#1");
        assert_eq!(
            igf.also[0].theme, youth.id,
            "also names the statement's home"
        );
        assert_eq!(igf.support, 3, "a, b and, through also, c");
        assert_eq!(igf.sessions, vec!["a", "b", "c"]);
        assert!(youth.also.is_empty(), "a#1 is far from the youth theme");
        assert_eq!(youth.support, 2);
        // Support decides the order: the IGF theme (3 sessions) leads.
        assert_eq!(r.themes[0].id, igf.id);
    }

    #[test]
    fn a_document_that_rejects_anothers_proposal_in_its_words_dissents() {
        // b also urges something else the theme gathered; its rejection of a's proposal,
        // named in a's words, was taken for "one position" and b counted as support.
        let statements = vec![
            statement(
                "a#1",
                "a",
                "Governments should create a new Tide Data Facility to pool capital.",
            ),
            statement(
                "b#1",
                "b",
                "Development banks should stop making loans conditional on privatisation.",
            ),
            statement(
                "b#2",
                "b",
                "We reject the proposal to create a new Tide Data Facility.",
            ),
        ];
        let vectors = unit(&[[1.0, 0.0, 0.0], [1.0, 0.1, 0.0], [1.0, 0.0, 0.1]]);
        let clustering = Clustering::from_raw(&[0, 0, 0]);
        let order: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let r = rank(&statements, vectors.view(), &clustering, &[], &order, 1);
        let t = &r.themes[0];
        assert_eq!(t.sessions, vec!["a"]);
        assert_eq!(t.dissent_sessions, vec!["b"]);
        assert_eq!((t.support, t.dissent), (1, 1));
    }

    #[test]
    fn a_unique_entry_opens_on_its_representative() {
        let mut report = statement("a#1", "a", "Electricity takes 40% of the budgets.");
        report.kind = StatementKind::Observation;
        let statements = vec![
            report,
            statement(
                "a#2",
                "a",
                "Energy ministries should fund solar micro-grids.",
            ),
        ];
        let vectors = unit(&[[1.0, 0.0, 0.0], [1.0, 0.1, 0.0]]);
        let clustering = Clustering::from_raw(&[0, 0]);
        let order: Vec<String> = vec!["a".into()];
        let r = rank(&statements, vectors.view(), &clustering, &[], &order, 2);
        let entry = &r.unique[0];
        assert_eq!(entry.representative_id, "a#2");
        // It printed the report first, under "Recommendation", and the ask as "also".
        let (listed, _) = entry.listing();
        assert_eq!(listed[0].id, "a#2");
        assert_eq!(listed[1].id, "a#1");
    }

    /// Rank three statements of sessions a, b and c as one theme.
    fn one_theme(texts: [&str; 3]) -> Theme {
        let statements: Vec<Statement> = ["a", "b", "c"]
            .iter()
            .zip(texts)
            .map(|(session, text)| statement(&format!("{session}#1"), session, text))
            .collect();
        let vectors = unit(&[[1.0, 0.0, 0.0], [1.0, 0.3, 0.0], [1.0, 0.0, 0.3]]);
        let clustering = Clustering::from_raw(&[0, 0, 0]);
        let order: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let r = rank(&statements, vectors.view(), &clustering, &[], &order, 2);
        r.themes.into_iter().next().expect("one recurring theme")
    }

    /// Rank a report of session a and a call of session b as one entry.
    fn report_and_call(report: &str, call: &str) -> Theme {
        let mut report = statement("a#1", "a", report);
        report.kind = StatementKind::Observation;
        let statements = vec![report, statement("b#1", "b", call)];
        let vectors = unit(&[[1.0, 0.0, 0.0], [1.0, 0.2, 0.0]]);
        let clustering = Clustering::from_raw(&[0, 0]);
        let order: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let r = rank(&statements, vectors.view(), &clustering, &[], &order, 3);
        r.unique.into_iter().next().expect("one entry")
    }

    /// The one theme of three reports on a tide levy from sessions a, b and c, `first`
    /// the most central; its stances in that order.
    fn tide_reports(first: &str) -> Theme {
        let statements: Vec<Statement> = [
            ("a", first),
            ("b", "The tide levy on shipping pays for harbour repairs."),
            (
                "c",
                "Ports said the tide levy on shipping pays for dredging.",
            ),
        ]
        .iter()
        .map(|(session, text)| {
            let mut s = statement(&format!("{session}#1"), session, text);
            s.kind = StatementKind::Observation;
            s
        })
        .collect();
        let vectors = unit(&[[1.0, 0.0, 0.0], [1.0, 0.3, 0.0], [1.0, 0.0, 0.3]]);
        let clustering = Clustering::from_raw(&[0, 0, 0]);
        let order: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let r = rank(&statements, vectors.view(), &clustering, &[], &order, 2);
        r.themes.into_iter().next().expect("the reports recur")
    }

    #[test]
    fn a_question_put_counts_for_nobody_and_never_heads_a_finding() {
        // "Should the levy be raised?" had counted as a session stating the finding, and,
        // the most central, headed it.
        let theme = tide_reports("Should the tide levy on shipping be raised?");
        assert_eq!(theme.kind, StatementKind::Observation);
        assert_eq!(theme.sessions, vec!["b", "c"]);
        assert_ne!(theme.representative_id, "a#1");
        assert_eq!(theme.stances[0].stance, ThemeStance::Mention);
    }

    #[test]
    fn a_report_of_a_divided_meeting_counts_for_nobody() {
        // That the room was split on the levy had counted as a session stating the finding.
        let theme = tide_reports(
            "The room was split on whether the tide levy on shipping should be raised.",
        );
        assert_eq!(theme.sessions, vec!["b", "c"]);
        assert_eq!(theme.stances[0].stance, ThemeStance::Mention);
        assert_eq!(theme.dissent, 0);
    }

    #[test]
    fn a_call_not_to_act_beside_a_report_of_the_act_dissents_from_nothing() {
        // The report proposes nothing: the call had been listed as its dissent.
        let entry = report_and_call(
            "Filtering is increasingly used to justify network shutdowns during protests.",
            "Governments should not use network shutdowns during protests.",
        );
        assert_eq!(entry.dissent, 0, "{:?}", entry.stances);
        assert!(entry.listing().1.is_empty());
    }

    #[test]
    fn an_entry_takes_its_kind_from_its_own_members_not_its_dissent() {
        // A report beside another document's rejection had been a "Recommendation" entry:
        // the tie of one report and one call led with the call, which was the dissent.
        let entry = report_and_call(
            "Participants welcomed the proposal for a tide levy on shipping.",
            "We oppose a tide levy on shipping.",
        );
        assert_eq!(
            entry.listing().1.len(),
            1,
            "b dissents: {:?}",
            entry.stances
        );
        assert_eq!(entry.kind, StatementKind::Observation);
    }

    #[test]
    fn a_counter_proposal_made_instead_dissents() {
        let texts = [
            ("a", "The tide council should be given a permanent mandate."),
            ("b", "Leaders should make its mandate permanent."),
            (
                "c",
                "We propose that the tide council's mandate be renewed for five years instead.",
            ),
            // Another theme on the same council, so that the first is named by what it
            // proposes (a permanent mandate), as in a real corpus, not by the council
            // every document names.
            (
                "a",
                "The tide council should publish its budget every year.",
            ),
            ("c", "The tide council should publish its accounts online."),
            (
                "b",
                "The tide council should publish its budget and accounts.",
            ),
        ];
        let statements: Vec<Statement> = texts
            .iter()
            .enumerate()
            .map(|(i, (session, text))| statement(&format!("{session}#{i}"), session, text))
            .collect();
        let vectors = unit(&[
            [1.0, 0.0, 0.0],
            [1.0, 0.3, 0.0],
            [1.0, 0.0, 0.3],
            [0.0, 1.0, 0.0],
            [0.0, 1.0, 0.2],
            [0.0, 1.0, 0.1],
        ]);
        let clustering = Clustering::from_raw(&[0, 0, 0, 1, 1, 1]);
        let order: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let r = rank(&statements, vectors.view(), &clustering, &[], &order, 2);
        let theme = r
            .themes
            .iter()
            .find(|t| t.keywords.iter().any(|k| k == "permanent"))
            .expect("the mandate theme recurs");
        // The counter-proposal asks ("propose … renewed") and was counted: 3 of 3.
        assert_eq!(
            (theme.support, theme.dissent),
            (2, 1),
            "{:?}",
            theme.keywords
        );
        assert_eq!(theme.dissent_sessions, vec!["c"]);
    }

    #[test]
    fn one_participants_suggestion_does_not_state_another_theme() {
        // c#1 points towards the IGF theme and shares its words, but only one participant
        // suggested it: a mention in its own theme, it is no supporter through `also`.
        let (r, igf) =
            igf_and_youth("fund youth travel; one participant suggested a permanent IGF mandate");
        assert!(r.themes[igf].also.is_empty(), "{:?}", r.themes[igf].also);
    }

    #[test]
    fn free_of_charge_states_a_theme_that_asks_for_no_charge() {
        // "free of charge" had dissented from a theme of open data "without charge": the
        // theme's own members name the charge only after "without".
        let theme = one_theme([
            "Ports should publish tide records without charge.",
            "Harbour masters must share tide records without any charge.",
            "The port authority will publish its tide records online, free of charge.",
        ]);
        assert_eq!(
            (theme.support, theme.dissent),
            (3, 0),
            "{:?} {:?}",
            theme.keywords,
            theme.stances
        );
    }

    #[test]
    fn one_participants_suggestion_counts_for_no_session() {
        // "One participant suggested…" had counted its session as a supporter, and its
        // words had titled an invented theme ("Participant suggested that vessel-tracking
        // data should be opened").
        let theme = one_theme([
            "Harbours should open their tide data to the public.",
            "Port authorities must open tide data to the public.",
            "One participant suggested that tide data should be opened to the public.",
        ]);
        assert_eq!((theme.support, theme.dissent), (2, 0));
        assert_eq!(theme.stances[2].stance, ThemeStance::Mention);
    }

    #[test]
    fn a_call_not_to_act_agrees_with_a_theme_that_asks_to_refrain() {
        let theme = one_theme([
            "Ports should refrain from closing tide stations in storms.",
            "Port authorities must not close tide stations in storms.",
            "Harbours should stop closing tide stations in storms.",
        ]);
        // "must not close" was read as rejecting the theme: 2 of 3 support, 1 dissents.
        assert_eq!((theme.support, theme.dissent), (3, 0));
        // Against a theme that asks for the act, the same call rejects it.
        let theme = one_theme([
            "Ports should close tide stations in storms.",
            "Port authorities must not close tide stations in storms.",
            "Harbours should close tide stations during storms.",
        ]);
        assert_eq!((theme.support, theme.dissent), (2, 1));
    }

    #[test]
    fn a_theme_is_never_represented_by_its_dissent() {
        let theme = one_theme([
            // The most central and shortest member, so the first choice before stances.
            "We oppose a tide sensor registry.",
            "Ports should fund a tide sensor registry for every harbour.",
            "A tide sensor registry should be funded by ports jointly.",
        ]);
        assert_eq!((theme.support, theme.dissent), (2, 1));
        assert_ne!(theme.representative_id, "a#1");
        assert!(!theme.representative.contains("oppose"));
    }

    #[test]
    fn a_statement_of_another_theme_that_rejects_this_one_does_not_state_it() {
        // c#1 points towards the IGF theme and shares its words, but rejects what it
        // proposes: it had been listed in `also` and counted as a supporter.
        let (r, igf) = igf_and_youth("fund youth travel; we oppose a permanent IGF mandate");
        let igf = &r.themes[igf];
        assert!(igf.also.is_empty(), "{:?}", igf.also);
        assert_eq!(igf.sessions, vec!["a", "b"]);
    }

    #[test]
    fn also_needs_a_shared_distinctive_word() {
        let statements = vec![
            statement("a#1", "a", "renew the IGF mandate"),
            statement("b#1", "b", "a permanent IGF mandate"),
            statement("c#1", "c", "fund youth travel"),
            statement("d#1", "d", "fund youth travel grants"),
        ];
        let vectors = unit(&[
            [1.0, 0.0, 0.0],
            [1.0, 0.0, 0.0],
            [0.8, 0.6, 0.0],
            [0.0, 1.0, 0.0],
        ]);
        let clustering = Clustering::from_raw(&[0, 0, 1, 1]);
        let order: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let r = rank(&statements, vectors.view(), &clustering, &[], &order, 2);
        assert!(r.themes.iter().all(|t| t.also.is_empty()));
        assert!(r.themes.iter().all(|t| t.support == 2));
    }

    #[test]
    fn representative_prefers_a_short_central_statement() {
        let long = "renew the mandate ".repeat(12);
        let statements = vec![
            statement("a#1", "a", &long),
            statement("b#1", "b", "renew the IGF mandate now"),
            statement("c#1", "c", "renew it"),
        ];
        // The long one is the most central; 36 words cost it 0.055, more than its lead.
        let vectors = unit(&[[1.0, 0.05, 0.0], [1.0, 0.12, 0.0], [1.0, 0.0, 0.2]]);
        let c = centroid(vectors.view(), &[0, 1, 2]);
        let r = representative(&statements, vectors.view(), &[0, 1, 2], &[0, 1, 2], &c);
        assert_eq!(r, 1);
    }

    #[test]
    fn a_catch_all_is_re_cut_and_a_tight_theme_is_not() {
        // Two tight sub-topics of six statements from three sessions each, loosely
        // joined: 12 statements from 3 sessions is more than 3 per session.
        let mut statements = Vec::new();
        let mut rows = Vec::new();
        for i in 0..12 {
            let session = ["a", "b", "c"][i % 3];
            let (text, v) = if i < 6 {
                ("travel grants for youth", [1.0, 0.35, 0.0])
            } else {
                ("renew the IGF mandate", [0.35, 1.0, 0.0])
            };
            statements.push(statement(&format!("{session}#{i}"), session, text));
            rows.push(v);
        }
        let vectors = unit(&rows);
        let method = Agglomerative {
            threshold: 0.5,
            lexical_weight: 0.0,
        };
        let whole = Clustering::from_raw(&[0; 12]);
        let split = split_catch_alls(
            &statements,
            vectors.view(),
            &whole,
            &method,
            2,
            &Acronyms::default(),
        );
        assert_eq!(split.clustering.len(), 2);
        assert_eq!(split.parts, vec![vec![0, 1]]);
        assert_eq!(split.clustering.labels[0], split.clustering.labels[5]);
        assert_ne!(split.clustering.labels[0], split.clustering.labels[6]);

        // Twelve statements of one idea from twelve sessions: not a catch-all.
        let many: Vec<Statement> = (0..12)
            .map(|i| {
                statement(
                    &format!("s{i}#1"),
                    &format!("s{i}"),
                    "renew the IGF mandate",
                )
            })
            .collect();
        let one = unit(&[[0.35, 1.0, 0.0]; 12]);
        let kept = split_catch_alls(&many, one.view(), &whole, &method, 2, &Acronyms::default());
        assert_eq!(kept.clustering.len(), 1);
        assert!(kept.parts.is_empty());
    }
}
