//! Sparse TF-IDF vectors over content words: the lexical half of theme similarity.
//!
//! Sentence embeddings of documents on one subject sit close together, so two
//! statements sharing a rare term ("IGF", "mandate") can score no higher than two
//! that merely share the subject. A small TF-IDF bonus lets rare shared terms count.

use super::acronym::Acronyms;
use super::content_words;
use std::collections::{BTreeMap, HashMap};

/// An L2-normalised sparse vector: (term id, weight), sorted by term id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVector(pub Vec<(u32, f32)>);

impl TermVector {
    /// Cosine of two normalised vectors (a merge over sorted ids).
    pub fn dot(&self, other: &TermVector) -> f32 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut sum) = (0, 0, 0f32);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

/// For each term id, the rows that use it and their weight, rows ascending: the
/// inverted index that lets a row meet only the rows it shares a term with.
pub fn postings(terms: &[TermVector]) -> Vec<Vec<(usize, f32)>> {
    let width = terms
        .iter()
        .flat_map(|t| t.0.iter().map(|&(id, _)| id as usize + 1))
        .max()
        .unwrap_or(0);
    let mut index = vec![Vec::new(); width];
    for (row, t) in terms.iter().enumerate() {
        for &(id, w) in &t.0 {
            index[id as usize].push((row, w));
        }
    }
    index
}

/// TF-IDF vectors of `texts` with smoothed idf, `ln((1+n)/(1+df)) + 1`; an acronym of
/// `acronyms` and its long form are one term.
pub fn tfidf(texts: &[&str], acronyms: &Acronyms) -> Vec<TermVector> {
    let docs: Vec<Vec<String>> = texts
        .iter()
        .map(|t| acronyms.fold(content_words(t)))
        .collect();
    tfidf_of(&docs)
}

/// TF-IDF vectors over folded content words ([`fold`]), so inflections of a word
/// ("drafts"/"draft", "enforce"/"enforcement") count as one term.
pub fn tfidf_folded(texts: &[&str]) -> Vec<TermVector> {
    let docs: Vec<Vec<String>> = texts
        .iter()
        .map(|t| content_words(t).iter().map(|w| fold(w)).collect())
        .collect();
    tfidf_of(&docs)
}

/// TF-IDF vectors of documents given as their terms, smoothed idf as in [`tfidf`].
fn tfidf_of(docs: &[Vec<String>]) -> Vec<TermVector> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let counts: Vec<BTreeMap<u32, f32>> = docs
        .iter()
        .map(|t| {
            let mut c = BTreeMap::new();
            for w in t {
                let next = ids.len() as u32;
                let id = *ids.entry(w.clone()).or_insert(next);
                *c.entry(id).or_insert(0.0) += 1.0;
            }
            c
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for c in &counts {
        for &id in c.keys() {
            df[id as usize] += 1;
        }
    }
    let n = docs.len() as f32;
    counts
        .into_iter()
        .map(|c| {
            let mut v: Vec<(u32, f32)> = c
                .into_iter()
                .map(|(id, tf)| {
                    let idf = ((1.0 + n) / (1.0 + df[id as usize] as f32)).ln() + 1.0;
                    (id, tf * idf)
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            TermVector(v)
        })
        .collect()
}

/// A light suffix fold so inflections of one word meet ("laws"/"law",
/// "adequately"/"adequate", "regulated"/"regulation", "technologies"/"technology"):
/// the stem a phrase is compared on. Two passes at most, so "measures" → "measure" →
/// "measur" meets "measure" → "measur".
pub fn fold(word: &str) -> String {
    /// (suffix, replacement), longest first within a family.
    const RULES: &[(&str, &str)] = &[
        ("izations", "iz"),
        ("ization", "iz"),
        ("isations", "is"),
        ("isation", "is"),
        ("ations", "at"),
        ("ation", "at"),
        ("ments", ""),
        ("ment", ""),
        ("ness", ""),
        ("ities", ""),
        ("ity", ""),
        ("ingly", ""),
        ("ing", ""),
        ("edly", ""),
        ("ely", ""),
        ("ly", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("e", ""),
    ];
    let mut w = word.to_string();
    for _ in 0..2 {
        let Some(next) = RULES.iter().find_map(|&(suffix, with)| {
            let stem = w.strip_suffix(suffix)?;
            let ok = match suffix {
                // "approaches", "processes": only after a sibilant.
                "es" => ["ss", "sh", "ch", "x"].iter().any(|e| stem.ends_with(e)),
                // Never "access" → "acces", "status" → "statu".
                "s" => stem.chars().count() >= 3 && !stem.ends_with(['s', 'u']),
                _ => stem.chars().count() >= 4,
            };
            ok.then(|| format!("{stem}{with}"))
        }) else {
            break;
        };
        w = next;
    }
    w
}

/// The phrase keys of `text`: each folded content word, and each pair of adjacent
/// content words in either order ("cyber law", "balanc check"), with the surface words
/// they came from.
pub fn phrase_keys(text: &str) -> Vec<(String, String)> {
    let words = content_words(text);
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let mut out: Vec<(String, String)> = folded
        .iter()
        .zip(&words)
        .map(|(f, w)| (f.clone(), w.clone()))
        .collect();
    for k in 1..words.len() {
        // Unordered, so "follow-up and implementation" meets "implementation and follow-up".
        let (a, b) = (&folded[k - 1], &folded[k]);
        let key = if a <= b {
            format!("{a} {b}")
        } else {
            format!("{b} {a}")
        };
        out.push((key, format!("{} {}", words[k - 1], words[k])));
    }
    out
}

/// How many texts of a corpus use each phrase key: what makes a shared phrase rare.
#[derive(Debug, Clone, Default)]
pub struct PhraseCounts {
    df: HashMap<String, u32>,
}

impl PhraseCounts {
    /// Count, for each phrase key, the texts that contain it (once per text).
    pub fn of(texts: impl IntoIterator<Item = impl AsRef<str>>) -> Self {
        let mut df: HashMap<String, u32> = HashMap::new();
        for text in texts {
            let keys: std::collections::BTreeSet<String> = phrase_keys(text.as_ref())
                .into_iter()
                .map(|(k, _)| k)
                .collect();
            for k in keys {
                *df.entry(k).or_insert(0) += 1;
            }
        }
        PhraseCounts { df }
    }

    /// Texts that use `key` (0 for a key never seen).
    pub fn df(&self, key: &str) -> u32 {
        self.df.get(key).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_rare_terms_score_higher() {
        let v = tfidf(
            &[
                "renew the IGF mandate",
                "a permanent IGF mandate",
                "digital cooperation matters",
            ],
            &Acronyms::default(),
        );
        assert!((v[0].dot(&v[0]) - 1.0).abs() < 1e-5);
        assert!(v[0].dot(&v[1]) > 0.3);
        assert_eq!(v[0].dot(&v[2]), 0.0);
    }

    #[test]
    fn folded_tfidf_meets_inflections() {
        let plain = tfidf(
            &[
                "publish negotiation drafts",
                "publish every negotiation draft",
            ],
            &Acronyms::default(),
        );
        let folded = tfidf_folded(&[
            "publish negotiation drafts",
            "publish every negotiation draft",
        ]);
        assert!(folded[0].dot(&folded[1]) > plain[0].dot(&plain[1]) + 0.1);
    }

    #[test]
    fn fold_meets_inflections_but_keeps_short_words_and_double_s() {
        assert_eq!(fold("adequately"), fold("adequate"));
        assert_eq!(fold("regulated"), fold("regulation"));
        assert_eq!(fold("networks"), fold("network"));
        assert_eq!(fold("technologies"), fold("technology"));
        assert_eq!(fold("approaches"), fold("approach"));
        assert_eq!(fold("measures"), fold("measure"));
        assert_eq!(fold("laws"), fold("law"));
        assert_eq!(fold("access"), "access");
        assert_eq!(fold("processes"), "process");
    }

    #[test]
    fn phrase_counts_count_texts_not_occurrences() {
        let c = PhraseCounts::of(["cyber laws and cyber laws", "cyber security"]);
        assert_eq!(c.df("cyber"), 2);
        assert_eq!(c.df("cyber law"), 1, "keys are folded");
        let c = PhraseCounts::of([
            "follow-up and implementation",
            "implementation and follow-up",
        ]);
        let key = &phrase_keys("implementation follow-up")[2].0;
        assert_eq!(c.df(key), 2, "word pairs in either order");
        assert_eq!(c.df("unknown"), 0);
    }
}
