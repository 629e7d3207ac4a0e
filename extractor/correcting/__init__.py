"""Hand corrections that survive every run: a JSON Lines file, one action a line, applied by `reconcile` and `run`.

Actions (`models.Correction`): reject a claim, edit a field of a claim or of an event, merge events,
split claims out of an event, add an event by hand; each says who made it, why and when. Claim
corrections are applied before claims are grouped, event corrections after; every event a
correction changed lists it in `corrections`. A correction whose target is not found (the claim
was re-extracted away, the event id is unknown) is reported, never fatal.
"""

from .apply import Applied, CorrectedReconciliation, hand_claims, reconcile_corrected
from .files import read_corrections
from .models import Correction, CorrectionLine, corrections_schema

__all__ = ["Applied", "CorrectedReconciliation", "Correction", "CorrectionLine", "corrections_schema", "hand_claims",
           "read_corrections", "reconcile_corrected"]
