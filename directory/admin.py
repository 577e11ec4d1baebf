"""The admin is the directory's founders' own: branded as theirs, not Django's."""

from django.contrib import admin

admin.site.site_header = "Directory founders"
admin.site.site_title = "Directory founders"
admin.site.index_title = "The founders' desk"
