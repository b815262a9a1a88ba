//! Pagination: which rows to fetch, and the links to the other pages.
//!
//! ```no_run
//! use estive_sdk::prelude::*;
//!
//! # #[derive(serde::Serialize, serde::Deserialize)] struct Poll;
//! fn list(req: &Request) -> Result<Response, Error> {
//!     let page = Page::from_request(req, 20);
//!     let polls: Vec<Poll> = db::select("polls").order_desc("id").page(page).fetch()?;
//!     let total = db::count("polls").get()?;
//!     Ok(view("polls.html")
//!         .set("polls", &polls)
//!         .set("pager", page.pager(total, req))
//!         .into())
//! }
//! ```
//!
//! and in the template:
//!
//! ```text
//! <nav aria-label="Pagination">
//!   {% if pager.previous %}<a href="{{ pager.previous }}" rel="prev">‹</a>{% endif %}
//!   {% for link in pager.links %}
//!     {% if link.gap_before %}<span>…</span>{% endif %}
//!     <a href="{{ link.url }}" {% if link.current %}aria-current="page"{% endif %}>{{ link.number }}</a>
//!   {% endfor %}
//!   {% if pager.next %}<a href="{{ pager.next }}" rel="next">›</a>{% endif %}
//! </nav>
//! ```

use serde::Serialize;

use crate::Request;
use crate::url::query_string;

/// One page of a list: its number (from 1) and its size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Page {
    /// The page number, from 1.
    pub number: u32,
    /// The number of rows per page, 1 to [`Page::MAX_SIZE`].
    pub size: u32,
}

impl Page {
    /// The largest page size a visitor may ask for.
    pub const MAX_SIZE: u32 = 100;

    /// A page, with the number raised to at least 1 and the size kept
    /// within 1..=[`Page::MAX_SIZE`].
    pub fn new(number: u32, size: u32) -> Page {
        Page {
            number: number.max(1),
            size: size.clamp(1, Page::MAX_SIZE),
        }
    }

    /// The page asked for in the query string (`?page=3&size=50`), with
    /// `default_size` rows when no size is asked for. Anything malformed
    /// gives the first page.
    pub fn from_request(req: &Request, default_size: u32) -> Page {
        Page::from_query(req.query_pairs(), default_size)
    }

    /// As [`Page::from_request`], from query string pairs.
    pub fn from_query(query: &[(String, String)], default_size: u32) -> Page {
        let read = |key: &str| {
            query
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| v.trim().parse::<u32>().ok())
        };
        Page::new(
            read("page").unwrap_or(1),
            read("size").unwrap_or(default_size),
        )
    }

    /// The number of rows to skip.
    pub fn offset(self) -> u32 {
        (self.number - 1).saturating_mul(self.size)
    }

    /// The number of rows to fetch.
    pub fn limit(self) -> u32 {
        self.size
    }

    /// The links to the pages of a list of `total` rows, keeping the
    /// request's other query string pairs (filters, search).
    pub fn pager(self, total: u64, req: &Request) -> Pager {
        self.pager_for_query(total, req.query_pairs())
    }

    /// As [`Page::pager`], from query string pairs.
    pub fn pager_for_query(self, total: u64, query: &[(String, String)]) -> Pager {
        let pages = u32::try_from(total.div_ceil(u64::from(self.size)))
            .unwrap_or(u32::MAX)
            .max(1);
        let url = |number: u32| {
            let mut pairs: Vec<(&str, String)> = query
                .iter()
                .filter(|(k, _)| k != "page")
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect();
            pairs.push(("page", number.to_string()));
            format!("?{}", query_string(&pairs))
        };
        // The first, the last, and two on each side of the current page.
        let shown = |n: u32| n == 1 || n == pages || n.abs_diff(self.number) <= 2;
        let mut links = Vec::new();
        let mut previous_shown = 0;
        for n in (1..=pages).filter(|&n| shown(n)) {
            links.push(PageLink {
                number: n,
                url: url(n),
                current: n == self.number,
                gap_before: n > previous_shown + 1,
            });
            previous_shown = n;
        }
        Pager {
            number: self.number,
            size: self.size,
            total,
            pages,
            previous: (self.number > 1).then(|| url((self.number - 1).min(pages))),
            next: (self.number < pages).then(|| url(self.number + 1)),
            links,
        }
    }
}

/// What a template needs to show pagination; see the
/// [module documentation](self).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pager {
    /// The current page number.
    pub number: u32,
    /// Rows per page.
    pub size: u32,
    /// Rows in the whole list.
    pub total: u64,
    /// Number of pages (at least 1).
    pub pages: u32,
    /// Link to the previous page, if any.
    pub previous: Option<String>,
    /// Link to the next page, if any.
    pub next: Option<String>,
    /// Links to the first, the last and the pages around the current one.
    pub links: Vec<PageLink>,
}

/// A link to one page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PageLink {
    /// The page number.
    pub number: u32,
    /// A relative link (`?page=3`), keeping the other query pairs.
    pub url: String,
    /// Whether it is the current page (mark it `aria-current="page"`).
    pub current: bool,
    /// Whether pages were skipped before this one (show `…`).
    pub gap_before: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn malformed_page_gives_the_first_page_and_size_is_capped() {
        let page = Page::from_query(&pairs(&[("page", "x"), ("size", "5000")]), 20);
        assert_eq!(
            page,
            Page {
                number: 1,
                size: 100
            }
        );
        let page = Page::from_query(&pairs(&[("page", "0")]), 20);
        assert_eq!(
            page,
            Page {
                number: 1,
                size: 20
            }
        );
        assert_eq!(Page::new(3, 20).offset(), 40);
    }

    #[test]
    fn pager_keeps_other_query_pairs_and_marks_gaps() {
        let query = pairs(&[("q", "été"), ("page", "6")]);
        let page = Page::from_query(&query, 10);
        let pager = page.pager_for_query(195, &query);
        assert_eq!(pager.pages, 20);
        let numbers: Vec<u32> = pager.links.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 4, 5, 6, 7, 8, 20]);
        let gaps: Vec<u32> = pager
            .links
            .iter()
            .filter(|l| l.gap_before)
            .map(|l| l.number)
            .collect();
        assert_eq!(gaps, [4, 20]);
        assert_eq!(pager.previous.as_deref(), Some("?q=%C3%A9t%C3%A9&page=5"));
        assert_eq!(pager.links[0].url, "?q=%C3%A9t%C3%A9&page=1");
        assert!(pager.links[3].current);
    }

    #[test]
    fn empty_list_has_one_page_and_no_neighbours() {
        let pager = Page::new(1, 20).pager_for_query(0, &[]);
        assert_eq!(pager.pages, 1);
        assert_eq!((pager.previous, pager.next), (None, None));
        assert_eq!(pager.links.len(), 1);
        assert_eq!(pager.links[0].url, "?page=1");
    }
}
