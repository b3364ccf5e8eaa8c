"""QTI 2.1: the content package Blackboard Learn (Original Course View), OpenOlat, ILIAS and
ONYX import: one ``assessmentItem`` file per question, an ``assessmentTest`` with a section per
category, and the ``imsmanifest.xml`` that lists them.

Each item's ``identifier`` is its question id (colons made dots, see ``pool.identifier``) and
its ``title`` the question id itself, so results come back by item. Scoring uses the standard
response-processing templates only (``match_correct``, ``map_response``): Blackboard skips
items with custom response processing. General feedback is a ``modalFeedback`` shown whatever
the answer (its outcome's default value is its own identifier).
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..question import Question
from .package import zip_package
from .pool import (
    Pool,
    QuestionType,
    accepted_answers,
    feedback_html,
    identifier,
    paragraphs_html,
    question_type,
)

__all__ = ["CHOICE_IDS", "NAMESPACE", "write_qti21"]

NAMESPACE = "http://www.imsglobal.org/xsd/imsqti_v2p1"
_SCHEMA = f"{NAMESPACE} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
CHOICE_IDS = "ABCDEFGHIJ"  # a choice's identifier is its letter, as on a printed key


def write_qti21(pool: Pool) -> bytes:
    """The pool as a QTI 2.1 content package (zip)."""
    pool.check()
    test_id = f"quizlib_test_{pool.digest}"
    items = {identifier(entry.question.id): _item(entry.question) for entry in pool.questions}
    files = {
        "imsmanifest.xml": _manifest(pool, test_id, list(items)),
        "test.xml": _test(pool, test_id),
    }
    files.update({f"items/{ident}.xml": text for ident, text in items.items()})
    return zip_package(files)


def _manifest(pool: Pool, test_id: str, items: list[str]) -> str:
    dependencies = "".join(f'      <dependency identifierref="{i}"/>\n' for i in items)
    resources = "".join(
        f'    <resource identifier="{i}" type="imsqti_item_xmlv2p1" href="items/{i}.xml">\n'
        f'      <file href="items/{i}.xml"/>\n'
        "    </resource>\n"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:xsi="{_XSI}" '
        f'identifier="quizlib_manifest_{pool.digest}" xsi:schemaLocation="'
        'http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">\n'
        "  <metadata>\n"
        "    <schema>QTIv2.1 Package</schema>\n"
        "    <schemaversion>1.0.0</schemaversion>\n"
        "  </metadata>\n"
        "  <organizations/>\n"
        "  <resources>\n"
        f'    <resource identifier="{test_id}" type="imsqti_test_xmlv2p1" href="test.xml">\n'
        '      <file href="test.xml"/>\n'
        f"{dependencies}"
        "    </resource>\n"
        f"{resources}"
        "  </resources>\n"
        "</manifest>\n"
    )


def _test(pool: Pool, test_id: str) -> str:
    sections: list[tuple[str, list[str]]] = []
    for entry in pool.questions:
        if not sections or sections[-1][0] != entry.category:
            sections.append((entry.category, []))
        sections[-1][1].append(identifier(entry.question.id))
    body = "".join(
        f'      <assessmentSection identifier="section-{n}" '
        f'title={quoteattr(title or pool.title)} visible="true">\n'
        + "".join(
            f'        <assessmentItemRef identifier="{i}" href="items/{i}.xml"/>\n' for i in refs
        )
        + "      </assessmentSection>\n"
        for n, (title, refs) in enumerate(sections, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<assessmentTest xmlns="{NAMESPACE}" xmlns:xsi="{_XSI}" xsi:schemaLocation="{_SCHEMA}" '
        f'identifier="{test_id}" title={quoteattr(pool.title)}>\n'
        '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">\n'
        "    <defaultValue><value>0</value></defaultValue>\n"
        "  </outcomeDeclaration>\n"
        '  <testPart identifier="part-1" navigationMode="nonlinear" '
        'submissionMode="simultaneous">\n'
        f"{body}"
        "  </testPart>\n"
        "  <outcomeProcessing>\n"
        '    <setOutcomeValue identifier="SCORE">\n'
        '      <sum><testVariables variableIdentifier="SCORE"/></sum>\n'
        "    </setOutcomeValue>\n"
        "  </outcomeProcessing>\n"
        "</assessmentTest>\n"
    )


def _item(question: Question) -> str:
    kind = question_type(question)
    stem = paragraphs_html(question.stem)
    if kind is QuestionType.SHORT_ANSWER:
        answers = accepted_answers(question)
        # Entries are compared without case, so two spellings differing only in case are one.
        keys = list({a.casefold(): a for a in reversed(answers)}.values())[::-1]
        entries = "".join(
            f'      <mapEntry mapKey={quoteattr(a)} mappedValue="1" caseSensitive="false"/>\n'
            for a in keys
        )
        declaration = (
            '  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">\n'
            f"    <correctResponse><value>{escape(answers[0])}</value></correctResponse>\n"
            '    <mapping defaultValue="0" upperBound="1">\n'
            f"{entries}"
            "    </mapping>\n"
            "  </responseDeclaration>\n"
        )
        length = max(len(a) for a in answers)
        interaction = (
            '    <p><textEntryInteraction responseIdentifier="RESPONSE" '
            f'expectedLength="{length}"/></p>\n'
        )
        template = "map_response"
    else:
        assert question.key is not None  # checked by Pool.check
        declaration = (
            '  <responseDeclaration identifier="RESPONSE" cardinality="single" '
            'baseType="identifier">\n'
            f"    <correctResponse><value>{CHOICE_IDS[question.key]}</value></correctResponse>\n"
            "  </responseDeclaration>\n"
        )
        choices = "".join(
            f'      <simpleChoice identifier="{CHOICE_IDS[i]}">{escape(option)}</simpleChoice>\n'
            for i, option in enumerate(question.options)
        )
        # quizlib has ordered the options (numbers ascending, keys balanced): no shuffling.
        interaction = (
            '    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">\n'
            f"{choices}"
            "    </choiceInteraction>\n"
        )
        template = "match_correct"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<assessmentItem xmlns="{NAMESPACE}" xmlns:xsi="{_XSI}" xsi:schemaLocation="{_SCHEMA}" '
        f'identifier="{identifier(question.id)}" title={quoteattr(question.id)} '
        'adaptive="false" timeDependent="false">\n'
        f"{declaration}"
        '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">\n'
        "    <defaultValue><value>0</value></defaultValue>\n"
        "  </outcomeDeclaration>\n"
        '  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier">\n'
        "    <defaultValue><value>general</value></defaultValue>\n"
        "  </outcomeDeclaration>\n"
        "  <itemBody>\n"
        f"{stem}\n"
        f"{interaction}"
        "  </itemBody>\n"
        f'  <responseProcessing template="{_TEMPLATES}{template}"/>\n'
        '  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="general" showHide="show">\n'
        f"{feedback_html(question)}\n"
        "  </modalFeedback>\n"
        "</assessmentItem>\n"
    )
