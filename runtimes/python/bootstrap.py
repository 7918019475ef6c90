"""The Python runtime client of the local Lambda emulator (cdk-lambda-blueprints `src/local/`).

Plays the part of Lambda's /var/runtime bootstrap: imports the handler named by _HANDLER
(`module.function`, `package/module.function` allowed) from LAMBDA_TASK_ROOT, then polls the Runtime API
at AWS_LAMBDA_RUNTIME_API (2018-06-01) and posts each result or error back. Standard library only.
"""
import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

BASE = "/2018-06-01/runtime"
HOST, PORT = os.environ["AWS_LAMBDA_RUNTIME_API"].split(":")
conn = http.client.HTTPConnection(HOST, int(PORT))
current_request_id = None
current_tenant_id = None


def request(method, path, body=None, headers=None):
    data = None if body is None else body.encode("utf-8")
    all_headers = dict(headers or {})
    if data is not None:
        all_headers["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=all_headers)
    res = conn.getresponse()
    return res.status, {k.lower(): v for k, v in res.getheaders()}, res.read().decode("utf-8")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = current_request_id
        return True


# LogRecord attributes that are not the caller's `extra` fields (as awslambdaric's JSON formatter counts them).
RESERVED_FIELDS = {
    "name", "msg", "args", "levelname", "levelno", "pathname", "filename", "module", "exc_info", "exc_text",
    "stack_info", "lineno", "funcName", "created", "msecs", "relativeCreated", "thread", "threadName",
    "processName", "process", "aws_request_id", "tenant_id", "_frame_type",
}


class JsonFormatter(logging.Formatter):
    """One JSON object per record, as Lambda's Python runtime writes it: a dict message stays an object, the
    exception's type, message and traceback become fields, `extra` fields are added, null fields are left out."""

    def format(self, record):
        exc = record.exc_info
        record_json = {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + "Z",
            "level": record.levelname,
            "message": record.msg if isinstance(record.msg, dict) and not record.args else record.getMessage(),
            "logger": record.name,
            "stackTrace": traceback.format_tb(exc[2]) if exc else None,
            "errorType": exc[0].__name__ if exc else None,
            "errorMessage": str(exc[1]) if exc else None,
            "requestId": current_request_id,
            "location": "%s:%s:%s" % (record.pathname, record.funcName, record.lineno) if exc else None,
        }
        if current_tenant_id is not None:
            record_json["tenantId"] = current_tenant_id
        for key, value in record.__dict__.items():
            if key not in RESERVED_FIELDS and key not in record_json:
                record_json[key] = value
        return json.dumps({k: v for k, v in record_json.items() if v is not None}, ensure_ascii=False, default=str)


def setup_logging():
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(RequestIdFilter())
    if os.environ.get("AWS_LAMBDA_LOG_FORMAT") == "JSON":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s", "%Y-%m-%dT%H:%M:%S"))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(os.environ.get("AWS_LAMBDA_LOG_LEVEL", "INFO").upper())


class RuntimeFault(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


def user_frames(tb):
    """The traceback from the first frame that is not this bootstrap's (the function's own frames)."""
    here = os.path.abspath(__file__)
    while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) == here:
        tb = tb.tb_next
    return tb


def to_error(err):
    error_type = getattr(err, "error_type", None) or type(err).__name__
    return {
        "errorMessage": str(err),
        "errorType": error_type,
        "requestId": current_request_id or "",
        "stackTrace": traceback.format_tb(user_frames(err.__traceback__)) if not isinstance(err, RuntimeFault) else [],
    }


def log_error(error):
    """An uncaught error as Lambda's Python runtime logs it: one JSON record, or [ERROR] and the traceback."""
    if os.environ.get("AWS_LAMBDA_LOG_FORMAT") == "JSON":
        record = {"timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "level": "ERROR"}
        record.update(error)
        print(json.dumps(record), flush=True)
        return
    lines = ["[ERROR] %s: %s" % (error["errorType"], error["errorMessage"])]
    if error["stackTrace"]:
        lines.append("Traceback (most recent call last):")
        for element in error["stackTrace"]:
            lines.extend(element.splitlines())
    print("\n".join(lines), flush=True)


def load_handler():
    name = os.environ.get("_HANDLER", "")
    if "." not in name:
        raise RuntimeFault("Runtime.MalformedHandlerName", "Bad handler '%s': not enough values to unpack (expected 2, got 1)" % name)
    module_path, function_name = name.rsplit(".", 1)
    module_name = module_path.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as err:
        raise RuntimeFault("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_path, err))
    except SyntaxError as err:
        raise RuntimeFault("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_path, err))
    handler = getattr(module, function_name, None)
    if handler is None:
        raise RuntimeFault("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_path))
    return handler


class CognitoIdentity:
    """context.identity: always an object; its fields are None when the caller sent no identity."""

    def __init__(self, identity):
        identity = identity if isinstance(identity, dict) else {}
        self.cognito_identity_id = identity.get("cognitoIdentityId")
        self.cognito_identity_pool_id = identity.get("cognitoIdentityPoolId")


class Client:
    """context.client_context.client: the mobile app that invoked the function."""

    def __init__(self, client):
        client = client if isinstance(client, dict) else {}
        self.installation_id = client.get("installation_id")
        self.app_title = client.get("app_title")
        self.app_version_name = client.get("app_version_name")
        self.app_version_code = client.get("app_version_code")
        self.app_package_name = client.get("app_package_name")


class ClientContext:
    """context.client_context: None without one; else client (an object), custom and env (dicts)."""

    def __init__(self, context):
        self.client = Client(context.get("client")) if context.get("client") is not None else None
        self.custom = context.get("custom")
        self.env = context.get("env")


class Context:
    def __init__(self, headers):
        self._deadline = int(headers.get("lambda-runtime-deadline-ms", "0"))
        self.aws_request_id = headers.get("lambda-runtime-aws-request-id")
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        cognito = headers.get("lambda-runtime-cognito-identity")
        client = headers.get("lambda-runtime-client-context")
        self.identity = CognitoIdentity(json.loads(cognito) if cognito else None)
        parsed = json.loads(client) if client else None
        self.client_context = ClientContext(parsed) if isinstance(parsed, dict) else None
        self.tenant_id = headers.get("lambda-runtime-aws-tenant-id")

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline - int(time.time() * 1000))


def main():
    global current_request_id, current_tenant_id
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    setup_logging()
    try:
        handler = load_handler()
    except Exception as err:  # noqa: BLE001 - every init failure is reported to the Runtime API
        error = to_error(err)
        log_error(error)
        request("POST", BASE + "/init/error", json.dumps(error), {"Lambda-Runtime-Function-Error-Type": error["errorType"]})
        sys.exit(1)
    while True:
        status, headers, body = request("GET", BASE + "/invocation/next")
        current_request_id = headers.get("lambda-runtime-aws-request-id")
        current_tenant_id = headers.get("lambda-runtime-aws-tenant-id")
        if headers.get("lambda-runtime-trace-id"):
            os.environ["_X_AMZN_TRACE_ID"] = headers["lambda-runtime-trace-id"]
        try:
            result = handler(json.loads(body), Context(headers))
            payload = json.dumps(result)
        except Exception as err:  # noqa: BLE001 - the handler's error goes back to the caller
            error = to_error(err)
            log_error(error)
            request("POST", "%s/invocation/%s/error" % (BASE, current_request_id), json.dumps(error),
                    {"Lambda-Runtime-Function-Error-Type": error["errorType"]})
            continue
        sys.stdout.flush()
        request("POST", "%s/invocation/%s/response" % (BASE, current_request_id), payload)


if __name__ == "__main__":
    try:
        main()
    except (ConnectionError, http.client.HTTPException):
        sys.exit(1)  # the emulator went away: this environment ends
