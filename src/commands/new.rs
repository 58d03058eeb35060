//! `tiendo new` (not yet implemented).

use std::io::Write;

use anyhow::{Result, bail};

use super::{Ctx, Outcome};
use crate::cli::NewArgs;

pub fn run(_ctx: &Ctx, _args: &NewArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> Result<Outcome> {
    bail!("`tiendo new` is not implemented yet")
}
