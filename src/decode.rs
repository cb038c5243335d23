//! Bytes to text. Placeholder: UTF-8 only.

use crate::{EncodingSource, Error};

/// Decoded input text and how it was decoded.
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static encoding_rs::Encoding,
    pub source: EncodingSource,
    pub warnings: Vec<String>,
}

/// Decode `bytes`, refusing inputs over `max_bytes`.
pub(crate) fn decode(bytes: &[u8], max_bytes: usize) -> Result<Decoded, Error> {
    if bytes.len() > max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    let (text, _) = encoding_rs::UTF_8.decode_with_bom_removal(bytes);
    if text.trim().is_empty() {
        return Err(Error::Empty(bytes.len()));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding_rs::UTF_8,
        source: EncodingSource::Utf8,
        warnings: Vec::new(),
    })
}
