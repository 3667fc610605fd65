"""Re-make the bundled Noto fonts (handout/resources/fonts/) from their npm packages.

    python tools/subset_fonts.py            # fetch with `npm pack`, subset, write
    python tools/subset_fonts.py --from DIR # use packages already unpacked in DIR

Development time only: the package ships the results, not this script's inputs.

Why subsets: the CJK TTFs are 6-11 MB a weight. What every install needs is kept:
- Noto Sans: the Latin, Vietnamese, Greek and Cyrillic blocks and common punctuation and
  symbols (Atkinson Hyperlegible Next stays the font for the Latin it covers).
- Noto Sans SC: the 3,755 hanzi of GB 2312 level 1 (the "first-level common characters",
  which cover about 99.7 % of running modern text), read from Python's own gb2312 codec.
- Noto Sans TC: the 5,401 hanzi of Big5 level 1 (the "frequently used characters", based on
  Taiwan's list of common standard characters), from the big5 codec.
- Noto Sans KR: the 2,350 Hangul syllables of KS X 1001 (all modern Korean text in practice),
  from the euc_kr codec, plus the compatibility jamo.
- Every character of the starter, the examples, the example clinics (their translated
  words), the locales and the tests' content files, so what the project ships always prints;
  with ASCII, CJK punctuation and full-width forms.
A clinic that needs a rarer character names a full font in its clinic file (`fonts:`).
Hinting and layout tables are dropped: ReportLab draws glyphs by cmap, with no shaping.
"""

from __future__ import annotations

import argparse
import subprocess
import tarfile
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "handout" / "resources" / "fonts"
PACKAGES = {  # npm package (pinned) -> file stem in the package
    "@expo-google-fonts/noto-sans@0.4.2": "NotoSans",
    "@expo-google-fonts/noto-sans-sc@0.4.3": "NotoSansSC",
    "@expo-google-fonts/noto-sans-tc@0.4.3": "NotoSansTC",
    "@expo-google-fonts/noto-sans-kr@0.4.3": "NotoSansKR",
}
WEIGHTS = ("400Regular", "700Bold")

ASCII = range(0x20, 0x7F)
PUNCTUATION = [*range(0x2000, 0x2070), *range(0x20A0, 0x20C1), 0x00A0, 0x00B7, 0x2122,
               0x2190, 0x2192, 0x2264, 0x2265, 0x00B0, 0x00D7, 0x00F7, 0x2212]
NOTO_SANS = [*range(0x20, 0x250), *range(0x0300, 0x0370), *range(0x0370, 0x0400),
             *range(0x0400, 0x0530), *range(0x1E00, 0x1F00), *range(0x2070, 0x20A0),
             *range(0x2100, 0x2200), *range(0x2190, 0x2200), *range(0x2200, 0x2270),
             *range(0x25A0, 0x2600), *PUNCTUATION]
CJK_COMMON = [*ASCII, *PUNCTUATION, *range(0x3000, 0x3040), *range(0xFF00, 0xFFF0)]


def _codec_range(codec: str, rows: range, cells: range) -> list[int]:
    """The characters a double-byte codec maps to rows x cells (GB 2312, Big5, KS X 1001)."""
    found = []
    for row in rows:
        for cell in cells:
            try:
                found.append(ord(bytes([row, cell]).decode(codec)))
            except (UnicodeDecodeError, TypeError):
                continue
    return found


def gb2312_level1() -> list[int]:
    return [c for c in _codec_range("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
            if 0x4E00 <= c <= 0x9FFF]


def big5_level1() -> list[int]:
    return [c for c in _codec_range("big5", range(0xA4, 0xC7), range(0x40, 0xFF))
            if 0x4E00 <= c <= 0x9FFF]


def ksx1001_hangul() -> list[int]:
    return [c for c in _codec_range("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))
            if 0xAC00 <= c <= 0xD7A3]


def shipped_text() -> set[int]:
    """Every character of the files the project ships or tests with: starter, examples,
    example clinics, locales, content files in tests (a translation added later is covered
    when re-run)."""
    files = [*(ROOT / "handout" / "resources").rglob("*.yaml"), *ROOT.glob("content*.yaml"),
             *(ROOT / "assets" / "clinics").glob("*.yaml"),
             *ROOT.glob("content*.po"), *(ROOT / "examples").rglob("*.yaml"),
             *(ROOT / "examples").rglob("*.po"), *(ROOT / "tests").rglob("*.yaml")]
    return {ord(c) for f in files for c in f.read_text(encoding="utf-8") if ord(c) > 0x7F}


def wanted(stem: str) -> set[int]:
    extra = shipped_text()
    if stem == "NotoSans":
        return set(NOTO_SANS) | {c for c in extra if c < 0x2E80}
    hangul = {c for c in extra if 0x1100 <= c <= 0x11FF or 0x3130 <= c <= 0x318F
              or 0xAC00 <= c <= 0xD7AF}
    wide = {c for c in extra if c >= 0x2E80} - hangul  # Han, CJK punctuation, full-width
    if stem == "NotoSansSC":
        return set(CJK_COMMON) | wide | set(gb2312_level1())
    if stem == "NotoSansTC":
        return set(CJK_COMMON) | wide | set(big5_level1())
    punctuation = {c for c in wide if not 0x3400 <= c <= 0x9FFF}  # no Han: Korean is Hangul
    return (set(CJK_COMMON) | punctuation | hangul | set(ksx1001_hangul())
            | set(range(0x3131, 0x318F)))


def make_subset(source: Path, target: Path, codepoints: set[int]) -> None:
    options = subset.Options()
    options.layout_features = []  # no shaping here (ReportLab maps characters to glyphs)
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "STAT", "vhea", "vmtx", "gasp"]
    options.hinting = False
    options.name_IDs = ["*"]  # keep the copyright, licence and names
    options.notdef_outline = True
    font = TTFont(source, recalcTimestamp=False)  # the same inputs make the same bytes
    have = set(font.getBestCmap())
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints & have))
    subsetter.subset(font)
    font.save(target)


def fetch(into: Path) -> None:
    for package, stem in PACKAGES.items():
        name = subprocess.run(["npm", "pack", package, "--silent"], cwd=into, check=True,
                              capture_output=True, text=True).stdout.split()[-1]
        with tarfile.open(into / name) as archive:
            archive.extractall(into / stem, filter="data")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path,
                        help="folder with the packages unpacked as <stem>/package/...")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or Path(tmp)
        if args.source is None:
            fetch(source)
        for stem in PACKAGES.values():
            package = source / stem / "package"
            for weight in WEIGHTS:
                target = OUT / f"{stem}_{weight}.ttf"
                make_subset(package / weight / f"{stem}_{weight}.ttf", target, wanted(stem))
                print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1e6:.2f} MB")
            licence = (package / "LICENSE_FONT").read_text(encoding="utf-8")
            (OUT / f"OFL-{stem}.txt").write_text(licence, encoding="utf-8")


if __name__ == "__main__":
    main()
