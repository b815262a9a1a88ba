//! The frozen API 1.0 plugin.
//!
//! Built once against `wit/v1.0.0` with wit-bindgen directly (not the SDK,
//! which moves on with the API) and committed as `plugin.wasm`, so that the
//! host's tests keep proving it serves plugins built for estive:plugin@1.0.0.
//! It touches every part of the 1.0 contract a conversion between API
//! versions could get wrong: every column type written and read back, every
//! kind of condition used here, transactions with publications and audit
//! entries, single-row writes, events, schedules, widgets, settings, the
//! clock, the catalogues, the log and the RGPD hooks.
//!
//! Values read from storage are shown with their variant (`integer:42`,
//! `text:2026-12-07T09:00:00Z`, `null`…), so that a test reading the page
//! sees exactly what the host handed over.
//!
//! Do not change this file without rebuilding `plugin.wasm` (`build.sh`),
//! and do not change it at all once committed: it is a record.

wit_bindgen::generate!({
    path: "../../../wit/v1.0.0",
    world: "estive:plugin/plugin@1.0.0",
});

use estive::plugin::storage::{
    self, AuditEntry, Cell, Cells, Condition, Function, Measure, Operation, Order, Outcome,
    Publication, RowAggregate, RowDelete, RowInsert, RowQuery, RowUpdate, RowUpsert, Rows, Search,
    StorageError, Value,
};
// `Context`, `Request`, `Response`, `Error`, `View` and `Event` are in scope
// already: the world `use`s them from `types`.
use estive::plugin::types::{Download, FieldError, Method, Redirect};
use estive::plugin::{clock, config, i18n, log};
use serde_json::{Map, Value as JsonValue, json};

// The host reads this custom section before instantiating the component:
// the API version the component was built against, as the SDK stamps it.
#[cfg(target_arch = "wasm32")]
#[used]
#[unsafe(link_section = "estive:api-version")]
static ESTIVE_API_VERSION: [u8; 5] = *b"1.0.0";

/// The declared columns of `notes`, in the order pages and files show them.
const NOTE_COLUMNS: [&str; 11] = [
    "name", "slug", "status", "count", "ratio", "done", "due", "at", "meta", "blob", "user_id",
];

struct Frozen;

export!(Frozen);

impl Guest for Frozen {
    fn handle(req: Request) -> Result<Response, Error> {
        match (req.route.as_str(), req.method) {
            ("list", Method::Get) => list(&req),
            ("list", Method::Post) => create(&req),
            ("note", Method::Get) => show(&req),
            ("note", Method::Post) => change(&req),
            ("download", _) => download(),
            ("review", _) => review(&req),
            _ => Err(Error::NotFound(String::new())),
        }
    }

    fn on_event(_ctx: Context, ev: Event) -> Result<(), String> {
        // Keyed on the event's id: a second delivery of the same event
        // changes nothing.
        let row = vec![
            cell("event_id", Value::Integer(ev.id as i64)),
            cell("topic", text(&ev.topic)),
            cell("payload", text(&ev.payload)),
            cell("published_at", text(&ev.published_at)),
        ];
        storage::upsert(&RowUpsert {
            table: "received".into(),
            row,
            key: vec!["event_id".into()],
            links: vec![],
        })
        .map_err(|e| format!("{e:?}"))?;
        log::write(log::Level::Info, &format!("event {} received", ev.topic));
        Ok(())
    }

    fn on_schedule(_ctx: Context, task: String) -> Result<(), String> {
        if task != "tick" {
            return Err(format!("unknown task {task}"));
        }
        let now = clock::now();
        storage::insert(&RowInsert {
            table: "ticks".into(),
            row: vec![cell("task", text(&task)), cell("at", text(&now.local))],
            links: vec![],
        })
        .map_err(|e| format!("{e:?}"))?;
        Ok(())
    }

    fn widget(_ctx: Context, name: String) -> Result<Option<View>, Error> {
        if name != "latest" {
            return Ok(None);
        }
        let count = count_notes(vec![open_or_closed()])?;
        let latest = storage::query(&RowQuery {
            table: "notes".into(),
            columns: vec!["name".into()],
            filter: vec![open_or_closed()],
            order: vec![desc("id")],
            limit: Some(1),
            offset: None,
        })
        .map_err(storage_error)?;
        let latest = latest.rows.first().map(|row| describe(&row[0]));
        Ok(Some(View {
            template: "widget.html".into(),
            context: json!({ "summary": summary(count), "latest": latest }).to_string(),
            title: String::new(),
            status: 200,
        }))
    }

    fn export_user_data(_ctx: Context, user_id: String) -> Result<String, String> {
        let rows = storage::query(&RowQuery {
            table: "notes".into(),
            columns: vec!["name".into(), "slug".into(), "at".into(), "meta".into()],
            filter: vec![Condition::Eq(cell("user_id", text(&user_id)))],
            order: vec![asc("id")],
            limit: None,
            offset: None,
        })
        .map_err(|e| format!("{e:?}"))?;
        let notes: Vec<JsonValue> = rows
            .rows
            .iter()
            .map(|row| {
                let object: Map<String, JsonValue> = rows
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(column, value)| (column.clone(), plain_json(value)))
                    .collect();
                JsonValue::Object(object)
            })
            .collect();
        Ok(json!({ "notes": notes }).to_string())
    }

    fn erase_user_data(_ctx: Context, user_id: String) -> Result<(), String> {
        storage::delete(&RowDelete {
            table: "notes".into(),
            filter: vec![Condition::Eq(cell("user_id", text(&user_id)))],
        })
        .map_err(|e| format!("{e:?}"))?;
        Ok(())
    }
}

/// GET `/`: the notes, filtered by the query string, newest first.
fn list(req: &Request) -> Result<Response, Error> {
    let settings: JsonValue = serde_json::from_str(&config::settings())
        .map_err(|e| Error::Internal(format!("settings: {e}")))?;
    let page_size = settings["page_size"].as_u64().unwrap_or(50) as u32;

    let mut filter = vec![open_or_closed()];
    let q = first(&req.query, "q").unwrap_or_default();
    if !q.trim().is_empty() {
        filter.push(Condition::Matches(Search {
            columns: vec!["name".into(), "slug".into()],
            text: q.clone(),
        }));
    }
    let only_done = first(&req.query, "done").is_some();
    if only_done {
        filter.push(Condition::Eq(cell("done", Value::Boolean(true))));
    }

    let mut columns = vec!["id".to_string()];
    columns.extend(NOTE_COLUMNS.iter().map(|c| c.to_string()));
    let rows = storage::query(&RowQuery {
        table: "notes".into(),
        columns,
        filter: filter.clone(),
        order: vec![desc("at"), desc("id")],
        limit: Some(page_size),
        offset: None,
    })
    .map_err(storage_error)?;
    let count = count_notes(filter)?;

    let now = clock::now();
    log::write(log::Level::Debug, "list shown");
    let ctx = &req.context;
    let context = json!({
        "notes": notes_json(&rows),
        "summary": summary(count.clone()),
        "count": describe(&count),
        "motto": settings["motto"],
        "page_size": page_size,
        "today": now.today,
        "q": q,
        "only_done": only_done,
        "site": {
            "slug": ctx.site.slug,
            "name": ctx.site.name,
            "timezone": ctx.site.timezone,
            "base_url": ctx.site.base_url,
        },
        "locale": ctx.locale,
        "mounts": ctx.mounts.iter().map(|(a, p)| format!("{a}={p}")).collect::<Vec<_>>(),
        "signed_in": ctx.user.as_ref().map(|u| u.name.clone()),
        "has_visitor": !req.client.visitor.is_empty(),
    });
    Ok(Response::View(View {
        template: "list.html".into(),
        context: context.to_string(),
        title: i18n::translate("frozen-title", &[]),
        status: 200,
    }))
}

/// POST `/`: add a note, publishing `frozen.noted` and auditing it in the
/// same transaction.
fn create(req: &Request) -> Result<Response, Error> {
    let form = &req.form;
    let mut errors = Vec::new();
    let name = first(form, "name").unwrap_or_default().trim().to_string();
    if name.is_empty() {
        errors.push(field_error("name", "frozen-name-required"));
    }
    let count = match first(form, "count").unwrap_or_default().trim() {
        "" => Value::Null,
        n => match n.parse::<i64>() {
            Ok(n) => Value::Integer(n),
            Err(_) => {
                errors.push(field_error("count", "frozen-not-a-number"));
                Value::Null
            }
        },
    };
    let ratio = match first(form, "ratio").unwrap_or_default().trim() {
        "" => Value::Null,
        n => match n.parse::<f64>() {
            Ok(n) => Value::Float(n),
            Err(_) => {
                errors.push(field_error("ratio", "frozen-not-a-number"));
                Value::Null
            }
        },
    };
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let status = first(form, "status").unwrap_or_else(|| "open".into());
    let slug = slugify(&name);
    let user_id = req.context.user.as_ref().map(|u| u.id.clone());

    let row = vec![
        cell("name", text(&name)),
        cell("slug", text(&slug)),
        cell("status", text(&status)),
        cell("count", count),
        cell("ratio", ratio),
        cell("done", Value::Boolean(first(form, "done").is_some())),
        cell("due", optional_text(first(form, "due"))),
        cell("at", optional_text(first(form, "at"))),
        cell("meta", optional_text(first(form, "meta"))),
        cell(
            "blob",
            match first(form, "blob").unwrap_or_default() {
                b if b.is_empty() => Value::Null,
                b => Value::Bytes(b.into_bytes()),
            },
        ),
        cell("user_id", user_id.map_or(Value::Null, Value::Text)),
    ];
    let ops = vec![
        Operation::Insert(RowInsert {
            table: "notes".into(),
            row,
            links: vec![],
        }),
        Operation::Publish(Publication {
            name: "noted".into(),
            payload: json!({ "name": name, "slug": slug }).to_string(),
        }),
        Operation::Audit(AuditEntry {
            action: "note.created".into(),
            subject: format!("note:{slug}"),
            details: json!({ "name": name }).to_string(),
        }),
    ];
    let outcomes = storage::transaction(&ops).map_err(storage_error)?;
    // One outcome per operation, each of the kind its operation gives.
    let id = match outcomes.as_slice() {
        [Outcome::Inserted(id), Outcome::Done, Outcome::Done] => *id,
        other => return Err(Error::Internal(format!("unexpected outcomes {other:?}"))),
    };
    log::write(log::Level::Info, &format!("note {id} created"));
    Ok(Response::Redirect(Redirect {
        location: format!("{}/", req.context.base_path),
        notice: Some("frozen-saved".into()),
    }))
}

/// GET `/notes/{id}`: one note, every column.
fn show(req: &Request) -> Result<Response, Error> {
    let id = note_id(req)?;
    // No columns named: `id` and every declared column.
    let rows = storage::query(&RowQuery {
        table: "notes".into(),
        columns: vec![],
        filter: vec![Condition::Eq(cell("id", Value::Integer(id)))],
        order: vec![],
        limit: Some(1),
        offset: None,
    })
    .map_err(storage_error)?;
    let note = notes_json(&rows)
        .into_iter()
        .next()
        .ok_or_else(|| Error::NotFound("frozen-not-found".into()))?;
    let name = note["cells"]["name"].as_str().unwrap_or_default();
    let title = name.strip_prefix("text:").unwrap_or(name).to_string();
    let columns: Vec<&str> = rows.columns.iter().map(String::as_str).collect();
    Ok(Response::View(View {
        template: "note.html".into(),
        // Under API 1.0 the breadcrumb is the context's `breadcrumb` key.
        context: json!({
            "note": note,
            "name": title,
            "columns": columns,
            "breadcrumb": [{
                "title": i18n::translate("frozen-title", &[]),
                "url": format!("{}/", req.context.base_path),
            }],
        })
        .to_string(),
        title,
        status: 200,
    }))
}

/// POST `/notes/{id}`: rename (update), archive (update) or delete.
fn change(req: &Request) -> Result<Response, Error> {
    let id = note_id(req)?;
    let this = || vec![Condition::Eq(cell("id", Value::Integer(id)))];
    let base = &req.context.base_path;
    let (changed, location, notice) = match first(&req.form, "action").as_deref() {
        Some("rename") => {
            let name = first(&req.form, "name")
                .unwrap_or_default()
                .trim()
                .to_string();
            if name.is_empty() {
                return Err(Error::Invalid(vec![field_error(
                    "name",
                    "frozen-name-required",
                )]));
            }
            let n = storage::update(&RowUpdate {
                table: "notes".into(),
                filter: this(),
                set: vec![cell("name", text(&name))],
            })
            .map_err(storage_error)?;
            (n, format!("{base}/notes/{id}"), "frozen-renamed")
        }
        Some("archive") => {
            let n = storage::update(&RowUpdate {
                table: "notes".into(),
                filter: this(),
                set: vec![cell("status", text("archived"))],
            })
            .map_err(storage_error)?;
            (n, format!("{base}/"), "frozen-archived")
        }
        Some("delete") => {
            let n = storage::delete(&RowDelete {
                table: "notes".into(),
                filter: this(),
            })
            .map_err(storage_error)?;
            (n, format!("{base}/"), "frozen-deleted")
        }
        _ => {
            return Err(Error::Invalid(vec![field_error(
                "action",
                "frozen-no-action",
            )]));
        }
    };
    if changed != 1 {
        return Err(Error::NotFound("frozen-not-found".into()));
    }
    Ok(Response::Redirect(Redirect {
        location,
        notice: Some(notice.into()),
    }))
}

/// GET `/notes.csv`: every note of the site, oldest first.
fn download() -> Result<Response, Error> {
    let mut columns = vec!["id".to_string()];
    columns.extend(NOTE_COLUMNS.iter().map(|c| c.to_string()));
    let rows = storage::query(&RowQuery {
        table: "notes".into(),
        columns: columns.clone(),
        filter: vec![],
        order: vec![asc("id")],
        limit: None,
        offset: None,
    })
    .map_err(storage_error)?;
    let mut csv = csv_line(&columns);
    for row in &rows.rows {
        let fields: Vec<String> = row.iter().map(plain_text).collect();
        csv.push_str(&csv_line(&fields));
    }
    Ok(Response::Download(Download {
        content_type: "text/csv; charset=utf-8".into(),
        filename: "notes.csv".into(),
        inline: false,
        body: csv.into_bytes(),
    }))
}

/// GET extranet `/` (permission `frozen.review`): the events received, the
/// scheduled runs, and who is looking.
fn review(req: &Request) -> Result<Response, Error> {
    let all = |table: &str| {
        storage::query(&RowQuery {
            table: table.into(),
            columns: vec![],
            filter: vec![],
            order: vec![asc("id")],
            limit: None,
            offset: None,
        })
        .map_err(storage_error)
    };
    let received = all("received")?;
    let ticks = all("ticks")?;
    let user = req.context.user.as_ref().map(|u| {
        json!({
            "name": u.name,
            "roles": u.roles,
            "permissions": u.permissions,
            "groups": u.groups,
        })
    });
    Ok(Response::View(View {
        template: "review.html".into(),
        context: json!({
            "received": notes_json(&received),
            "ticks": notes_json(&ticks),
            "viewer": user,
        })
        .to_string(),
        title: i18n::translate("frozen-review-title", &[]),
        status: 200,
    }))
}

// ---- helpers ----

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn optional_text(s: Option<String>) -> Value {
    match s {
        Some(s) if !s.trim().is_empty() => Value::Text(s),
        _ => Value::Null,
    }
}

fn cell(column: &str, value: Value) -> Cell {
    Cell {
        column: column.into(),
        value,
    }
}

fn asc(column: &str) -> Order {
    Order {
        column: column.into(),
        descending: false,
    }
}

fn desc(column: &str) -> Order {
    Order {
        column: column.into(),
        descending: true,
    }
}

/// Notes that are listed: not archived.
fn open_or_closed() -> Condition {
    Condition::OneOf(Cells {
        column: "status".into(),
        values: vec![text("open"), text("closed")],
    })
}

/// The number of notes matching `filter`, as the host returned it.
fn count_notes(filter: Vec<Condition>) -> Result<Value, Error> {
    let rows = storage::aggregate(&RowAggregate {
        table: "notes".into(),
        filter,
        group_by: vec![],
        measures: vec![Measure {
            function: Function::Count,
            column: None,
            name: "notes".into(),
        }],
        order: vec![],
        limit: None,
    })
    .map_err(storage_error)?;
    match (rows.columns.as_slice(), rows.rows.as_slice()) {
        ([column], [row]) if column == "notes" && row.len() == 1 => Ok(row[0].clone()),
        _ => Err(Error::Internal(format!("unexpected aggregate {rows:?}"))),
    }
}

/// "2 notes", from the catalogue, with the count as its argument.
fn summary(count: Value) -> String {
    let n = match count {
        Value::Integer(n) => n.to_string(),
        other => plain_text(&other),
    };
    i18n::translate("frozen-summary", &[("count".into(), n)])
}

/// The first value of `name` in form or query pairs.
fn first(pairs: &[(String, String)], name: &str) -> Option<String> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

fn note_id(req: &Request) -> Result<i64, Error> {
    first(&req.params, "id")
        .and_then(|id| id.parse::<i64>().ok())
        .ok_or_else(|| Error::NotFound("frozen-not-found".into()))
}

fn field_error(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

/// A storage error as the page shows it: a unique name taken is a conflict,
/// a value the host refused is a field error on that column.
fn storage_error(e: StorageError) -> Error {
    match e {
        StorageError::Conflict(_) => Error::Conflict("frozen-taken".into()),
        StorageError::InvalidValue(message) => {
            // The host names the column between backticks.
            let field = message.split('`').nth(1).unwrap_or_default().to_string();
            Error::Invalid(vec![FieldError { field, message }])
        }
        other => Error::Internal(format!("{other:?}")),
    }
}

/// Lowercase letters and digits, words joined by `-`.
fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// A value with its variant, exactly as the host handed it over.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Boolean(b) => format!("boolean:{b}"),
        Value::Integer(i) => format!("integer:{i}"),
        Value::Float(f) => format!("float:{f}"),
        Value::Text(s) => format!("text:{s}"),
        Value::Bytes(b) => format!("bytes:{}", hex(b)),
    }
}

/// A value as a file shows it: no variant, NULL empty.
fn plain_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Boolean(b) => b.to_string(),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Text(s) => s.clone(),
        Value::Bytes(b) => hex(b),
    }
}

/// A value in the RGPD export.
fn plain_json(v: &Value) -> JsonValue {
    match v {
        Value::Null => JsonValue::Null,
        Value::Boolean(b) => json!(b),
        Value::Integer(i) => json!(i),
        Value::Float(f) => json!(f),
        Value::Text(s) => json!(s),
        Value::Bytes(b) => json!(hex(b)),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Rows as `{id, cells: {column: described value}}` objects.
fn notes_json(rows: &Rows) -> Vec<JsonValue> {
    rows.rows
        .iter()
        .map(|row| {
            let mut cells = Map::new();
            let mut id = JsonValue::Null;
            for (column, value) in rows.columns.iter().zip(row) {
                if let ("id", Value::Integer(i)) = (column.as_str(), value) {
                    id = json!(i);
                }
                cells.insert(column.clone(), json!(describe(value)));
            }
            json!({ "id": id, "cells": cells })
        })
        .collect()
}

/// One CSV line, fields quoted when they need it.
fn csv_line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    format!("{}\r\n", quoted.join(","))
}
