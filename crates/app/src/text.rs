//! Every Russian message of the operations layer.

/// Kiosk mode without a PIN.
pub const KIOSK_NO_PIN: &str =
    "Сначала задайте PIN-код: без него из режима киоска нельзя будет выйти.";
/// A PIN of the wrong shape.
pub const KIOSK_BAD_PIN: &str = "PIN-код — от 4 до 8 цифр.";
/// A wrong PIN.
pub const KIOSK_WRONG_PIN: &str = "Неверный PIN-код.";
/// A wrong PIN that starts a wait.
pub const KIOSK_WRONG_PIN_WAIT: &str = "Неверный PIN-код. Следующая попытка будет возможна через";
/// An attempt during the wait.
pub const KIOSK_TOO_SOON: &str =
    "После нескольких неверных PIN-кодов ввод временно заблокирован. Повторите через";
/// «с».
pub const SECONDS: &str = "с.";
/// A kiosk save outside kiosk mode.
pub const KIOSK_NOT_ACTIVE: &str = "Режим киоска не включен: анкета не сохранена.";
/// The prefix of a self-filled form's code.
pub const KIOSK_CODE_PREFIX: &str = "Киоск";
