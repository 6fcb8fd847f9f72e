//! Web pages (.html, .htm) to the outliner's Markdown-ish text.
//!
//! Only the page's own content matters: navigation, headers, footers,
//! scripts and styles are dropped, and so is what a page marks as furniture by its
//! structure rather than its words: hidden elements, landmark roles other than the main
//! content, containers whose class or id names a cookie notice, share bar, sidebar,
//! comment thread and the like (the idea of readability's "unlikely candidates"), and
//! blocks that are mostly the text of several links (a share bar or a row of tags,
//! whatever it says). Headings become `# …`, list items
//! `- …` / `1. …` indented by nesting depth, and every other block element
//! (paragraph, div, table row, …) a paragraph. The HTML parser decodes
//! entities. The walk is iterative, so deeply nested markup cannot overflow
//! the stack.

use super::read::CELL_SEPARATOR;
use super::DocMeta;
use scraper::{Html, Node, Selector};

/// Elements whose whole subtree is boilerplate or not text.
const DROPPED: &[&str] = &[
    "head",
    "nav",
    "header",
    "footer",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "form",
    "button",
    "select",
    "aside",
    "menu",
    "figcaption",
];

/// Landmark roles whose subtree is not the page's content.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];

/// Beginnings of class or id words that name page furniture ("cookie-notice",
/// "share-bar", "sidebar-left", "post-comments"). Not "banner" or "header": sites put
/// the page's own title in a "page-banner" or "entry-header".
const FURNITURE_CLASSES: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "breadcrumb",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "sidebar",
    "comment",
    "footer",
    "menu",
    "nav",
    "pagination",
    "pager",
    "popup",
    "modal",
    "advert",
    "sponsor",
    "skip",
    "promo",
];

/// Whole class or id words that name page furniture: the author box under a post
/// ("author-bio", "about-author"). Whole words, so "biodiversity" or "authority" stay.
const FURNITURE_WORDS: &[&str] = &[
    "bio",
    "biography",
    "author",
    // An advertisement's slot ("ad-slot", "ads-top"); whole words, so "adaptation" stays.
    "ad",
    "ads",
    // A wiki's site-wide banner, its tagline ("From Digital Commons Wiki"), the link back
    // to the parent page, and the "[edit]" link beside each heading (MediaWiki's ids).
    "sitenotice",
    "sitesub",
    "contentsub",
    "editsection",
];

/// Class or id words that name the content itself: a container so named is kept even if
/// another of its words looks like furniture ("article-footer" holds the article's end).
const CONTENT_CLASSES: &[&str] = &["content", "article", "main", "body", "column"];

/// A block whose text is at least this share link text, over at least
/// [`LINK_BLOCK_MIN_LINKS`] links, is a row of links, not prose.
const LINK_DENSITY: f64 = 0.5;
const LINK_BLOCK_MIN_LINKS: usize = 2;

/// Most words of a list item that is a link alone and, so, points elsewhere.
const LINK_ITEM_WORDS: usize = 8;

/// Is this element's whole subtree furniture, by its name, role, visibility or class?
fn is_furniture(el: &scraper::node::Element) -> bool {
    DROPPED.contains(&el.name()) || marked_as_furniture(el)
}

/// Is this element furniture by its role, visibility or class, whatever its name?
fn marked_as_furniture(el: &scraper::node::Element) -> bool {
    let name = el.name();
    // A tab panel is hidden until its tab is chosen: the page's content all the same
    // (each session's outcomes on a tab of its own), not furniture.
    let tab_panel = el
        .attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("tabpanel"));
    if !tab_panel
        && (el.attr("hidden").is_some()
            || el.attr("aria-hidden") == Some("true")
            || el.attr("style").is_some_and(|s| {
                let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                s.to_lowercase().contains("display:none")
            }))
    {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|r| DROPPED_ROLES.contains(&r.trim().to_lowercase().as_str()))
    {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let words: Vec<String> = [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let furniture = words.iter().any(|w| {
        FURNITURE_CLASSES.iter().any(|f| w.starts_with(f)) || FURNITURE_WORDS.contains(&w.as_str())
    });
    furniture && !words.iter().any(|w| CONTENT_CLASSES.contains(&w.as_str()))
}

/// A quotation's attribution: a `<footer>` or `<figcaption>` inside a `<blockquote>`, or
/// the caption of a `<figure>` that holds one ("— Civil society respondent, East Africa").
/// Not page furniture: it says who said what the page quotes.
fn attributes_a_quote(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let is = |n: ego_tree::NodeRef<'_, Node>, name: &str| {
        n.value().as_element().is_some_and(|e| e.name() == name)
    };
    let Some(parent) = node.parent() else {
        return false;
    };
    (is(node, "footer") || is(node, "figcaption"))
        && (is(parent, "blockquote")
            || (is(node, "figcaption")
                && is(parent, "figure")
                && parent.children().any(|c| is(c, "blockquote"))))
}

/// The header of an article or section, not of the page: a `<header>` is the page's
/// banner only outside `<article>`, `<section>` and `<main>` (HTML-AAM maps it to the
/// banner landmark only there). A blog post's `<header class="entry-header">` holds the
/// post's own `<h1>` title, which had been dropped with the site's banner.
fn heads_its_article(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| e.name() == "header")
        && node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "article" | "section" | "main"))
        })
}

/// A mark that points into the page ("[a]", "[12]"), as a word processor links a
/// comment or a note to its place in the text.
fn is_mark_link(el: &scraper::node::Element, node: ego_tree::NodeRef<'_, Node>) -> bool {
    // Every element of the page is asked: the name and link first, so only an in-page
    // link's own text is ever gathered.
    if el.name() != "a" || !el.attr("href").is_some_and(|h| h.starts_with('#')) {
        return false;
    }
    let text: String = node
        .descendants()
        .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
        .collect();
    let text = text.trim();
    text.starts_with('[') && text.ends_with(']') && text.chars().count() <= 6
}

/// A comment or note set apart from the text, which opens on a mark linking back to its
/// place in it (a Google Docs export puts each reviewer's comment so at the page's end:
/// `<div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a>Is this right?…`). What the
/// reviewers wrote is not what the session said.
fn is_linked_note(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let Some(el) = node.value().as_element() else {
        return false;
    };
    if !matches!(el.name(), "div" | "aside" | "section") {
        return false;
    }
    for d in node.descendants().skip(1) {
        match d.value() {
            Node::Text(t) if !t.trim().is_empty() => return false,
            Node::Element(e) if e.name() == "a" => {
                return e.attr("id").is_some() && is_mark_link(e, d);
            }
            _ => {}
        }
    }
    false
}

/// Elements that start a new block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "dl",
    "dt",
    "dd",
    "pre",
    "figure",
    "figcaption",
    "body",
    "br",
    "hr",
    "address",
];

/// Convert an HTML page to normalised text.
pub(crate) fn to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = Writer::default();
    // (node, closing?) pairs: an explicit stack instead of recursion.
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Element(el) => {
                let name = el.name();
                if closing {
                    out.close(name);
                    continue;
                }
                let furniture = if heads_its_article(node) {
                    marked_as_furniture(el)
                } else {
                    (is_furniture(el) && !attributes_a_quote(node))
                        || is_linked_note(node)
                        || is_mark_link(el, node)
                };
                if furniture {
                    continue;
                }
                out.open(name);
                stack.push((node, true));
                // Children are pushed in reverse so they pop in document order.
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            Node::Text(t) => out.text(t),
            Node::Document | Node::Fragment => {
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
    // The <head> (with <title>) is read apart, by `metadata`: it often names the site as
    // well as the session, so the body's own title comes first.
    out.flush();
    out.text
}

/// The page's own properties from its `<head>`: Open Graph or plain title, canonical link,
/// publication date. The body's title still wins (see `outline`): `<title>` often names
/// the site as well as the page.
pub(crate) fn metadata(html: &str) -> DocMeta {
    let doc = Html::parse_document(html);
    let first = |selectors: &[&str], attr: Option<&str>| -> String {
        selectors
            .iter()
            .filter_map(|s| Selector::parse(s).ok())
            .find_map(|sel| {
                doc.select(&sel).find_map(|el| {
                    let v = match attr {
                        Some(a) => el.value().attr(a).map(str::to_owned),
                        None => Some(el.text().collect::<String>()),
                    };
                    v.map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|v| !v.is_empty())
                })
            })
            .unwrap_or_default()
    };
    let mut title = first(&["meta[property=\"og:title\"]"], Some("content"));
    if title.is_empty() {
        title = first(&["head > title"], None);
    }
    let mut url = first(&["link[rel=\"canonical\"]"], Some("href"));
    if url.is_empty() {
        url = first(&["meta[property=\"og:url\"]"], Some("content"));
    }
    DocMeta {
        title,
        url,
        date: first(
            &[
                "meta[property=\"article:published_time\"]",
                "meta[name=\"date\"]",
                "meta[name=\"dcterms.date\"]",
            ],
            Some("content"),
        ),
        source_lines: Vec::new(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ListKind {
    Bullets,
    Numbers,
}

/// Accumulates text and emits one line per block.
#[derive(Default)]
struct Writer {
    text: String,
    buf: String,
    /// Prefix for the block being collected ("## ", "  - ", "").
    prefix: String,
    lists: Vec<ListKind>,
    /// Links open around the text being read, links begun in the block, and the
    /// characters of the block's text that are link text.
    in_link: usize,
    links: usize,
    link_chars: usize,
    /// Inside a table row: whether one of its cells is a data cell (`td`), which makes
    /// the row an item; a row of header cells only names the columns.
    row: Option<bool>,
    /// A block inside a cell broke the row into paragraphs (a table used for layout):
    /// what is left of it is a paragraph too, not an item.
    row_broken: bool,
    /// A short `<dt>` was read and is held: the `<dd>` after it completes the field.
    term: bool,
    /// Inside an article's own `<header>` (the page's is never read), where a line that
    /// is all link text is the post's category or author, never its title.
    in_header: usize,
    /// The cells of the table row being read, in order: `true` for a header cell.
    cells: Vec<bool>,
}

/// A `<dt>` of at most this many words names a field ("Date", "Organiser:"), and the
/// `<dd>` after it is the field's value, on the same line.
const FIELD_TERM_WORDS: usize = 6;

impl Writer {
    fn open(&mut self, name: &str) {
        if name == "a" {
            self.in_link += 1;
            self.links += 1;
        }
        if name == "header" {
            self.in_header += 1;
        }
        // "<dt>Date:</dt><dd>3 June 2025</dd>": one labelled line, "Date: 3 June 2025", as
        // a page of fields is written in text; as two lines the label read as a heading
        // and the date went unclaimed.
        if std::mem::take(&mut self.term) && name == "dd" {
            let term = self.buf.trim_end().to_owned();
            self.buf = if term.ends_with(':') {
                format!("{term} ")
            } else {
                format!("{term}: ")
            };
            return;
        }
        // A table row is one line, its cells set apart by a dash: "Fund cable repairs —
        // Development banks — 2026", never "…repairsDevelopment banks2026".
        if matches!(name, "td" | "th") {
            if let Some(has_data) = &mut self.row {
                *has_data |= name == "td";
                // "<th>Organizer</th><td>Harbour Network</td>": a row headed by its own
                // label is a field, "Organizer: Harbour Network".
                let field = self.cells == [true] && name == "td";
                self.cells.push(name == "th");
                if !self.buf.trim().is_empty() {
                    self.buf = if field {
                        format!("{}: ", self.buf.trim_end().trim_end_matches(':'))
                    } else {
                        format!("{}{CELL_SEPARATOR}", self.buf.trim_end())
                    };
                }
            }
            return;
        }
        if !BLOCKS.contains(&name) {
            return;
        }
        if self.row.is_some() && name != "tr" {
            self.row_broken = true;
        }
        self.flush();
        match name {
            "ul" => self.lists.push(ListKind::Bullets),
            "ol" => self.lists.push(ListKind::Numbers),
            "li" => {
                let depth = self.lists.len().saturating_sub(1).min(8);
                let marker = match self.lists.last() {
                    Some(ListKind::Numbers) => "1.",
                    _ => "-",
                };
                self.prefix = format!("{}{marker} ", "  ".repeat(depth));
            }
            h if h.len() == 2 && h.starts_with('h') => {
                let level = h[1..].parse::<usize>().unwrap_or(2);
                self.prefix = format!("{} ", "#".repeat(level));
            }
            "tr" => {
                self.row = Some(false);
                self.row_broken = false;
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if name == "a" {
            self.in_link = self.in_link.saturating_sub(1);
        }
        if name == "header" {
            self.in_header = self.in_header.saturating_sub(1);
        }
        if !BLOCKS.contains(&name) {
            return;
        }
        if name == "dt" && (1..=FIELD_TERM_WORDS).contains(&self.buf.split_whitespace().count()) {
            self.term = true;
            return;
        }
        if name == "tr" {
            // A row with data is an item of the table's list; a header row a plain line,
            // and so is a field (a label cell, then its value).
            let field = self.cells == [true, false];
            if self.row == Some(true) && !self.row_broken && !field {
                self.prefix = "- ".to_owned();
            }
            self.cells.clear();
            self.flush();
            self.row = None;
            self.row_broken = false;
            return;
        }
        self.flush();
        if matches!(name, "ul" | "ol") {
            self.lists.pop();
        }
    }

    fn text(&mut self, t: &str) {
        if t.starts_with(char::is_whitespace) && !self.buf.is_empty() {
            self.buf.push(' ');
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        let joined = words.join(" ");
        if self.in_link > 0 {
            self.link_chars += joined.chars().filter(|c| !c.is_whitespace()).count();
        }
        self.buf.push_str(&joined);
        if t.ends_with(char::is_whitespace) && !words.is_empty() {
            self.buf.push(' ');
        }
    }

    fn flush(&mut self) {
        let body = self.buf.trim();
        let chars = body.chars().filter(|c| !c.is_whitespace()).count().max(1);
        let is_item = self.prefix.trim_start().starts_with(['-', '1']);
        let all_link = self.links > 0 && self.link_chars >= chars;
        // A list item that is one short link and nothing else points elsewhere ("See
        // also: Algorithmic management"), as a row of links does.
        let link_row = if self.in_header > 0 {
            all_link
        } else {
            (self.links >= LINK_BLOCK_MIN_LINKS
                && self.link_chars as f64 >= LINK_DENSITY * chars as f64)
                || (is_item && all_link && body.split_whitespace().count() <= LINK_ITEM_WORDS)
        };
        if !body.is_empty() && !link_row {
            // List items sit on consecutive lines; other blocks are separated by a blank line.
            if !is_item {
                self.text.push('\n');
            }
            self.text.push_str(&self.prefix);
            self.text.push_str(body);
            self.text.push('\n');
        }
        self.buf.clear();
        self.links = 0;
        self.link_chars = 0;
        // Text after a nested list inside an item continues as a plain paragraph.
        self.prefix.clear();
    }
}

/// Letters and digits of a probe that place a text line in the file: enough to be
/// unique on a page, few enough to stay on the line where the text begins.
const PROBE_CHARS: usize = 24;

/// For each line of `text` (what [`to_text`] made of `html`), the line of `html` where it
/// begins, found by its first letters and digits in the page's text with tags and
/// entities removed, searching on from the last line found; a line not found (a word
/// whose letters an entity spells) takes the place of the line above it, 0 before any.
pub(crate) fn source_lines(html: &str, text: &str) -> Vec<usize> {
    // The page's letters and digits, lower-cased, one line number per byte.
    let mut stream = String::with_capacity(html.len() / 2);
    let mut line_at: Vec<usize> = Vec::with_capacity(html.len() / 2);
    let mut line = 1;
    // The element whose text is no part of the page's body text ("head", "script").
    let mut skipping: Option<String> = None;
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '<' => {
                let mut tag = String::new();
                for t in chars.by_ref() {
                    if t == '>' {
                        break;
                    }
                    if t == '\n' {
                        line += 1;
                    }
                    tag.push(t);
                }
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .flat_map(|c| c.to_lowercase())
                    .collect();
                let closing = tag.starts_with('/');
                match &skipping {
                    Some(open) if closing && *open == name => skipping = None,
                    None if !closing && matches!(name.as_str(), "head" | "script" | "style") => {
                        skipping = Some(name);
                    }
                    _ => {}
                }
            }
            // An entity ("&rsquo;", "&#8217;") spells no letter of the text.
            '&' => {
                while let Some(&next) = chars.peek() {
                    if next == ';' || !(next.is_ascii_alphanumeric() || next == '#') {
                        if next == ';' {
                            chars.next();
                        }
                        break;
                    }
                    chars.next();
                }
            }
            c if skipping.is_none() && c.is_alphanumeric() => {
                for lower in c.to_lowercase() {
                    stream.push(lower);
                    line_at.extend(std::iter::repeat_n(line, lower.len_utf8()));
                }
            }
            _ => {}
        }
    }
    let mut from = 0;
    let mut last = 0;
    text.split('\n')
        .map(|text_line| {
            let probe: String = text_line
                // A list item's number is the reader's, not the page's.
                .trim_start_matches(|c: char| {
                    c.is_ascii_digit() || matches!(c, '#' | '-' | '*' | '.' | ')' | ' ')
                })
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .take(PROBE_CHARS)
                .collect();
            if probe.is_empty() {
                return last;
            }
            // Only so far ahead: a line not found costs a bounded search, so a large
            // page stays linear.
            let mut end = (from + SEARCH_BYTES).min(stream.len());
            while !stream.is_char_boundary(end) {
                end -= 1;
            }
            // Not found (a word an entity spells), a line keeps the place of the line above.
            if let Some(i) = stream[from..end].find(&probe) {
                from += i;
                last = line_at[from];
            }
            last
        })
        .collect()
}

/// How far ahead of the last line found, in letters, a text line is looked for.
const SEARCH_BYTES: usize = 1 << 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_properties() {
        let m = metadata(
            r#"<html><head><title>Ports | Site</title><meta property="og:title" content="Open ports roundtable">
            <link rel="canonical" href="https://ports.example.org/r"><meta property="article:published_time" content="2025-05-09"></head><body></body></html>"#,
        );
        assert_eq!(
            (m.title.as_str(), m.url.as_str(), m.date.as_str()),
            (
                "Open ports roundtable",
                "https://ports.example.org/r",
                "2025-05-09"
            )
        );
        let m = metadata("<html><head><title> Plain  title </title></head></html>");
        assert_eq!((m.title.as_str(), m.url.as_str()), ("Plain title", ""));
    }

    #[test]
    fn content_without_boilerplate() {
        let html = r#"<html><head><title>Page</title><style>p{}</style></head><body>
            <nav><a href="/">Home</a></nav><header>Site banner</header>
            <h1>My &amp; Session</h1>
            <h2>Key Issues</h2>
            <ul><li>First &ldquo;point&rdquo;.</li>
                <li>Lead-in:<ul><li>Nested <b>bold</b> item.</li></ul></li></ul>
            <p>Some prose. More prose.</p>
            <ol><li>Numbered.</li></ol>
            <script>var x = 1;</script><footer>© 2025</footer></body></html>"#;
        assert_eq!(
            to_text(html),
            "\n# My & Session\n\n## Key Issues\n- First “point”.\n- Lead-in:\n  - Nested bold item.\n\nSome prose. More prose.\n1. Numbered.\n"
        );
    }

    #[test]
    fn an_articles_own_header_is_read_and_the_pages_banner_is_not() {
        let html = r#"<html><body>
            <header class="site-header"><p>Harbour Network</p></header>
            <main><article>
              <header class="entry-header"><span class="cat-links"><a href="/c">Events</a></span>
                <h1 class="entry-title">Who keeps the tide records?</h1>
                <div class="entry-meta share-links">Share</div></header>
              <p>Participants asked that tide records stay public.</p>
            </article></main></body></html>"#;
        let text = to_text(html);
        assert!(text.contains("# Who keeps the tide records?"), "{text}");
        assert!(!text.contains("Harbour Network"), "{text}");
        // The article's header is still read for furniture by its class, and a line of
        // it that is a link alone is the post's category.
        assert!(!text.contains("Share"), "{text}");
        assert!(!text.contains("Events"), "{text}");
    }

    #[test]
    fn a_wiki_pages_fields_are_fields_and_its_furniture_is_not_read() {
        let html = r#"<html><body>
            <div id="siteNotice"><p>Registration for 2026 opens soon. <a href="/r">More</a>.</p></div>
            <h1 id="firstHeading">Tide Records Workshop</h1>
            <table class="infobox"><tr><th>Organizer</th><td>Harbour Network</td></tr>
              <tr><th>Date</th><td>3 June 2026</td></tr>
              <tr><td>Open tide data</td><td>2026</td></tr></table>
            <h2>Outcomes<span class="mw-editsection">[<a href="?action=edit">edit</a>]</span></h2>
            <ul><li>Harbours should publish tide records.</li></ul>
            <h2>See also</h2><ul><li><a href="/w/Tide_gauges">Tide gauges</a></li></ul>
            </body></html>"#;
        assert_eq!(
            to_text(html),
            "\n# Tide Records Workshop\n\nOrganizer: Harbour Network\n\nDate: 3 June 2026\n\
             - Open tide data — 2026\n\n## Outcomes\n- Harbours should publish tide records.\n\n\
             ## See also\n"
        );
    }

    #[test]
    fn reviewers_comments_and_their_marks_are_not_read() {
        let html = r##"<html><body>
            <p>Ports should publish tide records.<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p>
            <div style="border-top:1px solid #ccc"><p><a href="#cmnt_ref1" id="cmnt1">[a]</a>
              <span>Is this right?</span></p><p><span>We should also recommend more.</span></p></div>
            </body></html>"##;
        assert_eq!(to_text(html), "\nPorts should publish tide records.\n");
    }

    #[test]
    fn a_definition_lists_short_terms_label_their_values() {
        let html = r#"<html><body><dl class="event-meta">
            <dt>Date:</dt> <dd>3 June 2025</dd>
            <dt>Organiser</dt><dd><a href="/o">Harbour Network</a></dd>
            <dt>Why a tide register matters for every small harbour in the region</dt>
            <dd>Because records vanish.</dd></dl></body></html>"#;
        assert_eq!(
            to_text(html),
            "\nDate: 3 June 2025\n\nOrganiser: Harbour Network\n\n\
             Why a tide register matters for every small harbour in the region\n\n\
             Because records vanish.\n"
        );
    }

    #[test]
    fn a_quotations_attribution_is_read_and_the_page_footer_is_not() {
        let html = r#"<html><body><main>
            <blockquote><p>Keep the registry open.</p><footer>Fishers' cooperative, Gozo</footer></blockquote>
            <figure><blockquote>Fund the sensors.</blockquote><figcaption>Port authority, Valletta</figcaption></figure>
            <figure><img src="m.png"><figcaption>Map of tide gauges</figcaption></figure>
            </main><footer>© 2025 Harbour Observatory</footer></body></html>"#;
        let text = to_text(html);
        // Who said each quotation was dropped with the page's footer, unlisted.
        assert!(text.contains("Fishers' cooperative, Gozo"), "{text}");
        assert!(text.contains("Port authority, Valletta"), "{text}");
        assert!(!text.contains("Map of tide gauges"), "{text}");
        assert!(!text.contains("Harbour Observatory"), "{text}");
    }

    #[test]
    fn furniture_marked_by_structure_is_dropped_whatever_it_says() {
        let html = r#"<html><body>
            <div class="page-banner"><h1>Harbour forum closes</h1></div>
            <div class="cookie-banner">We use cookies. <a href="/p">Learn more</a></div>
            <div id="skip-link">Jump ahead</div>
            <div role="navigation">Sections</div>
            <div hidden>Hidden note</div><p style="display: none">Invisible</p>
            <div role="tabpanel" hidden><p>Second tab: fund cable repair.</p></div>
            <article class="post">
            <p>Ports should publish tide data.</p>
            <p>Pass it on: <a href="/s">Mastodon</a> <a href="/s">Bluesky</a> <a href="/s">Mail</a></p>
            <p>See <a href="/r">the report</a> for the tide tables of every port in the region.</p>
            <div class="article-footer">Cities should fund sensors.</div>
            <div class="post-comments">Great article!</div>
            <div class="ad-slot"><p>Advertisement</p><p>Fast fibre for your harbour.</p></div>
            </article></body></html>"#;
        assert_eq!(
            to_text(html),
            "\n# Harbour forum closes\n\nSecond tab: fund cable repair.\n\nPorts should publish tide data.\n\nSee the report for the tide tables of every port in the region.\n\nCities should fund sensors.\n"
        );
    }

    #[test]
    fn a_table_row_is_one_item_with_its_cells_set_apart() {
        let html = r#"<html><body><h1>Action plan</h1><table>
            <tr><th>Action</th><th>Lead</th></tr>
            <tr><td>Fund cable repairs.</td><td>Development banks</td></tr>
            <tr><td><p>Publish price data</p></td><td>Regulators</td></tr>
            </table></body></html>"#;
        assert_eq!(
            to_text(html),
            "\n# Action plan\n\nAction — Lead\n- Fund cable repairs. — Development banks\n\nPublish price data\n\nRegulators\n"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(5_000) + "deep text" + &"</div>".repeat(5_000);
        assert!(to_text(&html).contains("deep text"));
    }
}
