"""The admin's door to ``articles.withdrawals``: withdraw a story with a reason and a notice, or restore it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .models import DEFAULT_NOTICES, ArticlePage, Withdrawal, WithdrawalKind
from .withdrawals import check_may_withdraw, restore_article, withdraw_article


class WithdrawalForm(forms.ModelForm):
    class Meta:
        model = Withdrawal
        fields = ["kind", "reason", "notice"]
        widgets = {"kind": forms.RadioSelect, "reason": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "kind": _(
                "Withdrawn: readers still see the headline and byline with the notice. Killed or taken "
                "down: they see the notice alone."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notice"].required = False
        defaults = "; ".join(
            gettext("%(kind)s: “%(notice)s”") % {"kind": WithdrawalKind(kind).label, "notice": notice}
            for kind, notice in DEFAULT_NOTICES.items()
        )
        notice_help = gettext("%(help_text)s Leave it empty for the kind's own (%(defaults)s).")
        self.fields["notice"].help_text = notice_help % {
            "help_text": self.fields["notice"].help_text,
            "defaults": defaults,
        }


class WithdrawArticleView(WagtailAdminTemplateMixin, View):
    """Withdraw a story (GET: the form; POST: do it), or restore one withdrawn (POST with ``restore``)."""

    template_name = "newsroom_articles/admin/withdraw_article.html"
    header_icon = "warning"

    def dispatch(self, request, pk):
        self.article = get_object_or_404(ArticlePage, pk=pk)
        check_may_withdraw(self.article, request.user)
        self.withdrawal = Withdrawal.objects.filter(article=self.article).first()
        return super().dispatch(request, pk)

    def get_page_title(self):
        return gettext("Restore story") if self.withdrawal else gettext("Withdraw story")

    def get_page_subtitle(self):
        return self.article.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(article=self.article, withdrawal=self.withdrawal, **kwargs)

    def get(self, request, pk):
        return self.render_to_response(self.get_context_data(form=WithdrawalForm()))

    def post(self, request, pk):
        if self.withdrawal is not None and "restore" in request.POST:
            restore_article(self.article, user=request.user)
            message = gettext("“%(headline)s” is restored as a draft: publish it when it is ready.")
            messages.success(request, message % {"headline": self.article.title})
            return redirect("wagtailadmin_pages:edit", self.article.pk)
        if self.withdrawal is not None:  # a form sent twice, or from a stale tab: it stays withdrawn
            message = gettext("“%(headline)s” is already withdrawn; nothing was changed.")
            messages.warning(request, message % {"headline": self.article.title})
            return redirect("newsroom_withdraw_article", self.article.pk)
        form = WithdrawalForm(request.POST)
        if form.is_valid():
            try:
                withdrawal = withdraw_article(self.article, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                message = withdrawn_message(withdrawal.kind) % {"headline": self.article.title}
                messages.success(request, message)
                return redirect("wagtailadmin_pages:edit", self.article.pk)
        return self.render_to_response(self.get_context_data(form=form))


def withdrawn_message(kind: str) -> str:
    return {
        WithdrawalKind.WITHDRAW: gettext("“%(headline)s” is withdrawn: its address now shows the notice."),
        WithdrawalKind.KILL: gettext("“%(headline)s” is killed: its address now shows the notice."),
        WithdrawalKind.TAKEDOWN: gettext("“%(headline)s” is taken down: its address now shows the notice."),
    }[kind]


def withdrawal_button_label(page, user) -> str | None:
    """ "Withdraw" or "Restore" for an article ``user`` may withdraw, else None. The article is
    read as it stands (the editor's ``page`` may be its latest revision, saved before it went live)."""
    article = ArticlePage.objects.filter(pk=page.pk).first() if page.pk else None
    if article is None:
        return None
    try:
        check_may_withdraw(article, user)
    except PermissionDenied:
        return None
    if Withdrawal.objects.filter(article=article).exists():
        return gettext("Restore withdrawn story")
    return gettext("Withdraw, kill or take down") if article.live or article.go_live_at else None
