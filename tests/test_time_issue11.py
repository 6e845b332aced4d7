"""fp_time, issue 11: undated documents, forward signals, fractions, decade words.

All texts here are illustrative sentences written for this project.
"""

from __future__ import annotations

from tests.test_time_tagger import by_text, tag, time_nlp  # noqa: F401  (fixture)


def test_undated_aside_year_does_not_date_a_far_bare_date(time_nlp):  # noqa: F811
    # no publication date and no full date in the text: a year named in an aside long before
    # does not give the later bare "Aug. 2" its year; a year written just before does
    aside = "Illustrative text. The 1988 ceasefire held for a while. " + "Talks went on and on. " * 25
    doc = tag(time_nlp, aside + "The border was closed on Aug. 2.", published=None)
    assert by_text(doc)["Aug. 2"].value == "XXXX-08-02"
    doc = tag(time_nlp, "Illustrative text. In 1987 prices fell, and on Oct. 12 they recovered.", published=None)
    assert by_text(doc)["Oct. 12"].value == "1987-10-12"


def test_forward_signals_point_weekdays_and_dates_forward(time_nlp):  # noqa: F811
    # 2000-04-03 is a Monday
    doc = tag(time_nlp, "Illustrative text. Officials postponed the decision until Tuesday.", published="2000-04-03")
    assert by_text(doc)["Tuesday"].value == "2000-04-04"
    doc = tag(time_nlp, "Illustrative text. The agency gave them until 9 a.m. Tuesday to sign.", published="2000-04-03")
    assert by_text(doc)["9 a.m. Tuesday"].value == "2000-04-04T09:00"
    doc = tag(time_nlp, "Illustrative text. The stock is to resume trading Tuesday.", published="2000-04-03")
    assert by_text(doc)["Tuesday"].value == "2000-04-04"
    # without a signal a bare weekday in a past-tense report stays in the past
    doc = tag(time_nlp, "Illustrative text. The talks collapsed on Tuesday.", published="2000-04-03")
    assert by_text(doc)["Tuesday"].value == "2000-03-28"
    # "effective June 1" in late October: the coming June, not the one past
    doc = tag(time_nlp, "Illustrative text. The company signed a new pact effective June 1.", published="1989-10-26")
    assert by_text(doc)["June 1"].value == "1990-06-01"


def test_fractional_and_extended_durations(time_nlp):  # noqa: F811
    text = ("Illustrative text. He served 2 1/2 years, the flight took 5 1/2 hours, the speech a minute "
            "and a half; the base stays for at least 20 more years, the shares fell for eight trading days.")
    tx = by_text(tag(time_nlp, text))
    assert tx["2 1/2 years"].value == "P2Y6M"
    assert tx["5 1/2 hours"].value == "PT5H30M"
    assert tx["a minute and a half"].value == "PT1M30S"
    assert tx["at least 20 more years"].value == "P20Y"
    assert tx["eight trading days"].value == "P8D"


def test_decade_words_latest_quarter_year_ranges(time_nlp):  # noqa: F811
    text = ("Illustrative text. Membership fell through the nineties. Profit in the latest quarter rose, "
            "the fourth quarter looks weak. Prices rose from 1991 to 1997.")
    tx = by_text(tag(time_nlp, text, published="1989-11-02"))
    assert tx["the nineties"].value == "199"
    assert tx["the latest quarter"].value == "1989-Q3"  # the last completed quarter
    assert (tx["1991"].value, tx["1997"].value) == ("1991", "1997")  # two points, as TimeML marks them
    tx = by_text(tag(time_nlp, "Illustrative text. At mid-afternoon yesterday the shares were up.", published="1989-11-02"))
    assert tx["mid-afternoon yesterday"].value == "1989-11-01TAF"


def test_anchor_needs_evidence_that_names_the_documents_date(time_nlp):  # noqa: F811
    # a full date with its own (agreeing) weekday: the story's present
    text = ("Illustrative text. Flags flew at half-staff after the attack on Sunday, June 12, 2016. "
            "The first such order came on Sept. 11, 2001. Officials met on Tuesday.")
    doc = tag(time_nlp, text, published=None)
    anchor = doc._.fp_time_anchor
    assert (anchor.value, anchor.reason, anchor.anchor) == ("2016-06-12", "weekday date", "inferred")
    assert by_text(doc)["Tuesday"].value == "2016-06-07"
    # a weekday that does not agree with the date is no evidence; a historical full date neither
    doc = tag(time_nlp, "Illustrative text. The attacks of Monday, Sept. 11, 2001, changed the city. "
                        "Officials met on Tuesday.", published=None)
    assert doc._.fp_time_anchor is None
    assert by_text(doc)["Tuesday"].value == "2001-09-04" or by_text(doc)["Tuesday"].anchor != "inferred"
    # a publication label anywhere in the text
    doc = tag(time_nlp, "Illustrative text. The senator spoke on Friday about the plan of March 3, 2009.\n\n"
                        "Correction: October 2, 2016. An earlier version misstated a figure.", published=None)
    anchor = doc._.fp_time_anchor
    assert (anchor.value, anchor.reason) == ("2016-10-02", "label")
    assert by_text(doc)["Friday"].value == "2016-09-30"
