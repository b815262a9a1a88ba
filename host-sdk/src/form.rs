//! Reading a submitted form, with every error gathered at once.
//!
//! A [`Validator`] reads the fields of a form one by one. Each field is a
//! small builder: the checks come first, then a final call that returns the
//! value and records what is wrong with it. Nothing fails until
//! [`Validator::finish`], which returns every field error together so the
//! person filling the form sees them all.
//!
//! ```
//! use estive_sdk::form::Validator;
//! use estive_sdk::{Error, messages};
//!
//! # let form = vec![("title".to_owned(), "".to_owned()), ("max".to_owned(), "12".to_owned())];
//! let mut f = Validator::new(&form); // in a handler: `req.validator()`
//! let title = f.text("title").required().max_len(200).value();
//! let max = f.int("max").range(1, 10).optional();
//! let public = f.checkbox("public").value();
//! let kind = f.choice("kind", &["single", "multiple"]).or("single".into());
//!
//! let Err(Error::Invalid(errors)) = f.finish() else { panic!() };
//! assert_eq!(errors.len(), 2);
//! assert_eq!(errors[0].message, messages::FIELD_REQUIRED);
//! assert_eq!(errors[1].message, messages::FIELD_OUT_OF_RANGE);
//! ```
//!
//! Each final call comes in up to three shapes:
//!
//! - `value()` — the value, which must be given (for a text, only when the
//!   field is marked `required()`; otherwise an empty text is a value);
//! - `optional()` — `None` when the field is empty;
//! - `or(default)` — the default when the field is empty.
//!
//! When a field is wrong they record the error and return a placeholder
//! (empty text, zero, 1970-01-01…): the form fails at `finish()` anyway, so
//! the placeholder is never used for anything that matters.
//!
//! Texts are trimmed. Only the first error of each field is kept, as a page
//! shows one message per field.
//!
//! # Showing the form again
//!
//! `finish()?` lets the host show its error page (422) with the messages.
//! To show the form again instead, with the messages next to the fields
//! and what was typed kept:
//!
//! ```
//! use estive_sdk::prelude::*;
//!
//! fn create(req: &Request) -> Result<Response, Error> {
//!     let mut form = req.validator();
//!     let title = form.text("title").required().max_len(200).value();
//!     if let Err(invalid) = form.finish() {
//!         return Ok(view("new.html")
//!             .set("errors", invalid.field_messages())
//!             .set("values", req.form_values())
//!             .status(422)
//!             .into());
//!     }
//!     // … store `title` …
//! #   let _ = title;
//!     Ok(redirect(req.url("/")).into())
//! }
//! ```

pub use crate::form_view::{Choice, Form, SummaryLine, options};

use crate::dates::{Date, DateTime};
use crate::{Error, FieldError, messages};

/// Reads the fields of a form and gathers what is wrong with them.
///
/// Get one from [`Request::validator`](crate::Request::validator); see the
/// [module documentation](self) for an example.
#[derive(Debug)]
pub struct Validator<'a> {
    form: &'a [(String, String)],
    errors: Vec<FieldError>,
}

impl<'a> Validator<'a> {
    /// A validator over form fields (name, value), in order.
    pub fn new(form: &'a [(String, String)]) -> Validator<'a> {
        Validator {
            form,
            errors: Vec::new(),
        }
    }

    /// The first value of a field, trimmed; `None` when absent or blank.
    fn raw(&self, name: &str) -> Option<&'a str> {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Every non-blank value of a field, trimmed, without repeats.
    fn raw_all(&self, name: &str) -> Vec<&'a str> {
        let mut values: Vec<&'a str> = Vec::new();
        for (_, v) in self.form.iter().filter(|(k, _)| k == name) {
            let v = v.trim();
            if !v.is_empty() && !values.contains(&v) {
                values.push(v);
            }
        }
        values
    }

    /// A text field (`<input type="text">`, `<textarea>`…).
    pub fn text<'v>(&'v mut self, name: &str) -> TextField<'v, 'a> {
        TextField {
            raw: self.raw(name),
            name: name.to_owned(),
            validator: self,
            required: false,
            min_len: None,
            max_len: None,
            email: false,
        }
    }

    /// An email address field: a text that must look like `name@domain.tld`.
    pub fn email<'v>(&'v mut self, name: &str) -> TextField<'v, 'a> {
        let mut field = self.text(name);
        field.email = true;
        field.max_len = Some(254);
        field
    }

    /// A whole number field.
    pub fn int<'v>(&'v mut self, name: &str) -> IntField<'v, 'a> {
        IntField {
            raw: self.raw(name),
            name: name.to_owned(),
            validator: self,
            min: None,
            max: None,
        }
    }

    /// A decimal number field; a decimal comma (`3,5`) is accepted as well
    /// as a point.
    pub fn float<'v>(&'v mut self, name: &str) -> FloatField<'v, 'a> {
        FloatField {
            raw: self.raw(name),
            name: name.to_owned(),
            validator: self,
            min: None,
            max: None,
        }
    }

    /// A checkbox: ticked when sent with any value but `0`, `false`, `off`
    /// or `no`.
    #[doc(alias = "bool")]
    pub fn checkbox<'v>(&'v mut self, name: &str) -> CheckboxField<'v, 'a> {
        CheckboxField {
            raw: self.raw(name),
            name: name.to_owned(),
            validator: self,
            required: false,
        }
    }

    /// A date field (`<input type="date">`, `YYYY-MM-DD`).
    pub fn date<'v>(&'v mut self, name: &str) -> DateField<'v, 'a> {
        DateField {
            raw: self.raw(name),
            name: name.to_owned(),
            validator: self,
            min: None,
            max: None,
        }
    }

    /// A date and time field (`<input type="datetime-local">`,
    /// `YYYY-MM-DDTHH:MM`).
    pub fn datetime<'v>(&'v mut self, name: &str) -> DateTimeField<'v, 'a> {
        DateTimeField {
            raw: self.raw(name),
            name: name.to_owned(),
            validator: self,
            min: None,
            max: None,
        }
    }

    /// One value among those offered (radio buttons, `<select>`).
    pub fn choice<'v, S: AsRef<str>>(
        &'v mut self,
        name: &str,
        allowed: &[S],
    ) -> ChoiceField<'v, 'a> {
        ChoiceField {
            raw: self.raw(name),
            name: name.to_owned(),
            validator: self,
            allowed: allowed.iter().map(|s| s.as_ref().to_owned()).collect(),
        }
    }

    /// Several values among those offered (checkboxes sharing a name,
    /// `<select multiple>`). Repeated values count once.
    pub fn choices<'v, S: AsRef<str>>(
        &'v mut self,
        name: &str,
        allowed: &[S],
    ) -> ChoicesField<'v, 'a> {
        ChoicesField {
            raw: self.raw_all(name),
            name: name.to_owned(),
            validator: self,
            allowed: allowed.iter().map(|s| s.as_ref().to_owned()).collect(),
            min: 0,
            max: None,
            required: false,
        }
    }

    /// Records an error about a field, unless the field already has one.
    ///
    /// For checks across fields or against stored data:
    ///
    /// ```
    /// # use estive_sdk::form::Validator;
    /// # let form = vec![];
    /// # let mut f = Validator::new(&form);
    /// # let (opens, closes) = (3, 2);
    /// if closes < opens {
    ///     f.error("closes", "closes-before-opening");
    /// }
    /// assert!(f.finish().is_err());
    /// ```
    pub fn error(&mut self, field: &str, message: impl Into<String>) {
        self.report(FieldError::new(field, message));
    }

    /// Records an error built with its arguments, unless its field already
    /// has one: `f.report(FieldError::new("seats", "too-many-seats").arg("max", 40))`.
    pub fn report(&mut self, error: FieldError) {
        if !self.has_error(&error.field) {
            self.errors.push(error);
        }
    }

    fn problem(&mut self, field: &str, problem: Problem) {
        let mut error = FieldError::new(field, problem.key);
        error.args = problem.args;
        self.report(error);
    }

    /// Records an error about a field when `ok` is false, and returns `ok`.
    pub fn check(&mut self, ok: bool, field: &str, message: impl Into<String>) -> bool {
        if !ok {
            self.error(field, message);
        }
        ok
    }

    /// Whether a field has an error.
    pub fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    /// Whether any field has an error.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The errors recorded so far, in the order of the fields.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// Ends the validation.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] with every field error, when there is any.
    pub fn finish(self) -> Result<(), Error> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(self.errors))
        }
    }
}

/// What checking a raw field gave: nothing, a value, or what is wrong.
type Checked<T> = Result<Option<T>, Problem>;

/// A message key and the limits it names (`{ $max }`).
struct Problem {
    key: &'static str,
    args: Vec<(String, String)>,
}

impl Problem {
    /// The message `key` with the arguments that are given, and `bounds`
    /// (`min`, `max` or `both`) naming the limits among them: the
    /// catalogue selects its wording on it, since Fluent cannot test
    /// whether an argument was given, and falls back to a wording without
    /// limits when it is absent (a message reported without them).
    fn with(key: &'static str, args: &[(&str, Option<String>)]) -> Problem {
        let mut args: Vec<(String, String)> = args
            .iter()
            .filter_map(|(name, value)| Some(((*name).to_owned(), value.clone()?)))
            .collect();
        let has = |name: &str| args.iter().any(|(n, _)| n == name);
        let bounds = match (has("min"), has("max")) {
            (true, true) => Some("both"),
            (true, false) => Some("min"),
            (false, true) => Some("max"),
            (false, false) => None,
        };
        if let Some(bounds) = bounds {
            args.push(("bounds".to_owned(), bounds.to_owned()));
        }
        Problem { key, args }
    }
}

impl Problem {
    /// A number out of its bounds.
    fn range(min: Option<String>, max: Option<String>) -> Problem {
        Problem::with(messages::FIELD_OUT_OF_RANGE, &[("min", min), ("max", max)])
    }
}

impl From<&'static str> for Problem {
    fn from(key: &'static str) -> Problem {
        Problem {
            key,
            args: Vec::new(),
        }
    }
}

/// A decimal limit as people write it in French and English alike for
/// whole numbers, and with the point otherwise (`2.5`).
fn decimal(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// A date limit as `dd/mm/yyyy`, read the same in both languages.
fn day(d: Date) -> String {
    let iso = d.to_string();
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso,
    }
}

/// The three final calls shared by every single-valued field.
macro_rules! finishers {
    ($ty:ty, $placeholder:expr) => {
        /// The value, which must be given: an empty field is
        /// [`messages::FIELD_REQUIRED`].
        pub fn value(self) -> $ty {
            let (validator, name, checked) = self.checked();
            match checked {
                Ok(Some(value)) => value,
                Ok(None) => {
                    validator.error(&name, messages::FIELD_REQUIRED);
                    $placeholder
                }
                Err(problem) => {
                    validator.problem(&name, problem);
                    $placeholder
                }
            }
        }

        /// The value, or `None` when the field is empty.
        pub fn optional(self) -> Option<$ty> {
            let (validator, name, checked) = self.checked();
            checked.unwrap_or_else(|problem| {
                validator.problem(&name, problem);
                None
            })
        }

        /// The value, or `default` when the field is empty.
        pub fn or(self, default: $ty) -> $ty {
            let (validator, name, checked) = self.checked();
            match checked {
                Ok(value) => value.unwrap_or(default),
                Err(problem) => {
                    validator.problem(&name, problem);
                    default
                }
            }
        }
    };
}

/// A text field; see [`Validator::text`].
#[must_use = "call value(), optional() or or() to read the field"]
pub struct TextField<'v, 'a> {
    validator: &'v mut Validator<'a>,
    name: String,
    raw: Option<&'a str>,
    required: bool,
    min_len: Option<usize>,
    max_len: Option<usize>,
    email: bool,
}

impl<'v, 'a> TextField<'v, 'a> {
    /// The field must not be empty: [`messages::FIELD_REQUIRED`].
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// At least `chars` characters: [`messages::FIELD_TOO_SHORT`].
    pub fn min_len(mut self, chars: usize) -> Self {
        self.min_len = Some(chars);
        self
    }

    /// At most `chars` characters: [`messages::FIELD_TOO_LONG`].
    pub fn max_len(mut self, chars: usize) -> Self {
        self.max_len = Some(chars);
        self
    }

    fn checked(self) -> (&'v mut Validator<'a>, String, Checked<String>) {
        let checked = match self.raw {
            None => Ok(None),
            Some(text) => {
                let chars = text.chars().count();
                if let Some(max) = self.max_len.filter(|&max| chars > max) {
                    Err(Problem::with(
                        messages::FIELD_TOO_LONG,
                        &[
                            ("max", Some(max.to_string())),
                            ("length", Some(chars.to_string())),
                        ],
                    ))
                } else if let Some(min) = self.min_len.filter(|&min| chars < min) {
                    Err(Problem::with(
                        messages::FIELD_TOO_SHORT,
                        &[
                            ("min", Some(min.to_string())),
                            ("length", Some(chars.to_string())),
                        ],
                    ))
                } else if self.email && !looks_like_email(text) {
                    Err(messages::FIELD_INVALID_EMAIL.into())
                } else {
                    Ok(Some(text.to_owned()))
                }
            }
        };
        (self.validator, self.name, checked)
    }

    /// The trimmed text; empty when the field is empty, which is an error
    /// only if the field is [`required`](Self::required).
    pub fn value(self) -> String {
        let required = self.required;
        let (validator, name, checked) = self.checked();
        match checked {
            Ok(Some(text)) => text,
            Ok(None) => {
                if required {
                    validator.error(&name, messages::FIELD_REQUIRED);
                }
                String::new()
            }
            Err(problem) => {
                validator.problem(&name, problem);
                String::new()
            }
        }
    }

    /// The trimmed text, or `None` when the field is empty.
    pub fn optional(self) -> Option<String> {
        let required = self.required;
        let (validator, name, checked) = self.checked();
        match checked {
            Ok(None) if required => {
                validator.error(&name, messages::FIELD_REQUIRED);
                None
            }
            Ok(text) => text,
            Err(problem) => {
                validator.problem(&name, problem);
                None
            }
        }
    }

    /// The trimmed text, or `default` when the field is empty.
    pub fn or(self, default: String) -> String {
        self.optional().unwrap_or(default)
    }
}

/// Whether a text has the shape of an email address. Deliberately loose:
/// only sending a message proves an address.
fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A whole number field; see [`Validator::int`].
#[must_use = "call value(), optional() or or() to read the field"]
pub struct IntField<'v, 'a> {
    validator: &'v mut Validator<'a>,
    name: String,
    raw: Option<&'a str>,
    min: Option<i64>,
    max: Option<i64>,
}

impl<'v, 'a> IntField<'v, 'a> {
    /// At least `min`: [`messages::FIELD_OUT_OF_RANGE`].
    pub fn min(mut self, min: i64) -> Self {
        self.min = Some(min);
        self
    }

    /// At most `max`: [`messages::FIELD_OUT_OF_RANGE`].
    pub fn max(mut self, max: i64) -> Self {
        self.max = Some(max);
        self
    }

    /// Between `min` and `max` included: [`messages::FIELD_OUT_OF_RANGE`].
    pub fn range(self, min: i64, max: i64) -> Self {
        self.min(min).max(max)
    }

    fn checked(self) -> (&'v mut Validator<'a>, String, Checked<i64>) {
        let checked = match self.raw.map(str::parse::<i64>) {
            None => Ok(None),
            Some(Err(_)) => Err(messages::FIELD_NOT_A_NUMBER.into()),
            Some(Ok(n)) if self.min.is_some_and(|m| n < m) || self.max.is_some_and(|m| n > m) => {
                Err(Problem::range(
                    self.min.map(|m| m.to_string()),
                    self.max.map(|m| m.to_string()),
                ))
            }
            Some(Ok(n)) => Ok(Some(n)),
        };
        (self.validator, self.name, checked)
    }

    finishers!(i64, 0);
}

/// A decimal number field; see [`Validator::float`].
#[must_use = "call value(), optional() or or() to read the field"]
pub struct FloatField<'v, 'a> {
    validator: &'v mut Validator<'a>,
    name: String,
    raw: Option<&'a str>,
    min: Option<f64>,
    max: Option<f64>,
}

impl<'v, 'a> FloatField<'v, 'a> {
    /// At least `min`: [`messages::FIELD_OUT_OF_RANGE`].
    pub fn min(mut self, min: f64) -> Self {
        self.min = Some(min);
        self
    }

    /// At most `max`: [`messages::FIELD_OUT_OF_RANGE`].
    pub fn max(mut self, max: f64) -> Self {
        self.max = Some(max);
        self
    }

    /// Between `min` and `max` included: [`messages::FIELD_OUT_OF_RANGE`].
    pub fn range(self, min: f64, max: f64) -> Self {
        self.min(min).max(max)
    }

    fn checked(self) -> (&'v mut Validator<'a>, String, Checked<f64>) {
        let parsed = self.raw.map(|text| {
            text.replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
        });
        let checked = match parsed {
            None => Ok(None),
            Some(None) => Err(messages::FIELD_NOT_A_NUMBER.into()),
            Some(Some(n)) if self.min.is_some_and(|m| n < m) || self.max.is_some_and(|m| n > m) => {
                Err(Problem::range(self.min.map(decimal), self.max.map(decimal)))
            }
            Some(Some(n)) => Ok(Some(n)),
        };
        (self.validator, self.name, checked)
    }

    finishers!(f64, 0.0);
}

/// A checkbox; see [`Validator::checkbox`].
#[must_use = "call value() to read the field"]
pub struct CheckboxField<'v, 'a> {
    validator: &'v mut Validator<'a>,
    name: String,
    raw: Option<&'a str>,
    required: bool,
}

impl CheckboxField<'_, '_> {
    /// The box must be ticked (e.g. accepting terms):
    /// [`messages::FIELD_REQUIRED`].
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Whether the box is ticked. An unticked box is not sent at all by
    /// browsers, so absence means `false`.
    pub fn value(self) -> bool {
        let ticked = self.raw.is_some_and(|v| {
            !["0", "false", "off", "no"].contains(&v.to_ascii_lowercase().as_str())
        });
        if self.required && !ticked {
            self.validator.error(&self.name, messages::FIELD_REQUIRED);
        }
        ticked
    }
}

/// A date field; see [`Validator::date`].
#[must_use = "call value(), optional() or or() to read the field"]
pub struct DateField<'v, 'a> {
    validator: &'v mut Validator<'a>,
    name: String,
    raw: Option<&'a str>,
    min: Option<Date>,
    max: Option<Date>,
}

impl<'v, 'a> DateField<'v, 'a> {
    /// Not before `min`: [`messages::FIELD_TOO_EARLY`].
    pub fn min(mut self, min: Date) -> Self {
        self.min = Some(min);
        self
    }

    /// Not after `max`: [`messages::FIELD_TOO_LATE`].
    pub fn max(mut self, max: Date) -> Self {
        self.max = Some(max);
        self
    }

    fn checked(self) -> (&'v mut Validator<'a>, String, Checked<Date>) {
        let checked = match self.raw.map(Date::parse) {
            None => Ok(None),
            Some(None) => Err(messages::FIELD_INVALID_DATE.into()),
            Some(Some(d)) if self.min.is_some_and(|m| d < m) => Err(Problem::with(
                messages::FIELD_TOO_EARLY,
                &[("min", self.min.map(day))],
            )),
            Some(Some(d)) if self.max.is_some_and(|m| d > m) => Err(Problem::with(
                messages::FIELD_TOO_LATE,
                &[("max", self.max.map(day))],
            )),
            Some(Some(d)) => Ok(Some(d)),
        };
        (self.validator, self.name, checked)
    }

    finishers!(Date, Date::default());
}

/// A date and time field; see [`Validator::datetime`].
#[must_use = "call value(), optional() or or() to read the field"]
pub struct DateTimeField<'v, 'a> {
    validator: &'v mut Validator<'a>,
    name: String,
    raw: Option<&'a str>,
    min: Option<DateTime>,
    max: Option<DateTime>,
}

impl<'v, 'a> DateTimeField<'v, 'a> {
    /// Not before `min`: [`messages::FIELD_TOO_EARLY`].
    pub fn min(mut self, min: DateTime) -> Self {
        self.min = Some(min);
        self
    }

    /// Not after `max`: [`messages::FIELD_TOO_LATE`].
    pub fn max(mut self, max: DateTime) -> Self {
        self.max = Some(max);
        self
    }

    fn checked(self) -> (&'v mut Validator<'a>, String, Checked<DateTime>) {
        let checked = match self.raw.map(DateTime::parse) {
            None => Ok(None),
            Some(None) => Err(messages::FIELD_INVALID_DATETIME.into()),
            Some(Some(t)) if self.min.is_some_and(|m| t < m) => Err(Problem::with(
                messages::FIELD_TOO_EARLY,
                &[("min", self.min.map(|m| day(m.date())))],
            )),
            Some(Some(t)) if self.max.is_some_and(|m| t > m) => Err(Problem::with(
                messages::FIELD_TOO_LATE,
                &[("max", self.max.map(|m| day(m.date())))],
            )),
            Some(Some(t)) => Ok(Some(t)),
        };
        (self.validator, self.name, checked)
    }

    finishers!(DateTime, DateTime::default());
}

/// One value among those offered; see [`Validator::choice`].
#[must_use = "call value(), optional() or or() to read the field"]
pub struct ChoiceField<'v, 'a> {
    validator: &'v mut Validator<'a>,
    name: String,
    raw: Option<&'a str>,
    allowed: Vec<String>,
}

impl<'v, 'a> ChoiceField<'v, 'a> {
    fn checked(self) -> (&'v mut Validator<'a>, String, Checked<String>) {
        let checked = match self.raw {
            None => Ok(None),
            Some(v) if self.allowed.iter().any(|a| a == v) => Ok(Some(v.to_owned())),
            Some(_) => Err(messages::FIELD_NOT_A_CHOICE.into()),
        };
        (self.validator, self.name, checked)
    }

    finishers!(String, String::new());
}

/// Several values among those offered; see [`Validator::choices`].
#[must_use = "call value() to read the field"]
pub struct ChoicesField<'v, 'a> {
    validator: &'v mut Validator<'a>,
    name: String,
    raw: Vec<&'a str>,
    allowed: Vec<String>,
    min: usize,
    max: Option<usize>,
    required: bool,
}

impl ChoicesField<'_, '_> {
    /// At least one value: [`messages::FIELD_REQUIRED`].
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// At least `count` values: [`messages::FIELD_TOO_FEW_CHOICES`].
    pub fn min(mut self, count: usize) -> Self {
        self.min = count;
        self
    }

    /// At most `count` values: [`messages::FIELD_TOO_MANY_CHOICES`].
    pub fn max(mut self, count: usize) -> Self {
        self.max = Some(count);
        self
    }

    /// The values chosen, in the order sent, without repeats.
    pub fn value(self) -> Vec<String> {
        let count = self.raw.len();
        let problem = if self
            .raw
            .iter()
            .any(|v| !self.allowed.iter().any(|a| a == v))
        {
            Some(messages::FIELD_NOT_A_CHOICE.into())
        } else if self.required && count == 0 {
            Some(messages::FIELD_REQUIRED.into())
        } else if count < self.min {
            Some(Problem::with(
                messages::FIELD_TOO_FEW_CHOICES,
                &[("min", Some(self.min.to_string()))],
            ))
        } else {
            self.max.filter(|&max| count > max).map(|max| {
                Problem::with(
                    messages::FIELD_TOO_MANY_CHOICES,
                    &[("max", Some(max.to_string()))],
                )
            })
        };
        match problem {
            Some(problem) => {
                self.validator.problem(&self.name, problem);
                Vec::new()
            }
            None => self.raw.into_iter().map(str::to_owned).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn keys(f: &Validator<'_>) -> Vec<(String, String)> {
        f.errors()
            .iter()
            .map(|e| (e.field.clone(), e.message.clone()))
            .collect()
    }

    #[test]
    fn every_error_is_gathered_before_finishing() {
        let data = form(&[("title", "  "), ("max", "abc"), ("day", "2026-02-30")]);
        let mut f = Validator::new(&data);
        f.text("title").required().value();
        f.int("max").optional();
        f.date("day").value();
        f.choice("kind", &["a", "b"]).value();
        assert_eq!(
            keys(&f),
            [
                ("title".into(), "field-required".into()),
                ("max".into(), "field-not-a-number".into()),
                ("day".into(), "field-invalid-date".into()),
                ("kind".into(), "field-required".into()),
            ]
        );
        assert!(matches!(f.finish(), Err(Error::Invalid(e)) if e.len() == 4));
    }

    #[test]
    fn valid_form_gives_typed_values() {
        let data = form(&[
            ("title", "  Budget 2027 "),
            ("max", "3"),
            ("ratio", "2,5"),
            ("notify", "on"),
            ("starts", "2026-11-28T18:30"),
            ("kind", "b"),
            ("tags", "x"),
            ("tags", "y"),
            ("tags", "x"),
        ]);
        let mut f = Validator::new(&data);
        assert_eq!(
            f.text("title").required().max_len(20).value(),
            "Budget 2027"
        );
        assert_eq!(f.int("max").range(1, 10).value(), 3);
        assert_eq!(f.float("ratio").value(), 2.5);
        assert!(f.checkbox("notify").value());
        assert!(!f.checkbox("absent").value());
        assert_eq!(f.datetime("starts").value().to_string(), "2026-11-28T18:30");
        assert_eq!(f.choice("kind", &["a", "b"]).value(), "b");
        assert_eq!(
            f.choices("tags", &["x", "y", "z"]).max(2).value(),
            ["x", "y"]
        );
        assert_eq!(f.int("missing").optional(), None);
        assert_eq!(f.int("missing").or(5), 5);
        assert_eq!(f.text("missing").value(), "");
        assert!(f.finish().is_ok());
    }

    #[test]
    fn text_longer_than_max_len_counts_characters_not_bytes() {
        let data = form(&[("a", "ééé"), ("b", "éééé")]);
        let mut f = Validator::new(&data);
        f.text("a").max_len(3).value();
        f.text("b").max_len(3).value();
        assert_eq!(keys(&f), [("b".into(), "field-too-long".into())]);
    }

    #[test]
    fn number_outside_range_is_out_of_range() {
        let data = form(&[("low", "0"), ("high", "11"), ("f", "10.5")]);
        let mut f = Validator::new(&data);
        f.int("low").range(1, 10).value();
        f.int("high").max(10).optional();
        f.float("f").max(10.0).value();
        assert!(
            f.errors()
                .iter()
                .all(|e| e.message == messages::FIELD_OUT_OF_RANGE)
        );
        assert_eq!(f.errors().len(), 3);
    }

    #[test]
    fn float_that_is_not_finite_is_not_a_number() {
        let data = form(&[("a", "inf"), ("b", "NaN"), ("c", "1e3")]);
        let mut f = Validator::new(&data);
        f.float("a").value();
        f.float("b").value();
        assert_eq!(f.float("c").value(), 1000.0);
        assert_eq!(f.errors().len(), 2);
    }

    #[test]
    fn date_before_min_is_too_early_and_after_max_too_late() {
        let data = form(&[("a", "2026-01-01"), ("b", "2027-01-01")]);
        let mut f = Validator::new(&data);
        let min = Date::parse("2026-06-01").unwrap();
        let max = Date::parse("2026-12-31").unwrap();
        f.date("a").min(min).max(max).value();
        f.date("b").min(min).max(max).value();
        assert_eq!(
            keys(&f),
            [
                ("a".into(), "field-too-early".into()),
                ("b".into(), "field-too-late".into()),
            ]
        );
    }

    #[test]
    fn choice_outside_allowed_values_is_not_a_choice() {
        let data = form(&[("kind", "c"), ("tags", "x"), ("tags", "evil")]);
        let mut f = Validator::new(&data);
        f.choice("kind", &["a", "b"]).value();
        assert!(f.choices("tags", &["x", "y"]).value().is_empty());
        assert_eq!(
            keys(&f),
            [
                ("kind".into(), "field-not-a-choice".into()),
                ("tags".into(), "field-not-a-choice".into()),
            ]
        );
    }

    #[test]
    fn choices_count_is_checked_against_min_and_max() {
        let data = form(&[("a", "x"), ("b", "x"), ("b", "y"), ("b", "z")]);
        let mut f = Validator::new(&data);
        f.choices("a", &["x", "y", "z"]).min(2).value();
        f.choices("b", &["x", "y", "z"]).max(2).value();
        f.choices("c", &["x"]).required().value();
        assert_eq!(
            keys(&f),
            [
                ("a".into(), "field-too-few-choices".into()),
                ("b".into(), "field-too-many-choices".into()),
                ("c".into(), "field-required".into()),
            ]
        );
    }

    #[test]
    fn unticked_required_checkbox_is_required() {
        let data = form(&[("consent", "0")]);
        let mut f = Validator::new(&data);
        assert!(!f.checkbox("consent").required().value());
        assert_eq!(keys(&f), [("consent".into(), "field-required".into())]);
    }

    #[test]
    fn only_the_first_error_of_a_field_is_kept() {
        let data = form(&[("title", "")]);
        let mut f = Validator::new(&data);
        f.text("title").required().value();
        f.error("title", "title-taken");
        assert!(!f.check(false, "other", "custom"));
        assert_eq!(
            keys(&f),
            [
                ("title".into(), "field-required".into()),
                ("other".into(), "custom".into()),
            ]
        );
    }

    #[test]
    fn email_needs_an_at_and_a_dotted_domain() {
        let data = form(&[
            ("ok", "marie.dupont@mairie.example.fr"),
            ("no_at", "marie"),
            ("no_dot", "marie@localhost"),
            ("space", "marie dupont@x.fr"),
        ]);
        let mut f = Validator::new(&data);
        assert_eq!(f.email("ok").value(), "marie.dupont@mairie.example.fr");
        f.email("no_at").value();
        f.email("no_dot").value();
        f.email("space").value();
        assert_eq!(f.errors().len(), 3);
        assert!(
            f.errors()
                .iter()
                .all(|e| e.message == messages::FIELD_INVALID_EMAIL)
        );
    }
}
