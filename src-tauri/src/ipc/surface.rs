//! `ipc_surface!`: one declaration per command becomes the Tauri command, its handler entry,
//! the test dispatcher the UI's fixtures are recorded through, and its TypeScript signature.

macro_rules! ipc_surface {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident($state:ident $(, $arg:ident : $ty:ty)*) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command(rename_all = "snake_case")]
            pub async fn $name(
                state: tauri::State<'_, AppState>
                $(, $arg: $ty)*
            ) -> Result<$ret, ApiError> {
                let $state: &AppState = &state;
                $body
            }
        )*

        /// The Tauri invoke handler for every declared command.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// Calls a command by name with its arguments as the webview sends them (JSON), on
        /// `state`, and answers as the webview would receive it. The UI's test double is
        /// recorded through this, so it answers exactly as these commands do.
        #[cfg(test)]
        pub fn dispatch(
            state: &AppState,
            name: &str,
            args: serde_json::Value,
        ) -> Result<serde_json::Value, ApiError> {
            match name {
                $(
                    stringify!($name) => {
                        #[derive(serde::Deserialize)]
                        struct Args { $($arg: $ty),* }
                        let Args { $($arg),* } = serde_json::from_value(args).map_err(|e| ApiError {
                            code: None,
                            message: format!("`{}`: {e}", stringify!($name)),
                        })?;
                        let $state: &AppState = state;
                        #[allow(clippy::redundant_closure_call)]
                        let answer: Result<$ret, ApiError> = (|| $body)();
                        Ok(serde_json::to_value(answer?).expect("every answer serialises"))
                    }
                )*
                _ => Err(ApiError {
                    code: None,
                    message: format!("there is no command `{name}`"),
                }),
            }
        }

        /// The declared command names, in declaration order.
        #[cfg(test)]
        pub const DECLARED: &[&str] = &[$(stringify!($name)),*];

        /// The `Commands` interface for TypeScript: each command's arguments and result.
        #[cfg(test)]
        pub fn typescript_commands() -> String {
            use ts_rs::TS;
            let mut out = String::from("export interface Commands {\n");
            $(
                let docs: &[&str] = &[$($doc),*];
                for d in docs {
                    out.push_str(&format!("  /**{} */\n", d));
                }
                let args: Vec<String> = vec![$(format!("{}: {}", stringify!($arg), <$ty as TS>::name(&ts_rs::Config::default()))),*];
                out.push_str(&format!(
                    "  {}: {{ args: {{ {} }}; result: {} }};\n",
                    stringify!($name),
                    args.join("; "),
                    <$ret as TS>::name(&ts_rs::Config::default())
                ));
            )*
            out.push_str("}\n");
            out
        }
    };
}
