//! Every unit read gets a class: statements are analysed, furniture is reported with a reason.
//!
//! The pages in `tests/fixtures/pages/` are invented, in the shape of real ones: a speech
//! with its salutations and dateline, two reports from one site with its disclaimer, a
//! mailing-list reply, a news page with a list of topics, a page saved one paragraph per
//! line, a report wrapped at the page width, a consultation's list of questions, a news
//! site's page with its cookie notice and share bar, a chair's summary with its courtesies
//! and page number, a blog post with bold numbered points and a newsletter pointer, a
//! report printed page by page, an action plan in a table, a Markdown post with front
//! matter, a blockquote and a link, meeting minutes, a UN resolution with its masthead, a
//! policy brief printed to PDF by a browser, a press release, call notes in Markdown, a
//! workshop transcript, a consultation response saved as text from a PDF (contents,
//! footnotes, footers, references), a scanned report (broken words, page headers, a
//! colophon), a blog post with an author box, an e-mail newsletter, a panel's summary record
//! (labelled fields, speaker turns), a chair's summary under a document symbol, a news
//! article whose lead-in introduces a list, a joint statement under a genre banner, and
//! Markdown sections numbered in their headings.

use concord::corpus::{self, Corpus, Session, StatementKind, UnitClass};
use std::fs;
use std::path::{Path, PathBuf};

fn page(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
}

fn load(paths: &[PathBuf]) -> Corpus {
    corpus::load(paths).expect("fixtures load")
}

/// Load one invented page written to a fresh folder under `name`.
fn load_written(name: &str, text: &str) -> Corpus {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join(name);
    fs::write(&page, text).expect("page written");
    load(&[page])
}

/// The class and reason of the unit with exactly this text, if any.
fn class_of(s: &Session, text: &str) -> Option<(UnitClass, String)> {
    if s.statements.iter().any(|st| st.text == text) {
        return Some((UnitClass::Statement, String::new()));
    }
    s.excluded
        .iter()
        .find(|e| e.text == text)
        .map(|e| (e.class, e.reason.clone()))
}

/// A session's title, organizer and date, as a reader cites them.
fn head(s: &Session) -> (&str, &str, &str) {
    (s.title.as_str(), s.organizer.as_str(), s.date.as_str())
}

/// The texts of a session's statements, in order.
fn texts(s: &Session) -> Vec<&str> {
    s.statements.iter().map(|st| st.text.as_str()).collect()
}

fn assert_class(s: &Session, text: &str, class: UnitClass) {
    let got = class_of(s, text);
    assert_eq!(
        got.as_ref().map(|g| g.0),
        Some(class),
        "{text:?} in {}: {got:?}",
        s.id
    );
}

#[test]
fn a_speech_page_is_cut_into_statements_and_furniture() {
    let c = load(&[page("01_harbour_statement.txt")]);
    let s = &c.sessions[0];
    assert_eq!(
        s.title,
        "Statement of the Northwind Ports Alliance at the Harbour Data Summit"
    );
    assert_eq!(
        s.url,
        "https://ports.example.org/news/statement-harbour-data-summit"
    );
    assert_eq!(s.date, "4 March 2025");
    assert_eq!(s.organizer, "Northwind Ports Alliance");
    use UnitClass::*;
    for (text, class) in [
        (
            "Statement of the Northwind Ports Alliance at the Harbour Data Summit",
            Metadata,
        ),
        ("(Check against delivery)", Procedural),
        ("Excellencies, colleagues, friends,", Procedural),
        ("Why open data?", Heading),
        ("Thank you, Chair.", Procedural),
        ("Read the full statement", Procedural),
        (
            "Port authorities must not sell exclusive access to safety data.",
            Statement,
        ),
        (
            "Closed data keeps small ports out of the regional logistics market.",
            Statement,
        ),
    ] {
        assert_class(s, text, class);
    }
    // The dateline describes the document: all of it is metadata.
    assert!(s
        .excluded
        .iter()
        .any(|e| e.text.starts_with("4 March 2025, Lisbon") && e.reason == "dateline"));
    // Header lines are metadata too, so no statement repeats them.
    assert!(s.statements.iter().all(|st| !st.text.contains("Source:")));
}

#[test]
fn a_bundle_of_asks_is_split_into_claims_that_keep_provenance() {
    let c = load(&[page("01_harbour_statement.txt")]);
    let s = &c.sessions[0];
    let claims: Vec<_> = s
        .statements
        .iter()
        .filter(|st| st.parent.is_some())
        .collect();
    let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Publishing berth schedules in real time.",
            "Funding a shared sensor registry.",
            "Making tide models reusable by anyone."
        ]
    );
    let parent = claims[0].parent.clone().unwrap();
    for (k, claim) in claims.iter().enumerate() {
        assert_eq!(claim.parent.as_deref(), Some(parent.as_str()));
        assert_eq!(claim.id, format!("{parent}.{}", k + 1));
        assert_eq!(claim.line, 20, "a claim keeps the line of its statement");
        assert_eq!(claim.source, s.source);
        assert!(claim
            .context
            .as_deref()
            .is_some_and(|c| c.starts_with("We call on the Summit")));
    }
}

#[test]
fn a_site_disclaimer_repeated_across_documents_is_boilerplate() {
    let c = load(&[page("02_coastal_report.txt"), page("03_coastal_report.txt")]);
    for s in &c.sessions {
        let disclaimer = s
            .excluded
            .iter()
            .filter(|e| e.class == UnitClass::Boilerplate)
            .map(|e| e.text.as_str())
            .collect::<Vec<_>>();
        assert_eq!(
            disclaimer,
            [
                "Disclaimer: This report was produced automatically from the session recording and has not been checked by the speakers.",
                "Quotes may contain errors."
            ],
            "{}",
            s.id
        );
    }
    // The same sentences on one page alone are not boilerplate: nothing repeats them.
    let alone = load(&[page("02_coastal_report.txt")]);
    assert!(alone.sessions[0]
        .excluded
        .iter()
        .all(|e| e.class != UnitClass::Boilerplate));
}

#[test]
fn a_copy_on_another_site_is_reporting_not_boilerplate() {
    let dir = tempfile::tempdir().unwrap();
    // A different report (so it is not the same document counted once) that
    // carries the same disclaimer, published on another site.
    let other = "Harbour Data Summit, session 7: ports and power\n\
Source: https://blog.elsewhere.example.com/harbour/session-7\n\
Organizer: Green Ports Alliance\n\n\
Disclaimer: This report was produced automatically from the session recording and has not been checked by the speakers. Quotes may contain errors.\n\n\
Engineers proposed shore power for every ferry berth by the end of the decade.\n\n\
Port authorities asked grid operators to publish connection queues.\n";
    fs::write(dir.path().join("x_other_site.txt"), other).unwrap();
    let c = load(&[
        page("02_coastal_report.txt"),
        page("03_coastal_report.txt"),
        dir.path().join("x_other_site.txt"),
    ]);
    let x = c.sessions.iter().find(|s| s.id == "x_other_site").unwrap();
    assert!(x.excluded.iter().all(|e| e.class != UnitClass::Boilerplate));
    assert!(x
        .statements
        .iter()
        .any(|st| st.text.starts_with("Disclaimer: This report")));
}

#[test]
fn a_mail_reply_keeps_its_point_and_drops_its_headers() {
    let c = load(&[page("04_mail_thread.txt")]);
    let s = &c.sessions[0];
    use UnitClass::*;
    assert_class(s, "Hi Ana,", Procedural);
    assert_class(s, "Cheers Ben", Procedural);
    let header = s
        .excluded
        .iter()
        .find(|e| e.reason == "quoted-mail header")
        .expect("the reply header is excluded");
    assert!(header.text.starts_with("On Thu, Mar 6, 2025") && header.text.ends_with("wrote:"));
    assert!(s
        .statements
        .iter()
        .any(|st| st.text.starts_with("Thanks Ben: paragraph 9 of the draft")));
    assert!(s.statements.iter().any(|st| st.text.starts_with("I agree")));
    assert!(s
        .excluded
        .iter()
        .any(|e| e.text.contains("mailing list") && e.class == Metadata));
}

#[test]
fn a_list_of_topics_and_a_byline_are_not_statements() {
    let c = load(&[page("05_topics_page.md")]);
    let s = &c.sessions[0];
    use UnitClass::*;
    assert_class(s, "Published 12.03.25", Metadata);
    assert_class(s, "By Lena Park", Metadata);
    for topic in [
        "Open data and transparency",
        "Safety at sea",
        "Skills and training",
    ] {
        assert_class(s, topic, Heading);
    }
    let statements: Vec<&str> = s.statements.iter().map(|st| st.text.as_str()).collect();
    assert_eq!(
        statements,
        [
            "Open berth and tide data by default.",
            "Give small ports a seat on the regional data board."
        ]
    );
}

#[test]
fn header_lines_fill_the_session_and_are_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("front.txt");
    fs::write(
        &p,
        "Title: Open ports roundtable\nURL: https://ports.example.org/roundtable\nOrganiser: Harbour Guild\nDate: 9 May 2025\nRapporteur: Ada Quill\n\nKey Recommendations\n\n- Publish berth data openly.\n",
    )
    .unwrap();
    let c = load(std::slice::from_ref(&p));
    let s = &c.sessions[0];
    assert_eq!(
        (
            s.title.as_str(),
            s.url.as_str(),
            s.organizer.as_str(),
            s.date.as_str()
        ),
        (
            "Open ports roundtable",
            "https://ports.example.org/roundtable",
            "Harbour Guild",
            "9 May 2025"
        )
    );
    assert_eq!(s.statements.len(), 1);
    assert!(s
        .excluded
        .iter()
        .any(|e| e.text == "Rapporteur: Ada Quill" && e.class == UnitClass::Metadata));
    // A source that names no link fills no url, and is still metadata.
    fs::write(
        &p,
        "Open ports roundtable\nSource: Harbour Guild newsletter\n\nKey Recommendations\n\n- Publish berth data openly.\n",
    )
    .unwrap();
    let c = load(&[p]);
    assert_eq!(c.sessions[0].title, "Open ports roundtable");
    assert_eq!(c.sessions[0].url, "");
}

#[test]
fn the_same_document_twice_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(page("02_coastal_report.txt")).unwrap();
    fs::write(dir.path().join("a_report.txt"), &text).unwrap();
    // Saved again under another name, with a different header title and one word changed.
    let copy = text
        .replacen("session 3: sensors and safety", "Session 3 (copy)", 1)
        .replace("smaller ports", "small ports");
    fs::write(dir.path().join("b_report_copy.txt"), copy).unwrap();
    fs::copy(
        page("03_coastal_report.txt"),
        dir.path().join("c_other.txt"),
    )
    .unwrap();
    let c = load(&[dir.path().to_path_buf()]);
    let ids: Vec<&str> = c.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a_report", "c_other"]);
    let skipped = &c.skipped[0];
    assert!(skipped.source.ends_with("b_report_copy.txt"));
    assert!(
        skipped.reason.contains("a_report.txt"),
        "{}",
        skipped.reason
    );
    assert!(c
        .warnings
        .iter()
        .any(|w| w.contains("b_report_copy.txt") && w.contains("a_report.txt")));
}

#[test]
fn unsupported_files_in_a_folder_are_listed_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(page("05_topics_page.md"), d.join("a_page.md")).unwrap();
    for name in ["b_minutes.doc", "c_notes.odt", "d_letter.rtf", "e_README"] {
        fs::write(d.join(name), b"some bytes").unwrap();
    }
    let c = load(&[d.to_path_buf()]);
    assert_eq!(c.sessions.len(), 1);
    let reasons: Vec<(String, String)> = c
        .skipped
        .iter()
        .map(|s| {
            let name = Path::new(&s.source).file_name().unwrap();
            (name.to_string_lossy().into_owned(), s.reason.clone())
        })
        .collect();
    let hint = |name: &str| {
        reasons
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    };
    assert!(
        hint("b_minutes.doc").contains("save it as .docx"),
        "{reasons:?}"
    );
    assert!(hint("c_notes.odt").contains(".docx"), "{reasons:?}");
    assert!(
        hint("d_letter.rtf").contains(".docx or .txt"),
        "{reasons:?}"
    );
    assert!(
        hint("e_README").contains("no file extension"),
        "{reasons:?}"
    );
}

#[test]
fn concord_output_in_the_folder_is_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(page("05_topics_page.md"), d.join("a_page.md")).unwrap();
    fs::write(
        d.join("digest.md"),
        format!(
            "<!-- {} -->\n# Consensus digest\n\n## Recurring recommendations\n\n- Open berth data.\n",
            concord::GENERATED_MARK
        ),
    )
    .unwrap();
    fs::write(
        d.join("digest.html"),
        format!(
            "<!DOCTYPE html>\n<html><head><meta name=\"generator\" content=\"{}\"></head><body><ul><li>Open berth data.</li></ul></body></html>\n",
            concord::GENERATED_MARK
        ),
    )
    .unwrap();
    let c = load(&[d.to_path_buf()]);
    let ids: Vec<&str> = c.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a_page"]);
    assert_eq!(c.skipped.len(), 2);
    assert!(c
        .skipped
        .iter()
        .all(|s| s.reason.contains("written by concord")));
}

#[test]
fn a_caption_and_the_repeated_title_do_not_open_the_first_paragraph() {
    // A news page prints its title again, then a photo caption, each on the line right
    // above the body: no blank line separates them from the first paragraph.
    let c = load(&[page("06_news_with_caption.txt")]);
    let s = &c.sessions[0];
    assert_class(
        s,
        "Ana Lima, Ports Office: Ben Okafor, Chen Wei, Dana Weiss, Eva Horvat",
        UnitClass::Metadata,
    );
    assert_eq!(
        s.statements[0].text,
        "The harbour day concluded on Friday with a call to publish tide data for every port."
    );
    assert!(s
        .statements
        .iter()
        .all(|st| !st.text.contains("Eva Horvat") && !st.text.contains("Harbour day ends")));
}

#[test]
fn the_signature_after_a_sign_off_is_not_a_statement() {
    let c = load(&[page("07_mail_signature.txt")]);
    let s = &c.sessions[0];
    for line in [
        "Ben Okafor",
        "Head of Port Data Services",
        "Northern Harbours Authority",
    ] {
        assert!(
            s.statements.iter().all(|st| !st.text.contains(line)),
            "{line} kept as a statement: {:?}",
            s.statements
        );
    }
    assert_eq!(
        texts(s),
        ["The registry should list every tide gauge with its owner and calibration date."]
    );
}

#[test]
fn a_breadcrumb_above_the_repeated_title_is_navigation() {
    let c = load(&[page("08_breadcrumb_page.txt")]);
    let s = &c.sessions[0];
    assert_class(s, "News and events", UnitClass::Heading);
    assert_eq!(s.statements.len(), 2, "{:?}", s.statements);
}

#[test]
fn a_list_of_themes_is_furniture_but_a_list_of_asks_is_not() {
    let c = load(&[page("09_two_lists.md")]);
    let s = &c.sessions[0];
    // Under a lead-in that reports, short noun phrases name topics, even with one long item.
    for topic in [
        "Open port data and shared registries",
        "Safety at sea and on the quays",
        "Emerging rules: licences, liability, data ownership and the role of regional port authorities",
        "Skills for harbour staff",
    ] {
        assert_class(s, topic, UnitClass::Heading);
    }
    // Under a lead-in that asks, the same kind of phrases are what is asked for.
    for ask in [
        "Shared sensor registries for small ports",
        "Training in data skills for harbour staff",
        "Open licences for tide and berth data",
    ] {
        assert_class(s, ask, UnitClass::Statement);
    }
}

#[test]
fn rows_of_a_table_of_counts_are_not_joined_into_a_statement() {
    let c = load(&[page("10_counts_table.txt")]);
    let s = &c.sessions[0];
    assert_class(s, "Civil society: 11", UnitClass::Metadata);
    assert_eq!(
        texts(s),
        ["The forum will publish every contribution on its website before the March meeting."]
    );
}

#[test]
fn a_short_line_that_ends_by_choice_is_not_joined_to_the_paragraph_below() {
    // One paragraph per line, as pages saved from the web are: a sub-heading sits right
    // above its paragraph with no blank line, and must not become its first words.
    let c = load(&[page("11_one_line_per_paragraph.txt")]);
    let s = &c.sessions[0];
    assert_class(s, "Coastal data compact", UnitClass::Heading);
    assert_class(s, "Alliance feedback form", UnitClass::Heading);
    assert_class(
        s,
        "During the consultation the Alliance asked for shared sea-level records to be published under an open licence within thirty days of collection.",
        UnitClass::Statement,
    );
    assert_class(
        s,
        "Data stewardship must be funded from the public budget of every member state, not left to volunteers.",
        UnitClass::Statement,
    );
}

#[test]
fn a_form_question_or_instruction_to_the_reader_is_procedural() {
    let c = load(&[page("11_one_line_per_paragraph.txt")]);
    let s = &c.sessions[0];
    for text in [
        "Do you consider that the priorities of the compact are captured in the draft elements?",
        "If you selected 'disagree', please specify which priorities should be added.",
        "On the alliance website you will find the full text of every submission.",
    ] {
        assert_class(s, text, UnitClass::Procedural);
    }
    // Only the sentence that speaks to the reader: the one before it still says something.
    assert_class(
        s,
        "The alliance's call for comments on the tide charter stays open until Friday.",
        UnitClass::Statement,
    );
    assert_class(s, "You can find the form here.", UnitClass::Procedural);
}

#[test]
fn a_list_of_one_item_reads_as_a_line_standing_alone() {
    // A form's ticked answer is a label; a lone bullet that says something stays a statement.
    let c = load(&[page("11_one_line_per_paragraph.txt")]);
    let s = &c.sessions[0];
    assert_class(s, "Agree", UnitClass::Heading);
    assert_class(
        s,
        "Shared tide data should be free of charge for coastal schools.",
        UnitClass::Statement,
    );
}

#[test]
fn a_paragraph_wrapped_at_the_page_width_is_still_one_paragraph() {
    // Its lines end where the next word would not fit: wrapped, never ended by choice.
    let c = load(&[page("12_wrapped_report.txt")]);
    let s = &c.sessions[0];
    assert_eq!(
        texts(s),
        [
            "Participants agreed that tide gauges run by municipalities should share one calibration standard, so that regional flood models can compare readings across borders.",
            "Several ports reported that storm surge warnings still reach small fishing communities by telephone only."
        ]
    );
}

#[test]
fn a_list_of_questions_put_to_participants_is_not_a_statement() {
    let c = load(&[page("13_consultation_questions.md")]);
    let s = &c.sessions[0];
    assert_class(
        s,
        "What should the regional data office do first?",
        UnitClass::Heading,
    );
    assert_eq!(
        texts(s),
        [
            "Respondents asked the regional data office to publish every tide record within a week.",
            "Several fishers' cooperatives said paper logbooks are still the only record in small harbours."
        ]
    );
}

#[test]
fn the_line_under_a_name_is_a_caption_even_at_the_end_of_a_page() {
    // Testimonies: quote, name, affiliation, repeated; the page is cut off in the last one.
    let c = load(&[page("14_testimonies.txt")]);
    let s = &c.sessions[0];
    assert_class(s, "Tomas Berg", UnitClass::Heading);
    assert_class(s, "Northern Port Authority, Norw", UnitClass::Metadata);
    assert_class(s, "Coastal Fishers' Union, Tunisia", UnitClass::Heading);
    assert_class(
        s,
        "The Harbour We Want: Shared tide data saved our cooperative a season of losses",
        UnitClass::Statement,
    );
}

#[test]
fn a_news_page_loses_its_cookie_notice_and_share_bar_by_their_markup() {
    let c = load(&[page("15_news_page.html")]);
    let s = &c.sessions[0];
    // The cookie notice stood first in the body and was read as the title.
    assert_eq!(
        s.title,
        "Regional Forum closes with call for open data commons"
    );
    let all: Vec<&str> = texts(s)
        .into_iter()
        .chain(s.excluded.iter().map(|e| e.text.as_str()))
        .collect();
    for furniture in [
        "cookies",
        "Share this",
        "Facebook",
        "Related articles",
        "All rights reserved",
    ] {
        assert!(
            all.iter().all(|t| !t.contains(furniture)),
            "{furniture:?} read from the page: {all:?}"
        );
    }
    assert_class(
        s,
        "Establish a regional data commons governed jointly by national statistics offices.",
        UnitClass::Statement,
    );
}

#[test]
fn courtesies_and_page_numbers_of_a_chair_summary_are_not_statements() {
    let c = load(&[page("16_chair_summary.txt")]);
    let s = &c.sessions[0];
    assert_class(
        s,
        "The Chair thanked the host government and the sponsors of the meeting.",
        UnitClass::Procedural,
    );
    assert_eq!(
        class_of(s, "Page 1 of 2"),
        Some((UnitClass::Metadata, "page number".to_string()))
    );
    // The footer under the page number names the event, then the title: it was counted
    // as a recommendation.
    assert_class(
        s,
        "Caribbean IGF 2025 – Chair's summary",
        UnitClass::Metadata,
    );
    assert_class(
        s,
        "One delegation opposed a regional data commons, arguing that national data must remain under national control and that a shared repository would be premature.",
        UnitClass::Statement,
    );
}

#[test]
fn a_blog_post_keeps_its_numbered_bold_points_whole_and_writes_no_sentence_of_its_own() {
    let c = load(&[page("17_blog_post.md")]);
    let s = &c.sessions[0];
    assert_class(
        s,
        "Shutdowns cost more than they save. Governments should stop ordering network shutdowns during exams and elections; the economic cost falls on small traders.",
        UnitClass::Statement,
    );
    // The bold number was cut off as a unit "1.", and the semicolon split lent "should" to
    // a clause with its own subject: "Governments should the economic cost falls…".
    for s in &s.statements {
        assert!(
            !s.text.starts_with("Governments should the") && s.text != "1.",
            "{:?}",
            s.text
        );
    }
    assert!(s.excluded.iter().all(|e| e.text != "1."));
    assert_class(
        s,
        "Subscribe to our newsletter to get posts like this one in your inbox.",
        UnitClass::Procedural,
    );
    assert_eq!(
        class_of(
            s,
            "Posted on 9 July 2025 by the policy team · 6 minute read"
        )
        .map(|c| c.0),
        Some(UnitClass::Metadata)
    );
}

#[test]
fn page_furniture_of_a_printed_report_neither_ends_a_section_nor_cuts_an_item() {
    let c = load(&[page("18_paged_report.txt")]);
    let s = &c.sessions[0];
    assert_eq!(s.title, "ANDEAN DIGITAL FORUM 2025 – OUTCOME REPORT");
    // The item that the first page break cut in two is one statement again.
    assert_class(
        s,
        "Several ministries proposed that universal service funds finance community networks and that regulators waive licence fees for them.",
        UnitClass::Statement,
    );
    // The title at the top of page 3 read as an "Outcomes" heading, which ended the
    // recommendations.
    let last = s.statements.last().unwrap();
    assert_eq!(
        (last.text.as_str(), last.section),
        (
            "Governments should reduce spectrum fees for operators that serve rural areas.",
            corpus::SectionKind::Recommendations
        )
    );
    for footer in [
        "Andean Digital Forum 2025 · Chair's summary · page 1 of 3",
        "Andean Digital Forum 2025 · Chair's summary · page 3 of 3",
        "2",
    ] {
        assert_class(s, footer, UnitClass::Metadata);
    }
}

#[test]
fn each_row_of_an_action_table_is_one_statement_with_its_cells_apart() {
    let c = load(&[page("19_action_table.html")]);
    let s = &c.sessions[0];
    // The sentence that points at the table introduces it; it said nothing itself.
    assert_class(
        s,
        "The summit agreed on the following actions.",
        UnitClass::Heading,
    );
    // The cells ran together ("…cablesDevelopment banksJune 2026") and most rows were read
    // as sub-headings. Each row's action is the statement; who leads it and by when are
    // reported beside it, under the header's names, and neither enter the quote.
    for (action, beside) in [
        (
            "Establish a regional data commons governed by statistics offices.",
            "Lead: Statistics offices — Deadline: 2026",
        ),
        (
            "Create a pooled fund to repair submarine cables",
            "Lead: Development banks — Deadline: June 2026",
        ),
        (
            "Publish yearly broadband price data",
            "Lead: Regulators — Deadline: Every year",
        ),
    ] {
        assert_class(s, action, UnitClass::Statement);
        assert_eq!(
            class_of(s, beside),
            Some((
                UnitClass::Metadata,
                "table cells beside the statement".to_owned()
            ))
        );
    }
    assert_class(s, "Action — Lead — Deadline", UnitClass::Heading);
}

#[test]
fn markdown_quotes_links_and_front_matter_read_as_their_words() {
    let c = load(&[page("20_front_matter_post.md")]);
    let s = &c.sessions[0];
    // YAML quotes its strings; the title kept them.
    assert_eq!(s.title, "Outcomes of the Coastal Data Roundtable");
    // A blockquote kept its "> " and a link its Markdown: quotes nobody wrote.
    assert_class(
        s,
        "\"Open tide data saves lives,\" said one harbour master.",
        UnitClass::Statement,
    );
    assert_class(s, "Read the full report", UnitClass::Procedural);
}

#[test]
fn minutes_keep_their_decisions_and_drop_their_procedure() {
    let c = load(&[page("21_meeting_minutes.txt")]);
    let s = &c.sessions[0];
    // The procedure of the meeting was counted as what the meeting said.
    for procedure in [
        "The chair opened the meeting at 09:30. The agenda was adopted as circulated.",
        "The minutes of meeting 6 were approved without changes.",
        // The clock time was read as a label and a count ("…at 11: 00").
        "The meeting closed at 11:00.",
    ] {
        assert_class(s, procedure, UnitClass::Procedural);
    }
    // "Apologies: M. Oduya" was taken for the organizer.
    assert_eq!(s.organizer, "");
    assert_class(s, "Apologies: M. Oduya", UnitClass::Metadata);
    // The action item and the backing for a proposal were read as observations.
    let kind = |text: &str| {
        s.statements
            .iter()
            .find(|st| st.text == text)
            .map(|st| st.kind)
    };
    for ask in [
        "ACTION: Secretariat to draft terms of reference for a maintenance pool by 30 April.",
        "Members supported publishing the flood maps under an open licence.",
    ] {
        assert_eq!(
            kind(ask),
            Some(corpus::StatementKind::Recommendation),
            "{ask}"
        );
    }
    assert_eq!(
        kind("K. Adeyemi presented the survey of tide gauges along the lagoon."),
        Some(corpus::StatementKind::Observation)
    );
}

#[test]
fn a_resolution_reads_its_operative_asks_and_not_its_masthead() {
    let c = load(&[page("22_un_resolution.txt")]);
    let s = &c.sessions[0];
    // The masthead row "United Nations … A/RES/88/301" was the title, the next the organizer;
    // then the title was "Resolution adopted by…", and "88/301.  Tide data…" was cut into a
    // number and a statement. The resolution's own title is its title.
    assert_eq!(
        head(s),
        (
            "Tide data for low-lying coastal States",
            "United Nations",
            "14 December 2024"
        )
    );
    assert_class(
        s,
        "Tide data for low-lying coastal States",
        UnitClass::Heading,
    );
    // The meeting's reference under the last paragraph was a statement.
    assert_class(s, "48th plenary meeting", UnitClass::Heading);
    // "Calls upon … to share" was an observation.
    let asks: Vec<&str> = s
        .statements
        .iter()
        .filter(|st| st.kind == corpus::StatementKind::Recommendation)
        .map(|st| st.text.as_str())
        .collect();
    assert_eq!(asks.len(), 3, "{asks:?}");
    assert!(asks[0].starts_with("Calls upon Member States"), "{asks:?}");
    // A preambular paragraph is not a salutation; the line under the last operative
    // paragraph, far to the right, is not glued onto it.
    assert_class(
        s,
        "Recalling its resolution 86/144 of 20 December 2022 on coastal observation,",
        UnitClass::Statement,
    );
    assert_class(s, "The General Assembly,", UnitClass::Procedural);
    assert!(
        texts(s)
            .iter()
            .any(|t| t.ends_with("implementation of the present resolution.")),
        "{:?}",
        texts(s)
    );
}

#[test]
fn a_draft_with_line_numbers_double_spacing_and_a_watermark_reads_as_paragraphs() {
    // Made by tests/fixtures/make/draft_with_line_numbers.py: every printed line carries
    // its number in a gutter, lines are double-spaced, a slanted "DRAFT" runs across each
    // page, the header sets title and date apart, the footer a page number and a symbol.
    let c = load(&[page("42_draft_with_line_numbers.pdf")]);
    let s = &c.sessions[0];
    // The watermark was the title, the footer ("Page 1 of 2TF/2026/CRP.2") the organizer.
    assert_eq!(
        (s.title.as_str(), s.date.as_str()),
        (
            "Tideway Forum 2026 - Chair's Draft Elements",
            "3-4 March 2026"
        )
    );
    assert_ne!(s.organizer, "Page 1 of 2 TF/2026/CRP.2");
    assert_class(s, "Page 1 of 2 TF/2026/CRP.2", UnitClass::Metadata);
    assert_class(s, "DRAFT - not for circulation", UnitClass::Metadata);
    // Each printed line was a unit of its own, with its line number glued on; the word
    // the layout broke ("Informa-" / "tion") is whole again.
    let all = texts(s);
    for whole in [
        "Coastal councils should fund the repair of broken gauges before the storm season and report progress to the Tideway Information Desk by September.",
        // Across the page break.
        "Fishers' associations should be consulted before any new closure of a fishing ground is decided.",
        "The Harbour Office should publish the minutes of the tide committee within two weeks of each meeting.",
    ] {
        assert_class(s, whole, UnitClass::Statement);
    }
    assert!(
        all.iter()
            .all(|t| !t.starts_with(|c: char| c.is_ascii_digit())),
        "{all:?}"
    );
    assert_class(
        s,
        "[Delete: Participants endorse a licence fee for every small boat.]",
        UnitClass::Procedural,
    );
}

#[test]
fn a_printed_policy_brief_keeps_its_headline_kicker_and_first_paragraph_apart() {
    // Printed to PDF by a browser: the headline in large type is kerned and wrapped, a
    // kicker line above it names the publisher, series and date.
    let c = load(&[page("23_policy_brief.pdf")]);
    let s = &c.sessions[0];
    // The kicker was the title, the headline's first line ("K eeping…") the organizer.
    assert_eq!(
        head(s),
        (
            "Keeping island cables alive: what three regional meetings agreed",
            "Coastal Connectivity Observatory",
            "September 2025"
        )
    );
    // The first paragraph, wrapped by the layout, mentions "outcomes" in its first line
    // and was read as an outcomes heading.
    assert_class(
        s,
        "This brief draws together the outcomes of three regional meetings held in Suva, Nukualofa and Apia between May and July 2025.",
        UnitClass::Statement,
    );
    assert_class(
        s,
        "For more information contact the Observatory secretariat.",
        UnitClass::Procedural,
    );
    assert_eq!(
        s.statements
            .iter()
            .filter(|st| st.kind == corpus::StatementKind::Recommendation)
            .count(),
        3
    );
    // Under "Where the meetings disagreed", after the list: a reported objection, not an ask.
    assert_eq!(
        kind_of(
            s,
            "Participants in Apia opposed a regional levy on data traffic to finance the fund, arguing that it would raise prices for households."
        ),
        Some(corpus::StatementKind::Observation)
    );
}

#[test]
fn a_press_release_takes_its_headline_and_dateline_not_its_genre() {
    let c = load(&[page("24_press_release.txt")]);
    let s = &c.sessions[0];
    // "PRESS RELEASE" was the title and the headline the organizer; the dateline's date
    // did not date the session.
    assert_eq!(
        head(s),
        (
            "Regulators agree to publish broadband prices every quarter",
            "",
            "18 August 2025"
        )
    );
    assert_class(
        s,
        "For further information, please contact the forum secretariat.",
        UnitClass::Procedural,
    );
    assert_class(
        s,
        "The regulators asked operators to report prices for the three most sold plans from January.",
        UnitClass::Statement,
    );
}

#[test]
fn call_notes_read_their_task_list_and_pipe_table_as_action_items() {
    let c = load(&[page("25_call_notes.md")]);
    let s = &c.sessions[0];
    assert_eq!(
        s.date, "9 September 2025",
        "the title's date dates the notes"
    );
    let kind = |text: &str| {
        s.statements
            .iter()
            .find(|st| st.text == text)
            .map(|st| (st.kind, st.section))
    };
    use corpus::{SectionKind::Recommendations, StatementKind::Recommendation};
    // The task boxes were part of the quotes ("[ ] O. Mensah to draft…"), the table rows
    // quoted with their pipes, and neither read as asks.
    for action in [
        "O. Mensah to draft the data licence by 1 October",
        "V. Castillo to collect quotes for replacement buoys",
        "Publish the sensor inventory — H. Lindgren — October",
        "Write the maintenance guide — V. Castillo — November",
    ] {
        assert_eq!(
            kind(action),
            Some((Recommendation, Recommendations)),
            "{action}: {:?}",
            texts(s)
        );
    }
    assert_class(s, "Task — Owner — Due", UnitClass::Heading);
}

#[test]
fn a_transcripts_courtesies_are_procedural_under_their_speakers_names() {
    let c = load(&[page("26_workshop_transcript.txt")]);
    let s = &c.sessions[0];
    // "Raw transcript" was the organizer.
    assert_eq!(
        (s.title.as_str(), s.organizer.as_str()),
        ("Workshop 41: Keeping tide gauges running", "")
    );
    // The speaker's name in capitals hid the courtesy from the procedural rules.
    for courtesy in [
        "JONAS VIK: Thank you.",
        "Hello, everyone.",
        "AUDIENCE: Good morning, my name is Tomas.",
    ] {
        assert_class(s, courtesy, UnitClass::Procedural);
    }
    // The head of a turn (a speaker in capitals with their organisation in brackets, or a
    // role) is who speaks, not what was said.
    assert_eq!(
        class_of(s, "MS. ADA PERRIN (HARBOUR GUILD):"),
        Some((
            UnitClass::Metadata,
            "who speaks, and when (a transcript's turn)".to_string()
        ))
    );
    assert_class(
        s,
        "Ports should share the cost of spare parts.",
        UnitClass::Statement,
    );
}

#[test]
fn a_turns_time_stamp_and_speaker_are_not_what_was_said_nor_is_the_note_on_the_transcript() {
    // Before, each quote opened on "[00:04:02] SPEAKER 1 (Mr. Aho, Port of Turku):", and the
    // captioner's disclaimer was a recommendation ("…should not be relied on…").
    let c = load_written(
        "transcript.txt",
        "Harbour Forum 2026, session 2: tide data for small ports\n\n\
         This transcript is unedited and was produced by a live captioner. It may contain \
         errors and should not be relied on as a record of the session.\n\n\
         [00:03:10] MODERATOR (Ms. Lind): Our first speaker comes from the port of Turku.\n\n\
         [00:04:02] SPEAKER 1 (Mr. Aho, Port of Turku): Ports should publish tide gauge \
         readings every hour.\n\n\
         Q14 MS LIND: Would hourly readings not swamp the small ports? Their staff are few.\n\n\
         DR AHO: Frankly, no. The gauges report on their own.\n",
    );
    let s = &c.sessions[0];
    assert_class(
        s,
        "Ports should publish tide gauge readings every hour.",
        UnitClass::Statement,
    );
    // A hearing names its speakers by title, and its questions by number; before, "DR AHO:
    // Frankly, no." was a statement of its own, and every turn's first sentence carried
    // the name into the themes.
    for (head, said) in [
        ("Q14 MS LIND:", "Their staff are few."),
        ("DR AHO:", "Frankly, no."),
    ] {
        assert_eq!(
            class_of(s, head).map(|c| c.1),
            Some("who speaks, and when (a transcript's turn)".to_string()),
            "{head}"
        );
        assert!(class_of(s, said).is_some(), "{said}");
    }
    assert_eq!(
        class_of(s, "[00:04:02] SPEAKER 1 (Mr. Aho, Port of Turku):"),
        Some((
            UnitClass::Metadata,
            "who speaks, and when (a transcript's turn)".to_string()
        ))
    );
    for note in [
        "This transcript is unedited and was produced by a live captioner.",
        "It may contain errors and should not be relied on as a record of the session.",
    ] {
        assert_eq!(
            class_of(s, note),
            Some((
                UnitClass::Metadata,
                "a note on the document itself (what kind of text it is, how far to rely on it)"
                    .to_string()
            )),
            "{note}"
        );
    }
}

#[test]
fn a_submission_reads_past_its_contents_footnotes_footers_and_references() {
    let c = load(&[page("27_consultation_response.txt")]);
    let s = &c.sessions[0];
    // The network's name was the title and "Response to…" the organizer.
    assert_eq!(
        head(s),
        (
            "Response to the Estuary Commission's consultation on tidal grazing rights",
            "Saltmarsh Growers' Network",
            "3 September 2025"
        )
    );
    // A contents line opened the recommendations section, and its entries were
    // statements glued to the page numbers around them.
    assert_class(
        s,
        "2. Recommendations .................................................... 2",
        UnitClass::Boilerplate,
    );
    // Footnotes were statements, and their marks stayed glued to the sentences.
    assert_class(
        s,
        "1 Estuary Commission, Saltmarsh Condition Survey 2024, p. 8.",
        UnitClass::Boilerplate,
    );
    assert_class(
        s,
        "Most growers told us that the current calendar forces them off the marsh just as the grass recovers.",
        UnitClass::Statement,
    );
    // A footer that changes only its page number, on pages not set apart by blank lines.
    assert_class(
        s,
        "Saltmarsh Growers' Network – Response on tidal grazing rights Page 3 of 4",
        UnitClass::Metadata,
    );
    // The outline numbers "2.1.1" stayed on the asks; there are four asks and no more.
    let asks: Vec<&str> = s
        .statements
        .iter()
        .filter(|st| st.kind == corpus::StatementKind::Recommendation)
        .map(|st| st.text.as_str())
        .collect();
    assert_eq!(asks.len(), 4, "{asks:?}");
    assert!(asks[0].starts_with("The Commission should set"), "{asks:?}");
    // "3. Concluding remarks" did not end "2. Recommendations": its views were asks.
    let kind = |text: &str| {
        s.statements
            .iter()
            .find(|st| st.text == text)
            .map(|st| (st.kind, st.section))
    };
    assert_eq!(
        kind("The Network believes that grazing and the marsh's birds can both be protected."),
        Some((
            corpus::StatementKind::Observation,
            corpus::SectionKind::Other
        ))
    );
    // The references and the copyright line were statements.
    // Numbered as the body's marks are ("2024.1", "recovers.[2]"), they are read as notes,
    // each whole.
    assert_class(
        s,
        "[1] Estuary Commission (2024). Saltmarsh Condition Survey.",
        UnitClass::Boilerplate,
    );
    assert_class(
        s,
        "© 2025 Saltmarsh Growers' Network.",
        UnitClass::Boilerplate,
    );
}

#[test]
fn a_scanned_report_mends_its_broken_words_and_drops_its_colophon() {
    let c = load(&[page("28_scanned_report.txt")]);
    let s = &c.sessions[0];
    // The title's second line in capitals was the organizer, the byline a statement.
    assert_eq!(
        head(s),
        (
            "ESTUARY DIALOGUE ON TIDAL PASTURES AND BIRDS",
            "Ebb Valley Estuary Commission",
            "9-10 June 2025"
        )
    );
    let all = texts(s).join(" ");
    // A word the layout broke loses its hyphen; one written with a hyphen keeps it.
    assert!(all.contains("the recommendations below"), "{all}");
    assert!(
        all.contains("the multi-stakeholder monitoring group"),
        "{all}"
    );
    // The page header between "prio-" and "rity" was glued inside the ask.
    assert!(
        texts(s).contains(
            &"Wardens and growers should walk the fences together every month and record gaps in a shared log, giving priority to the fences beside the tern colonies."
        ),
        "{:?}",
        texts(s)
    );
    // The page number stands left on even pages and right on odd ones.
    assert_class(s, "2 Tidal Pastures Dialogue", UnitClass::Metadata);
    assert_class(s, "Tidal Pastures Dialogue 3", UnitClass::Metadata);
    // The colophon was three recommendations.
    for colophon in [
        "This report was prepared by the Secretariat of the Ebb Valley Estuary Commission.",
        "The views expressed do not necessarily reflect those of every member.",
        "(c) 2025 Ebb Valley Estuary Commission.",
    ] {
        assert_ne!(
            class_of(s, colophon).map(|c| c.0),
            Some(UnitClass::Statement),
            "{colophon}"
        );
    }
}

#[test]
fn a_lead_in_naming_participants_opens_the_asks_and_the_author_box_is_dropped() {
    let c = load(&[page("29_post_with_author_box.html")]);
    let s = &c.sessions[0];
    // "Participants agreed on the following recommendations…" made everything below it a
    // speaker list: the three asks were lost.
    for ask in [
        "Keep the Wi-Fi on until the building closes, not an hour before.",
        "Publish a monthly report of outages for each branch.",
        "Lend laptops for home use to people without a device.",
    ] {
        assert_class(s, ask, UnitClass::Statement);
    }
    // Long thanks are still thanks.
    assert_class(
        s,
        "Thank you to everyone who came along on a wet evening, and to the Millbrook branch staff for staying late.",
        UnitClass::Procedural,
    );
    // A photo's caption and the page's feedback widget were statements.
    assert!(
        !texts(s)
            .iter()
            .any(|t| t.starts_with("Residents at the Millbrook branch")),
        "{:?}",
        texts(s)
    );
    assert_class(s, "Was this page helpful?", UnitClass::Procedural);
    // The author box under the post was read as two recommendations.
    assert!(
        !texts(s)
            .iter()
            .any(|t| t.contains("Okafor") || t.contains("every branch should be")),
        "{:?}",
        texts(s)
    );
}

#[test]
fn a_newsletter_keeps_its_article_and_drops_its_calendar_and_mail_chrome() {
    let c = load(&[page("30_email_newsletter.txt")]);
    let s = &c.sessions[0];
    // The calendar, the courtesy and the mail's own footer were statements.
    for (text, class) in [
        (
            "2 July 2025 - Fibre splicing course for volunteers, Dale Hall",
            UnitClass::Metadata,
        ),
        (
            "19 September 2025 - Autumn open evening at the Hollins relay",
            UnitClass::Metadata,
        ),
        (
            "Congratulations to the volunteers of the Hollins relay!",
            UnitClass::Procedural,
        ),
        (
            "You are receiving this email because you are a member of the Upper Dale Broadband Cooperative.",
            UnitClass::Procedural,
        ),
    ] {
        assert_class(s, text, class);
    }
    // The article's decisions are still statements.
    assert_class(
        s,
        "The assembly also asked the board to publish the network's outage log every month.",
        UnitClass::Statement,
    );
}

/// The kind of the statement with exactly this text.
fn kind_of(s: &Session, text: &str) -> Option<corpus::StatementKind> {
    s.statements
        .iter()
        .find(|st| st.text == text)
        .map(|st| st.kind)
}

#[test]
fn a_summary_record_reads_its_labels_and_keeps_what_the_speakers_said() {
    let c = load(&[page("31_summary_record.txt")]);
    let s = &c.sessions[0];
    // The labelled fields outrank the event's banner and the genre line above them.
    assert_eq!(
        s.title,
        "Sharing Tide Gauge Data: Does the Coast Need a Joint Observatory?"
    );
    assert_eq!(s.organizer, "Coastal Tide Network (CTN)");
    assert!(s.date.contains("8 April 2025"), "{}", s.date);
    // After the list of panellists, what they said was a "speaker list" (the run failed
    // with "no readable statements"); numbered capitals head the parts.
    assert_class(s, "OPENING", UnitClass::Heading);
    assert_class(
        s,
        "Our cooperative does not support the creation of a new observatory.",
        UnitClass::Statement,
    );
    // A moderator's turn wrapped over lines is one turn, not a field and its tail; its
    // indirect question asks nothing.
    let question = "The question before us is whether eleven port authorities should keep running \
                    their own gauges or pool them in one observatory.";
    assert_eq!(
        kind_of(s, question),
        Some(corpus::StatementKind::Observation)
    );
    assert_eq!(
        kind_of(
            s,
            "Port authorities should publish their tide readings every ten minutes under an open licence."
        ),
        Some(corpus::StatementKind::Recommendation)
    );
    // The entries of the list are still names; the footer is furniture though it is
    // printed once.
    assert_class(
        s,
        "Ms. Ines Vollmer (Port Authority of Brenna)",
        UnitClass::Metadata,
    );
    assert_class(
        s,
        "Summary record T-04 / CTN / TDW25 -- Page 1 of 1",
        UnitClass::Metadata,
    );
}

#[test]
fn a_document_symbol_is_neither_the_title_nor_a_break_in_the_text() {
    let c = load(&[page("32_chair_summary_symbol.txt")]);
    let s = &c.sessions[0];
    assert_eq!(s.title, "Committee on Tidal Cooperation");
    assert_eq!(s.date, "12-14 May 2025");
    assert_class(s, "CTC/2025/INF/7", UnitClass::Metadata);
    assert_class(s, "English only", UnitClass::Metadata);
    // The symbol repeated as the page's header leaves the paragraph the break cut whole.
    let whole = "Member States are invited to share, on a voluntary basis, their tide gauge \
                 records for the last ten years with the secretariat before 30 September 2025, \
                 using the common exchange format.";
    assert_eq!(
        kind_of(s, whole),
        Some(corpus::StatementKind::Recommendation),
        "{:?}",
        texts(s)
    );
    // The rows of the annex's table of participants, under its sub-headings, are names,
    // one row each; they were glued in pairs and read as headings or statements.
    for row in [
        "Brenna Ms. Ilse Varga, Mr. Tomas Eik",
        "Tide Data Alliance Ms. Keziah Dunn",
    ] {
        assert_class(s, row, UnitClass::Metadata);
    }
}

#[test]
fn a_lead_in_sentence_sets_the_section_of_its_list_only() {
    let c = load(&[page("33_article_lead_in.html")]);
    let s = &c.sessions[0];
    assert_eq!(
        kind_of(
            s,
            "Regional funds should pay for the upkeep of community tide stations."
        ),
        Some(corpus::StatementKind::Recommendation)
    );
    // The prose after the list was "recommendations" of the forum.
    for report in [
        "Not everyone was convinced.",
        "Two port operators warned that the costs of the gauges would fall on small harbours.",
        "The recommendations will be presented to the harbour ministers in June.",
        "Port officials and fishers agreed on four steps at the Brenna Harbour Forum, but \
         disagreed over who should pay for the gauges.",
    ] {
        assert_eq!(
            kind_of(s, report),
            Some(corpus::StatementKind::Observation),
            "{report}"
        );
    }
    // A page's publishing time dates it by its day.
    assert_eq!(s.date, "2025-05-20");
}

#[test]
fn a_genre_banner_is_not_the_title_and_the_date_line_under_the_title_dates_it() {
    let c = load(&[page("34_joint_statement.txt")]);
    let s = &c.sessions[0];
    assert_eq!(
        s.title,
        "Keep the Tide Records Public: Statement of Coastal Fishers to the Second Harbour \
         Ministers' Meeting"
    );
    assert_eq!(s.date, "3 June 2025");
    assert_class(s, "JOINT STATEMENT", UnitClass::Metadata);
    // A line that stops on "the" goes on below: it was a sub-heading and a fragment.
    assert_class(
        s,
        "The outcome of our meeting will be submitted to the Harbour Ministers' Meeting as an \
         input to its declaration.",
        UnitClass::Statement,
    );
    // The signatories were statements and headings.
    for name in [
        "Tide Watch Collective",
        "Coastal Women's Cooperative (Lund)",
    ] {
        assert_class(s, name, UnitClass::Metadata);
    }
}

#[test]
fn a_markdown_heading_numbers_its_section_for_the_next_number_to_close() {
    let c = load(&[page("35_numbered_markdown_sections.md")]);
    let s = &c.sessions[0];
    assert_class(s, "Concluding remarks", UnitClass::Heading);
    assert_eq!(
        kind_of(
            s,
            "The workshop found that most harbour sensors fail within five years."
        ),
        Some(corpus::StatementKind::Observation)
    );
}

#[test]
fn a_colophon_and_the_next_meeting_are_no_recommendations() {
    let c = load(&[page("36_report_with_colophon.txt")]);
    let s = &c.sessions[0];
    // Both stood under "Recommendations" and were counted as its asks.
    assert_class(
        s,
        "Report WS-7 – Harbour Engineers' Guild 2025 – prepared by the workshop rapporteur",
        UnitClass::Metadata,
    );
    assert_class(
        s,
        "Next meeting: 9 September 2025, Harbour Hall, Lund.",
        UnitClass::Metadata,
    );
    assert_eq!(s.date, "4 March 2025", "every place before the date goes");
    assert_eq!(
        kind_of(
            s,
            "Regional funds should pay one technician for every ten community tide stations."
        ),
        Some(corpus::StatementKind::Recommendation)
    );
}

#[test]
fn a_mailed_submission_keeps_its_own_text_only() {
    let c = load(&[page("37_mailed_submission.txt")]);
    let s = &c.sessions[0];
    assert_eq!(
        s.title, "Consultation on the shared tide register (closes 10 October)",
        "the subject, without its reply mark, not a mailer header"
    );
    // The call it answers is quoted below the reply: its questions are not the sender's.
    for line in [
        "Responses should say whether the register should charge a joining fee,",
        "and whether stations should be calibrated by their owners.",
    ] {
        assert_eq!(
            class_of(s, line),
            Some((UnitClass::Boilerplate, "quoted earlier message".to_owned()))
        );
    }
    // What the mail server appends after a rule.
    assert_eq!(
        class_of(
            s,
            "you received it in error, please delete it and tell the sender."
        ),
        Some((UnitClass::Boilerplate, "mail footer".to_owned()))
    );
    // The signature after "Kind regards," with its telephone and address lines.
    for line in [
        "Coordinator, Lakeshore Makers Cooperative",
        "Tel: +00 555 0199",
        "Quay Road 4, Westerby",
    ] {
        assert_eq!(
            class_of(s, line),
            Some((UnitClass::Metadata, "signature".to_owned())),
            "{line}"
        );
    }
    // The wrapped thanks is cut from the sentence after it, not the sentence into lines.
    assert_class(
        s,
        "Thank you for the chance to comment on the draft register.",
        UnitClass::Procedural,
    );
    assert_eq!(
        kind_of(
            s,
            "Volunteer stations should be calibrated once a year at public cost."
        ),
        Some(corpus::StatementKind::Recommendation)
    );
}

#[test]
fn a_bilingual_page_is_read_once_in_english() {
    let c = load(&[page("38_bilingual_declaration.html")]);
    let s = &c.sessions[0];
    // Each French paragraph translates the English one above it.
    let (class, reason) = class_of(
        s,
        "Plusieurs délégations ont averti que les réseaux de capteurs sur le lac sont entretenus par des bénévoles sans aucun budget.",
    )
    .expect("the French paragraph is reported");
    assert_eq!(class, UnitClass::Boilerplate);
    assert!(reason.contains("French"), "{reason}");
    // A row setting both versions side by side keeps its English cell, numbered asks
    // read as asks, and the French cell is reported apart.
    assert_eq!(
        kind_of(
            s,
            "1. Publish water quality readings as open data every week."
        ),
        Some(corpus::StatementKind::Recommendation)
    );
    assert_class(
        s,
        "1. Publier chaque semaine les relevés de qualité de l'eau en données ouvertes.",
        UnitClass::Boilerplate,
    );
    // A French sentence with an aside between dashes is not a row of cells: no
    // fragment of it ("swahili, luganda et dholuo") is read as English.
    assert!(
        s.statements.iter().all(|st| !st.text.contains("dholuo")),
        "{:?}",
        texts(s)
    );
    assert_eq!(s.statements.len(), 5, "{:?}", texts(s));
}

#[test]
fn a_page_giving_each_point_then_its_translation_reads_each_point_once() {
    let c = load(&[page("43_bilingual_items.md")]);
    let s = &c.sessions[0];
    // The italic line under each English item is that item again, whatever share of the
    // page is French.
    let (class, reason) = class_of(
        s,
        "Les coopératives devraient recevoir une formation pour tenir leurs propres journaux de bord numériques.",
    )
    .expect("the translation is reported");
    assert_eq!(class, UnitClass::Boilerplate);
    assert!(reason.contains("beside its English original"), "{reason}");
    // A translation glued onto its item in one paragraph is cut off and excluded too.
    assert_class(
        s,
        "Governments should fund solar charging points at every landing site and keep the tariffs low.",
        UnitClass::Statement,
    );
    assert_class(
        s,
        "Les gouvernements devraient financer des bornes de recharge solaires sur chaque site de débarquement et maintenir des tarifs bas.",
        UnitClass::Boilerplate,
    );
    // The section written in French alone translates nothing beside it: it is weighed
    // as before (here half of what is left, so the page counts as English).
    let (_, reason) = class_of(
        s,
        "Les participants ont constaté que la plupart des pêcheurs consultent la météo uniquement par messages vocaux sur leur téléphone.",
    )
    .expect("the French observation is reported");
    assert!(reason.contains("in a text in English"), "{reason}");
    assert_eq!(s.statements.len(), 3, "{:?}", texts(s));
    // Bilingual labels and values fill the session once.
    assert_eq!(s.organizer, "Lakeshore Fishers' Data Cooperative");
    assert_eq!(s.date, "9 April 2026");
}

#[test]
fn a_booklet_of_session_reports_is_read_as_its_sessions() {
    let c = load(&[page("47_booklet_of_sessions.txt")]);
    // Read as one session, each point made by two of its sessions counted once.
    let ids: Vec<&str> = c.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "47_booklet_of_sessions-s1",
            "47_booklet_of_sessions-s2",
            "47_booklet_of_sessions-s3"
        ]
    );
    let heads: Vec<(&str, &str, &str)> = c.sessions.iter().map(head).collect();
    assert_eq!(
        heads[1],
        (
            "Session 2: Fishers and Their Data",
            "Lakeshore Fishers' Data Cooperative",
            "9 April 2026"
        )
    );
    assert_eq!(
        texts(&c.sessions[2]),
        [
            "Harbour authorities should publish tide readings every hour, free of charge.",
            "Ferry operators should send weather alerts by SMS to every passenger."
        ]
    );
    // The foreword is the booklet's, no session's: reported with the first, excluded.
    let (class, reason) = class_of(
        &c.sessions[0],
        "This booklet gathers the reports sent in by the organizers of three sessions.",
    )
    .expect("the foreword is reported");
    assert_eq!(class, UnitClass::Boilerplate);
    assert!(
        reason.contains("before the first of the sessions"),
        "{reason}"
    );
    // Every citation still points into the one file.
    assert!(c
        .sessions
        .iter()
        .all(|s| s.source.ends_with("47_booklet_of_sessions.txt")));
}

#[test]
fn a_report_naming_its_organizer_again_under_speakers_is_one_session() {
    let dir = tempfile::tempdir().unwrap();
    let report = "Harbour Data Session\nOrganizer: Harbour Sensors Network\nDate: 8 April 2026\n\n\
Summary\n\nPorts should share tide gauges.\n\nFerries need hourly readings.\n\n\
Gauges cost less when three harbours share one.\n\n\
Speakers\n\nOrganizer: Ana Silva, Port of Lund\nModerator: Tom Berg\n\n\
Recommendations\n\n- Fund one gauge per three harbours.\n";
    fs::write(dir.path().join("report.txt"), report).unwrap();
    let c = load(&[dir.path().join("report.txt")]);
    let ids: Vec<&str> = c.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["report"]);
}

#[test]
fn a_form_labels_optional_plurals_and_ampersands() {
    let dir = tempfile::tempdir().unwrap();
    let form = "HARBOUR FORUM 2026 - SESSION REPORT FORM\n\
Submitted via the reporting portal on 17/04/2026 22:41\n\n\
Session Title: Who Pays for Tide Gauges?\n\
Organizer(s): Harbour Sensors Network; Port of Lund\n\
Date & Time: 16/04/2026, 11:00 - 12:30\n\
Rapporteur: Ana Silva\n\n\
Key Takeaways\n\n\
- Ports should share one gauge between three harbours.\n";
    fs::write(dir.path().join("form.txt"), form).unwrap();
    let c = load(&[dir.path().join("form.txt")]);
    let s = &c.sessions[0];
    // "Organizer(s):" was no label: it and the two lines below it were one statement.
    assert_eq!(s.organizer, "Harbour Sensors Network; Port of Lund");
    assert_eq!(s.date, "16/04/2026, 11:00 - 12:30");
    assert_eq!(
        texts(s),
        ["Ports should share one gauge between three harbours."]
    );
}

#[test]
fn a_list_digest_reads_each_reply_without_the_lines_it_quotes() {
    let c = load(&[page("44_list_digest.txt")]);
    let s = &c.sessions[0];
    // The reply quotes the first message inline, marked with ">": someone else's words.
    let quoted = s
        .excluded
        .iter()
        .filter(|e| e.reason == "quoted earlier message")
        .count();
    assert_eq!(quoted, 2, "{:?}", s.excluded);
    // The first message's own lines and the reply's own view are read once each.
    assert_class(
        s,
        "On paragraph 6, we cannot accept a tide-gauge levy on small ferry operators.",
        UnitClass::Statement,
    );
    assert_eq!(
        s.statements
            .iter()
            .filter(|st| st.text.contains("cannot accept"))
            .count(),
        1,
        "{:?}",
        texts(s)
    );
    assert_class(
        s,
        "Harbour authorities should fund the tide gauges from berth fees instead of a levy.",
        UnitClass::Statement,
    );
}

#[test]
fn a_site_generator_page_drops_its_template_tags_and_pager() {
    let c = load(&[page("45_site_generator_page.md")]);
    let s = &c.sessions[0];
    assert!(
        s.statements.iter().all(|st| !st.text.contains("{{")),
        "{:?}",
        texts(s)
    );
    // The text a pair of tags wraps is the author's, read in its sentence's paragraph.
    assert_class(
        s,
        "Shared gauges cut the cost per harbour by two thirds.",
        UnitClass::Statement,
    );
    let (class, _) = class_of(s, "← Previous: Ferry berths | Next: Harbour power →")
        .expect("the pager is reported");
    assert_eq!(class, UnitClass::Procedural);
    assert_eq!(s.statements.len(), 4, "{:?}", texts(s));
}

#[test]
fn a_printed_report_reads_its_contents_key_messages_and_sub_paragraphs() {
    let c = load(&[page("46_printed_report_sections.txt")]);
    let s = &c.sessions[0];
    // A table of contents set without leaders is not a list of statements, and its
    // "Recommendations 3" opens no section.
    let (class, _) = class_of(s, "Introduction 2").expect("the contents entry is reported");
    assert_eq!(class, UnitClass::Boilerplate);
    // "Key messages" after a list of recommendations starts a section of its own: what
    // it reports is not asked for.
    assert_eq!(
        kind_of(
            s,
            "Shared gauges have already connected eleven harbours on the north shore."
        ),
        Some(corpus::StatementKind::Observation)
    );
    // Sub-paragraphs numbered "(a)" under a numbered paragraph that recommends, set flush
    // as a word processor does, complete it: they are asked for.
    assert_eq!(
        kind_of(s, "Ferry operators receive the readings free of charge."),
        Some(corpus::StatementKind::Recommendation)
    );
}

#[test]
fn slides_keep_their_titles_and_bullets_apart() {
    let c = load(&[page("39_slides_session_report.txt")]);
    let s = &c.sessions[0];
    // The logo and tagline atop every slide name no session.
    assert_eq!(s.title, "Harbour Sensors and Shared Tide Data");
    // Each slide's title stands apart from the last bullet of the slide before it.
    assert_class(s, "Divergent views", UnitClass::Heading);
    assert_class(
        s,
        "Small ports priced out of data platforms",
        UnitClass::Statement,
    );
    // Bullets right under a slide titled by its points are the points, not topics.
    assert_eq!(
        kind_of(
            s,
            "Port authority: concern over liability for faulty readings"
        ),
        Some(corpus::StatementKind::Observation)
    );
    // A task with its deadline is a step, not a date.
    assert_eq!(
        kind_of(s, "Draft data format for ports – October 2026"),
        Some(corpus::StatementKind::Recommendation)
    );
}

#[test]
fn a_table_of_positions_keeps_who_holds_each() {
    let c = load(&[page("40_position_table.md")]);
    let s = &c.sessions[0];
    assert_class(s, "Stakeholder group — Position", UnitClass::Heading);
    // The label before the text column says whose position it is: it stays in the quote.
    assert_class(
        s,
        "Fishing cooperatives — Opposed; registration fees would fall hardest on the smallest boats.",
        UnitClass::Statement,
    );
    // A sentence with a dash in it is no table row, and its semicolon cuts no claims.
    assert_class(
        s,
        "Pilot the registry in two harbours before any decision on its legal form — and publish the results; a final decision should wait for them.",
        UnitClass::Statement,
    );
}

#[test]
fn prose_after_the_list_of_recommendations_is_read_by_its_words() {
    let c = load(&[page("41_recommendations_then_prose.html")]);
    let s = &c.sessions[0];
    assert_eq!(
        kind_of(
            s,
            "A small fund should pay for drone surveys after each flood."
        ),
        Some(corpus::StatementKind::Recommendation)
    );
    // The heading named its list; the objection, the quotation and the pointer after it
    // were each counted as a recommendation.
    for text in [
        "One planning officer doubted that volunteer surveys are accurate enough for appeals.",
        "“We mapped the river twice in one week.”",
        "The full recording is on the event page.",
    ] {
        assert_eq!(
            kind_of(s, text),
            Some(corpus::StatementKind::Observation),
            "{text}"
        );
    }
}

#[test]
fn a_web_page_is_cited_by_the_line_of_the_file_not_of_its_extracted_text() {
    // Before, a statement of a web page was cited by its line in the text the reader
    // extracted: a reader following "news_page.html:6" landed on markup.
    for name in ["15_news_page.html", "41_recommendations_then_prose.html"] {
        let c = load(&[page(name)]);
        let s = &c.sessions[0];
        let file = std::fs::read_to_string(page(name)).unwrap();
        let lines: Vec<&str> = file.lines().collect();
        let letters = |t: &str| -> String {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        assert!(!s.statements.is_empty());
        for st in &s.statements {
            let cited = letters(lines[st.line - 1]);
            let opening: String = letters(&st.text).chars().take(12).collect();
            assert!(
                cited.contains(&opening),
                "{name}:{} does not hold “{}”",
                st.line,
                st.text
            );
        }
    }
}

#[test]
fn a_forums_name_atop_every_report_titles_none_of_its_sessions() {
    let c = load(&[
        page("48_forum_minutes.txt"),
        page("49_forum_chair_summary.md"),
        page("50_forum_template.txt"),
    ]);
    let titles: Vec<&str> = c.sessions.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "SOLAR POWER FOR RURAL BASE STATIONS",
            "Chair's summary of the Ministerial Round Table on Digital Payments",
            "Local Languages in Public Services (Workshop 5)",
        ]
    );
    for (s, banner) in c.sessions.iter().zip([
        "SAHEL DIGITAL ASSEMBLY 2026",
        "SAHEL DIGITAL ASSEMBLY",
        "SAHEL DIGITAL ASSEMBLY 2026 – SESSION REPORT TEMPLATE v3",
    ]) {
        assert_eq!(
            class_of(s, banner),
            Some((
                UnitClass::Metadata,
                "the forum's name, atop 3 documents".to_string()
            )),
            "{}",
            s.id
        );
    }
    // The kind of record and its number name no organizer.
    let minutes = &c.sessions[0];
    assert_eq!(minutes.organizer, "");
    assert_eq!(
        class_of(minutes, "MINUTES OF SESSION 2"),
        Some((UnitClass::Metadata, "banner".to_string()))
    );
}

#[test]
fn under_a_forums_name_the_session_is_titled_by_its_own_line_not_by_the_kind_of_report() {
    // Before, the two were titled "CHAIR'S SUMMARY" (the kind of record, over the session's
    // name) and "EXECUTIVE SUMMARY" (a part of the report).
    let dir = tempfile::tempdir().unwrap();
    let body = "The session reviewed how harbour authorities share tide gauge readings with \
                the flood warning services of the coastal towns around the Baltic, and what \
                stops them from doing so every hour.\n\nPorts should publish tide gauge \
                readings every hour.\n";
    fs::write(
        dir.path().join("a.txt"),
        format!(
            "HARBOUR DATA FORUM 2026\nLund, 10-12 March 2026\n\nCHAIR'S SUMMARY\n\
             Session 4: Tide Gauges and Coastal Flood Warnings\n\
             Thursday 12 March 2026, 09:00-10:30\n\
             Organized by: Baltic Ports Network, Harbour Safety Working Group\n\n\
             1. Purpose\n\n{body}"
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "HARBOUR DATA FORUM 2026\nLund, 10-12 March 2026\n\nRAPPORTEUR'S REPORT\n\
         Closing Plenary on the Future of Harbour Data in the Baltic\n\n\
         Organised by the Baltic Ports Network\n\nEXECUTIVE SUMMARY\n\n\
         The closing plenary brought together about 120 participants.\n\
         Cities should require shore power at every cruise terminal by 2030.\n",
    )
    .unwrap();
    let c = load(&[dir.path().to_path_buf()]);
    let titles: Vec<&str> = c.sessions.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Session 4: Tide Gauges and Coastal Flood Warnings",
            "Closing Plenary on the Future of Harbour Data in the Baltic",
        ]
    );
}

#[test]
fn an_annex_of_participants_grouped_by_country_names_people_and_states_nothing() {
    // Before, each "Name Surname, Organisation" was a statement, and the annexes of three
    // reports made an observation theme.
    let c = load_written(
        "report.txt",
        "Harbour Data Forum 2026: rapporteur's report\n\n\
         Recommendations\n\n\
         - Ports should publish tide gauge readings every hour.\n\n\
         Annex A. Participants by country\n\n\
         Estonia\n  - Kadri Tamm, Port of Tallinn\n  - Mart Kask, Harbour Data Lab\n\n\
         Finland\n  - Aino Virtanen, Finnish Port Association\n\n\
         International organisations\n  - Lena Berg, Baltic Ports Network\n",
    );
    let s = &c.sessions[0];
    for name in [
        "Kadri Tamm, Port of Tallinn",
        "Mart Kask, Harbour Data Lab",
        "Aino Virtanen, Finnish Port Association",
        "Lena Berg, Baltic Ports Network",
    ] {
        assert_eq!(
            class_of(s, name),
            Some((
                UnitClass::Metadata,
                "names of people (caption or speaker list)".to_string()
            )),
            "{name}"
        );
    }
    let texts: Vec<&str> = s.statements.iter().map(|st| st.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Ports should publish tide gauge readings every hour."]
    );
}

#[test]
fn a_title_that_another_document_shares_only_in_part_is_kept() {
    // Two reports of one series, each titled by its own subtopic after the series' name.
    let dir = tempfile::tempdir().unwrap();
    for (name, title, body) in [
        (
            "a.txt",
            "Harbour Forum 2026 Messages – Topic 1: Port data",
            "Ports should publish their berth and cargo data openly every month.",
        ),
        (
            "b.txt",
            "Harbour Forum 2026 Messages – Topic 2: Shore power",
            "Cities should require shore power at every cruise terminal by 2030.",
        ),
    ] {
        fs::write(
            dir.path().join(name),
            format!("{title}\n\nWhat the session found\n\n{body}\n"),
        )
        .unwrap();
    }
    let c = load(&[dir.path().to_path_buf()]);
    let titles: Vec<&str> = c.sessions.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Harbour Forum 2026 Messages – Topic 1: Port data",
            "Harbour Forum 2026 Messages – Topic 2: Shore power"
        ]
    );
}

#[test]
fn a_pictogram_before_a_heading_does_not_hide_what_it_names() {
    // "🗓️ Agenda" under a recommendations section: its items had been read as
    // recommendations, the section running on past a heading it did not recognise.
    let c = load_written(
        "track.md",
        "# Harbour Track: Open Port Data\n\n## 📋 Recommendations\n\n\
         - Ports should publish berth data every month.\n\
         - Cities should fund open tide gauges.\n\n\
         ## 🗓️ Agenda\n\n\
         1. Opening remarks (10 min)\n\
         2. Open floor (30 min)\n\
         3. Wrap-up and next steps (10 min)\n",
    );
    let s = &c.sessions[0];
    assert_eq!(
        texts(s),
        [
            "Ports should publish berth data every month.",
            "Cities should fund open tide gauges."
        ]
    );
    for item in ["Opening remarks (10 min)", "Open floor (30 min)"] {
        assert_class(s, item, UnitClass::Heading);
    }
}

#[test]
fn a_row_of_place_date_and_length_is_event_details_not_a_statement() {
    // The venue line under a report's title had been a statement, and a recurring
    // "theme" with another document's mention of the same place.
    let c = load_written(
        "track.md",
        "---\ntitle: \"Harbour Track: Open Port Data\"\ndate: 2026-05-09\n---\n\n\
         # Harbour Track: Open Port Data\n\n\
         > 📍 Harbour Hall, Room B · 🗓️ 9 May 2026 · ⏱️ 90 min · 👥 about 40 participants\n\n\
         ## Key messages\n\n\
         - Ports should publish berth data every month.\n",
    );
    let s = &c.sessions[0];
    assert_eq!(texts(s), ["Ports should publish berth data every month."]);
    assert_class(
        s,
        "📍 Harbour Hall, Room B · 🗓️ 9 May 2026 · ⏱️ 90 min · 👥 about 40 participants",
        UnitClass::Metadata,
    );
}

#[test]
fn a_logo_above_the_title_leaves_the_title_and_the_event_row_dates_the_session() {
    // Word's report template put "[HARBOUR LOGO]" first: the preamble ended on it, the
    // title became a heading and the organizer line another, and the session was titled
    // and dated from the file's properties (its template's). The date in the row of event
    // details went unread.
    let c = load_written(
        "workshop.md",
        "[HARBOUR LOGO]\n\n\
         # Workshop Report: Tide Records for Small Harbours\n\n\
         Session 3 · Coastal Data Days 2026 · Marrow Bay, 9 May 2026, 14:00–16:00\n\n\
         Organised by the Small Harbours Network\n\n\
         ## Recommendations\n\n\
         - Harbours should publish tide records every month.\n",
    );
    let s = &c.sessions[0];
    assert_eq!(
        head(s),
        (
            "Workshop Report: Tide Records for Small Harbours",
            "Small Harbours Network",
            "9 May 2026, 14:00–16:00"
        )
    );
    assert_class(s, "[HARBOUR LOGO]", UnitClass::Metadata);
    assert_eq!(
        texts(s),
        ["Harbours should publish tide records every month."]
    );
}

#[test]
fn a_blog_posts_own_header_titles_it_and_its_event_fields_are_read_as_fields() {
    // The post's <h1> sat in <article><header class="entry-header">, dropped with the
    // site's banner: the session was titled "Date:", the first term of the event's
    // definition list, whose terms and values were read as headings.
    let c = load_written(
        "post.html",
        r#"<html><head><title>Tide talk – Harbour Network</title></head><body>
        <header class="site-header"><p>Harbour Network</p><nav><a href="/">Home</a></nav></header>
        <main><article>
          <header class="entry-header"><span class="cat-links"><a href="/c/events">Events</a></span>
            <h1 class="entry-title">Who Keeps the Tide Records?</h1></header>
          <dl class="event-meta"><dt>Date:</dt><dd>3 June 2026</dd>
            <dt>Organiser:</dt><dd>Small Harbours Network</dd></dl>
          <p>Participants called for harbours to publish tide records every month.</p>
        </article></main></body></html>"#,
    );
    let s = &c.sessions[0];
    assert_eq!(
        head(s),
        (
            "Who Keeps the Tide Records?",
            "Small Harbours Network",
            "3 June 2026"
        )
    );
    assert_eq!(
        texts(s),
        ["Participants called for harbours to publish tide records every month."]
    );
}

#[test]
fn items_of_a_recommending_lead_are_asks_and_a_report_of_a_divided_room_stays_whole() {
    // "(b) … be given joint authority…" asks nothing in its own words: it had been an
    // observation, "mentioned without taking a side", though the panel recommended it.
    // The divided room had been cut at its colon, and its two sides read as two findings
    // (one of them then support) with the division gone from the text.
    let c = load_written(
        "panel.txt",
        "Panel on tide data\n\nOUTCOME\n\n\
         Having heard the speakers, the panel recommends that: (a) the harbours of the coast \
         adopt one protocol for sharing tide records; (b) fishers' associations be given a seat \
         on the board that keeps those records; and (c) the records be hosted by an existing \
         institution. The room was divided on whether the positions of cargo vessels should \
         be published in real time: several panellists argued that open positions deter \
         smuggling, while others warned of theft; no consensus was reached.\n",
    );
    let s = &c.sessions[0];
    let kinds: Vec<(&str, corpus::StatementKind)> = s
        .statements
        .iter()
        .map(|st| (st.text.as_str(), st.kind))
        .collect();
    use corpus::StatementKind::{Observation, Recommendation};
    assert_eq!(
        kinds,
        [
            (
                "(a) the harbours of the coast adopt one protocol for sharing tide records.",
                Recommendation
            ),
            (
                "(b) fishers' associations be given a seat on the board that keeps those records.",
                Recommendation
            ),
            (
                "(c) the records be hosted by an existing institution.",
                Recommendation
            ),
            (
                "The room was divided on whether the positions of cargo vessels should be \
                 published in real time: several panellists argued that open positions deter \
                 smuggling, while others warned of theft; no consensus was reached.",
                Observation
            ),
        ]
    );
}

#[test]
fn an_item_that_asks_and_then_leads_in_is_an_ask_and_its_siblings_keep_their_lead() {
    // "(a) … be established, which should:" had been a lead-in, so the harbour register it
    // asks for was read nowhere; and "(b)", after (a)'s sub-items, had lost the
    // "recommend that:" it completes.
    let c = load_written(
        "outcome.txt",
        "Outcome of the workshop on harbour data\n\n\
         2.1  The participants recommend that:\n\n     \
         (a)  a shared register of harbour sensors be established,\n          which should:\n\n          \
         (i)   publish its records under an open licence;\n\n          \
         (ii)  keep every record for ten years;\n\n     \
         (b)  the register be funded by the port authorities together.\n",
    );
    let s = &c.sessions[0];
    let got: Vec<(&str, Option<&str>)> = s
        .statements
        .iter()
        .map(|st| (st.text.as_str(), st.context.as_deref()))
        .collect();
    let outer = Some("The participants recommend that:");
    let inner = Some("a shared register of harbour sensors be established, which should:");
    assert_eq!(
        got,
        [
            (
                "a shared register of harbour sensors be established.",
                outer
            ),
            ("publish its records under an open licence;", inner),
            ("keep every record for ten years;", inner),
            (
                "the register be funded by the port authorities together.",
                outer
            ),
        ]
    );
    assert!(s
        .statements
        .iter()
        .all(|st| st.kind == corpus::StatementKind::Recommendation));
}

#[test]
fn a_line_framed_by_rules_ends_the_item_before_it() {
    // "--- Submission 1 of 3 ---" repeats with its number as a running header does, and
    // had been read as a page break inside the last topic, which ran on into the mail's
    // "From:" and "Date:" lines.
    let c = load_written(
        "digest.txt",
        "Harbour consultation digest, Vol 1, Issue 2\n\n\
         Today's Topics:\n\n   \
         1. Submission: tide records (Ana Lima)\n   \
         2. Submission: dredging (Chen Wei)\n   \
         3. Submission: sensor funding (Ben Okafor)\n\n\n\
         --- Submission 1 of 3 ---\n\n\
         From: Ana Lima <ana@harbour.example>\n\
         Date: Fri, 2 May 2025 16:41:09 +0200\n\n\
         Harbours should publish their tide records every month.\n\n\n\
         --- Submission 2 of 3 ---\n\n\
         From: Chen Wei <chen@harbour.example>\n\
         Date: Fri, 2 May 2025 18:02:00 +0200\n\n\
         Dredging permits should be published before work starts.\n\n\n\
         --- Submission 3 of 3 ---\n\n\
         From: Ben Okafor <ben@harbour.example>\n\
         Date: Sat, 3 May 2025 09:12:00 +0200\n\n\
         Port authorities should fund the sensors together.\n",
    );
    let s = &c.sessions[0];
    let topic = s
        .statements
        .iter()
        .map(|st| st.text.as_str())
        .chain(s.excluded.iter().map(|e| e.text.as_str()))
        .find(|t| t.contains("sensor funding"))
        .expect("the last topic is read");
    assert_eq!(topic, "Submission: sensor funding (Ben Okafor)");
    assert_eq!(
        texts(s),
        [
            "Harbours should publish their tide records every month.",
            "Dredging permits should be published before work starts.",
            "Port authorities should fund the sensors together."
        ]
    );
}

#[test]
fn the_lines_under_what_we_ask_are_asks() {
    // A poster's three asks, verbless lines under "WHAT WE ASK", had been observations:
    // "Open tide data for every harbour" was a mention of the open-data theme.
    let c = load_written(
        "poster.md",
        "# Tide Data for Fair Harbours\n\n## WHAT WE FOUND\n\n\
         - Few harbours know where their tide data ends up\n\
         - Most tide records are still kept on paper\n\n\
         ## WHAT WE ASK\n\n\
         - Open tide data for every harbour\n\
         - One regional sensor register for all coastal states\n",
    );
    let kinds: Vec<(&str, corpus::StatementKind)> = c.sessions[0]
        .statements
        .iter()
        .map(|st| (st.text.as_str(), st.kind))
        .collect();
    use corpus::StatementKind::{Observation, Recommendation};
    assert_eq!(
        kinds,
        [
            (
                "Few harbours know where their tide data ends up",
                Observation
            ),
            ("Most tide records are still kept on paper", Observation),
            ("Open tide data for every harbour", Recommendation),
            (
                "One regional sensor register for all coastal states",
                Recommendation
            ),
        ]
    );
    // A slide deck's "Key asks" slide is the same (an invented deck's bullets under it
    // had been observations).
    let c = load_written(
        "slides.md",
        "# Tide Data for Fair Harbours\n\n## Key asks\n\n\
         - Open tide data for every harbour\n\
         - Shared spare parts for tide gauges\n",
    );
    assert!(c.sessions[0]
        .statements
        .iter()
        .all(|st| st.kind == Recommendation));
}

#[test]
fn a_translation_in_a_language_of_long_words_beside_its_original_is_not_read_twice() {
    // Estonian uses few of the function words that confirm a language, and says in one
    // word what English says in three: its lines had been read as statements of their own.
    let c = load_written(
        "joint.md",
        "# Joint statement on harbour data\n\n\
         We call for a moratorium on the use of emotion-recognition AI in the workplace.\n\n\
         Nõuame moratooriumi emotsioonituvastusega tehisintellekti kasutamisele töökohtadel.\n\n\
         Data held by the harbour data trust must never be made available to insurers.\n\n\
         Sadamaandmete usaldusfondis hoitavaid andmeid ei tohi kunagi kindlustusandjatele anda.\n",
    );
    let s = &c.sessions[0];
    assert_eq!(
        texts(s),
        [
            "We call for a moratorium on the use of emotion-recognition AI in the workplace.",
            "Data held by the harbour data trust must never be made available to insurers."
        ]
    );
}

#[test]
fn a_glossarys_definitions_are_not_statements() {
    // "Data trust: a legal structure…" under "Annex I — Glossary" had been a statement,
    // and the member of a theme most like its own representative quote.
    let c = load_written(
        "statement.md",
        "# Joint statement on harbour data\n\n\
         We call for a register of every tide gauge in the region.\n\n\
         ## Annex I — Glossary\n\n\
         - Tide gauge: an instrument that records the height of the sea at one place.\n\
         - Data trust: a legal structure in which a trustee holds data for a group.\n",
    );
    let s = &c.sessions[0];
    assert_eq!(
        texts(s),
        ["We call for a register of every tide gauge in the region."]
    );
    assert_eq!(
        class_of(
            s,
            "Data trust: a legal structure in which a trustee holds data for a group."
        ),
        Some((
            UnitClass::Boilerplate,
            "glossary entry (a definition)".to_owned()
        ))
    );
}

#[test]
fn a_wiki_pages_trail_and_table_of_properties_give_its_title_organizer_and_date() {
    // Before, the trail of links was the title and the organizer was empty: the table's
    // rows were list items ("Organiser — Baltic Ports Network").
    let c = load_written(
        "notes.md",
        "[Harbour Forum 2026](../index.md) / [Session notes](./index.md) / Tide data clinic \
         – meeting notes\n\n\
         # Tide data clinic – meeting notes\n\n\
         | | |\n|---|---|\n\
         | **Date** | 12 March 2026 |\n\
         | **Organiser** | Baltic Ports Network |\n\
         | **Room** | Hall C |\n\n\
         ## Decisions\n\n\
         - Ports should publish tide gauge readings every hour.\n",
    );
    assert_eq!(
        head(&c.sessions[0]),
        (
            "Tide data clinic – meeting notes",
            "Baltic Ports Network",
            "12 March 2026"
        )
    );
}

#[test]
fn a_letterheads_address_reference_and_page_line_are_furniture_not_the_title() {
    // Before, the address line was the title and the page line the organizer.
    let c = load_written(
        "communique.txt",
        "Harbour Street 1, Lund · Tel. +46 46 123 4567 · www.harbours.example\n\
         Page 1 of 2 · Ref. MH-HDF-2026-017\n\
         Ref. MH-HDF-2026-017\n\
         Lund, 15 March 2026\n\n\
         Communiqué of the Ministerial Dialogue on Harbour Data\n\n\
         The ministers agree that every port should publish tide gauge readings every hour.\n",
    );
    let s = &c.sessions[0];
    assert_eq!(
        s.title,
        "Communiqué of the Ministerial Dialogue on Harbour Data"
    );
    assert_eq!(s.date, "15 March 2026");
    for (line, reason) in [
        (
            "Harbour Street 1, Lund · Tel. +46 46 123 4567 · www.harbours.example",
            "contact details (a letterhead or a footer)",
        ),
        ("Ref. MH-HDF-2026-017", "document symbol"),
    ] {
        assert_eq!(
            class_of(s, line),
            Some((UnitClass::Metadata, reason.to_string())),
            "{line}"
        );
    }
    assert_ne!(s.organizer, "Page 1 of 2 · Ref. MH-HDF-2026-017");
}

#[test]
fn a_press_releases_about_sections_are_the_issuers_profile_not_the_sessions_words() {
    let c = load_written(
        "release.md",
        "**PRESS RELEASE**\n\n\
         # Island forum calls for a shared cable repair fund\n\n\
         **APIA, 3 June 2025 —** Delegates at the Island Connectivity Forum today called for \
         a shared fund to repair submarine cables within thirty days of a fault.\n\n\
         The session heard that a cut cable left two islands offline for eleven weeks.\n\n\
         ## About the session\n\n\
         Regulators and operators from nine island states described the cost of each outage.\n\n\
         **About the Island Connectivity Forum**\n\n\
         The Island Connectivity Forum is an annual meeting of governments, operators and \
         community groups from the Pacific.\n\n\
         **Media contact:** Ana Lealaiauloto, press@icf.example\n\n\
         Follow the Forum on X and Facebook: @ICForum #ICF2025\n",
    );
    let s = &c.sessions[0];
    let (class, reason) = class_of(
        s,
        "The Island Connectivity Forum is an annual meeting of governments, operators and community groups from the Pacific.",
    )
    .expect("the profile is reported");
    assert_eq!(class, UnitClass::Boilerplate);
    assert!(reason.contains("profile"), "{reason}");
    assert_class(
        s,
        "Follow the Forum on X and Facebook: @ICForum #ICF2025",
        UnitClass::Procedural,
    );
    // What the session did, under a heading about the session, is its own words.
    assert_class(
        s,
        "Regulators and operators from nine island states described the cost of each outage.",
        UnitClass::Statement,
    );
    assert_eq!(s.statements.len(), 3, "{:?}", texts(s));
}

#[test]
fn a_wikis_bar_of_links_above_its_title_is_navigation() {
    // Before, the bar was the session's title, and every quote was cited to "Main Page |
    // Recent changes | Random page | Log in".
    let c = load_written(
        "wiki.md",
        "[Main Page](Main_Page) | [Recent changes](Special:RecentChanges) | \
         [Random page](Special:Random) | [Log in](Special:UserLogin)\n\n\
         # Working Group on Tide Data/Outcomes 2026\n\n\
         ## Recommendations\n\n\
         The Working Group recommends that every port publish its tide gauge readings \
         each hour under an open licence.\n",
    );
    let s = &c.sessions[0];
    assert_eq!(s.title, "Working Group on Tide Data/Outcomes 2026");
    let bar = "Main Page | Recent changes | Random page | Log in";
    assert!(
        s.statements
            .iter()
            .all(|st| !st.text.contains("Recent changes")),
        "{:?}",
        s.statements
    );
    assert_ne!(class_of(s, bar).map(|c| c.0), Some(UnitClass::Statement));
}

#[test]
fn a_motion_voted_down_records_a_refusal_and_a_carried_one_still_asks() {
    // Before, the defeated motion was a recommendation of the minutes, read as support for
    // what the meeting had refused.
    let c = load_written(
        "minutes.txt",
        "Harbour Board minutes, 12th meeting\n\n\
         4. TIDE LEVY\n\
         4.1 MOTION: That the Board recommend a tide levy on every berth.\n\
         Proposed: M. Pascoe. Seconded: A. Lynch.\n\
         For: 4. Against: 6.\n\
         The motion was DEFEATED.\n\n\
         5. TIDE DATA\n\
         5.1 MOTION: That the Board recommend that ports publish tide data every hour.\n\
         For: 9. Against: 0.\n\
         The motion was CARRIED.\n",
    );
    let s = &c.sessions[0];
    let motion = |start: &str| {
        s.statements
            .iter()
            .find(|st| st.text.starts_with(start))
            .unwrap_or_else(|| panic!("{start}: {:?}", s.statements))
    };
    let levy = motion("MOTION: That the Board recommend a tide levy");
    assert_eq!(levy.defeated.as_deref(), Some("The motion was DEFEATED."));
    assert_eq!(levy.kind, StatementKind::Observation);
    let data = motion("MOTION: That the Board recommend that ports publish");
    assert_eq!(data.defeated, None);
    assert_eq!(data.kind, StatementKind::Recommendation);
}

#[test]
fn a_pads_time_stamped_notes_and_wiki_headings_stand_apart() {
    // Before, each note ran on into the next ("…with the harbour masters [10:21] MK: Q from
    // online: should…"), "== Notes ==" was a statement, and a slide's number was glued to
    // the bullet above it.
    let c = load_written(
        "pad.txt",
        "Harbour Forum 2026 -- Session 3 -- SHARED NOTES\n\n\
         == Notes ==\n\
         [10:02] JR: tide gauges in the northern ports are read by hand twice a day by the harbour masters\n\
         [10:21] MK: Q from online: should every port publish its readings every hour?\n\
         [10:24] AB: several in the room said yes, an hourly open feed is what the pilots need\n\n\
         == Actions ==\n\
         [10:40] JR: circulate the gauge map\n",
    );
    let s = &c.sessions[0];
    for heading in ["Notes", "Actions"] {
        assert_class(s, heading, UnitClass::Heading);
    }
    let units: Vec<&str> = s
        .statements
        .iter()
        .map(|st| st.text.as_str())
        .chain(s.excluded.iter().map(|e| e.text.as_str()))
        .collect();
    for note in [
        "tide gauges in the northern ports are read by hand twice a day by the harbour masters",
        "should every port publish its readings every hour?",
    ] {
        assert!(units.iter().any(|u| u.ends_with(note)), "{note}: {units:?}");
    }
    let slides = load_written(
        "slides.txt",
        "Slide 1\nTide Data for Small Ports\nHarbour Forum 2026 | Session 4 | 1\n\n\
         Slide 2\nWhy it matters\n\
         • Pilots plan every entry on the tide tables\n\
         • Small ports rarely know where their gauges are\n\
         Harbour Forum 2026 | Session 4 | 2\n\n\
         Slide 3\nWhat pilots need\n\
         • Readings they can trust at every tide\n\
         Harbour Forum 2026 | Session 4 | 3\n\n\
         Slide 4\nRecommendations\n\
         • Publish gauge readings every hour as open data\n\
         Harbour Forum 2026 | Session 4 | 4\n",
    );
    let s = &slides.sessions[0];
    assert_eq!(s.title, "Tide Data for Small Ports");
    assert_class(
        s,
        "Small ports rarely know where their gauges are",
        UnitClass::Statement,
    );
    assert_class(s, "What pilots need", UnitClass::Heading);
}

#[test]
fn a_filing_slip_above_the_title_is_no_title() {
    // Before, the session was titled "HF/2026/S2/CS — Distribution: General — …".
    let c = load_written(
        "summary.md",
        "HF/2026/S2/CS — Distribution: General — 20 June 2026 — Original: English\n\n\
         # Chair's Summary\n\n\
         ## Recommendations\n\n\
         Ports should publish their tide gauge readings every hour as open data.\n",
    );
    let s = &c.sessions[0];
    assert_eq!(s.title, "Chair's Summary");
    assert_class(
        s,
        "HF/2026/S2/CS — Distribution: General — 20 June 2026 — Original: English",
        UnitClass::Metadata,
    );
}

#[test]
fn a_first_level_heading_under_the_issuers_lines_is_the_title() {
    // The lines above the `#` heading had titled the session ("House of Harbours",
    // "NATIONAL PILOTS NETWORK") and the heading, the document's own title, was a heading.
    let c = load_written(
        "report.md",
        "House of Harbours\nSelect Committee on Ports and Tides\n\n\
         # Keeping Small Harbours Open: Dredging and Tides\n\n\
         Third Report of Session 2025–26\n\n\
         ## Recommendations\n\n\
         Ports should publish their tide gauge readings every hour as open data.\n",
    );
    let s = &c.sessions[0];
    assert_eq!(s.title, "Keeping Small Harbours Open: Dredging and Tides");
    assert_eq!(s.organizer, "Select Committee on Ports and Tides");
    let c = load_written(
        "letter.md",
        "**NATIONAL PILOTS NETWORK**\n\n\
         # Open Letter to the Minister: Pilots Deserve a Say\n\n\
         21 March 2026\n\n\
         Pilotage fees for small vessels should be capped at their 2024 level.\n",
    );
    let s = &c.sessions[0];
    assert_eq!(s.title, "Open Letter to the Minister: Pilots Deserve a Say");
    // With no line below naming the issuer, the masthead does.
    assert_eq!(s.organizer, "NATIONAL PILOTS NETWORK");
    assert_class(s, "NATIONAL PILOTS NETWORK", UnitClass::Metadata);
    // A title that opens on another's words and goes on ("Chair's summary of the
    // Ministerial Round Table…") does not make them a forum's name printed atop both.
    let c = load(&[
        page("16_chair_summary.txt"),
        page("49_forum_chair_summary.md"),
    ]);
    assert_eq!(c.sessions[0].title, "CHAIR'S SUMMARY");
}
