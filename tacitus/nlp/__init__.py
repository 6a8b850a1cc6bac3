"""The spaCy layer: components, rules over Docs, and the Doc -> records bridge."""
