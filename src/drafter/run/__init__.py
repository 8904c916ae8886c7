"""The run as data: its folder (`folder.py`: run.json, inputs/, steps/, calls/, the files
drafter owns, atomic writes), the archive of every run (`archive.py`, SQLite) and 関連記事
(`related.py`, earlier drafts on the same subject). Nothing here imports the use cases or the
faces."""
