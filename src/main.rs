//! Process boundary: parse arguments, read the clock and environment once, run, map to an
//! exit code (0 clean, 1 findings, 2 could not run). A closed pipe exits quietly.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = tiendo::cli::with_shorthand(std::env::args_os().collect());
    let env_lang = std::env::var("TIENDO_LANG").ok();
    let cli = match tiendo::cli::parse_localized(args, env_lang.as_deref()) {
        Ok(cli) => cli,
        Err(mut p) => {
            if !p.text.ends_with('\n') {
                p.text.push('\n');
            }
            if p.stderr {
                // Usage errors quote the arguments: through the sanitiser like every other message.
                let mut err = tiendo::text::Terminal::new(std::io::stderr().lock());
                let _ = err.write_all(p.text.as_bytes());
            } else {
                let _ = std::io::stdout().lock().write_all(p.text.as_bytes());
            }
            return ExitCode::from(p.code.clamp(0, 255) as u8);
        }
    };
    let lang = tiendo::commands::lang(&cli.global);
    let env = tiendo::commands::Env::from_process();
    // Standard error only ever carries plain text: every byte of it goes through the one
    // terminal sanitiser (messages quote arguments, paths and git's own stderr).
    let mut err = tiendo::text::Terminal::new(std::io::stderr().lock());
    // A long view on a terminal goes through the pager; piped output never does.
    let paging = env.stdout_tty && !cli.global.no_pager && tiendo::commands::pages(&cli.command);
    let mut buffered = Vec::new();
    let result = if paging {
        tiendo::commands::run(cli, &env, &mut buffered, &mut err)
    } else {
        tiendo::commands::run(cli, &env, &mut std::io::stdout().lock(), &mut err)
    };
    if paging {
        page(&buffered);
    }
    match result {
        Ok(outcome) => ExitCode::from(outcome as u8),
        Err(e) if tiendo::commands::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "{}", tiendo::commands::describe_error(&e, lang));
            ExitCode::from(2)
        }
    }
}

/// Show `text` through `$PAGER` (default `less`, with `LESS=FRX` unless set: it quits when
/// the text fits one screen and keeps colours); an empty PAGER, or one that cannot start,
/// prints it directly.
fn page(text: &[u8]) {
    use std::process::{Command, Stdio};
    let pager = std::env::var("PAGER").unwrap_or_else(|_| "less".to_string());
    let direct = |text: &[u8]| {
        let _ = std::io::stdout().lock().write_all(text);
    };
    if pager.trim().is_empty() || text.is_empty() {
        return direct(text);
    }
    let mut cmd = Command::new("sh");
    cmd.args(["-c", &pager]).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    match cmd.spawn() {
        Ok(mut child) => {
            if let Some(mut stdin) = child.stdin.take() {
                let _ = stdin.write_all(text);
            }
            let _ = child.wait();
        }
        Err(_) => direct(text),
    }
}
