//! The built-in evaluation: score digest, duplicates and agreement output against a gold file
//! with exactly the rules of the devset's `score.py` (see [`RULES`]).
//!
//! Every scorer reads the output as a [`serde_json::Value`], the same JSON `--format json`
//! writes, and looks only at the fields the rules name, so fields added to the library structs
//! later change nothing. The text rendering prints the lines `score.py` prints, byte for byte,
//! so the two can be compared with `diff`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// The scoring rules, as `score.py` states them; shown by `concord eval --help`.
pub const RULES: &str = "\
Rules (those of the devset's score.py, which the project is judged by):
- a gold quote is located in the output as the statement of the same session whose normalised
  text contains the quote or is contained in it (longest overlap wins);
- a theme is recovered when ONE recurring theme (digest \"themes\") holds located quotes from at
  least 2 different sessions of that gold theme, and that theme is not a catch-all: it holds at
  most max(10, 3 x the gold theme's quotes) statements;
- a duplicate pair is found when both quotes are located in the same group of at most 8
  statements;
- agreement recall is the share of gold sessions for a topic that the output lists, precision the
  share of listed sessions that the gold names; stance accuracy counts a session right when the
  output's stance for it equals the gold stance (support / oppose / mixed / neutral).";

/// Largest duplicate group in which a gold pair counts as found.
pub const MAX_GROUP: usize = 8;

/// Why a gold file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be read.
    #[error("cannot read the gold file {}", path.display())]
    Read {
        /// The gold file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file is not JSON of the gold shape.
    #[error("the gold file {} is not valid gold JSON", path.display())]
    Parse {
        /// The gold file.
        path: PathBuf,
        /// Where and why parsing failed.
        #[source]
        source: serde_json::Error,
    },
    /// A duplicate pair names fewer than two quotes.
    #[error("the gold file {}: duplicate pair {index} ({title:?}) has fewer than 2 quotes", path.display())]
    ShortPair {
        /// The gold file.
        path: PathBuf,
        /// 0-based position of the pair in `duplicate_pairs`.
        index: usize,
        /// Its title.
        title: String,
    },
}

/// A hand-labelled gold standard: the devset's `gold.json` shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    /// Themes a digest should recover.
    pub themes: Vec<GoldTheme>,
    /// Pairs of statements `duplicates` should group.
    pub duplicate_pairs: Vec<GoldPair>,
    /// Agreement topics with the stance of each session that addresses them.
    pub topics: Vec<GoldTopic>,
}

/// A gold theme: its quotes, each `[file name, quote]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldTheme {
    /// Id printed in the report (a number in the devset).
    pub id: Value,
    /// What the theme says.
    pub title: String,
    /// `(file name, quote)`; the session is the file name without its extension.
    pub quotes: Vec<(String, String)>,
}

/// A gold duplicate pair: the first two quotes must share a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldPair {
    /// What the pair proposes.
    pub title: String,
    /// `(file name, quote)`, at least two; only the first two are scored.
    pub quotes: Vec<(String, String)>,
}

/// A gold agreement topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldTopic {
    /// The topic as given to `concord agreement`.
    pub query: String,
    /// File name → stance (`support`, `oppose`, `mixed`, `neutral`).
    pub sessions: BTreeMap<String, String>,
}

impl Gold {
    /// Parse gold JSON text (no file name in errors; see [`Gold::load`]).
    pub fn from_json(text: &str) -> Result<Gold, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Read and check a gold file; every error names it.
    pub fn load(path: &Path) -> Result<Gold, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
            path: path.to_owned(),
            source,
        })?;
        let gold = Gold::from_json(&text).map_err(|source| EvalError::Parse {
            path: path.to_owned(),
            source,
        })?;
        // score.py unpacks the first two quotes of a pair; fewer is a broken gold file.
        if let Some((index, p)) = gold
            .duplicate_pairs
            .iter()
            .enumerate()
            .find(|(_, p)| p.quotes.len() < 2)
        {
            return Err(EvalError::ShortPair {
                path: path.to_owned(),
                index,
                title: p.title.clone(),
            });
        }
        Ok(gold)
    }
}

/// Normalise text for matching: NFKC, lower case, every run of characters other than
/// ASCII letters and digits becomes one space, trimmed (`score.py`'s `norm`).
pub fn norm(s: &str) -> String {
    let lower = s.nfkc().collect::<String>().to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut gap = false;
    for c in lower.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// A file name without its last extension: the session id (`score.py`'s `stem`).
pub fn stem(file: &str) -> &str {
    file.rfind('.').map_or(file, |dot| &file[..dot])
}

/// Index of the statement of `session` that holds `quote`: normalised, one contains the other,
/// and of those the longest overlap (the shorter of the two lengths) wins, the first on a tie.
/// A statement belongs to the session when its `session` field starts with `session`.
pub fn locate<'a>(
    statements: impl IntoIterator<Item = &'a Value>,
    session: &str,
    quote: &str,
) -> Option<usize> {
    let q = norm(quote);
    let mut best = None;
    let mut best_len = 0;
    for (i, st) in statements.into_iter().enumerate() {
        if !py_str(st.get("session")).starts_with(session) {
            continue;
        }
        let s = norm(st.get("text").and_then(Value::as_str).unwrap_or(""));
        // After `norm` every character is ASCII, so byte lengths are character counts.
        let overlap = s.len().min(q.len());
        if !s.is_empty() && (s.contains(&q) || q.contains(&s)) && overlap > best_len {
            best = Some(i);
            best_len = overlap;
        }
    }
    best
}

/// Most statements a recurring theme may hold and still recover a gold theme with `quotes`
/// quotes; bigger themes are catch-alls.
pub fn catch_all_cap(quotes: usize) -> usize {
    10.max(3 * quotes)
}

/// The scores of one run: digest, duplicates and agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Themes recovered by the digest.
    pub digest: DigestScores,
    /// Gold pairs found by `duplicates`.
    pub duplicates: DuplicateScores,
    /// Recall, precision and stance accuracy of `agreement` per topic.
    pub agreement: AgreementScores,
}

/// How the digest did on the gold themes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DigestScores {
    /// Gold themes recovered.
    pub recovered: usize,
    /// Gold themes.
    pub total: usize,
    /// Gold quotes located anywhere in the digest (themes or unique).
    pub quotes_located: usize,
    /// Gold quotes.
    pub quotes_total: usize,
    /// Recurring themes in the digest.
    pub recurring_themes: usize,
    /// Unique entries in the digest.
    pub unique: usize,
    /// One row per gold theme, in gold order.
    pub themes: Vec<ThemeScore>,
}

/// One gold theme against the digest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeScore {
    /// Gold id.
    pub id: Value,
    /// Gold title.
    pub title: String,
    /// Whether one non-catch-all recurring theme holds quotes of 2 or more of its sessions.
    pub recovered: bool,
    /// Quotes located in the digest.
    pub located: usize,
    /// Quotes in the gold theme.
    pub quotes: usize,
    /// The recovering theme's `rank` (null when not recovered).
    pub rank: Value,
    /// The recovering theme's `label` ("" when not recovered).
    pub label: String,
}

/// How `duplicates` did on the gold pairs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicateScores {
    /// Gold pairs found.
    pub found: usize,
    /// Gold pairs.
    pub total: usize,
    /// Groups in the output.
    pub groups: usize,
    /// Statements in those groups.
    pub statements: usize,
    /// One row per gold pair, in gold order.
    pub pairs: Vec<PairScore>,
}

/// One gold pair against the duplicate groups.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairScore {
    /// Gold title.
    pub title: String,
    /// Both quotes located in the same group of at most [`MAX_GROUP`] statements.
    pub found: bool,
}

/// How `agreement` did on the gold topics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementScores {
    /// Gold sessions, over all scored topics, whose stance the output got right.
    pub stance_right: usize,
    /// Gold sessions over all scored topics.
    pub stance_total: usize,
    /// One row per gold topic, in gold order.
    pub topics: Vec<TopicScore>,
}

/// One gold topic against its agreement output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicScore {
    /// 0-based topic index (the `<n>.json` of score.py's agreement folder).
    pub index: usize,
    /// The topic.
    pub query: String,
    /// Whether an output was given for this topic (missing ones are not scored).
    pub scored: bool,
    /// Share of gold sessions that the output lists.
    pub recall: f64,
    /// Share of listed sessions that the gold names.
    pub precision: f64,
    /// Gold sessions whose stance the output got right.
    pub stance_right: usize,
    /// Gold sessions for the topic.
    pub sessions: usize,
    /// Distinct sessions the output lists.
    pub listed: usize,
}

/// An array field of a JSON object, empty when absent or not an array (`.get(key, [])`).
fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Python's `str()` of a JSON value (`None` when absent), for ids and sessions.
fn py_str(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "True".into(),
        Some(Value::Bool(false)) => "False".into(),
        Some(other) => other.to_string(),
    }
}

/// The first `n` characters of `s` (Python's `s[:n]`).
fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// Python's `repr()` of a string: single quotes unless the text has one and no double quote;
/// backslash escapes for the quote, backslash and control characters.
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !py_printable(c) => {
                let n = c as u32;
                // Writing to a String cannot fail.
                let _ = match n {
                    0..=0xff => write!(out, "\\x{n:02x}"),
                    0x100..=0xffff => write!(out, "\\u{n:04x}"),
                    _ => write!(out, "\\U{n:08x}"),
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Whether Python's `repr` shows `c` as is: not a control, format, separator (other than the
/// space) or private-use character. Covers the characters met in text; unassigned code points
/// are shown as is here, escaped by Python.
fn py_printable(c: char) -> bool {
    !matches!(c as u32,
        0..=0x1f | 0x7f..=0xa0 | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x1680
        | 0x180e | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f
        | 0x3000 | 0xd800..=0xf8ff | 0xfeff | 0xfff9..=0xfffb | 0xe0001 | 0xe0020..=0xe007f
        | 0xf0000..)
}

/// A recurring theme holding located quotes of one gold theme.
struct Hit<'a> {
    key: Value,
    theme: &'a Value,
    sessions: BTreeSet<&'a str>,
    n: usize,
}

/// Score a digest (its JSON value) against the gold themes.
pub fn score_digest(digest: &Value, gold: &Gold) -> DigestScores {
    // Every statement of every theme and unique entry, with its theme and whether it recurs.
    let mut owners: Vec<(bool, &Value)> = Vec::new();
    let mut statements: Vec<&Value> = Vec::new();
    for (recurring, key) in [(true, "themes"), (false, "unique")] {
        for theme in list(digest, key) {
            for st in list(theme, "statements") {
                owners.push((recurring, theme));
                statements.push(st);
            }
        }
    }
    let mut rows = Vec::new();
    for t in &gold.themes {
        let cap = catch_all_cap(t.quotes.len());
        let mut hits: Vec<Hit> = Vec::new();
        let mut located = 0;
        for (file, quote) in &t.quotes {
            let session = stem(file);
            let Some(i) = locate(statements.iter().copied(), session, quote) else {
                continue;
            };
            located += 1;
            let (recurring, theme) = owners[i];
            if !recurring || list(theme, "statements").len() > cap {
                continue;
            }
            let key = theme.get("id").cloned().unwrap_or(Value::Null);
            let at = match hits.iter().position(|h| h.key == key) {
                Some(at) => at,
                None => {
                    hits.push(Hit {
                        key,
                        theme,
                        sessions: BTreeSet::new(),
                        n: 0,
                    });
                    hits.len() - 1
                }
            };
            hits[at].sessions.insert(session);
            hits[at].n += 1;
        }
        // Python's max keeps the first of equal keys: replace only on a strictly better hit.
        let mut best: Option<&Hit> = None;
        for h in &hits {
            if best.is_none_or(|b| (h.sessions.len(), h.n) > (b.sessions.len(), b.n)) {
                best = Some(h);
            }
        }
        let recovered = best.is_some_and(|b| b.sessions.len() >= 2);
        let (rank, label) = match best {
            Some(b) if recovered => (
                b.theme.get("rank").cloned().unwrap_or(Value::Null),
                b.theme
                    .get("label")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
            ),
            _ => (Value::Null, String::new()),
        };
        rows.push(ThemeScore {
            id: t.id.clone(),
            title: t.title.clone(),
            recovered,
            located,
            quotes: t.quotes.len(),
            rank,
            label,
        });
    }
    DigestScores {
        recovered: rows.iter().filter(|r| r.recovered).count(),
        total: rows.len(),
        quotes_located: rows.iter().map(|r| r.located).sum(),
        quotes_total: rows.iter().map(|r| r.quotes).sum(),
        recurring_themes: list(digest, "themes").len(),
        unique: list(digest, "unique").len(),
        themes: rows,
    }
}

/// Score a duplicates output (its JSON value) against the gold pairs.
pub fn score_duplicates(duplicates: &Value, gold: &Gold) -> DuplicateScores {
    let groups = list(duplicates, "groups");
    let mut group_of = Vec::new();
    let mut statements = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        for st in list(group, "statements") {
            group_of.push(g);
            statements.push(st);
        }
    }
    let pairs: Vec<PairScore> = gold
        .duplicate_pairs
        .iter()
        .map(|p| {
            let find = |k: usize| {
                p.quotes.get(k).and_then(|(file, quote)| {
                    locate(statements.iter().copied(), stem(file), quote).map(|i| group_of[i])
                })
            };
            let found = match (find(0), find(1)) {
                (Some(a), Some(b)) => a == b && list(&groups[a], "statements").len() <= MAX_GROUP,
                _ => false,
            };
            PairScore {
                title: p.title.clone(),
                found,
            }
        })
        .collect();
    DuplicateScores {
        found: pairs.iter().filter(|p| p.found).count(),
        total: pairs.len(),
        groups: groups.len(),
        statements: statements.len(),
        pairs,
    }
}

/// Score agreement outputs (JSON values; `outputs[i]` answers `gold.topics[i]`, `None` when
/// there is none) against the gold topics.
pub fn score_agreement(outputs: &[Option<Value>], gold: &Gold) -> AgreementScores {
    let mut topics = Vec::new();
    for (index, t) in gold.topics.iter().enumerate() {
        let mut row = TopicScore {
            index,
            query: t.query.clone(),
            scored: false,
            recall: 0.0,
            precision: 0.0,
            stance_right: 0,
            sessions: t.sessions.len(),
            listed: 0,
        };
        let Some(Some(out)) = outputs.get(index) else {
            topics.push(row);
            continue;
        };
        // Listed sessions by id; a later entry with the same id replaces an earlier one.
        let mut listed: Vec<(&Value, &Value)> = Vec::new();
        for s in list(out, "sessions") {
            let Some(id) = s.get("id") else { continue };
            match listed.iter_mut().find(|(k, _)| *k == id) {
                Some(entry) => entry.1 = s,
                None => listed.push((id, s)),
            }
        }
        let want: BTreeMap<&str, &str> = t
            .sessions
            .iter()
            .map(|(f, v)| (stem(f), v.as_str()))
            .collect();
        let session_of = |id: &str| listed.iter().find(|(k, _)| k.as_str() == Some(id));
        let common = want.keys().filter(|s| session_of(s).is_some()).count();
        row.scored = true;
        row.listed = listed.len();
        row.sessions = want.len();
        row.recall = common as f64 / want.len().max(1) as f64;
        row.precision = common as f64 / listed.len().max(1) as f64;
        row.stance_right = want
            .iter()
            .filter(|(s, v)| {
                session_of(s)
                    .is_some_and(|(_, out)| out.get("stance").and_then(Value::as_str) == Some(**v))
            })
            .count();
        topics.push(row);
    }
    let scored = topics.iter().filter(|t| t.scored);
    AgreementScores {
        stance_right: scored.clone().map(|t| t.stance_right).sum(),
        stance_total: scored.map(|t| t.sessions).sum(),
        topics,
    }
}

/// Score all three outputs of one run.
pub fn score(
    digest: &Value,
    duplicates: &Value,
    agreements: &[Option<Value>],
    gold: &Gold,
) -> Scores {
    Scores {
        digest: score_digest(digest, gold),
        duplicates: score_duplicates(duplicates, gold),
        agreement: score_agreement(agreements, gold),
    }
}

impl DigestScores {
    /// The lines `score.py digest` prints.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for r in &self.themes {
            let mark = if r.recovered { "OK " } else { "-- " };
            let id = py_str(Some(&r.id));
            // Writing to a String cannot fail.
            let _ = writeln!(
                out,
                "{mark} theme {id:>2}: located {}/{}, rank {}  {}  -> {}",
                r.located,
                r.quotes,
                py_str(Some(&r.rank)),
                prefix(&r.title, 60),
                prefix(&r.label, 50)
            );
        }
        let _ = writeln!(
            out,
            "themes recovered {}/{}; quotes located {}/{}; {} recurring themes, {} unique",
            self.recovered,
            self.total,
            self.quotes_located,
            self.quotes_total,
            self.recurring_themes,
            self.unique
        );
        out
    }
}

impl DuplicateScores {
    /// The lines `score.py duplicates` prints.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for p in &self.pairs {
            let mark = if p.found { "OK " } else { "-- " };
            // Writing to a String cannot fail.
            let _ = writeln!(out, "{mark} {}", prefix(&p.title, 80));
        }
        let _ = writeln!(
            out,
            "duplicate pairs found {}/{}; {} groups holding {} statements",
            self.found, self.total, self.groups, self.statements
        );
        out
    }
}

impl AgreementScores {
    /// The lines `score.py agreement` prints (a topic without output says so).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for t in &self.topics {
            // Writing to a String cannot fail.
            let _ = if t.scored {
                writeln!(
                    out,
                    "topic {} {}: recall {:.2}, precision {:.2}, stance right {}/{}",
                    t.index,
                    py_repr(prefix(&t.query, 50)),
                    t.recall,
                    t.precision,
                    t.stance_right,
                    t.sessions
                )
            } else {
                writeln!(out, "-- topic {} {}: no output", t.index, py_repr(&t.query))
            };
        }
        let _ = writeln!(
            out,
            "stance accuracy {}/{}",
            self.stance_right, self.stance_total
        );
        out
    }
}

impl Scores {
    /// The lines of `score.py digest`, `duplicates` and `agreement`, in that order.
    pub fn to_text(&self) -> String {
        [
            self.digest.to_text(),
            self.duplicates.to_text(),
            self.agreement.to_text(),
        ]
        .concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn st(session: &str, text: &str) -> Value {
        json!({ "session": session, "text": text })
    }

    fn gold(themes: Value, pairs: Value, topics: Value) -> Gold {
        serde_json::from_value(json!({
            "themes": themes, "duplicate_pairs": pairs, "topics": topics
        }))
        .expect("gold shape")
    }

    #[test]
    fn norm_folds_case_compatibility_forms_quotes_and_punctuation() {
        assert_eq!(
            norm("  The “Net’s” ﬁrst\u{a0}RULE—keep it OPEN!! (2024) "),
            "the net s first rule keep it open 2024"
        );
        assert_eq!(norm("Ｆｕｌｌ ｗｉｄｔｈ ①"), "full width 1");
        assert_eq!(norm("café déjà"), "caf d j");
        assert_eq!(norm("…—"), "");
    }

    #[test]
    fn stem_drops_only_the_last_extension() {
        assert_eq!(stem("001_a.b.txt"), "001_a.b");
        assert_eq!(stem("noext"), "noext");
    }

    #[test]
    fn locate_finds_containment_either_way_within_the_session() {
        let items = [
            st("s1", "Open the forum to all."),
            st(
                "s2",
                "We ask that states keep networks on during elections.",
            ),
            st("s3", "Fund it"),
        ];
        // The quote is inside a longer statement.
        assert_eq!(locate(&items, "s2", "keep NETWORKS on"), Some(1));
        // The statement is inside a longer quote.
        assert_eq!(locate(&items, "s3", "Fund it properly, and soon."), Some(2));
        // Right text, wrong session: not located.
        assert_eq!(locate(&items, "s1", "keep networks on"), None);
        // Neither contains the other.
        assert_eq!(locate(&items, "s1", "open the forum to everyone"), None);
        // A session id is matched as a prefix of the statement's session.
        assert_eq!(locate(&items, "s", "fund it"), Some(2));
    }

    #[test]
    fn locate_prefers_the_longest_overlap_then_the_first() {
        let items = [
            st("s1", "Fund"),
            st("s1", "Fund the forum"),
            st("s1", "Fund the forum well and for years to come"),
            st("s1", "Fund the forum"),
        ];
        // Overlap with a short quote is the quote's length: the first statement holding it wins.
        assert_eq!(locate(&items, "s1", "fund the"), Some(1));
        // A longer quote contains items 0, 1, 3 and is contained in none: item 1 (longest, first).
        assert_eq!(locate(&items, "s1", "fund the forum now"), Some(1));
        // Contained in item 2 only, which beats the shorter items contained in it.
        assert_eq!(locate(&items, "s1", "Fund the forum well"), Some(2));
    }

    #[test]
    fn empty_statements_are_never_located() {
        let items = [st("s1", "!!!"), json!({ "session": "s1" })];
        assert_eq!(locate(&items, "s1", "anything"), None);
    }

    /// A digest with one recurring theme of `size` statements holding quotes of s1 and s2.
    fn digest_with_theme_of(size: usize) -> Value {
        let mut statements = vec![
            st("s1", "Keep the forum open to everyone"),
            st("s2", "The forum must stay open to everyone"),
        ];
        statements.extend((2..size).map(|i| st("s9", &format!("filler {i}"))));
        json!({ "themes": [{ "id": "T1", "rank": 1, "label": "forum", "statements": statements }],
                "unique": [] })
    }

    #[test]
    fn a_theme_above_the_catch_all_cap_recovers_nothing() {
        let g = gold(
            json!([{ "id": 1, "title": "open forum", "quotes": [
                ["s1.txt", "keep the forum open"], ["s2.txt", "forum must stay open"]]}]),
            json!([]),
            json!([]),
        );
        assert_eq!(catch_all_cap(2), 10);
        assert_eq!(catch_all_cap(4), 12);
        let at_cap = score_digest(&digest_with_theme_of(10), &g);
        assert!(
            at_cap.themes[0].recovered,
            "10 statements is not a catch-all"
        );
        assert_eq!(at_cap.themes[0].rank, json!(1));
        let over = score_digest(&digest_with_theme_of(11), &g);
        assert!(!over.themes[0].recovered, "11 statements is a catch-all");
        assert_eq!(over.themes[0].located, 2, "its quotes are still located");
        assert_eq!(over.themes[0].rank, Value::Null);
    }

    #[test]
    fn one_theme_must_hold_two_sessions() {
        let g = gold(
            json!([{ "id": 1, "title": "t", "quotes": [["a.txt", "alpha beta"], ["b.txt", "gamma delta"]]}]),
            json!([]),
            json!([]),
        );
        let split = json!({ "themes": [
            { "id": "x", "statements": [st("a", "alpha beta")] },
            { "id": "y", "statements": [st("b", "gamma delta")] }]});
        assert!(!score_digest(&split, &g).themes[0].recovered);
        let unique = json!({ "themes": [{ "id": "x", "statements": [st("a", "alpha beta")] }],
                             "unique": [{ "id": "u", "statements": [st("b", "gamma delta")] }]});
        assert!(!score_digest(&unique, &g).themes[0].recovered);
        let joined = json!({ "themes": [
            { "id": "x", "statements": [st("a", "alpha beta"), st("b", "gamma delta")] }]});
        assert!(score_digest(&joined, &g).themes[0].recovered);
    }

    /// Duplicates output with the pair in one group padded to `size` statements.
    fn groups_with_pair_in_group_of(size: usize) -> Value {
        let mut members = vec![
            st("a", "Publish every shutdown order"),
            st("b", "publish all shutdown orders"),
        ];
        members.extend((2..size).map(|i| st("c", &format!("other {i}"))));
        json!({ "groups": [{ "statements": members }] })
    }

    #[test]
    fn a_pair_counts_only_in_a_group_of_at_most_eight() {
        let g = gold(
            json!([]),
            json!([{ "title": "p", "quotes": [["a.txt", "publish every shutdown order"],
                                             ["b.txt", "publish all shutdown orders"]]}]),
            json!([]),
        );
        assert!(score_duplicates(&groups_with_pair_in_group_of(8), &g).pairs[0].found);
        assert!(!score_duplicates(&groups_with_pair_in_group_of(9), &g).pairs[0].found);
        let apart = json!({ "groups": [{ "statements": [st("a", "Publish every shutdown order")] },
                                       { "statements": [st("b", "publish all shutdown orders")] }]});
        assert!(!score_duplicates(&apart, &g).pairs[0].found);
    }

    #[test]
    fn agreement_recall_precision_and_stance_read_the_stance_field_when_present() {
        let g = gold(
            json!([]),
            json!([]),
            json!([{ "query": "q", "sessions": { "a.txt": "support", "b.txt": "oppose", "c.txt": "neutral" }}]),
        );
        let out = json!({ "sessions": [
            { "id": "a", "stance": "support" }, { "id": "b" }, { "id": "z", "stance": "oppose" }]});
        let s = score_agreement(&[Some(out)], &g);
        let t = &s.topics[0];
        assert!((t.recall - 2.0 / 3.0).abs() < 1e-12);
        assert!((t.precision - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((t.stance_right, s.stance_right, s.stance_total), (1, 1, 3));
        let missing = score_agreement(&[None], &g);
        assert!(!missing.topics[0].scored);
        assert_eq!(missing.stance_total, 0);
        assert!(missing.to_text().contains("-- topic 0 'q': no output"));
    }

    #[test]
    fn python_repr_picks_the_quote_and_escapes() {
        assert_eq!(py_repr("the IGF"), "'the IGF'");
        assert_eq!(py_repr("don't"), "\"don't\"");
        assert_eq!(py_repr("it's \"x\""), "'it\\'s \"x\"'");
        assert_eq!(py_repr("a\\b\tc\u{a0}é"), "'a\\\\b\\tc\\xa0é'");
    }

    #[test]
    fn gold_errors_name_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = dir.path().join("nope.json");
        let e = Gold::load(&missing).unwrap_err();
        assert!(e.to_string().contains("nope.json"), "{e}");
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, r#"{"themes": []}"#).expect("write");
        let e = Gold::load(&bad).unwrap_err();
        assert!(e.to_string().contains("bad.json"), "{e}");
        let short = dir.path().join("short.json");
        std::fs::write(
            &short,
            r#"{"themes": [], "topics": [], "duplicate_pairs": [{"title": "p", "quotes": [["a.txt", "x"]]}]}"#,
        )
        .expect("write");
        assert!(matches!(
            Gold::load(&short),
            Err(EvalError::ShortPair { index: 0, .. })
        ));
    }
}
