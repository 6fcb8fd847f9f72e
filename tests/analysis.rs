//! `concord duplicates` and `concord agreement` on the seeds and on authored corpora of
//! realistic variants (tests/fixtures/duplicates, tests/fixtures/agreement).

use serde_json::Value;

#[path = "support/cli.rs"]
mod cli;
use cli::concord;

fn concord_json(args: &[&str]) -> Value {
    serde_json::from_str(&fresh_json(args)).expect("valid JSON")
}

/// `concord ARGS --format json` (every run of the shared helper has a cache of its own,
/// so a run never reads vectors another run stored).
fn fresh_json(args: &[&str]) -> String {
    concord(&[args, &["--format", "json"]].concat())
}

/// Short handle "a1" for a statement id "a_civil_society#1" (file letter + index).
fn handle(id: &str) -> String {
    let (session, n) = id.split_once('#').unwrap();
    format!("{}{n}", &session[..1])
}

/// Handles of a group's members and of their exact copies, sorted.
fn handles(group: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for s in group["statements"].as_array().unwrap() {
        out.push(handle(s["id"].as_str().unwrap()));
        for copy in s["copies"].as_array().into_iter().flatten() {
            out.push(handle(copy.as_str().unwrap()));
        }
    }
    out.sort();
    out
}

/// Write one invented page into `dir`.
fn write_page(dir: &tempfile::TempDir, name: &str, text: &str) {
    std::fs::write(dir.path().join(name), text).expect("page written");
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
    let h = handles(g);
    assert_eq!(h, vec!["a2", "b2", "c2"]);
    assert_eq!(g["similarity"], 1.0);
}

#[test]
fn paraphrases_and_copies_with_an_added_clause_form_one_group_showing_what_is_added() {
    let d = concord_json(&["duplicates", "tests/fixtures/duplicates"]);
    let g = group_with(&d, "near", "b1");
    let h = handles(g);
    assert_eq!(h, vec!["a1", "b1", "c1", "d4"], "IGF mandate variants");
    // d4 is an exact copy of a1: it rides along as a copy, not as another member.
    assert_eq!(g["statements"].as_array().unwrap().len(), 3);
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
    for m in g["statements"].as_array().unwrap() {
        assert!(
            m["similarity"].as_f64().unwrap() > 0.0,
            "every member shows its similarity"
        );
        assert!(m["shared"].is_array(), "and its shared phrases");
    }

    let parental = group_with(&d, "near", "d3");
    assert_eq!(handles(parental).len(), 2);
    assert!(parental.to_string().contains("parental"));
}

#[test]
fn a_proposal_inside_a_longer_sentence_is_grouped_with_its_short_twin() {
    let d = concord_json(&["duplicates", "tests/fixtures/duplicates_spans"]);
    // a1 reports a workshop and, after a comma, calls for a repair standard; b1 is that
    // call alone. Their whole-statement cosine is far below the threshold.
    let g = group_with(&d, "near", "a1");
    let h = handles(g);
    assert_eq!(h, vec!["a1", "b1"]);
    let member = &g["statements"][1];
    let parts = format!("{} {}", member["span"], member["matches"]);
    assert!(parts.contains("discarded electronic devices"), "{g:#}");
    assert!(
        !member["shared"].as_array().unwrap().is_empty(),
        "the shared rare phrases are shown: {g:#}"
    );
}

#[test]
fn a_name_spelled_out_in_one_proposal_and_abbreviated_in_another_is_not_what_it_adds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, body: &str| {
        write_page(
            &dir,
            name,
            &format!("Session Outcome Document\n\nHarbour data\n\nRecommendations\n\n{body}"),
        )
    };
    write(
        "a_port_authority.txt",
        "- The Harbour Data Council (HDC) should publish tide records every week for all ports.\n",
    );
    write(
        "b_fishers_union.txt",
        "- The HDC should publish tide records every week for all ports and small harbours.\n",
    );
    write(
        "c_shipping_line.txt",
        "- Ferry timetables should be printed in three languages.\n",
    );
    let d = concord_json(&["duplicates", dir.path().to_str().unwrap()]);
    let g = group_with(&d, "near", "a1");
    let h = handles(g);
    assert_eq!(h, vec!["a1", "b1"], "{g:#}");
    // What the other member adds is "small harbours", not the name's words or letters.
    let adds: Vec<&str> = g["statements"][1]["adds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    for name_word in ["hdc", "harbour", "data", "council"] {
        assert!(!adds.contains(&name_word), "{adds:?} in {g:#}");
    }
    assert!(adds.contains(&"harbours"), "{adds:?}");
}

/// Two asks worded apart, one counter-proposal, and four sessions whose reports use the
/// asks' words, so the words the asks share are common.
fn asks_in_other_words_and_a_counter_proposal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, section: &str, body: &str| {
        write_page(
            &dir,
            name,
            &format!("Session on {name}\n\n{section}\n\n{body}"),
        )
    };
    write(
        "a_city.md",
        "Recommendations",
        "- City councils must carry out and publish a human-rights impact assessment for \
         every AI system they procure.\n\
         - The reading council should become permanent, with a review of its working methods \
         every ten years.\n",
    );
    write(
        "b_towns.md",
        "Recommendations",
        "- Require every municipality that uses AI to assess its impact on human rights before \
         deployment and to publish the findings.\n\
         - Rather than a permanent reading council, the council should have its next renewal \
         extended to ten years.\n",
    );
    for region in ["c", "d", "e", "f"] {
        write(
            &format!("{region}_region.md"),
            "Key messages",
            &format!(
                "- The impact of AI on human rights was discussed in region {region}, where \
                 schools publish results before deployment.\n\
                 - Human rights groups in region {region} publish an assessment of AI every year.\n"
            ),
        );
    }
    dir
}

#[test]
fn two_asks_in_other_words_are_duplicates_and_a_counter_proposal_is_not() {
    let dir = asks_in_other_words_and_a_counter_proposal();
    let d = concord_json(&["duplicates", dir.path().to_str().unwrap()]);
    // Both ask, at cosine 0.83, sharing few words the corpus does not use everywhere:
    // the word-overlap floor had kept them apart.
    let g = group_with(&d, "near", "a1");
    let h = handles(g);
    assert_eq!(h, vec!["a1", "b1"], "{g:#}");
    // "Rather than a permanent reading council…" rejects what a2 asks; it had been
    // grouped with it on the phrases they share.
    for g in d["groups"].as_array().unwrap() {
        assert!(!handles(g).contains(&"a2".to_string()), "{g:#}");
    }
}

#[test]
fn a_report_of_a_divided_meeting_is_no_duplicate_of_the_ask_it_was_divided_over() {
    // At cosine 0.89, sharing every rare phrase, the report had been grouped as a paraphrase
    // of the ask (and, in a larger group, could push a true paraphrase out).
    let dir = tempfile::tempdir().expect("temp dir");
    write_page(
        &dir,
        "a_city.md",
        "Session on a_city\n\nRecommendations\n\n- Speakers said that port law should set \
         a maximum mooring fee for small fishing boats.\n",
    );
    write_page(
        &dir,
        "b_towns.md",
        "Session on b_towns\n\nKey messages\n\n- Views were divided on whether port law \
         should set a maximum mooring fee for small fishing boats.\n",
    );
    let d = concord_json(&["duplicates", dir.path().to_str().unwrap()]);
    assert_eq!(d["groups"].as_array().unwrap().len(), 0, "{d:#}");
}

#[test]
fn statements_of_one_theme_that_ask_different_things_are_not_grouped() {
    let d = concord_json(&["duplicates", "tests/fixtures/duplicates_spans"]);
    // a3 (ban e-waste exports), b1 (a repair standard) and c1 (a registry of certified
    // recyclers) are all about electronic waste, at cosines 0.45-0.54, and a3 and c1
    // share a word no other statement uses ("certified"): three different asks.
    for g in d["groups"].as_array().unwrap() {
        let h = handles(g);
        assert!(!h.contains(&"a3".to_string()), "{h:?}");
        assert!(!h.contains(&"c1".to_string()), "{h:?}");
    }
    assert_eq!(d["groups"].as_array().unwrap().len(), 1, "{d:#}");
}

#[test]
fn duplicates_json_is_the_same_on_every_run() {
    // Two runs with separate caches: both embed, neither reads the other's vectors.
    let a = fresh_json(&["duplicates", "tests/fixtures/duplicates_spans"]);
    let b = fresh_json(&["duplicates", "tests/fixtures/duplicates_spans"]);
    assert_eq!(a, b);
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

/// `concord agreement TOPIC PATH --format FORMAT` with its own embedding cache.
fn agreement_output(topic: &str, path: &str, format: &str) -> String {
    concord(&["agreement", topic, path, "--format", format])
}

fn agreement_json(topic: &str, path: &str) -> Value {
    serde_json::from_str(&agreement_output(topic, path, "json")).expect("valid JSON")
}

/// Session id → stance of every listed session.
fn stances(a: &Value) -> Vec<(String, String)> {
    a["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["stance"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn session<'a>(a: &'a Value, id: &str) -> &'a Value {
    a["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("{id} not listed: {a:#}"))
}

const FIXTURES: &str = "tests/fixtures/agreement";

/// The ids an agreement lists as silent.
fn silent_ids(a: &Value) -> Vec<&str> {
    a["silent"]
        .as_array()
        .expect("silent is a list")
        .iter()
        .map(|s| s.as_str().expect("ids are strings"))
        .collect()
}

#[test]
fn agreement_on_the_igf_mandate_names_sessions_000_001_002_only_all_in_support() {
    let a = agreement_json("IGF mandate", "data/wsis-2025");
    assert_eq!(a["sessions_total"], 5);
    assert_eq!(a["share"], 0.6);
    let mut got: Vec<(String, String)> = stances(&a)
        .into_iter()
        .map(|(id, st)| (id[..3].to_string(), st))
        .collect();
    got.sort();
    let support = |id: &str| (id.to_string(), "support".to_string());
    assert_eq!(got, vec![support("000"), support("001"), support("002")]);
    let silent: Vec<&str> = a["silent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s.as_str().unwrap()[..3])
        .collect();
    assert_eq!(silent, vec!["003", "004"]);
    assert_eq!(a["stances"]["support"], 3);
    assert_eq!(a["stances"]["silent"], 2);
    for s in a["sessions"].as_array().unwrap() {
        for st in s["statements"].as_array().unwrap() {
            assert!(st["similarity"].as_f64().unwrap() >= a["threshold"].as_f64().unwrap());
        }
    }
}

/// A one-page PDF that draws a line and holds no text, as a scan without OCR holds none.
fn pdf_without_text() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>".to_string(),
        "<< /Length 18 >>\nstream\n0 0 m 90 90 l S\nendstream".to_string(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{body}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for o in offsets {
        pdf.push_str(&format!("{o:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

#[test]
fn agreement_names_a_file_it_could_not_read_and_says_what_to_do() {
    // The scan was named on stderr only: the answer said "2 of 2 sessions" and a reader
    // could not know a third document had been left out.
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, body) in [
        (
            "a.txt",
            "Session A\n\nRecommendations\n\n- The Forum should get a permanent mandate.\n",
        ),
        (
            "b.txt",
            "Session B\n\nRecommendations\n\n- We support a permanent mandate for the Forum.\n",
        ),
    ] {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    std::fs::write(dir.path().join("scan.pdf"), pdf_without_text()).unwrap();
    let path = dir.path().to_str().unwrap();
    let md = agreement_output("a permanent mandate for the Forum", path, "markdown");
    assert!(md.contains("1 file could not be read"), "{md}");
    assert!(md.contains("scan.pdf") && md.contains("OCR"), "{md}");
    let json = agreement_json("a permanent mandate for the Forum", path);
    assert_eq!(
        json["skipped"].as_array().map(Vec::len),
        Some(1),
        "{json:#}"
    );
    let html = agreement_output("a permanent mandate for the Forum", path, "html");
    assert!(html.contains("scan.pdf"), "the HTML names the file too");
}

#[test]
fn agreement_on_an_absent_topic_is_silence_everywhere() {
    let a = agreement_json("deep-sea fishing quotas", "data/wsis-2025");
    assert_eq!(a["share"], 0.0);
    assert_eq!(a["silent"].as_array().unwrap().len(), 5);
    assert_eq!(a["stances"]["silent"], 5);
}

#[test]
fn each_session_gets_the_stance_of_the_statement_that_carries_the_topic() {
    let a = agreement_json("a permanent IGF mandate", FIXTURES);
    let mut got = stances(&a);
    got.sort();
    let want: Vec<(String, String)> = [
        ("a_support", "support"),
        ("b_oppose", "oppose"),
        ("c_mixed", "mixed"),
        ("d_mention", "neutral"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want, "{a:#}");
    // Each deciding quote carries its own stance and the cue that decided it.
    let quote = |id: &str| session(&a, id)["statements"][0].clone();
    assert_eq!(quote("b_oppose")["stance"], "oppose");
    assert_eq!(quote("b_oppose")["cue"], "oppose");
    assert_eq!(quote("a_support")["cue"], "should");
    assert_eq!(quote("c_mixed")["conditional"], true);
    assert!(quote("c_mixed")["cue"]
        .as_str()
        .unwrap()
        .contains("provided that"));
    assert_eq!(quote("d_mention")["stance"], "neutral");
    assert!(quote("d_mention")["cue"].is_null());
    // The summary counts every session once.
    let s = &a["stances"];
    assert_eq!(
        (
            s["support"].clone(),
            s["oppose"].clone(),
            s["mixed"].clone()
        ),
        (1.into(), 1.into(), 1.into())
    );
    assert_eq!(s["neutral"], 1);
    assert_eq!(s["silent"], a["silent"].as_array().unwrap().len());
    let total: u64 = ["support", "oppose", "mixed", "neutral", "silent"]
        .iter()
        .map(|k| s[*k].as_u64().unwrap())
        .sum();
    assert_eq!(total, a["sessions_total"].as_u64().unwrap());
}

#[test]
fn a_paraphrase_without_the_topic_words_is_listed() {
    let a = agreement_json("IGF mandate", FIXTURES);
    let e = session(&a, "e_paraphrase");
    let text = e["statements"][0]["text"].as_str().unwrap().to_lowercase();
    assert!(!text.contains("igf") && !text.contains("mandate"), "{text}");
    // Listed because the corpus defines the acronym: "Internet Governance Forum (IGF)".
    assert!(text.contains("internet governance forum"));
    assert_eq!(e["stance"], "support");
}

#[test]
fn a_statement_sharing_only_one_generic_word_is_not_listed() {
    for topic in ["a permanent IGF mandate", "IGF mandate"] {
        let a = agreement_json(topic, FIXTURES);
        let silent = silent_ids(&a);
        // f_one_word says "Extend the mandate of the national data protection authority".
        assert!(silent.contains(&"f_one_word"), "{topic}: {a:#}");
        assert!(silent.contains(&"g_silent") && silent.contains(&"h_silent"));
    }
}

#[test]
fn markdown_and_html_lead_with_the_stance_summary_and_group_by_stance() {
    let md = agreement_output("a permanent IGF mandate", FIXTURES, "markdown");
    let summary = "1 support · 1 oppose · 1 mixed · 1 mention · 4 silent";
    let first_section = md.find("\n## ").unwrap();
    assert!(md[..first_section].contains(summary), "{md}");
    let support = md.find("## Support (1)").unwrap();
    let oppose = md.find("## Oppose (1)").unwrap();
    let mixed = md.find("## Mixed or conditional (1)").unwrap();
    let mention = md.find("## Mention without a position (1)").unwrap();
    let silent = md.find("## Silent sessions (4)").unwrap();
    assert!(support < oppose && oppose < mixed && mixed < mention && mention < silent);
    assert!(
        md[oppose..mixed].contains("b_oppose") && md[oppose..mixed].contains("oppose: “oppose”")
    );

    let html = agreement_output("a permanent IGF mandate", FIXTURES, "html");
    let h1 = html.find("<h1>").unwrap();
    let first_h2 = html.find("<h2>").unwrap();
    assert!(html[h1..first_h2].contains(summary));
    assert!(html.contains("class=\"stance-oppose\""));
}

#[test]
fn agreement_json_is_deterministic() {
    let a = agreement_output("a permanent IGF mandate", FIXTURES, "json");
    let b = agreement_output("a permanent IGF mandate", FIXTURES, "json");
    assert_eq!(a, b);
}

const NOVELTY: &str = "tests/fixtures/agreement_novelty";
const NEW_BODY: &str = "a new regional coordination body for the ODC";

/// `concord agreement` on the novelty fixtures at a low threshold, so only the
/// concept rules (not the relevance cut) decide who is listed.
fn novelty_json() -> Value {
    let out = concord(&[
        "agreement",
        NEW_BODY,
        NOVELTY,
        "--format",
        "json",
        "--threshold",
        "0.3",
    ]);
    serde_json::from_str(&out).expect("valid JSON")
}

#[test]
fn a_name_in_the_document_title_is_carried_by_its_statements() {
    let a = novelty_json();
    // "Fewer duplicated bodies…" names two of the five concepts itself; the compact it
    // speaks of is named by its document's title.
    let s = session(&a, "a_title_names_it");
    let concepts: Vec<&str> = s["statements"][0]["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(concepts.contains(&"odc (title)"), "{concepts:?}");
    assert_eq!(s["stance"], "oppose", "{a:#}");
    assert_eq!(session(&a, "d_support")["stance"], "support");
    assert_eq!(session(&a, "b_oppose")["stance"], "oppose");
}

#[test]
fn a_statement_silent_on_novelty_does_not_address_a_new_thing() {
    let a = novelty_json();
    let silent = silent_ids(&a);
    // c_parts_only names the region, the coordination and the compact, but says nothing
    // of a new body or of existing ones.
    assert!(silent.contains(&"c_parts_only"), "{a:#}");
    assert!(silent.contains(&"e_silent") && silent.contains(&"f_silent"));
}

#[test]
fn a_name_spelled_out_where_others_abbreviate_it_is_the_same_concept() {
    // No document defines "ODC"; b writes "Ocean Data Council" and was silent: the
    // acronym and the name were two words, and a concept every session names weighed
    // nothing, so its rejection never reached the relevance threshold.
    let a = agreement_json("the ODC mandate", "tests/fixtures/agreement_spelled");
    let terms: Vec<&str> = a["concepts"][0]["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(terms, ["odc", "ocean data council"], "{a:#}");
    assert_eq!(session(&a, "b_oppose")["stance"], "oppose", "{a:#}");
    assert_eq!(session(&a, "a_support")["stance"], "support");
    assert_eq!(session(&a, "d_support")["stance"], "support");
}

const PROHIBITION: &str = "tests/fixtures/agreement_prohibition";

#[test]
fn a_call_not_to_permit_an_act_supports_a_moratorium_on_it() {
    // "Employers should not be permitted to use software that infers the emotions of
    // workers…" asks what the moratorium asks. The agreement had left it silent (it never
    // says "moratorium") and the digest counted it as dissent ("should not").
    let mut got = stances(&agreement_json(
        "moratorium on emotion recognition",
        PROHIBITION,
    ));
    got.sort();
    let want: Vec<(String, String)> = [
        ("a_moratorium", "support"),
        ("b_not_permitted", "support"),
        ("c_prohibited", "support"),
        ("d_against", "oppose"),
    ]
    .iter()
    .map(|(id, stance)| (id.to_string(), stance.to_string()))
    .collect();
    assert_eq!(got, want);

    let digest: Value =
        serde_json::from_str(&concord(&["digest", PROHIBITION, "--format", "json"])).unwrap();
    let theme = digest["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["sessions"].as_array().unwrap().len() >= 3)
        .unwrap_or_else(|| panic!("no theme of three sessions: {digest:#}"));
    assert_eq!(
        (theme["support"].as_u64(), theme["dissent_sessions"].clone()),
        (Some(3), serde_json::json!(["d_against"])),
        "{theme:#}"
    );
}

const CLOSE: &str = "tests/fixtures/agreement_close";

#[test]
fn a_statement_the_model_reads_as_the_topic_needs_one_key_concept_in_its_own_words() {
    // "Vessel-tracking data … should be released to the public as open data" names one of
    // "open access to vessel tracking AIS data"'s three key concepts; it had been silent.
    let a = agreement_json("open access to vessel tracking AIS data", CLOSE);
    let mut got = stances(&a);
    got.sort();
    assert_eq!(
        got,
        [
            ("a_released".to_string(), "support".to_string()),
            ("b_open_access".to_string(), "support".to_string()),
        ]
    );
}

const RESTATES: &str = "tests/fixtures/agreement_restates";

#[test]
fn a_statement_that_restates_the_topic_needs_none_of_its_rare_words() {
    // "The coastal towns should build one common network of tide gauges" restates "a tide
    // gauge network shared by the coastal towns" (cosine 0.89) without "shared", the one
    // concept the folder does not name everywhere; its session had been silent.
    let a = agreement_json("a tide gauge network shared by the coastal towns", RESTATES);
    let mut got = stances(&a);
    got.sort();
    assert_eq!(
        got,
        [
            ("a_common_network".to_string(), "support".to_string()),
            ("b_readings".to_string(), "neutral".to_string()),
        ]
    );
}

#[test]
fn an_ask_that_names_the_whole_topic_supports_it_without_a_cue() {
    // "a regional register of harbour sensors be established", under "The participants
    // recommend that:", asks for the topic in every key word; with no cue word of its own
    // it had been read as a mention.
    let a = agreement_json("a regional register of harbour sensors", CLOSE);
    assert_eq!(
        stances(&a),
        [("e_register".to_string(), "support".to_string())]
    );
}
