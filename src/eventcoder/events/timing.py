"""When an event happened and whether it is news: the main clause, historical scenes
("During the Cold War", "Under Pinochet"), clauses dated by their neighbour ("When
Argentina seized the islands in 1982, ..."), and dates inherited from a dated anchor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventcoder.dates.resolver import ResolvedDate, resolve_event_date
from eventcoder.events.lexicon import Lexicon
from eventcoder.nlp.syntax import children

if TYPE_CHECKING:
    import datetime as dt


def main_clause(lex: Lexicon, verb: Token) -> bool:
    """Is ``verb`` the sentence's main predicate: its root, a conjunct or infinitive
    complement of the root, or what a reporting root reports ("Police said they arrested ten men who attacked a bank":
    the arrest)? Subordinate, relative and complement clauses are not."""
    cur = verb
    for _ in range(8):
        if cur.dep_ == "ROOT" or cur.head == cur:
            return True
        # (an infinitive complement shares its governor's clause: "is due to meet")
        if cur.dep_ in ("conj", "xcomp", "acomp") or (cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_ in lex.speech):
            cur = cur.head
            continue
        return False
    return False


def historical_scene(lex: Lexicon, verb: Token) -> bool:
    """"During the Cold War, troops were stationed...": background, not news. Also a
    past-tense clause fronted by a ruler's era ("Under Pinochet, soldiers detained
    thousands"): an era recalled, not a dated report (an own recent date overrides)."""
    for prep in children(verb, "prep"):
        if (
            prep.lower_ == "under"
            and prep.i < verb.i
            and verb.tag_ == "VBD"
            and any(p.ent_type_ == "PERSON" or (p.pos_ == "PROPN" and not p.ent_type_) for p in children(prep, "pobj"))
        ):
            return True
        for pobj in children(prep, "pobj"):
            if pobj.ent_type_ == "EVENT" and pobj.lemma_.lower() in lex.historical_events:
                return True
    return False


def dating_scene(verb: Token) -> Token | None:
    """A clause that dates its neighbour: a "when" clause dates its main clause ("When
    Argentina seized the islands in 1982, Britain sent a task force"), and a cleft's copula
    dates the clause it focuses ("It was in 1994 that extremists massacred ...")."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.lower_ == "when" and m.dep_ in ("advmod", "mark") for m in c.children):
            return c
    head = verb.head
    if (
        verb.dep_ in ("ccomp", "relcl", "advcl", "acl")
        and head.lemma_ == "be"
        and any(m.lower_ == "that" and m.dep_ == "mark" for m in verb.children)
        and any(m.lower_ == "it" and m.dep_ in ("nsubj", "expl") for m in head.children)
    ):
        return head
    if verb.dep_ in ("xcomp", "advcl") and any(m.dep_ == "aux" and m.lower_ == "to" for m in verb.children):
        return dating_scene(head)  # "... sent a task force to retake them"
    return None


def inherited_date(verb: Token, published: dt.date | None) -> ResolvedDate | None:
    """An undated clause takes the date of what it hangs on when that lies over a year
    back (historical background): a relative or "when" clause on a dated event noun ("the
    1973 coup, in which the army bombed the palace", "the massacre of 1982, when troops
    shelled Hama"), a past-tense conjunct or a purpose infinitive of a dated verb ("led
    the 1968 uprising and was later imprisoned", "in the 1980s sent troops to fight"), a
    clause set after a dated event ("After Iraq's 1990 invasion of Kuwait, the UN
    imposed sanctions"). None: no such anchor."""
    heads: list[Token] = []
    if verb.dep_ in ("relcl", "acl", "advcl") and verb.head.pos_ == "NOUN":
        heads.append(verb.head)
    if (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN") and verb.head.pos_ in ("VERB", "AUX")) or (
        verb.dep_ in ("xcomp", "advcl") and any(m.dep_ == "aux" and m.lower_ == "to" for m in verb.children)
    ):
        heads.append(verb.head)
    for prep in children(verb, "prep"):
        if prep.lower_ in ("after", "following") and prep.i < verb.i:
            heads += list(children(prep, "pobj"))
    for head in heads:
        dated = resolve_event_date(head, published)
        if dated.source != "publication" and dated.past_year:
            return dated
    return None
