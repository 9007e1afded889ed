"""``briefgen templates ACTION``: the template library on the command line, as in the app's
Templates dialog (list, show, validate, new, duplicate, rename, delete, import, export).

Kept apart from briefgen/cli.py so that the command line's main module stays small; it
imports the render package only when an action runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError

if TYPE_CHECKING:
    from briefgen.render import BriefTemplate, TemplateLibrary

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
# The built-in template a plain ``templates new NAME`` copies.
DEFAULT_NEW_FROM = "information-memo"
ORIGIN_MARKS = {"builtin": "built-in", "office": "office", "user": "user"}
# What ``show`` says of a field's scope (what "Save as template" keeps).
SCOPE_WORDS = {"office": "kept by save-as", "brief": "per brief"}

Say = Callable[..., None]


def add_templates_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The ``templates`` command and its actions, added to the CLI's ``commands``."""
    templates = commands.add_parser(
        "templates", help="list, show, validate, create, copy, rename, delete, import, export")
    tcommands = templates.add_subparsers(dest="templates_command", metavar="ACTION",
                                         required=True)
    tcommands.add_parser("list", help="list the built-in, office and user templates, and "
                         "say where the folders are")
    show = tcommands.add_parser("show", help="show a template's manifest")
    show.add_argument("name", metavar="ID")
    validate = tcommands.add_parser("validate", help="check a template folder or package")
    validate.add_argument("path", metavar="PATH")
    # --- new: a plain copy here; "--from-docx" (the Word importer) is added beside it ---
    new = tcommands.add_parser("new", help="make a new user template from a built-in one")
    new.add_argument("new_name", nargs="?", metavar="NAME", help="the new template's name")
    new.add_argument("--from", dest="from_id", metavar="ID",
                     help=f"the template to start from (default: {DEFAULT_NEW_FROM})")
    new.add_argument("--id", dest="new_id", metavar="ID",
                     help="the new template's id (default: made from its name)")
    new.add_argument("--from-docx", metavar="FILE.docx",
                     help="the office's memo form or letterhead (it is only read)")
    new.add_argument("--name", dest="docx_name", metavar="NAME",
                     help="the name shown in the template picker")
    new.add_argument("--slot", action="append", default=None, metavar="NAME=N",
                     help="the field text box N holds (to=1, from=2...), when the document's "
                          "labels are pictures; --slot none keeps the boxes as they are")
    # --- end of new ---
    duplicate = tcommands.add_parser("duplicate", help="copy any template as a user template")
    duplicate.add_argument("name", metavar="ID")
    duplicate.add_argument("new_name", metavar="NAME", help="the copy's name")
    duplicate.add_argument("--id", dest="new_id", metavar="ID",
                           help="the copy's id (default: made from its name)")
    rename = tcommands.add_parser("rename", help="give a user template a new name (its id "
                                  "stays)")
    rename.add_argument("name", metavar="ID")
    rename.add_argument("new_name", metavar="NAME")
    delete = tcommands.add_parser("delete", help="delete a user template")
    delete.add_argument("name", metavar="ID")
    delete.add_argument("--yes", action="store_true",
                        help="delete it (without --yes, the command only says what it would "
                        "delete)")
    timport = tcommands.add_parser("import", help="import a .brieftemplate package or a "
                                   "template folder")
    timport.add_argument("file", metavar="PATH")
    timport.add_argument("--replace", action="store_true",
                         help="replace your own template with the same id")
    export = tcommands.add_parser("export", help="export a template as a .brieftemplate")
    export.add_argument("name", metavar="ID")
    export.add_argument("file", metavar="FILE")


def settings_library() -> TemplateLibrary:
    """The built-in templates, the office-wide folder the settings file names, and yours."""
    from briefgen.model.user_settings import load_user_settings
    from briefgen.render import TemplateLibrary

    library = TemplateLibrary()
    office = load_user_settings().office_templates.strip()
    if office:
        library.office_dir = Path(office)
    return library


def run_templates(args: argparse.Namespace, say: Say) -> int:
    """Run one ``templates`` action; BriefgenError (one sentence) for bad input."""
    library = settings_library()
    action = args.templates_command
    if action == "list":
        return _list(library, say)
    if action == "show":
        _show_template(library.get(args.name), say)
        return EXIT_OK
    if action == "validate":
        return _validate(Path(args.path), say)
    if action == "new":
        if args.from_docx:
            return _new_from_docx(library, args, say)
        if args.from_id and (args.docx_name or args.slot):
            raise BriefgenError("--name and --slot go with --from-docx; with --from, give the "
                                "name as NAME.")
        if not args.new_name:
            raise BriefgenError("templates new needs the new template's name, as in "
                                "'briefgen templates new \"Europe desk memo\"', or your "
                                "office's Word document, as in 'briefgen templates new "
                                "--from-docx memo.docx'.")
        template = library.duplicate(args.from_id or DEFAULT_NEW_FROM, args.new_name,
                                     new_id=args.new_id)
        say(f"Created {template.id} ({template.name}) in {template.folder}")
        return EXIT_OK
    if action == "duplicate":
        template = library.duplicate(args.name, args.new_name, new_id=args.new_id)
        say(f"Created {template.id} ({template.name}) in {template.folder}")
        return EXIT_OK
    if action == "rename":
        template = library.rename(args.name, args.new_name)
        say(f"Renamed {template.id} to {template.name}")
        return EXIT_OK
    if action == "delete":
        return _delete(library, args.name, args.yes, say)
    if action == "import":
        template = library.import_package(Path(args.file), replace=args.replace)
        say(f"Imported {template.id} ({template.name}) into {template.folder}")
        return EXIT_OK
    if action == "export":
        library.export_package(args.name, Path(args.file))
        say(f"Exported {args.name} to {args.file}")
        return EXIT_OK
    raise AssertionError(action)


def _new_from_docx(library: TemplateLibrary, args: argparse.Namespace, say: Say) -> int:
    """``templates new --from-docx``: the Word importer (briefgen.render.templates.
    docx_import) makes the template; its report lines come from that module."""
    from briefgen.render.templates.docx_import import import_docx, report_lines, slot_options

    if args.from_id:
        raise BriefgenError("Give either --from or --from-docx, not both.")
    path = Path(args.from_docx)
    result = import_docx(path, library, template_id=args.new_id,
                         name=args.docx_name or args.new_name, slots=slot_options(args.slot))
    out, err = report_lines(result, path)
    for line in out:
        say(line)
    for line in err:
        say(line, err=True)
    return EXIT_OK if result.template is not None else EXIT_FAILURE


def _list(library: TemplateLibrary, say: Say) -> int:
    rows = [(t.id, ORIGIN_MARKS[t.origin], t.name) for t in library.templates()]
    width = max((len(r[0]) for r in rows), default=2)
    for template_id, origin, name in rows:
        say(f"{template_id:<{width}}  {origin:<8}  {name}")
    say("")
    say(f"Your templates (user): {library.user_dir}")
    if library.office_dir is None:
        say("Office templates: none (an office-wide folder is set in Settings, "
            "office_templates)")
    else:
        say(f"Office templates (office, read-only): {library.office_dir}")
    for warning in library.problems:
        say(f"briefgen: warning: {warning}", err=True)
    return EXIT_OK


def _show_template(template: BriefTemplate, say: Say) -> None:
    read_only = " (read-only)" if template.read_only else ""
    say(f"id:          {template.id}")
    say(f"name:        {template.name}")
    say(f"version:     {template.version}")
    say(f"origin:      {ORIGIN_MARKS[template.origin]}{read_only}")
    say(f"folder:      {template.folder}")
    say(f"description: {template.description}")
    say(f"lists:       {', '.join(template.lists)}")
    say("fields:")
    for spec in template.fields:
        required = ", required" if spec.required else ""
        default = f" = {spec.default!r}" if spec.default not in (None, "", []) else ""
        say(f"  {spec.name} ({spec.type}, {SCOPE_WORDS[spec.scope]}{required}): "
            f"{spec.label}{default}")


def _validate(path: Path, say: Say) -> int:
    from briefgen.render import validate_template

    problems = validate_template(path)
    errors = [p for p in problems if not getattr(p, "warning", False)]
    for problem in problems:
        say(str(problem), err=True)
    if errors:
        return EXIT_FAILURE
    say(f"{path}: valid")
    return EXIT_OK


def _delete(library: TemplateLibrary, template_id: str, yes: bool, say: Say) -> int:
    template = library.get(template_id)
    if template.read_only:
        kind = "a built-in" if template.origin == "builtin" else "an office"
        raise BriefgenError(f"The template '{template_id}' is {kind} template and cannot be "
                            "deleted; only your own templates can.")
    if not yes:
        say(f"briefgen: this would delete {template.id} ({template.name}) and its folder "
            f"{template.folder}; run again with --yes to delete it.", err=True)
        return EXIT_USAGE
    library.delete(template_id)
    say(f"Deleted {template.id} ({template.name})")
    return EXIT_OK
