"""Kronologi: a chronology people can trust, built from messy news articles.

    >>> import kronologi
    >>> chronicle = kronologi.build(["examples/corpus"], meta="examples/corpus/meta.csv")
    >>> chronicle.documents[0].title
    >>> chronicle.to_json()

See README.md for the concepts (Document, Step, Corpus pass, Store, Language
pack, Model, Evaluation gate) and ``kronologi --help`` for the commands.
"""

from kronologi.build import build
from kronologi.chronicle import Chronicle
from kronologi.document import Document, Rejection

__version__ = "0.1.0"
__all__ = ["build", "Chronicle", "Document", "Rejection", "__version__"]
