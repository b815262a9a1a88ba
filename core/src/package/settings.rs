//! A plugin's settings on one site: validated against the manifest's schema,
//! stored as a JSON object, handed to the plugin with defaults filled in.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::manifest::{Manifest, SettingType, setting_from_toml};

pub use super::manifest::check_value;

/// The stored settings with the manifest's defaults for what is missing.
/// Keys no longer in the schema are dropped.
pub fn effective(manifest: &Manifest, stored: &Value) -> Value {
    let mut out = Map::new();
    for s in &manifest.settings {
        // An emptied field is stored as null: the default applies then too.
        let v = stored
            .get(&s.name)
            .filter(|v| !v.is_null())
            .cloned()
            .or_else(|| s.default.as_ref().map(setting_from_toml))
            .unwrap_or(Value::Null);
        out.insert(s.name.clone(), v);
    }
    Value::Object(out)
}

/// Read the settings form (field name = setting name) into a JSON object,
/// checking every field. Returns all field errors at once; nothing is kept
/// when any field is wrong.
pub fn from_form(
    manifest: &Manifest,
    form: &[(String, String)],
) -> Result<Value, BTreeMap<String, String>> {
    let mut out = Map::new();
    let mut errors = BTreeMap::new();
    let get = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim());
    for s in &manifest.settings {
        let raw = get(&s.name);
        let value = match s.kind {
            SettingType::Boolean => Ok(Value::Bool(matches!(raw, Some("on" | "true" | "1")))),
            _ if raw.is_none_or(str::is_empty) => Ok(Value::Null),
            SettingType::Integer => raw
                .unwrap_or_default()
                .parse::<i64>()
                .map(Value::from)
                .map_err(|_| "field-not-a-number".to_string()),
            SettingType::Float => raw
                .unwrap_or_default()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number)
                .ok_or_else(|| "field-not-a-number".to_string()),
            SettingType::List => Ok(Value::Array(
                raw.unwrap_or_default()
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| Value::String(l.to_string()))
                    .collect(),
            )),
            _ => Ok(Value::String(raw.unwrap_or_default().replace("\r\n", "\n"))),
        };
        match value.and_then(|v| check_value(s, &v).map(|()| v)) {
            Ok(v) => {
                out.insert(s.name.clone(), v);
            }
            Err(e) => {
                errors.insert(s.name.clone(), e);
            }
        }
    }
    if errors.is_empty() {
        Ok(Value::Object(out))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        Manifest::parse(
            r#"
name = "canteen"
version = "1.0.0"
api = "^1"
title = { fr = "Cantine" }
default-path = "cantine"

[[settings]]
name = "deadline"
type = "time"
title = { fr = "Heure limite" }
default = "09:30"

[[settings]]
name = "capacity"
type = "integer"
title = { fr = "Capacité" }
min = 1
max = 500

[[settings]]
name = "zone"
type = "choice"
title = { fr = "Zone" }
choices = ["A", "B", "C"]
required = true
"#,
        )
        .unwrap()
    }

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn every_bad_field_is_reported_and_nothing_kept() {
        let errors = from_form(
            &manifest(),
            &form(&[("deadline", "9h"), ("capacity", "0"), ("zone", "D")]),
        )
        .unwrap_err();
        assert_eq!(errors["deadline"], "field-invalid-time");
        assert_eq!(errors["capacity"], "field-out-of-range");
        assert_eq!(errors["zone"], "field-not-a-choice");
    }

    #[test]
    fn good_form_gives_typed_values() {
        let v = from_form(
            &manifest(),
            &form(&[("deadline", "10:00"), ("capacity", "120"), ("zone", "B")]),
        )
        .unwrap();
        assert_eq!(v["capacity"], 120);
        assert_eq!(v["deadline"], "10:00");
    }

    #[test]
    fn defaults_fill_missing_settings() {
        let v = effective(
            &manifest(),
            &serde_json::json!({"zone": "A", "gone": 1, "deadline": null}),
        );
        assert_eq!(
            v["deadline"], "09:30",
            "an emptied setting takes its default"
        );
        assert_eq!(v["zone"], "A");
        assert!(v.get("gone").is_none());
    }
}
