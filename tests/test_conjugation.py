"""Spanish plain verbs conjugated like the term they replace (check/conjugation.py)."""

from __future__ import annotations

import pytest

from wellread.check.conjugation import conjugate_like


@pytest.mark.parametrize(("form", "term", "plain", "expected"), [
    ("utiliza", "utilizar", "usar", "usa"),
    ("administran", "administrar", "dar", "dan"),
    ("realizará", "realizar", "hacer", "hará"),
    ("realice", "realizar", "hacer", "haga"),  # z -> c before e in the term
    ("realizaron", "realizar", "hacer", "hicieron"),
    ("verifique", "verificar", "revisar", "revise"),  # c -> qu in the term
    ("requiere", "requerir", "necesitar", "necesita"),  # the term's own stem change
    ("fallezca", "fallecer", "morir", "muera"),
    ("falleció", "fallecer", "morir", "murió"),
    ("solicitó", "solicitar", "pedir", "pidió"),
    ("inicie", "iniciar", "empezar", "empiece"),  # the plain verb's stem change and spelling
    ("extirpe", "extirpar", "sacar", "saque"),
    ("acudan", "acudir", "ir", "vayan"),
    ("reembolsado", "reembolsar", "devolver", "devuelto"),
    ("realizadas", "realizar", "hacer", "hechas"),  # a participle agrees
    ("administrándole", "administrar", "dar", "dándole"),  # a clitic keeps its accent
    ("realizándoselo", "realizar", "hacer", "haciéndoselo"),
    ("administrarle", "administrar", "dar", "darle"),
    ("ingieren", "ingerir", "comer o tomar", "comen o toman"),  # two verbs of a pair
    ("discontinúe", "discontinuar", "dejar de tomar", "deje de tomar"),
    ("irradia", "irradiar", "extenderse", "se extiende"),
])
def test_the_plain_verb_takes_the_terms_person_number_and_tense(
    form: str, term: str, plain: str, expected: str
) -> None:
    assert conjugate_like(form, term, plain) == expected


def test_a_form_that_cannot_be_read_gives_nothing() -> None:
    assert conjugate_like("utilización", "utilizar", "usar") is None
    assert conjugate_like("usa", "utilizar", "usar") is None
