"""Knowledge tables: each loads, they agree with each other, and with the public references."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tacitus.kb import load_kb
from tacitus.kb.tables import ORGANISATIONS, PEOPLE
from tacitus.ontology import load_lexicon, load_ontology
from tacitus.resources import data_dir, load_bundled

from conftest import shared_path


@pytest.fixture(scope="module")
def ontology():
    return load_ontology()


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_every_cameo_root_and_about_300_codes(ontology):
    assert ontology.roots() == [f"{n:02d}" for n in range(1, 21)]
    assert len(ontology.codes) >= 300
    for code in ontology.codes.values():
        assert code.root in ontology.codes
        assert -10 <= code.goldstein <= 10


def test_quad_class_follows_gdelt_by_root(ontology):
    expected = {1: range(1, 6), 2: range(6, 10), 3: range(10, 15), 4: range(15, 21)}
    for code in ontology.codes.values():
        assert int(code.root) in expected[code.quad_class], code


def test_plover_types_modes_and_mapping(ontology):
    assert sorted(ontology.plover) == sorted(
        [
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "RETREAT",
            "REQUEST",
            "ACCUSE",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "SANCTION",
            "MOBILIZE",
            "COERCE",
            "ASSAULT",
        ]
    )
    assert sum(len(t.modes) for t in ontology.plover.values()) >= 40
    for code in ontology.codes.values():
        if code.root in {"01", "02"}:
            assert code.plover is None, code  # statements and appeals have no PLOVER type
        else:
            assert code.plover in ontology.plover, code
            assert (
                code.plover_mode is None or code.plover_mode in ontology.plover[code.plover].modes
            )
    assert ontology.get("163").plover == "SANCTION" and ontology.get("190").plover == "ASSAULT"


def test_lexicon_covers_every_root_and_many_specific_codes(ontology):
    lexicon = load_lexicon()
    codes = {s.code for senses in lexicon._senses.values() for s in senses}
    assert {c[:2] for c in codes} == set(ontology.roots())
    assert len({c for c in codes if len(c) > 2 and not c.endswith("0")}) >= 200
    assert len(lexicon) >= 600
    assert len(lexicon.support) >= 40
    assert len(lexicon.cues) >= 150
    for (lemma, pos), cue in lexicon.cues.items():
        assert cue.stance, (lemma, pos)


def test_lexicon_slots_only_name_known_dependents():
    lexicon = load_lexicon()
    for senses in lexicon._senses.values():
        for sense in senses:
            for slot in sense.targets:
                assert re.fullmatch(r"dobj|dative|obj_poss|(obj_)?prep:[a-z]+", slot), sense


def test_actor_tables_are_big_enough(kb):
    assert len(kb.countries) >= 249
    orgs = load_bundled("organisations.tsv", ORGANISATIONS)
    groups = load_bundled("groups.tsv", ORGANISATIONS)
    assert len(orgs) >= 120
    assert sum(1 for g in groups if g["id"].startswith("group/")) >= 100
    assert len(kb.roles) >= 400
    assert sum(len(terms) for terms in kb.terms.values()) >= 1500


def test_no_surface_form_names_two_different_countries(kb):
    owners: dict[str, set[str]] = {}
    for name, entities in kb.names.items():
        countries = {e.country for e in entities if e.kind == "country"}
        if countries:
            owners.setdefault(name, set()).update(countries)
    clashes = {name: c for name, c in owners.items() if len(c) > 1}
    assert not clashes


def test_people_offices_point_at_known_countries_and_organisations(kb):
    orgs = {row["org"] for row in load_bundled("organisations.tsv", ORGANISATIONS) if row["org"]}
    for row in load_bundled("people.tsv", PEOPLE):
        assert row["org"] is None or row["org"] in orgs, row
        assert row["country"] is None or row["country"] in kb.countries, row
        assert row["source"]


def test_terms_of_one_office_do_not_overlap_much(kb):
    # Shared offices (co-princes, collective presidencies, several spokespeople) are real;
    # anything else overlapping by more than a month is a data error.
    shared = {
        "co prince",
        "captain regent",
        "member of the presidency",
        "foreign ministry spokesperson",
        "chairman of the presidency",
    }
    overlaps = []
    for (role, country, org), terms in kb.offices.items():
        if role in shared:
            continue
        ordered = sorted(terms, key=lambda t: t.start)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if a.end is not None and (a.end - b.start).days > 31:
                overlaps.append((role, country, org, a.name, b.name))
            if a.end is None and a.person_id != b.person_id:
                overlaps.append((role, country, org, a.name, b.name))
    assert overlaps == []


def test_every_table_is_documented_and_loaded():
    readme = (data_dir() / "README.md").read_text(encoding="utf-8")
    tables = sorted(p.name for p in data_dir().glob("*.tsv"))
    assert tables, "no tables found"
    for name in tables:
        assert f"`{name}`" in readme, f"{name} is not described in tacitus/data/README.md"


def test_cameo_table_agrees_with_the_public_code_list(ontology):
    codefile = shared_path("data", "cameo-codes", "CAMEO_codefile.txt")
    listed = set(
        re.findall(r"^LABEL: (\d{3,4})=", codefile.read_text(encoding="latin-1"), flags=re.M)
    )
    assert listed and listed <= set(ontology.codes)


def test_goldstein_values_are_gdelts(ontology):
    table = shared_path("data", "cameo-codes", "CAMEO.goldsteinscale.GDELT.txt")
    for line in table.read_text(encoding="latin-1").splitlines()[1:]:
        code, value = line.split("\t")
        if code in ontology.codes:
            assert ontology.get(code).goldstein == float(value), code


def test_no_line_of_a_reference_file_is_copied_into_our_tables():
    root = shared_path("data")
    theirs: set[str] = set()
    for path in root.rglob("*.txt"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if len(line.strip()) >= 20:
                theirs.add(line.strip())
    counts: Counter = Counter()
    for path in data_dir().glob("*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() in theirs:
                counts[path.name] += 1
    assert not counts, f"lines identical to ../shared/data in: {dict(counts)}"
