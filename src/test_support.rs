//! What several modules' tests read.

/// Every line of the files at the top of `fixtures/` that are UTF-8 text.
pub(crate) fn fixture_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        if let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) {
            lines.extend(text.lines().map(str::to_string));
        }
    }
    lines
}
