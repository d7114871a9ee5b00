"""Date formats for the languages Django has none for (FORMAT_MODULE_PATH).

Django's own catalogues have no Amharic or Tigrinya month names, so dates there would mix
English words into Ge'ez text ("Dec. 1, 2026"): these give day/month/year in figures, as
Ethiopian and Eritrean readers write Gregorian dates (CLDR's am and ti short dates).
"""
