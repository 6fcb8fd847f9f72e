//! Translations: a bilingual page's units in its other language, which the English model
//! would read as more points (`corpus/language.rs` tells the language).

use super::Unit;
use crate::corpus::language::{other_language, plainly_english, unlike_english};
use crate::corpus::prose::{ends_with_terminal, split_sentences, word_count};
use crate::corpus::read::CELL_SEPARATOR;
use crate::corpus::unit::UnitClass;

/// In a document written mostly in English, a statement in another language is a
/// translation of one beside it, or a quotation the model cannot read with the rest
/// (`language.rs`): excluded, so no point is read twice. A table row that sets the two
/// versions side by side ("1. Call on… — 1. Exhortar a…") keeps its English cells. A
/// document written mostly in another language keeps its statements, with a warning,
/// but not the translations it sets beside each English point ([`mark_translations`]).
pub(super) fn mark_other_languages(units: &mut Vec<Unit>, notes: &mut Vec<String>) {
    mark_translations(units);
    // Each statement's cells (one for a sentence) with the language each is in, when not
    // English; a table row is in another language when every cell is.
    let cells: Vec<Vec<(&str, Option<&'static str>)>> = units
        .iter()
        .map(|u| {
            if u.class != UnitClass::Statement {
                return Vec::new();
            }
            u.text
                .split(CELL_SEPARATOR)
                .map(|cell| (cell, other_language(cell)))
                .collect()
        })
        .collect();
    let languages: Vec<Option<&'static str>> = cells
        .iter()
        .map(|row| {
            let first = row.first()?.1?;
            row.iter().all(|(_, l)| l.is_some()).then_some(first)
        })
        .collect();
    let statements = cells.iter().filter(|row| !row.is_empty()).count();
    let other = languages.iter().flatten().count();
    if other * 2 > statements {
        // Only what is left once the translations beside their originals are out: the
        // sections written in the other language alone.
        let mut named: Vec<&str> = languages.iter().flatten().copied().collect();
        named.sort_unstable();
        named.dedup();
        notes.push(format!(
            "{other} of its {statements} statements are in {}; the model reads English, so \
             they may not meet statements in English",
            named.join(" or ")
        ));
        return;
    }
    let reason = |language: &str| {
        format!("in {language} in a text in English (a translation or a quotation)")
    };
    // What to change, worked out before the units are touched (the cells borrow them):
    // a whole unit in another language, or a row's English cells and the rest cut out.
    let mut whole: Vec<(usize, &'static str)> = Vec::new();
    let mut split: Vec<(usize, String, Unit)> = Vec::new();
    for (i, (row, language)) in cells.iter().zip(&languages).enumerate() {
        if let Some(language) = language {
            whole.push((i, language));
            continue;
        }
        let (english, foreign): (Vec<_>, Vec<_>) =
            row.iter().copied().partition(|(_, l)| l.is_none());
        let Some(language) = foreign.first().and_then(|(_, l)| *l) else {
            continue;
        };
        // "…dans nos propres langues — lao, khmer, birman — avec des modérateurs…": a
        // sentence in the other language with an aside between dashes reads as cells, the
        // first of them unfinished. A row's first version is a whole cell.
        let goes_on = row
            .first()
            .is_some_and(|(cell, l)| l.is_some() && !ends_with_terminal(cell));
        if goes_on {
            whole.push((i, language));
            continue;
        }
        let text = |cells: &[(&str, Option<&str>)]| {
            cells
                .iter()
                .map(|(c, _)| *c)
                .collect::<Vec<_>>()
                .join(CELL_SEPARATOR)
        };
        // The other cells are reported apart, on the row's line.
        let cut = Unit {
            text: text(&foreign),
            class: UnitClass::Boilerplate,
            reason: reason(language),
            ..units[i].clone()
        };
        split.push((i, text(&english), cut));
    }
    for (i, language) in whole {
        units[i].class = UnitClass::Boilerplate;
        units[i].reason = reason(language);
    }
    if split.is_empty() {
        return;
    }
    for (i, english, cut) in split {
        units[i].text = english;
        units.push(cut);
    }
    units.sort_by_key(|u| u.line);
}

/// Least and most words of a translation per word of its original: French or Spanish run
/// a fifth to a third longer than English, German a little shorter; a unit of another
/// length beside an English one is a point of its own.
const TRANSLATION_LENGTH: (f64, f64) = (0.6, 2.0);

/// Lengths in letters of a translation and its original, for a language that joins into
/// one long word what English says in several (Estonian "töökohtadel", "in the
/// workplaces"): in words it may be half as long, in letters it is not.
fn comparable_in_letters(translation: &Unit, original: &Unit) -> bool {
    let letters = |u: &Unit| u.text.chars().filter(|c| c.is_alphabetic()).count().max(1);
    let ratio = letters(translation) as f64 / letters(original) as f64;
    (TRANSLATION_LENGTH.0..=TRANSLATION_LENGTH.1).contains(&ratio)
}

/// A bilingual layout gives each point in English and then in the other language ("1.
/// Online platforms should… / *Les plateformes en ligne devraient…*"). Whatever share of
/// the page is in the other language, such a unit is the point again, not a second one:
/// a statement in another language standing right beside an English statement of
/// comparable length, with no heading between, is excluded as its translation (each
/// English statement pairs once, with the unit after it first). A translation glued onto
/// its original in one unit (the layout put them in one paragraph) is cut off first.
fn mark_translations(units: &mut Vec<Unit>) {
    cut_glued_translations(units);
    let language = |u: &Unit| {
        (u.class == UnitClass::Statement && !u.text.contains(CELL_SEPARATOR))
            .then(|| other_language(&u.text))
    };
    // Some(None): an English statement; Some(Some(l)): a statement in language l.
    let read: Vec<Option<Option<&'static str>>> = units.iter().map(language).collect();
    let comparable = |translation: &Unit, original: &Unit| {
        let ratio = word_count(&translation.text) as f64 / word_count(&original.text).max(1) as f64;
        (TRANSLATION_LENGTH.0..=TRANSLATION_LENGTH.1).contains(&ratio)
    };
    let mut paired = vec![false; units.len()];
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    // The English original of unit `i`, unpaired: the statement before it, else (a page
    // that puts the other language first) after.
    let original_of = |i: usize, paired: &[bool], fits: &dyn Fn(&Unit, &Unit) -> bool| {
        [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .find(|&j| {
                j < units.len() && read[j] == Some(None) && !paired[j] && fits(&units[i], &units[j])
            })
    };
    for i in 0..units.len() {
        let Some(Some(lang)) = read[i] else { continue };
        if let Some(j) = original_of(i, &paired, &comparable) {
            paired[j] = true;
            paired[i] = true;
            found.push((i, lang));
        }
    }
    // A language the detector cannot confirm on its own stop words (Estonian, Finnish…)
    // is confirmed by where it stands: with no English word, right after or before a
    // plainly English statement of its length in letters.
    let beside_english =
        |t: &Unit, o: &Unit| plainly_english(&o.text) && comparable_in_letters(t, o);
    for i in 0..units.len() {
        if paired[i] || read[i] != Some(None) {
            continue;
        }
        let Some(lang) = unlike_english(&units[i].text) else {
            continue;
        };
        if let Some(j) = original_of(i, &paired, &beside_english) {
            paired[j] = true;
            paired[i] = true;
            found.push((i, lang));
        }
    }
    for (i, lang) in found {
        units[i].class = UnitClass::Boilerplate;
        units[i].reason = format!("in {lang}, beside its English original (a translation)");
    }
}

/// Cut a statement that runs from English sentences into sentences in another language
/// ("…in its Leadership Panel. Les gouvernements devraient…") into the two, the second
/// right after the first, so [`mark_translations`] can read it as the translation.
fn cut_glued_translations(units: &mut Vec<Unit>) {
    let mut cut: Vec<(usize, String, String)> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if u.class != UnitClass::Statement || u.text.contains(CELL_SEPARATOR) {
            continue;
        }
        let sentences = split_sentences(&u.text);
        // The first sentence from which the rest is in another language and the text
        // before it is not.
        let at = sentences.iter().skip(1).map(|&(at, _)| at).find(|&at| {
            let (english, rest) = u.text.split_at(at);
            other_language(english).is_none()
                && other_language(rest).is_some()
                && split_sentences(rest)
                    .first()
                    .is_some_and(|(_, first)| other_language(first).is_some())
        });
        if let Some(at) = at {
            let (english, rest) = u.text.split_at(at);
            cut.push((i, english.trim().to_owned(), rest.trim().to_owned()));
        }
    }
    // From the end, so the indices before each cut stay right.
    for (i, english, rest) in cut.into_iter().rev() {
        let second = Unit {
            text: rest,
            ..units[i].clone()
        };
        units[i].text = english;
        units.insert(i + 1, second);
    }
}
