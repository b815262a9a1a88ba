//! `cargo xtask bench`: the host's budgets, measured side by side in one
//! run and printed as figures and ratios (never as pass/fail: machines are
//! shared and noisy).
//!
//! - the plugin call on the request path (instantiate + handle + drop),
//!   median and p99, with and without the pooling allocator;
//! - the same page (a database read + a template in the layout) served by a
//!   native handler and by a plugin, throughput side by side, and a page
//!   without data served both ways, which splits what the plugin adds into
//!   the cost of any call and the cost of the page's data;
//! - the p99 of normal pages while as many plugin calls as cores spin;
//! - server start with the plugins cached, and memory per site;
//! - the `polls` plugin: anonymous answers accepted per second (none lost)
//!   and its results page throughput (`polls.rs`).

mod housing;
mod jobs;
mod polls;
mod roster;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use axum::extract::State;
use axum::response::Response;
use estive_core::package::manifest::Area;
use estive_core::platform::SitePlugin;
use estive_core::runtime::api as wit;
use estive_core::runtime::{Call, Reply};
use estive_core::web::ctx::Ctx;
use estive_core::web::{AppState, page, plugin as webplugin};
use estive_testing::{Builder, TestHost};

// The same allocator as the `estive` binary, so the figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Pages with status 200 a second, `clients` requests at once with the
/// client's cookies, over `seconds`.
async fn rate(
    client: &estive_testing::Client,
    path: &str,
    clients: usize,
    seconds: f64,
) -> Result<f64> {
    rate_of(client, path, clients, seconds, false).await
}

/// [`rate`] with every request's address made unique by a last query
/// parameter `_n` the page ignores, so that no answer the host keeps
/// (`cache-seconds`) is ever served again: what the plugin itself costs.
async fn rate_uncached(
    client: &estive_testing::Client,
    path: &str,
    clients: usize,
    seconds: f64,
) -> Result<f64> {
    rate_of(client, path, clients, seconds, true).await
}

async fn rate_of(
    client: &estive_testing::Client,
    path: &str,
    clients: usize,
    seconds: f64,
    unique: bool,
) -> Result<f64> {
    let stop = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicU64::new(0));
    let serial = Arc::new(AtomicU64::new(0));
    let joiner = if path.contains('?') { '&' } else { '?' };
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (client, stop, count, serial, path) = (
            client.clone(),
            stop.clone(),
            count.clone(),
            serial.clone(),
            path.to_owned(),
        );
        tasks.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let target = if unique {
                    let n = serial.fetch_add(1, Ordering::Relaxed);
                    format!("{path}{joiner}_n={n}")
                } else {
                    path.clone()
                };
                if let Ok(page) = client.get(&target).await
                    && page.status == 200
                {
                    count.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    let t = Instant::now();
    tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let n = count.load(Ordering::Relaxed);
    let elapsed = t.elapsed().as_secs_f64();
    for t in tasks {
        let _ = t.await;
    }
    Ok(n as f64 / elapsed)
}

/// `2026-11-01T00:00Z` plus `n` minutes: the higher the number, the newer.
fn minutes_after_november_first(n: usize) -> String {
    let (day, rest) = (n / 1440, n % 1440);
    format!(
        "2026-11-{:02}T{:02}:{:02}:00Z",
        1 + day,
        rest / 60,
        rest % 60
    )
}

/// A fresh folder for rows a benchmark loads (the demo files' format).
fn rows_dir(name: &str) -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("estive-bench-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// The plugin call alone, as the dispatcher makes it.
async fn call_latency(pooling: bool, calls: usize) -> Result<(Duration, Duration)> {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .pooling(pooling)
        .start()
        .await?;
    let snap = host.state.platform.snapshot();
    let site = snap.site("test").context("site")?;
    let p = site.plugin("hello").context("hello")?.clone();
    let ctx = Ctx::resolve(
        &host.state,
        &Default::default(),
        &"/bonjour/ping".parse()?,
        None,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let request = || wit::Request {
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
    let rt = &host.state.platform.runtime;
    // Warm up (compile caches, pools).
    for _ in 0..500 {
        rt.call(
            &p.loaded,
            webplugin::call_info(&ctx, &p),
            Call::Handle(request()),
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let mut times = Vec::with_capacity(calls);
    for _ in 0..calls {
        let req = request();
        let info = webplugin::call_info(&ctx, &p);
        let t = Instant::now();
        let r = rt.call(&p.loaded, info, Call::Handle(req)).await;
        times.push(t.elapsed());
        if !matches!(r, Ok(Reply::Handle(Ok(_)))) {
            anyhow::bail!("the call failed: {r:?}");
        }
        // Let the background refill keep up, as between real requests.
        tokio::task::yield_now().await;
    }
    times.sort();
    Ok((percentile(&times, 0.5), percentile(&times, 0.99)))
}

/// The native twin of hello's list page: the same query, the same settings,
/// the same template and layout, without the plugin.
async fn native_list(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Response, estive_core::web::error::Error> {
    let p = hello(&ctx)?;
    let actor = estive_core::storage::Actor::default();
    let scope = estive_core::storage::Scope {
        site_id: ctx.site.id,
        manifest: &p.loaded.manifest,
        actor: &actor,
    };
    let q = estive_core::storage::ops::RowQuery {
        table: "greetings".into(),
        columns: vec![],
        filter: vec![],
        order: vec![estive_core::storage::ops::Order {
            column: "name".into(),
            descending: false,
        }],
        limit: None,
        offset: None,
    };
    let rows = state
        .platform
        .runtime
        .services
        .storage
        .query(scope, q)
        .await
        .map_err(|e| estive_core::web::error::Error::Internal(anyhow::anyhow!("{e:?}")))?;
    let greetings: Vec<serde_json::Value> = rows
        .rows
        .into_iter()
        .map(|r| {
            serde_json::Value::Object(
                rows.columns
                    .iter()
                    .cloned()
                    .zip(r.into_iter().map(estive_core::platform::data::value_json))
                    .collect(),
            )
        })
        .collect();
    let view = wit::View {
        template: "list.html".into(),
        context: serde_json::json!({ "greetings": greetings, "greeting": p.settings["greeting"] })
            .to_string(),
        title: "Bonjour".into(),
        status: 200,
        breadcrumbs: None,
    };
    native_page(&state, &ctx, &p, &view)
}

/// The native twin of hello's ping page: a template in the layout, no
/// storage, no settings. Beside the plugin's ping page it gives the fixed
/// cost of a plugin call, whatever the page does.
async fn native_ping(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Response, estive_core::web::error::Error> {
    let p = hello(&ctx)?;
    let view = wit::View {
        template: "ping.html".into(),
        context: "{}".into(),
        title: "ping".into(),
        status: 200,
        breadcrumbs: None,
    };
    native_page(&state, &ctx, &p, &view)
}

fn hello(ctx: &Ctx) -> Result<Arc<SitePlugin>, estive_core::web::error::Error> {
    ctx.site
        .plugin("hello")
        .cloned()
        .ok_or(estive_core::web::error::Error::NotFound(None))
}

/// A view rendered in the site's layout, as the dispatcher renders a
/// plugin's.
fn native_page(
    state: &AppState,
    ctx: &Ctx,
    p: &SitePlugin,
    view: &wit::View,
) -> Result<Response, estive_core::web::error::Error> {
    let content = webplugin::render_view(state, ctx, p, Area::Portal, view)?.content;
    let f = page::frame(
        state,
        ctx,
        Area::Portal,
        &view.title,
        axum::http::StatusCode::OK,
    );
    Ok(page::html(
        axum::http::StatusCode::OK,
        state.render.page(&ctx.site, &f, &content)?,
    ))
}

/// Requests per second on `path` with `concurrency` keep-alive clients.
async fn throughput(url: &str, path: &str, concurrency: usize, seconds: f64) -> Result<f64> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    let stop = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, stop, count, u) = (
            client.clone(),
            stop.clone(),
            count.clone(),
            format!("{url}{path}"),
        );
        tasks.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                if let Ok(r) = client.get(&u).send().await
                    && r.status().is_success()
                    && r.bytes().await.is_ok()
                {
                    count.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    let t = Instant::now();
    tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let n = count.load(Ordering::Relaxed);
    let elapsed = t.elapsed().as_secs_f64();
    for t in tasks {
        let _ = t.await;
    }
    Ok(n as f64 / elapsed)
}

async fn serve_with_native(host: &TestHost) -> Result<String> {
    // Behind the same layers as every page of the host and its plugins.
    let app = estive_core::web::app_with(
        host.state.clone(),
        axum::Router::new()
            .route("/native/bonjour/", axum::routing::get(native_list))
            .route("/native/bonjour/ping", axum::routing::get(native_ping)),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(format!("http://{addr}"))
}

/// Throughput of two pages, each served natively and by the plugin.
struct Pages {
    /// The list page: a database read and a template in the layout.
    list: (f64, f64),
    /// The ping page: a template in the layout, nothing else.
    ping: (f64, f64),
}

/// `side`: measure only that one (`plugin-list`…), for profiling.
async fn page_ratio(side: Option<&str>) -> Result<Pages> {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .pooling(true)
        .start()
        .await?;
    let c = host.client();
    for i in 0..20 {
        c.post_form("/bonjour/", &[("name", &format!("Habitant {i}"))])
            .await?;
    }
    let url = serve_with_native(&host).await?;
    // Both sides must serve the same page.
    for (native, plugin, mark) in [
        ("/native/bonjour/", "/bonjour/", "20 salutations"),
        ("/native/bonjour/ping", "/bonjour/ping", "pong"),
    ] {
        for path in [native, plugin] {
            let page = reqwest::get(format!("{url}{path}")).await?.text().await?;
            anyhow::ensure!(page.contains(mark), "{path} is not the page measured");
        }
    }
    let measured = [
        ("native-list", "/native/bonjour/", 2.0),
        ("plugin-list", "/bonjour/", 2.0),
        ("native-ping", "/native/bonjour/ping", 1.0),
        ("plugin-ping", "/bonjour/ping", 1.0),
    ];
    let mut rates = [0.0; 4];
    // Interleaved rounds so that noise hits every side alike.
    let rounds = 3;
    for _ in 0..rounds {
        for ((name, path, seconds), rate) in measured.iter().zip(&mut rates) {
            if side.is_none_or(|s| s == *name) {
                *rate += throughput(&url, path, 16, *seconds).await? / f64::from(rounds);
            }
        }
    }
    Ok(Pages {
        list: (rates[0], rates[1]),
        ping: (rates[2], rates[3]),
    })
}

async fn spin_p99() -> Result<(Duration, Duration, Duration, usize)> {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .plugin(fixture("spin"))
        .pooling(true)
        .start()
        .await?;
    let url = serve_with_native(&host).await?;
    let client = reqwest::Client::new();
    let measure = |client: reqwest::Client, url: String| async move {
        let mut times = Vec::new();
        let t0 = Instant::now();
        while t0.elapsed() < Duration::from_secs(4) {
            let t = Instant::now();
            let r = client.get(format!("{url}/bonjour/")).send().await;
            if let Ok(r) = r {
                let _ = r.bytes().await;
            }
            times.push(t.elapsed());
        }
        times.sort();
        times
    };
    let calm = measure(client.clone(), url.clone()).await;
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let stop = Arc::new(AtomicBool::new(false));
    let spins = Arc::new(AtomicU64::new(0));
    let spin_plugin = host
        .state
        .platform
        .snapshot()
        .site("test")
        .context("site")?
        .plugin("spin")
        .context("spin")?
        .clone();
    let mut spinners = Vec::new();
    for _ in 0..cores {
        let (client, url, stop, spins, p) = (
            client.clone(),
            url.clone(),
            stop.clone(),
            spins.clone(),
            spin_plugin.clone(),
        );
        spinners.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                // Keep it from being suspended: we want it spinning.
                p.loaded.health.resume();
                if let Ok(r) = client.get(format!("{url}/spin/")).send().await {
                    let _ = r.bytes().await;
                    spins.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let busy = measure(client.clone(), url.clone()).await;
    stop.store(true, Ordering::Relaxed);
    for s in spinners {
        let _ = s.await;
    }
    Ok((
        percentile(&calm, 0.99),
        percentile(&busy, 0.5),
        percentile(&busy, 0.99),
        spins.load(Ordering::Relaxed) as usize,
    ))
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Start time with every built plugin installed and cached, then memory as
/// sites are added.
async fn start_and_sites(sites: usize) -> Result<(usize, Duration, f64, u64)> {
    let packages_dir = root().join("target/plugins");
    let mut builder = Builder::default().pooling(true);
    let mut n = 0;
    if let Ok(entries) = std::fs::read_dir(&packages_dir) {
        for e in entries.flatten() {
            if let Ok(p) = estive_core::package::Package::read(&e.path()) {
                builder = builder.package(p);
                n += 1;
            }
        }
    }
    builder = builder.package(estive_testing::build_package(&fixture("hello"))?);
    n += 1;
    let host = builder.start().await?;
    // Reopen the same database and cache: what a restart costs.
    let data_dir = host.state.platform.settings.data_dir.clone();
    let config = estive_core::server::Config {
        addr: "127.0.0.1:0".into(),
        database_url: estive_core::db::default_url(&data_dir),
        data_dir,
        pooling: true,
        unknown_host_default: true,
        fake_now: None,
        // The cache the test host filled: a restart finds its plugins compiled.
        cache_dir: Some(root().join("target/estive-test-cache")),
    };
    let t = Instant::now();
    let reopened = estive_core::server::open(&config).await?;
    let start = t.elapsed();
    drop(reopened);

    let names: Vec<String> = host
        .state
        .platform
        .snapshot()
        .site("test")
        .context("site")?
        .plugins
        .iter()
        .map(|p| p.name.clone())
        .collect();
    let before = rss_kib();
    for i in 0..sites {
        let mut c = estive_core::sites::config::SiteConfig::new(
            &format!("site-{i}"),
            &format!("Communauté {i}"),
        );
        for name in &names {
            c.plugins.insert(name.clone(), Default::default());
        }
        host.state
            .platform
            .apply_site(c, Default::default(), Default::default(), None)
            .await?;
    }
    // Touch every site once so that whatever is lazily built per site is.
    let client = host.client();
    client.get("/").await?;
    let after = rss_kib();
    let loaded = host.state.platform.runtime.all().len() as u64;
    Ok((
        n,
        start,
        (after as f64 - before as f64) / sites.max(1) as f64,
        loaded,
    ))
}

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    // `--only call|page|spin|start|polls|roster|jobs|housing`: one measure (for profiling).
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let run = |name: &str| only.as_deref().is_none_or(|o| o == name);
    // `--only page --side plugin-list|native-list|plugin-ping|native-ping`:
    // one side of the page measure (for profiling it alone).
    let side = args
        .iter()
        .position(|a| a == "--side")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    println!("Estive benchmarks ({cores} cores)");

    if run("call") {
        let calls = if quick { 2_000 } else { 20_000 };
        let (p50, p99) = call_latency(true, calls).await?;
        let (u50, u99) = call_latency(false, calls).await?;
        println!("\nplugin call on the request path ({calls} calls, trivial handler)");
        println!(
            "  pooling allocator:    median {:7.1} µs   p99 {:7.1} µs   (goal ≤ 20 / ≤ 60)",
            us(p50),
            us(p99)
        );
        println!(
            "  on-demand allocation: median {:7.1} µs   p99 {:7.1} µs",
            us(u50),
            us(u99)
        );
    }
    if run("page") {
        let pages = page_ratio(side.as_deref()).await?;
        if let Some(side) = &side {
            let Pages { list, ping } = &pages;
            let rate = [list.0, list.1, ping.0, ping.1]
                .into_iter()
                .fold(0.0, f64::max);
            println!("\n{side}: {rate:.0} req/s, 16 clients");
            return Ok(());
        }
        let (native, plugin) = pages.list;
        println!("\nsame page (database read + template in the layout), 16 clients");
        println!("  native handler: {native:8.0} req/s");
        println!("  plugin:         {plugin:8.0} req/s");
        println!(
            "  ratio plugin/native: {:.2}   (goal ≥ 0.9)",
            plugin / native
        );
        // With every core busy, a request costs cores / throughput of CPU
        // (the clients' share included, and the same on both sides), so
        // the difference is what the plugin adds, whatever the native
        // page costs: the ratio alone falls as the shared work gets faster.
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
        let cpu = |rate: f64| cores / rate * 1e6;
        let added = |(native, plugin): (f64, f64)| cpu(plugin) - cpu(native);
        println!(
            "  the plugin adds about {:.0} µs of CPU per request (counting {cores:.0} busy cores: {:.0} µs native, {:.0} µs plugin)",
            added(pages.list),
            cpu(native),
            cpu(plugin)
        );
        // The ping page is the plugin call and the layout, nothing else:
        // what the plugin adds there is paid by every plugin page, however
        // little it does; the rest comes with the page's data.
        let (pn, pp) = pages.ping;
        println!(
            "  a page without data (template in the layout): native {pn:.0} req/s, plugin {pp:.0} req/s, ratio {:.2}",
            pp / pn
        );
        println!(
            "  of the {:.0} µs: {:.0} µs for any plugin call (instantiate, call, drop), {:.0} µs for the page's data (storage call, rows and context through the guest)",
            added(pages.list),
            added(pages.ping),
            added(pages.list) - added(pages.ping)
        );
        println!(
            "  for 0.9 the plugin may add at most {:.0} µs to this page",
            cpu(native) / 0.9 - cpu(native)
        );
    }
    if run("spin") {
        let (calm99, busy50, busy99, spins) = spin_p99().await?;
        println!("\nnormal pages while {cores} plugin calls spin (deadline 300 ms each)");
        println!(
            "  p99 without spinners: {:6.1} ms",
            calm99.as_secs_f64() * 1e3
        );
        println!(
            "  with spinners: median {:6.1} ms   p99 {:6.1} ms   (goal p99 ≤ 50 ms; {spins} spinning calls stopped)",
            busy50.as_secs_f64() * 1e3,
            busy99.as_secs_f64() * 1e3
        );
    }
    if run("start") {
        let sites = if quick { 50 } else { 200 };
        let (plugins, start, per_site, loaded) = start_and_sites(sites).await?;
        println!(
            "\nserver start with {plugins} plugins installed and cached: {:.0} ms   (goal < 1000 ms)",
            start.as_secs_f64() * 1e3
        );
        println!(
            "memory per added site with every plugin enabled: {per_site:.1} KiB of resident memory ({sites} sites; {loaded} compiled plugin versions shared by all; the allocator may return memory meanwhile, so small or negative figures mean \"below the noise\")"
        );
    }
    if run("polls") {
        polls::measure(quick).await?.print();
    }
    if run("roster") {
        roster::measure(quick).await?.print();
    }
    if run("jobs") {
        jobs::measure(quick).await?.print();
    }
    if run("housing") {
        housing::measure(quick).await?.print();
    }
    Ok(())
}
