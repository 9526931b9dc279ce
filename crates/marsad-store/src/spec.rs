//! What a `--store` value names: a `postgres://` (or `postgresql://`) address is a
//! PostgreSQL database, anything else the path of a SQLite file.

/// True when `spec` is a PostgreSQL address rather than a file.
pub fn is_postgres(spec: &str) -> bool {
    spec.starts_with("postgres://") || spec.starts_with("postgresql://")
}

/// How a `--store` value is shown in messages: a file as given, a PostgreSQL
/// address without its password.
pub fn shown(spec: &str) -> String {
    if !is_postgres(spec) {
        return spec.to_owned();
    }
    match url::Url::parse(spec) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(None);
            }
            u.to_string()
        }
        Err(_) => format!("{}://(an address that cannot be read)", spec.split("://").next().unwrap_or("postgres")),
    }
}
