"""Small server-side SVG charts: no JavaScript, no CDN, readable by screen readers.

Each chart is an ``<svg role="img">`` named by its ``<title>``; the page shows the same
numbers in a table next to it, so nothing is only in the picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

BAR_COLOUR = "#1d4f91"
ALERT_COLOUR = "#a4161a"
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#6b6b6b"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def column_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    chart_id: str,
    width: int = 420,
    height: int = 200,
    label_every: int = 1,
) -> Markup:
    """Vertical columns over time (turns per hour or per day)."""
    top, bottom, left, right = 12, 28, 36, 6
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((value for _, value in items), default=0) or 1
    slot = plot_w / max(len(items), 1)
    axis = (
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
    )
    peak_label = (
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" font-size="12" fill="{TEXT_COLOUR}">'
        f"{_fmt(peak)}</text>"
    )
    zero_label = (
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" font-size="12" '
        f'fill="{TEXT_COLOUR}">0</text>'
    )
    parts = [_open(chart_id, title, width, height), axis, peak_label, zero_label]
    for index, (label, value) in enumerate(items):
        bar_h = plot_h * value / peak
        x = left + index * slot + slot * 0.15
        parts.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - bar_h:.1f}" width="{slot * 0.7:.1f}" '
            f'height="{bar_h:.1f}" fill="{BAR_COLOUR}"><title>{escape(label)}: {_fmt(value)}</title></rect>'
        )
        if index % label_every == 0:
            parts.append(
                f'<text x="{x + slot * 0.35:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                f'font-size="12" fill="{TEXT_COLOUR}">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    chart_id: str,
    width: int = 420,
    unit: str = "",
    alert_labels: tuple[str, ...] = (),
) -> Markup:
    """Horizontal bars with the label on the left (intents, engines, stages)."""
    row_h, label_w, value_w, top = 24, 150, 80, 4
    height = top * 2 + row_h * max(len(items), 1)
    plot_w = width - label_w - value_w
    peak = max((value for _, value in items), default=0) or 1
    parts = [_open(chart_id, title, width, height)]
    if not items:
        parts.append(f'<text x="8" y="20" font-size="13" fill="{TEXT_COLOUR}">자료가 아직 없어요.</text>')
    for index, (label, value) in enumerate(items):
        y = top + index * row_h
        colour = ALERT_COLOUR if label in alert_labels else BAR_COLOUR
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" font-size="13" '
            f'fill="{TEXT_COLOUR}">{escape(_clip(label))}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{max(plot_w * value / peak, 1):.1f}" '
            f'height="{row_h - 8}" '
            f'fill="{colour}"><title>{escape(label)}: {_fmt(value)}{escape(unit)}</title></rect>'
        )
        parts.append(
            f'<text x="{label_w + plot_w * value / peak + 6:.1f}" y="{y + 17}" font-size="13" '
            f'fill="{TEXT_COLOUR}">{_fmt(value)}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _open(chart_id: str, title: str, width: int, height: int) -> str:
    safe_id = escape(chart_id)
    return (
        f'<svg class="chart" role="img" aria-labelledby="{safe_id}-title" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{safe_id}-title">{escape(title)}</title>'
    )


def _clip(label: str, limit: int = 20) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
