import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseventstargets"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambdaeventsources"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsssm"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

table := awsdynamodb.NewTableV2(stack, jsii.String("OrdersTable"), &awsdynamodb.TablePropsV2{
	PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("pk"), Type: awsdynamodb.AttributeType_STRING},
})
dbPassword := awsssm.StringParameter_FromSecureStringParameterAttributes(stack, jsii.String("DbPassword"), &awsssm.SecureStringParameterAttributes{
	ParameterName: jsii.String("/orders/db-password"),
})

orders := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Orders"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	// ≤ 4 KB and dependency-free: inlined as Code.ZipFile; otherwise a content-hashed S3 asset.
	Code:        cdklambdablueprints.BlueprintCode_FromFile(jsii.String("src/orders/handler.js"), nil),
	Environment: &map[string]*string{"TABLE_NAME": table.TableName()},
	// Passed by reference: the variable holds the parameter name, the role may read it.
	Secrets: &map[string]cdklambdablueprints.BlueprintSecret{
		"DB_PASSWORD_PARAMETER": cdklambdablueprints.BlueprintSecret_FromSsmSecureString(dbPassword),
	},
	Deployment: &cdklambdablueprints.FunctionDeploymentOptions{}, // released through a version and the alias "live": everything below invokes the alias
})
orders.AddEnvironment(jsii.String("STAGE"), jsii.String("prod")) // re-validated at synth

// aws-cdk-lib integrations take it as any function:
table.GrantReadWriteData(orders)
orders.AddEventSource(awslambdaeventsources.NewSqsEventSource(awssqs.NewQueue(stack, jsii.String("OrderQueue"), &awssqs.QueueProps{
	VisibilityTimeout: orders.Function().Timeout(),
}), nil))
awsevents.NewRule(stack, jsii.String("EveryHour"), &awsevents.RuleProps{
	Schedule: awsevents.Schedule_Expression(jsii.String("rate(1 hour)")),
	Targets:  &[]awsevents.IRuleTarget{awseventstargets.NewLambdaFunction(orders, nil)},
})
awsapigateway.NewLambdaRestApi(stack, jsii.String("OrdersApi"), &awsapigateway.LambdaRestApiProps{Handler: orders})
