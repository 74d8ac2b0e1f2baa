//! Klimat's desktop window: a Tauri v2 shell of thin commands over
//! `klimat-core`, `klimat-store`, `klimat-report` and `klimat-app`.
//!
//! [`run`] opens the database once (portable mode honoured), registers the
//! commands of [`commands`] and serves the static `ui/`. This is the only
//! crate that depends on tauri.

#![forbid(unsafe_code)]

pub mod commands;
mod dto;
mod error;
mod state;
mod text;

use std::path::Path;

use klimat_store::paths;

pub use error::ApiError;
pub use state::AppState;

/// A failure that keeps the window from opening, said where the user sees
/// it: on Windows a message box (the program has no console there), on
/// other systems the standard error stream.
fn fatal(detail: &str) -> ! {
    let message = format!("{}\n\n{detail}", text::WINDOW_FAILED);
    #[cfg(windows)]
    rfd::MessageDialog::new()
        .set_title("Klimat")
        .set_description(&message)
        .set_level(rfd::MessageLevel::Error)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    eprintln!("{message}");
    std::process::exit(1);
}

/// Builds and runs the app.
pub fn run() {
    // A panic while the window starts (WebView2 missing, say) must not end
    // the program without a word.
    std::panic::set_hook(Box::new(|info| {
        let detail = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        fatal(&detail);
    }));
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_owned))
        .unwrap_or_else(|| ".".into());
    // KLIMAT_DB points the window at another database (tests, demos).
    let db_path = std::env::var_os("KLIMAT_DB")
        .map(Into::into)
        .unwrap_or_else(paths::default_db_path);
    // A database that cannot be opened does not stop the window: the start
    // screen says why and offers to try again (commands::start).
    let state = AppState::open(db_path.clone(), paths::is_portable(&exe_dir));
    if let Ok(Some(e)) = state.open_error() {
        eprintln!(
            "{} «{}»: {}",
            text::DB_OPEN_FAILED,
            db_path.display(),
            e.message
        );
    }
    use commands::*;
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .setup(|app| {
            // Back in kiosk mode after a restart: full screen at once.
            use tauri::Manager;
            let state = app.state::<AppState>();
            if let Some(w) = app.get_webview_window("main") {
                // An office application shows a handful of local pages: the
                // smallest cache WebKit offers is enough (less memory).
                #[cfg(target_os = "linux")]
                let _ = w.with_webview(|webview| {
                    use webkit2gtk::{WebContextExt, WebViewExt};
                    if let Some(context) = webview.inner().context() {
                        context.set_cache_model(webkit2gtk::CacheModel::DocumentViewer);
                    }
                });
                // The size the window had when it was last closed.
                if let Some((width, height)) = state.window_size() {
                    let _ = w.set_size(tauri::LogicalSize::new(width, height));
                }
                if state.in_kiosk() {
                    let _ = w.set_fullscreen(true);
                    let _ = w.set_always_on_top(true);
                }
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            // In kiosk mode the window does not close (Alt+F4, the title
            // bar's cross): the page asks for the PIN instead.
            use tauri::{Emitter, Manager};
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<AppState>();
                if state.in_kiosk() {
                    api.prevent_close();
                    let _ = window.emit("kiosk-close-requested", ());
                } else if let (Ok(size), Ok(scale)) = (window.inner_size(), window.scale_factor()) {
                    let size = size.to_logical::<f64>(scale);
                    state.remember_window_size(size.width, size.height);
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            surveys::list_surveys,
            surveys::create_survey,
            surveys::update_survey,
            surveys::set_survey_archived,
            surveys::survey_defaults,
            surveys::open_example,
            surveys::remove_example,
            forms::list_forms,
            forms::save_form,
            forms::update_form,
            forms::delete_form,
            forms::form_codes,
            forms::forms_page,
            verify::verify_form,
            verify::settle_verification,
            verify::plan_verification,
            verify::verification_list,
            verify::verification_stats,
            network::network_status,
            network::network_start,
            network::network_stop,
            network::save_code_slips,
            reports::results,
            reports::save_report,
            reports::reportable_subdivisions,
            reports::open_texts,
            reports::set_text_hidden,
            reports::save_consolidated_report,
            reports::consolidated_results,
            reports::report_settings,
            reports::save_report_settings,
            reports::proposals_draft,
            reports::save_blank_form,
            data::import_file,
            data::export_forms,
            data::save_template,
            data::exchange_export,
            data::merge_file,
            data::backup,
            data::restore,
            data::copies,
            data::set_keep_copies,
            data::save_import_errors,
            kiosk::kiosk_status,
            kiosk::set_kiosk_pin,
            kiosk::enter_kiosk,
            kiosk::leave_kiosk,
            kiosk::kiosk_save,
            kiosk::questionnaire,
            about::about,
            about::first_paint,
            start::startup,
            start::retry_open,
            start::quit,
        ])
        .build(tauri::generate_context!())
        .unwrap_or_else(|e| fatal(&e.to_string()));
    // Ctrl+C in a terminal, or the system ending the session, closes the
    // window as its cross would (outside kiosk mode): the database is
    // closed cleanly on the way out.
    let handle = app.handle().clone();
    let _ = ctrlc::set_handler(move || handle.exit(0));
    app.run(|app, event| {
        if let tauri::RunEvent::Exit = event {
            use tauri::Manager;
            app.state::<AppState>().close();
        }
    });
}
