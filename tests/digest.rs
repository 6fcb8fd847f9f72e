//! End-to-end: run the `concord` binary on the bundled WSIS Forum 2025 documents.

use serde_json::Value;
use std::collections::BTreeMap;

#[path = "support/cli.rs"]
mod cli;
use cli::{concord, concord_output, concord_with_env};

const DATA: &str = "data/wsis-2025";

fn digest_json(extra: &[&str]) -> (String, Value) {
    let mut args = vec!["digest", DATA, "--format", "json"];
    args.extend_from_slice(extra);
    let text = concord(&args);
    let value = serde_json::from_str(&text).expect("valid JSON");
    (text, value)
}

fn session_prefixes(theme: &Value) -> Vec<String> {
    theme["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap()[..3].to_string())
        .collect()
}

#[test]
fn igf_mandate_is_one_recurring_recommendation_of_sessions_000_001_002() {
    let (_, d) = digest_json(&[]);
    assert_eq!(d["corpus"]["sessions"], 5);
    let themes = d["themes"].as_array().unwrap();
    let igf: Vec<&Value> = themes
        .iter()
        .filter(|t| {
            t["statements"].as_array().unwrap().iter().any(|s| {
                let text = s["text"].as_str().unwrap();
                text.contains("renewal of the IGF mandate")
            })
        })
        .collect();
    assert_eq!(igf.len(), 1, "the IGF mandate statement is in one theme");
    let igf = igf[0];
    assert_eq!(igf["kind"], "recommendation");
    assert_eq!(session_prefixes(igf), vec!["000", "001", "002"]);
    let texts: Vec<&str> = igf["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(texts
        .iter()
        .any(|t| t.contains("Consider the IGF as essential")));
    assert!(texts.iter().any(|t| t.contains("permanent IGF mandate")));
}

/// The recurring theme holding a statement that contains `needle`, if any.
fn recurring_theme_of<'a>(d: &'a Value, needle: &str) -> Option<&'a Value> {
    d["themes"].as_array().unwrap().iter().find(|t| {
        t["statements"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["text"].as_str().unwrap().contains(needle))
    })
}

#[test]
fn other_cross_session_agreements_surface_as_recurring_themes() {
    let (_, d) = digest_json(&[]);
    // Multilateral and multistakeholder processes are complementary (001 and 003).
    let mm = recurring_theme_of(&d, "Multilateralism and multistakeholder approaches")
        .expect("complementarity recurs");
    assert!(mm
        .to_string()
        .contains("multistakeholder and multilateral processes can be complementary"));
    // Youth and open, inclusive processes (000 and 001).
    let youth = recurring_theme_of(&d, "engage youth and regional voices").expect("youth recurs");
    assert!(youth.to_string().contains("voices of youth"));
    // Broad, corpus-wide themes are ranked after the specific ones of their kind.
    let themes = d["themes"].as_array().unwrap();
    for kind in ["recommendation", "observation"] {
        let broad: Vec<bool> = themes
            .iter()
            .filter(|t| t["kind"] == kind)
            .map(|t| t["broad"].as_bool().unwrap())
            .collect();
        assert!(broad.windows(2).all(|w| w[0] <= w[1]), "{kind}: {broad:?}");
    }
    assert_eq!(themes[0]["id"], "rec-1");
    assert!(themes[0].to_string().contains("renewal of the IGF mandate"));
}

#[test]
fn every_unit_read_appears_exactly_once() {
    // Every unit `concord statements` prints (statements, claims and excluded units) is in
    // the digest exactly once: in a theme, a unique entry, or `excluded` with its reason.
    let units: Vec<Value> = concord(&["statements", DATA])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(units.len() > 50);
    let (_, d) = digest_json(&[]);
    let statements = units.iter().filter(|u| u["class"] == "statement").count();
    assert_eq!(d["corpus"]["statements"], statements);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut count = |v: &Value| {
        *seen
            .entry(v["id"].as_str().unwrap().to_string())
            .or_default() += 1;
    };
    for list in ["themes", "unique"] {
        for t in d[list].as_array().unwrap() {
            t["statements"]
                .as_array()
                .unwrap()
                .iter()
                .for_each(&mut count);
        }
    }
    for e in d["excluded"].as_array().unwrap() {
        assert!(!e["reason"].as_str().unwrap().is_empty(), "{e}");
        count(e);
    }
    for u in &units {
        let id = u["id"].as_str().unwrap();
        assert_eq!(seen.get(id), Some(&1), "unit {id} appears once");
    }
    assert_eq!(seen.len(), units.len());
}

#[test]
fn opposition_is_dissent_not_support() {
    // Three short documents of our own; the third opposes what the first two propose.
    let d: Value = serde_json::from_str(&isolated(&[
        "digest",
        "tests/fixtures/dissent",
        "--format",
        "json",
    ]))
    .unwrap();
    let t = &d["themes"][0];
    assert!(t["title"].as_str().unwrap().contains("permanent"), "{t}");
    assert_eq!(t["support"], 2);
    assert_eq!(t["dissent"], 1);
    assert_eq!(t["dissent_sessions"], serde_json::json!(["c_operators"]));
    let stances: Vec<&str> = t["stances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["stance"].as_str().unwrap())
        .collect();
    assert_eq!(stances, ["support", "support", "dissent"]);
    let md = isolated(&["digest", "tests/fixtures/dissent"]);
    assert!(
        md.contains("2 of 3 sessions support (67%) · 1 dissents"),
        "{md}"
    );
    assert!(md.contains("Dissent (not counted as support)"), "{md}");
}

/// A folder of its own holding some of `tests/fixtures/dissent`'s documents.
fn dissent_documents(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        std::fs::copy(
            std::path::Path::new("tests/fixtures/dissent").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    dir
}

#[test]
fn a_theme_that_asks_to_end_a_practice_is_titled_by_the_ending_and_a_question_counts_for_nobody() {
    // Three sessions want the dumping ended ("must come to an end", "phase out", "should be
    // ended"); a moderator only asks whether it should go on. The question had counted as
    // support ("4 of 4"), and the practice alone had titled the theme of those who want it
    // stopped.
    let dir = tempfile::tempdir().unwrap();
    let docs = [
        ("a.txt", "Harbour Forum: report of the seagrass session\n\nCoastal Trust\n\nKey messages\n\n\
            - Participants agreed that the dumping of dredged spoil in seagrass meadows must come to an end.\n\
            - Tide gauges in small ports need regular calibration.\n"),
        ("b.txt", "Harbour Forum: recommendations of the ports panel\n\nPorts Authority\n\nRecommendations\n\n\
            - Phase out the dumping of dredged spoil in seagrass meadows by 2028.\n\
            - Publish berth occupancy data every month.\n"),
        ("c.txt", "Harbour Forum: transcript of the dredging debate\n\nMarine Council\n\nTranscript\n\n\
            Moderator: Let us start with the question everyone is asking: should the dumping of dredged \
            spoil in seagrass meadows be allowed to continue?\n\n\
            The debate then turned to pilotage fees for small vessels.\n"),
        ("d.txt", "Harbour Forum: statement of the fishers\n\nFishers Union\n\nKey messages\n\n\
            - There was broad agreement that the dumping of dredged spoil in seagrass meadows should be ended across the bay.\n\
            - Keep pilotage fees low for small vessels.\n"),
    ];
    for (name, text) in docs {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let d: Value = serde_json::from_str(&isolated(&["digest", path, "--format", "json"])).unwrap();
    let t = &d["themes"][0];
    assert_eq!(t["support"], 3, "{t}");
    let question = t["stances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"].as_str().unwrap().starts_with("c#"));
    assert!(
        question.is_none_or(|m| m["stance"] == "mention"),
        "{question:?}"
    );
    let title = t["title"].as_str().unwrap().to_lowercase();
    let first = title.split_whitespace().next().unwrap_or("");
    assert!(
        ["phase", "stop", "end", "ending", "ban"].contains(&first),
        "the title should say the practice is to end: {title}"
    );
}

#[test]
fn a_support_given_on_a_condition_says_so() {
    // "only if" had been printed and stored as plain support.
    let dir = dissent_documents(&["a_ports.txt", "b_cities.txt"]);
    std::fs::write(
        dir.path().join("e_pilots.txt"),
        "Pilots' association: position on harbour data\n\nKey Recommendations\n\n\
         - We would support making the Harbour Data Council a permanent body only if pilots hold a seat on it.\n\
         - Keep pilotage fees low for small vessels.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let d: Value = serde_json::from_str(&isolated(&["digest", path, "--format", "json"])).unwrap();
    let t = &d["themes"][0];
    assert!(t["title"].as_str().unwrap().contains("ermanent"), "{t}");
    let stance = t["stances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"].as_str().unwrap().starts_with("e_pilots#"))
        .unwrap_or_else(|| panic!("{t}"));
    assert_eq!(stance["stance"], "support", "{stance}");
    assert_eq!(stance["condition"], "only if", "{stance}");
    assert_eq!(t["support"], 3, "{t}");
    let md = isolated(&["digest", path]);
    assert!(
        md.contains("- **on a condition (“only if”):** “We would support"),
        "{md}"
    );
    // The others support without one.
    assert_eq!(md.matches("on a condition").count(), 1, "{md}");
}

#[test]
fn a_report_that_only_mentions_a_proposal_is_listed_but_not_counted() {
    // Two sessions ask for a permanent council; a third only reports that it met to
    // consider the proposal. It had counted as "3 of 3 sessions support".
    let dir = dissent_documents(&["a_ports.txt", "b_cities.txt"]);
    std::fs::write(
        dir.path().join("d_harbour_week.txt"),
        "Harbour week: report of the governance session\n\nSummary\n\n\
         The session met to consider making the Harbour Data Council a permanent body.\n\n\
         Tide sensors in small ports were discussed at length.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let d: Value = serde_json::from_str(&isolated(&["digest", path, "--format", "json"])).unwrap();
    let t = &d["themes"][0];
    assert!(t["title"].as_str().unwrap().contains("permanent"), "{t}");
    let stances: Vec<(&str, &str)> = t["stances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["id"].as_str().unwrap(), m["stance"].as_str().unwrap()))
        .collect();
    assert!(
        stances.contains(&("d_harbour_week#1", "mention")),
        "{stances:?}"
    );
    assert_eq!(t["support"], 2, "{t}");
    let md = isolated(&["digest", path]);
    assert!(md.contains("2 of 3 sessions support (67%)"), "{md}");
    assert!(
        md.contains("Mentioned without taking a side (not counted as support)"),
        "{md}"
    );
}

#[test]
fn the_opponent_of_a_lone_proposal_is_shown_as_dissent_not_as_more_of_it() {
    // One session proposes, one opposes: a unique proposal whose second statement was
    // printed "also …", as if it said the same.
    let dir = dissent_documents(&["a_ports.txt", "c_operators.txt"]);
    let folder = dir.path().to_str().unwrap();
    let opposed = "We oppose making the Harbour Data Council a permanent body";
    let md = isolated(&["digest", folder]);
    let line = md
        .lines()
        .find(|l| l.contains(opposed))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(
        line.contains("**dissents (") && !line.contains("also"),
        "{md}"
    );
    let html = isolated(&["digest", folder, "--format", "html"]);
    // The map's tooltips quote it too: look in the list of unique proposals.
    let list = html.split("<section id=\"unique\">").nth(1).unwrap_or("");
    let item = list
        .split("<li id=\"unique-")
        .find(|l| l.contains(opposed))
        .unwrap_or_else(|| panic!("{html}"));
    assert!(
        item.contains("<li><strong>dissents (") && !item.contains(">also "),
        "{item}"
    );
    // A lone statement that opposes nothing proposed here is not marked as dissent.
    assert_eq!(md.matches("dissents (").count(), 1, "{md}");
}

#[test]
fn a_digest_written_into_the_input_folder_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir("tests/fixtures/dissent").unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let out = dir.path().join("digest.md");
    let out = out.to_str().unwrap();
    isolated(&["digest", folder, "-o", out]);
    let html = dir.path().join("digest.html");
    isolated(&[
        "digest",
        folder,
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
    ]);
    let second = isolated(&["digest", folder, "--format", "json"]);
    let d: Value = serde_json::from_str(&second).unwrap();
    assert_eq!(d["corpus"]["sessions"], 3, "the digests are not sessions");
    let skipped = d["corpus"]["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped
        .iter()
        .all(|s| s["reason"].as_str().unwrap().contains("written by concord")));
}

#[test]
fn json_is_byte_identical_across_runs_and_with_or_without_cache() {
    let (a, _) = digest_json(&[]);
    let (b, _) = digest_json(&[]);
    let (c, _) = digest_json(&["--no-cache"]);
    assert_eq!(a, b);
    assert_eq!(a, c);
}

#[test]
fn a_rerun_reuses_stored_vectors_and_clustering_and_gives_the_same_bytes() {
    let cache = tempfile::tempdir().expect("temp dir");
    let env = [("CONCORD_CACHE_DIR", cache.path().as_os_str())];
    let run = |extra: &[&str]| {
        let args: Vec<&str> = ["digest", DATA, "--format", "json"]
            .iter()
            .chain(extra)
            .copied()
            .collect();
        concord_with_env(&args, &env)
    };
    let files = |kind: &str| -> Vec<std::path::PathBuf> {
        let mut v: Vec<_> = std::fs::read_dir(cache.path().join(kind))
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    };

    let cold = run(&[]);
    let (vectors, clusters) = (files("embeddings"), files("clusters"));
    assert_eq!((vectors.len(), clusters.len()), (1, 1));
    assert_eq!(run(&[]), cold);
    assert_eq!(files("clusters"), clusters, "a warm run stores nothing new");

    // A warm run must read what was stored, not compute it again: replace the stored
    // clustering with another valid one (every statement in one cluster) and the digest
    // changes; put it back and it is the cold digest again.
    let stored = std::fs::read(&clusters[0]).unwrap();
    let rows = u64::from_le_bytes(stored[8..16].try_into().unwrap()) as usize;
    let mut one_cluster = stored[..16].to_vec();
    one_cluster.resize(16 + 4 * rows, 0);
    assert_ne!(one_cluster, stored, "the corpus has more than one cluster");
    std::fs::write(&clusters[0], &one_cluster).unwrap();
    assert_ne!(run(&[]), cold, "the warm run used the stored clustering");
    std::fs::write(&clusters[0], &stored).unwrap();
    assert_eq!(run(&[]), cold);

    // Likewise the stored vectors: give every text the first text's vector, and the
    // statements (a new clustering key) all fall into one theme.
    let stored = std::fs::read(&vectors[0]).unwrap();
    let id_len = u32::from_le_bytes(stored[12..16].try_into().unwrap()) as usize;
    let (header, records) = stored.split_at(16 + id_len);
    let record = 32 + 4 * concord::embed::DIM;
    assert_eq!(records.len() % record, 0);
    let first = &records[32..record];
    let mut same: Vec<u8> = header.to_vec();
    for r in records.chunks(record) {
        same.extend_from_slice(&r[..32]);
        same.extend_from_slice(first);
    }
    std::fs::write(&vectors[0], &same).unwrap();
    assert_ne!(run(&[]), cold, "the warm run used the stored vectors");
    assert_eq!(files("clusters").len(), 2);
    std::fs::write(&vectors[0], &stored).unwrap();
    assert_eq!(run(&[]), cold);

    // Other options are other results; --no-cache neither reads nor writes.
    let stricter = run(&["--threshold", "0.6"]);
    assert_eq!(files("clusters").len(), 3);
    assert_eq!(run(&["--threshold", "0.6", "--no-cache"]), stricter);
    assert_eq!(run(&["--no-cache"]), cold);
    assert_eq!(files("clusters").len(), 3);
}

#[test]
fn markdown_digest_leads_with_recurring_recommendations_and_cites() {
    let md = concord(&["digest", DATA]);
    let rec = md.find("## Recurring recommendations").unwrap();
    let obs = md.find("## Recurring observations").unwrap();
    let uni = md.find("## Unique proposals").unwrap();
    assert!(rec < obs && obs < uni);
    assert!(md.contains("3 of 5 sessions"));
    assert!(md.contains("`data/wsis-2025/001_cfec65c1df75da24.txt:"));
    assert!(md.contains("Skipped files: none"));
}

#[test]
fn kmeans_method_runs_and_keeps_every_statement() {
    let (_, d) = digest_json(&["--method", "kmeans", "--k", "12"]);
    let n: usize = ["themes", "unique"]
        .iter()
        .flat_map(|l| d[*l].as_array().unwrap())
        .map(|t| t["statements"].as_array().unwrap().len())
        .sum();
    assert_eq!(Some(n as u64), d["corpus"]["statements"].as_u64());
    assert_eq!(d["corpus"]["options"]["method"], "kmeans");
}

#[test]
fn unreadable_input_is_an_error_with_a_message() {
    let out = concord_output(&["digest", "no/such/folder"], &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/folder"), "{err}");
}

/// Run `concord ARGS`: every run of the shared helper has a cache folder of its own.
fn isolated(args: &[&str]) -> String {
    concord(args)
}

/// Words that would leave a title dangling at either end.
const DANGLING: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "with", "by", "that", "is",
    "are", "be", "should", "must", "we", "our", "its", "their",
];

#[test]
fn titles_are_short_phrases_from_member_wording_and_never_repeat() {
    let text = isolated(&["digest", DATA, "--format", "json"]);
    let d: Value = serde_json::from_str(&text).expect("valid JSON");
    let mut seen = std::collections::BTreeSet::new();
    for t in d["themes"]
        .as_array()
        .unwrap()
        .iter()
        .chain(d["unique"].as_array().unwrap())
    {
        let title = t["title"].as_str().unwrap();
        let words: Vec<&str> = title.split_whitespace().collect();
        assert!(
            !words.is_empty() && words.len() <= 8,
            "{title:?}: 1 to 8 words"
        );
        for end in [words[0], words[words.len() - 1]] {
            assert!(
                !DANGLING.contains(&end.to_lowercase().as_str()),
                "{title:?} dangles"
            );
        }
        // Cut from a member: the same words in the same order (the first letter may be
        // capitalised), with the source's case kept.
        let rest: String = title.chars().skip(1).collect();
        assert!(
            t["statements"].as_array().unwrap().iter().any(|s| {
                let text = s["text"].as_str().unwrap();
                text.contains(&rest) && text.to_lowercase().contains(&title.to_lowercase())
            }),
            "{title:?} is not in the wording of {}",
            t["id"]
        );
        assert!(seen.insert(title.to_lowercase()), "{title:?} is used twice");
    }
    // The permanent-mandate theme is named for what it proposes.
    let first = &d["themes"][0];
    assert!(first["title"].as_str().unwrap().contains("IGF"), "{first}");
}

#[test]
fn support_counts_the_sessions_of_supporting_members_and_also() {
    let text = isolated(&["digest", DATA, "--format", "json"]);
    let d: Value = serde_json::from_str(&text).expect("valid JSON");
    for t in d["themes"]
        .as_array()
        .unwrap()
        .iter()
        .chain(d["unique"].as_array().unwrap())
    {
        let own: Vec<&str> = t["statements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        // Members that dissent (tests `opposition_is_dissent_not_support`) or only mention
        // the proposal do not count.
        let dissenting: Vec<&str> = t["stances"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["stance"] != "support")
            .map(|m| m["id"].as_str().unwrap())
            .collect();
        let mut sessions = std::collections::BTreeSet::new();
        for s in t["statements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| !dissenting.contains(&s["id"].as_str().unwrap()))
            .chain(t["also"].as_array().unwrap())
        {
            sessions.insert(s["session"].as_str().unwrap());
        }
        for a in t["also"].as_array().unwrap() {
            assert!(
                !own.contains(&a["id"].as_str().unwrap()),
                "also holds statements of other themes only"
            );
            assert_ne!(a["theme"], t["id"]);
        }
        assert_eq!(t["support"].as_u64().unwrap() as usize, sessions.len());
        assert_eq!(t["sessions"].as_array().unwrap().len(), sessions.len());
    }
}

#[test]
fn csv_has_one_parsable_row_per_statement() {
    let text = isolated(&["digest", DATA, "--format", "csv"]);
    let d: Value = serde_json::from_str(&isolated(&["digest", DATA, "--format", "json"])).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        vec![
            "theme", "title", "kind", "support", "session", "section", "stance", "file", "line",
            "text"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(
        Some(rows.len() as u64),
        d["corpus"]["statements"].as_u64(),
        "every statement once"
    );
    let first = &d["themes"][0];
    let row = rows
        .iter()
        .find(|r| &r[0] == first["id"].as_str().unwrap())
        .expect("the first theme has rows");
    assert_eq!(&row[1], first["title"].as_str().unwrap());
    assert_eq!(&row[3], first["support"].to_string());
}

/// A folder of outcome documents in the WSIS template, one per `(name, bullets)`.
fn corpus(docs: &[(&str, &[&str])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bullets) in docs {
        let mut text = format!(
            "Session Outcome Document\n\n{name}: a session on open data\n\nExample Organizer\n\n\
             Monday, 7 July 2025\n\nKey Issues discussed\n\n"
        );
        for b in *bullets {
            text.push_str(&format!("- {b}\n"));
        }
        std::fs::write(dir.path().join(format!("{name}.txt")), text).unwrap();
    }
    dir
}

#[test]
fn counts_of_one_are_singular_in_markdown_and_html() {
    let shared = "The session showed strong interest in open data portals for city budgets.";
    let dir = corpus(&[
        (
            "alpha",
            &[
                shared,
                "Participants described satellite links that reach remote island schools.",
            ],
        ),
        ("beta", &[shared]),
    ]);
    let path = dir.path().to_str().unwrap();
    let md = isolated(&["digest", path]);
    assert!(md.contains("**2 sessions · 3 statements**"), "{md}");
    assert!(md.contains("**0 recurring recommendations**"), "{md}");
    assert!(md.contains("**1 recurring observation**"), "{md}");
    assert!(
        md.contains("**1 unique proposal or lone observation**"),
        "{md}"
    );
    assert!(md.contains("2 of 2 sessions"), "{md}");
    assert!(md.contains("2 statements · id `obs-1`"), "{md}");
    for wrong in ["1 sessions", "1 statements", "1 recurring observations"] {
        assert!(!md.contains(wrong), "{wrong:?} in\n{md}");
    }
    let html = isolated(&["digest", path, "--format", "html"]);
    assert!(html.contains("An observation theme"), "article agrees");
    assert!(!html.contains("A observation"));
    assert!(html.contains("<strong>1 recurring observation</strong>"));

    let one = corpus(&[("gamma", &[shared])]);
    let md = isolated(&["digest", one.path().to_str().unwrap()]);
    assert!(md.contains("**1 session · 1 statement**"), "{md}");
}

/// stderr of a run that must fail.
fn refused(args: &[&str]) -> String {
    let out = concord_output(args, &[]);
    assert!(!out.status.success(), "concord {args:?} succeeded");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn k_without_kmeans_is_an_error_not_ignored() {
    for args in [
        &["digest", DATA, "--k", "5"][..],
        &["digest", DATA, "--method", "agglomerative", "--k", "5"][..],
    ] {
        let err = refused(args);
        assert!(err.contains("--method"), "{args:?}: {err}");
    }
    let err = refused(&["digest", DATA, "--method", "kmeans"]);
    assert!(err.contains("--k"), "{err}");
}

#[test]
fn a_negative_threshold_is_a_number_not_a_flag() {
    // The path is checked after the arguments, so its error shows they were accepted.
    for verb in ["digest", "duplicates", "agreement"] {
        let mut args = vec![verb];
        if verb == "agreement" {
            args.push("topic");
        }
        args.extend(["no/such/folder", "--threshold", "-0.5"]);
        let err = refused(&args);
        assert!(err.contains("no/such/folder"), "{verb}: {err}");
    }
    let err = refused(&["digest", DATA, "--threshold", "1.5"]);
    assert!(err.contains("cosine plus lexical bonus"), "{err}");
}

#[test]
fn a_reader_that_stops_early_ends_the_output_without_an_error() {
    // `concord statements DIR | head -1`: the reader closes the pipe after one line. The
    // fixture pages print about 160 KB, more than a pipe holds, so concord is still
    // writing when the pipe closes; it had exited 1 with "Broken pipe (os error 32)".
    use std::io::Read;
    use std::process::{Command, Stdio};
    let cache = tempfile::tempdir().expect("temp cache dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["statements", "tests/fixtures/pages"])
        .env("CONCORD_CACHE_DIR", cache.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the concord binary runs");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("concord ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {stderr}", out.status);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn an_observation_theme_counts_the_sessions_that_state_it_not_support_it() {
    // "Speakers included officials from two tax administrations — 2 of 8 sessions
    // support" read as if the sessions endorsed a fact.
    let md = concord(&["digest", DATA]);
    let observations = md
        .split("## Recurring observations")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("an observations section");
    let headings: Vec<&str> = observations
        .lines()
        .filter(|l| l.starts_with("### "))
        .collect();
    assert!(!headings.is_empty(), "{md}");
    for h in headings {
        assert!(h.contains("sessions state it ("), "{h}");
    }
    assert!(
        md.contains("Permanent IGF mandate — 3 of 5 sessions support (60%)"),
        "{md}"
    );
}
