"""Quotes: direct, split, multi-paragraph, indirect, mixed and 'according to' (with the model)."""

from __future__ import annotations

import pytest

from tacitus.nlp.quotes import quoted_segments

pytestmark = pytest.mark.slow


def test_segments_of_straight_curly_and_continued_quotes():
    text = 'A said "one two." B said \u201cthree\u201d.\n\n"four five\n\n"six," C said.'
    parts = [(text[s.start : s.end], s.continues) for s in quoted_segments(text)]
    assert parts == [("one two.", False), ("three", False), ("four five", False), ("six,", True)]


def test_unbalanced_quote_closes_at_paragraph_end():
    text = 'He said "we will win\n\nThe next paragraph.'
    [segment] = quoted_segments(text)
    assert text[segment.start : segment.end] == "we will win"


def test_speaker_after_the_quote(code):
    [quote] = code(
        '"We will not accept pressure from outside," the Chinese foreign ministry spokesman said.'
    ).quotes
    assert (quote.kind, quote.speaker.code, quote.cue.text) == ("direct", "CHNGOV", "said")
    assert quote.content == "We will not accept pressure from outside"


def test_speaker_before_the_quote(code):
    [quote] = code(
        'Polish Prime Minister Donald Tusk said: "Belarus is using migrants as a weapon."'
    ).quotes
    assert quote.speaker.country == "POL" and quote.kind == "direct"


def test_quote_split_around_its_cue_is_one_quote(code):
    doc = code(
        "Irish Prime Minister Leo Varadkar spoke in Dublin. \u201cThe ceasefire must hold,"
        "\u201d he said, \u201cand aid must reach Gaza.\u201d"
    )
    [quote] = doc.quotes
    assert quote.content == "The ceasefire must hold and aid must reach Gaza."
    assert quote.speaker.country == "IRL" and quote.speaker_text == "he"


def test_quote_continued_into_the_next_paragraph(code):
    text = (
        "Egypt's foreign minister arrived in Doha on Monday.\n\n"
        '"We are working day and night to reach a deal. The gaps are narrowing.\n\n'
        '"Both sides must show flexibility," he told reporters.'
    )
    [quote] = code(text).quotes
    assert quote.content.startswith("We are working") and quote.content.endswith("flexibility")
    assert quote.speaker.code == "EGYGOV"


def test_quote_without_a_speaker_in_the_text_has_none(code):
    doc = code('"The ceasefire must hold," she said. Nobody else was named.')
    [quote] = doc.quotes
    assert quote.speaker is None and quote.speaker_text == "she"
    assert not [e for e in doc.events if e.source is None]


def test_indirect_quote_and_mixed_quote(code):
    doc = code(
        "Human Rights Watch said Israeli forces had fired on civilians. Pyongyang's state "
        'news agency said the drills were a warning to "warmongers" in Seoul.'
    )
    indirect, mixed = doc.quotes
    assert (indirect.kind, indirect.speaker.name, indirect.speaker.sector) == (
        "indirect",
        "Human Rights Watch",
        "NGO",
    )
    assert indirect.content == "Israeli forces had fired on civilians"
    assert mixed.kind == "mixed" and mixed.speaker.code == "PRKGOVMED"


def test_according_to(code):
    [quote] = code("According to Ukraine's air force, Russia launched 40 drones overnight.").quotes
    assert quote.speaker.code == "UKRMIL" and quote.cue.text == "According to"
    assert quote.content == "Russia launched 40 drones overnight"


def test_quote_links_its_events(code):
    doc = code("Tusk said Belarus is pushing migrants across the border.")
    [quote] = doc.quotes
    by_id = {e.id: e for e in doc.events}
    linked = [by_id[i] for i in quote.events]
    speech = [e for e in linked if e.quote is None]
    claims = [e for e in linked if e.quote == quote.id]
    assert quote.speech_acts == tuple(e.id for e in speech)
    # the running example of the project: an asserted accusation, and a claim, not a fact
    assert [(e.source.country, e.cameo, e.target.country, e.asserted) for e in speech] == [
        ("POL", "112", "BLR", True)
    ]
    assert [(e.source.country, e.modality, e.attributed_to.country) for e in claims] == [
        ("BLR", "reported", "POL")
    ]


def test_turkish_spokesman_condemns_sweden(code):
    doc = code(
        "Turkish Foreign Ministry spokesman Oncu Keceli condemned Sweden for allowing the protest."
    )
    [event] = [e for e in doc.events if e.trigger.text == "condemned"]
    assert (event.source.code, event.cameo, event.target.country, event.asserted) == (
        "TURGOV",
        "111",
        "SWE",
        True,
    )
    assert (event.plover, event.modality) == ("ACCUSE", "asserted")


def test_fragment_in_indirect_speech_is_one_mixed_quote_not_a_direct_one(code):
    # Regression mixed-as-direct: the quoted fragment became a direct quote and took the cue.
    [quote] = code(
        'The Kremlin said the treaty reflected "the free will of the people" of Crimea.'
    ).quotes
    assert quote.kind == "mixed" and quote.speaker.code == "RUSGOV"
    assert quote.content == 'the treaty reflected "the free will of the people" of Crimea'


def test_fragment_that_ends_the_clause_keeps_its_closing_mark(code):
    [quote] = code("Kim said the two sides had taken \u201ca first, difficult step\u201d.").quotes
    assert quote.content == "the two sides had taken \u201ca first, difficult step\u201d"


def test_called_y_z_is_a_mixed_quote(code):
    [quote] = code('Zelensky called the attack "a crime against the whole world".').quotes
    assert (quote.kind, quote.cue.text) == ("mixed", "called")
    assert quote.content == 'the attack "a crime against the whole world"'
    # a directive is not a characterisation
    assert code("Maduro ordered U.S. diplomats to leave within 72 hours.").quotes == ()


def test_banner_text_is_a_direct_quote_without_speaker(code):
    [quote] = code(
        'Protesters held a banner that read "Crimea is Ukraine, now and forever".'
    ).quotes
    assert quote.kind == "direct" and quote.speaker is None


def test_cue_inside_reported_speech_is_not_a_second_quote(code):
    [quote] = code("Stoltenberg said he expected Turkey to act with restraint.").quotes
    assert quote.content == "he expected Turkey to act with restraint"


def test_speaker_goes_on_in_the_next_sentence_without_a_cue(code):
    doc = code(
        '"The countries affected cannot manage this alone," Chan told reporters in Geneva. '
        '"They need help, and they need it now."'
    )
    [quote] = doc.quotes
    assert quote.content.endswith("They need help, and they need it now.")
    # with a cue of its own, the next sentence is a quote of its own
    doc = code('"We accept the result," Cameron said. "I will step down," he said.')
    assert len(doc.quotes) == 2


def test_unknown_citizen_named_in_apposition_is_placed_where_the_story_is(code):
    doc = code(
        "Russian missiles hit Kyiv overnight.\n\n"
        '"I woke up to explosions," said Olena, 35, who was sheltering in a Kyiv metro station. '
        '"We heard voices under the rubble," said Mehmet, a teacher in Antakya.'
    )
    speakers = [(q.speaker.text, q.speaker.country) for q in doc.quotes]
    assert speakers == [("Olena", "UKR"), ("Mehmet", "TUR")]


def test_a_text_speaks_for_its_author(code):
    [quote] = code(
        "An editorial in the People's Daily said the tribunal had no right to judge China."
    ).quotes
    assert quote.speaker.code == "CHNGOV" and quote.speaker.text == "the People's Daily"


def test_reported_speech_introduced_by_a_noun(code):
    [quote] = code(
        "Moscow rejected the claim by Kyiv that its forces had shelled the plant."
    ).quotes
    assert (quote.kind, quote.cue.text, quote.speaker.country) == ("indirect", "claim", "UKR")
    assert quote.content == "its forces had shelled the plant"
    [quote] = code("Beijing dismissed Washington's accusation that it was arming Russia.").quotes
    assert quote.speaker.country == "USA" and quote.content == "it was arming Russia"
    # "the fact that ..." reports nobody's words
    assert code("The fact that the talks failed surprised no one.").quotes == ()


def test_a_bare_surname_of_a_known_person_is_that_person(code):
    [quote] = code("Merkel told reporters that Europe would stand together.", "2015-01-10").quotes
    assert quote.speaker.kb_id == "person/angela-merkel"


def test_offsets_of_a_one_part_quote_are_exactly_its_content(code):
    text = '"We will not leave," Lau said. Officials said the talks would go on.'
    doc = code(text)
    assert [text[q.start : q.end] for q in doc.quotes] == [q.content for q in doc.quotes]
    assert doc.quotes[0].content == "We will not leave"
