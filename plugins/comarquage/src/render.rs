//! What a publication's page needs besides its stored body: where each
//! link goes (a page of this site when the publication was imported,
//! service-public.fr otherwise), the site's offices in "Où s'adresser",
//! and local text written as paragraphs and lists.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use crate::feed;

/// Every publication ID a body links to (objects with a `ref`).
pub fn refs(body: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    walk_refs(body, &mut out);
    out
}

fn walk_refs(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Array(list) => list.iter().for_each(|x| walk_refs(x, out)),
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("ref")
                && feed::is_publication_id(r)
            {
                out.insert(r.clone());
            }
            map.values().for_each(|x| walk_refs(x, out));
        }
        _ => {}
    }
}

/// The page of a publication on service-public.fr, for links to
/// publications this site did not import.
pub fn service_public_url(id: &str, audience: Option<&str>) -> String {
    let audience = audience.unwrap_or(feed::AUDIENCES[0]);
    format!("https://www.service-public.fr/{audience}/vosdroits/{id}")
}

/// Sets `href` (and `local`) on every object with a `ref`: the page of
/// this site when `known` has the publication (ID → audience), else the
/// object's own `url`, else service-public.fr. `base` is the plugin's
/// mount on the portal.
pub fn resolve(body: &mut Value, known: &BTreeMap<String, String>, base: &str, audience: &str) {
    match body {
        Value::Array(list) => list
            .iter_mut()
            .for_each(|x| resolve(x, known, base, audience)),
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("ref").cloned() {
                let (href, local) = match known.get(&r) {
                    Some(aud) => (Some(format!("{base}/{aud}/{r}")), true),
                    None => {
                        let own = map.get("url").and_then(Value::as_str).map(str::to_owned);
                        let fallback = feed::is_publication_id(&r).then(|| {
                            let aud = map.get("aud").and_then(Value::as_str).unwrap_or(audience);
                            service_public_url(&r, Some(aud))
                        });
                        (own.or(fallback), false)
                    }
                };
                map.insert("href".into(), href.map_or(Value::Null, Value::String));
                map.insert("local".into(), Value::Bool(local));
            }
            for (_, x) in map.iter_mut() {
                resolve(x, known, base, audience);
            }
        }
        _ => {}
    }
}

/// Puts the site's offices of each kind into the "Où s'adresser" blocks
/// that name that kind (`PivotLocal`).
pub fn attach_offices(body: &mut Value, offices: &[Value]) {
    let Some(addresses) = body.get_mut("addresses").and_then(Value::as_array_mut) else {
        return;
    };
    for a in addresses {
        let pivot = a
            .get("pivot")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        if pivot.is_empty() {
            continue;
        }
        let matching: Vec<Value> = offices
            .iter()
            .filter(|o| {
                o.get("pivot")
                    .and_then(Value::as_str)
                    .is_some_and(|p| p.eq_ignore_ascii_case(&pivot))
            })
            .cloned()
            .collect();
        if let Some(obj) = a.as_object_mut() {
            obj.insert("offices".into(), Value::Array(matching));
        }
    }
}

/// The `PivotLocal` kinds a body asks for.
pub fn pivots(body: &Value) -> Vec<String> {
    body.get("addresses")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|a| a.get("pivot").and_then(Value::as_str))
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// An office as templates show it: address and hours as lines, the
/// phone as a `tel:` link too.
pub fn office_view(office: &crate::store::Office) -> Value {
    let lines = |t: &Option<String>| -> Vec<String> {
        t.as_deref()
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let tel = office.phone.as_deref().map(|p| {
        let digits: String = p
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    });
    json!({
        "id": office.id,
        "name": office.name,
        "pivot": office.pivot,
        "address": lines(&office.address),
        "hours": lines(&office.hours),
        "phone": office.phone,
        "tel": tel,
        "email": office.email,
        "url": office.url.as_deref().and_then(|u| feed::safe_url(Some(u))),
        "note": office.note,
    })
}

/// Text written by the site's staff as the element tree the templates
/// render: paragraphs split on blank lines; lines starting with `- `
/// become a list.
pub fn local_blocks(text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for chunk in text.replace("\r\n", "\n").split("\n\n") {
        let lines: Vec<&str> = chunk
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        if lines.iter().all(|l| l.starts_with("- ")) {
            let items: Vec<Value> = lines
                .iter()
                .map(|l| json!([{ "e": "Paragraphe", "c": [l[2..].trim()] }]))
                .collect();
            out.push(json!({ "e": "Liste", "ordered": false, "items": items }));
        } else {
            out.push(json!({ "e": "Paragraphe", "c": [lines.join(" ")] }));
        }
    }
    out
}

/// Links written one per line as `Label | https://…` (or the address
/// alone). Lines that are not a web or mail address are returned apart.
pub fn local_links(text: &str) -> (Vec<Value>, Vec<String>) {
    let mut links = Vec::new();
    let mut bad = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (label, url) = match line.rsplit_once('|') {
            Some((l, u)) => (l.trim(), u.trim()),
            None => (line, line),
        };
        match feed::safe_url(Some(url)) {
            Some(url) => {
                let title = if label.is_empty() {
                    url.clone()
                } else {
                    label.to_owned()
                };
                links.push(json!({ "title": title, "url": url }));
            }
            None => bad.push(line.to_owned()),
        }
    }
    (links, bad)
}

/// A body's blocks by name, with an empty map when the body is not one.
pub fn as_map(body: &Value) -> Map<String, Value> {
    body.as_object().cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_go_to_this_site_when_the_publication_was_imported() {
        let mut body = json!({ "text": [{ "e": "Paragraphe", "c": [
            { "e": "LienInterne", "ref": "F2", "aud": "particuliers", "c": ["ici"] },
            { "e": "LienInterne", "ref": "F9", "aud": "professionnels", "c": ["ailleurs"] },
        ] }] });
        let known = BTreeMap::from([("F2".to_owned(), "associations".to_owned())]);
        resolve(&mut body, &known, "/demarches", "particuliers");
        let links = &body["text"][0]["c"];
        assert_eq!(links[0]["href"], "/demarches/associations/F2");
        assert_eq!(links[0]["local"], true);
        assert_eq!(
            links[1]["href"],
            "https://www.service-public.fr/professionnels/vosdroits/F9"
        );
        assert_eq!(links[1]["local"], false);
    }

    #[test]
    fn a_missing_resource_keeps_its_own_address() {
        let mut body =
            json!({ "services": [{ "ref": "R1", "url": "https://teleservices.example/x" }] });
        resolve(&mut body, &BTreeMap::new(), "/demarches", "particuliers");
        assert_eq!(
            body["services"][0]["href"],
            "https://teleservices.example/x"
        );
        assert_eq!(refs(&body), BTreeSet::from(["R1".to_owned()]));
    }

    #[test]
    fn offices_fill_the_blocks_that_name_their_kind() {
        let mut body =
            json!({ "addresses": [{ "pivot": "mairie" }, { "pivot": "ddt" }, { "title": "Web" }] });
        let offices = vec![json!({ "name": "Mairie d'Arreau", "pivot": "Mairie" })];
        attach_offices(&mut body, &offices);
        assert_eq!(
            body["addresses"][0]["offices"][0]["name"],
            "Mairie d'Arreau"
        );
        assert_eq!(body["addresses"][1]["offices"], json!([]));
        assert!(body["addresses"][2].get("offices").is_none());
        assert_eq!(pivots(&body), ["mairie", "ddt"]);
    }

    #[test]
    fn local_text_becomes_paragraphs_and_lists() {
        let blocks = local_blocks("Première ligne\nsuite\n\n- un\n- deux\n\n\n");
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0]["c"][0], "Première ligne suite");
        assert_eq!(blocks[1]["e"], "Liste");
        assert_eq!(blocks[1]["items"][1][0]["c"][0], "deux");
    }

    #[test]
    fn local_links_are_label_and_address_and_refuse_other_schemes() {
        let (links, bad) = local_links(
            "Horaires | https://mairie.example/horaires\nhttps://a.example\njavascript:alert(1)",
        );
        assert_eq!(
            links[0],
            json!({ "title": "Horaires", "url": "https://mairie.example/horaires" })
        );
        assert_eq!(links[1]["title"], "https://a.example");
        assert_eq!(bad, ["javascript:alert(1)"]);
    }

    #[test]
    fn offices_show_lines_and_a_dialable_phone() {
        let office = crate::store::Office {
            name: "Mairie".into(),
            pivot: "mairie".into(),
            address: Some("1 place de la Fontaine\n\n65240 Arreau".into()),
            phone: Some("05 62 00 00 01".into()),
            url: Some("javascript:x".into()),
            ..Default::default()
        };
        let v = office_view(&office);
        assert_eq!(
            v["address"],
            json!(["1 place de la Fontaine", "65240 Arreau"])
        );
        assert_eq!(v["tel"], "tel:0562000001");
        assert_eq!(v["url"], Value::Null);
    }
}
