//! Forms on pages: [`Form`] and [`View::form`].

use serde::Serialize;
use serde_json::{Map, Value};

use crate::{Error, FieldError, Request, View, i18n, view};

/// A form on a page: its values, and its errors when it is shown again.
///
/// Every form page does the same things when what was sent is wrong: show
/// the form again with what the person typed, each error beside its field,
/// a summary of the errors at the top (in the order of the form, each
/// naming its field and linking to it), the count of errors at the start of
/// the document's title (never in the `<h1>`), and status 422. [`Form`] and
/// [`View::form`] do all of it with the host, whose template macros
/// (`estive/forms.html`) draw the fields.
///
/// ```no_run
/// use estive_sdk::prelude::*;
/// use estive_sdk::form::Form;
///
/// fn form_page(req: &Request, error: Option<&Error>) -> View {
///     let mut form = Form::new("club").label("name", "club-name");
///     if let Some(error) = error {
///         form = form.sent(req).errors(error);
///     }
///     view("club_form.html").title(i18n::t("club-new")).form(form)
/// }
/// ```
///
/// and in `templates/club_form.html`:
///
/// ```text
/// {% import "estive/forms.html" as f %}
/// {{ f.summary(form) }}
/// <form method="post" novalidate>
///   <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
///   {{ f.input(form, "name", t("club-name"), required=true) }}
///   {{ f.actions(t("estive-save"), base_path ~ "/") }}
/// </form>
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Form {
    id: String,
    values: Map<String, Value>,
    /// Field names in the order the browser sent them (the form's order).
    order: Vec<String>,
    errors: Vec<FieldError>,
    /// Field name → its label.
    labels: Vec<(String, Label)>,
    fault: Option<String>,
}

/// One option of a `select`, `radios` or `checkboxes` macro.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The value sent, as text, so that it compares equal to the one a
    /// browser sends back.
    pub value: String,
    /// What the person reads.
    pub label: String,
}

/// The options of a choice for the host's macros, from (value, label)
/// pairs: built in code rather than in the template, where a list grown
/// inside `{% for %}` is lost when the loop ends.
///
/// ```
/// use estive_sdk::form::options;
///
/// let kinds = options([(1, "Salle"), (2, "Matériel")]);
/// assert_eq!(kinds[1].value, "2");
/// assert_eq!(kinds[1].label, "Matériel");
/// ```
pub fn options<V, L>(items: impl IntoIterator<Item = (V, L)>) -> Vec<Choice>
where
    V: std::fmt::Display,
    L: Into<String>,
{
    items
        .into_iter()
        .map(|(value, label)| Choice {
            value: value.to_string(),
            label: label.into(),
        })
        .collect()
}

/// How a field is named in the summary.
#[derive(Clone, Debug, PartialEq)]
enum Label {
    /// A catalogue key (or text, when the catalogue has no such key).
    Key(String),
    /// Text shown as it is (a question's title typed by a person).
    Text(String),
}

/// A catalogue lookup: a key and its arguments to a text.
type Translate = dyn Fn(&str, &[(String, String)]) -> String;

/// One line of the error summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SummaryLine {
    /// The field's name.
    pub field: String,
    /// The `id` of its control, for the summary's link.
    pub id: String,
    /// The label and the message, translated: "Titre : Ce champ est
    /// obligatoire."
    pub text: String,
}

/// What templates get under `form`.
#[derive(Clone, Debug, PartialEq, Serialize)]
struct Shown {
    /// Prefix of the controls' ids: a field `title` is `<id>-title`.
    id: String,
    values: Map<String, Value>,
    /// Translated message by field name.
    errors: Map<String, Value>,
    summary: Vec<SummaryLine>,
    count: usize,
}

impl Form {
    /// An empty form whose controls' ids start with `id` (the plugin's
    /// name, or the form's when a page has several).
    pub fn new(id: &str) -> Form {
        Form {
            id: id.to_owned(),
            ..Form::default()
        }
    }

    /// Adds the values to show (a struct, a map or `json!({…})`): those of
    /// the record being edited, or the defaults of a new one. Each call
    /// replaces the names it gives: call it before [`Form::sent`] for
    /// defaults, after it for values that must win over what was sent.
    #[must_use]
    pub fn values(mut self, values: impl Serialize) -> Form {
        match serde_json::to_value(values) {
            Ok(Value::Object(fields)) => self.values.extend(fields),
            Ok(other) => {
                self.fault.get_or_insert(format!(
                    "the values of form {} must be a map, not {other}",
                    self.id
                ));
            }
            Err(e) => {
                self.fault
                    .get_or_insert(format!("values of form {}: {e}", self.id));
            }
        }
        self
    }

    /// Takes the values as the person typed them: the first value of each
    /// name, and every value of a repeated name (checkboxes) as a list
    /// under the name. The order of the names is the form's, which orders
    /// the error summary. Calls apply in order: [`Form::values`] after
    /// this one replaces what was sent (a fresh token, a frozen field).
    #[must_use]
    pub fn sent(mut self, req: &Request) -> Form {
        self.take_pairs(req.form_pairs());
        self
    }

    fn take_pairs(&mut self, pairs: &[(String, String)]) {
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in pairs {
            if name == "csrf_token" {
                continue;
            }
            let count = pairs.iter().filter(|(n, _)| n == name).count();
            if seen.contains(&name.as_str()) {
                continue;
            }
            seen.push(name);
            self.order.push(name.clone());
            let shown = if count > 1 {
                Value::Array(
                    pairs
                        .iter()
                        .filter(|(n, _)| n == name)
                        .map(|(_, v)| Value::String(v.clone()))
                        .collect(),
                )
            } else {
                Value::String(value.clone())
            };
            self.values.insert(name.clone(), shown);
        }
    }

    /// Takes the field errors of an [`Error::Invalid`] (other errors have
    /// none, and are better returned as they are).
    #[must_use]
    pub fn errors(mut self, error: &Error) -> Form {
        self.errors.extend(error.field_errors().iter().cloned());
        self
    }

    /// Names a field in the error summary: `label` is the catalogue key of
    /// its label (or plain text).
    #[must_use]
    pub fn label(mut self, field: &str, label: &str) -> Form {
        self.labels
            .push((field.to_owned(), Label::Key(label.to_owned())));
        self
    }

    /// Names a field with text never looked up in the catalogue: what a
    /// person typed (a question's title), which could happen to be a key.
    #[must_use]
    pub fn label_text(mut self, field: &str, text: impl Into<String>) -> Form {
        self.labels
            .push((field.to_owned(), Label::Text(text.into())));
        self
    }

    /// Whether the form has errors to show.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The errors in the form's order: by the position of their field
    /// among the names sent; a field that was not sent (an unticked box)
    /// stays after the error reported before it.
    fn ordered(&self) -> Vec<&FieldError> {
        let mut keyed: Vec<(usize, usize, &FieldError)> = Vec::new();
        let mut previous = 0;
        for (n, e) in self.errors.iter().enumerate() {
            let position = self
                .order
                .iter()
                .position(|name| *name == e.field || name.strip_suffix("[]") == Some(&e.field))
                .unwrap_or(previous);
            previous = position;
            keyed.push((position, n, e));
        }
        keyed.sort_by_key(|(position, n, _)| (*position, *n));
        keyed.into_iter().map(|(_, _, e)| e).collect()
    }

    /// What the template gets, with `translate` (the host's catalogue).
    fn shown(&self, translate: &Translate) -> Shown {
        let mut errors = Map::new();
        let mut summary = Vec::new();
        for e in self.ordered() {
            let message = translate(&e.message, &e.args);
            let text = match self.labels.iter().find(|(f, _)| *f == e.field) {
                Some((_, label)) => translate(
                    "estive-form-error-line",
                    &[
                        (
                            "label".to_owned(),
                            match label {
                                Label::Key(key) => translate(key, &[]),
                                Label::Text(text) => text.clone(),
                            },
                        ),
                        ("message".to_owned(), message.clone()),
                    ],
                ),
                None => message.clone(),
            };
            errors.insert(e.field.clone(), Value::String(message));
            summary.push(SummaryLine {
                field: e.field.clone(),
                id: format!("{}-{}", self.id, e.field),
                text,
            });
        }
        Shown {
            id: self.id.clone(),
            values: self.values.clone(),
            count: summary.len(),
            errors,
            summary,
        }
    }
}

impl View {
    /// Adds a form to the page as `form`, for the macros of
    /// `estive/forms.html`. When it has errors, the view's status becomes
    /// 422, and the host starts the document's `<title>` with their count
    /// ("Erreur : 2 champs à corriger – Nouveau club"), never the `<h1>`.
    #[must_use]
    pub fn form(self, form: Form) -> View {
        self.form_with(form, &|key, args| {
            if args.is_empty() {
                i18n::t(key)
            } else {
                let args: Vec<(&str, &str)> =
                    args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                i18n::t_args(key, &args)
            }
        })
    }

    /// Adds a second form of the page under another name (`form` is the
    /// first one's, whose errors the title counts): each has its own
    /// values, errors and summary. Sets status 422 when it has errors.
    #[must_use]
    pub fn form_as(self, name: &str, form: Form) -> View {
        let shown = view(String::new()).status(self.status).form(form);
        let status = shown.status;
        match shown.context.get("form") {
            Some(value) => self.status(status).set(name, value),
            None => self.set(name, FaultyValue(format!("form {name} could not be shown"))),
        }
    }

    fn form_with(self, form: Form, translate: &Translate) -> View {
        if let Some(fault) = &form.fault {
            return self.set("form", FaultyValue(fault.clone()));
        }
        let shown = form.shown(translate);
        let status = if shown.count == 0 { self.status } else { 422 };
        self.status(status).set("form", shown)
    }
}

/// A value whose serialisation fails with the form's fault, so that the
/// view reports it as an internal error when it is sent.
struct FaultyValue(String);

impl Serialize for FaultyValue {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    /// A catalogue with two messages; anything else is shown as its key.
    fn translate(key: &str, args: &[(String, String)]) -> String {
        let arg = |n: &str| {
            args.iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        match key {
            "estive-form-error-line" => format!("{} : {}", arg("label"), arg("message")),
            "field-too-long" => format!("{} caractères au plus.", arg("max")),
            "club-name" => "Nom".into(),
            other => other.into(),
        }
    }

    fn sent(list: &[(&str, &str)]) -> Form {
        let mut form = Form::new("club");
        form.take_pairs(&pairs(list));
        form
    }

    #[test]
    fn summary_follows_the_form_order_and_names_the_fields() {
        // Validated in another order than the form's.
        let error = Error::Invalid(vec![
            FieldError::new("email", "field-invalid-email"),
            FieldError::new("terms", "field-required"),
            FieldError::new("name", "field-too-long").arg("max", 80),
        ]);
        let form = sent(&[
            ("csrf_token", "x"),
            ("name", "A very long name"),
            ("email", "nope"),
        ])
        .errors(&error)
        .label("name", "club-name")
        .label_text("email", "club-name");
        let page = view("club_form.html")
            .title("Nouveau club")
            .form_with(form, &translate);
        assert_eq!(page.status, 422);
        // The host puts the count in the document's title, not here (the
        // view's title is also the page's `<h1>`).
        assert_eq!(page.title, "Nouveau club");
        let shown = &page.context["form"];
        let texts: Vec<&str> = shown["summary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["text"].as_str().unwrap())
            .collect();
        // `terms` was not sent (an unticked box): it stays after `email`,
        // reported before it. A label given as text is never looked up,
        // even when it is a key.
        assert_eq!(
            texts,
            [
                "Nom : 80 caractères au plus.",
                "club-name : field-invalid-email",
                "field-required"
            ]
        );
        assert_eq!(shown["summary"][0]["id"], "club-name");
        assert_eq!(shown["errors"]["name"], "80 caractères au plus.");
        assert_eq!(shown["values"]["name"], "A very long name");
        assert!(shown["values"].get("csrf_token").is_none());
        assert_eq!(shown["count"], 3);
    }

    #[test]
    fn repeated_names_become_lists_and_sent_values_replace_defaults() {
        let form = Form::new("club")
            .values(serde_json::json!({ "name": "Old", "themes": ["a"], "seats": 3 }));
        let mut form = form;
        form.take_pairs(&pairs(&[("themes", "b"), ("themes", "c"), ("name", "New")]));
        let page = view("f.html").form_with(form, &translate);
        assert_eq!(page.status, 200);
        let values = &page.context["form"]["values"];
        assert_eq!(values["themes"], serde_json::json!(["b", "c"]));
        assert_eq!(values["name"], "New");
        assert_eq!(values["seats"], 3);
        assert_eq!(page.context["form"]["count"], 0);
    }

    #[test]
    fn values_that_are_not_a_map_fail_the_view() {
        let page = view("f.html").form_with(Form::new("x").values(3), &translate);
        assert!(page.into_wit().is_err());
    }
}
