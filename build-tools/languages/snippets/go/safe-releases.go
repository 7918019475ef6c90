import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

latencyAlarm := awscloudwatch.NewAlarm(stack, jsii.String("LatencyAlarm"), &awscloudwatch.AlarmProps{
	Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
		Namespace:  jsii.String("AWS/Lambda"),
		MetricName: jsii.String("Duration"),
		Statistic:  jsii.String("p99"),
		Period:     awscdk.Duration_Minutes(jsii.Number(1)),
	}),
	Threshold:         jsii.Number(1000),
	EvaluationPeriods: jsii.Number(1),
})
api := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Api"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	Code:    cdklambdablueprints.BlueprintCode_FromFile(jsii.String("handlers/api.js"), nil),
	Deployment: &cdklambdablueprints.FunctionDeploymentOptions{
		AliasName: jsii.String("prod"), // one stack per stage: "dev", "test", "prod"
		// or DeploymentStrategy_Linear(&TrafficShiftOptions{Percentage: jsii.Number(20), Interval: awscdk.Duration_Minutes(jsii.Number(2))})
		Strategy:                      cdklambdablueprints.DeploymentStrategy_CANARY_10_PERCENT_5_MINUTES(),
		SmokeTest:                     &cdklambdablueprints.SmokeTestOptions{Payload: jsii.String(`{"smokeTest":true}`)}, // fails the deployment on a function error
		RollbackAlarms:                &[]awscloudwatch.IAlarm{latencyAlarm},                                             // besides the alias's Errors/Throttles alarms
		ProvisionedConcurrency:        jsii.Number(2),                                                                    // ≤ reserved concurrency
		ProvisionedConcurrencyScaling: &cdklambdablueprints.ProvisionedConcurrencyScaling{MaxCapacity: jsii.Number(20), UtilizationTarget: jsii.Number(0.7)},
	},
	ReservedConcurrentExecutions: jsii.Number(50),
})
api.AddFunctionUrl(&awslambda.FunctionUrlOptions{AuthType: awslambda.FunctionUrlAuthType_AWS_IAM}) // on the alias
