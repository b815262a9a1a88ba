//! Messages between people looking for a home and landlords, relayed by
//! the site.
//!
//! A person writes to the landlord of a published home ([`start`]): one
//! conversation per person and home (`conversations` is unique on
//! `(home_id, seeker_user_id)`), a second message joins it. Every message
//! is stored and mailed to the other side's account with a link to answer
//! on the site; neither side ever sees the other's e-mail address, and the
//! seeker sees the home's exact address and the landlord's phone only once
//! the landlord accepted ([`show`]). A landlord may also start a
//! conversation by proposing one of their homes to a housing request that
//! fits it (the same form, `?demande=<id>`); the requester is then the
//! conversation's seeker.
//!
//! Messages are plain text: shown escaped, links never made clickable,
//! mailed as they were typed; a message made mostly of links is refused
//! as spam. A person starts at most [`DAILY_CONVERSATIONS`] conversations
//! in 24 hours. Conversations are purged [`crate::store::Settings`]'
//! `purge_months` after the home's period (`purge_on`).

use std::collections::HashMap;

use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value as Json;

use crate::access::Access;
use crate::display;
use crate::model::{
    ACCEPTED, CLOSED, Conversation, DECLINED, EXPIRED, Home, HousingRequest, LANDLORD, LET,
    Landlord, Message, OPEN, PUBLISHED, SEEKER,
};
use crate::store::{self, Settings};
use crate::tables;
use crate::tables::conversations as col;
use crate::tables::messages as mcol;

/// The shortest and longest message.
pub const MESSAGE_MIN: usize = 20;
/// See [`MESSAGE_MIN`].
pub const MESSAGE_MAX: usize = 3000;
/// More links than this in a message is spam.
pub const MAX_LINKS: usize = 3;
/// New conversations a person may start in 24 hours.
pub const DAILY_CONVERSATIONS: u64 = 10;
/// The most people a contact may name.
const PEOPLE_MAX: i64 = 20;
/// The most messages shown in a thread, and conversations in a list.
const LIST_MAX: u32 = 1000;

// Paths and words --------------------------------------------------------------

/// The portal path of a conversation.
pub fn conversation_path(ctx: &Context, id: i64) -> String {
    ctx.url_in("portal", &format!("/messages/{id}"))
        .unwrap_or_else(|| format!("/logements/messages/{id}"))
}

/// The portal path of the contact form of a home.
pub fn contact_path(ctx: &Context, home_id: i64) -> String {
    ctx.url_in("portal", &format!("/annonces/{home_id}/contact"))
        .unwrap_or_else(|| format!("/logements/annonces/{home_id}/contact"))
}

/// The first word of a name: what the other side of a conversation reads.
pub fn first_name(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// One line, for a mail's subject.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many links a text holds: words with `http://`, `https://` or
/// starting with `www.`.
pub fn links_in(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| {
            let w = w.to_lowercase();
            w.contains("http://")
                || w.contains("https://")
                || w.trim_start_matches(|c: char| !c.is_alphanumeric())
                    .starts_with("www.")
        })
        .count()
}

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Plain text as HTML paragraphs, every character escaped, single line
/// breaks kept; nothing is made a link.
pub fn plain_html(text: &str) -> String {
    let mut out = String::new();
    for para in text
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        out.push_str("<p>");
        let lines: Vec<String> = para.lines().map(escape).collect();
        out.push_str(&lines.join("<br>\n"));
        out.push_str("</p>\n");
    }
    out
}

/// The day a conversation about a home may be purged: the end of the
/// home's period plus the settings' months.
fn purge_on(available_to: &str, settings: &Settings) -> String {
    let months = i32::try_from(settings.purge_months.clamp(1, 120)).unwrap_or(3);
    Date::parse(available_to)
        .unwrap_or_else(store::today)
        .add_months(months)
        .to_string()
}

/// The words of a conversation's status.
fn status_text(status: &str) -> String {
    i18n::t(&format!("conversation-status-{status}"))
}

// Reading ----------------------------------------------------------------------------

/// A conversation by id.
///
/// # Errors
/// `not-found` when there is none; storage failures.
pub fn conversation(id: i64) -> Result<Conversation, Error> {
    db::select(tables::CONVERSATIONS)
        .filter(eq(col::ID, id))
        .first()?
        .ok_or_else(|| Error::not_found("conversation-not-found"))
}

/// The conversation of a person about a home, if any.
///
/// # Errors
/// Storage failures.
pub fn conversation_of(home_id: i64, user_id: &str) -> Result<Option<Conversation>, Error> {
    db::select(tables::CONVERSATIONS)
        .filter(eq(col::HOME_ID, home_id))
        .filter(eq(col::SEEKER_USER_ID, user_id))
        .first()
}

/// A few homes by id (titles and what a list shows).
fn homes_by_id(ids: impl Iterator<Item = i64>) -> Result<HashMap<i64, Home>, Error> {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let homes: Vec<Home> = db::select(tables::HOMES)
        .filter(one_of("id", ids))
        .fetch()?;
    Ok(homes.into_iter().map(|h| (h.id, h)).collect())
}

// Contacting a landlord ----------------------------------------------------------------

/// What was typed in the contact form, once checked.
struct Contact {
    message: String,
    from: Option<Date>,
    to: Option<Date>,
    people: i64,
}

/// The message as stored: the period and number of people wished, then
/// what the person wrote.
fn stored_body(contact: &Contact, locale: &str) -> String {
    let people = contact.people.to_string();
    let head = match (contact.from, contact.to) {
        (Some(from), Some(to)) => i18n::t_args(
            "contact-body-period",
            &[
                ("from", &from.long(locale)),
                ("to", &to.long(locale)),
                ("people", &people),
            ],
        ),
        (Some(from), None) => i18n::t_args(
            "contact-body-from",
            &[("from", &from.long(locale)), ("people", &people)],
        ),
        (None, Some(to)) => i18n::t_args(
            "contact-body-to",
            &[("to", &to.long(locale)), ("people", &people)],
        ),
        (None, None) => i18n::t_args("contact-body-people", &[("people", &people)]),
    };
    format!("{head}\n\n{}", contact.message)
}

/// The home a person may write about.
///
/// # Errors
/// `conflict` for a let or expired home, `not-found` for one not on the
/// portal.
fn open_home(id: i64) -> Result<Home, Error> {
    let home = store::home(id)?;
    match home.status.as_str() {
        PUBLISHED => Ok(home),
        LET => Err(Error::conflict("contact-closed-let")),
        EXPIRED => Err(Error::conflict("contact-closed-expired")),
        _ => Err(Error::not_found("home-not-found")),
    }
}

/// The contact page of a home: the form to write to its landlord (GET),
/// sending it (POST). With `demande` (query or form), the home's landlord
/// proposes it to a housing request instead ([`propose`]).
///
/// # Errors
/// `not-found`, `conflict` as [`open_home`]; `conflict` for one's own
/// home; storage failures.
pub fn start(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let home = open_home(req.param_id("id")?)?;
    let landlord = store::landlord(home.landlord_id)?;
    let proposal = req
        .form("demande")
        .or_else(|| req.query("demande"))
        .map(str::trim)
        .filter(|v| !v.is_empty());
    if let Some(request_id) = proposal {
        let request_id: i64 = request_id
            .parse()
            .map_err(|_| Error::not_found("requests-not-found"))?;
        return propose(req, &home, &landlord, request_id);
    }
    if landlord.user_id == user.id {
        return Err(Error::conflict("contact-own-home"));
    }
    let existing = conversation_of(home.id, &user.id)?;
    if existing.as_ref().is_some_and(|c| c.status == DECLINED) {
        return Err(Error::conflict("contact-declined"));
    }
    let settings = Settings::load()?;
    if !req.is_post() {
        let form = Form::new("housing-contact").values(json!({ "people": "1" }));
        return Ok(contact_page(req, &home, &settings, existing.as_ref(), form, 200).into());
    }

    let mut f = req.validator();
    let from_min = Date::parse(&home.available_from)
        .unwrap_or_else(store::today)
        .max(store::today());
    let to_max = Date::parse(&home.available_to).unwrap_or_else(store::today);
    let message = f
        .text("message")
        .required()
        .min_len(MESSAGE_MIN)
        .max_len(MESSAGE_MAX)
        .value();
    if !f.has_error("message") && links_in(&message) > MAX_LINKS {
        f.report(FieldError::new("message", "contact-message-links").arg("max", MAX_LINKS));
    }
    let from = f.date("from").min(from_min).max(to_max).optional();
    let to = f.date("to").min(from_min).max(to_max).optional();
    if let (Some(a), Some(b)) = (from, to)
        && b <= a
    {
        f.error("to", "contact-to-before-from");
    }
    let people = f.int("people").range(1, PEOPLE_MAX).value();
    f.checkbox("consent").required().value();
    if let Err(invalid) = f.finish() {
        let form = Form::new("housing-contact").sent(req).errors(&invalid);
        return Ok(contact_page(req, &home, &settings, existing.as_ref(), form, 422).into());
    }
    let contact = Contact {
        message,
        from,
        to,
        people,
    };
    let body = stored_body(&contact, req.locale());
    let seeker_name = first_name(&user.name);
    let ctx = req.context();

    let (id, added) = match existing {
        Some(conv) => (add_message(&conv, SEEKER, &body)?, true),
        None => match new_conversation(&home, &user.id, &seeker_name, SEEKER, &body, &settings) {
            Ok(id) => (id, false),
            Err(Error::Conflict(message)) if message == "contact-too-many" => {
                let form = Form::new("housing-contact").sent(req);
                return Ok(contact_page(req, &home, &settings, None, form, 429)
                    .set("too_many", true)
                    .into());
            }
            Err(Error::Conflict(_)) => {
                // Sent twice at once: the first one made the conversation.
                let conv = conversation_of(home.id, &user.id)?
                    .ok_or_else(|| Error::conflict("contact-already"))?;
                (add_message(&conv, SEEKER, &body)?, true)
            }
            Err(e) => return Err(e),
        },
    };
    let title = one_line(&home.title);
    let link = ctx.absolute(&conversation_path(ctx, id));
    let subject = i18n::t_args("contact-mail-subject", &[("title", &title)]);
    let mail = format!(
        "{}\n\n{}\n\n{}",
        i18n::t_args(
            "contact-mail-intro",
            &[("name", &seeker_name), ("title", &title)],
        ),
        body,
        i18n::t_args("contact-mail-answer", &[("link", &link)]),
    );
    if let Err(e) = mail::send(&landlord.user_id, &subject, &mail) {
        log::warn!("conversation {id}: the landlord was not mailed: {e}");
    }
    let notice = if added {
        "contact-added"
    } else {
        "contact-sent"
    };
    Ok(redirect(conversation_path(ctx, id)).notice(notice).into())
}

/// The contact form page.
fn contact_page(
    req: &Request,
    home: &Home,
    settings: &Settings,
    existing: Option<&Conversation>,
    form: Form,
    status: u16,
) -> View {
    let ctx = req.context();
    let form = form
        .label("message", "contact-message")
        .label("from", "contact-from")
        .label("to", "contact-to")
        .label("people", "contact-people")
        .label("consent", "contact-consent");
    let shown = display::home(ctx, home, settings);
    view("contact.html")
        .title(i18n::t_args("contact-title", &[("title", &home.title)]))
        .crumb(i18n::t("housing-title"), req.url("/"))
        .crumb(home.title.clone(), display::public_path(ctx, home.id))
        .set("home", shown)
        .set("action", contact_path(ctx, home.id))
        .set(
            "existing_url",
            existing.map(|c| conversation_path(ctx, c.id)),
        )
        .set("message_max", MESSAGE_MAX)
        .set("from_min", home.available_from.clone())
        .set("to_max", home.available_to.clone())
        .set("months", settings.purge_months)
        .set("too_many", false)
        .set("daily_max", DAILY_CONVERSATIONS)
        .form(form)
        .status(status)
}

/// Starts a conversation with its first message. At most
/// [`DAILY_CONVERSATIONS`] a day for a seeker who starts it.
///
/// # Errors
/// `conflict("contact-too-many")` over the day's limit, another
/// `conflict` when the conversation exists already; storage failures.
fn new_conversation(
    home: &Home,
    seeker_user_id: &str,
    seeker_name: &str,
    side: &str,
    body: &str,
    settings: &Settings,
) -> Result<i64, Error> {
    let now = store::now_utc();
    let day_ago = utc_hours_ago(24);
    let mut tx = db::transaction();
    tx.expect_none(
        tables::CONVERSATIONS,
        [
            eq(col::HOME_ID, home.id),
            eq(col::SEEKER_USER_ID, seeker_user_id),
        ],
        "contact-already",
    );
    if side == SEEKER {
        tx.expect(
            tables::CONVERSATIONS,
            [
                eq(col::SEEKER_USER_ID, seeker_user_id),
                ge(col::CREATED_AT, day_ago.as_str()),
            ],
            db::Measure::count_rows(),
            None,
            Some((DAILY_CONVERSATIONS - 1) as f64),
            "contact-too-many",
        );
    }
    let conv = tx.insert(
        tables::CONVERSATIONS,
        &json!({
            "home_id": home.id,
            "landlord_id": home.landlord_id,
            "seeker_user_id": seeker_user_id,
            "seeker_name": seeker_name,
            "status": OPEN,
            "seeker_unread": side == LANDLORD,
            "landlord_unread": side == SEEKER,
            "created_at": now,
            "last_at": now,
            "purge_on": purge_on(&home.available_to, settings),
        }),
    );
    tx.insert_linked(
        tables::MESSAGES,
        &json!({ "side": side, "body": body, "created_at": now }),
        &[(mcol::CONVERSATION_ID, conv)],
    );
    let outcomes = tx.commit()?;
    conv.id(&outcomes)
        .ok_or_else(|| Error::internal("the conversation was not stored"))
}

/// Adds a message to a conversation: the other side gets it unread; a
/// conversation the seeker had closed, or one the landlord had declined
/// and now writes to again, opens again.
///
/// # Errors
/// Storage failures.
fn add_message(conv: &Conversation, side: &str, body: &str) -> Result<i64, Error> {
    let now = store::now_utc();
    let mut tx = db::transaction();
    tx.insert(
        tables::MESSAGES,
        &json!({ "conversation_id": conv.id, "side": side, "body": body, "created_at": now }),
    );
    let mut update = db::update(tables::CONVERSATIONS)
        .filter(eq(col::ID, conv.id))
        .set(col::LAST_AT, now.as_str());
    update = if side == SEEKER {
        update.set(col::LANDLORD_UNREAD, true)
    } else {
        update.set(col::SEEKER_UNREAD, true)
    };
    // A seeker writing again, or a landlord proposing again, opens it.
    if conv.status == CLOSED || (conv.status == DECLINED && side == LANDLORD) {
        update = update.set(col::STATUS, OPEN);
    }
    tx.update(update);
    tx.commit()?;
    Ok(conv.id)
}

/// The UTC moment `hours` ago, as stored in `datetime` columns.
pub fn utc_hours_ago(hours: i64) -> String {
    let now = clock::now();
    let at = DateTime::from_unix_millis(now.unix_millis - hours * 3_600_000);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        at.date(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

// A landlord proposing a home to a request ------------------------------------------------

/// Whether a home fits a housing request: available over the whole
/// requested period, rent and charges within the budget, enough beds, in a
/// commune wished (or any when none is), furnished when needed.
pub fn fits(home: &Home, request: &HousingRequest) -> bool {
    home.available_from.as_str() <= request.starts_on.as_str()
        && home.available_to.as_str() >= request.ends_on.as_str()
        && home.monthly() <= request.budget + 0.005
        && home.beds >= request.beds
        && (request.communes.is_empty() || request.communes.iter().any(|c| c == &home.commune))
        && (!request.furnished || home.furnished)
}

/// The proposal page of a home to a request (GET), and sending it (POST):
/// for the home's landlord, an open request of someone else that the home
/// fits.
///
/// # Errors
/// `not-found` when the home is not theirs or the request not open or not
/// fitting; storage failures.
fn propose(
    req: &Request,
    home: &Home,
    landlord: &Landlord,
    request_id: i64,
) -> Result<Response, Error> {
    let access = Access::of(req)?;
    if !access.owns(home) || access.landlord.as_ref().map(|l| l.id) != Some(landlord.id) {
        return Err(Error::not_found("home-not-found"));
    }
    let request: HousingRequest = db::select(tables::REQUESTS)
        .filter(eq("id", request_id))
        .first()?
        .ok_or_else(|| Error::not_found("requests-not-found"))?;
    if request.status != OPEN || request.user_id == landlord.user_id || !fits(home, &request) {
        return Err(Error::not_found("requests-not-found"));
    }
    let ctx = req.context();
    let existing = conversation_of(home.id, &request.user_id)?;
    if !req.is_post() {
        let default = i18n::t_args(
            "contact-propose-default",
            &[
                ("name", &first_name(&request.user_name)),
                ("title", &home.title),
            ],
        );
        let form = Form::new("housing-propose").values(json!({ "message": default }));
        return Ok(propose_page(req, home, &request, existing.as_ref(), form).into());
    }
    let mut f = req.validator();
    let message = f
        .text("message")
        .required()
        .min_len(MESSAGE_MIN)
        .max_len(MESSAGE_MAX)
        .value();
    if !f.has_error("message") && links_in(&message) > MAX_LINKS {
        f.report(FieldError::new("message", "contact-message-links").arg("max", MAX_LINKS));
    }
    if let Err(invalid) = f.finish() {
        let form = Form::new("housing-propose").sent(req).errors(&invalid);
        return Ok(propose_page(req, home, &request, existing.as_ref(), form).into());
    }
    let settings = Settings::load()?;
    let seeker_name = first_name(&request.user_name);
    let id = match existing {
        Some(conv) => add_message(&conv, LANDLORD, &message)?,
        None => {
            match new_conversation(
                home,
                &request.user_id,
                &seeker_name,
                LANDLORD,
                &message,
                &settings,
            ) {
                Ok(id) => id,
                Err(Error::Conflict(_)) => {
                    let conv = conversation_of(home.id, &request.user_id)?
                        .ok_or_else(|| Error::conflict("contact-already"))?;
                    add_message(&conv, LANDLORD, &message)?
                }
                Err(e) => return Err(e),
            }
        }
    };
    let title = one_line(&home.title);
    let link = ctx.absolute(&conversation_path(ctx, id));
    let subject = i18n::t_args("contact-propose-mail-subject", &[("title", &title)]);
    let body = format!(
        "{}\n\n{}\n\n{}",
        i18n::t_args(
            "contact-propose-mail-intro",
            &[("landlord", &home.landlord_name), ("title", &title)],
        ),
        message,
        i18n::t_args("contact-mail-answer", &[("link", &link)]),
    );
    if let Err(e) = mail::send(&request.user_id, &subject, &body) {
        log::warn!("conversation {id}: the requester was not mailed: {e}");
    }
    Ok(redirect(conversation_path(ctx, id))
        .notice("contact-proposed")
        .into())
}

fn propose_page(
    req: &Request,
    home: &Home,
    request: &HousingRequest,
    existing: Option<&Conversation>,
    form: Form,
) -> View {
    let ctx = req.context();
    let locale = ctx.locale();
    view("contact_propose.html")
        .title(i18n::t_args("contact-propose-title", &[("title", &home.title)]))
        .crumb(i18n::t("matching-space"), req.url("/espace-bailleur"))
        .crumb(i18n::t("matching-title"), req.url("/espace-bailleur/demandes"))
        .set(
            "home",
            json!({ "id": home.id, "title": home.title, "url": display::public_path(ctx, home.id) }),
        )
        .set(
            "request",
            json!({
                "id": request.id,
                "first_name": first_name(&request.user_name),
                "from_text": display::long_date(&request.starts_on, locale),
                "to_text": display::long_date(&request.ends_on, locale),
                "budget_text": display::euros(request.budget, locale),
                "beds": request.beds,
            }),
        )
        .set("action", contact_path(ctx, home.id))
        .set(
            "existing_url",
            existing.map(|c| conversation_path(ctx, c.id)),
        )
        .set("message_max", MESSAGE_MAX)
        .form(form.label("message", "contact-message"))
}

// The lists of conversations -------------------------------------------------------------

/// A conversation for the lists.
fn listed(ctx: &Context, conv: &Conversation, home: Option<&Home>, unread: bool) -> Json {
    json!({
        "id": conv.id,
        "url": conversation_path(ctx, conv.id),
        "status": conv.status,
        "status_text": status_text(&conv.status),
        "unread": unread,
        "last_at": conv.last_at,
        "seeker_name": conv.seeker_name,
        "home_title": home.map(|h| h.title.clone()),
        "home_commune": home.map(|h| h.commune.clone()),
        "landlord_name": home.map(|h| h.landlord_name.clone()),
    })
}

/// The person's conversations: as someone looking for a home, and as a
/// landlord (grouped by home), newest first, unread ones marked.
///
/// # Errors
/// Storage failures.
pub fn list(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let ctx = req.context();
    let mine: Vec<Conversation> = db::select(tables::CONVERSATIONS)
        .filter(eq(col::SEEKER_USER_ID, user.id.as_str()))
        .order_desc(col::LAST_AT)
        .limit(LIST_MAX)
        .fetch()?;
    let landlord = store::landlord_of(&user.id)?;
    let received: Vec<Conversation> = match &landlord {
        Some(l) => db::select(tables::CONVERSATIONS)
            .filter(eq(col::LANDLORD_ID, l.id))
            .order_desc(col::LAST_AT)
            .limit(LIST_MAX)
            .fetch()?,
        None => Vec::new(),
    };
    let homes = homes_by_id(mine.iter().chain(&received).map(|c| c.home_id))?;
    let as_seeker: Vec<Json> = mine
        .iter()
        .map(|c| listed(ctx, c, homes.get(&c.home_id), c.seeker_unread))
        .collect();
    // Grouped by home, the home with the latest message first.
    let mut groups: Vec<(i64, Vec<Json>)> = Vec::new();
    for c in &received {
        let row = listed(ctx, c, homes.get(&c.home_id), c.landlord_unread);
        match groups.iter_mut().find(|(h, _)| *h == c.home_id) {
            Some((_, rows)) => rows.push(row),
            None => groups.push((c.home_id, vec![row])),
        }
    }
    let as_landlord: Vec<Json> = groups
        .into_iter()
        .map(|(home_id, rows)| {
            let home = homes.get(&home_id);
            json!({
                "home_id": home_id,
                "title": home.map(|h| h.title.clone()).unwrap_or_default(),
                "status_text": home.map(|h| i18n::t(&format!("status-{}", h.status))),
                "url": display::public_path(ctx, home_id),
                "unread": rows.iter().filter(|r| r["unread"] == json!(true)).count(),
                "conversations": rows,
            })
        })
        .collect();
    Ok(view("conversations.html")
        .title(i18n::t("conversations-title"))
        .crumb(i18n::t("housing-title"), req.url("/"))
        .set("as_seeker", as_seeker)
        .set("as_landlord", as_landlord)
        .set("is_landlord", landlord.is_some())
        .set("months", Settings::load()?.purge_months)
        .into())
}

// One conversation ---------------------------------------------------------------------------

/// Which side of a conversation the request's user is on, if any.
fn side_of(req: &Request, conv: &Conversation) -> Result<Option<&'static str>, Error> {
    let user = req.require_user()?;
    if conv.seeker_user_id == user.id {
        return Ok(Some(SEEKER));
    }
    let landlord = store::landlord_of(&user.id)?;
    Ok(landlord
        .filter(|l| l.id == conv.landlord_id)
        .map(|_| LANDLORD))
}

/// One conversation, for its two people only: the thread, the reply form,
/// and the landlord's decision (accept, which gives the seeker the home's
/// address and the landlord's phone; decline) or the seeker's closing.
/// POST `action`: `reply`, `accept`, `decline`, `close`.
///
/// # Errors
/// `not-found` for anyone else; `conflict` for a decision the status no
/// longer allows; storage failures.
pub fn show(req: &Request) -> Result<Response, Error> {
    let mut conv = conversation(req.param_id("id")?)?;
    let Some(side) = side_of(req, &conv)? else {
        return Err(Error::not_found("conversation-not-found"));
    };
    let home = store::home(conv.home_id)?;
    let landlord = store::landlord(conv.landlord_id)?;
    if req.is_post() {
        return act(req, &conv, side, &home, &landlord);
    }
    // Reading clears the reader's mark.
    let unread_column = if side == SEEKER {
        col::SEEKER_UNREAD
    } else {
        col::LANDLORD_UNREAD
    };
    let unread = if side == SEEKER {
        conv.seeker_unread
    } else {
        conv.landlord_unread
    };
    if unread {
        db::update(tables::CONVERSATIONS)
            .filter(eq(col::ID, conv.id))
            .set(unread_column, false)
            .run()?;
        if side == SEEKER {
            conv.seeker_unread = false;
        } else {
            conv.landlord_unread = false;
        }
    }
    Ok(conversation_page(req, &conv, side, &home, &landlord, None)?.into())
}

/// The conversation page, with the reply form as sent (or fresh).
fn conversation_page(
    req: &Request,
    conv: &Conversation,
    side: &str,
    home: &Home,
    landlord: &Landlord,
    reply: Option<Form>,
) -> Result<View, Error> {
    let ctx = req.context();
    let messages: Vec<Message> = db::select(tables::MESSAGES)
        .filter(eq(mcol::CONVERSATION_ID, conv.id))
        .order_asc(mcol::CREATED_AT)
        .order_asc(mcol::ID)
        .limit(LIST_MAX)
        .fetch()?;
    let other_landlord = home.landlord_name.clone();
    let thread: Vec<Json> = messages
        .iter()
        .map(|m| {
            let mine = m.side == side;
            let who = if mine {
                i18n::t("conversation-you")
            } else if m.side == SEEKER {
                conv.seeker_name.clone()
            } else {
                other_landlord.clone()
            };
            json!({
                "id": m.id,
                "side": m.side,
                "mine": mine,
                "who": who,
                "side_text": i18n::t(&format!("conversation-side-{}", m.side)),
                "created_at": m.created_at,
                "body_html": plain_html(&m.body),
            })
        })
        .collect();
    let accepted = conv.status == ACCEPTED;
    // The address and the phone: for the seeker only once accepted.
    let revealed = if side == SEEKER && accepted {
        json!({
            "address": home.address.clone().filter(|a| !a.trim().is_empty()),
            "phone": landlord.phone.clone().filter(|p| !p.trim().is_empty()),
        })
    } else {
        Json::Null
    };
    let writable = matches!(conv.status.as_str(), OPEN | ACCEPTED);
    let reply = reply
        .unwrap_or_else(|| Form::new("housing-reply"))
        .label("body", "conversation-reply")
        .label("note", "conversation-decline-note");
    let landlord_space = ctx
        .url_in("portal", "/espace-bailleur")
        .unwrap_or_else(|| req.url("/espace-bailleur"));
    let title = if side == SEEKER {
        i18n::t_args(
            "conversation-title-seeker",
            &[("title", &home.title), ("landlord", &home.landlord_name)],
        )
    } else {
        i18n::t_args(
            "conversation-title-landlord",
            &[("title", &home.title), ("name", &conv.seeker_name)],
        )
    };
    Ok(view("conversation.html")
        .title(title)
        .crumb(i18n::t("housing-title"), req.url("/"))
        .crumb(i18n::t("conversations-title"), req.url("/messages"))
        .set(
            "conversation",
            json!({
                "id": conv.id,
                "url": conversation_path(ctx, conv.id),
                "status": conv.status,
                "status_text": status_text(&conv.status),
                "seeker_name": conv.seeker_name,
                "created_at": conv.created_at,
                "purge_on": conv.purge_on,
            }),
        )
        .set(
            "home",
            json!({
                "id": home.id,
                "title": home.title,
                "commune": home.commune,
                "area": home.area,
                "url": display::public_path(ctx, home.id),
                "listed": home.public() || home.closed(),
                "status": home.status,
                "status_text": i18n::t(&format!("status-{}", home.status)),
                "monthly_text": display::euros(home.monthly(), ctx.locale()),
                "landlord_name": home.landlord_name,
            }),
        )
        .set("side", side)
        .set("thread", thread)
        .set("revealed", revealed)
        .set("writable", writable)
        .set("message_max", MESSAGE_MAX)
        .set("landlord_space", landlord_space)
        .set(
            "state_action",
            req.url(&format!("/espace-bailleur/logements/{}/etat", home.id)),
        )
        .form(reply))
}

/// A decision or a reply sent on a conversation.
fn act(
    req: &Request,
    conv: &Conversation,
    side: &str,
    home: &Home,
    landlord: &Landlord,
) -> Result<Response, Error> {
    let ctx = req.context();
    let action = req.form("action").unwrap_or("reply").trim();
    let path = conversation_path(ctx, conv.id);
    let title = one_line(&home.title);
    let link = ctx.absolute(&path);
    // Who gets the mail: the other side's account.
    let (to, from_name) = if side == SEEKER {
        (landlord.user_id.clone(), conv.seeker_name.clone())
    } else {
        (conv.seeker_user_id.clone(), home.landlord_name.clone())
    };
    match (action, side) {
        ("reply", _) => {
            if !matches!(conv.status.as_str(), OPEN | ACCEPTED) {
                return Err(Error::conflict("conversation-ended"));
            }
            let mut f = req.validator();
            let body = f.text("body").required().max_len(MESSAGE_MAX).value();
            if !f.has_error("body") && links_in(&body) > MAX_LINKS {
                f.report(FieldError::new("body", "contact-message-links").arg("max", MAX_LINKS));
            }
            if let Err(invalid) = f.finish() {
                let form = Form::new("housing-reply").sent(req).errors(&invalid);
                return Ok(conversation_page(req, conv, side, home, landlord, Some(form))?.into());
            }
            add_message(conv, side, &body)?;
            let subject = i18n::t_args("conversation-mail-subject", &[("title", &title)]);
            let mail = format!(
                "{}\n\n{}\n\n{}",
                i18n::t_args(
                    "conversation-mail-intro",
                    &[("name", &from_name), ("title", &title)],
                ),
                body,
                i18n::t_args("contact-mail-answer", &[("link", &link)]),
            );
            send(&to, &subject, &mail, conv.id);
            Ok(redirect(path).notice("conversation-reply-sent").into())
        }
        ("accept", LANDLORD) => {
            decide(conv, &[OPEN], ACCEPTED, None)?;
            let address = home
                .address
                .clone()
                .filter(|a| !a.trim().is_empty())
                .unwrap_or_else(|| i18n::t("conversation-no-address"));
            let phone = landlord
                .phone
                .clone()
                .filter(|p| !p.trim().is_empty())
                .unwrap_or_else(|| i18n::t("conversation-no-phone"));
            let subject = i18n::t_args("conversation-accept-mail-subject", &[("title", &title)]);
            let mail = i18n::t_args(
                "conversation-accept-mail-body",
                &[
                    ("landlord", &home.landlord_name),
                    ("title", &title),
                    ("address", &address),
                    ("phone", &phone),
                    ("link", &link),
                ],
            );
            send(&to, &subject, &mail, conv.id);
            Ok(redirect(path).notice("conversation-accepted").into())
        }
        ("decline", LANDLORD) => {
            let mut f = req.validator();
            let note = f.text("note").max_len(MESSAGE_MAX).optional();
            if note.as_deref().is_some_and(|n| links_in(n) > MAX_LINKS) {
                f.report(FieldError::new("note", "contact-message-links").arg("max", MAX_LINKS));
            }
            if let Err(invalid) = f.finish() {
                let form = Form::new("housing-reply").sent(req).errors(&invalid);
                return Ok(conversation_page(req, conv, side, home, landlord, Some(form))?.into());
            }
            decide(conv, &[OPEN, ACCEPTED], DECLINED, note.as_deref())?;
            let subject = i18n::t_args("conversation-decline-mail-subject", &[("title", &title)]);
            let mut mail = i18n::t_args(
                "conversation-decline-mail-body",
                &[("landlord", &home.landlord_name), ("title", &title)],
            );
            if let Some(note) = &note {
                mail.push_str("\n\n");
                mail.push_str(note);
            }
            mail.push_str("\n\n");
            mail.push_str(&i18n::t_args("conversation-mail-read", &[("link", &link)]));
            send(&to, &subject, &mail, conv.id);
            Ok(redirect(path).notice("conversation-declined").into())
        }
        ("close", SEEKER) => {
            decide(conv, &[OPEN, ACCEPTED], CLOSED, None)?;
            let subject = i18n::t_args("conversation-close-mail-subject", &[("title", &title)]);
            let mail = i18n::t_args(
                "conversation-close-mail-body",
                &[("name", &from_name), ("title", &title), ("link", &link)],
            );
            send(&to, &subject, &mail, conv.id);
            Ok(redirect(path).notice("conversation-closed").into())
        }
        _ => Err(Error::not_found("conversation-not-found")),
    }
}

/// Changes a conversation's status when it is one of `from`, with an
/// optional last message of the landlord.
///
/// # Errors
/// `conflict` when its status changed meanwhile; storage failures.
fn decide(conv: &Conversation, from: &[&str], to: &str, note: Option<&str>) -> Result<(), Error> {
    let now = store::now_utc();
    let mut tx = db::transaction();
    let step = tx.update(
        db::update(tables::CONVERSATIONS)
            .filter(eq(col::ID, conv.id))
            .filter(one_of(col::STATUS, from.iter().copied()))
            .set(col::STATUS, to)
            .set(col::LAST_AT, now.as_str())
            .set(
                if to == CLOSED {
                    col::LANDLORD_UNREAD
                } else {
                    col::SEEKER_UNREAD
                },
                true,
            ),
    );
    if let Some(note) = note {
        tx.insert(
            tables::MESSAGES,
            &json!({ "conversation_id": conv.id, "side": LANDLORD, "body": note, "created_at": now }),
        );
    }
    let outcomes = tx.commit()?;
    if step.affected(&outcomes) == Some(0) {
        return Err(Error::conflict("conversation-status-changed"));
    }
    Ok(())
}

/// Mails the other side; a failed mail is logged (the message is on the
/// site).
fn send(user_id: &str, subject: &str, body: &str, id: i64) {
    if user_id.starts_with("erased-") {
        return;
    }
    if let Err(e) = mail::send(user_id, subject, body) {
        log::warn!("conversation {id}: not mailed: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_counted_by_word() {
        assert_eq!(links_in("Bonjour, je cherche un studio."), 0);
        assert_eq!(
            links_in("voir https://a.fr et http://b.fr ou www.c.fr, (www.d.fr)"),
            4
        );
    }

    #[test]
    fn plain_text_is_escaped_and_never_linked() {
        let html = plain_html("<script>alert(1)</script>\nhttps://x.fr\n\nfin");
        assert_eq!(
            html,
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>\nhttps://x.fr</p>\n<p>fin</p>\n"
        );
    }

    fn request(budget: f64, communes: &[&str]) -> HousingRequest {
        HousingRequest {
            id: 1,
            user_id: "7".into(),
            user_name: "Sam Saisonnier".into(),
            for_staff: false,
            organisation: None,
            starts_on: "2026-12-17".into(),
            ends_on: "2027-04-06".into(),
            season: None,
            budget,
            beds: 1,
            communes: communes.iter().map(|c| c.to_string()).collect(),
            furnished: true,
            note: None,
            status: OPEN.into(),
            created_at: String::new(),
            updated_at: String::new(),
            purge_on: String::new(),
        }
    }

    fn home(rent: f64, charges: f64, commune: &str, from: &str, to: &str) -> Home {
        Home {
            commune: commune.into(),
            rent,
            charges,
            beds: 2,
            furnished: true,
            available_from: from.into(),
            available_to: to.into(),
            ..Home::default()
        }
    }

    #[test]
    fn a_home_fits_a_request_over_its_whole_period_within_its_budget() {
        let sams = request(450.0, &["Vielle-Aure", "Saint-Lary-Soulan"]);
        let studio = home(380.0, 40.0, "Vielle-Aure", "2026-12-17", "2027-04-16");
        assert!(fits(&studio, &sams));
        // The 990 € house: over the budget, and in Arreau.
        let house = home(900.0, 90.0, "Arreau", "2026-12-22", "2027-04-26");
        assert!(!fits(&house, &sams));
        assert!(!fits(&house, &request(1000.0, &["Vielle-Aure"])));
        assert!(!fits(&house, &request(1000.0, &[])), "starts too late");
        let early = home(900.0, 90.0, "Arreau", "2026-12-01", "2027-05-01");
        assert!(fits(&early, &request(1000.0, &[])), "anywhere");
        assert!(!fits(&early, &request(989.0, &[])));
        let unfurnished = Home {
            furnished: false,
            ..studio.clone()
        };
        assert!(!fits(&unfurnished, &sams));
        let short = home(380.0, 40.0, "Vielle-Aure", "2026-12-17", "2027-04-01");
        assert!(!fits(&short, &sams), "not the whole period");
    }

    #[test]
    fn the_first_name_is_the_first_word() {
        assert_eq!(first_name("Sam Saisonnier"), "Sam");
        assert_eq!(first_name("  "), "");
    }
}
