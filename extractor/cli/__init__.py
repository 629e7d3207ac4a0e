"""One Typer app; one module per command, each a thin `*_cli` wrapper over a plain typed function."""

from __future__ import annotations

import gc

import typer

app = typer.Typer(name="extractor", add_completion=False, no_args_is_help=True,
                  help="Extract exchange events from news articles.")


def _show_version(value: bool) -> None:
    if value:
        from ..about import __version__
        from ..pipeline import Extractor

        typer.echo(f"extractor {__version__} (rule data {Extractor.load(None).data_version})")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the version of the tool and of its rule data, and exit."),
) -> None:
    """Extract exchange events from news articles."""


def _register(args: list[str] | None = None) -> None:
    """Import the command modules: importing one registers its command on `app`. When `args` (the
    command line) name a command whose module bears its name (`build-model`: build_model.py), only
    that module is imported: the others bring in the store, the exporters and the scorer, which a
    run of `extract` never uses. Otherwise (no command, `--help`, `flows-sheet`) all of them."""
    import importlib
    import pkgutil

    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))
    command = next((a for a in args or () if not a.startswith("-")), None)
    module = command.replace("-", "_") if command is not None else None
    for name in [module] if module in names else names:
        importlib.import_module(f"{__name__}.{name}")


def main() -> None:
    import sys

    _register(sys.argv[1:])
    try:
        app()
    finally:
        # The interpreter's last collection at exit walks every object of the loaded pipeline
        # (about 0.1 s); frozen objects are left out of it. Nothing runs after this point.
        gc.freeze()
