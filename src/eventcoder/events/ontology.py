"""The PLOVER ontology and its CAMEO crosswalk, loaded from ``data/plover.yaml`` and
``data/cameo.yaml``.

Events are coded in PLOVER (type, mode, contexts); the CAMEO code, Goldstein value and
QuadClass are derived here so that GDELT-era tools can read the output. All lookups are
plain dict hits because they run once per coded event; the expensive part (parsing and
validating the YAML, ranking crosswalk entries) happens once in ``Ontology.load``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

import yaml

PACKAGE_FILES = ("plover.yaml", "cameo.yaml")

_CODE_RE = re.compile(r"\d{2,4}")
_TYPE_RE = re.compile(r"[A-Z][A-Z_]*")
_NAME_RE = re.compile(r"[a-z][a-z0-9_-]*")
_TOP_KEYS = frozenset({"version", "plover_codebook", "types", "contexts", "context_aliases", "auxiliary", "codes"})
_TYPE_KEYS = frozenset({"description", "quad_class", "score", "default_cameo", "modes", "aliases", "reciprocal"})
_MODE_KEYS = frozenset({"description", "score", "cameo"})
_CODE_KEYS = frozenset({"name", "goldstein", "plover", "crosswalk_type"})
_PLOVER_KEYS = frozenset({"type", "mode", "contexts"})


def _quad_of_root(root: int) -> int | None:
    """CAMEO QuadClass by cue category: 01-05 verbal coop, 06-08 material coop, 09-13 verbal conflict, 14-20 material conflict."""
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


_QUAD_BY_ROOT: dict[str, int] = {f"{r:02d}": q for r in range(1, 21) if (q := _quad_of_root(r)) is not None}


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type as the codebook defines it."""

    name: str
    description: str
    modes: tuple[str, ...]
    quad_class: int
    plover_score: float
    default_cameo: str
    reciprocal: bool = False
    """Participants are all actors, with no direction (PLOVER codes a meeting this way), so
    a dyad matches either way round."""


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code: its name, Goldstein value and the PLOVER event it stands for (type None: no PLOVER event)."""

    code: str
    name: str
    goldstein: float
    plover_type: str | None
    mode: str | None
    contexts: tuple[str, ...]


# ---------------------------------------------------------------------------- YAML reading
class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(key, line)
        self.key = key
        self.line = line


_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # C parser: ~6x faster start-up


class _StrictLoader(_SafeBase):  # type: ignore[valid-type,misc]
    """Safe loader that refuses repeated keys: PyYAML would silently keep the last one, hiding a duplicated code."""


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            if key in seen:
                raise _DuplicateKey(key, key_node.start_mark.line + 1)
            seen.add(key)
        except TypeError:  # unhashable key: SafeLoader reports it below
            pass
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _fail(src: str, entry: str, message: str) -> NoReturn:
    raise ValueError(f"{src}: {entry}: {message}")


def _parse(src: str, text: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except _DuplicateKey as dup:
        _fail(src, f"line {dup.line}", f"duplicate entry {dup.key!r}")
    except yaml.YAMLError as exc:
        raise ValueError(f"{src}: not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        _fail(src, "top level", "expected a mapping of sections (types, contexts, codes, ...)")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        _fail(src, "top level", f"unknown section(s) {sorted(map(str, unknown))}; expected some of {sorted(_TOP_KEYS)}")
    return data


def _mapping(src: str, entry: str, value: Any, allowed: frozenset[str] | None = None) -> dict[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        _fail(src, entry, f"expected a mapping, got {type(value).__name__}")
    if allowed is not None:
        unknown = set(value) - allowed
        if unknown:
            _fail(src, entry, f"unknown field(s) {sorted(map(str, unknown))}; expected some of {sorted(allowed)}")
    return value


def _number(src: str, entry: str, field: str, value: Any, low: float = -10.0, high: float = 10.0) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _fail(src, entry, f"{field} must be a number, got {value!r}")
    if not low <= value <= high:
        _fail(src, entry, f"{field} {value} is outside {low:g}..{high:g}")
    return float(value)


def _text(src: str, entry: str, field: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        _fail(src, entry, f"{field} must be non-empty text, got {value!r}")
    return value.strip()


def _code_key(src: str, entry: str, value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        _fail(src, entry, f"CAMEO code {value} must be quoted (YAML reads an unquoted 010 as the number 8)")
    if not isinstance(value, str) or not _CODE_RE.fullmatch(value) or value[:2] not in _QUAD_BY_ROOT:
        _fail(src, entry, f"{value!r} is not a CAMEO code (2-4 digits, root 01-20)")
    return value


# ---------------------------------------------------------------------------- the ontology
class Ontology:
    """PLOVER types, modes and contexts plus the CAMEO table, with the look-ups the coder needs per event."""

    def __init__(
        self,
        *,
        version: str,
        types: Mapping[str, EventType],
        contexts: Sequence[str],
        context_aliases: Mapping[str, str],
        auxiliary: Sequence[str],
        codes: Mapping[str, CameoCode],
        mode_aliases: Mapping[tuple[str, str], str],
        mode_scores: Mapping[tuple[str, str], float],
        mode_cameo: Mapping[tuple[str, str], str],
    ) -> None:
        self.version = version
        self.types: Mapping[str, EventType] = MappingProxyType(dict(types))
        self.contexts: tuple[str, ...] = tuple(contexts)
        self.auxiliary: tuple[str, ...] = tuple(auxiliary)
        self.codes: Mapping[str, CameoCode] = MappingProxyType(dict(codes))
        self._context = {c: c for c in self.contexts} | dict(context_aliases)
        self._mode = {(t.name, m): m for t in self.types.values() for m in t.modes} | dict(mode_aliases)
        self._mode_score = dict(mode_scores)
        self._by_tmc, by_tm, self._by_tc = self._rank_crosswalk()
        self._by_tm = by_tm | dict(mode_cameo)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, *extra_paths: str | Path) -> Ontology:
        """The package ontology, extended (or overridden, entry by entry) by ``extra_paths`` in order.

        Raises ValueError naming the file and the entry on any bad data.
        """
        data_dir = resources.files("eventcoder").joinpath("data")
        sources = [(str(data_dir.joinpath(name)), data_dir.joinpath(name).read_text(encoding="utf-8")) for name in PACKAGE_FILES]
        sources += [(str(p), Path(p).read_text(encoding="utf-8")) for p in extra_paths]
        return cls._build(sources)

    @classmethod
    def _build(cls, sources: Iterable[tuple[str, str]]) -> Ontology:
        version = ""
        raw_types: dict[str, tuple[str, dict[str, Any]]] = {}
        contexts: dict[str, str] = {}
        raw_aliases: dict[str, tuple[str, str]] = {}
        auxiliary: dict[str, str] = {}
        raw_codes: dict[str, tuple[str, dict[str, Any]]] = {}
        for src, text in sources:
            data = _parse(src, text)
            if "version" in data and not version:
                version = str(data["version"])
            for name, value in _mapping(src, "types", data.get("types")).items():
                if not isinstance(name, str) or not _TYPE_RE.fullmatch(name):
                    _fail(src, f"types.{name}", "type names are upper-case words such as CONSULT")
                raw_types[name] = (src, _mapping(src, f"types.{name}", value, _TYPE_KEYS))
            for name, desc in _mapping(src, "contexts", data.get("contexts")).items():
                if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
                    _fail(src, f"contexts.{name}", "context names are lower-case words such as economic")
                contexts[name] = _text(src, f"contexts.{name}", "description", desc)
            for alias, target in _mapping(src, "context_aliases", data.get("context_aliases")).items():
                raw_aliases[str(alias)] = (src, target)
            for name, desc in _mapping(src, "auxiliary", data.get("auxiliary")).items():
                auxiliary[str(name)] = _text(src, f"auxiliary.{name}", "description", desc)
            for key, value in _mapping(src, "codes", data.get("codes")).items():
                code = _code_key(src, f"codes.{key}", key)
                raw_codes[code] = (src, _mapping(src, f"codes.{code}", value, _CODE_KEYS))

        context_aliases: dict[str, str] = {}
        for alias, (src, target) in raw_aliases.items():
            if target not in contexts:
                _fail(src, f"context_aliases.{alias}", f"target {target!r} is not a known context")
            context_aliases[alias] = target

        types: dict[str, EventType] = {}
        mode_aliases: dict[tuple[str, str], str] = {}
        mode_scores: dict[tuple[str, str], float] = {}
        mode_cameo: dict[tuple[str, str], tuple[str, str]] = {}  # -> (code, src) until codes are known
        for name, (src, raw) in raw_types.items():
            where = f"types.{name}"
            for req in ("description", "quad_class", "score", "default_cameo"):
                if req not in raw:
                    _fail(src, where, f"missing field {req!r}")
            quad = raw["quad_class"]
            if isinstance(quad, bool) or quad not in (1, 2, 3, 4):
                _fail(src, where, f"quad_class must be 1, 2, 3 or 4, got {quad!r}")
            modes: list[str] = []
            for mode, mraw in _mapping(src, f"{where}.modes", raw.get("modes")).items():
                mwhere = f"{where}.modes.{mode}"
                if not isinstance(mode, str) or not _NAME_RE.fullmatch(mode):
                    _fail(src, mwhere, "mode names are lower-case words such as phone")
                mraw = _mapping(src, mwhere, mraw, _MODE_KEYS)
                _text(src, mwhere, "description", mraw.get("description"))
                if "score" in mraw:
                    mode_scores[(name, mode)] = _number(src, mwhere, "score", mraw["score"])
                if "cameo" in mraw:
                    mode_cameo[(name, mode)] = (_code_key(src, f"{mwhere}.cameo", mraw["cameo"]), src)
                modes.append(mode)
            for alias, target in _mapping(src, f"{where}.aliases", raw.get("aliases")).items():
                if target not in modes:
                    _fail(src, f"{where}.aliases.{alias}", f"target {target!r} is not a mode of {name}")
                if alias in modes:
                    _fail(src, f"{where}.aliases.{alias}", "an alias cannot have the name of a current mode")
                mode_aliases[(name, str(alias))] = target
            types[name] = EventType(
                name=name,
                description=_text(src, where, "description", raw["description"]),
                modes=tuple(modes),
                quad_class=quad,
                plover_score=_number(src, where, "score", raw["score"]),
                default_cameo=_code_key(src, f"{where}.default_cameo", raw["default_cameo"]),
                reciprocal=raw.get("reciprocal", False) is True,
            )

        def canonical_mode(type_: str, mode: Any, src: str, where: str) -> str | None:
            if mode is None or mode == "":
                return None
            found = None
            if isinstance(mode, str):
                found = mode if mode in types[type_].modes else mode_aliases.get((type_, mode))
            if found is None:
                valid = ", ".join(types[type_].modes) or "none"
                _fail(src, where, f"{mode!r} is not a mode of {type_} (valid: {valid})")
            return found

        codes: dict[str, CameoCode] = {}
        for code, (src, raw) in raw_codes.items():
            where = f"codes.{code}"
            for req in ("name", "goldstein", "plover"):
                if req not in raw:
                    _fail(src, where, f"missing field {req!r}")
            ptype: str | None = None
            mode: str | None = None
            ctxs: list[str] = []
            plover = raw["plover"]
            if plover is not None:
                plover = _mapping(src, f"{where}.plover", plover, _PLOVER_KEYS)
                ptype = plover.get("type")
                if not isinstance(ptype, str) or ptype not in types:
                    _fail(src, where, f"unknown PLOVER type {ptype!r}")
                mode = canonical_mode(ptype, plover.get("mode"), src, where)
                raw_ctx = plover.get("contexts") or []
                if not isinstance(raw_ctx, list):
                    _fail(src, where, f"contexts must be a list, got {raw_ctx!r}")
                for c in raw_ctx:
                    canon = (c if c in contexts else context_aliases.get(c)) if isinstance(c, str) else None
                    if canon is None:
                        _fail(src, where, f"unknown context {c!r}")
                    if canon not in ctxs:
                        ctxs.append(canon)
            if raw.get("crosswalk_type") is not None and raw["crosswalk_type"] not in types:
                _fail(src, where, f"crosswalk_type {raw['crosswalk_type']!r} is not a known type")
            codes[code] = CameoCode(
                code=code,
                name=_text(src, where, "name", raw["name"]),
                goldstein=_number(src, where, "goldstein", raw["goldstein"]),
                plover_type=ptype,
                mode=mode,
                contexts=tuple(ctxs),
            )

        def check_maps_back(code: str, type_: str, src: str, where: str) -> None:
            entry = codes.get(code)
            if entry is None:
                _fail(src, where, f"CAMEO code {code!r} is not in the CAMEO table")
            if entry.plover_type != type_:
                _fail(src, where, f"CAMEO code {code!r} maps to {entry.plover_type}, not {type_}")

        for name, t in types.items():
            check_maps_back(t.default_cameo, name, raw_types[name][0], f"types.{name}.default_cameo")
        for (name, mode), (code, src) in mode_cameo.items():
            check_maps_back(code, name, src, f"types.{name}.modes.{mode}.cameo")

        return cls(
            version=version,
            types=types,
            contexts=tuple(contexts),
            context_aliases=context_aliases,
            auxiliary=tuple(auxiliary),
            codes=codes,
            mode_aliases=mode_aliases,
            mode_scores=mode_scores,
            mode_cameo={k: code for k, (code, _) in mode_cameo.items()},
        )

    def _rank_crosswalk(self) -> tuple[dict[tuple[str, str, str], str], dict[tuple[str, str], str], dict[tuple[str, str], str]]:
        """Reverse indexes (type, mode, context) / (type, mode) / (type, context) -> best CAMEO code.

        Several codes share a key, so each index keeps the best-ranked one: codes whose CAMEO
        QuadClass agrees with the PLOVER type first (a 10x demand beats a 02x appeal for
        REQUEST), then the more general code (fewer digits, fewer contexts; for a bare
        context, no mode), then file order.
        """
        tmc: dict[tuple[str, str, str], tuple[tuple[int, ...], str]] = {}
        tm: dict[tuple[str, str], tuple[tuple[int, ...], str]] = {}
        tc: dict[tuple[str, str], tuple[tuple[int, ...], str]] = {}

        def offer(index: dict[Any, tuple[tuple[int, ...], str]], key: Any, rank: tuple[int, ...], code: str) -> None:
            if key not in index or rank < index[key][0]:
                index[key] = (rank, code)

        for order, entry in enumerate(self.codes.values()):
            t = entry.plover_type
            if t is None or len(entry.code) < 3:
                continue
            off_quad = int(_QUAD_BY_ROOT[entry.code[:2]] != self.types[t].quad_class)
            n_ctx, n_dig = len(entry.contexts), len(entry.code)
            if entry.mode is not None:
                offer(tm, (t, entry.mode), (off_quad, n_ctx, n_dig, order), entry.code)
                for c in entry.contexts:
                    offer(tmc, (t, entry.mode, c), (off_quad, n_dig, n_ctx, order), entry.code)
            for c in entry.contexts:
                offer(tc, (t, c), (off_quad, int(entry.mode is not None), n_dig, n_ctx, order), entry.code)
        return ({k: v[1] for k, v in tmc.items()}, {k: v[1] for k, v in tm.items()}, {k: v[1] for k, v in tc.items()})

    # ------------------------------------------------------------------ look-ups
    def _type(self, type_: str) -> EventType:
        try:
            return self.types[type_]
        except KeyError:
            raise KeyError(f"unknown PLOVER event type {type_!r}") from None

    def _entry(self, cameo: str | None) -> CameoCode | None:
        """Exact code, else its longest known prefix (an unlisted 4-digit code falls back to its 3-digit parent)."""
        if not cameo:
            return None
        entry = self.codes.get(cameo)
        if entry is None and cameo.isdigit():
            for n in range(min(len(cameo), 4) - 1, 1, -1):
                entry = self.codes.get(cameo[:n])
                if entry is not None:
                    break
        return entry

    def validate_mode(self, type: str, mode: str | None) -> str | None:  # noqa: A002 - `type` is the public keyword name
        """The canonical mode name, or None when ``mode`` is empty or not a mode of ``type``.

        Retired crosswalk names (``assassinate``, ``ban``) are accepted and translated.
        """
        if not mode:
            return None
        found = self._mode.get((type, mode))
        if found is None:
            found = self._mode.get((type, mode.strip().lower()))
        return found

    def normalize_contexts(self, contexts: Iterable[str]) -> tuple[str, ...]:
        """Known contexts in their current names (aliases such as ``humanitarian`` translated), unknown ones dropped."""
        out: list[str] = []
        for c in contexts:
            canon = self._context.get(c)
            if canon is not None and canon not in out:
                out.append(canon)
        return tuple(out)

    def cameo_for(self, type: str, mode: str | None = None, contexts: Sequence[str] = ()) -> str:  # noqa: A002
        """Best CAMEO code for a PLOVER event: (type, mode, context), then (type, mode), then (type, context), then the type's default."""
        default = self._type(type).default_cameo
        mode = self.validate_mode(type, mode)
        ctxs = self.normalize_contexts(contexts) if contexts else ()
        if mode is not None:
            for c in ctxs:
                code = self._by_tmc.get((type, mode, c))
                if code is not None:
                    return code
            code = self._by_tm.get((type, mode))
            if code is not None:
                return code
        for c in ctxs:
            code = self._by_tc.get((type, c))
            if code is not None:
                return code
        return default

    def goldstein(self, cameo: str) -> float | None:
        """Goldstein value of a CAMEO code (unlisted sub-codes take their parent's), None if unknown."""
        entry = self._entry(cameo)
        return entry.goldstein if entry is not None else None

    def quad_class(self, cameo: str) -> int | None:
        """CAMEO QuadClass from the code's root: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4; None if malformed."""
        if not cameo or not cameo.isdigit() or not 2 <= len(cameo) <= 4:
            return None
        return _QUAD_BY_ROOT.get(cameo[:2])

    def plover_score(self, type: str, mode: str | None = None) -> float:  # noqa: A002
        """PLOVER conflict/cooperation score: the type:mode score where the codebook gives one, else the type's."""
        base = self._type(type).plover_score
        if mode:
            canon = self.validate_mode(type, mode)
            if canon is not None:
                return self._mode_score.get((type, canon), base)
        return base

    def cameo_to_plover(self, cameo: str) -> tuple[str | None, str | None, tuple[str, ...]]:
        """(type, mode, contexts) for a CAMEO code; (None, None, ()) for statements (01x) and unknown codes."""
        entry = self._entry(cameo)
        if entry is None:
            return (None, None, ())
        return (entry.plover_type, entry.mode, entry.contexts)

    def cameo_name(self, cameo: str) -> str | None:
        """Short human-readable name of a CAMEO code."""
        entry = self._entry(cameo)
        return entry.name if entry is not None else None


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """The package ontology, parsed once per process."""
    return Ontology.load()
