"""Render PDF pages to PNG files (PyMuPDF: no system package needed)."""

from __future__ import annotations

from pathlib import Path

from handout.common.errors import HandoutError


def render_pages(pdf: Path, folder: Path, dpi: int = 80) -> list[Path]:
    """Write page-1.png, page-2.png, ... for every page of `pdf`; returns their paths."""
    try:
        import pymupdf
    except ImportError as exc:
        raise HandoutError("previews need PyMuPDF: run `make preview`, which installs it") \
            from exc
    if not pdf.is_file():
        raise HandoutError(f"PDF not found: {pdf} (run `make handout` first)")
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("page-*.png"):
        old.unlink()
    paths = []
    with pymupdf.open(pdf) as document:  # type: ignore[no-untyped-call]
        for number, page in enumerate(document, start=1):
            path = folder / f"page-{number}.png"
            page.get_pixmap(dpi=dpi).save(path)
            paths.append(path)
    return paths
