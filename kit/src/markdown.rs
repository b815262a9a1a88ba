//! Markdown to safe HTML, made inside the plugin (forum posts, job offers).
//!
//! pulldown-cmark parses; this module filters its event stream before the
//! HTML writer sees it, so that the only HTML in the output is what the
//! writer produces for plain Markdown (which escapes every text and
//! attribute) plus the few tags this module writes itself:
//!
//! - raw HTML (blocks and inline) becomes text: `<script>` is shown as
//!   `&lt;script&gt;`, never run, and the words are not lost;
//! - links keep only `http`, `https`, `mailto` and relative addresses, and
//!   carry `rel="nofollow ugc noopener"`; any other scheme (`javascript:`,
//!   `data:`…) drops the link and keeps its text;
//! - images become links to the image (no remote images in pages: they
//!   would track readers), with the same address rules;
//! - headings move down three levels (a post sits under its author's
//!   `<h3>`, itself under the page's `<h2>`);
//! - code blocks lose their language class; tables, footnotes, task lists
//!   and heading attributes are not enabled at all;
//! - `@handle` outside code and links becomes a link to the member's page
//!   (`<a class="forums-mention" href="…/membres/handle">`) when the handle
//!   is a known member's; the caller gives the address, which must be a
//!   path on the site (anything else leaves the mention as text).
//!
//! ammonia would sanitise the HTML after the fact, but it adds about
//! 885 KB to the component (315 KB → 1.2 MB) for what the filter below does
//! by construction.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag};

fn parser(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH)
}

/// Escapes a text for an HTML text node or a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The address of a link if it is safe to follow: `http`, `https`,
/// `mailto`, or relative (a path, a query or a fragment). Browsers ignore
/// tabs, newlines and leading spaces in a scheme, so those are refused
/// outright rather than cleaned.
pub fn safe_href(dest: &str, link_type: LinkType) -> Option<String> {
    let dest = dest.trim_matches(' ');
    if dest.is_empty() || dest.chars().any(|c| c.is_control() || c == '\\') {
        return None;
    }
    if matches!(link_type, LinkType::Email) {
        return Some(format!("mailto:{dest}"));
    }
    let before_path = dest.split(['/', '?', '#']).next().unwrap_or_default();
    match before_path.split_once(':') {
        Some((scheme, _)) => {
            let scheme = scheme.to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto").then(|| dest.to_owned())
        }
        // Protocol-relative (`//host/…`) leaves the site: only absolute
        // http(s) may do that.
        None if dest.starts_with("//") => None,
        None => Some(dest.to_owned()),
    }
}

fn shifted(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H4,
        HeadingLevel::H2 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn is_handle_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

/// Splits a text into plain pieces and `@handle` mentions. A mention starts
/// at an `@` that follows the start or a character that is not a letter,
/// digit or `@` (so `marie@example.org` is not one), and its handle is 2 to
/// 40 lowercase letters, digits or inner hyphens.
pub fn split_mentions(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'@' {
            let starts_word = text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '@' || c == '_' || c == '-'));
            let rest = &text[i + 1..];
            let len = rest
                .find(|c: char| !is_handle_char(c))
                .unwrap_or(rest.len());
            let handle = rest[..len].trim_end_matches('-');
            let next = rest[handle.len()..].chars().next();
            // `@a.b` is more likely an address than a mention.
            let address_like = next == Some('.')
                && rest[handle.len() + 1..].starts_with(|c: char| c.is_alphanumeric());
            if starts_word
                && (2..=40).contains(&handle.len())
                && !handle.starts_with('-')
                && !address_like
            {
                if plain_from < i {
                    pieces.push(Piece::Text(&text[plain_from..i]));
                }
                pieces.push(Piece::Mention(handle));
                i += 1 + handle.len();
                plain_from = i;
                continue;
            }
        }
        i += 1;
    }
    if plain_from < text.len() {
        pieces.push(Piece::Text(&text[plain_from..]));
    }
    pieces
}

/// A piece of text: plain, or a mention (the handle, without `@`).
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Plain text.
    Text(&'a str),
    /// `@handle`.
    Mention(&'a str),
}

/// The handles mentioned in a post, outside code and links, each once, in
/// order of first mention.
pub fn mentioned_handles(markdown: &str) -> Vec<String> {
    let mut handles: Vec<String> = Vec::new();
    let mut code = 0u32;
    let mut link = 0u32;
    for event in parser(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code += 1,
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => code = code.saturating_sub(1),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => link += 1,
            Event::End(pulldown_cmark::TagEnd::Link | pulldown_cmark::TagEnd::Image) => {
                link = link.saturating_sub(1);
            }
            Event::Text(text) if code == 0 && link == 0 => {
                for piece in split_mentions(&text) {
                    if let Piece::Mention(h) = piece
                        && !handles.iter().any(|k| k == h)
                    {
                        handles.push(h.to_owned());
                    }
                }
            }
            _ => {}
        }
    }
    handles
}

/// Renders a post's Markdown to HTML safe to print with `|safe`.
/// `member_page` gives the address of a known member's page from their
/// handle (`None` for a handle nobody holds), where a mention links.
pub fn render(markdown: &str, member_page: &dyn Fn(&str) -> Option<String>) -> String {
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut code = 0u32;
    // For each open link or image: whether it was kept as an `<a>`.
    let mut links: Vec<bool> = Vec::new();
    for event in parser(markdown) {
        match event {
            // Raw HTML is shown as the text it is.
            Event::Html(html) | Event::InlineHtml(html) => events.push(Event::Text(html)),
            Event::Start(Tag::HtmlBlock) => events.push(Event::Start(Tag::Paragraph)),
            Event::End(pulldown_cmark::TagEnd::HtmlBlock) => {
                events.push(Event::End(pulldown_cmark::TagEnd::Paragraph));
            }
            Event::Start(Tag::Heading { level, .. }) => events.push(Event::Start(Tag::Heading {
                level: shifted(level),
                id: None,
                classes: Vec::new(),
                attrs: Vec::new(),
            })),
            Event::End(pulldown_cmark::TagEnd::Heading(level)) => {
                events.push(Event::End(pulldown_cmark::TagEnd::Heading(shifted(level))));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                code += 1;
                events.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(
                    CowStr::Borrowed(""),
                ))));
            }
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                code = code.saturating_sub(1);
                events.push(event);
            }
            Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    ..
                },
            ) => match safe_href(&dest_url, link_type) {
                Some(href) => {
                    let title = if title.is_empty() {
                        String::new()
                    } else {
                        format!(" title=\"{}\"", escape(&title))
                    };
                    links.push(true);
                    events.push(Event::InlineHtml(CowStr::from(format!(
                        "<a href=\"{}\"{title} rel=\"nofollow ugc noopener\">",
                        escape(&href)
                    ))));
                }
                None => links.push(false),
            },
            Event::End(pulldown_cmark::TagEnd::Link | pulldown_cmark::TagEnd::Image) => {
                if links.pop() == Some(true) {
                    events.push(Event::InlineHtml(CowStr::Borrowed("</a>")));
                }
            }
            Event::Text(text) if code == 0 && links.is_empty() => {
                for piece in split_mentions(&text) {
                    let page = match piece {
                        Piece::Mention(h) => member_page(h).filter(|href| {
                            href.starts_with('/') && safe_href(href, LinkType::Inline).is_some()
                        }),
                        Piece::Text(_) => None,
                    };
                    match piece {
                        Piece::Mention(h) if page.is_some() => {
                            events.push(Event::InlineHtml(CowStr::from(format!(
                                "<a class=\"forums-mention\" href=\"{}\">@{}</a>",
                                escape(&page.unwrap_or_default()),
                                escape(h)
                            ))));
                        }
                        Piece::Mention(h) => {
                            events.push(Event::Text(CowStr::from(format!("@{h}"))))
                        }
                        Piece::Text(t) => events.push(Event::Text(CowStr::from(t.to_owned()))),
                    }
                }
            }
            // Only strikethrough is enabled; anything else the parser might
            // give (math, footnotes, task boxes…) is shown as text or left out.
            Event::InlineMath(t) | Event::DisplayMath(t) => events.push(Event::Text(t)),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 5 / 4 + 16);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// The words of a post without its markup, cut to `max` characters (with
/// `…`), for notices, search results and events.
pub fn excerpt(markdown: &str, max: usize) -> String {
    let mut text = String::new();
    for event in parser(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t);
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                pulldown_cmark::TagEnd::Paragraph
                | pulldown_cmark::TagEnd::Heading(_)
                | pulldown_cmark::TagEnd::Item
                | pulldown_cmark::TagEnd::CodeBlock,
            ) => text.push(' '),
            _ => {}
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = words.join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    if let Some(space) = cut.rfind(' ').filter(|&at| at > max / 2) {
        cut.truncate(space);
    }
    format!("{}…", cut.trim_end())
}

/// A Markdown quotation of a post, to start a reply with: an intro line
/// (e.g. "Marie a écrit :") then every line of the post behind `> `.
pub fn quote(intro: &str, body: &str) -> String {
    let mut out = format!("> {intro}\n>\n");
    for line in body.lines() {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str("> ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(md, &|h| {
            (h == "marie-dupont").then(|| format!("/debats/membres/{h}"))
        })
    }

    #[test]
    fn script_in_markdown_is_shown_as_text_and_never_as_a_tag() {
        let out = html("Bonjour <script>alert('x')</script> !\n\n<script>\nalert(1)\n</script>\n");
        assert!(!out.contains("<script"), "{out}");
        assert!(
            out.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
            "{out}"
        );
        assert!(out.contains("alert(1)"), "{out}");
    }

    #[test]
    fn html_attributes_cannot_sneak_in_through_raw_tags() {
        let out = html("<img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">x</a>");
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains("<a href=\"javascript"), "{out}");
        assert!(out.contains("&lt;img"), "{out}");
    }

    #[test]
    fn dangerous_link_schemes_drop_the_link_and_keep_the_text() {
        for md in [
            "[clic](javascript:alert(1))",
            "[clic](JaVaScRiPt:alert(1))",
            "[clic](&#106;avascript:alert(1))",
            "[clic](data:text/html;base64,PHNjcmlwdD4=)",
            "[clic](vbscript:msgbox)",
            "[clic](//evil.example/x)",
            "<javascript:alert(1)>",
        ] {
            let out = html(md);
            assert!(!out.contains("href"), "{md} gave {out}");
            assert!(
                !out.to_lowercase().contains("javascript:alert") || !out.contains("<a"),
                "{md} gave {out}"
            );
        }
        assert_eq!(html("[clic](javascript:alert(1))"), "<p>clic</p>\n");
    }

    #[test]
    fn safe_links_are_kept_with_rel_and_escaped_addresses() {
        let out = html(
            "[site](https://example.org/a?b=1&c=\"2\") et [page](/debats/t/3) et <marie@example.org>",
        );
        assert!(
            out.contains("<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\" rel=\"nofollow ugc noopener\">site</a>"),
            "{out}"
        );
        assert!(
            out.contains("<a href=\"/debats/t/3\" rel=\"nofollow ugc noopener\">page</a>"),
            "{out}"
        );
        assert!(out.contains("href=\"mailto:marie@example.org\""), "{out}");
    }

    #[test]
    fn images_become_links_and_unsafe_images_plain_text() {
        let out = html("![plan du bourg](https://example.org/plan.png)");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("<a href=\"https://example.org/plan.png\" rel=\"nofollow ugc noopener\">plan du bourg</a>"), "{out}");
        let out = html("![x](javascript:alert(1))");
        assert_eq!(out, "<p>x</p>\n");
    }

    #[test]
    fn headings_move_down_and_code_keeps_no_class() {
        let out = html("# Titre\n\n## Sous-titre\n\n```js onload=x\nlet a = '<b>';\n```\n");
        assert!(out.contains("<h4>Titre</h4>"), "{out}");
        assert!(out.contains("<h5>Sous-titre</h5>"), "{out}");
        assert!(
            out.contains("<pre><code>let a = &#39;&lt;b&gt;&#39;;\n</code></pre>")
                || out.contains("<pre><code>let a = '&lt;b&gt;';\n</code></pre>"),
            "{out}"
        );
        assert!(!out.contains("class"), "{out}");
    }

    #[test]
    fn quotes_lists_and_emphasis_render_as_usual() {
        let out = html("> Marie a écrit :\n> *oui*\n\n- un\n- **deux**\n\n~~non~~");
        assert!(out.contains("<blockquote>"), "{out}");
        assert!(out.contains("<em>oui</em>"), "{out}");
        assert!(out.contains("<li><strong>deux</strong></li>"), "{out}");
        assert!(out.contains("<del>non</del>"), "{out}");
    }

    #[test]
    fn tables_and_task_lists_are_not_enabled() {
        let out = html("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [ ] tâche");
        assert!(!out.contains("<table"), "{out}");
        assert!(!out.contains("style="), "{out}");
        assert!(!out.contains("<input"), "{out}");
    }

    #[test]
    fn known_mentions_link_to_the_member_and_unknown_ones_stay_text() {
        let out = html("Merci @marie-dupont et @inconnu, écrivez à claire@example.org");
        assert!(
            out.contains(
                "<a class=\"forums-mention\" href=\"/debats/membres/marie-dupont\">@marie-dupont</a>"
            ),
            "{out}"
        );
        assert!(out.contains("@inconnu"), "{out}");
        assert!(!out.contains("forums-mention\">@inconnu"), "{out}");
        assert!(!out.contains("forums-mention\">@example"), "{out}");
    }

    #[test]
    fn a_mention_links_only_to_a_path_on_the_site() {
        for href in [
            "javascript:alert(1)",
            "//evil.example/x",
            "https://evil.example/x",
            "/a\"onmouseover=\"x",
        ] {
            let out = render("Merci @marie", &|_| Some(href.to_owned()));
            assert!(!out.contains("onmouseover=\"x"), "{href} gave {out}");
            if !href.starts_with("/a") {
                assert_eq!(out, "<p>Merci @marie</p>\n", "{href}");
            }
        }
    }

    #[test]
    fn mentions_in_code_and_links_are_not_mentions() {
        let md = "`@marie-dupont` et [@marie-dupont](https://example.org)\n\n```\n@marie-dupont\n```\n\npuis @marie-dupont.";
        assert_eq!(mentioned_handles(md), ["marie-dupont"]);
        let out = html(md);
        assert_eq!(out.matches("forums-mention").count(), 1, "{out}");
    }

    #[test]
    fn mentions_are_found_once_each_and_addresses_are_not_mentions() {
        let md = "@jean-luc, @marie-dupont et encore @jean-luc ; contact@mairie.fr ; @a ; @x.fr";
        assert_eq!(mentioned_handles(md), ["jean-luc", "marie-dupont"]);
    }

    #[test]
    fn split_mentions_keeps_every_character() {
        let text = "(@marie-dupont) et @bob-!";
        let joined: String = split_mentions(text)
            .iter()
            .map(|p| match p {
                Piece::Text(t) => (*t).to_owned(),
                Piece::Mention(h) => format!("@{h}"),
            })
            .collect();
        assert_eq!(joined, text);
        assert!(split_mentions(text).contains(&Piece::Mention("bob")));
    }

    #[test]
    fn excerpt_drops_markup_and_cuts_at_a_word() {
        assert_eq!(
            excerpt("# Titre\n\nUn **texte** <b>gras</b>", 100),
            "Titre Un texte <b>gras</b>"
        );
        let long = "mot ".repeat(100);
        let cut = excerpt(&long, 30);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= 30, "{cut}");
        assert!(!cut.contains("mo…"), "{cut}");
    }

    #[test]
    fn quote_prefixes_every_line() {
        assert_eq!(
            quote("Marie a écrit :", "Oui.\n\nMais non."),
            "> Marie a écrit :\n>\n> Oui.\n>\n> Mais non.\n\n"
        );
    }

    #[test]
    fn safe_href_refuses_control_characters_and_unknown_schemes() {
        assert_eq!(safe_href("java\tscript:x", LinkType::Inline), None);
        assert_eq!(safe_href("ftp://x", LinkType::Inline), None);
        assert_eq!(safe_href("#p-3", LinkType::Inline).as_deref(), Some("#p-3"));
        assert_eq!(
            safe_href("?page=2", LinkType::Inline).as_deref(),
            Some("?page=2")
        );
        assert_eq!(
            safe_href("HTTPS://x.fr", LinkType::Inline).as_deref(),
            Some("HTTPS://x.fr")
        );
        assert_eq!(
            safe_href("a/b:c", LinkType::Inline).as_deref(),
            Some("a/b:c")
        );
    }
}
