"""Business rules: typed verb_noun functions that flush but never commit."""
