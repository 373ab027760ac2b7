"""The output contract as JSON, both ways, derived from the record classes themselves.

:func:`json_schema` writes the JSON Schema (draft 2020-12) of a record class from its fields and
type hints, so the schema cannot drift from the records: nested records become ``$defs``,
``X | None`` may be null, a ``Literal`` is an ``enum``, a ``Span`` is a pair of integers.
:func:`from_dict` reads a record back from the JSON that :func:`thucydides.records.to_dict` wrote
(the database keeps each analysis that way).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from thucydides.errors import InputError

T = TypeVar("T")

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, include_extras=False)


def _is_optional(hint: Any) -> tuple[bool, Any]:
    """``(True, X)`` for ``X | None``; ``(False, hint)`` otherwise."""
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if len(args) < len(get_args(hint)):
            return True, args[0] if len(args) == 1 else Union[tuple(args)]  # type: ignore[return-value]
    return False, hint


# -- JSON Schema ------------------------------------------------------------------------------------


def json_schema(cls: type, *, title: str | None = None) -> dict[str, Any]:
    """The JSON Schema of the JSON form of record class ``cls`` (and of every record it holds)."""
    defs: dict[str, Any] = {}
    root = _object_schema(cls, defs)
    defs.pop(cls.__name__, None)
    schema: dict[str, Any] = {"$schema": DIALECT, "title": title or cls.__name__, **root}
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = _hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in dataclasses.fields(cls):
        properties[field.name] = _schema(hints[field.name], defs)
        if field.compare:  # a field left out of comparisons (the analysed text) is printed only when asked
            required.append(field.name)
    out: dict[str, Any] = {"type": "object"}
    if cls.__doc__ and not cls.__doc__.startswith(f"{cls.__name__}("):
        out["description"] = " ".join(cls.__doc__.split())
    out.update({"properties": properties, "required": required, "additionalProperties": False})
    return out


def _schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    optional, inner = _is_optional(hint)
    if optional:
        return {"anyOf": [_schema(inner, defs), {"type": "null"}]}
    origin = get_origin(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # reserve the name: a record may hold itself
            defs[name] = _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema(args[0], defs)}
        return {
            "type": "array", "prefixItems": [_schema(a, defs) for a in args],
            "minItems": len(args), "maxItems": len(args),
        }
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema(a, defs) for a in get_args(hint)]}
    simple = {str: "string", bool: "boolean", int: "integer", float: "number"}
    if hint in simple:
        return {"type": simple[hint]}
    if hint is Any:
        return {}
    raise TypeError(f"no JSON Schema for the type {hint!r}")


# -- records from JSON ------------------------------------------------------------------------------


def from_dict(cls: type[T], data: Any) -> T:
    """The record of class ``cls`` that :func:`thucydides.records.to_dict` turned into ``data``."""
    return typing.cast(T, _value(cls, data, cls.__name__))


def _value(hint: Any, data: Any, where: str) -> Any:
    optional, inner = _is_optional(hint)
    if optional:
        return None if data is None else _value(inner, data, where)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(data, dict):
            raise InputError(f"{where}: expected an object, not {type(data).__name__}")
        hints = _hints(hint)
        values = {
            f.name: _value(hints[f.name], data[f.name], f"{where}.{f.name}")
            for f in dataclasses.fields(hint)
            if f.name in data
        }
        return hint(**values)
    origin = get_origin(hint)
    if origin is tuple:
        args = get_args(hint)
        if not isinstance(data, list):
            raise InputError(f"{where}: expected an array, not {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], item, f"{where}[]") for item in data)
        return tuple(_value(a, item, f"{where}[]") for a, item in zip(args, data))
    if hint is float and isinstance(data, int):
        return float(data)
    return data
