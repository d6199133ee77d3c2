"""Perpetrator and location of each count (:class:`hasila.link.scope.ScopeReader`)."""

from __future__ import annotations

from link_parts import ontology, readers

from hasila.link import link


def _linked(markup: str):
    r, _ = readers(markup)
    return link(r.cx.text, r.cx.spans, ontology()).records


def test_a_marked_perpetrator_and_place_after_the_count() -> None:
    (rec,) = _linked("قتل [5|COUNT k=civilian] مدنيين جراء قصف [قوات النظام|ACTOR] على بلدة [كفرنبل|PLACE].")
    assert (rec.perpetrator, rec.location) == ("قوات النظام", "كفرنبل")


def test_an_unmarked_actor_is_no_perpetrator() -> None:
    (rec,) = _linked("قتل [5|COUNT k=civilian] مدنيين وقالت [قوات النظام|ACTOR] إنها ستحقق.")
    assert rec.perpetrator is None


def test_parts_take_their_parent_s_place() -> None:
    recs = _linked("قتل [9|COUNT k=civilian] مدنيين في [دوما|PLACE] بينهم [4|COUNT k=child] أطفال.")
    assert [r.location for r in recs] == ["دوما", "دوما"]


def test_the_scope_of_a_count_stops_at_the_next_top_level_count() -> None:
    r, nodes = readers("قتل 5 مدنيين في إدلب، وقتل 3 عناصر من قوات النظام في حماة.")
    for c in nodes:
        r.nouns.read_noun(c)
    assert r.scope.scope_end(nodes[0], nodes) == nodes[1].t0
    assert r.scope.scope_end(nodes[1], nodes) == len(r.cx.view) - 1  # the full stop
