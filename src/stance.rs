//! The one stance logic of the project: which position a text takes toward a proposition.
//!
//! A proposition is named by its key terms (the content words of an agreement topic, or of
//! a theme's title). [`read`] finds the clauses of a text that carry those terms and reads
//! the cues *in those clauses only*, so a "not" or a "rather than" about something else in
//! the same sentence does not flip the reading. [`aggregate`] turns the readings of one
//! session's relevant statements into one session stance. docs/STANCE.md describes the
//! cues, their scope and where they fail.
//!
//! Offline, deterministic and explainable: every reading carries the cue that decided it.
//! The cue lists are generic English (calls and commitments, opposition, negation,
//! conditions); nothing here knows any corpus.

use crate::corpus::{HONORIFICS, MOTIONS, MOTION_CARRIED, MOTION_DEFEATED};
use crate::text::is_ordinal;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use std::sync::OnceLock;

/// The position one text takes toward a proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    /// Calls for it, commits to it, welcomes or values it.
    Support,
    /// Rejects it, prefers an alternative, or says it is not needed.
    Oppose,
    /// Mentions it without taking a position.
    Neutral,
}

/// One reading: position, whether it is conditional ("yes, but…"), and the cue that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// The position read.
    pub position: Position,
    /// True when a support comes with a condition or a reservation, or a text both
    /// supports and opposes in different clauses, or (neutral) reports the meeting divided
    /// over it: the session counts as `mixed`.
    pub conditional: bool,
    /// The words that decided the reading (`None` for a neutral mention).
    pub cue: Option<String>,
}

/// Verbs by which a text states its own position: negated ("we do not support making
/// the mandate permanent") they reject, where a negated act ("platforms do not address
/// X") may only describe a gap.
const POSITION_VERBS: &[&str] = &[
    "support",
    "endorse",
    "welcome",
    "commend",
    "advocate",
    "recommend",
    "urge",
    "call",
    "encourage",
    "favour",
    "favor",
    "back",
    "agree",
    "accept",
    "want",
    "suggest",
    "appreciate",
    "applaud",
    "think",
    "believe",
    "consider",
    "feel",
];

/// Between a conditional support's cue and the words that set its condition
/// ("support; only if").
const CONDITION_SEPARATOR: &str = "; ";

/// The cue of a motion's support that its vote turned into a refusal.
const MOTION_DEFEATED_CUE: &str = "motion defeated";

impl Reading {
    /// The reading toward a proposition that asks for something not to be done, when
    /// `prohibition` says it does: a call not to act ("Employers should not be permitted
    /// to use X") then asks the same, and supports it. Every other reading is unchanged.
    pub fn toward_prohibition(self, prohibition: bool) -> Reading {
        if prohibition && self.is_negated_call() {
            return Reading {
                position: Position::Support,
                conditional: self.conditional,
                cue: self.cue,
            };
        }
        self
    }

    /// The reading of a motion the meeting voted down (`defeated`): what the motion asked
    /// for, the meeting refused, so a support becomes an opposition, cue "motion
    /// defeated"; an opposition the meeting refused takes no side. Every other reading is
    /// unchanged.
    pub fn after_vote(self, defeated: bool) -> Reading {
        if !defeated {
            return self;
        }
        match self.position {
            Position::Support => Reading {
                position: Position::Oppose,
                conditional: false,
                cue: Some(MOTION_DEFEATED_CUE.into()),
            },
            Position::Oppose => Reading {
                position: Position::Neutral,
                conditional: false,
                cue: None,
            },
            Position::Neutral => self,
        }
    }

    /// An opposition read from a call not to act ("States must not order X"): toward a
    /// proposition that is itself a prohibition ([`prohibits`]) it agrees.
    pub fn is_negated_call(&self) -> bool {
        self.position == Position::Oppose
            && self.cue.as_deref().is_some_and(|c| {
                NEGATED_CALLS.contains(&c)
                    || c.strip_prefix("no … ")
                        .is_some_and(|modal| CALLED_BY_NO.contains(&modal))
            })
    }

    /// For a support given on a condition or with a reservation, the words that set it
    /// ("only if", "but … concerns").
    pub fn condition(&self) -> Option<&str> {
        if self.position != Position::Support || !self.conditional {
            return None;
        }
        let cue = self.cue.as_deref()?;
        cue.split_once(CONDITION_SEPARATOR).map(|(_, c)| c)
    }

    /// A report that the meeting was divided over the proposition ("views diverged on…"):
    /// it takes neither side, and makes its session's stance mixed.
    pub fn is_divided(&self) -> bool {
        self.position == Position::Neutral && self.conditional
    }

    /// A stand the text gives to one person or a few ("One participant suggested that…",
    /// "Mr. Diallo noted that… would protect"), not to the meeting: it names the
    /// proposition and takes no side for the session. (A neutral reading carries a cue
    /// only so.)
    pub fn is_minority_view(&self) -> bool {
        self.position == Position::Neutral && !self.conditional && self.cue.is_some()
    }

    /// The reading of a text that `asks` for the whole proposition (an ask naming each
    /// of its key concepts: "(a) a data trust for health data be established", under
    /// "The participants recommend that:"): with no cue either way it supports it, cue
    /// "asks", as the digest counts a theme's member that asks. Every other reading is
    /// unchanged.
    pub fn or_asked(self, asks: bool) -> Reading {
        if asks && self.position == Position::Neutral && self.cue.is_none() {
            return Reading {
                position: Position::Support,
                conditional: false,
                cue: Some("asks".into()),
            };
        }
        self
    }

    /// The reading as the statement's kind bears it out: in a text that asks for nothing
    /// (`asks` false), a bare negation ([`Reading::is_bare_negation`]) describes a gap
    /// ("…components that have no paid maintainer") and opposes nothing, so the reading is
    /// neutral. In a call it rejects ("we should not…"). The digest and `agreement` both
    /// read so.
    pub fn in_a_report(self, asks: bool) -> Reading {
        if !asks && self.position == Position::Oppose && self.is_bare_negation() {
            return Reading {
                position: Position::Neutral,
                conditional: false,
                cue: None,
            };
        }
        self
    }

    /// An opposition read from a bare negation before an act or a term ("platforms do not
    /// address X", "no mechanism exists", "people cannot reach emergency services"): a
    /// report may describe a gap so, where a call or a negated position verb ("we do not
    /// support X") rejects.
    pub fn is_bare_negation(&self) -> bool {
        let Some(cue) = self.cue.as_deref() else {
            return false;
        };
        // "cannot … emergency", "never … reach" describe a gap as "not" does.
        let first = cue.split(' ').next().unwrap_or("");
        let negation = NEGATION.contains(&first) || first == FREE;
        let negated = stem(cue.rsplit(' ').next().unwrap_or(""));
        negation && !POSITION_VERBS.iter().any(|v| stem(v) == negated)
    }
}

/// The stance of a whole session toward a proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionStance {
    /// Only supporting statements.
    Support,
    /// Only opposing statements.
    Oppose,
    /// Both, or a conditional support.
    Mixed,
    /// Relevant statements, none taking a position.
    Neutral,
    /// Nothing relevant.
    Silent,
}

impl SessionStance {
    /// Every stance, in the order reports show them.
    pub const ALL: [SessionStance; 5] = [
        SessionStance::Support,
        SessionStance::Oppose,
        SessionStance::Mixed,
        SessionStance::Neutral,
        SessionStance::Silent,
    ];

    /// The word reports print ("mention" for neutral: the session names the topic only).
    pub fn label(self) -> &'static str {
        match self {
            SessionStance::Support => "support",
            SessionStance::Oppose => "oppose",
            SessionStance::Mixed => "mixed",
            SessionStance::Neutral => "mention",
            SessionStance::Silent => "silent",
        }
    }
}

/// Aggregate the readings of one session's relevant statements.
///
/// No reading → `silent`; a conditional reading, or supporting and opposing readings
/// together → `mixed`; otherwise the one position present; no position → `neutral`.
pub fn aggregate(readings: &[Reading]) -> SessionStance {
    if readings.is_empty() {
        return SessionStance::Silent;
    }
    let has = |p: Position| readings.iter().any(|r| r.position == p && !r.conditional);
    let conditional = readings.iter().any(|r| r.conditional);
    match (has(Position::Support), has(Position::Oppose)) {
        (true, true) => SessionStance::Mixed,
        _ if conditional => SessionStance::Mixed,
        (true, false) => SessionStance::Support,
        (false, true) => SessionStance::Oppose,
        (false, false) => SessionStance::Neutral,
    }
}

/// Calls, commitments and valuations: a text using one of these about the proposition
/// supports it. Matched on word stems, so "strengthened" and "calls" match too. Acting
/// against a problem the proposition names ("prevent", "condemn", "refrain from") is a
/// call to act on it, hence support.
const SUPPORT: &[&str] = &[
    "should",
    "must",
    "need",
    "call",
    "urge",
    "recommend",
    "encourage",
    "support",
    "welcome",
    "commend",
    "endorse",
    "strengthen",
    "reinforce",
    "enhance",
    "promote",
    "ensure",
    "prioritise",
    "prioritize",
    "advocate",
    "commit",
    "reaffirm",
    "affirm",
    "recognise",
    "recognize",
    "acknowledge",
    "crucial",
    "essential",
    "vital",
    "unique",
    "condemn",
    "prevent",
    "avoid",
    "refrain",
    "stop",
    "address",
    "tackle",
    "combat",
    "protect",
    "want",
    "suggest",
    "agree",
    "renew",
    "appreciate",
    "applaud",
    "value",
    // A request or a vote: "respondents asked for more local content", "61% were in
    // favour". ("Propose", "request" and "demand" are nouns as often: "the proposal for
    // a levy" names it.)
    "ask for",
    // "Participants asked that alerts be sent in local languages."
    "ask that",
    "in favour",
    "in favor",
];

/// Opposition said outright. Multi-word cues are matched as word sequences.
const OPPOSE: &[&str] = &[
    "oppose",
    "reject",
    "disagree",
    "no need",
    "not needed",
    "not necessary",
    "unnecessary",
    "premature",
    "would duplicate",
    "should not",
    "must not",
    "need not",
    "shouldn't",
    "mustn't",
    "is sufficient",
    "are sufficient",
    "is enough",
    "are enough",
    "remains sufficient",
    // Doubt about a proposal made by others ("we are unconvinced by suggestions that X
    // should…"): the others' "should" is reported, the text's own stand is the doubt.
    "unconvinced",
    "not convinced",
    "sceptical",
    "skeptical",
    "doubt",
    // Calling a proposal into question ("questioned the proposal to…"); "the question
    // of" names a topic, and "questioned whether such reforms were within the scope…"
    // doubts a point beside the proposal more often than the proposal.
    "question the",
    // A position verb turned against what follows: "recommended against a digital ID",
    // "advised against deploying chatbots", "voted against the motion".
    "recommend against",
    "advise against",
    "argue against",
    "vote against",
    "speak against",
    "spoke against",
    "decide against",
];

/// Preferring the alternative: the key terms *after* one of these are what is rejected.
const PREFER: &[&str] = &["rather than", "instead of", "in place of", "as opposed to"];

/// When the proposition is to create something new, preferring what exists, or warning
/// of duplication, opposes it.
const NOVELTY_TERMS: &[&str] = &["new", "create", "establish", "additional", "creation"];
const KEEP_EXISTING: &[&str] = &["existing", "duplicate", "duplication", "already exist"];

/// "Free (of)", which negates what follows as "without" does: a cue shows the word.
const FREE: &str = "free";

/// Negations: an odd number of them before a key term or a support cue in the key
/// clause flips it ("not a new forum"); two cancel ("cannot … without a strengthened IGF").
const NEGATION: &[&str] = &["not", "no", "never", "cannot", "without", "nor", "neither"];

/// Verbs of opinion: negated ("we do not think", "did not agree"), they negate the clause
/// they govern, however far its cue stands ("I don't think the IGF should be permanent").
const OPINION: &[&str] = &[
    "think", "believe", "agree", "accept", "consider", "feel", "see", "share",
];

/// How many words before a verb of opinion its negation stands ("do not really think").
const OPINION_NEGATION_REACH: usize = 2;

/// How many words before a key term a negation still governs it ("not a new … forum").
const KEY_NEGATION_REACH: usize = 4;
/// How many words before a support cue a negation still governs it ("does not support").
const CUE_NEGATION_REACH: usize = 3;

/// Calls that, before a negation, ask to refrain from what the key terms name ("ensure
/// that initiatives do not fragment the internet", "call on States not to impose shutdowns"):
/// support for acting against it, not opposition.
const REFRAIN_CALLS: &[&str] = &[
    "should",
    "must",
    "ensure",
    "call",
    "urge",
    "need",
    "ask",
    "encourage",
    "recommend",
    "invite",
];

/// Asks that something not be done ("refrain from ordering disruptions", "stop
/// shutdowns", "States must not order…", "a moratorium on emotion recognition"): a
/// proposition so worded is a prohibition. These ask to stop what goes on…
const STOPPING: &[&str] = &["refrain", "stop", "cease", "halt", "condemn", "never"];

/// …and these forbid, naming the prohibition itself: "trawling should be prohibited",
/// "should not be permitted" say "ban" in other words, "if trawling stopped" does not.
const FORBIDDING: &[&str] = &[
    "ban",
    "prohibit",
    "moratorium",
    "suspend",
    "suspension",
    "must not",
    "should not",
    "shall not",
];

/// Oppositions that are themselves calls not to act, as a cue shows them ("mustn't" is
/// read as "must" and "not").
const NEGATED_CALLS: &[&str] = &["must not", "should not"];
/// Modals whose call a "no" subject negates ("No pupil should be monitored by…": cue
/// "no … should").
const CALLED_BY_NO: &[&str] = &["should", "must", "shall"];

/// Does `text` ask that what it names not be done? A negated call about the same thing
/// ("States must not order network disruptions") then says the same, not the opposite.
pub fn prohibits(text: &str) -> bool {
    let tokens = tokenize(text);
    lexicon()
        .prohibitions
        .iter()
        .any(|p| !find(&tokens, p).is_empty())
}

/// The words by which `text` forbids something ("prohibited", "should not"), if it does:
/// it names a prohibition in other words than "ban".
pub fn prohibition_cue(text: &str) -> Option<String> {
    let tokens = tokenize(text);
    lexicon().forbidding.iter().find_map(|p| {
        find(&tokens, p)
            .first()
            .map(|&at| shown(&tokens, at, p.len()))
    })
}

/// Keeping something from happening: before the act that would bring the proposition
/// about ("avoid creating new global funds", "cautioned against making assessments
/// mandatory") it opposes the proposition; before the proposition itself ("avoid
/// fragmentation") it is a call to act on it, hence support.
const PREVENTING: &[&str] = &["avoid", "refrain from", "caution against", "warn against"];

/// Acts of accepting an instrument or a proposal ("sign", "ratify", "endorse"): refused
/// in a call ("not to ratify"), they reject what they would accept.
const ACCEPTING: &[&str] = &[
    "sign", "ratify", "adopt", "endorse", "join", "accede", "approve", "accept",
];

/// Modals before a negation that make it a call ("should not ratify").
const CALL_MODALS: &[&str] = &["should", "must", "shall", "will", "would", "to"];

/// Acts that bring something about, in their gerund after a [`PREVENTING`] cue.
const BRINGING_ABOUT: &[&str] = &[
    "creating",
    "establishing",
    "making",
    "introducing",
    "launching",
    "building",
    "setting",
];

/// Does `text` prefer an alternative ("rather than", "instead of", "instead")? What it
/// turns down is then named by the key terms it is read against.
pub fn prefers_another(text: &str) -> bool {
    let tokens = tokenize(text);
    tokens.iter().any(|t| t.word == "instead")
        || lexicon()
            .prefer
            .iter()
            .any(|p| !find(&tokens, p).is_empty())
}

/// Words that report a meeting divided over the proposition, after "was"/"were" ("the
/// room was split on…", "respondents were evenly divided").
const DIVIDED: &[&str] = &["divided", "split", "polarised", "polarized"];
/// Verbs by which views part ("views diverged on…"), after who holds them.
const PARTING: &[&str] = &["diverged", "differed"];
/// Who or what holds the views that part.
const HOLDERS: &[&str] = &[
    "views",
    "opinions",
    "positions",
    "participants",
    "delegations",
    "speakers",
    "experts",
    "respondents",
    "members",
    "stakeholders",
    "delegates",
    "panellists",
    "panelists",
];
/// Verbs by which "some" take a side without naming who they are ("some argued…,
/// while others…").
const SIDE_VERBS: &[&str] = &[
    "argued",
    "said",
    "felt",
    "believed",
    "thought",
    "wanted",
    "preferred",
    "favoured",
    "favored",
    "supported",
    "opposed",
    "warned",
    "cautioned",
    "insisted",
    "contended",
    "called",
    "urged",
    "suggested",
    "proposed",
    "stressed",
];
/// Words before "others" that set them against the "some" before ("…, while others…").
const SIDE_TURNS: &[&str] = &["while", "whereas", "but", "and"];
/// What a meeting reaches when it agrees; negated ("no consensus", "did not reach
/// agreement") it reports the meeting divided.
const ACCORD: &[&str] = &["consensus", "agreement"];
/// How many words before an accord word its negation stands ("not reach an agreement").
const ACCORD_NEGATION_REACH: usize = 3;
/// A copula before a division word, with at most one adverb between ("were sharply divided").
const COPULAS: &[&str] = &["was", "were", "is", "are", "remained", "remain", "remains"];

/// Conditions and reservations that make a support conditional.
const CONDITION: &[&str] = &[
    "provided that",
    "as long as",
    "only if",
    "on condition",
    "subject to",
    "unless",
];
/// Concessive connectors: they open a clause of their own.
const CONCESSIVE: &[&str] = &["but", "however", "although", "though", "yet", "whereas"];
/// Reservations voiced in a concessive clause.
const RESERVATION: &[&str] = &[
    "concern",
    "caution",
    "risk",
    "clarif",
    "question",
    "duplicat",
    "premature",
    "not",
    "no",
    "limit",
];

/// Punctuation that ends a clause (parentheses do not: an acronym in parentheses
/// belongs to its clause).
fn is_boundary(c: char) -> bool {
    matches!(c, '.' | ';' | ':' | '!' | '?' | '—' | '–' | '•' | '|')
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The cue lists above as stem sequences. They are constants; stemming them once
/// instead of on every reading makes reading a statement several times cheaper.
struct Lexicon {
    oppose: Vec<Vec<String>>,
    prefer: Vec<Vec<String>>,
    keep_existing: Vec<Vec<String>>,
    support: Vec<Vec<String>>,
    condition: Vec<Vec<String>>,
    novelty: Vec<String>,
    refrain: Vec<String>,
    prohibitions: Vec<Vec<String>>,
    forbidding: Vec<Vec<String>>,
    opinion: Vec<String>,
    preventing: Vec<Vec<String>>,
    bringing_about: Vec<String>,
    accepting: Vec<String>,
    divided: Vec<String>,
    parting: Vec<String>,
    position_verbs: Vec<String>,
    /// Words that open a negation, an alternative or a division on their own: with none
    /// of them and no opposing phrase, a text reads as support or neutral toward anything.
    dissent_words: Vec<String>,
}

impl Lexicon {
    /// A verb by which someone takes a side: a position verb ("support", "call") or one
    /// word of opposition said outright ("oppose", "reject").
    fn is_stance_verb(&self, token: &Token) -> bool {
        self.position_verbs.contains(&token.stem)
            || self
                .oppose
                .iter()
                .any(|cue| cue.len() == 1 && cue[0] == token.stem)
    }

    /// Whether a text of these `tokens` (`stems` sorted) could be read toward some
    /// proposition as anything but support or a plain mention: opposed, divided, or one
    /// person's view. It holds a word that negates, offers an alternative, reports a
    /// division or sets a minority apart, or a phrase of one of the lists through which
    /// [`read_tokens`] reads opposition (said outright, a preference, keeping from
    /// bringing about, keeping what exists), or a stand a relative clause gives to a
    /// third party. A new path of that kind adds its test here.
    fn could_withhold_support(&self, tokens: &[Token], stems: &[String]) -> bool {
        let mut all: Vec<usize> = tokens.iter().map(|t| t.clause).collect();
        all.dedup();
        (0..tokens.len()).any(|i| sets_apart(tokens, i))
            // A third party's support, reported in a relative clause, is not the text's.
            || (0..tokens.len())
                .any(|i| self.is_stance_verb(&tokens[i]) && others_stand(tokens, &[], i))
            || sides(tokens).is_some()
            || decision(tokens, &all).is_some_and(|(_, carried, _)| !carried)
            || preference_over(tokens, &all).is_some()
            || self
                .dissent_words
                .iter()
                .any(|w| stems.binary_search(w).is_ok())
            || [
                &self.oppose,
                &self.prefer,
                &self.preventing,
                &self.keep_existing,
            ]
            .iter()
            .any(|list| !cues(tokens, stems, list, &all).is_empty())
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let phrases = |list: &[&str]| list.iter().map(|c| phrase_stems(c)).collect();
        let words = |list: &[&str]| list.iter().map(|w| stem(w)).collect();
        Lexicon {
            oppose: phrases(OPPOSE),
            prefer: phrases(PREFER),
            keep_existing: phrases(KEEP_EXISTING),
            support: phrases(SUPPORT),
            condition: phrases(CONDITION),
            novelty: words(NOVELTY_TERMS),
            refrain: words(REFRAIN_CALLS),
            prohibitions: STOPPING
                .iter()
                .chain(FORBIDDING)
                .map(|c| phrase_stems(c))
                .collect(),
            forbidding: phrases(FORBIDDING),
            opinion: words(OPINION),
            preventing: phrases(PREVENTING),
            bringing_about: words(BRINGING_ABOUT),
            accepting: words(ACCEPTING),
            divided: words(DIVIDED),
            parting: words(PARTING),
            position_verbs: words(POSITION_VERBS),
            dissent_words: NEGATION
                .iter()
                .chain(DIVIDED)
                .chain(PARTING)
                .chain(&["instead"])
                .map(|w| stem(w))
                .collect(),
        }
    })
}

/// The stem of one lower-cased word (Snowball English), used to match cues and terms
/// across inflections.
pub fn stem(word: &str) -> String {
    stemmer().stem(word).into_owned()
}

/// One word of a text: lower-cased, its stem, and the clause it belongs to.
#[derive(Debug, Clone)]
struct Token {
    word: String,
    stem: String,
    clause: usize,
    /// The comma-delimited part of the clause ("instead" names what its part asks for).
    part: usize,
    /// Inside quotation marks: words the text quotes, perhaps from someone else.
    quoted: bool,
}

/// Split `text` into words, numbering clauses at clause punctuation and before
/// concessive connectors. Contractions ending in "n't" become the word and a "not".
fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut clause = 0;
    let mut part = 0;
    let mut quoted = false;
    let mut word = String::new();
    // `next` is the first non-space character after the word: a concessive connector
    // opens a clause, except "however" used as "no matter how" ("however well-meaning").
    let push = |w: &mut String,
                next: Option<char>,
                clause: &mut usize,
                part: &mut usize,
                quoted: bool,
                tokens: &mut Vec<Token>| {
        if w.is_empty() {
            return;
        }
        let lower = w.to_lowercase().replace('’', "'");
        w.clear();
        let lower = lower.trim_matches('\'').to_string();
        if lower.is_empty() {
            return;
        }
        let starts_clause = tokens.last().is_none_or(|t: &Token| t.clause != *clause);
        if CONCESSIVE.contains(&lower.as_str())
            && (lower != "however" || starts_clause || next == Some(','))
        {
            *clause += 1;
            *part += 1;
        }
        let (base, negated) = match lower.strip_suffix("n't") {
            Some("can" | "ca") => ("can".to_string(), true),
            Some("won" | "wo") => ("will".to_string(), true),
            Some(b) => (b.to_string(), true),
            None => (lower.clone(), false),
        };
        let base = base.strip_suffix("'s").unwrap_or(&base).to_string();
        tokens.push(Token {
            stem: stem(&base),
            word: base,
            clause: *clause,
            part: *part,
            quoted,
        });
        if negated {
            tokens.push(Token {
                word: "not".into(),
                stem: "not".into(),
                clause: *clause,
                part: *part,
                quoted,
            });
        }
    };
    let mut previous = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // Hyphens split words, so "follow-up" matches "follow up" and "UN-centric" names the UN.
        if c.is_alphanumeric() || ((c == '\'' || c == '’') && !word.is_empty()) {
            word.push(c);
        } else {
            let next = text[i..].chars().find(|c| !c.is_whitespace());
            push(&mut word, next, &mut clause, &mut part, quoted, &mut tokens);
            // "24%" is a share, as "24 per cent" is: the sign is read as its word.
            if c == '%' && previous.is_ascii_digit() {
                tokens.push(Token {
                    word: "percent".into(),
                    stem: "percent".into(),
                    clause,
                    part,
                    quoted,
                });
            }
            // Straight quotes open and close by turns; curly ones say which they do.
            match c {
                '"' => quoted = !quoted,
                '“' | '«' => quoted = true,
                '”' | '»' => quoted = false,
                _ => {}
            }
            // A stop or a comma between digits is a number's ("3.5 GHz", "1,200"), not
            // the end of a clause.
            let in_number =
                previous.is_ascii_digit() && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
            // "Mr. Diallo noted…": the stop of a title ends no clause.
            let after_title = c == '.'
                && previous.is_alphabetic()
                && tokens
                    .last()
                    .is_some_and(|t: &Token| HONORIFICS.contains(&t.word.as_str()));
            let ends = !in_number && !after_title;
            if is_boundary(c) && ends {
                clause += 1;
            }
            if (is_boundary(c) || c == ',') && ends {
                part += 1;
            }
        }
        previous = c;
    }
    push(&mut word, None, &mut clause, &mut part, quoted, &mut tokens);
    // "Free of charge", "free of interference": what is free of a thing is without it,
    // so "free" negates what follows as "without" does (its word is kept for the cue).
    for i in 1..tokens.len() {
        if tokens[i].word == "of" && tokens[i - 1].word == FREE {
            tokens[i - 1].stem = "without".into();
        }
    }
    tokens
}

/// A key term or cue as a sequence of stems ("follow-up mechanism" → ["follow-up", "mechan"]).
fn phrase_stems(phrase: &str) -> Vec<String> {
    tokenize(phrase).into_iter().map(|t| t.stem).collect()
}

/// Start positions where `phrase` occurs in `tokens` (stem by stem, within one clause).
fn find(tokens: &[Token], phrase: &[String]) -> Vec<usize> {
    if phrase.is_empty() || phrase.len() > tokens.len() {
        return Vec::new();
    }
    (0..=tokens.len() - phrase.len())
        .filter(|&i| {
            phrase
                .iter()
                .enumerate()
                .all(|(k, p)| tokens[i + k].stem == *p && tokens[i + k].clause == tokens[i].clause)
        })
        .collect()
}

/// The words of `tokens[at..at + len]`, for showing a cue.
fn shown(tokens: &[Token], at: usize, len: usize) -> String {
    tokens[at..at + len]
        .iter()
        .map(|t| t.word.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cue occurrences of a list in the clauses `scope`: (position, length, shown words).
///
/// `stems` are the text's stems, sorted: a cue whose first stem the text lacks is
/// skipped without a scan (readings run over every theme member and `also` candidate).
fn cues(
    tokens: &[Token],
    stems: &[String],
    list: &[Vec<String>],
    scope: &[usize],
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for p in list {
        let present = p
            .first()
            .is_some_and(|first| stems.binary_search(first).is_ok());
        if !present {
            continue;
        }
        for at in find(tokens, p) {
            if scope.contains(&tokens[at].clause) {
                out.push((at, p.len(), shown(tokens, at, p.len())));
            }
        }
    }
    out.sort();
    out
}

/// Support cues in `scope`, a noun made from a cue's verb aside: "recommendations were
/// read out" or "data protection" names a thing, it calls for nothing.
fn support_cues(
    tokens: &[Token],
    stems: &[String],
    list: &[Vec<String>],
    scope: &[usize],
) -> Vec<(usize, usize, String)> {
    let mut found = cues(tokens, stems, list, scope);
    found.retain(|&(at, len, _)| len > 1 || !is_nominalisation(&tokens[at].word));
    // "The moderator asked whether citizens' data should be made public": the modal of
    // an indirect question puts the question, as `corpus::classify` reads it.
    found.retain(|&(at, _, _)| {
        if !matches!(tokens[at].word.as_str(), "should" | "must") {
            return true;
        }
        let clause = tokens[at].clause;
        let before: Vec<&str> = tokens[..at]
            .iter()
            .filter(|t| t.clause == clause)
            .map(|t| t.word.as_str())
            .collect();
        !crate::corpus::in_indirect_question(&before)
    });
    found
}

/// A noun made from a verb by "-tion" ("recommendations", "protection"), which the
/// stemmer folds into the verb's stem. ("Acknowledgment of the Forum's importance", a
/// "-ment" noun heading a list item, still takes a side, so those stay cues.)
fn is_nominalisation(word: &str) -> bool {
    word.ends_with("tion") || word.ends_with("tions")
}

/// Stem-prefix match, so a reservation cue such as "clarif" matches "clarification".
fn starts(tokens: &[Token], prefixes: &[&str], scope: &[usize]) -> Option<String> {
    tokens
        .iter()
        .find(|t| scope.contains(&t.clause) && prefixes.iter().any(|p| t.word.starts_with(p)))
        .map(|t| t.word.clone())
}

/// The negations that govern position `at`: when one lies within `reach` words before
/// it in its clause, every negation of the clause before it (so two can cancel);
/// otherwise none. "Or not" ("whether or not") negates nothing.
fn negations_before(tokens: &[Token], at: usize, reach: usize) -> Vec<usize> {
    let clause = tokens[at].clause;
    let negation = |i: usize| {
        tokens[i].clause == clause
            && NEGATION.contains(&tokens[i].stem.as_str())
            && !(i > 0 && tokens[i - 1].word == "or")
    };
    negations_where(at, reach, negation)
}

/// [`negations_before`] a cue, which a negation reaches across a comma only from right
/// before it ("did not, finally, support"): one that has its own word before the
/// comma negates that word ("broad, though not unanimous, support" is support).
fn cue_negations_before(tokens: &[Token], at: usize) -> Vec<usize> {
    let clause = tokens[at].clause;
    let negation = |i: usize| {
        let part = tokens[i].part;
        tokens[i].clause == clause
            && NEGATION.contains(&tokens[i].stem.as_str())
            && !(i > 0 && tokens[i - 1].word == "or")
            && (part == tokens[at].part || tokens.get(i + 1).is_some_and(|t| t.part != part))
    };
    negations_where(at, CUE_NEGATION_REACH, negation)
}

/// The negations `negation` accepts before `at`, when one lies within `reach` of it.
fn negations_where(at: usize, reach: usize, negation: impl Fn(usize) -> bool) -> Vec<usize> {
    let near = (at.saturating_sub(reach)..at).any(&negation);
    if !near {
        return Vec::new();
    }
    (0..at).filter(|&i| negation(i)).collect()
}

/// Verbs after "should not" that still say the subject itself should not be, or go on
/// being ("should not be granted", "should not continue").
const BEING: &[&str] = &["be", "exist", "continu"];

/// "A permanent mandate should not turn the Forum into a negotiating body": a negated
/// modal whose clause names the proposition only before it, as the subject of another act,
/// warns about what the proposal must not lead to; it does not reject the proposal ("The
/// mandate should not be granted", "…should not become permanent" still do).
fn cautions_about_its_subject(tokens: &[Token], keys: &[usize], at: usize, len: usize) -> bool {
    let negated_modal = matches!(
        tokens[at].word.as_str(),
        "should" | "must" | "shouldn't" | "mustn't"
    ) && tokens
        .get(at + 1)
        .is_some_and(|t| t.word == "not" || t.word == "n't")
        || tokens[at].word.ends_with("n't");
    if !negated_modal {
        return false;
    }
    let clause = tokens[at].clause;
    let in_clause: Vec<usize> = keys
        .iter()
        .copied()
        .filter(|&k| tokens[k].clause == clause)
        .collect();
    let Some(verb) = tokens.get(at + len).filter(|t| t.clause == clause) else {
        return false;
    };
    !in_clause.is_empty()
        && in_clause.iter().all(|&k| k < at)
        && !BEING.iter().any(|b| verb.stem.starts_with(b))
}

/// A verb of opinion negated before `at` in its clause ("we do not think that…"), unless
/// "not only": the negation's index and the verb's.
fn negated_opinion(tokens: &[Token], at: usize, opinion: &[String]) -> Option<(usize, usize)> {
    let clause = tokens[at].clause;
    let verb = (0..at)
        .rev()
        .take_while(|&i| tokens[i].clause == clause)
        .find(|&i| opinion.contains(&tokens[i].stem))?;
    let first = verb.saturating_sub(OPINION_NEGATION_REACH);
    (first..verb)
        .rev()
        .find(|&i| {
            NEGATION.contains(&tokens[i].stem.as_str())
                && tokens.get(i + 1).is_none_or(|t| t.word != "only")
        })
        .map(|negation| (negation, verb))
}

/// "We can't discuss the internet we want without a strengthened IGF": a negation
/// answered by a later "without" in its clause states what is needed, and rejects
/// nothing the clause names.
fn necessity_after(tokens: &[Token], at: usize) -> bool {
    let clause = tokens[at].clause;
    tokens[at + 1..]
        .iter()
        .take_while(|t| t.clause == clause)
        .any(|t| t.word == "without")
}

/// Words after which a clause names what must come first ("No school should deploy an AI
/// product until an impact assessment has been completed").
const PRECONDITIONS: &[&str] = &["until", "unless"];

/// "No school should deploy an AI product until an impact assessment has been
/// completed": a negated call answered by a later "until"/"unless" that names the terms
/// makes them the condition of acting, so it asks for them (as "without" does in
/// [`necessity_after`]); it rejects nothing they name.
/// Returns the position of the "until"/"unless".
fn precondition_after(tokens: &[Token], keys: &[usize], at: usize) -> Option<usize> {
    let clause = tokens[at].clause;
    (at + 1..tokens.len())
        .take_while(|&i| tokens[i].clause == clause)
        .find(|&i| PRECONDITIONS.contains(&tokens[i].word.as_str()))
        .filter(|&u| keys.iter().any(|&k| k > u && tokens[k].clause == clause))
}

/// A text split once into stemmed words and clauses, for repeated term look-ups.
#[derive(Debug, Clone)]
pub struct Words(Vec<Token>);

/// Most words between the parts of a hyphenated compound written open ("sharing
/// fisheries data" for "data-sharing").
const COMPOUND_REACH: usize = 3;

impl Words {
    /// Split `text` the way [`read`] does.
    pub fn new(text: &str) -> Self {
        Words(tokenize(text))
    }

    /// Whether the text contains `term` (a word or a phrase), compared stem by stem
    /// within one clause: the matching [`read`] uses to find key terms.
    pub fn mentions(&self, term: &str) -> bool {
        let stems = phrase_stems(term);
        !find(&self.0, &stems).is_empty() || (term.contains('-') && self.has_parts_near(&stems))
    }

    /// Whether every part of a hyphenated compound stands within a few words of the first,
    /// in one clause and in any order: "data-sharing" is said by "sharing fisheries data",
    /// "co-management" by "co-manage" only through its stem.
    fn has_parts_near(&self, parts: &[String]) -> bool {
        let t = &self.0;
        let Some(first) = parts.first() else {
            return false;
        };
        (0..t.len()).filter(|&i| t[i].stem == *first).any(|i| {
            parts[1..].iter().all(|part| {
                let lo = i.saturating_sub(COMPOUND_REACH);
                let hi = (i + COMPOUND_REACH + 1).min(t.len());
                (lo..hi).any(|j| j != i && t[j].clause == t[i].clause && t[j].stem == *part)
            })
        })
    }

    /// Whether the text names `term` other than as a dated event: an occurrence with an
    /// ordinal or a year just before or after it ("the 16th …", "… 2023"), or followed
    /// by an event verb ("… held in", "… concluded"), names one meeting of that name,
    /// not the thing itself ("the IGF took place in Kyoto" is not about the IGF).
    pub fn mentions_beyond_events(&self, term: &str) -> bool {
        let p = phrase_stems(term);
        find(&self.0, &p)
            .into_iter()
            .any(|at| !self.is_event(at, at + p.len()))
    }

    fn is_event(&self, start: usize, end: usize) -> bool {
        let t = &self.0;
        let clause = t[start].clause;
        let dated = |w: &Token| {
            let year = w.word.len() == 4
                && w.word.chars().all(|c| c.is_ascii_digit())
                && (w.word.starts_with("19") || w.word.starts_with("20"));
            w.clause == clause && (is_ordinal(&w.word) || year)
        };
        let before = t[start.saturating_sub(EVENT_REACH)..start]
            .iter()
            .any(dated);
        let after = t[end..(end + 1).min(t.len())].iter().any(dated);
        let verb = t[end..(end + EVENT_REACH).min(t.len())]
            .iter()
            .any(|w| w.clause == clause && EVENT_VERBS.iter().any(|v| w.word.starts_with(v)));
        before || after || verb
    }
}

/// How far an ordinal, a year or an event verb may be from a name that it dates.
const EVENT_REACH: usize = 6;
/// Verbs that report a meeting taking place.
const EVENT_VERBS: &[&str] = &[
    "held", "hosted", "conclud", "ended", "took", "taking", "started", "opened", "closed",
    "kicked", "wrapped", "wraps",
];

/// Cues whose present passive still asks or values ("investment is needed", "participation
/// is encouraged", "the proposal is welcomed"); the others' states a fact ("the mandate is
/// renewed every five years", "rights are protected by the charter").
const ASKING_PASSIVES: &[&str] = &[
    "need",
    "call",
    "urg",
    "recommend",
    "encourag",
    "support",
    "welcom",
    "endors",
    "commend",
    "appreci",
    "valu",
    "want",
    "suggest",
];

/// Whether the nearest auxiliary or modal before position `at` in its clause is a past
/// "was", "were" or "been", or a present "is" or "are" right before a cue that does not
/// ask: the passive reports what is or was done, no modal asks for it.
fn reporting_passive(tokens: &[Token], at: usize) -> bool {
    const AUXILIARIES: &[&str] = &[
        "was", "were", "been", "is", "are", "be", "should", "must", "will", "would", "shall",
        "can", "could", "may", "might", "need", "needs", "to",
    ];
    let Some((i, aux)) = tokens[..at]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, t)| t.clause == tokens[at].clause)
        .find(|(_, t)| AUXILIARIES.contains(&t.word.as_str()))
    else {
        return false;
    };
    match aux.word.as_str() {
        "was" | "were" | "been" => true,
        "is" | "are" => {
            i + 1 == at
                && !ASKING_PASSIVES
                    .iter()
                    .any(|p| tokens[at].stem.starts_with(p))
        }
        _ => false,
    }
}

/// A heading: a few words, no closing punctuation, every longer word capitalised.
fn is_heading(text: &str) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && !text.ends_with(['.', '!', '?', ';', ':', ','])
        && words
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A call for an alternative ("We propose a five-year renewal instead", "Instead, the
/// Forum should…"): where the alternative starts and the cue, when its clause asks for
/// something (a support cue or an imperative) and the alternative names at most half of
/// the proposition's concepts — what it asks for is then something other than the
/// proposition. Only the alternative's own part counts: "…, with a review before any
/// decision on permanence" names the proposition to defer it.
fn alternative_called_for(
    tokens: &[Token],
    stems: &[String],
    concepts: &[Vec<Vec<String>>],
    scope: &[usize],
    text: &str,
) -> Option<(usize, String)> {
    let lex = lexicon();
    (0..tokens.len()).find_map(|i| {
        if tokens[i].word != "instead" {
            return None;
        }
        let next = tokens.get(i + 1);
        if next.is_some_and(|t| t.word == "of" && t.clause == tokens[i].clause) {
            // "instead of X" names what it rejects: the PREFER cues read it.
            return None;
        }
        // The alternative is the comma-delimited part holding "instead", or the part
        // after an opening "Instead,"; the call may sit anywhere in the clause.
        let opens = i == 0 || tokens[i - 1].part != tokens[i].part;
        let part = match next {
            Some(t) if opens && t.part != tokens[i].part && t.clause == tokens[i].clause => t.part,
            _ => tokens[i].part,
        };
        let clause = tokens[i].clause;
        if !scope.contains(&clause) {
            return None;
        }
        let first = tokens.iter().position(|t| t.part == part)?;
        // "refrain from disrupting access during exams, and use targeted measures
        // instead": the alternative replaces the act an earlier part already rejects,
        // and that rejection is what the text says of the proposition.
        // In another clause ("We do not support X. Reform Y instead.") the alternative
        // rejects what the text rejected, the proposition.
        let rejected_before = tokens[..first].iter().any(|t| {
            t.clause == clause
                && (STOPPING.contains(&t.stem.as_str()) || NEGATION.contains(&t.stem.as_str()))
        }) || !cues(&tokens[..first], stems, &lex.preventing, &[clause])
            .is_empty();
        if rejected_before {
            return None;
        }
        let opening = tokens.iter().position(|t| t.clause == clause)?;
        let asks = !support_cues(tokens, stems, &lex.support, &[clause]).is_empty()
            || (opening == 0 && crate::corpus::is_imperative_opening(text));
        let named = concepts
            .iter()
            .filter(|names| {
                names
                    .iter()
                    .any(|p| find(tokens, p).iter().any(|&k| tokens[k].part == part))
            })
            .count();
        (asks && named * 2 <= concepts.len()).then(|| (first, "instead".to_string()))
    })
}

/// Words that set a minority of the meeting apart as the subject ("a minority", "a few
/// delegations"); "one" counts before a participant, "only" before a number ("only 9% of
/// respondents", "only two countries"), not in "not only".
const MINORITY: &[&str] = &["minority", "few"];

/// Numbers that "only" may set apart, beside figures.
const SMALL_NUMBERS: &[&str] = &["a", "one", "two", "three", "few"];
/// Who "one" may be: one of the meeting's participants.
const ONE_OF: &[&str] = &[
    "delegation",
    "participant",
    "speaker",
    "member",
    "respondent",
    "country",
    "state",
    "government",
    "organisation",
    "organization",
];

/// The minority named before position `at` in its clause, if any, shown as a cue. A
/// cue that "some" qualifies ("strong support in the room, some doubt about…", "there was
/// some opposition to…") is a part of the room's.
fn minority_before(tokens: &[Token], at: usize) -> Option<String> {
    if at > 0 && tokens[at - 1].word == "some" && tokens[at - 1].clause == tokens[at].clause {
        return Some("some".into());
    }
    let clause = tokens[at].clause;
    (0..at)
        .filter(|&i| tokens[i].clause == clause)
        .find(|&i| sets_apart(tokens, i))
        .map(|i| match minority_share(tokens, i) {
            true => format!("{}%", tokens[i].word),
            false => tokens[i].word.clone(),
        })
}

/// Verbs that report what someone said ("…," said the minister).
const REPORTING: &[&str] = &[
    "said",
    "says",
    "added",
    "stated",
    "told",
    "declared",
    "remarked",
    "explained",
    "insisted",
];

/// Subjects that speak for the meeting, not for one person ("participants said").
const COLLECTIVE: &[&str] = &[
    "we",
    "participants",
    "delegates",
    "delegations",
    "speakers",
    "panellists",
    "panelists",
    "panel",
    "members",
    "stakeholders",
    "attendees",
    "forum",
    "session",
    "meeting",
    "workshop",
    "assembly",
    "conference",
];

/// How far before a reporting verb its subject may stand, in words outside the quotation.
const SPEAKER_REACH: usize = 4;

/// The reporting verb when the word at `at` is quoted from one speaker ("the Secretary
/// of State said the government “welcomes the Convention”"): that person's words, which
/// the text reports, not what the meeting holds. A quotation that participants or the
/// meeting speak ("“We must act,” participants said") stays the meeting's.
fn quoted_speaker(tokens: &[Token], at: usize) -> Option<String> {
    if !tokens[at].quoted {
        return None;
    }
    let outside: Vec<&Token> = tokens.iter().filter(|t| !t.quoted).collect();
    let verb = outside
        .iter()
        .position(|t| REPORTING.contains(&t.word.as_str()))?;
    let subject = &outside[verb.saturating_sub(SPEAKER_REACH)..(verb + 3).min(outside.len())];
    let collective = subject
        .iter()
        .any(|t| COLLECTIVE.contains(&t.word.as_str()));
    (!collective).then(|| outside[verb].word.clone())
}

/// Who a share may be of, when it sets a minority apart ("24% of respondents"): people
/// asked or present, beside [`ONE_OF`]. "40% of vessels should…" sets a target.
const SHARE_OF: &[&str] = &[
    "people",
    "those",
    "attendee",
    "delegate",
    "citizen",
    "user",
    "stakeholder",
    "expert",
    "panellist",
    "panelist",
    "resident",
    "organisation",
];

/// Whether the word at `i` is a share of under half of those asked or present: "24%
/// disagreed", "30 per cent of participants supported…". Of them, those who take a
/// side are a minority. A share after "by", "to", "from"… is an amount ("cut bycatch by
/// 30%"), and one of things a target ("40% of vessels").
fn minority_share(tokens: &[Token], i: usize) -> bool {
    let Ok(n) = tokens[i].word.parse::<u32>() else {
        return false;
    };
    let word = |k: usize| tokens.get(k).map_or("", |t| t.word.as_str());
    let unit = match (word(i + 1), word(i + 2)) {
        ("percent", _) => 1,
        ("per", "cent") => 2,
        _ => return false,
    };
    let amount = i > 0
        && matches!(
            word(i - 1),
            "by" | "to" | "from" | "at" | "than" | "of" | "over"
        );
    let after = i + 1 + unit;
    let of_people = word(after) != "of"
        || (1..=2).any(|d| {
            let w = stem_plain(word(after + d));
            ONE_OF.contains(&w) || SHARE_OF.contains(&w)
        });
    n < 50 && !amount && of_people
}

/// Whether the word at `i` sets a minority of the meeting apart: "a minority", "a few",
/// "one delegation", "only 9%", a share of under half ("24% disagreed"), or a title
/// before an attendee's name ("Mr. Diallo noted…": minutes so report what one attendee
/// said).
fn sets_apart(tokens: &[Token], i: usize) -> bool {
    let w = tokens[i].word.as_str();
    let next = tokens.get(i + 1).map_or("", |n| n.word.as_str());
    let number = next.starts_with(|c: char| c.is_ascii_digit()) || SMALL_NUMBERS.contains(&next);
    MINORITY.contains(&w)
        || HONORIFICS.contains(&w)
        || (w == "only" && number && (i == 0 || tokens[i - 1].word != "not"))
        || (w == "one" && ONE_OF.contains(&stem_plain(next)))
        || minority_share(tokens, i)
}

/// Words that open a relative clause ("an idea that landlords oppose").
const RELATIVES: &[&str] = &["that", "which", "whom"];
/// Words of a relative clause's verb group that name no one ("has long resisted").
const VERB_GROUP: &[&str] = &[
    "has", "have", "had", "do", "does", "did", "will", "would", "may", "might", "long", "still",
    "also", "always", "not", "never",
];
/// The speaker or the meeting in the first person.
const FIRST_PERSON: &[&str] = &["we", "i", "us", "our"];
/// Most words of the subject between a relative word and its verb.
const RELATIVE_SUBJECT_REACH: usize = 6;
/// Most words after a relative clause's verb: its object is the noun the clause
/// qualifies, so little or nothing follows ("…, which landlords oppose strongly,").
const RELATIVE_TAIL: usize = 2;

/// Is the cue at `at` the verb of a relative clause whose subject is someone other than
/// the text's author or the meeting ("grants for cool roofs, an idea that landlords'
/// associations oppose")? The text reports a third party's stand on what the clause
/// qualifies; it takes none itself. A clause the author or the meeting speaks ("which we
/// oppose", "that participants rejected") is theirs, and one with an object after its
/// verb ("noted that landlords oppose the grants") is no relative clause.
fn others_stand(tokens: &[Token], keys: &[usize], at: usize) -> bool {
    let (clause, part) = (tokens[at].clause, tokens[at].part);
    let same_part = |i: &usize| tokens[*i].clause == clause && tokens[*i].part == part;
    let Some(rel) = (at.saturating_sub(RELATIVE_SUBJECT_REACH + 1)..at)
        .rev()
        .filter(same_part)
        .find(|&i| RELATIVES.contains(&tokens[i].word.as_str()))
    else {
        return false;
    };
    let subject: Vec<&str> = tokens[rel + 1..at]
        .iter()
        .map(|t| t.word.as_str())
        .filter(|w| !VERB_GROUP.contains(w) && !w.ends_with("ly"))
        .collect();
    let speaks_for_meeting = subject
        .iter()
        .any(|w| FIRST_PERSON.contains(w) || COLLECTIVE.contains(w));
    let tail = (at + 1..tokens.len()).filter(same_part).count();
    let object_after = keys.iter().any(|&k| k > at && same_part(&k));
    !subject.is_empty() && !speaks_for_meeting && tail <= RELATIVE_TAIL && !object_after
}

/// A word without a plural "s" ("delegations" → "delegation").
fn stem_plain(word: &str) -> &str {
    word.strip_suffix('s').unwrap_or(word)
}

/// The positions of "some" and "others" when the text sets two sides of the meeting
/// against each other ("Some members argued…, while others contended…"): "some" before
/// who holds views or a verb of taking a side, "others" opening a clause or after
/// "while"/"but". "Some countries have adopted X while others have not" describes
/// countries, not the meeting's views.
fn sides(tokens: &[Token]) -> Option<(usize, usize)> {
    let some = tokens.iter().enumerate().position(|(i, t)| {
        t.word == "some"
            && tokens.get(i + 1).is_some_and(|n| {
                HOLDERS.contains(&n.word.as_str()) || SIDE_VERBS.contains(&n.word.as_str())
            })
    })?;
    let others = (some + 2..tokens.len()).find(|&i| {
        tokens[i].word == "others"
            && (tokens[i - 1].clause != tokens[i].clause
                || SIDE_TURNS.contains(&tokens[i - 1].word.as_str()))
    })?;
    Some((some, others))
}

/// Outcomes a motion also takes with no copula ("the motion failed", "the amendment passed").
const ACTIVE_OUTCOMES: &[&str] = &["carried", "passed", "failed"];
/// What a motion "failed to" do when it failed in the vote ("failed to pass"); "earlier
/// recommendations failed to address gender gaps" judges what they said, no vote.
const FAILED_VOTES: &[&str] = &["pass", "carry", "win", "gain", "secure", "attract"];

/// The outcome of a vote on a motion that the clauses `scope` report, if any: the
/// position of the outcome word, whether the motion was carried, and the words shown as
/// its cue. "A motion calling for a levy was defeated by 12 votes to 30" rejects the levy
/// whatever the motion called for; "the motion … was carried" decides for it. The motion
/// is named before the outcome in its clause (the words are the corpus's, which binds a
/// motion to the vote recorded lines below it); a negation turns the outcome ("was not
/// adopted"), and "voted down" defeats.
fn decision(tokens: &[Token], scope: &[usize]) -> Option<(usize, bool, String)> {
    tokens.iter().enumerate().find_map(|(i, t)| {
        let clause = t.clause;
        let word = t.word.as_str();
        let voted_down = word == "voted" && tokens.get(i + 1).is_some_and(|n| n.word == "down");
        let carried = MOTION_CARRIED.contains(&word);
        if !(carried || voted_down || MOTION_DEFEATED.contains(&word)) || !scope.contains(&clause) {
            return None;
        }
        let motion = (0..i)
            .any(|j| tokens[j].clause == clause && MOTIONS.contains(&stem_plain(&tokens[j].word)));
        if !motion {
            return None;
        }
        // Walk back over "not" and one adverb to the copula: "was narrowly not adopted".
        let mut k = i;
        let mut negated = false;
        while k > 0 && tokens[k - 1].clause == clause {
            let w = tokens[k - 1].word.as_str();
            if w == "not" {
                negated = !negated;
            } else if !(w.ends_with("ly") && k + 2 >= i) {
                break;
            }
            k -= 1;
        }
        let copula = k > 0 && COPULAS.contains(&tokens[k - 1].word.as_str());
        let next = |d: usize| {
            tokens
                .get(i + d)
                .filter(|n| n.clause == clause)
                .map_or("", |n| n.word.as_str())
        };
        let in_vote = word != "failed"
            || matches!(next(1), "" | "by" | "on")
            || (next(1) == "to" && FAILED_VOTES.contains(&next(2)));
        let active = ACTIVE_OUTCOMES.contains(&word) && k == i;
        if !((copula || voted_down || active) && in_vote) {
            return None;
        }
        let from = if copula { k - 1 } else { i };
        let len = i + 1 + usize::from(voted_down) - from;
        Some((
            i,
            carried != negated && !voted_down,
            shown(tokens, from, len),
        ))
    })
}

/// The words that report the meeting divided ("was split", "views diverged", "no
/// consensus", "some… while others…") over what the `keys` name, in their clause or the
/// one before ("The room was divided: half…"), if any: the text states no side, it
/// reports both.
fn division(tokens: &[Token], keys: &[usize], lex: &Lexicon) -> Option<String> {
    let reported = tokens.iter().enumerate().find_map(|(i, t)| {
        let before = |reach: usize, list: &[&str]| {
            (1..=reach).any(|d| i >= d && list.contains(&tokens[i - d].word.as_str()))
        };
        let divided = lex.divided.contains(&t.stem) && before(2, COPULAS);
        let parting = lex.parting.contains(&t.stem) && before(1, HOLDERS);
        // "No consensus was reached on…", "did not reach agreement on…": the meeting
        // could not agree, which reports it divided.
        let unreached = ACCORD.contains(&t.word.as_str())
            && (1..=ACCORD_NEGATION_REACH).any(|d| {
                i >= d
                    && tokens[i - d].clause == t.clause
                    && matches!(tokens[i - d].word.as_str(), "no" | "not" | "without")
            });
        let about = || {
            keys.iter()
                .any(|&k| tokens[k].clause == t.clause || tokens[k].clause == t.clause + 1)
        };
        ((divided || parting || unreached) && about())
            .then(|| shown(tokens, i.saturating_sub(1), 2))
    });
    reported.or_else(|| {
        // "Some members argued X should be permitted, while others contended it should
        // be prohibited": both sides reported, about the terms named between them.
        let (some, others) = sides(tokens)?;
        let (from, to) = (tokens[some].clause, tokens[others].clause);
        keys.iter()
            .any(|&k| (from..=to).contains(&tokens[k].clause))
            .then(|| format!("some … {}", tokens[others].word))
    })
}

/// A verb of preference ("prefer", "preferred", "preferable") and the "over" after it
/// in its clause, within the clauses `scope`: the positions of both.
fn preference_over(tokens: &[Token], scope: &[usize]) -> Option<(usize, usize)> {
    tokens.iter().enumerate().find_map(|(at, t)| {
        if t.stem != "prefer" || !scope.contains(&t.clause) {
            return None;
        }
        let over = tokens[at + 1..]
            .iter()
            .take_while(|u| u.clause == t.clause)
            .position(|u| u.word == "over")?;
        Some((at, at + 1 + over))
    })
}

/// Read the position of `text` toward the proposition named by `key_terms`
/// (content words of a topic or of a theme's title), scoping negation/opposition cues
/// to the clause that carries those terms.
///
/// Key terms are matched on stems and may be phrases ("internet governance forum").
/// When no key term occurs (a paraphrase), the whole text is the scope.
pub fn read(text: &str, key_terms: &[String]) -> Reading {
    Prepared::new(text).read(key_terms)
}

/// A text split once into words and clauses, to be read toward several propositions
/// (a statement toward its own theme and the themes it may state too), with what can be
/// known of it before any proposition: whether it takes a position at all, and whether
/// it could oppose anything.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    text: &'a str,
    /// A heading or a question put: it takes no position toward anything.
    positionless: bool,
    /// See [`Prepared::can_withhold_support`].
    can_withhold_support: bool,
    tokens: Vec<Token>,
    /// The tokens' stems, sorted and deduplicated once: every cue list is looked up in
    /// them before it is scanned for, on every reading of the text.
    stems: Vec<String>,
}

impl<'a> Prepared<'a> {
    /// Split `text` for reading.
    pub fn new(text: &'a str) -> Self {
        // "Avoiding Internet Fragmentation" names a section, "Should the Forum become
        // permanent?" puts a question: neither takes a position.
        let positionless = is_heading(text) || crate::corpus::is_question(text);
        let tokens = if positionless {
            Vec::new()
        } else {
            tokenize(text)
        };
        let mut stems: Vec<String> = tokens.iter().map(|t| t.stem.clone()).collect();
        stems.sort_unstable();
        stems.dedup();
        let can_withhold_support = lexicon().could_withhold_support(&tokens, &stems);
        Prepared {
            text,
            positionless,
            can_withhold_support,
            tokens,
            stems,
        }
    }

    /// Whether some proposition could be read as opposed or divided by this text, or as
    /// one person's view of it: false when none of its words opens an opposition, a
    /// negation, an alternative or a division, or sets a minority apart, so every reading
    /// of it is support or a plain neutral one.
    pub fn can_withhold_support(&self) -> bool {
        self.can_withhold_support
    }

    /// A heading or a question put, which takes no position toward anything.
    pub fn takes_no_position(&self) -> bool {
        self.positionless
    }

    /// [`read`] on the prepared text.
    pub fn read(&self, key_terms: &[String]) -> Reading {
        self.toward(&Proposition::new(key_terms))
    }

    /// [`read_concepts`] on the prepared text.
    pub fn read_concepts(&self, concepts: &[Vec<String>]) -> Reading {
        self.toward(&Proposition::of_concepts(concepts))
    }

    /// Whether the text names `term` only after "without" ("shared openly, without
    /// charge", "free of charge"): `None` when it does not name it. What follows
    /// "without" is a condition of what a text asks, not something it rejects.
    pub fn names_only_without(&self, term: &str) -> Option<bool> {
        let at = find(&self.tokens, &phrase_stems(term));
        if at.is_empty() {
            return None;
        }
        // The negation nearest the term is the last that governs it.
        Some(at.iter().all(|&k| {
            negations_before(&self.tokens, k, KEY_NEGATION_REACH)
                .last()
                .is_some_and(|&i| self.tokens[i].stem == "without")
        }))
    }

    /// The reading toward a prepared proposition.
    pub fn toward(&self, proposition: &Proposition) -> Reading {
        if self.positionless {
            return Reading {
                position: Position::Neutral,
                conditional: false,
                cue: None,
            };
        }
        read_tokens(self.text, &self.tokens, &self.stems, proposition)
    }
}

/// A proposition's names as stems, prepared once to read many texts toward it.
#[derive(Debug, Clone)]
pub struct Proposition {
    /// Each concept's names, each a sequence of stems.
    named_by: Vec<Vec<Vec<String>>>,
    /// Every name of every concept.
    terms: Vec<Vec<String>>,
}

impl Proposition {
    /// A proposition named by `key_terms`, each a concept of its own.
    pub fn new(key_terms: &[String]) -> Self {
        let concepts: Vec<Vec<String>> = key_terms.iter().map(|t| vec![t.clone()]).collect();
        Self::of_concepts(&concepts)
    }

    /// A proposition whose concepts each have several names.
    pub fn of_concepts(concepts: &[Vec<String>]) -> Self {
        let named_by: Vec<Vec<Vec<String>>> = concepts
            .iter()
            .map(|names| {
                names
                    .iter()
                    .map(|t| phrase_stems(t))
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|names| !names.is_empty())
            .collect();
        let terms = named_by.iter().flatten().cloned().collect();
        Proposition { named_by, terms }
    }
}

/// [`read`] for a proposition whose concepts each have several names (a word and the
/// words that name it in other terms, an acronym and its expansion): whether a text
/// names the proposition is judged concept by concept.
pub fn read_concepts(text: &str, concepts: &[Vec<String>]) -> Reading {
    Prepared::new(text).read_concepts(concepts)
}

/// The reading of `text`, split into `tokens`, toward `proposition`.
fn read_tokens(
    text: &str,
    tokens: &[Token],
    stems: &[String],
    proposition: &Proposition,
) -> Reading {
    let lex = lexicon();
    let (named_by, terms) = (&proposition.named_by, &proposition.terms);
    let mut keys: Vec<usize> = terms.iter().flat_map(|p| find(tokens, p)).collect();
    keys.sort_unstable();
    keys.dedup();
    // "The room was split on whether a permanent mandate…": a report of both sides, for
    // the session a mixed reading, for a theme no support.
    if let Some(cue) = division(tokens, &keys, lex) {
        return Reading {
            position: Position::Neutral,
            conditional: true,
            cue: Some(cue),
        };
    }
    let mut scope: Vec<usize> = keys.iter().map(|&k| tokens[k].clause).collect();
    scope.dedup();
    if scope.is_empty() {
        scope = tokens.iter().map(|t| t.clause).collect();
        scope.dedup();
    }
    // Opposition candidates as (position, cue), strongest kind first.
    let mut opposition: Vec<(usize, String)> = Vec::new();
    // 1. Opposition said outright, in a clause carrying the terms; negated ("we do not
    //    oppose transparency") it accepts what it names.
    let mut support: Vec<(usize, String)> = Vec::new();
    // 0. A vote on a motion that names the terms: defeated, it rejects them whatever
    //    the motion called for; carried, it decides for them.
    match decision(tokens, &scope) {
        Some((at, false, cue)) => opposition.push((at, cue)),
        Some((at, true, cue)) => support.push((at, cue)),
        None => {}
    }
    // Negations spent on a cue, which then negate no key term.
    let mut spent: Vec<usize> = Vec::new();
    // Negated modals that only caution (their "should" supports nothing either).
    let mut cautions: Vec<usize> = Vec::new();
    for (at, len, cue) in cues(tokens, stems, &lex.oppose, &scope) {
        if cautions_about_its_subject(tokens, &keys, at, len) {
            cautions.push(at);
            continue;
        }
        let n = cue_negations_before(tokens, at);
        if n.len() % 2 == 1 {
            support.push((at, format!("{} … {cue}", tokens[n[0]].word)));
            spent.extend(n);
        } else {
            opposition.push((at, cue));
        }
    }
    // 2. Preferring another option over the key terms: "X rather than <key>".
    for (at, len, cue) in cues(tokens, stems, &lex.prefer, &scope) {
        let clause = tokens[at].clause;
        let key_after = keys
            .iter()
            .any(|&k| k >= at + len && tokens[k].clause == clause);
        let key_before = keys.iter().any(|&k| k < at && tokens[k].clause == clause);
        if key_after && !key_before {
            opposition.push((at, cue));
        }
    }
    // 2b. "Prefer X over Y": what comes after "over" is passed over, when the terms
    //     stand after it at least as often as between the verb and it (a theme's terms
    //     often name both options).
    if let Some((at, over)) = preference_over(tokens, &scope) {
        let clause = tokens[at].clause;
        let in_clause = |k: &&usize| tokens[**k].clause == clause;
        let after = keys.iter().filter(in_clause).filter(|&&k| k > over).count();
        let between = keys
            .iter()
            .filter(in_clause)
            .filter(|&&k| k > at && k < over)
            .count();
        if after > 0 && after >= between {
            opposition.push((at, format!("{} … over", tokens[at].word)));
        }
    }
    // 3. A call for something else "instead" (with no "of" naming what it replaces)
    //    rejects the proposition, unless its clause names the proposition itself.
    if let Some((at, cue)) = alternative_called_for(tokens, stems, named_by, &scope, text) {
        opposition.push((at, cue));
    }
    // 3b. Keeping from bringing the proposition about: "avoid creating new global funds".
    for (at, len, cue) in cues(tokens, stems, &lex.preventing, &scope) {
        let act = at + len;
        let brings = tokens
            .get(act)
            .is_some_and(|t| t.clause == tokens[at].clause && lex.bringing_about.contains(&t.stem));
        let named_after = keys
            .iter()
            .any(|&k| k > act && tokens[k].clause == tokens[at].clause);
        if brings && named_after {
            opposition.push((at, format!("{cue} {}", tokens[act].word)));
        }
    }
    // 3c. Refusing to accept what the terms name: "urge States not to sign or ratify the
    //     Convention" rejects it. A call to refrain supports acting against what it
    //     refrains from ("not to impose shutdowns") only when that is the terms' own act.
    for (at, t) in tokens.iter().enumerate() {
        let clause = t.clause;
        if !lex.accepting.contains(&t.stem) || !scope.contains(&clause) {
            continue;
        }
        let Some(neg) = (1..=2)
            .filter_map(|d| at.checked_sub(d))
            .find(|&i| tokens[i].clause == clause && NEGATION.contains(&tokens[i].stem.as_str()))
        else {
            continue;
        };
        // "not to sign", "should not ratify" ask; "have not ratified" reports.
        let asks = tokens.get(neg + 1).is_some_and(|t| t.word == "to")
            || neg
                .checked_sub(1)
                .is_some_and(|p| CALL_MODALS.contains(&tokens[p].word.as_str()));
        let named_after = keys.iter().any(|&k| k > at && tokens[k].clause == clause);
        if asks && named_after {
            opposition.push((neg, format!("{} … {}", tokens[neg].word, t.word)));
        }
    }
    // 4. The proposition creates something new, the text keeps what exists.
    let novel = terms
        .iter()
        .any(|p| p.len() == 1 && lex.novelty.contains(&p[0]));
    if novel {
        opposition.extend(
            cues(tokens, stems, &lex.keep_existing, &scope)
                .into_iter()
                .map(|(at, _, c)| (at, c)),
        );
    }
    // 5. Negation governing a support cue or a key term.
    for (at, len, cue) in support_cues(tokens, stems, &lex.support, &scope) {
        if cautions.contains(&at) {
            continue;
        }
        // "… was recognised as central", "was set out and renewed", "is renewed every five
        // years": a passive with no modal reports what happened or what is, it takes no
        // position ("should be strengthened" does).
        if tokens[at].word.ends_with("ed") && reporting_passive(tokens, at) {
            continue;
        }
        let mut n = cue_negations_before(tokens, at);
        // A negated opinion over the cue's clause counts as one more negation, and the
        // opinion is the cue ("not … think": a stand taken, no gap reported).
        let mut opinion = None;
        if let Some((o, verb)) =
            negated_opinion(tokens, at, &lex.opinion).filter(|(o, _)| !n.contains(o))
        {
            n.insert(0, o);
            spent.push(o);
            opinion = Some(verb);
        }
        // "We would support a regional fund, we just don't want the roaming part": a
        // negated cue whose clause names the terms only in comma parts before the cue's
        // own rejects something else. (Its object follows it: "did not endorse the call,
        // made earlier, for a moratorium" still rejects the moratorium.)
        let clause = tokens[at].clause;
        let part = tokens[at].part;
        let in_clause = |k: &&usize| tokens[**k].clause == clause;
        let named_before = keys
            .iter()
            .filter(in_clause)
            .any(|&k| k < at && tokens[k].part != part);
        let named_from_here = keys
            .iter()
            .filter(in_clause)
            .any(|&k| k > at || tokens[k].part == part);
        let about_another_part = named_before && !named_from_here;
        let precondition = precondition_after(tokens, &keys, at).filter(|_| n.len() % 2 == 1);
        // "…should be freely downloadable, without the need for a data-sharing agreement":
        // what "without" dispenses with, if it names none of the terms, is something else
        // than the proposition (a negated cue elsewhere in its clause still rejects it).
        let dispensed = n.len() == 1
            && tokens[n[0]].stem == "without"
            && !keys.iter().filter(in_clause).any(|&k| k > at);
        if dispensed {
            continue;
        }
        if let Some(u) = precondition {
            let cue = format!("{} … {}", tokens[n[0]].word, tokens[u].word);
            support.push((at, cue));
        } else if n.len() % 2 == 1 && !necessity_after(tokens, at) && !about_another_part {
            // "does not support", but not "not only … should".
            if tokens.get(n[0] + 1).is_none_or(|t| t.word != "only") {
                let cue = match opinion {
                    Some(verb) => format!("{} … {}", tokens[n[0]].word, tokens[verb].word),
                    None => format!("{} … {cue}", tokens[n[0]].word),
                };
                opposition.push((at, cue));
            }
        } else if n.len() >= 2 {
            // "cannot … without a strengthened X": two negations cancel.
            support.push((at, shown(tokens, n[0], at + len - n[0])));
        } else {
            support.push((at, cue));
        }
    }
    for &k in &keys {
        let mut n = negations_before(tokens, k, KEY_NEGATION_REACH);
        n.retain(|i| !spent.contains(i));
        if n.len().is_multiple_of(2) || necessity_after(tokens, k) {
            if !n.is_empty() {
                support.push((k, shown(tokens, n[0], k + 1 - n[0])));
            }
            continue;
        }
        let first = n[0];
        // "not a new forum" negates a thing (contrast: opposition); "not to impose",
        // "do not fragment" negate an act, which a preceding call asks to refrain from.
        let contrast = tokens
            .get(first + 1)
            .is_some_and(|t| matches!(t.word.as_str(), "a" | "an" | "the" | "any"));
        let call = (0..first).rev().filter(|_| !contrast).find(|&i| {
            tokens[i].clause == tokens[k].clause && lex.refrain.contains(&tokens[i].stem)
        });
        match call {
            Some(c) => support.push((
                c,
                format!(
                    "{} … {} {}",
                    tokens[c].word, tokens[first].word, tokens[k].word
                ),
            )),
            None => opposition.push((k, format!("{} … {}", tokens[first].word, tokens[k].word))),
        }
    }
    // A proposal of something new is supported only by a text that speaks of the new
    // thing: a call about other parts of it ("follow-up through WSIS") is no support.
    if novel
        && !tokens
            .iter()
            .any(|t| scope.contains(&t.clause) && lex.novelty.contains(&t.stem))
    {
        support.clear();
    }
    // A third party's stand, reported in a relative clause, is not the text's own.
    let reported = |at: usize| lex.is_stance_verb(&tokens[at]) && others_stand(tokens, &keys, at);
    opposition.retain(|(at, _)| !reported(*at));
    support.retain(|(at, _)| !reported(*at));
    support.sort();
    if let Some((at, cue)) = opposition.first() {
        // "Only 9% of respondents opposed…", "One delegation opposed…": the opposition of
        // a minority of the meeting, which the text sets apart; the meeting was divided.
        if let Some(who) = minority_before(tokens, *at).or_else(|| quoted_speaker(tokens, *at)) {
            return Reading {
                position: Position::Neutral,
                conditional: true,
                cue: Some(format!("{who} … {cue}")),
            };
        }
        // Support in a clause free of opposition: the text says both, a mixed reading.
        let opposed: Vec<usize> = opposition
            .iter()
            .map(|(at, _)| tokens[*at].clause)
            .collect();
        let elsewhere = support
            .iter()
            .any(|(at, _)| !opposed.contains(&tokens[*at].clause));
        return Reading {
            position: Position::Oppose,
            conditional: elsewhere,
            cue: Some(cue.clone()),
        };
    }
    // "Establish a regional data commons…": a text that opens with an imperative and
    // names the proposition asks for it, with no cue word of its own.
    // "The Ministry will publish all gauge records…": a named body's pledge asks for what
    // it names as a call does.
    // Read only when no cue word supports.
    let opening = || {
        if keys.is_empty() {
            None
        } else if crate::corpus::is_imperative_opening(text) {
            tokens.first().map(|t| t.word.clone())
        } else {
            crate::corpus::pledge_opening(text)
        }
    };
    let first_support = support.first().map(|(at, _)| *at);
    let support_cue = support.into_iter().next().map(|(_, c)| c).or_else(opening);
    let Some(cue) = support_cue else {
        return Reading {
            position: Position::Neutral,
            conditional: false,
            cue: None,
        };
    };
    // "One participant suggested that tracking data should be opened", "Mr. Diallo noted
    // that a ban would protect…": one person's view, which the text sets apart from the
    // meeting's; it names the proposition for no session.
    if let Some(who) = first_support
        .and_then(|at| minority_before(tokens, at).or_else(|| quoted_speaker(tokens, at)))
    {
        return Reading {
            position: Position::Neutral,
            conditional: false,
            cue: Some(format!("{who} … {cue}")),
        };
    }
    // A condition, or a reservation in a concessive clause, makes the support conditional.
    let all: Vec<usize> = {
        let mut c: Vec<usize> = tokens.iter().map(|t| t.clause).collect();
        c.dedup();
        c
    };
    let condition = cues(tokens, stems, &lex.condition, &all)
        .into_iter()
        .next()
        .map(|c| c.2);
    // Only a connector that opens its clause concedes: "initiatives, however
    // well-meaning, do not…" reads "however" as "no matter how".
    let reservation = tokens
        .iter()
        .enumerate()
        .filter(|&(i, t)| i == 0 || tokens[i - 1].clause != t.clause)
        .map(|(_, t)| t)
        .filter(|t| CONCESSIVE.contains(&t.word.as_str()))
        .find_map(|t| {
            starts(tokens, RESERVATION, &[t.clause]).map(|r| format!("{} … {r}", t.word))
        });
    let conditional = condition.clone().or(reservation);
    Reading {
        position: Position::Support,
        conditional: conditional.is_some(),
        cue: Some(match conditional {
            Some(c) => format!("{cue}{CONDITION_SEPARATOR}{c}"),
            None => cue,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    fn pos(text: &str, t: &[&str]) -> Position {
        read(text, &terms(t)).position
    }

    #[test]
    fn a_named_bodys_pledge_and_a_request_support_what_they_name() {
        let t = ["meter", "borehole"];
        // Each had been a mention, counting for no session on an invented forum.
        for text in [
            "The Ministry will require a working water meter on every borehole by 2028.",
            "Participants also asked that every borehole get a meter.",
        ] {
            assert_eq!(pos(text, &t), Position::Support, "{text}");
        }
        assert_eq!(
            pos("Metering will increase costs for every borehole owner.", &t),
            Position::Neutral
        );
    }

    #[test]
    fn the_modal_of_an_indirect_question_supports_nothing() {
        let t = ["tide", "data", "public"];
        // Counted as support for an open-data theme on an invented forum.
        assert_eq!(
            pos(
                "The moderator asked participants whether tide data should be made public.",
                &t
            ),
            Position::Neutral
        );
        assert_eq!(
            pos(
                "Members asked who should pay, and agreed that tide data should be public.",
                &t
            ),
            Position::Support
        );
    }

    #[test]
    fn what_without_dispenses_with_is_rejected_only_if_it_is_the_proposition() {
        // "without the need for a … agreement" had rejected open records: the negated
        // "need" dispenses with the agreement, which names none of the terms.
        let text = "Tide records should be freely downloadable by anyone, without the need for a \
                    licensing agreement.";
        // A theme named by words the text does not use ("open", "free") is read in
        // every clause of it.
        assert_eq!(pos(text, &["open", "free"]), Position::Support);
        assert_eq!(pos(text, &["licensing", "agreement"]), Position::Oppose);
        // "Free of" is a bare negation as "without" is: in a report it names a condition
        // of what is done, and rejects nothing.
        let report = "The ministry publishes its tide records free of charge.";
        let reading = read(report, &terms(&["charge"]));
        assert_eq!(reading.position, Position::Oppose);
        assert_eq!(reading.in_a_report(false).position, Position::Neutral);
    }

    #[test]
    fn a_text_that_cannot_withhold_support_never_reads_as_opposed_divided_or_a_minoritys() {
        let texts = [
            "Ports should publish tide data every month.",
            "We oppose a tide levy.",
            "Ports do not need a tide levy.",
            "Fund dredging rather than a tide levy.",
            "Fund dredging instead.",
            "Avoid creating a tide levy.",
            "Keep the existing harbour fund.",
            "The room was split on a tide levy.",
            "A tide levy is sufficient.",
            "The tide levy pays for harbour repairs.",
            "One participant suggested a tide levy.",
            "Mr. Diallo noted that a tide levy would fund dredging.",
            "Prefer harbour dues over a tide levy.",
            "No consensus was reached on a tide levy.",
            "Tide data must stay free of any levy.",
        ];
        let propositions = [
            vec!["tide".to_string(), "levy".to_string()],
            vec!["new".to_string(), "fund".to_string()],
            vec!["dredging".to_string()],
        ];
        let mut dissenting = 0;
        for text in texts {
            let prepared = Prepared::new(text);
            for terms in &propositions {
                let r = prepared.read(terms);
                if r.position == Position::Oppose || r.is_divided() || r.is_minority_view() {
                    dissenting += 1;
                    assert!(
                        prepared.can_withhold_support(),
                        "{text} toward {terms:?}: {r:?}"
                    );
                }
            }
            assert_eq!(
                prepared.read(&propositions[0]),
                read(text, &propositions[0])
            );
        }
        assert!(dissenting >= 7, "the texts dissent: {dissenting}");
        assert!(!Prepared::new(texts[0]).can_withhold_support());
    }

    #[test]
    fn a_minoritys_opposition_reports_a_divided_meeting() {
        let t = ["tide", "levy"];
        for text in [
            "Only 9% of respondents opposed a tide levy.",
            "Of those asked, 24% disagreed with a tide levy.",
            "A tide levy for every port (strong support in the room, some doubt about costs)",
            "There was some doubt about the tide levy.",
            "24 per cent of participants opposed the tide levy.",
            "A minority (18%) opposed the tide levy.",
            "One delegation opposed the tide levy, arguing that ports would pay twice.",
        ] {
            let r = read(text, &terms(&t));
            assert!(r.is_divided(), "{text}: {r:?}");
        }
        // "Not only" sets nobody apart.
        assert!(!read("Not only a tide levy, but dredging too.", &terms(&t)).is_divided());
        // Several, or the meeting itself, oppose outright.
        for text in [
            "Several participants opposed the tide levy.",
            "The session opposed the tide levy; only ports should decide.",
        ] {
            assert_eq!(pos(text, &t), Position::Oppose, "{text}");
        }
    }

    #[test]
    fn preferring_another_option_over_the_proposal_opposes_it() {
        let t = ["mandatory", "tide", "levy"];
        let r = read(
            "Prefer a voluntary harbour code over a mandatory tide levy, which would delay repairs.",
            &terms(&t),
        );
        assert_eq!(r.position, Position::Oppose, "{r:?}");
        assert_eq!(r.cue.as_deref(), Some("prefer … over"));
        // With the terms on both sides, the text still passes over what follows "over".
        assert_eq!(
            pos(
                "Prefer a voluntary code on tide alerts over mandatory tide alert rules.",
                &["tide", "alerts"]
            ),
            Position::Oppose
        );
        // Preferring the proposal itself over something else is no opposition.
        assert_ne!(
            pos(
                "We prefer a mandatory tide levy over voluntary harbour dues.",
                &t
            ),
            Position::Oppose
        );
    }

    #[test]
    fn a_negation_after_the_terms_in_a_comma_part_of_its_own_rejects_something_else() {
        let t = ["tide", "levy"];
        assert_eq!(
            pos(
                "We would support a tide levy, we just don't want the dredging part.",
                &t
            ),
            Position::Support
        );
        // The object of a negated cue follows it, past a comma.
        assert_eq!(
            pos(
                "The ministers did not endorse the call, made earlier, for a tide levy.",
                &t
            ),
            Position::Oppose
        );
    }

    #[test]
    fn a_meeting_that_reached_no_consensus_is_divided() {
        let t = ["tide", "levy"];
        for text in [
            "No consensus was reached on a tide levy.",
            "Takes note of the proposal for a tide levy, on which no consensus was reached.",
            "The session did not reach agreement on a tide levy: some ports were in favour, others against.",
        ] {
            let r = read(text, &terms(&t));
            assert!(r.is_divided(), "{text}: {r:?}");
        }
    }

    #[test]
    fn free_of_a_thing_is_without_it_and_an_agreement_that_a_thing_be_done_supports_it() {
        let t = ["harbour", "charges"];
        assert_eq!(
            pos(
                "Tide data remains free of harbour charges for every user.",
                &t
            ),
            Position::Oppose
        );
        assert_eq!(
            pos(
                "The ministers agree that harbour charges fund the repairs.",
                &t
            ),
            Position::Support
        );
    }

    #[test]
    fn a_noun_made_from_a_call_verb_names_a_thing_and_supports_nothing() {
        for (text, t) in [
            (
                "Draft recommendations were read out and amended in the closing hour.",
                ["draft", "minutes"],
            ),
            (
                "The data protection authorities of four states attended.",
                ["data", "authorities"],
            ),
        ] {
            let r = read(text, &terms(&t));
            assert_eq!(r.position, Position::Neutral, "{text}: {r:?}");
            assert_eq!(r.cue, None, "{text}");
        }
        // The verbs themselves still call for what they name.
        for text in [
            "We recommend circulating the draft minutes.",
            "Regulators should protect the draft minutes.",
        ] {
            assert_eq!(
                pos(text, &["draft", "minutes"]),
                Position::Support,
                "{text}"
            );
        }
    }

    #[test]
    fn asking_for_a_proposal_or_voting_in_favour_supports_it() {
        let t = ["tide", "gauges"];
        for text in [
            "Respondents also asked for more tide gauges in small harbours.",
            "A clear majority of ports were in favour of shared tide gauges.",
        ] {
            assert_eq!(pos(text, &t), Position::Support, "{text}");
        }
        // The noun names a proposal, it does not make one.
        assert_eq!(
            pos("Takes note of the proposal for tide gauges.", &t),
            Position::Neutral
        );
    }

    #[test]
    fn a_meeting_reported_divided_takes_no_side_and_its_session_is_mixed() {
        let t = ["tide", "levy"];
        for text in [
            "The room was split on whether a tide levy is the right instrument.",
            "Respondents were evenly divided on a tide levy (41% for, 39% against).",
            "Views diverged on a tide levy: some ports wanted it, while others warned of costs.",
            "Some members argued a tide levy should be permitted, while others contended it \
             should be prohibited.",
            "Some participants supported the tide levy; others preferred harbour dues.",
        ] {
            let r = read(text, &terms(&t));
            assert!(r.is_divided(), "{text}: {r:?}");
            assert_eq!(aggregate(&[r]), SessionStance::Mixed, "{text}");
        }
        // A levy to be split among ports, or divided views on something else, is no division.
        for text in [
            "The tide levy should be split among the harbours that collect it.",
            "Ports support a tide levy, although views diverged on dredging.",
            // Some ports and other ports are no sides of the meeting.
            "Some ports have adopted a tide levy while others have not.",
        ] {
            assert!(!read(text, &terms(&t)).is_divided(), "{text}");
        }
    }

    #[test]
    fn a_motion_voted_down_rejects_what_it_asks_for() {
        let t = ["tide", "levy"];
        let motion = read("MOTION: That the Board recommend a tide levy.", &terms(&t));
        assert_eq!(motion.position, Position::Support);
        let refused = motion.clone().after_vote(true);
        assert_eq!(refused.position, Position::Oppose);
        assert_eq!(refused.cue.as_deref(), Some("motion defeated"));
        assert_eq!(motion.clone().after_vote(false), motion);
        // A motion against the levy, voted down, leaves the meeting on no side.
        let against = read("MOTION: That the Board oppose a tide levy.", &terms(&t));
        assert_eq!(against.position, Position::Oppose);
        assert_eq!(against.after_vote(true).position, Position::Neutral);
    }

    #[test]
    fn a_vote_on_a_motion_decides_what_it_names_whatever_the_motion_called_for() {
        let t = ["tide", "levy"];
        for text in [
            "A motion calling for a tide levy was defeated by 12 votes to 30.",
            "The motion to introduce a tide levy was voted down.",
            "The proposal for a tide levy was not adopted.",
            "The amendment establishing a tide levy failed to pass.",
        ] {
            let r = read(text, &terms(&t));
            assert_eq!(r.position, Position::Oppose, "{text}: {r:?}");
            assert!(Prepared::new(text).can_withhold_support(), "{text}");
        }
        for text in [
            "The motion to introduce a tide levy was carried.",
            "The recommendation on a tide levy was agreed by consensus.",
        ] {
            assert_eq!(pos(text, &t), Position::Support, "{text}");
        }
        // Recommendations that "failed to" act were judged, not voted on.
        let judged = "Earlier recommendations failed to set a tide levy.";
        assert_ne!(pos(judged, &t), Position::Oppose);
    }

    #[test]
    fn a_share_under_half_of_those_asked_takes_its_side_for_no_session() {
        let t = ["tide", "levy"];
        let minority = read(
            "41% of respondents were in favour of a tide levy.",
            &terms(&t),
        );
        assert!(minority.is_minority_view(), "{minority:?}");
        assert_eq!(minority.cue.as_deref(), Some("41% … in favour"));
        // A majority speaks for those asked; an amount or a target sets nobody apart.
        for text in [
            "68% of respondents agreed that a tide levy should be introduced.",
            "By 2030, 40% of vessels should pay a tide levy.",
            "Ports should cut fees by 30% and introduce a tide levy.",
        ] {
            assert_eq!(pos(text, &t), Position::Support, "{text}");
        }
    }

    #[test]
    fn a_position_verb_turned_against_a_proposal_opposes_it() {
        let t = ["tide", "levy"];
        for text in [
            "The panel recommended against a tide levy.",
            "Experts advised against introducing a tide levy.",
            "Delegates voted against the tide levy.",
        ] {
            assert_eq!(pos(text, &t), Position::Oppose, "{text}");
        }
        // "Against" that guards against something else leaves the call a call.
        let guard = "The panel recommended a tide levy to guard against flooding.";
        assert_eq!(pos(guard, &t), Position::Support);
    }

    #[test]
    fn a_caution_about_what_a_proposal_leads_to_does_not_reject_it() {
        let t = ["permanent", "mandate"];
        assert_eq!(
            pos(
                "Some participants cautioned that a permanent mandate should not turn the Forum into a negotiating body.",
                &t
            ),
            Position::Neutral
        );
        for rejects in [
            "A permanent mandate should not be granted at this stage.",
            "The mandate should not become permanent.",
            "The current mandate must not continue.",
        ] {
            assert_eq!(pos(rejects, &t), Position::Oppose, "{rejects}");
        }
    }

    #[test]
    fn an_imperative_that_names_the_proposition_supports_it() {
        let t = ["regional data commons"];
        // Read as a mere mention before: no cue word of its own.
        let r = read(
            "Establish a regional data commons governed jointly by statistics offices.",
            &terms(&t),
        );
        assert_eq!(
            (r.position, r.cue.as_deref()),
            (Position::Support, Some("establish"))
        );
        // Not without the proposition, and never over an objection.
        assert_eq!(
            pos("Establish tide sensors in small ports.", &t),
            Position::Neutral
        );
        assert_eq!(
            pos("Establish no regional data commons before the audit.", &t),
            Position::Oppose
        );
    }

    #[test]
    fn a_call_about_the_terms_is_support_and_shows_its_cue() {
        let r = read(
            "The IGF mandate should be made permanent.",
            &terms(&["igf", "mandate"]),
        );
        assert_eq!(r.position, Position::Support);
        assert_eq!(r.cue.as_deref(), Some("should"));
        assert!(!r.conditional);
    }

    #[test]
    fn doubt_about_a_proposal_others_made_is_oppose() {
        let t = ["tide data registry"];
        // Read as support before: "suggestions" and "should" were the text's own cues.
        let r = read(
            "We are unconvinced by suggestions that a tide data registry should be created.",
            &terms(&t),
        );
        assert_eq!(
            (r.position, r.cue.as_deref()),
            (Position::Oppose, Some("unconvinced"))
        );
        assert_eq!(
            pos(
                "We remain sceptical that a tide data registry is needed.",
                &t
            ),
            Position::Oppose
        );
        assert_eq!(
            pos(
                "We are not convinced that a tide data registry would help.",
                &t
            ),
            Position::Oppose
        );
        // No doubt is no objection.
        assert_eq!(
            pos(
                "There is no doubt that a tide data registry should be built.",
                &t
            ),
            Position::Support
        );
    }

    #[test]
    fn outright_opposition_in_the_key_clause_is_oppose() {
        let r = read(
            "We oppose making the IGF mandate permanent; a five-year renewal is enough.",
            &terms(&["igf", "mandate", "permanent"]),
        );
        assert_eq!(r.position, Position::Oppose);
        assert_eq!(r.cue.as_deref(), Some("oppose"));
        assert_eq!(
            pos(
                "A permanent mandate for the IGF would be premature.",
                &["igf", "mandate"]
            ),
            Position::Oppose
        );
    }

    #[test]
    fn an_encouraged_act_done_without_duplication_is_support() {
        // The synthetic 10,000-statement corpus read "encouraged to fund X without
        // duplicating existing processes" as dissent from a theme keyed on "duplicating".
        assert_eq!(
            pos(
                "Donors are encouraged to fund tide data without duplicating existing processes.",
                &["tide", "duplicating"]
            ),
            Position::Support
        );
    }

    #[test]
    fn a_negated_opinion_negates_the_clause_it_governs() {
        let t = ["permanent"];
        for text in [
            "I don't think the forum should be made permanent, it needs reform first.",
            "We do not believe that a permanent secretariat is needed.",
            "The council did not agree that the forum should become permanent.",
        ] {
            let r = read(text, &terms(&t));
            assert_eq!(r.position, Position::Oppose, "{text}: {:?}", r.cue);
        }
        // Not negated, or not only: support.
        for text in [
            "We think the forum should be made permanent.",
            "Not only do we think the forum should be permanent, we will fund it.",
        ] {
            assert_eq!(pos(text, &t), Position::Support, "{text}");
        }
    }

    #[test]
    fn negated_opposition_is_no_opposition() {
        let t = &["transparency"];
        assert_eq!(pos("We do not oppose transparency.", t), Position::Support);
        assert_eq!(pos("We never rejected transparency.", t), Position::Support);
        assert_eq!(pos("We oppose transparency.", t), Position::Oppose);
    }

    #[test]
    fn a_negation_that_has_its_word_before_a_comma_leaves_the_cue_after_it() {
        let t = &["universal service", "community networks"];
        // "Not unanimous" is still support; the supporter had been read as the dissent.
        assert_eq!(
            pos(
                "The Chair noted broad, though not unanimous, support for earmarking universal \
                 service funds for community networks.",
                t
            ),
            Position::Support
        );
        // A negation right before the comma still governs the cue after a short insert.
        assert_eq!(
            pos(
                "The meeting did not, finally, support earmarking universal service funds \
                 for community networks.",
                t
            ),
            Position::Oppose
        );
    }

    #[test]
    fn calling_a_proposal_into_question_or_not_sharing_a_view_opposes_it() {
        let t = &["permanent", "forum"];
        for text in [
            "Several participants questioned the proposal to make the forum permanent.",
            "We do not share the view that a permanent forum would strengthen cooperation.",
        ] {
            assert_eq!(pos(text, t), Position::Oppose, "{text}");
        }
        // "The question of" names a topic and takes no side against it.
        assert_ne!(
            pos(
                "The question of a permanent forum should be settled this year.",
                t
            ),
            Position::Oppose
        );
    }

    #[test]
    fn a_present_passive_states_a_fact_unless_it_asks() {
        let t = &["mandate", "forum"];
        // The status quo had counted as support for changing it.
        assert_eq!(
            pos("The mandate of the forum is renewed every five years.", t),
            Position::Neutral
        );
        for text in [
            "A longer mandate for the forum is needed.",
            "A permanent mandate for the forum is strongly encouraged.",
            "The mandate of the forum should be renewed every five years.",
        ] {
            assert_eq!(pos(text, t), Position::Support, "{text}");
        }
    }

    #[test]
    fn keeping_from_bringing_a_proposal_about_opposes_it_and_preventing_a_harm_does_not() {
        for (text, t) in [
            (
                "Avoid creating new global funds for community networks.",
                &["global funds", "community networks"][..],
            ),
            (
                "Speakers cautioned against making impact assessments mandatory for every app.",
                &["impact assessments", "mandatory"][..],
            ),
        ] {
            assert_eq!(pos(text, t), Position::Oppose, "{text}");
        }
        for (text, t) in [
            (
                "Avoid fragmentation of the internet.",
                &["fragmentation"][..],
            ),
            (
                "States should refrain from imposing shutdowns.",
                &["shutdowns"][..],
            ),
        ] {
            assert_eq!(pos(text, t), Position::Support, "{text}");
        }
    }

    #[test]
    fn negation_in_another_clause_does_not_flip() {
        // The "not" belongs to the clause about the budget, not to the one about the IGF.
        assert_eq!(
            pos(
                "The budget was not discussed; the IGF should be strengthened.",
                &["igf"]
            ),
            Position::Support
        );
        // The same negation inside the key clause does flip.
        assert_eq!(
            pos("The IGF should not be strengthened.", &["igf"]),
            Position::Oppose
        );
    }

    #[test]
    fn a_negated_key_term_is_opposition_and_a_double_negation_is_support() {
        assert_eq!(
            pos(
                "Follow-up should use existing bodies, not a new forum.",
                &["forum"]
            ),
            Position::Oppose
        );
        assert_eq!(
            pos(
                "We cannot have an open internet without a strengthened IGF.",
                &["igf"]
            ),
            Position::Support
        );
        // The terms between the negation and its "without" are not rejected either.
        assert_eq!(
            pos(
                "We can't discuss the internet we want without a strengthened IGF.",
                &["discussion", "igf"]
            ),
            Position::Support
        );
        assert_eq!(
            pos("We do not want a new forum.", &["forum"]),
            Position::Oppose
        );
        // A call to refrain from what the terms name supports acting against it.
        let r = read(
            "States should ensure that they do not impose internet shutdowns.",
            &terms(&["shutdowns"]),
        );
        assert_eq!(r.position, Position::Support, "{r:?}");
    }

    #[test]
    fn rather_than_rejects_what_follows_it_only() {
        let t = "Countries should strengthen the IGF rather than create a new body.";
        assert_eq!(pos(t, &["igf"]), Position::Support);
        assert_eq!(pos(t, &["new", "body"]), Position::Oppose);
    }

    #[test]
    fn a_call_for_something_else_instead_rejects_the_proposition_it_does_not_name() {
        let keys = ["permanent", "review", "mandate"];
        let t = "We propose that the Forum's mandate be renewed for five years instead, \
                 with a review before any decision on permanence.";
        let r = read(t, &terms(&keys));
        assert_eq!(r.position, Position::Oppose, "{r:?}");
        assert_eq!(r.cue.as_deref(), Some("instead"));
        let r = read(
            "Instead, we recommend a five-year renewal of the current mandate.",
            &terms(&keys),
        );
        assert_eq!(
            (r.position, r.conditional),
            (Position::Oppose, false),
            "{r:?}"
        );
        // The alternative is the proposition itself.
        let t = "The mandate should instead be made permanent, with a periodic review.";
        assert_eq!(pos(t, &keys), Position::Support);
        // An acronym and its expansion name one concept.
        let igf = vec![
            vec!["strengthening".to_string()],
            vec!["igf".to_string(), "internet governance forum".to_string()],
        ];
        let r = read_concepts("Instead, the IGF should be strengthened.", &igf);
        assert_eq!(r.position, Position::Support, "{r:?}");
        // "instead" in a description asks for nothing.
        let t = "Many delegations instead read the mandate on their phones.";
        assert_eq!(pos(t, &keys), Position::Neutral);
    }

    #[test]
    fn a_call_not_to_ratify_rejects_the_instrument_and_a_report_of_who_has_not_does_not() {
        let keys = ["treaty", "fisheries"];
        let t = "We urge the island states not to sign or ratify the regional fisheries \
                 treaty until it protects small-scale fishers.";
        let r = read(t, &terms(&keys));
        assert_eq!(r.position, Position::Oppose, "{r:?}");
        assert_eq!(r.cue.as_deref(), Some("not … sign"));
        let t = "Parliaments should not ratify the fisheries treaty in its present form.";
        assert_eq!(pos(t, &keys), Position::Oppose);
        // A report of who has not ratified is no refusal to ratify.
        let t = "The regional fisheries treaty, which three states have not ratified, \
                 should be ratified by all.";
        assert_eq!(pos(t, &keys), Position::Support);
        // Refraining from the harm the terms name still supports acting against it.
        let t = "We urge the island states not to impose fishing bans on the treaty area.";
        assert_eq!(pos(t, &["fishing", "bans"]), Position::Support);
    }

    #[test]
    fn words_quoted_from_one_speaker_are_that_speakers_and_a_meetings_own_are_its() {
        let keys = ["fisheries", "treaty"];
        let t = "Opening the session, the Minister of Marine Resources said the government \
                 “welcomes the fisheries treaty and will ratify it this year”.";
        let r = read(t, &terms(&keys));
        assert_eq!(r.position, Position::Neutral, "{r:?}");
        assert_eq!(r.cue.as_deref(), Some("said … welcomes"));
        let t = "“We must welcome the fisheries treaty,” participants said.";
        assert_eq!(pos(t, &keys), Position::Support);
        // Quoted words with no one reported as saying them are the text's own.
        let t = "The session's message was clear: “welcome the fisheries treaty”.";
        assert_eq!(pos(t, &keys), Position::Support);
    }

    #[test]
    fn an_alternative_to_an_act_already_rejected_does_not_reject_the_proposition() {
        // The alternative replaces the disruptions the call refrains from; the call to
        // refrain from what the terms name supports acting against it.
        let keys = ["shutdowns", "examinations"];
        let t = "Urges governments to refrain from shutdowns during national examinations, \
                 and to use targeted measures against the leaking of examinations papers instead;";
        let r = read(t, &terms(&keys));
        assert_ne!(r.position, Position::Oppose, "{r:?}");
        let t = "Governments should avoid shutdowns during examinations and secure the \
                 examinations papers instead.";
        assert_ne!(pos(t, &keys), Position::Oppose);
        // With nothing rejected before it, the alternative still rejects.
        let t = "Governments should secure the examinations papers instead.";
        assert_eq!(pos(t, &keys), Position::Oppose);
    }

    #[test]
    fn a_question_takes_no_side_and_a_reported_inability_is_a_gap() {
        let r = read(
            "Should the Forum become permanent?",
            &terms(&["permanent", "forum"]),
        );
        assert_eq!(r.position, Position::Neutral, "{r:?}");
        // "cannot" before a term reports a gap, as "not" does: an observation saying so
        // does not reject a theme about it (`rank.rs` reads only calls as rejecting then).
        let r = read(
            "People cannot reach emergency services.",
            &terms(&["emergency", "services"]),
        );
        assert_eq!(r.position, Position::Oppose, "{r:?}");
        assert!(r.is_bare_negation(), "{r:?}");
    }

    #[test]
    fn a_decimal_number_ends_no_clause() {
        // "3.5" had split the clause: the negation stood apart from the key terms after it.
        let t = "The session did not support the proposal to reserve 3.5 GHz spectrum for \
                 community networks.";
        let r = read(t, &terms(&["spectrum", "community", "networks"]));
        assert_eq!(r.position, Position::Oppose, "{r:?}");
    }

    #[test]
    fn keeping_what_exists_opposes_a_new_proposal_only() {
        let t = "Follow-up should build on existing mechanisms to avoid duplication.";
        assert_eq!(pos(t, &["new", "follow-up", "mechanism"]), Position::Oppose);
        assert_eq!(pos(t, &["follow-up", "mechanism"]), Position::Support);
    }

    #[test]
    fn a_condition_makes_support_conditional() {
        let r = read(
            "We support a permanent IGF mandate, provided that its funding is secured.",
            &terms(&["igf", "mandate"]),
        );
        assert_eq!(r.position, Position::Support);
        assert!(r.conditional);
        let r = read(
            "We welcome the new forum, but concerns remain about its cost.",
            &terms(&["forum"]),
        );
        assert!(r.conditional, "{r:?}");
    }

    #[test]
    fn a_description_is_neutral() {
        let r = read("The IGF took place in Kyoto in October.", &terms(&["igf"]));
        assert_eq!(r.position, Position::Neutral);
        assert_eq!(r.cue, None);
    }

    #[test]
    fn sessions_aggregate_to_one_stance() {
        let s = |p| Reading {
            position: p,
            conditional: false,
            cue: None,
        };
        assert_eq!(aggregate(&[]), SessionStance::Silent);
        assert_eq!(aggregate(&[s(Position::Neutral)]), SessionStance::Neutral);
        assert_eq!(
            aggregate(&[s(Position::Support), s(Position::Neutral)]),
            SessionStance::Support
        );
        assert_eq!(aggregate(&[s(Position::Oppose)]), SessionStance::Oppose);
        assert_eq!(
            aggregate(&[s(Position::Support), s(Position::Oppose)]),
            SessionStance::Mixed
        );
        let mut c = s(Position::Support);
        c.conditional = true;
        assert_eq!(aggregate(&[c]), SessionStance::Mixed);
    }

    #[test]
    fn a_call_not_to_act_supports_a_prohibition_and_opposes_the_act() {
        let text = "Employers should not be permitted to use emotion recognition on workers.";
        let reading = read(text, &terms(&["emotion", "recognition"]));
        assert!(reading.is_negated_call(), "{reading:?}");
        assert_eq!(
            reading.clone().toward_prohibition(true).position,
            Position::Support
        );
        assert_eq!(reading.toward_prohibition(false).position, Position::Oppose);
        assert!(prohibits("a moratorium on emotion recognition at work"));
        assert_eq!(
            prohibition_cue("Bottom trawling should be prohibited near the coast.").as_deref(),
            Some("prohibited")
        );
        assert_eq!(prohibition_cue("Ports should publish tide data."), None);
        // Stopping what goes on is a prohibition's call, not its name.
        assert_eq!(
            prohibition_cue("Plants would lose income if trawling stopped abruptly."),
            None
        );
    }

    #[test]
    fn a_bare_negation_in_a_report_describes_a_gap_and_in_a_call_rejects() {
        let key = terms(&["open-source", "maintainer"]);
        let gap = read(
            "Most councils rely on open-source components that have no paid maintainer.",
            &key,
        );
        assert_eq!(gap.position, Position::Oppose, "{gap:?}");
        assert_eq!(gap.clone().in_a_report(false).position, Position::Neutral);
        assert_eq!(gap.in_a_report(true).position, Position::Oppose);
        let stand = read(
            "We do not support paid maintainers for open-source components.",
            &key,
        );
        assert_eq!(stand.in_a_report(false).position, Position::Oppose);
    }

    #[test]
    fn a_hyphenated_compound_is_named_when_written_open() {
        let w =
            Words::new("The countries should adopt a common protocol for sharing fisheries data.");
        assert!(w.mentions("data-sharing"));
        assert!(
            !w.mentions("data sharing"),
            "an open phrase keeps its order"
        );
        let far = Words::new("Data on catches, which ministries keep, is rarely sharing-ready.");
        assert!(!far.mentions("data-sharing"), "parts too far apart");
        let apart = Words::new("Share the results; data stay local.");
        assert!(!apart.mentions("data-sharing"), "parts in two clauses");
    }

    #[test]
    fn one_persons_stand_is_not_the_meetings() {
        let key = terms(&["ban", "trawling"]);
        for text in [
            "Mr. Diallo noted that a ban on trawling would protect the nets of canoe fishers.",
            "One participant suggested that a ban on trawling should be considered.",
        ] {
            let reading = read(text, &key);
            assert!(reading.is_minority_view(), "{text}: {reading:?}");
            assert!(!reading.is_divided(), "{text}");
        }
        let meeting = read("Participants called for a ban on trawling.", &key);
        assert_eq!(meeting.position, Position::Support);
        assert!(!meeting.is_minority_view());
    }

    #[test]
    fn a_stand_a_relative_clause_gives_a_third_party_is_not_the_texts() {
        let key = terms(&["grants", "cool roofs"]);
        // Others' opposition, reported: the text's own call still stands, or it is a mention.
        for (text, want) in [
            (
                "We call for grants for cool roofs, an idea that landlords' associations strongly oppose.",
                Position::Support,
            ),
            (
                "Grants for cool roofs, which landlords oppose, were discussed.",
                Position::Neutral,
            ),
            (
                "Grants for cool roofs, which landlords support, were discussed.",
                Position::Neutral,
            ),
        ] {
            assert_eq!(read(text, &key).position, want, "{text}");
        }
        // The author's or the meeting's own clause, and a clause with its object after
        // the verb, keep their stand.
        for text in [
            "Grants for cool roofs, which we oppose, were proposed.",
            "Grants for cool roofs, which participants rejected, were proposed.",
            "We oppose the grants for cool roofs that the council proposed.",
        ] {
            assert_eq!(read(text, &key).position, Position::Oppose, "{text}");
        }
        let prepared =
            Prepared::new("Grants for cool roofs, which landlords support, were discussed.");
        assert!(
            prepared.can_withhold_support(),
            "a third party's support is no support"
        );
    }

    #[test]
    fn no_one_acting_until_the_terms_asks_for_them_and_a_no_call_agrees_with_a_ban() {
        // A precondition: the committee asked for the assessments, it had dissented.
        let key = terms(&["impact assessment", "harbour cameras"]);
        let r = read(
            "No port should buy or install harbour cameras until an impact assessment has been published.",
            &key,
        );
        assert_eq!(r.position, Position::Support, "{r:?}");
        let r = read(
            "No port should be forced to run an impact assessment.",
            &key,
        );
        assert_eq!(r.position, Position::Oppose, "{r:?}");
        // "No vessel should be tracked by…" asks what a ban asks.
        let ban = terms(&["ban", "vessel tracking"]);
        let r = read(
            "The assembly resolved that no vessel should be subject to vessel tracking by drones.",
            &ban,
        );
        assert!(r.is_negated_call(), "{r:?}");
        assert_eq!(r.toward_prohibition(true).position, Position::Support);
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in [
            "",
            "n't",
            "—",
            "not",
            "’s",
            "rather than",
            "IGF IGF not not not",
        ] {
            let _ = read(t, &terms(&["igf", ""]));
            let _ = read(t, &[]);
        }
    }
}
