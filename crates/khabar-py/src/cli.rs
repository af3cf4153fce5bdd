//! The `khabar` console script of the Python package: the Rust command line, in-process.

use crate::errors::guard;
use pyo3::prelude::*;

/// Runs the `khabar` command line with `argv` (program name first) and returns its exit
/// status. Output goes to the process's stdout and stderr; the GIL is released meanwhile.
#[pyfunction]
pub(crate) fn _cli_main(py: Python<'_>, argv: Vec<String>) -> PyResult<i32> {
    py.detach(|| {
        guard(|| {
            let stdout = std::io::stdout();
            let stderr = std::io::stderr();
            khabar_cli::run(argv, &mut stdout.lock(), &mut stderr.lock())
        })
    })
}
