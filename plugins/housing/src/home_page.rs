//! A home's public page: its photos as a gallery, the home as every page
//! shows it (`_home_body.html`), and how to write to its landlord.
//!
//! A published home is shown to anyone. A let or expired one is still
//! shown, marked closed and without a way to write, for those who kept
//! its address. Any other status (a draft, one waiting for review,
//! refused, withdrawn) is not found for the public, but its landlord and
//! staff see it, with a banner saying it is a preview and why. The exact
//! address is never on this page: the landlord gives it in the
//! conversation they accept ([`crate::contact`]).

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::Access;
use crate::model::{PHOTO_COLUMNS, PUBLISHED, Photo};
use crate::store::{self, Settings};
use crate::{display, search, tables};

/// The width and height a photo is shown at, its proportions kept: the
/// first one large, the others as thumbnails.
fn shown_size(photo: &Photo, longest: i64) -> (i64, i64) {
    let (w, h) = (photo.width.max(1), photo.height.max(1));
    if w.max(h) <= longest {
        (w, h)
    } else if w >= h {
        (longest, (h * longest / w).max(1))
    } else {
        ((w * longest / h).max(1), longest)
    }
}

/// The home's photos for the gallery, in their order (never their bytes).
fn gallery(ctx: &Context, home_id: i64, title: &str) -> Result<Vec<Value>, Error> {
    use tables::photos as p;
    let photos: Vec<Photo> = db::select(tables::PHOTOS)
        .columns(&PHOTO_COLUMNS)
        .filter(eq(p::HOME_ID, home_id))
        .order_asc(p::POSITION)
        .order_asc(p::ID)
        .limit(50)
        .fetch()?;
    let count = photos.len().to_string();
    Ok(photos
        .iter()
        .enumerate()
        .map(|(i, photo)| {
            let large = i == 0;
            let (width, height) = shown_size(photo, if large { 960 } else { 320 });
            // A photo without a description is still named for those who
            // do not see it.
            let alt = if photo.alt.trim().is_empty() {
                i18n::t_args(
                    "home-page-photo-alt",
                    &[
                        ("title", title),
                        ("number", &(i + 1).to_string()),
                        ("count", &count),
                    ],
                )
            } else {
                photo.alt.trim().to_string()
            };
            json!({
                "id": photo.id,
                "url": display::photo_path(ctx, home_id, photo.id),
                "alt": alt,
                "width": width,
                "height": height,
                "large": large,
            })
        })
        .collect())
}

/// The home's page.
///
/// # Errors
/// `not-found` for a home the person may not see; storage failures.
pub fn show(req: &Request) -> Result<Response, Error> {
    let ctx = req.context();
    let id = req.param_id("id")?;
    let home = store::home(id)?;
    let access = Access::of(req)?;
    let owner = access.owns(&home);
    let preview = if home.public() || home.closed() {
        None
    } else if owner {
        Some("owner")
    } else if access.moderates {
        Some("staff")
    } else {
        return Err(Error::not_found("home-not-found"));
    };

    let settings = Settings::load()?;
    let shown = display::home(ctx, &home, &settings);
    let photos = gallery(ctx, home.id, &home.title)?;
    let list = search::list_path(ctx, "");
    let commune_query = settings
        .communes()
        .into_iter()
        .find(|c| c.name == home.commune)
        .map(|c| {
            let value = if c.insee.is_empty() { c.name } else { c.insee };
            estive_sdk::url::query_string(&[("commune", value)])
        });
    let mut page = view("home.html")
        .title(home.title.clone())
        .crumb(i18n::t("housing-title"), list.clone());
    if let Some(query) = &commune_query {
        page = page.crumb(home.commune.clone(), search::list_path(ctx, query));
    }
    let published_on = home
        .published_at
        .as_deref()
        .and_then(|at| local_day(at, ctx.locale()));
    // Writing to the landlord: a published home, not one's own.
    let contact = (home.status == PUBLISHED && !owner).then(|| {
        json!({
            "url": req.url(&format!("/annonces/{id}/contact")),
            "signed_in": ctx.user().is_some(),
        })
    });
    Ok(page
        .set("home", shown)
        .set("photos", photos)
        .set("preview", preview)
        .set("own", owner)
        .set("published_on_text", published_on)
        .set("contact", contact)
        .set(
            "edit_url",
            owner.then(|| req.url(&format!("/espace-bailleur/logements/{id}"))),
        )
        .set(
            "review_url",
            (preview == Some("staff"))
                .then(|| ctx.url_in("extranet", &format!("/logements/{id}")))
                .flatten(),
        )
        .set("list_url", list)
        .set("css", search::stylesheet())
        .into())
}

/// The local day of a UTC `datetime` value, written out.
pub fn local_day(utc: &str, locale: &str) -> Option<String> {
    let at = estive_sdk::dates::DateTime::parse(utc.get(..19).unwrap_or(utc))?;
    let now = clock::now();
    let offset = millis(now.local_datetime()) - millis(now.utc_datetime());
    Some(
        estive_sdk::dates::DateTime::from_unix_millis(millis(at) + offset)
            .date()
            .long(locale),
    )
}

/// Milliseconds since 1970 of a date and time read as UTC.
fn millis(at: estive_sdk::dates::DateTime) -> i64 {
    let seconds = at.date().unix_days() * 86_400
        + i64::from(at.hour()) * 3_600
        + i64::from(at.minute()) * 60
        + i64::from(at.second());
    seconds * 1_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_keep_their_proportions() {
        let photo = |width, height| Photo {
            id: 1,
            home_id: 1,
            position: 0,
            width,
            height,
            size: 1,
            alt: String::new(),
        };
        assert_eq!(shown_size(&photo(1600, 1200), 960), (960, 720));
        assert_eq!(shown_size(&photo(900, 1600), 320), (180, 320));
        assert_eq!(shown_size(&photo(300, 200), 960), (300, 200));
    }
}
