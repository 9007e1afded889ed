"""Participants: who the text says took part, told apart from the people only mentioned."""

from __future__ import annotations

from briefgen.extract.entities import find_mentions
from briefgen.extract.participants import mark_participants
from briefgen.extract.people import build_people


def _participants(parse, text: str) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    parsed = parse(text)
    people = build_people(find_mentions(parsed))
    mark_participants(people, [parsed])
    return {p.name: p.participant for p in people}


def test_leads_and_representatives_take_part_and_a_later_spokesperson_does_not(parse):
    text = (
        "The Norland delegation was led by Deputy Foreign Minister Ingrid Halvorsen, and "
        "Estavia was represented by Ambassador Tomas Reyes. The talks focused on visas.\n\n"
        "Foreign ministry spokesperson Lena Okafor later said the mood was good."
    )
    assert _participants(parse, text) == {
        "Ingrid Halvorsen": True, "Tomas Reyes": True, "Lena Okafor": False,
    }


def test_people_who_met_or_attended_take_part_but_not_one_who_did_not_attend(parse):
    text = (
        "Prime Minister Anika Solberg met President Oskar Lind in Valmont on Monday. "
        "The session was also attended by Finance Minister Rui Costa.\n\n"
        "Interior Minister Paulo Brandt, who did not attend, criticised the meeting."
    )
    found = _participants(parse, text)
    assert found["Anika Solberg"]
    assert found["Oskar Lind"]
    assert found["Rui Costa"]
    assert found["Paulo Brandt"] is False


def test_a_minister_named_in_passing_is_only_mentioned(parse):
    text = (
        "Envoys Mara Quint and Jonas Feld held talks in Valmont on Friday. The plan recalls "
        "one drafted years ago by former minister Edda Varga."
    )
    found = _participants(parse, text)
    assert found["Mara Quint"]
    assert found["Jonas Feld"]
    assert found["Edda Varga"] is False


def test_the_headline_meeting_and_a_joint_discussion_make_both_sides_participants(parse):
    text = (
        "Readout of President Arne Dahl’s Meeting with Prime Minister Lise Moen\n\n"
        "The two leaders reviewed trade and the harbor.\n\n"
        "Minister Ola Berg and Minister Karin Aas discussed fishing quotas."
    )
    found = _participants(parse, text)
    assert found["Arne Dahl"]
    assert found["Lise Moen"]
    assert found["Ola Berg"]
    assert found["Karin Aas"]


def test_people_in_a_planned_call_or_an_earlier_summit_or_a_future_meeting_are_not(parse):
    text = (
        "President Arne Dahl met Prime Minister Lise Moen in Valmont. They agreed to pursue "
        "a call between President Dahl and Chancellor Otto Brandt, and recalled the summit "
        "between Moen and King Harald Sten last year. Foreign Minister Pia Lund will meet "
        "Moen next week, and Minister Jon Vik plans to meet Dahl in May."
    )
    found = _participants(parse, text)
    assert found["Arne Dahl"]
    assert found["Lise Moen"]
    assert not found["Otto Brandt"]
    assert not found["Harald Sten"]
    assert not found["Pia Lund"]
    assert not found["Jon Vik"]


def test_a_speaker_after_the_meeting_and_the_signers_of_a_joint_statement_took_part(parse):
    text = (
        "Foreign Minister Rafael Okoye, speaking to reporters after a meeting in Valmont, "
        "said the deal would hold.\n\n"
        "A joint statement by Prime Minister Ilse Marr and President Teo Vance followed. "
        "Defence Minister Kurt Aalto said in a statement the plan was weak.\n\n"
        "On the sidelines of the forum, Chancellor Nadia Holm met President Ivo Pesic."
    )
    found = _participants(parse, text)
    assert found["Rafael Okoye"]
    assert found["Ilse Marr"]
    assert found["Teo Vance"]
    assert not found["Kurt Aalto"]
    assert found["Nadia Holm"]
    assert found["Ivo Pesic"]


def test_a_delegation_lead_named_after_a_long_title_is_listed_by_full_name(parse):
    text = (
        "The Estavian side was led by the Deputy Minister of Foreign Affairs and Regional "
        "Cooperation, Sara Lindqvist, and the Norland side by Ambassador Tomas Reyes. "
        "Lindqvist said the talks were useful."
    )
    parsed = parse(text)
    people = build_people(find_mentions(parsed))
    mark_participants(people, [parsed])
    lead = next(p for p in people if p.name.endswith("Lindqvist"))
    assert lead.name == "Sara Lindqvist"
    assert lead.participant
    assert lead.role == "Deputy Minister of Foreign Affairs and Regional Cooperation"


def test_a_person_described_as_leading_the_talks_in_a_relative_clause_took_part(parse):
    text = "Envoy Mara Quint, who chaired the talks in Valmont, said progress was slow."
    assert _participants(parse, text) == {"Mara Quint": True}


def test_the_envoy_a_country_sent_to_the_talks_takes_part_but_not_whom_a_letter_went_to(parse):
    text = (
        "The Valdorian delegation was led by Deputy Minister Karin Olsen, while Ostria sent "
        "Ambassador Pavel Marek, the head of its treaty department.\n\n"
        "The ministry later sent a letter to Senator Joan Pike about the visas."
    )
    assert _participants(parse, text) == {
        "Karin Olsen": True, "Pavel Marek": True, "Joan Pike": False,
    }


def test_leaders_of_a_group_that_met_take_part_when_they_speak_of_it(parse):
    text = (
        "Union leaders failed to agree a deal with Premier Arno Stave on Monday, and a "
        "final statement by all Union leaders and Stave left the details open. Norland's "
        "Prime Minister Lise Dahl summed up the mood, saying the chair Ola Berg would take "
        "the plan forward. Osterian President Marc Vidal said more money could be offered. "
        "Former President Ivo Kern said the talks were doomed."
    )
    assert _participants(parse, text) == {
        "Arno Stave": True,
        "Lise Dahl": True,
        "Ola Berg": False,
        "Marc Vidal": True,
        "Ivo Kern": False,
    }


def test_ministers_of_a_group_that_met_take_part_only_with_the_same_portfolio(parse):
    text = (
        "Foreign ministers of the bloc met in Valmont on Tuesday. Estavian Foreign Minister "
        "Clara Holt said the sanctions would stay. Finance Minister Rudi Popp said the "
        "budget was tight."
    )
    assert _participants(parse, text) == {"Clara Holt": True, "Rudi Popp": False}


def test_a_leader_speaking_without_a_group_at_the_meeting_is_only_mentioned(parse):
    text = (
        "President Tom Hale met Prime Minister Ana Serra on Monday. Chancellor Eva Lind, "
        "who was not there, said the meeting was useful."
    )
    assert _participants(parse, text) == {
        "Tom Hale": True, "Ana Serra": True, "Eva Lind": False,
    }


def test_a_host_and_the_guest_welcomed_both_take_part_but_not_a_welcomed_decision(parse):
    text = (
        "President Tom Hale welcomed President Ari Kessel of Norland to the White House "
        "today. Kessel welcomed the ruling by judge Mona Frey."
    )
    assert _participants(parse, text) == {
        "Tom Hale": True, "Ari Kessel": True, "Mona Frey": False,
    }


def test_a_surname_the_model_left_unlabelled_still_marks_the_person(parse):
    text = (
        "GENEVA Secretary of State Tim Rowe said on Monday that the sides were getting "
        "closer. Rowe held talks in Geneva with Foreign Minister Adel Saqr."
    )
    assert _participants(parse, text) == {"Tim Rowe": True, "Adel Saqr": True}


def test_people_of_a_meeting_that_was_only_planned_are_not_participants(parse):
    text = (
        "The trip of Secretary Tim Rowe to Oslo was called off. The dialogue was to be led "
        "by Assistant Secretary Tomasina Wells, and Rowe is to meet Foreign Minister Adel "
        "Saqr next month."
    )
    assert _participants(parse, text) == {
        "Tim Rowe": False, "Tomasina Wells": False, "Adel Saqr": False,
    }


def test_a_call_a_sit_down_and_a_meeting_in_a_leading_phrase_mark_both_sides(parse):
    text = (
        "Hale also spoke by phone with Chancellor Greta Wolff. Secretary Tim Rowe sat down "
        "with his counterpart, Foreign Minister Adel Saqr, for two hours.\n\n"
        "In a meeting with Ambassador Jon Eriksen, Minister Hana Kobe raised the case of "
        "detained reporter Luis Vega."
    )
    found = _participants(parse, text)
    assert found["Greta Wolff"]
    assert found["Tim Rowe"]
    assert found["Adel Saqr"]
    assert found["Jon Eriksen"]
    assert found["Hana Kobe"]
    assert found["Luis Vega"] is False


def test_talks_that_brought_people_together_mark_them(parse):
    text = (
        "The talks, chaired by envoy Lina Marsh, brought together Foreign Minister Adel "
        "Saqr and his Norland counterpart Piet Haldane. Saqr later thanked President Vera "
        "Holm for her letter."
    )
    assert _participants(parse, text) == {
        "Lina Marsh": True, "Adel Saqr": True, "Piet Haldane": True, "Vera Holm": False,
    }


def test_people_of_an_earlier_meeting_are_not_participants(parse):
    text = (
        "Secretary Tim Rowe met Foreign Minister Adel Saqr in Oslo on Monday. The meeting "
        "follows President Vera Holm's visit to Norland last year, when she met King Olaf "
        "Brun. Saqr met Queen Ida Lund in Bergen last year."
    )
    assert _participants(parse, text) == {
        "Tim Rowe": True,
        "Adel Saqr": True,
        "Vera Holm": False,
        "Olaf Brun": False,
        "Ida Lund": False,
    }


def test_two_people_who_each_spoke_did_not_thereby_meet(parse):
    text = "Secretary of Commerce Gina Lott and Governor Amos Reed spoke at the fair."
    assert _participants(parse, text) == {"Gina Lott": False, "Amos Reed": False}


def test_a_delegation_s_members_its_leader_after_a_long_title_and_a_mediator_take_part(parse):
    text = (
        "The Valdoran delegation included Trade Minister Lucas Ferren and Ambassador Nadia "
        "Kowal. Saskar's delegation, led by the Director General for Maritime Affairs at the "
        "Foreign Ministry, Marta Novak, rejected the offer. The talks, mediated by the Nordic "
        "envoy Lena Haugen, broke up on Friday. Ferren said Prime Minister Tomas Berg would "
        "decide."
    )
    assert _participants(parse, text) == {
        "Lucas Ferren": True, "Nadia Kowal": True, "Marta Novak": True, "Lena Haugen": True,
        "Tomas Berg": False,
    }


def test_a_side_s_negotiator_speaking_about_the_talks_took_part(parse):
    text = (
        "Talks on fishing quotas broke up on Thursday without a deal. Corvan's chief "
        "negotiator, Deputy Minister Erik Salo, said his delegation had offered to cut its "
        "fleet. A spokesman for the ministry, Viktor Lanz, said the talks were useful."
    )
    assert _participants(parse, text) == {"Erik Salo": True, "Viktor Lanz": False}


def test_office_holders_of_two_sides_who_agreed_together_both_took_part(parse):
    text = (
        "The foreign ministers of Norland and Estria agreed on Tuesday to resume talks on "
        "the river border. Norland's Foreign Minister Tomas Keller said the crossing would "
        "reopen. Estria's Foreign Minister Ilse Varga said her government wanted access to "
        "the river. Estria's Finance Minister Ola Berg said the budget was tight."
    )
    found = _participants(parse, text)
    assert found["Tomas Keller"] is True
    assert found["Ilse Varga"] is True
    assert found["Ola Berg"] is False  # not of the group that met
