//! Estive plugin SDK.
#[doc(hidden)]
pub mod bindings {
    wit_bindgen::generate!({
        path: "../wit/v1.0.0",
        world: "estive:plugin/plugin@1.0.0",
        pub_export_macro: true,
        default_bindings_module: "estive_sdk::bindings",
    });
}
#[macro_export]
macro_rules! stamp { () => {
    #[used]
    #[unsafe(link_section = "estive-api")]
    static __ESTIVE_API: [u8; 5] = *b"1.0.0";
}}
