"""The error a Python user sees (issue 27): three bad inputs in one app, synthesized.

A memory size out of range, a timeout in milliseconds that is not whole seconds, and an existing SQS queue whose
visibility timeout is below the function's timeout. `app.synth()` raises one RuntimeError that lists every
problem, one line each, with the construct path, the prop in Python's spelling beside the template property,
the value, what is allowed and why. Writes <outdir>/errors.json: the exception's class, its message (str(e)),
and the traceback as Python prints it; consumers/consumers.test.ts asserts the lines.

Run: npx projen test:consumers (consumers/run.sh).
"""
import json
import os
import sys
import traceback

import aws_cdk as cdk
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
import cdk_lambda_blueprints as blueprints

CODE = 'exports.handler = async () => ({ batchItemFailures: [] });'


def main(outdir: str) -> None:
    app = cdk.App(outdir=os.path.join(outdir, "errors.out"))
    stack = cdk.Stack(app, "Errors", env=cdk.Environment(account="123456789012", region="us-east-1"))
    blueprints.BlueprintFunction(stack, "Memory",
        runtime=lambda_.Runtime.NODEJS_24_X,
        handler="index.handler",
        code=lambda_.Code.from_inline(CODE),
        memory_size=20_000,
    )
    blueprints.BlueprintFunction(stack, "Millis",
        runtime=lambda_.Runtime.NODEJS_24_X,
        handler="index.handler",
        code=lambda_.Code.from_inline(CODE),
        timeout=cdk.Duration.millis(1500),
    )
    queue = sqs.Queue(stack, "Slow", visibility_timeout=cdk.Duration.seconds(10), enforce_ssl=True)
    blueprints.QueueToFunction(stack, "Jobs",
        existing_queue=queue,
        function_props=blueprints.BlueprintFunctionProps(
            runtime=lambda_.Runtime.NODEJS_24_X,
            handler="index.handler",
            code=lambda_.Code.from_inline(CODE),
            timeout=cdk.Duration.seconds(60),
        ),
    )
    result = {"raised": None, "message": None, "traceback": None}
    try:
        app.synth()
    except Exception as e:  # jsii raises the JavaScript error as a RuntimeError
        result = {"raised": type(e).__name__, "message": str(e), "traceback": traceback.format_exc()}
    with open(os.path.join(outdir, "errors.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main(sys.argv[1])
