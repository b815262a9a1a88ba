//! The portal: home per audience, theme → folder → sheet, resources,
//! local sheets, and the search.

use std::collections::BTreeMap;

use estive_sdk::db::Condition;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::feed::{self, AUDIENCES};
use crate::render;
use crate::store::{
    self, Addition, LocalSheet, Office, PublicationRow, PublicationSummary, SUMMARY, TreeRow,
};

/// Longest search text kept.
const MAX_QUERY: usize = 200;

fn audience_title(slug: &str) -> String {
    i18n::t(&format!("audience-{slug}"))
}

/// The audience in the URL, which must be one of the feed's.
fn audience_param(req: &Request) -> Result<&'static str, Error> {
    let slug = req.param("audience").unwrap_or_default();
    AUDIENCES
        .iter()
        .find(|a| **a == slug)
        .copied()
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))
}

/// Themes of an audience from its tree, or from the imported themes when
/// the feed had no tree.
fn themes(import: i64, audience: &str) -> Result<Vec<Value>, Error> {
    let tree: Option<TreeRow> = db::select("trees")
        .filter(eq("import_id", import))
        .filter(eq("audience", audience))
        .first()?;
    if let Some(tree) = tree {
        return Ok(tree
            .items
            .iter()
            .map(|t| {
                let children: Vec<Value> = t
                    .children
                    .iter()
                    .map(|c| json!({ "ref": c.id, "title": c.title }))
                    .collect();
                json!({ "ref": t.id, "title": t.title, "children": children })
            })
            .collect());
    }
    let nodes: Vec<PublicationSummary> = db::select("publications")
        .columns(&SUMMARY)
        .filter(eq("import_id", import))
        .filter(eq("audience", audience))
        .filter(eq("kind", "N"))
        .filter(eq("pub_type", "Thème"))
        .order_asc("title")
        .fetch()?;
    Ok(nodes
        .into_iter()
        .map(|n| json!({ "ref": n.pub_id, "title": n.title, "children": [] }))
        .collect())
}

fn local_sheets(filter: Vec<Condition>) -> Result<Vec<LocalSheet>, Error> {
    db::select("local_sheets")
        .filters(filter)
        .filter(eq("published", true))
        .order_asc("title")
        .fetch()
}

/// `/` — the audiences, their themes and the search box.
pub fn home(req: &Request) -> Result<Response, Error> {
    let import = store::current_import()?;
    let mut audiences = Vec::new();
    if let Some(import) = import {
        #[derive(serde::Deserialize)]
        struct Count {
            audience: String,
            n: i64,
        }
        let counts: Vec<Count> = db::aggregate("publications")
            .filter(eq("import_id", import))
            .filter(eq("kind", "F"))
            .group_by("audience")
            .count("n")
            .fetch()?;
        for slug in AUDIENCES {
            let sheets = counts
                .iter()
                .find(|c| c.audience == slug)
                .map_or(0, |c| c.n);
            let themes = themes(import, slug)?;
            if sheets == 0 && themes.is_empty() {
                continue;
            }
            let themes: Vec<Value> = themes
                .into_iter()
                .map(|mut t| {
                    let id = t["ref"].as_str().unwrap_or_default().to_owned();
                    t["href"] = json!(req.url(&format!("/{slug}/{id}")));
                    t
                })
                .collect();
            audiences.push(json!({
                "slug": slug,
                "title": audience_title(slug),
                "href": req.url(&format!("/{slug}")),
                "sheets": sheets,
                "themes": themes,
            }));
        }
    }
    let locals = local_sheets(vec![])?;
    let locals: Vec<Value> = locals
        .iter()
        .map(|l| json!({ "title": l.title, "description": l.description, "href": req.url(&format!("/{}/L{}", l.audience, l.id.unwrap_or_default())) }))
        .collect();
    Ok(view("home.html")
        .title(i18n::t("home-title"))
        .with(json!({ "audiences": audiences, "locals": locals, "imported": import.is_some() }))
        .into())
}

/// `/{audience}` — the themes of an audience with their folders.
pub fn audience(req: &Request) -> Result<Response, Error> {
    let slug = audience_param(req)?;
    let import = store::current_import()?;
    let themes = match import {
        Some(i) => themes(i, slug)?,
        None => Vec::new(),
    };
    let mut themes = Value::Array(themes);
    let known = known_ids(import, &render::refs(&themes))?;
    render::resolve(&mut themes, &known, req.base_path(), slug);
    let locals: Vec<Value> = local_sheets(vec![eq("audience", slug)])?
        .into_iter()
        .filter(|l| l.parent_id.as_deref().unwrap_or_default().is_empty())
        .map(|l| local_summary(req, &l))
        .collect();
    Ok(view("audience.html")
        .title(audience_title(slug))
        .crumb(i18n::t("home-title"), req.url("/"))
        .with(json!({
            "audience": slug,
            "themes": themes,
            "locals": locals,
        }))
        .into())
}

fn local_summary(req: &Request, l: &LocalSheet) -> Value {
    json!({
        "title": l.title,
        "description": l.description,
        "href": req.url(&format!("/{}/L{}", l.audience, l.id.unwrap_or_default())),
    })
}

/// The publications of the current import among `ids`, by ID with their
/// audience.
fn known_ids(
    import: Option<i64>,
    ids: &std::collections::BTreeSet<String>,
) -> Result<BTreeMap<String, String>, Error> {
    let Some(import) = import else {
        return Ok(BTreeMap::new());
    };
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    #[derive(serde::Deserialize)]
    struct Known {
        pub_id: String,
        audience: String,
    }
    let mut out = BTreeMap::new();
    let list: Vec<&String> = ids.iter().collect();
    for chunk in list.chunks(500) {
        let rows: Vec<Known> = db::select("publications")
            .columns(&["pub_id", "audience"])
            .filter(eq("import_id", import))
            .filter(one_of("pub_id", chunk.iter().map(|s| s.as_str())))
            .fetch()?;
        out.extend(rows.into_iter().map(|k| (k.pub_id, k.audience)));
    }
    Ok(out)
}

/// `/{audience}/{id}` — a theme, folder, sheet, resource or local sheet.
pub fn publication(req: &Request) -> Result<Response, Error> {
    let slug = audience_param(req)?;
    let id = req.param("id").unwrap_or_default();
    if let Some(n) = id.strip_prefix('L') {
        let n: i64 = n
            .parse()
            .map_err(|_| Error::not_found(messages::NOT_FOUND))?;
        return local_sheet(req, slug, n);
    }
    if !feed::is_publication_id(id) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let import = store::current_import()?.ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
    let p: PublicationRow = db::select("publications")
        .filter(eq("import_id", import))
        .filter(eq("pub_id", id))
        .one()?;
    if p.audience != slug {
        return Ok(redirect(req.url(&format!("/{}/{}", p.audience, p.pub_id))).into());
    }
    let mut body = p.body.clone();
    let mut ids = render::refs(&body);
    ids.extend(
        p.breadcrumb
            .iter()
            .map(|l| l.id.clone())
            .filter(|i| feed::is_publication_id(i)),
    );
    let known = known_ids(Some(import), &ids)?;
    render::resolve(&mut body, &known, req.base_path(), slug);

    let pivots = render::pivots(&body);
    if !pivots.is_empty() {
        let offices: Vec<Office> = db::select("offices")
            .filter(one_of("pivot", pivots.iter().map(String::as_str)))
            .order_asc("name")
            .fetch()?;
        let offices: Vec<Value> = offices.iter().map(render::office_view).collect();
        render::attach_offices(&mut body, &offices);
    }

    let addition: Option<Addition> = db::select("additions").filter(eq("pub_id", id)).first()?;
    let addition = addition.map(|a| {
        let (links, _) = render::local_links(a.links.as_deref().unwrap_or_default());
        json!({
            "position": a.position,
            "blocks": render::local_blocks(a.body.as_deref().unwrap_or_default()),
            "links": links,
        })
    });
    let children: Vec<Value> = if p.kind == "N" {
        local_sheets(vec![eq("parent_id", id)])?
            .iter()
            .map(|l| local_summary(req, l))
            .collect()
    } else {
        Vec::new()
    };
    let edit_addition = (req.has_permission("comarquage.edit") && p.kind != "R")
        .then(|| {
            req.mount("extranet")
                .map(|m| format!("{m}/complements/{id}"))
        })
        .flatten();
    let template = match p.kind.as_str() {
        "N" => "node.html",
        _ => "publication.html",
    };
    // The breadcrumb: the plugin's home, the audience, then the feed's own
    // levels above this publication.
    let mut page = view(template)
        .title(&p.title)
        .crumb(i18n::t("home-title"), req.url("/"))
        .crumb(audience_title(slug), req.url(&format!("/{slug}")));
    for level in p.breadcrumb.iter().filter(|l| l.id != p.pub_id) {
        if let Some(aud) = known.get(&level.id) {
            page = page.crumb(&level.title, req.url(&format!("/{aud}/{}", level.id)));
        }
    }
    Ok(page
        .with(json!({
            "p": {
                "id": p.pub_id,
                "kind": p.kind,
                "type": p.pub_type,
                "title": p.title,
                "description": p.description,
                "verified_on": p.verified_on,
                "sp_url": p.sp_url,
                "audience": slug,
            },
            "body": body,
            "addition": addition,
            "local_children": children,
            "edit_addition": edit_addition,
        }))
        .into())
}

fn local_sheet(req: &Request, slug: &str, n: i64) -> Result<Response, Error> {
    let sheet: LocalSheet = db::select("local_sheets")
        .filter(eq("id", n))
        .filter(eq("published", true))
        .one()?;
    if sheet.audience != slug {
        return Ok(redirect(req.url(&format!("/{}/L{n}", sheet.audience))).into());
    }
    let mut page = view("local.html")
        .title(&sheet.title)
        .crumb(i18n::t("home-title"), req.url("/"))
        .crumb(audience_title(slug), req.url(&format!("/{slug}")));
    let import = store::current_import()?;
    if let Some(parent) = sheet.parent_id.as_deref().filter(|p| !p.is_empty())
        && let Some(import) = import
    {
        let parent: Option<PublicationSummary> = db::select("publications")
            .columns(&SUMMARY)
            .filter(eq("import_id", import))
            .filter(eq("pub_id", parent))
            .first()?;
        if let Some(parent) = parent {
            page = page.crumb(
                parent.title,
                req.url(&format!("/{}/{}", parent.audience, parent.pub_id)),
            );
        }
    }
    let (links, _) = render::local_links(sheet.links.as_deref().unwrap_or_default());
    let edit = req
        .has_permission("comarquage.edit")
        .then(|| {
            req.mount("extranet")
                .map(|m| format!("{m}/fiches-locales/{n}"))
        })
        .flatten();
    Ok(page
        .with(json!({
            "sheet": sheet,
            "blocks": render::local_blocks(sheet.body.as_deref().unwrap_or_default()),
            "links": links,
            "edit": edit,
        }))
        .into())
}

/// `/recherche?q=…&public=…` — words searched in titles and bodies.
pub fn search(req: &Request) -> Result<Response, Error> {
    let q = feed::truncate(req.query("q").unwrap_or_default().trim(), MAX_QUERY).to_owned();
    let audience = req
        .query("public")
        .filter(|a| AUDIENCES.contains(a))
        .map(str::to_owned);
    let page = Page::from_request(req, 20);
    let mut results = Vec::new();
    let mut locals = Vec::new();
    let mut total = 0;
    let import = store::current_import()?;
    if !q.is_empty() {
        let mut local_filter = vec![matches(&["title", "description", "body"], &q)];
        if let Some(a) = &audience {
            local_filter.push(eq("audience", a.as_str()));
        }
        if page.number == 1 {
            locals = local_sheets(local_filter)?
                .iter()
                .take(20)
                .map(|l| local_summary(req, l))
                .collect();
        }
        if let Some(import) = import {
            let mut filter = vec![
                eq("import_id", import),
                matches(&["title", "body_text"], &q),
            ];
            if let Some(a) = &audience {
                filter.push(eq("audience", a.as_str()));
            }
            total = db::count("publications").filters(filter.clone()).get()?;
            let rows: Vec<PublicationSummary> = db::select("publications")
                .columns(&SUMMARY)
                .filters(filter)
                .order_asc("kind")
                .order_asc("title")
                .page(page)
                .fetch()?;
            results = rows
                .into_iter()
                .map(|r| {
                    json!({
                        "title": r.title,
                        "description": r.description,
                        "kind": r.kind,
                        "type": r.pub_type,
                        "audience": audience_title(&r.audience),
                        "href": req.url(&format!("/{}/{}", r.audience, r.pub_id)),
                    })
                })
                .collect();
        }
    }
    let audiences: Vec<Value> = AUDIENCES
        .iter()
        .map(|a| json!({ "slug": a, "title": audience_title(a), "selected": audience.as_deref() == Some(*a) }))
        .collect();
    Ok(view("search.html")
        .title(i18n::t("search-title"))
        .crumb(i18n::t("home-title"), req.url("/"))
        .with(json!({
            "q": q,
            "results": results,
            "locals": locals,
            "total": total,
            "pager": page.pager(total, req),
            "audiences": audiences,
        }))
        .into())
}
