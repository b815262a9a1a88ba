//! A home's photos through the landlord's rendered form: a JPEG loses its
//! EXIF and is reduced, a PNG becomes a JPEG, files that are not photos and
//! image bombs are refused beside the field (the plugin still answers
//! after), the alternative text is required, the limit of photos holds,
//! the order and the cover follow changes, and a home's photos are served
//! only while the home is public (to its landlord and staff otherwise).

use std::io::Cursor;

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Client, Database, Page, TestHost};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder, ImageReader, Rgb, RgbImage, Rgba, RgbaImage};
use sea_orm::{ConnectionTrait, Statement};

use super::{BASE, builder, excerpt, expect, loaded, shown};

/// « Studio communal », published, the mairie's.
const STUDIO: i64 = 1;
/// « Chambre chez l'habitant », published, Paul's.
const CHAMBRE: i64 = 2;
/// « Maison pour trois saisonniers », waiting for review, Paul's.
const MAISON: i64 = 3;

/// What the EXIF segment of the test's JPEG says, to look for afterwards.
const MARKER: &str = "GPS-43.0812N-0.3263E-SERIAL-X100V-4242";

fn photos_path(home: i64) -> String {
    format!("{BASE}/espace-bailleur/logements/{home}/photos")
}

fn photo_url(home: i64, photo: i64) -> String {
    format!("{BASE}/annonces/{home}/photos/{photo}")
}

/// A JPEG of `w` × `h` pixels, a gradient.
pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| {
        Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 120])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(img.as_raw(), w, h, ExtendedColorType::Rgb8)
        .expect("a JPEG");
    out
}

/// The JPEG with an EXIF segment (APP1) right after its start, holding
/// [`MARKER`], as a phone writes its GPS position and serial number.
fn with_exif(jpeg: &[u8]) -> Vec<u8> {
    let mut payload = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0\0\0\0\0".to_vec();
    payload.extend_from_slice(MARKER.as_bytes());
    let len = u16::try_from(payload.len() + 2).expect("a short segment");
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A PNG with transparency.
fn png(w: u32, h: u32) -> Vec<u8> {
    let img = RgbaImage::from_fn(w, h, |x, _| {
        Rgba([20, 90, 200, if x < w / 3 { 0 } else { 255 }])
    });
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, ExtendedColorType::Rgba8)
        .expect("a PNG");
    out
}

/// CRC-32 (ISO-HDLC), as PNG chunks carry it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A real 1 × 1 PNG whose header (IHDR, with its CRC right) says it is
/// `w` × `h` pixels: a few dozen bytes that would take 400 MB to decode.
fn bomb(w: u32, h: u32) -> Vec<u8> {
    let mut bytes = png(1, 1);
    // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4)…
    bytes[16..20].copy_from_slice(&w.to_be_bytes());
    bytes[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// Uploads a file through the rendered form of the home's photos page.
async fn upload(
    client: &Client,
    home: i64,
    file: (&str, &str, Vec<u8>),
    alt: &str,
) -> Result<Page> {
    let page = shown(client, &photos_path(home)).await?;
    let mut form = page.form_with("photo")?;
    form.attach("photo", file.0, file.1, file.2)?;
    form.set("alt", alt)?;
    form.submit(client).await
}

/// One photo's row: (id, position, width, height, alt).
type PhotoRow = (i64, i64, i64, i64, String);

/// The home's photos in their order, from the database.
async fn rows(host: &TestHost, home: i64) -> Result<Vec<PhotoRow>> {
    let db = &host.state.platform.db;
    let found = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            format!(
                "SELECT id, position, width, height, alt FROM p_housing__photos \
                 WHERE home_id = {home} ORDER BY position, id"
            ),
        ))
        .await?;
    found
        .iter()
        .map(|r| {
            Ok((
                r.try_get_by_index::<i64>(0)?,
                r.try_get_by_index::<i64>(1)?,
                r.try_get_by_index::<i64>(2)?,
                r.try_get_by_index::<i64>(3)?,
                r.try_get_by_index::<String>(4)?,
            ))
        })
        .collect()
}

/// The bytes stored for a photo.
async fn stored(host: &TestHost, photo: i64) -> Result<Vec<u8>> {
    let db = &host.state.platform.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT data FROM p_housing__photos WHERE id = {photo}"),
        ))
        .await?
        .context("the photo's row")?;
    Ok(row.try_get_by_index::<Vec<u8>>(0)?)
}

/// The home's `photos` and `cover_photo` columns.
async fn counted(host: &TestHost, home: i64) -> Result<(i64, Option<i64>)> {
    let db = &host.state.platform.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT photos, cover_photo FROM p_housing__homes WHERE id = {home}"),
        ))
        .await?
        .context("the home's row")?;
    Ok((
        row.try_get_by_index::<i64>(0)?,
        row.try_get_by_index::<Option<i64>>(1)?,
    ))
}

/// What an anonymous browser gets at a path: status, content type, bytes.
async fn fetch(host: &TestHost, path: &str) -> Result<(u16, String, Vec<u8>)> {
    let resp = reqwest::get(format!("{}{path}", host.url)).await?;
    let status = resp.status().as_u16();
    let kind = resp
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    Ok((status, kind, resp.bytes().await?.to_vec()))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The dimensions of a JPEG, decoded as a browser would.
fn dimensions(bytes: &[u8]) -> Result<(u32, u32)> {
    let img = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()?
        .decode()?;
    Ok((img.width(), img.height()))
}

/// The error the page shows beside the file field.
fn file_error(page: &Page) -> String {
    let at = page
        .text
        .find("id=\"housing-photo-new-photo-error\"")
        .unwrap_or(0);
    page.text[at..].chars().take(400).collect()
}

async fn upload_and_serve(database: Database) -> Result<()> {
    let host = loaded(builder().database(database)).await?;
    let paul = host.login("paul").await?;
    let sent = with_exif(&jpeg(2400, 1600));
    ensure!(
        contains(&sent, MARKER.as_bytes()),
        "the test's JPEG has its EXIF"
    );
    let page = upload(
        &paul,
        CHAMBRE,
        ("IMG_4242.jpg", "image/jpeg", sent),
        "La chambre, lit double sous la fenêtre",
    )
    .await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("La photo est ajoutée."),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("La chambre, lit double sous la fenêtre"),
        "{}",
        excerpt(&page.text)
    );
    let photos = rows(&host, CHAMBRE).await?;
    ensure!(photos.len() == 1, "{photos:?}");
    let (id, position, width, height, _) = photos[0].clone();
    ensure!(
        (position, width, height) == (0, 1600, 1067),
        "{:?}",
        photos[0]
    );
    ensure!(counted(&host, CHAMBRE).await? == (1, Some(id)));

    let kept = stored(&host, id).await?;
    ensure!(!contains(&kept, MARKER.as_bytes()), "the EXIF was kept");
    ensure!(!contains(&kept, b"Exif"), "an EXIF segment was kept");
    let (status, kind, served) = fetch(&host, &photo_url(CHAMBRE, id)).await?;
    ensure!(status == 200 && kind == "image/jpeg", "{status} {kind}");
    ensure!(served == kept, "the bytes served are the bytes stored");
    ensure!(dimensions(&served)? == (1600, 1067));
    Ok(())
}

#[tokio::test]
async fn a_jpeg_loses_its_exif_is_reduced_and_served_to_everyone() -> Result<()> {
    upload_and_serve(Database::Sqlite).await
}

#[tokio::test]
async fn the_photo_bytes_round_trip_on_postgresql() -> Result<()> {
    upload_and_serve(Database::postgres()).await
}

#[tokio::test]
async fn a_transparent_png_becomes_a_jpeg() -> Result<()> {
    let host = loaded(builder()).await?;
    let paul = host.login("paul").await?;
    let page = upload(
        &paul,
        CHAMBRE,
        ("plan.png", "image/png", png(500, 300)),
        "Plan de la chambre",
    )
    .await?;
    expect(&page, 200)?;
    let photos = rows(&host, CHAMBRE).await?;
    ensure!(photos.len() == 1, "{photos:?}");
    let kept = stored(&host, photos[0].0).await?;
    ensure!(kept.starts_with(&[0xFF, 0xD8, 0xFF]), "stored as a JPEG");
    ensure!(dimensions(&kept)? == (500, 300));
    // The transparent third is laid over white.
    let img = image::load_from_memory(&kept)?.to_rgb8();
    let px = img.get_pixel(20, 150);
    ensure!(px[0] > 235 && px[1] > 235 && px[2] > 235, "{px:?}");
    Ok(())
}

#[tokio::test]
async fn files_that_are_not_photos_are_refused_beside_the_field() -> Result<()> {
    let host = loaded(builder()).await?;
    let paul = host.login("paul").await?;
    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n".to_vec();
    pdf.extend_from_slice(&[0u8; 64]);
    let files: Vec<(&str, &str, Vec<u8>)> = vec![
        (
            "photo.jpg",
            "image/jpeg",
            b"Ceci est un texte, pas une photo.".to_vec(),
        ),
        ("bail.pdf", "application/pdf", pdf),
        (
            "anim.gif",
            "image/gif",
            b"GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!".to_vec(),
        ),
        (
            "logo.svg",
            "image/svg+xml",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec(),
        ),
    ];
    for (name, kind, bytes) in files {
        let page = upload(&paul, CHAMBRE, (name, kind, bytes), "Une vue").await?;
        expect(&page, 422)?;
        ensure!(
            file_error(&page).contains("Ce fichier n&#x27;est pas une photo JPEG ou PNG"),
            "{name}: {}",
            excerpt(&page.text)
        );
        ensure!(
            page.title().starts_with("Erreur"),
            "{name}: the title counts the error: {}",
            page.title()
        );
        // What was typed stays.
        ensure!(
            page.form_with("photo")?.value("alt").as_deref() == Some("Une vue"),
            "{name}"
        );
    }
    // A JPEG cut in the middle of its header cannot be read.
    let whole = jpeg(400, 300);
    let cut = whole[..200].to_vec();
    let page = upload(&paul, CHAMBRE, ("cut.jpg", "image/jpeg", cut), "Une vue").await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("abîmée ou incomplète"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(rows(&host, CHAMBRE).await?.is_empty());
    ensure!(counted(&host, CHAMBRE).await? == (0, None));
    Ok(())
}

#[tokio::test]
async fn an_image_bomb_is_refused_by_its_header_and_the_plugin_still_answers() -> Result<()> {
    let host = loaded(builder()).await?;
    let paul = host.login("paul").await?;
    let page = upload(
        &paul,
        CHAMBRE,
        ("huge.png", "image/png", bomb(10_000, 10_000)),
        "Une vue",
    )
    .await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("Cette image est trop grande : 10 000 × 10 000 pixels (100 mégapixels)"),
        "{}",
        excerpt(&page.text)
    );
    // Within 8,000 px a side but over 24 megapixels.
    let page = upload(
        &paul,
        CHAMBRE,
        ("wide.png", "image/png", bomb(7000, 5000)),
        "Une vue",
    )
    .await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("7 000 × 5 000 pixels"),
        "{}",
        excerpt(&page.text)
    );
    let page = upload(
        &paul,
        CHAMBRE,
        ("icon.jpg", "image/jpeg", jpeg(150, 120)),
        "Une vue",
    )
    .await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("Cette image est trop petite : 150 × 120 pixels"),
        "{}",
        excerpt(&page.text)
    );
    // The plugin was not hurt: the next photo goes in.
    let page = upload(
        &paul,
        CHAMBRE,
        ("vue.jpg", "image/jpeg", jpeg(800, 600)),
        "La vue sur le Pic du Midi",
    )
    .await?;
    expect(&page, 200)?;
    ensure!(rows(&host, CHAMBRE).await?.len() == 1);
    Ok(())
}

#[tokio::test]
async fn the_alternative_text_is_required_and_kept_short() -> Result<()> {
    let host = loaded(builder()).await?;
    let paul = host.login("paul").await?;
    let page = upload(
        &paul,
        CHAMBRE,
        ("vue.jpg", "image/jpeg", jpeg(800, 600)),
        "",
    )
    .await?;
    expect(&page, 422)?;
    let summary = page.error_summary();
    ensure!(
        summary
            .iter()
            .any(|(target, text)| target == "housing-photo-new-alt"
                && text.contains("Ce que montre la photo")),
        "{summary:?}"
    );
    ensure!(
        page.shows("choisissez-la à nouveau"),
        "a good file is asked for again: {}",
        excerpt(&page.text)
    );
    let long = "Une très belle vue ".repeat(12);
    let page = upload(
        &paul,
        CHAMBRE,
        ("vue.jpg", "image/jpeg", jpeg(800, 600)),
        &long,
    )
    .await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("200 caractères au plus"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(rows(&host, CHAMBRE).await?.is_empty());

    // A photo's text is changed beside it; an empty one is refused there.
    expect(
        &upload(
            &paul,
            CHAMBRE,
            ("vue.jpg", "image/jpeg", jpeg(800, 600)),
            "Vue",
        )
        .await?,
        200,
    )?;
    let id = rows(&host, CHAMBRE).await?[0].0;
    let page = shown(&paul, &photos_path(CHAMBRE)).await?;
    let mut form = photo_form(&page, id)?;
    form.set("alt", "")?;
    let page = form.submit_with(&paul, "action", "alt").await?;
    expect(&page, 422)?;
    ensure!(
        page.contains(&format!("id=\"housing-photo-{id}-alt-error\"")),
        "{}",
        excerpt(&page.text)
    );
    let mut form = photo_form(&page, id)?;
    form.set("alt", "Vue sur la vallée d'Aure depuis la fenêtre")?;
    let page = form.submit_with(&paul, "action", "alt").await?;
    expect(&page, 200)?;
    ensure!(page.shows("Le texte de la photo est enregistré."));
    ensure!(rows(&host, CHAMBRE).await?[0].4 == "Vue sur la vallée d'Aure depuis la fenêtre");
    Ok(())
}

/// The form of one photo on the photos page.
fn photo_form(page: &Page, id: i64) -> Result<estive_testing::Form> {
    page.forms()
        .into_iter()
        .find(|f| f.value("photo_id") == Some(id.to_string()))
        .with_context(|| format!("no form for photo {id}: {}", excerpt(&page.text)))
}

#[tokio::test]
async fn a_home_takes_at_most_the_settings_number_of_photos() -> Result<()> {
    let host = loaded(builder().setting("housing", "max_photos", 2)).await?;
    let paul = host.login("paul").await?;
    for alt in ["Séjour", "Cuisine"] {
        expect(
            &upload(&paul, MAISON, ("p.jpg", "image/jpeg", jpeg(640, 480)), alt).await?,
            200,
        )?;
    }
    let page = shown(&paul, &photos_path(MAISON)).await?;
    ensure!(
        page.shows("Ce logement a déjà 2 photos, le maximum"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(page.form_with("photo").is_err(), "no upload form any more");
    // A form left open in another tab is refused.
    let page = paul
        .post_multipart(
            &photos_path(MAISON),
            &[("action", "upload"), ("alt", "Salle de bains")],
            &[("photo", "p.jpg", "image/jpeg", jpeg(640, 480))],
        )
        .await?;
    expect(&page, 422)?;
    ensure!(
        page.error_summary().iter().any(|(target, text)| {
            target == "housing-photo-new-photo" && text.contains("Ce logement a déjà 2 photos")
        }) && page.contains("id=\"housing-photo-new-photo\""),
        "{}",
        excerpt(&page.text)
    );
    ensure!(rows(&host, MAISON).await?.len() == 2);
    ensure!(counted(&host, MAISON).await?.0 == 2);
    Ok(())
}

#[tokio::test]
async fn a_draft_homes_photos_are_served_to_its_landlord_and_staff_only() -> Result<()> {
    let host = loaded(builder()).await?;
    let paul = host.login("paul").await?;
    expect(
        &upload(
            &paul,
            MAISON,
            ("maison.jpg", "image/jpeg", jpeg(900, 600)),
            "La maison vue du jardin",
        )
        .await?,
        200,
    )?;
    let id = rows(&host, MAISON).await?[0].0;
    let url = photo_url(MAISON, id);
    let (status, _, _) = fetch(&host, &url).await?;
    ensure!(status == 404, "anonymous: {status}");
    expect(&paul.get(&url).await?, 200)?;
    expect(&host.login("agent").await?.get(&url).await?, 200)?;
    expect(&host.login("seeker").await?.get(&url).await?, 404)?;
    expect(&host.login("mairie").await?.get(&url).await?, 404)?;
    // Under another home's address, it is not there.
    let (status, _, _) = fetch(&host, &photo_url(CHAMBRE, id)).await?;
    ensure!(status == 404, "under another home: {status}");
    // Another landlord cannot reach the photos page.
    let mairie = host.login("mairie").await?;
    expect(&mairie.get(&photos_path(MAISON)).await?, 404)?;
    expect(&shown(&mairie, &photos_path(STUDIO)).await?, 200)?;
    Ok(())
}

#[tokio::test]
async fn photos_are_reordered_and_the_cover_follows_deletions() -> Result<()> {
    let host = loaded(builder()).await?;
    let paul = host.login("paul").await?;
    for alt in ["Alpha", "Bravo", "Charlie"] {
        expect(
            &upload(&paul, CHAMBRE, ("p.jpg", "image/jpeg", jpeg(640, 480)), alt).await?,
            200,
        )?;
    }
    let alts = |r: &[PhotoRow]| r.iter().map(|p| p.4.clone()).collect::<Vec<_>>();
    let first = rows(&host, CHAMBRE).await?;
    ensure!(alts(&first) == ["Alpha", "Bravo", "Charlie"], "{first:?}");
    let (a, c) = (first[0].0, first[2].0);
    ensure!(counted(&host, CHAMBRE).await? == (3, Some(a)));

    // Charlie up, then up again: first, and the cover.
    for _ in 0..2 {
        let page = shown(&paul, &photos_path(CHAMBRE)).await?;
        let page = photo_form(&page, c)?
            .submit_with(&paul, "action", "up")
            .await?;
        expect(&page, 200)?;
        ensure!(page.shows("L'ordre des photos est enregistré."));
    }
    let now = rows(&host, CHAMBRE).await?;
    ensure!(alts(&now) == ["Charlie", "Alpha", "Bravo"], "{now:?}");
    ensure!(
        now.iter().map(|p| p.1).collect::<Vec<_>>() == [0, 1, 2],
        "{now:?}"
    );
    ensure!(counted(&host, CHAMBRE).await? == (3, Some(c)));
    let page = shown(&paul, &photos_path(CHAMBRE)).await?;
    let charlie = page.text.find("alt=\"Charlie\"").context("Charlie shown")?;
    let alpha = page.text.find("alt=\"Alpha\"").context("Alpha shown")?;
    ensure!(charlie < alpha, "the page shows the new order");
    ensure!(
        photo_form(&page, c)?
            .buttons()
            .iter()
            .all(|b| b.value != "up")
    );

    // Alpha down: Charlie, Bravo, Alpha.
    let page = photo_form(&page, a)?
        .submit_with(&paul, "action", "down")
        .await?;
    expect(&page, 200)?;
    ensure!(alts(&rows(&host, CHAMBRE).await?) == ["Charlie", "Bravo", "Alpha"]);

    // Deleting the cover makes Bravo the cover.
    let page = photo_form(&page, c)?
        .submit_with(&paul, "action", "delete")
        .await?;
    expect(&page, 200)?;
    ensure!(page.shows("La photo est supprimée."));
    let left = rows(&host, CHAMBRE).await?;
    ensure!(alts(&left) == ["Bravo", "Alpha"], "{left:?}");
    ensure!(left.iter().map(|p| p.1).collect::<Vec<_>>() == [0, 1]);
    ensure!(counted(&host, CHAMBRE).await? == (2, Some(left[0].0)));
    let (status, _, _) = fetch(&host, &photo_url(CHAMBRE, c)).await?;
    ensure!(status == 404, "a deleted photo is gone: {status}");

    // The last ones: no cover left.
    for p in &left {
        let page = shown(&paul, &photos_path(CHAMBRE)).await?;
        expect(
            &photo_form(&page, p.0)?
                .submit_with(&paul, "action", "delete")
                .await?,
            200,
        )?;
    }
    ensure!(counted(&host, CHAMBRE).await? == (0, None));
    let page = shown(&paul, &photos_path(CHAMBRE)).await?;
    ensure!(page.shows("Pas encore de photo"), "{}", excerpt(&page.text));
    Ok(())
}

/// A PNG of `w` × `h` black (or transparent) pixels, 16 bits a channel with alpha
/// when `deep`: small as a file, as large as a picture gets once decoded.
fn flat_png(w: u32, h: u32, deep: bool) -> Vec<u8> {
    use image::codecs::png::{CompressionType, FilterType};
    let mut out = Vec::new();
    let encoder =
        PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::NoFilter);
    if deep {
        let raw = vec![0u8; (w * h * 8) as usize];
        encoder.write_image(&raw, w, h, ExtendedColorType::Rgba16)
    } else {
        let raw = vec![0u8; (w * h * 3) as usize];
        encoder.write_image(&raw, w, h, ExtendedColorType::Rgb8)
    }
    .expect("a PNG");
    out
}

#[tokio::test]
async fn a_24_megapixel_photo_fits_in_the_plugins_memory_and_time() -> Result<()> {
    let host = loaded(builder()).await?;
    let paul = host.login("paul").await?;
    // 24 megapixels in 16 bits with alpha: 192 MB once decoded, within
    // the decoder's 200 MiB and the plugin's 256 MiB.
    let big = flat_png(6000, 4000, true);
    ensure!(big.len() < 1 << 20, "a small file: {}", big.len());
    let page = upload(
        &paul,
        CHAMBRE,
        ("grand.png", "image/png", big),
        "Grand format",
    )
    .await?;
    expect(&page, 200)?;
    let photos = rows(&host, CHAMBRE).await?;
    ensure!(
        photos.len() == 1 && (photos[0].2, photos[0].3) == (1600, 1067),
        "{photos:?}"
    );
    Ok(())
}
