import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-lambda-blueprints/cdk-lambda-blueprints-go/cdklambdablueprints"
)

checkout := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Checkout"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	Code:    awslambda.Code_FromAsset(jsii.String("src/checkout"), nil),
})
refunds := cdklambdablueprints.NewBlueprintFunction(stack, jsii.String("Refunds"), &cdklambdablueprints.BlueprintFunctionProps{
	Runtime: awslambda.Runtime_NODEJS_24_X(),
	Handler: jsii.String("index.handler"),
	Code:    awslambda.Code_FromAsset(jsii.String("src/refunds"), nil),
})

// One dashboard for the payments team; the stack's automatic dashboard shows the other functions.
cdklambdablueprints.NewBlueprintDashboard(stack, jsii.String("PaymentsDashboard"), &cdklambdablueprints.BlueprintDashboardProps{
	Functions:     &[]cdklambdablueprints.BlueprintFunction{checkout, refunds},
	DashboardName: jsii.String("payments"),
})

// Or no automatic dashboards at all (explicit BlueprintDashboards are still created):
cdklambdablueprints.BlueprintDashboard_DisableDefault(stack)
