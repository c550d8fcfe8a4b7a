from wagtail import hooks

from .admin_input import PortalPagesAdminAPIViewSet


@hooks.register("construct_admin_api")
def refuse_malformed_parameters_in_the_pages_api(router):
    router.register_endpoint("pages", PortalPagesAdminAPIViewSet)
