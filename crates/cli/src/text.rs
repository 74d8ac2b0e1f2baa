//! Every message the `klimat` command prints, in Russian.

use klimat_core::commitment::CommitmentAnalysis;
use klimat_core::numfmt::{decimal, percent, plural};
use klimat_core::satisfaction::SatisfactionAnalysis;

/// `klimat --help`.
pub const HELP: &str = "\
klimat — анкетирование по методике 2022 года: «Организационная
приверженность», «Интегральная удовлетворенность трудом», «Корпоративная
культура».

Использование:
  klimat [--db ФАЙЛ] КОМАНДА [ПАРАМЕТРЫ]

Расчет:
  score      результаты в формате JSON (из файла или из анкетирования)
  summary    основные показатели и выводы текстом

Анкетирования и анкеты (база данных):
  survey create   создать анкетирование, вывести его номер
  survey list     список анкетирований
  survey report-settings  число работников, подписи и предложения для отчета
  import          загрузить анкеты из CSV или XLSX (все или ни одной)
  entry           сохранить анкеты файла по одной, как при вводе оператором
  export          выгрузить анкеты в CSV или XLSX по шаблону импорта
  template        пустой шаблон XLSX со списками допустимых значений
  exchange export файл обмена .klimat для другой установки Klimat
  merge           принять файл обмена .klimat
  report          годовой отчет: PDF и (или) книга XLSX
  forms           пустые бланки анкет в PDF для печати
  texts           открытые ответы перед отчетом: скрыть ответ, указывающий на автора
  verify          сравнить повторно введенные анкеты (файл) с введенными
  codes           коды доступа для заполнения по сети (листки в PDF)
  serve           заполнение анкет сотрудниками по сети со своих компьютеров
  backup          резервная копия всей базы данных
  restore         восстановить базу данных из резервной копии
  copies          копии базы, которые Klimat хранит рядом с ней

Общий параметр:
  --db ФАЙЛ   база данных (по умолчанию — база приложения; в переносном
              режиме — рядом с программой)

Подробнее о команде: klimat КОМАНДА --help

Код возврата: 0 — успех; 2 — команда отклонена (причина выводится в поток
ошибок, в стандартный вывод не выводится ничего); verify возвращает 1,
если найдены расхождения.
";

const HELP_TEXTS: &str = "\
klimat texts --survey НОМЕР [--hide ТЕКСТ | --show ТЕКСТ]

Без --hide и --show выводит все открытые ответы и тексты «другое»/«Иное»
анкет «Корпоративная культура» (сколько раз дан каждый, скрытые помечены
«[скрыт]»), чтобы перед отчетом найти ответ, который называет или описывает
своего автора («как руководитель предприятия…»). --hide скрывает такой
ответ во всех отчетах анкетирования (он учитывается, но не печатается, и
отчет говорит, сколько ответов скрыто); --show возвращает его. Регистр и
пробелы не различаются.
";

const HELP_NETWORK: &str = "\
klimat codes --survey НОМЕР --count N --pdf ЛИСТКИ.pdf [--txt КОДЫ.txt] [--address АДРЕС]
klimat serve --survey НОМЕР [--listen АДРЕС:ПОРТ]

codes создает N одноразовых кодов доступа и печатает их на листках (PDF,
12 листков на странице A4, линии разреза) с адресом для браузера; --txt
записывает коды по одному в строке (для сценариев). Коды хранятся только в
виде хешей и больше не показываются; по коду нельзя узнать, чья анкета.
--address — адрес на листках (по умолчанию адрес этого компьютера в сети и
порт 8080).

serve открывает анкеты анкетирования для заполнения в браузере по сети
(по умолчанию --listen 0.0.0.0:8080 — все адреса компьютера) до остановки
(Ctrl+C). Код действует один раз для каждой анкеты анкетирования. Адрес
компьютера сотрудника, браузер и время не сохраняются.
";

const HELP_VERIFY: &str = "\
klimat verify --survey НОМЕР --instrument ИНСТРУМЕНТ ФАЙЛ

Проверка повторным вводом: ФАЙЛ (CSV или XLSX по шаблону импорта) содержит
те же бумажные анкеты, введенные второй раз. Каждая анкета файла
сравнивается с введенной анкетой того же кода поле за полем; выводятся
все расхождения. В базе данных ничего не меняется: расхождения устраняются
по бланкам на экране «Ввод анкет» в режиме проверки.

Файл проверяется так же, как при импорте (столбцы, значения, пределы).
Код возврата: 0 — расхождений нет; 1 — есть расхождения (или анкеты файла,
которых нет среди введенных); 2 — файл или команда отклонены.
";

const HELP_SCORE: &str = "\
klimat score --instrument ИНСТРУМЕНТ (--input ФАЙЛ | --survey НОМЕР) [--key КЛЮЧ]
klimat summary … (те же параметры)

  --instrument   commitment (организационная приверженность),
                 satisfaction (удовлетворенность трудом) или
                 culture (корпоративная культура)
  --input        файл CSV по шаблону импорта (разделитель «,» или «;»,
                 UTF-8 с BOM или без)
  --survey       номер анкетирования в базе данных
  --key          ключ удовлетворенности (только satisfaction):
                 corrected — исправленный (по умолчанию для файла; для
                 анкетирования — ключ, выбранный в нем),
                 printed — как в издании (таблица В.2 без исправлений)

score выводит один объект JSON; summary — показатели и выводы текстом.
";

const HELP_SURVEY: &str = "\
klimat survey create --name НАЗВАНИЕ --instruments СПИСОК [--date ГГГГ-ММ-ДД]
                     [--org ОРГАНИЗАЦИЯ] [--key corrected|printed]
                     [--subdivisions \"Отдел 1;Отдел 2\"] [--positions \"…;…\"]
                     [--threshold K] [ПАРАМЕТРЫ ОТЧЕТА]
klimat survey report-settings --survey НОМЕР [ПАРАМЕТРЫ ОТЧЕТА]
                     [--proposals-file ФАЙЛ.txt] [--proposals-draft]
klimat survey list

  --instruments  через запятую: commitment, satisfaction, culture
  --date         дата анкетирования (по умолчанию — сегодня)
  --threshold    порог анонимности K (по умолчанию 5, не меньше 3)

Параметры отчета (для доли участия, подписей и предложений):
  --staff-total N          число работников организации
  --staff \"Отдел кадров=25;Финансовый отдел=30\"
                           число работников подразделений списка
  --prepared-position, --prepared-name
                           должность и фамилия подготовившего отчет
  --approved-position, --approved-name
                           должность и фамилия утверждающего («УТВЕРЖДАЮ»)
  --proposals-file         текст предложений и плана мероприятий (UTF-8)
  --proposals-draft        вывести заготовку предложений: методы таблицы 1
                           для слабых составляющих приверженности

create выводит только номер нового анкетирования.
";

const HELP_IMPORT: &str = "\
klimat import --survey НОМЕР [--instrument ИНСТРУМЕНТ] ФАЙЛ
klimat entry  --survey НОМЕР [--instrument ИНСТРУМЕНТ] ФАЙЛ

  ФАЙЛ           CSV или XLSX по шаблону импорта; анкета определяется по
                 столбцам, если не указан --instrument

import загружает все анкеты файла одной транзакцией: если хотя бы одна
строка содержит ошибку, не загружается ничего, а все ошибки перечисляются.
entry сохраняет анкеты по одной (как при вводе оператором) и выводит
идентификатор и код каждой сохраненной анкеты.
";

const HELP_EXPORT: &str = "\
klimat export   --survey НОМЕР --instrument ИНСТРУМЕНТ --out ФАЙЛ.csv|ФАЙЛ.xlsx
klimat template --survey НОМЕР --instrument ИНСТРУМЕНТ --out ФАЙЛ.xlsx

export выгружает анкеты по шаблону импорта (повторный импорт дает те же
анкеты); template создает пустой шаблон со списками допустимых значений.
";

const HELP_EXCHANGE: &str = "\
klimat exchange export --survey НОМЕР --out ФАЙЛ.klimat
klimat merge ФАЙЛ.klimat

Файл обмена переносит анкетирование и его анкеты в другую установку Klimat.
Повторное принятие того же файла ничего не добавляет; анкеты, измененные
в обеих установках, не перезаписываются, а перечисляются как конфликты.
";

const HELP_BACKUP: &str = "\
klimat backup --out ФАЙЛ
klimat restore ФАЙЛ
klimat copies [--keep N]

backup записывает согласованную копию всей базы данных (можно во время
работы приложения); restore заменяет базу данных копией, предварительно
сохранив текущую рядом с ней. copies показывает копии, которые Klimat
сделал сам (перед восстановлением и обновлением), и сколько их хранится;
--keep N (от 1 до 50) задает это число, более старые копии удаляются.
";

const HELP_REPORT: &str = "\
klimat report --survey НОМЕР [--pdf ФАЙЛ.pdf] [--xlsx ФАЙЛ.xlsx] [--docx ФАЙЛ.docx]
              [--compare-with НОМЕР] [--subdivision НАЗВАНИЕ]
klimat report --surveys НОМЕР,НОМЕР,… [--compare-surveys НОМЕР,НОМЕР,…]
              [--pdf …] [--xlsx …] [--docx …]
klimat forms --instrument ИНСТРУМЕНТ --pdf ФАЙЛ.pdf [--survey НОМЕР]

report создает годовой отчет по анкетированию: таблицы методики, диаграммы,
выводы, сравнение с предыдущим анкетированием (--compare-with). Нужно
указать --pdf, --xlsx, --docx (тот же отчет для правки в Word) или
несколько из них. С --subdivision — отчет по одному
подразделению для его работников; не составляется, если анкет
подразделения меньше порога анонимности.
С --surveys — сводный отчет нескольких анкетирований (например,
подведомственных организаций, принятых из файлов обмена): анкеты
объединяются и рассчитываются вместе, организации — группы с порогом
анонимности; анкетирования с разными ключами удовлетворенности не
объединяются. --compare-surveys сравнивает сводный отчет с прошлогодним
(тех же организаций, по названиям) по каждой организации.
forms создает пустой бланк анкеты для печати; с --survey в бланк попадают
списки подразделений и категорий должностей этого анкетирования.
";

/// The help of one verb, if it has its own.
pub fn verb_help(verb: &str) -> Option<&'static str> {
    Some(match verb {
        "score" | "summary" => HELP_SCORE,
        "survey" => HELP_SURVEY,
        "import" | "entry" => HELP_IMPORT,
        "export" | "template" => HELP_EXPORT,
        "exchange" | "merge" => HELP_EXCHANGE,
        "backup" | "restore" | "copies" => HELP_BACKUP,
        "report" | "forms" => HELP_REPORT,
        "verify" => HELP_VERIFY,
        "codes" | "serve" => HELP_NETWORK,
        "texts" => HELP_TEXTS,
        _ => return None,
    })
}

/// `klimat texts`: a hidden text's mark.
pub const TEXT_HIDDEN_MARK: &str = "[скрыт]";
/// `klimat texts --hide`.
pub const TEXT_NOW_HIDDEN: &str = "Ответ скрыт во всех отчетах анкетирования:";
/// `klimat texts --show`.
pub const TEXT_NOW_SHOWN: &str = "Ответ снова приводится в отчетах:";
/// `klimat texts` of a survey without culture answers.
pub const NO_TEXTS: &str = "Открытых ответов нет.";
/// `klimat texts` with both --hide and --show.
pub const HIDE_OR_SHOW: &str = "укажите либо --hide, либо --show";

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

/// `klimat summary` of fewer than K forms.
pub fn summary_withheld(n: u64, k: u32) -> String {
    format!(
        "{} Показатели не приводятся: анкет меньше порога анонимности K = {k}, и они показали бы ответы отдельных работников.",
        forms_counted(n)
    )
}

/// «Учтено N анкет.»
pub fn forms_counted(n: u64) -> String {
    format!(
        "{} {n} {}.",
        plural(n, "Учтена", "Учтено", "Учтено"),
        plural(n, "анкета", "анкеты", "анкет")
    )
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

/// A file argument is missing.
pub const MISSING_ARGUMENT: &str = "не указан";
/// The name of a file argument.
pub const FILE_ARGUMENT: &str = "файл";
/// More than one positional argument.
pub const TOO_MANY_ARGUMENTS: &str = "указано больше одного файла";
/// A positional argument where none is taken.
pub const UNEXPECTED_ARGUMENT: &str = "лишний аргумент";
/// A survey id that is not a number.
pub const BAD_SURVEY_ID: &str = "номер анкетирования должен быть числом";
/// A bad anonymity threshold.
pub const BAD_THRESHOLD: &str = "порог анонимности должен быть целым числом не меньше 1";
/// Both --input and --survey.
pub const INPUT_OR_SURVEY: &str = "укажите либо --input, либо --survey";
/// `survey` without a known subcommand.
pub const SURVEY_SUBCOMMAND: &str = "ожидается survey create или survey list";
/// `exchange` without a known subcommand.
pub const EXCHANGE_SUBCOMMAND: &str = "ожидается exchange export";
/// No surveys yet.
pub const NO_SURVEYS: &str = "Анкетирований пока нет.";
/// The archived mark in lists.
pub const ARCHIVED: &str = " [в архиве]";
/// Import progress.
pub const IMPORT_PROGRESS: &str = "Проверено и сохранено анкет:";
/// Import done.
pub const IMPORTED: &str = "Загружено анкет:";
/// Export done.
pub const EXPORTED: &str = "Выгружено анкет:";
/// Template written.
pub const TEMPLATE_WRITTEN: &str = "Шаблон записан:";
/// Exchange file written.
pub const EXCHANGE_WRITTEN: &str = "Файл обмена записан:";
/// Backup written.
pub const BACKUP_WRITTEN: &str = "Резервная копия записана:";
/// Restore done.
pub const RESTORED: &str = "База данных восстановлена из";
/// Where the previous database went.
pub const PREVIOUS_SAVED: &str = "Прежняя база данных сохранена в";

/// The report of `klimat merge`.
pub fn merge_report(r: &klimat_store::MergeReport) -> String {
    let mut s = format!(
        "Анкетирование № {}{}.\nДобавлено анкет: {}; обновлено: {}; без изменений: {}; \
         новее в этой базе: {}; удалено в этой базе: {}.\n",
        r.survey_id,
        if r.survey_created {
            " (создано)"
        } else {
            ""
        },
        r.added,
        r.updated,
        r.unchanged,
        r.kept_newer_here,
        r.kept_deleted_here
    );
    if !r.conflicts.is_empty() {
        s.push_str(&format!(
            "Конфликты (анкета изменена в обеих базах, оставлена как есть): {}\n",
            r.conflicts.len()
        ));
        for c in &r.conflicts {
            s.push_str(&format!("  {} ({})\n", c.code, c.uuid));
        }
    }
    s
}
/// None of --pdf, --xlsx, --docx.
pub const REPORT_NEEDS_OUTPUT: &str = "укажите --pdf, --xlsx, --docx или несколько из них";
/// The same file for the PDF and the workbook.
pub const SAME_OUTPUT: &str = "для --pdf, --xlsx и --docx нужны разные файлы";
/// A report file whose extension does not match its option.
pub const WRONG_EXTENSION: &str = "имя файла должно оканчиваться на";
/// `klimat entry` stopped at a refused form.
pub const ENTRY_STOPPED: &str = "Ввод остановлен на анкете";
/// How many forms `klimat entry` had saved before it stopped.
pub const ENTRY_SAVED_BEFORE: &str = "сохранены и остаются в базе анкеты, введенные до нее:";
/// Report written.
pub const REPORT_WRITTEN: &str = "Отчет записан:";
/// Blank form written.
pub const FORM_WRITTEN: &str = "Бланк записан:";

/// A proposals file that is not UTF-8.
pub const NOT_UTF8: &str = "файл предложений должен быть текстом в кодировке UTF-8";
/// After `survey report-settings`.
pub const REPORT_SETTINGS_SAVED: &str = "Параметры отчета сохранены.";

/// `klimat verify`: one differing field.
pub fn verify_difference(code: &str, label: &str, first: &str, second: &str) -> String {
    let shown = |v: &str| {
        if v.is_empty() {
            "(нет ответа)".to_owned()
        } else {
            format!("«{v}»")
        }
    };
    format!(
        "Анкета «{code}», {label}: введено {}, при повторном вводе {}\n",
        shown(first),
        shown(second)
    )
}

/// `klimat verify`: a form of the file not among the stored ones.
pub fn verify_not_found(reason: &str) -> String {
    format!("{reason}\n")
}

/// `klimat verify`: the last line.
pub fn verify_summary(forms: usize, fields: usize, differences: usize) -> String {
    format!(
        "{} {forms} {} ({fields} {}); расхождений: {differences}.\n",
        plural(forms as u64, "Сравнена", "Сравнено", "Сравнено"),
        plural(forms as u64, "анкета", "анкеты", "анкет"),
        plural(fields as u64, "поле", "поля", "полей"),
    )
}

/// A bad `--count`.
pub const BAD_CODE_COUNT: &str = "число кодов должно быть целым числом от 1 до 10 000";

/// `klimat codes`: what was made.
pub fn codes_made(n: usize, pdf: &str, address: &str) -> String {
    format!(
        "{} {n} {} доступа; листки: {pdf}; адрес на листках: {address}\n",
        plural(n as u64, "Создан", "Создано", "Создано"),
        plural(n as u64, "код", "кода", "кодов")
    )
}

/// `klimat serve`: the first line.
pub const SERVING: &str = "Заполнение анкет по сети начато. Адреса для сотрудников:";
/// `klimat serve`: how to stop.
pub const SERVING_STOP: &str = "Остановить: Ctrl+C.";
/// `klimat serve`: each form as it comes.
pub const SERVED_FORMS: &str = "Принято анкет:";
/// `klimat serve` stopped by Ctrl+C, the database closed.
pub const SERVE_STOPPED: &str = "Заполнение по сети остановлено, база данных закрыта.\n";
/// The signal handler could not be set.
pub const NO_SIGNALS: &str = "не удалось перехватить Ctrl+C";

/// `--surveys` with an option of a one-survey report.
pub const SURVEYS_ALONE: &str =
    "--surveys (сводный отчет) не сочетается с --survey, --compare-with и --subdivision";

/// `--compare-surveys` without `--surveys`.
pub const COMPARE_SURVEYS_NEEDS_SURVEYS: &str =
    "--compare-surveys сравнивает сводные отчеты: укажите и --surveys";

pub const KEEP_COPIES: &str = "Хранить копий базы (сделанных перед восстановлением и обновлением):";
pub const BAD_KEEP: &str = "--keep ожидает число от 1 до 50, а не";
