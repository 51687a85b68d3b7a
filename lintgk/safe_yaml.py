"""YAML for lintgk's own files: always the safe loader, aliases bounded, errors in one line.

An anchor used many times costs nothing to load but expands when read (a "billion laughs"
bomb), so the document's expanded size is counted on the node graph before it is built.
"""
from __future__ import annotations

import yaml

MAX_NODES = 100_000  # far more than any config or rule file needs

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TooLarge(Exception):
    pass


def _expanded_size(root: yaml.Node) -> int:
    """Nodes the document would have with every alias copied out, counted once per distinct node."""
    sizes: dict[int, int] = {}
    # iterative post-order walk: deep nesting must not exhaust the Python stack
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not expanded:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        size = 1 + sum(sizes.get(id(child), 1) for child in children)
        if size > MAX_NODES:
            raise TooLarge
        sizes[id(node)] = size
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def load(text: str, where: str):
    """Parse ``text``; a malformed or oversized document raises ValueError with one line that
    starts with ``where`` (a file name) and says where and what."""
    loader = _Base(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "*" in text:  # only an alias expands: a document without one is no larger than its text
            _expanded_size(node)
        return loader.construct_document(node)
    except TooLarge:
        raise ValueError(f"{where}: YAML expands to more than {MAX_NODES:,} values (aliases repeated too often); "
                         "refused") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise ValueError(f"{where}{at}: invalid YAML ({what})") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{where}: invalid YAML ({' '.join(str(exc).split())})") from None
    except RecursionError:
        raise ValueError(f"{where}: YAML nested too deeply") from None
    finally:
        loader.dispose()
