//! Theme labels: the most distinctive words of each theme by class-based TF-IDF.
//!
//! c-TF-IDF (as in BERTopic) treats each theme as one document: a word weighs
//! `tf(word, theme) * ln(1 + A / f(word))`, where `A` is the mean number of words
//! per theme and `f` the word's count over all themes. Words common to every
//! theme sink; words concentrated in one rise.

use crate::text::content_words;
use std::collections::{BTreeMap, HashMap};

/// Top `n` keywords of each theme; `themes[i]` holds the texts of theme `i`.
pub fn keywords(themes: &[Vec<&str>], n: usize) -> Vec<Vec<String>> {
    let counts: Vec<BTreeMap<String, usize>> = themes
        .iter()
        .map(|texts| {
            let mut c = BTreeMap::new();
            for w in texts.iter().flat_map(|t| content_words(t)) {
                *c.entry(w).or_insert(0) += 1;
            }
            c
        })
        .collect();
    let mut total: HashMap<&str, usize> = HashMap::new();
    for c in &counts {
        for (w, k) in c {
            *total.entry(w).or_insert(0) += k;
        }
    }
    let words_all: usize = total.values().sum();
    let mean_words = words_all as f64 / themes.len().max(1) as f64;
    counts
        .iter()
        .map(|c| {
            let size: usize = c.values().sum();
            let mut scored: Vec<(&String, f64)> = c
                .iter()
                .map(|(w, &k)| {
                    let tf = k as f64 / size.max(1) as f64;
                    let idf = (1.0 + mean_words / total[w.as_str()] as f64).ln();
                    (w, tf * idf)
                })
                .collect();
            // BTreeMap order makes the alphabetical tie-break deterministic.
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            scored.into_iter().take(n).map(|(w, _)| w.clone()).collect()
        })
        .collect()
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
}
