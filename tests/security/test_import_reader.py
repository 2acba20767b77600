"""The import reader against hostile files: the crashers found in the penetration test, and the
lenient parsing it reported. No database: the reader and the whole-file validation are pure.

Each test asserts what the person who sent the file reads back (the path and a short message)
and, for the crasher, that the process survives (a subprocess, so a segfault fails the test
instead of killing the run).
"""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from models.importing.reader import MAX_DEPTH, NotJson, iter_items
from models.importing.validate import validate_file

CANDIDATE = {"external_id": "K-1", "first_name": "Amina", "last_name": "Rachidi", "birth_date": "1990-04-02",
             "city": "Dronten"}


def errors_of(body: bytes | str) -> list[str]:
    data = body.encode() if isinstance(body, str) else body
    errors, _counts = validate_file(io.BytesIO(data), set())
    return errors.items


def doc(**candidate_fields) -> str:
    return json.dumps({"format": "werkbrug-import/1", "candidates": [{**CANDIDATE, **candidate_fields}]})


def with_raw(field: str, raw: str) -> str:
    """The document with ``raw`` JSON text as the value of ``field`` of the first candidate."""
    return doc(**{field: "@@"}).replace('"@@"', raw)


def test_a_valid_document_has_no_errors():
    assert errors_of(doc()) == []


def test_long_numbers_do_not_kill_the_process():
    """4,301 digits used to end in SIGSEGV inside the C parser: run it where a crash shows as one."""
    script = ("import io; from models.importing.validate import validate_file\n"
              "for n in (4300, 4301, 100_000):\n"
              "    body = b'{\"format\": \"werkbrug-import/1\", \"x\": ' + b'9' * n + b'}'\n"
              "    errors, _ = validate_file(io.BytesIO(body), set())\n"
              "    print(errors.items)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert run.returncode == 0, (run.returncode, run.stderr[-500:])
    assert run.stdout.decode().count("x: a number is too long") == 3


@pytest.mark.parametrize("digits", (4300, 4301, 100_000))
def test_a_long_number_is_refused_with_its_path_and_a_short_message(digits):
    (line,) = errors_of(with_raw("hours_min", "9" * digits))
    assert line.startswith("candidates[0].hours_min: a number is too long")
    assert len(line) < 200  # the value is not repeated


def test_a_number_just_beyond_64_bits_and_a_huge_exponent_are_refused():
    assert errors_of(with_raw("hours_min", "18446744073709551616"))[0].startswith("candidates[0].hours_min:")
    assert "too large" in errors_of(with_raw("hours_min", "1e99999"))[0]


def test_a_long_fraction_is_not_a_whole_number():
    (line,) = errors_of(with_raw("hours_min", "1." + "9" * 5000))
    assert line.startswith("candidates[0].hours_min:") and "whole number" in line and len(line) < 200


@pytest.mark.parametrize("depth", (MAX_DEPTH + 1, 10_000, 100_000))
def test_deep_nesting_is_refused_while_streaming(depth):
    body = '{"format": "werkbrug-import/1", "x_extra": ' + "[" * depth + "]" * depth + "}"
    (line,) = errors_of(body)
    assert line == f"x_extra: is nested more than {MAX_DEPTH} levels deep"


def test_deep_nesting_inside_a_record_names_the_field():
    # 50,000 levels inside a record ended in a RecursionError (500) in the schema validation.
    (line,) = errors_of(with_raw("skills", "[" * 50_000 + "]" * 50_000))
    assert line == f"candidates[0].skills: is nested more than {MAX_DEPTH} levels deep"


def test_the_nesting_the_format_needs_is_accepted():
    assert errors_of(doc(skills=["heftruck", "inpakken"], certificates=["VCA"])) == []


@pytest.mark.parametrize("raw", ('"Am\\u0000ina"', '"\\ud800"', '"x\\udfff"', '"a\\ud800\\u0041"', '"\\uffff"'))
def test_nul_lone_surrogates_and_non_characters_are_refused_with_the_path(raw):
    (line,) = errors_of(with_raw("first_name", raw))
    assert line.startswith("candidates[0].first_name: the text") and "not allowed" in line


def test_surrogate_pairs_and_an_escaped_backslash_before_u_are_text():
    assert errors_of(with_raw("about", '"emoji \\ud83d\\ude00"')) == []
    assert errors_of(with_raw("about", '"C:\\\\ud800 is a folder"')) == []


@pytest.mark.parametrize("shift", range(-14, 2))
def test_a_lone_surrogate_across_a_read_boundary_is_still_found(shift):
    """The guard reads in chunks: a surrogate escape split over two reads is judged as a whole."""
    head = with_raw("x_note", '"@@"')  # an extra field: no length limit
    pad = 65536 - head.index('"@@"') - 1 + shift
    body = head.replace('"@@"', '"' + "a" * pad + '\\ud800"')
    (line,) = errors_of(body)
    assert line.startswith("candidates[0].x_note: the text")
    paired = head.replace('"@@"', '"' + "a" * pad + '\\ud83d\\ude00"')
    assert errors_of(paired) == []


@pytest.mark.parametrize("control", ("\u202e", "\u2066", "\u200f"))
def test_bidi_controls_are_refused_in_names_but_not_in_free_text(control):
    (line,) = errors_of(doc(last_name=f"Rachidi{control}gpj.exe"))
    assert line.startswith("candidates[0].last_name:") and "direction control" in line
    assert errors_of(doc(about=f"Arabisch: {control}مرحبا")) == []


@pytest.mark.parametrize("tail", ("x", "{}", '{"format": "werkbrug-import/1"}', "]"))
def test_data_after_the_closing_brace_is_refused(tail):
    assert errors_of(doc() + " " + tail) == ["there is data after the closing brace of the document"]


def test_white_space_after_the_closing_brace_is_fine():
    assert errors_of(doc() + " \n\t ") == []


def test_messages_quote_only_a_short_excerpt():
    for field, value in (("education", "x" * 5000), ("external_id", "K" * 5000), ("hours_min", 10 ** 300)):
        lines = errors_of(doc(**{field: value}) if field != "hours_min" else with_raw(field, str(value)))
        assert lines and all(len(line) < 200 for line in lines), lines
    long_key = "q" * 5000
    lines = errors_of(json.dumps({"format": "werkbrug-import/1", long_key: 1}))
    assert lines and all(len(line) < 200 for line in lines)


def test_the_reader_raises_not_json_with_a_path():
    with pytest.raises(NotJson) as caught:
        list(iter_items(io.BytesIO(with_raw("ladder", "[" * 20 + "]" * 20).encode())))
    assert caught.value.path == "candidates[0].ladder"
