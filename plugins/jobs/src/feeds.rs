//! The feeds of new offers, RSS 2.0 and Atom 1.0: the 50 newest published
//! offers matching the list's filters, given in the same query string, so
//! that a person subscribes to a search. Links are absolute, every text is
//! XML-escaped, and an entry's id is its offer's address, which does not
//! change.

use estive_kit::markdown;
use estive_sdk::dates::month_name;
use estive_sdk::prelude::*;

use crate::display;
use crate::search::{self, Filters, Found};
use crate::store::Settings;

/// Offers in a feed.
const FEED_OFFERS: u32 = 50;

/// The longest summary of an entry, in characters.
const SUMMARY_CHARS: usize = 400;

/// The columns an entry needs.
const FEED_COLUMNS: [&str; 14] = [
    "id",
    "source",
    "title",
    "employer_name",
    "commune",
    "contract",
    "contract_label",
    "season",
    "starts_on",
    "ends_on",
    "housing",
    "published_at",
    "description",
    "source_updated_at",
];

/// A feed's offers and words.
struct Feed {
    title: String,
    /// The list page of the same search, absolute.
    list_url: String,
    /// The feed's own address, absolute.
    self_url: String,
    offers: Vec<Found>,
}

/// The newest offers of the request's filters; wrong filters are left
/// out, as on the list page.
fn feed(req: &Request, path: &str) -> Result<Feed, Error> {
    let ctx = req.context();
    let communes = Settings::load()?.communes();
    let (filters, _) = Filters::from_query(req.query_pairs(), &communes);
    let (offers, _) = search::newest(&filters, &[], &FEED_COLUMNS, FEED_OFFERS)?;
    let query = filters.to_query();
    let with_query = |p: &str| {
        if query.is_empty() {
            p.to_string()
        } else {
            format!("{p}?{query}")
        }
    };
    let title = format!(
        "{} – {}",
        search::feed_title(&filters, ctx.locale()),
        ctx.site().name
    );
    Ok(Feed {
        title,
        list_url: ctx.absolute(&search::list_path(ctx, &query)),
        self_url: ctx.absolute(&with_query(&req.url(path))),
        offers,
    })
}

/// The feed as RSS 2.0.
///
/// # Errors
/// Storage failures.
pub fn rss(req: &Request) -> Result<Response, Error> {
    let ctx = req.context();
    let feed = feed(req, "/flux.rss")?;
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    push_element(&mut xml, "title", &feed.title);
    push_element(&mut xml, "link", &feed.list_url);
    push_element(
        &mut xml,
        "description",
        &i18n::t_args("feed-description", &[("site", &ctx.site().name)]),
    );
    push_element(&mut xml, "language", ctx.locale());
    xml.push_str(&format!(
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(&feed.self_url)
    ));
    if let Some(newest) = feed.offers.first().and_then(|f| f.published_at.as_deref()) {
        push_element(&mut xml, "lastBuildDate", &rfc822(newest));
    }
    for offer in &feed.offers {
        let url = ctx.absolute(&display::public_path(ctx, offer.id));
        xml.push_str("<item>\n");
        push_element(&mut xml, "title", &offer.title);
        push_element(&mut xml, "link", &url);
        xml.push_str(&format!(
            "<guid isPermaLink=\"true\">{}</guid>\n",
            escape(&url)
        ));
        push_element(&mut xml, "description", &summary(offer));
        push_element(&mut xml, "category", &offer.contract_text());
        if let Some(at) = &offer.published_at {
            push_element(&mut xml, "pubDate", &rfc822(at));
        }
        xml.push_str("</item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    Ok(
        download("application/rss+xml; charset=utf-8", "emplois.rss", xml)
            .inline()
            .into(),
    )
}

/// The feed as Atom 1.0.
///
/// # Errors
/// Storage failures.
pub fn atom(req: &Request) -> Result<Response, Error> {
    let ctx = req.context();
    let feed = feed(req, "/flux.atom")?;
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(ctx.locale())
    ));
    push_element(&mut xml, "id", &feed.self_url);
    push_element(&mut xml, "title", &feed.title);
    xml.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&feed.self_url)
    ));
    xml.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&feed.list_url)
    ));
    xml.push_str("<author>");
    push_element(&mut xml, "name", &ctx.site().name);
    xml.push_str("</author>\n");
    // A feed without entries was updated when it is read.
    let updated = feed
        .offers
        .iter()
        .filter_map(|f| updated_of(f))
        .max()
        .map_or_else(|| clock::now().utc, str::to_string);
    push_element(&mut xml, "updated", &updated);
    for offer in &feed.offers {
        let url = ctx.absolute(&display::public_path(ctx, offer.id));
        xml.push_str("<entry>\n");
        push_element(&mut xml, "id", &url);
        push_element(&mut xml, "title", &offer.title);
        xml.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&url)
        ));
        if let Some(at) = &offer.published_at {
            push_element(&mut xml, "published", at);
        }
        push_element(
            &mut xml,
            "updated",
            updated_of(offer).unwrap_or(updated.as_str()),
        );
        if let Some(name) = offer.employer_name.as_ref().filter(|n| !n.is_empty()) {
            xml.push_str("<author>");
            push_element(&mut xml, "name", name);
            xml.push_str("</author>\n");
        }
        xml.push_str(&format!(
            "<category term=\"{}\" label=\"{}\"/>\n",
            escape(&offer.contract),
            escape(&offer.contract_text())
        ));
        xml.push_str("<summary type=\"text\">");
        xml.push_str(&escape(&summary(offer)));
        xml.push_str("</summary>\n</entry>\n");
    }
    xml.push_str("</feed>\n");
    Ok(
        download("application/atom+xml; charset=utf-8", "emplois.atom", xml)
            .inline()
            .into(),
    )
}

/// When an entry last changed: France Travail's update for an imported
/// offer, else its publication.
fn updated_of(offer: &Found) -> Option<&str> {
    offer
        .source_updated_at
        .as_deref()
        .filter(|u| offer.imported() && offer.published_at.as_deref() < Some(u))
        .or(offer.published_at.as_deref())
}

/// An entry's text: who, where, the contract, then the start of the
/// description, as plain text.
fn summary(offer: &Found) -> String {
    let mut head: Vec<String> = Vec::new();
    if let Some(e) = offer.employer_name.as_ref().filter(|e| !e.is_empty()) {
        head.push(e.clone());
    }
    if let Some(c) = offer.commune.as_ref().filter(|c| !c.is_empty()) {
        head.push(c.clone());
    }
    head.push(offer.contract_text());
    if offer.housing {
        head.push(i18n::t("offer-housing-yes"));
    }
    let description = offer.description.as_deref().unwrap_or_default();
    let excerpt = if offer.imported() {
        plain_excerpt(description, SUMMARY_CHARS)
    } else {
        markdown::excerpt(description, SUMMARY_CHARS)
    };
    format!("{}. {excerpt}", head.join(" · "))
}

/// Plain text cut to `max` characters at a space, with `…`.
fn plain_excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    if let Some(space) = cut.rfind(' ').filter(|&at| at > max / 2) {
        cut.truncate(space);
    }
    format!("{}…", cut.trim_end())
}

/// `<name>text</name>` and a line break, the text escaped.
fn push_element(xml: &mut String, name: &str, text: &str) {
    xml.push('<');
    xml.push_str(name);
    xml.push('>');
    xml.push_str(&escape(text));
    xml.push_str("</");
    xml.push_str(name);
    xml.push_str(">\n");
}

/// Text for XML content or an attribute value: the five markup characters
/// as entities, and the characters XML 1.0 does not allow left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An RFC 3339 UTC date-time (`2026-12-07T07:00:00Z`) as RFC 822, the
/// dates of RSS (`Mon, 07 Dec 2026 07:00:00 +0000`); the text as it is
/// when it is not one.
pub fn rfc822(utc: &str) -> String {
    let Some(date) = utc.get(..10).and_then(Date::parse) else {
        return utc.to_string();
    };
    let time = utc.get(11..19).unwrap_or("00:00:00");
    let weekday = date.weekday().name("en");
    format!(
        "{}, {:02} {} {} {time} +0000",
        weekday.get(..3).unwrap_or(weekday),
        date.day(),
        month_name(date.month(), "en").get(..3).unwrap_or_default(),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_rfc_822() {
        assert_eq!(
            rfc822("2026-12-07T07:05:09Z"),
            "Mon, 07 Dec 2026 07:05:09 +0000"
        );
        assert_eq!(rfc822("soon"), "soon");
    }

    #[test]
    fn markup_and_forbidden_characters_are_escaped() {
        assert_eq!(
            escape("Chef <cuisine> & \"pâtisserie\" l'été\u{1}"),
            "Chef &lt;cuisine&gt; &amp; &quot;pâtisserie&quot; l&apos;été"
        );
    }

    #[test]
    fn plain_excerpts_cut_at_a_space() {
        assert_eq!(plain_excerpt("un  deux\ntrois", 50), "un deux trois");
        assert_eq!(plain_excerpt("alpha beta gamma delta", 12), "alpha beta…");
    }
}
