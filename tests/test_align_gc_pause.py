"""The collector paused during event alignment: back as it was after, whatever happens."""

from __future__ import annotations

import gc

import pytest

from fullpicture.align._util import gc_paused


def test_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: the inner block leaves it to the outer one
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error() -> None:
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_off_setting_and_disabled_collector_left_alone() -> None:
    with gc_paused(enabled=False):
        assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # was off before: stays off
    finally:
        gc.enable()


def test_cluster_leaves_the_collector_on() -> None:
    from bench.bench_align import synthetic

    from fullpicture.align import _events

    feats, _ = synthetic(200)
    cfg = {"gc_pause": True}
    labels, stats = _events.cluster(feats, cfg)
    assert gc.isenabled()
    assert len(labels) == 200 and stats["mentions"] == 200
