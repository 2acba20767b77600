"""bench.quality.melo on a small MELO-format folder: the metrics, the feedback protocol, bad arguments."""

import json

import numpy as np
import pytest

from bench.quality import melo

CORPUS = {  # element id -> (concept uri, text)
    "C1_nl_000": ("u:pilot", "piloot"), "C1_nl_001": ("u:pilot", "verkeersvlieger"),
    "C2_nl_000": ("u:cook", "kok"), "C2_nl_001": ("u:cook", "chef-kok"),
    "C3_nl_000": ("u:cleaner", "schoonmaker"), "C3_nl_001": ("u:cleaner", "glazenwasser"),
    "C4_nl_000": ("u:driver", "vrachtwagenchauffeur"),
}
QUERIES = {  # query id -> (text, relevant element ids)
    "Q1": ("Piloot", ["C1_nl_000", "C1_nl_001"]),
    "Q2": ("Kok", ["C2_nl_000"]),
    "Q3": ("Schoonmaker", ["C3_nl_000", "C3_nl_001"]),
    "Q4": ("Vrachtwagenchauffeur", ["C4_nl_000"]),
    "Q5": ("Poetshulp", ["C3_nl_000"]),
    "Q6": ("Poetshulp kantoren", ["C3_nl_000"]),
}


@pytest.fixture()
def folder(tmp_path):
    def write(name, rows):
        (tmp_path / name).write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")

    write("corpus_elements.tsv", [(e, t) for e, (_, t) in CORPUS.items()])
    write("concept_mapping.tsv", [(e, u) for e, (u, _) in CORPUS.items()])
    write("queries.tsv", [(q, t) for q, (t, _) in QUERIES.items()])
    write("annotations.tsv", [(q, "0", e, "1") for q, (_, rel) in QUERIES.items() for e in rel])
    return tmp_path


def last_json(capsys) -> dict:
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_zero_shot_metrics_on_exact_titles_and_one_unknown_wording(folder, capsys) -> None:
    assert melo.main([str(folder), "--json", "--semantic", "off"]) == 0
    metrics = last_json(capsys)
    assert metrics["n_queries"] == 6
    assert metrics["protocol"] == "zero-shot" and metrics["semantic"] is False
    # four exact titles are found first; "Poetshulp" shares no letters with any cleaner label
    melo_data = melo.Melo.read(folder)
    assert [q for q, _ in melo_data.queries] == list(QUERIES)
    assert 4 / 6 <= metrics["mrr"] < 1.0
    assert metrics["success_at_10"] == 1.0  # seven elements: every query finds its gold in ten


def test_rank_metrics_follow_their_definitions() -> None:
    scores = np.asarray([0.9, 0.8, 0.7, 0.6])
    rr, ap, success, recall = melo.rank_metrics(scores, np.asarray([1, 3]))
    assert rr == 0.5
    assert ap == pytest.approx((1 / 2 + 2 / 4) / 2)
    assert (success, recall) == (1.0, 1.0)
    # ties keep element order
    assert melo.rank_metrics(np.zeros(4), np.asarray([2]))[0] == pytest.approx(1 / 3)


def test_feedback_adds_only_other_folds_queries_as_aliases(folder) -> None:
    data = melo.Melo.read(folder)
    folds = melo.folds_of(data, 2)
    assert set(folds) == {0, 1}
    assert np.array_equal(folds, melo.folds_of(data, 2))  # stable
    train = np.flatnonzero(folds == 0)
    concepts = {c.id: c for c in melo.with_feedback(data, train)}
    added = {alias for c in concepts.values() for alias in c.aliases} - {
        t for e, (_, t) in CORPUS.items() if not e.endswith("_000")}
    assert added == {data.queries[i][1] for i in train}
    for i in train:
        for uri in data.gold_uris(int(i)):
            assert data.queries[i][1] in concepts[uri].aliases or data.queries[i][1].casefold() == concepts[uri].label


def test_feedback_protocol_learns_from_the_other_queries(folder, capsys) -> None:
    melo.main([str(folder), "--json", "--semantic", "off"])
    zero_shot = last_json(capsys)
    melo.main([str(folder), "--json", "--semantic", "off", "--feedback", "2"])
    feedback = last_json(capsys)
    assert feedback["protocol"] == "feedback-2-fold"
    data = melo.Melo.read(folder)
    folds = dict(zip((q for q, _ in data.queries), melo.folds_of(data, 2)))
    # Q5 "Poetshulp" and Q6 "Poetshulp kantoren" sit in different folds: each is linked to the
    # cleaner through the other, which a coordinator linked before.
    assert folds["Q5"] != folds["Q6"]
    assert feedback["mrr"] == 1.0 > zero_shot["mrr"]


@pytest.mark.parametrize(("args", "message"), [
    (["--feedback", "1"], "--feedback: give 0 (zero-shot) or a number of folds of at least 2"),
    (["--order", "best"], "argument --order: invalid choice"),
])
def test_bad_arguments_are_named(folder, capsys, args, message) -> None:
    with pytest.raises(SystemExit) as stop:
        melo.main([str(folder), "--semantic", "off", *args])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_a_folder_without_melo_files_is_refused(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        melo.main([str(tmp_path), "--semantic", "off"])
    assert f"folder: {tmp_path} has no corpus_elements.tsv" in capsys.readouterr().err
