//! The DILA feed's XML, turned into what the pages need.
//!
//! Each file of the feed is one `Publication` (its `ID` prefix gives the
//! kind: `F` sheet, `N` theme or folder, `R` resource) or the tree of an
//! audience (`arborescence.xml`). [`parse_publication`] reads a
//! publication's metadata and turns its body into a JSON tree where every
//! node names its element (`{"e": "Chapitre", …}`): the portal renders
//! each element with its own template, `templates/el/<element>.html`, so
//! a site can restyle one element by overriding one file.
//!
//! Each element the feed defines has one function here that reads it (its
//! "handler"); an element nobody handles becomes an `Unknown` node that
//! keeps its text (never dropped) and is counted by name, for the import
//! report.
//!
//! Everything here is pure: it runs natively in unit tests and in the
//! component alike.

use std::collections::{BTreeMap, BTreeSet};

use roxmltree::{Document, Node, ParsingOptions};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

/// The Dublin Core namespace of the feed's metadata (`dc:title`…).
const DC: &str = "http://purl.org/dc/elements/1.1/";

/// Deepest nesting of elements the pages render; deeper is refused as
/// malformed (a template per element recurses once per level).
pub const MAX_DEPTH: usize = 40;

/// Most XML nodes in one file: a bound on memory and time.
const MAX_NODES: u32 = 400_000;

/// Longest plain text kept for the full-text search of one publication.
pub const MAX_SEARCH_TEXT: usize = 200_000;

/// The audiences of the feed, as they appear in URLs.
pub const AUDIENCES: [&str; 3] = ["particuliers", "professionnels", "associations"];

/// What a file of the feed is, from its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// A publication (`F1234.xml`, `N19.xml`, `R42.xml`), with its ID.
    Publication(String),
    /// The tree of themes, folders and sheets of one audience.
    Tree,
    /// A file of the feed that is not a publication (`redirections.xml`,
    /// `journal.xml`, …): skipped.
    Other,
    /// Not XML (a folder entry, a picture…): skipped.
    NotXml,
}

/// What a file is, from its path in a zip or a folder.
pub fn file_kind(path: &str) -> FileKind {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let Some(stem) = name
        .strip_suffix(".xml")
        .or_else(|| name.strip_suffix(".XML"))
    else {
        return FileKind::NotXml;
    };
    if stem.eq_ignore_ascii_case("arborescence") {
        FileKind::Tree
    } else if is_publication_id(stem) {
        FileKind::Publication(stem.to_owned())
    } else {
        FileKind::Other
    }
}

/// Whether `id` has the shape of a publication's ID: `F`, `N` or `R`
/// followed by digits.
pub fn is_publication_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('F' | 'N' | 'R'))
        && id.len() > 1
        && id.len() <= 16
        && chars.all(|c| c.is_ascii_digit())
}

/// The audience slug of a value of `Audience` (or of a zip's name:
/// `part`, `pro`, `asso`).
pub fn audience_slug(value: &str) -> Option<&'static str> {
    let v = value.trim().to_lowercase();
    if v.starts_with("part") {
        Some("particuliers")
    } else if v.starts_with("pro") || v.starts_with("entreprise") {
        Some("professionnels")
    } else if v.starts_with("asso") {
        Some("associations")
    } else {
        None
    }
}

/// The audience a source is for, guessed from its name
/// (`vosdroits-part.zip`, `asso/`…).
pub fn audience_of_name(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    let words = lower.split(|c: char| !c.is_ascii_alphanumeric());
    for w in words {
        match w {
            "part" | "particuliers" => return Some("particuliers"),
            "pro" | "professionnels" | "entreprises" => return Some("professionnels"),
            "asso" | "associations" => return Some("associations"),
            _ => {}
        }
    }
    None
}

/// Why a file could not be read. `code` is a catalogue key of the import
/// report; `line` and `column` locate malformed XML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Catalogue key, e.g. `import-error-malformed`.
    pub code: String,
    /// Technical detail (the parser's message…), shown after the sentence.
    #[serde(default)]
    pub detail: String,
    /// Line of the fault, from 1, when it has one.
    #[serde(default)]
    pub line: u32,
    /// Column of the fault, from 1, when it has one.
    #[serde(default)]
    pub column: u32,
}

impl Problem {
    /// A problem without position.
    pub fn new(code: &str, detail: impl Into<String>) -> Problem {
        Problem {
            code: code.to_owned(),
            detail: detail.into(),
            line: 0,
            column: 0,
        }
    }
}

/// The bytes of a file as text: UTF-8, or ISO-8859-1/15 when the XML
/// declaration says so (older copies of the feed were in Latin-9).
///
/// # Errors
///
/// `import-error-encoding` when the bytes are neither.
pub fn decode(bytes: &[u8]) -> Result<String, Problem> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.trim_start_matches('\u{feff}').to_owned()),
        Err(e) => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_lowercase();
            let latin = ["iso-8859-1", "iso-8859-15", "latin1", "windows-1252"];
            if head.starts_with("<?xml") && latin.iter().any(|l| head.contains(l)) {
                Ok(bytes.iter().map(|&b| latin9(b)).collect())
            } else {
                Err(Problem::new(
                    "import-error-encoding",
                    format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                ))
            }
        }
    }
}

/// One ISO-8859-15 byte as a character (it differs from ISO-8859-1 in
/// eight places, € and the French Œ among them).
fn latin9(b: u8) -> char {
    match b {
        0xA4 => '€',
        0xA6 => 'Š',
        0xA8 => 'š',
        0xB4 => 'Ž',
        0xB8 => 'ž',
        0xBC => 'Œ',
        0xBD => 'œ',
        0xBE => 'Ÿ',
        _ => char::from(b),
    }
}

fn parse_xml(text: &str) -> Result<Document<'_>, Problem> {
    nesting_ok(text)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
    };
    Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        Problem {
            code: "import-error-malformed".to_owned(),
            detail: e.to_string(),
            line: pos.row,
            column: pos.col,
        }
    })
}

/// Refuse text nested deeper than [`MAX_DEPTH`] before the XML parser
/// sees it: the parser descends one call per level, and a file of a
/// hundred thousand nested elements would overflow the stack. A cheap scan
/// of the tags is enough (it errs only on text the parser refuses anyway).
fn nesting_ok(text: &str) -> Result<(), Problem> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let skip_to = |from: usize, end: &[u8]| {
        b[from..]
            .windows(end.len())
            .position(|w| w == end)
            .map_or(b.len(), |p| from + p + end.len())
    };
    while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + p;
        let rest = &b[at..];
        i = if rest.starts_with(b"<!--") {
            skip_to(at, b"-->")
        } else if rest.starts_with(b"<![CDATA[") {
            skip_to(at, b"]]>")
        } else if rest.starts_with(b"<?") {
            skip_to(at, b"?>")
        } else if rest.starts_with(b"<!") {
            skip_to(at, b">")
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            skip_to(at, b">")
        } else {
            // A start tag: find its end outside quoted values.
            let mut j = at + 1;
            let mut quote = 0u8;
            while j < b.len() {
                let c = b[j];
                if quote != 0 {
                    if c == quote {
                        quote = 0;
                    }
                } else if c == b'"' || c == b'\'' {
                    quote = c;
                } else if c == b'>' {
                    break;
                }
                j += 1;
            }
            if j < b.len() && b[j - 1] != b'/' {
                depth += 1;
                if depth > MAX_DEPTH + 1 {
                    let line = text[..at].matches('\n').count() as u32 + 1;
                    let column = (at - text[..at].rfind('\n').map_or(0, |n| n + 1)) as u32 + 1;
                    return Err(Problem {
                        code: "import-error-too-deep".to_owned(),
                        detail: format!("more than {MAX_DEPTH} nested elements"),
                        line,
                        column,
                    });
                }
            }
            j + 1
        };
        if i >= b.len() {
            break;
        }
    }
    Ok(())
}

fn depth_ok(doc: &Document) -> Result<(), Problem> {
    for node in doc.descendants().filter(Node::is_element) {
        if node.ancestors().count() > MAX_DEPTH + 1 {
            let pos = doc.text_pos_at(node.range().start);
            return Err(Problem {
                code: "import-error-too-deep".to_owned(),
                detail: format!("more than {MAX_DEPTH} nested elements"),
                line: pos.row,
                column: pos.col,
            });
        }
    }
    Ok(())
}

/// A link to another publication, as metadata holds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The publication's ID (or a level's name, e.g. `Particuliers`).
    pub id: String,
    /// Its title.
    pub title: String,
}

/// A publication, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Publication {
    /// `F1234`, `N19`, `R42`.
    pub id: String,
    /// `F`, `N` or `R`.
    pub kind: String,
    /// The root's `type` (`Fiche d'information`, `Thème`, `Dossier`,
    /// `Formulaire`…).
    pub pub_type: String,
    /// `dc:title`.
    pub title: String,
    /// `dc:description`.
    pub description: String,
    /// The date of `dc:date` (`modified 2025-04-28` gives `2025-04-28`):
    /// the "Vérifié le" of the source line.
    pub verified_on: Option<String>,
    /// Audience slugs, from the `Audience` elements.
    pub audiences: Vec<String>,
    /// The page on service-public.fr (`spUrl`).
    pub sp_url: String,
    /// `FilDAriane`: the levels above the publication.
    pub breadcrumb: Vec<Link>,
    /// `Theme` elements.
    pub themes: Vec<Link>,
    /// The body, as the JSON tree the templates render.
    pub body: Value,
    /// Plain text of the title, description and body, for the search.
    pub text: String,
    /// Publications this one's navigation needs (a folder's sheets, the
    /// parent folder): a missing one makes the import invalid.
    pub hard_refs: BTreeSet<String>,
    /// Publications linked from the text: a missing one is a warning (the
    /// link then goes to service-public.fr).
    pub soft_refs: BTreeSet<String>,
    /// Elements no handler knows, by name, with how many times.
    pub unknown: BTreeMap<String, u64>,
    /// The `PivotLocal` kinds of office the sheet asks for (`mairie`…).
    pub pivots: BTreeSet<String>,
}

/// Reads one publication.
///
/// # Errors
///
/// A [`Problem`]: malformed XML (with line and column), a root that is not
/// a `Publication`, a missing or malformed `ID`, nesting too deep.
pub fn parse_publication(text: &str) -> Result<Publication, Problem> {
    let doc = parse_xml(text)?;
    depth_ok(&doc)?;
    let root = doc.root_element();
    if root.tag_name().name() != "Publication" {
        return Err(Problem::new(
            "import-error-not-publication",
            format!("root element <{}>", root.tag_name().name()),
        ));
    }
    let id = root.attribute("ID").unwrap_or_default().trim().to_owned();
    if !is_publication_id(&id) {
        return Err(Problem::new("import-error-bad-id", format!("ID=\"{id}\"")));
    }
    let mut r = Reader::default();
    let mut publication = Publication {
        kind: id[..1].to_owned(),
        id,
        pub_type: root.attribute("type").unwrap_or_default().trim().to_owned(),
        title: String::new(),
        description: String::new(),
        verified_on: None,
        audiences: Vec::new(),
        sp_url: safe_url(root.attribute("spUrl")).unwrap_or_default(),
        breadcrumb: Vec::new(),
        themes: Vec::new(),
        body: Value::Null,
        text: String::new(),
        hard_refs: BTreeSet::new(),
        soft_refs: BTreeSet::new(),
        unknown: BTreeMap::new(),
        pivots: BTreeSet::new(),
    };
    let mut body = Body::default();
    for child in root.children().filter(Node::is_element) {
        if child.tag_name().namespace() == Some(DC) {
            metadata(&mut publication, child);
            continue;
        }
        match child.tag_name().name() {
            "Audience" => {
                if let Some(slug) = audience_slug(&plain(child))
                    && !publication.audiences.iter().any(|a| a == slug)
                {
                    publication.audiences.push(slug.to_owned());
                }
            }
            "FilDAriane" => publication.breadcrumb = fil_d_ariane(&mut r, child),
            "Theme" | "SousThemePere" => {
                if let Some(link) = link_with_title(child) {
                    r.soft(&link.id);
                    publication.themes.push(link);
                }
            }
            "DossierPere" => body.folder = Some(dossier_pere(&mut r, child)),
            // Metadata the pages do not show.
            "Canal" | "SurTitre" | "Partenaire" | "Definition" => {}
            "Avertissement" => body.warnings.push(avertissement(&mut r, child, 2)),
            "Introduction" => body.intro.extend(blocks(&mut r, child, 2)),
            "Texte" => body.text.extend(blocks(&mut r, child, 2)),
            // A node's children: sections of folders or sheets.
            "SousTheme" | "SousDossier" => body.sections.push(section(&mut r, child)),
            "Dossier" | "Fiche" => {
                if let Some(item) = child_item(&mut r, child) {
                    body.items.push(item);
                }
            }
            "ServiceEnLigne" => body.services.push(service_en_ligne(&mut r, child)),
            "OuSAdresser" => body.addresses.push(ou_s_adresser(&mut r, child)),
            "PourEnSavoirPlus" => body.more.push(pour_en_savoir_plus(&mut r, child)),
            "Reference" => body.references.push(reference(&mut r, child)),
            "QuestionReponse" => body.questions.push(question_reponse(&mut r, child)),
            "VoirAussi" => body.see_also.extend(voir_aussi(&mut r, child)),
            "Montant" => body.amounts.push(montant(&mut r, child)),
            "Actualite" => body.news.push(actualite(child)),
            "InformationComplementaire" => {
                body.extras.push(information_complementaire(&mut r, child))
            }
            _ => body.others.push(r.unknown(child, false)),
        }
    }
    publication.body = body.into_json();
    publication.text = search_text(&publication);
    publication.hard_refs = r.hard;
    publication.soft_refs = r.soft;
    publication.unknown = r.unknown;
    publication.pivots = r.pivots;
    Ok(publication)
}

fn metadata(p: &mut Publication, node: Node) {
    match node.tag_name().name() {
        "title" => p.title = plain(node),
        "description" => p.description = plain(node),
        "date" => p.verified_on = date_of(&plain(node)),
        _ => {}
    }
}

/// The `YYYY-MM-DD` in a `dc:date` such as `modified 2025-04-28`.
fn date_of(text: &str) -> Option<String> {
    text.split_whitespace()
        .map(|w| w.get(..10).unwrap_or(w))
        .find(|w| {
            let b = w.as_bytes();
            b.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && b.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        })
        .map(str::to_owned)
}

/// What the body is made of, before it becomes JSON.
#[derive(Default)]
struct Body {
    warnings: Vec<Value>,
    intro: Vec<Value>,
    text: Vec<Value>,
    folder: Option<Value>,
    sections: Vec<Value>,
    items: Vec<Value>,
    services: Vec<Value>,
    addresses: Vec<Value>,
    more: Vec<Value>,
    references: Vec<Value>,
    questions: Vec<Value>,
    see_also: Vec<Value>,
    amounts: Vec<Value>,
    news: Vec<Value>,
    extras: Vec<Value>,
    others: Vec<Value>,
}

impl Body {
    fn into_json(self) -> Value {
        let mut map = Map::new();
        let mut put = |key: &str, list: Vec<Value>| {
            if !list.is_empty() {
                map.insert(key.to_owned(), Value::Array(list));
            }
        };
        put("warnings", self.warnings);
        put("intro", self.intro);
        put("text", self.text);
        put("sections", self.sections);
        put("items", self.items);
        put("services", self.services);
        put("addresses", self.addresses);
        put("more", self.more);
        put("references", self.references);
        put("questions", self.questions);
        put("see_also", self.see_also);
        put("amounts", self.amounts);
        put("news", self.news);
        put("extras", self.extras);
        put("others", self.others);
        if let Some(folder) = self.folder {
            map.insert("folder".to_owned(), folder);
        }
        Value::Object(map)
    }
}

/// What reading a body gathers besides the JSON.
#[derive(Default)]
struct Reader {
    hard: BTreeSet<String>,
    soft: BTreeSet<String>,
    unknown: BTreeMap<String, u64>,
    pivots: BTreeSet<String>,
    /// Ids given to tab groups and tables, unique on the page.
    next_id: u32,
}

impl Reader {
    fn hard(&mut self, id: &str) {
        if is_publication_id(id) {
            self.hard.insert(id.to_owned());
        }
    }

    fn soft(&mut self, id: &str) {
        if is_publication_id(id) {
            self.soft.insert(id.to_owned());
        }
    }

    fn id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("comarquage-{prefix}{}", self.next_id)
    }

    /// An element no handler knows: its text is kept and its name counted.
    fn unknown(&mut self, node: Node, inline: bool) -> Value {
        *self
            .unknown
            .entry(node.tag_name().name().to_owned())
            .or_default() += 1;
        json!({
            "e": "Unknown",
            "name": node.tag_name().name(),
            "inline": inline,
            "t": plain(node),
        })
    }
}

/// All the text under a node, whitespace collapsed and trimmed.
pub fn plain(node: Node) -> String {
    let mut out = String::new();
    for t in node.descendants().filter(Node::is_text) {
        out.push_str(t.text().unwrap_or_default());
        out.push(' ');
    }
    collapse(&out).trim().to_owned()
}

/// Runs of whitespace as one space.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// A URL that may become a link: http(s) or mailto only, so that a feed
/// cannot slip a `javascript:` link into the site.
pub fn safe_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    let ok = (lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:"))
        && !url.chars().any(|c| c.is_control() || c == ' ');
    ok.then(|| url.to_owned())
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn child_text(node: Node, name: &str) -> String {
    child(node, name).map(plain).unwrap_or_default()
}

fn attr(node: Node, name: &str) -> String {
    node.attribute(name).unwrap_or_default().trim().to_owned()
}

/// An element with an `ID` and a title, either in a `Titre` child or as
/// its own text (`<Niveau ID="N19">Argent</Niveau>`).
fn link_with_title(node: Node) -> Option<Link> {
    let id = attr(node, "ID");
    if id.is_empty() {
        return None;
    }
    let title = match child(node, "Titre") {
        Some(t) => plain(t),
        None => own_text(node),
    };
    Some(Link { id, title })
}

/// The text of a node without the text of its element children.
fn own_text(node: Node) -> String {
    let text: String = node
        .children()
        .filter(Node::is_text)
        .map(|t| t.text().unwrap_or_default())
        .collect();
    collapse(&text).trim().to_owned()
}

fn fil_d_ariane(r: &mut Reader, node: Node) -> Vec<Link> {
    node.children()
        .filter(|c| c.is_element() && c.tag_name().name() == "Niveau")
        .filter_map(|n| {
            let link = link_with_title(n)?;
            r.soft(&link.id);
            Some(link)
        })
        .collect()
}

fn dossier_pere(r: &mut Reader, node: Node) -> Value {
    let id = attr(node, "ID");
    r.hard(&id);
    let siblings: Vec<Value> = node
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "Fiche")
        .filter_map(|f| {
            let link = link_with_title(f)?;
            r.hard(&link.id);
            Some(json!({ "ref": link.id, "title": link.title }))
        })
        .collect();
    json!({ "ref": id, "title": child_text(node, "Titre"), "siblings": siblings })
}

/// `SousTheme` (folders) or `SousDossier` (sheets) of a node.
fn section(r: &mut Reader, node: Node) -> Value {
    let items: Vec<Value> = node
        .children()
        .filter(|c| c.is_element() && matches!(c.tag_name().name(), "Dossier" | "Fiche"))
        .filter_map(|c| child_item(r, c))
        .collect();
    json!({ "title": child_text(node, "Titre"), "items": items })
}

/// A `Dossier` or `Fiche` child of a node: a link the navigation needs.
fn child_item(r: &mut Reader, node: Node) -> Option<Value> {
    let link = link_with_title(node)?;
    r.hard(&link.id);
    Some(json!({ "ref": link.id, "title": link.title }))
}

/// The block children of a container, at heading level `h`.
fn blocks(r: &mut Reader, node: Node, h: u8) -> Vec<Value> {
    let mut out = Vec::new();
    let mut loose: Vec<Value> = Vec::new();
    for c in node.children() {
        if c.is_text() {
            // Text straight in a block container reads as a paragraph.
            let t = collapse(c.text().unwrap_or_default());
            if !t.trim().is_empty() {
                loose.push(Value::String(t));
            }
            continue;
        }
        if !c.is_element() {
            continue;
        }
        if is_inline(c.tag_name().name()) {
            loose.push(inline(r, c));
            continue;
        }
        if !loose.is_empty() {
            out.push(json!({ "e": "Paragraphe", "c": trim_inlines(std::mem::take(&mut loose)) }));
        }
        if let Some(b) = block(r, c, h) {
            out.push(b);
        }
    }
    if !loose.is_empty() {
        out.push(json!({ "e": "Paragraphe", "c": trim_inlines(loose) }));
    }
    out
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "MiseEnEvidence" | "Valeur" | "Expression" | "LienInterne" | "LienExterne" | "LienIntra"
    )
}

/// One block element: the handler of each block the feed defines.
fn block(r: &mut Reader, node: Node, h: u8) -> Option<Value> {
    let name = node.tag_name().name();
    Some(match name {
        "Paragraphe" => paragraphe(r, node),
        "Texte" | "Introduction" => json!({ "e": "Texte", "c": blocks(r, node, h) }),
        "Chapitre" | "SousChapitre" => chapitre(r, node, name, h),
        "Titre" => json!({ "e": "Paragraphe", "c": title_inlines(r, node) }),
        "ListeSituations" => liste_situations(r, node, h),
        "BlocCas" => bloc_cas(r, node, h),
        "Liste" => liste(r, node, h),
        "Tableau" => tableau(r, node, h),
        "ANoter" | "ASavoir" | "Attention" => encadre(r, node, name, h),
        "Avertissement" => avertissement(r, node, h),
        "Image" => image(node),
        "InformationComplementaire" => information_complementaire(r, node),
        // Sources and comments of the editors are not shown.
        "Source" | "Commentaire" => return None,
        _ => r.unknown(node, false),
    })
}

fn paragraphe(r: &mut Reader, node: Node) -> Value {
    json!({ "e": "Paragraphe", "c": inlines(r, node) })
}

/// The inline children of a node, whitespace tidied at both ends.
fn inlines(r: &mut Reader, node: Node) -> Vec<Value> {
    let mut out = Vec::new();
    for c in node.children() {
        if c.is_text() {
            let t = collapse(c.text().unwrap_or_default());
            if !t.is_empty() {
                out.push(Value::String(t));
            }
        } else if c.is_element() {
            out.push(inline(r, c));
        }
    }
    trim_inlines(out)
}

fn trim_inlines(mut list: Vec<Value>) -> Vec<Value> {
    if let Some(Value::String(s)) = list.first_mut() {
        *s = s.trim_start().to_owned();
    }
    if let Some(Value::String(s)) = list.last_mut() {
        *s = s.trim_end().to_owned();
    }
    list.retain(|v| !matches!(v, Value::String(s) if s.is_empty()));
    list
}

/// One inline element: the handler of each inline the feed defines.
fn inline(r: &mut Reader, node: Node) -> Value {
    let name = node.tag_name().name();
    match name {
        "MiseEnEvidence" | "Valeur" | "Expression" => json!({ "e": name, "c": inlines(r, node) }),
        "LienInterne" => {
            let id = attr(node, "LienPublication");
            r.soft(&id);
            let aud = audience_slug(&attr(node, "audience"));
            json!({ "e": "LienInterne", "ref": id, "aud": aud, "c": inlines(r, node) })
        }
        "LienExterne" => {
            json!({ "e": "LienExterne", "url": safe_url(node.attribute("URL")), "c": inlines(r, node) })
        }
        "LienIntra" => {
            let id = attr(node, "LienID");
            r.soft(&id);
            json!({ "e": "LienIntra", "ref": id, "type": attr(node, "type"), "c": inlines(r, node) })
        }
        // A paragraph inside a title: its words.
        "Paragraphe" => json!({ "e": "Span", "c": inlines(r, node) }),
        _ => r.unknown(node, true),
    }
}

/// The title of a block: `<Titre>` holds inline text or paragraphs.
fn title_inlines(r: &mut Reader, node: Node) -> Vec<Value> {
    let mut out = Vec::new();
    for c in node.children() {
        if c.is_text() {
            let t = collapse(c.text().unwrap_or_default());
            if !t.is_empty() {
                out.push(Value::String(t));
            }
        } else if c.is_element() && c.tag_name().name() == "Paragraphe" {
            if !out.is_empty() {
                out.push(Value::String(" ".into()));
            }
            out.extend(inlines(r, c));
        } else if c.is_element() {
            out.push(inline(r, c));
        }
    }
    trim_inlines(out)
}

fn title_of(r: &mut Reader, node: Node) -> Value {
    match child(node, "Titre") {
        Some(t) => Value::Array(title_inlines(r, t)),
        None => Value::Null,
    }
}

/// The children of a titled block, without its `Titre`.
fn body_blocks(r: &mut Reader, node: Node, h: u8) -> Vec<Value> {
    let mut out = Vec::new();
    for c in node.children().filter(Node::is_element) {
        match c.tag_name().name() {
            "Titre" => {}
            "Texte" => out.extend(blocks(r, c, h)),
            _ if is_inline(c.tag_name().name()) => {
                out.push(json!({ "e": "Paragraphe", "c": [inline(r, c)] }));
            }
            _ => out.extend(block(r, c, h)),
        }
    }
    out
}

fn chapitre(r: &mut Reader, node: Node, name: &str, h: u8) -> Value {
    let title = title_of(r, node);
    let inner = if title.is_null() { h } else { (h + 1).min(6) };
    json!({ "e": name, "h": h.min(6), "title": title, "c": body_blocks(r, node, inner) })
}

fn encadre(r: &mut Reader, node: Node, name: &str, h: u8) -> Value {
    json!({ "e": name, "title": title_of(r, node), "c": body_blocks(r, node, h) })
}

fn avertissement(r: &mut Reader, node: Node, h: u8) -> Value {
    json!({
        "e": "Avertissement",
        "title": title_of(r, node),
        "date": date_of(&attr(node, "date")),
        "c": body_blocks(r, node, h),
    })
}

/// `ListeSituations` and `BlocCas` both become tabs (radio buttons and
/// panels, no script needed): one per `Situation` or `Cas`.
fn tabs(r: &mut Reader, node: Node, element: &str, item: &str, h: u8) -> Value {
    let group = r.id(if element == "BlocCas" {
        "cas"
    } else {
        "situations"
    });
    let items: Vec<Value> = node
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == item)
        .enumerate()
        .map(|(i, c)| {
            let label = child(c, "Titre").map(plain).unwrap_or_default();
            json!({
                "id": format!("{group}-{}", i + 1),
                "label": label,
                "c": body_blocks(r, c, h),
            })
        })
        .collect();
    // Anything else inside (a title of the list…) is kept above the tabs.
    let mut intro = Vec::new();
    for c in node
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() != item)
    {
        if c.tag_name().name() == "Titre" {
            intro.push(json!({ "e": "Paragraphe", "c": title_inlines(r, c) }));
        } else {
            intro.extend(block(r, c, h));
        }
    }
    json!({
        "e": element,
        "id": group,
        "display": attr(node, "affichage"),
        "intro": intro,
        "items": items,
    })
}

fn liste_situations(r: &mut Reader, node: Node, h: u8) -> Value {
    tabs(r, node, "ListeSituations", "Situation", h)
}

fn bloc_cas(r: &mut Reader, node: Node, h: u8) -> Value {
    tabs(r, node, "BlocCas", "Cas", h)
}

fn liste(r: &mut Reader, node: Node, h: u8) -> Value {
    let ordered = matches!(
        attr(node, "type").as_str(),
        "numero" | "numéro" | "numerotee"
    );
    let items: Vec<Value> = node
        .children()
        .filter(Node::is_element)
        .map(|c| {
            if c.tag_name().name() == "Item" {
                Value::Array(blocks(r, c, h))
            } else {
                Value::Array(block(r, c, h).into_iter().collect())
            }
        })
        .collect();
    json!({ "e": "Liste", "ordered": ordered, "items": items })
}

fn tableau(r: &mut Reader, node: Node, h: u8) -> Value {
    let id = r.id("tableau");
    let caption = child(node, "Titre").map(plain).unwrap_or_default();
    // A column of type `header` heads its rows.
    let header_column = node
        .children()
        .find(|c| c.is_element() && c.tag_name().name() == "Colonne")
        .is_some_and(|c| c.attribute("type") == Some("header"));
    let mut head = Vec::new();
    let mut rows = Vec::new();
    for row in node
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "Rangée")
    {
        let is_head = row.attribute("type") == Some("header");
        let cells: Vec<Value> = row
            .children()
            .filter(|c| c.is_element() && c.tag_name().name() == "Cellule")
            .enumerate()
            .map(|(i, cell)| {
                let th = is_head || (header_column && i == 0);
                json!({
                    "th": th,
                    "scope": if is_head { "col" } else { "row" },
                    "colspan": span(cell.attribute("fusionHorizontale")),
                    "rowspan": span(cell.attribute("fusionVerticale")),
                    "c": blocks(r, cell, h),
                })
            })
            .collect();
        if is_head {
            head.push(Value::Array(cells));
        } else {
            rows.push(Value::Array(cells));
        }
    }
    json!({ "e": "Tableau", "id": id, "caption": caption, "head": head, "rows": rows })
}

fn span(value: Option<&str>) -> u32 {
    value
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|n| (2..=100).contains(n))
        .unwrap_or(1)
}

fn image(node: Node) -> Value {
    let legend = ["LegendeImage", "Titre", "Legende"]
        .iter()
        .map(|n| child_text(node, n))
        .find(|t| !t.is_empty())
        .or_else(|| node.attribute("texteAlternatif").map(str::to_owned))
        .unwrap_or_default();
    json!({ "e": "Image", "legend": legend })
}

fn information_complementaire(r: &mut Reader, node: Node) -> Value {
    json!({ "e": "InformationComplementaire", "title": title_of(r, node), "c": body_blocks(r, node, 3) })
}

// Closing blocks ---------------------------------------------------------

fn service_en_ligne(r: &mut Reader, node: Node) -> Value {
    let id = attr(node, "ID");
    r.soft(&id);
    let notices: Vec<Value> = node
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "NoticeLiee")
        .map(|n| json!({ "url": safe_url(n.attribute("URL")), "title": plain(n) }))
        .collect();
    json!({
        "e": "ServiceEnLigne",
        "ref": id,
        "url": safe_url(node.attribute("URL")),
        "type": attr(node, "type"),
        "cerfa": attr(node, "numerocerfa"),
        "number": attr(node, "autrenumero"),
        "title": child_text(node, "Titre"),
        "source": child_text(node, "Source"),
        "notices": notices,
    })
}

fn ou_s_adresser(r: &mut Reader, node: Node) -> Value {
    let pivot = child_text(node, "PivotLocal");
    if !pivot.is_empty() {
        r.pivots.insert(pivot.clone());
    }
    let url = child(node, "RessourceWeb").and_then(|w| safe_url(w.attribute("URL")));
    let texte: Vec<Value> = match child(node, "Texte") {
        Some(t) => blocks(r, t, 4),
        None => Vec::new(),
    };
    json!({
        "e": "OuSAdresser",
        "type": attr(node, "type"),
        "title": child_text(node, "Titre"),
        "pivot": pivot,
        "url": url,
        "complement": child_text(node, "Complement"),
        "c": texte,
    })
}

fn pour_en_savoir_plus(r: &mut Reader, node: Node) -> Value {
    let id = attr(node, "ID");
    r.soft(&id);
    json!({
        "e": "PourEnSavoirPlus",
        "ref": id,
        "url": safe_url(node.attribute("URL")),
        "type": attr(node, "type"),
        "title": child_text(node, "Titre"),
        "source": child_text(node, "Source"),
    })
}

fn reference(r: &mut Reader, node: Node) -> Value {
    let id = attr(node, "ID");
    r.soft(&id);
    json!({
        "e": "Reference",
        "ref": id,
        "url": safe_url(node.attribute("URL")),
        "type": attr(node, "type"),
        "title": child_text(node, "Titre"),
        "complement": child_text(node, "Complement"),
    })
}

fn question_reponse(r: &mut Reader, node: Node) -> Value {
    let id = attr(node, "ID");
    r.soft(&id);
    json!({
        "e": "QuestionReponse",
        "ref": id,
        "aud": audience_slug(&attr(node, "audience")),
        "title": plain(node),
    })
}

fn voir_aussi(r: &mut Reader, node: Node) -> Vec<Value> {
    node.children()
        .filter(|c| c.is_element() && matches!(c.tag_name().name(), "Dossier" | "Fiche"))
        .filter_map(|c| {
            let link = link_with_title(c)?;
            r.soft(&link.id);
            Some(json!({
                "e": "VoirAussi",
                "ref": link.id,
                "title": link.title,
                "theme": child_text(c, "Theme"),
            }))
        })
        .collect()
}

fn montant(r: &mut Reader, node: Node) -> Value {
    let id = attr(node, "ID");
    r.soft(&id);
    json!({
        "e": "Montant",
        "ref": id,
        "url": safe_url(node.attribute("URL")),
        "title": child_text(node, "Titre"),
        "source": child_text(node, "Source"),
    })
}

fn actualite(node: Node) -> Value {
    json!({
        "e": "Actualite",
        "url": safe_url(node.attribute("URL")),
        "type": attr(node, "type"),
        "date": date_of(&attr(node, "date")),
        "title": child_text(node, "Titre"),
    })
}

/// The plain text the search looks into: description, then every text of
/// the body, cut at [`MAX_SEARCH_TEXT`] bytes.
fn search_text(p: &Publication) -> String {
    let mut out = String::new();
    out.push_str(&p.description);
    collect_text(&p.body, &mut out);
    let collapsed = collapse(&out).trim().to_owned();
    truncate(&collapsed, MAX_SEARCH_TEXT).to_owned()
}

fn collect_text(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => {
            out.push(' ');
            out.push_str(s);
        }
        Value::Array(list) => list.iter().for_each(|x| collect_text(x, out)),
        Value::Object(map) => {
            for (k, x) in map {
                // Technical fields hold no words of the page.
                if !matches!(
                    k.as_str(),
                    "e" | "ref" | "url" | "id" | "aud" | "name" | "display" | "scope" | "type"
                ) {
                    collect_text(x, out);
                }
            }
        }
        _ => {}
    }
}

/// The longest prefix of `text` of at most `max` bytes, cut on a
/// character boundary.
pub fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

// The tree of an audience -----------------------------------------------

/// `arborescence.xml`: the themes of an audience, their folders and sheets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tree {
    /// The audience it says it is for, if it says.
    pub audience: Option<String>,
    /// The top items (themes).
    pub items: Vec<TreeItem>,
}

/// One item of the tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeItem {
    /// The publication's ID.
    #[serde(rename = "ref")]
    pub id: String,
    /// `Theme`, `Dossier`, `Fiche`…
    #[serde(rename = "type")]
    pub item_type: String,
    /// Its title.
    pub title: String,
    /// Items below it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<TreeItem>,
}

impl Tree {
    /// Every publication ID the tree names.
    pub fn refs(&self) -> BTreeSet<String> {
        fn walk(items: &[TreeItem], out: &mut BTreeSet<String>) {
            for i in items {
                if is_publication_id(&i.id) {
                    out.insert(i.id.clone());
                }
                walk(&i.children, out);
            }
        }
        let mut out = BTreeSet::new();
        walk(&self.items, &mut out);
        out
    }
}

/// Reads `arborescence.xml`.
///
/// # Errors
///
/// Malformed XML, or a root that is not `Arborescence`.
pub fn parse_tree(text: &str) -> Result<Tree, Problem> {
    let doc = parse_xml(text)?;
    depth_ok(&doc)?;
    let root = doc.root_element();
    if root.tag_name().name() != "Arborescence" {
        return Err(Problem::new(
            "import-error-not-tree",
            format!("root element <{}>", root.tag_name().name()),
        ));
    }
    fn items(node: Node) -> Vec<TreeItem> {
        node.children()
            .filter(|c| c.is_element() && c.tag_name().name() == "Item")
            .filter_map(|c| {
                let id = attr(c, "ID");
                (!id.is_empty()).then(|| TreeItem {
                    item_type: attr(c, "type"),
                    title: child_text(c, "Titre"),
                    children: items(c),
                    id,
                })
            })
            .collect()
    }
    Ok(Tree {
        audience: root
            .attribute("audience")
            .and_then(audience_slug)
            .map(str::to_owned),
        items: items(root),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Publication xmlns:dc="http://purl.org/dc/elements/1.1/" ID="F1" type="Fiche d'information" spUrl="https://www.service-public.fr/particuliers/vosdroits/F1">
  <dc:title>Déclarer une estive</dc:title>
  <dc:description>Comment déclarer.</dc:description>
  <dc:date>modified 2026-10-15</dc:date>
  <Audience>Particuliers</Audience>
  <FilDAriane><Niveau ID="Particuliers">Accueil particuliers</Niveau><Niveau ID="N2" type="Dossier">Estives</Niveau></FilDAriane>
  <DossierPere ID="N2"><Titre>Estives</Titre><Fiche ID="F1">Déclarer</Fiche><Fiche ID="F3">Autre</Fiche></DossierPere>
  <Texte>
    <Chapitre><Titre><Paragraphe>Qui est concerné ?</Paragraphe></Titre>
      <Paragraphe>Le <MiseEnEvidence>berger</MiseEnEvidence> paie <Valeur>12 €</Valeur>, voir <LienInterne LienPublication="F9" audience="Particuliers">la fiche</LienInterne>.</Paragraphe>
      <ListeSituations affichage="onglet">
        <Situation><Titre>Vous êtes berger</Titre><Texte><Paragraphe>A</Paragraphe></Texte></Situation>
        <Situation><Titre>Vous êtes éleveur</Titre><Texte><Paragraphe>B</Paragraphe></Texte></Situation>
      </ListeSituations>
      <Bulle>une bulle</Bulle>
    </Chapitre>
  </Texte>
  <OuSAdresser type="Local personnalisé sur SP"><Titre>Mairie</Titre><PivotLocal>mairie</PivotLocal></OuSAdresser>
  <LienExterne URL="javascript:alert(1)">piège</LienExterne>
</Publication>"#;

    #[test]
    fn file_names_give_the_kind_of_file() {
        assert_eq!(
            file_kind("part/F1234.xml"),
            FileKind::Publication("F1234".into())
        );
        assert_eq!(file_kind("N19.xml"), FileKind::Publication("N19".into()));
        assert_eq!(file_kind("arborescence.xml"), FileKind::Tree);
        assert_eq!(file_kind("redirections.xml"), FileKind::Other);
        assert_eq!(file_kind("Fabc.xml"), FileKind::Other);
        assert_eq!(file_kind("images/logo.png"), FileKind::NotXml);
        assert_eq!(file_kind("part/"), FileKind::NotXml);
    }

    #[test]
    fn audiences_are_read_from_values_and_names() {
        assert_eq!(audience_slug("Particuliers"), Some("particuliers"));
        assert_eq!(audience_slug("Professionnels"), Some("professionnels"));
        assert_eq!(audience_slug("Associations"), Some("associations"));
        assert_eq!(audience_slug("Élus"), None);
        assert_eq!(audience_of_name("vosdroits-asso.zip"), Some("associations"));
        assert_eq!(audience_of_name("pro"), Some("professionnels"));
        assert_eq!(audience_of_name("vosdroits-latest.zip"), None);
    }

    #[test]
    fn sheet_metadata_is_read() {
        let p = parse_publication(SHEET).unwrap();
        assert_eq!(p.id, "F1");
        assert_eq!(p.kind, "F");
        assert_eq!(p.title, "Déclarer une estive");
        assert_eq!(p.verified_on.as_deref(), Some("2026-10-15"));
        assert_eq!(p.audiences, ["particuliers"]);
        assert_eq!(p.breadcrumb.len(), 2);
        assert_eq!(p.breadcrumb[1].id, "N2");
        assert_eq!(
            p.sp_url,
            "https://www.service-public.fr/particuliers/vosdroits/F1"
        );
    }

    #[test]
    fn navigation_references_are_hard_and_text_links_soft() {
        let p = parse_publication(SHEET).unwrap();
        assert_eq!(
            p.hard_refs,
            BTreeSet::from(["N2".into(), "F1".into(), "F3".into()])
        );
        assert!(p.soft_refs.contains("F9"));
        assert!(p.soft_refs.contains("N2"));
        // "Particuliers" is a level of the breadcrumb, not a publication.
        assert!(!p.soft_refs.contains("Particuliers"));
    }

    #[test]
    fn chapters_keep_their_title_inline_and_heading_level() {
        let p = parse_publication(SHEET).unwrap();
        let chapter = &p.body["text"][0];
        assert_eq!(chapter["e"], "Chapitre");
        assert_eq!(chapter["h"], 2);
        assert_eq!(chapter["title"], json!(["Qui est concerné ?"]));
        let para = &chapter["c"][0];
        assert_eq!(para["c"][0], "Le ");
        assert_eq!(
            para["c"][1],
            json!({ "e": "MiseEnEvidence", "c": ["berger"] })
        );
        assert_eq!(para["c"][3]["e"], "Valeur");
        assert_eq!(para["c"][5]["e"], "LienInterne");
        assert_eq!(para["c"][5]["ref"], "F9");
        assert_eq!(para["c"][5]["aud"], "particuliers");
    }

    #[test]
    fn situations_become_tabs_with_unique_ids() {
        let p = parse_publication(SHEET).unwrap();
        let tabs = &p.body["text"][0]["c"][1];
        assert_eq!(tabs["e"], "ListeSituations");
        assert_eq!(tabs["items"][0]["label"], "Vous êtes berger");
        assert_eq!(
            tabs["items"][1]["id"],
            format!("{}-2", tabs["id"].as_str().unwrap())
        );
    }

    #[test]
    fn unknown_elements_keep_their_text_and_are_counted() {
        let p = parse_publication(SHEET).unwrap();
        let bulle = &p.body["text"][0]["c"][2];
        assert_eq!(bulle["e"], "Unknown");
        assert_eq!(bulle["t"], "une bulle");
        assert_eq!(p.unknown.get("Bulle"), Some(&1));
        // A top-level element no handler knows is kept among the others.
        assert_eq!(p.body["others"][0]["name"], "LienExterne");
        assert_eq!(p.unknown.get("LienExterne"), Some(&1));
    }

    #[test]
    fn pivots_of_where_to_go_are_gathered() {
        let p = parse_publication(SHEET).unwrap();
        assert_eq!(p.pivots, BTreeSet::from(["mairie".to_owned()]));
        assert_eq!(p.body["addresses"][0]["pivot"], "mairie");
    }

    #[test]
    fn only_web_and_mail_urls_become_links() {
        assert_eq!(
            safe_url(Some(" https://a.fr/x ")).as_deref(),
            Some("https://a.fr/x")
        );
        assert_eq!(
            safe_url(Some("mailto:a@b.fr")).as_deref(),
            Some("mailto:a@b.fr")
        );
        assert_eq!(safe_url(Some("javascript:alert(1)")), None);
        assert_eq!(safe_url(Some("https://a.fr/\nx")), None);
        assert_eq!(safe_url(None), None);
    }

    #[test]
    fn malformed_xml_is_refused_with_its_position() {
        let err = parse_publication("<Publication ID=\"F1\">\n<Texte></Publication>").unwrap_err();
        assert_eq!(err.code, "import-error-malformed");
        assert_eq!(err.line, 2);
        assert!(err.column > 1);
    }

    #[test]
    fn a_root_other_than_publication_or_a_bad_id_is_refused() {
        assert_eq!(
            parse_publication("<Fiche/>").unwrap_err().code,
            "import-error-not-publication"
        );
        assert_eq!(
            parse_publication("<Publication ID=\"X1\"/>")
                .unwrap_err()
                .code,
            "import-error-bad-id"
        );
    }

    #[test]
    fn nesting_too_deep_is_refused() {
        let deep = format!(
            "<Publication ID=\"F1\">{}{}</Publication>",
            "<Texte>".repeat(MAX_DEPTH + 2),
            "</Texte>".repeat(MAX_DEPTH + 2)
        );
        assert_eq!(
            parse_publication(&deep).unwrap_err().code,
            "import-error-too-deep"
        );
    }

    #[test]
    fn entities_from_a_dtd_are_refused() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaa">]><Publication ID="F1">&a;</Publication>"#;
        assert_eq!(
            parse_publication(bomb).unwrap_err().code,
            "import-error-malformed"
        );
    }

    #[test]
    fn latin9_files_are_decoded_when_they_say_so() {
        let mut bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>".to_vec();
        bytes.extend([0xE9, 0xA4]);
        bytes.extend(b"</a>");
        assert!(decode(&bytes).unwrap().ends_with("<a>é€</a>"));
        assert_eq!(
            decode(&[0xff, 0xfe]).unwrap_err().code,
            "import-error-encoding"
        );
    }

    #[test]
    fn node_children_become_sections_and_items() {
        let xml = r#"<Publication ID="N1" type="Thème"><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">Thème</dc:title>
            <SousTheme><Titre>Estives</Titre><Dossier ID="N2"><Titre>Estives et transhumance</Titre></Dossier></SousTheme>
            <Dossier ID="N3">Bois</Dossier></Publication>"#;
        let p = parse_publication(xml).unwrap();
        assert_eq!(p.title, "Thème");
        assert_eq!(
            p.body["sections"][0]["items"][0],
            json!({ "ref": "N2", "title": "Estives et transhumance" })
        );
        assert_eq!(p.body["items"][0], json!({ "ref": "N3", "title": "Bois" }));
        assert_eq!(p.hard_refs, BTreeSet::from(["N2".into(), "N3".into()]));
    }

    #[test]
    fn tables_know_their_header_row_and_column() {
        let xml = r#"<Publication ID="F1"><Texte><Tableau><Titre>Tarifs</Titre>
            <Colonne type="header" largeur="50"/><Colonne type="normal" largeur="50"/>
            <Rangée type="header"><Cellule><Paragraphe>Bête</Paragraphe></Cellule><Cellule><Paragraphe>Prix</Paragraphe></Cellule></Rangée>
            <Rangée type="normal"><Cellule><Paragraphe>Vache</Paragraphe></Cellule><Cellule fusionHorizontale="2"><Paragraphe>3 €</Paragraphe></Cellule></Rangée>
            </Tableau></Texte></Publication>"#;
        let p = parse_publication(xml).unwrap();
        let t = &p.body["text"][0];
        assert_eq!(t["caption"], "Tarifs");
        assert_eq!(t["head"][0][0]["scope"], "col");
        assert_eq!(t["rows"][0][0]["th"], true);
        assert_eq!(t["rows"][0][0]["scope"], "row");
        assert_eq!(t["rows"][0][1]["th"], false);
        assert_eq!(t["rows"][0][1]["colspan"], 2);
    }

    #[test]
    fn search_text_holds_the_words_of_the_body_and_not_its_ids() {
        let p = parse_publication(SHEET).unwrap();
        assert!(p.text.contains("berger"));
        assert!(p.text.contains("Vous êtes éleveur"));
        assert!(!p.text.contains("F9"));
        assert!(!p.text.contains("Chapitre"));
    }

    #[test]
    fn trees_list_their_items_and_references() {
        let xml = r#"<Arborescence audience="Particuliers"><Item type="Theme" ID="N1"><Titre>Thème</Titre>
            <Item type="Dossier" ID="N2"><Titre>Dossier</Titre><Item type="Fiche" ID="F3"><Titre>Fiche</Titre></Item></Item></Item></Arborescence>"#;
        let tree = parse_tree(xml).unwrap();
        assert_eq!(tree.audience.as_deref(), Some("particuliers"));
        assert_eq!(tree.items[0].children[0].children[0].id, "F3");
        assert_eq!(tree.refs().len(), 3);
        assert_eq!(
            parse_tree("<Publication/>").unwrap_err().code,
            "import-error-not-tree"
        );
    }

    #[test]
    fn truncation_keeps_whole_characters() {
        assert_eq!(truncate("été", 2), "é");
        assert_eq!(truncate("abc", 10), "abc");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Any text is a sheet or a precise problem: the reader never
        /// panics on what the feed holds.
        #[test]
        fn any_text_is_read_or_refused_without_panic(s in "[\\s\\S]{0,300}") {
            let _ = parse_publication(&s);
            let _ = parse_tree(&s);
        }

        /// A real sheet cut anywhere, or with one byte changed, is read or
        /// refused, never a panic.
        #[test]
        fn a_damaged_sheet_is_read_or_refused_without_panic(cut in 0usize..4_000, at in 0usize..4_000, byte in 0u8..128) {
            let cut = (0..=SHEET.len().min(cut)).rev().find(|&i| SHEET.is_char_boundary(i)).unwrap_or(0);
            let _ = parse_publication(&SHEET[..cut]);
            let mut bytes = SHEET.as_bytes().to_vec();
            let at = at % bytes.len();
            bytes[at] = byte;
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let _ = parse_publication(text);
            }
        }
    }

    #[test]
    fn a_sheet_nested_without_end_is_refused_without_overflowing_the_stack() {
        let depth = 100_000;
        let text = format!(
            "<Publication ID=\"F1\"><Texte>{}{}</Texte></Publication>",
            "<Chapitre>".repeat(depth),
            "</Chapitre>".repeat(depth)
        );
        assert!(parse_publication(&text).is_err());
    }
}
