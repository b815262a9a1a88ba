//! The names of plugin.toml as constants (`routes::LIST`, `tables::OFFERS`…),
//! so that a misspelt one does not compile.

fn main() {
    if let Err(e) = estive_sdk::build::names() {
        panic!("{e}");
    }
}
