"""Next steps stated without a future modal: a step needed or agreed, time left before a
deadline, a request to meet, an invitation to visit, an agreement still pending.

A variant battery: each positive sentence was missed before these constructions were read,
each negative one is a near miss that must stay out."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract.pipeline import extract_brief
from briefgen.model import Source

LEAD = "The foreign ministers of Norland and Sudavia met in Vienna on Monday. "
DAY = dt.date(2026, 3, 4)


@pytest.fixture
def steps_of(nlp):  # type: ignore[no-untyped-def]
    def run(sentence: str) -> list[str]:
        brief = extract_brief([Source(id="t", text=LEAD + sentence)], nlp, reference_date=DAY)
        return [s.text for s in brief.next_steps]

    return run


@pytest.mark.parametrize(
    "sentence",
    [
        # a further step agreed or said to be needed
        "The ministers agreed that a new resolution was needed.",
        "The ministers agreed that further talks were necessary.",
        "Both sides said a new round of negotiations was needed.",
        "The envoy said they had agreed that a tougher sanctions resolution was needed.",
        "The leaders agreed that the sanctions should be tightened.",
        # an agreement to hold an event, or to set work going
        "Both countries agreed to hold the next round of the dialogue in Washington.",
        "They agreed to task their teams to follow up on the discussion.",
        # a deadline given as time left
        "Both parties have until the end of the month to submit their plans.",
        "Sudavia has been given until Friday to respond.",
        # others asked to meet or negotiate
        "The council called on the parties to resume negotiations without delay.",
        "The ministers urged the two sides to return to the table.",
        # a visit offered
        "The President invited the Prime Minister to visit the White House.",
        # an agreement or a choice still pending
        "Washington and Moscow are getting closer to an understanding on a ceasefire, "
        "the secretary said.",
        "It remains unclear when the talks will resume.",
        "The two sides are still working out the details of the agreement.",
        "The deal still requires the approval of the parliament.",
        # a plan named by its object, told in the present
        "A residents' group plans a petition against the new fares.",
        "The dockers' union is preparing a strike at the northern ports.",
        # a decision still pending, a possibility placed in a month
        "Parliament must still approve the deal.",
        "The European Union is considering new sanctions on the shipping firms.",
        "A summit of the two leaders could take place in April.",
        # an arrival expected
        "Both delegations are expected back in Geneva after consultations at home.",
        # a need both sides agree on
        "The leaders agreed on the need to convene a donors' conference.",
    ],
)
def test_a_step_stated_without_a_future_modal_is_a_next_step(steps_of, sentence):
    assert steps_of(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The envoy stressed that a political solution was needed.",
        "No new resolution was needed, the envoy said.",
        "The two sides agreed to return the seized cash.",
        "The ministers urged the two sides to show restraint.",
        "The President invited reporters to ask questions.",
        "The two negotiators are close friends.",
        "The minister still lives in the capital.",
        "He had until 2019 been the ambassador.",
        "The minister said the sanctions should be tightened.",
        "The residents planned a petition against the fares last year.",
        "The union does not plan a strike.",
        "The minister must be proud of the deal.",
        "The commission considered new sanctions last week.",
        "The deal could collapse at any moment.",
        "The envoys were expected in Geneva last week.",
        "The result is expected, the minister said.",
        "The minister stressed the need to resume talks.",
    ],
)
def test_a_near_miss_of_those_constructions_is_no_next_step(steps_of, sentence):
    assert steps_of(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # work left to do, leaders setting their teams to work
        "The two sides reviewed the work that remains to be done to finalize the accords.",
        # a time ahead named without a calendar day
        "They discussed the draft agreements, which could be completed in the near term.",
        "The secretary said a deal on the ceasefire could be reached within days.",
    ],
)
def test_work_left_to_do_and_a_time_ahead_without_a_day_are_next_steps(steps_of, sentence):
    assert steps_of(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        # "will continue" an activity, with no day and no event to hold: what goes on
        "The United States will continue to work closely with Sudavia.",
        "Norland will continue to coordinate with its partners on the crisis.",
        "The two countries will continue to deepen their cooperation.",
        # a line not to be crossed
        "The President affirmed that Norland will not allow the militia to obtain arms.",
        # commentators forecast, they do not plan
        "Experts warned that the drought will get worse.",
        "Critics say the deal will do little to stop the fighting.",
        # a plan in the past perfect, whatever day it named, is behind the story
        "The trip, which had been expected to take place later this month, was canceled.",
    ],
)
def test_carrying_on_a_position_a_forecast_and_a_past_plan_are_no_next_steps(
    steps_of, sentence
):
    assert steps_of(sentence) == []


def test_a_plan_told_in_someones_account_keeps_its_day(steps_of):
    told = "Officials said the talks had been scheduled for Friday."
    assert steps_of(told) == [told]


def test_carrying_on_with_a_day_or_an_event_is_still_a_next_step(steps_of):
    dated = "The two sides will continue their talks on Thursday."
    assert steps_of(dated) == [dated]


def test_talks_that_go_on_are_a_next_step_and_a_view_still_held_is_not(steps_of):
    talks = "The envoy said he hoped the negotiations would continue to seek a settlement."
    view = "The bloc said it still considers the new checkpoints illegal."
    assert steps_of(talks) == [talks]
    assert steps_of(view) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "If the rebels agree, the government would release the prisoners.",
        "Should the parties accept, the truce would take effect at midnight.",
        "If the talks succeed, the truce would be extended to the north.",
    ],
)
def test_a_would_on_an_open_condition_is_a_conditional_step(steps_of, sentence):
    assert steps_of(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "If he were elected, he would ban the party.",
        "If the deal had passed, prices would have fallen.",
        "If prices rise, demand would fall.",
        "If you ask me, he would make a fine leader.",
    ],
)
def test_a_would_contrary_to_fact_or_without_an_actor_is_no_step(steps_of, sentence):
    assert steps_of(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a matter still pending in a present clause, after a main verb in the past
        "The minister briefed the envoy on the pension reform, which remains pending "
        "approval by parliament.",
        # a new body's first act, dated, in a relative clause
        "The two sides set up a joint commission on water, which will hold its first "
        "session in Vienna in May.",
        # an event expected, in the passive with no "to"
        "A vote in parliament on the transit law is expected before the end of the year.",
        # a deadline as time left to act
        "Lawyers for the party have 30 days to file the appeal.",
        # work set for others
        "The ministers tasked their teams with preparing a draft accord on river transport.",
        # a matter still open, told in the past of someone's account
        "The envoy said the matter remained under discussion.",
        # a step on an open condition, in someone's account
        "An exchange of prisoners would follow once monitors are deployed, the mediator said.",
        # an agreement to two acts: one keeps a state, the other is a step
        "They agreed to leave the tariffs in place and to meet again in June.",
    ],
)
def test_steps_said_in_varied_constructions_are_next_steps(steps_of, sentence):
    assert steps_of(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        # a decision about a state that holds now, and the day that bounds it
        "The ministers agreed to keep the export quotas unchanged through the end of the year.",
        "The two sides agreed to maintain the current fishing limits.",
        "The ministers agreed to keep the terms of the truce unchanged.",
        "The central bank agreed to keep interest rates on hold.",
        # an agreed principle
        "They agreed that aid convoys must be allowed to pass without delay.",
        "The ministers agreed that the ceasefire should be respected by all.",
        "They agreed aid convoys must be given access.",
        "They agreed that aid convoys must be allowed into all the towns within days.",
        "They agreed that aid convoys must be allowed into the towns starting next week.",
        # the rest of a quotation opened in the sentence before: rhetoric
        '"We have waited too long. Peace must be built every day," the envoy said.',
        # ... and a sentence inside it with no mark of its own
        '"We did our part. Now they must deliver the aid. We will see," she said.',
        # a day ahead in a clause of circumstance
        "The minister said Norland stands with Sudavia as it weathers the drought this summer.",
        # a warning on a condition
        "The envoy said the truce would collapse if the rebels move their guns into the valley.",
    ],
)
def test_kept_states_principles_continued_quotes_circumstances_and_warnings_are_no_steps(
    steps_of, sentence
):
    assert steps_of(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a pledge with its day between the verb and its "to"
        "The rebels pledged on Monday to hold talks with the army.",
        # a step in the passive on an open condition, and one by a subject shared with the
        # clause before
        "Sanctions relief would be phased in once inspectors verify the cuts, the envoy added.",
        "The commission said it was studying the text and would decide whether to open "
        "proceedings.",
        # a step someone is confident of, placed in time
        "Rist said she remained confident the pact would be signed before the elections.",
        # plans for an event taken up
        "The leaders reviewed plans for a joint naval exercise.",
    ],
)
def test_pledges_with_a_day_conditional_passives_expectations_and_plans_are_steps(
    steps_of, sentence
):
    assert steps_of(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The coach said he was confident the team would win.",
        "The commission said it was studying the text and would not comment.",
        "The committee shelved the plans for a new stadium.",
    ],
)
def test_confidence_without_a_step_refusals_and_shelved_plans_are_no_steps(steps_of, sentence):
    assert steps_of(sentence) == []


def test_a_day_ahead_in_a_clause_of_circumstance_of_an_act_still_dates_a_step(steps_of):
    sentence = "Lawmakers return to the capital as a budget deadline nears later this month."
    assert steps_of(sentence) == [sentence]


def test_what_someone_will_do_told_in_a_continued_quotation_is_a_step(steps_of):
    text = '"It was a long night. The committee will vote on the bill," the chair said.'
    assert steps_of(text) == ['The committee will vote on the bill," the chair said.']


def test_an_act_expected_of_others_is_a_step_and_a_forecast_is_not(steps_of):
    talks = "Officials expect the talks to resume after the holiday."
    assert steps_of(talks) == [talks]
    assert steps_of("Analysts expected prices to rise.") == []


def test_a_plan_called_off_is_no_step_and_one_rescheduled_is(steps_of):
    off = "The trip was expected to take place this month but has been called off."
    again = "The visit was cancelled and will be rescheduled next month."
    assert steps_of(off) == []
    assert steps_of(again) == [again]
