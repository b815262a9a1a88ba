//! The whole programme loaded at once — axes, actions, indicators and the
//! latest value of each indicator — with its progress computed, and the
//! summaries pages and widgets show.
//!
//! A programme has tens of actions and indicators: loading it whole in a
//! few queries is cheaper and simpler than keeping figures in step.

use std::collections::HashMap;

use estive_sdk::dates::Date;
use estive_sdk::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use crate::model::{Action, Axis, Indicator, Status, today};
use crate::numbers::{percent, with_unit};
use crate::progress::{self, Standing};

/// A dated value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Latest {
    pub on: Date,
    pub value: f64,
}

/// Everything the overview pages need.
pub struct Programme {
    pub axes: Vec<Axis>,
    pub actions: Vec<Action>,
    pub indicators: Vec<Indicator>,
    /// The latest value of each indicator for the whole territory.
    pub latest: HashMap<i64, Latest>,
    /// What the audience may see of it: for the public, confidential
    /// indicators show their previous value, not the latest.
    pub shown: HashMap<i64, Latest>,
    pub today: Date,
}

#[derive(Deserialize)]
struct LatestDate {
    indicator_id: i64,
    latest: Option<Date>,
}

#[derive(Deserialize)]
struct Value3 {
    indicator_id: i64,
    measured_on: Date,
    value: f64,
}

/// Every axis, in order.
pub fn axes() -> Result<Vec<Axis>, Error> {
    db::select("axes")
        .order_asc("position")
        .order_asc("id")
        .fetch()
}

/// Every action, in order.
pub fn actions() -> Result<Vec<Action>, Error> {
    db::select("actions")
        .order_asc("position")
        .order_asc("id")
        .limit(10_000)
        .fetch()
}

/// Every indicator, by title.
pub fn indicators() -> Result<Vec<Indicator>, Error> {
    db::select("indicators")
        .order_asc("title")
        .limit(10_000)
        .fetch()
}

/// The latest value for the whole territory of each indicator (of those
/// given, or of all).
pub fn latest_values(ids: Option<&[i64]>) -> Result<HashMap<i64, Latest>, Error> {
    let mut dates = db::aggregate("measurements")
        .filter(eq("commune", ""))
        .group_by("indicator_id")
        .max("measured_on", "latest");
    if let Some(ids) = ids {
        dates = dates.filter(one_of("indicator_id", ids.iter().copied()));
    }
    let dates: Vec<LatestDate> = dates.fetch()?;
    let wanted: HashMap<i64, Date> = dates
        .iter()
        .filter_map(|d| d.latest.map(|on| (d.indicator_id, on)))
        .collect();
    if wanted.is_empty() {
        return Ok(HashMap::new());
    }
    let mut days: Vec<String> = wanted.values().map(ToString::to_string).collect();
    days.sort();
    days.dedup();
    let rows: Vec<Value3> = db::select("measurements")
        .columns(&["indicator_id", "measured_on", "value"])
        .filter(eq("commune", ""))
        .filter(one_of("indicator_id", wanted.keys().copied()))
        .filter(one_of("measured_on", days))
        .limit(10_000)
        .fetch()?;
    Ok(rows
        .into_iter()
        .filter(|r| wanted.get(&r.indicator_id) == Some(&r.measured_on))
        .map(|r| {
            (
                r.indicator_id,
                Latest {
                    on: r.measured_on,
                    value: r.value,
                },
            )
        })
        .collect())
}

/// The date from which a confidential indicator's measurements are hidden
/// from the public: its most recent measurement date, any commune.
/// `None` when the indicator is not confidential or has no measurement.
pub fn hidden_from(indicator: &Indicator) -> Result<Option<Date>, Error> {
    if !indicator.confidential {
        return Ok(None);
    }
    #[derive(Deserialize)]
    struct Max {
        latest: Option<Date>,
    }
    Ok(db::aggregate("measurements")
        .filter(eq("indicator_id", indicator.id()))
        .max("measured_on", "latest")
        .first::<Max>()?
        .and_then(|m| m.latest))
}

/// The latest whole-territory value the public may see of a confidential
/// indicator: the last one before [`hidden_from`].
fn public_latest(indicator: &Indicator) -> Result<Option<Latest>, Error> {
    let Some(cutoff) = hidden_from(indicator)? else {
        return Ok(None);
    };
    let row: Option<Value3> = db::select("measurements")
        .columns(&["indicator_id", "measured_on", "value"])
        .filter(eq("indicator_id", indicator.id()))
        .filter(eq("commune", ""))
        .filter(lt("measured_on", cutoff))
        .order_desc("measured_on")
        .first()?;
    Ok(row.map(|r| Latest {
        on: r.measured_on,
        value: r.value,
    }))
}

impl Programme {
    /// Loads the programme as the public (`public`) or the staff see it.
    pub fn load(public: bool) -> Result<Programme, Error> {
        let axes = axes()?;
        let actions = actions()?;
        let indicators = indicators()?;
        let latest = latest_values(None)?;
        let mut shown = latest.clone();
        if public {
            for indicator in indicators.iter().filter(|i| i.confidential) {
                match public_latest(indicator)? {
                    Some(value) => shown.insert(indicator.id(), value),
                    None => shown.remove(&indicator.id()),
                };
            }
        }
        Ok(Programme {
            axes,
            actions,
            indicators,
            latest,
            shown,
            today: today(),
        })
    }

    pub fn axis(&self, id: i64) -> Option<&Axis> {
        self.axes.iter().find(|a| a.id() == id)
    }

    pub fn action(&self, id: i64) -> Option<&Action> {
        self.actions.iter().find(|a| a.id() == id)
    }

    pub fn actions_of(&self, axis_id: i64) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(move |a| a.axis_id == axis_id)
    }

    pub fn indicators_of(&self, action_id: i64) -> impl Iterator<Item = &Indicator> {
        self.indicators
            .iter()
            .filter(move |i| i.action_id == Some(action_id))
    }

    /// Progress of an indicator from the latest value (for roll-ups).
    fn indicator_progress_full(&self, indicator: &Indicator) -> Option<f64> {
        progress::indicator(
            indicator.baseline_value,
            indicator.target_value,
            self.latest.get(&indicator.id()).map(|l| l.value),
        )
    }

    /// Progress of an indicator from what the audience may see.
    pub fn indicator_progress(&self, indicator: &Indicator) -> Option<f64> {
        progress::indicator(
            indicator.baseline_value,
            indicator.target_value,
            self.shown.get(&indicator.id()).map(|l| l.value),
        )
    }

    pub fn indicator_standing(&self, indicator: &Indicator) -> Standing {
        progress::standing(
            self.indicator_progress(indicator),
            progress::elapsed(indicator.baseline_on, indicator.target_on, self.today),
        )
    }

    pub fn action_progress(&self, action: &Action) -> Option<f64> {
        let indicators: Vec<(Option<f64>, f64)> = self
            .indicators_of(action.id())
            .map(|i| (self.indicator_progress_full(i), i.weight))
            .collect();
        progress::action(
            action.status,
            action.progress_mode,
            action.progress,
            &indicators,
        )
    }

    pub fn axis_progress(&self, axis_id: i64) -> Option<f64> {
        progress::weighted_mean(
            self.actions_of(axis_id)
                .map(|a| (self.action_progress(a), a.weight)),
        )
    }

    pub fn overall_progress(&self) -> Option<f64> {
        progress::weighted_mean(
            self.axes
                .iter()
                .map(|a| (self.axis_progress(a.id()), a.weight)),
        )
    }

    /// The number of actions in each status, in the order of
    /// [`Status::ALL`].
    pub fn status_counts<'a>(&self, actions: impl Iterator<Item = &'a Action>) -> Vec<Value> {
        let mut counts = [0usize; 4];
        for action in actions {
            counts[Status::ALL
                .iter()
                .position(|s| *s == action.status)
                .unwrap_or(0)] += 1;
        }
        Status::ALL
            .iter()
            .zip(counts)
            .map(|(s, n)| json!({ "status": s.as_str(), "badge": s.badge(), "count": n }))
            .collect()
    }

    /// Budget planned and spent over some actions (abandoned ones count:
    /// money may have been spent).
    pub fn budget<'a>(actions: impl Iterator<Item = &'a Action>) -> (f64, f64) {
        actions.fold((0.0, 0.0), |(p, s), a| {
            (
                p + a.budget_planned.unwrap_or(0.0),
                s + a.budget_spent.unwrap_or(0.0),
            )
        })
    }

    /// An axis for templates, with its actions.
    pub fn axis_summary(&self, axis: &Axis, locale: &str) -> Value {
        let actions: Vec<Value> = self
            .actions_of(axis.id())
            .map(|a| self.action_summary(a, locale))
            .collect();
        let (planned, spent) = Programme::budget(self.actions_of(axis.id()));
        json!({
            "id": axis.id(),
            "title": axis.title,
            "description": axis.description,
            "position": axis.position,
            "weight": axis.weight,
            "progress": self.axis_progress(axis.id()).map(percent),
            "actions": actions,
            "counts": self.status_counts(self.actions_of(axis.id())),
            "budget_planned": money(planned, locale),
            "budget_spent": money(spent, locale),
        })
    }

    /// An action for templates (without its indicators).
    pub fn action_summary(&self, action: &Action, locale: &str) -> Value {
        json!({
            "id": action.id(),
            "axis_id": action.axis_id,
            "axis_title": self.axis(action.axis_id).map(|a| a.title.clone()),
            "title": action.title,
            "description": action.description,
            "pilot": action.pilot,
            "partners": action.partners,
            "status": action.status.as_str(),
            "badge": action.status.badge(),
            "starts_on": action.starts_on,
            "ends_on": action.ends_on,
            "budget_planned": action.budget_planned.map(|v| money(v, locale)),
            "budget_spent": action.budget_spent.map(|v| money(v, locale)),
            "progress_mode": action.progress_mode,
            "progress": self.action_progress(action).map(percent),
            "indicator_count": self.indicators_of(action.id()).count(),
        })
    }

    /// An indicator for templates, with its latest visible value.
    pub fn indicator_summary(&self, indicator: &Indicator, locale: &str) -> Value {
        indicator_json(
            indicator,
            self.shown.get(&indicator.id()).copied(),
            self.indicator_progress(indicator),
            self.indicator_standing(indicator),
            indicator
                .action_id
                .and_then(|id| self.action(id))
                .map(|a| a.title.as_str()),
            self.today,
            locale,
        )
    }
}

/// An amount of euros for reading: cents shown only when there are some
/// (`12 500 €`, `12 500,50 €`).
pub fn money(value: f64, locale: &str) -> String {
    let cents = (value * 100.0).round();
    if cents % 100.0 == 0.0 {
        return with_unit(value, "€", locale);
    }
    let text = crate::numbers::grouped(cents / 100.0, locale);
    let point = if locale == "fr" { ',' } else { '.' };
    let padded = match text.rsplit_once(point) {
        Some((_, decimals)) if decimals.len() == 1 => format!("{text}0"),
        _ => text,
    };
    format!("{padded}\u{a0}€")
}

/// Whether a new value of an indicator is due: the last one is older than
/// its frequency allows (or there is none yet).
pub fn value_due(indicator: &Indicator, latest: Option<Latest>, today: Date) -> bool {
    match (indicator.frequency.due_after_days(), latest) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(days), Some(l)) => today.days_since(l.on) > days,
    }
}

/// An indicator for templates.
pub fn indicator_json(
    indicator: &Indicator,
    latest: Option<Latest>,
    progress: Option<f64>,
    standing: Standing,
    action_title: Option<&str>,
    today: Date,
    locale: &str,
) -> Value {
    let unit = &indicator.unit;
    json!({
        "id": indicator.id(),
        "code": indicator.code,
        "title": indicator.title,
        "description": indicator.description,
        "unit": unit,
        "action_id": indicator.action_id,
        "action_title": action_title,
        "direction": indicator.direction.as_str(),
        "frequency": indicator.frequency.as_str(),
        "source": indicator.source,
        "confidential": indicator.confidential,
        "weight": indicator.weight,
        "baseline": indicator.baseline_value.map(|v| with_unit(v, unit, locale)),
        "baseline_on": indicator.baseline_on,
        "target": indicator.target_value.map(|v| with_unit(v, unit, locale)),
        "target_on": indicator.target_on,
        "latest": latest.map(|l| json!({ "on": l.on, "value": with_unit(l.value, unit, locale) })),
        "progress": progress.map(percent),
        "standing": standing,
        "standing_badge": standing.badge(),
        "due": value_due(indicator, latest, today),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Frequency};

    fn indicator(frequency: Frequency) -> Indicator {
        Indicator {
            id: Some(1),
            action_id: None,
            code: "X".into(),
            title: "X".into(),
            description: String::new(),
            unit: "t".into(),
            direction: Direction::Down,
            baseline_value: Some(300.0),
            baseline_on: None,
            target_value: Some(200.0),
            target_on: None,
            frequency,
            source: String::new(),
            confidential: false,
            weight: 1.0,
        }
    }

    #[test]
    fn a_value_is_due_when_the_last_is_older_than_the_frequency_allows() {
        let today = Date::parse("2026-06-30").unwrap();
        let at = |on: &str| {
            Some(Latest {
                on: Date::parse(on).unwrap(),
                value: 1.0,
            })
        };
        assert!(value_due(&indicator(Frequency::Monthly), None, today));
        assert!(value_due(
            &indicator(Frequency::Monthly),
            at("2026-04-30"),
            today
        ));
        assert!(!value_due(
            &indicator(Frequency::Monthly),
            at("2026-05-31"),
            today
        ));
        assert!(!value_due(
            &indicator(Frequency::Yearly),
            at("2025-12-31"),
            today
        ));
        assert!(!value_due(&indicator(Frequency::Irregular), None, today));
    }

    #[test]
    fn money_shows_cents_only_when_there_are_some() {
        assert_eq!(money(12500.5, "fr"), "12\u{202f}500,50\u{a0}€");
        assert_eq!(money(12500.0, "en"), "12,500\u{a0}€");
        assert_eq!(money(0.05, "en"), "0.05\u{a0}€");
    }

    #[test]
    fn indicator_json_formats_values_with_their_unit() {
        let today = Date::parse("2026-06-30").unwrap();
        let latest = Some(Latest {
            on: Date::parse("2025-12-31").unwrap(),
            value: 275.5,
        });
        let json = indicator_json(
            &indicator(Frequency::Yearly),
            latest,
            Some(0.245),
            Standing::InProgress,
            Some("Réduire les déchets"),
            today,
            "fr",
        );
        assert_eq!(json["latest"]["value"], "275,5\u{a0}t");
        assert_eq!(json["latest"]["on"], "2025-12-31");
        assert_eq!(json["progress"], 25);
        assert_eq!(json["target"], "200\u{a0}t");
        assert_eq!(json["standing"], "in_progress");
        assert_eq!(json["due"], false);
    }
}
