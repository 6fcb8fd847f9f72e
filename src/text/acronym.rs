//! Acronyms a corpus defines ("Internet Governance Forum (IGF)"), so that the long form
//! and the acronym read as one name.
//!
//! Reports write a name out once and abbreviate it afterwards, and two sessions saying
//! the same thing often differ only in that. The model places "we need a strengthened
//! IGF" far from "we need a strengthened Internet Governance Forum" (cosine 0.65), and the
//! second nearer to any other sentence that writes the name out (0.85 to "We acknowledge
//! the importance of the Internet Governance Forum as the primary platform…"): a name
//! written out outweighs what the sentence says about it. So every text the model reads has
//! its long forms shortened to the acronym ([`Acronyms::contract`]), and the lexical side
//! counts either spelling as one term ([`Acronyms::fold`]). The definitions are read from
//! the corpus itself (the long form's initials spell the acronym in brackets right after
//! it), so no list of names is needed. An acronym the corpus uses without defining it is
//! paired by its initials with the one name the corpus writes out that spells it
//! ([`spelled_out`]): a guess, which counts both spellings as one term ([`Acronyms::fold`],
//! the analyses' concepts) but does not rewrite what the model reads.

use super::{content_words, is_content_word, words};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Longest acronym read, in letters.
const MAX_LETTERS: usize = 8;

/// Words between the long form's initials that may be skipped ("World Summit *on the*
/// Information Society"), at most this many in all.
const MAX_SKIPPED: usize = 3;

/// One definition: the long form's content words and surface, and the acronym.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Definition {
    /// The long form's content words, lower-cased: what [`Acronyms::fold`] replaces.
    long: Vec<String>,
    /// The acronym, lower-cased, as a term.
    short: String,
    /// The long form as the corpus wrote it ("Internet Governance Forum").
    long_surface: String,
    /// `long_surface` lower-cased, what [`Acronyms::contract`] looks for.
    long_lower: String,
    /// The acronym as written ("IGF").
    short_surface: String,
    /// Paired by its initials alone, with no definition in the corpus ([`spelled_out`]):
    /// counted as one term, but never rewritten in what the model reads.
    inferred: bool,
}

impl Definition {
    /// A proper name ("Internet Governance Forum"): every content word capitalised, as
    /// opposed to a term ("artificial intelligence"), which the model reads as well in
    /// either spelling.
    fn is_name(&self) -> bool {
        self.long_surface
            .split_whitespace()
            .filter(|w| is_content_word(&w.to_lowercase()))
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    }
}

/// The acronyms a corpus defines, each with one long form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Acronyms(Vec<Definition>);

impl Acronyms {
    /// The acronyms `texts` define. When one acronym is defined two ways, the more
    /// frequent long form wins (ties: the first in sorted order), so the table is the
    /// same whatever order the texts come in.
    pub fn of(texts: &[&str]) -> Self {
        let mut seen: BTreeMap<Definition, usize> = BTreeMap::new();
        for text in texts {
            for d in definitions(text) {
                *seen.entry(d).or_insert(0) += 1;
            }
        }
        let mut best: BTreeMap<String, (usize, Definition)> = BTreeMap::new();
        for (d, n) in seen {
            match best.get(&d.short_surface) {
                Some((m, _)) if *m >= n => {}
                _ => {
                    best.insert(d.short_surface.clone(), (n, d));
                }
            }
        }
        let mut table: Vec<Definition> = best.into_values().map(|(_, d)| d).collect();
        table.extend(spelled_out(texts, &table));
        // Longest long form first, so "internet governance forum" wins over a shorter
        // form that is a prefix of it.
        table.sort_by(|a, b| b.long.len().cmp(&a.long.len()).then(a.cmp(b)));
        Acronyms(table)
    }

    /// True when no acronym was defined.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each acronym, lower-cased, with its long form's words, lower-cased and joined by
    /// spaces, function words kept ("wsis", "world summit on the information society").
    pub fn pairs(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.0
            .iter()
            .map(|d| (d.short.clone(), words(&d.long_surface).join(" ")))
    }

    /// `words` (content words, lower-cased) with every long form replaced by its acronym.
    pub fn fold(&self, words: Vec<String>) -> Vec<String> {
        if self.0.is_empty() {
            return words;
        }
        let mut out = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            let hit = self.0.iter().find(|d| {
                words.len() - i >= d.long.len() && words[i..i + d.long.len()] == d.long[..]
            });
            match hit {
                Some(d) => {
                    out.push(d.short.clone());
                    i += d.long.len();
                }
                None => {
                    out.push(words[i].clone());
                    i += 1;
                }
            }
        }
        out
    }

    /// `text` with each long form shortened to its acronym ("a strengthened Internet
    /// Governance Forum" → "a strengthened IGF"; a definition "Internet Governance Forum
    /// (IGF)" → "IGF"), matched on whole words, ignoring case.
    pub fn contract<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.0.is_empty() {
            return Cow::Borrowed(text);
        }
        // Lower-cased char by char, so every byte offset found in `lower` is one in
        // `text`; a case change that would move offsets ("İ" → "i̇", the Kelvin sign → "k")
        // leaves the text as written.
        let mut lower = String::with_capacity(text.len());
        for c in text.chars() {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => lower.push(x),
                _ => return Cow::Borrowed(text),
            }
        }
        let whole = |at: usize, end: usize| {
            lower[..at]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric())
                && lower[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        };
        // Every whole-word match of every long form, longest forms first (the table's
        // order), keeping only matches that overlap none already taken.
        let mut taken: Vec<(usize, usize, &Definition)> = Vec::new();
        // A guess from initials alone never changes what the model reads: the vectors of
        // two spellings of one name stay as written (the lexical side and the analyses'
        // concepts still read them as one).
        for d in self.0.iter().filter(|d| d.is_name() && !d.inferred) {
            let needle = &d.long_lower;
            let mut from = 0;
            while let Some(at) = lower[from..].find(needle.as_str()).map(|i| from + i) {
                let end = at + needle.len();
                from = end;
                if whole(at, end) && taken.iter().all(|&(a, b, _)| end <= a || at >= b) {
                    taken.push((at, end, d));
                }
            }
        }
        if taken.is_empty() {
            return Cow::Borrowed(text);
        }
        taken.sort_by_key(|&(at, _, _)| at);
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (at, end, d) in taken {
            // Matches never overlap one another; this guards against one starting inside
            // a definition's dropped "(IGF)", which would slice `text` backwards.
            if at < last {
                continue;
            }
            out.push_str(&text[last..at]);
            out.push_str(&d.short_surface);
            // The definition itself: "Internet Governance Forum (IGF)" reads "IGF".
            let rest = &text[end..];
            let spaces = rest.len() - rest.trim_start().len();
            let bracket = format!("({})", d.short_surface);
            last = if rest[spaces..].starts_with(&bracket) {
                end + spaces + bracket.len()
            } else {
                end
            };
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }
}

/// Acronyms the corpus uses but never defines, each paired with the one name the corpus
/// writes out whose initials spell it ("the IGF" in one text, "the Internet Governance
/// Forum" in another). Read only where nothing is ambiguous: the acronym stands in
/// mixed-case text (not an all-capitals heading, where "FOR" or "THE" are words), the
/// name's words are capitalised and not in capitals, and exactly one such name spells it.
fn spelled_out(texts: &[&str], defined: &[Definition]) -> Vec<Definition> {
    let mut used: BTreeMap<String, Vec<char>> = BTreeMap::new();
    for text in texts {
        let tokens: Vec<&str> = text.split_whitespace().collect();
        for (i, token) in tokens.iter().enumerate() {
            let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
            let bare = bare.strip_suffix("'s").unwrap_or(bare);
            let all_caps = bare.len() >= 2 && bare.chars().all(|c| c.is_ascii_uppercase());
            if !all_caps
                || used.contains_key(bare)
                || defined.iter().any(|d| d.short_surface == bare)
            {
                continue;
            }
            let mixed = |t: &&str| t.chars().any(char::is_lowercase);
            let in_prose = tokens.get(i + 1).is_some_and(mixed)
                || i.checked_sub(1)
                    .and_then(|j| tokens.get(j))
                    .is_some_and(mixed);
            // Two letters spell too many names ("IT", "US", "AM"): only longer acronyms.
            if in_prose && (3..=MAX_LETTERS).contains(&bare.len()) {
                used.insert(
                    bare.to_owned(),
                    bare.chars().map(|c| c.to_ascii_lowercase()).collect(),
                );
            }
        }
    }
    if used.is_empty() {
        return Vec::new();
    }
    let firsts: Vec<char> = used.values().filter_map(|l| l.first().copied()).collect();
    // Every name each acronym could stand for, by its lower-cased surface.
    let mut names: BTreeMap<&str, BTreeMap<String, Definition>> = BTreeMap::new();
    for text in texts {
        let tokens: Vec<&str> = text.split_whitespace().collect();
        // A capitalised content word: a name runs through it, so a name that starts right
        // after or ends right before one is only part of a longer name ("Universal
        // Acceptance and Internationalized Domain Names").
        let in_name = |t: Option<&&str>| {
            t.is_some_and(|t| {
                let w = t.trim_matches(|c: char| !c.is_alphanumeric());
                w.chars().next().is_some_and(char::is_uppercase)
                    && is_content_word(&w.to_lowercase())
            })
        };
        for start in 0..tokens.len() {
            // Most words open no name of any acronym used: skip them before any test.
            let opens = tokens[start].chars().next().is_some_and(|c| {
                c.is_uppercase() && firsts.contains(&c.to_lowercase().next().unwrap_or(c))
            });
            if !opens {
                continue;
            }
            let after_name = start
                .checked_sub(1)
                .is_some_and(|j| in_name(tokens.get(j)) && !ends_clause(tokens[j]));
            if after_name {
                continue;
            }
            for (short, letters) in &used {
                let Some((long, surface, len)) = name_from(&tokens[start..], letters) else {
                    continue;
                };
                let last = tokens[start + len - 1];
                if !ends_clause(last) && in_name(tokens.get(start + len)) {
                    continue;
                }
                names.entry(short).or_default().insert(
                    surface.to_lowercase(),
                    Definition {
                        long,
                        short: short.to_lowercase(),
                        long_lower: surface.to_lowercase(),
                        long_surface: surface,
                        short_surface: short.clone(),
                        inferred: true,
                    },
                );
            }
        }
    }
    names
        .into_values()
        .filter(|found| found.len() == 1)
        .flat_map(|found| found.into_values())
        .collect()
}

/// The name that opens `tokens` and whose initials spell `letters`: capitalised words
/// (not in capitals), a few short function words between them ("World Summit on the
/// Information Society"); `None` when the tokens spell something else.
fn name_from(tokens: &[&str], letters: &[char]) -> Option<(Vec<String>, String, usize)> {
    // A capitalised content word ("Forum", not "For" in a title set in title case).
    let named = |t: &str| {
        let mut chars = t.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.any(char::is_lowercase)
            && is_content_word(&t.to_lowercase())
    };
    let mut i = 0;
    let mut skipped = 0;
    let mut last = "";
    for (k, &letter) in letters.iter().enumerate() {
        loop {
            let token = tokens.get(i)?;
            // The name's last word may carry the sentence's punctuation or a possessive
            // ("Forum,", "Forum's").
            let word = if k + 1 == letters.len() {
                let w = token.trim_end_matches(|c: char| !c.is_alphanumeric());
                w.strip_suffix("'s").or(w.strip_suffix("’s")).unwrap_or(w)
            } else {
                token
            };
            if !word.chars().all(|c| c.is_alphabetic() || c == '-') {
                return None;
            }
            if named(word) && word.to_lowercase().starts_with(letter) {
                last = word;
                break;
            }
            let short_function =
                word.chars().count() <= 3 && !is_content_word(&word.to_lowercase());
            if k == 0 || !short_function || skipped == MAX_SKIPPED {
                return None;
            }
            skipped += 1;
            i += 1;
        }
        i += 1;
    }
    // `i` counts at least one token per letter, so `i - 1` is the last word's index.
    let mut words = tokens[..i - 1].to_vec();
    words.push(last);
    let surface = words.join(" ");
    let long = content_words(&surface);
    (long.len() >= 2).then_some((long, surface, i))
}

/// Does the token end a clause ("Forum," "Society.")? A name does not run across it.
fn ends_clause(token: &str) -> bool {
    token.ends_with([',', '.', ';', ':', '!', '?', ')'])
}

/// The definitions in `text`: an acronym in brackets whose letters are the initials of
/// the words right before it, skipping a few short function words ("of", "on the").
fn definitions(text: &str) -> Vec<Definition> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let Some(close) = text[from..].find(')').map(|i| from + i) else {
            break;
        };
        // "U.N." is the acronym "UN".
        let inner: String = text[from..close]
            .trim()
            .chars()
            .filter(|&c| c != '.')
            .collect();
        let Some(letters) = acronym_letters(&inner) else {
            continue;
        };
        if let Some((long, long_surface)) = long_form(&text[..open], &letters) {
            out.push(Definition {
                long,
                short: inner.to_lowercase(),
                long_lower: long_surface.to_lowercase(),
                long_surface,
                short_surface: inner,
                inferred: false,
            });
        }
    }
    out
}

/// The letters an acronym spells, lower-cased: 2-8 letters, mostly upper case, an
/// optional plural "s" ("LDCs") not counted.
fn acronym_letters(inner: &str) -> Option<Vec<char>> {
    if !inner.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let core = match inner.strip_suffix('s') {
        Some(c) if c.chars().last().is_some_and(|c| c.is_ascii_uppercase()) => c,
        _ => inner,
    };
    let upper = core.chars().filter(char::is_ascii_uppercase).count();
    let n = core.chars().count();
    if !(2..=MAX_LETTERS).contains(&n) || upper * 2 <= n {
        return None;
    }
    Some(core.chars().map(|c| c.to_ascii_lowercase()).collect())
}

/// The long form that ends `before` and whose initials spell `letters`, walking back
/// one word per letter: its content words and its surface; `None` when they do not.
fn long_form(before: &str, letters: &[char]) -> Option<(Vec<String>, String)> {
    let tokens: Vec<&str> = before.split_whitespace().collect();
    let mut i = tokens.len();
    let mut skipped = 0;
    for &letter in letters.iter().rev() {
        loop {
            i = i.checked_sub(1)?;
            let token = tokens[i];
            // Only plain words make a long form: "LMICs)" or "2025," ends the search.
            if !token.chars().all(|c| c.is_alphabetic() || c == '-') {
                return None;
            }
            let lower = token.to_lowercase();
            // A capitalised word counts whatever it is ("Least Developed Countries"); a
            // lower-case one only when it carries meaning ("artificial intelligence").
            let named = token.chars().next().is_some_and(char::is_uppercase);
            if lower.starts_with(letter) && (named || is_content_word(&lower)) {
                break;
            }
            // Only short function words are skipped ("of", "on the", "and"): a longer
            // lower-case word means the initials ran out before the long form began.
            if named || lower.chars().count() > 3 || skipped == MAX_SKIPPED {
                return None;
            }
            skipped += 1;
        }
    }
    let surface = tokens[i..].join(" ");
    let surface = surface
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let long = content_words(&surface);
    (long.len() >= 2).then_some((long, surface))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(ws: &[&str]) -> Vec<String> {
        ws.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn a_defined_acronym_and_its_long_form_fold_to_one_term() {
        let a = Acronyms::of(&["The Internet Governance Forum (IGF) met in Kyoto."]);
        let long = a.fold(content_words(
            "strengthen the Internet Governance Forum now",
        ));
        let short = a.fold(content_words("strengthen the IGF now"));
        assert_eq!(long, short);
        assert_eq!(long, strings(&["strengthen", "igf"]));
    }

    #[test]
    fn contract_shortens_the_long_form_and_a_definition_to_the_acronym() {
        let a = Acronyms::of(&["The Internet Governance Forum (IGF) met in Kyoto."]);
        assert_eq!(
            a.contract("We need a strengthened internet governance forum; the Internet Governance Forum's mandate."),
            "We need a strengthened IGF; the IGF's mandate."
        );
        assert_eq!(
            a.contract("The Internet Governance Forum (IGF) met."),
            "The IGF met."
        );
        // Whole words only.
        assert_eq!(
            a.contract("The Internet Governance Forums met."),
            "The Internet Governance Forums met."
        );
    }

    #[test]
    fn contract_leaves_text_whose_case_change_would_move_offsets() {
        let a = Acronyms::of(&["The Internet Governance Forum (IGF) met in Kyoto."]);
        for text in [
            "İstanbul hosted the Internet Governance Forum.",
            "At 300 \u{212A} the Internet Governance Forum met.",
            // Two offsets moved one way and one the other: the same length in all.
            "İİ at 300 \u{212A}, the Internet Governance Forum met.",
        ] {
            assert_eq!(a.contract(text), text);
        }
        assert_eq!(
            a.contract("À Genève, the Internet Governance Forum met."),
            "À Genève, the IGF met."
        );
    }

    #[test]
    fn function_words_inside_the_long_form_are_skipped() {
        let a = Acronyms::of(&["World Summit on the Information Society (WSIS) outcomes"]);
        assert_eq!(
            a.fold(content_words("the World Summit on the Information Society")),
            strings(&["wsis"])
        );
    }

    #[test]
    fn plural_dotted_and_lower_case_acronyms_are_read() {
        let a = Acronyms::of(&[
            "Least Developed Countries (LDCs) and artificial intelligence (AI)",
            "The United Nations (U.N.) General Assembly",
        ]);
        assert_eq!(a.fold(content_words("United Nations")), strings(&["un"]));
        assert_eq!(a.contract("the United Nations agreed"), "the UN agreed");
        assert_eq!(
            a.fold(content_words("least developed countries")),
            strings(&["ldcs"])
        );
        assert_eq!(
            a.fold(content_words("artificial intelligence")),
            strings(&["ai"])
        );
    }

    #[test]
    fn an_acronym_used_in_one_text_and_spelled_out_in_another_is_one_name() {
        let a = Acronyms::of(&[
            "Members of the ODC met twice.",
            "We support the Ocean Data Council's atlas.",
        ]);
        assert_eq!(
            a.fold(content_words("the Ocean Data Council")),
            strings(&["odc"])
        );
        // A guess: the model still reads the name as written.
        assert_eq!(
            a.contract("The Ocean Data Council's atlas."),
            "The Ocean Data Council's atlas."
        );
        assert_eq!(
            a.pairs().collect::<Vec<_>>(),
            vec![("odc".to_string(), "ocean data council".to_string())]
        );
    }

    #[test]
    fn an_acronym_is_not_read_into_a_name_where_that_could_be_wrong() {
        for texts in [
            // Two letters spell too many names.
            &[
                "The US delegation spoke.",
                "The Universal Service fund grew.",
            ][..],
            // Two names spell it.
            &[
                "The ODC met.",
                "The Ocean Data Council and the Oslo Dialogue Committee met.",
            ],
            // Only part of a longer name.
            &["The ODC met.", "The Global Ocean Data Council met."],
            // Capitals of a heading are words, not an acronym.
            &["THE ODC REPORT", "The Ocean Data Council met."],
        ] {
            let a = Acronyms::of(texts);
            assert!(a.is_empty(), "{texts:?}: {a:?}");
        }
    }

    #[test]
    fn brackets_whose_letters_are_not_the_initials_define_nothing() {
        let a = Acronyms::of(&[
            "The report was adopted (UN) by consensus.",
            "Member States (see Annex) agreed.",
            "Participants (2021) said so.",
        ]);
        assert!(a.is_empty(), "{a:?}");
    }

    #[test]
    fn the_more_frequent_long_form_of_an_acronym_wins_whatever_the_order() {
        let texts = [
            "Digital Public Goods (DPG) matter.",
            "Digital Public Goods (DPG) again.",
            "Digital Policy Guidelines (DPG) met.",
        ];
        let mut reversed = texts;
        reversed.reverse();
        let a = Acronyms::of(&texts);
        assert_eq!(a, Acronyms::of(&reversed));
        assert_eq!(
            a.fold(content_words("digital public goods")),
            strings(&["dpg"])
        );
        assert_eq!(
            a.fold(content_words("digital policy guidelines")),
            content_words("digital policy guidelines")
        );
    }
}
