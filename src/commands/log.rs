//! `tiendo log` (not yet implemented).

use std::io::Write;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::LogArgs;

pub fn run(_ctx: &Ctx, _args: &LogArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> Result<Outcome> {
    bail!("`tiendo log` is not implemented yet")
}
