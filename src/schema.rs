//! JSON Schemas of the plan files, for editors (taplo / Even Better TOML) and scripts.
//!
//! Owns turning the serde mirrors in `load` (`RawPlan`, `RawUnits`, `RawTask`) into JSON Schema
//! draft 7, so the schema is generated from the same types the loader parses and cannot drift
//! from them. The field schemas `load` points at with `#[schemars(schema_with = …)]` live here
//! too: TOML dates (validated by taplo as strings with format `date`), unit ids, and the closed
//! sets (status, unit kind) taken from the model's own lists. What the schema cannot say
//! (unknown unit ids, group counts, dates in order) stays `check`'s business.

use schemars::generate::SchemaSettings;
use schemars::{Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::edit::FileKind;
use crate::load::{RawPlan, RawTask, RawUnits};
use crate::model::plan::{TaskStatus, UnitKind};

/// The pattern every unit id follows (`so-tttt`).
pub const UNIT_ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The schema of one file kind, pretty-printed, ending in a newline.
pub fn json(kind: FileKind) -> String {
    let generator = SchemaSettings::draft07().into_generator();
    let (mut schema, title) = match kind {
        FileKind::Task => (
            generator.into_root_schema_for::<RawTask>(),
            "tiendo task file (plan/tasks/**/*.toml)",
        ),
        FileKind::Units => (
            generator.into_root_schema_for::<RawUnits>(),
            "tiendo units registry (plan/units.toml)",
        ),
        FileKind::Plan => (
            generator.into_root_schema_for::<RawPlan>(),
            "tiendo plan (plan/plan.toml)",
        ),
    };
    schema.insert("title".into(), title.into());
    let mut value = schema.to_value();
    drop_null(&mut value);
    // Serialising a `Value` cannot fail.
    let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
    s.push('\n');
    s
}

/// TOML has no null: an optional key is simply left out. schemars writes `Option<T>` as
/// "T or null" with a null default, which would make editors offer `null`; take both out.
fn drop_null(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.get("default") == Some(&Value::Null) {
                map.remove("default");
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(alts)) = map.get_mut(key) {
                    alts.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                    if alts.len() == 1 {
                        let only = alts.remove(0);
                        map.remove(key);
                        if let Value::Object(inner) = only {
                            for (k, v) in inner {
                                map.entry(k).or_insert(v);
                            }
                        }
                    }
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// A TOML local date (`2024-03-05`). Taplo hands dates to the validator as strings.
pub fn date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "format": "date",
    })
}

pub fn unit_id(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": UNIT_ID_PATTERN,
    })
}

pub fn unit_ids(g: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "items": unit_id(g),
    })
}

/// At least one lead unit.
pub fn lead_ids(g: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "items": unit_id(g),
        "minItems": 1,
    })
}

pub fn task_status(_: &mut SchemaGenerator) -> Schema {
    let keys: Vec<&str> = TaskStatus::ALL.iter().map(|s| s.key()).collect();
    json_schema!({
        "type": "string",
        "enum": keys,
    })
}

pub fn unit_kind(_: &mut SchemaGenerator) -> Schema {
    let keys: Vec<&str> = UnitKind::ALL.iter().map(|k| k.key()).collect();
    json_schema!({
        "type": "string",
        "enum": keys,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_keys_do_not_admit_null() {
        for kind in [FileKind::Task, FileKind::Units, FileKind::Plan] {
            let s = json(kind);
            assert!(!s.contains("null"), "{kind:?} schema mentions null");
        }
    }

    #[test]
    fn task_schema_lists_status_values_and_date_format() {
        let v: Value = serde_json::from_str(&json(FileKind::Task)).unwrap();
        let props = &v["properties"];
        assert_eq!(
            props["status"]["enum"],
            serde_json::json!(["todo", "doing", "done", "dropped"])
        );
        assert_eq!(props["done_on"]["format"], "date");
        assert_eq!(props["lead"]["minItems"], 1);
        assert_eq!(v["additionalProperties"], false);
        let required: Vec<&str> = v["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(
            required,
            ["id", "group", "title", "lead", "deadline", "status"]
        );
    }
}
