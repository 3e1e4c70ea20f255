"""Read plans/: policy plans, action plans and their fiches, each validated, then the references
between them checked (objectives, continuations, appendices, ids that would share an address)."""

from __future__ import annotations

from pathlib import Path

from . import images, urls
from .claims import Claims, fixed_addresses
from .content import Content, Objectives, fiche_order
from .errors import Problems
from .models.actionplan import ActionPlan
from .models.fiche import Fiche
from .models.policy import PolicyPlan
from .errors import escape_invisible, shown
from .source import Document, read_yaml
from .validation import validate


def read_plans(root: Path, content: Content, problems: Problems) -> None:
    plans_dir = root / "plans"
    fiche_docs: dict[str, list[tuple[Document, Fiche]]] = {}
    plan_docs: dict[str, Document] = {}
    action_docs: dict[str, Document] = {}
    addresses = Claims(fixed_addresses(root))
    broken: list[tuple[str, Document | None]] = []  # fiches that failed: (plan id, document if readable)
    for file in sorted(plans_dir.glob("*.y*ml")):
        if not images.own_file(file, root, "plans", problems):
            continue
        doc = read_yaml(file, root, problems)
        if doc is None:
            continue
        if doc.data.get("soort") == "actieplan":
            doc.report(problems, ("soort",), "een actieplan hoort in een eigen map: "
                       "`plans/<id>/actieplan.yml`, met de fiches in `plans/<id>/fiches/`")
            continue
        plan = validate(PolicyPlan, doc, problems)
        if plan is None:
            # Known but broken: plans that name it must not be told it does not exist.
            content.broken_ids.add(str(doc.data.get("id")))
            continue
        if _claim_id(plan.id, doc, addresses, problems):
            plan_docs[plan.id] = doc
            content.policy_plans[plan.id] = plan
            content.objectives[plan.id] = Objectives.of(plan)
            content.sources[id(plan)] = doc.path
            _check_policy_plan(plan, doc, problems)
            _check_appendices(plan.appendices, doc, file.parent, root, content, problems)
    for folder in sorted(p for p in plans_dir.iterdir() if p.is_dir()) if plans_dir.is_dir() else []:
        plan_file = folder / "actieplan.yml"
        if plan_file.exists() and not images.own_file(plan_file, root, "plans", problems):
            continue
        if not plan_file.exists():
            problems.add(f"plans/{escape_invisible(folder.name)}", 0, "", "deze map heeft geen actieplan.yml — "
                         "maak het bestand aan of verwijder de map")
            continue
        doc = read_yaml(plan_file, root, problems)
        plan = validate(ActionPlan, doc, problems) if doc else None
        if plan is None:
            content.broken_ids.add(folder.name)  # its fiches and the news naming them are not "missing"
        else:
            if plan.id != folder.name:
                doc.report(problems, ("id",), f"het id moet gelijk zijn aan de mapnaam — schrijf `id: {folder.name}`"
                           " of geef de map dezelfde naam als het id")
            elif _claim_id(plan.id, doc, addresses, problems):
                action_docs[plan.id] = doc
                content.action_plans[plan.id] = plan
                content.sources[id(plan)] = doc.path
                _check_appendices(plan.appendices, doc, folder, root, content, problems)
        fiches = fiche_docs.setdefault(folder.name, [])
        for file in sorted((folder / "fiches").glob("*.y*ml")):
            if not images.own_file(file, root, "plans", problems):
                continue
            fiche_doc = read_yaml(file, root, problems)
            fiche = validate(Fiche, fiche_doc, problems) if fiche_doc else None
            if fiche is not None:
                fiche = content.places.named(fiche, fiche_doc, problems).with_file_key(file.stem)
                fiches.append((fiche_doc, fiche))
                content.sources[id(fiche)] = fiche_doc.path
            else:
                broken.append((folder.name, fiche_doc))
    for plan_id, doc in broken:
        fiche_id = _raw_id(doc.data.get("id")) if doc else None
        # An unreadable fiche could be any number: `?` stands for "some fiche of this plan".
        content.broken_fiches.add(f"{plan_id}/{fiche_id or '?'}")
        if doc and plan_id in content.action_plans:
            # The file failed, but its references can still be wrong: report those now, not after the fix.
            _check_objectives(_raw_id(doc.data.get("strategische_doelstelling")),
                              _raw_id(doc.data.get("operationele_doelstelling")),
                              doc, content.action_plans[plan_id], content, problems)
    for plan_id, plan in content.action_plans.items():
        _check_action_plan(plan, action_docs[plan_id], content, problems)
    for plan_id, entries in fiche_docs.items():
        plan = content.action_plans.get(plan_id)
        seen: dict[str, Document] = {}
        kept: list[Fiche] = []
        for doc, fiche in entries:
            if fiche.key in seen:
                doc.report(problems, ("id",), f"fiche {fiche.key} bestaat al in {seen[fiche.key].path} — "
                           "geef elke fiche een eigen nummer")
                continue
            if earlier := addresses.claim(urls.fiche(plan_id, fiche.key), doc.path):
                doc.report(problems, ("id",), f"fiche {fiche.key} krijgt hetzelfde adres als de fiche in {earlier} "
                           "(punten en streepjes tellen niet mee) — geef elke fiche een eigen nummer")
                continue
            seen[fiche.key] = doc
            kept.append(fiche)
            if plan is not None:
                _check_fiche(fiche, doc, plan, content, problems)
        content.fiches[plan_id] = sorted(kept, key=fiche_order)
    # voortzetting_van may point at any plan, so check it once all fiches are known.
    for entries in fiche_docs.values():
        for doc, fiche in entries:
            _check_continuation(fiche, doc, content, problems)


def _raw_id(value: object) -> str | None:
    """An id as written in a file that failed validation, when it is plain enough to look up."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value).strip() or None


def _claim_id(plan_id: str, doc: Document, addresses: Claims, problems: Problems) -> bool:
    """A plan's id is the first part of its pages' addresses: it may not be taken already."""
    if earlier := addresses.claim(urls.policy_plan(plan_id), doc.path):
        doc.report(problems, ("id",), f"het id '{plan_id}' geeft het adres /{plan_id}/, maar dat is al van "
                   f"{earlier} — kies een ander id")
        return False
    return True


def _report_duplicates(doc: Document, problems: Problems, located_ids, what: str, address=None,
                       fix: str = "geef elk een eigen nummer") -> None:
    """Ids that repeat, or (with `address`) that would give two items one page address."""
    seen: dict[str, str] = {}
    for loc, value in located_ids:
        taken = address(value) if address else value
        if taken not in seen:
            seen[taken] = value
        elif seen[taken] == value:
            doc.report(problems, loc, f"{what} '{value}' komt twee keer voor — {fix}")
        else:
            doc.report(problems, loc, f"{what} '{value}' krijgt hetzelfde adres als '{seen[taken]}' (punten, "
                       f"streepjes en hoofdletters tellen niet mee) — {fix}")


def _check_policy_plan(plan: PolicyPlan, doc: Document, problems: Problems) -> None:
    sds = plan.strategic_objectives
    key = "strategische_doelstellingen"
    _report_duplicates(doc, problems, [((key, i, "id"), sd.id) for i, sd in enumerate(sds)],
                       "strategische doelstelling", urls.slug)
    _report_duplicates(doc, problems, [((key, i, "operationele_doelstellingen", j, "id"), od.id)
                                       for i, sd in enumerate(sds)
                                       for j, od in enumerate(sd.operational_objectives)],
                       "operationele doelstelling", urls.slug)
    _report_duplicates(doc, problems, [((key, i, "operationele_doelstellingen", j, "acties", k, "id"), a.id)
                                       for i, sd in enumerate(sds)
                                       for j, od in enumerate(sd.operational_objectives)
                                       for k, a in enumerate(od.actions) if a.id],
                       "actie")
    titles = [(("bijlagen", i, "titel"), appendix.title) for i, appendix in enumerate(plan.appendices)]
    _report_duplicates(doc, problems, titles, "bijlage", urls.slug, fix="geef elke bijlage een eigen titel")
    if plan.period and plan.period.start > plan.period.end:
        doc.report(problems, ("periode", "tot"), f"het plan eindigt ({plan.period.end}) vóór het begint "
                   f"({plan.period.start}) — controleer `van` en `tot`")


def _check_action_plan(plan: ActionPlan, doc: Document, content: Content, problems: Problems) -> None:
    index = content.objectives.get(plan.policy_plan)
    if index is None and plan.policy_plan in content.broken_ids:
        return
    if index is None:
        known = ", ".join(sorted(content.policy_plans)) or "geen"
        doc.report(problems, ("beleidsplan",), f"beleidsplan '{plan.policy_plan}' bestaat niet — "
                   f"gebruik het id van een beleidsplan in plans/ (nu: {known})")
        return
    for i, action in enumerate(plan.other_actions):
        for j, objective in enumerate(action.objectives):
            if objective not in index.sd and objective not in index.od:
                doc.report(problems, ("overige_acties", i, "doelstellingen", j),
                           f"doelstelling '{objective}' bestaat niet in {plan.policy_plan} — "
                           "gebruik het nummer van een SD of OD uit dat plan")


def _check_objectives(sd: str | None, od: str | None, doc: Document, plan: ActionPlan, content: Content,
                      problems: Problems) -> None:
    index = content.objectives.get(plan.policy_plan)
    if index is None:
        return
    if sd is not None and sd not in index.sd:
        doc.report(problems, ("strategische_doelstelling",),
                   f"SD {shown(sd)} bestaat niet in {plan.policy_plan} — kies uit {', '.join(index.sd)}")
    if od is not None:
        if od not in index.od:
            doc.report(problems, ("operationele_doelstelling",),
                       f"OD {shown(od)} bestaat niet in {plan.policy_plan} — kies een OD onder SD {sd}")
        elif sd is not None and index.sd_of_od[od].id != sd:
            doc.report(problems, ("operationele_doelstelling",),
                       f"OD '{od}' hoort bij SD {index.sd_of_od[od].id}, niet bij SD {sd} — pas de SD of de OD aan")


def _check_fiche(fiche: Fiche, doc: Document, plan: ActionPlan, content: Content, problems: Problems) -> None:
    _check_objectives(fiche.strategic_objective, fiche.operational_objective, doc, plan, content, problems)
    if fiche.period and fiche.period.start > fiche.period.end:
        doc.report(problems, ("periode", "tot"), f"de actie eindigt ({fiche.period.end}) vóór ze begint "
                   f"({fiche.period.start}) — controleer `van` en `tot`")
    # Milestones may lie before or after the plan's year: plans prepare work in the autumn before.


def _check_appendices(appendices, doc: Document, folder: Path, root: Path, content: Content,
                      problems: Problems) -> None:
    """A `bestand` must exist inside the repository: it is published beside the plan."""
    for i, appendix in enumerate(appendices):
        if not appendix.file:
            continue
        path = (folder / appendix.file).resolve()
        if not path.is_file() or not path.is_relative_to(root.resolve()):
            doc.report(problems, ("bijlagen", i, "bestand"), f"bestand '{appendix.file}' niet gevonden — het pad "
                       "begint bij de map van het plan, bv. `bijlagen/tijdlijn.xlsx`")
        else:
            content.appendix_files[id(appendix)] = path


def _check_continuation(fiche: Fiche, doc: Document, content: Content, problems: Problems) -> None:
    reference = fiche.continues
    if not isinstance(reference, str):
        return  # absent, or a text (and link) for a plan that is not on this site
    plan_id, slash, fiche_id = reference.partition("/")
    if not slash or not plan_id or not fiche_id:
        doc.report(problems, ("voortzetting_van",), f"'{reference}' is geen verwijzing naar een fiche — "
                   "schrijf `<actieplan-id>/<fiche-nummer>`, bv. `actieplan-2024/2.1`")
    elif plan_id in content.action_plans and content.fiche(reference) is None and not content.is_broken(reference):
        doc.report(problems, ("voortzetting_van",), f"{plan_id} heeft geen fiche '{fiche_id}' — "
                   "controleer het nummer van de fiche")
