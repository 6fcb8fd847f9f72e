//! Reading outcome documents into sessions and statements.
//!
//! `load` walks the given paths, reads each file (plain text or Markdown in
//! UTF-8, UTF-16 or Windows-1252; .docx; .html; .pdf) into the same
//! Markdown-ish text, and `outline`s it into a
//! [`Session`] with its [`Statement`]s. Files that cannot be read are kept as
//! [`Skipped`] entries so the digest can say what was left out.

mod boilerplate;
mod claims;
mod decode;
mod docx;
mod html;
mod kind;
mod language;
mod outline;
mod pdf;
mod prose;
mod read;
mod template;
mod unit;

pub use kind::classify;
pub(crate) use kind::{
    in_indirect_question, is_gerund, is_imperative_opening, is_question, pledge_opening,
};
pub use outline::outline;
pub use outline::{MAX_STATEMENTS_PER_SESSION, MAX_STATEMENT_CHARS};
pub use read::{load, read_document, DocMeta, Document, MAX_FILE_BYTES, SUPPORTED_EXTENSIONS};
pub(crate) use template::{MOTIONS, MOTION_CARRIED, MOTION_DEFEATED};
pub(crate) use unit::HONORIFICS;
pub use unit::{classify_unit, Listing, Position, UnitClass};

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Which part of an outcome document a statement comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// "Key Issues discussed".
    Issues,
    /// "Tangible Outcomes".
    Outcomes,
    /// "Key Recommendations and Forward-Looking Action Plan".
    Recommendations,
    /// Any other heading, or text before the first heading.
    Other,
}

/// Whether a statement asks for action or reports what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// A call to act: in a recommendations section, or phrased as one.
    Recommendation,
    /// Anything else: findings, outcomes, context.
    Observation,
}

/// One bullet, numbered item or prose sentence: the unit that gets embedded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Stable id: `<session id>#<1-based index within the session>`.
    pub id: String,
    /// Id of the session (document) it comes from.
    pub session: String,
    /// Section it was found in.
    pub section: SectionKind,
    /// Recommendation or observation.
    pub kind: StatementKind,
    /// Clean one-line text.
    pub text: String,
    /// Path of the source file, as given on the command line (joined with the walk).
    pub source: String,
    /// 1-based line in the source where the statement starts.
    pub line: usize,
    /// For a claim cut out of a statement that bundles several asks: the id of the whole
    /// statement (which is not itself embedded; its claims stand for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// For a claim: the whole statement it was cut from; for an item of a list: the
    /// lead-in it completes. Shown with it, to read it in context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// For a motion the meeting voted down ("MOTION: That…" in minutes): the line that
    /// records the vote ("The motion was DEFEATED."). The motion then records what the
    /// meeting refused, and every stance reader reads it so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defeated: Option<String>,
}

impl Statement {
    /// The lead-in an item of a list completes ("The framework should address the
    /// following issues:"), which a quote of the item alone ("Impact assessments") needs.
    pub fn lead_in(&self) -> Option<&str> {
        self.context.as_deref().filter(|_| self.parent.is_none())
    }
}

/// A unit that was read but is not a statement: a heading, metadata, procedural text or
/// boilerplate. It is never embedded, but always reported, so nothing read is lost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Excluded {
    /// Stable id: `<session id>#x<1-based index among the session's excluded units>`.
    pub id: String,
    /// Id of the session (document) it comes from.
    pub session: String,
    /// What kind of unit it is.
    pub class: UnitClass,
    /// Clean one-line text.
    pub text: String,
    /// Path of the source file.
    pub source: String,
    /// 1-based line in the source.
    pub line: usize,
    /// Why it is not a statement, for a human ("dateline", "salutation", "repeated in 3 documents"…).
    pub reason: String,
}

/// One source document: its metadata and its statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// File stem.
    pub id: String,
    /// Title line, if found.
    pub title: String,
    /// Organizer line, if found.
    pub organizer: String,
    /// Date line, if found.
    pub date: String,
    /// Session link, if found.
    pub url: String,
    /// Source path.
    pub source: String,
    /// Statements in document order.
    #[serde(skip)]
    pub statements: Vec<Statement>,
    /// Units read but not analysed (headings, metadata, procedural text, boilerplate).
    #[serde(skip)]
    pub excluded: Vec<Excluded>,
}

impl Session {
    /// The session's metadata without its units, for outputs that list sessions: the units
    /// reach an output through the themes and the excluded list, so copying them is waste.
    pub fn header(&self) -> Session {
        Session {
            id: self.id.clone(),
            title: self.title.clone(),
            organizer: self.organizer.clone(),
            date: self.date.clone(),
            url: self.url.clone(),
            source: self.source.clone(),
            statements: Vec::new(),
            excluded: Vec::new(),
        }
    }
}

/// A file that was found but could not be turned into a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Path of the file.
    pub source: String,
    /// Why it was skipped, for a human.
    pub reason: String,
}

/// Everything that was read: sessions in path order, plus what was skipped.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Sessions that yielded at least one statement, sorted by source path.
    pub sessions: Vec<Session>,
    /// Files that could not be read or held no statements.
    pub skipped: Vec<Skipped>,
    /// Non-fatal notes about files that were read (e.g. a legacy encoding guessed).
    pub warnings: Vec<String>,
}

impl Corpus {
    /// All statements of all sessions, in session order then document order.
    pub fn statements(&self) -> impl Iterator<Item = &Statement> {
        self.sessions.iter().flat_map(|s| s.statements.iter())
    }

    /// All units read but not analysed, in session order then document order.
    pub fn excluded(&self) -> impl Iterator<Item = &Excluded> {
        self.sessions.iter().flat_map(|s| s.excluded.iter())
    }
}

/// Why reading a corpus failed as a whole (single bad files are `Skipped` instead).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A path given by the user does not exist.
    #[error("{0}: no such file or folder")]
    NotFound(PathBuf),
    /// Nothing readable was found at all.
    #[error("no readable statements in {paths}: {detail}")]
    Empty {
        /// The paths that were searched.
        paths: String,
        /// What was skipped and why, or that no files were found.
        detail: String,
    },
}
