import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscertificatemanager"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

failures := cdklambdablueprints.NewDurableQueue(stack, jsii.String("Failures"), nil)
processor := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Processor"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	Code:    awslambda.Code_FromAsset(jsii.String("handlers/processor"), nil),
	AsyncInvoke: &cdklambdablueprints.AsyncInvokeOptions{
		RetryAttempts: jsii.Number(1),
		MaxEventAge:   awscdk.Duration_Hours(jsii.Number(1)),
		OnFailure:     cdklambdablueprints.AsyncDestination_ToQueue(failures.Queue()),
	},
})
bucket := awss3.NewBucket(stack, jsii.String("Data"), &awss3.BucketProps{EnforceSSL: jsii.Bool(true), Versioned: jsii.Bool(true)})
bucket.GrantRead(processor, jsii.String("incoming/*"))
bucket.GrantWrite(processor, jsii.String("processed/*"), nil)
// refused at synth when the role may put objects under keys the filter matches (an endless loop)
cdklambdablueprints.NewS3ToFunction(stack, jsii.String("OnUpload"), &cdklambdablueprints.S3ToFunctionProps{
	Function: processor,
	Bucket:   bucket,
	Prefix:   jsii.String("incoming/"),
})
cdklambdablueprints.NewSnsToFunction(stack, jsii.String("OnOrder"), &cdklambdablueprints.SnsToFunctionProps{
	Function: processor,
	Topic:    awssns.NewTopic(stack, jsii.String("OrderTopic"), &awssns.TopicProps{EnforceSSL: jsii.Bool(true)}),
})
cdklambdablueprints.NewEventBridgeToFunction(stack, jsii.String("Nightly"), &cdklambdablueprints.EventBridgeToFunctionProps{
	Function: processor,
	Schedule: awsevents.Schedule_Cron(&awsevents.CronOptions{Hour: jsii.String("3"), Minute: jsii.String("0")}),
})
// IAM auth, WAF, JSON access logs, X-Ray, throttling
cdklambdablueprints.NewRestApiToFunction(stack, jsii.String("ProcessorApi"), &cdklambdablueprints.RestApiToFunctionProps{Function: processor})
vpc := cdklambdablueprints.NewBlueprintVpc(stack, jsii.String("WebNetwork"), &cdklambdablueprints.BlueprintVpcProps{NatGateways: jsii.Number(1)}).Vpc()
certificate := awscertificatemanager.Certificate_FromCertificateArn(stack, jsii.String("Certificate"),
	jsii.String("arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"))
cdklambdablueprints.NewAlbToFunction(stack, jsii.String("Web"), &cdklambdablueprints.AlbToFunctionProps{
	Function:          processor,
	Vpc:               vpc,
	Certificate:       certificate,
	MultiValueHeaders: jsii.Bool(true),
})
// AWS_IAM; NONE needs AllowPublicAccess
cdklambdablueprints.NewBlueprintFunctionUrl(stack, jsii.String("Url"), &cdklambdablueprints.BlueprintFunctionUrlProps{Function: processor})

// Cognito calls a trigger synchronously and waits at most 5 s: a longer function timeout is refused
users := awscognito.NewUserPool(stack, jsii.String("Users"), &awscognito.UserPoolProps{
	Mfa:             awscognito.Mfa_REQUIRED,
	MfaSecondFactor: &awscognito.MfaSecondFactor{Sms: jsii.Bool(false), Otp: jsii.Bool(true)},
	PasswordPolicy:  &awscognito.PasswordPolicy{MinLength: jsii.Number(12), RequireSymbols: jsii.Bool(true)},
	FeaturePlan:     awscognito.FeaturePlan_PLUS,
})
signUpCheck := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("SignUpCheck"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	Code:    awslambda.Code_FromAsset(jsii.String("handlers/sign-up"), nil),
	Timeout: awscdk.Duration_Seconds(jsii.Number(5)),
})
cdklambdablueprints.NewCognitoToFunction(stack, jsii.String("OnSignUp"), &cdklambdablueprints.CognitoToFunctionProps{
	Function:  signUpCheck,
	UserPool:  users,
	Operation: awscognito.UserPoolOperation_PRE_SIGN_UP(),
})
// log events in gzip+base64 batches, invoked asynchronously (the function's DLQ is its failure path)
appLogs := awslogs.NewLogGroup(stack, jsii.String("AppLogs"), &awslogs.LogGroupProps{Retention: awslogs.RetentionDays_ONE_MONTH})
cdklambdablueprints.NewLogsSubscriptionToFunction(stack, jsii.String("ShipErrors"), &cdklambdablueprints.LogsSubscriptionToFunctionProps{
	Function:      processor,
	LogGroup:      appLogs,
	FilterPattern: awslogs.FilterPattern_AnyTerm(jsii.String("ERROR")),
})
