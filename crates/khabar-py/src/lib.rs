//! The `khabar._khabar` Python extension module.
//!
//! A thin layer: it checks arguments, releases the GIL around the Rust work, converts byte
//! offsets to `str` indices once per document and builds the Python result objects. All
//! text processing lives in the library crates.

mod text;
mod tokenize;

use pyo3::prelude::*;

/// khabar's native module; import `khabar` instead.
#[pymodule]
fn _khabar(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<tokenize::Token>()?;
    m.add_class::<tokenize::Sentence>()?;
    m.add_function(wrap_pyfunction!(tokenize::tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize::sentences, m)?)?;
    Ok(())
}
