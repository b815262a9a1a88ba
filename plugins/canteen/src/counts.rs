//! The daily count of one school: the screen, saving it, the history of
//! a day, and locking (at the deadline, or by a manager) and unlocking.
//!
//! The form carries the day's revision as the page showed it. Saving is
//! one transaction that checks the day's revision is still that one and
//! the day is not locked, writes the changed numbers, a history row per
//! change, the day's new revision and an audit entry. Two staff saving
//! the same day from pages opened before either saved: the first commits;
//! the second is refused, told who saved what in between, and gets its
//! own numbers back in the form (which now carries the new revision), so
//! that replacing the other's numbers is a choice, never an accident.

use std::collections::BTreeMap;

use estive_sdk::clock::Instant;
use estive_sdk::db::Measure;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::{self, COUNT, MANAGE};
use crate::counting::{self, Problem, Submitted};
use crate::model::{self, Class, Day, Grid, HistoryEntry, LOCKED, MealType, OPEN, School};
use crate::rules::{self, DayKind, Editable, Rules};
use crate::{facts, query_date, site_rules, tr};

/// A transaction found the day changed since it was read: read again.
const DAY_CHANGED: &str = "day-changed";
/// A transaction found the day locked.
const DAY_LOCKED: &str = "day-locked";

/// The school of the route, which must be active.
fn route_school(req: &Request) -> Result<School, Error> {
    let school = model::school(req.param_id("school")?)?;
    if !school.active {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    Ok(school)
}

/// The school of the route, which the user must be allowed to count.
fn countable_school(req: &Request) -> Result<School, Error> {
    let user = req.require_permission(COUNT)?;
    let school = route_school(req)?;
    if !access::may_count(user, &school) {
        return Err(Error::forbidden("not-your-school"));
    }
    Ok(school)
}

/// What the count screen shows in its form.
enum Shown {
    /// The saved numbers, or last week's as a suggestion.
    Stored,
    /// What was just typed, with what is wrong with it.
    Typed(Submitted),
    /// What was just typed, refused because the day cannot be changed.
    Refused(Submitted, &'static str),
    /// What was just typed, refused because someone saved the day after
    /// the page was opened: the form offers it again over their numbers.
    Stale(Submitted),
}

/// The meal types as templates use them.
pub(crate) fn meals_json(meals: &[MealType], locale: &str) -> Value {
    Value::Array(
        meals
            .iter()
            .map(|m| {
                json!({
                    "code": m.code,
                    "label": m.label(locale),
                    "health": m.health,
                    "vegetarian": m.vegetarian,
                    "adult": m.adult,
                })
            })
            .collect(),
    )
}

/// Records that health data (allergy-plan counts) was shown.
pub(crate) fn audit_health_view(
    meals: &[MealType],
    page: &str,
    subject: &str,
) -> Result<(), Error> {
    if meals.iter().any(|m| m.health) {
        events::audit("canteen.pai.viewed", subject, &json!({ "page": page }))?;
    }
    Ok(())
}

/// The saved numbers of the nearest same weekday in the last five weeks,
/// to prefill a day not counted yet.
fn last_weeks_grid(school_id: i64, date: Date) -> Result<Option<(Date, Grid)>, Error> {
    for weeks in 1..=5 {
        let earlier = date.add_days(-7 * weeks);
        let grid = model::grid(school_id, earlier)?;
        if !grid.is_empty() {
            return Ok(Some((earlier, grid)));
        }
    }
    Ok(None)
}

fn render(
    req: &Request,
    school: &School,
    date: Date,
    shown: Shown,
    status: u16,
) -> Result<Response, Error> {
    let user = req.require_user()?;
    let locale = req.locale();
    let now = clock::now();
    let rules = site_rules()?;
    let facts = facts(&rules, date.add_days(-70), date.add_days(70))?;
    let kind = rules::day_kind(school, date, &facts);
    let day = model::day(school.key(), date)?;
    let deadline = rules.deadline(date);
    let editable = rules::editable(&kind, date, day.as_ref(), deadline, now.local_datetime());
    let meals = model::meal_types(true)?;
    let mut classes = model::classes(school.key(), true)?;
    let saved = model::grid(school.key(), date)?;
    // Groups deactivated since they were counted still show their numbers.
    if !saved.is_empty() {
        let active: Vec<i64> = classes.iter().map(Class::key).collect();
        let all = model::classes(school.key(), false)?;
        for class in all {
            if !active.contains(&class.key()) && saved.keys().any(|(c, _)| *c == class.key()) {
                classes.push(class);
            }
        }
    }

    let counted = day.as_ref().is_some_and(Day::is_counted);
    let mut prefilled_from = None;
    let stale = matches!(shown, Shown::Stale(_));
    let (values, problems, refused): (BTreeMap<String, String>, Vec<Problem>, Option<&str>) =
        match shown {
            Shown::Typed(s) | Shown::Stale(s) => (s.typed, s.problems, None),
            Shown::Refused(s, why) => (s.typed, Vec::new(), Some(why)),
            Shown::Stored => {
                let grid = if counted || !editable.allows_saving() {
                    saved.clone()
                } else if let Some((from, grid)) = last_weeks_grid(school.key(), date)? {
                    prefilled_from = Some(from);
                    grid
                } else {
                    Grid::new()
                };
                let values = grid
                    .iter()
                    .map(|((c, m), n)| (counting::field_name(*c, m), n.to_string()))
                    .collect();
                (values, Vec::new(), None)
            }
        };

    // The grid keeps its own markup; the form gives its errors, its
    // summary (each number named by its group and meal type) and the
    // status. Its controls' ids are `canteen-<field>`.
    let mut form = Form::new("canteen");
    for c in &classes {
        for m in &meals {
            form = form.label(
                &counting::field_name(c.key(), &m.code),
                &format!("{} – {}", c.name, m.label(locale)),
            );
        }
    }
    if !problems.is_empty() {
        let invalid = Error::Invalid(
            problems
                .iter()
                .map(|p| {
                    p.args
                        .iter()
                        .fold(FieldError::new(&p.field, p.key), |e, (k, v)| e.arg(k, v))
                })
                .collect(),
        );
        form = form.sent(req).errors(&invalid);
    }

    let class_totals = counting::totals_by_class(&saved);
    let classes_json: Vec<Value> = classes
        .iter()
        .map(|c| {
            let cells: Vec<Value> = meals
                .iter()
                .map(|m| {
                    let name = counting::field_name(c.key(), &m.code);
                    let value = values.get(&name).cloned().unwrap_or_default();
                    let saved_n = saved.get(&(c.key(), m.code.clone())).copied().unwrap_or(0);
                    // After a refused stale save, each number that differs
                    // from the other person's says what they saved.
                    let typed_n = if value.is_empty() {
                        Some(0)
                    } else {
                        value.parse::<i64>().ok()
                    };
                    json!({
                        "meal": m.code,
                        "label": m.label(locale),
                        "name": name,
                        "value": value,
                        "saved": saved_n,
                        "differs": stale && typed_n != Some(saved_n),
                    })
                })
                .collect();
            let names: Vec<String> = meals
                .iter()
                .map(|m| counting::field_name(c.key(), &m.code))
                .collect();
            json!({
                "id": c.key(),
                "name": c.name,
                "pupils": c.pupils,
                "active": c.active,
                "cells": cells,
                "invalid": problems.iter().any(|p| names.contains(&p.field)),
                "total": class_totals.get(&c.key()).copied().unwrap_or(0),
            })
        })
        .collect();

    let meal_totals = counting::totals_by_meal(&saved);
    let totals: Vec<Value> = meals
        .iter()
        .map(|m| json!({ "label": m.label(locale), "count": meal_totals.get(&m.code).copied().unwrap_or(0) }))
        .collect();
    let total: i64 = saved.values().sum();

    if counted || prefilled_from.is_some() {
        audit_health_view(&meals, "count", &format!("school:{}:{date}", school.key()))?;
    }

    let (kind_key, kind_detail) = kind.describe(locale);
    let deadline_text = json!({
        "date": deadline.date().long(locale),
        "time": deadline.time(),
        "same_day": deadline.date() == date,
    });
    let prev = rules::next_service_day(school, &facts, date, -1);
    let next = rules::next_service_day(school, &facts, date, 1);
    let title = tr(
        "count-title",
        &[("school", school.name.clone()), ("date", date.long(locale))],
    );
    let day_json = day.as_ref().map(|d| {
        json!({
            "status": d.status,
            "revision": d.revision,
            "saved_at": d.saved_at,
            "saved_by_name": d.saved_by_name,
            "locked_at": d.locked_at,
            "locked_by_name": d.locked_by_name,
            "unlock_reason": d.unlock_reason,
        })
    });
    Ok(view("count.html")
        .title(title)
        .status(status)
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .form(form)
        .set(
            "school",
            json!({ "id": school.key(), "name": school.name, "capacity": school.capacity }),
        )
        .set("date", date)
        .set("date_long", date.long(locale))
        .set("is_today", date == now.date())
        .set("today", now.date())
        .set("prev", prev)
        .set("prev_long", prev.map(|d| d.long(locale)))
        .set("next", next)
        .set("next_long", next.map(|d| d.long(locale)))
        .set(
            "kind",
            json!({ "key": kind_key, "detail": kind_detail, "service": kind.is_service() }),
        )
        .set("state", editable.code())
        .set("editable", editable.allows_saving())
        .set("deadline", deadline_text)
        .set("day", day_json)
        .set("counted", counted)
        .set("revision", day.as_ref().map_or(0, |d| d.revision))
        .set("prefilled_from", prefilled_from.map(|d| d.long(locale)))
        .set("meals", meals_json(&meals, locale))
        .set("classes", classes_json)
        .set("totals", totals)
        .set("total", total)
        .set("refused", refused)
        .set("stale", stale)
        .set("can_manage", user.has_permission(MANAGE))
        .set(
            "can_history",
            access::may_read(user, school) && (counted || day.is_some()),
        )
        .into())
}

/// GET: the count screen of a school for a day (by default today, or the
/// next day still open).
pub fn show(req: &Request) -> Result<Response, Error> {
    let school = countable_school(req)?;
    let date = match query_date(req, "date") {
        Some(d) => d,
        None => {
            let now = clock::now();
            let rules = site_rules()?;
            let today = now.date();
            let facts = facts(&rules, today, today.add_days(21))?;
            rules::default_day(&school, &rules, &facts, today, now.local_datetime())
        }
    };
    render(req, &school, date, Shown::Stored, 200)
}

/// Why a day cannot be changed, as a catalogue key.
fn refusal(editable: &Editable) -> &'static str {
    match editable {
        Editable::Locked => "count-refused-locked",
        Editable::DeadlinePassed(_) | Editable::Closed(_) => "count-refused-deadline",
        _ => "count-refused-no-service",
    }
}

/// POST: saves the whole grid of a school's day.
pub fn save(req: &Request) -> Result<Response, Error> {
    let school = countable_school(req)?;
    let user = req.require_user()?;
    let Some(date) = req.form("date").and_then(Date::parse) else {
        return Err(Error::invalid("date", messages::FIELD_INVALID_DATE));
    };
    // The revision the page showed; a form without one (an old page, a
    // hand-made request) is taken as made before any save.
    let seen_revision: i64 = req
        .form("revision")
        .and_then(|r| r.parse().ok())
        .unwrap_or(0);
    let rules = site_rules()?;
    let facts = facts(&rules, date, date)?;
    let kind = rules::day_kind(&school, date, &facts);
    let classes = model::classes(school.key(), true)?;
    let meals = model::meal_types(true)?;
    let submitted = counting::read_grid(req.form_pairs(), &school, &classes, &meals);
    if classes.is_empty() {
        return Err(Error::conflict("count-no-groups"));
    }

    let now = clock::now();
    let day = model::day(school.key(), date)?;
    let editable = rules::editable(
        &kind,
        date,
        day.as_ref(),
        rules.deadline(date),
        now.local_datetime(),
    );
    if !editable.allows_saving() {
        let why = refusal(&editable);
        return render(req, &school, date, Shown::Refused(submitted, why), 409);
    }
    if !submitted.is_valid() {
        return render(req, &school, date, Shown::Typed(submitted), 422);
    }
    let current = day.as_ref().map_or(0, |d| d.revision);
    if current > seen_revision {
        // Someone saved since the page was opened. The same numbers sent
        // twice (a double click, a page sent again) change nothing: done.
        let saved = model::grid(school.key(), date)?;
        if counting::changes(&saved, &submitted.grid).is_empty() {
            return Ok(saved_redirect(req, &school, date, i18n::t("counts-saved")));
        }
        return render(req, &school, date, Shown::Stale(submitted), 409);
    }
    match commit_save(&school, date, day.as_ref(), &submitted, user, &now) {
        Ok(()) => Ok(saved_redirect(req, &school, date, i18n::t("counts-saved"))),
        // Another save committed between our reading and our transaction.
        Err(Error::Conflict(m)) if m == DAY_CHANGED => {
            render(req, &school, date, Shown::Stale(submitted), 409)
        }
        Err(Error::Conflict(m)) if m == DAY_LOCKED => render(
            req,
            &school,
            date,
            Shown::Refused(submitted, "count-refused-locked"),
            409,
        ),
        Err(e) => Err(e),
    }
}

/// Back to the day's count screen with a notice.
fn saved_redirect(req: &Request, school: &School, date: Date, notice: String) -> Response {
    redirect(count_url(req, school, date)).notice(notice).into()
}

/// The save transaction; see the module documentation.
fn commit_save(
    school: &School,
    date: Date,
    day: Option<&Day>,
    submitted: &Submitted,
    user: &User,
    now: &Instant,
) -> Result<(), Error> {
    // Checked again inside the transaction: the revision the page showed.
    let revision = day.map_or(0, |d| d.revision);
    let status = day
        .filter(|d| d.is_unlocked())
        .map_or(OPEN, |d| d.status.as_str());
    let old = model::grid(school.key(), date)?;
    let changes = counting::changes(&old, &submitted.grid);
    let key = [eq("school_id", school.key()), eq("date", date)];

    let mut tx = db::transaction();
    tx.expect(
        "days",
        key.clone(),
        Measure::sum("revision"),
        Some(revision as f64),
        Some(revision as f64),
        DAY_CHANGED,
    );
    tx.expect_none(
        "days",
        [
            eq("school_id", school.key()),
            eq("date", date),
            eq("status", LOCKED),
        ],
        DAY_LOCKED,
    );
    tx.upsert(
        "days",
        &json!({
            "school_id": school.key(),
            "date": date,
            "status": status,
            "revision": revision + 1,
            "saved_at": now.utc,
            "saved_by": user.id,
            "saved_by_name": user.name,
        }),
        &["school_id", "date"],
    );
    for change in &changes {
        tx.upsert(
            "counts",
            &json!({
                "school_id": school.key(),
                "date": date,
                "class_id": change.class_id,
                "meal_type": change.meal_type,
                "count": change.new,
            }),
            &["school_id", "date", "class_id", "meal_type"],
        );
        tx.insert(
            "history",
            &HistoryEntry {
                id: None,
                school_id: school.key(),
                date,
                revision: revision + 1,
                action: "count".into(),
                class_id: Some(change.class_id),
                meal_type: Some(change.meal_type.clone()),
                old_count: change.old,
                new_count: Some(change.new),
                reason: None,
                user_id: Some(user.id.clone()),
                user_name: Some(user.name.clone()),
                at: now.utc.clone(),
            },
        );
    }
    tx.audit(
        "canteen.counts.saved",
        &format!("school:{}:{date}", school.key()),
        &json!({ "revision": revision + 1, "changes": changes.len() }),
    );
    tx.commit()?;
    Ok(())
}

/// The payload of `canteen.day-locked`.
pub(crate) fn locked_payload(
    school: &School,
    date: Date,
    grid: &Grid,
    meals: &[MealType],
) -> Value {
    let mut totals: BTreeMap<String, i64> = meals.iter().map(|m| (m.code.clone(), 0)).collect();
    for (meal, n) in counting::totals_by_meal(grid) {
        *totals.entry(meal).or_insert(0) += n;
    }
    let total: i64 = totals.values().sum();
    json!({
        "school": school.name,
        "school_id": school.key(),
        "date": date,
        "totals": totals,
        "total": total,
        "counted": !grid.is_empty(),
    })
}

/// Locks a school's day and publishes its totals, in one transaction.
/// Returns false when the day was already locked.
///
/// # Errors
///
/// A conflict when the day kept changing while being locked.
pub(crate) fn lock_day(
    school: &School,
    date: Date,
    by: Option<&User>,
    now: &Instant,
) -> Result<bool, Error> {
    let meals = model::meal_types(true)?;
    for _ in 0..5 {
        let day = model::day(school.key(), date)?;
        if day.as_ref().is_some_and(Day::is_locked) {
            return Ok(false);
        }
        let revision = day.as_ref().map_or(0, |d| d.revision);
        let grid = model::grid(school.key(), date)?;
        let payload = locked_payload(school, date, &grid, &meals);
        let key = [eq("school_id", school.key()), eq("date", date)];

        let mut tx = db::transaction();
        tx.expect(
            "days",
            key.clone(),
            Measure::sum("revision"),
            Some(revision as f64),
            Some(revision as f64),
            DAY_CHANGED,
        );
        tx.expect_none(
            "days",
            [
                eq("school_id", school.key()),
                eq("date", date),
                eq("status", LOCKED),
            ],
            DAY_LOCKED,
        );
        tx.upsert(
            "days",
            &json!({
                "school_id": school.key(),
                "date": date,
                "status": LOCKED,
                "revision": revision,
                "locked_at": now.utc,
                "locked_by": by.map(|u| u.id.clone()),
                "locked_by_name": by.map(|u| u.name.clone()),
            }),
            &["school_id", "date"],
        );
        tx.insert(
            "history",
            &HistoryEntry {
                id: None,
                school_id: school.key(),
                date,
                revision,
                action: "lock".into(),
                class_id: None,
                meal_type: None,
                old_count: None,
                new_count: payload["total"].as_i64(),
                reason: None,
                user_id: by.map(|u| u.id.clone()),
                user_name: by.map(|u| u.name.clone()),
                at: now.utc.clone(),
            },
        );
        tx.publish("day-locked", &payload);
        if by.is_some() {
            tx.audit(
                "canteen.day.locked",
                &format!("school:{}:{date}", school.key()),
                &json!({ "total": payload["total"] }),
            );
        }
        match tx.commit() {
            Ok(_) => return Ok(true),
            Err(Error::Conflict(m)) if m == DAY_CHANGED => continue,
            Err(Error::Conflict(m)) if m == DAY_LOCKED => return Ok(false),
            Err(e) => return Err(e),
        }
    }
    Err(Error::conflict("day-busy"))
}

/// Locks done by one run of the schedule, so that a run stays well within
/// the call's deadline after a long outage; the next run (15 minutes
/// later) does the rest.
const MAX_LOCKS_PER_RUN: usize = 40;

/// The schedule `lock-days`: locks every day with service whose deadline
/// has passed, in the last week and the next few days (a deadline may
/// fall days before a Monday after a long weekend). Days reopened by a
/// manager stay open until a manager locks them again.
///
/// # Errors
///
/// Storage failures; days locked before the failure stay locked.
pub fn lock_due_days() -> Result<usize, Error> {
    let now = clock::now();
    let local = now.local_datetime();
    let today = now.date();
    let rules = site_rules()?;
    let (from, to) = (
        today.add_days(-rules::LOCK_LOOKBACK_DAYS),
        today.add_days(6),
    );
    let facts = facts(&rules, from, to)?;
    let days = model::days_between(from, to)?;
    let mut locked = 0;
    for school in model::active_schools()? {
        let mut date = from.max(school.created_on);
        while date <= to && locked < MAX_LOCKS_PER_RUN {
            let due = rules.deadline(date) <= local;
            let settled = days
                .get(&(school.key(), date))
                .is_some_and(|d| d.is_locked() || d.is_unlocked());
            if due
                && !settled
                && rules::day_kind(&school, date, &facts).is_service()
                && lock_day(&school, date, None, &now)?
            {
                locked += 1;
            }
            date = date.add_days(1);
        }
    }
    Ok(locked)
}

/// The date of a manager's form (lock, unlock).
fn form_or_query_date(req: &Request) -> Result<Date, Error> {
    req.form("date")
        .and_then(Date::parse)
        .or_else(|| query_date(req, "date"))
        .ok_or_else(|| Error::invalid("date", messages::FIELD_INVALID_DATE))
}

fn count_url(req: &Request, school: &School, date: Date) -> String {
    format!(
        "{}?date={date}",
        req.url(&format!("/comptage/{}", school.key()))
    )
}

/// POST: a manager locks a day now (before the deadline, or again after
/// reopening it).
pub fn lock(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission(MANAGE)?;
    let school = route_school(req)?;
    let date = form_or_query_date(req)?;
    let rules = site_rules()?;
    let facts = facts(&rules, date, date)?;
    if !rules::day_kind(&school, date, &facts).is_service() {
        return Err(Error::conflict("count-refused-no-service"));
    }
    let notice = if lock_day(&school, date, Some(user), &clock::now())? {
        "day-locked-notice"
    } else {
        "day-already-locked"
    };
    Ok(redirect(count_url(req, &school, date))
        .notice(notice)
        .into())
}

/// The form to reopen a locked day: empty, or as sent with its error.
fn unlock_view(
    req: &Request,
    school: &School,
    date: Date,
    invalid: Option<&Error>,
) -> Result<Response, Error> {
    let day = model::day(school.key(), date)?;
    if !day.as_ref().is_some_and(Day::is_locked) {
        return Err(Error::conflict("day-not-locked"));
    }
    let locale = req.locale();
    let title = tr(
        "unlock-title",
        &[("school", school.name.clone()), ("date", date.long(locale))],
    );
    let mut form = Form::new("canteen-unlock").label("reason", "unlock-reason");
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    Ok(view("unlock.html")
        .title(title)
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .crumb(
            tr(
                "count-title",
                &[("school", school.name.clone()), ("date", date.long(locale))],
            ),
            count_url(req, school, date),
        )
        .set("school", json!({ "id": school.key(), "name": school.name }))
        .set("date", date)
        .set("day", day)
        .form(form)
        .into())
}

/// GET: the form to reopen a locked day, with a reason.
pub fn unlock_form(req: &Request) -> Result<Response, Error> {
    let school = route_school(req)?;
    let date = form_or_query_date(req)?;
    unlock_view(req, &school, date, None)
}

/// POST: reopens a locked day; the reason goes to the history and the
/// audit log.
pub fn unlock(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission(MANAGE)?;
    let school = route_school(req)?;
    let date = form_or_query_date(req)?;
    let reason = req.form("reason").unwrap_or_default().trim().to_owned();
    let chars = reason.chars().count();
    if !(5..=500).contains(&chars) {
        let key = if chars < 5 {
            "unlock-reason-required"
        } else {
            "unlock-reason-too-long"
        };
        return unlock_view(req, &school, date, Some(&Error::invalid("reason", key)));
    }
    let now = clock::now();
    let day = model::day(school.key(), date)?.unwrap_or_default();
    let subject = format!("school:{}:{date}", school.key());
    let mut tx = db::transaction();
    tx.expect(
        "days",
        [
            eq("school_id", school.key()),
            eq("date", date),
            eq("status", LOCKED),
        ],
        Measure::count_rows(),
        Some(1.0),
        Some(1.0),
        "day-not-locked",
    );
    tx.update(
        db::update("days")
            .filter(eq("school_id", school.key()))
            .filter(eq("date", date))
            .set("status", model::UNLOCKED)
            .set("unlock_reason", reason.as_str()),
    );
    tx.insert(
        "history",
        &HistoryEntry {
            id: None,
            school_id: school.key(),
            date,
            revision: day.revision,
            action: "unlock".into(),
            class_id: None,
            meal_type: None,
            old_count: None,
            new_count: None,
            reason: Some(reason.clone()),
            user_id: Some(user.id.clone()),
            user_name: Some(user.name.clone()),
            at: now.utc.clone(),
        },
    );
    tx.audit(
        "canteen.day.unlocked",
        &subject,
        &json!({ "reason": reason }),
    );
    tx.commit()?;
    Ok(redirect(count_url(req, &school, date))
        .notice("day-unlocked-notice")
        .into())
}

/// GET: every change of a school's day, newest first.
pub fn history(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let school = route_school(req)?;
    if !access::may_read(user, &school) {
        return Err(Error::forbidden("not-your-school"));
    }
    let Some(date) = query_date(req, "date") else {
        return Err(Error::not_found(messages::NOT_FOUND));
    };
    let locale = req.locale();
    let classes = model::all_classes()?;
    let meals: BTreeMap<String, MealType> = model::meal_types(false)?
        .into_iter()
        .map(|m| (m.code.clone(), m))
        .collect();
    let entries: Vec<HistoryEntry> = db::select("history")
        .filter(eq("school_id", school.key()))
        .filter(eq("date", date))
        .order_desc("id")
        .limit(1000)
        .fetch()?;
    if entries.iter().any(|e| {
        e.meal_type
            .as_ref()
            .and_then(|m| meals.get(m))
            .is_some_and(|m| m.health)
    }) {
        events::audit(
            "canteen.pai.viewed",
            &format!("school:{}:{date}", school.key()),
            &json!({ "page": "history" }),
        )?;
    }
    let rows: Vec<Value> = entries
        .iter()
        .map(|e| {
            json!({
                "at": e.at,
                "who": e.user_name,
                "action": e.action,
                "revision": e.revision,
                "group": e.class_id.and_then(|c| classes.get(&c)).map(|c| c.name.clone()),
                "meal": e.meal_type.as_ref().map(|m| meals.get(m).map_or(m.clone(), |t| t.label(locale).to_owned())),
                "old": e.old_count,
                "new": e.new_count,
                "reason": e.reason,
            })
        })
        .collect();
    let title = tr(
        "history-title",
        &[("school", school.name.clone()), ("date", date.long(locale))],
    );
    Ok(view("history.html")
        .title(title)
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .crumb(
            tr(
                "count-title",
                &[("school", school.name.clone()), ("date", date.long(locale))],
            ),
            count_url(req, &school, date),
        )
        .set("school", json!({ "id": school.key(), "name": school.name }))
        .set("date", date)
        .set("can_count", access::may_count(user, &school))
        .set("entries", rows)
        .into())
}

/// Whether `rules` and a day allow saving now: used by the home page.
pub(crate) fn day_state(
    school: &School,
    date: Date,
    rules: &Rules,
    facts: &rules::Facts,
    day: Option<&Day>,
    now: &Instant,
) -> (DayKind, Editable) {
    let kind = rules::day_kind(school, date, facts);
    let editable = rules::editable(&kind, date, day, rules.deadline(date), now.local_datetime());
    (kind, editable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_meal_types;

    #[test]
    fn locked_payload_has_every_meal_type_and_the_total() {
        let school = School {
            id: Some(4),
            name: "École du Bourg".into(),
            group_slug: None,
            capacity: 100,
            weekdays: "1,2,4,5".into(),
            active: true,
            created_on: "2026-09-01".parse().unwrap(),
        };
        let mut grid = Grid::new();
        grid.insert((1, "standard".into()), 40);
        grid.insert((2, "standard".into()), 30);
        grid.insert((2, "pai".into()), 2);
        let date: Date = "2026-11-30".parse().unwrap();
        let payload = locked_payload(&school, date, &grid, &default_meal_types());
        assert_eq!(payload["school"], "École du Bourg");
        assert_eq!(payload["school_id"], 4);
        assert_eq!(payload["date"], "2026-11-30");
        assert_eq!(payload["totals"]["standard"], 70);
        assert_eq!(payload["totals"]["pai"], 2);
        assert_eq!(payload["totals"]["vegetarian"], 0);
        assert_eq!(payload["total"], 72);
        assert_eq!(payload["counted"], true);
    }

    #[test]
    fn refusal_names_why_the_day_is_closed() {
        let deadline: estive_sdk::dates::DateTime = "2026-11-30T09:30".parse().unwrap();
        assert_eq!(refusal(&Editable::Locked), "count-refused-locked");
        assert_eq!(
            refusal(&Editable::DeadlinePassed(deadline)),
            "count-refused-deadline"
        );
        assert_eq!(refusal(&Editable::NoService), "count-refused-no-service");
    }
}
