//! Plugin storage through the host's storage layer (the same code the WIT
//! `storage` interface calls), on a real SQLite file and on PostgreSQL:
//! every test runs on both.

use std::sync::Arc;

use estive_core::package::Manifest;
use estive_core::storage::ops::*;
use estive_core::storage::{Actor, Scope, Storage};

const MANIFEST: &str = r#"
name = "shop"
version = "1.0.0"
api = "^1.0"
title = { fr = "Boutique" }
default-path = "boutique"

[[tables]]
name = "items"
columns = [
  { name = "name", type = "text", required = true },
  { name = "qty", type = "integer", required = true, default = 0 },
  { name = "price", type = "float" },
  { name = "day", type = "date" },
  { name = "at", type = "datetime" },
  { name = "tags", type = "json" },
  { name = "flag", type = "boolean" },
  { name = "kind", type = "text" },
]
unique = [["name"]]
indexes = [["kind"]]

[[tables]]
name = "slots"
columns = [
  { name = "room", type = "text", required = true },
  { name = "starts", type = "datetime", required = true },
  { name = "ends", type = "datetime", required = true },
  { name = "item_id", type = "integer" },
]
"#;

pub struct Db {
    pub storage: Storage,
    pub manifest: Arc<Manifest>,
    _tmp: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Some((server, name)) = self.pg.take() {
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                rt.block_on(async {
                    if let Ok(admin) =
                        sea_orm::Database::connect(format!("{server}/postgres")).await
                    {
                        let _ = sea_orm::ConnectionTrait::execute_unprepared(
                            &admin,
                            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                        )
                        .await;
                    }
                })
            })
            .join();
        }
    }
}

pub async fn open(pg: bool) -> Db {
    open_with(MANIFEST, pg).await
}

/// A database with the tables of `manifest` (`plugin.toml` text), on
/// PostgreSQL or on a fresh SQLite file.
pub async fn open_with(manifest: &str, pg: bool) -> Db {
    let manifest = Arc::new(Manifest::parse(manifest).unwrap());
    let (url, tmp, pgdb) = if pg {
        let server = std::env::var("ESTIVE_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
        let name = format!("estive_s_{}", std::process::id()) + &format!("_{}", rand_suffix());
        let admin = sea_orm::Database::connect(format!("{server}/postgres"))
            .await
            .expect("PostgreSQL must be running (set ESTIVE_TEST_POSTGRES)");
        sea_orm::ConnectionTrait::execute_unprepared(&admin, &format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        (format!("{server}/{name}"), None, Some((server, name)))
    } else {
        let tmp = tempfile::tempdir().unwrap();
        (estive_core::db::default_url(tmp.path()), Some(tmp), None)
    };
    let db = estive_core::db::connect(&url).await.unwrap();
    estive_core::storage::schema::apply(&db, &manifest, None)
        .await
        .unwrap();
    Db {
        storage: Storage::new(db).await.unwrap(),
        manifest,
        _tmp: tmp,
        pg: pgdb,
    }
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "{}_{}",
        N.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos()
    )
}

static ACTOR: std::sync::LazyLock<Actor> = std::sync::LazyLock::new(Actor::default);

impl Db {
    pub fn scope(&self, site: i64) -> Scope<'_> {
        Scope {
            site_id: site,
            manifest: &self.manifest,
            actor: &ACTOR,
        }
    }
}

pub fn cell(c: &str, v: Value) -> Cell {
    Cell {
        column: c.into(),
        value: v,
    }
}

pub fn text(s: &str) -> Value {
    Value::Text(s.into())
}

pub fn insert(table: &str, row: Vec<Cell>) -> Operation {
    Operation::Insert(RowInsert {
        table: table.into(),
        row,
        links: vec![],
    })
}

pub fn select(table: &str, filter: Vec<Condition>) -> RowQuery {
    RowQuery {
        table: table.into(),
        columns: vec![],
        filter,
        order: vec![],
        limit: None,
        offset: None,
    }
}

fn item(name: &str, qty: i64, kind: &str) -> Operation {
    insert(
        "items",
        vec![
            cell("name", text(name)),
            cell("qty", Value::Integer(qty)),
            cell("kind", text(kind)),
        ],
    )
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

both!(typed_values_round_trip, |db| {
    let s = db.scope(1);
    let out = db
        .storage
        .write(
            s,
            insert(
                "items",
                vec![
                    cell("name", text("Chaises")),
                    cell("qty", Value::Integer(200)),
                    cell("price", Value::Float(12.5)),
                    cell("day", text("2026-11-28")),
                    cell("at", text("2026-11-28T16:30:00+01:00")),
                    cell("tags", text("[\"salle\",\"fête\"]")),
                    cell("flag", Value::Boolean(true)),
                ],
            ),
        )
        .await
        .unwrap();
    let Outcome::Inserted(id) = out else {
        panic!("{out:?}")
    };
    let rows = db
        .storage
        .query(
            s,
            select("items", vec![Condition::Eq(cell("id", Value::Integer(id)))]),
        )
        .await
        .unwrap();
    let row = &rows.rows[0];
    let get = |c: &str| row[rows.columns.iter().position(|x| x == c).unwrap()].clone();
    assert_eq!(get("name"), text("Chaises"));
    assert_eq!(get("qty"), Value::Integer(200));
    assert_eq!(get("price"), Value::Float(12.5));
    // Date, date-time and JSON columns come back typed (API 1.0's
    // bindings lower them to text).
    assert_eq!(get("day"), Value::Date("2026-11-28".into()));
    assert_eq!(
        get("at"),
        Value::Datetime("2026-11-28T15:30:00Z".into()),
        "stored in UTC"
    );
    assert_eq!(get("tags"), Value::Json("[\"salle\",\"fête\"]".into()));
    assert_eq!(get("flag"), Value::Boolean(true));
    assert_eq!(get("kind"), Value::Null);
});

both!(typed_values_are_written_only_to_their_columns, |db| {
    let s = db.scope(1);
    let typed = insert(
        "items",
        vec![
            cell("name", text("Tables")),
            cell("day", Value::Date("2026-12-07".into())),
            cell("at", Value::Datetime("2026-12-07T10:00:00+01:00".into())),
            cell("tags", Value::Json("[]".into())),
        ],
    );
    let Outcome::Inserted(id) = db.storage.write(s, typed).await.unwrap() else {
        panic!("no id")
    };
    let rows = db
        .storage
        .query(
            s,
            select("items", vec![Condition::Eq(cell("id", Value::Integer(id)))]),
        )
        .await
        .unwrap();
    let at = rows.columns.iter().position(|c| c == "at").unwrap();
    assert_eq!(
        rows.rows[0][at],
        Value::Datetime("2026-12-07T09:00:00Z".into())
    );
    for (column, value) in [
        ("name", Value::Date("2026-12-07".into())),
        ("day", Value::Datetime("2026-12-07T10:00:00Z".into())),
        ("day", Value::Date("2026-02-30".into())),
        ("at", Value::Json("{}".into())),
        ("tags", Value::Json("{not json".into())),
        ("qty", Value::Date("2026-12-07".into())),
    ] {
        let mut row = vec![cell(column, value.clone())];
        if column != "name" {
            row.push(cell("name", text("x")));
        }
        let op = insert("items", row);
        let err = db.storage.write(s, op).await.unwrap_err();
        assert!(
            matches!(err, StorageError::InvalidValue(_)),
            "{column} = {value:?}: {err:?}"
        );
    }
});

both!(values_that_do_not_fit_are_refused, |db| {
    let s = db.scope(1);
    let bad = [
        insert(
            "items",
            vec![cell("name", text("x")), cell("qty", text("many"))],
        ),
        insert(
            "items",
            vec![cell("name", text("x")), cell("day", text("2026-02-30"))],
        ),
        insert(
            "items",
            vec![cell("name", text("x")), cell("at", text("tomorrow"))],
        ),
        insert(
            "items",
            vec![cell("name", text("x")), cell("tags", text("{not json"))],
        ),
        insert(
            "items",
            vec![cell("name", text("x")), cell("nope", text("y"))],
        ),
        insert(
            "items",
            vec![cell("name", text("x")), cell("site_id", Value::Integer(2))],
        ),
        insert("elsewhere", vec![cell("name", text("x"))]),
    ];
    for op in bad {
        let e = db.storage.write(s, op.clone()).await.unwrap_err();
        assert!(
            matches!(
                e,
                StorageError::InvalidValue(_)
                    | StorageError::UnknownColumn(_)
                    | StorageError::UnknownTable(_)
            ),
            "{op:?} gave {e:?}"
        );
    }
    let missing = db
        .storage
        .write(s, insert("items", vec![cell("qty", Value::Integer(1))]))
        .await
        .unwrap_err();
    assert!(
        matches!(missing, StorageError::MissingValue(ref c) if c == "name"),
        "{missing:?}"
    );
    let rows = db.storage.query(s, select("items", vec![])).await.unwrap();
    assert!(rows.rows.is_empty(), "nothing was written");
});

both!(unique_constraint_is_a_typed_conflict_per_site, |db| {
    db.storage
        .write(db.scope(1), item("Tables", 1, "mobilier"))
        .await
        .unwrap();
    let e = db
        .storage
        .write(db.scope(1), item("Tables", 2, "mobilier"))
        .await
        .unwrap_err();
    assert_eq!(e, StorageError::Conflict("name".into()));
    // The same name on another site is another row.
    db.storage
        .write(db.scope(2), item("Tables", 3, "mobilier"))
        .await
        .unwrap();
});

both!(sites_never_see_each_others_rows, |db| {
    db.storage
        .write(db.scope(1), item("A1", 1, "x"))
        .await
        .unwrap();
    db.storage
        .write(db.scope(2), item("B1", 1, "x"))
        .await
        .unwrap();
    let one = db
        .storage
        .query(db.scope(1), select("items", vec![]))
        .await
        .unwrap();
    assert_eq!(one.rows.len(), 1);
    // Updating and deleting everything on site 1 leaves site 2 alone.
    let up = Operation::Update(RowUpdate {
        table: "items".into(),
        filter: vec![],
        set: vec![cell("qty", Value::Integer(9))],
    });
    assert_eq!(
        db.storage.write(db.scope(1), up).await.unwrap(),
        Outcome::Affected(1)
    );
    let del = Operation::Delete(RowDelete {
        table: "items".into(),
        filter: vec![],
    });
    assert_eq!(
        db.storage.write(db.scope(1), del).await.unwrap(),
        Outcome::Affected(1)
    );
    let two = db
        .storage
        .query(db.scope(2), select("items", vec![]))
        .await
        .unwrap();
    assert_eq!(two.rows.len(), 1);
    let qty = two.rows[0][two.columns.iter().position(|c| c == "qty").unwrap()].clone();
    assert_eq!(qty, Value::Integer(1));
    // The host's column cannot be named in a filter.
    let e = db
        .storage
        .query(
            db.scope(1),
            select(
                "items",
                vec![Condition::Eq(cell("site_id", Value::Integer(2)))],
            ),
        )
        .await
        .unwrap_err();
    assert!(matches!(e, StorageError::UnknownColumn(_)), "{e:?}");
});

both!(filters_order_limit_and_search, |db| {
    let s = db.scope(1);
    for (n, q, k) in [
        ("Chaises pliantes", 200, "mobilier"),
        ("Sono 100%", 3, "son"),
        ("Tables", 40, "mobilier"),
        ("Écran", 1, "image"),
    ] {
        db.storage.write(s, item(n, q, k)).await.unwrap();
    }
    let q = RowQuery {
        table: "items".into(),
        columns: vec!["name".into(), "qty".into()],
        filter: vec![
            Condition::Ge(cell("qty", Value::Integer(3))),
            Condition::OneOf(Cells {
                column: "kind".into(),
                values: vec![text("mobilier"), text("son")],
            }),
        ],
        order: vec![Order {
            column: "qty".into(),
            descending: true,
        }],
        limit: Some(2),
        offset: Some(1),
    };
    let rows = db.storage.query(s, q).await.unwrap();
    assert_eq!(
        rows.rows,
        vec![
            vec![text("Tables"), Value::Integer(40)],
            vec![text("Sono 100%"), Value::Integer(3)]
        ]
    );
    // `%` is a character, not a wildcard; case does not matter.
    let found = db
        .storage
        .query(
            s,
            select(
                "items",
                vec![Condition::Contains(cell("name", text("100%")))],
            ),
        )
        .await
        .unwrap();
    assert_eq!(found.rows.len(), 1);
    let words = db
        .storage
        .query(
            s,
            select(
                "items",
                vec![Condition::Matches(Search {
                    columns: vec!["name".into(), "kind".into()],
                    text: "CHAISES mobilier".into(),
                })],
            ),
        )
        .await
        .unwrap();
    assert_eq!(words.rows.len(), 1);
    let none = db
        .storage
        .query(
            s,
            select(
                "items",
                vec![Condition::OneOf(Cells {
                    column: "kind".into(),
                    values: vec![],
                })],
            ),
        )
        .await
        .unwrap();
    assert!(none.rows.is_empty());
});

both!(aggregates_group_and_sum, |db| {
    let s = db.scope(1);
    for (n, q, k) in [("a", 2, "x"), ("b", 3, "x"), ("c", 10, "y")] {
        db.storage.write(s, item(n, q, k)).await.unwrap();
    }
    db.storage
        .write(db.scope(2), item("z", 1000, "x"))
        .await
        .unwrap();
    let a = RowAggregate {
        table: "items".into(),
        filter: vec![],
        group_by: vec!["kind".into()],
        measures: vec![
            Measure {
                function: Function::Count,
                column: None,
                name: "n".into(),
            },
            Measure {
                function: Function::Sum,
                column: Some("qty".into()),
                name: "total".into(),
            },
            Measure {
                function: Function::Avg,
                column: Some("qty".into()),
                name: "mean".into(),
            },
            Measure {
                function: Function::Max,
                column: Some("name".into()),
                name: "last".into(),
            },
        ],
        order: vec![Order {
            column: "kind".into(),
            descending: false,
        }],
        limit: None,
    };
    let rows = db.storage.aggregate(s, a).await.unwrap();
    assert_eq!(rows.columns, vec!["kind", "n", "total", "mean", "last"]);
    assert_eq!(
        rows.rows[0],
        vec![
            text("x"),
            Value::Integer(2),
            Value::Integer(5),
            Value::Float(2.5),
            text("b")
        ]
    );
    assert_eq!(
        rows.rows[1],
        vec![
            text("y"),
            Value::Integer(1),
            Value::Integer(10),
            Value::Float(10.0),
            text("c")
        ]
    );
});

both!(a_failed_transaction_leaves_nothing, |db| {
    let s = db.scope(1);
    db.storage.write(s, item("taken", 1, "x")).await.unwrap();
    let ops = vec![item("new one", 1, "x"), item("taken", 2, "x")];
    let e = db.storage.transaction(s, ops).await.unwrap_err();
    assert_eq!(e, StorageError::Conflict("name".into()));
    let rows = db.storage.query(s, select("items", vec![])).await.unwrap();
    assert_eq!(rows.rows.len(), 1, "the first insert was undone");
});

/// Rows of `table` as maps of column → value, by id.
async fn rows_by_id(
    db: &Db,
    s: Scope<'_>,
    table: &str,
) -> std::collections::BTreeMap<i64, std::collections::BTreeMap<String, Value>> {
    let rows = db.storage.query(s, select(table, vec![])).await.unwrap();
    rows.rows
        .into_iter()
        .map(|r| {
            let row: std::collections::BTreeMap<String, Value> =
                rows.columns.iter().cloned().zip(r).collect();
            let Value::Integer(id) = row["id"] else {
                panic!("{row:?}")
            };
            (id, row)
        })
        .collect()
}

// Consecutive inserts into one table run as one statement: each still gets
// its own id in order, its own columns, the declared defaults for what it
// leaves out, and links to earlier inserts (also of the same run).
both!(
    consecutive_inserts_keep_their_ids_defaults_and_links,
    |db| {
        let s = db.scope(1);
        let slot = |room: &str, link: u32| {
            Operation::Insert(RowInsert {
                table: "slots".into(),
                row: vec![
                    cell("room", text(room)),
                    cell("starts", text("2026-12-01T10:00:00+01:00")),
                    cell("ends", text("2026-12-01T12:00:00+01:00")),
                ],
                links: vec![Link {
                    column: "item_id".into(),
                    operation: link,
                }],
            })
        };
        let mut ops = vec![
            item("Salle", 1, "salle"),
            insert("items", vec![cell("name", text("Vidéoprojecteur"))]),
            insert(
                "items",
                vec![
                    cell("kind", text("mobilier")),
                    cell("name", text("Tables")),
                    cell("flag", Value::Boolean(true)),
                ],
            ),
            slot("fêtes", 0),
            slot("fêtes", 2),
        ];
        // 300 more rows: more than one statement takes.
        ops.extend((0..300).map(|i| item(&format!("chaise {i:03}"), i, "mobilier")));
        let out = db.storage.transaction(s, ops).await.unwrap();
        let ids: Vec<i64> = out
            .iter()
            .map(|o| match o {
                Outcome::Inserted(id) => *id,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(ids.len(), 305);
        let items = rows_by_id(&db, s, "items").await;
        assert_eq!(items.len(), 303);
        let name = |id: i64| items[&id]["name"].clone();
        assert_eq!(name(ids[0]), text("Salle"));
        assert_eq!(name(ids[1]), text("Vidéoprojecteur"));
        assert_eq!(name(ids[2]), text("Tables"));
        for i in 0..300 {
            let row = &items[&ids[5 + i]];
            assert_eq!(row["name"], text(&format!("chaise {i:03}")));
            assert_eq!(row["qty"], Value::Integer(i as i64));
        }
        // Left out: the declared default, or nothing.
        assert_eq!(items[&ids[1]]["qty"], Value::Integer(0));
        assert_eq!(items[&ids[1]]["kind"], Value::Null);
        assert_eq!(items[&ids[2]]["qty"], Value::Integer(0));
        assert_eq!(items[&ids[2]]["flag"], Value::Boolean(true));
        assert_eq!(items[&ids[0]]["flag"], Value::Null);
        let slots = rows_by_id(&db, s, "slots").await;
        assert_eq!(slots[&ids[3]]["item_id"], Value::Integer(ids[0]));
        assert_eq!(slots[&ids[4]]["item_id"], Value::Integer(ids[2]));

        // One bad row fails the whole run.
        let bad = vec![
            item("Banc", 1, "mobilier"),
            insert(
                "items",
                vec![cell("name", text("Estrade")), cell("qty", text("deux"))],
            ),
        ];
        let e = db.storage.transaction(s, bad).await.unwrap_err();
        assert!(
            matches!(&e, StorageError::InvalidValue(m) if m.contains("`qty`")),
            "{e:?}"
        );
        let taken = vec![item("Banc", 1, "mobilier"), item("Salle", 2, "salle")];
        let e = db.storage.transaction(s, taken).await.unwrap_err();
        assert_eq!(e, StorageError::Conflict("name".into()));
        let twice = vec![insert(
            "items",
            vec![cell("name", text("Estrade")), cell("name", text("Podium"))],
        )];
        let e = db.storage.transaction(s, twice).await.unwrap_err();
        assert!(
            matches!(&e, StorageError::InvalidOperation(m) if m == "operation 0: column `name` is given twice"),
            "{e:?}"
        );
        assert_eq!(
            rows_by_id(&db, s, "items").await.len(),
            303,
            "nothing added"
        );
    }
);

both!(links_and_upserts_in_a_transaction, |db| {
    let s = db.scope(1);
    let ops = vec![
        item("Salle des fêtes", 1, "salle"),
        Operation::Insert(RowInsert {
            table: "slots".into(),
            row: vec![
                cell("room", text("fêtes")),
                cell("starts", text("2026-12-01T10:00:00Z")),
                cell("ends", text("2026-12-01T12:00:00Z")),
            ],
            links: vec![Link {
                column: "item_id".into(),
                operation: 0,
            }],
        }),
        Operation::Upsert(RowUpsert {
            table: "items".into(),
            row: vec![
                cell("name", text("Salle des fêtes")),
                cell("qty", Value::Integer(5)),
            ],
            key: vec!["name".into()],
            links: vec![],
        }),
    ];
    let out = db.storage.transaction(s, ops).await.unwrap();
    let (Outcome::Inserted(item_id), Outcome::Inserted(upserted)) = (&out[0], &out[2]) else {
        panic!("{out:?}")
    };
    assert_eq!(item_id, upserted, "the upsert updated the same row");
    let slots = db.storage.query(s, select("slots", vec![])).await.unwrap();
    assert_eq!(
        slots.rows[0][slots.columns.iter().position(|c| c == "item_id").unwrap()],
        Value::Integer(*item_id)
    );
    let items = db.storage.query(s, select("items", vec![])).await.unwrap();
    assert_eq!(
        items.rows[0][items.columns.iter().position(|c| c == "qty").unwrap()],
        Value::Integer(5)
    );
    // An upsert on columns that are not a declared unique constraint.
    let bad = Operation::Upsert(RowUpsert {
        table: "items".into(),
        row: vec![cell("name", text("x"))],
        key: vec!["kind".into()],
        links: vec![],
    });
    assert!(matches!(
        db.storage.write(s, bad).await.unwrap_err(),
        StorageError::InvalidOperation(_)
    ));
});

fn booking(room: &str, starts: &str, ends: &str) -> Vec<Operation> {
    vec![
        Operation::Expect(Expectation {
            table: "slots".into(),
            filter: vec![
                Condition::Eq(cell("room", text(room))),
                Condition::Lt(cell("starts", text(ends))),
                Condition::Gt(cell("ends", text(starts))),
            ],
            measure: Measure {
                function: Function::Count,
                column: None,
                name: "n".into(),
            },
            min: None,
            max: Some(0.0),
            message: "slot-taken".into(),
        }),
        insert(
            "slots",
            vec![
                cell("room", text(room)),
                cell("starts", text(starts)),
                cell("ends", text(ends)),
            ],
        ),
    ]
}

both!(expectations_refuse_overlaps_under_concurrency, |db| {
    let db = Arc::new(db);
    let mut tasks = Vec::new();
    for i in 0..50 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            // Fifty requests for overlapping slots of the same room.
            let start = format!("2026-12-05T10:{:02}:00Z", i % 30);
            db.storage
                .transaction(
                    db.scope(1),
                    booking("salle", &start, "2026-12-05T11:00:00Z"),
                )
                .await
        }));
    }
    let mut accepted = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => accepted += 1,
            Err(StorageError::Conflict(m)) => assert_eq!(m, "slot-taken"),
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    assert_eq!(accepted, 1, "exactly one booking of the slot");
    let rows = db
        .storage
        .query(db.scope(1), select("slots", vec![]))
        .await
        .unwrap();
    assert_eq!(rows.rows.len(), 1);
    // Another room, or the same slot on another site, is free.
    db.storage
        .transaction(
            db.scope(1),
            booking("autre", "2026-12-05T10:00:00Z", "2026-12-05T11:00:00Z"),
        )
        .await
        .unwrap();
    db.storage
        .transaction(
            db.scope(2),
            booking("salle", "2026-12-05T10:00:00Z", "2026-12-05T11:00:00Z"),
        )
        .await
        .unwrap();
});

both!(concurrent_inserts_lose_nothing, |db| {
    let db = Arc::new(db);
    let mut tasks = Vec::new();
    for i in 0..200 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            db.storage
                .write(db.scope(1), item(&format!("item {i}"), i, "x"))
                .await
        }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let count = db
        .storage
        .aggregate(
            db.scope(1),
            RowAggregate {
                table: "items".into(),
                filter: vec![],
                group_by: vec![],
                measures: vec![Measure {
                    function: Function::Count,
                    column: None,
                    name: "n".into(),
                }],
                order: vec![],
                limit: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(count.rows[0][0], Value::Integer(200));
});

both!(additive_upgrade_keeps_rows_and_adds_columns, |db| {
    db.storage
        .write(db.scope(1), item("kept", 7, "x"))
        .await
        .unwrap();
    let v2 = Arc::new(Manifest::parse(
        &MANIFEST
            .replace("version = \"1.0.0\"", "version = \"1.1.0\"")
            .replace("{ name = \"kind\", type = \"text\" },", "{ name = \"kind\", type = \"text\" },\n  { name = \"colour\", type = \"text\", required = true, default = \"vert\" },"),
    )
    .unwrap());
    estive_core::storage::schema::apply(&db.storage.db, &v2, Some(&db.manifest))
        .await
        .unwrap();
    let scope = Scope {
        site_id: 1,
        manifest: &v2,
        actor: &ACTOR,
    };
    let rows = db
        .storage
        .query(scope, select("items", vec![]))
        .await
        .unwrap();
    assert_eq!(rows.rows.len(), 1);
    assert_eq!(
        rows.rows[0][rows.columns.iter().position(|c| c == "colour").unwrap()],
        text("vert")
    );
    // A type change is refused and changes nothing.
    let v3 = Manifest::parse(
        &MANIFEST
            .replace("version = \"1.0.0\"", "version = \"1.2.0\"")
            .replace(
                "name = \"price\", type = \"float\"",
                "name = \"price\", type = \"text\"",
            ),
    )
    .unwrap();
    let e = estive_core::storage::schema::apply(&db.storage.db, &v3, Some(&v2))
        .await
        .unwrap_err();
    assert!(format!("{e:#}").contains("changes type"), "{e:#}");
});

both!(events_and_audit_entries_are_written_with_the_data, |db| {
    use estive_core::db::entities::{audit_entry, outbox_event};
    use sea_orm::{EntityTrait, QueryOrder};
    let actor = Actor {
        user_id: Some(7),
        name: Some("marie".into()),
    };
    let scope = Scope {
        site_id: 1,
        manifest: &db.manifest,
        actor: &actor,
    };
    let before = chrono::Utc::now() - chrono::Duration::seconds(1);
    let ops = |name: &str| {
        vec![
            item(name, 1, "pain"),
            Operation::Publish(Publication {
                name: "stocked".into(),
                payload: format!(r#"{{"name":"{name}"}}"#),
            }),
            Operation::Audit(AuditEntry {
                action: "item.created".into(),
                subject: format!("item:{name}"),
                details: r#"{"qty":1}"#.into(),
            }),
        ]
    };
    db.storage.transaction(scope, ops("miche")).await.unwrap();
    // A transaction that fails at its last step leaves no event and no entry.
    let refused = db
        .storage
        .transaction(
            scope,
            [ops("baguette"), vec![item("miche", 2, "pain")]].concat(),
        )
        .await;
    assert!(
        matches!(refused, Err(StorageError::Conflict(_))),
        "{refused:?}"
    );

    // Read back through sea-orm's entities, as the dispatcher and the
    // audit pages read them.
    let events = outbox_event::Entity::find()
        .order_by_asc(outbox_event::Column::Id)
        .all(&db.storage.db)
        .await
        .unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].topic, "shop.stocked");
    assert_eq!(events[0].payload, r#"{"name":"miche"}"#);
    assert!(!events[0].dispatched);
    assert!(events[0].published_at >= before && events[0].published_at <= chrono::Utc::now());
    let entries = audit_entry::Entity::find()
        .all(&db.storage.db)
        .await
        .unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    let e = &entries[0];
    assert_eq!(
        (e.site_id, e.user_id, e.actor.as_str(), e.plugin.as_deref()),
        (1, Some(7), "marie", Some("shop"))
    );
    assert_eq!(
        (e.action.as_str(), e.subject.as_str()),
        ("item.created", "item:miche")
    );
    assert_eq!(e.details, r#"{"qty":1}"#);
    assert!(e.at >= before && e.at <= chrono::Utc::now());
});

#[tokio::test]
async fn plugin_storage_refuses_an_in_memory_sqlite_database() {
    let db = sea_orm::Database::connect("sqlite::memory:").await.unwrap();
    let err = Storage::new(db).await.err().expect("refused").to_string();
    assert!(err.contains("SQLite database in a file"), "{err}");
}

/// SQLite, with `n` items on site 1.
async fn sqlite_with_items(n: i64) -> Db {
    let db = open(false).await;
    let ops: Vec<_> = (0..n)
        .map(|i| {
            item(
                &format!("item {i:05}"),
                i,
                if i % 2 == 0 { "x" } else { "y" },
            )
        })
        .collect();
    for chunk in ops.chunks(1000) {
        db.storage
            .transaction(db.scope(1), chunk.to_vec())
            .await
            .unwrap();
    }
    db
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_sqlite_queries_are_answered_on_the_callers_thread() {
    let db = sqlite_with_items(50).await;
    let rows = db
        .storage
        .query(db.scope(1), select("items", vec![]))
        .await
        .unwrap();
    assert_eq!(rows.rows.len(), 50);
    assert_eq!(db.storage.read_counts(), (1, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_query_past_its_budget_is_answered_by_a_reader_thread() {
    let db = sqlite_with_items(5000).await;
    // No time at all on the caller's thread: the query is stopped at
    // SQLite's first progress check and run again on a reader thread.
    db.storage.set_inline_budget(std::time::Duration::ZERO);
    let mut q = select("items", vec![]);
    q.order = vec![Order {
        column: "name".into(),
        descending: true,
    }];
    let rows = db.storage.query(db.scope(1), q).await.unwrap();
    assert_eq!(
        rows.rows.len(),
        5000,
        "the whole answer, not what the stopped run had read"
    );
    let name = rows.columns.iter().position(|c| c == "name").unwrap();
    assert_eq!(rows.rows[0][name], text("item 04999"));
    assert_eq!(rows.rows[4999][name], text("item 00000"));
    assert_eq!(db.storage.read_counts(), (0, 1));
    // The connection it was stopped on is reused, and answers again once
    // there is time.
    db.storage
        .set_inline_budget(std::time::Duration::from_secs(10));
    let rows = db
        .storage
        .query(db.scope(1), select("items", vec![]))
        .await
        .unwrap();
    assert_eq!(rows.rows.len(), 5000);
    assert_eq!(db.storage.read_counts(), (1, 1));
}
