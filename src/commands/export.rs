//! `tiendo export` (not yet implemented).

use std::io::Write;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::ExportArgs;

pub fn run(_ctx: &Ctx, _args: &ExportArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> Result<Outcome> {
    bail!("`tiendo export` is not implemented yet")
}
