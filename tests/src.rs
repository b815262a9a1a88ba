//! End-to-end tests of Estive live in `all/`; fixtures in `fixtures/`.
