//! HTML rendering of the agreement answer: the same content as the Markdown (stance
//! summary, sessions grouped by stance), as a self-contained page with a share bar.

use super::agreement::Agreement;
use super::markdown::{concept_list, heading, position};
use crate::corpus::Statement;
use crate::render::page;
use crate::render::svg::{escape, num};
use crate::stance::SessionStance;
use std::fmt::Write;

/// Render agreement on a topic as one self-contained HTML page: the stance summary and
/// bar first, then the sessions grouped by stance, then the silent ones.
pub fn agreement_html(a: &Agreement) -> String {
    let mut body = String::new();
    let title = format!("Agreement on “{}”", a.topic);
    let _ = writeln!(body, "<header>\n<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        body,
        "<p class=\"summary\"><strong>{}</strong></p>",
        escape(&a.stances.summary())
    );
    let what = format!(
        "{} of {} sessions ({:.0}%)",
        a.sessions.len(),
        a.sessions_total,
        a.share * 100.0
    );
    let _ = writeln!(
        body,
        "<p><strong>{}</strong> address the topic as a whole.</p>",
        escape(&what)
    );
    share_bar(&mut body, a, &what);
    let _ = writeln!(
        body,
        "<p class=\"meta\">Key concepts: {}; relevance threshold {}. A session is listed when \
         one of its statements carries the topic's key concepts; each quote shows the cue that \
         decided its position.</p>\n</header>",
        escape(&concept_list(a)),
        a.threshold
    );
    for stance in SessionStance::ALL {
        let group: Vec<_> = a.sessions.iter().filter(|s| s.stance == stance).collect();
        if group.is_empty() || stance == SessionStance::Silent {
            continue;
        }
        let _ = writeln!(
            body,
            "<section class=\"stance-{}\">\n<h2>{} ({})</h2>",
            stance.label(),
            heading(stance),
            group.len()
        );
        for s in group {
            let _ = writeln!(
                body,
                "<h3>{} (<code>{}</code>) — {}</h3>\n<ul class=\"quotes\">",
                escape(if s.title.is_empty() { &s.id } else { &s.title }),
                escape(&s.id),
                stance.label()
            );
            for r in &s.statements {
                let why = match (&r.cue, r.conditional) {
                    (Some(c), true) => format!("{}, conditional: “{c}”", position(r.stance)),
                    (Some(c), false) => format!("{}: “{c}”", position(r.stance)),
                    (None, _) => "mention".to_string(),
                };
                let _ = writeln!(
                    body,
                    "<li><strong>{}</strong> ({:.2}) {}</li>",
                    escape(&why),
                    r.similarity,
                    cite(&r.statement)
                );
            }
            body.push_str("</ul>\n");
        }
        body.push_str("</section>\n");
    }
    body.push_str("<section id=\"silent\">\n<h2>Silent sessions</h2>\n");
    if a.silent.is_empty() {
        body.push_str("<p><em>None: every session addresses the topic.</em></p>\n");
    } else {
        body.push_str("<ul>\n");
        for (id, title) in a.silent.iter().zip(&a.silent_titles) {
            let _ = writeln!(
                body,
                "<li>{} (<code>{}</code>)</li>",
                escape(if title.is_empty() { id } else { title }),
                escape(id)
            );
        }
        body.push_str("</ul>\n");
    }
    body.push_str("</section>\n");
    if !a.skipped.is_empty() {
        // Files that could not be read are in no count; the reader is told which and why.
        crate::digest::html::skipped(&mut body, &a.skipped);
    }
    page(&title, &body)
}

/// One bar: the addressing share of all sessions, with the numbers as text.
fn share_bar(out: &mut String, a: &Agreement, what: &str) {
    let (w, h) = (600.0, 28.0);
    let filled = w * a.share.clamp(0.0, 1.0);
    let _ = writeln!(
        out,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" \
         viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{} address the topic\">\
         <rect width=\"{}\" height=\"{}\" fill=\"#eef1f4\" stroke=\"#999\"/>\
         <rect width=\"{}\" height=\"{}\" fill=\"#0072B2\"/>\
         <text x=\"{}\" y=\"19\" font-size=\"14\">{}</text></svg>\n\
         <figcaption>Share of sessions with at least one statement on the topic.</figcaption>\n\
         </figure>",
        num(w + 190.0),
        num(h),
        num(w + 190.0),
        num(h),
        escape(what),
        num(w),
        num(h),
        num(filled),
        num(h),
        num(w + 8.0),
        escape(what)
    );
}

fn cite(s: &Statement) -> String {
    format!(
        "<q>{}</q> · <code>{}</code> · <code>{}:{}</code>",
        escape(&s.text),
        escape(&s.session),
        escape(&s.source),
        s.line
    )
}
