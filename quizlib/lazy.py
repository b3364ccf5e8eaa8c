"""Names a package offers that are imported only when first asked for (PEP 562).

``quizlib`` and ``quizlib.store`` both keep start-up light this way: `quizlib practice` needs
neither the YAML readers nor FSRS before its first question is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from importlib import import_module
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    namespace: dict[str, Any], homes: Mapping[str, str], public: Iterable[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's ``__getattr__`` and ``__dir__``: each name in ``homes`` is imported from its
    submodule when first asked for, then kept in ``namespace`` (the package's globals)."""
    package = namespace["__name__"]
    names = sorted(public)

    def getattr_(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{home}", package), name)
        namespace[name] = value  # asked for once
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *names})

    return getattr_, dir_
