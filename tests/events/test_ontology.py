"""The PLOVER/CAMEO ontology: the data says what the codebook and crosswalk say, and the loader's look-ups and errors behave."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from eventcoder.events.ontology import Ontology, default_ontology

CROSSWALK = Path("/work/shared/reference/CAMEO2PLOVER-2021.txt")
CAMEO_YAML = Path(__file__).resolve().parents[2] / "src" / "eventcoder" / "data" / "cameo.yaml"

# The codebook's modes per type (AGREE, SUPPORT, CONCEDE, COOPERATE and AID have none).
CODEBOOK_MODES = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold", "misinformation", "cyber"),
    "ASSAULT": (
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional",
    ),
}
QUADS = {
    1: {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
    2: {"COOPERATE", "AID", "RETREAT"},
    3: {"REQUEST", "ACCUSE", "REJECT", "THREATEN"},
    4: {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
}
# Codes whose type we take from the codebook's category text instead of the crosswalk (cameo.yaml header).
DEVIATIONS = {
    "035": ("AGREE", "CONCEDE"), "0351": ("AGREE", "CONCEDE"), "0352": ("AGREE", "CONCEDE"),
    "0353": ("AGREE", "CONCEDE"), "0354": ("AGREE", "CONCEDE"), "0355": ("AGREE", "CONCEDE"),
    "0356": ("AGREE", "CONCEDE"), "055": ("SUPPORT", "CONCEDE"), "0813": ("RETREAT", "CONCEDE"),
    "0814": ("RETREAT", "CONCEDE"), "116": ("ACCUSE", "SANCTION"), "163": ("COERCE", "SANCTION"),
}


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return default_ontology()


def _crosswalk() -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """code -> [(type, mode, contexts)] as the crosswalk file writes them (some codes appear twice)."""
    if not CROSSWALK.exists():
        pytest.skip(f"{CROSSWALK} not present")
    rows: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for line in CROSSWALK.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):(.*)$", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split("#")[0].split(",")] + ["", ""]
        contexts = tuple(c.strip() for c in fields[2].split(";") if c.strip())
        rows.setdefault(m.group(1), []).append((fields[0], fields[1], contexts))
    return rows


# ------------------------------------------------------------------------------ the data
def test_all_sixteen_types_with_codebook_modes(onto: Ontology) -> None:
    assert set(onto.types) == set(CODEBOOK_MODES)
    for name, t in onto.types.items():
        assert t.name == name and t.description
        assert t.modes == CODEBOOK_MODES[name], name
        assert name in QUADS[t.quad_class]
        assert onto.cameo_to_plover(t.default_cameo)[0] == name


def test_scores_follow_the_codebook_and_the_quad_sign(onto: Ontology) -> None:
    expected = {
        "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10.0,
        "RETREAT": 6.5, "REQUEST": 0.0, "ACCUSE": -3.0, "REJECT": -2.0, "THREATEN": -3.5,
        "PROTEST": -5.0, "SANCTION": -6.0, "MOBILIZE": -5.5, "COERCE": -7.0, "ASSAULT": -9.0,
    }
    assert {n: t.plover_score for n, t in onto.types.items()} == expected
    for t in onto.types.values():
        assert (t.plover_score > 0) == (t.quad_class <= 2)
    assert onto.plover_score("CONSULT", "visit") == 4.0
    assert onto.plover_score("CONSULT", "phone") == 1.5
    assert onto.plover_score("RETREAT", "disarm") == 10.0
    assert onto.plover_score("ASSAULT", "unconventional") == -10.0
    assert onto.plover_score("ASSAULT", "massacre") == -9.5  # alias of targeted
    assert onto.plover_score("PROTEST", "vandalize") == -5.0  # no mode score: the type's
    assert onto.plover_score("CONSULT", "firearms") == 2.5  # invalid mode: the type's
    with pytest.raises(KeyError, match="CHAT"):
        onto.plover_score("CHAT")


def test_only_meetings_are_reciprocal(onto: Ontology) -> None:
    """The codebook's "Compound and Reciprocal Actors": a meeting lists all parties as actor."""
    assert [t.name for t in onto.types.values() if t.reciprocal] == ["CONSULT"]


def test_contexts_and_auxiliary_fields(onto: Ontology) -> None:
    assert len(onto.contexts) == 37
    for c in ("military", "economic", "diplomatic", "human_security", "pro_autocracy", "cbrn", "trafficking"):
        assert c in onto.contexts
    assert onto.auxiliary == ("negation", "hypothetical", "future", "historical")
    assert onto.normalize_contexts(["humanitarian", "economic", "bogus", "economic", "democracy"]) == (
        "human_security",
        "economic",
        "pro_democracy",
    )


def test_every_code_is_complete(onto: Ontology) -> None:
    assert len(onto.codes) > 300
    for code, entry in onto.codes.items():
        assert entry.code == code and entry.name
        assert -10.0 <= entry.goldstein <= 10.0
        assert onto.quad_class(code) is not None
        if entry.plover_type is not None:
            assert entry.mode is None or entry.mode in onto.types[entry.plover_type].modes, code
            assert all(c in onto.contexts for c in entry.contexts), code
    assert all(onto.codes[c].plover_type is None for c in ("01", "010", "011", "015", "016", "019"))
    assert all(onto.codes[c].plover_type == "REQUEST" for c in ("02", "020", "0214", "0233", "025", "028"))


def test_every_crosswalk_code_maps_to_the_crosswalk_type(onto: Ontology) -> None:
    rows = _crosswalk()
    declared = {code: e["crosswalk_type"] for code, e in yaml.safe_load(CAMEO_YAML.read_text())["codes"].items() if "crosswalk_type" in e}
    assert {c: (x, onto.codes[c].plover_type) for c, x in declared.items()} == DEVIATIONS
    for code, variants in rows.items():
        assert code in onto.codes, f"crosswalk code {code} missing"
        xw_types = {v[0] for v in variants}
        ours = onto.codes[code].plover_type
        if code in DEVIATIONS:
            assert xw_types == {DEVIATIONS[code][0]} and ours == DEVIATIONS[code][1]
        else:
            assert ours in xw_types, f"{code}: ours {ours}, crosswalk {xw_types}"


def test_crosswalk_modes_and_contexts_agree_once_renamed(onto: Ontology) -> None:
    """Modes/contexts match the crosswalk after its retired names are translated; 175 and 195 are documented fixes."""
    for code, variants in _crosswalk().items():
        xw_type, xw_mode, xw_ctx = variants[0]
        entry = onto.codes[code]
        if code in DEVIATIONS or code in ("175", "195") or len(code) == 2:
            continue
        canon = onto.validate_mode(xw_type, xw_mode)
        if canon is not None:
            assert entry.mode == canon, code
        assert set(entry.contexts) == set(onto.normalize_contexts(xw_ctx)), code
    assert onto.codes["195"].mode == "aerial"
    assert onto.codes["175"].contexts == ("pro_autocracy", "military")


# ------------------------------------------------------------------------------ look-ups
@pytest.mark.parametrize(
    ("type_", "mode", "contexts", "code"),
    [
        ("CONSULT", "phone", (), "041"),
        ("CONSULT", "visit", (), "042"),
        ("CONSULT", None, (), "040"),
        ("CONSULT", None, ("diplomatic",), "045"),
        ("ASSAULT", None, (), "180"),
        ("ASSAULT", None, ("military",), "190"),
        ("ASSAULT", "firearms", (), "193"),
        ("ASSAULT", "aerial", ("military",), "195"),
        ("ASSAULT", "assassinate", (), "186"),
        ("ASSAULT", "beat", (), "182"),
        ("SANCTION", None, (), "160"),
        ("SANCTION", "discontinue", (), "163"),
        ("SANCTION", "discontinue", ("economic",), "163"),
        ("SANCTION", "withdraw", ("diplomatic",), "161"),
        ("ACCUSE", "disapprove", (), "111"),
        ("ACCUSE", "allege", ("legal",), "115"),
        ("ACCUSE", "investigate", ("human_rights",), "092"),
        ("REQUEST", "assist", ("economic",), "1011"),  # the demand, not the 02x appeal
        ("REQUEST", None, (), "100"),
        ("AID", None, ("humanitarian",), "073"),
        ("THREATEN", "violence", ("military",), "138"),
        ("COERCE", "arrest", (), "173"),
        ("COERCE", "ban", (), "172"),
        ("MOBILIZE", "troops", (), "154"),
        ("PROTEST", "demo", ("bogus", "rights_freedoms"), "1413"),
        ("RETREAT", "ease", ("economic",), "085"),  # retired mode: falls through to (type, context)
        ("CONSULT", "firearms", (), "040"),  # invalid mode: the type's default
    ],
)
def test_cameo_for(onto: Ontology, type_: str, mode: str | None, contexts: tuple[str, ...], code: str) -> None:
    assert onto.cameo_for(type_, mode, contexts) == code


def test_cameo_for_always_round_trips_to_the_same_type(onto: Ontology) -> None:
    for name, t in onto.types.items():
        for mode in (None, *t.modes):
            for ctxs in ((), *((c,) for c in onto.contexts)):
                code = onto.cameo_for(name, mode, ctxs)
                assert onto.cameo_to_plover(code)[0] == name, (name, mode, ctxs, code)
    with pytest.raises(KeyError, match="CHAT"):
        onto.cameo_for("CHAT")


@pytest.mark.parametrize(
    ("code", "goldstein", "quad"),
    [
        ("010", 0.0, 1), ("016", -2.0, 1), ("020", 3.0, 1), ("036", 4.0, 1), ("040", 1.0, 1), ("042", 1.9, 1),
        ("051", 3.4, 1), ("057", 8.0, 1), ("061", 6.4, 2), ("0874", 10.0, 2), ("090", -2.0, 3),
        ("111", -2.0, 3), ("130", -4.4, 3), ("1385", -7.0, 3), ("145", -7.5, 4), ("163", -8.0, 4),
        ("165", -6.5, 4), ("173", -5.0, 4), ("182", -9.5, 4), ("190", -10.0, 4), ("2042", -10.0, 4),
    ],
)
def test_goldstein_and_quad_class(onto: Ontology, code: str, goldstein: float, quad: int) -> None:
    assert onto.goldstein(code) == goldstein
    assert onto.quad_class(code) == quad


def test_unknown_and_malformed_codes(onto: Ontology) -> None:
    assert onto.goldstein("0415") == 1.0  # unlisted sub-code: parent 041
    assert onto.cameo_to_plover("1839") == onto.cameo_to_plover("183")
    assert onto.cameo_to_plover("015") == (None, None, ())
    assert onto.cameo_to_plover("999") == (None, None, ())
    for bad in ("", "21", "00", "abc", "12345", "1a"):
        assert onto.quad_class(bad) is None
    assert onto.goldstein("abc") is None
    assert onto.cameo_to_plover("041") == ("CONSULT", "phone", ())
    assert onto.cameo_to_plover("163") == ("SANCTION", "discontinue", ("economic",))


def test_validate_mode(onto: Ontology) -> None:
    assert onto.validate_mode("CONSULT", "phone") == "phone"
    assert onto.validate_mode("ASSAULT", " Firearms ") == "firearms"
    assert onto.validate_mode("ASSAULT", "massacre") == "targeted"
    assert onto.validate_mode("THREATEN", "ban") == "restrict"
    assert onto.validate_mode("CONSULT", "firearms") is None
    assert onto.validate_mode("AGREE", "visit") is None
    assert onto.validate_mode("RETREAT", "ease") is None
    assert onto.validate_mode("CONSULT", None) is None
    assert onto.validate_mode("CHAT", "phone") is None


def test_default_is_cached() -> None:
    assert default_ontology() is default_ontology()


# ------------------------------------------------------------------------------ extra files and errors
def test_extra_file_extends_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        'codes:\n'
        '  "0415": {name: "video call", goldstein: 1.2, plover: {type: CONSULT, mode: phone}}\n'
        '  "041": {name: "phone call", goldstein: 1.1, plover: {type: CONSULT, mode: phone}}\n'
    )
    onto = Ontology.load(extra)
    assert onto.goldstein("0415") == 1.2
    assert onto.goldstein("041") == 1.1
    assert onto.cameo_name("0415") == "video call"
    assert default_ontology().goldstein("041") == 1.0


GOOD = '{name: "x", goldstein: 1.0, plover: {type: CONSULT}}'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('codes:\n  "0415": {name: x, goldstein: 1.0, plover: {type: CHAT}}\n', r"codes\.0415: unknown PLOVER type 'CHAT'"),
        ('codes:\n  "0415": {name: x, goldstein: high, plover: null}\n', r"codes\.0415: goldstein must be a number, got 'high'"),
        ('codes:\n  "0415": {name: x, goldstein: 11, plover: null}\n', r"codes\.0415: goldstein 11 is outside -10\.\.10"),
        (f'codes:\n  "0415": {GOOD}\n  "0416": {GOOD}\n  "0415": {GOOD}\n', r"line 4: duplicate entry '0415'"),
        (f"codes:\n  0415: {GOOD}\n", r"must be quoted"),
        (f'codes:\n  "2101": {GOOD}\n', r"'2101' is not a CAMEO code"),
        ('codes:\n  "0415": {name: x, goldstein: 1, plover: {type: CONSULT, mode: telepathy}}\n', r"'telepathy' is not a mode of CONSULT \(valid: visit"),
        ('codes:\n  "0415": {name: x, goldstein: 1, plover: {type: CONSULT, contexts: [gossip]}}\n', r"codes\.0415: unknown context 'gossip'"),
        ('codes:\n  "0415": {name: x, goldstien: 1, plover: null}\n', r"unknown field\(s\) \['goldstien'\]"),
        ('codes:\n  "0415": {name: x, plover: null}\n', r"codes\.0415: missing field 'goldstein'"),
        ("types:\n  AGREE: {description: d, quad_class: 1, score: 2.5, default_cameo: \"111\"}\n", r"types\.AGREE\.default_cameo: CAMEO code '111' maps to ACCUSE, not AGREE"),
        ("types:\n  AGREE: {description: d, quad_class: 5, score: 2.5, default_cameo: \"030\"}\n", r"types\.AGREE: quad_class must be"),
        ("codes: [1, 2\n", r"not valid YAML"),
        ("cameo: {}\n", r"unknown section"),
    ],
)
def test_bad_data_is_reported_with_file_and_entry(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    with pytest.raises(ValueError, match=message) as err:
        Ontology.load(bad)
    assert str(err.value).startswith(str(bad))
