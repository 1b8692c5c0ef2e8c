#!/usr/bin/env python3
"""Reads every file named on standard input with PyYAML's BaseLoader (all scalars
as strings, the reference for the record format) and prints one JSON line per file:
{"path": ..., "value": ...} or {"path": ..., "error": ...}.

Installs nothing: the README's test command and .ci/run provide python3 and PyYAML."""
import json
import sys

import yaml


def main():
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            value = yaml.load(data, Loader=yaml.BaseLoader)
            print(json.dumps({"path": path, "value": value}, ensure_ascii=True))
        except Exception as error:  # any YAML or decoding error means PyYAML rejects the file
            print(json.dumps({"path": path, "error": type(error).__name__ + ": " + str(error)}))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
