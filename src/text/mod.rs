//! Word-level helpers shared by clustering, ranking, labelling and the analyses: words and
//! stop words, the one de-duplication ([`Distinct`]), and TF-IDF and rare phrases
//! ([`lexical`]). Shared because every stage that reads wording must split it the same way.

pub mod acronym;
pub mod lexical;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The distinct values of a sequence, in first-seen order, and where each input went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distinct<'a> {
    /// Each distinct value once, in order of first appearance.
    pub values: Vec<&'a str>,
    /// `first[k]` is the input index where `values[k]` first appears.
    pub first: Vec<usize>,
    /// `slot[i]` is the index in `values` of input `i`.
    pub slot: Vec<usize>,
}

impl<'a> Distinct<'a> {
    /// Deduplicate `items`: copy-paste campaigns repeat the same text many times, and
    /// every costly step (embedding, clustering) should see it once.
    pub fn of(items: impl IntoIterator<Item = &'a str>) -> Self {
        let mut first: HashMap<&'a str, usize> = HashMap::new();
        let mut values = Vec::new();
        let mut first_index = Vec::new();
        let slot = items
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                *first.entry(t).or_insert_with(|| {
                    values.push(t);
                    first_index.push(i);
                    values.len() - 1
                })
            })
            .collect();
        Distinct {
            values,
            first: first_index,
            slot,
        }
    }
}

/// English stop words (the ISO list), lower-cased; built once because every
/// statement of every run is filtered through it.
fn stop_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        stop_words::lookup("en")
            .unwrap_or(&[])
            .iter()
            .copied()
            .collect()
    })
}

/// Lower-cased words of `text` (letters, digits, inner `+`/`-`), in order, with
/// possessives folded onto their noun so "IGF's" and "IGF" are one word.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '-' || c == '\''))
        .map(|w| w.strip_suffix("'s").unwrap_or(w))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '+'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True for a word that carries meaning: not a stop word, not a number, at
/// least two letters long.
pub fn is_content_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !stop_words().contains(word)
}

/// A number with an ordinal suffix, lower-cased ("16th", "2nd"): it dates or numbers an
/// occasion ("the 16th IGF"), so callers read it as an event's mark, not as content.
pub fn is_ordinal(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// The content words of `text`, in order, repeats kept.
pub fn content_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| is_content_word(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_keeps_first_seen_order_and_slots() {
        let d = Distinct::of(["b", "a", "b", "c", "a"]);
        assert_eq!(d.values, vec!["b", "a", "c"]);
        assert_eq!(d.slot, vec![0, 1, 0, 2, 1]);
        assert_eq!(d.first, vec![0, 1, 3]);
    }

    #[test]
    fn content_words_drop_stop_words_and_numbers() {
        let w = content_words("The IGF's mandate should be made permanent in 2025, WSIS+20.");
        assert!(w.contains(&"igf".to_string()));
        assert!(w.contains(&"mandate".to_string()));
        assert!(w.contains(&"permanent".to_string()));
        assert!(w.contains(&"wsis+20".to_string()));
        assert!(!w.contains(&"the".to_string()));
        assert!(!w.contains(&"2025".to_string()));
    }
}
