"""The founders' tools for the blog. Proposal actions call the same model methods as everything else."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from blog.forms import DeclineForm
from blog.models import GuestAuthor, Post, Proposal, ProposalEvent, Topic, TransitionNotAllowed
from core.admin import ModelAdmin
from core.images import open_upload


class ImageUploadField(forms.FileField):
    """An image upload checked by core.images.open_upload; cleans to an upright PIL image."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return open_upload(upload) if upload else None


class PostAdminForm(forms.ModelForm):
    hero_upload = ImageUploadField(
        label="Hero image",
        required=False,
        help_text="Optional. A JPEG, PNG or WebP photo; it is cropped to 16:9 and all metadata (GPS included) removed.",
    )
    remove_hero = forms.BooleanField(label="Remove the current hero image", required=False)

    class Meta:
        model = Post
        fields = ["title", "slug", "author", "topics", "summary", "body", "status", "published_at", "hero_alt"]

    def clean(self):
        cleaned = super().clean()
        keeps_image = self.instance.hero_image and not cleaned.get("remove_hero")
        has_image = cleaned.get("hero_upload") is not None or keeps_image
        if has_image and not (cleaned.get("hero_alt") or "").strip():
            self.add_error("hero_alt", "Describe the image for people who cannot see it.")
        return cleaned


class GuestAuthorAdminForm(forms.ModelForm):
    photo_upload = ImageUploadField(
        label="Photo",
        required=False,
        help_text="Optional. Cropped to a square, all metadata (GPS included) removed. Without one, initials show.",
    )
    remove_photo = forms.BooleanField(label="Remove the current photo", required=False)

    class Meta:
        model = GuestAuthor
        fields = ["name", "credentials", "bio", "website", "email", "listing"]


@admin.register(Topic)
class TopicAdmin(ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(GuestAuthor)
class GuestAuthorAdmin(ModelAdmin):
    form = GuestAuthorAdminForm
    list_display = ["name", "credentials", "email", "created_at"]
    search_fields = ["name", "credentials", "email", "bio"]
    raw_id_fields = ["listing"]
    readonly_fields = ["current_photo"]

    @admin.display(description="Current photo")
    def current_photo(self, obj):
        if not obj.photo:
            return "None (initials are shown)"
        return format_html('<img src="{}" width="120" height="120" alt="">', obj.photo.url)

    def save_model(self, request, obj, form, change):
        if form.cleaned_data.get("remove_photo"):
            obj.photo.delete(save=False)
        if form.cleaned_data.get("photo_upload") is not None:
            obj.set_photo(form.cleaned_data["photo_upload"])
        super().save_model(request, obj, form, change)


@admin.register(Post)
class PostAdmin(ModelAdmin):
    form = PostAdminForm
    list_display = ["title", "author", "status", "published_at", "is_live", "reading_minutes"]
    list_filter = ["status", "topics", "author"]
    search_fields = ["title", "summary", "body", "author__name"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    autocomplete_fields = ["author"]
    filter_horizontal = ["topics"]
    list_select_related = ["author"]
    readonly_fields = ["current_hero", "reading_minutes", "created_at", "updated_at", "view_on_site_link"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "topics", "summary", "body"]}),
        ("Publishing", {"fields": ["status", "published_at", "view_on_site_link"]}),
        ("Hero image", {"fields": ["current_hero", "hero_upload", "remove_hero", "hero_alt"]}),
        ("About", {"fields": ["reading_minutes", "created_at", "updated_at"]}),
    ]

    def view_on_site(self, obj):
        # Only live articles have a public page; drafts and scheduled ones would be a 404.
        return obj.get_absolute_url() if obj.is_live else None

    @admin.display(boolean=True, description="Visible now")
    def is_live(self, obj):
        return obj.is_live

    @admin.display(description="Current hero image")
    def current_hero(self, obj):
        if not obj.hero_image_small:
            return "None"
        return format_html('<img src="{}" width="300" alt="">', obj.hero_image_small.url)

    @admin.display(description="On the site")
    def view_on_site_link(self, obj):
        if not obj.pk:
            return "—"
        if not obj.is_live:
            return "Not visible yet (draft or scheduled)."
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())

    def save_model(self, request, obj, form, change):
        if form.cleaned_data.get("remove_hero"):
            obj.clear_hero_image()
        if form.cleaned_data.get("hero_upload") is not None:
            obj.set_hero_image(form.cleaned_data["hero_upload"])
        super().save_model(request, obj, form, change)


class ProposalEventInline(admin.TabularInline):
    model = ProposalEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "actor", "from_status", "to_status", "note"]
    readonly_fields = fields
    verbose_name = "history entry"
    verbose_name_plural = "history"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _run_transition(modeladmin, request, queryset, verb, call):
    done, refused = [], []
    for proposal in queryset:
        try:
            result = call(proposal)
        except TransitionNotAllowed as error:
            refused.append(str(error))
        else:
            done.append((proposal, result))
    if done:
        plural = "s" if len(done) != 1 else ""
        modeladmin.message_user(request, f"{verb}: {len(done)} proposal{plural}.", messages.SUCCESS)
    for reason in refused:
        modeladmin.message_user(request, f"Not changed: {reason}", messages.WARNING)
    return done


@admin.register(Proposal)
class ProposalAdmin(ModelAdmin):
    list_display = ["title", "name", "email", "status", "created_at", "draft_link"]
    list_filter = ["status", "created_at"]
    search_fields = ["title", "name", "email", "summary", "credentials"]
    date_hierarchy = "created_at"
    inlines = [ProposalEventInline]
    actions = ["mark_in_review", "accept", "decline"]
    # The proposal is the proposer's own words: shown as sent, never edited. Actions move it along.
    fields = [
        "status", "draft_link", "name", "email", "credentials", "website", "listing", "title", "summary",
        "why_it_matters", "confirmed_values", "created_at", "updated_at",
    ]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # proposals come from the public form

    @admin.display(description="Draft article")
    def draft_link(self, obj):
        if not obj.post_id:
            return "—"
        return format_html('<a href="{}">Edit the draft</a>', reverse("admin:blog_post_change", args=[obj.post_id]))

    @admin.action(permissions=["change"], description="Mark in review (emails the proposer)")
    def mark_in_review(self, request, queryset):
        _run_transition(self, request, queryset, "Marked in review", lambda p: p.mark_in_review(by=request.user))

    @admin.action(permissions=["change"], description="Accept and create a draft article (emails the proposer)")
    def accept(self, request, queryset):
        done = _run_transition(self, request, queryset, "Accepted", lambda p: p.accept(by=request.user))
        if done:
            rows = ((reverse("admin:blog_post_change", args=[post.pk]), post) for _, post in done)
            links = format_html_join(", ", '<a href="{}">{}</a>', rows)
            self.message_user(request, format_html("Draft articles created: {}", links), messages.INFO)

    @admin.action(permissions=["change"], description="Decline with a message (emails the proposer)")
    def decline(self, request, queryset):
        form = DeclineForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            message = form.cleaned_data["message"]
            _run_transition(self, request, queryset, "Declined", lambda p: p.decline(by=request.user, message=message))
            return None  # back to the list
        context = {
            **self.admin_site.each_context(request),
            "title": "Decline proposals",
            "opts": self.model._meta,
            "queryset": queryset,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "blog/admin/proposal_decline.html", context)
