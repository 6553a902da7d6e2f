"""Kronologi: a chronology people can trust, built from messy news articles.

    >>> import kronologi
    >>> chronicle = kronologi.build(["examples/corpus"], meta="examples/corpus/meta.csv")
    >>> chronicle.documents[0].title
    >>> chronicle.to_json()

See README.md for the concepts (Document, Step, Corpus pass, Store, Language
pack, Model, Evaluation gate) and ``kronologi --help`` for the commands.
"""

import logging

from kronologi.build import build
from kronologi.chronicle import Chronicle
from kronologi.document import Document, Rejection

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())  # the library logs; the application decides where
__all__ = ["build", "Chronicle", "Document", "Rejection", "__version__"]
