"""Reading documents: files, directories, JSON Lines, HTML and stdin -> Iterator[Article].

Unreadable input is not an exception: it becomes an Article whose ``rejection`` says why, so the
batch goes on and the rejection is stored.
"""

from thucydides.ingest.files import FORMATS, read_inputs
from thucydides.ingest.ids import article_id

__all__ = ["FORMATS", "article_id", "read_inputs"]
