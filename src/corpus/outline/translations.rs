//! Translations: a bilingual page's units in its other language, which the English model
//! would read as more points (`corpus/language.rs` tells the language).

use super::Unit;
use crate::corpus::language::other_language;
use crate::corpus::read::CELL_SEPARATOR;
use crate::corpus::unit::UnitClass;

/// In a document written mostly in English, a statement in another language is a
/// translation of one beside it, or a quotation the model cannot read with the rest
/// (`language.rs`): excluded, so no point is read twice. A table row that sets the two
/// versions side by side ("1. Call on… — 1. Exhortar a…") keeps its English cells. A
/// document written mostly in another language keeps its statements, with a warning.
pub(super) fn mark_other_languages(units: &mut Vec<Unit>, notes: &mut Vec<String>) {
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
