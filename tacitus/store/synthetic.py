"""A synthetic store of any size, for benchmarks and tests of the readers (dashboard, API).

`generate_store(path, events=1_000_000)` writes a store in the layout of docs/store.md with
the schemas of `tacitus.store.schema`: articles whose text holds a sentence per event (built
from the example sentences of the event lexicon), actors drawn from the knowledge tables with a
long-tailed frequency (a few states in most events, hundreds in few), regular partners,
CAMEO codes weighted like news coverage, dates over years with a trend and bursts, places with
coordinates, quotes with speakers, and a few failures. Every offset points into the text.
The output depends only on the arguments (a seeded generator).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from tacitus.errors import StoreError
from tacitus.kb.tables import COUNTRIES, ORGANISATIONS, PEOPLE, PLACES
from tacitus.ontology.cameo import load_ontology
from tacitus.ontology.lexicon import LEXICON
from tacitus.resources import load_bundled
from tacitus.store.schema import ACTOR_COLUMNS, CLUSTER_TABLES, SCHEMA_VERSION, TABLES

__all__ = ["generate_store"]

# States most present in international news first; the others follow in a seeded order.
_PROMINENT = (
    "USA RUS CHN UKR ISR IRN GBR FRA DEU PSE IND TUR SYR JPN PAK SAU KOR PRK IRQ EGY AFG "
    "NGA QAT LBN YEM ITA CAN AUS BRA ZAF MEX SDN ETH KEN VEN POL ARE JOR LBY MMR PHL IDN "
    "ESP TWN BLR GEO ARM AZE SRB HUN"
)
PROMINENT = _PROMINENT.split()
# How each modality is written around the `X verb Y` sentence (prefix, words after X).
MODALITY_FRAMES = {
    "asserted": ("", ""),
    "reported": ("", ""),
    "negated": ("Officials denied that ", ""),
    "hypothetical": ("It was unclear whether ", ""),
    "future": ("Under a plan announced this week, ", " soon"),
}
# Share of each root in coded news (verbal cooperation dominates, as in GDELT).
ROOT_SHARE = {
    "01": 12, "02": 6, "03": 7, "04": 20, "05": 8, "06": 3, "07": 3, "08": 3, "09": 1,
    "10": 3, "11": 7, "12": 2, "13": 3, "14": 3, "15": 1, "16": 2, "17": 6, "18": 5,
    "19": 6, "20": 0.3,
}  # fmt: skip
SECTOR_SHARE = {
    "MIL": ("the {d} military", 0.3), "OPP": ("the {d} opposition", 0.1),
    "REB": ("{d} rebels", 0.06), "CVL": ("{d} protesters", 0.15),
    "BUS": ("{d} companies", 0.06), "MED": ("{d} state media", 0.05),
    "COP": ("{d} police", 0.1), "JUD": ("a {d} court", 0.04), "LEG": ("the {d} parliament", 0.07),
}  # fmt: skip
MODALITIES = ("asserted", "reported", "negated", "hypothetical", "future")
MODALITY_SHARE = (0.74, 0.13, 0.05, 0.04, 0.04)
TOPICS = (
    "sanctions", "ceasefire", "trade", "elections", "nuclear programme", "border", "aid",
    "refugees", "talks", "climate", "security", "investment", "human rights", "energy",
)  # fmt: skip
STATEMENTS = (
    "We will not accept any threat to our sovereignty over {t}",
    "The {t} must be discussed without preconditions",
    "Our position on {t} has not changed",
    "There can be no progress on {t} while the violence continues",
    "We welcome the agreement on {t} and call on all parties to respect it",
    "This is a decisive moment for {t} in the region",
    "The international community has to act on {t} now",
    "We are ready to talk about {t} at any level",
)
CUES = ("said", "told reporters", "said in a statement", "wrote", "added")
FAILURE_REASONS = (("read", "empty"), ("read", "malformed"), ("read", "not_english"))


@dataclass(frozen=True)
class _Actor:
    name: str
    code: str
    country: str | None
    org: str | None
    sector: str | None
    role: str | None
    kb_id: str | None
    text: str
    weight: float

    def fields(self) -> tuple:
        return tuple(getattr(self, c) for c in ACTOR_COLUMNS)


class _World:
    """The actors, codes, sentence templates and places the generator draws from."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.actors = _actors(rng)
        weights = np.array([a.weight for a in self.actors])
        self.actor_p = weights / weights.sum()
        by_country: dict[str | None, list[int]] = {}
        for i, actor in enumerate(self.actors):
            by_country.setdefault(actor.country, []).append(i)
        # Each actor has a few regular partners, drawn by prominence, so dyads repeat.
        self.partners = rng.choice(len(self.actors), size=(len(self.actors), 6), p=self.actor_p)
        self.templates = _templates()
        self.codes = sorted(self.templates)
        ontology = load_ontology()
        self.cameo = {c: ontology.get(c) for c in self.codes}
        share = np.array([ROOT_SHARE[c[:2]] / _per_root(self.codes, c[:2]) for c in self.codes])
        self.code_p = share / share.sum()
        self.places = _places()

    def place(self, rng: np.random.Generator, country: str | None) -> tuple | None:
        options = self.places.get(country or "")
        return options[rng.integers(len(options))] if options else None


def _per_root(codes: list[str], root: str) -> int:
    return sum(1 for c in codes if c[:2] == root)


def _actors(rng: np.random.Generator) -> list[_Actor]:
    countries = [r for r in load_bundled("countries.tsv", COUNTRIES) if r["demonyms"]]
    rest = sorted((r for r in countries if r["iso3"] not in PROMINENT), key=lambda r: r["iso3"])
    rng.shuffle(rest)  # type: ignore[arg-type]
    ranked = sorted(
        (r for r in countries if r["iso3"] in PROMINENT), key=lambda r: PROMINENT.index(r["iso3"])
    )
    people = _people_by_country()
    actors: list[_Actor] = []
    for rank, row in enumerate([*ranked, *rest]):
        iso3, weight = row["iso3"], 1.0 / (rank + 4) ** 1.15
        code = row["cameo"] or iso3
        actors.append(
            _Actor(row["name"], code + "GOV", iso3, None, "GOV", None, None, row["name"], weight)
        )
        if rank < 60:
            demonym = row["demonyms"][0]
            for sector, (text, share) in SECTOR_SHARE.items():
                name = text.format(d=demonym).removeprefix("the ").removeprefix("a ")
                actors.append(
                    _Actor(
                        name,
                        code + sector,
                        iso3,
                        None,
                        sector,
                        None,
                        None,
                        text.format(d=demonym),
                        weight * share,
                    )
                )
        for person in people.get(iso3, [])[:3]:
            text = f"{person['role']} {person['name']}"
            actors.append(
                _Actor(
                    person["name"],
                    code + person["sector"],
                    iso3,
                    None,
                    person["sector"],
                    person["role"],
                    person["id"],
                    text,
                    weight * 0.2,
                )
            )
    orgs = [r for r in load_bundled("organisations.tsv", ORGANISATIONS) if r["sector"] == "IGO"]
    for rank, row in enumerate(orgs[:40]):
        label = row["acronym"] or row["name"]
        code = row["cameo"] or "IGO" + label.upper().replace(" ", "")[:6]
        weight = 1.0 / (rank * 3 + 12) ** 1.15
        actors.append(
            _Actor(row["name"], code, None, row["org"], "IGO", None, row["id"], label, weight)
        )
    return actors


def _people_by_country() -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for row in load_bundled("people.tsv", PEOPLE):
        if row["end"] is None and row["country"]:
            found.setdefault(row["country"], []).append(row)
    return found


def _templates() -> dict[str, list[tuple[str, ...]]]:
    """CAMEO code -> sentence templates `X verb ... Y` from the lexicon's examples."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for row in load_bundled("lexicon.tsv", LEXICON):
        example = row["example"] or ""
        words = example.split(" ")
        if len(words) < 3 or words[0] != "X" or "Y" not in example or "Z" in example:
            continue
        # The template is split around X, the trigger word and Y, so offsets are exact.
        before_y, _, after_y = " ".join(words[2:]).partition("Y")
        found.setdefault(row["code"], []).append((words[1], before_y, after_y))
    return found


def _places() -> dict[str, list[tuple]]:
    places: dict[str, list[tuple]] = {}
    for row in load_bundled("places.tsv", PLACES):
        if row["kind"] != "region":
            places.setdefault(row["country"], []).append(
                (row["name"], row["country"], row["lat"], row["lon"], row["geonameid"])
            )
    return places


class _Text:
    """An article being written: appends pieces and returns their offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def value(self) -> str:
        return "".join(self.parts)


class _Batch:
    """Columns of every table of one batch, filled row by row."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.columns: dict[str, dict[str, list]] = {
            t: {f.name: [] for f in schema} for t, schema in TABLES.items()
        }

    def add(self, table: str, **values) -> None:
        columns = self.columns[table]
        for name, column in columns.items():
            column.append(values.get(name))

    def rows(self, table: str) -> int:
        return len(self.columns[table]["doc_id"])

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        for table, schema in TABLES.items():
            data = pa.Table.from_pydict(self.columns[table], schema=schema)
            pq.write_table(data, folder / f"{table}.parquet", compression="zstd")


def _days(rng: np.random.Generator, start: date, days: int, n: int) -> np.ndarray:
    """Publication days: a rising trend, weekly rhythm and a few bursts of news."""
    t = np.arange(days)
    weight = 1.0 + 0.8 * t / days
    weight *= np.where((t + start.weekday()) % 7 >= 5, 0.6, 1.0)
    for centre in rng.integers(0, days, size=max(1, days // 200)):
        weight += 3.0 * np.exp(-(((t - centre) / 6.0) ** 2))
    return np.sort(rng.choice(days, size=n, p=weight / weight.sum()))


def generate_store(
    path: Path | str,
    *,
    events: int = 1_000_000,
    seed: int = 7,
    start: date = date(2019, 1, 1),
    years: int = 6,
    batch_docs: int = 25_000,
) -> dict[str, int]:
    """Write a synthetic store of about `events` events into the empty or absent folder `path`.

    Returns the number of rows of each table. Batches of `batch_docs` articles are written to
    `tmp/` and renamed into `parts/`, as the store writer does.
    """
    path = Path(path)
    if path.exists() and any(path.iterdir()):
        raise StoreError(f"{path} is not empty: give a new folder for the synthetic store")
    rng = np.random.default_rng(seed)
    world = _World(rng)
    sizes = _doc_sizes(rng, events)
    published = _days(rng, start, 365 * years, len(sizes))
    (path / "parts").mkdir(parents=True, exist_ok=True)
    _write_manifest(path, events=events, seed=seed)
    counts = {t: 0 for t in TABLES}
    clusters: dict[str, list[str]] = {"uid": [], "cluster_id": [], "doc_id": []}
    writer = _Writer(rng, world, start)
    for number, first in enumerate(range(0, len(sizes), batch_docs)):
        batch = _Batch(f"synthetic-{number:04d}")
        for i in range(first, min(first + batch_docs, len(sizes))):
            writer.article(batch, i, int(published[i]), int(sizes[i]))
        _collect_clusters(batch, clusters)
        tmp = path / "tmp" / batch.name
        batch.write(tmp)
        tmp.rename(path / "parts" / batch.name)
        for table in TABLES:
            counts[table] += batch.rows(table)
    _write_clusters(path, clusters)
    shutil.rmtree(path / "tmp", ignore_errors=True)
    return counts


def _doc_sizes(rng: np.random.Generator, events: int) -> np.ndarray:
    sizes = 1 + rng.poisson(7, size=events // 4 + 10)  # more than enough; cut below
    total = np.cumsum(sizes)
    last = int(np.searchsorted(total, events))
    sizes = sizes[: last + 1].copy()
    sizes[-1] -= int(total[last] - events)
    return sizes[sizes > 0]


def _write_manifest(path: Path, *, events: int, seed: int) -> None:
    from tacitus import __version__

    manifest = {
        "schema_version": SCHEMA_VERSION,
        "created_by": f"tacitus {__version__} (synthetic)",
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "synthetic": {"events": events, "seed": seed},
    }
    (path / "store.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def _collect_clusters(batch: _Batch, clusters: dict[str, list[str]]) -> None:
    events = batch.columns["events"]
    for uid, source, target, cameo, day in zip(
        events["uid"], events["source_code"], events["target_code"], events["cameo"],
        events["date"], strict=True,
    ):  # fmt: skip
        # Same dyad and code in the same week: one event reported several times.
        week = day.isocalendar()[:2] if day else None
        clusters["uid"].append(uid)
        clusters["cluster_id"].append(f"c{hash((source, target, cameo, week)) & 0xFFFFFFFFFF:010x}")
    clusters["doc_id"].extend(batch.columns["documents"]["doc_id"])


def _write_clusters(path: Path, clusters: dict[str, list[str]]) -> None:
    folder = path / "clusters" / "g0001"
    folder.mkdir(parents=True)
    docs = clusters["doc_id"]
    columns = {
        "stories": {"doc_id": docs, "story_id": docs},
        "event_clusters": {"uid": clusters["uid"], "cluster_id": clusters["cluster_id"]},
    }
    for name, schema in CLUSTER_TABLES.items():
        pq.write_table(
            pa.Table.from_pydict(columns[name], schema=schema), folder / f"{name}.parquet"
        )
    (path / "clusters" / "CURRENT").write_text("g0001\n", encoding="utf-8")


class _Writer:
    """Writes one article at a time: its text, events, quotes, mentions (or a failure)."""

    def __init__(self, rng: np.random.Generator, world: _World, start: date) -> None:
        self.rng, self.world, self.start = rng, world, start
        self.now = datetime(2025, 1, 1, tzinfo=UTC)

    def article(self, batch: _Batch, index: int, day: int, n_events: int) -> None:
        rng, world = self.rng, self.world
        doc_id = f"syn-{index:07d}"
        published = self.start + timedelta(days=day)
        if rng.random() < 0.004:
            stage, reason = FAILURE_REASONS[rng.integers(len(FAILURE_REASONS))]
            batch.add(
                "failures",
                input=f"synthetic.jsonl:{index + 1}",
                doc_id=doc_id,
                stage=stage,
                reason=reason,
                message=f"synthetic.jsonl:{index + 1}: {reason.replace('_', ' ')} input",
                batch=batch.name,
                failed_at=self.now,
            )
            return
        main = int(rng.choice(len(world.actors), p=world.actor_p))
        partner = int(world.partners[main, rng.integers(6)])
        codes = rng.choice(len(world.codes), size=n_events, p=world.code_p)
        text, mentions = _Text(), _Mentions(doc_id, published)
        for number, code_index in enumerate(codes):
            source, target = self._pair(main, partner)
            if number and number % 3 == 0:
                text.add("\n\n")
            elif number:
                text.add(" ")
            self._event(
                batch,
                text,
                mentions,
                doc_id,
                number,
                published,
                source,
                target,
                world.codes[code_index],
            )
        for k in range(rng.poisson(1.2)):
            text.add(" ")
            speaker = main if rng.random() < 0.6 else partner
            self._quote(batch, text, mentions, (doc_id, f"q{n_events + k}"), published, speaker)
        body = text.value()
        mentions.write(batch)
        headline = world.cameo[world.codes[codes[0]]].name.lower()
        title = f"{world.actors[main].name} and {world.actors[partner].name}: {headline}"
        outlet = ("Wire", "Courier", "Herald", "Gazette", "Observer")[index % 5]
        batch.add(
            "documents",
            doc_id=doc_id,
            content_hash=f"{index * 2654435761 % 16**16:016x}",
            title=title,
            url=f"https://news.example/{outlet.lower()}/{doc_id}",
            source=f"The {outlet}",
            published=published,
            text=body,
            n_chars=len(body),
            input=f"synthetic.jsonl:{index + 1}",
            ingested_at=self.now,
            batch=batch.name,
            minhash=None,
        )

    def _pair(self, main: int, partner: int) -> tuple[int, int]:
        rng, world = self.rng, self.world
        roll = rng.random()
        if roll < 0.55:
            pair = (main, partner) if rng.random() < 0.6 else (partner, main)
        elif roll < 0.8:
            pair = (main, int(world.partners[main, rng.integers(6)]))
        else:
            first = int(rng.choice(len(world.actors), p=world.actor_p))
            pair = (first, int(world.partners[first, rng.integers(6)]))
        return pair if pair[0] != pair[1] else (pair[0], partner if pair[0] != partner else main)

    def _event(self, batch, text, mentions, doc_id, number, published, source, target, code):
        rng, world = self.rng, self.world
        src, tgt = world.actors[source], world.actors[target]
        verb, middle, tail = world.templates[code][rng.integers(len(world.templates[code]))]
        modality = MODALITIES[rng.choice(5, p=MODALITY_SHARE)]
        sentence_start = text.length
        speaker = quote_id = None
        if modality == "reported":
            speaker = world.actors[int(world.partners[target, rng.integers(6)])]
            mentions.add(text, _capital(speaker.text), speaker)
            cue = text.add(" said that ")
            quote_id = f"q{number}"
            content_start, content_index = text.length, len(text.parts)
        prefix, after_source = MODALITY_FRAMES[modality]
        text.add(prefix)
        source_words = _capital(src.text) if text.length == sentence_start else src.text
        s = mentions.add(text, source_words, src)
        text.add(after_source + " ")
        t = text.add(verb)
        text.add(" " + middle)
        o = mentions.add(text, tgt.text, tgt)
        text.add(tail)
        place = world.place(rng, tgt.country or src.country) if rng.random() < 0.65 else None
        if place is not None:
            text.add(f" in {place[0]}")
        if speaker is not None:
            content = "".join(text.parts[content_index:])
            cue_span = (cue[0] + 1, cue[0] + 5)  # "said" in " said that "
            quote = (quote_id, content, (content_start, text.length), "said", cue_span)
            _add_quote(batch, doc_id, published, speaker, quote, "indirect", [f"e{number}"])
        text.add(".")
        day = published - timedelta(days=int(rng.integers(0, 3)))
        info = world.cameo[code]
        location = dict(
            zip(
                ("location_name", "location_country", "lat", "lon", "geonameid"),
                place or (None,) * 5,
                strict=True,
            )
        )
        batch.add(
            "events",
            uid=f"{doc_id}:e{number}",
            doc_id=doc_id,
            event_id=f"e{number}",
            published=published,
            date=day,
            date_text=None,
            date_precision="day",
            **_prefixed("source", src),
            source_text=source_words,
            source_start=s[0],
            source_end=s[1],
            **_prefixed("target", tgt),
            target_text=tgt.text,
            target_start=o[0],
            target_end=o[1],
            cameo=code,
            cameo_name=info.name,
            cameo_root=code[:2],
            goldstein=info.goldstein,
            quad_class=info.quad_class,
            plover=info.plover,
            plover_mode=info.plover_mode,
            asserted=modality == "asserted",
            modality=modality,
            attributed_name=speaker and speaker.name,
            attributed_code=speaker and speaker.code,
            attributed_country=speaker and speaker.country,
            trigger_text=verb,
            trigger_start=t[0],
            trigger_end=t[1],
            sentence_index=number,
            sentence_start=sentence_start,
            sentence_end=text.length,
            **location,
            quote_id=quote_id,
            confidence=round(float(rng.beta(6, 2)), 3),
        )

    def _quote(self, batch, text, mentions, ids, published, speaker_index):
        rng = self.rng
        speaker = self.world.actors[speaker_index]
        topic = TOPICS[rng.integers(len(TOPICS))]
        content = STATEMENTS[rng.integers(len(STATEMENTS))].format(t=topic)
        doc_id, quote_id = ids
        text.add("\u201c")
        c = text.add(content)
        text.add(",\u201d ")
        mentions.add(text, speaker.text, speaker)
        verb = CUES[rng.integers(len(CUES))]
        text.add(" ")
        cue = text.add(verb)
        text.add(".")
        _add_quote(
            batch, doc_id, published, speaker, (quote_id, content, c, verb, cue), "direct", []
        )


def _add_quote(batch, doc_id, published, speaker, quote, kind, event_ids) -> None:
    """One quote row: `quote` is (id, content, (start, end), cue words, (cue start, end))."""
    quote_id, content, (start, end), cue_text, (cue_start, cue_end) = quote
    batch.add(
        "quotes",
        uid=f"{doc_id}:{quote_id}",
        doc_id=doc_id,
        quote_id=quote_id,
        published=published,
        **_prefixed("speaker", speaker),
        speaker_text=speaker.text,
        content=content,
        start=start,
        end=end,
        cue_text=cue_text,
        cue_start=cue_start,
        cue_end=cue_end,
        kind=kind,
        event_ids=event_ids,
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _prefixed(prefix: str, actor: _Actor) -> dict:
    return {
        f"{prefix}_{name}": value for name, value in zip(ACTOR_COLUMNS, actor.fields(), strict=True)
    }


class _Mentions:
    """The actor mentions of one article, in text order."""

    def __init__(self, doc_id: str, published: date) -> None:
        self.doc_id, self.published = doc_id, published
        self.rows: list[tuple[int, int, str, _Actor]] = []

    def add(self, text: _Text, words: str, actor: _Actor) -> tuple[int, int]:
        start, end = text.add(words)
        self.rows.append((start, end, words, actor))
        return start, end

    def write(self, batch: _Batch) -> None:
        for number, (start, end, words, actor) in enumerate(self.rows):
            batch.add(
                "actor_mentions",
                doc_id=self.doc_id,
                mention=number,
                published=self.published,
                text=words,
                start=start,
                end=end,
                **dict(zip(ACTOR_COLUMNS, actor.fields(), strict=True)),
            )
