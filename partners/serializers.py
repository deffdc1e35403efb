"""How the API shows a partner's lists and contact persons: public fields only, both languages."""

from rest_framework import serializers


class VocabularySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name_de = serializers.CharField()
    name_en = serializers.CharField()


class ContactPersonSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
