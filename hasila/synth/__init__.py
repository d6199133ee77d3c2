"""Generated reports with gold annotations by construction: the generator, its lexicon and its sentence patterns."""
