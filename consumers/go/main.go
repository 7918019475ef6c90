// Go consumer: the examples sqs-worker, canary-release and vpc-worker written against the Go module.
//
// Each build* function is the Go form of examples/<name>.ts (same stack, same construct ids, same handler
// files), so its template must equal the TypeScript example's (consumers/consumers.test.ts).
//
// Run: npx projen test:consumers (builds the module in dist/go first).
package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

func handler(name string) *string {
	_, file, _, _ := runtime.Caller(0)
	return jsii.String(filepath.Join(filepath.Dir(file), "..", "..", "examples", "handlers", name))
}

var env = &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("us-east-1")}

// examples/sqs-worker.ts
func buildSqsWorker(app awscdk.App) {
	stack := awscdk.NewStack(app, jsii.String("SqsWorker"), &awscdk.StackProps{Env: env})
	cdklambdablueprints.NewQueueToFunction(stack, jsii.String("Jobs"), &cdklambdablueprints.QueueToFunctionProps{
		FunctionProps: &cdklambdablueprints.BlueprintFunctionProps{
			Runtime: awslambda.Runtime_NODEJS_24_X(),
			Handler: jsii.String("index.handler"),
			Code:    cdklambdablueprints.BlueprintCode_FromFile(handler("batch-processor.js"), nil),
			Timeout: awscdk.Duration_Seconds(jsii.Number(60)),
		},
		SourceOptions: &cdklambdablueprints.QueueSourceOptions{
			BatchSize:         jsii.Number(100),
			MaxBatchingWindow: awscdk.Duration_Seconds(jsii.Number(5)),
			MaxConcurrency:    jsii.Number(20),
		},
	})
}

// examples/canary-release.ts
func buildCanaryRelease(app awscdk.App) {
	stack := awscdk.NewStack(app, jsii.String("CanaryRelease"), &awscdk.StackProps{Env: env})
	payload, _ := json.Marshal(map[string]bool{"smokeTest": true})
	api := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Api"), &cdklambdablueprints.BlueprintFunctionProps{
		Runtime:     awslambda.Runtime_NODEJS_24_X(),
		Handler:     jsii.String("index.handler"),
		Code:        cdklambdablueprints.BlueprintCode_FromFile(handler("canary-http.js"), nil),
		Environment: &map[string]*string{"STAGE": jsii.String("prod")},
		Deployment: &cdklambdablueprints.FunctionDeploymentOptions{
			AliasName: jsii.String("live"),
			Strategy:  cdklambdablueprints.DeploymentStrategy_CANARY_10_PERCENT_5_MINUTES(),
			SmokeTest: &cdklambdablueprints.SmokeTestOptions{
				Payload:                  jsii.String(string(payload)),
				ExpectedResponseContains: jsii.String("ok"),
			},
		},
	})
	// A rollback alarm of our own, on the alias's p99 latency, next to the default Errors/Throttles ones.
	api.Release().Deployment().AddAlarm(awscloudwatch.NewAlarm(stack, jsii.String("ApiLatencyAlarm"), &awscloudwatch.AlarmProps{
		Metric:            api.Alias().MetricDuration(&awscloudwatch.MetricOptions{Period: awscdk.Duration_Minutes(jsii.Number(1)), Statistic: jsii.String("p99")}),
		Threshold:         jsii.Number(1000),
		EvaluationPeriods: jsii.Number(1),
		TreatMissingData:  awscloudwatch.TreatMissingData_NOT_BREACHING,
		AlarmDescription:  jsii.String("CanaryRelease/Api: p99 latency of the live alias above 1 s (rolls a deployment back)."),
	}))
	// Triggers go through InvokeTarget: the URL invokes the alias.
	api.InvokeTarget().AddFunctionUrl(&awslambda.FunctionUrlOptions{AuthType: awslambda.FunctionUrlAuthType_AWS_IAM})

	cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Checkout"), &cdklambdablueprints.BlueprintFunctionProps{
		Runtime:                      awslambda.Runtime_NODEJS_24_X(),
		Handler:                      jsii.String("index.handler"),
		Code:                         cdklambdablueprints.BlueprintCode_FromFile(handler("canary-http.js"), nil),
		ReservedConcurrentExecutions: jsii.Number(50),
		Deployment: &cdklambdablueprints.FunctionDeploymentOptions{
			Strategy:                      cdklambdablueprints.DeploymentStrategy_Linear(&cdklambdablueprints.TrafficShiftOptions{Percentage: jsii.Number(20), Interval: awscdk.Duration_Minutes(jsii.Number(2))}),
			ProvisionedConcurrency:        jsii.Number(2),
			ProvisionedConcurrencyScaling: &cdklambdablueprints.ProvisionedConcurrencyScaling{MaxCapacity: jsii.Number(20), UtilizationTarget: jsii.Number(0.7)},
		},
	})
}

// examples/vpc-worker.ts
func buildVpcWorker(app awscdk.App) {
	// Environment-agnostic: the VPC's zones are Fn::GetAZs of the region it is deployed to.
	stack := awscdk.NewStack(app, jsii.String("VpcWorker"), nil)
	network := cdklambdablueprints.NewBlueprintVpc(stack, jsii.String("Network"), nil)

	// Stands for the Aurora PostgreSQL cluster's security group.
	database := awsec2.NewSecurityGroup(stack, jsii.String("AuroraSecurityGroup"), &awsec2.SecurityGroupProps{
		Vpc:              network.Vpc(),
		Description:      jsii.String("Aurora PostgreSQL cluster"),
		AllowAllOutbound: jsii.Bool(false),
	})
	input := awss3.Bucket_FromBucketName(stack, jsii.String("InputBucket"), jsii.String("vpc-worker-input-123456789012"))

	worker := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Worker"), &cdklambdablueprints.BlueprintFunctionProps{
		Runtime: awslambda.Runtime_NODEJS_24_X(),
		Handler: jsii.String("index.handler"),
		Code:    cdklambdablueprints.BlueprintCode_FromFile(handler("vpc-worker.js"), nil),
		Network: network.PrivateEgress(&cdklambdablueprints.FunctionNetworkOptions{
			ConnectTo: &[]*cdklambdablueprints.NetworkTarget{{Target: database, Port: awsec2.Port_Tcp(jsii.Number(5432))}},
		}),
		Environment: &map[string]*string{
			"BUCKET_NAME": input.BucketName(),
			"DB_HOST":     jsii.String("aurora.cluster.internal"),
			"DB_PORT":     jsii.String("5432"),
		},
	})
	worker.AddToRolePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("s3:GetObject"),
		Resources: &[]*string{input.ArnForObjects(jsii.String("input/*"))},
	}))
	cdklambdablueprints.NagAcknowledgements_Add(worker.Role(),
		jsii.String("AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::"+*input.BucketName()+"/input/*]"),
		jsii.String("The worker reads any object under the input/ prefix of its own bucket (keys are only known at run time), with s3:GetObject only."))

	// A second function in the same VPC: no internet, SQS through a shared interface endpoint.
	cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Notifier"), &cdklambdablueprints.BlueprintFunctionProps{
		Runtime: awslambda.Runtime_NODEJS_24_X(),
		Handler: jsii.String("index.handler"),
		Code:    cdklambdablueprints.BlueprintCode_FromFile(handler("hello.js"), nil),
		Network: network.Isolated(&cdklambdablueprints.FunctionNetworkOptions{
			InterfaceEndpoints: &[]awsec2.InterfaceVpcEndpointAwsService{awsec2.InterfaceVpcEndpointAwsService_SQS()},
		}),
	})
}

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(os.Args[1])})
	buildSqsWorker(app)
	buildCanaryRelease(app)
	buildVpcWorker(app)
	app.Synth(nil)
}
