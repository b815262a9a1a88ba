//! Indicators in the extranet: the list with what is due, an indicator's
//! page with its series, and defining one.

use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use estive_sdk::slug::slugify;
use serde_json::Value;

use crate::actions::read_decimal;
use crate::axes::{can, read_weight};
use crate::communes;
use crate::model::{Action, Direction, Frequency, Indicator, Mapping, today};
use crate::numbers::plain;
use crate::programme::Programme;
use crate::{forms, history, measurements, progress};

/// The value of the action select for an indicator of no action (a
/// context indicator); the empty value means nothing was chosen.
const NO_ACTION: &str = "none";

/// `GET /indicateurs` (extranet): every indicator, latest value and
/// whether a new one is due.
pub fn list(req: &Request) -> Result<Response, Error> {
    let locale = req.locale();
    let p = Programme::load(false)?;
    let indicators: Vec<Value> = p
        .indicators
        .iter()
        .map(|i| p.indicator_summary(i, locale))
        .collect();
    Ok(view("indicator_list.html")
        .title(i18n::t("indicators-title"))
        .set("indicators", indicators)
        .set("can", can(req))
        .crumb(i18n::t("manage-title"), req.url("/"))
        .into())
}

/// `GET /indicateurs/{id}` (extranet): the definition, every value (with
/// who entered it), the chart and the comparison between communes.
pub fn show(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let locale = req.locale();
    let p = Programme::load(false)?;
    let indicator = p
        .indicators
        .iter()
        .find(|i| i.id() == id)
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
    let communes = communes::all();
    let series = measurements::series(indicator, false)?;
    let mappings: Vec<Mapping> = db::select("mappings")
        .filter(eq("indicator_id", id))
        .fetch()?;
    let hidden = crate::programme::hidden_from(indicator)?;
    Ok(view("indicator_manage.html")
        .title(&indicator.title)
        .crumb(i18n::t("manage-title"), req.url("/"))
        .crumb(i18n::t("indicators-title"), req.url("/indicateurs"))
        .set("indicator", p.indicator_summary(indicator, locale))
        .set(
            "rows",
            measurements::rows(indicator, &series, &communes, locale),
        )
        .set("trend", measurements::trend(indicator, &series))
        .set("chart", measurements::chart(indicator, &series, locale))
        .set(
            "comparison",
            measurements::comparison(indicator, &series, &communes, locale),
        )
        .set("mappings", mappings)
        .set("hidden_from", hidden)
        .set("has_communes", !communes.is_empty())
        .set(
            "public_url",
            req.context()
                .url_in("portal", &format!("/indicateurs/{id}")),
        )
        .set("can", can(req))
        .into())
}

/// A code made from a title: upper-case ASCII words joined by `-`, at
/// most 40 characters, not ending with `-`.
pub fn code_from_title(title: &str) -> String {
    let slug = slugify(title).to_ascii_uppercase();
    let mut code: String = slug.chars().take(40).collect();
    while code.ends_with('-') {
        code.pop();
    }
    if code.is_empty() {
        "IND".to_owned()
    } else {
        code
    }
}

/// Whether a code is made of letters, digits, `-` and `_` only.
pub fn is_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The indicator form, read and checked: dates of the baseline in the
/// past, a target date after it, a target different from the baseline and
/// on the side the direction says.
fn read_form(req: &Request, actions: &[i64]) -> Result<Indicator, Error> {
    let mut form = req.validator();
    let title = form.text("title").required().max_len(200).value();
    let typed_code = form.text("code").max_len(40).value();
    let code = if typed_code.is_empty() {
        code_from_title(&title)
    } else {
        typed_code.to_ascii_uppercase()
    };
    if !typed_code.is_empty() && !is_code(&code) {
        form.error("code", "error-code-format");
    }
    let description = form.text("description").max_len(8000).value();
    // The action must be chosen, even to have none: a form that lost its
    // options (or a hand-made request without the field) is refused
    // rather than silently cutting the indicator from its action.
    let mut action_choices: Vec<String> = vec![NO_ACTION.to_owned()];
    action_choices.extend(actions.iter().map(i64::to_string));
    let action_id = form
        .choice("action_id", &action_choices)
        .value()
        .parse()
        .ok();
    let unit = form.text("unit").max_len(30).value();
    let direction = form.choice("direction", &["up", "down"]).value();
    let direction = if direction == "down" {
        Direction::Down
    } else {
        Direction::Up
    };
    let baseline_value = read_decimal(&mut form, req, "baseline_value", -1e15, 1e15);
    let baseline_on = forms::date(&mut form, req, "baseline_on");
    let target_value = read_decimal(&mut form, req, "target_value", -1e15, 1e15);
    let target_on = forms::date(&mut form, req, "target_on");
    let frequencies: Vec<&str> = Frequency::ALL.iter().map(|f| f.as_str()).collect();
    let frequency = form.choice("frequency", &frequencies).or("yearly".into());
    let source = form.text("source").max_len(300).value();
    let confidential = form.checkbox("confidential").value();
    let weight = read_weight(&mut form, req, "weight");

    if baseline_on.is_some_and(|d| d > today()) {
        form.error("baseline_on", "error-date-in-future");
    }
    if baseline_on.is_some() && baseline_value.is_none() {
        form.error("baseline_value", "error-baseline-value-missing");
    }
    if target_on.is_some() && target_value.is_none() {
        form.error("target_value", "error-target-value-missing");
    }
    if let (Some(start), Some(end)) = (baseline_on, target_on)
        && end <= start
    {
        form.error("target_on", "error-target-before-baseline");
    }
    if let Some(problem) = progress::target_problem(direction, baseline_value, target_value) {
        form.error("target_value", problem);
    }
    form.finish()?;
    Ok(Indicator {
        id: None,
        action_id,
        code,
        title,
        description,
        unit,
        direction,
        baseline_value,
        baseline_on,
        target_value,
        target_on,
        frequency: Frequency::ALL
            .into_iter()
            .find(|f| f.as_str() == frequency)
            .unwrap_or(Frequency::Yearly),
        source,
        confidential,
        weight,
    })
}

fn form_view(req: &Request, id: Option<i64>, actions: &[Action], form: Form) -> View {
    let title = if id.is_some() {
        i18n::t("indicator-edit-title")
    } else {
        i18n::t("indicator-new-title")
    };
    let action_options = forms::options(
        actions
            .iter()
            .map(|a| (a.id().to_string(), a.title.clone()))
            .chain([(NO_ACTION.to_owned(), i18n::t("no-action"))]),
    );
    let frequency_options = forms::options(
        Frequency::ALL
            .iter()
            .map(|f| (f.as_str(), i18n::t(&format!("frequency-{}", f.as_str())))),
    );
    view("indicator_form.html")
        .title(title)
        .crumb(i18n::t("manage-title"), req.url("/"))
        .crumb(i18n::t("indicators-title"), req.url("/indicateurs"))
        .set("indicator_id", id)
        .set("action_options", action_options)
        .set("frequency_options", frequency_options)
        .form(
            form.label("title", "field-title")
                .label("code", "field-code")
                .label("description", "field-description")
                .label("action_id", "field-action")
                .label("unit", "field-unit")
                .label("direction", "field-direction")
                .label("baseline_value", "field-baseline")
                .label("baseline_on", "field-baseline-on")
                .label("target_value", "field-target")
                .label("target_on", "field-target-on")
                .label("frequency", "field-frequency")
                .label("source", "field-source")
                .label("weight", "field-weight"),
        )
}

fn values_of(i: &Indicator, locale: &str) -> Value {
    let num = |v: Option<f64>| v.map(|v| plain(v, locale));
    json!({
        "title": i.title,
        "code": i.code,
        "description": i.description,
        "action_id": i.action_id.map_or_else(|| NO_ACTION.to_owned(), |a| a.to_string()),
        "unit": i.unit,
        "direction": i.direction.as_str(),
        "baseline_value": num(i.baseline_value),
        "baseline_on": i.baseline_on,
        "target_value": num(i.target_value),
        "target_on": i.target_on,
        "frequency": i.frequency.as_str(),
        "source": i.source,
        "confidential": if i.confidential { Some("on") } else { None },
        "weight": plain(i.weight, locale),
    })
}

/// `GET|POST /indicateurs/nouveau` and `/indicateurs/{id}/modifier`.
pub fn edit(req: &Request, id: Option<i64>) -> Result<Response, Error> {
    let existing: Option<Indicator> = match id {
        Some(id) => Some(db::select("indicators").filter(eq("id", id)).one()?),
        None => None,
    };
    let actions: Vec<Action> = crate::programme::actions()?;
    let page = |form: Form| form_view(req, id, &actions, form);
    if !req.is_post() {
        let values = match &existing {
            Some(i) => values_of(i, req.locale()),
            None => json!({
                "action_id": req.query("action").unwrap_or_default(),
                "direction": "up",
                "frequency": "yearly",
                "weight": "1",
            }),
        };
        return Ok(page(Form::new("indicators").values(values)).into());
    }
    let action_ids: Vec<i64> = actions.iter().map(Action::id).collect();
    let again = |e: &Error| page(Form::new("indicators").sent(req).errors(e));
    let mut indicator = match read_form(req, &action_ids) {
        Ok(i) => i,
        Err(e @ Error::Invalid(_)) => return Ok(again(&e).into()),
        Err(e) => return Err(e),
    };
    // A code made from the title must not clash with another indicator's.
    if req.form("code").unwrap_or("").trim().is_empty() {
        indicator.code = free_code(&indicator.code, id)?;
    }
    let mut tx = db::transaction();
    let step = match id {
        Some(id) => {
            tx.update(
                db::update("indicators")
                    .filter(eq("id", id))
                    .set_fields(&indicator),
            );
            tx.audit(
                "indicator.updated",
                &format!("indicator:{id}"),
                &json!({ "code": indicator.code }),
            );
            None
        }
        None => {
            let step = tx.insert("indicators", &indicator);
            tx.audit(
                "indicator.created",
                "indicator",
                &json!({ "code": indicator.code }),
            );
            Some(step)
        }
    };
    let indicator_id = match tx.commit() {
        Ok(outcomes) => step
            .and_then(|s| s.id(&outcomes))
            .or(id)
            .unwrap_or_default(),
        Err(Error::Conflict(m)) if m.contains("code") => {
            return Ok(again(&Error::invalid("code", "error-code-taken")).into());
        }
        Err(e) => return Err(e),
    };
    let affected: Vec<i64> = indicator
        .action_id
        .into_iter()
        .chain(existing.and_then(|i| i.action_id))
        .collect();
    history::record(&affected, &[]);
    let notice = if id.is_some() {
        "notice-indicator-saved"
    } else {
        "notice-indicator-created"
    };
    Ok(redirect(req.url(&format!("/indicateurs/{indicator_id}")))
        .notice(notice)
        .into())
}

/// `code`, or `code-2`, `code-3`… whichever no other indicator has.
fn free_code(code: &str, own_id: Option<i64>) -> Result<String, Error> {
    #[derive(serde::Deserialize)]
    struct Row {
        id: i64,
        code: String,
    }
    let taken: Vec<Row> = db::select("indicators")
        .columns(&["id", "code"])
        .filter(contains("code", code))
        .limit(10_000)
        .fetch()?;
    let is_taken = |c: &str| {
        taken
            .iter()
            .any(|r| r.code.eq_ignore_ascii_case(c) && Some(r.id) != own_id)
    };
    if !is_taken(code) {
        return Ok(code.to_owned());
    }
    Ok((2..)
        .map(|n| format!("{}-{n}", code.chars().take(36).collect::<String>()))
        .find(|c| !is_taken(c))
        .unwrap_or_else(|| code.to_owned()))
}

/// `POST /indicateurs/{id}/supprimer`: the indicator with its values and
/// the event mappings that fed it.
pub fn delete(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let indicator: Indicator = db::select("indicators").filter(eq("id", id)).one()?;
    let values = db::count("measurements")
        .filter(eq("indicator_id", id))
        .get()?;
    let mut tx = db::transaction();
    tx.delete(db::delete("measurements").filter(eq("indicator_id", id)));
    tx.delete(db::delete("mappings").filter(eq("indicator_id", id)));
    tx.delete(db::delete("indicators").filter(eq("id", id)));
    tx.audit(
        "indicator.deleted",
        &format!("indicator:{id}"),
        &json!({ "code": indicator.code, "title": indicator.title, "measurements": values }),
    );
    tx.commit()?;
    let affected: Vec<i64> = indicator.action_id.into_iter().collect();
    history::record(&affected, &[]);
    Ok(redirect(req.url("/indicateurs"))
        .notice("notice-indicator-deleted")
        .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_is_made_from_the_title_in_capitals() {
        assert_eq!(
            code_from_title("Déchets ménagers résiduels"),
            "DECHETS-MENAGERS-RESIDUELS"
        );
        assert_eq!(code_from_title("!!!"), "IND");
        let long = code_from_title("Part des trajets domicile travail faits à vélo ou à pied");
        assert!(long.len() <= 40 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn codes_hold_letters_digits_dashes_and_underscores_only() {
        assert!(is_code("DECHETS-OMR_2"));
        assert!(!is_code("DÉCHETS"));
        assert!(!is_code("A B"));
        assert!(!is_code(""));
    }
}
