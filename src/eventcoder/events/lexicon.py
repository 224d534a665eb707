"""The event lexicon: which verbs and nouns trigger which PLOVER events.

The words live in ``data/lexicon.yaml`` (users may add their own file); this module only
loads them into plain dicts so the per-token lookups in the coder stay O(1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from eventcoder.nlp.syntax import first_child

if TYPE_CHECKING:
    from spacy.tokens import Token

PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
    "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)


@dataclass(frozen=True)
class Trigger:
    """What one lexicon entry says about an event word."""

    type: str | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    light: bool = False
    reciprocal: bool = False
    needs_recipient: bool = False
    needs_actor: bool = False
    needs_participant: bool = False
    requires_prep: bool = False
    requires_object: bool = False
    swap: bool = False
    """The grammatical subject is the recipient ("Qatar hosted Iran's president": the visitor acts)."""
    topic_object: bool = False
    """The object is what is talked about, not a participant ("discussed North Korea's missiles")."""
    actor_sector: str | None = None
    target: str | None = None
    """What the literal sense needs as its target: ``physical`` (a place, thing or people one
    can besiege, raid or hold: "laid siege to the goal" is a figure of speech) or ``concrete``
    (anything but an idea: "an embargo on the report" is no sanction). See ``figurative_targets``."""
    preps: dict[str, "Trigger | None"] = field(default_factory=dict)
    objects: dict[str, "Trigger | None"] = field(default_factory=dict)
    by_state: "Trigger | None" = None
    """Replaces this entry when every actor speaks for a state ("China protested" is ACCUSE)."""
    by_civilians: "Trigger | None" = None
    """Replaces this entry when every actor is a civilian group ("doctors went on strike")."""
    alone: "Trigger | None" = None
    """Replaces this entry when one side acts alone ("China held drills": MOBILIZE, not COOPERATE)."""
    to_igo: "Trigger | None" = None
    """Replaces this entry when the recipient is an organisation ("withdrew from ECOWAS": SANCTION)."""

    def merged(self, other: "Trigger") -> "Trigger":
        """``other`` (a prep/object refinement) on top of this entry's defaults."""
        same = other.type is None or other.type == self.type
        return Trigger(
            type=other.type or self.type,
            mode=other.mode or (self.mode if same else None),
            context=other.context or self.context,
            cameo=other.cameo or (self.cameo if same else None),
            light=False,
            reciprocal=other.reciprocal,
            needs_recipient=other.needs_recipient,
            needs_actor=other.needs_actor or self.needs_actor,
            needs_participant=other.needs_participant,
            swap=other.swap or (self.swap and same),
            topic_object=other.topic_object or (self.topic_object and same),
            actor_sector=other.actor_sector or self.actor_sector,
            target=other.target or (self.target if same else None),
            by_state=other.by_state or (self.by_state if same else None),
            by_civilians=other.by_civilians or (self.by_civilians if same else None),
            alone=other.alone or (self.alone if same else None),
            to_igo=other.to_igo or (self.to_igo if same else None),
        )


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    phrases: dict[tuple[str, ...], str]
    context_words: dict[str, str]
    negation: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    conditional_marks: frozenset[str]
    negating_frames: frozenset[str]
    hortative_frames: frozenset[str]
    intent_frames: frozenset[str]
    attempt_frames: frozenset[str]
    allegation_frames: frozenset[str]
    speculation_frames: frozenset[str]
    future_frames: frozenset[str]
    content_nouns: frozenset[str]
    habitual: frozenset[str]
    speech: frozenset[str]
    physical_targets: frozenset[str]
    criticism_words: frozenset[str]
    instrument_modes: dict[str, str]
    group_nouns: frozenset[str]
    state_sectors: frozenset[str]
    civilian_sectors: frozenset[str]
    historical_events: frozenset[str]
    money_verbs: frozenset[str]
    abstract_targets: frozenset[str]
    context_overrides: dict[str, dict[str, Trigger]]
    # modality lists added later (optional in user files)
    conditional_frames: frozenset[str] = frozenset()
    scenario_frames: frozenset[str] = frozenset()
    trend_verbs: frozenset[str] = frozenset()
    commemoration_frames: frozenset[str] = frozenset()
    falsity: frozenset[str] = frozenset()
    reported_content: frozenset[str] = frozenset()
    elapsed_units: frozenset[str] = frozenset()
    figurative_targets: frozenset[str] = frozenset()
    recruit_nouns: frozenset[str] = frozenset()
    pressure_nouns: frozenset[str] = frozenset()
    nonpolitical_actors: frozenset[str] = frozenset()
    leisure_words: frozenset[str] = frozenset()
    game_actors: frozenset[str] = frozenset()
    private_sectors: frozenset[str] = frozenset()

    @classmethod
    def load(cls, *extra: Path) -> "Lexicon":
        """The packaged lexicon, extended by user files (later files win)."""
        raw = yaml.safe_load(resources.files("eventcoder.data").joinpath("lexicon.yaml").read_text("utf-8"))
        for path in extra:
            user = yaml.safe_load(Path(path).read_text("utf-8")) or {}
            for key, value in user.items():
                if isinstance(value, dict) and isinstance(raw.get(key), dict):
                    raw[key].update(value)
                elif isinstance(value, list) and isinstance(raw.get(key), list):
                    raw[key] = sorted(set(raw[key]) | set(value))
                elif key == "modality":
                    for mkey, words in value.items():
                        raw["modality"][mkey] = sorted(set(raw["modality"].get(mkey, [])) | set(words))
        source = "lexicon.yaml" + "".join(f" + {p}" for p in extra)
        mod = raw.get("modality", {})
        return cls(
            verbs={k: _trigger(v, f"{source}: verbs.{k}") for k, v in raw.get("verbs", {}).items()},
            nouns={k: _trigger(v, f"{source}: nouns.{k}") for k, v in raw.get("nouns", {}).items()},
            phrases={tuple(k.split()): v for k, v in raw.get("phrases", {}).items()},
            context_words=dict(raw.get("context_words", {})),
            negation=frozenset(mod.get("negation", [])),
            hypothetical_aux=frozenset(mod.get("hypothetical_aux", [])),
            future_aux=frozenset(mod.get("future_aux", [])),
            conditional_marks=frozenset(mod.get("conditional_marks", [])),
            negating_frames=frozenset(mod.get("negating_frames", [])),
            hortative_frames=frozenset(mod.get("hortative_frames", [])),
            intent_frames=frozenset(mod.get("intent_frames", [])),
            attempt_frames=frozenset(mod.get("attempt_frames", [])),
            allegation_frames=frozenset(mod.get("allegation_frames", [])),
            speculation_frames=frozenset(mod.get("speculation_frames", [])),
            future_frames=frozenset(mod.get("future_frames", [])),
            content_nouns=frozenset(mod.get("content_nouns", [])),
            habitual=frozenset(mod.get("habitual", [])),
            speech=frozenset(mod.get("speech", [])),
            physical_targets=frozenset(raw.get("physical_targets", [])),
            criticism_words=frozenset(raw.get("criticism_words", [])),
            instrument_modes=dict(raw.get("instrument_modes", {})),
            group_nouns=frozenset(raw.get("group_nouns", [])),
            state_sectors=frozenset(raw.get("state_sectors", [])),
            civilian_sectors=frozenset(raw.get("civilian_sectors", [])),
            historical_events=frozenset(raw.get("historical_events", [])),
            money_verbs=frozenset(raw.get("money_verbs", [])),
            abstract_targets=frozenset(raw.get("abstract_targets", [])),
            context_overrides={
                t: {c: _trigger(v, f"{source}: context_overrides.{t}.{c}") for c, v in by_ctx.items()}
                for t, by_ctx in (raw.get("context_overrides") or {}).items()
            },
            conditional_frames=frozenset(mod.get("conditional_frames", [])),
            scenario_frames=frozenset(mod.get("scenario_frames", [])),
            trend_verbs=frozenset(mod.get("trend_verbs", [])),
            commemoration_frames=frozenset(mod.get("commemoration_frames", [])),
            falsity=frozenset(mod.get("falsity", [])),
            reported_content=frozenset(mod.get("reported_content", [])),
            elapsed_units=frozenset(mod.get("elapsed_units", [])),
            figurative_targets=frozenset(raw.get("figurative_targets", [])),
            recruit_nouns=frozenset(raw.get("recruit_nouns", [])),
            pressure_nouns=frozenset(raw.get("pressure_nouns", [])),
            nonpolitical_actors=frozenset(raw.get("nonpolitical_actors", [])),
            leisure_words=frozenset(raw.get("leisure_words", [])),
            game_actors=frozenset(raw.get("game_actors", [])),
            private_sectors=frozenset(raw.get("private_sectors", [])),
        )


def _trigger(value: dict[str, Any] | None, where: str) -> Trigger | None:
    """Build a Trigger, failing with the entry's name on bad data (``null`` = no event)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"{where}: expected a mapping, got {value!r}")
    unknown = set(value) - {f for f in Trigger.__dataclass_fields__}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    type_ = value.get("type")
    if type_ is not None and type_ not in PLOVER_TYPES:
        raise ValueError(f"{where}: {type_!r} is not a PLOVER event type")
    return Trigger(
        type=type_,
        mode=value.get("mode"),
        context=tuple(value.get("context", ()) or ()),
        cameo=str(value["cameo"]) if value.get("cameo") is not None else None,
        light=bool(value.get("light", False)),
        reciprocal=bool(value.get("reciprocal", False)),
        needs_recipient=bool(value.get("needs_recipient", False)),
        needs_actor=bool(value.get("needs_actor", False)),
        needs_participant=bool(value.get("needs_participant", False)),
        requires_prep=bool(value.get("requires_prep", False)),
        requires_object=bool(value.get("requires_object", False)),
        swap=bool(value.get("swap", False)),
        topic_object=bool(value.get("topic_object", False)),
        actor_sector=value.get("actor_sector"),
        target=_target_kind(value.get("target"), where),
        by_state=_trigger(value.get("by_state"), f"{where}.by_state"),
        by_civilians=_trigger(value.get("by_civilians"), f"{where}.by_civilians"),
        alone=_trigger(value.get("alone"), f"{where}.alone"),
        to_igo=_trigger(value.get("to_igo"), f"{where}.to_igo"),
        preps={_word(k, where): _trigger(v, f"{where}.preps.{k}") for k, v in (value.get("preps") or {}).items()},
        objects={_word(k, where): _trigger(v, f"{where}.objects.{k}") for k, v in (value.get("objects") or {}).items()},
    )


def _target_kind(value: object, where: str) -> str | None:
    if value is None or value in ("physical", "concrete"):
        return value  # type: ignore[return-value]
    raise ValueError(f"{where}: target must be 'physical' or 'concrete', got {value!r}")


def _word(key: object, where: str) -> str:
    """YAML 1.1 reads bare ``on``/``no`` as booleans: insist on quoted words."""
    if not isinstance(key, str):
        raise ValueError(f"{where}: key {key!r} is not a word; quote it in YAML (e.g. \"on\")")
    return key


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()


def noun_key(lex: Lexicon, tok: Token) -> str:
    """The lexicon key of a noun, trying multi-word phrases first ("phone conversation")."""
    lemma = tok.lemma_.lower()
    phrases = lex.phrases
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
        # "cease-fire", "sit-in": the tokenizer splits hyphenated words
        joined = tok.doc[tok.i - 2].lower_ + lemma
        if joined in lex.nouns:
            return joined
    # the nearest compound, then the nearest adjective: the small model tags "cyber",
    # "tear", "legal", "human" as adjectives ("cyber attack", "tear gas", "human shield"),
    # so a modifier of either kind makes a phrase the lexicon lists
    for dep in ("compound", "amod"):
        mods = [c.lemma_.lower() for c in tok.children if c.dep_ == dep and c.i < tok.i]
        if mods:
            key = phrases.get((mods[-1], lemma))
            if key:
                return key
    of = first_child(tok, "prep")
    if of is not None and of.lower_ == "of":
        pobj = first_child(of, "pobj")
        if pobj is not None:
            key = phrases.get((lemma, "of", pobj.lemma_.lower()))
            if key:
                return key
    return lemma
