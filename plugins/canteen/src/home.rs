//! The plugin's home page and the extranet widget: which schools have
//! counted the day, which are missing.

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::{self, COUNT, MANAGE, REPORTS};
use crate::counts::day_state;
use crate::model::{self, Day, School};
use crate::rules::{self, Editable};
use crate::{facts, site_rules};

/// The status of each school's counting day, for the user.
fn statuses(user: &User, locale: &str, only_countable: bool) -> Result<Vec<Value>, Error> {
    let now = clock::now();
    let today = now.date();
    let rules = site_rules()?;
    let facts = facts(&rules, today.add_days(-1), today.add_days(22))?;
    let days = model::days_between(today, today.add_days(21))?;
    let schools: Vec<School> = model::active_schools()?
        .into_iter()
        .filter(|s| !only_countable || access::may_count(user, s))
        .collect();
    let mut out = Vec::new();
    for school in schools {
        let date = rules::default_day(&school, &rules, &facts, today, now.local_datetime());
        let day = days.get(&(school.key(), date));
        let (kind, editable) = day_state(&school, date, &rules, &facts, day, &now);
        let counted = day.is_some_and(Day::is_counted);
        let status = match (&editable, counted) {
            (Editable::NoService, _) => "no-service",
            (_, true) => "done",
            (Editable::Until(_) | Editable::Reopened, false) => "missing",
            (_, false) => "missed",
        };
        let total = if counted {
            model::grid(school.key(), date)?.values().sum::<i64>()
        } else {
            0
        };
        let deadline = rules.deadline(date);
        let (kind_key, kind_detail) = kind.describe(locale);
        out.push(json!({
            "id": school.key(),
            "name": school.name,
            "date": date,
            "date_long": date.long(locale),
            "is_today": date == today,
            "status": status,
            "state": editable.code(),
            "total": total,
            "kind": { "key": kind_key, "detail": kind_detail },
            "deadline": { "date": deadline.date().long(locale), "time": deadline.time(), "same_day": deadline.date() == date },
            "may_count": access::may_count(user, &school),
        }));
    }
    Ok(out)
}

/// GET: what the user can do here, and today's counts of their schools.
pub fn page(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let (count, reports, manage) = (
        user.has_permission(COUNT),
        user.has_permission(REPORTS),
        user.has_permission(MANAGE),
    );
    if !(count || reports || manage) {
        return Err(Error::forbidden(messages::PERMISSION_DENIED));
    }
    let schools = statuses(user, req.locale(), !(reports || manage))?;
    let done = schools.iter().filter(|s| s["status"] == "done").count();
    let missing = schools
        .iter()
        .filter(|s| s["status"] == "missing" || s["status"] == "missed")
        .count();
    Ok(view("home.html")
        .title(i18n::t("canteen-title"))
        .set("schools", schools)
        .set("done", done)
        .set("missing", missing)
        .set("can_count", count)
        .set("can_report", reports)
        .set("can_manage", manage)
        .set("today", clock::now().date())
        .set("month", clock::now().date().to_string()[..7].to_owned())
        .into())
}

/// The extranet widget "today's counts: done / missing".
pub fn widget(ctx: &Context) -> Result<Option<View>, Error> {
    let Some(user) = ctx.user() else {
        return Ok(None);
    };
    let (count, reports, manage) = (
        user.has_permission(COUNT),
        user.has_permission(REPORTS),
        user.has_permission(MANAGE),
    );
    if !(count || reports || manage) {
        return Ok(None);
    }
    let schools = statuses(user, ctx.locale(), !(reports || manage))?;
    if schools.is_empty() {
        return Ok(None);
    }
    let done = schools.iter().filter(|s| s["status"] == "done").count();
    let missing = schools
        .iter()
        .filter(|s| s["status"] == "missing" || s["status"] == "missed")
        .count();
    Ok(Some(
        view("widget-today.html")
            .set("schools", schools)
            .set("done", done)
            .set("missing", missing),
    ))
}
