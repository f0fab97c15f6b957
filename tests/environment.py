"""Test defaults for environment variables, set before Django reads its settings (loaded with -p)."""

import os
import tempfile

# A developer's local .env (written by `make run`) must not change what the tests see.
os.environ.setdefault("ENV_FILE", "")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("STATIC_MANIFEST", "0")
os.environ.setdefault("API_THROTTLE_RATE", "100000/hour")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="conflict-tracker-media-"))
os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="conflict-tracker-static-"))
# Tests run tasks in-process; the end-to-end test starts a real worker on TEST_REDIS_URL.
if os.environ.get("REDIS_URL"):
    os.environ.setdefault("TEST_REDIS_URL", os.environ.pop("REDIS_URL"))
