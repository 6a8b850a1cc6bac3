"""The actor knowledge base and actor resolution (no spaCy here)."""

from tacitus.kb.base import Entity, KnowledgeBase, Place, Role, Term, fold, load_kb
from tacitus.kb.resolve import ActorFields, Descriptor, resolve

__all__ = [
    "ActorFields",
    "Descriptor",
    "Entity",
    "KnowledgeBase",
    "Place",
    "Role",
    "Term",
    "fold",
    "load_kb",
    "resolve",
]
