//! Photos of a home: its landlord uploads them one at a time, orders them,
//! describes each for screen readers, deletes them; visitors get them from
//! [`serve`].
//!
//! Everything a photo goes through happens here, in the plugin: its first
//! bytes must be a JPEG's or a PNG's (whatever its name or the type the
//! browser gave); its dimensions are read from its header before anything
//! is decoded, so that an image bomb (a small file that says it is
//! 10,000 × 10,000 pixels) is refused without spending the memory; the
//! decoder is bounded too ([`image::Limits`]). The picture is then turned
//! upright (EXIF orientation), reduced to [`LONG_SIDE`] pixels on its long
//! side and encoded again as a JPEG, which keeps none of the original's
//! metadata: no GPS position, no camera serial number, no date.
//!
//! `homes.photos` (how many) and `homes.cover_photo` (the first one) follow
//! every change in the transaction that makes it, except the cover of a
//! home's very first photo, whose id is known only once that transaction
//! commits: it is set right after, and the photos page sets it again if
//! that second write was lost.

use std::io::Cursor;

use base64::Engine as _;
use estive_sdk::db::{Measure, Value};
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};

use crate::access::Access;
use crate::model::{Home, PHOTO_COLUMNS, Photo};
use crate::store::{self, Settings};
use crate::{display, permissions, tables};

use tables::photos as col;

/// The longest side of a stored photo, in pixels.
pub const LONG_SIDE: u32 = 1600;
/// A photo's shorter side must be at least this long, in pixels.
pub const MIN_SIDE: u32 = 200;
/// No side of an image may be longer, in pixels.
pub const MAX_SIDE: u32 = 8000;
/// Nor may it have more pixels (24 megapixels: a good camera's).
pub const MAX_PIXELS: u64 = 24_000_000;
/// What the decoder may allocate: a 24-megapixel picture with an alpha
/// channel in 16 bits a channel is 192 MB; the plugin has 256 MiB.
pub const MAX_ALLOC: u64 = 200 << 20;
/// JPEG quality of stored photos: no visible loss, a few hundred KB.
pub const QUALITY: u8 = 82;
/// Longest alternative text.
pub const ALT_MAX: usize = 200;

/// A photo ready to store: a JPEG without metadata, and its size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Processed {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Why a file is not taken as a photo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoProblem {
    /// No file was chosen.
    Missing,
    /// An empty file.
    Empty,
    /// Not a JPEG nor a PNG (a PDF, a text, a GIF, an SVG…).
    NotPhoto,
    /// Over [`MAX_SIDE`] or [`MAX_PIXELS`]: (width, height).
    TooLarge(u32, u32),
    /// Would take more than [`MAX_ALLOC`] bytes once decoded: megabytes.
    TooHeavy(u64),
    /// Under [`MIN_SIDE`]: (width, height).
    TooSmall(u32, u32),
    /// A JPEG or PNG that cannot be read (truncated, corrupt).
    Unreadable,
}

impl PhotoProblem {
    /// The error shown beside the file field `photo`.
    pub fn field_error(&self, locale: &str) -> FieldError {
        let field = "photo";
        match self {
            PhotoProblem::Missing => FieldError::new(field, "photos-file-required"),
            PhotoProblem::Empty => FieldError::new(field, "photos-empty"),
            PhotoProblem::NotPhoto => FieldError::new(field, "photos-not-photo"),
            PhotoProblem::TooLarge(w, h) => FieldError::new(field, "photos-too-large")
                .arg("width", grouped(u64::from(*w), locale))
                .arg("height", grouped(u64::from(*h), locale))
                .arg("megapixels", megapixels(*w, *h, locale))
                .arg("max_side", grouped(u64::from(MAX_SIDE), locale))
                .arg("max_megapixels", MAX_PIXELS / 1_000_000),
            PhotoProblem::TooHeavy(mb) => {
                FieldError::new(field, "photos-too-heavy").arg("megabytes", grouped(*mb, locale))
            }
            PhotoProblem::TooSmall(w, h) => FieldError::new(field, "photos-too-small")
                .arg("width", grouped(u64::from(*w), locale))
                .arg("height", grouped(u64::from(*h), locale))
                .arg("min_side", MIN_SIDE),
            PhotoProblem::Unreadable => FieldError::new(field, "photos-unreadable"),
        }
    }
}

/// A whole number with its thousands grouped as the page's language
/// writes them (« 10 000 », “10,000”).
fn grouped(n: u64, locale: &str) -> String {
    let digits = n.to_string();
    let sep = if locale == "fr" { '\u{202f}' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Megapixels with one decimal (« 100,0 »).
fn megapixels(w: u32, h: u32, locale: &str) -> String {
    let mp = f64::from(w) * f64::from(h) / 1_000_000.0;
    display::decimal((mp * 10.0).round() / 10.0, locale)
}

/// The format of a file by its first bytes: JPEG (`FF D8 FF`) or PNG
/// (`89 50 4E 47`), nothing else.
pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageFormat::Jpeg)
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
        Some(ImageFormat::Png)
    } else {
        None
    }
}

/// The bytes of the form's file field `photo`: the host gives a binary
/// file as `photo.base64`, a file that happens to be UTF-8 text as `photo`
/// itself (so that a text renamed `.jpg` is read, and refused, too).
///
/// # Errors
/// No file chosen, an empty one, or base64 that does not decode.
pub fn read_file(
    filename: Option<&str>,
    text: Option<&str>,
    base64: Option<&str>,
) -> Result<Vec<u8>, PhotoProblem> {
    let chosen = filename.is_some_and(|n| !n.trim().is_empty());
    let bytes = match base64.filter(|b| !b.is_empty()) {
        Some(encoded) => base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .map_err(|_| PhotoProblem::Unreadable)?,
        None => text.unwrap_or_default().as_bytes().to_vec(),
    };
    match (chosen, bytes.is_empty()) {
        (false, true) => Err(PhotoProblem::Missing),
        (true, true) => Err(PhotoProblem::Empty),
        _ => Ok(bytes),
    }
}

/// Checks a file and turns it into the photo stored: upright, at most
/// [`LONG_SIDE`] pixels on its long side, RGB (transparency over white),
/// JPEG at [`QUALITY`], no metadata.
///
/// # Errors
/// What is wrong with the file, the dimensions in the message when they
/// are the reason.
pub fn process(bytes: &[u8]) -> Result<Processed, PhotoProblem> {
    let format = sniff(bytes).ok_or(PhotoProblem::NotPhoto)?;
    // The header first: nothing is decoded from a file that says it is
    // too large, whatever it really holds.
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|_| PhotoProblem::Unreadable)?;
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoProblem::TooLarge(width, height));
    }
    if width.min(height) < MIN_SIDE {
        return Err(PhotoProblem::TooSmall(width, height));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|_| PhotoProblem::Unreadable)?;
    let needed = decoder.total_bytes();
    if needed > MAX_ALLOC {
        return Err(PhotoProblem::TooHeavy(needed.div_ceil(1_000_000)));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let decoded = DynamicImage::from_decoder(decoder).map_err(|_| PhotoProblem::Unreadable)?;
    let long = decoded.width().max(decoded.height());
    // `thumbnail` averages blocks without an intermediate buffer (a
    // 24-megapixel picture fits in memory once, not three times); for a
    // small reduction, where blocks would alias, a triangle filter.
    let mut small = if long > 2 * LONG_SIDE {
        decoded.thumbnail(LONG_SIDE, LONG_SIDE)
    } else if long > LONG_SIDE {
        decoded.resize(LONG_SIDE, LONG_SIDE, FilterType::Triangle)
    } else {
        decoded
    };
    small = DynamicImage::ImageRgb8(flatten(&small));
    small.apply_orientation(orientation);
    let mut jpeg = Vec::new();
    small
        .write_with_encoder(JpegEncoder::new_with_quality(&mut jpeg, QUALITY))
        .map_err(|_| PhotoProblem::Unreadable)?;
    Ok(Processed {
        jpeg,
        width: small.width(),
        height: small.height(),
    })
}

/// The picture in 8-bit RGB, transparent parts laid over white (a JPEG has
/// no transparency, and black behind a logo reads badly).
fn flatten(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    let mut out = RgbImage::new(rgba.width(), rgba.height());
    for (dst, src) in out.pixels_mut().zip(rgba.pixels()) {
        let alpha = u16::from(src[3]);
        for c in 0..3 {
            let blended = (u16::from(src[c]) * alpha + 255 * (255 - alpha) + 127) / 255;
            dst[c] = u8::try_from(blended).unwrap_or(255);
        }
    }
    out
}

// Reading -----------------------------------------------------------------------

/// A home's photos in their order, without their bytes.
///
/// # Errors
/// Storage failures.
pub fn of_home(home_id: i64) -> Result<Vec<Photo>, Error> {
    db::select(tables::PHOTOS)
        .columns(&PHOTO_COLUMNS)
        .filter(eq(col::HOME_ID, home_id))
        .order_asc(col::POSITION)
        .order_asc(col::ID)
        .limit(100)
        .fetch()
}

/// A home's photos for a template: `{id, url, alt, width, height}` in
/// their order (the public page's gallery, the moderation page).
pub fn gallery(ctx: &Context, home_id: i64, photos: &[Photo]) -> Vec<serde_json::Value> {
    photos
        .iter()
        .map(|p| {
            json!({
                "id": p.id,
                "url": display::photo_path(ctx, home_id, p.id),
                "alt": p.alt,
                "width": p.width,
                "height": p.height,
            })
        })
        .collect()
}

/// Whoever may see the home's photos: everyone while it is (or was) on the
/// portal, its landlord and staff otherwise.
fn may_see(req: &Request, home: &Home) -> Result<bool, Error> {
    if home.public() || home.closed() || req.has_permission(permissions::HOUSING_MODERATE) {
        return Ok(true);
    }
    Ok(req.user().is_some() && Access::of(req)?.owns(home))
}

/// One photo's JPEG, shown in the page (`/annonces/{id}/photos/{photo}`).
///
/// # Errors
/// `not-found` for a photo of another home, of a home not on the portal
/// (unless the visitor is its landlord or staff), or gone.
pub fn serve(req: &Request) -> Result<Response, Error> {
    let home_id = req.param_id("id")?;
    let photo_id = req.param_id("photo")?;
    let home = store::home(home_id).map_err(|_| Error::not_found(messages::NOT_FOUND))?;
    if !may_see(req, &home)? {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let rows = db::select(tables::PHOTOS)
        .columns(&[col::DATA])
        .filter(eq(col::ID, photo_id))
        .filter(eq(col::HOME_ID, home_id))
        .rows()?;
    let bytes = rows
        .rows
        .into_iter()
        .next()
        .and_then(|row| row.into_iter().next())
        .and_then(|value| match value {
            Value::Bytes(bytes) if !bytes.is_empty() => Some(bytes),
            _ => None,
        })
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
    Ok(download(
        "image/jpeg",
        format!("logement-{home_id}-photo-{photo_id}.jpg"),
        bytes,
    )
    .inline()
    .into())
}

// The landlord's page -------------------------------------------------------------

/// What a POST of the photos page asks.
enum Action {
    Upload,
    Alt(i64),
    Up(i64),
    Down(i64),
    Delete(i64),
}

fn action(req: &Request) -> Result<Action, Error> {
    let photo = || {
        req.form("photo_id")
            .and_then(|v| v.trim().parse::<i64>().ok())
            .ok_or_else(|| Error::not_found(messages::NOT_FOUND))
    };
    Ok(match req.form("action").unwrap_or("upload") {
        "alt" => Action::Alt(photo()?),
        "up" => Action::Up(photo()?),
        "down" => Action::Down(photo()?),
        "delete" => Action::Delete(photo()?),
        _ => Action::Upload,
    })
}

/// The home's photos page for its landlord
/// (`/espace-bailleur/logements/{id}/photos`): the photos in order with
/// their text, and the upload form.
///
/// # Errors
/// `not-found` for a home that is not theirs; storage failures.
pub fn manage(req: &Request) -> Result<Response, Error> {
    req.require_user()?;
    let access = Access::of(req)?;
    access.poster()?;
    let home = access.own_home(req.param_id("id")?)?;
    let settings = Settings::load()?;
    let photos = of_home(home.id)?;
    if !req.is_post() {
        heal_cover(&home, &photos)?;
        return Ok(page(req, &home, &photos, &settings, Shown::Fresh));
    }
    match action(req)? {
        Action::Upload => upload(req, &home, &photos, &settings),
        Action::Alt(id) => alt(req, &home, &photos, &settings, id),
        Action::Up(id) => shift(req, &home, &photos, id, true),
        Action::Down(id) => shift(req, &home, &photos, id, false),
        Action::Delete(id) => delete(req, &home, &photos, id),
    }
}

/// What the page shows besides the photos.
enum Shown {
    Fresh,
    /// The upload was refused; whether a good file was lost with it.
    Upload(Error, bool),
    /// A photo's text was refused.
    Alt(i64, Error),
}

/// The upload form's field labels, for the error summary.
fn upload_form() -> Form {
    Form::new("housing-photo-new")
        .label("photo", "photos-file")
        .label("alt", "photos-alt")
}

fn page(
    req: &Request,
    home: &Home,
    photos: &[Photo],
    settings: &Settings,
    shown: Shown,
) -> Response {
    let ctx = req.context();
    let max = settings.max_photos();
    let mut upload = upload_form();
    let mut main = None;
    let mut lost_file = false;
    match &shown {
        Shown::Fresh => {}
        Shown::Upload(error, lost) => {
            upload = upload
                .values(json!({ "alt": req.form("alt").unwrap_or_default() }))
                .errors(error);
            lost_file = *lost;
        }
        Shown::Alt(id, error) => {
            main = Some(
                Form::new(&format!("housing-photo-{id}"))
                    .label("alt", "photos-alt")
                    .values(json!({ "alt": req.form("alt").unwrap_or_default() }))
                    .errors(error),
            );
        }
    }
    let count = photos.len();
    let items: Vec<serde_json::Value> = photos
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({
                "id": p.id,
                "number": i + 1,
                "first": i == 0,
                "last": i + 1 == count,
                "url": display::photo_path(ctx, home.id, p.id),
                "alt": p.alt,
                "width": p.width,
                "height": p.height,
                "size_text": kilobytes(p.size, ctx.locale()),
            })
        })
        .collect();
    let edit_url = req.url(&format!("/espace-bailleur/logements/{}", home.id));
    let view = view("photos.html")
        .title(i18n::t_args("photos-title", &[("title", &home.title)]))
        .crumb(
            i18n::t("photos-crumb-landlord"),
            req.url("/espace-bailleur"),
        )
        .crumb(home.title.clone(), edit_url.clone())
        .set(
            "home",
            json!({ "id": home.id, "title": home.title, "status": home.status }),
        )
        .set("photos", items)
        .set("count", count)
        .set("max", max)
        .set("full", count >= max)
        .set("lost_file", lost_file)
        .set("alt_max", ALT_MAX)
        .set("edit_url", edit_url)
        .set(
            "action_url",
            req.url(&format!("/espace-bailleur/logements/{}/photos", home.id)),
        );
    let main = main.unwrap_or_else(|| upload.clone());
    view.form(main).form_as("upload", upload).into()
}

/// A size in kilobytes as people read it (« 245 Ko »).
fn kilobytes(bytes: i64, locale: &str) -> String {
    let kb = u64::try_from(bytes).unwrap_or(0).div_ceil(1000);
    i18n::t_args("photos-size", &[("size", &grouped(kb, locale))])
}

/// The alternative text typed for a photo.
fn read_alt(f: &mut Validator<'_>) -> String {
    f.text("alt").required().max_len(ALT_MAX).value()
}

fn upload(
    req: &Request,
    home: &Home,
    photos: &[Photo],
    settings: &Settings,
) -> Result<Response, Error> {
    let locale = req.locale();
    let mut f = req.validator();
    let max = settings.max_photos();
    let file = if photos.len() >= max {
        f.report(FieldError::new("photo", "photos-too-many").arg("max", max));
        None
    } else {
        match read_file(
            req.form("photo.filename"),
            req.form("photo"),
            req.form("photo.base64"),
        )
        .and_then(|bytes| process(&bytes))
        {
            Ok(processed) => Some(processed),
            Err(problem) => {
                f.report(problem.field_error(locale));
                None
            }
        }
    };
    let alt = read_alt(&mut f);
    if let Err(invalid) = f.finish() {
        let lost = file.is_some();
        return Ok(page(
            req,
            home,
            photos,
            settings,
            Shown::Upload(invalid, lost),
        ));
    }
    let Some(file) = file else {
        return Err(Error::internal("a photo without a file passed the checks"));
    };
    let now = store::now_utc();
    let n = photos.len();
    let mut tx = db::transaction();
    // The count read above must still hold: two uploads at once would
    // otherwise both take the last place, or go over the limit.
    tx.expect(
        tables::PHOTOS,
        [eq(col::HOME_ID, home.id)],
        Measure::count_rows(),
        Some(n as f64),
        Some(n as f64),
        "photos-changed",
    );
    let step = tx.insert(
        tables::PHOTOS,
        &json!({
            "home_id": home.id,
            "position": n,
            "width": file.width,
            "height": file.height,
            "size": file.jpeg.len(),
            "alt": alt,
            "created_at": now,
        }),
    );
    // A bytes value goes only through an update; the row inserted just
    // above is the only one of this home without bytes.
    tx.update(
        db::update(tables::PHOTOS)
            .filter(eq(col::HOME_ID, home.id))
            .filter(is_null(col::DATA))
            .set(col::DATA, Value::Bytes(file.jpeg)),
    );
    tx.update(
        db::update(tables::HOMES)
            .filter(eq(tables::homes::ID, home.id))
            .set(tables::homes::PHOTOS, (n + 1) as i64)
            .set(tables::homes::UPDATED_AT, now.as_str()),
    );
    let outcomes = match tx.commit() {
        Ok(outcomes) => outcomes,
        Err(Error::Conflict(_)) => {
            let fresh = of_home(home.id)?;
            let invalid = Error::invalid("photo", "photos-changed");
            return Ok(page(
                req,
                home,
                &fresh,
                settings,
                Shown::Upload(invalid, true),
            ));
        }
        Err(e) => return Err(e),
    };
    if n == 0
        && let Some(id) = step.id(&outcomes)
    {
        db::update(tables::HOMES)
            .filter(eq(tables::homes::ID, home.id))
            .filter(is_null(tables::homes::COVER_PHOTO))
            .set(tables::homes::COVER_PHOTO, id)
            .run()?;
    }
    Ok(
        redirect(req.url(&format!("/espace-bailleur/logements/{}/photos", home.id)))
            .notice("photos-added")
            .into(),
    )
}

/// Sets the cover to the first photo when it is not (the cover of a first
/// photo is written after its transaction, and could have been lost).
fn heal_cover(home: &Home, photos: &[Photo]) -> Result<(), Error> {
    let first = photos.first().map(|p| p.id);
    if home.cover_photo == first && home.photos == photos.len() as i64 {
        return Ok(());
    }
    db::update(tables::HOMES)
        .filter(eq(tables::homes::ID, home.id))
        .set(tables::homes::COVER_PHOTO, first)
        .set(tables::homes::PHOTOS, photos.len() as i64)
        .run()?;
    Ok(())
}

fn photo_of(photos: &[Photo], id: i64) -> Result<usize, Error> {
    photos
        .iter()
        .position(|p| p.id == id)
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))
}

fn back(req: &Request, home: &Home, notice: &str) -> Response {
    redirect(req.url(&format!("/espace-bailleur/logements/{}/photos", home.id)))
        .notice(notice)
        .into()
}

fn alt(
    req: &Request,
    home: &Home,
    photos: &[Photo],
    settings: &Settings,
    id: i64,
) -> Result<Response, Error> {
    photo_of(photos, id)?;
    let mut f = req.validator();
    let alt = read_alt(&mut f);
    if let Err(invalid) = f.finish() {
        return Ok(page(req, home, photos, settings, Shown::Alt(id, invalid)));
    }
    db::update(tables::PHOTOS)
        .filter(eq(col::ID, id))
        .filter(eq(col::HOME_ID, home.id))
        .set(col::ALT, alt)
        .run()?;
    Ok(back(req, home, "photos-alt-saved"))
}

/// The photos renumbered 0, 1, 2… in `order`, the home's count and cover
/// following, in one transaction.
fn reorder(home: &Home, order: &[&Photo], deleted: Option<i64>) -> Result<(), Error> {
    let now = store::now_utc();
    let mut tx = db::transaction();
    if let Some(id) = deleted {
        tx.delete(
            db::delete(tables::PHOTOS)
                .filter(eq(col::ID, id))
                .filter(eq(col::HOME_ID, home.id)),
        );
    }
    for (position, p) in order.iter().enumerate() {
        if p.position != position as i64 {
            tx.update(
                db::update(tables::PHOTOS)
                    .filter(eq(col::ID, p.id))
                    .set(col::POSITION, position as i64),
            );
        }
    }
    tx.update(
        db::update(tables::HOMES)
            .filter(eq(tables::homes::ID, home.id))
            .set(tables::homes::PHOTOS, order.len() as i64)
            .set(tables::homes::COVER_PHOTO, order.first().map(|p| p.id))
            .set(tables::homes::UPDATED_AT, now.as_str()),
    );
    tx.commit()?;
    Ok(())
}

fn shift(
    req: &Request,
    home: &Home,
    photos: &[Photo],
    id: i64,
    up: bool,
) -> Result<Response, Error> {
    let at = photo_of(photos, id)?;
    let mut order: Vec<&Photo> = photos.iter().collect();
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    if let Some(other) = other.filter(|o| *o < order.len()) {
        order.swap(at, other);
        reorder(home, &order, None)?;
    }
    Ok(back(req, home, "photos-moved"))
}

fn delete(req: &Request, home: &Home, photos: &[Photo], id: i64) -> Result<Response, Error> {
    photo_of(photos, id)?;
    let order: Vec<&Photo> = photos.iter().filter(|p| p.id != id).collect();
    reorder(home, &order, Some(id))?;
    Ok(back(req, home, "photos-deleted"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgb, Rgba, RgbaImage};

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90)
            .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
            .unwrap();
        out
    }

    fn png_rgba(w: u32, h: u32) -> Vec<u8> {
        let img = RgbaImage::from_fn(w, h, |x, _| {
            Rgba([200, 10, 10, if x < w / 2 { 0 } else { 255 }])
        });
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgba8)
            .unwrap();
        out
    }

    #[test]
    fn a_large_jpeg_is_reduced_to_the_long_side() {
        let p = process(&jpeg(2000, 1000)).unwrap();
        assert_eq!((p.width, p.height), (1600, 800));
        assert_eq!(sniff(&p.jpeg), Some(ImageFormat::Jpeg));
    }

    /// The JPEG with an EXIF segment saying "turn it a quarter to the
    /// right to show it" (orientation 6), as a phone held upright writes.
    fn turned(jpeg: &[u8]) -> Vec<u8> {
        let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
        // One entry: tag 0x0112 (orientation), SHORT, count 1, value 6.
        exif.extend_from_slice(b"\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0");
        let len = u16::try_from(exif.len() + 2).unwrap();
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&exif);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn a_photo_taken_upright_is_stored_upright_without_its_exif() {
        let p = process(&turned(&jpeg(800, 400))).unwrap();
        assert_eq!((p.width, p.height), (400, 800));
        assert!(!p.jpeg.windows(4).any(|w| w == b"Exif"));
    }

    #[test]
    fn a_transparent_png_becomes_a_jpeg_over_white() {
        let p = process(&png_rgba(300, 200)).unwrap();
        assert_eq!((p.width, p.height), (300, 200));
        let back = image::load_from_memory(&p.jpeg).unwrap().to_rgb8();
        let left = back.get_pixel(10, 100);
        assert!(left[0] > 240 && left[1] > 240 && left[2] > 240, "{left:?}");
    }

    #[test]
    fn small_unknown_and_truncated_files_are_refused() {
        assert_eq!(
            process(&jpeg(150, 600)),
            Err(PhotoProblem::TooSmall(150, 600))
        );
        assert_eq!(process(b"%PDF-1.4 hello"), Err(PhotoProblem::NotPhoto));
        assert_eq!(process(b"GIF89a......"), Err(PhotoProblem::NotPhoto));
        let png = png_rgba(300, 300);
        assert_eq!(
            process(&png[..png.len() / 2]),
            Err(PhotoProblem::Unreadable)
        );
    }

    #[test]
    fn a_file_field_reads_from_base64_or_text() {
        assert_eq!(read_file(None, Some(""), None), Err(PhotoProblem::Missing));
        assert_eq!(
            read_file(Some("a.jpg"), Some(""), None),
            Err(PhotoProblem::Empty)
        );
        assert_eq!(
            read_file(Some("a.jpg"), Some("hi"), None),
            Ok(b"hi".to_vec())
        );
        assert_eq!(
            read_file(Some("a.jpg"), Some(""), Some("AAE=")),
            Ok(vec![0, 1])
        );
        assert_eq!(
            read_file(Some("a.jpg"), Some(""), Some("!!")),
            Err(PhotoProblem::Unreadable)
        );
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        assert_eq!(grouped(10_000, "fr"), "10\u{202f}000");
        assert_eq!(grouped(10_000, "en"), "10,000");
        assert_eq!(grouped(999, "fr"), "999");
    }
}
