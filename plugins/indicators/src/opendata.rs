//! Open data: the actions, the indicators and their measurements as CSV
//! (RFC 4180, UTF-8, decimal point) and JSON, with stable column names so
//! that other tools can read them.
//!
//! The public files leave out what the public pages hide: the latest
//! values of confidential indicators. The extranet offers the full files.

use std::collections::HashMap;

use estive_sdk::csv::CsvWriter;
use estive_sdk::dates::Date;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::model::{Indicator, Measurement};
use crate::programme::{Programme, hidden_from};

/// The files offered, by name.
pub const FILES: [&str; 6] = [
    "actions.csv",
    "actions.json",
    "indicateurs.csv",
    "indicateurs.json",
    "mesures.csv",
    "mesures.json",
];

/// `GET /donnees`: what the files hold and the links to them.
pub fn page(req: &Request) -> Result<Response, Error> {
    let p = Programme::load(true)?;
    let measurements = db::count("measurements").get()?;
    Ok(view("open_data.html")
        .title(i18n::t("open-data-title"))
        .set("actions", p.actions.len())
        .set("indicators", p.indicators.len())
        .set("measurements", measurements)
        .crumb(i18n::t("portal-title"), req.url("/"))
        .into())
}

/// A number as data: decimal point, no grouping, nothing when unknown.
fn num(value: Option<f64>) -> String {
    value.map_or(String::new(), |v| crate::numbers::plain(v, "en"))
}

/// Every measurement the audience may see, oldest first.
fn all_measurements(indicators: &[Indicator], public: bool) -> Result<Vec<Measurement>, Error> {
    let mut cutoffs: HashMap<i64, Date> = HashMap::new();
    if public {
        for indicator in indicators.iter().filter(|i| i.confidential) {
            if let Some(cutoff) = hidden_from(indicator)? {
                cutoffs.insert(indicator.id(), cutoff);
            }
        }
    }
    let mut out = Vec::new();
    let page = 5_000;
    loop {
        let batch: Vec<Measurement> = db::select("measurements")
            .order_asc("id")
            .limit(page)
            .offset(u32::try_from(out.len()).unwrap_or(u32::MAX))
            .fetch()?;
        let done = batch.len() < page as usize;
        out.extend(batch);
        if done {
            break;
        }
    }
    out.retain(|m| {
        cutoffs
            .get(&m.indicator_id)
            .is_none_or(|c| m.measured_on < *c)
    });
    out.sort_by(|a, b| {
        (a.indicator_id, a.measured_on, &a.commune).cmp(&(
            b.indicator_id,
            b.measured_on,
            &b.commune,
        ))
    });
    Ok(out)
}

/// `GET /donnees/{file}` on the portal (`public`) or the extranet.
pub fn download(req: &Request, public: bool) -> Result<Response, Error> {
    let file = req.param("file").unwrap_or("");
    if !FILES.contains(&file) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let p = Programme::load(public)?;
    let codes: HashMap<i64, &str> = p
        .indicators
        .iter()
        .map(|i| (i.id(), i.code.as_str()))
        .collect();
    let prefix = if public { "" } else { "interne-" };
    let filename = format!("agenda21-{prefix}{file}");
    let (kind, format) = file.split_once('.').unwrap_or((file, "csv"));
    let records: Vec<Record> = match kind {
        "actions" => p
            .actions
            .iter()
            .map(|a| {
                vec![
                    ("id", json!(a.id())),
                    ("axe_id", json!(a.axis_id)),
                    ("axe", json!(p.axis(a.axis_id).map(|x| x.title.as_str()))),
                    ("titre", json!(a.title)),
                    ("statut", json!(a.status.as_str())),
                    ("pilote", json!(a.pilot)),
                    ("partenaires", json!(a.partners)),
                    ("communes", json!(a.communes.join(" "))),
                    ("debut", json!(a.starts_on)),
                    ("fin", json!(a.ends_on)),
                    ("budget_prevu", json!(a.budget_planned)),
                    ("budget_depense", json!(a.budget_spent)),
                    ("avancement_pct", json!(p.action_progress(a).map(share_pct))),
                ]
            })
            .collect(),
        "indicateurs" => p
            .indicators
            .iter()
            .map(|i| {
                let latest = p.shown.get(&i.id());
                vec![
                    ("id", json!(i.id())),
                    ("code", json!(i.code)),
                    ("titre", json!(i.title)),
                    ("action_id", json!(i.action_id)),
                    ("unite", json!(i.unit)),
                    ("sens", json!(i.direction.as_str())),
                    ("valeur_reference", json!(i.baseline_value)),
                    ("date_reference", json!(i.baseline_on)),
                    ("cible", json!(i.target_value)),
                    ("date_cible", json!(i.target_on)),
                    ("frequence", json!(i.frequency.as_str())),
                    ("source", json!(i.source)),
                    ("confidentiel", json!(i.confidential)),
                    ("derniere_valeur", json!(latest.map(|l| l.value))),
                    ("date_derniere_valeur", json!(latest.map(|l| l.on))),
                    (
                        "avancement_pct",
                        json!(p.indicator_progress(i).map(share_pct)),
                    ),
                ]
            })
            .collect(),
        _ => all_measurements(&p.indicators, public)?
            .iter()
            .map(|m| {
                vec![
                    ("indicateur_id", json!(m.indicator_id)),
                    ("indicateur_code", json!(codes.get(&m.indicator_id))),
                    ("date", json!(m.measured_on)),
                    ("commune", json!(m.commune)),
                    ("valeur", json!(m.value)),
                    ("source", json!(m.source)),
                    ("commentaire", json!(m.comment)),
                    ("origine", json!(m.origin)),
                ]
            })
            .collect(),
    };
    if format == "json" {
        let objects: Vec<Value> = records
            .into_iter()
            .map(|r| Value::Object(r.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
            .collect();
        let body = serde_json::to_vec_pretty(&objects)?;
        return Ok(estive_sdk::download("application/json; charset=utf-8", filename, body).into());
    }
    Ok(to_csv(&records).into_download(&filename).into())
}

/// One line of a file: column names and values, in order.
type Record = Vec<(&'static str, Value)>;

/// A share (0 to 1) as a percentage with one decimal.
fn share_pct(share: f64) -> f64 {
    (share * 1000.0).round() / 10.0
}

/// The records as CSV: the columns of the first record as the header
/// (every record has the same columns, in the same order).
fn to_csv(records: &[Record]) -> CsvWriter {
    let mut csv = CsvWriter::new().protect_formulas(true);
    let Some(first) = records.first() else {
        return csv;
    };
    csv.row(first.iter().map(|(k, _)| *k));
    for record in records {
        csv.row(record.iter().map(|(_, v)| match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            Value::Number(n) => num(n.as_f64()),
            other => other.to_string(),
        }));
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_header_from_the_keys_and_plain_numbers() {
        let records: Vec<Record> = vec![
            vec![
                ("code", json!("EAU")),
                ("valeur", json!(1234.5)),
                ("date", json!("2025-12-31")),
                ("vide", Value::Null),
            ],
            vec![
                ("code", json!("=DANGER")),
                ("valeur", json!(2)),
                ("date", Value::Null),
                ("vide", json!(true)),
            ],
        ];
        let text = to_csv(&records).into_string();
        assert_eq!(
            text,
            "code,valeur,date,vide\r\nEAU,1234.5,2025-12-31,\r\n'=DANGER,2,,true\r\n"
        );
    }
}
