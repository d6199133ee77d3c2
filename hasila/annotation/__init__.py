"""Annotations: the category ontology, Label Studio exports (`lsio`) and client (`lsclient`), inline markup and the team's gold."""
