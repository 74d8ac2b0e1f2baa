//! The icon and version information of `klimat.exe` on Windows
//! (`klimat.rc`); a no-op when building for other systems.

fn main() {
    println!("cargo:rerun-if-changed=klimat.rc");
    println!("cargo:rerun-if-changed=../../icons/icon.ico");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let mut parts: Vec<&str> = version.split(['.', '-']).take(3).collect();
    parts.resize(3, "0");
    let commas = format!("{},0", parts.join(","));
    let macros = [
        format!("KLIMAT_VERSION=\\\"{version}\\\""),
        format!("KLIMAT_VERSION_COMMAS={commas}"),
    ];
    embed_resource::compile("klimat.rc", &macros)
        .manifest_optional()
        .unwrap_or_else(|e| panic!("klimat.rc: {e}"));
}
