//! Process boundary: parse arguments, read the clock and environment once, run, map to an
//! exit code (0 clean, 1 findings, 2 could not run). A closed pipe exits quietly.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli =
        tiendo::cli::Cli::parse_from(tiendo::cli::with_shorthand(std::env::args_os().collect()));
    let lang = tiendo::commands::lang(&cli.global);
    let env = tiendo::commands::Env::from_process();
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    match tiendo::commands::run(cli, &env, &mut out, &mut err) {
        Ok(outcome) => ExitCode::from(outcome as u8),
        Err(e) if tiendo::commands::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "{}", tiendo::commands::describe_error(&e, lang));
            ExitCode::from(2)
        }
    }
}
