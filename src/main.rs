//! Process boundary: parse arguments, read the clock and environment once, run, map to an
//! exit code (0 clean, 1 findings, 2 could not run). A closed pipe exits quietly.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = tiendo::cli::with_shorthand(std::env::args_os().collect());
    let cli = match tiendo::cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        // Usage errors quote the arguments: through the sanitiser like every other message.
        Err(e) if e.use_stderr() => {
            let mut err = tiendo::text::Terminal::new(std::io::stderr().lock());
            let _ = write!(err, "{}", e.render());
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let lang = tiendo::commands::lang(&cli.global);
    let env = tiendo::commands::Env::from_process();
    // Standard error only ever carries plain text: every byte of it goes through the one
    // terminal sanitiser (messages quote arguments, paths and git's own stderr).
    let (mut out, mut err) = (
        std::io::stdout().lock(),
        tiendo::text::Terminal::new(std::io::stderr().lock()),
    );
    match tiendo::commands::run(cli, &env, &mut out, &mut err) {
        Ok(outcome) => ExitCode::from(outcome as u8),
        Err(e) if tiendo::commands::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "{}", tiendo::commands::describe_error(&e, lang));
            ExitCode::from(2)
        }
    }
}
