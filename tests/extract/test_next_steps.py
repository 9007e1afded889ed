"""Next steps: follow-ups, deadlines, planned meetings and open items."""

from __future__ import annotations

import pytest

from briefgen.extract.next_steps import extract_next_steps
from briefgen.extract.sentences import sentences
from briefgen.model import CHECK_THRESHOLD

TEXT = (
    "The envoys met in Geneva on Thursday. "
    "They agreed to meet again at a date to be determined. "
    "A working group will report by April 30. "
    "The minister is expected to brief parliament next week. "
    "Officials said the next meeting would be held at the same level. "
    "The talks lasted five hours. "
    '"We will keep walking," the envoy said. '
    "Trade fell by half after 2020."
)


def test_next_steps_are_the_forward_looking_sentences(parse):
    steps = [s.text for s in extract_next_steps(sentences(parse(TEXT)))]
    assert steps == [
        "They agreed to meet again at a date to be determined.",
        "A working group will report by April 30.",
        "The minister is expected to brief parliament next week.",
        "Officials said the next meeting would be held at the same level.",
    ]


def test_next_steps_point_at_their_sentence(parse):
    for step in extract_next_steps(sentences(parse(TEXT))):
        (span,) = step.spans
        assert TEXT[span.start : span.end] == step.text


BACKGROUND = (
    "The two countries downgraded relations in 2020 after a dispute over fishing rights. "
    "In 2018 the ministers agreed to reopen the border, but the deal collapsed. "
    "The new terminal was due to open in 2019. "
    "Officials who will attend the summit arrived in Oslo on Sunday. "
    "The envoys met in Oslo on Sunday, agreeing to meet again at a date to be determined. "
    "The two sides agreed to a truce. "
    "Both sides said the border dispute would be left for separate negotiations."
)


def test_background_in_the_past_is_not_a_next_step(parse):
    assert extract_next_steps(sentences(parse(BACKGROUND))) == []


def test_a_plan_in_the_present_is_a_next_step_even_with_a_year(parse):
    text = "The new terminal is due to open in 2027. The two sides agreed to meet in May."
    steps = [s.text for s in extract_next_steps(sentences(parse(text)))]
    assert steps == [
        "The new terminal is due to open in 2027.",
        "The two sides agreed to meet in May.",
    ]


def _steps(parse, text: str, published: str | None = None) -> list[str]:
    """The next steps of ``text`` as the pipeline finds them (upcoming dates included)."""
    import datetime as dt

    from briefgen.extract.dates import find_dates
    from briefgen.extract.next_steps import upcoming_spans

    parsed = parse(text, published=published)
    sents = sentences(parsed)
    reference = dt.date.fromisoformat(published) if published else None
    found = find_dates(parsed, reference)
    dated = [(s.start, s.end, f.mention.date) for f in found for s in f.mention.spans]
    return [s.text for s in extract_next_steps(sents, upcoming_spans(sents, dated, reference))]


@pytest.mark.parametrize(
    "sentence",
    [
        "The lawyer said he would appeal.",
        "Police are investigating whether a second car was involved.",
        "The two governments agreed to complete the agreement on compensation by June.",
        "Both sides discussed holding a follow-up meeting, with the date, location and "
        "representation to be determined.",
        "The minister is scheduled to address the assembly.",
        "He declined to say when the plant would reopen.",
        "It was unclear whether the board would approve the plan.",
        "The company is set to announce the terms later on Friday.",
        "The bill would go before the Senate, he said.",
        "The firm issued a statement, saying it would appeal the ruling.",
    ],
)
def test_each_class_of_next_step_is_found(parse, sentence):
    text = "The talks ended in the evening. " + sentence
    assert _steps(parse, text, "2026-03-12") == [sentence]


def test_a_person_who_will_testify_on_a_day_still_to_come_is_a_next_step(parse):
    text = "\u201cI asked who decided,\u201d said Hill, who will testify Friday."
    assert _steps(parse, text, "2026-03-12") == [text]


def test_a_present_tense_event_on_a_day_still_to_come_is_a_next_step(parse):
    text = "The commission holds a public hearing Monday with the operators."
    assert _steps(parse, text, "2026-03-12") == [text]


def test_a_possibility_placed_in_time_is_a_next_step_but_a_bare_one_is_not(parse):
    text = "Missions could begin in 2028, she said. The change could hurt small farms."
    assert _steps(parse, text, "2026-03-12") == ["Missions could begin in 2028, she said."]


@pytest.mark.parametrize(
    "sentence",
    [
        "He insisted the law will not change our position.",
        "In 2013, BP agreed to sell back its stake.",
        "The planned outage was the third in a month.",
        "He will be great.",
        "Analysts warned that the deal would allow more imports.",
        "The suit does not seek to overturn the law.",
        "Investors sold the 2030 bonds.",
        "The investor agreed to return the fee.",
        # a source's anonymity is no appointment still to be made
        "An Austrian diplomat familiar with the talks, who asked not to be named, said the "
        "main obstacle remained the demand by Estria for compensation of 300 million euros.",
        "An official, who declined to be named, said the fee was too high.",
    ],
)
def test_positions_background_and_predictions_are_not_next_steps(parse, sentence):
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-12") == []


def test_a_scheduled_step_is_surer_than_a_reported_or_possible_one(parse):
    text = (
        "The hearing is scheduled for March 20. "
        "The lawyer said he would appeal. "
        "Missions could begin in 2028."
    )
    parsed = parse(text, published="2026-03-12")
    steps = extract_next_steps(sentences(parsed))
    by_text = {s.text: s.confidence for s in steps}
    scheduled = by_text["The hearing is scheduled for March 20."]
    reported = by_text["The lawyer said he would appeal."]
    assert scheduled is not None
    assert reported is not None
    assert scheduled > reported
    assert scheduled >= CHECK_THRESHOLD


@pytest.mark.parametrize(
    "sentence",
    [
        "If convicted, he could face decades in jail.",
        "Investors who fear the plan will fail sold their shares.",
        "Russia said the move would likely heighten tensions.",
        "Two hostages were released Thursday in a prisoner swap.",
        "\u201cWe will win,\u201d he said.",
    ],
)
def test_untimed_possibilities_descriptions_hedges_and_rhetoric_are_not_next_steps(
    parse, sentence
):
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-12") == []


def test_a_quote_opened_with_a_straight_mark_and_closed_curly_ends_before_the_step(parse):
    text = '"Who decided?\u201d said Hill, who will testify Friday.'
    assert _steps(parse, text, "2026-03-12") == [text]


def test_a_reported_plan_in_a_decade_still_to_come_is_a_next_step(parse):
    text = "Clark told reporters that the airline will recommence its expansion in the 2030s."
    assert _steps(parse, text, "2026-03-12") == [text]


def _confidences(parse, text: str, published: str = "2026-03-12") -> dict[str, float | None]:
    """The next steps of ``text`` as the pipeline finds them, each with its confidence."""
    import datetime as dt

    from briefgen.extract.dates import find_dates
    from briefgen.extract.next_steps import upcoming_spans

    parsed = parse(text, published=published)
    sents = sentences(parsed)
    reference = dt.date.fromisoformat(published)
    found = find_dates(parsed, reference)
    dated = [(s.start, s.end, f.mention.date) for f in found for s in f.mention.spans]
    steps = extract_next_steps(sents, upcoming_spans(sents, dated, reference))
    return {s.text: s.confidence for s in steps}


def test_an_action_held_back_until_something_can_happen_is_a_pending_next_step(parse):
    text = "Police said they were withholding the names of the hurt until kin could be told."
    assert _confidences(parse, text) == {text: 0.72}


def test_a_vow_of_the_speakers_in_a_quotation_is_a_next_step_below_the_check_threshold(parse):
    vow = "But on Monday, the mayor said \u201cwe will appeal the ruling\u201d in the high court."
    text = (
        vow + " \u201cWe won\u2019t give up,\u201d she said."
        " \u201cI\u2019m going to do it,\u201d he said."
        " \u201cI\u2019ll make them pay,\u201d he said."
    )
    assert _confidences(parse, text) == {vow: 0.62}


def test_a_quoted_will_with_a_day_still_to_come_is_a_dated_next_step(parse):
    text = "\u201cI am glad to say that Ann Lee will take over as chair from May 4,\u201d he said."
    assert _confidences(parse, text) == {text: 0.7}


def test_a_quoted_forecast_with_a_day_still_to_come_is_no_next_step(parse):
    returns = "\u201cThe dispute will come back in 2031,\u201d the economist said."
    harder = "\u201cIt will be harder by May 4,\u201d she said."
    assert _confidences(parse, returns + " " + harder) == {}


def test_a_formal_request_is_a_next_step_but_advice_to_make_one_is_not(parse):
    request = "The committee requested that the minister appear before it for an interview."
    advice = "He said the president should demand that the envoy resign."
    assert _confidences(parse, request + " " + advice) == {request: 0.72}


def test_a_saying_verbs_would_is_below_the_check_threshold_unless_placed_in_time(parse):
    untimed = "The chief executive said the firm would use that experience in its new vans."
    timed = "The minister said the plant would reopen next year."
    hoped = "She hoped the talks would resume."
    ordered = "He said the firm would test the van a lot before selling any of them."
    confidences = _confidences(parse, " ".join([untimed, timed, hoped, ordered]))
    assert confidences == {untimed: 0.62, timed: 0.9, hoped: 0.72, ordered: 0.62}


def test_a_will_that_no_one_states_as_a_plan_is_only_a_possibility(parse):
    welcomed = "The unions welcomed that members will be paid a bonus."
    said = "The unions said that members will be paid a bonus."
    assert _confidences(parse, welcomed + " " + said) == {welcomed: 0.55, said: 0.8}


@pytest.mark.parametrize(
    "sentence",
    [
        "The founder sold the buildings and had also planned to charge the firm for the name.",
        "In a letter calling for the hearing, the mayor said the delays were dangerous.",
    ],
)
def test_a_plan_in_the_past_perfect_or_a_participle_describing_an_object_is_no_step(
    parse, sentence
):
    assert _confidences(parse, "The talks ended. " + sentence) == {}


def test_declined_to_state_with_an_adverb_is_an_open_item(parse):
    text = "He declined later to state when the plant would reopen."
    assert _confidences(parse, text) == {text: 0.72}


# The classes of issue 18, each on a short text written for it (published 2026-03-12, a
# Thursday).
@pytest.mark.parametrize(
    "sentence",
    [
        # future meetings and visits
        "The foreign ministers will meet in Oslo to review the truce.",
        "The new council convenes in Vienna on Monday for the first time.",
        # deadlines
        "The unions must say by noon Friday whether they accept the offer.",
        "Officials said the target for ending the strike was a month's time.",
        # launches
        "The joint task force launches March 30.",
        "Both ministers welcomed the launch of the river commission on March 30.",
        # pending decisions
        "The council says it needs more time to reach a deal on fishing quotas.",
        "The regulator has yet to rule on the merger.",
        # "look forward to" and continued contact
        "The two leaders said they look forward to continued close contact.",
        "The two leaders looked forward to continuing close coordination.",
        "Both sides agreed to stay in close contact.",
        # pledges to intensify, continue or expand something
        "Both sides pledged to intensify work on the border crossing.",
        "The ministers agreed to expand trade in grain.",
        "The two governments will continue their talks on water rights.",
        # conditional steps
        "If the assembly approves the budget, the ministry will hire two hundred nurses.",
        # time counted from the day of writing
        "The envoys left Paris, leaving their deputies to seek more talks later this month.",
        "The mayor urged the council to settle the dispute ahead of the 2027 elections.",
    ],
)
def test_each_class_of_issue_18_is_a_next_step(parse, sentence):
    text = "The talks ended in the evening. " + sentence
    assert _steps(parse, text, "2026-03-12") == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        # past actions in future-sounding words
        "The summit was due to open in 2019 but was called off.",
        "The ministers had planned to sign the pact before the vote.",
        "The first round of talks in three years collapsed last week.",
        "The next year, the rebels freed two of the sailors.",
        # positions
        "The premier insisted the law will not change.",
        "He said the truce would not apply to the armed groups in the north.",
        "The minister must respect the court.",
        # forecasts with no actor
        "Fuel prices will keep rising.",
        "Analysts said the currency would weaken.",
    ],
)
def test_past_actions_positions_and_forecasts_of_issue_18_are_not_next_steps(parse, sentence):
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-12") == []


def test_a_participle_dated_on_the_day_of_writing_reports_what_happened(parse):
    held = "The court holds a hearing on Thursday."
    hitting = "The bond has fallen this week, hitting a new low on Thursday."
    assert _steps(parse, f"{held} {hitting}", "2026-03-12") == [held]


def test_a_day_still_to_come_in_a_past_tense_sentence_is_found_but_left_to_check(parse):
    told = "Both ministers welcomed the launch of the river commission on March 30."
    planned = "The river commission will be launched on March 30."
    confidences = _confidences(parse, f"{told} {planned}")
    assert confidences == {told: 0.68, planned: 0.9}
    assert confidences[told] < CHECK_THRESHOLD


def test_a_time_ahead_that_names_no_day_alone_is_found_but_left_to_check(parse):
    vague = "The council is reviewing the rules ahead of the 2027 elections."
    named = "The council is reviewing the rules before May 4."
    cued = "The council plans to review the rules later this month."
    confidences = _confidences(parse, f"{vague} {named} {cued}")
    assert confidences == {vague: 0.68, named: 0.8, cued: 0.9}


@pytest.mark.parametrize(
    "sentence",
    [
        "Both governments pledged to stay in close contact.",
        "The ministers agreed to continue the talks on fishing.",
    ],
)
def test_a_pledge_to_carry_something_on_is_a_next_step(parse, sentence):
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-12") == [sentence]


def test_an_intention_to_keep_going_in_a_figure_of_speech_is_no_next_step(parse):
    text = "The talks ended. My government intends to keep walking, the envoy said."
    assert _steps(parse, text, "2026-03-12") == []


@pytest.mark.parametrize(
    ("published", "found"),
    [("2026-01-20", True), ("2026-04-02", True), ("2026-10-20", False)],
)
def test_a_season_without_its_year_looks_ahead_until_it_has_passed(parse, published, found):
    sentence = "The ministers discussed next steps toward a joint forum on fisheries in the spring."
    assert _steps(parse, "The talks ended. " + sentence, published) == ([sentence] if found else [])


def test_a_season_with_its_year_is_not_read_as_ahead(parse):
    text = "The ministers discussed next steps toward a joint forum in the spring of 2019."
    assert _steps(parse, text, "2026-01-20") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said the country will never give up its claim to the islands.",
        "Officials said there will be no new elections next year.",
        "The overall effect could be a smaller harvest next year.",
    ],
)
def test_a_position_or_a_prediction_with_no_one_acting_is_no_next_step(parse, sentence):
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-12") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "There will be a vote in the assembly next week.",
        "The talks will resume after the holiday.",
        "The new tariff will apply to steel and aluminium.",
        "The budget will be presented to parliament.",
        "The envoy will travel to Cairo to meet the foreign minister.",
    ],
)
def test_an_event_a_measure_or_an_actor_in_the_future_is_still_a_next_step(parse, sentence):
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-12") == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The agencies are working with their partners to determine the best date for the visit.",
        "The envoys met again to decide whether the monitors should stay.",
    ],
)
def test_a_choice_still_to_be_made_is_a_next_step(parse, sentence):
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-12") == [sentence]


def test_a_choice_made_is_no_pending_step(parse):
    text = "The talks ended. The panel decided the date of the hearing in June 2019."
    assert _steps(parse, text, "2026-03-12") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "France called for an emergency meeting of the council.",
        "The opposition demanded a parliamentary inquiry into the contracts.",
        "The union requested a new round of talks with the employers.",
    ],
)
def test_an_event_asked_for_is_a_next_step(parse, sentence):
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-12") == [sentence]


def test_a_call_for_a_mood_or_an_event_not_asked_for_is_no_next_step(parse):
    text = (
        "The talks ended. The president called for calm after the vote. "
        "The mayor did not request a meeting with the unions."
    )
    assert _steps(parse, text, "2026-03-12") == []


def test_a_limit_set_in_the_present_is_a_next_step(parse):
    sentence = "The parties have until Friday to respond to the proposal."
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-10") == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        # a step put off to a later time the text names
        "The signing has been postponed until parliament votes on the accord.",
        "The decision on the reform was postponed until after the elections.",
        "The hearing was delayed to May.",
        # what the parties will do under an agreement they signed
        "They signed a memorandum on minerals, under which both sides will map the deposits.",
        # a month still to come, with no day
        "The two sides signed a letter on a vaccination campaign, to be launched in November.",
        "Officials said a second round of talks was set for late July.",
    ],
)
def test_steps_put_off_agreed_in_an_accord_s_terms_or_placed_in_a_month_ahead(parse, sentence):
    text = "The talks ended in the evening. " + sentence
    assert _steps(parse, text, "2026-06-12") == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The launch was postponed indefinitely.",
        "The rebels walked out in November.",
        "They missed a deadline set by their leaders in March.",
        "The people who will vote were praised.",
    ],
)
def test_a_step_put_off_for_good_and_months_behind_or_describing_are_not_steps(parse, sentence):
    text = "The talks ended in the evening. " + sentence
    assert _steps(parse, text, "2026-06-12") == []


def test_a_month_of_a_plan_told_in_the_past_is_no_step(parse):
    text = "The talks ended in the evening. The envoy was due to be released in September."
    assert _steps(parse, text, "2026-06-12") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts expect grain prices to climb again in the autumn.",
        "The central bank warned that inflation could stay above 5 percent until next year.",
        "Officials said unemployment would fall below 6 percent by December.",
        "The truce, which began on Saturday, is expected to hold.",
        "Grain prices are likely to rise further.",
    ],
)
def test_a_forecast_of_how_a_measure_moves_is_no_next_step(parse, sentence):
    text = "The tax took effect in March. " + sentence
    assert _steps(parse, text, "2026-03-12") == []


def test_what_someone_expected_or_will_do_about_a_measure_stays_a_next_step(parse):
    text = (
        "The tax took effect in March. The ministry will raise the grain quota in the "
        "autumn. Officials expect the talks to resume next week. The storm should ease by "
        "Friday, allowing Harbour Lines to restart the ferries. The council is expected to "
        "hold a vote on the fares."
    )
    assert len(_steps(parse, text, "2026-03-12")) == 4


def test_a_day_inside_what_someone_refuses_is_no_next_step(parse):
    text = (
        "The talks ended in the evening. The delegation said it could not accept a cut of "
        "more than 10 percent in the summer months. The talks will not resume until April."
    )
    assert _steps(parse, text, "2026-03-12") == ["The talks will not resume until April."]
