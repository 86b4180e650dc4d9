from rest_framework import serializers

from .models import Center


class CenterSerializer(serializers.ModelSerializer):
    hts_prefixes = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Center
        fields = ["code", "name", "office_city", "host_port", "hts_prefixes"]
