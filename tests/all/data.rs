//! The data a site keeps: events delivered once per subscriber by several
//! nodes sharing PostgreSQL, text PostgreSQL refuses turned away with a
//! field error on both databases, RGPD export and erase reaching every
//! plugin, and the daily retention task.

use std::collections::BTreeMap;

use estive_core::events::{dispatch, outbox};
use estive_testing::{Builder, Database, SITE, TestHost};
use sea_orm::{ConnectionTrait, Statement};

use crate::fixtures::fixture;

/// Rows of a query's first column, read as text on either database.
async fn texts(host: &TestHost, sql: &str) -> Vec<String> {
    let db = &host.state.platform.db;
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_nodes_on_postgres_handle_each_event_once_per_subscriber() {
    const EVENTS: usize = 300;
    let host = Builder::default()
        .plugin(fixture("hello"))
        .database(Database::postgres())
        .start()
        .await
        .unwrap();
    let other = host.second_node().await.unwrap();
    let site_id = host.state.platform.snapshot().site(SITE).unwrap().id;
    for n in 0..EVENTS {
        outbox::publish(
            &host.state.platform.db,
            site_id,
            "hello.greeted",
            &serde_json::json!({ "n": n }).to_string(),
        )
        .await
        .unwrap();
    }
    // Three dispatchers per node, all at once, as the nodes' background
    // loops and a CLI drain would be.
    let mut workers = Vec::new();
    for state in [host.state.clone(), other.clone()] {
        for _ in 0..3 {
            let state = state.clone();
            workers.push(tokio::spawn(async move {
                for _ in 0..5 {
                    dispatch::drain(&state.platform).await.unwrap();
                }
            }));
        }
    }
    for w in workers {
        w.await.unwrap();
    }
    dispatch::drain(&host.state.platform).await.unwrap();

    let mut calls: BTreeMap<String, usize> = BTreeMap::new();
    for payload in texts(
        &host,
        "SELECT CAST(payload AS TEXT) FROM p_hello__seen WHERE topic = 'hello.greeted'",
    )
    .await
    {
        let n = serde_json::from_str::<serde_json::Value>(&payload).unwrap()["n"].to_string();
        *calls.entry(n).or_default() += 1;
    }
    let twice: Vec<_> = calls.iter().filter(|(_, c)| **c > 1).collect();
    assert!(
        twice.is_empty(),
        "{} of {EVENTS} events were handled more than once: {twice:?}",
        twice.len()
    );
    assert_eq!(calls.len(), EVENTS, "every event is handled");
}

/// How many rows a query counts (first column, an integer).
async fn count(host: &TestHost, sql: &str) -> i64 {
    let db = &host.state.platform.db;
    db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap()
}

const REFUSED_FR: &str = "ne peut pas être enregistré";

async fn nul_is_refused_with_a_field_error_on(database: Database) {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .database(database)
        .start()
        .await
        .unwrap();

    // Sign-in: a field error, nobody signed in, no attempt recorded.
    let visitor = host.client();
    visitor.get("/login").await.unwrap();
    let attempts = count(&host, "SELECT COUNT(*) FROM login_attempts").await;
    let page = visitor
        .post_form_no_follow(
            "/login",
            &[
                ("username", "admin\0"),
                ("password", estive_testing::PASSWORD),
                ("next", "/"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(
        page.contains("username") && page.contains(REFUSED_FR),
        "{}",
        page.text
    );
    assert_eq!(
        count(&host, "SELECT COUNT(*) FROM login_attempts").await,
        attempts
    );
    assert!(
        visitor
            .cookie("estive_session")
            .is_none_or(|c| c.is_empty())
    );

    // Profile: the field is named, the account is unchanged.
    let admin = host.login("admin").await.unwrap();
    let page = admin
        .post_form(
            "/compte/profil",
            &[("name", "Alice\0Admin"), ("email", "admin@example.org")],
        )
        .await
        .unwrap();
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(
        page.contains("name") && page.contains(REFUSED_FR),
        "{}",
        page.text
    );
    assert_eq!(
        texts(
            &host,
            "SELECT display_name FROM users WHERE username = 'admin'"
        )
        .await,
        ["Alice Admin"]
    );

    // A plugin's form, urlencoded and multipart: refused before the plugin
    // runs, nothing stored.
    let page = admin
        .post_form("/bonjour/", &[("name", "Bob\0")])
        .await
        .unwrap();
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(
        page.contains("name") && page.contains(REFUSED_FR),
        "{}",
        page.text
    );
    let page = admin
        .post_multipart("/bonjour/", &[("name", "Bob\0")], &[])
        .await
        .unwrap();
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(page.contains(REFUSED_FR), "{}", page.text);
    assert_eq!(
        count(&host, "SELECT COUNT(*) FROM p_hello__greetings").await,
        0
    );

    // In English for an English reader.
    let page = admin
        .send(
            reqwest::Method::POST,
            "/bonjour/?lang=en",
            Some(&[
                ("csrf_token".to_string(), admin.csrf_token().unwrap()),
                ("name".to_string(), "Bob\0".to_string()),
            ]),
        )
        .await
        .unwrap();
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(page.contains("cannot be stored"), "{}", page.text);

    // A query parameter and a path parameter.
    let page = admin.get("/bonjour/?q=a%00b").await.unwrap();
    assert_eq!(page.status, 422, "{}", page.text);
    let page = admin.get("/bonjour/salutations/1%00").await.unwrap();
    assert_eq!(page.status, 404, "{}", page.text);

    // The same form without the NUL goes through: the refusal is the
    // character's, not the form's.
    let page = admin
        .post_form("/bonjour/", &[("name", "Bob")])
        .await
        .unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(
        count(&host, "SELECT COUNT(*) FROM p_hello__greetings").await,
        1
    );
}

#[tokio::test]
async fn nul_in_any_field_is_a_field_error_on_sqlite() {
    nul_is_refused_with_a_field_error_on(Database::Sqlite).await;
}

#[tokio::test]
async fn nul_in_any_field_is_a_field_error_on_postgres() {
    nul_is_refused_with_a_field_error_on(Database::postgres()).await;
}

#[tokio::test]
async fn plugin_storage_refuses_what_postgres_cannot_store_on_both_databases() {
    use crate::storage::{cell, insert, open, text};
    use estive_core::storage::ops::StorageError;
    for pg in [false, true] {
        let db = open(pg).await;
        let nul = db
            .storage
            .write(
                db.scope(1),
                insert("items", vec![cell("name", text("a\0b"))]),
            )
            .await;
        assert!(
            matches!(&nul, Err(StorageError::InvalidValue(m)) if m.contains("NUL")),
            "pg={pg}: {nul:?}"
        );
        // A long value in an indexed column: PostgreSQL's index entries
        // are bounded, SQLite's are not; both refuse it the same way.
        let long: String = (0..3000)
            .map(|i| char::from(b'a' + ((i * 7919 + i / 3) % 26) as u8))
            .collect();
        let long = db
            .storage
            .write(
                db.scope(1),
                insert("items", vec![cell("name", text(&long))]),
            )
            .await;
        assert!(
            matches!(&long, Err(StorageError::InvalidValue(m)) if m.contains("indexed")),
            "pg={pg}: {long:?}"
        );
        // The same long text in a column without index is stored.
        let tags = format!("\"{}\"", "x".repeat(3000));
        let ok = db
            .storage
            .write(
                db.scope(1),
                insert(
                    "items",
                    vec![cell("name", text("ok")), cell("tags", text(&tags))],
                ),
            )
            .await;
        assert!(ok.is_ok(), "pg={pg}: {ok:?}");
    }
}

#[tokio::test]
async fn erasing_an_account_reaches_a_disabled_plugin_and_scrubs_audit_subjects() {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .start()
        .await
        .unwrap();
    let citoyen = host.login("citoyen").await.unwrap();
    let page = citoyen
        .post_form("/bonjour/", &[("name", "Claire")])
        .await
        .unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    let id: i64 = texts(
        &host,
        "SELECT CAST(id AS TEXT) FROM users WHERE username = 'citoyen'",
    )
    .await[0]
        .parse()
        .unwrap();
    let theirs = format!("SELECT COUNT(*) FROM p_hello__greetings WHERE user_id = '{id}'");
    assert_eq!(count(&host, &theirs).await, 1);
    // An administrator's action about the account names it.
    let snapshot = host.state.platform.snapshot();
    let site = snapshot.site(SITE).unwrap().clone();
    estive_core::identity::audit::record(
        &host.state.platform.db,
        site.id,
        &estive_core::storage::Actor {
            user_id: None,
            name: Some("admin".into()),
        },
        None,
        "user.roles",
        "user:citoyen",
        serde_json::json!({}),
    )
    .await
    .unwrap();

    host.state.platform.disable(SITE, "hello").await.unwrap();
    let site = host.state.platform.snapshot().site(SITE).unwrap().clone();
    assert!(site.plugin("hello").is_none(), "hello is disabled");

    // The export still shows what the disabled plugin holds.
    let export = host.state.platform.export_user(&site, id).await.unwrap();
    assert_eq!(export["plugins"]["hello"]["greetings"][0]["name"], "Claire");

    host.state.platform.erase_user(&site, id).await.unwrap();
    assert_eq!(
        count(&host, &theirs).await,
        0,
        "the disabled plugin erased its rows"
    );
    assert_eq!(
        count(
            &host,
            "SELECT COUNT(*) FROM audit_log WHERE subject LIKE '%citoyen%' OR actor LIKE '%citoyen%'"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &host,
            "SELECT COUNT(*) FROM audit_log WHERE subject LIKE 'user:erased-%'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn the_daily_retention_task_purges_what_has_expired_by_the_hosts_clock() {
    use estive_core::db::entities::{login_attempt, session, token};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    const NOW: &str = "2027-03-01T12:00:00Z";
    let now = chrono::DateTime::parse_from_rfc3339(NOW)
        .unwrap()
        .with_timezone(&chrono::Utc);
    let host = Builder::default()
        .plugin(fixture("hello"))
        .now(NOW)
        .start()
        .await
        .unwrap();
    let db = &host.state.platform.db;
    let site_id = host.state.platform.snapshot().site(SITE).unwrap().id;
    let user_id: i64 = texts(
        &host,
        "SELECT CAST(id AS TEXT) FROM users WHERE username = 'citoyen'",
    )
    .await[0]
        .parse()
        .unwrap();
    let days = chrono::TimeDelta::days;
    for (id, expires) in [("expired", now - days(1)), ("live", now + days(1))] {
        session::ActiveModel {
            id: Set(id.into()),
            site_id: Set(site_id),
            user_id: Set(user_id),
            created_at: Set(now - days(20)),
            expires_at: Set(expires),
            last_seen_at: Set(now - days(2)),
        }
        .insert(db)
        .await
        .unwrap();
    }
    for (id, expires, used) in [
        ("t-expired", now - days(1), None),
        ("t-used", now + days(1), Some(now - days(1))),
        ("t-live", now + days(1), None),
    ] {
        token::ActiveModel {
            id: Set(id.into()),
            kind: Set("reset".into()),
            site_id: Set(site_id),
            user_id: Set(Some(user_id)),
            data: Set(String::new()),
            expires_at: Set(expires),
            used_at: Set(used),
        }
        .insert(db)
        .await
        .unwrap();
    }
    for (key, at) in [("old", now - days(2)), ("recent", now - days(0))] {
        login_attempt::ActiveModel {
            site_id: Set(site_id),
            key: Set(key.into()),
            at: Set(at),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    for (subject, at) in [("old", now - days(400)), ("recent", now - days(300))] {
        let mut entry = estive_core::identity::audit::entry(
            site_id,
            &estive_core::storage::Actor::default(),
            None,
            "test.action",
            subject,
            serde_json::json!({ "secret": "details" }),
        );
        entry.at = Set(at);
        entry.insert(db).await.unwrap();
    }

    // Run by the scheduler, as a node's background loop does: once.
    let ran = estive_core::events::schedule::tick(&host.state.platform)
        .await
        .unwrap();
    assert_eq!(ran, 1, "the host's retention task ran");
    assert_eq!(
        estive_core::events::schedule::tick(&host.state.platform)
            .await
            .unwrap(),
        0,
        "and is not due again the same day"
    );

    assert_eq!(
        texts(
            &host,
            "SELECT id FROM sessions WHERE id IN ('expired', 'live')"
        )
        .await,
        ["live"]
    );
    let mut tokens = texts(&host, "SELECT id FROM tokens WHERE id LIKE 't-%'").await;
    tokens.sort();
    assert_eq!(tokens, ["t-live"]);
    assert_eq!(
        texts(&host, "SELECT key FROM login_attempts").await,
        ["recent"]
    );
    assert_eq!(
        audit_entry_details(&host, "old").await,
        "null",
        "details older than 12 months are cleared"
    );
    assert!(
        audit_entry_details(&host, "recent")
            .await
            .contains("secret"),
        "recent details are kept"
    );
}

async fn audit_entry_details(host: &TestHost, subject: &str) -> String {
    texts(
        host,
        &format!("SELECT details FROM audit_log WHERE subject = '{subject}'"),
    )
    .await
    .remove(0)
}
