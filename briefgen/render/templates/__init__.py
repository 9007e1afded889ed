"""The template library: manifests, the built-in and user library, packages, validation.

Import from the modules (or from ``briefgen.render``, the package face); this file
re-exports nothing, so that the writers can import the manifest without a circle.
"""
