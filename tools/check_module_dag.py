#!/usr/bin/env python3
"""Check that the top-level modules of every crate form a directed acyclic graph.

    tools/check_module_dag.py [--graph]

Reads every `crate::` path outside test code (test modules and the files `tests.rs`,
`tests_*.rs`; in `use` lines and inline paths alike,
including grouped `use crate::{a, b::c}` forms and `super::` from a top-level module)
in each crate under `crates/`, maps it to the top-level module it names (names the
crate root re-exports with `pub use module::…` count as that module), and fails with
the cycles found when a module reaches back to one that imports it. `--graph` prints
each crate's edges. It also checks the direction between crates (docs/architecture.md):
each crate's `[dependencies]` name only the marsad crates below it in CRATE_LAYERS.
Run by `.ci/run`.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def strip_tests(text: str) -> str:
    """Code without test modules: from `#[cfg(test)]` before a `mod` to the end of that block."""
    out, i = [], 0
    lines = text.split("\n")
    while i < len(lines):
        line = lines[i]
        if line.strip() == "#[cfg(test)]" and i + 1 < len(lines) and re.match(r"\s*(pub )?mod \w+", lines[i + 1]):
            decl = lines[i + 1]
            if decl.rstrip().endswith(";"):
                i += 2
                continue
            indent = len(decl) - len(decl.lstrip())
            i += 2
            while i < len(lines) and not (lines[i].startswith(" " * indent + "}") and len(lines[i].rstrip()) == indent + 1):
                i += 1
            i += 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def strip_comments(text: str) -> str:
    return "\n".join(re.sub(r"//.*$", "", l) for l in text.split("\n"))


def group_heads(body: str) -> list:
    """The first path segment of each item in a `{…}` use group (top level only)."""
    heads, depth, cur = [], 0, ""
    for c in body:
        if c == "{":
            depth += 1
            if depth == 1:
                continue
        elif c == "}":
            depth -= 1
        if depth == 0 and c == ",":
            heads.append(cur)
            cur = ""
            continue
        if depth == 0 or (depth >= 1 and c not in "{}"):
            cur += c if depth == 0 else ""
    heads.append(cur)
    return [h.strip().split("::")[0].strip() for h in heads if h.strip()]


def crate_graph(src: Path):
    root_file = src / "lib.rs" if (src / "lib.rs").exists() else src / "main.rs"
    root_text = strip_comments(root_file.read_text(encoding="utf-8"))
    modules = set(re.findall(r"^\s*(?:pub(?:\([a-z]+\))? )?mod (\w+)\s*;", root_text, re.M))
    # names the root re-exports from its modules
    reexport = {}
    for m, names in re.findall(r"pub use (\w+)::\{([^}]*)\}", root_text):
        for n in names.split(","):
            reexport[n.strip().split(" as ")[-1].strip()] = m
    for m, n in re.findall(r"pub use (\w+)::(\w+)\s*;", root_text):
        reexport[n] = m
    edges = {m: set() for m in modules}
    for path in sorted(src.rglob("*.rs")):
        rel = path.relative_to(src)
        # test files: tests.rs, and tests_*.rs beside it (cases grouped by where they came from)
        is_test = path.name == "tests.rs" or (path.name.startswith("tests_") and path.suffix == ".rs")
        if path == root_file or is_test or rel.parts[0] == "bin":
            continue
        top = rel.parts[0][:-3] if len(rel.parts) == 1 else rel.parts[0]
        if top not in modules:
            continue
        text = strip_comments(strip_tests(path.read_text(encoding="utf-8")))
        targets = []
        for body in re.findall(r"crate::\{([^;]*?)\}\s*;", text, re.S):
            targets += group_heads(body)
        targets += re.findall(r"\bcrate::(\w+)", text)
        top_level_file = len(rel.parts) == 1 or rel.parts[-1] == "mod.rs" and len(rel.parts) == 2
        if top_level_file:
            targets += re.findall(r"\bsuper::(\w+)", text)
        for t in targets:
            t = reexport.get(t, t)
            if t in modules and t != top:
                edges[top].add(t)
    return edges


def cycles(edges: dict) -> list:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


# The marsad crates each crate may depend on (docs/architecture.md): data flows one way.
CRATE_LAYERS = {
    "marsad-core": set(),
    "marsad": {"marsad-core"},
    "marsad-render": {"marsad-core"},
    "marsad-eval": {"marsad-core", "marsad", "marsad-render"},
    "marsad-store": {"marsad-core", "marsad", "marsad-render"},
    "marsad-serve": {"marsad-core", "marsad", "marsad-store"},
    "marsad-cli": {"marsad-core", "marsad", "marsad-render", "marsad-eval", "marsad-store", "marsad-serve"},
}


def crate_dependencies(manifest: Path) -> set:
    """The marsad crates named in a manifest's `[dependencies]` (not dev- or build-)."""
    deps, section = set(), None
    for line in manifest.read_text(encoding="utf-8").split("\n"):
        header = re.match(r"\s*\[([^\]]+)\]", line)
        if header:
            section = header.group(1).strip()
            continue
        m = re.match(r"\s*(marsad[\w-]*)\s*(?:\.workspace)?\s*=", line)
        if section == "dependencies" and m:
            deps.add(m.group(1))
    return deps


def crate_direction_errors(crates: list) -> list:
    errors = []
    for crate in crates:
        if crate.name not in CRATE_LAYERS:
            errors.append(f"{crate.name}: not in CRATE_LAYERS of tools/check_module_dag.py: add where it stands")
            continue
        wrong = crate_dependencies(crate / "Cargo.toml") - CRATE_LAYERS[crate.name]
        if wrong:
            errors.append(f"{crate.name}: depends on {', '.join(sorted(wrong))}, which it may not (docs/architecture.md)")
    return errors


def main() -> int:
    show = "--graph" in sys.argv[1:]
    bad = 0
    crates = sorted(p for p in (ROOT / "crates").iterdir() if (p / "src").is_dir())
    for crate in crates:
        edges = crate_graph(crate / "src")
        found = cycles(edges)
        if show:
            print(f"{crate.name}:")
            for m in sorted(edges):
                print(f"  {m} -> {', '.join(sorted(edges[m])) or '(nothing)'}")
        for comp in found:
            bad += 1
            inner = {m: sorted(e for e in edges[m] if e in comp) for m in comp}
            print(f"{crate.name}: modules import each other in a cycle: "
                  + "; ".join(f"{m} -> {', '.join(t)}" for m, t in inner.items()), file=sys.stderr)
    for err in crate_direction_errors(crates):
        bad += 1
        print(err, file=sys.stderr)
    if bad:
        print("check_module_dag: a module reaches back to one that imports it (see above)", file=sys.stderr)
        return 1
    print(f"check_module_dag: the top-level modules of {len(crates)} crates form a DAG")
    return 0


if __name__ == "__main__":
    sys.exit(main())
