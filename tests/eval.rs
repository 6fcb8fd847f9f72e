//! `concord eval` scores exactly as the devset's score.py does: the same lines and numbers on
//! invented outputs, and on the JSON of a real run over an invented corpus.

use concord::eval::{self, Gold};
use serde_json::{json, Value};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/cli.rs"]
mod cli;
use cli::concord_with_env;

/// The scorer beside the repository, when this checkout has it (a clone elsewhere has not).
fn score_py() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/devset/score.py");
    if !path.exists() {
        println!("skipped: no {} in this checkout", path.display());
        return None;
    }
    match Command::new("python3").arg("--version").output() {
        Ok(o) if o.status.success() => Some(path),
        _ => {
            println!("skipped: python3 is not available to run score.py");
            None
        }
    }
}

/// `python3 score.py WHAT PATH --gold GOLD`, its stdout.
fn run_score_py(script: &Path, what: &str, path: &Path, gold: &Path) -> String {
    let out = Command::new("python3")
        .arg(script)
        .arg(what)
        .arg(path)
        .arg("--gold")
        .arg(gold)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "score.py {what} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// score.py's three reports on a folder laid out as `concord eval --save-json` writes it.
fn score_py_all(script: &Path, dir: &Path, gold: &Path) -> String {
    [
        run_score_py(script, "digest", &dir.join("digest.json"), gold),
        run_score_py(script, "duplicates", &dir.join("duplicates.json"), gold),
        run_score_py(script, "agreement", &dir.join("agreement"), gold),
    ]
    .concat()
}

/// The numbers in a line, in order ("recall 0.12" gives 0.12).
fn numbers(line: &str) -> Vec<f64> {
    line.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|w| w.trim_matches('.').parse().ok())
        .collect()
}

fn line_starting<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starting {start:?} in:\n{text}"))
}

fn st(session: &str, text: &str) -> Value {
    json!({ "id": format!("{session}#1"), "session": session, "text": text, "extra": [1, 2] })
}

fn fillers(session: &str, n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| st(session, &format!("unrelated filler line {i}")))
        .collect()
}

/// Outputs and gold that exercise every rule, with fields score.py ignores mixed in.
fn invented() -> (Value, Value, Vec<Value>, Value) {
    let mut catch_all = vec![
        st("s1", "Secure long-term funding for the forum."),
        st(
            "s2",
            "Funding for the forum must be secured for the long term.",
        ),
    ];
    catch_all.extend(fillers("s9", 10));
    let digest = json!({
        "corpus": { "sessions": 9 },
        "themes": [
            { "id": "t1", "rank": 1, "label": "mandate · permanent · forum", "title": "new field",
              "statements": [
                st("s1", "Make the forum’s mandate PERMANENT."),
                st("s2", "The forum mandate should be made permanent, with stable funding."),
                st("s3-annex", "We call for a permanent mandate for the forum") ] },
            { "id": "t2", "rank": 2, "label": "funding", "statements": catch_all },
            { "id": "t3", "label": "open data", "statements": [
                st("a", "Publish budgets as open data."),
                st("b", "Budgets should be published as open data every year."),
                st("e", "open data") ] },
            { "id": "t4", "rank": 4,
              "label": "a very long label that goes on well past the fifty character cut · ünïcödé",
              "statements": [
                st("c", "Publish budgets in open formats."),
                st("d", "Budgets in open, reusable formats.") ] }
        ],
        "unique": [
            { "id": "u1", "rank": 1, "statements": [
                st("e", "Publish open data portals now and keep them running."),
                st("f", "Translate the reports into more languages.") ] }
        ]
    });
    let mut nine = vec![
        st("a", "Ban spyware sales."),
        st("b", "Spyware sales should be banned."),
    ];
    nine.extend(fillers("z", 7));
    let mut eight = vec![
        st("c", "Protect encryption."),
        st("d", "Encryption must be protected."),
    ];
    eight.extend(fillers("z", 6));
    let duplicates = json!({
        "threshold": 0.8,
        "groups": [
            { "kind": "near", "statements": nine },
            { "kind": "exact", "statements": [st("a", "Stop shutdowns."), st("b", "stop shutdowns")] },
            { "statements": [st("c", "Open the archives.")] },
            { "statements": [st("d", "Open the archives to all.")] },
            { "statements": eight }
        ]
    });
    let agreements = vec![
        json!({ "topic": "x", "sessions": [
            { "id": "a", "stance": "support" },
            { "id": "b", "stance": "support" },
            { "id": "z", "stance": "oppose" },
            { "id": "b", "stance": "oppose" },
            { "id": "c" } ] }),
        json!({ "sessions": [{ "id": "a", "stance": "neutral", "best": 0.5 }] }),
        json!({ "sessions": [] }),
    ];
    let gold = json!({
        "themes": [
            { "id": 1, "title": "Make the forum's mandate permanent, a title that runs past sixty characters",
              "quotes": [["s1.txt", "make the forum's mandate permanent"],
                         ["s2.txt", "forum mandate should be made permanent"],
                         ["s3.txt", "a permanent mandate for the forum"],
                         ["s8.txt", "not in the output at all"]] },
            { "id": 2, "title": "Fund the forum (caught in a catch-all)",
              "quotes": [["s1.md", "Secure long-term funding for the forum"],
                         ["s2.md", "funding for the forum must be secured"]] },
            { "id": "7a", "title": "Open budgets (tie: the first theme hit wins)",
              "quotes": [["c.txt", "publish budgets in open formats"],
                         ["a.txt", "publish budgets as open data"],
                         ["b.txt", "budgets should be published as open data"],
                         ["d.txt", "budgets in open reusable formats"],
                         ["e.txt", "publish open data portals"]] },
            { "id": 10, "title": "Translate reports", "quotes": [["f.txt", "translate the reports"]] }
        ],
        "duplicate_pairs": [
            { "title": "Ban spyware (in a group of nine)",
              "quotes": [["a.txt", "ban spyware sales"], ["b.txt", "spyware sales should be banned"]] },
            { "title": "Stop shutdowns, in a pair whose title is long enough to be cut at eighty characters",
              "quotes": [["a.txt", "Stop shutdowns"], ["b.txt", "stop shutdowns"], ["c.txt", "ignored"]] },
            { "title": "Open the archives (split)",
              "quotes": [["c.txt", "open the archives"], ["d.txt", "open the archives to all"]] },
            { "title": "Protect encryption (group of eight)",
              "quotes": [["c.txt", "protect encryption"], ["d.txt", "encryption must be protected"]] }
        ],
        "topics": [
            { "query": "the forum's mandate",
              "sessions": { "a.txt": "support", "b.txt": "oppose", "c.txt": "mixed" } },
            { "query": "a \"new\" body, or isn't it? Funding and review of the long-term processes",
              "sessions": { "a.txt": "neutral", "b.txt": "support", "c.txt": "support", "d.txt": "oppose",
                            "e.txt": "mixed", "f.txt": "support", "g.txt": "support", "h.txt": "neutral" } },
            { "query": "nothing listed", "sessions": { "a.txt": "support" } }
        ]
    });
    (digest, duplicates, agreements, gold)
}

fn write_json(path: &Path, v: &Value) {
    std::fs::write(path, serde_json::to_string_pretty(v).expect("json")).expect("write");
}

#[test]
fn library_scores_print_what_score_py_prints_on_invented_outputs() {
    let (digest, duplicates, agreements, gold_json) = invented();
    let gold: Gold = serde_json::from_value(gold_json.clone()).expect("gold shape");
    let agreements_opt: Vec<Option<Value>> = agreements.iter().cloned().map(Some).collect();
    let scores = eval::score(&digest, &duplicates, &agreements_opt, &gold);

    // What the rules give on these outputs, worked out by hand.
    assert_eq!((scores.digest.recovered, scores.digest.total), (2, 4));
    assert_eq!(
        (scores.digest.quotes_located, scores.digest.quotes_total),
        (11, 12)
    );
    let tie = &scores.digest.themes[2];
    assert_eq!((tie.rank.clone(), tie.located), (json!(4), 5));
    assert_eq!(scores.duplicates.found, 2);
    assert_eq!(
        (scores.agreement.stance_right, scores.agreement.stance_total),
        (3, 12)
    );

    let Some(script) = score_py() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("agreement")).expect("mkdir");
    write_json(&dir.path().join("digest.json"), &digest);
    write_json(&dir.path().join("duplicates.json"), &duplicates);
    for (i, a) in agreements.iter().enumerate() {
        write_json(&dir.path().join(format!("agreement/{i}.json")), a);
    }
    let gold_path = dir.path().join("gold.json");
    write_json(&gold_path, &gold_json);

    let python = score_py_all(&script, dir.path(), &gold_path);
    let ours = scores.to_text();
    assert_eq!(ours, python, "concord eval's lines differ from score.py's");
    // The same numbers, said plainly.
    for start in [
        "themes recovered",
        "duplicate pairs found",
        "stance accuracy",
        "topic 1 ",
    ] {
        assert_eq!(
            numbers(line_starting(&ours, start)),
            numbers(line_starting(&python, start))
        );
    }
}

/// Three short outcome pages of an invented meeting series.
const PAGES: [(&str, &str); 3] = [
    (
        "01_youth-forum.txt",
        "Youth Forum outcome\n\nRecommendations\n\n\
         - Lower the cost of mobile data for students.\n\
         - Teach coding in every secondary school.\n\
         - Publish the city budget as open data.\n",
    ),
    (
        "02_city-council.txt",
        "City council hearing: summary\n\nKey messages\n\n\
         - Mobile data must become cheaper for students.\n\
         - Coding should be taught in all secondary schools.\n\
         - Repair the old bridge before winter.\n",
    ),
    (
        "03_library-board.txt",
        "Library board statement\n\nWe recommend\n\n\
         - Extend the opening hours of the central library.\n\
         - Make mobile data cheaper for students and apprentices.\n",
    ),
];

fn pages_gold() -> Value {
    json!({
        "themes": [
            { "id": 1, "title": "Cheaper mobile data for students", "quotes": [
                ["01_youth-forum.txt", "Lower the cost of mobile data for students"],
                ["02_city-council.txt", "Mobile data must become cheaper for students"],
                ["03_library-board.txt", "Make mobile data cheaper for students"]] },
            { "id": 2, "title": "Coding in schools", "quotes": [
                ["01_youth-forum.txt", "Teach coding in every secondary school"],
                ["02_city-council.txt", "Coding should be taught in all secondary schools"]] }
        ],
        "duplicate_pairs": [
            { "title": "Coding in schools", "quotes": [
                ["01_youth-forum.txt", "Teach coding in every secondary school"],
                ["02_city-council.txt", "Coding should be taught in all secondary schools"]] }
        ],
        "topics": [
            { "query": "cheaper mobile data", "sessions": {
                "01_youth-forum.txt": "support", "02_city-council.txt": "support",
                "03_library-board.txt": "support" } },
            { "query": "the library's opening hours", "sessions": { "03_library-board.txt": "support" } }
        ]
    })
}

#[test]
fn eval_prints_what_score_py_prints_on_the_json_of_the_same_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    for (name, text) in PAGES {
        std::fs::write(corpus.join(name), text).expect("write page");
    }
    let gold = dir.path().join("gold.json");
    write_json(&gold, &pages_gold());
    let saved = dir.path().join("saved");
    let model = concord::embed::ModelStore::default()
        .resolve()
        .expect("model available")
        .dir;
    let cache = tempfile::tempdir().expect("temp dir");
    let env = [
        ("CONCORD_CACHE_DIR", cache.path().as_os_str()),
        ("CONCORD_MODEL_DIR", model.as_os_str()),
    ];
    let (gold_s, corpus_s, saved_s) = (
        gold.to_str().expect("utf-8 path"),
        corpus.to_str().expect("utf-8 path"),
        saved.to_str().expect("utf-8 path"),
    );
    let text = String::from_utf8(concord_with_env(
        &["eval", gold_s, corpus_s, "--save-json", saved_s],
        &env,
    ))
    .expect("utf-8");
    let json: Value = serde_json::from_slice(&concord_with_env(
        &["eval", gold_s, corpus_s, "--format", "json"],
        &env,
    ))
    .expect("JSON scores");

    // The JSON scores and the text lines tell the same numbers.
    let d = &json["digest"];
    assert_eq!(
        numbers(line_starting(&text, "themes recovered")),
        [
            &d["recovered"],
            &d["total"],
            &d["quotes_located"],
            &d["quotes_total"]
        ]
        .iter()
        .chain([&d["recurring_themes"], &d["unique"]].iter())
        .map(|v| v.as_f64().expect("number"))
        .collect::<Vec<_>>()
    );
    assert_eq!(
        text.lines().filter(|l| l.starts_with("OK  theme")).count() as u64,
        d["recovered"].as_u64().expect("count")
    );
    assert_eq!(
        numbers(line_starting(&text, "stance accuracy"))[1],
        4.0,
        "every gold session of every topic is counted"
    );
    assert_eq!(
        json["agreement"]["topics"].as_array().map(Vec::len),
        Some(2)
    );

    let Some(script) = score_py() else { return };
    assert_eq!(text, score_py_all(&script, &saved, &gold));
}

#[test]
fn a_missing_gold_file_is_named_before_any_model_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-gold.json");
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args([
            OsStr::new("eval"),
            missing.as_os_str(),
            OsStr::new("corpus"),
        ])
        // A model folder that does not exist: the gold error must come first.
        .env("CONCORD_MODEL_DIR", dir.path().join("no-model"))
        .env("CONCORD_CACHE_DIR", dir.path())
        .output()
        .expect("the binary runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("gold file") && err.contains("no-such-gold.json"),
        "{err}"
    );
}
