"""A small Swagger 2.0 response validator for harbor_emulator.py's `--swagger PATH` (needs PyYAML).

`Swagger(path or document).validate(method, path, status, body)` finds the operation whose path
template matches `path` (the request path under basePath, as sent: a `{param}` matches one raw
segment, so a double-encoded repository name is one segment; literal segments win over parameters)
and returns the problems of `body` (a decoded JSON document, a str for text/plain, None for no body)
against the response schema of `status`:

- an operation the swagger lacks, or a 2xx status the operation does not declare, is a problem; an
  undeclared 4xx/5xx status is checked against `#/definitions/Errors` (Harbor's middleware writes that
  envelope for every operation: 401, 403, 404, 409, 412, 422);
- `$ref` (to definitions and to shared responses), `type` (object, array, string, integer — not a
  number with a fraction and not a boolean — number, boolean), `properties`, `items`,
  `additionalProperties`, `required` and `enum`; a property the schema does not declare is a problem
  unless `additionalProperties` allows it (this catches invented fields);
- a schema that is exactly `{type: object}` is Go's `interface{}` in go-swagger's models and accepts any
  value (retention `params`, `extra_attrs` values, trigger `settings`);
- null is accepted only where Harbor's Go models send it: properties marked `x-nullable: true`, and
  array properties not marked `x-omitempty: true` (go-swagger gives them no `omitempty`, so a nil slice
  goes out as null: `"labels": null`, `"accessories": null`). Everything else Harbor omits when empty;
- a response declared `type: string` accepts a JSON document when the body is JSON: the additions
  (`…/additions/vulnerabilities`) are declared as strings but Harbor writes the raw report document;
- a declared schema with no body, or a body where the swagger declares none, is a problem.
"""

import re
import urllib.parse

METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
TYPES = {"object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
         "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
         "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
         "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)}


class Swagger:
    def __init__(self, source):
        if isinstance(source, dict):
            self.document = source
        else:
            import yaml
            with open(source, encoding="utf-8") as handle:
                self.document = yaml.safe_load(handle)
        self.operations = []  # (literal segment count, method, regex, template, operation)
        for template, item in (self.document.get("paths") or {}).items():
            pattern = "".join("/" + ("[^/]+" if re.fullmatch(r"\{[^}]+\}", part) else re.escape(part))
                              for part in template.strip("/").split("/"))
            literals = sum(1 for part in template.strip("/").split("/") if not part.startswith("{"))
            for method, operation in item.items():
                if method in METHODS:
                    self.operations.append((literals, method.upper(), re.compile(pattern + r"\Z"), template,
                                            operation))
        self.operations.sort(key=lambda entry: -entry[0])

    def operation(self, method, path):
        """(template, operation) of `method` `path`, or (None, None)."""
        for _, verb, pattern, template, operation in self.operations:
            if verb == method and pattern.match(path.split("?")[0].rstrip("/") or "/"):
                return template, operation
        return None, None

    def resolve(self, schema):
        seen = 0
        while isinstance(schema, dict) and "$ref" in schema and seen < 50:
            parts = schema["$ref"].lstrip("#/").split("/")
            target = self.document
            for part in parts:
                target = target[urllib.parse.unquote(part.replace("~1", "/").replace("~0", "~"))]
            schema, seen = target, seen + 1
        return schema

    def validate(self, method, path, status, body):
        template, operation = self.operation(method, path)
        if operation is None:
            return [f"no operation {method} {path.split('?')[0]} in the swagger"]
        responses = operation.get("responses") or {}
        response = responses.get(str(status), responses.get(status)) or responses.get("default")
        if response is None:
            if status < 400:
                return [f"{method} {template} declares no {status} response"]
            response = {"schema": {"$ref": "#/definitions/Errors"}}
        schema = self.resolve(response).get("schema")
        if schema is None:
            return [] if body in (None, "") else [f"{method} {template} {status} declares no body"]
        if body is None:
            return [f"{method} {template} {status}: no body, the swagger declares one"]
        resolved = self.resolve(schema)
        if resolved.get("type") == "string":
            return []  # text, or an addition's raw JSON document (see above)
        if isinstance(body, str):
            return [f"{method} {template} {status}: a text body where the swagger declares JSON"]
        problems = []
        self.check(schema, body, "$", problems)
        return problems

    def check(self, schema, value, where, problems, nullable=False):
        schema = self.resolve(schema)
        if value is None:
            if not (nullable or schema.get("x-nullable")):
                problems.append(f"{where}: null is not allowed here")
            return
        if set(schema) - {"description", "example", "x-omitempty", "x-nullable", "format"} == {"type"} \
                and schema["type"] == "object":
            return  # interface{}
        kind = schema.get("type") or ("object" if "properties" in schema or "additionalProperties" in schema else None)
        if kind and not TYPES[kind](value):
            problems.append(f"{where}: {type(value).__name__} {short(value)} where the swagger says {kind}")
            return
        if "enum" in schema and value not in schema["enum"]:
            problems.append(f"{where}: {short(value)} is not one of {schema['enum']}")
        if kind == "array":
            for index, item in enumerate(value):
                self.check(schema.get("items") or {}, item, f"{where}[{index}]", problems)
        if kind != "object":
            return
        properties = schema.get("properties") or {}
        for name in schema.get("required") or []:
            if name not in value:
                problems.append(f"{where}: required field {name} is missing")
        extra = schema.get("additionalProperties", False if properties or "additionalProperties" in schema else True)
        for name, item in value.items():
            if name in properties:
                self.check(properties[name], item, f"{where}.{name}", problems, nullable_property(properties[name]))
            elif isinstance(extra, dict):
                self.check(extra, item, f"{where}.{name}", problems)
            elif extra is not True:
                problems.append(f"{where}: field {name} is not in the swagger")


def nullable_property(schema):
    """Whether Harbor's Go model sends null for this property (see the module notes)."""
    return bool(schema.get("x-nullable")) or (schema.get("type") == "array" and schema.get("x-omitempty") is not True)


def short(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def self_test_cases(check):
    """The validator's own cases: a wrong type, a missing required field, an invented field, a null."""
    swagger = Swagger({
        "paths": {"/things/{id}": {"get": {"responses": {"200": {"schema": {"$ref": "#/definitions/Thing"}},
                                                         "404": {"$ref": "#/responses/404"}}}},
                  "/things/mine": {"get": {"responses": {"200": {"schema": {"type": "array",
                                                                             "items": {"type": "integer"}}}}}}},
        "responses": {"404": {"schema": {"$ref": "#/definitions/Errors"}}},
        "definitions": {
            "Errors": {"type": "object", "properties": {"errors": {"type": "array", "items": {"type": "object"}}}},
            "Thing": {"type": "object", "required": ["name"], "properties": {
                "id": {"type": "integer"}, "name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
                "kind": {"type": "string", "enum": ["a", "b"]}, "extra": {"type": "object"},
                "labels": {"type": "object", "additionalProperties": {"type": "string"}}}}}})
    cases = [
        ("valid", "/things/7", 200, {"id": 7, "name": "x", "tags": None, "extra": 3.5, "labels": {"k": "v"}}, []),
        ("wrong type", "/things/7", 200, {"id": "7", "name": "x"}, ["$.id: str '7' where the swagger says integer"]),
        ("fraction", "/things/7", 200, {"id": 7.5, "name": "x"}, ["$.id: float 7.5 where the swagger says integer"]),
        ("missing required", "/things/7", 200, {"id": 7}, ["$: required field name is missing"]),
        ("invented field", "/things/7", 200, {"name": "x", "colour": "red"}, ["$: field colour is not in the swagger"]),
        ("null string", "/things/7", 200, {"name": None}, ["$.name: null is not allowed here"]),
        ("enum", "/things/7", 200, {"name": "x", "kind": "c"}, ["$.kind: 'c' is not one of ['a', 'b']"]),
        ("map value", "/things/7", 200, {"name": "x", "labels": {"k": 1}},
         ["$.labels.k: int 1 where the swagger says string"]),
        ("literal segment first", "/things/mine", 200, [1, 2], []),
        ("undeclared error status", "/things/7", 409, {"errors": [{"code": "CONFLICT"}]}, []),
        ("undeclared success status", "/things/7", 201, None, ["GET /things/{id} declares no 201 response"]),
        ("unknown operation", "/nothing", 200, {}, ["no operation GET /nothing in the swagger"]),
    ]
    for name, path, status, body, expected in cases:
        problems = swagger.validate("GET", path, status, body)
        check(f"validator: {name}", problems == expected, problems)
