//! `tiendo schema [task|units|plan]` (not yet implemented).

use std::io::Write;

use anyhow::{Result, bail};

use super::Outcome;
use crate::cli::SchemaArgs;

pub fn run(_args: &SchemaArgs, _out: &mut dyn Write) -> Result<Outcome> {
    bail!("`tiendo schema` is not implemented yet")
}
