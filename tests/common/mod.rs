//! Helpers shared by the integration tests.

use std::fs;
use std::path::{Path, PathBuf};

/// The documents with a golden file, sorted: everything at the top of
/// `fixtures/` (not the golden files), every page of `fixtures/html/`, and
/// the renderings of `fixtures/rendered/` that have one (the others are
/// evaluation data, see `fixtures/truth/`).
pub fn fixture_documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut docs = Vec::new();
    for (dir, all) in [("", true), ("html", true), ("rendered", false)] {
        let dir = root.join(dir);
        docs.extend(
            fs::read_dir(&dir)
                .expect("fixtures directory")
                .map(|e| e.expect("directory entry").path())
                .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".expected.json"))
                .filter(|p| all || expected_path(p).exists()),
        );
    }
    docs.sort();
    docs
}

/// The golden file of a document: `NAME.expected.json` beside it.
pub fn expected_path(doc: &Path) -> PathBuf {
    let stem = doc
        .file_stem()
        .expect("file name")
        .to_string_lossy()
        .into_owned();
    doc.with_file_name(format!("{stem}.expected.json"))
}
