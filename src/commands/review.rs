//! `tiendo review` (not yet implemented).

use std::io::Write;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::ReviewArgs;

pub fn run(_ctx: &Ctx, _args: &ReviewArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> Result<Outcome> {
    bail!("`tiendo review` is not implemented yet")
}
