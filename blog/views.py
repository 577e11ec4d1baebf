from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from blog.forms import ProposalForm
from blog.models import Post, Topic
from blog.seo import post_json_ld
from core.links import site_url
from core.ratelimit import RateLimit, client_ip

POSTS_PER_PAGE = 10
PROPOSAL_LIMIT = RateLimit(scope="blog-proposal", limit=5, window=60 * 60)


@require_GET
def post_list(request, topic_slug=None):
    topic = get_object_or_404(Topic, slug=topic_slug) if topic_slug else None
    posts = Post.objects.published().for_cards()
    if topic:
        posts = posts.filter(topics=topic)
    page = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    topics = Topic.objects.filter(Exists(Post.objects.published().filter(topics=OuterRef("pk"))))
    canonical_url = site_url(request.path) + (f"?page={page.number}" if page.number > 1 else "")
    context = {"page": page, "posts": page.object_list, "topic": topic, "topics": topics}
    context["canonical_url"] = canonical_url
    return render(request, "blog/post_list.html", context)


@require_GET
def post_detail(request, slug):
    post = get_object_or_404(Post.objects.published().select_related("author").prefetch_related("topics"), slug=slug)
    previous_post, next_post = post.previous_post(), post.next_post()
    context = {
        "post": post,
        "previous_post": previous_post,
        "next_post": next_post,
        "related_posts": list(Post.objects.related_to(post, besides=[previous_post, next_post])),
        "listing": post.author.published_listing(),
        "json_ld": post_json_ld(post),
        "canonical_url": site_url(post.get_absolute_url()),
        "hero_url": site_url(post.hero_image.url) if post.hero_image else "",
    }
    return render(request, "blog/post_detail.html", context)


@require_http_methods(["GET", "POST"])
def propose(request):
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.is_bot():
            return redirect("blog:propose_done")  # pretend success; store nothing
        if not PROPOSAL_LIMIT.hit(client_ip(request)):
            context = {"form": form, "rate_limited": True, "retry_minutes": -(-PROPOSAL_LIMIT.retry_after() // 60)}
            return render(request, "blog/proposal_form.html", context, status=429)
        proposal = form.save(commit=False)
        proposal.submit()
        return redirect("blog:propose_done")
    return render(request, "blog/proposal_form.html", {"form": form})


@require_GET
def propose_done(request):
    return render(request, "blog/proposal_done.html")
