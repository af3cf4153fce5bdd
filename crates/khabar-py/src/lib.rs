//! The `khabar._khabar` Python extension module.
//!
//! A thin layer, one module per concept: it checks arguments, releases the GIL around the
//! Rust work, converts byte offsets to `str` indices once per document, maps Rust errors to
//! Python exceptions and builds the result objects. All text processing lives in the
//! library crates.

mod cli;
mod document;
mod errors;
mod events;
mod gazetteer;
mod leaf;
mod nonquant;
mod pipeline;
mod prepared;
mod results;
mod text;
mod tokenize;

use pyo3::prelude::*;

/// The module's Rust allocator. A short document makes a few dozen small allocations in the
/// library crates (token and class vectors, result strings), freed on another thread when
/// `Pipeline.pipe` runs in parallel (the documents are made on the workers and dropped where
/// Python lets them go); mimalloc serves both from thread-local pages, where the system
/// allocator spends ~8% of a ~200-byte note's instructions (benches/results/profile.md,
/// "Short notes").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// khabar's native module; import `khabar` instead.
#[pymodule]
fn _khabar(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    m.add_class::<tokenize::Token>()?;
    m.add_class::<tokenize::Sentence>()?;
    m.add_class::<results::Entity>()?;
    m.add_class::<results::Quantity>()?;
    m.add_class::<results::Temporal>()?;
    m.add_class::<document::Document>()?;
    m.add_class::<events::Event>()?;
    m.add_class::<nonquant::NonQuantity>()?;
    m.add_class::<gazetteer::Gazetteer>()?;
    m.add_class::<pipeline::Pipeline>()?;
    m.add_function(wrap_pyfunction!(tokenize::tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(tokenize::sentences, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline::extract, m)?)?;
    m.add_function(wrap_pyfunction!(nonquant::non_quantities, m)?)?;
    m.add_function(wrap_pyfunction!(results::_restore, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline::_restore_pipeline, m)?)?;
    m.add_function(wrap_pyfunction!(cli::_cli_main, m)?)?;
    Ok(())
}
