"""How the API shows a partner's lists and contact persons: public fields only, in the language
the request asks for (``?locale=``)."""

from rest_framework import serializers


class LocaleField(serializers.Field):
    """A translatable object's locale as its language code, e.g. ``"en"``."""

    def to_representation(self, value) -> str:
        return value.language_code


class VocabularySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(source="label")


class ContactPersonSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
