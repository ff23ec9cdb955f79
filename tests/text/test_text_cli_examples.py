"""``accord article`` and the embedded example collection."""
from __future__ import annotations

import json
from collections import Counter

from click.testing import CliRunner

from accord import examples
from accord.cli.article import article_cmd
from accord.config import Settings
from accord.errors import Rejected
from accord.ingest import iter_sources
from accord.models import Rejection
from accord.text import to_article

STORY = (
    "Lakeside ministers agree on shared water plan\n\n"
    "The Valley Herald, November 2, 2021 — Ministers from three lakeside countries agreed on Tuesday to share "
    "data on water levels and to set up a joint commission that will meet every six months.\n\n"
    "The commission will also study a plan to clean up the river mouths that feed the lake, officials said.\n\n"
    "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n"
)


def test_article_command_prints_record(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(article_cmd, [str(f)])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.output)
    assert set(rec) == {"title", "publisher", "date", "url", "language", "text"}
    assert rec["title"] == "Lakeside ministers agree on shared water plan"
    assert rec["publisher"] == "The Valley Herald" and rec["date"] == "2021-11-02" and rec["language"] == "en"
    assert rec["text"].startswith("Ministers from three") and "Leave a Reply" not in rec["text"]


def test_article_command_bad_path_and_refused_file(tmp_path):
    result = CliRunner().invoke(article_cmd, [str(tmp_path / "missing.txt")])
    assert result.exit_code != 0 and "no such file" in result.output
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(article_cmd, [str(empty)])
    assert result.exit_code != 0 and "empty" in result.output


def test_example_collection():
    folder = examples.path()
    assert folder.is_dir()
    settings = Settings()
    articles, reasons = [], Counter()
    for item in iter_sources([str(folder)], settings):
        if isinstance(item, Rejection):
            reasons[item.reason] += 1
            continue
        try:
            articles.append(to_article(item, settings))
        except Rejected as exc:
            reasons[exc.reason] += 1
    assert 6 <= len(articles) <= 10
    assert reasons == Counter({"malformed-jsonl": 1, "not-english": 1, "empty": 1})
    assert all(a.title and a.publisher and a.date and a.language == "en" for a in articles)
    for a in articles:
        assert "Leave a Reply" not in a.text and "Your email address" not in a.text
    # two different outlets report the same event on the same day
    same_day = Counter(a.date for a in articles)
    pairs = [a for a in articles if same_day[a.date] > 1]
    assert len({a.publisher for a in pairs}) >= 2
    assert len({a.content_hash for a in articles}) == len(articles)
