//! The written conclusions («Вывод») in Russian, generated from the numbers
//! in the register of the methodology's own examples (the «Вывод» of Table
//! Б.6 after Рисунок Б.1, and those after Tables Б.8, Б.9 and Б.10). Each
//! function returns paragraphs.

use crate::commitment::{COMPONENT_MAX, CommitmentAnalysis, CommitmentLevel, Component, GroupRow};
use crate::compare::{
    Change, CommitmentComparison, CultureComparison, MARKED_DROP_POINTS, SatisfactionComparison,
};
use crate::culture::{self, Column, CultureAnalysis};
use crate::numfmt::{decimal, percent, plural, signed};
use crate::precision::{Judged, Verdict};
use crate::satisfaction::{Factor, SatisfactionAnalysis, SatisfactionLevel};
use crate::tenure::CommitmentBand;
use crate::text::methodology::{
    COMMITMENT_METHODS, COMMITMENT_STATEMENTS, CULTURE_COHESION_ITEMS, CULTURE_LEVEL_ITEMS,
    CULTURE_NEGATIVE_ITEMS, CULTURE_OPEN_QUESTIONS,
};
use crate::text::ru::{
    COMMITMENT_LEVEL_ADJECTIVES, KLIMAT_FACTOR_NOTE, KLIMAT_MARK, SATISFACTION_LEVEL_ADJECTIVES,
};

/// «продемонстрировал» for 1, 21, 31 … respondents, else «продемонстрировали».
fn demonstrated(n: u64) -> &'static str {
    plural(
        n,
        "продемонстрировал",
        "продемонстрировали",
        "продемонстрировали",
    )
}

fn respondents(n: u64) -> String {
    format!(
        "{n} {}",
        plural(n, "респондент", "респондента", "респондентов")
    )
}

fn respondents_genitive(n: u64) -> String {
    format!(
        "{n} {}",
        plural(n, "респондента", "респондентов", "респондентов")
    )
}

/// A share of respondents, with no more decimals than the group's size
/// carries: «2 из 4, или 50 %», «7 из 41, или 17,1 %», «2 из 120, или
/// 1,67 %» (the methodology's worked example writes two decimals for 120).
fn share_of(count: u64, n: u64) -> String {
    let digits = match n {
        0..10 => 0,
        10..100 => 1,
        _ => 2,
    };
    percent(count as f64 * 100.0 / n as f64, digits)
}

/// "2" or "2,7" for how many times `high` exceeds `low`, when it is at
/// least one and a half times.
fn times(high: f64, low: f64) -> Option<String> {
    (low > 0.0 && high / low >= 1.5).then(|| {
        let t = decimal(high / low, 1);
        t.strip_suffix(",0").map_or(t.clone(), str::to_owned)
    })
}

fn points(n: u64) -> String {
    format!("{n} {}", plural(n, "балл", "балла", "баллов"))
}

/// «text», with quotation marks inside it turned into „…“ as Russian
/// typography nests them.
fn quote(text: &str) -> String {
    format!("«{}»", text.replace('«', "„").replace('»', "“"))
}

fn list_items(items: &[usize], texts: &[&str]) -> String {
    items
        .iter()
        .map(|&i| format!("№ {i} {}", quote(texts[i - 1])))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The conclusions of the commitment analysis: the index (Table Б.8), the
/// level distribution (Table Б.9) with the "≈ 80 %" rule, tenure (Table
/// Б.6), the item analysis and the methods of Table 1 for weak components.
pub fn commitment(a: &CommitmentAnalysis) -> Vec<String> {
    let mut out = Vec::new();
    let (Some(p), Some(level)) = (a.total.index.p, a.total.index.level) else {
        out.push("Анкеты не введены: выводы о приверженности сделать нельзя.".to_owned());
        return out;
    };
    let n = a.respondents;
    let share = a.good_or_high_share().unwrap_or(0.0);

    // The «Вывод» after Table Б.8: the coefficient and its level. The
    // ≈ 80 % rule of section 5.2 and Appendix Б speaks of the high level
    // only («Вывод о высоком уровне … допустим, если около 80 % …»): a
    // high P is concluded only when about 80 % are at good or high;
    // otherwise the sentence says from the start that the conclusion is
    // premature. A good level is stated as it is.
    let good_high =
        a.levels[CommitmentLevel::Good as usize] + a.levels[CommitmentLevel::High as usize];
    let premature = level == CommitmentLevel::High && share < 0.8;
    let coefficient = format!(
        "Вывод. Результаты исследования показали, что коэффициент организационной приверженности респондентов составил {}, или {}",
        decimal(p / 100.0, 6),
        percent(p, 2),
    );
    out.push(if premature {
        format!(
            "{coefficient}, что по шкале таблицы Б.9 соответствует высокому уровню. Однако методика допускает вывод о высоком уровне приверженности, если около 80\u{a0}% работников разделяют ценности и цели организации, а хорошую или высокую приверженность {} {} из {}, или {}, – меньше 80\u{a0}%, поэтому делать вывод о высоком уровне организационной приверженности работников в целом преждевременно; целесообразно дальнейшее развитие корпоративной культуры.",
            demonstrated(good_high),
            respondents(good_high),
            n,
            share_of(good_high, n),
        )
    } else {
        format!(
            "{coefficient}, что указывает на {} уровень организационной приверженности{}",
            COMMITMENT_LEVEL_ADJECTIVES[level as usize],
            match level {
                CommitmentLevel::High | CommitmentLevel::Good => {
                    ": работники разделяют ценности и цели организации, имеют сильную эмоциональную связь с ней и готовы работать с полной отдачей."
                }
                CommitmentLevel::Acceptable => {
                    " и необходимость усиления работы по развитию корпоративной культуры."
                }
                _ => {
                    ", необходимость детального анализа причин, факторов, негативно влияющих на него, выработки мотивационных мер и развития корпоративной культуры в целом."
                }
            }
        )
    });
    // The «Вывод» after Table Б.9: the distribution over its levels.
    let high = a.levels[CommitmentLevel::High as usize];
    let absent = a.levels[CommitmentLevel::Absent as usize];
    let low = a.levels[CommitmentLevel::VeryLow as usize] + a.levels[CommitmentLevel::Low as usize];
    let mut s = if premature {
        String::new()
    } else {
        format!(
            "Исследование показало в целом {} уровень организационной приверженности. ",
            COMMITMENT_LEVEL_ADJECTIVES[level as usize]
        )
    };
    if high > 0 {
        s.push_str(&format!(
            "Высокий уровень приверженности (32–39 баллов) {} {}, или {}. ",
            demonstrated(high),
            respondents(high),
            share_of(high, n)
        ));
    } else {
        s.push_str("Высокий уровень приверженности (32–39 баллов) не продемонстрировал ни один респондент. ");
    }
    s.push_str(&format!(
        "Хорошую или высокую приверженность {} {}, или {}; низкую или очень низкую – {}, или {}. ",
        plural(good_high, "показал", "показали", "показали"),
        respondents(good_high),
        share_of(good_high, n),
        respondents(low),
        share_of(low, n),
    ));
    if absent > 0 {
        s.push_str(&format!(
            "Полностью отсутствует приверженность у {}, или {}.",
            respondents_genitive(absent),
            share_of(absent, n)
        ));
    } else {
        s.push_str("Респондентов с полностью отсутствующей приверженностью нет.");
    }
    out.push(s);

    if let Some(t) = tenure_paragraph(&a.by_tenure) {
        out.push(t);
    }

    // The item analysis (docs/methodology.md, "Item analysis").
    let items = a.item_analysis();
    out.push(format!(
        "Анализ оценок по отдельным вопросам показал, что наибольшее суммарное значение среди отрицательных вопросов-ответов имеет утверждение {} ({}): именно с ним респонденты соглашались чаще всего. Среди положительных вопросов-ответов минимальное суммарное значение у утверждения {} ({}), максимальное – у утверждения {} ({}).",
        list_items(&items.strongest_negative, &COMMITMENT_STATEMENTS),
        points(a.item_sums[items.strongest_negative[0] - 1]),
        list_items(&items.weakest_positive, &COMMITMENT_STATEMENTS),
        points(a.item_sums[items.weakest_positive[0] - 1]),
        list_items(&items.strongest_positive, &COMMITMENT_STATEMENTS),
        points(a.item_sums[items.strongest_positive[0] - 1]),
    ));

    // Table 1: methods for the weak components.
    for c in a.total.weak_components() {
        let m = &COMMITMENT_METHODS[c.component as usize];
        out.push(format!(
            "Составляющая «{}» оценена в среднем в {} из {} возможных баллов ({}). Для ее развития рекомендуются методы: {}. Следует проверить, не действуют ли в организации факторы, негативно влияющие на эту составляющую: {}",
            m.component,
            decimal(c.mean, 2),
            decimal(COMPONENT_MAX, 0),
            percent(c.percent, 1),
            m.methods
                .iter()
                .map(|x| format!("«{x}»"))
                .collect::<Vec<_>>()
                .join(", "),
            m.negative_factors
                .iter()
                .map(|f| f.trim_end_matches('.').to_lowercase())
                .collect::<Vec<_>>()
                .join("; ")
                + ".",
        ));
    }
    out
}

/// The threat of section 5.2 when the level itself is low: «К угрозам
/// относится низкое значение приверженности …». `None` from «допустимая» up.
pub fn low_commitment_threat(a: &CommitmentAnalysis) -> Option<String> {
    let (p, level) = (a.total.index.p?, a.total.index.level?);
    (level <= CommitmentLevel::Low).then(|| {
        format!(
            "Угроза. Коэффициент организационной приверженности ({}) соответствует {} уровню. Методика относит низкое значение приверженности к угрозам: оно создает риск снижения трудового потенциала работников и их увольнения.",
            percent(p, 2),
            match level {
                CommitmentLevel::Absent => "нулевому (приверженность отсутствует)",
                CommitmentLevel::VeryLow => "очень низкому",
                _ => "низкому",
            }
        )
    })
}

/// The tenure paragraph, after the «Вывод» of Table Б.6 and Рисунок Б.1:
/// which tenure group is the most and least committed overall, loyal and
/// involved.
fn tenure_paragraph(rows: &[(Option<CommitmentBand>, GroupRow)]) -> Option<String> {
    let known: Vec<(CommitmentBand, &GroupRow)> =
        rows.iter().filter_map(|(b, r)| b.map(|b| (b, r))).collect();
    if known.len() < 2 {
        return None;
    }
    let extremes = |value: &dyn Fn(&GroupRow) -> Option<f64>| {
        let mut vals: Vec<(CommitmentBand, f64)> = known
            .iter()
            .filter_map(|(b, r)| value(r).map(|v| (*b, v)))
            .collect();
        vals.sort_by(|a, b| b.1.total_cmp(&a.1));
        let top = vals[0].1;
        let bottom = vals[vals.len() - 1].1;
        let names = |target: f64| {
            vals.iter()
                .filter(|(_, v)| (v - target).abs() < 1e-9)
                .map(|(b, _)| b.phrase())
                .collect::<Vec<_>>()
                .join(" и ")
        };
        (names(top), top, names(bottom), bottom)
    };
    let (hi, hi_v, lo, lo_v) = extremes(&|r| r.ip_mean);
    if (hi_v - lo_v).abs() < 1e-9 {
        return Some(
            "Уровень организационной приверженности респондентов не зависит от стажа работы: средние значения во всех группах одинаковы.".to_owned(),
        );
    }
    let mut s = format!(
        "Вывод. Результаты исследования показали, что наибольший уровень организационной приверженности у респондентов со стажем работы {hi} ({} из 39), наименьший – со стажем работы {lo} ({}).",
        decimal(hi_v, 2),
        decimal(lo_v, 2)
    );
    let part = |component: Component, template: &str| {
        let (hi, hi_v, lo, lo_v) = extremes(&|r| r.component_mean(component));
        let ratio = times(hi_v, lo_v)
            .map(|t| format!(" (уровень в {t} раза ниже)"))
            .unwrap_or_default();
        template
            .replace("{hi}", &format!("{hi} ({})", decimal(hi_v, 2)))
            .replace("{lo}", &format!("{lo} ({})", decimal(lo_v, 2)))
            .replace("{ratio}", &ratio)
    };
    s.push_str(&part(
        Component::Identification,
        " Корпоративная идентификация наиболее выражена у респондентов со стажем работы {hi}, наименее{ratio} – у респондентов со стажем работы {lo}.",
    ));
    s.push_str(&part(
        Component::Loyalty,
        " Наиболее лояльны к организации респонденты со стажем {hi}, наименее{ratio} – респонденты со стажем {lo}.",
    ));
    s.push_str(&part(
        Component::Involvement,
        " Самый высокий уровень вовлеченности в работу демонстрируют респонденты со стажем работы {hi}, самый низкий{ratio} – со стажем работы {lo}.",
    ));
    s.push_str(" Данные результаты позволяют определять конкретные направления идеологической и кадровой работы с разными категориями работников, в том числе в зависимости от их стажа.");
    Some(s)
}

/// The conclusions of the satisfaction analysis: the overall level (Table
/// В.5), the distribution, each factor with its Table В.6 description, and
/// the guidance of section 5.3 of the methodology.
pub fn satisfaction(a: &SatisfactionAnalysis) -> Vec<String> {
    let mut out = Vec::new();
    let (Some(pct), Some(level)) = (a.total.overall_percent, a.total.level) else {
        out.push(
            "Анкеты не введены: выводы об удовлетворенности трудом сделать нельзя.".to_owned(),
        );
        return out;
    };
    let n = a.respondents;
    out.push(format!(
        "Вывод. Интегральная удовлетворенность трудом респондентов составила {}, что соответствует уровню «{}» по шкале оценки удовлетворенности трудом (таблица В.5). {}",
        percent(pct, 1),
        level.label().to_lowercase(),
        match a.key {
            crate::satisfaction::SatisfactionKey::Corrected => "Расчет выполнен по исправленному ключу таблицы В.2: баллы вопросов 10 и 12 приведены в соответствие с их факторами (Г и А).",
            crate::satisfaction::SatisfactionKey::Printed => "Расчет выполнен по ключу таблицы В.2 в том виде, как он напечатан в методике.",
        },
    ));
    let parts: Vec<String> = SatisfactionLevel::ALL
        .iter()
        .rev()
        .filter(|l| a.levels[**l as usize] > 0)
        .map(|l| {
            let c = a.levels[*l as usize];
            format!(
                "{} – у {} ({})",
                l.label().to_lowercase(),
                respondents_genitive(c),
                share_of(c, n)
            )
        })
        .collect();
    out.push(format!(
        "Удовлетворенность трудом по шкале таблицы В.5: {}.",
        parts.join("; ")
    ));

    let mut factors: Vec<(Factor, f64, SatisfactionLevel)> = Factor::ALL
        .iter()
        .filter_map(|&f| {
            Some((
                f,
                a.total.factor_percents[f as usize]?,
                a.total.factor_levels[f as usize]?,
            ))
        })
        .collect();
    let mut klimat_words = false;
    for (f, p, l) in &factors {
        let d = f.description(*l);
        let text = if d.from_methodology {
            format!(
                "Характеристика уровня по таблице В.6 методики: {}.",
                quote(d.text)
            )
        } else {
            klimat_words = true;
            format!("{}.{KLIMAT_MARK}", d.text)
        };
        out.push(format!(
            "{} – {} ({} уровень). {text}",
            f.label(),
            percent(*p, 1),
            SATISFACTION_LEVEL_ADJECTIVES[*l as usize],
        ));
    }

    factors.sort_by(|x, y| y.1.total_cmp(&x.1));
    if let (Some(best), Some(worst)) = (factors.first(), factors.last())
        && best.1 > worst.1
    {
        out.push(format!(
            "Наиболее высоко оценен фактор «{}» ({}), наиболее низко – «{}» ({}): он требует первоочередного внимания при выработке мероприятий.",
            best.0.label().to_lowercase(),
            percent(best.1, 1),
            worst.0.label().to_lowercase(),
            percent(worst.1, 1)
        ));
    }

    let known: Vec<_> = a
        .by_tenure
        .iter()
        .filter_map(|(b, r)| Some((b.as_ref()?, r.overall_percent?)))
        .collect();
    if known.len() >= 2 {
        let hi = known.iter().max_by(|x, y| x.1.total_cmp(&y.1)).copied();
        let lo = known.iter().min_by(|x, y| x.1.total_cmp(&y.1)).copied();
        if let (Some(hi), Some(lo)) = (hi, lo)
            && hi.1 > lo.1
        {
            out.push(format!(
                "Наиболее удовлетворены трудом респонденты со стажем {} ({}), наименее – со стажем {} ({}).",
                hi.0.label(),
                percent(hi.1, 1),
                lo.0.label(),
                percent(lo.1, 1)
            ));
        }
    }

    out.push(match level {
        SatisfactionLevel::ExtremelyLow | SatisfactionLevel::Low => "Низкий уровень удовлетворенности собственным трудом отрицательно влияет на организационную приверженность, корпоративную идентичность и эффективность работника, приводя к негативным последствиям в обеспечении кадровой стабильности: фактам текучести кадров, ухудшению трудовой и исполнительской дисциплины.".to_owned(),
        SatisfactionLevel::High => "Следует учитывать, что у полностью удовлетворенного работника зачастую отсутствует стремление к совершенствованию (профессиональному и личностному), снижается напряженность мотивационной энергии: удовлетворенность трудом должна быть не полной, а оптимальной.".to_owned(),
        _ => "Удовлетворенность трудом должна быть у работника не полной, а оптимальной, что способствует наиболее эффективному управлению его мотивацией и повышению эффективности труда; мероприятия следует направить прежде всего на факторы с наиболее низкими оценками.".to_owned(),
    });
    // The note on Klimat's descriptions closes the conclusions, so that its
    // mark is explained once, after every sentence it marks.
    if klimat_words {
        out.push(KLIMAT_FACTOR_NOTE.to_owned());
    }
    out
}

/// The conclusions of the culture analysis: rankings of Table А.2, the
/// subdivision-vs-organization differences, Table А.3, the negative factors
/// of Table А.4 and the most frequent open answers. An open answer is
/// quoted only from a group of at least
/// [`crate::anonymity::COMMENT_MIN_FORMS`] forms, and only when at least
/// `k` people wrote it (docs/methodology.md, "Anonymity").
pub fn culture(a: &CultureAnalysis, k: u32) -> Vec<String> {
    let mut out = Vec::new();
    if a.respondents == 0 {
        out.push("Анкеты не введены: выводы о корпоративной культуре сделать нельзя.".to_owned());
        return out;
    }
    let fmt_rank = |items: &[(usize, f64)]| {
        items
            .iter()
            .map(|(i, m)| format!("{} ({})", CULTURE_COHESION_ITEMS[i - 1], decimal(*m, 2)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // «другое» (item 15 of Table А.2) and «Иное» (item 8 of Table А.4) mean
    // something different on every form, so they are not ranked.
    for (column, place) in [
        (
            Column::Org,
            "Вывод. Среди ценностей и факторов сплочения коллектива в организации в целом",
        ),
        (
            Column::Sub,
            "Среди ценностей и факторов сплочения коллектива в структурных подразделениях",
        ),
    ] {
        let r: Vec<(usize, f64)> = a
            .cohesion_ranking(column)
            .into_iter()
            .filter(|(i, _)| *i != culture::COHESION_ITEMS)
            .collect();
        if r.len() >= 2 {
            let k = 3.min(r.len() / 2).max(1);
            out.push(format!(
                "{place} наиболее высокие оценки получили: {}; наиболее низкие – {}.",
                fmt_rank(&r[..k]),
                fmt_rank(&r[r.len() - k..])
            ));
        }
    }
    let mut diffs: Vec<(usize, f64)> = a
        .cohesion
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.difference().map(|d| (i + 1, d)))
        .filter(|(_, d)| d.abs() >= 0.3)
        .collect();
    diffs.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()));
    if !diffs.is_empty() {
        // The three largest, and any that ties the third as printed.
        let third = diffs.get(2).map_or(0.0, |(_, d)| (d.abs() * 100.0).round());
        let text = diffs
            .iter()
            .enumerate()
            .take_while(|(k, (_, d))| *k < 3 || (d.abs() * 100.0).round() >= third)
            .map(|(_, x)| x)
            .map(|(i, d)| {
                format!(
                    "{} ({} {})",
                    CULTURE_COHESION_ITEMS[i - 1],
                    if *d > 0.0 {
                        "выше в подразделении на"
                    } else {
                        "ниже в подразделении на"
                    },
                    decimal(d.abs(), 2)
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        out.push(format!(
            "Наиболее заметно оценки в структурном подразделении и в организации в целом расходятся по позициям: {text}."
        ));
    }
    let level: Vec<String> = a
        .level
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            Some(format!(
                "{} – {}",
                CULTURE_LEVEL_ITEMS[i],
                decimal(p.org.mean()?, 2)
            ))
        })
        .collect();
    if !level.is_empty() {
        out.push(format!(
            "Уровень сформированности корпоративной культуры и достаточности мероприятий по ее развитию в организации в целом оценен так (средний балл из 5): {}.",
            level.join("; ")
        ));
    }
    if let Some(v) = culture_verdict(a) {
        out.push(v);
    }
    let neg: Vec<(usize, f64)> = a
        .negative_ranking()
        .into_iter()
        .filter(|(i, _)| *i != culture::NEGATIVE_ITEMS)
        .collect();
    if !neg.is_empty() {
        let text = neg
            .iter()
            .take(3)
            .map(|(i, m)| {
                format!(
                    "«{}» ({})",
                    crate::text::ru::without_form_instruction(CULTURE_NEGATIVE_ITEMS[i - 1]),
                    decimal(*m, 2)
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        out.push(format!(
            "Наиболее негативное влияние на корпоративную культуру, по мнению респондентов, оказывают: {text}."
        ));
    }
    let quotable = a.respondents >= crate::anonymity::COMMENT_MIN_FORMS;
    let frequent: Vec<String> = a
        .open
        .iter()
        .filter(|_| quotable)
        .filter_map(|g| {
            let top = g
                .answers
                .first()
                .filter(|t| t.count >= 2 && t.count >= u64::from(k))?;
            let q = &CULTURE_OPEN_QUESTIONS[g.question - 1];
            let prompt = match g.side {
                crate::culture::Side::Pos => q.positive,
                crate::culture::Side::Neg => q.negative,
            };
            Some(format!(
                "«{}»: чаще всего – «{}» ({} {})",
                prompt
                    .trim_end_matches(" (перечислите)")
                    .trim_end_matches(" (напишите)")
                    .trim_end_matches(" (продолжите предложение)"),
                top.text,
                top.count,
                plural(top.count, "раз", "раза", "раз")
            ))
        })
        .collect();
    if !frequent.is_empty() {
        out.push(format!(
            "В ответах на открытые вопросы повторяются: {}.",
            frequent.join("; ")
        ));
    }
    out
}

/// The grammatical gender of a sentence's subject, for the verb's ending.
#[derive(Clone, Copy)]
enum Gender {
    /// «значение … снизилось».
    Neuter,
    /// «удовлетворенность … снизилась».
    Feminine,
}

/// «снизилось на 13,29 п. п. (с 58,97 % до 45,68 %)»: a change of a
/// percentage in percentage points, the verb agreeing with the subject.
/// Klimat's reading of the mean rating of item 1 of Table А.3 («уровень
/// сформированности корпоративной культуры», organization as a whole) on a
/// scale of its own, decided in integers: a mean of 4 or more is high, of 3
/// or more medium, below 3 low. `None` without ratings.
pub fn culture_level(a: &CultureAnalysis) -> Option<(f64, &'static str)> {
    let st = &a.level[0].org;
    let n = st.n();
    let sum: u64 = st.counts.iter().zip(1u64..).map(|(c, v)| c * v).sum();
    (n > 0).then(|| {
        let word = if sum >= 4 * n {
            "высокий"
        } else if sum >= 3 * n {
            "средний"
        } else {
            "низкий"
        };
        (sum as f64 / n as f64, word)
    })
}

fn culture_verdict(a: &CultureAnalysis) -> Option<String> {
    let (mean, word) = culture_level(a)?;
    Some(format!(
        "Вывод. Уровень сформированности корпоративной культуры в организации в целом респонденты оценили в среднем в {} балла из 5, что соответствует уровню «{word}»{KLIMAT_MARK}.",
        decimal(mean, 2)
    ))
}

/// What a judged change rests on, for a sentence: the forms of each year
/// and the error, or why no change can be claimed (Klimat's rule).
fn precision_clause(j: &Judged, digits: usize) -> String {
    let forms = format!("анкет: {} и {}", j.forms.0, j.forms.1);
    // Both years a census of a small group.
    let census = |forms: u64, staff: Option<u64>| staff.is_some_and(|s| s > 0 && forms >= s);
    let census = census(j.forms.0, j.staff.0) && census(j.forms.1, j.staff.1);
    match (j.verdict, j.margin) {
        (Verdict::Fall | Verdict::Rise, Some(m)) => format!(
            "изменение больше погрешности (±{} {PP}; {forms}) – правило Klimat",
            decimal(m, digits)
        ),
        (Verdict::WithinError, Some(m)) => format!(
            "изменение в пределах погрешности (±{} {PP}; {forms}): утверждать, что показатель изменился, нельзя – правило Klimat",
            decimal(m, digits)
        ),
        _ if census => format!(
            "опрошены все работники, но их так мало ({forms}), что изменение могут определять ответы одного-двух человек, а не тенденция: данных мало, чтобы судить об изменении – правило Klimat"
        ),
        _ => format!(
            "данных мало, чтобы судить об изменении ({forms}; нужно не менее {} в каждом исследовании) – правило Klimat",
            crate::precision::MIN_FORMS
        ),
    }
}

/// Why none of some changes can be claimed: all within the error, all on
/// too few forms, or some of each (changes not judged at all are left out).
fn undecided<'a>(verdicts: impl Iterator<Item = &'a Judged>) -> &'static str {
    let (mut within, mut few) = (false, false);
    for j in verdicts.filter(|j| j.delta.is_some()) {
        match j.verdict {
            Verdict::WithinError => within = true,
            Verdict::TooFew => few = true,
            _ => {}
        }
    }
    match (within, few) {
        (true, false) => "в пределах погрешности",
        (false, true) => "основаны на слишком малом числе анкет",
        _ => "в пределах погрешности или основаны на слишком малом числе анкет",
    }
}

fn change_phrase(c: &Change, gender: Gender, digits: usize) -> Option<String> {
    let (prev, cur, d) = (c.previous?, c.current?, c.delta()?);
    let verb = |neuter: &'static str, feminine: &'static str| match gender {
        Gender::Neuter => neuter,
        Gender::Feminine => feminine,
    };
    let pct = |x: f64| percent(x, digits);
    Some(if d.abs() < 0.5 * 10f64.powi(-(digits as i32)) {
        format!("{} ({})", verb("не изменилось", "не изменилась"), pct(cur))
    } else {
        format!(
            "{} на {} {PP} (с {} до {})",
            if d > 0.0 {
                verb("выросло", "выросла")
            } else {
                verb("снизилось", "снизилась")
            },
            decimal(d.abs(), digits),
            pct(prev),
            pct(cur)
        )
    })
}

/// Percentage points.
const PP: &str = "п. п.";

/// The conclusions of a commitment comparison; the threat of a marked fall
/// is [`commitment_fall_threat`].
pub fn commitment_comparison(c: &CommitmentComparison) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(p) = change_phrase(&c.p, Gender::Neuter, 2) {
        out.push(format!(
            "По сравнению с предыдущим исследованием значение коэффициента организационной приверженности {p}; {}.",
            precision_clause(&c.p_verdict, 2)
        ));
    }
    // Only the components whose change passes the rule are named.
    let parts: Vec<String> = Component::ALL
        .iter()
        .filter(|&&comp| c.component_verdicts[comp as usize].decided())
        .filter_map(|&comp| {
            let d = c.components[comp as usize].delta()?;
            Some(format!("{} {}", comp.label().to_lowercase(), signed(d, 2)))
        })
        .collect();
    if !parts.is_empty() {
        out.push(format!(
            "Больше погрешности изменились средние значения составляющих (в баллах из 13): {}.",
            parts.join(", ")
        ));
    } else if c.component_verdicts.iter().any(|j| j.delta.is_some()) {
        out.push(format!(
            "Изменения средних значений составляющих {} (правило Klimat).",
            undecided(c.component_verdicts.iter())
        ));
    }
    out
}

/// The threat of section 5.2 when commitment fell markedly since the
/// compared survey; `None` otherwise.
pub fn commitment_fall_threat(c: &CommitmentComparison) -> Option<String> {
    c.threat.then(|| {
        format!(
            "Угроза. Коэффициент организационной приверженности снизился по сравнению с предыдущим исследованием на {} {PP}, больше погрешности (±{} {PP}; анкет: {} и {}; значительным Klimat считает снижение на {} {PP} и более, превышающее погрешность; в методике порог не указан). Методика относит значительное снижение приверженности к угрозам: оно создает риск снижения трудового потенциала работников и их увольнения.",
            c.p.delta().map_or_else(String::new, |d| decimal(-d, 2)),
            c.p_verdict.margin.map_or_else(String::new, |m| decimal(m, 2)),
            c.p_verdict.forms.0,
            c.p_verdict.forms.1,
            decimal(MARKED_DROP_POINTS, 0),
        )
    })
}

/// The conclusions of a satisfaction comparison.
pub fn satisfaction_comparison(c: &SatisfactionComparison) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(p) = change_phrase(&c.overall, Gender::Feminine, 1) {
        out.push(format!(
            "По сравнению с предыдущим исследованием интегральная удовлетворенность трудом {p}; {}.",
            precision_clause(&c.overall_verdict, 1)
        ));
    }
    // Only the factors whose change passes the rule are named.
    let mut moves: Vec<(Factor, f64)> = Factor::ALL
        .iter()
        .filter(|&&f| c.factor_verdicts[f as usize].decided())
        .filter_map(|&f| Some((f, c.factors[f as usize].delta()?)))
        .collect();
    // Every factor whose change passes the rule, falls and rises apart,
    // the largest first: the largest change beyond the error is not
    // always the largest change of the table.
    moves.sort_by(|a, b| a.1.total_cmp(&b.1));
    let list = |items: &mut dyn Iterator<Item = &(Factor, f64)>| {
        items
            .map(|(f, d)| format!("«{}» ({} {PP})", f.label().to_lowercase(), signed(*d, 1)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let falls = list(&mut moves.iter().filter(|(_, d)| *d < 0.0));
    if !falls.is_empty() {
        out.push(format!(
            "Больше погрешности снизились оценки факторов: {falls} (правило Klimat)."
        ));
    }
    let rises = list(&mut moves.iter().rev().filter(|(_, d)| *d > 0.0));
    if !rises.is_empty() {
        out.push(format!(
            "Больше погрешности выросли оценки факторов: {rises} (правило Klimat)."
        ));
    }
    if c.keys_differ {
        out.push("Обратите внимание: исследования рассчитаны по разным ключам таблицы В.2. От ключа зависят баллы вопросов 10 и 12, а с ними факторы «Интерес к работе», «Удовлетворенность взаимоотношениями с руководством» и общая удовлетворенность трудом; их изменения отражают и смену ключа.".to_owned());
    }
    out
}

/// The warning when satisfaction fell markedly since the compared survey
/// (Klimat's rule, the same 5 points as for commitment); `None` otherwise.
pub fn satisfaction_drop(c: &SatisfactionComparison) -> Option<String> {
    c.marked_drop.then(|| {
        format!(
            "Интегральная удовлетворенность трудом снизилась на {} {PP}, больше погрешности (±{} {PP}; анкет: {} и {}; правило Klimat: отмечается снижение на {} {PP} и более, превышающее погрешность): такое снижение требует анализа причин и выработки корректирующих мер.",
            c.overall.delta().map_or_else(String::new, |d| decimal(-d, 1)),
            c.overall_verdict.margin.map_or_else(String::new, |m| decimal(m, 1)),
            c.overall_verdict.forms.0,
            c.overall_verdict.forms.1,
            decimal(MARKED_DROP_POINTS, 0),
        )
    })
}

/// The conclusions of a culture comparison.
pub fn culture_comparison(c: &CultureComparison) -> Vec<String> {
    // The organization column of Table А.2: only changes that pass the
    // rule are named, falls and rises apart, each by its size.
    let mut falls: Vec<(usize, f64)> = Vec::new();
    let mut rises: Vec<(usize, f64)> = Vec::new();
    let mut compared = false;
    for (i, ((_, org), (_, judged))) in c.cohesion.iter().zip(&c.cohesion_verdicts).enumerate() {
        let Some(d) = org.delta() else { continue };
        compared = true;
        match judged.verdict {
            Verdict::Fall => falls.push((i, d)),
            Verdict::Rise => rises.push((i, d)),
            _ => {}
        }
    }
    falls.sort_by(|a, b| a.1.total_cmp(&b.1));
    rises.sort_by(|a, b| b.1.total_cmp(&a.1));
    let list = |items: &[(usize, f64)]| {
        items
            .iter()
            .map(|(i, d)| format!("«{}» ({})", CULTURE_COHESION_ITEMS[*i], signed(*d, 2)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = Vec::new();
    if !falls.is_empty() {
        out.push(format!(
            "По сравнению с предыдущим исследованием в организации в целом больше погрешности снизились оценки: {} (правило Klimat).",
            list(&falls)
        ));
    }
    if !rises.is_empty() {
        out.push(format!(
            "По сравнению с предыдущим исследованием в организации в целом больше погрешности выросли оценки: {} (правило Klimat).",
            list(&rises)
        ));
    }
    // Table А.3: the level of culture and of the work on it.
    let mut level_moves = Vec::new();
    for (i, ((_, org), (_, judged))) in c.level.iter().zip(&c.level_verdicts).enumerate() {
        let Some(d) = org.delta() else { continue };
        compared = true;
        if judged.decided() {
            level_moves.push(format!("«{}» ({})", CULTURE_LEVEL_ITEMS[i], signed(d, 2)));
        }
    }
    if !level_moves.is_empty() {
        out.push(format!(
            "Больше погрешности изменились оценки таблицы А.3 в организации в целом: {} (правило Klimat).",
            level_moves.join(", ")
        ));
    }
    if compared && falls.is_empty() && rises.is_empty() && level_moves.is_empty() {
        out.push(format!(
            "По сравнению с предыдущим исследованием изменения оценок ценностей и факторов сплочения коллектива и уровня корпоративной культуры в организации в целом {}: утверждать, что они изменились, нельзя (правило Klimat).",
            undecided(
                c.cohesion_verdicts
                    .iter()
                    .chain(&c.level_verdicts)
                    .map(|(_, org)| org)
            )
        ));
    }
    out
}
