"""CAMEO and PLOVER tables and the event lexicon (no spaCy here)."""

from tacitus.ontology.calibration import load_calibration, reading
from tacitus.ontology.cameo import CameoCode, Ontology, PloverType, load_ontology
from tacitus.ontology.lexicon import Cue, Lexicon, Sense, load_lexicon

__all__ = [
    "CameoCode",
    "Cue",
    "Lexicon",
    "Ontology",
    "PloverType",
    "Sense",
    "load_calibration",
    "load_lexicon",
    "load_ontology",
    "reading",
]
