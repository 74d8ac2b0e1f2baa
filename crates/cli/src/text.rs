//! Every message the `klimat` command prints, in Russian.

use klimat_core::commitment::CommitmentAnalysis;
use klimat_core::numfmt::{decimal, percent, plural};
use klimat_core::satisfaction::SatisfactionAnalysis;

/// `klimat --help`.
pub const HELP: &str = "\
klimat — расчет результатов анкетирования по методике 2022 года
(«Организационная приверженность», «Интегральная удовлетворенность трудом»,
«Корпоративная культура»).

Использование:
  klimat score --instrument ИНСТРУМЕНТ --input ФАЙЛ [--key КЛЮЧ]
  klimat summary --instrument ИНСТРУМЕНТ --input ФАЙЛ [--key КЛЮЧ]
  klimat --help | --version

Команды:
  score   Прочитать файл шаблона импорта (CSV: разделитель «,» или «;»,
          UTF-8 с BOM или без) и вывести результаты в формате JSON.
  summary Те же данные: основные показатели и выводы текстом.

Параметры score и summary:
  --instrument   commitment (организационная приверженность),
                 satisfaction (удовлетворенность трудом) или
                 culture (корпоративная культура)
  --input        путь к файлу CSV с анкетами
  --key          ключ удовлетворенности (только для satisfaction):
                 corrected — исправленный (по умолчанию),
                 printed — как в издании (таблица В.2 без исправлений)

Код возврата: 0 — успех; 2 — ошибка в параметрах или в файле (описание
ошибки выводится в поток ошибок, в стандартный вывод не выводится ничего).
";

/// A command that is not known.
pub const UNKNOWN_COMMAND: &str = "неизвестная команда";
/// An option that is not known.
pub const UNKNOWN_OPTION: &str = "неизвестный параметр";
/// An option given without its value.
pub const MISSING_VALUE: &str = "не указано значение параметра";
/// A required option is absent.
pub const MISSING_OPTION: &str = "не указан обязательный параметр";
/// An option given twice.
pub const REPEATED_OPTION: &str = "параметр указан дважды:";
/// No command given.
pub const NO_COMMAND: &str = "не указана команда";
/// A bad instrument id.
pub const BAD_INSTRUMENT: &str =
    "неизвестный инструмент; допустимые значения: commitment, satisfaction, culture";
/// A bad key id.
pub const BAD_KEY: &str = "неизвестный ключ; допустимые значения: corrected, printed";
/// `--key` with an instrument other than satisfaction.
pub const KEY_ONLY_SATISFACTION: &str = "параметр --key применим только к инструменту satisfaction";
/// The input file cannot be read.
pub const CANNOT_READ: &str = "не удалось прочитать файл";
/// Where to look for help.
pub const SEE_HELP: &str = "Справка: klimat --help";
/// The file was refused.
pub const FILE_REFUSED: &str = "файл не принят";

/// «Анкет учтено: 120».
pub fn forms_counted(n: u64) -> String {
    format!("Учтено {n} {}.", plural(n, "анкета", "анкеты", "анкет"))
}

/// The key figures of Table Б.8 for `klimat summary`.
pub fn commitment_figures(a: &CommitmentAnalysis) -> String {
    let i = a.index();
    let mut s = forms_counted(a.respondents);
    if let (Some(p), Some(level), Some(mean)) = (i.p, i.level, a.total.ip_mean) {
        s.push_str(&format!(
            "\nOP = {}, OPmax = {}, P = {} — {}.\nСредний индекс приверженности IPср = {} из 39.",
            i.op,
            i.op_max,
            percent(p, 2),
            level.label().to_lowercase(),
            decimal(mean, 2)
        ));
    }
    s
}

/// The key figures of Table В.4 for `klimat summary`.
pub fn satisfaction_figures(a: &SatisfactionAnalysis) -> String {
    let mut s = forms_counted(a.respondents);
    if let (Some(p), Some(level)) = (a.total.overall_percent, a.total.level) {
        s.push_str(&format!(
            "\nОбщая удовлетворенность трудом: {} — {}.",
            percent(p, 1),
            level.label().to_lowercase()
        ));
    }
    s
}
