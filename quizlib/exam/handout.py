"""A student's paper as Markdown and as one self-contained HTML page (no scripts, no links).

Both are made from :func:`~quizlib.exam.payload.paper_payload`, which holds no key.
"""

from __future__ import annotations

import html
from typing import Any

from .manifest import LETTERS

__all__ = ["paper_html", "paper_markdown"]


def _md(text: str) -> str:
    # Markdown would read these as emphasis, links, headings or HTML; print them as typed.
    for ch in "\\`*_[]<>#|$@&":
        text = text.replace(ch, "\\" + ch)
    return text


def paper_markdown(payload: dict[str, Any]) -> str:
    out = [
        f"# {_md(payload['title'])}",
        "",
        f"*{_md(payload['source'])}*  ",
        f"Version **{payload['code']}** · {_md(payload['summary'])}",
        "",
        "Name: ______________________________ Student ID: ________________",
        "",
        *(f"- {_md(line)}" for line in payload["instructions"]),
        "",
    ]
    for question in payload["questions"]:
        if question["first_written"]:
            out += ["## Short answer", ""]
        out += [f"**{question['number']}.** {_md(question['stem'])}", ""]
        if question["options"]:
            out += [f"- ( ) **{LETTERS[j]}.** {_md(o)}" for j, o in enumerate(question["options"])]
        else:
            out.append("  ______________________________________________")
        out.append("")
    out.append(f"*End of the exam · version {payload['code']}*")
    return "\n".join(out) + "\n"


_STYLE = """
body { font: 11pt/1.45 Georgia, 'Libertinus Serif', serif; max-width: 44em; margin: 2em auto;
       padding: 0 1em; color: #111; }
header { text-align: center; } header h1 { margin-bottom: .2em; }
.who { display: flex; gap: 1em; margin: 1.2em 0; } .who span { flex: 1; border-bottom: 1px solid; }
.instructions { border: 1px solid #999; border-radius: 4px; padding: .4em 1em; font-size: 95%; }
ol.questions { padding-left: 2em; } ol.questions > li { margin: 1.1em 0; break-inside: avoid; }
ol.options { list-style: none; padding-left: 0; margin: .4em 0; }
ol.options li { display: flex; gap: .6em; margin: .3em 0; }
.bubble { flex: none; width: 1.3em; height: 1.3em; border: 1px solid; border-radius: 50%;
          font-size: 70%; display: inline-flex; align-items: center; justify-content: center; }
.line { border-bottom: 1px solid #777; height: 2em; }
.code { float: right; font-weight: bold; }
@media print { body { margin: 0; max-width: none; } }
"""


def paper_html(payload: dict[str, Any]) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(payload['title'])} · version {e(payload['code'])}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f'<p class="code">Version {e(payload["code"])}</p>',
        f"<header><h1>{e(payload['title'])}</h1><p><em>{e(payload['source'])}</em></p>",
        f"<p>{e(payload['summary'])}</p></header>",
        '<div class="who">Name <span></span> Student ID <span></span></div>',
        '<div class="instructions"><strong>Instructions</strong><ul>',
        *(f"<li>{e(line)}</li>" for line in payload["instructions"]),
        "</ul></div>",
        '<ol class="questions">',
    ]
    for question in payload["questions"]:
        if question["first_written"]:
            parts.append('</ol><h2>Short answer</h2><ol class="questions">')
        parts.append(f'<li value="{question["number"]}"><p>{e(question["stem"])}</p>')
        if question["options"]:
            parts.append('<ol class="options">')
            parts += [
                f'<li><span class="bubble">{LETTERS[j]}</span><span>{e(option)}</span></li>'
                for j, option in enumerate(question["options"])
            ]
            parts.append("</ol>")
        else:
            parts.append('<div class="line"></div><div class="line"></div>')
        parts.append("</li>")
    parts += [
        "</ol>",
        f"<p><em>End of the exam · version {e(payload['code'])}</em></p>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
