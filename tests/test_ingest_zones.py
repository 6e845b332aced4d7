"""Zones, authors and declared perspectives on illustrative fixtures."""

from __future__ import annotations

from fullpicture.ingest import load_text, read_path
from tests.conftest import EXAMPLES, FIXTURES

ING = FIXTURES / "ingest"


def _kinds(doc):
    return {z.kind for z in doc.zones}


def _zone_text(doc, kind):
    return [doc.text[z.start:z.end].strip() for z in doc.zones if z.kind == kind]


def test_one_page_with_every_zone_kind():
    (doc,) = read_path(ING / "all_zones.txt")
    assert _kinds(doc) == {"heading", "body", "editorial_note", "inline_note", "author_bio", "boilerplate"}
    assert _zone_text(doc, "heading")[0].startswith("Rivers and Borders")
    assert _zone_text(doc, "editorial_note")[0].startswith("Editor's note:")
    assert _zone_text(doc, "inline_note") == [
        "(the authority later reopened the gate – editor's note)",
        "[Editor's note: the dam was financed jointly in 2009]",
    ]
    assert _zone_text(doc, "author_bio")[0].startswith("Jane Doe is a senior analyst")
    foot = _zone_text(doc, "boilerplate")[0]
    assert "Subscribe" in foot and "All rights reserved" in foot
    body = " ".join(_zone_text(doc, "body"))
    assert "sluice gate" in body and "Subscribe" not in body and "Editor's note" not in body


def test_inline_note_splits_body():
    (doc,) = read_path(ING / "all_zones.txt")
    zones = doc.zones
    for i, z in enumerate(zones):
        if z.kind == "inline_note":
            assert zones[i - 1].kind == "body" and zones[i + 1].kind == "body"
    assert list(zones) == sorted(zones, key=lambda z: z.start)


def test_byline_and_bio_give_author_with_affiliation():
    (doc,) = read_path(ING / "all_zones.txt")
    (author,) = doc.info.authors
    assert author.name == "Jane Doe"
    assert author.affiliation == "Valley Policy Institute in Tbilisi"
    assert doc.text[author.evidence.start:author.evidence.end] == "Jane Doe"


def test_declared_perspective_from_text():
    (doc,) = read_path(ING / "declared.txt")
    p = doc.info.perspective
    assert p.label == "serbian" and p.origin == "declared"
    assert "presents the Serbian view" in doc.text[p.evidence.start:p.evidence.end]


def test_examples_declare_their_perspectives():
    arm = read_path(EXAMPLES / "karabakh_2023_armenian.md")[0]
    aze = read_path(EXAMPLES / "karabakh_2023_azerbaijani.html")[0]
    assert arm.info.perspective.label == "armenian"
    assert aze.info.perspective.label == "azerbaijani"
    assert arm.info.authors[0].name == "Anahit Sargsyan"
    assert aze.info.authors[0].affiliation.startswith("Caspian Policy Forum")
    assert "inline_note" in _kinds(aze) and "author_bio" in _kinds(arm)


def test_markdown_heading_and_bio():
    (doc,) = read_path(ING / "article.md")
    assert "author_bio" in _kinds(doc)
    assert doc.info.authors[0].name == "Omar Haddad"
    assert doc.info.authors[0].affiliation == "Delta Notebook"


def test_html_zones():
    (doc,) = read_path(ING / "page.html")
    kinds = _kinds(doc)
    assert {"heading", "editorial_note", "inline_note", "author_bio", "body"} <= kinds
    assert "A decade of quarrels" in _zone_text(doc, "heading")


def test_body_mentioning_cues_stays_body():
    text = (
        "Illustrative text for the fullpicture project.\n\n"
        "The council said it would subscribe to the regional water treaty after a long debate in which "
        "members argued about copyright of the engineering plans, the cost of new sluices, and the "
        "schedule for opening the gate in spring, when the snow melts in the mountains above the valley.\n\n"
        "Officials said the next meeting would be held in April."
    )
    doc = load_text(text, source="<t>")
    long_para = text.split("\n\n")[1]
    start = doc.text.index(long_para)
    assert all(z.kind == "body" for z in doc.zones if z.start <= start < z.end)


def test_single_paragraph_is_body():
    doc = load_text("The council met on Monday and agreed to reopen the gate.", source="<t>")
    assert [z.kind for z in doc.zones] == ["body"]


def test_other_languages_cues():
    text = (
        "Заголовок статьи\n\n"
        "От редакции: это иллюстративный текст, написанный для проекта fullpicture.\n\n"
        "Совет собрался в понедельник и обсудил открытие шлюза на верхней реке (шлюз открыли позже – прим. ред.).\n\n"
        "Все права защищены."
    )
    doc = load_text(text, source="<ru>")
    assert {"editorial_note", "inline_note", "boilerplate"} <= _kinds(doc)


def test_news_sentences_with_footer_words_stay_body():
    for sentence in (
        "Kyiv does not subscribe to that view.",
        "Armenia refused to sign up to the deal.",
        "Officials said the ministry would share on Monday the figures.",
        "Russian forces shelled Kharkiv on Monday",
    ):
        text = f"Illustrative text written for the fullpicture project.\n\n{sentence}\n\nThe talks resumed on Tuesday."
        doc = load_text(text, source="<t>")
        start = doc.text.index(sentence)
        kinds = {z.kind for z in doc.zones if z.start <= start < z.end}
        assert kinds <= {"body", "heading"}, (sentence, kinds)
        assert "boilerplate" not in kinds


def test_byline_variants():
    def names(byline):
        doc = load_text(f"A headline for a test\n\n{byline}\n\nThe body of the illustrative article follows here.", source="<t>")
        return [(a.name, a.affiliation) for a in doc.info.authors]

    assert names("By Mariam Beridze") == [("Mariam Beridze", None)]
    assert names("By Theresa May and John Smith, Valley Review, 3 March 2024") == [
        ("Theresa May", "Valley Review"), ("John Smith", "Valley Review")]
    assert names("By Jane Doe, John Smith and Ann Lee") == [("Jane Doe", None), ("John Smith", None), ("Ann Lee", None)]
    assert names("By Jane Doe | Updated 2 hours ago") == [("Jane Doe", None)]
    assert names("By an illustrative columnist") == []


def test_wire_credit_line_is_boilerplate_not_body():
    doc = load_text(
        "Talks resumed in Brussels on Monday, officials said.\n\n"
        "The two delegations met for three hours.\n\n"
        "Reporting by Jane Roe; editing by John Doe\n",
        source="<test>",
    )
    assert _zone_text(doc, "boilerplate") == ["Reporting by Jane Roe; editing by John Doe"]
    # a body sentence that merely contains the words stays body
    doc2 = load_text("Reporting by local journalists was banned in the city for six weeks after the "
                     "vote, the monitors said in a long statement. It was later lifted.\n", source="<t>")
    assert "boilerplate" not in _kinds(doc2)


def test_blog_comment_form_and_see_also_lines_are_boilerplate():
    """Real pages end with a comment form and carry 'see also' links inside the text; their
    verbs ('leave', 'send') must not become events of the story."""
    doc = load_text(
        "Illustrative headline written for the fullpicture project\n\n"
        "A convoy crossed the bridge near the town on Monday, the regional office said.\n\n"
        "See also: Ten trucks of aid sent to the northern province\n\n"
        "The office said the crossing would stay open for a week.\n\n"
        "Leave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n",
        source="<test>",
    )
    boiler, body = "\n".join(_zone_text(doc, "boilerplate")), "\n".join(_zone_text(doc, "body"))
    for line in ("See also: Ten trucks of aid sent to the northern province", "Leave a Reply",
                 "Your email address will not be published. Required fields are marked *"):
        assert line in boiler and line not in body
    assert "crossing would stay open" in body
    # a news sentence that asks readers to see something stays body
    doc2 = load_text("Observers will see also whether the crossing stays open, the office said in "
                     "a statement on Monday after the talks.\n", source="<t>")
    assert "boilerplate" not in _kinds(doc2)


def test_long_first_line_headline_is_the_title():
    """Wire and news-site headlines often run past fourteen words; the first line of a plain
    text, alone in its paragraph and without final punctuation, is still its title."""
    head = ("Illustrative headline: regional office says a convoy of twenty trucks crossed the "
            "northern bridge on Monday after talks")
    doc = load_text(head + "\n\nA convoy crossed the bridge near the town on Monday, the regional "
                    "office said in a statement. The crossing will stay open.\n", source="<test>")
    assert doc.info.title == head and _zone_text(doc, "heading") == [head]
    # a long first paragraph that ends as a sentence is body, not a title
    doc2 = load_text(head + ".\n\nThe crossing will stay open for a week, the office said.\n", source="<t>")
    assert doc2.info.title is None
