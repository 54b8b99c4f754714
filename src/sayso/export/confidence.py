"""The scales the exports share: how sayso's certainty labels, the analyst's source grades (A-F) and the
proposed information credibility (1-6) read in STIX and MISP. docs/export.md gives the sources.

- A certainty label has an ICD 203 estimative term (``sayso.certainty.ESTIMATIVE_BANDS``); STIX 2.1's
  Appendix A maps those terms ("DNI scale") to a confidence 0-100, and the MISP taxonomy
  ``estimative-language`` names them ``likelihood-probability``. ``reported`` (no estimate of its own)
  and ``questioned`` without a term have none.
- The proposed credibility 1-6 is the Admiralty (NATO) information credibility; STIX 2.1's Appendix A
  maps it to 90, 70, 50, 30, 10 and nothing for 6; MISP's ``admiralty-scale`` taxonomy tags it.
- The analyst's grade A-F is the Admiralty source reliability, tagged by the same taxonomy. STIX has no
  scale for it: it goes into a note on the source's identity.
"""

from __future__ import annotations

from sayso.certainty import ESTIMATIVE_BANDS

# STIX 2.1, Appendix A, "DNI scale": the ICD 203 terms and their confidence values.
DNI_CONFIDENCE = {
    "remote": 5,
    "almost no chance": 5,
    "very unlikely": 15,
    "unlikely": 30,
    "roughly even chance": 50,
    "likely": 70,
    "very likely": 85,
    "almost certain": 95,
}

# MISP taxonomy estimative-language, predicate likelihood-probability: the ICD 203 terms as its values.
LIKELIHOOD_TAGS = {
    "remote": "almost-no-chance",
    "almost no chance": "almost-no-chance",
    "very unlikely": "very-unlikely",
    "unlikely": "unlikely",
    "roughly even chance": "roughly-even-chance",
    "likely": "likely",
    "very likely": "very-likely",
    "almost certain": "almost-certain",
}

# STIX 2.1, Appendix A, "Admiralty Credibility": 6 (truth cannot be judged) has no value.
ADMIRALTY_CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}

# A STIX opinion on a cluster's claims, from its proposed credibility (sayso's reading, see docs/export.md).
CREDIBILITY_OPINION = {1: "strongly-agree", 2: "agree", 3: "neutral", 4: "disagree", 5: "strongly-disagree"}


def estimative_term(certainty: str) -> str | None:
    """The ICD 203 term of a certainty label, or None when the text gives no estimate (``reported``)."""
    band = ESTIMATIVE_BANDS.get(certainty)
    return band[0] if band and band[0] in DNI_CONFIDENCE else None


def certainty_confidence(certainty: str) -> int | None:
    """STIX confidence (0-100) of a certainty label, by the DNI scale; None for ``reported``."""
    term = estimative_term(certainty)
    return DNI_CONFIDENCE[term] if term else None


def credibility_confidence(credibility: int) -> int | None:
    """STIX confidence (0-100) of an Admiralty information credibility 1-6; None for 6."""
    return ADMIRALTY_CONFIDENCE.get(credibility)


def likelihood_tag(certainty: str) -> str | None:
    """The MISP estimative-language tag of a certainty label, or None for ``reported``."""
    term = estimative_term(certainty)
    return f'estimative-language:likelihood-probability="{LIKELIHOOD_TAGS[term]}"' if term else None


def reliability_tag(grade: str) -> str:
    """The MISP admiralty-scale tag of an analyst's grade A-F."""
    return f'admiralty-scale:source-reliability="{grade.lower()}"'


def credibility_tag(credibility: int) -> str:
    """The MISP admiralty-scale tag of an information credibility 1-6."""
    return f'admiralty-scale:information-credibility="{credibility}"'
