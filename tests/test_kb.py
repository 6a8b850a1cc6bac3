"""The knowledge base: user tables, imports from PETRARCH and Wikidata, lookups, config."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from tacitus.cli.main import main
from tacitus.config import load_config
from tacitus.errors import DataError, UsageError
from tacitus.kb import load_kb
from tacitus.kb.lookup import lookup
from tacitus.kb.petrarch import convert, parse_actors, parse_agents
from tacitus.kb.wikidata import read_positions

from conftest import ROOT, shared_path

FIXTURES = ROOT / "tests" / "fixtures" / "kb"


def run(*args):
    return CliRunner().invoke(main, list(args), env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The fixture dictionaries imported with the CLI into a folder of tables."""
    out = tmp_path_factory.mktemp("kb")
    result = run(
        "kb",
        "import-petrarch",
        str(FIXTURES / "petrarch-actors.txt"),
        "--agents",
        str(FIXTURES / "petrarch-agents.txt"),
        "--out",
        str(out),
    )
    assert result.exit_code == 0, result.output
    result = run(
        "kb",
        "import-wikidata",
        str(FIXTURES / "wikidata-positions.json"),
        "--out",
        str(out / "wikidata"),
    )
    assert result.exit_code == 0, result.output
    return out


def test_lookup_answers_who_held_an_office_on_a_date():
    kb = load_kb()
    [office] = lookup(kb, "NATO Secretary-General", date(2023, 2, 1))
    assert (office.kind, office.kb_id, office.current) == (
        "office",
        "person/jens-stoltenberg",
        True,
    )
    [later] = lookup(kb, "Secretary-General of NATO", date(2025, 6, 1))
    assert later.kb_id == "person/mark-rutte"
    [blinken] = lookup(kb, "the U.S. secretary of state", date(2022, 5, 1))
    assert blinken.name == "Antony Blinken"


def test_lookup_of_a_former_official_keeps_the_name():
    [person] = lookup(load_kb(), "Stoltenberg", date(2025, 6, 1))
    assert person.kb_id == "person/jens-stoltenberg" and person.current is False
    assert person.role.startswith("former ") and person.sector == "ELI"


def test_lookup_cli_text_json_and_exit_codes():
    result = run("kb", "lookup", "NATO Secretary-General", "--on", "2023-02-01")
    assert result.exit_code == 0 and "Jens Stoltenberg" in result.output
    assert run("kb", "lookup", "Qwxyzzy", "--on", "2023-02-01").exit_code == 1
    assert run("kb", "lookup", "NATO", "--on", "yesterday").exit_code == 2


def test_parse_actor_records_and_their_dates():
    problems: list[str] = []
    text = (FIXTURES / "petrarch-actors.txt").read_text(encoding="utf-8")
    records = {r.phrases[0]: r for r in parse_actors(text, source="a.txt", problems=problems)}
    astrid = records["ASTRID HALVORSEN"]
    assert astrid.phrases == ["ASTRID HALVORSEN", "A HALVORSEN"]
    assert astrid.dated == [
        ("NORELI", date(1960, 1, 1), date(2010, 1, 1)),
        ("NORGOV", date(2010, 1, 1), date(2015, 11, 1)),
        ("NORELI", date(2015, 11, 1), None),
    ]
    assert records["NORDLAND COAST GUARD"].code == "NORMIL"
    assert records["OLAF BERG"].dated == [("NORGOV", date(1999, 1, 1), date(2005, 1, 1))]
    assert problems == [
        "a.txt line 23: bad date restriction '[NORGOV 9901x1-041231]' "
        "(dates are YYYYMMDD or YYMMDD)"
    ]


def test_agents_expand_substitutions():
    text = (FIXTURES / "petrarch-agents.txt").read_text(encoding="utf-8")
    assert parse_agents(text) == [
        ("HARBOUR MASTER", "~GOV"),
        ("FISHERIES MAN", "~AGR"),
        ("FISHERIES MEN", "~AGR"),
        ("FISHERIES WOMAN", "~AGR"),
        ("FISHERIES WOMEN", "~AGR"),
        ("FISHERIES PERSON", "~AGR"),
        ("LIGHTHOUSE KEEPER", "~CVL"),
    ]


def test_convert_sorts_records_into_our_tables():
    text = (FIXTURES / "petrarch-actors.txt").read_text(encoding="utf-8")
    out = convert(parse_actors(text), [("HARBOUR MASTER", "~GOV")], load_kb())
    assert [
        (p["name"], p["sector"], p["start"], p["end"])
        for p in out.people
        if p["name"] == "Astrid Halvorsen"
    ] == [
        ("Astrid Halvorsen", "ELI", "1960-01-01", "2010-01-01"),
        ("Astrid Halvorsen", "GOV", "2010-01-01", "2015-11-01"),
        ("Astrid Halvorsen", "ELI", "2015-11-01", ""),
    ]
    metonyms = {(m["phrase"], m["country"], m["sector"]) for m in out.metonyms}
    assert {
        ("Nordland", "NOR", ""),
        ("Nordish", "NOR", ""),
        ("Nordland Coast Guard", "NOR", "MIL"),
    } <= metonyms
    orgs = {o["name"]: o for o in out.organisations}
    assert orgs["Fjord Liberation Front"]["sector"] == "REB"
    assert "FLF" in orgs["Fjord Liberation Front"]["aliases"].split("|")
    assert orgs["North Sea Fisheries Council"]["cameo"] == "IGOEURNSF"
    assert out.skipped == {"unknown country code": 2, "no code": 1}  # RRR, ELB; ORPHAN PHRASE
    assert out.roles == [
        {"phrase": "harbour master", "sector": "GOV", "code": "GOV", "kind": "person", "note": ""}
    ]


def test_wikidata_rows():
    rows = read_positions(FIXTURES / "wikidata-positions.json")
    assert [
        (r["id"], r["role"], r["country"], r["org"], r["sector"], r["start"], r["end"])
        for r in rows
    ] == [
        ("person/ingrid-solberg-aas", "Fisheries Minister", "NOR", "", "GOV", "2024-02-01", ""),
        (
            "person/tomas-lindqvist",
            "Secretary General",
            "",
            "NSFC",
            "IGO",
            "2019-01-01",
            "2023-06-30",
        ),
    ]
    assert rows[0]["aliases"] == "I. Solberg-Aas|Solberg Aas"
    assert rows[0]["source"] == "Wikidata Q900001 (position held)"


def test_wikidata_result_without_required_variables(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"head": {"vars": ["person"]}, "results": {"bindings": []}}')
    with pytest.raises(DataError, match="the query must bind personLabel, start"):
        read_positions(path)


def test_imported_tables_extend_the_knowledge_base(imported):
    kb = load_kb([str(imported), str(imported / "wikidata")])
    [astrid] = lookup(kb, "Astrid Halvorsen", date(2012, 5, 1))
    assert (astrid.country, astrid.sector, astrid.current) == ("NOR", "GOV", True)
    [ingrid] = lookup(kb, "Solberg-Aas", date(2024, 5, 1))
    assert (ingrid.role, ingrid.code) == ("Fisheries Minister", "NORGOV")
    assert "harbour master" in kb.roles
    result = run("kb", "check", str(imported))
    assert result.exit_code == 0 and "people.tsv: ok" in result.output


def test_user_tables_reach_the_coder(imported, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Nordish Fisheries Minister Ingrid Solberg-Aas condemned the Fjord Liberation Front.",
        encoding="utf-8",
    )
    result = run(
        "code",
        str(article),
        "--published",
        "2024-05-01",
        "--format",
        "jsonl",
        "--kb",
        str(imported),
        "--kb",
        str(imported / "wikidata"),
    )
    assert result.exit_code == 0, result.output
    import json

    doc = json.loads(result.output)
    [event] = doc["events"]
    assert (event["source"]["kb_id"], event["source"]["country"]) == (
        "person/ingrid-solberg-aas",
        "NOR",
    )
    assert event["target"]["name"] == "Fjord Liberation Front"


def test_a_table_with_an_unknown_header_is_refused(tmp_path):
    bad = tmp_path / "mine.tsv"
    bad.write_text("name\tcode\nX\tY\n", encoding="utf-8")
    with pytest.raises(DataError, match="mine.tsv: the header .* is not one of the knowledge"):
        load_kb([str(bad)])
    with pytest.raises(DataError, match="no such knowledge-base table or folder"):
        load_kb([str(tmp_path / "missing")])


def test_config_file_and_environment(tmp_path):
    (tmp_path / "tables").mkdir()
    (tmp_path / "tacitus.toml").write_text('[kb]\npaths = ["tables"]\n[store]\npath = "st"\n')
    config = load_config(cwd=tmp_path, env={"TACITUS_KB": "/x/a.tsv"})
    assert config.kb_paths == (str((tmp_path / "tables").resolve()), "/x/a.tsv")
    assert config.store == "st"
    (tmp_path / "tacitus.toml").write_text("[kb\n")
    with pytest.raises(UsageError, match="not valid TOML"):
        load_config(cwd=tmp_path, env={})


@pytest.mark.slow
def test_the_full_phoenix_dictionaries_import(tmp_path):
    folder = shared_path("data", "phoenix-dictionaries")
    actors = [
        str(folder / n)
        for n in (
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        )
    ]
    result = run(
        "kb",
        "import-petrarch",
        *actors,
        "--agents",
        str(folder / "Phoenix.agents.txt"),
        "--out",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.output
    kb = load_kb([str(tmp_path)])
    assert sum(len(t) for t in kb.terms.values()) > 20_000
    answers = lookup(kb, "Ban Ki-moon", date(2010, 1, 1))
    assert answers and answers[0].kind == "person"
