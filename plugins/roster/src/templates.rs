//! Week templates over cycles of one to eight weeks, and applying one to
//! agents over a range of days.
//!
//! A template belongs to a team. Each line is a shift on a day of a week of
//! the cycle, in term time, in the school holidays or always. Applying it
//! walks the days from a first Monday (whose week of the cycle the manager
//! names) and drafts, for each chosen agent, one shift per matching line
//! and day: never on a public holiday, nor on a day of an approved
//! absence, nor on a day the agent's contract of that day does not put
//! them in the team. The drafts go through the rules as a shift typed by
//! hand does ([`shifts::check`]): refused ones are left out, warnings are
//! kept only with a reason. A preview shows all of it before anything is
//! written; writing takes one transaction per agent, so that one agent's
//! conflict does not lose the others' shifts (a long range takes one per
//! batch of whole weeks: the host bounds the operations of a transaction).

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use estive_kit::holidays::{self, Calendar, Holiday};
use estive_kit::periods::{Period, in_periods};
use estive_sdk::form::{Form, options};
use estive_sdk::prelude::*;

use crate::access::Access;
use crate::model::{Absence, Agent, Contract, PERIODS, Place, Template, TemplateLine};
use crate::rules::{Finding, Severity};
use crate::shifts::{self, Draft};
use crate::store::{self, Settings};
use crate::tables;

/// The longest cycle, in weeks.
const MAX_CYCLE_WEEKS: i64 = 8;
/// The most days one application covers: a year, leap day included.
const MAX_DAYS: i64 = 366;
/// Minutes in a day, for lines that cross midnight.
const DAY_MINUTES: i64 = 24 * 60;
/// Lengths of the texts people type.
const NAME_MAX: usize = 120;
const NOTE_MAX: usize = 2000;
const TASK_MAX: usize = 120;
const REASON_MAX: usize = 500;
/// Shifts written in one transaction at most: the host takes 1,000
/// operations in one, and each shift takes two (the check that no
/// overlapping shift was written meanwhile, and the row).
const DRAFTS_PER_TRANSACTION: usize = 400;
/// Skipped days listed one by one up to this many; beyond, a count.
const DAYS_LISTED: usize = 8;

/// A message of the catalogue with its arguments.
fn tr(key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    i18n::t_args(key, &args)
}

// Times of day ---------------------------------------------------------------

/// Minutes since midnight of a time of day as people type it: `07:30`,
/// `7:30`, `7h30` or `7h`.
fn parse_clock(text: &str) -> Option<i64> {
    let (hours, minutes) = text.trim().split_once([':', 'h', 'H'])?;
    let digits = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
    };
    let hours = digits(hours, 2)?;
    let minutes = if minutes.is_empty() {
        0
    } else if minutes.len() == 2 {
        digits(minutes, 2)?
    } else {
        return None;
    };
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

/// `HH:MM` of minutes since midnight.
fn clock(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The minutes from `start` to `end`, across midnight when the end comes
/// before the start; 0 when they are equal.
fn span(start: i64, end: i64) -> i64 {
    (end - start).rem_euclid(DAY_MINUTES)
}

/// The minutes worked on a line: its span less its break.
fn worked(line: &TemplateLine) -> i64 {
    match (parse_clock(&line.start), parse_clock(&line.end)) {
        (Some(start), Some(end)) => (span(start, end) - line.break_minutes).max(0),
        _ => 0,
    }
}

/// A number of minutes as hours, "7 h 30" / "7 h 30 min".
fn duration(minutes: i64, locale: &str) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    match (rest, locale) {
        (0, _) => format!("{hours}\u{a0}h"),
        (_, "fr") => format!("{hours}\u{a0}h\u{a0}{rest:02}"),
        _ => format!("{hours}\u{a0}h\u{a0}{rest}\u{a0}min"),
    }
}

/// "07:30–14:00", with the next day said when the line crosses midnight.
fn hours_text(start: &str, end: &str) -> String {
    let crosses = matches!((parse_clock(start), parse_clock(end)), (Some(s), Some(e)) if e <= s);
    if crosses {
        format!("{start}–{end} {}", i18n::t("template-next-day"))
    } else {
        format!("{start}–{end}")
    }
}

// Templates and their lines ---------------------------------------------------

/// A template by id.
///
/// # Errors
/// Not found when there is none.
fn template(id: i64) -> Result<Template, Error> {
    db::select(tables::TEMPLATES)
        .filter(eq(tables::templates::ID, id))
        .first()?
        .ok_or_else(|| Error::not_found("template-not-found"))
}

/// A template's lines by week of the cycle, day and start.
///
/// # Errors
/// Storage failures.
fn lines_of(template_id: i64) -> Result<Vec<TemplateLine>, Error> {
    let mut lines: Vec<TemplateLine> = db::select(tables::TEMPLATE_LINES)
        .filter(eq(tables::template_lines::TEMPLATE_ID, template_id))
        .fetch()?;
    lines.sort_by(|a, b| {
        (a.week_index, a.weekday, &a.start, a.id).cmp(&(b.week_index, b.weekday, &b.start, b.id))
    });
    Ok(lines)
}

/// The template of the request's `{id}`, which the person must plan.
///
/// # Errors
/// Not found, or forbidden when they do not plan its team.
fn planned_template(req: &Request) -> Result<Template, Error> {
    let access = Access::of(req)?;
    let template = template(req.param_id("id")?)?;
    if access.plans_team(template.team_id) {
        Ok(template)
    } else {
        Err(Error::forbidden("roster-not-your-team"))
    }
}

/// Whether a line of `period` applies on a day in (or out of) the school
/// holidays.
fn period_applies(period: &str, in_school_holidays: bool) -> bool {
    match period {
        "always" => true,
        "school" => !in_school_holidays,
        "holidays" => in_school_holidays,
        _ => false,
    }
}

/// Whether two lines can fall on the same day: "always" meets both
/// others, term time never meets the holidays.
fn periods_meet(a: &str, b: &str) -> bool {
    a == "always" || b == "always" || a == b
}

/// Where a line lies in its cycle: its first minute counted from the
/// Monday of the cycle's first week, and its length.
fn in_cycle(week_index: i64, weekday: i64, start: i64, end: i64) -> (i64, i64) {
    (
        (week_index * 7 + weekday - 1) * DAY_MINUTES + start,
        span(start, end),
    )
}

/// Whether two lines placed in a cycle of `cycle_weeks` overlap, the
/// cycle repeating (a Sunday night line meets the next Monday's, which
/// is the first week's after the last).
fn clash(a: (i64, i64), b: (i64, i64), cycle_weeks: i64) -> bool {
    let length = cycle_weeks * 7 * DAY_MINUTES;
    [-length, 0, length]
        .iter()
        .any(|shift| a.0 < b.0 + shift + b.1 && b.0 + shift < a.0 + a.1)
}

/// A line in words, for messages: "Semaine 1 · lundi · 07:30–14:00".
fn line_label(line: &TemplateLine) -> String {
    format!(
        "{} · {} · {}",
        tr(
            "template-week-n",
            &[("number", (line.week_index + 1).to_string())]
        ),
        i18n::t(&format!("weekday-{}", line.weekday)),
        hours_text(&line.start, &line.end)
    )
}

/// The hours of a set of lines, in term time and in the holidays (or once,
/// when every line applies always).
fn totals(lines: &[&TemplateLine], weeks: i64, locale: &str) -> String {
    let weeks = weeks.max(1);
    let sum = |skip: &str| -> i64 {
        lines
            .iter()
            .filter(|l| l.period != skip)
            .map(|l| worked(l))
            .sum::<i64>()
            / weeks
    };
    if lines.iter().all(|l| l.period == "always") {
        duration(sum(""), locale)
    } else {
        tr(
            "template-hours-by-period",
            &[
                ("school", duration(sum("holidays"), locale)),
                ("holidays", duration(sum("school"), locale)),
            ],
        )
    }
}

/// The list of templates, and the form to add one (GET, POST).
///
/// # Errors
/// Forbidden to someone who plans nothing; storage failures.
pub fn list(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.require_manager()?;
    if !req.is_post() {
        return Ok(list_page(req, &access, None)?.into());
    }
    let team_ids: Vec<String> = store::teams()?
        .iter()
        .filter(|t| t.active && access.plans_team(t.id))
        .map(|t| t.id.to_string())
        .collect();
    let mut f = req.validator();
    let name = f.text("name").required().max_len(NAME_MAX).value();
    let team_id = f.choice("team_id", &team_ids).value();
    let cycle_weeks = f.int("cycle_weeks").range(1, MAX_CYCLE_WEEKS).value();
    let note = f.text("note").max_len(NOTE_MAX).optional();
    if let Err(invalid) = f.finish() {
        return Ok(list_page(req, &access, Some(&invalid))?.into());
    }
    let team_id: i64 = team_id
        .parse()
        .map_err(|_| Error::invalid("team_id", messages::FIELD_NOT_A_CHOICE))?;
    let saved = db::insert(
        tables::TEMPLATES,
        &json!({
            "name": name,
            "team_id": team_id,
            "cycle_weeks": cycle_weeks,
            "note": note,
        }),
    );
    let id = match saved {
        Ok(id) => id,
        Err(Error::Conflict(_)) => {
            let taken = Error::invalid("name", "template-name-taken");
            return Ok(list_page(req, &access, Some(&taken))?.status(409).into());
        }
        Err(e) => return Err(e),
    };
    events::audit(
        "template.created",
        &format!("template:{id}"),
        &json!({ "name": name, "team_id": team_id, "cycle_weeks": cycle_weeks }),
    )?;
    Ok(redirect(req.url(&format!("/modeles/{id}")))
        .notice(tr("template-created", &[("name", name)]))
        .into())
}

/// The templates of the teams the person plans, and the add form.
fn list_page(req: &Request, access: &Access, invalid: Option<&Error>) -> Result<View, Error> {
    let teams = store::teams()?;
    let templates: Vec<Template> = db::select(tables::TEMPLATES)
        .order_asc(tables::templates::NAME)
        .fetch::<Template>()?
        .into_iter()
        .filter(|t| access.plans_team(t.team_id))
        .collect();
    let ids: Vec<i64> = templates.iter().map(|t| t.id).collect();
    let lines: Vec<TemplateLine> = if ids.is_empty() {
        Vec::new()
    } else {
        db::select(tables::TEMPLATE_LINES)
            .filter(one_of(tables::template_lines::TEMPLATE_ID, ids))
            .fetch()?
    };
    let rows: Vec<serde_json::Value> = templates
        .iter()
        .map(|t| {
            json!({
                "id": t.id,
                "name": t.name,
                "note": t.note,
                "cycle_weeks": t.cycle_weeks,
                "team": teams.iter().find(|team| team.id == t.team_id).map(|team| &team.name),
                "lines": lines.iter().filter(|l| l.template_id == t.id).count(),
            })
        })
        .collect();
    let planned: Vec<_> = teams
        .iter()
        .filter(|t| t.active && access.plans_team(t.id))
        .collect();
    let mut form = Form::new("roster-template")
        .label("name", "template-name")
        .label("team_id", "template-team")
        .label("cycle_weeks", "template-cycle")
        .label("note", "template-note")
        .values(json!({
            "cycle_weeks": 1,
            "team_id": (planned.len() == 1).then(|| planned[0].id),
        }));
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    Ok(view("templates.html")
        .title(i18n::t("template-list-title"))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .with(json!({
            "templates": rows,
            "teams": options(planned.iter().map(|t| (t.id, t.name.clone()))),
            "cycles": cycle_options(),
        }))
        .form(form))
}

/// "1 semaine" … "8 semaines".
fn cycle_options() -> Vec<estive_sdk::form::Choice> {
    options(
        (1..=MAX_CYCLE_WEEKS).map(|n| (n, tr("template-cycle-weeks", &[("count", n.to_string())]))),
    )
}

/// Which of the template page's two forms was sent, with its errors.
enum Sent<'e> {
    Nothing,
    Line(&'e Error),
    Template(&'e Error),
}

/// A template's page: its lines by week of the cycle, the form to add a
/// line, and the form to change its name, cycle and note (GET, POST).
///
/// # Errors
/// Not found, forbidden to those who do not plan its team; storage
/// failures.
pub fn show(req: &Request) -> Result<Response, Error> {
    let template = planned_template(req)?;
    if !req.is_post() {
        return Ok(show_page(req, &template, &Sent::Nothing)?.into());
    }
    match req.form("part") {
        Some("template") => edit_template(req, &template),
        _ => add_line(req, &template),
    }
}

/// The template's page, with the form that was sent shown again with its
/// errors.
fn show_page(req: &Request, template: &Template, sent: &Sent) -> Result<View, Error> {
    let locale = req.locale();
    let lines = lines_of(template.id)?;
    let places = store::places()?;
    let team = store::team(template.team_id)?;
    let place_name = |id: i64| {
        places
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let weeks: Vec<serde_json::Value> = (0..template.cycle_weeks)
        .map(|w| {
            let of_week: Vec<&TemplateLine> = lines.iter().filter(|l| l.week_index == w).collect();
            let shown: Vec<serde_json::Value> = of_week
                .iter()
                .map(|l| {
                    json!({
                        "id": l.id,
                        "weekday": l.weekday,
                        "hours": hours_text(&l.start, &l.end),
                        "place": place_name(l.place_id),
                        "task": l.task,
                        "break_minutes": l.break_minutes,
                        "period": l.period,
                        "label": line_label(l),
                    })
                })
                .collect();
            json!({
                "number": w + 1,
                "lines": shown,
                "total": totals(&of_week, 1, locale),
            })
        })
        .collect();
    let all: Vec<&TemplateLine> = lines.iter().collect();

    let mut line_form = Form::new("roster-line")
        .label("week", "template-line-week")
        .label("weekday", "template-line-weekday")
        .label("start", "template-line-start")
        .label("end", "template-line-end")
        .label("break_minutes", "template-line-break")
        .label("place_id", "template-line-place")
        .label("task", "template-line-task")
        .label("period", "template-line-period")
        .values(json!({
            "week": 1,
            "weekday": 1,
            "break_minutes": 0,
            "period": "always",
        }));
    let mut edit_form = Form::new("roster-template")
        .label("name", "template-name")
        .label("cycle_weeks", "template-cycle")
        .label("note", "template-note")
        .values(json!({
            "name": template.name,
            "cycle_weeks": template.cycle_weeks,
            "note": template.note,
        }));
    match sent {
        Sent::Nothing => {}
        Sent::Line(invalid) => line_form = line_form.sent(req).errors(invalid),
        Sent::Template(invalid) => edit_form = edit_form.sent(req).errors(invalid),
    }
    // The title counts the errors of `form`: the one that was sent.
    let editing = matches!(sent, Sent::Template(_));
    let (first, other) = if editing {
        (edit_form, line_form)
    } else {
        (line_form, edit_form)
    };
    let active_places: Vec<&Place> = places.iter().filter(|p| p.active).collect();
    Ok(view("template.html")
        .title(template.name.clone())
        .crumb(i18n::t("roster-title"), req.url("/"))
        .crumb(i18n::t("template-list-title"), req.url("/modeles"))
        .with(json!({
            "template": template,
            "team": team,
            "weeks": weeks,
            "has_lines": !lines.is_empty(),
            "average": totals(&all, template.cycle_weeks, locale),
            "editing": editing,
            "week_options": options((1..=template.cycle_weeks).map(|n| {
                (n, tr("template-week-n", &[("number", n.to_string())]))
            })),
            "weekdays": options((1..=7).map(|d| (d, i18n::t(&format!("weekday-{d}"))))),
            "places": options(active_places.iter().map(|p| (p.id, p.name.clone()))),
            "periods": options(PERIODS.iter().map(|p| (*p, i18n::t(&format!("period-{p}"))))),
            "cycles": cycle_options(),
        }))
        .form(first)
        .form_as("other_form", other))
}

/// Reads a required time of day `HH:MM`; None when it is missing or
/// unreadable (the error is recorded).
fn clock_field(f: &mut Validator, name: &str) -> Option<i64> {
    let text = f.text(name).required().value();
    if text.is_empty() {
        return None;
    }
    let minutes = parse_clock(&text);
    if minutes.is_none() {
        f.error(name, "template-time-invalid");
    }
    minutes
}

/// Adds a line to the template.
fn add_line(req: &Request, template: &Template) -> Result<Response, Error> {
    let place_ids: Vec<String> = store::places()?
        .iter()
        .filter(|p| p.active)
        .map(|p| p.id.to_string())
        .collect();
    let lines = lines_of(template.id)?;
    let mut f = req.validator();
    let week = f.int("week").range(1, template.cycle_weeks).value();
    let weekday = f.int("weekday").range(1, 7).value();
    let start = clock_field(&mut f, "start");
    let end = clock_field(&mut f, "end");
    let break_minutes = f.int("break_minutes").range(0, DAY_MINUTES).or(0);
    let place_id = f.choice("place_id", &place_ids).value();
    let task = f.text("task").max_len(TASK_MAX).optional();
    let period = f.choice("period", &PERIODS).value();
    if let (Some(start), Some(end)) = (start, end) {
        let length = span(start, end);
        if length == 0 {
            f.error("end", "template-line-empty");
        } else if break_minutes >= length && !f.has_error("break_minutes") {
            f.report(
                FieldError::new("break_minutes", "template-break-too-long")
                    .arg("length", duration(length, req.locale())),
            );
        } else if !f.has_errors() {
            let this = in_cycle(week - 1, weekday, start, end);
            let other = lines.iter().find(|l| {
                let (Some(s), Some(e)) = (parse_clock(&l.start), parse_clock(&l.end)) else {
                    return false;
                };
                periods_meet(&l.period, &period)
                    && clash(
                        this,
                        in_cycle(l.week_index, l.weekday, s, e),
                        template.cycle_weeks,
                    )
            });
            if let Some(other) = other {
                f.report(
                    FieldError::new("start", "template-line-clash").arg("line", line_label(other)),
                );
            }
        }
    }
    if let Err(invalid) = f.finish() {
        return Ok(show_page(req, template, &Sent::Line(&invalid))?.into());
    }
    let (start, end) = (start.unwrap_or(0), end.unwrap_or(0));
    let line = json!({
        "template_id": template.id,
        "week_index": week - 1,
        "weekday": weekday,
        "start": clock(start),
        "end": clock(end),
        "break_minutes": break_minutes,
        "place_id": place_id.parse::<i64>().unwrap_or_default(),
        "task": task,
        "period": period,
    });
    let id = db::insert(tables::TEMPLATE_LINES, &line)?;
    events::audit(
        "template.line-added",
        &format!("template:{}", template.id),
        &json!({ "line": id, "values": line }),
    )?;
    Ok(redirect(req.url(&format!("/modeles/{}", template.id)))
        .notice(i18n::t("template-line-added"))
        .into())
}

/// Changes the template's name, cycle and note.
fn edit_template(req: &Request, template: &Template) -> Result<Response, Error> {
    let lines = lines_of(template.id)?;
    let mut f = req.validator();
    let name = f.text("name").required().max_len(NAME_MAX).value();
    let cycle_weeks = f.int("cycle_weeks").range(1, MAX_CYCLE_WEEKS).value();
    let note = f.text("note").max_len(NOTE_MAX).optional();
    if let Some(last) = lines.iter().map(|l| l.week_index + 1).max()
        && cycle_weeks < last
        && !f.has_error("cycle_weeks")
    {
        f.report(FieldError::new("cycle_weeks", "template-cycle-has-lines").arg("week", last));
    }
    if let Err(invalid) = f.finish() {
        return Ok(show_page(req, template, &Sent::Template(&invalid))?.into());
    }
    let saved = db::update(tables::TEMPLATES)
        .filter(eq(tables::templates::ID, template.id))
        .set(tables::templates::NAME, name.as_str())
        .set(tables::templates::CYCLE_WEEKS, cycle_weeks)
        .set(tables::templates::NOTE, note.clone())
        .run();
    match saved {
        Ok(_) => {}
        Err(Error::Conflict(_)) => {
            let taken = Error::invalid("name", "template-name-taken");
            return Ok(show_page(req, template, &Sent::Template(&taken))?
                .status(409)
                .into());
        }
        Err(e) => return Err(e),
    }
    events::audit(
        "template.updated",
        &format!("template:{}", template.id),
        &json!({ "name": name, "cycle_weeks": cycle_weeks, "note": note }),
    )?;
    Ok(redirect(req.url(&format!("/modeles/{}", template.id)))
        .notice(tr("template-saved", &[("name", name)]))
        .into())
}

/// Removes a line of a template (POST).
///
/// # Errors
/// Not found, forbidden to those who do not plan its team; storage
/// failures.
pub fn line_delete(req: &Request) -> Result<Response, Error> {
    let template = planned_template(req)?;
    let line: TemplateLine = db::select(tables::TEMPLATE_LINES)
        .filter(eq(tables::template_lines::ID, req.param_id("line")?))
        .filter(eq(tables::template_lines::TEMPLATE_ID, template.id))
        .first()?
        .ok_or_else(|| Error::not_found("template-line-not-found"))?;
    db::delete(tables::TEMPLATE_LINES)
        .filter(eq(tables::template_lines::ID, line.id))
        .run()?;
    events::audit(
        "template.line-deleted",
        &format!("template:{}", template.id),
        &json!({ "line": line }),
    )?;
    Ok(redirect(req.url(&format!("/modeles/{}", template.id)))
        .notice(tr("template-line-deleted", &[("line", line_label(&line))]))
        .into())
}

// Applying a template ---------------------------------------------------------

/// The days a template is applied over.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Range {
    first_monday: Date,
    last_day: Date,
    /// The week of the cycle the first Monday falls in, 1-based.
    start_week: i64,
}

impl Range {
    /// The 0-based week of a cycle of `cycle_weeks` a day falls in.
    fn week_of_cycle(&self, day: Date, cycle_weeks: i64) -> i64 {
        (day.days_since(self.first_monday).div_euclid(7) + self.start_week - 1)
            .rem_euclid(cycle_weeks.max(1))
    }
}

/// One shift a template line gives on a day (local wall times).
#[derive(Clone, Debug)]
struct Slot<'a> {
    day: Date,
    start: DateTime,
    end: DateTime,
    line: &'a TemplateLine,
}

impl Slot<'_> {
    /// The slot on a day, if the line's times can be read.
    fn of(day: Date, line: &TemplateLine) -> Option<Slot<'_>> {
        let (start, end) = (parse_clock(&line.start)?, parse_clock(&line.end)?);
        let at = |date: Date, minutes: i64| {
            DateTime::new(
                date,
                u32::try_from(minutes / 60).ok()?,
                u32::try_from(minutes % 60).ok()?,
                0,
            )
        };
        let end_day = if end <= start { day.add_days(1) } else { day };
        Some(Slot {
            day,
            start: at(day, start)?,
            end: at(end_day, end)?,
            line,
        })
    }

    /// The shift to write for an agent.
    fn draft(&self, template: &Template, agent_id: i64) -> Draft {
        Draft {
            team_id: template.team_id,
            agent_id: Some(agent_id),
            place_id: self.line.place_id,
            start: self.start,
            end: self.end,
            break_minutes: self.line.break_minutes,
            task: self.line.task.clone(),
            skill: None,
            template_id: Some(template.id),
        }
    }
}

/// What a template gives over a range for anyone: the slots in time
/// order, and the public holidays on which lines were left out.
fn slots<'a>(
    lines: &'a [TemplateLine],
    range: &Range,
    cycle_weeks: i64,
    school_holidays: &[Period],
    calendar: Calendar,
) -> (Vec<Slot<'a>>, Vec<(Date, Holiday)>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut day = range.first_monday;
    while day <= range.last_day {
        let week = range.week_of_cycle(day, cycle_weeks);
        let weekday = i64::from(day.weekday().number_from_monday());
        let in_holidays = in_periods(school_holidays, day);
        let mut matching = lines
            .iter()
            .filter(|l| {
                l.week_index == week
                    && l.weekday == weekday
                    && period_applies(&l.period, in_holidays)
            })
            .peekable();
        if matching.peek().is_some() {
            match holidays::holiday_in(day, calendar) {
                Some(holiday) => skipped.push((day, holiday)),
                None => found.extend(matching.filter_map(|l| Slot::of(day, l))),
            }
        }
        day = day.add_days(1);
    }
    (found, skipped)
}

/// What applying gives for one agent.
struct Plan<'a> {
    agent: Agent,
    /// The shifts to write.
    kept: Vec<Slot<'a>>,
    /// The shifts the rules refuse, with why.
    refused: Vec<(Slot<'a>, Vec<Finding>)>,
    /// Warnings and notes on the kept shifts.
    findings: Vec<Finding>,
    /// Days a line would have given a shift, left out: without a contract,
    /// under a contract without the team, absent.
    no_contract: Vec<Date>,
    other_team: Vec<Date>,
    absent: Vec<Date>,
}

impl Plan<'_> {
    fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warn)
            .count()
    }
}

/// Adds a day once.
fn note_day(days: &mut Vec<Date>, day: Date) {
    if days.last() != Some(&day) {
        days.push(day);
    }
}

/// The agent's share of the slots: the contract of each day decides, an
/// approved absence skips the day; then the rules sort the rest out.
fn plan<'a>(
    template: &Template,
    agent: Agent,
    contracts: &[Contract],
    absences: &[Absence],
    slots: &[Slot<'a>],
) -> Result<Plan<'a>, Error> {
    let mut plan = Plan {
        agent,
        kept: Vec::new(),
        refused: Vec::new(),
        findings: Vec::new(),
        no_contract: Vec::new(),
        other_team: Vec::new(),
        absent: Vec::new(),
    };
    let mut candidates = Vec::new();
    for slot in slots {
        let day = slot.day.to_string();
        match store::contract_on(contracts, &day) {
            None => note_day(&mut plan.no_contract, slot.day),
            Some(c) if !c.teams.contains(&template.team_id) => {
                note_day(&mut plan.other_team, slot.day);
            }
            Some(_) if store::absent(absences, plan.agent.id, &day) => {
                note_day(&mut plan.absent, slot.day);
            }
            Some(_) => candidates.push(slot.clone()),
        }
    }
    let (kept, refused, findings) = sort_out(template, plan.agent.id, candidates)?;
    plan.kept = kept;
    plan.refused = refused;
    plan.findings = findings;
    Ok(plan)
}

/// The slots the rules let through, those they refuse with why, and the
/// findings on the kept ones.
type Sorted<'a> = (Vec<Slot<'a>>, Vec<(Slot<'a>, Vec<Finding>)>, Vec<Finding>);

/// The slots of one agent the rules let through, those they refuse with
/// why, and the findings on the kept ones.
///
/// Findings name a day, not a draft: a refusal on a day of one slot
/// refuses it. On a day of several (a split shift), the slots of each
/// line are checked without the other lines' (one check per line, not
/// per day: a season has hundreds of such days) to find which one is
/// refused; all of them are when none is refused alone (they clash with
/// each other). The kept ones are checked again until no refusal is left,
/// since a refused slot may have caused other findings.
fn sort_out<'a>(
    template: &Template,
    agent_id: i64,
    mut kept: Vec<Slot<'a>>,
) -> Result<Sorted<'a>, Error> {
    let mut refused = Vec::new();
    loop {
        if kept.is_empty() {
            return Ok((kept, refused, Vec::new()));
        }
        let drafts: Vec<Draft> = kept.iter().map(|s| s.draft(template, agent_id)).collect();
        let findings = shifts::check(agent_id, &drafts, &[])?;
        let mut refusals: BTreeMap<Date, Vec<Finding>> = BTreeMap::new();
        for f in findings.iter().filter(|f| f.severity == Severity::Refuse) {
            refusals.entry(f.day).or_default().push(f.clone());
        }
        if refusals.is_empty() {
            return Ok((kept, refused, findings));
        }
        // What each line is refused, by day, when checked without the others.
        let mut alone: BTreeMap<i64, BTreeMap<Date, Vec<Finding>>> = BTreeMap::new();
        let mut blamed: BTreeMap<usize, Vec<Finding>> = BTreeMap::new();
        for (day, found) in refusals {
            let suspects = suspects(&kept, day);
            let mut culprits = Vec::new();
            if suspects.len() > 1 {
                for &i in &suspects {
                    let line = kept[i].line.id;
                    if let Entry::Vacant(entry) = alone.entry(line) {
                        let own: Vec<Draft> = kept
                            .iter()
                            .filter(|s| s.line.id == line)
                            .map(|s| s.draft(template, agent_id))
                            .collect();
                        let mut by_day: BTreeMap<Date, Vec<Finding>> = BTreeMap::new();
                        for f in shifts::check(agent_id, &own, &[])? {
                            if f.severity == Severity::Refuse {
                                by_day.entry(f.day).or_default().push(f);
                            }
                        }
                        entry.insert(by_day);
                    }
                    if let Some(own) = alone.get(&line).and_then(|d| d.get(&day)) {
                        culprits.push((i, own.clone()));
                    }
                }
            }
            if culprits.is_empty() {
                culprits = suspects.into_iter().map(|i| (i, found.clone())).collect();
            }
            for (i, why) in culprits {
                blamed.entry(i).or_default().extend(why);
            }
        }
        if blamed.is_empty() {
            // A refusal no slot can be blamed for: nothing is written
            // rather than something the rules refuse.
            let all = findings
                .into_iter()
                .filter(|f| f.severity == Severity::Refuse)
                .collect::<Vec<_>>();
            refused.extend(kept.drain(..).map(|s| (s, all.clone())));
            return Ok((kept, refused, Vec::new()));
        }
        for (i, found) in blamed.into_iter().rev() {
            refused.push((kept.remove(i), found));
        }
        refused.sort_by_key(|(s, _)| s.start);
    }
}

/// The slots a finding on `day` may be about: those starting that day,
/// else those ending that day (across midnight), else those of its week.
fn suspects(slots: &[Slot], day: Date) -> Vec<usize> {
    let pick = |test: &dyn Fn(&Slot) -> bool| -> Vec<usize> {
        slots
            .iter()
            .enumerate()
            .filter(|(_, s)| test(s))
            .map(|(i, _)| i)
            .collect()
    };
    let starting = pick(&|s| s.day == day);
    if !starting.is_empty() {
        return starting;
    }
    let ending = pick(&|s| s.end.date() == day);
    if !ending.is_empty() {
        return ending;
    }
    pick(&|s| s.day.monday() == day.monday())
}

/// The agents who may be offered: each with their contracts, when one of
/// them names the team.
fn team_agents(team_id: i64) -> Result<Vec<(Agent, Vec<Contract>)>, Error> {
    let contracts = store::all_contracts()?;
    Ok(store::agents()?
        .into_iter()
        .filter_map(|agent| {
            let theirs: Vec<Contract> = contracts
                .iter()
                .filter(|c| c.agent_id == agent.id)
                .cloned()
                .collect();
            theirs
                .iter()
                .any(|c| c.teams.contains(&team_id))
                .then_some((agent, theirs))
        })
        .collect())
}

/// Whether one of the contracts names the team on a day of `from..=to`.
fn in_team_between(contracts: &[Contract], team_id: i64, from: Date, to: Date) -> bool {
    let (from, to) = (from.to_string(), to.to_string());
    contracts.iter().any(|c| {
        c.teams.contains(&team_id)
            && c.starts_on.as_str() <= to.as_str()
            && c.ends_on.as_deref().is_none_or(|end| from.as_str() <= end)
    })
}

/// The Monday the form proposes: today when it is a Monday, else the next.
fn next_monday() -> Date {
    store::today().add_days(6).monday()
}

/// Applying a template: the form, the preview (`step=preview`) and the
/// writing (`step=apply`) (GET, POST).
///
/// # Errors
/// Not found, forbidden to those who do not plan its team; storage
/// failures.
pub fn apply(req: &Request) -> Result<Response, Error> {
    let template = planned_template(req)?;
    let lines = lines_of(template.id)?;
    if !req.is_post() || lines.is_empty() {
        return Ok(apply_page(req, &template, &lines, None, None)?.into());
    }
    let agents = team_agents(template.team_id)?;
    let agent_ids: Vec<String> = agents.iter().map(|(a, _)| a.id.to_string()).collect();
    let mut f = req.validator();
    let chosen = f.choices("agents", &agent_ids).required().value();
    let first_monday = f.date("first_monday").value();
    let last_day = f.date("last_day").value();
    if !f.has_error("first_monday") && !f.has_error("last_day") {
        if last_day < first_monday {
            f.error("last_day", "template-apply-end-before-start");
        } else if last_day.days_since(first_monday) >= MAX_DAYS {
            f.report(FieldError::new("last_day", "template-apply-too-long").arg("days", MAX_DAYS));
        }
    }
    if !f.has_error("first_monday") && first_monday.monday() != first_monday {
        f.error("first_monday", "template-apply-not-monday");
    }
    let start_week = f.int("start_week").range(1, template.cycle_weeks).or(1);
    let reason = f.text("reason").max_len(REASON_MAX).optional();
    let chosen: Vec<&(Agent, Vec<Contract>)> = agents
        .iter()
        .filter(|(a, _)| chosen.contains(&a.id.to_string()))
        .collect();
    if !f.has_error("first_monday")
        && !f.has_error("last_day")
        && let Some((agent, _)) = chosen
            .iter()
            .find(|(_, c)| !in_team_between(c, template.team_id, first_monday, last_day))
    {
        f.report(FieldError::new("agents", "template-apply-no-contract").arg("agent", &agent.name));
    }
    if let Err(invalid) = f.finish() {
        return Ok(apply_page(req, &template, &lines, Some(&invalid), None)?.into());
    }
    let range = Range {
        first_monday,
        last_day,
        start_week,
    };
    let settings = Settings::load()?;
    let (slots, holidays) = slots(
        &lines,
        &range,
        template.cycle_weeks,
        &settings.school_holidays(),
        settings.calendar(),
    );
    let absences = store::approved_absences(None, first_monday, last_day)?;
    let mut plans = Vec::new();
    for (agent, contracts) in chosen {
        plans.push(plan(
            &template,
            agent.clone(),
            contracts,
            &absences,
            &slots,
        )?);
    }
    let preview = || preview_view(req, &range, &plans, &holidays);
    if req.form("step") == Some("apply") {
        if reason.is_none() && plans.iter().any(|p| p.warnings() > 0) {
            let missing = Error::invalid("reason", "template-apply-reason-required");
            return Ok(
                apply_page(req, &template, &lines, Some(&missing), Some(preview()?))?.into(),
            );
        }
        return write(req, &template, &range, &plans, reason.as_deref());
    }
    Ok(apply_page(req, &template, &lines, None, Some(preview()?))?.into())
}

/// Writes the kept shifts, one transaction per agent (or per batch of
/// whole weeks for a long range), and goes to the week of the first
/// Monday with what was done.
fn write(
    req: &Request,
    template: &Template,
    range: &Range,
    plans: &[Plan],
    reason: Option<&str>,
) -> Result<Response, Error> {
    let user = req.require_user()?;
    let mut created = 0;
    let mut agents = 0;
    // Agents whose writing stopped at a conflict: (name, written, left).
    let mut stopped: Vec<(String, usize, usize)> = Vec::new();
    for plan in plans.iter().filter(|p| !p.kept.is_empty()) {
        let why = if plan.warnings() > 0 { reason } else { None };
        let mut written = 0;
        for batch in batches(&plan.kept, DRAFTS_PER_TRANSACTION) {
            let drafts: Vec<Draft> = batch
                .iter()
                .map(|s| s.draft(template, plan.agent.id))
                .collect();
            match shifts::insert(drafts, why, user) {
                Ok(ids) => written += ids.len(),
                Err(Error::Conflict(_)) => {
                    stopped.push((plan.agent.name.clone(), written, plan.kept.len() - written));
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        created += written;
        if written > 0 {
            agents += 1;
        }
    }
    events::audit(
        "template.applied",
        &format!("template:{}", template.id),
        &json!({
            "from": range.first_monday,
            "to": range.last_day,
            "start_week": range.start_week,
            "agents": plans.iter().map(|p| p.agent.id).collect::<Vec<_>>(),
            "created": created,
            "stopped": stopped.iter().map(|(name, _, _)| name).collect::<Vec<_>>(),
        }),
    )?;
    let mut notice = tr(
        "template-applied",
        &[
            ("count", created.to_string()),
            ("agents", agents.to_string()),
        ],
    );
    for (name, written, left) in stopped {
        notice.push(' ');
        notice.push_str(&if written == 0 {
            tr("template-applied-conflict", &[("agent", name)])
        } else {
            tr(
                "template-applied-partly",
                &[
                    ("agent", name),
                    ("done", written.to_string()),
                    ("left", left.to_string()),
                ],
            )
        });
    }
    Ok(
        redirect(req.url(&format!("/semaine/{}", range.first_monday)))
            .notice(notice)
            .into(),
    )
}

/// The slots in batches that one transaction takes, cut between weeks
/// when one fits (a week is then written whole or not at all).
fn batches<'s, 'a>(slots: &'s [Slot<'a>], most: usize) -> Vec<&'s [Slot<'a>]> {
    let mut out = Vec::new();
    let mut rest = slots;
    while rest.len() > most {
        let cut = (1..=most)
            .rev()
            .find(|&i| rest[i].day.monday() != rest[i - 1].day.monday())
            .unwrap_or(most);
        let (head, tail) = rest.split_at(cut);
        out.push(head);
        rest = tail;
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Days in words: each one up to a few, else how many and the first and
/// last.
fn days_text(days: &[Date], locale: &str) -> Option<String> {
    match days {
        [] => None,
        [first, .., last] if days.len() > DAYS_LISTED => Some(tr(
            "template-days-many",
            &[
                ("count", days.len().to_string()),
                ("first", first.long(locale)),
                ("last", last.long(locale)),
            ],
        )),
        _ => Some(
            days.iter()
                .map(|d| d.long(locale))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

/// Findings as the preview lists them: the day in words and the message.
fn findings_list(findings: &[Finding], locale: &str) -> Vec<serde_json::Value> {
    let shown = shifts::findings_view(findings);
    findings
        .iter()
        .zip(shown)
        .map(|(f, v)| {
            json!({
                "day": f.day.long(locale),
                "severity": f.severity,
                "message": v.get("message").cloned().unwrap_or_default(),
            })
        })
        .collect()
}

/// What the preview shows: the counts, the public holidays left out, and
/// for each agent the shifts to write, those refused, the findings and
/// the days left out.
fn preview_view(
    req: &Request,
    range: &Range,
    plans: &[Plan],
    holidays: &[(Date, Holiday)],
) -> Result<serde_json::Value, Error> {
    let locale = req.locale();
    let places = store::places()?;
    let place = |id: i64| {
        places
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let slot_view = |s: &Slot| {
        json!({
            "day": s.day.long(locale),
            "hours": hours_text(&s.line.start, &s.line.end),
            "place": place(s.line.place_id),
            "task": s.line.task,
            "break_minutes": s.line.break_minutes,
            "period": s.line.period,
        })
    };
    let agents: Vec<serde_json::Value> = plans
        .iter()
        .map(|p| {
            let warned: Vec<Date> = p
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Warn)
                .map(|f| f.day)
                .collect();
            let shifts: Vec<serde_json::Value> = p
                .kept
                .iter()
                .map(|s| {
                    let mut v = slot_view(s);
                    v["warned"] = json!(warned.contains(&s.day));
                    v
                })
                .collect();
            let refused: Vec<serde_json::Value> = p
                .refused
                .iter()
                .map(|(s, why)| {
                    let mut v = slot_view(s);
                    v["reasons"] = json!(
                        findings_list(why, locale)
                            .iter()
                            .map(|f| f["message"].clone())
                            .collect::<Vec<_>>()
                    );
                    v
                })
                .collect();
            let by = |severity: Severity| {
                let of: Vec<Finding> = p
                    .findings
                    .iter()
                    .filter(|f| f.severity == severity)
                    .cloned()
                    .collect();
                findings_list(&of, locale)
            };
            json!({
                "id": p.agent.id,
                "name": p.agent.name,
                "count": p.kept.len(),
                "hours": duration(p.kept.iter().map(|s| worked(s.line)).sum(), locale),
                "shifts": shifts,
                "refused": refused,
                "warnings": by(Severity::Warn),
                "notes": by(Severity::Note),
                "no_contract": days_text(&p.no_contract, locale),
                "other_team": days_text(&p.other_team, locale),
                "absent": days_text(&p.absent, locale),
            })
        })
        .collect();
    let count = |f: &dyn Fn(&Plan) -> usize| plans.iter().map(f).sum::<usize>();
    let shifts = count(&|p| p.kept.len());
    let warnings = count(&|p| p.warnings());
    Ok(json!({
        "counts": {
            "shifts": shifts,
            "agents": plans.len(),
            "refused": count(&|p| p.refused.len()),
            "warnings": warnings,
        },
        "holidays": holidays
            .iter()
            .map(|(d, h)| json!({ "day": d.long(locale), "name": h.name(locale) }))
            .collect::<Vec<_>>(),
        "agents": agents,
        "creatable": shifts > 0,
        "needs_reason": warnings > 0,
        "chosen": {
            "agents": plans.iter().map(|p| p.agent.id).collect::<Vec<_>>(),
            "first_monday": range.first_monday,
            "last_day": range.last_day,
            "start_week": range.start_week,
        },
        "week": req.url(&format!("/semaine/{}", range.first_monday)),
    }))
}

/// The apply page: the form, and the preview once asked for.
fn apply_page(
    req: &Request,
    template: &Template,
    lines: &[TemplateLine],
    invalid: Option<&Error>,
    preview: Option<serde_json::Value>,
) -> Result<View, Error> {
    let locale = req.locale();
    let team = store::team(template.team_id)?;
    let first = next_monday();
    let default_last = first.add_days(template.cycle_weeks * 7 - 1);
    // The agents offered are those in the team over the range typed (or
    // the proposed one), and any already ticked.
    let typed = |name: &str| {
        req.is_post()
            .then(|| req.form(name).and_then(|v| Date::parse(v.trim())))
            .flatten()
    };
    let (from, to) = match (typed("first_monday"), typed("last_day")) {
        (Some(from), Some(to)) if from <= to => (from, to),
        _ => (first, default_last),
    };
    let ticked = req.form_all("agents");
    let offered: Vec<serde_json::Value> = team_agents(template.team_id)?
        .iter()
        .filter(|(a, contracts)| {
            ticked.contains(&a.id.to_string().as_str())
                || (a.active && in_team_between(contracts, template.team_id, from, to))
        })
        .map(|(a, contracts)| {
            // Say when the agent leaves the team: the last day of their
            // last contract in it, unless one has no end.
            let from = from.to_string();
            let ahead: Vec<&Contract> = contracts
                .iter()
                .filter(|c| c.teams.contains(&template.team_id))
                .filter(|c| c.ends_on.as_deref().is_none_or(|end| end >= from.as_str()))
                .collect();
            let until = if ahead.iter().any(|c| c.ends_on.is_none()) {
                None
            } else {
                ahead
                    .iter()
                    .filter_map(|c| c.ends_on.as_deref())
                    .max()
                    .and_then(Date::parse)
            };
            let title = contracts.last().and_then(|c| c.title.clone());
            let hint = match (until, title) {
                (Some(until), _) => Some(tr(
                    "template-apply-contract-until",
                    &[("date", until.long(locale))],
                )),
                (None, title) => title,
            };
            json!({ "value": a.id.to_string(), "label": a.name, "hint": hint })
        })
        .collect();
    let mut form = Form::new("roster-apply")
        .label("agents", "template-apply-agents")
        .label("first_monday", "template-apply-first-monday")
        .label("last_day", "template-apply-last-day")
        .label("start_week", "template-apply-start-week")
        .label("reason", "template-apply-reason")
        .values(json!({
            "first_monday": first,
            "last_day": default_last,
            "start_week": 1,
        }));
    if req.is_post() {
        form = form.sent(req);
    }
    if let Some(invalid) = invalid {
        form = form.errors(invalid);
    }
    Ok(view("template_apply.html")
        .title(tr(
            "template-apply-title",
            &[("name", template.name.clone())],
        ))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .crumb(i18n::t("template-list-title"), req.url("/modeles"))
        .crumb(
            template.name.clone(),
            req.url(&format!("/modeles/{}", template.id)),
        )
        .with(json!({
            "template": template,
            "team": team,
            "lines": lines.len(),
            "agents": offered,
            "week_options": options((1..=template.cycle_weeks).map(|n| {
                (n, tr("template-week-n", &[("number", n.to_string())]))
            })),
            "preview": preview,
        }))
        .form(form))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(week_index: i64, weekday: i64, start: &str, end: &str, period: &str) -> TemplateLine {
        TemplateLine {
            id: week_index * 10 + weekday,
            template_id: 1,
            week_index,
            weekday,
            start: start.into(),
            end: end.into(),
            break_minutes: 0,
            place_id: 1,
            task: None,
            period: period.into(),
        }
    }

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn times_are_read_as_people_type_them() {
        assert_eq!(parse_clock("07:30"), Some(450));
        assert_eq!(parse_clock("7:30"), Some(450));
        assert_eq!(parse_clock("7h30"), Some(450));
        assert_eq!(parse_clock("22h"), Some(1320));
        assert_eq!(parse_clock("24:00"), None);
        assert_eq!(parse_clock("7:3"), None);
        assert_eq!(parse_clock("730"), None);
        assert_eq!(clock(450), "07:30");
    }

    #[test]
    fn a_line_ending_before_it_starts_crosses_midnight() {
        assert_eq!(span(22 * 60, 6 * 60), 8 * 60);
        assert_eq!(span(7 * 60, 7 * 60), 0);
        let night = line(0, 5, "22:00", "06:00", "always");
        let slot = Slot::of(date("2026-12-11"), &night).expect("a slot");
        assert_eq!(slot.start.to_string(), "2026-12-11T22:00");
        assert_eq!(slot.end.to_string(), "2026-12-12T06:00");
    }

    #[test]
    fn the_week_of_the_cycle_counts_from_the_first_monday() {
        let range = Range {
            first_monday: date("2026-12-07"),
            last_day: date("2027-01-03"),
            start_week: 2,
        };
        assert_eq!(range.week_of_cycle(date("2026-12-07"), 3), 1);
        assert_eq!(range.week_of_cycle(date("2026-12-13"), 3), 1);
        assert_eq!(range.week_of_cycle(date("2026-12-14"), 3), 2);
        assert_eq!(range.week_of_cycle(date("2026-12-21"), 3), 0);
    }

    #[test]
    fn term_and_holiday_lines_follow_the_school_holidays_and_skip_public_holidays() {
        let lines = vec![
            line(0, 1, "07:30", "14:00", "school"),
            line(0, 1, "09:00", "12:00", "holidays"),
            line(0, 5, "09:00", "12:00", "holidays"),
            line(1, 2, "07:30", "14:00", "always"),
        ];
        let range = Range {
            first_monday: date("2026-12-07"),
            last_day: date("2027-01-03"),
            start_week: 1,
        };
        let christmas = Period {
            from: date("2026-12-19"),
            to: date("2027-01-03"),
            label: "Noël".into(),
        };
        let (found, skipped) = slots(&lines, &range, 2, &[christmas], Calendar::National);
        let starts: Vec<String> = found.iter().map(|s| s.start.to_string()).collect();
        assert_eq!(
            starts,
            [
                "2026-12-07T07:30",
                "2026-12-15T07:30",
                "2026-12-21T09:00",
                "2026-12-29T07:30",
            ]
        );
        assert_eq!(skipped, [(date("2026-12-25"), Holiday::Christmas)]);
    }

    #[test]
    fn lines_clash_within_a_day_and_across_the_end_of_the_cycle() {
        let monday = in_cycle(0, 1, 7 * 60, 14 * 60);
        assert!(clash(monday, in_cycle(0, 1, 13 * 60, 18 * 60), 2));
        assert!(!clash(monday, in_cycle(0, 1, 14 * 60, 18 * 60), 2));
        assert!(!clash(monday, in_cycle(1, 1, 7 * 60, 14 * 60), 2));
        // A Sunday night of the last week runs into the first Monday.
        let sunday_night = in_cycle(1, 7, 22 * 60, 8 * 60);
        assert!(clash(monday, sunday_night, 2));
        assert!(periods_meet("always", "school"));
        assert!(!periods_meet("school", "holidays"));
    }

    #[test]
    fn long_ranges_are_written_in_batches_of_whole_weeks() {
        let lines = vec![
            line(0, 1, "07:30", "11:00", "always"),
            line(0, 1, "16:00", "19:00", "always"),
            line(0, 3, "07:30", "14:00", "always"),
        ];
        let range = Range {
            first_monday: date("2026-12-07"),
            last_day: date("2027-01-03"),
            start_week: 1,
        };
        let (found, _) = slots(&lines, &range, 1, &[], Calendar::National);
        assert_eq!(found.len(), 12);
        let sizes: Vec<usize> = batches(&found, 5).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [3, 3, 3, 3]);
        let sizes: Vec<usize> = batches(&found, 2).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [2, 1, 2, 1, 2, 1, 2, 1]);
        assert_eq!(batches(&found, 400).len(), 1);
        assert!(batches(&[], 400).is_empty());
    }

    #[test]
    fn a_few_skipped_days_are_listed_by_name() {
        let days = [date("2026-12-21"), date("2026-12-24")];
        assert_eq!(
            days_text(&days, "fr").as_deref(),
            Some("lundi 21 décembre 2026, jeudi 24 décembre 2026")
        );
        assert_eq!(days_text(&[], "fr"), None);
    }
}
