import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

instancesVpc := cdklambdablueprints.NewBlueprintVpc(stack, jsii.String("InstancesVpc"), nil)
capacity := cdklambdablueprints.NewBlueprintCapacityProvider(stack, jsii.String("Capacity"), &cdklambdablueprints.BlueprintCapacityProviderProps{
	Network:      instancesVpc.PrivateEgress(nil),
	MaxVCpuCount: jsii.Number(64),
})
cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Resize"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime:    awslambda.Runtime_NODEJS_24_X(),
	Handler:    jsii.String("index.handler"),
	Code:       cdklambdablueprints.BlueprintCode_FromFile(jsii.String("handlers/resize.js"), nil),
	MemorySize: jsii.Number(4096),
	// or any ICapacityProvider (imported ones too)
	CapacityProvider: capacity,
	CapacityProviderOptions: &awslambda.CapacityProviderFunctionOptions{
		ExecutionEnvironmentMemoryGiBPerVCpu:  jsii.Number(2),
		PerExecutionEnvironmentMaxConcurrency: jsii.Number(32),
	},
})

workflow := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("OrderWorkflow"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	Code:    cdklambdablueprints.BlueprintCode_FromFile(jsii.String("handlers/workflow.js"), nil),
	// released through the alias `live`
	DurableConfig: &awslambda.DurableConfig{ExecutionTimeout: awscdk.Duration_Days(jsii.Number(1))},
})
// targets the alias
cdklambdablueprints.NewEventBridgeToFunction(stack, jsii.String("OrderPlaced"), &cdklambdablueprints.EventBridgeToFunctionProps{
	Function:     workflow,
	EventPattern: &awsevents.EventPattern{Source: &[]*string{jsii.String("shop.orders")}},
})
