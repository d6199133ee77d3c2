"""The rules tagger: gazetteer, actor and category word lists and the number parser, then the linker (`hasila --rules`, weak labels)."""
