"""Tests for briefgen/intake/language.py: the cheap English check."""

from __future__ import annotations

import pytest
from support.builders import BODY, FRENCH_TEXT

from briefgen.intake.language import NOT_ENGLISH_WARNING, english_share, language_warning

GERMAN = (
    "Der Hafenrat hat am Dienstag einen neuen Fahrplan für die Fähren zu den Inseln "
    "beschlossen. Damit endet ein Streit, der Pendler seit dem Herbst ohne Abendverbindung "
    "gelassen hatte. Die Vorsitzende sagte, der Plan bringe zwei zusätzliche Fahrten an "
    "jedem Werktag und stelle die späte Abfahrt am Freitag wieder her."
)
SPANISH = (
    "El consejo del puerto aprobó el martes un nuevo horario de transbordadores para las "
    "islas, poniendo fin a una disputa que había dejado a los viajeros sin servicio "
    "nocturno desde el otoño. La presidenta dijo que el plan añadiría dos travesías cada "
    "día laborable y restablecería la última salida de los viernes."
)


def test_english_news_text_gets_no_warning() -> None:
    assert language_warning(BODY) is None


@pytest.mark.parametrize("text", [FRENCH_TEXT, GERMAN, SPANISH], ids=["fr", "de", "es"])
def test_other_languages_get_the_warning(text: str) -> None:
    assert language_warning(text) == NOT_ENGLISH_WARNING


def test_warning_is_one_sentence() -> None:
    assert NOT_ENGLISH_WARNING.count(".") == 1
    assert NOT_ENGLISH_WARNING.endswith(".")


def test_too_short_a_text_is_not_judged() -> None:
    assert english_share("Bonjour tout le monde") is None
    assert language_warning("Bonjour tout le monde") is None


def test_english_share_of_news_prose_is_high() -> None:
    share = english_share(BODY)
    assert share is not None
    assert share > 0.25
