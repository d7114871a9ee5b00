"""Demo content for the mutual aid portal.

Plain Python data, written from the seed document in our own words.
"""
