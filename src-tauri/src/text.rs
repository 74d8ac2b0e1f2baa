//! Russian messages of the desktop shell.

/// A poisoned lock: a previous command panicked.
pub const INTERNAL: &str = "Внутренняя ошибка приложения. Перезапустите Klimat.";
/// The database could not be opened at start.
pub const DB_OPEN_FAILED: &str = "Не удалось открыть базу данных Klimat";
/// A malformed form sent by the UI.
pub const BAD_FORM: &str = "Анкета заполнена неверно.";
/// A command refused in kiosk mode.
pub const KIOSK_LOCKED: &str =
    "Режим самостоятельного заполнения: другие разделы недоступны без PIN-кода.";
