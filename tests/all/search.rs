//! Ranked full-text search over a table's declared `search` columns,
//! through the host's storage layer, on a real SQLite file and on
//! PostgreSQL: every test runs on both. The index is the database's own
//! (FTS5 with triggers, a generated `tsvector`), so these tests write
//! through the ordinary operations and search what they wrote.

use std::sync::Arc;

use estive_core::package::Manifest;
use estive_core::storage::ops::*;
use estive_core::storage::{Actor, Scope};
use sea_orm::{ConnectionTrait, DbBackend};

use super::storage::{Db, cell, insert, open_with, select, text};

const MANIFEST: &str = r#"
name = "news"
version = "1.0.0"
api = "^1.0"
title = { fr = "Actualités" }
default-path = "actualites"

[[tables]]
name = "articles"
columns = [
  { name = "title", type = "text", required = true },
  { name = "body", type = "text" },
  { name = "kind", type = "text", required = true, default = "news" },
  { name = "published", type = "boolean", required = true, default = true },
]
indexes = [["kind"]]
search = ["title", "body"]

[[tables]]
name = "notes"
columns = [{ name = "text", type = "text" }]
"#;

async fn open(pg: bool) -> Db {
    open_with(MANIFEST, pg).await
}

/// Run an async test body on SQLite and on PostgreSQL.
macro_rules! both {
    ($name:ident, |$db:ident| $body:block) => {
        mod $name {
            use super::*;
            async fn run($db: Db) $body
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                run(open(false).await).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                run(open(true).await).await
            }
        }
    };
}

static ACTOR: std::sync::LazyLock<Actor> = std::sync::LazyLock::new(Actor::default);

fn pg(db: &Db) -> bool {
    db.storage.backend() == DbBackend::Postgres
}

/// Write articles `(title, body)` on `site`; their ids.
async fn articles(db: &Db, site: i64, rows: &[(&str, &str)]) -> Vec<i64> {
    let ops = rows
        .iter()
        .map(|(title, body)| {
            insert(
                "articles",
                vec![cell("title", text(title)), cell("body", text(body))],
            )
        })
        .collect();
    db.storage
        .transaction(db.scope(site), ops)
        .await
        .unwrap()
        .into_iter()
        .map(|o| match o {
            Outcome::Inserted(id) => id,
            other => panic!("{other:?}"),
        })
        .collect()
}

/// Search articles of `site` for `words`; every column and the rank.
async fn find(db: &Db, site: i64, words: &str) -> Result<Rows, StorageError> {
    find_in(db, db.scope(site), words, vec![]).await
}

async fn find_in(
    db: &Db,
    scope: Scope<'_>,
    words: &str,
    filter: Vec<Condition>,
) -> Result<Rows, StorageError> {
    db.storage
        .search(
            scope,
            TextSearch {
                table: "articles".into(),
                text: words.into(),
                columns: vec![],
                filter,
                limit: None,
                offset: None,
            },
        )
        .await
}

/// The ids of the rows found, best first.
fn ids(rows: &Rows) -> Vec<i64> {
    let at = rows.columns.iter().position(|c| c == "id").unwrap();
    rows.rows
        .iter()
        .map(|r| match r[at] {
            Value::Integer(id) => id,
            ref other => panic!("{other:?}"),
        })
        .collect()
}

fn ranks(rows: &Rows) -> Vec<f64> {
    assert_eq!(rows.columns.last().map(String::as_str), Some("rank"));
    rows.rows
        .iter()
        .map(|r| match r.last() {
            Some(Value::Float(f)) => *f,
            other => panic!("{other:?}"),
        })
        .collect()
}

async fn found(db: &Db, site: i64, words: &str) -> Vec<i64> {
    ids(&find(db, site, words).await.unwrap())
}

/// On SQLite, FTS5 checks its index against the table's rows (an
/// external-content index out of step with its table fails this).
async fn index_in_step(db: &Db) {
    if !pg(db) {
        db.storage
            .db
            .execute_unprepared(
                r#"INSERT INTO "p_news__articles__fts"("p_news__articles__fts") VALUES ('integrity-check')"#,
            )
            .await
            .expect("the FTS5 index is in step with its table");
    }
}

both!(better_matches_come_first_with_their_rank, |db| {
    let ids = articles(
        &db,
        1,
        &[
            ("Conseil municipal", "On y parle du vélo une fois."),
            ("Vélo : la fête du vélo", "Programme de la journée."),
            ("Marché", "Légumes et fromages."),
            ("Conseil municipal", "On y parle du vélo une fois."),
            ("Voirie", "Réfection de la rue haute."),
            ("Bibliothèque", "Nouveaux horaires."),
            ("Piscine", "Vidange annuelle."),
        ],
    )
    .await;
    let rows = find(&db, 1, "vélo").await.unwrap();
    assert_eq!(
        rows.columns,
        ["id", "title", "body", "kind", "published", "rank"]
    );
    // Twice in the title ranks above once in the body; the same text
    // ranks the same, then by id.
    assert_eq!(super::ids(&rows), [ids[1], ids[0], ids[3]]);
    let r = ranks(&rows);
    assert!(r[0] > r[1] && r[1] > 0.0, "{r:?}");
    assert!((r[1] - r[2]).abs() < 1e-9, "{r:?}");
    assert_eq!(rows.rows[0][1], text("Vélo : la fête du vélo"));
    assert_eq!(rows.rows[0][4], Value::Boolean(true));

    // Asked columns, then the rank.
    let rows = db
        .storage
        .search(
            db.scope(1),
            TextSearch {
                table: "articles".into(),
                text: "vélo".into(),
                columns: vec!["title".into()],
                filter: vec![],
                limit: Some(1),
                offset: Some(1),
            },
        )
        .await
        .unwrap();
    assert_eq!(rows.columns, ["title", "rank"]);
    assert_eq!(
        rows.rows,
        [vec![text("Conseil municipal"), rows.rows[0][1].clone()]]
    );
});

both!(accents_and_the_start_of_the_last_word, |db| {
    let ids = articles(
        &db,
        1,
        &[
            ("École de musique", "Inscriptions ouvertes."),
            ("Vélo-école", "Apprendre à rouler."),
            ("Écoles", "La rentrée des écoles du canton."),
        ],
    )
    .await;
    let mut e = found(&db, 1, "école").await;
    e.sort();
    assert_eq!(
        e, ids,
        "`école` finds école, vélo-école and écoles (as a prefix)"
    );
    let ecole = found(&db, 1, "ecole").await;
    if pg(&db) {
        // The `french` configuration stems words but keeps their accents.
        assert!(ecole.is_empty(), "{ecole:?}");
        // Stemming: `écoles` and `école` are one word (not only a prefix).
        assert_eq!(found(&db, 1, "écoles musique").await, [ids[0]]);
    } else {
        // unicode61 with remove_diacritics 2: accents are ignored.
        let mut ecole = ecole;
        ecole.sort();
        assert_eq!(ecole, ids);
        assert_eq!(found(&db, 1, "ECOLE MUSIQUE").await, [ids[0]]);
    }
    // The last word is a prefix; the others are whole words.
    assert_eq!(found(&db, 1, "mus").await, [ids[0]]);
    assert_eq!(found(&db, 1, "école mus").await, [ids[0]]);
    assert_eq!(found(&db, 1, "Vél").await, [ids[1]]);
    assert!(found(&db, 1, "vél école").await.is_empty());
    assert!(found(&db, 1, "musi école").await.is_empty());
});

both!(every_word_is_required, |db| {
    let ids = articles(
        &db,
        1,
        &[
            ("Fête du village", "Sous la halle, samedi."),
            ("Fête de la musique", "Place de la mairie."),
            ("Halle rénovée", "Les travaux sont finis."),
        ],
    )
    .await;
    assert_eq!(found(&db, 1, "fête").await.len(), 2);
    // Words of the title and of the body, in any order.
    assert_eq!(found(&db, 1, "halle fête").await, [ids[0]]);
    assert_eq!(found(&db, 1, "samedi village").await, [ids[0]]);
    assert!(found(&db, 1, "fête travaux").await.is_empty());
});

both!(another_sites_rows_never_come_back, |db| {
    let mine = articles(&db, 1, &[("Déchetterie", "Horaires d'hiver")]).await;
    let theirs = articles(
        &db,
        2,
        &[
            ("Déchetterie déchetterie", "Horaires d'hiver, déchetterie"),
            ("Déchetterie", "Horaires"),
        ],
    )
    .await;
    assert_eq!(found(&db, 1, "déchetterie").await, mine);
    assert_eq!(found(&db, 2, "déchetterie").await.len(), 2);
    assert!(found(&db, 3, "déchetterie").await.is_empty());
    // A filter on the id of another site's row finds nothing either.
    let rows = find_in(
        &db,
        db.scope(1),
        "déchetterie",
        vec![Condition::Eq(cell("id", Value::Integer(theirs[0])))],
    )
    .await
    .unwrap();
    assert!(rows.rows.is_empty());
});

both!(filters_limit_and_offset_narrow_the_results, |db| {
    let ids = articles(
        &db,
        1,
        &[
            ("Travaux rue haute", "Travaux de voirie."),
            ("Travaux école", ""),
            ("Travaux salle des fêtes", "Fin des travaux en mai."),
        ],
    )
    .await;
    db.storage
        .write(
            db.scope(1),
            Operation::Update(RowUpdate {
                table: "articles".into(),
                filter: vec![Condition::Eq(cell("id", Value::Integer(ids[1])))],
                set: vec![
                    cell("kind", text("agenda")),
                    cell("published", Value::Boolean(false)),
                ],
            }),
        )
        .await
        .unwrap();
    let all = found(&db, 1, "travaux").await;
    assert_eq!(all.len(), 3);
    let news = find_in(
        &db,
        db.scope(1),
        "travaux",
        vec![Condition::Eq(cell("kind", text("news")))],
    )
    .await
    .unwrap();
    assert_eq!(
        ids_sorted(&news),
        [ids[0], ids[2]],
        "the filter applies as in a query"
    );
    // Conditions on a searched column combine with the search.
    let hidden = find_in(
        &db,
        db.scope(1),
        "travaux",
        vec![
            Condition::Eq(cell("published", Value::Boolean(false))),
            Condition::Contains(cell("title", text("école"))),
        ],
    )
    .await
    .unwrap();
    assert_eq!(super::ids(&hidden), [ids[1]]);
    for (limit, offset, expected) in [
        (Some(1), None, &all[..1]),
        (Some(2), Some(1), &all[1..]),
        (None, Some(2), &all[2..]),
        (Some(u32::MAX), None, &all[..]),
        (None, Some(3), &[][..]),
    ] {
        let rows = db
            .storage
            .search(
                db.scope(1),
                TextSearch {
                    table: "articles".into(),
                    text: "travaux".into(),
                    columns: vec![],
                    filter: vec![],
                    limit,
                    offset,
                },
            )
            .await
            .unwrap();
        assert_eq!(super::ids(&rows), expected, "{limit:?} {offset:?}");
    }
    // A filter is checked as a query's is.
    let e = find_in(
        &db,
        db.scope(1),
        "travaux",
        vec![Condition::Eq(cell("colour", text("red")))],
    )
    .await
    .unwrap_err();
    assert!(matches!(e, StorageError::UnknownColumn(_)), "{e:?}");
});

fn ids_sorted(rows: &Rows) -> Vec<i64> {
    let mut v = ids(rows);
    v.sort();
    v
}

both!(updates_and_deletes_are_reflected_at_once, |db| {
    let ids = articles(
        &db,
        1,
        &[
            ("Piscine fermée", "Vidange annuelle."),
            ("Piscine ouverte", "Horaires d'été."),
        ],
    )
    .await;
    assert_eq!(found(&db, 1, "piscine").await.len(), 2);
    let update = |id: i64, set: Vec<Cell>| {
        Operation::Update(RowUpdate {
            table: "articles".into(),
            filter: vec![Condition::Eq(cell("id", Value::Integer(id)))],
            set,
        })
    };
    db.storage
        .transaction(
            db.scope(1),
            vec![
                update(ids[0], vec![cell("title", text("Médiathèque fermée"))]),
                // A column that is not searched: the index is untouched.
                update(ids[1], vec![cell("kind", text("agenda"))]),
                update(ids[1], vec![cell("body", Value::Null)]),
            ],
        )
        .await
        .unwrap();
    assert_eq!(found(&db, 1, "piscine").await, [ids[1]]);
    assert_eq!(found(&db, 1, "médiathèque vidange").await, [ids[0]]);
    assert!(found(&db, 1, "horaires").await.is_empty());
    index_in_step(&db).await;
    db.storage
        .write(
            db.scope(1),
            Operation::Delete(RowDelete {
                table: "articles".into(),
                filter: vec![Condition::Eq(cell("id", Value::Integer(ids[1])))],
            }),
        )
        .await
        .unwrap();
    assert!(found(&db, 1, "piscine").await.is_empty());
    assert_eq!(found(&db, 1, "fermée").await, [ids[0]]);
    index_in_step(&db).await;
});

/// `MANIFEST` at `version`, its articles searched over `search` (none:
/// not searched).
fn version(version: &str, search: Option<&str>) -> Arc<Manifest> {
    let text = MANIFEST.replace("version = \"1.0.0\"", &format!("version = \"{version}\""));
    let text = match search {
        Some(list) => text.replace(r#"search = ["title", "body"]"#, &format!("search = {list}")),
        None => text.replace("search = [\"title\", \"body\"]\n", ""),
    };
    Arc::new(Manifest::parse(&text).unwrap())
}

async fn upgrade(db: &Db, new: &Manifest, old: &Manifest) {
    estive_core::storage::schema::apply(&db.storage.db, new, Some(old))
        .await
        .unwrap();
}

fn scope(m: &Arc<Manifest>) -> Scope<'_> {
    Scope {
        site_id: 1,
        manifest: m,
        actor: &ACTOR,
    }
}

both!(rows_written_before_search_was_declared_are_found, |db| {
    // The table is first not searched (`db` starts at 1.0.0, searched).
    let v1 = version("1.1.0", None);
    upgrade(&db, &v1, &db.manifest).await;
    let ops = [
        ("Bibliothèque", "Nouveaux horaires"),
        ("Horaires", "Mairie"),
    ]
    .iter()
    .map(|(t, b)| {
        insert(
            "articles",
            vec![cell("title", text(t)), cell("body", text(b))],
        )
    })
    .collect();
    db.storage.transaction(scope(&v1), ops).await.unwrap();
    let e = find_in(&db, scope(&v1), "horaires", vec![])
        .await
        .unwrap_err();
    assert!(
        matches!(&e, StorageError::InvalidOperation(m) if m == "table `articles` declares no search columns"),
        "{e:?}"
    );

    // Declared over the title: the rows already there are found.
    let v2 = version("1.2.0", Some(r#"["title"]"#));
    upgrade(&db, &v2, &v1).await;
    let titles = |rows: &Rows| -> Vec<Value> { rows.rows.iter().map(|r| r[1].clone()).collect() };
    let rows = find_in(&db, scope(&v2), "horaires", vec![]).await.unwrap();
    assert_eq!(titles(&rows), [text("Horaires")]);

    // The body too: built again, over both.
    let v3 = version("1.3.0", Some(r#"["title", "body"]"#));
    upgrade(&db, &v3, &v2).await;
    let rows = find_in(&db, scope(&v3), "horaires", vec![]).await.unwrap();
    assert_eq!(titles(&rows), [text("Horaires"), text("Bibliothèque")]);
    index_in_step(&db).await;

    // Declared no more: refused, and writes go on without the index.
    let v4 = version("1.4.0", None);
    upgrade(&db, &v4, &v3).await;
    let e = find_in(&db, scope(&v4), "horaires", vec![])
        .await
        .unwrap_err();
    assert!(matches!(e, StorageError::InvalidOperation(_)), "{e:?}");
    db.storage
        .write(
            scope(&v4),
            insert("articles", vec![cell("title", text("Horaires d'été"))]),
        )
        .await
        .unwrap();
    db.storage
        .write(
            scope(&v4),
            Operation::Delete(RowDelete {
                table: "articles".into(),
                filter: vec![],
            }),
        )
        .await
        .unwrap();
    let left = db
        .storage
        .query(scope(&v4), select("articles", vec![]))
        .await
        .unwrap();
    assert!(left.rows.is_empty());
});

both!(hostile_text_is_only_ever_words, |db| {
    let ids = articles(
        &db,
        1,
        &[
            ("Vélo", "Piste cyclable du canton."),
            ("Réunion publique", "Salle des fêtes, vendredi."),
            ("Marché", "Le mercredi matin, place de l'église."),
            ("Title", "near or and not"),
        ],
    )
    .await;
    let total = ids.len();
    let megabyte_word = "a".repeat(1 << 20);
    let megabyte_words = "vélo réunion ".repeat((1 << 20) / 14);
    let many = "vélo ".repeat(10_000);
    let hostile: Vec<&str> = vec![
        "\"",
        "\"\"",
        "\"vélo",
        "vélo\"",
        "*",
        "vélo*",
        "*vélo",
        "NEAR(vélo réunion)",
        "NEAR(",
        "vélo OR réunion",
        "vélo | réunion",
        "-vélo",
        "vélo -réunion",
        "vélo NOT réunion",
        "!vélo",
        "title:vélo",
        "{title body}: vélo",
        "^vélo",
        "vélo:*",
        "vélo:A",
        "vélo & réunion",
        "vélo <-> piste",
        ":",
        "'",
        "l'église",
        "''vélo''",
        "\\",
        "vélo\\",
        "%",
        "_",
        "(",
        ")",
        "AND",
        "OR",
        "vélo AND",
        "'; DROP TABLE p_news__articles; --",
        "\"; DELETE FROM p_news__articles; --",
        ") OR 1=1 --",
        "1' OR '1'='1",
        "$1",
        "?",
        "vélo\0réunion",
        "\0",
        "🚲 vélo 🚲",
        "le de la",
        "le",
        "\u{202E}vélo",
        &many,
        &megabyte_word,
        &megabyte_words,
    ];
    for text in hostile {
        let shown: String = text.chars().take(40).collect();
        match find(&db, 1, text).await {
            Ok(rows) => assert!(
                rows.rows.len() < total,
                "`{shown}` matches every row: {:?}",
                ids_sorted(&rows)
            ),
            Err(StorageError::InvalidOperation(m)) => {
                assert!(m.contains("no words"), "`{shown}`: {m}")
            }
            Err(e) => panic!("`{shown}`: {e:?}"),
        }
    }
    // Punctuation is punctuation: these find the one row with the word.
    for text in [
        "\"vélo\"",
        "vélo*",
        "*vélo",
        "-vélo",
        "^vélo",
        "vélo:*",
        "🚲 vélo 🚲",
    ] {
        assert_eq!(found(&db, 1, text).await, [ids[0]], "`{text}`");
    }
    // Operators and column names are words, required as any other: no
    // row holds both (the last row holds `near`, `or` and `title`).
    for text in [
        "vélo OR réunion",
        "NEAR(vélo réunion)",
        "NEAR(vélo",
        "title:vélo",
    ] {
        assert!(found(&db, 1, text).await.is_empty(), "`{text}`");
    }
    // The first words count (10,000 times `vélo`).
    assert_eq!(found(&db, 1, &many).await, [ids[0]]);
    // Nothing was harmed.
    let rows = db
        .storage
        .query(db.scope(1), select("articles", vec![]))
        .await
        .unwrap();
    assert_eq!(rows.rows.len(), total);
    index_in_step(&db).await;
});

both!(a_search_without_words_or_index_is_refused, |db| {
    articles(&db, 1, &[("Vélo", "")]).await;
    for text in ["", "   ", "!?", "\"\"", "\0", "-*-"] {
        let e = find(&db, 1, text).await.unwrap_err();
        assert!(
            matches!(&e, StorageError::InvalidOperation(m) if m.contains("no words to look for")),
            "{text:?}: {e:?}"
        );
    }
    let search = |table: &'static str, columns: Vec<String>| {
        db.storage.search(
            db.scope(1),
            TextSearch {
                table: table.into(),
                text: "vélo".into(),
                columns,
                filter: vec![],
                limit: None,
                offset: None,
            },
        )
    };
    let e = search("notes", vec![]).await.unwrap_err();
    assert!(
        matches!(&e, StorageError::InvalidOperation(m) if m == "table `notes` declares no search columns"),
        "{e:?}"
    );
    let e = search("p_news__articles__fts", vec![]).await.unwrap_err();
    assert!(matches!(e, StorageError::UnknownTable(_)), "{e:?}");
    for column in ["rank", "site_id", "search__tsv", "fts__rank"] {
        let e = search("articles", vec![column.into()]).await.unwrap_err();
        assert!(
            matches!(e, StorageError::UnknownColumn(_)),
            "{column}: {e:?}"
        );
    }
});

both!(searched_text_is_bounded_alike_on_both_back_ends, |db| {
    // Text made to be hard to index (distinct words of one character, then
    // distinct numbers) at the bound of each column: PostgreSQL's
    // `tsvector` must hold it.
    let share = 128 << 10;
    let hard = |from: u32| {
        let mut s = String::new();
        for c in (from..).filter_map(char::from_u32) {
            if !c.is_alphanumeric() {
                continue;
            }
            let next = format!("{c} ");
            if s.len() + next.len() > share {
                break;
            }
            s.push_str(&next);
        }
        while s.len() < share {
            s.push('x');
        }
        s
    };
    let (title, body) = (hard(0x4E00), hard(0xAC00));
    assert_eq!((title.len(), body.len()), (share, share));
    let id = articles(&db, 1, &[(&title, &body)]).await[0];
    assert_eq!(found(&db, 1, "\u{4E01}").await, [id]);
    let e = db
        .storage
        .write(
            db.scope(1),
            insert(
                "articles",
                vec![
                    cell("title", text("Long")),
                    cell("body", text(&"a".repeat(share + 1))),
                ],
            ),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, StorageError::InvalidValue(m) if m.contains("column `body` is searched: its text is at most 131072 bytes")),
        "{e:?}"
    );
    // Columns that are not searched keep the usual bound.
    db.storage
        .write(
            db.scope(1),
            insert("notes", vec![cell("text", text(&"a".repeat(512 << 10)))]),
        )
        .await
        .unwrap();
});

both!(a_search_is_read_as_a_query_is, |db| {
    // Enough rows that SQLite checks its progress (every 1,000 steps)
    // while it answers.
    for chunk in 0..2 {
        let rows: Vec<(String, String)> = (0..800)
            .map(|i| (format!("Vélo {chunk} {i}"), format!("Sortie {i}")))
            .collect();
        let rows: Vec<(&str, &str)> = rows.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
        articles(&db, 1, &rows).await;
    }
    let before = db.storage.read_counts();
    assert_eq!(found(&db, 1, "vélo").await.len(), 1600);
    let between = db.storage.read_counts();
    // With no time on the caller's thread, a reader thread answers.
    db.storage.set_inline_budget(std::time::Duration::ZERO);
    assert_eq!(found(&db, 1, "vélo sortie").await.len(), 1600);
    let after = db.storage.read_counts();
    if pg(&db) {
        assert_eq!(after, (0, 0));
    } else {
        assert_eq!(
            between.0 + between.1,
            before.0 + before.1 + 1,
            "{before:?} {between:?}"
        );
        assert_eq!(after, (between.0, between.1 + 1), "{between:?} {after:?}");
    }
});
