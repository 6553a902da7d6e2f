"""Text mechanics shared by every step: sentences, tokens, language.

All three return character offsets into the text they were given (or a
language code), never copies, so every later fact can cite its exact source.
"""

from kronologi.text.langid import identify
from kronologi.text.sentences import split_sentences
from kronologi.text.tokens import tokenize, words

__all__ = ["identify", "split_sentences", "tokenize", "words"]
