//! The digest: what a run found, as plain data, and its renderers.

mod csv;
pub(crate) mod html;
pub mod map;
pub(crate) mod markdown;

pub use csv::to_csv;
pub use html::to_html;
pub use map::MapPoint;
pub use markdown::to_markdown;

use crate::cluster::{Agglomerative, Method};
use crate::corpus::{Excluded, Session, Skipped, UnitClass};
use crate::rank::{CommonGround, Theme};
use serde::Serialize;

/// The options that shaped a digest, echoed in its header. How the run was carried out
/// (cache, timings) is not an option of the analysis: see [`crate::RunContext`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Options {
    /// Clustering method and its parameters.
    #[serde(flatten)]
    pub method: Method,
    /// Sessions a theme needs to count as recurring.
    pub min_sessions: usize,
}

impl Default for Options {
    /// The defaults of `concord digest`, which `concord eval` scores too.
    fn default() -> Self {
        Options {
            method: Method::Agglomerative(Agglomerative::default()),
            min_sessions: 2,
        }
    }
}

/// What was read, with what, and what was left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusSummary {
    /// Sessions read.
    pub sessions: usize,
    /// Statements found in them.
    pub statements: usize,
    /// Embedding model id.
    pub model: String,
    /// Options of the run.
    pub options: Options,
    /// Files that could not be read, with reasons.
    pub skipped: Vec<Skipped>,
}

/// A ranked, cited consensus digest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Digest {
    /// Header facts.
    pub corpus: CorpusSummary,
    /// The sessions, in corpus order: metadata only ([`Session::header`]).
    pub sessions: Vec<Session>,
    /// Recurring themes: recommendations first, each kind ranked.
    pub themes: Vec<Theme>,
    /// Themes below the recurrence bar: unique proposals and lone observations.
    pub unique: Vec<Theme>,
    /// Units read but not analysed (headings, metadata, procedural text, boilerplate),
    /// each with its reason, in corpus order.
    pub excluded: Vec<Excluded>,
    /// Broad areas that were split into their specific themes, with the ids of those.
    pub common: Vec<CommonGround>,
}

/// `n` and the noun, singular for exactly one: "1 session", "2 sessions".
pub(crate) fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The indefinite article for `word`: "an observation", "a recommendation".
pub(crate) fn article(word: &str) -> &'static str {
    match word.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_vowels_take_an() {
        assert_eq!(count(1, "session", "sessions"), "1 session");
        assert_eq!(count(0, "session", "sessions"), "0 sessions");
        assert_eq!(count(2, "session", "sessions"), "2 sessions");
        assert_eq!(article("observation"), "an");
        assert_eq!(article("recommendation"), "a");
    }
}

/// The excluded units of one class, for the "Not analysed" sections of the renderers.
#[derive(Debug, Clone, PartialEq)]
pub struct NotAnalysed<'a> {
    /// The class.
    pub class: UnitClass,
    /// Every unit of that class, in corpus order.
    pub units: Vec<&'a Excluded>,
    /// Each reason with how many units it covers, most frequent first.
    pub reasons: Vec<(&'a str, usize)>,
}

/// Group excluded units by class (in the order of [`UnitClass`]) with their reasons counted.
pub fn not_analysed(excluded: &[Excluded]) -> Vec<NotAnalysed<'_>> {
    let mut by_class: std::collections::BTreeMap<UnitClass, Vec<&Excluded>> =
        std::collections::BTreeMap::new();
    for e in excluded {
        by_class.entry(e.class).or_default().push(e);
    }
    by_class
        .into_iter()
        .map(|(class, units)| {
            let mut counts: std::collections::BTreeMap<&str, usize> =
                std::collections::BTreeMap::new();
            for u in &units {
                *counts.entry(u.reason.as_str()).or_insert(0) += 1;
            }
            let mut reasons: Vec<(&str, usize)> = counts.into_iter().collect();
            reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            NotAnalysed {
                class,
                units,
                reasons,
            }
        })
        .collect()
}
