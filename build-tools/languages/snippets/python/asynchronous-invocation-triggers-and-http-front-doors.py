from aws_cdk import Duration
import aws_cdk.aws_certificatemanager as acm
import aws_cdk.aws_cognito as cognito
import aws_cdk.aws_events as events
import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_logs as logs
import aws_cdk.aws_s3 as s3
import aws_cdk.aws_sns as sns
from cdk_lambda_blueprints import (
    AlbToFunction, AsyncDestination, AsyncInvokeOptions, BlueprintFunction, BlueprintFunctionUrl, BlueprintVpc, CognitoToFunction,
    DurableQueue, EventBridgeToFunction, LogsSubscriptionToFunction, RestApiToFunction, S3ToFunction, SnsToFunction,
)

failures = DurableQueue(self, "Failures")
processor = BlueprintFunction(self, "Processor",
    runtime=lambda_.Runtime.NODEJS_24_X,
    handler="index.handler",
    code=lambda_.Code.from_asset("handlers/processor"),
    async_invoke=AsyncInvokeOptions(retry_attempts=1, max_event_age=Duration.hours(1), on_failure=AsyncDestination.to_queue(failures.queue))
)
bucket = s3.Bucket(self, "Data", enforce_ssl=True, versioned=True)
bucket.grant_read(processor, "incoming/*")
bucket.grant_write(processor, "processed/*")
# refused at synth when the role may put objects under keys the filter matches (an endless loop)
S3ToFunction(self, "OnUpload", function=processor, bucket=bucket, prefix="incoming/")
SnsToFunction(self, "OnOrder", function=processor, topic=sns.Topic(self, "OrderTopic", enforce_ssl=True))
EventBridgeToFunction(self, "Nightly", function=processor, schedule=events.Schedule.cron(hour="3", minute="0"))
RestApiToFunction(self, "ProcessorApi", function=processor)  # IAM auth, WAF, JSON access logs, X-Ray, throttling
vpc = BlueprintVpc(self, "WebNetwork", nat_gateways=1).vpc
certificate = acm.Certificate.from_certificate_arn(self, "Certificate",
    "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555")
AlbToFunction(self, "Web", function=processor, vpc=vpc, certificate=certificate, multi_value_headers=True)
BlueprintFunctionUrl(self, "Url", function=processor)  # AWS_IAM; NONE needs allow_public_access

# Cognito calls a trigger synchronously and waits at most 5 s: a longer function timeout is refused
users = cognito.UserPool(self, "Users",
    mfa=cognito.Mfa.REQUIRED,
    mfa_second_factor=cognito.MfaSecondFactor(sms=False, otp=True),
    password_policy=cognito.PasswordPolicy(min_length=12, require_symbols=True),
    feature_plan=cognito.FeaturePlan.PLUS
)
sign_up_check = BlueprintFunction(self, "SignUpCheck",
    runtime=lambda_.Runtime.NODEJS_24_X,
    handler="index.handler",
    code=lambda_.Code.from_asset("handlers/sign-up"),
    timeout=Duration.seconds(5)
)
CognitoToFunction(self, "OnSignUp", function=sign_up_check, user_pool=users, operation=cognito.UserPoolOperation.PRE_SIGN_UP)
# log events in gzip+base64 batches, invoked asynchronously (the function's DLQ is its failure path)
app_logs = logs.LogGroup(self, "AppLogs", retention=logs.RetentionDays.ONE_MONTH)
LogsSubscriptionToFunction(self, "ShipErrors", function=processor, log_group=app_logs, filter_pattern=logs.FilterPattern.any_term("ERROR"))
