"""Settings → Login lockouts: django-axes' failed attempts, read-only, with an "Unlock" action.

Wagtail has no Django admin, where axes shows its records, so they are listed here. Attempts are
never added or edited by hand; unlocking uses axes' own reset, which clears every attempt of
the row's account (or page password) and of its address, since either can hold the lock.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.permissions import register_permission_policy

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt

from portal.permissions import WithoutActionsPolicy


class LockoutIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = []
        if inspect_url := self.get_inspect_url(instance):
            buttons.append(MenuItem(_("Inspect"), url=inspect_url, icon_name="info-circle"))
        if unlock_url := self.get_delete_url(instance):
            buttons.append(MenuItem(_("Unlock"), url=unlock_url, icon_name="lock-open"))
        return buttons


class UnlockView(generic.DeleteView):
    page_title = _("Unlock")
    template_name = "portal/admin/unlock.html"
    success_message = _("Unlocked: %(object)s.")

    @property
    def confirmation_message(self):
        return _(
            "Forget the failed attempts of %(username)s and of the address %(address)s? "
            "Both can try to sign in again at once."
        ) % {"username": self.object.username or "-", "address": self.object.ip_address or "-"}

    def get_success_message(self):
        return self.success_message % {"object": self.object.username or self.object.ip_address}

    def delete_action(self):
        AxesProxyHandler.reset_attempts(
            username=self.object.username, ip_address=self.object.ip_address, ip_or_username=True
        )


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Login lockouts")
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time", "path_info"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    search_backend_name = None
    # Wagtail builds add and edit forms for every model viewset; the policy never lets them open.
    form_fields = []
    ordering = ["-attempt_time"]
    inspect_view_fields = [
        "username",
        "ip_address",
        "failures_since_start",
        "attempt_time",
        "path_info",
        "user_agent",
        "get_data",
        "post_data",
    ]


# Django's model permissions (view, delete = unlock), but nobody adds or edits attempts.
register_permission_policy(AccessAttempt, WithoutActionsPolicy(AccessAttempt, {"add", "change"}))


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet("login_lockouts")
