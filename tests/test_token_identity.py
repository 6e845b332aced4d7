"""No identity comparison between spaCy tokens in src/.

spaCy builds a new ``Token`` object on every access (``doc[i]``, ``tok.head``, ``span.root``),
so ``tok.head is tok`` never holds and ``a is not b`` between tokens almost always holds: a walk
up the heads that stops on ``is`` never stops at the root, and a check with ``is`` silently
never fires. Tokens are compared by index (``.i``). The walk below cannot know every name bound
to a Token, so it forbids the shapes that can only be token identity: ``is`` / ``is not`` with a
token-valued attribute on either side, or between two names commonly bound to tokens.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "fullpicture"

#: attributes of Token / Span whose value is a (new) Token
TOKEN_ATTRS = frozenset({"head", "root", "left_edge", "right_edge"})
#: names the code base binds to tokens
TOKEN_NAMES = frozenset({
    "tok", "token", "head", "root", "cur", "verb", "owner", "node", "name_tok", "trigger", "trig",
    "particle", "subj", "obj", "parent", "child", "noun", "anchor", "gov", "governor",
})


def _token_like(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr in TOKEN_ATTRS


def identity_offences(source: str) -> list[tuple[int, str]]:
    """``(line, expression)`` of every ``is`` / ``is not`` comparison in ``source`` that
    compares tokens by identity."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, (ast.Is, ast.IsNot)) and not isinstance(left, ast.Constant) \
                    and not isinstance(right, ast.Constant) and (
                _token_like(left) or _token_like(right)
                or (isinstance(left, ast.Name) and isinstance(right, ast.Name)
                    and left.id in TOKEN_NAMES and right.id in TOKEN_NAMES)
            ):
                out.append((node.lineno, ast.unparse(node)))
            left = right
    return out


@pytest.mark.parametrize("source, caught", [
    ("while cur.head is not cur: pass", True),
    ("if tok is root.head: pass", True),
    ("x = a if head is tok else b", True),
    ("ok = span.root is other", True),
    ("if tok.head.i == tok.i: pass", False),
    ("if tok is None or tok.head is None: pass", False),
    ("if claim is not other: pass", False),
])
def test_the_walk_catches_token_identity(source: str, caught: bool) -> None:
    assert bool(identity_offences(source)) is caught


def test_no_token_identity_in_src() -> None:
    found = [f"{path.relative_to(SRC)}:{line}: {expr}"
             for path in sorted(SRC.rglob("*.py"))
             for line, expr in identity_offences(path.read_text(encoding="utf-8"))]
    assert not found, "compare tokens by .i, never by identity:\n" + "\n".join(found)
