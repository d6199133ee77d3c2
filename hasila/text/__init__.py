"""Text: Arabic normalisation and number reading (`arabic`), word-level tags (`wordtags`), the place gazetteer (`gazetteer`)."""
