//! `tiendo plans`: the plans of the folder (a single-plan folder is a workspace of one), each
//! with its short name, code, period, state (open / closed) and task counts as of the day:
//! done, not done, overdue, carried over to a later plan. A closed plan is counted as of its
//! closing day.

use std::io::Write;

use anyhow::Result;
use comfy_table::{Cell, CellAlignment};
use serde_json::json;

use super::{Ctx, Outcome};
use crate::cli::{PlansArgs, TextOrJson};
use crate::i18n::{Ws, WsCol, tr};
use crate::model::status::Category;
use crate::render::{self, table};
use crate::summary::{Counts, Horizon, judge_all};
use crate::workspace::is_open;

pub fn run(ctx: &Ctx, args: &PlansArgs, out: &mut dyn Write) -> Result<Outcome> {
    let tr = tr(ctx.lang);
    let ws = crate::load::load_workspace(&ctx.plan_dir)?;
    let mut rows = vec![];
    for m in &ws.plans {
        let plan = &m.loaded.plan;
        let meta = &plan.meta;
        let day = meta.closed_as_of(ctx.as_of).unwrap_or(ctx.as_of);
        let judged = judge_all(plan, Horizon::new(plan, day));
        let c = Counts::of(&judged);
        let done = c.done();
        let carried = c.get(Category::CarriedOver);
        let dropped = c.get(Category::Dropped);
        let open = c.total() - done - carried - dropped;
        let period = match (meta.start(), meta.period_end) {
            (Some(s), Some(e)) => format!("{} – {}", tr.date(s), tr.date(e)),
            (Some(s), None) => format!("{} –", tr.date(s)),
            (None, Some(e)) => format!("– {}", tr.date(e)),
            (None, None) => String::new(),
        };
        let state = if is_open(meta, ctx.as_of) {
            tr.workspace(&Ws::Open)
        } else {
            let on = meta.closed_on.map(|d| tr.date(d)).unwrap_or_default();
            tr.workspace(&Ws::Closed { on: &on })
        };
        rows.push((m, period, state, c, done, open, carried));
    }
    match args.format {
        TextOrJson::Text => {
            let cols = [
                WsCol::Name,
                WsCol::Code,
                WsCol::Period,
                WsCol::State,
                WsCol::Tasks,
                WsCol::Done,
                WsCol::Open,
                WsCol::Overdue,
                WsCol::Carried,
            ]
            .map(|c| tr.workspace(&Ws::Column(c)));
            let style = table::Style {
                color: false,
                width: ctx.width,
            };
            let mut t = table::new(style, &cols.iter().map(String::as_str).collect::<Vec<_>>());
            let num = |n: usize| Cell::new(n).set_alignment(CellAlignment::Right);
            for (m, period, state, c, done, open, carried) in &rows {
                t.add_row(vec![
                    Cell::new(&m.name),
                    Cell::new(&m.loaded.plan.meta.code),
                    Cell::new(period),
                    Cell::new(state),
                    num(c.total()),
                    num(*done),
                    num(*open),
                    num(c.get(Category::Overdue)),
                    num(*carried),
                ]);
            }
            write!(out, "{}", table::to_string(&t))?;
            writeln!(out, "{}: {}", tr.report().as_of, tr.date(ctx.as_of))?;
        }
        TextOrJson::Json => {
            let v = json!({
                "as_of": render::json::date(Some(ctx.as_of)),
                "plans": rows.iter().map(|(m, _, _, c, done, open, carried)| {
                    let meta = &m.loaded.plan.meta;
                    json!({
                        "name": m.name,
                        "code": meta.code,
                        "period": {
                            "start": render::json::date(meta.start()),
                            "end": render::json::date(meta.period_end),
                        },
                        "closed_on": render::json::date(meta.closed_on),
                        "state": if is_open(meta, ctx.as_of) { "open" } else { "closed" },
                        "tasks": c.total(),
                        "done": done,
                        "not_done": open,
                        "overdue": c.get(Category::Overdue),
                        "carried_over": carried,
                        "counts": render::json::counts(c),
                    })
                }).collect::<Vec<_>>(),
            });
            out.write_all(render::json::to_string(&v).as_bytes())?;
        }
    }
    Ok(Outcome::Clean)
}
