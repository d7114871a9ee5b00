"""Admin records that arrive from outside (failed logins, review flags, public submissions) are
never typed in by editors: their model viewsets get Django's model permissions minus the
actions listed here."""

from wagtail.permission_policies import ModelPermissionPolicy


class WithoutActionsPolicy(ModelPermissionPolicy):
    def __init__(self, model, refused):
        super().__init__(model)
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
