"""Text as typed: what free text may hold when it is recorded, and how it is shown later.

On the way in, text is refused (never silently changed in meaning) when it holds characters
that would corrupt a court document: control characters (C0 other than tab, line feed and
carriage return; DEL; C1), NUL and unpaired surrogates (which cannot be stored as UTF-8), and
the bidirectional override, embedding and isolate controls (U+202A-U+202E, U+2066-U+2069),
which make a document display text in an order other than the one it was typed in. Accepted
text is normalised to NFC, so the same words typed on different devices compare equal, and
its line breaks to LF. A
nested input deeper than MAX_DEPTH is refused before anything walks it.

On the way out, `printable` shows any such character already in an older log as a visible
`[U+XXXX]` marker, so that every export renders whatever the log holds.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

#: Nesting deeper than any request needs (a body is at most a few levels deep).
MAX_DEPTH = 32

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Characters XML 1.0 cannot hold, plus those a document must not act on: shown as markers.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
                          "\u202a-\u202e\u2066-\u2069]")


class TextProblem(ValueError):
    """Input text that cannot be recorded: names where it is and the rule it breaks."""

    def __init__(self, path: str, rule: str) -> None:
        self.path, self.rule = path or "body", rule
        super().__init__(f"{self.path}: {rule}")


def text_rule(value: str) -> str | None:
    """The rule `value` breaks, or None."""
    if "\x00" in value or _SURROGATE.search(value):
        return "must not contain NUL or unpaired surrogate characters"
    if found := _CONTROL.search(value):
        return (f"must not contain control characters (found U+{ord(found.group()):04X}); "
                "only tab, line feed and carriage return are accepted")
    if found := _BIDI.search(value):
        return (f"must not contain bidirectional override, embedding or isolate characters "
                f"(found U+{ord(found.group()):04X}): text is recorded as typed, in order")
    return None


def depth(value: Any) -> int:
    """How deeply lists and objects nest in `value` (walked without recursion)."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list | tuple):
            level += 1
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            stack.extend((v, level) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def _lines(value: str) -> str:
    """Line breaks as one character: CR LF and a lone CR become LF (documents differ in
    how they keep a CR; a log must read back as written)."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def _join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _clean(value: Any, path: str) -> Any:
    if isinstance(value, str):
        if rule := text_rule(value):
            raise TextProblem(path, rule)
        return unicodedata.normalize("NFC", _lines(value))
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            key = _clean(k, path) if isinstance(k, str) else k
            out[key] = _clean(v, _join(path, key))
        return out
    if isinstance(value, list | tuple):
        return type(value)(_clean(v, _join(path, i)) for i, v in enumerate(value))
    return value


def clean(value: Any, path: str = "") -> Any:
    """`value` with every string NFC-normalised, or TextProblem naming the first bad field."""
    if depth(value) > MAX_DEPTH:
        raise TextProblem(path, f"nested deeper than {MAX_DEPTH} levels")
    return _clean(value, path)


def printable(text: str) -> str:
    """`text` safe for any document format: unprintable characters shown as [U+XXXX], and
    line breaks as LF (a Word document reads a CR back as a line break)."""
    return _UNPRINTABLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", _lines(text))
