"""Python consumer: a platform standard with a custom rule written in Python (a StandardRule subclass).

Synthesizes two apps under a standard whose custom rule refuses functions above 1,024 MB — one compliant,
one not — and writes what happened to <outdir>/custom-rule.json for consumers/consumers.test.ts: the
compliant app synthesizes, the other fails with the rule's message (rule id, value, standard and scope).

Run: npx projen test:consumers (after app.py, in the same virtual environment).
"""
import json
import os
import sys
import typing

import aws_cdk as cdk
import jsii
from aws_cdk import aws_lambda as lambda_
import cdk_lambda_blueprints as blueprints


class MemoryAtMost1024(blueprints.StandardRule):
    """Acme's rule, in Python: no function above 1,024 MB."""

    def __init__(self) -> None:
        super().__init__(id="AcmePythonMemory")

    @jsii.member(jsii_name="check")
    def check(self, resource: blueprints.RuleResource) -> typing.List[blueprints.RuleViolation]:
        memory = resource.property("MemorySize")
        if not isinstance(memory, (int, float)) or memory <= 1024:
            return []
        return [blueprints.RuleViolation(property="MemorySize", value=f"{int(memory)} MB", allowed="at most 1024 MB",
                                         reason="the Python platform team says so")]


def synth(memory: int) -> str:
    """Synthesizes an app with one function of `memory` MB; returns the error message, or '' when it synthesizes."""
    app = cdk.App()
    blueprints.BlueprintStandards.of(app).apply(name="acme-python", rules=blueprints.StandardRules(custom_rules=[MemoryAtMost1024()]))
    stack = cdk.Stack(app, "PythonStandards", env=cdk.Environment(account="123456789012", region="us-east-1"))
    lambda_.Function(stack, "Plain", runtime=lambda_.Runtime.NODEJS_24_X, handler="index.handler",
                     code=lambda_.Code.from_inline("exports.handler = async () => 1;"), memory_size=memory)
    try:
        app.synth()
        return ""
    except Exception as e:  # noqa: BLE001 — jsii raises the JavaScript error as a generic exception
        return str(e)


def main(outdir: str) -> None:
    result = {"compliant": synth(512), "violating": synth(2048)}
    with open(os.path.join(outdir, "custom-rule.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
