//! `tiendo import-plan FILE… --out DIR`: read exchange documents (`export --format json
//! --all-plans`, see docs/json.md) — one per province, say — into one read-only workspace, so
//! their standings can be put side by side with `plans`, `summary`, `list`, `units`.
//!
//! An import is a snapshot of each plan as the export saw it: the values in force on the
//! export's day (lead and support units, deadline phrase, title) become the imported tasks' own
//! values; completion, milestones, indicators, progress entries and the links between plans
//! come across; amendments and the git history do not. Plans are named by their short name, or
//! `FILESTEM-NAME` when several files are read (two provinces both have a `kh2025`). Units are
//! merged by id, the first file's wording kept. Every file written says it was imported and is
//! written without write permission: edit the source repository, then export again.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde_json::Value;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use super::Outcome;
use crate::cli::ImportPlanArgs;
use crate::edit::{FileKind, format};
use crate::i18n::Lang;

pub fn run(args: &ImportPlanArgs, lang: Lang, out: &mut dyn Write) -> Result<Outcome> {
    if args.out.exists() && std::fs::read_dir(&args.out).map_or(true, |mut d| d.next().is_some()) {
        bail!(match lang {
            Lang::Vi => format!(
                "`{}` đã có và không trống: chọn một thư mục mới",
                args.out.display()
            ),
            Lang::En => format!(
                "`{}` exists and is not empty: choose a new folder",
                args.out.display()
            ),
        });
    }
    let mut docs = vec![];
    for f in &args.files {
        let text = std::fs::read_to_string(f)
            .with_context(|| format!("failed to read `{}`", f.display()))?;
        let v: Value = serde_json::from_str(&text)
            .with_context(|| format!("`{}` is not JSON", f.display()))?;
        if v["format"] != "tiendo-exchange" || v["version"] != 1 {
            bail!(
                "`{}` is not a tiendo exchange document (format \"tiendo-exchange\", version 1)",
                f.display()
            );
        }
        let stem = f
            .file_stem()
            .and_then(|s| s.to_str())
            .map(crate::text::slug)
            .unwrap_or_default();
        docs.push((f.display().to_string(), stem, v));
    }
    let several = docs.len() > 1;
    let mut files: Vec<(PathBuf, String)> = vec![];
    let mut units: Vec<Value> = vec![];
    for (_, _, v) in &docs {
        for u in v["units"].as_array().into_iter().flatten() {
            if !units.iter().any(|k| k["id"] == u["id"]) {
                units.push(u.clone());
            }
        }
    }
    let marker = |source: &str| {
        format!("# Nhập từ {source} bằng `tiendo import-plan`: chỉ để đọc, không sửa tay.\n")
    };
    let sources: Vec<&str> = docs.iter().map(|(f, _, _)| f.as_str()).collect();
    files.push((
        args.out.join("units.toml"),
        format!("{}{}", marker(&sources.join(", ")), units_toml(&units)),
    ));
    for (file, stem, v) in &docs {
        let rename = |name: &str| -> String {
            if several {
                format!("{stem}-{name}")
            } else {
                name.to_string()
            }
        };
        let relink = |link: &str| -> String {
            match link.split_once(':') {
                Some((p, id)) => format!("{}:{id}", rename(p)),
                None => link.to_string(),
            }
        };
        for p in v["plans"].as_array().into_iter().flatten() {
            let name = rename(p["name"].as_str().unwrap_or("plan"));
            if !crate::load::is_plan_name(&name) {
                bail!("`{name}` is not a plan name (letters, digits, `-`, `_`)");
            }
            let dir = args.out.join(&name);
            files.push((
                dir.join("plan.toml"),
                format!("{}{}", marker(file), plan_toml(p, v)?),
            ));
            for t in p["tasks"].as_array().into_iter().flatten() {
                let id = t["id"].as_str().unwrap_or_default();
                let id = id.split_once(':').map_or(id, |(_, id)| id);
                let group = t["group"].as_str().unwrap_or_default();
                crate::model::id::check_safe(id)
                    .map_err(|_| anyhow::anyhow!("unsafe task id `{id}`"))?;
                crate::model::id::check_safe(group)
                    .map_err(|_| anyhow::anyhow!("unsafe group id `{group}`"))?;
                let path = dir.join("tasks").join(group).join(format!("{id}.toml"));
                files.push((
                    path,
                    format!("{}{}", marker(file), task_toml(id, t, &relink)),
                ));
            }
        }
    }
    for (path, text) in &files {
        if let Some(d) = path.parent() {
            std::fs::create_dir_all(d)
                .with_context(|| format!("failed to create `{}`", d.display()))?;
        }
        std::fs::write(path, text)
            .with_context(|| format!("failed to write `{}`", path.display()))?;
        read_only(path)?;
    }
    let plans: usize = docs
        .iter()
        .map(|(_, _, v)| v["plans"].as_array().map_or(0, Vec::len))
        .sum();
    let shown = format!("{}/", args.out.display());
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Vi => format!(
                "đã nhập {plans} kế hoạch vào {shown} ({} tệp, chỉ để đọc)",
                files.len()
            ),
            Lang::En => format!(
                "imported {plans} plans into {shown} ({} files, read-only)",
                files.len()
            ),
        }
    )?;
    Ok(Outcome::Clean)
}

fn read_only(path: &Path) -> Result<()> {
    let mut perm = std::fs::metadata(path)?.permissions();
    perm.set_readonly(true);
    std::fs::set_permissions(path, perm)
        .with_context(|| format!("failed to protect `{}`", path.display()))
}

fn put_str(t: &mut Table, key: &str, v: &Value) {
    if let Some(s) = v.as_str() {
        t.insert(key, toml_edit::value(s));
    }
}

fn put_date(t: &mut Table, key: &str, v: &Value) {
    if let Some(d) = v
        .as_str()
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    {
        t.insert(key, Item::Value(crate::edit::date_value(d)));
    }
}

fn put_strs(t: &mut Table, key: &str, v: impl Iterator<Item = String>) {
    let arr: toml_edit::Array = v.collect();
    if !arr.is_empty() {
        t.insert(key, Item::Value(toml_edit::Value::Array(arr)));
    }
}

fn put_num(t: &mut Table, key: &str, v: &Value) {
    if let Some(i) = v.as_i64() {
        t.insert(key, toml_edit::value(i));
    } else if let Some(f) = v.as_f64() {
        t.insert(key, toml_edit::value(f));
    }
}

fn strs(v: &Value) -> impl Iterator<Item = String> + '_ {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_string))
}

fn units_toml(units: &[Value]) -> String {
    let mut doc = DocumentMut::new();
    let mut arr = ArrayOfTables::new();
    for u in units {
        let mut t = Table::new();
        put_str(&mut t, "id", &u["id"]);
        put_str(&mut t, "name", &u["name"]);
        put_str(&mut t, "short", &u["short"]);
        put_strs(&mut t, "aliases", strs(&u["aliases"]));
        put_str(&mut t, "kind", &u["kind"]);
        put_strs(&mut t, "members", strs(&u["members"]));
        put_date(&mut t, "started", &u["started"]);
        put_date(&mut t, "ended", &u["ended"]);
        put_strs(&mut t, "successors", strs(&u["successors"]));
        arr.push(t);
    }
    doc.insert("unit", Item::ArrayOfTables(arr));
    format(&doc.to_string(), FileKind::Units).unwrap_or_else(|_| doc.to_string())
}

fn plan_toml(p: &Value, doc_v: &Value) -> Result<String> {
    let mut doc = DocumentMut::new();
    let t = doc.as_table_mut();
    put_str(t, "code", &p["code"]);
    put_str(t, "title", &p["title"]);
    let issued = if p["issued"].is_string() {
        &p["issued"]
    } else {
        &doc_v["as_of"]
    };
    put_date(t, "issued", issued);
    put_str(t, "issuer", &p["issuer"]);
    put_str(t, "secretariat", &p["secretariat"]);
    put_num(t, "report_day", &p["report_day"]);
    if p["before_is_inclusive"] == true {
        t.insert("before_is_inclusive", toml_edit::value(true));
    }
    put_date(t, "period_start", &p["period"]["start"]);
    put_date(t, "period_end", &p["period"]["end"]);
    put_date(t, "closed_on", &p["closed_on"]);
    let mut arr = ArrayOfTables::new();
    for g in p["groups"].as_array().into_iter().flatten() {
        let mut gt = Table::new();
        put_str(&mut gt, "id", &g["id"]);
        put_str(&mut gt, "title", &g["title"]);
        put_str(&mut gt, "parent", &g["parent"]);
        put_num(&mut gt, "declared", &g["declared"]);
        arr.push(gt);
    }
    doc.insert("group", Item::ArrayOfTables(arr));
    Ok(format(&doc.to_string(), FileKind::Plan).unwrap_or_else(|_| doc.to_string()))
}

fn task_toml(id: &str, v: &Value, relink: &dyn Fn(&str) -> String) -> String {
    let mut doc = DocumentMut::new();
    let t = doc.as_table_mut();
    t.insert("id", toml_edit::value(id));
    put_str(t, "group", &v["group"]);
    put_str(t, "title", &v["title"]);
    let ids = |k: &str| -> Vec<String> {
        v[k].as_array()
            .into_iter()
            .flatten()
            .filter_map(|u| u["id"].as_str().map(str::to_string))
            .collect()
    };
    let lead: toml_edit::Array = ids("lead").into_iter().collect();
    t.insert("lead", Item::Value(toml_edit::Value::Array(lead)));
    put_strs(t, "support", ids("support").into_iter());
    put_str(t, "deadline", &v["deadline"]);
    put_date(t, "due", &v["explicit_due"]);
    put_str(t, "status", &v["status"]);
    put_date(t, "done_on", &v["done_on"]);
    put_strs(t, "notes", strs(&v["notes"]));
    for key in ["carried_from", "carried_to"] {
        if let Some(l) = v[key].as_str() {
            t.insert(key, toml_edit::value(relink(l)));
        }
    }
    put_date(t, "carried_on", &v["carried_on"]);
    let mut ms = ArrayOfTables::new();
    for m in v["milestones"].as_array().into_iter().flatten() {
        let mut mt = Table::new();
        put_str(&mut mt, "title", &m["title"]);
        put_str(&mut mt, "deadline", &m["deadline"]);
        put_date(&mut mt, "due", &m["explicit_due"]);
        put_date(&mut mt, "done_on", &m["done_on"]);
        ms.push(mt);
    }
    if !ms.is_empty() {
        t.insert("milestone", Item::ArrayOfTables(ms));
    }
    let mut is = ArrayOfTables::new();
    for i in v["indicators"].as_array().into_iter().flatten() {
        let mut it = Table::new();
        put_str(&mut it, "name", &i["name"]);
        put_str(&mut it, "target", &i["target"]);
        put_str(&mut it, "unit", &i["unit"]);
        put_num(&mut it, "target_value", &i["target_value"]);
        put_str(&mut it, "baseline", &i["baseline"]);
        is.push(it);
    }
    if !is.is_empty() {
        t.insert("indicator", Item::ArrayOfTables(is));
    }
    let mut ps = ArrayOfTables::new();
    for p in v["progress"].as_array().into_iter().flatten() {
        let mut pt = Table::new();
        put_date(&mut pt, "date", &p["date"]);
        put_str(&mut pt, "by", &p["by"]);
        put_str(&mut pt, "note", &p["note"]);
        put_num(&mut pt, "percent", &p["percent"]);
        put_str(&mut pt, "indicator", &p["indicator"]);
        put_num(&mut pt, "value", &p["value"]);
        ps.push(pt);
    }
    if !ps.is_empty() {
        t.insert("progress", Item::ArrayOfTables(ps));
    }
    format(&doc.to_string(), FileKind::Task).unwrap_or_else(|_| doc.to_string())
}
