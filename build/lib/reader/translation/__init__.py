"""Offline translation: Argos model packages, the CTranslate2 engine, the cache and streaming.

- :mod:`reader.translation.models` lists, validates and installs ``.argosmodel`` packages.
- :mod:`reader.translation.download` fetches a package through the Argos package index.
- :mod:`reader.translation.engine` runs a package's CTranslate2 model on our own sentences.
- :mod:`reader.translation.cache` keeps finished translations and hand edits in SQLite.
- :mod:`reader.translation.service` is what the UI and the CLI call: an article's sentences in,
  English sentences out, streamed in priority order.

Importing this package is cheap: ctranslate2, sentencepiece and argostranslate are imported
inside the functions that need them, so the UI thread never pays for them at startup.
"""
