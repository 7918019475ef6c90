from aws_cdk import Duration
import aws_cdk.aws_cloudwatch as cloudwatch
import aws_cdk.aws_lambda as lambda_
from cdk_lambda_blueprints import (
    BlueprintCode, BlueprintFunction, DeploymentStrategy, FunctionDeploymentOptions, ProvisionedConcurrencyScaling, SmokeTestOptions,
)

latency_alarm = cloudwatch.Alarm(self, "LatencyAlarm",
    metric=cloudwatch.Metric(namespace="AWS/Lambda", metric_name="Duration", statistic="p99", period=Duration.minutes(1)),
    threshold=1000,
    evaluation_periods=1
)
api = BlueprintFunction(self, "Api",
    runtime=lambda_.Runtime.NODEJS_24_X,
    handler="index.handler",
    code=BlueprintCode.from_file("handlers/api.js"),
    deployment=FunctionDeploymentOptions(
        alias_name="prod",  # one stack per stage: "dev", "test", "prod"
        # or DeploymentStrategy.linear(percentage=20, interval=Duration.minutes(2))
        strategy=DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES,
        smoke_test=SmokeTestOptions(payload='{"smokeTest":true}'),  # fails the deployment on a function error
        rollback_alarms=[latency_alarm],  # besides the alias's Errors/Throttles alarms
        provisioned_concurrency=2,  # ≤ reserved concurrency
        provisioned_concurrency_scaling=ProvisionedConcurrencyScaling(max_capacity=20, utilization_target=0.7)
    ),
    reserved_concurrent_executions=50
)
api.add_function_url(auth_type=lambda_.FunctionUrlAuthType.AWS_IAM)  # on the alias
