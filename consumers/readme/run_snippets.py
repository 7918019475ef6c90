"""Runs the Python form of every README snippet against the installed wheel (npx projen test:consumers).

The forms come from the README itself: build-tools/languages/readme-programs.ts writes them, with their README
lines, to <out>/python.json. Each runs in a module namespace of its own, in one process (the jsii runtime
starts once), in a workspace folder holding the handler files and folders the snippets name (FILES), and:

- `self` is a stack of a fresh app (account 123456789012, us-east-1), as `this` is in the TypeScript snippets;
- a free variable of the TypeScript snippets (a declaration of rosetta/default.ts-fixture) that the form uses
  without assigning it is a real object made by PRELUDE (`app` is an app under test: the sqs-worker stack of
  consumers/python/app.py and a REST API, for LocalLambda and LocalApi);
- a form that defines Stack subclasses and makes no App (a whole program such as the Quick start) gets them
  instantiated in the fresh app;
- then every App the form made, and the fresh app, is synthesized (the blueprints' checks, custom rules,
  validation plugins run).

A traceback names README.md and the README line. The PRELUDE objects are also made all at once and
synthesized, so that none of them rots unused.

Usage: python consumers/readme/run_snippets.py <out>   (consumers/run.sh: consumers/out/readme)
"""
import ast
import json
import os
import shutil
import sys
import time
import traceback

OUT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

NODE_HANDLER = 'exports.handler = async (event) => ({ statusCode: 200, body: "ok" });\n'
# The files and folders the snippets name, relative to where cdk runs (the workspace).
FILES = {
    "src/orders/handler.js": NODE_HANDLER,
    "src/checkout/index.js": NODE_HANDLER,
    "src/refunds/index.js": NODE_HANDLER,
    "handlers/reader/index.js": NODE_HANDLER,
    "handlers/worker.js": NODE_HANDLER,
    "handlers/batch/index.js": 'exports.handler = async () => ({ batchItemFailures: [] });\n',
    "handlers/processor/index.js": NODE_HANDLER,
    "handlers/sign-up/index.js": "exports.handler = async (event) => event;\n",
    "handlers/edge-viewer-request/index.js": "exports.handler = async (event) => event.Records[0].cf.request;\n",
    "handlers/edge-origin-response/index.js": "exports.handler = async (event) => event.Records[0].cf.response;\n",
    "handlers/greet.js": NODE_HANDLER,
    "handlers/api.js": NODE_HANDLER,
    "handlers/orders/index.js": NODE_HANDLER,
    "handlers/resize.js": 'exports.handler = async () => ({ batchItemFailures: [] });\n',
    "handlers/workflow.js": NODE_HANDLER,
    "layers/shared-deps/nodejs/node_modules/tiny-lib/index.js": "exports.greet = (name) => `hello ${name}`;\n",
    "layers/shared-deps/nodejs/node_modules/tiny-lib/package.json": '{ "name": "tiny-lib", "version": "1.0.0", "main": "index.js" }\n',
    "orders/src/handler.ts": "export const handler = async (): Promise<{ statusCode: number }> => ({ statusCode: 200 });\n",
    "escape/app.py": "def handler(event, context):\n    return {\"statusCode\": 200}\n",
}

# The workspace, inside the repository (a native esbuild resolves from it), made before the jsii runtime
# starts: its Node.js process resolves the snippets' relative paths from the working directory it starts in.
WORKSPACE = os.path.join(OUT, "python-workspace")
shutil.rmtree(WORKSPACE, ignore_errors=True)
for name, content in FILES.items():
    os.makedirs(os.path.dirname(os.path.join(WORKSPACE, name)), exist_ok=True)
    with open(os.path.join(WORKSPACE, name), "w", encoding="utf-8") as f:
        f.write(content)
os.chdir(WORKSPACE)
# Cloud assemblies, bundles and the jsii runtime's files go under <out>/ too (not CDK_OUTDIR: it makes every
# App synthesize again when the process ends).
os.makedirs(os.path.join(OUT, "python-tmp"), exist_ok=True)
os.environ["TMPDIR"] = os.path.join(OUT, "python-tmp")

import aws_cdk as cdk  # noqa: E402 — after chdir (see above)
from aws_cdk import aws_certificatemanager as acm  # noqa: E402
from aws_cdk import aws_cloudwatch as cloudwatch  # noqa: E402
from aws_cdk import aws_dynamodb as dynamodb  # noqa: E402
from aws_cdk import aws_ec2 as ec2  # noqa: E402
from aws_cdk import aws_efs as efs  # noqa: E402
from aws_cdk import aws_elasticloadbalancingv2 as elbv2  # noqa: E402
from aws_cdk import aws_events as events  # noqa: E402
from aws_cdk import aws_kinesis as kinesis  # noqa: E402
from aws_cdk import aws_kms as kms  # noqa: E402
from aws_cdk import aws_lambda as lambda_  # noqa: E402
from aws_cdk import aws_rds as rds  # noqa: E402
from aws_cdk import aws_s3 as s3  # noqa: E402
from aws_cdk import aws_secretsmanager as secretsmanager  # noqa: E402
from aws_cdk import aws_sns as sns  # noqa: E402
from aws_cdk import aws_sqs as sqs  # noqa: E402
from aws_cdk import aws_ssm as ssm  # noqa: E402
import cdk_lambda_blueprints as blueprints  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "consumers", "python"))
import app as consumer_app  # noqa: E402 — consumers/python/app.py: the sqs-worker stack

ENV = cdk.Environment(account="123456789012", region="us-east-1")


def app_under_test(_prelude):
    """The app LocalLambda and LocalApi snippets run: examples/sqs-worker and a REST API (examples/rest-api)."""
    app = cdk.App()
    consumer_app.build_sqs_worker(app)
    stack = cdk.Stack(app, "RestApi", env=ENV)
    handler = blueprints.BlueprintFunction(stack, "Handler",
        runtime=lambda_.Runtime.NODEJS_24_X,
        handler="index.handler",
        code=blueprints.BlueprintCode.from_file(os.path.join(consumer_app.HANDLERS, "rest-handler.js")))
    blueprints.RestApiToFunction(stack, "Api", function=handler)
    return app


def function_props(_prelude):
    return blueprints.BlueprintFunctionProps(
        runtime=lambda_.Runtime.NODEJS_24_X, handler="index.handler", code=lambda_.Code.from_inline(NODE_HANDLER))


def blueprint_function(construct_id):
    return lambda p: blueprints.BlueprintFunction(p.stack, construct_id,
        runtime=lambda_.Runtime.NODEJS_24_X, handler="index.handler", code=lambda_.Code.from_inline(NODE_HANDLER))


# The free variables of the TypeScript snippets (rosetta/default.ts-fixture), in Python's spelling.
PRELUDE = {
    "app": app_under_test,
    "stack": lambda p: p.stack,
    "vpc": lambda p: ec2.Vpc(p.stack, "PreludeVpc", max_azs=2, nat_gateways=1),
    "access_point": lambda p: efs.FileSystem(p.stack, "PreludeFileSystem", vpc=p.get("vpc"), encrypted=True)
        .add_access_point("PreludeAccessPoint", path="/data"),
    "alb": lambda p: elbv2.ApplicationLoadBalancer(p.stack, "PreludeAlb", vpc=p.get("vpc")),
    "bucket": lambda p: s3.Bucket(p.stack, "PreludeBucket", enforce_ssl=True),
    "cache_security_group": lambda p: ec2.SecurityGroup(p.stack, "PreludeCacheGroup", vpc=p.get("vpc"), allow_all_outbound=False),
    "certificate": lambda p: acm.Certificate.from_certificate_arn(p.stack, "PreludeCertificate",
        "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"),
    "cluster": lambda p: rds.DatabaseCluster(p.stack, "PreludeCluster",
        engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
        writer=rds.ClusterInstance.serverless_v2("writer"), vpc=p.get("vpc")),
    "code": lambda p: lambda_.Code.from_inline(NODE_HANDLER),
    "event_bus": lambda p: events.EventBus(p.stack, "PreludeEventBus"),
    "extension_arn": lambda p: "arn:aws:lambda:us-east-1:123456789012:layer:my-extension:3",
    "fifo_queue": lambda p: sqs.Queue(p.stack, "PreludeFifoQueue", fifo=True, enforce_ssl=True),
    "function_props": function_props,
    "fn": blueprint_function("PreludeFunction"),
    "key": lambda p: kms.Key(p.stack, "PreludeKey", enable_key_rotation=True),
    "latency_alarm": lambda p: cloudwatch.Alarm(p.stack, "PreludeLatencyAlarm",
        metric=cloudwatch.Metric(namespace="AWS/Lambda", metric_name="Duration", statistic="p99"),
        threshold=1000, evaluation_periods=1),
    "layer": lambda p: lambda_.LayerVersion(p.stack, "PreludeLayer", code=lambda_.Code.from_asset("layers/shared-deps"),
        compatible_runtimes=[lambda_.Runtime.NODEJS_24_X], compatible_architectures=[lambda_.Architecture.ARM_64], license="MIT"),
    "legacy_fn": blueprint_function("PreludeLegacyFunction"),
    "param": lambda p: ssm.StringParameter.from_string_parameter_name(p.stack, "PreludeParam", "/prelude/param"),
    "queue": lambda p: sqs.Queue(p.stack, "PreludeQueue", enforce_ssl=True),
    "secret": lambda p: secretsmanager.Secret(p.stack, "PreludeSecret"),
    "security_group": lambda p: ec2.SecurityGroup(p.stack, "PreludeSecurityGroup", vpc=p.get("vpc")),
    "stream": lambda p: kinesis.Stream(p.stack, "PreludeStream", encryption=kinesis.StreamEncryption.MANAGED),
    "table": lambda p: dynamodb.Table(p.stack, "PreludeTable",
        partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
        stream=dynamodb.StreamViewType.NEW_AND_OLD_IMAGES),
    "topic": lambda p: sns.Topic(p.stack, "PreludeTopic", enforce_ssl=True),
}


class Prelude:
    """Makes the PRELUDE objects a snippet asks for, once each, in a stack of `app` made when first needed."""

    def __init__(self, app):
        self.app = app
        self.made = {}

    @property
    def stack(self):
        if "self" not in self.made:
            self.made["self"] = cdk.Stack(self.app, "Snippet", env=ENV)
        return self.made["self"]

    def get(self, name):
        if name not in self.made:
            self.made[name] = PRELUDE[name](self)
        return self.made[name]


def free_names(tree):
    """Names the code reads but never binds (assignments, imports, definitions, parameters)."""
    bound, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
    return read - bound


def synth_all(namespace, harness_app):
    apps = [v for v in namespace.values() if isinstance(v, cdk.App)]
    if harness_app.node.children:
        apps.append(harness_app)
    for app in apps:
        app.synth()
    return len(apps)


def run(snippet):
    harness_app = cdk.App()
    # Blank lines first: tracebacks then name the README's own line numbers.
    tree = ast.parse("\n" * (snippet["line"] - 1) + snippet["code"], "README.md")
    free = free_names(tree)
    module = "readme_" + snippet["slug"].replace("-", "_")
    namespace = {"__name__": module}
    prelude = Prelude(harness_app)
    if "self" in free:
        namespace["self"] = prelude.stack
    for name in sorted(free & PRELUDE.keys()):
        namespace[name] = prelude.get(name)
    made_apps = {id(v) for v in namespace.values() if isinstance(v, cdk.App)}
    exec(compile(tree, "README.md", "exec"), namespace)  # noqa: S102 — the README's own code
    if not any(isinstance(v, cdk.App) and id(v) not in made_apps for v in namespace.values()):
        for value in list(namespace.values()):
            if isinstance(value, type) and issubclass(value, cdk.Stack) and value.__module__ == module:
                value(harness_app, value.__name__)
    return f"{synth_all(namespace, harness_app)} app(s) synthesized"


def run_prelude():
    prelude = Prelude(cdk.App())
    for name in PRELUDE:
        prelude.get(name)
    prelude.app.synth()
    return f"{len(PRELUDE)} objects made, their app synthesized"


def main():
    with open(os.path.join(OUT, "python.json"), encoding="utf-8") as f:
        snippets = json.load(f)
    failed = []
    for snippet in snippets + [{"slug": "(prelude)", "line": 0}]:
        start = time.monotonic()
        try:
            what = run_prelude() if snippet["slug"] == "(prelude)" else run(snippet)
            print(f"readme python: {snippet['slug']} (README.md line {snippet['line']}): ok, {what} in {time.monotonic() - start:.1f} s", flush=True)
        except Exception:  # noqa: BLE001 — report every snippet, then fail
            failed.append(snippet["slug"])
            print(f"readme python: {snippet['slug']} (README.md line {snippet['line']}) FAILED:", file=sys.stderr, flush=True)
            traceback.print_exc()
    if failed:
        print(f"readme python: {len(failed)} of {len(snippets)} snippets failed: {', '.join(failed)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
