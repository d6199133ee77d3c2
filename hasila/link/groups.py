"""Which group the words at a token name: ``قوات النظام``, ``مقاتلي الفصائل والمدنيين``.

:class:`GroupReader` answers, for a token or a phrase, the category of the group or
noun it names (coordinated groups mixed into one id, a head alone such as ``الفرقة``
resolved to the group named in full before it, an unknown unit tied to a known
group); the other readers of the linker ask it.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from hasila.link import cues
from hasila.link.context import Reader, mix, status_of_word
from hasila.link.numbers import (
    construct_noun_category,
    group_after,
    group_first_words,
    human_losses,
    noun_category,
    possessed_noun_category,
    possessed_people,
)
from hasila.link.text import TokenView, key, keys, variants
from hasila.link.tree import CountNode

#: ``في``: a people noun right after it says where (``في المعتقلات``: in the prisons), not who.
_IN = key("في")

#: Member nouns before a group's name in a phrase (``عناصر``, ``أعضاء``, ``إرهابيي``).
_MEMBERS = cues.MEMBER_NOUNS | frozenset(key(w) for w in ("أعضاء", "إرهابيي", "ارهابيي", "مقاتلو", "مسلحو"))
#: Groups by a short name (al-Qaeda, al-Shabaab), read only after member nouns or ``من``.
_SHORT_NAMES = {key("القاعدة"): "jihadist", key("الشباب"): "jihadist", key("الكردستاني"): "fighter"}
_QUOTES = "«»\"“”'()"
ARMED_NOUNS = frozenset({"people", "fighter", "combatant", "regime", "man"})
#: Nouns a nationality after makes a state's forces (``جنود روس``); fighters of a nation stay
#: fighters (``مقاتلا عراقيا``: foreign fighters, not a state's troops).
STATE_NOUNS = ARMED_NOUNS - {"fighter"}
_GLOSS_TOKENS = 10  # a bracketed gloss after a group's name, brackets included
#: ``بلغ عدد الجرحى المدنيين 900 شخص``: at most this many tokens from the toll word to its figure.
_TOLL_THEN_FIGURE = 5
#: Verbs before a toll that say it reaches the figure after it (``بلغ``, ``ارتفع``, ``أصبح عدد …``).
_TOLL_VERBS = cues.REACH_WORDS | cues.RISE_WORDS | keys("أصبح أصبحت يصبح تصبح ليصبح لتصبح صار")
_CLAUSE_REACH = 12  # tokens from a toll's noun to the relative pronoun of the clause after it
_WHO = keys("الذين اللذين")
_NAMED_BEFORE_REACH = 600  # tokens back a group head alone may find the group's full name
#: ``القوات البالغ عددها 2000``: the words between a group and the figure of its members.
_AMOUNTING = frozenset(key(w) for w in ("البالغ", "البالغة", "البالغين"))
_THEIR_NUMBER = frozenset(key(w) for w in ("عددها", "عددهم", "عددهن"))
#: ``حصيلة القتلى بين المدنيين``: the words between a toll's status noun and the kind it counts.
_AMONG = (*cues.IN_RANKS_OF, ("من",))


def allies(words: list[str]) -> bool:
    """``المقاتلين الموالين لها``, ``والموالين لهم``: a loyal word then a pronoun (the allies
    of the group named before, on its side; not the regime's loyalists)."""
    for w, nxt in pairwise(words[:4]):
        if any(x in cues.LOYAL_WORDS for x in variants(key(w))) and key(nxt) in cues.ALLY_PRONOUNS:
            return True
    return False


def allies_at(view: TokenView, k: int) -> bool:
    """``والمقاتلين الموالين لها`` at token ``k``: the allies of the group just named."""
    words = []
    for x in range(k, min(len(view), k + 4)):
        if not view[x].is_word:
            break
        words.append(view[x].text)
    return allies(words)


def _foreign(word: str) -> bool:
    """Is ``word`` a state's nationality adjective (``روس``, ``الأميركيين``, ``والأتراك``)?"""
    return any(x in cues.FOREIGN_ADJ for x in variants(key(word)))


def adjective_category(onto: Any, word: str) -> str | None:
    """The category an adjective after the counted noun names, its feminine plural form too
    (``عناصر حوثية``, ``عناصر إرهابية``: the singular noun of the side)."""
    cid = noun_category(onto, word)
    if cid is None and key(word).endswith("يه"):
        cid = noun_category(onto, word.rstrip("ةه"))
    return cid


def nation_adjective(word_key: str) -> bool:
    """A nationality adjective in any gender (``الإيرانية`` too, which :data:`cues.FOREIGN_ADJ`
    leaves out: a feminine one follows a group, not a soldier's noun)."""
    return any(x in cues.FOREIGN_ADJ or (x.endswith("يه") and x[:-1] in cues.FOREIGN_ADJ)
               for x in variants(word_key))


def _definite(word: str) -> bool:
    """``word`` carries the article (``الروس``, ``والأتراك``)."""
    k = key(word)
    return k.startswith(("ال", "وال"))


def with_families(view: TokenView, k: int) -> bool:
    """Token ``k`` joins the group's families to it (``وعائلاتهم``, ``وأسرهم``)."""
    return k < len(view) and view[k].is_word and view[k].key.startswith("و") \
        and key(view[k].text[1:]) in cues.FAMILY_WORDS


def after_gloss(view: TokenView, k: int) -> int:
    """The token after a bracketed gloss that opens at ``k`` (``جبهة النصرة (فرع القاعدة)``),
    else ``k``."""
    if k >= len(view) or view[k].text != "(":
        return k
    for m in range(k + 1, min(len(view), k + _GLOSS_TOKENS)):
        if view[m].text == ")":
            return m + 1
        if view.is_sentence_end(m):
            break
    return k


def bare_organisation(view: TokenView, onto: Any, text: str, k: int) -> str | None:
    """An ACTOR ``text`` at token ``k`` that is ``التنظيم`` alone: :func:`latest_organisation`."""
    words = text.split()
    if len(words) != 1 or not any(x in cues.ORGANISATION_HEADS for x in variants(key(words[0]))):
        return None
    return latest_organisation(view, onto, k)


def latest_organisation(view: TokenView, onto: Any, k: int) -> str | None:
    """``التنظيم`` alone at token ``k``: the category of the organisation named last before
    it (``تنظيم داعش``, ``«النصرة»``, ``تنظيم القاعدة``), not only the last one named with
    the head ``تنظيم``."""
    for p in range(k - 1, max(-1, k - _NAMED_BEFORE_REACH), -1):
        if not (view[p].is_word and view[p].has(cues.ORGANISATION_FIRST_WORDS)):
            continue
        cid, _, last = group_after(view, p, onto)
        if cid in cues.ORGANISATION_KINDS and not (last == p and view[p].has(cues.GROUP_HEADS)):
            return cid
    return None


#: The civilians' trades an adjective may name after a civilian noun (``ناشط إعلامي``).
_CIVIL_TRADES = frozenset({"journalist", "medic", "rescue"})
#: Police in a group with a nationality (``الجيش والشرطة التركيين``): a state's forces at home.
_POLICE = keys("الشرطة والشرطة")


def soldiers_of_a_nation(onto: Any, words: list[str]) -> bool:
    """``الطيارين الأميركيين``, ``العسكريين الروس``, ``القتلى الروس``: a soldier's, member's or
    casualty's noun (not a group's name such as ``حزب الله اللبناني``, nor protesters) with a
    state's nationality adjective after it."""
    head = noun_category(onto, words[0]) if len(words) > 1 else None
    victims = onto.is_neutral_noun(words[0]) or status_of_word(key(words[0])) is not None
    definite = _definite(words[0])
    return (head == "regime" or (head == "people" and victims)) \
        and any(_foreign(w) and _definite(w) == definite for w in words[1:]) \
        and not any(key(w) in _POLICE for w in words)  # الضحايا بريطانيان: a predicate, no adjective


def past_members(text: str) -> tuple[int, str]:
    """How many member nouns (``عناصر``, ``أعضاء``, ``مسلحي``) open ``text``, and the rest."""
    words = [w.strip(_QUOTES) for w in text.split()]
    n = 0
    while n < len(words) - 1 and any(x in _MEMBERS for x in variants(key(words[n]))):
        n += 1
    return n, " ".join(w for w in words[n:] if w)


def short_name(text: str) -> str | None:
    """The category of a group named by a short name alone (``القاعدة``, ``الشباب``), which
    names the group only after its members or a partitive ``من``."""
    return _SHORT_NAMES.get(key(text.strip(_QUOTES + " ")))


def _after_and(word_key: str) -> str:
    """``ومدني`` → ``مدني``, ``والمسعف`` → ``مسعف``: the word joined by و, without its article."""
    rest = word_key[1:]
    return rest[2:] if rest.startswith("ال") else rest


def category_in(v: TokenView, onto: Any, a: int, b: int) -> str | None:
    """The most specific category named by the words in tokens ``[a, b)`` of ``v``."""
    found: list[str] = []
    k = a
    while k < min(b, len(v)):
        if v.is_boundary(k) or v[k].is_digit:
            break
        if v[k].is_word and not (k > a and v[k - 1].key == _IN):  # عدد الذين ماتوا في المعتقلات: where
            cid, _, last = group_after(v, k, onto, width=5)
            if cid is not None:
                nxt = max(k, last) + 1
                if cid in ("regime", "people") and nxt < len(v) and v[nxt].has(cues.FOREIGN_ADJ):
                    cid, nxt = "foreign_forces", nxt + 1  # عدد العسكريين الروس
                found.append(cid)
                k = nxt
                continue
        k += 1
    specific = [x for x in found if x != "people"]
    return specific[0] if specific else (found[0] if found else None)


def joined_in_clause(reader: GroupReader, k: int, stop: int) -> str | None:
    """``يقدر عدد المقاتلين الذين يقاتلون تحت راية الجماعة``: the armed group a relative
    clause after token ``k`` (before ``stop``) says the people joined or fight for."""
    v = reader.view
    for i in range(k, min(stop, k + _CLAUSE_REACH)):
        if v[i].key not in _WHO:
            continue
        j = v.next_word(i + 1)
        phrase = v.phrase_starting_at(j, cues.JOINING_BEFORE) if j is not None else None
        g = v.next_word(j + len(phrase)) if j is not None and phrase is not None else None
        cid = reader.group_at(g)[0] if g is not None and g < stop else None
        return cid if cid in reader.onto.armed and cid != "man" else None
    return None


def _joined_adjective(view: TokenView, onto: Any, k: int) -> bool:
    """``والإسلامية`` after ``الفصائل المعارضة``: a definite adjective joined by و, no group."""
    t = view[k].key
    return t.startswith("وال") and t.endswith(("ية", "يه", "ي", "يين", "ين")) \
        and group_after(view, k, onto)[0] is None


def _joined(onto: Any, word: str) -> bool:
    """Does ``word`` start with the conjunction و (``وقوات``), not a و of its own (``وحدات``
    starts a group's name)?"""
    k = key(word)
    return k.startswith("و") and len(k) > 3 and k not in group_first_words(onto)


def _reached_past_qualifier(v: TokenView, p: int) -> bool:
    """``إلى أكثر من 250 شخصا``: a qualifier phrase ending at token ``p``, right before the
    figure, with a word of reaching (``إلى``, ``بلغ``) before it."""
    qual = v.phrase_ending_at(p, cues.QUALIFIER_PHRASES_BEFORE)
    r = v.prev_word(p - len(qual)) if qual is not None else None
    return r is not None and v[r].has(cues.REACH_WORDS)


def _past_among(v: TokenView, k: int | None) -> int | None:
    """Token ``k``, or past the words of among before a group there (``في صفوف``, ``بين``, ``من``)."""
    among = v.phrase_starting_at(k, _AMONG) if k is not None else None
    return v.next_word(k + len(among)) if k is not None and among is not None else k


class GroupReader(Reader):
    """The category a group, noun or phrase of the text names."""

    def noun_phrase_category(self, text: str) -> tuple[str | None, bool]:
        """Category of a counted noun phrase and whether it is generic (شخص، عنصر)."""
        words = text.split()
        backed = next((i for i, w in enumerate(words) if i and key(w) in cues.BACKED_BY), None)
        if backed is not None:  # مقاتلين مدعومين من تركيا: fighters, not Turkish forces
            words = words[:backed]
            text = " ".join(words)
        if not words:
            return None, True
        cid = noun_category(self.onto, text)
        if cid is None and len(words) == 1:  # أطفال(هما) / مواطني(ه) الأربعة: a possessed noun, or one
            owned = possessed_people(self.onto, words[0])  # drawn without its pronoun
            cid = owned[0] if owned else construct_noun_category(self.onto, words[0])
        neutral = self.onto.is_neutral_noun(words[0])
        if len(words) > 1:
            per_word = [noun_category(self.onto, words[0])] + [adjective_category(self.onto, w) for w in words[1:]]
            first = per_word[0]
            armed_head = neutral or first in ARMED_NOUNS or first is None
            foreign = any(key(w) in cues.FOREIGN_ADJ for w in words[1:])  # جنود روس, موظفا عسكريا أمريكيا
            if cid == "foreign_forces" and first not in (None, "people", "man", *self.onto.armed):
                cid = first  # ناشطين أتراك: activists of a nation, not its forces
            elif foreign and first == "people" and not neutral and status_of_word(key(words[0])) is None:
                cid = "people"  # راكبا أميركيا: passengers of a nation are no forces of it
            elif foreign and (neutral or first in STATE_NOUNS):
                cid = "foreign_forces"
            elif any(key(w) in cues.LOYAL_WORDS for w in words[1:]) and armed_head:
                cid = "regime"
            elif cid == "combatant" and (sides := [p for p in per_word[1:] if p in self.onto.armed
                                                   and p not in ("combatant", "man")]):
                cid = sides[0]  # انتحاريين داعشيين: an adjective names the side of an armed noun
            elif cid == "civilian" and (trades := [p for p in per_word[1:] if p in _CIVIL_TRADES]):
                cid = trades[0]  # ناشطين إعلاميين: the adjective names the civilians' trade
            elif cid == "civilian" and "regime" in per_word[1:]:  # موظفا عسكريا: military staff
                cid = "foreign_forces" if foreign else "regime"
            elif cid in ("people", None):
                specific = [p for p in per_word[1:] if p not in (None, "people")]
                if specific:
                    cid = specific[0]
                elif cid is None and first is not None:
                    cid = first  # عسكريا جزائريا: an adjective the lists do not know keeps the noun's kind
        generic = cid is None or cid == "people"
        return cid, generic

    def phrase_category(self, text: str, partitive: bool) -> str | None:
        members, rest = past_members(text)
        if members and (short := short_name(rest)) is not None:
            return short  # مقاتلي الشباب: al-Shabaab, not young men
        mixed = self.mixed_parts(text, partitive)
        if mixed is not None:
            return mixed
        cid = self.onto.category_of_group(text) or self.onto.category_of_noun(text)
        if cid is None and text[:1] == "ل" and text[1:2] != "ل" and not text.startswith("ال"):
            cid = self.onto.category_of_group("ا" + text)  # لجيش of للجيش: the article ل swallowed
        if cid in ("regime", "people") and soldiers_of_a_nation(self.onto, text.split()):
            return "foreign_forces"  # من الطيارين الأميركيين
        words = text.split()
        if (cid is None and any(key(w) in cues.LOYAL_WORDS for w in words)) \
                or (cid in self.onto.armed and len(words) > 1 and key(words[-1]) in cues.LOYAL_WORDS):
            return "regime"  # المسلحين المحليين الموالين: loyal, to none named (the government's)
        if cid is None and " " not in text.strip():
            cid = possessed_noun_category(self.onto, text.strip())  # من جنودها
        if cid is None and members and rest:
            cid = self.phrase_category(rest, partitive)  # عناصر المتمردين: the group after the members
            cid = cid if cid in self.onto.armed and cid != "man" else None
        return cid

    def mixed_parts(self, text: str, partitive: bool) -> str | None:
        """``مقاتلين ومدنيين`` → people, ``قوات النظام وفصائل المعارضة`` → combatant."""
        words = text.split()
        cuts = [0] + [i for i in range(1, len(words)) if _joined(self.onto, words[i])
                      and not self.onto.is_group_phrase(f"{words[i - 1]} {words[i]}")]  # الجيش والشرطة
        if len(cuts) < 2:
            return None
        found = []
        for a, b in zip(cuts, [*cuts[1:], len(words)], strict=True):
            if a > 0 and allies(words[a:b]):
                continue  # جبهة النصرة والمقاتلين الموالين لها: the first group's side
            part = " ".join(words[a:b])
            if a > 0:
                part = part[1:]
            cid = self.onto.category_of_group(part) if partitive else None
            cid = cid or self.onto.category_of_noun(part)
            if cid == "people" and " " in part:  # شخص مدني ومقاتل: the adjective says which people
                cid = self.onto.category_of_noun(part.split(" ", 1)[1]) or cid
            if cid is not None and cid != "people":
                found.append(cid)
        return mix(found, self.onto)

    def one_more_person(self, k: int) -> bool:
        """``ثلاثة عناصر من الجيش الوطني ومدني``: a bare singular noun coordinated after the
        group is one more victim beside the count, not a second side of it."""
        if k >= len(self.view):
            return False
        t = self.view[k]
        return t.key.startswith("و") and _after_and(t.key) in self.cx.singular_nouns

    def _singular_before(self, k: int) -> bool:
        """``بين مسلح ومدني``: the word before token ``k`` is a bare singular noun too, so the
        two name the kinds of one group."""
        p = self.view.prev_word(k - 1)
        return p is not None and variants(self.view[p].key)[-1] in self.cx.singular_nouns

    def group_at(self, k: int) -> tuple[str | None, int, int]:
        """A text group at token ``k`` (``قوات النظام``), mixed with a coordinated one."""
        v = self.view
        cid, first, last = group_after(v, k, self.onto)
        if cid is None or (last == k and v[k].has(cues.GROUP_HEADS)):
            named = self.named_before(k)  # الفرقة / التنظيم: the group named in full before
            if named is not None:
                return named, k, k
        if cid is None:
            return self._quoted_name(k) or self.tied_group(k)
        if cid in ("regime", "people") and last == first and last + 1 < len(v) and v[last + 1].is_word \
                and soldiers_of_a_nation(self.onto, [v[first].text, v[last + 1].text]):
            cid, last = "foreign_forces", last + 1  # من العسكريين الروس
        kinds, end = self.joined_groups(last + 1)
        return (mix([cid, *kinds], self.onto) or cid), first, (last if end is None else end)

    def joined_groups(self, k: int) -> tuple[list[str], int | None]:
        """The groups joined by و after a group whose name ends before token ``k``
        (``فصائل المعارضة وجبهة النصرة (فرع القاعدة) وتنظيم داعش``):
        their categories (not ``people``) and the last token of the list before any gloss (the
        phrase a CATEGORY span may cover), ``None`` when no group is joined there; definite
        adjectives and bracketed glosses are stepped over, the allies of the group
        (``والمسلحين الموالين لها``) are of its side."""
        v = self.view
        kinds: list[str] = []
        end: int | None = None
        nxt = k
        glossed = False
        while True:
            nxt, glossed = self._past_gloss(nxt, glossed)
            stop = nxt + 3
            while nxt < stop and nxt < len(v) and v[nxt].is_word and v[nxt].key not in cues.LOYAL_WORDS \
                    and (v[nxt].key.startswith("ال") or _joined_adjective(v, self.onto, nxt)):
                nxt += 1  # قوات النظام السوري وفصائل …, الفصائل المعارضة والإسلامية وقسد
            nxt, glossed = self._past_gloss(nxt, glossed)
            if not (nxt < len(v) and v[nxt].is_word and v[nxt].key.startswith("و") and len(v[nxt].key) > 3) \
                    or self.cx.number_at(nxt) or (self.one_more_person(nxt) and not self._singular_before(nxt)):
                return kinds, end  # وإعلاميان: a count of its own; وصحفي: one more victim
            other, _, last = group_after(v, nxt, self.onto)
            if allies_at(v, nxt):  # قوات النظام والموالين لها: one side, one phrase
                if not glossed:
                    end = last if other is not None else end
                    if end is not None and end + 1 < len(v) and v[end + 1].key in cues.ALLY_PRONOUNS:
                        end += 1  # the pronoun belongs to the phrase (والموالين لهم)
                return kinds, end
            if other is None or (last + 1 < len(v) and self.cx.number_at(last + 1)):
                return kinds, end  # ومدنيين اثنين: a second count with its own figure
            kinds += [other] if other != "people" else []
            end = end if glossed else last
            nxt = last + 1

    def _past_gloss(self, k: int, glossed: bool) -> tuple[int, bool]:
        """The token after a gloss at ``k`` (else ``k``), and whether a gloss was passed yet."""
        after = after_gloss(self.view, k)
        return after, glossed or after > k

    def actor_category(self, text: str, k: int) -> str | None:
        """The category the ACTOR ``text`` at token ``k`` names: a bare ``التنظيم`` the organisation
        named last, else its phrase, else the latest group named in full with its head."""
        return bare_organisation(self.view, self.onto, text, k) or self.phrase_category(text, partitive=True) \
            or self.named_before(k)

    def named_before(self, k: int) -> str | None:
        """A group head alone at token ``k`` (``من الفرقة``, ``مقاتلي الجبهة``, ``من وحدات
        الحماية``): the category of the latest group named in full with that head before it."""
        v = self.view
        if not v[k].is_word or not v[k].has(cues.GROUP_HEADS):
            return None
        head = next(x for x in variants(v[k].key) if x in cues.GROUP_HEADS)
        heads = cues.MILITIA_HEADS if head in cues.MILITIA_HEADS else frozenset({head})
        if head in cues.ORGANISATION_HEADS:
            named = latest_organisation(self.view, self.onto, k)
            if named is not None:
                return named
        for p in range(k - 1, max(-1, k - _NAMED_BEFORE_REACH), -1):
            if not v[p].is_word or heads.isdisjoint(variants(v[p].key)):
                continue
            tied, _, _ = self.tied_group(p)
            if tied is not None:
                return tied  # للواء … المبايع لتنظيم داعش: the side it pledged to
            words = [v[x].text for x in range(p, min(len(v), p + 5)) if v[x].is_word or v[x].is_digit]
            cid, _ = self._longest_group(words, shortest=2)
            if cid is not None:
                return cid
            cid, _, last = group_after(v, p, self.onto)
            if cid is not None and last > p:
                return cid
        return None

    def _quoted_name(self, k: int) -> tuple[str, int, int] | None:
        """``قوى الأمن الداخلي "الأسايش"``: an unknown unit followed (same clause, a few words on)
        by the known name of its group in quotes."""
        v = self.view
        for m in range(k, min(len(v), k + 6)):
            if v.is_boundary(m):
                return None
            if v[m].is_quote and m > k:
                cid, _, last = group_after(v, m + 1, self.onto)
                return (cid, k, last) if cid not in (None, "people") else None
        return None

    def tied_group(self, k: int) -> tuple[str | None, int, int]:
        """``فرق الهندسة التابعة لـقوات سوريا الديمقراطية``: an unknown unit tied to a known group."""
        v = self.view
        for m in range(k, min(len(v), k + 7)):
            if v.is_boundary(m):
                break
            if v[m].has(cues.TIED_TO):
                n = m + 1
                while n < len(v) and not v[n].is_word and not v.is_boundary(n):
                    n += 1
                if n < len(v) and v[n].key in ("ل", "لـ"):
                    n += 1
                cid, _, last = group_after(v, n, self.onto) if n < len(v) else (None, n, n)
                if cid is None and n < len(v) and v[n].key.startswith("ل"):
                    cid, last = self._glued_group(n)  # لتنظيم داعش, لقوات النظام
                if cid is not None:
                    return cid, k, last
                break
        return None, k, k

    def _glued_group(self, n: int) -> tuple[str | None, int]:
        """A known group whose first word carries the ``ل`` at token ``n`` (``لتنظيم داعش``):
        its category and last token, the longest name first."""
        v = self.view
        words = [v[n].text[1:].lstrip("ـ")]
        for x in range(n + 1, min(len(v), n + 4)):
            if not v[x].is_word:
                break
            words.append(v[x].text)
        cid, size = self._longest_group(words, shortest=1)
        return (cid, n + size - 1) if cid is not None else (None, n)

    def _longest_group(self, words: list[str], shortest: int) -> tuple[str | None, int]:
        """The category of the longest known group name ``words`` begin with (``shortest``
        words at least) and how many words it takes; ``(None, 0)`` when none."""
        for size in range(len(words), shortest - 1, -1):
            cid = self.onto.category_of_group(" ".join(words[:size]))
            if cid is not None:
                return cid, size
        return None, 0

    def toll_named_before(self, c: CountNode) -> str | None:
        """``عدد مقاتلي داعش الذين سقطوا … بـ10 آلاف شخص``, ``المدنيين الذين قتلوا … بلغوا 1452
        سوريا``, ``عدد الجرحى المدنيين بلغ 900 شخص``: a figure with a plain people noun that a toll
        named earlier in its sentence reaches takes the kind that toll names."""
        v = self.view
        p = v.prev_word(c.t0 - 1)
        q = v.prev_word(p - 1) if p and v[p].key in _THEIR_NUMBER else None  # القوات البالغ عددها 2000
        actor = self.cx.span_ending_at_token(self.by_label.get("ACTOR", []), v.prev_word(q - 1)) \
            if q and v[q].key in _AMOUNTING else None
        side = self.phrase_category(actor.text, partitive=True) if actor is not None else None
        if side not in (None, "people"):
            return side
        glued = v.glued_prefix(c.t0, c.span.start)
        by = glued.rstrip("ـ").endswith("ب") or (p is not None and v[p].key.rstrip("ـ") == "ب")
        reached = by or (p is not None and p == c.t0 - 1 and v[p].has(cues.REACH_WORDS))  # بلغوا 1452
        reached = reached or (p is not None and p == c.t0 - 1 and _reached_past_qualifier(v, p))
        for i in range(c.t0 - 1, max(-1, c.t0 - 30), -1):
            if v.is_sentence_end(i) or (i < c.t0 - 1 and self.cx.number_at(i) and not self.cx.when_at(i)):
                return None  # (منذ 20 يوليو: a date between the toll and its figure is crossed)
            if not v[i].is_word:
                continue
            if v[i].has(cues.TOTAL_WORDS) or human_losses(v, i):
                before = v.prev_word(i - 1) if i > 0 else None
                k = v.next_word(i + 1)
                if k is not None and any(x.startswith("سكان") for x in variants(v[k].key)):
                    return None  # يبلغ عدد سكانها 240 ألف نسمة: a population, people as the noun says
                if not reached and (before is None or not v[before].has(_TOLL_VERBS)):
                    return None  # بلغ عدد الجرحى المدنيين 900 شخص: the verb before the toll
                if not reached and i < c.t0 - _TOLL_THEN_FIGURE:  # يبلغ عدد الذين التحقوا ب… 1400 شخص
                    return joined_in_clause(self, k, c.t0) if k is not None else None
                if k is not None and (human_losses(v, i) or status_of_word(v[k].key) is not None):
                    k = _past_among(v, v.next_word(k + 1))  # عدد القتلى المدنيين: the kind after the toll's noun
                cid = self.group_at(k)[0] if k is not None and k < c.t0 else None
                if cid in (None, "people") and k is not None:
                    cid = joined_in_clause(self, k, c.t0)  # عدد الأجانب الذين التحقوا بالتنظيمات
                return cid if cid not in (None, "people") else None
            if reached and v[i].key in _WHO and i > 0:
                k = v.prev_word(i - 1)
                cid = self.group_at(k)[0] if k is not None else None
                if cid not in (None, "people"):
                    return cid
        return None
