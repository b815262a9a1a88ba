//! The optional second factor of an account: a time-based code (TOTP,
//! RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, one step of clock skew
//! either way) from an authenticator app, and ten single-use recovery
//! codes for a lost phone.
//!
//! A secret is stored unconfirmed when its owner starts; the factor is on
//! only once they type a first good code from the app. A code is accepted
//! once: the step it belongs to is written with a conditional update, so
//! two requests racing with the same code cannot both pass.

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Secret, Totp};

use crate::db::entities::second_factor;

/// How many recovery codes an account gets at a time.
pub const RECOVERY_CODES: usize = 10;

/// Letters of recovery codes: no 0/O or 1/I/L to misread on paper.
const CODE_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// The second factor of an account, as its pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Not set up.
    Off,
    /// A secret was made and waits for its first code.
    Pending { secret: String },
    /// Asked at every sign-in.
    On {
        since: DateTime<Utc>,
        recovery_left: usize,
    },
}

/// What a typed code turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    /// A code of the app.
    App,
    /// A recovery code, now used up; this many are left.
    Recovery { left: usize },
}

fn totp(secret_b32: &str, issuer: &str, account: &str) -> Result<Totp> {
    let bytes = Secret::try_from_base32(secret_b32)
        .map_err(|e| anyhow::anyhow!("stored second-factor secret: {e:?}"))?;
    // Issuer and account name must not hold a colon (the otpauth label
    // separates them with one).
    let clean = |s: &str| s.replace(':', " ");
    totp_rs::Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(bytes)
        .with_issuer(Some(clean(issuer)))
        .with_account_name(clean(account))
        .build()
        .map_err(|e| anyhow::anyhow!("second-factor parameters: {e:?}"))
}

/// A new random secret of 160 bits (the RFC's recommendation), base32.
pub fn new_secret() -> String {
    let bytes: [u8; 20] = rand::random();
    Secret::from(bytes).to_base32()
}

/// The secret grouped by four letters, easier to type into an app by hand.
pub fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `otpauth://` address an authenticator app reads from the QR code.
///
/// # Errors
/// The secret is not valid base32.
pub fn otpauth_url(secret: &str, issuer: &str, account: &str) -> Result<String> {
    totp(secret, issuer, account)?
        .to_url()
        .map_err(|e| anyhow::anyhow!("otpauth address: {e:?}"))
}

/// A QR code of `text` as an inline SVG image (dark modules on white,
/// with the four-module quiet zone scanners need).
pub fn qr_svg(text: &str, label: &str) -> String {
    use qrcodegen::{QrCode, QrCodeEcc};
    let Ok(qr) = QrCode::encode_text(text, QrCodeEcc::Medium) else {
        return String::new();
    };
    let border = 4;
    let size = qr.size() + border * 2;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let label = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;");
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    )
}

fn digest(code: &str) -> String {
    hex::encode(Sha256::digest(code.as_bytes()))
}

/// Recovery codes as typed: lowercase, without spaces or dashes.
fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// New recovery codes (`xxxxx-xxxxx`, 50 bits each) and the digests to store.
pub fn new_recovery_codes() -> (Vec<String>, String) {
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let raw: String = (0..10)
                .map(|_| {
                    let i = rand::random_range(0..CODE_ALPHABET.len());
                    char::from(CODE_ALPHABET[i])
                })
                .collect();
            format!("{}-{}", &raw[..5], &raw[5..])
        })
        .collect();
    let digests: Vec<String> = codes.iter().map(|c| digest(&normalise(c))).collect();
    (
        codes,
        serde_json::to_string(&digests).expect("strings serialise"),
    )
}

fn recovery_list(row: &second_factor::Model) -> Vec<String> {
    serde_json::from_str(&row.recovery).unwrap_or_default()
}

async fn row<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<Option<second_factor::Model>> {
    Ok(second_factor::Entity::find_by_id(user_id).one(db).await?)
}

/// The second factor of an account.
///
/// # Errors
/// The database fails.
pub async fn state<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<State> {
    Ok(match row(db, user_id).await? {
        None => State::Off,
        Some(r) => match r.confirmed_at {
            None => State::Pending { secret: r.secret },
            Some(since) => State::On {
                since,
                recovery_left: recovery_list(&r).len(),
            },
        },
    })
}

/// Whether sign-in asks this account for a second factor.
///
/// # Errors
/// The database fails.
pub async fn is_on<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<bool> {
    Ok(matches!(state(db, user_id).await?, State::On { .. }))
}

/// Start setting up: a new unconfirmed secret replaces any earlier
/// unconfirmed one. Does nothing to a factor that is already on.
///
/// # Errors
/// The database fails.
pub async fn begin<C: ConnectionTrait>(db: &C, user_id: i64, now: DateTime<Utc>) -> Result<()> {
    match row(db, user_id).await? {
        Some(r) if r.confirmed_at.is_some() => return Ok(()),
        Some(_) => {
            second_factor::Entity::delete_by_id(user_id)
                .exec(db)
                .await?;
        }
        None => {}
    }
    second_factor::ActiveModel {
        user_id: Set(user_id),
        secret: Set(new_secret()),
        created_at: Set(now),
        confirmed_at: Set(None),
        last_step: Set(0),
        recovery: Set("[]".into()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The step a code of the app is good for at `now`, if it is one.
fn app_step(secret: &str, code: &str, now: DateTime<Utc>) -> Option<i64> {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let t = totp(secret, "-", "-").ok()?;
    let when = u64::try_from(now.timestamp()).ok()?;
    t.check(&digits, when).and_then(|s| i64::try_from(s).ok())
}

/// Mark `step` used unless it (or a later one) already was: true when this
/// request is the one that used it.
async fn use_step<C: ConnectionTrait>(db: &C, user_id: i64, step: i64) -> Result<bool> {
    let done = second_factor::Entity::update_many()
        .col_expr(second_factor::Column::LastStep, Expr::value(step))
        .filter(second_factor::Column::UserId.eq(user_id))
        .filter(second_factor::Column::LastStep.lt(step))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Confirm a pending secret with a first code of the app; returns the
/// recovery codes to show once, or `None` when the code is wrong.
///
/// # Errors
/// The database fails.
pub async fn confirm<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Option<Vec<String>>> {
    let Some(r) = row(db, user_id).await? else {
        return Ok(None);
    };
    if r.confirmed_at.is_some() {
        return Ok(None);
    }
    let Some(step) = app_step(&r.secret, code, now) else {
        return Ok(None);
    };
    if !use_step(db, user_id, step).await? {
        return Ok(None);
    }
    let (codes, digests) = new_recovery_codes();
    let mut am: second_factor::ActiveModel = r.into();
    am.confirmed_at = Set(Some(now));
    am.last_step = Set(step);
    am.recovery = Set(digests);
    am.update(db).await?;
    Ok(Some(codes))
}

/// Check a code typed at sign-in (or to change the factor): a code of the
/// app not used before, or an unused recovery code, which is used up.
///
/// # Errors
/// The database fails.
pub async fn verify<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Option<Accepted>> {
    let Some(r) = row(db, user_id).await? else {
        return Ok(None);
    };
    if r.confirmed_at.is_none() {
        return Ok(None);
    }
    if let Some(step) = app_step(&r.secret, code, now) {
        return Ok(use_step(db, user_id, step).await?.then_some(Accepted::App));
    }
    let typed = normalise(code);
    if typed.len() != 10 {
        return Ok(None);
    }
    let wanted = digest(&typed);
    let list = recovery_list(&r);
    if !list.iter().any(|d| d.as_bytes() == wanted.as_bytes()) {
        return Ok(None);
    }
    let rest: Vec<&String> = list.iter().filter(|d| **d != wanted).collect();
    let rest_json = serde_json::to_string(&rest).context("recovery codes")?;
    // Only if the list is still the one read: a code used twice at once
    // passes once.
    let done = second_factor::Entity::update_many()
        .col_expr(second_factor::Column::Recovery, Expr::value(rest_json))
        .filter(second_factor::Column::UserId.eq(user_id))
        .filter(second_factor::Column::Recovery.eq(r.recovery.clone()))
        .exec(db)
        .await?;
    Ok((done.rows_affected == 1).then_some(Accepted::Recovery { left: rest.len() }))
}

/// New recovery codes in place of the old ones (all of them stop working).
///
/// # Errors
/// The database fails.
pub async fn renew_recovery<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<Vec<String>> {
    let (codes, digests) = new_recovery_codes();
    second_factor::Entity::update_many()
        .col_expr(second_factor::Column::Recovery, Expr::value(digests))
        .filter(second_factor::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(codes)
}

/// Turn the second factor off (by its owner, or reset by an administrator
/// for someone who lost their phone and their codes).
///
/// # Errors
/// The database fails.
pub async fn remove<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<()> {
    second_factor::Entity::delete_by_id(user_id)
        .exec(db)
        .await?;
    Ok(())
}

/// The code the app shows at `now` (for tests and the CLI's check).
///
/// # Errors
/// The secret is not valid base32.
pub fn code_at(secret: &str, now: DateTime<Utc>) -> Result<String> {
    let t = totp(secret, "-", "-")?;
    Ok(t.generate(u64::try_from(now.timestamp()).unwrap_or(0))
        .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_vector_for_sha1() {
        // RFC 6238 appendix B: the ASCII secret "12345678901234567890" at
        // 59 s gives 94287082 on 8 digits, so 287082 on 6.
        let secret = Secret::from(b"12345678901234567890".to_vec()).to_base32();
        let at = DateTime::from_timestamp(59, 0).unwrap();
        assert_eq!(code_at(&secret, at).unwrap(), "287082");
        assert_eq!(app_step(&secret, "287 082", at), Some(1));
        // One step either way is accepted, two are not.
        let later = DateTime::from_timestamp(59 + 30, 0).unwrap();
        assert_eq!(app_step(&secret, "287082", later), Some(1));
        let much_later = DateTime::from_timestamp(59 + 60, 0).unwrap();
        assert_eq!(app_step(&secret, "287082", much_later), None);
        assert_eq!(app_step(&secret, "28708", at), None);
        assert_eq!(app_step(&secret, "abcdef", at), None);
    }

    #[test]
    fn recovery_codes_are_distinct_and_read_back_as_typed() {
        let (codes, digests) = new_recovery_codes();
        let stored: Vec<String> = serde_json::from_str(&digests).unwrap();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(stored.len(), RECOVERY_CODES);
        let typed = codes[3].to_uppercase().replace('-', " ");
        assert_eq!(digest(&normalise(&typed)), stored[3]);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
    }

    #[test]
    fn the_qr_code_is_an_svg_with_a_label() {
        let url = otpauth_url(&new_secret(), "Vézian: Aure", "marie").unwrap();
        assert!(url.starts_with("otpauth://totp/"));
        let svg = qr_svg(&url, "QR <code>");
        assert!(svg.starts_with("<svg") && svg.contains("aria-label=\"QR &lt;code>\""));
        assert!(
            svg.contains("M4,4h1v1h-1z"),
            "a finder pattern starts the code"
        );
    }
}
