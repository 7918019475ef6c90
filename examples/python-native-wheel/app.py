"""Escapes a name for HTML with markupsafe (its C extension is loaded when it matches the platform)."""
from markupsafe import escape


def handler(event, context):
    return {"html": f"<p>Hello, {escape(event.get('name', 'world'))}!</p>"}
