"""A self-contained HTML page: inline CSS (screen and print), images by relative path, no scripts.

The page must open offline from a USB stick or a shared folder, so nothing is fetched: no
fonts, no scripts, no CDN. Every piece of text is escaped here, once.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.report.charts import Chart

CSS = """
:root { --ink: #1d2430; --muted: #5b6573; --rule: #d8dde4; --paper: #ffffff; --band: #f4f6f9;
        --good: #1b7f4b; --bad: #b3261e; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--band); color: var(--ink);
       font: 15px/1.5 "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 32px 48px; background: var(--paper); }
header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; }
h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-top: 8px; border-top: 1px solid var(--rule); }
h3 { font-size: 16px; margin: 18px 0 6px; }
p { margin: 6px 0 10px; max-width: 72ch; }
.subtitle { color: var(--muted); margin: 0; }
.facts { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0 4px; padding: 0; list-style: none; }
.facts li { background: var(--band); border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.facts b { display: block; font-size: 20px; }
.facts span { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
nav ol { columns: 2; margin: 8px 0; padding-left: 20px; color: var(--muted); }
nav a { color: var(--accent); text-decoration: none; }
figure { margin: 12px 0 20px; break-inside: avoid; page-break-inside: avoid; }
figure img { display: block; width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 4px; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }
figcaption a, .data a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 18px; font-size: 13px; break-inside: auto; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
.held { color: var(--good); font-weight: 600; }
.failed { color: var(--bad); font-weight: 600; }
.note { background: #fff8e1; border-left: 4px solid #e6a700; padding: 8px 12px; }
blockquote.answer { margin: 4px 0 14px; padding: 6px 12px; border-left: 4px solid var(--accent); background: var(--band); }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); padding-top: 8px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: white; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav, .screen-only { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure img { border: none; max-height: 120mm; object-fit: contain; }
  a { color: inherit; text-decoration: none; }
  figcaption a::after { content: " (" attr(href) ")"; }
}
"""


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def anchor(title: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")


class Page:
    """Builds the page from sections, figures, tables and paragraphs, in the order they are added."""

    def __init__(self, title: str, subtitle: str = "") -> None:
        self.title = title
        self.subtitle = subtitle
        self._facts: list[tuple[str, str]] = []
        self._body: list[str] = []
        self._sections: list[str] = []

    def fact(self, label: str, value: Any) -> None:
        """A headline number in the header (score, grade, outcome...)."""
        self._facts.append((label, str(value)))

    def section(self, title: str, intro: str = "") -> None:
        self._sections.append(title)
        self._body.append(f'<section><h2 id="{anchor(title)}">{esc(title)}</h2>')
        if intro:
            self.paragraph(intro)

    def heading(self, title: str) -> None:
        self._body.append(f"<h3>{esc(title)}</h3>")

    def paragraph(self, text: str, css_class: str = "") -> None:
        attribute = f' class="{css_class}"' if css_class else ""
        self._body.append(f"<p{attribute}>{esc(text)}</p>")

    def raw(self, markup: str) -> None:
        """Markup built by the caller from escaped parts (e.g. `verdict`)."""
        self._body.append(markup)

    def figure(self, chart: Chart) -> None:
        self._body.append(
            f'<figure><img src="{esc(chart.image)}" alt="{esc(chart.title)}">'
            f"<figcaption><b>{esc(chart.title)}.</b> {esc(chart.caption)} "
            f'<a href="{esc(chart.data)}">Data (CSV)</a></figcaption></figure>'
        )

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        numeric: Sequence[int] = (),
        nowrap: Sequence[int] = (),
    ) -> None:
        """A table; `numeric` columns are right-aligned, `nowrap` ones never wrap. Cells are escaped unless `Markup`."""

        def cell(tag: str, index: int, value: Any) -> str:
            css = ' class="num"' if index in numeric else ' class="nowrap"' if index in nowrap else ""
            text = value.text if isinstance(value, Markup) else esc(value)
            return f"<{tag}{css}>{text}</{tag}>"

        head = "".join(cell("th", i, h) for i, h in enumerate(header))
        body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
        self._body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def end_section(self) -> None:
        self._body.append("</section>")

    def html(self, footer: str = "") -> str:
        facts = "".join(f"<li><b>{esc(v)}</b><span>{esc(k)}</span></li>" for k, v in self._facts)
        toc = "".join(f'<li><a href="#{anchor(t)}">{esc(t)}</a></li>' for t in self._sections)
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(self.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            f'<header><h1>{esc(self.title)}</h1><p class="subtitle">{esc(self.subtitle)}</p>'
            f'<ul class="facts">{facts}</ul></header>\n'
            f"<nav><ol>{toc}</ol></nav>\n"
            + "\n".join(self._body)
            + f"\n<footer>{esc(footer)}</footer>\n</main>\n</body>\n</html>\n"
        )

    def write(self, path: Path, footer: str = "") -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.html(footer), encoding="utf-8")
        return path


class Markup:
    """Text already escaped (a verdict badge, a list of orders): `Page.table` inserts it as is."""

    def __init__(self, text: str) -> None:
        self.text = text


def verdict(held: bool, yes: str = "HELD", no: str = "DID NOT HOLD") -> Markup:
    return Markup(f'<span class="{"held" if held else "failed"}">{esc(yes if held else no)}</span>')
