"""Search and reference indexing once per object for a batch of saves, instead of once per save.

Wagtail indexes a page for search and for references after every save, and importing one story
saves its article three times (created, revised, published) and each new author as often. Inside
``index_once()`` those saves are only noted; when the block ends, each noted object is indexed
once, through the same tasks Wagtail would have enqueued, so a task queue configured in ``TASKS``
still receives them.

Articles and author pages opt out of modelsearch's own per-save handler (``search_auto_update =
False`` on the models); the receivers here index them instead: at once outside a batch, at the
end of one inside it.
"""

from contextlib import contextmanager

from asgiref.local import Local
from modelcluster.fields import ParentalKey
from modelsearch import index
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

_batch = Local()


def is_batching() -> bool:
    return getattr(_batch, "search", None) is not None


@contextmanager
def index_once():
    """Index every object saved in the block once, when the block ends without an error."""
    if is_batching():  # an outer batch indexes everything when it ends
        yield
        return
    _batch.search, _batch.references = {}, {}
    try:
        with disable_reference_index_auto_update():
            yield
        search, references = _batch.search, _batch.references
    finally:
        _batch.search = _batch.references = None
    for key in search:
        insert_or_update_object_task.enqueue(*key)
    for key in references:
        update_reference_index_task.enqueue(*key)


def task_key(instance) -> tuple[str, str, str]:
    return instance._meta.app_label, instance._meta.model_name, str(instance.pk)


def index_for_search(sender, instance, raw=False, **kwargs):
    """post_save for articles and author pages (which opt out of modelsearch's handler)."""
    if raw:
        return
    if is_batching():
        _batch.search[task_key(instance)] = None
    else:
        insert_or_update_object_task.enqueue(*task_key(instance))


def remove_from_search(sender, instance, **kwargs):
    index.remove_object(instance)


def note_references(sender, instance, raw=False, **kwargs):
    """post_save: in a batch, note the object (or the page it belongs to) for reference indexing."""
    if raw or not is_batching() or sender not in ReferenceIndex.tracked_models:
        return
    owner = owning_object(instance)
    if ReferenceIndex.is_indexed(type(owner)):
        _batch.references[task_key(owner)] = None


def owning_object(instance):
    """The object whose references a save changes: an inline child's parent page, else itself."""
    parental_key = next((f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)), None)
    parent = getattr(instance, parental_key.name) if parental_key else None
    return owning_object(parent) if parent is not None else instance
