//! The Klimat window. All of it is in the library: `main` is one call.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    klimat_desktop_lib::run();
}
