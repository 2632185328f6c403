"""Flatten a CommendationListData into table lines and cut them into chunks.

Chunks are contiguous and cut at group (proposing unit) boundaries, so every
chunk can be laid out on its own and the merged pages read as one table. STT
numbers are assigned here, globally per section, so numbering stays 1..n
across chunks.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .data import CommendationListData, ListGroup
from .formatting import roman

#: Above this many rows a single group is split, repeating its header with "(tiếp)".
MAX_BLOCK_ROWS = 200


@dataclass(frozen=True, slots=True)
class Line:
    """A table line: kind "s" section header, "g" group header, "r" row."""

    kind: str
    number: str
    name: str
    detail: str = ""
    note: str = ""


Block = tuple[Line, ...]


def blocks(data: CommendationListData) -> list[Block]:
    """Lines grouped into blocks that should not be split across chunks."""
    out: list[Block] = []
    sections = (("TẬP THỂ", data.collectives), ("CÁ NHÂN", data.individuals))
    index = 0
    for label, groups in sections:
        if not any(g.rows for g in groups):
            continue
        index += 1
        pending: list[Line] = [Line("s", roman(index), label)]
        stt = 0
        for group in groups:
            for part, rows in enumerate(_parts(group)):
                lines = list(pending)
                pending = []
                if group.unit:
                    name = group.unit if part == 0 else f"{group.unit} (tiếp)"
                    lines.append(Line("g", "", name))
                for row in rows:
                    stt += 1
                    lines.append(Line("r", str(stt), row.name, row.detail, row.note))
                out.append(tuple(lines))
    return out


def _parts(group: ListGroup) -> list[tuple]:
    rows = group.rows
    if not rows:
        return []
    return [rows[i:i + MAX_BLOCK_ROWS] for i in range(0, len(rows), MAX_BLOCK_ROWS)]


def row_count(block: Block) -> int:
    return sum(1 for line in block if line.kind == "r")


def chunk(all_blocks: list[Block], *, parts: int, max_rows: int) -> list[list[Line]]:
    """Cut blocks into about ``max(parts, rows / max_rows)`` chunks of similar size."""
    total = sum(row_count(b) for b in all_blocks)
    n = max(1, parts, math.ceil(total / max_rows)) if total else 1
    target = total / n
    chunks: list[list[Line]] = [[]]
    done = 0
    for block in all_blocks:
        size = row_count(block)
        # Close the current chunk when this block would end nearer the next cut.
        boundary = target * len(chunks)
        if chunks[-1] and len(chunks) < n and done + size / 2 > boundary:
            chunks.append([])
        chunks[-1].extend(block)
        done += size
    return chunks
