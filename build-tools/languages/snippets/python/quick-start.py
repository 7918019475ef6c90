from aws_cdk import Stack
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_s3 as s3
from constructs import Construct
from cdk_lambda_blueprints import BlueprintFunction, BlueprintFunctionProps, QueueToFunction


class QuickStartStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # A function with production defaults: arm64, 1,024 MB, 30 s, X-Ray, JSON logs with retention,
        # its own least-privilege role, a dead-letter queue and Errors/Throttles alarms.
        hello = BlueprintFunction(self, "Hello",
            runtime=lambda_.Runtime.NODEJS_24_X,
            handler="index.handler",
            code=lambda_.Code.from_inline("exports.handler = async () => ({ statusCode: 200, body: \"hello\" });")
        )

        # It implements IFunction: aws-cdk-lib's grants and integrations take it as it is.
        uploads = s3.Bucket(self, "Uploads", enforce_ssl=True)
        uploads.grant_read(hello)

        # An SQS queue (encrypted, redrive DLQ, visibility 6 x timeout) consumed by a new function.
        QueueToFunction(self, "Jobs",
            function_props=BlueprintFunctionProps(
                runtime=lambda_.Runtime.NODEJS_24_X,
                handler="index.handler",
                code=lambda_.Code.from_inline("exports.handler = async () => ({ batchItemFailures: [] });")
            )
        )
