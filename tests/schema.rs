//! The committed JSON Schemas (`docs/schema/*.json`, used by editors through `.taplo.toml`):
//! they equal what `tiendo schema` generates from the loader's types, every file in `plan/`
//! validates against them (TOML dates handed over as strings, the way taplo does), and a typo
//! key, a wrong status or a non-slug unit id is refused.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tiendo::edit::FileKind;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn committed(kind: &str) -> String {
    let path = root().join("docs/schema").join(format!("{kind}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

const KINDS: [(&str, FileKind); 3] = [
    ("task", FileKind::Task),
    ("units", FileKind::Units),
    ("plan", FileKind::Plan),
];

#[test]
fn committed_schemas_are_up_to_date() {
    for (name, kind) in KINDS {
        let generated = tiendo::schema::json(kind);
        assert!(
            committed(name) == generated,
            "docs/schema/{name}.json is stale: run `cargo run -- schema {name} > docs/schema/{name}.json`"
        );
    }
}

#[test]
fn schema_command_prints_the_committed_schema() {
    use clap::Parser;
    let cli = tiendo::cli::Cli::try_parse_from(["tiendo", "schema", "units"]).unwrap();
    let env = tiendo::commands::Env {
        cwd: std::env::temp_dir(),
        today: chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
        stdout_tty: false,
        no_color: true,
        width: None,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let outcome = tiendo::commands::run(cli, &env, &mut out, &mut err).unwrap();
    assert_eq!(outcome, tiendo::commands::Outcome::Clean);
    assert_eq!(String::from_utf8(out).unwrap(), committed("units"));
    assert!(err.is_empty());
}

/// TOML → JSON the way taplo hands a document to the validator: dates as strings.
fn to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn read_toml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    to_json(toml::from_str::<toml::Value>(&text).unwrap())
}

fn validator(name: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&committed(name)).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("docs/schema/{name}.json is not a valid schema: {e}"))
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_plan_file_validates_against_the_committed_schema() {
    let plan = root().join("plan");
    let mut files = vec![
        (plan.join("plan.toml"), "plan"),
        (plan.join("units.toml"), "units"),
    ];
    for e in walkdir::WalkDir::new(plan.join("tasks")).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "toml") {
            files.push((e.path().to_path_buf(), "task"));
        }
    }
    assert!(files.len() >= 65, "plan/ has its 63 task files");
    let validators: Vec<(&str, jsonschema::Validator)> =
        KINDS.iter().map(|(n, _)| (*n, validator(n))).collect();
    let mut failures = vec![];
    for (path, kind) in &files {
        let v = &validators.iter().find(|(n, _)| n == kind).unwrap().1;
        for e in errors(v, &read_toml(path)) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn schema_refuses_what_the_loader_refuses() {
    let task = validator("task");
    let good: Value = read_toml(&root().join("plan/tasks/7/7.4.toml"));
    assert!(errors(&task, &good).is_empty());

    let with = |f: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut doc = good.clone();
        f(doc.as_object_mut().unwrap());
        doc
    };
    let cases: Vec<(&str, Value)> = vec![
        (
            "typo key",
            with(&|m| {
                let d = m.remove("deadline").unwrap();
                m.insert("deadlne".into(), d);
            }),
        ),
        (
            "unknown status",
            with(&|m| {
                m.insert("status".into(), "finished".into());
            }),
        ),
        (
            "no lead",
            with(&|m| {
                m.insert("lead".into(), Value::Array(vec![]));
            }),
        ),
        (
            "unit name instead of id",
            with(&|m| {
                m.insert("support".into(), serde_json::json!(["Sở Tài chính"]));
            }),
        ),
        (
            "date that is not a date",
            with(&|m| {
                m.insert("done_on".into(), "2024-02-30".into());
            }),
        ),
        (
            "percent over 100",
            with(&|m| {
                m.insert(
                "progress".into(),
                serde_json::json!([{"date": "2024-06-01", "by": "so-tttt", "note": "x", "percent": 120}]),
            );
            }),
        ),
    ];
    for (what, doc) in cases {
        assert!(!errors(&task, &doc).is_empty(), "{what} was accepted");
    }

    // The schema mirrors the loader: a typo key, for one, is refused by both.
    let text = std::fs::read_to_string(root().join("plan/tasks/7/7.4.toml"))
        .unwrap()
        .replacen("deadline =", "deadlne =", 1);
    assert!(tiendo::load::parse::<tiendo::load::RawTask>(&text, "7.4.toml").is_err());
}
