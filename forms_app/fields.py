"""The model field holding a form's steps."""

from django.db import models
from django.utils.functional import cached_property

from wagtail.fields import StreamField


class StepsField(StreamField):
    """A StreamField whose blocks come from the field-type registry.

    Domain apps register field types after the models are loaded, so the block is built on first
    use, and migrations record the field without its block tree: adding a field type needs no
    migration in this app.
    """

    def __init__(self, *args, **kwargs):
        kwargs.pop("block_lookup", None)
        super().__init__(None, **kwargs)

    @cached_property
    def stream_block(self):
        from .blocks import build_steps_block

        block = build_steps_block()
        block.set_meta_options(self.block_opts)
        return block

    def reset_blocks(self) -> None:
        """Rebuild the blocks on next use (after a field type was registered at run time)."""
        self.__dict__.pop("stream_block", None)

    def deconstruct(self):
        name, _path, _args, kwargs = models.Field.deconstruct(self)
        return name, "forms_app.fields.StepsField", [], kwargs
