"""The REST API for external tools, mounted at /api/v1/ (see urls.py).

The contract is the OpenAPI schema at /api/v1/schema/."""
