//! `tiendo returns template|import`: units' returns as spreadsheets (placeholder).

use std::io::Write;

use anyhow::Result;

use super::{Ctx, Outcome};
use crate::cli::ReturnsCommand;

pub fn run(
    _ctx: &Ctx,
    _cmd: &ReturnsCommand,
    _out: &mut dyn Write,
    _err: &mut dyn Write,
) -> Result<Outcome> {
    anyhow::bail!("not yet")
}
