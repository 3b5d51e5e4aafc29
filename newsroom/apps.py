from django.apps import AppConfig
from django.apps import apps as django_apps
from django.db.models.signals import post_migrate


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        # The roles' groups hold what newsroom/roles.py declares after every migrate. The
        # signal is sent once per app with models (this package has none); the groups are
        # auth's, so auth's turn applies them, creating every app's permissions first.
        post_migrate.connect(
            apply_declared_roles,
            sender=django_apps.get_app_config("auth"),
            dispatch_uid="newsroom-roles",
        )


def apply_declared_roles(sender, using, apps=django_apps, **kwargs) -> None:
    # ``flush`` sends the signal too, without a migration state: the installed apps then.
    from web.roles import apply_roles

    from .roles import ROLES

    apply_roles(ROLES, apps=apps, using=using)
