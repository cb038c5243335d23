//! Placeholder batch cleaner: prints one JSON Article per file argument.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        match zhclean::clean(&bytes) {
            Ok(a) => println!("{}", serde_json::to_string(&a).unwrap()),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
