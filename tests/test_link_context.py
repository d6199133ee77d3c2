"""The linker's shared context: numbers → count nodes and the small helpers every reader asks."""

from __future__ import annotations

from link_parts import ontology, readers

from hasila.link.context import ByStart, mix, noun_of, status_of_word, with_ids
from hasila.link.text import key
from hasila.schema import Span


def test_trigger_words_name_their_status() -> None:
    assert status_of_word(key("قتل")) == "killed"
    assert status_of_word(key("وأصيب")) == "injured"  # a glued و is read over
    assert status_of_word(key("جرحى")) == "injured"
    assert status_of_word(key("بيت")) is None


def test_mix_names_coordinated_groups_as_one_kind() -> None:
    onto = ontology()
    assert mix([], onto) is None
    assert mix(["child", "child"], onto) == "child"
    assert mix(["child", "woman"], onto) == "civilian"
    assert mix(["regime", "fighter"], onto) == "combatant"
    assert mix(["fighter", "jihadist"], onto) == "fighter"
    assert mix(["civilian", "fighter"], onto) == "people"
    # civil defence, medics and journalists have ids of their own: with civilians, people
    assert mix(["civilian", "rescue"], onto) == "people"
    assert mix(["woman", "medic"], onto) == "people"


def test_with_ids_names_unnamed_spans_without_clashing() -> None:
    spans = [Span(10, 12, "PLACE", "ab"), Span(0, 3, "COUNT", "abc", id="_l1"), Span(4, 6, "ACTOR", "cd")]
    out = with_ids(spans)
    assert [s.start for s in out] == [0, 4, 10]
    assert [s.id for s in out] == ["_l1", "_l2", "_l3"]


def test_by_start_lists_spans_starting_in_a_range() -> None:
    spans = ByStart([Span(9, 12, "PLACE", "x"), Span(0, 2, "PLACE", "y"), Span(5, 7, "PLACE", "z")])
    assert [s.start for s in spans.between(0, 9)] == [0, 5]
    assert spans.between(13, 40) == []


def test_collect_makes_a_node_per_count_and_keeps_dates_out() -> None:
    r, nodes = readers("قتل 12 مدنيا في 3 آذار.\nوأصيب 4 أشخاص.")
    assert [(c.value, c.paragraph) for c in nodes] == [(12, 0), (4, 1)]
    assert nodes[1].sentence > nodes[0].sentence
    assert [n.reason for n in r.cx.non_counts] == ["date"]
    assert r.cx.number_at(nodes[0].t0) and not r.cx.number_at(0)
    assert r.cx.trigger_status(0) == "killed"
    assert noun_of(nodes[0]) == ""  # no noun read yet
