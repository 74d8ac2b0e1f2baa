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
/// A survey compared with itself.
pub const COMPARE_WITH_ITSELF: &str =
    "Анкетирование нельзя сравнить с самим собой: выберите предыдущее анкетирование.";
/// A file that could not be read.
pub const CANNOT_READ: &str = "Не удалось прочитать файл";
/// A file that could not be written.
pub const CANNOT_WRITE: &str = "Не удалось записать файл";
/// An unknown file type for an export.
pub const UNKNOWN_FORMAT: &str = "Неизвестный тип файла";
/// What export of forms accepts.
pub const FORMS_FORMATS: &str = "нужен файл .csv или .xlsx";
/// What the report accepts.
pub const REPORT_FORMATS: &str = "нужен файл .pdf, .xlsx или .docx";
/// What a template accepts.
pub const TEMPLATE_FORMATS: &str = "шаблон записывается в файл .xlsx";
/// What a blank form accepts.
pub const BLANK_FORMATS: &str = "бланк записывается в файл .pdf";
/// An unknown questionnaire id.
pub const BAD_INSTRUMENT: &str =
    "Неизвестная анкета; допустимые значения: commitment, satisfaction, culture.";
/// An unknown satisfaction key id.
pub const BAD_KEY: &str = "Неизвестный ключ анкеты удовлетворенности; допустимые значения: corrected (исправленный), printed (как в издании).";
/// A date not in ISO form.
pub const BAD_DATE: &str = "Дата должна быть в виде ГГГГ-ММ-ДД.";
/// Format ids of an export of forms.
pub const FORMS_FORMATS_ID: &str =
    "Неизвестный формат выгрузки анкет; допустимые значения: csv, xlsx.";
/// Format ids of a report.
pub const REPORT_FORMATS_ID: &str =
    "Неизвестный формат отчета; допустимые значения: pdf, xlsx, docx.";
/// A file or folder that does not exist.
pub const IO_NOT_FOUND: &str = "файл или папка не найдены";
/// No access.
pub const IO_DENIED: &str =
    "нет доступа (файл открыт в другой программе или папка защищена от записи)";
/// A full disk.
pub const IO_FULL: &str = "недостаточно места на диске";
pub const IO_TOO_MANY_FILES: &str = "у программы закончились дескрипторы файлов (открыто слишком много файлов или сетевых соединений); остановите заполнение по сети или перезапустите Klimat и повторите";
/// A folder where a file is expected.
pub const IO_FOLDER: &str = "это папка, а не файл";
/// The header of a saved list of a refused file's errors.
pub const IMPORT_ERRORS_HEADER: [&str; 4] = ["Строка", "Столбец", "Значение", "Что не так"];
/// «п. п.», percentage points.
pub const POINTS: &str = "п. п.";
/// A figure over no answers.
pub const NO_ANSWERS: &str = klimat_report::text::NO_ANSWERS;
/// What the commitment card shows.
pub const HEADLINE_COMMITMENT: &str = "индекс приверженности P (таблица Б.8)";
/// What the satisfaction card shows.
pub const HEADLINE_SATISFACTION: &str = "интегральная удовлетворенность трудом (таблица В.4)";
/// What the culture card shows.
pub const HEADLINE_CULTURE: &str = "уровень сформированности корпоративной культуры в организации (таблица А.3, п. 1), средний балл из 5";
/// The example survey's name.
pub const EXAMPLE_NAME: &str = "Пример: данные методики (таблица Б.2) и образцы анкет";
/// The example survey's organization.
pub const EXAMPLE_ORGANIZATION: &str = "Пример (не настоящие данные)";
/// The subdivisions the example forms name.
pub const EXAMPLE_SUBDIVISIONS: [&str; 4] = [
    "Управление делами",
    "Отдел кадров",
    "Идеологический отдел",
    "Финансовый отдел",
];

/// A subdivision not in the survey's list.
pub const NO_SUCH_SUBDIVISION: &str = "В списке подразделений анкетирования нет подразделения";
/// A subdivision without forms.
pub const SUBDIVISION_NO_FORMS: &str = "Нет ни одной анкеты подразделения";
/// Before a weak component in the proposals draft.
pub const DRAFT_COMPONENT: &str = "Развитие составляющей";
/// The draft when nothing is weak.
pub const DRAFT_NO_WEAK: &str =
    "Слабых составляющих приверженности (ниже допустимого уровня) не выявлено.";

/// A subdivision report refused for too few forms.
pub fn subdivision_too_small(sub: &str, instrument: &str, k: u64) -> String {
    format!(
        "Отчет по подразделению «{sub}» не составлен: анкет «{instrument}» в нем меньше порога анонимности ({k}). Такой отчет показал бы ответы отдельных работников."
    )
}

/// A consolidated report refused because its small members would be
/// recovered by subtracting the other members' own reports.
pub fn pool_member_too_small(members: &[String], instrument: &str, k: u32) -> String {
    let names: Vec<String> = members.iter().map(|m| format!("«{m}»")).collect();
    format!(
        "Сводный отчет не составлен: анкет «{instrument}» у {} меньше порога анонимности ({k}), и сводные показатели за вычетом собственных отчетов остальных организаций показали бы ответы их работников. Исключите {} из сводного отчета или соберите больше анкет.",
        names.join(", "),
        if members.len() == 1 {
            "эту организацию"
        } else {
            "эти организации"
        }
    )
}

/// A subdivision report refused because the organization's report hides
/// the subdivision to protect a smaller group.
pub fn subdivision_withheld(sub: &str, instrument: &str) -> String {
    format!(
        "Отчет по подразделению «{sub}» не составлен: в отчете организации его данные анкеты «{instrument}» скрыты, чтобы по разности нельзя было вычислить ответы меньшей группы. Отдельный отчет раскрыл бы их."
    )
}

/// A staff entry that is not «name=number».
pub const BAD_STAFF_PART: &str = "Число работников подразделения записывается как «Название=число», например «Отдел кадров=25»; не понято:";
/// A staff total that is not a number.
pub const BAD_STAFF_TOTAL: &str = "Число работников организации должно быть целым числом:";

// The entry screen's line of verification figures.
pub const VERIFY_NONE_YET: &str = "Повторно введенных анкет пока нет; введено анкет:";
pub const VERIFY_DONE: &str = "Проверено повторным вводом";
pub const VERIFY_OF: &str = "из";
pub const VERIFY_FIELDS: &str = "полей сравнено:";
pub const VERIFY_DIFFERENCES: &str = "расхождений:";
pub const VERIFY_PER_FIELDS: &str = "на 1\u{a0}000 полей";
pub const VERIFY_PER_KEYS: &str = "на 1\u{a0}000 нажатий клавиш";
pub const VERIFY_UNSETTLED: &str = "не устранено в анкетах:";
pub const VERIFY_PER_HOUR: &str = "анкет в час при повторном вводе:";
pub const VERIFY_WAITING: &str = "ожидают проверки:";

// The network form.
pub const BAD_LISTEN: &str = "Неверный адрес для заполнения по сети";
pub const BAD_LISTEN_HINT: &str =
    "укажите адрес и порт, например 0.0.0.0:8080 (все адреса компьютера) или 192.168.1.10:8080";

// The consolidated report.
pub const POOL_NEEDS_TWO: &str = "Для сводного отчета выберите не менее двух анкетирований.";
pub const POOL_TWICE: &str = "Анкетирование указано в сводном отчете дважды.";
pub const POOL_KEYS_DIFFER: &str = "Анкетирования оценивают удовлетворенность трудом по разным ключам, и их нельзя объединить: измените ключ в настройках анкетирований, чтобы он был одинаковым. Ключи:";
/// The name a consolidated report goes by: «Сводные данные 3 организаций».
pub fn pool_title(n: usize) -> String {
    format!(
        "Сводные данные {n} {}",
        klimat_core::numfmt::plural(n as u64, "организации", "организаций", "организаций")
    )
}
pub const POOL_YEARS_KEYS_DIFFER: &str = "Сводные отчеты двух лет оценивают удовлетворенность трудом по разным ключам и не сравниваются:";
