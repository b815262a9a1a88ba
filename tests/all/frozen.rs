//! The frozen API 1.0 component (`tests/frozen/api-1.0/`): built once against
//! `wit/v1.0.0` and committed as `plugin.wasm`, installed here as it is
//! (nothing is built) and used as a person would. Whatever API versions the
//! host serves later, a plugin built for estive:plugin@1.0.0 must keep
//! working exactly so: these tests fail when a conversion between versions
//! loses or changes something.
//!
//! The component shows every stored value with the variant the host handed
//! it (`integer:42`, `text:…`, `bytes:616263`, `null`), so the pages read
//! here are what crossed the 1.0 boundary.

use std::collections::BTreeMap;
use std::path::PathBuf;

use estive_core::package::Package;
use estive_testing::{Builder, Client, Page, TestHost};

/// The clock of every test host here: 09:00 UTC, 10:00 in Paris.
const NOW: &str = "2026-12-07T10:00:00+01:00";

/// Where the plugin is mounted on the portal (its `default-path`).
const BASE: &str = "/gele";

fn frozen_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("frozen/api-1.0")
}

/// The committed package: `plugin.wasm`, `plugin.toml`, `templates/**` and
/// `locales/**`, read as they are.
fn frozen_package() -> Package {
    Package::read(&frozen_dir())
        .expect("the committed frozen package passes the checks (see its README)")
}

async fn start(builder: Builder) -> TestHost {
    builder
        .package(frozen_package())
        .now(NOW)
        .start()
        .await
        .expect("test host starts")
}

async fn host() -> TestHost {
    start(Builder::default()).await
}

/// What minijinja's autoescape writes, undone.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

/// Whether the page shows `text` (compared with the page unescaped).
fn shows(page: &Page, text: &str) -> bool {
    unescape(&page.text).contains(text)
}

/// The text of the element with this `id` (up to its first child tag).
fn by_id(page: &Page, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let at = page
        .text
        .find(&marker)
        .unwrap_or_else(|| panic!("no #{id} on {}: {}", page.path, page.text));
    let rest = &page.text[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = rest[start..].find('<').unwrap() + start;
    unescape(&rest[start..end])
}

/// The ids of the notes listed, in the page's order.
fn listed(page: &Page) -> Vec<i64> {
    page.text
        .split("<tr id=\"note-")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap())
        .collect()
}

/// The cells (`data-column` → text) of the table row with this `id`.
fn row(page: &Page, id: &str) -> BTreeMap<String, String> {
    let at = page
        .text
        .find(&format!("<tr id=\"{id}\""))
        .unwrap_or_else(|| panic!("no row {id}: {}", page.text));
    let rest = &page.text[at..];
    let rest = &rest[..rest.find("</tr>").unwrap()];
    cells(rest)
}

fn cells(html: &str) -> BTreeMap<String, String> {
    html.split("data-column=\"")
        .skip(1)
        .map(|part| {
            let column = &part[..part.find('"').unwrap()];
            let start = part.find('>').unwrap() + 1;
            let end = part[start..].find('<').unwrap() + start;
            (column.to_string(), unescape(&part[start..end]))
        })
        .collect()
}

/// Every row of the table with this `id`, as cells.
fn table_rows(page: &Page, id: &str) -> Vec<BTreeMap<String, String>> {
    let at = page
        .text
        .find(&format!("<table id=\"{id}\""))
        .unwrap_or_else(|| panic!("no table {id}: {}", page.text));
    let rest = &page.text[at..];
    let table = &rest[..rest.find("</table>").unwrap()];
    table.split("<tr>").skip(2).map(cells).collect()
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Fill the list page's form as a person would and send it.
async fn add_note(c: &Client, fields: &[(&str, &str)]) -> Page {
    let page = c.get(&format!("{BASE}/")).await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    let mut form = page.form_with("name").unwrap();
    for (name, value) in fields {
        match *name {
            "done" => form.check("done", value).unwrap(),
            _ => form.set(name, value).unwrap(),
        };
    }
    form.submit(c).await.unwrap()
}

/// A note with a value in every column.
const FULL: &[(&str, &str)] = &[
    ("name", "Première note"),
    ("status", "closed"),
    ("count", "42"),
    ("ratio", "2.5"),
    ("done", "yes"),
    ("due", "2026-12-24"),
    ("at", "2026-12-07T10:00:00+01:00"),
    ("meta", "{\"b\": 1, \"a\": [true, null, \"é\"]}"),
    ("blob", "abc"),
];

/// How the component shows the note [`FULL`] after the host stored it.
fn full_cells() -> BTreeMap<String, String> {
    map(&[
        ("name", "text:Première note"),
        ("slug", "text:première-note"),
        ("status", "text:closed"),
        ("count", "integer:42"),
        ("ratio", "float:2.5"),
        ("done", "boolean:true"),
        ("due", "text:2026-12-24"),
        // Stored in UTC; under API 1.0 a datetime is read back as text.
        ("at", "text:2026-12-07T09:00:00Z"),
        // JSON is kept as written, as text.
        ("meta", "text:{\"b\": 1, \"a\": [true, null, \"é\"]}"),
        ("blob", "bytes:616263"),
        ("user_id", "null"),
    ])
}

/// FNV-1a, 64 bits: enough to notice any change to a file (no hashing
/// crate is a dependency of these tests).
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[test]
fn the_api_1_0_wit_is_never_edited() {
    // Taken when the frozen component was built; its SHA-256 is in
    // tests/frozen/api-1.0/plugin.wit.sha256 (`sha256sum -c` it there).
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../wit/v1.0.0");
    let files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["plugin.wit"], "nothing is added to wit/v1.0.0");
    let wit = std::fs::read(folder.join("plugin.wit")).unwrap();
    assert_eq!(
        (wit.len(), fnv1a64(&wit)),
        (23_394, 0xc5f7_b683_04c7_7c4e),
        "wit/v1.0.0/plugin.wit changed: a published API is never edited (add a new version beside it)"
    );
    let recorded = std::fs::read_to_string(frozen_dir().join("plugin.wit.sha256")).unwrap();
    assert!(
        recorded.starts_with("9a681ea6fc4059a530633a7ede9971a3597c889bca08bd8c4354bf7349e37404 "),
        "{recorded}"
    );
}

#[test]
fn the_committed_component_is_stamped_for_api_1_0() {
    let package = frozen_package();
    assert_eq!(package.api_version.to_string(), "1.0.0");
    assert_eq!(package.name(), "frozen");
    assert_eq!(package.version().to_string(), "1.0.0");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_note_with_every_column_type_is_written_from_the_form_and_read_back_exactly() {
    let host = host().await;
    let c = host.client();

    let empty = c.get(&format!("{BASE}/")).await.unwrap();
    assert_eq!(empty.status, 200, "{}", empty.text);
    assert!(
        shows(&empty, "<h1 class=\"page-title\">Notes gelées</h1>"),
        "{}",
        empty.text
    );
    assert!(
        !shows(&empty, "<nav class=\"breadcrumb\""),
        "{}",
        empty.text
    );
    assert_eq!(by_id(&empty, "summary"), "0 note");
    assert_eq!(by_id(&empty, "count"), "integer:0");
    // config.settings with the manifest's defaults, clock.now, the context.
    assert_eq!(by_id(&empty, "motto"), "Rien ne se perd");
    assert_eq!(by_id(&empty, "ctx-page-size"), "50");
    assert_eq!(by_id(&empty, "today-date"), "2026-12-07");
    assert_eq!(
        by_id(&empty, "ctx-site"),
        "test | Communauté de communes de Test | Europe/Paris | http://test.localhost"
    );
    assert_eq!(by_id(&empty, "ctx-locale"), "fr");
    let mounts = by_id(&empty, "ctx-mounts");
    assert!(
        mounts.contains("portal=/gele") && mounts.contains("extranet=/extranet/gele"),
        "{mounts}"
    );
    assert_eq!(by_id(&empty, "ctx-user"), "anonymous");
    assert_eq!(by_id(&empty, "ctx-visitor"), "true");

    let page = add_note(&c, FULL).await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(page.path, format!("{BASE}/"), "redirected to the list");
    assert!(
        page.contains("Note enregistrée."),
        "the notice: {}",
        page.text
    );
    assert_eq!(by_id(&page, "summary"), "1 note");
    assert_eq!(by_id(&page, "count"), "integer:1");
    let ids = listed(&page);
    assert_eq!(ids.len(), 1, "{}", page.text);
    let id = ids[0];
    assert_eq!(row(&page, &format!("note-{id}")), full_cells());

    // The detail page asks for no columns: `id` and every declared one, in
    // the manifest's order.
    let detail = c.get(&format!("{BASE}/notes/{id}")).await.unwrap();
    assert_eq!(detail.status, 200, "{}", detail.text);
    assert_eq!(
        by_id(&detail, "columns"),
        "id,name,slug,status,count,ratio,done,due,at,meta,blob,user_id"
    );
    assert_eq!(by_id(&detail, "col-id"), format!("integer:{id}"));
    // The view's title is the page's heading; the context's `breadcrumb`
    // (API 1.0's only way to give one) is shown above it.
    assert!(
        shows(&detail, "<h1 class=\"page-title\">Première note</h1>"),
        "{}",
        detail.text
    );
    assert!(
        shows(&detail, "<nav class=\"breadcrumb\"")
            && shows(&detail, "<li><a href=\"/gele/\">Notes gelées</a></li>")
            && shows(
                &detail,
                "<li><span aria-current=\"page\">Première note</span></li>"
            ),
        "{}",
        detail.text
    );
    for (column, value) in full_cells() {
        assert_eq!(by_id(&detail, &format!("col-{column}")), value, "{column}");
    }

    // Optional columns left empty are NULL; the boolean is false.
    let page = add_note(&c, &[("name", "Seconde")]).await;
    assert_eq!(page.status, 200, "{}", page.text);
    let second = *listed(&page).iter().find(|n| **n != id).unwrap();
    assert_eq!(
        row(&page, &format!("note-{second}")),
        map(&[
            ("name", "text:Seconde"),
            ("slug", "text:seconde"),
            ("status", "text:open"),
            ("count", "null"),
            ("ratio", "null"),
            ("done", "boolean:false"),
            ("due", "null"),
            ("at", "null"),
            ("meta", "null"),
            ("blob", "null"),
            ("user_id", "null"),
        ])
    );
    assert_eq!(by_id(&page, "summary"), "2 notes");

    // A signed-in author's id is stored as text.
    let elu = host.login("elu").await.unwrap();
    let page = add_note(&elu, &[("name", "De l'élue")]).await;
    assert_eq!(by_id(&page, "ctx-user"), "Élodie Élue");
    let hers = *listed(&page)
        .iter()
        .find(|n| **n != id && **n != second)
        .unwrap();
    let user_id = &row(&page, &format!("note-{hers}"))["user_id"];
    assert!(
        user_id.starts_with("text:") && user_id.len() > 5,
        "{user_id}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_form_is_refused_with_its_field_errors_and_nothing_is_written() {
    let host = host().await;
    let c = host.client();
    // The name is checked by the plugin, not by the browser.
    let page = add_note(&c, &[("name", "")]).await;
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(page.contains("error-field\">name<"), "{}", page.text);
    assert!(page.contains("Le nom est obligatoire."), "{}", page.text);

    let page = add_note(&c, &[("name", "Compte"), ("count", "douze")]).await;
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(page.contains("error-field\">count<"), "{}", page.text);
    assert!(shows(&page, "Ce n'est pas un nombre."), "{}", page.text);

    // A value the host refuses (storage-error invalid-value) comes back to
    // the plugin, which names the column.
    for (field, value) in [
        ("due", "2026-13-45"),
        ("at", "demain matin"),
        ("meta", "{pas du json"),
    ] {
        let page = add_note(&c, &[("name", "Refusée"), (field, value)]).await;
        assert_eq!(page.status, 422, "{field}: {}", page.text);
        assert!(
            page.contains(&format!("error-field\">{field}<")),
            "{field}: {}",
            page.text
        );
    }

    // A name taken (storage-error conflict on the unique slug) is a 409.
    assert_eq!(add_note(&c, &[("name", "Unique")]).await.status, 200);
    let page = add_note(&c, &[("name", "unique")]).await;
    assert_eq!(page.status, 409, "{}", page.text);
    assert!(
        page.contains("Une note porte déjà ce nom."),
        "{}",
        page.text
    );

    let list = c.get(&format!("{BASE}/")).await.unwrap();
    assert_eq!(by_id(&list, "summary"), "1 note", "{}", list.text);
    // Only the transaction that committed published its event.
    assert_eq!(host.deliver_events().await.unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_is_filtered_and_ordered_and_notes_are_renamed_archived_and_deleted() {
    let host = host().await;
    let c = host.client();
    for fields in [
        &[
            ("name", "Alpha"),
            ("done", "yes"),
            ("at", "2026-12-01T08:00:00Z"),
        ][..],
        &[
            ("name", "Beta"),
            ("status", "closed"),
            ("at", "2026-12-03T08:00:00Z"),
        ][..],
        &[
            ("name", "Gamma"),
            ("done", "yes"),
            ("at", "2026-12-02T08:00:00+02:00"),
        ][..],
    ] {
        assert_eq!(add_note(&c, fields).await.status, 200);
    }
    let names = |page: &Page| -> Vec<String> {
        listed(page)
            .iter()
            .map(|id| row(page, &format!("note-{id}"))["name"].clone())
            .collect()
    };
    let list = c.get(&format!("{BASE}/")).await.unwrap();
    // Newest `at` first.
    assert_eq!(
        names(&list),
        ["text:Beta", "text:Gamma", "text:Alpha"],
        "{}",
        list.text
    );
    let ids: BTreeMap<String, i64> = listed(&list)
        .into_iter()
        .map(|id| (row(&list, &format!("note-{id}"))["name"].clone(), id))
        .collect();

    // The search form: words matched case-insensitively; done only (eq on
    // a boolean).
    let mut search = list.form_with("q").unwrap();
    search.set("q", "GAM").unwrap();
    let found = search.submit(&c).await.unwrap();
    assert_eq!(found.status, 200, "{}", found.text);
    assert_eq!(names(&found), ["text:Gamma"]);
    assert_eq!(by_id(&found, "summary"), "1 note");
    let mut search = list.form_with("q").unwrap();
    search.check("done", "1").unwrap();
    let done = search.submit(&c).await.unwrap();
    assert_eq!(names(&done), ["text:Gamma", "text:Alpha"]);
    assert_eq!(by_id(&done, "count"), "integer:2");

    // Rename (update).
    let alpha = ids["text:Alpha"];
    let detail = c.get(&format!("{BASE}/notes/{alpha}")).await.unwrap();
    let mut form = detail.form(&format!("{BASE}/notes/{alpha}")).unwrap();
    assert_eq!(form.value("name").as_deref(), Some("Alpha"));
    form.set("name", "Alpha renommée").unwrap();
    let page = form.submit_with(&c, "action", "rename").await.unwrap();
    assert_eq!(page.path, format!("{BASE}/notes/{alpha}"));
    assert!(page.contains("Note renommée."), "{}", page.text);
    assert_eq!(by_id(&page, "col-name"), "text:Alpha renommée");
    assert_eq!(by_id(&page, "col-slug"), "text:alpha", "the slug stays");
    // An empty name is refused.
    let mut form = page.form(&format!("{BASE}/notes/{alpha}")).unwrap();
    form.set("name", "   ").unwrap();
    let refused = form.submit_with(&c, "action", "rename").await.unwrap();
    assert_eq!(refused.status, 422, "{}", refused.text);

    // Archive (update): out of the list (one-of open, closed), still shown.
    let beta = ids["text:Beta"];
    let detail = c.get(&format!("{BASE}/notes/{beta}")).await.unwrap();
    let page = detail
        .form(&format!("{BASE}/notes/{beta}"))
        .unwrap()
        .submit_with(&c, "action", "archive")
        .await
        .unwrap();
    assert_eq!(page.path, format!("{BASE}/"));
    assert!(page.contains("Note archivée."), "{}", page.text);
    assert_eq!(names(&page), ["text:Gamma", "text:Alpha renommée"]);
    assert_eq!(by_id(&page, "summary"), "2 notes");
    let archived = c.get(&format!("{BASE}/notes/{beta}")).await.unwrap();
    assert_eq!(by_id(&archived, "col-status"), "text:archived");

    // Delete.
    let gamma = ids["text:Gamma"];
    let detail = c.get(&format!("{BASE}/notes/{gamma}")).await.unwrap();
    let page = detail
        .form(&format!("{BASE}/notes/{gamma}"))
        .unwrap()
        .submit_with(&c, "action", "delete")
        .await
        .unwrap();
    assert!(page.contains("Note supprimée."), "{}", page.text);
    assert_eq!(names(&page), ["text:Alpha renommée"]);
    let gone = c.get(&format!("{BASE}/notes/{gamma}")).await.unwrap();
    assert_eq!(gone.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_note_is_a_404_with_the_plugins_message() {
    let host = host().await;
    let c = host.client();
    for path in ["/notes/999", "/notes/pas-un-nombre"] {
        let page = c.get(&format!("{BASE}{path}")).await.unwrap();
        assert_eq!(page.status, 404, "{path}: {}", page.text);
        assert!(
            shows(&page, "Cette note n'existe pas."),
            "{path}: {}",
            page.text
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_notes_download_as_csv() {
    let host = host().await;
    let c = host.client();
    assert_eq!(add_note(&c, FULL).await.status, 200);
    assert_eq!(add_note(&c, &[("name", "Seconde")]).await.status, 200);
    let list = c.get(&format!("{BASE}/")).await.unwrap();
    assert!(
        shows(&list, &format!("href=\"{BASE}/notes.csv\"")),
        "{}",
        list.text
    );
    let ids = {
        let mut ids = listed(&list);
        ids.sort();
        ids
    };

    let csv = c.get(&format!("{BASE}/notes.csv")).await.unwrap();
    assert_eq!(csv.status, 200, "{}", csv.text);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    let disposition = csv.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment") && disposition.contains("notes.csv"),
        "{disposition}"
    );
    assert_eq!(
        csv.text,
        format!(
            "id,name,slug,status,count,ratio,done,due,at,meta,blob,user_id\r\n\
             {},Première note,première-note,closed,42,2.5,true,2026-12-24,2026-12-07T09:00:00Z,\"{{\"\"b\"\": 1, \"\"a\"\": [true, null, \"\"é\"\"]}}\",616263,\r\n\
             {},Seconde,seconde,open,,,false,,,,,\r\n",
            ids[0], ids[1]
        )
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_and_schedules_reach_the_plugin_and_show_on_the_permitted_extranet_page() {
    let host = host().await;
    let c = host.client();
    assert_eq!(add_note(&c, FULL).await.status, 200);
    // The transaction published `frozen.noted`, to which it subscribes.
    assert_eq!(host.deliver_events().await.unwrap(), 1);
    assert_eq!(host.deliver_events().await.unwrap(), 0, "delivered once");
    host.run_schedule("frozen", "tick").await.unwrap();
    assert!(host.run_schedule("frozen", "nope").await.is_err());

    let path = "/extranet/gele/";
    let anonymous = host.client().get(path).await.unwrap();
    assert!(
        anonymous.path.starts_with("/login?next="),
        "anonymous visitors are sent to sign in: {}",
        anonymous.path
    );
    for refused in ["citoyen", "agent"] {
        let page = host.login(refused).await.unwrap().get(path).await.unwrap();
        assert_eq!(page.status, 403, "{refused}: {}", page.text);
    }
    let elu = host.login("elu").await.unwrap();
    let page = elu.get(path).await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(
        by_id(&page, "viewer"),
        "Élodie Élue | elected | frozen.review | "
    );

    let received = table_rows(&page, "received");
    assert_eq!(received.len(), 1, "{}", page.text);
    let event = &received[0];
    assert!(event["event_id"].starts_with("integer:"), "{event:?}");
    assert_eq!(event["topic"], "text:frozen.noted");
    assert_eq!(
        event["payload"],
        "text:{\"name\":\"Première note\",\"slug\":\"première-note\"}"
    );
    let published = event["published_at"]
        .strip_prefix("text:")
        .unwrap_or_else(|| panic!("{event:?}"));
    assert!(
        published.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(published).is_ok(),
        "{published}"
    );

    let ticks = table_rows(&page, "ticks");
    assert_eq!(ticks.len(), 1, "{}", page.text);
    assert_eq!(ticks[0]["task"], "text:tick");
    // clock.now's local time, stored as a datetime: read back in UTC.
    assert_eq!(ticks[0]["at"], "text:2026-12-07T09:00:00Z");

    // Another event of the topic, published by the host, is another row
    // (the plugin's upsert is keyed on the event's id).
    host.publish("frozen.noted", &serde_json::json!({ "name": "À la main" }))
        .await
        .unwrap();
    let page = elu.get(path).await.unwrap();
    let received = table_rows(&page, "received");
    assert_eq!(received.len(), 2, "{}", page.text);
    assert_eq!(received[1]["payload"], "text:{\"name\":\"À la main\"}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_widget_shows_on_the_portal_home() {
    let host = host().await;
    let c = host.client();
    let home = c.get("/").await.unwrap();
    assert_eq!(home.status, 200, "{}", home.text);
    assert!(
        home.contains("Notes gelées"),
        "the widget's title: {}",
        home.text
    );
    assert_eq!(by_id(&home, "frozen-widget"), "0 note");
    assert_eq!(add_note(&c, FULL).await.status, 200);
    assert_eq!(add_note(&c, &[("name", "Dernière")]).await.status, 200);
    let home = c.get("/").await.unwrap();
    assert_eq!(by_id(&home, "frozen-widget"), "2 notes – ");
    assert_eq!(by_id(&home, "frozen-latest"), "text:Dernière");
    assert!(
        shows(&home, &format!("href=\"{BASE}/\"")),
        "the widget's link to its route: {}",
        home.text
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sites_settings_reach_the_plugin() {
    let host = start(
        Builder::default()
            .setting("frozen", "motto", "Tout se transforme")
            .setting("frozen", "page_size", 1),
    )
    .await;
    let c = host.client();
    assert_eq!(add_note(&c, &[("name", "Une")]).await.status, 200);
    let page = add_note(&c, &[("name", "Deux")]).await;
    assert_eq!(by_id(&page, "motto"), "Tout se transforme");
    assert_eq!(by_id(&page, "ctx-page-size"), "1");
    assert_eq!(listed(&page).len(), 1, "the limit: {}", page.text);
    assert_eq!(
        by_id(&page, "summary"),
        "2 notes",
        "the count is not limited"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_transaction_writes_its_audit_entry() {
    let host = host().await;
    assert_eq!(add_note(&host.client(), FULL).await.status, 200);
    let admin = host.login("admin").await.unwrap();
    let log = admin.get("/admin/audit?plugin=frozen").await.unwrap();
    assert_eq!(log.status, 200, "{}", log.text);
    assert!(log.contains("note.created"), "{}", log.text);
    assert!(shows(&log, "note:première-note"), "{}", log.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_downloads_their_notes_and_deleting_the_account_erases_them() {
    let host = host().await;
    let citoyen = host.login("citoyen").await.unwrap();
    assert_eq!(add_note(&citoyen, FULL).await.status, 200);
    let elu = host.login("elu").await.unwrap();
    assert_eq!(add_note(&elu, &[("name", "De l'élue")]).await.status, 200);

    let data = citoyen.get("/compte/donnees.json").await.unwrap();
    assert_eq!(data.status, 200, "{}", data.text);
    let v: serde_json::Value = serde_json::from_str(&data.text).unwrap();
    assert_eq!(
        v["plugins"]["frozen"],
        serde_json::json!({ "notes": [{
            "name": "Première note",
            "slug": "première-note",
            "at": "2026-12-07T09:00:00Z",
            "meta": "{\"b\": 1, \"a\": [true, null, \"é\"]}",
        }] }),
        "only their own notes: {}",
        data.text
    );

    let page = citoyen
        .post_form(
            "/compte/supprimer",
            &[("password", estive_testing::PASSWORD)],
        )
        .await
        .unwrap();
    assert!(page.contains("Votre compte est supprimé."), "{}", page.text);
    let list = host.client().get(&format!("{BASE}/")).await.unwrap();
    let names: Vec<String> = listed(&list)
        .iter()
        .map(|id| row(&list, &format!("note-{id}"))["name"].clone())
        .collect();
    assert_eq!(
        names,
        ["text:De l'élue"],
        "their notes are erased, not others'"
    );
}
