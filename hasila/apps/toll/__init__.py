"""The casualty toll across reports: places to districts, records to events, tables and a page.

- :mod:`hasila.apps.toll.admin`: places to district and governorate (``data/gazetteer/admin.tsv``);
- :mod:`hasila.apps.toll.cues`: the sentence of a count, and whether it updates or is cumulative;
- :mod:`hasila.apps.toll.records`: prediction lines (``hasila predict`` output) to dated records;
- :mod:`hasila.apps.toll.events`: records to events (reprints, updates, subsets, cumulative figures);
- :mod:`hasila.apps.toll.tables`: ``toll.csv``, ``summary.csv``, ``cumulative.csv`` (pandas);
- :mod:`hasila.apps.toll.page`: the self-contained ``toll.html``;
- :mod:`hasila.apps.toll.run`: the whole ``hasila toll`` run.
"""
