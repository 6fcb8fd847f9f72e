//! `concord duplicates` and `concord agreement` on the seeds and on an authored
//! corpus of realistic variants (tests/fixtures/duplicates).

use serde_json::Value;

#[path = "support/cli.rs"]
mod cli;
use cli::concord;

fn concord_json(args: &[&str]) -> Value {
    let text = concord(&[args, &["--format", "json"]].concat());
    serde_json::from_str(&text).expect("valid JSON")
}

/// Short handles "a1", "b2"… for statements of the fixture corpus (file letter + index).
fn handles(group: &Value) -> Vec<String> {
    group["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let id = s["id"].as_str().unwrap();
            let (session, n) = id.split_once('#').unwrap();
            format!("{}{n}", &session[..1])
        })
        .collect()
}

fn group_with<'a>(d: &'a Value, kind: &str, member: &str) -> &'a Value {
    d["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == kind && handles(g).contains(&member.to_string()))
        .unwrap_or_else(|| panic!("no {kind} group holds {member}: {d:#}"))
}

#[test]
fn exact_copies_are_grouped_despite_case_and_punctuation() {
    let d = concord_json(&["duplicates", "tests/fixtures/duplicates"]);
    let g = group_with(&d, "exact", "a2");
    let mut h = handles(g);
    h.sort();
    assert_eq!(h, vec!["a2", "b2", "c2"]);
    assert_eq!(g["similarity"], 1.0);
}

#[test]
fn paraphrases_and_copies_with_an_added_clause_form_one_group_showing_what_is_added() {
    let d = concord_json(&["duplicates", "tests/fixtures/duplicates"]);
    let g = group_with(&d, "near", "b1");
    let mut h = handles(g);
    h.sort();
    assert_eq!(h, vec!["a1", "b1", "c1", "d4"], "IGF mandate variants");
    let b1 = g["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("stable UN budget"))
        .unwrap();
    let adds: Vec<&str> = b1["adds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(adds, vec!["stable", "budget"]);
    assert!(g["similarity"].as_f64().unwrap() >= d["threshold"].as_f64().unwrap() - 1e-6);

    let parental = group_with(&d, "near", "d3");
    assert_eq!(handles(parental).len(), 2);
    assert!(parental.to_string().contains("parental"));
}

#[test]
fn distinct_proposals_are_not_grouped_and_same_session_repeats_need_the_flag() {
    let d = concord_json(&["duplicates", "tests/fixtures/duplicates"]);
    for g in d["groups"].as_array().unwrap() {
        let h = handles(g);
        assert!(
            !h.contains(&"b3".to_string()),
            "youth seats are unique: {h:?}"
        );
        assert!(
            !h.contains(&"d2".to_string()),
            "roaming costs are unique: {h:?}"
        );
    }
    // The seeds repeat no proposal across sessions at the default threshold.
    let seeds = concord_json(&["duplicates", "data/wsis-2025"]);
    assert_eq!(seeds["groups"].as_array().unwrap().len(), 0, "{seeds:#}");
}

#[test]
fn agreement_on_the_igf_mandate_names_sessions_000_001_002_only() {
    let a = concord_json(&["agreement", "IGF mandate", "data/wsis-2025"]);
    assert_eq!(a["sessions_total"], 5);
    assert_eq!(a["share"], 0.6);
    let mut ids: Vec<String> = a["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap()[..3].to_string())
        .collect();
    ids.sort();
    assert_eq!(ids, vec!["000", "001", "002"]);
    let silent: Vec<&str> = a["silent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s.as_str().unwrap()[..3])
        .collect();
    assert_eq!(silent, vec!["003", "004"]);
    for s in a["sessions"].as_array().unwrap() {
        for st in s["statements"].as_array().unwrap() {
            assert!(st["similarity"].as_f64().unwrap() >= a["threshold"].as_f64().unwrap());
        }
    }
}

#[test]
fn agreement_on_an_absent_topic_is_silence_everywhere() {
    let a = concord_json(&["agreement", "deep-sea fishing quotas", "data/wsis-2025"]);
    assert_eq!(a["share"], 0.0);
    assert_eq!(a["silent"].as_array().unwrap().len(), 5);
}
