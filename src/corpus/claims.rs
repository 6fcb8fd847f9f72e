//! Claims: one ask cut out of a statement that bundles several.
//!
//! "The panel made three recommendations: funding X, publishing Y, and reviewing Z" makes
//! three asks; embedded whole, it lands near whichever ask dominates and the others lose a
//! supporting session. Three forms are split, each only where every part is a clause of its
//! own (so "ITU, UNESCO and UNDP" or "rather than A, B" stay whole):
//!
//! 1. a lead-in ending in a colon, then parts separated by semicolons, or by commas when
//!    every part opens with a verb form ("making…", "to make…", "make…");
//! 2. clauses separated by semicolons ("calls for A; B; and C"); a part that carries no
//!    verb of its own borrows the lead of the first part, in square brackets ("[The
//!    coalition calls for] B");
//! 3. a run of three or more parallel verb phrases after a lead ("by increasing X,
//!    fostering Y, and promoting Z").
//!
//! A claim keeps the statement's source line; the whole statement stays available to the
//! reader as the claim's context.

use super::kind::{is_gerund, is_verb_opening};
use super::read::CELL_SEPARATOR;

/// Does the phrase open with an "-ing" form, possibly after an adverb?
fn opens_with_gerund(p: &str) -> bool {
    let mut words = p.split_whitespace();
    let first = words.next().unwrap_or("");
    is_gerund(first)
        || (first.to_lowercase().ends_with("ly") && words.next().is_some_and(is_gerund))
}

/// Fewest words a claim may have; shorter parts mean the split broke a phrase.
const MIN_CLAIM_WORDS: usize = 3;

/// Most claims cut from one statement; a longer run is a list, not a bundle of asks.
const MAX_CLAIMS: usize = 8;

/// Words that show a clause has a verb of its own.
const FINITE: &[&str] = &[
    "should", "must", "will", "shall", "can", "could", "would", "may", "might", "is", "are", "was",
    "were", "has", "have", "had", "need", "needs", "calls", "call", "urge", "urges",
];

/// Cues after which a list of asks starts ("calls for A; B").
const LEADS: &[&str] = &[
    "call for",
    "calls for",
    "called for",
    "calling for",
    "urge",
    "urges",
    "urged",
    "recommend",
    "recommends",
    "recommended",
    "propose",
    "proposes",
    "proposed",
    "support",
    "supports",
    "should",
    "must",
    "need to",
    "needs to",
];

/// Split `text` into its claims; a statement that makes one ask yields an empty list.
///
/// A colon list of verb phrases is a list of actions whatever the sentence's mood ("the
/// report makes three recommendations: making…"); semicolon clauses and verb runs are split
/// only in a `recommendation`, since a report of several things said is one statement.
pub(crate) fn split_claims(text: &str, recommendation: bool) -> Vec<String> {
    // A table row's cells ("R3. Create a support scheme… — Donor partners; NCDI — 2025")
    // are not clauses of one sentence: a semicolon in one cell cuts nothing.
    if text.contains(CELL_SEPARATOR) {
        return Vec::new();
    }
    let claims = after_colon(text, recommendation)
        .or_else(|| recommendation.then(|| semicolon_clauses(text)).flatten())
        .or_else(|| recommendation.then(|| verb_run(text)).flatten())
        .unwrap_or_default();
    let ok = claims.len() >= 2
        && claims.len() <= MAX_CLAIMS
        && claims
            .iter()
            .all(|c| c.split_whitespace().count() >= MIN_CLAIM_WORDS);
    if ok {
        claims
    } else {
        Vec::new()
    }
}

/// Form 1: "Lead: a; b; c" or "Lead: making a, making b and making c".
fn after_colon(text: &str, recommendation: bool) -> Option<Vec<String>> {
    let colon = top_level(text).find(|&(_, c)| c == ':').map(|(i, _)| i)?;
    let (lead, rest) = (&text[..colon], &text[colon + 1..]);
    if lead.split_whitespace().count() < 2 {
        return None;
    }
    let parts = if top_level(rest).any(|(_, c)| c == ';') {
        // "(a) …; (b) …; and (c) …": the last part's "and" joins the list, it is no word
        // of the claim.
        let parts: Vec<String> = split_top(rest, ';')
            .iter()
            .map(|p| strip_conjunction(p).to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        if !recommendation && !parts.iter().all(|p| is_verb_opening(p)) {
            return None;
        }
        parts
    } else {
        let parts = comma_list(rest);
        if !parts.iter().all(|p| is_verb_opening(p)) {
            return None;
        }
        parts
    };
    Some(parts.into_iter().map(|p| finish(&p, text)).collect())
}

/// Whether `text` opens on a lead that asks, ending in a colon ("the panel recommends
/// that: (a) …; (b) …"): every claim cut from it is then an ask, though "(b) fishers'
/// associations be given joint authority…" asks nothing on its own words.
pub(crate) fn lead_asks(text: &str) -> bool {
    top_level(text)
        .find(|&(_, c)| c == ':')
        .is_some_and(|(colon, _)| {
            super::classify(super::SectionKind::Other, &text[..colon])
                == super::StatementKind::Recommendation
        })
}

/// Form 2: clauses separated by semicolons.
fn semicolon_clauses(text: &str) -> Option<Vec<String>> {
    // A list item that ends "…; and" (the next item follows on another line) has a bare
    // conjunction for its last part: nothing to claim.
    let parts: Vec<String> = split_top(text, ';')
        .into_iter()
        .filter(|p| !strip_conjunction(p).is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    // A negation right after the lead belongs to it ("Governments should not impose X"):
    // lent without it, the lead would ask for what the first part rejects.
    let lead = lead_of(&parts[0]).map(|lead| {
        let after = parts[0]
            .split_whitespace()
            .nth(lead.split_whitespace().count());
        match after {
            Some(w) if is_negation(w) => format!("{lead} {w}"),
            _ => lead,
        }
    });
    parts
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let p = strip_conjunction(p);
            if k == 0 || has_finite(p) || is_verb_opening(p) {
                return Some(finish(p, text));
            }
            // A part with no verb of its own needs the first part's lead, or the split
            // would leave a bare noun phrase: then the statement stays whole. A part with
            // a subject of its own is a clause the lead cannot take ("…should stop X; the
            // cost falls on traders" is no "should the cost…"), nor is a noun phrase after
            // a modal, which takes a verb.
            // The borrowed words stand in square brackets, as an editor marks words added
            // to a quotation: the claim is quoted, and no one wrote it whole.
            lead.as_ref()
                .filter(|lead| takes(lead, p))
                .map(|lead| finish(&format!("[{lead}] {p}"), text))
        })
        .collect()
}

/// Form 3: three or more parallel verb phrases after a lead.
fn verb_run(text: &str) -> Option<Vec<String>> {
    let parts = comma_list(text);
    if parts.len() < 3 || !parts[1..].iter().all(|p| is_verb_opening(p)) {
        return None;
    }
    // Parallel means the first part holds the same form: "by opening X, training Y" is a
    // run of asks, while "Recognise X, emphasising Y" only elaborates X.
    let gerunds = parts[1..].iter().all(|p| opens_with_gerund(p));
    let parallel = if gerunds {
        parts[0].split_whitespace().skip(1).any(is_gerund)
    } else {
        is_verb_opening(&parts[0])
    };
    parallel.then(|| parts.iter().map(|p| finish(p, text)).collect())
}

/// Split on commas outside brackets and quotes, and the last part once more on a final
/// "and"/"or" that opens a verb phrase ("a, making b and making c").
fn comma_list(text: &str) -> Vec<String> {
    let mut parts: Vec<String> = split_top(text, ',')
        .into_iter()
        .map(|p| strip_conjunction(&p).to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() >= 2 {
        if let Some(last) = parts.pop() {
            let cut = [" and ", " or "]
                .iter()
                .filter_map(|c| last.rfind(c).map(|i| (i, c.len())))
                .max()
                .filter(|&(i, n)| is_verb_opening(&last[i + n..]) && is_verb_opening(&last[..i]));
            match cut {
                Some((i, n)) => {
                    parts.push(last[..i].trim().to_owned());
                    parts.push(last[i + n..].trim().to_owned());
                }
                None => parts.push(last),
            }
        }
    }
    parts
}

/// Split on `sep` outside brackets and quotes, trimming each part.
fn split_top(text: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in top_level(text) {
        if c == sep {
            parts.push(text[start..i].trim().to_owned());
            start = i + c.len_utf8();
        }
    }
    parts.push(text[start..].trim().to_owned());
    parts.retain(|p| !p.is_empty());
    parts
}

/// The characters of `text` outside brackets and quotation marks, with their offsets.
fn top_level(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0i32;
    let mut quoted = false;
    text.char_indices().filter(move |&(_, c)| {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '"' | '“' | '”' => quoted = !quoted,
            _ => return depth <= 0 && !quoted,
        }
        false
    })
}

/// "and X" → "X".
fn strip_conjunction(p: &str) -> &str {
    let p = p.trim();
    if matches!(p, "and" | "or") {
        return "";
    }
    for conj in ["and ", "or ", "as well as "] {
        if let Some(rest) = p.strip_prefix(conj) {
            return rest.trim_start();
        }
    }
    p
}

/// The words of a clause up to and including its last call cue ("The panel calls for").
fn lead_of(first: &str) -> Option<String> {
    let lower = first.to_lowercase();
    let words: Vec<&str> = first.split_whitespace().collect();
    let lower_words: Vec<&str> = lower.split_whitespace().collect();
    let mut end = None;
    for cue in LEADS {
        let cue_words: Vec<&str> = cue.split(' ').collect();
        for i in 0..lower_words.len().saturating_sub(cue_words.len() - 1) {
            if lower_words[i..i + cue_words.len()] == cue_words[..] {
                end = end.max(Some(i + cue_words.len()));
            }
        }
    }
    end.filter(|&e| e < words.len())
        .map(|e| words[..e].join(" "))
}

/// Leads that end on a modal: what follows them is a verb phrase, never a noun phrase.
const MODAL_LEADS: &[&str] = &["should", "must", "need to", "needs to"];

/// Words that open a clause with a subject of its own (a pronoun) or a noun phrase (a
/// determiner); a verb phrase never opens with one.
const PRONOUNS: &[&str] = &[
    "it", "they", "we", "he", "she", "i", "you", "there", "this", "others",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "these", "those", "that", "its", "their", "our", "his", "her", "my", "your",
    "each", "every", "such", "no",
];

/// Can `lead` take part `p` as its object and still be a sentence someone wrote?
fn takes(lead: &str, p: &str) -> bool {
    // "We do not support a permanent mandate; the youth track prefers a renewal": a
    // negated lead lent to a part it did not govern would reject what the part proposes.
    // Without a parser the part's own verb is not always seen, so a negation is lent to
    // none, and the statement stays whole.
    let negated = lead.split_whitespace().any(is_negation);
    if negated {
        return false;
    }
    let first = p.split_whitespace().next().unwrap_or("").to_lowercase();
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    if PRONOUNS.contains(&first) {
        return false;
    }
    let lower = lead.to_lowercase();
    let modal = MODAL_LEADS.iter().any(|m| lower.ends_with(m));
    !(modal && DETERMINERS.contains(&first))
}

/// A word that negates what follows it ("not", "never", "won't").
fn is_negation(word: &str) -> bool {
    let w = word.to_lowercase();
    matches!(w.as_str(), "not" | "no" | "never" | "cannot" | "nor") || w.ends_with("n't")
}

/// Does the phrase carry a finite verb or modal of its own ("should", "is", "will")?
pub(crate) fn has_finite(p: &str) -> bool {
    p.split_whitespace()
        .any(|w| FINITE.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic())))
}

/// Trim a part's list punctuation and give it the statement's end mark.
fn finish(part: &str, whole: &str) -> String {
    let p = part
        .trim()
        .trim_end_matches([';', ',', '.', ':'])
        .trim_end();
    let mut out: String = p.to_owned();
    if let Some(first) = out.chars().next() {
        if first.is_lowercase() {
            out = first.to_uppercase().collect::<String>() + &out[first.len_utf8()..];
        }
    }
    if whole.trim_end().ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colon_list_of_verb_phrases() {
        let c = split_claims(
            "The forum made three recommendations: publishing berth data openly, funding a shared sensor registry, and making tide models reusable.",
            true,
        );
        assert_eq!(
            c,
            vec![
                "Publishing berth data openly.",
                "Funding a shared sensor registry.",
                "Making tide models reusable."
            ]
        );
    }

    #[test]
    fn semicolon_clauses_borrow_the_lead() {
        let c = split_claims(
            "The coalition calls for open port data; a public sensor registry; and reusable tide models.",
            true,
        );
        assert_eq!(
            c,
            vec![
                "The coalition calls for open port data.",
                "[The coalition calls for] a public sensor registry.",
                "[The coalition calls for] reusable tide models."
            ]
        );
    }

    #[test]
    fn a_lead_is_never_glued_onto_a_clause_or_a_modal_onto_a_noun_phrase() {
        // Before, the second part became "Governments should the economic cost falls on
        // small traders.": a sentence nobody wrote.
        for text in [
            "Governments should stop ordering shutdowns during exams; the economic cost falls on small traders.",
            "Ports must publish tide data; their sensors already record it.",
            "The coalition calls for open port data; they argue the cost stays small.",
            "Some ports called for a shared registry; others strongly opposed it.",
            "Ports should fund a registry; NCDI — From 2025, ongoing",
            // The negation would have been lent to the counter-proposal: "[We do not
            // support] the youth track prefers a five-year renewal".
            "We do not support a permanent mandate; the youth track prefers a five-year renewal.",
            // The negation after the lead's modal is the lead's: "[Governments should] open
            // data flows serve small ports better" was a sentence nobody wrote.
            "Governments should not impose a tide levy; open data flows serve small ports better.",
        ] {
            assert!(
                split_claims(text, true).is_empty(),
                "{text}: {:?}",
                split_claims(text, true)
            );
        }
        // A modal still lends itself to a verb phrase the verb list does not know.
        let c = split_claims(
            "Ports should publish tide data; reimburse the survey crews; and archive old charts.",
            true,
        );
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(c[1], "[Ports should] reimburse the survey crews.");
    }

    #[test]
    fn parallel_verb_run() {
        let c = split_claims(
            "Cities can close the gap by opening their data, training their staff, and funding local innovators.",
            true,
        );
        assert_eq!(c.len(), 3, "{c:?}");
        assert!(c[0].starts_with("Cities can close the gap by opening their data"));
        assert_eq!(c[2], "Funding local innovators.");
    }

    #[test]
    fn a_report_of_several_things_said_stays_whole() {
        let text = "Delegates would publish the draft; the co-chairs will summarise the debate; and the hosts can close the meeting.";
        assert!(split_claims(text, false).is_empty());
        assert_eq!(split_claims(text, true).len(), 3);
    }

    #[test]
    fn elaboration_is_not_a_run_of_asks() {
        let text = "Recognise the charter's definition of open data, emphasising reuse, focusing on public bodies.";
        assert!(split_claims(text, true).is_empty());
    }

    #[test]
    fn a_trailing_conjunction_is_not_a_claim() {
        // Without the check, the lead and the bare "and" made "The final review report must and".
        let text = "The final review report must publish its data; and";
        assert!(
            split_claims(text, true).is_empty(),
            "{:?}",
            split_claims(text, true)
        );
    }

    #[test]
    fn one_ask_stays_whole() {
        for text in [
            "The forum thanked the host city; the port authority; and every volunteer.",
            "Ports, cities and regulators should publish tide data.",
            "Funding should come from the ITU, UNESCO, UNCTAD and UNDP.",
            "Rather than a new body, strengthen the existing forum.",
            "Ports should publish tide data: it is the first step.",
            "A (first; second) bracketed aside stays whole.",
        ] {
            assert!(split_claims(text, true).is_empty(), "{text}");
        }
    }
}
