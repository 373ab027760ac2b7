"""Closed word classes that actor resolution and argument finding both read."""

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})

QUANTIFIERS = frozenset(
    """thousands hundreds dozens scores tens millions group groups number members member majority some many most
    rest remainder half bulk""".split()
)
"""Heads of "thousands of Iraqi Kurds", "a group of refugees", "the rest of the MPs" (English's
partitive: a part named by its whole): the actor is the "of" object."""
