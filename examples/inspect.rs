//! Explain how one document is cleaned: the format and why, the encoding and
//! how it was chosen, each metadata field and where it came from, every
//! removed span, the warnings and the clean text.
//!
//! ```text
//! cargo run --example inspect -- [--json] [--keep-traditional] [--month-first] FILE|-
//! ```

use std::io::Read;
use std::process::ExitCode;

use zhclean::{Article, Cleaner, DateOrder, TargetScript, Trace};

const USAGE: &str =
    "usage: inspect [--json] [--keep-traditional] [--month-first] FILE   (- for standard input)";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut json = false;
    let mut builder = Cleaner::builder();
    let mut file = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--keep-traditional" => builder = builder.target(TargetScript::Original),
            "--month-first" => builder = builder.date_order(DateOrder::MonthFirst),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            _ if file.is_none() && (arg == "-" || !arg.starts_with('-')) => file = Some(arg),
            _ => return Err(format!("unexpected argument {arg}\n{USAGE}").into()),
        }
    }
    let file = file.ok_or(USAGE)?;
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        bytes
    } else {
        std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?
    };
    let (article, trace) = match builder.build().clean_with_trace(&bytes) {
        Ok(done) => done,
        Err(e) => {
            if json {
                println!(
                    "{}",
                    serde_json::json!({ "path": file, "error": e.to_string() })
                );
            } else {
                println!("{file}: not cleaned: {e}");
            }
            return Ok(ExitCode::from(1));
        }
    };
    if json {
        // A struct, not `json!`, so the keys keep the Article's field order.
        #[derive(serde::Serialize)]
        struct Report<'a> {
            path: &'a str,
            article: &'a Article,
            trace: &'a Trace,
        }
        let out = Report {
            path: &file,
            article: &article,
            trace: &trace,
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print!("{}", report(&file, bytes.len(), &article, &trace));
    }
    Ok(ExitCode::SUCCESS)
}

/// The snake_case name serde gives an enum value (`plain_dated`, `source_line`).
fn name(value: impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

fn report(file: &str, size: usize, a: &Article, trace: &Trace) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "file      {file} ({size} bytes)");
    let _ = writeln!(
        w,
        "format    {}  ({})",
        a.format.as_str(),
        or_dash(&trace.format_reason)
    );
    let _ = writeln!(
        w,
        "encoding  {} via {}  ({})",
        a.encoding,
        name(a.encoding_source),
        or_dash(&trace.encoding_reason)
    );
    let _ = writeln!(w, "script    {}", name(a.script));

    let _ = writeln!(w, "\nmetadata");
    let authors: Vec<String> = a
        .authors
        .iter()
        .map(|p| format!("{} ({})", p.name, p.role))
        .collect();
    let fields: [(&str, String); 8] = [
        ("title", a.title.clone()),
        ("published", a.published.clone().unwrap_or_default()),
        ("source", a.source.clone().unwrap_or_default()),
        ("site", a.site.clone().unwrap_or_default()),
        ("url", a.url.clone().unwrap_or_default()),
        ("authors", authors.join(", ")),
        ("categories", a.categories.join(", ")),
        ("tags", a.tags.join(", ")),
    ];
    for (field, value) in fields {
        let origins: Vec<&str> = trace
            .fields
            .iter()
            .filter(|f| f.field == field)
            .map(|f| f.origin.as_str())
            .collect();
        let origin = if origins.is_empty() {
            String::new()
        } else {
            format!("  <- {}", origins.join("; "))
        };
        let _ = writeln!(w, "  {field:<10} {}{origin}", or_dash(&value));
    }
    // Origins the trace names for fields not listed above still get shown.
    for f in trace.fields.iter().filter(|f| !fields_known(&f.field)) {
        let _ = writeln!(w, "  {:<10} <- {}", f.field, f.origin);
    }

    let _ = writeln!(w, "\nremoved ({})", a.removed.len());
    for r in &a.removed {
        let _ = writeln!(w, "  [{}] {}", name(r.kind), r.text.replace('\n', "⏎"));
    }
    let _ = writeln!(w, "\nwarnings ({})", a.warnings.len());
    for warning in &a.warnings {
        let _ = writeln!(w, "  {warning}");
    }
    let _ = writeln!(w, "\ntext ({} blocks)\n{}", a.blocks.len(), a.text);
    out
}

fn fields_known(field: &str) -> bool {
    matches!(
        field,
        "title" | "published" | "source" | "site" | "url" | "authors" | "categories" | "tags"
    )
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}
