//! Markdown rendering: the report a rapporteur reads.

use super::{count, Digest, Options};
use crate::cluster::Method;
use crate::corpus::{Skipped, Statement, StatementKind};
use crate::rank::{CommonGround, Theme};
use std::collections::HashMap;
use std::fmt::Write;

/// Render the digest as Markdown.
pub fn to_markdown(d: &Digest) -> String {
    let titles: HashMap<&str, &str> = d
        .sessions
        .iter()
        .map(|s| (s.id.as_str(), display_title(&s.title, &s.id)))
        .collect();
    let mut out = String::new();
    header(&mut out, d);

    let sections = [
        (StatementKind::Recommendation, "Recurring recommendations"),
        (StatementKind::Observation, "Recurring observations"),
    ];
    for (kind, heading) in sections {
        let _ = writeln!(out, "## {heading}\n");
        let mut any = false;
        for t in d.themes.iter().filter(|t| t.kind == kind) {
            any = true;
            theme(&mut out, t, d.corpus.sessions, &titles);
        }
        if !any {
            let _ = writeln!(
                out,
                "_None: no theme is supported by {} or more._\n",
                count(d.corpus.options.min_sessions, "session", "sessions")
            );
        }
    }

    common_ground(&mut out, d);

    let _ = writeln!(out, "## Unique proposals\n");
    if d.unique.is_empty() {
        out.push_str("_None: every statement belongs to a recurring theme._\n\n");
    } else {
        let _ = writeln!(
            out,
            "Statements that fewer than {} support: recommendations first, then observations. Another session's statement that only mentions one, or rejects it, is listed with it.\n",
            count(d.corpus.options.min_sessions, "session", "sessions")
        );
        for t in &d.unique {
            unique(&mut out, t, &titles);
        }
        out.push('\n');
    }

    not_analysed(&mut out, d);

    let _ = writeln!(out, "## Sessions\n");
    for s in &d.sessions {
        let _ = write!(out, "- **{}** (`{}`)", display_title(&s.title, &s.id), s.id);
        for extra in [&s.organizer, &s.date] {
            if !extra.is_empty() {
                let _ = write!(out, " · {extra}");
            }
        }
        if !s.url.is_empty() {
            let _ = write!(out, " · <{}>", s.url);
        }
        out.push('\n');
    }
    out
}

/// How many examples of each class of excluded unit the report quotes.
const EXCLUDED_EXAMPLES: usize = 3;

/// What was read but not analysed: counts per class and reason, a few cited examples.
fn not_analysed(out: &mut String, d: &Digest) {
    if d.excluded.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Not analysed\n");
    let _ = writeln!(
        out,
        "{} of the units read are not statements and were left out of the analysis (all are listed, with reasons, in the JSON digest and by `concord statements`).\n",
        d.excluded.len()
    );
    for group in super::not_analysed(&d.excluded) {
        let reasons: Vec<String> = group
            .reasons
            .iter()
            .map(|(r, n)| format!("{r} ({n})"))
            .collect();
        let _ = writeln!(
            out,
            "- **{}** · {}: {}",
            group.class.as_str(),
            group.units.len(),
            reasons.join(", ")
        );
        for e in group.units.iter().take(EXCLUDED_EXAMPLES) {
            let _ = writeln!(
                out,
                "  - “{}” · `{}:{}`",
                excerpt(&e.text),
                e.source,
                e.line
            );
        }
    }
    out.push('\n');
}

/// Longest excerpt of an excluded unit quoted in the report, in characters.
const EXCERPT_CHARS: usize = 90;

/// The text cut to [`EXCERPT_CHARS`] on a character boundary, marked when cut.
fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_owned(),
    }
}

fn header(out: &mut String, d: &Digest) {
    let c = &d.corpus;
    let recs = d
        .themes
        .iter()
        .filter(|t| t.kind == StatementKind::Recommendation)
        .count();
    let _ = writeln!(out, "# Consensus digest\n");
    let _ = writeln!(
        out,
        "**{} · {}** · model `{}`  ",
        count(c.sessions, "session", "sessions"),
        count(c.statements, "statement", "statements"),
        c.model
    );
    let _ = writeln!(out, "{}  ", describe_options(&c.options));
    skipped(out, &c.skipped);
    let _ = writeln!(out, "\n{}\n", found(d, recs, "**", "**"));
}

/// "Found 2 recurring recommendations, 1 recurring observation and …", each count
/// wrapped in `open`/`close` (bold in Markdown, `<strong>` in HTML).
pub(super) fn found(d: &Digest, recs: usize, open: &str, close: &str) -> String {
    let obs = d.themes.len() - recs;
    format!(
        "Found {open}{}{close}, {open}{}{close} and {open}{}{close}.",
        count(
            recs,
            "recurring recommendation",
            "recurring recommendations"
        ),
        count(obs, "recurring observation", "recurring observations"),
        count(
            d.unique.len(),
            "unique proposal or lone observation",
            "unique proposals or lone observations"
        ),
    )
}

/// The clustering options as one line of prose, for report headers.
pub(super) fn describe_options(o: &Options) -> String {
    let method = match &o.method {
        Method::Agglomerative(a) => format!(
            "average linkage, similarity ≥ {} (cosine + {} × TF-IDF cosine)",
            a.threshold, a.lexical_weight
        ),
        Method::KMeans(k) => format!("k-means, k = {}, seed {}", k.k, k.seed),
    };
    format!(
        "Clustering: {method} · recurring = supported by at least {}",
        count(o.min_sessions, "session", "sessions")
    )
}

/// The files found but not read, each with why: a reader must know what is in no count.
pub(crate) fn skipped(out: &mut String, skipped: &[Skipped]) {
    if skipped.is_empty() {
        out.push_str("Skipped files: none\n");
        return;
    }
    let _ = writeln!(out, "Skipped files ({}):\n", skipped.len());
    for s in skipped {
        let _ = writeln!(out, "- `{}`: {}", s.source, s.reason);
    }
}

fn theme(out: &mut String, t: &Theme, total: usize, titles: &HashMap<&str, &str>) {
    let _ = writeln!(
        out,
        "### {}. {} — {} of {} {} ({:.0}%){}\n",
        t.rank,
        t.title,
        t.support,
        count(total, "session", "sessions"),
        counted_as(t),
        t.share * 100.0,
        dissent_note(t.dissent)
    );
    let _ = writeln!(out, "<small>Keywords: {}</small>\n", t.keywords.join(" · "));
    let _ = writeln!(out, "> {}\n", t.representative);
    if t.broad {
        out.push_str("_Broad theme: close to what the whole corpus says, listed after the specific ones._\n\n");
    }
    let _ = writeln!(
        out,
        "Cohesion {:.2} · {} · id `{}`\n",
        t.cohesion,
        count(t.statements.len(), "statement", "statements"),
        t.id
    );
    let members = t.by_stance();
    for s in &members.support {
        let on = t
            .condition_of(&s.id)
            .map_or(String::new(), |c| format!("**on a condition (“{c}”):** "));
        let _ = writeln!(out, "- {on}{}", quote(s, titles));
    }
    out.push('\n');
    if !members.mentions.is_empty() {
        let _ = writeln!(
            out,
            "Mentioned without taking a side (not counted as support):\n"
        );
        for s in &members.mentions {
            let _ = writeln!(out, "- {}", quote(s, titles));
        }
        out.push('\n');
    }
    let dissent = members.dissent;
    if !dissent.is_empty() || !t.also_dissent.is_empty() {
        let _ = writeln!(out, "Dissent (not counted as support):\n");
        for (s, m) in dissent {
            let cue = m.cue.as_deref().unwrap_or("opposition");
            let _ = writeln!(out, "- **dissents (“{cue}”):** {}", quote(s, titles));
        }
        // Rejections the clustering put in another theme, named with their home.
        for a in &t.also_dissent {
            let cue = a.cue.as_deref().unwrap_or("opposition");
            let cited = quote(&a.statement, titles);
            let _ = writeln!(out, "- **dissents (“{cue}”):** {cited} (in `{}`)", a.theme);
        }
        out.push('\n');
    }
    if !t.also.is_empty() {
        let _ = writeln!(
            out,
            "Also stated by {} of other themes:\n",
            count(t.also.len(), "statement", "statements")
        );
        for a in &t.also {
            let _ = writeln!(out, "- {} (in `{}`)", quote(&a.statement, titles), a.theme);
        }
        out.push('\n');
    }
}

/// " · 1 dissents" after a theme's support, or nothing when no session dissents.
/// What a theme's sessions do with it: they support a proposal, they state a finding
/// ("Speakers included officials from two tax administrations — 2 of 8 sessions
/// support" had read as if the sessions endorsed a fact).
pub(crate) fn counted_as(t: &Theme) -> &'static str {
    match t.kind {
        crate::corpus::StatementKind::Recommendation => "support",
        crate::corpus::StatementKind::Observation => "state it",
    }
}

pub(crate) fn dissent_note(dissent: usize) -> String {
    match dissent {
        0 => String::new(),
        1 => " · 1 dissents".to_owned(),
        n => format!(" · {n} dissent"),
    }
}

/// Broad areas split into their specific themes: what they cover and where it went.
fn common_ground(out: &mut String, d: &Digest) {
    if d.common.is_empty() {
        return;
    }
    let titles: HashMap<&str, &str> = d
        .themes
        .iter()
        .chain(&d.unique)
        .map(|t| (t.id.as_str(), t.title.as_str()))
        .collect();
    let _ = writeln!(out, "## Common ground\n");
    out.push_str(
        "Broad areas many sessions speak to, each split into the specific themes listed above \
         (and unique entries below), so that no catch-all is ranked as a recommendation.\n\n",
    );
    for c in &d.common {
        area(out, c, d.corpus.sessions, &titles);
    }
}

fn area(out: &mut String, c: &CommonGround, total: usize, titles: &HashMap<&str, &str>) {
    let _ = writeln!(
        out,
        "### {} — {} of {} ({:.0}%)\n",
        c.title,
        c.support,
        count(total, "session", "sessions"),
        c.share * 100.0
    );
    let _ = writeln!(
        out,
        "<small>Keywords: {}</small> · {} · id `{}`\n",
        c.keywords.join(" · "),
        count(c.statements, "statement", "statements"),
        c.id
    );
    for id in &c.themes {
        let title = titles.get(id.as_str()).copied().unwrap_or("");
        let _ = writeln!(out, "- `{id}` {title}");
    }
    out.push('\n');
}

fn unique(out: &mut String, t: &Theme, titles: &HashMap<&str, &str>) {
    let kind = match t.kind {
        StatementKind::Recommendation => "Recommendation",
        StatementKind::Observation => "Observation",
    };
    let (support, dissent) = t.listing();
    let mut lines = support
        .iter()
        .map(|s| (quote(s, titles), None))
        .chain(dissent.iter().map(|(s, m)| {
            (
                quote(s, titles),
                Some(m.cue.as_deref().unwrap_or("opposition")),
            )
        }));
    if let Some((first, cue)) = lines.next() {
        let mark = cue.map_or(String::new(), |c| format!("dissents (“{c}”): "));
        let _ = writeln!(out, "{}. **{kind}** {mark}{first}", t.rank);
    }
    for (line, cue) in lines {
        match cue {
            None => {
                let _ = writeln!(out, "   - also {line}");
            }
            Some(cue) => {
                let _ = writeln!(out, "   - **dissents (“{cue}”):** {line}");
            }
        }
    }
}

/// One cited quote: text, session title, section, and `file:line`.
fn quote(s: &Statement, titles: &HashMap<&str, &str>) -> String {
    let title = titles
        .get(s.session.as_str())
        .copied()
        .unwrap_or(&s.session);
    let lead = s
        .lead_in()
        .map(|l| format!(" · under “{l}”"))
        .unwrap_or_default();
    format!(
        "“{}” — *{}* · {} · `{}:{}`{lead}",
        s.text,
        title,
        section_word(s),
        s.source,
        s.line
    )
}

/// The section a statement came from, as one lowercase word.
pub(super) fn section_word(s: &Statement) -> &'static str {
    match s.section {
        crate::corpus::SectionKind::Issues => "issues",
        crate::corpus::SectionKind::Outcomes => "outcomes",
        crate::corpus::SectionKind::Recommendations => "recommendations",
        crate::corpus::SectionKind::Other => "other",
    }
}

/// A session's title, or its id when the document had none.
pub(super) fn display_title<'a>(title: &'a str, id: &'a str) -> &'a str {
    if title.is_empty() {
        id
    } else {
        title
    }
}
