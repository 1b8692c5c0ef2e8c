#!/usr/bin/env python3
"""Validates record files against JSON Schemas with the jsonschema package (draft-07), as an
editor's YAML plug-in would. Each line of standard input is "SCHEMA<TAB>RECORD"; each record
is read twice: with PyYAML's BaseLoader (every scalar a string, as crm reads it) and with a
typed loader (numbers, booleans and nulls as YAML 1.2 reads them; dates stay strings). Prints
one JSON line per record: {"path": ..., "text": [errors], "typed": [errors]}.

Installs nothing: `make deps` provides python3, PyYAML and jsonschema."""
import json
import sys

import jsonschema
import yaml


class TypedLoader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's timestamps: 2026-11-02 stays a string, as in YAML 1.2."""


TypedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def errors(validator, value):
    return sorted(f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}" for error in validator.iter_errors(value))


def main():
    validators = {}
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        schema_path, path = line.split("\t")
        if schema_path not in validators:
            with open(schema_path, encoding="utf-8") as handle:
                schema = json.load(handle)
            jsonschema.Draft7Validator.check_schema(schema)
            validators[schema_path] = jsonschema.Draft7Validator(schema)
        validator = validators[schema_path]
        with open(path, "rb") as handle:
            data = handle.read()
        text = yaml.load(data, Loader=yaml.BaseLoader) or {}
        typed = yaml.load(data, Loader=TypedLoader) or {}
        print(json.dumps({"path": path, "text": errors(validator, text), "typed": errors(validator, typed)}))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
