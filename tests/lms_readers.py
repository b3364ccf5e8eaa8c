"""Readers of LMS files that share no code with quizlib.lms, to check what it writes.

- GIFT: a port of Moodle's own importer, ``qformat_gift::readquestions`` / ``readquestion``
  (question/format/gift/format.php): the same placeholder trick for escapes, the same first
  ``{`` and first ``}``, the same ``####`` split and type detection.
- Moodle XML: ElementTree plus the checks of Moodle's ``qformat_xml`` import: the question
  types, ``<text>`` elements, fractions from ``question_bank::fraction_options_full()``,
  true/false answers named ``true`` and ``false``.
- Canvas QTI 1.2: what text2qti (the reference Canvas writer) makes for the same questions,
  compared element by element (see ``text2qti_source`` and ``canonical_qti12``).
- QTI 2.1: pyslet's QTI 2.1 object model (``pyslet.qtiv2``), which rejects elements out of
  place; tests turn its warnings about bad attribute values into failures.

Each reader gives :class:`Read` records, compared with the questions written.
"""

from __future__ import annotations

import html
import io
import logging
import re
import warnings
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser

from quizlib.question import Form, Question


@dataclass
class Read:
    """A question as an LMS would import it; text is plain (HTML turned back into text)."""

    name: str
    qtype: str  # multichoice, truefalse or shortanswer
    text: str
    options: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    feedback: str = ""
    category: str = ""


def expected(question: Question, category: str = "") -> Read:
    """What a faithful file must give back for ``question``."""
    if question.form is Form.TRUE_FALSE:
        assert question.key is not None
        return Read(question.id, "truefalse", question.stem, [], [question.options[question.key]])
    if not question.options:
        right = list(dict.fromkeys([question.answer, *question.accepted]))
        return Read(question.id, "shortanswer", question.stem, [], right, category=category)
    assert question.key is not None
    return Read(
        question.id,
        "multichoice",
        question.stem,
        list(question.options),
        [question.options[question.key]],
        category=category,
    )


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" and any(self.blocks[-1]):
            self.blocks.append([])
        elif tag == "br":
            self.blocks[-1].append("\n")

    def handle_data(self, data: str) -> None:
        self.blocks[-1].append(data)


def html_to_text(markup: str) -> str:
    """Paragraphs back to text parted by blank lines, entities decoded."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    blocks = ["".join(block) for block in parser.blocks]
    # Whitespace between block elements is layout, not content.
    return "\n\n".join(b.strip("\n ") for b in blocks if b.strip("\n "))


# --- GIFT: Moodle's importer, ported ------------------------------------------------------

_PLACEHOLDERS = {
    "\\:": "&&058;",
    "\\#": "&&035;",
    "\\=": "&&061;",
    "\\{": "&&123;",
    "\\}": "&&125;",
    "\\~": "&&126;",
    "\\n": "&&010",
}
_WEIGHT = re.compile(r"^%\-*([0-9]{1,2})\.?([0-9]*)%")


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in _PLACEHOLDERS.items():
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for escaped, placeholder in _PLACEHOLDERS.items():
        text = text.replace(placeholder, "\n" if escaped == "\\n" else escaped[1])
    return text


def _with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    fmt = default
    if text.startswith("["):
        end = text.index("]")
        name = text[1:end]
        if name in ("moodle", "html", "plain", "markdown"):
            fmt, text = name, text[end + 1 :]
    return _post(text).strip(), fmt


def _plain(text: str, fmt: str) -> str:
    return html_to_text(text) if fmt == "html" else text


def read_gift(source: str) -> list[Read]:
    """Every question of a GIFT file, as Moodle's import reads it; raises where Moodle errs."""
    questions: list[list[str]] = [[]]
    for line in source.split("\n"):  # qformat_default::readquestions: a blank line ends one
        if line.strip():
            questions[-1].append(line)
        elif questions[-1]:
            questions.append([])
    category = ""
    out: list[Read] = []
    for lines in filter(None, questions):
        lines = [" " if line.strip().startswith("//") else line for line in lines]
        text = _pre("\n".join(lines).strip())
        if not text:
            continue
        if text.startswith("$CATEGORY:"):
            category = text[10:].strip()
            continue
        name = ""
        if text.startswith("::"):
            text = text[2:]
            end = text.index("::")
            name = _post(text[:end]).strip()
            text = text[end + 2 :].strip()
        start, finish = text.find("{"), text.find("}")
        if start < 0 or finish < 0 or finish < start:
            raise ValueError(f"GIFT: braces do not match in {name}")
        answertext = text[start + 1 : finish].strip()
        if text.endswith("}"):
            questiontext = text[:start] + text[finish + 1 :]
        else:
            questiontext = text[:start] + "_____" + text[finish + 1 :]
        generalfeedback = ""
        if "####" in answertext:
            cut = answertext.rindex("####")
            generalfeedback = answertext[cut + 4 :]
            answertext = answertext[:cut].strip()
        qtext, fmt = _with_format(questiontext)
        feedback, ffmt = _with_format(generalfeedback, fmt)
        read = Read(name, "", _plain(qtext, fmt), feedback=_plain(feedback, ffmt))
        read.category = category
        if not answertext:
            raise ValueError(f"GIFT: {name} reads as an essay")
        if answertext[0] == "#":
            raise ValueError(f"GIFT: {name} reads as numerical")
        if "~" in answertext:
            read.qtype = "multichoice"
            if "=" not in answertext:
                raise ValueError(f"GIFT: {name} reads as multiple answers")
            answers = answertext.replace("=", "~=").split("~")
            if not answers[0].strip():
                answers = answers[1:]
            if len(answers) < 2:
                raise ValueError(f"GIFT: {name} has fewer than two answers")
            for answer in answers:
                answer = answer.strip()
                weight = 0.0
                if answer.startswith("="):
                    weight, answer = 1.0, answer[1:]
                elif _WEIGHT.match(answer):
                    raise ValueError(f"GIFT: {name} has a weighted answer")
                value, afmt = _with_format(answer.split("#", 1)[0].strip(), fmt)
                read.options.append(_plain(value, afmt))
                if weight == 1.0:
                    read.right.append(_plain(value, afmt))
        elif "=" in answertext and "->" in answertext:
            raise ValueError(f"GIFT: {name} reads as matching")
        else:
            check = answertext
            if answertext.find("#") > 0:
                check = answertext[: answertext.find("#")].strip()
            if check in ("T", "TRUE", "F", "FALSE"):
                read.qtype = "truefalse"
                read.right = ["True" if check in ("T", "TRUE") else "False"]
            else:
                read.qtype = "shortanswer"
                answers = answertext.split("=")
                if not answers[0].strip():
                    answers = answers[1:]
                for answer in answers:
                    answer = answer.strip()
                    if _WEIGHT.match(answer):
                        raise ValueError(f"GIFT: {name} has a weighted short answer")
                    # Short answers keep their text as typed: no format applies to matching.
                    value, _ = _with_format(answer.split("#", 1)[0].strip(), fmt)
                    read.right.append(value)
        out.append(read)
    return out


# --- Moodle XML ---------------------------------------------------------------------------

GRADES = {
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
    "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0",
}  # fmt: skip


def _moodle_text(element: ET.Element | None) -> tuple[str, str]:
    assert element is not None
    text = element.find("text")
    assert text is not None, f"<{element.tag}> has no <text>"
    return text.text or "", element.get("format", "moodle_auto_format")


def read_moodle_xml(source: str) -> list[Read]:
    root = ET.fromstring(source.encode("utf-8"))
    assert root.tag == "quiz"
    category = ""
    out: list[Read] = []
    ids: set[str] = set()
    for question in root:
        assert question.tag == "question"
        qtype = question.get("type")
        if qtype == "category":
            category = _moodle_text(question.find("category"))[0]
            continue
        assert qtype in ("multichoice", "truefalse", "shortanswer"), qtype
        name = _moodle_text(question.find("name"))[0]
        text, fmt = _moodle_text(question.find("questiontext"))
        feedback, ffmt = _moodle_text(question.find("generalfeedback"))
        idnumber = question.findtext("idnumber")
        assert idnumber and idnumber not in ids and len(idnumber) <= 100
        ids.add(idnumber)
        assert float(question.findtext("defaultgrade", "")) > 0
        assert 0 <= float(question.findtext("penalty", "")) <= 1
        read = Read(name, qtype, _plain(text, fmt), feedback=_plain(feedback, ffmt))
        read.category = category
        answers = question.findall("answer")
        for answer in answers:
            fraction = answer.get("fraction", "")
            assert fraction.lstrip("-") in GRADES, (
                f"{name}: fraction {fraction} not in Moodle's list"
            )
            value, afmt = _moodle_text(answer)
            if qtype == "shortanswer":
                read.right.append(value)  # compared with what the student types, as is
                assert fraction == "100"
                continue
            value = _plain(value, afmt)
            if qtype == "multichoice":
                read.options.append(value)
            if fraction == "100":
                read.right.append(value)
        if qtype == "truefalse":
            assert sorted(_moodle_text(a)[0] for a in answers) == ["false", "true"]
            read.right = [r.capitalize() for r in read.right]
        if qtype == "multichoice":
            assert question.findtext("single") == "true"
        if qtype == "shortanswer":
            assert question.findtext("usecase") in ("0", "1")
        assert len(read.right) >= 1
        out.append(read)
    return out


# --- QTI 1.2: text2qti as the reference ---------------------------------------------------


def _md_escape(text: str) -> str:
    escaped = html.escape(text, quote=False)
    # Entities (&amp; &lt; &gt;) pass through Markdown; every other marker is backslashed.
    parts = re.split(r"(&(?:amp|lt|gt);)", escaped)
    return "".join(
        part if i % 2 else re.sub(r"([\\`*_{}\[\]()#+\-.!$\"'|])", r"\\\1", part)
        for i, part in enumerate(parts)
    )


def _block(text: str, first: str) -> list[str]:
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    lines: list[str] = []
    for n, paragraph in enumerate(paragraphs):
        for m, line in enumerate(paragraph.split("\n")):
            lead = first if n == 0 and m == 0 else " " * len(first)
            lines.append(f"{lead}{_md_escape(line)}")
        if n < len(paragraphs) - 1:
            lines.append("")
    return lines


def text2qti_source(title: str, questions: list[tuple[Question, str]]) -> str:
    """text2qti's plain-text quiz for the questions (question, general feedback)."""
    lines = [f"Quiz title: {title}", "Shuffle answers: false", ""]
    for number, (question, feedback) in enumerate(questions, 1):
        lines.append(f"Title: {question.id}")
        lines += _block(question.stem, f"{number}.  ")
        lines += _block(feedback, "... ")
        if question.options:
            for i, option in enumerate(question.options):
                letter = "abcdefghij"[i]
                lead = f"*{letter}) " if i == question.key else f"{letter})  "
                lines += _block(option, lead)
        else:
            # text2qti copies short answers into the XML as typed.
            for answer in dict.fromkeys([question.answer, *question.accepted]):
                lines.append(f"*   {answer}")
        lines.append("")
    return "\n".join(lines)


def text2qti_zip(source: str) -> bytes:
    from text2qti.config import Config
    from text2qti.qti import QTI
    from text2qti.quiz import Quiz

    return bytes(QTI(Quiz(source, config=Config())).zip_bytes())


_IDENT = re.compile(r"(text2qti|quizlib)_[A-Za-z-]+_[0-9a-f]+|text2qti_\w+")


def canonical_qti12(package: bytes, idents: list[str]) -> list[tuple[str, object]]:
    """The zip's files as trees, identifiers renamed by first appearance and HTML as text.

    ``idents`` lists identifiers that are not text2qti-style (quizlib's item idents).
    """
    names: dict[str, str] = {}

    def rename(value: str) -> str:
        def one(token: str) -> str:
            return names.setdefault(token, f"ID{len(names)}")

        value = _IDENT.sub(lambda m: one(m.group(0)), value)
        return ",".join(one(v) if v in idents_set else v for v in value.split(","))

    idents_set = set(idents)

    def tree(element: ET.Element) -> tuple[object, ...]:
        tag = element.tag.split("}")[-1]
        attrs = tuple(sorted((k, rename(v)) for k, v in element.attrib.items()))
        text = (element.text or "").strip()
        if tag == "mattext":
            text = html_to_text(element.text or "")
        elif tag == "string":  # "QTI assessment generated by <tool>"
            text = re.sub(r"text2qti|quizlib", "TOOL", text)
        else:
            text = rename(text)
        children = tuple(
            tree(child)
            for child in element
            # text2qti stamps the day it ran; quizlib writes no date so its bytes stay the same.
            if child.tag.split("}")[-1] != "lifeCycle"
        )
        return (tag, attrs, text, children)

    out: list[tuple[str, object]] = []
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            key = rename(name)
            out.append((key, tree(ET.fromstring(data)) if data else None))
    return out


# --- QTI 2.1: pyslet ----------------------------------------------------------------------


class _Warnings(logging.Handler):
    """pyslet logs, rather than raises, attribute values that break the schema's types."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _pyslet_text(element: object) -> str:
    children = list(element.get_children())  # type: ignore[attr-defined]
    if all(isinstance(c, str) for c in children):
        return str(element.get_value())  # type: ignore[attr-defined]
    blocks = [c for c in children if not isinstance(c, str)]
    return "\n\n".join(_pyslet_text(block) for block in blocks)


def read_qti21(package: bytes) -> list[Read]:
    """The items in the order the package's test lists them, each parsed by pyslet."""
    import pyslet.qtiv2.variables as variables
    import pyslet.qtiv2.xml as qti

    def parse(data: bytes) -> object:
        handler = _Warnings()
        logging.getLogger().addHandler(handler)
        try:
            with warnings.catch_warnings():
                # pyslet calls its own renamed functions; that is pyslet's business.
                warnings.simplefilter("ignore", DeprecationWarning)
                doc = qti.QTIDocument()
                doc.read(src=io.BytesIO(data))
        finally:
            logging.getLogger().removeHandler(handler)
        assert not handler.messages, handler.messages
        return doc.root

    out: list[Read] = []
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        ns = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
        resources = manifest.findall("cp:resources/cp:resource", ns)
        kinds = {r.get("href"): r.get("type") for r in resources}
        (test_href,) = [h for h, t in kinds.items() if t == "imsqti_test_xmlv2p1"]
        test = parse(archive.read(str(test_href)))
        assert type(test).__name__ == "AssessmentTest"
        for part in test.TestPart:  # type: ignore[attr-defined]
            for section in part.AssessmentSection:
                for ref in section.SectionPart:
                    href = str(ref.href)
                    assert kinds[href] == "imsqti_item_xmlv2p1", href
                    item = parse(archive.read(href))
                    assert type(item).__name__ == "AssessmentItem"
                    assert item.identifier == ref.identifier  # type: ignore[attr-defined]
                    out.append(_qti21_item(item, section.title, variables))
        assert len(kinds) == len(out) + 1, "every item in the manifest is in the test"
    return out


def _qti21_item(item: object, category: str, variables: object) -> Read:
    (declaration,) = item.ResponseDeclaration  # type: ignore[attr-defined]
    base = variables.BaseType.to_str(declaration.baseType)  # type: ignore[attr-defined]
    correct = [v.get_value() for v in declaration.CorrectResponse.get_children()]
    (feedback,) = item.QTIModalFeedback  # type: ignore[attr-defined]
    # Shown whatever the answer: its outcome's default value is its own identifier.
    defaults = {
        d.identifier: [v.get_value() for v in d.DefaultValue.get_children()]
        for d in item.OutcomeDeclaration  # type: ignore[attr-defined]
        if d.DefaultValue is not None
    }
    assert defaults[feedback.outcomeIdentifier] == [feedback.identifier]
    template = item.ResponseProcessing.template  # type: ignore[attr-defined]
    paragraphs: list[str] = []
    read = Read(item.title, "", "", feedback=_pyslet_text(feedback), category=category)  # type: ignore[attr-defined]
    for block in item.ItemBody.get_children():  # type: ignore[attr-defined]
        if isinstance(block, str):
            continue
        name = type(block).__name__
        if name == "ChoiceInteraction":
            assert block.maxChoices == 1 and block.shuffle is False
            choices = {c.identifier: c.get_value() for c in block.SimpleChoice}
            read.options = list(choices.values())
            read.right = [choices[c] for c in correct]
            assert template.endswith("/match_correct") and base == "identifier"
        elif any(type(c).__name__ == "TextEntryInteraction" for c in block.get_children()):
            assert template.endswith("/map_response") and base == "string"
            entries = declaration.Mapping.MapEntry
            assert all(e.mappedValue == 1.0 for e in entries)
            read.right = [e.mapKey for e in entries]
            assert correct[0] == read.right[0]
        else:
            paragraphs.append(_pyslet_text(block))
    read.text = "\n\n".join(paragraphs)
    read.qtype = (
        "shortanswer"
        if not read.options
        else "truefalse"
        if read.options == ["True", "False"]
        else "multichoice"
    )
    if read.qtype == "truefalse":
        read.options = []
    return read
