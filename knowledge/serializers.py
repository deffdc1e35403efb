"""How the headless API writes the knowledge base's own values."""

from rest_framework import serializers


class ThemeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class DirectoryPartnerSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    short_name = serializers.CharField()


class OrganisationSerializer(serializers.Serializer):
    role = serializers.CharField()
    name = serializers.CharField(source="display_name")
    website = serializers.CharField()
    partner = DirectoryPartnerSerializer(source="public_partner", allow_null=True)


class NetworkPartnerSerializer(DirectoryPartnerSerializer):
    network_role = serializers.CharField()
