//! Every Russian message of the store.

/// A database from a newer Klimat.
pub const NEWER_SCHEMA: &str =
    "База данных создана более новой версией Klimat и не может быть открыта этой версией";
/// Not a Klimat database.
pub const NOT_KLIMAT_DB: &str = "Файл не является базой данных Klimat.";
/// XLSX unreadable.
pub const BAD_XLSX: &str = "Не удалось прочитать файл XLSX";
/// No template matched.
pub const UNKNOWN_TEMPLATE: &str = "Столбцы файла не соответствуют ни одному шаблону импорта: нужны столбцы q1…q15 (приверженность), q1…q18 (удовлетворенность) или o1_pos… (корпоративная культура).";
/// Unknown survey.
pub const NO_SURVEY: &str = "Нет анкетирования с номером";
/// Unknown form.
pub const NO_FORM: &str = "Нет анкеты с идентификатором";
/// Instrument not part of the survey.
pub const INSTRUMENT_NOT_IN_SURVEY: &str = "В анкетирование не входит анкета";
/// Exchange file unreadable.
pub const BAD_EXCHANGE: &str = "Файл обмена повреждён или создан не Klimat";
/// Backup file unusable.
pub const BAD_BACKUP: &str = "Файл не может быть восстановлен";
/// Database error.
pub const DATABASE: &str = "Ошибка базы данных";
/// File error.
pub const IO: &str = "Ошибка чтения или записи файла";
/// XLSX writing error.
pub const XLSX_WRITE: &str = "Не удалось записать файл XLSX";
/// An empty survey name.
pub const EMPTY_NAME: &str = "Название анкетирования не может быть пустым.";
/// No instruments chosen.
pub const NO_INSTRUMENTS: &str = "В анкетирование должна входить хотя бы одна анкета.";
/// Bad anonymity threshold.
pub const BAD_THRESHOLD: &str = "Порог анонимности должен быть не меньше 1.";
/// The backup target exists.
pub const BACKUP_EXISTS: &str = "Файл резервной копии уже существует, выберите другое имя";
/// The sheet name of exported forms.
pub const SHEET_FORMS: &str = "Анкеты";
/// The sheet of template explanations.
pub const SHEET_HELP: &str = "Пояснения";
/// Explanations written into the blank XLSX template.
pub const TEMPLATE_HELP: &[&str] = &[
    "Шаблон импорта анкет Klimat",
    "Одна строка листа «Анкеты» — одна анкета. Первая строка — названия столбцов, не меняйте их.",
    "code — код анкеты (например, «Анкета 017»); имена работников не указываются.",
    "tenure — стаж: число лет (например, 4 или 2,5) или вариант из списка.",
    "subdivision, position — структурное подразделение и категория должности из списков анкетирования.",
    "Пустая ячейка ответа означает «нет ответа».",
];
/// Explanation line for commitment answers.
pub const TEMPLATE_HELP_COMMITMENT: &str =
    "q1…q15 — оценки утверждений анкеты «Организационная приверженность» от 1 до 5.";
/// Explanation line for satisfaction answers.
pub const TEMPLATE_HELP_SATISFACTION: &str =
    "q1…q18 — ответы на вопросы анкеты «Интегральная удовлетворенность трудом»: а, б или в.";
/// Explanation line for culture answers.
pub const TEMPLATE_HELP_CULTURE: &str = "o1_pos…o8_neg — ответы на открытые вопросы; c1_sub…c15_org, l1_sub…l3_org, n1…n8 — оценки от 1 до 5; n7_actors и n7_tech — подчеркнутые слова через «|».";
/// An XLSX file without sheets.
pub const NO_SHEETS: &str = "в книге нет ни одного листа";
/// An XLSX file the reader could not make sense of.
pub const XLSX_BROKEN: &str = "файл поврежден или не является книгой Excel";
/// A second Klimat on the same database.
pub const IN_USE: &str = "База данных уже открыта другой копией Klimat на этом компьютере. Закройте ее и повторите; одновременная запись двумя копиями могла бы повредить данные.";
/// The disk is full.
pub const DISK_FULL: &str = "Недостаточно места на диске: последнее действие не выполнено, ранее сохраненные анкеты не затронуты. Освободите место и повторите.";
/// Read-only storage.
pub const READ_ONLY: &str = "База данных недоступна для записи (файл или папка только для чтения, например защищенная флешка). Ранее сохраненные анкеты не затронуты; выберите доступную для записи папку.";
