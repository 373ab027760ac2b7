"""Closed word classes that actor resolution and argument finding both read."""

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})

QUANTIFIERS = frozenset(
    "thousands hundreds dozens scores tens millions group groups number members member majority some many most".split()
)
"""Heads of "thousands of Iraqi Kurds", "a group of refugees": the actor is the "of" object."""
