"""The collector pause of large imports: nested and failing pauses leave it as they found it."""

import gc

import pytest

from website.bulk_work import collections_paused


def test_nested_pauses_switch_the_collector_back_on_once_and_after_an_error():
    assert gc.isenabled()
    with collections_paused():
        assert not gc.isenabled()
        with pytest.raises(RuntimeError), collections_paused():
            raise RuntimeError
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_already_off_stays_off():
    gc.disable()
    try:
        with collections_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
