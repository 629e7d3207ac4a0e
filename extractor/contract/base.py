from pydantic import BaseModel, ConfigDict


class ContractModel(BaseModel):
    """Frozen, strict base: unknown keys are an error, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
