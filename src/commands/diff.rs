//! `tiendo diff` (not yet implemented).

use std::io::Write;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::DiffArgs;

pub fn run(_ctx: &Ctx, _args: &DiffArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> Result<Outcome> {
    bail!("`tiendo diff` is not implemented yet")
}
