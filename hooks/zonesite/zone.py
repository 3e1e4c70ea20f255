"""`make new-zone`: turn the example into the empty site of a new zone, once.

mkdocs.yml is edited in place, value by value, so that its comments and layout stay as they are;
the example's plans and news go, and a policy plan and an action plan skeleton come in."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import yaml

from . import scaffold
from .scaffold import ScaffoldError
from .settings import PLACEHOLDER_URL, SiteSettings

# Only the example's mkdocs.yml has this key; new-zone removes it, so it cannot run twice.
EXAMPLE_KEY = ("extra", "voorbeeld")
POLICY_ID = "beleidsplan"


def new_zone(root: Path, name: str, today: dt.date, site: SiteSettings, year: str = "") -> list[Path]:
    """Set the zone's identity, remove the example content, write the skeletons. Returns new files.

    `year`: the first action plan's year (this year when empty): a zone often starts with the plan
    it is already carrying out. Checked before anything is removed."""
    name = " ".join(name.split())
    if not name:
        raise ScaffoldError('geef de naam van de zone mee, bv. make new-zone NAME="Eerstelijnszone Waasland"')
    first_year = scaffold.plan_year(year) if year.strip() else today.year
    if not site.extra.get(EXAMPLE_KEY[1]):
        raise ScaffoldError("deze site is al ingesteld voor een zone: in mkdocs.yml staat geen `voorbeeld: true` "
                            "meer. make new-zone wist alle plannen en nieuws en werkt daarom maar één keer. "
                            f"Een actieplan voor volgend jaar: make new-actieplan YEAR={today.year + 1}")
    _refuse_foreign_plans(root, str(site.zone_fields.get("name", "")))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = set_value(text, ("site_name",), name)
    # The example's address would send readers, feeds and newsletters to another zone's site.
    text = set_value(text, ("site_url",), PLACEHOLDER_URL)
    text = set_value(text, ("site_description",), f"Plannen, acties en nieuws van {name}.")
    text = set_value(text, ("copyright",), name)
    text = set_value(text, ("extra", "zone", "name"), name)
    for example_only in ("address", "email", "phone", "footer"):  # the example's, not the new zone's
        text = set_value(text, ("extra", "zone", example_only), "")
    text = remove_key(text, ("extra", "zone", "gemeenten"))  # the example's municipalities, not the new zone's
    text = remove_key(text, EXAMPLE_KEY)
    for folder in ("plans", "news"):
        shutil.rmtree(root / folder, ignore_errors=True)
    config.write_text(text, encoding="utf-8")
    return [config, scaffold.new_policy_plan(root, POLICY_ID, name, first_year),
            scaffold.new_action_plan(root, str(first_year))]


def _refuse_foreign_plans(root: Path, example_zone: str) -> None:
    """A zone that already put its own plans in place by hand must not lose them."""
    for file in sorted((root / "plans").glob("*.y*ml")):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            data = None
        zone = data.get("zone") if isinstance(data, dict) else None
        if zone != example_zone:
            raise ScaffoldError(f"plans/{file.name} is niet van het voorbeeld ({example_zone}) — make new-zone "
                                "wist alle plannen en nieuws; zet je eigen plannen eerst ergens anders")


def _node(text: str, path: tuple[str, ...]) -> tuple[yaml.Node | None, yaml.Node | None]:
    """The key and value nodes at `path` in mkdocs.yml (tags such as !ENV need no constructor here)."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    key_node = None
    for step in path:
        if not isinstance(node, yaml.MappingNode):
            return None, None
        key_node, node = next(((k, v) for k, v in node.value if k.value == step), (None, None))
        if node is None:
            return None, None
    return key_node, node


def set_value(text: str, path: tuple[str, ...], value: str) -> str:
    """`text` with the scalar at `path` replaced by `value`; a missing top-level key is added."""
    _, node = _node(text, path)
    quoted = json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar
    if node is None and (len(path) == 1 or not value):
        return f"{path[0]}: {quoted}\n{text}" if value else text
    if not isinstance(node, yaml.ScalarNode):
        raise ScaffoldError(f"mkdocs.yml heeft geen tekst onder `{'.'.join(path)}` — zet die regel terug zoals "
                            "in het voorbeeld en probeer opnieuw")
    return text[:node.start_mark.index] + quoted + text[node.end_mark.index:]


def remove_key(text: str, path: tuple[str, ...]) -> str:
    """`text` without the line(s) of the key at `path` (with its comment on the same line)."""
    key, value = _node(text, path)
    if key is None:
        return text
    start = text.rfind("\n", 0, key.start_mark.index) + 1
    end = text.find("\n", _last_end(value))
    return text[:start] + (text[end + 1:] if end != -1 else "")


def _last_end(node: yaml.Node) -> int:
    """Where the last value inside `node` ends: a block list's own end lies at the next key, past
    any comment in between, which must stay."""
    items = node.value if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) else None
    if not items:
        return node.end_mark.index
    return _last_end(items[-1][1] if isinstance(node, yaml.MappingNode) else items[-1])
