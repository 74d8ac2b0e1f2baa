//! Every Russian string of the network form's pages.

pub const LANG_TITLE: &str = "Анкетирование";
pub const CODE_LABEL: &str = "Код доступа с листка";
pub const CODE_HINT: &str = "Код напечатан на листке, который Вам выдали (например, 7KMQ-42PX). Регистр букв и дефис не важны.";
pub const CONTINUE: &str = "Продолжить";
pub const ANONYMITY: &str = "Анкетирование анонимное. Код нужен только для того, чтобы каждую анкету заполнили один раз: Klimat не знает, кому выдан код, и не связывает код с ответами. Адрес Вашего компьютера и браузер не сохраняются.";
pub const CHOOSE: &str = "Выберите анкету";
pub const FILL: &str = "Заполнить анкету";
pub const ALL_DONE: &str = "Все анкеты по этому коду уже заполнены. Спасибо за участие!";
pub const SUBMIT: &str = "Отправить анкету";
pub const THANKS: &str = "Спасибо! Ваша анкета сохранена.";
pub const THANKS_MORE: &str = "По этому же коду можно заполнить и другие анкеты:";
pub const THANKS_CLOSE: &str = "Можно закрыть эту страницу.";
pub const REFUSED: &str = "Анкета не сохранена:";
pub const FIX_AND_SEND: &str =
    "Исправьте отмеченное и отправьте анкету снова: введенные ответы сохранены на этой странице.";
pub const NOT_GIVEN: &str = "не указано";
pub const SUBDIVISION: &str = "Ваше структурное подразделение";
pub const POSITION: &str = "Категория Вашей должности";
pub const TENURE: &str = "Ваш стаж работы в организации";
pub const START_AGAIN: &str = "Ввести код";
pub const NOT_FOUND: &str = "Такой страницы нет. Откройте начальную страницу анкетирования.";
pub const TOO_MANY: &str = "Слишком много попыток ввести код с этого компьютера. Подождите 10 минут и введите код с листка снова.";
pub const TOO_LARGE: &str = "Слишком большая анкета: ответы длиннее, чем допускает анкета.";
pub const BAD_REQUEST: &str =
    "Анкета отправлена не из формы анкетирования (неверный формат данных).";
pub const UNKNOWN_FIELD: &str = "В анкете нет поля";
pub const REPEATED_FIELD: &str = "Поле указано дважды:";
pub const NO_INSTRUMENT: &str = "Эта анкета не входит в анкетирование.";
pub const EMPTY_FORM: &str = "Анкета не заполнена: ответьте хотя бы на один вопрос.";
pub const UNAVAILABLE: &str = "Анкетирование сейчас недоступно: база данных занята или закрыта. Попробуйте отправить анкету через минуту.";
pub const DATABASE_ERROR: &str = "Анкета не сохранена из-за ошибки на компьютере специалиста. Попробуйте отправить ее снова через минуту.";
pub const TABLE_SUB: &str = "В Вашем структурном подразделении";
pub const TABLE_ORG: &str = "В организации в целом";
pub const OTHER: &str = "другое (укажите)";
pub const OTHER_NEG: &str = "Иное (укажите)";
pub const WHO: &str = "кто:";
pub const WHICH: &str = "какие технологии:";
pub const BUSY: &str =
    "Сейчас анкету отправляют очень многие: подождите несколько секунд и отправьте снова.";
pub const TIMEOUT: &str = "Анкета передавалась слишком долго и не сохранена. Отправьте ее снова.";
