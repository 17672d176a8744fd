from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "portal.home"
    label = "home"

    def ready(self) -> None:
        from portal.core.signals import demo_content_requested

        from .seed import demo_build

        demo_content_requested.connect(demo_build, dispatch_uid="home.demo")
