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
    "0\u{a0}% и ниже",
    "до 20\u{a0}%",
    "20–40\u{a0}%",
    "40–60\u{a0}%",
    "60–80\u{a0}%",
    "80–100\u{a0}%",
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
pub const SATISFACTION_LEVEL_PERCENTS: [&str; 5] = [
    "0–20\u{a0}%",
    "20–40\u{a0}%",
    "40–60\u{a0}%",
    "60–80\u{a0}%",
    "80–100\u{a0}%",
];

/// Adjectives for a satisfaction level inside a sentence.
pub const SATISFACTION_LEVEL_ADJECTIVES: [&str; 5] =
    ["крайне низкий", "низкий", "средний", "хороший", "высокий"];

/// An item of Table А.4 without the instruction to the respondent that
/// the form prints after it («(нужное подчеркните)»): a report quotes the
/// item, not the form's instruction.
pub fn without_form_instruction(item: &str) -> String {
    item.replace("(нужное подчеркните)", "")
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_owned()
}

/// The mark after a sentence that is Klimat's and not the methodology's.
pub const KLIMAT_MARK: &str = "¹";
/// The note that explains [`KLIMAT_MARK`] after the factor descriptions.
pub const KLIMAT_FACTOR_NOTE: &str = "¹ Описание уровня составлено в Klimat по содержанию вопросов фактора и ключу таблицы В.2; в методике (таблица В.6) не приведено.";

/// Klimat's descriptions of each satisfaction factor at each level (factors
/// А … З, levels крайне низкая … высокая), each written from what the
/// factor's questions of Table В.1 and the key of Table В.2 measure. An
/// empty string where the methodology prints its own text (Table В.6,
/// [`crate::text::methodology::SATISFACTION_FACTOR_EXAMPLES`]); the report
/// marks every text of this table as Klimat's.
pub const SATISFACTION_FACTOR_TEXTS: [[&str; 5]; 8] = [
    // А. Интерес к работе: questions 1, 6, 12.
    [
        "Работников, как правило, не интересует то, чем они занимаются на работе: сам процесс работы не доставляет им удовольствия, возможность получать новые знания и умения их не привлекает",
        "Работники интересуются тем, чем занимаются на работе, лишь отчасти: процесс работы редко доставляет им удовольствие, возможность получать новые знания и умения привлекает немногих",
        "Работники в целом интересуются тем, чем занимаются на работе, однако процесс работы доставляет удовольствие не всем и не всегда, а возможность получать новые знания и умения привлекает не всех",
        "Работникам интересно то, чем они занимаются на работе; процесс работы, как правило, доставляет им удовольствие, их привлекает возможность получать новые знания и умения",
        "",
    ],
    // Б. Достижения в работе: questions 2, 7.
    [
        "Работники не считают, что добились профессиональных успехов в организации, и не ощущают своего профессионального развития",
        "Немногие работники считают, что добились профессиональных успехов в организации и с каждым годом работы ощущают свое профессиональное развитие",
        "Работники лишь отчасти считают, что добились профессиональных успехов в организации; свое профессиональное развитие ощущают не все",
        "Большинство работников считают, что добились профессиональных успехов в организации, и с каждым годом работы ощущают свое профессиональное развитие",
        "",
    ],
    // В. Взаимоотношения с коллегами: questions 3, 8, 14.
    [
        "Хорошие отношения с коллективом у работников, как правило, не сложились: они не ощущают уважения коллег, у них часто бывают разногласия",
        "Хорошие отношения сложились не со всеми коллегами, уважение в коллективе ощущают немногие, разногласия с коллегами нередки",
        "Отношения в коллективе в целом сложились, однако не со всеми; уважение коллег ощущают не все, разногласия возникают иногда",
        "У работников сложились хорошие отношения с коллективом, они пользуются уважением коллег, разногласия возникают редко",
        "",
    ],
    // Г. Взаимоотношения с руководством: questions 10, 15, 17.
    [
        "Работники считают, что руководство несправедливо выражает неудовлетворение их работой и несправедливо редко поощряет за успешную работу, а непосредственный руководитель часто не понимает их",
        "",
        "Работники в целом удовлетворены отношениями с руководством, однако часть из них иногда сталкивается, по их мнению, с несправедливой оценкой, недостаточным поощрением или непониманием со стороны руководителя",
        "Работники, как правило, не сталкиваются с несправедливым неудовлетворением руководства их работой, не считают поощрения несправедливо редкими, а непосредственного руководителя – не понимающим их",
        "Работники не отмечают ни несправедливого неудовлетворения руководства их работой, ни несправедливо редкого поощрения, ни непонимания со стороны непосредственного руководителя",
    ],
    // Д. Уровень притязаний: questions 5 and 11, «да» = 2 — a high value
    // means that respondents see their post as below their abilities and
    // their work as needing a high qualification.
    [
        "Работники, как правило, не считают занимаемые должности ниже своих способностей и заслуг и не считают, что их работу не смог бы выполнить человек с более низкой квалификацией: притязания в профессиональной деятельности выражены очень слабо",
        "",
        "Часть работников считает занимаемые должности ниже своих способностей и заслуг или полагает, что их работу не сможет выполнить человек с более низкой квалификацией: притязания в профессиональной деятельности выражены умеренно",
        "Многие работники считают, что их работу не сможет выполнить человек с более низкой квалификацией, а занимаемые должности ниже их способностей и заслуг: притязания в профессиональной деятельности выражены заметно",
        "Большинство работников считают занимаемые должности ниже своих способностей и заслуг, а свою работу – недоступной человеку с более низкой квалификацией: притязания в профессиональной деятельности высоки, что может означать как готовность к более сложной работе, так и неудовлетворенность занимаемой должностью",
    ],
    // Е. Предпочтение работы заработку: questions 4, 16.
    [
        "Для работников высокий заработок важнее удовлетворения от работы; при предложении более высокого заработка большинство готово сменить место работы",
        "Для многих работников высокий заработок важнее удовлетворения от работы, многие сменили бы место работы ради более высокого заработка",
        "",
        "Для большинства работников удовлетворение от работы важнее высокого заработка, многие не сменили бы место работы даже ради более высокого заработка",
        "Для работников удовлетворение от работы важнее высокого заработка; даже при предложении более высокого заработка они не сменили бы место работы",
    ],
    // Ж. Условия труда: questions 13, 18.
    [
        "Работников не устраивает организация труда в коллективе, благоприятных условий для труда, по их мнению, не создано",
        "Организация труда в коллективе устраивает работников не в полной мере, условия для труда они считают недостаточно благоприятными",
        "Работники в целом удовлетворены условиями труда, однако отмечают недостатки организации труда в коллективе",
        "Работников в основном устраивает организация труда в коллективе, условия для труда они считают благоприятными",
        "",
    ],
    // З. Профессиональная ответственность: question 9 alone, about coping
    // with the work one is given.
    [
        "Большинство работников отмечают, что зачастую им объективно не удается выполнить всю возложенную на них работу",
        "Многие работники отмечают, что им зачастую или время от времени объективно не удается выполнить всю возложенную на них работу",
        "Работники в целом справляются с возложенной на них работой, однако многие время от времени не успевают выполнить ее полностью",
        "Большинство работников справляются со всей возложенной на них работой; ситуации, когда ее объективно не удается выполнить, возникают лишь время от времени",
        "",
    ],
];

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

// The template's columns as a person reads them (the per-form culture
// sheet, the differences of a verification entry).
/// The code column.
pub const FIELD_CODE: &str = "Код анкеты";
/// The tenure column.
pub const FIELD_TENURE: &str = "Стаж";
/// The subdivision column.
pub const FIELD_SUBDIVISION: &str = "Структурное подразделение";
/// The position column.
pub const FIELD_POSITION: &str = "Категория должности";
/// A commitment answer: «Утверждение 3».
pub const FIELD_STATEMENT: &str = "Утверждение";
/// A satisfaction answer: «Вопрос 3».
pub const FIELD_QUESTION: &str = "Вопрос";
/// A culture rating for the respondent's subdivision.
pub const FIELD_SUB: &str = "в подразделении";
/// A culture rating for the organization.
pub const FIELD_ORG: &str = "в организации";
/// Item 15 of Table А.2, the written «другое».
pub const FIELD_C15_TEXT: &str = "А.2, п. 15: «другое (укажите)» – текст";
/// Item 7 of Table А.4: the actors underlined.
pub const FIELD_N7_ACTORS: &str = "А.4, п. 7: кто (подчеркнуто)";
/// Item 7 of Table А.4: the technologies underlined.
pub const FIELD_N7_TECH: &str = "А.4, п. 7: какие технологии (подчеркнуто)";
/// Item 8 of Table А.4, the written «Иное».
pub const FIELD_N8_TEXT: &str = "А.4, п. 8: «Иное (укажите)» – текст";

/// The verdict on a change, as a table's «Вывод» cell (Klimat's rule,
/// [`crate::precision`]).
pub fn verdict_label(v: crate::precision::Verdict) -> &'static str {
    use crate::precision::Verdict;
    match v {
        Verdict::Fall => "снижение",
        Verdict::Rise => "рост",
        Verdict::WithinError => "в пределах погрешности",
        Verdict::TooFew => "мало данных",
    }
}
