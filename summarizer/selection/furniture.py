"""Site furniture recognized by meaning: newsletter prompts, follow-us links, cookie and archive notices.

Rules in boilerplate.py catch the common wordings; these prototypes catch the rest, since a sentence that says
"subscribe to our newsletter" in any words lies close to them in embedding space while reporting does not.
"""

from __future__ import annotations

import numpy as np

PROTOTYPES = (
    "Subscribe to our newsletter to get the latest news in your inbox.",
    "Sign up for email alerts and breaking news updates.",
    "Follow us on Twitter and like us on Facebook.",
    "Click here to read more stories like this.",
    "Please enable JavaScript in your browser to view this page.",
    "We use cookies to improve your experience on our site.",
    "This web page was captured by a crawler and is stored in an internet archive.",
    "Copyright, all rights reserved.",
    "Share this article with a friend by email.",
    "This video is unavailable right now. Please try again later.",
    "Add your location to your posts; you can turn location on or off and delete your location history.",
)


def furniture_mask(vectors: np.ndarray, prototype_vectors: np.ndarray, threshold: float) -> np.ndarray:
    """True for each sentence at least `threshold` similar to some prototype of site furniture."""
    if len(vectors) == 0:
        return np.zeros(0, dtype=bool)
    return (vectors @ prototype_vectors.T).max(axis=1) >= threshold
