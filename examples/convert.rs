//! Like `opencc -c t2s`: convert standard input (or `-`) or the named files,
//! in order, to standard output.
//!
//! `cargo run --release --example convert -- [FILE|-]...`

use std::io::{self, Read, Write};
use std::process::ExitCode;

use zhclean::convert::Converter;

fn run() -> io::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        args.push("-".into());
    }
    let t2s = Converter::t2s();
    let mut out = io::stdout().lock();
    for arg in &args {
        let mut bytes = Vec::new();
        if arg == "-" {
            io::stdin().lock().read_to_end(&mut bytes)?;
        } else {
            bytes =
                std::fs::read(arg).map_err(|e| io::Error::new(e.kind(), format!("{arg}: {e}")))?;
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, format!("{arg}: not UTF-8")))?;
        out.write_all(t2s.convert(&text).as_bytes())?;
    }
    out.flush()
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
