"""The rules tagger (`RulesTagger`): gazetteer, actor and category word lists and the number parser, then the linker (`hasila predict --rules`, `hasila weak-label`)."""
