"""The package's layering, read from the import statements: which folder may import which.

The pipeline folders depend one way (reading -> recognising -> normalising; reconciling -> storing);
a folder listed here never imports the folders named beside it, at module level or inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extractor"


def imported_modules(path: Path) -> set[str]:
    """Absolute dotted names of the extractor modules `path` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    package = parts[:-1] if parts[-1] != "__init__" else parts[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "extractor" or name.startswith("extractor.")}


def folder_imports(folder: str) -> dict[str, set[str]]:
    return {str(path.relative_to(PACKAGE.parent)): imported_modules(path)
            for path in sorted((PACKAGE / folder).rglob("*.py"))}


FORBIDDEN = [
    ("reconciling", ("extractor.storing", "extractor.correcting", "extractor.cli", "extractor.running")),
    ("storing", ("extractor.cli", "extractor.running")),
    ("reading", ("extractor.running", "extractor.cli", "extractor.storing", "extractor.reconciling")),
    ("contract", ("extractor.reading", "extractor.running", "extractor.cli", "extractor.storing")),
    ("exporting", ("extractor.cli", "extractor.running")),
    ("reporting", ("extractor.cli", "extractor.running")),
    ("evaluating", ("extractor.exporting", "extractor.cli", "extractor.running")),
]


@pytest.mark.parametrize("folder,forbidden", FORBIDDEN, ids=[f for f, _ in FORBIDDEN])
def test_folder_does_not_import(folder: str, forbidden: tuple[str, ...]) -> None:
    offending = {module: sorted(name for name in names if name.startswith(forbidden))
                 for module, names in folder_imports(folder).items()}
    assert {module: names for module, names in offending.items() if names} == {}


ERROR_HELPERS = {"CodedError", "coded", "coded_error", "short", "path_text", "visible"}


def test_error_helpers_come_from_the_catalogue() -> None:
    """The coded error type and its helpers have one home, `extractor.errors`: no module imports
    them from a reader (or anywhere else)."""
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and not node.module.endswith("errors"):
                names = {alias.name for alias in node.names} & ERROR_HELPERS
                if names and node.module.split(".")[-1] not in ("errors",):
                    wrong.append(f"{path.relative_to(PACKAGE.parent)}: from {node.module} import {sorted(names)}")
    assert wrong == []
