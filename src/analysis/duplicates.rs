//! Duplicate proposals: the same ask in other words, exact copies and form letters,
//! grouped, with the evidence for each member and what each copy adds.
//!
//! The unit compared is a *span*: a whole statement, or, for a long one, one of its
//! sentences or a window of one to three of its clauses, so a proposal made inside a
//! longer sentence meets its shorter twin. Two statements are duplicates when one of
//! their span pairs carries enough evidence (see [`Evidence`], docs/THRESHOLDS.md):
//!
//! * at least one of the two spans asks for something (a call to act, by the same
//!   rules as the digest's recommendations): titles, dates and reports of what
//!   happened are not proposals, and two of them are never a duplicate proposal;
//! * they name no years, or a year in common (a call for inputs to one year's meeting
//!   is not the same ask as the next year's);
//! * they do not take opposite stands ("The mandate should be made permanent" / "I don't
//!   think it should be permanent", "Rather than a permanent mandate…"), each read by the
//!   one stance engine ([`crate::stance`]) on the words the two share;
//! * and their cosine is at least the threshold, with enough words shared overall (TF-IDF
//!   cosine) unless both ask; or it is lower but they share rare phrases (content words
//!   or word pairs used by at most 1 % of the corpus's statements, counted on the corpus
//!   itself) and enough words overall, and each is the other's nearest such match in its
//!   session (mutual nearest neighbours across sessions, ranked by cosine plus word
//!   overlap).
//!
//! Groups are cut by complete linkage over those pairs ([`crate::cluster::linkage`]),
//! so *every* two members are duplicates: a chain A~B, B~C with A far from C never
//! merges two proposals. Exact copies (same text after folding case and punctuation)
//! enter as one row, so a campaign of 16,000 copies costs one row, and are listed as
//! that member's `copies`.

use crate::cluster::linkage::{self, Linkage};
use crate::cluster::{graph, Points};
use crate::corpus::{classify, SectionKind, Statement, StatementKind};
use crate::embed::{Embedder, WithAcronyms};
use crate::text::acronym::Acronyms;
use crate::text::lexical::{fold, phrase_keys, tfidf_folded, PhraseCounts, TermVector};
use crate::text::{content_words, words, Distinct};
use crate::Embedded;
use ndarray::{Array2, ArrayView2};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Settings of a duplicate search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicateOptions {
    /// Cosine between two spans that makes them duplicates on its own.
    pub threshold: f32,
    /// Also report a session repeating itself.
    pub within_session: bool,
    /// Most distinct texts in one near-duplicate group.
    pub max_group: usize,
}

impl Default for DuplicateOptions {
    fn default() -> Self {
        DuplicateOptions {
            threshold: DEFAULT_THRESHOLD,
            within_session: false,
            max_group: DEFAULT_MAX_GROUP,
        }
    }
}

/// Default cosine that alone makes two spans duplicates (see docs/THRESHOLDS.md).
pub const DEFAULT_THRESHOLD: f32 = 0.81;

/// Default largest near-duplicate group (distinct texts; copies ride along).
pub const DEFAULT_MAX_GROUP: usize = 8;

/// Lowest cosine at which a shared rare phrase (a rare word pair, which brings its rare
/// words, or two rare words: two phrase keys) is evidence (see docs/THRESHOLDS.md).
pub const PHRASE_FLOOR: f32 = 0.65;

/// Lowest TF-IDF cosine (folded content words, idf from the corpus's own spans) of two
/// spans that are duplicates, by cosine or by phrases (see docs/THRESHOLDS.md).
pub const LEXICAL_FLOOR: f32 = 0.4;

/// Weight of the TF-IDF cosine in the score that ranks a text's matches for the mutual
/// nearest neighbour test: `cosine + LEXICAL_WEIGHT × tfidf`.
const LEXICAL_WEIGHT: f32 = 0.5;

/// Longest span of a pair, in content words, as a multiple of the shorter: a fragment
/// of four words is close to the topic of any long sentence about it, not to its ask.
const MAX_LENGTH_RATIO: usize = 2;

/// A phrase is rare when at most this share of the statements use it (and at most
/// [`RARE_MIN_DF`] when the corpus is small).
const RARE_SHARE: f64 = 0.01;

/// Statements that may share a phrase for it still to count as rare, however small the corpus.
const RARE_MIN_DF: u32 = 2;

/// Content words a sentence or clause window needs to be compared on its own: fewer
/// is a fragment ("checks", "as well as AI") that matches anything.
const MIN_SPAN_WORDS: usize = 4;

/// Words from which a sentence is also cut into clause windows.
const LONG_SENTENCE: usize = 12;

/// Consecutive clauses in one window.
const MAX_CLAUSES: usize = 3;

/// How a group's members match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupKind {
    /// Same text after normalising case, punctuation, whitespace and bullets.
    Exact,
    /// The same ask in other words, or near copies.
    Near,
}

/// A statement in a group: how it matches the representative and what it adds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// The statement itself.
    #[serde(flatten)]
    pub statement: Statement,
    /// Cosine of the matching spans of this member and the representative (1 for the
    /// representative itself).
    pub similarity: f64,
    /// The part of this statement that matches, when it is not the whole statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<String>,
    /// The part of the representative this member matches, when not all of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches: Option<String>,
    /// Rare phrases this member's matching span shares with the representative's.
    pub shared: Vec<String>,
    /// Content words absent from the representative.
    pub adds: Vec<String>,
    /// Ids of other statements with exactly this text (near groups only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<String>,
}

/// Statements that make the same proposal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Exact copies or paraphrases.
    pub kind: GroupKind,
    /// Smallest similarity of a member to the representative.
    pub similarity: f64,
    /// Representative first (the plainest wording), then the others in corpus order.
    pub statements: Vec<Member>,
}

/// The answer to `concord duplicates`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicates {
    /// Cosine that alone makes two spans duplicates.
    pub threshold: f32,
    /// Whether same-session repeats were included.
    pub within_session: bool,
    /// Largest near-duplicate group, in distinct texts.
    pub max_group: usize,
    /// Sessions searched.
    pub sessions: usize,
    /// Statements searched.
    pub statements: usize,
    /// Groups, largest first, then most similar.
    pub groups: Vec<Group>,
}

/// Why two spans are duplicates.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Cosine of the two spans.
    pub cosine: f32,
    /// Span (index into the spans) on the lower-numbered statement's side.
    pub spans: (usize, usize),
    /// Rare phrases both spans use.
    pub shared: Vec<String>,
    /// TF-IDF cosine of the two spans (content words, corpus idf).
    pub lexical: f32,
    /// Whether the cosine alone was enough.
    pub strong: bool,
}

impl Evidence {
    /// Score a text's matches are ranked by: cosine plus a share of the lexical overlap.
    fn score(&self) -> f32 {
        self.cosine + LEXICAL_WEIGHT * self.lexical
    }
}

/// A piece of one statement that is compared on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Index of the distinct text (exact class) it belongs to.
    pub owner: usize,
    /// Byte range in the statement text; the whole text for the statement itself.
    pub range: std::ops::Range<usize>,
    /// Cut at clause boundaries inside a sentence: one of many small windows, so its
    /// cosine alone is not evidence (a four-word fragment naming the subject is close to
    /// any sentence about it); it counts only with shared rare phrases.
    pub clauses: bool,
}

/// Find exact and near-duplicate groups among embedded statements; `embedder` embeds
/// the sentences and clause windows of long statements.
pub fn duplicates(
    embedded: &Embedded,
    embedder: &dyn Embedder,
    sessions: usize,
    options: &DuplicateOptions,
) -> Result<Duplicates, crate::Error> {
    let embedder = &WithAcronyms::new(embedder, &embedded.acronyms);
    let statements = &embedded.statements;
    let classes = exact_classes(statements);
    let mut groups: Vec<Group> = classes
        .iter()
        .filter(|c| {
            c.len() >= 2
                && statements[c[0]].kind == StatementKind::Recommendation
                && counts(statements, c, options.within_session)
        })
        .map(|c| exact_group(statements, c))
        .collect();

    // Everything below sees one row per distinct text: linear in copies.
    let reps: Vec<usize> = classes.iter().map(|c| c[0]).collect();
    let texts: Vec<&str> = reps.iter().map(|&r| statements[r].text.as_str()).collect();
    let spans = spans_of(&texts);
    let vectors = span_vectors(embedded, embedder, &reps, &texts, &spans)?;
    // The lexical evidence reads each name in one spelling, as the model does: "WSIS" in
    // one proposal and "World Summit on the Information Society" in another share it.
    let acronyms = &embedded.acronyms;
    let span_texts: Vec<Cow<str>> = spans
        .iter()
        .map(|s| acronyms.contract(&texts[s.owner][s.range.clone()]))
        .collect();
    let counts_of = PhraseCounts::of(texts.iter().map(|t| acronyms.contract(t)));
    let rare_df = ((texts.len() as f64 * RARE_SHARE).round() as u32).max(RARE_MIN_DF);
    let keys: Vec<BTreeMap<String, String>> = span_texts
        .iter()
        .map(|text| {
            let names = name_words(text);
            phrase_keys(text)
                .into_iter()
                .filter(|(k, surface)| {
                    counts_of.df(k) <= rare_df
                        && !surface.split_whitespace().all(|w| names.contains(w))
                })
                .collect()
        })
        .collect();
    // The ask must be in the span itself: a long statement is an ask as a whole only in
    // a recommendations section, else through its own sentences and clauses, so a call
    // in one sentence does not lend itself to a report in the next.
    let asks: Vec<bool> = spans
        .iter()
        .map(|s| {
            let st = &statements[reps[s.owner]];
            let text = &st.text[s.range.clone()];
            let whole = s.range.len() == st.text.len();
            if whole && split_at(text, 0..text.len(), sentence_break).len() > 1 {
                st.section == SectionKind::Recommendations
            } else if sentence_start(&st.text, s.range.start) {
                classify(st.section, text) == StatementKind::Recommendation
            } else {
                // A clause cut out of a sentence often opens with a verb ("provide an
                // overview of…") without being an imperative: only a call phrase
                // ("should", "calls for", …) counts there. A neutral opening word
                // switches the opening-verb rule off, and the section does not count:
                // under a recommendations heading, "ended with the adoption of…" in a
                // report of the meeting is not an ask.
                classify(SectionKind::Other, &format!("so {text}")) == StatementKind::Recommendation
            }
        })
        .collect();
    // Folded, so "drafts"/"draft" and "enforce"/"enforcement" are one term.
    let terms: Vec<TermVector> =
        tfidf_folded(&span_texts.iter().map(|t| t.as_ref()).collect::<Vec<_>>());
    let sizes: Vec<usize> = spans
        .iter()
        .map(|s| content_words(&texts[s.owner][s.range.clone()]).len())
        .collect();
    let session_of = |class: usize| statements[reps[class]].session.as_str();
    // Candidates: span pairs at the threshold, and span pairs sharing a rare phrase
    // (few by definition: a rare phrase is in at most `rare_df` statements).
    let mut candidates: BTreeSet<(usize, usize)> =
        graph::pairs_above(&Points::new(vectors.view()), 0.0, options.threshold)
            .into_iter()
            .collect();
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (u, k) in keys.iter().enumerate() {
        for key in k.keys() {
            postings.entry(key.as_str()).or_default().push(u);
        }
    }
    for units in postings.values() {
        for (a, &u) in units.iter().enumerate() {
            for &v in &units[a + 1..] {
                candidates.insert((u, v));
            }
        }
    }

    // Best evidence per pair of distinct texts.
    let mut best: BTreeMap<(usize, usize), Evidence> = BTreeMap::new();
    // Each span's stand, read once and only for spans that reach a near pair.
    let mut stands: Vec<Option<Stand>> = vec![None; spans.len()];
    for (u, v) in candidates {
        let (a, b) = (spans[u].owner, spans[v].owner);
        if a == b || (!options.within_session && session_of(a) == session_of(b)) {
            continue;
        }
        if !(asks[u] || asks[v]) {
            continue;
        }
        let (lu, lv) = (sizes[u].max(1), sizes[v].max(1));
        if lu.max(lv) > MAX_LENGTH_RATIO * lu.min(lv) {
            continue;
        }
        let cosine = cosine(vectors.view(), u, v);
        let weight = keys[u].keys().filter(|k| keys[v].contains_key(*k)).count();
        let lexical = terms[u].dot(&terms[v]);
        if different_years(&span_texts[u], &span_texts[v]) {
            continue;
        }
        // A high cosine alone is not enough on documents that all discuss one subject
        // ("the IGF is a platform…" / "the IGF remains at the heart…" score 0.85): a
        // restated finding also shares words; two asks at that cosine ask the same thing
        // in other words (see docs/THRESHOLDS.md).
        let strong = cosine >= options.threshold
            && !spans[u].clauses
            && !spans[v].clauses
            && (lexical >= LEXICAL_FLOOR || (asks[u] && asks[v]));
        let weak = cosine >= PHRASE_FLOOR && weight >= 2 && lexical >= LEXICAL_FLOOR;
        if !(strong || weak) {
            continue;
        }
        // Each span's own reading is kept; one that prefers an alternative ("Rather than
        // a permanent council, …") is read again on the words the pair shares, which name
        // what it turns down. Read so, a report that the meeting was divided over what the
        // other asks proposes nothing.
        let su = *stands[u].get_or_insert_with(|| Stand::of(&span_texts[u], ""));
        let sv = *stands[v].get_or_insert_with(|| Stand::of(&span_texts[v], ""));
        let (on_shared_u, on_shared_v) = (
            Stand::of(&span_texts[u], &span_texts[v]),
            Stand::of(&span_texts[v], &span_texts[u]),
        );
        let opposed = if su.prefers_another || sv.prefers_another {
            on_shared_u.opposes(on_shared_v)
        } else {
            su.opposes(sv)
        };
        if opposed || on_shared_u.divided || on_shared_v.divided {
            continue;
        }
        let shared = shared_phrases(&keys[u], &keys[v]);
        let (key, spans_ab) = if a < b {
            ((a, b), (u, v))
        } else {
            ((b, a), (v, u))
        };
        let e = Evidence {
            cosine,
            spans: spans_ab,
            shared,
            lexical,
            strong,
        };
        match best.get(&key) {
            Some(old) if (old.cosine, old.shared.len()) >= (e.cosine, e.shared.len()) => {}
            _ => {
                best.insert(key, e);
            }
        }
    }
    let best = mutual_only(best, |c| session_of(c));

    let edges: Vec<(usize, usize)> = best.keys().copied().collect();
    let components: Vec<Vec<usize>> = graph::components(reps.len(), &edges)
        .into_iter()
        .filter(|c| c.len() >= 2)
        .collect();
    // Complete linkage on "1 - cosine" for duplicate pairs and 2 for any other pair,
    // cut at 1: a group forms only where every two members are duplicates.
    let labels = linkage::cut(reps.len(), &components, Linkage::Complete, 1.0, |rows| {
        let mut d = Vec::with_capacity(rows.len() * rows.len().saturating_sub(1) / 2);
        for (k, &a) in rows.iter().enumerate() {
            for &b in &rows[k + 1..] {
                d.push(
                    best.get(&(a.min(b), a.max(b)))
                        .map_or(2.0, |e| 1.0 - e.cosine),
                );
            }
        }
        d
    });
    let mut by_label: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (class, label) in labels.into_iter().enumerate() {
        by_label.entry(label).or_default().push(class);
    }
    let context = Context {
        statements,
        classes: &classes,
        reps: &reps,
        spans: &spans,
        keys: &keys,
        best: &best,
        acronyms,
    };
    for members in by_label.into_values().filter(|m| m.len() >= 2) {
        for part in split(&members, options.max_group.max(2), &best) {
            let rows: Vec<usize> = part.iter().flat_map(|&c| classes[c].clone()).collect();
            if part.len() >= 2 && counts(statements, &rows, options.within_session) {
                groups.push(context.near_group(&part));
            }
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
    Ok(Duplicates {
        threshold: options.threshold,
        within_session: options.within_session,
        max_group: options.max_group,
        sessions,
        statements: statements.len(),
        groups,
    })
}

/// Statements grouped by normalised text, each class in corpus order, classes by first row.
fn exact_classes(statements: &[Statement]) -> Vec<Vec<usize>> {
    let mut classes: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in statements.iter().enumerate() {
        let key = normalise(&s.text);
        if !key.is_empty() {
            classes.entry(key).or_default().push(i);
        }
    }
    let mut classes: Vec<Vec<usize>> = classes.into_values().collect();
    classes.sort_by_key(|c| c[0]);
    classes
}

/// Every distinct text as a whole, plus, for a long one, its sentences and the
/// windows of one to three consecutive clauses of its long sentences.
pub fn spans_of(texts: &[&str]) -> Vec<Span> {
    let mut out = Vec::new();
    for (owner, text) in texts.iter().enumerate() {
        out.push(Span {
            owner,
            range: 0..text.len(),
            clauses: false,
        });
        let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
        seen.insert(trim(text, 0..text.len()));
        let sentences = split_at(text, 0..text.len(), sentence_break);
        for sentence in &sentences {
            let sentence = sentence.clone();
            if sentences.len() > 1 && substantial(&text[sentence.clone()]) {
                let r = trim(text, sentence.clone());
                if seen.insert(r) {
                    out.push(Span {
                        owner,
                        range: r.0..r.1,
                        clauses: false,
                    });
                }
            }
            if words(&text[sentence.clone()]).len() < LONG_SENTENCE {
                continue;
            }
            let clauses = split_at(text, sentence, clause_break);
            if clauses.len() < 2 {
                continue;
            }
            for first in 0..clauses.len() {
                for last in first..clauses.len().min(first + MAX_CLAUSES) {
                    let range = clauses[first].start..clauses[last].end;
                    if !substantial(&text[range.clone()]) {
                        continue;
                    }
                    let r = trim(text, range);
                    if seen.insert(r) {
                        out.push(Span {
                            owner,
                            range: r.0..r.1,
                            clauses: true,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Whether byte `at` of `text` starts a sentence (the text's start, or just after a break).
fn sentence_start(text: &str, at: usize) -> bool {
    split_at(text, 0..text.len(), sentence_break)
        .iter()
        .any(|r| trim(text, r.clone()).0 == at)
}

/// Enough content words to stand on its own.
fn substantial(text: &str) -> bool {
    content_words(text).len() >= MIN_SPAN_WORDS
}

/// `range` without surrounding spaces and punctuation, as (start, end).
fn trim(text: &str, range: std::ops::Range<usize>) -> (usize, usize) {
    let s = &text[range.clone()];
    let keep = |c: char| c.is_alphanumeric() || c == ')' || c == '"' || c == '”';
    let start = range.start
        + s.find(|c: char| c.is_alphanumeric() || c == '(')
            .unwrap_or(0);
    let end = range.start
        + s.rfind(keep).map_or(s.len(), |i| {
            i + s[i..].chars().next().map_or(1, char::len_utf8)
        });
    (start, end.max(start))
}

/// Pieces of `range` between the breaks `is_break(text, at)` reports as `(skip)` bytes.
fn split_at(
    text: &str,
    range: std::ops::Range<usize>,
    is_break: fn(&str, usize) -> Option<usize>,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let mut at = range.start;
    while at < range.end {
        if let Some(skip) = is_break(&text[..range.end], at) {
            if at > start {
                out.push(start..at);
            }
            start = at + skip;
            at = start;
            continue;
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    if range.end > start {
        out.push(start..range.end);
    }
    out
}

/// A sentence ends at `.`, `;`, `:`, `!` or `?` before a space, or at a dash or
/// bullet set off by spaces; returns the bytes to skip.
fn sentence_break(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let mut chars = rest.chars();
    let c = chars.next()?;
    if matches!(c, '.' | ';' | ':' | '!' | '?') && chars.next().is_some_and(char::is_whitespace) {
        // Not after a single letter or a number ("e.g. ", "No. 5"): abbreviations.
        let before = text[..at]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if c == '.' && before.chars().count() <= 1 {
            return None;
        }
        return Some(c.len_utf8() + 1);
    }
    for dash in [" - ", " – ", " — ", " • "] {
        if rest.starts_with(dash) {
            return Some(dash.len());
        }
    }
    None
}

/// A clause ends at a comma or semicolon, or before a coordinating word (with the
/// comma before it, if any); returns the bytes to skip.
fn clause_break(text: &str, at: usize) -> Option<usize> {
    const WORDS: &[&str] = &["and", "or", "as well as", "while", "whereas", "including"];
    let rest = &text[at..];
    for lead in [", ", "; ", " "] {
        if let Some(after) = rest.strip_prefix(lead) {
            for word in WORDS {
                if after.starts_with(word) && after[word.len()..].starts_with(' ') {
                    return Some(lead.len() + word.len() + 1);
                }
            }
        }
    }
    [", ", "; ", " – ", " — "]
        .iter()
        .find(|sep| rest.starts_with(**sep))
        .map(|sep| sep.len())
}

/// One unit vector per span: statements' own rows, windows embedded once per distinct text.
fn span_vectors(
    embedded: &Embedded,
    embedder: &dyn Embedder,
    reps: &[usize],
    texts: &[&str],
    spans: &[Span],
) -> Result<Array2<f32>, crate::Error> {
    let windows: Vec<&str> = spans
        .iter()
        .filter(|s| s.range.len() != texts[s.owner].len())
        .map(|s| &texts[s.owner][s.range.clone()])
        .collect();
    let distinct = Distinct::of(windows.iter().copied());
    let window_vectors = if distinct.values.is_empty() {
        Array2::zeros((0, embedded.vectors.ncols()))
    } else {
        embedder.embed(&distinct.values)?
    };
    let dim = embedded.vectors.ncols();
    let mut out = Array2::zeros((spans.len(), dim));
    let mut w = 0;
    for (row, s) in spans.iter().enumerate() {
        let source = if s.range.len() == texts[s.owner].len() {
            embedded.vectors.row(reps[s.owner])
        } else {
            w += 1;
            window_vectors.row(distinct.slot[w - 1])
        };
        out.row_mut(row).assign(&source);
    }
    Ok(out)
}

/// Cosine of two span rows, NaN as 0 and clamped, as everywhere else.
fn cosine(vectors: ArrayView2<f32>, u: usize, v: usize) -> f32 {
    crate::cluster::similarity::cosine(vectors.row(u), vectors.row(v))
}

/// Rare phrases in both key sets, surface words of the first; a word already inside a
/// shared word pair is not listed again.
fn shared_phrases(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> Vec<String> {
    let pairs: Vec<&String> = a
        .keys()
        .filter(|k| k.contains(' ') && b.contains_key(*k))
        .collect();
    let mut out: Vec<String> = pairs.iter().map(|k| a[*k].clone()).collect();
    for (k, surface) in a {
        if !k.contains(' ')
            && b.contains_key(k)
            && !pairs.iter().any(|p| p.split(' ').any(|w| w == k))
        {
            out.push(surface.clone());
        }
    }
    out
}

/// Keep strong pairs, and weak pairs whose two texts are each other's best match in
/// the other's session (mutual nearest neighbours across sessions), matches ranked by
/// [`Evidence::score`].
fn mutual_only<'a>(
    best: BTreeMap<(usize, usize), Evidence>,
    session_of: impl Fn(usize) -> &'a str,
) -> BTreeMap<(usize, usize), Evidence> {
    // For each text and other session: its highest cosine there.
    let mut top: HashMap<(usize, &str), f32> = HashMap::new();
    for (&(a, b), e) in &best {
        for (x, y) in [(a, b), (b, a)] {
            let slot = top.entry((x, session_of(y))).or_insert(f32::MIN);
            *slot = slot.max(e.score());
        }
    }
    // Indexing `top` cannot fail: every (text, other session) of a pair in `best` was
    // inserted by the loop above.
    best.into_iter()
        .filter(|((a, b), e)| {
            e.strong
                || (top[&(*a, session_of(*b))] <= e.score()
                    && top[&(*b, session_of(*a))] <= e.score())
        })
        .collect()
}

/// Cut a complete-linkage group into parts of at most `max` texts: the representative
/// with its `max - 1` closest, then the same for what is left. Every two texts of the
/// group are duplicates, so every part is still a group.
fn split(
    members: &[usize],
    max: usize,
    best: &BTreeMap<(usize, usize), Evidence>,
) -> Vec<Vec<usize>> {
    let sim = |a: usize, b: usize| {
        best.get(&(a.min(b), a.max(b)))
            .map_or(0.0, |e| f64::from(e.cosine))
    };
    let mut left: Vec<usize> = members.to_vec();
    let mut out = Vec::new();
    while left.len() > max {
        let rep = representative(&left, sim);
        let mut rest: Vec<usize> = left.iter().copied().filter(|&m| m != rep).collect();
        // Closest first; ties to the earlier text.
        rest.sort_by(|&x, &y| sim(rep, y).total_cmp(&sim(rep, x)).then(x.cmp(&y)));
        let mut part = vec![rep];
        part.extend(rest.drain(..max - 1));
        part.sort_unstable();
        out.push(part);
        left = rest;
    }
    out.push(left);
    out
}

/// The member with the highest summed similarity to the others; ties to the earliest.
fn representative(members: &[usize], sim: impl Fn(usize, usize) -> f64) -> usize {
    let mut best = (members[0], f64::MIN);
    for &m in members {
        let score: f64 = members
            .iter()
            .filter(|&&o| o != m)
            .map(|&o| sim(m, o))
            .sum();
        if score > best.1 + 1e-9 {
            best = (m, score);
        }
    }
    best.0
}

/// What a near group is built from.
struct Context<'a> {
    statements: &'a [Statement],
    classes: &'a [Vec<usize>],
    reps: &'a [usize],
    spans: &'a [Span],
    keys: &'a [BTreeMap<String, String>],
    best: &'a BTreeMap<(usize, usize), Evidence>,
    /// So what a member adds is not a name its representative abbreviates.
    acronyms: &'a Acronyms,
}

impl Context<'_> {
    /// A near group of distinct texts `part` (sorted): representative first.
    fn near_group(&self, part: &[usize]) -> Group {
        let sim = |a: usize, b: usize| {
            self.best
                .get(&(a.min(b), a.max(b)))
                .map_or(0.0, |e| f64::from(e.cosine))
        };
        let rep = representative(part, sim);
        let rep_text = &self.statements[self.reps[rep]].text;
        let base: BTreeSet<String> = content_words(&self.acronyms.contract(rep_text))
            .iter()
            .map(|w| fold(w))
            .collect();
        let order = std::iter::once(rep).chain(part.iter().copied().filter(|&c| c != rep));
        let members: Vec<Member> = order
            .map(|c| {
                let row = self.reps[c];
                let statement = self.statements[row].clone();
                let (similarity, span, matches, shared) = if c == rep {
                    (1.0, None, None, Vec::new())
                } else {
                    self.evidence(rep, c)
                };
                let mut seen = BTreeSet::new();
                let adds = content_words(&self.acronyms.contract(&statement.text))
                    .into_iter()
                    .filter(|w| !base.contains(&fold(w)) && seen.insert(fold(w)))
                    .collect();
                let copies = self.classes[c][1..]
                    .iter()
                    .map(|&r| self.statements[r].id.clone())
                    .collect();
                Member {
                    statement,
                    similarity,
                    span,
                    matches,
                    shared,
                    adds,
                    copies,
                }
            })
            .collect();
        let similarity = members.iter().map(|m| m.similarity).fold(1.0f64, f64::min);
        Group {
            kind: GroupKind::Near,
            similarity,
            statements: members,
        }
    }

    /// Similarity, matching spans of member `c` and of the representative `rep` (when
    /// part of the text), and their shared phrases.
    fn evidence(&self, rep: usize, c: usize) -> (f64, Option<String>, Option<String>, Vec<String>) {
        let Some(e) = self.best.get(&(rep.min(c), rep.max(c))) else {
            return (0.0, None, None, Vec::new());
        };
        let (mine, theirs) = if c < rep {
            (e.spans.0, e.spans.1)
        } else {
            (e.spans.1, e.spans.0)
        };
        let part = |span: usize, class: usize| {
            let s = &self.spans[span];
            let text = &self.statements[self.reps[class]].text;
            (s.range.len() != text.len()).then(|| text[s.range.clone()].to_string())
        };
        (
            crate::render::round4(f64::from(e.cosine)),
            part(mine, c),
            part(theirs, rep),
            shared_phrases(&self.keys[mine], &self.keys[theirs]),
        )
    }
}

/// Words written as names in `text` ("Abuja", "Nigeria"; lower-cased): capitalised with
/// lowercase after, not at a sentence start. A rare phrase made only of them says where or
/// who, not what is asked, so two reports of meetings in one city share it without sharing
/// a proposal. Acronyms ("WSIS", "CSTD") are often the object of an ask and still count.
fn name_words(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut sentence_start = true;
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let mut chars = word.chars();
        let titled = chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
        if titled && !sentence_start {
            names.insert(word.to_lowercase());
        }
        sentence_start = token.ends_with(['.', '!', '?', ':']);
    }
    names
}

/// What a span stands for, as the stance engine reads it on its own words.
#[derive(Debug, Clone, Copy)]
struct Stand {
    position: crate::stance::Position,
    /// An opposition that is a call not to act ("States must not order…").
    negated_call: bool,
    /// The span asks that something not be done ("refrain from…", "stop…").
    prohibits: bool,
    /// The span prefers an alternative ("rather than", "instead"), whose reading depends
    /// on what the other span names.
    prefers_another: bool,
    /// The span reports the meeting divided over what it names ("Views were divided on
    /// whether tenancy law should set…"): both sides, no proposal of its own.
    divided: bool,
}

impl Stand {
    /// The stand `text` takes on what it shares with `other`: their common content words
    /// are the proposition, so "Rather than a permanent mandate, …" opposes what "The
    /// mandate should become permanent" asks. With `other` empty, the text read whole.
    fn of(text: &str, other: &str) -> Stand {
        let theirs: BTreeSet<String> = content_words(other).into_iter().collect();
        let shared: Vec<String> = content_words(text)
            .into_iter()
            .filter(|w| theirs.contains(w))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let reading = crate::stance::read(text, &shared);
        Stand {
            position: reading.position,
            negated_call: reading.is_negated_call(),
            prohibits: crate::stance::prohibits(text),
            prefers_another: crate::stance::prefers_another(text),
            divided: reading.is_divided(),
        }
    }

    /// Does one support what the other opposes? A call not to act and a prohibition
    /// ("must not order shutdowns" / "refrain from ordering shutdowns") agree.
    fn opposes(self, other: Stand) -> bool {
        use crate::stance::Position::{Oppose, Support};
        let one_way = |a: Stand, b: Stand| {
            a.position == Support && b.position == Oppose && !(b.negated_call && a.prohibits)
        };
        one_way(self, other) || one_way(other, self)
    }
}

/// Whether both texts name years and no year is in both: the same call for another
/// year's event, or two reports of different years, is not one proposal.
fn different_years(a: &str, b: &str) -> bool {
    let years = |t: &str| -> BTreeSet<String> {
        t.split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
            .map(str::to_string)
            .collect()
    };
    let (x, y) = (years(a), years(b));
    !x.is_empty() && !y.is_empty() && x.is_disjoint(&y)
}

/// Whether a group is news: it spans two sessions, or same-session repeats were asked for.
fn counts(statements: &[Statement], rows: &[usize], within_session: bool) -> bool {
    let sessions: BTreeSet<&str> = rows
        .iter()
        .map(|&r| statements[r].session.as_str())
        .collect();
    sessions.len() >= 2 || (within_session && rows.len() >= 2)
}

/// A group of exact copies: every copy listed, similarity 1, nothing added.
fn exact_group(statements: &[Statement], rows: &[usize]) -> Group {
    Group {
        kind: GroupKind::Exact,
        similarity: 1.0,
        statements: rows
            .iter()
            .map(|&r| Member {
                statement: statements[r].clone(),
                similarity: 1.0,
                span: None,
                matches: None,
                shared: Vec::new(),
                adds: Vec::new(),
                copies: Vec::new(),
            })
            .collect(),
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

    fn span_texts(text: &str) -> Vec<String> {
        spans_of(&[text])
            .into_iter()
            .map(|s| text[s.range].to_string())
            .collect()
    }

    #[test]
    fn a_proposal_inside_a_long_sentence_becomes_its_own_span() {
        let text = "The panel welcomed progress on rural broadband, and called for binding \
                    rules on the recycling of discarded electronic devices by manufacturers.";
        let spans = span_texts(text);
        assert_eq!(spans[0], text, "the whole statement comes first");
        assert!(
            spans.iter().any(|s| s
                == "called for binding rules on the recycling of discarded electronic devices by manufacturers"),
            "{spans:#?}"
        );
        assert!(spans
            .iter()
            .all(|s| content_words(s).len() >= MIN_SPAN_WORDS));
    }

    #[test]
    fn sentences_split_but_not_at_abbreviations() {
        let spans = span_texts(
            "Fund the new regional hubs properly. Publish e.g. yearly progress reports online.",
        );
        assert!(
            spans.contains(&"Fund the new regional hubs properly".to_string()),
            "{spans:#?}"
        );
        assert!(
            spans.contains(&"Publish e.g. yearly progress reports online".to_string()),
            "{spans:#?}"
        );
    }

    #[test]
    fn short_statements_are_one_span() {
        assert_eq!(span_texts("Keep the forum open to all.").len(), 1);
        assert!(spans_of(&[""]).len() == 1);
    }

    #[test]
    fn names_of_places_are_not_shared_phrases_but_acronyms_are() {
        let names =
            name_words("The forum, held in Abuja, Nigeria, asked WSIS to act. Nigeria leads.");
        assert!(names.contains("abuja") && names.contains("nigeria"));
        assert!(!names.contains("wsis"), "acronyms are kept as content");
        assert!(
            !names.contains("the"),
            "a capital at a sentence start is no name"
        );
    }

    #[test]
    fn a_report_of_a_divided_meeting_reads_divided_on_the_words_it_shares_with_an_ask() {
        let ask = "Speakers said that tenancy law should set a maximum indoor temperature.";
        let split = "Views were divided on whether tenancy law should set a maximum indoor \
                     temperature.";
        assert!(Stand::of(split, ask).divided);
        assert!(!Stand::of(ask, split).divided);
        // Read on its own words, with nothing named, no division shows.
        assert!(!Stand::of(split, "").divided);
    }

    #[test]
    fn opposite_stands_are_no_duplicates_but_a_prohibition_and_a_call_not_to_act_agree() {
        let opposed = |a: &str, b: &str| Stand::of(a, b).opposes(Stand::of(b, a));
        assert!(opposed(
            "The forum's mandate should be made permanent.",
            "I don't think the forum's mandate should be permanent."
        ));
        // The alternative is preferred to what the other asks, named by their shared words.
        assert!(opposed(
            "The reading council should become permanent, with a review every ten years.",
            "Rather than a permanent reading council, the council should be renewed for ten years."
        ));
        assert!(!opposed(
            "States must not order network disruptions during elections.",
            "Refrain from ordering network disruptions during elections."
        ));
        assert!(!opposed(
            "Publish every negotiation draft.",
            "All negotiation drafts should be published."
        ));
    }

    #[test]
    fn spans_naming_different_years_are_different_asks() {
        assert!(different_years(
            "Submit inputs for IGF 2023 by January",
            "Submit inputs for the IGF 2024 process"
        ));
        assert!(!different_years(
            "Submit inputs for IGF 2023",
            "inputs for 2023 and 2024"
        ));
        assert!(!different_years(
            "Submit inputs for IGF 2023",
            "Submit inputs"
        ));
        assert!(!different_years("Call 2023 people", "Call 1 200 people"));
    }

    #[test]
    fn shared_phrases_list_word_pairs_once() {
        let keys = |t: &str| -> BTreeMap<String, String> { phrase_keys(t).into_iter().collect() };
        let shared = shared_phrases(
            &keys("enforce cyber laws today with broad checks"),
            &keys("cyber laws require broad checks"),
        );
        assert!(shared.contains(&"cyber laws".to_string()), "{shared:?}");
        assert!(shared.contains(&"broad checks".to_string()), "{shared:?}");
        assert!(
            !shared.contains(&"cyber".to_string()),
            "inside a pair: {shared:?}"
        );
        let lone = shared_phrases(&keys("certified recyclers"), &keys("certified labs"));
        assert_eq!(lone, vec!["certified".to_string()]);
    }

    #[test]
    fn mutual_neighbours_rank_matches_by_cosine_and_word_overlap() {
        // Text 0 (session A) meets two texts of session B on phrases: 1 is a topical
        // neighbour (higher cosine, few words in common), 2 asks the same thing in
        // partly the same words. Ranked by cosine + 0.5 x TF-IDF, 2 is 0's best match.
        let e = |cosine: f32, lexical: f32| Evidence {
            cosine,
            spans: (0, 0),
            shared: Vec::new(),
            lexical,
            strong: false,
        };
        let best: BTreeMap<(usize, usize), Evidence> =
            [((0, 1), e(0.75, 0.1)), ((0, 2), e(0.70, 0.6))]
                .into_iter()
                .collect();
        let sessions = ["A", "B", "B"];
        let kept = mutual_only(best, |c| sessions[c]);
        assert_eq!(kept.keys().copied().collect::<Vec<_>>(), vec![(0, 2)]);
    }

    #[test]
    fn a_chain_that_drifts_is_split_and_big_groups_are_cut_to_size() {
        // Pairs 0~1 and 1~2 are duplicates, 0~2 is not: complete linkage keeps one pair.
        let e = |c: f32| Evidence {
            cosine: c,
            spans: (0, 0),
            shared: Vec::new(),
            lexical: 0.0,
            strong: true,
        };
        let best: BTreeMap<(usize, usize), Evidence> =
            [((0, 1), e(0.9)), ((1, 2), e(0.85))].into_iter().collect();
        let labels = linkage::cut(3, &[vec![0, 1, 2]], Linkage::Complete, 1.0, |rows| {
            let mut d = Vec::new();
            for (k, &a) in rows.iter().enumerate() {
                for &b in &rows[k + 1..] {
                    d.push(
                        best.get(&(a.min(b), a.max(b)))
                            .map_or(2.0, |e| 1.0 - e.cosine),
                    );
                }
            }
            d
        });
        assert_eq!(labels[0], labels[1]);
        assert_ne!(labels[1], labels[2]);

        // Ten texts, all duplicates of each other: parts of at most 4.
        let mut all = BTreeMap::new();
        for a in 0..10 {
            for b in a + 1..10 {
                all.insert((a, b), e(0.9 - 0.001 * (a + b) as f32));
            }
        }
        let parts = split(&(0..10).collect::<Vec<_>>(), 4, &all);
        assert_eq!(
            parts.iter().map(Vec::len).collect::<Vec<_>>(),
            vec![4, 4, 2]
        );
        let flat: BTreeSet<usize> = parts.iter().flatten().copied().collect();
        assert_eq!(flat.len(), 10, "every text in exactly one part");
    }
}
