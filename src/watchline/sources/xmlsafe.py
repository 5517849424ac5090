"""Streaming XML that cannot be turned against the reader.

Every XML importer reads through :func:`iter_events`. It uses lxml's incremental parser with
entity resolution, DTD loading and network access switched off, and refuses a document
whose DOCTYPE declares entities or points at an external DTD: list files never need them,
and they are how XXE and "billion laughs" payloads work. Elements are released as soon as
the caller has read them, so memory stays bounded on lists of any size.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree
from lxml.etree import _Element as Element

from watchline.errors import InputError
from watchline.sources.base import where

__all__ = ["Element", "iter_events", "local", "release", "text", "texts"]


def _refuse_dtd(elem: Element, path: Path) -> None:
    """Refuse entity declarations and external DTDs before any content is read."""
    info = elem.getroottree().docinfo
    dtd = info.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(
            "DOCTYPE declares entities; refused (XXE / entity expansion)",
            where=where(path, elem.sourceline),
        )
    if info.system_url or info.public_id:
        raise InputError(
            "DOCTYPE references an external DTD; refused", where=where(path, elem.sourceline)
        )


def iter_events(path: Path) -> Iterator[tuple[str, Element]]:
    """Yield lxml ``start``/``end`` events; malformed or hostile XML raises InputError."""
    parser = etree.iterparse(
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    first = True
    try:
        for event, elem in parser:
            if first:
                _refuse_dtd(elem, path)
                first = False
            yield event, elem
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise InputError(f"malformed XML: {exc.msg}", where=where(path, line)) from None
    except (etree.LxmlError, ValueError, UnicodeError) as exc:
        raise InputError(f"unreadable XML: {exc}", where=where(path)) from None


def release(elem: Element) -> None:
    """Free an element already converted, and the siblings before it (bounded memory)."""
    elem.clear(keep_tail=False)
    parent = elem.getparent()
    while parent is not None and elem.getprevious() is not None:
        del parent[0]


def local(tag: object) -> str:
    """The tag without its ``{namespace}``; comments and PIs give an empty string."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def text(elem: Element | None) -> str:
    """The element's stripped text, '' when absent."""
    if elem is None or elem.text is None:
        return ""
    return " ".join(elem.text.split())


def texts(elem: Element, path: str) -> list[str]:
    """Non-empty stripped texts of the children at ``path`` (ElementPath syntax)."""
    return [value for value in (text(child) for child in elem.findall(path)) if value]
