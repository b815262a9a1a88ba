//! Citizens' opinions on actions (the “avis des usagers”): a rating from 1
//! to 5 and a comment, one per person and action, published once a
//! moderator approved it.

use estive_sdk::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use crate::model::{APPROVED, Action, Opinion, PENDING, REJECTED, now_utc};
use crate::portal;

/// Whether the site collects opinions (the `opinions` setting).
pub fn enabled() -> bool {
    config::get("opinions")
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

/// The approved opinions of an action, newest first, their average and
/// the signed-in user's own opinion, for the action's public page.
pub fn for_action(action_id: i64, user: Option<&User>) -> Result<Value, Error> {
    let approved: Vec<Opinion> = db::select("opinions")
        .filter(eq("action_id", action_id))
        .filter(eq("status", APPROVED))
        .order_desc("created_at")
        .limit(200)
        .fetch()?;
    let average = average(approved.iter().map(|o| o.rating));
    let mine: Option<Opinion> = match user {
        Some(u) => db::select("opinions")
            .filter(eq("action_id", action_id))
            .filter(eq("user_id", u.id.as_str()))
            .first()?,
        None => None,
    };
    let list: Vec<Value> = approved
        .iter()
        .map(|o| {
            json!({
                "name": o.user_name, "rating": o.rating, "comment": o.comment,
                "created_at": o.created_at,
            })
        })
        .collect();
    Ok(json!({
        "enabled": enabled(),
        "list": list,
        "count": approved.len(),
        "average": average.map(|a| crate::numbers::grouped(a, "en")),
        "average_fr": average.map(|a| crate::numbers::grouped(a, "fr")),
        "mine": mine.map(|o| json!({ "rating": o.rating, "comment": o.comment, "status": o.status, "reason": o.reason })),
    }))
}

/// The mean rating, to one decimal.
pub fn average(ratings: impl Iterator<Item = i64>) -> Option<f64> {
    let (sum, n) = ratings.fold((0i64, 0i64), |(s, n), r| (s + r, n + 1));
    (n > 0).then(|| (sum as f64 / n as f64 * 10.0).round() / 10.0)
}

/// `POST /actions/{id}/avis` (portal): give or change one's opinion; it
/// waits for moderation again.
pub fn give(req: &Request) -> Result<Response, Error> {
    let action_id = req.param_id("id")?;
    let action: Action = db::select("actions").filter(eq("id", action_id)).one()?;
    if !enabled() {
        return Err(Error::forbidden("error-opinions-closed"));
    }
    let user = req.require_user()?;
    let mut form = req.validator();
    let rating: i64 = form
        .choice("rating", &["1", "2", "3", "4", "5"])
        .value()
        .parse()
        .unwrap_or(0);
    let comment = form.text("comment").max_len(1000).value();
    if let Err(e) = form.finish() {
        return Ok(portal::action_view(req, Some(&e))?.into());
    }
    let opinion = Opinion {
        id: None,
        action_id,
        user_id: user.id.clone(),
        user_name: user.name.clone(),
        rating,
        comment,
        status: PENDING.into(),
        created_at: Some(now_utc()),
        moderated_at: None,
        moderated_by: None,
        reason: String::new(),
    };
    db::upsert("opinions", &opinion, &["action_id", "user_id"])?;
    log::info!("opinion on action {} awaits moderation", action.id());
    Ok(
        redirect(req.url(&format!("/actions/{action_id}#indicators-opinions")))
            .notice("notice-opinion-received")
            .into(),
    )
}

#[derive(Deserialize)]
struct Title {
    id: i64,
    title: String,
}

/// `GET /avis` (extranet): the opinions waiting, then the last decided.
pub fn moderation(req: &Request) -> Result<Response, Error> {
    let pending: Vec<Opinion> = db::select("opinions")
        .filter(eq("status", PENDING))
        .order_asc("created_at")
        .limit(500)
        .fetch()?;
    let decided: Vec<Opinion> = db::select("opinions")
        .filter(ne("status", PENDING))
        .order_desc("moderated_at")
        .limit(30)
        .fetch()?;
    let titles: Vec<Title> = db::select("actions")
        .columns(&["id", "title"])
        .limit(10_000)
        .fetch()?;
    let json_of = |o: &Opinion| {
        json!({
            "id": o.id, "action_id": o.action_id,
            "action_title": titles.iter().find(|t| t.id == o.action_id).map(|t| t.title.as_str()),
            "name": o.user_name, "rating": o.rating, "comment": o.comment, "status": o.status,
            "created_at": o.created_at, "moderated_at": o.moderated_at,
            "moderated_by": o.moderated_by, "reason": o.reason,
        })
    };
    Ok(view("opinions.html")
        .title(i18n::t("opinions-title"))
        .set("pending", pending.iter().map(json_of).collect::<Vec<_>>())
        .set("decided", decided.iter().map(json_of).collect::<Vec<_>>())
        .set("enabled", enabled())
        .crumb(i18n::t("manage-title"), req.url("/"))
        .into())
}

/// `POST /avis/{id}` (extranet): approve or reject, with a reason.
pub fn moderate(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let opinion: Opinion = db::select("opinions").filter(eq("id", id)).one()?;
    let user = req.require_user()?;
    let mut form = req.validator();
    let decision = form.choice("decision", &[APPROVED, REJECTED]).value();
    let reason = form.text("reason").max_len(500).value();
    form.finish()?;
    let mut tx = db::transaction();
    tx.update(
        db::update("opinions")
            .filter(eq("id", id))
            .set("status", decision.as_str())
            .set("reason", reason.as_str())
            .set("moderated_at", now_utc())
            .set("moderated_by", user.name.as_str()),
    );
    tx.audit(
        &format!("opinion.{decision}"),
        &format!("action:{}", opinion.action_id),
        &json!({ "opinion": id, "reason": reason }),
    );
    tx.commit()?;
    let notice = if decision == APPROVED {
        "notice-opinion-approved"
    } else {
        "notice-opinion-rejected"
    };
    Ok(redirect(req.url("/avis")).notice(notice).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_rating_is_rounded_to_one_decimal() {
        assert_eq!(average([4, 5, 5].into_iter()), Some(4.7));
        assert_eq!(average(std::iter::empty()), None);
    }
}
