"""Scores name pairs with nomenklatura's logic-v2 (yente's matcher); run in ITS virtualenv.

Reads a JSON list of ``[schema, query name, listed name]`` from stdin, writes
``{"scores": [...], "seconds": float}`` to stdout. Kept apart from watchline so that
nomenklatura and its dependency tree never enter the project's environment.
"""

import json
import sys
import time

from followthemoney import model
from nomenklatura.matching import LogicV2, ScoringConfig


def entity(schema: str, name: str, key: str):
    proxy = model.make_entity(schema)
    proxy.id = key
    proxy.add("name", name)
    return proxy


def main() -> None:
    pairs = json.load(sys.stdin)
    config = ScoringConfig.defaults()
    # unique ids: logic-v2 caches what it derives from an entity under the entity's id
    built = [(entity(s, q, f"q{i}"), entity(s, r, f"r{i}")) for i, (s, q, r) in enumerate(pairs)]
    LogicV2.compare(entity("Person", "Warm Up", "w1"), entity("Person", "Warm Up", "w2"), config)
    start = time.perf_counter()
    scores = [LogicV2.compare(q, r, config).score for q, r in built]
    json.dump({"scores": scores, "seconds": time.perf_counter() - start}, sys.stdout)


if __name__ == "__main__":
    main()
