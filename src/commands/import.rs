//! `tiendo import` (not yet implemented).

use std::io::Write;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::ImportArgs;

pub fn run(_ctx: &Ctx, _args: &ImportArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> Result<Outcome> {
    bail!("`tiendo import` is not implemented yet")
}
