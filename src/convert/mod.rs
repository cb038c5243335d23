//! Traditional → simplified conversion. Placeholder: identity.

use std::borrow::Cow;

use crate::Script;

/// A script converter.
#[derive(Debug)]
pub struct Converter(());

impl Converter {
    /// The shared OpenCC `t2s` converter.
    pub fn t2s() -> &'static Converter {
        static T2S: Converter = Converter(());
        &T2S
    }

    /// Convert `text`, borrowing it when nothing changes.
    pub fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        Cow::Borrowed(text)
    }
}

/// Classify the script of `text`.
pub fn classify_script(_text: &str) -> Script {
    Script::Simplified
}
