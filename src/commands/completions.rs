//! `tiendo completions SHELL` and `tiendo man`: generated from the clap definition, so they
//! cannot drift from the real flags.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use super::Outcome;
use crate::cli::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<Outcome> {
    let mut cmd = Cli::command();
    // Generate into memory: clap_complete panics when its writer fails (`| head`).
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "tiendo", &mut buf);
    out.write_all(&buf)?;
    Ok(Outcome::Clean)
}

pub fn man(out: &mut dyn Write, lang: crate::i18n::Lang) -> Result<Outcome> {
    let cmd = crate::cli::command_in(lang);
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut buf)?;
    out.write_all(&buf)?;
    Ok(Outcome::Clean)
}
