//! The sandbox: a faulty plugin fails only its own request, the others keep
//! answering, and a plugin cannot reach data that is not its own.

use std::time::{Duration, Instant};

use crate::fixtures::host_with;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn well_behaved_plugin_serves_a_page_and_a_form() {
    let host = host_with(&[]).await;
    let c = host.client();
    let page = c.get("/bonjour/").await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.contains("Bonjour !"), "{}", page.text);
    assert!(page.contains("0 salutation"), "{}", page.text);
    let page = c
        .post_form("/bonjour/", &[("name", "Jeanne")])
        .await
        .unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.contains("<li>Jeanne</li>"), "{}", page.text);
    assert!(page.contains("Salutation enregistrée."), "{}", page.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trap_fails_only_its_request() {
    let host = host_with(&["trap"]).await;
    let c = host.client();
    let page = c.get("/trap/").await.unwrap();
    assert_eq!(page.status, 500);
    assert!(
        !page.contains("panicked"),
        "internals must not leak: {}",
        page.text
    );
    assert!(
        page.contains("<main"),
        "the error page is in the site's layout"
    );
    assert_eq!(c.get("/bonjour/").await.unwrap().status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_infinite_loop_is_stopped_at_its_deadline() {
    let host = host_with(&["spin"]).await;
    let c = host.client();
    let started = Instant::now();
    let page = c.get("/spin/").await.unwrap();
    assert_eq!(page.status, 500);
    // Deadline of the fixture: 300 ms.
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(c.get("/bonjour/").await.unwrap().status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waiting_on_the_host_does_not_count_against_the_deadline() {
    let host = host_with(&[]).await;
    let c = host.client();
    c.get("/bonjour/").await.unwrap();
    // Another writer holds the database for longer than hello's deadline
    // (1 s) while a greeting is posted: the plugin waits in its storage
    // call, and that wait is the host's, not the plugin's.
    let storage = host.state.platform.runtime.services.storage.clone();
    let (held, release) = tokio::sync::oneshot::channel();
    let holder = tokio::spawn(async move {
        storage
            .serialized(async |_db| {
                let _ = held.send(());
                tokio::time::sleep(Duration::from_millis(1500)).await;
                Ok::<(), ()>(())
            })
            .await
            .unwrap();
    });
    release.await.unwrap();
    let started = Instant::now();
    let page = c
        .post_form("/bonjour/", &[("name", "Patiente")])
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(1400),
        "the write lock was not waited for: {:?}",
        started.elapsed()
    );
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.contains("<li>Patiente</li>"), "{}", page.text);
    holder.await.unwrap();
}

/// The same for a single-row write (`insert`, `update`, `delete`,
/// `upsert` outside a transaction), which used to charge the plugin for the
/// time it queued behind the writer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waiting_in_a_single_row_write_does_not_count_against_the_deadline() {
    let host = host_with(&["snoop"]).await;
    let c = host.client();
    c.get("/snoop/site").await.unwrap();
    // Held for more than three times snoop's deadline (300 ms).
    let storage = host.state.platform.runtime.services.storage.clone();
    let (held, release) = tokio::sync::oneshot::channel();
    let holder = tokio::spawn(async move {
        storage
            .serialized(async |_db| {
                let _ = held.send(());
                tokio::time::sleep(Duration::from_millis(1000)).await;
                Ok::<(), ()>(())
            })
            .await
            .unwrap();
    });
    release.await.unwrap();
    let started = Instant::now();
    let page = c
        .post_form("/snoop/add", &[("text", "écrite après l'attente")])
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "the write lock was not waited for: {:?}",
        started.elapsed()
    );
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.contains("écrite après l"), "{}", page.text);
    holder.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_memory_bomb_is_stopped_by_the_cap() {
    let host = host_with(&["alloc"]).await;
    let c = host.client();
    let page = c.get("/alloc/").await.unwrap();
    assert_eq!(page.status, 500);
    assert_eq!(c.get("/bonjour/").await.unwrap().status, 200);
    let metrics = c.get("/metrics").await.unwrap();
    assert!(
        metrics.contains("estive_plugin_faults_total{plugin=\"alloc\",kind=\"memory\"} 1"),
        "{}",
        metrics.text
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spinning_plugins_do_not_starve_other_pages() {
    let host = host_with(&["spin"]).await;
    let c = host.client();
    c.get("/bonjour/").await.unwrap();
    // As many spinning calls as cores, then normal pages meanwhile.
    let spinners: Vec<_> = (0..2)
        .map(|_| {
            let c = host.client();
            tokio::spawn(async move { c.get("/spin/").await.unwrap().status })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let mut worst = Duration::ZERO;
    for _ in 0..5 {
        let t = Instant::now();
        assert_eq!(c.get("/bonjour/").await.unwrap().status, 200);
        worst = worst.max(t.elapsed());
    }
    for s in spinners {
        assert_eq!(s.await.unwrap(), 500);
    }
    // Far below the 300 ms the spinners hold their calls for.
    assert!(
        worst < Duration::from_millis(250),
        "a normal page took {worst:?} while plugins spun"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_log_flood_is_bounded_and_the_page_answers() {
    let host = host_with(&["logflood"]).await;
    let page = host.client().get("/logflood/").await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.contains("id=\"done\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_plugins_table_cannot_be_named() {
    let host = host_with(&["snoop"]).await;
    let page = host.client().get("/snoop/").await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(page.text.matches("refused: ").count(), 2, "{}", page.text);
    assert!(!page.contains("allowed"), "{}", page.text);
    assert!(page.contains("is not a table of plugin"), "{}", page.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_faults_suspend_the_plugin() {
    let host = host_with(&["trap"]).await;
    let c = host.client();
    for _ in 0..5 {
        assert_eq!(c.get("/trap/").await.unwrap().status, 500);
    }
    let page = c.get("/trap/").await.unwrap();
    assert_eq!(page.status, 503, "suspended after five faults");
    assert_eq!(c.get("/bonjour/").await.unwrap().status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_instance_pool_stays_at_its_depth_under_many_calls() {
    let host = host_with(&[]).await;
    let c = host.client();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let c = c.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..40 {
                assert_eq!(c.get("/bonjour/ping").await.unwrap().status, 200);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let snap = host.state.platform.snapshot();
    let hello = snap
        .site("test")
        .unwrap()
        .plugin("hello")
        .unwrap()
        .loaded
        .clone();
    assert!(
        hello.pooled() <= 2,
        "{} instances pooled: a refill ran away",
        hello.pooled()
    );
}

/// A host with the pooling allocator, as in production (the other tests
/// allocate on demand so that many hosts fit in one test process).
async fn pooled_host() -> estive_testing::TestHost {
    estive_testing::Builder::default()
        .plugin(crate::fixtures::fixture("hello"))
        .pooling(true)
        .start()
        .await
        .expect("test host starts")
}

/// Every call's store is freed: far more calls than the pooling allocator
/// has instance slots (1,000 components) all succeed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_calls_never_exhaust_the_instance_slots() {
    let host = pooled_host().await;
    let c = host.client();
    for i in 0..1500 {
        let page = c.get("/bonjour/ping").await.unwrap();
        assert_eq!(page.status, 200, "call {i}: {}", page.text);
    }
}

/// The same, calling the runtime directly in a tight loop (as the
/// benchmark does): stores dropped in the background are freed in time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tight_loop_of_calls_frees_every_store() {
    use estive_core::package::manifest::Area;
    use estive_core::runtime::api as wit;
    use estive_core::runtime::{Call, Reply};
    use estive_core::web::ctx::Ctx;
    use estive_core::web::plugin as webplugin;

    let host = pooled_host().await;
    let snap = host.state.platform.snapshot();
    let site = snap.site("test").unwrap();
    let p = site.plugin("hello").unwrap().clone();
    let ctx = Ctx::resolve(
        &host.state,
        &Default::default(),
        &"/bonjour/ping".parse().unwrap(),
        None,
    )
    .await
    .map_err(|e| e.to_string())
    .unwrap();
    let rt = &host.state.platform.runtime;
    for i in 0..3000 {
        let req = wit::Request {
            context: webplugin::wit_context(&ctx, &p, Some(Area::Portal)),
            area: Area::Portal,
            route: "ping".into(),
            method: wit::Method::Get,
            params: vec![],
            query: vec![],
            form: vec![],
            client: wit::Client {
                visitor: "v".into(),
                address: "a".into(),
            },
        };
        let r = rt
            .call(&p.loaded, webplugin::call_info(&ctx, &p), Call::Handle(req))
            .await;
        assert!(matches!(r, Ok(Reply::Handle(Ok(_)))), "call {i}: {r:?}");
        tokio::task::yield_now().await;
    }
}
