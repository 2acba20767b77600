"""The import's duplicate check keeps ids compactly (models/importing/seen.py) and exactly."""

import random

from models.importing.seen import SeenIds


def test_every_id_is_found_with_its_first_index_and_no_other_is() -> None:
    rng = random.Random(18)
    ids = [f"K-{n}" for n in rng.sample(range(10**9), 20_000)] + ["", "é", "\ud800", "K-1" * 50, "12", "012"]
    seen = SeenIds()
    for index, ext in enumerate(ids):
        assert seen.add(ext, index) is None
    for index, ext in enumerate(ids):
        assert seen.add(ext, index + 10**6) == index  # a second time: the first record's index
        assert ext in seen and seen.first(ext) == index
    assert len(seen) == len(ids)
    assert "K-" not in seen and "K-1" * 49 not in seen and "0012" not in seen and seen.first("e") is None
