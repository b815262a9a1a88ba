//! Sites: their declarative definition (`site.toml`).

pub mod config;
