"""Translations of the demo content, one module per language."""
