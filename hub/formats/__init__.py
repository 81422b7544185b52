"""Date formats per language (Django's FORMAT_MODULE_PATH): one format everywhere in a
language, on pages and in search results alike. French and Spanish keep Django's."""
