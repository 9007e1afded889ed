"""Topics: the issues discussed, as short noun phrases."""

from __future__ import annotations

from briefgen.extract.topics import extract_topics


def test_topics_are_short_issue_phrases_from_the_agenda(parse):
    text = (
        "Trade ministers from Korvia and Dalmont met on Monday. The agenda covered grain "
        "export quotas, consular access and the maritime boundary.\n\n"
        "Grain export quotas have been cut twice this year. Consular access for detained "
        "sailors was raised by both sides. The maritime boundary was left for later."
    )
    topics = extract_topics([parse(text)])
    texts = [t.text for t in topics]
    assert "grain export quotas" in texts[:3]
    assert "consular access" in texts[:3]
    assert "maritime boundary" in texts[:4]
    assert all(len(t.split()) <= 4 for t in texts)
    assert not any(t in {"ministers", "agenda", "sides", "year"} for t in texts)
    assert topics[0].score == 1.0
    assert [t.score for t in topics] == sorted((t.score for t in topics), reverse=True)


def test_an_issue_said_not_to_be_discussed_is_not_a_topic(parse):
    text = (
        "Health officials from Korvia and Dalmont met in Oslo on Monday. The agenda covered "
        "vaccine supply contracts and emergency ambulance routes.\n\n"
        "Vaccine supply contracts will be reviewed in May. The fishing licence dispute was "
        "not discussed, officials said, and hospital staffing shortages were not on the agenda."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "vaccine supply contracts" in texts
    assert "emergency ambulance routes" in texts
    assert not any("fishing licence" in t for t in texts)
    assert not any("staffing shortages" in t for t in texts)


def test_words_about_the_talks_themselves_are_not_topics(parse):
    text = (
        "Delegations from Norland and Estavia held closed-door talks in Valmont on Thursday, "
        "in what one official called a \"marathon discussion\". The talks focused on visa "
        "processing and the return of embassy staff.\n\n"
        "A spokesperson praised the constructive approach and said both sides had voiced "
        "fresh concerns. Continued discussions are expected."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "visa processing" in texts
    for empty in ("marathon discussion", "constructive approach", "fresh concerns",
                  "continued discussions", "closed-door talks"):
        assert empty not in texts


def test_when_the_text_names_no_agenda_lone_nouns_and_scare_quotes_are_not_topics(parse):
    text = (
        "The Ministry of Transport said on Monday that it would suspend the planned rail fare "
        "increase pending a review of the network's finances. Union leader Marcus Dale "
        "welcomed what he called a \"sensible pause\" for passengers."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "planned rail fare increase" in texts
    assert not {"sensible pause", "review", "passengers", "finances"} & set(texts)


def test_an_issue_keeps_its_owner_and_what_it_is_about_instead_of_a_single_noun(parse):
    text = (
        "The ministers discussed the DPRK’s deployment of troops to Russia, support to "
        "Ukraine, and changes to the constitution."
    )
    topics = [t.text for t in extract_topics([parse(text)])]
    assert "DPRK’s deployment of troops to Russia" in topics
    assert "support to Ukraine" in topics
    assert "changes to the constitution" in topics
    assert not {"deployment", "troops", "changes", "support"} & set(topics)


def test_where_the_talks_happened_and_who_spoke_for_whom_are_not_topics(parse):
    text = (
        "Prime Minister Rosa Delgado held talks with Chancellor Henrik Moll on the "
        "sidelines of the summit in Valmont. A spokesman for Moll said the two discussed "
        "the supply of gas to the north and the reform of port fees."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert any(t.startswith("supply of gas") for t in texts)
    assert not any("sidelines" in t or "spokesman" in t for t in texts)


def test_a_hyphenated_issue_keeps_its_hyphen_and_the_text_spacing(parse):
    text = (
        "The two ministers met in Valmora on Monday. They discussed cross-border trade, "
        "long-term funding for the port and a negotiated two-state solution.\n\n"
        "Cross-border trade fell last year. Long-term funding for the port is still open."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "cross-border trade" in texts
    assert any(t.endswith("two-state solution") for t in texts)  # the number is kept
    assert any(t.startswith("long-term funding") for t in texts)
    assert not any(" - " in t or "cross border" in t or "long term" in t for t in texts)
