import datetime

from summarizer.reading.documents import Document, normalize_documents
from summarizer.selection.order import reading_order
from summarizer.reading.sentences import Sentence


def sentence(document, position):
    return Sentence(document, position, 0, 1, f"{document}:{position}")


def test_undated_articles_follow_salience_then_position():
    documents = [Document("a", "x"), Document("b", "x")]
    chosen = [sentence(1, 4), sentence(0, 2), sentence(1, 0)]
    assert [s.text for s in reading_order(chosen, documents)] == ["1:0", "1:4", "0:2"]


def test_dated_articles_go_in_date_order():
    documents = [Document("a", "x", published=datetime.date(2024, 5, 2)), Document("b", "x", published=datetime.date(2024, 5, 1))]
    chosen = [sentence(0, 0), sentence(1, 3), sentence(1, 1)]
    assert [s.text for s in reading_order(chosen, documents)] == ["1:1", "1:3", "0:0"]


def test_articles_of_the_same_day_go_in_order_of_their_times_across_zones():
    documents = normalize_documents([
        {"id": "later", "text": "x", "published": "2024-05-01T09:00:00+00:00"},
        {"id": "earlier", "text": "x", "published": "2024-05-01T10:30:00+02:00"},  # 08:30 UTC
        {"id": "earliest", "text": "x", "published": "2024-05-01T03:00Z"},
    ])
    chosen = [sentence(0, 0), sentence(1, 0), sentence(2, 0)]
    assert [s.text for s in reading_order(chosen, documents)] == ["2:0", "1:0", "0:0"]
