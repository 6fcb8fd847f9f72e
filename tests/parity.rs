//! The model runs right: parity with sentence-transformers' own vectors, plus the edge cases
//! a user's documents will throw at it. The model is resolved exactly as a user's run does
//! (env, cache, or a one-time fetch).

use std::sync::OnceLock;

use concord::embed::{Embedder, Isa, Matmul, MiniLm, ModelStore, DIM};

#[path = "support/cli.rs"]
mod cli;
#[path = "support/fixture.rs"]
mod fixture;
use cli::{concord_output, concord_with_env};
use fixture::{cosine, dot};
use std::ffi::OsStr;

fn load(matmul: Matmul) -> MiniLm {
    let files = ModelStore::default()
        .resolve()
        .unwrap_or_else(|e| panic!("model not available: {e}"));
    MiniLm::load_with(&files, matmul).unwrap_or_else(|e| panic!("model failed to load: {e}"))
}

/// The model as a user gets it: AMX products where the CPU has them.
fn model() -> &'static MiniLm {
    static MODEL: OnceLock<MiniLm> = OnceLock::new();
    MODEL.get_or_init(|| load(Matmul::Auto))
}

/// The same model with f32 products everywhere.
fn model_f32() -> &'static MiniLm {
    static MODEL: OnceLock<MiniLm> = OnceLock::new();
    MODEL.get_or_init(|| load(Matmul::F32))
}

/// The model pinned to `isa`, as `CONCORD_ISA` pins it.
fn model_on(isa: Isa) -> &'static MiniLm {
    static MODELS: [OnceLock<MiniLm>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = Isa::PINNABLE
        .iter()
        .position(|&i| i == isa)
        .expect("a pinnable set");
    MODELS[slot].get_or_init(|| {
        let files = ModelStore::default()
            .resolve()
            .unwrap_or_else(|e| panic!("model not available: {e}"));
        MiniLm::load_on(&files, isa).unwrap_or_else(|e| panic!("{isa}: {e}"))
    })
}

#[test]
fn parity_with_sentence_transformers() {
    println!("matmul: {}", model().matmul_name());
    assert_parity(model());
}

#[test]
fn parity_with_sentence_transformers_on_f32_products() {
    assert!(model_f32().matmul_name().starts_with("f32"));
    assert_parity(model_f32());
}

/// Parity, row independence and the model id of the path pinned to `isa`.
fn check_pinned(isa: Isa) {
    let model = model_on(isa);
    assert_eq!(model.isa(), isa);
    assert_eq!(model.matmul_name(), isa.arithmetic());
    assert!(
        model
            .model_id()
            .ends_with(&format!("+{}", isa.arithmetic())),
        "{}",
        model.model_id()
    );
    assert_parity(model);
    assert_rows_independent(model);
}

#[test]
#[cfg_attr(
    not(concord_avx2),
    ignore = "this CPU has no AVX2 + FMA (see build.rs)"
)]
fn parity_on_avx2() {
    check_pinned(Isa::Avx2);
}

#[test]
#[cfg_attr(not(concord_avx512), ignore = "this CPU has no AVX-512 (see build.rs)")]
fn parity_on_avx512() {
    check_pinned(Isa::Avx512);
}

#[test]
#[cfg_attr(not(concord_amx), ignore = "this CPU has no AMX tiles (see build.rs)")]
fn parity_on_amx() {
    check_pinned(Isa::Amx);
}

#[test]
fn every_path_this_cpu_offers_agrees_with_the_default_one() {
    let (texts, _) = fixture::reference();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let default = model().embed(&borrowed).unwrap();
    let offered: Vec<Isa> = Isa::PINNABLE
        .into_iter()
        .filter(|i| i.supported())
        .collect();
    println!("paths on this CPU: {offered:?}");
    for isa in offered {
        let got = model_on(isa).embed(&borrowed).unwrap();
        for i in 0..texts.len() {
            let c = cosine(&got.row(i).to_vec(), &default.row(i).to_vec());
            assert!(c >= 0.999_999, "{isa}, line {}: cosine {c}", i + 1);
        }
    }
}

#[test]
fn a_set_the_cpu_lacks_is_an_error_that_says_what_to_do() {
    let files = ModelStore::default()
        .resolve()
        .unwrap_or_else(|e| panic!("model not available: {e}"));
    for isa in Isa::PINNABLE.into_iter().filter(|i| !i.supported()) {
        let err = MiniLm::load_on(&files, isa).err().expect("refused");
        assert!(err.to_string().contains("unset CONCORD_ISA"), "{err}");
    }
}

#[test]
fn the_binary_honours_concord_isa() {
    let bogus = concord_output(
        &["embed", "--no-cache"],
        &[("CONCORD_ISA", OsStr::new("avx9"))],
    );
    assert!(!bogus.status.success());
    let stderr = String::from_utf8_lossy(&bogus.stderr);
    assert!(
        stderr.contains("CONCORD_ISA") && stderr.contains("avx2, avx512 or amx"),
        "{stderr}"
    );
    let (texts, _) = fixture::reference();
    let input = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(input.path(), texts[..8].join("\n")).expect("write texts");
    let input = input.path().to_str().expect("temp paths are UTF-8");
    for isa in Isa::PINNABLE {
        let out = concord_output(
            &["embed", "--no-cache", "--input", input],
            &[("CONCORD_ISA", OsStr::new(isa.name()))],
        );
        if !isa.supported() {
            assert!(!out.status.success(), "{isa} is not on this CPU");
            continue;
        }
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let library = model_on(isa)
            .embed(&texts[..8].iter().map(String::as_str).collect::<Vec<_>>())
            .unwrap();
        for (i, line) in std::str::from_utf8(&out.stdout)
            .unwrap()
            .lines()
            .enumerate()
        {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let row = fixture::embedding(&v);
            assert_eq!(row, library.row(i).to_vec(), "{isa}, line {i}");
        }
    }
}

#[test]
fn the_digest_names_the_pinned_arithmetic_and_is_the_same_on_every_path() {
    let mut digests = Vec::new();
    for isa in Isa::PINNABLE.into_iter().filter(|i| i.supported()) {
        let out = concord_with_env(
            &["digest", "tests/fixtures/dissent", "--format", "json"],
            &[("CONCORD_ISA", OsStr::new(isa.name()))],
        );
        let json = String::from_utf8(out).expect("utf-8 digest");
        let id = format!("+{}\"", isa.arithmetic());
        assert!(json.contains(&id), "{isa}: no {id} in the digest");
        digests.push((isa, json.replace(&id, "+ARITHMETIC\"")));
    }
    for pair in digests.windows(2) {
        assert!(
            pair[0].1 == pair[1].1,
            "{} and {} digests differ",
            pair[0].0,
            pair[1].0
        );
    }
}

#[test]
#[cfg_attr(not(concord_amx), ignore = "this CPU has no AMX tiles (see build.rs)")]
fn amx_and_f32_products_agree() {
    // Without AMX both would be the f32 path and this would check nothing.
    assert_eq!(
        model().matmul_name(),
        "amx-bf16x3",
        "the build host had AMX tiles"
    );
    let (texts, _) = fixture::reference();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (a, b) = (
        model().embed(&borrowed).unwrap(),
        model_f32().embed(&borrowed).unwrap(),
    );
    for i in 0..texts.len() {
        let c = cosine(&a.row(i).to_vec(), &b.row(i).to_vec());
        assert!(c >= 0.999_999, "line {}: cosine {c}", i + 1);
    }
}

fn assert_parity(model: &MiniLm) {
    let (texts, refs) = fixture::reference();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let got = model.embed(&borrowed).unwrap();
    assert_eq!(got.dim(), (texts.len(), DIM));

    let mut worst = (f32::INFINITY, 0usize);
    for (i, r) in refs.iter().enumerate() {
        let row = got.row(i).to_vec();
        let c = cosine(&row, r);
        if c < worst.0 {
            worst = (c, i);
        }
    }
    println!(
        "min cosine over {} fixture lines: {:.7} (line {}: {:?})",
        texts.len(),
        worst.0,
        worst.1 + 1,
        texts[worst.1]
    );
    assert!(
        worst.0 >= 0.9999,
        "line {} below parity: {}",
        worst.1 + 1,
        worst.0
    );
}

#[test]
fn rows_are_unit_norm_and_in_input_order() {
    let long = "The multistakeholder model of internet governance must be preserved. ".repeat(12);
    let texts = [
        "IGF mandate",
        long.as_str(),
        "Funding for participation of the Global South.",
        "youth",
        "Avoid duplication between WSIS and the Global Digital Compact processes, please.",
    ];
    let together = model().embed(&texts).unwrap();
    for (i, t) in texts.iter().enumerate() {
        let row = together.row(i).to_vec();
        let n = dot(&row, &row).sqrt();
        assert!((n - 1.0).abs() < 1e-5, "row {i} norm {n}");
        let alone = model().embed(&[t]).unwrap().row(0).to_vec();
        let c = cosine(&row, &alone);
        assert!(c > 0.99999, "row {i} moved: cosine {c}");
    }
}

#[test]
fn duplicates_give_identical_rows() {
    let texts = ["same text", "other", "same text", "same text"];
    let v = model().embed(&texts).unwrap();
    assert_eq!(v.row(0), v.row(2));
    assert_eq!(v.row(0), v.row(3));
    assert_ne!(v.row(0), v.row(1));
}

#[test]
fn odd_inputs_do_not_panic() {
    let texts = [
        "",
        "   ",
        "\u{0}\u{7}\t\r\n",
        "🙂🙃 ܐܒܓ 漢字 Ωμέγα ﷽ \u{200b}\u{feff}",
        "a\u{301}\u{301}\u{301}",
    ];
    let v = model().embed(&texts).unwrap();
    assert_eq!(v.nrows(), texts.len());
    assert!(v.iter().all(|x| x.is_finite()));
    assert_eq!(model().embed(&[]).unwrap().nrows(), 0);
}

#[test]
fn very_long_text_is_truncated() {
    let words: Vec<String> = (0..5000).map(|i| format!("word{i}")).collect();
    let long = words.join(" ");
    assert_eq!(model().token_ids(&[&long]).unwrap()[0].len(), 256);
    let v = model().embed(&[&long, "short"]).unwrap();
    assert!(v.iter().all(|x| x.is_finite()));
}

#[test]
fn the_binary_gives_the_same_bits_as_the_library_on_any_thread_count() {
    // Texts are cut into chunks by token count alone and the chunks run in parallel; each
    // text's vector depends only on its own tokens, so neither the chunking nor the number
    // of threads can change a bit.
    let (texts, refs) = fixture::reference();
    let input = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(input.path(), texts.join("\n")).expect("write texts");
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let library = model().embed(&borrowed).unwrap();
    for threads in ["1", "2"] {
        let input = input.path().to_str().expect("temp paths are UTF-8");
        let out = concord_with_env(
            &["embed", "--no-cache", "--input", input],
            &[("RAYON_NUM_THREADS", OsStr::new(threads))],
        );
        let lines: Vec<&str> = std::str::from_utf8(&out).unwrap().lines().collect();
        assert_eq!(lines.len(), texts.len());
        for (i, line) in lines.iter().enumerate() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let row = fixture::embedding(&v);
            assert_eq!(row, library.row(i).to_vec(), "{threads} threads, line {i}");
            assert!(cosine(&row, &refs[i]) >= 0.9999);
        }
    }
}

#[test]
fn a_text_gets_the_same_bits_alone_or_among_others() {
    for model in [model(), model_f32()] {
        assert_rows_independent(model);
    }
}

/// A text's vector has the same bits embedded alone as among all the fixture's texts.
fn assert_rows_independent(model: &MiniLm) {
    let (texts, _) = fixture::reference();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let together = model.embed(&borrowed).unwrap();
    for i in [0, 1, 7, texts.len() / 2, texts.len() - 1] {
        let alone = model.embed(&borrowed[i..=i]).unwrap();
        assert_eq!(
            alone.row(0),
            together.row(i),
            "{}, line {}",
            model.matmul_name(),
            i + 1
        );
    }
}
