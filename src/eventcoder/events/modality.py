"""Is a predicate reported as fact? Negation, hypotheticals, intentions, habits.

The rule the whole project keeps: a negated, denied, conditional or merely wished-for
predicate is never output as a factual event. This module reads the parse around a
predicate and returns the auxiliary flags PLOVER defines, plus the *frame* that made a
predicate non-factual (an intention "willing to", an exhortation "the need to"), which
the coder turns into the event the speaker actually performed (AGREE, REQUEST...).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventcoder.events.lexicon import Lexicon
from eventcoder.nlp.syntax import governors

HORTATIVE_AUX = frozenset({"should", "must", "ought"})
# Relations across which a governor's modality reaches its dependent predicate.
EMBEDDING = frozenset({"xcomp", "ccomp", "conj", "acl", "advcl", "pcomp", "dobj", "pobj", "prep", "relcl", "attr", "oprd", "nsubj", "nsubjpass", "compound", "amod", "appos"})


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    habitual: bool = False
    frame: str | None = None
    """``intent`` or ``hortative`` when the predicate is framed by another word."""
    frame_token: Token | None = None


def _own_flags(tok: Token, lex: Lexicon) -> tuple[bool, bool, bool, bool, bool]:
    """(negated, hypothetical, future, hortative, habitual) from the words attached to ``tok``."""
    neg = hyp = fut = hort = hab = False
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and low in lex.negation):
            neg = True
        elif c.dep_ in ("aux", "auxpass"):
            if low in HORTATIVE_AUX:
                hort = True
            elif low in lex.hypothetical_aux:
                hyp = True
            elif low in lex.future_aux or low == "wo":  # "won't" → wo + n't
                fut = True
        elif c.dep_ == "mark" and low in lex.conditional_marks:
            hyp = True
        elif c.dep_ in ("advmod", "amod", "npadvmod") and low in lex.habitual:
            hab = True
    return neg, hyp, fut, hort, hab


def modality(trigger: Token, anchor: Token, lex: Lexicon) -> Modality:
    """Flags for the event whose evidence word is ``trigger`` and whose clause verb is ``anchor``."""
    neg, hyp, fut, hort, hab = _own_flags(anchor, lex)
    if trigger != anchor:
        n2, h2, f2, o2, b2 = _own_flags(trigger, lex)
        neg, hyp, fut, hort, hab = neg or n2, hyp or h2, fut or f2, hort or o2, hab or b2
    frame: str | None = "hortative" if hort else None
    frame_token: Token | None = None
    if anchor.sent.text.rstrip().endswith("?"):
        hyp = True

    child = anchor
    for gov, rel in governors(anchor):
        if rel not in EMBEDDING:
            break
        lemma = gov.lemma_.lower()
        g_neg, g_hyp, g_fut, g_hort, g_hab = _own_flags(gov, lex)
        if rel == "conj":
            # coordinated predicates share auxiliaries and adverbs placed before the first,
            # unless the second is finite on its own ("did not attack ... and accused")
            shares = not (gov.tag_ == "VB" and child.tag_ in ("VBD", "VBZ", "VBP"))
            if first_subject(child) is None and shares:
                neg, hyp, fut, hab = neg or g_neg, hyp or g_hyp, fut or g_fut, hab or g_hab
                hort = hort or g_hort
            child = gov
            continue
        if g_hab and rel in ("relcl", "pobj", "prep", "dobj", "acl"):
            # "frequently imposes sanctions on countries it accuses": the description shares the habit
            hab = True
        if lemma in lex.negating_frames and rel in ("xcomp", "ccomp", "dobj", "pcomp", "acl", "prep", "pobj"):
            neg = True
        if g_neg and rel in ("xcomp", "ccomp", "advcl"):
            neg = True
        if g_hyp and rel in ("xcomp", "advcl", "acl", "pcomp", "ccomp"):
            hyp = True
        if g_fut and rel in ("xcomp", "pcomp"):
            fut = True
        if rel in ("xcomp", "acl", "pcomp", "prep", "pobj", "dobj", "ccomp") and frame is None:
            if lemma in lex.intent_frames and rel != "ccomp":
                frame, frame_token, fut = "intent", gov, True
            elif lemma in lex.attempt_frames and rel != "ccomp":
                frame, frame_token, fut = "attempt", gov, True
            elif lemma in lex.allegation_frames:
                frame, frame_token, hyp = "allegation", gov, True
            elif lemma in lex.hortative_frames or g_hort:
                frame, frame_token, hyp = "hortative", gov, True
        if lemma in lex.speech and gov.pos_ == "VERB":
            # reported speech is reported fact; stop at the reporting verb's own clause
            break
        child = gov
    if frame == "hortative":
        hyp = True
    elif hyp and not fut and _reported_would(anchor, lex):
        # "announced that it would withdraw": future in the past, not a hypothesis
        hyp, fut = False, True
    return Modality(neg, hyp, fut, hab, frame, frame_token)


def _reported_would(verb: Token, lex: Lexicon) -> bool:
    """``would`` in the complement of a reporting verb, with no condition attached."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "would" not in aux or aux & {"could", "might", "may"} or verb.sent.text.rstrip().endswith("?"):
        return False
    if any(c.dep_ == "advcl" and any(m.lower_ in lex.conditional_marks for m in c.children) for c in verb.children):
        return False
    return verb.dep_ == "ccomp" and verb.head.lemma_ in lex.speech


def first_subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
