"""Site furniture found by meaning, with the real model."""

from summarizer import DEFAULT_SETTINGS, summarize
from summarizer.selection.furniture import PROTOTYPES, furniture_mask

FURNITURE = [
    "Get daily updates directly to your inbox + Subscribe Thank you for subscribing!",
    "Like our station on Facebook and follow us on Twitter to join the conversation about this article.",
    "Sorry, the page you requested was not found.",
    "The video could not be loaded right now; please try again later.",
    "You can always delete your location history in your settings.",
]
REPORTING = [
    "The president took to Twitter shortly after 9 a.m. to attack the report.",
    "Those accounts have since been removed by the company after complaints from users.",
    "The newspaper's website was down for hours after the cyber attack on Tuesday.",
    "A video of the attack, filmed by a bystander, was shared widely online on Sunday.",
    "Police did not disclose the location where the suspect was arrested.",
]


def test_furniture_is_recognized_and_reporting_is_not(encoder):
    mask = furniture_mask(encoder.encode(FURNITURE + REPORTING), encoder.encode(PROTOTYPES),
                          DEFAULT_SETTINGS.furniture_threshold)
    assert mask.tolist() == [True] * len(FURNITURE) + [False] * len(REPORTING)


def test_furniture_stays_out_of_the_brief(seed_documents):
    article = seed_documents[0]["text"] + "\n" + FURNITURE[0] + "\n" + FURNITURE[1]
    brief = summarize([article, seed_documents[1]["text"]], max_words=400)
    assert "Subscribe" not in brief.text and "Facebook" not in brief.text
