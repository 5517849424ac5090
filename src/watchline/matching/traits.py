"""Facts about each listed part that the similarity views test, as typed arrays by part id.

A query compares a few hundred (query part, listed part) pairs, several views each, and the
views ask the same yes/no questions of the listed side (is it a known name, a patronymic,
does it start with a vowel...). Asked through the cached object views (``Vocab.view``) each
question was a lookup, an object gather and a conversion to bool: small numpy calls whose
fixed cost, not their work, made up much of a query. Here each answer is computed once, when
the part is registered (at build, on restore and for parts of amended entities alike), and a
question is one gather from a bool or int array.
"""

from __future__ import annotations

import numpy as np

from watchline.matching.align import is_patronymic
from watchline.matching.arrays import Growable
from watchline.matching.articles import has_article
from watchline.matching.compounds import has_short_form
from watchline.matching.skeleton import abjad_consonants, abjad_consonants_second, vowel_initial
from watchline.matching.tokens import known_name


class PartTraits:
    """Per-part flags and Arabic-script consonants, appended as parts are registered."""

    __slots__ = (
        "article",
        "known",
        "patronymic",
        "second",
        "second_differs",
        "short_form",
        "vowel_initial",
        "written",
        "written_len",
    )

    def __init__(self) -> None:
        self.known = Growable(np.bool_)  # the names layer knows the part as a form of a name
        self.patronymic = Growable(np.bool_)  # the part has the form of a patronymic
        self.short_form = Growable(np.bool_)  # a compound with a shorter name (compounds.py)
        self.article = Growable(np.bool_)  # may have an Arabic article glued on (articles.py)
        self.vowel_initial = Growable(np.bool_)  # Arabic script writes the initial vowel
        self.written = Growable(object)  # the consonants Arabic script writes
        self.written_len = Growable(np.int64)
        self.second = Growable(object)  # the same in the second reading (abjad_consonants_second)
        # the second reading can change a comparison only where it differs (ch, w, gh: rare)
        self.second_differs = Growable(np.bool_)

    def append(self, token: str) -> None:
        """Compute and store the traits of a newly registered part."""
        written, second = abjad_consonants(token), abjad_consonants_second(token)
        self.known.append(known_name(token))
        self.patronymic.append(is_patronymic(token))
        self.short_form.append(has_short_form(token))
        self.article.append(has_article(token))
        self.vowel_initial.append(vowel_initial(token))
        self.written.append(written)
        self.written_len.append(len(written))
        self.second.append(second)
        self.second_differs.append(second != written)
