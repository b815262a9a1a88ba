//! Showing a form again with its errors, the same way on every page.

use estive_sdk::prelude::*;
use serde_json::Value;

/// The form view shown again with a 422: the errors by field (catalogue
/// keys, translated by the template), the list for the error summary, the
/// values as typed, and the count of errors in the page title.
pub fn invalid(view: View, error: &Error, req: &Request) -> View {
    let list: Vec<Value> = error
        .field_errors()
        .iter()
        .map(|e| json!({ "field": e.field, "message": e.message }))
        .collect();
    let title = i18n::t_args(
        "title-with-errors",
        &[("count", &list.len().to_string()), ("title", &view.title)],
    );
    view.title(title)
        .set("errors", error.field_messages())
        .set("error_list", list)
        .set("values", values(req))
        .status(422)
}

/// The form's values by name (the first of a repeated name), and every
/// value of repeated names under `<name>[]` for checkboxes.
pub fn values(req: &Request) -> Value {
    let mut map = serde_json::Map::new();
    for (name, value) in req.form_pairs() {
        map.entry(name.clone())
            .or_insert_with(|| Value::String(value.clone()));
        let list = map
            .entry(format!("{name}[]"))
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(items) = list {
            items.push(Value::String(value.clone()));
        }
    }
    Value::Object(map)
}
