// The frame of the README's Go snippets: build-tools/languages/readme-programs.ts copies it into the package
// of each snippet whose Go form is a function body (consumers/out/readme/go/<slug>/, package renamed), and
// consumers/run.sh compiles them all with `go vet` against dist/go.
//
// The variables below are what such a body may use without declaring it: `stack` (the stack, `this` in
// TypeScript), `app`, and the free variables of the TypeScript snippets (the declarations of
// rosetta/default.ts-fixture, build-tools/languages/rosetta-fixture.ts), real objects of that stack. A body that
// declares one of these names shadows it. The same names are in consumers/readme/run_snippets.py and
// consumers/readme/SnippetStack.java.
package readme

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscertificatemanager"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsefs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awselasticloadbalancingv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecretsmanager"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsssm"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

var (
	// The app under test (in Python: an app with the sqs-worker stack and a REST API).
	app   = awscdk.NewApp(nil)
	stack = awscdk.NewStack(awscdk.NewApp(nil), jsii.String("Snippet"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("us-east-1")},
	})
	vpc         = awsec2.NewVpc(stack, jsii.String("PreludeVpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2), NatGateways: jsii.Number(1)})
	accessPoint = awsefs.NewFileSystem(stack, jsii.String("PreludeFileSystem"), &awsefs.FileSystemProps{Vpc: vpc, Encrypted: jsii.Bool(true)}).
			AddAccessPoint(jsii.String("PreludeAccessPoint"), &awsefs.AccessPointOptions{Path: jsii.String("/data")})
	alb                = awselasticloadbalancingv2.NewApplicationLoadBalancer(stack, jsii.String("PreludeAlb"), &awselasticloadbalancingv2.ApplicationLoadBalancerProps{Vpc: vpc})
	bucket             = awss3.NewBucket(stack, jsii.String("PreludeBucket"), &awss3.BucketProps{EnforceSSL: jsii.Bool(true)})
	cacheSecurityGroup = awsec2.NewSecurityGroup(stack, jsii.String("PreludeCacheGroup"), &awsec2.SecurityGroupProps{Vpc: vpc, AllowAllOutbound: jsii.Bool(false)})
	certificate        = awscertificatemanager.Certificate_FromCertificateArn(stack, jsii.String("PreludeCertificate"),
				jsii.String("arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"))
	cluster = awsrds.NewDatabaseCluster(stack, jsii.String("PreludeCluster"), &awsrds.DatabaseClusterProps{
		Engine: awsrds.DatabaseClusterEngine_AuroraPostgres(&awsrds.AuroraPostgresClusterEngineProps{Version: awsrds.AuroraPostgresEngineVersion_VER_16_4()}),
		Writer: awsrds.ClusterInstance_ServerlessV2(jsii.String("writer"), nil),
		Vpc:    vpc,
	})
	code          = awslambda.Code_FromInline(jsii.String("exports.handler = async () => ({ statusCode: 200 });"))
	eventBus      = awsevents.NewEventBus(stack, jsii.String("PreludeEventBus"), nil)
	extensionArn  = "arn:aws:lambda:us-east-1:123456789012:layer:my-extension:3"
	fifoQueue     = awssqs.NewQueue(stack, jsii.String("PreludeFifoQueue"), &awssqs.QueueProps{Fifo: jsii.Bool(true), EnforceSSL: jsii.Bool(true)})
	functionProps = &cdklambdablueprints.BlueprintFunctionProps{Runtime: awslambda.Runtime_NODEJS_24_X(), Handler: jsii.String("index.handler"), Code: code}
	fn            = cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("PreludeFunction"), functionProps)
	key           = awskms.NewKey(stack, jsii.String("PreludeKey"), &awskms.KeyProps{EnableKeyRotation: jsii.Bool(true)})
	latencyAlarm  = awscloudwatch.NewAlarm(stack, jsii.String("PreludeLatencyAlarm"), &awscloudwatch.AlarmProps{
		Metric: awscloudwatch.NewMetric(&awscloudwatch.MetricProps{
			Namespace: jsii.String("AWS/Lambda"), MetricName: jsii.String("Duration"), Statistic: jsii.String("p99"),
		}),
		Threshold:         jsii.Number(1000),
		EvaluationPeriods: jsii.Number(1),
	})
	layer = awslambda.NewLayerVersion(stack, jsii.String("PreludeLayer"), &awslambda.LayerVersionProps{
		Code:                    awslambda.Code_FromAsset(jsii.String("layers/shared-deps"), nil),
		CompatibleRuntimes:      &[]awslambda.Runtime{awslambda.Runtime_NODEJS_24_X()},
		CompatibleArchitectures: &[]awslambda.Architecture{awslambda.Architecture_ARM_64()},
		License:                 jsii.String("MIT"),
	})
	legacyFn      = cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("PreludeLegacyFunction"), functionProps)
	param         = awsssm.StringParameter_FromStringParameterName(stack, jsii.String("PreludeParam"), jsii.String("/prelude/param"))
	queue         = awssqs.NewQueue(stack, jsii.String("PreludeQueue"), &awssqs.QueueProps{EnforceSSL: jsii.Bool(true)})
	secret        = awssecretsmanager.NewSecret(stack, jsii.String("PreludeSecret"), nil)
	securityGroup = awsec2.NewSecurityGroup(stack, jsii.String("PreludeSecurityGroup"), &awsec2.SecurityGroupProps{Vpc: vpc})
	stream        = awskinesis.NewStream(stack, jsii.String("PreludeStream"), &awskinesis.StreamProps{Encryption: awskinesis.StreamEncryption_MANAGED})
	table         = awsdynamodb.NewTable(stack, jsii.String("PreludeTable"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("pk"), Type: awsdynamodb.AttributeType_STRING},
		Stream:       awsdynamodb.StreamViewType_NEW_AND_OLD_IMAGES,
	})
	topic = awssns.NewTopic(stack, jsii.String("PreludeTopic"), &awssns.TopicProps{EnforceSSL: jsii.Bool(true)})
)
