"""The actor lexicon: the phrases of ``configs/actors.yaml`` and their category ids."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hasila.config import read_yaml
from hasila.errors import UserError
from hasila.fileio import project_root
from hasila.link.text import key, keys

#: States acting as parties (``قصفت إسرائيل``); after في/إلى/من they are places.
STATE_ACTORS: tuple[str, ...] = ("روسيا", "إسرائيل", "إيران", "تركيا", "الولايات المتحدة", "واشنطن", "موسكو",
                                 "أنقرة", "طهران", "الكرملين", "أمريكا", "أميركا", "بريطانيا", "المملكة المتحدة",
                                 "لندن", "باريس", "ألمانيا", "برلين", "السعودية", "قطر", "الإمارات", "كندا", "الصين",
                                 "بكين")

#: Verbs whose subject, a state or capital named right after them, acts as a party (``نفت دمشق``,
#: ``أعلنت فرنسا``, ``الذي نفته دمشق``): the name is an ACTOR there, not a PLACE.
ACTING_VERBS: frozenset[str] = keys("""
    أعلنت قالت نفت أكدت اتهمت طالبت هددت رفضت دعت وعدت سارعت شنت حذرت أرسلت قررت ردت أبلغت اعتبرت
    أدانت نددت تعهدت قدمت وافقت حافظت أعربت أوضحت كشفت استدعت أغلقت سحبت عرضت اقترحت هاجمت قصفت
    اتبعت ساعدت دعمت نشرت منعت سمحت أكدته نفته أعلنته اتبعتها
    تنوي تعتزم تتهم تنفي تؤكد تطالب تدعو ترفض تهدد تقول تسعى تواصل تدعم تحاول تقدمان تتهمان
    أعلن قال نفى أكد اتهم طالب هدد رفض دعا شن حذر قرر أبلغ اعتبر أدان ندد تعهد وافق أعرب
    شنتها شنها توصلت شددت طلبت وجهت حشدت رعت اتفقت تصنف أجرت فرضت تبنت طردت نفذت أطلقت
    """)

#: Actor fields of configs/actors.yaml that hold phrases.
PHRASE_FIELDS: tuple[str, ...] = ("names", "allies", "air", "helicopter", "drone", "ground", "gunmen")


@dataclass(frozen=True)
class ActorLexicon:
    """Actor phrases (folded key tuple → surface phrase and category id)."""

    phrases: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    source: str = "<none>"

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorLexicon:
        """Read ``configs/actors.yaml`` (phrases written ``a|b`` give both forms)."""
        path = Path(path) if path is not None else project_root() / "configs" / "actors.yaml"
        data = read_yaml(path)
        actors = data.get("actors")
        if not isinstance(actors, list):
            raise UserError(f"{path}: 'actors' must be a list")
        phrases: dict[tuple[str, ...], tuple[str, str]] = {}
        for n, actor in enumerate(actors):
            if not isinstance(actor, dict):
                raise UserError(f"{path}: actors[{n}]: expected a mapping")
            category = str(actor.get("category") or "other")
            for fld in PHRASE_FIELDS:
                items = actor.get(fld) or []
                if not isinstance(items, list):
                    raise UserError(f"{path}: actors[{n}].{fld}: expected a list")
                for item in items:
                    for form in str(item).split("|"):
                        form = form.strip()
                        if form:
                            phrases.setdefault(tuple(key(form).split()), (form, category))
        return cls(phrases, str(path))

    @classmethod
    def from_phrases(cls, items: Iterable[tuple[str, str]]) -> ActorLexicon:
        """A lexicon from ``(phrase, category)`` pairs (tests, custom lists)."""
        return cls({tuple(key(p).split()): (p, c) for p, c in items}, "<list>")

    @functools.cached_property
    def max_len(self) -> int:
        return max((len(k) for k in self.phrases), default=1)


__all__ = ["ACTING_VERBS", "PHRASE_FIELDS", "STATE_ACTORS", "ActorLexicon"]
