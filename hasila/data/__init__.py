"""Training data: sources (gold, generated, rules- and model-labelled reports) read, cached and cut into windows."""
