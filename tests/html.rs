//! The HTML report end to end: run the binary on `data/wsis-2025` and check the
//! page is self-contained and holds everything the JSON digest holds.

use serde_json::Value;
use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use cli::{concord, concord_output};

const DATA: &str = "data/wsis-2025";

/// Run `concord <args> --out dir/name` and return the file's text.
fn render(args: &[&str], dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    let mut all = args.to_vec();
    let out = path.to_str().expect("utf-8 temp path");
    all.extend_from_slice(&["--out", out]);
    concord(&all);
    std::fs::read_to_string(&path).expect("output written")
}

/// The text as the HTML writes it, so a quote can be found in the page.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Every value of `attr="…"` on tags named `tag`.
fn attributes(html: &str, tag: &str, attr: &str) -> Vec<String> {
    let open = format!("<{tag}");
    let key = format!("{attr}=\"");
    html.match_indices(&open)
        .filter_map(|(i, _)| {
            let rest = &html[i..];
            let tag_text = &rest[..rest.find('>')?];
            let at = tag_text.find(&key)? + key.len();
            let end = tag_text[at..].find('"')?;
            Some(tag_text[at..at + end].to_string())
        })
        .collect()
}

fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no scripts at all");
    assert!(!lower.contains("@import"), "no imported style sheets");
    assert!(!lower.contains("url("), "no url() in styles");
    assert!(!lower.contains("<link"), "no linked resources");
    assert!(!lower.contains("<iframe") && !lower.contains("<object"));
    for (tag, attr) in [("img", "src"), ("image", "href"), ("use", "href")] {
        for value in attributes(&lower, tag, attr) {
            assert!(
                !value.contains("http") && !value.starts_with("//"),
                "external <{tag} {attr}={value}>"
            );
        }
    }
}

#[test]
fn digest_html_is_self_contained_and_holds_every_theme_and_quote() {
    let dir = tempfile::tempdir().unwrap();
    let html = render(
        &["digest", DATA, "--format", "html"],
        dir.path(),
        "digest.html",
    );
    let json: Value = serde_json::from_str(&render(
        &["digest", DATA, "--format", "json"],
        dir.path(),
        "digest.json",
    ))
    .expect("valid JSON");

    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    assert_self_contained(&html);

    for id in ["matrix", "support", "map", "unique", "sessions", "skipped"] {
        assert!(
            html.contains(&format!("<section id=\"{id}\">")),
            "section {id}"
        );
    }
    assert_eq!(
        html.matches("<svg xmlns").count(),
        3,
        "matrix, support, map"
    );
    assert_eq!(html.matches("role=\"img\"").count(), 3);
    assert_eq!(html.matches("<figcaption>").count(), 3);
    assert!(html.contains("<table>"), "matrix has a table fallback");

    let themes = json["themes"].as_array().unwrap();
    let sessions = json["corpus"]["sessions"].as_u64().unwrap();
    for t in themes {
        let label = escaped(t["label"].as_str().unwrap());
        assert!(html.contains(&label), "theme label {label}");
        let support = t["support"].as_u64().unwrap();
        assert!(html.contains(&format!("{support} of {sessions} sessions")));
    }
    let mut quotes = 0;
    for t in themes.iter().chain(json["unique"].as_array().unwrap()) {
        assert!(html.contains(&format!("id=\"{}\"", t["id"].as_str().unwrap())));
        for s in t["statements"].as_array().unwrap() {
            let text = escaped(s["text"].as_str().unwrap());
            assert!(html.contains(&format!("<q>{text}</q>")), "quote {text}");
            let cite = format!(
                "{}:{}",
                s["source"].as_str().unwrap(),
                s["line"].as_u64().unwrap()
            );
            assert!(html.contains(&cite), "citation {cite}");
            quotes += 1;
        }
    }
    assert_eq!(quotes, json["corpus"]["statements"].as_u64().unwrap());

    // One map point per statement, each with its text on hover.
    let points = html
        .split("<section id=\"map\">")
        .nth(1)
        .and_then(|m| m.split("</svg>").next())
        .map(|svg| svg.matches("<title>").count())
        .unwrap_or(0);
    assert_eq!(
        points as u64,
        json["corpus"]["statements"].as_u64().unwrap()
    );

    // Session pages are linked where the document gave a URL.
    for s in json["sessions"].as_array().unwrap() {
        let url = s["url"].as_str().unwrap();
        if !url.is_empty() {
            assert!(html.contains(&format!("<a href=\"{}\">", escaped(url))));
        }
    }
}

#[test]
fn digest_html_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["digest", DATA, "--format", "html"];
    let a = render(&args, dir.path(), "a.html");
    let b = render(&args, dir.path(), "b.html");
    assert_eq!(a, b);
}

#[test]
fn agreement_html_lists_addressing_and_silent_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let html = render(
        &["agreement", "IGF mandate", DATA, "--format", "html"],
        dir.path(),
        "agreement.html",
    );
    let json: Value = serde_json::from_str(&render(
        &["agreement", "IGF mandate", DATA, "--format", "json"],
        dir.path(),
        "agreement.json",
    ))
    .unwrap();
    assert_self_contained(&html);
    assert!(html.contains("Agreement on “IGF mandate”"));
    let total = json["sessions_total"].as_u64().unwrap();
    let addressing = json["sessions"].as_array().unwrap();
    assert!(html.contains(&format!("{} of {total} sessions", addressing.len())));
    assert!(html.contains("role=\"img\""), "share bar");
    for s in addressing {
        for r in s["statements"].as_array().unwrap() {
            let text = escaped(r["text"].as_str().unwrap());
            assert!(html.contains(&format!("<q>{text}</q>")), "quote {text}");
        }
    }
    assert!(html.contains("Silent sessions"));
    for id in json["silent"].as_array().unwrap() {
        assert!(html.contains(id.as_str().unwrap()));
    }
}

/// Check that `args` (a verb and its inputs) refuses `--format refused` and that the
/// verb's `--help` offers the formats `offered` and not `refused`.
fn assert_formats(args: &[&str], offered: &[&str], refused: &str) {
    let out = concord_output(&[args, &["--format", refused]].concat(), &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let expected = format!("invalid value '{refused}' for '--format");
    assert!(err.contains(&expected), "{err}");
    let help = concord(&[args[0], "--help"]);
    let format = help
        .lines()
        .skip_while(|l| !l.contains("--format"))
        .take_while(|l| !l.contains("--out"))
        .collect::<String>();
    for f in offered {
        assert!(format.contains(f), "{f} missing from {help}");
    }
    assert!(!format.contains(refused), "{help}");
}

#[test]
fn duplicates_does_not_offer_html() {
    assert_formats(
        &["duplicates", "tests/fixtures/duplicates"],
        &["markdown", "json"],
        "html",
    );
}

#[test]
fn agreement_does_not_offer_csv() {
    assert_formats(
        &["agreement", "the IGF mandate", "data/wsis-2025"],
        &["markdown", "json", "html"],
        "csv",
    );
}

#[test]
fn digest_html_prints_everything_and_heads_themes_with_titles() {
    let dir = tempfile::tempdir().unwrap();
    let html = render(
        &["digest", DATA, "--format", "html"],
        dir.path(),
        "digest.html",
    );
    let json: Value = serde_json::from_str(&render(
        &["digest", DATA, "--format", "json"],
        dir.path(),
        "digest.json",
    ))
    .unwrap();
    // Print styles open what is collapsed and let scrolled boxes grow to their content.
    let style = html
        .split("<style>")
        .nth(1)
        .unwrap()
        .split("</style>")
        .next()
        .unwrap();
    let print = style.split("@media print{").nth(1).expect("print styles");
    assert!(print.contains("details::details-content{content-visibility:visible;display:block}"));
    assert!(print.contains("overflow:visible"));
    assert!(!print.contains("display:none"), "print hides nothing");
    // Quotes are open on screen too, so no browser can leave them out of a print.
    for t in json["themes"].as_array().unwrap() {
        let id = t["id"].as_str().unwrap();
        let article = html
            .split(&format!("<article id=\"{id}\">"))
            .nth(1)
            .and_then(|a| a.split("</article>").next())
            .expect("theme article");
        let heading = article.split("</h3>").next().unwrap();
        assert!(
            heading.contains(&escaped(t["title"].as_str().unwrap())),
            "{id} heading shows its title"
        );
        assert!(
            heading.contains("<small class=\"kw\">"),
            "keywords in small print"
        );
        assert!(article.contains("<details open>"), "{id} quotes open");
    }
    // The matrix table keeps its headers in view while it scrolls.
    assert!(style.contains(".grid thead th{position:sticky;top:0"));
    assert!(html.contains("<div class=\"grid\">"));
}
