//! What API 1.1 adds, through a plugin built with the SDK (`hello`): the
//! ranked search, the request's area and breadcrumbs given as a field.

use crate::fixtures::host_with;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_searches_greetings_best_first_with_accents_ignored() {
    let host = host_with(&[]).await;
    let visitor = host.client();
    for name in [
        "Élodie Martin",
        "Jean Dupont",
        "Martine Élodie Élodie",
        "Élise",
    ] {
        let list = visitor.get("/bonjour/").await.unwrap();
        let mut form = list.form("/bonjour/").unwrap();
        form.set("name", name).unwrap();
        let done = form.submit(&visitor).await.unwrap();
        assert_eq!(done.status, 200, "{}", done.text);
    }

    let page = visitor.get("/bonjour/cherche").await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    // The request's area reached the plugin.
    assert!(page.contains("<p id=\"area\">portal</p>"), "{}", page.text);
    // The breadcrumb came as a field of the view: home, then the plugin's
    // list, then the page's own title.
    let crumbs = page
        .text
        .split("class=\"breadcrumb\"")
        .nth(1)
        .unwrap_or_default();
    let crumbs = crumbs.split("</nav>").next().unwrap_or_default();
    assert!(
        crumbs.contains("<a href=\"&#x2f;bonjour\">Bonjour</a>"),
        "{crumbs}"
    );

    let mut form = page.form("/bonjour/cherche").unwrap();
    form.set("q", "elodie").unwrap();
    let found = form.submit(&visitor).await.unwrap();
    assert_eq!(found.status, 200, "{}", found.text);
    let list = found.text.split("<ol id=\"found\">").nth(1).unwrap();
    let list = list.split("</ol>").next().unwrap();
    let names: Vec<&str> = list
        .split("</li>")
        .filter_map(|li| li.rsplit('>').next())
        .filter(|n| !n.is_empty())
        .collect();
    // Both rows with the word, the one that says it twice first; the
    // others not at all (accents ignored on SQLite).
    assert_eq!(names, ["Martine Élodie Élodie", "Élodie Martin"], "{list}");

    // The person's text is words, never query syntax.
    for hostile in ["\"", "NEAR(", "*", "-", "OR", "' OR 1=1 --", "\"é\" * NOT"] {
        let mut form = found.form("/bonjour/cherche").unwrap();
        form.set("q", hostile).unwrap();
        let page = form.submit(&visitor).await.unwrap();
        assert_eq!(page.status, 200, "{hostile}: {}", page.text);
        assert!(
            page.contains("<ol id=\"found\"></ol>"),
            "{hostile}: {}",
            page.text
        );
    }
}
