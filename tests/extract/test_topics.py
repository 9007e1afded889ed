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


def test_each_item_of_an_agenda_list_is_its_own_topic_with_its_own_words(parse):
    text = (
        "The two mayors met in Orlen on Tuesday and discussed the budget. They also reviewed "
        "bus timetables, school catchment rules and the repair of the old harbour wall."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "budget" in texts
    assert "bus timetables" in texts
    assert "school catchment rules" in texts
    assert "repair of the old harbour wall" in texts
    assert "repair" not in texts
    assert "mayors" not in texts  # who discussed, not what


def test_a_phrase_after_the_whole_list_goes_to_the_last_item_and_leaves_no_fragment(parse):
    text = (
        "The envoys discussed security, tourism and trade along the Vetra river. "
        "Nothing was signed."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "trade along the Vetra river" in texts
    assert "security" in texts
    assert "tourism" in texts
    assert "river" not in texts
    assert not any(t.startswith("security along") for t in texts)


def test_a_noun_the_text_completes_never_stands_alone(parse):
    text = (
        "The council discussed road tolls. Governor Ilsa Marek urged support for the "
        "stranded fishermen. She said support had been slow."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "support for the stranded fishermen" in texts
    assert "support" not in texts
    assert "stranded fishermen" not in texts  # part of the issue above, not another
    assert "council" not in texts


def test_concerns_and_the_importance_of_something_give_the_something(parse):
    text = (
        "The minister raised concerns about the closure of the ferry line and underscored "
        "the importance of safe winter roads."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "closure of the ferry line" in texts
    assert "safe winter roads" in texts
    assert not {"concerns", "importance", "ferry line"} & set(texts)


def test_places_and_bodies_named_as_agenda_items_are_topics(parse):
    text = (
        "The foreign ministers met in Salvo. They also discussed Moldova, the Western "
        "Balkans and fishing quotas."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "Moldova" in texts
    assert any(t.endswith("Western Balkans") for t in texts)
    assert "fishing quotas" in texts


def test_the_agenda_items_come_before_other_phrases_of_agenda_sentences(parse):
    text = (
        "Regional health chiefs, worried by rising hospital waiting lists, discussed nurse "
        "training. Rising hospital waiting lists have doubled, and rising hospital waiting "
        "lists worry every region."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert texts[0] == "nurse training"
    assert len(texts) <= 8


def test_talks_on_issues_name_the_issues_and_a_list_of_broad_issues_is_none(parse):
    text = (
        "The delegations held long talks on wider regional matters, including questions "
        "relating to the grain corridor, Lake Tenva and the Baltic Sea."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "grain corridor" in texts
    assert "Baltic Sea" in texts
    assert not any("regional matters" in t or "questions" in t for t in texts)


def test_when_is_not_part_of_the_issue(parse):
    text = (
        "The ministers discussed the strike of last week and the new rail timetable of next "
        "year."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "strike" in texts
    assert "new rail timetable" in texts
    assert not any("week" in t or "year" in t for t in texts)


def test_a_hyphenated_word_named_as_an_item_is_kept_whole(parse):
    text = "The rectors discussed the co-funding of student housing."
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "co-funding of student housing" in texts
    assert "co" not in texts


def test_a_noun_of_an_agenda_sentence_keeps_its_complement_cut_short(parse):
    text = (
        "The envoys discussed the harbour plan, saying a return to open markets and free "
        "trade in the gulf was needed."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "return to open markets" in texts
    assert "return" not in texts


def test_who_reported_the_talks_is_not_a_topic(parse):
    text = (
        "Farm ministers from Ostra and Velia will meet on Monday to discuss grain storage "
        "fees, the Ostran news agency reported, citing the state broadcaster."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "grain storage fees" in texts
    assert not any("agency" in t or "broadcaster" in t for t in texts)
    assert not any("ministers" in t for t in texts)  # who will discuss, not what


def test_the_items_of_a_colon_list_are_topics_and_their_parts_are_not(parse):
    text = (
        "The agenda covered three issues: higher port dues for fishing boats, the renewal of "
        "ferry licences for islanders and pensioners, and the repair of the lighthouse."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "higher port dues for fishing boats" in texts
    assert any(t.startswith("renewal of ferry licences") for t in texts)
    assert "repair of the lighthouse" in texts
    assert not any(t.startswith("ferry licences") or t == "pensioners" for t in texts)
    assert "issues" not in texts


def test_a_noun_named_often_alone_is_still_named_with_its_complement(parse):
    text = (
        "The ministers discussed support. They reviewed support again and raised support "
        "with the unions, who want support. Support has been slow, and support is short. "
        "The governor urged support for the stranded fishermen."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert texts[0] == "support for the stranded fishermen"  # with all its mentions
    assert "support" not in texts


def test_talks_on_one_issue_leave_room_for_the_other_issues_the_text_names(parse):
    text = (
        "The two governments agreed to resume talks on their disputed river border. The "
        "Oster bridge crossing will reopen to freight traffic from April. Fishermen want "
        "access to the lower river, and the fishing fleet seeks compensation for its losses."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert texts[0] == "disputed river border"
    assert "freight traffic" in texts
    assert "fishing fleet" in texts


def test_an_issue_keeps_the_place_the_parse_hangs_on_the_verb(parse):
    # "in ..." / "along ..." after an abstract issue noun: the parse gives it to the verb
    text = (
        "The two presidents discussed insecurity in the neighbouring Sahel, including the "
        "attacks on border posts. The envoys raised violence along the Ossa river with their "
        "hosts."
    )
    topics = [t.text for t in extract_topics([parse(text)])]
    assert "insecurity in the neighbouring Sahel" in topics
    assert "violence along the Ossa river" in topics
    assert not {"insecurity", "violence"} & set(topics)
    # what the parse hangs after the place is still an item of its own
    assert any(t.startswith("attacks") for t in topics)


def test_a_bare_city_after_the_issue_may_be_where_the_talks_were(parse):
    text = "The ministers discussed trade in Geneva on Monday and reviewed fishing quotas."
    topics = [t.text for t in extract_topics([parse(text)])]
    assert "trade" in topics
    assert not any("Geneva" in t for t in topics)


def test_a_relational_noun_with_adjectives_alone_is_no_issue(parse):
    text = (
        "Both sides said the international community had an important role, and named the "
        "main obstacle. Officials will meet again at ministerial level. The harbour dispute "
        "and fishing quotas remain open, and the harbour dispute dragged on. The role of "
        "women in the peace process was debated."
    )
    topics = [t.text for t in extract_topics([parse(text)])]
    assert {"harbour dispute", "fishing quotas", "role of women in the peace process"} <= set(
        topics)
    assert not {"international community", "important role", "main obstacle",
                "ministerial level"} & set(topics)


def test_a_general_noun_framing_an_issue_already_listed_adds_no_topic(parse):
    text = (
        "The minister raised concerns regarding the dredging at Kelva harbour and underscored "
        "the importance of full disclosure about works by the port authority at Kelva harbour."
    )
    topics = [t.text for t in extract_topics([parse(text)])]
    assert "full disclosure about works" in topics
    assert "dredging at Kelva harbour" in topics
    assert "importance of full disclosure" not in topics


def test_the_parties_at_the_table_and_a_quantity_are_no_topics(parse):
    text = (
        "Negotiators from Estria and Norland ended their talks without agreeing how much "
        "water each side may draw from the river. Estria's chief negotiator said a deal was "
        "close. Norland's delegation rejected a cut in the summer quota, and the court case "
        "over the reservoir goes on."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert not any("negotiator" in t or "delegation" in t for t in texts)
    assert "much water" not in texts
    assert any("quota" in t for t in texts)


def test_a_count_in_words_stays_in_the_issue(parse):
    text = "The ministers discussed the detention of two reporters and the fishing quota."
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "detention of two reporters" in texts
    assert "detention" not in texts


def test_progress_on_an_issue_gives_the_issue(parse):
    text = (
        "The leaders reviewed progress on the joint energy corridor and discussed the "
        "fishing quota."
    )
    texts = [t.text for t in extract_topics([parse(text)])]
    assert "joint energy corridor" in texts
    assert not any(t.startswith("progress") for t in texts)
