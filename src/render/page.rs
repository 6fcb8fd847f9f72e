//! The page every HTML report is written into: one self-contained document (inline CSS, no
//! scripts, no fonts, no network) that a delegate can open from a mail attachment.

use super::svg::{escape, Tag};
use std::fmt::Write;

/// The style sheet of every page (digest and agreement). In print every `<details>` is
/// open (`::details-content` for current browsers), so a PDF keeps every quote.
const STYLE: &str = "\
:root{color-scheme:light}\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\
line-height:1.45;color:#1a1a1a;background:#fff;margin:0}\
main{max-width:1180px;margin:0 auto;padding:1.5rem 2rem 4rem}\
h1{font-size:1.9rem;margin:.2rem 0 .6rem}\
h2{font-size:1.35rem;margin:2.4rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid #d0d7de}\
h3{font-size:1.08rem;margin:1.6rem 0 .3rem}\
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.8rem 0}\
dl.facts dt{font-weight:600}dl.facts dd{margin:0}\
nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:0;list-style:none}\
figure{margin:1rem 0}figcaption{font-size:.92rem;color:#444;margin-top:.4rem}\
.scroll{overflow-x:auto}\
svg text{font-family:inherit}\
blockquote{margin:.4rem 0;padding:.3rem .9rem;border-left:4px solid #0072B2;background:#f3f7fb}\
.meta{color:#555;font-size:.9rem;margin:.2rem 0}\
details{margin:.4rem 0}summary{cursor:pointer;color:#0b4f8a}\
ul.quotes li,ol.unique li{margin:.35rem 0}\
code{font-size:.85em;background:#f2f2f2;padding:0 .2em;border-radius:3px;overflow-wrap:anywhere}\
code.src{white-space:nowrap}\
table{border-collapse:collapse;font-size:.85rem}\
th,td{border:1px solid #ccc;padding:.15rem .4rem;text-align:left}\
td.n{text-align:center}\
.legend{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;padding:0;list-style:none;font-size:.88rem}\
.legend svg{vertical-align:middle;margin-right:.3rem}\
.tag{font-size:.75rem;font-weight:600;border:1px solid currentColor;border-radius:3px;padding:0 .3em;\
margin-right:.3em;vertical-align:middle}\
.rec{color:#0b4f8a}.obs{color:#8a4b00}\
small.kw{font-weight:400;color:#666;font-size:.78rem;margin-left:.4em}\
.grid{max-height:75vh;overflow:auto;border:1px solid #ccc}\
.grid table{border:0}\
.grid thead th{position:sticky;top:0;background:#f6f8fa;z-index:1}\
.grid th[scope=row]{position:sticky;left:0;background:#fff;max-width:18rem;overflow:hidden;\
text-overflow:ellipsis;white-space:nowrap}\
.grid thead th:first-child{left:0;z-index:2}\
@media print{\
details::details-content{content-visibility:visible;display:block}\
details>*{display:block}\
details>summary{list-style:none}\
.scroll,.grid{overflow:visible;max-height:none;border:0}\
.grid th[scope=row]{white-space:normal;max-width:none}\
.grid thead th{position:static}.grid th[scope=row]{position:static}\
a{color:inherit;text-decoration:none}\
article,blockquote,li{break-inside:avoid}\
h2,h3{break-after:avoid}\
}\
";

/// Wrap `body` in a complete, self-contained HTML document titled `title`.
pub(crate) fn page(title: &str, body: &str) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // So that a page saved into the input folder is never read back as a session.
    // A void element (no "/>" in HTML), so written out rather than through Tag.
    let mark = crate::GENERATED_MARK;
    let _ = writeln!(out, "<meta name=\"generator\" content=\"{mark}\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "{}", Tag::new("title").wrap(&escape(title)));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>\n<main>");
    out.push_str(body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// A link to `url` showing `text` when the url is a web address; plain text otherwise,
/// so a `javascript:` or relative link in a document cannot end up clickable.
pub(crate) fn link(url: &str, text: &str) -> String {
    let url = url.trim();
    if url.starts_with("https://") || url.starts_with("http://") {
        Tag::new("a").attr("href", url).wrap(&escape(text))
    } else {
        escape(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_become_anchors() {
        assert_eq!(
            link("https://example.org/a?b=1&c=2", "T"),
            "<a href=\"https://example.org/a?b=1&amp;c=2\">T</a>"
        );
        assert_eq!(link("javascript:alert(1)", "<T>"), "&lt;T&gt;");
        assert_eq!(link("", "T"), "T");
    }

    #[test]
    fn page_is_self_contained() {
        let p = page("a <b>", "<p>x</p>\n");
        assert!(p.starts_with("<!DOCTYPE html>"));
        assert!(p.contains("<title>a &lt;b&gt;</title>"));
        assert!(!p.contains("<script") && !p.contains("@import") && !p.contains("url("));
    }
}
