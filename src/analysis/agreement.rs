//! Agreement on a topic: which sessions speak to it as a whole, what position each takes
//! (support, oppose, mixed, mention), and who is silent.
//!
//! A statement is *on the topic* when (docs/STANCE.md explains the rule and where it fails):
//! 1. its relevance — the cosine between the topic's embedding and its own, plus a lexical
//!    bonus for the share of the topic's concepts it names (weighted by rarity) — reaches
//!    the threshold, and
//! 2. it carries at least half of the topic's *key concepts* (concepts that are not
//!    generic in this corpus), named outright (stems, acronym or expansion), or by a word
//!    whose embedding is close to the concept's ("reinforce" for "strengthening"); one
//!    when its cosine reaches [`CLOSE_COSINE`], none when it reaches [`RESTATES_COSINE`].
//!
//! Each statement on the topic is read by [`crate::stance::read`], and each session's
//! readings aggregate to one stance.

use crate::cluster::similarity::cosine;
use crate::corpus::{Session, Skipped, Statement};
use crate::embed::{EmbedError, Embedder, WithAcronyms};
use crate::render::round4;
use crate::stance::{self, Position, SessionStance, Words};
use crate::text::{content_words, is_content_word, words};
use crate::Embedded;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Default relevance threshold (see docs/STANCE.md).
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// Weight of the lexical bonus: a statement naming every concept of the topic gains
/// this much on top of its cosine.
pub const LEXICAL_WEIGHT: f32 = 0.2;

/// A concept named in more than this share of the sessions is generic in the corpus
/// ("internet" in a corpus on internet governance) and not required.
pub const GENERIC_SHARE: f64 = 0.7;

/// A statement whose cosine to the topic is at least this needs to name only one of the
/// topic's key concepts (docs/THRESHOLDS.md).
pub const CLOSE_COSINE: f32 = 0.65;

/// A statement whose cosine to the topic is at least this restates it, and needs to name
/// none of its key concepts in their words (docs/THRESHOLDS.md).
pub const RESTATES_COSINE: f32 = 0.75;

/// A statement word whose embedding has at least this cosine with a concept word names
/// the concept in other words ("reinforce" ~ "strengthening").
pub const NEIGHBOUR_COSINE: f32 = 0.65;

/// Words that mark a proposal of something new, and the words a statement uses about
/// novelty (for or against): a topic's "new" is present in "existing mechanisms" too.
const NOVELTY: &[&str] = &["new", "create", "establish", "additional", "creation"];
const NOVELTY_MENTIONS: &[&str] = &[
    "new",
    "existing",
    "duplicate",
    "duplication",
    "duplicating",
    "establish",
    "create",
    "creation",
    "additional",
];

/// Settings of an agreement query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementOptions {
    /// Minimum relevance (cosine plus lexical bonus) for a statement to count.
    pub threshold: f32,
}

impl Default for AgreementOptions {
    /// The CLI's defaults, which `eval` scores too.
    fn default() -> Self {
        AgreementOptions {
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

/// One concept of the topic: the forms it is named by, and whether it is required.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Concept {
    /// Lower-cased forms: the word, or an acronym with its expansions, or alternatives
    /// joined by "or" in the topic.
    pub terms: Vec<String>,
    /// Share of the sessions that name it outright.
    pub share: f64,
    /// Required (not generic, not in parentheses).
    pub key: bool,
    /// Written in parentheses in the topic: an elaboration, never required.
    pub optional: bool,
}

/// A statement on the topic, with its relevance and its reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relevant {
    /// The statement itself.
    #[serde(flatten)]
    pub statement: Statement,
    /// Cosine plus lexical bonus, rounded.
    pub similarity: f64,
    /// Cosine of the embeddings alone, rounded.
    pub cosine: f64,
    /// Key concepts it carries; "a~b" when concept `a` is named by the word `b`.
    pub concepts: Vec<String>,
    /// Its position toward the topic.
    pub stance: Position,
    /// The words that decided the position.
    pub cue: Option<String>,
    /// A conditional support, or support and opposition in one statement.
    pub conditional: bool,
    /// Whether this quote decides the session's stance (it takes a position, or the
    /// session takes none).
    pub decides: bool,
}

/// One session that addresses the topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionAgreement {
    /// Session id.
    pub id: String,
    /// Session title.
    pub title: String,
    /// Its stance: support, oppose, mixed or neutral.
    pub stance: SessionStance,
    /// Highest relevance among its statements.
    pub best: f64,
    /// Its statements on the topic, the deciding ones first, then by relevance.
    pub statements: Vec<Relevant>,
}

/// How many sessions take each stance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StanceCounts {
    /// Sessions that support.
    pub support: usize,
    /// Sessions that oppose.
    pub oppose: usize,
    /// Sessions that both support and oppose, or support on a condition.
    pub mixed: usize,
    /// Sessions that mention the topic without a position.
    pub neutral: usize,
    /// Sessions with nothing on the topic.
    pub silent: usize,
}

impl StanceCounts {
    /// The count of one stance.
    pub fn get(&self, s: SessionStance) -> usize {
        match s {
            SessionStance::Support => self.support,
            SessionStance::Oppose => self.oppose,
            SessionStance::Mixed => self.mixed,
            SessionStance::Neutral => self.neutral,
            SessionStance::Silent => self.silent,
        }
    }

    /// "9 support · 2 oppose · 1 mixed · 3 mention · 32 silent".
    pub fn summary(&self) -> String {
        SessionStance::ALL
            .iter()
            .map(|&s| format!("{} {}", self.get(s), s.label()))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The answer to `concord agreement`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// The topic as asked.
    pub topic: String,
    /// The topic's concepts, in topic order.
    pub concepts: Vec<Concept>,
    /// Relevance threshold used.
    pub threshold: f32,
    /// Sessions in the corpus.
    pub sessions_total: usize,
    /// Addressing sessions / sessions_total.
    pub share: f64,
    /// Sessions per stance.
    pub stances: StanceCounts,
    /// Sessions that address the topic, grouped by stance, most relevant first.
    pub sessions: Vec<SessionAgreement>,
    /// Ids of sessions that say nothing on it.
    pub silent: Vec<String>,
    /// Titles of the silent sessions, in the same order, for the readable renderers
    /// (the JSON keeps the contract's list of ids).
    #[serde(skip)]
    pub silent_titles: Vec<String>,
    /// Files found but not read (set by the caller that read them): their sessions are in
    /// no count, and a reader must be told so.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

/// Read how `sessions` stand on `topic`.
pub fn agreement(
    topic: &str,
    sessions: &[Session],
    embedded: &Embedded,
    embedder: &dyn Embedder,
    options: &AgreementOptions,
) -> Result<Agreement, EmbedError> {
    // The topic is embedded as the statements were: each name the corpus defines is read
    // by its acronym.
    let embedder = &WithAcronyms::new(embedder, &embedded.acronyms);
    let statements = &embedded.statements;
    let texts: Vec<Words> = statements.iter().map(|s| Words::new(&s.text)).collect();
    let acronyms: BTreeMap<String, BTreeSet<String>> =
        embedded
            .acronyms
            .pairs()
            .fold(BTreeMap::new(), |mut m, (short, long)| {
                m.entry(short).or_default().insert(long);
                m
            });
    let mut concepts = concepts_of(topic, &acronyms);
    // "a moratorium on emotion recognition" asks for something not to be done: a call not
    // to do it ("employers should not be permitted to…") supports the topic.
    let prohibition = stance::prohibits(topic);
    // A name the corpus writes both ways without defining it reaches the model as
    // written: the topic is read in each spelling, and a statement is as close to it as
    // to the nearer one.
    let spellings = spellings(topic, &acronyms);
    let topic_vecs = embedder.embed(&spellings.iter().map(String::as_str).collect::<Vec<_>>())?;

    // Share of sessions naming each concept outright; generic ones are not key.
    let named: Vec<Vec<bool>> = texts
        .iter()
        .map(|w| concepts.iter().map(|c| names(w, c, &acronyms)).collect())
        .collect();
    let total = sessions.len().max(1);
    for (j, c) in concepts.iter_mut().enumerate() {
        let with: BTreeSet<&str> = statements
            .iter()
            .zip(&named)
            .filter(|(_, n)| n[j])
            .map(|(s, _)| s.session.as_str())
            .collect();
        c.share = round4(with.len() as f64 / total as f64);
        c.key = !c.optional && c.share <= GENERIC_SHARE;
    }
    if !concepts.iter().any(|c| c.key) {
        // Every concept is generic: the rarest one still has to be there.
        if let Some(c) = concepts
            .iter_mut()
            .filter(|c| !c.optional)
            .min_by(|a, b| a.share.total_cmp(&b.share))
        {
            c.key = true;
        }
    }
    // The named thing a document's title is about, its statements need not repeat: in
    // a statement to "the Global Digital Compact", "duplication of forums" is about the
    // GDC's forums. Only names (concepts with an acronym) are inherited: a common word in
    // a title ("Cooperation WG", "Forum") may be used in another sense than the topic's.
    let title_named: BTreeMap<&str, Vec<bool>> = sessions
        .iter()
        .map(|s| {
            let w = Words::new(&s.title);
            let n = concepts
                .iter()
                .map(|c| !c.optional && is_named_thing(c, &acronyms) && names(&w, c, &acronyms))
                .collect();
            (s.id.as_str(), n)
        })
        .collect();
    let named_here: Vec<Vec<bool>> = statements
        .iter()
        .zip(&named)
        .map(|(s, n)| match title_named.get(s.session.as_str()) {
            Some(t) => n.iter().zip(t).map(|(a, b)| *a || *b).collect(),
            None => n.clone(),
        })
        .collect();
    let weight = |c: &Concept| -> f64 {
        // A concept no session names is as rare as can be; one every session names still
        // counts (smoothed, as TF-IDF's idf is): in a corpus about the IGF, a statement
        // naming the IGF and its mandate speaks to "the IGF mandate" more than one
        // naming neither.
        1.0 + (1.0 / c.share.max(1.0 / total as f64)).ln()
    };
    let main_weight: f64 = concepts.iter().filter(|c| !c.optional).map(weight).sum();
    // A concept that names a prohibition ("ban", "moratorium"), in a topic that asks for
    // one, is named by any wording that forbids: "trawling should be prohibited",
    // "employers should not be permitted to…". The words that forbid, per statement.
    let prohibiting: Vec<bool> = concepts
        .iter()
        .map(|c| prohibition && c.terms.iter().any(|t| stance::prohibits(t)))
        .collect();
    let forbids: Vec<Option<String>> = statements
        .iter()
        .map(|s| {
            prohibiting
                .contains(&true)
                .then(|| stance::prohibition_cue(&s.text))
                .flatten()
        })
        .collect();

    // Relevance of every statement.
    let scored: Vec<(usize, f32, f32)> = statements
        .iter()
        .zip(embedded.vectors.rows())
        .enumerate()
        .filter_map(|(i, (_, v))| {
            let cos = topic_vecs
                .rows()
                .into_iter()
                .map(|t| cosine(t, v))
                .fold(f32::MIN, f32::max);
            let covered: f64 = concepts
                .iter()
                .zip(&named_here[i])
                .zip(&prohibiting)
                .filter(|((c, n), p)| (**n || (**p && forbids[i].is_some())) && !c.optional)
                .map(|((c, _), _)| weight(c))
                .sum();
            let cov = if main_weight > 0.0 {
                (covered / main_weight).min(1.0)
            } else {
                0.0
            };
            let score = cos + LEXICAL_WEIGHT * cov as f32;
            (score >= options.threshold).then_some((i, score, cos))
        })
        .collect();

    // Key concepts named in other words: embed the candidates' words and the concepts'.
    let key: Vec<usize> = (0..concepts.len()).filter(|&j| concepts[j].key).collect();
    // Elaborations in parentheses that are not generic may stand in for a key concept.
    let elaborations: Vec<usize> = (0..concepts.len())
        .filter(|&j| {
            concepts[j].optional
                && concepts[j].share <= GENERIC_SHARE
                && concepts[j].terms[0] != "new"
        })
        .collect();
    let checked: Vec<usize> = key.iter().chain(&elaborations).copied().collect();
    let neighbours = neighbours(
        &concepts,
        &checked,
        scored.iter().map(|(i, _, _)| statements[*i].text.as_str()),
        embedder,
    )?;
    let needed = key.len().div_ceil(2);
    let novelty_key = key.iter().copied().find(|&j| concepts[j].terms[0] == "new");

    let mut on_topic: BTreeMap<&str, Vec<Relevant>> = BTreeMap::new();
    for &(i, score, cos) in &scored {
        let s = &statements[i];
        let own: BTreeSet<String> = content_words(&s.text).into_iter().collect();
        let mut carried = Vec::new();
        let mut carried_concepts = Vec::new();
        let mut found_words = Vec::new();
        for &j in &checked {
            let label = &concepts[j].terms[0];
            let before = carried.len();
            if named[i][j] {
                carried.push(label.clone());
            } else if named_here[i][j] {
                carried.push(format!("{label} (title)"));
            } else if let Some(w) = neighbours[j].iter().find(|w| own.contains(*w)) {
                carried.push(format!("{label}~{w}"));
                found_words.push((j, w.clone()));
            } else if let Some(cue) = forbids[i].as_ref().filter(|_| prohibiting[j]) {
                carried.push(format!("{label}~{cue}"));
            }
            if carried.len() > before {
                carried_concepts.push(j);
            }
        }
        // A topic that proposes something new is decided by new against existing: a
        // statement that says nothing of either (no "new", "existing", "duplication"…)
        // speaks of the parts, not of the proposal.
        let silent_on_novelty = novelty_key.is_some_and(|j| !named[i][j]);
        // A statement the model reads as this close to the topic ("Vessel-tracking data
        // … should be released to the public as open data" for "open access to vessel
        // tracking AIS data") needs only one key concept in its own words.
        // One the model reads as a restatement ("The Andean countries should create a
        // common regional open-data portal" for "a regional open-data portal shared by the
        // Andean countries", 0.92) needs none: the topic's rarest word is not its meaning.
        let needed_here = if cos >= RESTATES_COSINE {
            0
        } else if cos >= CLOSE_COSINE {
            needed.min(1)
        } else {
            needed
        };
        if carried.len() < needed_here || silent_on_novelty {
            continue;
        }
        // The proposition's concepts: its key concepts and elaborations (generic words
        // would scope the reading to any clause), each with the words that named it here.
        let terms: Vec<Vec<String>> = checked
            .iter()
            .filter(|&&j| !(concepts[j].optional && concepts[j].terms[0] == "new"))
            .map(|&j| {
                let mut names = concepts[j].terms.clone();
                names.extend(
                    found_words
                        .iter()
                        .filter(|(c, _)| *c == j)
                        .map(|(_, w)| w.clone()),
                );
                names
            })
            .collect();
        let reading = stance::read_concepts(&s.text, &terms)
            .after_vote(s.defeated.is_some())
            .toward_prohibition(prohibition)
            .in_a_report(s.kind == crate::corpus::StatementKind::Recommendation);
        // An ask naming every key concept asks for the topic, though no cue says so.
        let asks_for_all = key.iter().all(|j| carried_concepts.contains(j));
        let reading = reading
            .or_asked(asks_for_all && s.kind == crate::corpus::StatementKind::Recommendation);
        on_topic
            .entry(s.session.as_str())
            .or_default()
            .push(Relevant {
                statement: s.clone(),
                similarity: round4(f64::from(score)),
                cosine: round4(f64::from(cos)),
                concepts: carried,
                stance: reading.position,
                cue: reading.cue,
                conditional: reading.conditional,
                decides: false,
            });
    }

    let mut addressing = Vec::new();
    let mut silent = Vec::new();
    let mut silent_titles = Vec::new();
    let mut stances = StanceCounts::default();
    for session in sessions {
        let Some(mut mine) = on_topic.remove(session.id.as_str()) else {
            silent.push(session.id.clone());
            silent_titles.push(session.title.clone());
            stances.silent += 1;
            continue;
        };
        let readings: Vec<stance::Reading> = mine
            .iter()
            .map(|r| stance::Reading {
                position: r.stance,
                conditional: r.conditional,
                cue: r.cue.clone(),
            })
            .collect();
        let stance = stance::aggregate(&readings);
        for r in &mut mine {
            r.decides = stance == SessionStance::Neutral || r.stance != Position::Neutral;
        }
        mine.sort_by(|a, b| {
            b.decides
                .cmp(&a.decides)
                .then(b.similarity.total_cmp(&a.similarity))
                .then(a.statement.id.cmp(&b.statement.id))
        });
        match stance {
            SessionStance::Support => stances.support += 1,
            SessionStance::Oppose => stances.oppose += 1,
            SessionStance::Mixed => stances.mixed += 1,
            SessionStance::Neutral => stances.neutral += 1,
            SessionStance::Silent => stances.silent += 1,
        }
        let best = mine
            .iter()
            .map(|r| r.similarity)
            .fold(f64::NEG_INFINITY, f64::max);
        addressing.push(SessionAgreement {
            id: session.id.clone(),
            title: session.title.clone(),
            stance,
            best,
            statements: mine,
        });
    }
    addressing.sort_by(|a, b| {
        a.stance
            .cmp(&b.stance)
            .then(b.best.total_cmp(&a.best))
            .then(a.id.cmp(&b.id))
    });
    Ok(Agreement {
        topic: topic.to_string(),
        concepts,
        threshold: options.threshold,
        sessions_total: sessions.len(),
        share: round4(addressing.len() as f64 / total as f64),
        stances,
        sessions: addressing,
        silent,
        silent_titles,
        skipped: Vec::new(),
    })
}

/// A concept that names one thing: an acronym the corpus spells out ("gdc").
fn is_named_thing(c: &Concept, acronyms: &BTreeMap<String, BTreeSet<String>>) -> bool {
    c.terms.first().is_some_and(|t| acronyms.contains_key(t))
}

/// Whether a statement names concept `c` outright. A named thing (an acronym concept)
/// only counts where it is not the name of a dated meeting ("the 16th IGF concluded").
fn names(w: &Words, c: &Concept, acronyms: &BTreeMap<String, BTreeSet<String>>) -> bool {
    if c.terms.first().is_some_and(|t| t == "new") {
        return NOVELTY_MENTIONS.iter().any(|n| w.mentions(n));
    }
    if is_named_thing(c, acronyms) {
        return c.terms.iter().any(|t| w.mentions_beyond_events(t));
    }
    c.terms.iter().any(|t| w.mentions(t))
}

/// The concepts of a topic: content words, acronyms with their expansions, "new";
/// words joined by "or" form one concept; words in parentheses are optional.
fn concepts_of(topic: &str, acronyms: &BTreeMap<String, BTreeSet<String>>) -> Vec<Concept> {
    let mut out: Vec<Concept> = Vec::new();
    let mut optional = false;
    let mut joining = false;
    // Split off parentheses as their own words so they switch `optional`.
    let spaced = topic.replace('(', " ( ").replace(')', " ) ");
    let raw: Vec<&str> = spaced.split_whitespace().collect();
    let mut i = 0;
    while i < raw.len() {
        let token = raw[i];
        if token == "(" || token == ")" {
            optional = token == "(";
            joining = false;
            i += 1;
            continue;
        }
        let lower: Vec<String> = raw[i..].iter().flat_map(|t| words(t)).collect();
        let Some(word) = words(token).into_iter().next() else {
            i += 1;
            continue;
        };
        if word == "or" {
            joining = !out.is_empty();
            i += 1;
            continue;
        }
        // An expansion written out in the topic is its acronym's concept.
        let spelled = acronyms.iter().find_map(|(a, exps)| {
            exps.iter().find_map(|e| {
                let n = e.split(' ').count();
                (lower.len() >= n && lower[..n].join(" ") == *e).then_some((a, n))
            })
        });
        let (terms, used): (Vec<String>, usize) = if let Some((a, n)) = spelled {
            (acronym_terms(a, acronyms), n)
        } else if acronyms.contains_key(&word) {
            (acronym_terms(&word, acronyms), 1)
        } else if token.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && token
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
        {
            (vec![word.clone()], 1)
        } else if NOVELTY.contains(&word.as_str()) {
            (vec!["new".to_string()], 1)
        } else if is_content_word(&word) {
            (vec![word.clone()], 1)
        } else {
            // A function word ends an "or" group ("forum or follow-up mechanism for …").
            joining = false;
            i += 1;
            continue;
        };
        i += used;
        if out.iter().any(|c| c.terms == terms) {
            continue;
        }
        match out.last_mut() {
            Some(last) if joining => last.terms.extend(terms),
            _ => out.push(Concept {
                terms,
                share: 0.0,
                key: false,
                optional,
            }),
        }
    }
    out
}

/// The topic as written, then with each acronym it names written out in the long forms
/// the corpus gives it ("the IGF mandate", "the internet governance forum mandate").
fn spellings(topic: &str, acronyms: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut out = vec![topic.to_string()];
    for (short, longs) in acronyms {
        let is_short = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                == *short
        };
        if !topic.split_whitespace().any(is_short) {
            continue;
        }
        for long in longs {
            let written: Vec<&str> = topic
                .split_whitespace()
                .map(|w| if is_short(w) { long.as_str() } else { w })
                .collect();
            out.push(written.join(" "));
        }
    }
    out
}

fn acronym_terms(a: &str, acronyms: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    std::iter::once(a.to_string())
        .chain(acronyms.get(a).into_iter().flatten().cloned())
        .collect()
}

/// For each key concept, the candidates' words whose embedding is within
/// [`NEIGHBOUR_COSINE`] of one of the concept's one-word forms. Acronyms are not
/// compared (their expansions are matched outright), nor is "new" (its own word list).
fn neighbours<'a>(
    concepts: &[Concept],
    key: &[usize],
    texts: impl Iterator<Item = &'a str>,
    embedder: &dyn Embedder,
) -> Result<Vec<Vec<String>>, EmbedError> {
    let mut out = vec![Vec::new(); concepts.len()];
    let queries: Vec<(usize, &str)> = key
        .iter()
        .filter(|&&j| concepts[j].terms.len() == 1 || !concepts[j].terms[1].contains(' '))
        .flat_map(|&j| {
            concepts[j]
                .terms
                .iter()
                .filter(|t| !t.contains(' ') && t.as_str() != "new")
                .map(move |t| (j, t.as_str()))
        })
        .collect();
    let vocab: Vec<String> = texts
        .flat_map(content_words)
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if queries.is_empty() || vocab.is_empty() {
        return Ok(out);
    }
    let q: Vec<&str> = queries.iter().map(|(_, t)| *t).collect();
    let v: Vec<&str> = vocab.iter().map(String::as_str).collect();
    let qv = embedder.embed(&q)?;
    let vv = embedder.embed(&v)?;
    for (k, &(j, _)) in queries.iter().enumerate() {
        for (w, row) in vocab.iter().zip(vv.rows()) {
            if cosine(qv.row(k), row) >= NEIGHBOUR_COSINE && !out[j].contains(w) {
                out[j].push(w.clone());
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
        let mut m: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, e) in pairs {
            m.entry(a.to_string()).or_default().insert(e.to_string());
        }
        m
    }

    #[test]
    fn topic_concepts_join_or_alternatives_collapse_acronyms_and_mark_parentheses() {
        let m = map(&[
            ("igf", "internet governance forum"),
            ("un", "united nations"),
        ]);
        let c = concepts_of("a new UN forum or follow-up mechanism for the Internet Governance Forum (global bodies)", &m);
        let terms: Vec<Vec<String>> = c.iter().map(|c| c.terms.clone()).collect();
        assert_eq!(terms[0], vec!["new"]);
        assert_eq!(terms[1], vec!["un", "united nations"]);
        assert_eq!(terms[2], vec!["forum", "follow-up", "mechanism"]);
        assert_eq!(terms[3], vec!["igf", "internet governance forum"]);
        assert!(c[4].optional && c[5].optional);
        assert!(!c[3].optional);
    }
}
