//! Votes in minutes: a motion put on one line ("MOTION: That the Group recommend the
//! closure…") and its fate recorded a few lines below ("The motion was DEFEATED."). Read
//! alone, a defeated motion asks for what the meeting refused; bound to its vote, it is a
//! record of that refusal.

use super::Unit;
use crate::corpus::language::lower_words;
use crate::corpus::prose::word_count;
use crate::corpus::unit::UnitClass;
use crate::corpus::{MOTIONS, MOTION_CARRIED, MOTION_DEFEATED};

/// Most units between a motion and the record of its vote (who moved and seconded it, the
/// count for and against, the chair's casting vote).
const VOTE_REACH: usize = 8;

/// Longest record of a vote, in words ("The motion was carried by nine votes to none, with
/// one abstention.").
const MAX_VOTE_WORDS: usize = 16;

/// Longest record of a vote that need not name the motion ("Carried unanimously.",
/// "Defeated 5–9.").
const MAX_BARE_VOTE_WORDS: usize = 4;

/// Bind each motion to the record of its vote below it: a defeated motion's unit keeps
/// that record in [`Unit::defeated`]. A carried motion, or one whose vote is not recorded
/// within [`VOTE_REACH`] units, is left as it reads.
pub(super) fn mark_defeated_motions(units: &mut [Unit]) {
    let mut open: Option<usize> = None;
    for i in 0..units.len() {
        if units[i].class == UnitClass::Statement && is_motion(&units[i].text) {
            open = Some(i);
            continue;
        }
        let Some(motion) = open.filter(|&m| i - m <= VOTE_REACH) else {
            open = None;
            continue;
        };
        match vote_outcome(&units[i].text) {
            Some(false) => {
                units[motion].defeated = Some(units[i].text.clone());
                open = None;
            }
            Some(true) => open = None,
            None => {}
        }
    }
}

/// "MOTION: That…", "Motion 3: That…", "Amendment: …", "It was moved that…": a motion put
/// to the meeting, labelled or moved.
fn is_motion(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    let labelled = lower.split_once(':').is_some_and(|(label, _)| {
        let mut words = label.split_whitespace();
        let first = words.next().unwrap_or("");
        let rest: Vec<&str> = words.collect();
        matches!(first, "motion" | "amendment")
            && rest.len() <= 1
            && rest
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'))
    });
    labelled || lower.contains(" moved that ") || lower.starts_with("moved that ")
}

/// What a short line records of a vote: `Some(false)` for a defeat ("The motion was
/// DEFEATED.", "Motion lost.", "The amendment was not carried."), `Some(true)` for a motion
/// carried, `None` for anything else. A line that does not name the motion records a vote
/// only when it is as short as "Carried unanimously.".
fn vote_outcome(text: &str) -> Option<bool> {
    let words = lower_words(text);
    let count = word_count(text);
    let names_motion = words
        .iter()
        .any(|w| MOTIONS.contains(&w.strip_suffix('s').unwrap_or(w)));
    if count > MAX_VOTE_WORDS || !(names_motion || count <= MAX_BARE_VOTE_WORDS) {
        return None;
    }
    let has = |list: &[&str], w: &str| list.contains(&w);
    let negated_carried = words
        .windows(2)
        .any(|p| p[0] == "not" && has(MOTION_CARRIED, &p[1]));
    let voted_down = words.windows(2).any(|p| p[0] == "voted" && p[1] == "down");
    if negated_carried || voted_down || words.iter().any(|w| has(MOTION_DEFEATED, w)) {
        return Some(false);
    }
    words.iter().any(|w| has(MOTION_CARRIED, w)).then_some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_motion_is_labelled_or_moved() {
        for m in [
            "MOTION: That the Group recommend the closure of the spawning grounds.",
            "Motion 3: That ports publish tide data.",
            "It was moved that the Forum adopt the tide levy.",
        ] {
            assert!(is_motion(m), "{m}");
        }
        for t in [
            "Motion picture archives should be digitised.",
            "The motion of the tides shapes the harbour: it silts every winter.",
            "Members discussed the tide levy.",
        ] {
            assert!(!is_motion(t), "{t}");
        }
    }

    #[test]
    fn a_short_line_records_a_vote_and_a_sentence_about_motions_does_not() {
        for (line, carried) in [
            ("The motion was DEFEATED.", false),
            ("Motion lost.", false),
            ("The amendment was not carried.", false),
            ("Defeated 5-9.", false),
            ("The motion was CARRIED.", true),
            ("Carried unanimously.", true),
        ] {
            assert_eq!(vote_outcome(line), Some(carried), "{line}");
        }
        for t in [
            "The Chair exercised his casting vote against.",
            "Proposed: M. Pascoe.",
            "Ports lost revenue when the levy was adopted in the region two decades ago.",
        ] {
            assert_eq!(vote_outcome(t), None, "{t}");
        }
    }
}
