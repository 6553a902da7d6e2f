"""Corpus passes: work that needs many documents at once.

Each pass reads compact tables of the documents (line keys, shingles, sentence
hashes) and returns decisions; the build applies and stores them. Issue by
issue the list grows: boilerplate lines, duplicates and shared wire copy, then
stories, entity resolution, event merging and the figure ledger.
"""
