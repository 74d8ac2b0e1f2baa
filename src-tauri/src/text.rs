//! Russian messages of the desktop shell.

/// A poisoned lock: a previous command panicked.
pub const INTERNAL: &str = "Внутренняя ошибка приложения. Перезапустите Klimat.";
/// The database could not be opened at start.
pub const DB_OPEN_FAILED: &str = "Не удалось открыть базу данных Klimat";
/// A malformed form sent by the UI.
pub const BAD_FORM: &str = "Анкета заполнена неверно.";
/// A command that comes after the database was closed on the way out.
pub const DB_CLOSED: &str = "База данных закрыта: Klimat завершает работу.";
/// A command refused in kiosk mode.
pub const KIOSK_LOCKED: &str =
    "Режим самостоятельного заполнения: другие разделы недоступны без PIN-кода.";

/// The window could not be opened (shown in a message box on Windows).
pub const WINDOW_FAILED: &str = "Klimat не может открыть окно программы. В Windows окну нужен компонент Microsoft Edge WebView2 Runtime: в Windows 10 и 11 он обычно установлен, но здесь его, видимо, нет или он поврежден. Установите WebView2 Runtime (автономный установщик можно принести на флешке) или пользуйтесь командой klimat.exe: ей WebView2 не нужен, база данных та же.";
/// A lock held by a request that failed.
pub const BUSY: &str = "Заполнение по сети сейчас недоступно: повторите через несколько секунд.";
