//! HTML rendering of the agreement answer: the same content as the Markdown,
//! as a self-contained page with a share bar.

use super::agreement::Agreement;
use crate::corpus::Statement;
use crate::digest::html::page;
use crate::digest::svg::{escape, num};
use std::fmt::Write;

/// Render topic coverage as one self-contained HTML page.
pub fn agreement_html(a: &Agreement) -> String {
    let mut body = String::new();
    let title = format!("Agreement on “{}”", a.topic);
    let _ = writeln!(body, "<header>\n<h1>{}</h1>", escape(&title));
    let what = format!(
        "{} of {} sessions ({:.0}%)",
        a.sessions.len(),
        a.sessions_total,
        a.share * 100.0
    );
    let _ = writeln!(
        body,
        "<p><strong>{}</strong> address the topic.</p>",
        escape(&what)
    );
    share_bar(&mut body, a, &what);
    let rare = if a.rare_terms.is_empty() {
        "none".to_string()
    } else {
        a.rare_terms.join(", ")
    };
    let _ = writeln!(
        body,
        "<p class=\"meta\">Relevance = cosine to the topic + lexical bonus for rare topic terms \
         ({}); threshold {}. This measures coverage, not stance: read the quotes to judge \
         support.</p>\n</header>",
        escape(&rare),
        a.threshold
    );
    for s in &a.sessions {
        let _ = writeln!(
            body,
            "<section>\n<h2>{} (<code>{}</code>)</h2>\n<ul class=\"quotes\">",
            escape(if s.title.is_empty() { &s.id } else { &s.title }),
            escape(&s.id)
        );
        for r in &s.statements {
            let _ = writeln!(
                body,
                "<li>({:.2}) {}</li>",
                r.similarity,
                cite(&r.statement)
            );
        }
        body.push_str("</ul>\n</section>\n");
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
