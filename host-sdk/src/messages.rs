//! The message keys the SDK itself produces.
//!
//! The host translates a message that is a key of the plugin's catalogue
//! and shows any other text as it is. Add these keys to `locales/fr.ftl`
//! and `locales/en.ftl` (or your own wording of them):
//!
//! ```text
//! # locales/fr.ftl
//! not-found = Cette page n'existe pas.
//! sign-in-required = Connectez-vous pour continuer.
//! permission-denied = Vous n'avez pas le droit de faire cela.
//! field-required = Ce champ est obligatoire.
//! field-too-long = Ce texte est trop long.
//! field-too-short = Ce texte est trop court.
//! field-not-a-number = Saisissez un nombre.
//! field-out-of-range = Ce nombre est hors des limites permises.
//! field-invalid-date = Saisissez une date valide.
//! field-invalid-datetime = Saisissez une date et une heure valides.
//! field-too-early = Cette date est trop tôt.
//! field-too-late = Cette date est trop tard.
//! field-not-a-choice = Choisissez une des options proposées.
//! field-too-few-choices = Cochez plus d'options.
//! field-too-many-choices = Cochez moins d'options.
//! field-invalid-email = Saisissez une adresse électronique valide.
//!
//! # locales/en.ftl
//! not-found = This page does not exist.
//! sign-in-required = Sign in to continue.
//! permission-denied = You are not allowed to do this.
//! field-required = This field is required.
//! field-too-long = This text is too long.
//! field-too-short = This text is too short.
//! field-not-a-number = Enter a number.
//! field-out-of-range = This number is outside the allowed range.
//! field-invalid-date = Enter a valid date.
//! field-invalid-datetime = Enter a valid date and time.
//! field-too-early = This date is too early.
//! field-too-late = This date is too late.
//! field-not-a-choice = Pick one of the options offered.
//! field-too-few-choices = Tick more options.
//! field-too-many-choices = Tick fewer options.
//! field-invalid-email = Enter a valid email address.
//! ```
//!
//! A plugin that needs the limits in the message (“at most 200
//! characters”) can translate it itself with
//! [`i18n::t_args`](crate::i18n::t_args) and report it with
//! [`Validator::error`](crate::form::Validator::error).

/// The thing asked for does not exist (a bad or unknown id).
pub const NOT_FOUND: &str = "not-found";
/// An anonymous visitor tried something that needs an account.
pub const SIGN_IN_REQUIRED: &str = "sign-in-required";
/// The user lacks a permission.
pub const PERMISSION_DENIED: &str = "permission-denied";
/// A required field is empty (or a required box is not ticked).
pub const FIELD_REQUIRED: &str = "field-required";
/// A text is longer than allowed.
pub const FIELD_TOO_LONG: &str = "field-too-long";
/// A text is shorter than allowed.
pub const FIELD_TOO_SHORT: &str = "field-too-short";
/// A number field holds something else.
pub const FIELD_NOT_A_NUMBER: &str = "field-not-a-number";
/// A number is below the minimum or above the maximum.
pub const FIELD_OUT_OF_RANGE: &str = "field-out-of-range";
/// A date field is not a real `YYYY-MM-DD` date.
pub const FIELD_INVALID_DATE: &str = "field-invalid-date";
/// A date-and-time field is not a real `YYYY-MM-DDTHH:MM`.
pub const FIELD_INVALID_DATETIME: &str = "field-invalid-datetime";
/// A date is before the earliest allowed.
pub const FIELD_TOO_EARLY: &str = "field-too-early";
/// A date is after the latest allowed.
pub const FIELD_TOO_LATE: &str = "field-too-late";
/// A choice is not one of the values offered.
pub const FIELD_NOT_A_CHOICE: &str = "field-not-a-choice";
/// Fewer boxes are ticked than required.
pub const FIELD_TOO_FEW_CHOICES: &str = "field-too-few-choices";
/// More boxes are ticked than allowed.
pub const FIELD_TOO_MANY_CHOICES: &str = "field-too-many-choices";
/// An email address is malformed.
pub const FIELD_INVALID_EMAIL: &str = "field-invalid-email";
