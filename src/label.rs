//! Theme labels and titles.
//!
//! *Keywords*: the most distinctive words of each theme by class-based TF-IDF.
//! c-TF-IDF (as in BERTopic) treats each theme as one document: a word weighs
//! `tf(word, theme) * ln(1 + A / f(word))`, where `A` is the mean number of words
//! per theme and `f` the word's count over all themes. Words common to every
//! theme sink; words concentrated in one rise.
//!
//! *Titles*: a short phrase cut from the theme's own statements, between
//! punctuation and never starting or ending on a function word, chosen with the
//! statement embeddings: close to the theme's centroid and far from the other
//! themes' centroids (the KeyBERT idea, with the other themes as the diversity
//! term). Candidates are first shortlisted by their c-TF-IDF weight, so only a few
//! phrases per theme are embedded.

use crate::corpus::{is_imperative_opening, Statement, StatementKind};
use crate::embed::{EmbedError, Embedder};
use crate::rank::{centroid, Ranked, Theme};
use crate::text::{content_words, is_ordinal, words};
use crate::Embedded;
use ndarray::{Array1, Array2};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Top `n` keywords of each theme; `themes[i]` holds the texts of theme `i`.
pub fn keywords(themes: &[Vec<&str>], n: usize) -> Vec<Vec<String>> {
    weights(themes)
        .into_iter()
        .map(|w| w.into_iter().take(n).map(|(w, _)| w).collect())
        .collect()
}

/// Every content word of each theme with its c-TF-IDF weight, best first
/// (alphabetical among equals, so the order is deterministic).
pub fn weights(themes: &[Vec<&str>]) -> Vec<Vec<(String, f64)>> {
    let counts: Vec<BTreeMap<String, usize>> = themes.iter().map(|t| word_counts(t)).collect();
    weights_of_counts(&counts.iter().collect::<Vec<_>>())
}

/// How often each content word occurs in `texts`.
fn word_counts(texts: &[&str]) -> BTreeMap<String, usize> {
    let mut c = BTreeMap::new();
    for w in texts.iter().flat_map(|t| content_words(t)) {
        *c.entry(w).or_insert(0) += 1;
    }
    c
}

/// [`weights`] from each theme's word counts, so counts over many texts (the whole
/// corpus) can be taken once and weighed against many groups.
fn weights_of_counts(counts: &[&BTreeMap<String, usize>]) -> Vec<Vec<(String, f64)>> {
    let mut total: HashMap<&str, usize> = HashMap::new();
    for &c in counts {
        for (w, k) in c {
            *total.entry(w).or_insert(0) += k;
        }
    }
    let words_all: usize = total.values().sum();
    let mean_words = words_all as f64 / counts.len().max(1) as f64;
    counts
        .iter()
        .map(|c| {
            let size: usize = c.values().sum();
            let mut scored: Vec<(String, f64)> = c
                .iter()
                .map(|(w, &k)| {
                    let tf = k as f64 / size.max(1) as f64;
                    let idf = (1.0 + mean_words / total[w.as_str()] as f64).ln();
                    (w.clone(), tf * idf)
                })
                .collect();
            // BTreeMap order makes the alphabetical tie-break deterministic.
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            scored
        })
        .collect()
}

/// Most words a title may have.
pub const TITLE_WORDS: usize = 8;

/// Fewest words of a title when the theme offers a longer phrase: one word rarely
/// says what a theme proposes.
const MIN_TITLE_WORDS: usize = 2;

/// Members of a theme whose wording is searched for title phrases: the most central.
const SOURCE_STATEMENTS: usize = 12;

/// Phrases embedded per recurring theme at most, and in total across themes; a
/// corpus with many themes embeds fewer per theme (never under [`MIN_SHORTLIST`]).
const SHORTLIST: usize = 16;
const TOTAL_SHORTLIST: usize = 1024;
const MIN_SHORTLIST: usize = 4;

/// Weight of the closest other theme's centroid against a phrase (the diversity term).
const DISTINCT_WEIGHT: f32 = 0.4;

/// Weight of the phrase's share of the theme's distinctive words (its c-TF-IDF score,
/// scaled to the best candidate's) in the final score.
const LEXICAL_WEIGHT: f32 = 0.1;

/// Weight of the share of the theme's sessions whose statements use every content
/// word of the phrase: a title should say what several sessions say, not one.
const COVERAGE_WEIGHT: f32 = 0.1;

/// Bonus of a phrase of a recommendation theme found in one of its recommendations.
const ASK_WEIGHT: f32 = 0.05;

/// Bonus of a phrase of a recommendation theme that opens on the action it asks for
/// ("Strengthen the IGF", an imperative opening its clause; see [`is_action`]): a title
/// that says what is proposed, not only what it is about.
const ACTION_WEIGHT: f32 = 0.06;

/// Phrases opening on an action added to a recommendation theme's shortlist beyond the
/// best by c-TF-IDF.
const ACTION_SHORTLIST: usize = 4;

/// Words that cannot begin or end a title: articles, prepositions, conjunctions,
/// pronouns, auxiliaries and a few adverbs. A phrase ending on one of them dangles.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "against",
    "all",
    "along",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "e.g",
    "each",
    "either",
    "especially",
    "etc",
    "even",
    "every",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "i.e",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "namely",
    "neither",
    "no",
    "nor",
    "not",
    "of",
    "on",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "ours",
    "over",
    "own",
    "particularly",
    "per",
    "same",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// A candidate title: words cut from one statement, as written there.
#[derive(Debug, Clone, PartialEq)]
struct Phrase {
    text: String,
    /// Lower-cased words, for duplicate checks and weights.
    key: String,
    words: usize,
    /// It opens its clause or follows "to", where an imperative or infinitive stands:
    /// only there can a leading verb be the ask ("was put on implementing…" cannot).
    opens_clause: bool,
}

/// A phrase that says what is asked: an imperative opening its clause ("Ensure
/// enforcement of cyber laws"), of more than one word.
fn is_action(p: &Phrase) -> bool {
    p.opens_clause && p.words >= MIN_TITLE_WORDS && is_imperative_opening(&p.text)
}

/// Every span of 1..=[`TITLE_WORDS`] words of `text` that lies between punctuation
/// marks and neither begins nor ends on a function word or a bare number.
fn phrases(text: &str) -> Vec<Phrase> {
    let mut out = Vec::new();
    for clause in clauses(text) {
        let tokens: Vec<&str> = clause.split_whitespace().map(trim_token).collect();
        if tokens
            .first()
            .is_some_and(|t| CONCESSIVE.contains(&t.to_lowercase().as_str()))
        {
            // "Whereas Africa has seen growth…, states should ensure…": the concession
            // is the background, the ask comes after it.
            continue;
        }
        if tokens.iter().any(|t| t.is_empty()) {
            // A stray mark inside the clause ("x / y"): cut there instead.
            for part in tokens.split(|t| t.is_empty()) {
                spans(part, &mut out);
            }
        } else {
            spans(&tokens, &mut out);
        }
    }
    out
}

/// Spans of `tokens` (one clause) cut at function-word boundaries: a span starts at
/// the clause start or right after a function word, and ends at the clause end or
/// right before one, so it is a whole chunk ("permanent IGF mandate" out of "a
/// permanent IGF mandate and …"), never a piece of one ("IGF remains a unique").
/// No span ends on a possessive.
fn spans(tokens: &[&str], out: &mut Vec<Phrase>) {
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let function: Vec<bool> = lower.iter().map(|t| is_function_word(t)).collect();
    let wordy = |i: usize| {
        !function[i] && tokens[i].chars().any(char::is_alphabetic) && tokens[i].chars().count() > 1
    };
    // A span does not open on a verb whose subject it leaves behind ("This includes the
    // rights…" → "Includes the rights…") or on a passive with its agent ("coordinated by
    // the agencies"): either reads as a fragment.
    // "Participant suggested that tracking data should be opened": the clause after a
    // verb of saying and "that" is what was said, with its own subject; no span reaches
    // across into the saying.
    let reported: Vec<usize> = (1..lower.len())
        .filter(|&k| {
            lower[k] == "that"
                && (lower[k - 1].ends_with("ed") || REPORTING.contains(&lower[k - 1].as_str()))
        })
        .collect();
    // "Participants called for a regional data platform", "The panel urged donors to…":
    // the frame that reports a call is who asked, not what; no span reaches across it.
    let frames: Vec<usize> = (1..lower.len())
        .filter(|&k| {
            let called = |c: usize| {
                matches!(lower[c].as_str(), "called" | "calls")
                    && lower
                        .get(c + 1)
                        .is_some_and(|w| matches!(w.as_str(), "for" | "on" | "upon"))
            };
            CALL_FRAMES.contains(&lower[k].as_str()) || called(k) || called(k - 1)
        })
        .collect();
    let subject_before = |i: usize| {
        i > 0 && SUBJECT_PRONOUNS.contains(&lower[i - 1].as_str()) && !reported.contains(&(i - 1))
    };
    let passive =
        |i: usize| lower[i].ends_with("ed") && lower.get(i + 1).is_some_and(|w| w == "by");
    // Nothing after a negation opens a span: "Not everyone was convinced" and "ensure
    // that no one is left behind" would be titled by what they deny.
    let negation = lower.iter().position(|w| NEGATORS.contains(&w.as_str()));
    // Nor after a verb that keeps what follows from happening: "refrain from deploying
    // facial recognition" was titled "Deploying facial recognition". The span may open
    // on the verb itself ("Refrain from deploying…").
    let prevention = lower.iter().position(|w| PREVENTERS.contains(&w.as_str()));
    // A clause that ends what it names, before or after the verb ("the routine use of
    // antibiotics in healthy animals must come to an end", "should be phased out",
    // "Commit to ending the use of…"), is titled only from that verb on: what it names,
    // alone, titled a theme by the practice its members want stopped.
    let ending = (0..lower.len()).find(|&k| ends_what_follows(&lower, k));
    let can_start = |i: usize| {
        wordy(i)
            && (i == 0 || function[i - 1])
            && !subject_before(i)
            && !passive(i)
            && negation.is_none_or(|n| i < n)
            && prevention.is_none_or(|p| i <= p)
            && ending.is_none_or(|e| i == e)
    };
    let can_end = |j: usize| {
        wordy(j)
            && (j + 1 == tokens.len() || function[j + 1])
            && !lower[j].ends_with("'s")
            && !lower[j].ends_with("’s")
            && !lower[j].ends_with("s'")
    };
    // The span of tokens i..=j as a candidate; it opens its clause at the start or after "to".
    let phrase = |i: usize, j: usize| {
        let text = tokens[i..=j].join(" ");
        let key = words(&text).join(" ");
        Phrase {
            text,
            key,
            words: j - i + 1,
            opens_clause: i == 0 || lower[i - 1] == "to",
        }
    };
    // A negated clause may be titled from its start with its negation kept, function
    // word or not: "No one should be left behind", "Do not interfere with the repair".
    if let Some(n) = negation {
        for j in n + 1..tokens.len().min(TITLE_WORDS) {
            if can_end(j) {
                out.push(phrase(0, j));
            }
        }
    }
    for i in 0..tokens.len() {
        if !can_start(i) {
            continue;
        }
        for j in i..tokens.len().min(i + TITLE_WORDS) {
            // Nor does one end on the saying ("participant suggested").
            let crosses = reported.iter().any(|&f| (i < f && f < j) || j + 1 == f)
                || frames.iter().any(|&f| i <= f && f <= j);
            if can_end(j) && !is_fragment(&lower[i..=j]) && !crosses {
                out.push(phrase(i, j));
            }
        }
    }
}

/// Verbs that report a call made by their subject ("Participants urged…", "The group
/// recommended…"); "called for" is found by its "for".
const CALL_FRAMES: &[&str] = &[
    "urged",
    "urges",
    "recommended",
    "recommends",
    "proposed",
    "proposes",
    "requested",
    "requests",
];

/// Verbs of saying whose past form does not end in "-ed" ("said that", "felt that").
const REPORTING: &[&str] = &["said", "says", "say", "felt", "thought", "wrote", "held"];

/// Words that deny what follows them in a clause.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "nor", "cannot", "without", "nobody", "none",
];

/// Verbs that keep what follows them from happening.
const PREVENTERS: &[&str] = &[
    "refrain", "avoid", "cease", "halt", "stop", "prevent", "ban", "prohibit", "oppose", "reject",
];

/// Forms of verbs that put an end to what they name, whichever side it stands on
/// ("end the practice", "the practice should be ended", "abolish the fee").
const ENDING: &[&str] = &[
    "ended",
    "ending",
    "abolish",
    "abolished",
    "abolishing",
    "eliminate",
    "eliminated",
    "eliminating",
    "discontinue",
    "discontinued",
    "scrap",
    "scrapped",
    "banned",
    "prohibited",
];
/// Words before "end" that make it the verb or the act of ending ("to end", "must end",
/// "come to an end"); "the end of 2030" and "end users" are no ending.
const BEFORE_ENDING: &[&str] = &[
    "to", "an", "should", "must", "will", "would", "shall", "can", "we",
];

/// Does the word at `k` put an end to what the clause names: a form of [`ENDING`],
/// "phase(d)/phasing out", or "end" as a verb or an act (clause-initial or after one of
/// [`BEFORE_ENDING`])?
fn ends_what_follows(lower: &[String], k: usize) -> bool {
    let w = lower[k].as_str();
    let next = lower.get(k + 1).map(String::as_str);
    ENDING.contains(&w)
        || (matches!(w, "phase" | "phased" | "phasing") && next == Some("out"))
        || (w == "end"
            && (k == 0 || BEFORE_ENDING.contains(&lower[k - 1].as_str()))
            && !next.is_some_and(|n| n.starts_with("user")))
}

/// Subordinators that open a concession: what the clause grants is not the point.
const CONCESSIVE: &[&str] = &["although", "despite", "though", "whereas", "while"];

/// The first halves of paired conjunctions: a phrase holding one without its partner
/// ("using both the UN IGF", cut before "and its national IGFs") is half of a list.
const CORRELATIVES: &[(&str, &[&str])] = &[
    ("both", &["and"]),
    ("either", &["or"]),
    ("neither", &["nor"]),
];

/// A phrase the span rules admit that still reads as a fragment: a correlative without
/// its partner, or an ordinal ("12th edition of the forum"), which names an occasion,
/// not what anyone proposed.
fn is_fragment(lower: &[String]) -> bool {
    let ordinal = lower.iter().any(|w| is_ordinal(w));
    let unpaired = lower.iter().enumerate().any(|(i, w)| {
        CORRELATIVES
            .iter()
            .find(|(first, _)| first == w)
            .is_some_and(|(_, partners)| {
                !lower[i + 1..]
                    .iter()
                    .any(|x| partners.contains(&x.as_str()))
            })
    });
    // "Interoperable and reliable Internet and take concrete steps": a second verb
    // phrase joined on is half of another clause.
    let joins_a_verb = (1..lower.len().saturating_sub(1)).any(|k| {
        matches!(lower[k].as_str(), "and" | "or")
            && is_imperative_opening(&lower[k + 1..].join(" "))
    });
    ordinal || unpaired || joins_a_verb
}

/// Words that stand as the subject of the verb after them.
const SUBJECT_PRONOUNS: &[&str] = &[
    "this", "it", "which", "that", "who", "they", "he", "she", "we", "i", "these", "those",
];

/// Characters that end a clause wherever they stand.
fn is_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '«'
            | '»'
            | '—'
            | '–'
            | '|'
            | '•'
            | '…'
            | '\u{2010}'..='\u{2012}'
    )
}

/// The text cut at punctuation: breaking marks, a full stop before a space, a
/// spaced hyphen, and quotes (a single quote or apostrophe not between letters).
fn clauses(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let between_letters =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        let cut = is_break(c)
            || (c == '.' && next.is_none_or(char::is_whitespace))
            || (matches!(c, '\'' | '‘' | '’') && !between_letters)
            || (c == '-'
                && prev.is_none_or(char::is_whitespace)
                && next.is_none_or(char::is_whitespace))
            || (c == '/' && !between_letters);
        if cut {
            if !cur.trim().is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

/// A token without marks that cling to it (`*`, `#`, `.` of an abbreviation at the
/// end of a clause stays). Empty when the token is only marks.
fn trim_token(t: &str) -> &str {
    t.trim_matches(|c: char| !(c.is_alphanumeric() || c == '+' || c == '&' || c == '.'))
        .trim_end_matches('.')
}

/// A theme's title input: the texts it may be cut from and how they weigh.
struct Shortlist {
    phrases: Vec<Phrase>,
    /// Lexical score of each phrase, scaled so the best is 1.
    lexical: Vec<f32>,
}

/// The best `limit` phrases of `texts` by the c-TF-IDF weight of their distinct
/// content words (over `sqrt` of their length, so a phrase is not long for its own sake),
/// then the best `actions` of the rest that open on an action ("strengthen the IGF"):
/// the words of an ask are common across themes and weigh little, yet name the proposal.
fn shortlist(
    texts: &[&str],
    weight: &HashMap<String, f64>,
    limit: usize,
    actions: usize,
) -> Shortlist {
    let mut seen: HashSet<String> = HashSet::new();
    let mut scored: Vec<(Phrase, f64)> = Vec::new();
    for text in texts {
        for p in phrases(text) {
            if !seen.insert(p.key.clone()) {
                continue;
            }
            // Ordered, so the sum of float weights is the same on every run.
            let content: BTreeSet<String> = content_words(&p.text).into_iter().collect();
            let sum: f64 = content
                .iter()
                .map(|w| weight.get(w).copied().unwrap_or(0.0))
                .sum();
            if sum <= 0.0 {
                continue;
            }
            // Two words and more read as a phrase; one word only when nothing else is left.
            let short = if p.words < MIN_TITLE_WORDS { 0.5 } else { 1.0 };
            scored.push((p.clone(), short * sum / (p.words as f64).sqrt()));
        }
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.key.cmp(&b.0.key)));
    let rest = scored.split_off(limit.min(scored.len()));
    scored.extend(rest.into_iter().filter(|(p, _)| is_action(p)).take(actions));
    let top = scored.first().map_or(1.0, |s| s.1).max(f64::MIN_POSITIVE);
    Shortlist {
        lexical: scored.iter().map(|s| (s.1 / top) as f32).collect(),
        phrases: scored.into_iter().map(|s| s.0).collect(),
    }
}

/// Title every theme, unique entry and common-ground area of `ranked`.
///
/// Recurring themes and areas: shortlisted phrases of their most central members are
/// embedded with `embedder` (the model that embedded the statements) and scored
/// `cos(phrase, own centroid) − 0.4 × max cos(phrase, other centroid) + 0.1 ×
/// lexical + 0.1 × share of sessions using all its content words` (+ 0.05 in a
/// recommendation theme for a phrase from one of its recommendations, + 0.06 for one
/// that opens on the action it asks for). Unique entries (many, each one or two statements) take their best
/// phrase by c-TF-IDF alone, which costs no embedding. No two titles are the same.
pub fn titles(
    ranked: &mut Ranked,
    embedded: &Embedded,
    embedder: &dyn Embedder,
) -> Result<(), EmbedError> {
    let row_of: HashMap<&str, usize> = embedded
        .statements
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let row = |s: &Statement| row_of.get(s.id.as_str()).copied();
    let rows_of = |t: &Theme| -> Vec<usize> { t.statements.iter().filter_map(row).collect() };
    let vectors = embedded.vectors.view();

    // Weights over every theme and entry, as the keywords are computed.
    let all: Vec<&Theme> = ranked.themes.iter().chain(&ranked.unique).collect();
    let texts: Vec<Vec<&str>> = all
        .iter()
        .map(|t| t.statements.iter().map(|s| s.text.as_str()).collect())
        .collect();
    let weight_maps: Vec<HashMap<String, f64>> = weights(&texts)
        .into_iter()
        .map(|w| w.into_iter().collect())
        .collect();

    // Embedded titles: recurring themes, then common-ground areas.
    let recurring = ranked.themes.len();
    let mut targets: Vec<(Vec<usize>, HashMap<String, f64>)> = Vec::new();
    for (i, t) in ranked.themes.iter().enumerate() {
        // A title says what the theme proposes: its dissent is no wording of it
        // ("Government participants were opposed to waiving fees" titled a theme of
        // fee waivers), nor is a mere mention ("should there be a levy on antibiotics
        // sold for farm animals?" titled a theme that asks to end preventive use).
        let members = t.by_stance();
        let taking_side: Vec<usize> = members.support.iter().copied().filter_map(row).collect();
        let rows = if taking_side.is_empty() {
            members.mentions.iter().copied().filter_map(row).collect()
        } else {
            taking_side
        };
        targets.push((
            if rows.is_empty() { rows_of(t) } else { rows },
            weight_maps[i].clone(),
        ));
    }
    let theme_index: HashMap<&str, usize> = all
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let corpus_counts = word_counts(&all_texts(&all));
    for c in &ranked.common {
        let members: Vec<&Theme> = c
            .themes
            .iter()
            .filter_map(|id| theme_index.get(id.as_str()).map(|&i| all[i]))
            .collect();
        let rows: Vec<usize> = members.iter().flat_map(|t| rows_of(t)).collect();
        let texts: Vec<&str> = members
            .iter()
            .flat_map(|t| t.statements.iter().map(|s| s.text.as_str()))
            .collect();
        // The area's words weigh by what sets it apart from the corpus as a whole.
        let area = weights_of_counts(&[&word_counts(&texts), &corpus_counts]);
        let map: HashMap<String, f64> = area
            .into_iter()
            .next()
            .unwrap_or_default()
            .into_iter()
            .collect();
        targets.push((rows, map));
    }
    let per_theme = (TOTAL_SHORTLIST / targets.len().max(1)).clamp(MIN_SHORTLIST, SHORTLIST);
    let centroids: Vec<Array1<f32>> = targets
        .iter()
        .map(|(rows, _)| centroid(vectors, rows))
        .collect();
    let shortlists: Vec<Shortlist> = targets
        .iter()
        .zip(&centroids)
        .enumerate()
        .map(|(k, ((rows, weight), c))| {
            let mut central: Vec<(usize, f32)> =
                rows.iter().map(|&r| (r, vectors.row(r).dot(c))).collect();
            central.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let texts: Vec<&str> = central
                .iter()
                .take(SOURCE_STATEMENTS)
                .map(|&(r, _)| embedded.statements[r].text.as_str())
                .collect();
            let asks = ranked
                .themes
                .get(k)
                .is_some_and(|t| t.kind == StatementKind::Recommendation);
            shortlist(
                &texts,
                weight,
                per_theme,
                if asks { ACTION_SHORTLIST } else { 0 },
            )
        })
        .collect();
    let flat: Vec<&str> = shortlists
        .iter()
        .flat_map(|s| s.phrases.iter().map(|p| p.text.as_str()))
        .collect();
    let phrase_vectors = if flat.is_empty() {
        Array2::zeros((0, vectors.ncols()))
    } else {
        embedder.embed(&flat)?
    };

    let mut used: HashSet<String> = HashSet::new();
    let mut offset = 0;
    let mut chosen: Vec<String> = Vec::with_capacity(targets.len());
    for (k, s) in shortlists.iter().enumerate() {
        // Themes compete with themes, areas with areas.
        let rivals: Vec<usize> = if k < recurring {
            (0..recurring).filter(|&j| j != k).collect()
        } else {
            (recurring..targets.len()).filter(|&j| j != k).collect()
        };
        // Each session's content words, for how widely a phrase's words are shared.
        let mut by_session: BTreeMap<&str, HashSet<String>> = BTreeMap::new();
        for &r in &targets[k].0 {
            let st = &embedded.statements[r];
            by_session
                .entry(st.session.as_str())
                .or_default()
                .extend(content_words(&st.text));
        }
        // A recommendation theme is best named in the words of its recommendations.
        let asks: Vec<String> = match ranked.themes.get(k) {
            Some(t) if t.kind == StatementKind::Recommendation => targets[k]
                .0
                .iter()
                .map(|&r| &embedded.statements[r])
                .filter(|st| st.kind == StatementKind::Recommendation)
                .map(|st| format!(" {} ", words(&st.text).join(" ")))
                .collect(),
            _ => Vec::new(),
        };
        let mut scored: Vec<(f32, &Phrase)> = s
            .phrases
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mine: HashSet<String> = content_words(&p.text).into_iter().collect();
                let shared = by_session
                    .values()
                    .filter(|words| mine.is_subset(words))
                    .count() as f32
                    / by_session.len().max(1) as f32;
                let v = phrase_vectors.row(offset + i);
                let own = v.dot(&centroids[k]);
                let other = rivals
                    .iter()
                    .map(|&j| v.dot(&centroids[j]))
                    .fold(0.0f32, f32::max);
                let short = if p.words < MIN_TITLE_WORDS { 0.1 } else { 0.0 };
                let padded = format!(" {} ", p.key);
                let ask = if asks.iter().any(|a| a.contains(&padded)) {
                    ASK_WEIGHT
                } else {
                    0.0
                };
                let action = if !asks.is_empty() && is_action(p) {
                    ACTION_WEIGHT
                } else {
                    0.0
                };
                (
                    own - DISTINCT_WEIGHT * other
                        + LEXICAL_WEIGHT * s.lexical[i]
                        + COVERAGE_WEIGHT * shared
                        + ask
                        + action
                        - short,
                    p,
                )
            })
            .collect();
        offset += s.phrases.len();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.key.cmp(&b.1.key)));
        chosen.push(pick(scored.into_iter().map(|(_, p)| p), &mut used));
    }
    let (theme_titles, area_titles) = chosen.split_at(recurring);
    for (t, title) in ranked.themes.iter_mut().zip(theme_titles) {
        t.title = finish(title, t);
    }
    for (c, title) in ranked.common.iter_mut().zip(area_titles) {
        c.title = if title.is_empty() {
            c.keywords.join(" · ")
        } else {
            capitalise(title)
        };
    }

    // Unique entries: c-TF-IDF alone.
    for (i, t) in ranked.unique.iter_mut().enumerate() {
        let texts: Vec<&str> = t.statements.iter().map(|s| s.text.as_str()).collect();
        let s = shortlist(&texts, &weight_maps[recurring + i], usize::MAX, 0);
        let title = pick(s.phrases.iter(), &mut used);
        t.title = finish(&title, t);
    }
    Ok(())
}

/// Every statement text of `themes`, for weights against the whole corpus.
fn all_texts<'a>(themes: &[&'a Theme]) -> Vec<&'a str> {
    themes
        .iter()
        .flat_map(|t| t.statements.iter().map(|s| s.text.as_str()))
        .collect()
}

/// The first phrase not already a title (compared on lower-cased words); empty
/// when every one is taken.
fn pick<'a>(
    mut candidates: impl Iterator<Item = &'a Phrase>,
    used: &mut HashSet<String>,
) -> String {
    match candidates.find(|p| !used.contains(&p.key)) {
        Some(p) => {
            used.insert(p.key.clone());
            p.text.clone()
        }
        None => String::new(),
    }
}

/// The title as shown: capitalised, or the keywords when no phrase was left.
fn finish(title: &str, t: &Theme) -> String {
    if title.is_empty() {
        t.keywords.join(" · ")
    } else {
        capitalise(title)
    }
}

/// First letter upper-cased when the first word is all lower case; the rest as the
/// source wrote it ("IGF"), and a first word such as "eTrade" left alone.
fn capitalise(s: &str) -> String {
    let first = s.split_whitespace().next().unwrap_or("");
    if first.chars().any(char::is_uppercase) {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinctive_words_win() {
        let themes = vec![
            vec![
                "renew the IGF mandate",
                "a permanent IGF mandate",
                "digital cooperation",
            ],
            vec![
                "fund youth participation",
                "youth need funding",
                "digital cooperation",
            ],
        ];
        let k = keywords(&themes, 2);
        assert_eq!(k[0], vec!["igf", "mandate"]);
        assert_eq!(k[1][0], "youth");
    }

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn phrases_stop_at_punctuation_and_never_dangle() {
        let ps = phrases("We call for a permanent IGF mandate, and for the recognition of NRIs.");
        let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
        assert!(texts.contains(&"permanent IGF mandate"));
        assert!(texts.contains(&"recognition of NRIs"));
        // Chunks, not pieces of them: no span ends inside "permanent IGF mandate".
        assert!(!texts.contains(&"permanent IGF"));
        assert!(!texts.contains(&"IGF mandate"));
        for p in &ps {
            let first = p.text.split_whitespace().next().unwrap().to_lowercase();
            let last = p.text.split_whitespace().last().unwrap().to_lowercase();
            assert!(
                !is_function_word(&first) && !is_function_word(&last),
                "{}",
                p.text
            );
            assert!(!p.text.contains(','), "{}", p.text);
            assert!(p.words <= TITLE_WORDS);
        }
        // Nothing spans the comma.
        assert!(!texts.iter().any(|t| t.contains("mandate and")));
    }

    #[test]
    fn phrases_do_not_open_on_a_verb_left_without_its_subject() {
        let ps =
            phrases("This includes the rights to assembly and it is coordinated by port agencies.");
        let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
        assert!(texts.contains(&"rights to assembly"), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t.starts_with("includes")),
            "{texts:?}"
        );
        assert!(
            !texts.iter().any(|t| t.starts_with("coordinated")),
            "{texts:?}"
        );
        assert!(texts.contains(&"port agencies"), "{texts:?}");
    }

    #[test]
    fn a_phrase_names_what_was_said_never_who_said_it() {
        // "Participant suggested that vessel-tracking data should be opened" had titled a
        // theme by one person's remark.
        let ps = phrases("One participant suggested that tide data should be opened to ports.");
        let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
        assert!(!texts.iter().any(|t| t.contains("suggested")), "{texts:?}");
        assert!(texts.contains(&"tide data should be opened"), "{texts:?}");
        // Nor by who called for it: "Participants called for compulsory metering…" had
        // titled an invented forum's theme.
        for text in [
            "Participants called for a regional tide data platform.",
            "The panel urged a regional tide data platform for all ports.",
        ] {
            let ps = phrases(text);
            let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
            assert!(
                !texts
                    .iter()
                    .any(|t| t.contains("called") || t.contains("urged")),
                "{texts:?}"
            );
            assert!(texts.contains(&"regional tide data platform"), "{texts:?}");
        }
        // "a daily call for action" names no one's call.
        let ps = phrases("The compact is a daily call for action.");
        assert!(ps.iter().any(|p| p.text == "daily call for action"));
        // A relative "that" keeps its clause: "data that fishers trust" is no title.
        let ps = phrases("Build data systems that fishers trust.");
        assert!(!ps.iter().any(|p| p.text.starts_with("fishers")));
    }

    #[test]
    fn concessions_ordinals_and_half_pairs_are_not_title_phrases() {
        let texts = |t: &str| -> Vec<String> { phrases(t).into_iter().map(|p| p.text).collect() };
        let t = texts("Whereas harbours have grown fast, port states should share tide data.");
        assert!(!t.iter().any(|p| p.contains("harbours")), "{t:?}");
        assert!(
            t.contains(&"port states should share tide data".to_string()),
            "{t:?}"
        );
        let t = texts("The 12th edition of the Harbour Forum met.");
        assert!(!t.iter().any(|p| p.contains("12th")), "{t:?}");
        let t = texts("We want it to use both the regional forum – and its local chapters.");
        assert!(!t.iter().any(|p| p.contains("both")), "{t:?}");
        assert!(texts("Fund both the forum and its chapters")
            .contains(&"Fund both the forum and its chapters".to_string()));
    }

    #[test]
    fn a_title_keeps_the_negation_it_stands_under() {
        let texts = |t: &str| -> Vec<String> { phrases(t).into_iter().map(|p| p.text).collect() };
        // "Everyone was convinced" and "Interfere with the repair" said the opposite.
        let t = texts("Not everyone was convinced.");
        assert!(!t.iter().any(|p| !p.starts_with("Not")), "{t:?}");
        let t = texts("Do not interfere with the repair of harbour cranes.");
        assert!(!t.iter().any(|p| p.starts_with("interfere")), "{t:?}");
        assert!(
            t.contains(&"Do not interfere with the repair".to_string()),
            "{t:?}"
        );
        assert!(texts("No port should be left behind.")
            .contains(&"No port should be left behind".to_string()));
        // "Deploying tide cameras" would title a call to refrain from them.
        let t = texts("Calls upon ports to refrain from deploying tide cameras in public spaces.");
        assert!(!t.iter().any(|p| p.starts_with("deploying")), "{t:?}");
        assert!(
            t.contains(&"refrain from deploying tide cameras".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_title_keeps_the_verb_that_ends_what_it_names() {
        let texts = |t: &str| -> Vec<String> { phrases(t).into_iter().map(|p| p.text).collect() };
        // "Bottom trawling in marine parks" would title calls to stop it.
        for text in [
            "Participants agreed that bottom trawling in marine parks must come to an end.",
            "Bottom trawling in marine parks should be phased out by 2030.",
            "Commit to ending bottom trawling in marine parks by 2030.",
            "Bottom trawling in marine parks should be banned.",
        ] {
            let t = texts(text);
            assert!(
                !t.iter()
                    .any(|p| p.starts_with("Bottom trawling") || p.starts_with("bottom trawling")),
                "{text}: {t:?}"
            );
        }
        assert!(
            texts("Commit to ending bottom trawling in marine parks by 2030.")
                .contains(&"ending bottom trawling in marine parks".to_string())
        );
        assert!(texts("Phase out bottom trawling in marine parks.")
            .contains(&"Phase out bottom trawling in marine parks".to_string()));
        // A verb phrase joined on is another clause's half.
        assert!(
            !texts("Keep the Internet interoperable and reliable and take concrete steps.")
                .iter()
                .any(|p| p.contains("and take"))
        );
        // Time and users are no ending.
        assert!(
            texts("By the end of 2030, bottom trawling rules should be reviewed.")
                .contains(&"bottom trawling rules".to_string())
        );
    }

    /// A word-weight map from literal pairs.
    fn weights_of(pairs: &[(&str, f64)]) -> HashMap<String, f64> {
        pairs.iter().map(|&(w, v)| (w.to_string(), v)).collect()
    }

    #[test]
    fn a_recommendation_shortlist_keeps_phrases_that_open_on_the_action() {
        let weight = weights_of(&[("igf", 1.0), ("mandate", 0.8), ("forum", 0.05)]);
        let texts = ["Participants discussed the IGF mandate; strengthen the forum"];
        let plain = shortlist(&texts, &weight, 1, 0);
        assert_eq!(plain.phrases.len(), 1);
        let with_actions = shortlist(&texts, &weight, 1, 1);
        assert_eq!(with_actions.phrases[1].text, "strengthen the forum");
        assert!(with_actions.lexical[1] < with_actions.lexical[0]);
        // A verb in mid-clause is no ask: "was put on implementing…" stays out.
        let mid = ["The IGF mandate was put on implementing the forum standards"];
        assert!(shortlist(&mid, &weight, 1, 4)
            .phrases
            .iter()
            .all(|p| !p.text.starts_with("put")));
    }

    #[test]
    fn shortlist_prefers_the_theme_words() {
        let weight = weights_of(&[("igf", 1.0), ("mandate", 0.8), ("permanent", 0.6)]);
        let s = shortlist(
            &["Participants discussed many things, including a permanent IGF mandate"],
            &weight,
            3,
            0,
        );
        assert_eq!(s.phrases[0].text, "permanent IGF mandate");
        assert!((s.lexical[0] - 1.0).abs() < 1e-6);
    }

    #[test]
    fn capitalise_keeps_the_rest_of_the_case() {
        assert_eq!(capitalise("permanent IGF mandate"), "Permanent IGF mandate");
        assert_eq!(capitalise("eTrade for all"), "eTrade for all");
    }
}
