"""The proof: every handout of the matrix built, read back and held to the rules of a
printed page (pages.py; ../shared/print-formats.md).

The matrix: each format (document, booklet, tri-fold, sheet) of content.yaml, its Spanish
version, content.yaml for the second clinic, the sleep example and the starter `handout new`
writes, on Letter and A4; content.yaml as a large-print document on both papers and as a
large-print tri-fold; and content.yaml in grayscale in every format, on Letter. A build the
layout refuses on purpose (large print does not fit a tri-fold) is a pass when it names
file:line:column for each problem; those refusals are listed in REFUSED.

A case known to break a rule today is an expected failure, strict, with the violations
measured when the table was written: a fix then shows up as an unexpected pass, which fails
the run until its line leaves KNOWN_FAILURES. To print the table afresh:

    .venv/bin/python -m tests.proof.test_rules
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pymupdf
import pytest

from tests.proof.conftest import ROOT, Builds, Case, located
from tests.proof.pages import RULES, check, read, tokens

FORMATS = ("document", "booklet", "trifold", "sheet")
CASES = [Case(source, fmt, paper) for source in ("en", "es", "riverside", "sleep", "starter")
         for paper in ("letter", "a4") for fmt in FORMATS]
# Large print: the document, on both papers; and the tri-fold, which refuses it by design
# (the booklet and the sheet refuse it too, as slowly: their fitting search runs first).
CASES += [Case("en", "document", paper, large_print=True) for paper in ("letter", "a4")]
CASES += [Case("en", "trifold", large_print=True)]
CASES += [Case("en", fmt, grayscale=True) for fmt in FORMATS]
BY_ID = {case.id: case for case in CASES}

# Builds the layout refuses by design, with a located ContentError: case -> why.
REFUSED: dict[str, str] = {
    'en-trifold-letter-large': (
        'content.yaml:278:3: references: this does not fit the tri-fold: about 22 lines too '
        'many for the back cover panel, even at 18 pt with tight spacing.'),
}

# case:rule (the test's id) -> the violations measured: the first few, and how many more.
KNOWN_FAILURES: dict[str, str] = {
    'en-document-letter:boxes-apart': (
        "document letter p9: the boxes 'EMERGENCY – Call 911 or go to…' (y=83.5..219.7) and "
        "'CRISIS LINE – Call or text 98…' (y=220.2..373.9) are 0.5 pt apart"),
    'en-document-letter:headings': (
        "document letter p8: the heading 'Book a visit or sign up for our newsletter' ends "
        "on the single word 'newsletter'"),
    'en-document-letter:padding': (
        "document letter p7: a 'Notes' box (y=330.7)"),
    'en-booklet-letter:boxes-apart': (
        "booklet letter p8: the boxes 'Ease your stress' (y=354.2..431.3) and 'Notes' "
        "(y=430.8..547.9) overlap; booklet letter p11: the boxes 'EMERGENCY – Call 911 or "
        "go to…' (y=77.3..210.6) and 'CRISIS LINE – Call or text 98…' (y=209.7..341) "
        "overlap; booklet letter p11: the boxes 'CRISIS LINE – Call or text 98…' "
        "(y=209.7..341) and 'YOUR CARE TEAM – Call your ca…' (y=341.6..472.7) are 0.6 pt "
        'apart'),
    'en-booklet-letter:headings': (
        "booklet letter p12: the heading 'Book a visit or sign up for our newsletter' ends "
        "on the single word 'newsletter'"),
    'en-booklet-letter:padding': (
        "booklet letter p7: a 'Notes' box (y=462.1); booklet letter p8: a 'Notes' box "
        "(y=437.5); booklet letter p9: a 'Notes' box (y=380.6) (+1 more)"),
    'en-trifold-letter:boxes-apart': (
        "trifold letter p1 flap: the boxes 'EMERGENCY – Call 911 or go' (y=66.5..232.3) and "
        "'CRISIS LINE – Call or text' (y=231.4..445.6) overlap; trifold letter p1 flap: the "
        "boxes 'CRISIS LINE – Call or text' (y=231.4..445.6) and 'Questions for my care "
        "team' (y=446.2..573.1) are 0.6 pt apart"),
    'en-trifold-letter:headings': (
        "trifold letter p1 back: the heading 'Book a visit or sign up for our newsletter' "
        "ends on the single word 'newsletter'"),
    'en-trifold-letter:padding': (
        "trifold letter p1 back: a 'Notes' box (y=481)"),
    'en-sheet-letter:boxes-apart': (
        "sheet letter p2 right: the boxes 'EMERGENCY – Call 911 or go to…' (y=77.4..227.5) "
        "and 'CRISIS LINE – Call or text' (y=226.6..408.3) overlap; sheet letter p2 right: "
        "the boxes 'CRISIS LINE – Call or text' (y=226.6..408.3) and 'YOUR CARE TEAM – Call "
        "your ca…' (y=408.9..622.9) are 0.6 pt apart; sheet letter p2 right: the boxes "
        "'YOUR CARE TEAM – Call your ca…' (y=408.9..622.9) and 'Questions for my care team' "
        '(y=621.9..717.1) overlap'),
    'en-document-a4:boxes-apart': (
        "document a4 p9: the boxes 'EMERGENCY – Call 911 or go to…' (y=83.5..219.7) and "
        "'CRISIS LINE – Call or text 98…' (y=220.2..373.9) are 0.5 pt apart"),
    'en-document-a4:headings': (
        "document a4 p8: the heading 'Book a visit or sign up for our newsletter' ends on "
        "the single word 'newsletter'"),
    'en-document-a4:padding': (
        "document a4 p7: a 'Notes' box (y=274.7)"),
    'en-booklet-a4:boxes-apart': (
        "booklet a4 p8: the boxes 'Ease your stress' (y=354.2..431.3) and 'Notes' "
        "(y=430.8..531.1) overlap; booklet a4 p11: the boxes 'EMERGENCY – Call 911 or go "
        "to…' (y=77.3..210.6) and 'CRISIS LINE – Call or text 98…' (y=209.7..341) overlap; "
        "booklet a4 p11: the boxes 'CRISIS LINE – Call or text 98…' (y=209.7..341) and "
        "'YOUR CARE TEAM – Call your ca…' (y=341.6..472.7) are 0.6 pt apart"),
    'en-booklet-a4:headings': (
        "booklet a4 p12: the heading 'Book a visit or sign up for our newsletter' ends on "
        "the single word 'newsletter'"),
    'en-booklet-a4:padding': (
        "booklet a4 p7: a 'Notes' box (y=363.9); booklet a4 p8: a 'Notes' box (y=437.5); "
        "booklet a4 p9: a 'Notes' box (y=365.7) (+1 more)"),
    'en-trifold-a4:boxes-apart': (
        "trifold a4 p1 flap: the boxes 'EMERGENCY – Call 911 or go to' (y=66.5..232.3) and "
        "'CRISIS LINE – Call or text' (y=231.4..445.6) overlap; trifold a4 p1 flap: the "
        "boxes 'CRISIS LINE – Call or text' (y=231.4..445.6) and 'Questions for my care "
        "team' (y=446.2..556.3) are 0.6 pt apart"),
    'en-trifold-a4:headings': (
        "trifold a4 p1 back: the heading 'Book a visit or sign up for our newsletter' ends "
        "on the single word 'newsletter'"),
    'en-trifold-a4:padding': (
        "trifold a4 p1 back: a 'Notes' box (y=468); trifold a4 p2 inside-middle: a 'Notes' "
        "box (y=447.3); trifold a4 p2 inside-right: a 'Notes' box (y=447)"),
    'en-sheet-a4:boxes-apart': (
        "sheet a4 p2 right: the boxes 'EMERGENCY – Call 911 or go to…' (y=77.4..227.5) and "
        "'CRISIS LINE – Call or text' (y=226.6..408.3) overlap; sheet a4 p2 right: the "
        "boxes 'CRISIS LINE – Call or text' (y=226.6..408.3) and 'YOUR CARE TEAM – Call "
        "your ca…' (y=408.9..622.9) are 0.6 pt apart; sheet a4 p2 right: the boxes 'YOUR "
        "CARE TEAM – Call your ca…' (y=408.9..622.9) and 'Questions for my care team' "
        '(y=621.9..766.9) overlap'),
    'es-document-letter:boxes-apart': (
        "document letter p9: the boxes 'EMERGENCIA – Llame al 911 o v…' (y=107.3..243.5) "
        "and 'LÍNEA DE CRISIS – Llame o env…' (y=244..418.7) are 0.5 pt apart"),
    'es-document-letter:headings': (
        "document letter p8: the heading 'Haga una cita o suscríbase a nuestro boletín' "
        "ends on the single word 'boletín'"),
    'es-booklet-letter:boxes-apart': (
        "booklet letter p10: the boxes 'EMERGENCIA – Llame al 911 o v…' (y=77.3..193.8) and "
        "'LÍNEA DE CRISIS – Llame o env…' (y=192.9..407.9) overlap; booklet letter p10: the "
        "boxes 'LÍNEA DE CRISIS – Llame o env…' (y=192.9..407.9) and 'Notas' "
        "(y=408.5..547.9) are 0.6 pt apart; booklet letter p11: the boxes 'SU EQUIPO DE "
        "ATENCIÓN – Llame…' (y=39.1..220.6) and 'Notas' (y=219.6..547.9) overlap"),
    'es-booklet-letter:padding': (
        "booklet letter p8: a 'Notas' box (y=366); booklet letter p10: a 'Notas' box "
        "(y=415.2); booklet letter p11: a 'Notas' box (y=226.3) (+1 more)"),
    'es-trifold-letter:boxes-apart': (
        "trifold letter p1 flap: the boxes 'EMERGENCIA – Llame al' (y=66.5..264.8) and "
        "'LÍNEA DE CRISIS – Llame o' (y=263.9..528.2) overlap"),
    'es-trifold-letter:headings': (
        "trifold letter p1 back: the heading 'Haga una cita o suscríbase a nuestro boletín' "
        "ends on the single word 'boletín'"),
    'es-sheet-letter:boxes-apart': (
        "sheet letter p2 right: the boxes 'LÍNEA DE CRISIS – Llame o env…' (y=53..301.6) "
        "and 'SU EQUIPO DE ATENCIÓN – Llame…' (y=302.2..516.3) are 0.6 pt apart; sheet "
        "letter p2 right: the boxes 'SU EQUIPO DE ATENCIÓN – Llame…' (y=302.2..516.3) and "
        "'Preguntas para mi equipo de a…' (y=515.3..717.1) overlap"),
    'es-sheet-letter:headings': (
        "sheet letter p1 right: the heading 'Haga una cita o suscríbase a nuestro boletín' "
        "ends on the single word 'boletín'"),
    'es-document-a4:boxes-apart': (
        "document a4 p9: the boxes 'EMERGENCIA – Llame al 911 o v…' (y=83.5..219.7) and "
        "'LÍNEA DE CRISIS – Llame o env…' (y=220.2..413.2) are 0.5 pt apart"),
    'es-booklet-a4:boxes-apart': (
        "booklet a4 p10: the boxes 'EMERGENCIA – Llame al 911 o v…' (y=77.3..193.8) and "
        "'LÍNEA DE CRISIS – Llame o env…' (y=192.9..374.3) overlap; booklet a4 p10: the "
        "boxes 'LÍNEA DE CRISIS – Llame o env…' (y=192.9..374.3) and 'Notas' "
        "(y=374.9..531.1) are 0.6 pt apart; booklet a4 p11: the boxes 'SU EQUIPO DE "
        "ATENCIÓN – Llame…' (y=39.1..203.8) and 'Notas' (y=202.8..531.1) overlap"),
    'es-booklet-a4:padding': (
        "booklet a4 p4: a 'Notas' box (y=379.5); booklet a4 p8: a 'Notas' box (y=366.5); "
        "booklet a4 p10: a 'Notas' box (y=381.6) (+2 more)"),
    'es-trifold-a4:boxes-apart': (
        "trifold a4 p1 flap: the boxes 'EMERGENCIA – Llame al 911 o' (y=66.5..249.1) and "
        "'LÍNEA DE CRISIS – Llame o' (y=248.2..512.5) overlap"),
    'es-trifold-a4:padding': (
        "trifold a4 p1 back: a 'Notas' box (y=468)"),
    'es-sheet-a4:boxes-apart': (
        "sheet a4 p2 right: the boxes 'LÍNEA DE CRISIS – Llame o env…' (y=53..301.6) and "
        "'SU EQUIPO DE ATENCIÓN – Llame…' (y=302.2..516.3) are 0.6 pt apart; sheet a4 p2 "
        "right: the boxes 'SU EQUIPO DE ATENCIÓN – Llame…' (y=302.2..516.3) and 'Preguntas "
        "para mi equipo de a…' (y=515.3..766.9) overlap"),
    'es-sheet-a4:headings': (
        "sheet a4 p1 right: the heading 'Haga una cita o suscríbase a nuestro boletín' ends "
        "on the single word 'boletín'"),
    'riverside-document-letter:boxes-apart': (
        "document letter p9: the boxes 'EMERGENCY – Call 911 or go to…' (y=83.5..219.7) and "
        "'CRISIS LINE – Call or text 98…' (y=220.2..373.9) are 0.5 pt apart"),
    'riverside-document-letter:headings': (
        "document letter p8: the heading 'Call or book online to see your family doctor' "
        "ends on the single word 'doctor'"),
    'riverside-document-letter:padding': (
        "document letter p7: a 'Notes' box (y=330.7)"),
    'riverside-booklet-letter:boxes-apart': (
        "booklet letter p8: the boxes 'Ease your stress' (y=354.2..431.3) and 'Notes' "
        "(y=430.8..547.9) overlap; booklet letter p11: the boxes 'EMERGENCY – Call 911 or "
        "go to…' (y=77.3..210.6) and 'CRISIS LINE – Call or text 98…' (y=209.7..341) "
        "overlap; booklet letter p11: the boxes 'CRISIS LINE – Call or text 98…' "
        "(y=209.7..341) and 'YOUR CARE TEAM – Call your ca…' (y=341.6..472.7) are 0.6 pt "
        'apart'),
    'riverside-booklet-letter:padding': (
        "booklet letter p7: a 'Notes' box (y=462.1); booklet letter p8: a 'Notes' box "
        "(y=437.5); booklet letter p9: a 'Notes' box (y=380.6) (+1 more)"),
    'riverside-trifold-letter:boxes-apart': (
        "trifold letter p1 flap: the boxes 'EMERGENCY – Call 911 or go' (y=66.5..232.3) and "
        "'CRISIS LINE – Call or text' (y=231.4..445.6) overlap; trifold letter p1 flap: the "
        "boxes 'CRISIS LINE – Call or text' (y=231.4..445.6) and 'Questions for my care "
        "team' (y=446.2..573.1) are 0.6 pt apart"),
    'riverside-trifold-letter:headings': (
        "trifold letter p1 back: the heading 'Call or book online to see your family "
        "doctor' ends on the single word 'doctor'"),
    'riverside-sheet-letter:boxes-apart': (
        "sheet letter p2 right: the boxes 'EMERGENCY – Call 911 or go to…' (y=77.4..227.5) "
        "and 'CRISIS LINE – Call or text' (y=226.6..408.3) overlap; sheet letter p2 right: "
        "the boxes 'CRISIS LINE – Call or text' (y=226.6..408.3) and 'YOUR CARE TEAM – Call "
        "your ca…' (y=408.9..622.9) are 0.6 pt apart; sheet letter p2 right: the boxes "
        "'YOUR CARE TEAM – Call your ca…' (y=408.9..622.9) and 'Questions for my care team' "
        '(y=621.9..717.1) overlap'),
    'riverside-document-a4:boxes-apart': (
        "document a4 p9: the boxes 'EMERGENCY – Call 911 or go to…' (y=83.5..219.7) and "
        "'CRISIS LINE – Call or text 98…' (y=220.2..373.9) are 0.5 pt apart"),
    'riverside-document-a4:padding': (
        "document a4 p7: a 'Notes' box (y=274.7)"),
    'riverside-booklet-a4:boxes-apart': (
        "booklet a4 p8: the boxes 'Ease your stress' (y=354.2..431.3) and 'Notes' "
        "(y=430.8..531.1) overlap; booklet a4 p11: the boxes 'EMERGENCY – Call 911 or go "
        "to…' (y=77.3..210.6) and 'CRISIS LINE – Call or text 98…' (y=209.7..341) overlap; "
        "booklet a4 p11: the boxes 'CRISIS LINE – Call or text 98…' (y=209.7..341) and "
        "'YOUR CARE TEAM – Call your ca…' (y=341.6..472.7) are 0.6 pt apart"),
    'riverside-booklet-a4:padding': (
        "booklet a4 p7: a 'Notes' box (y=363.9); booklet a4 p8: a 'Notes' box (y=437.5); "
        "booklet a4 p9: a 'Notes' box (y=365.7) (+1 more)"),
    'riverside-trifold-a4:boxes-apart': (
        "trifold a4 p1 flap: the boxes 'EMERGENCY – Call 911 or go to' (y=66.5..232.3) and "
        "'CRISIS LINE – Call or text' (y=231.4..445.6) overlap; trifold a4 p1 flap: the "
        "boxes 'CRISIS LINE – Call or text' (y=231.4..445.6) and 'Questions for my care "
        "team' (y=446.2..556.3) are 0.6 pt apart"),
    'riverside-trifold-a4:headings': (
        "trifold a4 p1 back: the heading 'Call or book online to see your family doctor' "
        "ends on the single word 'doctor'"),
    'riverside-trifold-a4:padding': (
        "trifold a4 p2 inside-middle: a 'Notes' box (y=447.3); trifold a4 p2 inside-right: "
        "a 'Notes' box (y=447)"),
    'riverside-sheet-a4:boxes-apart': (
        "sheet a4 p2 right: the boxes 'EMERGENCY – Call 911 or go to…' (y=77.4..227.5) and "
        "'CRISIS LINE – Call or text' (y=226.6..408.3) overlap; sheet a4 p2 right: the "
        "boxes 'CRISIS LINE – Call or text' (y=226.6..408.3) and 'YOUR CARE TEAM – Call "
        "your ca…' (y=408.9..622.9) are 0.6 pt apart; sheet a4 p2 right: the boxes 'YOUR "
        "CARE TEAM – Call your ca…' (y=408.9..622.9) and 'Questions for my care team' "
        '(y=621.9..766.9) overlap'),
    'riverside-sheet-a4:headings': (
        "sheet a4 p1 right: the heading 'Call or book online to see your family doctor' "
        "ends on the single word 'doctor'"),
    'sleep-document-letter:boxes-apart': (
        "document letter p4: the boxes 'EMERGENCY – Call 911 now if:' (y=83.5..142.5) and "
        "'CRISIS LINE – Call or text 98…' (y=143..214.1) are 0.5 pt apart"),
    'sleep-document-letter:headings': (
        "document letter p3: the heading 'Call or book online to see your family doctor' "
        "ends on the single word 'doctor'"),
    'sleep-booklet-letter:boxes-apart': (
        "booklet letter p6: the boxes 'EMERGENCY – Call 911 now if:' (y=92.9..171.5) and "
        "'CRISIS LINE – Call or text 98…' (y=172..243.1) are 0.5 pt apart; booklet letter "
        "p6: the boxes 'YOUR CARE TEAM – Call your ca…' (y=245.1..414.8) and 'Notes' "
        '(y=413.8..544.5) overlap'),
    'sleep-booklet-letter:padding': (
        "booklet letter p6: a 'Notes' box (y=421.5); booklet letter p7: a 'Notes' box "
        "(y=46.8); booklet letter p8: a 'Notes' box (y=376.8)"),
    'sleep-trifold-letter:boxes-apart': (
        "trifold letter p1 flap: the boxes 'EMERGENCY – Call 911 now' (y=66.5..146.8) and "
        "'CRISIS LINE – Call or text' (y=145.9..240) overlap; trifold letter p1 flap: the "
        "boxes 'CRISIS LINE – Call or text' (y=145.9..240) and 'YOUR CARE TEAM – Call' "
        '(y=240.6..418.3) are 0.6 pt apart'),
    'sleep-trifold-letter:headings': (
        "trifold letter p1 back: the heading 'Call or book online to see your family "
        "doctor' ends on the single word 'doctor'"),
    'sleep-trifold-letter:padding': (
        "trifold letter p1 back: a 'Notes' box (y=430.2)"),
    'sleep-sheet-letter:boxes-apart': (
        "sheet letter p2 right: the boxes 'EMERGENCY – Call 911 now if:' (y=336.8..405) and "
        "'CRISIS LINE – Call or text' (y=404.1..465.6) overlap; sheet letter p2 right: the "
        "boxes 'CRISIS LINE – Call or text' (y=404.1..465.6) and 'YOUR CARE TEAM – Call "
        "your ca…' (y=466.2..611.4) are 0.6 pt apart; sheet letter p2 right: the boxes "
        "'YOUR CARE TEAM – Call your ca…' (y=466.2..611.4) and 'Questions for my care team' "
        '(y=610.4..717.1) overlap'),
    'sleep-document-a4:boxes-apart': (
        "document a4 p4: the boxes 'EMERGENCY – Call 911 now if:' (y=524.9..583.8) and "
        "'CRISIS LINE – Call or text 98…' (y=584.3..655.5) are 0.5 pt apart"),
    'sleep-booklet-a4:boxes-apart': (
        "booklet a4 p7: the boxes 'EMERGENCY – Call 911 now if:' (y=92.9..171.5) and "
        "'CRISIS LINE – Call or text 98…' (y=172..243.1) are 0.5 pt apart; booklet a4 p7: "
        "the boxes 'YOUR CARE TEAM – Call your ca…' (y=245.1..414.8) and 'Notes' "
        '(y=413.8..527.8) overlap'),
    'sleep-booklet-a4:padding': (
        "booklet a4 p6: a 'Notes' box (y=299); booklet a4 p7: a 'Notes' box (y=421.5); "
        "booklet a4 p8: a 'Notes' box (y=376.8)"),
    'sleep-trifold-a4:boxes-apart': (
        "trifold a4 p1 flap: the boxes 'EMERGENCY – Call 911 now if:' (y=66.5..134.6) and "
        "'CRISIS LINE – Call or text' (y=133.7..227.8) overlap; trifold a4 p1 flap: the "
        "boxes 'CRISIS LINE – Call or text' (y=133.7..227.8) and 'YOUR CARE TEAM – Call "
        "your' (y=228.4..390.4) are 0.6 pt apart"),
    'sleep-trifold-a4:headings': (
        "trifold a4 p1 back: the heading 'Call or book online to see your family doctor' "
        "ends on the single word 'doctor'"),
    'sleep-trifold-a4:padding': (
        "trifold a4 p1 back: a 'Notes' box (y=413.4)"),
    'sleep-sheet-a4:boxes-apart': (
        "sheet a4 p2 right: the boxes 'EMERGENCY – Call 911 now if:' (y=362.4..433.1) and "
        "'CRISIS LINE – Call or text' (y=432.3..496.3) overlap; sheet a4 p2 right: the "
        "boxes 'CRISIS LINE – Call or text' (y=432.3..496.3) and 'YOUR CARE TEAM – Call "
        "your ca…' (y=497..665.5) are 0.7 pt apart; sheet a4 p2 right: the boxes 'YOUR CARE "
        "TEAM – Call your ca…' (y=497..665.5) and 'Questions for my care team' "
        '(y=664.5..766.7) overlap'),
    'sleep-sheet-a4:headings': (
        "sheet a4 p2 left: the heading 'Call or book online to see your family doctor' ends "
        "on the single word 'doctor'"),
    'starter-document-letter:boxes-apart': (
        "document letter p3: the boxes 'EMERGENCY – Call 911 now if:' (y=464.9..523.8) and "
        "'CRISIS LINE – Call or text 98…' (y=524.3..595.5) are 0.5 pt apart"),
    'starter-booklet-letter:boxes-apart': (
        "booklet letter p6: the boxes 'EMERGENCY – Call 911 now if:' (y=92.9..171.5) and "
        "'CRISIS LINE – Call or text 98…' (y=172..243.1) are 0.5 pt apart; booklet letter "
        "p6: the boxes 'YOUR CARE TEAM – Call your ca…' (y=245.1..393.8) and 'Notes' "
        '(y=392.8..544.5) overlap'),
    'starter-booklet-letter:headings': (
        "booklet letter p8: the heading 'Call us or book a visit online' ends on the single "
        "word 'online'"),
    'starter-booklet-letter:padding': (
        "booklet letter p5: a 'Notes' box (y=308.2); booklet letter p6: a 'Notes' box "
        "(y=400.5); booklet letter p7: a 'Notes' box (y=46.8) (+1 more)"),
    'starter-trifold-letter:boxes-apart': (
        "trifold letter p1 flap: the boxes 'EMERGENCY – Call' (y=77.6..170.3) and 'CRISIS "
        "LINE – Call or' (y=170.3..279.4) overlap; trifold letter p1 flap: the boxes "
        "'CRISIS LINE – Call or' (y=170.3..279.4) and 'YOUR CARE TEAM –' (y=280.9..467.2) "
        'are 1.5 pt apart'),
    'starter-trifold-letter:headings': (
        "trifold letter p1 back: the heading 'Call us or book a visit online' ends on the "
        "single word 'online'"),
    'starter-sheet-letter:boxes-apart': (
        "sheet letter p2 right: the boxes 'EMERGENCY – Call 911 now if:' (y=259.8..338.4) "
        "and 'CRISIS LINE – Call or text' (y=338.9..447.9) are 0.5 pt apart; sheet letter "
        "p2 right: the boxes 'YOUR CARE TEAM – Call your' (y=449.9..598.6) and 'Questions "
        "for my care team' (y=597.6..713.7) overlap"),
    'starter-document-a4:boxes-apart': (
        "document a4 p3: the boxes 'EMERGENCY – Call 911 now if:' (y=464.9..523.8) and "
        "'CRISIS LINE – Call or text 98…' (y=524.3..595.5) are 0.5 pt apart"),
    'starter-booklet-a4:boxes-apart': (
        "booklet a4 p6: the boxes 'EMERGENCY – Call 911 now if:' (y=92.9..171.5) and "
        "'CRISIS LINE – Call or text 98…' (y=172..243.1) are 0.5 pt apart; booklet a4 p6: "
        "the boxes 'YOUR CARE TEAM – Call your ca…' (y=245.1..375.5) and 'Notes' "
        '(y=374.5..527.8) overlap'),
    'starter-booklet-a4:headings': (
        "booklet a4 p8: the heading 'Call us or book a visit online' ends on the single "
        "word 'online'"),
    'starter-booklet-a4:padding': (
        "booklet a4 p5: a 'Notes' box (y=288.6); booklet a4 p6: a 'Notes' box (y=382.2); "
        "booklet a4 p7: a 'Notes' box (y=46.8) (+1 more)"),
    'starter-trifold-a4:boxes-apart': (
        "trifold a4 p1 flap: the boxes 'EMERGENCY – Call' (y=82.1..174.9) and 'CRISIS LINE "
        "– Call or' (y=175.4..284.4) are 0.5 pt apart"),
    'starter-trifold-a4:headings': (
        "trifold a4 p1 back: the heading 'Call us or book a visit online' ends on the "
        "single word 'online'"),
    'starter-sheet-a4:boxes-apart': (
        "sheet a4 p2 right: the boxes 'EMERGENCY – Call 911 now if:' (y=171.2..249.8) and "
        "'CRISIS LINE – Call or text' (y=250.3..359.3) are 0.5 pt apart; sheet a4 p2 right: "
        "the boxes 'YOUR CARE TEAM – Call your' (y=361.3..510) and 'Questions for my care "
        "team' (y=509..763.6) overlap"),
    'en-document-letter-large:boxes-apart': (
        "document letter p11: the boxes 'EMERGENCY – Call 911 or go to…' (y=99.7..298.2) "
        "and 'CRISIS LINE – Call or text 98…' (y=299.7..496.1) are 1.5 pt apart"),
    'en-document-letter-large:headings': (
        "document letter p15: the heading 'Book a visit or sign up for our newsletter' ends "
        "on the single word 'newsletter'"),
    'en-document-letter-large:padding': (
        "document letter p4: a 'Notes' box (y=512.4); document letter p12: a 'Notes' box "
        '(y=553.9)'),
    'en-document-a4-large:boxes-apart': (
        "document a4 p11: the boxes 'EMERGENCY – Call 911 or go to…' (y=99.7..298.2) and "
        "'CRISIS LINE – Call or text 98…' (y=299.7..521.3) are 1.5 pt apart"),
    'en-document-a4-large:headings': (
        'document a4 p8: the heading "What we know, and what we don\'t know yet" ends on '
        "the single word 'yet'"),
    'en-document-a4-large:padding': (
        "document a4 p12: a 'Notes' box (y=553.9)"),
    'en-document-letter-gray:boxes-apart': (
        "document letter p9: the boxes 'EMERGENCY – Call 911 or go to…' (y=83.5..219.7) and "
        "'CRISIS LINE – Call or text 98…' (y=220.2..373.9) are 0.5 pt apart"),
    'en-document-letter-gray:headings': (
        "document letter p8: the heading 'Book a visit or sign up for our newsletter' ends "
        "on the single word 'newsletter'"),
    'en-document-letter-gray:padding': (
        "document letter p7: a 'Notes' box (y=330.7)"),
    'en-booklet-letter-gray:boxes-apart': (
        "booklet letter p8: the boxes 'Ease your stress' (y=354.2..431.3) and 'Notes' "
        "(y=430.8..547.9) overlap; booklet letter p11: the boxes 'EMERGENCY – Call 911 or "
        "go to…' (y=77.3..210.6) and 'CRISIS LINE – Call or text 98…' (y=209.7..341) "
        "overlap; booklet letter p11: the boxes 'CRISIS LINE – Call or text 98…' "
        "(y=209.7..341) and 'YOUR CARE TEAM – Call your ca…' (y=341.6..472.7) are 0.6 pt "
        'apart'),
    'en-booklet-letter-gray:headings': (
        "booklet letter p12: the heading 'Book a visit or sign up for our newsletter' ends "
        "on the single word 'newsletter'"),
    'en-booklet-letter-gray:padding': (
        "booklet letter p7: a 'Notes' box (y=462.1); booklet letter p8: a 'Notes' box "
        "(y=437.5); booklet letter p9: a 'Notes' box (y=380.6) (+1 more)"),
    'en-trifold-letter-gray:boxes-apart': (
        "trifold letter p1 flap: the boxes 'EMERGENCY – Call 911 or go' (y=66.5..232.3) and "
        "'CRISIS LINE – Call or text' (y=231.4..445.6) overlap; trifold letter p1 flap: the "
        "boxes 'CRISIS LINE – Call or text' (y=231.4..445.6) and 'Questions for my care "
        "team' (y=446.2..573.1) are 0.6 pt apart"),
    'en-trifold-letter-gray:headings': (
        "trifold letter p1 back: the heading 'Book a visit or sign up for our newsletter' "
        "ends on the single word 'newsletter'"),
    'en-trifold-letter-gray:padding': (
        "trifold letter p1 back: a 'Notes' box (y=481)"),
    'en-sheet-letter-gray:boxes-apart': (
        "sheet letter p2 right: the boxes 'EMERGENCY – Call 911 or go to…' (y=77.4..227.5) "
        "and 'CRISIS LINE – Call or text' (y=226.6..408.3) overlap; sheet letter p2 right: "
        "the boxes 'CRISIS LINE – Call or text' (y=226.6..408.3) and 'YOUR CARE TEAM – Call "
        "your ca…' (y=408.9..622.9) are 0.6 pt apart; sheet letter p2 right: the boxes "
        "'YOUR CARE TEAM – Call your ca…' (y=408.9..622.9) and 'Questions for my care team' "
        '(y=621.9..717.1) overlap'),
}


def _marks(case: Case, rule: str) -> list[pytest.MarkDecorator]:
    reason = KNOWN_FAILURES.get(f"{case.id}:{rule}")
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def test_the_tables_name_only_cases_and_rules_of_the_matrix() -> None:
    ids = {f"{case.id}:{rule}" for case in CASES for rule in RULES}
    assert set(KNOWN_FAILURES) <= ids, set(KNOWN_FAILURES) - ids
    assert set(REFUSED) <= set(BY_ID), set(REFUSED) - set(BY_ID)
    assert not {key.rpartition(":")[0] for key in KNOWN_FAILURES} & set(REFUSED)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_builds_or_refuses_with_a_location(builds: Builds, case: Case) -> None:
    outcome = builds(case)
    if outcome.refusal is None:
        assert case.id not in REFUSED, f"{case.id} built; REFUSED says it is refused"
        return
    assert not located(outcome.refusal), \
        f"{case.id}: a refusal without file:line:column: {located(outcome.refusal)}"
    assert case.id in REFUSED, f"{case.id} was refused (located, so acceptable; list it " \
        f"in REFUSED if that is by design): {outcome.refusal}"


@pytest.mark.parametrize("case,rule", [
    pytest.param(case, rule, id=f"{case.id}:{rule}", marks=_marks(case, rule))
    for case in CASES for rule in RULES])
def test_rule(builds: Builds, case: Case, rule: str) -> None:
    outcome = builds(case)
    if outcome.printed is None or outcome.tokens is None:
        pytest.skip(f"refused: {outcome.refusal}")
    violations = check(outcome.printed, rule, outcome.tokens)
    assert not violations, f"{case.id} breaks {rule}:\n" + "\n".join(violations)


def _defective_trifold(path: Path) -> None:
    """A Letter tri-fold with one defect of each kind on its outside (page 1), and an
    inside (page 2) holding a single line."""
    pdf = pymupdf.open()  # type: ignore[no-untyped-call]
    page = pdf.new_page(width=792, height=612)
    fold = 3.625 * 72  # the outside's first fold: the flap's right edge

    def text(x: float, y: float, words: str, size: float = 12, bold: bool = False) -> None:
        page.insert_text((x, y), words, fontsize=size, fontname="hebo" if bold else "helv")

    for n in range(30):  # the flap: body text from top to bottom
        text(36, 40 + n * 18, "Body text fills the flap.", 10)
    text(fold - 23, 300, "near", 10)  # 20 pt wide: ends 3 pt before the fold
    for n in range(26):  # the back cover: body text, a split phone, a heading at the foot
        text(297, 40 + n * 18, "Body text on the back cover.", 10)
    text(297, 519, "Book at www.mindbody7.exam", 10)
    text(297, 532, "ple/book today.", 10)
    text(297, 545, "Call us at (555)", 10)
    text(297, 558, "010-0107 any day.", 10)
    text(297, 575, "Questions for my care team", 14, bold=True)
    for x0, y0 in ((560, 40), (560, 142)):  # the front cover: two boxes 1 pt apart
        page.draw_rect((x0, y0, 760, y0 + 100), color=(0, 0, 0), width=1)
        text(x0 + 10, y0 + 30, "Notes" if y0 == 40 else "A box", 12)
    text(570, 300, "A heading that ends on", 16, bold=True)
    text(570, 320, "one", 16, bold=True)
    for n in range(10):
        text(570, 345 + n * 18, "Body text under the heading.", 10)
    inside = pdf.new_page(width=792, height=612)
    inside.insert_text((300, 40), "Questions for my care team", fontsize=10)
    pdf.save(path)  # type: ignore[no-untyped-call]


def test_the_rules_find_what_they_are_for(tmp_path: Path) -> None:
    path = tmp_path / "defects.pdf"
    _defective_trifold(path)
    printed = read(path, "trifold")
    words = tokens(ROOT / "content.yaml")
    found = {rule: check(printed, rule, words) for rule in RULES}
    assert found["safe-area"] == ["trifold letter p1 flap: text 'near' 3 pt from the fold "
                                  "at x=261 (at x=238..258, y=289.2..303)"]
    assert any("p1 front: the boxes" in v and "are 1 pt apart" in v
               for v in found["boxes-apart"]), found["boxes-apart"]
    assert "trifold letter p1: '(555) 010-0107' is split across lines as " \
        "'(555)⏎010-0107'" in found["tokens-whole"], found["tokens-whole"]
    assert "trifold letter p1: the URL 'www.mindbody7.example/book' breaks not right after " \
        "a slash, as 'www.mindbody7.exam⏎ple/book'" in found["tokens-whole"]
    assert any("p1 back: the heading 'Questions for my care team' is the last line" in v
               for v in found["headings"]), found["headings"]
    assert any("p1 front: the heading 'A heading that ends on one' ends on the single word "
               "'one'" in v for v in found["headings"]), found["headings"]
    assert any(v.startswith("trifold letter p2 inside-left: ") and v.endswith("% empty")
               for v in found["fullness"]), found["fullness"]
    assert not any(v.startswith("trifold letter p1 ") for v in found["fullness"]), \
        found["fullness"]
    assert found["padding"] == [
        "trifold letter p1 front: a 'Notes' box (y=57.1)",
        "trifold letter: 2 'Questions for my care team' titles (p1, p2); one at most"], \
        found["padding"]


def table(most: int = 3) -> tuple[dict[str, str], dict[str, str]]:
    """REFUSED and KNOWN_FAILURES as the matrix measures now."""
    refused, failures = {}, {}
    with tempfile.TemporaryDirectory() as folder:
        builds = Builds(Path(folder))
        for case in CASES:
            outcome = builds(case)
            if outcome.printed is None or outcome.tokens is None:
                first = str(outcome.refusal).splitlines()[0]
                refused[case.id] = first.split(". ")[0] + "."
                continue
            for rule in RULES:
                found = check(outcome.printed, rule, outcome.tokens)
                if found:
                    more = f" (+{len(found) - most} more)" if len(found) > most else ""
                    failures[f"{case.id}:{rule}"] = "; ".join(found[:most]) + more
    return refused, failures


def _literal(text: str, indent: str, width: int = 92) -> str:
    """`text` as Python string literals, one a line, that concatenate back to it."""
    chunks, line = [], ""
    for word in text.split(" "):
        if line and len(repr(line + word)) + len(indent) > width:
            chunks.append(line)
            line = ""
        line += word + " "
    chunks.append(line[:-1])
    return "\n".join(indent + repr(chunk) for chunk in chunks)


if __name__ == "__main__":
    refused, failures = table()
    for name, found in (("REFUSED", refused), ("KNOWN_FAILURES", failures)):
        sys.stdout.write(f"{name}: dict[str, str] = {{\n")
        for key, value in found.items():
            sys.stdout.write(f"    {key!r}: (\n{_literal(value, ' ' * 8)}),\n")
        sys.stdout.write("}\n")
