"""Outcomes: the agreements, decisions, commitments, refusals and rulings a text states."""

from __future__ import annotations

import pytest

from briefgen.extract.outcomes import find_outcomes, merge_outcomes
from briefgen.extract.sentences import sentences
from briefgen.model import CHECK_THRESHOLD, Outcome, Span


def _found(parse, text: str) -> list[Outcome]:
    found = find_outcomes(sentences(parse(text)))
    for item in found:
        (span,) = item.spans
        assert text[span.start : span.end] == item.text
    return found


def _texts(parse, text: str) -> list[str]:
    return [item.text for item in _found(parse, text)]


@pytest.mark.parametrize(
    "sentence",
    [
        # an agreement, stated or reported
        "The two delegations agreed on Tuesday to reopen the border crossing at Kessel.",
        "The envoy said all sides had agreed that a stricter arms embargo was needed.",
        "It was agreed that both teams would meet again in June.",
        # an agreement made, named by its noun
        "The talks in Tirana ended late, resulting in an agreement on a pause in the fighting.",
        "The week of talks led to an agreement on prisoner exchanges.",
        "Both countries signed an accord on fishing rights on Tuesday.",
        "A deal was reached after ten hours of talks.",
        "A nationwide cessation of hostilities took effect at midnight on Saturday.",
        # a decision or a commitment
        "The ministers decided to extend the monitoring mission by a year.",
        "The two leaders committed to hold consultations every six months.",
        "The parliament voted to approve the water treaty.",
        "The council adopted a resolution on the safety of aid workers.",
        "The assembly passed a bill raising the minimum wage.",
        "The government took the decision to close the northern border.",
        # a commitment with a figure, announced
        "The premier announced that Norway would give $20 million to the relief fund.",
        "The minister announced a new aid package for the flooded valley.",
        # a body set up, a plan welcomed, a step called off, an offer accepted
        "The two ministers launched a working group on water sharing.",
        "The leaders welcomed plans to open a joint trade office in Varna.",
        "The minister's visit to Lima was cancelled, officials said.",
        "The rebels accepted the offer of a truce.",
        # a refusal
        "The union refused to sign the wage accord.",
        "The mayor declined to renew the operator's licence.",
        # a ruling
        "The court ruled that the merger could go ahead.",
        "The appeals judge ordered the release of the two reporters.",
        "The former governor was sentenced to six years in prison.",
    ],
)
def test_a_sentence_stating_an_outcome_is_listed_whole(parse, sentence):
    text = f"Officials met in the capital on Monday. {sentence}"
    assert _texts(parse, text) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        # positions, hopes and conditions are not outcomes
        "The ministers insisted the law will not change.",
        "We hope the other side agrees to the plan, he said.",
        "If the sides agree, talks could resume in May.",
        "Negotiators are hoping to reach a deal by Friday.",
        "The two sides are expected to sign an agreement next week.",
        # a past event that is not an agreement, and failures to agree
        "The first round of talks collapsed last month before it began.",
        "They did not agree on the line of the border.",
        "The talks failed to produce an agreement.",
        "No deal was reached, and no commitment had been made on the detainees.",
        "The proposals came too late for the leaders to agree them on Monday.",
        # an earlier pledge named in a clause that is itself only a possibility
        "The minister said the bloc could offer more than the 2 billion euros pledged so far.",
        # not a refusal, not a ruling, not a standing body
        "The board declined to comment on the talks.",
        "The army launched air strikes on the town.",
        "The police ordered lunch for the delegates.",
        "Both consulates have since run with few staff, and visa services were suspended in 2019.",
        "The new tariff law will take effect next year.",
        "The striker passed the ball to her captain.",
        # a question
        "Did the two sides agree on anything at all?",
    ],
)
def test_positions_hopes_failures_and_other_past_events_are_not_outcomes(parse, sentence):
    assert _texts(parse, f"Officials met in the capital on Monday. {sentence}") == []


def test_a_cue_inside_quotation_marks_is_someones_words_not_an_outcome(parse):
    text = ('Officials met on Monday. The envoy called the day "a time when all agreed '
            'on nothing" and left.')
    assert _texts(parse, text) == []


def test_a_sentence_opening_with_a_quotation_is_left_to_the_quotes(parse):
    assert _texts(parse, '"We agreed to meet again," the minister said.') == []


def test_a_headline_is_not_an_outcome(parse):
    assert _texts(parse, "Rivals agree truce in the north\n\nThe talks went on.") == []


def test_a_stated_outcome_is_sure_and_a_reaffirmed_commitment_is_marked_for_a_check(parse):
    text = ("The two sides agreed to a ceasefire. "
            "The ministers reaffirmed their commitment to deterring threats at sea.")
    stated, restated = _found(parse, text)
    assert (stated.confidence or 0.0) >= 0.85
    assert restated.text.startswith("The ministers reaffirmed")
    assert (restated.confidence or 1.0) < CHECK_THRESHOLD


def test_an_outcome_in_someones_account_is_a_little_less_sure_than_one_stated(parse):
    stated, reported = _found(
        parse, "The sides agreed to a ceasefire. The envoy said the sides had agreed to talk.")
    assert CHECK_THRESHOLD <= (reported.confidence or 0.0) < (stated.confidence or 0.0)


def test_every_outcome_is_included_and_each_sentence_is_listed_once(parse):
    text = "The sides agreed and signed an accord. Then they decided to leave."
    found = _found(parse, text)
    assert [o.text for o in found] == ["The sides agreed and signed an accord.",
                                       "Then they decided to leave."]
    assert all(o.include for o in found)


def test_the_same_outcome_in_two_sources_is_one_item_with_both_spans():
    one = Outcome("The sides agreed to a ceasefire on Friday.", [Span("a", 0, 42)], 0.85)
    two = Outcome("The sides agreed to a ceasefire on Friday.", [Span("b", 5, 47)], 0.9)
    other = Outcome("The court ruled against the ban.", [Span("b", 50, 82)], 0.9)
    merged = merge_outcomes([[one], [two, other]])
    assert [o.text for o in merged] == [one.text, other.text]
    assert merged[0].spans == [Span("a", 0, 42), Span("b", 5, 47)]
    assert merged[0].confidence == 0.9
    assert one.spans == [Span("a", 0, 42)]  # the inputs are left as they were


@pytest.mark.parametrize(
    "sentence",
    [
        "The sides affirmed their intention to sign the water treaty.",
        "Much work remains to be done before a deal can be signed.",
    ],
)
def test_an_agreement_in_a_clause_that_has_not_happened_is_not_an_outcome(parse, sentence):
    assert find_outcomes(sentences(parse("The talks ended. " + sentence))) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # people freed, measures ended or prolonged, something asked for granted
        "The authorities released the two journalists on Tuesday.",
        "The authorities freed the detained sailors on Monday.",
        "Norland lifted the ban on grain exports.",
        "The government lifted the curfew in the capital.",
        "The council extended the mandate of the mission by a year.",
        "The high court granted the opposition permission to appeal.",
        "The court granted bail to the opposition leader.",
        "The authorities granted the aid agencies access to the city.",
        # a refusal in a phrasal verb, a finding of a court or a regulator's block
        "Sudavia turned down the offer of mediation.",
        "The tribunal found the company liable for the spill.",
        "The regulator blocked the merger.",
    ],
)
def test_a_release_a_lifted_measure_a_grant_and_a_finding_are_outcomes(parse, sentence):
    assert _texts(parse, sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry released a statement on Tuesday.",
        "The company lifted its profit forecast.",
        "Norland has long refused to recognise the court.",
        "The opposition rejected claims that it had received foreign money.",
        "The minister extended his thanks to the hosts.",
        "The police found the car abandoned near the border.",
        "The rebels will release the hostages if the army withdraws.",
    ],
)
def test_a_statement_a_forecast_a_standing_refusal_or_a_denial_is_no_outcome(parse, sentence):
    assert _texts(parse, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The President announced $100 million in new humanitarian assistance for the region.",
        "The United States will provide an additional $50 million in humanitarian aid.",
        "The Vice President highlighted a $10 million commitment to support the region.",
        "The leaders signed a joint declaration on maritime cooperation.",
    ],
)
def test_a_sum_committed_and_a_declaration_signed_are_outcomes(parse, sentence):
    assert _texts(parse, "The leaders met on Monday. " + sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The fund could provide $5 million if donors agree.",
        "Norland said it would not give $5 million to the fund.",
        "If the talks succeed, Norland will provide $5 million.",
        "The new port will cost $50 million.",
    ],
)
def test_a_sum_that_may_be_given_or_only_costs_is_no_outcome(parse, sentence):
    assert _texts(parse, "The leaders met on Monday. " + sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The government said it accepted the cessation of hostilities.",
        "The rebels accepted the ceasefire.",
        "The truce was extended to the coastal province for another 72 hours.",
    ],
)
def test_an_agreement_accepted_and_a_truce_extended_are_outcomes(parse, sentence):
    assert _texts(parse, sentence) == [sentence]


def test_accepting_an_award_or_lifting_a_forecast_is_no_outcome(parse):
    text = "He accepted the award. The company lifted its forecast despite the ban."
    assert _texts(parse, text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The leaders welcomed the release of the hostages.",
        "The President congratulated the Prime Minister on the historic agreement.",
        "The President praised the agreement reached last week.",
        "The two sides restored diplomatic ties.",
    ],
)
def test_an_outcome_welcomed_praised_or_congratulated_and_ties_restored(parse, sentence):
    assert _texts(parse, sentence) == [sentence]


def test_praise_and_congratulations_for_other_things_are_no_outcomes(parse):
    text = (
        "The President praised the work of the aid agencies. "
        "The minister congratulated the team on its victory."
    )
    assert _texts(parse, text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The court on Monday suspended the gas supply agreement with Merrin.",
        "The signing ceremony has been postponed until parliament votes.",
        "Both sides had accepted a prisoner exchange of 200 detainees.",
        "The rebels have promised to release all child soldiers within six months.",
        "The two governments signed a letter of intent on a vaccination campaign.",
        "Minister Amira Saleh confirmed that Dalmar will train 1,500 health workers.",
        "Interior Minister Olaf Brenner said Norland would pay compensation to the family.",
        "The talks were attended by Carla Moretti, who said the bloc would fund new scanners.",
    ],
)
def test_a_suspension_an_exchange_accepted_a_promise_and_a_side_s_undertaking(parse, sentence):
    assert _texts(parse, "The talks ended in the evening. " + sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts said the deal would give Norland more leverage.",
        "The report confirmed that prices will rise.",
        "Olaf Brenner said Norland would pay compensation if the guard was found.",
        "The ministry signed a letter to the court.",
    ],
)
def test_a_forecast_a_condition_or_a_letter_is_no_undertaking(parse, sentence):
    assert _texts(parse, "The talks ended in the evening. " + sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Prime Minister Tobias Renn said Dalmar would not lift the export ban on maize.",
        "Minister Tariq Bensaid said Qaral would not allow foreign patrols in its waters.",
        "Olaf Brenner said Norland would not pay compensation.",
        "Under the pact, Ostria will release at least 40 percent of the river's flow.",
    ],
)
def test_a_side_s_refusal_told_by_its_representative_and_an_agreement_s_terms(parse, sentence):
    assert _texts(parse, "The talks ended in the evening. " + sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Minister Anton Weil said the truce would not apply to the north.",
        "Minister Anton Weil said Norland would not accept the plan if the talks failed.",
        "Analysts said prices would not rise.",
        "Under the old rules, Ostria will pay more if the river floods.",
    ],
)
def test_a_claim_a_conditional_refusal_a_forecast_or_a_condition_under_rules_is_none(
    parse, sentence
):
    assert _texts(parse, "The talks ended in the evening. " + sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a choice agreed, a body set up, formal letters exchanged
        "The two sides settled on a timetable for the withdrawal of the observers.",
        "The ministers set up a joint commission on water sharing.",
        "A monitoring board has been established to oversee the grants.",
        "The two sides exchanged letters on the transfer of the consulate building.",
        # what both sides state together is an agreed principle
        "Both sides affirmed that fishing boats may keep working in the shared zone.",
        # an agreement named with the participle that made it
        "The council welcomed the agreement reached on 28 November between the two armies.",
        # leaders setting their teams to work have decided something
        "The leaders tasked their teams with preparing a draft accord on river transport.",
        "The ministers instructed their officials to draft a plan for the port.",
        # a decision about a state that holds now is an outcome (and no next step)
        "The ministers agreed to keep the export quotas unchanged until the end of the year.",
    ],
)
def test_choices_bodies_letters_joint_principles_and_directions_are_outcomes(parse, sentence):
    assert _texts(parse, "The talks ended in the evening. " + sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The family settled in Canada.",
        "The spokesman said the ruling settled the matter.",
        "The children exchanged gifts.",
        "The minister affirmed that the border is safe.",
        "The ministers set up chairs in the hall.",
        "The council welcomed the visitors reached by boat.",
        '"It was a long night. We agreed to nothing," the envoy said.',
        '"It was a long night. Both sides agreed to a truce. We will see," the envoy said.',
    ],
)
def test_near_misses_of_those_and_a_continued_quotation_are_no_outcomes(parse, sentence):
    assert _texts(parse, "The talks ended in the evening. " + sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the extension, the interim accord remains in place.",
        "The chancellor thanked the president for the decision to release the funds.",
    ],
)
def test_terms_that_hold_under_an_agreement_and_a_decision_thanked_for_are_outcomes(
    parse, sentence
):
    assert _texts(parse, "The talks ended in the evening. " + sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the old rules, the firm pays a fee.",
        "The chancellor thanked the president for the dinner.",
    ],
)
def test_rules_and_thanks_for_no_decision_are_no_outcomes(parse, sentence):
    assert _texts(parse, "The talks ended in the evening. " + sentence) == []
