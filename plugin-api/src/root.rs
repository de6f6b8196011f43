//! What the three plugin kinds share: the shape of their root module and of its export.
//!
//! A plugin library exports one root module with three functions: `info` (name, version,
//! description), `describe` (the default configuration) and `new` (an instance as a boxed trait
//! object). Only `new`'s argument and the trait object differ between kinds, so both the module
//! type and the export macro are written once here and instantiated per kind.

/// Declares a kind's root module `$module` (prefix reference `$module_ref`) and its
/// `RootModule` impl: `$base` is the library base name abi_stable looks for.
macro_rules! root_module {
    (
        $(#[$doc:meta])*
        $module:ident, $module_ref:ident, base: $base:literal, name: $name:literal,
        new: fn($arg:ident: $arg_ty:ty) -> $boxed:ty $(,)?
    ) => {
        $(#[$doc])*
        #[repr(C)]
        #[derive(abi_stable::StableAbi)]
        #[sabi(kind(Prefix(prefix_ref = $module_ref)))]
        #[sabi(missing_field(panic))]
        pub struct $module {
            /// Name, version and description.
            pub info: extern "C" fn() -> $crate::PluginInfo,
            /// The default configuration, as TOML text (what `engine plugins describe` prints).
            pub describe: extern "C" fn() -> abi_stable::std_types::RString,
            /// Builds an instance from its configuration (TOML text; empty means defaults).
            #[sabi(last_prefix_field)]
            pub new: extern "C" fn(
                $arg: $arg_ty,
            ) -> abi_stable::std_types::RResult<$boxed, abi_stable::std_types::RString>,
        }

        impl abi_stable::library::RootModule for $module_ref {
            abi_stable::declare_root_module_statics! {$module_ref}
            const BASE_NAME: &'static str = $base;
            const NAME: &'static str = $name;
            const VERSION_STRINGS: abi_stable::sabi_types::VersionStrings =
                abi_stable::package_version_strings!();
        }
    };
}
pub(crate) use root_module;

/// The body of the `export_*_plugin!` macros: `info`, `describe`, a `new` that runs the plugin's
/// constructor under [`crate::guard`] and boxes its value as `$object`, and the root module.
#[doc(hidden)]
#[macro_export]
macro_rules! __export_plugin {
    (
        name: $name:expr, description: $desc:expr, default_config: $cfg:expr, new: $new:expr,
        module: $module:ident, module_ref: $module_ref:ident, object: $object:ident,
        boxed: $boxed:ident, arg: $arg:ident: $arg_ty:ty => $input:expr $(,)?
    ) => {
        extern "C" fn __engine_info() -> $crate::PluginInfo {
            $crate::PluginInfo::new($name, env!("CARGO_PKG_VERSION"), $desc)
        }
        extern "C" fn __engine_describe() -> $crate::abi_stable::std_types::RString {
            $crate::abi_stable::std_types::RString::from($cfg)
        }
        extern "C" fn __engine_new(
            $arg: $arg_ty,
        ) -> $crate::abi_stable::std_types::RResult<
            $crate::$boxed,
            $crate::abi_stable::std_types::RString,
        > {
            $crate::guard("new", || {
                let value = ($new)($input)?;
                Ok($crate::$object::from_value(
                    value,
                    $crate::abi_stable::sabi_trait::TD_Opaque,
                ))
            })
        }
        #[$crate::abi_stable::export_root_module]
        pub fn __engine_root_module() -> $crate::$module_ref {
            use $crate::abi_stable::prefix_type::PrefixTypeTrait;
            $crate::$module {
                info: __engine_info,
                describe: __engine_describe,
                new: __engine_new,
            }
            .leak_into_prefix()
        }
    };
}
