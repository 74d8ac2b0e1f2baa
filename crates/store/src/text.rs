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
/// A survey name or organization that is too long or has hidden characters.
pub const BAD_SURVEY_NAME: &str = "Название анкетирования и организации — одна строка не длиннее 200 знаков, без служебных символов.";
/// A bad subdivision or position list.
pub const BAD_LIST: &str = "Подразделения и категории должностей — не больше 500, каждое в одну строку не длиннее 200 знаков, без пустых строк и служебных символов.";
/// A repeated entry of a list.
pub const DUPLICATE_IN_LIST: &str = "Значение повторяется в списке подразделений или категорий:";
/// A date out of range.
pub const BAD_SURVEY_DATE: &str = "Дата анкетирования должна быть между 1990 и 2100 годом.";
/// Bad anonymity threshold.
pub const BAD_THRESHOLD: &str = "Порог анонимности K должен быть не меньше 3: группы меньше трех анкет позволили бы узнать ответы отдельных сотрудников (по умолчанию K = 5).";
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
/// An old binary Excel book, or an encrypted one.
pub const XLS_OLD: &str = "это книга старого формата Excel (.xls) или книга с паролем; откройте ее в Excel и сохраните как «Книга Excel (.xlsx)» без пароля";
/// A UTF-16 text file.
pub const UTF16: &str = "Файл не принят: он в кодировке UTF-16 («Юникод»). Сохраните его в Excel как «CSV UTF-8 (разделитель — запятая)».";
/// A binary file that is neither CSV nor XLSX.
pub const NOT_TEXT: &str = "Файл не принят: это не текстовый файл CSV и не книга Excel (.xlsx).";
/// An XLSX file without sheets.
pub const NO_SHEETS: &str = "в книге нет ни одного листа";
/// An XLSX file the reader could not make sense of.
pub const XLSX_BROKEN: &str = "файл поврежден или не является книгой Excel";
/// A second Klimat on the same database.
pub const IN_USE: &str = "База данных уже открыта другой копией Klimat на этом компьютере. Закройте ее и повторите; одновременная запись двумя копиями могла бы повредить данные.";
/// The disk is full.
pub const DISK_FULL: &str = "Недостаточно места на диске: последнее действие не выполнено, ранее сохраненные анкеты не затронуты. Освободите место и повторите.";
/// Read-only storage.
pub const TOO_MANY_FILES: &str = "Klimat не может открыть еще один файл: открыто слишком много файлов или сетевых соединений. Анкеты не затронуты; остановите заполнение по сети или перезапустите Klimat и повторите.";
pub const READ_ONLY: &str = "База данных недоступна для записи (файл или папка только для чтения, например защищенная флешка). Ранее сохраненные анкеты не затронуты; выберите доступную для записи папку.";
/// An input file over the size limit.
pub const FILE_TOO_LARGE: &str = klimat_core::text::ru::TOO_LARGE_FILE;
/// An XLSX file over a limit.
pub const XLSX_TOO_LARGE: &str = "Книга Excel слишком велика: в распакованном виде больше 100 МБ, больше 1024 столбцов или 3 000 000 ячеек на листе (часто так бывает, если что-то введено в далекую ячейку, например XFD1048576). Скопируйте анкеты на новый лист и сохраните его.";
/// A date where text or a number is expected.
pub const FLAW_DATE: &str = klimat_core::text::ru::FLAW_DATE;
/// A formula without a saved value.
pub const FLAW_FORMULA: &str = klimat_core::text::ru::FLAW_FORMULA;
/// A spreadsheet error value.
pub const FLAW_ERROR: &str = klimat_core::text::ru::FLAW_ERROR;
/// Forms refused by the survey's rules.
pub const FORMS_REFUSED: &str = "Анкеты не сохранены: ничего не изменено.";
/// A repeated code within one file or batch.
pub const DUPLICATE_CODE_IN_FILE: &str = "этот код уже встречается выше";
/// Where the first of two equal codes is.
pub const FIRST_AT_ROW: &str = "первая — строка";
/// A code already stored.
pub const DUPLICATE_CODE_STORED: &str =
    "анкета с этим кодом уже сохранена в этом анкетировании (файл уже загружался?)";
/// A subdivision outside the survey's list.
pub const UNKNOWN_SUBDIVISION: &str = "подразделения нет в списке подразделений анкетирования; добавьте его в настройках анкетирования или исправьте файл";
/// A position outside the survey's list.
pub const UNKNOWN_POSITION: &str = "категории должности нет в списке категорий анкетирования; добавьте ее в настройках анкетирования или исправьте файл";
/// A restored file with forms of surveys it does not have.
pub const RESTORE_ORPHANS: &str = "в файле есть анкеты, анкетирований которых в нем нет";
/// «анкетирование».
pub const SURVEY: &str = "анкетирование";
/// The code column, as a person reads it.
pub const COLUMN_CODE: &str = "код";
/// The subdivision column.
pub const COLUMN_SUBDIVISION: &str = "подразделение";
/// The position column.
pub const COLUMN_POSITION: &str = "категория должности";
/// A form's identifier in an exchange file.
pub const COLUMN_UUID: &str = "идентификатор анкеты";
/// An answer column.
pub const COLUMN_ANSWER: &str = "ответ";
/// «Анкета».
pub const FORM: &str = "анкета";
/// «код».
pub const CODE: &str = "код";
/// An exchange file from a newer Klimat.
pub const NEWER_EXCHANGE: &str = "Файл обмена создан более новой версией Klimat; обновите Klimat на этом компьютере, чтобы принять его";
/// A stored form that an exchange file would move to another survey.
pub const EXCHANGE_OTHER_SURVEY: &str =
    "анкета с тем же идентификатором уже принадлежит другому анкетированию";
/// A stored form whose questionnaire an exchange file would change.
pub const EXCHANGE_OTHER_INSTRUMENT: &str =
    "анкета с тем же идентификатором хранится как анкета другого вида";
/// A form of a questionnaire the survey does not include.
pub const NOT_IN_SURVEY: &str = "анкета не входит в анкетирование";
/// Backup target: empty or special.
pub const BAD_BACKUP_TARGET: &str = "Укажите имя файла резервной копии (например, «klimat-2026-11-25.db») в папке, доступной для записи.";
/// Backup target folder missing.
pub const BACKUP_NO_FOLDER: &str = "Папка для резервной копии не существует:";
/// Backup target is a folder.
pub const BACKUP_IS_FOLDER: &str = "Укажите имя файла, а не папку:";
/// A restore source with objects Klimat did not create.
pub const RESTORE_FOREIGN_SCHEMA: &str =
    "в файле есть таблицы, индексы или триггеры, которых Klimat не создает";
/// A migration that left a form or code pointing at no survey (never
/// expected: the migration is rolled back and the file left as it was).
pub const MIGRATION_BROKE_LINKS: &str = "Обновление базы данных прервано: после него записи ссылались бы на несуществующие анкетирования; файл оставлен без изменений. Версия схемы:";
/// A subdivision or position removed from a survey's list while forms
/// hold it.
pub fn name_in_use(subdivision: bool, name: &str, forms: u64) -> String {
    let (what, it) = if subdivision {
        ("Подразделение", "его")
    } else {
        ("Категорию должностей", "ее")
    };
    format!(
        "{what} «{name}» нельзя убрать из списка: {it} указывают анкеты ({forms}). Чтобы переименовать, впишите новое название в той же строке списка; чтобы убрать, сначала исправьте эти анкеты."
    )
}

/// More hidden texts than a survey may hold.
pub const TOO_MANY_HIDDEN_TEXTS: &str =
    "Скрыть можно не более 10 000 разных ответов одного анкетирования.";
/// A text to hide that is empty or too long to be an answer.
pub const BAD_HIDDEN_TEXT: &str = "Укажите текст ответа, который нужно скрыть (он не может быть пустым или длиннее ответа в анкете).";
/// A restore source with a malformed stored value.
pub const BAD_KEEP_COPIES: &str = "Число хранимых копий базы – от 1 до 50.";
pub const RESTORE_BAD_SETTING: &str = "в файле недопустимое значение настройки";
pub const RESTORE_BAD_REPORT_SETTINGS: &str =
    "недопустимые настройки отчета (численность, подписи, предложения или скрытые ответы)";
pub const RESTORE_BAD_ROW: &str = "в файле есть поврежденная запись анкеты или анкетирования";
/// A restore source that is a folder.
pub const RESTORE_FOLDER: &str = "укажите файл резервной копии, а не папку";
/// A restore source that does not exist or cannot be opened.
pub const RESTORE_MISSING: &str = "файл не найден или недоступен";
/// A restore source that is not an SQLite file.
pub const RESTORE_NOT_DB: &str = "это не файл базы данных (резервная копия Klimat — файл .db, записанный командой «Резервная копия»)";
/// A damaged restore source.
pub const RESTORE_DAMAGED: &str = "файл поврежден";
/// «версия схемы».
pub const SCHEMA_VERSION: &str = "версия схемы";
/// «эта версия Klimat понимает до».
pub const UNDERSTANDS_UP_TO: &str = "эта версия Klimat понимает до";
/// «версия формата».
pub const FORMAT_VERSION: &str = "версия формата";
/// A restore source in another text encoding than Klimat's.
pub const RESTORE_ENCODING: &str =
    "файл записан не в кодировке UTF-8, которую использует Klimat (код кодировки в заголовке:";
/// An exchange file that is not JSON.
pub const EXCHANGE_NOT_JSON: &str = "файл не является файлом обмена Klimat (его содержимое — не данные Klimat; возможно, выбран другой файл или он поврежден)";
/// JSON, but not Klimat's exchange format.
pub const EXCHANGE_NOT_OURS: &str = "это не файл обмена Klimat";
/// An unknown version of the format.
pub const EXCHANGE_UNKNOWN_VERSION: &str = "неизвестная версия формата файла обмена";
/// A missing or malformed field.
pub const EXCHANGE_BAD_FIELD: &str = "поле отсутствует или заполнено неверно:";
/// «анкета №».
pub const EXCHANGE_FORM: &str = "анкета №";
/// Two forms of one file with one identifier.
pub const EXCHANGE_REPEATED_UUID: &str = "идентификатор анкеты повторяется в файле";

/// A staff number out of range.
pub const BAD_STAFF: &str =
    "Число работников организации должно быть целым числом от 1 до 10 000 000.";
/// A staff number of a subdivision out of range.
pub const BAD_STAFF_OF: &str =
    "Число работников должно быть целым числом от 1 до 10 000 000: подразделение";
/// Staff of a subdivision not in the list.
pub const STAFF_UNKNOWN_SUBDIVISION: &str =
    "Подразделения нет в списке подразделений анкетирования:";
/// Staff of a subdivision given twice.
pub const STAFF_TWICE: &str = "Число работников указано дважды для подразделения";
/// Subdivisions add up to more than the organization.
pub const STAFF_SUM_TOO_BIG: &str =
    "Сумма работников подразделений больше числа работников организации.";
/// A bad signature line.
pub const BAD_SIGNATORY: &str = "Должность и фамилия в подписи: одна строка не длиннее 200 знаков, без невидимых символов; фамилия обязательна.";
/// Bad proposals.
pub const BAD_PROPOSALS: &str =
    "Текст предложений длиннее 50 000 знаков или содержит невидимые служебные символы.";
/// A malformed stored value.
pub const BAD_STORED_REPORT_SETTINGS: &str = "Настройки отчета в базе повреждены.";

// Verification by double entry.
pub const VERIFY_NO_CODE: &str = "Среди введенных анкет этого вида нет анкеты с кодом";
pub const VERIFY_NO_CODE_TAIL: &str =
    "— проверьте код на бланке; повторный ввод сравнивает анкеты по коду.";
pub const VERIFY_CODE_REPEATED: &str = "Код повторяется у нескольких введенных анкет";
pub const VERIFY_CODE_REPEATED_TAIL: &str =
    "сначала исправьте коды в списке введенных анкет, чтобы каждая анкета имела свой код.";
pub const VERIFY_NOT_VERIFIED: &str =
    "Эта анкета еще не введена повторно: сначала введите ее в режиме проверки.";
pub const VERIFY_UNKNOWN_FIELD: &str = "В анкете нет поля";
pub const VERIFY_BAD_SHARE: &str = "Доля анкет для проверки задается числом от 1 до 100 %.";

// Access codes for the network form.
pub const BAD_CODE_COUNT: &str = "Число кодов доступа — от 1 до 10 000 за один раз.";
pub(crate) const CODE_UNKNOWN_TEXT: &str = "Такого кода доступа нет: проверьте код на листке (буквы латинские, без букв O, I, L и цифр 0, 1).";
pub(crate) const CODE_SPENT_TEXT: &str =
    "По этому коду анкета уже заполнена. Каждый код действует один раз для каждой анкеты.";
pub const NETWORK_CODE_PREFIX: &str = "Сеть";
pub const NO_FREE_CODE: &str =
    "Не удалось подобрать свободный код анкеты: отправьте анкету еще раз.";
