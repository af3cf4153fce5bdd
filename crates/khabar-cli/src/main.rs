//! The `khabar` binary: see [`khabar_cli::run_with`].

use std::io::IsTerminal;

fn main() {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let terminal = khabar_cli::Terminal {
        stdout: stdout.is_terminal(),
        stderr: stderr.is_terminal(),
    };
    let code = khabar_cli::run_with(
        std::env::args_os(),
        &mut stdout.lock(),
        &mut stderr.lock(),
        terminal,
    );
    std::process::exit(code);
}
