//! Measurements fed by other plugins' events.
//!
//! The plugin subscribes to `polls.closed` (`{poll_id, title, closed_at,
//! participants, questions}`), `jobs.season-figures` (`{season, date,
//! published, share_filled, share_housing, by_contract: {…}}`, daily),
//! `housing.season-figures` (`{season, date, homes, beds, median_rent,
//! requests, requests_met, share_met, by_commune: {…}}`, daily) and
//! `canteen.day-locked` (`{school, date,
//! totals: {meal_type: count}, total}`). A manager maps a topic and a
//! numeric field of its payload (a dotted path such as `participants` or
//! `totals.vegetarian`) to an indicator, with the period the value is
//! dated to (the day, or the start of its month or year) and whether it
//! adds to the value already there or replaces it.
//!
//! Every event received is kept with its payload and what became of it.
//! An event nobody mapped is ignored with a log line — not an error, so
//! the host does not offer it again — and stays listed: once a mapping
//! exists it can be applied again, so nothing is lost.

use std::collections::HashMap;

use estive_sdk::dates::Date;
use estive_sdk::db::Measure;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::axes::can;
use crate::measurements::{ADDED, added_payload};
use crate::model::{Indicator, Mapping, Measurement, ORIGIN_EVENT, ReceivedEvent, TOPICS, now_utc};
use crate::{forms, history, programme};

pub const APPLIED: &str = "applied";
pub const IGNORED: &str = "ignored";

/// What became of one mapping of an event (or of the event when nothing
/// maps its topic).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The payload field, empty when no mapping exists for the topic.
    pub field: String,
    pub indicator_id: Option<i64>,
    /// `applied`, `no-mapping`, `missing`, `not-a-number` or `no-date`.
    pub result: String,
    pub value: Option<f64>,
    pub measured_on: Option<Date>,
}

/// The number at a dotted path of a payload (`totals.vegetarian`); a
/// number written as text counts too.
pub fn number_at(payload: &Value, path: &str) -> Result<f64, &'static str> {
    let mut node = payload;
    for key in path.split('.') {
        node = match node {
            Value::Object(map) => map.get(key).ok_or("missing")?,
            Value::Array(items) => key
                .parse::<usize>()
                .ok()
                .and_then(|i| items.get(i))
                .ok_or("missing")?,
            _ => return Err("missing"),
        };
    }
    match node {
        Value::Number(n) => n.as_f64().filter(|f| f.is_finite()).ok_or("not-a-number"),
        Value::String(s) => crate::numbers::parse_decimal(s).ok_or("not-a-number"),
        Value::Null => Err("missing"),
        _ => Err("not-a-number"),
    }
}

/// The date an event is about: its `date`, else `closed_at` (the first
/// ten characters of a date-time), else the day it was published.
pub fn event_date(payload: &Value, published_at: &str) -> Option<Date> {
    ["date", "closed_at", "day", "measured_on"]
        .iter()
        .filter_map(|k| payload.get(*k).and_then(Value::as_str))
        .chain(std::iter::once(published_at))
        .find_map(|text| text.get(..10).and_then(Date::parse))
}

/// The date a value is filed under for a period: the day itself, or the
/// first day of its month or year.
pub fn bucket(date: Date, period: &str) -> Date {
    match period {
        "month" => date.first_of_month(),
        "year" => Date::new(date.year(), 1, 1).unwrap_or(date),
        _ => date,
    }
}

/// The dotted paths of every number in a payload, to suggest fields.
pub fn numeric_paths(payload: &Value) -> Vec<String> {
    fn walk(node: &Value, prefix: &str, out: &mut Vec<String>) {
        match node {
            Value::Number(_) => out.push(prefix.to_owned()),
            Value::Object(map) => {
                for (key, value) in map {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(value, &path, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(payload, "", &mut out);
    out
}

/// The stored whole-territory values by indicator and date: their row and
/// value.
pub type Stored = HashMap<(i64, Date), (i64, f64)>;

/// A value to write: the indicator, the date and the new value.
#[derive(Clone, Debug, PartialEq)]
pub struct Write {
    pub indicator_id: i64,
    pub on: Date,
    pub value: f64,
    /// The value stored before, if any (and its row).
    pub before: Option<(i64, f64)>,
}

/// Works out, without touching storage, what an event does: one outcome
/// per mapping, and one write per indicator and date, combining the
/// mappings that feed the same value in order (`sum` adds, `replace`
/// overwrites) starting from what is stored.
pub fn plan(
    mappings: &[Mapping],
    payload: &Value,
    published_at: &str,
    stored: &Stored,
) -> (Vec<Outcome>, Vec<Write>) {
    if mappings.is_empty() {
        let outcome = Outcome {
            field: String::new(),
            indicator_id: None,
            result: "no-mapping".into(),
            value: None,
            measured_on: None,
        };
        return (vec![outcome], Vec::new());
    }
    let date = event_date(payload, published_at);
    let mut outcomes = Vec::new();
    let mut writes: Vec<Write> = Vec::new();
    for mapping in mappings {
        let mut outcome = Outcome {
            field: mapping.field.clone(),
            indicator_id: Some(mapping.indicator_id),
            result: APPLIED.into(),
            value: None,
            measured_on: None,
        };
        let found = number_at(payload, &mapping.field);
        match (found, date) {
            (Err(reason), _) => outcome.result = reason.into(),
            (Ok(_), None) => outcome.result = "no-date".into(),
            (Ok(value), Some(date)) => {
                let on = bucket(date, &mapping.period);
                outcome.value = Some(value);
                outcome.measured_on = Some(on);
                let key = (mapping.indicator_id, on);
                let write = match writes
                    .iter_mut()
                    .find(|w| w.indicator_id == key.0 && w.on == on)
                {
                    Some(w) => w,
                    None => {
                        let before = stored.get(&key).copied();
                        writes.push(Write {
                            indicator_id: key.0,
                            on,
                            value: before.map_or(0.0, |(_, v)| v),
                            before,
                        });
                        writes.last_mut().expect("just pushed")
                    }
                };
                write.value = if mapping.combine == "replace" {
                    value
                } else {
                    write.value + value
                };
            }
        }
        outcomes.push(outcome);
    }
    (outcomes, writes)
}

/// The mappings of a topic.
fn mappings_of(topic: &str) -> Result<Vec<Mapping>, Error> {
    db::select("mappings")
        .filter(eq("topic", topic))
        .order_asc("id")
        .fetch()
}

/// Why a transaction was refused by our own expectations.
const ALREADY: &str = "event-already-handled";
const CHANGED: &str = "values-changed-meanwhile";

/// Applies an event's mappings (a new event, or an ignored one again when
/// `row` is its stored row), keeping what became of it. Returns the
/// number of values written, or `None` when it had already been handled.
fn apply(event: &ReceivedEvent, row: Option<i64>) -> Result<Option<usize>, Error> {
    let mappings = mappings_of(&event.topic)?;
    let indicators: HashMap<i64, Indicator> = programme::indicators()?
        .into_iter()
        .map(|i| (i.id(), i))
        .collect();
    // Mappings to an indicator since removed are left out.
    let mappings: Vec<Mapping> = mappings
        .into_iter()
        .filter(|m| indicators.contains_key(&m.indicator_id))
        .collect();
    for _attempt in 0..3 {
        let stored = stored_values(&mappings, event)?;
        let (outcomes, writes) = plan(&mappings, &event.payload, &event.published_at, &stored);
        let status = if writes.is_empty() { IGNORED } else { APPLIED };
        let mut tx = db::transaction();
        match row {
            None => {
                tx.expect_none("received_events", [eq("event_id", event.event_id)], ALREADY);
                tx.insert(
                    "received_events",
                    &ReceivedEvent {
                        status: status.into(),
                        outcomes: outcomes.clone(),
                        received_at: Some(now_utc()),
                        ..event.clone()
                    },
                );
            }
            Some(id) => {
                tx.expect(
                    "received_events",
                    [eq("id", id), eq("status", IGNORED)],
                    Measure::count_rows(),
                    Some(1.0),
                    Some(1.0),
                    ALREADY,
                );
                tx.update(
                    db::update("received_events")
                        .filter(eq("id", id))
                        .set("status", status)
                        .set_json("outcomes", &outcomes),
                );
            }
        }
        for w in &writes {
            let indicator = &indicators[&w.indicator_id];
            let m = Measurement {
                id: None,
                indicator_id: w.indicator_id,
                measured_on: w.on,
                commune: String::new(),
                value: w.value,
                source: indicator.source.clone(),
                comment: format!("{} #{}", event.topic, event.event_id),
                author_id: None,
                author_name: String::new(),
                origin: ORIGIN_EVENT.into(),
                created_at: Some(now_utc()),
            };
            match w.before {
                Some((id, before)) => {
                    // The value must still be the one the sum started from.
                    tx.expect(
                        "measurements",
                        [eq("id", id)],
                        Measure::sum("value"),
                        Some(before),
                        Some(before),
                        CHANGED,
                    );
                    tx.update(
                        db::update("measurements")
                            .filter(eq("id", id))
                            .set("value", w.value)
                            .set("origin", ORIGIN_EVENT)
                            .set("comment", m.comment.as_str()),
                    );
                    tx.publish(ADDED, &added_payload(indicator, &m, Some(id)));
                }
                None => {
                    tx.expect_none(
                        "measurements",
                        [
                            eq("indicator_id", w.indicator_id),
                            eq("measured_on", w.on),
                            eq("commune", ""),
                        ],
                        CHANGED,
                    );
                    tx.insert("measurements", &m);
                    tx.publish(ADDED, &added_payload(indicator, &m, None));
                }
            }
        }
        match tx.commit() {
            Ok(_) => {
                for o in outcomes.iter().filter(|o| o.result != APPLIED) {
                    log::info!(
                        "event {} ({}) ignored for field `{}`: {}",
                        event.event_id,
                        event.topic,
                        o.field,
                        o.result
                    );
                }
                let actions: Vec<i64> = writes
                    .iter()
                    .filter_map(|w| indicators[&w.indicator_id].action_id)
                    .collect();
                if !writes.is_empty() {
                    history::record(&actions, &[]);
                }
                return Ok(Some(writes.len()));
            }
            Err(Error::Conflict(m)) if m == ALREADY => return Ok(None),
            Err(Error::Conflict(m)) if m == CHANGED => continue,
            Err(e) => return Err(e),
        }
    }
    Err(Error::internal(format!(
        "event {}: values kept changing while it was applied",
        event.event_id
    )))
}

/// The stored whole-territory values the event's writes may add to.
fn stored_values(mappings: &[Mapping], event: &ReceivedEvent) -> Result<Stored, Error> {
    let Some(date) = event_date(&event.payload, &event.published_at) else {
        return Ok(HashMap::new());
    };
    let mut dates: Vec<String> = mappings
        .iter()
        .map(|m| bucket(date, &m.period).to_string())
        .collect();
    dates.sort();
    dates.dedup();
    let ids: Vec<i64> = mappings.iter().map(|m| m.indicator_id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<Measurement> = db::select("measurements")
        .filter(one_of("indicator_id", ids))
        .filter(one_of("measured_on", dates))
        .filter(eq("commune", ""))
        .fetch()?;
    Ok(rows
        .into_iter()
        .map(|m| ((m.indicator_id, m.measured_on), (m.id(), m.value)))
        .collect())
}

/// Receives an event of a subscribed topic.
///
/// # Errors
///
/// When storage fails (the host offers the event again later). An event
/// that maps to nothing is not an error.
pub fn receive(event: &Event) -> Result<(), Error> {
    let payload: Value = serde_json::from_str(&event.payload).unwrap_or_else(|e| {
        log::warn!(
            "event {} ({}): payload is not JSON: {e}",
            event.id,
            event.topic
        );
        json!({ "raw": event.payload })
    });
    let received = ReceivedEvent {
        id: None,
        event_id: i64::try_from(event.id).unwrap_or(i64::MAX),
        topic: event.topic.clone(),
        payload,
        published_at: event.published_at.clone(),
        status: IGNORED.into(),
        outcomes: Vec::new(),
        received_at: None,
    };
    match apply(&received, None)? {
        None => log::debug!("event {} already handled", event.id),
        Some(0) => log::info!(
            "event {} ({}) ignored: no mapping applies to it; kept to apply later",
            event.id,
            event.topic
        ),
        Some(n) => log::info!("event {} ({}): {n} value(s) written", event.id, event.topic),
    }
    Ok(())
}

/// The form fields offered for each topic: documented ones, then those
/// seen in the last payload received.
fn known_fields(recent: &[ReceivedEvent]) -> Vec<Value> {
    TOPICS
        .iter()
        .map(|topic| {
            let mut fields: Vec<String> = match *topic {
                "polls.closed" => vec!["participants".into()],
                "canteen.day-locked" => vec!["total".into()],
                "jobs.season-figures" => vec![
                    "published".into(),
                    "share_filled".into(),
                    "share_housing".into(),
                ],
                "housing.season-figures" => vec!["homes".into(), "beds".into(), "share_met".into()],
                _ => Vec::new(),
            };
            if let Some(last) = recent.iter().find(|e| e.topic == *topic) {
                for path in numeric_paths(&last.payload) {
                    if !fields.contains(&path) && path != "poll_id" {
                        fields.push(path);
                    }
                }
            }
            json!({ "topic": topic, "fields": fields })
        })
        .collect()
}

/// The page of mappings and events; `invalid`, the errors of the mapping
/// form shown again.
fn page_view(req: &Request, invalid: Option<&Error>) -> Result<View, Error> {
    let indicators = programme::indicators()?;
    let titles: HashMap<i64, &str> = indicators
        .iter()
        .map(|i| (i.id(), i.title.as_str()))
        .collect();
    let mappings: Vec<Mapping> = db::select("mappings")
        .order_asc("topic")
        .order_asc("id")
        .fetch()?;
    let mappings: Vec<Value> = mappings
        .iter()
        .map(|m| {
            json!({
                "id": m.id, "topic": m.topic, "field": m.field, "indicator_id": m.indicator_id,
                "indicator_title": titles.get(&m.indicator_id), "period": m.period, "combine": m.combine,
            })
        })
        .collect();
    let recent: Vec<ReceivedEvent> = db::select("received_events")
        .order_desc("id")
        .limit(50)
        .fetch()?;
    let ignored = db::count("received_events")
        .filter(eq("status", IGNORED))
        .get()?;
    let events: Vec<Value> = recent
        .iter()
        .map(|e| {
            let mut payload = e.payload.to_string();
            if payload.chars().count() > 160 {
                payload = payload.chars().take(159).collect::<String>() + "…";
            }
            let outcomes: Vec<Value> = e
                .outcomes
                .iter()
                .map(|o| {
                    json!({
                        "field": o.field, "result": o.result, "value": o.value,
                        "measured_on": o.measured_on,
                        "indicator_title": o.indicator_id.and_then(|id| titles.get(&id)),
                    })
                })
                .collect();
            json!({
                "id": e.id, "event_id": e.event_id, "topic": e.topic, "status": e.status,
                "received_at": e.received_at, "payload": payload, "outcomes": outcomes,
            })
        })
        .collect();
    let indicator_options = forms::options(
        indicators
            .iter()
            .map(|i| (i.id(), format!("{} ({})", i.title, i.code))),
    );
    let topic_options = forms::options(TOPICS.iter().map(|tp| {
        let label = i18n::t(&format!("topic-{}", tp.replace('.', "-")));
        (*tp, format!("{label} ({tp})"))
    }));
    let form = Form::new("indicators")
        .label("topic", "col-topic")
        .label("field", "col-field")
        .label("indicator_id", "col-indicator")
        .label("period", "col-period")
        .label("combine", "col-combine");
    let form = match invalid {
        Some(e) => form.sent(req).errors(e),
        None => form.values(json!({ "period": "day", "combine": "sum", "replay": "on" })),
    };
    Ok(view("events.html")
        .title(i18n::t("events-title"))
        .crumb(i18n::t("manage-title"), req.url("/"))
        .set("mappings", mappings)
        .set("events", events)
        .set("ignored", ignored)
        .set("topic_options", topic_options)
        .set("fields", known_fields(&recent))
        .set("indicator_options", indicator_options)
        .set("can", can(req))
        .form(form))
}

/// `GET /evenements`: the mappings, the form to add one, and the events
/// received with what became of them.
pub fn page(req: &Request) -> Result<Response, Error> {
    Ok(page_view(req, None)?.into())
}

/// Whether a field path is made of names and indexes joined by dots.
pub fn is_field_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 100
        && path.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
}

/// `POST /evenements/correspondances`: map a field to an indicator, and
/// apply it to the events of that topic ignored so far when asked.
pub fn mapping_new(req: &Request) -> Result<Response, Error> {
    let indicators = programme::indicators()?;
    let ids: Vec<String> = indicators.iter().map(|i| i.id().to_string()).collect();
    let mut form = req.validator();
    let topic = form.choice("topic", &TOPICS).value();
    let field = form.text("field").required().max_len(100).value();
    if !field.is_empty() && !is_field_path(&field) {
        form.error("field", "error-field-path");
    }
    let indicator_id: i64 = form
        .choice("indicator_id", &ids)
        .value()
        .parse()
        .unwrap_or(0);
    let period = form
        .choice("period", &["day", "month", "year"])
        .or("day".into());
    let combine = form.choice("combine", &["sum", "replace"]).or("sum".into());
    let replay = form.checkbox("replay").value();
    if let Err(e) = form.finish() {
        return Ok(page_view(req, Some(&e))?.into());
    }
    let mapping = Mapping {
        id: None,
        topic: topic.clone(),
        field,
        indicator_id,
        period,
        combine,
    };
    let mut tx = db::transaction();
    tx.insert("mappings", &mapping);
    tx.audit(
        "mapping.created",
        &format!("indicator:{indicator_id}"),
        &json!({ "topic": mapping.topic, "field": mapping.field }),
    );
    if let Err(e) = tx.commit() {
        return match e {
            Error::Conflict(_) => {
                let taken = Error::invalid("field", "error-mapping-exists");
                Ok(page_view(req, Some(&taken))?.into())
            }
            other => Err(other),
        };
    }
    let mut applied = 0;
    if replay {
        let waiting: Vec<ReceivedEvent> = db::select("received_events")
            .filter(eq("topic", topic.as_str()))
            .filter(eq("status", IGNORED))
            .order_asc("event_id")
            .limit(200)
            .fetch()?;
        for event in &waiting {
            if let Some(n) = apply(event, event.id)?
                && n > 0
            {
                applied += 1;
            }
        }
    }
    let notice = if replay {
        i18n::t_args(
            "notice-mapping-created-replayed",
            &[("count", &applied.to_string())],
        )
    } else {
        i18n::t("notice-mapping-created")
    };
    Ok(redirect(req.url("/evenements")).notice(notice).into())
}

/// `POST /evenements/correspondances/{id}/supprimer`.
pub fn mapping_delete(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let mapping: Mapping = db::select("mappings").filter(eq("id", id)).one()?;
    let mut tx = db::transaction();
    tx.delete(db::delete("mappings").filter(eq("id", id)));
    tx.audit(
        "mapping.deleted",
        &format!("indicator:{}", mapping.indicator_id),
        &json!({ "topic": mapping.topic, "field": mapping.field }),
    );
    tx.commit()?;
    Ok(redirect(req.url("/evenements"))
        .notice("notice-mapping-deleted")
        .into())
}

/// `POST /evenements/recus/{id}/rejouer`: apply an ignored event again
/// with today's mappings.
pub fn replay(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let event: ReceivedEvent = db::select("received_events").filter(eq("id", id)).one()?;
    if event.status != IGNORED {
        return Err(Error::conflict("error-event-not-ignored"));
    }
    let notice = match apply(&event, Some(id))? {
        None => "error-event-not-ignored".to_owned(),
        Some(0) => "notice-event-still-ignored".to_owned(),
        Some(n) => i18n::t_args("notice-event-applied", &[("count", &n.to_string())]),
    };
    Ok(redirect(req.url("/evenements")).notice(notice).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(field: &str, indicator_id: i64, period: &str, combine: &str) -> Mapping {
        Mapping {
            id: Some(1),
            topic: "canteen.day-locked".into(),
            field: field.into(),
            indicator_id,
            period: period.into(),
            combine: combine.into(),
        }
    }

    fn canteen() -> Value {
        json!({
            "school": "École des Granges",
            "date": "2026-11-27",
            "totals": { "standard": 80, "vegetarian": 22, "pai": 2 },
            "total": 104
        })
    }

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn numbers_are_found_at_dotted_paths() {
        let payload = canteen();
        assert_eq!(number_at(&payload, "total"), Ok(104.0));
        assert_eq!(number_at(&payload, "totals.vegetarian"), Ok(22.0));
        assert_eq!(number_at(&payload, "totals.adult"), Err("missing"));
        assert_eq!(number_at(&payload, "school"), Err("not-a-number"));
        assert_eq!(number_at(&payload, "totals"), Err("not-a-number"));
        assert_eq!(number_at(&json!({ "n": "12,5" }), "n"), Ok(12.5));
        assert_eq!(number_at(&json!({ "q": [{ "n": 3 }] }), "q.0.n"), Ok(3.0));
    }

    #[test]
    fn the_event_date_comes_from_the_payload_or_its_publication() {
        assert_eq!(
            event_date(&canteen(), "2026-11-28T08:00:00Z"),
            Some(d("2026-11-27"))
        );
        let poll =
            json!({ "poll_id": 3, "closed_at": "2026-10-01T18:00:00Z", "participants": 212 });
        assert_eq!(
            event_date(&poll, "2026-10-02T00:00:00Z"),
            Some(d("2026-10-01"))
        );
        assert_eq!(
            event_date(&json!({}), "2026-10-02T00:00:00Z"),
            Some(d("2026-10-02"))
        );
        assert_eq!(event_date(&json!({}), "garbage"), None);
    }

    #[test]
    fn values_are_filed_at_the_start_of_their_period() {
        assert_eq!(bucket(d("2026-11-27"), "day"), d("2026-11-27"));
        assert_eq!(bucket(d("2026-11-27"), "month"), d("2026-11-01"));
        assert_eq!(bucket(d("2026-11-27"), "year"), d("2026-01-01"));
    }

    #[test]
    fn an_unmapped_topic_is_planned_as_ignored_with_nothing_written() {
        let (outcomes, writes) = plan(&[], &canteen(), "", &HashMap::new());
        assert_eq!(outcomes.len(), 1);
        assert_eq!(outcomes[0].result, "no-mapping");
        assert!(writes.is_empty());
    }

    #[test]
    fn a_missing_field_is_ignored_but_the_others_apply() {
        let mappings = [
            mapping("totals.adult", 1, "day", "sum"),
            mapping("total", 2, "month", "sum"),
        ];
        let (outcomes, writes) = plan(&mappings, &canteen(), "", &HashMap::new());
        assert_eq!(outcomes[0].result, "missing");
        assert_eq!(outcomes[1].result, APPLIED);
        assert_eq!(
            writes,
            [Write {
                indicator_id: 2,
                on: d("2026-11-01"),
                value: 104.0,
                before: None
            }]
        );
    }

    #[test]
    fn sums_add_to_the_stored_value_and_combine_within_one_event() {
        let mut stored = HashMap::new();
        stored.insert((5, d("2026-11-01")), (90, 1000.0));
        let mappings = [
            mapping("totals.standard", 5, "month", "sum"),
            mapping("totals.vegetarian", 5, "month", "sum"),
            mapping("total", 6, "day", "replace"),
        ];
        let (_, writes) = plan(&mappings, &canteen(), "", &stored);
        assert_eq!(writes.len(), 2);
        assert_eq!(writes[0].value, 1102.0);
        assert_eq!(writes[0].before, Some((90, 1000.0)));
        assert_eq!(writes[1].value, 104.0);
    }

    #[test]
    fn numeric_paths_list_every_number_of_a_payload() {
        let mut paths = numeric_paths(&canteen());
        paths.sort();
        assert_eq!(
            paths,
            [
                "total",
                "totals.pai",
                "totals.standard",
                "totals.vegetarian"
            ]
        );
    }

    #[test]
    fn field_paths_are_names_joined_by_dots() {
        assert!(is_field_path("totals.vegetarian"));
        assert!(is_field_path("participants"));
        assert!(!is_field_path("totals..x"));
        assert!(!is_field_path("a b"));
        assert!(!is_field_path(""));
    }
}
