//! `tiendo fmt` (not yet implemented).

use std::io::Write;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::FmtArgs;

pub fn run(_ctx: &Ctx, _args: &FmtArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> Result<Outcome> {
    bail!("`tiendo fmt` is not implemented yet")
}
