//! `tiendo update` (not yet implemented).

use std::io::Write;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::UpdateArgs;

pub fn run(_ctx: &Ctx, _args: &UpdateArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> Result<Outcome> {
    bail!("`tiendo update` is not implemented yet")
}
