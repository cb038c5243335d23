//! Tests of the batch cleaner, `examples/clean.rs`, run as a program, and of
//! `examples/inspect.rs`.
//!
//! Examples get no `CARGO_BIN_EXE_*`, so the first test to need the binary
//! builds it with `cargo build --example clean` in this test's own profile
//! and takes its path from cargo's JSON messages. That works whatever the
//! target directory is, and never runs a stale binary: cargo rebuilds it if
//! `examples/clean.rs` changed since the last `cargo test`.

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| build_example("clean"))
}

fn inspect() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| build_example("inspect"))
}

fn build_example(name: &str) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).args([
        "build",
        "--example",
        name,
        "--message-format=json-render-diagnostics",
    ]);
    if !cfg!(debug_assertions) {
        cmd.arg("--release");
    }
    let out = cmd.stderr(Stdio::inherit()).output().expect("run cargo");
    assert!(out.status.success(), "cargo build --example {name} failed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == name)
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .expect("cargo named the example's executable")
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("zhclean-batch-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Write from a thread: a large input must not deadlock against the output.
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

fn records(jsonl: &[u8]) -> Vec<Value> {
    String::from_utf8(jsonl.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad line {l}: {e}")))
        .collect()
}

fn fixture(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
    )
    .unwrap()
}

const GOOD: [&str; 3] = [
    "000_e5b9b37c1305846f.txt",
    "2022-02-11-NW202202112274017262.md",
    "cleared1-r017-tech.sina.com.cn.txt",
];

/// good files in two levels, plus an empty file, a binary file, a dangling
/// symlink (unreadable even as root, where permission bits do not stop a
/// read), a mode 000 file (unreadable unless root), a FIFO (must be refused,
/// not block) and hidden files (skipped).
fn mixed_tree(root: &Path) -> Vec<String> {
    fs::create_dir_all(root.join("sub/deeper")).unwrap();
    fs::write(root.join("a.txt"), fixture(GOOD[0])).unwrap();
    fs::write(root.join("sub/b.md"), fixture(GOOD[1])).unwrap();
    fs::write(root.join("sub/deeper/c.txt"), fixture(GOOD[2])).unwrap();
    fs::write(root.join("empty.txt"), b"").unwrap();
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
    fs::write(root.join("binary.bin"), binary).unwrap();
    std::os::unix::fs::symlink(root.join("nowhere"), root.join("dangling.txt")).unwrap();
    fs::write(root.join("locked.txt"), fixture(GOOD[0])).unwrap();
    fs::set_permissions(root.join("locked.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    let fifo = Command::new("mkfifo").arg(root.join("sub/fifo")).status();
    assert!(fifo.is_ok_and(|s| s.success()), "mkfifo");
    fs::write(root.join(".hidden.txt"), fixture(GOOD[0])).unwrap();
    fs::create_dir(root.join(".git")).unwrap();
    fs::write(root.join(".git/x.txt"), fixture(GOOD[0])).unwrap();
    // The expected order: sorted names at each level, depth first.
    [
        "a.txt",
        "binary.bin",
        "dangling.txt",
        "empty.txt",
        "locked.txt",
        "sub/b.md",
        "sub/deeper/c.txt",
        "sub/fifo",
    ]
    .iter()
    .map(|p| root.join(p).to_string_lossy().into_owned())
    .collect()
}

#[test]
fn mixed_directory_gives_one_record_per_document_and_exit_1() {
    let tmp = TempDir::new("mixed");
    let tree = tmp.0.join("in");
    let expected = mixed_tree(&tree);
    let out_file = tmp.0.join("out.jsonl");
    let out = run(
        &[
            "-q",
            "-o",
            out_file.to_str().unwrap(),
            tree.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let recs = records(&fs::read(&out_file).unwrap());
    let paths: Vec<&str> = recs.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths, expected);

    let by_name = |suffix: &str| {
        recs.iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(suffix))
            .unwrap()
    };
    for good in ["a.txt", "sub/b.md", "sub/deeper/c.txt"] {
        let r = by_name(good);
        assert!(r.get("error").is_none(), "{r}");
        assert!(r["title"].is_string() && r["text"].is_string() && r["format"].is_string());
    }
    // "path" comes first, then the Article's fields in their order.
    let raw = fs::read_to_string(&out_file).unwrap();
    for line in raw.lines() {
        assert!(line.starts_with("{\"path\":"), "{line}");
    }
    // Mode 000 stops a read unless the tests run as root (as in CI).
    let locked_readable = fs::read(tree.join("locked.txt")).is_ok();
    assert_eq!(
        by_name("locked.txt").get("error").is_none(),
        locked_readable
    );
    for bad in ["empty.txt", "dangling.txt", "sub/fifo"] {
        let r = by_name(bad);
        assert!(r["error"].as_str().is_some_and(|e| !e.is_empty()), "{r}");
        assert_eq!(r.as_object().unwrap().len(), 2, "{r}");
    }
    assert!(by_name("sub/fifo")["error"]
        .as_str()
        .unwrap()
        .contains("not a regular file"));
    // Binary input: the record says what the library says, however the
    // pipeline of the day judges it.
    let binary = fs::read(tree.join("binary.bin")).unwrap();
    assert_eq!(
        by_name("binary.bin").get("error").is_some(),
        zhclean::clean(&binary).is_err()
    );

    let stderr = String::from_utf8_lossy(&out.stderr);
    let summary = stderr.lines().last().unwrap();
    assert!(summary.starts_with("8 documents"), "{summary}");
    assert!(
        summary.contains("documents/s") && summary.contains("MB/s"),
        "{summary}"
    );
    // No temporary file is left next to the output.
    let left: Vec<_> = fs::read_dir(&tmp.0)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

#[test]
fn fixtures_agree_with_the_library_and_runs_are_byte_identical() {
    let tmp = TempDir::new("repeat");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let fixtures = fixtures.to_str().unwrap();
    let first = run(&["-q", fixtures], b"");
    let second = run(&["-q", "-j", "1", fixtures], b"");
    let out_file = tmp.0.join("x.jsonl");
    let third = run(
        &["-q", "-j", "2", "-o", out_file.to_str().unwrap(), fixtures],
        b"",
    );
    // Whatever fixtures are added later, the program agrees with the library.
    let files = files_under(Path::new(fixtures));
    let failing = files
        .iter()
        .filter(|f| zhclean::clean(&fs::read(f).unwrap()).is_err())
        .count();
    let code = if failing == 0 { 0 } else { 1 };
    assert_eq!(
        first.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(third.status.code(), Some(code));
    assert_eq!(first.stdout, fs::read(&out_file).unwrap());
    let recs = records(&first.stdout);
    assert_eq!(recs.len(), files.len());
    assert_eq!(
        recs.iter().filter(|r| r.get("error").is_some()).count(),
        failing
    );
}

/// Non-hidden files under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn stdin_dash_keeps_argument_order() {
    let tmp = TempDir::new("dash");
    let a = tmp.0.join("a.txt");
    let z = tmp.0.join("z.txt");
    fs::write(&a, fixture(GOOD[0])).unwrap();
    fs::write(&z, fixture(GOOD[1])).unwrap();
    let out = run(
        &["-q", z.to_str().unwrap(), "-", a.to_str().unwrap()],
        &fixture(GOOD[2]),
    );
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out.stdout);
    let paths: Vec<&str> = recs.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths, [z.to_str().unwrap(), "-", a.to_str().unwrap()]);
    let direct = zhclean::clean(&fixture(GOOD[2])).unwrap();
    assert_eq!(recs[1]["text"], direct.text);
}

#[test]
fn jsonl_in_round_trip_keeps_order_and_ids() {
    use base64::Engine as _;
    let mut input = String::new();
    let mut expected_ids = Vec::new();
    // More lines than one chunk (512), so chunking and ordering are tested.
    for i in 0..600 {
        let name = GOOD[i % GOOD.len()];
        let line = if i % 3 == 0 {
            let b64 = base64::engine::general_purpose::STANDARD.encode(fixture(name));
            serde_json::json!({ "id": format!("doc-{i}"), "content_base64": b64 })
        } else {
            let text = String::from_utf8(fixture(name)).unwrap();
            serde_json::json!({ "id": format!("doc-{i}"), "content": text })
        };
        input.push_str(&line.to_string());
        input.push('\n');
        expected_ids.push(Value::from(format!("doc-{i}")));
    }
    // Bad lines: not JSON; JSON with an id but no content; a number id with
    // empty content; invalid base64.
    input.push_str("this is not json\n");
    input.push_str("{\"id\": 7, \"other\": 1}\n");
    input.push_str("{\"id\": 8, \"content\": \"  \"}\n");
    input.push_str("{\"id\": [1,2], \"content_base64\": \"%%%\"}\n");
    input.push_str("{\"id\": \"last\", \"content\": \"标题\\n\\n正文。\"}");

    let out = run(&["-q", "--jsonl-in"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 605);
    for (rec, id) in recs.iter().zip(&expected_ids) {
        assert_eq!(&rec["id"], id);
        assert!(rec.get("error").is_none(), "{rec}");
    }
    let direct = zhclean::clean(&fixture(GOOD[1])).unwrap();
    assert_eq!(recs[1]["text"], direct.text);
    assert_eq!(
        recs[600],
        serde_json::json!({"line": 601, "error": recs[600]["error"]})
    );
    assert!(recs[600]["error"].as_str().unwrap().contains("line 601"));
    assert_eq!(recs[601]["id"], 7);
    assert_eq!(recs[602]["id"], 8);
    assert_eq!(recs[603]["id"], serde_json::json!([1, 2]));
    for r in &recs[600..604] {
        assert!(r["error"].is_string(), "{r}");
    }
    assert_eq!(recs[604]["id"], "last");
    assert!(recs[604].get("error").is_none());
}

#[test]
fn text_dir_mirrors_the_tree() {
    let tmp = TempDir::new("text");
    let tree = tmp.0.join("in");
    mixed_tree(&tree);
    let text_dir = tmp.0.join("text");
    let out = run(
        &[
            "-q",
            "--text-dir",
            text_dir.to_str().unwrap(),
            tree.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let mut files = Vec::new();
    let mut stack = vec![text_dir.clone()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(
                    p.strip_prefix(&text_dir)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    files.sort();
    let mut expected = vec!["a.txt", "sub/b.md", "sub/deeper/c.txt"];
    if fs::read(tree.join("locked.txt")).is_ok() {
        expected.insert(1, "locked.txt");
    }
    if zhclean::clean(&fs::read(tree.join("binary.bin")).unwrap()).is_ok() {
        expected.insert(1, "binary.bin");
    }
    assert_eq!(files, expected);
    let article = zhclean::clean(&fixture(GOOD[1])).unwrap();
    let text = fs::read_to_string(text_dir.join("sub/b.md")).unwrap();
    assert_eq!(text, format!("{}\n\n{}\n", article.title, article.text));
}

#[test]
fn a_panic_becomes_that_documents_error_record() {
    let tmp = TempDir::new("panic");
    for name in ["1.txt", "2-boom.txt", "3.txt"] {
        fs::write(tmp.0.join(name), fixture(GOOD[0])).unwrap();
    }
    let out = Command::new(binary())
        .args(["-q", tmp.0.to_str().unwrap()])
        .env("ZHCLEAN_BATCH_PANIC_ON", "boom")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 3);
    assert!(recs[0].get("error").is_none() && recs[2].get("error").is_none());
    assert!(
        recs[1]["error"].as_str().unwrap().starts_with("panic"),
        "{}",
        recs[1]
    );
}

#[test]
fn usage_and_output_errors_exit_2() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    assert_eq!(run(&[], b"").status.code(), Some(2));
    assert_eq!(run(&["--bogus", "x"], b"").status.code(), Some(2));
    assert_eq!(run(&["-j", "0", "x"], b"").status.code(), Some(2));
    let bad_out = run(
        &[
            "-o",
            "/nonexistent-dir/out.jsonl",
            fixtures.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(bad_out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_out.stderr).starts_with("error: "));
    // A full disk on standard output.
    if let Ok(full) = fs::File::create("/dev/full") {
        let out = Command::new(binary())
            .args(["-q", fixtures.to_str().unwrap()])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with("error: writing the output"), "{stderr}");
    }
}

#[test]
fn an_output_error_exits_2_and_leaves_the_old_output_file_alone() {
    let tmp = TempDir::new("atomic");
    let out_file = tmp.0.join("out.jsonl");
    fs::write(&out_file, "old\n").unwrap();
    // A file where the text directory should be: writing a text file fails.
    let not_a_dir = tmp.0.join("not-a-dir");
    fs::write(&not_a_dir, "").unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let out = run(
        &[
            "-q",
            "-o",
            out_file.to_str().unwrap(),
            "--text-dir",
            not_a_dir.to_str().unwrap(),
            fixtures.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
    assert_eq!(fs::read_to_string(&out_file).unwrap(), "old\n");
    let left: Vec<_> = fs::read_dir(&tmp.0).unwrap().collect();
    assert_eq!(left.len(), 2, "a temporary file was left behind");
}

#[test]
fn jsonl_in_skips_an_overlong_line_and_goes_on() {
    // --max-bytes 100 keeps lines up to 4 * 100 + 4096 bytes.
    let long = format!("{{\"id\":1,\"content\":\"{}\"}}\n", "长".repeat(3000));
    let input = format!("{long}{{\"id\":2,\"content\":\"标题\\n\\n正文。\"}}\n");
    let out = run(
        &["-q", "--jsonl-in", "--max-bytes", "100"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["line"], 1);
    assert!(
        recs[0]["error"]
            .as_str()
            .unwrap()
            .contains("over 4496 bytes"),
        "{}",
        recs[0]
    );
    assert_eq!(recs[1]["id"], 2);
    assert!(recs[1].get("error").is_none(), "{}", recs[1]);
}

#[test]
fn inspect_explains_one_document() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(GOOD[1]);
    let (article, trace) = zhclean::Cleaner::new()
        .clean_with_trace(&fixture(GOOD[1]))
        .unwrap();

    let out = Command::new(inspect()).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("format    {}", article.format.as_str())),
        "{text}"
    );
    assert!(
        text.contains(&format!("removed ({})", article.removed.len())),
        "{text}"
    );
    assert!(
        text.contains(&format!("warnings ({})", article.warnings.len())),
        "{text}"
    );
    assert!(text.trim_end().ends_with(article.text.trim_end()), "{text}");
    for origin in &trace.fields {
        assert!(text.contains(&origin.origin), "{text}");
    }

    let out = Command::new(inspect())
        .arg("--json")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["article"], serde_json::to_value(&article).unwrap());
    assert_eq!(json["trace"], serde_json::to_value(&trace).unwrap());

    let empty = Command::new(inspect()).arg("/dev/null").output().unwrap();
    assert_eq!(empty.status.code(), Some(1));
}
