//! Word-level helpers shared by labelling and the analyses.

use std::collections::HashSet;
use std::sync::OnceLock;

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
