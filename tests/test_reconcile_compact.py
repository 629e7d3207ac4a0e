"""The store's compact form of a claim reads back as the claim `make_claim` made: every field equal, of the same type."""

from __future__ import annotations

import dataclasses
import random

import pytest

from extractor.reconciling.claims import Claim, compact_json, from_compact_json, make_claim
from test_reconcile_quick import invented_claims


def _with_sources(c: Claim, rng: random.Random) -> Claim:
    """The claim with an outlet, url and agreement reference where the dice say so (invented_claims gives none)."""
    fields = {f.name: getattr(c, f.name) for f in dataclasses.fields(Claim) if f.init}
    for name in ("keyed", "compared", "dated", "counted", "categories", "signature", "sided", "run_doc"):
        del fields[name]
    if rng.random() < 0.5:
        fields.update(outlet=rng.choice(["Harbour Post", "Nordic Wire"]), url=f"https://news.example/{c.claim_id}")
    if c.kind == "exchange" and rng.random() < 0.3:
        fields["agreement_ref"] = "c0001"
    return make_claim(versions=c.run_doc.split("\x00", 1)[1], **fields)


@pytest.mark.parametrize("seed", range(3))
def test_compact_form_reads_back_the_claim(seed):
    rng = random.Random(seed)
    claims = [_with_sources(c, rng) for c in invented_claims(200, seed=seed)]
    for c in claims:
        back = from_compact_json(compact_json(c))
        assert back == c
        for f in dataclasses.fields(Claim):
            assert type(getattr(back, f.name)) is type(getattr(c, f.name)), (c.claim_id, f.name)
    assert any(c.parts for c in claims) and any(c.outlet for c in claims) and any(c.agreement_ref for c in claims)
