//! Forms read from a page's HTML, filled from what they offer and submitted
//! as a browser would: the test sees the form a person sees.
//!
//! A test that builds a request by hand beside the form tests the handler,
//! not the page: a select rendered with no option, a hidden value the
//! template forgot or a field renamed in one place only all pass such a
//! test and fail the person. Here the fields, their options and hidden
//! values come from the rendered HTML, and submitting sends exactly the
//! controls a browser would send ("successful controls").
//!
//! The reader is small and strict rather than a whole HTML parser: it
//! knows the elements a form is made of (`form`, `input`, `select`,
//! `option`, `textarea`, `button`, `label`) and the escapes minijinja and
//! the Markdown renderer write; comments, scripts and styles are skipped.

use std::collections::HashMap;

use anyhow::{Context as _, Result, bail, ensure};

use crate::{Client, Page};

/// What kind of control a field is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `<input>` of a type with a free value (text, number, date, email,
    /// password, search, tel, url, time, datetime-local, month, week,
    /// color, range).
    Text,
    /// `<input type="hidden">`: sent as the page wrote it.
    Hidden,
    /// `<input type="checkbox">`.
    Checkbox,
    /// `<input type="radio">`.
    Radio,
    /// `<input type="file">`.
    File,
    /// `<textarea>`.
    TextArea,
    /// `<select>` (single or `multiple`).
    Select {
        /// Whether several options can be chosen.
        multiple: bool,
    },
}

/// One option of a select.
#[derive(Debug, Clone)]
pub struct Choice {
    /// The value sent.
    pub value: String,
    /// The text a person reads.
    pub label: String,
    /// Whether it is chosen now.
    pub selected: bool,
    /// A disabled option cannot be chosen.
    pub disabled: bool,
}

/// One control of a form.
#[derive(Debug, Clone)]
pub struct Field {
    /// The control's `name`.
    pub name: String,
    /// What kind of control it is.
    pub kind: Kind,
    /// The current value (the box's or radio's value for those).
    pub value: String,
    /// Ticked, for a checkbox or radio.
    pub checked: bool,
    /// The options of a select.
    pub choices: Vec<Choice>,
    /// `required` was set.
    pub required: bool,
    /// `disabled` was set: never sent.
    pub disabled: bool,
    /// The visible label tied to the control (`<label for>` or a wrapping
    /// `<label>`), for boxes and radios chosen by their label.
    pub label: String,
    /// A file to send, for a file field (name, content type, bytes).
    pub file: Option<(String, String, Vec<u8>)>,
}

/// A submit button of a form.
#[derive(Debug, Clone)]
pub struct Button {
    /// The button's `name` (empty when it sends nothing of its own).
    pub name: String,
    /// The button's `value`.
    pub value: String,
    /// The text on the button.
    pub label: String,
    /// `formaction`, when the button sends somewhere else.
    pub action: Option<String>,
}

/// A form as the page rendered it.
#[derive(Debug, Clone)]
pub struct Form {
    /// The path the form sends to, resolved against the page's path.
    pub action: String,
    /// `get` or `post`.
    pub method: String,
    /// Sent as `multipart/form-data`.
    pub multipart: bool,
    /// The form's `id`, `class` and `aria-label`, to tell forms apart in
    /// messages.
    pub describe: String,
    /// The form has `novalidate`: the browser sends it even with required
    /// fields empty, and the server says what is missing.
    pub novalidate: bool,
    fields: Vec<Field>,
    buttons: Vec<Button>,
}

impl Page {
    /// Every form of the page, in document order.
    ///
    /// # Panics
    /// The page's forms cannot be read (an unclosed form or select): a
    /// page a browser would show differently from what the test reads.
    pub fn forms(&self) -> Vec<Form> {
        read_forms(&self.text, &self.path).unwrap_or_else(|e| panic!("{e:#}"))
    }

    /// The one form that sends to `action` (a path; the query is ignored).
    ///
    /// # Errors
    /// No form or several forms send there.
    pub fn form(&self, action: &str) -> Result<Form> {
        let want = action.split(['?', '#']).next().unwrap_or(action);
        let found: Vec<Form> = self
            .forms()
            .into_iter()
            .filter(|f| f.action.split(['?', '#']).next() == Some(want))
            .collect();
        self.one(found, &format!("sending to {action}"))
    }

    /// The one form holding a control named `field`.
    ///
    /// # Errors
    /// No form or several forms hold it.
    pub fn form_with(&self, field: &str) -> Result<Form> {
        let found: Vec<Form> = self
            .forms()
            .into_iter()
            .filter(|f| f.fields.iter().any(|x| x.name == field))
            .collect();
        self.one(found, &format!("with a field `{field}`"))
    }

    fn one(&self, mut found: Vec<Form>, what: &str) -> Result<Form> {
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => bail!(
                "{} (status {}) has no form {what}; its forms: {}",
                self.path,
                self.status,
                self.forms()
                    .iter()
                    .map(|f| format!("{} {} [{}]", f.method, f.action, f.names().join(", ")))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            n => bail!("{} has {n} forms {what}", self.path),
        }
    }
}

impl Form {
    /// The names of the form's controls, in document order (a radio group
    /// or a set of boxes once).
    pub fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in &self.fields {
            if !out.contains(&f.name) {
                out.push(f.name.clone());
            }
        }
        out
    }

    /// The controls, as read.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// The submit buttons, as read.
    pub fn buttons(&self) -> &[Button] {
        &self.buttons
    }

    /// The value a browser would send for `name` now (the first, when
    /// several would be sent).
    pub fn value(&self, name: &str) -> Option<String> {
        self.pairs(None)
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    /// Every value a browser would send for `name` now.
    pub fn values(&self, name: &str) -> Vec<String> {
        self.pairs(None)
            .into_iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v)
            .collect()
    }

    /// What a person can choose for `name`, as (value, label): the options
    /// of a select, or the values of a radio group or a set of boxes.
    pub fn options(&self, name: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for f in self.fields.iter().filter(|f| f.name == name && !f.disabled) {
            match f.kind {
                Kind::Select { .. } => out.extend(
                    f.choices
                        .iter()
                        .filter(|c| !c.disabled)
                        .map(|c| (c.value.clone(), c.label.clone())),
                ),
                Kind::Radio | Kind::Checkbox => out.push((f.value.clone(), f.label.clone())),
                _ => {}
            }
        }
        out
    }

    fn named(&mut self, name: &str) -> Result<Vec<&mut Field>> {
        let describe = self.describe.clone();
        let action = self.action.clone();
        let known = self.names();
        let found: Vec<&mut Field> = self.fields.iter_mut().filter(|f| f.name == name).collect();
        ensure!(
            !found.is_empty(),
            "the form {describe} to {action} has no field `{name}` (it has: {})",
            known.join(", ")
        );
        Ok(found)
    }

    /// Type or set a value: a text-like field, a textarea, a hidden value,
    /// a select (the value must be one it offers) or a radio group (one of
    /// its values).
    ///
    /// # Errors
    /// No such field, a disabled one, or a value the select or group does
    /// not offer.
    pub fn set(&mut self, name: &str, value: &str) -> Result<&mut Form> {
        let fields = self.named(name)?;
        let first = &fields[0];
        match first.kind.clone() {
            Kind::Radio => {
                ensure!(
                    fields.iter().any(|f| f.value == value && !f.disabled),
                    "the radio group `{name}` offers no value `{value}` (it offers: {})",
                    fields
                        .iter()
                        .map(|f| f.value.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                for f in fields {
                    f.checked = f.value == value;
                }
            }
            Kind::Checkbox => bail!("`{name}` is a checkbox: use check or uncheck"),
            Kind::File => bail!("`{name}` is a file field: use attach"),
            Kind::Select { .. } => {
                let f = fields.into_iter().next().expect("one field at least");
                ensure!(!f.disabled, "the select `{name}` is disabled");
                ensure!(
                    f.choices.iter().any(|c| c.value == value && !c.disabled),
                    "the select `{name}` offers no value `{value}` (it offers: {})",
                    f.choices
                        .iter()
                        .map(|c| format!("{} ({})", c.value, c.label))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                for c in &mut f.choices {
                    c.selected = c.value == value;
                }
            }
            _ => {
                let f = fields.into_iter().next().expect("one field at least");
                ensure!(!f.disabled, "the field `{name}` is disabled");
                f.value = value.to_string();
            }
        }
        Ok(self)
    }

    /// Choose by what a person reads: the option of a select, or the radio
    /// or box, whose label contains `label`.
    ///
    /// # Errors
    /// No such field, or nothing labelled so.
    pub fn choose(&mut self, name: &str, label: &str) -> Result<&mut Form> {
        let value = self
            .options(name)
            .into_iter()
            .find(|(_, l)| l.contains(label))
            .map(|(v, _)| v)
            .with_context(|| {
                format!(
                    "`{name}` offers nothing labelled `{label}` (it offers: {})",
                    self.options(name)
                        .iter()
                        .map(|(_, l)| l.as_str())
                        .collect::<Vec<_>>()
                        .join(" | ")
                )
            })?;
        if self
            .fields
            .iter()
            .any(|f| f.name == name && f.kind == Kind::Checkbox)
        {
            self.check(name, &value)
        } else {
            self.set(name, &value)
        }
    }

    /// Choose the first real option of a select or radio group (one with
    /// a value, not the "Choose…" prompt).
    ///
    /// # Errors
    /// It offers no real option.
    pub fn choose_any(&mut self, name: &str) -> Result<&mut Form> {
        let value = self
            .options(name)
            .into_iter()
            .map(|(v, _)| v)
            .find(|v| !v.is_empty())
            .with_context(|| format!("`{name}` offers no option to choose"))?;
        self.set(name, &value)
    }

    fn tick(&mut self, name: &str, value: &str, on: bool) -> Result<&mut Form> {
        let mut fields = self.named(name)?;
        let f = fields
            .iter_mut()
            .find(|f| f.kind == Kind::Checkbox && f.value == value)
            .with_context(|| format!("no checkbox `{name}` with the value `{value}`"))?;
        ensure!(!f.disabled, "the checkbox `{name}` = `{value}` is disabled");
        f.checked = on;
        Ok(self)
    }

    /// Tick the box `name` whose value is `value`.
    ///
    /// # Errors
    /// No such box, or a disabled one.
    pub fn check(&mut self, name: &str, value: &str) -> Result<&mut Form> {
        self.tick(name, value, true)
    }

    /// Untick the box `name` whose value is `value`.
    ///
    /// # Errors
    /// No such box, or a disabled one.
    pub fn uncheck(&mut self, name: &str, value: &str) -> Result<&mut Form> {
        self.tick(name, value, false)
    }

    /// Attach a file to a file field.
    ///
    /// # Errors
    /// No such file field.
    pub fn attach(
        &mut self,
        name: &str,
        file_name: &str,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Result<&mut Form> {
        let mut fields = self.named(name)?;
        let f = fields
            .iter_mut()
            .find(|f| f.kind == Kind::File)
            .with_context(|| format!("`{name}` is not a file field"))?;
        f.file = Some((file_name.into(), content_type.into(), bytes));
        Ok(self)
    }

    /// What a person would be stopped by before sending: a required field
    /// left empty, a required box or radio group left unticked, and any
    /// select that offers nothing real to choose (only a "Choose…" prompt
    /// or nothing at all) — the form cannot be filled as rendered.
    ///
    /// # Errors
    /// Names the first such field.
    pub fn check_complete(&self) -> Result<()> {
        let whose = || format!("the form {} to {}", self.describe, self.action);
        for f in self.fields.iter().filter(|f| !f.disabled) {
            match &f.kind {
                Kind::Select { .. } => {
                    let real = f
                        .choices
                        .iter()
                        .filter(|c| !c.value.is_empty() && !c.disabled)
                        .count();
                    ensure!(
                        real > 0,
                        "{}: the select `{}` offers no option to choose (only: {})",
                        whose(),
                        f.name,
                        f.choices
                            .iter()
                            .map(|c| c.label.as_str())
                            .collect::<Vec<_>>()
                            .join(" | ")
                    );
                    if f.required {
                        ensure!(
                            f.choices.iter().any(|c| c.selected && !c.value.is_empty()),
                            "{}: the required select `{}` has nothing chosen",
                            whose(),
                            f.name
                        );
                    }
                }
                // With `novalidate` the browser does not stop at an empty
                // required field.
                _ if self.novalidate => {}
                Kind::Radio | Kind::Checkbox if f.required => {
                    let group_ticked = self
                        .fields
                        .iter()
                        .any(|g| g.name == f.name && g.checked && !g.disabled);
                    ensure!(group_ticked, "{}: `{}` must be ticked", whose(), f.name);
                }
                Kind::File if f.required => {
                    ensure!(
                        f.file.is_some(),
                        "{}: the file `{}` is required",
                        whose(),
                        f.name
                    );
                }
                Kind::Text | Kind::TextArea if f.required => {
                    ensure!(
                        !f.value.trim().is_empty(),
                        "{}: the required field `{}` is empty",
                        whose(),
                        f.name
                    );
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The (name, value) pairs a browser sends, with `button` as the one
    /// clicked (its own name and value, when it has a name).
    fn pairs(&self, button: Option<&Button>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for f in self
            .fields
            .iter()
            .filter(|f| !f.disabled && !f.name.is_empty())
        {
            match &f.kind {
                Kind::Checkbox | Kind::Radio => {
                    if f.checked {
                        out.push((f.name.clone(), f.value.clone()));
                    }
                }
                Kind::Select { multiple } => {
                    let chosen: Vec<&Choice> = f
                        .choices
                        .iter()
                        .filter(|c| c.selected && !c.disabled)
                        .collect();
                    if chosen.is_empty() {
                        // A single select sends its first option when
                        // nothing is marked selected; a multiple one sends
                        // nothing.
                        if !multiple && let Some(c) = f.choices.iter().find(|c| !c.disabled) {
                            out.push((f.name.clone(), c.value.clone()));
                        }
                    } else if *multiple {
                        out.extend(chosen.iter().map(|c| (f.name.clone(), c.value.clone())));
                    } else {
                        let last = chosen.last().expect("one chosen");
                        out.push((f.name.clone(), last.value.clone()));
                    }
                }
                Kind::File => {
                    out.push((
                        f.name.clone(),
                        f.file
                            .as_ref()
                            .map(|(n, _, _)| n.clone())
                            .unwrap_or_default(),
                    ));
                }
                _ => out.push((f.name.clone(), f.value.clone())),
            }
        }
        if let Some(b) = button
            && !b.name.is_empty()
        {
            out.push((b.name.clone(), b.value.clone()));
        }
        out
    }

    /// Send the form as a person pressing its first submit button would,
    /// following redirects.
    ///
    /// # Errors
    /// The form cannot be completed as rendered ([`Form::check_complete`]),
    /// or the connection fails.
    pub async fn submit(&self, client: &Client) -> Result<Page> {
        let page = self.submit_no_follow(client).await?;
        client.follow_redirects(page).await
    }

    /// Send the form as a press on the submit button `name` = `value`,
    /// following redirects.
    ///
    /// # Errors
    /// No such button, an incomplete form, or the connection fails.
    pub async fn submit_with(&self, client: &Client, name: &str, value: &str) -> Result<Page> {
        let button = self
            .buttons
            .iter()
            .find(|b| b.name == name && b.value == value)
            .with_context(|| {
                format!(
                    "the form to {} has no button {name}={value} (it has: {})",
                    self.action,
                    self.buttons
                        .iter()
                        .map(|b| format!("{}={} «{}»", b.name, b.value, b.label))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?
            .clone();
        let page = self.send(client, Some(&button)).await?;
        client.follow_redirects(page).await
    }

    /// Send the form as [`Form::submit`] does, without following the
    /// redirect it answers with.
    ///
    /// # Errors
    /// An incomplete form, or the connection fails.
    pub async fn submit_no_follow(&self, client: &Client) -> Result<Page> {
        let first = self.buttons.first().cloned();
        self.send(client, first.as_ref()).await
    }

    async fn send(&self, client: &Client, button: Option<&Button>) -> Result<Page> {
        self.check_complete()?;
        let action = button
            .and_then(|b| b.action.clone())
            .unwrap_or_else(|| self.action.clone());
        let pairs = self.pairs(button);
        if self.method == "get" {
            let query = serde_urlencoded::to_string(&pairs)?;
            let base = action.split('?').next().unwrap_or(&action);
            return client
                .send(reqwest::Method::GET, &format!("{base}?{query}"), None)
                .await;
        }
        if self.multipart {
            let files: Vec<(String, String, String, Vec<u8>)> = self
                .fields
                .iter()
                .filter(|f| f.kind == Kind::File && !f.disabled)
                .filter_map(|f| {
                    f.file
                        .as_ref()
                        .map(|(n, ct, b)| (f.name.clone(), n.clone(), ct.clone(), b.clone()))
                })
                .collect();
            let text: Vec<(String, String)> = pairs
                .into_iter()
                .filter(|(k, _)| !files.iter().any(|(n, ..)| n == k))
                .collect();
            return client.send_multipart(&action, &text, &files).await;
        }
        client
            .send(reqwest::Method::POST, &action, Some(&pairs))
            .await
    }
}

// ── Reading ─────────────────────────────────────────────────────────────

/// One tag: its lower-case name, attributes, and whether it closes.
struct Tag {
    name: String,
    closing: bool,
    attrs: HashMap<String, String>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
    fn has(&self, name: &str) -> bool {
        self.attrs.contains_key(name)
    }
}

/// Text or a tag, in document order.
enum Token {
    Text(String),
    Tag(Tag),
}

/// Decode the character references our templates and the Markdown
/// renderer write.
pub(crate) fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // `;` is ASCII: search the bytes, so that a multi-byte letter
        // right after an escape is not cut.
        let Some(end) = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';')
        else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn parse_attrs(s: &str) -> HashMap<String, String> {
    let mut attrs = HashMap::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        if start == i {
            break;
        }
        let name = s[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = s[vs..].find(q as char).map_or(s.len(), |e| vs + e);
                value = unescape(&s[vs..ve]);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = unescape(&s[vs..i]);
            }
        }
        attrs.entry(name).or_insert(value);
    }
    attrs
}

/// Split HTML into text and tags, skipping comments, doctype, and the
/// content of scripts and styles. A textarea's content is one text.
fn tokenize(html: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(unescape(rest)));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(unescape(&rest[..lt])));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        let name_end = rest[name_start..]
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .map_or(rest.len(), |e| name_start + e);
        let name = rest[name_start..name_end].to_ascii_lowercase();
        if name.is_empty() || !name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            out.push(Token::Text("<".into()));
            rest = &rest[1..];
            continue;
        }
        // The tag ends at the first `>` outside a quoted value.
        let bytes = rest.as_bytes();
        let mut i = name_end;
        let mut quote = 0u8;
        while i < bytes.len() {
            let c = bytes[i];
            if quote != 0 {
                if c == quote {
                    quote = 0;
                }
            } else if c == b'"' || c == b'\'' {
                quote = c;
            } else if c == b'>' {
                break;
            }
            i += 1;
        }
        let attrs = if closing {
            HashMap::new()
        } else {
            parse_attrs(&rest[name_end..i.min(rest.len())])
        };
        rest = if i < rest.len() { &rest[i + 1..] } else { "" };
        let raw_text = !closing && matches!(name.as_str(), "script" | "style" | "textarea");
        out.push(Token::Tag(Tag {
            name: name.clone(),
            closing,
            attrs,
        }));
        if raw_text {
            let end_tag = format!("</{name}");
            let end = find_ascii_ci(rest, &end_tag).unwrap_or(rest.len());
            if name == "textarea" {
                // A newline right after the start tag is not content.
                let body = rest[..end].strip_prefix('\n').unwrap_or(&rest[..end]);
                out.push(Token::Text(unescape(body)));
            }
            rest = &rest[end..];
        }
    }
    out
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Resolve a form's action against the page's path, as a browser does for
/// same-site forms (an empty action sends to the page itself).
fn resolve(action: &str, page_path: &str) -> String {
    if action.is_empty() {
        return page_path.to_string();
    }
    if action.starts_with('/') || action.contains("://") {
        return action.to_string();
    }
    if let Some(q) = action.strip_prefix('?') {
        let base = page_path.split('?').next().unwrap_or(page_path);
        return format!("{base}?{q}");
    }
    let base = page_path.split(['?', '#']).next().unwrap_or(page_path);
    let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    format!("{dir}{action}")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn input_kind(ty: &str) -> Option<Kind> {
    Some(match ty {
        "hidden" => Kind::Hidden,
        "checkbox" => Kind::Checkbox,
        "radio" => Kind::Radio,
        "file" => Kind::File,
        "submit" | "image" | "button" | "reset" => return None,
        _ => Kind::Text,
    })
}

/// Read every form of a page.
fn read_forms(html: &str, page_path: &str) -> Result<Vec<Form>> {
    let tokens = tokenize(html);
    let mut forms: Vec<Form> = Vec::new();
    let mut current: Option<Form> = None;
    // Labels: by `for` id, and wrapping labels collecting their text.
    let mut label_for: HashMap<String, String> = HashMap::new();
    let mut field_ids: Vec<(usize, usize, String)> = Vec::new(); // (form, field, id)
    let mut open_label: Option<(Option<String>, String, Vec<usize>)> = None; // (for, text, fields inside)
    let mut open_select: Option<usize> = None;
    let mut open_option: Option<usize> = None;
    let mut open_textarea: Option<usize> = None;
    let mut open_button: Option<usize> = None;

    for token in tokens {
        match token {
            Token::Text(t) => {
                if let Some((_, text, _)) = open_label.as_mut() {
                    text.push_str(&t);
                }
                let Some(form) = current.as_mut() else {
                    continue;
                };
                if let Some(i) = open_textarea {
                    form.fields[i].value.push_str(&t);
                } else if let (Some(s), Some(o)) = (open_select, open_option) {
                    form.fields[s].choices[o].label.push_str(&t);
                } else if let Some(b) = open_button {
                    form.buttons[b].label.push_str(&t);
                }
            }
            Token::Tag(tag) if tag.closing => match tag.name.as_str() {
                "form" => {
                    let form = current
                        .take()
                        .with_context(|| format!("{page_path}: </form> without a form"))?;
                    ensure!(
                        open_select.is_none(),
                        "{page_path}: the form to {} closes inside a select",
                        form.action
                    );
                    forms.push(form);
                }
                "select" => {
                    open_select = None;
                    open_option = None;
                }
                "option" => open_option = None,
                "textarea" => open_textarea = None,
                "button" => open_button = None,
                "label" => {
                    if let Some((target, text, inside)) = open_label.take() {
                        let text = squash(&text);
                        if let Some(id) = target {
                            label_for.entry(id).or_insert(text.clone());
                        }
                        if let Some(form) = current.as_mut() {
                            for i in inside {
                                if form.fields[i].label.is_empty() {
                                    form.fields[i].label = text.clone();
                                }
                            }
                        }
                    }
                }
                _ => {}
            },
            Token::Tag(tag) => match tag.name.as_str() {
                "form" => {
                    ensure!(current.is_none(), "{page_path}: a form inside a form");
                    let describe = [tag.attr("id"), tag.attr("class"), tag.attr("aria-label")]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ");
                    current = Some(Form {
                        action: resolve(tag.attr("action").unwrap_or(""), page_path),
                        method: tag.attr("method").unwrap_or("get").to_ascii_lowercase(),
                        multipart: tag.attr("enctype") == Some("multipart/form-data"),
                        novalidate: tag.has("novalidate"),
                        describe: if describe.is_empty() {
                            format!("#{}", forms.len() + 1)
                        } else {
                            format!("«{describe}»")
                        },
                        fields: Vec::new(),
                        buttons: Vec::new(),
                    });
                }
                "label" => {
                    open_label = Some((
                        tag.attr("for").map(str::to_string),
                        String::new(),
                        Vec::new(),
                    ));
                }
                "input" | "select" | "textarea" | "button" => {
                    let Some(form) = current.as_mut() else {
                        continue;
                    };
                    let name = tag.attr("name").unwrap_or("").to_string();
                    let disabled = tag.has("disabled");
                    let required = tag.has("required");
                    let kind = match tag.name.as_str() {
                        "input" => {
                            input_kind(&tag.attr("type").unwrap_or("text").to_ascii_lowercase())
                        }
                        "select" => Some(Kind::Select {
                            multiple: tag.has("multiple"),
                        }),
                        "textarea" => Some(Kind::TextArea),
                        _ => None,
                    };
                    let Some(kind) = kind else {
                        // A button: submit unless typed otherwise.
                        let ty = tag.attr("type").unwrap_or("submit").to_ascii_lowercase();
                        if ty == "submit" || ty == "image" {
                            form.buttons.push(Button {
                                name,
                                value: tag.attr("value").unwrap_or("").to_string(),
                                label: tag
                                    .attr("value")
                                    .filter(|_| tag.name == "input")
                                    .unwrap_or("")
                                    .to_string(),
                                action: tag.attr("formaction").map(|a| resolve(a, page_path)),
                            });
                            if tag.name == "button" {
                                open_button = Some(form.buttons.len() - 1);
                            }
                        }
                        continue;
                    };
                    let value = match kind {
                        Kind::Checkbox | Kind::Radio => {
                            tag.attr("value").unwrap_or("on").to_string()
                        }
                        Kind::TextArea | Kind::Select { .. } | Kind::File => String::new(),
                        _ => tag.attr("value").unwrap_or("").to_string(),
                    };
                    form.fields.push(Field {
                        name,
                        kind: kind.clone(),
                        value,
                        checked: tag.has("checked"),
                        choices: Vec::new(),
                        required,
                        disabled,
                        label: tag.attr("aria-label").unwrap_or("").to_string(),
                        file: None,
                    });
                    let index = form.fields.len() - 1;
                    if let Some(id) = tag.attr("id") {
                        field_ids.push((forms.len(), index, id.to_string()));
                    }
                    if let Some((_, _, inside)) = open_label.as_mut() {
                        inside.push(index);
                    }
                    match kind {
                        Kind::Select { .. } => open_select = Some(index),
                        Kind::TextArea => open_textarea = Some(index),
                        _ => {}
                    }
                }
                "option" => {
                    let (Some(form), Some(s)) = (current.as_mut(), open_select) else {
                        continue;
                    };
                    let choices = &mut form.fields[s].choices;
                    choices.push(Choice {
                        value: tag.attr("value").map(str::to_string).unwrap_or_default(),
                        label: String::new(),
                        selected: tag.has("selected"),
                        disabled: tag.has("disabled"),
                    });
                    open_option = Some(choices.len() - 1);
                    // An option without a value sends its text: filled in
                    // when the option ends (see below).
                    if !tag.has("value") {
                        choices.last_mut().expect("just pushed").value = "\u{0}".into();
                    }
                }
                _ => {}
            },
        }
    }
    ensure!(current.is_none(), "{page_path}: a form is never closed");
    for form in &mut forms {
        for f in &mut form.fields {
            for c in &mut f.choices {
                c.label = squash(&c.label);
                if c.value == "\u{0}" {
                    c.value = c.label.clone();
                }
            }
            if f.kind == Kind::TextArea {
                // Keep the text as typed.
            }
        }
        for b in &mut form.buttons {
            b.label = squash(&b.label);
        }
    }
    for (form, field, id) in field_ids {
        if let Some(text) = label_for.get(&id)
            && let Some(f) = forms.get_mut(form).and_then(|f| f.fields.get_mut(field))
            && f.label.is_empty()
        {
            f.label = text.clone();
        }
    }
    Ok(forms)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><body>
    <!-- <form action="/commented"> -->
    <script>const f = "<form action='/script'>";</script>
    <form method="post" action="/extranet/agenda21/actions/3" class="stack">
      <input type="hidden" name="csrf_token" value="tok&amp;en">
      <label for="title">Titre</label>
      <input id="title" name="title" value="L&#x27;école &amp; la cantine" required>
      <label for="axis">Axe</label>
      <select id="axis" name="axis_id" required>
        <option value="">Choisir…</option>
        <option value="1">Climat</option>
        <option value="2" selected>Biodiversité</option>
      </select>
      <select name="status"><option value="">Choisir…</option></select>
      <fieldset><legend>Fréquence</legend>
        <label><input type="radio" name="frequency" value="month" checked> Mensuelle</label>
        <label><input type="radio" name="frequency" value="year"> Annuelle</label>
      </fieldset>
      <label><input type="checkbox" name="themes" value="eau"> Eau</label>
      <label><input type="checkbox" name="themes" value="air" checked> Air</label>
      <input name="off" value="x" disabled>
      <textarea name="body">
Ligne &lt;1&gt;</textarea>
      <button type="submit" name="intent" value="save">Enregistrer</button>
      <button name="intent" value="publish">Publier</button>
      <button type="button">Aperçu</button>
    </form>
    <form action="recherche"><input type="search" name="q"></form>
    </body></html>"#;

    fn forms() -> Vec<Form> {
        read_forms(PAGE, "/extranet/agenda21/actions/3/edit").unwrap()
    }

    #[test]
    fn forms_are_read_with_their_controls_and_nothing_from_comments_or_scripts() {
        let f = forms();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].action, "/extranet/agenda21/actions/3");
        assert_eq!(f[0].method, "post");
        assert_eq!(f[1].action, "/extranet/agenda21/actions/3/recherche");
        assert_eq!(f[1].method, "get");
        assert_eq!(
            f[0].names(),
            [
                "csrf_token",
                "title",
                "axis_id",
                "status",
                "frequency",
                "themes",
                "off",
                "body"
            ]
        );
        assert_eq!(f[0].buttons().len(), 2);
    }

    #[test]
    fn values_are_what_a_browser_would_send() {
        let f = &forms()[0];
        assert_eq!(f.value("csrf_token").as_deref(), Some("tok&en"));
        assert_eq!(f.value("title").as_deref(), Some("L'école & la cantine"));
        assert_eq!(f.value("axis_id").as_deref(), Some("2"));
        assert_eq!(f.value("frequency").as_deref(), Some("month"));
        assert_eq!(f.values("themes"), ["air"]);
        assert_eq!(f.value("off"), None, "a disabled field is not sent");
        assert_eq!(f.value("body").as_deref(), Some("Ligne <1>"));
        assert_eq!(f.value("intent"), None, "no button pressed yet");
        assert_eq!(
            f.pairs(f.buttons().first()).last().cloned(),
            Some(("intent".into(), "save".into()))
        );
    }

    #[test]
    fn a_select_with_only_a_prompt_makes_the_form_incomplete() {
        let f = &forms()[0];
        let err = f.check_complete().unwrap_err().to_string();
        assert!(err.contains("`status` offers no option"), "{err}");
    }

    #[test]
    fn choices_are_limited_to_what_the_page_offers() {
        let mut f = forms().remove(0);
        assert!(f.set("axis_id", "9").is_err());
        f.choose("axis_id", "Climat").unwrap();
        assert_eq!(f.value("axis_id").as_deref(), Some("1"));
        f.choose("frequency", "Annuelle").unwrap();
        assert_eq!(f.value("frequency").as_deref(), Some("year"));
        f.choose("themes", "Eau").unwrap();
        f.uncheck("themes", "air").unwrap();
        assert_eq!(f.values("themes"), ["eau"]);
        assert!(f.set("nope", "1").is_err());
        assert!(f.set("off", "1").is_err());
        f.set("title", "").unwrap();
        assert!(f.check_complete().is_err());
    }

    #[test]
    fn escapes_next_to_accented_letters_are_read() {
        let f = read_forms(
            "<form action='/a'><input name=t value=\"n&#x27;est défini – l&#x27;axe &#x2f;é\"></form>",
            "/",
        )
        .unwrap();
        assert_eq!(f[0].value("t").as_deref(), Some("n'est défini – l'axe /é"));
    }

    #[test]
    fn an_unclosed_form_is_an_error() {
        assert!(read_forms("<form action='/a'><input name=x>", "/").is_err());
    }

    #[test]
    fn relative_actions_resolve_like_a_browser() {
        assert_eq!(resolve("", "/a/b?x=1"), "/a/b?x=1");
        assert_eq!(resolve("c", "/a/b"), "/a/c");
        assert_eq!(resolve("?page=2", "/a/b?x=1"), "/a/b?page=2");
        assert_eq!(resolve("/z", "/a/b"), "/z");
    }
}
