//! Which language a unit is written in.
//!
//! The model reads English. A bilingual page ("Final Statement / Declaración final") gives
//! every point twice, once in each language; read twice, each point would be two
//! statements, and the translation, embedded by an English model, sits nearer other text
//! of its own language than its own original (measured: cosine 0.43 between a sentence and
//! its Spanish translation, 0.56 between two unrelated Spanish sentences). So in a
//! document written mostly in English, a unit in another language is excluded as a
//! translation; a document written mostly in another language is kept, with a warning.

use whatlang::{Detector, Lang, Script};

/// Fewest words a unit needs for its language to be told.
const MIN_WORDS: usize = 5;

/// Least confidence of the detector in a language other than English.
const MIN_CONFIDENCE: f64 = 0.5;

/// English function words, which other languages written in Latin letters seldom use.
const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "are", "was", "for", "that", "with", "on", "by", "be",
    "it", "this", "not", "should", "must", "we", "our", "will", "have", "has", "from", "as", "at",
    "an", "or", "can", "could", "would", "some", "out", "does",
];

/// Fewest stop words of the language the detector names that a unit in Latin letters must
/// use: on one short sentence the detector takes plain English for Latin or French now
/// and then ("Adopt a minimum crawl set: homepage, council decisions…"), its own language's
/// stop words do not lie so.
const MIN_STOP_WORDS: usize = 2;

/// The words of `text`, lower-cased, split at anything not a letter or digit.
pub(crate) fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The language of `text` when it is plainly not English: its English name.
pub(crate) fn other_language(text: &str) -> Option<&'static str> {
    let words = lower_words(text);
    if words.len() < MIN_WORDS {
        return None;
    }
    let english = words
        .iter()
        .filter(|w| ENGLISH_MARKERS.contains(&w.as_str()))
        .count();
    if english >= 2 {
        return None;
    }
    let info = Detector::new().detect(text)?;
    if info.lang() == Lang::Eng || info.confidence() < MIN_CONFIDENCE {
        return None;
    }
    // Another script says it alone; in Latin letters the language's own stop words must.
    let confirmed = info.script() != Script::Latin
        || stop_word_code(info.lang())
            .and_then(stop_words::lookup)
            .is_some_and(|list| {
                let own = words.iter().filter(|w| list.contains(&w.as_str())).count();
                own >= MIN_STOP_WORDS && own > english
            });
    confirmed.then(|| info.lang().eng_name())
}

/// The language of `text` when it uses no English function word at all and the detector
/// names another language: too weak alone (a language whose stop words it seldom uses,
/// as Estonian's or Finnish's, goes unconfirmed by [`other_language`]), enough beside an
/// English original that it matches in length.
pub(crate) fn unlike_english(text: &str) -> Option<&'static str> {
    let words = lower_words(text);
    if words.len() < MIN_WORDS || words.iter().any(|w| ENGLISH_MARKERS.contains(&w.as_str())) {
        return None;
    }
    let info = Detector::new().detect(text)?;
    (info.lang() != Lang::Eng && info.confidence() >= MIN_CONFIDENCE)
        .then(|| info.lang().eng_name())
}

/// Whether `text` uses two English function words or more: written in English.
pub(crate) fn plainly_english(text: &str) -> bool {
    lower_words(text)
        .iter()
        .filter(|w| ENGLISH_MARKERS.contains(&w.as_str()))
        .count()
        >= 2
}

/// The stop-word list code of the languages written in Latin letters that reports come in.
fn stop_word_code(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Spa => "es",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Nld => "nl",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "no",
        Lang::Fin => "fi",
        Lang::Pol => "pl",
        Lang::Ces => "cs",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Tur => "tr",
        Lang::Ind => "id",
        Lang::Cat => "ca",
        Lang::Hrv => "hr",
        Lang::Slv => "sl",
        Lang::Slk => "sk",
        Lang::Est => "et",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Vie => "vi",
        Lang::Tgl => "tl",
        Lang::Afr => "af",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_are_told_from_english() {
        assert_eq!(
            other_language("Las redes comunitarias de las tierras altas han conectado a más de noventa aldeas."),
            Some("Spanish")
        );
        assert_eq!(
            other_language(
                "Nous appelons les gouvernements à financer les réseaux communautaires."
            ),
            Some("French")
        );
        for english in [
            "Community networks in the highlands have connected ninety villages.",
            "Travel grants for Global South practitioners",
            "Regulator: concern over interference in shared bands",
            "AOB",
            "Some participants expressed concern that new satellite constellations could crowd out local operators.",
            "It does not constitute a verbatim transcript.",
            "Adopt a minimum crawl set: homepage, council decisions, public notices, consultations.",
        ] {
            assert_eq!(other_language(english), None, "{english}");
        }
    }
}
