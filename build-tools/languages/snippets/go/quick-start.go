package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

func NewQuickStartStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// A function with production defaults: arm64, 1,024 MB, 30 s, X-Ray, JSON logs with retention,
	// its own least-privilege role, a dead-letter queue and Errors/Throttles alarms.
	hello := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Hello"), &cdklambdablueprints.BlueprintFunctionProps{
		Runtime: awslambda.Runtime_NODEJS_24_X(),
		Handler: jsii.String("index.handler"),
		Code:    awslambda.Code_FromInline(jsii.String(`exports.handler = async () => ({ statusCode: 200, body: "hello" });`)),
	})

	// It implements awslambda.IFunction: aws-cdk-lib's grants and integrations take it as it is.
	uploads := awss3.NewBucket(stack, jsii.String("Uploads"), &awss3.BucketProps{EnforceSSL: jsii.Bool(true)})
	uploads.GrantRead(hello, nil)

	// An SQS queue (encrypted, redrive DLQ, visibility 6 x timeout) consumed by a new function.
	cdklambdablueprints.NewQueueToFunction(stack, jsii.String("Jobs"), &cdklambdablueprints.QueueToFunctionProps{
		FunctionProps: &cdklambdablueprints.BlueprintFunctionProps{
			Runtime: awslambda.Runtime_NODEJS_24_X(),
			Handler: jsii.String("index.handler"),
			Code:    awslambda.Code_FromInline(jsii.String("exports.handler = async () => ({ batchItemFailures: [] });")),
		},
	})
	return stack
}

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	NewQuickStartStack(app, "QuickStart", nil)
	app.Synth(nil)
}
