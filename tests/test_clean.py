"""Cleaning and metadata inference on the seeds and on crafted scraper output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcompare.clean import clean_text, parse_dateline
from claimcompare.document import Corpus

S000, S001, S002, S003, S004 = (
    "000_348943f42b5aa69a",
    "001_61a362be6e1436b7",
    "002_03d7a90d1c96a686",
    "003_d3d53ad44076e59b",
    "004_cce714069143a072",
)


# --- seeds: metadata -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc_id", "title"),
    [
        (S000, "Militia loyal to renegade general in Libya seize coastal city"),
        (
            S001,
            "Haftar’s Libya forces take Gaddafi hometown, as Turkey rushes in troops to support "
            "Tripoli government",
        ),
        (S002, "Libya's rebel commander urges forces to rally against Turkey"),
        (S003, "Haftar rejects Turkey-Russia's call for Libyan ceasefire"),
        (S004, None),
    ],
)
def test_seed_titles(seeds: Corpus, doc_id: str, title: str | None) -> None:
    assert seeds[doc_id].title == title


@pytest.mark.parametrize(
    ("doc_id", "outlet", "where"),
    [
        (S000, "Iran Press TV", "masthead"),
        (S002, "Iran Press TV", "masthead"),
        (S003, "Iran Press TV", "masthead"),
        (S004, "Ansar Press", "domain of the link"),
        (S001, None, None),
    ],
)
def test_seed_outlets_and_where_they_came_from(
    seeds: Corpus, doc_id: str, outlet: str | None, where: str | None
) -> None:
    doc = seeds[doc_id]
    assert doc.outlet == outlet
    if where is None:
        assert "outlet" not in doc.provenance
    else:
        assert where in doc.provenance["outlet"]


@pytest.mark.parametrize(
    ("doc_id", "date", "line"),
    [
        (S000, dt.date(2020, 1, 7), "Tuesday, 07 January 2020 7:10 AM"),
        (S002, dt.date(2020, 5, 24), "Sunday, 24 May 2020 7:18 AM"),
        (S003, dt.date(2020, 1, 10), "Friday, 10 January 2020 11:32 AM"),
        (S001, None, None),
        (S004, None, None),
    ],
)
def test_seed_dates(seeds: Corpus, doc_id: str, date: dt.date | None, line: str | None) -> None:
    doc = seeds[doc_id]
    assert doc.published == date
    if line is not None:
        assert line in doc.provenance["published"]


def test_seed_url_of_004(seeds: Corpus) -> None:
    doc = seeds[S004]
    assert doc.url == "https://www.ansarpress.com/english/10608"
    assert "link line" in doc.provenance["url"]
    assert all(seeds[d].url is None for d in (S000, S001, S002, S003))


def test_seed_titles_record_the_headline_line(seeds: Corpus) -> None:
    assert seeds[S000].provenance["title"].endswith("headline, line 7")
    assert seeds[S001].provenance["title"].endswith("headline, line 1")
    assert "title" not in seeds[S004].provenance


# --- seeds: boilerplate out, every article line in ----------------------------------------------

BOILERPLATE = [
    "Join the mailing list",
    "JOIN NOW",
    "Laisser un commentaire",
    "Votre adresse",
    "LINK:",
    "TAGS:",
    "podcast",
    "Weapons of Mass Destruction",
    "UNITED24",
    "Find a Security Clearance Job",
    "Sunday, 24 May 2020 7:18 AM",
]


@pytest.mark.parametrize("fragment", BOILERPLATE)
def test_named_boilerplate_is_removed_from_the_text(seeds: Corpus, fragment: str) -> None:
    holders = [d for d in seeds if any(fragment in r.text for r in d.removed)]
    assert holders, f"no seed records {fragment!r} as removed"
    for doc in seeds:
        assert fragment not in doc.text, f"{fragment!r} survives in {doc.doc_id}"


def test_every_removed_line_is_absent_from_the_text(seeds: Corpus) -> None:
    for doc in seeds:
        kept_lines = set(doc.text.split("\n"))
        for removed in doc.removed:
            assert removed.text not in kept_lines
            assert removed.reason


def _raw_lines(path: Path) -> list[tuple[int, str]]:
    raw = path.read_text(encoding="utf-8")
    return [(n, ln.strip()) for n, ln in enumerate(raw.splitlines(), start=1) if ln.strip()]


@pytest.mark.parametrize("doc_id", [S000, S001, S002, S003, S004])
def test_every_line_is_either_kept_verbatim_or_recorded_as_removed(
    seeds: Corpus, seeds_dir: Path, doc_id: str
) -> None:
    doc = seeds[doc_id]
    removed = {r.line: r.text for r in doc.removed}
    kept = doc.text.split("\n")
    for n, line in _raw_lines(seeds_dir / f"{doc_id}.txt"):
        if n in removed:
            assert removed[n] == line
        else:
            assert line in kept, f"line {n} of {doc_id} lost: {line[:60]!r}"


def test_removed_lines_are_only_chrome(seeds: Corpus) -> None:
    reasons = {r.reason for d in seeds for r in d.removed}
    assert reasons <= {
        "advert",
        "donation",
        "navigation",
        "masthead",
        "dateline",
        "mailing list",
        "comment form",
        "promo",
        "link",
        "tags",
    }
    # 5 seeds: 6 + 2 + 7 + 6 + 2 lines of chrome, counted by eye in the raw files.
    assert [len(d.removed) for d in seeds] == [6, 2, 7, 6, 2]


# --- crafted scraper output -----------------------------------------------------------------


def test_clean_text_headline_masthead_dateline_and_trailer() -> None:
    raw = (
        "Find a Security Clearance Job!\n\nExample News\n\nSirte falls to Haftar\n\n"
        "Example News\n\nTuesday, 07 January 2020 7:10 AM\n\n"
        "Forces loyal to Khalifa Haftar have seized the city of Sirte.\n\n"
        "Reinforcements arrived\n\n"
        "Turkey said it would send troops.\n\nJoin the mailing list\n\nShare this article"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "Sirte falls to Haftar\n\nForces loyal to Khalifa Haftar have seized the city of Sirte."
        "\n\nReinforcements arrived\n\nTurkey said it would send troops."
    )
    assert (cleaned.title, cleaned.outlet, cleaned.published) == (
        "Sirte falls to Haftar",
        "Example News",
        dt.date(2020, 1, 7),
    )
    assert [(r.line, r.reason) for r in cleaned.removed] == [
        (1, "advert"),
        (3, "masthead"),
        (7, "masthead"),
        (9, "dateline"),
        (17, "mailing list"),
        (19, "share"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Share prices fell sharply in Tripoli on Monday.",
        "Only security-cleared staff were allowed into the building.",
        "He urged supporters to make a donation to the fund.",
        "Email records show the minister knew about the shipment.",
        "Print media were banned in the east of the country.",
        "Follow us to Sirte, the commander told his men.",
        "Source: the UN said 1,000 people had died.",
        "Related talks will be held in Berlin next week.",
        "The podcast host said the war would end soon.",
    ],
)
def test_article_sentences_that_look_like_chrome_are_kept(sentence: str) -> None:
    raw = (
        "Haftar seizes Sirte\n\nForces loyal to Khalifa Haftar seized the city of Sirte.\n\n"
        f"{sentence}\n\nThe government did not confirm the fall of the city."
    )
    cleaned = clean_text(raw)
    assert sentence in cleaned.text.split("\n\n")
    assert cleaned.removed == ()


@pytest.mark.parametrize(
    "line",
    [
        "Laisser un commentaire",
        "Leave a Reply",
        "Deja una respuesta",
        "Schreibe einen Kommentar",
        "Your email address will not be published. Required fields are marked *",
        "Tu dirección de correo electrónico no será publicada.",
        "LINK: https://www.example.com/x",
        "TAGS: Libya, Haftar",
        "Donate now",
        "© 2020 Example Media. All rights reserved.",
        "Subscribe to our newsletter",
    ],
)
def test_trailing_chrome_in_several_languages_is_removed(line: str) -> None:
    raw = f"Haftar seizes Sirte\n\nForces loyal to Khalifa Haftar seized the city.\n\n{line}"
    cleaned = clean_text(raw)
    assert line not in cleaned.text
    assert [r.text for r in cleaned.removed] == [line]


def test_outlet_from_link_domain_and_url() -> None:
    raw = "Forces loyal to Khalifa Haftar seized the city.\nLINK: https://www.aljazeera.com/n/1.\n"
    cleaned = clean_text(raw)
    assert cleaned.url == "https://www.aljazeera.com/n/1"
    assert cleaned.outlet == "Al Jazeera"
    assert cleaned.provenance["outlet"].startswith("domain of the link")
    assert cleaned.text == "Forces loyal to Khalifa Haftar seized the city."


def test_crlf_and_no_blank_lines() -> None:
    raw = "Haftar seizes Sirte\r\nForces seized the city of Sirte on Monday.\r\nJOIN NOW\r\n"
    cleaned = clean_text(raw)
    assert cleaned.text == "Haftar seizes Sirte\nForces seized the city of Sirte on Monday."
    assert cleaned.title == "Haftar seizes Sirte"


def test_title_wrapped_in_quotes_is_unwrapped_but_text_kept() -> None:
    raw = "'Militia seize coastal city'\n\nMilitia members have seized the city of Sirte."
    cleaned = clean_text(raw)
    assert cleaned.title == "Militia seize coastal city"
    assert cleaned.text.startswith("'Militia seize coastal city'\n\n")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Tuesday, 07 January 2020 7:10 AM", dt.date(2020, 1, 7)),
        ("Friday, 10 January 2020 11:32 AM", dt.date(2020, 1, 10)),
        ("January 7, 2020", dt.date(2020, 1, 7)),
        ("Published on March 3, 2019", dt.date(2019, 3, 3)),
        ("2020-05-24", dt.date(2020, 5, 24)),
        ("Sept. 2nd, 2019 at 10:15 p.m. EST", dt.date(2019, 9, 2)),
        ("31 February 2020", None),
        ("Haftar seized Sirte on 7 January 2020", None),
        ("", None),
    ],
)
def test_parse_dateline(line: str, date: dt.date | None) -> None:
    assert parse_dateline(line) == date


def test_clean_text_on_text_without_article_keeps_it() -> None:
    cleaned = clean_text("Just a few words")
    assert cleaned.text == "Just a few words"
    assert cleaned.title is None and cleaned.removed == ()


# --- outlet from a byline or a wire dateline ---------------------------------------------------


def test_outlet_from_byline_is_recorded_and_the_byline_removed() -> None:
    raw = (
        "Haftar seizes Sirte\n\nBy Jane Doe | Al Jazeera\n\n"
        "Forces loyal to Haftar seized the city of Sirte on Monday, officials said."
    )
    cleaned = clean_text(raw)
    assert cleaned.outlet == "Al Jazeera"
    assert cleaned.provenance["outlet"].startswith("byline, line 3")
    assert [r.reason for r in cleaned.removed] == ["byline"]
    assert "Jane Doe" not in cleaned.text


def test_outlet_from_wire_dateline_keeps_the_sentence() -> None:
    raw = (
        "Haftar seizes Sirte\n\n"
        "TRIPOLI (Reuters) - Forces loyal to Haftar seized the city of Sirte on Monday."
    )
    cleaned = clean_text(raw)
    assert cleaned.outlet == "Reuters"
    assert "wire dateline" in cleaned.provenance["outlet"]
    assert "TRIPOLI (Reuters) - Forces loyal" in cleaned.text


def test_byline_without_an_outlet_sets_none() -> None:
    cleaned = clean_text(
        "By Jane Doe\n\nForces loyal to Haftar seized the city of Sirte on Monday, officials said."
    )
    assert cleaned.outlet is None
    assert "byline" in cleaned.provenance


# Article sentences, some opening with words that site chrome also starts with ("Share prices
# fell.", "Email records show ...") or holding advert words ("security-cleared staff").
RISKY_OPENINGS = [
    "",
    "",
    "Share",
    "Email",
    "Print",
    "Follow us to",
    "Support us,",
    "Donate",
    "Source: the UN said",
    "Related",
    "Only security-cleared",
    "Tweet",
    "Join",
]


ARTICLE_LINE = st.builds(
    lambda opening, words, middle, end: (
        " ".join([opening, *words[:2], middle, *words[2:]]).strip() + end
    ),
    st.sampled_from(RISKY_OPENINGS),
    st.lists(st.from_regex(r"[A-Z]?[a-z]{2,9}", fullmatch=True), min_size=4, max_size=18),
    st.sampled_from(["", "", "to make a donation", "join now", "podcast", "mailing list"]),
    st.sampled_from([".", ".", "?", "!", ".”", '."', "…"]),
)


CHROME = st.sampled_from(
    [
        "Join the mailing list",
        "JOIN NOW",
        "LINK: https://www.example.com/a/1",
        "TAGS:",
        "Laisser un commentaire",
        "Share this article",
        "Iran Press TV",
        "Tuesday, 07 January 2020 7:10 AM",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), ARTICLE_LINE, CHROME), min_size=1, max_size=12),
    st.sampled_from(["\n\n", "\n", "\r\n\r\n"]),
)
def test_clean_text_keeps_every_article_line(
    items: list[tuple[bool, str, str]], separator: str
) -> None:
    lines = []
    article = []
    for with_chrome, line, chrome in items:
        if with_chrome:
            lines.append(chrome)
        lines.append(line)
        article.append(line)
    cleaned = clean_text(separator.join(lines))
    kept = cleaned.text.split("\n")
    for line in article:
        assert line in kept, f"article line lost: {line!r}"
    removed = {r.text for r in cleaned.removed}
    assert not removed & set(article)
