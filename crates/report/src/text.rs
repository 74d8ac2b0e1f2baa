//! Every Russian string of the reports.

use klimat_core::numfmt::plural;

/// «менее K анкет» for a suppressed breakdown cell.
pub fn suppressed(k: u32) -> String {
    format!(
        "менее {k} {}",
        plural(u64::from(k), "анкеты", "анкет", "анкет")
    )
}

/// «Продолжение таблицы 3» over a table's header repeated on a new page,
/// from its caption «Таблица 3 – …»; «Продолжение таблицы» for a caption
/// without a number.
pub fn continuation(caption: &str) -> String {
    let number = caption
        .strip_prefix("Таблица ")
        .and_then(|rest| rest.split([' ', '\u{a0}']).next())
        .filter(|n| !n.is_empty() && *n != "–");
    match number {
        Some(n) => format!("Продолжение таблицы {n}"),
        None => "Продолжение таблицы".to_owned(),
    }
}

/// «Таблица» and «Рисунок» before a number.
pub const TABLE: &str = "Таблица";
pub const FIGURE: &str = "Рисунок";
/// After the methodology's number of a table: «(таблица Б.3 методических рекомендаций)».
pub const OF_METHODOLOGY: &str = "методических рекомендаций";

/// The caption of the printed answers to open question `q` of Table А.1.
pub fn open_caption(q: usize) -> String {
    format!("Ответы на открытый вопрос {q} (таблица А.1)")
}

/// «и ещё 12 ответов – в книге XLSX, лист «А.1 Открытые ответы»».
pub fn more_answers(n: usize) -> String {
    format!(
        "и ещё {n} {} – в книге XLSX, лист «{SHEET_A1}»",
        plural(n as u64, "ответ", "ответа", "ответов")
    )
}

/// The page number in a workbook's footer (Excel's codes &P and &N).
pub const XLSX_PAGE_OF: &str = "Страница &P из &N";

/// The program named as the PDF's creator.
pub const CREATOR: &str = "Klimat";
/// The report's name in the file's title.
pub const REPORT_TITLE_PLAIN: &str = "Отчет";

/// «Учтено анкет: 120».
pub fn forms_counted(label: &str, n: u64) -> String {
    format!(
        "{label}: {} {n} {}",
        plural(n, "учтена", "учтено", "учтено"),
        plural(n, "анкета", "анкеты", "анкет")
    )
}

pub const REPORT_TITLE: &str = "ОТЧЕТ";
pub const REPORT_SUBTITLE: &str = "о результатах диагностики корпоративной культуры";
pub const DATE: &str = "Дата проведения";
pub const KEY_USED: &str = "Ключ анкеты «Интегральная удовлетворенность трудом»";
pub const THRESHOLD: &str = "Порог анонимности: группы, в которых менее";
pub const THRESHOLD_TAIL: &str = "анкет, в разбивках не показываются";
pub const METHODOLOGY: &str = "Методические рекомендации по формированию и развитию корпоративной культуры в государственных органах и иных государственных организациях Республики Беларусь (Академия управления при Президенте Республики Беларусь, 2022)";

pub const SECTION_TOOLS: &str = "Инструментарий";
pub const TOOLS_INTRO: &str = "Диагностика проведена по методике, приведенной в Методических рекомендациях по формированию и развитию корпоративной культуры в государственных органах и иных государственных организациях Республики Беларусь (2022).";
pub const TOOL_COMMITMENT: &str = "«Организационная приверженность» – 15 утверждений, оцениваемых по шкале от 1 до 5 баллов и сгруппированных в три блока: идентификация, лояльность, вовлеченность (приложение Б). Рассчитываются средние значения по блокам, индекс приверженности каждого работника (IP, не более 39 баллов) и коэффициент приверженности коллектива P.";
pub const TOOL_SATISFACTION: &str = "«Интегральная удовлетворенность трудом» (методика А. В. Батаршева) – 18 вопросов с вариантами ответа «а», «б», «в» (приложение В). Ответы переводятся в баллы по ключу таблицы В.2 и группируются в восемь факторов удовлетворенности; общая удовлетворенность – в процентах от 36 баллов.";
pub const TOOL_CULTURE: &str = "«Корпоративная культура: ценности и направления развития» – открытые вопросы о ценностях и факторах работы в организации, оценки по пятибалльной шкале ценностей и факторов сплочения коллектива, уровня сформированности корпоративной культуры и факторов, негативно влияющих на нее (приложение А).";

pub const SECTION_COMMITMENT: &str = "Организационная приверженность";
pub const SECTION_SATISFACTION: &str = "Интегральная удовлетворенность трудом";
pub const SECTION_CULTURE: &str = "Корпоративная культура";
pub const SECTION_COMPARISON: &str = "Сравнение с предыдущим анкетированием";
pub const CONCLUSIONS: &str = "Выводы";

pub const CAP_B3: &str = "Таблица Б.3 – Усредненное значение уровня приверженности по блокам";
pub const CAP_B8: &str = "Таблица Б.8 – Показатели уровня организационной приверженности";
pub const CAP_B9: &str = "Таблица Б.9 – Распределение работников по уровням приверженности";
pub const CAP_B6: &str =
    "Таблица Б.6 – Усредненное значение приверженности в зависимости от стажа работы";
pub const CAP_COMMITMENT_SUB: &str = "Приверженность по структурным подразделениям";
pub const CAP_COMMITMENT_POS: &str = "Приверженность по категориям должностей";
pub const CAP_ITEMS: &str = "Анализ оценок по отдельным утверждениям (сумма баллов)";
pub const CAP_B10: &str = "Таблицы Б.4 и Б.10 – Результаты анкет: оценки утверждений, блоки И, Л, В и индекс приверженности IP";
pub const FIG_B1: &str = "Рисунок Б.1 – Организационная приверженность работников по стажу (средние значения составляющих, баллов из 13)";
pub const FIG_LEVELS: &str = "Распределение работников по уровням приверженности, %";
pub const CAP_V4: &str = "Таблица В.4 – Интегральная удовлетворенность трудом (свод, %)";
pub const CAP_V5: &str =
    "Распределение работников по уровням удовлетворенности трудом (таблица В.5)";
pub const CAP_SAT_SUB: &str = "Удовлетворенность трудом по структурным подразделениям, %";
pub const CAP_SAT_POS: &str = "Удовлетворенность трудом по категориям должностей, %";
pub const CAP_SAT_FORMS: &str = "Баллы удовлетворенности по анкетам";
pub const FIG_FACTORS: &str = "Факторы удовлетворенности трудом, %";
pub const FIG_SAT_LEVELS: &str = "Распределение работников по уровням удовлетворенности трудом, %";
pub const CAP_A2: &str = "Таблица А.2 – Ценности и факторы, способствующие сплочению трудового коллектива (средний балл)";
pub const CAP_A3: &str =
    "Таблица А.3 – Уровень сформированности корпоративной культуры (средний балл)";
pub const CAP_A4: &str =
    "Таблица А.4 – Факторы, оказывающие наиболее негативное влияние на корпоративную культуру";
pub const CAP_A4_N7: &str = "Пункт 7 таблицы А.4: кого и какие технологии отметили респонденты";
pub const CAP_CULTURE_SUB: &str = "Уровень сформированности корпоративной культуры в своем структурном подразделении, по оценкам его работников (средний балл, таблица А.3)";
pub const CAP_OPEN: &str = "Ответы на открытые вопросы (таблица А.1)";
pub const CAP_CULTURE_FORMS: &str = "Оценки по анкетам";
pub const FIG_A2: &str = "Ценности и факторы сплочения коллектива: средний балл";
pub const CAP_CMP_COMMITMENT: &str = "Организационная приверженность: сравнение";
pub const CAP_CMP_SATISFACTION: &str = "Удовлетворенность трудом: сравнение";
pub const CAP_CMP_CULTURE: &str =
    "Корпоративная культура: сравнение (организация в целом, средний балл)";
pub const NO_ANSWERS: &str = "ответов нет";

pub const COL_BLOCK: &str = "Блок приверженности";
pub const COL_ITEMS: &str = "№ вопросов";
pub const COL_SIGN: &str = "Знак";
pub const COL_POINTS: [&str; 5] = ["1 балл", "2 балла", "3 балла", "4 балла", "5 баллов"];
pub const COL_MEAN: &str = "Средняя оценка";
pub const COL_TOTAL: &str = "Общее кол-во";
pub const COL_INDICATOR: &str = "Показатель";
pub const COL_SYMBOL: &str = "Обозначение";
pub const COL_VALUE: &str = "Значение";
pub const COL_LEVEL: &str = "Уровень";
pub const COL_POINTS_RANGE: &str = "Баллы IP";
pub const COL_PERCENT_RANGE: &str = "P, %";
/// Table В.5's own header of the percent column.
pub const HEATMAP_SMALL_NOTE: &str = "Группы, в которых менее 10 анкет, не окрашены: их отличие от значения «В целом» – это ответы нескольких человек (правило Klimat). В книге Excel окраска задана условным форматированием и применяется ко всем строкам.";
pub const COL_SATISFACTION_RANGE: &str = "Коэффициент удовлетворенности трудом (%)";
pub const COL_COUNT: &str = "Кол-во работников";
pub const COL_SHARE: &str = "Доля, %";
pub const COL_TENURE: &str = "Стаж";
pub const COL_N: &str = "Кол-во анкет";
pub const COL_GENERAL: &str = "Общее значение";
pub const COL_SUBDIVISION: &str = "Структурное подразделение";
pub const COL_POSITION: &str = "Категория должности";
pub const COL_P: &str = "P, %";
pub const COL_STATEMENT: &str = "Утверждение";
pub const COL_NO: &str = "№";
pub const COL_SUM: &str = "Сумма баллов";
pub const COL_CODE: &str = "Код анкеты";
pub const COL_IP: &str = "IP";
pub const COL_OVERALL: &str = "Общая";
pub const COL_FACTOR_POINTS: &str = "Баллы";
pub const COL_ITEM: &str = "Позиция";
pub const COL_SUB: &str = "В подразделении";
pub const COL_ORG: &str = "В организации";
pub const COL_DIFF: &str = "Разница";
pub const COL_N_SUB: &str = "n (подр.)";
pub const COL_N_ORG: &str = "n (орг.)";
pub const COL_N_SHORT: &str = "n";
pub const COL_QUESTION: &str = "Вопрос";
pub const COL_ANSWER: &str = "Ответ";
pub const COL_TIMES: &str = "Сколько раз";
pub const COL_PREVIOUS: &str = "Предыдущее";
pub const COL_CURRENT: &str = "Текущее";
pub const COL_CHANGE: &str = "Изменение";
/// Klimat's verdict on a change (crates/core/src/precision.rs).
pub const COL_VERDICT: &str = "Вывод";
/// The verdict cell of a change not judged (the free «другое» item).
pub const NOT_JUDGED: &str = "не оценивается (оценивают разное)";
pub const VERDICT_NOTE: &str = "Столбец «Вывод» – правило Klimat (в методике его нет): изменение названо снижением или ростом, только если в каждом исследовании не менее 10 анкет и изменение больше погрешности (95 %; учтены число анкет, а для коэффициента P и интегральной удовлетворенности – и численность работников, если она указана, и то, что человек не отвечает дважды одинаково; для групп строк одной таблицы – составляющих, факторов, стажа, ценностей – поправка Холма на множественные сравнения). Иначе – «в пределах погрешности» или «мало данных»: утверждать, что показатель изменился, нельзя. Доли работников по уровням не оцениваются по отдельности. Правило не учитывает неслучайную смену состава ответивших (например, если в одном году ответили в основном недовольные).";
pub const ROW_STAFF: &str = "Численность работников";
pub const COL_WORD: &str = "Отмечено";
pub const ROW_OP: &str = "Суммарный индекс организационной приверженности";
pub const ROW_OPMAX: &str = "Максимально возможная величина суммарного индекса";
pub const ROW_P: &str = "Коэффициент приверженности трудового коллектива, %";
pub const ROW_IP_MEAN: &str = "Среднее значение индекса приверженности работника";
pub const ROW_IPMAX: &str = "Максимально возможное значение индекса приверженности работника";
pub const ROW_N: &str = "Количество анкет";
pub const ROW_LEVEL: &str = "Уровень приверженности коллектива";
pub const ROW_OVERALL_SAT: &str = "Общая удовлетворенность трудом, %";
pub const COMPARED_WITH: &str = "Сравнение с анкетированием";

// Blank forms.
pub const FORM_CODE: &str = "Код анкеты";
pub const FORM_DEMOGRAPHICS: &str = "Сведения о себе (отметьте нужное)";
pub const FORM_TENURE: &str = "Стаж работы в организации";
pub const FORM_SUBDIVISION: &str = "Структурное подразделение";
pub const FORM_POSITION: &str = "Категория должности";
pub const FORM_THANKS: &str = "Благодарим за участие!";

// Sheet names of the workbook (at most 31 characters) and short labels.

/// The sheet or label "Б.3 Блоки".
pub const SHEET_B3: &str = "Б.3 Блоки";
/// The sheet or label "IPср".
pub const SYMBOL_IP_MEAN: &str = "IPср";
/// The sheet or label "Б.8 Индекс".
pub const SHEET_B8: &str = "Б.8 Индекс";
/// The sheet or label "Б.9 Уровни".
pub const SHEET_B9: &str = "Б.9 Уровни";
/// The sheet or label "Б.6 Стаж".
pub const SHEET_B6: &str = "Б.6 Стаж";
/// The sheet or label "Приверж. подразделения".
pub const SHEET_COMMITMENT_SUB: &str = "Приверж. подразделения";
/// The sheet or label "Приверж. должности".
pub const SHEET_COMMITMENT_POS: &str = "Приверж. должности";
/// The sheet or label "Утверждения".
pub const SHEET_ITEMS: &str = "Утверждения";
/// The sheet or label "Б.10 Матрица".
pub const SHEET_B10: &str = "Б.10 Матрица";
/// The sheet or label "В.4 Свод".
pub const SHEET_V4: &str = "В.4 Свод";
/// The sheet or label "В.5 Уровни".
pub const SHEET_V5: &str = "В.5 Уровни";
/// The sheet or label "Удовл. подразделения".
pub const SHEET_SATISFACTION_SUB: &str = "Удовл. подразделения";
/// The sheet or label "Удовл. должности".
pub const SHEET_SATISFACTION_POS: &str = "Удовл. должности";
/// The sheet or label "Удовл. по анкетам".
pub const SHEET_SATISFACTION_FORMS: &str = "Удовл. по анкетам";
/// The sheet or label "А.2 Сплочение".
pub const SHEET_A2: &str = "А.2 Сплочение";
/// The sheet or label "А.3 Уровень".
pub const SHEET_A3: &str = "А.3 Уровень";
/// The sheet or label "А.4 Негативные".
pub const SHEET_A4: &str = "А.4 Негативные";
/// The sheet or label "А.4 п.7".
pub const SHEET_A4_ITEM7: &str = "А.4 п.7";
/// The sheet or label "Культура подразделения".
pub const SHEET_CULTURE_SUB: &str = "Культура подразделения";
/// The sheet or label "А.1 Открытые ответы".
pub const SHEET_A1: &str = "А.1 Открытые ответы";
/// The sheet or label "Культура по анкетам".
pub const SHEET_CULTURE_FORMS: &str = "Культура по анкетам";
/// The sheet or label "Сравнение приверж.".
pub const SHEET_COMPARE_COMMITMENT: &str = "Сравнение приверж.";
/// The sheet or label "Сравнение удовл.".
pub const SHEET_COMPARE_SATISFACTION: &str = "Сравнение удовл.";
/// The sheet or label "Сравнение культуры".
pub const SHEET_COMPARE_CULTURE: &str = "Сравнение культуры";
/// After a level's label in the comparison: its share of the staff.
pub const SHARE_OF_STAFF_SUFFIX: &str = ", % работников";
/// Before a tenure group in the comparison: mean IP of that group.
pub const IP_MEAN_PREFIX: &str = "IP ср., ";
/// A group hidden to protect a smaller one.
pub const WITHHELD: &str = "скрыто*";
/// The note under a table with a group hidden to protect a smaller one.
pub const COMPLEMENT_NOTE: &str = "* Группа скрыта, хотя в ней не меньше анкет, чем порог анонимности: иначе показатели скрытой малой группы можно было бы вычислить, вычтя показанные группы из общего итога. (Правило Klimat; в методике не приведено.)";

/// The subdivision a report for one subdivision is about.
pub const SCOPE: &str = "Структурное подразделение";
/// The section of the department's proposals.
pub const SECTION_PROPOSALS: &str = "Предложения и план мероприятий";
/// The approval block.
pub const APPROVE: &str = "УТВЕРЖДАЮ";
/// The block of who prepared the report.
pub const PREPARED: &str = "Подготовил(а):";
/// The note in the tools section on whose words are whose.
pub const KLIMAT_WORDS: &str = "Таблицы и показатели рассчитаны по методике. Выводы сформулированы Klimat по образцам выводов методики; описания, формулировки и правила, которых в методике нет, отмечены знаком «¹» или словами «правило Klimat».";
/// The column of blank answers.
pub const COL_BLANK: &str = "Не заполнили";
/// The sheet of Table Б.2.
pub const SHEET_B2: &str = "Б.2 Ответы";
/// Table Б.2.
pub const CAP_B2: &str = "Таблица Б.2 – Количество работников, давших оценку утверждениям";
/// Letters of the components И, Л, В (Table Б.4).
pub const COMPONENT_LETTERS: [&str; 3] = ["И", "Л", "В"];
/// The factor column.
pub const COL_FACTOR: &str = "Фактор";
/// The sheet of the а/б/в distribution.
pub const SHEET_SAT_ANSWERS: &str = "Удовл. ответы";
/// The а/б/в distribution.
pub const CAP_SAT_ANSWERS: &str = "Распределение ответов на вопросы анкеты «Интегральная удовлетворенность трудом» (число респондентов; «б» – промежуточный ответ: «отчасти», «иногда», «не всегда» и т. п.)";
/// The table column of the culture distribution.
pub const COL_TABLE: &str = "Таблица";
/// The rating column of the culture distribution.
pub const COL_COLUMN: &str = "Столбец";
/// The sheet of the culture distribution.
pub const SHEET_CULTURE_DIST: &str = "Культура оценки 1–5";
/// The culture distribution.
pub const CAP_CULTURE_DIST: &str =
    "Распределение оценок анкеты «Корпоративная культура» по шкале 1–5 (число респондентов)";
/// The sheet of the culture tenure breakdown.
pub const SHEET_CULTURE_TENURE: &str = "Культура стаж";
/// The culture tenure breakdown.
pub const CAP_CULTURE_TENURE: &str = "Уровень сформированности корпоративной культуры в организации в целом по стажу работы (средний балл, таблица А.3)";
/// «другое (укажите)» of Table А.2.
pub const COHESION_OTHER: &str = "Таблица А.2, п. 15 «другое (укажите)»";
/// «Иное (укажите)» of Table А.4.
pub const NEGATIVE_OTHER: &str = "Таблица А.4, п. 8 «Иное (укажите)»";
/// The sheet of those texts.
pub const SHEET_OTHER: &str = "А.2 А.4 Другое";
/// The table of those texts.
pub const CAP_OTHER: &str = "Ответы «другое» и «Иное» (таблицы А.2 и А.4)";
/// The note under the open answers on Klimat's prompts.
pub const KLIMAT_PROMPTS_NOTE: &str = "¹ Формулировки столбцов вопросов 4, 5 и 8 составлены в Klimat; в методике (таблица А.1) не приведены.";

/// The start of [`open_answers_withheld`]'s sentence.
pub const OPEN_WITHHELD_START: &str = "Ответы на открытые вопросы и тексты «другое» не приводятся";

/// A subdivision's report in place of the open answers.
/// The cell of a free-text item's count in a subdivision's report.
pub const IN_ORGANIZATION_REPORT: &str = "в отчете организации";
pub const SCOPE_NO_TEXTS: &str = "Ответы на открытые вопросы, тексты «другое»/«Иное» и их оценки приводятся только в отчете организации: разность двух отчетов указала бы на ответы работников других подразделений. (Правило Klimat.)";

/// How many open answers the operator hid.
pub fn texts_hidden(n: u64) -> String {
    format!(
        "Не приведено ответов, которые называли или описывали своего автора (скрыты составителем отчета): {n}. Они учтены в числе ответов, но не напечатаны. (Правило Klimat.)"
    )
}

/// The note of a report made with K under the default 5.
pub fn low_threshold(k: u32) -> String {
    format!(
        "Порог анонимности этого отчета K = {k}, меньше обычных 5: показаны и группы из {k}–4 анкет, и по их показателям легче узнать ответы отдельных работников. (Правило Klimat.)"
    )
}

/// Why the verbatim answers are not printed (`least`: the forms a group
/// needs).
pub fn open_answers_withheld(least: u64) -> String {
    format!(
        "Ответы на открытые вопросы и тексты «другое» не приводятся: анкет меньше {least}, и дословный ответ мог бы указать на респондента (правило Klimat: дословные ответы – только из группы не менее чем 10 анкет и не меньше порога анонимности)."
    )
}

/// The note on a previous survey rescored with the current key.
pub fn rescored(from: &str, to: &str) -> String {
    format!(
        "Анкеты предыдущего анкетирования хранятся с ключом «{from}» и для сравнения пересчитаны по ключу текущего анкетирования: {to}."
    )
}

/// The summary section.
pub const SECTION_SUMMARY: &str = "Основные результаты";
/// The key-figures table.
pub const CAP_SUMMARY: &str = "Основные показатели";
/// Its sheet.
pub const SHEET_SUMMARY: &str = "Основные результаты";
/// The questionnaire column.
pub const COL_INSTRUMENT: &str = "Анкета";
/// P.
pub const SUM_P: &str = "Коэффициент организационной приверженности P";
/// Overall satisfaction.
pub const SUM_SATISFACTION: &str = "Интегральная удовлетворенность трудом";
/// The culture figure.
pub const SUM_CULTURE: &str = "Уровень сформированности корпоративной культуры в организации (таблица А.3, п. 1), средний балл из 5";
/// The note on the culture scale.
pub const CULTURE_SCALE_NOTE: &str = "¹ Шкала уровня корпоративной культуры составлена в Klimat (средний балл 4,00 и выше – высокий, от 3,00 до 3,99 – средний, ниже 3,00 – низкий); в методике не приведена.";
/// Participation.
pub const PARTICIPATION: &str = "Участие в анкетировании (анкет от числа работников):";
/// The participation table.
pub const CAP_PARTICIPATION: &str = "Участие в анкетировании по структурным подразделениям";
/// Its sheet.
pub const SHEET_PARTICIPATION: &str = "Участие";
/// Staff column.
pub const COL_STAFF: &str = "Работников";
/// Forms and share column.
pub const COL_FORMS_SHARE: &str = "анкет (доля работников)";
/// The weak spots.
pub const WEAK_SPOTS: &str = "Что требует внимания";
/// The strong positions (section 5.2 of the methodology).
pub const STRONG_SPOTS: &str = "Сильные позиции, которые нужно сохранить и развивать";
/// A strong component.
pub const STRONG_COMPONENT: &str = "Уровень";
/// The values rated highest.
pub const STRONG_CULTURE: &str = "Ценности и факторы сплочения, которые работники оценили выше всего в организации в целом (4 балла из 5 и выше)";
/// A weak component.
pub const WEAK_COMPONENT: &str = "Низкий уровень";
/// The rule that makes a component weak.
pub const WEAK_RULE: &str = "ниже 40\u{a0}% максимума – правило Klimat";
/// The rule that names the weakest component when none is under 40 %.
pub const WEAKEST_RULE: &str =
    "не ниже 40\u{a0}% максимума, но наименьший из трех – правило Klimat";
/// Before the weakest component when none is under 40 %.
pub const WEAKEST_COMPONENT: &str = "Наименьший из трех уровень";
/// A low culture level.
pub const WEAK_CULTURE_LEVEL: &str =
    "Уровень сформированности корпоративной культуры в организации";
/// A weak factor.
pub const WEAK_FACTOR: &str = "Фактор удовлетворенности";
/// The strongest negative factor of culture.
pub const WEAK_CULTURE: &str =
    "Наиболее негативно на корпоративную культуру, по мнению респондентов, влияет фактор";
/// Before the methods of Table 1.
pub const METHODS_INTRO: &str = "Для развития слабых составляющих приверженности в таблице 1 методических рекомендаций предложены методы:";

/// «„А“» or «„А“ и „Б“» or «„А“, „Б“ и „В“».
fn and_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("«{n}»")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} и {last}", rest.join(", ")),
    }
}

/// The alert on low participation.
pub fn low_participation(names: &[&str], below: u64) -> String {
    format!(
        "Низкое участие: {} {} заполнили менее {below}\u{a0}% работников. Методика требует, чтобы в анкетировании участвовало максимальное количество работников; выводы по малой части коллектива могут быть недостоверны. (Порог {below}\u{a0}% – правило Klimat.)",
        if names.len() == 1 {
            "анкету"
        } else {
            "анкеты"
        },
        and_list(names)
    )
}

/// The note on subdivisions with low participation, per questionnaire.
pub fn low_participation_subdivisions(lows: &[(&str, Vec<String>)], below: u64) -> String {
    format!(
        "Участие менее {below}\u{a0}% работников (правило Klimat): {}.",
        lows.iter()
            .map(|(q, subs)| format!("«{q}» – {}", subs.join(", ")))
            .collect::<Vec<_>>()
            .join("; ")
    )
}

/// Percentage points, after a change of a percent.
pub const PP: &str = "п. п.";

/// A date to write by hand.
pub const DATE_LINE: &str = "«____» ______________ 20___ г.";

/// Subdivisions with more forms than employees.
pub fn more_forms_than_staff(names: &[String]) -> String {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    format!(
        "Анкет больше, чем работников: {}. Число работников в параметрах отчета указано неверно или анкеты отнесены не к тому подразделению; доля участия здесь недостоверна.",
        and_list(&names)
    )
}

/// A questionnaire with fewer forms than K.
pub fn too_few_forms(n: u64, k: u32) -> String {
    format!(
        "{} {n} {} – меньше порога анонимности ({k}): показатели не приводятся, так как они раскрыли бы ответы отдельных работников. Соберите больше анкет или измените порог в настройках анкетирования.",
        plural(n, "Учтена", "Учтено", "Учтено"),
        plural(n, "анкета", "анкеты", "анкет")
    )
}

/// Short headers of the three rows of Table А.3.
pub const CULTURE_LEVEL_SHORT: [&str; 3] = [
    "Уровень культуры",
    "Уровень мероприятий",
    "Достаточность мероприятий",
];
/// The tools section when it lists participation.
pub const SECTION_TOOLS_PARTICIPATION: &str = "Инструментарий и участие";

/// In the «Выводы» sheet, where a table is.
pub const SEE_SHEET: &str = "на листе";

/// The column of the two lists of item 7 of Table А.4.
pub const COL_N7_LIST: &str = "Что отмечено";
/// Who is not ready (item 7).
pub const N7_WHO: &str = "Кто не готов внедрять";
/// Which technologies (item 7).
pub const N7_WHAT: &str = "Какие технологии";
/// What the letters of Table В.1 mean in a column header.
pub const LETTER_MEANINGS: [&str; 3] = ["(да)", "", "(нет)"];
/// How the differences of Tables А.2 and А.3 are computed.
pub const DIFFERENCE_NOTE: &str = "Разница – средний балл в подразделении минус средний балл в организации в целом, вычисленная по неокругленным средним; поэтому она может на 0,01 отличаться от разности округленных чисел таблицы.";

/// The method section's sentence on verification by double entry:
/// «Проверено повторным вводом 10 анкет (25,0 %); расхождений: 6,7 на
/// 1 000 полей, все устранены по бланкам.»
pub fn verification_sentence(
    verified: u64,
    share: f64,
    per_thousand: f64,
    unsettled: u64,
) -> String {
    use klimat_core::numfmt::{decimal, percent};
    let verb = plural(verified, "Проверена", "Проверены", "Проверено");
    let forms = plural(verified, "анкета", "анкеты", "анкет");
    let settled = if unsettled == 0 {
        "все устранены по бланкам".to_owned()
    } else {
        format!(
            "не устранены в {unsettled}\u{a0}{}",
            plural(unsettled, "анкете", "анкетах", "анкетах")
        )
    };
    format!(
        "{verb} повторным вводом {verified}\u{a0}{forms} ({}); расхождений: {} на 1\u{a0}000 полей, {settled}.",
        percent(share, 1),
        decimal(per_thousand, 1)
    )
}

pub const SHEET_VERIFICATION: &str = "Повторный ввод";
pub const CAP_VERIFICATION: &str = "Проверка введенных анкет повторным вводом";
pub const COL_FORMS: &str = "Анкет введено";
pub const COL_VERIFIED: &str = "Проверено повторным вводом";
pub const COL_VERIFIED_SHARE: &str = "Доля проверенных, %";
pub const COL_FIELDS: &str = "Полей сравнено";
pub const COL_DIFFERENCES: &str = "Расхождений";
pub const COL_PER_1000_FIELDS: &str = "На 1\u{a0}000 полей";
pub const COL_PER_1000_KEYS: &str = "На 1\u{a0}000 нажатий клавиш";
pub const COL_UNSETTLED: &str = "Анкет с неустраненными расхождениями";
pub const COL_FORMS_PER_HOUR: &str = "Анкет в час (повторный ввод)";
pub const ROW_ALL_INSTRUMENTS: &str = "Все анкеты";

/// The title of the access-code slips.
pub const SLIPS_TITLE: &str = "Коды доступа к анкетированию по сети";
/// «Откройте в браузере:».
pub const SLIPS_OPEN: &str = "Откройте в браузере на своем компьютере:";
/// «Код доступа:».
pub const SLIPS_CODE: &str = "и введите код доступа:";
/// The note under the code.
pub const SLIPS_NOTE: &str = "Анкетирование анонимное: никто не знает, кому достался этот листок. Код действует один раз для каждой анкеты.";

/// A consolidated report's title-page line.
pub fn pooled_fact(n: usize) -> String {
    format!(
        "Сводный отчет: анкеты {n} {} объединены и рассчитаны вместе, как одно анкетирование; организации – группы, к которым применяется порог анонимности.",
        plural(n as u64, "анкетирования", "анкетирований", "анкетирований")
    )
}
pub const COL_ORGANIZATION: &str = "Организация";
pub const SHEET_COMMITMENT_ORG: &str = "Приверж. организации";
pub const CAP_COMMITMENT_ORG: &str = "Приверженность по организациям (по убыванию P)";
pub const SHEET_SATISFACTION_ORG: &str = "Удовл. организации";
pub const CAP_SAT_ORG: &str =
    "Удовлетворенность трудом по организациям, % (по убыванию общей удовлетворенности)";
pub const SHEET_CULTURE_ORG: &str = "Культура организации";
pub const CAP_CULTURE_ORG: &str = "Уровень сформированности корпоративной культуры в организации в целом, по оценкам ее работников (средний балл, таблица А.3; по убыванию уровня)";
pub const CAP_PARTICIPATION_ORG: &str = "Участие в анкетировании по организациям";

// Heatmaps of units × scales.
pub const HEATMAP_OVERALL: &str = "В целом";
pub const SHEET_HEAT_COMMITMENT: &str = "Карта приверженности";
pub const CAP_HEAT_COMMITMENT: &str = "Тепловая карта: приверженность по структурным подразделениям (составляющие, баллов из 13, и P)";
pub const CAP_HEAT_COMMITMENT_ORG: &str =
    "Тепловая карта: приверженность по организациям (составляющие, баллов из 13, и P)";
pub const SHEET_HEAT_SATISFACTION: &str = "Карта удовлетворенности";
pub const CAP_HEAT_SATISFACTION: &str =
    "Тепловая карта: удовлетворенность трудом по структурным подразделениям (факторы и общая, %)";
pub const CAP_HEAT_SATISFACTION_ORG: &str =
    "Тепловая карта: удовлетворенность трудом по организациям (факторы и общая, %)";
pub const SHEET_HEAT_CULTURE: &str = "Карта культуры";
pub const CAP_HEAT_CULTURE: &str = "Тепловая карта: уровень корпоративной культуры по структурным подразделениям (таблица А.3, средний балл)";
pub const CAP_HEAT_CULTURE_ORG: &str =
    "Тепловая карта: уровень корпоративной культуры по организациям (таблица А.3, средний балл)";

/// The note under a heatmap, with the step of one shade per scale.
pub fn heatmap_note(steps: &str) -> String {
    format!(
        "Цвет ячейки¹ – отличие от значения «В целом»: синий – выше, оранжевый – ниже, тем темнее, чем больше отличие (один оттенок на каждый шаг: {steps}); стрелки ↑ и ↓ повторяют это для черно-белой печати. Группы менее порога анонимности не показываются."
    )
}

// A consolidated report compared with the previous one.
pub const SHEET_COMPARE_ORGS: &str = "Сравнение организаций";
pub const CAP_CMP_ORGS: &str = "Изменения по организациям";
pub const SHEET_COMPARE_SUBS: &str = "Сравнение подразделений";
pub const CAP_CMP_SUBS: &str = "Изменения по структурным подразделениям";
pub const COL_P_BEFORE: &str = "P, % (прежде)";
pub const COL_P_NOW: &str = "P, % (сейчас)";
pub const COL_SAT_BEFORE: &str = "Удовлетворенность, % (прежде)";
pub const COL_SAT_NOW: &str = "Удовлетворенность, % (сейчас)";
pub const COL_THREAT: &str = "Угроза";
pub const THREAT_MARK: &str = "заметное снижение";

/// The line under the changes by organization or by subdivision.
pub fn groups_threats(consolidated: bool, names: &[String]) -> String {
    if consolidated {
        return orgs_threats(names);
    }
    if names.is_empty() {
        "Заметного снижения коэффициента приверженности или удовлетворенности трудом (на 5\u{a0}п.\u{a0}п. и более и больше погрешности – правило Klimat) ни в одном из показанных подразделений нет. Изменение показано только там, где подразделение можно показать в обоих годах; «мало данных» – менее 10 анкет в одном из годов, судить об изменении нельзя.".to_owned()
    } else {
        format!(
            "Угроза: коэффициент приверженности или удовлетворенность трудом снизились на 5\u{a0}п.\u{a0}п. и более, больше погрешности (правило Klimat), в {}: {}. Изменение показано только там, где подразделение можно показать в обоих годах; «мало данных» – менее 10 анкет в одном из годов, судить об изменении нельзя.",
            if names.len() == 1 {
                "подразделении"
            } else {
                "подразделениях"
            },
            names.join(", ")
        )
    }
}

/// The line under the organizations' changes: which show a marked fall.
pub fn orgs_threats(names: &[String]) -> String {
    if names.is_empty() {
        "Заметного снижения коэффициента приверженности или удовлетворенности трудом (на 5\u{a0}п.\u{a0}п. и более и больше погрешности – правило Klimat) ни в одной из показанных организаций нет. Изменение показано только там, где организацию можно показать в обоих годах; «мало данных» – менее 10 анкет в одном из годов, судить об изменении нельзя.".to_owned()
    } else {
        format!(
            "Угроза: коэффициент приверженности или удовлетворенность трудом снизились на 5\u{a0}п.\u{a0}п. и более, больше погрешности (правило Klimat), в {}: {}. Изменение показано только там, где организацию можно показать в обоих годах; «мало данных» – менее 10 анкет в одном из годов, судить об изменении нельзя.",
            plural(
                names.len() as u64,
                "организации",
                "организациях",
                "организациях"
            ),
            names.join(", ")
        )
    }
}

/// Where a group of the summary's threats is: a consolidated report's
/// organizations, or an organization's subdivisions.
fn groups_where(consolidated: bool, n: usize) -> &'static str {
    match (consolidated, n) {
        (true, 1) => "в организации",
        (true, _) => "в организациях",
        (false, 1) => "в структурном подразделении",
        (false, _) => "в структурных подразделениях",
    }
}

/// A low level of commitment in published groups.
pub fn groups_low_commitment(consolidated: bool, groups: &[String]) -> String {
    format!(
        "Угроза: уровень организационной приверженности низкий или ниже {}: {}. Методика относит низкое значение приверженности к угрозам; в скобках – коэффициент P, его погрешность (95 %, правило Klimat) и число анкет.",
        groups_where(consolidated, groups.len()),
        groups.join("; ")
    )
}

/// A fall of commitment beyond the error in published groups.
pub fn groups_commitment_fell(consolidated: bool, groups: &[String]) -> String {
    format!(
        "Угроза: коэффициент организационной приверженности снизился по сравнению с предыдущим исследованием на 5\u{a0}п.\u{a0}п. и более, больше погрешности (правило Klimat), {}: {}.",
        groups_where(consolidated, groups.len()),
        groups.join("; ")
    )
}

/// A low level of satisfaction in published groups.
pub fn groups_low_satisfaction(consolidated: bool, groups: &[String]) -> String {
    format!(
        "Низкая или крайне низкая интегральная удовлетворенность трудом {}: {}. В скобках – удовлетворенность, ее погрешность (95 %, правило Klimat) и число анкет.",
        groups_where(consolidated, groups.len()),
        groups.join("; ")
    )
}

/// A fall of satisfaction beyond the error in published groups.
pub fn groups_satisfaction_fell(consolidated: bool, groups: &[String]) -> String {
    format!(
        "Интегральная удовлетворенность трудом снизилась по сравнению с предыдущим исследованием на 5\u{a0}п.\u{a0}п. и более, больше погрешности (правило Klimat), {}: {}.",
        groups_where(consolidated, groups.len()),
        groups.join("; ")
    )
}

/// An organization of a ranking with too few forms for an error.
pub const RANK_TOO_FEW: &str = "менее 10 анкет, погрешность не оценивается";

/// The note under a consolidated ranking: what it ranks and how precise
/// each place is.
pub fn ranking_note(errors: &str) -> String {
    format!(
        "Организации расположены по убыванию показателя; это не рейтинг руководителей. Показатель каждой организации известен с погрешностью (95 %, правило Klimat): {errors}. Если показатели двух организаций различаются меньше, чем на их погрешности, порядок этих организаций в таблице нельзя считать установленным."
    )
}
