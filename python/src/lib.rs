//! The `zhclean` Python module: `clean`, `Cleaner`, `t2s` and the exceptions.
//!
//! Articles reach Python through their serde serialization ([`topy`]), so
//! the dict has the field names and values of the JSON contract, new enum
//! values included, with no list of them here.

use std::borrow::Cow;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use serde::de::value::{Error as DeError, StrDeserializer};
use serde::Deserialize;
use zhclean::convert::Converter;
use zhclean::{Article, DateOrder, Error, Format, TargetScript};

mod topy;

create_exception!(
    zhclean,
    ZhcleanError,
    PyValueError,
    "A document that zhclean cannot clean at all. Base class of EmptyInput, NotText and TooLarge."
);
create_exception!(
    zhclean,
    EmptyInput,
    ZhcleanError,
    "The input is empty or holds only whitespace."
);
create_exception!(
    zhclean,
    NotText,
    ZhcleanError,
    "The input is binary, not text."
);
create_exception!(
    zhclean,
    TooLarge,
    ZhcleanError,
    "The input is larger than max_input_bytes."
);

/// Why one document gave no Article. Built without the GIL.
#[derive(Debug, PartialEq)]
enum Failure {
    Clean(Error),
    Panic(String),
}

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> PyErr {
        match failure {
            Failure::Clean(e) => {
                let message = e.to_string();
                match e {
                    Error::Empty(_) => EmptyInput::new_err(message),
                    Error::NotText(_) => NotText::new_err(message),
                    Error::TooLarge { .. } => TooLarge::new_err(message),
                    // `Error` is non-exhaustive: a future variant is still a ZhcleanError.
                    _ => ZhcleanError::new_err(message),
                }
            }
            Failure::Panic(message) => {
                ZhcleanError::new_err(format!("panic while cleaning: {message}"))
            }
        }
    }
}

/// Run `f`, turning a panic into a [`Failure`]: no panic may cross into Python.
fn catch<T>(f: impl FnOnce() -> Result<T, Error>) -> Result<T, Failure> {
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(Failure::Clean),
        Err(payload) => Err(Failure::Panic(
            payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-string payload".into()),
        )),
    }
}

/// The bytes of one document: `bytes` as they are, `str` encoded as UTF-8.
/// Anything else is a `TypeError`; a `str` with lone surrogates raises
/// `UnicodeEncodeError`.
fn document_bytes<'py>(data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    if let Ok(bytes) = data.cast::<PyBytes>() {
        Ok(bytes.clone())
    } else if let Ok(text) = data.cast::<PyString>() {
        text.encode_utf8()
    } else {
        Err(PyTypeError::new_err(format!(
            "a document must be bytes or str, not {}",
            data.get_type().name()?
        )))
    }
}

/// The Article's dict. When its `text` is the blocks' texts joined by `\n`,
/// as the cleaner makes it, `text` is joined from their Python strings (a
/// copy of code units) instead of being decoded from UTF-8 a second time:
/// decoding is most of the dict's cost.
fn article_dict<'py>(py: Python<'py>, mut article: Article) -> PyResult<Bound<'py, PyAny>> {
    if !article.text_joins_blocks() {
        return topy::to_py(py, &article);
    }
    article.text = String::new();
    let dict = topy::to_py(py, &article)?.cast_into::<PyDict>()?;
    let text = pyo3::intern!(py, "text");
    let blocks = dict
        .get_item(pyo3::intern!(py, "blocks"))?
        .ok_or_else(|| PyRuntimeError::new_err("an Article's dict without its blocks"))?;
    let texts = blocks
        .cast::<PyList>()?
        .iter()
        .map(|block| block.get_item(text))
        .collect::<PyResult<Vec<_>>>()?;
    let joined = PyString::new(py, "\n").call_method1(pyo3::intern!(py, "join"), (texts,))?;
    // Set in place: the key keeps its position, the JSON's.
    dict.set_item(text, joined)?;
    Ok(dict.into_any())
}

/// `{"error": message, "error_type": exception class name}`: what
/// `clean_many` gives in place of a document that fails.
fn error_entry<'py>(py: Python<'py>, err: PyErr) -> PyResult<Bound<'py, PyAny>> {
    let entry = PyDict::new(py);
    entry.set_item("error", err.value(py).str()?)?;
    entry.set_item("error_type", err.get_type(py).name()?)?;
    Ok(entry.into_any())
}

/// A rayon pool of `threads` threads, built once per size and process: a
/// pool built before a `fork` has no threads in the child.
fn pool(threads: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    type Pools = Vec<(u32, usize, Arc<rayon::ThreadPool>)>;
    static POOLS: Mutex<Pools> = Mutex::new(Vec::new());
    let pid = std::process::id();
    let mut pools = POOLS.lock().unwrap_or_else(PoisonError::into_inner);
    if pools.iter().any(|(p, ..)| *p != pid) {
        let (mine, inherited): (Pools, Pools) = pools.drain(..).partition(|(p, ..)| *p == pid);
        // Dropping a pool wakes its threads, which do not exist in this
        // process: leak it instead.
        std::mem::forget(inherited);
        *pools = mine;
    }
    if let Some((.., pool)) = pools.iter().find(|(_, n, _)| *n == threads) {
        return Ok(pool.clone());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        // `zhclean1-0`: the pool's size and the thread's number, for `top -H`.
        .thread_name(move |i| format!("zhclean{threads}-{i}"))
        .build()
        .map(Arc::new)
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start threads: {e}")))?;
    pools.push((pid, threads, pool.clone()));
    Ok(pool)
}

/// The documents of a `clean_many` call, handed out in input order to
/// whichever thread is free.
struct Queue<'a> {
    /// `None` for a document that already has its error entry.
    inputs: &'a [Option<&'a [u8]>],
    next: AtomicUsize,
}

impl<'a> Queue<'a> {
    fn take(&self) -> Option<(usize, &'a [u8])> {
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            match self.inputs.get(i)? {
                Some(bytes) => return Some((i, bytes)),
                None => continue,
            }
        }
    }

    /// Hand out nothing more.
    fn close(&self) {
        self.next.fetch_max(self.inputs.len(), Ordering::Relaxed);
    }
}

type Done = (usize, Result<Article, Failure>);

/// How long the calling thread of `clean_many` cleans before it takes the
/// GIL back to build dicts: each time it may have to wait for another Python
/// thread to give the GIL up (up to the switch interval, 5 ms by default), so
/// not after every document.
const STRETCH: Duration = Duration::from_millis(5);

/// The calling thread's share of `clean_many`: it cleans documents like the
/// pool's threads, without the GIL, and between two stretches of that builds
/// the dicts of all that are done, with the GIL. So `threads` threads are
/// busy, not `threads` plus one that builds dicts, and none waits for
/// another but at the very end.
fn collect<'py>(
    py: Python<'py>,
    cleaner: &zhclean::Cleaner,
    queue: &Queue<'_>,
    mut done: mpsc::Receiver<Done>,
    out: &mut [Option<Bound<'py, PyAny>>],
    mut pending: usize,
) -> PyResult<()> {
    let mut store = |(i, result): Done| -> PyResult<()> {
        out[i] = Some(match result {
            Ok(article) => article_dict(py, article)?,
            Err(failure) => error_entry(py, failure.into())?,
        });
        Ok(())
    };
    let mut finished = Vec::new();
    loop {
        finished.extend(done.try_iter());
        if finished.is_empty() {
            let mut mine = py.detach(|| {
                let start = Instant::now();
                let mut mine = Vec::new();
                while start.elapsed() < STRETCH {
                    let Some((i, bytes)) = queue.take() else {
                        break;
                    };
                    mine.push((i, catch(|| cleaner.clean(bytes))));
                }
                mine
            });
            if mine.is_empty() {
                // Everything is handed out: wait for the pool's last ones.
                // A Receiver is not Sync: it moves into the wait and back.
                let (back, received) = py.detach(move || {
                    let received = done.recv();
                    (done, received)
                });
                done = back;
                let Ok(received) = received else {
                    return Ok(());
                };
                mine.push(received);
            }
            finished.append(&mut mine);
        }
        // Ctrl-C (or any signal handler that raises) stops a long batch.
        let stored = finished
            .drain(..)
            .try_for_each(|result| {
                pending -= 1;
                store(result)
            })
            .and_then(|()| py.check_signals());
        if let Err(e) = stored {
            queue.close();
            return Err(e);
        }
        if pending == 0 {
            return Ok(());
        }
    }
}

/// Options as given in Python, kept for `repr` and pickling.
#[derive(Debug, Clone)]
struct Options {
    target: String,
    normalize_punctuation: bool,
    month_first: bool,
    default_offset_minutes: i32,
    keep_removed: bool,
    max_input_bytes: usize,
    format: Option<String>,
}

impl Options {
    fn build(&self) -> PyResult<zhclean::Cleaner> {
        let target = match self.target.as_str() {
            "simplified" => TargetScript::Simplified,
            "original" => TargetScript::Original,
            other => {
                return Err(PyValueError::new_err(format!(
                    "target must be \"simplified\" or \"original\", not {other:?}"
                )))
            }
        };
        // Through serde, so every format the library knows is accepted.
        let format = match &self.format {
            None => None,
            Some(name) => Some(
                Format::deserialize(StrDeserializer::<DeError>::new(name))
                    .map_err(|e| PyValueError::new_err(format!("format: {e}")))?,
            ),
        };
        Ok(zhclean::Cleaner::builder()
            .target(target)
            .normalize_punctuation(self.normalize_punctuation)
            .date_order(if self.month_first {
                DateOrder::MonthFirst
            } else {
                DateOrder::DayFirst
            })
            .default_offset_minutes(self.default_offset_minutes)
            .keep_removed(self.keep_removed)
            .max_input_bytes(self.max_input_bytes)
            .format(format)
            .build())
    }

    fn kwargs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("target", &self.target)?;
        kwargs.set_item("normalize_punctuation", self.normalize_punctuation)?;
        kwargs.set_item("month_first", self.month_first)?;
        kwargs.set_item("default_offset_minutes", self.default_offset_minutes)?;
        kwargs.set_item("keep_removed", self.keep_removed)?;
        kwargs.set_item("max_input_bytes", self.max_input_bytes)?;
        kwargs.set_item("format", &self.format)?;
        Ok(kwargs)
    }
}

/// A reusable cleaner with fixed options, safe to share between threads.
///
/// Options (all keyword-only; each default is the library's):
///     target: "simplified" (default) converts traditional characters to
///         simplified, exactly as OpenCC 1.4.2 t2s; "original" keeps them.
///     normalize_punctuation: True (default) turns half-width punctuation
///         next to Han characters into full-width, and full-width letters and
///         digits into half-width; False keeps them as they are.
///     month_first: False (default) reads 03.12.2015 as 3 December 2015;
///         True reads it as 12 March 2015.
///     default_offset_minutes: 480 (default, +08:00, China Standard Time) is
///         the UTC offset, in minutes east of UTC, of a time that gives none.
///         Clamped to -1439..1439.
///     keep_removed: True (default) records the text taken out in "removed";
///         False leaves "removed" empty (less memory in large batches).
///     max_input_bytes: 67108864 (default, 64 MiB); a larger document raises
///         TooLarge (a str counts its UTF-8 bytes).
///     format: None (default) detects each document's format; a value of the
///         Article's "format" field (such as "jekyll" or "portal") decodes
///         every document as that format.
///
/// Building a Cleaner is cheap; the rules and conversion tables are built
/// once per process, on first use (about 40 ms). Cleaners can be pickled.
#[pyclass(module = "zhclean", frozen)]
struct Cleaner {
    inner: zhclean::Cleaner,
    options: Options,
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(signature = (
        *,
        target = "simplified".to_string(),
        normalize_punctuation = true,
        month_first = false,
        default_offset_minutes = 480,
        keep_removed = true,
        max_input_bytes = 64 << 20,
        format = None,
    ))]
    #[pyo3(
        text_signature = "(*, target='simplified', normalize_punctuation=True, \
        month_first=False, default_offset_minutes=480, keep_removed=True, \
        max_input_bytes=67108864, format=None)"
    )]
    fn new(
        target: String,
        normalize_punctuation: bool,
        month_first: bool,
        default_offset_minutes: i32,
        keep_removed: bool,
        max_input_bytes: usize,
        format: Option<String>,
    ) -> PyResult<Self> {
        let options = Options {
            target,
            normalize_punctuation,
            month_first,
            default_offset_minutes,
            keep_removed,
            max_input_bytes,
            format,
        };
        Ok(Cleaner {
            inner: options.build()?,
            options,
        })
    }

    /// Clean one document and return the Article as a dict.
    ///
    /// data: the raw bytes, in any common encoding (UTF-8, UTF-16 with a byte
    /// order mark, GBK, GB18030, Big5, ...), or a str (cleaned as its UTF-8
    /// encoding).
    ///
    /// The dict has the fields of the Article's JSON, with the same names and
    /// values as the batch program's output (minus its "path").
    ///
    /// Raises EmptyInput, NotText or TooLarge (all ZhcleanError, a
    /// ValueError) when the document cannot be cleaned at all, and TypeError
    /// when data is neither bytes nor str. The GIL is released while cleaning.
    fn clean<'py>(&self, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        clean_with(&self.inner, data)
    }

    /// Clean many documents in parallel; return a list in input order.
    ///
    /// items: an iterable of documents (bytes or str, as for clean()).
    /// threads: how many threads clean, the calling one included; None
    ///     (default) uses one per core this process may run on. Spark or
    ///     datatrove workers that already run one task per core want
    ///     threads=1.
    ///
    /// Each entry is the Article dict that clean() returns, or, for a document
    /// that cannot be cleaned, an error entry in its place:
    /// {"error": message, "error_type": name}, where name is the exception
    /// clean() would raise ("EmptyInput", "NotText", "TooLarge",
    /// "ZhcleanError", or "UnicodeEncodeError" for a str with lone
    /// surrogates). An Article never has an "error" key. One failing document
    /// does not stop the batch; an item that is neither bytes nor str raises
    /// TypeError before any work is done. A signal handler that raises
    /// (Ctrl-C's KeyboardInterrupt) stops the batch: the documents being
    /// cleaned are finished, no others are started.
    ///
    /// The GIL is released while the documents are cleaned. The calling
    /// thread cleans too, and every few milliseconds builds the dicts of
    /// the documents done so far, with the GIL, while the other threads go
    /// on cleaning.
    #[pyo3(signature = (items, threads = None))]
    fn clean_many<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        // A str or bytes is iterable too, but is one document, not many.
        if items.is_instance_of::<PyString>() || items.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(
                "clean_many takes an iterable of documents, not one document: use clean()",
            ));
        }
        let mut docs = Vec::new();
        for (i, item) in items.try_iter()?.enumerate() {
            match document_bytes(&item?) {
                Err(e) if e.is_instance_of::<PyTypeError>(py) => {
                    return Err(PyTypeError::new_err(format!("item {i}: {}", e.value(py))))
                }
                doc => docs.push(doc),
            }
        }
        // The Python objects in `docs` keep these bytes alive and unchanged
        // (bytes are immutable) until the end of this call.
        let inputs: Vec<Option<&[u8]>> = docs
            .iter()
            .map(|d| d.as_ref().ok().map(|b| b.as_bytes()))
            .collect();
        let mut out: Vec<Option<Bound<'py, PyAny>>> = Vec::with_capacity(docs.len());
        for doc in docs.iter() {
            out.push(match doc {
                Ok(_) => None,
                Err(e) => Some(error_entry(py, e.clone_ref(py))?),
            });
        }
        let queue = Queue {
            inputs: &inputs,
            next: AtomicUsize::new(0),
        };
        let cleaner = &self.inner;
        let (tx, rx) = mpsc::channel();
        let pending = inputs.iter().filter(|i| i.is_some()).count();
        if threads == 1 {
            drop(tx);
            collect(py, cleaner, &queue, rx, &mut out, pending)?;
        } else {
            pool(threads - 1)?.in_place_scope(|scope| {
                for _ in 1..threads {
                    let tx = tx.clone();
                    let queue = &queue;
                    scope.spawn(move |_| {
                        while let Some((i, bytes)) = queue.take() {
                            // The receiver is gone only after an error in Python.
                            if tx.send((i, catch(|| cleaner.clean(bytes)))).is_err() {
                                break;
                            }
                        }
                    });
                }
                drop(tx);
                collect(py, cleaner, &queue, rx, &mut out, pending)
            })?;
        }
        let out: Option<Vec<_>> = out.into_iter().collect();
        let out = out.ok_or_else(|| PyRuntimeError::new_err("a document got no result"))?;
        PyList::new(py, out)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut parts = Vec::new();
        for (key, value) in self.options.kwargs(py)?.iter() {
            parts.push(format!("{key}={}", value.repr()?));
        }
        Ok(format!("Cleaner({})", parts.join(", ")))
    }

    /// Pickle support: the options, given back to the constructor as keywords.
    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((PyTuple::empty(py), self.options.kwargs(py)?))
    }
}

fn clean_with<'py>(
    cleaner: &zhclean::Cleaner,
    data: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = data.py();
    let bytes = document_bytes(data)?;
    let bytes = bytes.as_bytes();
    match py.detach(|| catch(|| cleaner.clean(bytes))) {
        Ok(article) => article_dict(py, article),
        Err(failure) => Err(failure.into()),
    }
}

/// Clean one document with the given options; return the Article as a dict.
///
/// clean(data, **options) is Cleaner(**options).clean(data): data is bytes
/// (any common encoding) or str (cleaned as its UTF-8 encoding); the options
/// and their defaults are Cleaner's.
///
/// Raises EmptyInput, NotText or TooLarge (all ZhcleanError, a ValueError)
/// when the document cannot be cleaned at all, and TypeError when data is
/// neither bytes nor str.
#[pyfunction]
#[pyo3(signature = (data, **options))]
fn clean<'py>(
    data: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    match options {
        Some(options) if !options.is_empty() => {
            let cleaner = data
                .py()
                .get_type::<Cleaner>()
                .call((), Some(options))?
                .cast_into::<Cleaner>()?;
            clean_with(&cleaner.get().inner, data)
        }
        _ => clean_with(&zhclean::Cleaner::new(), data),
    }
}

/// Convert traditional characters to simplified, exactly as OpenCC 1.4.2 t2s.
///
/// Returns text itself when nothing changes. The GIL is released while
/// converting.
#[pyfunction]
fn t2s<'py>(text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    let py = text.py();
    let source = text.to_cow()?;
    let converted = py.detach(|| match Converter::t2s().convert(&source) {
        Cow::Borrowed(_) => None,
        Cow::Owned(converted) => Some(converted),
    });
    Ok(match converted {
        None => text.clone(),
        Some(converted) => PyString::new(py, &converted),
    })
}

/// zhclean turns scraped Chinese news documents (any bytes: Jekyll posts,
/// dated plain text, portal pages, HTML pages, GBK or Big5) into one clean
/// Article: the text alone, in simplified characters, with its metadata.
#[pymodule]
fn _zhclean(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(t2s, m)?)?;
    m.add_class::<Cleaner>()?;
    m.add("ZhcleanError", py.get_type::<ZhcleanError>())?;
    m.add("EmptyInput", py.get_type::<EmptyInput>())?;
    m.add("NotText", py.get_type::<NotText>())?;
    m.add("TooLarge", py.get_type::<TooLarge>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_failure() {
        let got = catch::<()>(|| panic!("injected {}", 1));
        assert_eq!(got, Err(Failure::Panic("injected 1".into())));
        assert_eq!(
            catch::<()>(|| panic!("static")),
            Err(Failure::Panic("static".into()))
        );
    }

    #[test]
    fn failures_become_the_exceptions() {
        Python::initialize();
        Python::attach(|py| {
            let err = PyErr::from(Failure::Panic("boom".into()));
            assert!(err.get_type(py).is(py.get_type::<ZhcleanError>()));
            assert_eq!(err.value(py).to_string(), "panic while cleaning: boom");
            let too_large = Error::TooLarge { size: 2, limit: 1 };
            let err = PyErr::from(Failure::Clean(too_large.clone()));
            assert!(err.is_instance_of::<TooLarge>(py));
            assert!(err.is_instance_of::<PyValueError>(py));
            assert_eq!(err.value(py).to_string(), too_large.to_string());
        });
    }

    #[test]
    fn errors_pass_through() {
        assert_eq!(
            catch::<()>(|| Err(Error::Empty(3))),
            Err(Failure::Clean(Error::Empty(3)))
        );
        assert_eq!(catch(|| Ok(7)), Ok(7));
    }
}
