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


def _register() -> None:
    # Importing a command module registers its command on `app`.
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


def main() -> None:
    _register()
    try:
        app()
    finally:
        # The interpreter's last collection at exit walks every object of the loaded pipeline
        # (about 0.1 s); frozen objects are left out of it. Nothing runs after this point.
        gc.freeze()
