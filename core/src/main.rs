use clap::Parser;

// Requests and plugin calls allocate many small objects on several threads,
// where mimalloc is markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ESTIVE_LOG").unwrap_or_else(|_| {
                tracing_subscriber::EnvFilter::new(
                    "info,sqlx=warn,sea_orm_migration=warn,wasmtime=warn,cranelift=warn",
                )
            }),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = estive_core::cli::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(estive_core::cli::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
