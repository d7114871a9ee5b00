"""The HTTP cache in front of the portal (docs/caching.md), in one place.

- policy.py: which responses a shared cache may keep and for how long (a middleware);
- hours.py: how long a listing's "open now" badge stays true, which bounds its page's lifetime;
- purge.py: every URL a publish, unpublish, move, delete or taxonomy change makes stale;
- signals.py and tasks.py: those URLs purged after the change is committed, as a background task.
"""
