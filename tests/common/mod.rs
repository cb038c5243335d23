//! Helpers shared by the integration tests.

use std::fs;
use std::path::{Path, PathBuf};

/// The documents at the top of `fixtures/` (not their golden files), sorted.
pub fn fixture_documents() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut docs: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixtures directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    docs.sort();
    docs
}
