//! The booking form: one slot, or a recurrence whose dates are listed
//! with their clashes before anything is saved.

use estive_sdk::Area;
use estive_sdk::dates::{Date, DateTime};
use estive_sdk::form::{Form, Validator};
use estive_sdk::prelude::*;
use serde::Serialize;

use crate::availability::{self, Availability};
use crate::fmt;
use crate::hours::{self, minute_precision};
use crate::model::{Booking, Resource};
use crate::recurrence::{self, Frequency, Occurrence, Rule, RuleError};
use crate::rules::{self, Problem};
use crate::store::{self, Booker, Settings};
use crate::web::{self, APPROVE, MANAGE, tr};

/// Longest texts accepted.
const PURPOSE_MAX: usize = 200;
const SHORT_MAX: usize = 120;

/// What the form asks for, once read.
struct Draft {
    start: DateTime,
    end: DateTime,
    request: store::Request,
    rule: Option<Rule>,
    skip_school: bool,
}

/// Whether a problem is the same for every date of a recurrence (so it is
/// an error of the form rather than of one date).
fn is_shape(problem: &Problem) -> bool {
    matches!(
        problem,
        Problem::EndBeforeStart
            | Problem::OffStep(_)
            | Problem::TooLong(_)
            | Problem::RoomOverNight
    )
}

fn problem_text(problem: &Problem, locale: &str) -> String {
    tr(problem.key(), &problem.args(locale))
}

/// The error of a slot's problem, on its field.
fn problem_error(problem: &Problem, locale: &str) -> FieldError {
    problem.args(locale).into_iter().fold(
        FieldError::new(problem.field(), problem.key()),
        |e, (k, v)| e.arg(k, v),
    )
}

/// Reads and checks the fields; the validator holds the errors of the
/// fields alone, and takes those found later.
fn read<'r>(req: &'r Request, resource: &Resource) -> (Option<Draft>, Validator<'r>) {
    let mut form = req.validator();
    let start = form.datetime("start").value();
    let end = form.datetime("end").value();
    let quantity = if resource.is_room() {
        1
    } else {
        form.int("quantity").min(1).value()
    };
    let attendees = if resource.is_room() {
        form.int("attendees").min(1).optional()
    } else {
        None
    };
    let purpose = form.text("purpose").required().max_len(PURPOSE_MAX).value();
    let organisation = form.text("organisation").max_len(SHORT_MAX).optional();
    let contact_name = form.text("contact_name").max_len(SHORT_MAX).optional();
    let contact_phone = form.text("contact_phone").max_len(30).optional();
    let contact_email = form.email("contact_email").max_len(SHORT_MAX).optional();
    let show_publicly = form.checkbox("show_publicly").value();
    let mut repeats: Vec<&str> = vec!["none"];
    repeats.extend(Frequency::ALL.iter().map(|f| f.as_str()));
    let repeat = form.choice("repeat", &repeats).or("none".to_owned());
    let interval = form
        .int("interval")
        .range(1, i64::from(recurrence::MAX_INTERVAL))
        .or(1);
    let weekdays = form
        .choices("weekdays", &["1", "2", "3", "4", "5", "6", "7"])
        .value();
    let until = form.date("until").optional();
    let skip_school = form.checkbox("skip_school").value();
    if !resource.is_room() && quantity > resource.stock {
        form.report(FieldError::new("quantity", "quantity-over-stock").arg("n", resource.stock));
    }
    if let (Some(n), Some(capacity)) = (attendees, resource.capacity)
        && n > capacity
    {
        form.report(FieldError::new("attendees", "attendees-over-capacity").arg("n", capacity));
    }
    let frequency = Frequency::parse(&repeat);
    if frequency.is_some() && until.is_none() {
        form.report(FieldError::new("until", "recurrence-without-end"));
    }
    if form.has_errors() {
        return (None, form);
    }
    let rule = frequency.zip(until).map(|(frequency, until)| Rule {
        frequency,
        interval: interval as u32,
        weekdays: weekdays.iter().filter_map(|d| d.parse().ok()).collect(),
        until,
    });
    let draft = Draft {
        start: minute_precision(start),
        end: minute_precision(end),
        request: store::Request {
            quantity,
            purpose,
            organisation,
            attendees,
            contact_name,
            contact_phone,
            contact_email,
            show_publicly,
        },
        rule,
        skip_school,
    };
    (Some(draft), form)
}

/// One date of a recurrence as the preview lists it.
#[derive(Clone, Debug, Serialize)]
struct Row {
    /// The slot written out.
    label: String,
    /// `free`, `taken`, `closed` or `skipped`.
    state: &'static str,
    /// Why it cannot be booked.
    reason: Option<String>,
}

/// The dates of a recurrence sorted into those that can be booked and the
/// rest, with the preview rows.
struct Plan {
    rows: Vec<Row>,
    free: Vec<Occurrence>,
    /// Dates that cannot be booked (skipped school holidays excluded).
    blocked: usize,
}

fn plan(
    resource: &Resource,
    occurrences: &[Occurrence],
    draft: &Draft,
    limits: &rules::Limits,
    school: &[rules::Period],
    locale: &str,
) -> Result<Plan, Error> {
    let (from, to) = match (occurrences.first(), occurrences.last()) {
        (Some(a), Some(b)) => (a.start, b.end),
        _ => {
            return Ok(Plan {
                rows: Vec::new(),
                free: Vec::new(),
                blocked: 0,
            });
        }
    };
    let existing = store::active_between(&[resource.id()], from, to)?;
    let mut rows = Vec::with_capacity(occurrences.len());
    let mut free = Vec::new();
    let mut blocked = 0;
    for o in occurrences {
        let label = fmt::slot(o.start, o.end, locale);
        if draft.skip_school && rules::in_periods(school, o.start.date()) {
            rows.push(Row {
                label,
                state: "skipped",
                reason: Some(tr("date-school-holiday", &[])),
            });
            continue;
        }
        if let Some(problem) = rules::check(resource, o.start, o.end, limits).first() {
            blocked += 1;
            rows.push(Row {
                label,
                state: "closed",
                reason: Some(problem_text(problem, locale)),
            });
            continue;
        }
        match availability::availability(
            resource,
            &existing,
            o.start,
            o.end,
            draft.request.quantity,
        ) {
            Availability::Free => {
                free.push(*o);
                rows.push(Row {
                    label,
                    state: "free",
                    reason: None,
                });
            }
            Availability::Taken(_) => {
                blocked += 1;
                rows.push(Row {
                    label,
                    state: "taken",
                    reason: Some(tr("date-taken", &[])),
                });
            }
            Availability::Short(n) => {
                blocked += 1;
                rows.push(Row {
                    label,
                    state: "taken",
                    reason: Some(tr("date-short", &[("n", n.to_string())])),
                });
            }
        }
    }
    Ok(Plan {
        rows,
        free,
        blocked,
    })
}

/// The booking form of a resource: `GET` shows it, `POST` checks it and
/// books, or lists the dates of a recurrence first.
///
/// # Errors
///
/// Not found for an unknown resource (or one the portal does not show),
/// forbidden for someone who may not book it.
pub fn handle(req: &Request, area: Area) -> Result<Response, Error> {
    let resource = store::resource(req.param_id("id")?)?;
    let user = req.require_user()?;
    if area == Area::Portal && !web::visible_on_portal(Some(user), &resource) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    if !web::may_book(Some(user), &resource) {
        return Err(Error::forbidden("may-not-book"));
    }
    // A first visit, or back from the list of dates to change the form.
    if !req.is_post() || req.form("step") == Some("edit") {
        return Ok(form_page(req, &resource, None)?.into());
    }
    let settings = Settings::load()?;
    let manager = user.has_permission(MANAGE);
    let closed = settings.closed();
    let limits = settings.limits(&closed, manager);
    let locale = req.locale().to_owned();
    let (draft, mut form) = read(req, &resource);
    let Some(draft) = draft else {
        // Say at once what is wrong with the slot too, when it was given.
        let slot = |name| {
            req.form(name)
                .and_then(DateTime::parse)
                .map(minute_precision)
        };
        if let (Some(start), Some(end)) = (slot("start"), slot("end")) {
            let single = req.form("repeat").is_none_or(|r| r == "none");
            for problem in rules::check(&resource, start, end, &limits) {
                if single || is_shape(&problem) {
                    form.report(problem_error(&problem, &locale));
                }
            }
        }
        return Ok(form_page(req, &resource, form.finish().err())?.into());
    };
    let quota_left = if !manager && resource.quota > 0 {
        Some(resource.quota - store::quota_use(&user.id, resource.id())?.used)
    } else {
        None
    };
    let booker = Booker {
        user,
        approved: !resource.needs_approval || user.has_permission(APPROVE),
        quota: !manager,
    };

    let Some(rule) = draft.rule.clone() else {
        // One slot: check it, then book it.
        for problem in rules::check(&resource, draft.start, draft.end, &limits) {
            form.report(problem_error(&problem, &locale));
        }
        if quota_left.is_some_and(|left| left < 1) {
            form.report(FieldError::new("start", "quota-exceeded").arg("n", resource.quota));
        }
        if !resource.is_room() && !form.has_errors() {
            let existing = store::active_between(&[resource.id()], draft.start, draft.end)?;
            if let Availability::Short(n) = availability::availability(
                &resource,
                &existing,
                draft.start,
                draft.end,
                draft.request.quantity,
            ) {
                form.report(FieldError::new("quantity", "stock-short").arg("n", n));
                return Ok(form_page(req, &resource, form.finish().err())?
                    .status(409)
                    .into());
            }
        }
        if form.has_errors() {
            return Ok(form_page(req, &resource, form.finish().err())?.into());
        }
        let slot = Occurrence {
            start: draft.start,
            end: draft.end,
        };
        return match store::book(&resource, &[slot], &draft.request, &booker, None) {
            Ok(id) => Ok(done(req, area, id, booker.approved, 1).into()),
            Err(Error::Conflict(key)) => {
                form.report(FieldError::new(conflict_field(&key), key).arg("n", resource.quota));
                Ok(form_page(req, &resource, form.finish().err())?
                    .status(409)
                    .into())
            }
            Err(e) => Err(e),
        };
    };

    // A recurrence: its dates, each checked.
    let occurrences = match recurrence::occurrences(draft.start, draft.end, &rule) {
        Ok(o) => o,
        Err(e) => {
            let key = match e {
                RuleError::EndsBeforeStart => "recurrence-ends-before-start",
                RuleError::OverAYear => "recurrence-over-a-year",
                RuleError::BadInterval => "recurrence-bad-interval",
            };
            let field = if e == RuleError::BadInterval {
                "interval"
            } else {
                "until"
            };
            form.error(field, key);
            return Ok(form_page(req, &resource, form.finish().err())?.into());
        }
    };
    for problem in rules::check(&resource, draft.start, draft.end, &limits) {
        if is_shape(&problem) {
            form.report(problem_error(&problem, &locale));
        }
    }
    if occurrences.windows(2).any(|w| w[0].end > w[1].start) {
        form.error("interval", "recurrence-overlaps-itself");
    }
    if occurrences.is_empty() {
        form.error("until", "recurrence-empty");
    }
    if form.has_errors() {
        return Ok(form_page(req, &resource, form.finish().err())?.into());
    }
    let school = settings.school();
    let plan = plan(&resource, &occurrences, &draft, &limits, &school, &locale)?;
    let confirm = req.form("step") == Some("confirm");
    let mode = req.form("mode").unwrap_or("all");
    let mut alert = None;
    if confirm {
        let unavailable = mode == "all" && plan.blocked > 0;
        // A series counts as one booking against the quota.
        let over_quota = quota_left.is_some_and(|left| left < 1);
        if plan.free.is_empty() {
            alert = Some(tr("series-nothing-free", &[]));
        } else if unavailable {
            alert = Some(tr("series-not-all-free", &[]));
        } else if over_quota {
            alert = Some(tr("quota-exceeded", &[("n", resource.quota.to_string())]));
        } else {
            let rule_json = json!({
                "frequency": rule.frequency,
                "interval": rule.interval,
                "weekdays": rule.weekdays,
                "until": rule.until,
                "skip_school": draft.skip_school,
            });
            match store::book(
                &resource,
                &plan.free,
                &draft.request,
                &booker,
                Some(&rule_json),
            ) {
                Ok(id) => return Ok(done(req, area, id, booker.approved, plan.free.len()).into()),
                Err(Error::Conflict(key)) => {
                    alert = Some(tr(
                        if key == "quota-exceeded" {
                            "quota-exceeded"
                        } else {
                            "series-changed"
                        },
                        &[("n", resource.quota.to_string())],
                    ));
                }
                Err(e) => return Err(e),
            }
        }
    }
    // Show the dates (again, with what changed, after a failed confirm).
    let plan = if alert.is_some() {
        self::plan(&resource, &occurrences, &draft, &limits, &school, &locale)?
    } else {
        plan
    };
    let title = tr("preview-title", &[("name", resource.name.clone())]);
    let hidden: Vec<(&str, &str)> = req
        .form_pairs()
        .iter()
        .filter(|(k, _)| k != "step" && k != "mode")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let free = plan.free.len();
    let page = view("preview.html")
        .title(&title)
        .crumb(
            &resource.name,
            req.url(&format!("/ressources/{}", resource.id())),
        )
        .with(json!({
            "resource": resource.view(),
            "rows": plan.rows,
            "free": free,
            "blocked": plan.blocked,
            "total": occurrences.len(),
            "hidden": hidden,
            "alert": alert,
            "form_url": req.url(&format!("/ressources/{}/reserver", resource.id())),
        }))
        .status(if alert.is_some() { 409 } else { 200 });
    Ok(page.into())
}

/// The field a conflict of the booking transaction is about.
fn conflict_field(key: &str) -> &'static str {
    match key {
        "stock-exceeded" => "quantity",
        _ => "start",
    }
}

/// After booking: the booking's page, with a one-time notice.
fn done(req: &Request, area: Area, id: i64, approved: bool, count: usize) -> Redirect {
    crate::mails::deliver_for_booking(req, id);
    let url = match area {
        Area::Portal => req.url(&format!("/mes-reservations/{id}")),
        Area::Extranet | Area::Admin => req.url(&format!("/reservations/{id}")),
    };
    let notice = match (approved, count > 1) {
        (true, false) => tr("notice-booked", &[]),
        (false, false) => tr("notice-requested", &[]),
        (true, true) => tr("notice-series-booked", &[("n", count.to_string())]),
        (false, true) => tr("notice-series-requested", &[("n", count.to_string())]),
    };
    redirect(url).notice(notice)
}

/// A default slot: the `start` asked in the query, or tomorrow at the
/// resource's first opening; two hours for a room, a day for equipment.
fn default_slot(req: &Request, resource: &Resource) -> (DateTime, DateTime) {
    let start = req
        .query("start")
        .and_then(DateTime::parse)
        .map(minute_precision)
        .unwrap_or_else(|| {
            let tomorrow: Date = store::now_local().date().add_days(1);
            let opening = resource
                .opening_hours
                .as_ref()
                .and_then(|h| h.on(tomorrow).first().map(|r| r.0))
                .unwrap_or(9 * 60);
            hours::at(tomorrow, opening.min(hours::DAY - 60))
        });
    let length = if resource.is_room() { 120 } else { 24 * 60 };
    (start, hours::from_minutes(hours::minutes(start) + length))
}

/// The form: a new one with a default slot, or as sent (back from the
/// list of dates, or with its errors: status 422).
fn form_page(req: &Request, resource: &Resource, invalid: Option<Error>) -> Result<View, Error> {
    let user = req.require_user()?;
    let mut form = Form::new("booking");
    for (field, label) in [
        ("start", "field-start"),
        ("end", "field-end"),
        ("quantity", "field-quantity"),
        ("purpose", "field-purpose"),
        ("organisation", "field-organisation"),
        ("attendees", "field-attendees"),
        ("contact_name", "field-contact-name"),
        ("contact_phone", "field-contact-phone"),
        ("contact_email", "field-contact-email"),
        ("repeat", "field-repeat"),
        ("interval", "field-interval"),
        ("weekdays", "field-weekdays"),
        ("until", "field-until"),
    ] {
        form = form.label(field, label);
    }
    form = if req.is_post() {
        form.sent(req)
    } else {
        let (start, end) = default_slot(req, resource);
        form.values(json!({
            "start": start.to_string(),
            "end": end.to_string(),
            "quantity": 1,
            "contact_name": user.name,
            "interval": 1,
            "repeat": "none",
        }))
    };
    if let Some(invalid) = &invalid {
        form = form.errors(invalid);
    }
    let place = match resource.place_id {
        Some(id) => store::place(id).ok(),
        None => None,
    };
    let hours: Vec<serde_json::Value> = resource
        .opening_hours
        .as_ref()
        .map(|h| {
            (1..=7)
                .map(|d| json!({ "weekday": d, "text": h.text(d) }))
                .collect()
        })
        .unwrap_or_default();
    let title = tr("book-title", &[("name", resource.name.clone())]);
    let repeats: Vec<serde_json::Value> = std::iter::once("none")
        .chain(Frequency::ALL.iter().map(|f| f.as_str()))
        .map(|r| json!({ "value": r, "label": i18n::t(&format!("repeat-{r}")) }))
        .collect();
    Ok(view("book.html")
        .title(title)
        .crumb(
            &resource.name,
            req.url(&format!("/ressources/{}", resource.id())),
        )
        .with(json!({
            "resource": resource.view(),
            "place": place,
            "repeats": repeats,
            "hours": hours,
            "needs_approval": resource.needs_approval && !user.has_permission(APPROVE),
        }))
        .form(form))
}

/// Whether a booking may still be cancelled by its owner: before it
/// starts.
pub fn owner_may_cancel(booking: &Booking) -> bool {
    booking.is_active() && booking.starts_at > store::now_local()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_shared_by_every_date_are_errors_of_the_form() {
        assert!(is_shape(&Problem::EndBeforeStart));
        assert!(is_shape(&Problem::OffStep(30)));
        assert!(!is_shape(&Problem::ClosedDay));
        assert!(!is_shape(&Problem::InPast));
    }

    #[test]
    fn conflicts_point_at_their_field() {
        assert_eq!(conflict_field("stock-exceeded"), "quantity");
        assert_eq!(conflict_field("slot-taken"), "start");
    }
}
