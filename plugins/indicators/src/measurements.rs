//! Measured values: an indicator's series, its chart and its comparison
//! between communes, and entering, correcting or removing a value.

use estive_kit::chart::BarChart;
use estive_kit::trend::TrendChart;
use estive_sdk::dates::Date;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::communes::{self, Commune};
use crate::model::{Indicator, Measurement, ORIGIN_MANUAL, now_utc, today};
use crate::numbers::{parse_decimal, plain, with_unit};
use crate::programme::hidden_from;
use crate::{forms, history, progress};

/// The event published for every value added or changed.
pub const ADDED: &str = "measurement-added";

/// Every measurement of an indicator, oldest first; for the public, a
/// confidential indicator's latest ones are left out.
pub fn series(indicator: &Indicator, public: bool) -> Result<Vec<Measurement>, Error> {
    let mut query = db::select("measurements")
        .filter(eq("indicator_id", indicator.id()))
        .order_asc("measured_on")
        .order_asc("commune")
        .limit(10_000);
    if public && let Some(cutoff) = hidden_from(indicator)? {
        query = query.filter(lt("measured_on", cutoff));
    }
    query.fetch()
}

/// The payload of [`ADDED`]: enough for a subscriber to use the value
/// without reading this plugin's tables.
pub fn added_payload(indicator: &Indicator, m: &Measurement, id: Option<i64>) -> Value {
    json!({
        "measurement_id": id,
        "indicator_id": indicator.id(),
        "indicator_code": indicator.code,
        "indicator_title": indicator.title,
        "unit": indicator.unit,
        "measured_on": m.measured_on,
        "commune": if m.commune.is_empty() { None } else { Some(&m.commune) },
        "value": m.value,
        "origin": m.origin,
        "confidential": indicator.confidential,
    })
}

/// The line chart of the whole territory's values, with baseline and
/// target; `None` when there is nothing to draw.
pub fn chart(indicator: &Indicator, series: &[Measurement], locale: &str) -> Option<Value> {
    let points: Vec<(Date, f64)> = series
        .iter()
        .filter(|m| m.commune.is_empty())
        .map(|m| (m.measured_on, m.value))
        .collect();
    if points.is_empty() {
        return None;
    }
    let unit = match indicator.unit.trim() {
        "" => String::new(),
        "%" if locale == "fr" => "\u{202f}%".to_owned(),
        "%" => "%".to_owned(),
        unit => format!("\u{a0}{unit}"),
    };
    let mut trend = TrendChart::new(i18n::t_args(
        "chart-caption",
        &[("title", &indicator.title)],
    ))
    .id(format!("indicators-chart-{}", indicator.id()))
    .locale(locale)
    .unit(unit)
    .date_heading(i18n::t("col-date"))
    .series(i18n::t("chart-series"), points);
    if let Some(value) = indicator.baseline_value {
        trend = trend.baseline(i18n::t("chart-baseline"), value, indicator.baseline_on);
    }
    if let Some(value) = indicator.target_value {
        trend = trend.target(i18n::t("chart-target"), value, indicator.target_on);
    }
    Some(json!({ "chart": trend.render(), "references": trend.reference_rows() }))
}

/// The latest value of each commune (the date may differ between
/// communes), as a bar chart and a table, best first for the indicator's
/// direction; `None` when no commune has a value.
pub fn comparison(
    indicator: &Indicator,
    series: &[Measurement],
    communes: &[Commune],
    locale: &str,
) -> Option<Value> {
    let mut latest: Vec<&Measurement> = Vec::new();
    for m in series.iter().filter(|m| !m.commune.is_empty()) {
        match latest.iter_mut().find(|l| l.commune == m.commune) {
            Some(l) if l.measured_on <= m.measured_on => *l = m,
            Some(_) => {}
            None => latest.push(m),
        }
    }
    if latest.is_empty() {
        return None;
    }
    let up = indicator.direction == crate::model::Direction::Up;
    latest.sort_by(|a, b| {
        let order = a.value.total_cmp(&b.value);
        if up { order.reverse() } else { order }
    });
    let title = i18n::t_args("comparison-caption", &[("title", &indicator.title)]);
    let chart = BarChart::new(&title)
        .id(format!("indicators-comparison-{}", indicator.id()))
        .locale(locale)
        .headings(i18n::t("col-commune"), i18n::t("col-value"))
        .unit(match indicator.unit.trim() {
            "" => String::new(),
            unit => format!(" {unit}"),
        })
        .bars(
            latest
                .iter()
                .map(|m| (communes::name_of(communes, &m.commune), m.value)),
        )
        .render();
    let rows: Vec<Value> = latest
        .iter()
        .map(|m| {
            json!({
                "commune": communes::name_of(communes, &m.commune),
                "code": m.commune,
                "value": with_unit(m.value, &indicator.unit, locale),
                "on": m.measured_on,
            })
        })
        .collect();
    Some(json!({ "caption": title, "chart": chart, "rows": rows }))
}

/// Whether the last whole-territory value moved the right way compared
/// to the one before: `improving`, `worsening` or `stable`.
pub fn trend(indicator: &Indicator, series: &[Measurement]) -> Option<&'static str> {
    let mut territory = series.iter().filter(|m| m.commune.is_empty()).rev();
    let (last, before) = (territory.next()?, territory.next()?);
    Some(
        match progress::improved(indicator.direction, before.value, last.value) {
            Some(true) => "improving",
            Some(false) => "worsening",
            None => "stable",
        },
    )
}

/// The series as table rows for templates, newest first, with the
/// progress each whole-territory value stood for.
pub fn rows(
    indicator: &Indicator,
    series: &[Measurement],
    communes: &[Commune],
    locale: &str,
) -> Vec<Value> {
    series
        .iter()
        .rev()
        .map(|m| {
            let progress = if m.commune.is_empty() {
                progress::indicator(indicator.baseline_value, indicator.target_value, Some(m.value))
                    .map(crate::numbers::percent)
            } else {
                None
            };
            json!({
                "id": m.id,
                "on": m.measured_on,
                "commune": if m.commune.is_empty() { None } else { Some(communes::name_of(communes, &m.commune)) },
                "value": with_unit(m.value, &indicator.unit, locale),
                "raw": m.value,
                "source": m.source,
                "comment": m.comment,
                "author": m.author_name,
                "origin": m.origin,
                "progress": progress,
            })
        })
        .collect()
}

/// The measurement form, read and checked: no date in the future, a
/// number (French comma accepted), a member commune or the whole
/// territory.
fn read_form(
    req: &Request,
    communes: &[Commune],
) -> Result<(Date, f64, String, String, String), Error> {
    let mut form = req.validator();
    let on = forms::required_date(&mut form, req, "measured_on");
    if on > today() {
        form.error("measured_on", "error-date-in-future");
    }
    let value = match req.form("value").map(str::trim).unwrap_or("") {
        "" => {
            form.error("value", messages::FIELD_REQUIRED);
            0.0
        }
        raw => parse_decimal(raw).unwrap_or_else(|| {
            form.error("value", "error-not-a-number");
            0.0
        }),
    };
    let mut codes: Vec<&str> = vec![""];
    codes.extend(communes.iter().map(|c| c.code.as_str()));
    let commune = form.choice("commune", &codes).or(String::new());
    let source = form.text("source").max_len(300).value();
    let comment = form.text("comment").max_len(2000).value();
    form.finish()?;
    Ok((on, value, commune, source, comment))
}

fn form_view(
    req: &Request,
    indicator: &Indicator,
    communes: &[Commune],
    measurement: Option<i64>,
    form: Form,
) -> View {
    let title = if measurement.is_some() {
        i18n::t_args("measurement-edit-title", &[("title", &indicator.title)])
    } else {
        i18n::t_args("measurement-new-title", &[("title", &indicator.title)])
    };
    view("measurement_form.html")
        .title(title)
        .crumb(i18n::t("manage-title"), req.url("/"))
        .crumb(i18n::t("indicators-title"), req.url("/indicateurs"))
        .crumb(
            indicator.title.clone(),
            req.url(&format!("/indicateurs/{}", indicator.id())),
        )
        .set("indicator", json!({ "id": indicator.id(), "title": indicator.title, "unit": indicator.unit, "code": indicator.code }))
        .set("measurement_id", measurement)
        .set(
            "commune_options",
            forms::options(
                communes
                    .iter()
                    .map(|c| (&c.code, format!("{} ({})", c.name, c.code))),
            ),
        )
        .set("today", today())
        .form(
            form.label("measured_on", "field-measured-on")
                .label("value", "field-value")
                .label("commune", "col-commune")
                .label("source", "field-source")
                .label("comment", "field-comment"),
        )
}

/// Whether a storage conflict is the one-value-per-date constraint.
fn is_duplicate(e: &Error) -> bool {
    matches!(e, Error::Conflict(m) if m.contains("measured_on"))
}

/// `GET|POST /indicateurs/{id}/mesures`: enter a value.
pub fn new(req: &Request) -> Result<Response, Error> {
    let indicator_id = req.param_id("id")?;
    let indicator: Indicator = db::select("indicators")
        .filter(eq("id", indicator_id))
        .one()?;
    let communes = communes::all();
    let page = |form: Form| form_view(req, &indicator, &communes, None, form);
    let again = |e: &Error| page(Form::new("indicators").sent(req).errors(e));
    if !req.is_post() {
        let values = json!({
            "measured_on": today(),
            "source": indicator.source,
            "commune": req.query("commune").unwrap_or_default(),
        });
        return Ok(page(Form::new("indicators").values(values)).into());
    }
    let (on, value, commune, source, comment) = match read_form(req, &communes) {
        Ok(v) => v,
        Err(e @ Error::Invalid(_)) => return Ok(again(&e).into()),
        Err(e) => return Err(e),
    };
    let user = req.require_user()?;
    let m = Measurement {
        id: None,
        indicator_id,
        measured_on: on,
        commune,
        value,
        source,
        comment,
        author_id: Some(user.id.clone()),
        author_name: user.name.clone(),
        origin: ORIGIN_MANUAL.to_owned(),
        created_at: Some(now_utc()),
    };
    let mut tx = db::transaction();
    tx.insert("measurements", &m);
    tx.publish(ADDED, &added_payload(&indicator, &m, None));
    tx.audit(
        "measurement.added",
        &format!("indicator:{indicator_id}"),
        &json!({ "measured_on": m.measured_on, "commune": m.commune, "value": m.value }),
    );
    match tx.commit() {
        Ok(_) => {}
        Err(e) if is_duplicate(&e) => {
            let dup = Error::invalid("measured_on", "error-measurement-exists");
            return Ok(again(&dup).into());
        }
        Err(e) => return Err(e),
    }
    if let Some(action) = indicator.action_id {
        history::record(&[action], &[]);
    }
    Ok(redirect(req.url(&format!("/indicateurs/{indicator_id}")))
        .notice("notice-measurement-added")
        .into())
}

/// `GET|POST /mesures/{id}/modifier`: correct a value.
pub fn edit(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let existing: Measurement = db::select("measurements").filter(eq("id", id)).one()?;
    let indicator: Indicator = db::select("indicators")
        .filter(eq("id", existing.indicator_id))
        .one()?;
    let communes = communes::all();
    let page = |form: Form| {
        form_view(req, &indicator, &communes, Some(id), form)
            .set("author", existing.author_name.as_str())
    };
    let again = |e: &Error| page(Form::new("indicators").sent(req).errors(e));
    if !req.is_post() {
        let values = json!({
            "measured_on": existing.measured_on,
            "value": plain(existing.value, req.locale()),
            "commune": existing.commune,
            "source": existing.source,
            "comment": existing.comment,
        });
        return Ok(page(Form::new("indicators").values(values)).into());
    }
    let (on, value, commune, source, comment) = match read_form(req, &communes) {
        Ok(v) => v,
        Err(e @ Error::Invalid(_)) => return Ok(again(&e).into()),
        Err(e) => return Err(e),
    };
    let user = req.require_user()?;
    let m = Measurement {
        measured_on: on,
        commune,
        value,
        source,
        comment,
        author_id: Some(user.id.clone()),
        author_name: user.name.clone(),
        origin: ORIGIN_MANUAL.to_owned(),
        created_at: Some(now_utc()),
        ..existing.clone()
    };
    let mut tx = db::transaction();
    tx.update(
        db::update("measurements")
            .filter(eq("id", id))
            .set_fields(&m),
    );
    tx.publish(ADDED, &added_payload(&indicator, &m, Some(id)));
    tx.audit(
        "measurement.corrected",
        &format!("indicator:{}", indicator.id()),
        &json!({
            "before": { "measured_on": existing.measured_on, "commune": existing.commune, "value": existing.value },
            "after": { "measured_on": m.measured_on, "commune": m.commune, "value": m.value },
        }),
    );
    match tx.commit() {
        Ok(_) => {}
        Err(e) if is_duplicate(&e) => {
            let dup = Error::invalid("measured_on", "error-measurement-exists");
            return Ok(again(&dup).into());
        }
        Err(e) => return Err(e),
    }
    if let Some(action) = indicator.action_id {
        history::record(&[action], &[]);
    }
    Ok(
        redirect(req.url(&format!("/indicateurs/{}", indicator.id())))
            .notice("notice-measurement-saved")
            .into(),
    )
}

/// `POST /mesures/{id}/supprimer`.
pub fn delete(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let existing: Measurement = db::select("measurements").filter(eq("id", id)).one()?;
    let indicator: Indicator = db::select("indicators")
        .filter(eq("id", existing.indicator_id))
        .one()?;
    let mut tx = db::transaction();
    tx.delete(db::delete("measurements").filter(eq("id", id)));
    tx.audit(
        "measurement.deleted",
        &format!("indicator:{}", indicator.id()),
        &json!({ "measured_on": existing.measured_on, "commune": existing.commune, "value": existing.value }),
    );
    tx.commit()?;
    if let Some(action) = indicator.action_id {
        history::record(&[action], &[]);
    }
    Ok(
        redirect(req.url(&format!("/indicateurs/{}", indicator.id())))
            .notice("notice-measurement-deleted")
            .into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Frequency};

    fn indicator() -> Indicator {
        Indicator {
            id: Some(7),
            action_id: Some(2),
            code: "COMPOST".into(),
            title: "Foyers équipés d'un composteur".into(),
            description: String::new(),
            unit: "%".into(),
            direction: Direction::Up,
            baseline_value: Some(10.0),
            baseline_on: Date::parse("2020-12-31"),
            target_value: Some(50.0),
            target_on: Date::parse("2030-12-31"),
            frequency: Frequency::Yearly,
            source: "Enquête".into(),
            confidential: false,
            weight: 1.0,
        }
    }

    fn m(on: &str, commune: &str, value: f64) -> Measurement {
        Measurement {
            id: Some(1),
            indicator_id: 7,
            measured_on: Date::parse(on).unwrap(),
            commune: commune.into(),
            value,
            source: String::new(),
            comment: String::new(),
            author_id: None,
            author_name: String::new(),
            origin: ORIGIN_MANUAL.into(),
            created_at: None,
        }
    }

    #[test]
    fn the_event_payload_names_the_indicator_and_the_value() {
        let payload = added_payload(&indicator(), &m("2025-12-31", "", 30.0), Some(12));
        assert_eq!(payload["indicator_code"], "COMPOST");
        assert_eq!(payload["measured_on"], "2025-12-31");
        assert_eq!(payload["value"], 30.0);
        assert_eq!(payload["commune"], Value::Null);
        assert_eq!(payload["measurement_id"], 12);
    }

    #[test]
    fn trend_compares_the_last_two_territory_values_in_the_indicator_direction() {
        let series = [
            m("2024-12-31", "", 20.0),
            m("2025-06-30", "65123", 5.0),
            m("2025-12-31", "", 30.0),
        ];
        assert_eq!(trend(&indicator(), &series), Some("improving"));
        let mut down = indicator();
        down.direction = Direction::Down;
        assert_eq!(trend(&down, &series), Some("worsening"));
        assert_eq!(trend(&down, &series[..2]), None);
    }

    #[test]
    fn table_rows_are_newest_first_with_progress_for_the_territory_only() {
        let communes = crate::communes::parse(&["65123 – Arreau".to_owned()]);
        let series = [
            m("2024-12-31", "", 20.0),
            m("2025-12-31", "", 30.0),
            m("2025-12-31", "65123", 40.0),
        ];
        let rows = rows(&indicator(), &series, &communes, "fr");
        assert_eq!(rows[0]["commune"], "Arreau");
        assert_eq!(rows[0]["progress"], Value::Null);
        assert_eq!(rows[1]["progress"], 50);
        assert_eq!(rows[2]["value"], "20\u{202f}%");
    }
}
