//! Klimat's own Russian strings: labels of bands, levels, factors, the
//! messages of the template parser and (in [`conclusions`]) the written
//! conclusions.

pub mod conclusions;

/// A form without tenure.
pub const TENURE_UNKNOWN: &str = "не указано";
/// The stored range 15–20 to 20+.
pub const TENURE_OVER_15: &str = "свыше 15 лет";
/// The stored range 10–15 to 15–20.
pub const TENURE_10_TO_20: &str = "от 10 до 20 лет";
/// Labels of the seven fine tenure bands, as Klimat's forms print them.
pub const FINE_BAND_LABELS: [&str; 7] = [
    "до 1 года",
    "от 1 года до 3 лет",
    "от 3 до 5 лет",
    "от 5 до 10 лет",
    "от 10 до 15 лет",
    "от 15 до 20 лет",
    "свыше 20 лет",
];

/// Table Б.6 row labels.
pub const COMMITMENT_BAND_LABELS: [&str; 6] = [
    "до года",
    "1-3 лет",
    "3-5 лет",
    "5-10 лет",
    "10-15 лет",
    "Свыше 15 лет",
];

/// The same bands inside a sentence: «у респондентов со стажем работы …».
pub const COMMITMENT_BAND_PHRASES: [&str; 6] = [
    "до года",
    "от 1 до 3 лет",
    "от 3 до 5 лет",
    "от 5 до 10 лет",
    "от 10 до 15 лет",
    "свыше 15 лет",
];

/// Question 19 of Table В.1 and the rows of Table В.4.
pub const SATISFACTION_BAND_LABELS: [&str; 6] = [
    "до 1 года",
    "от 1 года до 3 лет",
    "от 3 до 5 лет",
    "от 5 до 10 лет",
    "от 10 до 20 лет",
    "свыше 20 лет",
];

/// The row of forms without tenure (Tables Б.6 and В.4).
pub const UNKNOWN_TENURE: &str = "Не указали стаж";
/// The «Общая» row of Table В.4.
pub const TOTAL_ROW: &str = "Общая";
/// A demographic answer that was not given.
pub const NOT_GIVEN: &str = "не указано";

/// The position categories a new survey starts with (docs/methodology.md,
/// "Klimat's own rules").
pub const DEFAULT_POSITIONS: [&str; 3] =
    ["Руководитель", "Специалист", "Другие служащие и рабочие"];

/// The three questionnaires.
pub const INSTRUMENTS: [&str; 3] = [
    "Организационная приверженность",
    "Интегральная удовлетворенность трудом",
    "Корпоративная культура",
];

/// Components of commitment (Table Б.5).
pub const COMMITMENT_COMPONENTS: [&str; 3] = ["Идентификация", "Лояльность", "Вовлеченность"];

/// The same in the genitive, inside a sentence («уровень …»).
pub const COMMITMENT_COMPONENTS_GENITIVE: [&str; 3] =
    ["идентификации", "лояльности", "вовлеченности"];

/// Levels of Table Б.9.
pub const COMMITMENT_LEVELS: [&str; 6] = [
    "Приверженность отсутствует",
    "Очень низкая",
    "Низкая",
    "Допустимая (удовлетворительная)",
    "Хорошая",
    "Высокая",
];

/// The IP ranges of Table Б.9.
pub const COMMITMENT_LEVEL_POINTS: [&str; 6] =
    ["0 и ниже", "1–8", "9–15", "16–23", "24–31", "32–39"];

/// The P ranges of Table Б.9.
pub const COMMITMENT_LEVEL_PERCENTS: [&str; 6] = [
    "0 % и ниже",
    "до 20 %",
    "20–40 %",
    "40–60 %",
    "60–80 %",
    "80–100 %",
];

/// Adjectives for a collective commitment level inside a sentence
/// («… указывает на … уровень организационной приверженности»).
pub const COMMITMENT_LEVEL_ADJECTIVES: [&str; 6] = [
    "нулевой (приверженность отсутствует)",
    "очень низкий",
    "низкий",
    "допустимый (удовлетворительный)",
    "хороший",
    "высокий",
];

/// Factors of Table В.3.
pub const SATISFACTION_FACTORS: [&str; 8] = [
    "Интерес к работе",
    "Удовлетворенность достижениями в работе",
    "Удовлетворенность взаимоотношениями с коллегами",
    "Удовлетворенность взаимоотношениями с руководством",
    "Уровень притязаний в профессиональной деятельности",
    "Предпочтение выполняемой работы заработку",
    "Удовлетворенность условиями труда",
    "Профессиональная ответственность",
];

/// Levels of Table В.5.
pub const SATISFACTION_LEVELS: [&str; 5] = [
    "Крайне низкая (очень низкая)",
    "Низкая",
    "Средняя (допустимая, удовлетворительная)",
    "Хорошая",
    "Высокая",
];

/// The ranges of Table В.5.
pub const SATISFACTION_LEVEL_PERCENTS: [&str; 5] =
    ["0–20 %", "20–40 %", "40–60 %", "60–80 %", "80–100 %"];

/// Adjectives for a satisfaction level inside a sentence.
pub const SATISFACTION_LEVEL_ADJECTIVES: [&str; 5] =
    ["крайне низкий", "низкий", "средний", "хороший", "высокий"];

/// The corrected key of Table В.2 (docs/methodology.md, "The key (Table В.2)").
pub const KEY_CORRECTED: &str =
    "исправленный ключ (вопросы 10 и 12 приведены в соответствие со своими факторами)";
/// Table В.2 as printed.
pub const KEY_PRINTED: &str = "ключ как в издании (таблица В.2 без исправлений)";

// Messages of the template parser (docs/methodology.md, "The import template").

/// A file without a header row.
pub const ERR_EMPTY_FILE: &str = "Файл пуст: нет строки заголовков.";
/// Broken CSV structure.
pub const ERR_MALFORMED_ROW: &str = "Файл повреждён, строка";
/// Missing answer columns.
pub const ERR_MISSING_COLUMNS: &str = "В файле нет обязательных столбцов:";
/// A repeated column name.
pub const ERR_DUPLICATE_COLUMN: &str = "Столбец встречается в заголовке дважды:";
/// The headline of a cell-error list.
pub const ERR_BAD_ROWS: &str = "Файл не принят: ни одна анкета не загружена. Строк с ошибками:";
/// The headline of a long cell-error list (only the first are listed).
pub const ERR_BAD_ROWS_MANY: &str = "Файл не принят: ни одна анкета не загружена. Первые ошибки:";
/// After the listed errors: how many more there are.
pub const ERR_MORE_ERRORS: &str = "…и ещё ошибок, не показанных выше:";
/// A file that is neither UTF-8 nor Windows-1251.
pub const ERR_BAD_ENCODING: &str = "Файл не принят: в нём есть байты, которые не являются текстом ни в кодировке UTF-8, ни в Windows-1251 (скорее всего, файл UTF-8 повреждён). Первый такой байт — в строке";
/// What to do about a bad encoding.
pub const ERR_BAD_ENCODING_HINT: &str =
    "Откройте файл в Excel или LibreOffice и сохраните его заново как «CSV UTF-8».";
/// A header without forms.
pub const ERR_NO_FORMS: &str =
    "Файл не принят: в нём нет ни одной анкеты, только строка заголовков.";
/// The file is too large.
pub const TOO_LARGE_FILE: &str =
    "Файл больше 100 МБ: это не файл анкет Klimat или в нем что-то лишнее.";
/// Too many rows.
pub const TOO_MANY_ROWS: &str =
    "В файле больше 1 000 000 строк: столько анкет Klimat не принимает.";
/// An unclosed quote.
pub const UNCLOSED_QUOTE: &str = "кавычка «\"», открытая в этой строке, не закрыта до конца файла; исправьте ее, иначе все следующие строки слились бы в одну ячейку";
/// «Строка».
pub const ROW: &str = "строка";
/// «столбец».
pub const COLUMN: &str = "столбец";
/// «значение».
pub const VALUE: &str = "значение";

/// A row with another number of cells than the header.
pub const EXPECTED_ROW_LENGTH: &str = "число ячеек в строке не совпадает с заголовком: разделитель строки не тот, что в заголовке («,» или «;»), или в строке лишняя кавычка";
/// A control or direction character in a cell.
pub const EXPECTED_NO_CONTROL: &str = "в ячейке есть невидимый служебный символ (управляющий символ или смена направления текста); перепечатайте значение";
/// An over-long form code.
pub const EXPECTED_SHORT_CODE: &str = "код анкеты длиннее 64 знаков";
/// An over-long name or tenure.
pub const EXPECTED_SHORT_NAME: &str = "значение длиннее 200 знаков";
/// An over-long free-text answer.
pub const EXPECTED_SHORT_TEXT: &str = "ответ длиннее 10 000 знаков";
/// A line break where one line is expected.
pub const EXPECTED_ONE_LINE: &str =
    "ожидается одна строка текста без переводов строки (возможно, выше в файле незакрытая кавычка)";
/// A spreadsheet date where text or a number is expected.
pub const FLAW_DATE: &str = "ячейка содержит дату (Excel превращает введенное «1-3» в дату); задайте ячейке текстовый формат и введите значение заново";
/// A formula whose result was never saved.
pub const FLAW_FORMULA: &str =
    "ячейка содержит формулу без сохраненного значения; замените формулу значением";
/// A spreadsheet error value.
pub const FLAW_ERROR: &str = "ячейка содержит ошибку вычисления Excel";
/// What a commitment answer cell may hold.
pub const EXPECTED_COMMITMENT_ANSWER: &str =
    "ожидается оценка от 1 до 5, 0 или пустая ячейка (нет ответа)";
/// What a satisfaction answer cell may hold.
pub const EXPECTED_SATISFACTION_ANSWER: &str =
    "ожидается буква а, б или в (или латинские a, b, c) либо пустая ячейка (нет ответа)";
/// What a culture rating cell may hold.
pub const EXPECTED_CULTURE_RATING: &str =
    "ожидается оценка от 1 до 5, 0 или пустая ячейка (нет ответа)";
/// What `n7_actors` may hold.
pub const EXPECTED_N7_ACTORS: &str =
    "ожидается список через «|» из слов: руководители, кадровые службы, идеологические работники";
/// What `n7_tech` may hold.
pub const EXPECTED_N7_TECH: &str =
    "ожидается список через «|» из слов: идеологические, кадровые, управленческие";
/// What a tenure cell may hold for commitment.
pub const EXPECTED_TENURE_COMMITMENT: &str = "ожидается стаж: число лет (например, 4 или 2,5), код группы (lt1, 1-3, 3-5, 5-10, 10-15, 15-20, gt20) или подпись таблицы Б.6 («до года», «1-3 лет», …, «Свыше 15 лет», «Не указали стаж»)";
/// What a tenure cell may hold for satisfaction.
pub const EXPECTED_TENURE_SATISFACTION: &str = "ожидается стаж: число лет (например, 4 или 2,5), код группы (lt1, 1-3, 3-5, 5-10, 10-15, 15-20, gt20) или вариант вопроса 19 («до 1 года», «от 1 года до 3 лет», …, «свыше 20 лет»)";
/// What a tenure cell may hold for the culture questionnaire.
pub const EXPECTED_TENURE_ANY: &str = "ожидается стаж: число лет (например, 4 или 2,5), код группы (lt1, 1-3, 3-5, 5-10, 10-15, 15-20, gt20), подпись таблицы Б.6 или вариант вопроса 19 анкеты «Интегральная удовлетворенность трудом»";
