import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

extensionArn := "arn:aws:lambda:us-east-1:123456789012:layer:my-extension:3"
deps := cdklambdablueprints.NewBlueprintLayer(stack, jsii.String("SharedDeps"), &cdklambdablueprints.BlueprintLayerProps{
	Path:                    jsii.String("layers/shared-deps"), // nodejs/node_modules/tiny-lib/... (relative to where cdk runs)
	CompatibleRuntimes:      &[]awslambda.Runtime{awslambda.Runtime_NODEJS_24_X()},
	CompatibleArchitectures: &[]awslambda.Architecture{awslambda.Architecture_ARM_64()},
	License:                 jsii.String("MIT"),
})
deps.GrantUsageToOrganization(jsii.String("o-a1b2c3d4e5"))

fn := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Greet"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	Code:    cdklambdablueprints.BlueprintCode_FromFile(jsii.String("handlers/greet.js"), nil),
	Layers:  &[]awslambda.ILayerVersion{deps},
})
fn.AddLayers(cdklambdablueprints.BlueprintLayer_FromLayerVersionArn(stack, jsii.String("Ext"), jsii.String(extensionArn))) // size unknown: warned
