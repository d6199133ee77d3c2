"""The casualty toll across reports: places to districts, records to events, tables and a page.

- :mod:`hasila.toll.admin`: places to district and governorate (``data/gazetteer/admin.tsv``);
- :mod:`hasila.toll.cues`: the sentence of a count, and whether it updates or is cumulative;
- :mod:`hasila.toll.records`: prediction lines (``hasila predict`` output) to dated records;
- :mod:`hasila.toll.events`: records to events (reprints, updates, subsets, cumulative figures);
- :mod:`hasila.toll.tables`: ``toll.csv``, ``summary.csv``, ``cumulative.csv`` (pandas);
- :mod:`hasila.toll.page`: the self-contained ``toll.html``;
- :mod:`hasila.toll.run`: the whole ``hasila toll`` run.
"""
