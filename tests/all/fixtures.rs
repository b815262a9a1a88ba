//! Helpers to start hosts with the guest fixtures of `tests/fixtures/`.

use std::path::PathBuf;

use estive_testing::{Builder, TestHost};

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// A host with the well-behaved `hello` and the named faulty fixtures.
pub async fn host_with(faulty: &[&str]) -> TestHost {
    let mut b = Builder::default().plugin(fixture("hello"));
    for f in faulty {
        b = b.plugin(fixture(f));
    }
    b.start().await.expect("test host starts")
}
