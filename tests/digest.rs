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
