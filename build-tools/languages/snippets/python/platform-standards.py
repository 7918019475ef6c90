from aws_cdk import App, Duration, Stack, Stage
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_logs as logs
from cdk_lambda_blueprints import (
    BlueprintFunction, BlueprintStandards, DeploymentStrategy, FunctionDeploymentOptions, RuleResource, RuleViolation,
    StandardDefaults, StandardRule, StandardRules,
)


class OwnerTagRequired(StandardRule):
    """A company rule, written as a class (in any jsii language): every function names its owner."""

    def __init__(self) -> None:
        super().__init__(id="AcmeOwnerTag")

    def check(self, resource: RuleResource) -> list[RuleViolation]:
        for tag in resource.property("Tags") or []:
            if tag.get("Key") == "owner":
                return []
        return [RuleViolation(property="Tags", value='no "owner" tag', allowed='an "owner" tag', reason="on-call needs to know whom to page")]


app = App()
BlueprintStandards.of(app).apply(
    name="acme",
    defaults=StandardDefaults(memory_size=512),
    rules=StandardRules(allowed_architectures=[lambda_.Architecture.ARM_64], custom_rules=[OwnerTagRequired()])
)
prod = Stage(app, "Prod")
BlueprintStandards.of(prod).apply(
    name="acme-prod",
    defaults=StandardDefaults(log_retention=logs.RetentionDays.THREE_MONTHS,
        deployment=FunctionDeploymentOptions(strategy=DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES)),
    rules=StandardRules(deny_public_function_urls=True, max_memory_size=3008, max_timeout=Duration.minutes(2), require_code_deploy_release=True)
)
orders = Stack(prod, "Orders")
BlueprintStandards.of(orders).apply(name="orders-team", defaults=StandardDefaults(tags={"owner": "orders-team"}))
# 512 MB from "acme", three months of logs and a canary release from "acme-prod", the owner tag from "orders-team".
BlueprintFunction(orders, "OrdersHandler",
    runtime=lambda_.Runtime.NODEJS_24_X,
    handler="index.handler",
    code=lambda_.Code.from_inline("exports.handler = async () => ({ statusCode: 200 });")
)
