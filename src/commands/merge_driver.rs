//! `tiendo merge-driver %O %A %B [--path %P]`: git's custom merge driver for plan files.
//! Reads the three versions, merges them with `merge::merge`, writes the result over %A (git's
//! temporary copy of ours) and exits 0 when clean, 1 when conflicts are left for a person —
//! which is what git expects of a driver. Enabled per repository (README):
//!
//! ```text
//! .gitattributes:  plan/tasks/**/*.toml merge=tiendo
//! git config merge.tiendo.driver "tiendo merge-driver %O %A %B --path %P"
//! ```

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::MergeDriverArgs;
use crate::i18n::{Lang, tr};
use crate::merge::{self, How};

pub fn run(args: &MergeDriverArgs, lang: Lang, err: &mut dyn Write) -> Result<Outcome> {
    let tr = tr(lang);
    // Regular files only: a FIFO given as a version is an error, not a hang.
    let read = |p: &std::path::Path| {
        let shown = p.display().to_string();
        crate::load::read_bytes(p, &shown).map_err(|e| {
            let why = crate::render::problems::text(&[e], tr);
            anyhow::anyhow!("{}", why.trim_end()).context(format!("failed to read `{shown}`"))
        })
    };
    let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
    let shown = args
        .path
        .clone()
        .unwrap_or_else(|| args.ours.display().to_string());
    let merged = merge::merge(&base, &ours, &theirs);
    if merged.bytes != ours {
        crate::edit::write_atomic(&args.ours, &merged.bytes)?;
    }
    match merged.how {
        How::Clean => Ok(Outcome::Clean),
        How::Conflicts(n) => {
            writeln!(err, "{}", tr.merge_conflicts(&shown, n))?;
            Ok(Outcome::Findings)
        }
        How::Whole(why) => {
            writeln!(err, "{}", tr.merge_whole(&shown, why))?;
            Ok(Outcome::Findings)
        }
    }
}
