"""The lessons dataset: every live, public lesson as open data.

``columns`` says what a row holds (the one list the CSV header, the JSON keys, the data
dictionary page and the OpenAPI schema all read), ``query`` which lessons are in it and how
the search facets narrow them, ``rows`` builds the rows a chunk at a time, ``writer`` turns
them into CSV or JSON Lines and keeps one file per content version, ``views`` serves the
API, the downloads and the dictionary, ``openapi`` describes the API.
"""
