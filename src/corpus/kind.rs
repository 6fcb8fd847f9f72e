//! Recommendation or observation?
//!
//! The digest leads with *recurring recommendations*, so we want to catch
//! calls to act wherever they appear, not only under the recommendations
//! heading: panels often put "We must avoid siloing…" among their outcomes.
//! The rules are deliberately lexical and explainable:
//!
//! 1. Everything in a recommendations section is a recommendation: the
//!    template asks for "concrete actions and guidance" there.
//! 2. A modal of obligation or an explicit appeal ("should", "must",
//!    "need(s) to", "call(s) for", "urge", "recommend", "encourage",
//!    "it is necessary to") makes a recommendation anywhere, and so does a
//!    reported proposal or ask ("delegations proposed that…", "asked donors
//!    to finance…").
//! 3. A sentence that opens with a base-form verb ("Establish…",
//!    "Strengthen…", "Call on…") is an imperative, hence a recommendation,
//!    unless the next word shows the verb is really a noun ("Support for
//!    youth was strong").
//!
//! Everything else is an observation.

use super::{SectionKind, StatementKind};

/// Verbs that, as the first word, make a sentence an imperative.
const IMPERATIVE_VERBS: &[&str] = &[
    "abolish",
    "accelerate",
    "adopt",
    "advance",
    "advocate",
    "align",
    "allocate",
    "allow",
    "amend",
    "appoint",
    "assess",
    "avoid",
    "ban",
    "boost",
    "bridge",
    "bring",
    "build",
    "call",
    "cease",
    "champion",
    "clarify",
    "codify",
    "collaborate",
    "combat",
    "commit",
    "consider",
    "continue",
    "coordinate",
    "create",
    "deepen",
    "define",
    "deliver",
    "design",
    "develop",
    "embed",
    "empower",
    "enable",
    "enact",
    "encourage",
    "engage",
    "enhance",
    "ensure",
    "establish",
    "exempt",
    "expand",
    "explore",
    "extend",
    "facilitate",
    "focus",
    "formalise",
    "formalize",
    "foster",
    "fund",
    "give",
    "grant",
    "guarantee",
    "halt",
    "harmonise",
    "harmonize",
    "highlight",
    "hold",
    "implement",
    "improve",
    "include",
    "increase",
    "institutionalise",
    "institutionalize",
    "integrate",
    "introduce",
    "invest",
    "involve",
    "keep",
    "launch",
    "lend",
    "let",
    "leverage",
    "lift",
    "lower",
    "mainstream",
    "maintain",
    "make",
    "mobilise",
    "mobilize",
    "monitor",
    "permit",
    "preserve",
    "prevent",
    "prioritise",
    "prioritize",
    "promote",
    "protect",
    "provide",
    "publish",
    "put",
    "raise",
    "ratify",
    "reaffirm",
    "recognise",
    "recognize",
    "reduce",
    "refrain",
    "reinforce",
    "release",
    "remove",
    "renew",
    "repeal",
    "replace",
    "require",
    "rescind",
    "reserve",
    "respect",
    "restore",
    "review",
    "revise",
    "scale",
    "scrap",
    "secure",
    "seize",
    "set",
    "share",
    "simplify",
    "stay",
    "step",
    "stop",
    "streamline",
    "strengthen",
    "support",
    "suspend",
    "sustain",
    "take",
    "train",
    "update",
    "upgrade",
    "uphold",
    "use",
    "waive",
    "withdraw",
    "work",
];

/// Words after an opening verb that reveal it is a noun ("Support for…", "Use of…").
const NOUN_FOLLOWERS: &[&str] = &[
    "of", "for", "was", "is", "are", "were", "has", "have", "had", "remains", "remained", "will",
    "can", "could", "from", "by", "and", "in",
];

/// Phrases that appeal for action wherever they occur (matched on word boundaries).
const CALLS_TO_ACT: &[&str] = &[
    "should",
    "must",
    "ought to",
    "need to",
    "needs to",
    "have to",
    "has to",
    "call for",
    "calls for",
    "called for",
    "calling for",
    "call on",
    "calls on",
    "called on",
    "call upon",
    "calls upon",
    "called upon",
    "calling on",
    "calling upon",
    "urge",
    "urges",
    "urged",
    "urging",
    "recommend",
    "recommends",
    "recommended",
    "recommending",
    "encourage",
    "encourages",
    "encouraged",
    "it is necessary to",
    "it is essential to",
    "it is important to",
    "it is crucial to",
    "it is vital to",
    "it is critical to",
    "let us",
    "let's",
    "we need",
];

/// Phrases that contain a call word but only report one ("the need to…").
const REPORTED_NEEDS: &[&str] = &["the need to", "a need to", "the need for"];

/// Decide whether a statement is a recommendation or an observation.
pub fn classify(section: SectionKind, text: &str) -> StatementKind {
    // "“We funded technicians, not towers,” he said.": a quotation with its speaker is
    // read by its own words, not by the section it stands in ("Open tide data saves
    // lives," said a harbour master, under "Recommendations", asks nothing).
    if is_attributed_quote(text) {
        return if is_call_to_act(text) {
            StatementKind::Recommendation
        } else {
            StatementKind::Observation
        };
    }
    // "Should the Forum become permanent?" puts a question to the meeting: it asks no one
    // to act, even under "Recommendations".
    if is_question(text) {
        return StatementKind::Observation;
    }
    // "Recalling the Tunis Agenda…," recalls; the operative paragraphs after it ask.
    if is_preambular(text) {
        return StatementKind::Observation;
    }
    if section == SectionKind::Recommendations || is_call_to_act(text) {
        StatementKind::Recommendation
    } else {
        StatementKind::Observation
    }
}

/// Words that open a direct question: an auxiliary put before its subject, or an
/// interrogative.
const QUESTION_OPENINGS: &[&str] = &[
    "should", "would", "could", "can", "will", "shall", "may", "might", "must", "is", "are", "was",
    "were", "do", "does", "did", "has", "have", "what", "which", "who", "whom", "whose", "how",
    "why", "when", "where",
];

/// A text of one sentence that opens as a question and ends on a question mark ("Should the
/// Forum become permanent?"): a question put, no position taken. "We need to move beyond
/// X – which cable?" makes its call first.
///
/// A questionnaire's item is one too: its number ("Q2.") and the answers it offers after
/// the question mark ("? (Yes / No / No view)") are the form's, not the sentence's.
pub(crate) fn is_question(text: &str) -> bool {
    let mut t = text.trim();
    if let Some((question, offered)) = t.rsplit_once('?') {
        let offered = offered.trim();
        let options =
            offered.contains('/') || offered.split_whitespace().count() <= MAX_ANSWER_NOTE_WORDS;
        if offered.starts_with('(') && offered.ends_with(')') && options {
            t = &t[..question.len() + 1];
        }
    }
    let mut t = t.trim_end_matches(['"', '\'', ')', ']', '”', '’', '*']);
    if let Some((number, rest)) = t.split_once(char::is_whitespace) {
        if is_item_number(number) {
            t = rest.trim_start();
        }
    }
    // "Let's start with the question everyone is asking: should there be a levy…?": the
    // question after a colon is the sentence's point, the words before only put it.
    let after_colon = t
        .rsplit_once(':')
        .is_some_and(|(_, asked)| opens_as_question(asked));
    t.ends_with('?')
        && (opens_as_question(t) || after_colon)
        && crate::corpus::prose::split_sentences(t).len() == 1
}

/// Does `t` open on a word of [`QUESTION_OPENINGS`]? "Isn't it time…?", "Shouldn't
/// governments…?": a negated auxiliary asks as well.
fn opens_as_question(t: &str) -> bool {
    let first = t
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let first = match first.trim_end_matches("n't").trim_end_matches("n’t") {
        "wo" => "will",
        "ca" => "can",
        "sha" => "shall",
        bare => bare,
    };
    QUESTION_OPENINGS.contains(&first)
}

/// Most words of a note after a questionnaire's question that offers no answers as
/// options ("(tick one)", "(free text, max. 300 words)").
const MAX_ANSWER_NOTE_WORDS: usize = 6;

/// The number of a questionnaire's or a list's item: "Q2.", "3)", "12:".
fn is_item_number(word: &str) -> bool {
    let core = word.trim_end_matches(['.', ')', ':']);
    let digits = core.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    core.len() - digits.len() <= 1
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && core.len() < word.len()
}

/// Verbs that attribute a quotation to its speaker.
const SAYING: &[&str] = &[
    "said",
    "says",
    "added",
    "noted",
    "explained",
    "stressed",
    "told",
];

/// Most words after a quotation that attribute it ("said Ruben Achterberg of the firm").
const ATTRIBUTION_WORDS: usize = 14;

/// A quotation with its speaker after it: it opens on a quotation mark, and a saying verb
/// follows the closing mark within a few words.
fn is_attributed_quote(text: &str) -> bool {
    let t = text.trim_start();
    let Some(open) = t.chars().next().filter(|c| matches!(c, '"' | '“' | '«')) else {
        return false;
    };
    let quoted = &t[open.len_utf8()..];
    let Some(close) = quoted.rfind(['"', '”', '»']) else {
        return false;
    };
    // The closing marks are one byte ('"') or three ('”', '»' are two): step past the char.
    let after = quoted[close..]
        .chars()
        .next()
        .map_or(close, |c| close + c.len_utf8());
    let tail = lower_words(&quoted[after..]);
    !tail.is_empty()
        && tail.len() <= ATTRIBUTION_WORDS
        && tail.iter().take(4).any(|w| SAYING.contains(&w.as_str()))
}

/// True when `text` asks someone to act, by modal, appeal or imperative.
fn is_call_to_act(text: &str) -> bool {
    if is_filed_as_ask(text) {
        return true;
    }
    let words = lower_words(text);
    // "Recommendation 3 – Train staff…": the author files it as an ask, and what follows
    // the label is read as if the label were not there.
    let words = match words.as_slice() {
        // "2. Open universal service funds…" in a table cell: the number files the ask.
        [number, rest @ ..] if number.chars().all(|c| c.is_ascii_digit()) => rest.to_vec(),
        [label, number, rest @ ..] if number.chars().all(|c| c.is_ascii_digit()) => {
            if label == "recommendation" {
                return true;
            }
            if ASK_LABELS.contains(&label.as_str()) {
                rest.to_vec()
            } else {
                words
            }
        }
        _ => words,
    };
    // A first-person stand is read clause by clause: "The IGF We Want: being there…" names
    // a campaign, its verb ends the clause with nothing wanted after it.
    let first_person = words.iter().any(|w| w == "we" || w == "i");
    opens_with_imperative(&words)
        || pledge_opening(text).is_some()
        || imperative_after_adverb(text)
        || announces_an_imperative(text)
        || has_call_phrase(&words)
        || (first_person
            && text
                .split([':', ';', ',', '.', '!', '?', '(', ')'])
                .any(|clause| advocates_in_first_person(&lower_words(clause))))
}

/// Most words of an adverb set off by a comma before the sentence it orders or frames
/// ("First,", "Above all,").
const MAX_LEADING_ADVERB_WORDS: usize = 2;

/// "First, stop using AI proctoring.", "Above all, protect the spawning grounds": an
/// imperative after a short adverb set off by a comma still asks.
fn imperative_after_adverb(text: &str) -> bool {
    text.split_once(',').is_some_and(|(head, rest)| {
        let head = lower_words(head);
        !head.is_empty()
            && head.len() <= MAX_LEADING_ADVERB_WORDS
            && head.iter().all(|w| w.chars().all(char::is_alphabetic))
            && opens_with_imperative(&lower_words(rest))
    })
}

/// Fewest words of a sentence that announces, before its colon, what follows ("The
/// assembly's first demand was blunt:"); a label ("Theme:", "Key message:") has fewer.
const MIN_ANNOUNCING_WORDS: usize = 3;

/// "The message to ministers is simple: protect the spawning grounds…": a sentence that
/// announces what follows its colon, and what follows opens on an imperative, asks it.
fn announces_an_imperative(text: &str) -> bool {
    text.split_once(':').is_some_and(|(head, rest)| {
        lower_words(head).len() >= MIN_ANNOUNCING_WORDS
            && !head.contains(['.', '!', '?'])
            && opens_with_imperative(&lower_words(rest))
    })
}

/// Labels under which minutes and reports file an ask ("ACTION: Secretariat to cost…",
/// "Action item: …", "Recommendation: …"); longest first, so "action item" is not read as
/// "action".
const FILED_AS_ASK: &[&str] = &[
    "action point",
    "action item",
    "recommendation",
    "action",
    // A note-taker's label for what was put forward ("idea: an opt-in call list…").
    "proposal",
    "suggestion",
    "idea",
];

/// "ACTION: Secretariat to cost two options by 30 June." The label and its colon file what
/// follows as an ask, whatever its grammar (an action item names its owner, then "to" and
/// the task); a label with a word or none after it ("Action: none") files nothing.
fn is_filed_as_ask(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    FILED_AS_ASK.iter().any(|label| {
        lower
            .strip_prefix(label)
            .and_then(|rest| rest.trim_start().strip_prefix(':'))
            .is_some_and(|rest| lower_words(rest).len() >= 2)
    })
}

/// Labels a document numbers its asks by ("Action 2: …", "Proposal 3 – …"); what
/// follows is read on its own.
const ASK_LABELS: &[&str] = &[
    "action",
    "proposal",
    "priority",
    "commitment",
    "measure",
    "step",
];

/// Does the phrase open on an imperative ("Ensure enforcement of cyber laws")? A gerund
/// is not enough: after "of" or "for" it names an activity, not an ask ("narrative of
/// clustering the IGF").
pub(crate) fn is_imperative_opening(phrase: &str) -> bool {
    opens_with_imperative(&lower_words(phrase))
}

/// The words of `text`, lower-cased, apostrophes kept ("let's").
fn lower_words(text: &str) -> Vec<String> {
    // "It's important to…" calls as "it is important to…" does.
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            let w = w.to_lowercase().replace('’', "'");
            match w.as_str() {
                "it's" => vec!["it".to_owned(), "is".to_owned()],
                "that's" => vec!["that".to_owned(), "is".to_owned()],
                "we're" => vec!["we".to_owned(), "are".to_owned()],
                _ => vec![w],
            }
        })
        .collect()
}

/// Nouns ending in "-ing" that do not open a verb phrase.
const ING_NOUNS: &[&str] = &[
    "thing",
    "nothing",
    "something",
    "anything",
    "everything",
    "morning",
    "evening",
    "meeting",
    "meetings",
    "king",
    "ring",
    "spring",
    "string",
    "wing",
    "ceiling",
    "during",
    "sibling",
];

/// Is the word an "-ing" verb form rather than a noun such as "meeting" or "morning"?
pub(crate) fn is_gerund(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    w.len() >= 5 && w.ends_with("ing") && !ING_NOUNS.contains(&w.as_str())
}

/// Fewest words of a preambular paragraph.
const PREAMBULAR_WORDS: usize = 4;

/// "Recalling its resolution 86/144…,", "Deeply concerned that…,": a resolution's or a
/// declaration's preambular paragraph, which opens on a participle and ends on a comma
/// because the operative paragraphs after it finish its sentence.
pub(crate) fn is_preambular(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let participle = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w.len() > 4 && w.ends_with("ed")
    };
    let opens = match words.as_slice() {
        [first, second, ..] => {
            is_gerund(first)
                || participle(first)
                // "Deeply concerned", "Gravely alarmed".
                || (first.to_lowercase().ends_with("ly") && participle(second))
        }
        _ => false,
    };
    t.ends_with(',')
        && words.len() >= PREAMBULAR_WORDS
        && t.starts_with(char::is_uppercase)
        && opens
}

/// Does the phrase open with a verb form: "making…", "better capturing…", "to make…",
/// or an imperative "make…"? Used to tell a list of asks from a list of nouns.
pub(crate) fn is_verb_opening(phrase: &str) -> bool {
    let words: Vec<String> = phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_lowercase)
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let adverb =
        first.ends_with("ly") || ["better", "more", "further", "also"].contains(&first.as_str());
    let head = if adverb { words.get(1) } else { Some(first) };
    let Some(head) = head else {
        return false;
    };
    let gerund = is_gerund(head);
    let infinitive = head == "to"
        && words
            .get(if adverb { 2 } else { 1 })
            .is_some_and(|v| IMPERATIVE_VERBS.contains(&v.as_str()));
    gerund || infinitive || (!adverb && opens_with_imperative(&words))
}

fn opens_with_imperative(words: &[String]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    if !IMPERATIVE_VERBS.contains(&first.as_str()) {
        return false;
    }
    // "Let me introduce our speakers": the speaker announces what they do next.
    if first == "let" && words.get(1).is_some_and(|w| w == "me") {
        return false;
    }
    // "Refrain from…" takes its own preposition and is never a noun ("Support from…" is).
    words
        .get(1)
        .is_none_or(|second| first == "refrain" || !NOUN_FOLLOWERS.contains(&second.as_str()))
}

/// Verbs (as word starts) that, reporting "the need to/for…", report a call: "participants
/// stressed the need to…" asks for it, where "discussed the need for…" only reports a debate.
const EMPHASIS: &[&str] = &[
    "stress",
    "emphasi",
    "underlin",
    "underscor",
    "highlight",
    "reiterat",
    "recogni",
    "agree",
    "insist",
    "point",
];

/// Finite verbs that make "the need to…" the subject of a report ("the need to act was
/// discussed") rather than the whole of a statement.
const FINITE_AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "remains", "remained",
];

/// "The need to bridge the digital divide and ensure access for all": a statement that is
/// only the naming of a need, with no verb of its own (a point of a call for action), asks
/// for it; "the need to act was discussed" reports a debate.
fn names_a_need(words: &[String]) -> bool {
    matches!(words, [the, need, to_or_for, ..]
        if (the == "the" || the == "a") && need == "need" && (to_or_for == "to" || to_or_for == "for"))
        && !words[3..]
            .iter()
            .any(|w| FINITE_AUXILIARIES.contains(&w.as_str()))
}

/// Verbs that report a proposal when a clause follows ("delegations proposed that
/// governments establish…").
const PROPOSING: &[&str] = &[
    "proposed",
    "proposes",
    "suggested",
    "suggests",
    "requested",
    "requests",
    "recommended",
];

/// Verbs that report an ask when someone is asked to do something ("asked donors to
/// finance…", "invited the secretariat to prepare…").
const ASKING: &[&str] = &[
    "asked",
    "asks",
    "invited",
    "invites",
    "requested",
    "requests",
];

/// Verbs that report backing for an action when a gerund or a proposal follows
/// ("members supported publishing the data", "endorsed the proposal to…").
const BACKING: &[&str] = &["supported", "endorsed", "backed", "favoured", "favored"];

/// Nouns after "backed the…" that name something asked for.
const ASKED_FOR: &[&str] = &[
    "proposal",
    "proposals",
    "call",
    "calls",
    "idea",
    "recommendation",
];

/// A reported ask: "X proposed that…", "X asked Y to…", "X supported publishing…". A report of
/// what was asked is an ask all the same; the digest counts it with the calls.
fn reports_an_ask(words: &[String]) -> bool {
    let at = |i: usize| words.get(i).map_or("", String::as_str);
    (0..words.len()).any(|i| {
        let w = at(i);
        let proposal = PROPOSING.contains(&w) && at(i + 1) == "that";
        // "asked the secretariat to cost": the object, then "to" and a verb within four
        // words; "Member States are invited to share…": the object is the subject. In the
        // past ("were invited to…") the invitation is a report of the meeting.
        let before = at(i.wrapping_sub(1));
        let passive = matches!(before, "is" | "are");
        let ask = ASKING.contains(&w)
            && !matches!(before, "was" | "were" | "be" | "been")
            && (if passive { i + 1 } else { i + 2 }..(i + 6).min(words.len()))
                .any(|j| at(j) == "to");
        // "supported publishing the figures", "endorsed the proposal to…": backing for an
        // action is an ask; "supported the local operators" backs no action.
        let backing = BACKING.contains(&w)
            && (is_gerund(at(i + 1)) || (at(i + 1) == "the" && ASKED_FOR.contains(&at(i + 2))));
        proposal || ask || backing
    })
}

/// Words that may stand between "we" and "need" in a call ("we also need", "we urgently
/// need").
fn is_adverb(word: &str) -> bool {
    word.len() > 3 && word.ends_with("ly")
        || [
            "also",
            "still",
            "really",
            "further",
            "therefore",
            "all",
            "now",
        ]
        .contains(&word)
}

/// Does a "the need to/for" in `words` follow an emphasis verb within two words?
fn stresses_a_need(words: &[String]) -> bool {
    (0..words.len()).any(|i| {
        let need = words.get(i + 1).is_some_and(|w| w == "need")
            && matches!(words[i].as_str(), "the" | "a")
            && words.get(i + 2).is_some_and(|w| w == "to" || w == "for");
        need && words[i.saturating_sub(2)..i]
            .iter()
            .any(|w| EMPHASIS.iter().any(|e| w.starts_with(e)))
    })
}

/// Verbs with which a speaker, in the first person, puts forward, backs or holds a
/// position ("We want to see…", "We suggest…", "We strongly support…", "We believe the
/// forum remains central"): the author's own stand, which a digest counts with the calls
/// rather than with what a report observed.
const ADVOCACY: &[&str] = &[
    "want",
    "wish",
    "suggest",
    "propose",
    "ask",
    "invite",
    "support",
    "endorse",
    "advocate",
    "reaffirm",
    "reiterate",
    "welcome",
    "commend",
    "believe",
    "acknowledge",
    "recognise",
    "recognize",
    "stress",
    "emphasise",
    "emphasize",
    "underline",
    "insist",
];

/// Verbs of advocacy that, before "that", grant a fact rather than back a proposal.
const ACKNOWLEDGING: &[&str] = &["acknowledge", "recognise", "recognize"];

/// Words that may stand between the pronoun and its verb ("we also support", "we would
/// like to see", "we therefore propose").
const ADVOCACY_FILLERS: &[&str] = &[
    "also",
    // "We would instead ask governments to…": the ask that replaces another is an ask.
    "instead",
    "therefore",
    "thus",
    "strongly",
    "fully",
    "further",
    "firmly",
    "again",
    "still",
    "would",
    "do",
    "really",
    "very",
    "much",
    "like",
    "warmly",
];

/// Does a first-person speaker ("we", "i") put forward or back something?
fn advocates_in_first_person(words: &[String]) -> bool {
    (0..words.len()).any(|i| {
        if !matches!(words[i].as_str(), "we" | "i") {
            return false;
        }
        // The verb needs what it advocates after it: "the internet we want" wants nothing.
        let at = words[i + 1..]
            .iter()
            .position(|w| !ADVOCACY_FILLERS.contains(&w.as_str()))
            .map(|k| i + 1 + k)
            .filter(|&v| v + 1 < words.len());
        // "We recognise that a third of households still lack a connection" grants a fact;
        // "we recognise the role of NRIs" backs something.
        let grants_a_fact = at
            .is_some_and(|v| ACKNOWLEDGING.contains(&words[v].as_str()) && words[v + 1] == "that");
        let verb = at.filter(|_| !grants_a_fact).map(|v| &words[v]);
        // "would like to see" carries its verb in "like"; "we would like" alone is a wish too.
        let like = words[i + 1..]
            .iter()
            .take_while(|w| ADVOCACY_FILLERS.contains(&w.as_str()))
            .any(|w| w == "like");
        like || verb.is_some_and(|v| ADVOCACY.contains(&v.as_str()))
            || commits(words[i] == "we", &words[i + 1..])
    })
}

/// Most words of the name of a body that pledges ("The Ministry of Water and Irrigation").
const MAX_AGENT_WORDS: usize = 8;

/// Small words inside the name of a body ("Ministry of Water and Irrigation").
const NAME_JOINERS: &[&str] = &["of", "and", "for", "the", "on", "&"];

/// "The Ministry of Water will publish all gauge records…", "The Government of Tamsara
/// shall require a meter on every borehole": a named body that binds itself to an action
/// verb, as a ministerial outcome lists its commitments. The cue ("will publish") when the
/// sentence so opens. The body is a name: "The" and capitalised words (joined by "of",
/// "and"…), so "Metering will increase costs" (a prediction, its one capital the sentence's)
/// pledges nothing.
pub(crate) fn pledge_opening(text: &str) -> Option<String> {
    let raw: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
        .collect();
    let will = raw
        .iter()
        .take(MAX_AGENT_WORDS + 2)
        .position(|w| matches!(w.to_lowercase().as_str(), "will" | "shall"))?;
    let name = raw.get(1..will)?;
    let named = raw[0] == "The"
        && name.first()?.starts_with(char::is_uppercase)
        && name.iter().all(|w| {
            w.starts_with(char::is_uppercase) || NAME_JOINERS.contains(&w.to_lowercase().as_str())
        });
    if !named {
        return None;
    }
    let after: Vec<String> = raw[will + 1..].iter().map(|w| w.to_lowercase()).collect();
    let verb = pledged_verb(&after)?;
    // "The Advisory Body will publish its final report…" announces the process, not an
    // action on what the report is about.
    let object = after[verb + 1..].iter().find(|w| {
        !matches!(
            w.as_str(),
            "its" | "their" | "the" | "a" | "final" | "annual"
        )
    });
    let a_document = object.is_some_and(|w| REPORTS.contains(&w.as_str()));
    (!a_document).then(|| format!("{} {}", raw[will].to_lowercase(), after[verb]))
}

/// Where the action verb stands in the words after "will"/"shall" (lower-cased), past
/// the fillers ("will also continue to fund" → "fund"); `None` when no action verb
/// follows ("will now hear", "will be published").
fn pledged_verb(after_will: &[String]) -> Option<usize> {
    after_will
        .iter()
        .position(|w| !COMMITMENT_FILLERS.contains(&w.as_str()))
        .filter(|&v| IMPERATIVE_VERBS.contains(&after_will[v].as_str()))
}

/// What a body publishes or presents about its own work, which no pledge is about.
const REPORTS: &[&str] = &[
    "report",
    "reports",
    "summary",
    "findings",
    "proceedings",
    "minutes",
];

/// Verbs with which a speaker binds themselves to act ("we commit to…", "we pledge to…",
/// "we resolve to…"), with "to" after them.
const COMMITTING: &[&str] = &["commit", "pledge", "undertake", "resolve", "vow"];

/// Words that may stand between "we will" and the verb it commits to ("we will also
/// publish", "we will continue to fund", "we will work to reduce").
const COMMITMENT_FILLERS: &[&str] = &[
    "also", "further", "jointly", "continue", "work", "strive", "seek", "to", "actively",
    "together",
];

/// What follows "we" binds the speakers to an action: "commit / pledge / resolve to…",
/// "are (fully) committed to…", or "will / shall" with an action verb ("We will publish the
/// gauge readings"). A government's or a network's commitment backs the action as a call
/// for it does; "We will now hear from the panel" announces the meeting's next item (no
/// action verb, or "now"). A single speaker's "I will" more often runs the meeting ("I will
/// take questions", "I will keep this brief"), so only "we" commits by "will".
fn commits(we: bool, after_we: &[String]) -> bool {
    let at = |i: usize| after_we.get(i).map_or("", String::as_str);
    let mut i = 0;
    while matches!(
        at(i),
        "also" | "therefore" | "hereby" | "further" | "firmly" | "fully"
    ) {
        i += 1;
    }
    match at(i) {
        verb if COMMITTING.contains(&verb) => at(i + 1) == "to" || at(i + 1) == "ourselves",
        "are" | "remain" | "stay" => {
            let mut j = i + 1;
            while matches!(
                at(j),
                "fully" | "firmly" | "strongly" | "deeply" | "also" | "still"
            ) {
                j += 1;
            }
            at(j) == "committed" && at(j + 1) == "to"
        }
        "will" | "shall" => {
            let after = &after_we[(i + 1).min(after_we.len())..];
            we && pledged_verb(after).is_some_and(|v| {
                !(after.get(v + 1).is_some_and(|w| w == "the")
                    && after.get(v + 2).is_some_and(|w| w == "floor"))
            })
        }
        _ => false,
    }
}

/// Words that open an indirect question ("whether…", "who…"); "which", "where" and
/// "when" more often open a relative clause, whose modal may still ask.
const INTERROGATIVES: &[&str] = &["whether", "who", "how", "what"];

/// Most words between an interrogative and the modal of its question (the question's
/// subject: "whether the positions of industrial vessels should…").
const INDIRECT_REACH: usize = 10;

/// Words that end an indirect question before a later modal: what follows is a clause of
/// its own ("asked who would pay, and agreed that the state should…").
const CLAUSE_OPENERS: &[&str] = &["that", "and", "but", "while", "because", "so", "then"];

/// Do the words before a modal (`before`, lower-cased) put it in an indirect question
/// ("asked whether citizens' data should be made public", "disagreed on who should
/// pay")? Such a modal reports a question and asks nothing; `stance` reads so too.
pub(crate) fn in_indirect_question<W: AsRef<str>>(before: &[W]) -> bool {
    before[before.len().saturating_sub(INDIRECT_REACH)..]
        .iter()
        .rev()
        .take_while(|q| !CLAUSE_OPENERS.contains(&q.as_ref()))
        .any(|q| INTERROGATIVES.contains(&q.as_ref()))
}

fn has_call_phrase(words: &[String]) -> bool {
    if stresses_a_need(words) || names_a_need(words) || reports_an_ask(words) {
        return true;
    }
    // "we also need", "we urgently need": the call with an adverb inside it.
    if words
        .windows(3)
        .any(|w| w[0] == "we" && is_adverb(&w[1]) && (w[2] == "need" || w[2] == "must"))
    {
        return true;
    }
    // "disagreed on whether registries should be national", "asked who should pay": a
    // modal in an indirect question reports a question, it asks nothing.
    let words: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let asked =
                matches!(w.as_str(), "should" | "must") && in_indirect_question(&words[..i]);
            if asked {
                "_"
            } else {
                w.as_str()
            }
        })
        // "called instead for tax credits" calls for them as "called for" does.
        .filter(|w| *w != "instead")
        .collect();
    // Compare on the word sequence so "urge" does not match "urgent".
    let joined = format!(" {} ", words.join(" "));
    let mut masked = joined.clone();
    for reported in REPORTED_NEEDS {
        masked = masked.replace(&format!(" {reported} "), " ");
    }
    CALLS_TO_ACT
        .iter()
        .any(|phrase| masked.contains(&format!(" {phrase} ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preambular_paragraph_recalls_and_asks_nothing() {
        for t in [
            "Recalling the Harbour Charter of 2019 and its affirmation that ports should \
             publish tide data,",
            "Deeply concerned that most fishing licences are issued without any public notice,",
            "Convinced that fishers must be partners in the management of the lagoon,",
        ] {
            assert!(is_preambular(t), "{t}");
            assert_eq!(
                classify(SectionKind::Recommendations, t),
                StatementKind::Observation,
                "{t}"
            );
        }
        // The operative paragraph after them asks.
        let t = "Calls upon port authorities to publish tide data every hour;";
        assert!(!is_preambular(t));
        assert_eq!(
            classify(SectionKind::Other, t),
            StatementKind::Recommendation
        );
        // A sentence that goes on past its comma is no preamble.
        assert!(!is_preambular(
            "Recalling the Charter, ports should publish tide data."
        ));
    }
    use SectionKind::*;
    use StatementKind::*;

    #[test]
    fn recommendations_section_wins() {
        assert_eq!(
            classify(Recommendations, "There was agreement in the room."),
            Recommendation
        );
    }

    #[test]
    fn a_contracted_call_is_a_call() {
        assert_kinds(
            &[
                "It's important to keep the harbour data open.",
                "It’s essential to fund a second gauge.",
            ],
            &["It's been a long season for the ferries."],
        );
    }

    #[test]
    fn an_ask_label_files_an_ask_or_is_read_past() {
        assert_kinds(
            &[
                "Recommendation 3 – Train municipal staff in data stewardship.",
                "Recommendation 4: a shared fund for sensor maintenance.",
                "Action 2: Establish a shared fund for sensor maintenance.",
                "ACTION: Secretariat to cost a shared repair fund by 30 June.",
                "Action item: all members to send comments on the draft.",
                "idea: an opt-in list of isolated residents who get a call on every alert day",
                "Proposal: a shared fund for sensor maintenance.",
            ],
            &[
                "Action 2 was completed in May.",
                "Action: none.",
                "Ideas from the floor were noted.",
            ],
        );
    }

    #[test]
    fn demands_to_undo_a_measure_are_imperatives() {
        // Each was an observation: the verbs a submission uses against a draft rule.
        assert_kinds(
            &[
                "Withdraw the flat licence fee for harbour cooperatives.",
                "Repeal section 12 of the tide data decree.",
                "Exempt small ports from the sensor levy.",
                "Waive registry fees for non-profit operators.",
                "Scrap the data localisation requirement.",
            ],
            &["Withdrawal of the fee was discussed at length."],
        );
    }

    /// Outside a recommendations section, `asks` are calls and `reports` are not.
    fn assert_kinds(asks: &[&str], reports: &[&str]) {
        for text in asks {
            assert_eq!(classify(Other, text), Recommendation, "{text}");
        }
        for text in reports {
            assert_eq!(classify(Other, text), Observation, "{text}");
        }
    }

    #[test]
    fn a_first_person_commitment_is_a_call() {
        assert_kinds(
            &[
                "We commit to publishing river gauge readings as open data.",
                "We pledge to fund two hundred community weather stations.",
                "We are fully committed to metering every licensed borehole.",
                "We will publish drought forecasts every week in local languages.",
                "The Ministry and its partners: we will also continue to train extension officers.",
            ],
            &[
                "We will now hear from the panel.",
                "I will take questions at the end.",
                "We will give the floor to the next speaker.",
                "We committed a great deal of time to the survey last year.",
            ],
        );
        // A named body's pledge, as a ministerial outcome lists its commitments.
        assert_kinds(
            &[
                "The Ministry will require a working water meter on every borehole by 2028.",
                "The Ministry of Water and Irrigation will also publish all gauge records.",
            ],
            &[
                "Metering will increase costs for the poorest farmers.",
                "The Advisory Body will publish its final report in the summer.",
                "The dates will be communicated by the Secretariat.",
            ],
        );
    }

    #[test]
    fn a_reported_proposal_or_ask_is_a_call() {
        assert_kinds(
            &[
                "Several delegations proposed that governments establish a joint response team.",
                "Participants asked donors to finance a pooled repair fund.",
                "Members invited the secretariat to cost two options for the fund.",
                "Members supported publishing yearly broadband price data.",
                "The meeting endorsed the proposal to pool repair crews.",
                "Calls upon Member States to license spectrum to community operators;",
            ],
            &[
                "The proposed fund was discussed at length.",
                "Participants were asked to register online.",
                "Delegates asked whether the fund had been used.",
                "Members supported the local operators during the storm.",
            ],
        );
    }

    #[test]
    fn a_named_need_and_a_call_with_an_adverb_ask() {
        assert_kinds(
            &[
                "Refrain from cutting off mobile data during protests",
                "The need to connect every rural school to the grid.",
                "Affordable tariffs are not enough - we also need local content.",
            ],
            &[
                "The need to connect schools was discussed at length.",
                "We usually meet in March.",
                "The Harbour We Want: being at the forum taught us patience.",
            ],
        );
    }

    #[test]
    fn modals_and_appeals() {
        for text in [
            "Multistakeholder models need to reflect the public interest",
            "We must avoid siloing different stakeholders away from each other",
            "Governments should fund participation.",
            "The panel called for a permanent IGF mandate.",
            "Participants urge donors to act.",
            "It is necessary to explore inclusive frameworks.",
            "Stakeholders emphasized the need to clarify its institutional home.",
            "Participants stressed the need for open data.",
            "To keep ports open, we need a shared registry.",
            "We want to see harbour data published under an open licence.",
            "We strongly support a permanent mandate for the ports forum.",
            "We would like to see more regional meetings.",
            "I suggest that the registry be reviewed every year.",
            "We believe the registry remains the right place for port data.",
            "We recognise the role of harbour cooperatives in keeping the registry.",
            "3. Publish tide readings every hour.",
        ] {
            assert_eq!(classify(Issues, text), Recommendation, "{text}");
        }
    }

    #[test]
    fn imperatives() {
        for text in [
            "Establish an Inclusive Participation Fund.",
            "Call on governments to engage.",
            "Keep processes open and inclusive.",
            "Highlight the key role of UN in global cyberspace governance",
        ] {
            assert_eq!(classify(Outcomes, text), Recommendation, "{text}");
        }
    }

    #[test]
    fn observations() {
        for text in [
            "The IGF and WSIS Forum have emerged as two distinct models.",
            "Support for youth participation was strong.",
            "Use of AI grew quickly.",
            "This is an urgent matter.",
            "Panellists discussed the need for a registry.",
            "Produced a consolidated barrier-solution matrix.",
            "We discussed how ports share tide data.",
            "They want faster customs.",
            // Granting a fact is no ask.
            "We recognise that a third of harbours still lack a tide gauge.",
            "",
        ] {
            assert_eq!(classify(Outcomes, text), Observation, "{text}");
        }
    }

    #[test]
    fn a_quotation_with_its_speaker_is_read_by_its_own_words() {
        for text in [
            "“We funded technicians, not towers,” he said.",
            "\"Open tide data saves lives,\" said one harbour master.",
        ] {
            assert_eq!(classify(Recommendations, text), Observation, "{text}");
        }
        // A quoted call is a call, with its speaker or without.
        for text in [
            "\"Ports must share the data,\" said Ruben Vik of the port authority.",
            "“Ports must share the data.”",
        ] {
            assert_eq!(classify(Other, text), Recommendation, "{text}");
        }
    }

    #[test]
    fn a_call_made_instead_of_another_is_a_call() {
        for ask in [
            "We would instead ask the regional governments to offer grants for shading.",
            "The owners called instead for tax credits for retrofits.",
        ] {
            assert_eq!(
                classify(SectionKind::Other, ask),
                StatementKind::Recommendation,
                "{ask}"
            );
        }
    }

    #[test]
    fn a_sentence_announcing_an_imperative_after_its_colon_asks_it() {
        for ask in [
            "The assembly's first demand was blunt: protect the spawning grounds every winter.",
            "The message to ministers is simple: fund the harbour repairs before the storms.",
        ] {
            assert_eq!(
                classify(SectionKind::Other, ask),
                StatementKind::Recommendation
            );
        }
        // A label is no announcement, and a report after a colon asks nothing.
        for report in [
            "Theme: protect the spawning grounds",
            "The assembly's first demand was blunt: the grounds had been fished out.",
        ] {
            assert_eq!(
                classify(SectionKind::Other, report),
                StatementKind::Observation
            );
        }
    }

    #[test]
    fn an_imperative_after_a_short_adverb_asks() {
        for call in [
            "First, stop using tide cameras in small harbours.",
            "Above all, protect the spawning grounds.",
        ] {
            assert_eq!(
                classify(SectionKind::Other, call),
                StatementKind::Recommendation,
                "{call}"
            );
        }
        // A noun after the comma is no imperative.
        let report = "However, support for the levy was weak among small ports.";
        assert_eq!(
            classify(SectionKind::Other, report),
            StatementKind::Observation
        );
    }

    #[test]
    fn a_question_put_is_no_recommendation_even_under_recommendations() {
        for q in [
            "Should the Forum become permanent?",
            "Isn't it time the Forum called for a ban on police using it?",
            "Shouldn't governments simply make data localisation mandatory?",
            "Won't a regional fund duplicate the national ones?",
            // A moderator's question after the words that put it.
            "Let's start with the question everyone is asking: should there be a levy on harbour dues?",
        ] {
            assert!(is_question(q), "{q}");
            assert_eq!(
                classify(SectionKind::Recommendations, q),
                StatementKind::Observation,
                "{q}"
            );
        }
        // A call that ends on a question still calls.
        let call = "We need to move beyond a narrow focus on infrastructure – which cable?";
        assert_eq!(
            classify(SectionKind::Other, call),
            StatementKind::Recommendation
        );
    }

    #[test]
    fn a_questionnaires_item_with_its_number_and_answers_is_a_question() {
        for q in [
            "Q2. Should coastal cities charge cruise ships a port levy? (Yes / No / No view)",
            "3) Should the council publish its tide data? (tick one)",
        ] {
            assert!(is_question(q), "{q}");
            assert_eq!(
                classify(SectionKind::Other, q),
                StatementKind::Observation,
                "{q}"
            );
        }
        // A call with a question inside and its own words after it still calls.
        let call =
            "Should ports share data? (Yes, and they must publish it monthly, said the chair)";
        assert!(!is_question(call));
    }

    #[test]
    fn an_indirect_question_or_an_announcement_asks_nothing_and_an_invitation_asks() {
        assert_kinds(
            &[
                "Ports should share tide data, whoever pays.",
                "Delegates asked who would pay, and agreed that the state should fund the gauges.",
                "Let us share tide data.",
                "Member States are invited to share their tide records.",
            ],
            &[
                "Participants disagreed on whether registries should be national or regional.",
                "The room was divided on whether the positions of industrial vessels should be \
                 published openly in real time.",
                "Officials agreed on five steps but disagreed over who should pay for them.",
                "Let me introduce our speakers.",
                "Participants were invited to share their tide records.",
            ],
        );
    }
}
