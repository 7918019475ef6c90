"""A Python HTTP handler for SnapStart, released by canary.

SnapStart runs the module's init once per published version and restores every new environment from that
snapshot: the price table below is loaded once, not per cold start. Anything unique (an id, a random seed, a
connection) made at init would be shared by every restored environment, so it is made after restore instead:
Lambda's Python runtimes (3.12+) provide the hooks in `snapshot_restore_py`. A smoke test sends
{"smokeTest": true} to each new version before CodeDeploy shifts traffic to it.
"""
import json
import logging
import random
import uuid

try:
    from snapshot_restore_py import register_after_restore, register_before_snapshot
except ImportError:  # outside Lambda (tests, the local emulator) there is no snapshot to take or restore
    def register_before_snapshot(hook):
        return hook

    def register_after_restore(hook):
        return hook

# Init: captured in the snapshot, shared by every environment restored from it.
logger = logging.getLogger("quotes")
PRICES = {"apple": 120, "kiwi": 45, "pear": 90}
environment = {"id": None}


@register_before_snapshot
def forget_identity():
    environment["id"] = None


@register_after_restore
def new_identity():
    environment["id"] = str(uuid.uuid4())
    random.seed()


def handler(event, context):
    if event.get("smokeTest"):
        return {"statusCode": 200, "body": "ok"}
    if environment["id"] is None:  # an on-demand start (no snapshot), e.g. $LATEST or locally
        new_identity()
    item = (event.get("queryStringParameters") or {}).get("item", "")
    if item not in PRICES:
        return {"statusCode": 404, "body": json.dumps({"error": f"no price for {item!r}", "items": sorted(PRICES)})}
    logger.info("quote", extra={"item": item, "environment": environment["id"]})
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"item": item, "cents": PRICES[item], "environment": environment["id"]}),
    }
