//! stub
use std::io::Write;
use anyhow::Result;
use super::{Ctx, Outcome};
pub fn run(_ctx: &Ctx, _a: &crate::cli::UnitsArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> Result<Outcome> { Ok(Outcome::Clean) }
