//! The data a site keeps: events delivered once per subscriber by several
//! nodes sharing PostgreSQL, text PostgreSQL refuses turned away with a
//! field error on both databases, RGPD export and erase reaching every
//! plugin, and the daily retention task.

use std::collections::BTreeMap;

use estive_core::events::{dispatch, outbox};
use estive_core::testing::{Builder, Database, SITE, TestHost};
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
                    dispatch::drain(&state).await.unwrap();
                }
            }));
        }
    }
    for w in workers {
        w.await.unwrap();
    }
    dispatch::drain(&host.state).await.unwrap();

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
