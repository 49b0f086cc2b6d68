"""Value normaliser table: words and digits, ranges, approximations, fractions, durations,
money, shares, counts of people, dates and times (relative ones against a fixed anchor)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsprism.extract.values import AGE_UNIT, find_values

ANCHOR = dt.date(2025, 8, 16)  # a Saturday

# (sentence, kind, shown text, value, unit, approx)
CASES: list[tuple[str, str, str, object, object, str]] = [
    # durations
    ("The talks lasted nearly three hours.", "duration", "nearly three hours", 3, "hour", "about"),
    ("They met for three hours.", "duration", "three hours", 3, "hour", "exact"),
    ("After seven hours of debate they left.", "duration", "seven hours", 7, "hour", "exact"),
    ("It was a 90-minute call.", "duration", "90-minute", 90, "minute", "exact"),
    ("A three-hour hearing followed.", "duration", "three-hour", 3, "hour", "exact"),
    ("The vote took two and a half hours.", "duration", "two and a half hours", 2.5, "hour",
     "exact"),
    ("It lasted an hour and a half.", "duration", "an hour and a half", 1.5, "hour", "exact"),
    ("She waited half an hour.", "duration", "half an hour", 0.5, "hour", "exact"),
    ("He waited about 20 minutes.", "duration", "about 20 minutes", 20, "minute", "about"),
    ("The strike lasted almost two weeks.", "duration", "almost two weeks", 2, "week", "about"),
    ("He served six years in jail.", "duration", "six years", 6, "year", "exact"),
    ("The siege went on for more than 40 days.", "duration", "more than 40 days", 40, "day",
     "at_least"),
    ("Repairs take up to 3 months.", "duration", "up to 3 months", 3, "month", "at_most"),
    ("The flight took less than an hour.", "duration", "less than an hour", 1, "hour",
     "at_most"),
    ("The session ran three to four hours.", "duration", "three to four hours", "3-4", "hour",
     "exact"),
    ("It ran between 3 and 4 hours.", "duration", "between 3 and 4 hours", "3-4", "hour",
     "exact"),
    ("The talks ran 2-3 days.", "duration", "2-3 days", "2-3", "day", "exact"),
    ("The drill lasted 45 seconds.", "duration", "45 seconds", 45, "second", "exact"),
    ("The feud spans two decades.", "duration", "two decades", 2, "decade", "exact"),
    ("The meeting lasted roughly 2 hrs.", "duration", "roughly 2 hrs", 2, "hour", "about"),
    ("Power was out for some 12 hours.", "duration", "some 12 hours", 12, "hour", "about"),
    ("It stopped after over five minutes.", "duration", "over five minutes", 5, "minute",
     "at_least"),
    ("The test took 10 minutes or so.", "duration", "10 minutes or so", 10, "minute", "about"),
    ("Talks lasted at least two hours.", "duration", "at least two hours", 2, "hour",
     "at_least"),
    ("The march lasted nine days.", "duration", "nine days", 9, "day", "exact"),
    # counts of things
    ("More than thirty European nations joined.", "count", "More than thirty European nations",
     30, "nation", "at_least"),
    ("He claimed to have ended six major wars.", "count", "six major wars", 6, "war", "exact"),
    ("The fleet has 120 ships.", "count", "120 ships", 120, "ship", "exact"),
    ("The firm closed 1,200 stores.", "count", "1,200 stores", 1200, "store", "exact"),
    ("Some 40 countries signed.", "count", "Some 40 countries", 40, "country", "about"),
    ("Nearly 300 flights were cancelled.", "count", "Nearly 300 flights", 300, "flight",
     "about"),
    ("Twenty-five schools closed.", "count", "Twenty-five schools", 25, "school", "exact"),
    ("They built one hundred and twenty homes.", "count", "one hundred and twenty homes", 120,
     "home", "exact"),
    ("The army lost 2 million rounds.", "count", "2 million rounds", 2_000_000, "round",
     "exact"),
    ("A dozen villages were hit.", "count", "A dozen villages", 12, "village", "exact"),
    ("Fewer than 50 votes separated them.", "count", "Fewer than 50 votes", 50, "vote",
     "at_most"),
    ("The law covers 3 to 5 regions.", "count", "3 to 5 regions", "3-5", "region", "exact"),
    ("At least 15 buildings collapsed.", "count", "At least 15 buildings", 15, "building",
     "at_least"),
    ("He owns about 70 horses.", "count", "about 70 horses", 70, "horse", "about"),
    ("Upwards of 200 trucks waited.", "count", "Upwards of 200 trucks", 200, "truck", "at_least"),
    # counts of people, with what happened to them
    ("A 12-year-old and three others were injured.", "count", "A 12-year-old and three others",
     4, "injured", "exact"),
    ("A man was shot and killed on the bridge.", "count", "A man", 1, "killed", "exact"),
    ("Three people were killed in the crash.", "count", "Three people", 3, "killed", "exact"),
    ("The blast killed at least 12 people.", "count", "at least 12 people", 12, "killed",
     "at_least"),
    ("Two women and a child were rescued.", "count", "Two women and a child", 3, "rescued",
     "exact"),
    ("Police arrested 15 protesters.", "count", "15 protesters", 15, "arrested", "exact"),
    ("The quake left 300 dead.", "count", "300 dead", 300, "killed", "exact"),
    ("About 1,000 were injured and 12 wounded.", "count", "12 wounded", 12, "injured", "exact"),
    ("Up to 500 troops were deployed.", "count", "Up to 500 troops", 500, "troop", "at_most"),
    ("Some 1,200 migrants arrived.", "count", "Some 1,200 migrants", 1200, "migrant", "about"),
    ("Fewer than 20 people attended.", "count", "Fewer than 20 people", 20, "people", "at_most"),
    ("Four children died in the fire.", "count", "Four children", 4, "killed", "exact"),
    ("Two soldiers were wounded.", "count", "Two soldiers", 2, "injured", "exact"),
    ("Six civilians are missing.", "count", "Six civilians", 6, "missing", "exact"),
    ("Dozens fled as 40 residents were evacuated.", "count", "40 residents", 40, "evacuated",
     "exact"),
    ("The gunman killed five people.", "count", "five people", 5, "killed", "exact"),
    ("Nearly 2,000 refugees crossed.", "count", "Nearly 2,000 refugees", 2000, "refugee",
     "about"),
    ("A woman and two men were detained.", "count", "A woman and two men", 3, "arrested",
     "exact"),
    ("Eleven passengers were hurt.", "count", "Eleven passengers", 11, "injured", "exact"),
    ("More than 100 people were killed.", "count", "More than 100 people", 100, "killed",
     "at_least"),
    # money
    ("The company paid $5 million.", "money", "$5 million", 5_000_000, "USD", "exact"),
    ("It costs €3.2bn to build.", "money", "€3.2bn", 3_200_000_000, "EUR", "exact"),
    ("They raised 200 dollars.", "money", "200 dollars", 200, "USD", "exact"),
    ("Oil hit US$40 a barrel.", "money", "US$40", 40, "USD", "exact"),
    ("The fine was £250,000.", "money", "£250,000", 250_000, "GBP", "exact"),
    ("Aid of nearly $1 billion was pledged.", "money", "nearly $1 billion", 1_000_000_000,
     "USD", "about"),
    ("A deal worth 5bn euros was signed.", "money", "5bn euros", 5_000_000_000, "EUR", "exact"),
    ("It raised more than $2m.", "money", "more than $2m", 2_000_000, "USD", "at_least"),
    ("The bill is up to 300 million rubles.", "money", "up to 300 million rubles", 300_000_000,
     "RUB", "at_most"),
    ("The ticket cost 40 EUR.", "money", "40 EUR", 40, "EUR", "exact"),
    ("Loans of $2-3 billion are planned.", "money", "$2-3 billion", "2000000000-3000000000",
     "USD", "exact"),
    ("The prize is ¥10,000.", "money", "¥10,000", 10_000, "JPY", "exact"),
    # shares and fractions
    ("Inflation rose 3.5% in July.", "percent", "3.5%", 3.5, "percent", "exact"),
    ("Unemployment is 7 per cent.", "percent", "7 per cent", 7, "percent", "exact"),
    ("Support fell 4 percentage points.", "percent", "4 percentage points", 4,
     "percentage point", "exact"),
    ("Turnout was about 60 percent.", "percent", "about 60 percent", 60, "percent", "about"),
    ("Prices jumped almost 20%.", "percent", "almost 20%", 20, "percent", "about"),
    ("Costs rose more than 10 per cent.", "percent", "more than 10 per cent", 10, "percent",
     "at_least"),
    ("Russia holds nearly a fifth of the land.", "quantity", "nearly a fifth", 0.2, "fraction",
     "about"),
    ("Half of the votes were counted.", "quantity", "Half", 0.5, "fraction", "exact"),
    ("Two-thirds of voters agreed.", "quantity", "Two-thirds", 0.666667, "fraction", "exact"),
    ("A quarter of the staff left.", "quantity", "A quarter", 0.25, "fraction", "exact"),
    ("Roughly a third of homes lost power.", "quantity", "Roughly a third", 0.333333,
     "fraction", "about"),
    ("Three quarters of the budget went.", "quantity", "Three quarters", 0.75, "fraction",
     "exact"),
    # measures
    ("The convoy drove 120 km.", "quantity", "120 km", 120, "km", "exact"),
    ("The wall is 30 feet high.", "quantity", "30 feet", 30, "ft", "exact"),
    ("They seized 2 tonnes of cocaine.", "quantity", "2 tonnes", 2, "tonne", "exact"),
    ("Output is 9 million barrels a day.", "quantity", "9 million barrels", 9_000_000, "barrel",
     "exact"),
    ("The fire burned 500 acres.", "quantity", "500 acres", 500, "acre", "exact"),
    # dates and times (anchor: Saturday 2025-08-16)
    ("They met on August 15, 2025 in the north.", "date", "August 15, 2025", "2025-08-15",
     "day", "exact"),
    ("The pact was signed on 15 August 2025.", "date", "15 August 2025", "2025-08-15", "day",
     "exact"),
    ("It was signed on Aug. 15.", "date", "Aug. 15", "2025-08-15", "day", "exact"),
    ("The file is dated 2025-08-15.", "date", "2025-08-15", "2025-08-15", "day", "exact"),
    ("The summit took place on Friday.", "date", "Friday", "2025-08-15", "day", "exact"),
    ("He will meet her on Monday.", "date", "Monday", "2025-08-18", "day", "exact"),
    ("They spoke last Monday.", "date", "last Monday", "2025-08-11", "day", "exact"),
    ("Talks resume next Tuesday.", "date", "next Tuesday", "2025-08-19", "day", "exact"),
    ("The decision came yesterday.", "date", "yesterday", "2025-08-15", "day", "exact"),
    ("Results are due tomorrow.", "date", "tomorrow", "2025-08-17", "day", "exact"),
    ("Prices fell last week.", "date", "last week", "2025-W32", "week", "exact"),
    ("Sales rose last month.", "date", "last month", "2025-07", "month", "exact"),
    ("The law changed last year.", "date", "last year", "2024", "year", "exact"),
    ("The war began in February 2022.", "date", "February 2022", "2022-02", "month", "exact"),
    ("The alliance has held since 2014.", "date", "2014", "2014", "year", "exact"),
    ("The land was sold in 1867.", "date", "1867", "1867", "year", "exact"),
    ("The riots began three days ago.", "date", "three days ago", "2025-08-13", "day", "exact"),
    ("The plant opened two years ago.", "date", "two years ago", "2023", "year", "exact"),
    ("The polls closed at 8 p.m. sharp.", "time", "8 p.m.", "20:00", None, "exact"),
    ("The blast hit at 10:30 am.", "time", "10:30 am", "10:30", None, "exact"),
    ("The talks began at noon.", "time", "noon", "12:00", None, "exact"),
    ("The curfew starts at 21:00 daily.", "time", "21:00", "21:00", None, "exact"),
    ("Flights left at 6am.", "time", "6am", "06:00", None, "exact"),
]


@pytest.mark.parametrize(("sentence", "kind", "text", "value", "unit", "approx"), CASES)
def test_extract_values_table(
    sentence: str, kind: str, text: str, value: object, unit: object, approx: str
) -> None:
    found = [v for v in find_values(sentence, ANCHOR) if v.text == text]
    assert found, f"no value {text!r} in {[v.text for v in find_values(sentence, ANCHOR)]}"
    v = found[0]
    assert sentence[v.start : v.end] == v.text
    assert (v.kind, v.value, v.unit, v.approx) == (kind, value, unit, approx)


def test_extract_values_table_is_large_enough() -> None:
    assert len(CASES) >= 100


@pytest.mark.parametrize(
    "sentence",
    [
        "Article 5 of the treaty applies.",
        "One of the leaders spoke.",
        "The 33-year-old actress declined.",
        "Voters may decide later.",
        "The rally drew tens of thousands.",
        "She finished a third round of talks.",
        "Good Friday services went ahead.",
        "The report came from 24brussels editors.",
    ],
)
def test_extract_values_ignores_non_values(sentence: str) -> None:
    # An age is an age (tested below), never a count or a duration.
    found = [v for v in find_values(sentence, ANCHOR) if v.kind != "date" and v.unit != AGE_UNIT]
    assert found == []
    assert all(v.kind != "date" or "Friday" not in v.text for v in find_values(sentence, ANCHOR))


@pytest.mark.parametrize(
    ("sentence", "ages"),
    [
        ("The 33-year-old actress declined.", [33]),
        ("Tomas Varga, 41, was arrested at the border.", [41]),
        ("Ilse Brandt, 62, who runs the bakery, said nothing.", [62]),
        ("In March, 3 of the victims were named.", []),
        ("A 16-year-old was hurt and a 19-year-old man was killed.", [16, 19]),
    ],
)
def test_extract_values_ages_are_ages(sentence: str, ages: list[int]) -> None:
    found = [v for v in find_values(sentence, ANCHOR) if v.unit == AGE_UNIT]
    assert [v.value for v in found] == ages
    assert all(v.kind == "quantity" and sentence[v.start : v.end] == v.text for v in found)
    assert not any(v.kind == "duration" for v in find_values(sentence, ANCHOR))


@pytest.mark.parametrize(
    ("sentence", "unit", "value"),
    [
        ("Police detained a person of interest on Sunday.", "arrested", None),
        ("Detectives have not yet arrested a suspect.", "arrested", None),
        ("A woman was shot and killed and two others were wounded.", "killed", 1),
        ("A woman was shot and killed and two others were wounded.", "injured", 2),
        ("A 15-year-old died and two other people were hurt.", "injured", 2),
        ("Two teenagers were also struck and remain in hospital.", "injured", 2),
        ("Four people, including two children, were hurt in the blast.", "injured", 4),
        ("At least three people, a man and two women, were killed in the blast.", "killed", 3),
        ("Two women, a man and a child were killed in the blast.", "killed", 4),
        ("The navy seized seven AK-47 rifles from the boat.", "rifle", None),
        ("The guard is averaging 15.5 points per game this season.", "point", None),
    ],
)
def test_extract_values_casualty_counts(sentence: str, unit: str, value: int | None) -> None:
    found = find_values(sentence, ANCHOR)
    counts = [v.value for v in found if v.kind == "count" and v.unit == unit]
    assert counts == ([] if value is None else [value])


@pytest.mark.parametrize(
    "sentence", ["It happened on Friday.", "Talks end next week.", "He left yesterday."]
)
def test_extract_values_relative_dates_stay_null_without_anchor(sentence: str) -> None:
    (v,) = find_values(sentence, None)
    assert v.kind == "date" and v.value is None


def test_extract_values_explicit_date_needs_no_anchor() -> None:
    (v,) = find_values("It was signed on 15 August 2025.", None)
    assert v.value == "2025-08-15"


def test_extract_values_ranges_keep_both_bounds() -> None:
    (v,) = find_values("The session ran three to four hours.", ANCHOR)
    assert (v.lo, v.hi) == (3, 4)


def test_extract_values_slashed_names_are_no_counts() -> None:
    found = find_values("The 9/11 attacks killed nearly 3,000 people.")
    assert [(v.text, v.value, v.unit) for v in found] == [("nearly 3,000 people", 3000, "killed")]
    assert [v.text for v in find_values("On 3/4/2025 two men were arrested.")] == ["two men"]
    assert find_values("The hotline runs 24/7.") == []


def test_extract_values_not_yet_arrested_counts_nobody() -> None:
    assert find_values("Police had not yet arrested a suspect.") == []
    assert [v.value for v in find_values("Police arrested two men.")] == [2]


def test_extract_values_month_day_without_year_is_not_after_publication() -> None:
    april = dt.date(2025, 4, 10)
    past = find_values("The shooting happened on June 29.", april)
    future = find_values("The council will meet on June 29.", april)
    assert [v.value for v in past] == ["2024-06-29"]
    assert [v.value for v in future] == ["2025-06-29"]


def test_values_percentage_at_sentence_end_does_not_crash() -> None:
    # "percentage" right after "percent" at the end of a sentence ran past the last word
    # (IndexError), and the document's whole extraction was lost.
    from newsprism.extract.values import find_values

    for sentence in ("Support rose 5 percent percentage", "Support rose 5 % percentage"):
        assert [(v.text, v.unit) for v in find_values(sentence)] == [
            (sentence.split("rose ")[1].rsplit(" ", 1)[0], "percent")
        ]
    (v,) = find_values("Support rose 5 percent percentage points")
    assert v.unit == "percentage point" and v.text == "5 percent percentage points"
