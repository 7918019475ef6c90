"""Python consumer: the examples sqs-worker, canary-release and vpc-worker written against the Python package.

Each build_* function is the Python form of examples/<name>.ts (same stack, same construct ids, same
handler files), so its template must equal the TypeScript example's. The app also runs the cdk-nag packs
(AwsSolutionsChecks, ServerlessChecks) and LambdaBlueprintChecks and writes what they found to
<outdir>/nag-findings.json (consumers/consumers.test.ts asserts there is nothing).

Run: npx projen test:consumers (installs the wheel from dist/python into .cache/venv-python first).
"""
import json
import os
import sys

import aws_cdk as cdk
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_s3 as s3
from cdk_nag import AwsSolutionsChecks, ServerlessChecks
import cdk_lambda_blueprints as blueprints

HANDLERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "handlers")
ENV = cdk.Environment(account="123456789012", region="us-east-1")


def build_sqs_worker(app: cdk.App) -> cdk.Stack:
    """examples/sqs-worker.ts"""
    stack = cdk.Stack(app, "SqsWorker", env=ENV)
    blueprints.QueueToFunction(stack, "Jobs",
        function_props=blueprints.BlueprintFunctionProps(
            runtime=lambda_.Runtime.NODEJS_24_X,
            handler="index.handler",
            code=blueprints.BlueprintCode.from_file(os.path.join(HANDLERS, "batch-processor.js")),
            timeout=cdk.Duration.seconds(60),
        ),
        source_options=blueprints.QueueSourceOptions(
            batch_size=100, max_batching_window=cdk.Duration.seconds(5), max_concurrency=20,
        ),
    )
    return stack


def build_canary_release(app: cdk.App) -> cdk.Stack:
    """examples/canary-release.ts"""
    stack = cdk.Stack(app, "CanaryRelease", env=ENV)
    api = blueprints.BlueprintFunction(stack, "Api",
        runtime=lambda_.Runtime.NODEJS_24_X,
        handler="index.handler",
        code=blueprints.BlueprintCode.from_file(os.path.join(HANDLERS, "canary-http.js")),
        environment={"STAGE": "prod"},
        deployment=blueprints.FunctionDeploymentOptions(
            alias_name="live",
            strategy=blueprints.DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES,
            smoke_test=blueprints.SmokeTestOptions(
                payload=json.dumps({"smokeTest": True}, separators=(",", ":")),
                expected_response_contains="ok",
            ),
        ),
    )
    # A rollback alarm of our own, on the alias's p99 latency, next to the default Errors/Throttles ones.
    api.release.deployment.add_alarm(cloudwatch.Alarm(stack, "ApiLatencyAlarm",
        metric=api.alias.metric_duration(period=cdk.Duration.minutes(1), statistic="p99"),
        threshold=1_000,
        evaluation_periods=1,
        treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
        alarm_description="CanaryRelease/Api: p99 latency of the live alias above 1 s (rolls a deployment back).",
    ))
    # Triggers go through invoke_target: the URL invokes the alias.
    api.invoke_target.add_function_url(auth_type=lambda_.FunctionUrlAuthType.AWS_IAM)

    blueprints.BlueprintFunction(stack, "Checkout",
        runtime=lambda_.Runtime.NODEJS_24_X,
        handler="index.handler",
        code=blueprints.BlueprintCode.from_file(os.path.join(HANDLERS, "canary-http.js")),
        reserved_concurrent_executions=50,
        deployment=blueprints.FunctionDeploymentOptions(
            strategy=blueprints.DeploymentStrategy.linear(percentage=20, interval=cdk.Duration.minutes(2)),
            provisioned_concurrency=2,
            provisioned_concurrency_scaling=blueprints.ProvisionedConcurrencyScaling(max_capacity=20, utilization_target=0.7),
        ),
    )
    return stack


def build_vpc_worker(app: cdk.App) -> cdk.Stack:
    """examples/vpc-worker.ts"""
    # Environment-agnostic: the VPC's zones are Fn::GetAZs of the region it is deployed to.
    stack = cdk.Stack(app, "VpcWorker")
    network = blueprints.BlueprintVpc(stack, "Network")

    # Stands for the Aurora PostgreSQL cluster's security group.
    database = ec2.SecurityGroup(stack, "AuroraSecurityGroup",
        vpc=network.vpc, description="Aurora PostgreSQL cluster", allow_all_outbound=False)
    bucket = s3.Bucket.from_bucket_name(stack, "InputBucket", "vpc-worker-input-123456789012")

    worker = blueprints.BlueprintFunction(stack, "Worker",
        runtime=lambda_.Runtime.NODEJS_24_X,
        handler="index.handler",
        code=blueprints.BlueprintCode.from_file(os.path.join(HANDLERS, "vpc-worker.js")),
        network=network.private_egress(
            connect_to=[blueprints.NetworkTarget(target=database, port=ec2.Port.tcp(5432))],
        ),
        environment={"BUCKET_NAME": bucket.bucket_name, "DB_HOST": "aurora.cluster.internal", "DB_PORT": "5432"},
    )
    worker.add_to_role_policy(iam.PolicyStatement(actions=["s3:GetObject"], resources=[bucket.arn_for_objects("input/*")]))
    blueprints.NagAcknowledgements.add(worker.role,
        f"AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::{bucket.bucket_name}/input/*]",
        "The worker reads any object under the input/ prefix of its own bucket (keys are only known at run time), with s3:GetObject only.")

    # A second function in the same VPC: no internet, SQS through a shared interface endpoint.
    blueprints.BlueprintFunction(stack, "Notifier",
        runtime=lambda_.Runtime.NODEJS_24_X,
        handler="index.handler",
        code=blueprints.BlueprintCode.from_file(os.path.join(HANDLERS, "hello.js")),
        network=network.isolated(interface_endpoints=[ec2.InterfaceVpcEndpointAwsService.SQS]),
    )
    return stack


def main(outdir: str) -> None:
    app = cdk.App(outdir=outdir)
    stacks = [build_sqs_worker(app), build_canary_release(app), build_vpc_worker(app)]
    # The packs as synth-time validation plugins (a finding fails the synth) ...
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(app), ServerlessChecks(app), blueprints.LambdaBlueprintChecks(app))
    app.synth()
    # ... and each pack's findings per stack, for the test to read.
    findings = {}
    for stack in stacks:
        for pack in (AwsSolutionsChecks(), ServerlessChecks(), blueprints.LambdaBlueprintChecks()):
            report = pack.validate_scope(stack)
            found = [f"{v.rule_name} @ {r.construct_path}" for v in report.violations for r in v.violating_resources]
            findings.setdefault(pack.read_pack_name, {})[stack.stack_name] = found
    with open(os.path.join(outdir, "nag-findings.json"), "w", encoding="utf-8") as f:
        json.dump(findings, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
