"""SearchDocument <-> the JSON both engines store, so a hit needs no database lookup."""

import datetime
import json

from search.documents import SearchDocument


def document_to_data(document: SearchDocument) -> dict:
    data = document.to_dict()
    data.pop("year", None)  # derived from date
    return data


def document_from_data(data) -> SearchDocument:
    if isinstance(data, str):  # SQLite's JSON comes back as text through a raw cursor
        data = json.loads(data)
    data = dict(data)
    data.update(data.pop("written", None) or {})  # see elasticsearch.split_apostrophes
    data.pop("year", None)
    data.pop("available_locales", None)
    data.pop("all_text", None)
    if data.get("date"):
        data["date"] = datetime.date.fromisoformat(data["date"])
    return SearchDocument(**data)
