//! `tiendo merge-driver %O %A %B` (not yet implemented).

use std::io::Write;

use anyhow::{Result, bail};

use super::Outcome;
use crate::cli::MergeDriverArgs;
use crate::i18n::Lang;

pub fn run(_args: &MergeDriverArgs, _lang: Lang, _err: &mut dyn Write) -> Result<Outcome> {
    bail!("`tiendo merge-driver` is not implemented yet")
}
