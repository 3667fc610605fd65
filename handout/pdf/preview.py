"""Render PDF pages to PNG files with pypdfium2 (PDFium; self-contained wheels, no system
package), so `handout preview` works from a plain install."""

from __future__ import annotations

from pathlib import Path

from handout.common.errors import HandoutError

POINTS_PER_INCH = 72


def render_pages(pdf: Path, folder: Path, dpi: int = 80) -> list[Path]:
    """Write page-1.png, page-2.png, ... for every page of `pdf`; returns their paths.
    Page images left in `folder` by an earlier, longer PDF are removed."""
    import pypdfium2 as pdfium  # deferred: only previews need PDFium

    if not pdf.is_file():
        raise HandoutError(f"PDF not found: {pdf} (build it first with `handout build`)")
    if dpi < 1:
        raise HandoutError(f"--dpi must be 1 or more, not {dpi}")
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise HandoutError(f"cannot read {pdf} as a PDF ({exc}); build it again with "
                           "`handout build`") from exc
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("page-*.png"):
            old.unlink()
        paths = []
        for number in range(1, len(document) + 1):
            path = folder / f"page-{number}.png"
            bitmap = document[number - 1].render(scale=dpi / POINTS_PER_INCH)
            bitmap.to_pil().save(path)
            paths.append(path)
    except OSError as exc:
        raise HandoutError(f"cannot write page images to {folder}: {exc.strerror}") from exc
    finally:
        document.close()
    return paths
