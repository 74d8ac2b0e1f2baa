#!/usr/bin/env python3
"""Writes the bundled sample surveys satisfaction.csv and culture.csv
(seeded, reproducible). commitment.csv is the Table Б.2 worked example,
a copy of tests/fixtures/commitment-b2.csv."""
import random

rng = random.Random(2026)
TENURE = ["до 1 года", "от 1 года до 3 лет", "от 3 до 5 лет", "от 5 до 10 лет",
          "от 10 до 20 лет", "свыше 20 лет", "", "7", "12,5"]
SUBS = ["Управление делами", "Отдел кадров", "Идеологический отдел", "Финансовый отдел"]
POS = ["Руководитель", "Специалист", "Другие служащие и рабочие"]

rows = ["code;tenure;subdivision;position;" + ";".join(f"q{i}" for i in range(1, 19))]
for n in range(1, 61):
    answers = [rng.choices(["а", "б", "в", ""], weights=[5, 4, 2, 0.2])[0] for _ in range(18)]
    rows.append(";".join([f"С-{n:03d}", rng.choice(TENURE), rng.choice(SUBS), rng.choice(POS)] + answers))
open("satisfaction.csv", "w", encoding="utf-8").write("\n".join(rows) + "\n")

OPEN = {
    "o1_pos": ["Профессионализм", "Ответственность", "профессионализм", "Патриотизм", "Честность"],
    "o1_neg": ["", "", "Формализм", "формализм ", ""],
    "o2_pos": ["Стабильность", "Интересная работа", "стабильность", "Коллектив"],
    "o2_neg": ["Невысокая заработная плата", "", "Большой объем документов", "невысокая заработная плата"],
    "o6_pos": ["Поддержка руководства", "Признание результатов", ""],
    "o6_neg": ["Перегрузка", "", "Отсутствие поощрений"],
    "o7_pos": ["Стабильность и социальные гарантии", "Дружный коллектив", ""],
    "o7_neg": ["", "Низкая зарплата", ""],
}
cols = ["code", "tenure", "subdivision", "position"]
for q in range(1, 9):
    cols += [f"o{q}_pos", f"o{q}_neg"]
for i in range(1, 16):
    cols += [f"c{i}_sub", f"c{i}_org"]
cols.append("c15_text")
for i in range(1, 4):
    cols += [f"l{i}_sub", f"l{i}_org"]
cols += [f"n{i}" for i in range(1, 9)] + ["n7_actors", "n7_tech", "n8_text"]
rows = [",".join(cols)]
for n in range(1, 31):
    cell = {"code": f"К-{n:03d}", "tenure": rng.choice(TENURE), "subdivision": rng.choice(SUBS),
            "position": rng.choice(POS)}
    for k, opts in OPEN.items():
        cell[k] = rng.choice(opts)
    for c in cols:
        if c[0] in "cl" and c[-4:] in ("_sub", "_org"):
            base = 4 if c[0] == "c" else 3
            cell[c] = str(max(1, min(5, base + rng.choice([-2, -1, 0, 0, 1])))) if rng.random() > 0.05 else ""
        elif c[0] == "n" and c[1:].isdigit():
            cell[c] = str(rng.randint(1, 5))
    if rng.random() < 0.3:
        cell["n7_actors"] = "руководители|кадровые службы"
        cell["n7_tech"] = "управленческие"
    if rng.random() < 0.1:
        cell["c15_text"], cell["c15_sub"], cell["c15_org"] = "наставничество", "5", "4"
    rows.append(",".join('"' + cell.get(c, "").replace('"', '""') + '"' if cell.get(c) else "" for c in cols))
open("culture.csv", "w", encoding="utf-8").write("\n".join(rows) + "\n")
