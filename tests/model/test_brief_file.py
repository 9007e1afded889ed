"""The .brief file: load/save, clear rejections, and saves that cannot half-happen."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import BriefFileError
from briefgen.model import Brief, KeyPoint, Person, Source, Span, load_brief, save_brief
from briefgen.model.brief_file import brief_to_json


def _brief() -> Brief:
    text = "Ambassador Tomas Reyhan said talks would continue."
    return Brief(
        fields={"subject": "Talks", "to": "Director"},
        sources=[Source(id="src-1", text=text, title="Talks")],
        key_points=[KeyPoint(text, spans=[Span("src-1", 0, len(text))], score=0.9)],
        people=[Person("Tomas Reyhan", role="Ambassador", spans=[Span("src-1", 11, 23)])],
    )


def test_a_saved_brief_loads_back_equal(tmp_path: Path) -> None:
    path = tmp_path / "talks.brief"
    save_brief(_brief(), path)
    assert load_brief(path) == _brief()
    assert json.loads(path.read_text("utf-8"))["format"] == "briefgen.brief"


def test_a_file_from_before_dismissals_opens_with_none_and_saves_them_from_then_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.brief"
    path.write_text(
        '{"format": "briefgen.brief", "version": 1, "template": "information-memo",'
        ' "fields": {"subject": "Talks"}, "sources": [], "summary": {"text": "", "spans": []},'
        ' "people": [{"name": "Tomas Reyhan", "role": null, "organization": null,'
        ' "spans": []}], "edited": ["/people/0"]}',
        "utf-8",
    )
    brief = load_brief(path)
    assert brief.dismissed == []
    assert [p.name for p in brief.people] == ["Tomas Reyhan"]
    brief.dismissed.append("people:someone else")
    save_brief(brief, path)
    assert json.loads(path.read_text("utf-8"))["dismissed"] == ["people:someone else"]
    assert load_brief(path).dismissed == ["people:someone else"]


def test_saving_leaves_no_temporary_file_behind(tmp_path: Path) -> None:
    save_brief(_brief(), tmp_path / "a.brief")
    assert [p.name for p in tmp_path.iterdir()] == ["a.brief"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "not valid JSON (line 1"),
        (b"\xff\xfe\x00garbage", "not a UTF-8 text file"),
        (b"[1, 2]", "not a JSON object"),
        (json.dumps({"format": "briefgen.brief", "version": 99}).encode(), "newer briefgen"),
    ],
)
def test_a_bad_file_is_refused_with_one_sentence_naming_it(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.brief"
    path.write_bytes(content)
    with pytest.raises(BriefFileError) as info:
        load_brief(path)
    message = str(info.value)
    assert str(path) in message
    assert reason in message
    assert message.endswith(".")
    assert "\n" not in message


def test_a_missing_file_and_a_folder_are_named(tmp_path: Path) -> None:
    with pytest.raises(BriefFileError, match="does not exist"):
        load_brief(tmp_path / "nope.brief")
    with pytest.raises(BriefFileError, match="is a folder"):
        load_brief(tmp_path)


def test_saving_into_a_missing_folder_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "a.brief"
    with pytest.raises(BriefFileError, match="does not exist"):
        save_brief(_brief(), target)


@pytest.mark.skipif(os.name != "posix", reason="kills a child process with SIGKILL")
def test_a_save_killed_half_way_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "work.brief"
    save_brief(_brief(), path)
    before = path.read_bytes()
    # The child saves a huge brief through a writer slowed down to a crawl, and
    # is killed while the bytes are still going out.
    child = textwrap.dedent(
        f"""
        import os, sys, time
        from briefgen.model import Brief, KeyPoint, save_brief
        real_write = os.fdopen
        def slow_fdopen(*args, **kwargs):
            handle = real_write(*args, **kwargs)
            original = handle.write
            def write(data):
                for i in range(0, len(data), 4096):
                    original(data[i:i + 4096])
                    handle.flush()
                    if i == 4096 * 4:
                        print("writing", flush=True)
                    time.sleep(0.01)
                return len(data)
            handle.write = write
            return handle
        os.fdopen = slow_fdopen
        brief = Brief(key_points=[KeyPoint("x" * 200) for _ in range(5000)])
        save_brief(brief, {str(path)!r})
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", child], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert path.read_bytes() == before
    assert load_brief(path) == _brief()
    # The killed save's temporary file is removed by the next save once it is stale.
    (leftover,) = [p for p in tmp_path.iterdir() if p.name.startswith(".work.brief.")]
    save_brief(_brief(), path)
    assert leftover.exists()  # still fresh: it might be another program's save in progress
    stale = time.time() - 3600
    os.utime(leftover, (stale, stale))
    save_brief(_brief(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work.brief"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_new_file_is_as_readable_as_the_umask_allows_and_a_resave_keeps_its_mode(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shared.brief"
    old = os.umask(0o022)
    try:
        save_brief(_brief(), path)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    save_brief(_brief(), path)
    assert path.stat().st_mode & 0o777 == 0o600


def _valid_json(**extra: object) -> dict[str, object]:
    return {"format": "briefgen.brief", "version": 1, **extra}


def test_a_brief_starting_with_a_byte_order_mark_opens(tmp_path: Path) -> None:
    path = tmp_path / "bom.brief"
    path.write_bytes(b"\xef\xbb\xbf" + brief_to_json(_brief()).encode("utf-8"))
    assert load_brief(path) == _brief()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"format": "briefgen.brief", "version": 1, "fields": {"x": '
         + "[" * 900 + "]" * 900 + "}}", "nested more than"),
        ('{"format": "briefgen.brief", "version": 1, "fields": {"x": '
         + "[" * 5000 + "]" * 5000 + "}}", "nested too deeply"),
        ('{"format": "briefgen.brief", "version": 1, "fields": {"x": ' + "7" * 5000 + "}}",
         "number too large"),
        ('{"format": "briefgen.brief", "version": 1, "fields": {"x": ' + "7" * 40 + "}}",
         "number too large"),
        ('{"format": "briefgen.brief", "version": 1, "fields": {"x": NaN}}', "not finite"),
    ],
)
def test_a_hostile_structure_is_refused_with_one_sentence(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "deep.brief"
    path.write_text(text, "utf-8")
    with pytest.raises(BriefFileError) as info:
        load_brief(path)
    message = str(info.value)
    assert message.startswith(f"Cannot open {path}: ")
    assert reason in message
    assert message.endswith(".")
    assert len(message) < 300


def test_a_lone_surrogate_in_an_id_or_a_date_opens_as_a_replacement_and_saves(
    tmp_path: Path,
) -> None:
    path = tmp_path / "surrogate.brief"
    path.write_text(
        '{"format": "briefgen.brief", "version": 1, "sources": [{"id": "src-\\ud800", '
        '"text": "Talks.", "published": "2026-03-\\udc01"}], '
        '"dates": [{"text": "on \\ud83d day", "date": "\\udfff"}]}', "utf-8")
    brief = load_brief(path)
    assert brief.sources[0].id == "src-\ufffd"
    assert brief.sources[0].published == "2026-03-\ufffd"
    assert (brief.dates[0].text, brief.dates[0].date) == ("on \ufffd day", "\ufffd")
    save_brief(brief, path)
    assert load_brief(path) == brief


JSON_LEAVES = (st.none() | st.booleans() | st.integers() | st.floats()
               | st.text(st.characters(), max_size=8))
ANY_JSON = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                               max_size=3),
    max_leaves=40,
)
BRIEF_KEYS = st.sampled_from(["fields", "sources", "summary", "people", "quotes", "dates",
                              "edited", "dismissed", "key_points", "template", "version"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(members=st.dictionaries(BRIEF_KEYS, ANY_JSON, max_size=4),
       depth=st.integers(0, 3000))
def test_any_json_structure_opens_as_a_brief_or_is_refused_in_one_sentence(
    tmp_path_factory: pytest.TempPathFactory, members: dict[str, object], depth: int
) -> None:
    data = {**_valid_json(), **members}
    text = json.dumps(data, allow_nan=True)
    if depth:
        text = text[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    path = tmp_path_factory.mktemp("fuzz") / "any.brief"
    path.write_text(text, "utf-8")
    try:
        brief = load_brief(path)
    except BriefFileError as exc:
        refusal = str(exc)
    else:
        refusal = ""
    if refusal:
        assert refusal.startswith(f"Cannot open {path}: ")
        assert "\n" not in refusal
        return
    save_brief(brief, path)  # whatever opens can be saved and opened again, unchanged
    assert load_brief(path) == brief


def test_saving_through_a_symbolic_link_changes_its_target_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    real = tmp_path / "shared" / "talks.brief"
    real.parent.mkdir()
    save_brief(Brief(fields={"subject": "Before"}), real)
    link = tmp_path / "desk" / "talks.brief"
    link.parent.mkdir()
    link.symlink_to(Path("..") / "shared" / "talks.brief")
    save_brief(Brief(fields={"subject": "After"}), link)
    assert link.is_symlink()
    assert load_brief(real).fields == {"subject": "After"}
    assert sorted(p.name for p in real.parent.iterdir()) == ["talks.brief"]
    assert sorted(p.name for p in link.parent.iterdir()) == ["talks.brief"]


def test_a_chain_of_links_is_followed_and_a_dangling_one_creates_its_target(
    tmp_path: Path,
) -> None:
    (tmp_path / "first.brief").symlink_to("second.brief")
    (tmp_path / "second.brief").symlink_to("real.brief")
    save_brief(Brief(fields={"to": "Director"}), tmp_path / "first.brief")
    assert (tmp_path / "first.brief").is_symlink()
    assert (tmp_path / "second.brief").is_symlink()
    assert load_brief(tmp_path / "real.brief").fields == {"to": "Director"}


def test_a_link_that_loops_is_refused_in_one_sentence_naming_it(tmp_path: Path) -> None:
    (tmp_path / "a.brief").symlink_to("b.brief")
    (tmp_path / "b.brief").symlink_to("a.brief")
    with pytest.raises(BriefFileError) as info:
        save_brief(Brief(), tmp_path / "a.brief")
    message = str(info.value)
    assert str(tmp_path / "a.brief") in message
    assert "loops" in message
    assert message.endswith(".")
    assert "\n" not in message
    assert (tmp_path / "a.brief").is_symlink()


def test_a_source_path_with_bytes_that_are_not_utf8_saves_shown_escaped(
    tmp_path: Path,
) -> None:
    odd = os.fsdecode(b"/articles/caf\xe9 talks.txt")  # Latin-1 on a UTF-8 system
    brief = Brief(sources=[Source(id="src-1", text="Talks.", path=odd)],
                  fields={"subject": "lone \ud800 mark"})
    path = tmp_path / "odd.brief"
    save_brief(brief, path)
    loaded = load_brief(path)
    assert loaded.sources[0].path == "/articles/caf\\xe9 talks.txt"
    assert loaded.fields["subject"] == "lone \\ud800 mark"
