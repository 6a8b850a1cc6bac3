"""Scoring Tacitus against gold sets: actors, events, quotes (`tacitus eval`)."""
