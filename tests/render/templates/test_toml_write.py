"""Writing manifests back as TOML that tomllib reads to the same data."""

from __future__ import annotations

import tomllib

from briefgen.render.templates.toml_write import dumps


def test_a_manifest_round_trips_through_tomllib() -> None:
    data = {
        "id": "weekly",
        "name": "Weekly \"EU\" note\\ \u00e9 \u65e5\n\ttab",
        "version": "1.2",
        "lists": ["summary", "key_points"],
        "files": {"html": "memo.html", "docx": "memo.docx"},
        "labels": {"title": "Weekly note", "odd key": "x"},
        "fields": [
            {"name": "to", "type": "text", "default": "Director", "required": True},
            {"name": "flag", "type": "bool", "default": False, "help": None},
            {"name": "who", "type": "people",
             "default": [{"name": "A", "role": "Chair"}, {"name": "B"}]},
            {"name": "n", "type": "text", "default": 3.5},
        ],
    }
    parsed = tomllib.loads(dumps(data))
    expected = dict(data)
    expected["fields"] = [dict(f) for f in data["fields"]]  # type: ignore[union-attr]
    del expected["fields"][1]["help"]
    assert parsed == expected


def test_a_delete_character_is_escaped_so_the_manifest_reads_back() -> None:
    import tomllib

    from briefgen.render.templates.toml_write import dumps

    assert tomllib.loads(dumps({"name": "a\x7fb"})) == {"name": "a\x7fb"}
