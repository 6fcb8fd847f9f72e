//! Markdown rendering of the duplicate and agreement answers.

use super::agreement::Agreement;
use super::duplicates::{Duplicates, GroupKind};
use crate::corpus::Statement;
use crate::stance::{Position, SessionStance};
use std::fmt::Write;

/// Render duplicate groups: each member with its citation, its similarity to the
/// representative, the span that matches, the rare phrases they share, what it adds,
/// and its exact copies.
pub fn duplicates_markdown(d: &Duplicates) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Duplicate proposals\n");
    let _ = writeln!(
        out,
        "{} statements from {} sessions · duplicates: cosine ≥ {} between two statements or \
         their sentences, both asking for something or one asking and sharing words, or a lower \
         cosine with shared rare phrases; never opposite stands · every member is a duplicate of \
         every other · at most {} texts per group · {}\n",
        d.statements,
        d.sessions,
        d.threshold,
        d.max_group,
        if d.within_session {
            "repeats within one session included"
        } else {
            "only across sessions"
        }
    );
    if d.groups.is_empty() {
        out.push_str("_No duplicate proposals found._\n");
        return out;
    }
    let exact = d
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Exact)
        .count();
    let _ = writeln!(
        out,
        "{} groups: {exact} of exact copies, {} of paraphrases.\n",
        d.groups.len(),
        d.groups.len() - exact
    );
    for (i, g) in d.groups.iter().enumerate() {
        let kind = match g.kind {
            GroupKind::Exact => "exact copies",
            GroupKind::Near => "paraphrases",
        };
        let _ = writeln!(
            out,
            "## {}. {} statements, {kind} (min. similarity to the representative {:.2})\n",
            i + 1,
            g.statements.len(),
            g.similarity
        );
        for (k, m) in g.statements.iter().enumerate() {
            let _ = write!(out, "- {}", cite(&m.statement));
            if k == 0 {
                out.push_str(" — *representative*");
            } else if g.kind == GroupKind::Near {
                let _ = write!(out, " — similarity {:.2}", m.similarity);
                if let Some(span) = &m.span {
                    let _ = write!(out, "; its matching part: “{span}”");
                }
                if let Some(part) = &m.matches {
                    let _ = write!(out, "; matches the representative's “{part}”");
                }
                if !m.shared.is_empty() {
                    let _ = write!(out, "; **shares:** {}", m.shared.join(", "));
                }
            }
            if k > 0 {
                if m.adds.is_empty() {
                    out.push_str("; adds nothing");
                } else {
                    let _ = write!(out, "; **adds:** {}", m.adds.join(", "));
                }
            }
            if !m.copies.is_empty() {
                let _ = write!(
                    out,
                    "; {} exact {}: {}",
                    m.copies.len(),
                    if m.copies.len() == 1 {
                        "copy"
                    } else {
                        "copies"
                    },
                    m.copies
                        .iter()
                        .map(|id| format!("`{id}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Render agreement on a topic: the stance summary first, then the sessions grouped by
/// stance with their deciding quotes and cues, then the silent sessions.
pub fn agreement_markdown(a: &Agreement) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Agreement on “{}”\n", a.topic);
    let _ = writeln!(out, "**{}**  ", a.stances.summary());
    let _ = writeln!(
        out,
        "{} of {} sessions ({:.0}%) address the topic as a whole.  ",
        a.sessions.len(),
        a.sessions_total,
        a.share * 100.0
    );
    if !a.skipped.is_empty() {
        let _ = writeln!(
            out,
            "**{} could not be read and {} in no count** (listed at the end).  ",
            crate::digest::count(a.skipped.len(), "file", "files"),
            if a.skipped.len() == 1 { "is" } else { "are" }
        );
    }
    let _ = writeln!(
        out,
        "Key concepts: {}; relevance threshold {} (docs/STANCE.md).\n",
        concept_list(a),
        a.threshold
    );
    for stance in SessionStance::ALL {
        let group: Vec<_> = a.sessions.iter().filter(|s| s.stance == stance).collect();
        if group.is_empty() || stance == SessionStance::Silent {
            continue;
        }
        let _ = writeln!(out, "## {} ({})\n", heading(stance), group.len());
        for s in group {
            let title = if s.title.is_empty() { &s.id } else { &s.title };
            let _ = writeln!(out, "### {title} (`{}`) — {}\n", s.id, stance.label());
            for r in &s.statements {
                let why = match (&r.cue, r.conditional) {
                    (Some(c), true) => format!("{}, conditional: “{c}”", position(r.stance)),
                    (Some(c), false) => format!("{}: “{c}”", position(r.stance)),
                    (None, _) => "mention".to_string(),
                };
                let _ = writeln!(
                    out,
                    "- **{why}** ({:.2}) {}",
                    r.similarity,
                    cite(&r.statement)
                );
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## Silent sessions ({})\n", a.silent.len());
    if a.silent.is_empty() {
        out.push_str("_None: every session addresses the topic._\n");
    }
    for (id, title) in a.silent.iter().zip(&a.silent_titles) {
        let _ = writeln!(
            out,
            "- {} (`{id}`)",
            if title.is_empty() { id } else { title }
        );
    }
    if !a.skipped.is_empty() {
        out.push('\n');
        crate::digest::markdown::skipped(&mut out, &a.skipped);
    }
    out
}

/// Section heading of a stance group.
pub(crate) fn heading(s: SessionStance) -> &'static str {
    match s {
        SessionStance::Support => "Support",
        SessionStance::Oppose => "Oppose",
        SessionStance::Mixed => "Mixed or conditional",
        SessionStance::Neutral => "Mention without a position",
        SessionStance::Silent => "Silent",
    }
}

/// The word shown for one quote's position.
pub(crate) fn position(p: Position) -> &'static str {
    match p {
        Position::Support => "support",
        Position::Oppose => "oppose",
        Position::Neutral => "mention",
    }
}

/// The key concepts, each with its other forms: "igf (internet governance forum)".
pub(crate) fn concept_list(a: &Agreement) -> String {
    let key: Vec<String> = a
        .concepts
        .iter()
        .filter(|c| c.key)
        .map(|c| match c.terms.split_first() {
            Some((first, rest)) if !rest.is_empty() => format!("{first} ({})", rest.join(" / ")),
            Some((first, _)) => first.clone(),
            None => String::new(),
        })
        .collect();
    if key.is_empty() {
        "none".to_string()
    } else {
        key.join(", ")
    }
}

fn cite(s: &Statement) -> String {
    format!("“{}” · `{}` · `{}:{}`", s.text, s.session, s.source, s.line)
}
