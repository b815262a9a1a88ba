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

/// The SDK's form page with the host's macros (`hello`'s list): the form
/// shown again names its field in the summary, puts the count of errors in
/// the title and never in the `<h1>`, ties the error to its control and
/// keeps what was typed; the validator's limits reach the message.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_shown_again_names_the_field_and_counts_errors_in_the_title() {
    let host = host_with(&[]).await;
    let visitor = host.client();
    let list = visitor.get("/bonjour/").await.unwrap();
    assert_eq!(list.title().split(" – ").next(), Some("Bonjour"));

    // Sent empty: the field is required.
    let form = list.form("/bonjour/").unwrap();
    let again = form.submit(&visitor).await.unwrap();
    assert_eq!(again.status, 422, "{}", again.text);
    assert!(
        again
            .title()
            .starts_with("Erreur : 1 champ à corriger – Bonjour"),
        "{}",
        again.title()
    );
    assert!(!again.heading().contains("Erreur"), "{}", again.heading());
    assert!(
        again.shows("Le formulaire contient 1 erreur"),
        "{}",
        again.text
    );
    assert!(
        again.shows("<a href=\"#hello-name\">Votre nom : Ce champ est obligatoire.</a>"),
        "{}",
        again.text
    );
    assert!(
        again.contains("aria-describedby=\"hello-name-error\" aria-invalid=\"true\""),
        "{}",
        again.text
    );

    // Too long: the message says the limit and the length; the text stays.
    let long = "é".repeat(81);
    let mut form = again.form("/bonjour/").unwrap();
    form.set("name", &long).unwrap();
    let again = form.submit(&visitor).await.unwrap();
    assert_eq!(again.status, 422, "{}", again.text);
    assert!(
        again
            .shows("Votre nom : Ce texte est trop long : 80 caractères au plus (il en compte 81)."),
        "{}",
        again.text
    );
    assert_eq!(again.form("/bonjour/").unwrap().value("name"), Some(long));

    // In English, chosen with the language switch.
    let en = visitor.get("/langue/en?next=/bonjour/").await.unwrap();
    assert_eq!(en.path, "/bonjour/");
    let again = en
        .form("/bonjour/")
        .unwrap()
        .submit(&visitor)
        .await
        .unwrap();
    assert_eq!(again.status, 422, "{}", again.text);
    assert!(
        again.title().starts_with("Error: 1 field to correct – "),
        "{}",
        again.title()
    );
    assert!(again.shows("This field is required."), "{}", again.text);

    // Corrected, it goes through.
    let mut form = again.form("/bonjour/").unwrap();
    form.set("name", "Lucie").unwrap();
    let done = form.submit(&visitor).await.unwrap();
    assert_eq!(done.status, 200, "{}", done.text);
    assert!(done.shows("Lucie"), "{}", done.text);
}
