//! Batch cleaner: clean many documents in parallel into JSON Lines.
//!
//! ```text
//! cargo run --release --example clean -- [OPTIONS] INPUT...
//! cargo run --release --example clean -- --jsonl-in < docs.jsonl
//! ```
//!
//! See `docs/batch.md` for the options, the output format and exit codes.

use std::cell::Cell;
use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver};
use std::thread;
use std::time::Instant;

use base64::Engine as _;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use zhclean::{Article, Cleaner, DateOrder, Error, TargetScript};

// Cleaning allocates a string or two per line and frees them soon after;
// mimalloc serves that pattern with about half the instructions of the
// system allocator, and keeps per-thread heaps for the workers.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's `mi_option_e` (mimalloc.h), which
/// libmimalloc-sys does not name.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep the memory freed between documents instead of handing it back to
/// the system after mimalloc's delay: each chunk of documents frees and
/// takes again about as much, and the system zeroes every page it hands out
/// (2-3 % of a run's time). The chunks bound the memory held all the same.
fn keep_freed_memory() {
    // SAFETY: called first thing in `main`, before any other thread runs, as
    // mimalloc's option setters require.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

const USAGE: &str = "\
usage: clean [OPTIONS] INPUT...      clean files, directories (recursively) or - (stdin)
       clean [OPTIONS] --jsonl-in    clean {\"id\",\"content\"|\"content_base64\"} lines from stdin

options:
  -o FILE              write JSON Lines to FILE (atomically) instead of stdout
  --text-dir DIR       also write each article as plain text, mirroring the input tree
  -j N                 use N threads (default: all cores)
  --jsonl-in           streaming mode: JSON Lines in on stdin, JSON Lines out
  --keep-traditional   do not convert traditional characters to simplified
  --month-first        read 03.12.2015 as 12 March (default: 3 December)
  --no-punctuation     keep punctuation and full-width letters as they are
  --no-removed         leave `removed` empty (smaller output)
  --max-bytes N        refuse documents over N bytes (default: 67108864)
  -q, --quiet          no progress bar
  -h, --help           show this help";

/// Documents per parallel chunk. Bounds memory (at most three chunks of
/// results are alive: being computed, queued, being written) while keeping
/// enough work per chunk that the straggler at its end costs little.
const CHUNK_DOCS: usize = 512;
/// In `--jsonl-in` mode a chunk also ends after this many input bytes, so a
/// stream of large documents stays bounded too.
const CHUNK_BYTES: usize = 32 << 20;

fn main() -> ExitCode {
    keep_freed_memory();
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Everything that ends the run with status 2: bad usage, or an I/O error on
/// the output (or on the input stream in `--jsonl-in` mode).
type Fatal = Box<dyn std::error::Error + Send + Sync>;

struct Options {
    inputs: Vec<OsString>,
    output: Option<PathBuf>,
    text_dir: Option<PathBuf>,
    threads: Option<usize>,
    jsonl_in: bool,
    quiet: bool,
    max_bytes: usize,
    builder: zhclean::CleanerBuilder,
}

fn parse_args() -> Result<Option<Options>, Fatal> {
    let mut o = Options {
        inputs: Vec::new(),
        output: None,
        text_dir: None,
        threads: None,
        jsonl_in: false,
        quiet: false,
        max_bytes: 64 << 20,
        builder: Cleaner::builder(),
    };
    let mut args = std::env::args_os().skip(1);
    let mut only_inputs = false;
    while let Some(arg) = args.next() {
        // File names need not be UTF-8; options must be.
        if only_inputs || arg == "-" || !arg.as_encoded_bytes().starts_with(b"-") {
            o.inputs.push(arg);
            continue;
        }
        let arg = arg
            .into_string()
            .map_err(|a| format!("unknown option {a:?}"))?;
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        // `-j2` as well as `-j 2`.
        if let Some(n) = arg.strip_prefix("-j").filter(|n| !n.is_empty()) {
            o.threads = Some(threads(n)?);
            continue;
        }
        match arg.as_str() {
            "--" => only_inputs = true,
            "-h" | "--help" => return Ok(None),
            "-o" | "--output" => o.output = Some(value(&arg)?.into()),
            "--text-dir" => o.text_dir = Some(value(&arg)?.into()),
            "-j" | "--jobs" => o.threads = Some(threads(&value(&arg)?.to_string_lossy())?),
            "--max-bytes" => {
                let n = value(&arg)?.to_string_lossy().parse::<usize>();
                o.max_bytes = n.map_err(|_| format!("{arg} needs a number of bytes"))?;
            }
            "--jsonl-in" => o.jsonl_in = true,
            "-q" | "--quiet" => o.quiet = true,
            "--keep-traditional" => o.builder = o.builder.target(TargetScript::Original),
            "--month-first" => o.builder = o.builder.date_order(DateOrder::MonthFirst),
            "--no-punctuation" => o.builder = o.builder.normalize_punctuation(false),
            "--no-removed" => o.builder = o.builder.keep_removed(false),
            _ => return Err(format!("unknown option {arg}\n{USAGE}").into()),
        }
    }
    if o.jsonl_in {
        if !o.inputs.is_empty() {
            return Err("--jsonl-in reads standard input: give no INPUT".into());
        }
        if o.text_dir.is_some() {
            return Err("--text-dir needs an input tree to mirror: not with --jsonl-in".into());
        }
    } else if o.inputs.is_empty() {
        return Err(format!("no INPUT given\n{USAGE}").into());
    }
    if o.inputs.iter().filter(|i| *i == "-").count() > 1 {
        return Err("standard input (-) can be given only once".into());
    }
    o.builder = o.builder.max_input_bytes(o.max_bytes);
    Ok(Some(o))
}

fn threads(n: &str) -> Result<usize, Fatal> {
    match n.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("-j needs a positive number, not {n:?}").into()),
    }
}

fn run() -> Result<ExitCode, Fatal> {
    let Some(opts) = parse_args()? else {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    };
    let threads = opts
        .threads
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    install_quiet_panic_hook();
    let job = Job {
        cleaner: opts.builder.clone().build(),
        max_bytes: opts.max_bytes,
        text_dir: opts.text_dir.clone(),
        panic_on: std::env::var("ZHCLEAN_BATCH_PANIC_ON").ok(),
    };
    let started = Instant::now();

    let mut stats = Stats::default();
    let result = if opts.jsonl_in {
        let sink = Sink::create(opts.output.as_deref())?;
        let progress = progress_bar(None, opts.quiet);
        let chunks = read_jsonl_chunks(job.max_line());
        pipeline(
            &pool,
            chunks,
            sink,
            &mut stats,
            &progress,
            |(line_no, line)| job.jsonl_line(line_no, line.as_deref()),
        )
    } else {
        let items = list_inputs(&opts.inputs);
        if opts.text_dir.is_some() {
            check_text_targets(&items)?;
        }
        let sink = Sink::create(opts.output.as_deref())?;
        let progress = progress_bar(Some(items.len() as u64), opts.quiet);
        let (tx, rx) = sync_channel(1);
        // Chunks of paths only: reading happens inside the parallel workers.
        thread::spawn(move || {
            let mut items = items.into_iter().peekable();
            while items.peek().is_some() {
                let chunk: Vec<Item> = items.by_ref().take(CHUNK_DOCS).collect();
                if tx.send(Ok(chunk)).is_err() {
                    break;
                }
            }
        });
        pipeline(&pool, rx, sink, &mut stats, &progress, |item| {
            job.file(item)
        })
    };
    result?;
    eprintln!(
        "{}",
        stats.summary(started.elapsed().as_secs_f64(), threads)
    );
    Ok(if stats.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What one document gives: its JSON line and the figures for the summary.
struct Done {
    line: Vec<u8>,
    bytes: u64,
    format: Option<&'static str>,
    warnings: usize,
    /// A failure to write the `--text-dir` file: an output error, fatal.
    text_error: Option<String>,
}

/// The three-stage pipeline: chunks arrive from `chunks` (a producer thread),
/// are cleaned in parallel on `pool`, and a writer thread writes the previous
/// chunk while the next one is computed. Output order is input order.
fn pipeline<T: Send>(
    pool: &rayon::ThreadPool,
    chunks: Receiver<io::Result<Vec<T>>>,
    sink: Sink,
    stats: &mut Stats,
    progress: &ProgressBar,
    work: impl Fn(T) -> Done + Sync,
) -> Result<(), Fatal> {
    let (tx, rx) = sync_channel::<Vec<Vec<u8>>>(1);
    let writer = thread::spawn(move || {
        let mut sink = sink;
        // On an error this returns, dropping `rx`: the next send fails.
        let written = rx
            .into_iter()
            .flatten()
            .try_for_each(|line| sink.out.write_all(&line));
        (sink, written)
    });
    let mut failure: Option<Fatal> = None;
    for chunk in chunks {
        let chunk = match chunk {
            Ok(chunk) => chunk,
            Err(e) => {
                failure = Some(format!("reading standard input: {e}").into());
                break;
            }
        };
        let done: Vec<Done> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|t| {
                    let d = work(t);
                    progress.inc(1);
                    d
                })
                .collect()
        });
        let mut lines = Vec::with_capacity(done.len());
        for d in done {
            stats.add(&d);
            if let Some(e) = d.text_error {
                failure.get_or_insert_with(|| e.into());
            }
            lines.push(d.line);
        }
        // A send fails only when the writer has stopped on an error.
        if failure.is_some() || tx.send(lines).is_err() {
            break;
        }
    }
    drop(tx);
    progress.finish_and_clear();
    let (sink, written) = writer.join().map_err(|_| "the writer thread panicked")?;
    let error = match (written, failure) {
        (Ok(()), None) => return sink.finish(),
        (Err(e), _) => format!("writing the output: {e}").into(),
        (Ok(()), Some(e)) => e,
    };
    sink.abandon();
    Err(error)
}

/// Where the JSON Lines go: standard output, or a temporary file next to
/// `-o FILE` that is renamed over it only once everything is written.
struct Sink {
    out: BufWriter<Out>,
    temp: Option<(PathBuf, PathBuf)>,
}

enum Out {
    Stdout(io::Stdout),
    File(File),
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Out::Stdout(out) => out.write(buf),
            Out::File(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Out::Stdout(out) => out.flush(),
            Out::File(out) => out.flush(),
        }
    }
}

impl Sink {
    fn create(output: Option<&Path>) -> Result<Sink, Fatal> {
        let (out, temp) = match output {
            None => (Out::Stdout(io::stdout()), None),
            Some(path) => {
                let temp = temp_path(path);
                let file = File::create(&temp).map_err(|e| format!("{}: {e}", temp.display()))?;
                (Out::File(file), Some((temp, path.to_path_buf())))
            }
        };
        Ok(Sink {
            out: BufWriter::with_capacity(1 << 20, out),
            temp,
        })
    }

    /// Flush; for `-o`, also sync the file to disk before the rename, so
    /// that after a crash `FILE` is either the old one or complete.
    fn finish(self) -> Result<(), Fatal> {
        let done = match self.out.into_inner().map_err(|e| e.into_error()) {
            Ok(Out::File(file)) => file.sync_all(),
            Ok(Out::Stdout(_)) => Ok(()),
            Err(e) => Err(e),
        };
        let Some((temp, path)) = self.temp else {
            return done.map_err(|e| format!("writing the output: {e}").into());
        };
        if let Err(e) = done.and_then(|()| fs::rename(&temp, &path)) {
            let _ = fs::remove_file(&temp);
            return Err(format!("{}: {e}", path.display()).into());
        }
        Ok(())
    }

    fn abandon(self) {
        if let Some((temp, _)) = &self.temp {
            let _ = fs::remove_file(temp);
        }
    }
}

/// `dir/.name.tmp-PID`: same directory (so the rename is atomic), hidden (so
/// a later run over that tree skips a leftover).
fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let temp = temp_path(path);
    let written = fs::write(&temp, contents).and_then(|()| fs::rename(&temp, path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

// ---------------------------------------------------------------- inputs

/// One document to clean, from the listing of the inputs.
struct Item {
    /// As shown in the `path` field.
    path: PathBuf,
    /// Where its text goes under `--text-dir`.
    rel: PathBuf,
    source: Source,
}

enum Source {
    Stdin,
    /// A file named on the command line: read whatever it is (a FIFO from
    /// `<(…)` included).
    Named,
    /// Found while walking a directory: read only if it is a regular file
    /// (after following a symlink), so a FIFO in the tree cannot hang the run.
    /// `regular` is what the directory listing said, saving a `stat`.
    Walked {
        regular: bool,
    },
    /// Could not even be listed.
    Failed(String),
}

fn list_inputs(inputs: &[OsString]) -> Vec<Item> {
    let mut items = Vec::new();
    for input in inputs {
        if input == "-" {
            items.push(Item {
                path: "-".into(),
                rel: "stdin.txt".into(),
                source: Source::Stdin,
            });
            continue;
        }
        let path = PathBuf::from(input);
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, Path::new(""), &mut items),
            Ok(_) => items.push(Item {
                rel: path.file_name().map(PathBuf::from).unwrap_or_default(),
                path,
                source: Source::Named,
            }),
            Err(e) => items.push(Item {
                rel: PathBuf::new(),
                path,
                source: Source::Failed(e.to_string()),
            }),
        }
    }
    items
}

/// Depth-first, entries sorted by name (bytes), hidden names skipped.
/// Symlinks to directories are not followed (a cycle would never end).
fn walk(dir: &Path, rel: &Path, items: &mut Vec<Item>) {
    let full = dir.join(rel);
    let entries = fs::read_dir(&full).and_then(|rd| rd.collect::<io::Result<Vec<_>>>());
    let mut entries = match entries {
        Ok(entries) => entries,
        Err(e) => {
            items.push(Item {
                path: full,
                rel: PathBuf::new(),
                source: Source::Failed(format!("cannot list directory: {e}")),
            });
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let child = rel.join(&name);
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(dir, &child, items),
            Ok(t) if t.is_symlink() && entry.path().is_dir() => {
                eprintln!(
                    "note: not following symlinked directory {}",
                    entry.path().display()
                );
            }
            t => items.push(Item {
                path: entry.path(),
                rel: child,
                source: Source::Walked {
                    regular: t.is_ok_and(|t| t.is_file()),
                },
            }),
        }
    }
}

/// Two inputs writing the same `--text-dir` file would silently lose one.
fn check_text_targets(items: &[Item]) -> Result<(), Fatal> {
    let mut seen = HashSet::new();
    for item in items {
        if !matches!(item.source, Source::Failed(_)) && !seen.insert(&item.rel) {
            return Err(format!(
                "two inputs map to the same --text-dir file {}",
                item.rel.display()
            )
            .into());
        }
    }
    Ok(())
}

/// One input line of `--jsonl-in`: its number, from 1, and its bytes, or
/// `None` when it was over the line limit and skipped.
type Line = (u64, Option<Vec<u8>>);

/// Reads JSON Lines from standard input on a thread of its own, in chunks of
/// at most [`CHUNK_DOCS`] lines or [`CHUNK_BYTES`] bytes, each line with its
/// number, so reading overlaps cleaning.
fn read_jsonl_chunks(max_line: usize) -> Receiver<io::Result<Vec<Line>>> {
    let (tx, rx) = sync_channel(1);
    thread::spawn(move || {
        let mut input = io::stdin().lock();
        let mut line_no = 0;
        loop {
            let mut chunk = Vec::new();
            let mut bytes = 0;
            while chunk.len() < CHUNK_DOCS && bytes < CHUNK_BYTES {
                match read_line(&mut input, max_line) {
                    Ok((0, _)) => break,
                    Ok((n, line)) => {
                        line_no += 1;
                        bytes += n;
                        chunk.push((line_no, line));
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                }
            }
            let last = chunk.len() < CHUNK_DOCS && bytes < CHUNK_BYTES;
            if (!chunk.is_empty() && tx.send(Ok(chunk)).is_err()) || last {
                return;
            }
        }
    });
    rx
}

/// Like `read_until(b'\n')`, but a line longer than `max` is consumed without
/// being kept (`None`): one endless line must not take all memory.
/// Returns the bytes consumed, 0 at the end of the input.
fn read_line(input: &mut impl BufRead, max: usize) -> io::Result<(usize, Option<Vec<u8>>)> {
    let mut line = Some(Vec::new());
    let mut consumed = 0;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok((consumed, line));
        }
        let end = buf.iter().position(|&b| b == b'\n').map(|i| i + 1);
        let part = &buf[..end.unwrap_or(buf.len())];
        if line.as_ref().is_some_and(|l| l.len() + part.len() > max) {
            line = None;
        }
        if let Some(line) = &mut line {
            line.extend_from_slice(part);
        }
        let n = part.len();
        input.consume(n);
        consumed += n;
        if end.is_some() {
            return Ok((consumed, line));
        }
    }
}

// ---------------------------------------------------------------- cleaning

struct Job {
    cleaner: Cleaner,
    max_bytes: usize,
    text_dir: Option<PathBuf>,
    /// Fault injection for the test suite (`ZHCLEAN_BATCH_PANIC_ON`): a
    /// document whose path contains this string panics, to prove that a
    /// panic becomes that document's error record.
    panic_on: Option<String>,
}

impl Job {
    fn file(&self, item: Item) -> Done {
        let key = json_string(&item.path.to_string_lossy());
        let bytes = match self.read(&item) {
            Ok(bytes) => bytes,
            Err(e) => return Done::error("path", &key, 0, &e),
        };
        let inject = self
            .panic_on
            .as_ref()
            .is_some_and(|s| key.contains(s.as_str()));
        let result = self.clean(&bytes, inject);
        let mut done = Done::new("path", &key, bytes.len() as u64, result.as_ref());
        if let (Some(dir), Ok(article)) = (&self.text_dir, &result) {
            let target = dir.join(&item.rel);
            if let Err(e) = write_atomically(&target, plain_text(article).as_bytes()) {
                done.text_error = Some(format!("{}: {e}", target.display()));
            }
        }
        done
    }

    fn read(&self, item: &Item) -> Result<Vec<u8>, String> {
        let limit = self.max_bytes as u64;
        let path = &item.path;
        let file = match &item.source {
            Source::Failed(e) => return Err(e.clone()),
            Source::Stdin => {
                let mut bytes = Vec::new();
                let read = io::stdin().lock().take(limit + 1).read_to_end(&mut bytes);
                return read.map(|_| bytes).map_err(|e| e.to_string());
            }
            // Opening a FIFO would block: check what a symlink points to.
            Source::Walked { regular: false } => match fs::metadata(path) {
                Ok(meta) if meta.is_file() => File::open(path),
                Ok(_) => return Err("not a regular file".into()),
                Err(e) => return Err(e.to_string()),
            },
            Source::Named | Source::Walked { regular: true } => File::open(path),
        };
        let file = file.map_err(|e| e.to_string())?;
        let meta = file.metadata().map_err(|e| e.to_string())?;
        if meta.is_file() && meta.len() > limit {
            // Refuse before reading: a huge file must not fill memory.
            let size = meta.len() as usize;
            return Err(Error::TooLarge {
                size,
                limit: self.max_bytes,
            }
            .to_string());
        }
        // Sized up front, the read takes two system calls instead of a
        // dozen small growing ones; `take` still bounds a growing file or a pipe.
        let mut bytes = Vec::with_capacity(if meta.is_file() {
            meta.len() as usize + 1
        } else {
            1 << 16
        });
        let read = file.take(limit + 1).read_to_end(&mut bytes);
        read.map(|_| bytes).map_err(|e| e.to_string())
    }

    /// Clean one document; a panic becomes an error (the batch goes on).
    fn clean(&self, bytes: &[u8], inject_panic: bool) -> Result<Article, String> {
        IN_DOCUMENT.with(|f| f.set(true));
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            if inject_panic {
                panic!("injected panic (ZHCLEAN_BATCH_PANIC_ON)");
            }
            self.cleaner.clean(bytes)
        }));
        IN_DOCUMENT.with(|f| f.set(false));
        match result {
            Ok(Ok(article)) => Ok(article),
            Ok(Err(e)) => Err(e.to_string()),
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "non-string payload".into());
                Err(format!("panic while cleaning: {msg}"))
            }
        }
    }

    /// The longest `--jsonl-in` line kept: room for a document of the
    /// largest size in base64 or with JSON escapes.
    fn max_line(&self) -> usize {
        self.max_bytes.saturating_mul(4).saturating_add(4096)
    }

    fn jsonl_line(&self, line_no: u64, line: Option<&[u8]>) -> Done {
        let Some(line) = line else {
            let e = format!("line {line_no} is over {} bytes: skipped", self.max_line());
            return Done::error("line", &line_no.to_string(), 0, &e);
        };
        #[derive(serde::Deserialize)]
        struct Input {
            id: Option<serde_json::Value>,
            content: Option<String>,
            content_base64: Option<String>,
        }
        let input: Input = match serde_json::from_slice(line) {
            Ok(input) => input,
            Err(e) => {
                // The line is not the expected shape: keep its id if it is at
                // least an object that has one, else name the line.
                let id = serde_json::from_slice::<serde_json::Value>(line)
                    .ok()
                    .and_then(|v| v.get("id").cloned());
                let (name, key) = match id {
                    Some(id) => ("id", id.to_string()),
                    None => ("line", line_no.to_string()),
                };
                return Done::error(name, &key, 0, &format!("bad input line {line_no}: {e}"));
            }
        };
        let (name, key) = match &input.id {
            Some(id) => ("id", id.to_string()),
            None => ("line", line_no.to_string()),
        };
        let bytes = match (input.content, input.content_base64) {
            (Some(text), None) => text.into_bytes(),
            (None, Some(b64)) => match base64::engine::general_purpose::STANDARD.decode(b64) {
                Ok(bytes) => bytes,
                Err(e) => return Done::error(name, &key, 0, &format!("bad content_base64: {e}")),
            },
            _ => {
                let e = "needs exactly one of \"content\" and \"content_base64\"";
                return Done::error(name, &key, 0, e);
            }
        };
        let result = self.clean(&bytes, false);
        Done::new(name, &key, bytes.len() as u64, result.as_ref())
    }
}

thread_local! {
    /// Set while a document is being cleaned: its panic is reported in its
    /// error record, so the hook need not print it too.
    static IN_DOCUMENT: Cell<bool> = const { Cell::new(false) };
}

fn install_quiet_panic_hook() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !IN_DOCUMENT.with(|f| f.get()) {
            default(info);
        }
    }));
}

impl Done {
    /// `{"<name>":<key>,` followed by the Article's own fields, or an error.
    fn new(name: &str, key: &str, bytes: u64, result: Result<&Article, &String>) -> Done {
        let article = match result {
            Ok(article) => article,
            Err(e) => return Done::error(name, key, bytes, e),
        };
        // `{"path":KEY` then the Article's `{...}` right after it, whose
        // opening brace becomes the comma: no copy, no flattening wrapper.
        // Small: `write_json` reserves what the Article needs.
        let mut line = Vec::with_capacity(name.len() + key.len() + 8);
        line.extend_from_slice(format!("{{\"{name}\":{key}").as_bytes());
        let brace = line.len();
        article.write_json(&mut line);
        line[brace] = b',';
        line.push(b'\n');
        Done {
            line,
            bytes,
            format: Some(article.format.as_str()),
            warnings: article.warnings.len(),
            text_error: None,
        }
    }

    fn error(name: &str, key: &str, bytes: u64, error: &str) -> Done {
        Done {
            line: format!("{{\"{name}\":{key},\"error\":{}}}\n", json_string(error)).into_bytes(),
            bytes,
            format: None,
            warnings: 0,
            text_error: None,
        }
    }
}

fn json_string(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// Title, a blank line, then the body one block per line. `text` is the
/// blocks' texts joined by `\n`, so it is used as is.
fn plain_text(article: &Article) -> String {
    format!("{}\n\n{}\n", article.title, article.text)
}

// ---------------------------------------------------------------- reporting

fn progress_bar(len: Option<u64>, quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match len {
        Some(len) => ProgressBar::new(len).with_style(
            ProgressStyle::with_template(
                "{elapsed_precise} [{wide_bar}] {pos}/{len} docs, eta {eta}",
            )
            .expect("valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{elapsed_precise} {spinner} {pos} docs")
                .expect("valid template"),
        ),
    }
}

#[derive(Default)]
struct Stats {
    documents: u64,
    errors: u64,
    warnings: u64,
    bytes: u64,
    formats: BTreeMap<&'static str, u64>,
}

impl Stats {
    fn add(&mut self, d: &Done) {
        self.documents += 1;
        self.bytes += d.bytes;
        self.warnings += d.warnings as u64;
        match d.format {
            Some(format) => *self.formats.entry(format).or_default() += 1,
            None => self.errors += 1,
        }
    }

    fn summary(&self, secs: f64, threads: usize) -> String {
        let formats: Vec<String> = self
            .formats
            .iter()
            .map(|(f, n)| format!("{f} {n}"))
            .collect();
        let mb = self.bytes as f64 / 1e6;
        let secs = secs.max(1e-9);
        format!(
            "{} documents ({}), {} errors, {} warnings, {:.2} MB in {:.2} s: {:.1} MB/s, {:.0} documents/s, {} threads",
            self.documents,
            if formats.is_empty() { "none cleaned".into() } else { formats.join(", ") },
            self.errors,
            self.warnings,
            mb,
            secs,
            mb / secs,
            self.documents as f64 / secs,
            threads,
        )
    }
}
