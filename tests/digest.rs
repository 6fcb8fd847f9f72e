//! End-to-end: run the `concord` binary on the bundled WSIS Forum 2025 documents.

use serde_json::Value;
use std::collections::BTreeMap;
use std::process::Command;

#[path = "support/cli.rs"]
mod cli;
use cli::{concord, concord_with_env};

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
fn every_statement_appears_exactly_once() {
    let statements = concord(&["statements", DATA]);
    let ids: Vec<String> = statements
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect();
    assert!(ids.len() > 50);
    let (_, d) = digest_json(&[]);
    assert_eq!(d["corpus"]["statements"], ids.len());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for list in ["themes", "unique"] {
        for t in d[list].as_array().unwrap() {
            for s in t["statements"].as_array().unwrap() {
                *seen
                    .entry(s["id"].as_str().unwrap().to_string())
                    .or_default() += 1;
            }
        }
    }
    for id in &ids {
        assert_eq!(seen.get(id), Some(&1), "statement {id} appears once");
    }
    assert_eq!(seen.len(), ids.len());
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
    let model = concord::embed::ModelStore::default()
        .resolve()
        .expect("model available")
        .dir;
    let cache = tempfile::tempdir().expect("temp dir");
    let env = [
        ("CONCORD_CACHE_DIR", cache.path().as_os_str()),
        ("CONCORD_MODEL_DIR", model.as_os_str()),
    ];
    let run = |extra: &[&str]| {
        let args: Vec<&str> = ["digest", DATA, "--format", "json"]
            .iter()
            .chain(extra)
            .copied()
            .collect();
        concord_with_env(&args, &env)
    };
    let stored = |kind: &str| std::fs::read_dir(cache.path().join(kind)).map_or(0, |d| d.count());

    let cold = run(&[]);
    assert_eq!((stored("embeddings"), stored("clusters")), (1, 1));
    let warm = run(&[]);
    assert_eq!(warm, cold);
    assert_eq!(
        stored("clusters"),
        1,
        "the warm run found the stored clustering"
    );

    // Other options are other results; --no-cache neither reads nor writes.
    let stricter = run(&["--threshold", "0.6"]);
    assert_eq!(stored("clusters"), 2);
    assert_eq!(run(&["--threshold", "0.6", "--no-cache"]), stricter);
    assert_eq!(run(&["--no-cache"]), cold);
    assert_eq!(stored("clusters"), 2);
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
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["digest", "no/such/folder"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/folder"), "{err}");
}
