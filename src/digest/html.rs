//! HTML rendering: one self-contained page (inline CSS and SVG, no scripts,
//! no fonts, no network) that a delegate can open from a mail attachment.
//!
//! Same order as the Markdown report, with charts in front: header, agreement
//! matrix, support chart, map, themes with every quote, unique proposals,
//! sessions, skipped files. Every chart sits in a `<figure>` with a caption
//! and an `aria-label`, and carries its numbers as text so it reads without
//! colour.

use super::map::{project, MapPoint};
use super::markdown::{describe_options, display_title, found, section_word};
use super::{article, count, Digest};
use crate::corpus::{Session, Skipped, Statement, StatementKind};
use crate::rank::Theme;
use crate::render::svg::{cell_shade, escape, num, theme_colour, truncate, Tag};
use crate::render::{link, page};
use crate::Embedded;
use std::collections::HashMap;
use std::fmt::Write;

/// Render the digest as one self-contained HTML page; `embedded` (the run's statements and
/// vectors) places the statements on the map.
pub fn to_html(d: &Digest, embedded: &Embedded) -> String {
    // Only this page shows the map, so only this page pays for the projection.
    let ids: Vec<String> = embedded.statements.iter().map(|s| s.id.clone()).collect();
    let points = project(
        embedded.vectors.view(),
        &ids,
        d.themes.iter().chain(&d.unique),
    );
    let sessions: HashMap<&str, &Session> = d.sessions.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut body = String::new();
    header(&mut body, d);
    matrix(&mut body, d);
    support_chart(&mut body, d);
    map(&mut body, d, &points, &sessions);

    let sections = [
        (
            StatementKind::Recommendation,
            "Recurring recommendations",
            "recommendations",
        ),
        (
            StatementKind::Observation,
            "Recurring observations",
            "observations",
        ),
    ];
    for (kind, heading, anchor) in sections {
        let _ = writeln!(body, "<section id=\"{anchor}\">\n<h2>{heading}</h2>");
        let mut any = false;
        for t in d.themes.iter().filter(|t| t.kind == kind) {
            any = true;
            theme(&mut body, t, d.corpus.sessions, &sessions);
        }
        if !any {
            let _ = writeln!(
                body,
                "<p><em>None: no theme is supported by {} or more.</em></p>",
                count(d.corpus.options.min_sessions, "session", "sessions")
            );
        }
        body.push_str("</section>\n");
    }
    common_ground(&mut body, d);
    unique(&mut body, d, &sessions);
    session_list(&mut body, d);
    skipped(&mut body, &d.corpus.skipped);
    page("Consensus digest", &body)
}

fn header(out: &mut String, d: &Digest) {
    let c = &d.corpus;
    let recs = count_kind(&d.themes, StatementKind::Recommendation);
    out.push_str("<header>\n<h1>Consensus digest</h1>\n");
    let found = found(d, recs, "<strong>", "</strong>");
    let found = found.trim_end_matches('.');
    let sessions = count(c.sessions, "session", "sessions");
    let _ = writeln!(out, "<p>{found} in {sessions}.</p>");
    out.push_str("<dl class=\"facts\">\n");
    let skipped = if c.skipped.is_empty() {
        "none".to_string()
    } else {
        Tag::new("a")
            .attr("href", "#skipped")
            .wrap(&count(c.skipped.len(), "file", "files"))
    };
    let facts = [
        ("Sessions", c.sessions.to_string()),
        ("Statements", c.statements.to_string()),
        ("Model", format!("<code>{}</code>", escape(&c.model))),
        ("Options", escape(&describe_options(&c.options))),
        ("Skipped files", skipped),
    ];
    for (k, v) in facts {
        let _ = writeln!(out, "<dt>{k}</dt><dd>{v}</dd>");
    }
    out.push_str("</dl>\n");
    out.push_str(
        "<nav aria-label=\"Contents\"><ul>\
         <li><a href=\"#matrix\">Agreement matrix</a></li>\
         <li><a href=\"#support\">Support</a></li>\
         <li><a href=\"#map\">Map</a></li>\
         <li><a href=\"#recommendations\">Recommendations</a></li>\
         <li><a href=\"#observations\">Observations</a></li>\
         <li><a href=\"#common\">Common ground</a></li>\
         <li><a href=\"#unique\">Unique proposals</a></li>\
         <li><a href=\"#sessions\">Sessions</a></li>\
         <li><a href=\"#skipped\">Skipped files</a></li>\
         </ul></nav>\n</header>\n",
    );
}

fn count_kind(themes: &[Theme], kind: StatementKind) -> usize {
    themes.iter().filter(|t| t.kind == kind).count()
}

/// Short, stable name of a recurring theme for chart axes: `R1`, `O2`.
fn short_id(t: &Theme) -> String {
    let letter = match t.kind {
        StatementKind::Recommendation => 'R',
        StatementKind::Observation => 'O',
    };
    format!("{letter}{}", t.rank)
}

/// An SVG tooltip: the full text behind a shortened label or a mark.
fn tooltip(text: &str) -> String {
    Tag::new("title").wrap(&escape(text))
}

/// The `<svg>` of a chart `width` × `height` pixels, described by `label` for screen readers.
fn chart(width: f64, height: f64, label: &str) -> Tag {
    Tag::new("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .num("width", width)
        .num("height", height)
        .attr("viewBox", &format!("0 0 {} {}", num(width), num(height)))
        .attr("role", "img")
        // The labels are fixed sentences around counts; attr() would also rewrite the
        // apostrophe of "session's", changing the page for nothing.
        .attr_raw("aria-label", label)
}

/// A chart's figure: the `svg` in a box that scrolls sideways on a narrow screen, then the
/// `legend` (markup, may be empty) and the `caption`.
fn figure(out: &mut String, svg: &str, legend: &str, caption: &str) {
    let scroll = Tag::new("div")
        .attr("class", "scroll")
        .wrap(&format!("\n{svg}\n"));
    let caption = Tag::new("figcaption").wrap(caption);
    let inner = format!("\n{scroll}\n{legend}{caption}\n");
    let _ = writeln!(out, "{}", Tag::new("figure").wrap(&inner));
}

/// Statements per (session, theme), for the matrix cells.
fn counts(t: &Theme) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for s in &t.statements {
        *m.entry(s.session.as_str()).or_insert(0) += 1;
    }
    m
}

fn matrix(out: &mut String, d: &Digest) {
    out.push_str("<section id=\"matrix\">\n<h2>Agreement matrix</h2>\n");
    if d.themes.is_empty() || d.sessions.is_empty() {
        out.push_str("<p><em>No recurring theme, so no matrix.</em></p>\n</section>\n");
        return;
    }
    let cell = if d.themes.len() > 30 { 22.0 } else { 26.0 };
    let label_w = 330.0;
    let head_h = 170.0;
    // Column labels lean right at 45°, so the last ones need room past the grid.
    let right = 150.0;
    let cols = d.themes.len() as f64;
    let rows = d.sessions.len() as f64;
    let width = label_w + cols * cell + right;
    let height = head_h + rows * cell + 8.0;
    let cells: Vec<HashMap<&str, usize>> = d.themes.iter().map(counts).collect();

    // One element a line, the first on the line after `<svg …>`.
    let mut svg = String::from("\n");
    let sessions = count(d.corpus.sessions, "session", "sessions");
    for (j, t) in d.themes.iter().enumerate() {
        let x = label_w + (j as f64 + 0.5) * cell;
        let y = head_h - 6.0;
        let text = format!("{} {}", short_id(t), t.title);
        let label = Tag::new("text")
            .num("x", x)
            .num("y", y)
            .attr("font-size", "12")
            .attr("transform", &format!("rotate(-45 {} {})", num(x), num(y)));
        let full = tooltip(&format!("{text} — {} of {sessions}", t.support));
        let shown = escape(&truncate(&text, 30));
        let _ = writeln!(svg, "{}", label.wrap(&(full + &shown)));
    }
    for (i, s) in d.sessions.iter().enumerate() {
        let y = head_h + i as f64 * cell;
        let title = display_title(&s.title, &s.id);
        let label = Tag::new("text")
            .num("x", label_w - 8.0)
            .num("y", y + cell * 0.65)
            .attr("font-size", "12")
            .attr("text-anchor", "end");
        let shown = escape(&truncate(title, 48));
        let _ = writeln!(svg, "{}", label.wrap(&(tooltip(title) + &shown)));
        for (j, t) in d.themes.iter().enumerate() {
            let n = cells[j].get(s.id.as_str()).copied().unwrap_or(0);
            let x = label_w + j as f64 * cell;
            let (fill, ink) = cell_shade(n);
            let statements = count(n, "statement", "statements");
            let what = format!("{title} — {} {}: {statements}", short_id(t), t.title);
            let rect = Tag::new("rect")
                .num("x", x)
                .num("y", y)
                .num("width", cell)
                .num("height", cell)
                .attr("fill", fill)
                .attr("stroke", "#bbb");
            svg.push_str(&rect.wrap(&tooltip(&what)));
            if n > 0 {
                let number = Tag::new("text")
                    .num("x", x + cell / 2.0)
                    .num("y", y + cell * 0.68)
                    .attr("font-size", "12")
                    .attr("text-anchor", "middle")
                    .attr("fill", ink)
                    .attr("aria-hidden", "true");
                svg.push_str(&number.wrap(&n.to_string()));
            }
            svg.push('\n');
        }
    }
    let label = format!(
        "Agreement matrix: {} by {}; each filled cell shows how many of the session's \
         statements support the theme. The same numbers are in the table below.",
        count(d.sessions.len(), "session", "sessions"),
        count(d.themes.len(), "recurring theme", "recurring themes")
    );
    let caption = "Rows: sessions in corpus order. Columns: recurring themes by rank \
         (R = recommendation, O = observation). A number is how many of that session's \
         statements support the theme; darker means more. Hover a label for its full text.";
    figure(out, &chart(width, height, &label).wrap(&svg), "", caption);
    matrix_table(out, d, &cells);
    out.push_str(
        "<p class=\"meta\">The table scrolls both ways with its headers in view; column \
         headings are the theme ids (hover for the title).</p>\n",
    );
    out.push_str("</section>\n");
}

/// The matrix as a table, for screen readers and for copying into a spreadsheet.
fn matrix_table(out: &mut String, d: &Digest, cells: &[HashMap<&str, usize>]) {
    // A large matrix is easier to read as the table (sticky headers), so it starts open.
    let open = if d.themes.len() > 20 { " open" } else { "" };
    let _ = write!(
        out,
        "<details{open}>\n<summary>The matrix as a table</summary>\n<div class=\"grid\">\n<table>\n\
         <caption>Statements per session and recurring theme</caption>\n<thead><tr>\
         <th scope=\"col\">Session</th>",
    );
    for t in &d.themes {
        let id = Tag::new("abbr").attr("title", &t.title).wrap(&short_id(t));
        out.push_str(&Tag::new("th").attr("scope", "col").wrap(&id));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for s in &d.sessions {
        let title = display_title(&s.title, &s.id);
        // The title attribute shows the whole title where the sticky column cuts it off.
        let head = Tag::new("th").attr("scope", "row").attr("title", title);
        out.push_str("<tr>");
        out.push_str(&head.wrap(&escape(title)));
        for c in cells {
            // An empty cell rather than a 0, so the filled ones stand out.
            let n = match c.get(s.id.as_str()).copied().unwrap_or(0) {
                0 => String::new(),
                n => n.to_string(),
            };
            out.push_str(&Tag::new("td").attr("class", "n").wrap(&n));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n</details>\n");
}

fn support_chart(out: &mut String, d: &Digest) {
    out.push_str("<section id=\"support\">\n<h2>Support across sessions</h2>\n");
    if d.themes.is_empty() {
        out.push_str("<p><em>No recurring theme.</em></p>\n</section>\n");
        return;
    }
    let row = 26.0;
    let label_w = 360.0;
    let bar_max = 520.0;
    let width = label_w + bar_max + 190.0;
    let height = d.themes.len() as f64 * row + 10.0;
    let total = d.corpus.sessions.max(1) as f64;
    let sessions = count(d.corpus.sessions, "session", "sessions");
    let mut svg = String::from("\n");
    for (i, t) in d.themes.iter().enumerate() {
        let y = 4.0 + i as f64 * row;
        let text = format!("{} {}", short_id(t), t.title);
        let w = bar_max * t.support as f64 / total;
        let fill = match t.kind {
            StatementKind::Recommendation => "#0072B2",
            StatementKind::Observation => "#D55E00",
        };
        let (support, share) = (t.support, t.share * 100.0);
        let what = format!("{support} of {sessions} ({share:.0}%)");
        // The theme on the left, the full-width track, the bar over it, the figure after it.
        let bar = |width: f64, fill: &str| {
            Tag::new("rect")
                .num("x", label_w)
                .num("y", y + 3.0)
                .num("width", width)
                .num("height", row - 8.0)
                .attr("fill", fill)
                .empty()
        };
        let parts = [
            Tag::new("text")
                .num("x", label_w - 10.0)
                .num("y", y + row * 0.62)
                .attr("font-size", "13")
                .attr("text-anchor", "end")
                .wrap(&escape(&truncate(&text, 50))),
            bar(bar_max, "#eef1f4"),
            bar(w, fill),
            Tag::new("text")
                .num("x", label_w + bar_max + 8.0)
                .num("y", y + row * 0.62)
                .attr("font-size", "13")
                .wrap(&escape(&what)),
        ];
        let title = tooltip(&format!("{text}: {what}"));
        let _ = writeln!(svg, "{}", Tag::new("g").wrap(&(title + &parts.concat())));
    }
    let label =
        format!("Bar chart: for each recurring theme, how many of the {sessions} support it.");
    let caption = "Each bar is one recurring theme (blue: recommendation, orange: \
         observation); its length is the share of sessions with at least one statement in it, \
         written out at the end of the bar.";
    figure(out, &chart(width, height, &label).wrap(&svg), "", caption);
    out.push_str("</section>\n");
}

fn map(out: &mut String, d: &Digest, points: &[MapPoint], sessions: &HashMap<&str, &Session>) {
    out.push_str("<section id=\"map\">\n<h2>Map of statements</h2>\n");
    if points.is_empty() {
        out.push_str(
            "<p><em>No map: the statements' vectors were not available.</em></p>\n</section>\n",
        );
        return;
    }
    // Every theme and statement by id, so a point can show its text and colour.
    let mut themes: HashMap<&str, (usize, &Theme)> = HashMap::new();
    let mut statements: HashMap<&str, &Statement> = HashMap::new();
    for (i, t) in d.themes.iter().chain(&d.unique).enumerate() {
        themes.insert(t.id.as_str(), (i, t));
        for s in &t.statements {
            statements.insert(s.id.as_str(), s);
        }
    }
    let (w, h, pad) = (900.0, 560.0, 24.0);
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in points {
        x0 = x0.min(p.x);
        x1 = x1.max(p.x);
        y0 = y0.min(p.y);
        y1 = y1.max(p.y);
    }
    let span = |lo: f64, hi: f64| if hi - lo > 1e-9 { hi - lo } else { 1.0 };
    let sx = (w - 2.0 * pad) / span(x0, x1);
    let sy = (h - 2.0 * pad) / span(y0, y1);
    let background = Tag::new("rect")
        .num("width", w)
        .num("height", h)
        .attr("fill", "#fafafa")
        .attr("stroke", "#ddd");
    let mut svg = format!("\n{}\n", background.empty());
    let recurring = d.themes.len();
    // Unique proposals first so the coloured, recurring points are drawn on top.
    let mut order: Vec<&MapPoint> = points.iter().collect();
    order.sort_by_key(|p| {
        let i = themes.get(p.theme.as_str()).map_or(usize::MAX, |(i, _)| *i);
        std::cmp::Reverse(i >= recurring)
    });
    for p in order {
        let px = pad + (p.x - x0) * sx;
        let py = h - pad - (p.y - y0) * sy;
        let (text, session) = match statements.get(p.statement.as_str()) {
            Some(s) => {
                let title = sessions
                    .get(s.session.as_str())
                    .map_or(s.session.as_str(), |x| display_title(&x.title, &x.id));
                (s.text.as_str(), title)
            }
            None => ("", ""),
        };
        let (label, marker) = match themes.get(p.theme.as_str()) {
            Some((i, t)) if *i < recurring => (
                format!("{} {}", short_id(t), t.title),
                marker(px, py, t.kind, theme_colour(*i)),
            ),
            Some((_, t)) => (format!("unique: {}", t.title), unique_dot(px, py)),
            None => continue,
        };
        let title = tooltip(&format!("“{text}” — {session} [{label}]"));
        let _ = writeln!(svg, "{}", marker.wrap(&title));
    }
    let mut legend = String::from("\n");
    for (i, t) in d.themes.iter().enumerate() {
        let mark = swatch(&marker(7.0, 7.0, t.kind, theme_colour(i)).wrap(""));
        let (id, title) = (short_id(t), escape(&t.title));
        let _ = writeln!(legend, "<li>{mark}{id} {title}</li>");
    }
    let mark = swatch(&unique_dot(7.0, 7.0).empty());
    let _ = writeln!(legend, "<li>{mark}unique proposal or lone observation</li>");
    let legend = Tag::new("ul")
        .attr("class", "legend")
        .attr("aria-label", "Legend")
        .wrap(&legend);
    let label = format!(
        "Scatter plot of the {} statements, placed so that statements with similar meaning are \
         close; coloured by recurring theme, grey for unique proposals. The themes below list \
         the same statements as text.",
        points.len()
    );
    let caption = "The first two principal components of the statement embeddings: \
         statements that say similar things sit close together. Circles are recommendation \
         themes, squares observation themes, hollow grey dots unique statements. Hover a point \
         for its text.";
    figure(
        out,
        &chart(w, h, &label).wrap(&svg),
        &(legend + "\n"),
        caption,
    );
    out.push_str("</section>\n");
}

/// A legend entry's 14 × 14 picture of `mark`.
fn swatch(mark: &str) -> String {
    Tag::new("svg")
        .attr("width", "14")
        .attr("height", "14")
        .attr("viewBox", "0 0 14 14")
        .attr("aria-hidden", "true")
        .wrap(mark)
}

/// The hollow grey dot of a unique statement, drawn under the recurring themes' markers.
fn unique_dot(x: f64, y: f64) -> Tag {
    Tag::new("circle")
        .num("cx", x)
        .num("cy", y)
        .attr("r", "3.5")
        .attr("fill", "#fff")
        .attr("stroke", "#888")
        .attr("stroke-width", "1.5")
}

/// A point marker, to be closed around its tooltip: circle for recommendations, square for
/// observations, so the kind reads without colour.
fn marker(x: f64, y: f64, kind: StatementKind, colour: &str) -> Tag {
    let tag = match kind {
        StatementKind::Recommendation => Tag::new("circle")
            .num("cx", x)
            .num("cy", y)
            .attr("r", "5.5"),
        StatementKind::Observation => Tag::new("rect")
            .num("x", x - 5.0)
            .num("y", y - 5.0)
            .attr("width", "10")
            .attr("height", "10"),
    };
    tag.attr("fill", colour)
        .attr("stroke", "#fff")
        .attr("stroke-width", "1")
}

fn theme(out: &mut String, t: &Theme, total: usize, sessions: &HashMap<&str, &Session>) {
    let (class, word) = match t.kind {
        StatementKind::Recommendation => ("rec", "recommendation"),
        StatementKind::Observation => ("obs", "observation"),
    };
    // The article is written once complete, so it is always closed.
    let mut body = format!(
        "\n{}\n",
        Tag::new("h3").wrap(&theme_heading(t, class, total))
    );
    let representative = Tag::new("p").wrap(&escape(&t.representative));
    let _ = writeln!(body, "{}", Tag::new("blockquote").wrap(&representative));
    if t.broad {
        body.push_str(
            "<p class=\"meta\"><em>Broad theme: close to what the whole corpus says, listed after \
             the specific ones.</em></p>\n",
        );
    }
    let a_or_an = capital(article(word));
    let cohesion = t.cohesion;
    let statements = count(t.statements.len(), "statement", "statements");
    let id = escape(&t.id);
    let _ = writeln!(
        body,
        "<p class=\"meta\">{a_or_an} {word} theme · cohesion {cohesion:.2} · {statements} · id <code>{id}</code></p>"
    );
    // Open by default: the quotes are the evidence, and a closed <details> does not
    // print in every browser.
    let members = t.by_stance();
    let summary = if members.support.len() == 1 {
        "The supporting quote".to_string()
    } else {
        format!("All {} supporting quotes", members.support.len())
    };
    let _ = writeln!(
        body,
        "<details open>\n<summary>{summary}</summary>\n<ul class=\"quotes\">"
    );
    for s in &members.support {
        let on = t.condition_of(&s.id).map_or(String::new(), |c| {
            format!("<strong>on a condition (“{}”):</strong> ", escape(c))
        });
        let _ = writeln!(body, "<li>{on}{}</li>", quote(s, sessions));
    }
    body.push_str("</ul>\n</details>\n");
    if !members.mentions.is_empty() {
        body.push_str(
            "<p class=\"meta\"><strong>Mentioned</strong> without taking a side (not counted as support):</p>\n<ul class=\"quotes\">\n",
        );
        for s in &members.mentions {
            let _ = writeln!(body, "<li>{}</li>", quote(s, sessions));
        }
        body.push_str("</ul>\n");
    }
    let dissent = members.dissent;
    if !dissent.is_empty() || !t.also_dissent.is_empty() {
        body.push_str(
            "<p class=\"meta\"><strong>Dissent</strong> (not counted as support):</p>\n<ul class=\"quotes dissent\">\n",
        );
        for (s, m) in dissent {
            let cue = m.cue.as_deref().unwrap_or("opposition");
            let (cue, cited) = (escape(cue), quote(s, sessions));
            let _ = writeln!(
                body,
                "<li><strong>dissents (“{cue}”):</strong> {cited}</li>"
            );
        }
        // Rejections the clustering put in another theme, linked to their home.
        for a in &t.also_dissent {
            let cue = escape(a.cue.as_deref().unwrap_or("opposition"));
            let (cited, theme) = (quote(&a.statement, sessions), anchor_link(&a.theme));
            let _ = writeln!(
                body,
                "<li><strong>dissents (“{cue}”):</strong> {cited} (in {theme})</li>"
            );
        }
        body.push_str("</ul>\n");
    }
    if !t.also.is_empty() {
        let _ = writeln!(
            body,
            "<p class=\"meta\">Also stated by {} of other themes:</p>\n<ul class=\"quotes also\">",
            count(t.also.len(), "statement", "statements")
        );
        for a in &t.also {
            let cited = quote(&a.statement, sessions);
            let theme = anchor_link(&a.theme);
            let _ = writeln!(body, "<li>{cited} (in {theme})</li>");
        }
        body.push_str("</ul>\n");
    }
    let _ = writeln!(out, "{}", Tag::new("article").attr("id", &t.id).wrap(&body));
}

/// A theme's heading: kind and id, title, support, dissent, then its keywords in small print.
fn theme_heading(t: &Theme, class: &str, total: usize) -> String {
    let tag = Tag::new("span")
        .attr("class", &format!("tag {class}"))
        .wrap(&short_id(t));
    let (rank, title, support) = (t.rank, escape(&t.title), t.support);
    let sessions = count(total, "session", "sessions");
    let share = t.share * 100.0;
    let dissent = escape(&super::markdown::dissent_note(t.dissent));
    let keywords = Tag::new("small")
        .attr("class", "kw")
        .wrap(&escape(&t.label));
    let verb = super::markdown::counted_as(t);
    format!(
        "{tag}{rank}. {title} — {support} of {sessions} {verb} ({share:.0}%){dissent} {keywords}"
    )
}

/// "A" → "A", "an" → "An": a sentence-initial article.
fn capital(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Broad areas that were split into their specific themes, with links to those.
fn common_ground(out: &mut String, d: &Digest) {
    out.push_str("<section id=\"common\">\n<h2>Common ground</h2>\n");
    if d.common.is_empty() {
        out.push_str("<p><em>None: no theme was a catch-all.</em></p>\n</section>\n");
        return;
    }
    out.push_str(
        "<p>Broad areas many sessions speak to, each split into the specific themes listed \
         above (and unique entries below), so that no catch-all is ranked as a \
         recommendation.</p>\n",
    );
    let titles: HashMap<&str, &str> = d
        .themes
        .iter()
        .chain(&d.unique)
        .map(|t| (t.id.as_str(), t.title.as_str()))
        .collect();
    let sessions = count(d.corpus.sessions, "session", "sessions");
    for c in &d.common {
        let (title, support, share) = (escape(&c.title), c.support, c.share * 100.0);
        let keywords = Tag::new("small")
            .attr("class", "kw")
            .wrap(&escape(&c.keywords.join(" · ")));
        let heading = format!("{title} — {support} of {sessions} ({share:.0}%) {keywords}");
        let statements = count(c.statements, "statement", "statements");
        let id = escape(&c.id);
        let mut body = format!("\n{}\n", Tag::new("h3").wrap(&heading));
        let _ = writeln!(
            body,
            "<p class=\"meta\">{statements} · id <code>{id}</code></p>\n<ul>"
        );
        for id in &c.themes {
            let (link, title) = (anchor_link(id), titles.get(id.as_str()).copied());
            let title = escape(title.unwrap_or(""));
            let _ = writeln!(body, "<li>{link} {title}</li>");
        }
        body.push_str("</ul>\n");
        let _ = writeln!(out, "{}", Tag::new("article").attr("id", &c.id).wrap(&body));
    }
    out.push_str("</section>\n");
}

/// One cited quote: text, session title (linked where the session has a URL),
/// section, and `file:line`.
fn quote(s: &Statement, sessions: &HashMap<&str, &Session>) -> String {
    let session = match sessions.get(s.session.as_str()) {
        Some(x) => link(&x.url, display_title(&x.title, &x.id)),
        None => escape(&s.session),
    };
    let text = Tag::new("q").wrap(&escape(&s.text));
    let section = section_word(s);
    let (file, line) = (escape(&s.source), s.line);
    let lead = s
        .lead_in()
        .map(|l| format!(" · under “{}”", escape(l)))
        .unwrap_or_default();
    format!(
        "{text} — <cite>{session}</cite> · {section} · <code class=\"src\">{file}:{line}</code>{lead}"
    )
}

/// A link to the theme or common-ground article `id` on this page, showing the id.
fn anchor_link(id: &str) -> String {
    Tag::new("a")
        .attr("href", &format!("#{id}"))
        .wrap(&escape(id))
}

fn unique(out: &mut String, d: &Digest, sessions: &HashMap<&str, &Session>) {
    out.push_str("<section id=\"unique\">\n<h2>Unique proposals</h2>\n");
    if d.unique.is_empty() {
        out.push_str(
            "<p><em>None: every statement belongs to a recurring theme.</em></p>\n</section>\n",
        );
        return;
    }
    let _ = writeln!(
        out,
        "<p>Statements that fewer than {} support: recommendations first, then observations. Another session's statement that only mentions one, or rejects it, is listed with it.</p>\n<ol class=\"unique\">",
        count(d.corpus.options.min_sessions, "session", "sessions")
    );
    for t in &d.unique {
        let (class, word) = match t.kind {
            StatementKind::Recommendation => ("rec", "Recommendation"),
            StatementKind::Observation => ("obs", "Observation"),
        };
        let mut item = Tag::new("span")
            .attr("class", &format!("tag {class}"))
            .wrap(word);
        let (support, dissent) = t.listing();
        let mut lines =
            support
                .iter()
                .map(|s| (quote(s, sessions), None))
                .chain(dissent.iter().map(|(s, m)| {
                    let cue = m.cue.as_deref().unwrap_or("opposition");
                    (quote(s, sessions), Some(escape(cue)))
                }));
        let dissents = |cue: &str| format!("<strong>dissents (“{cue}”):</strong> ");
        if let Some((first, cue)) = lines.next() {
            item.push_str(&cue.map_or(String::new(), |c| dissents(&c)));
            item.push_str(&first);
        }
        let rest: Vec<(String, Option<String>)> = lines.collect();
        if !rest.is_empty() {
            item.push_str("<ul>");
            for (line, cue) in rest {
                let mark = cue.map_or("also ".to_owned(), |c| dissents(&c));
                let _ = write!(item, "<li>{mark}{line}</li>");
            }
            item.push_str("</ul>");
        }
        let _ = writeln!(out, "{}", Tag::new("li").attr("id", &t.id).wrap(&item));
    }
    out.push_str("</ol>\n</section>\n");
}

fn session_list(out: &mut String, d: &Digest) {
    out.push_str("<section id=\"sessions\">\n<h2>Sessions</h2>\n<ul>\n");
    for s in &d.sessions {
        let title = link(&s.url, display_title(&s.title, &s.id));
        let id = escape(&s.id);
        let _ = write!(out, "<li><strong>{title}</strong> (<code>{id}</code>)");
        for extra in [&s.organizer, &s.date] {
            if !extra.is_empty() {
                let _ = write!(out, " · {}", escape(extra));
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// The files found but not read, each with why (the agreement page prints them too).
pub(crate) fn skipped(out: &mut String, skipped: &[Skipped]) {
    out.push_str("<section id=\"skipped\">\n<h2>Skipped files</h2>\n");
    if skipped.is_empty() {
        out.push_str("<p>None: every file found was read.</p>\n</section>\n");
        return;
    }
    out.push_str("<ul>\n");
    for s in skipped {
        let (file, reason) = (escape(&s.source), escape(&s.reason));
        let _ = writeln!(out, "<li><code>{file}</code>: {reason}</li>");
    }
    out.push_str("</ul>\n</section>\n");
}
