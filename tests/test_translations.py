"""Every string an editor or a reader sees from Python goes through Django's gettext, in a form the
catalogue tools can extract: read from the source, and from the models as Django loads them."""

import ast
import re
from pathlib import Path

from django.apps import apps
from django.utils.functional import Promise

from .helpers import ROOT

PACKAGES = ("articles", "authors", "newsroom_core")
GETTEXT = {"gettext", "ngettext", "pgettext", "npgettext"}
LAZY_GETTEXT = {f"{name}_lazy" for name in GETTEXT}
# Keywords whose text an editor reads: a field's or form field's label and help, a panel's heading,
# a choice field's empty choice, a management command argument's ``help=``.
TEXT_KEYWORDS = {
    "verbose_name",
    "verbose_name_plural",
    "help_text",
    "label",
    "heading",
    "menu_label",
    "empty_label",
    "help",
}
TEXT_ATTRIBUTES = {"verbose_name", "verbose_name_plural", "menu_label", "help", "page_title", "header_title"}
RELATION_FIELDS = {"ForeignKey", "OneToOneField", "ManyToManyField"}
# Model fields whose first argument is their verbose name, beside ``models.…Field``.
MODEL_FIELDS = {"RichTextField", "WebAddressField"}
# Choices whose labels are names, the same in every language: the social networks.
PROPER_NAME_CHOICES = {"Platform"}
MESSAGE_LEVELS = {"debug", "info", "success", "warning", "error"}
POSITIONAL_PLACEHOLDER = re.compile(r"%[sdirf]|\{\}")


def translated_modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts and "parsing" not in path.parts:
                yield path


def gettext_names(tree) -> tuple[set[str], set[str]]:
    """The names a module binds to Django's gettext functions: eager, and lazy."""
    eager, lazy = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            for alias in node.names:
                bound = alias.asname or alias.name
                (eager if alias.name in GETTEXT else lazy if alias.name in LAZY_GETTEXT else set()).add(bound)
    return eager, lazy


def call_name(node) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def is_call_on(call, name: str) -> bool:
    func = call.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == name


def is_model_field(call) -> bool:
    if is_call_on(call, "models"):
        return call.func.attr.endswith("Field") and call.func.attr not in RELATION_FIELDS
    return isinstance(call.func, ast.Name) and call.func.id in MODEL_FIELDS


def is_text(node) -> bool:
    """Whether ``node`` is English written into the code: a literal, an f-string, or one formatted."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value.strip() != ""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return is_text(node.left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return is_text(node.func.value)
    return False


def shown_texts(tree):
    """The nodes holding text a person is shown: keyword and Meta labels, model fields' verbose
    names, choices' labels, validation errors, admin messages."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = call_name(node)
            yield from (keyword.value for keyword in node.keywords if keyword.arg in TEXT_KEYWORDS)
            if is_model_field(node) and node.args:
                yield node.args[0]
            if name == "ValidationError" and node.args:
                message = node.args[0]
                yield from message.values if isinstance(message, ast.Dict) else [message]
            if name == "add_error" and len(node.args) > 1:
                yield node.args[1]
            if name in MESSAGE_LEVELS and is_call_on(node, "messages") and len(node.args) > 1:
                yield node.args[1]
            for keyword in node.keywords:
                if keyword.arg == "choices" and isinstance(keyword.value, ast.List | ast.Tuple):
                    yield from (choice.elts[-1] for choice in keyword.value.elts if isinstance(choice, ast.Tuple))
        elif isinstance(node, ast.ClassDef):
            is_choices = any(ast.unparse(base).endswith("Choices") for base in node.bases)
            is_choices = is_choices and node.name not in PROPER_NAME_CHOICES
            for statement in node.body:
                if not isinstance(statement, ast.Assign):
                    continue
                targets = {target.id for target in statement.targets if isinstance(target, ast.Name)}
                if targets & TEXT_ATTRIBUTES:
                    yield statement.value
                elif is_choices and isinstance(statement.value, ast.Tuple) and len(statement.value.elts) > 1:
                    yield statement.value.elts[-1]


def where(path: Path, node) -> str:
    return f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)[:70]}"


def test_translations_shown_python_strings_are_marked():
    """A label, help text, heading, choice, validation error or admin message written as a bare
    literal (or an f-string) reaches every reader in English, whatever their language."""
    unmarked = [
        where(path, node)
        for path in translated_modules()
        for node in shown_texts(ast.parse(path.read_text()))
        if is_text(node)
    ]
    assert unmarked == []


def gettext_calls(tree):
    eager, lazy = gettext_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in eager | lazy:
            yield node, node.func.id in eager


def msgids(call) -> list:
    """The arguments of a gettext call that are msgids: after pgettext's context, before ngettext's count."""
    name = call.func.id
    first = 1 if name.startswith(("pgettext", "npgettext")) else 0
    count = 2 if name.startswith(("ngettext", "npgettext")) else 1
    return call.args[first : first + count]


def test_translations_msgids_are_literals_with_named_placeholders():
    """``xgettext`` extracts only literal text, and a translator reorders only named placeholders:
    ``_(f"…")``, ``_("…" % x)`` and ``%s`` are all lost or unsayable in another language."""
    wrong = [
        where(path, call)
        for path in translated_modules()
        for call, _eager in gettext_calls(ast.parse(path.read_text()))
        for msgid in msgids(call)
        if not (isinstance(msgid, ast.Constant) and isinstance(msgid.value, str))
        or POSITIONAL_PLACEHOLDER.search(msgid.value)
    ]
    assert wrong == []


def module_level_nodes(tree):
    """Nodes that run when the module is imported: outside every function body."""
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            pending += list(ast.iter_child_nodes(node))


def test_translations_import_time_strings_are_lazy():
    """A string translated when the module is imported is fixed in the language active at start-up;
    at module and class level only the ``_lazy`` functions follow each request's language."""
    eager_at_import = []
    for path in translated_modules():
        tree = ast.parse(path.read_text())
        eager, _lazy = gettext_names(tree)
        eager_at_import += [
            where(path, node)
            for node in module_level_nodes(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in eager
        ]
    assert eager_at_import == []


def newsroom_fields():
    for app_label in ("newsroom_articles", "newsroom_authors", "newsroom_core"):
        for model in apps.get_app_config(app_label).get_models():
            for field in model._meta.get_fields(include_parents=False):
                if getattr(field, "model", None) is model:
                    yield model, field


def shown_field_texts(field):
    yield getattr(field, "help_text", "")
    if getattr(field, "choices", None) and not field.model.__name__.endswith("Profile"):  # networks' names
        yield from (label for _value, label in field.flatchoices)


def test_translations_models_give_lazy_labels():
    """As Django loads them, the models' names, help texts and choices follow the active language."""
    fixed = [
        f"{model.__name__}.{field.name}: {text!r}"
        for model, field in newsroom_fields()
        for text in shown_field_texts(field)
        if text and not isinstance(text, Promise)
    ]
    fixed += [
        f"{model.__name__}.Meta.{option}"
        for app_label in ("newsroom_articles", "newsroom_authors", "newsroom_core")
        for model in apps.get_app_config(app_label).get_models()
        for option in ("verbose_name", "verbose_name_plural")
        if option in model._meta.original_attrs and not isinstance(model._meta.original_attrs[option], Promise)
    ]
    assert fixed == []
