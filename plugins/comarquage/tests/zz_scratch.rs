use anyhow::Result;
use estive_core::platform::plugins::StoredGrants;
use estive_sdk::testing::TestHost;

#[tokio::test]
async fn serve() -> Result<()> {
    let host = TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .now("2026-11-10T09:00:00+01:00")
        .start()
        .await?;
    let site = host.state.platform.snapshot().site("test").unwrap().id;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    host.state
        .platform
        .save_grants(
            site,
            "comarquage",
            StoredGrants {
                http: vec![],
                directory: Some(dir.display().to_string()),
            },
        )
        .await?;
    let demo =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sites/veziaux-aure/demo");
    host.state.platform.load_demo("test", &demo).await?;
    host.run_schedule("comarquage", "import").await?;
    std::fs::write("/tmp/comarquage-url", &host.url)?;
    tokio::time::sleep(std::time::Duration::from_secs(400)).await;
    Ok(())
}
